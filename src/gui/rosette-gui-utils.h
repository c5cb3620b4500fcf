/* rosette-gui-utils.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "rosette-core.h"

G_BEGIN_DECLS

void        rosette_gui_ensure_resources       (void);
GSettings  *rosette_gui_dup_settings           (void);
RosetteIssuerStore *rosette_gui_dup_issuer_store (void);
void        rosette_gui_name_controls          (GtkWidget       *root);
gboolean    rosette_gui_settings_has_key       (GSettings       *settings,
                                                const char      *key);
GdkTexture *rosette_gui_texture_new_for_surface (cairo_surface_t *surface);
char       *rosette_gui_dup_display_path       (GFile           *file);
GdkTexture *rosette_gui_render_texture         (RosetteFamily   *family,
                                                RosetteTier     *tier,
                                                guint            size,
                                                GError         **error);
char       *rosette_gui_color_to_string        (const GdkRGBA   *rgba);
gboolean    rosette_gui_color_parse            (const char      *color,
                                                GdkRGBA         *rgba);
const char *rosette_gui_element_get_display_name (RosetteElement element);
guint       rosette_gui_family_find_tier       (RosetteFamily   *family,
                                                RosetteTier     *tier);

G_END_DECLS
