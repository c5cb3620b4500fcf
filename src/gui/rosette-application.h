/* rosette-application.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"
#include "rosette-welcome-window.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_APPLICATION (rosette_application_get_type ())

G_DECLARE_FINAL_TYPE (RosetteApplication, rosette_application, ROSETTE, APPLICATION, AdwApplication)

RosetteApplication *rosette_application_new          (void);
void                rosette_application_new_family   (RosetteApplication *self,
                                                      RosetteBadgeKind    kind);
RosetteWelcomeWindow *rosette_application_show_welcome (RosetteApplication *self);

G_END_DECLS
