/* rosette-new-family-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_NEW_FAMILY_DIALOG (rosette_new_family_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosetteNewFamilyDialog, rosette_new_family_dialog, ROSETTE, NEW_FAMILY_DIALOG, AdwMessageDialog)

RosetteNewFamilyDialog *rosette_new_family_dialog_new      (GtkWindow              *parent);
RosetteBadgeKind        rosette_new_family_dialog_get_kind (RosetteNewFamilyDialog *self);

G_END_DECLS
