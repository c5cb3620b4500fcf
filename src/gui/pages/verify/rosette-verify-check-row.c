/* rosette-verify-check-row.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One check of a verification: an icon and a word for its state (so the
 * state never rests on colour alone), its title, and the core's
 * plain-language explanation. The text quotes the file being checked
 * (names, addresses), so it is escaped before it is shown as markup.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-verify-check-row.h"

struct _RosetteVerifyCheckRow
{
  AdwActionRow        parent_instance;

  RosetteVerifyCheck *check;
  GtkImage           *icon;
  GtkLabel           *state_label;
};

G_DEFINE_FINAL_TYPE (RosetteVerifyCheckRow, rosette_verify_check_row, ADW_TYPE_ACTION_ROW)

typedef struct
{
  const char *icon_name;
  const char *style;
  const char *label;
} StateLook;

/* A check that was not made but matters (the reason for "Could not fully
 * verify") is a warning; one that does not matter, or that could not be
 * made because an earlier one failed, is only dimmed. */
static StateLook
state_look (RosetteVerifyState state,
            gboolean           warn_unchecked)
{
  StateLook look;

  switch (state)
    {
    case ROSETTE_VERIFY_STATE_PASSED:
      look = (StateLook) { "emblem-ok-symbolic", "success", _("Passed") };
      break;

    case ROSETTE_VERIFY_STATE_FAILED:
      look = (StateLook) { "dialog-error-symbolic", "error", _("Failed") };
      break;

    case ROSETTE_VERIFY_STATE_NOT_CHECKED:
    default:
      if (warn_unchecked)
        look = (StateLook) { "dialog-warning-symbolic", "warning", _("Not checked") };
      else
        look = (StateLook) { "dialog-question-symbolic", "dim-label", _("Not checked") };
      break;
    }
  return look;
}

static void
rosette_verify_check_row_dispose (GObject *object)
{
  RosetteVerifyCheckRow *self = ROSETTE_VERIFY_CHECK_ROW (object);

  g_clear_object (&self->check);

  G_OBJECT_CLASS (rosette_verify_check_row_parent_class)->dispose (object);
}

static void
rosette_verify_check_row_class_init (RosetteVerifyCheckRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rosette_verify_check_row_dispose;
}

static void
rosette_verify_check_row_init (RosetteVerifyCheckRow *self)
{
  /* The row's own label says the state in words. */
  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->icon));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->state_label));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

/**
 * rosette_verify_check_row_new:
 * @check: one check of a report
 * @warn_unchecked: whether a check that matters but was not made is a
 *   warning (the verdict is "Could not fully verify") rather than dimmed
 *
 * Returns: (transfer floating): a row showing @check
 */
/* The row's text, icon and state word; the state never rests on colour. */
static void
fill_row (RosetteVerifyCheckRow *self,
          const char            *title,
          const char            *explanation,
          StateLook              look)
{
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  /* Escaped, and wrapped without the hyphens Pango would put inside
   * identifiers such as did:key:z6Mk…. */
  title_markup = g_markup_escape_text (title, -1);
  subtitle = g_markup_printf_escaped ("<span insert_hyphens=\"false\">%s</span>",
                                      explanation != NULL ? explanation : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->icon, look.icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), look.style);
  gtk_label_set_label (self->state_label, look.label);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), look.style);

  /* Translators: a check and its state, e.g. "Signature: Failed" */
  label = g_strdup_printf (_("%s: %s"), title, look.label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  explanation != NULL ? explanation : "",
                                  -1);
}

/**
 * rosette_verify_check_row_new:
 * @check: one check of a report
 * @warn_unchecked: whether a check that matters but was not made is a
 *   warning (the verdict is "Could not fully verify") rather than dimmed
 *
 * Returns: (transfer floating): a row showing @check
 */
GtkWidget *
rosette_verify_check_row_new (RosetteVerifyCheck *check,
                              gboolean            warn_unchecked)
{
  RosetteVerifyCheckRow *self;

  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK (check), NULL);

  self = g_object_new (ROSETTE_TYPE_VERIFY_CHECK_ROW, NULL);
  self->check = g_object_ref (check);
  fill_row (self, rosette_verify_check_get_title (check),
            rosette_verify_check_get_explanation (check),
            state_look (rosette_verify_check_get_state (check),
                        warn_unchecked && rosette_verify_check_get_blocks_verdict (check)));
  return GTK_WIDGET (self);
}

/**
 * rosette_verify_check_row_new_for_endorsement:
 * @report: a report
 * @index: which of its endorsements
 *
 * Returns: (transfer floating): a row "Endorsed by NAME" with what was
 *   found of that endorsement's proof; it has no #RosetteVerifyCheck
 */
GtkWidget *
rosette_verify_check_row_new_for_endorsement (RosetteVerifyReport *report,
                                              guint                index)
{
  RosetteVerifyCheckRow *self;
  const char *name;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (report), NULL);
  g_return_val_if_fail (index < rosette_verify_report_get_n_endorsements (report), NULL);

  name = rosette_verify_report_get_endorser_name (report, index);
  if (name == NULL)
    name = rosette_verify_report_get_endorser_id (report, index);
  /* Translators: the endorser's name, or a DID or web address */
  title = g_strdup_printf (_("Endorsed by %s"), name != NULL ? name : _("someone unnamed"));

  self = g_object_new (ROSETTE_TYPE_VERIFY_CHECK_ROW, NULL);
  fill_row (self, title, rosette_verify_report_get_endorsement_explanation (report, index),
            state_look (rosette_verify_report_get_endorsement_state (report, index), FALSE));
  return GTK_WIDGET (self);
}

/**
 * rosette_verify_check_row_get_check:
 * @self: a #RosetteVerifyCheckRow
 *
 * Returns: (transfer none) (nullable): the check shown; %NULL for an
 *   endorsement
 */
RosetteVerifyCheck *
rosette_verify_check_row_get_check (RosetteVerifyCheckRow *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK_ROW (self), NULL);

  return self->check;
}

/**
 * rosette_verify_check_row_get_icon_name:
 * @self: a #RosetteVerifyCheckRow
 *
 * Returns: the icon that shows the check's state
 */
const char *
rosette_verify_check_row_get_icon_name (RosetteVerifyCheckRow *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK_ROW (self), NULL);

  return gtk_image_get_icon_name (self->icon);
}
