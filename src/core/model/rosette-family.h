/* rosette-family.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-model-enums.h"
#include "rosette-tier.h"
#include "rosette-types.h"

G_BEGIN_DECLS

/* The family document format (a .rosette file) this build writes. */
#define ROSETTE_FAMILY_FORMAT_VERSION 2
#define ROSETTE_FAMILY_MIME_TYPE "application/x-rosette-family"
#define ROSETTE_FAMILY_MIN_TIERS 1
#define ROSETTE_FAMILY_MAX_TIERS 6
#define ROSETTE_FAMILY_MAX_NAME_LENGTH 120
#define ROSETTE_FAMILY_MAX_TITLE_LENGTH 60
#define ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH 80
#define ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH 4
#define ROSETTE_FAMILY_MAX_FONT_LENGTH 64
/* An imported emblem is kept, sanitised, inside the family document. */
#define ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE (256 * 1024)
#define ROSETTE_FAMILY_CUSTOM_EMBLEM "custom"

/* Element placement, in units of the 512 x 512 badge canvas. */
#define ROSETTE_PLACEMENT_MAX_OFFSET 200.0
#define ROSETTE_PLACEMENT_MIN_SCALE 0.5
#define ROSETTE_PLACEMENT_MAX_SCALE 2.0

#define ROSETTE_FONT_WEIGHT_MIN 100
#define ROSETTE_FONT_WEIGHT_MAX 900
/* 0 means "fit the title to the ribbon automatically". */
#define ROSETTE_TITLE_SIZE_AUTO 0.0
#define ROSETTE_TITLE_SIZE_MIN 12.0
#define ROSETTE_TITLE_SIZE_MAX 64.0
#define ROSETTE_RIM_WIDTH_DEFAULT 0.0
#define ROSETTE_RIM_WIDTH_MAX 40.0

/* The achievement data (what a credential says the badge is for). */
#define ROSETTE_FAMILY_MAX_DESCRIPTION_LENGTH 2000
#define ROSETTE_FAMILY_MAX_CRITERIA_LENGTH 10000
#define ROSETTE_FAMILY_MAX_TAGS 16
#define ROSETTE_FAMILY_MAX_TAG_LENGTH 60
#define ROSETTE_FAMILY_MAX_URL_LENGTH 2048
#define ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH 200

#define ROSETTE_TYPE_FAMILY (rosette_family_get_type ())

G_DECLARE_FINAL_TYPE (RosetteFamily, rosette_family, ROSETTE, FAMILY, GObject)

RosetteFamily    *rosette_family_new                   (void);
RosetteFamily    *rosette_family_new_from_template     (RosetteBadgeKind      kind,
                                                        const char           *name);
RosetteFamily    *rosette_family_new_from_bytes        (GBytes               *bytes,
                                                        GError              **error);
RosetteFamily    *rosette_family_new_from_file         (GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
void              rosette_family_new_from_file_async   (GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
RosetteFamily    *rosette_family_new_from_file_finish  (GAsyncResult         *result,
                                                        GError              **error);
GBytes           *rosette_family_to_bytes              (RosetteFamily        *self);
gboolean          rosette_family_save_to_file          (RosetteFamily        *self,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GError              **error);
void              rosette_family_save_to_file_async    (RosetteFamily        *self,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean          rosette_family_save_to_file_finish   (RosetteFamily        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

const char       *rosette_family_get_name              (RosetteFamily        *self);
void              rosette_family_set_name              (RosetteFamily        *self,
                                                        const char           *name);
char             *rosette_family_dup_slug              (RosetteFamily        *self);
RosetteBadgeKind  rosette_family_get_kind              (RosetteFamily        *self);
void              rosette_family_set_kind              (RosetteFamily        *self,
                                                        RosetteBadgeKind      kind);
RosetteShape      rosette_family_get_shape             (RosetteFamily        *self);
void              rosette_family_set_shape             (RosetteFamily        *self,
                                                        RosetteShape          shape);
const char       *rosette_family_get_emblem            (RosetteFamily        *self);
void              rosette_family_set_emblem            (RosetteFamily        *self,
                                                        const char           *emblem);
const char       *rosette_family_get_emblem_text       (RosetteFamily        *self);
void              rosette_family_set_emblem_text       (RosetteFamily        *self,
                                                        const char           *emblem_text);
const char       *rosette_family_get_title             (RosetteFamily        *self);
void              rosette_family_set_title             (RosetteFamily        *self,
                                                        const char           *title);
const char       *rosette_family_get_subtitle          (RosetteFamily        *self);
void              rosette_family_set_subtitle          (RosetteFamily        *self,
                                                        const char           *subtitle);
const char       *rosette_family_get_field_color       (RosetteFamily        *self);
void              rosette_family_set_field_color       (RosetteFamily        *self,
                                                        const char           *color);

/* Since format 2: the designer's properties. Colours are "#rrggbb" or ""
 * for "derived from the field colour"; a font family "" is the default
 * (DejaVu Sans Condensed). */
const char       *rosette_family_get_ribbon_color      (RosetteFamily        *self);
void              rosette_family_set_ribbon_color      (RosetteFamily        *self,
                                                        const char           *color);
const char       *rosette_family_get_emblem_color      (RosetteFamily        *self);
void              rosette_family_set_emblem_color      (RosetteFamily        *self,
                                                        const char           *color);
const char       *rosette_family_get_font_family       (RosetteFamily        *self);
void              rosette_family_set_font_family       (RosetteFamily        *self,
                                                        const char           *font_family);
guint             rosette_family_get_font_weight       (RosetteFamily        *self);
void              rosette_family_set_font_weight       (RosetteFamily        *self,
                                                        guint                 weight);
double            rosette_family_get_title_size        (RosetteFamily        *self);
void              rosette_family_set_title_size        (RosetteFamily        *self,
                                                        double                size);
RosetteTextLayout rosette_family_get_title_layout      (RosetteFamily        *self);
void              rosette_family_set_title_layout      (RosetteFamily        *self,
                                                        RosetteTextLayout     layout);
gboolean          rosette_family_get_show_subtitle     (RosetteFamily        *self);
void              rosette_family_set_show_subtitle     (RosetteFamily        *self,
                                                        gboolean              show);
RosetteTextLayout rosette_family_get_subtitle_layout   (RosetteFamily        *self);
void              rosette_family_set_subtitle_layout   (RosetteFamily        *self,
                                                        RosetteTextLayout     layout);
double            rosette_family_get_rim_width         (RosetteFamily        *self);
void              rosette_family_set_rim_width         (RosetteFamily        *self,
                                                        double                width);
gboolean          rosette_family_get_shadow            (RosetteFamily        *self);
void              rosette_family_set_shadow            (RosetteFamily        *self,
                                                        gboolean              shadow);
gboolean          rosette_family_get_gradient          (RosetteFamily        *self);
void              rosette_family_set_gradient          (RosetteFamily        *self,
                                                        gboolean              gradient);
gboolean          rosette_family_get_palette_ramp      (RosetteFamily        *self);
void              rosette_family_set_palette_ramp      (RosetteFamily        *self,
                                                        gboolean              ramp);
const char       *rosette_family_get_custom_emblem     (RosetteFamily        *self);
void              rosette_family_set_custom_emblem     (RosetteFamily        *self,
                                                        const char           *svg_markup);
void              rosette_family_get_placement         (RosetteFamily        *self,
                                                        RosetteElement        element,
                                                        double               *dx,
                                                        double               *dy,
                                                        double               *scale);
void              rosette_family_set_placement         (RosetteFamily        *self,
                                                        RosetteElement        element,
                                                        double                dx,
                                                        double                dy,
                                                        double                scale);
void              rosette_family_reset_placements      (RosetteFamily        *self);
gboolean          rosette_family_restore               (RosetteFamily        *self,
                                                        GBytes               *bytes,
                                                        GError              **error);
gboolean          rosette_family_set_key               (RosetteFamily        *self,
                                                        const char           *key,
                                                        const char           *value,
                                                        GError              **error);
const char * const *rosette_family_list_keys           (void);

/* The achievement data: what credentials for this family say. A
 * description "" means the generated one; "" URLs and alignment fields
 * mean none. */
const char       *rosette_family_get_description       (RosetteFamily        *self);
void              rosette_family_set_description       (RosetteFamily        *self,
                                                        const char           *description);
const char       *rosette_family_get_criteria          (RosetteFamily        *self);
void              rosette_family_set_criteria          (RosetteFamily        *self,
                                                        const char           *criteria);
const char       *rosette_family_get_criteria_url      (RosetteFamily        *self);
void              rosette_family_set_criteria_url      (RosetteFamily        *self,
                                                        const char           *url);
const char       *rosette_family_get_achievement_type  (RosetteFamily        *self);
void              rosette_family_set_achievement_type  (RosetteFamily        *self,
                                                        const char           *type);
const char * const *rosette_family_get_tags            (RosetteFamily        *self);
void              rosette_family_set_tags              (RosetteFamily        *self,
                                                        const char * const   *tags);
void              rosette_family_get_alignment         (RosetteFamily        *self,
                                                        const char          **name,
                                                        const char          **url,
                                                        const char          **framework,
                                                        const char          **code);
void              rosette_family_set_alignment         (RosetteFamily        *self,
                                                        const char           *name,
                                                        const char           *url,
                                                        const char           *framework,
                                                        const char           *code);
char             *rosette_family_dup_default_criteria  (RosetteFamily        *self);
const char       *rosette_family_get_tier_criteria     (RosetteFamily        *self,
                                                        RosetteTier          *tier);
gboolean          rosette_family_check_achievement_text (const char          *key,
                                                        const char           *value,
                                                        GError              **error);

GListModel       *rosette_family_get_tiers             (RosetteFamily        *self);
guint             rosette_family_get_n_tiers           (RosetteFamily        *self);
RosetteTier      *rosette_family_get_tier              (RosetteFamily        *self,
                                                        guint                 position);
RosetteTier      *rosette_family_find_tier             (RosetteFamily        *self,
                                                        const char           *name);
gboolean          rosette_family_insert_tier           (RosetteFamily        *self,
                                                        guint                 position,
                                                        RosetteTier          *tier,
                                                        GError              **error);
gboolean          rosette_family_remove_tier           (RosetteFamily        *self,
                                                        guint                 position,
                                                        GError              **error);
gboolean          rosette_family_move_tier             (RosetteFamily        *self,
                                                        guint                 from,
                                                        guint                 to,
                                                        GError              **error);
gboolean          rosette_family_rename_tier           (RosetteFamily        *self,
                                                        guint                 position,
                                                        const char           *name,
                                                        GError              **error);
gboolean          rosette_family_add_tier              (RosetteFamily        *self,
                                                        const char           *name,
                                                        GError              **error);

gboolean          rosette_family_check_name            (const char           *name,
                                                        GError              **error);

const char       *rosette_badge_kind_to_string         (RosetteBadgeKind      kind);
gboolean          rosette_badge_kind_from_string       (const char           *string,
                                                        RosetteBadgeKind     *kind);
const char       *rosette_badge_kind_get_display_name  (RosetteBadgeKind      kind);

G_END_DECLS
