/* rosette-svg-baking.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Baking into SVG (OB 3.0 docformat §SVG, OB 2.0 baking §SVGs): one
 * element directly after the root start tag,
 *
 *   OB 3.0  <openbadges:credential verify="JWS"/>
 *           or <openbadges:credential><![CDATA[JSON]]></openbadges:credential>
 *           xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"
 *   OB 2.0  <openbadges:assertion verify="JWS"/>
 *           xmlns:openbadges="http://openbadges.org"
 *
 * The SVG is not re-serialised: the namespace declaration and the element
 * are spliced into the original text, and any badge element already in it
 * is cut out (so re-baking replaces, never duplicates).
 *
 * Elements are matched by namespace URI and local name, not by prefix: a
 * small scanner walks the markup (skipping comments, CDATA sections,
 * processing instructions and the DOCTYPE with its internal subset) and
 * resolves prefixes declared on the element itself or on the root, which is
 * where the specs put them. JSON bodies containing "]]>" are split over two
 * CDATA sections, and extraction joins them, so round trips are byte-exact
 * (white space around a JSON body is dropped on extraction, as bakers
 * indent it).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-baking-private.h"
#include "rosette-error.h"

typedef struct
{
  const char *data;
  gsize       size;
} Text;

typedef struct
{
  gsize start;        /* '<' */
  gsize name_end;     /* after the qualified name */
  gsize end;          /* after '>' */
  gboolean empty;     /* "/>" */
} Tag;

typedef struct
{
  gsize               start;
  gsize               end;       /* after the end tag */
  gsize               body_start;
  gsize               body_end;
  RosetteBadgeVersion version;
  char               *verify;    /* decoded, or NULL */
} Element;

static void
element_clear (Element *element)
{
  g_clear_pointer (&element->verify, g_free);
}

static gboolean
has_at (const Text *t,
        gsize       pos,
        const char *literal)
{
  gsize n = strlen (literal);

  return pos <= t->size && t->size - pos >= n && memcmp (t->data + pos, literal, n) == 0;
}

/* Position just after the next @literal at or after @pos, or 0 if none. */
static gsize
skip_past (const Text *t,
           gsize       pos,
           const char *literal)
{
  gsize n = strlen (literal);

  for (; pos + n <= t->size; pos++)
    if (memcmp (t->data + pos, literal, n) == 0)
      return pos + n;

  return 0;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == ':' || c == '-' || c == '_' || c == '.' || (guchar) c >= 0x80;
}

/* Reads a start tag at @pos ('<' then a name); FALSE if it is malformed. */
static gboolean
read_tag (const Text *t,
          gsize       pos,
          Tag        *tag)
{
  gsize p = pos + 1;
  char quote = 0;

  tag->start = pos;
  while (p < t->size && is_name_char (t->data[p]))
    p++;
  if (p == pos + 1)
    return FALSE;
  tag->name_end = p;

  for (; p < t->size; p++)
    {
      char c = t->data[p];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        {
          tag->end = p + 1;
          tag->empty = t->data[p - 1] == '/';
          return TRUE;
        }
    }

  return FALSE;
}

static char *
decode_entities (const char *text,
                 gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      const char *semi;
      gsize n;

      if (text[i] != '&' || (semi = memchr (text + i, ';', MIN (length - i, 12))) == NULL)
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      n = semi - (text + i) + 1;
      if (n == 5 && strncmp (text + i, "&amp;", 5) == 0)
        g_string_append_c (out, '&');
      else if (n == 4 && strncmp (text + i, "&lt;", 4) == 0)
        g_string_append_c (out, '<');
      else if (n == 4 && strncmp (text + i, "&gt;", 4) == 0)
        g_string_append_c (out, '>');
      else if (n == 6 && strncmp (text + i, "&quot;", 6) == 0)
        g_string_append_c (out, '"');
      else if (n == 6 && strncmp (text + i, "&apos;", 6) == 0)
        g_string_append_c (out, '\'');
      else if (n > 3 && text[i + 1] == '#')
        {
          g_autofree char *digits = g_strndup (text + i + 2, n - 3);
          gboolean hex = digits[0] == 'x' || digits[0] == 'X';
          char *end = NULL;
          guint64 code = g_ascii_strtoull (digits + (hex ? 1 : 0), &end, hex ? 16 : 10);

          if (end == NULL || *end != '\0' || code == 0 || code > 0x10ffff
              || !g_unichar_validate ((gunichar) code))
            {
              g_string_append_len (out, text + i, n);
            }
          else
            g_string_append_unichar (out, (gunichar) code);
        }
      else
        g_string_append_len (out, text + i, n);
      i += n - 1;
    }

  return g_string_free (out, FALSE);
}

/* Finds attribute @name in the tag; returns its decoded value or NULL. */
static char *
tag_attribute (const Text *t,
               const Tag  *tag,
               const char *name)
{
  gsize n = strlen (name);
  gsize p = tag->name_end;

  while (p < tag->end)
    {
      gsize name_start;
      char quote;
      gsize value_start;

      while (p < tag->end && (g_ascii_isspace (t->data[p]) || t->data[p] == '/'))
        p++;
      name_start = p;
      while (p < tag->end && is_name_char (t->data[p]))
        p++;
      if (p == name_start)
        return NULL;
      {
        gsize name_length = p - name_start;

        while (p < tag->end && g_ascii_isspace (t->data[p]))
          p++;
        if (p >= tag->end || t->data[p] != '=')
          return NULL;
        p++;
        while (p < tag->end && g_ascii_isspace (t->data[p]))
          p++;
        if (p >= tag->end || (t->data[p] != '"' && t->data[p] != '\''))
          return NULL;
        quote = t->data[p++];
        value_start = p;
        while (p < tag->end && t->data[p] != quote)
          p++;
        if (p >= tag->end)
          return NULL;
        if (name_length == n && memcmp (t->data + name_start, name, n) == 0)
          return decode_entities (t->data + value_start, p - value_start);
        p++;
      }
    }

  return NULL;
}

/* Skips the prolog (BOM, XML declaration, comments, PIs, DOCTYPE) and
 * reads the root start tag, which must be <svg> (any prefix). */
static gboolean
find_root (const Text  *t,
           Tag         *root,
           GError     **error)
{
  gsize p = has_at (t, 0, "\xef\xbb\xbf") ? 3 : 0;

  for (;;)
    {
      while (p < t->size && g_ascii_isspace (t->data[p]))
        p++;
      if (has_at (t, p, "<?"))
        p = skip_past (t, p, "?>");
      else if (has_at (t, p, "<!--"))
        p = skip_past (t, p, "-->");
      else if (has_at (t, p, "<!DOCTYPE"))
        {
          /* The internal subset may contain '>' inside [ ]. */
          gsize bracket = 0;

          for (p += 9; p < t->size; p++)
            {
              if (t->data[p] == '[')
                bracket++;
              else if (t->data[p] == ']' && bracket > 0)
                bracket--;
              else if (t->data[p] == '>' && bracket == 0)
                break;
            }
          p = p < t->size ? p + 1 : 0;
        }
      else
        break;
      if (p == 0)
        goto not_svg;
    }

  if (!has_at (t, p, "<") || !read_tag (t, p, root))
    goto not_svg;
  {
    const char *colon = memchr (t->data + p, ':', root->name_end - p);
    gsize local = colon != NULL ? (gsize) (colon - t->data) + 1 : p + 1;

    if (root->name_end - local != 3 || memcmp (t->data + local, "svg", 3) != 0)
      goto not_svg;
  }
  return TRUE;

not_svg:
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE, _("The file is not an SVG image"));
  return FALSE;
}

/* Which badge element a start tag is, resolving its prefix on the element
 * itself, then on the root. */
static gboolean
tag_badge_version (const Text          *t,
                   const Tag           *tag,
                   const Tag           *root,
                   RosetteBadgeVersion *version)
{
  g_autofree char *qname = g_strndup (t->data + tag->start + 1, tag->name_end - tag->start - 1);
  g_autofree char *declaration = NULL;
  g_autofree char *uri = NULL;
  char *colon = strchr (qname, ':');
  const char *local = colon != NULL ? colon + 1 : qname;

  if (colon != NULL)
    {
      *colon = '\0';
      declaration = g_strconcat ("xmlns:", qname, NULL);
    }
  else
    declaration = g_strdup ("xmlns");

  if (strcmp (local, "credential") != 0 && strcmp (local, "assertion") != 0)
    return FALSE;

  uri = tag_attribute (t, tag, declaration);
  if (uri == NULL && colon != NULL)
    uri = tag_attribute (t, root, declaration);
  if (uri == NULL)
    return FALSE;

  if (strcmp (local, "credential") == 0 && strcmp (uri, ROSETTE_BAKING_SVG_NAMESPACE_OB3) == 0)
    *version = ROSETTE_BADGE_VERSION_OB3;
  else if (strcmp (local, "assertion") == 0 && strcmp (uri, ROSETTE_BAKING_SVG_NAMESPACE_OB2) == 0)
    *version = ROSETTE_BADGE_VERSION_OB2;
  else
    return FALSE;

  return TRUE;
}

/* Finds the end tag of @tag's element, skipping CDATA and comments. */
static gboolean
find_end_tag (const Text *t,
              const Tag  *tag,
              Element    *element)
{
  g_autofree char *end_tag = g_strndup (t->data + tag->start, tag->name_end - tag->start);
  gsize p = tag->end;

  end_tag[0] = '/';
  for (; p < t->size; p++)
    {
      if (t->data[p] != '<')
        continue;
      if (has_at (t, p, "<![CDATA["))
        {
          if ((p = skip_past (t, p, "]]>")) == 0)
            return FALSE;
          p--;
        }
      else if (has_at (t, p, "<!--"))
        {
          if ((p = skip_past (t, p, "-->")) == 0)
            return FALSE;
          p--;
        }
      else if (has_at (t, p + 1, end_tag))
        {
          gsize q = p + 1 + strlen (end_tag);

          while (q < t->size && g_ascii_isspace (t->data[q]))
            q++;
          if (q < t->size && t->data[q] == '>')
            {
              element->body_start = tag->end;
              element->body_end = p;
              element->end = q + 1;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Every badge element after the root start tag. */
static gboolean
find_elements (const Text  *t,
               const Tag   *root,
               GArray      *elements,
               GError     **error)
{
  gsize p = root->end;

  while (p < t->size)
    {
      Tag tag;
      Element element = { 0, };

      if (t->data[p] != '<')
        {
          p++;
          continue;
        }
      if (has_at (t, p, "<![CDATA["))
        p = skip_past (t, p, "]]>");
      else if (has_at (t, p, "<!--"))
        p = skip_past (t, p, "-->");
      else if (has_at (t, p, "<?"))
        p = skip_past (t, p, "?>");
      else if (has_at (t, p, "</") || has_at (t, p, "<!"))
        p = skip_past (t, p, ">");
      else if (read_tag (t, p, &tag))
        {
          if (tag_badge_version (t, &tag, root, &element.version))
            {
              element.start = tag.start;
              if (tag.empty)
                element.end = element.body_start = element.body_end = tag.end;
              else if (!find_end_tag (t, &tag, &element))
                goto damaged;
              element.verify = tag_attribute (t, &tag, "verify");
              g_array_append_val (elements, element);
              p = element.end;
            }
          else
            p = tag.end;
        }
      else
        goto damaged;

      if (p == 0)
        goto damaged;
    }

  return TRUE;

damaged:
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
               _("The SVG file is damaged (unterminated markup)"));
  return FALSE;
}

static gboolean
load_text (GBytes      *svg,
           Text        *t,
           GError     **error)
{
  t->data = g_bytes_get_data (svg, &t->size);

  if (t->size > ROSETTE_BAKING_MAX_FILE_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The image is larger than %d MB"), ROSETTE_BAKING_MAX_FILE_SIZE >> 20);
      return FALSE;
    }

  return TRUE;
}

/* The element's text: CDATA sections verbatim, other text decoded, white
 * space between sections ignored. */
static char *
element_body (const Text    *t,
              const Element *element)
{
  GString *out = g_string_new (NULL);
  gsize p = element->body_start;

  while (p < element->body_end)
    {
      gsize next;

      if (has_at (t, p, "<![CDATA["))
        {
          gsize close = skip_past (t, p, "]]>");

          g_string_append_len (out, t->data + p + 9, close - 3 - (p + 9));
          p = close;
          continue;
        }
      if (has_at (t, p, "<!--"))
        {
          p = skip_past (t, p, "-->");
          continue;
        }
      for (next = p; next < element->body_end && t->data[next] != '<'; next++)
        ;
      if (next == p)
        next++;
      {
        g_autofree char *text = decode_entities (t->data + p, next - p);
        const char *c = text;

        while (*c != '\0' && g_ascii_isspace (*c))
          c++;
        if (*c != '\0')
          g_string_append (out, text);
      }
      p = next;
    }

  return g_string_free (out, FALSE);
}

/**
 * rosette_svg_extract:
 * @svg: an SVG document, possibly hostile
 * @version: (out) (optional): which Open Badges version was baked
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the baked JWS (the "verify" attribute) or JSON
 *   (the element's CDATA), or %NULL with %ROSETTE_ERROR_PARSE,
 *   %ROSETTE_ERROR_TOO_LARGE, %ROSETTE_ERROR_NO_CREDENTIAL or
 *   %ROSETTE_ERROR_AMBIGUOUS
 */
GBytes *
rosette_svg_extract (GBytes               *svg,
                     RosetteBadgeVersion  *version,
                     GError              **error)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_autofree char *text = NULL;
  Element *element;
  Text t;
  Tag root;

  g_return_val_if_fail (svg != NULL, NULL);

  g_array_set_clear_func (elements, (GDestroyNotify) element_clear);
  if (!load_text (svg, &t, error) || !find_root (&t, &root, error)
      || !find_elements (&t, &root, elements, error))
    return NULL;

  if (elements->len != 1)
    {
      _rosette_baking_set_count_error (elements->len, error);
      return NULL;
    }

  element = &g_array_index (elements, Element, 0);
  /* Bakers indent the CDATA body; JSON does not care (1EdTech's validator
   * takes the first non-white-space text too). */
  text = g_strstrip (element_body (&t, element));
  /* A hosted OB 2.0 assertion has its URL in verify and the JSON in the body. */
  if (element->verify != NULL && !(*text != '\0' && g_str_has_prefix (element->verify, "http")))
    {
      g_free (text);
      text = g_strdup (element->verify);
    }

  if (*text == '\0' || strlen (text) > ROSETTE_BAKING_MAX_PAYLOAD_SIZE
      || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The credential element in the SVG is empty, too large or not UTF-8 text"));
      return NULL;
    }

  if (version != NULL)
    *version = element->version;
  {
    gsize length = strlen (text);

    return g_bytes_new_take (g_steal_pointer (&text), length);
  }
}

static void
append_cdata (GString    *out,
              const char *text,
              gsize       length)
{
  const char *end = text + length;

  g_string_append (out, "<![CDATA[");
  for (const char *p = text; p < end; p++)
    {
      /* "]]>" cannot appear inside CDATA: close after "]]", reopen before ">". */
      if (end - p >= 3 && memcmp (p, "]]>", 3) == 0)
        {
          g_string_append (out, "]]]]><![CDATA[>");
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, "]]>");
}

/**
 * rosette_svg_bake:
 * @svg: an SVG document
 * @version: which Open Badges version @payload is
 * @payload: a compact JWS (goes in verify="") or JSON (goes in CDATA)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): @svg with the badge element right after the
 *   root start tag (replacing any there was), or %NULL with an error
 */
GBytes *
rosette_svg_bake (GBytes               *svg,
                  RosetteBadgeVersion   version,
                  GBytes               *payload,
                  GError              **error)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_autofree char *declared = NULL;
  const char *namespace;
  const char *local;
  const char *text;
  gsize text_length;
  gsize attribute_at;
  gsize p;
  GString *out;
  Text t;
  Tag root;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  if (!_rosette_baking_check_payload (payload, error))
    return NULL;
  text = g_bytes_get_data (payload, &text_length);

  g_array_set_clear_func (elements, (GDestroyNotify) element_clear);
  if (!load_text (svg, &t, error) || !find_root (&t, &root, error)
      || !find_elements (&t, &root, elements, error))
    return NULL;
  if (root.empty)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("The SVG image is empty"));
      return NULL;
    }

  namespace = version == ROSETTE_BADGE_VERSION_OB2 ? ROSETTE_BAKING_SVG_NAMESPACE_OB2
                                                   : ROSETTE_BAKING_SVG_NAMESPACE_OB3;
  local = version == ROSETTE_BADGE_VERSION_OB2 ? "assertion" : "credential";
  declared = tag_attribute (&t, &root, "xmlns:openbadges");

  out = g_string_sized_new (t.size + text_length + 256);
  attribute_at = root.end - 1;
  g_string_append_len (out, t.data, attribute_at);
  if (declared != NULL && strcmp (declared, namespace) != 0)
    {
      /* Re-baking as the other version: rename the old declaration's prefix
       * out of the way rather than editing inside the attribute. */
      g_autofree char *head = g_strndup (t.data, attribute_at);
      char *old = strstr (head + root.start, "xmlns:openbadges");

      g_string_truncate (out, 0);
      g_string_append_len (out, head, old - head);
      g_string_append (out, "xmlns:openbadges-replaced");
      g_string_append (out, old + strlen ("xmlns:openbadges"));
      declared = NULL;
    }
  if (declared == NULL)
    g_string_append_printf (out, " xmlns:openbadges=\"%s\"", namespace);
  g_string_append_c (out, '>');

  /* The element itself, right after the root start tag. */
  if (text[0] == '{' || text[0] == '[')
    {
      g_string_append_printf (out, "<openbadges:%s>", local);
      append_cdata (out, text, text_length);
      g_string_append_printf (out, "</openbadges:%s>", local);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (text, text_length);

      g_string_append_printf (out, "<openbadges:%s verify=\"%s\"/>", local, escaped);
    }

  /* The rest, without the old badge element(s). */
  p = root.end;
  for (guint i = 0; i < elements->len; i++)
    {
      const Element *element = &g_array_index (elements, Element, i);

      g_string_append_len (out, t.data + p, element->start - p);
      p = element->end;
    }
  g_string_append_len (out, t.data + p, t.size - p);

  return g_string_free_to_bytes (out);
}

/**
 * rosette_image_sniff:
 *
 * Returns: whether @data looks like a PNG or an SVG (by content, not name)
 */
RosetteImageFormat
rosette_image_sniff (GBytes *data)
{
  Text t;
  Tag root;

  g_return_val_if_fail (data != NULL, ROSETTE_IMAGE_FORMAT_UNKNOWN);

  t.data = g_bytes_get_data (data, &t.size);
  if (t.size >= 8 && memcmp (t.data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return ROSETTE_IMAGE_FORMAT_PNG;
  if (t.size <= ROSETTE_BAKING_MAX_FILE_SIZE && find_root (&t, &root, NULL))
    return ROSETTE_IMAGE_FORMAT_SVG;

  return ROSETTE_IMAGE_FORMAT_UNKNOWN;
}

/**
 * rosette_baked_extract:
 * @data: a PNG or SVG file's contents
 * @version: (out) (optional): which Open Badges version was baked
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the baked payload (see rosette_png_extract()
 *   and rosette_svg_extract()), or %NULL with an error
 */
GBytes *
rosette_baked_extract (GBytes               *data,
                       RosetteBadgeVersion  *version,
                       GError              **error)
{
  g_return_val_if_fail (data != NULL, NULL);

  switch (rosette_image_sniff (data))
    {
    case ROSETTE_IMAGE_FORMAT_PNG:
      return rosette_png_extract (data, version, error);

    case ROSETTE_IMAGE_FORMAT_SVG:
      return rosette_svg_extract (data, version, error);

    case ROSETTE_IMAGE_FORMAT_UNKNOWN:
    default:
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The file is neither a PNG nor an SVG image"));
      return NULL;
    }
}
