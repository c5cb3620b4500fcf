/* rosette-design-text.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Text on the badge: the title on the ribbon and the tier name on the
 * plaque. The builder has no font machinery, so widths are estimated
 * from the characters with advance widths measured once for DejaVu Sans
 * Condensed Bold; titles shrink to a minimum size, then wrap onto two
 * lines, then lose their end to an ellipsis, but never overflow.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rosette-design-builder-private.h"

static double
glyph_width (gunichar c)
{
  /* Advance widths of DejaVu Sans Condensed Bold in em, measured once
   * with Pango; unknown glyphs get a wide default so we err on the safe
   * side. */
  if (c == ' ')
    return 0.32;
  if (c < 128 && strchr ("IJ1.,:;!'|", (int) c) != NULL)
    return 0.38;
  if (c == 'M' || c == 'W')
    return 0.92;
  if (c == '-' || c == '(' || c == ')')
    return 0.42;
  if (c >= 128)
    return 0.74;
  return 0.69;
}

double
_rosette_design_estimate_width (const char *text,
                                double      font_size,
                                double      letter_spacing)
{
  double em = 0;
  guint n = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      em += glyph_width (g_utf8_get_char (c));
      n++;
    }

  return em * font_size + letter_spacing * font_size * (n > 0 ? n - 1 : 0);
}

/* Text widths: estimated for our own font, so the default artwork needs no
 * font machinery; measured with Pango for a font the designer chose. */
double
_rosette_design_text_width (const RosetteDesignSpec *spec,
                            const char              *text,
                            double                   size,
                            double                   spacing_em)
{
  if (spec->font_family == NULL || *spec->font_family == '\0')
    return _rosette_design_estimate_width (text, size, spacing_em);

  return _rosette_design_measure_text (spec->font_family,
                                       spec->font_weight > 0 ? spec->font_weight : 700,
                                       size, size * spacing_em, text);
}

/* One run of text, centred on @x. With text-to-path, the glyph outlines
 * are drawn instead, so the badge looks the same without the font. */
void
_rosette_design_put_text (Builder    *b,
                          double      x,
                          double      y,
                          double      size,
                          double      spacing_em,
                          const char *fill,
                          const char *text,
                          const char *extra)
{
  double spacing = size * spacing_em;
  char weight[16];

  if (b->spec->text_to_path)
    {
      g_autofree char *d = _rosette_design_text_path_d (b->font, b->weight, size, spacing, text,
                                                        x, y, TRUE);

      put (b, "<path d=\"%s\" fill=\"%s\"%s/>\n", d, fill, extra != NULL ? extra : "");
      return;
    }

  if (b->weight == 700)
    g_strlcpy (weight, "bold", sizeof weight);
  else
    g_snprintf (weight, sizeof weight, "%u", b->weight);

  {
    g_autofree char *escaped = g_markup_escape_text (text, -1);

    /* text-anchor="middle" also centres the spacing after the last glyph;
     * shift by half of it so the word itself is centred. */
    put (b, "<text x=\"%f\" y=\"%f\" font-family=\"%s\" font-weight=\"%s\" "
         "font-size=\"%f\" letter-spacing=\"%f\" text-anchor=\"middle\" fill=\"%s\"%s>%s</text>\n",
         x + spacing / 2.0, y, b->font, weight, size, spacing, fill,
         extra != NULL ? extra : "", escaped);
  }
}

void
_rosette_design_put_arc_text (Builder    *b,
                              double      cx,
                              double      cy,
                              double      r,
                              double      size,
                              double      spacing_em,
                              const char *fill,
                              const char *text)
{
  double spacing = size * spacing_em;
  glong n = g_utf8_strlen (text, -1);
  g_autofree double *advance = g_new0 (double, MAX (n, 1));
  double total = 0, s;
  glong i = 0;

  /* each glyph on its own, upright on the circle: librsvg and browsers
   * draw this the same way, which is not true of textPath */
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c), i++)
    {
      char one[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (c), one);
      advance[i] = _rosette_design_measure_text (b->font, b->weight, size, 0, one);
      total += advance[i] + (i > 0 ? spacing : 0);
    }

  s = -total / 2.0;
  i = 0;
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c), i++)
    {
      char one[8] = { 0 };
      double theta = (s + advance[i] / 2.0) / r;
      double x = cx + r * sin (theta), y = cy - r * cos (theta);

      g_unichar_to_utf8 (g_utf8_get_char (c), one);
      s += advance[i] + spacing;
      if (*one == ' ')
        continue;

      if (b->spec->text_to_path)
        {
          g_autofree char *d = _rosette_design_text_path_d (b->font, b->weight, size, 0, one,
                                                            0, 0, TRUE);

          put (b, "<path transform=\"translate(%f %f) rotate(%f)\" d=\"%s\" fill=\"%s\"/>\n",
               x, y, theta * 180.0 / G_PI, d, fill);
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (one, -1);
          char weight[16];

          if (b->weight == 700)
            g_strlcpy (weight, "bold", sizeof weight);
          else
            g_snprintf (weight, sizeof weight, "%u", b->weight);
          put (b, "<text transform=\"translate(%f %f) rotate(%f)\" font-family=\"%s\" "
               "font-weight=\"%s\" font-size=\"%f\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n",
               x, y, theta * 180.0 / G_PI, b->font, weight, size, fill, escaped);
        }
    }
}

static void
put_tail (Builder *b,
          int      side,
          double   xe,
          double   y0,
          double   y1)
{
  const Metal *m = b->metal;
  double xo = xe + side * 40.0;                     /* tail's outer end */
  double xi = xe - side * 30.0;                     /* tail's inner end, hidden */
  double ty0 = y0 + 16, ty1 = y1 + 16;

  put (b, "<path d=\"M%f %f L%f %f L%f %f L%f %f L%f %f Z\" fill=\"%s\" "
       "stroke=\"%s\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n",
       xi, ty0, xo, ty0, xo - side * 16.0, (ty0 + ty1) / 2.0, xo, ty1, xi, ty1,
       b->metal_fill, m->dark);
  put (b, "<path d=\"M%f %f L%f %f L%f %f Z\" fill=\"%s\" stroke=\"%s\" "
       "stroke-width=\"2\" stroke-linejoin=\"round\"/>\n",
       xe, y1, xe - side * 30.0, y1, xe - side * 30.0, ty1, b->metal_deep, m->dark);
}

/* An annular sector of the arch, @inset inside the band's outline */
static void
put_arch_d (Builder *b,
            double   inset)
{
  const Layout *l = b->l;
  double cy = RIBBON_CY + ARCH_RADIUS;
  double half = ((RIBBON_X1 - RIBBON_X0) / 2.0 - inset) / ARCH_RADIUS;
  double ro = ARCH_RADIUS + l->ribbon_h / 2.0 - inset;
  double ri = ARCH_RADIUS - l->ribbon_h / 2.0 + inset;

  put (b, "M%f %f A%f %f 0 0 1 %f %f L%f %f A%f %f 0 0 0 %f %f Z",
       CX - ro * sin (half), cy - ro * cos (half), ro, ro, CX + ro * sin (half),
       cy - ro * cos (half), CX + ri * sin (half), cy - ri * cos (half), ri, ri,
       CX - ri * sin (half), cy - ri * cos (half));
}

void
_rosette_design_put_ribbon (Builder *b)
{
  const Layout *l = b->l;
  const Metal *m = b->metal;
  double size = l->title_size;
  double y0 = l->ribbon_y0, y1 = l->ribbon_y1;

  if (!l->curved)
    {
      /* tails in the tier metal, folded behind the band */
      for (int side = -1; side <= 1; side += 2)
        put_tail (b, side, side < 0 ? RIBBON_X0 : RIBBON_X1, y0, y1);

      /* the band: metal frame, dark field-coloured face */
      put (b, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" rx=\"3\" fill=\"%s\" "
           "stroke=\"%s\" stroke-width=\"2.5\"/>\n",
           RIBBON_X0, y0, RIBBON_X1 - RIBBON_X0, l->ribbon_h, b->metal_fill, m->dark);
      put (b, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" fill=\"%s\"/>\n",
           RIBBON_X0 + 6, y0 + 6, RIBBON_X1 - RIBBON_X0 - 12, l->ribbon_h - 12, b->band_fill);
    }
  else
    {
      double half = (RIBBON_X1 - RIBBON_X0) / 2.0 / ARCH_RADIUS;

      /* the same tails, turned to follow the arch at each end */
      for (int side = -1; side <= 1; side += 2)
        {
          double xe = side < 0 ? RIBBON_X0 : RIBBON_X1;

          put (b, "<g transform=\"translate(%f %f) rotate(%f) translate(%f %f)\">\n",
               CX + side * ARCH_RADIUS * sin (half), RIBBON_CY + ARCH_RADIUS * (1 - cos (half)),
               side * half * 180.0 / G_PI, -xe, -RIBBON_CY);
          put_tail (b, side, xe, y0, y1);
          put (b, "</g>\n");
        }
      put (b, "<path d=\"");
      put_arch_d (b, 0);
      put (b, "\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n",
           b->metal_fill, m->dark);
      put (b, "<path d=\"");
      put_arch_d (b, 6);
      put (b, "\" fill=\"%s\"/>\n", b->band_fill);
    }

  _rosette_design_begin_placed (b, ROSETTE_ELEMENT_TITLE);
  if (l->curved)
    {
      _rosette_design_put_arc_text (b, CX, RIBBON_CY + ARCH_RADIUS,
                                    ARCH_RADIUS - size * 0.36, size, TITLE_SPACING,
                                    b->title_ink, l->line1);
    }
  else if (l->line2 == NULL)
    {
      _rosette_design_put_text (b, CX, RIBBON_CY + size * 0.36, size, TITLE_SPACING,
                                b->title_ink, l->line1, NULL);
    }
  else
    {
      double gap = size * 1.08;

      _rosette_design_put_text (b, CX, RIBBON_CY - gap / 2 + size * 0.36, size, TITLE_SPACING,
                                b->title_ink, l->line1, NULL);
      _rosette_design_put_text (b, CX, RIBBON_CY + gap / 2 + size * 0.36, size, TITLE_SPACING,
                                b->title_ink, l->line2, NULL);
    }
  _rosette_design_end_placed (b, ROSETTE_ELEMENT_TITLE);
}

void
_rosette_design_put_plaque (Builder *b)
{
  const Layout *l = b->l;
  double pw = l->plaque_w;

  if (l->plaque_text == NULL)
    return;
  b->plaque_w = pw;

  put (b, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"30\" rx=\"15\" fill=\"%s\" "
       "stroke=\"%s\" stroke-width=\"2.5\"/>\n", CX - pw / 2, PLAQUE_CY - 15, pw, b->plaque_fill,
       b->metal->dark);
  _rosette_design_put_text (b, CX, PLAQUE_CY + l->plaque_size * 0.36, l->plaque_size,
                            PLAQUE_SPACING, b->ink, l->plaque_text, NULL);
}

void
_rosette_design_put_subtitle (Builder *b)
{
  const Layout *l = b->l;

  if (l->subtitle == NULL)
    return;

  _rosette_design_begin_placed (b, ROSETTE_ELEMENT_SUBTITLE);
  if (l->subtitle_curved)
    _rosette_design_put_arc_text (b, CX, l->subtitle_arc_cy, l->subtitle_arc_r,
                                  l->subtitle_size, SUBTITLE_SPACING, b->emblem_ink, l->subtitle);
  else
    _rosette_design_put_text (b, CX, l->subtitle_y, l->subtitle_size, SUBTITLE_SPACING,
                              b->emblem_ink, l->subtitle, NULL);
  _rosette_design_end_placed (b, ROSETTE_ELEMENT_SUBTITLE);
}
