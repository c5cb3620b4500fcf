/* test-designer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"

#include "rosette-canvas.h"
#include "rosette-emblem-chooser.h"
#include "rosette-window-private.h"

/* Drives the designer as a person would: the canvas through the same
 * functions its drag gesture calls, the inspector through its controls,
 * undo and redo through the window's actions. */

static char *state_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

typedef struct
{
  RosetteCanvas *canvas;
  GdkTexture    *before;
} TextureWait;

static gboolean
texture_changed (gpointer data)
{
  TextureWait *wait = data;
  GdkTexture *texture = rosette_canvas_get_texture (wait->canvas);

  return texture != NULL && texture != wait->before;
}

static void
wait_for_new_texture (RosetteCanvas *canvas,
                      GdkTexture    *before)
{
  TextureWait wait = { canvas, before };

  g_assert_true (gui_test_wait_until (texture_changed, &wait));
}

static RosetteWindow *
window_new_presented (void)
{
  g_autoptr(RosetteFamily) family = NULL;
  RosetteWindow *window;
  RosetteCanvas *canvas;

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, "Data Privacy");
  window = g_object_new (ROSETTE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  rosette_window_set_family (window, family, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  canvas = rosette_design_page_get_canvas (rosette_window_get_design_page (window));
  wait_for_new_texture (canvas, NULL);

  return window;
}

static gboolean
history_idle (gpointer data)
{
  RosetteHistory *history = data;

  return rosette_history_get_can_undo (history) && !rosette_history_get_can_redo (history);
}

static void
test_canvas_select_and_drag (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteCanvas *canvas = rosette_design_page_get_canvas (page);
  RosetteInspector *inspector = rosette_design_page_get_inspector (page);
  RosetteFamily *family = rosette_window_get_family (window);
  RosetteTier *tier = rosette_canvas_get_tier (canvas);
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) before_resize = NULL;
  double bx, by, bw, bh, x, y, dx, dy, scale, side_units;

  g_assert_nonnull (tier);
  g_assert_cmpint (rosette_canvas_get_selected (canvas), ==, ROSETTE_CANVAS_NO_ELEMENT);
  g_test_message ("canvas: %d px texture rendered in %" G_GINT64_FORMAT " µs",
                  gdk_texture_get_width (rosette_canvas_get_texture (canvas)),
                  rosette_canvas_get_render_time (canvas));

  /* A press in the middle of the emblem selects the emblem, and the
   * inspector follows. */
  g_assert_true (rosette_design_get_element_bounds (family, tier, ROSETTE_ELEMENT_EMBLEM,
                                                    &bx, &by, &bw, &bh));
  rosette_canvas_badge_to_widget (canvas, bx + bw / 2, by + bh / 2, &x, &y);
  g_assert_true (rosette_canvas_drag_begin (canvas, x, y));
  g_assert_cmpint (rosette_canvas_get_selected (canvas), ==, ROSETTE_ELEMENT_EMBLEM);
  g_assert_cmpint (rosette_inspector_get_element (inspector), ==, ROSETTE_ELEMENT_EMBLEM);
  g_assert_true (gtk_widget_get_visible (rosette_inspector_get_group (inspector, "placement")));
  g_assert_false (gtk_widget_get_visible (rosette_inspector_get_group (inspector, "text")));

  /* Dragging moves it: 40 pixels right, 20 down, in badge units. */
  before = g_object_ref (rosette_canvas_get_texture (canvas));
  rosette_canvas_drag_update (canvas, 20, 10);
  rosette_canvas_drag_update (canvas, 40, 20);
  rosette_canvas_drag_end (canvas);

  rosette_canvas_widget_to_badge (canvas, x + 40, y, &side_units, &dy);
  rosette_canvas_widget_to_badge (canvas, x, y, &dx, &dy);
  side_units -= dx;
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat_with_epsilon (dx, side_units, 0.01);
  g_assert_cmpfloat_with_epsilon (dy, side_units / 2, 0.01);
  g_assert_cmpfloat_with_epsilon (scale, 1.0, 1e-9);
  wait_for_new_texture (canvas, before);

  /* The whole drag is one undo step. */
  gui_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 0);
  g_assert_cmpfloat (dy, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat_with_epsilon (dx, side_units, 0.01);

  /* The arrow keys' nudge, with Shift ten units. */
  rosette_canvas_nudge (canvas, 10, 0);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &x, &y, &scale);
  g_assert_cmpfloat_with_epsilon (x, dx + 10, 0.01);

  /* A corner handle resizes: dragging it away from the centre grows it.
   * (Undo restores the family's tiers as new objects: ask again.) */
  tier = rosette_canvas_get_tier (canvas);
  g_assert_true (tier == rosette_family_get_tier (family, 0));
  g_assert_true (rosette_design_get_element_bounds (family, tier, ROSETTE_ELEMENT_EMBLEM,
                                                    &bx, &by, &bw, &bh));
  rosette_canvas_badge_to_widget (canvas, bx + bw, by + bh, &x, &y);
  g_assert_true (rosette_canvas_drag_begin (canvas, x, y));
  g_assert_cmpint (rosette_canvas_get_selected (canvas), ==, ROSETTE_ELEMENT_EMBLEM);
  rosette_canvas_drag_update (canvas, 15, 15);
  rosette_canvas_drag_end (canvas);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &x, &y, &scale);
  g_assert_cmpfloat (scale, >, 1.05);
  before_resize = g_object_ref (rosette_canvas_get_texture (canvas));
  wait_for_new_texture (canvas, before_resize);
  g_test_message ("canvas: after edits, %d px rendered in %" G_GINT64_FORMAT " µs",
                  gdk_texture_get_width (rosette_canvas_get_texture (canvas)),
                  rosette_canvas_get_render_time (canvas));

  /* Tab walks the elements; Escape-like deselection clears it all. */
  rosette_canvas_set_selected (canvas, ROSETTE_CANVAS_NO_ELEMENT);
  g_assert_true (rosette_canvas_cycle (canvas, TRUE));
  g_assert_cmpint (rosette_canvas_get_selected (canvas), ==, ROSETTE_ELEMENT_SHAPE);
  g_assert_true (rosette_canvas_cycle (canvas, TRUE));
  g_assert_cmpint (rosette_canvas_get_selected (canvas), >, ROSETTE_ELEMENT_SHAPE);

  /* A press on the empty corner selects nothing. */
  rosette_canvas_badge_to_widget (canvas, 2, 2, &x, &y);
  g_assert_false (rosette_canvas_drag_begin (canvas, x, y));
  g_assert_cmpint (rosette_canvas_get_selected (canvas), ==, ROSETTE_CANVAS_NO_ELEMENT);
  g_assert_cmpint (rosette_inspector_get_element (inspector), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_inspector_color_undo (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteCanvas *canvas = rosette_design_page_get_canvas (page);
  RosetteInspector *inspector = rosette_design_page_get_inspector (page);
  RosetteFamily *family = rosette_window_get_family (window);
  RosetteHistory *history = _rosette_window_get_history (window);
  g_autofree char *old_color = g_strdup (rosette_family_get_field_color (family));
  g_autoptr(GdkTexture) before = g_object_ref (rosette_canvas_get_texture (canvas));
  GdkRGBA rgba = { 0x12 / 255., 0x80 / 255., 0x3a / 255., 1 };

  g_assert_false (rosette_window_get_modified (window));
  g_assert_false (rosette_history_get_can_undo (history));

  /* The field colour control writes the family, and the canvas redraws. */
  gtk_color_chooser_set_rgba (rosette_inspector_get_field_color_button (inspector), &rgba);
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#12803a");
  wait_for_new_texture (canvas, before);
  g_assert_true (rosette_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (gui_test_wait_until (history_idle, history));

  /* Undo restores the old colour, and the control shows it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, old_color);
  gtk_color_chooser_get_rgba (rosette_inspector_get_field_color_button (inspector), &rgba);
  {
    g_autofree char *shown = g_strdup_printf ("#%02x%02x%02x",
                                              (guint) (rgba.red * 255 + .5),
                                              (guint) (rgba.green * 255 + .5),
                                              (guint) (rgba.blue * 255 + .5));
    g_assert_cmpstr (shown, ==, old_color);
  }
  g_assert_false (rosette_window_get_modified (window));

  /* Redo applies it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#12803a");
  g_assert_true (rosette_window_get_modified (window));

  /* Leave without the prompt. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
strip_has_n_cards (gpointer data)
{
  RosetteDesignPage *page = data;

  return rosette_design_page_get_n_cards (page) ==
         rosette_family_get_n_tiers (rosette_design_page_get_family (page));
}

static void
test_inspector_tiers (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteInspector *inspector = rosette_design_page_get_inspector (page);
  RosetteFamily *family = rosette_window_get_family (window);
  AdwEntryRow *name_row;

  g_assert_cmpuint (rosette_inspector_get_n_tier_rows (inspector), ==, 3);

  /* Add: a fourth tier, a fourth card in the strip, a fourth row. */
  g_signal_emit_by_name (rosette_inspector_get_add_tier_button (inspector), "clicked");
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 4);
  g_assert_true (gui_test_wait_until (strip_has_n_cards, page));
  g_assert_cmpuint (rosette_design_page_get_n_cards (page), ==, 4);
  g_assert_cmpuint (rosette_inspector_get_n_tier_rows (inspector), ==, 4);

  /* Rename through the tier's name row. */
  name_row = rosette_inspector_get_tier_name_row (inspector, 0);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Starter");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, "Starter");
  g_assert_cmpstr (rosette_tier_get_name (rosette_tier_card_get_tier (rosette_design_page_get_card (page, 0))),
                   ==, "Starter");

  /* A name the core refuses changes nothing and marks the row. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, "Starter");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));

  /* Remove the new tier again. */
  g_signal_emit_by_name (rosette_inspector_get_tier_remove_button (inspector, 3), "clicked");
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 3);
  g_assert_true (gui_test_wait_until (strip_has_n_cards, page));
  g_assert_cmpuint (rosette_inspector_get_n_tier_rows (inspector), ==, 3);

  /* The strip selects the tier the canvas shows. */
  rosette_design_page_select_tier (page, 2);
  g_assert_true (rosette_canvas_get_tier (rosette_design_page_get_canvas (page)) ==
                 rosette_family_get_tier (family, 2));

  while (rosette_window_get_modified (window) &&
         rosette_history_get_can_undo (_rosette_window_get_history (window)))
    {
      gui_test_spin ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_picks (RosetteCanvas  *canvas,
              RosetteElement  element)
{
  RosetteFamily *family = rosette_canvas_get_family (canvas);
  RosetteTier *tier = rosette_canvas_get_tier (canvas);
  double bx, by, bw, bh, x, y, ux, uy;

  /* The element's centre, mapped to the widget and back, is itself; a
   * press there selects the element. */
  g_assert_true (rosette_design_get_element_bounds (family, tier, element, &bx, &by, &bw, &bh));
  rosette_canvas_badge_to_widget (canvas, bx + bw / 2, by + bh / 2, &x, &y);
  rosette_canvas_widget_to_badge (canvas, x, y, &ux, &uy);
  g_assert_cmpfloat_with_epsilon (ux, bx + bw / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (uy, by + bh / 2, 1e-6);
  g_assert_true (rosette_canvas_drag_begin (canvas, x, y));
  rosette_canvas_drag_end (canvas);
  g_assert_cmpint (rosette_canvas_get_selected (canvas), ==, element);
}

static void
test_canvas_zoom_and_pan (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteCanvas *canvas = rosette_design_page_get_canvas (page);
  RosetteFamily *family = rosette_window_get_family (window);
  GtkScrollable *scrollable = GTK_SCROLLABLE (canvas);
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (scrollable);
  double width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (canvas));
  double bx, by, bw, bh, x, y, ux, uy, h, v, dx, dy, scale, scale_after;

  /* In a scrolled window, with nothing to scroll while the badge fits. */
  g_assert_nonnull (hadj);
  g_assert_nonnull (vadj);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (canvas))));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), <=, gtk_adjustment_get_page_size (vadj));
  assert_picks (canvas, ROSETTE_ELEMENT_EMBLEM);

  /* Zooming around a point keeps the part of the badge under it there,
   * like Ctrl+scroll under the pointer (a point off the middle, but not
   * so near the edge that the scroll position would have to pass 0). */
  bx = 200;
  by = 300;
  rosette_canvas_badge_to_widget (canvas, bx, by, &x, &y);
  rosette_canvas_zoom_at (canvas, 3.0, x, y);
  g_assert_cmpfloat_with_epsilon (rosette_canvas_get_zoom (canvas), 3.0, 1e-9);
  rosette_canvas_badge_to_widget (canvas, bx, by, &ux, &uy);
  g_assert_cmpfloat_with_epsilon (ux, x, 1.0);
  g_assert_cmpfloat_with_epsilon (uy, y, 1.0);

  /* Now the badge is larger than the view, and it scrolls. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, gtk_adjustment_get_page_size (hadj));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj));

  /* Scrolled to each corner in turn, picking and handles are right. */
  gtk_adjustment_set_value (hadj, 0);
  gtk_adjustment_set_value (vadj, 0);
  rosette_canvas_widget_to_badge (canvas, 0, 0, &ux, &uy);
  g_assert_cmpfloat (ux, <, 0);
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj));
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  rosette_canvas_widget_to_badge (canvas, width, height, &ux, &uy);
  g_assert_cmpfloat (ux, >, ROSETTE_CANVAS_UNITS);
  g_assert_cmpfloat (uy, >, ROSETTE_CANVAS_UNITS);

  /* Bring the emblem into view, as a user panning to it would. */
  g_assert_true (rosette_design_get_element_bounds (family, rosette_canvas_get_tier (canvas),
                                                    ROSETTE_ELEMENT_EMBLEM, &bx, &by, &bw, &bh));
  rosette_canvas_badge_to_widget (canvas, bx + bw / 2, by + bh / 2, &x, &y);
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + x - width / 2);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + y - height / 2);
  rosette_canvas_badge_to_widget (canvas, bx + bw / 2, by + bh / 2, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, width / 2, 1.0);
  g_assert_cmpfloat_with_epsilon (y, height / 2, 1.0);
  assert_picks (canvas, ROSETTE_ELEMENT_EMBLEM);

  /* The selection's corner handle is where the element's corner is:
   * a press there resizes, and moves nothing. */
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  rosette_canvas_badge_to_widget (canvas, bx + bw, by + bh, &x, &y);
  g_assert_true (rosette_canvas_drag_begin (canvas, x, y));
  rosette_canvas_drag_update (canvas, 12, 12);
  rosette_canvas_drag_end (canvas);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &ux, &uy, &scale_after);
  g_assert_cmpfloat (scale_after, >, scale);
  g_assert_cmpfloat (ux, ==, dx);
  g_assert_cmpfloat (uy, ==, dy);

  /* Panning (middle button, or Space and drag) scrolls with the pointer
   * and edits nothing. */
  h = gtk_adjustment_get_value (hadj);
  v = gtk_adjustment_get_value (vadj);
  g_assert_true (rosette_canvas_pan_begin (canvas));
  rosette_canvas_drag_update (canvas, 40, 25);
  rosette_canvas_drag_end (canvas);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadj), h - 40, 1e-6);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), v - 25, 1e-6);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &ux, &uy, &scale);
  g_assert_cmpfloat (scale, ==, scale_after);
  assert_picks (canvas, ROSETTE_ELEMENT_EMBLEM);

  /* Fit (Ctrl+0) shows the whole badge centred again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (rosette_canvas_get_zoom (canvas), ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj));
  rosette_canvas_badge_to_widget (canvas, ROSETTE_CANVAS_UNITS / 2, ROSETTE_CANVAS_UNITS / 2,
                                  &x, &y);
  g_assert_cmpfloat_with_epsilon (x, width / 2, 1.0);
  g_assert_cmpfloat_with_epsilon (y, height / 2, 1.0);
  assert_picks (canvas, ROSETTE_ELEMENT_EMBLEM);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_strip_reorder (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteFamily *family = rosette_window_get_family (window);
  RosetteHistory *history = _rosette_window_get_history (window);
  g_autofree char *first = g_strdup (rosette_tier_get_name (rosette_family_get_tier (family, 0)));
  g_autofree char *second = g_strdup (rosette_tier_get_name (rosette_family_get_tier (family, 1)));
  g_autofree char *third = g_strdup (rosette_tier_get_name (rosette_family_get_tier (family, 2)));

  g_assert_false (rosette_history_get_can_undo (history));

  /* Dropping the first card on the last moves that tier to the end, and
   * it stays the one on the canvas. */
  rosette_design_page_select_tier (page, 0);
  g_assert_true (rosette_design_page_move_tier (page, 0, 2));
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, second);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 1)), ==, third);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 2)), ==, first);
  g_assert_true (gui_test_wait_until (strip_has_n_cards, page));
  g_assert_cmpstr (rosette_tier_get_name (rosette_tier_card_get_tier (rosette_design_page_get_card (page, 2))),
                   ==, first);
  g_assert_cmpstr (rosette_tier_get_name (rosette_design_page_get_selected_tier (page)), ==, first);
  g_assert_true (rosette_canvas_get_tier (rosette_design_page_get_canvas (page)) ==
                 rosette_family_get_tier (family, 2));

  /* A drop on itself does nothing. */
  g_assert_false (rosette_design_page_move_tier (page, 1, 1));

  /* The move is one undo step. */
  g_assert_true (gui_test_wait_until (history_idle, history));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, first);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 1)), ==, second);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 2)), ==, third);
  g_assert_false (rosette_history_get_can_undo (history));
  g_assert_false (rosette_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_emblem_chooser (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_SERVICE, "Years");
  GtkWidget *window = gtk_window_new ();
  RosetteEmblemChooser *chooser = ROSETTE_EMBLEM_CHOOSER (rosette_emblem_chooser_new ());
  guint n_emblems = g_strv_length ((char **) rosette_design_list_emblems ());

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chooser));
  rosette_emblem_chooser_set_family (chooser, family);

  g_assert_cmpuint (n_emblems, >=, 40);
  g_assert_cmpuint (rosette_emblem_chooser_get_n_visible (chooser), ==, n_emblems);
  rosette_emblem_chooser_set_filter (chooser, "no emblem has this name");
  g_assert_cmpuint (rosette_emblem_chooser_get_n_visible (chooser), ==, 0);
  rosette_emblem_chooser_set_filter (chooser, NULL);

  /* Every emblem gets a preview rendered by the core. */
  while (rosette_emblem_chooser_get_n_previews (chooser) < n_emblems)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_custom_emblem (gpointer data)
{
  return g_strcmp0 (rosette_family_get_emblem (data), ROSETTE_FAMILY_CUSTOM_EMBLEM) == 0;
}

static gboolean
has_error (gpointer data)
{
  return rosette_inspector_get_last_error (data) != NULL;
}

static GFile *
write_svg (const char *name,
           const char *svg)
{
  g_autofree char *path = g_build_filename (state_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, svg, -1, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_import_emblem (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteInspector *inspector = rosette_design_page_get_inspector (rosette_window_get_design_page (window));
  RosetteFamily *family = rosette_window_get_family (window);
  g_autofree char *emblem = g_strdup (rosette_family_get_emblem (family));
  g_autoptr(GFile) hostile = NULL;
  g_autoptr(GFile) plain = NULL;

  hostile = write_svg ("hostile.svg",
                       "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                       "<script>alert(1)</script><circle cx='5' cy='5' r='4'/></svg>");
  plain = write_svg ("plain.svg",
                     "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                     "<circle cx='5' cy='5' r='4'/></svg>");

  /* A script is refused with the core's reason, and nothing changes. */
  rosette_inspector_import_emblem (inspector, hostile);
  g_assert_true (gui_test_wait_until (has_error, inspector));
  g_assert_nonnull (strstr (rosette_inspector_get_last_error (inspector), "script"));
  g_assert_cmpstr (rosette_family_get_emblem (family), ==, emblem);
  g_assert_false (rosette_window_get_modified (window));

  /* A plain drawing becomes the emblem, in one undo step. */
  rosette_inspector_import_emblem (inspector, plain);
  g_assert_true (gui_test_wait_until (is_custom_emblem, family));
  g_assert_nonnull (strstr (rosette_family_get_custom_emblem (family), "circle"));
  gui_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (rosette_family_get_emblem (family), ==, emblem);

  g_file_delete (hostile, NULL, NULL);
  g_file_delete (plain, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_close_dialog (gpointer data)
{
  return _rosette_window_get_close_dialog (data) != NULL;
}

static gboolean
autosave_has (gpointer data)
{
  const char *id = data;
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (NULL);
  g_autoptr(GListModel) entries = rosette_autosave_list (autosave, NULL);

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RosetteAutosaveEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (rosette_autosave_entry_get_id (entry), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_autosave_and_close_prompt (void)
{
  RosetteWindow *window = window_new_presented ();
  RosetteFamily *family = rosette_window_get_family (window);
  g_autofree char *id = g_strdup (_rosette_window_get_document_id (window));
  AdwMessageDialog *dialog;

  g_assert_true (g_uuid_string_is_valid (id));
  _rosette_window_set_autosave_delay (window, 20);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* A change is copied aside shortly after. */
  rosette_family_set_title (family, "Privacy First");
  g_assert_true (gui_test_wait_until (autosave_has, id));

  /* Closing a modified window asks first, and keeps it open. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (has_close_dialog, window));
  dialog = _rosette_window_get_close_dialog (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (window);

  /* Cancel keeps everything. */
  adw_message_dialog_response (dialog, "cancel");
  g_assert_nonnull (window);
  g_assert_null (_rosette_window_get_close_dialog (window));
  g_assert_true (autosave_has (id));

  /* Discard closes, and a clean close drops the crash copy. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (has_close_dialog, window));
  adw_message_dialog_response (_rosette_window_get_close_dialog (window), "discard");
  gui_test_spin ();
  g_assert_false (autosave_has (id));
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  g_autoptr(GError) error = NULL;
  int ret;

  if ((x11 == NULL || x11[0] == '\0') && (wayland == NULL || wayland[0] == '\0'))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* Autosaves go to $XDG_STATE_HOME: a private one, set before GLib
   * reads it. */
  state_dir = g_dir_make_tmp ("rosette-designer-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/rosette/gui/designer/canvas-select-and-drag", test_canvas_select_and_drag);
  g_test_add_func ("/rosette/gui/designer/canvas-zoom-and-pan", test_canvas_zoom_and_pan);
  g_test_add_func ("/rosette/gui/designer/inspector-color-undo", test_inspector_color_undo);
  g_test_add_func ("/rosette/gui/designer/inspector-tiers", test_inspector_tiers);
  g_test_add_func ("/rosette/gui/designer/strip-reorder", test_strip_reorder);
  g_test_add_func ("/rosette/gui/designer/emblem-chooser", test_emblem_chooser);
  g_test_add_func ("/rosette/gui/designer/import-emblem", test_import_emblem);
  g_test_add_func ("/rosette/gui/designer/autosave-and-close-prompt", test_autosave_and_close_prompt);

  ret = g_test_run ();

  remove_tree (state_dir);

  return ret;
}
