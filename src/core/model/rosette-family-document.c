/* rosette-family-document.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The family document (a ".rosette" file, MIME type
 * application/x-rosette-family) is UTF-8 JSON, written pretty-printed with
 * a two-space indent. Version 2 looks like this:
 *
 *   {
 *     "format" : "rosette-family",          required, exactly this
 *     "version" : 2,                        required, whole number >= 1
 *     "name" : "Data Privacy",              required, 1-120 characters
 *     "kind" : "compliance",                required: compliance, leadership,
 *                                           technical, onboarding,
 *                                           recognition or service
 *     "shape" : "shield",                   shield, circle, hexagon, rosette,
 *                                           star, banner, rounded-square
 *     "emblem" : "padlock-check",           id: a-z, 0-9 and inner '-', <= 64;
 *                                           "custom" draws "custom-emblem"
 *     "emblem-text" : "",                   0-4 characters (e.g. "5" years)
 *     "title" : "Data Privacy",             0-60 characters
 *     "subtitle" : "Compliance",            0-80 characters
 *     "palette" : {
 *       "field" : "#1d4f86",                "#rrggbb"
 *       "ribbon" : "",                      (2) "#rrggbb", "" = from the field
 *       "emblem" : "",                      (2) "#rrggbb", "" = default (white)
 *       "ramp" : false                      (2) deeper field for higher tiers
 *     },
 *     "text" : {                            (2)
 *       "font" : "",                        family name <= 64 characters,
 *                                           none of <>&"';{}\; "" = default
 *       "weight" : 700,                     100-900
 *       "title-size" : 0,                   0 = fit, or 12-64
 *       "title-layout" : "straight",        straight, curved
 *       "show-subtitle" : false,
 *       "subtitle-layout" : "curved"        straight, curved
 *     },
 *     "effects" : {                         (2)
 *       "rim-width" : 0,                    0 = the artwork's, up to 40
 *       "shadow" : true,
 *       "gradient" : true
 *     },
 *     "custom-emblem" : "<svg …>",          (2) optional: sanitised SVG of an
 *                                           imported emblem, <= 256 KiB
 *     "placements" : {                      (2) optional, only moved elements:
 *       "emblem" : {                        shape, ring, emblem, subtitle,
 *         "dx" : -12, "dy" : 30,            ribbon, title, tier-label, stars;
 *         "scale" : 1.25                    dx, dy -200..200, scale 0.5-2
 *       }
 *     },
 *     "tiers" : [                           1 to 6, names unique by slug
 *       {
 *         "name" : "Foundation",            required, 1-40 characters
 *         "metal" : "bronze",               bronze, silver, gold, platinum
 *         "stars" : 1,                      whole number 0-6
 *         "ring" : "none",                  none, stitched, beaded, double
 *         "ornament" : "none",              none, wreath, rays, gems
 *         "field-color" : "#7a1f2b"         (2) optional: this tier's field
 *       },
 *       ...
 *     ]
 *   }
 *
 * (2) marks what version 2 added. Version 1 documents have none of it and
 * read with the defaults shown, which draw them exactly as version 1 did;
 * they are written back as version 2. Enum values are the nicks of the
 * GEnum types in rosette-enums.h. Text fields must not hold control
 * characters. Keys this version does not know (and placements of unknown
 * elements) are ignored, so that older builds open newer minor additions;
 * a "version" above ROSETTE_FAMILY_FORMAT_VERSION is refused with
 * ROSETTE_ERROR_UNSUPPORTED_VERSION. Optional keys that are missing take
 * the defaults of the kind's template (rosette_family_new_from_template())
 * or the defaults above, and a tier's missing cues take the defaults of
 * its rank (rosette_tier_apply_rank()). Documents are read as untrusted
 * input: at most ROSETTE_MAX_DOCUMENT_SIZE bytes and 32 levels of
 * nesting, checked before the JSON parser sees them. "custom-emblem" is
 * kept as it is read: the model does not parse SVG, so whatever draws it
 * must treat it as untrusted too.
 *
 * Reading and writing the document live here, in
 * rosette-family-document-designer.c (the format 2 sections) and
 * rosette-family-json.c (typed readers of one member). Everything read
 * comes from outside (files people mail each other), so each step is
 * bounded before the next one runs: size, then UTF-8, then nesting depth,
 * then the JSON parser, then every field's type and range. Loading and
 * saving files is in rosette-family-file.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-family-document-private.h"
#include "rosette-model-private.h"
#include "rosette-utils.h"

#define FORMAT_NAME "rosette-family"

/* JSON may spell a NUL character as \u0000; json-glib then cuts the
 * string short without a word, so such documents are refused instead of
 * silently read as something else. */
static gboolean
has_nul_escape (const char *data,
                gsize       length)
{
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!in_string)
        {
          in_string = data[i] == '"';
          continue;
        }

      if (data[i] == '"')
        {
          in_string = FALSE;
        }
      else if (data[i] == '\\' && i + 1 < length)
        {
          if (data[i + 1] == 'u' && i + 5 < length &&
              memcmp (data + i + 2, "0000", 4) == 0)
            return TRUE;
          i++;
        }
    }

  return FALSE;
}

static gboolean
check_header (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *node;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    goto not_a_family;

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (node == NULL || !_rosette_json_node_is_string (node) ||
      g_strcmp0 (json_node_get_string (node), FORMAT_NAME) != 0)
    goto not_a_family;

  node = json_object_get_member (object, "version");
  if (node == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is missing"), "version");
      return FALSE;
    }

  if (!_rosette_json_node_is_integer (node) || json_node_get_int (node) < 1)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be a whole number, 1 or more"), "version");
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > ROSETTE_FAMILY_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNSUPPORTED_VERSION,
                   _("This family was made by a newer Rosette (format %s); "
                     "update Rosette to open it"),
                   number);
      return FALSE;
    }

  return TRUE;

not_a_family:
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("This is not a Rosette family file"));
  return FALSE;
}

static RosetteTier *
read_tier (JsonNode  *node,
           guint      rank,
           GError   **error)
{
  g_autoptr(RosetteTier) tier = NULL;
  JsonObject *object;
  JsonNode *stars;
  const char *name;
  const char *color;
  const char *criteria;
  gboolean found;
  int value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("A tier must be an object with a “name”"));
      return NULL;
    }

  object = json_node_get_object (node);

  if (!_rosette_json_read_required_string (object, "name", &name, error) ||
      !_rosette_check_text ("name", name, ROSETTE_TIER_MAX_NAME_LENGTH, FALSE, error))
    return NULL;

  /* Cues that are left out take the defaults of the tier's rank. */
  tier = rosette_tier_new_for_rank (name, rank);

  if (!_rosette_json_read_enum (object, "metal", ROSETTE_TYPE_METAL, &value, &found, error))
    return NULL;
  if (found)
    rosette_tier_set_metal (tier, value);

  if (!_rosette_json_read_enum (object, "ring", ROSETTE_TYPE_RING_STYLE, &value, &found, error))
    return NULL;
  if (found)
    rosette_tier_set_ring_style (tier, value);

  if (!_rosette_json_read_enum (object, "ornament", ROSETTE_TYPE_ORNAMENT, &value, &found, error))
    return NULL;
  if (found)
    rosette_tier_set_ornament (tier, value);

  if (!_rosette_json_read_color (object, "field-color", TRUE, &color, error))
    return NULL;
  if (color != NULL)
    rosette_tier_set_field_color (tier, color);

  if (!_rosette_json_read_string (object, "criteria", &criteria, error) ||
      (criteria != NULL && !rosette_family_check_achievement_text ("criteria", criteria, error)))
    return NULL;
  if (criteria != NULL)
    rosette_tier_set_criteria (tier, criteria);

  stars = json_object_get_member (object, "stars");
  if (stars != NULL)
    {
      if (!_rosette_json_node_is_integer (stars) ||
          json_node_get_int (stars) < 0 ||
          json_node_get_int (stars) > ROSETTE_TIER_MAX_STARS)
        {
          /* A number out of range, or not a whole number at all. */
          g_set_error (error, ROSETTE_ERROR,
                       _rosette_json_node_is_integer (stars) ? ROSETTE_ERROR_OUT_OF_RANGE : ROSETTE_ERROR_INVALID,
                       _("“%s” must be a whole number from 0 to %d"),
                       "stars", ROSETTE_TIER_MAX_STARS);
          return NULL;
        }

      rosette_tier_set_stars (tier, (guint) json_node_get_int (stars));
    }

  return g_steal_pointer (&tier);
}

static GPtrArray *
read_tiers (JsonNode  *node,
            GError   **error)
{
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GHashTable) slugs = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be a list"), "tiers");
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < ROSETTE_FAMILY_MIN_TIERS || n > ROSETTE_FAMILY_MAX_TIERS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("“%s” must hold %d to %d tiers; found %u"),
                   "tiers", ROSETTE_FAMILY_MIN_TIERS, ROSETTE_FAMILY_MAX_TIERS, n);
      return NULL;
    }

  tiers = g_ptr_array_new_with_free_func (g_object_unref);
  /* slug -> the name of the first tier with it */
  slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      RosetteTier *tier = read_tier (json_array_get_element (array, i), i, error);
      g_autofree char *slug = NULL;
      const char *first;

      if (tier == NULL)
        {
          g_prefix_error (error, _("Tier %u: "), i + 1);
          return NULL;
        }

      g_ptr_array_add (tiers, tier);

      /* Exported files are named by slug, so "Expert" and "expert!" clash. */
      slug = rosette_tier_dup_slug (tier);
      first = g_hash_table_lookup (slugs, slug);
      if (first != NULL)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” has two tiers with the same name, “%s” and “%s”; "
                         "tier names must differ in more than case and punctuation"),
                       "tiers", first, rosette_tier_get_name (tier));
          return NULL;
        }
      g_hash_table_insert (slugs, g_steal_pointer (&slug), (gpointer) rosette_tier_get_name (tier));
    }

  return g_steal_pointer (&tiers);
}

/* The family-wide text fields, all optional. */
static gboolean
read_texts (RosetteFamily  *family,
            JsonObject     *object,
            GError        **error)
{
  const char *value;

  if (!_rosette_json_read_string (object, "emblem", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_emblem_id_is_valid (value))
        {
          g_autofree char *excerpt = _rosette_quote_excerpt (value);

          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” must be an emblem name such as “gear”; found “%s”"),
                       "emblem", excerpt);
          return FALSE;
        }
      rosette_family_set_emblem (family, value);
    }

  if (!_rosette_json_read_string (object, "emblem-text", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_check_text ("emblem-text", value, ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_emblem_text (family, value);
    }

  if (!_rosette_json_read_string (object, "title", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_check_text ("title", value, ROSETTE_FAMILY_MAX_TITLE_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_title (family, value);
    }

  if (!_rosette_json_read_string (object, "subtitle", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_check_text ("subtitle", value, ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_subtitle (family, value);
    }

  return TRUE;
}

static RosetteFamily *
family_from_root (JsonNode  *root,
                  GError   **error)
{
  g_autoptr(RosetteFamily) family = NULL;
  JsonObject *object;
  JsonNode *tiers_node;
  const char *name;
  const char *kind_nick;
  RosetteBadgeKind kind;
  gboolean found;
  int value;

  if (!check_header (root, error))
    return NULL;

  object = json_node_get_object (root);

  if (!_rosette_json_read_required_string (object, "name", &name, error) ||
      !_rosette_check_text ("name", name, ROSETTE_FAMILY_MAX_NAME_LENGTH, FALSE, error))
    return NULL;

  if (!_rosette_json_read_required_string (object, "kind", &kind_nick, error) ||
      !_rosette_json_read_enum (object, "kind", ROSETTE_TYPE_BADGE_KIND, &value, &found, error))
    return NULL;
  kind = value;

  /* Start from the kind's template: missing optional keys keep its look. */
  family = _rosette_family_new_bare (kind);
  g_object_freeze_notify (G_OBJECT (family));

  rosette_family_set_name (family, name);
  if (json_object_get_member (object, "title") == NULL)
    {
      g_autofree char *title = _rosette_family_title_for_name (name);

      rosette_family_set_title (family, title);
    }

  if (!_rosette_json_read_enum (object, "shape", ROSETTE_TYPE_SHAPE, &value, &found, error))
    return NULL;
  if (found)
    rosette_family_set_shape (family, value);

  /* Documents from before the achievement block get the kind's criteria. */
  _rosette_family_reset_criteria (family);

  if (!read_texts (family, object, error) ||
      !_rosette_family_read_palette (family, object, error) ||
      !_rosette_family_read_designer (family, object, error) ||
      !_rosette_family_read_achievement (family, object, error))
    return NULL;

  tiers_node = json_object_get_member (object, "tiers");
  if (tiers_node != NULL)
    {
      GPtrArray *tiers = read_tiers (tiers_node, error);

      if (tiers == NULL)
        return NULL;

      _rosette_family_take_tiers (family, tiers);
    }
  else
    {
      _rosette_family_add_default_tiers (family);
    }

  g_object_thaw_notify (G_OBJECT (family));

  return g_steal_pointer (&family);
}

/**
 * rosette_family_new_from_bytes:
 * @bytes: a family document
 * @error: return location for a #GError
 *
 * Reads a family document (see the format at the top of
 * rosette-family-document.c). The input is treated as untrusted:
 * documents over %ROSETTE_MAX_DOCUMENT_SIZE or nested too deeply give
 * %ROSETTE_ERROR_TOO_LARGE, malformed JSON %ROSETTE_ERROR_PARSE, a newer
 * format %ROSETTE_ERROR_UNSUPPORTED_VERSION, and a bad field
 * %ROSETTE_ERROR_INVALID, %ROSETTE_ERROR_OUT_OF_RANGE or
 * %ROSETTE_ERROR_TOO_LARGE with a message naming the field.
 *
 * Returns: (transfer full): the family, or %NULL with @error set
 */
RosetteFamily *
rosette_family_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  if (size > ROSETTE_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *found = g_format_size (size);
      g_autofree char *limit = g_format_size (ROSETTE_MAX_DOCUMENT_SIZE);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The family file is %s; the largest allowed is %s"),
                   found, limit);
      return NULL;
    }

  if (size == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The family file is empty"));
      return NULL;
    }

  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The family file is not valid UTF-8 text"));
      return NULL;
    }

  /* json-glib recurses once per level and would overflow the stack. */
  if (!rosette_json_depth_ok (data, size, ROSETTE_FAMILY_MAX_DEPTH))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The family file is nested more than %d levels deep"),
                   ROSETTE_FAMILY_MAX_DEPTH);
      return NULL;
    }

  if (has_nul_escape (data, size))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The family file contains a NUL character (\\u0000) in its text"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The family file is not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The family file is empty"));
      return NULL;
    }

  return family_from_root (json_parser_get_root (parser), error);
}

/**
 * rosette_family_to_bytes:
 * @self: a #RosetteFamily
 *
 * Writes the family as a version %ROSETTE_FAMILY_FORMAT_VERSION document,
 * pretty-printed with a two-space indent and a final newline.
 *
 * Returns: (transfer full): the document
 */
GBytes *
rosette_family_to_bytes (RosetteFamily *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GListModel *tiers;
  gsize length;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ROSETTE_FAMILY_FORMAT_VERSION);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rosette_family_get_name (self));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 rosette_badge_kind_to_string (rosette_family_get_kind (self)));
  json_builder_set_member_name (builder, "shape");
  json_builder_add_string_value (builder,
                                 _rosette_enum_nick (ROSETTE_TYPE_SHAPE,
                                                     rosette_family_get_shape (self)));
  json_builder_set_member_name (builder, "emblem");
  json_builder_add_string_value (builder, rosette_family_get_emblem (self));
  json_builder_set_member_name (builder, "emblem-text");
  json_builder_add_string_value (builder, rosette_family_get_emblem_text (self));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, rosette_family_get_title (self));
  json_builder_set_member_name (builder, "subtitle");
  json_builder_add_string_value (builder, rosette_family_get_subtitle (self));

  _rosette_family_write_designer (self, builder);
  _rosette_family_write_achievement (self, builder);

  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  tiers = rosette_family_get_tiers (self);
  for (guint i = 0; i < g_list_model_get_n_items (tiers); i++)
    {
      RosetteTier *tier = rosette_family_get_tier (self, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, rosette_tier_get_name (tier));
      json_builder_set_member_name (builder, "metal");
      json_builder_add_string_value (builder,
                                     _rosette_enum_nick (ROSETTE_TYPE_METAL,
                                                         rosette_tier_get_metal (tier)));
      json_builder_set_member_name (builder, "stars");
      json_builder_add_int_value (builder, rosette_tier_get_stars (tier));
      json_builder_set_member_name (builder, "ring");
      json_builder_add_string_value (builder,
                                     _rosette_enum_nick (ROSETTE_TYPE_RING_STYLE,
                                                         rosette_tier_get_ring_style (tier)));
      json_builder_set_member_name (builder, "ornament");
      json_builder_add_string_value (builder,
                                     _rosette_enum_nick (ROSETTE_TYPE_ORNAMENT,
                                                         rosette_tier_get_ornament (tier)));
      /* Only an override is written; "" means the family's colour. */
      if (*rosette_tier_get_field_color (tier) != '\0')
        {
          json_builder_set_member_name (builder, "field-color");
          json_builder_add_string_value (builder, rosette_tier_get_field_color (tier));
        }
      if (*rosette_tier_get_criteria (tier) != '\0')
        {
          json_builder_set_member_name (builder, "criteria");
          json_builder_add_string_value (builder, rosette_tier_get_criteria (tier));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);

  text = json_generator_to_data (generator, &length);
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';

  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/**
 * rosette_family_restore:
 * @self: a #RosetteFamily
 * @bytes: a family document, such as one made by rosette_family_to_bytes()
 * @error: return location for a #GError
 *
 * Replaces the whole state of @self with the document's, in place, so
 * that views holding @self stay valid: this is how undo and redo work.
 * The tiers are replaced by new objects in one change of the tiers list
 * model, and #RosetteFamily::changed is emitted once at the end. The
 * document is read as rosette_family_new_from_bytes() reads it, with the
 * same errors; when it fails, @self is left as it was.
 *
 * Returns: %TRUE if @self now holds the document's state
 */
gboolean
rosette_family_restore (RosetteFamily  *self,
                        GBytes         *bytes,
                        GError        **error)
{
  g_autoptr(RosetteFamily) parsed = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parsed = rosette_family_new_from_bytes (bytes, error);
  if (parsed == NULL)
    return FALSE;

  _rosette_family_copy_state (self, parsed);

  return TRUE;
}
