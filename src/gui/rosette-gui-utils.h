/* rosette-gui-utils.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

void        rosette_gui_ensure_resources       (void);
GSettings  *rosette_gui_dup_settings           (void);
gboolean    rosette_gui_settings_has_key       (GSettings       *settings,
                                                const char      *key);
GdkTexture *rosette_gui_texture_new_for_surface (cairo_surface_t *surface);
char       *rosette_gui_dup_display_path       (GFile           *file);

G_END_DECLS
