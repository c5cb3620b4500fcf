/* rosette-inspector.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-inspector-private.h"

/* The side panel of the Design page: the properties of the element
 * selected on the canvas, or of the whole family when nothing is. Each
 * control writes straight into the family (every setter is one undo step
 * in the window's history); a "changed" from the family syncs the
 * controls back, with `syncing` set so that doing so edits nothing. */

/* The emblem file read before sanitising; the core refuses more anyway. */
#define MAX_EMBLEM_FILE_SIZE (4 * 1024 * 1024)
#define DEFAULT_TITLE_SIZE 32.0
#define INSPECTOR_WIDTH 360

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_ELEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteInspector, rosette_inspector, ADW_TYPE_BIN)

/* Which groups each selection shows; nothing selected shows the family. */
enum {
  GROUP_BADGE     = 1 << 0,
  GROUP_EMBLEM    = 1 << 1,
  GROUP_TEXT      = 1 << 2,
  GROUP_COLORS    = 1 << 3,
  GROUP_PLACEMENT = 1 << 4,
  GROUP_TIERS     = 1 << 5,
};

static guint
element_get_groups (int element)
{
  switch (element)
    {
    case ROSETTE_ELEMENT_SHAPE:
      return GROUP_BADGE | GROUP_COLORS | GROUP_PLACEMENT;
    case ROSETTE_ELEMENT_RING:
      return GROUP_BADGE | GROUP_TIERS | GROUP_PLACEMENT;
    case ROSETTE_ELEMENT_EMBLEM:
      return GROUP_EMBLEM | GROUP_COLORS | GROUP_PLACEMENT;
    case ROSETTE_ELEMENT_SUBTITLE:
    case ROSETTE_ELEMENT_TITLE:
      return GROUP_TEXT | GROUP_PLACEMENT;
    case ROSETTE_ELEMENT_RIBBON:
      return GROUP_COLORS | GROUP_TEXT | GROUP_PLACEMENT;
    case ROSETTE_ELEMENT_TIER_LABEL:
    case ROSETTE_ELEMENT_STARS:
      return GROUP_TIERS | GROUP_PLACEMENT;
    default:
      return GROUP_BADGE | GROUP_EMBLEM | GROUP_TEXT | GROUP_COLORS | GROUP_TIERS;
    }
}

void
_rosette_inspector_show_error (RosetteInspector *self,
                               const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->last_error);
  self->last_error = g_strdup (message);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

void
_rosette_inspector_set_color (GtkColorButton *button,
                              const char     *color,
                              const char     *fallback)
{
  GdkRGBA rgba;

  if (rosette_gui_color_parse (color, &rgba) || rosette_gui_color_parse (fallback, &rgba))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
}

static void
rosette_inspector_begin_group (RosetteInspector *self)
{
  if (self->history != NULL)
    rosette_history_begin_group (self->history);
}

static void
rosette_inspector_end_group (RosetteInspector *self)
{
  if (self->history != NULL)
    rosette_history_end_group (self->history);
}

static void
rosette_inspector_sync_placement (RosetteInspector *self)
{
  double x = 0, y = 0, scale = 1;

  if (self->element >= 0)
    rosette_family_get_placement (self->family, self->element, &x, &y, &scale);

  gtk_spin_button_set_value (self->x_spin, x);
  gtk_spin_button_set_value (self->y_spin, y);
  gtk_spin_button_set_value (self->scale_spin, scale);
}

static void
rosette_inspector_sync (RosetteInspector *self)
{
  RosetteFamily *family = self->family;
  double title_size;
  guint weight;

  if (family == NULL)
    return;

  self->syncing = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rosette_family_get_name (family));
  adw_combo_row_set_selected (self->shape_row, rosette_family_get_shape (family));
  gtk_spin_button_set_value (self->rim_spin, rosette_family_get_rim_width (family));
  gtk_switch_set_active (self->shadow_switch, rosette_family_get_shadow (family));
  gtk_switch_set_active (self->gradient_switch, rosette_family_get_gradient (family));

  /* The service kind's emblem text is the number of years. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->emblem_text_row),
                                 rosette_family_get_kind (family) == ROSETTE_BADGE_KIND_SERVICE
                                 ? _("_Years") : _("Emblem _Text"));
  gtk_editable_set_text (GTK_EDITABLE (self->emblem_text_row),
                         rosette_family_get_emblem_text (family));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rosette_family_get_title (family));
  adw_combo_row_set_selected (self->title_layout_row, rosette_family_get_title_layout (family));
  title_size = rosette_family_get_title_size (family);
  adw_expander_row_set_enable_expansion (self->title_size_expander,
                                         title_size != ROSETTE_TITLE_SIZE_AUTO);
  gtk_spin_button_set_value (self->title_size_spin,
                             title_size != ROSETTE_TITLE_SIZE_AUTO ? title_size : DEFAULT_TITLE_SIZE);
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle_row), rosette_family_get_subtitle (family));
  gtk_switch_set_active (self->show_subtitle_switch, rosette_family_get_show_subtitle (family));
  adw_combo_row_set_selected (self->subtitle_layout_row, rosette_family_get_subtitle_layout (family));

  if (rosette_family_get_font_family (family)[0] != '\0')
    gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button),
                               rosette_family_get_font_family (family));
  else
    gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button), "DejaVu Sans Condensed");

  weight = CLAMP (rosette_family_get_font_weight (family), ROSETTE_FONT_WEIGHT_MIN,
                  ROSETTE_FONT_WEIGHT_MAX);
  adw_combo_row_set_selected (self->weight_row, (weight + 50) / 100 - 1);

  _rosette_inspector_set_color (self->field_color_button, rosette_family_get_field_color (family),
                                NULL);
  _rosette_inspector_set_color (self->ribbon_color_button, rosette_family_get_ribbon_color (family),
                                rosette_family_get_field_color (family));
  _rosette_inspector_set_color (self->emblem_color_button, rosette_family_get_emblem_color (family),
                                "#ffffff");
  gtk_widget_set_sensitive (GTK_WIDGET (self->ribbon_reset_button),
                            rosette_family_get_ribbon_color (family)[0] != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->emblem_reset_button),
                            rosette_family_get_emblem_color (family)[0] != '\0');

  rosette_inspector_sync_placement (self);
  gtk_switch_set_active (self->ramp_switch, rosette_family_get_palette_ramp (family));

  _rosette_inspector_sync_tiers (self);

  self->syncing = FALSE;
}

static void
rosette_inspector_update_groups (RosetteInspector *self)
{
  guint groups = element_get_groups (self->element);

  gtk_widget_set_visible (GTK_WIDGET (self->badge_group), groups & GROUP_BADGE);
  gtk_widget_set_visible (GTK_WIDGET (self->emblem_group), groups & GROUP_EMBLEM);
  gtk_widget_set_visible (GTK_WIDGET (self->text_group), groups & GROUP_TEXT);
  gtk_widget_set_visible (GTK_WIDGET (self->colors_group), groups & GROUP_COLORS);
  gtk_widget_set_visible (GTK_WIDGET (self->placement_group), groups & GROUP_PLACEMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->tiers_group), groups & GROUP_TIERS);
  gtk_widget_set_visible (GTK_WIDGET (self->deselect_button), self->element >= 0);

  gtk_label_set_label (self->heading_label,
                       self->element >= 0
                       ? rosette_gui_element_get_display_name (self->element)
                       : _("Badge Family"));

  self->syncing = TRUE;
  if (self->family != NULL)
    rosette_inspector_sync_placement (self);
  self->syncing = FALSE;
}

static void
entry_applied_cb (RosetteInspector *self,
                  AdwEntryRow      *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->family == NULL)
    return;

  if (row == self->name_row)
    {
      if (!rosette_family_check_name (text, &error))
        {
          _rosette_inspector_show_error (self, error->message);
          return;
        }
      rosette_family_set_name (self->family, text);
    }
  else if (row == self->emblem_text_row)
    rosette_family_set_emblem_text (self->family, text);
  else if (row == self->title_row)
    rosette_family_set_title (self->family, text);
  else if (row == self->subtitle_row)
    rosette_family_set_subtitle (self->family, text);
}

static void
combo_selected_cb (RosetteInspector *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || self->family == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->shape_row)
    rosette_family_set_shape (self->family, selected);
  else if (row == self->title_layout_row)
    rosette_family_set_title_layout (self->family, selected);
  else if (row == self->subtitle_layout_row)
    rosette_family_set_subtitle_layout (self->family, selected);
  else if (row == self->weight_row)
    rosette_family_set_font_weight (self->family, (selected + 1) * 100);
}

static void
switch_active_cb (RosetteInspector *self,
                  GParamSpec       *pspec,
                  GObject          *object)
{
  if (self->syncing || self->family == NULL)
    return;

  if (object == G_OBJECT (self->shadow_switch))
    rosette_family_set_shadow (self->family, gtk_switch_get_active (self->shadow_switch));
  else if (object == G_OBJECT (self->gradient_switch))
    rosette_family_set_gradient (self->family, gtk_switch_get_active (self->gradient_switch));
  else if (object == G_OBJECT (self->show_subtitle_switch))
    rosette_family_set_show_subtitle (self->family,
                                      gtk_switch_get_active (self->show_subtitle_switch));
  else if (object == G_OBJECT (self->ramp_switch))
    rosette_family_set_palette_ramp (self->family, gtk_switch_get_active (self->ramp_switch));
  else if (object == G_OBJECT (self->title_size_expander))
    rosette_family_set_title_size (self->family,
                                   adw_expander_row_get_enable_expansion (self->title_size_expander)
                                   ? gtk_spin_button_get_value (self->title_size_spin)
                                   : ROSETTE_TITLE_SIZE_AUTO);
}

static void
spin_changed_cb (RosetteInspector *self,
                 GtkSpinButton    *spin)
{
  if (self->syncing || self->family == NULL)
    return;

  if (spin == self->rim_spin)
    rosette_family_set_rim_width (self->family, gtk_spin_button_get_value (spin));
  else if (spin == self->title_size_spin)
    {
      if (adw_expander_row_get_enable_expansion (self->title_size_expander))
        rosette_family_set_title_size (self->family, gtk_spin_button_get_value (spin));
    }
  else if (self->element >= 0)
    rosette_family_set_placement (self->family, self->element,
                                  gtk_spin_button_get_value (self->x_spin),
                                  gtk_spin_button_get_value (self->y_spin),
                                  gtk_spin_button_get_value (self->scale_spin));
}

static void
color_changed_cb (RosetteInspector *self,
                  GParamSpec       *pspec,
                  GtkColorButton   *button)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  if (self->syncing || self->family == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = rosette_gui_color_to_string (&rgba);

  if (button == self->field_color_button)
    rosette_family_set_field_color (self->family, color);
  else if (button == self->ribbon_color_button)
    rosette_family_set_ribbon_color (self->family, color);
  else if (button == self->emblem_color_button)
    rosette_family_set_emblem_color (self->family, color);
}

static void
color_reset_clicked_cb (RosetteInspector *self,
                        GtkButton        *button)
{
  if (self->family == NULL)
    return;

  if (button == self->ribbon_reset_button)
    rosette_family_set_ribbon_color (self->family, "");
  else if (button == self->emblem_reset_button)
    rosette_family_set_emblem_color (self->family, "");
}

static void
font_set_cb (RosetteInspector *self,
             GtkFontButton    *button)
{
  g_autofree char *family = NULL;
  PangoFontFamily *font_family;

  if (self->syncing || self->family == NULL)
    return;

  font_family = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (button));
  if (font_family != NULL)
    family = g_strdup (pango_font_family_get_name (font_family));
  else
    family = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (button));

  if (family != NULL)
    rosette_family_set_font_family (self->family, family);
}

static void
reset_placement_activated_cb (RosetteInspector *self)
{
  if (self->family == NULL)
    return;

  if (self->element >= 0)
    rosette_family_set_placement (self->family, self->element, 0, 0, 1);
  else
    rosette_family_reset_placements (self->family);
}

static void
deselect_clicked_cb (RosetteInspector *self)
{
  rosette_inspector_set_element (self, -1);
}

static void
palette_clicked_cb (RosetteInspector *self,
                    GtkButton        *button)
{
  const RosettePalette *palette = g_object_get_data (G_OBJECT (button), "palette");

  if (self->family == NULL || palette == NULL)
    return;

  /* Three colours, one undo step. */
  rosette_inspector_begin_group (self);
  rosette_family_set_field_color (self->family, palette->field);
  rosette_family_set_ribbon_color (self->family, palette->ribbon);
  rosette_family_set_emblem_color (self->family, palette->emblem);
  rosette_inspector_end_group (self);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const RosettePalette *palette = user_data;
  const char *colors[] = { palette->field, palette->ribbon, palette->emblem };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      GdkRGBA rgba;

      if (!gdk_rgba_parse (&rgba, colors[i]))
        continue;

      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_rectangle (cr, i * width / 3.0, 0, width / 3.0 + 1, height);
      cairo_fill (cr);
    }
}

static void
rosette_inspector_add_palettes (RosetteInspector *self)
{
  guint n_presets = 0;
  const RosettePalette *presets = rosette_palette_get_presets (&n_presets);

  for (guint i = 0; i < n_presets; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 36);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 20);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch,
                                      (gpointer) &presets[i], NULL);
      gtk_button_set_child (GTK_BUTTON (button), area);
      gtk_widget_add_css_class (button, "palette-swatch");
      gtk_widget_set_tooltip_text (button, presets[i].name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, presets[i].name,
                                      -1);
      g_object_set_data (G_OBJECT (button), "palette", (gpointer) &presets[i]);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (palette_clicked_cb), self);
      gtk_flow_box_append (self->palette_box, button);
    }
}

static void
sanitize_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *markup;
  gsize length;
  const char *data;

  bytes = rosette_load_file_bounded (file, MAX_EMBLEM_FILE_SIZE, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  markup = rosette_design_sanitize_emblem (data, length, &error);
  if (markup == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, markup, g_free);
}

static void
sanitize_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RosetteInspector *self = ROSETTE_INSPECTOR (object);
  g_autofree char *markup = NULL;
  g_autoptr(GError) error = NULL;

  markup = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (markup == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, from the SVG checker */
      message = g_strdup_printf (_("Could not use this emblem: %s"), error->message);
      _rosette_inspector_show_error (self, message);
      return;
    }

  if (self->family == NULL)
    return;

  rosette_inspector_begin_group (self);
  rosette_family_set_custom_emblem (self->family, markup);
  rosette_family_set_emblem (self->family, ROSETTE_FAMILY_CUSTOM_EMBLEM);
  rosette_inspector_end_group (self);
}

/**
 * rosette_inspector_import_emblem:
 * @self: a #RosetteInspector
 * @file: an SVG file
 *
 * Reads and sanitises @file off the main thread, then makes it the
 * family's emblem; a file the core refuses changes nothing and its
 * reason is shown.
 */
void
rosette_inspector_import_emblem (RosetteInspector *self,
                                 GFile            *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROSETTE_IS_INSPECTOR (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, sanitize_cb, NULL);
  g_task_set_source_tag (task, rosette_inspector_import_emblem);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, sanitize_thread);
}

static void
import_response_cb (RosetteInspector     *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rosette_inspector_import_emblem (self, file);
    }

  g_object_unref (chooser);
}

static void
import_activated_cb (RosetteInspector *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  chooser = gtk_file_chooser_native_new (_("Import Emblem"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("SVG Images"));
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_tier_clicked_cb (RosetteInspector *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n;

  if (self->family == NULL)
    return;

  /* "Tier 4", or the next free number. */
  n = rosette_family_get_n_tiers (self->family);
  do
    {
      g_free (name);
      /* Translators: the default name of a new tier; %u is a number */
      name = g_strdup_printf (_("Tier %u"), ++n);
    }
  while (rosette_family_find_tier (self->family, name) != NULL);

  if (!rosette_family_add_tier (self->family, name, &error))
    _rosette_inspector_show_error (self, error->message);
}

static void
tiers_items_changed_cb (RosetteInspector *self)
{
  _rosette_inspector_rebuild_tiers (self);
}

/* Long subtitles would make the panel as wide as their unwrapped text:
 * it asks for a sidebar's width and lets them wrap. */
static void
rosette_inspector_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GTK_WIDGET_CLASS (rosette_inspector_parent_class)->measure (widget, orientation, for_size,
                                                              minimum, natural,
                                                              minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, INSPECTOR_WIDTH));
}

static void
rosette_inspector_dispose (GObject *object)
{
  RosetteInspector *self = ROSETTE_INSPECTOR (object);

  g_cancellable_cancel (self->cancellable);
  rosette_inspector_set_family (self, NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rosette_inspector_parent_class)->dispose (object);
}

static void
rosette_inspector_finalize (GObject *object)
{
  RosetteInspector *self = ROSETTE_INSPECTOR (object);

  g_clear_pointer (&self->tier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (rosette_inspector_parent_class)->finalize (object);
}

static void
rosette_inspector_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RosetteInspector *self = ROSETTE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_ELEMENT:
      g_value_set_int (value, self->element);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_inspector_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RosetteInspector *self = ROSETTE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_inspector_set_family (self, g_value_get_object (value));
      break;

    case PROP_ELEMENT:
      rosette_inspector_set_element (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_inspector_class_init (RosetteInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_inspector_dispose;
  object_class->finalize = rosette_inspector_finalize;
  object_class->get_property = rosette_inspector_get_property;
  object_class->set_property = rosette_inspector_set_property;

  widget_class->measure = rosette_inspector_measure;

  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteInspector:element:
   *
   * The #RosetteElement whose properties are shown, or -1 for the family.
   */
  properties[PROP_ELEMENT] =
    g_param_spec_int ("element", NULL, NULL,
                      -1, ROSETTE_N_ELEMENTS - 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROSETTE_TYPE_EMBLEM_CHOOSER);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/design/rosette-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, deselect_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, badge_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, emblem_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, text_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, colors_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, placement_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, name_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, shape_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, rim_spin);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, shadow_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, gradient_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, emblem_text_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, emblem_chooser);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, title_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, title_layout_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, title_size_expander);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, title_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, show_subtitle_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, subtitle_layout_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, font_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, weight_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, field_color_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, ribbon_color_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, emblem_color_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, ribbon_reset_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, emblem_reset_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, palette_box);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, x_spin);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, y_spin);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, ramp_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteInspector, add_tier_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, font_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_placement_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deselect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_tier_clicked_cb);
}

static void
rosette_inspector_init (RosetteInspector *self)
{
  self->element = -1;
  self->tier_rows = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  rosette_inspector_add_palettes (self);
  rosette_inspector_update_groups (self);
}

GtkWidget *
rosette_inspector_new (void)
{
  return g_object_new (ROSETTE_TYPE_INSPECTOR, NULL);
}

/**
 * rosette_inspector_get_family:
 * @self: a #RosetteInspector
 *
 * Returns: (transfer none) (nullable): the family edited
 */
RosetteFamily *
rosette_inspector_get_family (RosetteInspector *self)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  return self->family;
}

void
rosette_inspector_set_family (RosetteInspector *self,
                              RosetteFamily    *family)
{
  g_return_if_fail (ROSETTE_IS_INSPECTOR (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (self->family == family)
    return;

  if (self->family != NULL)
    {
      g_clear_signal_handler (&self->family_changed_id, self->family);
      g_clear_signal_handler (&self->tiers_changed_id, rosette_family_get_tiers (self->family));
    }

  g_set_object (&self->family, family);
  rosette_emblem_chooser_set_family (self->emblem_chooser, family);

  if (family != NULL)
    {
      self->family_changed_id =
        g_signal_connect_object (family, "changed", G_CALLBACK (rosette_inspector_sync),
                                 self, G_CONNECT_SWAPPED);
      self->tiers_changed_id =
        g_signal_connect_object (rosette_family_get_tiers (family), "items-changed",
                                 G_CALLBACK (tiers_items_changed_cb),
                                 self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  self->element = -1;
  _rosette_inspector_rebuild_tiers (self);
  rosette_inspector_update_groups (self);
  rosette_inspector_sync (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * rosette_inspector_set_history:
 * @self: a #RosetteInspector
 * @history: (nullable): where edits made of several steps are grouped
 */
void
rosette_inspector_set_history (RosetteInspector *self,
                               RosetteHistory   *history)
{
  g_return_if_fail (ROSETTE_IS_INSPECTOR (self));
  g_return_if_fail (!history || ROSETTE_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

int
rosette_inspector_get_element (RosetteInspector *self)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), -1);

  return self->element;
}

void
rosette_inspector_set_element (RosetteInspector *self,
                               int               element)
{
  g_return_if_fail (ROSETTE_IS_INSPECTOR (self));
  g_return_if_fail (element >= -1 && element < ROSETTE_N_ELEMENTS);

  if (self->element == element)
    return;

  self->element = element;
  rosette_inspector_update_groups (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}

/**
 * rosette_inspector_get_field_color_button:
 * @self: a #RosetteInspector
 *
 * Returns: (transfer none): the family's field colour control
 */
GtkColorChooser *
rosette_inspector_get_field_color_button (RosetteInspector *self)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  return GTK_COLOR_CHOOSER (self->field_color_button);
}

/**
 * rosette_inspector_get_add_tier_button:
 * @self: a #RosetteInspector
 *
 * Returns: (transfer none): the "Add a Tier" button
 */
GtkButton *
rosette_inspector_get_add_tier_button (RosetteInspector *self)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  return self->add_tier_button;
}

/**
 * rosette_inspector_get_group:
 * @self: a #RosetteInspector
 * @name: "badge", "emblem", "text", "colors", "placement" or "tiers"
 *
 * Returns: (transfer none) (nullable): that group of controls
 */
GtkWidget *
rosette_inspector_get_group (RosetteInspector *self,
                             const char       *name)
{
  const struct {
    const char *name;
    gsize offset;
  } groups[] = {
    { "badge", G_STRUCT_OFFSET (RosetteInspector, badge_group) },
    { "emblem", G_STRUCT_OFFSET (RosetteInspector, emblem_group) },
    { "text", G_STRUCT_OFFSET (RosetteInspector, text_group) },
    { "colors", G_STRUCT_OFFSET (RosetteInspector, colors_group) },
    { "placement", G_STRUCT_OFFSET (RosetteInspector, placement_group) },
    { "tiers", G_STRUCT_OFFSET (RosetteInspector, tiers_group) },
  };

  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_strcmp0 (groups[i].name, name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, groups[i].offset);

  return NULL;
}

/**
 * rosette_inspector_get_last_error:
 * @self: a #RosetteInspector
 *
 * Returns: (nullable): the last problem the inspector showed, e.g. why
 *   an imported emblem was refused
 */
const char *
rosette_inspector_get_last_error (RosetteInspector *self)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  return self->last_error;
}
