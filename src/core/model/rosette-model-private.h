/* rosette-model-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "rosette-family.h"
#include "rosette-tier.h"

G_BEGIN_DECLS

/* The deepest nesting of objects and arrays a family document may have;
 * a valid one needs 3 (root, tiers, tier). */
#define ROSETTE_FAMILY_MAX_DEPTH 32

/* Longest emblem id, in bytes (ids are ASCII). */
#define ROSETTE_FAMILY_MAX_EMBLEM_LENGTH 64

#define ROSETTE_FONT_WEIGHT_DEFAULT 700

/* Where the designer moved and how much they scaled one element; the
 * default, { 0, 0, 1 }, is where the artwork puts it. */
typedef struct
{
  double dx;
  double dy;
  double scale;
} RosettePlacement;

/* The family's state; shared by the files that split the class
 * (rosette-family.c, -properties.c, -tiers.c, -designer.c,
 * -achievement.c, -keys.c, -document.c, -document-designer.c, -file.c). */
struct _RosetteFamily
{
  GObject            parent_instance;

  char              *name;
  RosetteBadgeKind   kind;
  RosetteShape       shape;
  char              *emblem;
  char              *emblem_text;
  char              *title;
  char              *subtitle;
  char              *field_color;

  /* Since format 2: the designer's properties. */
  char              *ribbon_color;
  char              *emblem_color;
  char              *font_family;
  guint              font_weight;
  double             title_size;
  RosetteTextLayout  title_layout;
  gboolean           show_subtitle;
  RosetteTextLayout  subtitle_layout;
  double             rim_width;
  gboolean           shadow;
  gboolean           gradient;
  gboolean           palette_ramp;
  char              *custom_emblem;
  RosettePlacement   placements[ROSETTE_N_ELEMENTS];

  /* The achievement data (rosette-family-achievement.c). */
  char              *description;
  char              *criteria;
  char              *criteria_url;
  char              *achievement_type;
  GStrv              tags;
  char              *alignment_name;
  char              *alignment_url;
  char              *alignment_framework;
  char              *alignment_code;

  GListStore        *tiers;

  /* While > 0, "changed" is held back and emitted once at the end. */
  guint              changes_held;
  gboolean           change_pending;
};

typedef enum
{
  FAMILY_PROP_0,
  FAMILY_PROP_NAME,
  FAMILY_PROP_KIND,
  FAMILY_PROP_SHAPE,
  FAMILY_PROP_EMBLEM,
  FAMILY_PROP_EMBLEM_TEXT,
  FAMILY_PROP_TITLE,
  FAMILY_PROP_SUBTITLE,
  FAMILY_PROP_FIELD_COLOR,
  FAMILY_PROP_TIERS,
  FAMILY_PROP_RIBBON_COLOR,
  FAMILY_PROP_EMBLEM_COLOR,
  FAMILY_PROP_FONT_FAMILY,
  FAMILY_PROP_FONT_WEIGHT,
  FAMILY_PROP_TITLE_SIZE,
  FAMILY_PROP_TITLE_LAYOUT,
  FAMILY_PROP_SHOW_SUBTITLE,
  FAMILY_PROP_SUBTITLE_LAYOUT,
  FAMILY_PROP_RIM_WIDTH,
  FAMILY_PROP_SHADOW,
  FAMILY_PROP_GRADIENT,
  FAMILY_PROP_PALETTE_RAMP,
  FAMILY_PROP_CUSTOM_EMBLEM,
  FAMILY_PROP_PLACEMENTS,
  FAMILY_PROP_DESCRIPTION,
  FAMILY_PROP_CRITERIA,
  FAMILY_PROP_CRITERIA_URL,
  FAMILY_PROP_ACHIEVEMENT_TYPE,
  FAMILY_PROP_TAGS,
  FAMILY_PROP_ALIGNMENT_NAME,
  FAMILY_PROP_ALIGNMENT_URL,
  FAMILY_PROP_ALIGNMENT_FRAMEWORK,
  FAMILY_PROP_ALIGNMENT_CODE,
  FAMILY_N_PROPS
} RosetteFamilyProp;

gboolean       _rosette_text_is_valid       (const char       *text,
                                             guint             max_chars,
                                             gboolean          allow_empty);
gboolean       _rosette_text_has_control    (const char       *text);
gboolean       _rosette_color_is_valid      (const char       *color);
gboolean       _rosette_color_or_empty_is_valid (const char   *color);
gboolean       _rosette_font_family_is_valid (const char      *font_family);
gboolean       _rosette_custom_emblem_is_valid (const char    *svg_markup);
gboolean       _rosette_emblem_id_is_valid  (const char       *emblem);
gboolean       _rosette_check_text          (const char       *key,
                                             const char       *value,
                                             guint             max_chars,
                                             gboolean          allow_empty,
                                             GError          **error);

RosetteFamily *_rosette_family_new_bare     (RosetteBadgeKind  kind);
void           _rosette_family_take_tiers   (RosetteFamily    *self,
                                             GPtrArray        *tiers);
void           _rosette_family_add_default_tiers (RosetteFamily *self);
char          *_rosette_family_title_for_name (const char     *name);

gboolean       _rosette_family_kind_is_valid (RosetteBadgeKind kind);
void           _rosette_family_watch_tier   (RosetteFamily    *self,
                                             RosetteTier      *tier);
void           _rosette_family_unwatch_tier (RosetteFamily    *self,
                                             RosetteTier      *tier);
void           _rosette_family_notify       (RosetteFamily    *self,
                                             RosetteFamilyProp prop);
void           _rosette_family_set_string   (RosetteFamily    *self,
                                             char            **field,
                                             const char       *value,
                                             RosetteFamilyProp prop);
void           _rosette_family_emit_changed (RosetteFamily    *self);
void           _rosette_family_hold_changes (RosetteFamily    *self);
void           _rosette_family_release_changes (RosetteFamily *self);
void           _rosette_family_reset_designer (RosetteFamily  *self);
void           _rosette_family_copy_state   (RosetteFamily    *self,
                                             RosetteFamily    *source);
GVariant      *_rosette_family_dup_placements (RosetteFamily  *self);
void           _rosette_family_install_designer_properties (GObjectClass *object_class,
                                                            GParamSpec  **properties);
void           _rosette_family_install_achievement_properties (GObjectClass *object_class,
                                                               GParamSpec  **properties);
void           _rosette_family_init_achievement (RosetteFamily *self);
void           _rosette_family_finalize_achievement (RosetteFamily *self);
gboolean       _rosette_family_get_achievement_property (RosetteFamily *self,
                                                         guint          prop_id,
                                                         GValue        *value);
gboolean       _rosette_family_set_achievement_property (RosetteFamily *self,
                                                         guint          prop_id,
                                                         const GValue  *value);
void           _rosette_family_copy_achievement (RosetteFamily *self,
                                                 RosetteFamily *source);
void           _rosette_family_reset_criteria (RosetteFamily  *self);
gboolean       _rosette_family_read_achievement (RosetteFamily *self,
                                                 JsonObject    *object,
                                                 GError       **error);
void           _rosette_family_write_achievement (RosetteFamily *self,
                                                  JsonBuilder   *builder);
gboolean       _rosette_family_set_achievement_key (RosetteFamily  *self,
                                                    const char     *key,
                                                    const char     *value,
                                                    gboolean       *handled,
                                                    GError        **error);
gboolean       _rosette_multiline_is_valid  (const char       *text,
                                             guint             max_chars);
gboolean       _rosette_placement_is_default (const RosettePlacement *placement);
const char    *_rosette_enum_nick           (GType             type,
                                             int               value);
char          *_rosette_enum_nicks          (GType             type);
char          *_rosette_quote_excerpt       (const char       *value);

G_END_DECLS
