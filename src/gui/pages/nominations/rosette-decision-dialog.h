/* rosette-decision-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROSETTE_TYPE_DECISION_DIALOG (rosette_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosetteDecisionDialog, rosette_decision_dialog, ROSETTE, DECISION_DIALOG,
                      AdwMessageDialog)

RosetteDecisionDialog *rosette_decision_dialog_new          (GtkWindow             *parent,
                                                             gint64                 nomination_id,
                                                             gboolean               approve);
gint64                 rosette_decision_dialog_get_nomination_id (RosetteDecisionDialog *self);
gboolean               rosette_decision_dialog_get_approve  (RosetteDecisionDialog *self);
const char            *rosette_decision_dialog_get_approver (RosetteDecisionDialog *self);
const char            *rosette_decision_dialog_get_comment  (RosetteDecisionDialog *self);

/* For tests: fill the form as a person would. */
void                   _rosette_decision_dialog_fill        (RosetteDecisionDialog *self,
                                                             const char            *approver,
                                                             const char            *comment);

G_END_DECLS
