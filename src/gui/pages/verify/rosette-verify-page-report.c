/* rosette-verify-page-report.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the Verify page shows of a report: the verdict banner, the facts
 * of the badge and its picture, the checks, and the details. All of it is
 * the core's; the text quoted from the file is escaped wherever it is
 * shown as markup.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-verify-check-row.h"
#include "rosette-verify-markdown.h"
#include "rosette-verify-page-private.h"

/* The picture is shown at 160 px; render for a 2× screen. */
#define PICTURE_RENDER_SIZE 320

/* A row that shows one fact of the badge, hidden when the badge has none.
 * The value comes from the file: escaped, and wrapped without the hyphens
 * Pango would add inside identifiers such as did:key:z6Mk…. */
static void
set_fact (AdwActionRow *row,
          const char   *value)
{
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
  if (value != NULL)
    markup = g_markup_printf_escaped ("<span insert_hyphens=\"false\">%s</span>", value);
  adw_action_row_set_subtitle (row, markup != NULL ? markup : "");
}

/* The same for markup made here from the file (escaped as it was made). */
static void
set_fact_markup (AdwActionRow *row,
                 const char   *markup)
{
  gtk_widget_set_visible (GTK_WIDGET (row), markup != NULL && *markup != '\0');
  adw_action_row_set_subtitle (row, markup != NULL ? markup : "");
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return NULL;

  local = g_date_time_to_local (date);
  /* Translators: a date and time, see g_date_time_format(); e.g. "3 March 2026, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* The line under the verdict: why, in one sentence. */
static char *
dup_summary (RosetteVerifyReport *report)
{
  GListModel *checks = rosette_verify_report_get_checks (report);
  guint n_checks = g_list_model_get_n_items (checks);
  g_autoptr(GString) missing = g_string_new (NULL);

  switch (rosette_verify_report_get_verdict (report))
    {
    case ROSETTE_VERIFY_VERDICT_VALID:
      return g_strdup (_("Every check that matters passed."));

    case ROSETTE_VERIFY_VERDICT_NOT_VALID:
      for (guint i = 0; i < n_checks; i++)
        {
          g_autoptr(RosetteVerifyCheck) check = g_list_model_get_item (checks, i);

          if (rosette_verify_check_get_state (check) == ROSETTE_VERIFY_STATE_FAILED)
            return g_strdup (rosette_verify_check_get_explanation (check));
        }
      return g_strdup (_("A check failed."));

    case ROSETTE_VERIFY_VERDICT_INCOMPLETE:
    default:
      for (guint i = 0; i < n_checks; i++)
        {
          g_autoptr(RosetteVerifyCheck) check = g_list_model_get_item (checks, i);

          if (rosette_verify_check_get_state (check) != ROSETTE_VERIFY_STATE_NOT_CHECKED ||
              !rosette_verify_check_get_blocks_verdict (check))
            continue;
          if (missing->len > 0)
            g_string_append (missing, _(", "));
          g_string_append (missing, rosette_verify_check_get_title (check));
        }
      /* The core says "trust the issuer's key"; here is where. */
      if (rosette_verify_report_get_needs_key (report))
        /* Translators: %s lists checks, e.g. "Signature, Issuer" */
        return g_strdup_printf (_("Nothing failed, but not everything could be checked: %s. "
                                  "Choose the issuer’s public key under “Issuer’s Key” below "
                                  "to check the signature."), missing->str);
      /* Translators: %s lists checks, e.g. "Signature, Issuer" */
      return g_strdup_printf (_("Nothing failed, but not everything could be checked: %s."),
                              missing->str);
    }
}

static void
update_banner (RosetteVerifyPage *self)
{
  RosetteVerifyReport *report = self->report;
  static const char * const styles[] = { "valid", "not-valid", "incomplete" };
  static const char * const icons[] = {
    "emblem-ok-symbolic", "dialog-error-symbolic", "dialog-warning-symbolic"
  };
  RosetteVerifyVerdict verdict = rosette_verify_report_get_verdict (report);
  const char *format = rosette_verify_report_get_format_name (report);
  g_autofree char *summary = dup_summary (report);
  g_autofree char *basename = NULL;
  g_autofree char *source = NULL;
  g_autofree char *announcement = NULL;

  g_assert (verdict < G_N_ELEMENTS (styles));

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (self->banner, styles[i]);
  gtk_widget_add_css_class (self->banner, styles[verdict]);
  gtk_image_set_from_icon_name (self->verdict_icon, icons[verdict]);
  gtk_label_set_label (self->verdict_label, rosette_verify_report_get_verdict_text (report));
  gtk_label_set_label (self->summary_label, summary);

  if (self->file != NULL)
    basename = g_file_get_basename (self->file);
  if (basename != NULL && format != NULL && rosette_verify_report_get_usable (report))
    /* Translators: a file name and the badge format */
    source = g_strdup_printf (_("%s · %s"), basename, format);
  else
    source = g_strdup (basename != NULL ? basename : "");
  gtk_label_set_label (self->source_label, source);

  /* What a screen reader says when the result arrives and takes focus. */
  /* Translators: the verdict ("Valid") and the reason */
  announcement = g_strdup_printf (_("%s. %s"), rosette_verify_report_get_verdict_text (report),
                                  summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, announcement,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, source,
                                  -1);
}

static void
update_facts (RosetteVerifyPage *self)
{
  RosetteVerifyReport *report = self->report;
  const char *issuer_name = rosette_verify_report_get_issuer_name (report);
  const char *issuer_id = rosette_verify_report_get_issuer_id (report);
  g_autofree char *issuer = NULL;
  g_autofree char *valid_from = format_date (rosette_verify_report_get_valid_from (report));
  g_autofree char *valid_until = format_date (rosette_verify_report_get_valid_until (report));
  g_autofree char *criteria = rosette_verify_markdown_to_pango (rosette_verify_report_get_criteria (report));
  gboolean usable = rosette_verify_report_get_usable (report);

  if (issuer_name != NULL && issuer_id != NULL)
    issuer = g_strdup_printf ("%s\n%s", issuer_name, issuer_id);
  else
    issuer = g_strdup (issuer_name != NULL ? issuer_name : issuer_id);

  set_fact (self->achievement_row, rosette_verify_report_get_achievement_name (report));
  set_fact (self->tier_row, rosette_verify_report_get_tier (report));
  /* Criteria are Markdown: shown rendered, never as raw text. */
  set_fact_markup (self->criteria_row, criteria);
  set_fact (self->issuer_row, issuer);
  set_fact (self->issued_row, valid_from);
  set_fact (self->expires_row, usable && valid_until == NULL ? _("Never") : valid_until);
  set_fact (self->format_row, usable ? rosette_verify_report_get_format_name (report) : NULL);

  /* A file that holds no credential has nothing to check again. */
  gtk_widget_set_visible (self->badge_box, usable);
  gtk_widget_set_visible (self->options_group, usable);
}

static void
update_endorsements (RosetteVerifyPage *self)
{
  guint n = rosette_verify_report_get_n_endorsements (self->report);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->endorsements_list))) != NULL)
    gtk_list_box_remove (self->endorsements_list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->endorsements_list,
                         rosette_verify_check_row_new_for_endorsement (self->report, i));
  gtk_widget_set_visible (self->endorsements_group, n > 0);
}

static GtkWidget *
create_check_row_cb (gpointer item,
                     gpointer user_data)
{
  RosetteVerifyReport *report = user_data;

  return rosette_verify_check_row_new (ROSETTE_VERIFY_CHECK (item),
                                       rosette_verify_report_get_verdict (report) ==
                                       ROSETTE_VERIFY_VERDICT_INCOMPLETE);
}

/* One part of the details: a heading and the text, monospace and
 * selectable; long text scrolls in a box of its own, short text does not. */
static void
add_detail (RosetteVerifyPage *self,
            const char        *title,
            const char        *text,
            gboolean           scrolls)
{
  GtkWidget *heading;
  GtkWidget *body;

  if (text == NULL || *text == '\0')
    return;

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  if (gtk_widget_get_first_child (GTK_WIDGET (self->details_box)) != NULL)
    gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (self->details_box, heading);

  if (scrolls)
    {
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkTextIter start, end;
      GtkTextTag *tag;

      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      /* Wrapped inside identifiers and IRIs: no hyphens that are not there. */
      gtk_text_buffer_set_text (buffer, text, -1);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      tag = gtk_text_buffer_create_tag (buffer, NULL, "insert-hyphens", FALSE, NULL);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);

      /* A wrapped text view's natural height is not known in time to
       * size the box by it: a fixed, comfortable height instead. */
      body = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (body),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (body), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (body), view);
      gtk_widget_set_overflow (body, GTK_OVERFLOW_HIDDEN);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
    }
  else
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
      body = gtk_label_new (text);
      gtk_label_set_attributes (GTK_LABEL (body), attributes);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_CHAR);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_widget_add_css_class (body, "monospace");
      gtk_accessible_update_property (GTK_ACCESSIBLE (body),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
    }
  gtk_widget_add_css_class (body, "verify-detail");
  gtk_widget_add_css_class (body, "card");
  gtk_box_append (self->details_box, body);
}

static void
update_details (RosetteVerifyPage *self)
{
  RosetteVerifyReport *report = self->report;
  g_autofree char *credential = rosette_verify_report_dup_credential_text (report);
  const char *document_hash = rosette_verify_report_get_document_hash (report);
  const char *proof_hash = rosette_verify_report_get_proof_hash (report);
  g_autofree char *hashes = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);

  if (document_hash != NULL || proof_hash != NULL)
    hashes = g_strdup_printf ("%s\n%s\n\n%s\n%s",
                              _("Proof options (SHA-256):"), proof_hash ? proof_hash : "—",
                              _("Document (SHA-256):"), document_hash ? document_hash : "—");

  add_detail (self, _("Credential"), credential, TRUE);
  add_detail (self, _("Canonical Document (RDFC-1.0)"),
              rosette_verify_report_get_canonical_document (report), TRUE);
  add_detail (self, _("Canonical Proof Options (RDFC-1.0)"),
              rosette_verify_report_get_canonical_proof (report), FALSE);
  add_detail (self, _("Hashes"), hashes, FALSE);

  gtk_widget_set_visible (self->details_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->details_box)) != NULL);
  adw_expander_row_set_expanded (self->details_row, FALSE);
}

static void
render_image_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  cairo_surface_t *surface;

  surface = rosette_verify_report_render_image (task_data, PICTURE_RENDER_SIZE, &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
render_image_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RosetteVerifyPage *self = ROSETTE_VERIFY_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    {
      /* No picture is not a verdict: the checks say what matters. */
      if (!g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Badge picture not shown: %s", error->message);
      return;
    }

  /* A newer report replaced the one this was drawn for. */
  if (g_task_get_task_data (G_TASK (result)) != self->report)
    {
      cairo_surface_destroy (surface);
      return;
    }

  texture = rosette_gui_texture_new_for_surface (surface);
  cairo_surface_destroy (surface);
  gtk_image_set_from_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
}

static void
render_image (RosetteVerifyPage *self)
{
  g_autoptr(GTask) task = NULL;

  /* Checking the same file again keeps its picture until it is redrawn. */
  if (rosette_verify_report_get_image (self->report) == NULL)
    {
      gtk_image_clear (self->picture);
      gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
      return;
    }

  task = g_task_new (self, self->cancellable, render_image_cb, NULL);
  g_task_set_source_tag (task, render_image);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->report), g_object_unref);
  g_task_run_in_thread (task, render_image_thread);
}
/**
 * _rosette_verify_page_show_report_content:
 * @self: a #RosetteVerifyPage
 *
 * Fills the result view from the page's report.
 */
void
_rosette_verify_page_show_report_content (RosetteVerifyPage *self)
{
  g_assert (ROSETTE_IS_VERIFY_PAGE (self));
  g_assert (self->report != NULL);

  update_banner (self);
  update_facts (self);
  update_endorsements (self);
  gtk_list_box_bind_model (self->checks_list, rosette_verify_report_get_checks (self->report),
                           create_check_row_cb, g_object_ref (self->report), g_object_unref);
  update_details (self);
  render_image (self);
}
