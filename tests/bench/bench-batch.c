/* bench-batch.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Bulk issuing at HR scale: 10,000 recipients to baked 512 px PNG files
 * with their registry rows, through RosetteBatch (both cores), first as
 * ES256 VC-JWT then with Data Integrity (eddsa-rdfc-2022). Prints the wall
 * time, rows per second, the registry's share, the peak RSS (getrusage)
 * and the CPU time, which shows whether both cores worked, split between
 * the registry's writer thread and the signing workers.
 *
 * When node and tests/interop/node_modules exist, the same ES256 batch is
 * made by tests/interop/bench-batch.mjs (jose + a byte-splicing PNG
 * writer) in the same run and its time printed beside.
 *
 * ROSETTE_BENCH_ROWS sets another size; ROSETTE_BENCH_DIR the folder the
 * files go to (default: a new folder in the current one). For profiling:
 * ROSETTE_BENCH_ONLY=jwt or =di runs one of the two batches (no Node.js),
 * =registry only the registry part (the writer thread's calls alone, e.g.
 * under callgrind); ROSETTE_BENCH_PERF=1 leaves out the one-core measure
 * and the registry part, so that a profile shows only the batch.
 * Targets: ≤ 2 s (VC-JWT), ≤ 4 s (Data Integrity), peak RSS < 100 MB.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "rosette-core.h"
#include "rosette-registry-private.h"

#define DEFAULT_ROWS 10000

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* CPU time of the calling thread: the batch's writer thread is the one
 * that calls rosette_batch_run_sync(). */
static double
thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static RosetteIssuer *
make_issuer (RosetteKeyAlgorithm   algorithm,
             RosetteKey          **out_key,
             RosetteKeyRecord    **out_record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) spki = NULL;
  RosetteIssuer *issuer = rosette_issuer_new ("Acme Ltd");

  rosette_issuer_set_url (issuer, "https://acme.example");
  *out_key = rosette_key_generate (algorithm, &error);
  g_assert_no_error (error);
  spki = rosette_key_dup_spki (*out_key);
  *out_record = rosette_key_record_new (algorithm, spki, NULL);
  rosette_issuer_add_key (issuer, *out_record, &error);
  g_assert_no_error (error);
  return issuer;
}

/* The artwork and one signed payload, for the Node.js batch. */
static void
write_node_inputs (const char    *dir,
                   RosetteFamily *family,
                   const char    *out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) art = rosette_design_render_png (family, rosette_family_get_tier (family, 1),
                                                     ROSETTE_ISSUE_PNG_SIZE, &error);
  g_autoptr(GDir) out = g_dir_open (out_path, 0, &error);
  g_autofree char *artwork = g_build_filename (dir, "artwork.png", NULL);
  g_autofree char *template = g_build_filename (dir, "template.json", NULL);
  g_autofree char *first = g_build_filename (out_path, g_dir_read_name (out), NULL);
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) jws = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *text = NULL;
  char *contents;
  gsize length;

  g_assert_no_error (error);
  g_file_set_contents (artwork, g_bytes_get_data (art, NULL), g_bytes_get_size (art), &error);
  g_assert_true (g_file_get_contents (first, &contents, &length, &error));
  baked = g_bytes_new_take (contents, length);
  jws = rosette_png_extract (baked, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (jws, NULL), g_bytes_get_size (jws));
  g_assert_true (rosette_jws_decode (text, NULL, &payload, &error));
  g_file_set_contents (template, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload),
                       &error);
  g_assert_no_error (error);
}

/* The registry's share of a batch: the same rows reserved and recorded
 * alone, on this thread, with the calls the batch's writer thread makes. */
static double
run_registry_alone (const char *db,
                    guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db2 = g_strconcat (db, "-alone", NULL);
  g_autoptr(RosetteRegistry) alone = rosette_registry_open (db2, NULL, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 issuer_id;
  gint64 achievement_id;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  issuer_id = rosette_registry_upsert_issuer (alone, "https://acme.example", "Acme", NULL, &error);
  achievement_id = rosette_registry_upsert_achievement (alone, issuer_id, "data-privacy",
                                                        "Data Privacy", "silver", "Silver",
                                                        "Criteria", NULL, &error);
  rosette_registry_batch_begin (alone, ROSETTE_BATCH_ROWS_PER_COMMIT, &error);
  for (guint i = 0; i < n_rows; i++)
    {
      char email[64];
      char name[64];
      g_autofree char *issuance_key = NULL;
      RosetteReservation reserved;
      RosetteRecipientData data = { email, name, NULL, "Sales", NULL, NULL };
      RosetteIssuanceRequest request = { NULL, };
      const char *files[] = { "/tmp/x.png", NULL };

      g_snprintf (email, sizeof email, "person%06u@acme.example", i);
      g_snprintf (name, sizeof name, "Person %u", i);
      request.recipient_id = rosette_registry_upsert_recipient (alone, &data, &error);
      issuance_key = rosette_registry_compute_issuance_key (email, "data-privacy", "silver", "b");
      request.issuance_key = issuance_key;
      request.achievement_id = achievement_id;
      request.batch_id = "b";
      request.valid_from = now;
      request.proof_type = "vc-jwt";
      _rosette_registry_reserve (alone, &request, &reserved, NULL, &error);
      g_assert_no_error (error);
      rosette_registry_batch_step (alone, &error);
      rosette_registry_record_issued (alone, reserved.credential_id, files, NULL, &error);
      g_assert_no_error (error);
      _rosette_reservation_clear (&reserved);
      rosette_registry_batch_step (alone, &error);
    }
  rosette_registry_batch_end (alone, TRUE, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("  %-22s %6.2f s  (%.0f µs per row, on the writer thread)\n", "  registry part",
          seconds, seconds * 1e6 / n_rows);
  return seconds;
}

static double
run_batch (const char        *dir,
           RosetteIssueProof  proof,
           guint              n_rows,
           double            *out_registry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE,
                                                                     "Data Privacy");
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autofree char *db = g_build_filename (dir, proof == ROSETTE_ISSUE_PROOF_VC_JWT ? "jwt.db" : "di.db",
                                          NULL);
  g_autofree char *out_path = g_build_filename (dir, proof == ROSETTE_ISSUE_PROOF_VC_JWT ? "jwt" : "di",
                                                NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  gint64 start;
  double seconds;
  double cpu;
  double writer_cpu;

  issuer = make_issuer (proof == ROSETTE_ISSUE_PROOF_VC_JWT ? ROSETTE_KEY_ALGORITHM_P256
                                                            : ROSETTE_KEY_ALGORITHM_ED25519,
                        &key, &record);
  registry = rosette_registry_open (db, NULL, &error);
  g_assert_no_error (error);
  batch = rosette_batch_new (registry, issuer, family, "2", proof, out, ROSETTE_ISSUE_FORMAT_PNG,
                             "bench");
  rosette_batch_set_signing_key (batch, key, record);
  rosette_batch_set_include_names (batch, TRUE);
  for (guint i = 0; i < n_rows; i++)
    {
      char email[64];
      char name[64];
      RosetteBatchRecipient recipient = { .email = email, .name = name, .department = "Sales" };

      g_snprintf (email, sizeof email, "person%06u@acme.example", i);
      g_snprintf (name, sizeof name, "Person %u", i);
      rosette_batch_add_recipient (batch, &recipient, &error);
      g_assert_no_error (error);
    }

  /* One thread, no files, no registry: build + sign + splice alone, with
   * the achievement image hosted (as the batch does: the issuer has a
   * publish base) and, for comparison, embedded as a data: URI. */
  for (guint embedded = 0; embedded < 2 && g_getenv ("ROSETTE_BENCH_PERF") == NULL; embedded++)
  {
    g_autoptr(RosetteIssuePrepared) prepared = NULL;
    guint n = MIN (n_rows, 2000);
    gsize bytes = 0;

    prepared = rosette_issue_prepare (family, rosette_family_get_tier (family, 1), issuer, proof,
                                      ROSETTE_ISSUE_FORMAT_PNG, &error);
    g_assert_no_error (error);
    if (embedded)
      rosette_issue_prepared_set_image_base (prepared, NULL);
    start = g_get_monotonic_time ();
    for (guint i = 0; i < n; i++)
      {
        char email[64];
        RosetteIssueRow row = { .email = email, .name = "Person", .include_name = TRUE,
                                .status_list = "https://acme.example/status/1.json",
                                .status_index = i };
        g_autoptr(GBytes) made = NULL;

        g_snprintf (email, sizeof email, "person%06u@acme.example", i);
        made = rosette_issue_prepared_make (prepared, &row, record, key, NULL, &error);
        g_assert_no_error (error);
        bytes += g_bytes_get_size (made);
      }
    seconds = (g_get_monotonic_time () - start) / 1e6;
    printf ("  %-22s %6.0f µs per badge on one core (%.0f KB each, image %s)\n",
            proof == ROSETTE_ISSUE_PROOF_VC_JWT ? "build+sign+splice" : "build+sign+splice (DI)",
            seconds * 1e6 / n, bytes / 1024.0 / n, embedded ? "embedded" : "hosted");
  }

  cpu = cpu_seconds ();
  writer_cpu = thread_cpu_seconds ();
  start = g_get_monotonic_time ();
  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  writer_cpu = thread_cpu_seconds () - writer_cpu;
  g_assert_no_error (error);
  g_assert_cmpuint (summary->issued, ==, n_rows);

  if (proof == ROSETTE_ISSUE_PROOF_VC_JWT)
    write_node_inputs (dir, family, out_path);

  printf ("  %-22s %6.2f s  %7.0f rows/s  CPU %.2f s (%.2f cores)  peak RSS %.1f MB\n",
          proof == ROSETTE_ISSUE_PROOF_VC_JWT ? "ES256 VC-JWT" : "Data Integrity (Ed25519)",
          seconds, n_rows / seconds, cpu, cpu / seconds, peak_rss_mb ());
  printf ("  %-22s %6.0f µs per row on the writer thread, %.0f µs per row on the workers\n",
          "  CPU", writer_cpu * 1e6 / n_rows, (cpu - writer_cpu) * 1e6 / n_rows);

  /* The files are measured: delete them now, so that the next batch
   * writes into memory this one used (in a VM, memory a guest touches
   * for the first time costs the host a fault per page, which made the
   * third gigabyte of a run slower to write than the first). */
  remove_tree (out_path);

  /* The registry's share: the same rows reserved and recorded alone. */
  if (g_getenv ("ROSETTE_BENCH_PERF") == NULL)
    *out_registry = run_registry_alone (db, n_rows);

  return seconds;
}

static void
run_node (const char *dir,
          guint       n_rows)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = g_build_filename (TESTS_SRCDIR, "interop", "bench-batch.mjs", NULL);
  g_autofree char *modules = g_build_filename (TESTS_SRCDIR, "interop", "node_modules", "jose", NULL);
  g_autofree char *out = g_build_filename (dir, "node", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_rows);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *artwork = g_build_filename (dir, "artwork.png", NULL);
  g_autofree char *template = g_build_filename (dir, "template.json", NULL);
  const char *argv[] = { node, script, out, count, artwork, template, NULL };
  int status;

  if (node == NULL || !g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      printf ("  %-22s skipped (no node or no tests/interop/node_modules)\n", "Node.js jose");
      return;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &output,
                     NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
    {
      printf ("  %-22s failed: %s\n", "Node.js jose", error != NULL ? error->message : "exit status");
      return;
    }
  printf ("  %-22s %s", "Node.js jose (ES256)", output);
  remove_tree (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *rows_env = g_getenv ("ROSETTE_BENCH_ROWS");
  const char *only = g_getenv ("ROSETTE_BENCH_ONLY");
  guint n_rows = rows_env != NULL ? (guint) atoi (rows_env) : DEFAULT_ROWS;
  double registry_jwt = 0;
  double registry_di = 0;
  double jwt = 0;
  double di = 0;

  /* In the current folder (the build folder under meson), not /tmp: on
   * this machine ext4 spends ~1 ms creating each file in /tmp, whose
   * inode groups are full of recently deleted inodes (see the note). */
  {
    const char *base = g_getenv ("ROSETTE_BENCH_DIR");
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *template = g_build_filename (base != NULL ? base : cwd,
                                                  "bench-batch-XXXXXX", NULL);

    dir = g_mkdtemp (g_steal_pointer (&template));
    g_assert_nonnull (dir);
  }
  printf ("Bulk issue of %u recipients to baked 512 px PNG + registry rows, %u cores:\n",
          n_rows, g_get_num_processors ());
  if (g_strcmp0 (only, "registry") == 0)
    {
      g_autofree char *db = g_build_filename (dir, "registry.db", NULL);

      run_registry_alone (db, n_rows);
      remove_tree (dir);
      return 0;
    }
  if (only == NULL || g_strcmp0 (only, "jwt") == 0)
    jwt = run_batch (dir, ROSETTE_ISSUE_PROOF_VC_JWT, n_rows, &registry_jwt);
  if (only == NULL)
    run_node (dir, n_rows);
  if (only == NULL || g_strcmp0 (only, "di") == 0)
    di = run_batch (dir, ROSETTE_ISSUE_PROOF_DATA_INTEGRITY, n_rows, &registry_di);
  printf ("Targets: VC-JWT ≤ 2 s (%s), Data Integrity ≤ 4 s (%s), peak RSS < 100 MB (%s)\n",
          jwt <= 2.0 ? "met" : "MISSED", di <= 4.0 ? "met" : "MISSED",
          peak_rss_mb () < 100 ? "met" : "MISSED");

  remove_tree (dir);
  return 0;
}
