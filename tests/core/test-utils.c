/* test-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"

static void
test_slugify (void)
{
  static const struct {
    const char *text;
    const char *slug;
  } cases[] = {
    { "Data Privacy", "data-privacy" },
    { "Über Expert!", "uber-expert" },
    { "  Leading -- Teams  ", "leading-teams" },
    { "Level 3", "level-3" },
    { "Ça va", "ca-va" },
    { "", "badge" },
    { "!!!", "badge" },
    { "日本語", "badge" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = rosette_slugify (cases[i].text);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static void
test_slugify_long (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *slug = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (name, "Word ");

  slug = rosette_slugify (name->str);

  g_assert_cmpuint (strlen (slug), <=, 64);
  g_assert_true (g_str_has_prefix (slug, "word-word-"));
  g_assert_false (g_str_has_suffix (slug, "-"));
}

static GFile *
write_temp_file (const char *dir,
                 const char *basename,
                 gsize       size)
{
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autofree char *data = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;

  memset (data, 'x', size);
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_load_bounded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-test-XXXXXX", &error);
  const gsize limit = 200 * 1024;
  static const struct {
    const char *name;
    gssize delta;
    gboolean ok;
  } cases[] = {
    { "under", -1, TRUE },
    { "exact", 0, TRUE },
    { "over", 1, FALSE },
    { "far-over", 1024 * 1024, FALSE },
  };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize size = limit + cases[i].delta;
      g_autoptr(GFile) file = write_temp_file (dir, cases[i].name, size);
      g_autoptr(GBytes) bytes = NULL;

      bytes = rosette_load_file_bounded (file, limit, NULL, &error);

      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (bytes);
          g_assert_cmpuint (g_bytes_get_size (bytes), ==, size);
          g_assert_cmpint (((const char *) g_bytes_get_data (bytes, NULL))[size - 1], ==, 'x');
        }
      else
        {
          g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
          g_assert_null (bytes);
          g_assert_nonnull (strstr (error->message, cases[i].name));
          g_clear_error (&error);
        }

      g_file_delete (file, NULL, NULL);
    }

  g_rmdir (dir);
}

static void
test_load_bounded_empty_and_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-test-XXXXXX", &error);
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);

  empty = write_temp_file (dir, "empty", 0);
  bytes = rosette_load_file_bounded (empty, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A zero limit still accepts an empty file and refuses one byte. */
  bytes = rosette_load_file_bounded (empty, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_file_delete (empty, NULL, NULL);

  missing = g_file_new_build_filename (dir, "missing", NULL);
  bytes = rosette_load_file_bounded (missing, 10, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_rmdir (dir);
}

static char *
nested (guint       depth,
        const char *inner)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, i % 2 ? "{\"a\":" : "[");
  g_string_append (s, inner);
  for (guint i = depth; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "}" : "]");

  return g_string_free (s, FALSE);
}

static void
test_json_depth (void)
{
  g_autofree char *at_limit = nested (32, "1");
  g_autofree char *over_limit = nested (33, "1");
  g_autofree char *very_deep = nested (100000, "1");
  /* Brackets inside strings, with escaped quotes, are not nesting. */
  const char *brackets_in_string = "{\"a\": \"[[[[{{{{\\\"[[[[\", \"b\": [1, \"]]]]\"]}";
  const char *escaped_backslash = "[\"\\\\\", [[[1]]]]";

  g_assert_true (rosette_json_depth_ok (at_limit, strlen (at_limit), 32));
  g_assert_false (rosette_json_depth_ok (over_limit, strlen (over_limit), 32));
  g_assert_false (rosette_json_depth_ok (very_deep, strlen (very_deep), 32));
  g_assert_true (rosette_json_depth_ok (very_deep, strlen (very_deep), 100000));

  g_assert_true (rosette_json_depth_ok (brackets_in_string, strlen (brackets_in_string), 2));
  g_assert_false (rosette_json_depth_ok (brackets_in_string, strlen (brackets_in_string), 1));

  /* "\\" ends the string; the brackets after it count. */
  g_assert_true (rosette_json_depth_ok (escaped_backslash, strlen (escaped_backslash), 4));
  g_assert_false (rosette_json_depth_ok (escaped_backslash, strlen (escaped_backslash), 3));

  /* Only the given length is looked at. */
  g_assert_true (rosette_json_depth_ok (over_limit, 32, 32));
  g_assert_true (rosette_json_depth_ok ("", 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/utils/slugify", test_slugify);
  g_test_add_func ("/rosette/utils/slugify-long", test_slugify_long);
  g_test_add_func ("/rosette/utils/load-bounded", test_load_bounded);
  g_test_add_func ("/rosette/utils/load-bounded-empty-and-missing",
                   test_load_bounded_empty_and_missing);
  g_test_add_func ("/rosette/utils/json-depth", test_json_depth);

  return g_test_run ();
}
