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
#define ROSETTE_FAMILY_FORMAT_VERSION 1
#define ROSETTE_FAMILY_MIME_TYPE "application/x-rosette-family"
#define ROSETTE_FAMILY_MIN_TIERS 1
#define ROSETTE_FAMILY_MAX_TIERS 6
#define ROSETTE_FAMILY_MAX_NAME_LENGTH 120
#define ROSETTE_FAMILY_MAX_TITLE_LENGTH 60
#define ROSETTE_FAMILY_MAX_SUBTITLE_LENGTH 80
#define ROSETTE_FAMILY_MAX_EMBLEM_TEXT_LENGTH 4

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

gboolean          rosette_family_check_name            (const char           *name,
                                                        GError              **error);

const char       *rosette_badge_kind_to_string         (RosetteBadgeKind      kind);
gboolean          rosette_badge_kind_from_string       (const char           *string,
                                                        RosetteBadgeKind     *kind);
const char       *rosette_badge_kind_get_display_name  (RosetteBadgeKind      kind);

G_END_DECLS
