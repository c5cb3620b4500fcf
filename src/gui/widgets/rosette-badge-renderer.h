/* rosette-badge-renderer.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_BADGE_RENDERER (rosette_badge_renderer_get_type ())

G_DECLARE_FINAL_TYPE (RosetteBadgeRenderer, rosette_badge_renderer, ROSETTE, BADGE_RENDERER, GObject)

RosetteBadgeRenderer *rosette_badge_renderer_new             (gboolean              threaded);
RosetteFamily        *rosette_badge_renderer_get_family      (RosetteBadgeRenderer *self);
gboolean              rosette_badge_renderer_set_family      (RosetteBadgeRenderer *self,
                                                              RosetteFamily        *family);
RosetteTier          *rosette_badge_renderer_get_tier        (RosetteBadgeRenderer *self);
gboolean              rosette_badge_renderer_set_tier        (RosetteBadgeRenderer *self,
                                                              RosetteTier          *tier);
guint                 rosette_badge_renderer_get_size        (RosetteBadgeRenderer *self);
void                  rosette_badge_renderer_set_size        (RosetteBadgeRenderer *self,
                                                              guint                 size);
gboolean              rosette_badge_renderer_get_threaded    (RosetteBadgeRenderer *self);
GdkTexture           *rosette_badge_renderer_get_texture     (RosetteBadgeRenderer *self);
gint64                rosette_badge_renderer_get_render_time (RosetteBadgeRenderer *self);

G_END_DECLS
