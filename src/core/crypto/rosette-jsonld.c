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

/* Object members sorted by key: the algorithms walk keys in order. */
GList *
_rosette_jsonld_sorted_members (JsonObject *object)
{
  return g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
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

/* IRI expansion (§5.2) and term definitions (§4.2) */
/* Expanded-form helpers */

JsonNode *
_rosette_jsonld_array_node_take (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* Wraps a node as an array (taking it), or returns the array itself. */
JsonArray *
_rosette_jsonld_as_array_take (JsonNode *node)
{
  JsonArray *array;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_array_ref (json_node_get_array (node));
      json_node_unref (node);
      return array;
    }
  array = json_array_new ();
  json_array_add_element (array, node);
  return array;
}
Ctx *
_rosette_jsonld_root_context (const char *base)
{
  Ctx *root = _rosette_jsonld_ctx_new ();

  root->key = g_strconcat ("root:", base != NULL ? base : "", NULL);
  return root;
}

/**
 * rosette_jsonld_expand:
 * @document: a JSON-LD document
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @base: (nullable): the document's base IRI (none for credentials)
 * @flags: safe mode unless %ROSETTE_JSONLD_UNSAFE
 * @error: return location for a #GError
 *
 * Expands @document (JSON-LD 1.1 §5.1). In safe mode, an undefined term
 * or a relative IRI fails with %ROSETTE_ERROR_UNDEFINED_TERM naming it,
 * a context outside the pinned set with %ROSETTE_ERROR_UNKNOWN_CONTEXT.
 *
 * Returns: (transfer full): the expanded form (an array), or %NULL
 */
JsonNode *
rosette_jsonld_expand (JsonNode              *document,
                       RosetteContextLoader  *loader,
                       const char            *base,
                       RosetteJsonldFlags     flags,
                       GError               **error)
{
  Processor p = { loader != NULL ? loader : rosette_context_loader_get_default (), flags, base, 0 };
  g_autoptr(Ctx) root = _rosette_jsonld_root_context (base);
  JsonNode *expanded = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rosette_jsonld_expand_element (&p, root, NULL, document, FALSE, FALSE, 0, &expanded, error))
    {
      g_clear_pointer (&expanded, json_node_unref);
      return NULL;
    }

  if (expanded == NULL)
    return _rosette_jsonld_array_node_take (json_array_new ());
  if (JSON_NODE_HOLDS_OBJECT (expanded) &&
      json_object_get_size (json_node_get_object (expanded)) == 1 &&
      json_object_has_member (json_node_get_object (expanded), "@graph"))
    {
      JsonNode *graph = json_node_ref (json_object_get_member (json_node_get_object (expanded),
                                                               "@graph"));

      json_node_unref (expanded);
      expanded = graph;
    }
  if (!JSON_NODE_HOLDS_ARRAY (expanded))
    expanded = _rosette_jsonld_array_node_take (_rosette_jsonld_as_array_take (expanded));
  return expanded;
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
  g_autoptr(GPtrArray) dataset = NULL;

  dataset = rosette_jsonld_to_rdf (document, loader, NULL, ROSETTE_JSONLD_NONE, error);
  if (dataset == NULL)
    return NULL;
  return rosette_rdfc_canonicalize (dataset, error);
}
