/* rosette-jsonld-terms.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * "Is every property of this document defined by its contexts?" — the
 * question JSON-LD safe mode asks before a Data Integrity proof can be
 * made or checked, answered without a JSON-LD processor.
 *
 * The check follows the scoping rules that matter for VC and OB documents:
 * the terms of the listed contexts apply everywhere; a node's "type" adds
 * that type's scoped context for the node's own properties only (type-
 * scoped contexts do not propagate into nested nodes); a property's scoped
 * context applies to its value and propagates. The VC v2 context's @vocab
 * fallback is deliberately ignored: a term that only @vocab "defines" is
 * reported, since it expands to an issuer-dependent IRI nobody understands.
 * Type values must be defined terms too. Values of @json terms are opaque.
 *
 * Only the contexts Rosette ships are known (rosette_jsonld_load_contexts());
 * they are read from disk, never fetched.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-credential.h"
#include "rosette-error.h"
#include "rosette-jsonld-terms.h"
#include "rosette-utils.h"

#define MAX_DEPTH 32

static const struct
{
  const char *url;
  const char *file;
} known_contexts[] = {
  { ROSETTE_CONTEXT_VC_V2, "credentials-v2.jsonld" },
  { ROSETTE_CONTEXT_OB_V3, "ob-v3p0-context-3.0.3.json" },
  { "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json" },
  { ROSETTE_CONTEXT_OB_V2, "openbadges-v2.json" },
};

/**
 * rosette_jsonld_get_contexts_dir:
 *
 * Returns: where the contexts are installed ($ROSETTE_CONTEXTS_DIR if set,
 *   for tests and uninstalled runs)
 */
const char *
rosette_jsonld_get_contexts_dir (void)
{
  const char *dir = g_getenv ("ROSETTE_CONTEXTS_DIR");

  return dir != NULL ? dir : PKGDATADIR G_DIR_SEPARATOR_S "contexts";
}

/**
 * rosette_jsonld_load_contexts:
 * @directory: (nullable): a folder holding the context files; %NULL for
 *   rosette_jsonld_get_contexts_dir()
 *
 * Returns: (transfer full): context URL -> its "@context" object (a
 *   #JsonObject), or %NULL with %ROSETTE_ERROR_IO / %ROSETTE_ERROR_PARSE
 */
GHashTable *
rosette_jsonld_load_contexts (const char  *directory,
                              GError     **error)
{
  g_autoptr(GHashTable) contexts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) json_object_unref);

  if (directory == NULL)
    directory = rosette_jsonld_get_contexts_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (known_contexts); i++)
    {
      g_autofree char *path = g_build_filename (directory, known_contexts[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonNode *context;
      gsize length;
      const char *data;

      bytes = rosette_load_file_bounded (file, ROSETTE_JSONLD_MAX_CONTEXT_SIZE, NULL, error);
      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &length);
      if (!json_parser_load_from_data (parser, data, length, NULL)
          || !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser))
          || (context = json_object_get_member (json_node_get_object (root), "@context")) == NULL
          || !JSON_NODE_HOLDS_OBJECT (context))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                       _("The JSON-LD context %s is damaged"), path);
          return NULL;
        }
      g_hash_table_insert (contexts, (gpointer) known_contexts[i].url,
                           json_object_ref (json_node_get_object (context)));
    }

  return g_steal_pointer (&contexts);
}

/* terms: term -> its definition node (borrowed from the context objects). */
static GHashTable *
copy_terms (GHashTable *terms)
{
  GHashTable *copy = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  if (terms != NULL)
    {
      g_hash_table_iter_init (&iter, terms);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, key, value);
    }

  return copy;
}

static void
add_context_terms (GHashTable *terms,
                   JsonObject *context)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *definition;

  json_object_iter_init (&iter, context);
  while (json_object_iter_next (&iter, &name, &definition))
    {
      if (name[0] == '@')
        continue;
      /* "term": null un-defines a term. */
      if (JSON_NODE_HOLDS_NULL (definition))
        g_hash_table_remove (terms, name);
      else
        g_hash_table_insert (terms, (gpointer) name, definition);
    }
}

/* The scoped "@context" of a term definition, if it has one. */
static JsonObject *
scoped_context (GHashTable *terms,
                const char *term)
{
  JsonNode *definition = g_hash_table_lookup (terms, term);
  JsonNode *context;

  if (definition == NULL || !JSON_NODE_HOLDS_OBJECT (definition))
    return NULL;
  context = json_object_get_member (json_node_get_object (definition), "@context");

  if (context == NULL || !JSON_NODE_HOLDS_OBJECT (context))
    return NULL;

  return json_node_get_object (context);
}

static gboolean
term_is_json (GHashTable *terms,
              const char *term)
{
  JsonNode *definition = g_hash_table_lookup (terms, term);
  const char *type;

  if (definition == NULL || !JSON_NODE_HOLDS_OBJECT (definition))
    return FALSE;
  type = json_object_get_string_member_with_default (json_node_get_object (definition), "@type",
                                                     NULL);

  return g_strcmp0 (type, "@json") == 0;
}

static gboolean
undefined (const char  *what,
           const char  *name,
           const char  *path,
           GError     **error)
{
  /* Translators: e.g. "The property “foo” at credentialSubject is not defined…" */
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("The %s “%s” at %s is not defined by the document’s JSON-LD contexts"),
               what, name, path[0] != '\0' ? path : "/");
  return FALSE;
}

static gboolean check_value (JsonNode    *value,
                             GHashTable  *terms,
                             const char  *path,
                             guint        depth,
                             GError     **error);

static gboolean
check_types (JsonNode    *type,
             GHashTable  *terms,
             GHashTable  *node_terms,
             const char  *path,
             GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    g_ptr_array_add (names, (gpointer) json_node_get_string (type));
  else if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element)
              || json_node_get_value_type (element) != G_TYPE_STRING)
            return undefined (_("type"), "?", path, error);
          g_ptr_array_add (names, (gpointer) json_node_get_string (element));
        }
    }
  else
    return undefined (_("type"), "?", path, error);

  /* Type-scoped contexts are processed in lexical order of the types. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonObject *context;

      if (!g_hash_table_contains (terms, name))
        return undefined (_("type"), name, path, error);
      context = scoped_context (terms, name);
      if (context != NULL)
        add_context_terms (node_terms, context);
    }

  return TRUE;
}

static gboolean
check_object (JsonObject  *object,
              GHashTable  *terms,
              const char  *path,
              guint        depth,
              GError     **error)
{
  g_autoptr(GHashTable) typed_terms = NULL;
  GHashTable *node_terms = terms;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonNode *type;

  if (depth > MAX_DEPTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The document is nested too deeply"));
      return FALSE;
    }

  type = json_object_get_member (object, "type");
  if (type == NULL)
    type = json_object_get_member (object, "@type");
  /* The tables are copied only where a type or a property brings a scoped
   * context: copying them for every node made this check the slowest part
   * of verifying a badge. */
  if (type != NULL)
    {
      typed_terms = copy_terms (terms);
      node_terms = typed_terms;
      if (!check_types (type, terms, node_terms, path, error))
        return FALSE;
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      g_autofree char *child_path = NULL;
      g_autoptr(GHashTable) child_terms = NULL;
      JsonObject *context;

      if (name[0] == '@' || strcmp (name, "type") == 0)
        continue;
      if (!g_hash_table_contains (node_terms, name))
        return undefined (_("property"), name, path, error);
      if (term_is_json (node_terms, name))
        continue;

      child_path = path[0] != '\0' ? g_strconcat (path, ".", name, NULL) : g_strdup (name);
      /* Nested nodes see the surrounding terms, not this node's type-scoped
       * ones, plus the property's own scoped context. */
      context = scoped_context (node_terms, name);
      if (context != NULL)
        {
          child_terms = copy_terms (terms);
          add_context_terms (child_terms, context);
        }
      if (!check_value (value, child_terms != NULL ? child_terms : terms, child_path, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_value (JsonNode    *value,
             GHashTable  *terms,
             const char  *path,
             guint        depth,
             GError     **error)
{
  if (JSON_NODE_HOLDS_OBJECT (value))
    return check_object (json_node_get_object (value), terms, path, depth, error);

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!check_value (json_array_get_element (array, i), terms, path, depth + 1, error))
          return FALSE;
    }

  return TRUE;
}

/**
 * rosette_jsonld_check_terms:
 * @document: a JSON-LD document (a credential, an assertion)
 * @contexts: what rosette_jsonld_load_contexts() returned
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every property and type in @document is defined by
 *   the contexts its "@context" lists; else %ROSETTE_ERROR_INVALID naming
 *   the first undefined term and where it is, or %ROSETTE_ERROR_NOT_FOUND
 *   for a context Rosette does not ship
 */
gboolean
rosette_jsonld_check_terms (JsonNode    *document,
                            GHashTable  *contexts,
                            GError     **error)
{
  g_autoptr(GHashTable) terms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  JsonNode *context;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (contexts != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (document)
      || (context = json_object_get_member (json_node_get_object (document), "@context")) == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The document has no “@context”"));
      return FALSE;
    }

  if (JSON_NODE_HOLDS_VALUE (context) && json_node_get_value_type (context) == G_TYPE_STRING)
    g_ptr_array_add (urls, (gpointer) json_node_get_string (context));
  else if (JSON_NODE_HOLDS_ARRAY (context))
    {
      JsonArray *array = json_node_get_array (context);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *url = json_node_get_string (json_array_get_element (array, i));

          g_ptr_array_add (urls, (gpointer) (url != NULL ? url : ""));
        }
    }

  for (guint i = 0; i < urls->len; i++)
    {
      JsonObject *object = g_hash_table_lookup (contexts, g_ptr_array_index (urls, i));

      if (object == NULL)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                       _("Unknown JSON-LD context “%s”"),
                       (const char *) g_ptr_array_index (urls, i));
          return FALSE;
        }
      add_context_terms (terms, object);
    }

  return check_object (json_node_get_object (document), terms, "", 0, error);
}
