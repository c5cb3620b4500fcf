/* rosette-design-ornaments.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What surrounds the shape: the tier ornaments behind it (laurel wreath,
 * rays) and the decoration of a kind (the compass rose of leadership,
 * the hanging ribbon tails of recognition).
 */

#include "config.h"

#include <math.h>

#include "rosette-design-builder-private.h"

/* Ornaments behind the shape */

void
_rosette_design_put_rays (Builder *b)
{
  ShapeInfo info = _rosette_design_shape_info (b->spec->shape);
  const guint n = 16;

  /* long rays in the middle tone, short ones lighter; flat fills, since a
   * gradient is computed over a path's whole bounding box */
  for (guint pass = 0; pass < 2; pass++)
    {
      put (b, "<path fill=\"%s\" stroke=\"%s\" stroke-width=\"2\" stroke-linejoin=\"round\" "
           "d=\"", pass == 0 ? b->metal->mid : b->metal->light, b->metal_deep);
      for (guint i = pass; i < n; i += 2)
        {
          double a = (360.0 / n * (i + 0.5)) * G_PI / 180.0;
          double w = 7.0 * G_PI / 180.0;
          double r = (i % 2 == 0) ? 238.0 : 218.0;
          double cy = info.cy;

          /* keep the tips inside the 16 px margin */
          r = MIN (r, (cy - 18) / MAX (0.01, -sin (a)));
          r = MIN (r, (494 - cy) / MAX (0.01, sin (a)));
          r = MIN (r, 236.0);
          put (b, "M%f %f L%f %f L%f %fZ",
               CX + 150 * cos (a - w), cy + 150 * sin (a - w),
               CX + r * cos (a), cy + r * sin (a),
               CX + 150 * cos (a + w), cy + 150 * sin (a + w));
        }
      put (b, "\"/>\n");
    }
}

/* Path data for a pointed laurel leaf from (@x, @y), @len long, pointing
 * at @dir degrees. All leaves of a branch go into one path: one element
 * to render instead of a dozen. */
static void
put_leaf_d (Builder *b,
            double   x,
            double   y,
            double   len,
            double   dir)
{
  const double local[4][2] = {
    { len * 0.45, -len * 0.36 }, { len, 0 }, { len * 0.45, len * 0.36 }, { 0, 0 },
  };
  double c = cos (dir * G_PI / 180.0), sn = sin (dir * G_PI / 180.0);
  double pts[4][2];

  for (guint i = 0; i < 4; i++)
    {
      pts[i][0] = x + local[i][0] * c - local[i][1] * sn;
      pts[i][1] = y + local[i][0] * sn + local[i][1] * c;
    }
  put (b, "M%f %f Q%f %f %f %f Q%f %f %f %fZ", x, y, pts[0][0], pts[0][1], pts[1][0], pts[1][1],
       pts[2][0], pts[2][1], pts[3][0], pts[3][1]);
}

void
_rosette_design_put_wreath (Builder *b)
{
  const double cy = 262.0, r = 214.0, a0 = 100.0, a1 = 228.0;

  put (b, "<g stroke=\"%s\" stroke-linecap=\"round\">\n", b->metal->dark);
  for (int side = -1; side <= 1; side += 2)
    {
      /* the left branch grows from the bottom up the left side; the right
       * one is its mirror image */
      double mf = side < 0 ? 1.0 : -1.0;

      put (b, "<path fill=\"none\" stroke-width=\"5\" d=\"M%f %f A%f %f 0 0 %d %f %f\"/>\n",
           CX + mf * r * cos (a0 * G_PI / 180.0), cy + r * sin (a0 * G_PI / 180.0),
           r, r, side < 0 ? 1 : 0,
           CX + mf * r * cos (a1 * G_PI / 180.0), cy + r * sin (a1 * G_PI / 180.0));

      put (b, "<path fill=\"%s\" stroke-width=\"1.6\" stroke-linejoin=\"round\" "
           "d=\"", b->metal_fill);
      for (guint i = 0; i < 13; i++)
        {
          double a = a0 + 4.0 + i * 9.8;
          double rad = a * G_PI / 180.0;
          gboolean outer = (i % 2 == 0);
          double x = CX + mf * r * cos (rad);
          double y = cy + r * sin (rad);
          /* leaves grow from the stem, pointing up the branch and out */
          double dir = a + 90.0 + (outer ? -38.0 : 38.0);
          double len = 34.0 - i * 0.7;

          if (side > 0)
            dir = 180.0 - dir;
          put_leaf_d (b, x, y, len, dir);
        }
      {
        double rad = (a1 + 1.0) * G_PI / 180.0;
        double dir = a1 + 90.0;

        put_leaf_d (b, CX + mf * r * cos (rad), cy + r * sin (rad), 30.0,
                    side > 0 ? 180.0 - dir : dir);
      }
      put (b, "\"/>\n");
    }
  put (b, "</g>\n");
}

/* Decoration that belongs to a kind rather than a tier */
void
_rosette_design_put_kind_back (Builder *b)
{
  ShapeInfo info = _rosette_design_shape_info (b->spec->shape);

  if (b->spec->kind == ROSETTE_BADGE_KIND_LEADERSHIP)
    {
      /* compass-rose points behind the round medal, each split into a
       * lit and a shaded half; one path per half keeps rendering fast */
      for (guint half = 0; half < 2; half++)
        {
          double sign = half == 0 ? 1.0 : -1.0;

          /* flat tones: a gradient over a path this large is slow */
          put (b, "<path fill=\"%s\"", half == 0 ? b->metal->light : b->metal->mid);
          put (b, " stroke=\"%s\" stroke-width=\"2\" stroke-linejoin=\"round\" d=\"",
               b->metal->dark);
          for (guint i = 0; i < 8; i++)
            {
              double a = (i * 45.0 - 90.0) * G_PI / 180.0;
              double r = (i % 2 == 0) ? 244.0 : 228.0;
              double w = sign * ((i % 2 == 0) ? 44.0 : 30.0);
              double bx = CX + 150.0 * cos (a), by = info.cy + 150.0 * sin (a);

              /* keep the tips inside the 16 px margin */
              r = MIN (r, (info.cy - 18) / MAX (0.01, -sin (a)));
              r = MIN (r, (494 - info.cy) / MAX (0.01, sin (a)));
              r = MIN (r, (CX - 18) / MAX (0.01, fabs (cos (a))));
              put (b, "M%f %f L%f %f L%f %fZ", bx - sin (a) * w, by + cos (a) * w,
                   CX + r * cos (a), info.cy + r * sin (a), bx, by);
            }
          put (b, "\"/>\n");
        }
    }
  else if (b->spec->kind == ROSETTE_BADGE_KIND_RECOGNITION
           || b->spec->shape == ROSETTE_SHAPE_ROSETTE)
    {
      /* two ribbon tails hanging from behind the rosette */
      for (int side = -1; side <= 1; side += 2)
        {
          double x = CX + side * 58;

          put (b, "<g transform=\"rotate(%f %f %f)\">"
               "<path d=\"M%f 330 L%f 330 L%f 492 L%f 466 L%f 492 Z\" fill=\"%s\" "
               "stroke=\"%s\" stroke-width=\"3\" stroke-linejoin=\"round\"/>"
               "<rect x=\"%f\" y=\"330\" width=\"10\" height=\"150\" fill=\"%s\"/>"
               "</g>\n",
               side * -16.0, x, 330.0,
               x - 42, x + 42, x + 42, x, x - 42, b->field, b->metal->dark,
               x - 5, b->metal_v_fill);
        }
    }
}

