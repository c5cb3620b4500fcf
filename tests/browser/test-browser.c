/* test-browser.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An exported SVG must render the same in a browser as in librsvg (which
 * makes the PNGs). For the Expert tier of each template, a curved-title
 * family and a text-to-path SVG, this draws the SVG with librsvg and
 * takes a headless Chromium screenshot of the same file, then compares
 * the pixels. Text may differ by hinting and antialiasing, so the
 * tolerance is a mean difference of 3 %; outlines (text to path) must
 * agree more closely.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "rosette-core.h"

#define SIZE 512
#define MAX_MEAN_TEXT 0.03
#define MAX_MEAN_OUTLINES 0.01

typedef struct
{
  const char       *name;
  RosetteBadgeKind  kind;
  gboolean          curved;
  gboolean          text_to_path;
} BrowserCase;

static const BrowserCase cases[] = {
  { "compliance", ROSETTE_BADGE_KIND_COMPLIANCE, FALSE, FALSE },
  { "leadership", ROSETTE_BADGE_KIND_LEADERSHIP, FALSE, FALSE },
  { "technical", ROSETTE_BADGE_KIND_TECHNICAL, FALSE, FALSE },
  { "onboarding", ROSETTE_BADGE_KIND_ONBOARDING, FALSE, FALSE },
  { "recognition", ROSETTE_BADGE_KIND_RECOGNITION, FALSE, FALSE },
  { "service", ROSETTE_BADGE_KIND_SERVICE, FALSE, FALSE },
  { "curved-title", ROSETTE_BADGE_KIND_LEADERSHIP, TRUE, FALSE },
  { "text-to-path", ROSETTE_BADGE_KIND_COMPLIANCE, TRUE, TRUE },
};

static char *chromium;
static char *work_dir;

static cairo_surface_t *
render_librsvg (const char *svg)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  RsvgRectangle viewport = { 0, 0, SIZE, SIZE };

  g_assert_no_error (error);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render_chromium (const char *svg_path,
                 const char *png_path)
{
  g_autofree char *profile = g_build_filename (work_dir, "profile", NULL);
  g_autofree char *screenshot = g_strdup_printf ("--screenshot=%s", png_path);
  g_autofree char *window = g_strdup_printf ("--window-size=%d,%d", SIZE, SIZE);
  g_autofree char *user_dir = g_strdup_printf ("--user-data-dir=%s", profile);
  g_autofree char *uri = g_filename_to_uri (svg_path, NULL, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--hide-scrollbars", "--default-background-color=00000000",
    "--force-device-scale-factor=1", user_dir, window, screenshot, uri, NULL,
  };
  int status = 0;
  cairo_surface_t *surface;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error) || !g_file_test (png_path, G_FILE_TEST_EXISTS))
    {
      g_test_fail_printf ("Chromium did not take the screenshot: %s",
                          err != NULL ? err : "no output");
      return NULL;
    }

  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Both surfaces are premultiplied ARGB32; the difference is taken per
 * channel over the whole square, 0..1. */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint64 sum = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, SIZE);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, SIZE);
  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE * 4; x++)
      sum += (guint) ABS ((int) pa[y * sa + x] - (int) pb[y * sb + x]);

  return (double) sum / (SIZE * SIZE * 4.0 * 255.0);
}

static void
test_parity (gconstpointer data)
{
  const BrowserCase *bc = data;
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (bc->kind, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *svg_name = g_strdup_printf ("%s.svg", bc->name);
  g_autofree char *png_name = g_strdup_printf ("%s-chromium.png", bc->name);
  g_autofree char *svg_path = g_build_filename (work_dir, svg_name, NULL);
  g_autofree char *png_path = g_build_filename (work_dir, png_name, NULL);
  cairo_surface_t *expected, *actual;
  double mean, limit = bc->text_to_path ? MAX_MEAN_OUTLINES : MAX_MEAN_TEXT;

  if (chromium == NULL)
    {
      if (g_strcmp0 (g_getenv ("ROSETTE_SKIP_BROWSER"), "1") == 0)
        g_test_skip ("ROSETTE_SKIP_BROWSER=1: no browser comparison");
      else
        g_test_fail_printf ("chromium is not installed: install it (build-aux/test does) or "
                            "set ROSETTE_SKIP_BROWSER=1 to skip the browser parity test");
      return;
    }

  if (bc->curved)
    {
      rosette_family_set_title_layout (family, ROSETTE_TEXT_LAYOUT_CURVED);
      rosette_family_set_show_subtitle (family, TRUE);
    }
  svg = rosette_design_render_svg_full (family, tier, bc->text_to_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (svg_path, svg, -1, &error));

  expected = render_librsvg (svg);
  actual = render_chromium (svg_path, png_path);
  if (actual == NULL)
    {
      cairo_surface_destroy (expected);
      return;
    }

  mean = mean_difference (actual, expected);
  g_test_message ("%s: mean difference %.2f %% (limit %.1f %%)", bc->name, mean * 100.0,
                  limit * 100.0);
  if (mean >= limit)
    {
      g_autofree char *keep = g_build_filename (g_get_tmp_dir (), png_name, NULL);

      cairo_surface_write_to_png (actual, keep);
      g_test_fail_printf ("%s looks different in Chromium: mean difference %.2f %%; the "
                          "screenshot is in %s", bc->name, mean * 100.0, keep);
    }

  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  chromium = g_find_program_in_path ("chromium");
  if (chromium == NULL)
    chromium = g_find_program_in_path ("chromium-browser");
  work_dir = g_dir_make_tmp ("rosette-browser-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rosette/browser/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_parity);
    }

  status = g_test_run ();
  remove_tree (work_dir);
  g_free (work_dir);
  g_free (chromium);

  return status;
}
