/* rosette-family-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Scripted edits: `rosette-cli family set FILE KEY VALUE` sets one
 * documented key from a string. Values are parsed strictly and checked
 * completely before anything changes, so a failed set leaves the family
 * (and the file) as it was. The keys are listed in keys[] below and in
 * help/C/cli.page.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-family-keys-private.h"
#include "rosette-model-private.h"
#include "rosette-palette.h"
#include "rosette-utils.h"

#define TIER_PREFIX "tier."

typedef gboolean (*KeySetter) (RosetteFamily  *self,
                               const char     *key,
                               const char     *value,
                               GError        **error);

typedef struct
{
  const char *key;
  KeySetter   setter;
} KeyEntry;

/* What rosette_family_list_keys() returns: the simple keys, then the
 * patterns of tier and element keys. */
static const char * const keys[] = {
  "name", "title", "subtitle", "kind", "shape", "emblem", "emblem-text",
  "field-color", "ribbon-color", "emblem-color", "palette", "palette-ramp",
  "font", "font-weight", "title-size", "title-layout", "show-subtitle",
  "subtitle-layout", "rim-width", "shadow", "gradient", "tiers",
  "description", "criteria", "criteria-url", "achievement-type", "tags",
  "alignment.name", "alignment.url", "alignment.framework", "alignment.code",
  "tier.<tier>.name", "tier.<tier>.metal", "tier.<tier>.stars", "tier.<tier>.ring",
  "tier.<tier>.ornament", "tier.<tier>.field-color", "tier.<tier>.criteria",
  "<element>.dx", "<element>.dy", "<element>.scale",
  NULL
};

static gboolean
set_text (RosetteFamily  *self,
          const char     *key,
          const char     *value,
          GError        **error)
{
  if (!_rosette_key_check_utf8 (key, value, error))
    return FALSE;

  if (g_str_equal (key, "name"))
    {
      if (!_rosette_check_text (key, value, ROSETTE_FAMILY_MAX_NAME_LENGTH, FALSE, error))
        return FALSE;
      rosette_family_set_name (self, value);
    }
  else if (g_str_equal (key, "title"))
    {
      if (!_rosette_check_text (key, value, ROSETTE_FAMILY_MAX_TITLE_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_title (self, value);
    }
  else if (g_str_equal (key, "subtitle"))
    {
      if (!_rosette_check_text (key, value, ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_subtitle (self, value);
    }
  else
    {
      if (!_rosette_check_text (key, value, ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH, TRUE, error))
        return FALSE;
      rosette_family_set_emblem_text (self, value);
    }

  return TRUE;
}

static gboolean
set_enum_key (RosetteFamily  *self,
              const char     *key,
              const char     *value,
              GError        **error)
{
  GType type = ROSETTE_TYPE_TEXT_LAYOUT;
  int out;

  if (g_str_equal (key, "kind"))
    type = ROSETTE_TYPE_BADGE_KIND;
  else if (g_str_equal (key, "shape"))
    type = ROSETTE_TYPE_SHAPE;

  if (!_rosette_key_parse_enum (key, value, type, &out, error))
    return FALSE;

  if (g_str_equal (key, "kind"))
    rosette_family_set_kind (self, out);
  else if (g_str_equal (key, "shape"))
    rosette_family_set_shape (self, out);
  else if (g_str_equal (key, "title-layout"))
    rosette_family_set_title_layout (self, out);
  else
    rosette_family_set_subtitle_layout (self, out);

  return TRUE;
}

static gboolean
set_emblem (RosetteFamily  *self,
            const char     *key,
            const char     *value,
            GError        **error)
{
  if (!_rosette_emblem_id_is_valid (value))
    return _rosette_key_fail (error, ROSETTE_ERROR_INVALID, key,
                              _("an emblem name such as “gear”"), value);

  if (g_str_equal (value, ROSETTE_FAMILY_CUSTOM_EMBLEM) &&
      rosette_family_get_custom_emblem (self) == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The family has no imported emblem; import an SVG emblem first"));
      return FALSE;
    }

  rosette_family_set_emblem (self, value);

  return TRUE;
}

static gboolean
set_color_key (RosetteFamily  *self,
               const char     *key,
               const char     *value,
               GError        **error)
{
  g_autofree char *color = NULL;
  gboolean optional = !g_str_equal (key, "field-color");

  if (!_rosette_key_parse_color (key, value, optional, &color, error))
    return FALSE;

  if (g_str_equal (key, "field-color"))
    rosette_family_set_field_color (self, color);
  else if (g_str_equal (key, "ribbon-color"))
    rosette_family_set_ribbon_color (self, color);
  else
    rosette_family_set_emblem_color (self, color);

  return TRUE;
}

static gboolean
set_palette (RosetteFamily  *self,
             const char     *key,
             const char     *value,
             GError        **error)
{
  const RosettePalette *palette = rosette_palette_find (value);

  if (palette == NULL)
    {
      const RosettePalette *presets;
      guint n;
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *expected = NULL;

      presets = rosette_palette_get_presets (&n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", presets[i].id);
      expected = g_strdup_printf (_("one of %s"), ids->str);
      return _rosette_key_fail (error, ROSETTE_ERROR_INVALID, key, expected, value);
    }

  g_object_freeze_notify (G_OBJECT (self));
  rosette_family_set_field_color (self, palette->field);
  rosette_family_set_ribbon_color (self, palette->ribbon);
  rosette_family_set_emblem_color (self, palette->emblem);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

static gboolean
set_boolean_key (RosetteFamily  *self,
                 const char     *key,
                 const char     *value,
                 GError        **error)
{
  gboolean flag;

  if (!_rosette_key_parse_boolean (key, value, &flag, error))
    return FALSE;

  if (g_str_equal (key, "show-subtitle"))
    rosette_family_set_show_subtitle (self, flag);
  else if (g_str_equal (key, "shadow"))
    rosette_family_set_shadow (self, flag);
  else if (g_str_equal (key, "gradient"))
    rosette_family_set_gradient (self, flag);
  else
    rosette_family_set_palette_ramp (self, flag);

  return TRUE;
}

static gboolean
set_font (RosetteFamily  *self,
          const char     *key,
          const char     *value,
          GError        **error)
{
  if (!_rosette_key_check_utf8 (key, value, error) ||
      !_rosette_check_text (key, value, ROSETTE_FAMILY_MAX_FONT_LENGTH, TRUE, error))
    return FALSE;

  if (!_rosette_font_family_is_valid (value))
    return _rosette_key_fail (error, ROSETTE_ERROR_INVALID, key,
                              _("a font family name such as “Cantarell”"), value);

  rosette_family_set_font_family (self, value);

  return TRUE;
}

static gboolean
set_font_weight (RosetteFamily  *self,
                 const char     *key,
                 const char     *value,
                 GError        **error)
{
  guint weight;

  /* The two names everyone knows, besides CSS numbers. */
  if (g_ascii_strcasecmp (value, "normal") == 0 || g_ascii_strcasecmp (value, "regular") == 0)
    weight = 400;
  else if (g_ascii_strcasecmp (value, "bold") == 0)
    weight = 700;
  else if (!_rosette_key_parse_whole (key, value, ROSETTE_FONT_WEIGHT_MIN,
                                      ROSETTE_FONT_WEIGHT_MAX, &weight, error))
    return FALSE;

  rosette_family_set_font_weight (self, weight);

  return TRUE;
}

static gboolean
set_title_size (RosetteFamily  *self,
                const char     *key,
                const char     *value,
                GError        **error)
{
  double size;

  if (g_ascii_strcasecmp (value, "auto") == 0)
    size = ROSETTE_TITLE_SIZE_AUTO;
  else if (!_rosette_key_parse_number (value, &size) ||
           !(size == ROSETTE_TITLE_SIZE_AUTO ||
             (size >= ROSETTE_TITLE_SIZE_MIN && size <= ROSETTE_TITLE_SIZE_MAX)))
    return _rosette_key_fail (error, ROSETTE_ERROR_OUT_OF_RANGE, key,
                              _("“auto” or a number from 12 to 64"), value);

  rosette_family_set_title_size (self, size + 0.0);

  return TRUE;
}

static gboolean
set_rim_width (RosetteFamily  *self,
               const char     *key,
               const char     *value,
               GError        **error)
{
  double width;

  if (!_rosette_key_parse_range (key, value, 0.0, ROSETTE_RIM_WIDTH_MAX, &width, error))
    return FALSE;

  rosette_family_set_rim_width (self, width);

  return TRUE;
}

/* "Foundation, Practitioner, Expert": rebuilds the tier list. Tiers that
 * keep their name (by slug or case) keep their cues; new ones get the
 * cues of their rank. */
static gboolean
set_tiers (RosetteFamily  *self,
           const char     *key,
           const char     *value,
           GError        **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GHashTable) slugs = NULL;
  guint n;

  if (!_rosette_key_check_utf8 (key, value, error))
    return FALSE;

  names = g_strsplit (value, ",", -1);
  n = g_strv_length (names);
  if (n < ROSETTE_FAMILY_MIN_TIERS || n > ROSETTE_FAMILY_MAX_TIERS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("“%s” must list %d to %d tier names separated by commas; found %u"),
                   key, ROSETTE_FAMILY_MIN_TIERS, ROSETTE_FAMILY_MAX_TIERS, n);
      return FALSE;
    }

  tiers = g_ptr_array_new_with_free_func (g_object_unref);
  slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *name = g_strstrip (names[i]);
      RosetteTier *existing;
      RosetteTier *tier;

      if (!_rosette_check_text ("name", name, ROSETTE_TIER_MAX_NAME_LENGTH, FALSE, error))
        {
          g_prefix_error (error, _("Tier %u: "), i + 1);
          return FALSE;
        }

      if (!g_hash_table_add (slugs, rosette_slugify (name)))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” names the tier “%s” twice; tier names must differ in "
                         "more than case and punctuation"),
                       key, name);
          return FALSE;
        }

      existing = rosette_family_find_tier (self, name);
      if (existing != NULL)
        {
          tier = rosette_tier_copy (existing);
          rosette_tier_set_name (tier, name);
        }
      else
        {
          tier = rosette_tier_new_for_rank (name, i);
        }

      g_ptr_array_add (tiers, tier);
    }

  _rosette_family_take_tiers (self, g_steal_pointer (&tiers));

  return TRUE;
}

/* tier.<tier>: a number from 1 (the lowest) or a name. */
static RosetteTier *
find_tier_ref (RosetteFamily  *self,
               const char     *ref,
               guint          *position,
               GError        **error)
{
  guint n = rosette_family_get_n_tiers (self);
  guint64 number;

  if (g_ascii_string_to_unsigned (ref, 10, 1, n, &number, NULL))
    {
      *position = (guint) number - 1;
      return rosette_family_get_tier (self, *position);
    }

  if (g_utf8_validate (ref, -1, NULL))
    {
      RosetteTier *tier = rosette_family_find_tier (self, ref);

      for (guint i = 0; tier != NULL && i < n; i++)
        {
          if (rosette_family_get_tier (self, i) == tier)
            {
              *position = i;
              return tier;
            }
        }
    }

  {
    g_autofree char *excerpt = g_utf8_validate (ref, -1, NULL) ?
                               _rosette_quote_excerpt (ref) : g_strdup ("?");

    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("The family has no tier “%s”; name a tier or give its number, 1 to %u"),
                 excerpt, n);
  }

  return NULL;
}

static gboolean
set_tier_key (RosetteFamily  *self,
              const char     *key,
              const char     *value,
              GError        **error)
{
  g_autofree char *ref = NULL;
  const char *property = strrchr (key, '.') + 1;
  RosetteTier *tier;
  guint position;
  int out;

  ref = g_strndup (key + strlen (TIER_PREFIX), property - 1 - (key + strlen (TIER_PREFIX)));
  tier = find_tier_ref (self, ref, &position, error);
  if (tier == NULL)
    return FALSE;

  if (g_str_equal (property, "name"))
    return _rosette_key_check_utf8 (key, value, error) &&
           rosette_family_rename_tier (self, position, value, error);

  if (g_str_equal (property, "stars"))
    {
      guint stars;

      if (!_rosette_key_parse_whole (property, value, 0, ROSETTE_TIER_MAX_STARS, &stars, error))
        return FALSE;
      rosette_tier_set_stars (tier, stars);
    }
  else if (g_str_equal (property, "metal"))
    {
      if (!_rosette_key_parse_enum (property, value, ROSETTE_TYPE_METAL, &out, error))
        return FALSE;
      rosette_tier_set_metal (tier, out);
    }
  else if (g_str_equal (property, "ring"))
    {
      if (!_rosette_key_parse_enum (property, value, ROSETTE_TYPE_RING_STYLE, &out, error))
        return FALSE;
      rosette_tier_set_ring_style (tier, out);
    }
  else if (g_str_equal (property, "ornament"))
    {
      if (!_rosette_key_parse_enum (property, value, ROSETTE_TYPE_ORNAMENT, &out, error))
        return FALSE;
      rosette_tier_set_ornament (tier, out);
    }
  else if (g_str_equal (property, "criteria"))
    {
      /* "" goes back to the family's criteria. */
      if (!rosette_family_check_achievement_text ("criteria", value, error))
        return FALSE;
      rosette_tier_set_criteria (tier, value);
    }
  else
    {
      g_autofree char *color = NULL;

      if (!_rosette_key_parse_color (property, value, TRUE, &color, error))
        return FALSE;
      rosette_tier_set_field_color (tier, color);
    }

  return TRUE;
}

static gboolean
set_placement_key (RosetteFamily  *self,
                   const char     *key,
                   const char     *value,
                   GError        **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ROSETTE_TYPE_ELEMENT);
  g_autofree char *nick = g_strndup (key, strrchr (key, '.') - key);
  const char *property = strrchr (key, '.') + 1;
  GEnumValue *element = g_enum_get_value_by_nick (klass, nick);
  double dx;
  double dy;
  double scale;
  double number;

  g_assert (element != NULL);

  if (g_str_equal (property, "scale"))
    {
      if (!_rosette_key_parse_range (key, value, ROSETTE_PLACEMENT_MIN_SCALE,
                                     ROSETTE_PLACEMENT_MAX_SCALE, &number, error))
        return FALSE;
    }
  else if (!_rosette_key_parse_range (key, value, -ROSETTE_PLACEMENT_MAX_OFFSET,
                                      ROSETTE_PLACEMENT_MAX_OFFSET, &number, error))
    {
      return FALSE;
    }

  rosette_family_get_placement (self, element->value, &dx, &dy, &scale);
  if (g_str_equal (property, "dx"))
    dx = number;
  else if (g_str_equal (property, "dy"))
    dy = number;
  else
    scale = number;
  rosette_family_set_placement (self, element->value, dx, dy, scale);

  return TRUE;
}

static const KeyEntry simple_keys[] = {
  { "name", set_text },
  { "title", set_text },
  { "subtitle", set_text },
  { "emblem-text", set_text },
  { "kind", set_enum_key },
  { "shape", set_enum_key },
  { "title-layout", set_enum_key },
  { "subtitle-layout", set_enum_key },
  { "emblem", set_emblem },
  { "field-color", set_color_key },
  { "ribbon-color", set_color_key },
  { "emblem-color", set_color_key },
  { "palette", set_palette },
  { "palette-ramp", set_boolean_key },
  { "show-subtitle", set_boolean_key },
  { "shadow", set_boolean_key },
  { "gradient", set_boolean_key },
  { "font", set_font },
  { "font-weight", set_font_weight },
  { "title-size", set_title_size },
  { "rim-width", set_rim_width },
  { "tiers", set_tiers },
};

static gboolean
is_tier_key (const char *key)
{
  static const char * const properties[] = {
    "name", "metal", "stars", "ring", "ornament", "field-color", "criteria", NULL
  };
  const char *dot = strrchr (key, '.');

  return g_str_has_prefix (key, TIER_PREFIX) &&
         dot > key + strlen (TIER_PREFIX) &&
         g_strv_contains (properties, dot + 1);
}

static gboolean
is_placement_key (const char *key)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *nick = NULL;
  const char *dot = strrchr (key, '.');

  if (dot == NULL ||
      !(g_str_equal (dot + 1, "dx") || g_str_equal (dot + 1, "dy") ||
        g_str_equal (dot + 1, "scale")))
    return FALSE;

  klass = g_type_class_ref (ROSETTE_TYPE_ELEMENT);
  nick = g_strndup (key, dot - key);

  return g_enum_get_value_by_nick (klass, nick) != NULL;
}

/**
 * rosette_family_list_keys:
 *
 * The keys rosette_family_set_key() understands. "<tier>" stands for a
 * tier's number (1 for the lowest) or its name; "<element>" for the nick
 * of a #RosetteElement (shape, ring, emblem, subtitle, ribbon, title,
 * tier-label, stars).
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys
 */
const char * const *
rosette_family_list_keys (void)
{
  return keys;
}

/**
 * rosette_family_set_key:
 * @self: a #RosetteFamily
 * @key: one of rosette_family_list_keys()
 * @value: the new value, as a person or a script writes it
 * @error: return location for a #GError
 *
 * Sets one documented key from text, for scripted edits
 * (`rosette-cli family set`). The value is checked entirely before
 * anything changes: on failure @self is as it was and @error says what
 * the key accepts (%ROSETTE_ERROR_INVALID, %ROSETTE_ERROR_OUT_OF_RANGE or
 * %ROSETTE_ERROR_TOO_LARGE). An unknown key fails with
 * %ROSETTE_ERROR_NOT_FOUND and a message listing the keys.
 *
 * Colours are "#rrggbb"; ribbon-color, emblem-color and a tier's
 * field-color also take "auto" (or "") for "derived". Booleans are true
 * or false (also yes/no, on/off, 1/0). title-size is "auto" or 12 to 64.
 * font-weight is 100 to 900, "normal" or "bold". palette is a preset id
 * (see rosette_palette_get_presets()) and sets the field, ribbon and
 * emblem colours. tiers is a comma-separated list of 1 to 6 names that
 * rebuilds the tier list: tiers that keep their name keep their cues, new
 * ones get the cues of their rank.
 *
 * Returns: %TRUE if the key was set
 */
gboolean
rosette_family_set_key (RosetteFamily  *self,
                        const char     *key,
                        const char     *value,
                        GError        **error)
{
  g_autofree char *list = NULL;
  gboolean handled;
  gboolean done;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  done = _rosette_family_set_achievement_key (self, key, value, &handled, error);
  if (handled)
    return done;

  for (guint i = 0; i < G_N_ELEMENTS (simple_keys); i++)
    {
      if (g_str_equal (key, simple_keys[i].key))
        return simple_keys[i].setter (self, key, value, error);
    }

  if (is_tier_key (key))
    return set_tier_key (self, key, value, error);

  if (is_placement_key (key))
    return set_placement_key (self, key, value, error);

  {
    g_autofree char *excerpt = g_utf8_validate (key, -1, NULL) ?
                               _rosette_quote_excerpt (key) : g_strdup ("?");

    list = g_strjoinv (", ", (char **) keys);
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("Unknown key “%s”; the keys are: %s"), excerpt, list);
  }

  return FALSE;
}
