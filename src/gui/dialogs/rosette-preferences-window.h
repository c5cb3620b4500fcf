/* rosette-preferences-window.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"
#include "rosette-key-page.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_PREFERENCES_WINDOW (rosette_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RosettePreferencesWindow, rosette_preferences_window,
                      ROSETTE, PREFERENCES_WINDOW, AdwPreferencesWindow)

RosettePreferencesWindow *rosette_preferences_window_new               (GtkWindow                *parent,
                                                                        RosetteIssuerStore       *store);
RosetteIssuer            *rosette_preferences_window_get_issuer        (RosettePreferencesWindow *self);
RosetteKeyPage           *rosette_preferences_window_get_key_page      (RosettePreferencesWindow *self);
GtkWidget                *rosette_preferences_window_get_field_row     (RosettePreferencesWindow *self,
                                                                        const char               *field);
const char               *rosette_preferences_window_get_error_text    (RosettePreferencesWindow *self);
gboolean                  rosette_preferences_window_get_creating      (RosettePreferencesWindow *self);
GtkWidget                *rosette_preferences_window_get_delivery_widget (RosettePreferencesWindow *self,
                                                                          const char               *name);
const char               *rosette_preferences_window_get_test_result   (RosettePreferencesWindow *self,
                                                                        const char               *which,
                                                                        gboolean                 *busy,
                                                                        gboolean                 *ok);
guint                     rosette_preferences_window_get_pending_saves (RosettePreferencesWindow *self);

G_END_DECLS
