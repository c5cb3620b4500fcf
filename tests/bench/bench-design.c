/* bench-design.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Median wall-clock time of the design pipeline for every built-in
 * template: SVG only and SVG + a 512 px PNG for the richest default tier
 * (Expert), and SVG + PNG for the whole three-tier family.
 * The target is under 20 ms per tier at 512 px on one core.
 *
 * Edit to frame: what the canvas does while an element is dragged: set a
 * placement on the family, build the SVG and rasterise it at 512 px (no
 * PNG encoding). The target is under 16 ms.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rosette-core.h"

#define DEFAULT_RUNS 50

typedef void (*BenchFunc) (RosetteFamily *family);

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
svg_one_tier (RosetteFamily *family)
{
  g_autofree char *svg = rosette_design_render_svg (family, rosette_family_get_tier (family, 2),
                                                    NULL);

  g_assert_nonnull (svg);
}

static void
png_one_tier (RosetteFamily *family)
{
  g_autoptr(GBytes) png = rosette_design_render_png (family, rosette_family_get_tier (family, 2),
                                                     512, NULL);

  g_assert_nonnull (png);
}

static void
png_family (RosetteFamily *family)
{
  for (guint i = 0; i < rosette_family_get_n_tiers (family); i++)
    {
      g_autoptr(GBytes) png = rosette_design_render_png (family,
                                                         rosette_family_get_tier (family, i),
                                                         512, NULL);

      g_assert_nonnull (png);
    }
}

/* each call nudges the emblem, as a drag does */
static void
edit_to_frame (RosetteFamily *family)
{
  static guint step;
  cairo_surface_t *surface;

  step++;
  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, (double) (step % 40) - 20.0,
                                5.0, 1.0 + (step % 10) / 20.0);
  surface = rosette_design_render_surface (family, rosette_family_get_tier (family, 2), 512,
                                           NULL);
  g_assert_nonnull (surface);
  cairo_surface_destroy (surface);
}

typedef struct
{
  double median;
  double min;
} Figures;

/* The median is the figure to quote; the minimum shows the cost without
 * interference from other processes on a shared machine. */
static Figures
measure (BenchFunc      func,
         RosetteFamily *family,
         guint          runs)
{
  g_autofree double *times = g_new (double, runs);
  Figures figures;

  func (family);  /* warm up: fonts, caches */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (family);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  figures.median = runs % 2 == 1 ? times[runs / 2]
                                 : (times[runs / 2 - 1] + times[runs / 2]) / 2.0;
  figures.min = times[0];

  return figures;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = DEFAULT_RUNS;
  double worst_per_tier = 0;
  double worst_frame = 0;

  if (argc > 1)
    runs = (guint) CLAMP (g_ascii_strtoull (argv[1], NULL, 10), 1, 10000);

  printf ("# median of %u runs, wall clock, one thread\n", runs);
  for (guint kind = ROSETTE_BADGE_KIND_COMPLIANCE; kind <= ROSETTE_BADGE_KIND_SERVICE; kind++)
    {
      g_autoptr(RosetteFamily) family = rosette_family_new_from_template (kind, NULL);
      const char *name = rosette_badge_kind_to_string (kind);
      Figures svg = measure (svg_one_tier, family, runs);
      Figures png = measure (png_one_tier, family, runs);
      Figures all = measure (png_family, family, runs);
      Figures frame = measure (edit_to_frame, family, runs);
      guint n = rosette_family_get_n_tiers (family);

      printf ("%s: svg one tier: median %.2f ms (min %.2f)\n", name, svg.median, svg.min);
      printf ("%s: svg+png 512 px one tier: median %.2f ms (min %.2f)\n",
              name, png.median, png.min);
      printf ("%s: svg+png 512 px %u-tier family: median %.2f ms (min %.2f), "
              "%.2f ms per tier\n", name, n, all.median, all.min, all.median / n);
      printf ("%s: edit to frame 512 px (placement, svg, rasterise): median %.2f ms (min %.2f)\n",
              name, frame.median, frame.min);
      worst_per_tier = MAX (worst_per_tier, MAX (png.median, all.median / n));
      worst_frame = MAX (worst_frame, frame.median);
    }
  printf ("worst median per tier at 512 px: %.2f ms (target < 20 ms)\n", worst_per_tier);
  printf ("worst median edit to frame at 512 px: %.2f ms (target < 16 ms)\n", worst_frame);

  return 0;
}
