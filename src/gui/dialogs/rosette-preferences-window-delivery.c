/* rosette-preferences-window-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "Email" and "Publishing" pages of Preferences. The rows are bound
 * to RosetteSettings (which alone talks to GSettings); the passwords go
 * to the keyring when the row's apply button is pressed, never to the
 * settings. "Send Test Mail to Myself" and "Test Connection" run in a
 * worker thread with a spinner, and leave their verdict in the row's
 * subtitle (and a toast).
 */

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>

#include "rosette-preferences-window-private.h"

typedef enum
{
  SECURITY_STARTTLS,
  SECURITY_TLS,
  SECURITY_NONE,
} SecurityChoice;

static const char * const security_names[] = { "starttls", "tls", "none" };
static const guint default_ports[] = { 587, 465, 25 };

static const char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* ---- the mail server rows <-> smtp.url and smtp.security ---- */

static SecurityChoice
security_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (security_names); i++)
    if (g_strcmp0 (name, security_names[i]) == 0)
      return i;
  return SECURITY_STARTTLS;
}

/* Shows smtp.url and smtp.security in the host, port and encryption rows. */
static void
load_smtp (RosettePreferencesWindow *self)
{
  const char *url = rosette_settings_get_smtp_url (self->settings);
  SecurityChoice security = security_from_name (rosette_settings_get_smtp_security (self->settings));
  g_autofree char *host = NULL;
  gint port = -1;

  if (non_empty (url) != NULL)
    g_uri_split_network (url, G_URI_FLAGS_NONE, NULL, &host, &port, NULL);
  if (url != NULL && g_str_has_prefix (url, "smtps://"))
    security = SECURITY_TLS;

  self->syncing_smtp = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->smtp_host_row), host != NULL ? host : "");
  adw_combo_row_set_selected (self->smtp_security_row, security);
  gtk_spin_button_set_value (self->smtp_port_spin, port > 0 ? port : (gint)default_ports[security]);
  self->syncing_smtp = FALSE;
}

/* The rows as smtp.url: smtps:// for TLS, smtp:// otherwise. */
static char *
dup_form_smtp_url (RosettePreferencesWindow *self)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->smtp_host_row))));
  SecurityChoice security = adw_combo_row_get_selected (self->smtp_security_row);
  g_autofree char *bracketed = NULL;
  const char *host = trimmed;

  if (*host == '\0')
    return g_strdup ("");
  if (strchr (host, ':') != NULL)
    host = bracketed = g_strdup_printf ("[%s]", host);
  return g_strdup_printf ("%s://%s:%d", security == SECURITY_TLS ? "smtps" : "smtp", host,
                          gtk_spin_button_get_value_as_int (self->smtp_port_spin));
}

static void
smtp_changed_cb (RosettePreferencesWindow *self)
{
  g_autofree char *url = NULL;
  SecurityChoice security;

  if (self->syncing_smtp)
    return;
  security = adw_combo_row_get_selected (self->smtp_security_row);
  url = dup_form_smtp_url (self);
  g_object_set (self->settings,
                "smtp-url", url,
                "smtp-security", security_names[security],
                NULL);
}

/* A port that was the usual one of the old encryption follows the new. */
static void
security_changed_cb (RosettePreferencesWindow *self)
{
  SecurityChoice security = adw_combo_row_get_selected (self->smtp_security_row);
  guint port = (guint)gtk_spin_button_get_value_as_int (self->smtp_port_spin);

  if (self->syncing_smtp)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (default_ports); i++)
    if (port == default_ports[i])
      {
        self->syncing_smtp = TRUE;
        gtk_spin_button_set_value (self->smtp_port_spin, default_ports[security]);
        self->syncing_smtp = FALSE;
        break;
      }
  smtp_changed_cb (self);
}

static void
mark_row (GtkWidget *row,
          gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
publish_url_changed_cb (RosettePreferencesWindow *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->publish_url_row));

  mark_row (GTK_WIDGET (self->publish_url_row),
            *url != '\0' && !g_str_has_prefix (url, "https://") &&
            !g_str_has_prefix (url, "http://"));
}

static void
publish_dir_changed_cb (RosettePreferencesWindow *self)
{
  const char *dir = rosette_settings_get_publish_dir (self->settings);

  adw_action_row_set_subtitle (self->publish_dir_row,
                               non_empty (dir) != NULL ? dir : _("None"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.clear-folder",
                                 non_empty (dir) != NULL);
}

/* ---- passwords ---- */

typedef struct
{
  char *key;
  char *password;
} PasswordSave;

static void
password_save_free (PasswordSave *save)
{
  g_free (save->key);
  if (save->password != NULL)
    memset (save->password, 0, strlen (save->password));
  g_free (save->password);
  g_free (save);
}

static void
store_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  PasswordSave *save = task_data;
  GError *error = NULL;

  if (rosette_password_store_sync (save->key, save->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
store_password_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(RosettePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending_saves--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (error->message));
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Password saved in the keyring")));
}

static void
store_password (RosettePreferencesWindow *self,
                const char               *key,
                AdwPasswordEntryRow      *row)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, store_password_done_cb,
                                      g_object_ref (self));
  PasswordSave *save = g_new0 (PasswordSave, 1);

  save->key = g_strdup (key);
  save->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  self->pending_saves++;
  g_task_set_source_tag (task, store_password);
  g_task_set_task_data (task, save, (GDestroyNotify)password_save_free);
  g_task_run_in_thread (task, store_password_thread);
}

static void
smtp_password_apply_cb (RosettePreferencesWindow *self)
{
  store_password (self, ROSETTE_PASSWORD_SMTP, self->smtp_password_row);
}

static void
publish_password_apply_cb (RosettePreferencesWindow *self)
{
  store_password (self, ROSETTE_PASSWORD_PUBLISH, self->publish_password_row);
}

/* The password typed in @row, or the keyring's (run in the worker). */
static char *
resolve_password (const char  *typed,
                  const char  *key,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  if (typed != NULL)
    return g_strdup (typed);
  password = rosette_password_lookup_sync (key, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return password != NULL ? password : g_strdup ("");
}

/* ---- showing a test's verdict ---- */

static void
show_result (AdwActionRow *row,
             GtkSpinner   *spinner,
             const char   *text,
             gboolean      ok)
{
  GtkWidget *widget = GTK_WIDGET (row);

  gtk_spinner_set_spinning (spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (spinner), FALSE);
  adw_action_row_set_subtitle (row, text);
  gtk_widget_remove_css_class (widget, ok ? "error" : "success");
  gtk_widget_add_css_class (widget, ok ? "success" : "error");
}

static void
show_busy (AdwActionRow *row,
           GtkSpinner   *spinner,
           const char   *text)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "success");
  adw_action_row_set_subtitle (row, text);
  gtk_widget_set_visible (GTK_WIDGET (spinner), TRUE);
  gtk_spinner_set_spinning (spinner, TRUE);
}

/* ---- "Send Test Mail to Myself" ---- */

typedef struct
{
  char              *strings[9];
  RosetteSmtpConfig  smtp;
  char              *from;
  char              *subject;
  char              *body;
  char              *organization;
  char              *typed_password;
} EmailTest;

static void
email_test_free (EmailTest *test)
{
  for (guint i = 0; i < G_N_ELEMENTS (test->strings); i++)
    g_free (test->strings[i]);
  g_free (test);
}

/* A small badge-coloured disc, standing in for the baked badge. */
static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
sample_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_arc (cr, 32, 32, 28, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.80, 0.60, 0.15);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png_cb, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static void
email_test_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EmailTest *test = task_data;
  g_autofree char *password = NULL;
  g_autofree char *address = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) message = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 1);
  RosetteMailParams params = { 0 };
  GError *error = NULL;

  if (test->from == NULL || strchr (test->from, '@') == NULL)
    {
      g_task_return_new_error (task, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_CONFIG, "%s",
                               _("Fill in the From address first: the test mail goes there"));
      return;
    }
  if (test->smtp.user != NULL)
    {
      password = resolve_password (test->typed_password, ROSETTE_PASSWORD_SMTP, &error);
      if (password == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  test->smtp.password = password;
  address = rosette_mail_address_of (test->from);
  message_id = g_strdup_printf ("rosette.test.%s@%s", uuid, strchr (address, '@') + 1);
  png = sample_png ();

  params.from = test->from;
  params.to = address;
  params.to_name = _("Test Recipient");
  params.subject_template = test->subject;
  params.body_template = test->body;
  params.badge = _("Example Badge");
  params.tier = _("Gold");
  params.organization = test->organization;
  params.criteria_url = "https://example.org/criteria/example-badge.html";
  params.credential_id = "urn:uuid:00000000-0000-4000-8000-000000000000";
  params.issued_at = now;
  params.valid_until = later;
  params.png = png;
  params.png_name = "example-badge.png";
  params.message_id = message_id;
  message = rosette_mail_build (&params);

  if (!rosette_smtp_send_sync (&test->smtp, address, address, message, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&address), g_free);
}

static void
email_test_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RosettePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->email_testing = FALSE;
  self->email_ok = address != NULL;
  g_free (self->email_result);
  if (address != NULL)
    self->email_result = g_strdup_printf (_("Test mail sent to %s"), address);
  else
    self->email_result = g_strdup (error->message);
  show_result (self->email_test_row, self->email_test_spinner, self->email_result,
               self->email_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "email.test", TRUE);
}

static void
email_test_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  EmailTest *test;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->smtp_password_row));
  RosetteSettings *settings = self->settings;

  if (self->email_testing)
    return;
  test = g_new0 (EmailTest, 1);
  test->smtp.url = test->strings[0] = g_strdup (rosette_settings_get_smtp_url (settings));
  test->smtp.security = test->strings[1] = g_strdup (rosette_settings_get_smtp_security (settings));
  test->smtp.user = test->strings[2] = g_strdup (non_empty (rosette_settings_get_smtp_user (settings)));
  test->smtp.ca_file = test->strings[3] = g_strdup (non_empty (rosette_settings_get_smtp_ca_file (settings)));
  test->smtp.timeout_seconds = 30;
  test->from = test->strings[4] = g_strdup (non_empty (rosette_settings_get_smtp_from (settings)));
  test->subject = test->strings[5] = g_strdup (non_empty (rosette_settings_get_email_subject (settings)));
  test->body = test->strings[6] = g_strdup (non_empty (rosette_settings_get_email_body (settings)));
  test->typed_password = test->strings[7] = g_strdup (non_empty (typed));
  if (test->subject == NULL)
    test->subject = test->strings[5] = g_strdup (_("Your badge: {badge} – {tier}"));
  if (test->body == NULL)
    test->body = test->strings[6] = g_strdup (_("Hello {name},\n\nthis is a test of the badge "
                                                "mail: {badge} ({tier}).\n\n{criteria_url}\n"
                                                "Valid until: {expires}"));
  if (self->issuer != NULL)
    test->organization = test->strings[8] = g_strdup (rosette_issuer_get_name (self->issuer));

  self->email_testing = TRUE;
  gtk_widget_action_set_enabled (widget, "email.test", FALSE);
  show_busy (self->email_test_row, self->email_test_spinner, _("Sending…"));

  task = g_task_new (NULL, self->cancellable, email_test_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, email_test_action);
  g_task_set_task_data (task, test, (GDestroyNotify)email_test_free);
  g_task_run_in_thread (task, email_test_thread);
}

/* ---- "Test Connection" ---- */

typedef struct
{
  RosettePublishTarget  target;
  char                 *strings[4];
  char                 *typed_password;
} PublishTest;

static void
publish_test_free (PublishTest *test)
{
  for (guint i = 0; i < G_N_ELEMENTS (test->strings); i++)
    g_free (test->strings[i]);
  g_free (test->typed_password);
  g_free (test);
}

static void
publish_test_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  PublishTest *test = task_data;
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (test->target.url != NULL)
    {
      password = resolve_password (test->typed_password, ROSETTE_PASSWORD_PUBLISH, &error);
      if (password == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      test->target.password = non_empty (password);
    }
  if (rosette_publish_check_sync (&test->target, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
publish_test_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RosettePreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  PublishTest *test = g_task_get_task_data (G_TASK (result));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->publish_testing = FALSE;
  self->publish_ok = ok;
  g_free (self->publish_result);
  if (ok && test->target.url != NULL)
    self->publish_result = g_strdup_printf (_("Connected: %s takes files"), test->target.url);
  else if (ok)
    self->publish_result = g_strdup_printf (_("The folder %s takes files"), test->target.dir);
  else
    self->publish_result = g_strdup (error->message);
  show_result (self->publish_test_row, self->publish_test_spinner, self->publish_result, ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.test", TRUE);
}

static void
publish_test_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (widget);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->publish_password_row));
  g_autoptr(GTask) task = NULL;
  PublishTest *test;

  if (self->publish_testing)
    return;
  test = g_new0 (PublishTest, 1);
  test->target.url = test->strings[0] =
    g_strdup (non_empty (rosette_settings_get_publish_url (self->settings)));
  if (test->target.url == NULL)
    test->target.dir = test->strings[1] =
      g_strdup (non_empty (rosette_settings_get_publish_dir (self->settings)));
  test->target.user = test->strings[2] =
    g_strdup (non_empty (rosette_settings_get_publish_user (self->settings)));
  test->target.timeout_seconds = 30;
  test->typed_password = g_strdup (non_empty (typed));
  if (test->target.url == NULL && test->target.dir == NULL)
    {
      publish_test_free (test);
      g_free (self->publish_result);
      self->publish_result = g_strdup (_("Fill in an address or choose a folder first"));
      self->publish_ok = FALSE;
      show_result (self->publish_test_row, self->publish_test_spinner, self->publish_result,
                   FALSE);
      return;
    }

  self->publish_testing = TRUE;
  gtk_widget_action_set_enabled (widget, "publish.test", FALSE);
  show_busy (self->publish_test_row, self->publish_test_spinner, _("Testing…"));

  task = g_task_new (NULL, self->cancellable, publish_test_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, publish_test_action);
  g_task_set_task_data (task, test, (GDestroyNotify)publish_test_free);
  g_task_run_in_thread (task, publish_test_thread);
}

/* ---- the folder ---- */

static void
folder_chosen_cb (RosettePreferencesWindow *self,
                  int                       response,
                  GtkFileChooserNative     *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_object_set (self->settings, "publish-dir", path, NULL);
    }
  g_clear_object (&self->folder_chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (widget);

  if (self->folder_chooser != NULL)
    return;
  self->folder_chooser = gtk_file_chooser_native_new (_("Publish to Folder"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                      _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->folder_chooser), TRUE);
  g_signal_connect_swapped (self->folder_chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
}

static void
clear_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (widget);

  g_object_set (self->settings, "publish-dir", "", NULL);
}

/* ---- set-up ---- */

void
_rosette_preferences_window_delivery_class_init (RosettePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, smtp_host_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, smtp_port_spin);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, smtp_security_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, smtp_user_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, smtp_password_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, smtp_from_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, body_view);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, email_test_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, email_test_spinner);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, publish_url_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, publish_user_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, publish_password_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, publish_dir_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow,
                                        publish_credentials_switch);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, publish_test_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, publish_test_spinner);

  gtk_widget_class_install_action (widget_class, "email.test", NULL, email_test_action);
  gtk_widget_class_install_action (widget_class, "publish.test", NULL, publish_test_action);
  gtk_widget_class_install_action (widget_class, "publish.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "publish.clear-folder", NULL,
                                   clear_folder_action);
}

static void
bind_text (RosettePreferencesWindow *self,
           const char               *property,
           gpointer                  target)
{
  g_object_bind_property (self->settings, property, target, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

void
_rosette_preferences_window_delivery_init (RosettePreferencesWindow *self)
{
  self->settings = rosette_settings_new ();

  load_smtp (self);
  g_signal_connect_swapped (self->smtp_host_row, "changed", G_CALLBACK (smtp_changed_cb), self);
  g_signal_connect_swapped (self->smtp_port_spin, "value-changed",
                            G_CALLBACK (smtp_changed_cb), self);
  g_signal_connect_swapped (self->smtp_security_row, "notify::selected",
                            G_CALLBACK (security_changed_cb), self);
  bind_text (self, "smtp-user", self->smtp_user_row);
  bind_text (self, "smtp-from", self->smtp_from_row);
  bind_text (self, "email-subject", self->subject_row);
  bind_text (self, "email-body", gtk_text_view_get_buffer (self->body_view));
  g_signal_connect_swapped (self->smtp_password_row, "apply",
                            G_CALLBACK (smtp_password_apply_cb), self);

  bind_text (self, "publish-url", self->publish_url_row);
  bind_text (self, "publish-user", self->publish_user_row);
  g_object_bind_property (self->settings, "publish-credentials",
                          self->publish_credentials_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->publish_url_row, "changed",
                            G_CALLBACK (publish_url_changed_cb), self);
  g_signal_connect_swapped (self->publish_password_row, "apply",
                            G_CALLBACK (publish_password_apply_cb), self);
  g_signal_connect_swapped (self->settings, "notify::publish-dir",
                            G_CALLBACK (publish_dir_changed_cb), self);
  publish_dir_changed_cb (self);
}

void
_rosette_preferences_window_delivery_dispose (RosettePreferencesWindow *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->folder_chooser));
  g_clear_object (&self->folder_chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->email_result, g_free);
  g_clear_pointer (&self->publish_result, g_free);
}

/**
 * rosette_preferences_window_get_delivery_widget:
 * @name: "smtp-host", "smtp-port", "smtp-security", "smtp-user",
 *   "smtp-password", "smtp-from", "subject", "body", "publish-url",
 *   "publish-user", "publish-password", "publish-dir", "publish-credentials"
 *
 * Returns: (transfer none) (nullable): that widget, for tests
 */
GtkWidget *
rosette_preferences_window_get_delivery_widget (RosettePreferencesWindow *self,
                                                const char               *name)
{
  const struct { const char *name; gpointer widget; } widgets[] = {
    { "smtp-host", self->smtp_host_row },
    { "smtp-port", self->smtp_port_spin },
    { "smtp-security", self->smtp_security_row },
    { "smtp-user", self->smtp_user_row },
    { "smtp-password", self->smtp_password_row },
    { "smtp-from", self->smtp_from_row },
    { "subject", self->subject_row },
    { "body", self->body_view },
    { "publish-url", self->publish_url_row },
    { "publish-user", self->publish_user_row },
    { "publish-password", self->publish_password_row },
    { "publish-dir", self->publish_dir_row },
    { "publish-credentials", self->publish_credentials_switch },
  };

  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (name, widgets[i].name))
      return widgets[i].widget;
  return NULL;
}

/**
 * rosette_preferences_window_get_test_result:
 * @which: "email" or "publish"
 * @busy: (out) (optional): whether that test is running
 * @ok: (out) (optional): whether it passed
 *
 * Returns: (nullable): the verdict of the last test shown, %NULL before one
 */
const char *
rosette_preferences_window_get_test_result (RosettePreferencesWindow *self,
                                            const char               *which,
                                            gboolean                 *busy,
                                            gboolean                 *ok)
{
  gboolean email = g_strcmp0 (which, "email") == 0;

  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), NULL);

  if (busy != NULL)
    *busy = email ? self->email_testing : self->publish_testing;
  if (ok != NULL)
    *ok = email ? self->email_ok : self->publish_ok;
  return email ? self->email_result : self->publish_result;
}

/**
 * rosette_preferences_window_get_pending_saves:
 *
 * Returns: how many passwords are being written to the keyring
 */
guint
rosette_preferences_window_get_pending_saves (RosettePreferencesWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), 0);

  return self->pending_saves;
}
