/* rosette-pathways-page-actions.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the Pathways page does: define a pathway (RosettePathwayDialog,
 * offering the badges the registry knows and the tiers of the family open
 * in Design), add the family's tier ladder as pathways in one go, and issue
 * the chosen pathway's goal badge to everyone who qualifies (through the
 * batch path, off the main thread). The actions are enabled only while the
 * registry is open and no issuing is under way.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-award.h"
#include "rosette-pathway-dialog.h"
#include "rosette-pathways-page-private.h"

/* The goal and requirement choices: what the registry knows, then the
 * tiers of the family open in Design that it does not know yet. */
static GPtrArray *
dup_choices (RosettePathwaysPage  *self,
             GError              **error)
{
  g_autoptr(GPtrArray) refs = rosette_registry_list_achievement_refs (self->registry, error);
  g_autofree char *family_slug = NULL;

  if (refs == NULL || self->family == NULL)
    return g_steal_pointer (&refs);

  family_slug = rosette_family_dup_slug (self->family);
  for (guint t = 0; t < rosette_family_get_n_tiers (self->family); t++)
    {
      RosetteTier *tier = rosette_family_get_tier (self->family, t);
      g_autofree char *tier_slug = rosette_tier_dup_slug (tier);
      gboolean known = FALSE;
      RosetteAchievementRef *ref;

      for (guint i = 0; i < refs->len && !known; i++)
        {
          RosetteAchievementRef *other = g_ptr_array_index (refs, i);

          known = g_strcmp0 (other->family_slug, family_slug) == 0 &&
                  g_strcmp0 (other->tier_slug, tier_slug) == 0;
        }
      if (known)
        continue;
      ref = g_new0 (RosetteAchievementRef, 1);
      ref->family_slug = g_strdup (family_slug);
      ref->family_name = g_strdup (rosette_family_get_name (self->family));
      ref->tier_slug = g_steal_pointer (&tier_slug);
      ref->tier_name = g_strdup (rosette_tier_get_name (tier));
      g_ptr_array_add (refs, ref);
    }
  return g_steal_pointer (&refs);
}

static void
select_slug (RosettePathwaysPage *self,
             const char          *slug)
{
  for (guint i = 0; self->pathways != NULL && i < self->pathways->len; i++)
    if (g_strcmp0 (((RosettePathway *) g_ptr_array_index (self->pathways, i))->slug, slug) == 0)
      gtk_list_box_select_row (self->pathway_list,
                               gtk_list_box_get_row_at_index (self->pathway_list, (int) i));
}

static void
define_response_cb (RosettePathwaysPage  *self,
                    const char           *response,
                    RosettePathwayDialog *dialog)
{
  g_autoptr(RosettePathway) pathway = NULL;
  g_autoptr(GError) error = NULL;

  self->dialog = NULL;
  if (g_strcmp0 (response, "define") != 0)
    return;

  pathway = rosette_pathway_dialog_build (dialog, &error);
  if (pathway == NULL || !rosette_pathway_save (pathway, self->registry, &error))
    {
      _rosette_pathways_page_show_message (self, error->message);
      return;
    }
  rosette_pathways_page_reload (self);
  select_slug (self, pathway->slug);
}

static void
define_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (widget);
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  RosettePathwayDialog *dialog;

  choices = dup_choices (self, &error);
  if (choices == NULL)
    {
      _rosette_pathways_page_show_message (self, error->message);
      return;
    }
  dialog = rosette_pathway_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, choices,
                                       self->family);
  g_signal_connect_object (dialog, "response", G_CALLBACK (define_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_ladder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (widget);
  g_autoptr(GPtrArray) ladder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->family == NULL)
    return;
  ladder = rosette_pathway_new_ladder (self->family, NULL);
  for (guint i = 0; i < ladder->len; i++)
    if (!rosette_pathway_save (g_ptr_array_index (ladder, i), self->registry, &error))
      {
        _rosette_pathways_page_show_message (self, error->message);
        return;
      }
  rosette_pathways_page_reload (self);
  if (ladder->len > 0)
    select_slug (self, ((RosettePathway *) g_ptr_array_index (ladder, 0))->slug);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u pathway of “%s”",
                                          "Added %u pathways of “%s”", ladder->len),
                             ladder->len, rosette_family_get_name (self->family));
  _rosette_pathways_page_show_message (self, message);
}

static void
issue_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RosettePathwaysPage) self = user_data;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  summary = rosette_pathway_issue_finish (result, &error);
  if (summary == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  message = summary != NULL ? rosette_gui_award_dup_summary (summary) : g_strdup (error->message);
  _rosette_pathways_page_show_message (self, message);
  _rosette_pathways_page_show_pathway (self, _rosette_pathways_page_selected_pathway (self));
  _rosette_pathways_page_update_actions (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (widget);
  RosettePathway *pathway = _rosette_pathways_page_selected_pathway (self);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteAwardContext) context = NULL;
  g_autoptr(GError) error = NULL;

  if (pathway == NULL || self->busy)
    return;
  family = rosette_gui_award_find_family (self->family, pathway->goal_family_slug,
                                          pathway->family_file, &error);
  if (family != NULL)
    context = rosette_gui_award_context_new (self->registry, family, self->signer_issuer,
                                             self->signer_key, self->signer_record, &error);
  if (context == NULL)
    {
      _rosette_pathways_page_show_message (self, error->message);
      return;
    }

  self->busy = TRUE;
  _rosette_pathways_page_update_actions (self);
  rosette_pathway_issue_async (pathway, context, self->cancellable, issue_cb, g_object_ref (self));
}

void
_rosette_pathways_page_update_actions (RosettePathwaysPage *self)
{
  gboolean ready = self->registry != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.define", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.add-ladder",
                                 ready && self->family != NULL &&
                                 rosette_family_get_n_tiers (self->family) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.issue",
                                 ready && _rosette_pathways_page_selected_pathway (self) != NULL);
}

void
_rosette_pathways_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pathways.define", NULL, define_action);
  gtk_widget_class_install_action (widget_class, "pathways.add-ladder", NULL, add_ladder_action);
  gtk_widget_class_install_action (widget_class, "pathways.issue", NULL, issue_action);
}
