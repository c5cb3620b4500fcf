/* rosette-gui-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "rosette-gui-utils.h"
#include "rosette-resources.h"

/**
 * rosette_gui_ensure_resources:
 *
 * Registers the GUI's resources once. Every class with a template calls
 * this from class_init, so templates load in the app and in tests alike.
 */
void
rosette_gui_ensure_resources (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      rosette_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * rosette_gui_dup_settings:
 *
 * Gets the application's settings, or %NULL when the schema is not
 * installed (e.g. a run from the build tree without GSETTINGS_SCHEMA_DIR):
 * g_settings_new() would abort the process there.
 *
 * Returns: (transfer full) (nullable): a #GSettings
 */
GSettings *
rosette_gui_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not saved", BASE_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * rosette_gui_dup_issuer_store:
 *
 * Gets the issuer store the app uses: `$ROSETTE_DATA_DIR` when set (tests
 * and scripts, as rosette-cli reads it), else the default one.
 *
 * Returns: (transfer full): a #RosetteIssuerStore
 */
RosetteIssuerStore *
rosette_gui_dup_issuer_store (void)
{
  const char *dir = g_getenv ("ROSETTE_DATA_DIR");
  g_autoptr(GFile) base = dir != NULL && dir[0] != '\0' ? g_file_new_for_path (dir) : NULL;

  return rosette_issuer_store_new (base);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                  : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The words a composite control shows or says about itself. */
static char *
dup_control_label (GtkWidget *widget)
{
  char *label = NULL;

  if (GTK_IS_COLOR_BUTTON (widget) || GTK_IS_FONT_BUTTON (widget))
    g_object_get (widget, "title", &label, NULL);
  else if (ADW_IS_EXPANDER_ROW (widget) || ADW_IS_PREFERENCES_ROW (widget))
    label = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (GTK_IS_EXPANDER (widget) && GTK_IS_LABEL (gtk_expander_get_label_widget (GTK_EXPANDER (widget))))
    label = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_expander_get_label_widget (GTK_EXPANDER (widget)))));

  if ((label == NULL || label[0] == '\0') && gtk_widget_get_tooltip_text (widget) != NULL)
    {
      g_free (label);
      label = g_strdup (gtk_widget_get_tooltip_text (widget));
    }

  if (label != NULL && label[0] == '\0')
    g_clear_pointer (&label, g_free);

  return label;
}

/**
 * rosette_gui_name_controls:
 * @root: a widget whose descendants to name
 *
 * Gives an accessible name to the controls GTK 4.8 leaves unnamed: the
 * button inside a GtkMenuButton, GtkColorButton or GtkFontButton (which
 * is what a screen reader lands on, not the outer widget), the switch of
 * an AdwExpanderRow, and a GtkExpander. The name is the control's title
 * (its row's title for a switch) or else its tooltip. Call it once the
 * widgets exist; rows made later need their own call.
 */
void
rosette_gui_name_controls (GtkWidget *root)
{
  g_autofree char *label = NULL;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_MENU_BUTTON (root) || GTK_IS_COLOR_BUTTON (root) || GTK_IS_FONT_BUTTON (root))
    {
      label = dup_control_label (root);
      if (label != NULL)
        {
          set_label (root, label);
          for (GtkWidget *child = gtk_widget_get_first_child (root);
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_BUTTON (child))
              set_label (child, label);
        }
    }
  else if (GTK_IS_EXPANDER (root))
    {
      label = dup_control_label (root);
      if (label != NULL)
        set_label (root, label);
    }
  else if (ADW_IS_EXPANDER_ROW (root) && adw_expander_row_get_show_enable_switch (ADW_EXPANDER_ROW (root)))
    {
      GtkWidget *toggle = find_descendant (root, GTK_TYPE_SWITCH);

      label = dup_control_label (root);
      /* The switch is a template child of the row; found by its type. */
      if (label != NULL && toggle != NULL)
        set_label (toggle, label);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rosette_gui_name_controls (child);
}

/**
 * rosette_gui_settings_has_key:
 * @settings: (nullable): a #GSettings
 * @key: a key name
 *
 * Whether @settings exists and its schema has @key, so that a build with
 * an older schema degrades to defaults instead of aborting.
 */
gboolean
rosette_gui_settings_has_key (GSettings  *settings,
                              const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);

  return schema != NULL && g_settings_schema_has_key (schema, key);
}

/**
 * rosette_gui_texture_new_for_surface:
 * @surface: a cairo image surface in %CAIRO_FORMAT_ARGB32
 *
 * Wraps the pixels of @surface in a #GdkTexture without copying them; the
 * texture keeps a reference on the surface. Cairo's ARGB32 is premultiplied
 * and native-endian, which is exactly %GDK_MEMORY_DEFAULT.
 *
 * Returns: (transfer full): a #GdkTexture
 */
GdkTexture *
rosette_gui_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width, height, stride;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * rosette_gui_dup_display_path:
 * @file: a #GFile
 *
 * A path to show people: the home folder as "~".
 *
 * Returns: (transfer full): a string
 */
char *
rosette_gui_dup_display_path (GFile *file)
{
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_get_parse_name (file);

  if (home != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_steal_pointer (&path);
}

/**
 * rosette_gui_render_texture:
 * @family: a family
 * @tier: a tier of @family
 * @size: the side in pixels, ROSETTE_DESIGN_MIN_SIZE..ROSETTE_DESIGN_MAX_SIZE
 * @error: return location for an error
 *
 * Renders a tier through the core into a texture: the GUI draws exactly
 * what an export writes.
 *
 * Returns: (transfer full) (nullable): a texture, or %NULL with @error set
 */
GdkTexture *
rosette_gui_render_texture (RosetteFamily  *family,
                            RosetteTier    *tier,
                            guint           size,
                            GError        **error)
{
  cairo_surface_t *surface;
  GdkTexture *texture;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);

  surface = rosette_design_render_surface (family, tier, size, error);
  if (surface == NULL)
    return NULL;

  texture = rosette_gui_texture_new_for_surface (surface);
  cairo_surface_destroy (surface);

  return texture;
}

/**
 * rosette_gui_color_to_string:
 * @rgba: a colour
 *
 * Returns: (transfer full): @rgba as the model's "#rrggbb"
 */
char *
rosette_gui_color_to_string (const GdkRGBA *rgba)
{
  g_return_val_if_fail (rgba != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0., 1.) * 255. + .5),
                          (guint) (CLAMP (rgba->green, 0., 1.) * 255. + .5),
                          (guint) (CLAMP (rgba->blue, 0., 1.) * 255. + .5));
}

/**
 * rosette_gui_color_parse:
 * @color: (nullable): a "#rrggbb" colour, or "" / %NULL
 * @rgba: (out): where to put the colour
 *
 * Returns: %TRUE if @color was a colour; %FALSE for an empty one
 */
gboolean
rosette_gui_color_parse (const char *color,
                         GdkRGBA    *rgba)
{
  g_return_val_if_fail (rgba != NULL, FALSE);

  if (color == NULL || color[0] == '\0')
    return FALSE;

  return gdk_rgba_parse (rgba, color);
}

/**
 * rosette_gui_element_get_display_name:
 * @element: a badge element
 *
 * Returns: the element's name for people, e.g. "Emblem"
 */
const char *
rosette_gui_element_get_display_name (RosetteElement element)
{
  switch (element)
    {
    case ROSETTE_ELEMENT_SHAPE:
      return _("Shape");
    case ROSETTE_ELEMENT_RING:
      return _("Ring");
    case ROSETTE_ELEMENT_EMBLEM:
      return _("Emblem");
    case ROSETTE_ELEMENT_SUBTITLE:
      return _("Subtitle");
    case ROSETTE_ELEMENT_RIBBON:
      return _("Ribbon");
    case ROSETTE_ELEMENT_TITLE:
      return _("Title");
    case ROSETTE_ELEMENT_TIER_LABEL:
      return _("Tier Label");
    case ROSETTE_ELEMENT_STARS:
      return _("Stars");
    default:
      return "";
    }
}

/**
 * rosette_gui_family_find_tier:
 * @family: a family
 * @tier: (nullable): a tier
 *
 * Returns: the position of @tier in @family, or
 *   %GTK_INVALID_LIST_POSITION when it is not one of its tiers
 */
guint
rosette_gui_family_find_tier (RosetteFamily *family,
                              RosetteTier   *tier)
{
  guint n_tiers;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), GTK_INVALID_LIST_POSITION);

  n_tiers = rosette_family_get_n_tiers (family);
  for (guint i = 0; i < n_tiers; i++)
    if (rosette_family_get_tier (family, i) == tier)
      return i;

  return GTK_INVALID_LIST_POSITION;
}
