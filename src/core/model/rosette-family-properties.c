/* rosette-family-properties.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The accessors of a #RosetteFamily's core properties (name, kind, shape,
 * emblem, texts and field colour), _rosette_family_copy_state(), which
 * sets every property from another family for undo and redo, and the
 * names of the badge kinds.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-family.h"
#include "rosette-model-private.h"
#include "rosette-utils.h"

/**
 * rosette_family_get_name:
 * @self: a #RosetteFamily
 *
 * Returns: the family's name
 */
const char *
rosette_family_get_name (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->name;
}

/**
 * rosette_family_set_name:
 * @self: a #RosetteFamily
 * @name: 1 to %ROSETTE_FAMILY_MAX_NAME_LENGTH characters, no control
 *   characters
 */
void
rosette_family_set_name (RosetteFamily *self,
                         const char    *name)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_text_is_valid (name, ROSETTE_FAMILY_MAX_NAME_LENGTH, FALSE));

  _rosette_family_set_string (self, &self->name, name, FAMILY_PROP_NAME);
}

/**
 * rosette_family_dup_slug:
 * @self: a #RosetteFamily
 *
 * Returns: (transfer full): the file-name-safe form of the name, as made
 *   by rosette_slugify()
 */
char *
rosette_family_dup_slug (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return rosette_slugify (self->name);
}

/**
 * rosette_family_get_kind:
 * @self: a #RosetteFamily
 *
 * Returns: what the family recognises
 */
RosetteBadgeKind
rosette_family_get_kind (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_BADGE_KIND_COMPLIANCE);

  return self->kind;
}

/**
 * rosette_family_set_kind:
 * @self: a #RosetteFamily
 * @kind: a #RosetteBadgeKind
 *
 * Changes only the kind; the look stays as it is.
 */
void
rosette_family_set_kind (RosetteFamily    *self,
                         RosetteBadgeKind  kind)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_family_kind_is_valid (kind));

  if (self->kind == kind)
    return;

  self->kind = kind;
  _rosette_family_notify (self, FAMILY_PROP_KIND);
}

/**
 * rosette_family_get_shape:
 * @self: a #RosetteFamily
 *
 * Returns: the outer shape of the badge
 */
RosetteShape
rosette_family_get_shape (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), ROSETTE_SHAPE_SHIELD);

  return self->shape;
}

/**
 * rosette_family_set_shape:
 * @self: a #RosetteFamily
 * @shape: a #RosetteShape
 */
void
rosette_family_set_shape (RosetteFamily *self,
                          RosetteShape   shape)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail ((guint) shape <= ROSETTE_SHAPE_ROUNDED_SQUARE);

  if (self->shape == shape)
    return;

  self->shape = shape;
  _rosette_family_notify (self, FAMILY_PROP_SHAPE);
}

/**
 * rosette_family_get_emblem:
 * @self: a #RosetteFamily
 *
 * Returns: the id of the emblem
 */
const char *
rosette_family_get_emblem (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->emblem;
}

/**
 * rosette_family_set_emblem:
 * @self: a #RosetteFamily
 * @emblem: an emblem id: lower-case ASCII letters, digits and inner '-',
 *   at most 64 bytes. Whether the design module can draw it is checked
 *   when rendering, not here.
 */
void
rosette_family_set_emblem (RosetteFamily *self,
                           const char    *emblem)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_emblem_id_is_valid (emblem));

  _rosette_family_set_string (self, &self->emblem, emblem, FAMILY_PROP_EMBLEM);
}

/**
 * rosette_family_get_emblem_text:
 * @self: a #RosetteFamily
 *
 * Returns: the text of text emblems, possibly empty
 */
const char *
rosette_family_get_emblem_text (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->emblem_text;
}

/**
 * rosette_family_set_emblem_text:
 * @self: a #RosetteFamily
 * @emblem_text: 0 to %ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH characters
 */
void
rosette_family_set_emblem_text (RosetteFamily *self,
                                const char    *emblem_text)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_text_is_valid (emblem_text,
                                            ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH,
                                            TRUE));

  _rosette_family_set_string (self, &self->emblem_text, emblem_text, FAMILY_PROP_EMBLEM_TEXT);
}

/**
 * rosette_family_get_title:
 * @self: a #RosetteFamily
 *
 * Returns: the main label of the badge
 */
const char *
rosette_family_get_title (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->title;
}

/**
 * rosette_family_set_title:
 * @self: a #RosetteFamily
 * @title: 0 to %ROSETTE_FAMILY_MAX_TITLE_LENGTH characters
 */
void
rosette_family_set_title (RosetteFamily *self,
                          const char    *title)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_text_is_valid (title, ROSETTE_FAMILY_MAX_TITLE_LENGTH, TRUE));

  _rosette_family_set_string (self, &self->title, title, FAMILY_PROP_TITLE);
}

/**
 * rosette_family_get_subtitle:
 * @self: a #RosetteFamily
 *
 * Returns: the smaller label of the badge
 */
const char *
rosette_family_get_subtitle (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->subtitle;
}

/**
 * rosette_family_set_subtitle:
 * @self: a #RosetteFamily
 * @subtitle: 0 to %ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH characters
 */
void
rosette_family_set_subtitle (RosetteFamily *self,
                             const char    *subtitle)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_text_is_valid (subtitle, ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH, TRUE));

  _rosette_family_set_string (self, &self->subtitle, subtitle, FAMILY_PROP_SUBTITLE);
}

/**
 * rosette_family_get_field_color:
 * @self: a #RosetteFamily
 *
 * Returns: the field colour as "#rrggbb", in lower case
 */
const char *
rosette_family_get_field_color (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->field_color;
}

/**
 * rosette_family_set_field_color:
 * @self: a #RosetteFamily
 * @color: "#rrggbb" in either case; it is kept in lower case
 */
void
rosette_family_set_field_color (RosetteFamily *self,
                                const char    *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_color_is_valid (color));

  lower = g_ascii_strdown (color, -1);
  _rosette_family_set_string (self, &self->field_color, lower, FAMILY_PROP_FIELD_COLOR);
}

/*
 * _rosette_family_copy_state:
 * @source: a family nobody else sees (just parsed)
 *
 * Makes @self look exactly like @source: every property, the placements
 * and copies of the tiers (the tiers list model changes once). Emits one
 * "changed" at the end.
 */
void
_rosette_family_copy_state (RosetteFamily *self,
                            RosetteFamily *source)
{
  GPtrArray *tiers;
  guint n;

  g_assert (ROSETTE_IS_FAMILY (self));
  g_assert (ROSETTE_IS_FAMILY (source));

  _rosette_family_hold_changes (self);
  g_object_freeze_notify (G_OBJECT (self));

  rosette_family_set_name (self, source->name);
  rosette_family_set_kind (self, source->kind);
  rosette_family_set_shape (self, source->shape);
  rosette_family_set_emblem (self, source->emblem);
  rosette_family_set_emblem_text (self, source->emblem_text);
  rosette_family_set_title (self, source->title);
  rosette_family_set_subtitle (self, source->subtitle);
  rosette_family_set_field_color (self, source->field_color);
  rosette_family_set_ribbon_color (self, source->ribbon_color);
  rosette_family_set_emblem_color (self, source->emblem_color);
  rosette_family_set_font_family (self, source->font_family);
  rosette_family_set_font_weight (self, source->font_weight);
  rosette_family_set_title_size (self, source->title_size);
  rosette_family_set_title_layout (self, source->title_layout);
  rosette_family_set_show_subtitle (self, source->show_subtitle);
  rosette_family_set_subtitle_layout (self, source->subtitle_layout);
  rosette_family_set_rim_width (self, source->rim_width);
  rosette_family_set_shadow (self, source->shadow);
  rosette_family_set_gradient (self, source->gradient);
  rosette_family_set_palette_ramp (self, source->palette_ramp);
  rosette_family_set_custom_emblem (self, source->custom_emblem);
  _rosette_family_copy_achievement (self, source);

  if (memcmp (self->placements, source->placements, sizeof self->placements) != 0)
    {
      memcpy (self->placements, source->placements, sizeof self->placements);
      _rosette_family_notify (self, FAMILY_PROP_PLACEMENTS);
    }

  /* New tier objects, set last: a view that reacts to "items-changed"
   * sees the rest of the family already in its new state. */
  n = rosette_family_get_n_tiers (source);
  tiers = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (tiers, rosette_tier_copy (rosette_family_get_tier (source, i)));
  _rosette_family_take_tiers (self, tiers);

  g_object_thaw_notify (G_OBJECT (self));
  _rosette_family_release_changes (self);
}

/**
 * rosette_badge_kind_to_string:
 * @kind: a #RosetteBadgeKind
 *
 * Returns: the name used in files and on the command line, such as
 *   "compliance"
 */
const char *
rosette_badge_kind_to_string (RosetteBadgeKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ROSETTE_TYPE_BADGE_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_return_val_if_fail (value != NULL, NULL);

  /* Nicks are static strings owned by the (never freed) enum type. */
  return value->value_nick;
}

/**
 * rosette_badge_kind_from_string:
 * @string: a kind's name, such as "compliance"
 * @kind: (out): return location for the kind
 *
 * Returns: %TRUE if @string names a kind
 */
gboolean
rosette_badge_kind_from_string (const char       *string,
                                RosetteBadgeKind *kind)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (string != NULL, FALSE);

  klass = g_type_class_ref (ROSETTE_TYPE_BADGE_KIND);
  value = g_enum_get_value_by_nick (klass, string);
  if (value == NULL)
    return FALSE;

  if (kind != NULL)
    *kind = value->value;

  return TRUE;
}

/**
 * rosette_badge_kind_get_display_name:
 * @kind: a #RosetteBadgeKind
 *
 * Returns: the kind's translated name for people, such as "Compliance"
 */
const char *
rosette_badge_kind_get_display_name (RosetteBadgeKind kind)
{
  switch (kind)
    {
    case ROSETTE_BADGE_KIND_COMPLIANCE:
      return _("Compliance");
    case ROSETTE_BADGE_KIND_LEADERSHIP:
      return _("Leadership");
    case ROSETTE_BADGE_KIND_TECHNICAL:
      return _("Technical");
    case ROSETTE_BADGE_KIND_ONBOARDING:
      return _("Onboarding");
    case ROSETTE_BADGE_KIND_RECOGNITION:
      return _("Recognition");
    case ROSETTE_BADGE_KIND_SERVICE:
      return _("Years of Service");
    default:
      g_return_val_if_reached (NULL);
    }
}
