/* test-sanitize.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The imported-emblem sanitiser against hostile SVG files: each one must
 * be refused with the right error and a message that names the problem;
 * a real Inkscape file must come out clean and still draw.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <string.h>
#include <unistd.h>

#include "rosette-core.h"

typedef struct
{
  const char *file;
  int         code;
  const char *message_part;   /* a word the message must contain */
} Hostile;

static const Hostile hostile[] = {
  { "script.svg", ROSETTE_ERROR_INVALID, "script" },
  { "onload.svg", ROSETTE_ERROR_INVALID, "script" },
  { "href-http.svg", ROSETTE_ERROR_INVALID, "http://evil.example" },
  { "href-file.svg", ROSETTE_ERROR_INVALID, "file:///etc/passwd" },
  { "xlink-external.svg", ROSETTE_ERROR_INVALID, "https://evil.example" },
  { "style-url.svg", ROSETTE_ERROR_INVALID, "outside file" },
  { "javascript-uri.svg", ROSETTE_ERROR_INVALID, "script" },
  { "data-uri.svg", ROSETTE_ERROR_INVALID, "data:" },
  { "foreign-object.svg", ROSETTE_ERROR_INVALID, "foreignObject" },
  { "image.svg", ROSETTE_ERROR_INVALID, "bitmap" },
  { "style-element.svg", ROSETTE_ERROR_INVALID, "style sheet" },
  { "billion-laughs.svg", ROSETTE_ERROR_INVALID, "entities" },
  { "external-entity.svg", ROSETTE_ERROR_INVALID, "entities" },
  { "malformed.svg", ROSETTE_ERROR_PARSE, "well-formed" },
  { "empty.svg", ROSETTE_ERROR_PARSE, "empty" },
};

static char *
load (const char *name,
      gsize      *length)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "svg", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static void
test_hostile (gconstpointer user_data)
{
  const Hostile *h = user_data;
  gsize length;
  g_autofree char *data = load (h->file, &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = rosette_design_sanitize_emblem (data, length, &error);

  g_assert_null (clean);
  g_assert_error (error, ROSETTE_ERROR, h->code);
  g_test_message ("%s: %s", h->file, error->message);
  g_assert_nonnull (strstr (error->message, h->message_part));
}

/* A file drawn in Inkscape: editor metadata goes, the drawing stays,
 * ids are prefixed, the result draws with librsvg. */
static void
test_inkscape (void)
{
  gsize length;
  g_autofree char *data = load ("inkscape.svg", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = rosette_design_sanitize_emblem (data, length, &error);
  RsvgHandle *handle = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, 64, 48 };
  const guint8 *pixels;
  guint painted = 0;

  g_assert_no_error (error);
  g_assert_nonnull (clean);
  g_assert_null (strstr (clean, "sodipodi"));
  g_assert_null (strstr (clean, "inkscape"));
  g_assert_null (strstr (clean, "metadata"));
  g_assert_null (strstr (clean, "rdf"));
  g_assert_null (strstr (clean, "font-family"));   /* not a whitelisted property */
  g_assert_nonnull (strstr (clean, "viewBox=\"0 0 64 48\""));
  g_assert_nonnull (strstr (clean, "id=\"e-leaf\""));
  g_assert_nonnull (strstr (clean, "href=\"#e-leaf\""));
  g_assert_nonnull (strstr (clean, "url(#e-lg)"));

  /* sanitising twice changes nothing but the prefixes: it is stable */
  {
    g_autofree char *again = rosette_design_sanitize_emblem (clean, strlen (clean), &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (again, "id=\"e-e-leaf\""));
  }

  handle = rsvg_handle_new_from_data ((const guint8 *) clean, strlen (clean), &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < 48; y++)
    for (int x = 0; x < 64; x++)
      if (pixels[y * cairo_image_surface_get_stride (surface) + x * 4 + 3] > 0)
        painted++;
  /* the leaf covers a good part of the box */
  g_assert_cmpuint (painted, >, 64 * 48 / 5);
  cairo_surface_destroy (surface);
}

/* The sanitised emblem on a badge: the family renders, with the drawing */
static void
test_custom_emblem_renders (void)
{
  gsize length;
  g_autofree char *data = load ("inkscape.svg", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = rosette_design_sanitize_emblem (data, length, &error);
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_TECHNICAL,
                                                                     NULL);
  RosetteTier *tier = rosette_family_get_tier (family, 0);
  g_autofree char *svg = NULL;

  g_assert_no_error (error);
  rosette_family_set_custom_emblem (family, clean);
  rosette_family_set_emblem (family, ROSETTE_FAMILY_CUSTOM_EMBLEM);
  g_assert_cmpstr (rosette_family_get_emblem (family), ==, ROSETTE_FAMILY_CUSTOM_EMBLEM);
  svg = rosette_design_render_svg (family, tier, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "-em-e-leaf\""));
  g_assert_null (strstr (svg, "sodipodi"));
}

/* 100000 levels are over the size bound already; 5000 fit in it and
 * are refused on their depth */
static void
test_deep_nesting (void)
{
  const guint depths[] = { 100000, 5000 };

  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      g_autoptr(GString) s = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                           "viewBox=\"0 0 48 48\">");
      g_autoptr(GError) error = NULL;
      g_autofree char *clean = NULL;

      for (guint i = 0; i < depths[d]; i++)
        g_string_append (s, "<g>");
      for (guint i = 0; i < depths[d]; i++)
        g_string_append (s, "</g>");
      g_string_append (s, "</svg>");

      clean = rosette_design_sanitize_emblem (s->str, s->len, &error);
      g_assert_null (clean);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
      g_test_message ("%u levels: %s", depths[d], error->message);
      if (s->len < 512 * 1024)
        g_assert_nonnull (strstr (error->message, "nested"));
    }
}

static void
test_many_elements (void)
{
  g_autoptr(GString) s = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                       "viewBox=\"0 0 48 48\">");
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (s, "<g/>");
  g_string_append (s, "</svg>");

  clean = rosette_design_sanitize_emblem (s->str, s->len, &error);
  g_assert_null (clean);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
}

/* 100 MB, written sparse at test time: refused on its size, before any
 * parsing, whether it is read with the bounded loader or handed over
 * whole (mapped, so the test does not need the memory either). */
static void
test_huge_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-sanitize-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *clean = NULL;
  const char *head = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\">";
  const gsize size = 100 * 1024 * 1024;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.svg", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, (off_t) size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  file = g_file_new_for_path (path);
  bytes = rosette_load_file_bounded (file, 512 * 1024, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_mapped_file_get_length (mapped), ==, size);
  clean = rosette_design_sanitize_emblem (g_mapped_file_get_contents (mapped), size, &error);
  g_assert_null (clean);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "512.0\u00a0KiB"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Within the bound, a plain emblem with a gradient and a clip passes */
static void
test_plain_shapes_pass (void)
{
  const char *svg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"32\">"
    "<defs><clipPath id=\"c\"><rect width=\"24\" height=\"32\"/></clipPath>"
    "<radialGradient id=\"r\"><stop offset=\"0\" stop-color=\"#fff\"/></radialGradient></defs>"
    "<ellipse cx=\"24\" cy=\"16\" rx=\"20\" ry=\"12\" fill=\"url(#r)\" clip-path=\"url(#c)\"/>"
    "<polygon points=\"0,0 10,0 5,8\" class=\"x\" data-foo=\"1\"/>"
    "<text x=\"1\" y=\"1\">dropped</text></svg>";
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = rosette_design_sanitize_emblem (svg, strlen (svg), &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (clean, "viewBox=\"0 0 48 32\""));
  g_assert_nonnull (strstr (clean, "clip-path=\"url(#e-c)\""));
  g_assert_nonnull (strstr (clean, "<polygon points=\"0,0 10,0 5,8\"></polygon>"));
  g_assert_null (strstr (clean, "dropped"));
  g_assert_null (strstr (clean, "class"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *name = g_strndup (hostile[i].file, strlen (hostile[i].file) - 4);
      g_autofree char *test_path = g_strdup_printf ("/rosette/sanitize/hostile/%s", name);

      g_test_add_data_func (test_path, &hostile[i], test_hostile);
    }
  g_test_add_func ("/rosette/sanitize/deep-nesting", test_deep_nesting);
  g_test_add_func ("/rosette/sanitize/many-elements", test_many_elements);
  g_test_add_func ("/rosette/sanitize/huge-file", test_huge_file);
  g_test_add_func ("/rosette/sanitize/inkscape", test_inkscape);
  g_test_add_func ("/rosette/sanitize/plain-shapes", test_plain_shapes_pass);
  g_test_add_func ("/rosette/sanitize/custom-emblem-renders", test_custom_emblem_renders);

  return g_test_run ();
}
