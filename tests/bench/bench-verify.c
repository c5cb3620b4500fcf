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
#include <sys/resource.h>

#include "rosette-core.h"
#include "../core/rosette-test-verify.h"

#define BATCH 1000
#define SINGLE_RUNS 15

/* The CPU time (user + system) of the last run_once(), in ms: on a busy
 * machine wall-clock time says more about the neighbours than the code. */
static double last_cpu_ms;

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
run_once (GPtrArray *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  double cpu_start = children_cpu_ms ();
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
  last_cpu_ms = children_cpu_ms () - cpu_start;
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

/* The median of SINGLE_RUNS runs; last_cpu_ms becomes the median CPU time. */
static double
median_ms (GPtrArray *argv)
{
  double times[SINGLE_RUNS];
  double cpu[SINGLE_RUNS];

  run_once (argv);  /* warm the page cache */
  for (guint i = 0; i < SINGLE_RUNS; i++)
    {
      times[i] = run_once (argv);
      cpu[i] = last_cpu_ms;
    }
  qsort (times, SINGLE_RUNS, sizeof times[0], compare_double);
  qsort (cpu, SINGLE_RUNS, sizeof cpu[0], compare_double);
  last_cpu_ms = cpu[SINGLE_RUNS / 2];
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

/* Wall-clock time, then the CPU time both processes used (for a batch
 * with worker processes, CPU time exceeds wall time). */
static void
print_row (const char *label,
           double      rosette_ms,
           double      rosette_cpu,
           double      node_ms,
           double      node_cpu,
           double      goal_ms)
{
  if (node_ms >= 0)
    printf ("%-30s rosette-cli %7.1f ms (cpu %7.1f)   node %7.1f ms (cpu %7.1f)   (goal < %.0f ms) %s\n",
            label, rosette_ms, rosette_cpu, node_ms, node_cpu, goal_ms,
            rosette_ms < goal_ms ? "ok" : "OVER");
  else
    printf ("%-30s rosette-cli %7.1f ms (cpu %7.1f)   node n/a   (goal < %.0f ms) %s\n",
            label, rosette_ms, rosette_cpu, goal_ms, rosette_ms < goal_ms ? "ok" : "OVER");
}

/* Times `rosette-cli verify --offline FILES` and the Node.js verifier (when
 * @node is given) on the same files, and prints both. */
static void
compare (const char *label,
         const char *cli,
         const char *node,
         const char *script,
         GPtrArray  *files,
         gboolean    median,
         double      goal_ms)
{
  g_autoptr(GPtrArray) r = command (cli, NULL, "verify", files);
  g_autoptr(GPtrArray) n = command (node, script, NULL, files);
  double r_ms, r_cpu, n_ms = -1, n_cpu = -1;

  g_ptr_array_insert (r, 2, (gpointer) "--offline");
  r_ms = median ? median_ms (r) : run_once (r);
  r_cpu = last_cpu_ms;
  if (node != NULL)
    {
      n_ms = median ? median_ms (n) : run_once (n);
      n_cpu = last_cpu_ms;
    }
  print_row (label, r_ms, r_cpu, n_ms, n_cpu, goal_ms);
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
  compare ("one baked PNG (VC-JWT ES256)", cli, node, script, single, TRUE, 30);
  compare ("1,000 VC-JWT ES256 files", cli, node, script, jwts, FALSE, 300);
  compare ("1,000 Data Integrity files", cli, node, script, dis, FALSE, 500);

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
