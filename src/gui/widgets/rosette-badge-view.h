/* rosette-badge-view.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-core.h"

G_BEGIN_DECLS

/* The largest a badge is shown on screen, in logical pixels. */
#define ROSETTE_BADGE_VIEW_MAX_SIZE 320
#define ROSETTE_BADGE_VIEW_MIN_SIZE 96
/* What a badge asks for; it grows to the maximum when there is room. */
#define ROSETTE_BADGE_VIEW_NATURAL_SIZE 240

#define ROSETTE_TYPE_BADGE_VIEW (rosette_badge_view_get_type ())

G_DECLARE_FINAL_TYPE (RosetteBadgeView, rosette_badge_view, ROSETTE, BADGE_VIEW, GtkWidget)

GtkWidget     *rosette_badge_view_new         (void);
RosetteFamily *rosette_badge_view_get_family  (RosetteBadgeView *self);
void           rosette_badge_view_set_family  (RosetteBadgeView *self,
                                               RosetteFamily    *family);
RosetteTier   *rosette_badge_view_get_tier    (RosetteBadgeView *self);
void           rosette_badge_view_set_tier    (RosetteBadgeView *self,
                                               RosetteTier      *tier);
GdkTexture    *rosette_badge_view_get_texture (RosetteBadgeView *self);
guint          rosette_badge_view_get_pixel_size (RosetteBadgeView *self);
void           rosette_badge_view_set_max_size (RosetteBadgeView *self,
                                                int               max_size);

G_END_DECLS
