/* rosette-inspector-tiers.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-inspector-private.h"
#include "rosette-tier-card.h"

/* The inspector's Tiers group: one expander row per tier with what the
 * designer may override (metal, stars, ring, ornament, field colour), its
 * name, and buttons to move or remove it. Rows are rebuilt when tiers are
 * added, removed or moved, and only synced when a tier changes, so the
 * control being used keeps the focus. */

static guint
row_get_position (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "position"));
}

static RosetteTier *
row_get_tier (RosetteInspector *self,
              GtkWidget        *widget)
{
  if (self->family == NULL)
    return NULL;

  return rosette_family_get_tier (self->family, row_get_position (widget));
}

static void
tier_name_applied_cb (RosetteInspector *self,
                      AdwEntryRow      *row)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->family == NULL)
    return;

  if (!rosette_family_rename_tier (self->family, row_get_position (GTK_WIDGET (row)),
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      _rosette_inspector_show_error (self, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
tier_combo_selected_cb (RosetteInspector *self,
                        GParamSpec       *pspec,
                        AdwComboRow      *row)
{
  RosetteTier *tier = row_get_tier (self, GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);
  const char *what = g_object_get_data (G_OBJECT (row), "what");

  if (self->syncing || tier == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (g_str_equal (what, "metal"))
    rosette_tier_set_metal (tier, selected);
  else if (g_str_equal (what, "ring"))
    rosette_tier_set_ring_style (tier, selected);
  else if (g_str_equal (what, "ornament"))
    rosette_tier_set_ornament (tier, selected);
}

static void
tier_stars_changed_cb (RosetteInspector *self,
                       GtkSpinButton    *spin)
{
  RosetteTier *tier = row_get_tier (self, GTK_WIDGET (spin));

  if (self->syncing || tier == NULL)
    return;

  rosette_tier_set_stars (tier, (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
tier_color_changed_cb (RosetteInspector *self,
                       GParamSpec       *pspec,
                       GtkColorButton   *button)
{
  RosetteTier *tier = row_get_tier (self, GTK_WIDGET (button));
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (self->syncing || tier == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = rosette_gui_color_to_string (&rgba);
  rosette_tier_set_field_color (tier, color);
}

static void
tier_color_reset_cb (RosetteInspector *self,
                     GtkButton        *button)
{
  RosetteTier *tier = row_get_tier (self, GTK_WIDGET (button));

  if (tier != NULL)
    rosette_tier_set_field_color (tier, "");
}

static void
tier_move_cb (RosetteInspector *self,
              GtkButton        *button)
{
  guint from = row_get_position (GTK_WIDGET (button));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  g_autoptr(GError) error = NULL;

  if (self->family == NULL)
    return;

  if (!rosette_family_move_tier (self->family, from, from + delta, &error))
    _rosette_inspector_show_error (self, error->message);
}

static void
tier_remove_cb (RosetteInspector *self,
                GtkButton        *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *overlay;
  AdwToast *toast;
  guint position;

  if (self->family == NULL)
    return;

  position = row_get_position (GTK_WIDGET (button));
  if (position < rosette_family_get_n_tiers (self->family))
    name = g_strdup (rosette_tier_get_name (rosette_family_get_tier (self->family, position)));

  if (!rosette_family_remove_tier (self->family, position, &error))
    {
      _rosette_inspector_show_error (self, error->message);
      return;
    }

  /* Removing is one click: say so, and offer the way back (the window's
   * history holds the removal as one step). */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  /* Translators: %s is the name of a tier, e.g. "Expert" */
  title = g_strdup_printf (_("Tier “%s” removed"), name != NULL ? name : "");
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
set_position (gpointer widget,
              guint    position)
{
  g_object_set_data (G_OBJECT (widget), "position", GUINT_TO_POINTER (position));
}

static AdwComboRow *
add_combo (RosetteInspector *self,
           AdwExpanderRow   *expander,
           guint             position,
           const char       *title,
           const char       *what,
           const char      **items)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (model, items[i]);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  set_position (row, position);
  g_object_set_data (G_OBJECT (row), "what", (gpointer) what);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (tier_combo_selected_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));

  return row;
}

static GtkButton *
add_icon_button (RosetteInspector *self,
                 AdwExpanderRow   *expander,
                 guint             position,
                 const char       *icon_name,
                 const char       *label,
                 GCallback         callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  set_position (button, position);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_expander_row_add_action (expander, button);

  return GTK_BUTTON (button);
}

static GtkWidget *
add_suffix_row (AdwExpanderRow *expander,
                const char     *title,
                GtkWidget      *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  adw_expander_row_add_row (expander, row);

  return row;
}

static TierRow *
rosette_inspector_add_tier_row (RosetteInspector *self,
                                guint             position)
{
  static const char *metals[] = { N_("Bronze"), N_("Silver"), N_("Gold"), N_("Platinum"), NULL };
  static const char *rings[] = { N_("None"), N_("Stitched"), N_("Beaded"), N_("Double"), NULL };
  static const char *ornaments[] = { N_("None"), N_("Wreath"), N_("Rays"), N_("Rays and Gems"), NULL };
  const char *items[5];
  TierRow *row = g_new0 (TierRow, 1);
  guint n_tiers = rosette_family_get_n_tiers (self->family);
  GtkWidget *reset;
  GtkWidget *color_row;

  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_group_add (self->tiers_group, GTK_WIDGET (row->expander));

  row->up_button = add_icon_button (self, row->expander, position, "go-up-symbolic",
                                    _("Move Tier Up"), G_CALLBACK (tier_move_cb));
  g_object_set_data (G_OBJECT (row->up_button), "delta", GINT_TO_POINTER (-1));
  gtk_widget_set_sensitive (GTK_WIDGET (row->up_button), position > 0);
  row->down_button = add_icon_button (self, row->expander, position, "go-down-symbolic",
                                      _("Move Tier Down"), G_CALLBACK (tier_move_cb));
  g_object_set_data (G_OBJECT (row->down_button), "delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (GTK_WIDGET (row->down_button), position + 1 < n_tiers);
  row->remove_button = add_icon_button (self, row->expander, position, "user-trash-symbolic",
                                        _("Remove Tier"), G_CALLBACK (tier_remove_cb));
  gtk_widget_set_sensitive (GTK_WIDGET (row->remove_button), n_tiers > ROSETTE_FAMILY_MIN_TIERS);

  row->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->name_row), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row->name_row), TRUE);
  adw_entry_row_set_show_apply_button (row->name_row, TRUE);
  set_position (row->name_row, position);
  g_signal_connect_swapped (row->name_row, "apply", G_CALLBACK (tier_name_applied_cb), self);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->name_row));

  for (guint i = 0; metals[i] != NULL; i++)
    items[i] = _(metals[i]), items[i + 1] = NULL;
  row->metal_row = add_combo (self, row->expander, position, _("_Metal"), "metal", items);

  row->stars_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, ROSETTE_TIER_MAX_STARS, 1));
  set_position (row->stars_spin, position);
  g_signal_connect_swapped (row->stars_spin, "value-changed", G_CALLBACK (tier_stars_changed_cb), self);
  add_suffix_row (row->expander, _("_Stars"), GTK_WIDGET (row->stars_spin));

  for (guint i = 0; rings[i] != NULL; i++)
    items[i] = _(rings[i]), items[i + 1] = NULL;
  row->ring_row = add_combo (self, row->expander, position, _("_Ring"), "ring", items);

  for (guint i = 0; ornaments[i] != NULL; i++)
    items[i] = _(ornaments[i]), items[i + 1] = NULL;
  row->ornament_row = add_combo (self, row->expander, position, _("_Ornament"), "ornament", items);

  row->color_button = GTK_COLOR_BUTTON (gtk_color_button_new ());
  gtk_color_button_set_title (row->color_button, _("Field Color"));
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (row->color_button), FALSE);
  set_position (row->color_button, position);
  g_signal_connect_swapped (row->color_button, "notify::rgba", G_CALLBACK (tier_color_changed_cb), self);
  color_row = add_suffix_row (row->expander, _("_Field Color"), GTK_WIDGET (row->color_button));

  reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Use the Family’s Field Color"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the family’s field color"),
                                  -1);
  set_position (reset, position);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (tier_color_reset_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (color_row), reset);

  /* The colour button's inner button, for screen readers. */
  rosette_gui_name_controls (GTK_WIDGET (row->expander));

  return row;
}

/**
 * _rosette_inspector_rebuild_tiers:
 * @self: a #RosetteInspector
 *
 * Makes one row per tier of the family, after tiers were added, removed
 * or moved.
 */
void
_rosette_inspector_rebuild_tiers (RosetteInspector *self)
{
  guint n_tiers;

  for (guint i = 0; i < self->tier_rows->len; i++)
    {
      TierRow *row = g_ptr_array_index (self->tier_rows, i);

      adw_preferences_group_remove (self->tiers_group, GTK_WIDGET (row->expander));
    }
  g_ptr_array_set_size (self->tier_rows, 0);

  if (self->family == NULL)
    return;

  n_tiers = rosette_family_get_n_tiers (self->family);
  for (guint i = 0; i < n_tiers; i++)
    g_ptr_array_add (self->tier_rows, rosette_inspector_add_tier_row (self, i));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_tier_button), n_tiers < ROSETTE_FAMILY_MAX_TIERS);

  _rosette_inspector_sync_tiers (self);
}

/**
 * _rosette_inspector_sync_tiers:
 * @self: a #RosetteInspector
 *
 * Shows each tier's current values in its row.
 */
void
_rosette_inspector_sync_tiers (RosetteInspector *self)
{
  gboolean was_syncing = self->syncing;

  if (self->family == NULL)
    return;

  self->syncing = TRUE;

  for (guint i = 0; i < self->tier_rows->len; i++)
    {
      TierRow *row = g_ptr_array_index (self->tier_rows, i);
      RosetteTier *tier = rosette_family_get_tier (self->family, i);
      g_autofree char *caption = NULL;

      if (tier == NULL)
        continue;

      caption = rosette_tier_dup_caption (tier);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), rosette_tier_get_name (tier));
      adw_expander_row_set_subtitle (row->expander, caption);

      if (!gtk_widget_has_css_class (GTK_WIDGET (row->name_row), "error"))
        gtk_editable_set_text (GTK_EDITABLE (row->name_row), rosette_tier_get_name (tier));
      adw_combo_row_set_selected (row->metal_row, rosette_tier_get_metal (tier));
      gtk_spin_button_set_value (row->stars_spin, rosette_tier_get_stars (tier));
      adw_combo_row_set_selected (row->ring_row, rosette_tier_get_ring_style (tier));
      adw_combo_row_set_selected (row->ornament_row, rosette_tier_get_ornament (tier));
      _rosette_inspector_set_color (row->color_button, rosette_tier_get_field_color (tier),
                                    rosette_family_get_field_color (self->family));
    }

  self->syncing = was_syncing;
}

guint
rosette_inspector_get_n_tier_rows (RosetteInspector *self)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), 0);

  return self->tier_rows->len;
}

/**
 * rosette_inspector_get_tier_name_row:
 * @self: a #RosetteInspector
 * @position: a tier's position
 *
 * Returns: (transfer none) (nullable): the entry that renames the tier
 */
AdwEntryRow *
rosette_inspector_get_tier_name_row (RosetteInspector *self,
                                     guint             position)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  if (position >= self->tier_rows->len)
    return NULL;

  return ((TierRow *) g_ptr_array_index (self->tier_rows, position))->name_row;
}

/**
 * rosette_inspector_get_tier_remove_button:
 * @self: a #RosetteInspector
 * @position: a tier's position
 *
 * Returns: (transfer none) (nullable): the button that removes the tier
 */
GtkButton *
rosette_inspector_get_tier_remove_button (RosetteInspector *self,
                                          guint             position)
{
  g_return_val_if_fail (ROSETTE_IS_INSPECTOR (self), NULL);

  if (position >= self->tier_rows->len)
    return NULL;

  return ((TierRow *) g_ptr_array_index (self->tier_rows, position))->remove_button;
}
