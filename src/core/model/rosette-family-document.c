/* rosette-family-document.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Reading and writing the family document. The format is described at the
 * top of rosette-family.c. Everything read here comes from outside (files
 * people mail each other), so each step is bounded before the next one
 * runs: size, then UTF-8, then nesting depth, then the JSON parser, then
 * every field's type and range.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-model-private.h"
#include "rosette-utils.h"

#define FORMAT_NAME "rosette-family"

typedef struct
{
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Reads an optional string member; *value stays NULL when it is absent. */
static gboolean
read_string (JsonObject  *object,
             const char  *key,
             const char **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *value = NULL;

  if (node == NULL)
    return TRUE;

  if (!node_is_string (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be text"), key);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
read_required_string (JsonObject  *object,
                      const char  *key,
                      const char **value,
                      GError     **error)
{
  if (!read_string (object, key, value, error))
    return FALSE;

  if (*value == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is missing"), key);
      return FALSE;
    }

  return TRUE;
}

/* Reads an optional enum member by nick; *found tells whether it was there. */
static gboolean
read_enum (JsonObject  *object,
           const char  *key,
           GType        type,
           int         *value,
           gboolean    *found,
           GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  const char *nick;
  GEnumValue *enum_value;

  *found = FALSE;

  if (!read_string (object, key, &nick, error))
    return FALSE;

  if (nick == NULL)
    return TRUE;

  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    {
      g_autofree char *nicks = _rosette_enum_nicks (type);
      g_autofree char *excerpt = _rosette_quote_excerpt (nick);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be one of %s; found “%s”"),
                   key, nicks, excerpt);
      return FALSE;
    }

  *value = enum_value->value;
  *found = TRUE;

  return TRUE;
}

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
  if (node == NULL || !node_is_string (node) ||
      g_strcmp0 (json_node_get_string (node), FORMAT_NAME) != 0)
    goto not_a_family;

  node = json_object_get_member (object, "version");
  if (node == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is missing"), "version");
      return FALSE;
    }

  if (!node_is_integer (node) || json_node_get_int (node) < 1)
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

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Reads an optional true/false member; *found tells whether it was there. */
static gboolean
read_boolean (JsonObject  *object,
              const char  *key,
              gboolean    *value,
              gboolean    *found,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *found = FALSE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be true or false"), key);
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  *found = TRUE;

  return TRUE;
}

/* Reads an optional number from @min to @max (0 is also allowed when
 * @zero_ok, for "automatic"). */
static gboolean
read_number (JsonObject  *object,
             const char  *key,
             double       min,
             double       max,
             gboolean     zero_ok,
             double      *value,
             gboolean    *found,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  double number;

  *found = FALSE;

  if (node == NULL)
    return TRUE;

  if (!node_is_number (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be a number"), key);
      return FALSE;
    }

  number = json_node_get_double (node);
  if (!(number >= min && number <= max) && !(zero_ok && number == 0.0))
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE];
      char high[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (low, sizeof low, min);
      g_ascii_dtostr (high, sizeof high, max);
      if (zero_ok)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                     _("“%s” must be 0 (automatic) or from %s to %s"), key, low, high);
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                     _("“%s” must be from %s to %s"), key, low, high);
      return FALSE;
    }

  /* + 0.0: a file's -0 is read as 0. */
  *value = number + 0.0;
  *found = TRUE;

  return TRUE;
}

/* Reads an optional "#rrggbb" member, or "" when @allow_empty. */
static gboolean
read_color (JsonObject  *object,
            const char  *key,
            gboolean     allow_empty,
            const char **value,
            GError     **error)
{
  if (!read_string (object, key, value, error))
    return FALSE;

  if (*value == NULL || _rosette_color_is_valid (*value) ||
      (allow_empty && **value == '\0'))
    return TRUE;

  {
    g_autofree char *excerpt = _rosette_quote_excerpt (*value);

    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                 allow_empty ?
                   _("“%s” must be a colour written as #rrggbb, or empty; found “%s”") :
                   _("“%s” must be a colour written as #rrggbb; found “%s”"),
                 key, excerpt);
  }

  return FALSE;
}

/* An optional object member; *out is NULL when it is absent. */
static gboolean
read_section (JsonObject  *object,
              const char  *key,
              JsonObject **out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be an object"), key);
      return FALSE;
    }

  *out = json_node_get_object (node);

  return TRUE;
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

  if (!read_required_string (object, "name", &name, error) ||
      !_rosette_check_text ("name", name, ROSETTE_TIER_MAX_NAME_LENGTH, FALSE, error))
    return NULL;

  /* Cues that are left out take the defaults of the tier's rank. */
  tier = rosette_tier_new_for_rank (name, rank);

  if (!read_enum (object, "metal", ROSETTE_TYPE_METAL, &value, &found, error))
    return NULL;
  if (found)
    rosette_tier_set_metal (tier, value);

  if (!read_enum (object, "ring", ROSETTE_TYPE_RING_STYLE, &value, &found, error))
    return NULL;
  if (found)
    rosette_tier_set_ring_style (tier, value);

  if (!read_enum (object, "ornament", ROSETTE_TYPE_ORNAMENT, &value, &found, error))
    return NULL;
  if (found)
    rosette_tier_set_ornament (tier, value);

  if (!read_color (object, "field-color", TRUE, &color, error))
    return NULL;
  if (color != NULL)
    rosette_tier_set_field_color (tier, color);

  if (!read_string (object, "criteria", &criteria, error) ||
      (criteria != NULL && !rosette_family_check_achievement_text ("criteria", criteria, error)))
    return NULL;
  if (criteria != NULL)
    rosette_tier_set_criteria (tier, criteria);

  stars = json_object_get_member (object, "stars");
  if (stars != NULL)
    {
      if (!node_is_integer (stars) ||
          json_node_get_int (stars) < 0 ||
          json_node_get_int (stars) > ROSETTE_TIER_MAX_STARS)
        {
          /* A number out of range, or not a whole number at all. */
          g_set_error (error, ROSETTE_ERROR,
                       node_is_integer (stars) ? ROSETTE_ERROR_OUT_OF_RANGE : ROSETTE_ERROR_INVALID,
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

  if (!read_string (object, "emblem", &value, error))
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

  if (!read_string (object, "emblem-text", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_check_text ("emblem-text", value, ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_emblem_text (family, value);
    }

  if (!read_string (object, "title", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_check_text ("title", value, ROSETTE_FAMILY_MAX_TITLE_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_title (family, value);
    }

  if (!read_string (object, "subtitle", &value, error))
    return FALSE;
  if (value != NULL)
    {
      if (!_rosette_check_text ("subtitle", value, ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_subtitle (family, value);
    }

  return TRUE;
}

static gboolean
read_palette_members (RosetteFamily  *family,
                      JsonObject     *palette,
                      GError        **error)
{
  const char *color;
  gboolean ramp;
  gboolean found;

  if (!read_color (palette, "field", FALSE, &color, error))
    return FALSE;
  if (color != NULL)
    rosette_family_set_field_color (family, color);

  if (!read_color (palette, "ribbon", TRUE, &color, error))
    return FALSE;
  if (color != NULL)
    rosette_family_set_ribbon_color (family, color);

  if (!read_color (palette, "emblem", TRUE, &color, error))
    return FALSE;
  if (color != NULL)
    rosette_family_set_emblem_color (family, color);

  if (!read_boolean (palette, "ramp", &ramp, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_palette_ramp (family, ramp);

  return TRUE;
}

static gboolean
read_palette (RosetteFamily  *family,
              JsonObject     *object,
              GError        **error)
{
  JsonObject *palette;

  if (!read_section (object, "palette", &palette, error))
    return FALSE;

  if (palette != NULL && !read_palette_members (family, palette, error))
    {
      g_prefix_error (error, _("In “%s”: "), "palette");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_text_members (RosetteFamily  *family,
                   JsonObject     *text,
                   GError        **error)
{
  const char *font;
  double number;
  gboolean flag;
  gboolean found;
  int value;

  if (!read_string (text, "font", &font, error))
    return FALSE;
  if (font != NULL)
    {
      if (!_rosette_check_text ("font", font, ROSETTE_FAMILY_MAX_FONT_LENGTH, TRUE, error))
        return FALSE;
      if (!_rosette_font_family_is_valid (font))
        {
          g_autofree char *excerpt = _rosette_quote_excerpt (font);

          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” must be a font family name such as “Cantarell”; found “%s”"),
                       "font", excerpt);
          return FALSE;
        }
      rosette_family_set_font_family (family, font);
    }

  if (!read_number (text, "weight", ROSETTE_FONT_WEIGHT_MIN, ROSETTE_FONT_WEIGHT_MAX, FALSE,
                    &number, &found, error))
    return FALSE;
  if (found)
    {
      if (number != (guint) number)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” must be a whole number"), "weight");
          return FALSE;
        }
      rosette_family_set_font_weight (family, (guint) number);
    }

  if (!read_number (text, "title-size", ROSETTE_TITLE_SIZE_MIN, ROSETTE_TITLE_SIZE_MAX, TRUE,
                    &number, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_title_size (family, number);

  if (!read_enum (text, "title-layout", ROSETTE_TYPE_TEXT_LAYOUT, &value, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_title_layout (family, value);

  if (!read_boolean (text, "show-subtitle", &flag, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_show_subtitle (family, flag);

  if (!read_enum (text, "subtitle-layout", ROSETTE_TYPE_TEXT_LAYOUT, &value, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_subtitle_layout (family, value);

  return TRUE;
}

static gboolean
read_effects_members (RosetteFamily  *family,
                      JsonObject     *effects,
                      GError        **error)
{
  double number;
  gboolean flag;
  gboolean found;

  if (!read_number (effects, "rim-width", 0.0, ROSETTE_RIM_WIDTH_MAX, FALSE,
                    &number, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_rim_width (family, number);

  if (!read_boolean (effects, "shadow", &flag, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_shadow (family, flag);

  if (!read_boolean (effects, "gradient", &flag, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_gradient (family, flag);

  return TRUE;
}

static gboolean
read_placement (RosetteFamily   *family,
                RosetteElement   element,
                JsonNode        *node,
                GError         **error)
{
  JsonObject *object;
  double dx = 0.0;
  double dy = 0.0;
  double scale = 1.0;
  gboolean found;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("A placement must be an object with “dx”, “dy” and “scale”"));
      return FALSE;
    }

  object = json_node_get_object (node);

  if (!read_number (object, "dx", -ROSETTE_PLACEMENT_MAX_OFFSET, ROSETTE_PLACEMENT_MAX_OFFSET,
                    FALSE, &dx, &found, error) ||
      !read_number (object, "dy", -ROSETTE_PLACEMENT_MAX_OFFSET, ROSETTE_PLACEMENT_MAX_OFFSET,
                    FALSE, &dy, &found, error) ||
      !read_number (object, "scale", ROSETTE_PLACEMENT_MIN_SCALE, ROSETTE_PLACEMENT_MAX_SCALE,
                    FALSE, &scale, &found, error))
    return FALSE;

  rosette_family_set_placement (family, element, dx, dy, scale);

  return TRUE;
}

static gboolean
read_placements (RosetteFamily  *family,
                 JsonObject     *object,
                 GError        **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  JsonObject *placements;

  if (!read_section (object, "placements", &placements, error))
    return FALSE;

  if (placements == NULL)
    return TRUE;

  klass = g_type_class_ref (ROSETTE_TYPE_ELEMENT);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *nick = klass->values[i].value_nick;
      JsonNode *node = json_object_get_member (placements, nick);

      /* Elements a newer version adds are ignored, like other keys. */
      if (node == NULL)
        continue;

      if (!read_placement (family, klass->values[i].value, node, error))
        {
          g_prefix_error (error, _("In “%s”: "), nick);
          g_prefix_error (error, _("In “%s”: "), "placements");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_custom_emblem (RosetteFamily  *family,
                    JsonObject     *object,
                    GError        **error)
{
  const char *markup;

  if (!read_string (object, "custom-emblem", &markup, error))
    return FALSE;

  if (markup == NULL)
    return TRUE;

  if (strlen (markup) > ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE)
    {
      g_autofree char *limit = g_format_size (ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s"), "custom-emblem", limit);
      return FALSE;
    }

  rosette_family_set_custom_emblem (family, markup);

  return TRUE;
}

/* Everything format 2 added; a version 1 document has none of it and
 * keeps the defaults, which draw it as version 1 did. */
static gboolean
read_designer (RosetteFamily  *family,
               JsonObject     *object,
               GError        **error)
{
  JsonObject *section;

  if (!read_section (object, "text", &section, error))
    return FALSE;
  if (section != NULL && !read_text_members (family, section, error))
    {
      g_prefix_error (error, _("In “%s”: "), "text");
      return FALSE;
    }

  if (!read_section (object, "effects", &section, error))
    return FALSE;
  if (section != NULL && !read_effects_members (family, section, error))
    {
      g_prefix_error (error, _("In “%s”: "), "effects");
      return FALSE;
    }

  return read_custom_emblem (family, object, error) &&
         read_placements (family, object, error);
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

  if (!read_required_string (object, "name", &name, error) ||
      !_rosette_check_text ("name", name, ROSETTE_FAMILY_MAX_NAME_LENGTH, FALSE, error))
    return NULL;

  if (!read_required_string (object, "kind", &kind_nick, error) ||
      !read_enum (object, "kind", ROSETTE_TYPE_BADGE_KIND, &value, &found, error))
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

  if (!read_enum (object, "shape", ROSETTE_TYPE_SHAPE, &value, &found, error))
    return NULL;
  if (found)
    rosette_family_set_shape (family, value);

  /* Documents from before the achievement block get the kind's criteria. */
  _rosette_family_reset_criteria (family);

  if (!read_texts (family, object, error) ||
      !read_palette (family, object, error) ||
      !read_designer (family, object, error) ||
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
 * Reads a family document (see the format at the top of rosette-family.c).
 * The input is treated as untrusted: documents over
 * %ROSETTE_MAX_DOCUMENT_SIZE or nested too deeply give
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

static void
add_string_member (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_boolean_member (JsonBuilder *builder,
                    const char  *key,
                    gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

/* Whole numbers are written as integers ("weight": 700, "dx": 12), the
 * rest as the shortest decimal that reads back to the same double. */
static void
add_number_member (JsonBuilder *builder,
                   const char  *key,
                   double       value)
{
  json_builder_set_member_name (builder, key);
  if (value == (double) (gint64) value)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
write_placements (RosetteFamily *self,
                  JsonBuilder   *builder)
{
  gboolean any = FALSE;

  for (guint i = 0; i < ROSETTE_N_ELEMENTS; i++)
    {
      double dx;
      double dy;
      double scale;

      rosette_family_get_placement (self, i, &dx, &dy, &scale);
      if (dx == 0.0 && dy == 0.0 && scale == 1.0)
        continue;

      if (!any)
        {
          json_builder_set_member_name (builder, "placements");
          json_builder_begin_object (builder);
          any = TRUE;
        }

      json_builder_set_member_name (builder, _rosette_enum_nick (ROSETTE_TYPE_ELEMENT, i));
      json_builder_begin_object (builder);
      add_number_member (builder, "dx", dx);
      add_number_member (builder, "dy", dy);
      add_number_member (builder, "scale", scale);
      json_builder_end_object (builder);
    }

  if (any)
    json_builder_end_object (builder);
}

/* The palette and the format 2 sections, between "subtitle" and "tiers". */
static void
write_designer (RosetteFamily *self,
                JsonBuilder   *builder)
{
  const char *custom_emblem = rosette_family_get_custom_emblem (self);

  json_builder_set_member_name (builder, "palette");
  json_builder_begin_object (builder);
  add_string_member (builder, "field", rosette_family_get_field_color (self));
  add_string_member (builder, "ribbon", rosette_family_get_ribbon_color (self));
  add_string_member (builder, "emblem", rosette_family_get_emblem_color (self));
  add_boolean_member (builder, "ramp", rosette_family_get_palette_ramp (self));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  add_string_member (builder, "font", rosette_family_get_font_family (self));
  add_number_member (builder, "weight", rosette_family_get_font_weight (self));
  add_number_member (builder, "title-size", rosette_family_get_title_size (self));
  add_string_member (builder, "title-layout",
                     _rosette_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                         rosette_family_get_title_layout (self)));
  add_boolean_member (builder, "show-subtitle", rosette_family_get_show_subtitle (self));
  add_string_member (builder, "subtitle-layout",
                     _rosette_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                         rosette_family_get_subtitle_layout (self)));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "effects");
  json_builder_begin_object (builder);
  add_number_member (builder, "rim-width", rosette_family_get_rim_width (self));
  add_boolean_member (builder, "shadow", rosette_family_get_shadow (self));
  add_boolean_member (builder, "gradient", rosette_family_get_gradient (self));
  json_builder_end_object (builder);

  if (custom_emblem != NULL)
    add_string_member (builder, "custom-emblem", custom_emblem);

  write_placements (self, builder);
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

  write_designer (self, builder);
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

/* A file name for messages: the base name, as people see it. */
static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/**
 * rosette_family_new_from_file:
 * @file: a .rosette file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a family from @file, reading no more than
 * %ROSETTE_MAX_DOCUMENT_SIZE bytes. Errors are those of
 * rosette_family_new_from_bytes(), with the file's name in the message,
 * or %ROSETTE_ERROR_IO when the file cannot be read (and
 * %G_IO_ERROR_CANCELLED, unchanged, when @cancellable is cancelled).
 *
 * Returns: (transfer full): the family, or %NULL with @error set
 */
RosetteFamily *
rosette_family_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  RosetteFamily *family;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (file);

  bytes = rosette_load_file_bounded (file, ROSETTE_MAX_DOCUMENT_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      /* Our own errors already name the file; wrap GIO's in our domain. */
      if (local_error->domain == ROSETTE_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  family = rosette_family_new_from_bytes (bytes, error);
  if (family == NULL)
    g_prefix_error (error, _("Could not open “%s”: "), name);

  return family;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  RosetteFamily *family;
  GError *error = NULL;

  family = rosette_family_new_from_file (file, cancellable, &error);
  if (family == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, family, g_object_unref);
}

/**
 * rosette_family_new_from_file_async:
 * @file: a .rosette file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the family is read
 * @user_data: data for @callback
 *
 * Reads a family from @file in a worker thread; see
 * rosette_family_new_from_file().
 */
void
rosette_family_new_from_file_async (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_family_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rosette_family_new_from_file_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the family, or %NULL with @error set
 */
RosetteFamily *
rosette_family_new_from_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rosette_family_new_from_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
save_bytes (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Written to a temporary file and renamed over the old one, so a crash
   * or a full disk never leaves half a family behind. */
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &local_error))
    {
      g_autofree char *name = display_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                     _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_family_save_to_file:
 * @self: a #RosetteFamily
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves the document made by rosette_family_to_bytes() to @file,
 * atomically: @file holds either the old or the new document. Fails with
 * %ROSETTE_ERROR_IO.
 *
 * Returns: %TRUE if the family was saved
 */
gboolean
rosette_family_save_to_file (RosetteFamily  *self,
                             GFile          *file,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = rosette_family_to_bytes (self);

  return save_bytes (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_bytes (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rosette_family_save_to_file_async:
 * @self: a #RosetteFamily
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the family is saved
 * @user_data: data for @callback
 *
 * Saves the family as it is now; the writing happens in a worker thread,
 * so later changes to @self are not part of this save.
 */
void
rosette_family_save_to_file_async (RosetteFamily       *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SaveData) data = NULL;

  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* Serialise here: the family is not thread-safe. */
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = rosette_family_to_bytes (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_family_save_to_file_async);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * rosette_family_save_to_file_finish:
 * @self: a #RosetteFamily
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the family was saved
 */
gboolean
rosette_family_save_to_file_finish (RosetteFamily  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rosette_family_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
