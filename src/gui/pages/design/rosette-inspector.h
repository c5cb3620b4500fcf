/* rosette-inspector.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"
#include "rosette-history.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_INSPECTOR (rosette_inspector_get_type ())

G_DECLARE_FINAL_TYPE (RosetteInspector, rosette_inspector, ROSETTE, INSPECTOR, AdwBin)

GtkWidget      *rosette_inspector_new                 (void);
RosetteFamily  *rosette_inspector_get_family          (RosetteInspector *self);
void            rosette_inspector_set_family          (RosetteInspector *self,
                                                       RosetteFamily    *family);
void            rosette_inspector_set_history         (RosetteInspector *self,
                                                       RosetteHistory   *history);
int             rosette_inspector_get_element         (RosetteInspector *self);
void            rosette_inspector_set_element         (RosetteInspector *self,
                                                       int               element);
void            rosette_inspector_import_emblem       (RosetteInspector *self,
                                                       GFile            *file);
const char     *rosette_inspector_get_last_error      (RosetteInspector *self);

/* The controls, for tests that drive the inspector as a person would. */
GtkColorChooser *rosette_inspector_get_field_color_button (RosetteInspector *self);
GtkButton       *rosette_inspector_get_add_tier_button    (RosetteInspector *self);
guint            rosette_inspector_get_n_tier_rows        (RosetteInspector *self);
AdwEntryRow     *rosette_inspector_get_tier_name_row      (RosetteInspector *self,
                                                           guint             position);
GtkButton       *rosette_inspector_get_tier_remove_button (RosetteInspector *self,
                                                           guint             position);
GtkWidget       *rosette_inspector_get_group              (RosetteInspector *self,
                                                           const char       *name);

G_END_DECLS
