/* test-screenshots.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Renders every page of the window, and every step of the welcome flow,
 * in the light and dark styles (and in German when the build has that
 * translation) to PNG files under <builddir>/tests/screenshots/, and
 * checks what a person would look at: the picture is the window's size
 * and not blank, the page has its title, and nothing is squeezed below
 * the size it needs (no widget allocated less than its minimum). The
 * Verify page is shot empty and with a verified badge (from the verifier
 * corpus, offline), and checked at 360 px, the narrowest phone width, in
 * English and in German.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gui-test-utils.h"

#include "rosette-export-dialog.h"
#include "rosette-gui-utils.h"
#include "rosette-verify-page.h"
#include "rosette-welcome-window.h"
#include "rosette-window.h"

static char *data_dir;
static char *shots_dir;

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Lets queued renders (badge artwork, style changes) land before a shot. */
static void
settle (GtkWidget *widget)
{
  gboolean timed_out = FALSE;

  gtk_test_widget_wait_for_draw (widget);
  g_timeout_add (400, timed_out_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

static GdkTexture *
render_window (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* How many different colours a sample of the picture has: a blank or
 * single-colour window has one or two. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint32 *pixels = g_malloc ((gsize) height * stride);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, stride);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      g_hash_table_add (colours, GUINT_TO_POINTER (pixels[(gsize) y * width + x]));

  return g_hash_table_size (colours);
}

/* What gtk_widget_measure() adds around the content box that
 * gtk_widget_get_width() reports: margins, CSS margin, border, padding. */
static void
get_extents (GtkWidget *widget,
             int       *horizontal,
             int       *vertical)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GtkBorder margin, border, padding;

  gtk_style_context_get_margin (style, &margin);
  gtk_style_context_get_border (style, &border);
  gtk_style_context_get_padding (style, &padding);

  *horizontal = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget) +
                margin.left + margin.right + border.left + border.right +
                padding.left + padding.right;
  *vertical = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget) +
              margin.top + margin.bottom + border.top + border.bottom +
              padding.top + padding.bottom;
}

/* Every drawn widget got at least the width it asked for, and every
 * label the height its text needs at that width: nothing cut off. (The
 * height of containers is left to GTK, whose baseline alignment can give
 * a box a pixel or two less than a free-standing measure asks.) */
static void
assert_not_clipped (GtkWidget  *widget,
                    const char *what)
{
  int min_width, min_height;
  int extra_width, extra_height;
  int width, height;

  if (!gtk_widget_get_mapped (widget))
    return;

  get_extents (widget, &extra_width, &extra_height);
  width = gtk_widget_get_width (widget) + extra_width;
  height = gtk_widget_get_height (widget) + extra_height;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (width < min_width)
    {
      g_autofree char *name = gui_test_describe_widget (widget);

      g_test_message ("%s: %s is %d px wide, needs %d", what, name, width, min_width);
      g_assert_cmpint (width, >=, min_width);
    }

  if (GTK_IS_LABEL (widget))
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
      if (height < min_height)
        {
          g_test_message ("%s: label “%s” is %d px high, needs %d", what,
                          gtk_label_get_text (GTK_LABEL (widget)), height, min_height);
          g_assert_cmpint (height, >=, min_height);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_not_clipped (child, what);
}

static void
save_shot (GtkWindow  *window,
           const char *name)
{
  g_autoptr(GdkTexture) texture = render_window (window);
  g_autofree char *path = g_strdup_printf ("%s/%s.png", shots_dir, name);
  GStatBuf st;

  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpuint (count_colours (texture), >, 8);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  assert_not_clipped (GTK_WIDGET (window), name);
  g_test_message ("wrote %s", path);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static AdwViewStack *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return ADW_VIEW_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *stack = find_view_stack (child);

      if (stack != NULL)
        return stack;
    }

  return NULL;
}

static gboolean
verify_done (gpointer data)
{
  RosetteVerifyPage *page = data;

  return !rosette_verify_page_get_busy (page) && rosette_verify_page_get_report (page) != NULL;
}

/* Shows on the Verify page a full badge of the corpus (issuer, criteria,
 * an endorsement, every check), checked offline. */
static void
verify_sample (RosetteWindow *window)
{
  AdwViewStack *stack = find_view_stack (GTK_WIDGET (window));
  RosetteVerifyPage *page = ROSETTE_VERIFY_PAGE (adw_view_stack_get_child_by_name (stack, "verify"));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "verify", "1edtech",
                                                 "ob30-complete.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rosette_verify_page_set_offline (page, TRUE);
  rosette_verify_page_verify_file (page, file);
  g_assert_true (gui_test_wait_until (verify_done, page));
  g_assert_cmpstr (_rosette_verify_page_get_visible (page), ==, "result");
  rosette_window_show_page (window, "verify");
  settle (GTK_WIDGET (window));
}

/* The first shown scrolled window under @widget. */
static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *scroller = find_scroller (child);

      if (scroller != NULL)
        return scroller;
    }

  return NULL;
}

/* The rest of a page that scrolls, a screen at a time, each screen
 * checked like the first: @shot-2.png, @shot-3.png... */
static void
shoot_rest (RosetteWindow *window,
            AdwViewStack  *stack,
            const char    *shot)
{
  GtkScrolledWindow *scroller = find_scroller (adw_view_stack_get_visible_child (stack));
  GtkAdjustment *adjustment;
  guint screen = 1;

  if (scroller == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) && screen < 10)
    {
      g_autofree char *more = g_strdup_printf ("%s-%u", shot, ++screen);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) * 0.9);
      settle (GTK_WIDGET (window));
      save_shot (GTK_WINDOW (window), more);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

/* The Export dialog and the Keyboard Shortcuts window over @window: both
 * fit the 1280 × 800 screen, with nothing squeezed. */
static void
shoot_dialogs (RosetteWindow *window,
               const char    *suffix)
{
  RosetteFamily *family = rosette_window_get_family (window);
  RosetteExportDialog *export = rosette_export_dialog_new (GTK_WINDOW (window), family,
                                                           rosette_family_get_tier (family, 0));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;
  g_autofree char *export_shot = g_strdup_printf ("dialog-export-%s", suffix);
  g_autofree char *shortcuts_shot = g_strdup_printf ("dialog-shortcuts-%s", suffix);

  gtk_window_present (GTK_WINDOW (export));
  settle (GTK_WIDGET (export));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (export)), <=, 1280);
  save_shot (GTK_WINDOW (export), export_shot);
  gtk_window_destroy (GTK_WINDOW (export));

  builder = gtk_builder_new_from_resource ("/io/github/rosette/Rosette/gtk/help-overlay.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (shortcuts);
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
  gtk_window_present (shortcuts);
  settle (GTK_WIDGET (shortcuts));
  g_test_message ("%s: the shortcuts window is %d x %d px", suffix,
                  gtk_widget_get_width (GTK_WIDGET (shortcuts)),
                  gtk_widget_get_height (GTK_WIDGET (shortcuts)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shortcuts)), <=, 1280);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (shortcuts)), <=, 800);
  save_shot (shortcuts, shortcuts_shot);
  gtk_window_destroy (shortcuts);
}

static void
shoot_window (const char *suffix)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  RosetteFamily *family = rosette_window_get_family (window);
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_window_present (GTK_WINDOW (window));

  stack = find_view_stack (GTK_WIDGET (window));
  g_assert_nonnull (stack);
  pages = adw_view_stack_get_pages (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);
      g_autofree char *shot = g_strdup_printf ("window-%s-%s", name, suffix);

      rosette_window_show_page (window, name);
      settle (GTK_WIDGET (window));

      /* The page shows, under its title in the switcher, the family's name. */
      g_assert_true (adw_view_stack_get_visible_child (stack) == adw_view_stack_page_get_child (page));
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_cmpstr (adw_view_stack_page_get_title (page), !=, "");
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                       rosette_family_get_name (family));
      save_shot (GTK_WINDOW (window), shot);
      shoot_rest (window, stack, shot);
    }

  {
    g_autofree char *shot = g_strdup_printf ("window-verify-result-%s", suffix);

    verify_sample (window);
    save_shot (GTK_WINDOW (window), shot);
    shoot_rest (window, stack, shot);
  }

  shoot_dialogs (window, suffix);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The innermost widget that needs more than @width: what to fix. */
static GtkWidget *
find_too_wide (GtkWidget *widget,
               int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_width;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      if (min_width > width)
        return find_too_wide (child, width);
    }

  return widget;
}

/* The widest visible child of @widget, to name in a failure message. */
static GtkWidget *
find_widest_child (GtkWidget *widget,
                   int       *min_width)
{
  GtkWidget *widest = NULL;

  *min_width = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int width;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      if (width > *min_width)
        {
          *min_width = width;
          widest = child;
        }
    }

  return widest;
}

/* A phone's width: the Verify page, with a badge checked on it, has to
 * fit, with the switcher in the bottom bar. The view stack is as wide as
 * its widest page, so every page has to give way (or scroll) for that. */
static void
shoot_narrow (const char *suffix)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autofree char *shot = g_strdup_printf ("window-verify-narrow-%s", suffix);
  gboolean too_wide = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  stack = find_view_stack (GTK_WIDGET (window));
  pages = adw_view_stack_get_pages (stack);
  verify_sample (window);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      int min_width;

      gtk_widget_measure (adw_view_stack_page_get_child (page), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      g_test_message ("%s: page %s needs %d px", suffix, adw_view_stack_page_get_name (page),
                      min_width);
      if (min_width > 360)
        {
          GtkWidget *widget = find_too_wide (adw_view_stack_page_get_child (page), 360);
          g_autofree char *culprit = gui_test_describe_widget (widget);
          int child_width;
          GtkWidget *child = find_widest_child (widget, &child_width);
          g_autofree char *widest = child != NULL ? gui_test_describe_widget (child) : NULL;

          g_test_message ("page %s: %s is wider than 360 px (its widest child, %s, needs %d px)",
                          adw_view_stack_page_get_name (page), culprit,
                          widest != NULL ? widest : "none", child_width);
          too_wide = TRUE;
        }
    }
  g_assert_false (too_wide);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  settle (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  save_shot (GTK_WINDOW (window), shot);

  shoot_rest (window, stack, shot);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots_narrow (void)
{
  set_dark (FALSE);
  shoot_narrow ("light");
}

static void
shoot_welcome (const char *suffix)
{
  g_autoptr(GFile) base = g_file_new_for_path (data_dir);
  g_autoptr(RosetteIssuerStore) store = rosette_issuer_store_new (base);
  RosetteWelcomeWindow *welcome = rosette_welcome_window_new (NULL, store);
  const char *steps[] = { "start", "profile", "restore" };

  gtk_window_present (GTK_WINDOW (welcome));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *shot = g_strdup_printf ("welcome-%s-%s", steps[i], suffix);

      rosette_welcome_window_set_step (welcome, steps[i]);
      settle (GTK_WIDGET (welcome));
      g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, steps[i]);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (welcome)), ==, _("Welcome to Rosette"));
      save_shot (GTK_WINDOW (welcome), shot);
    }

  gtk_window_destroy (GTK_WINDOW (welcome));
}

static void
test_screenshots_light (void)
{
  set_dark (FALSE);
  shoot_window ("light");
  shoot_welcome ("light");
}

static void
test_screenshots_dark (void)
{
  set_dark (TRUE);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  shoot_window ("dark");
  shoot_welcome ("dark");
  set_dark (FALSE);
}

/* German strings are longer: the layouts must still hold. Needs the
 * German catalogue built in this tree (po/de.po). */
static void
test_screenshots_german (void)
{
  g_autofree char *mo = g_build_filename (PO_BUILDDIR, "de", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no German translation in this build (po/de.po)");
      return;
    }

  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  /* LANGUAGE is ignored in the C locale. */
  if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL ||
      g_str_equal (g_dgettext (GETTEXT_PACKAGE, "Verify"), "Verify"))
    {
      g_test_skip ("the German catalogue does not load here");
      g_unsetenv ("LANGUAGE");
      return;
    }

  set_dark (FALSE);
  shoot_window ("de");
  shoot_welcome ("de");
  shoot_narrow ("de");
  g_unsetenv ("LANGUAGE");
  /* gettext keeps what it looked up until the domain is set again. */
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Verify"), ==, "Verify");
}

int
main (int   argc,
      char *argv[])
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  g_autoptr(GError) error = NULL;

  if ((x11 == NULL || x11[0] == '\0') && (wayland == NULL || wayland[0] == '\0'))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  textdomain (GETTEXT_PACKAGE);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  data_dir = g_dir_make_tmp ("rosette-shots-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("ROSETTE_DATA_DIR", data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* As GtkApplication does for the app: icons from the resources. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/rosette/Rosette/icons");

  /* As AdwApplication does: the app's stylesheet, so the shots (and the
   * widths measured in them) are the app's. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    rosette_gui_ensure_resources ();
    gtk_css_provider_load_from_resource (css, "/io/github/rosette/Rosette/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  shots_dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_mkdir_with_parents (shots_dir, 0755);

  g_test_add_func ("/rosette/gui/screenshots/light", test_screenshots_light);
  g_test_add_func ("/rosette/gui/screenshots/dark", test_screenshots_dark);
  g_test_add_func ("/rosette/gui/screenshots/narrow", test_screenshots_narrow);
  g_test_add_func ("/rosette/gui/screenshots/german", test_screenshots_german);

  return g_test_run ();
}
