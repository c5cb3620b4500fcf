/* rosette-window-actions.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-export-dialog.h"
#include "rosette-gui-utils.h"
#include "rosette-window-private.h"

typedef struct
{
  RosetteWindow *self;
  GFile         *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
rosette_window_save_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RosetteFamily *family = ROSETTE_FAMILY (object);
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (data->file);
  g_autofree char *message = NULL;

  if (!rosette_family_save_to_file_finish (family, result, &error))
    {
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not save “%s”: %s"), basename, error->message);
      data->self->close_after_save = FALSE;
      rosette_window_add_toast (data->self, adw_toast_new (message));
      return;
    }

  /* The window may show another family by now; only then leave it be. */
  if (rosette_window_get_family (data->self) == family)
    _rosette_window_saved (data->self, data->file);

  if (data->self->close_after_save)
    {
      data->self->close_after_save = FALSE;
      data->self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (data->self));
      return;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved “%s”"), basename);
  rosette_window_add_toast (data->self, adw_toast_new (message));
}

static void
rosette_window_save_to (RosetteWindow *self,
                        GFile         *file)
{
  SaveData *data;

  g_assert (ROSETTE_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));
  g_assert (self->family != NULL);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);

  rosette_family_save_to_file_async (self->family, file, NULL, rosette_window_save_cb, data);
}

static void
save_as_chooser_response_cb (RosetteWindow        *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->family != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rosette_window_save_to (self, file);
    }
  else
    {
      self->close_after_save = FALSE;
    }

  g_object_unref (chooser);
}

static void
rosette_window_save_as_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->family == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Badge Family"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Badge Families"));
  gtk_file_filter_add_mime_type (filter, ROSETTE_FAMILY_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "rosette");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
    }
  else
    {
      g_autofree char *slug = rosette_family_dup_slug (self->family);
      g_autofree char *name = g_strdup_printf ("%s.rosette", slug);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (save_as_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rosette_window_save_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);

  if (self->family == NULL)
    return;

  if (self->file == NULL)
    rosette_window_save_as_action (widget, "win.save-as", NULL);
  else
    rosette_window_save_to (self, self->file);
}

static void
export_dialog_exported_cb (RosetteWindow       *self,
                           GFile               *folder,
                           guint                n_files,
                           RosetteExportDialog *dialog)
{
  g_autofree char *path = rosette_gui_dup_display_path (folder);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: the first %u is a number of files, %s a folder */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Exported %u file to %s",
                                        "Exported %u files to %s",
                                        n_files),
                           n_files, path);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open Folder"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);

  rosette_window_add_toast (self, toast);
}

static void
rosette_window_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);
  RosetteExportDialog *dialog;

  if (self->family == NULL)
    return;

  dialog = rosette_export_dialog_new (GTK_WINDOW (self),
                                      self->family,
                                      rosette_design_page_get_selected_tier (self->design_page));
  g_signal_connect_object (dialog, "exported",
                           G_CALLBACK (export_dialog_exported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_folder_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RosetteWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not open the folder: %s"), error->message);
      rosette_window_add_toast (self, adw_toast_new (message));
    }
}

static void
rosette_window_open_folder_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           context, NULL,
                                           open_folder_cb, g_object_ref (self));
}

static void
rosette_window_undo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);

  if (self->history != NULL && rosette_history_get_can_undo (self->history))
    rosette_history_undo (self->history);
}

static void
rosette_window_redo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);

  if (self->history != NULL && rosette_history_get_can_redo (self->history))
    rosette_history_redo (self->history);
}

static void
rosette_window_zoom_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);
  RosetteCanvas *canvas = rosette_design_page_get_canvas (self->design_page);

  if (g_str_equal (action_name, "win.zoom-in"))
    rosette_canvas_zoom_in (canvas);
  else if (g_str_equal (action_name, "win.zoom-out"))
    rosette_canvas_zoom_out (canvas);
  else
    rosette_canvas_set_zoom (canvas, 1.0);
}

static void
rosette_window_toggle_inspector_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  RosetteWindow *self = ROSETTE_WINDOW (widget);

  rosette_design_page_toggle_inspector (self->design_page);
}

/**
 * _rosette_window_saved:
 * @self: a #RosetteWindow
 * @file: where the family was just saved
 *
 * The family is on disk as it is now: no longer modified, no crash copy
 * needed, and the file is a recent one.
 */
void
_rosette_window_saved (RosetteWindow *self,
                       GFile         *file)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  _rosette_window_set_file (self, file);
  self->recovered = FALSE;
  if (self->history != NULL)
    rosette_history_mark_saved (self->history);
  _rosette_window_update_modified (self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  rosette_autosave_discard (self->autosave, self->document_id);
  _rosette_window_add_recent (self, file);
}

/**
 * _rosette_window_save_then_close:
 * @self: a #RosetteWindow
 *
 * The "Save" answer to "Save changes?": saves (asking where, for a new
 * family) and closes the window once that worked.
 */
void
_rosette_window_save_then_close (RosetteWindow *self)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  self->close_after_save = TRUE;
  rosette_window_save_action (GTK_WIDGET (self), "win.save", NULL);
}

void
_rosette_window_add_recent (RosetteWindow *self,
                            GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  const char *groups[] = { "rosette", NULL };

  data.mime_type = (char *) ROSETTE_FAMILY_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "rosette %u";
  data.groups = (char **) groups;

  if (data.app_name == NULL)
    data.app_name = (char *) "Rosette";

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/**
 * _rosette_window_update_recent:
 * @self: a #RosetteWindow
 *
 * Fills the "Open Recent" submenu with the badge families used last.
 */
void
_rosette_window_update_recent (RosetteWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);

  for (const GList *iter = items; iter != NULL && n < 8; iter = iter->next)
    {
      GtkRecentInfo *info = iter->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_recent_info_has_group (info, "rosette") || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-uri", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
rosette_window_show_page_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  rosette_window_show_page (ROSETTE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_rosette_window_class_actions_init (RosetteWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, rosette_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, rosette_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, rosette_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, rosette_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, rosette_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL,
                                   rosette_window_toggle_inspector_action);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, rosette_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   rosette_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   rosette_window_export_action);
  /* Every page by keyboard: Alt+1… as GNOME apps with view switchers do. */
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   rosette_window_show_page_action);
  /* Alt+1…4 are application accelerators (rosette-application.c); the
   * pages of issue 11 bind theirs here, on the window that has them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-page", "s", "pathways");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK,
                                       "win.show-page", "s", "nominations");
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s",
                                   rosette_window_open_folder_action);
}

void
_rosette_window_update_actions (RosetteWindow *self)
{
  gboolean has_family;

  g_assert (ROSETTE_IS_WINDOW (self));

  has_family = self->family != NULL && !self->loading;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_family);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_family);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_family);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_family && self->history != NULL &&
                                 rosette_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_family && self->history != NULL &&
                                 rosette_history_get_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_family);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_family);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", has_family);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", has_family);
}
