/* rosette-canvas.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-core.h"
#include "rosette-history.h"

G_BEGIN_DECLS

/* The value of RosetteCanvas:selected when nothing is selected. */
#define ROSETTE_CANVAS_NO_ELEMENT (-1)
/* Zoom is relative to "fit the badge in the view". */
#define ROSETTE_CANVAS_MIN_ZOOM 0.5
#define ROSETTE_CANVAS_MAX_ZOOM 4.0
/* The badge's own coordinate space, as in the core. */
#define ROSETTE_CANVAS_UNITS 512.0

#define ROSETTE_TYPE_CANVAS (rosette_canvas_get_type ())

G_DECLARE_FINAL_TYPE (RosetteCanvas, rosette_canvas, ROSETTE, CANVAS, GtkWidget)

GtkWidget      *rosette_canvas_new             (void);
RosetteFamily  *rosette_canvas_get_family      (RosetteCanvas  *self);
void            rosette_canvas_set_family      (RosetteCanvas  *self,
                                                RosetteFamily  *family);
RosetteTier    *rosette_canvas_get_tier        (RosetteCanvas  *self);
void            rosette_canvas_set_tier        (RosetteCanvas  *self,
                                                RosetteTier    *tier);
RosetteHistory *rosette_canvas_get_history     (RosetteCanvas  *self);
void            rosette_canvas_set_history     (RosetteCanvas  *self,
                                                RosetteHistory *history);
int             rosette_canvas_get_selected    (RosetteCanvas  *self);
void            rosette_canvas_set_selected    (RosetteCanvas  *self,
                                                int             element);
double          rosette_canvas_get_zoom        (RosetteCanvas  *self);
void            rosette_canvas_set_zoom        (RosetteCanvas  *self,
                                                double          zoom);
void            rosette_canvas_zoom_at         (RosetteCanvas  *self,
                                                double          zoom,
                                                double          x,
                                                double          y);
void            rosette_canvas_zoom_in         (RosetteCanvas  *self);
void            rosette_canvas_zoom_out        (RosetteCanvas  *self);
GdkTexture     *rosette_canvas_get_texture     (RosetteCanvas  *self);
gint64          rosette_canvas_get_render_time (RosetteCanvas  *self);
gboolean        rosette_canvas_widget_to_badge (RosetteCanvas  *self,
                                                double          x,
                                                double          y,
                                                double         *badge_x,
                                                double         *badge_y);
void            rosette_canvas_badge_to_widget (RosetteCanvas  *self,
                                                double          badge_x,
                                                double          badge_y,
                                                double         *x,
                                                double         *y);
gboolean        rosette_canvas_drag_begin      (RosetteCanvas  *self,
                                                double          x,
                                                double          y);
void            rosette_canvas_drag_update     (RosetteCanvas  *self,
                                                double          offset_x,
                                                double          offset_y);
void            rosette_canvas_drag_end        (RosetteCanvas  *self);
gboolean        rosette_canvas_pan_begin       (RosetteCanvas  *self);
void            rosette_canvas_nudge           (RosetteCanvas  *self,
                                                double          dx,
                                                double          dy);
gboolean        rosette_canvas_cycle           (RosetteCanvas  *self,
                                                gboolean        forward);

G_END_DECLS
