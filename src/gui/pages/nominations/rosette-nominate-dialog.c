/* rosette-nominate-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Nominating a colleague in the app: nominee, nominator, one of the
 * company values open to peer nomination, and what they did. The core
 * checks the rules and limits when the page submits it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-nominate-dialog.h"

struct _RosetteNominateDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *nominee_row;
  AdwEntryRow      *nominee_name_row;
  AdwEntryRow      *nominator_row;
  AdwComboRow      *value_row;
  GtkStringList    *value_model;
  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (RosetteNominateDialog, rosette_nominate_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * rosette_nominate_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @nominables: (element-type RosetteNominable): the badges open to peer
 *   nomination; their company values are the choices
 */
RosetteNominateDialog *
rosette_nominate_dialog_new (GtkWindow *parent,
                             GPtrArray *nominables)
{
  RosetteNominateDialog *self = g_object_new (ROSETTE_TYPE_NOMINATE_DIALOG,
                                              "transient-for", parent,
                                              NULL);

  for (guint i = 0; i < nominables->len; i++)
    {
      RosetteNominable *nominable = g_ptr_array_index (nominables, i);

      gtk_string_list_append (self->value_model, nominable->company_value);
    }
  return self;
}

/**
 * rosette_nominate_dialog_get_input:
 * @input: (out caller-allocates): filled with strings owned by the dialog
 */
void
rosette_nominate_dialog_get_input (RosetteNominateDialog  *self,
                                   RosetteNominationInput *input)
{
  GtkStringObject *value;

  g_return_if_fail (ROSETTE_IS_NOMINATE_DIALOG (self));

  value = adw_combo_row_get_selected_item (self->value_row);
  input->nominee_email = gtk_editable_get_text (GTK_EDITABLE (self->nominee_row));
  input->nominee_name = gtk_editable_get_text (GTK_EDITABLE (self->nominee_name_row));
  input->nominator_email = gtk_editable_get_text (GTK_EDITABLE (self->nominator_row));
  input->company_value = value != NULL ? gtk_string_object_get_string (value) : NULL;
  input->reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
}

void
_rosette_nominate_dialog_fill (RosetteNominateDialog *self,
                               const char            *nominee,
                               const char            *nominee_name,
                               const char            *nominator,
                               guint                  value,
                               const char            *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (self->nominee_row), nominee);
  gtk_editable_set_text (GTK_EDITABLE (self->nominee_name_row), nominee_name);
  gtk_editable_set_text (GTK_EDITABLE (self->nominator_row), nominator);
  adw_combo_row_set_selected (self->value_row, value);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
}

static void
rosette_nominate_dialog_class_init (RosetteNominateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/nominations/rosette-nominate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteNominateDialog, nominee_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominateDialog, nominee_name_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominateDialog, nominator_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominateDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominateDialog, value_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominateDialog, reason_row);
}

static void
rosette_nominate_dialog_init (RosetteNominateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
