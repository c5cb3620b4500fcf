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
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define ROSETTE_TEST_CLI_BASE
#include "rosette-test-cli.h"
#include "rosette-test-verify.h"

/* $XDG_DATA_HOME for the next run(), or NULL to leave it. */
static const char *data_home;

static char *
corpus (const char *relative)
{
  return g_build_filename (TESTS_SRCDIR, "data", "verify", relative, NULL);
}

/* Runs rosette-cli with @args (NULL-terminated); returns the exit status
 * and, where asked, stdout and stderr. */
static int
run_args (char      **out,
          char      **err,
          GPtrArray  *args)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) result = { 0, };

  argv = cli_argv_new (NULL, (const char * const *) args->pdata);
  if (data_home != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  cli_run_finish (&result, process);
  if (out != NULL)
    *out = g_steal_pointer (&result.out);
  if (err != NULL)
    *err = g_steal_pointer (&result.err);
  return result.status;
}

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  va_start (list, first);
  for (arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);
  return run_args (out, err, args);
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
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "checks")), ==, 11);
    }
}

/* Enough files for worker processes: the reports still come out one per
 * file, in the order given, and the exit code covers every file. */
static void
test_many_files (void)
{
  g_autofree char *key = corpus ("keys/1edtech-ob30.multikey");
  const char *const kinds[] = { "1edtech/ob30-simple.json", "1edtech/ob30-simple-err-expired.json",
                                "attacks/deep.json" };
  static const char *const verdicts[] = { "valid", "not-valid", "not-valid" };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const guint n = 75;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (paths, corpus (kinds[i % G_N_ELEMENTS (kinds)]));
  g_ptr_array_add (argv, (gpointer) cli_path ());
  g_ptr_array_add (argv, (gpointer) "verify");
  g_ptr_array_add (argv, (gpointer) "--offline");
  g_ptr_array_add (argv, (gpointer) "--json");
  g_ptr_array_add (argv, (gpointer) "--key");
  g_ptr_array_add (argv, key);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (argv, paths->pdata[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  /* deep.json holds no usable credential: 2 wins over 1. */
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_cmpstr (err, ==, "");

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) root = json_from_string (lines[i], &error);
      JsonObject *o;

      g_assert_no_error (error);
      o = json_node_get_object (root);
      g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, paths->pdata[i]);
      g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, verdicts[i % G_N_ELEMENTS (kinds)]);
    }
}

/* A badge issued on this computer whose status list is out of reach: the
 * registry (--registry, or the default one when it exists) answers. */
static void
test_registry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-cli-verify-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *registry_dir = g_build_filename (home, "rosette", NULL);
  g_autofree char *registry_path = g_build_filename (registry_dir, "registry.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *badge = g_build_filename (dir, "badge.jwt", NULL);
  g_autofree char *jws = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana.lima@acme.example");
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (registry_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  record = test_verify_record_issued (t, registry, credential, "ana.lima@acme.example");
  test_verify_set_recorded_status (credential, "https://badges.acme.example", record);
  jws = test_verify_vc_jwt (t, credential);
  g_assert_true (g_file_set_contents (badge, jws, -1, &error));

  /* --registry: not revoked, says the registry. */
  g_assert_cmpint (run (&out, &err, "--registry", registry_path, "verify", "--offline", badge, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "[passed] Revocation: Not revoked, according to this computer’s registry"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Enough copies for worker processes: each opens the registry itself. */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new ();
    const char *const before[] = { "--registry", registry_path, "verify", "--offline", "--json" };
    g_auto(GStrv) lines = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (before); i++)
      g_ptr_array_add (args, (gpointer) before[i]);
    for (guint i = 0; i < 48; i++)
      g_ptr_array_add (args, badge);
    g_ptr_array_add (args, NULL);
    g_assert_cmpint (run_args (&out, &err, args), ==, 0);
    g_assert_cmpstr (err, ==, "");
    lines = g_strsplit (g_strchomp (out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 48);
    for (guint i = 0; i < 48; i++)
      g_assert_nonnull (strstr (lines[i], "registry of badges you issued"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* No registry: revocation stays unchecked, and none is made. */
  data_home = empty;
  g_assert_cmpint (run (&out, NULL, "verify", "--offline", badge, NULL), ==, 3);
  g_assert_nonnull (strstr (out, "[not checked] Revocation:"));
  {
    g_autofree char *never_made = g_build_filename (empty, "rosette", "registry.db", NULL);

    g_assert_false (g_file_test (never_made, G_FILE_TEST_EXISTS));
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (NULL, &err, "--registry", missing, "verify", "--offline", badge, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "missing.db"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Revoked: the default registry, once it exists, says so with the date. */
  g_assert_true (rosette_registry_revoke (registry, rosette_credential_get_id (credential), "Issued in error", NULL, &error));
  g_assert_no_error (error);
  data_home = home;
  g_assert_cmpint (run (&out, NULL, "verify", "--offline", badge, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "[FAILED] Revocation: Revoked on "));
  g_assert_nonnull (strstr (out, "Issued in error"));
  data_home = NULL;

  g_clear_object (&registry);
  {
    const char *const files[] = { "badge.jwt", "home/rosette/registry.db", "home/rosette/registry.db-wal",
                                  "home/rosette/registry.db-shm", "home/rosette", "home", "empty" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (dir, files[i], NULL);

        g_remove (path);
      }
    g_rmdir (dir);
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
  g_test_add_func ("/rosette/cli-verify/many-files", test_many_files);
  g_test_add_func ("/rosette/cli-verify/registry", test_registry);

  return g_test_run ();
}
