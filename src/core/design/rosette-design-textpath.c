/* rosette-design-textpath.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Text with Pango, the text library librsvg itself draws SVG text with:
 * widths of text in a font the designer chose, and, for text-to-path
 * export, the outlines of the glyphs as SVG path data. The layout is set
 * up as librsvg sets up its own (no hinting, absolute pixel sizes,
 * letter spacing as an attribute), so a path stands exactly where
 * librsvg would have drawn the text.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rosette-design-builder-private.h"

/* "'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif" -> the Pango
 * family list "DejaVu Sans Condensed,DejaVu Sans,sans-serif" */
static char *
pango_families (const char *css)
{
  g_auto(GStrv) parts = g_strsplit (css, ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      gsize len = strlen (name);

      if (len >= 2 && (name[0] == '\'' || name[0] == '"') && name[len - 1] == name[0])
        {
          name[len - 1] = '\0';
          name++;
        }
      if (*name == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, name);
    }
  /* a family the designer named alone still falls back to ours */
  if (strchr (css, ',') == NULL)
    g_string_append (out, ",DejaVu Sans Condensed,DejaVu Sans,sans-serif");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
free_context (gpointer data)
{
  g_clear_object (&data);
}

/* One Pango context per thread: font maps are not thread-safe. */
static PangoContext *
get_context (void)
{
  static GPrivate context_key = G_PRIVATE_INIT (free_context);
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (map);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      g_private_set (&context_key, context);
    }

  return context;
}

static PangoLayout *
make_layout (const char *font_family,
             guint       weight,
             double      size,
             double      spacing,
             const char *text)
{
  g_autofree char *families = pango_families (font_family);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *layout = pango_layout_new (get_context ());

  pango_font_description_set_family (desc, families);
  pango_font_description_set_weight (desc, (PangoWeight) CLAMP (weight, 100, 900));
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  if (spacing != 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (spacing * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text, -1);

  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);

  return layout;
}

double
_rosette_design_measure_text (const char *font_family,
                              guint       weight,
                              double      size,
                              double      spacing,
                              const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;

  layout = make_layout (font_family, weight, size, spacing, text);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  v = round (v * 100.0) / 100.0;
  if (v == 0.0)
    v = 0.0;
  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (s, buf);
}

/* @x, @y is the baseline's start, or its centre when @centred (then the
 * letter spacing after the last glyph does not count, as in
 * _rosette_design_put_text()). */
char *
_rosette_design_text_path_d (const char *font_family,
                             guint       weight,
                             double      size,
                             double      spacing,
                             const char *text,
                             double      x,
                             double      y,
                             gboolean    centred)
{
  g_autoptr(PangoLayout) layout = make_layout (font_family, weight, size, spacing, text);
  g_autoptr(GString) d = g_string_new (NULL);
  /* unbounded: Pango skips glyphs outside a surface's extents */
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  cairo_path_t *path;
  PangoRectangle logical;
  double baseline;

  pango_layout_get_extents (layout, NULL, &logical);
  baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  if (centred)
    x -= ((double) logical.width / PANGO_SCALE - spacing) / 2.0;

  cairo_move_to (cr, x, y - baseline);
  pango_cairo_layout_path (cr, layout);
  path = cairo_copy_path (cr);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *p = &path->data[i];
      const char *op = NULL;
      int n = 0;

      switch (p->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          op = "M";
          n = 1;
          break;
        case CAIRO_PATH_LINE_TO:
          op = "L";
          n = 1;
          break;
        case CAIRO_PATH_CURVE_TO:
          op = "C";
          n = 3;
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          op = "Z";
          n = 0;
          break;
        }
      g_string_append (d, op);
      for (int k = 1; k <= n; k++)
        {
          if (k > 1)
            g_string_append_c (d, ' ');
          append_number (d, p[k].point.x);
          g_string_append_c (d, ' ');
          append_number (d, p[k].point.y);
        }
    }

  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return g_string_free (g_steal_pointer (&d), FALSE);
}
