/* rosette-revoke-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Asks for the reason before a badge is revoked. The dialog only asks:
 * the Registry page revokes in the registry and publishes the status
 * list when it answers "revoke". Revoke stays off until there is a
 * reason, because the audit log and the status credential need one.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-revoke-dialog.h"

struct _RosetteRevokeDialog
{
  AdwMessageDialog     parent_instance;

  RosetteIssuedRecord *record;

  /* Template widgets */
  GtkEntry            *reason_entry;
};

G_DEFINE_FINAL_TYPE (RosetteRevokeDialog, rosette_revoke_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
reason_changed_cb (RosetteRevokeDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "revoke", reason[0] != '\0');
}

static void
rosette_revoke_dialog_dispose (GObject *object)
{
  RosetteRevokeDialog *self = ROSETTE_REVOKE_DIALOG (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (rosette_revoke_dialog_parent_class)->dispose (object);
}

static void
rosette_revoke_dialog_class_init (RosetteRevokeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_revoke_dialog_dispose;

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-revoke-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteRevokeDialog, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
rosette_revoke_dialog_init (RosetteRevokeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rosette_gui_name_controls (GTK_WIDGET (self));
}

/**
 * rosette_revoke_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @record: the credential to revoke
 *
 * Returns: (transfer full): a new dialog, not shown yet
 */
GtkWidget *
rosette_revoke_dialog_new (GtkWindow           *parent,
                           RosetteIssuedRecord *record)
{
  RosetteRevokeDialog *self;
  const char *name;
  g_autofree char *body = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUED_RECORD (record), NULL);

  self = g_object_new (ROSETTE_TYPE_REVOKE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->record = g_object_ref (record);

  name = rosette_issued_record_get_name (record);
  if (name == NULL || name[0] == '\0')
    name = rosette_issued_record_get_email (record);

  /* Translators: 1 is a person, 2 a badge family, 3 its tier */
  body = g_strdup_printf (_("%1$s’s “%2$s — %3$s” badge will show as revoked to anyone who "
                            "verifies it. This cannot be undone."),
                          name,
                          rosette_issued_record_get_family_name (record),
                          rosette_issued_record_get_tier_name (record));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  return GTK_WIDGET (self);
}

/**
 * rosette_revoke_dialog_get_record:
 * @self: a #RosetteRevokeDialog
 *
 * Returns: (transfer none): the credential to revoke
 */
RosetteIssuedRecord *
rosette_revoke_dialog_get_record (RosetteRevokeDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_REVOKE_DIALOG (self), NULL);

  return self->record;
}

/**
 * rosette_revoke_dialog_get_reason:
 * @self: a #RosetteRevokeDialog
 *
 * Returns: the reason as typed
 */
const char *
rosette_revoke_dialog_get_reason (RosetteRevokeDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_REVOKE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
}

void
rosette_revoke_dialog_set_reason (RosetteRevokeDialog *self,
                                  const char          *reason)
{
  g_return_if_fail (ROSETTE_IS_REVOKE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason != NULL ? reason : "");
}
