/* rosette-new-family-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-new-family-dialog.h"
#include "rosette-gui-utils.h"

/* Asks which kind of badge family to start from: each kind is a template
 * with its own shape, emblem and colours. */

struct _RosetteNewFamilyDialog
{
  AdwMessageDialog  parent_instance;

  RosetteBadgeKind  kind;

  /* Template widgets */
  GtkListBox       *list_box;
};

enum {
  KIND_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RosetteNewFamilyDialog, rosette_new_family_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
kind_get_description (RosetteBadgeKind kind)
{
  switch (kind)
    {
    case ROSETTE_BADGE_KIND_COMPLIANCE:
      return _("Policies, mandatory training and certifications");
    case ROSETTE_BADGE_KIND_LEADERSHIP:
      return _("Leading teams and growing people");
    case ROSETTE_BADGE_KIND_TECHNICAL:
      return _("Engineering and technical skills");
    case ROSETTE_BADGE_KIND_ONBOARDING:
      return _("First steps in a new role");
    case ROSETTE_BADGE_KIND_RECOGNITION:
      return _("Thanks for outstanding contributions");
    case ROSETTE_BADGE_KIND_SERVICE:
      return _("Years of service and milestones");
    default:
      return "";
    }
}

static void
kind_check_toggled_cb (GtkCheckButton         *check,
                       RosetteNewFamilyDialog *self)
{
  if (gtk_check_button_get_active (check))
    self->kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "rosette-kind"));
}

static void
rosette_new_family_dialog_response (AdwMessageDialog *dialog,
                                    const char       *response)
{
  RosetteNewFamilyDialog *self = ROSETTE_NEW_FAMILY_DIALOG (dialog);

  if (g_strcmp0 (response, "create") == 0)
    g_signal_emit (self, signals[KIND_CHOSEN], 0, self->kind);

  if (ADW_MESSAGE_DIALOG_CLASS (rosette_new_family_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (rosette_new_family_dialog_parent_class)->response (dialog, response);
}

static void
rosette_new_family_dialog_class_init (RosetteNewFamilyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  dialog_class->response = rosette_new_family_dialog_response;

  /**
   * RosetteNewFamilyDialog::kind-chosen:
   * @self: the #RosetteNewFamilyDialog
   * @kind: the #RosetteBadgeKind chosen
   *
   * Emitted when the person chose a kind and pressed Create.
   */
  signals[KIND_CHOSEN] =
    g_signal_new ("kind-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ROSETTE_TYPE_BADGE_KIND);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-new-family-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteNewFamilyDialog, list_box);
}

static void
rosette_new_family_dialog_init (RosetteNewFamilyDialog *self)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ROSETTE_TYPE_BADGE_KIND);
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rosette_gui_name_controls (GTK_WIDGET (self));

  self->kind = ROSETTE_BADGE_KIND_COMPLIANCE;

  for (guint i = 0; i < kinds->n_values; i++)
    {
      RosetteBadgeKind kind = kinds->values[i].value;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      g_object_set_data (G_OBJECT (check), "rosette-kind", GUINT_TO_POINTER (kind));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kind == self->kind);
      g_signal_connect_object (check, "toggled", G_CALLBACK (kind_check_toggled_cb), self, 0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rosette_badge_kind_get_display_name (kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_get_description (kind));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->list_box, row);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
    }
}

/**
 * rosette_new_family_dialog_new:
 * @parent: (nullable): the window to stay on top of
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
RosetteNewFamilyDialog *
rosette_new_family_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ROSETTE_TYPE_NEW_FAMILY_DIALOG,
                       "transient-for", parent,
                       NULL);
}

RosetteBadgeKind
rosette_new_family_dialog_get_kind (RosetteNewFamilyDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_NEW_FAMILY_DIALOG (self), ROSETTE_BADGE_KIND_COMPLIANCE);

  return self->kind;
}
