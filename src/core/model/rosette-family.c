/* rosette-family.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The RosetteFamily class: its properties, the "changed" signal that
 * views redraw on, and construction from the built-in template of each
 * badge kind. The family document it reads and writes is described at the
 * top of rosette-family-document.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-model-private.h"

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
 * over rosette-family.c (the class and construction),
 * rosette-family-properties.c (the core properties' accessors),
 * rosette-family-tiers.c (the list of tiers), rosette-family-designer.c
 * (the designer's properties and placements), rosette-family-achievement.c
 * (the achievement data), rosette-family-keys.c (scripted edits),
 * rosette-family-document.c, -document-designer.c and -json.c (the file
 * format) and rosette-family-file.c (loading and saving files). */

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

gboolean
_rosette_family_kind_is_valid (RosetteBadgeKind kind)
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

void
_rosette_family_watch_tier (RosetteFamily *self,
                            RosetteTier   *tier)
{
  g_signal_connect_object (tier, "notify",
                           G_CALLBACK (tier_notify_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

void
_rosette_family_unwatch_tier (RosetteFamily *self,
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

          _rosette_family_unwatch_tier (self, tier);
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

  g_return_val_if_fail (_rosette_family_kind_is_valid (kind), NULL);

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

  g_return_val_if_fail (_rosette_family_kind_is_valid (kind), NULL);
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
