/* rosette-welcome-window.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_WELCOME_WINDOW (rosette_welcome_window_get_type ())

G_DECLARE_FINAL_TYPE (RosetteWelcomeWindow, rosette_welcome_window, ROSETTE, WELCOME_WINDOW, AdwWindow)

RosetteWelcomeWindow *rosette_welcome_window_new            (GtkWindow            *parent,
                                                             RosetteIssuerStore   *store);
gboolean              rosette_welcome_window_is_needed      (RosetteIssuerStore   *store);
RosetteIssuer        *rosette_welcome_window_get_issuer     (RosetteWelcomeWindow *self);
const char           *rosette_welcome_window_get_step       (RosetteWelcomeWindow *self);
void                  rosette_welcome_window_set_step       (RosetteWelcomeWindow *self,
                                                             const char           *step);
void                  rosette_welcome_window_set_backup     (RosetteWelcomeWindow *self,
                                                             GFile                *file);
gboolean              rosette_welcome_window_get_busy       (RosetteWelcomeWindow *self);

G_END_DECLS
