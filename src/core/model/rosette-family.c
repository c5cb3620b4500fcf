/* rosette-family.c
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
 * must treat it as untrusted too. Reading and writing live in
 * rosette-family-document.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-model-private.h"
#include "rosette-utils.h"

/**
 * RosetteFamily:
 *
 * A badge family: one piece of artwork (shape, emblem, texts, palette)
 * and an ordered list of #RosetteTier that vary it.
 *
 * The family emits #RosetteFamily::changed after any change to itself or
 * to one of its tiers, which is what views redraw on.
 */
/* The instance struct is in rosette-model-private.h: the class is split
 * over rosette-family.c (construction, core properties, tiers),
 * rosette-family-designer.c (the designer's properties and placements),
 * rosette-family-keys.c (scripted edits) and rosette-family-document.c
 * (the file format). */

G_DEFINE_FINAL_TYPE (RosetteFamily, rosette_family, G_TYPE_OBJECT)


enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[FAMILY_N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  RosetteShape  shape;
  const char   *emblem;
  const char   *emblem_text;
  const char   *field_color;
} Template;

/* Indexed by RosetteBadgeKind. Each kind has its own shape, emblem and
 * colour so that families of different kinds are told apart at a glance. */
static const Template templates[] = {
  [ROSETTE_BADGE_KIND_COMPLIANCE]  = { ROSETTE_SHAPE_SHIELD, "padlock-check", "", "#1d4f86" },
  [ROSETTE_BADGE_KIND_LEADERSHIP]  = { ROSETTE_SHAPE_CIRCLE, "compass", "", "#4a2574" },
  [ROSETTE_BADGE_KIND_TECHNICAL]   = { ROSETTE_SHAPE_HEXAGON, "gear", "", "#0d6b6e" },
  [ROSETTE_BADGE_KIND_ONBOARDING]  = { ROSETTE_SHAPE_ROUNDED_SQUARE, "door", "", "#2a78c2" },
  [ROSETTE_BADGE_KIND_RECOGNITION] = { ROSETTE_SHAPE_ROSETTE, "heart-hand", "", "#c23b22" },
  [ROSETTE_BADGE_KIND_SERVICE]     = { ROSETTE_SHAPE_CIRCLE, "years", "5", "#1b2b4b" },
};

static gboolean
kind_is_valid (RosetteBadgeKind kind)
{
  return (guint) kind < G_N_ELEMENTS (templates);
}

static const char *
default_name_for_kind (RosetteBadgeKind kind)
{
  switch (kind)
    {
    case ROSETTE_BADGE_KIND_COMPLIANCE:
      return _("Data Privacy");
    case ROSETTE_BADGE_KIND_LEADERSHIP:
      return _("Team Leadership");
    case ROSETTE_BADGE_KIND_TECHNICAL:
      return _("Cloud Engineering");
    case ROSETTE_BADGE_KIND_ONBOARDING:
      return _("Welcome Aboard");
    case ROSETTE_BADGE_KIND_RECOGNITION:
      return _("Team Spirit");
    case ROSETTE_BADGE_KIND_SERVICE:
      return _("Long Service");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Emitting "changed" here rather than in each setter means a
 * g_object_freeze_notify() block gives one "changed", not one per
 * property. */
static void
rosette_family_dispatch_properties_changed (GObject     *object,
                                            guint        n_pspecs,
                                            GParamSpec **pspecs)
{
  G_OBJECT_CLASS (rosette_family_parent_class)->dispatch_properties_changed (object,
                                                                              n_pspecs,
                                                                              pspecs);

  _rosette_family_emit_changed (ROSETTE_FAMILY (object));
}

/* Emits "changed", or remembers to while changes are held (restore()
 * replaces the whole state and must look like one change). */
void
_rosette_family_emit_changed (RosetteFamily *self)
{
  if (self->changes_held > 0)
    {
      self->change_pending = TRUE;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

void
_rosette_family_hold_changes (RosetteFamily *self)
{
  self->changes_held++;
}

/* Emits one "changed" if any arrived while held. */
void
_rosette_family_release_changes (RosetteFamily *self)
{
  g_assert (self->changes_held > 0);

  if (--self->changes_held == 0 && self->change_pending)
    {
      self->change_pending = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
_rosette_family_notify (RosetteFamily     *self,
                        RosetteFamilyProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
tier_notify_cb (RosetteFamily *self,
                GParamSpec    *pspec,
                RosetteTier   *tier)
{
  _rosette_family_emit_changed (self);
}

static void
tiers_items_changed_cb (RosetteFamily *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  _rosette_family_emit_changed (self);
}

static void
watch_tier (RosetteFamily *self,
            RosetteTier   *tier)
{
  g_signal_connect_object (tier, "notify",
                           G_CALLBACK (tier_notify_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

static void
unwatch_tier (RosetteFamily *self,
              RosetteTier   *tier)
{
  g_signal_handlers_disconnect_by_func (tier, tier_notify_cb, self);
}

static void
rosette_family_dispose (GObject *object)
{
  RosetteFamily *self = (RosetteFamily *)object;

  if (self->tiers != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tiers));

      /* Tiers may outlive the family (a view can hold one). */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RosetteTier) tier = g_list_model_get_item (G_LIST_MODEL (self->tiers), i);

          unwatch_tier (self, tier);
        }

      g_signal_handlers_disconnect_by_func (self->tiers, tiers_items_changed_cb, self);
    }

  g_clear_object (&self->tiers);

  G_OBJECT_CLASS (rosette_family_parent_class)->dispose (object);
}

static void
rosette_family_finalize (GObject *object)
{
  RosetteFamily *self = (RosetteFamily *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->emblem, g_free);
  g_clear_pointer (&self->emblem_text, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->field_color, g_free);
  g_clear_pointer (&self->ribbon_color, g_free);
  g_clear_pointer (&self->emblem_color, g_free);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->custom_emblem, g_free);
  _rosette_family_finalize_achievement (self);

  G_OBJECT_CLASS (rosette_family_parent_class)->finalize (object);
}

static void
rosette_family_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RosetteFamily *self = ROSETTE_FAMILY (object);

  switch (prop_id)
    {
    case FAMILY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case FAMILY_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case FAMILY_PROP_SHAPE:
      g_value_set_enum (value, self->shape);
      break;

    case FAMILY_PROP_EMBLEM:
      g_value_set_string (value, self->emblem);
      break;

    case FAMILY_PROP_EMBLEM_TEXT:
      g_value_set_string (value, self->emblem_text);
      break;

    case FAMILY_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case FAMILY_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case FAMILY_PROP_FIELD_COLOR:
      g_value_set_string (value, self->field_color);
      break;

    case FAMILY_PROP_TIERS:
      g_value_set_object (value, self->tiers);
      break;

    case FAMILY_PROP_RIBBON_COLOR:
      g_value_set_string (value, self->ribbon_color);
      break;

    case FAMILY_PROP_EMBLEM_COLOR:
      g_value_set_string (value, self->emblem_color);
      break;

    case FAMILY_PROP_FONT_FAMILY:
      g_value_set_string (value, self->font_family);
      break;

    case FAMILY_PROP_FONT_WEIGHT:
      g_value_set_uint (value, self->font_weight);
      break;

    case FAMILY_PROP_TITLE_SIZE:
      g_value_set_double (value, self->title_size);
      break;

    case FAMILY_PROP_TITLE_LAYOUT:
      g_value_set_enum (value, self->title_layout);
      break;

    case FAMILY_PROP_SHOW_SUBTITLE:
      g_value_set_boolean (value, self->show_subtitle);
      break;

    case FAMILY_PROP_SUBTITLE_LAYOUT:
      g_value_set_enum (value, self->subtitle_layout);
      break;

    case FAMILY_PROP_RIM_WIDTH:
      g_value_set_double (value, self->rim_width);
      break;

    case FAMILY_PROP_SHADOW:
      g_value_set_boolean (value, self->shadow);
      break;

    case FAMILY_PROP_GRADIENT:
      g_value_set_boolean (value, self->gradient);
      break;

    case FAMILY_PROP_PALETTE_RAMP:
      g_value_set_boolean (value, self->palette_ramp);
      break;

    case FAMILY_PROP_CUSTOM_EMBLEM:
      g_value_set_string (value, self->custom_emblem);
      break;

    case FAMILY_PROP_PLACEMENTS:
      g_value_take_variant (value, _rosette_family_dup_placements (self));
      break;

    default:
      if (!_rosette_family_get_achievement_property (self, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_family_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RosetteFamily *self = ROSETTE_FAMILY (object);

  switch (prop_id)
    {
    case FAMILY_PROP_NAME:
      rosette_family_set_name (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_KIND:
      rosette_family_set_kind (self, g_value_get_enum (value));
      break;

    case FAMILY_PROP_SHAPE:
      rosette_family_set_shape (self, g_value_get_enum (value));
      break;

    case FAMILY_PROP_EMBLEM:
      rosette_family_set_emblem (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_EMBLEM_TEXT:
      rosette_family_set_emblem_text (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_TITLE:
      rosette_family_set_title (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_SUBTITLE:
      rosette_family_set_subtitle (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_FIELD_COLOR:
      rosette_family_set_field_color (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_RIBBON_COLOR:
      rosette_family_set_ribbon_color (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_EMBLEM_COLOR:
      rosette_family_set_emblem_color (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_FONT_FAMILY:
      rosette_family_set_font_family (self, g_value_get_string (value));
      break;

    case FAMILY_PROP_FONT_WEIGHT:
      rosette_family_set_font_weight (self, g_value_get_uint (value));
      break;

    case FAMILY_PROP_TITLE_SIZE:
      rosette_family_set_title_size (self, g_value_get_double (value));
      break;

    case FAMILY_PROP_TITLE_LAYOUT:
      rosette_family_set_title_layout (self, g_value_get_enum (value));
      break;

    case FAMILY_PROP_SHOW_SUBTITLE:
      rosette_family_set_show_subtitle (self, g_value_get_boolean (value));
      break;

    case FAMILY_PROP_SUBTITLE_LAYOUT:
      rosette_family_set_subtitle_layout (self, g_value_get_enum (value));
      break;

    case FAMILY_PROP_RIM_WIDTH:
      rosette_family_set_rim_width (self, g_value_get_double (value));
      break;

    case FAMILY_PROP_SHADOW:
      rosette_family_set_shadow (self, g_value_get_boolean (value));
      break;

    case FAMILY_PROP_GRADIENT:
      rosette_family_set_gradient (self, g_value_get_boolean (value));
      break;

    case FAMILY_PROP_PALETTE_RAMP:
      rosette_family_set_palette_ramp (self, g_value_get_boolean (value));
      break;

    case FAMILY_PROP_CUSTOM_EMBLEM:
      rosette_family_set_custom_emblem (self, g_value_get_string (value));
      break;

    default:
      if (!_rosette_family_set_achievement_property (self, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_family_class_init (RosetteFamilyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  object_class->dispose = rosette_family_dispose;
  object_class->finalize = rosette_family_finalize;
  object_class->get_property = rosette_family_get_property;
  object_class->set_property = rosette_family_set_property;
  object_class->dispatch_properties_changed = rosette_family_dispatch_properties_changed;

  /**
   * RosetteFamily:name:
   *
   * The family's name, 1 to %ROSETTE_FAMILY_MAX_NAME_LENGTH characters;
   * its slug names exported files.
   */
  properties[FAMILY_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:kind:
   *
   * What the family recognises.
   */
  properties[FAMILY_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ROSETTE_TYPE_BADGE_KIND,
                       ROSETTE_BADGE_KIND_COMPLIANCE,
                       rw);

  /**
   * RosetteFamily:shape:
   *
   * The outer shape of every tier's badge.
   */
  properties[FAMILY_PROP_SHAPE] =
    g_param_spec_enum ("shape", NULL, NULL,
                       ROSETTE_TYPE_SHAPE,
                       ROSETTE_SHAPE_SHIELD,
                       rw);

  /**
   * RosetteFamily:emblem:
   *
   * The id of the emblem drawn in the middle, such as "gear".
   */
  properties[FAMILY_PROP_EMBLEM] =
    g_param_spec_string ("emblem", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:emblem-text:
   *
   * Short text used by text emblems, such as the "5" of a five years of
   * service badge; at most %ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH
   * characters, may be empty.
   */
  properties[FAMILY_PROP_EMBLEM_TEXT] =
    g_param_spec_string ("emblem-text", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:title:
   *
   * The main label on the badge, at most
   * %ROSETTE_FAMILY_MAX_TITLE_LENGTH characters.
   */
  properties[FAMILY_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:subtitle:
   *
   * The smaller label on the badge, at most
   * %ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH characters.
   */
  properties[FAMILY_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:field-color:
   *
   * The colour of the badge's field, as "#rrggbb".
   */
  properties[FAMILY_PROP_FIELD_COLOR] =
    g_param_spec_string ("field-color", NULL, NULL, NULL, rw);

  /**
   * RosetteFamily:tiers:
   *
   * A #GListModel of #RosetteTier, lowest first. Change it only through
   * the family: rosette_family_add_tier(), rosette_family_insert_tier(),
   * rosette_family_remove_tier(), rosette_family_move_tier() and
   * rosette_family_rename_tier().
   */
  properties[FAMILY_PROP_TIERS] =
    g_param_spec_object ("tiers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  _rosette_family_install_designer_properties (object_class, properties);
  _rosette_family_install_achievement_properties (object_class, properties);

  g_object_class_install_properties (object_class, FAMILY_N_PROPS, properties);

  /**
   * RosetteFamily::changed:
   * @self: the #RosetteFamily
   *
   * Emitted after any property of the family or of one of its tiers
   * changes, and after tiers are inserted or removed: whatever shows the
   * family's artwork should redraw.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
rosette_family_init (RosetteFamily *self)
{
  const Template *t = &templates[ROSETTE_BADGE_KIND_COMPLIANCE];

  self->kind = ROSETTE_BADGE_KIND_COMPLIANCE;
  self->shape = t->shape;
  self->name = g_strdup (default_name_for_kind (self->kind));
  self->emblem = g_strdup (t->emblem);
  self->emblem_text = g_strdup (t->emblem_text);
  self->title = g_strdup (self->name);
  self->subtitle = g_strdup (rosette_badge_kind_get_display_name (self->kind));
  self->field_color = g_strdup (t->field_color);
  _rosette_family_reset_designer (self);
  _rosette_family_init_achievement (self);

  self->tiers = g_list_store_new (ROSETTE_TYPE_TIER);
  g_signal_connect_object (self->tiers, "items-changed",
                           G_CALLBACK (tiers_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

/* A title that fits: names may be twice as long as titles. */
char *
_rosette_family_title_for_name (const char *name)
{
  g_autofree char *start = NULL;
  const char *end;

  if (g_utf8_strlen (name, -1) <= ROSETTE_FAMILY_MAX_TITLE_LENGTH)
    return g_strdup (name);

  end = g_utf8_offset_to_pointer (name, ROSETTE_FAMILY_MAX_TITLE_LENGTH - 1);
  start = g_strndup (name, end - name);

  return g_strconcat (g_strchomp (start), "…", NULL);
}

/*
 * _rosette_family_new_bare:
 *
 * A family with the look of @kind's template and its default name, but no
 * tiers yet: the loader fills them in.
 */
RosetteFamily *
_rosette_family_new_bare (RosetteBadgeKind kind)
{
  RosetteFamily *self;
  const Template *t;
  const char *name;
  g_autofree char *title = NULL;

  g_return_val_if_fail (kind_is_valid (kind), NULL);

  t = &templates[kind];
  name = default_name_for_kind (kind);
  title = _rosette_family_title_for_name (name);

  self = g_object_new (ROSETTE_TYPE_FAMILY,
                       "kind", kind,
                       "shape", t->shape,
                       "name", name,
                       "emblem", t->emblem,
                       "emblem-text", t->emblem_text,
                       "title", title,
                       "subtitle", rosette_badge_kind_get_display_name (kind),
                       "field-color", t->field_color,
                       NULL);

  return self;
}

void
_rosette_family_add_default_tiers (RosetteFamily *self)
{
  const char *names[] = {
    _("Foundation"),
    _("Practitioner"),
    _("Expert"),
  };

  g_assert (ROSETTE_IS_FAMILY (self));
  g_assert (rosette_family_get_n_tiers (self) == 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RosetteTier) tier = rosette_tier_new_for_rank (names[i], i);

      watch_tier (self, tier);
      g_list_store_append (self->tiers, tier);
    }
}

/*
 * _rosette_family_take_tiers:
 * @tiers: (transfer full): validated tiers (count and unique slugs)
 *
 * Replaces all tiers in one go, so the list model changes once.
 */
void
_rosette_family_take_tiers (RosetteFamily *self,
                            GPtrArray     *tiers)
{
  guint n_old;

  g_assert (ROSETTE_IS_FAMILY (self));
  g_assert (tiers != NULL);
  g_assert (tiers->len >= ROSETTE_FAMILY_MIN_TIERS);
  g_assert (tiers->len <= ROSETTE_FAMILY_MAX_TIERS);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->tiers));
  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(RosetteTier) tier = g_list_model_get_item (G_LIST_MODEL (self->tiers), i);

      unwatch_tier (self, tier);
    }

  for (guint i = 0; i < tiers->len; i++)
    watch_tier (self, g_ptr_array_index (tiers, i));

  g_list_store_splice (self->tiers, 0, n_old, tiers->pdata, tiers->len);
  g_ptr_array_unref (tiers);
}

/**
 * rosette_family_new:
 *
 * Creates a compliance family with its default name; the same as
 * rosette_family_new_from_template() with %ROSETTE_BADGE_KIND_COMPLIANCE
 * and a %NULL name.
 *
 * Returns: (transfer full): a new #RosetteFamily
 */
RosetteFamily *
rosette_family_new (void)
{
  return rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
}

/**
 * rosette_family_check_name:
 * @name: a family name typed by a person
 * @error: return location for a #GError
 *
 * Checks @name the way the family document does: valid UTF-8, 1 to
 * %ROSETTE_FAMILY_MAX_NAME_LENGTH characters, no control characters.
 *
 * Returns: %TRUE if @name may name a family
 */
gboolean
rosette_family_check_name (const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("The name is not valid UTF-8 text"));
      return FALSE;
    }

  return _rosette_check_text ("name", name, ROSETTE_FAMILY_MAX_NAME_LENGTH, FALSE, error);
}

/**
 * rosette_family_new_from_template:
 * @kind: a #RosetteBadgeKind
 * @name: (nullable): the family's name, 1 to
 *   %ROSETTE_FAMILY_MAX_NAME_LENGTH characters without control
 *   characters, or %NULL for a translated default for @kind
 *
 * Creates a family with the built-in look of @kind (its shape, emblem and
 * colour) and three tiers, Foundation, Practitioner and Expert, with the
 * cues of rosette_tier_apply_rank(). The title is the name, shortened
 * with "…" when the name is longer than a title may be; the subtitle is
 * the kind's display name.
 *
 * A @name that is empty, too long or not valid UTF-8 is a programming
 * error (it is not truncated): callers taking names from people check
 * them with rosette_family_check_name() first.
 *
 * Returns: (transfer full): a new #RosetteFamily
 */
RosetteFamily *
rosette_family_new_from_template (RosetteBadgeKind  kind,
                                  const char       *name)
{
  RosetteFamily *self;

  g_return_val_if_fail (kind_is_valid (kind), NULL);
  g_return_val_if_fail (name == NULL ||
                        _rosette_text_is_valid (name, ROSETTE_FAMILY_MAX_NAME_LENGTH, FALSE),
                        NULL);

  self = _rosette_family_new_bare (kind);

  if (name != NULL)
    {
      g_autofree char *title = _rosette_family_title_for_name (name);

      rosette_family_set_name (self, name);
      rosette_family_set_title (self, title);
    }

  _rosette_family_reset_criteria (self);
  _rosette_family_add_default_tiers (self);

  return self;
}

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

/* Shared by the string setters: replace and notify, or do nothing. */
void
_rosette_family_set_string (RosetteFamily      *self,
                            char              **field,
                            const char         *value,
                            RosetteFamilyProp   prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
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
  g_return_if_fail (kind_is_valid (kind));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[FAMILY_PROP_KIND]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[FAMILY_PROP_SHAPE]);
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

/**
 * rosette_family_get_tiers:
 * @self: a #RosetteFamily
 *
 * Returns: (transfer none): a #GListModel of #RosetteTier, lowest first
 */
GListModel *
rosette_family_get_tiers (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return G_LIST_MODEL (self->tiers);
}

/**
 * rosette_family_get_n_tiers:
 * @self: a #RosetteFamily
 *
 * Returns: how many tiers the family has
 */
guint
rosette_family_get_n_tiers (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->tiers));
}

/**
 * rosette_family_get_tier:
 * @self: a #RosetteFamily
 * @position: the tier's position, 0 for the lowest
 *
 * Returns: (transfer none) (nullable): the tier, or %NULL if @position is
 *   past the end
 */
RosetteTier *
rosette_family_get_tier (RosetteFamily *self,
                         guint          position)
{
  RosetteTier *tier;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  tier = g_list_model_get_item (G_LIST_MODEL (self->tiers), position);

  /* The store keeps its own reference, so hand out a borrowed one. */
  if (tier != NULL)
    g_object_unref (tier);

  return tier;
}

/**
 * rosette_family_find_tier:
 * @self: a #RosetteFamily
 * @name: a tier's name or slug, in any case
 *
 * Finds a tier the way a person names it on the command line: "Expert",
 * "expert" and the slug "senior-expert" of "Senior Expert" all match.
 *
 * Returns: (transfer none) (nullable): the tier, or %NULL
 */
RosetteTier *
rosette_family_find_tier (RosetteFamily *self,
                          const char    *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return NULL;

  folded = g_utf8_casefold (name, -1);
  lower = g_ascii_strdown (name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tiers));

  for (guint i = 0; i < n; i++)
    {
      RosetteTier *tier = rosette_family_get_tier (self, i);
      g_autofree char *tier_folded = g_utf8_casefold (rosette_tier_get_name (tier), -1);
      g_autofree char *tier_slug = rosette_tier_dup_slug (tier);

      if (g_strcmp0 (folded, tier_folded) == 0 || g_strcmp0 (lower, tier_slug) == 0)
        return tier;
    }

  return NULL;
}

/* Exported files are named by slug, so "Expert" and "expert!" clash;
 * @except is the position of the tier being renamed (G_MAXUINT: none). */
static gboolean
check_tier_name_free (RosetteFamily  *self,
                      const char     *name,
                      guint           except,
                      GError        **error)
{
  g_autofree char *slug = rosette_slugify (name);
  guint n = rosette_family_get_n_tiers (self);

  for (guint i = 0; i < n; i++)
    {
      RosetteTier *other = rosette_family_get_tier (self, i);
      g_autofree char *other_slug = NULL;

      if (i == except)
        continue;

      other_slug = rosette_tier_dup_slug (other);
      if (g_strcmp0 (slug, other_slug) == 0)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The family already has a tier called “%s”"),
                       rosette_tier_get_name (other));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rosette_family_insert_tier:
 * @self: a #RosetteFamily
 * @position: where to insert, 0 to rosette_family_get_n_tiers()
 * @tier: the tier to add; the family takes a reference
 * @error: return location for a #GError
 *
 * Adds a tier. Fails with %ROSETTE_ERROR_OUT_OF_RANGE when the family
 * already has %ROSETTE_FAMILY_MAX_TIERS tiers, and with
 * %ROSETTE_ERROR_INVALID when another tier has the same slug (exported
 * files are named by slug).
 *
 * Returns: %TRUE if the tier was added
 */
gboolean
rosette_family_insert_tier (RosetteFamily  *self,
                            guint           position,
                            RosetteTier    *tier,
                            GError        **error)
{
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), FALSE);
  g_return_val_if_fail (position <= rosette_family_get_n_tiers (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = rosette_family_get_n_tiers (self);
  if (n >= ROSETTE_FAMILY_MAX_TIERS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("A family has at most %d tiers"),
                   ROSETTE_FAMILY_MAX_TIERS);
      return FALSE;
    }

  if (!check_tier_name_free (self, rosette_tier_get_name (tier), G_MAXUINT, error))
    return FALSE;

  watch_tier (self, tier);
  g_list_store_insert (self->tiers, position, tier);

  return TRUE;
}

/**
 * rosette_family_remove_tier:
 * @self: a #RosetteFamily
 * @position: the tier to remove, below rosette_family_get_n_tiers()
 * @error: return location for a #GError
 *
 * Removes a tier. A family keeps at least %ROSETTE_FAMILY_MIN_TIERS:
 * removing the last one fails with %ROSETTE_ERROR_OUT_OF_RANGE.
 *
 * Returns: %TRUE if the tier was removed
 */
gboolean
rosette_family_remove_tier (RosetteFamily  *self,
                            guint           position,
                            GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (position < rosette_family_get_n_tiers (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rosette_family_get_n_tiers (self) <= ROSETTE_FAMILY_MIN_TIERS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("A family needs at least one tier"));
      return FALSE;
    }

  unwatch_tier (self, rosette_family_get_tier (self, position));
  g_list_store_remove (self->tiers, position);

  return TRUE;
}

/* Valid UTF-8, 1 to ROSETTE_TIER_MAX_NAME_LENGTH characters, no control
 * characters. */
static gboolean
check_tier_name (const char  *name,
                 GError     **error)
{
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("The name is not valid UTF-8 text"));
      return FALSE;
    }

  return _rosette_check_text ("name", name, ROSETTE_TIER_MAX_NAME_LENGTH, FALSE, error);
}

static gboolean
check_position (RosetteFamily  *self,
                guint           position,
                GError        **error)
{
  guint n = rosette_family_get_n_tiers (self);

  if (position < n)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
               g_dngettext (GETTEXT_PACKAGE,
                            "There is no tier %u; the family has %u tier",
                            "There is no tier %u; the family has %u tiers",
                            n),
               position + 1, n);
  return FALSE;
}

/**
 * rosette_family_move_tier:
 * @self: a #RosetteFamily
 * @from: the position of the tier to move
 * @to: its new position, below rosette_family_get_n_tiers()
 * @error: return location for a #GError
 *
 * Reorders the tiers; the tiers list model changes once. The tier keeps
 * its cues (metal, stars, ring, ornament): they are the designer's and
 * move with it. Nothing re-ranks automatically; call
 * rosette_tier_apply_rank() to give a tier the cues of its new place.
 * Fails with %ROSETTE_ERROR_OUT_OF_RANGE when a position is past the end.
 *
 * Returns: %TRUE if the tier is now at @to
 */
gboolean
rosette_family_move_tier (RosetteFamily  *self,
                          guint           from,
                          guint           to,
                          GError        **error)
{
  g_autoptr(GPtrArray) range = NULL;
  guint first;
  guint last;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_position (self, from, error) || !check_position (self, to, error))
    return FALSE;

  if (from == to)
    return TRUE;

  /* Replace just the affected range, in one splice: one "items-changed". */
  first = MIN (from, to);
  last = MAX (from, to);
  range = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (range, g_list_model_get_item (G_LIST_MODEL (self->tiers), i));

  if (from < to)
    {
      gpointer moved = range->pdata[0];

      memmove (range->pdata, range->pdata + 1, (range->len - 1) * sizeof (gpointer));
      range->pdata[range->len - 1] = moved;
    }
  else
    {
      gpointer moved = range->pdata[range->len - 1];

      memmove (range->pdata + 1, range->pdata, (range->len - 1) * sizeof (gpointer));
      range->pdata[0] = moved;
    }

  g_list_store_splice (self->tiers, first, range->len, range->pdata, range->len);

  return TRUE;
}

/**
 * rosette_family_rename_tier:
 * @self: a #RosetteFamily
 * @position: the tier to rename
 * @name: its new name, as typed by a person
 * @error: return location for a #GError
 *
 * Renames a tier after checking @name as a family document does: 1 to
 * %ROSETTE_TIER_MAX_NAME_LENGTH characters without control characters
 * (%ROSETTE_ERROR_INVALID or %ROSETTE_ERROR_TOO_LARGE), and a slug no
 * other tier has (%ROSETTE_ERROR_INVALID). Use this rather than
 * rosette_tier_set_name(), which does not know the other tiers.
 *
 * Returns: %TRUE if the tier has the new name
 */
gboolean
rosette_family_rename_tier (RosetteFamily  *self,
                            guint           position,
                            const char     *name,
                            GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_position (self, position, error) ||
      !check_tier_name (name, error) ||
      !check_tier_name_free (self, name, position, error))
    return FALSE;

  rosette_tier_set_name (rosette_family_get_tier (self, position), name);

  return TRUE;
}

/**
 * rosette_family_add_tier:
 * @self: a #RosetteFamily
 * @name: the new tier's name, as typed by a person
 * @error: return location for a #GError
 *
 * Appends a tier with the cues of its rank (rosette_tier_new_for_rank()),
 * so it looks one step richer than the tier below. Fails as
 * rosette_family_rename_tier() does for a bad name, and with
 * %ROSETTE_ERROR_OUT_OF_RANGE when the family already has
 * %ROSETTE_FAMILY_MAX_TIERS tiers.
 *
 * Returns: %TRUE if the tier was added
 */
gboolean
rosette_family_add_tier (RosetteFamily  *self,
                         const char     *name,
                         GError        **error)
{
  g_autoptr(RosetteTier) tier = NULL;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_tier_name (name, error))
    return FALSE;

  n = rosette_family_get_n_tiers (self);
  tier = rosette_tier_new_for_rank (name, n);

  return rosette_family_insert_tier (self, n, tier, error);
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
