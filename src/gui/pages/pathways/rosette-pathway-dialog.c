/* rosette-pathway-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The form that defines a pathway: a name, the goal badge, the required
 * badges (chosen among the achievements the registry knows and the tiers
 * of the family open in Design), how many are needed and whether they
 * must still be valid. A required tier of the open family counts with
 * every higher tier ("Practitioner or higher"), since only there is the
 * order of tiers known.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-pathway-dialog.h"

struct _RosettePathwayDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_row;
  AdwComboRow      *goal_row;
  GtkStringList    *goal_model;
  GtkSpinButton    *n_spin;
  GtkSwitch        *valid_switch;
  GtkListBox       *requirements_list;

  GPtrArray        *choices;   /* RosetteAchievementRef */
  GPtrArray        *checks;    /* GtkCheckButton, one per choice */
  RosetteFamily    *family;
};

G_DEFINE_FINAL_TYPE (RosettePathwayDialog, rosette_pathway_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_open_family (RosettePathwayDialog  *self,
                RosetteAchievementRef *ref)
{
  g_autofree char *slug = NULL;

  if (self->family == NULL)
    return FALSE;
  slug = rosette_family_dup_slug (self->family);
  return g_strcmp0 (slug, ref->family_slug) == 0;
}

static void
form_changed_cb (RosettePathwayDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "define", *name != '\0');
}

static void
add_choice (RosettePathwayDialog  *self,
            RosetteAchievementRef *ref)
{
  g_autofree char *label = g_strdup_printf ("%s — %s", ref->family_name, ref->tier_name);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_string_list_append (self->goal_model, label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref->family_name);
  /* Translators: a required tier of the family open in Design. */
  subtitle = is_open_family (self, ref) ? g_strdup_printf (_("%s or higher"), ref->tier_name)
                                        : g_strdup (ref->tier_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->requirements_list, row);
  g_ptr_array_add (self->checks, check);
}

/**
 * rosette_pathway_dialog_new:
 * @parent: (nullable): the window
 * @achievements: (element-type RosetteAchievementRef): the badges to
 *   choose from, for the goal and the requirements (copied)
 * @family: (nullable): the family open in Design
 *
 * Returns: (transfer floating): the dialog; answer "define" or "cancel"
 */
RosettePathwayDialog *
rosette_pathway_dialog_new (GtkWindow     *parent,
                            GPtrArray     *achievements,
                            RosetteFamily *family)
{
  RosettePathwayDialog *self = g_object_new (ROSETTE_TYPE_PATHWAY_DIALOG,
                                             "transient-for", parent, NULL);

  g_set_object (&self->family, family);
  for (guint i = 0; i < achievements->len; i++)
    {
      RosetteAchievementRef *ref = g_ptr_array_index (achievements, i);
      RosetteAchievementRef *copy = g_new0 (RosetteAchievementRef, 1);

      copy->family_slug = g_strdup (ref->family_slug);
      copy->family_name = g_strdup (ref->family_name);
      copy->tier_slug = g_strdup (ref->tier_slug);
      copy->tier_name = g_strdup (ref->tier_name);
      g_ptr_array_add (self->choices, copy);
      add_choice (self, copy);
    }
  form_changed_cb (self);
  return self;
}

static gboolean
add_requirement (RosettePathwayDialog   *self,
                 RosettePathway         *pathway,
                 RosetteAchievementRef  *ref,
                 GError                **error)
{
  const char *tiers[] = { ref->tier_slug, NULL };
  RosettePathwayRequirement *requirement;

  if (is_open_family (self, ref))
    return rosette_pathway_add_requirement (pathway, self->family, ref->tier_slug, error);

  rosette_pathway_add_requirement_slugs (pathway, ref->family_slug, tiers);
  requirement = g_ptr_array_index (pathway->requirements, pathway->requirements->len - 1);
  g_free (requirement->family_name);
  requirement->family_name = g_strdup (ref->family_name);
  g_free (requirement->min_tier_name);
  requirement->min_tier_name = g_strdup (ref->tier_name);
  return TRUE;
}

/**
 * rosette_pathway_dialog_build:
 *
 * Returns: (transfer full): the pathway the form describes (checked), or
 *   %NULL with an error to show
 */
RosettePathway *
rosette_pathway_dialog_build (RosettePathwayDialog  *self,
                              GError               **error)
{
  g_autoptr(RosettePathway) pathway = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  guint goal = adw_combo_row_get_selected (self->goal_row);
  RosetteAchievementRef *ref;

  g_return_val_if_fail (ROSETTE_IS_PATHWAY_DIALOG (self), NULL);

  if (goal >= self->choices->len)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Choose the goal badge; issue a badge or open its family in Design "
                     "first"));
      return NULL;
    }
  ref = g_ptr_array_index (self->choices, goal);
  if (is_open_family (self, ref))
    pathway = rosette_pathway_new (name, self->family, ref->tier_slug, error);
  else
    {
      pathway = rosette_pathway_new_for_slugs (name, ref->family_slug, ref->tier_slug);
      g_free (pathway->goal_family_name);
      pathway->goal_family_name = g_strdup (ref->family_name);
      g_free (pathway->goal_tier_name);
      pathway->goal_tier_name = g_strdup (ref->tier_name);
    }
  if (pathway == NULL)
    return NULL;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)) &&
        !add_requirement (self, pathway, g_ptr_array_index (self->choices, i), error))
      return NULL;
  pathway->n_required = (guint) gtk_spin_button_get_value_as_int (self->n_spin);
  pathway->validity = gtk_switch_get_active (self->valid_switch) ? ROSETTE_PATHWAY_VALIDITY_NOW
                                                                 : ROSETTE_PATHWAY_VALIDITY_EVER;
  if (!rosette_pathway_validate (pathway, error))
    return NULL;
  return g_steal_pointer (&pathway);
}

void
_rosette_pathway_dialog_fill (RosettePathwayDialog *self,
                              const char           *name,
                              guint                 goal,
                              const guint          *required,
                              guint                 n_required,
                              guint                 n_of,
                              gboolean              still_valid)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_combo_row_set_selected (self->goal_row, goal);
  for (guint i = 0; i < n_required; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, required[i]), TRUE);
  gtk_spin_button_set_value (self->n_spin, n_of);
  gtk_switch_set_active (self->valid_switch, still_valid);
}

static void
rosette_pathway_dialog_dispose (GObject *object)
{
  RosettePathwayDialog *self = ROSETTE_PATHWAY_DIALOG (object);

  g_clear_object (&self->family);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (rosette_pathway_dialog_parent_class)->dispose (object);
}

static void
rosette_pathway_dialog_class_init (RosettePathwayDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_pathway_dialog_dispose;

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/pathways/rosette-pathway-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosettePathwayDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwayDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwayDialog, goal_model);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwayDialog, n_spin);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwayDialog, valid_switch);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwayDialog, requirements_list);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
}

static void
rosette_pathway_dialog_init (RosettePathwayDialog *self)
{
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_achievement_ref_free);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
