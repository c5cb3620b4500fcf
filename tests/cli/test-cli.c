/* test-cli.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rosette-cli as a user or a script meets it: the built binary is run
 * through GSubprocess, and each case checks the exit code, what it printed
 * and the files it wrote. Every error must be one line on stderr with
 * exit code 2, never a crash or a GLib warning.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#define ROSETTE_TEST_CLI_PLAIN
#include "rosette-test-cli.h"

static const char * const kinds[] = {
  "compliance", "leadership", "technical", "onboarding", "recognition", "service",
};

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rosette-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* A family made the way a user would, for the render tests. */
static char *
make_family (Fixture    *fixture,
             const char *kind,
             const char *name)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *file_name = g_strdup_printf ("%s.rosette", kind);
  char *path = fixture_path (fixture, file_name);

  run_cli (&run, "family", "new", "--kind", kind, "--name", name, "-o", path);
  assert_success (&run);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted, joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* A PNG as a viewer would check it: the signature, an IHDR chunk first,
 * and the width and height asked for.
 */
static void
assert_png (const char *path,
            guint       size)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  const guchar *bytes;
  guint32 width, height;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 33);

  bytes = (const guchar *) data;
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (bytes + 12, 4, "IHDR", 4);
  width = (guint32) bytes[16] << 24 | (guint32) bytes[17] << 16 |
          (guint32) bytes[18] << 8 | bytes[19];
  height = (guint32) bytes[20] << 24 | (guint32) bytes[21] << 16 |
           (guint32) bytes[22] << 8 | bytes[23];
  g_assert_cmpuint (width, ==, size);
  g_assert_cmpuint (height, ==, size);
}

static void
assert_svg (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "viewBox"));
}

/* --- global options --- */

static void
test_version (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--version");
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "rosette-cli " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--help");
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Usage:"));
  g_assert_nonnull (strstr (run.out, "  family "));
  g_assert_nonnull (strstr (run.out, "  render "));
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "--quiet"));
  g_assert_nonnull (strstr (run.out, "rosette-cli COMMAND --help"));
}

static void
test_command_help (void)
{
  const char * const commands[][3] = {
    { "family", "--help", NULL },
    { "family", "new", "--help" },
    { "family", "show", "--help" },
    { "render", "--help", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliRun) run = { 0 };
      g_autofree char *usage = NULL;

      run_cliv (&run, commands[i]);
      assert_success (&run);

      /* "Usage:" then "rosette-cli family new [OPTION…]" */
      usage = g_strdup_printf ("rosette-cli %s", commands[i][0]);
      g_assert_nonnull (strstr (run.out, "Usage:"));
      g_assert_nonnull (strstr (run.out, usage));
    }
}

static void
test_family_help_lists_commands (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "family", "--help");
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "  new "));
  g_assert_nonnull (strstr (run.out, "  show "));
  g_assert_nonnull (strstr (run.out, "  set "));
}

static void
test_render_help_lists_options (void)
{
  const char * const options[] = {
    "--tier", "--format", "--size", "--text-to-path", "--output",
  };
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "render", "--help");
  assert_success (&run);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (run.out, options[i]));
}

static void
test_no_command (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--quiet");
  assert_error (&run, 2);
}

static void
test_unknown_command (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "frobnicate");
  assert_error (&run, 2);
  g_assert_cmpstr (run.err, ==,
                   "rosette-cli: unknown command “frobnicate”. "
                   "Run “rosette-cli --help” to see the commands.\n");
}

static void
test_unknown_subcommand (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "family", "frobnicate");
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_nonnull (strstr (run.err, "rosette-cli family --help"));
}

static void
test_unknown_option (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "render", "--bogus");
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "--bogus"));
}

/* --- family new / show --- */

static void
test_family_new_show (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *kind = data;
  g_autofree char *path = fixture_path (fixture, "family.rosette");
  g_autofree char *kind_line = g_strdup_printf ("Kind: %s\n", kind);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *tiers;
  g_auto(CliRun) created = { 0 };
  g_auto(CliRun) shown = { 0 };
  g_auto(CliRun) json = { 0 };
  g_autofree char *expected_out = NULL;

  run_cli (&created, "family", "new", "--kind", kind, "--name", "Data Privacy", "-o", path);
  assert_success (&created);
  expected_out = g_strdup_printf ("%s\n", path);
  g_assert_cmpstr (created.out, ==, expected_out);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run_cli (&shown, "family", "show", path);
  assert_success (&shown);
  g_assert_nonnull (strstr (shown.out, "Name: Data Privacy\n"));
  g_assert_nonnull (strstr (shown.out, kind_line));
  g_assert_nonnull (strstr (shown.out, "3 tiers:\n"));
  g_assert_nonnull (strstr (shown.out, "1. Foundation: "));
  g_assert_nonnull (strstr (shown.out, "2. Practitioner: "));
  g_assert_nonnull (strstr (shown.out, "3. Expert: "));

  run_cli (&json, "--json", "family", "show", path);
  assert_success (&json);
  root = parse_json (json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Data Privacy");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, kind);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, path);
  tiers = json_object_get_array_member (object, "tiers");
  g_assert_cmpuint (json_array_get_length (tiers), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tiers, 2),
                                                  "name"), ==, "Expert");
  /* The tiers differ: each one a step up the metal ramp. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tiers, 0),
                                                  "metal"), !=,
                   json_object_get_string_member (json_array_get_object_element (tiers, 2),
                                                  "metal"));
}

static void
test_family_new_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "json.rosette");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *tiers;
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--json", "family", "new", "--kind", "Technical", "--name", "Rust Guild",
           "-o", path);
  assert_success (&run);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Rust Guild");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "technical");
  tiers = json_object_get_array_member (object, "tiers");
  g_assert_cmpuint (json_array_get_length (tiers), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (tiers, 0), ==, "Foundation");
  g_assert_cmpstr (json_array_get_string_element (tiers, 1), ==, "Practitioner");
  g_assert_cmpstr (json_array_get_string_element (tiers, 2), ==, "Expert");
}

static void
test_family_new_quiet (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "quiet.rosette");
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--quiet", "family", "new", "--kind", "service", "--name", "Ten Years",
           "-o", path);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_family_new_unknown_kind (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "x.rosette");
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "family", "new", "--kind", "wizardry", "--name", "X", "-o", path);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "wizardry"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_nonnull (strstr (run.err, kinds[i]));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_family_new_missing_option (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "x.rosette");
  g_auto(CliRun) no_kind = { 0 };
  g_auto(CliRun) no_name = { 0 };
  g_auto(CliRun) no_output = { 0 };
  g_auto(CliRun) empty_output = { 0 };
  g_auto(CliRun) empty_name = { 0 };
  g_auto(CliRun) line_break = { 0 };
  g_auto(CliRun) not_utf8 = { 0 };
  g_auto(CliRun) stray = { 0 };

  run_cli (&no_kind, "family", "new", "--name", "X", "-o", path);
  assert_error (&no_kind, 2);
  g_assert_nonnull (strstr (no_kind.err, "--kind"));

  run_cli (&no_name, "family", "new", "--kind", "leadership", "-o", path);
  assert_error (&no_name, 2);
  g_assert_nonnull (strstr (no_name.err, "--name"));

  run_cli (&no_output, "family", "new", "--kind", "leadership", "--name", "X");
  assert_error (&no_output, 2);
  g_assert_nonnull (strstr (no_output.err, "-o"));

  run_cli (&empty_output, "family", "new", "--kind", "leadership", "--name", "X", "-o", "");
  assert_error (&empty_output, 2);
  g_assert_nonnull (strstr (empty_output.err, "-o"));

  run_cli (&empty_name, "family", "new", "--kind", "leadership", "--name", "  ", "-o", path);
  assert_error (&empty_name, 2);

  run_cli (&line_break, "family", "new", "--kind", "leadership", "--name", "Two\nLines",
           "-o", path);
  assert_error (&line_break, 2);

  run_cli (&not_utf8, "family", "new", "--kind", "leadership", "--name", "\xff\xfe", "-o", path);
  assert_error (&not_utf8, 2);

  run_cli (&stray, "family", "new", "--kind", "leadership", "--name", "X", "-o", path, "extra");
  assert_error (&stray, 2);
  g_assert_nonnull (strstr (stray.err, "extra"));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_family_new_name_length (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *longest = g_strnfill (120, 'a');
  g_autofree char *too_long = g_strnfill (121, 'a');
  g_autofree char *ok_path = fixture_path (fixture, "ok.rosette");
  g_autofree char *bad_path = fixture_path (fixture, "bad.rosette");
  g_auto(CliRun) ok = { 0 };
  g_auto(CliRun) bad = { 0 };

  run_cli (&ok, "family", "new", "--kind", "recognition", "--name", longest, "-o", ok_path);
  assert_success (&ok);

  run_cli (&bad, "family", "new", "--kind", "recognition", "--name", too_long, "-o", bad_path);
  assert_error (&bad, 2);
  g_assert_nonnull (strstr (bad.err, "120"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static void
test_family_new_exists (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "taken.rosette");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *forced = NULL;
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };
  g_auto(CliRun) third = { 0 };

  run_cli (&first, "family", "new", "--kind", "onboarding", "--name", "First", "-o", path);
  assert_success (&first);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  run_cli (&second, "family", "new", "--kind", "onboarding", "--name", "Second", "-o", path);
  assert_error (&second, 2);
  g_assert_nonnull (strstr (second.err, "already exists"));
  g_assert_nonnull (strstr (second.err, "--force"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  run_cli (&third, "family", "new", "--force", "--kind", "onboarding", "--name", "Second",
           "-o", path);
  assert_success (&third);
  g_assert_true (g_file_get_contents (path, &forced, NULL, NULL));
  g_assert_cmpstr (before, !=, forced);
  g_assert_nonnull (strstr (forced, "Second"));
}

static void
test_family_new_unwritable (Fixture       *fixture,
                            gconstpointer  data)
{
  /* Root ignores file modes, so make the parent a regular file instead. */
  g_autofree char *blocker = write_file (fixture, "file.txt", "not a folder", -1);
  g_autofree char *path = g_build_filename (blocker, "x.rosette", NULL);
  g_autofree char *folder = fixture_path (fixture, "folder");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) dir = { 0 };

  run_cli (&run, "family", "new", "--kind", "service", "--name", "X", "-o", path);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "x.rosette"));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  run_cli (&dir, "family", "new", "--kind", "service", "--name", "X", "-o", folder);
  assert_error (&dir, 2);
  g_assert_nonnull (strstr (dir.err, "folder"));
}

static void
test_family_show_errors (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *missing = fixture_path (fixture, "missing.rosette");
  g_autofree char *bad = write_file (fixture, "bad.rosette", "{ \"name\": ", -1);
  g_auto(CliRun) no_file = { 0 };
  g_auto(CliRun) not_found = { 0 };
  g_auto(CliRun) bad_json = { 0 };

  run_cli (&no_file, "family", "show");
  assert_error (&no_file, 2);

  run_cli (&not_found, "family", "show", missing);
  assert_error (&not_found, 2);
  g_assert_nonnull (strstr (not_found.err, "missing.rosette"));

  run_cli (&bad_json, "family", "show", bad);
  assert_error (&bad_json, 2);
  g_assert_nonnull (strstr (bad_json.err, "bad.rosette"));
}

/* --- render --- */

static void
test_render_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "compliance", "Data Privacy");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *listing = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const tiers[] = { "foundation", "practitioner", "expert" };
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "render", family, "--size", "200", "-o", out);
  assert_success (&run);

  listing = list_dir (out);
  g_assert_cmpstr (listing, ==,
                   "data-privacy-expert.png data-privacy-expert.svg "
                   "data-privacy-foundation.png data-privacy-foundation.svg "
                   "data-privacy-practitioner.png data-privacy-practitioner.svg");

  /* One written file per line, each one that exists. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[6], ==, "");
  for (guint i = 0; i < 6; i++)
    g_assert_true (g_file_test (lines[i], G_FILE_TEST_IS_REGULAR));

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autofree char *png_name = g_strdup_printf ("data-privacy-%s.png", tiers[i]);
      g_autofree char *svg_name = g_strdup_printf ("data-privacy-%s.svg", tiers[i]);
      g_autofree char *png = g_build_filename (out, png_name, NULL);
      g_autofree char *svg = g_build_filename (out, svg_name, NULL);

      assert_png (png, 200);
      assert_svg (svg);
    }
}

static void
test_render_default_size (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "leadership", "Team Lead");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *png = g_build_filename (out, "team-lead-foundation.png", NULL);
  g_autofree char *listing = NULL;
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "render", family, "--tier", "Foundation", "--format", "png", "-o", out);
  assert_success (&run);
  listing = list_dir (out);
  g_assert_cmpstr (listing, ==, "team-lead-foundation.png");
  assert_png (png, 512);
}

static void
test_render_one_tier (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "technical", "Cloud Skills");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *svg_out = fixture_path (fixture, "svg");
  g_autofree char *listing = NULL;
  g_autofree char *svg_listing = NULL;
  g_autofree char *png = g_build_filename (out, "cloud-skills-expert.png", NULL);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) svg = { 0 };

  /* Tier names in any case; format names too. */
  run_cli (&run, "render", family, "--tier", "EXPERT", "--format", "PNG", "--size", "64",
           "-o", out);
  assert_success (&run);
  listing = list_dir (out);
  g_assert_cmpstr (listing, ==, "cloud-skills-expert.png");
  assert_png (png, 64);

  run_cli (&svg, "render", family, "--tier", "All", "--format", "svg", "-o", svg_out);
  assert_success (&svg);
  svg_listing = list_dir (svg_out);
  g_assert_cmpstr (svg_listing, ==,
                   "cloud-skills-expert.svg cloud-skills-foundation.svg "
                   "cloud-skills-practitioner.svg");
}

static void
test_render_json_quiet (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "recognition", "Kudos");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *files;
  g_auto(CliRun) json = { 0 };
  g_auto(CliRun) quiet = { 0 };

  run_cli (&json, "--json", "render", family, "--size", "64", "-o", out);
  assert_success (&json);
  root = parse_json (json.out);
  files = json_object_get_array_member (json_node_get_object (root), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_true (g_file_test (json_array_get_string_element (files, i),
                                G_FILE_TEST_IS_REGULAR));

  /* Rendering again replaces the files and, quiet, says nothing. */
  run_cli (&quiet, "--quiet", "render", family, "--size", "64", "-o", out);
  assert_success (&quiet);
  g_assert_cmpstr (quiet.out, ==, "");
}

static void
test_render_bad_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *bad = write_file (fixture, "broken.rosette", "{ this is not json", -1);
  g_autofree char *array = write_file (fixture, "array.rosette", "[1, 2, 3]", -1);
  g_autofree char *empty = write_file (fixture, "empty.rosette", "", 0);
  g_autofree char *out = fixture_path (fixture, "out");
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) not_family = { 0 };
  g_auto(CliRun) empty_run = { 0 };

  run_cli (&run, "render", bad, "-o", out);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "broken.rosette"));

  run_cli (&not_family, "render", array, "-o", out);
  assert_error (&not_family, 2);
  g_assert_nonnull (strstr (not_family.err, "array.rosette"));

  run_cli (&empty_run, "render", empty, "-o", out);
  assert_error (&empty_run, 2);
  g_assert_nonnull (strstr (empty_run.err, "empty.rosette"));

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_render_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "service", "Long Service");
  g_autofree char *contents = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *out = fixture_path (fixture, "out");
  gsize length = 0;
  g_auto(CliRun) run = { 0 };

  g_assert_true (g_file_get_contents (family, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20);
  truncated = write_file (fixture, "truncated.rosette", contents, length / 2);

  run_cli (&run, "render", truncated, "-o", out);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "truncated.rosette"));
}

static void
test_render_unknown_tier (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "onboarding", "Welcome");
  g_autofree char *out = fixture_path (fixture, "out");
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "render", family, "--tier", "Grandmaster", "-o", out);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "Grandmaster"));
  g_assert_nonnull (strstr (run.err, "Foundation"));
  g_assert_nonnull (strstr (run.err, "Practitioner"));
  g_assert_nonnull (strstr (run.err, "Expert"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_render_bad_options (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "compliance", "Safety");
  g_autofree char *out = fixture_path (fixture, "out");
  const char * const sizes[] = { "10", "63", "2049", "5000", "-512", "abc" };
  g_auto(CliRun) format = { 0 };
  g_auto(CliRun) empty_format = { 0 };
  g_auto(CliRun) no_output = { 0 };
  g_auto(CliRun) empty_output = { 0 };
  g_auto(CliRun) no_file = { 0 };
  g_auto(CliRun) text_to_path = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, "render", family, "--size", sizes[i], "-o", out);
      assert_error (&run, 2);
      g_assert_nonnull (strstr (run.err, "--size"));
    }

  run_cli (&format, "render", family, "--format", "png,jpg", "-o", out);
  assert_error (&format, 2);
  g_assert_nonnull (strstr (format.err, "jpg"));

  run_cli (&empty_format, "render", family, "--format", "", "-o", out);
  assert_error (&empty_format, 2);
  g_assert_nonnull (strstr (empty_format.err, "--format"));

  run_cli (&no_output, "render", family);
  assert_error (&no_output, 2);
  g_assert_nonnull (strstr (no_output.err, "-o"));

  /* An empty folder name must not mean "here". */
  run_cli (&empty_output, "render", family, "-o", "");
  assert_error (&empty_output, 2);
  g_assert_nonnull (strstr (empty_output.err, "-o"));

  run_cli (&no_file, "render", "-o", out);
  assert_error (&no_file, 2);

  run_cli (&text_to_path, "render", family, "--format", "png", "--text-to-path", "-o", out);
  assert_error (&text_to_path, 2);
  g_assert_nonnull (strstr (text_to_path.err, "--text-to-path"));

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_render_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "technical", "Kernel");
  /* Root ignores file modes: a folder below a regular file cannot exist. */
  g_autofree char *blocker = write_file (fixture, "file.txt", "not a folder", -1);
  g_autofree char *below = g_build_filename (blocker, "out", NULL);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) onto_file = { 0 };

  run_cli (&run, "render", family, "-o", below);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "file.txt"));

  run_cli (&onto_file, "render", family, "-o", blocker);
  assert_error (&onto_file, 2);
  g_assert_nonnull (strstr (onto_file.err, "not a folder"));
}

/* --- render: several sizes and tiers, text to path (issue 3) --- */

static void
test_render_sizes_tiers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "compliance", "Data Privacy");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *listing = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *svg = NULL;
  g_auto(CliRun) run = { 0 };
  const guint sizes[] = { 128, 256 };

  run_cli (&run, "render", family, "--tier", "expert, Foundation", "--size", "128,256",
           "--text-to-path", "-o", out);
  assert_success (&run);

  listing = list_dir (out);
  g_assert_cmpstr (listing, ==,
                   "data-privacy-expert-128.png data-privacy-expert-256.png "
                   "data-privacy-expert.svg "
                   "data-privacy-foundation-128.png data-privacy-foundation-256.png "
                   "data-privacy-foundation.svg");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("data-privacy-expert-%u.png", sizes[i]);
      g_autofree char *png = g_build_filename (out, name, NULL);

      assert_png (png, sizes[i]);
    }

  /* the SVG has outlines, not text, and is still a standalone SVG */
  svg_path = g_build_filename (out, "data-privacy-expert.svg", NULL);
  assert_svg (svg_path);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_null (strstr (svg, "<text"));
  g_assert_nonnull (strstr (svg, "<title"));
}

static void
test_render_bad_lists (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "compliance", "Safety");
  g_autofree char *out = fixture_path (fixture, "out");
  const char * const sizes[] = { "128,", "128,128", "128,4096", ",", "128;512" };
  g_auto(CliRun) tier = { 0 };
  g_auto(CliRun) png_only = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, "render", family, "--size", sizes[i], "-o", out);
      assert_error (&run, 2);
      g_assert_nonnull (strstr (run.err, "--size"));
    }

  run_cli (&tier, "render", family, "--tier", "expert,grandmaster", "-o", out);
  assert_error (&tier, 2);
  g_assert_nonnull (strstr (tier.err, "grandmaster"));

  /* text to path only changes SVG files */
  run_cli (&png_only, "render", family, "--format", "png", "--text-to-path", "-o", out);
  assert_error (&png_only, 2);
  g_assert_nonnull (strstr (png_only.err, "--text-to-path"));

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* `family set`: scripted edits show up in `family show`. */
static void
test_family_set (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "compliance", "Data Privacy");
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) json = { 0 };
  g_auto(CliRun) text = { 0 };
  JsonObject *object;
  JsonObject *emblem;
  JsonArray *tiers;
  const char * const edits[][2] = {
    { "palette", "navy-gold" },
    { "tiers", "Bronze, Silver, Gold, Platinum" },
    { "tier.2.stars", "5" },
    { "tier.gold.field-color", "#7A1F2B" },
    { "emblem.dx", "12.5" },
    { "font", "Cantarell" },
    { "font-weight", "bold" },
    { "show-subtitle", "true" },
    { "title", "Privacy First" },
    { "shape", "hexagon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_auto(CliRun) run = { 0 };
      g_autofree char *expected = g_strdup_printf ("%s\n", family);

      run_cli (&run, "family", "set", family, edits[i][0], edits[i][1]);
      assert_success (&run);
      g_assert_cmpstr (run.out, ==, expected);
    }

  run_cli (&json, "--json", "family", "show", family);
  assert_success (&json);
  root = parse_json (json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "field_color"), ==, "#1b2b4b");
  g_assert_cmpstr (json_object_get_string_member (object, "ribbon_color"), ==, "#7a5a12");
  g_assert_cmpstr (json_object_get_string_member (object, "emblem_color"), ==, "#f2c94c");
  g_assert_cmpstr (json_object_get_string_member (object, "font"), ==, "Cantarell");
  g_assert_cmpint (json_object_get_int_member (object, "font_weight"), ==, 700);
  g_assert_true (json_object_get_boolean_member (object, "show_subtitle"));
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Privacy First");
  g_assert_cmpstr (json_object_get_string_member (object, "shape"), ==, "hexagon");
  emblem = json_object_get_object_member (json_object_get_object_member (object, "placements"),
                                          "emblem");
  g_assert_cmpfloat (json_object_get_double_member (emblem, "dx"), ==, 12.5);

  tiers = json_object_get_array_member (object, "tiers");
  g_assert_cmpuint (json_array_get_length (tiers), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tiers, 3),
                                                  "name"), ==, "Platinum");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tiers, 1),
                                               "stars"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tiers, 2),
                                                  "field_color"), ==, "#7a1f2b");

  run_cli (&text, "family", "show", family);
  assert_success (&text);
  g_assert_nonnull (strstr (text.out, "Ribbon colour: #7a5a12\n"));
  g_assert_nonnull (strstr (text.out, "Font: Cantarell, 700\n"));
  g_assert_nonnull (strstr (text.out, "4 tiers:\n"));
  g_assert_nonnull (strstr (text.out, "3. Gold: gold, 3 stars, ring beaded, ornament wreath, "
                                      "field #7a1f2b\n"));
}

/* A failed set says why, exits 2 and leaves the file byte for byte. */
static void
test_family_set_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "technical", "Cloud Engineering");
  g_autofree char *before = NULL;
  g_autofree char *not_family = write_file (fixture, "notes.rosette", "hello", -1);
  g_autoptr(GError) error = NULL;
  gsize before_length;
  const struct {
    const char *key;
    const char *value;
    const char *message;
  } cases[] = {
    { "colour", "#ff0000", "Unknown key “colour”; the keys are: name, title," },
    { "tier.2.stars", "many", "“stars” must be a whole number from 0 to 6; found “many”" },
    { "tier.7.stars", "1", "no tier “7”" },
    { "palette", "rainbow", "“palette” must be one of royal-blue" },
    { "field-color", "red", "#rrggbb" },
    { "tiers", "A,B,C,D,E,F,G", "1 to 6" },
    { "emblem", "no-such-emblem", "There is no emblem “no-such-emblem”" },
    { "title-size", "huge", "“auto” or a number from 12 to 64" },
    { "emblem.scale", "3", "from 0.5 to 2" },
  };

  g_file_get_contents (family, &before, &before_length, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };
      g_autofree char *after = NULL;
      gsize after_length;

      run_cli (&run, "family", "set", family, cases[i].key, cases[i].value);
      assert_error (&run, 2);
      g_assert_nonnull (strstr (run.err, cases[i].message));

      g_file_get_contents (family, &after, &after_length, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (before, before_length, after, after_length);
    }

  /* Usage mistakes. */
  {
    g_auto(CliRun) missing = { 0 };
    g_auto(CliRun) extra = { 0 };
    g_auto(CliRun) broken = { 0 };
    g_auto(CliRun) help = { 0 };

    run_cli (&missing, "family", "set", family, "title");
    assert_error (&missing, 2);
    g_assert_nonnull (strstr (missing.err, "KEY VALUE"));

    run_cli (&extra, "family", "set", family, "title", "A", "B");
    assert_error (&extra, 2);

    run_cli (&broken, "family", "set", not_family, "title", "A");
    assert_error (&broken, 2);

    /* --help documents every key. */
    run_cli (&help, "family", "set", "--help");
    assert_success (&help);
    for (const char * const *k = (const char * const[]) { "palette", "tiers",
                                                        "tier.<tier>.stars",
                                                        "<element>.dx", "emblem-file",
                                                        NULL };
         *k != NULL; k++)
      g_assert_nonnull (strstr (help.out, *k));
  }
}

/* emblem-file imports an SVG through the sanitiser. */
static void
test_family_set_emblem_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *family = make_family (fixture, "recognition", "Team Spirit");
  g_autofree char *svg = write_file (fixture, "star.svg",
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                     "viewBox=\"0 0 24 24\"><path d=\"M12 2l3 7h7l-6 4 "
                                     "2 7-6-4-6 4 2-7-6-4h7z\"/></svg>", -1);
  g_autofree char *huge_text = g_strnfill (2 * 1024 * 1024, ' ');
  g_autofree char *huge = write_file (fixture, "huge.svg", huge_text, -1);
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) json = { 0 };
  g_auto(CliRun) too_big = { 0 };
  JsonObject *object;

  run_cli (&run, "family", "set", family, "emblem-file", svg);
  assert_success (&run);

  run_cli (&json, "--json", "family", "show", family);
  assert_success (&json);
  root = parse_json (json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "emblem"), ==, "custom");
  g_assert_true (json_object_get_boolean_member (object, "custom_emblem"));

  run_cli (&too_big, "family", "set", family, "emblem-file", huge);
  assert_error (&too_big, 2);
}

static void
add_fixture_test (const char     *path,
                  gconstpointer   data,
                  void          (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/cli/version", test_version);
  g_test_add_func ("/rosette/cli/help", test_help);
  g_test_add_func ("/rosette/cli/command-help", test_command_help);
  g_test_add_func ("/rosette/cli/family-help", test_family_help_lists_commands);
  g_test_add_func ("/rosette/cli/render-help", test_render_help_lists_options);
  g_test_add_func ("/rosette/cli/no-command", test_no_command);
  g_test_add_func ("/rosette/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/rosette/cli/unknown-subcommand", test_unknown_subcommand);
  g_test_add_func ("/rosette/cli/unknown-option", test_unknown_option);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rosette/cli/family-new-show/%s", kinds[i]);

      add_fixture_test (path, kinds[i], test_family_new_show);
    }
  add_fixture_test ("/rosette/cli/family-new/json", NULL, test_family_new_json);
  add_fixture_test ("/rosette/cli/family-new/quiet", NULL, test_family_new_quiet);
  add_fixture_test ("/rosette/cli/family-new/unknown-kind", NULL, test_family_new_unknown_kind);
  add_fixture_test ("/rosette/cli/family-new/missing-option", NULL,
                    test_family_new_missing_option);
  add_fixture_test ("/rosette/cli/family-new/name-length", NULL, test_family_new_name_length);
  add_fixture_test ("/rosette/cli/family-new/exists", NULL, test_family_new_exists);
  add_fixture_test ("/rosette/cli/family-new/unwritable", NULL, test_family_new_unwritable);
  add_fixture_test ("/rosette/cli/family-show/errors", NULL, test_family_show_errors);

  add_fixture_test ("/rosette/cli/render/all", NULL, test_render_all);
  add_fixture_test ("/rosette/cli/render/default-size", NULL, test_render_default_size);
  add_fixture_test ("/rosette/cli/render/one-tier", NULL, test_render_one_tier);
  add_fixture_test ("/rosette/cli/render/json-quiet", NULL, test_render_json_quiet);
  add_fixture_test ("/rosette/cli/render/bad-json", NULL, test_render_bad_json);
  add_fixture_test ("/rosette/cli/render/truncated", NULL, test_render_truncated);
  add_fixture_test ("/rosette/cli/render/unknown-tier", NULL, test_render_unknown_tier);
  add_fixture_test ("/rosette/cli/render/bad-options", NULL, test_render_bad_options);
  add_fixture_test ("/rosette/cli/render/unwritable", NULL, test_render_unwritable);
  add_fixture_test ("/rosette/cli/render/sizes-tiers", NULL, test_render_sizes_tiers);
  add_fixture_test ("/rosette/cli/render/bad-lists", NULL, test_render_bad_lists);

  add_fixture_test ("/rosette/cli/family-set/keys", NULL, test_family_set);
  add_fixture_test ("/rosette/cli/family-set/errors", NULL, test_family_set_errors);
  add_fixture_test ("/rosette/cli/family-set/emblem-file", NULL, test_family_set_emblem_file);

  return g_test_run ();
}
