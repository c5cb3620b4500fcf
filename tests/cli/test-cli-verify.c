/* test-cli-verify.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli verify`, run as a user would: the verdict line first, one
 * JSON object per line with --json, and the exit codes of shared/CLI.md
 * (0 all valid, 1 not valid, 2 unusable input, 3 could not fully verify).
 */

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static const char *
cli_path (void)
{
  const char *path = g_getenv ("ROSETTE_CLI");

  return path != NULL ? path : ROSETTE_CLI_PATH;
}

static char *
corpus (const char *relative)
{
  return g_build_filename (TESTS_SRCDIR, "data", "verify", relative, NULL);
}

/* Runs rosette-cli with @args (NULL-terminated); returns the exit status. */
static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
test_valid (void)
{
  g_autofree char *file = corpus ("1edtech/ob30-simple.json");
  g_autofree char *key = corpus ("keys/1edtech-ob30.multikey");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first_line = NULL;

  g_assert_cmpint (run (&out, &err, "verify", "--offline", "--key", key, file, NULL), ==, 0);
  first_line = g_strndup (out, strcspn (out, "\n"));
  g_assert_true (g_str_has_suffix (first_line, ": Valid"));
  g_assert_nonnull (strstr (out, "[passed] Signature:"));
  g_assert_nonnull (strstr (out, "[not checked] Recipient:"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_exit_codes (void)
{
  g_autofree char *expired = corpus ("1edtech/ob30-simple-err-expired.json");
  g_autofree char *key = corpus ("keys/1edtech-ob30.multikey");
  g_autofree char *incomplete = corpus ("1edtech/ob30-simple.json");
  g_autofree char *random = corpus ("attacks/random.bin");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, NULL, "verify", "--offline", "--key", key, expired, NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "verify", "--offline", incomplete, NULL), ==, 3);
  g_assert_cmpint (run (NULL, NULL, "verify", "--offline", random, NULL), ==, 2);
  /* The worst answer over all files wins. */
  g_assert_cmpint (run (NULL, NULL, "verify", "--offline", incomplete, expired, NULL), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "verify", "--offline", incomplete, random, NULL), ==, 2);
  /* Usage errors: no file, a file that does not exist, a bad key, a bad email. */
  g_assert_cmpint (run (NULL, &err, "verify", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "verify"));
  g_assert_cmpint (run (&out, NULL, "verify", "/nonexistent/badge.png", NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "verify", "--key", random, incomplete, NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "verify", "--recipient", "not an email", incomplete, NULL), ==, 2);
}

static void
test_json_lines (void)
{
  g_autofree char *a = corpus ("1edtech/ob30-simple-json.png");
  g_autofree char *b = corpus ("attacks/deep.json");
  g_autofree char *c = corpus ("1edtech/ob30-simple-jwt.svg");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  static const char *const verdicts[] = { "incomplete", "not-valid", "incomplete" };

  g_assert_cmpint (run (&out, NULL, "verify", "--offline", "--json", "--recipient", "a@example.com",
                        a, b, c, NULL), ==, 2);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *o;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      o = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, verdicts[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "checks")), ==, 8);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/cli-verify/valid", test_valid);
  g_test_add_func ("/rosette/cli-verify/exit-codes", test_exit_codes);
  g_test_add_func ("/rosette/cli-verify/json-lines", test_json_lines);

  return g_test_run ();
}
