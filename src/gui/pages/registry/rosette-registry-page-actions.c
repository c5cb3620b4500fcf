/* rosette-registry-page-actions.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the Registry page does to one issued badge: open its file, send
 * it again (a "resend" row in the registry's delivery outbox), revoke it
 * (the reason from RosetteRevokeDialog, then the signed status list is
 * published again so verifiers see it), and re-issue it (disabled until
 * the core can re-issue a registry row). The actions act on the selected
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.open-file",
                                 files != NULL && files[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.revoke", issued && self->n_jobs == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.resend",
                                 status == ROSETTE_CREDENTIAL_STATUS_VALID && self->n_jobs == 0);
  /* Re-issuing builds a new credential from the family file; the core's
   * batch API has no re-issue of a registry row yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.reissue", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.menu", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.export-csv", self->registry != NULL);
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
      if (rosette_registry_outbox_enqueue (job->registry, job->credential_id,
                                           ROSETTE_OUTBOX_CHANNEL_EMAIL, job->email, TRUE,
                                           now, &error) <= 0)
        break;
      /* Translators: %s is an e-mail address */
      message = g_strdup_printf (_("Queued to send again to %s"), job->email);
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

  /* The row shows its new state where it is: no reload, so the list
   * keeps its place; the reports count it again. */
  if (job->updated != NULL && job->row != NULL)
    {
      rosette_issued_row_set_record (job->row, job->updated);
      _rosette_registry_page_refresh_reports (self);
    }

  _rosette_registry_page_update_actions (self);
}

static void
run_job (RosetteRegistryPage *self,
         JobKind              kind,
         RosetteIssuedRow    *row,
         RosetteIssuedRecord *record,
         const char          *reason)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->registry = g_object_ref (self->registry);
  job->store = self->store != NULL ? g_object_ref (self->store)
                                    : rosette_registry_page_dup_default_store ();
  job->credential_id = g_strdup (rosette_issued_record_get_credential_id (record));
  job->email = g_strdup (rosette_issued_record_get_email (record));
  job->reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  job->row = row != NULL ? g_object_ref (row) : NULL;

  self->n_jobs++;
  _rosette_registry_page_update_actions (self);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
revoke_response_cb (RosetteRegistryPage *self,
                    const char          *response,
                    RosetteRevokeDialog *dialog)
{
  if (g_strcmp0 (response, "revoke") == 0 && self->registry != NULL)
    run_job (self, JOB_REVOKE, g_object_get_data (G_OBJECT (dialog), "rosette-row"),
             rosette_revoke_dialog_get_record (dialog), rosette_revoke_dialog_get_reason (dialog));

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

  if (record != NULL && self->registry != NULL)
    run_job (self, JOB_RESEND, NULL, record, NULL);
}

static void
reissue_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  /* Disabled until the core can re-issue a registry row. */
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
  gtk_widget_class_install_action (widget_class, "registry.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "registry.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "registry.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "registry.revoke", NULL);
}
