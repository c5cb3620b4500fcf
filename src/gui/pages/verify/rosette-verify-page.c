/* rosette-verify-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Verify page: a badge file in (Open, drag and drop, or "Open With"
 * through the application), the core's report out. Everything it shows
 * comes from RosetteVerifyReport; the page parses nothing itself. Each
 * run uses a fresh RosetteVerifier, since the verifier works in a thread
 * and the options may change while it does; changing an option re-runs
 * the check on the same file and keeps the last result on screen.
 * The app's registry (the Registry page's file, never created here) is
 * opened before the first run that finds it, so the verifier answers for the
 * user's own badges when their issuer's site cannot be reached.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-registry-page.h"
#include "rosette-verify-page-private.h"

/* A PEM or JWK public key is a few kilobytes at most. */
#define MAX_KEY_FILE_SIZE (64 * 1024)


enum {
  PROP_0,
  PROP_FILE,
  PROP_REPORT,
  PROP_BUSY,
  PROP_RECIPIENT,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteVerifyPage, rosette_verify_page, ADW_TYPE_BIN)

static void rosette_verify_page_run (RosetteVerifyPage *self);

static void
rosette_verify_page_toast (RosetteVerifyPage *self,
                           const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
rosette_verify_page_set_busy (RosetteVerifyPage *self,
                              gboolean           busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->rerun_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->rerun_spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


static void
rosette_verify_page_show_report (RosetteVerifyPage   *self,
                                 RosetteVerifyReport *report)
{
  gboolean first = self->report == NULL;

  g_set_object (&self->report, report);

  _rosette_verify_page_show_report_content (self);

  gtk_stack_set_visible_child_name (self->stack, "result");
  /* The verdict of a new file takes the focus, so a screen reader reads it
   * out; checking again leaves the focus where the person is typing. */
  if (first)
    gtk_widget_grab_focus (self->banner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
rosette_verify_page_show_error (RosetteVerifyPage *self,
                                const GError      *error)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_clear_object (&self->report);

  /* The status page's description is markup; the message is not. */
  /* Translators: a file name, then why it could not be read */
  description = g_strdup_printf (_("%s\n\n%s"), basename, error->message);
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RosetteVerifyPage) self = user_data;
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = rosette_verifier_verify_file_finish (ROSETTE_VERIFIER (object), result, &error);

  /* A newer run (or the page going away) superseded this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  rosette_verify_page_set_busy (self, FALSE);

  if (report == NULL)
    rosette_verify_page_show_error (self, error);
  else
    rosette_verify_page_show_report (self, report);
}

static void
registry_open_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RosetteVerifyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) registry = rosette_registry_page_open_registry_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without it, badges are verified all the same. */
  if (registry == NULL)
    {
      g_debug ("The registry cannot be opened for verifying: %s", error->message);
      self->registry_failed = TRUE;
    }
  g_set_object (&self->registry, registry);
  g_clear_object (&self->registry_cancellable);
  rosette_verify_page_run (self);
}

/* TRUE while the registry is being opened (its callback runs the check);
 * a registry that cannot be opened is tried again on the next run. */
static gboolean
rosette_verify_page_open_registry (RosetteVerifyPage *self)
{
  g_autofree char *path = NULL;

  if (self->registry_cancellable != NULL)
    return TRUE;
  if (self->registry != NULL)
    return FALSE;
  if (self->registry_failed)
    {
      self->registry_failed = FALSE;
      return FALSE;
    }
  /* Looked for on every run: the first badge issued creates it. */
  path = rosette_registry_page_dup_registry_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  self->registry_cancellable = g_cancellable_new ();
  rosette_registry_page_open_registry_async (path, self->registry_cancellable, registry_open_cb,
                                             g_object_ref (self));
  return TRUE;
}

static void
rosette_verify_page_run (RosetteVerifyPage *self)
{
  g_autoptr(RosetteVerifier) verifier = NULL;

  if (self->file == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* A first look shows a spinner; a second one keeps the last result. */
  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->stack, "busy");
  rosette_verify_page_set_busy (self, TRUE);
  if (rosette_verify_page_open_registry (self))
    return;

  verifier = rosette_verifier_new ();
  rosette_verifier_set_recipient (verifier, self->recipient);
  rosette_verifier_set_offline (verifier, self->offline);
  rosette_verifier_set_registry (verifier, self->registry);
  if (self->trusted_key != NULL &&
      !rosette_verifier_load_trusted_key (verifier, self->trusted_key, NULL))
    g_warn_if_reached ();

  rosette_verifier_verify_file_async (verifier, self->file, self->cancellable,
                                      verify_cb, g_object_ref (self));
}

static void
open_response_cb (RosetteVerifyPage    *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rosette_verify_page_verify_file (self, file);
    }

  g_object_unref (chooser);
}

static void
key_response_cb (RosetteVerifyPage    *self,
                 int                   response,
                 GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !rosette_verify_page_set_trusted_key (self, file, &error))
        rosette_verify_page_toast (self, error->message);
    }

  g_object_unref (chooser);
}

/* A file chooser over the page's window; @patterns are suffixes. */
static void
rosette_verify_page_choose (RosetteVerifyPage  *self,
                            const char         *title,
                            const char         *filter_name,
                            const char * const *mime_types,
                            const char * const *suffixes,
                            GCallback           response_cb)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  chooser = gtk_file_chooser_native_new (title,
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_clicked_cb (RosetteVerifyPage *self)
{
  static const char * const mime_types[] = {
    "image/png", "image/svg+xml", "application/json", "application/jwt", NULL
  };
  static const char * const suffixes[] = { "png", "svg", "json", "jwt", "jws", NULL };

  rosette_verify_page_choose (self, _("Open a Badge"), _("Badges"), mime_types, suffixes,
                              G_CALLBACK (open_response_cb));
}

static void
key_clicked_cb (RosetteVerifyPage *self)
{
  static const char * const suffixes[] = { "pem", "jwk", "json", NULL };

  rosette_verify_page_choose (self, _("Trust the Issuer’s Public Key"),
                              _("Public Keys (PEM, JWK)"), NULL, suffixes,
                              G_CALLBACK (key_response_cb));
}

static void
update_key_row (RosetteVerifyPage *self)
{
  g_autofree char *subtitle = NULL;

  if (self->trusted_key_name != NULL)
    /* Translators: %s is a key file's name */
    subtitle = g_strdup_printf (_("Trusting the key in %s"), self->trusted_key_name);
  else
    subtitle = g_strdup (_("To check a badge offline, give the issuer’s public key "
                           "(PEM or JWK)"));

  adw_action_row_set_subtitle (self->key_row, subtitle);
  gtk_widget_set_visible (self->key_clear_button, self->trusted_key != NULL);
}

static void
key_clear_clicked_cb (RosetteVerifyPage *self)
{
  g_clear_pointer (&self->trusted_key, g_bytes_unref);
  g_clear_pointer (&self->trusted_key_name, g_free);
  update_key_row (self);
  rosette_verify_page_run (self);
}

static void
email_apply_cb (RosetteVerifyPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  g_autofree char *email = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (*email != '\0' && !rosette_email_check (email, &error))
    {
      gtk_label_set_label (self->email_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->email_message), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->email_message), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  rosette_verify_page_set_recipient (self, *email != '\0' ? email : NULL);
}

static void
offline_changed_cb (RosetteVerifyPage *self)
{
  rosette_verify_page_set_offline (self, gtk_switch_get_active (self->offline_switch));
}

static void
copy_clicked_cb (RosetteVerifyPage *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (self->report == NULL)
    return;

  node = rosette_verify_report_to_json (self->report);
  json = json_to_string (node, TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), json);
  rosette_verify_page_toast (self, _("Report copied as JSON"));
}

static gboolean
drop_cb (RosetteVerifyPage *self,
         const GValue      *value,
         double             x,
         double             y,
         GtkDropTarget     *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* One badge at a time: the first file dropped is the one checked. */
  files = g_value_get_boxed (value);
  if (files == NULL || !G_IS_FILE (files->data))
    return FALSE;

  rosette_verify_page_verify_file (self, files->data);
  return TRUE;
}

static void
rosette_verify_page_dispose (GObject *object)
{
  RosetteVerifyPage *self = ROSETTE_VERIFY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->registry_cancellable);
  g_clear_object (&self->registry_cancellable);
  g_clear_object (&self->registry);
  g_clear_object (&self->file);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (rosette_verify_page_parent_class)->dispose (object);
}

static void
rosette_verify_page_finalize (GObject *object)
{
  RosetteVerifyPage *self = ROSETTE_VERIFY_PAGE (object);

  g_clear_pointer (&self->recipient, g_free);
  g_clear_pointer (&self->trusted_key, g_bytes_unref);
  g_clear_pointer (&self->trusted_key_name, g_free);

  G_OBJECT_CLASS (rosette_verify_page_parent_class)->finalize (object);
}

static void
rosette_verify_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RosetteVerifyPage *self = ROSETTE_VERIFY_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;

    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verify_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RosetteVerifyPage *self = ROSETTE_VERIFY_PAGE (object);

  switch (prop_id)
    {
    case PROP_RECIPIENT:
      rosette_verify_page_set_recipient (self, g_value_get_string (value));
      break;

    case PROP_OFFLINE:
      rosette_verify_page_set_offline (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verify_page_class_init (RosetteVerifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_verify_page_dispose;
  object_class->finalize = rosette_verify_page_finalize;
  object_class->get_property = rosette_verify_page_get_property;
  object_class->set_property = rosette_verify_page_set_property;

  /**
   * RosetteVerifyPage:file:
   *
   * The badge file being checked, or %NULL.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteVerifyPage:report:
   *
   * The report shown, or %NULL.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, ROSETTE_TYPE_VERIFY_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteVerifyPage:busy:
   *
   * Whether a check is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteVerifyPage:recipient:
   *
   * The email address the badge is checked against ("Is this badge
   * mine?"), or %NULL.
   */
  properties[PROP_RECIPIENT] =
    g_param_spec_string ("recipient", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteVerifyPage:offline:
   *
   * Whether nothing is fetched while checking.
   */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "verifypage");

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rosette/Rosette/"
                                               "pages/verify/rosette-verify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, result_scroller);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, banner);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, rerun_spinner);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, badge_box);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, picture);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, achievement_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, tier_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, endorsements_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, endorsements_list);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, issued_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, expires_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, options_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, email_message);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, offline_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, key_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, details_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteVerifyPage, details_box);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, offline_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_clear_clicked_cb);
}

static void
rosette_verify_page_init (RosetteVerifyPage *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Badge files dropped anywhere on the page are checked. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  update_key_row (self);
}

GtkWidget *
rosette_verify_page_new (void)
{
  return g_object_new (ROSETTE_TYPE_VERIFY_PAGE, NULL);
}

/**
 * rosette_verify_page_verify_file:
 * @self: a #RosetteVerifyPage
 * @file: a badge file (PNG, SVG, JSON, JWT)
 *
 * Checks @file in the background and shows the report.
 */
void
rosette_verify_page_verify_file (RosetteVerifyPage *self,
                                 GFile             *file)
{
  g_return_if_fail (ROSETTE_IS_VERIFY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Another file: the last one's result must not show beside it. */
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_clear_object (&self->report);
      gtk_image_clear (self->picture);
      gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
    }

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  rosette_verify_page_run (self);
}

/**
 * rosette_verify_page_get_file:
 * @self: a #RosetteVerifyPage
 *
 * Returns: (transfer none) (nullable): the file being checked
 */
GFile *
rosette_verify_page_get_file (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return self->file;
}

/**
 * rosette_verify_page_get_report:
 * @self: a #RosetteVerifyPage
 *
 * Returns: (transfer none) (nullable): the report shown
 */
RosetteVerifyReport *
rosette_verify_page_get_report (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return self->report;
}

gboolean
rosette_verify_page_get_busy (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), FALSE);

  return self->busy;
}

const char *
rosette_verify_page_get_recipient (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return self->recipient;
}

/**
 * rosette_verify_page_set_recipient:
 * @self: a #RosetteVerifyPage
 * @email: (nullable): an email address
 *
 * Checks the badge again against @email ("Is this badge mine?").
 */
void
rosette_verify_page_set_recipient (RosetteVerifyPage *self,
                                   const char        *email)
{
  g_return_if_fail (ROSETTE_IS_VERIFY_PAGE (self));

  if (g_strcmp0 (self->recipient, email) == 0)
    return;

  g_free (self->recipient);
  self->recipient = g_strdup (email);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->email_row)), email ? email : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT]);
  rosette_verify_page_run (self);
}

gboolean
rosette_verify_page_get_offline (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), FALSE);

  return self->offline;
}

/**
 * rosette_verify_page_set_offline:
 * @self: a #RosetteVerifyPage
 * @offline: whether to fetch nothing
 *
 * Checks the badge again, fetching keys and status lists or not.
 */
void
rosette_verify_page_set_offline (RosetteVerifyPage *self,
                                 gboolean           offline)
{
  g_return_if_fail (ROSETTE_IS_VERIFY_PAGE (self));

  offline = !!offline;
  if (self->offline == offline)
    return;

  self->offline = offline;
  gtk_switch_set_active (self->offline_switch, offline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
  rosette_verify_page_run (self);
}

/**
 * rosette_verify_page_set_trusted_key:
 * @self: a #RosetteVerifyPage
 * @key_file: a public key file (PEM or JWK)
 * @error: return location for a #GError
 *
 * Trusts the key in @key_file as the issuer's and checks the badge again.
 *
 * Returns: %FALSE with @error when the file holds no usable public key
 */
gboolean
rosette_verify_page_set_trusted_key (RosetteVerifyPage  *self,
                                     GFile              *key_file,
                                     GError            **error)
{
  g_autoptr(RosetteVerifier) probe = rosette_verifier_new ();
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (key_file), FALSE);

  /* Read and tried once here, so a bad file is refused at once. */
  bytes = rosette_load_file_bounded (key_file, MAX_KEY_FILE_SIZE, NULL, error);
  if (bytes == NULL || !rosette_verifier_load_trusted_key (probe, bytes, error))
    return FALSE;

  g_clear_pointer (&self->trusted_key, g_bytes_unref);
  self->trusted_key = g_steal_pointer (&bytes);
  g_free (self->trusted_key_name);
  self->trusted_key_name = g_file_get_basename (key_file);
  update_key_row (self);
  rosette_verify_page_run (self);

  return TRUE;
}

const char *
_rosette_verify_page_get_visible (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_rosette_verify_page_get_banner (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return self->banner;
}

GtkListBox *
_rosette_verify_page_get_checks (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return self->checks_list;
}

GtkEditable *
_rosette_verify_page_get_email (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return GTK_EDITABLE (self->email_row);
}

GdkPaintable *
_rosette_verify_page_get_picture (RosetteVerifyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_PAGE (self), NULL);

  return gtk_image_get_paintable (self->picture);
}
