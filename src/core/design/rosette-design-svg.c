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

/* The palette ramp: the tiers of a family share one hue, from a lighter
 * shade for the first tier to a richer, deeper one for the last. The
 * lightest step stops where the emblem would lose its contrast. */
static Rgb
ramp (Rgb        field,
      Rgb        emblem_ink,
      guint      rank,
      guint      n)
{
  static const Rgb black = { 0, 0, 0 };
  static const Rgb white = { 1, 1, 1 };
  double t, lift = 0.0;

  if (n < 2)
    return field;

  /* how far the field can be lightened and still carry the emblem */
  while (lift < 0.3 && contrast (mix (field, white, lift + 0.02), emblem_ink) >= 4.6)
    lift += 0.02;

  t = (double) MIN (rank, n - 1) / (n - 1);   /* 0 = first tier */
  if (t < 0.5)
    return mix (field, white, lift * (1.0 - 2.0 * t));

  {
    /* richer: deeper, and a little more saturated */
    Rgb c = mix (field, black, 0.32 * (2.0 * t - 1.0));
    double grey = (c.r + c.g + c.b) / 3.0;
    double k = 1.0 + 0.25 * (2.0 * t - 1.0);

    c.r = CLAMP (grey + (c.r - grey) * k, 0.0, 1.0);
    c.g = CLAMP (grey + (c.g - grey) * k, 0.0, 1.0);
    c.b = CLAMP (grey + (c.b - grey) * k, 0.0, 1.0);
    return c;
  }
}

static void
prepare_colors (Builder *b)
{
  static const Rgb black = { 0, 0, 0 };
  static const Rgb white = { 1, 1, 1 };
  static const Rgb title_ink = { 1, 1, 1 };
  static const Rgb dark_ink = { 0x1c / 255.0, 0x1c / 255.0, 0x24 / 255.0 };
  Rgb emblem_ink = { 0xf4 / 255.0, 0xf7 / 255.0, 0xfb / 255.0 };
  Rgb field, band, light, mid, dark, ink, plaque_bg;
  gboolean tier_colour = parse_rgb (b->spec->tier_field_color, &field);

  if (!tier_colour && !parse_rgb (b->spec->field_color, &field))
    parse_rgb ("#1d4f86", &field);
  parse_rgb (b->spec->emblem_color, &emblem_ink);
  if (!tier_colour && b->spec->palette_ramp)
    field = ramp (field, emblem_ink, b->spec->tier_rank, b->spec->n_tiers);
  /* The emblem and the "years" label are light on the field: a field
   * colour picked too light is deepened until they read (4.5:1); for a
   * dark emblem colour, the field is lightened instead. */
  if (luminance (emblem_ink) > 0.25)
    for (guint i = 0; i < 30 && contrast (field, emblem_ink) < 4.5; i++)
      field = mix (field, black, 0.08);
  else
    for (guint i = 0; i < 30 && contrast (field, emblem_ink) < 4.5; i++)
      field = mix (field, white, 0.08);
  format_rgb (emblem_ink, b->emblem_ink);
  parse_rgb (b->metal->light, &light);
  parse_rgb (b->metal->mid, &mid);
  parse_rgb (b->metal->dark, &dark);

  format_rgb (field, b->field);
  format_rgb (mix (field, black, 0.45), b->field_dark);
  format_rgb (mix (field, white, 0.22), b->field_light);

  /* The title is white on the band: darken the field colour until the
   * pair clears 4.5:1 with a margin (the band has a lighter top edge). */
  if (parse_rgb (b->spec->ribbon_color, &band))
    {
      /* the designer's colour as it is; the title takes whichever of
       * white and near-black reads better on it (one always clears 4.5:1) */
      format_rgb (contrast (band, title_ink) >= contrast (band, dark_ink) ? title_ink : dark_ink,
                  b->title_ink);
    }
  else
    {
      band = mix (field, black, 0.35);
      for (guint i = 0; i < 20 && contrast (band, title_ink) < 7.0; i++)
        band = mix (band, black, 0.12);
      format_rgb (title_ink, b->title_ink);
    }
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

  /* fills: gradients, or flat colours when the designer turns them off */
  if (b->spec->gradient)
    {
      g_snprintf (b->metal_fill, sizeof b->metal_fill, "url(#%smetal)", b->p);
      g_snprintf (b->metal_v_fill, sizeof b->metal_v_fill, "url(#%smetal-v)", b->p);
      g_snprintf (b->band_fill, sizeof b->band_fill, "url(#%sband)", b->p);
      g_snprintf (b->plaque_fill, sizeof b->plaque_fill, "url(#%splaque)", b->p);
      g_snprintf (b->field_fill, sizeof b->field_fill, "url(#%sfield)", b->p);
    }
  else
    {
      g_strlcpy (b->metal_fill, b->metal->mid, sizeof b->metal_fill);
      g_strlcpy (b->metal_v_fill, b->metal->mid, sizeof b->metal_v_fill);
      g_strlcpy (b->band_fill, b->band, sizeof b->band_fill);
      g_strlcpy (b->plaque_fill, b->metal->light, sizeof b->plaque_fill);
      g_strlcpy (b->field_fill, b->field, sizeof b->field_fill);
    }
}

double
_rosette_design_inner_radius (const Layout *l,
                              double        inset)
{
  return l->info.field_r - (inset - RIM);
}

/* Placement: a group moving and scaling an element about its centre */
void
_rosette_design_begin_placed (Builder        *b,
                              RosetteElement  element)
{
  const Transform *tf = &b->l->tf[element];

  if (tf->dx == 0 && tf->dy == 0 && tf->s == 1.0)
    return;
  put (b, "<g transform=\"translate(%f %f) scale(%f) translate(%f %f)\">\n",
       tf->cx + tf->dx, tf->cy + tf->dy, tf->s, -tf->cx, -tf->cy);
}

void
_rosette_design_end_placed (Builder        *b,
                            RosetteElement  element)
{
  const Transform *tf = &b->l->tf[element];

  if (tf->dx == 0 && tf->dy == 0 && tf->s == 1.0)
    return;
  put (b, "</g>\n");
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
      double r = _rosette_design_inner_radius (b->l, inset);

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
  if (!b->spec->gradient)
    goto gems;
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
gems:
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
  put (b, "\" fill=\"%s\" stroke=\"%s\" stroke-width=\"4\" "
       "stroke-linejoin=\"round\"/>\n", b->metal_fill, b->metal->dark);

  if (shape == ROSETTE_SHAPE_BANNER)
    {
      /* the rod the banner hangs from */
      put (b, "<rect x=\"76\" y=\"36\" width=\"360\" height=\"20\" rx=\"10\" "
           "fill=\"%s\" stroke=\"%s\" stroke-width=\"3\"/>\n",
           b->metal_v_fill, b->metal->dark);
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
    g_autofree char *attrs = g_strdup_printf ("fill=\"%s\" stroke=\"%s\" "
                                              "stroke-width=\"3\"", b->field_fill, b->metal->dark);
    put_inner (b, shape, b->l->rim, attrs);
  }
  {
    /* a soft inner shadow under the rim gives the field depth */
    g_autofree char *attrs = g_strdup ("fill=\"none\" stroke=\"#000000\" stroke-opacity=\"0.22\" "
                                       "stroke-width=\"5\"");
    put_inner (b, shape, b->l->rim + 3.5, attrs);
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
      put_inner (b, b->spec->shape, b->l->rim + RING_INSET, attrs);
      break;

    case ROSETTE_RING_STYLE_BEADED:
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"6\" "
                               "stroke-dasharray=\"0 11\" stroke-linecap=\"round\"", m->mid);
      put_inner (b, b->spec->shape, b->l->rim + RING_INSET, attrs);
      g_free (attrs);
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"3\" "
                               "stroke-dasharray=\"0 11\" stroke-linecap=\"round\"", m->light);
      put_inner (b, b->spec->shape, b->l->rim + RING_INSET, attrs);
      break;

    case ROSETTE_RING_STYLE_DOUBLE:
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"3\"", m->mid);
      put_inner (b, b->spec->shape, b->l->rim + RING_INSET - 3, attrs);
      g_free (attrs);
      attrs = g_strdup_printf ("fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                               "stroke-dasharray=\"7 5\" stroke-linecap=\"round\"", m->light);
      put_inner (b, b->spec->shape, b->l->rim + RING_INSET + 5, attrs);
      break;

    case ROSETTE_RING_STYLE_NONE:
    default:
      break;
    }
}

static void
put_emblem_markup (Builder    *b,
                   const char *markup,
                   double      view_x,
                   double      view_y,
                   double      view_w,
                   double      view_h,
                   gboolean    custom)
{
  const Layout *l = b->l;
  double k = l->emblem_size / MAX (view_w, view_h);
  /* centre a non-square drawing in the square box */
  double x = l->emblem_cx - view_w * k / 2.0 - view_x * k;
  double y = l->emblem_cy - view_h * k / 2.0 - view_y * k;

  if (custom)
    put (b, "<g transform=\"translate(%f %f) scale(%f)\" color=\"%s\">%s</g>\n",
         x, y, k, b->emblem_ink, markup);
  else
    put (b, "<g transform=\"translate(%f %f) scale(%f)\" color=\"%s\" fill=\"none\" "
         "stroke=\"%s\" stroke-width=\"4\" stroke-linecap=\"round\" "
         "stroke-linejoin=\"round\">%s</g>\n", x, y, k, b->emblem_ink, b->emblem_ink, markup);
}

static void
put_years (Builder *b)
{
  const Layout *l = b->l;
  const char *text = b->spec->emblem_text;
  g_autofree char *upper = NULL;
  glong n;
  double size, k = l->emblem_size / EMBLEM_SIZE, cy = l->emblem_cy;
  guint64 years = 0;
  const char *unit;
  g_autofree char *unit_upper = NULL;
  g_autofree char *stroke = NULL;

  if (text == NULL || *text == '\0')
    text = "1";
  upper = g_utf8_strup (text, -1);
  n = g_utf8_strlen (upper, -1);
  size = n <= 1 ? 132 : n == 2 ? 124 : n == 3 ? 96 : 76;
  g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &years, NULL);
  /* TRANSLATORS: drawn under the number of years on a service badge */
  unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", (gulong) (years == 0 ? 2 : years));
  unit_upper = g_utf8_strup (unit, -1);
  stroke = g_strdup_printf (" stroke=\"%s\" stroke-width=\"3\" paint-order=\"stroke\"",
                            b->metal->dark);

  _rosette_design_put_text (b, l->emblem_cx, cy + (size * 0.36 - 6) * k, size * k, -0.02,
                            b->metal_fill, upper, stroke);
  _rosette_design_put_text (b, l->emblem_cx, cy + (size * 0.36 + 26) * k, 22 * k, 0.3,
                            b->emblem_ink, unit_upper, NULL);
}

static gboolean
put_emblem (Builder                   *b,
            const RosetteDesignEmblem *emblem,
            GError                   **error)
{
  if (g_strcmp0 (emblem->id, ROSETTE_DESIGN_EMBLEM_YEARS) == 0)
    {
      put_years (b);
      return TRUE;
    }

  if (g_strcmp0 (emblem->id, ROSETTE_DESIGN_EMBLEM_CUSTOM) == 0)
    {
      const char *svg = b->spec->custom_emblem;
      g_autofree char *prefix = g_strconcat (b->p, "em-", NULL);
      g_autofree char *inner = NULL;
      double vb[4];

      /* sanitised on import, and again here: the family file may have
       * been edited by hand */
      if (svg == NULL || *svg == '\0')
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                       _("The family uses an imported emblem, but has none"));
          return FALSE;
        }
      if (!_rosette_design_sanitize (svg, strlen (svg), prefix, vb, &inner, error))
        return FALSE;
      put_emblem_markup (b, inner, vb[0], vb[1], vb[2], vb[3], TRUE);
      return TRUE;
    }

  {
    g_autoptr(GString) markup = g_string_new (emblem->markup);

    g_string_replace (markup, "@S", b->field_dark, 0);
    put_emblem_markup (b, markup->str, 0, 0, 48, 48, FALSE);
  }
  return TRUE;
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
  put (b, "\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\" "
       "stroke-linejoin=\"round\"/>\n", b->metal_fill, b->metal->dark);
}

static void
put_stars (Builder *b)
{
  const Layout *l = b->l;

  for (guint i = 0; i < l->n_stars; i++)
    put_one_star (b, l->star_x[i], l->star_y[i], l->star_r, l->star_rot[i]);
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

/* The gems at the ribbon's ends and beside the plaque */
static void
put_ribbon_gems (Builder *b)
{
  if (b->spec->ornament < ROSETTE_ORNAMENT_GEMS)
    return;
  if (b->l->curved)
    {
      double half = (RIBBON_X1 - RIBBON_X0) / 2.0 / ARCH_RADIUS;

      for (int side = -1; side <= 1; side += 2)
        put_gem (b, CX + side * (ARCH_RADIUS * sin (half) - 1),
                 RIBBON_CY + ARCH_RADIUS * (1 - cos (half)), 11, "gem");
      return;
    }
  put_gem (b, RIBBON_X0 + 1, RIBBON_CY, 11, "gem");
  put_gem (b, RIBBON_X1 - 1, RIBBON_CY, 11, "gem");
}

static void
put_plaque_gems (Builder *b)
{
  if (b->spec->ornament < ROSETTE_ORNAMENT_GEMS || b->plaque_w <= 0)
    return;
  put_gem (b, CX - b->plaque_w / 2 - 13, PLAQUE_CY, 8, "gem2");
  put_gem (b, CX + b->plaque_w / 2 + 13, PLAQUE_CY, 8, "gem2");
}

/* The ribbon's part of the shadow, as path data */
static void
put_ribbon_shadow_d (Builder *b)
{
  const Layout *l = b->l;

  if (!l->curved)
    {
      put (b, " M%f %f H%f V%f H%f Z", RIBBON_X0 - 36, RIBBON_CY - 14, RIBBON_X1 + 36,
           RIBBON_CY + 36, RIBBON_X0 - 36);
      return;
    }
  {
    double half = (RIBBON_X1 - RIBBON_X0 + 72) / 2.0 / ARCH_RADIUS;
    double ro = ARCH_RADIUS + 14, ri = ARCH_RADIUS - 36, cy = RIBBON_CY + ARCH_RADIUS;

    put (b, " M%f %f A%f %f 0 0 1 %f %f L%f %f A%f %f 0 0 0 %f %f Z",
         CX - ro * sin (half), cy - ro * cos (half), ro, ro, CX + ro * sin (half),
         cy - ro * cos (half), CX + ri * sin (half), cy - ri * cos (half), ri, ri,
         CX - ri * sin (half), cy - ri * cos (half));
  }
}

/* The drop shadow: the silhouette drawn a few times with growing, fading
 * outlines. It looks like a blurred shadow but costs a fraction of a
 * feGaussianBlur over the whole canvas, which dominated render time.
 * @element is the shape, the ribbon, or both at once (SHAPE and @with_ribbon)
 * when they sit together, so their overlap is not darkened twice. */
static void
put_shadow (Builder        *b,
            RosetteElement  element,
            gboolean        with_ribbon)
{
  static const struct { double width, opacity; } layers[] = {
    { 14.0, 0.07 }, { 4.0, 0.13 },
  };

  _rosette_design_begin_placed (b, element);
  put (b, "<g transform=\"translate(0 7)\" fill=\"#000000\" stroke=\"#000000\" "
       "stroke-linejoin=\"round\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      put (b, "<path fill-opacity=\"%f\" stroke-opacity=\"%f\" stroke-width=\"%f\" d=\"",
           layers[i].opacity, layers[i].width > 0 ? layers[i].opacity : 0.0, layers[i].width);
      if (element == ROSETTE_ELEMENT_SHAPE)
        put_body_d (b, b->spec->shape);
      if (with_ribbon)
        put_ribbon_shadow_d (b);
      put (b, "\"/>\n");
    }
  put (b, "</g>\n");
  _rosette_design_end_placed (b, element);
}

static gboolean
same_transform (const Transform *a,
                const Transform *b)
{
  return a->dx == b->dx && a->dy == b->dy && a->s == b->s
         && (a->s == 1.0 || (a->cx == b->cx && a->cy == b->cy));
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

/* The font-family attribute: the designer's family first, then ours */
static char *
font_attribute (const char *family)
{
  g_autoptr(GString) clean = NULL;

  if (family == NULL || *family == '\0')
    return g_strdup (FONT_FAMILY);

  /* a family name is letters, digits, spaces and a little punctuation;
   * anything that could end the attribute or the quotes is dropped */
  clean = g_string_new (NULL);
  for (const char *c = family; *c != '\0' && clean->len < 64; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isalnum (u) || u == ' ' || u == '-' || u == '_' || u == '.')
        g_string_append_unichar (clean, u);
    }
  g_strstrip (clean->str);
  if (*clean->str == '\0')
    return g_strdup (FONT_FAMILY);

  return g_strdup_printf ("'%s', " FONT_FALLBACKS, clean->str);
}

void
_rosette_design_spec_init (RosetteDesignSpec *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->shadow = TRUE;
  spec->gradient = TRUE;
  spec->n_tiers = 1;
  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    spec->placements[e].scale = 1.0;
}

char *
_rosette_design_build_svg (const RosetteDesignSpec  *spec,
                           GError                  **error)
{
  const RosetteDesignEmblem *emblem;
  Builder b = { 0 };
  Layout layout;
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *font = NULL;
  gboolean ok;

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

  _rosette_design_layout_init (&layout, spec);
  font = font_attribute (spec->font_family);
  b.spec = spec;
  b.l = &layout;
  b.metal = &metals[CLAMP (spec->metal, 0, G_N_ELEMENTS (metals) - 1)];
  b.p = spec->id_prefix;
  b.s = g_string_sized_new (24 * 1024);
  b.font = font;
  b.weight = spec->font_weight > 0 ? CLAMP (spec->font_weight, 100, 900) : 700;
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
  if (spec->shadow)
    {
      if (same_transform (&layout.tf[ROSETTE_ELEMENT_SHAPE], &layout.tf[ROSETTE_ELEMENT_RIBBON]))
        put_shadow (&b, ROSETTE_ELEMENT_SHAPE, TRUE);
      else
        {
          put_shadow (&b, ROSETTE_ELEMENT_SHAPE, FALSE);
          put_shadow (&b, ROSETTE_ELEMENT_RIBBON, TRUE);
        }
    }

  /* the shape, with everything drawn with it */
  _rosette_design_begin_placed (&b, ROSETTE_ELEMENT_SHAPE);
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
  _rosette_design_end_placed (&b, ROSETTE_ELEMENT_SHAPE);

  _rosette_design_begin_placed (&b, ROSETTE_ELEMENT_RING);
  put_ring (&b);
  _rosette_design_end_placed (&b, ROSETTE_ELEMENT_RING);

  _rosette_design_begin_placed (&b, ROSETTE_ELEMENT_EMBLEM);
  ok = put_emblem (&b, emblem, error);
  _rosette_design_end_placed (&b, ROSETTE_ELEMENT_EMBLEM);
  if (!ok)
    {
      _rosette_design_layout_clear (&layout);
      g_string_free (b.s, TRUE);
      return NULL;
    }

  _rosette_design_put_subtitle (&b);

  _rosette_design_begin_placed (&b, ROSETTE_ELEMENT_RIBBON);
  _rosette_design_put_ribbon (&b);
  put_ribbon_gems (&b);
  _rosette_design_end_placed (&b, ROSETTE_ELEMENT_RIBBON);

  _rosette_design_begin_placed (&b, ROSETTE_ELEMENT_TIER_LABEL);
  _rosette_design_put_plaque (&b);
  put_plaque_gems (&b);
  _rosette_design_end_placed (&b, ROSETTE_ELEMENT_TIER_LABEL);

  _rosette_design_begin_placed (&b, ROSETTE_ELEMENT_STARS);
  put (&b, "<g id=\"%sstars\">\n", b.p);
  put_stars (&b);
  put (&b, "</g>\n");
  _rosette_design_end_placed (&b, ROSETTE_ELEMENT_STARS);
  put (&b, "</svg>\n");

  _rosette_design_layout_clear (&layout);

  return g_string_free (b.s, FALSE);
}
