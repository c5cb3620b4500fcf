/* rosette-family-document-designer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The sections format 2 added to the family document, read and written:
 * "palette" (beyond the field colour), "text", "effects",
 * "custom-emblem" and "placements". A version 1 document has none of
 * them and reads with the defaults, which draw it as version 1 did.
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

static gboolean
read_palette_members (RosetteFamily  *family,
                      JsonObject     *palette,
                      GError        **error)
{
  const char *color;
  gboolean ramp;
  gboolean found;

  if (!_rosette_json_read_color (palette, "field", FALSE, &color, error))
    return FALSE;
  if (color != NULL)
    rosette_family_set_field_color (family, color);

  if (!_rosette_json_read_color (palette, "ribbon", TRUE, &color, error))
    return FALSE;
  if (color != NULL)
    rosette_family_set_ribbon_color (family, color);

  if (!_rosette_json_read_color (palette, "emblem", TRUE, &color, error))
    return FALSE;
  if (color != NULL)
    rosette_family_set_emblem_color (family, color);

  if (!_rosette_json_read_boolean (palette, "ramp", &ramp, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_palette_ramp (family, ramp);

  return TRUE;
}

gboolean
_rosette_family_read_palette (RosetteFamily  *family,
                              JsonObject     *object,
                              GError        **error)
{
  JsonObject *palette;

  if (!_rosette_json_read_section (object, "palette", &palette, error))
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

  if (!_rosette_json_read_string (text, "font", &font, error))
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

  if (!_rosette_json_read_number (text, "weight", ROSETTE_FONT_WEIGHT_MIN, ROSETTE_FONT_WEIGHT_MAX,
                                  FALSE, &number, &found, error))
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

  if (!_rosette_json_read_number (text, "title-size", ROSETTE_TITLE_SIZE_MIN, ROSETTE_TITLE_SIZE_MAX,
                                  TRUE, &number, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_title_size (family, number);

  if (!_rosette_json_read_enum (text, "title-layout", ROSETTE_TYPE_TEXT_LAYOUT, &value, &found,
                                error))
    return FALSE;
  if (found)
    rosette_family_set_title_layout (family, value);

  if (!_rosette_json_read_boolean (text, "show-subtitle", &flag, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_show_subtitle (family, flag);

  if (!_rosette_json_read_enum (text, "subtitle-layout", ROSETTE_TYPE_TEXT_LAYOUT, &value, &found,
                                error))
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

  if (!_rosette_json_read_number (effects, "rim-width", 0.0, ROSETTE_RIM_WIDTH_MAX, FALSE,
                                  &number, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_rim_width (family, number);

  if (!_rosette_json_read_boolean (effects, "shadow", &flag, &found, error))
    return FALSE;
  if (found)
    rosette_family_set_shadow (family, flag);

  if (!_rosette_json_read_boolean (effects, "gradient", &flag, &found, error))
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

  if (!_rosette_json_read_number (object, "dx",
                                  -ROSETTE_PLACEMENT_MAX_OFFSET, ROSETTE_PLACEMENT_MAX_OFFSET,
                                  FALSE, &dx, &found, error) ||
      !_rosette_json_read_number (object, "dy",
                                  -ROSETTE_PLACEMENT_MAX_OFFSET, ROSETTE_PLACEMENT_MAX_OFFSET,
                                  FALSE, &dy, &found, error) ||
      !_rosette_json_read_number (object, "scale",
                                  ROSETTE_PLACEMENT_MIN_SCALE, ROSETTE_PLACEMENT_MAX_SCALE,
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

  if (!_rosette_json_read_section (object, "placements", &placements, error))
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

  if (!_rosette_json_read_string (object, "custom-emblem", &markup, error))
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
gboolean
_rosette_family_read_designer (RosetteFamily  *family,
                               JsonObject     *object,
                               GError        **error)
{
  JsonObject *section;

  if (!_rosette_json_read_section (object, "text", &section, error))
    return FALSE;
  if (section != NULL && !read_text_members (family, section, error))
    {
      g_prefix_error (error, _("In “%s”: "), "text");
      return FALSE;
    }

  if (!_rosette_json_read_section (object, "effects", &section, error))
    return FALSE;
  if (section != NULL && !read_effects_members (family, section, error))
    {
      g_prefix_error (error, _("In “%s”: "), "effects");
      return FALSE;
    }

  return read_custom_emblem (family, object, error) &&
         read_placements (family, object, error);
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
void
_rosette_family_write_designer (RosetteFamily *self,
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
