/* rosette-jsonld.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON-LD 1.1 expansion and conversion to RDF (W3C JSON-LD 1.1
 * Processing Algorithms and API, §4.1 Context Processing, §5.1 Expansion,
 * §7.1/7.2 Node Map and Deserialize JSON-LD to RDF), for the features the
 * pinned contexts use: protected, type-scoped and property-scoped
 * contexts, @vocab, compact IRIs, @id/@vocab/datatype coercion, @json
 * literals (JCS, RFC 8785), containers @set/@list/@graph/@language, and
 * @included. Anything else (@reverse, @nest, @import, index/id/type maps)
 * is refused, never half-done.
 *
 * Contexts come only from a RosetteContextLoader (pinned, never fetched).
 * Safe mode, as in @digitalbazaar/data-integrity: whatever plain JSON-LD
 * would silently drop — an undefined term, a relative IRI, an empty or
 * free-floating object — is an error naming what was dropped, because a
 * signature over a document with dropped parts would not cover them.
 *
 * The processor is split by responsibility (see rosette-jsonld-private.h);
 * this file holds active contexts, errors, string helpers and the public
 * API.
 *
 * Processed contexts that depend only on pinned inputs are cached in the
 * loader, so a batch of credentials pays for context processing once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld-private.h"
#include "rosette-rdfc.h"

static void
term_def_clear (TermDef *def)
{
  g_free (def->iri);
  g_free (def->type);
  g_free (def->language);
  g_free (def->direction);
  g_clear_pointer (&def->context, json_node_unref);
  g_free (def->base_url);
}

TermDef *
_rosette_jsonld_term_def_ref (TermDef *def)
{
  return g_atomic_rc_box_acquire (def);
}

void
_rosette_jsonld_term_def_unref (TermDef *def)
{
  if (def != NULL)
    g_atomic_rc_box_release_full (def, (GDestroyNotify) term_def_clear);
}

static void
ctx_clear (Ctx *ctx)
{
  g_free (ctx->type_aliases);
  g_hash_table_unref (ctx->terms);
  g_free (ctx->base);
  g_free (ctx->vocab);
  g_free (ctx->language);
  g_free (ctx->direction);
  g_clear_pointer (&ctx->previous, _rosette_jsonld_ctx_unref);
  g_free (ctx->key);
}

Ctx *
_rosette_jsonld_ctx_new (void)
{
  Ctx *ctx = g_atomic_rc_box_new0 (Ctx);

  ctx->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) _rosette_jsonld_term_def_unref);
  return ctx;
}

void
_rosette_jsonld_ctx_unref (Ctx *ctx)
{
  if (ctx != NULL)
    g_atomic_rc_box_release_full (ctx, (GDestroyNotify) ctx_clear);
}

/* The terms of @ctx that stand for @type, worked out on first use (the
 * context is complete by then, and shared between threads). */
const char * const *
_rosette_jsonld_ctx_type_aliases (Ctx *ctx)
{
  const char **aliases = g_atomic_pointer_get (&ctx->type_aliases);
  GHashTableIter iter;
  gpointer term, value;
  GPtrArray *found;

  if (aliases != NULL)
    return aliases;

  found = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, ctx->terms);
  while (g_hash_table_iter_next (&iter, &term, &value))
    {
      TermDef *def = value;

      if (def->iri != NULL && strcmp (def->iri, "@type") == 0)
        g_ptr_array_add (found, term);
    }
  g_ptr_array_add (found, NULL);
  aliases = (const char **) g_ptr_array_free (found, FALSE);
  if (!g_atomic_pointer_compare_and_exchange (&ctx->type_aliases, NULL, aliases))
    {
      g_free (aliases);
      aliases = g_atomic_pointer_get (&ctx->type_aliases);
    }
  return aliases;
}

Ctx *
_rosette_jsonld_ctx_clone (const Ctx *ctx)
{
  Ctx *copy = _rosette_jsonld_ctx_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ctx->terms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->terms, g_strdup (key), _rosette_jsonld_term_def_ref (value));
  copy->base = g_strdup (ctx->base);
  copy->has_base = ctx->has_base;
  copy->vocab = g_strdup (ctx->vocab);
  copy->language = g_strdup (ctx->language);
  copy->direction = g_strdup (ctx->direction);
  copy->previous = ctx->previous != NULL ? ctx_ref (ctx->previous) : NULL;
  copy->has_protected = ctx->has_protected;
  return copy;
}

/* Errors */
gboolean
_rosette_jsonld_fail (GError     **error,
                      int          code,
                      const char  *format,
                      ...)
{
  va_list args;

  if (error != NULL && *error != NULL)
    return FALSE;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (ROSETTE_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* A JSON-LD "warning" that safe mode turns into an error: returns TRUE to
 * carry on (dropping the thing) in unsafe mode. */
gboolean
_rosette_jsonld_unsafe_drop (Processor   *p,
                             GError     **error,
                             const char  *format,
                             ...)
{
  va_list args;

  if (p->flags & ROSETTE_JSONLD_UNSAFE)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (ROSETTE_ERROR, ROSETTE_ERROR_UNDEFINED_TERM, format, args);
  va_end (args);
  return FALSE;
}

gboolean
_rosette_jsonld_spend (Processor  *p,
                       GError    **error)
{
  if (++p->work <= ROSETTE_JSONLD_MAX_WORK)
    return TRUE;
  return _rosette_jsonld_fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                               _("This document is too complex to process safely"));
}

/* Strings */

/* In code point order, for bsearch(). */
static const char * const keywords[] = {
  "@base", "@container", "@context", "@direction", "@graph", "@id", "@import",
  "@included", "@index", "@json", "@language", "@list", "@nest", "@none",
  "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
  "@value", "@version", "@vocab",
};

gboolean
_rosette_jsonld_is_keyword (const char *s)
{
  if (s == NULL || s[0] != '@')
    return FALSE;
  return bsearch (&s, keywords, G_N_ELEMENTS (keywords), sizeof (char *),
                  _rosette_jsonld_compare_strings) != NULL;
}

/* "@" followed by ASCII letters only: reserved for future keywords. */
gboolean
_rosette_jsonld_has_keyword_form (const char *s)
{
  if (s == NULL || s[0] != '@' || s[1] == '\0')
    return FALSE;
  for (const char *c = s + 1; *c != '\0'; c++)
    if (!g_ascii_isalpha (*c))
      return FALSE;
  return TRUE;
}

/* As jsonld.js: a scheme (or "_") then ':' and no whitespace. */
gboolean
_rosette_jsonld_is_absolute_iri (const char *s)
{
  const char *c = s;

  if (s == NULL)
    return FALSE;
  if (c[0] == '_' && c[1] == ':')
    c += 1;
  else if (g_ascii_isalpha (*c))
    {
      while (g_ascii_isalnum (*c) || *c == '+' || *c == '-' || *c == '.')
        c++;
    }
  else
    return FALSE;
  if (*c != ':')
    return FALSE;
  return strpbrk (c, " \t\n\v\f\r") == NULL;
}

gboolean
_rosette_jsonld_ends_with_gen_delim (const char *s)
{
  gsize n = strlen (s);

  return n > 0 && strchr (":/?#[]@", s[n - 1]) != NULL;
}

char *
_rosette_jsonld_resolve_iri (const char *base,
                             const char *value)
{
  g_autoptr(GError) local_error = NULL;
  char *resolved;

  if (base == NULL)
    return g_strdup (value);
  resolved = g_uri_resolve_relative (base, value, G_URI_FLAGS_NONE, &local_error);
  return resolved != NULL ? resolved : g_strdup (value);
}

/* Object members sorted by key, as the algorithms walk them: an array
 * of the object's own names and values ending with a NULL name, to
 * g_free(). */
LdMember *
_rosette_jsonld_sorted_members (JsonObject *object)
{
  LdMember *members = g_new (LdMember, json_object_get_size (object) + 1);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  guint n = 0;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    members[n++] = (LdMember) { name, value };
  members[n] = (LdMember) { NULL, NULL };
  if (n > 16)
    {
      /* The name is the first field, so the string comparison serves. */
      qsort (members, n, sizeof (LdMember), _rosette_jsonld_compare_strings);
      return members;
    }
  /* Most objects are small: an insertion sort does without qsort's
   * buffer and calls. */
  for (guint i = 1; i < n; i++)
    {
      LdMember member = members[i];
      guint k = i;

      for (; k > 0 && strcmp (members[k - 1].name, member.name) > 0; k--)
        members[k] = members[k - 1];
      members[k] = member;
    }
  return members;
}

int
_rosette_jsonld_compare_strings (gconstpointer a,
                                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* JSON deep equality, objects compared regardless of member order. */
gboolean
_rosette_jsonld_json_equal (JsonNode *a,
                            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
      return json_node_equal (a, b);
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          if (!_rosette_jsonld_json_equal (json_array_get_element (x, i),
                                           json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (json_object_get_size (x) != json_object_get_size (y))
          return FALSE;
        json_object_iter_init (&iter, x);
        while (json_object_iter_next (&iter, &name, &member))
          if (!json_object_has_member (y, name) ||
              !_rosette_jsonld_json_equal (member, json_object_get_member (y, name)))
            return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* Arenas */

#define ARENA_BLOCK_SIZE 16384

/* A block's bytes follow its header, which the union keeps 16 bytes
 * long so that they are 16-byte aligned. */
struct _LdBlock
{
  union
  {
    LdBlock *next;
    char     align[16];
  };
};

gpointer
_rosette_jsonld_arena_alloc0 (LdArena *arena,
                              gsize    size)
{
  gpointer memory;

  size = (size + 15) & ~(gsize) 15;
  if (size > arena->left)
    {
      gsize block_size = MAX (ARENA_BLOCK_SIZE, size);
      LdBlock *block = g_malloc (sizeof (LdBlock) + block_size);

      G_STATIC_ASSERT (sizeof (LdBlock) % 16 == 0);
      block->next = arena->blocks;
      arena->blocks = block;
      arena->next = (char *) (block + 1);
      arena->left = block_size;
    }
  memory = arena->next;
  arena->next += size;
  arena->left -= size;
  return memset (memory, 0, size);
}

char *
_rosette_jsonld_arena_strdup (LdArena    *arena,
                              const char *s)
{
  gsize size;

  if (s == NULL)
    return NULL;
  size = strlen (s) + 1;
  return memcpy (_rosette_jsonld_arena_alloc0 (arena, size), s, size);
}

void
_rosette_jsonld_arena_clear (LdArena *arena)
{
  while (arena->blocks != NULL)
    {
      LdBlock *next = arena->blocks->next;

      g_free (arena->blocks);
      arena->blocks = next;
    }
  arena->next = NULL;
  arena->left = 0;
}

void
_rosette_jsonld_vec_add (LdArena  *arena,
                         LdVec    *vec,
                         gpointer  item)
{
  if (vec->len == vec->size)
    {
      guint size = vec->size > 0 ? vec->size * 2 : 4;
      gpointer *data = _rosette_jsonld_arena_alloc0 (arena, size * sizeof (gpointer));

      if (vec->len > 0)
        memcpy (data, vec->data, vec->len * sizeof (gpointer));
      vec->data = data;
      vec->size = size;
    }
  vec->data[vec->len++] = item;
}

/* The empty context a document starts from. */
Ctx *
_rosette_jsonld_root_context (const char *base)
{
  static Ctx *without_base;
  Ctx *root;

  /* Credentials have no base: their (immutable) root is made once. */
  if (base == NULL)
    {
      if (g_once_init_enter (&without_base))
        {
          root = _rosette_jsonld_ctx_new ();
          root->key = g_strdup ("root:");
          g_once_init_leave (&without_base, root);
        }
      return ctx_ref (without_base);
    }

  root = _rosette_jsonld_ctx_new ();
  root->key = g_strconcat ("root:", base, NULL);
  return root;
}

/**
 * rosette_jsonld_canonicalize:
 * @document: a JSON-LD document (a credential, or proof options)
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @error: return location for a #GError
 *
 * JSON-LD to RDF in safe mode, then RDFC-1.0: the text a Data Integrity
 * proof hashes.
 *
 * Returns: (transfer full): canonical N-Quads, or %NULL
 */
char *
rosette_jsonld_canonicalize (JsonNode              *document,
                             RosetteContextLoader  *loader,
                             GError               **error)
{
  return rosette_jsonld_canonicalize_without (document, NULL, loader, error);
}

/**
 * rosette_jsonld_canonicalize_without:
 * @document: a JSON-LD document
 * @member: (nullable): a member of the top-level object to leave out
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @error: return location for a #GError
 *
 * Canonicalizes @document as rosette_jsonld_canonicalize() does, as if
 * its top-level object had no @member: a signed credential hashes
 * without its "proof", and this spares copying it.
 *
 * Returns: (transfer full): canonical N-Quads, or %NULL
 */
char *
rosette_jsonld_canonicalize_without (JsonNode              *document,
                                     const char            *member,
                                     RosetteContextLoader  *loader,
                                     GError               **error)
{
  g_autoptr(GPtrArray) dataset = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dataset = _rosette_jsonld_to_rdf_without (document, member, loader, NULL, ROSETTE_JSONLD_NONE,
                                            error);
  if (dataset == NULL)
    return NULL;
  return rosette_rdfc_canonicalize (dataset, error);
}
