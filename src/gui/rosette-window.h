/* rosette-window.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-application.h"
#include "rosette-core.h"
#include "rosette-design-page.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_WINDOW (rosette_window_get_type ())

G_DECLARE_FINAL_TYPE (RosetteWindow, rosette_window, ROSETTE, WINDOW, AdwApplicationWindow)

RosetteWindow     *rosette_window_new              (RosetteApplication *application);
RosetteFamily     *rosette_window_get_family       (RosetteWindow      *self);
GFile             *rosette_window_get_file         (RosetteWindow      *self);
gboolean           rosette_window_get_modified     (RosetteWindow      *self);
gboolean           rosette_window_get_loading      (RosetteWindow      *self);
const GError      *rosette_window_get_error        (RosetteWindow      *self);
void               rosette_window_set_family       (RosetteWindow      *self,
                                                    RosetteFamily      *family,
                                                    GFile              *file);
void               rosette_window_open_file        (RosetteWindow      *self,
                                                    GFile              *file);
void               rosette_window_verify_file      (RosetteWindow      *self,
                                                    GFile              *file);
gboolean           rosette_window_is_replaceable   (RosetteWindow      *self);
RosetteDesignPage *rosette_window_get_design_page  (RosetteWindow      *self);
void               rosette_window_show_page        (RosetteWindow      *self,
                                                    const char         *name);
void               rosette_window_add_toast        (RosetteWindow      *self,
                                                    AdwToast           *toast);
void               rosette_window_set_recovered    (RosetteWindow      *self,
                                                    RosetteFamily      *family,
                                                    GFile              *original,
                                                    const char         *document_id);

G_END_DECLS
