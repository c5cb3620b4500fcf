/* test-window.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"

#include "rosette-badge-view.h"
#include "rosette-export-dialog.h"
#include "rosette-window.h"


static gboolean
all_badges_rendered (gpointer data)
{
  RosetteDesignPage *page = data;
  guint n_cards = rosette_design_page_get_n_cards (page);

  if (n_cards == 0)
    return FALSE;

  for (guint i = 0; i < n_cards; i++)
    {
      RosetteBadgeView *view =
        rosette_tier_card_get_badge_view (rosette_design_page_get_card (page, i));
      GdkTexture *texture = rosette_badge_view_get_texture (view);

      /* Rendered, and at the size now on screen (not a stale one). */
      if (texture == NULL ||
          (guint) gdk_texture_get_width (texture) != rosette_badge_view_get_pixel_size (view))
        return FALSE;
    }

  return TRUE;
}

static guint8
texture_alpha_at (GdkTexture *texture,
                  int         x,
                  int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint8 *pixels = g_malloc ((gsize) height * stride);
  guint32 pixel;

  /* gdk_texture_download() gives native-endian premultiplied ARGB32. */
  gdk_texture_download (texture, pixels, stride);
  memcpy (&pixel, pixels + (gsize) y * stride + (gsize) x * 4, sizeof pixel);

  return pixel >> 24;
}

/* Every page by keyboard: the action behind Alt+1… shows the page, and
 * a page that does not exist leaves the window where it was. */
static void
test_window_show_page (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  GtkWidget *switcher_page = NULL;
  const char *names[] = { "issue", "registry", "verify", "design" };

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AdwViewStack *stack;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]));
      switcher_page = gtk_widget_get_ancestor (GTK_WIDGET (rosette_window_get_design_page (window)),
                                               ADW_TYPE_VIEW_STACK);
      stack = ADW_VIEW_STACK (switcher_page);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
    }

  g_test_expect_message ("Rosette", G_LOG_LEVEL_WARNING, "*No page*");
  rosette_window_show_page (window, "nowhere");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (switcher_page)), ==,
                   "design");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcut on @widget for @keyval with Alt, or %NULL. */
static GtkShortcut *
find_alt_shortcut (GtkWidget *widget,
                   guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_ALT_MASK)
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

/* Alt+5 and Alt+6 show the Pathways and Nominations pages (the pages open
 * a registry when shown: a throwaway one here). */
static void
test_window_page_shortcuts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-window-XXXXXX", &error);
  g_autofree char *registry = NULL;
  RosetteWindow *window = gui_test_window_new_with_sample ();
  AdwViewStack *stack;
  const struct { guint keyval; const char *page; } keys[] = {
    { GDK_KEY_5, "pathways" },
    { GDK_KEY_6, "nominations" },
  };

  g_assert_no_error (error);
  registry = g_build_filename (dir, "registry.db", NULL);
  g_setenv ("ROSETTE_REGISTRY", registry, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (
                            GTK_WIDGET (rosette_window_get_design_page (window)),
                            ADW_TYPE_VIEW_STACK));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GtkShortcut) shortcut = find_alt_shortcut (GTK_WIDGET (window), keys[i].keyval);

      g_assert_nonnull (shortcut);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                   GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                   GTK_WIDGET (window),
                                                   gtk_shortcut_get_arguments (shortcut)));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, keys[i].page);
      gui_test_spin ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin ();
  g_unsetenv ("ROSETTE_REGISTRY");
  g_remove (registry);
  {
    g_autofree char *wal = g_strconcat (registry, "-wal", NULL);
    g_autofree char *shm = g_strconcat (registry, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

static void
test_window_title (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  RosetteFamily *family = rosette_window_get_family (window);

  g_assert_nonnull (family);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Data Privacy");
  g_assert_false (rosette_window_get_modified (window));
  g_assert_null (rosette_window_get_file (window));

  /* A change to the family marks the title, as unsaved. */
  rosette_family_set_name (family, "Data Protection");
  g_assert_true (rosette_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Data Protection");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_draws_tiers (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteFamily *family = rosette_window_get_family (window);
  guint n_cards;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  n_cards = rosette_design_page_get_n_cards (page);
  g_assert_cmpuint (n_cards, ==, 3);
  g_assert_cmpuint (n_cards, ==, rosette_family_get_n_tiers (family));

  g_assert_true (gui_test_wait_until (all_badges_rendered, page));

  for (guint i = 0; i < n_cards; i++)
    {
      RosetteTierCard *card = rosette_design_page_get_card (page, i);
      RosetteBadgeView *view = rosette_tier_card_get_badge_view (card);
      GdkTexture *texture = rosette_badge_view_get_texture (view);
      int side = MIN (gtk_widget_get_width (GTK_WIDGET (view)),
                      gtk_widget_get_height (GTK_WIDGET (view)));
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));

      g_assert_true (rosette_tier_card_get_tier (card) == rosette_family_get_tier (family, i));

      /* The strip's cards are small, and each texture has exactly the
       * pixels it covers (at least the core's minimum), so nothing is
       * scaled up. */
      g_assert_cmpint (side, >=, 64);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, MAX (side * scale, ROSETTE_DESIGN_MIN_SIZE));
      g_assert_cmpint (gdk_texture_get_height (texture), ==, gdk_texture_get_width (texture));

      /* The badge really drew: its middle is opaque artwork and its
       * corner is the transparent background. */
      g_assert_cmpuint (texture_alpha_at (texture,
                                          gdk_texture_get_width (texture) / 2,
                                          gdk_texture_get_height (texture) / 2), ==, 255);
      g_assert_cmpuint (texture_alpha_at (texture, 0, 0), ==, 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_rerenders_on_change (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  RosetteDesignPage *page = rosette_window_get_design_page (window);
  RosetteFamily *family = rosette_window_get_family (window);
  RosetteBadgeView *view;
  g_autoptr(GdkTexture) before = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gui_test_wait_until (all_badges_rendered, page));

  view = rosette_tier_card_get_badge_view (rosette_design_page_get_card (page, 0));
  before = g_object_ref (rosette_badge_view_get_texture (view));

  rosette_tier_set_stars (rosette_family_get_tier (family, 0), 5);
  g_assert_true (gui_test_wait_until (all_badges_rendered, page));
  while (rosette_badge_view_get_texture (view) == before)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (rosette_badge_view_get_texture (view) != before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
exported_cb (RosetteExportDialog *dialog,
             GFile               *folder,
             guint                n_files,
             guint               *result)
{
  *result = n_files;
}

static gboolean
uint_is_set (gpointer data)
{
  return *(guint *) data != G_MAXUINT;
}

static void
test_export_dialog (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  RosetteFamily *family = rosette_window_get_family (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rosette-gui-XXXXXX", &error);
  g_autoptr(GFile) folder = NULL;
  RosetteExportDialog *dialog;
  guint n_exported = G_MAXUINT;

  g_assert_no_error (error);
  folder = g_file_new_for_path (tmpdir);

  gtk_window_present (GTK_WINDOW (window));
  dialog = rosette_export_dialog_new (GTK_WINDOW (window), family, NULL);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &n_exported);
  gtk_window_present (GTK_WINDOW (dialog));

  rosette_export_dialog_set_folder (dialog, folder);
  rosette_export_dialog_export (dialog);
  g_assert_true (gui_test_wait_until (uint_is_set, &n_exported));

  /* Three tiers in PNG and SVG, by default. */
  g_assert_cmpuint (n_exported, ==, 6);

  for (guint i = 0; i < rosette_family_get_n_tiers (family); i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);
      RosetteExportFormat formats[] = { ROSETTE_EXPORT_FORMAT_PNG, ROSETTE_EXPORT_FORMAT_SVG };

      for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
        {
          g_autofree char *name = rosette_design_dup_file_name (family, tier, formats[j]);
          g_autofree char *path = g_build_filename (tmpdir, name, NULL);
          GStatBuf buf;

          g_assert_cmpint (g_stat (path, &buf), ==, 0);
          g_assert_cmpint (buf.st_size, >, 0);
          g_unlink (path);
        }
    }

  g_rmdir (tmpdir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_loading (gpointer data)
{
  return !rosette_window_get_loading (ROSETTE_WINDOW (data));
}

static void
test_window_open_file (void)
{
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rosette-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  RosetteWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "leaders.rosette", NULL);
  file = g_file_new_for_path (path);

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_LEADERSHIP, "Team Leads");
  g_assert_true (rosette_family_save_to_file (family, file, NULL, &error));
  g_assert_no_error (error);

  window = g_object_new (ROSETTE_TYPE_WINDOW, NULL);
  rosette_window_open_file (window, file);
  g_assert_true (rosette_window_get_loading (window));
  g_assert_true (gui_test_wait_until (not_loading, window));

  g_assert_null (rosette_window_get_error (window));
  g_assert_nonnull (rosette_window_get_family (window));
  g_assert_true (g_file_equal (rosette_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Team Leads");
  g_assert_cmpuint (rosette_design_page_get_n_cards (rosette_window_get_design_page (window)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_window_open_bad_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("rosette-gui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  RosetteWindow *window;
  const GError *shown;

  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "truncated.rosette", NULL);
  g_assert_true (g_file_set_contents (path, "{\"format\": 1, \"name\": \"Da", -1, &error));
  file = g_file_new_for_path (path);

  window = g_object_new (ROSETTE_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rosette_window_open_file (window, file);
  g_assert_true (gui_test_wait_until (not_loading, window));

  /* No family, and the reason from the core is what the window shows. */
  shown = rosette_window_get_error (window);
  g_assert_nonnull (shown);
  g_assert_true (shown->domain == ROSETTE_ERROR);
  g_assert_cmpstr (shown->message, !=, "");
  g_assert_null (rosette_window_get_family (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  /* Under meson's TAP protocol, exit 77 is a failure: say "skip" in TAP.
   * gtk_init_check() cannot be used to probe, as gtk_test_init() must
   * come first; a display that is set but broken is a real failure. */
  if ((x11 == NULL || x11[0] == '\0') && (wayland == NULL || wayland[0] == '\0'))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/rosette/gui/window/title", test_window_title);
  g_test_add_func ("/rosette/gui/window/show-page", test_window_show_page);
  g_test_add_func ("/rosette/gui/window/page-shortcuts", test_window_page_shortcuts);
  g_test_add_func ("/rosette/gui/window/draws-tiers", test_window_draws_tiers);
  g_test_add_func ("/rosette/gui/window/rerenders-on-change", test_window_rerenders_on_change);
  g_test_add_func ("/rosette/gui/window/open-file", test_window_open_file);
  g_test_add_func ("/rosette/gui/window/open-bad-file", test_window_open_bad_file);
  g_test_add_func ("/rosette/gui/export/dialog", test_export_dialog);

  return g_test_run ();
}
