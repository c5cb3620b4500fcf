/* bench-verify.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Verification as a user runs it: whole `rosette-cli verify --offline`
 * processes (start-up included). One baked PNG badge (goal < 30 ms), and
 * one process over 1,000 VC-JWT files (goal < 0.3 s) and over 1,000 Data
 * Integrity files (goal < 0.5 s). The same files go through a Node.js
 * verifier built on jose and @digitalbazaar/vc (tests/interop/
 * node-verify.mjs) in the same run, and both figures are printed side by
 * side. The badges are made here with a throwaway did:key.
 *
 * Usage: bench-verify ROSETTE-CLI [NODE]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "rosette-core.h"
#include "../core/rosette-test-verify.h"

#define BATCH 1000
#define SINGLE_RUNS 15

static double
run_once (GPtrArray *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("%s exited with %d: a benchmark badge did not verify", (char *) argv->pdata[0],
             g_subprocess_get_exit_status (process));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GPtrArray *
command (const char  *program,
         const char  *script,
         const char  *first_arg,
         GPtrArray   *files)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) program);
  if (script != NULL)
    g_ptr_array_add (argv, (gpointer) script);
  if (first_arg != NULL)
    g_ptr_array_add (argv, (gpointer) first_arg);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, files->pdata[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of SINGLE_RUNS runs. */
static double
median_ms (GPtrArray *argv)
{
  double times[SINGLE_RUNS];

  run_once (argv);  /* warm the page cache */
  for (guint i = 0; i < SINGLE_RUNS; i++)
    times[i] = run_once (argv);
  qsort (times, SINGLE_RUNS, sizeof times[0], compare_double);
  return times[SINGLE_RUNS / 2];
}

static void
write_file (GPtrArray  *files,
            const char *dir,
            const char *name,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  g_ptr_array_add (files, path);
}

static void
print_row (const char *label,
           double      rosette_ms,
           double      node_ms,
           double      goal_ms)
{
  if (node_ms >= 0)
    printf ("%-34s rosette-cli %8.1f ms   node %8.1f ms   (goal < %.0f ms) %s\n", label,
            rosette_ms, node_ms, goal_ms, rosette_ms < goal_ms ? "ok" : "OVER");
  else
    printf ("%-34s rosette-cli %8.1f ms   node        n/a     (goal < %.0f ms) %s\n", label,
            rosette_ms, goal_ms, rosette_ms < goal_ms ? "ok" : "OVER");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TestIssuing) es = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(TestIssuing) ed = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("rosette-bench-verify-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (TESTS_SRCDIR, "interop", "node-verify.mjs", NULL);
  g_autofree char *modules = g_build_filename (TESTS_SRCDIR, "interop", "node_modules", "@digitalbazaar", "vc", NULL);
  g_autoptr(GPtrArray) single = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) jwts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dis = g_ptr_array_new_with_free_func (g_free);
  const char *cli = argc > 1 ? argv[1] : NULL;
  const char *node = argc > 2 && g_file_test (modules, G_FILE_TEST_IS_DIR) ? argv[2] : NULL;

  if (cli == NULL)
    g_error ("usage: bench-verify ROSETTE-CLI [NODE]");

  /* The badges: one baked PNG (512 px, as issued), then the batches. */
  {
    g_autoptr(RosetteCredential) credential = test_issuing_credential (es, "ana@acme.example");
    g_autofree char *jws = test_verify_vc_jwt (es, credential);
    g_autoptr(GBytes) image = test_png_new (ROSETTE_ISSUE_PNG_SIZE);
    g_autoptr(GBytes) text = g_bytes_new (jws, strlen (jws));
    g_autoptr(GBytes) png = rosette_png_bake (image, ROSETTE_BADGE_VERSION_OB3, text, NULL);

    write_file (single, dir, "badge.png", g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  }
  for (guint i = 0; i < BATCH; i++)
    {
      g_autoptr(RosetteCredential) a = test_issuing_credential (es, "ana@acme.example");
      g_autoptr(RosetteCredential) b = test_issuing_credential (ed, "ana@acme.example");
      g_autofree char *jws = test_verify_vc_jwt (es, a);
      g_autofree char *json = test_verify_data_integrity (ed, b);
      g_autofree char *jwt_name = g_strdup_printf ("badge-%04u.jwt", i);
      g_autofree char *di_name = g_strdup_printf ("badge-%04u.json", i);

      write_file (jwts, dir, jwt_name, jws, strlen (jws));
      write_file (dis, dir, di_name, json, strlen (json));
    }

  printf ("Whole-process verification, offline (%u-run median for one badge):\n", SINGLE_RUNS);
  {
    g_autoptr(GPtrArray) r = command (cli, NULL, "verify", single);
    g_autoptr(GPtrArray) n = command (node, script, NULL, single);

    g_ptr_array_insert (r, 2, (gpointer) "--offline");
    print_row ("one baked PNG (VC-JWT ES256)", median_ms (r), node ? median_ms (n) : -1, 30);
  }
  {
    g_autoptr(GPtrArray) r = command (cli, NULL, "verify", jwts);
    g_autoptr(GPtrArray) n = command (node, script, NULL, jwts);

    g_ptr_array_insert (r, 2, (gpointer) "--offline");
    print_row ("1,000 VC-JWT ES256 files", run_once (r), node ? run_once (n) : -1, 300);
  }
  {
    g_autoptr(GPtrArray) r = command (cli, NULL, "verify", dis);
    g_autoptr(GPtrArray) n = command (node, script, NULL, dis);

    g_ptr_array_insert (r, 2, (gpointer) "--offline");
    print_row ("1,000 Data Integrity files", run_once (r), node ? run_once (n) : -1, 500);
  }

  /* ROSETTE_BENCH_KEEP=1 keeps the files, for profiling. */
  if (g_getenv ("ROSETTE_BENCH_KEEP") != NULL)
    {
      printf ("files kept in %s\n", dir);
      return 0;
    }
  for (guint i = 0; i < single->len; i++)
    g_unlink (single->pdata[i]);
  for (guint i = 0; i < jwts->len; i++)
    g_unlink (jwts->pdata[i]);
  for (guint i = 0; i < dis->len; i++)
    g_unlink (dis->pdata[i]);
  g_rmdir (dir);
  return 0;
}
