/* rosette-jsonld-expand.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON-LD 1.1 expansion (§5.1) and value expansion (§5.3): a document
 * under its active context becomes expanded form (full IRIs, value
 * objects, no context), built as the LdItem tree that toRdf reads.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld-private.h"

/* Items (in p->arena) */

static LdItem *
map_new (Processor *p)
{
  return _rosette_jsonld_arena_alloc0 (p->arena, sizeof (LdItem));
}

static LdItem *
array_new (Processor *p)
{
  LdItem *item = map_new (p);

  item->keys = LD_ARRAY;
  return item;
}

static gboolean
is_array (const LdItem *item)
{
  return (item->keys & LD_ARRAY) != 0;
}

static const char *
arena_take (Processor *p,
            char      *s)
{
  const char *copy = _rosette_jsonld_arena_strdup (p->arena, s);

  g_free (s);
  return copy;
}

/* Appends @item to @vec, or its elements when it is an array itself. */
static void
append_flat (Processor *p,
             LdVec     *vec,
             LdItem    *item)
{
  if (!is_array (item))
    {
      _rosette_jsonld_vec_add (p->arena, vec, item);
      return;
    }
  for (guint i = 0; i < item->items.len; i++)
    _rosette_jsonld_vec_add (p->arena, vec, ld_vec_index (&item->items, i));
}

/* An array stays one; anything else becomes [item]. */
static LdItem *
as_array (Processor *p,
          LdItem    *item)
{
  LdItem *array;

  if (is_array (item))
    return item;
  array = array_new (p);
  _rosette_jsonld_vec_add (p->arena, &array->items, item);
  return array;
}

/* The number of entries a map has, keywords included. */
static guint
map_size (const LdItem *map)
{
  guint size = map->properties.len;

  for (guint keys = map->keys; keys != 0; keys &= keys - 1)
    size++;
  return size;
}

/* Adds @value (an array adds its elements) under @iri. */
static void
add_value (Processor   *p,
           LdItem      *map,
           const char  *iri,
           LdItem      *value)
{
  LdProperty *property = NULL;

  for (guint i = 0; i < map->properties.len; i++)
    {
      LdProperty *candidate = ld_vec_index (&map->properties, i);

      if (strcmp (candidate->iri, iri) == 0)
        {
          property = candidate;
          break;
        }
    }
  if (property == NULL)
    {
      property = _rosette_jsonld_arena_alloc0 (p->arena, sizeof (LdProperty));
      property->iri = _rosette_jsonld_arena_strdup (p->arena, iri);
      _rosette_jsonld_vec_add (p->arena, &map->properties, property);
    }
  append_flat (p, &property->values, value);
}

static void
add_type (Processor  *p,
          LdItem     *map,
          const char *iri)
{
  _rosette_jsonld_vec_add (p->arena, &map->types, (gpointer) iri);
  map->keys |= LD_HAS_TYPE;
}

/* The flag of a keyword that a map can hold (0 for any other). */
static guint
keyword_flag (const char *keyword)
{
  static const struct { const char *name; guint flag; } flags[] = {
    { "@id", LD_HAS_ID }, { "@type", LD_HAS_TYPE }, { "@value", LD_HAS_VALUE },
    { "@language", LD_HAS_LANGUAGE }, { "@direction", LD_HAS_DIRECTION },
    { "@index", LD_HAS_INDEX }, { "@list", LD_HAS_LIST }, { "@set", LD_HAS_SET },
    { "@graph", LD_HAS_GRAPH }, { "@included", LD_HAS_INCLUDED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (strcmp (keyword, flags[i].name) == 0)
      return flags[i].flag;
  return 0;
}

static gboolean expand_element (Processor   *p,
                                Ctx         *active,
                                const char  *active_property,
                                TermDef     *property_def,
                                JsonNode    *element,
                                gboolean     from_map,
                                gboolean     inside_list,
                                guint        depth,
                                LdItem     **out,
                                GError     **error);

static gboolean
is_type_key (Ctx        *active,
             const char *key)
{
  const char * const *aliases;

  if (strcmp (key, "@type") == 0)
    return TRUE;
  aliases = _rosette_jsonld_ctx_type_aliases (active);
  for (guint i = 0; aliases[i] != NULL; i++)
    if (strcmp (key, aliases[i]) == 0)
      return TRUE;
  return FALSE;
}

static guint
term_container (Ctx        *ctx,
                const char *term)
{
  TermDef *def = ctx_lookup (ctx, term);

  return def != NULL ? def->container : 0;
}

/* Value expansion (§5.3); @def is the definition of @active_property
 * in @active. */

static gboolean
expand_value (Processor   *p,
              Ctx         *active,
              TermDef     *def,
              JsonNode    *value,
              LdItem     **out,
              GError     **error)
{
  const char *type = def != NULL ? def->type : NULL;
  LdItem *result = map_new (p);
  const char *language;
  const char *direction;

  if (type != NULL && node_string (value) != NULL &&
      (strcmp (type, "@id") == 0 || strcmp (type, "@vocab") == 0))
    {
      g_autofree char *iri = NULL;

      if (!_rosette_jsonld_expand_iri (p, active, node_string (value), TRUE,
                                       strcmp (type, "@vocab") == 0, NULL, &iri, error))
        return FALSE;
      if (iri == NULL ||
          (!_rosette_jsonld_is_absolute_iri (iri) && !_rosette_jsonld_is_keyword (iri)))
        {
          if (!_rosette_jsonld_unsafe_drop (p, error, _("The value “%s” is not an absolute IRI"),
                                            node_string (value)))
            return FALSE;
        }
      result->id = _rosette_jsonld_arena_strdup (p->arena, iri);
      result->keys |= LD_HAS_ID;
      *out = result;
      return TRUE;
    }

  result->value = value;
  result->keys |= LD_HAS_VALUE;
  if (type != NULL && strcmp (type, "@id") != 0 && strcmp (type, "@vocab") != 0 &&
      strcmp (type, "@none") != 0)
    {
      add_type (p, result, _rosette_jsonld_arena_strdup (p->arena, type));
    }
  else if (node_string (value) != NULL)
    {
      language = (def != NULL && def->has_language) ? def->language : active->language;
      direction = (def != NULL && def->has_direction) ? def->direction : active->direction;
      if (language != NULL)
        {
          result->language = _rosette_jsonld_arena_strdup (p->arena, language);
          result->keys |= LD_HAS_LANGUAGE;
        }
      if (direction != NULL)
        {
          result->direction = _rosette_jsonld_arena_strdup (p->arena, direction);
          result->keys |= LD_HAS_DIRECTION;
        }
    }

  *out = result;
  return TRUE;
}

/* Expansion (§5.1) */

static gboolean
expand_array (Processor   *p,
              Ctx         *active,
              const char  *active_property,
              TermDef     *property_def,
              JsonArray   *array,
              gboolean     from_map,
              gboolean     inside_list,
              guint        depth,
              LdItem     **out,
              GError     **error)
{
  LdItem *result = array_new (p);
  guint container = property_def != NULL ? property_def->container : 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      LdItem *expanded = NULL;

      if (!expand_element (p, active, active_property, property_def,
                                           json_array_get_element (array, i),
                                           from_map, inside_list || (container & CONTAINER_LIST), depth + 1,
                                           &expanded, error))
        return FALSE;
      if (expanded == NULL)
        continue;
      if ((container & CONTAINER_LIST) && is_array (expanded))
        {
          LdItem *list = map_new (p);

          list->content = expanded;
          list->keys |= LD_HAS_LIST;
          expanded = list;
        }
      append_flat (p, &result->items, expanded);
    }

  *out = result;
  return TRUE;
}

/* §5.1.2 step 7: whether a map keeps a type-scoped context in force. */
static gboolean
keeps_type_scoped_context (Processor   *p,
                           Ctx         *active,
                           JsonObject  *element,
                           GError     **error)
{
  gboolean only_id = json_object_get_size (element) == 1;
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, element);
  while (json_object_iter_next (&iter, &key, NULL))
    {
      g_autofree char *computed = NULL;
      const char *expanded;

      /* A term that is not a keyword is its IRI mapping (§5.2), and
       * nothing else can expand to a keyword. */
      if (key[0] != '@')
        {
          TermDef *def = ctx_lookup (active, key);

          expanded = def != NULL ? def->iri : NULL;
        }
      else
        {
          if (!_rosette_jsonld_expand_iri (p, active, key, FALSE, TRUE, NULL, &computed, error))
            return FALSE;
          expanded = computed;
        }
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
                     LdItem     **out,
                     GError     **error)
{
  LdItem *result = array_new (p);
  g_autofree LdMember *languages = _rosette_jsonld_sorted_members (map);
  TermDef *def = ctx_lookup (active, key);
  const char *direction = (def != NULL && def->has_direction) ? def->direction : active->direction;

  for (guint l = 0; languages[l].name != NULL; l++)
    {
      const char *language = languages[l].name;
      JsonNode *value = languages[l].value;
      g_autofree char *expanded_language = NULL;

      if (!_rosette_jsonld_expand_iri (p, active, language, FALSE, TRUE, NULL, &expanded_language,
                                       error))
        return FALSE;
      for (guint i = 0; i < node_n_items (value); i++)
        {
          JsonNode *item = node_item (value, i);
          LdItem *object;

          if (JSON_NODE_HOLDS_NULL (item))
            continue;
          if (node_string (item) == NULL)
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                         _("The language map of “%s” holds something other than text"), key);
          object = map_new (p);
          object->value = item;
          object->keys |= LD_HAS_VALUE;
          if (g_strcmp0 (expanded_language, "@none") != 0)
            {
              object->language = arena_take (p, g_ascii_strdown (language, -1));
              object->keys |= LD_HAS_LANGUAGE;
            }
          if (direction != NULL)
            {
              object->direction = _rosette_jsonld_arena_strdup (p->arena, direction);
              object->keys |= LD_HAS_DIRECTION;
            }
          _rosette_jsonld_vec_add (p->arena, &result->items, object);
        }
    }

  *out = result;
  return TRUE;
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
                LdItem      *result,
                guint        depth,
                GError     **error)
{
  guint flag = keyword_flag (keyword);
  LdItem *expanded = NULL;

  if ((result->keys & flag) != 0 && flag != LD_HAS_INCLUDED && flag != LD_HAS_TYPE)
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                                 _("The JSON-LD document has “%s” twice in one object"), keyword);

  switch (flag)
    {
    case LD_HAS_ID:
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
        result->id = _rosette_jsonld_arena_strdup (p->arena, iri);
        result->keys |= LD_HAS_ID;
        return TRUE;
      }

    case LD_HAS_TYPE:
      {
        for (guint i = 0; i < node_n_items (value); i++)
          {
            JsonNode *item = node_item (value, i);
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
            add_type (p, result, _rosette_jsonld_arena_strdup (p->arena, iri));
          }
        result->keys |= LD_HAS_TYPE;
        return TRUE;
      }

    case LD_HAS_GRAPH:
    case LD_HAS_INCLUDED:
      {
        LdItem *items;

        if (!expand_element (p, active, flag == LD_HAS_GRAPH ? "@graph" : NULL,
                             flag == LD_HAS_GRAPH ? ctx_lookup (active, "@graph") : NULL,
                             value, FALSE, FALSE, depth + 1, &expanded, error))
          return FALSE;
        items = expanded != NULL ? as_array (p, expanded) : array_new (p);
        if (flag == LD_HAS_INCLUDED)
          {
            for (guint i = 0; i < items->items.len; i++)
              {
                LdItem *item = ld_vec_index (&items->items, i);

                if (is_array (item) || (item->keys & (LD_HAS_VALUE | LD_HAS_LIST)) != 0)
                  return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                               _("The JSON-LD document has an invalid “@included”"));
              }
            append_flat (p, &result->included, items);
          }
        else
          {
            result->graph = items->items;
          }
        result->keys |= flag;
        return TRUE;
      }

    case LD_HAS_VALUE:
      if (g_strcmp0 (input_type, "@json") != 0 &&
          !JSON_NODE_HOLDS_NULL (value) && !node_is_scalar (value))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@value” that is not a scalar"));
      result->value = value;
      result->keys |= LD_HAS_VALUE;
      return TRUE;

    case LD_HAS_LANGUAGE:
      if (node_string (value) == NULL)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@language” that is not a string"));
      result->language = arena_take (p, g_ascii_strdown (node_string (value), -1));
      result->keys |= LD_HAS_LANGUAGE;
      return TRUE;

    case LD_HAS_DIRECTION:
      if (g_strcmp0 (node_string (value), "ltr") != 0 &&
          g_strcmp0 (node_string (value), "rtl") != 0)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid “@direction”"));
      result->direction = node_string (value);
      result->keys |= LD_HAS_DIRECTION;
      return TRUE;

    case LD_HAS_INDEX:
      if (node_string (value) == NULL)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an “@index” that is not a string"));
      result->index = node_string (value);
      result->keys |= LD_HAS_INDEX;
      return TRUE;

    case LD_HAS_LIST:
    case LD_HAS_SET:
      {
        gboolean list = flag == LD_HAS_LIST;

        if (list && (active_property == NULL || strcmp (active_property, "@graph") == 0))
          return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                              _("The JSON-LD document has a free-floating list"));
        if (!expand_element (p, active, active_property, ctx_lookup (active, active_property),
                             value, FALSE, list, depth + 1, &expanded, error))
          return FALSE;
        if (expanded == NULL)
          expanded = array_new (p);
        if (list)
          expanded = as_array (p, expanded);
        result->content = expanded;
        result->keys |= flag;
        return TRUE;
      }

    default:
      break;
    }

  if (strcmp (keyword, "@context") == 0)
    return TRUE;

  return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID,
                               _("The JSON-LD document uses “%s”, which Rosette does not support"), key);
}

/* Steps 13.5–13.14: one property entry of a map; @def is the definition
 * of @key in @active, if it has one. */
static gboolean
expand_property (Processor   *p,
                 Ctx         *active,
                 TermDef     *def,
                 const char  *key,
                 const char  *property,
                 JsonNode    *value,
                 LdItem      *result,
                 guint        depth,
                 GError     **error)
{
  guint container = def != NULL ? def->container : 0;
  LdItem *expanded = NULL;

  if (def != NULL && g_strcmp0 (def->type, "@json") == 0)
    {
      expanded = map_new (p);
      expanded->value = value;
      add_type (p, expanded, "@json");
      expanded->keys |= LD_HAS_VALUE;
    }
  else if ((container & CONTAINER_LANGUAGE) && JSON_NODE_HOLDS_OBJECT (value))
    {
      if (!expand_language_map (p, active, key, json_node_get_object (value), &expanded, error))
        return FALSE;
    }
  else
    {
      if (!expand_element (p, active, key, def, value, FALSE, FALSE, depth + 1, &expanded,
                           error))
        return FALSE;
    }

  if (expanded == NULL)
    return TRUE;

  if ((container & CONTAINER_LIST) &&
      !(!is_array (expanded) && (expanded->keys & LD_HAS_LIST)))
    {
      LdItem *list = map_new (p);

      list->content = as_array (p, expanded);
      list->keys |= LD_HAS_LIST;
      expanded = list;
    }

  if (container & CONTAINER_GRAPH)
    {
      LdItem *items = as_array (p, expanded);
      LdItem *graphs = array_new (p);

      /* Each item goes into its own graph object. */
      for (guint i = 0; i < items->items.len; i++)
        {
          LdItem *graph = map_new (p);

          graph->graph = as_array (p, ld_vec_index (&items->items, i))->items;
          graph->keys |= LD_HAS_GRAPH;
          _rosette_jsonld_vec_add (p->arena, &graphs->items, graph);
        }
      expanded = graphs;
    }

  add_value (p, result, property, expanded);
  return TRUE;
}

/* Steps 15–19: checks and simplifications of the finished map. */
static gboolean
finish_map (Processor   *p,
            const char  *active_property,
            Ctx         *active,
            gboolean     inside_list,
            LdItem      *result,
            LdItem     **out,
            GError     **error)
{
  guint size = map_size (result);

  *out = NULL;
  if (result->keys & LD_HAS_VALUE)
    {
      const guint allowed = LD_HAS_VALUE | LD_HAS_TYPE | LD_HAS_LANGUAGE | LD_HAS_DIRECTION |
                            LD_HAS_INDEX;
      const char *type_iri = NULL;

      if ((result->keys & ~allowed) != 0 || result->properties.len > 0)
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid value object"));
      if (result->keys & LD_HAS_TYPE)
        {
          type_iri = ld_value_type (result);
          if (type_iri == NULL || (result->keys & (LD_HAS_LANGUAGE | LD_HAS_DIRECTION)))
            return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                         _("The JSON-LD document has an invalid typed value"));
        }
      if (g_strcmp0 (type_iri, "@json") == 0)
        goto keep;
      if (JSON_NODE_HOLDS_NULL (result->value))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a null value"));
      if (node_string (result->value) == NULL && (result->keys & LD_HAS_LANGUAGE))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has a language on a value that is not text"));
      if (type_iri != NULL && !_rosette_jsonld_is_absolute_iri (type_iri))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid typed value"));
    }
  else if (result->keys & (LD_HAS_LIST | LD_HAS_SET))
    {
      if (size > 2 || (size == 2 && !(result->keys & LD_HAS_INDEX)))
        return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                     _("The JSON-LD document has an invalid list or set object"));
      if (result->keys & LD_HAS_SET)
        {
          *out = result->content;
          return TRUE;
        }
    }

  if (size == 1 && (result->keys & LD_HAS_LANGUAGE))
    return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                        _("The JSON-LD document has an object with only a language"));

  if (!inside_list &&
      (active_property == NULL || strcmp (active_property, "@graph") == 0 ||
       (term_container (active, active_property) & CONTAINER_GRAPH)))
    {
      if (size == 0)
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has an empty object"));
      if (result->keys & (LD_HAS_VALUE | LD_HAS_LIST))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a free-floating value"));
      if (size == 1 && (result->keys & LD_HAS_ID))
        return _rosette_jsonld_unsafe_drop (p, error,
                                            _("The JSON-LD document has a free-floating reference to “%s”"),
                                            result->id != NULL ? result->id : "null");
    }

keep:
  *out = result;
  return TRUE;
}

static gboolean
expand_map (Processor   *p,
            Ctx         *active_in,
            const char  *active_property,
            TermDef     *property_def,
            JsonObject  *element,
            gboolean     from_map,
            gboolean     inside_list,
            guint        depth,
            LdItem     **out,
            GError     **error)
{
  g_autoptr(Ctx) active = ctx_ref (active_in);
  g_autoptr(Ctx) type_scoped = NULL;
  LdItem *result = map_new (p);
  g_autofree LdMember *members = _rosette_jsonld_sorted_members (element);
  g_autofree char *input_type = NULL;
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
  for (guint k = 0; members[k].name != NULL; k++)
    {
      JsonNode *value = members[k].value;
      g_autoptr(GPtrArray) terms = NULL;
      guint n = node_n_items (value);

      /* Only "@type" or an alias of it expands to @type. */
      if (!is_type_key (active, members[k].name) ||
          (element == p->root && g_strcmp0 (members[k].name, p->skip) == 0))
        continue;
      terms = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          const char *term = node_string (node_item (value, i));

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
          const char *last = node_string (node_item (value, n - 1));

          if (last != NULL &&
              !_rosette_jsonld_expand_iri (p, active, last, FALSE, TRUE, NULL, &input_type, error))
            return FALSE;
        }
    }

  /* Step 13: every entry. */
  for (guint k = 0; members[k].name != NULL; k++)
    {
      const char *key = members[k].name;
      JsonNode *value = members[k].value;
      TermDef *def = NULL;
      g_autofree char *computed = NULL;
      const char *property;

      if (strcmp (key, "@context") == 0 ||
          (element == p->root && g_strcmp0 (key, p->skip) == 0))
        continue;
      if (!_rosette_jsonld_spend (p, error))
        return FALSE;
      /* IRI expansion (§5.2, vocab): a defined term that is not a keyword
       * is its IRI mapping, looked up once for the whole entry. */
      if (key[0] != '@' && (def = ctx_lookup (active, key)) != NULL)
        {
          property = def->iri;
        }
      else
        {
          if (!_rosette_jsonld_expand_iri (p, active, key, FALSE, TRUE, NULL, &computed, error))
            return FALSE;
          property = computed;
        }

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

      if (!expand_property (p, active, def, key, property, value, result, depth, error))
        return FALSE;
    }

  return finish_map (p, active_property, active, inside_list, result, out, error);
}

/* @property_def is the definition of @active_property in @active. */
static gboolean
expand_element (Processor   *p,
                Ctx         *active,
                const char  *active_property,
                TermDef     *property_def,
                JsonNode    *element,
                gboolean     from_map,
                gboolean     inside_list,
                guint        depth,
                LdItem     **out,
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
      TermDef *def = property_def;
      g_autoptr(Ctx) scoped = NULL;

      if (!inside_list && (active_property == NULL || strcmp (active_property, "@graph") == 0))
        return _rosette_jsonld_unsafe_drop (p, error, "%s",
                                            _("The JSON-LD document has a free-floating value"));
      if (def != NULL && def->context != NULL)
        {
          scoped = _rosette_jsonld_process_context (p, active, def->context, def->base_url, TRUE,
                                                    TRUE,
                                                    def->context_pinned, 0, error);
          if (scoped == NULL)
            return FALSE;
          /* The term is looked up again in the property-scoped context. */
          return expand_value (p, scoped, ctx_lookup (scoped, active_property), element, out,
                               error);
        }
      return expand_value (p, active, def, element, out, error);
    }

  if (JSON_NODE_HOLDS_ARRAY (element))
    return expand_array (p, active, active_property, property_def, json_node_get_array (element),
                         from_map, inside_list, depth, out, error);

  return expand_map (p, active, active_property, property_def, json_node_get_object (element),
                     from_map, inside_list, depth, out, error);
}

LdItem *
_rosette_jsonld_expand_document (Processor  *p,
                                 JsonNode   *document,
                                 GError    **error)
{
  g_autoptr(Ctx) root = _rosette_jsonld_root_context (p->base);
  LdItem *expanded = NULL;

  if (!expand_element (p, root, NULL, NULL, document, FALSE, FALSE, 0, &expanded, error))
    return NULL;

  if (expanded == NULL)
    return array_new (p);
  /* Step 19: a lone @graph is the document. */
  if (!is_array (expanded) && expanded->keys == LD_HAS_GRAPH && expanded->properties.len == 0)
    {
      LdItem *graph = array_new (p);

      graph->items = expanded->graph;
      return graph;
    }
  return as_array (p, expanded);
}
