/* rosette-decision-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Approving or rejecting a nomination: who decides and why. The core
 * checks the rules (the approver is neither nominee nor nominator, a
 * comment is given) when the page acts on the response.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-decision-dialog.h"
#include "rosette-gui-utils.h"

struct _RosetteDecisionDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *approver_row;
  AdwEntryRow      *comment_row;

  gint64            nomination_id;
  gboolean          approve;
};

G_DEFINE_FINAL_TYPE (RosetteDecisionDialog, rosette_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * rosette_decision_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @nomination_id: the nomination decided on
 * @approve: %TRUE to approve (and issue), %FALSE to reject
 *
 * Its decision's response is "approve" or "reject".
 */
RosetteDecisionDialog *
rosette_decision_dialog_new (GtkWindow *parent,
                             gint64     nomination_id,
                             gboolean   approve)
{
  RosetteDecisionDialog *self = g_object_new (ROSETTE_TYPE_DECISION_DIALOG,
                                              "transient-for", parent,
                                              NULL);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const char *response = approve ? "approve" : "reject";

  self->nomination_id = nomination_id;
  self->approve = approve;
  adw_message_dialog_set_heading (dialog, approve ? _("Approve Nomination?")
                                                  : _("Reject Nomination?"));
  adw_message_dialog_set_body (dialog, approve ? _("The badge is issued at once, with the "
                                                   "reason as its narrative.")
                                               : _("The nominator’s allowance is given back."));
  adw_message_dialog_add_response (dialog, response, approve ? _("_Approve") : _("_Reject"));
  adw_message_dialog_set_response_appearance (dialog, response,
                                              approve ? ADW_RESPONSE_SUGGESTED
                                                      : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, response);
  return self;
}

gint64
rosette_decision_dialog_get_nomination_id (RosetteDecisionDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_DECISION_DIALOG (self), 0);

  return self->nomination_id;
}

gboolean
rosette_decision_dialog_get_approve (RosetteDecisionDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_DECISION_DIALOG (self), FALSE);

  return self->approve;
}

const char *
rosette_decision_dialog_get_approver (RosetteDecisionDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_DECISION_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->approver_row));
}

const char *
rosette_decision_dialog_get_comment (RosetteDecisionDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_DECISION_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->comment_row));
}

void
_rosette_decision_dialog_fill (RosetteDecisionDialog *self,
                               const char            *approver,
                               const char            *comment)
{
  gtk_editable_set_text (GTK_EDITABLE (self->approver_row), approver);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row), comment);
}

static void
rosette_decision_dialog_class_init (RosetteDecisionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/nominations/rosette-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteDecisionDialog, approver_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteDecisionDialog, comment_row);
}

static void
rosette_decision_dialog_init (RosetteDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
