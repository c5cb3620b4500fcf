/* rosette-window.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-issue-page.h"
#include "rosette-registry-page.h"
#include "rosette-pathways-page.h"
#include "rosette-nominations-page.h"
#include "rosette-verify-page.h"
#include "rosette-window-private.h"

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Unsaved work is copied aside this long after the last change. */
#define AUTOSAVE_DELAY_MS 5000

G_DEFINE_FINAL_TYPE (RosetteWindow, rosette_window, ADW_TYPE_APPLICATION_WINDOW)

static void
rosette_window_update_title (RosetteWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->family != NULL)
    {
      const char *name = rosette_family_get_name (self->family);

      /* A bullet marks a family with unsaved changes, as GNOME apps do. */
      if (self->modified)
        title = g_strdup_printf ("• %s", name);
      else
        title = g_strdup (name);
    }
  else
    {
      title = g_strdup (_("Rosette"));
    }

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else if (self->family != NULL)
    subtitle = g_strdup (_("Unsaved"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
}

static void
autosave_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Losing a crash copy is not worth interrupting anyone for. */
  if (!rosette_autosave_save_finish (ROSETTE_AUTOSAVE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep a copy of unsaved work: %s", error->message);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  RosetteWindow *self = ROSETTE_WINDOW (user_data);

  self->autosave_source = 0;

  if (self->family != NULL && self->modified)
    rosette_autosave_save_async (self->autosave, self->document_id, self->family, self->file,
                                 self->cancellable, autosave_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
family_changed_cb (RosetteWindow *self,
                   RosetteFamily *family)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  /* Whether it is modified is the history's to say (an undo back to the
   * saved state is not); here only the name in the title and the
   * crash copy, written a few seconds after the last change. */
  rosette_window_update_title (self);

  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add (self->autosave_delay_ms, autosave_timeout_cb, self);
}

static void
history_changed_cb (RosetteWindow *self)
{
  _rosette_window_update_modified (self);
  _rosette_window_update_actions (self);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
close_dialog_response_cb (RosetteWindow    *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  self->close_dialog = NULL;

  /* The dialog is still answering: close its parent once it is done. */
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      _rosette_window_save_then_close (self);
    }
}

static void
rosette_window_ask_to_save (RosetteWindow *self)
{
  g_autofree char *heading = NULL;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  /* Translators: %s is the name of a badge family */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), rosette_family_get_name (self->family));
  self->close_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                                   _("Changes which are not saved will be permanently lost.")));
  adw_message_dialog_add_responses (self->close_dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->close_dialog, "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (self->close_dialog, "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->close_dialog, "save");
  adw_message_dialog_set_close_response (self->close_dialog, "cancel");
  g_signal_connect_object (self->close_dialog, "response",
                           G_CALLBACK (close_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->close_dialog));
}

static void
rosette_window_show_error (RosetteWindow *self,
                           GFile         *file,
                           const GError  *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *reason = NULL;

  /* The status page's description is markup. */
  reason = g_markup_escape_text (error->message, -1);

  /* The core's message names the file already; the subtitle does too. */
  title = g_strdup (_("Could Not Open Badge Family"));
  /* Translators: %s is the reason, e.g. "The file is not valid JSON" */
  description = g_strdup_printf (_("%s\n\nChoose another badge family file, "
                                   "or start a new family from a template."),
                                 reason);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");

  gtk_window_set_title (GTK_WINDOW (self), _("Rosette"));
  adw_view_switcher_title_set_title (self->switcher_title, _("Rosette"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
}

typedef struct
{
  RosetteWindow *self;
  GFile         *file;
  GCancellable  *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
rosette_window_load_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  RosetteWindow *self = data->self;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;

  family = rosette_family_new_from_file_finish (result, &error);

  /* A newer open (or closing the window) superseded this one. */
  if (g_cancellable_is_cancelled (data->cancellable) ||
      data->cancellable != self->cancellable)
    return;

  self->loading = FALSE;

  if (family == NULL)
    {
      g_debug ("Failed to open family: %s", error->message);
      rosette_window_set_family (self, NULL, NULL);
      rosette_window_show_error (self, data->file, error);
      self->error = g_steal_pointer (&error);
    }
  else
    {
      rosette_window_set_family (self, family, data->file);
      _rosette_window_add_recent (self, data->file);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
rosette_window_close_request (GtkWindow *window)
{
  RosetteWindow *self = ROSETTE_WINDOW (window);
  int width, height;

  if (self->modified && self->family != NULL && !self->close_confirmed)
    {
      rosette_window_ask_to_save (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);

  /* A clean close: the crash copy is not needed any more. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  rosette_autosave_discard (self->autosave, self->document_id);

  /* The default size follows the window while it is not maximized, so it
   * is the size to come back to. */
  gtk_window_get_default_size (window, &width, &height);

  if (rosette_gui_settings_has_key (self->settings, "window-width"))
    g_settings_set_int (self->settings, "window-width", width);
  if (rosette_gui_settings_has_key (self->settings, "window-height"))
    g_settings_set_int (self->settings, "window-height", height);
  if (rosette_gui_settings_has_key (self->settings, "window-maximized"))
    g_settings_set_boolean (self->settings, "window-maximized",
                            gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (rosette_window_parent_class)->close_request (window);
}

static void
rosette_window_constructed (GObject *object)
{
  RosetteWindow *self = ROSETTE_WINDOW (object);
  int width = 1100;
  int height = 720;

  G_OBJECT_CLASS (rosette_window_parent_class)->constructed (object);

  if (rosette_gui_settings_has_key (self->settings, "window-width"))
    width = g_settings_get_int (self->settings, "window-width");
  if (rosette_gui_settings_has_key (self->settings, "window-height"))
    height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 300));

  if (rosette_gui_settings_has_key (self->settings, "window-maximized") &&
      g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
rosette_window_dispose (GObject *object)
{
  RosetteWindow *self = ROSETTE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->close_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->close_dialog));
  self->close_dialog = NULL;

  g_clear_object (&self->history);
  g_clear_object (&self->autosave);
  g_clear_object (&self->family);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rosette_window_parent_class)->dispose (object);
}

static void
rosette_window_finalize (GObject *object)
{
  RosetteWindow *self = ROSETTE_WINDOW (object);

  g_clear_pointer (&self->document_id, g_free);

  G_OBJECT_CLASS (rosette_window_parent_class)->finalize (object);
}

static void
rosette_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RosetteWindow *self = ROSETTE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A badge issued on the Issue page is in the registry: show it there. */
static void
issue_page_issued_cb (RosetteWindow    *self,
                      GFile            *file,
                      const char       *credential_id,
                      RosetteIssuePage *issue_page)
{
  RosetteRegistryPage *registry_page;

  registry_page = ROSETTE_REGISTRY_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                        ROSETTE_TYPE_WINDOW,
                                                                        "registry_page"));
  rosette_registry_page_reload (registry_page);
}

static void
rosette_window_class_init (RosetteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rosette_window_constructed;
  object_class->dispose = rosette_window_dispose;
  object_class->finalize = rosette_window_finalize;
  object_class->get_property = rosette_window_get_property;

  window_class->close_request = rosette_window_close_request;

  /**
   * RosetteWindow:family:
   *
   * The badge family the window shows, or %NULL.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteWindow:file:
   *
   * Where the family is saved, or %NULL for a family not saved yet.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteWindow:modified:
   *
   * Whether the family changed since it was opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteWindow:loading:
   *
   * Whether a family file is being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROSETTE_TYPE_DESIGN_PAGE);
  g_type_ensure (ROSETTE_TYPE_ISSUE_PAGE);
  g_type_ensure (ROSETTE_TYPE_REGISTRY_PAGE);
  g_type_ensure (ROSETTE_TYPE_VERIFY_PAGE);
  g_type_ensure (ROSETTE_TYPE_PATHWAYS_PAGE);
  g_type_ensure (ROSETTE_TYPE_NOMINATIONS_PAGE);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/rosette-window.ui");
  gtk_widget_class_bind_template_callback (widget_class, issue_page_issued_cb);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteWindow, design_page);

  _rosette_window_class_actions_init (klass);
}

static void
rosette_window_init (RosetteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = rosette_gui_dup_settings ();
  self->autosave = rosette_autosave_new (NULL);
  self->autosave_delay_ms = AUTOSAVE_DELAY_MS;
  self->document_id = g_uuid_string_random ();

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_rosette_window_update_recent),
                           self, G_CONNECT_SWAPPED);
  _rosette_window_update_recent (self);

  rosette_window_update_title (self);
  _rosette_window_update_actions (self);

  /* The header's menu button and the pages' composite controls. */
  rosette_gui_name_controls (GTK_WIDGET (self));
}

RosetteWindow *
rosette_window_new (RosetteApplication *application)
{
  g_return_val_if_fail (ROSETTE_IS_APPLICATION (application), NULL);

  return g_object_new (ROSETTE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * rosette_window_get_family:
 * @self: a #RosetteWindow
 *
 * Returns: (transfer none) (nullable): the family shown
 */
RosetteFamily *
rosette_window_get_family (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), NULL);

  return self->family;
}

/**
 * rosette_window_get_file:
 * @self: a #RosetteWindow
 *
 * Returns: (transfer none) (nullable): where the family is saved
 */
GFile *
rosette_window_get_file (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
rosette_window_get_modified (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), FALSE);

  return self->modified;
}

gboolean
rosette_window_get_loading (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), FALSE);

  return self->loading;
}

/**
 * rosette_window_get_error:
 * @self: a #RosetteWindow
 *
 * Returns: (transfer none) (nullable): why the last file could not be
 *   opened, if the window shows that error
 */
const GError *
rosette_window_get_error (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), NULL);

  return self->error;
}

/**
 * rosette_window_set_family:
 * @self: a #RosetteWindow
 * @family: (nullable): a family
 * @file: (nullable): where @family is saved, %NULL if it is new
 *
 * Shows @family, unmodified.
 */
void
rosette_window_set_family (RosetteWindow *self,
                           RosetteFamily *family,
                           GFile         *file)
{
  g_return_if_fail (ROSETTE_IS_WINDOW (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (self->family != family)
    {
      if (self->family != NULL)
        g_clear_signal_handler (&self->family_changed_id, self->family);

      /* Another document now: the last one's crash copy goes, and the
       * new one gets its own id. */
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      rosette_autosave_discard (self->autosave, self->document_id);
      g_free (self->document_id);
      self->document_id = g_uuid_string_random ();

      g_set_object (&self->family, family);
      g_clear_object (&self->history);

      if (family != NULL)
        {
          self->family_changed_id =
            g_signal_connect_object (family, "changed",
                                     G_CALLBACK (family_changed_cb),
                                     self, G_CONNECT_SWAPPED);
          self->history = rosette_history_new (family);
          g_signal_connect_object (self->history, "notify",
                                   G_CALLBACK (history_changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
    }

  g_clear_error (&self->error);
  self->recovered = FALSE;
  _rosette_window_set_file (self, file);
  _rosette_window_update_modified (self);

  rosette_design_page_set_history (self->design_page, self->history);
  rosette_design_page_set_family (self->design_page, family);
  gtk_stack_set_visible_child_name (self->main_stack, "content");

  rosette_window_update_title (self);
  _rosette_window_update_actions (self);
}

/**
 * rosette_window_open_file:
 * @self: a #RosetteWindow
 * @file: a .rosette file
 *
 * Loads @file through the core and shows it; on failure the window says
 * what is wrong instead.
 */
void
rosette_window_open_file (RosetteWindow *self,
                          GFile         *file)
{
  LoadData *data;

  g_return_if_fail (ROSETTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->cancellable);

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  /* A family opened from the Verify page is shown where it can be seen. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "verify") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "design");
  _rosette_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  rosette_family_new_from_file_async (file,
                                      self->cancellable,
                                      rosette_window_load_cb,
                                      data);
}

/**
 * rosette_window_verify_file:
 * @self: a #RosetteWindow
 * @file: a badge file (PNG, SVG, JSON, JWT)
 *
 * Shows the Verify page checking @file.
 */
void
rosette_window_verify_file (RosetteWindow *self,
                            GFile         *file)
{
  GtkWidget *page;

  g_return_if_fail (ROSETTE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  page = adw_view_stack_get_child_by_name (self->view_stack, "verify");
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  adw_view_stack_set_visible_child (self->view_stack, page);
  rosette_verify_page_verify_file (ROSETTE_VERIFY_PAGE (page), file);
}

/**
 * rosette_window_is_replaceable:
 * @self: a #RosetteWindow
 *
 * Whether the window holds nothing worth keeping: no family, an error,
 * or an unsaved family nobody has changed (the sample or a fresh template).
 */
gboolean
rosette_window_is_replaceable (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), FALSE);

  if (self->loading)
    return FALSE;

  return self->family == NULL || (self->file == NULL && !self->modified);
}

/**
 * rosette_window_get_design_page:
 * @self: a #RosetteWindow
 *
 * Returns: (transfer none): the Design page
 */
RosetteDesignPage *
rosette_window_get_design_page (RosetteWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_WINDOW (self), NULL);

  return self->design_page;
}

/**
 * rosette_window_show_page:
 * @self: a #RosetteWindow
 * @name: a view-stack page: "design", "issue", "registry", "verify"…
 *
 * Shows that page, as the view switcher or Alt+number does.
 */
void
rosette_window_show_page (RosetteWindow *self,
                          const char    *name)
{
  g_return_if_fail (ROSETTE_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No page “%s” in the window", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * rosette_window_add_toast:
 * @self: a #RosetteWindow
 * @toast: (transfer full): a toast
 */
void
rosette_window_add_toast (RosetteWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (ROSETTE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_rosette_window_set_file (RosetteWindow *self,
                          GFile         *file)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      rosette_window_update_title (self);
    }
}

void
_rosette_window_set_modified (RosetteWindow *self,
                              gboolean       modified)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  modified = !!modified;

  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  rosette_window_update_title (self);
}

/**
 * rosette_window_set_recovered:
 * @self: a #RosetteWindow
 * @family: a family recovered from an autosave entry
 * @original: (nullable): the file it was opened from, kept for Save
 * @document_id: the autosave entry's id, so later copies replace it
 *
 * Shows work recovered after a crash, as modified: it was never saved.
 */
void
rosette_window_set_recovered (RosetteWindow *self,
                              RosetteFamily *family,
                              GFile         *original,
                              const char    *document_id)
{
  g_return_if_fail (ROSETTE_IS_WINDOW (self));
  g_return_if_fail (ROSETTE_IS_FAMILY (family));
  g_return_if_fail (document_id != NULL);

  rosette_window_set_family (self, family, original);

  g_free (self->document_id);
  self->document_id = g_strdup (document_id);
  self->recovered = TRUE;
  _rosette_window_update_modified (self);
}

void
_rosette_window_update_modified (RosetteWindow *self)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  _rosette_window_set_modified (self,
                                self->recovered ||
                                (self->history != NULL && rosette_history_get_modified (self->history)));
}

void
_rosette_window_set_autosave_delay (RosetteWindow *self,
                                    guint          delay_ms)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  self->autosave_delay_ms = delay_ms;
}

const char *
_rosette_window_get_document_id (RosetteWindow *self)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  return self->document_id;
}

AdwMessageDialog *
_rosette_window_get_close_dialog (RosetteWindow *self)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  return self->close_dialog;
}

RosetteHistory *
_rosette_window_get_history (RosetteWindow *self)
{
  g_assert (ROSETTE_IS_WINDOW (self));

  return self->history;
}
