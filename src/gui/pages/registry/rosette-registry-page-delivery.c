/* rosette-registry-page-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Delivery on the Registry page: the "Delivery" column (queued,
 * sending, sent, or failed with the reason, from the registry's outbox),
 * Resend through the core's send path (rosette_delivery_send_sync() with
 * only that badge, again), and Publish (the issuer's public files, to
 * the address or folder set in Preferences) with progress and Cancel.
 * Settings are read on the main thread; the keyring, the registry and
 * the network are used in worker threads.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-registry-page-private.h"

static const char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* ---- the Delivery column ---- */

/**
 * _rosette_registry_page_dup_delivery_text:
 * @tooltip: (out) (optional) (transfer full): the reason of a failure
 *
 * Returns: (transfer full): what the Delivery column shows for
 *   @credential_id
 */
char *
_rosette_registry_page_dup_delivery_text (RosetteRegistryPage  *self,
                                          const char           *credential_id,
                                          char                **tooltip)
{
  const RosetteOutboxItem *item = NULL;

  if (self->delivery != NULL && credential_id != NULL)
    item = g_hash_table_lookup (self->delivery, credential_id);
  if (tooltip != NULL)
    *tooltip = item != NULL && item->last_error != NULL ? g_strdup (item->last_error) : NULL;
  if (item == NULL)
    return g_strdup ("");

  switch (item->state)
    {
    case ROSETTE_OUTBOX_STATE_QUEUED:
      return g_strdup (C_("delivery", "Queued"));
    case ROSETTE_OUTBOX_STATE_SENDING:
      return g_strdup (C_("delivery", "Sending"));
    case ROSETTE_OUTBOX_STATE_SENT:
      return g_strdup (C_("delivery", "Sent"));
    case ROSETTE_OUTBOX_STATE_FAILED:
    default:
      /* Translators: %s says why, e.g. the mail server's answer */
      return g_strdup_printf (C_("delivery", "Failed: %s"),
                              item->last_error != NULL ? item->last_error : "");
    }
}

/* Fills in a Delivery cell; @label knows its row. */
void
_rosette_registry_page_update_delivery_cell (RosetteRegistryPage *self,
                                             GtkLabel            *label,
                                             RosetteIssuedRecord *record)
{
  static const char * const classes[] = { "error", "success", "dim-label" };
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  const RosetteOutboxItem *item = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (record == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }
  text = _rosette_registry_page_dup_delivery_text (self,
                                                   rosette_issued_record_get_credential_id (record),
                                                   &tooltip);
  if (self->delivery != NULL)
    item = g_hash_table_lookup (self->delivery, rosette_issued_record_get_credential_id (record));
  if (item != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label),
                              item->state == ROSETTE_OUTBOX_STATE_FAILED ? "error"
                              : item->state == ROSETTE_OUTBOX_STATE_SENT ? "success"
                              : "dim-label");
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
refresh_delivery_cells (RosetteRegistryPage *self)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, self->delivery_labels);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    {
      RosetteIssuedRow *row = g_object_get_data (label, "rosette-row");

      _rosette_registry_page_update_delivery_cell (self, label,
                                                   row != NULL ? rosette_issued_row_get_record (row)
                                                               : NULL);
    }
}

static void
load_delivery_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) items = rosette_registry_outbox_list (task_data, NULL, &error);
  GHashTable *map;

  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                               (GDestroyNotify)rosette_outbox_item_free);
  /* Rows are oldest first: the newest delivery of a badge wins. */
  g_ptr_array_set_free_func (items, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      RosetteOutboxItem *item = g_ptr_array_index (items, i);

      if (item->channel == ROSETTE_OUTBOX_CHANNEL_EMAIL)
        g_hash_table_replace (map, item->credential_id, item);
      else
        rosette_outbox_item_free (item);
    }
  g_task_return_pointer (task, map, (GDestroyNotify)g_hash_table_unref);
}

static void
load_delivery_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);
  g_autoptr(GError) error = NULL;
  GHashTable *map = g_task_propagate_pointer (G_TASK (result), &error);

  self->n_delivery_loads--;
  if (map == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the delivery outbox: %s", error->message);
      return;
    }
  g_clear_pointer (&self->delivery, g_hash_table_unref);
  self->delivery = map;
  refresh_delivery_cells (self);
}

/* Reads the outbox again, in a worker thread. */
void
_rosette_registry_page_reload_delivery (RosetteRegistryPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->registry == NULL)
    return;
  task = g_task_new (self, self->cancellable, load_delivery_done_cb, NULL);
  self->n_delivery_loads++;
  g_task_set_source_tag (task, _rosette_registry_page_reload_delivery);
  g_task_set_task_data (task, g_object_ref (self->registry), g_object_unref);
  g_task_run_in_thread (task, load_delivery_thread);
}

/* ---- Resend ---- */

struct _RosetteDeliveryConfig
{
  char     *strings[7];
  gboolean  hosted_credentials;
};

/* The mail settings, read on the main thread for a worker. */
RosetteDeliveryConfig *
_rosette_delivery_config_new (void)
{
  g_autoptr(RosetteSettings) settings = rosette_settings_new ();
  RosetteDeliveryConfig *config = g_new0 (RosetteDeliveryConfig, 1);

  config->strings[0] = g_strdup (non_empty (rosette_settings_get_smtp_url (settings)));
  config->strings[1] = g_strdup (non_empty (rosette_settings_get_smtp_security (settings)));
  config->strings[2] = g_strdup (non_empty (rosette_settings_get_smtp_user (settings)));
  config->strings[3] = g_strdup (non_empty (rosette_settings_get_smtp_ca_file (settings)));
  config->strings[4] = g_strdup (non_empty (rosette_settings_get_smtp_from (settings)));
  config->strings[5] = g_strdup (non_empty (rosette_settings_get_email_subject (settings)));
  config->strings[6] = g_strdup (non_empty (rosette_settings_get_email_body (settings)));
  config->hosted_credentials = rosette_settings_get_publish_credentials (settings);
  return config;
}

void
_rosette_delivery_config_free (RosetteDeliveryConfig *config)
{
  for (guint i = 0; i < G_N_ELEMENTS (config->strings); i++)
    g_free (config->strings[i]);
  g_free (config);
}

/* Sends @credential_id again through the core's send path (worker
 * thread). Returns the message for the user, or %NULL with @error. */
char *
_rosette_registry_page_resend_sync (RosetteDeliveryConfig  *config,
                                    RosetteRegistry        *registry,
                                    RosetteIssuerStore     *store,
                                    const char             *credential_id,
                                    const char             *email,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autofree char *password = NULL;
  const char * const only[] = { credential_id, NULL };
  RosetteSendOptions options = { 0 };
  RosetteSendSummary summary = { 0 };
  g_autoptr(GError) failure = NULL;

  if (config->strings[0] == NULL)
    {
      if (rosette_registry_outbox_enqueue (registry, credential_id, ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                           email, TRUE, NULL, error) <= 0)
        return NULL;
      return g_strdup (_("Queued; set up Email in Preferences to send it"));
    }
  if (config->strings[2] != NULL)
    {
      password = rosette_password_lookup_sync (ROSETTE_PASSWORD_SMTP, cancellable, error);
      if (password == NULL && error != NULL && *error != NULL)
        return NULL;
    }
  issuer = rosette_issuer_store_load_current (store, cancellable, NULL);

  options.smtp.url = config->strings[0];
  options.smtp.security = config->strings[1];
  options.smtp.user = config->strings[2];
  options.smtp.password = password;
  options.smtp.ca_file = config->strings[3];
  options.from = config->strings[4];
  options.subject_template = config->strings[5];
  options.body_template = config->strings[6];
  options.issuer = issuer;
  options.rate_per_minute = 0;
  options.only = only;
  options.resend = TRUE;
  options.hosted_credentials = config->hosted_credentials;
  if (!rosette_delivery_send_sync (registry, &options, &summary, cancellable, &failure))
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return NULL;
    }
  if (summary.sent == 1)
    /* Translators: %s is an e-mail address */
    return g_strdup_printf (_("Sent again to %s"), email);
  {
    g_autoptr(GPtrArray) items = rosette_registry_outbox_list (registry, credential_id, NULL);
    const char *reason = NULL;

    for (guint i = 0; items != NULL && i < items->len; i++)
      reason = ((RosetteOutboxItem *)g_ptr_array_index (items, i))->last_error;
    /* Translators: %s says why */
    return g_strdup_printf (_("Not sent: %s"), reason != NULL ? reason : _("unknown reason"));
  }
}

/* ---- Publish ---- */

typedef struct
{
  RosetteRegistryPage  *self;
  RosetteRegistry      *registry;
  RosetteIssuerStore   *store;
  RosettePublishTarget  target;
  char                 *strings[3];
  gboolean              needs_password;
  gboolean              credentials;
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->registry);
  g_clear_object (&job->store);
  for (guint i = 0; i < G_N_ELEMENTS (job->strings); i++)
    g_free (job->strings[i]);
  g_free (job);
}

typedef struct
{
  RosetteRegistryPage *self;
  guint                done;
  guint                total;
} PublishStep;

static gboolean
publish_step_cb (gpointer data)
{
  PublishStep *step = data;
  RosetteRegistryPage *self = step->self;

  if (self->publishing)
    {
      g_autofree char *text = g_strdup_printf (_("Publishing %u of %u files…"), step->done,
                                               step->total);

      gtk_progress_bar_set_fraction (self->publish_progress,
                                     step->total > 0 ? (double)step->done / step->total : 0.);
      gtk_label_set_text (self->publish_label, text);
    }
  g_object_unref (step->self);
  g_free (step);
  return G_SOURCE_REMOVE;
}

/* Called in the worker after each file. */
static void
publish_progress (guint       done,
                  guint       total,
                  const char *path,
                  gpointer    user_data)
{
  PublishJob *job = user_data;
  PublishStep *step = g_new0 (PublishStep, 1);

  step->self = g_object_ref (job->self);
  step->done = done;
  step->total = total;
  g_main_context_invoke (NULL, publish_step_cb, step);
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishJob *job = task_data;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GHashTable) tree = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *password = NULL;
  GError *error = NULL;

  issuer = rosette_issuer_store_load_current (job->store, cancellable, &error);
  if (issuer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->needs_password)
    {
      password = rosette_password_lookup_sync (ROSETTE_PASSWORD_PUBLISH, cancellable, &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->target.password = non_empty (password);
    }
  tree = rosette_publish_build_tree (job->registry, issuer, NULL, &error);
  if (tree != NULL && job->credentials &&
      !rosette_publish_add_credentials (tree, job->registry, issuer, &error))
    g_clear_pointer (&tree, g_hash_table_unref);
  if (tree == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  changed = rosette_publish_sync (tree, &job->target, FALSE, cancellable, &error);
  job->target.password = NULL;
  if (changed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Translators: the first %u is the files sent, the second all files */
  g_task_return_pointer (task,
                         g_strdup_printf (_("Published %u changed files of %u"), changed->len,
                                          g_hash_table_size (tree)),
                         g_free);
}

static void
set_publishing (RosetteRegistryPage *self,
                gboolean             publishing)
{
  self->publishing = publishing;
  gtk_revealer_set_reveal_child (self->publish_revealer, publishing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.publish", !publishing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.cancel-publish", publishing);
}

static void
publish_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->publish_cancellable);
  if (self->delivery_labels == NULL)
    return;  /* the page is gone */
  set_publishing (self, FALSE);
  if (message == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Publishing cancelled; what was sent is complete, the rest is "
                          "sent next time"));
  _rosette_registry_page_toast (self, message != NULL ? message : error->message);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);
  g_autoptr(RosetteSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  PublishJob *job;

  if (self->publishing || self->registry == NULL)
    return;

  settings = rosette_settings_new ();
  job = g_new0 (PublishJob, 1);
  job->target.url = job->strings[0] = g_strdup (non_empty (rosette_settings_get_publish_url (settings)));
  if (job->target.url == NULL)
    job->target.dir = job->strings[1] =
      g_strdup (non_empty (rosette_settings_get_publish_dir (settings)));
  job->target.user = job->strings[2] =
    g_strdup (non_empty (rosette_settings_get_publish_user (settings)));
  if (job->target.url == NULL && job->target.dir == NULL)
    {
      publish_job_free (job);
      _rosette_registry_page_toast (self, _("Set a publish address or folder in Preferences "
                                            "first"));
      return;
    }
  job->needs_password = job->target.url != NULL;
  job->credentials = rosette_settings_get_publish_credentials (settings);
  job->target.progress = publish_progress;
  job->target.progress_data = job;
  job->self = g_object_ref (self);
  job->registry = g_object_ref (self->registry);
  job->store = self->store != NULL ? g_object_ref (self->store)
                                   : rosette_registry_page_dup_default_store ();

  self->publish_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->publish_progress, 0.);
  gtk_label_set_text (self->publish_label, _("Preparing the public files…"));
  set_publishing (self, TRUE);

  task = g_task_new (self, self->publish_cancellable, publish_done_cb, NULL);
  /* A run that finished before Cancel reached it says what it did. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, publish_action);
  g_task_set_task_data (task, job, (GDestroyNotify)publish_job_free);
  g_task_run_in_thread (task, publish_thread);
}

static void
cancel_publish_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);

  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
}

gboolean
_rosette_registry_page_get_publishing (RosetteRegistryPage *self)
{
  return self->publishing;
}

gboolean
_rosette_registry_page_get_delivery_loading (RosetteRegistryPage *self)
{
  return self->n_delivery_loads > 0;
}

void
_rosette_registry_page_class_delivery_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, publish_revealer);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, publish_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, publish_progress);
  gtk_widget_class_install_action (widget_class, "registry.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "registry.cancel-publish", NULL,
                                   cancel_publish_action);
}

void
_rosette_registry_page_init_delivery (RosetteRegistryPage *self)
{
  self->delivery_labels = g_hash_table_new (NULL, NULL);
  set_publishing (self, FALSE);
}

void
_rosette_registry_page_dispose_delivery (RosetteRegistryPage *self)
{
  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
  g_clear_object (&self->publish_cancellable);
  g_clear_pointer (&self->delivery, g_hash_table_unref);
  g_clear_pointer (&self->delivery_labels, g_hash_table_unref);
}
