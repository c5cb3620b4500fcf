/* rosette-jsonld-context.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON-LD 1.1 context processing (§4.1): a local context (pinned by URL,
 * or inline) applied to an active context. Results that depend only on
 * pinned inputs are cached in the loader, keyed by the chain of context
 * URLs, so a batch of documents processes each context once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld-private.h"

static void
ctx_clear_protected_state (Ctx *ctx)
{
  GHashTableIter iter;
  gpointer value;

  ctx->has_protected = FALSE;
  g_hash_table_iter_init (&iter, ctx->terms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ctx->has_protected |= ((TermDef *) value)->is_protected;
}

static gboolean
process_context_object (Processor   *p,
                        Ctx         *result,
                        JsonObject  *context,
                        const char  *base_url,
                        gboolean     remote,
                        gboolean     override_protected,
                        gboolean     pinned,
                        GError     **error)
{
  g_autoptr(GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree LdMember *members = NULL;
  gboolean protected_default = FALSE;
  JsonNode *member;

  if ((member = json_object_get_member (context, "@version")) != NULL &&
      !(node_is_number (member) && json_node_get_double (member) == 1.1))
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                 _("The JSON-LD context has an invalid @version"));
  if (json_object_has_member (context, "@import"))
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                 _("The JSON-LD context uses @import, which Rosette does not support"));

  if ((member = json_object_get_member (context, "@base")) != NULL && !remote)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        {
          g_clear_pointer (&result->base, g_free);
        }
      else if (node_string (member) != NULL)
        {
          const char *base = node_string (member);
          char *resolved;

          if (_rosette_jsonld_is_absolute_iri (base))
            resolved = g_strdup (base);
          else
            resolved = _rosette_jsonld_resolve_iri (result->has_base ? result->base : p->base,
                                                    base);
          g_free (result->base);
          result->base = resolved;
        }
      else
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD context has an invalid @base"));
      result->has_base = TRUE;
    }

  if ((member = json_object_get_member (context, "@vocab")) != NULL)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        {
          g_clear_pointer (&result->vocab, g_free);
        }
      else if (node_string (member) != NULL)
        {
          g_autofree char *vocab = NULL;

          if (!_rosette_jsonld_expand_iri (p, result, node_string (member), TRUE, TRUE, NULL,
                                           &vocab, error))
            return FALSE;
          if (vocab == NULL ||
              (!_rosette_jsonld_is_absolute_iri (vocab) && !is_blank_node_id (vocab)))
            {
              if (!_rosette_jsonld_unsafe_drop (p, error,
                                                _("The JSON-LD context has a relative @vocab “%s”"),
                                                node_string (member)))
                return FALSE;
            }
          g_free (result->vocab);
          result->vocab = g_steal_pointer (&vocab);
        }
      else
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD context has an invalid @vocab"));
    }

  if ((member = json_object_get_member (context, "@language")) != NULL)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        g_clear_pointer (&result->language, g_free);
      else if (node_string (member) != NULL)
        {
          g_free (result->language);
          result->language = g_ascii_strdown (node_string (member), -1);
        }
      else
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD context has an invalid @language"));
    }

  if ((member = json_object_get_member (context, "@direction")) != NULL)
    {
      const char *direction = node_string (member);

      if (!JSON_NODE_HOLDS_NULL (member) &&
          g_strcmp0 (direction, "ltr") != 0 && g_strcmp0 (direction, "rtl") != 0)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD context has an invalid @direction"));
      g_free (result->direction);
      result->direction = g_strdup (direction);
    }

  if ((member = json_object_get_member (context, "@propagate")) != NULL &&
      !(JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN))
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                 _("The JSON-LD context has an invalid @propagate"));

  if ((member = json_object_get_member (context, "@protected")) != NULL)
    {
      if (!(JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD context has an invalid @protected"));
      protected_default = json_node_get_boolean (member);
    }

  members = _rosette_jsonld_sorted_members (context);
  for (guint k = 0; members[k].name != NULL; k++)
    {
      const char *key = members[k].name;

      if (strcmp (key, "@base") == 0 || strcmp (key, "@direction") == 0 ||
          strcmp (key, "@import") == 0 || strcmp (key, "@language") == 0 ||
          strcmp (key, "@propagate") == 0 || strcmp (key, "@protected") == 0 ||
          strcmp (key, "@version") == 0 || strcmp (key, "@vocab") == 0)
        continue;
      if (!_rosette_jsonld_create_term_definition (p, result, context, key, defined, base_url,
                                                   protected_default, override_protected, pinned, error))
        return FALSE;
    }

  return TRUE;
}

/* One entry of a local context; takes ownership of nothing. */
static Ctx *
process_one (Processor   *p,
             Ctx         *result,
             Ctx         *active,
             JsonNode    *item,
             const char  *base_url,
             gboolean     override_protected,
             gboolean     propagate,
             gboolean     pinned,
             guint        depth,
             GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (item))
    {
      Ctx *fresh;

      if (!override_protected && result->has_protected)
        {
          _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                _("The JSON-LD document clears a context that has protected terms"));
          return NULL;
        }
      fresh = _rosette_jsonld_ctx_new ();
      fresh->base = g_strdup (active->base);
      fresh->has_base = active->has_base;
      if (!propagate)
        fresh->previous = ctx_ref (result->previous != NULL ? result->previous : result);
      return fresh;
    }

  if (node_string (item) != NULL)
    {
      const char *url = node_string (item);
      JsonNode *document;
      JsonNode *context;

      if (depth >= ROSETTE_JSONLD_MAX_CONTEXTS)
        {
          _rosette_jsonld_fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                                _("The JSON-LD document nests too many contexts"));
          return NULL;
        }
      document = rosette_context_loader_load (p->loader, url, error);
      if (document == NULL)
        return NULL;
      context = json_object_get_member (json_node_get_object (document), "@context");
      if (context == NULL || !JSON_NODE_HOLDS_OBJECT (context))
        {
          _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                _("The JSON-LD context “%s” has no @context object"), url);
          return NULL;
        }
      return _rosette_jsonld_process_context (p, result, context, url, FALSE, TRUE, TRUE,
                                              depth + 1, error);
    }

  if (!JSON_NODE_HOLDS_OBJECT (item))
    {
      _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                            _("The JSON-LD document has an invalid @context"));
      return NULL;
    }

  result = _rosette_jsonld_ctx_clone (result);
  if (!process_context_object (p, result, json_node_get_object (item), base_url,
                               depth > 0 && pinned, override_protected, pinned, error))
    {
      _rosette_jsonld_ctx_unref (result);
      return NULL;
    }
  ctx_clear_protected_state (result);
  return result;
}

/* Cache keys, built without allocating: most lookups hit. */
typedef struct
{
  char  text[1024];
  gsize len;
  gboolean overflow;
} Key;

static void
key_append (Key        *key,
            const char *text,
            gsize       length)
{
  if (key->len + length >= sizeof key->text)
    {
      key->overflow = TRUE;
      return;
    }
  memcpy (key->text + key->len, text, length);
  key->len += length;
  key->text[key->len] = '\0';
}

static void
key_append_str (Key        *key,
                const char *text)
{
  key_append (key, text, strlen (text));
}

/* The key under which the result of applying @local to @active is
 * cached, or NULL when it cannot be: @active must be cached itself, and
 * @local a pinned context object, a context URL or a list of URLs (a
 * document's usual "@context", so that a batch of documents with the same
 * contexts processes them once, with one lookup). */
static const char *
cache_key (Processor  *p,
           Ctx        *active,
           JsonNode   *local,
           gboolean    override_protected,
           gboolean    propagate,
           gboolean    pinned,
           Key        *key)
{
  char flags[5];

  if (active->key == NULL)
    return NULL;
  key->len = 0;
  key->overflow = FALSE;
  key_append_str (key, active->key);
  if (node_string (local) != NULL)
    {
      key_append (key, "|", 1);
      key_append_str (key, node_string (local));
    }
  else if (JSON_NODE_HOLDS_ARRAY (local) && !pinned)
    {
      JsonArray *array = json_node_get_array (local);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *url = node_string (json_array_get_element (array, i));

          if (url == NULL)
            return NULL;
          key_append (key, "|", 1);
          key_append_str (key, url);
        }
    }
  else if (pinned)
    {
      /* The node of a pinned document lives as long as the loader. */
      key_append (key, "|", 1);
      for (guintptr v = GPOINTER_TO_SIZE (local); v != 0; v >>= 4)
        key_append (key, &"0123456789abcdef"[v & 0xf], 1);
    }
  else
    {
      return NULL;
    }
  flags[0] = '|';
  flags[1] = override_protected ? 'o' : '-';
  flags[2] = propagate ? 'p' : '-';
  flags[3] = (p->flags & ROSETTE_JSONLD_UNSAFE) ? 'u' : '-';
  flags[4] = '\0';
  key_append (key, flags, 4);
  /* A key too long for the buffer is not cached (never seen in practice). */
  return key->overflow ? NULL : key->text;
}

/* Processes @local against @active; returns a new reference. @pinned
 * says @local belongs to a pinned context document (cacheable). */
Ctx *
_rosette_jsonld_process_context (Processor   *p,
                                 Ctx         *active,
                                 JsonNode    *local,
                                 const char  *base_url,
                                 gboolean     override_protected,
                                 gboolean     propagate,
                                 gboolean     pinned,
                                 guint        depth,
                                 GError     **error)
{
  g_autoptr(Ctx) result = NULL;
  g_autofree char *key = NULL;
  Key key_buffer;
  const char *lookup_key;

  if (!_rosette_jsonld_spend (p, error))
    return NULL;

  /* A pinned context applied to a cached context gives a cached one. */
  lookup_key = cache_key (p, active, local, override_protected, propagate, pinned, &key_buffer);
  if (lookup_key != NULL)
    {
      Ctx *cached;

      cached = _rosette_context_loader_cache_lookup (p->loader, lookup_key);
      if (cached != NULL)
        return cached;
      /* Processing may recurse: keep the key for the insert below. */
      key = g_strdup (lookup_key);
    }

  if (JSON_NODE_HOLDS_OBJECT (local) &&
      json_object_has_member (json_node_get_object (local), "@propagate"))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (local), "@propagate");

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        propagate = json_node_get_boolean (member);
    }

  if (!propagate && active->previous == NULL)
    {
      result = _rosette_jsonld_ctx_clone (active);
      result->previous = ctx_ref (active);
    }
  else
    {
      result = ctx_ref (active);
    }

  for (guint i = 0; i < node_n_items (local); i++)
    {
      JsonNode *item = node_item (local, i);
      Ctx *next;

      next = process_one (p, result, active, item, base_url, override_protected,
                          propagate, pinned, depth, error);
      if (next == NULL)
        return NULL;
      g_clear_pointer (&result, _rosette_jsonld_ctx_unref);
      result = next;
    }

  if (key != NULL)
    {
      static gint serial;

      /* A context from the cache keeps its key; a new one gets one. */
      if (result->key == NULL)
        result->key = g_strdup_printf ("k%d", g_atomic_int_add (&serial, 1));
      _rosette_context_loader_cache_insert (p->loader, key, result,
                                            (GBoxedCopyFunc) ctx_ref,
                                            (GDestroyNotify) _rosette_jsonld_ctx_unref);
    }
  return g_steal_pointer (&result);
}

/* Expansion (§5.1) */
