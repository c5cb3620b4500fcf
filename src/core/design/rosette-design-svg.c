/* rosette-design-svg.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The SVG builder: a pure function from a RosetteDesignSpec to SVG text.
 *
 * Layers, back to front: drop shadow -> tier ornaments (rays, wreath) ->
 * kind decoration behind the shape -> outer shape in the tier metal ->
 * field with a soft radial light -> tier ring -> emblem -> ribbon with
 * the title -> tier plaque -> stars -> gems.
 *
 * Everything is laid out on the 512 x 512 canvas with fixed rows so that
 * every kind reads the same way: stars on top, emblem in the upper half,
 * the title ribbon below it and the tier plaque under the ribbon.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rosette-design-builder-private.h"
#include "rosette-error.h"

typedef struct
{
  double r, g, b;   /* 0..1 */
} Rgb;

static const Metal metals[] = {
  [ROSETTE_METAL_BRONZE] = { "#f7d6b4", "#c8874d", "#6e4220" },
  [ROSETTE_METAL_SILVER] = { "#ffffff", "#bcc4ce", "#626b76" },
  [ROSETTE_METAL_GOLD] = { "#fff6bf", "#e5b53e", "#86630a" },
  [ROSETTE_METAL_PLATINUM] = { "#ffffff", "#dfe6ee", "#8a96a3" },
};

/* Locale-independent formatting: %s %d %u and %f (two decimals, trimmed).
 * SVG needs '.' as the decimal separator whatever LC_NUMERIC says. */
void
_rosette_design_putv (Builder    *b,
                      const char *format,
                      va_list     args)
{
  for (const char *c = format; *c != '\0'; c++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (*c != '%')
        {
          g_string_append_c (b->s, *c);
          continue;
        }

      c++;
      switch (*c)
        {
        case 's':
          g_string_append (b->s, va_arg (args, const char *));
          break;

        case 'd':
          g_string_append_printf (b->s, "%d", va_arg (args, int));
          break;

        case 'u':
          g_string_append_printf (b->s, "%u", va_arg (args, guint));
          break;

        case 'f':
          {
            double v = round (va_arg (args, double) * 100.0) / 100.0;
            char *end;

            if (v == 0.0)
              v = 0.0;  /* no "-0" */
            g_ascii_formatd (buf, sizeof buf, "%.2f", v);
            end = buf + strlen (buf) - 1;
            while (*end == '0')
              *end-- = '\0';
            if (*end == '.')
              *end = '\0';
            g_string_append (b->s, buf);
          }
          break;

        case '%':
          g_string_append_c (b->s, '%');
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Colours */

static gboolean
parse_rgb (const char *hex,
           Rgb        *out)
{
  guint v = 0;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (hex[i]);

      if (d < 0)
        return FALSE;
      v = v * 16 + (guint) d;
    }
  out->r = ((v >> 16) & 0xff) / 255.0;
  out->g = ((v >> 8) & 0xff) / 255.0;
  out->b = (v & 0xff) / 255.0;

  return TRUE;
}

static void
format_rgb (Rgb   c,
            char  out[8])
{
  g_snprintf (out, 8, "#%02x%02x%02x",
              (guint) CLAMP (round (c.r * 255.0), 0, 255),
              (guint) CLAMP (round (c.g * 255.0), 0, 255),
              (guint) CLAMP (round (c.b * 255.0), 0, 255));
}

static Rgb
mix (Rgb    a,
     Rgb    b,
     double t)
{
  return (Rgb) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
}

static double
channel_linear (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Rgb c)
{
  return 0.2126 * channel_linear (c.r) + 0.7152 * channel_linear (c.g)
         + 0.0722 * channel_linear (c.b);
}

static double
contrast (Rgb a,
          Rgb b)
{
  double la = luminance (a) + 0.05;
  double lb = luminance (b) + 0.05;

  return la > lb ? la / lb : lb / la;
}

static void
prepare_colors (Builder *b)
{
  static const Rgb black = { 0, 0, 0 };
  static const Rgb white = { 1, 1, 1 };
  static const Rgb title_ink = { 1, 1, 1 };
  static const Rgb emblem_ink = { 0xf4 / 255.0, 0xf7 / 255.0, 0xfb / 255.0 };
  Rgb field, band, light, mid, dark, ink, plaque_bg;

  if (!parse_rgb (b->spec->field_color, &field))
    parse_rgb ("#1d4f86", &field);
  /* The emblem and the "years" label are light on the field: a field
   * colour picked too light is deepened until they read (4.5:1). */
  for (guint i = 0; i < 30 && contrast (field, emblem_ink) < 4.5; i++)
    field = mix (field, black, 0.08);
  parse_rgb (b->metal->light, &light);
  parse_rgb (b->metal->mid, &mid);
  parse_rgb (b->metal->dark, &dark);

  format_rgb (field, b->field);
  format_rgb (mix (field, black, 0.45), b->field_dark);
  format_rgb (mix (field, white, 0.22), b->field_light);

  /* The title is white on the band: darken the field colour until the
   * pair clears 4.5:1 with a margin (the band has a lighter top edge). */
  band = mix (field, black, 0.35);
  for (guint i = 0; i < 20 && contrast (band, title_ink) < 7.0; i++)
    band = mix (band, black, 0.12);
  format_rgb (band, b->band);
  format_rgb (mix (band, white, 0.08), b->band_light);

  /* Plaque text: the dark stop, deepened until it reads on the plaque's
   * darkest point, the middle stop. */
  plaque_bg = mid;
  ink = dark;
  for (guint i = 0; i < 20 && contrast (ink, plaque_bg) < 5.0; i++)
    ink = mix (ink, black, 0.15);
  format_rgb (ink, b->ink);
  format_rgb (mix (dark, black, 0.25), b->metal_deep);
}

ShapeInfo
_rosette_design_shape_info (RosetteShape shape)
{
  switch (shape)
    {
    case ROSETTE_SHAPE_SHIELD:
      return (ShapeInfo) { 252, 162, 216, 92, FALSE, 0, 36 };
    case ROSETTE_SHAPE_CIRCLE:
      return (ShapeInfo) { 250, 194, 194, 0, TRUE, 194 - RIM, 56 };
    case ROSETTE_SHAPE_HEXAGON:
      return (ShapeInfo) { 250, 198, 222, 0, TRUE, 178, 28 };
    case ROSETTE_SHAPE_ROSETTE:
      return (ShapeInfo) { 226, 196, 196, 0, TRUE, 156, 30 };
    case ROSETTE_SHAPE_STAR:
      return (ShapeInfo) { 252, 224, 224, 0, TRUE, 160, 28 };
    case ROSETTE_SHAPE_BANNER:
      return (ShapeInfo) { 254, 160, 218, 90, FALSE, 0, 48 };
    case ROSETTE_SHAPE_ROUNDED_SQUARE:
    default:
      return (ShapeInfo) { 250, 178, 196, 96, FALSE, 0, 54 };
    }
}

void
_rosette_design_put_star_points (Builder *b,
                                 double   cx,
                                 double   cy,
                                 guint    points,
                                 double   r_out,
                                 double   r_in,
                                 double   rotate_deg)
{
  for (guint i = 0; i < points * 2; i++)
    {
      double a = (rotate_deg - 90.0 + 180.0 / points * i) * G_PI / 180.0;
      double r = (i % 2 == 0) ? r_out : r_in;

      put (b, "%s%f %f", i == 0 ? "M" : " L", cx + r * cos (a), cy + r * sin (a));
    }
  put (b, " Z");
}

/* Writes the body outline of @shape as path data. */
static void
put_body_d (Builder      *b,
            RosetteShape  shape)
{
  ShapeInfo info = _rosette_design_shape_info (shape);

  switch (shape)
    {
    case ROSETTE_SHAPE_SHIELD:
      put (b, "M94 64 C150 64 206 52 256 30 C306 52 362 64 418 64 L418 236 "
           "C418 338 344 420 256 470 C168 420 94 338 94 236 Z");
      break;

    case ROSETTE_SHAPE_CIRCLE:
      put (b, "M%f %f a%f %f 0 1 0 %f 0 a%f %f 0 1 0 %f 0 Z", CX - info.half_w, info.cy,
           info.half_w, info.half_w, info.half_w * 2, info.half_w, info.half_w,
           -info.half_w * 2);
      break;

    case ROSETTE_SHAPE_HEXAGON:
      /* pointy-top, slightly stretched so the ribbon row has room */
      for (guint i = 0; i < 6; i++)
        {
          double a = (-90.0 + 60.0 * i) * G_PI / 180.0;

          put (b, "%s%f %f", i == 0 ? "M" : " L",
               CX + 222.0 * cos (a) * 0.89, info.cy + 222.0 * sin (a));
        }
      put (b, " Z");
      break;

    case ROSETTE_SHAPE_ROSETTE:
      /* a pleated rosette: 24 rounded scallops */
      for (guint i = 0; i < 24; i++)
        {
          double a0 = (i * 15.0 - 90.0) * G_PI / 180.0;
          double a1 = ((i + 1) * 15.0 - 90.0) * G_PI / 180.0;
          double am = (a0 + a1) / 2.0;
          double r0 = 178.0, r1 = 200.0;

          if (i == 0)
            put (b, "M%f %f", CX + r0 * cos (a0), info.cy + r0 * sin (a0));
          put (b, " Q%f %f %f %f", CX + r1 * 1.07 * cos (am), info.cy + r1 * 1.07 * sin (am),
               CX + r0 * cos (a1), info.cy + r0 * sin (a1));
        }
      put (b, " Z");
      break;

    case ROSETTE_SHAPE_STAR:
      _rosette_design_put_star_points (b, CX, info.cy, 12, 226, 186, 0);
      break;

    case ROSETTE_SHAPE_BANNER:
      put (b, "M96 48 L416 48 L416 470 L256 414 L96 470 Z");
      break;

    case ROSETTE_SHAPE_ROUNDED_SQUARE:
    default:
      put (b, "M78 118 C78 76 104 54 146 54 L366 54 C408 54 434 76 434 118 L434 382 "
           "C434 424 408 446 366 446 L146 446 C104 446 78 424 78 382 Z");
      break;
    }
}

/* Writes path data (and, when needed, a transform attribute) for the
 * field of @shape shrunk by @inset px from the body edge. */
static void
put_inner (Builder      *b,
           RosetteShape  shape,
           double        inset,
           const char   *attrs)
{
  ShapeInfo info = _rosette_design_shape_info (shape);

  if (info.round && shape != ROSETTE_SHAPE_HEXAGON)
    {
      double r = info.field_r - (inset - RIM);

      put (b, "<circle cx=\"%f\" cy=\"%f\" r=\"%f\" %s/>\n", CX, info.cy, r, attrs);
      return;
    }

  put (b, "<path d=\"");
  put_body_d (b, shape);
  {
    /* the pointed bottom of the shield and the banner moves further than
     * the sides, so shrink the height a little more */
    double sx = 1.0 - inset / info.half_w;
    double sy = 1.0 - inset * (shape == ROSETTE_SHAPE_ROUNDED_SQUARE ? 1.0 : 1.2) / info.half_h;

    put (b, "\" transform=\"translate(%f %f) scale(%f %f) translate(%f %f)\" %s/>\n",
         CX, info.cy, sx, sy, -CX, -info.cy, attrs);
  }
}

/* Definitions */

static void
put_metal_gradient (Builder    *b,
                    const char *name,
                    double      x1,
                    double      y1,
                    double      x2,
                    double      y2)
{
  const Metal *m = b->metal;

  /* diagonal, with a light band a little above the middle */
  put (b, "<linearGradient id=\"%s%s\" x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\">"
       "<stop offset=\"0\" stop-color=\"%s\"/><stop offset=\"0.22\" stop-color=\"%s\"/>"
       "<stop offset=\"0.42\" stop-color=\"%s\"/><stop offset=\"0.55\" stop-color=\"%s\"/>"
       "<stop offset=\"0.78\" stop-color=\"%s\"/><stop offset=\"1\" stop-color=\"%s\"/>"
       "</linearGradient>\n",
       b->p, name, x1, y1, x2, y2, m->mid, m->light, m->mid, m->light, m->mid, m->dark);
}

static void
put_defs (Builder *b)
{
  const Metal *m = b->metal;
  ShapeInfo info = _rosette_design_shape_info (b->spec->shape);

  put (b, "<defs>\n");
  put_metal_gradient (b, "metal", 0, 0, 1, 1);
  put_metal_gradient (b, "metal-v", 0.2, 0, 0.8, 1);
  put (b, "<linearGradient id=\"%splaque\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">"
       "<stop offset=\"0\" stop-color=\"%s\"/><stop offset=\"0.5\" stop-color=\"%s\"/>"
       "<stop offset=\"1\" stop-color=\"%s\"/></linearGradient>\n",
       b->p, m->light, m->light, m->mid);
  put (b, "<radialGradient id=\"%sfield\" gradientUnits=\"userSpaceOnUse\" cx=\"%f\" cy=\"%f\" "
       "r=\"%f\" fx=\"%f\" fy=\"%f\"><stop offset=\"0\" stop-color=\"%s\"/>"
       "<stop offset=\"0.55\" stop-color=\"%s\"/><stop offset=\"1\" stop-color=\"%s\"/>"
       "</radialGradient>\n",
       b->p, CX, info.cy - 70, 290.0, CX, info.cy - 110, b->field_light, b->field,
       b->field_dark);
  put (b, "<linearGradient id=\"%sband\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">"
       "<stop offset=\"0\" stop-color=\"%s\"/><stop offset=\"1\" stop-color=\"%s\"/>"
       "</linearGradient>\n", b->p, b->band_light, b->band);
  if (b->spec->ornament >= ROSETTE_ORNAMENT_GEMS)
    {
      put (b, "<radialGradient id=\"%sgem\" cx=\"0.35\" cy=\"0.3\" r=\"0.75\">"
           "<stop offset=\"0\" stop-color=\"#ffd6dc\"/>"
           "<stop offset=\"0.35\" stop-color=\"#e0264a\"/>"
           "<stop offset=\"1\" stop-color=\"#6d0a1f\"/></radialGradient>\n", b->p);
      put (b, "<radialGradient id=\"%sgem2\" cx=\"0.35\" cy=\"0.3\" r=\"0.75\">"
           "<stop offset=\"0\" stop-color=\"#d6ecff\"/>"
           "<stop offset=\"0.35\" stop-color=\"#2a74d8\"/>"
           "<stop offset=\"1\" stop-color=\"#0a2a6d\"/></radialGradient>\n", b->p);
    }
  put (b, "</defs>\n");
}

/* The body: metal rim with its outline, then the field */
static void
put_body (Builder *b)
{
  RosetteShape shape = b->spec->shape;

  put (b, "<path d=\"");
  put_body_d (b, shape);
  put (b, "\" fill=\"url(#%smetal)\" stroke=\"%s\" stroke-width=\"4\" "
       "stroke-linejoin=\"round\"/>\n", b->p, b->metal->dark);

  if (shape == ROSETTE_SHAPE_BANNER)
    {
      /* the rod the banner hangs from */
      put (b, "<rect x=\"76\" y=\"36\" width=\"360\" height=\"20\" rx=\"10\" "
           "fill=\"url(#%smetal-v)\" stroke=\"%s\" stroke-width=\"3\"/>\n",
           b->p, b->metal->dark);
    }

  if (b->spec->kind == ROSETTE_BADGE_KIND_SERVICE)
    {
      /* a coin's reeded edge */
      ShapeInfo info = _rosette_design_shape_info (shape);
      g_autofree char *attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"7\" "
                                                "stroke-dasharray=\"2 5\" stroke-opacity=\"0.55\"",
                                                b->metal->dark);

      if (info.round)
        put_inner (b, shape, 7.0, attrs);
    }

  {
    g_autofree char *attrs = g_strdup_printf ("fill=\"url(#%sfield)\" stroke=\"%s\" "
                                              "stroke-width=\"3\"", b->p, b->metal->dark);
    put_inner (b, shape, RIM, attrs);
  }
  {
    /* a soft inner shadow under the rim gives the field depth */
    g_autofree char *attrs = g_strdup ("fill=\"none\" stroke=\"#000000\" stroke-opacity=\"0.22\" "
                                       "stroke-width=\"5\"");
    put_inner (b, shape, RIM + 3.5, attrs);
  }
}

static void
put_ring (Builder *b)
{
  g_autofree char *attrs = NULL;
  const Metal *m = b->metal;

  switch (b->spec->ring_style)
    {
    case ROSETTE_RING_STYLE_STITCHED:
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"2.6\" "
                               "stroke-dasharray=\"9 6\" stroke-linecap=\"round\"", m->light);
      put_inner (b, b->spec->shape, RIM + RING_INSET, attrs);
      break;

    case ROSETTE_RING_STYLE_BEADED:
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"6\" "
                               "stroke-dasharray=\"0 11\" stroke-linecap=\"round\"", m->mid);
      put_inner (b, b->spec->shape, RIM + RING_INSET, attrs);
      g_free (attrs);
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"3\" "
                               "stroke-dasharray=\"0 11\" stroke-linecap=\"round\"", m->light);
      put_inner (b, b->spec->shape, RIM + RING_INSET, attrs);
      break;

    case ROSETTE_RING_STYLE_DOUBLE:
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"3\"", m->mid);
      put_inner (b, b->spec->shape, RIM + RING_INSET - 3, attrs);
      g_free (attrs);
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                               "stroke-dasharray=\"7 5\" stroke-linecap=\"round\"", m->light);
      put_inner (b, b->spec->shape, RIM + RING_INSET + 5, attrs);
      break;

    case ROSETTE_RING_STYLE_NONE:
    default:
      break;
    }
}

static void
put_emblem (Builder                   *b,
            const RosetteDesignEmblem *emblem)
{
  const double k = EMBLEM_SIZE / 48.0;

  if (g_strcmp0 (emblem->id, ROSETTE_DESIGN_EMBLEM_YEARS) == 0)
    {
      const char *text = b->spec->emblem_text;
      g_autofree char *upper = NULL;
      glong n;
      double size;
      guint64 years = 0;
      const char *unit;

      if (text == NULL || *text == '\0')
        text = "1";
      upper = g_utf8_strup (text, -1);
      n = g_utf8_strlen (upper, -1);
      size = n <= 1 ? 132 : n == 2 ? 124 : n == 3 ? 96 : 76;
      g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &years, NULL);
      /* TRANSLATORS: drawn under the number of years on a service badge */
      unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", (gulong) (years == 0 ? 2 : years));
      {
        g_autofree char *unit_upper = g_utf8_strup (unit, -1);
        g_autofree char *stroke = g_strdup_printf (" stroke=\"%s\" stroke-width=\"3\" "
                                                   "paint-order=\"stroke\"", b->metal->dark);

        {
          g_autofree char *fill = g_strdup_printf ("url(#%smetal)", b->p);

          _rosette_design_put_text (b, CX, EMBLEM_CY + size * 0.36 - 6, size, -0.02, fill, upper,
                                    stroke);
        }
        _rosette_design_put_text (b, CX, EMBLEM_CY + size * 0.36 + 26, 22, 0.3, "#f4f7fb",
                                  unit_upper, NULL);
      }
      return;
    }

  {
    g_autoptr(GString) markup = g_string_new (emblem->markup);

    g_string_replace (markup, "@S", b->field_dark, 0);
    put (b, "<g transform=\"translate(%f %f) scale(%f)\" color=\"#f4f7fb\" fill=\"none\" "
         "stroke=\"#f4f7fb\" stroke-width=\"4\" stroke-linecap=\"round\" "
         "stroke-linejoin=\"round\">%s</g>\n",
         CX - 24.0 * k, EMBLEM_CY - 24.0 * k, k, markup->str);
  }
}

static void
put_one_star (Builder *b,
              double   x,
              double   y,
              double   r,
              double   rotate)
{
  put (b, "<path d=\"");
  _rosette_design_put_star_points (b, x, y, 5, r, r * 0.45, rotate);
  put (b, "\" fill=\"url(#%smetal)\" stroke=\"%s\" stroke-width=\"2\" "
       "stroke-linejoin=\"round\"/>\n", b->p, b->metal->dark);
}

static void
put_stars (Builder *b)
{
  ShapeInfo info = _rosette_design_shape_info (b->spec->shape);
  guint n = MIN (b->spec->stars, 6);
  double r = n <= 3 ? 19.0 : n == 4 ? 17.0 : 15.0;

  if (n == 0)
    return;

  if (info.round)
    {
      /* on an arc following the round field */
      double arc_r = info.field_r - 34.0;
      double step = (n <= 3 ? 15.0 : 12.5) * 204.0 / (arc_r + 34.0 + RIM);

      for (guint i = 0; i < n; i++)
        {
          double deg = (i - (n - 1) / 2.0) * step;
          double a = (deg - 90.0) * G_PI / 180.0;

          put_one_star (b, CX + arc_r * cos (a), info.cy + arc_r * sin (a), r, deg);
        }
    }
  else
    {
      double step = r * 2.35;

      for (guint i = 0; i < n; i++)
        {
          double dx = (i - (n - 1) / 2.0) * step;

          put_one_star (b, CX + dx, info.star_y + dx * dx * 0.0012, r, 0);
        }
    }
}

static void
put_gem (Builder    *b,
         double      x,
         double      y,
         double      r,
         const char *gradient)
{
  put (b, "<circle cx=\"%f\" cy=\"%f\" r=\"%f\" fill=\"url(#%s%s)\" stroke=\"%s\" "
       "stroke-width=\"2.5\"/>\n<circle cx=\"%f\" cy=\"%f\" r=\"%f\" fill=\"#ffffff\" "
       "fill-opacity=\"0.75\"/>\n",
       x, y, r, b->p, gradient, b->metal->dark, x - r * 0.35, y - r * 0.38, r * 0.22);
}

static void
put_gems (Builder *b)
{
  double y = RIBBON_CY;

  put_gem (b, RIBBON_X0 + 1, y, 11, "gem");
  put_gem (b, RIBBON_X1 - 1, y, 11, "gem");
  if (b->plaque_w > 0)
    {
      put_gem (b, CX - b->plaque_w / 2 - 13, PLAQUE_CY, 8, "gem2");
      put_gem (b, CX + b->plaque_w / 2 + 13, PLAQUE_CY, 8, "gem2");
    }
}

/* The drop shadow: the silhouette drawn a few times with growing, fading
 * outlines. It looks like a blurred shadow but costs a fraction of a
 * feGaussianBlur over the whole canvas, which dominated render time. */
static void
put_shadow (Builder *b)
{
  static const struct { double width, opacity; } layers[] = {
    { 14.0, 0.07 }, { 4.0, 0.13 },
  };

  put (b, "<g transform=\"translate(0 7)\" fill=\"#000000\" stroke=\"#000000\" "
       "stroke-linejoin=\"round\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      put (b, "<path fill-opacity=\"%f\" stroke-opacity=\"%f\" stroke-width=\"%f\" d=\"",
           layers[i].opacity, layers[i].width > 0 ? layers[i].opacity : 0.0, layers[i].width);
      put_body_d (b, b->spec->shape);
      put (b, " M%f %f H%f V%f H%f Z\"/>\n", RIBBON_X0 - 36, RIBBON_CY - 14,
           RIBBON_X1 + 36, RIBBON_CY + 36, RIBBON_X0 - 36);
    }
  put (b, "</g>\n");
}

static char *
describe (const RosetteDesignSpec *spec)
{
  static const char *metal_names[] = { N_("bronze"), N_("silver"), N_("gold"),
                                       N_("platinum") };
  const char *metal = _(metal_names[CLAMP (spec->metal, 0, G_N_ELEMENTS (metal_names) - 1)]);
  g_autoptr(GString) d = g_string_new (NULL);
  const char *title = spec->title != NULL ? spec->title : "";

  /* TRANSLATORS: read out by screen readers; the arguments are the badge
   * title, the tier name, a metal, a number of stars and an emblem id */
  g_string_append_printf (d, g_dngettext (GETTEXT_PACKAGE,
                                          "%s badge, %s tier: a %s badge with %u star "
                                          "and the “%s” emblem",
                                          "%s badge, %s tier: a %s badge with %u stars "
                                          "and the “%s” emblem",
                                          spec->stars),
                          title, spec->tier_name != NULL ? spec->tier_name : "", metal,
                          spec->stars, spec->emblem != NULL ? spec->emblem : "");
  if (spec->ornament != ROSETTE_ORNAMENT_NONE)
    g_string_append (d, _(", framed by a laurel wreath"));
  if (spec->ornament >= ROSETTE_ORNAMENT_RAYS)
    g_string_append (d, _(" and rays"));
  if (spec->ornament >= ROSETTE_ORNAMENT_GEMS)
    g_string_append (d, _(", set with gems"));
  g_string_append (d, ".");
  if (spec->subtitle != NULL && *spec->subtitle != '\0')
    g_string_append_printf (d, " %s", spec->subtitle);

  return g_markup_escape_text (d->str, -1);
}

char *
_rosette_design_build_svg (const RosetteDesignSpec  *spec,
                           GError                  **error)
{
  const RosetteDesignEmblem *emblem;
  Builder b = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->id_prefix != NULL && g_ascii_isalpha (spec->id_prefix[0]), NULL);

  emblem = _rosette_design_emblem_lookup (spec->emblem);
  if (emblem == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("There is no emblem called “%s”"),
                   spec->emblem != NULL ? spec->emblem : "");
      return NULL;
    }

  b.spec = spec;
  b.metal = &metals[CLAMP (spec->metal, 0, G_N_ELEMENTS (metals) - 1)];
  b.p = spec->id_prefix;
  b.s = g_string_sized_new (24 * 1024);
  prepare_colors (&b);

  {
    g_autofree char *t = g_strdup_printf ("%s — %s", spec->title != NULL ? spec->title : "",
                                          spec->tier_name != NULL ? spec->tier_name : "");

    title = g_markup_escape_text (t, -1);
  }
  desc = describe (spec);

  put (&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" "
       "viewBox=\"0 0 512 512\" role=\"img\" aria-labelledby=\"%stitle %sdesc\">\n"
       "<title id=\"%stitle\">%s</title>\n<desc id=\"%sdesc\">%s</desc>\n",
       b.p, b.p, b.p, title, b.p, desc);
  put_defs (&b);
  put_shadow (&b);

  if (spec->ornament >= ROSETTE_ORNAMENT_RAYS)
    _rosette_design_put_rays (&b);
  if (spec->ornament >= ROSETTE_ORNAMENT_WREATH)
    {
      put (&b, "<g id=\"%swreath\">\n", b.p);
      _rosette_design_put_wreath (&b);
      put (&b, "</g>\n");
    }
  _rosette_design_put_kind_back (&b);
  put_body (&b);
  put_ring (&b);
  put_emblem (&b, emblem);
  _rosette_design_put_ribbon (&b);
  _rosette_design_put_plaque (&b);
  put (&b, "<g id=\"%sstars\">\n", b.p);
  put_stars (&b);
  put (&b, "</g>\n");
  if (spec->ornament >= ROSETTE_ORNAMENT_GEMS)
    put_gems (&b);
  put (&b, "</svg>\n");

  return g_string_free (b.s, FALSE);
}
