/* rosette-jsonld-expand.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON-LD 1.1 expansion (§5.1): a document under its active context
 * becomes expanded form (full IRIs, value objects, no context).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld-private.h"

static JsonNode *
string_node (const char *s)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, s);
  return node;
}

static JsonNode *
object_node_take (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static guint
term_container (Ctx        *ctx,
                const char *term)
{
  TermDef *def = ctx_lookup (ctx, term);

  return def != NULL ? def->container : 0;
}

static gboolean
expand_array (Processor   *p,
              Ctx         *active,
              const char  *active_property,
              JsonArray   *array,
              gboolean     from_map,
              gboolean     inside_list,
              guint        depth,
              JsonNode   **out,
              GError     **error)
{
  g_autoptr(JsonArray) result = json_array_new ();
  guint container = term_container (active, active_property);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *expanded = NULL;

      if (!_rosette_jsonld_expand_element (p, active, active_property,
                                           json_array_get_element (array, i),
                                           from_map, inside_list || (container & CONTAINER_LIST), depth + 1,
                                           &expanded, error))
        return FALSE;
      if (expanded == NULL)
        continue;
      if ((container & CONTAINER_LIST) && JSON_NODE_HOLDS_ARRAY (expanded))
        {
          JsonObject *list = json_object_new ();

          json_object_set_member (list, "@list", expanded);
          expanded = object_node_take (list);
        }
      if (JSON_NODE_HOLDS_ARRAY (expanded))
        {
          JsonArray *items = json_node_get_array (expanded);

          for (guint k = 0; k < json_array_get_length (items); k++)
            json_array_add_element (result, json_node_ref (json_array_get_element (items, k)));
          json_node_unref (expanded);
        }
      else
        {
          json_array_add_element (result, expanded);
        }
    }

  *out = _rosette_jsonld_array_node_take (g_steal_pointer (&result));
  return TRUE;
}

/* §5.1.2 step 7: whether a map keeps a type-scoped context in force. */
static gboolean
keeps_type_scoped_context (Processor   *p,
                           Ctx         *active,
                           JsonObject  *element,
                           GError     **error)
{
  g_autoptr(GList) keys = json_object_get_members (element);
  gboolean only_id = g_list_length (keys) == 1;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *expanded = NULL;

      if (!_rosette_jsonld_expand_iri (p, active, l->data, FALSE, TRUE, NULL, &expanded, error))
        return FALSE;
      if (g_strcmp0 (expanded, "@value") == 0)
        return TRUE;
      if (only_id && g_strcmp0 (expanded, "@id") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
expand_language_map (Processor   *p,
                     Ctx         *active,
                     const char  *key,
                     JsonObject  *map,
                     JsonNode   **out,
                     GError     **error)
{
  g_autoptr(JsonArray) result = json_array_new ();
  g_autoptr(GList) languages = _rosette_jsonld_sorted_members (map);
  TermDef *def = ctx_lookup (active, key);
  const char *direction = (def != NULL && def->has_direction) ? def->direction : active->direction;

  for (GList *l = languages; l != NULL; l = l->next)
    {
      const char *language = l->data;
      JsonNode *value = json_object_get_member (map, language);
      g_autofree char *expanded_language = NULL;
      JsonArray *items = NULL;
      guint n = 1;

      if (!_rosette_jsonld_expand_iri (p, active, language, FALSE, TRUE, NULL, &expanded_language,
                                       error))
        return FALSE;
      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          items = json_node_get_array (value);
          n = json_array_get_length (items);
        }
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = items != NULL ? json_array_get_element (items, i) : value;
          JsonObject *object;

          if (JSON_NODE_HOLDS_NULL (item))
            continue;
          if (node_string (item) == NULL)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The language map of “%s” holds something other than text"), key);
          object = json_object_new ();
          json_object_set_string_member (object, "@value", node_string (item));
          if (g_strcmp0 (expanded_language, "@none") != 0)
            {
              g_autofree char *lower = g_ascii_strdown (language, -1);

              json_object_set_string_member (object, "@language", lower);
            }
          if (direction != NULL)
            json_object_set_string_member (object, "@direction", direction);
          json_array_add_object_element (result, object);
        }
    }

  *out = _rosette_jsonld_array_node_take (g_steal_pointer (&result));
  return TRUE;
}

static void
add_value (JsonObject *result,
           const char *property,
           JsonNode   *value)
{
  JsonNode *existing = json_object_get_member (result, property);
  JsonArray *array;

  if (existing == NULL)
    {
      existing = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (existing, json_array_new ());
      json_object_set_member (result, property, existing);
    }
  array = json_node_get_array (existing);
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *items = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (items); i++)
        json_array_add_element (array, json_node_ref (json_array_get_element (items, i)));
      json_node_unref (value);
    }
  else
    {
      json_array_add_element (array, value);
    }
}

/* Steps 13.4.x: one keyword entry of a map. */
static gboolean
expand_keyword (Processor   *p,
                Ctx         *active,
                Ctx         *type_scoped,
                const char  *active_property,
                const char  *key,
                const char  *keyword,
                JsonNode    *value,
                const char  *input_type,
                JsonObject  *result,
                guint        depth,
                GError     **error)
{
  JsonNode *expanded = NULL;

  if (json_object_has_member (result, keyword) &&
      strcmp (keyword, "@included") != 0 && strcmp (keyword, "@type") != 0)
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                 _("The JSON-LD document has “%s” twice in one object"), keyword);

  if (strcmp (keyword, "@id") == 0)
    {
      g_autofree char *iri = NULL;

      if (node_string (value) == NULL)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@id” that is not a string"));
      if (!_rosette_jsonld_expand_iri (p, active, node_string (value), TRUE, FALSE, NULL, &iri,
                                       error))
        return FALSE;
      if (iri == NULL ||
          (!_rosette_jsonld_is_absolute_iri (iri) && !_rosette_jsonld_is_keyword (iri)))
        {
          if (!_rosette_jsonld_unsafe_drop (p, error,
                                            _("The identifier “%s” is not an absolute IRI"),
                                            node_string (value)))
            return FALSE;
        }
      if (iri != NULL)
        json_object_set_string_member (result, "@id", iri);
      else
        json_object_set_null_member (result, "@id");
      return TRUE;
    }

  if (strcmp (keyword, "@type") == 0)
    {
      JsonArray *types = NULL;
      guint n = 1;

      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          types = json_node_get_array (value);
          n = json_array_get_length (types);
        }
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = types != NULL ? json_array_get_element (types, i) : value;
          g_autofree char *iri = NULL;

          if (node_string (item) == NULL)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                         _("The JSON-LD document has a “type” that is not a string"));
          if (!_rosette_jsonld_expand_iri (p, type_scoped, node_string (item), TRUE, TRUE, NULL,
                                           &iri, error))
            return FALSE;
          if (iri == NULL || (!_rosette_jsonld_is_absolute_iri (iri) && strcmp (iri, "@json") != 0))
            {
              if (!_rosette_jsonld_unsafe_drop (p, error,
                                                _("The type “%s” is not defined by the document’s contexts"),
                                                node_string (item)))
                return FALSE;
              if (iri == NULL)
                continue;
            }
          add_value (result, "@type", string_node (iri));
        }
      if (!json_object_has_member (result, "@type"))
        json_object_set_array_member (result, "@type", json_array_new ());
      return TRUE;
    }

  if (strcmp (keyword, "@graph") == 0 || strcmp (keyword, "@included") == 0)
    {
      if (!_rosette_jsonld_expand_element (p, active,
                                           strcmp (keyword, "@graph") == 0 ? "@graph" : NULL,
                                           value, FALSE, FALSE, depth + 1, &expanded, error))
        return FALSE;
      if (expanded == NULL)
        expanded = _rosette_jsonld_array_node_take (json_array_new ());
      else if (!JSON_NODE_HOLDS_ARRAY (expanded))
        expanded = _rosette_jsonld_array_node_take (_rosette_jsonld_as_array_take (expanded));
      if (strcmp (keyword, "@included") == 0)
        {
          JsonArray *items = json_node_get_array (expanded);

          for (guint i = 0; i < json_array_get_length (items); i++)
            {
              JsonNode *item = json_array_get_element (items, i);

              if (!JSON_NODE_HOLDS_OBJECT (item) ||
                  json_object_has_member (json_node_get_object (item), "@value") ||
                  json_object_has_member (json_node_get_object (item), "@list"))
                {
                  json_node_unref (expanded);
                  return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                               _("The JSON-LD document has an invalid “@included”"));
                }
            }
          add_value (result, "@included", expanded);
          return TRUE;
        }
      json_object_set_member (result, "@graph", expanded);
      return TRUE;
    }

  if (strcmp (keyword, "@value") == 0)
    {
      if (g_strcmp0 (input_type, "@json") == 0)
        {
          json_object_set_member (result, "@value", json_node_copy (value));
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_NULL (value) && !node_is_scalar (value))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@value” that is not a scalar"));
      json_object_set_member (result, "@value", json_node_copy (value));
      return TRUE;
    }

  if (strcmp (keyword, "@language") == 0)
    {
      g_autofree char *lower = NULL;

      if (node_string (value) == NULL)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@language” that is not a string"));
      lower = g_ascii_strdown (node_string (value), -1);
      json_object_set_string_member (result, "@language", lower);
      return TRUE;
    }

  if (strcmp (keyword, "@direction") == 0)
    {
      if (g_strcmp0 (node_string (value), "ltr") != 0 &&
          g_strcmp0 (node_string (value), "rtl") != 0)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid “@direction”"));
      json_object_set_string_member (result, "@direction", node_string (value));
      return TRUE;
    }

  if (strcmp (keyword, "@index") == 0)
    {
      if (node_string (value) == NULL)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@index” that is not a string"));
      json_object_set_string_member (result, "@index", node_string (value));
      return TRUE;
    }

  if (strcmp (keyword, "@list") == 0 || strcmp (keyword, "@set") == 0)
    {
      gboolean list = strcmp (keyword, "@list") == 0;

      if (list && (active_property == NULL || strcmp (active_property, "@graph") == 0))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a free-floating list"));
      if (!_rosette_jsonld_expand_element (p, active, active_property, value, FALSE, list,
                                           depth + 1,
                                           &expanded, error))
        return FALSE;
      if (expanded == NULL)
        expanded = _rosette_jsonld_array_node_take (json_array_new ());
      if (list && !JSON_NODE_HOLDS_ARRAY (expanded))
        expanded = _rosette_jsonld_array_node_take (_rosette_jsonld_as_array_take (expanded));
      json_object_set_member (result, keyword, expanded);
      return TRUE;
    }

  if (strcmp (keyword, "@context") == 0)
    return TRUE;

  return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                               _("The JSON-LD document uses “%s”, which Rosette does not support"), key);
}

/* Steps 13.5–13.14: one property entry of a map. */
static gboolean
expand_property (Processor   *p,
                 Ctx         *active,
                 const char  *key,
                 const char  *property,
                 JsonNode    *value,
                 JsonObject  *result,
                 guint        depth,
                 GError     **error)
{
  TermDef *def = ctx_lookup (active, key);
  guint container = def != NULL ? def->container : 0;
  JsonNode *expanded = NULL;

  if (def != NULL && g_strcmp0 (def->type, "@json") == 0)
    {
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "@value", json_node_copy (value));
      json_object_set_string_member (object, "@type", "@json");
      expanded = object_node_take (object);
    }
  else if ((container & CONTAINER_LANGUAGE) && JSON_NODE_HOLDS_OBJECT (value))
    {
      if (!expand_language_map (p, active, key, json_node_get_object (value), &expanded, error))
        return FALSE;
    }
  else
    {
      if (!_rosette_jsonld_expand_element (p, active, key, value, FALSE, FALSE, depth + 1,
                                           &expanded, error))
        return FALSE;
    }

  if (expanded == NULL)
    return TRUE;

  if ((container & CONTAINER_LIST) &&
      !(JSON_NODE_HOLDS_OBJECT (expanded) &&
        json_object_has_member (json_node_get_object (expanded), "@list")))
    {
      JsonObject *list = json_object_new ();

      json_object_set_array_member (list, "@list", _rosette_jsonld_as_array_take (expanded));
      expanded = object_node_take (list);
    }

  if (container & CONTAINER_GRAPH)
    {
      JsonArray *items = _rosette_jsonld_as_array_take (expanded);
      JsonArray *graphs = json_array_new ();

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *graph = json_object_new ();
          JsonNode *item = json_node_ref (json_array_get_element (items, i));

          json_object_set_array_member (graph, "@graph", _rosette_jsonld_as_array_take (item));
          json_array_add_object_element (graphs, graph);
        }
      json_array_unref (items);
      expanded = _rosette_jsonld_array_node_take (graphs);
    }

  add_value (result, property, expanded);
  return TRUE;
}

/* Steps 15–19: checks and simplifications of the finished map. */
static gboolean
finish_map (Processor   *p,
            const char  *active_property,
            Ctx         *active,
            gboolean     inside_list,
            JsonObject  *result,
            JsonNode   **out,
            GError     **error)
{
  guint size = json_object_get_size (result);
  JsonNode *member;

  *out = NULL;
  if ((member = json_object_get_member (result, "@value")) != NULL)
    {
      JsonNode *type = json_object_get_member (result, "@type");
      const char *type_iri = NULL;
      JsonObjectIter iter;
      const char *name;

      json_object_iter_init (&iter, result);
      while (json_object_iter_next (&iter, &name, NULL))
        if (strcmp (name, "@value") != 0 && strcmp (name, "@type") != 0 &&
            strcmp (name, "@language") != 0 && strcmp (name, "@direction") != 0 &&
            strcmp (name, "@index") != 0)
          return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                       _("The JSON-LD document has an invalid value object"));
      if (type != NULL)
        {
          if (JSON_NODE_HOLDS_ARRAY (type) &&
              json_array_get_length (json_node_get_array (type)) == 1)
            {
              type_iri = node_string (json_array_get_element (json_node_get_array (type), 0));
              json_object_set_string_member (result, "@type", type_iri);
              type_iri = json_object_get_string_member (result, "@type");
            }
          else
            {
              type_iri = node_string (type);
            }
          if (type_iri == NULL || json_object_has_member (result, "@language") ||
              json_object_has_member (result, "@direction"))
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                         _("The JSON-LD document has an invalid typed value"));
        }
      if (g_strcmp0 (type_iri, "@json") == 0)
        goto keep;
      if (JSON_NODE_HOLDS_NULL (member))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a null value"));
      if (node_string (member) == NULL && json_object_has_member (result, "@language"))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has a language on a value that is not text"));
      if (type_iri != NULL && !_rosette_jsonld_is_absolute_iri (type_iri))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid typed value"));
    }
  else if ((member = json_object_get_member (result, "@list")) != NULL ||
           (member = json_object_get_member (result, "@set")) != NULL)
    {
      if (size > 2 || (size == 2 && !json_object_has_member (result, "@index")))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid list or set object"));
      if (json_object_has_member (result, "@set"))
        {
          *out = json_node_ref (member);
          return TRUE;
        }
    }

  if (size == 1 && json_object_has_member (result, "@language"))
    return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                        _("The JSON-LD document has an object with only a language"));

  if (!inside_list &&
      (active_property == NULL || strcmp (active_property, "@graph") == 0 ||
       (term_container (active, active_property) & CONTAINER_GRAPH)))
    {
      if (size == 0)
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has an empty object"));
      if (json_object_has_member (result, "@value") || json_object_has_member (result, "@list"))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a free-floating value"));
      if (size == 1 && json_object_has_member (result, "@id"))
        return _rosette_jsonld_unsafe_drop (p, error,
                                            _("The JSON-LD document has a free-floating reference to “%s”"),
                                            json_object_get_string_member (result, "@id"));
    }

keep:
  *out = object_node_take (json_object_ref (result));
  return TRUE;
}

static gboolean
expand_map (Processor   *p,
            Ctx         *active_in,
            const char  *active_property,
            JsonObject  *element,
            gboolean     from_map,
            gboolean     inside_list,
            guint        depth,
            JsonNode   **out,
            GError     **error)
{
  g_autoptr(Ctx) active = ctx_ref (active_in);
  g_autoptr(Ctx) type_scoped = NULL;
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(GList) keys = _rosette_jsonld_sorted_members (element);
  g_autofree char *input_type = NULL;
  TermDef *property_def = ctx_lookup (active_in, active_property);
  JsonNode *context;

  /* Step 7: a type-scoped context does not reach into nested objects. */
  if (active->previous != NULL && !from_map)
    {
      gboolean keep = keeps_type_scoped_context (p, active, element, error);

      if (error != NULL && *error != NULL)
        return FALSE;
      if (!keep)
        {
          Ctx *previous = ctx_ref (active->previous);

          _rosette_jsonld_ctx_unref (active);
          active = previous;
        }
    }

  /* Step 8: property-scoped context. */
  if (property_def != NULL && property_def->context != NULL)
    {
      Ctx *next = _rosette_jsonld_process_context (p, active, property_def->context,
                                                   property_def->base_url,
                                                   TRUE, TRUE, property_def->context_pinned, 0, error);

      if (next == NULL)
        return FALSE;
      _rosette_jsonld_ctx_unref (active);
      active = next;
    }

  /* Step 9: embedded context. */
  if ((context = json_object_get_member (element, "@context")) != NULL)
    {
      Ctx *next = _rosette_jsonld_process_context (p, active, context, p->base, FALSE, TRUE, FALSE,
                                                   0, error);

      if (next == NULL)
        return FALSE;
      _rosette_jsonld_ctx_unref (active);
      active = next;
    }

  /* Steps 10–12: type-scoped contexts, in order of the sorted type values. */
  type_scoped = ctx_ref (active);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (element, l->data);
      g_autoptr(GPtrArray) terms = NULL;
      JsonArray *array = NULL;
      guint n = 1;

      /* Only "@type" or an alias of it expands to @type. */
      TermDef *alias = ctx_lookup (active, l->data);

      if (strcmp (l->data, "@type") != 0 && (alias == NULL || g_strcmp0 (alias->iri, "@type") != 0))
        continue;
      terms = g_ptr_array_new ();
      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          array = json_node_get_array (value);
          n = json_array_get_length (array);
        }
      for (guint i = 0; i < n; i++)
        {
          const char *term = node_string (array != NULL ? json_array_get_element (array,
                                                                                  i) : value);

          if (term != NULL)
            g_ptr_array_add (terms, (gpointer) term);
        }
      g_ptr_array_sort (terms, _rosette_jsonld_compare_strings);
      for (guint i = 0; i < terms->len; i++)
        {
          TermDef *def = ctx_lookup (type_scoped, g_ptr_array_index (terms, i));
          Ctx *next;

          if (def == NULL || def->context == NULL)
            continue;
          next = _rosette_jsonld_process_context (p, active, def->context, def->base_url, FALSE,
                                                  FALSE,
                                                  def->context_pinned, 0, error);
          if (next == NULL)
            return FALSE;
          _rosette_jsonld_ctx_unref (active);
          active = next;
        }
      if (input_type == NULL && n > 0)
        {
          const char *last = node_string (array != NULL
                                            ? json_array_get_element (array, n - 1) : value);

          if (last != NULL &&
              !_rosette_jsonld_expand_iri (p, active, last, FALSE, TRUE, NULL, &input_type, error))
            return FALSE;
        }
    }

  /* Step 13: every entry. */
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (element, key);
      g_autofree char *property = NULL;

      if (strcmp (key, "@context") == 0)
        continue;
      if (!_rosette_jsonld_spend (p, error))
        return FALSE;
      if (!_rosette_jsonld_expand_iri (p, active, key, FALSE, TRUE, NULL, &property, error))
        return FALSE;

      if (property == NULL ||
          (!_rosette_jsonld_is_keyword (property) && strchr (property, ':') == NULL))
        {
          if (!_rosette_jsonld_unsafe_drop (p, error,
                                            _("The property “%s” is not defined by the document’s contexts"), key))
            return FALSE;
          continue;
        }

      if (_rosette_jsonld_is_keyword (property))
        {
          if (g_strcmp0 (active_property, "@reverse") == 0)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                         _("The JSON-LD document has an invalid reverse property map"));
          if (!expand_keyword (p, active, type_scoped, active_property, key, property, value,
                               input_type, result, depth, error))
            return FALSE;
          continue;
        }

      if (!expand_property (p, active, key, property, value, result, depth, error))
        return FALSE;
    }

  return finish_map (p, active_property, active, inside_list, result, out, error);
}

gboolean
_rosette_jsonld_expand_element (Processor   *p,
                                Ctx         *active,
                                const char  *active_property,
                                JsonNode    *element,
                                gboolean     from_map,
                                gboolean     inside_list,
                                guint        depth,
                                JsonNode   **out,
                                GError     **error)
{
  *out = NULL;

  if (depth > ROSETTE_JSONLD_MAX_DEPTH)
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                                 _("The JSON-LD document is nested too deeply"));
  if (!_rosette_jsonld_spend (p, error))
    return FALSE;
  if (element == NULL || JSON_NODE_HOLDS_NULL (element))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (element))
    {
      TermDef *def;
      g_autoptr(Ctx) scoped = NULL;

      if (!inside_list && (active_property == NULL || strcmp (active_property, "@graph") == 0))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a free-floating value"));
      def = ctx_lookup (active, active_property);
      if (def != NULL && def->context != NULL)
        {
          scoped = _rosette_jsonld_process_context (p, active, def->context, def->base_url, TRUE,
                                                    TRUE,
                                                    def->context_pinned, 0, error);
          if (scoped == NULL)
            return FALSE;
          /* The term is looked up again in the property-scoped context. */
          return _rosette_jsonld_expand_value (p, scoped, active_property, element, out, error);
        }
      return _rosette_jsonld_expand_value (p, active, active_property, element, out, error);
    }

  if (JSON_NODE_HOLDS_ARRAY (element))
    return expand_array (p, active, active_property, json_node_get_array (element),
                         from_map, inside_list, depth, out, error);

  return expand_map (p, active, active_property, json_node_get_object (element),
                     from_map, inside_list, depth, out, error);
}
