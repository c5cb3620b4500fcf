/* rosette-registry-page-actions.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the Registry page does to one issued badge: open its file, send
 * it again (through the core's send path, rosette-registry-page-delivery.c),
 * revoke it
 * (the reason from RosetteRevokeDialog, then the signed status list is
 * published again so verifiers see it), and re-issue or renew it (a new
 * credential for the same holder and achievement, drawn from the badge
 * family: the window's open family when it is the row's, else the family
 * file the user opens; the old one is superseded). The actions act on the selected
 * row; the action bar, the context menu (right click, Menu or
 * Shift+F10) and the keyboard (Enter opens, Delete revokes) reach them.
 * Registry writes run in a worker thread; the changed row is updated in
 * place so the list keeps its scroll position.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-issued-row.h"
#include "rosette-registry-page-private.h"
#include "rosette-revoke-dialog.h"

static RosetteIssuedRecord *
selected_record (RosetteRegistryPage *self)
{
  RosetteIssuedRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? rosette_issued_row_get_record (row) : NULL;
}

void
_rosette_registry_page_update_actions (RosetteRegistryPage *self)
{
  RosetteIssuedRecord *record = selected_record (self);
  RosetteCredentialStatus status = record != NULL ? rosette_issued_record_get_status (record)
                                                  : ROSETTE_CREDENTIAL_STATUS_ANY;
  const char * const *files = record != NULL ? rosette_issued_record_get_files (record) : NULL;
  gboolean issued = status == ROSETTE_CREDENTIAL_STATUS_VALID ||
                    status == ROSETTE_CREDENTIAL_STATUS_EXPIRED;
  gboolean reissuable = (issued || status == ROSETTE_CREDENTIAL_STATUS_REVOKED) &&
                        rosette_issued_record_get_superseded_by (record) == NULL &&
                        self->n_jobs == 0;
  const char *tooltip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.open-file",
                                 files != NULL && files[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.revoke", issued && self->n_jobs == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.resend",
                                 status == ROSETTE_CREDENTIAL_STATUS_VALID && self->n_jobs == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.reissue", reissuable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.renew",
                                 reissuable && rosette_issued_record_get_valid_until (record) > 0);

  if (record == NULL)
    tooltip = _("Select a badge to re-issue it");
  else if (rosette_issued_record_get_superseded_by (record) != NULL)
    tooltip = _("This badge was already replaced by a re-issued one");
  else if (!reissuable && self->n_jobs > 0)
    tooltip = _("Wait until the registry is updated");
  else if (!reissuable)
    tooltip = _("Only issued badges can be re-issued");
  else
    tooltip = _("Issue a new badge to the same person, replacing this one");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reissue_button), tooltip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.menu", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.export-csv", self->registry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.export-pdf", self->registry != NULL);
}

static void
selection_changed_cb (RosetteRegistryPage *self)
{
  RosetteIssuedRow *row = gtk_single_selection_get_selected_item (self->selection);

  /* A selected row may still be waiting for its page. */
  if (self->selected_row != NULL)
    g_clear_signal_handler (&self->selected_record_id, self->selected_row);
  g_clear_weak_pointer (&self->selected_row);

  if (row != NULL)
    {
      g_set_weak_pointer (&self->selected_row, row);
      self->selected_record_id = g_signal_connect_object (row, "notify::record",
                                                          G_CALLBACK (_rosette_registry_page_update_actions),
                                                          self, G_CONNECT_SWAPPED);
    }

  _rosette_registry_page_update_actions (self);
}

/**
 * _rosette_registry_page_toast:
 * @self: a #RosetteRegistryPage
 * @message: what to say
 *
 * Says @message in a toast, and keeps it for tests.
 */
void
_rosette_registry_page_toast (RosetteRegistryPage *self,
                              const char          *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);
  RosetteIssuedRecord *record = selected_record (self);
  const char * const *files = record != NULL ? rosette_issued_record_get_files (record) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (files == NULL || files[0] == NULL)
    return;

  file = g_file_new_for_path (files[0]);
  if (!g_file_query_exists (file, NULL))
    {
      _rosette_registry_page_toast (self, _("The badge file was moved or deleted"));
      return;
    }

  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

typedef enum
{
  JOB_REVOKE,
  JOB_RESEND,
  JOB_REISSUE,
} JobKind;

typedef struct
{
  JobKind             kind;
  RosetteRegistry    *registry;
  RosetteIssuerStore *store;
  char               *credential_id;
  char               *email;
  char               *reason;
  /* The row to show the new state in, and that state (after a revoke) */
  RosetteIssuedRow   *row;
  RosetteIssuedRecord *updated;
  /* Re-issue: the family, the badge file's folder and format, and the
   * new expiry (renew) */
  RosetteFamily      *family;
  GFile              *output_dir;
  RosetteIssueFormat  format;
  GDateTime          *valid_until;
  /* Resend: the mail settings */
  RosetteDeliveryConfig *delivery;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->registry);
  g_clear_object (&job->store);
  g_free (job->credential_id);
  g_free (job->email);
  g_free (job->reason);
  g_clear_object (&job->row);
  g_clear_object (&job->updated);
  g_clear_object (&job->family);
  g_clear_object (&job->output_dir);
  g_clear_pointer (&job->valid_until, g_date_time_unref);
  g_clear_pointer (&job->delivery, _rosette_delivery_config_free);
  g_free (job);
}

/* Signs and writes the status list again so verifiers see a revocation.
 * Returns a message for the user when that could not be done. */
static char *
publish_status (Job          *job,
                GCancellable *cancellable)
{
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rosette_status_publish_dup_default_dir ();
  g_autoptr(GFile) publish_dir = g_file_new_for_path (dir);
  RosetteKeyAlgorithm algorithm = ROSETTE_KEY_ALGORITHM_P256;

  issuer = rosette_issuer_store_load_current (job->store, cancellable, &error);
  if (issuer != NULL)
    {
      if (rosette_issuer_find_signing_key (issuer, algorithm) == NULL)
        algorithm = ROSETTE_KEY_ALGORITHM_RSA2048;
      key = rosette_issuer_load_signing_key_sync (issuer, algorithm, &record, cancellable, &error);
    }
  if (key != NULL)
    files = rosette_status_publish_sync (job->registry, issuer, record, key, publish_dir,
                                         cancellable, &error);
  if (files != NULL)
    return NULL;

  /* Translators: %s says why, e.g. "No issuer profile yet" */
  return g_strdup_printf (_("Revoked in the registry, but the status list was not published: %s"),
                          error->message);
}

/* Re-issues (or renews) in the worker thread; the message for the user. */
static char *
reissue (Job           *job,
         GDateTime     *now,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteIssuedRecord) fresh = NULL;
  g_autofree char *dir = rosette_status_publish_dup_default_dir ();
  g_autoptr(GFile) publish_dir = g_file_new_for_path (dir);
  g_autoptr(GError) local_error = NULL;
  char *warning = NULL;
  RosetteReissueOptions options = { 0 };

  issuer = rosette_issuer_store_load_current (job->store, cancellable, error);
  if (issuer == NULL)
    return NULL;

  if (!g_file_make_directory_with_parents (job->output_dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  options.issuer = issuer;
  options.family = job->family;
  options.output_dir = job->output_dir;
  options.format = job->format;
  options.publish_dir = publish_dir;
  options.valid_until = job->valid_until;
  options.now = now;
  fresh = rosette_reissue_sync (job->registry, job->credential_id, &options, &warning,
                                cancellable, error);
  if (fresh == NULL)
    return NULL;

  job->updated = rosette_registry_lookup (job->registry, job->credential_id, now, NULL);
  if (warning != NULL)
    return warning;
  if (job->valid_until != NULL)
    return g_strdup (_("Badge renewed, and the status list published"));
  return g_strdup (_("Badge re-issued, and the status list published"));
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  char *message = NULL;

  switch (job->kind)
    {
    case JOB_REVOKE:
      if (!rosette_registry_revoke (job->registry, job->credential_id, job->reason, now, &error))
        break;
      job->updated = rosette_registry_lookup (job->registry, job->credential_id, now, NULL);
      message = publish_status (job, cancellable);
      if (message == NULL)
        message = g_strdup (_("Badge revoked, and the status list published"));
      break;

    case JOB_RESEND:
      message = _rosette_registry_page_resend_sync (job->delivery, job->registry, job->store,
                                                    job->credential_id, job->email, cancellable,
                                                    &error);
      break;

    case JOB_REISSUE:
      message = reissue (job, now, cancellable, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, message, g_free);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);

  self->n_jobs--;

  if (message == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _rosette_registry_page_toast (self, message != NULL ? message : error->message);
  if (job->kind == JOB_RESEND)
    _rosette_registry_page_reload_delivery (self);

  /* The row shows its new state where it is: no reload, so the list
   * keeps its place; the reports count it again. */
  if (job->kind == JOB_REISSUE && job->updated != NULL)
    {
      /* A new row: read the list again. */
      rosette_registry_page_reload (self);
    }
  else if (job->updated != NULL && job->row != NULL)
    {
      rosette_issued_row_set_record (job->row, job->updated);
      _rosette_registry_page_refresh_reports (self);
    }

  _rosette_registry_page_update_actions (self);
}

static Job *
job_new (RosetteRegistryPage *self,
         JobKind              kind,
         RosetteIssuedRow    *row,
         RosetteIssuedRecord *record,
         const char          *reason)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->registry = g_object_ref (self->registry);
  job->store = self->store != NULL ? g_object_ref (self->store)
                                    : rosette_registry_page_dup_default_store ();
  job->credential_id = g_strdup (rosette_issued_record_get_credential_id (record));
  job->email = g_strdup (rosette_issued_record_get_email (record));
  job->reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  job->row = row != NULL ? g_object_ref (row) : NULL;

  return job;
}

static void
start_job (RosetteRegistryPage *self,
           Job                 *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, job_done_cb, NULL);

  self->n_jobs++;
  _rosette_registry_page_update_actions (self);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
revoke_response_cb (RosetteRegistryPage *self,
                    const char          *response,
                    RosetteRevokeDialog *dialog)
{
  if (g_strcmp0 (response, "revoke") == 0 && self->registry != NULL)
    start_job (self, job_new (self, JOB_REVOKE, g_object_get_data (G_OBJECT (dialog), "rosette-row"),
                              rosette_revoke_dialog_get_record (dialog),
                              rosette_revoke_dialog_get_reason (dialog)));

  g_clear_weak_pointer (&self->revoke_dialog);
}

static void
revoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);
  RosetteIssuedRecord *record = selected_record (self);
  GtkWidget *dialog;

  if (record == NULL)
    return;

  dialog = rosette_revoke_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), record);
  g_object_set_data_full (G_OBJECT (dialog), "rosette-row",
                          g_object_ref (gtk_single_selection_get_selected_item (self->selection)),
                          g_object_unref);
  g_set_weak_pointer (&self->revoke_dialog, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (revoke_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);
  RosetteIssuedRecord *record = selected_record (self);
  Job *job;

  if (record == NULL || self->registry == NULL)
    return;
  job = job_new (self, JOB_RESEND, NULL, record, NULL);
  job->delivery = _rosette_delivery_config_new ();
  start_job (self, job);
}

/* The badge file's folder and format, to put the new one beside it. */
static void
job_set_output (Job                 *job,
                RosetteIssuedRecord *record)
{
  const char * const *files = rosette_issued_record_get_files (record);
  g_autofree char *dir = NULL;

  job->format = ROSETTE_ISSUE_FORMAT_PNG;
  if (files != NULL && files[0] != NULL)
    {
      dir = g_path_get_dirname (files[0]);
      if (g_str_has_suffix (files[0], ".svg"))
        job->format = ROSETTE_ISSUE_FORMAT_SVG;
      else if (g_str_has_suffix (files[0], ".json"))
        job->format = ROSETTE_ISSUE_FORMAT_JSON;
      else if (g_str_has_suffix (files[0], ".jwt"))
        job->format = ROSETTE_ISSUE_FORMAT_JWT;
    }
  else
    {
      dir = g_build_filename (g_get_user_data_dir (), "rosette", "issued", NULL);
    }
  job->output_dir = g_file_new_for_path (dir);
}

/* The new expiry of a renewal: as long from now as the old one lasted,
 * a year if that is unknown. */
static GDateTime *
renewed_until (RosetteIssuedRecord *record)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 from = rosette_issued_record_get_valid_from (record);
  gint64 until = rosette_issued_record_get_valid_until (record);

  if (from > 0 && until > from)
    return g_date_time_add_seconds (now, (double) (until - from));
  return g_date_time_add_years (now, 1);
}

static RosetteFamily *
family_for_record (RosetteRegistryPage *self,
                   RosetteIssuedRecord *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(RosetteFamily) family = NULL;
  g_autofree char *slug = NULL;

  /* The family set on the page, else the window's open one. */
  if (self->family != NULL)
    family = g_object_ref (self->family);
  else if (root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "family") != NULL)
    g_object_get (root, "family", &family, NULL);
  if (family == NULL || !ROSETTE_IS_FAMILY (family))
    return NULL;

  slug = rosette_family_dup_slug (family);
  if (g_strcmp0 (slug, rosette_issued_record_get_family_slug (record)) != 0)
    return NULL;
  return g_steal_pointer (&family);
}

static void
start_reissue (RosetteRegistryPage *self,
               RosetteIssuedRecord *record,
               RosetteFamily       *family,
               gboolean             renew)
{
  Job *job = job_new (self, JOB_REISSUE, NULL, record, NULL);

  job->family = g_object_ref (family);
  job->valid_until = renew ? renewed_until (record) : NULL;
  job_set_output (job, record);
  start_job (self, job);
}

typedef struct
{
  RosetteRegistryPage *page;
  RosetteIssuedRecord *record;
  gboolean             renew;
} PendingReissue;

static void
pending_reissue_free (PendingReissue *pending)
{
  g_clear_object (&pending->page);
  g_clear_object (&pending->record);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingReissue, pending_reissue_free)

static void
family_opened_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PendingReissue) pending = user_data;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = NULL;

  family = rosette_family_new_from_file_finish (result, &error);
  if (family == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rosette_registry_page_toast (pending->page, error->message);
      return;
    }

  slug = rosette_family_dup_slug (family);
  if (g_strcmp0 (slug, rosette_issued_record_get_family_slug (pending->record)) != 0)
    {
      g_autofree char *message =
        /* Translators: %s is a badge family's name */
        g_strdup_printf (_("That is not the family of this badge: open “%s”"),
                         rosette_issued_record_get_family_name (pending->record));

      _rosette_registry_page_toast (pending->page, message);
      return;
    }

  if (pending->page->registry != NULL && pending->page->n_jobs == 0)
    start_reissue (pending->page, pending->record, family, pending->renew);
}

static void
family_chosen_cb (RosetteRegistryPage  *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  PendingReissue *pending;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;

  pending = g_new0 (PendingReissue, 1);
  pending->page = g_object_ref (self);
  pending->record = g_object_ref (g_object_get_data (G_OBJECT (chooser), "rosette-record"));
  pending->renew = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "rosette-renew"));
  rosette_family_new_from_file_async (file, self->cancellable, family_opened_cb, pending);
}

/**
 * _rosette_registry_page_reissue:
 * @self: a #RosetteRegistryPage
 * @record: the badge to re-issue
 * @renew: give the new badge a new expiry
 *
 * Re-issues @record from its family: the open one when it is the
 * record's, else the family file the user opens.
 */
void
_rosette_registry_page_reissue (RosetteRegistryPage *self,
                                RosetteIssuedRecord *record,
                                gboolean             renew)
{
  g_autoptr(RosetteFamily) family = NULL;
  g_autofree char *title = NULL;
  GtkFileFilter *filter;

  if (record == NULL || self->registry == NULL || self->n_jobs > 0)
    return;

  family = family_for_record (self, record);
  if (family != NULL)
    {
      start_reissue (self, record, family, renew);
      return;
    }

  /* Ask for the family file. */
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* Translators: %s is a badge family's name */
  title = g_strdup_printf (_("Open the Badge Family “%s”"),
                           rosette_issued_record_get_family_name (record));
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Badge families"));
  gtk_file_filter_add_mime_type (filter, ROSETTE_FAMILY_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "rosette");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_object_set_data_full (G_OBJECT (self->chooser), "rosette-record",
                          g_object_ref (record), g_object_unref);
  g_object_set_data (G_OBJECT (self->chooser), "rosette-renew", GINT_TO_POINTER (renew));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (family_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reissue_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);

  _rosette_registry_page_reissue (self, selected_record (self),
                                  g_strcmp0 (action_name, "registry.renew") == 0);
}

static void
popup_row_menu (RosetteRegistryPage *self,
                double               x,
                double               y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->row_popover == NULL)
    {
      self->row_popover = gtk_popover_menu_new_from_model (self->row_menu);
      gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self->column_view));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
      gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);

  /* From the keyboard: near the top of the list. */
  popup_row_menu (self, 48, 48);
}

static void
list_pressed_cb (RosetteRegistryPage *self,
                 int                  n_press,
                 double               x,
                 double               y,
                 GtkGestureClick     *gesture)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  RosetteIssuedRow *row = NULL;

  /* The row under the pointer: its cells carry it (the pick lands on the
   * label, or on the cell around it). */
  for (; widget != NULL && row == NULL; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      row = g_object_get_data (G_OBJECT (widget), "rosette-row");
      if (row == NULL && child != NULL)
        row = g_object_get_data (G_OBJECT (child), "rosette-row");
      if (widget == GTK_WIDGET (self->column_view))
        break;
    }

  if (row == NULL)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
                                   rosette_issued_row_get_position (row), TRUE);
  popup_row_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
row_activated_cb (RosetteRegistryPage *self,
                  guint                position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "registry.open-file", NULL);
}

void
_rosette_registry_page_init_actions (RosetteRegistryPage *self)
{
  GtkGesture *gesture;

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (list_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (gesture));
}

void
_rosette_registry_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "registry.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "registry.revoke", NULL, revoke_action);
  gtk_widget_class_install_action (widget_class, "registry.resend", NULL, resend_action);
  gtk_widget_class_install_action (widget_class, "registry.reissue", NULL, reissue_action);
  gtk_widget_class_install_action (widget_class, "registry.renew", NULL, reissue_action);
  gtk_widget_class_install_action (widget_class, "registry.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "registry.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "registry.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "registry.revoke", NULL);
}
