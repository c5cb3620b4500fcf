/* rosette-welcome-window.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first-run flow: shown while no issuer profile exists, it creates
 * the issuer and its keys through the core (or restores them from a
 * backup), says where the keys live, and hands back to the application,
 * which opens the sample family. Skipping it only closes it. */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-welcome-window.h"

struct _RosetteWelcomeWindow
{
  AdwWindow           parent_instance;

  RosetteIssuerStore *store;
  RosetteIssuer      *issuer;
  GFile              *backup;
  GCancellable       *cancellable;
  guint               busy : 1;

  /* Template widgets */
  GtkButton          *back_button;
  GtkButton          *skip_button;
  GtkStack           *stack;
  AdwEntryRow        *name_row;
  AdwEntryRow        *url_row;
  AdwEntryRow        *email_row;
  GtkLabel           *profile_keys_label;
  GtkLabel           *profile_error;
  AdwActionRow       *backup_row;
  AdwPasswordEntryRow *passphrase_row;
  GtkLabel           *restore_keys_label;
  GtkLabel           *restore_error;
  AdwStatusPage      *working_page;
  GtkSpinner         *spinner;
  AdwStatusPage      *done_page;
};

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RosetteWelcomeWindow, rosette_welcome_window, ADW_TYPE_WINDOW)

static void
rosette_welcome_window_update_actions (RosetteWelcomeWindow *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  gboolean form = g_strcmp0 (step, "profile") == 0 || g_strcmp0 (step, "restore") == 0;
  gboolean done = g_strcmp0 (step, "done") == 0;
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.back", form && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), form);
  /* Escape ends the flow at any step but a running one. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.skip", !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), !done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.create",
                                 !self->busy && stripped[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.restore-backup",
                                 !self->busy && self->backup != NULL && passphrase[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.finish", done);
}

static void
form_changed_cb (RosetteWelcomeWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->profile_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_error), FALSE);
  rosette_welcome_window_update_actions (self);
}

static void
name_activated_cb (RosetteWelcomeWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "welcome.create", NULL);
}

static void
rosette_welcome_window_set_busy (RosetteWelcomeWindow *self,
                                 gboolean              busy,
                                 const char           *title)
{
  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    {
      adw_status_page_set_title (self->working_page, title);
      gtk_stack_set_visible_child_name (self->stack, "working");
    }
  rosette_welcome_window_update_actions (self);
}

static void
rosette_welcome_window_show_done (RosetteWelcomeWindow *self,
                                  RosetteIssuer        *issuer)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_set_object (&self->issuer, issuer);

  /* The status page's description is markup. */
  name = g_markup_escape_text (rosette_issuer_get_name (issuer), -1);
  /* Translators: %s is the organisation's name */
  description = g_strdup_printf (_("Badges you award are signed by “%s”. A sample badge family "
                                   "opens next: change anything you like, then award it from "
                                   "the Issue page."), name);
  adw_status_page_set_description (self->done_page, description);

  rosette_welcome_window_set_step (self, "done");
}

/* The step that failed shows the core's message; nothing was written. */
static void
rosette_welcome_window_show_error (RosetteWelcomeWindow *self,
                                   const char           *step,
                                   const GError         *error)
{
  GtkLabel *label = g_str_equal (step, "profile") ? self->profile_error : self->restore_error;

  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  rosette_welcome_window_set_step (self, step);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RosetteWelcomeWindow) self = user_data;
  RosetteIssuer *issuer = ROSETTE_ISSUER (object);
  g_autoptr(GError) error = NULL;

  if (!rosette_issuer_create_finish (issuer, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      rosette_welcome_window_set_busy (self, FALSE, NULL);
      rosette_welcome_window_show_error (self, "profile", error);
      return;
    }

  rosette_welcome_window_set_busy (self, FALSE, NULL);
  rosette_welcome_window_show_done (self, issuer);
}

static void
rosette_welcome_window_create_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0' || self->busy)
    return;

  /* The core checks each field and says what is wrong in words. */
  issuer = rosette_issuer_new (name);
  if ((url[0] != '\0' && !rosette_issuer_set_field (issuer, "url", url, &error)) ||
      (email[0] != '\0' && !rosette_issuer_set_field (issuer, "email", email, &error)) ||
      !rosette_issuer_validate (issuer, &error))
    {
      rosette_welcome_window_show_error (self, "profile", error);
      return;
    }

  rosette_welcome_window_set_busy (self, TRUE, _("Creating Your Keys…"));
  rosette_issuer_create_async (issuer, self->store, self->cancellable,
                               create_cb, g_object_ref (self));
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RosetteWelcomeWindow) self = user_data;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;

  issuer = rosette_issuer_restore_finish (ROSETTE_ISSUER_STORE (object), result, &error);
  if (issuer == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  rosette_welcome_window_set_busy (self, FALSE, NULL);
  if (issuer == NULL)
    rosette_welcome_window_show_error (self, "restore", error);
  else
    rosette_welcome_window_show_done (self, issuer);
}

static void
rosette_welcome_window_restore_backup_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->backup == NULL || passphrase[0] == '\0' || self->busy)
    return;

  rosette_welcome_window_set_busy (self, TRUE, _("Restoring Your Keys…"));
  /* The core copies the passphrase before it returns; the entry then
   * forgets it. */
  rosette_issuer_restore_async (self->store, self->backup, passphrase, self->cancellable,
                                restore_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
}

static void
backup_chooser_response_cb (RosetteWelcomeWindow *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      rosette_welcome_window_set_backup (self, file);
    }

  g_object_unref (chooser);
}

static void
rosette_welcome_window_choose_backup_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Key Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rosette_welcome_window_step_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (widget);

  if (g_str_equal (action_name, "welcome.setup"))
    rosette_welcome_window_set_step (self, "profile");
  else if (g_str_equal (action_name, "welcome.restore"))
    rosette_welcome_window_set_step (self, "restore");
  else
    rosette_welcome_window_set_step (self, "start");
}

static void
rosette_welcome_window_close_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (widget);

  /* Finished or skipped, the application decides what to show next. */
  g_signal_emit (self, signals[FINISHED], 0, self->issuer);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
rosette_welcome_window_close_request (GtkWindow *window)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (window);

  /* Keys half made must not be left behind: wait for the core. */
  if (self->busy)
    return TRUE;

  g_signal_emit (self, signals[FINISHED], 0, self->issuer);

  return GTK_WINDOW_CLASS (rosette_welcome_window_parent_class)->close_request (window);
}

static void
rosette_welcome_window_dispose (GObject *object)
{
  RosetteWelcomeWindow *self = ROSETTE_WELCOME_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->issuer);
  g_clear_object (&self->backup);

  G_OBJECT_CLASS (rosette_welcome_window_parent_class)->dispose (object);
}

static void
rosette_welcome_window_class_init (RosetteWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rosette_welcome_window_dispose;
  window_class->close_request = rosette_welcome_window_close_request;

  /**
   * RosetteWelcomeWindow::finished:
   * @self: the welcome window
   * @issuer: (nullable): the issuer created or restored, %NULL if skipped
   *
   * The flow ended, by finishing it or by skipping it.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROSETTE_TYPE_ISSUER);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, skip_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, profile_keys_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, profile_error);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, backup_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, restore_keys_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, restore_error);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, working_page);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RosetteWelcomeWindow, done_page);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);

  gtk_widget_class_install_action (widget_class, "welcome.setup", NULL,
                                   rosette_welcome_window_step_action);
  gtk_widget_class_install_action (widget_class, "welcome.restore", NULL,
                                   rosette_welcome_window_step_action);
  gtk_widget_class_install_action (widget_class, "welcome.back", NULL,
                                   rosette_welcome_window_step_action);
  gtk_widget_class_install_action (widget_class, "welcome.create", NULL,
                                   rosette_welcome_window_create_action);
  gtk_widget_class_install_action (widget_class, "welcome.choose-backup", NULL,
                                   rosette_welcome_window_choose_backup_action);
  gtk_widget_class_install_action (widget_class, "welcome.restore-backup", NULL,
                                   rosette_welcome_window_restore_backup_action);
  gtk_widget_class_install_action (widget_class, "welcome.skip", NULL,
                                   rosette_welcome_window_close_action);
  gtk_widget_class_install_action (widget_class, "welcome.finish", NULL,
                                   rosette_welcome_window_close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "welcome.skip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "welcome.back", NULL);
}

static void
rosette_welcome_window_init (RosetteWelcomeWindow *self)
{
  /* Where the keys live, in two sentences, on both ways in. */
  const char *keys = _("Rosette signs every badge with your organisation’s private keys, and "
                       "keeps them in this computer’s keyring, next to your saved passwords. "
                       "They leave it only in a passphrase-protected backup that you make "
                       "in Preferences.");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->profile_keys_label, keys);
  gtk_label_set_text (self->restore_keys_label, keys);

  rosette_welcome_window_update_actions (self);
}

/**
 * rosette_welcome_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): where issuers are kept; %NULL for the default store
 */
RosetteWelcomeWindow *
rosette_welcome_window_new (GtkWindow          *parent,
                            RosetteIssuerStore *store)
{
  RosetteWelcomeWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!store || ROSETTE_IS_ISSUER_STORE (store), NULL);

  self = g_object_new (ROSETTE_TYPE_WELCOME_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = store != NULL ? g_object_ref (store) : rosette_gui_dup_issuer_store ();

  return self;
}

/**
 * rosette_welcome_window_is_needed:
 * @store: where issuers are kept
 *
 * Returns: whether no issuer profile exists yet, so the first-run flow
 *   should be offered
 */
gboolean
rosette_welcome_window_is_needed (RosetteIssuerStore *store)
{
  g_autofree char *current = NULL;
  g_autoptr(GPtrArray) issuers = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (store), FALSE);

  current = rosette_issuer_store_dup_current_id (store);
  if (current != NULL)
    return FALSE;

  /* A store that cannot be read is not a first run: the Issue page and
   * Preferences say what is wrong with it. */
  issuers = rosette_issuer_store_list (store, NULL, &error);
  if (issuers == NULL)
    {
      g_debug ("Could not list issuers: %s", error->message);
      return FALSE;
    }

  return issuers->len == 0;
}

/**
 * rosette_welcome_window_get_issuer:
 *
 * Returns: (transfer none) (nullable): the issuer created or restored
 */
RosetteIssuer *
rosette_welcome_window_get_issuer (RosetteWelcomeWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WELCOME_WINDOW (self), NULL);

  return self->issuer;
}

/**
 * rosette_welcome_window_get_step:
 *
 * Returns: the step shown: "start", "profile", "restore", "working" or "done"
 */
const char *
rosette_welcome_window_get_step (RosetteWelcomeWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WELCOME_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
rosette_welcome_window_set_step (RosetteWelcomeWindow *self,
                                 const char           *step)
{
  GtkWidget *focus = NULL;

  g_return_if_fail (ROSETTE_IS_WELCOME_WINDOW (self));
  g_return_if_fail (step != NULL);

  gtk_stack_set_visible_child_name (self->stack, step);
  rosette_welcome_window_update_actions (self);

  /* Keyboard users land on the first thing to do in each step. */
  if (g_str_equal (step, "profile"))
    focus = GTK_WIDGET (self->name_row);
  else if (g_str_equal (step, "restore"))
    focus = GTK_WIDGET (self->backup_row);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/**
 * rosette_welcome_window_set_backup:
 * @file: (nullable): the key backup to restore
 */
void
rosette_welcome_window_set_backup (RosetteWelcomeWindow *self,
                                   GFile                *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ROSETTE_IS_WELCOME_WINDOW (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  g_set_object (&self->backup, file);
  if (file != NULL)
    path = rosette_gui_dup_display_path (file);
  adw_action_row_set_subtitle (self->backup_row, path != NULL ? path : _("None chosen"));
  form_changed_cb (self);
}

gboolean
rosette_welcome_window_get_busy (RosetteWelcomeWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WELCOME_WINDOW (self), FALSE);

  return self->busy;
}
