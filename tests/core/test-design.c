/* test-design.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-design-private.h"

/* What the tests want to know about an SVG document, gathered while
 * parsing it with GMarkupParseContext (which rejects ill-formed XML). */
typedef struct
{
  char       *root;
  char       *xmlns;
  char       *view_box;
  char       *width;
  char       *height;
  GString    *title;
  GString    *desc;
  GString    *text;          /* all <text> content, concatenated */
  GHashTable *ids;
  GPtrArray  *urls;          /* ids referenced with url(#...) */
  GPtrArray  *title_lines;   /* white title lines on the ribbon */
  GArray     *title_sizes;
  const char *current;       /* "title", "desc", "text" or NULL */
  gboolean    current_title_line;
  guint       stars_depth;   /* > 0 inside the stars group */
  guint       depth;
  guint       stars;
  gboolean    wreath;
} SvgInfo;

static void
svg_info_free (SvgInfo *info)
{
  g_free (info->root);
  g_free (info->xmlns);
  g_free (info->view_box);
  g_free (info->width);
  g_free (info->height);
  g_string_free (info->title, TRUE);
  g_string_free (info->desc, TRUE);
  g_string_free (info->text, TRUE);
  g_hash_table_unref (info->ids);
  g_ptr_array_unref (info->urls);
  g_ptr_array_unref (info->title_lines);
  g_array_unref (info->title_sizes);
  g_free (info);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SvgInfo, svg_info_free)

static void
collect_urls (SvgInfo    *info,
              const char *value)
{
  const char *p = value;

  while ((p = strstr (p, "url(#")) != NULL)
    {
      const char *end = strchr (p, ')');

      g_assert_nonnull (end);
      g_ptr_array_add (info->urls, g_strndup (p + 5, end - p - 5));
      p = end;
    }
}

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  SvgInfo *info = user_data;
  const char *fill = NULL;
  const char *font_size = NULL;

  info->depth++;
  if (info->root == NULL)
    info->root = g_strdup (name);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "id") == 0)
        {
          g_assert_false (g_hash_table_contains (info->ids, values[i]));
          g_hash_table_add (info->ids, g_strdup (values[i]));
          if (g_str_has_suffix (values[i], "-stars"))
            info->stars_depth = info->depth;
          if (g_str_has_suffix (values[i], "-wreath"))
            info->wreath = TRUE;
        }
      else if (strcmp (names[i], "fill") == 0)
        fill = values[i];
      else if (strcmp (names[i], "font-size") == 0)
        font_size = values[i];

      if (info->depth == 1)
        {
          if (strcmp (names[i], "xmlns") == 0)
            info->xmlns = g_strdup (values[i]);
          else if (strcmp (names[i], "viewBox") == 0)
            info->view_box = g_strdup (values[i]);
          else if (strcmp (names[i], "width") == 0)
            info->width = g_strdup (values[i]);
          else if (strcmp (names[i], "height") == 0)
            info->height = g_strdup (values[i]);
        }
      collect_urls (info, values[i]);
    }

  if (info->stars_depth > 0 && info->depth == info->stars_depth + 1
      && strcmp (name, "path") == 0)
    info->stars++;

  if (strcmp (name, "title") == 0 || strcmp (name, "desc") == 0
      || strcmp (name, "text") == 0)
    info->current = strcmp (name, "title") == 0 ? "title"
                    : strcmp (name, "desc") == 0 ? "desc" : "text";

  info->current_title_line = strcmp (name, "text") == 0 && g_strcmp0 (fill, "#ffffff") == 0;
  if (info->current_title_line)
    {
      double size = g_ascii_strtod (font_size, NULL);

      g_ptr_array_add (info->title_lines, g_strdup (""));
      g_array_append_val (info->title_sizes, size);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  SvgInfo *info = user_data;

  if (info->depth == info->stars_depth)
    info->stars_depth = 0;
  info->depth--;
  info->current = NULL;
  info->current_title_line = FALSE;
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  SvgInfo *info = user_data;

  if (g_strcmp0 (info->current, "title") == 0)
    g_string_append_len (info->title, text, len);
  else if (g_strcmp0 (info->current, "desc") == 0)
    g_string_append_len (info->desc, text, len);
  else if (g_strcmp0 (info->current, "text") == 0)
    g_string_append_len (info->text, text, len);

  if (info->current_title_line)
    {
      char **last = (char **) &info->title_lines->pdata[info->title_lines->len - 1];
      char *joined = g_strconcat (*last, text, NULL);

      g_free (*last);
      *last = joined;
    }
}

static SvgInfo *
parse_svg (const char *svg)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgInfo *info = g_new0 (SvgInfo, 1);
  const char *body;

  info->title = g_string_new (NULL);
  info->desc = g_string_new (NULL);
  info->text = g_string_new (NULL);
  info->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->urls = g_ptr_array_new_with_free_func (g_free);
  info->title_lines = g_ptr_array_new_with_free_func (g_free);
  info->title_sizes = g_array_new (FALSE, FALSE, sizeof (double));

  /* GMarkup does not take the XML declaration; it must come first */
  g_assert_true (g_str_has_prefix (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  body = strstr (svg, "?>") + 2;

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, info, NULL);
  g_markup_parse_context_parse (context, body, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return info;
}

static RosetteFamily *
new_family (RosetteBadgeKind  kind,
            const char       *name)
{
  RosetteFamily *family = rosette_family_new_from_template (kind, name);

  g_assert_nonnull (family);
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 3);
  return family;
}

static char *
render_svg (RosetteFamily *family,
            guint          tier)
{
  g_autoptr(GError) error = NULL;
  char *svg = rosette_design_render_svg (family, rosette_family_get_tier (family, tier), &error);

  g_assert_no_error (error);
  g_assert_nonnull (svg);
  return svg;
}

static void
test_well_formed (void)
{
  for (guint kind = ROSETTE_BADGE_KIND_COMPLIANCE; kind <= ROSETTE_BADGE_KIND_SERVICE; kind++)
    {
      g_autoptr(RosetteFamily) family = new_family (kind, "Data Privacy");

      for (guint t = 0; t < 3; t++)
        {
          RosetteTier *tier = rosette_family_get_tier (family, t);
          g_autofree char *svg = render_svg (family, t);
          g_autoptr(SvgInfo) info = parse_svg (svg);
          g_autofree char *expected_title = g_strdup_printf ("Data Privacy — %s",
                                                             rosette_tier_get_name (tier));
          g_autofree char *tier_upper = g_utf8_strup (rosette_tier_get_name (tier), -1);

          g_assert_cmpstr (info->root, ==, "svg");
          g_assert_cmpstr (info->xmlns, ==, "http://www.w3.org/2000/svg");
          g_assert_cmpstr (info->view_box, ==, "0 0 512 512");
          g_assert_cmpstr (info->width, ==, "512");
          g_assert_cmpstr (info->height, ==, "512");
          g_assert_cmpstr (info->title->str, ==, expected_title);
          g_assert_cmpuint (info->desc->len, >, 20);
          g_assert_nonnull (strstr (info->desc->str, rosette_tier_get_name (tier)));
          /* the title on the ribbon and the tier on the plaque, upper case */
          g_assert_nonnull (strstr (info->text->str, "DATA PRIVACY"));
          g_assert_nonnull (strstr (info->text->str, tier_upper));
        }
    }
}

static void
test_no_external_references (void)
{
  for (guint kind = ROSETTE_BADGE_KIND_COMPLIANCE; kind <= ROSETTE_BADGE_KIND_SERVICE; kind++)
    {
      g_autoptr(RosetteFamily) family = new_family (kind, NULL);
      g_autofree char *svg = render_svg (family, 2);
      g_autoptr(SvgInfo) info = parse_svg (svg);

      g_assert_null (strstr (svg, "href=\"http"));
      g_assert_null (strstr (svg, "href="));
      g_assert_null (strstr (svg, "<image"));
      g_assert_null (strstr (svg, "url(http"));
      g_assert_null (strstr (svg, "@import"));
      g_assert_null (strstr (svg, "<script"));

      /* every url(#id) points into this document */
      g_assert_cmpuint (info->urls->len, >, 0);
      for (guint i = 0; i < info->urls->len; i++)
        g_assert_true (g_hash_table_contains (info->ids, info->urls->pdata[i]));
    }
}

static void
test_ids_prefixed (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_TECHNICAL, "Cloud 101");
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) svg_info_free);

  for (guint t = 0; t < 3; t++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, t);
      g_autofree char *svg = render_svg (family, t);
      SvgInfo *info = parse_svg (svg);
      g_autofree char *tier_slug = rosette_tier_dup_slug (tier);
      g_autofree char *prefix = g_strdup_printf ("rs-cloud-101-%s-", tier_slug);
      GHashTableIter iter;
      gpointer id;

      g_ptr_array_add (infos, info);
      g_assert_cmpuint (g_hash_table_size (info->ids), >, 3);
      g_hash_table_iter_init (&iter, info->ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          g_assert_true (g_str_has_prefix (id, prefix));
          /* the three tiers can share one HTML page */
          g_assert_false (g_hash_table_contains (all, id));
          g_hash_table_add (all, id);
        }
    }
}

static void
test_title_escaped (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_RECOGNITION, "Escapes");
  const char *title = "R&D <Stars> \"Q&A\" 'ok'";
  g_autofree char *svg = NULL;
  g_autoptr(SvgInfo) info = NULL;

  rosette_family_set_title (family, title);
  svg = render_svg (family, 0);
  info = parse_svg (svg);

  g_assert_true (g_str_has_prefix (info->title->str, title));
  g_assert_nonnull (strstr (info->text->str, "R&D <STARS>"));
  g_assert_nonnull (strstr (info->text->str, "\"Q&A\" 'OK'"));
  g_assert_null (strstr (svg, "<Stars>"));
}

static void
test_long_title_fits (void)
{
  const struct {
    const char *title;
    guint lines;
  } cases[] = {
    { "Safety", 1 },
    { "Workplace Safety", 1 },
    { "Workplace Health and Safety", 2 },
    { "Information Security Awareness Programme", 2 },
    { "Advanced Incident Response and Digital Forensics Excellence", 2 },
    { "Supercalifragilisticexpialidociousnessmeasurement", 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, "Long");
      g_autofree char *svg = NULL;
      g_autoptr(SvgInfo) info = NULL;

      rosette_family_set_title (family, cases[c].title);
      svg = render_svg (family, 0);
      info = parse_svg (svg);

      g_assert_cmpuint (info->title_lines->len, ==, cases[c].lines);
      for (guint i = 0; i < info->title_lines->len; i++)
        {
          double size = g_array_index (info->title_sizes, double, i);
          double width = _rosette_design_estimate_width (info->title_lines->pdata[i], size,
                                                         0.06);

          /* the band's inner width, with some air on each side */
          g_assert_cmpfloat (width, <=, 388.0 - 30.0);
          g_assert_cmpfloat (size, >=, 16.0);
        }
    }
}

static void
test_tiers_escalate (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
  g_autoptr(RosetteTier) master = rosette_tier_new_for_rank ("Master", 3);
  g_autoptr(RosetteTier) legend = rosette_tier_new_for_rank ("Legend", 5);
  g_autofree char *svgs[5] = { NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (rosette_family_insert_tier (family, 3, master, &error));
  g_assert_no_error (error);
  g_assert_true (rosette_family_insert_tier (family, 4, legend, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < 5; t++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, t);
      g_autoptr(SvgInfo) info = NULL;

      svgs[t] = render_svg (family, t);
      info = parse_svg (svgs[t]);

      g_assert_cmpuint (info->stars, ==, rosette_tier_get_stars (tier));
      g_assert_cmpint (info->wreath, ==,
                       rosette_tier_get_ornament (tier) != ROSETTE_ORNAMENT_NONE);
      for (guint u = 0; u < t; u++)
        g_assert_cmpstr (svgs[t], !=, svgs[u]);
    }

  /* the default tiers: bronze, silver, gold; the plain rim has no ring */
  g_assert_nonnull (strstr (svgs[0], "#c8874d"));
  g_assert_null (strstr (svgs[0], "stroke-dasharray=\"9 6\""));
  g_assert_nonnull (strstr (svgs[1], "#bcc4ce"));
  g_assert_nonnull (strstr (svgs[1], "stroke-dasharray=\"9 6\""));
  g_assert_nonnull (strstr (svgs[2], "#e5b53e"));
  g_assert_nonnull (strstr (svgs[3], "#dfe6ee"));
  g_assert_null (strstr (svgs[2], "gem)"));
  g_assert_nonnull (strstr (svgs[4], "gem)"));
}

static void
test_every_emblem_renders (void)
{
  const char * const *emblems = rosette_design_list_emblems ();
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_ONBOARDING, "Emblems");
  const char *required[] = { "padlock-check", "compass", "gear", "door", "heart-hand", "years",
                             "shield-check", "hard-hat", "summit-flag", "north-star",
                             "code-brackets", "wrench", "key", "map-pin", "star-burst",
                             "handshake" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_strv_contains (emblems, required[i]));

  for (; emblems[n] != NULL; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *svg = NULL;
      g_autoptr(SvgInfo) info = NULL;
      cairo_surface_t *surface;

      g_assert_true (rosette_design_has_emblem (emblems[n]));
      rosette_family_set_emblem (family, emblems[n]);
      svg = render_svg (family, 1);
      info = parse_svg (svg);
      surface = rosette_design_render_surface (family, rosette_family_get_tier (family, 1),
                                               64, &error);
      g_assert_no_error (error);
      g_assert_nonnull (surface);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (n, >=, 30);
}

static void
test_every_shape_renders (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_TECHNICAL, "Shapes");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint shape = ROSETTE_SHAPE_SHIELD; shape <= ROSETTE_SHAPE_ROUNDED_SQUARE; shape++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *svg = NULL;
      g_autoptr(SvgInfo) info = NULL;
      cairo_surface_t *surface;

      rosette_family_set_shape (family, shape);
      g_assert_cmpint (rosette_family_get_shape (family), ==, shape);
      svg = render_svg (family, 2);
      info = parse_svg (svg);
      g_assert_cmpuint (info->stars, ==, 3);

      /* each shape draws something of its own */
      for (guint i = 0; i < seen->len; i++)
        g_assert_cmpstr (svg, !=, seen->pdata[i]);
      g_ptr_array_add (seen, g_steal_pointer (&svg));

      surface = rosette_design_render_surface (family, rosette_family_get_tier (family, 2), 64,
                                               &error);
      g_assert_no_error (error);
      cairo_surface_destroy (surface);
    }
}

static void
test_unknown_emblem (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  cairo_surface_t *surface;

  g_assert_false (rosette_design_has_emblem ("no-such-emblem"));
  g_assert_false (rosette_design_has_emblem (""));
  g_assert_false (rosette_design_has_emblem (NULL));

  rosette_family_set_emblem (family, "no-such-emblem");
  svg = rosette_design_render_svg (family, tier, &error);
  g_assert_null (svg);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such-emblem”"));
  g_clear_error (&error);

  surface = rosette_design_render_surface (family, tier, 128, &error);
  g_assert_null (surface);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
}

static void
test_sizes (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_LEADERSHIP, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 0);
  const guint bad[] = { 0, 63, 2049, 100000 };
  const guint good[] = { 64, 2048 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = rosette_design_render_png (family, tier, bad[i], &error);

      g_assert_null (png);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
      g_assert_nonnull (strstr (error->message, "64"));
      g_assert_nonnull (strstr (error->message, "2048"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface = rosette_design_render_surface (family, tier, good[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, good[i]);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, good[i]);
      cairo_surface_destroy (surface);
    }
}

typedef struct
{
  GBytes *bytes;
  gsize   offset;
} ReadClosure;

static cairo_status_t
read_bytes (void          *data,
            unsigned char *out,
            unsigned int   length)
{
  ReadClosure *closure = data;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (closure->bytes, &size);

  if (closure->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, bytes + closure->offset, length);
  closure->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static guint8
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] >> 24;
}

static void
test_png_transparent (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_SERVICE, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = rosette_design_render_png (family, tier, 128, &error);
  ReadClosure closure = { png, 0 };
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 8);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

  surface = cairo_image_surface_create_from_png_stream (read_bytes, &closure);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 128);

  /* transparent corners and margin, opaque artwork in the middle */
  g_assert_cmpuint (alpha_at (surface, 0, 0), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 127, 0), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 0, 127), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 127, 127), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 2, 64), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 64, 64), ==, 255);
  g_assert_cmpuint (alpha_at (surface, 64, 40), ==, 255);
  cairo_surface_destroy (surface);
}

static cairo_status_t
write_bytes (void                *data,
             const unsigned char *bytes,
             unsigned int         length)
{
  g_byte_array_append (data, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  ReadClosure closure = { png, 0 };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_bytes, &closure);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Rosette's own PNG encoder must give the pixels cairo's would */
static void
test_png_encoder (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_LEADERSHIP, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 2);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = rosette_design_render_surface (family, tier, 200, &error);
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *a, *b;

  g_assert_no_error (error);
  ours = _rosette_design_encode_png (surface, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, write_bytes, buffer), ==,
                   CAIRO_STATUS_SUCCESS);
  theirs = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

  a = decode_png (ours);
  b = decode_png (theirs);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_format (a), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * 200,
                   cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * 200);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (surface);
}

static void
test_png_matches_svg (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_RECOGNITION, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = render_svg (family, 1);
  cairo_surface_t *a = rosette_design_render_surface (family, tier, 96, &error);
  cairo_surface_t *b = _rosette_design_rasterize (svg, strlen (svg), 96, &error);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_no_error (error);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_cmpmem (cairo_image_surface_get_data (a), stride * 96,
                   cairo_image_surface_get_data (b), stride * 96);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_file_names (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, "Data Privacy");
  RosetteTier *tier = rosette_family_get_tier (family, 2);
  g_autofree char *png = rosette_design_dup_file_name (family, tier, ROSETTE_EXPORT_FORMAT_PNG);
  g_autofree char *svg = rosette_design_dup_file_name (family, tier, ROSETTE_EXPORT_FORMAT_SVG);

  g_assert_cmpstr (png, ==, "data-privacy-expert.png");
  g_assert_cmpstr (svg, ==, "data-privacy-expert.svg");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rosette-design-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_export (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_ONBOARDING, "Welcome Aboard");
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *target = g_build_filename (tmp, "new", "folder", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (target);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "welcome-aboard-foundation.png", "welcome-aboard-foundation.svg",
    "welcome-aboard-practitioner.png", "welcome-aboard-practitioner.svg",
    "welcome-aboard-expert.png", "welcome-aboard-expert.svg",
  };

  /* all tiers, both formats, into a folder that does not exist yet */
  g_assert_true (rosette_design_export (family, NULL,
                                        ROSETTE_EXPORT_FORMAT_PNG | ROSETTE_EXPORT_FORMAT_SVG,
                                        128, directory, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *name = g_file_get_basename (written->pdata[i]);
      g_autofree char *path = g_build_filename (target, expected[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_cmpstr (name, ==, expected[i]);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (g_str_has_suffix (name, ".png"))
        g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
      else
        g_assert_true (g_str_has_prefix (contents, "<?xml"));
    }
  g_clear_pointer (&written, g_ptr_array_unref);

  /* one tier, one format */
  g_assert_true (rosette_design_export (family, rosette_family_get_tier (family, 1),
                                        ROSETTE_EXPORT_FORMAT_SVG, 0, directory, &written,
                                        NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);

  /* a bad size is caught before anything is written */
  g_assert_false (rosette_design_export (family, NULL, ROSETTE_EXPORT_FORMAT_PNG, 4000,
                                         directory, NULL, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);

  remove_tree (tmp);
}

static void
test_export_unwritable (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *file_path = g_build_filename (tmp, "a-file", NULL);
  g_autofree char *target = g_build_filename (file_path, "badges", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (target);
  g_autoptr(GFile) plain_file = g_file_new_for_path (file_path);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  /* tests run as root, so permissions prove nothing: a folder below a
   * regular file cannot be created by anyone */
  g_assert_true (g_file_set_contents (file_path, "x", 1, NULL));

  g_assert_false (rosette_design_export (family, NULL, ROSETTE_EXPORT_FORMAT_PNG, 64,
                                         directory, &written, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_null (written);
  g_clear_error (&error);

  /* a regular file given as the folder */
  g_assert_false (rosette_design_export (family, NULL, ROSETTE_EXPORT_FORMAT_SVG, 64,
                                         plain_file, NULL, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, file_path));

  remove_tree (tmp);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_export_async (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_TECHNICAL, "Async");
  g_autofree char *tmp = make_temp_dir ();
  g_autoptr(GFile) directory = g_file_new_for_path (tmp);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  rosette_design_export_async (family, NULL, ROSETTE_EXPORT_FORMAT_PNG, 96, directory, NULL,
                               export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  written = rosette_design_export_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 3);
  g_clear_object (&result);

  /* cancelled before it starts: nothing is written */
  g_cancellable_cancel (cancellable);
  rosette_design_export_async (family, NULL, ROSETTE_EXPORT_FORMAT_SVG, 96, directory,
                               cancellable, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rosette_design_export_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *svg = g_build_filename (tmp, "async-foundation.svg", NULL);

    g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  }

  remove_tree (tmp);
}

/* Issue 3: the designer's properties, geometry, text to path, export */

static cairo_surface_t *
rasterize_svg (const char *svg,
               int         size)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  RsvgRectangle viewport = { 0, 0, size, size };

  g_assert_no_error (error);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);
  return surface;
}

/* mean absolute difference per channel, 0..255 */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint64 sum = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x++)
      sum += (guint) ABS ((int) pa[y * stride + x] - (int) pb[y * stride + x]);
  return (double) sum / (w * h * 4.0);
}

static void
assert_changed (RosetteFamily *family,
                const char    *what,
                char         **before)
{
  char *after = render_svg (family, 2);
  g_autoptr(SvgInfo) info = parse_svg (after);

  if (g_strcmp0 (*before, after) == 0)
    g_test_fail_printf ("setting %s did not change the badge", what);
  g_free (*before);
  *before = after;
}

/* Every designer property changes the drawing, and the SVG stays valid */
static void
test_properties_change_svg (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_TECHNICAL, NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 2);
  char *svg = render_svg (family, 2);

  rosette_family_set_ribbon_color (family, "#f5c211");
  assert_changed (family, "the ribbon colour", &svg);
  rosette_family_set_emblem_color (family, "#241f31");
  assert_changed (family, "the emblem colour", &svg);
  rosette_family_set_font_family (family, "Lato");
  assert_changed (family, "the font family", &svg);
  g_assert_nonnull (strstr (svg, "font-family=\"'Lato', "));
  rosette_family_set_font_weight (family, 400);
  assert_changed (family, "the font weight", &svg);
  rosette_family_set_title_size (family, 20);
  assert_changed (family, "the title size", &svg);
  rosette_family_set_title_layout (family, ROSETTE_TEXT_LAYOUT_CURVED);
  assert_changed (family, "a curved title", &svg);
  rosette_family_set_show_subtitle (family, TRUE);
  assert_changed (family, "show subtitle", &svg);
  rosette_family_set_subtitle_layout (family, ROSETTE_TEXT_LAYOUT_STRAIGHT);
  rosette_family_set_subtitle_layout (family, ROSETTE_TEXT_LAYOUT_CURVED);
  rosette_family_set_subtitle_layout (family, ROSETTE_TEXT_LAYOUT_STRAIGHT);
  assert_changed (family, "the subtitle layout", &svg);
  rosette_family_set_rim_width (family, 30);
  assert_changed (family, "the rim width", &svg);
  rosette_family_set_shadow (family, !rosette_family_get_shadow (family));
  assert_changed (family, "the shadow", &svg);
  rosette_family_set_gradient (family, !rosette_family_get_gradient (family));
  assert_changed (family, "the gradient", &svg);
  rosette_family_set_palette_ramp (family, !rosette_family_get_palette_ramp (family));
  assert_changed (family, "the palette ramp", &svg);
  rosette_tier_set_field_color (tier, "#c01c28");
  assert_changed (family, "the tier's field colour", &svg);
  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    {
      g_autofree char *what = g_strdup_printf ("the placement of element %u", e);

      rosette_family_set_placement (family, (RosetteElement) e, 10, -5, 1.2);
      assert_changed (family, what, &svg);
    }
  g_free (svg);
}

/* A light ribbon colour gets dark title text, with 4.5:1 contrast */
static void
test_dark_title_on_light_ribbon (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_TECHNICAL, NULL);
  g_autofree char *svg = NULL;

  rosette_family_set_ribbon_color (family, "#f6f5f4");
  svg = render_svg (family, 0);
  g_assert_null (strstr (svg, "fill=\"#ffffff\">CLOUD"));
  g_assert_nonnull (strstr (svg, "fill=\"#1c1c24\">CLOUD"));
}

static void
test_element_bounds (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
  RosetteTier *first = rosette_family_get_tier (family, 0);
  RosetteTier *expert = rosette_family_get_tier (family, 2);
  double x, y, w, h, x2, y2, w2, h2;

  /* everything sits inside the canvas, and the emblem is where it is drawn */
  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    {
      if (!rosette_design_get_element_bounds (family, expert, e, &x, &y, &w, &h))
        continue;
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (x + w, <=, 512);
      g_assert_cmpfloat (y + h, <=, 512);
      g_assert_cmpfloat (w, >, 0);
      g_assert_cmpfloat (h, >, 0);
    }
  g_assert_true (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_EMBLEM,
                                                    &x, &y, &w, &h));
  g_assert_cmpfloat_with_epsilon (x, 186, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 122, 0.01);
  g_assert_cmpfloat_with_epsilon (w, 140, 0.01);

  /* not drawn: the subtitle while hidden; the ring of a tier without one */
  rosette_family_set_show_subtitle (family, FALSE);
  g_assert_false (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_SUBTITLE,
                                                     NULL, NULL, NULL, NULL));
  rosette_tier_set_ring_style (first, ROSETTE_RING_STYLE_NONE);
  g_assert_false (rosette_design_get_element_bounds (family, first, ROSETTE_ELEMENT_RING,
                                                     NULL, NULL, NULL, NULL));
  rosette_family_set_show_subtitle (family, TRUE);
  g_assert_true (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_SUBTITLE,
                                                    NULL, NULL, NULL, NULL));

  /* placement: moved by dx, dy and scaled about the element's centre */
  g_assert_true (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_RIBBON,
                                                    &x, &y, &w, &h));
  rosette_family_set_placement (family, ROSETTE_ELEMENT_RIBBON, 20, -10, 0.5);
  g_assert_true (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_RIBBON,
                                                    &x2, &y2, &w2, &h2));
  g_assert_cmpfloat_with_epsilon (w2, w * 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (h2, h * 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (x2 + w2 / 2, x + w / 2 + 20, 0.01);
  g_assert_cmpfloat_with_epsilon (y2 + h2 / 2, y + h / 2 - 10, 0.01);

  /* the title moves with its ribbon */
  g_assert_true (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_TITLE,
                                                    &x, &y, &w, &h));
  g_assert_cmpfloat (x, >=, x2);
  g_assert_cmpfloat (x + w, <=, x2 + w2);
}

static void
test_pick_element (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_COMPLIANCE, NULL);
  RosetteTier *expert = rosette_family_get_tier (family, 2);
  gboolean found;
  double x, y, w, h;

  g_assert_cmpint (rosette_design_pick_element (family, expert, 256, 192, &found), ==,
                   ROSETTE_ELEMENT_EMBLEM);
  g_assert_true (found);
  g_assert_cmpint (rosette_design_pick_element (family, expert, 256, 318, &found), ==,
                   ROSETTE_ELEMENT_TITLE);
  g_assert_cmpint (rosette_design_pick_element (family, expert, 80, 318, &found), ==,
                   ROSETTE_ELEMENT_RIBBON);
  g_assert_cmpint (rosette_design_pick_element (family, expert, 256, 384, &found), ==,
                   ROSETTE_ELEMENT_TIER_LABEL);
  g_assert_cmpint (rosette_design_pick_element (family, expert, 256, 92, &found), ==,
                   ROSETTE_ELEMENT_STARS);
  g_assert_cmpint (rosette_design_pick_element (family, expert, 100, 150, &found), ==,
                   ROSETTE_ELEMENT_SHAPE);
  rosette_design_pick_element (family, expert, 3, 3, &found);
  g_assert_false (found);

  /* a moved emblem is picked where it went */
  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, -130, 40, 0.5);
  g_assert_true (rosette_design_get_element_bounds (family, expert, ROSETTE_ELEMENT_EMBLEM,
                                                    &x, &y, &w, &h));
  g_assert_cmpint (rosette_design_pick_element (family, expert, x + w / 2, y + h / 2, &found), ==,
                   ROSETTE_ELEMENT_EMBLEM);
  g_assert_cmpint (rosette_design_pick_element (family, expert, 256, 160, &found), !=,
                   ROSETTE_ELEMENT_EMBLEM);
}

static void
test_emblem_library (void)
{
  const char * const *emblems = rosette_design_list_emblems ();
  guint counts[ROSETTE_BADGE_KIND_SERVICE + 1] = { 0 };
  guint n = 0;

  for (; emblems[n] != NULL; n++)
    {
      const char *kind = rosette_design_get_emblem_kind (emblems[n]);

      if (kind != NULL)
        {
          RosetteBadgeKind k;

          g_assert_true (rosette_badge_kind_from_string (kind, &k));
          counts[k]++;
        }
    }
  g_assert_cmpuint (n, >=, 40);
  for (guint k = 0; k <= ROSETTE_BADGE_KIND_SERVICE; k++)
    g_assert_cmpuint (counts[k], >=, 4);
  g_assert_cmpstr (rosette_design_get_emblem_kind ("padlock-check"), ==, "compliance");
  g_assert_cmpstr (rosette_design_get_emblem_kind ("hourglass"), ==, "service");
  g_assert_null (rosette_design_get_emblem_kind ("star"));
  g_assert_null (rosette_design_get_emblem_kind ("no-such-emblem"));
  g_assert_false (g_strv_contains (emblems, "custom"));
}

/* Text to path: no <text> left, the same picture, title and desc kept */
static void
test_text_to_path (void)
{
  for (guint layout = 0; layout < 2; layout++)
    {
      g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_SERVICE, NULL);
      RosetteTier *tier = rosette_family_get_tier (family, 2);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *paths = NULL;
      g_autoptr(SvgInfo) info = NULL;
      cairo_surface_t *a, *b;
      double diff;

      rosette_family_set_title_layout (family, layout);
      rosette_family_set_show_subtitle (family, TRUE);
      text = rosette_design_render_svg_full (family, tier, FALSE, &error);
      g_assert_no_error (error);
      paths = rosette_design_render_svg_full (family, tier, TRUE, &error);
      g_assert_no_error (error);

      g_assert_nonnull (strstr (text, "<text"));
      g_assert_null (strstr (paths, "<text"));
      info = parse_svg (paths);
      g_assert_cmpuint (info->title->len, >, 0);
      g_assert_cmpuint (info->desc->len, >, 0);

      a = rasterize_svg (text, 256);
      b = rasterize_svg (paths, 256);
      diff = mean_difference (a, b);
      g_test_message ("text to path, layout %u: mean difference %.3f", layout, diff);
      g_assert_cmpfloat (diff, <, 1.0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

static void
test_export_tiers (void)
{
  g_autoptr(RosetteFamily) family = new_family (ROSETTE_BADGE_KIND_ONBOARDING, "Welcome Aboard");
  g_autofree char *tmp = make_temp_dir ();
  g_autoptr(GFile) directory = g_file_new_for_path (tmp);
  g_autoptr(GPtrArray) tiers = g_ptr_array_new ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  RosetteExportOptions options = { ROSETTE_EXPORT_FORMAT_PNG | ROSETTE_EXPORT_FORMAT_SVG,
                                   { 128, 256, 0 }, TRUE };
  g_autofree char *svg = NULL;
  g_autofree char *svg_path = g_build_filename (tmp, "welcome-aboard-expert.svg", NULL);

  g_ptr_array_add (tiers, rosette_family_get_tier (family, 2));
  g_assert_true (rosette_design_export_tiers (family, tiers, &options, directory, &written,
                                              NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 3);
  g_assert_true (g_file_test (svg_path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("welcome-aboard-expert-%u.png", options.sizes[i]);
      g_autofree char *path = g_build_filename (tmp, name, NULL);
      cairo_surface_t *png = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) options.sizes[i]);
      cairo_surface_destroy (png);
    }
  g_file_get_contents (svg_path, &svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (svg, "<text"));

  /* bad sizes are refused before anything is written */
  g_clear_pointer (&written, g_ptr_array_unref);
  options.sizes[1] = 4096;
  g_assert_false (rosette_design_export_tiers (family, NULL, &options, directory, &written,
                                               NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  options.sizes[1] = 128;
  g_assert_false (rosette_design_export_tiers (family, NULL, &options, directory, &written,
                                               NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);

  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/design/well-formed", test_well_formed);
  g_test_add_func ("/rosette/design/no-external-references", test_no_external_references);
  g_test_add_func ("/rosette/design/ids-prefixed", test_ids_prefixed);
  g_test_add_func ("/rosette/design/title-escaped", test_title_escaped);
  g_test_add_func ("/rosette/design/long-title-fits", test_long_title_fits);
  g_test_add_func ("/rosette/design/tiers-escalate", test_tiers_escalate);
  g_test_add_func ("/rosette/design/every-emblem-renders", test_every_emblem_renders);
  g_test_add_func ("/rosette/design/every-shape-renders", test_every_shape_renders);
  g_test_add_func ("/rosette/design/unknown-emblem", test_unknown_emblem);
  g_test_add_func ("/rosette/design/sizes", test_sizes);
  g_test_add_func ("/rosette/design/png-transparent", test_png_transparent);
  g_test_add_func ("/rosette/design/png-encoder", test_png_encoder);
  g_test_add_func ("/rosette/design/png-matches-svg", test_png_matches_svg);
  g_test_add_func ("/rosette/design/file-names", test_file_names);
  g_test_add_func ("/rosette/design/export", test_export);
  g_test_add_func ("/rosette/design/export-unwritable", test_export_unwritable);
  g_test_add_func ("/rosette/design/export-async", test_export_async);
  g_test_add_func ("/rosette/design/properties-change-svg", test_properties_change_svg);
  g_test_add_func ("/rosette/design/dark-title-on-light-ribbon", test_dark_title_on_light_ribbon);
  g_test_add_func ("/rosette/design/element-bounds", test_element_bounds);
  g_test_add_func ("/rosette/design/pick-element", test_pick_element);
  g_test_add_func ("/rosette/design/emblem-library", test_emblem_library);
  g_test_add_func ("/rosette/design/text-to-path", test_text_to_path);
  g_test_add_func ("/rosette/design/export-tiers", test_export_tiers);

  return g_test_run ();
}
