/* rosette-design-sanitize.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Imported emblems: an SVG file from anywhere, reduced to a plain
 * drawing. The size is bounded before anything is parsed; GMarkup (which
 * has no DTD support, so no entities can expand) reads it with bounded
 * element count and depth; only drawing elements and attributes on a
 * whitelist survive, and anything that could run code or reach outside
 * the file is refused with a message that says what was found.
 * Editor metadata (Inkscape, Sodipodi, RDF) is dropped quietly.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-design-private.h"
#include "rosette-error.h"

static const char * const allowed_elements[] = {
  "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "defs",
  "linearGradient", "radialGradient", "stop", "clipPath", "use", NULL,
};

/* Dropped with everything inside them: harmless, but not drawing */
static const char * const dropped_elements[] = {
  "title", "desc", "metadata", NULL,
};

static const char * const allowed_attributes[] = {
  "id", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
  "width", "height", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
  "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
  "stroke-dashoffset", "stroke-opacity", "opacity", "offset", "stop-color", "stop-opacity",
  "gradientUnits", "gradientTransform", "spreadMethod", "clip-path", "clip-rule",
  "clipPathUnits", "color", "display", "visibility", "style", "href", "xlink:href",
  "viewBox", "preserveAspectRatio", "paint-order", "vector-effect", NULL,
};

/* style="" properties kept; others are dropped */
static const char * const allowed_properties[] = {
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
  "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
  "stroke-opacity", "opacity", "stop-color", "stop-opacity", "clip-rule", "color", "display",
  "visibility", "paint-order", NULL,
};

typedef struct
{
  GString    *out;
  const char *prefix;
  guint       depth;
  guint       elements;
  guint       skip_depth;   /* > 0: inside a dropped element */
  gboolean    seen_root;
  double      viewbox[4];
  gboolean    have_viewbox;
  double      width, height;
} Sanitizer;

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  return g_strv_contains (list, name);
}

static gboolean
refuse (GError     **error,
        RosetteError code,
        const char  *message)
{
  g_set_error_literal (error, ROSETTE_ERROR, code, message);
  return FALSE;
}

/* A value that could reach outside the file or run code. */
static gboolean
check_value (const char  *value,
             GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);
  g_autofree char *squeezed = NULL;
  const char *p;

  /* "java\tscript:" is still javascript: to a browser */
  squeezed = g_strdup (lower);
  {
    char *w = squeezed;

    for (const char *r = lower; *r != '\0'; r++)
      if (!g_ascii_isspace (*r))
        *w++ = *r;
    *w = '\0';
  }

  if (strstr (squeezed, "javascript:") != NULL || strstr (squeezed, "vbscript:") != NULL)
    return refuse (error, ROSETTE_ERROR_INVALID,
                   _("The emblem contains a script; Rosette only accepts plain drawings"));
  if (strstr (squeezed, "@import") != NULL || strstr (squeezed, "expression(") != NULL)
    return refuse (error, ROSETTE_ERROR_INVALID,
                   _("The emblem contains style rules that load other files; Rosette only "
                     "accepts plain drawings"));

  for (p = strstr (squeezed, "url("); p != NULL; p = strstr (p + 4, "url("))
    {
      const char *q = p + 4;

      if (*q == '\'' || *q == '"')
        q++;
      if (*q != '#')
        {
          g_autofree char *where = g_strndup (p + 4, strcspn (p + 4, ")"));

          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The emblem refers to an outside file (%s); embed the drawing instead"),
                       where);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_href (const char  *value,
            GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);

  if (g_str_has_prefix (g_strstrip (lower), "javascript:"))
    return check_value (lower, error);
  if (g_str_has_prefix (lower, "data:"))
    return refuse (error, ROSETTE_ERROR_INVALID,
                   _("The emblem contains embedded data (a data: link); Rosette only accepts "
                     "plain drawings"));
  if (value[0] != '#' || value[1] == '\0' || strpbrk (value + 1, " /:()") != NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The emblem refers to an outside file (%s); embed the drawing instead"),
                   value);
      return FALSE;
    }

  return TRUE;
}

/* Writes @value with every url(#id) turned into url(#<prefix>id). */
static void
append_prefixed (Sanitizer  *s,
                 const char *value)
{
  const char *p = value;
  const char *hit;

  while ((hit = strstr (p, "url(")) != NULL)
    {
      const char *q = hit + 4;

      g_autofree char *head = NULL;

      if (*q == '\'' || *q == '"')
        q++;
      head = g_markup_escape_text (p, q - p);
      g_string_append (s->out, head);
      if (*q == '#')
        {
          g_string_append_c (s->out, '#');
          g_string_append (s->out, s->prefix);
          q++;
        }
      p = q;
    }
  {
    g_autofree char *rest = g_markup_escape_text (p, -1);

    g_string_append (s->out, rest);
  }
}

static gboolean
parse_numbers (const char *text,
               double     *out,
               guint       n)
{
  const char *p = text;

  for (guint i = 0; i < n; i++)
    {
      char *end;

      while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n')
        p++;
      out[i] = g_ascii_strtod (p, &end);
      if (end == p)
        return FALSE;
      p = end;
    }
  return TRUE;
}

/* Keeps whitelisted declarations of a style attribute. */
static gboolean
append_style (Sanitizer   *s,
              const char  *value,
              GError     **error)
{
  g_auto(GStrv) decls = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);

  if (!check_value (value, error))
    return FALSE;

  decls = g_strsplit (value, ";", -1);
  for (guint i = 0; decls[i] != NULL; i++)
    {
      char *colon = strchr (decls[i], ':');
      char *name, *val;

      if (colon == NULL)
        continue;
      *colon = '\0';
      name = g_strstrip (decls[i]);
      val = g_strstrip (colon + 1);
      if (!in_list (allowed_properties, name))
        continue;
      g_string_append_printf (kept, "%s%s:%s", kept->len > 0 ? ";" : "", name, val);
    }

  if (kept->len > 0)
    {
      g_string_append (s->out, " style=\"");
      append_prefixed (s, kept->str);
      g_string_append_c (s->out, '"');
    }
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Sanitizer *s = user_data;
  const char *local = strchr (element, ':') != NULL ? strchr (element, ':') + 1 : element;
  gboolean foreign = strchr (element, ':') != NULL && !g_str_has_prefix (element, "svg:");

  s->depth++;
  s->elements++;
  if (s->depth > ROSETTE_DESIGN_MAX_EMBLEM_DEPTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The emblem is nested too deeply (more than %u levels)"),
                   ROSETTE_DESIGN_MAX_EMBLEM_DEPTH);
      return;
    }
  if (s->elements > ROSETTE_DESIGN_MAX_EMBLEM_ELEMENTS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The emblem has too many parts (more than %u); simplify the drawing"),
                   ROSETTE_DESIGN_MAX_EMBLEM_ELEMENTS);
      return;
    }

  /* dangerous whatever the namespace, and even inside dropped parts */
  if (g_ascii_strcasecmp (local, "script") == 0)
    {
      refuse (error, ROSETTE_ERROR_INVALID,
              _("The emblem contains a script; Rosette only accepts plain drawings"));
      return;
    }
  if (g_ascii_strcasecmp (local, "foreignObject") == 0)
    {
      refuse (error, ROSETTE_ERROR_INVALID,
              _("The emblem contains embedded web content (foreignObject); Rosette only "
                "accepts plain drawings"));
      return;
    }
  if (g_ascii_strcasecmp (local, "image") == 0 || g_ascii_strcasecmp (local, "feImage") == 0)
    {
      refuse (error, ROSETTE_ERROR_INVALID,
              _("The emblem contains a bitmap image; Rosette only accepts vector drawings"));
      return;
    }
  if (g_ascii_strcasecmp (local, "style") == 0)
    {
      refuse (error, ROSETTE_ERROR_INVALID,
              _("The emblem contains a style sheet; save it with presentation attributes "
                "(in Inkscape: Preferences ▸ Input/Output ▸ SVG output ▸ Style: attributes)"));
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *an = strchr (names[i], ':') != NULL ? strchr (names[i], ':') + 1 : names[i];

      if (g_ascii_strncasecmp (an, "on", 2) == 0)
        {
          refuse (error, ROSETTE_ERROR_INVALID,
                  _("The emblem contains a script (an event handler); Rosette only accepts "
                    "plain drawings"));
          return;
        }
      if (g_ascii_strcasecmp (an, "href") == 0 && !check_href (values[i], error))
        return;
      if (!check_value (values[i], error))
        return;
    }

  if (!s->seen_root)
    {
      if (strcmp (local, "svg") != 0)
        {
          refuse (error, ROSETTE_ERROR_INVALID, _("The file is not an SVG drawing"));
          return;
        }
      s->seen_root = TRUE;
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (strcmp (names[i], "viewBox") == 0)
            s->have_viewbox = parse_numbers (values[i], s->viewbox, 4)
                              && s->viewbox[2] > 0 && s->viewbox[3] > 0;
          else if (strcmp (names[i], "width") == 0)
            s->width = g_ascii_strtod (values[i], NULL);
          else if (strcmp (names[i], "height") == 0)
            s->height = g_ascii_strtod (values[i], NULL);
        }
      /* the root's own attributes (size, namespaces) are not copied */
      return;
    }

  if (s->skip_depth > 0)
    return;
  if (foreign || !in_list (allowed_elements, local))
    {
      /* editor metadata, text, filters: not kept */
      s->skip_depth = s->depth;
      return;
    }
  if (in_list (dropped_elements, local))
    {
      s->skip_depth = s->depth;
      return;
    }

  g_string_append_printf (s->out, "<%s", local);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (!in_list (allowed_attributes, name))
        continue;
      if (strcmp (name, "style") == 0)
        {
          if (!append_style (s, values[i], error))
            return;
          continue;
        }
      if (strcmp (name, "xlink:href") == 0)
        name = "href";
      g_string_append_printf (s->out, " %s=\"", name);
      if (strcmp (name, "id") == 0 || strcmp (name, "href") == 0)
        {
          g_autofree char *v = g_markup_escape_text (values[i], -1);

          if (values[i][0] == '#')
            g_string_append_printf (s->out, "#%s%s", s->prefix, v + 1);
          else
            g_string_append_printf (s->out, "%s%s", s->prefix, v);
        }
      else
        append_prefixed (s, values[i]);
      g_string_append_c (s->out, '"');
    }
  g_string_append (s->out, ">");
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Sanitizer *s = user_data;
  const char *local = strchr (element, ':') != NULL ? strchr (element, ':') + 1 : element;

  if (s->skip_depth > 0)
    {
      if (s->depth == s->skip_depth)
        s->skip_depth = 0;
    }
  else if (s->depth > 1)
    g_string_append_printf (s->out, "</%s>", local);
  s->depth--;
}

static void
passthrough (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  /* comments and the XML declaration are fine; a processing instruction
   * such as <?xml-stylesheet?> loads another file */
  if (length >= 5 && strncmp (text, "<?xml", 5) == 0 && (length < 6 || text[5] == ' '))
    return;
  if (length >= 2 && strncmp (text, "<?", 2) == 0)
    refuse (error, ROSETTE_ERROR_INVALID,
            _("The emblem refers to an outside style sheet; embed the drawing instead"));
}

static const GMarkupParser parser = {
  start_element, end_element, NULL, passthrough, NULL,
};

static gboolean
contains_ci (const char *data,
             gsize       length,
             const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_rosette_design_sanitize (const char  *svg,
                          gsize        length,
                          const char  *prefix,
                          double       viewbox[4],
                          char       **inner,
                          GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) out = NULL;
  Sanitizer s = { 0 };

  g_return_val_if_fail (svg != NULL || length == 0, FALSE);

  if (length > ROSETTE_DESIGN_MAX_EMBLEM_INPUT)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (ROSETTE_DESIGN_MAX_EMBLEM_INPUT, G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: two sizes such as "2.1 MiB" and "512.0 KiB" */
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The emblem file is too large (%s); an emblem can be at most %s"),
                   size, limit);
      return FALSE;
    }
  if (length == 0 || svg[0] == '\0')
    return refuse (error, ROSETTE_ERROR_PARSE, _("The emblem file is empty"));
  if (!g_utf8_validate (svg, length, NULL))
    return refuse (error, ROSETTE_ERROR_PARSE, _("The emblem file is not valid UTF-8 text"));
  /* no DTDs: they are how entity bombs and external entities get in */
  if (contains_ci (svg, length, "<!ENTITY"))
    return refuse (error, ROSETTE_ERROR_INVALID,
                   _("The emblem defines XML entities, which Rosette does not accept "
                     "(they can expand without bound or read other files)"));
  if (contains_ci (svg, length, "<!DOCTYPE"))
    return refuse (error, ROSETTE_ERROR_INVALID,
                   _("The emblem has a document type declaration (<!DOCTYPE>); save it as "
                     "plain SVG"));

  out = g_string_new (NULL);
  s.out = out;
  s.prefix = prefix;
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &s, NULL);
  if (!g_markup_parse_context_parse (context, svg, (gssize) length, error)
      || !g_markup_parse_context_end_parse (context, error))
    {
      if (error != NULL && *error != NULL && (*error)->domain == G_MARKUP_ERROR)
        {
          g_autofree char *message = g_strdup ((*error)->message);

          g_clear_error (error);
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                       _("The emblem is not a well-formed SVG file: %s"), message);
        }
      return FALSE;
    }
  if (!s.seen_root)
    return refuse (error, ROSETTE_ERROR_PARSE, _("The emblem file has no drawing in it"));

  if (!s.have_viewbox)
    {
      if (s.width <= 0 || s.height <= 0)
        return refuse (error, ROSETTE_ERROR_INVALID,
                       _("The emblem has no size: give its <svg> a viewBox"));
      s.viewbox[0] = s.viewbox[1] = 0;
      s.viewbox[2] = s.width;
      s.viewbox[3] = s.height;
    }

  memcpy (viewbox, s.viewbox, sizeof (double) * 4);
  *inner = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}
