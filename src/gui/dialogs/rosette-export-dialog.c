/* rosette-export-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rosette-export-dialog.h"
#include "rosette-gui-utils.h"
#include "rosette-tier-card.h"

/* Export: which tiers, which formats, what sizes, where to. The files are
 * written by the core (rosette_design_export_tiers_async()), the same
 * code the command line's "render" uses, so both give the same files. One
 * tier is exported at a time, which gives the progress bar its steps. */

static const guint preset_sizes[] = { 128, 256, 512, 1024, 2048 };

struct _RosetteExportDialog
{
  AdwWindow        parent_instance;

  RosetteFamily   *family;
  RosetteTier     *current_tier;
  GFile           *folder;
  GSettings       *settings;
  GCancellable    *cancellable;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton       *export_button;
  GtkSpinner      *spinner;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *tiers_group;
  GtkBox          *sizes_box;
  GtkCheckButton  *png_check;
  GtkCheckButton  *svg_check;
  GtkCheckButton  *custom_check;
  GtkSpinButton   *size_spin;
  GtkSwitch       *outline_switch;
  GtkProgressBar  *progress_bar;
  AdwActionRow    *folder_row;

  GtkToggleButton *size_buttons[G_N_ELEMENTS (preset_sizes)];
  /* One GtkCheckButton per tier, in order */
  GPtrArray       *tier_checks;

  /* The export in progress */
  GPtrArray       *queue;
  guint            n_done;
  guint            n_written;
  RosetteExportOptions options;
};

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RosetteExportDialog, rosette_export_dialog, ADW_TYPE_WINDOW)

/* The PNG sizes chosen, 0-terminated, at most 8 as the core takes. */
static guint
rosette_export_dialog_get_sizes (RosetteExportDialog *self,
                                 guint                sizes[9])
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (preset_sizes); i++)
    if (gtk_toggle_button_get_active (self->size_buttons[i]))
      sizes[n++] = preset_sizes[i];

  if (gtk_check_button_get_active (self->custom_check))
    {
      guint custom = (guint) gtk_spin_button_get_value_as_int (self->size_spin);
      gboolean seen = FALSE;

      for (guint i = 0; i < n; i++)
        seen |= sizes[i] == custom;
      if (!seen)
        sizes[n++] = custom;
    }

  sizes[n] = 0;

  return n;
}

static RosetteExportFormat
rosette_export_dialog_get_formats (RosetteExportDialog *self)
{
  RosetteExportFormat formats = 0;
  guint sizes[9];

  if (gtk_check_button_get_active (self->png_check) &&
      rosette_export_dialog_get_sizes (self, sizes) > 0)
    formats |= ROSETTE_EXPORT_FORMAT_PNG;
  if (gtk_check_button_get_active (self->svg_check))
    formats |= ROSETTE_EXPORT_FORMAT_SVG;

  return formats;
}

static guint
rosette_export_dialog_count_tiers (RosetteExportDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->tier_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->tier_checks, i)))
      n++;

  return n;
}

static void
rosette_export_dialog_set_busy (RosetteExportDialog *self,
                                gboolean             busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            !busy && rosette_export_dialog_get_formats (self) != 0 &&
                            rosette_export_dialog_count_tiers (self) > 0);
}

static void
format_toggled_cb (RosetteExportDialog *self)
{
  rosette_export_dialog_set_busy (self, self->cancellable != NULL);
}

static GFile *
rosette_export_dialog_dup_default_folder (RosetteExportDialog *self)
{
  const char *pictures;
  g_autofree char *fallback = NULL;

  if (rosette_gui_settings_has_key (self->settings, "last-export-folder"))
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-export-folder");

      if (last != NULL && last[0] != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_commandline_arg (last);

          if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
            return g_steal_pointer (&folder);
        }
    }

  /* Without user-dirs.dirs GLib answers the home folder for Pictures;
   * ~/Pictures is still the better guess when it is there. */
  pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  if (pictures != NULL && g_strcmp0 (pictures, g_get_home_dir ()) != 0)
    return g_file_new_for_path (pictures);

  fallback = g_build_filename (g_get_home_dir (), "Pictures", NULL);
  if (g_file_test (fallback, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (fallback);

  return g_file_new_for_path (g_get_home_dir ());
}

static void
rosette_export_dialog_load_settings (RosetteExportDialog *self)
{
  guint size = ROSETTE_DESIGN_DEFAULT_SIZE;
  gboolean preset = FALSE;

  if (rosette_gui_settings_has_key (self->settings, "export-size"))
    size = g_settings_get_uint (self->settings, "export-size");

  /* The last size used is chosen again: a preset, or the custom one. */
  for (guint i = 0; i < G_N_ELEMENTS (preset_sizes); i++)
    {
      gtk_toggle_button_set_active (self->size_buttons[i], preset_sizes[i] == size);
      preset |= preset_sizes[i] == size;
    }
  if (!preset && size >= ROSETTE_DESIGN_MIN_SIZE && size <= ROSETTE_DESIGN_MAX_SIZE)
    {
      gtk_spin_button_set_value (self->size_spin, size);
      gtk_check_button_set_active (self->custom_check, TRUE);
    }

  if (rosette_gui_settings_has_key (self->settings, "export-formats"))
    {
      g_auto(GStrv) formats = g_settings_get_strv (self->settings, "export-formats");

      gtk_check_button_set_active (self->png_check, g_strv_contains ((const char * const *) formats, "png"));
      gtk_check_button_set_active (self->svg_check, g_strv_contains ((const char * const *) formats, "svg"));
    }
}

static void
rosette_export_dialog_save_settings (RosetteExportDialog *self)
{
  RosetteExportFormat formats = rosette_export_dialog_get_formats (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *path = g_file_get_path (self->folder);

  guint sizes[9];

  /* One key holds one size: the largest chosen is the best guess. */
  if (rosette_export_dialog_get_sizes (self, sizes) > 0 &&
      rosette_gui_settings_has_key (self->settings, "export-size"))
    {
      guint largest = 0;

      for (guint i = 0; sizes[i] != 0; i++)
        largest = MAX (largest, sizes[i]);
      g_settings_set_uint (self->settings, "export-size", largest);
    }

  if (path != NULL && rosette_gui_settings_has_key (self->settings, "last-export-folder"))
    g_settings_set_string (self->settings, "last-export-folder", path);

  if (formats & ROSETTE_EXPORT_FORMAT_PNG)
    g_strv_builder_add (builder, "png");
  if (formats & ROSETTE_EXPORT_FORMAT_SVG)
    g_strv_builder_add (builder, "svg");
  strv = g_strv_builder_end (builder);

  if (rosette_gui_settings_has_key (self->settings, "export-formats"))
    g_settings_set_strv (self->settings, "export-formats", (const char * const *) strv);
}

static void rosette_export_dialog_export_next (RosetteExportDialog *self);

static void
rosette_export_dialog_finish (RosetteExportDialog *self,
                              const GError        *error)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  rosette_export_dialog_set_busy (self, FALSE);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not export: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  rosette_export_dialog_save_settings (self);
  g_signal_emit (self, signals[EXPORTED], 0, self->folder, self->n_written);
  gtk_window_close (GTK_WINDOW (self));
}

static void
rosette_export_dialog_export_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(RosetteExportDialog) self = user_data;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  written = rosette_design_export_tiers_finish (result, &error);

  /* Cancelled: by Cancel (the dialog stays) or by closing it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->cancellable);
      g_clear_pointer (&self->queue, g_ptr_array_unref);
      rosette_export_dialog_set_busy (self, FALSE);
      return;
    }

  if (written == NULL)
    {
      rosette_export_dialog_finish (self, error);
      return;
    }

  self->n_written += written->len;
  self->n_done++;
  rosette_export_dialog_export_next (self);
}

static void
rosette_export_dialog_export_next (RosetteExportDialog *self)
{
  g_autoptr(GPtrArray) tiers = g_ptr_array_new ();
  RosetteTier *tier;
  g_autofree char *text = NULL;

  if (self->n_done >= self->queue->len)
    {
      rosette_export_dialog_finish (self, NULL);
      return;
    }

  tier = g_ptr_array_index (self->queue, self->n_done);
  g_ptr_array_add (tiers, tier);

  /* Translators: %s is a tier name, e.g. "Exporting Gold…" */
  text = g_strdup_printf (_("Exporting %s…"), rosette_tier_get_name (tier));
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->n_done / self->queue->len);

  rosette_design_export_tiers_async (self->family, tiers, &self->options, self->folder,
                                     self->cancellable, rosette_export_dialog_export_cb,
                                     g_object_ref (self));
}

static void
cancel_clicked_cb (RosetteExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (RosetteExportDialog *self)
{
  rosette_export_dialog_export (self);
}

static void
folder_chooser_response_cb (RosetteExportDialog  *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        rosette_export_dialog_set_folder (self, folder);
    }

  g_object_unref (chooser);
}

static void
folder_row_activated_cb (RosetteExportDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export To"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (folder_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
rosette_export_dialog_close_request (GtkWindow *window)
{
  RosetteExportDialog *self = ROSETTE_EXPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (rosette_export_dialog_parent_class)->close_request (window);
}

static void
rosette_export_dialog_dispose (GObject *object)
{
  RosetteExportDialog *self = ROSETTE_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  g_clear_object (&self->family);
  g_clear_object (&self->current_tier);
  g_clear_object (&self->folder);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->tier_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rosette_export_dialog_parent_class)->dispose (object);
}

static void
rosette_export_dialog_class_init (RosetteExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rosette_export_dialog_dispose;

  window_class->close_request = rosette_export_dialog_close_request;

  /**
   * RosetteExportDialog::exported:
   * @self: the #RosetteExportDialog
   * @folder: the folder the files were written to
   * @n_files: how many files were written
   *
   * Emitted when an export finished without error, just before the
   * dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, sizes_box);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, png_check);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, svg_check);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, custom_check);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, size_spin);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, outline_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RosetteExportDialog, folder_row);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rosette_export_dialog_add_size_buttons (RosetteExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);

  for (guint i = 0; i < G_N_ELEMENTS (preset_sizes); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", preset_sizes[i]);
      g_autofree char *accessible = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      /* Translators: %u is a size in pixels */
      accessible = g_strdup_printf (_("%u pixels"), preset_sizes[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_signal_connect_swapped (button, "notify::active", G_CALLBACK (format_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      self->size_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  gtk_box_append (self->sizes_box, box);
}

static void
rosette_export_dialog_init (RosetteExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rosette_gui_name_controls (GTK_WIDGET (self));

  self->tier_checks = g_ptr_array_new ();
  rosette_export_dialog_add_size_buttons (self);
  gtk_spin_button_set_range (self->size_spin, ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE);

  self->settings = rosette_gui_dup_settings ();
  rosette_export_dialog_load_settings (self);

  self->folder = rosette_export_dialog_dup_default_folder (self);
  rosette_export_dialog_set_folder (self, self->folder);

  rosette_export_dialog_set_busy (self, FALSE);
}

/**
 * rosette_export_dialog_new:
 * @parent: (nullable): the window to stay on top of
 * @family: the family to export
 * @current_tier: (nullable): the tier selected in the window
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
RosetteExportDialog *
rosette_export_dialog_new (GtkWindow     *parent,
                           RosetteFamily *family,
                           RosetteTier   *current_tier)
{
  RosetteExportDialog *self;
  g_autofree char *current = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (!current_tier || ROSETTE_IS_TIER (current_tier), NULL);

  self = g_object_new (ROSETTE_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->family = g_object_ref (family);
  g_set_object (&self->current_tier, current_tier);

  /* Every tier is chosen: a family is usually exported whole. */
  for (guint i = 0; i < rosette_family_get_n_tiers (family); i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);
      g_autofree char *caption = rosette_tier_dup_caption (tier);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (format_toggled_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rosette_tier_get_name (tier));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), caption);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->tiers_group, row);
      g_ptr_array_add (self->tier_checks, check);
    }

  rosette_export_dialog_set_busy (self, FALSE);

  return self;
}

/**
 * rosette_export_dialog_get_folder:
 * @self: a #RosetteExportDialog
 *
 * Returns: (transfer none): the folder files are written to
 */
GFile *
rosette_export_dialog_get_folder (RosetteExportDialog *self)
{
  g_return_val_if_fail (ROSETTE_IS_EXPORT_DIALOG (self), NULL);

  return self->folder;
}

void
rosette_export_dialog_set_folder (RosetteExportDialog *self,
                                  GFile               *folder)
{
  g_autofree char *display = NULL;

  g_return_if_fail (ROSETTE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_set_object (&self->folder, folder);

  display = rosette_gui_dup_display_path (folder);
  adw_action_row_set_subtitle (self->folder_row, display);
}

/**
 * rosette_export_dialog_export:
 * @self: a #RosetteExportDialog
 *
 * Starts the export as chosen, as the Export button does. The dialog
 * emits #RosetteExportDialog::exported and closes when it is done, or
 * shows why it failed.
 */
void
rosette_export_dialog_export (RosetteExportDialog *self)
{
  g_return_if_fail (ROSETTE_IS_EXPORT_DIALOG (self));

  memset (&self->options, 0, sizeof self->options);
  self->options.formats = rosette_export_dialog_get_formats (self);
  if (self->cancellable != NULL || self->options.formats == 0)
    return;

  rosette_export_dialog_get_sizes (self, self->options.sizes);
  self->options.text_to_path = gtk_switch_get_active (self->outline_switch);

  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->tier_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->tier_checks, i)))
      g_ptr_array_add (self->queue, g_object_ref (rosette_family_get_tier (self->family, i)));

  if (self->queue->len == 0)
    {
      g_clear_pointer (&self->queue, g_ptr_array_unref);
      return;
    }

  self->n_done = 0;
  self->n_written = 0;
  self->cancellable = g_cancellable_new ();
  rosette_export_dialog_set_busy (self, TRUE);
  rosette_export_dialog_export_next (self);
}

/**
 * rosette_export_dialog_set_tier_active:
 * @self: a #RosetteExportDialog
 * @position: a tier's position
 * @active: whether to export it
 */
void
rosette_export_dialog_set_tier_active (RosetteExportDialog *self,
                                       guint                position,
                                       gboolean             active)
{
  g_return_if_fail (ROSETTE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (position < self->tier_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->tier_checks, position), active);
}

/**
 * rosette_export_dialog_set_size_active:
 * @self: a #RosetteExportDialog
 * @size: one of the preset PNG sizes (128, 256, 512, 1024, 2048)
 * @active: whether to export PNGs of that size
 */
void
rosette_export_dialog_set_size_active (RosetteExportDialog *self,
                                       guint                size,
                                       gboolean             active)
{
  g_return_if_fail (ROSETTE_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (preset_sizes); i++)
    if (preset_sizes[i] == size)
      gtk_toggle_button_set_active (self->size_buttons[i], active);
}
