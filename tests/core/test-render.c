/* test-render.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Renders every built-in template in its three default tiers and compares
 * the pixels with the references in tests/data/reference/<kind>-<tier>.png.
 * Run with ROSETTE_UPDATE_REFERENCES=1 to write the references instead
 * (after a deliberate change to the artwork; look at them before you
 * commit them).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rosette-core.h"

#define RENDER_SIZE 256
/* Tolerances: text antialiasing may differ between FreeType and cairo
 * builds, so allow a little noise but nothing a person would see. */
#define MAX_MEAN_DIFFERENCE 2.0
#define MAX_BAD_PIXEL_RATIO 0.005
#define BAD_PIXEL_THRESHOLD 64

typedef struct
{
  RosetteBadgeKind kind;
  guint            tier;
} RenderCase;

static gboolean
updating (void)
{
  return g_strcmp0 (g_getenv ("ROSETTE_UPDATE_REFERENCES"), "1") == 0;
}

static char *
reference_path (RosetteFamily *family,
                RosetteTier   *tier)
{
  g_autofree char *tier_slug = rosette_tier_dup_slug (tier);
  g_autofree char *name = g_strdup_printf ("%s-%s.png",
                                           rosette_badge_kind_to_string (
                                             rosette_family_get_kind (family)),
                                           tier_slug);

  return g_build_filename (TESTS_SRCDIR, "data", "reference", name, NULL);
}

/* Compares two ARGB32 surfaces channel by channel. */
static void
compare (cairo_surface_t *actual,
         cairo_surface_t *expected,
         double          *mean,
         double          *bad_ratio)
{
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  const guint8 *a = cairo_image_surface_get_data (actual);
  const guint8 *e = cairo_image_surface_get_data (expected);
  int stride_a = cairo_image_surface_get_stride (actual);
  int stride_e = cairo_image_surface_get_stride (expected);
  guint64 sum = 0;
  guint bad = 0;

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          const guint8 *pa = a + y * stride_a + x * 4;
          const guint8 *pe = e + y * stride_e + x * 4;
          int worst = 0;

          for (int c = 0; c < 4; c++)
            {
              int d = ABS ((int) pa[c] - (int) pe[c]);

              sum += (guint) d;
              worst = MAX (worst, d);
            }
          if (worst > BAD_PIXEL_THRESHOLD)
            bad++;
        }
    }

  *mean = (double) sum / (width * height * 4.0);
  *bad_ratio = (double) bad / (width * height);
}

/* Compares @actual with the reference PNG at @path (or writes it when
 * updating); takes ownership of @actual. */
static void
check_reference (cairo_surface_t *actual,
                 const char      *path,
                 const char      *label)
{
  cairo_surface_t *expected;
  double mean, bad_ratio;

  if (updating ())
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      cairo_surface_destroy (actual);
      return;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_fail_printf ("no reference %s; run with ROSETTE_UPDATE_REFERENCES=1", path);
      cairo_surface_destroy (actual);
      return;
    }

  expected = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, RENDER_SIZE);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, RENDER_SIZE);
  g_assert_cmpint (cairo_image_surface_get_format (expected), ==, CAIRO_FORMAT_ARGB32);

  compare (actual, expected, &mean, &bad_ratio);
  g_test_message ("%s: mean difference %.3f, %.3f%% pixels differ by more than %d",
                  path, mean, bad_ratio * 100.0, BAD_PIXEL_THRESHOLD);
  if (mean >= MAX_MEAN_DIFFERENCE || bad_ratio >= MAX_BAD_PIXEL_RATIO)
    {
      g_autofree char *out = g_strdup_printf ("%s/%s-actual.png", g_get_tmp_dir (), label);

      cairo_surface_write_to_png (actual, out);
      g_test_fail_printf ("%s differs from its reference (mean %.3f, %.3f%% bad pixels); "
                          "the new rendering is in %s", path, mean, bad_ratio * 100.0, out);
    }

  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static void
test_render_reference (gconstpointer data)
{
  const RenderCase *rc = data;
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (rc->kind, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, rc->tier);
  g_autofree char *path = reference_path (family, tier);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *actual;

  actual = rosette_design_render_surface (family, tier, RENDER_SIZE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (actual);

  {
    g_autofree char *label = g_strdup_printf ("%s-%u", rosette_badge_kind_to_string (rc->kind),
                                              rc->tier);

    check_reference (actual, path, label);
  }
}

/* The tiers of one family must look different from each other: if the
 * tier cues broke, the references would all be the same family picture. */
static void
test_tiers_differ (void)
{
  for (guint kind = ROSETTE_BADGE_KIND_COMPLIANCE; kind <= ROSETTE_BADGE_KIND_SERVICE; kind++)
    {
      g_autoptr(RosetteFamily) family = rosette_family_new_from_template (kind, NULL);
      cairo_surface_t *surfaces[3];

      for (guint t = 0; t < 3; t++)
        {
          g_autoptr(GError) error = NULL;

          surfaces[t] = rosette_design_render_surface (family,
                                                       rosette_family_get_tier (family, t),
                                                       RENDER_SIZE, &error);
          g_assert_no_error (error);
        }

      for (guint t = 1; t < 3; t++)
        {
          double mean, bad_ratio;

          compare (surfaces[t], surfaces[t - 1], &mean, &bad_ratio);
          g_assert_cmpfloat (bad_ratio, >, 0.05);
        }

      for (guint t = 0; t < 3; t++)
        cairo_surface_destroy (surfaces[t]);
    }
}

/* Designer properties (issue 3): one reference each, so a change to how
 * an option draws is seen as clearly as a change to the defaults. */
typedef enum
{
  DESIGNER_CURVED_TITLE,
  DESIGNER_SUBTITLE_STRAIGHT,
  DESIGNER_SUBTITLE_CURVED,
  DESIGNER_FLAT,
  DESIGNER_PLACEMENTS,
  DESIGNER_DARK_TEXT,
  DESIGNER_RAMP_FIRST,
  DESIGNER_RAMP_LAST,
  DESIGNER_CUSTOM_EMBLEM,
  DESIGNER_FONT_RIM,
  N_DESIGNER_CASES
} DesignerCase;

static const char * const designer_names[] = {
  "curved-title", "subtitle-straight", "subtitle-curved", "flat", "placements", "dark-text",
  "ramp-first", "ramp-last", "custom-emblem", "font-rim",
};

static RosetteFamily *
designer_family (DesignerCase  dc,
                 guint        *tier)
{
  static const char * const extra_tiers[] = { "Fellow", "Master", "Laureate" };
  RosetteFamily *family;

  *tier = 2;
  switch (dc)
    {
    case DESIGNER_CURVED_TITLE:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_LEADERSHIP, NULL);
      rosette_family_set_title_layout (family, ROSETTE_TEXT_LAYOUT_CURVED);
      break;
    case DESIGNER_SUBTITLE_STRAIGHT:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
      rosette_family_set_show_subtitle (family, TRUE);
      rosette_family_set_subtitle_layout (family, ROSETTE_TEXT_LAYOUT_STRAIGHT);
      break;
    case DESIGNER_SUBTITLE_CURVED:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_SERVICE, NULL);
      rosette_family_set_show_subtitle (family, TRUE);
      rosette_family_set_subtitle_layout (family, ROSETTE_TEXT_LAYOUT_CURVED);
      break;
    case DESIGNER_FLAT:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_RECOGNITION, NULL);
      rosette_family_set_gradient (family, FALSE);
      rosette_family_set_shadow (family, FALSE);
      break;
    case DESIGNER_PLACEMENTS:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_TECHNICAL, NULL);
      rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, 0, -10, 0.7);
      rosette_family_set_placement (family, ROSETTE_ELEMENT_RIBBON, 0, 20, 0.9);
      rosette_family_set_placement (family, ROSETTE_ELEMENT_TITLE, 0, 0, 1.1);
      rosette_family_set_placement (family, ROSETTE_ELEMENT_STARS, 0, 10, 1.2);
      break;
    case DESIGNER_DARK_TEXT:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_ONBOARDING, NULL);
      rosette_family_set_field_color (family, "#99c1f1");
      rosette_family_set_emblem_color (family, "#241f31");
      rosette_family_set_ribbon_color (family, "#f5c211");
      break;
    case DESIGNER_RAMP_FIRST:
    case DESIGNER_RAMP_LAST:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (extra_tiers); i++)
        {
          g_autoptr(GError) error = NULL;

          rosette_family_add_tier (family, extra_tiers[i], &error);
          g_assert_no_error (error);
        }
      rosette_family_set_palette_ramp (family, TRUE);
      *tier = dc == DESIGNER_RAMP_FIRST ? 0 : 5;
      break;
    case DESIGNER_CUSTOM_EMBLEM:
      {
        g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "svg", "inkscape.svg",
                                                  NULL);
        g_autofree char *raw = NULL;
        g_autofree char *clean = NULL;
        g_autoptr(GError) error = NULL;
        gsize length;

        family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_RECOGNITION, NULL);
        g_file_get_contents (path, &raw, &length, &error);
        g_assert_no_error (error);
        clean = rosette_design_sanitize_emblem (raw, length, &error);
        g_assert_no_error (error);
        rosette_family_set_custom_emblem (family, clean);
        rosette_family_set_emblem (family, ROSETTE_FAMILY_CUSTOM_EMBLEM);
      }
      break;
    case DESIGNER_FONT_RIM:
    default:
      family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_SERVICE, NULL);
      rosette_family_set_font_family (family, "DejaVu Serif");
      rosette_family_set_font_weight (family, 400);
      rosette_family_set_title_size (family, 26);
      rosette_family_set_rim_width (family, 30);
      break;
    }

  return family;
}

static void
test_render_designer (gconstpointer data)
{
  DesignerCase dc = GPOINTER_TO_UINT (data);
  guint t;
  g_autoptr(RosetteFamily) family = designer_family (dc, &t);
  RosetteTier *tier = rosette_family_get_tier (family, t);
  g_autofree char *name = g_strdup_printf ("designer-%s.png", designer_names[dc]);
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "reference", name, NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *actual = rosette_design_render_surface (family, tier, RENDER_SIZE, &error);

  g_assert_no_error (error);
  check_reference (actual, path, designer_names[dc]);
}

int
main (int   argc,
      char *argv[])
{
  static RenderCase cases[6 * 3];

  g_test_init (&argc, &argv, NULL);

  for (guint kind = ROSETTE_BADGE_KIND_COMPLIANCE; kind <= ROSETTE_BADGE_KIND_SERVICE; kind++)
    {
      for (guint t = 0; t < 3; t++)
        {
          RenderCase *rc = &cases[kind * 3 + t];
          g_autofree char *test_path = NULL;

          rc->kind = kind;
          rc->tier = t;
          test_path = g_strdup_printf ("/rosette/render/%s/%u",
                                       rosette_badge_kind_to_string (kind), t + 1);
          g_test_add_data_func (test_path, rc, test_render_reference);
        }
    }
  g_test_add_func ("/rosette/render/tiers-differ", test_tiers_differ);
  for (guint dc = 0; dc < N_DESIGNER_CASES; dc++)
    {
      g_autofree char *test_path = g_strdup_printf ("/rosette/render/designer/%s",
                                                    designer_names[dc]);

      g_test_add_data_func (test_path, GUINT_TO_POINTER (dc), test_render_designer);
    }

  return g_test_run ();
}
