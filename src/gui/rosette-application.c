/* rosette-application.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-application.h"
#include "rosette-gui-utils.h"
#include "rosette-new-family-dialog.h"
#include "rosette-preferences-window.h"
#include "rosette-welcome-window.h"
#include "rosette-window.h"

struct _RosetteApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RosetteApplication, rosette_application, ADW_TYPE_APPLICATION)

static RosetteWindow *
rosette_application_get_current_window (RosetteApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ROSETTE_IS_WINDOW (window))
    return ROSETTE_WINDOW (window);

  return NULL;
}

/* A window that shows nothing the user made (the sample family, an error,
 * an untouched new family) is reused instead of leaving it behind. */
static RosetteWindow *
rosette_application_get_window_for_open (RosetteApplication *self)
{
  RosetteWindow *window = rosette_application_get_current_window (self);

  if (window != NULL && rosette_window_is_replaceable (window))
    return window;

  window = rosette_window_new (self);
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (window), "devel");
#endif

  return window;
}

static void
recovery_response_cb (RosetteApplication *self,
                      const char         *response,
                      AdwMessageDialog   *dialog)
{
  GListModel *entries = g_object_get_data (G_OBJECT (dialog), "entries");
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (NULL);
  guint n_entries = g_list_model_get_n_items (entries);

  if (g_strcmp0 (response, "recover") != 0 && g_strcmp0 (response, "discard") != 0)
    return;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(RosetteAutosaveEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(RosetteFamily) family = NULL;
      g_autoptr(GError) error = NULL;
      RosetteWindow *window;

      if (g_strcmp0 (response, "recover") != 0)
        {
          rosette_autosave_discard (autosave, rosette_autosave_entry_get_id (entry));
          continue;
        }

      family = rosette_autosave_entry_recover (entry, &error);
      if (family == NULL)
        {
          g_warning ("Could not recover “%s”: %s",
                     rosette_autosave_entry_get_name (entry), error->message);
          continue;
        }

      window = rosette_application_get_window_for_open (self);
      rosette_window_set_recovered (window, family,
                                    rosette_autosave_entry_get_original (entry),
                                    rosette_autosave_entry_get_id (entry));
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Unsaved work left behind by a crash is offered once, at start-up. */
static void
rosette_application_offer_recovery (RosetteApplication *self,
                                    GtkWindow          *parent)
{
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (NULL);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  guint n_entries;

  entries = rosette_autosave_list (autosave, &error);
  if (entries == NULL)
    {
      g_debug ("No autosaved work: %s", error->message);
      return;
    }

  n_entries = g_list_model_get_n_items (entries);
  if (n_entries == 0)
    return;

  g_string_append (body, _("Rosette closed before these badge families were saved:"));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(RosetteAutosaveEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *when = NULL;
      GDateTime *modified = rosette_autosave_entry_get_modified (entry);

      if (modified != NULL)
        when = g_date_time_format (modified, "%x %X");

      g_string_append_printf (body, "\n• %s", rosette_autosave_entry_get_name (entry));
      if (when != NULL)
        g_string_append_printf (body, " (%s)", when);
    }

  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Closing the dialog keeps the copies for next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_object_ref (entries), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sample family: something to look at and try things on, so the
 * first thing a person sees is what Rosette makes. */
static RosetteWindow *
rosette_application_open_sample (RosetteApplication *self)
{
  g_autoptr(RosetteFamily) family = NULL;
  RosetteWindow *window;

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, _("Data Privacy"));
  window = rosette_application_get_window_for_open (self);
  rosette_window_set_family (window, family, NULL);
  rosette_window_show_page (window, "design");
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
welcome_finished_cb (RosetteApplication   *self,
                     RosetteIssuer        *issuer,
                     RosetteWelcomeWindow *welcome)
{
  RosetteWindow *window;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (issuer == NULL)
    {
      /* Skipped: the Issue page and Preferences offer the set-up later. */
      window = rosette_application_get_current_window (self);
      if (window != NULL)
        rosette_application_offer_recovery (self, GTK_WINDOW (window));
      return;
    }

  window = rosette_application_open_sample (self);
  /* Translators: %s is the organisation's name */
  title = g_strdup_printf (_("“%s” can now award badges"), rosette_issuer_get_name (issuer));
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 5);
  rosette_window_add_toast (window, toast);
}

/**
 * rosette_application_show_welcome:
 * @self: a #RosetteApplication
 *
 * Shows the first-run flow over the current window.
 *
 * Returns: (transfer none): the welcome window
 */
RosetteWelcomeWindow *
rosette_application_show_welcome (RosetteApplication *self)
{
  RosetteWelcomeWindow *welcome;

  g_return_val_if_fail (ROSETTE_IS_APPLICATION (self), NULL);

  welcome = rosette_welcome_window_new (GTK_WINDOW (rosette_application_get_current_window (self)),
                                        NULL);
  gtk_window_set_application (GTK_WINDOW (welcome), GTK_APPLICATION (self));
  g_signal_connect_object (welcome, "finished", G_CALLBACK (welcome_finished_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (welcome));

  return welcome;
}

static void
rosette_application_activate (GApplication *application)
{
  RosetteApplication *self = ROSETTE_APPLICATION (application);
  g_autoptr(RosetteIssuerStore) store = NULL;
  RosetteWindow *window;

  window = rosette_application_get_current_window (self);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = rosette_application_open_sample (self);

  /* No issuer yet: a first run. The welcome comes back on each start
   * until an issuer exists, which Preferences can create as well. */
  store = rosette_gui_dup_issuer_store ();
  if (rosette_welcome_window_is_needed (store))
    rosette_application_show_welcome (self);
  else
    rosette_application_offer_recovery (self, GTK_WINDOW (window));
}

typedef enum
{
  OPEN_AS_FAMILY,
  OPEN_AS_BADGE,
} OpenAs;

/* In a thread: what @file is, by its content, as the core reads it. A
 * picture is always a badge; a document the core reads as a family is a
 * family; a damaged .rosette file goes to the designer, which says what
 * is wrong with it; anything else is checked as a badge, and the Verify
 * page says what it is not. */
static void
open_sniff_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  OpenAs open_as = OPEN_AS_BADGE;

  bytes = rosette_load_file_bounded (file, ROSETTE_BAKING_MAX_FILE_SIZE, cancellable, NULL);
  if (bytes != NULL && rosette_image_sniff (bytes) != ROSETTE_IMAGE_FORMAT_UNKNOWN)
    open_as = OPEN_AS_BADGE;
  else if (bytes != NULL && (family = rosette_family_new_from_bytes (bytes, NULL)) != NULL)
    open_as = OPEN_AS_FAMILY;
  else if (basename != NULL && g_str_has_suffix (basename, ".rosette"))
    open_as = OPEN_AS_FAMILY;

  g_task_return_int (task, open_as);
}

static void
open_sniff_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  RosetteWindow *window;

  if (g_task_propagate_int (G_TASK (result), NULL) == OPEN_AS_FAMILY)
    {
      window = rosette_application_get_window_for_open (self);
      rosette_window_open_file (window, file);
    }
  else
    {
      /* Checking a badge leaves the family being designed alone, so the
       * current window will do. */
      window = rosette_application_get_current_window (self);
      if (window == NULL)
        window = rosette_application_get_window_for_open (self);
      rosette_window_verify_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));

  g_application_release (G_APPLICATION (self));
}

static void
rosette_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GTask) task = g_task_new (application, NULL, open_sniff_cb, NULL);

      /* Started with files only, the application must not quit before
       * their windows exist. */
      g_application_hold (application);
      g_task_set_source_tag (task, rosette_application_open);
      g_task_set_task_data (task, g_object_ref (files[i]), g_object_unref);
      g_task_run_in_thread (task, open_sniff_thread);
    }
}

static void
new_family_dialog_kind_chosen_cb (RosetteApplication      *self,
                                  RosetteBadgeKind         kind,
                                  RosetteNewFamilyDialog  *dialog)
{
  rosette_application_new_family (self, kind);
}

static void
rosette_application_new_family_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  RosetteNewFamilyDialog *dialog;

  dialog = rosette_new_family_dialog_new (GTK_WINDOW (rosette_application_get_current_window (self)));
  g_signal_connect_object (dialog, "kind-chosen",
                           G_CALLBACK (new_family_dialog_kind_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rosette_application_new_family_of_kind_action (GSimpleAction *action,
                                               GVariant      *parameter,
                                               gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  RosetteBadgeKind kind;

  if (!rosette_badge_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    {
      g_warning ("Unknown badge kind “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  rosette_application_new_family (self, kind);
}

static void
open_chooser_response_cb (RosetteApplication   *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n_files = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        g_application_open (G_APPLICATION (self), (GFile **) array->pdata, array->len, "");
    }

  g_object_unref (chooser);
}

static void
rosette_application_open_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) family_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) badge_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (family_filter, _("Badge Families"));
  gtk_file_filter_add_mime_type (family_filter, ROSETTE_FAMILY_MIME_TYPE);
  gtk_file_filter_add_suffix (family_filter, "rosette");
  /* Badges open on the Verify page (see rosette_application_open()). */
  gtk_file_filter_set_name (badge_filter, _("Badges to Check"));
  gtk_file_filter_add_mime_type (badge_filter, "image/png");
  gtk_file_filter_add_mime_type (badge_filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (badge_filter, "application/json");
  gtk_file_filter_add_suffix (badge_filter, "jwt");
  gtk_file_filter_add_suffix (badge_filter, "jws");
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  chooser = gtk_file_chooser_native_new (_("Open Badge Family"),
                                         GTK_WINDOW (rosette_application_get_current_window (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), family_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), badge_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), family_filter);

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (open_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rosette_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  RosettePreferencesWindow *preferences;

  preferences = rosette_preferences_window_new (
    gtk_application_get_active_window (GTK_APPLICATION (self)), NULL);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
rosette_application_open_uri_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  g_application_open (G_APPLICATION (self), &file, 1, "");
}

static void
rosette_application_help_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);

  /* Yelp shows the pages installed from help/ (gnome.yelp). */
  gtk_show_uri (GTK_WINDOW (rosette_application_get_current_window (self)), "help:rosette",
                GDK_CURRENT_TIME);
}

static void
rosette_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  static const char *developers[] = { "The Rosette authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", rosette_application_get_current_window (self),
                        "modal", TRUE,
                        "application-name", _("Rosette"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Rosette authors"),
                        "developers", developers,
                        "copyright", _("© 2026 The Rosette authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Design, issue and verify Open Badges"),
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
rosette_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RosetteApplication *self = ROSETTE_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Close rather than destroy, so each window saves its state and asks
   * about unsaved changes. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (GTK_WINDOW (iter->data));
}

static const GActionEntry app_actions[] = {
  { "new-family", rosette_application_new_family_action },
  { "new-family-of-kind", rosette_application_new_family_of_kind_action, "s" },
  { "open", rosette_application_open_action },
  { "open-uri", rosette_application_open_uri_action, "s" },
  { "preferences", rosette_application_preferences_action },
  { "help", rosette_application_help_action },
  { "about", rosette_application_about_action },
  { "quit", rosette_application_quit_action },
};

static void
rosette_application_startup (GApplication *application)
{
  RosetteApplication *self = ROSETTE_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-family", { "<Primary>n", NULL } },
    { "app.open", { "<Primary>o", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "win.save", { "<Primary>s", NULL } },
    { "win.save-as", { "<Primary><Shift>s", NULL } },
    { "win.export", { "<Primary>e", NULL } },
    { "window.close", { "<Primary>w", NULL } },
    { "win.undo", { "<Primary>z", NULL } },
    { "win.redo", { "<Primary><Shift>z", "<Primary>y", NULL } },
    { "win.zoom-in", { "<Primary>plus", "<Primary>equal", NULL } },
    { "win.zoom-out", { "<Primary>minus", NULL } },
    { "win.zoom-reset", { "<Primary>0", NULL } },
    { "win.toggle-inspector", { "F9", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.show-page::design", { "<Alt>1", NULL } },
    { "win.show-page::issue", { "<Alt>2", NULL } },
    { "win.show-page::registry", { "<Alt>3", NULL } },
    { "win.show-page::verify", { "<Alt>4", NULL } },
  };

  G_APPLICATION_CLASS (rosette_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
rosette_application_class_init (RosetteApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = rosette_application_activate;
  application_class->open = rosette_application_open;
  application_class->startup = rosette_application_startup;

  /* Before startup, where AdwApplication loads style.css from them. */
  rosette_gui_ensure_resources ();
}

static void
rosette_application_init (RosetteApplication *self)
{
}

RosetteApplication *
rosette_application_new (void)
{
  /* The resource base path is fixed: a .Devel app id must still find
   * gtk/help-overlay.ui and style.css under the one prefix. */
  return g_object_new (ROSETTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/rosette/Rosette",
                       NULL);
}

/**
 * rosette_application_new_family:
 * @self: a #RosetteApplication
 * @kind: the kind of badge family
 *
 * Shows a new, unsaved family made from the built-in template of @kind.
 */
void
rosette_application_new_family (RosetteApplication *self,
                                RosetteBadgeKind    kind)
{
  g_autoptr(RosetteFamily) family = NULL;
  RosetteWindow *window;

  g_return_if_fail (ROSETTE_IS_APPLICATION (self));

  family = rosette_family_new_from_template (kind, NULL);
  window = rosette_application_get_window_for_open (self);
  rosette_window_set_family (window, family, NULL);
  gtk_window_present (GTK_WINDOW (window));
}
