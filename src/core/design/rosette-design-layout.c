/* rosette-design-layout.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The layout of a badge: where the emblem, the ribbon and its title, the
 * plaque, the subtitle and the stars go, and how each element is placed
 * (moved and scaled about its own centre). The SVG builder draws from
 * this and the canvas asks it for element bounds and hit tests, so the
 * picture and its handles always agree.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rosette-design-builder-private.h"

/* Title fitting */

static gboolean
fits (const RosetteDesignSpec *spec,
      const char              *text,
      double                   size,
      double                   width,
      double                   spacing)
{
  return _rosette_design_text_width (spec, text, size, spacing) <= width + 0.01;
}

static double
fit_size (const RosetteDesignSpec *spec,
          const char              *text,
          double                   width,
          double                   max_size,
          double                   min_size,
          double                   spacing)
{
  double w = _rosette_design_text_width (spec, text, 1.0, spacing);

  if (w <= 0)
    return max_size;
  return CLAMP (floor (width / w * 2.0) / 2.0, min_size, max_size);
}

/* Splits @text at the space closest to its middle; FALSE if it has none. */
static gboolean
split_two_lines (const char  *text,
                 char       **first,
                 char       **second)
{
  glong n = g_utf8_strlen (text, -1);
  const char *best = NULL;
  glong best_score = G_MAXLONG;
  glong i = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c), i++)
    {
      if (*c == ' ' && ABS (n - 2 * i) < best_score)
        {
          best_score = ABS (n - 2 * i);
          best = c;
        }
    }
  if (best == NULL)
    return FALSE;

  *first = g_strstrip (g_strndup (text, best - text));
  *second = g_strstrip (g_strdup (best + 1));
  return TRUE;
}

/* Shortens @text with an ellipsis until it fits @width at @size. */
static char *
ellipsize (const RosetteDesignSpec *spec,
           const char              *text,
           double                   size,
           double                   width,
           double                   spacing)
{
  glong n = g_utf8_strlen (text, -1);

  while (n > 1)
    {
      g_autofree char *head = g_utf8_substring (text, 0, --n);
      g_autofree char *candidate = g_strconcat (g_strchomp (head), "…", NULL);

      if (fits (spec, candidate, size, width, spacing))
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

static void
replace_str (char **location,
             char  *value)
{
  g_free (*location);
  *location = value;
}

static void
layout_title (Layout                  *l,
              const RosetteDesignSpec *spec)
{
  const char *title = spec->title != NULL && *spec->title != '\0' ? spec->title : " ";
  g_autofree char *upper = g_utf8_strup (title, -1);
  double width = TITLE_WIDTH;
  double max1 = TITLE_MAX_SIZE, min1 = TITLE_MIN_SIZE, max2 = 28.0, min2 = TITLE_MIN_SIZE2;

  if (l->curved)
    {
      /* one line only: the baseline runs a little inside the centre line */
      width = TITLE_WIDTH * 0.94;
    }
  if (spec->title_size > 0)
    max1 = min1 = max2 = min2 = CLAMP (spec->title_size, 6.0, 96.0);

  /* one line as large as fits; then two lines; then an ellipsis */
  l->title_size = fit_size (spec, upper, width, max1, min1, TITLE_SPACING);
  if (fits (spec, upper, l->title_size, width, TITLE_SPACING))
    l->line1 = g_strdup (upper);
  else if (!l->curved && split_two_lines (upper, &l->line1, &l->line2))
    {
      const char *longer = _rosette_design_text_width (spec, l->line1, 1, TITLE_SPACING)
                           > _rosette_design_text_width (spec, l->line2, 1, TITLE_SPACING)
                           ? l->line1 : l->line2;

      l->title_size = fit_size (spec, longer, width, max2, min2, TITLE_SPACING);
      if (!fits (spec, l->line1, l->title_size, width, TITLE_SPACING))
        replace_str (&l->line1, ellipsize (spec, l->line1, l->title_size, width, TITLE_SPACING));
      if (!fits (spec, l->line2, l->title_size, width, TITLE_SPACING))
        replace_str (&l->line2, ellipsize (spec, l->line2, l->title_size, width, TITLE_SPACING));
    }
  else
    {
      l->title_size = l->curved ? min1 : min2;
      l->line1 = fits (spec, upper, l->title_size, width, TITLE_SPACING)
                 ? g_strdup (upper)
                 : ellipsize (spec, upper, l->title_size, width, TITLE_SPACING);
    }

  l->ribbon_h = l->line2 != NULL ? RIBBON_H2 : RIBBON_H1;
  if (l->line2 == NULL && l->title_size > TITLE_MAX_SIZE)
    l->ribbon_h = RIBBON_H1 + (l->title_size - TITLE_MAX_SIZE);
  else if (l->line2 != NULL && l->title_size > 28.0)
    l->ribbon_h = RIBBON_H2 + 2.0 * (l->title_size - 28.0);
  l->ribbon_y0 = RIBBON_CY - l->ribbon_h / 2.0;
  l->ribbon_y1 = RIBBON_CY + l->ribbon_h / 2.0;
  l->title_w = _rosette_design_text_width (spec, l->line1, l->title_size, TITLE_SPACING);
  if (l->line2 != NULL)
    l->title_w = MAX (l->title_w, _rosette_design_text_width (spec, l->line2, l->title_size,
                                                              TITLE_SPACING));
}

static void
layout_plaque (Layout                  *l,
               const RosetteDesignSpec *spec)
{
  const char *name = spec->tier_name != NULL ? spec->tier_name : "";
  double max_text = 200.0;
  double w;

  if (*name == '\0')
    return;

  l->plaque_text = g_utf8_strup (name, -1);
  l->plaque_size = PLAQUE_SIZE;
  w = _rosette_design_text_width (spec, l->plaque_text, l->plaque_size, PLAQUE_SPACING);
  if (w > max_text)
    {
      l->plaque_size = MAX (10.0, l->plaque_size * max_text / w);
      w = _rosette_design_text_width (spec, l->plaque_text, l->plaque_size, PLAQUE_SPACING);
      if (w > max_text)
        {
          replace_str (&l->plaque_text,
                       ellipsize (spec, l->plaque_text, l->plaque_size,
                                  max_text * (TITLE_SPACING + 0.69) / (PLAQUE_SPACING + 0.69),
                                  TITLE_SPACING));
          w = _rosette_design_text_width (spec, l->plaque_text, l->plaque_size, PLAQUE_SPACING);
        }
    }
  l->plaque_w = MAX (112.0, w + 48.0);
}

/* The subtitle, and room for it: a straight subtitle sits between the
 * emblem and the ribbon, a curved one along the top of the ring, where
 * the stars move a little inwards to make room. */
static void
layout_subtitle (Layout                  *l,
                 const RosetteDesignSpec *spec)
{
  double width;

  if (!spec->show_subtitle || spec->subtitle == NULL || *spec->subtitle == '\0')
    return;

  l->subtitle = g_utf8_strup (spec->subtitle, -1);
  l->subtitle_curved = spec->subtitle_layout == ROSETTE_TEXT_LAYOUT_CURVED;

  if (!l->subtitle_curved)
    {
      double bottom;

      width = 300.0;
      l->subtitle_size = fit_size (spec, l->subtitle, width, SUBTITLE_MAX_SIZE,
                                   SUBTITLE_MIN_SIZE, SUBTITLE_SPACING);
      l->subtitle_y = l->ribbon_y0 - 13.0;
      bottom = l->subtitle_y - l->subtitle_size - 8.0;
      l->emblem_size = MIN (EMBLEM_SIZE, bottom - (EMBLEM_CY - EMBLEM_SIZE / 2.0));
      l->emblem_cy = bottom - l->emblem_size / 2.0;
    }
  else
    {
      const ShapeInfo *info = &l->info;
      double ring_top;

      /* the baseline circle: centred on the shape, its top just inside
       * the ring */
      if (info->round)
        ring_top = info->cy - _rosette_design_inner_radius (l, l->rim + RING_INSET);
      else
        ring_top = info->star_y - 19.0;
      l->subtitle_size = 14.0;
      l->subtitle_arc_cy = info->cy + 30.0;
      l->subtitle_arc_r = l->subtitle_arc_cy - (ring_top + 8.0 + l->subtitle_size * 0.74);
      width = l->subtitle_arc_r * 1.9;   /* about 110 degrees of arc */
      l->subtitle_size = fit_size (spec, l->subtitle, width, 14.0, SUBTITLE_MIN_SIZE,
                                   SUBTITLE_SPACING);
      l->emblem_size = 112.0;
      l->emblem_cy = EMBLEM_CY + 24.0;
    }

  if (!fits (spec, l->subtitle, l->subtitle_size, width, SUBTITLE_SPACING))
    replace_str (&l->subtitle, ellipsize (spec, l->subtitle, l->subtitle_size, width,
                                          SUBTITLE_SPACING));
  l->subtitle_w = _rosette_design_text_width (spec, l->subtitle, l->subtitle_size,
                                              SUBTITLE_SPACING);
}

static void
layout_stars (Layout                  *l,
              const RosetteDesignSpec *spec)
{
  const ShapeInfo *info = &l->info;
  guint n = MIN (spec->stars, 6);
  double shift = l->subtitle != NULL && l->subtitle_curved ? 26.0 : 0.0;

  l->n_stars = n;
  l->star_r = n <= 3 ? 19.0 : n == 4 ? 17.0 : 15.0;

  if (info->round)
    {
      /* on an arc following the round field */
      double arc_r = _rosette_design_inner_radius (l, RIM) - 34.0 - shift;
      double step = (n <= 3 ? 15.0 : 12.5) * 204.0 / (arc_r + shift + 34.0 + RIM);

      for (guint i = 0; i < n; i++)
        {
          double deg = (i - (n - 1) / 2.0) * step;
          double a = (deg - 90.0) * G_PI / 180.0;

          l->star_x[i] = CX + arc_r * cos (a);
          l->star_y[i] = info->cy + arc_r * sin (a);
          l->star_rot[i] = deg;
        }
    }
  else
    {
      double step = l->star_r * 2.35;

      for (guint i = 0; i < n; i++)
        {
          double dx = (i - (n - 1) / 2.0) * step;

          l->star_x[i] = CX + dx;
          l->star_y[i] = info->star_y + shift + dx * dx * 0.0012;
          l->star_rot[i] = 0;
        }
    }
}

static void
set_box (Layout         *l,
         RosetteElement  element,
         double          x0,
         double          y0,
         double          x1,
         double          y1)
{
  l->drawn[element] = TRUE;
  l->box[element][0] = x0;
  l->box[element][1] = y0;
  l->box[element][2] = x1 - x0;
  l->box[element][3] = y1 - y0;
}

static void
layout_boxes (Layout                  *l,
              const RosetteDesignSpec *spec)
{
  const ShapeInfo *info = &l->info;

  /* the body; the shield's and the banner's tops and bottoms are drawn
   * by hand, so take their outline's extremes */
  switch (spec->shape)
    {
    case ROSETTE_SHAPE_SHIELD:
      set_box (l, ROSETTE_ELEMENT_SHAPE, 94, 30, 418, 470);
      break;
    case ROSETTE_SHAPE_BANNER:
      set_box (l, ROSETTE_ELEMENT_SHAPE, 76, 36, 436, 470);
      break;
    case ROSETTE_SHAPE_ROUNDED_SQUARE:
      set_box (l, ROSETTE_ELEMENT_SHAPE, 78, 54, 434, 446);
      break;
    case ROSETTE_SHAPE_HEXAGON:
      set_box (l, ROSETTE_ELEMENT_SHAPE, CX - 222 * 0.89 * 0.866, info->cy - 222,
               CX + 222 * 0.89 * 0.866, info->cy + 222);
      break;
    case ROSETTE_SHAPE_ROSETTE:
      set_box (l, ROSETTE_ELEMENT_SHAPE, CX - 200, info->cy - 200, CX + 200, info->cy + 200);
      break;
    case ROSETTE_SHAPE_STAR:
      set_box (l, ROSETTE_ELEMENT_SHAPE, CX - 226, info->cy - 226, CX + 226, info->cy + 226);
      break;
    case ROSETTE_SHAPE_CIRCLE:
    default:
      set_box (l, ROSETTE_ELEMENT_SHAPE, CX - info->half_w, info->cy - info->half_h,
               CX + info->half_w, info->cy + info->half_h);
      break;
    }

  if (spec->ring_style != ROSETTE_RING_STYLE_NONE)
    {
      double inset = l->rim + RING_INSET;

      if (info->round && spec->shape != ROSETTE_SHAPE_HEXAGON)
        {
          double r = _rosette_design_inner_radius (l, inset);

          set_box (l, ROSETTE_ELEMENT_RING, CX - r, info->cy - r, CX + r, info->cy + r);
        }
      else
        {
          const double *sb = l->box[ROSETTE_ELEMENT_SHAPE];
          double sx = 1.0 - inset / info->half_w;
          double sy = 1.0 - inset * (spec->shape == ROSETTE_SHAPE_ROUNDED_SQUARE ? 1.0 : 1.2)
                      / info->half_h;
          double x0 = sb[0], y0 = sb[1], x1 = sb[0] + sb[2], y1 = sb[1] + sb[3];

          if (spec->shape == ROSETTE_SHAPE_BANNER)
            y0 = 48;   /* the rod is not part of the ring */
          set_box (l, ROSETTE_ELEMENT_RING, CX + (x0 - CX) * sx, info->cy + (y0 - info->cy) * sy,
                   CX + (x1 - CX) * sx, info->cy + (y1 - info->cy) * sy);
        }
    }

  set_box (l, ROSETTE_ELEMENT_EMBLEM, l->emblem_cx - l->emblem_size / 2,
           l->emblem_cy - l->emblem_size / 2, l->emblem_cx + l->emblem_size / 2,
           l->emblem_cy + l->emblem_size / 2);

  if (l->subtitle != NULL)
    {
      double s = l->subtitle_size;

      if (!l->subtitle_curved)
        set_box (l, ROSETTE_ELEMENT_SUBTITLE, CX - l->subtitle_w / 2 - 4,
                 l->subtitle_y - s * 0.8, CX + l->subtitle_w / 2 + 4, l->subtitle_y + s * 0.25);
      else
        {
          double half = l->subtitle_w / 2.0 / l->subtitle_arc_r;   /* radians */
          double r_out = l->subtitle_arc_r + s * 0.8;
          double x = sin (MIN (half, G_PI / 2)) * r_out;

          set_box (l, ROSETTE_ELEMENT_SUBTITLE, CX - x - 4, l->subtitle_arc_cy - r_out,
                   CX + x + 4, l->subtitle_arc_cy - cos (MIN (half, G_PI / 2)) * l->subtitle_arc_r
                   + s * 0.25);
        }
    }

  if (!l->curved)
    set_box (l, ROSETTE_ELEMENT_RIBBON, RIBBON_X0 - 40, l->ribbon_y0, RIBBON_X1 + 40,
             l->ribbon_y1 + 16);
  else
    {
      /* the band's ends drop along the arch */
      double half = (RIBBON_X1 - RIBBON_X0) / 2.0 / ARCH_RADIUS;
      double drop = ARCH_RADIUS * (1 - cos (half));

      set_box (l, ROSETTE_ELEMENT_RIBBON, RIBBON_X0 - 44, l->ribbon_y0,
               RIBBON_X1 + 44, l->ribbon_y1 + drop + 22);
    }

  {
    double h = l->title_size * (l->line2 != NULL ? 2.2 : 1.1);
    double cy = RIBBON_CY;

    if (l->curved)
      {
        double half = l->title_w / 2.0 / ARCH_RADIUS;

        set_box (l, ROSETTE_ELEMENT_TITLE, CX - l->title_w / 2 - 4, cy - h / 2,
                 CX + l->title_w / 2 + 4, cy + h / 2 + ARCH_RADIUS * (1 - cos (half)));
      }
    else
      set_box (l, ROSETTE_ELEMENT_TITLE, CX - l->title_w / 2 - 4, cy - h / 2,
               CX + l->title_w / 2 + 4, cy + h / 2);
  }

  if (l->plaque_text != NULL)
    set_box (l, ROSETTE_ELEMENT_TIER_LABEL, CX - l->plaque_w / 2, PLAQUE_CY - 15,
             CX + l->plaque_w / 2, PLAQUE_CY + 15);

  if (l->n_stars > 0)
    {
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

      for (guint i = 0; i < l->n_stars; i++)
        {
          x0 = MIN (x0, l->star_x[i] - l->star_r);
          y0 = MIN (y0, l->star_y[i] - l->star_r);
          x1 = MAX (x1, l->star_x[i] + l->star_r);
          y1 = MAX (y1, l->star_y[i] + l->star_r);
        }
      set_box (l, ROSETTE_ELEMENT_STARS, x0, y0, x1, y1);
    }
}

void
_rosette_design_layout_init (Layout                  *l,
                             const RosetteDesignSpec *spec)
{
  memset (l, 0, sizeof *l);
  l->info = _rosette_design_shape_info (spec->shape);
  l->rim = spec->rim_width > 0 ? MIN (spec->rim_width, 40.0) : RIM;
  l->emblem_cx = CX;
  l->emblem_cy = EMBLEM_CY;
  l->emblem_size = EMBLEM_SIZE;
  l->curved = spec->title_layout == ROSETTE_TEXT_LAYOUT_CURVED;

  layout_title (l, spec);
  layout_plaque (l, spec);
  layout_subtitle (l, spec);
  layout_stars (l, spec);
  layout_boxes (l, spec);

  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    {
      const RosetteDesignPlacement *p = &spec->placements[e];
      Transform *tf = &l->tf[e];

      tf->dx = CLAMP (p->dx, -200.0, 200.0);
      tf->dy = CLAMP (p->dy, -200.0, 200.0);
      tf->s = p->scale > 0 ? CLAMP (p->scale, 0.5, 2.0) : 1.0;
      tf->cx = l->box[e][0] + l->box[e][2] / 2.0;
      tf->cy = l->box[e][1] + l->box[e][3] / 2.0;
    }
  /* the title is placed relative to the ribbon: its centre is its own
   * box's centre before the ribbon's transform */
}

void
_rosette_design_layout_clear (Layout *l)
{
  g_clear_pointer (&l->line1, g_free);
  g_clear_pointer (&l->line2, g_free);
  g_clear_pointer (&l->plaque_text, g_free);
  g_clear_pointer (&l->subtitle, g_free);
}

static gboolean
is_identity (const Transform *tf)
{
  return tf->dx == 0 && tf->dy == 0 && tf->s == 1.0;
}

void
_rosette_design_transform_box (const Transform *tf,
                               double           box[4])
{
  if (is_identity (tf))
    return;
  box[0] = tf->cx + tf->dx + tf->s * (box[0] - tf->cx);
  box[1] = tf->cy + tf->dy + tf->s * (box[1] - tf->cy);
  box[2] *= tf->s;
  box[3] *= tf->s;
}

static gboolean
placed_box (const Layout   *l,
            RosetteElement  element,
            double          box[4])
{
  if (!l->drawn[element])
    return FALSE;

  memcpy (box, l->box[element], sizeof (double) * 4);
  _rosette_design_transform_box (&l->tf[element], box);
  if (element == ROSETTE_ELEMENT_TITLE)
    _rosette_design_transform_box (&l->tf[ROSETTE_ELEMENT_RIBBON], box);
  return TRUE;
}

gboolean
_rosette_design_spec_bounds (const RosetteDesignSpec *spec,
                             RosetteElement           element,
                             double                   box[4])
{
  Layout l;
  gboolean drawn;

  g_return_val_if_fail ((guint) element < ROSETTE_N_ELEMENTS, FALSE);

  _rosette_design_layout_init (&l, spec);
  drawn = placed_box (&l, element, box);
  _rosette_design_layout_clear (&l);

  return drawn;
}

/* Maps a canvas point into @element's unplaced coordinates. */
static void
untransform_point (const Transform *tf,
                   double          *x,
                   double          *y)
{
  *x = tf->cx + (*x - tf->cx - tf->dx) / tf->s;
  *y = tf->cy + (*y - tf->cy - tf->dy) / tf->s;
}

static gboolean
hits (const Layout   *l,
      RosetteElement  element,
      double          x,
      double          y)
{
  double box[4];

  if (!placed_box (l, element, box))
    return FALSE;
  if (x < box[0] || y < box[1] || x > box[0] + box[2] || y > box[1] + box[3])
    return FALSE;

  if (element == ROSETTE_ELEMENT_RING)
    {
      /* the ring is a line: only its band picks it, not all it encloses */
      const double band = 10.0;
      const double *rb = l->box[ROSETTE_ELEMENT_RING];

      untransform_point (&l->tf[element], &x, &y);
      if (l->info.round && rb[2] == rb[3])
        {
          double r = rb[2] / 2.0;
          double d = hypot (x - (rb[0] + r), y - (rb[1] + r));

          return fabs (d - r) <= band;
        }
      return x < rb[0] + band || x > rb[0] + rb[2] - band
             || y < rb[1] + band || y > rb[1] + rb[3] - band;
    }
  if (element == ROSETTE_ELEMENT_SHAPE && l->info.round)
    {
      const double *sb = l->box[ROSETTE_ELEMENT_SHAPE];

      untransform_point (&l->tf[element], &x, &y);
      return hypot (x - (sb[0] + sb[2] / 2), y - (sb[1] + sb[3] / 2)) <= sb[2] / 2;
    }
  return TRUE;
}

gboolean
_rosette_design_spec_pick (const RosetteDesignSpec *spec,
                           double                   x,
                           double                   y,
                           RosetteElement          *element)
{
  Layout l;
  gboolean found = FALSE;

  _rosette_design_layout_init (&l, spec);
  /* front to back */
  for (int e = ROSETTE_N_ELEMENTS - 1; e >= 0 && !found; e--)
    {
      if (hits (&l, (RosetteElement) e, x, y))
        {
          *element = (RosetteElement) e;
          found = TRUE;
        }
    }
  _rosette_design_layout_clear (&l);

  return found;
}
