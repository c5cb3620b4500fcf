/* rosette-model-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rosette-family.h"
#include "rosette-tier.h"

G_BEGIN_DECLS

/* The deepest nesting of objects and arrays a family document may have;
 * a valid one needs 3 (root, tiers, tier). */
#define ROSETTE_FAMILY_MAX_DEPTH 32

/* Longest emblem id, in bytes (ids are ASCII). */
#define ROSETTE_FAMILY_MAX_EMBLEM_LENGTH 64

gboolean       _rosette_text_is_valid       (const char       *text,
                                             guint             max_chars,
                                             gboolean          allow_empty);
gboolean       _rosette_text_has_control    (const char       *text);
gboolean       _rosette_color_is_valid      (const char       *color);
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

G_END_DECLS
