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

static double
fit_size (const char *text,
          double      width,
          double      max_size,
          double      min_size)
{
  double w = _rosette_design_estimate_width (text, 1.0, TITLE_SPACING);

  if (w <= 0)
    return max_size;
  return CLAMP (floor (width / w * 2.0) / 2.0, min_size, max_size);
}

static gboolean
fits (const char *text,
      double      size,
      double      width)
{
  return _rosette_design_estimate_width (text, size, TITLE_SPACING) <= width + 0.01;
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
ellipsize (const char *text,
           double      size,
           double      width)
{
  glong n = g_utf8_strlen (text, -1);

  while (n > 1)
    {
      g_autofree char *head = g_utf8_substring (text, 0, --n);
      g_autofree char *candidate = g_strconcat (g_strchomp (head), "…", NULL);

      if (fits (candidate, size, width))
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

/* Takes ownership of @value. */
static void
replace_str (char **location,
             char  *value)
{
  g_free (*location);
  *location = value;
}

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
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  double spacing = size * spacing_em;

  /* text-anchor="middle" also centres the spacing after the last glyph;
   * shift by half of it so the word itself is centred. */
  put (b, "<text x=\"%f\" y=\"%f\" font-family=\"" FONT_FAMILY "\" font-weight=\"bold\" "
       "font-size=\"%f\" letter-spacing=\"%f\" text-anchor=\"middle\" fill=\"%s\"%s>%s</text>\n",
       x + spacing / 2.0, y, size, spacing, fill, extra != NULL ? extra : "", escaped);
}

void
_rosette_design_put_ribbon (Builder *b)
{
  const char *title = b->spec->title != NULL && *b->spec->title != '\0'
                      ? b->spec->title : " ";
  g_autofree char *upper = g_utf8_strup (title, -1);
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;
  double size, h, y0, y1;
  const Metal *m = b->metal;

  /* one line as large as fits; then two lines; then an ellipsis */
  size = fit_size (upper, TITLE_WIDTH, TITLE_MAX_SIZE, TITLE_MIN_SIZE);
  if (fits (upper, size, TITLE_WIDTH))
    line1 = g_strdup (upper);
  else if (split_two_lines (upper, &line1, &line2))
    {
      const char *longer = _rosette_design_estimate_width (line1, 1, TITLE_SPACING)
                           > _rosette_design_estimate_width (line2, 1, TITLE_SPACING)
                           ? line1 : line2;

      size = fit_size (longer, TITLE_WIDTH, 28.0, TITLE_MIN_SIZE2);
      if (!fits (line1, size, TITLE_WIDTH))
        replace_str (&line1, ellipsize (line1, size, TITLE_WIDTH));
      if (!fits (line2, size, TITLE_WIDTH))
        replace_str (&line2, ellipsize (line2, size, TITLE_WIDTH));
    }
  else
    {
      size = TITLE_MIN_SIZE2;
      line1 = fits (upper, size, TITLE_WIDTH) ? g_strdup (upper)
                                              : ellipsize (upper, size, TITLE_WIDTH);
    }

  h = line2 != NULL ? RIBBON_H2 : RIBBON_H1;
  y0 = RIBBON_CY - h / 2.0;
  y1 = RIBBON_CY + h / 2.0;

  /* tails in the tier metal, folded behind the band */
  for (int side = -1; side <= 1; side += 2)
    {
      double xe = side < 0 ? RIBBON_X0 : RIBBON_X1;     /* band end */
      double xo = xe + side * 40.0;                     /* tail's outer end */
      double xi = xe - side * 30.0;                     /* tail's inner end, hidden */
      double ty0 = y0 + 16, ty1 = y1 + 16;

      put (b, "<path d=\"M%f %f L%f %f L%f %f L%f %f L%f %f Z\" fill=\"url(#%smetal)\" "
           "stroke=\"%s\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n",
           xi, ty0, xo, ty0, xo - side * 16.0, (ty0 + ty1) / 2.0, xo, ty1, xi, ty1,
           b->p, m->dark);
      put (b, "<path d=\"M%f %f L%f %f L%f %f Z\" fill=\"%s\" stroke=\"%s\" "
           "stroke-width=\"2\" stroke-linejoin=\"round\"/>\n",
           xe, y1, xe - side * 30.0, y1, xe - side * 30.0, ty1, b->metal_deep, m->dark);
    }

  /* the band: metal frame, dark field-coloured face */
  put (b, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" rx=\"3\" fill=\"url(#%smetal)\" "
       "stroke=\"%s\" stroke-width=\"2.5\"/>\n",
       RIBBON_X0, y0, RIBBON_X1 - RIBBON_X0, h, b->p, m->dark);
  put (b, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"%f\" fill=\"url(#%sband)\"/>\n",
       RIBBON_X0 + 6, y0 + 6, RIBBON_X1 - RIBBON_X0 - 12, h - 12, b->p);

  if (line2 == NULL)
    {
      _rosette_design_put_text (b, CX, RIBBON_CY + size * 0.36, size, TITLE_SPACING, "#ffffff",
                                line1, NULL);
    }
  else
    {
      double gap = size * 1.08;

      _rosette_design_put_text (b, CX, RIBBON_CY - gap / 2 + size * 0.36, size, TITLE_SPACING,
                                "#ffffff", line1, NULL);
      _rosette_design_put_text (b, CX, RIBBON_CY + gap / 2 + size * 0.36, size, TITLE_SPACING,
                                "#ffffff", line2, NULL);
    }
}

void
_rosette_design_put_plaque (Builder *b)
{
  const char *name = b->spec->tier_name != NULL ? b->spec->tier_name : "";
  g_autofree char *upper = g_utf8_strup (name, -1);
  double size = PLAQUE_SIZE;
  double w = _rosette_design_estimate_width (upper, size, PLAQUE_SPACING);
  double max_text = 200.0;
  double pw;

  if (*name == '\0')
    return;
  if (w > max_text)
    {
      size = MAX (10.0, size * max_text / w);
      w = _rosette_design_estimate_width (upper, size, PLAQUE_SPACING);
      if (w > max_text)
        {
          g_autofree char *shorter = ellipsize (upper, size, max_text * (TITLE_SPACING + 0.69)
                                                / (PLAQUE_SPACING + 0.69));

          replace_str (&upper, g_steal_pointer (&shorter));
          w = _rosette_design_estimate_width (upper, size, PLAQUE_SPACING);
        }
    }
  pw = MAX (112.0, w + 48.0);
  b->plaque_w = pw;

  put (b, "<rect x=\"%f\" y=\"%f\" width=\"%f\" height=\"30\" rx=\"15\" fill=\"url(#%splaque)\" "
       "stroke=\"%s\" stroke-width=\"2.5\"/>\n", CX - pw / 2, PLAQUE_CY - 15, pw, b->p,
       b->metal->dark);
  _rosette_design_put_text (b, CX, PLAQUE_CY + size * 0.36, size, PLAQUE_SPACING, b->ink, upper,
                            NULL);
}

