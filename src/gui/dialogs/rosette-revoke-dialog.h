/* rosette-revoke-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_REVOKE_DIALOG (rosette_revoke_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosetteRevokeDialog, rosette_revoke_dialog, ROSETTE, REVOKE_DIALOG, AdwMessageDialog)

GtkWidget           *rosette_revoke_dialog_new        (GtkWindow           *parent,
                                                       RosetteIssuedRecord *record);
RosetteIssuedRecord *rosette_revoke_dialog_get_record (RosetteRevokeDialog *self);
const char          *rosette_revoke_dialog_get_reason (RosetteRevokeDialog *self);
void                 rosette_revoke_dialog_set_reason (RosetteRevokeDialog *self,
                                                       const char          *reason);

G_END_DECLS
