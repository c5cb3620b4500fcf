/* rosette-export-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_EXPORT_DIALOG (rosette_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosetteExportDialog, rosette_export_dialog, ROSETTE, EXPORT_DIALOG, AdwWindow)

RosetteExportDialog *rosette_export_dialog_new        (GtkWindow           *parent,
                                                       RosetteFamily       *family,
                                                       RosetteTier         *current_tier);
GFile               *rosette_export_dialog_get_folder (RosetteExportDialog *self);
void                 rosette_export_dialog_set_folder (RosetteExportDialog *self,
                                                       GFile               *folder);
void                 rosette_export_dialog_export     (RosetteExportDialog *self);
void                 rosette_export_dialog_set_tier_active (RosetteExportDialog *self,
                                                            guint                position,
                                                            gboolean             active);
void                 rosette_export_dialog_set_size_active (RosetteExportDialog *self,
                                                            guint                size,
                                                            gboolean             active);

G_END_DECLS
