/* rosette-test-cli.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Running rosette-cli as a user would, through GSubprocess, for every CLI
 * test. GLib warnings are fatal in the child, so a warning or critical
 * shows up as a crash, which the test reports.
 *
 * Three flavours, chosen before the #include:
 * - ROSETTE_TEST_CLI_BASE: only the pieces (CliRun, cli_argv_new,
 *   cli_launcher_new, cli_run_finish, the assertions); the test writes its
 *   own run_cli (test-cli-keys: one per "machine"; test-cli-verify).
 * - ROSETTE_TEST_CLI_PLAIN: run_cli () in the test's own environment
 *   (test-cli).
 * - neither: the registry tests (test-cli-batch, test-cli-registry,
 *   test-cli-pathway, test-cli-delivery): every run gets --registry, the
 *   test's private D-Bus session (with its gnome-keyring-daemon), data and
 *   XDG folders under the test's root, and no display.
 */

#pragma once

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static inline void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* The built binary; ROSETTE_CLI overrides it (to test an installed copy). */
static inline const char *
cli_path (void)
{
  const char *path = g_getenv ("ROSETTE_CLI");

  return path != NULL ? path : ROSETTE_CLI_PATH;
}

/* rosette-cli, then @before (global options; may be %NULL), then @args:
 * a NULL-terminated array for g_subprocess_launcher_spawnv (). */
static inline GPtrArray *
cli_argv_new (const char * const *before,
              const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; before != NULL && before[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) before[i]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Output captured, GLib warnings fatal; @flags adds e.g. a stdin pipe. */
static inline GSubprocessLauncher *
cli_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher;

  launcher = g_subprocess_launcher_new (flags | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);
  return launcher;
}

/* Waits for @process, with its output in @run; a crash fails the test. */
static inline void
cli_run_finish (CliRun      *run,
                GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("rosette-cli crashed (signal %d); stderr: %s",
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d; stdout: %s; stderr: %s", run->status, run->out, run->err);
}

static inline guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* No GLib noise, no crash report: only our own messages on stderr. */
static inline void
assert_clean_stderr (const char *err)
{
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
  g_assert_null (strstr (err, "assertion"));
  g_assert_null (strstr (err, "core dumped"));
  g_assert_null (strstr (err, "Segmentation"));
}

static inline void
assert_success (const CliRun *run)
{
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* An error as CLI.md promises it: the exit code, and one line on stderr
 * that starts with the program name; nothing on stdout. */
static inline void
assert_error (const CliRun *run,
              int           status)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "rosette-cli: "));
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpstr (run->out, ==, "");
  assert_clean_stderr (run->err);
}

static inline JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

#if defined (ROSETTE_TEST_CLI_PLAIN)

/* rosette-cli in the test's own environment. */
static inline GSubprocess *
spawn_cli (const char * const  *args,
           GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = cli_argv_new (NULL, args);

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

#elif !defined (ROSETTE_TEST_CLI_BASE)

#include "rosette-test-keyring.h"

/* Set by the test's main (). */
static char *root;
static char *data_dir;
static char *registry_path;
static const char *bus_address;
static char *keyring_skip;
static TestSession *session;

static inline gboolean
need_keyring (void)
{
  if (keyring_skip == NULL)
    return TRUE;

  g_test_skip (keyring_skip);
  return FALSE;
}

/* Makes the root, starts the session; the test adds its cases after. */
static inline void
test_cli_setup (const char *template)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session_dir = NULL;

  root = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_assert_no_errno (chdir (root));
  data_dir = g_build_filename (root, "data", NULL);
  registry_path = g_build_filename (root, "registry.db", NULL);

  session_dir = g_build_filename (root, "session", NULL);
  session = test_session_start (session_dir, TRUE, &error);
  if (session == NULL)
    keyring_skip = g_strdup_printf ("no private keyring: %s", error->message);
  bus_address = session != NULL ? session->address : "unix:path=/nonexistent";
}

static inline void
test_cli_teardown (void)
{
  test_session_free (session);
  test_rm_rf (root);
  g_free (keyring_skip);
  g_free (registry_path);
  g_free (data_dir);
  g_free (root);
}

static inline GSubprocess *
spawn_cli (const char * const  *args,
           GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *xdg = g_build_filename (root, "xdg-data", NULL);
  const char * const before[] = { "--registry", registry_path, NULL };
  g_autoptr(GPtrArray) argv = cli_argv_new (before, args);

  g_subprocess_launcher_set_cwd (launcher, root);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  g_subprocess_launcher_setenv (launcher, "ROSETTE_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

/* The claims of the VC-JWT baked into the file at @path (not verified). */
static inline JsonObject *
read_baked_claims (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *jws = NULL;
  RosetteBadgeVersion version;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  baked = rosette_baked_extract (bytes, &version, &error);
  g_assert_no_error (error);
  jws = g_strndup (g_bytes_get_data (baked, NULL), g_bytes_get_size (baked));
  /* A Data Integrity credential is the JSON itself; a VC-JWT its payload. */
  if (jws[0] == '{')
    payload = g_bytes_new (jws, strlen (jws));
  else
    g_assert_true (rosette_jws_decode (jws, NULL, &payload, &error));
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                              g_bytes_get_size (payload), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

#endif

#if !defined (ROSETTE_TEST_CLI_BASE)

/* Runs rosette-cli (spawn_cli () of the flavour) with a NULL-terminated
 * argument list. */
static inline void
run_cliv (CliRun             *run,
          const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = spawn_cli (args, &error);
  g_assert_no_error (error);
  cli_run_finish (run, process);
}

#define run_cli(run, ...) \
  G_STMT_START { \
    const char * const _args[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), _args); \
  } G_STMT_END

#endif
