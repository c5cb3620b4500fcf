/* rosette-tier.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rosette-enums.h"
#include "rosette-model-private.h"
#include "rosette-tier.h"
#include "rosette-utils.h"

/**
 * RosetteTier:
 *
 * One level of a badge family, such as "Foundation" or "Expert".
 *
 * A family keeps its artwork once; each tier varies it with a few
 * systematic cues (the metal of the rim, a count of stars, an inner
 * ring and an ornament behind the shape) so that the tiers of one
 * family sit side by side and read as a ladder.
 */
struct _RosetteTier
{
  GObject           parent_instance;

  char             *name;
  RosetteMetal      metal;
  guint             stars;
  RosetteRingStyle  ring_style;
  RosetteOrnament   ornament;
  char             *field_color;
  char             *criteria;
};

G_DEFINE_FINAL_TYPE (RosetteTier, rosette_tier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_METAL,
  PROP_STARS,
  PROP_RING_STYLE,
  PROP_ORNAMENT,
  PROP_FIELD_COLOR,
  PROP_CRITERIA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
name_is_valid (const char *name)
{
  return _rosette_text_is_valid (name, ROSETTE_TIER_MAX_NAME_LENGTH, FALSE);
}

static void
rosette_tier_finalize (GObject *object)
{
  RosetteTier *self = (RosetteTier *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->field_color, g_free);
  g_clear_pointer (&self->criteria, g_free);

  G_OBJECT_CLASS (rosette_tier_parent_class)->finalize (object);
}

static void
rosette_tier_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RosetteTier *self = ROSETTE_TIER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_METAL:
      g_value_set_enum (value, self->metal);
      break;

    case PROP_STARS:
      g_value_set_uint (value, self->stars);
      break;

    case PROP_RING_STYLE:
      g_value_set_enum (value, self->ring_style);
      break;

    case PROP_ORNAMENT:
      g_value_set_enum (value, self->ornament);
      break;

    case PROP_FIELD_COLOR:
      g_value_set_string (value, self->field_color);
      break;

    case PROP_CRITERIA:
      g_value_set_string (value, self->criteria);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_tier_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RosetteTier *self = ROSETTE_TIER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      /* Construction passes NULL when no name is given; keep the default. */
      if (g_value_get_string (value) != NULL)
        rosette_tier_set_name (self, g_value_get_string (value));
      break;

    case PROP_METAL:
      rosette_tier_set_metal (self, g_value_get_enum (value));
      break;

    case PROP_STARS:
      rosette_tier_set_stars (self, g_value_get_uint (value));
      break;

    case PROP_RING_STYLE:
      rosette_tier_set_ring_style (self, g_value_get_enum (value));
      break;

    case PROP_ORNAMENT:
      rosette_tier_set_ornament (self, g_value_get_enum (value));
      break;

    case PROP_FIELD_COLOR:
      /* Construction passes NULL when no colour is given. */
      if (g_value_get_string (value) != NULL)
        rosette_tier_set_field_color (self, g_value_get_string (value));
      break;

    case PROP_CRITERIA:
      /* Construction passes NULL when no criteria are given. */
      if (g_value_get_string (value) != NULL)
        rosette_tier_set_criteria (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_tier_class_init (RosetteTierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_tier_finalize;
  object_class->get_property = rosette_tier_get_property;
  object_class->set_property = rosette_tier_set_property;

  /**
   * RosetteTier:name:
   *
   * The tier's name as shown on the badge, 1 to
   * %ROSETTE_TIER_MAX_NAME_LENGTH characters.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTier:metal:
   *
   * The finish of the rim, ribbon edge, stars and plaque.
   */
  properties[PROP_METAL] =
    g_param_spec_enum ("metal", NULL, NULL,
                       ROSETTE_TYPE_METAL,
                       ROSETTE_METAL_BRONZE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTier:stars:
   *
   * How many stars are drawn, 0 to %ROSETTE_TIER_MAX_STARS.
   */
  properties[PROP_STARS] =
    g_param_spec_uint ("stars", NULL, NULL,
                       0, ROSETTE_TIER_MAX_STARS, 1,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTier:ring-style:
   *
   * The inner ring drawn inside the rim.
   */
  properties[PROP_RING_STYLE] =
    g_param_spec_enum ("ring-style", NULL, NULL,
                       ROSETTE_TYPE_RING_STYLE,
                       ROSETTE_RING_STYLE_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTier:ornament:
   *
   * What is drawn behind the shape.
   */
  properties[PROP_ORNAMENT] =
    g_param_spec_enum ("ornament", NULL, NULL,
                       ROSETTE_TYPE_ORNAMENT,
                       ROSETTE_ORNAMENT_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTier:field-color:
   *
   * The designer's override of the family's field colour for this tier,
   * as "#rrggbb", or "" to use the family's colour (or its ramp).
   */
  properties[PROP_FIELD_COLOR] =
    g_param_spec_string ("field-color", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTier:criteria:
   *
   * What someone must do to earn this tier (Markdown, at most
   * %ROSETTE_FAMILY_MAX_CRITERIA_LENGTH characters), or "" to use the
   * family's criteria.
   */
  properties[PROP_CRITERIA] =
    g_param_spec_string ("criteria", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_tier_init (RosetteTier *self)
{
  self->name = g_strdup ("Tier");
  self->metal = ROSETTE_METAL_BRONZE;
  self->stars = 1;
  self->ring_style = ROSETTE_RING_STYLE_NONE;
  self->ornament = ROSETTE_ORNAMENT_NONE;
  self->field_color = g_strdup ("");
  self->criteria = g_strdup ("");
}

/**
 * rosette_tier_new:
 * @name: the tier's name, 1 to %ROSETTE_TIER_MAX_NAME_LENGTH characters
 *
 * Creates a tier with the cues of the first rank (bronze, one star).
 *
 * Returns: (transfer full): a new #RosetteTier
 */
RosetteTier *
rosette_tier_new (const char *name)
{
  g_return_val_if_fail (name_is_valid (name), NULL);

  return g_object_new (ROSETTE_TYPE_TIER,
                       "name", name,
                       NULL);
}

/**
 * rosette_tier_new_for_rank:
 * @name: the tier's name, 1 to %ROSETTE_TIER_MAX_NAME_LENGTH characters
 * @rank: the tier's position in its family, 0 for the first
 *
 * Creates a tier with the default cues for @rank; see
 * rosette_tier_apply_rank().
 *
 * Returns: (transfer full): a new #RosetteTier
 */
RosetteTier *
rosette_tier_new_for_rank (const char *name,
                           guint       rank)
{
  RosetteTier *self;

  g_return_val_if_fail (name_is_valid (name), NULL);

  self = rosette_tier_new (name);
  rosette_tier_apply_rank (self, rank);

  return self;
}

/**
 * rosette_tier_copy:
 * @self: a #RosetteTier
 *
 * Returns: (transfer full): a new tier with the same name, cues, field
 *   colour and criteria
 */
RosetteTier *
rosette_tier_copy (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), NULL);

  return g_object_new (ROSETTE_TYPE_TIER,
                       "name", self->name,
                       "metal", self->metal,
                       "stars", self->stars,
                       "ring-style", self->ring_style,
                       "ornament", self->ornament,
                       "field-color", self->field_color,
                       "criteria", self->criteria,
                       NULL);
}

/**
 * rosette_tier_apply_rank:
 * @self: a #RosetteTier
 * @rank: the tier's position in its family, 0 for the first
 *
 * Sets the escalating cues every family uses by default, so that higher
 * tiers look richer:
 *
 * - metal: bronze, silver, gold, then platinum from rank 3 on;
 * - stars: @rank + 1, at most %ROSETTE_TIER_MAX_STARS;
 * - ring: none, stitched, beaded, then double from rank 3 on;
 * - ornament: none for ranks 0 and 1, a wreath at 2, rays at 3, gems
 *   from 4 on.
 *
 * The name is kept.
 */
void
rosette_tier_apply_rank (RosetteTier *self,
                         guint        rank)
{
  static const RosetteMetal metals[] = {
    ROSETTE_METAL_BRONZE,
    ROSETTE_METAL_SILVER,
    ROSETTE_METAL_GOLD,
    ROSETTE_METAL_PLATINUM,
  };
  static const RosetteRingStyle rings[] = {
    ROSETTE_RING_STYLE_NONE,
    ROSETTE_RING_STYLE_STITCHED,
    ROSETTE_RING_STYLE_BEADED,
    ROSETTE_RING_STYLE_DOUBLE,
  };
  static const RosetteOrnament ornaments[] = {
    ROSETTE_ORNAMENT_NONE,
    ROSETTE_ORNAMENT_NONE,
    ROSETTE_ORNAMENT_WREATH,
    ROSETTE_ORNAMENT_RAYS,
    ROSETTE_ORNAMENT_GEMS,
  };

  g_return_if_fail (ROSETTE_IS_TIER (self));

  /* Notify once at the end, so listeners redraw once per change. */
  g_object_freeze_notify (G_OBJECT (self));

  rosette_tier_set_metal (self, metals[MIN (rank, G_N_ELEMENTS (metals) - 1)]);
  rosette_tier_set_stars (self, MIN (rank, ROSETTE_TIER_MAX_STARS - 1) + 1);
  rosette_tier_set_ring_style (self, rings[MIN (rank, G_N_ELEMENTS (rings) - 1)]);
  rosette_tier_set_ornament (self, ornaments[MIN (rank, G_N_ELEMENTS (ornaments) - 1)]);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rosette_tier_get_name:
 * @self: a #RosetteTier
 *
 * Returns: the tier's name
 */
const char *
rosette_tier_get_name (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), NULL);

  return self->name;
}

/**
 * rosette_tier_set_name:
 * @self: a #RosetteTier
 * @name: valid UTF-8 of 1 to %ROSETTE_TIER_MAX_NAME_LENGTH characters
 *
 * Renames the tier. Within a family, names must stay unique by slug;
 * the family does not re-check on rename, so callers that let people
 * rename tiers should use rosette_family_find_tier() first.
 */
void
rosette_tier_set_name (RosetteTier *self,
                       const char  *name)
{
  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail (name_is_valid (name));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * rosette_tier_dup_slug:
 * @self: a #RosetteTier
 *
 * Returns: (transfer full): the file-name-safe form of the name, as made
 *   by rosette_slugify()
 */
char *
rosette_tier_dup_slug (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), NULL);

  return rosette_slugify (self->name);
}

/**
 * rosette_tier_get_metal:
 * @self: a #RosetteTier
 *
 * Returns: the finish of the tier's rim and stars
 */
RosetteMetal
rosette_tier_get_metal (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), ROSETTE_METAL_BRONZE);

  return self->metal;
}

/**
 * rosette_tier_set_metal:
 * @self: a #RosetteTier
 * @metal: a #RosetteMetal
 */
void
rosette_tier_set_metal (RosetteTier  *self,
                        RosetteMetal  metal)
{
  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail ((guint) metal <= ROSETTE_METAL_PLATINUM);

  if (self->metal == metal)
    return;

  self->metal = metal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METAL]);
}

/**
 * rosette_tier_get_stars:
 * @self: a #RosetteTier
 *
 * Returns: the number of stars, 0 to %ROSETTE_TIER_MAX_STARS
 */
guint
rosette_tier_get_stars (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), 0);

  return self->stars;
}

/**
 * rosette_tier_set_stars:
 * @self: a #RosetteTier
 * @stars: 0 to %ROSETTE_TIER_MAX_STARS
 */
void
rosette_tier_set_stars (RosetteTier *self,
                        guint        stars)
{
  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail (stars <= ROSETTE_TIER_MAX_STARS);

  if (self->stars == stars)
    return;

  self->stars = stars;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARS]);
}

/**
 * rosette_tier_get_ring_style:
 * @self: a #RosetteTier
 *
 * Returns: the inner ring drawn inside the rim
 */
RosetteRingStyle
rosette_tier_get_ring_style (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), ROSETTE_RING_STYLE_NONE);

  return self->ring_style;
}

/**
 * rosette_tier_set_ring_style:
 * @self: a #RosetteTier
 * @ring_style: a #RosetteRingStyle
 */
void
rosette_tier_set_ring_style (RosetteTier      *self,
                             RosetteRingStyle  ring_style)
{
  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail ((guint) ring_style <= ROSETTE_RING_STYLE_DOUBLE);

  if (self->ring_style == ring_style)
    return;

  self->ring_style = ring_style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RING_STYLE]);
}

/**
 * rosette_tier_get_ornament:
 * @self: a #RosetteTier
 *
 * Returns: what is drawn behind the shape
 */
RosetteOrnament
rosette_tier_get_ornament (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), ROSETTE_ORNAMENT_NONE);

  return self->ornament;
}

/**
 * rosette_tier_set_ornament:
 * @self: a #RosetteTier
 * @ornament: a #RosetteOrnament
 */
void
rosette_tier_set_ornament (RosetteTier     *self,
                           RosetteOrnament  ornament)
{
  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail ((guint) ornament <= ROSETTE_ORNAMENT_GEMS);

  if (self->ornament == ornament)
    return;

  self->ornament = ornament;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORNAMENT]);
}

/**
 * rosette_tier_get_field_color:
 * @self: a #RosetteTier
 *
 * Returns: the tier's own field colour as "#rrggbb" in lower case, or ""
 *   when the tier uses the family's
 */
const char *
rosette_tier_get_field_color (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), NULL);

  return self->field_color;
}

/**
 * rosette_tier_set_field_color:
 * @self: a #RosetteTier
 * @color: "#rrggbb" in either case (kept in lower case), or "" for the
 *   family's field colour
 */
void
rosette_tier_set_field_color (RosetteTier *self,
                              const char  *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail (color != NULL);
  g_return_if_fail (*color == '\0' || _rosette_color_is_valid (color));

  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (self->field_color, lower) == 0)
    return;

  g_free (self->field_color);
  self->field_color = g_steal_pointer (&lower);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_COLOR]);
}

/**
 * rosette_tier_get_criteria:
 * @self: a #RosetteTier
 *
 * Returns: the tier's own criteria, or "" when it uses the family's
 */
const char *
rosette_tier_get_criteria (RosetteTier *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER (self), NULL);

  return self->criteria;
}

/**
 * rosette_tier_set_criteria:
 * @self: a #RosetteTier
 * @criteria: Markdown, at most %ROSETTE_FAMILY_MAX_CRITERIA_LENGTH
 *   characters, or "" for the family's criteria
 */
void
rosette_tier_set_criteria (RosetteTier *self,
                           const char  *criteria)
{
  g_return_if_fail (ROSETTE_IS_TIER (self));
  g_return_if_fail (_rosette_multiline_is_valid (criteria, ROSETTE_FAMILY_MAX_CRITERIA_LENGTH));

  if (g_strcmp0 (self->criteria, criteria) == 0)
    return;

  g_free (self->criteria);
  self->criteria = g_strdup (criteria);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRITERIA]);
}
