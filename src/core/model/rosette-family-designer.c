/* rosette-family-designer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The designer's properties of a #RosetteFamily (format 2): colours of
 * the ribbon and emblem, the type, effects, an imported emblem and where
 * each element sits. Their defaults draw a version 1 family exactly as
 * version 1 did, so a migrated file looks the same until it is edited.
 */

#include "config.h"

#include <math.h>
#include "rosette-enums.h"
#include "rosette-family.h"
#include "rosette-model-private.h"

static const RosettePlacement default_placement = { 0.0, 0.0, 1.0 };

/* Sets every format 2 field to its default; used by init and when a
 * version 1 document is read. Does not notify. */
void
_rosette_family_reset_designer (RosetteFamily *self)
{
  g_free (self->ribbon_color);
  self->ribbon_color = g_strdup ("");
  g_free (self->emblem_color);
  self->emblem_color = g_strdup ("");
  g_free (self->font_family);
  self->font_family = g_strdup ("");
  self->font_weight = ROSETTE_FONT_WEIGHT_DEFAULT;
  self->title_size = ROSETTE_TITLE_SIZE_AUTO;
  self->title_layout = ROSETTE_TEXT_LAYOUT_STRAIGHT;
  self->show_subtitle = FALSE;
  self->subtitle_layout = ROSETTE_TEXT_LAYOUT_CURVED;
  self->rim_width = ROSETTE_RIM_WIDTH_DEFAULT;
  self->shadow = TRUE;
  self->gradient = TRUE;
  self->palette_ramp = FALSE;
  g_clear_pointer (&self->custom_emblem, g_free);

  for (guint i = 0; i < ROSETTE_N_ELEMENTS; i++)
    self->placements[i] = default_placement;
}

gboolean
_rosette_placement_is_default (const RosettePlacement *placement)
{
  return placement->dx == 0.0 && placement->dy == 0.0 && placement->scale == 1.0;
}

/* The "placements" property: a{s(ddd)} of the elements that moved, by
 * element nick. */
GVariant *
_rosette_family_dup_placements (RosetteFamily *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s(ddd)}"));

  for (guint i = 0; i < ROSETTE_N_ELEMENTS; i++)
    {
      const RosettePlacement *p = &self->placements[i];

      if (_rosette_placement_is_default (p))
        continue;

      g_variant_builder_add (&builder, "{s(ddd)}",
                             _rosette_enum_nick (ROSETTE_TYPE_ELEMENT, i),
                             p->dx, p->dy, p->scale);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

void
_rosette_family_install_designer_properties (GObjectClass  *object_class,
                                             GParamSpec   **properties)
{
  const GParamFlags rw = (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * RosetteFamily:ribbon-color:
   *
   * The ribbon's colour as "#rrggbb", or "" to derive it from the field.
   */
  properties[FAMILY_PROP_RIBBON_COLOR] =
    g_param_spec_string ("ribbon-color", NULL, NULL, "", rw);

  /**
   * RosetteFamily:emblem-color:
   *
   * The emblem's colour as "#rrggbb", or "" for the default (white).
   */
  properties[FAMILY_PROP_EMBLEM_COLOR] =
    g_param_spec_string ("emblem-color", NULL, NULL, "", rw);

  /**
   * RosetteFamily:font-family:
   *
   * The font family of every text, or "" for the default (DejaVu Sans
   * Condensed); at most %ROSETTE_FAMILY_MAX_FONT_LENGTH characters.
   */
  properties[FAMILY_PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, "", rw);

  /**
   * RosetteFamily:font-weight:
   *
   * The weight of the title, %ROSETTE_FONT_WEIGHT_MIN to
   * %ROSETTE_FONT_WEIGHT_MAX (CSS weights: 400 regular, 700 bold).
   */
  properties[FAMILY_PROP_FONT_WEIGHT] =
    g_param_spec_uint ("font-weight", NULL, NULL,
                       ROSETTE_FONT_WEIGHT_MIN, ROSETTE_FONT_WEIGHT_MAX,
                       ROSETTE_FONT_WEIGHT_DEFAULT, rw);

  /**
   * RosetteFamily:title-size:
   *
   * The title's size in canvas units, %ROSETTE_TITLE_SIZE_MIN to
   * %ROSETTE_TITLE_SIZE_MAX, or %ROSETTE_TITLE_SIZE_AUTO to fit it.
   */
  properties[FAMILY_PROP_TITLE_SIZE] =
    g_param_spec_double ("title-size", NULL, NULL,
                         ROSETTE_TITLE_SIZE_AUTO, ROSETTE_TITLE_SIZE_MAX,
                         ROSETTE_TITLE_SIZE_AUTO, rw);

  /**
   * RosetteFamily:title-layout:
   *
   * Whether the title runs straight or along an arched ribbon.
   */
  properties[FAMILY_PROP_TITLE_LAYOUT] =
    g_param_spec_enum ("title-layout", NULL, NULL,
                       ROSETTE_TYPE_TEXT_LAYOUT,
                       ROSETTE_TEXT_LAYOUT_STRAIGHT, rw);

  /**
   * RosetteFamily:show-subtitle:
   *
   * Whether the subtitle is drawn on the badge (version 1 families do
   * not draw it).
   */
  properties[FAMILY_PROP_SHOW_SUBTITLE] =
    g_param_spec_boolean ("show-subtitle", NULL, NULL, FALSE, rw);

  /**
   * RosetteFamily:subtitle-layout:
   *
   * Whether the subtitle runs straight or along the ring.
   */
  properties[FAMILY_PROP_SUBTITLE_LAYOUT] =
    g_param_spec_enum ("subtitle-layout", NULL, NULL,
                       ROSETTE_TYPE_TEXT_LAYOUT,
                       ROSETTE_TEXT_LAYOUT_CURVED, rw);

  /**
   * RosetteFamily:rim-width:
   *
   * The width of the metal rim in canvas units, 0 (the artwork's own) to
   * %ROSETTE_RIM_WIDTH_MAX.
   */
  properties[FAMILY_PROP_RIM_WIDTH] =
    g_param_spec_double ("rim-width", NULL, NULL,
                         0.0, ROSETTE_RIM_WIDTH_MAX,
                         ROSETTE_RIM_WIDTH_DEFAULT, rw);

  /**
   * RosetteFamily:shadow:
   *
   * Whether the badge casts a drop shadow.
   */
  properties[FAMILY_PROP_SHADOW] =
    g_param_spec_boolean ("shadow", NULL, NULL, TRUE, rw);

  /**
   * RosetteFamily:gradient:
   *
   * Whether fields and metals are shaded with gradients (flat otherwise).
   */
  properties[FAMILY_PROP_GRADIENT] =
    g_param_spec_boolean ("gradient", NULL, NULL, TRUE, rw);

  /**
   * RosetteFamily:palette-ramp:
   *
   * Whether higher tiers get a deeper shade of the field colour.
   */
  properties[FAMILY_PROP_PALETTE_RAMP] =
    g_param_spec_boolean ("palette-ramp", NULL, NULL, FALSE, rw);

  /**
   * RosetteFamily:custom-emblem:
   *
   * The sanitised SVG markup of an imported emblem, or %NULL; drawn when
   * #RosetteFamily:emblem is %ROSETTE_FAMILY_CUSTOM_EMBLEM.
   */
  properties[FAMILY_PROP_CUSTOM_EMBLEM] =
    g_param_spec_string ("custom-emblem", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:placements:
   *
   * The elements the designer moved or resized, as a GVariant of type
   * a{s(ddd)}: element nick to (dx, dy, scale). Notified on every
   * placement change; set them with rosette_family_set_placement().
   */
  properties[FAMILY_PROP_PLACEMENTS] =
    g_param_spec_variant ("placements", NULL, NULL,
                          G_VARIANT_TYPE ("a{s(ddd)}"), NULL,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

/**
 * rosette_family_get_ribbon_color:
 * @self: a #RosetteFamily
 *
 * Returns: the ribbon colour as "#rrggbb" in lower case, or "" when it is
 *   derived from the field colour
 */
const char *
rosette_family_get_ribbon_color (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->ribbon_color;
}

static void
set_optional_color (RosetteFamily      *self,
                    char              **field,
                    const char         *color,
                    RosetteFamilyProp   prop)
{
  g_autofree char *lower = g_ascii_strdown (color, -1);

  _rosette_family_set_string (self, field, lower, prop);
}

/**
 * rosette_family_set_ribbon_color:
 * @self: a #RosetteFamily
 * @color: "#rrggbb" in either case (kept in lower case), or ""
 */
void
rosette_family_set_ribbon_color (RosetteFamily *self,
                                 const char    *color)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_color_or_empty_is_valid (color));

  set_optional_color (self, &self->ribbon_color, color, FAMILY_PROP_RIBBON_COLOR);
}

/**
 * rosette_family_get_emblem_color:
 * @self: a #RosetteFamily
 *
 * Returns: the emblem colour as "#rrggbb" in lower case, or "" for the
 *   default
 */
const char *
rosette_family_get_emblem_color (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->emblem_color;
}

/**
 * rosette_family_set_emblem_color:
 * @self: a #RosetteFamily
 * @color: "#rrggbb" in either case (kept in lower case), or ""
 */
void
rosette_family_set_emblem_color (RosetteFamily *self,
                                 const char    *color)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_color_or_empty_is_valid (color));

  set_optional_color (self, &self->emblem_color, color, FAMILY_PROP_EMBLEM_COLOR);
}

/**
 * rosette_family_get_font_family:
 * @self: a #RosetteFamily
 *
 * Returns: the font family name, or "" for the default
 */
const char *
rosette_family_get_font_family (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->font_family;
}

/**
 * rosette_family_set_font_family:
 * @self: a #RosetteFamily
 * @font_family: a family name such as "Cantarell", at most
 *   %ROSETTE_FAMILY_MAX_FONT_LENGTH characters, without control
 *   characters or any of <>&"';{}\, or "" for the default
 */
void
rosette_family_set_font_family (RosetteFamily *self,
                                const char    *font_family)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_font_family_is_valid (font_family));

  _rosette_family_set_string (self, &self->font_family, font_family, FAMILY_PROP_FONT_FAMILY);
}

/**
 * rosette_family_get_font_weight:
 * @self: a #RosetteFamily
 *
 * Returns: the title's weight, %ROSETTE_FONT_WEIGHT_MIN to
 *   %ROSETTE_FONT_WEIGHT_MAX
 */
guint
rosette_family_get_font_weight (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_FONT_WEIGHT_DEFAULT);

  return self->font_weight;
}

/**
 * rosette_family_set_font_weight:
 * @self: a #RosetteFamily
 * @weight: %ROSETTE_FONT_WEIGHT_MIN to %ROSETTE_FONT_WEIGHT_MAX
 */
void
rosette_family_set_font_weight (RosetteFamily *self,
                                guint          weight)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (weight >= ROSETTE_FONT_WEIGHT_MIN && weight <= ROSETTE_FONT_WEIGHT_MAX);

  if (self->font_weight == weight)
    return;

  self->font_weight = weight;
  _rosette_family_notify (self, FAMILY_PROP_FONT_WEIGHT);
}

/**
 * rosette_family_get_title_size:
 * @self: a #RosetteFamily
 *
 * Returns: the title's size, or %ROSETTE_TITLE_SIZE_AUTO
 */
double
rosette_family_get_title_size (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_TITLE_SIZE_AUTO);

  return self->title_size;
}

/**
 * rosette_family_set_title_size:
 * @self: a #RosetteFamily
 * @size: %ROSETTE_TITLE_SIZE_AUTO, or %ROSETTE_TITLE_SIZE_MIN to
 *   %ROSETTE_TITLE_SIZE_MAX
 */
void
rosette_family_set_title_size (RosetteFamily *self,
                               double         size)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (size == ROSETTE_TITLE_SIZE_AUTO ||
                    (size >= ROSETTE_TITLE_SIZE_MIN && size <= ROSETTE_TITLE_SIZE_MAX));

  if (self->title_size == size)
    return;

  self->title_size = size;
  _rosette_family_notify (self, FAMILY_PROP_TITLE_SIZE);
}

/**
 * rosette_family_get_title_layout:
 * @self: a #RosetteFamily
 *
 * Returns: how the title runs
 */
RosetteTextLayout
rosette_family_get_title_layout (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_TEXT_LAYOUT_STRAIGHT);

  return self->title_layout;
}

/**
 * rosette_family_set_title_layout:
 * @self: a #RosetteFamily
 * @layout: a #RosetteTextLayout
 */
void
rosette_family_set_title_layout (RosetteFamily     *self,
                                 RosetteTextLayout  layout)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail ((guint) layout <= ROSETTE_TEXT_LAYOUT_CURVED);

  if (self->title_layout == layout)
    return;

  self->title_layout = layout;
  _rosette_family_notify (self, FAMILY_PROP_TITLE_LAYOUT);
}

/**
 * rosette_family_get_show_subtitle:
 * @self: a #RosetteFamily
 *
 * Returns: whether the subtitle is drawn
 */
gboolean
rosette_family_get_show_subtitle (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);

  return self->show_subtitle;
}

/* The boolean setters differ only in the field and the property. */
static void
set_boolean (RosetteFamily      *self,
             gboolean           *field,
             gboolean            value,
             RosetteFamilyProp   prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  _rosette_family_notify (self, prop);
}

/**
 * rosette_family_set_show_subtitle:
 * @self: a #RosetteFamily
 * @show: whether to draw the subtitle
 */
void
rosette_family_set_show_subtitle (RosetteFamily *self,
                                  gboolean       show)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));

  set_boolean (self, &self->show_subtitle, show, FAMILY_PROP_SHOW_SUBTITLE);
}

/**
 * rosette_family_get_subtitle_layout:
 * @self: a #RosetteFamily
 *
 * Returns: how the subtitle runs
 */
RosetteTextLayout
rosette_family_get_subtitle_layout (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_TEXT_LAYOUT_CURVED);

  return self->subtitle_layout;
}

/**
 * rosette_family_set_subtitle_layout:
 * @self: a #RosetteFamily
 * @layout: a #RosetteTextLayout
 */
void
rosette_family_set_subtitle_layout (RosetteFamily     *self,
                                    RosetteTextLayout  layout)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail ((guint) layout <= ROSETTE_TEXT_LAYOUT_CURVED);

  if (self->subtitle_layout == layout)
    return;

  self->subtitle_layout = layout;
  _rosette_family_notify (self, FAMILY_PROP_SUBTITLE_LAYOUT);
}

/**
 * rosette_family_get_rim_width:
 * @self: a #RosetteFamily
 *
 * Returns: the rim's width, 0 for the artwork's own
 */
double
rosette_family_get_rim_width (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_RIM_WIDTH_DEFAULT);

  return self->rim_width;
}

/**
 * rosette_family_set_rim_width:
 * @self: a #RosetteFamily
 * @width: 0 to %ROSETTE_RIM_WIDTH_MAX
 */
void
rosette_family_set_rim_width (RosetteFamily *self,
                              double         width)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (width >= 0.0 && width <= ROSETTE_RIM_WIDTH_MAX);

  if (self->rim_width == width)
    return;

  self->rim_width = width;
  _rosette_family_notify (self, FAMILY_PROP_RIM_WIDTH);
}

/**
 * rosette_family_get_shadow:
 * @self: a #RosetteFamily
 *
 * Returns: whether the badge casts a shadow
 */
gboolean
rosette_family_get_shadow (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), TRUE);

  return self->shadow;
}

/**
 * rosette_family_set_shadow:
 * @self: a #RosetteFamily
 * @shadow: whether the badge casts a shadow
 */
void
rosette_family_set_shadow (RosetteFamily *self,
                           gboolean       shadow)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));

  set_boolean (self, &self->shadow, shadow, FAMILY_PROP_SHADOW);
}

/**
 * rosette_family_get_gradient:
 * @self: a #RosetteFamily
 *
 * Returns: whether surfaces are shaded with gradients
 */
gboolean
rosette_family_get_gradient (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), TRUE);

  return self->gradient;
}

/**
 * rosette_family_set_gradient:
 * @self: a #RosetteFamily
 * @gradient: whether surfaces are shaded with gradients
 */
void
rosette_family_set_gradient (RosetteFamily *self,
                             gboolean       gradient)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));

  set_boolean (self, &self->gradient, gradient, FAMILY_PROP_GRADIENT);
}

/**
 * rosette_family_get_palette_ramp:
 * @self: a #RosetteFamily
 *
 * Returns: whether higher tiers get deeper shades of the field colour
 */
gboolean
rosette_family_get_palette_ramp (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);

  return self->palette_ramp;
}

/**
 * rosette_family_set_palette_ramp:
 * @self: a #RosetteFamily
 * @ramp: whether higher tiers get deeper shades of the field colour
 */
void
rosette_family_set_palette_ramp (RosetteFamily *self,
                                 gboolean       ramp)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));

  set_boolean (self, &self->palette_ramp, ramp, FAMILY_PROP_PALETTE_RAMP);
}

/**
 * rosette_family_get_custom_emblem:
 * @self: a #RosetteFamily
 *
 * Returns: (nullable): the imported emblem's sanitised SVG markup, or
 *   %NULL when there is none
 */
const char *
rosette_family_get_custom_emblem (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->custom_emblem;
}

/**
 * rosette_family_set_custom_emblem:
 * @self: a #RosetteFamily
 * @svg_markup: (nullable): SVG markup already sanitised by
 *   rosette_design_sanitize_emblem(), valid UTF-8 of at most
 *   %ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE bytes; %NULL or "" removes it
 *
 * Keeps an imported emblem in the family; it is drawn when the emblem is
 * %ROSETTE_FAMILY_CUSTOM_EMBLEM. The model does not parse the markup.
 */
void
rosette_family_set_custom_emblem (RosetteFamily *self,
                                  const char    *svg_markup)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_custom_emblem_is_valid (svg_markup));

  if (svg_markup != NULL && *svg_markup == '\0')
    svg_markup = NULL;

  _rosette_family_set_string (self, &self->custom_emblem, svg_markup,
                              FAMILY_PROP_CUSTOM_EMBLEM);
}

/**
 * rosette_family_get_placement:
 * @self: a #RosetteFamily
 * @element: a #RosetteElement
 * @dx: (out) (optional): the horizontal offset in canvas units
 * @dy: (out) (optional): the vertical offset in canvas units
 * @scale: (out) (optional): the scale factor
 *
 * Gets where the designer moved @element from its place in the artwork;
 * 0, 0, 1 when it was never moved.
 */
void
rosette_family_get_placement (RosetteFamily  *self,
                              RosetteElement  element,
                              double         *dx,
                              double         *dy,
                              double         *scale)
{
  const RosettePlacement *p = &default_placement;

  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail ((guint) element < ROSETTE_N_ELEMENTS);

  p = &self->placements[element];

  if (dx != NULL)
    *dx = p->dx;
  if (dy != NULL)
    *dy = p->dy;
  if (scale != NULL)
    *scale = p->scale;
}

/* A drag can overshoot: clamp rather than refuse. NaN becomes the
 * default, so a broken computation never reaches the file. */
static double
clamp_or_default (double value,
                  double low,
                  double high,
                  double fallback)
{
  if (isnan (value))
    return fallback;

  /* + 0.0 turns -0.0 into 0.0, so "-0" is never written to a file. */
  return CLAMP (value, low, high) + 0.0;
}

/**
 * rosette_family_set_placement:
 * @self: a #RosetteFamily
 * @element: a #RosetteElement
 * @dx: the horizontal offset, clamped to ±%ROSETTE_PLACEMENT_MAX_OFFSET
 * @dy: the vertical offset, clamped to ±%ROSETTE_PLACEMENT_MAX_OFFSET
 * @scale: the scale factor, clamped to %ROSETTE_PLACEMENT_MIN_SCALE ..
 *   %ROSETTE_PLACEMENT_MAX_SCALE
 *
 * Moves and resizes @element in every tier. Notifies
 * #RosetteFamily:placements (and so emits #RosetteFamily::changed) when
 * the placement differs.
 */
void
rosette_family_set_placement (RosetteFamily  *self,
                              RosetteElement  element,
                              double          dx,
                              double          dy,
                              double          scale)
{
  RosettePlacement p;

  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail ((guint) element < ROSETTE_N_ELEMENTS);

  p.dx = clamp_or_default (dx, -ROSETTE_PLACEMENT_MAX_OFFSET, ROSETTE_PLACEMENT_MAX_OFFSET, 0.0);
  p.dy = clamp_or_default (dy, -ROSETTE_PLACEMENT_MAX_OFFSET, ROSETTE_PLACEMENT_MAX_OFFSET, 0.0);
  p.scale = clamp_or_default (scale, ROSETTE_PLACEMENT_MIN_SCALE, ROSETTE_PLACEMENT_MAX_SCALE, 1.0);

  if (p.dx == self->placements[element].dx &&
      p.dy == self->placements[element].dy &&
      p.scale == self->placements[element].scale)
    return;

  self->placements[element] = p;
  _rosette_family_notify (self, FAMILY_PROP_PLACEMENTS);
}

/**
 * rosette_family_reset_placements:
 * @self: a #RosetteFamily
 *
 * Puts every element back where the artwork draws it.
 */
void
rosette_family_reset_placements (RosetteFamily *self)
{
  gboolean moved = FALSE;

  g_return_if_fail (ROSETTE_IS_FAMILY (self));

  for (guint i = 0; i < ROSETTE_N_ELEMENTS; i++)
    {
      moved |= !_rosette_placement_is_default (&self->placements[i]);
      self->placements[i] = default_placement;
    }

  if (moved)
    _rosette_family_notify (self, FAMILY_PROP_PLACEMENTS);
}
