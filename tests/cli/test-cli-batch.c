/* test-cli-batch.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rosette-cli issue-batch` as a user runs it, against a private
 * gnome-keyring-daemon: the preview of bad rows, --skip-invalid, the
 * summary and --json, a re-run that issues nothing, and the crash test:
 * SIGKILL in the middle of 2,000 rows, run again, and every row is issued
 * exactly once with one complete file.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rosette-core.h"
#include "rosette-test-cli.h"

static char *family_path;

static char *
path_in_root (const char *name)
{
  return g_build_filename (root, name, NULL);
}

/* A CSV of @n people; @bad adds two bad rows (bad address, duplicate). */
static char *
write_csv (const char *name,
           guint       n,
           gboolean    bad)
{
  g_autoptr(GString) csv = g_string_new ("Employee ID;First Name;Last Name;Work Email;Department\n");
  g_autoptr(GError) error = NULL;
  char *path = path_in_root (name);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "E%05u;Ana%u;Lima;ana%05u@acme.example;%s\n", i, i, i,
                            i % 3 == 0 ? "Sales" : "Engineering");
  if (bad)
    {
      g_string_append (csv, "E90000;Bo;Bad;not-an-address;Sales\n");
      g_string_append (csv, "E90001;Ana0;Again;ana00000@acme.example;Sales\n");
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Counts the files in @dir; with @strict, fails on a part file. */
static guint
count_files_full (const char *dir_path,
                  gboolean    strict)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strict)
        g_assert_false (g_str_has_suffix (name, ".rosette-part"));
      n++;
    }
  return n;
}

static guint
count_files (const char *dir_path)
{
  return count_files_full (dir_path, TRUE);
}

/* The credential baked into @path: a Data Integrity credential (JSON, the
 * default proof) or, for a VC-JWT, its claims. */
static JsonObject *
read_baked_credential (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  RosetteBadgeVersion version;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  baked = rosette_baked_extract (bytes, &version, &error);
  g_assert_no_error (error);
  if (((const char *) g_bytes_get_data (baked, NULL))[0] != '{')
    return read_baked_claims (path);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (baked, NULL),
                                             g_bytes_get_size (baked), &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The id of the credential baked into @path. */
static char *
dup_baked_id (const char *path)
{
  g_autoptr(JsonObject) credential = read_baked_credential (path);

  if (json_object_has_member (credential, "jti"))
    return g_strdup (json_object_get_string_member (credential, "jti"));
  return g_strdup (json_object_get_string_member (credential, "id"));
}

/* The proof type of the credential baked into @path: "DataIntegrityProof"
 * or, for a VC-JWT, "JWT". */
static char *
dup_baked_proof (const char *path)
{
  g_autoptr(JsonObject) credential = read_baked_credential (path);
  JsonNode *proof = json_object_get_member (credential, "proof");

  if (json_object_has_member (credential, "jti"))
    return g_strdup ("JWT");
  g_assert_nonnull (proof);
  if (JSON_NODE_HOLDS_ARRAY (proof))
    return g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_node_get_array (proof), 0), "type"));
  return g_strdup (json_object_get_string_member (json_node_get_object (proof), "type"));
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "issue-batch", "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--csv"));
  g_assert_nonnull (strstr (run.out, "--map"));
  g_assert_nonnull (strstr (run.out, "--skip-invalid"));
  g_assert_nonnull (strstr (run.out, "--date-format"));

  cli_run_clear (&run);
  run_cli (&run, "issue-batch", "--family", "x.rosette");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "rosette-cli: "));
}

static void
test_setup (void)
{
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "family", "new", "--kind", "compliance", "--name", "Data Privacy",
           "-o", family_path);
  g_assert_cmpint (run.status, ==, 0);

  if (!need_keyring ())
    return;
  cli_run_clear (&run);
  run_cli (&run, "issuer", "create", "--name", "Acme Ltd", "--url", "https://acme.example/");
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_bad_rows (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *csv = write_csv ("bad.csv", 5, TRUE);
  g_autofree char *out = path_in_root ("bad-out");
  g_autoptr(JsonObject) summary = NULL;

  if (!need_keyring ())
    return;

  /* The preview names the lines, and nothing is signed. */
  run_cli (&run, "issue-batch", "--family", family_path, "--tier", "1", "--csv", csv, "-o", out);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "line 7"));
  g_assert_nonnull (strstr (run.err, "line 8"));
  g_assert_nonnull (strstr (run.err, "--skip-invalid"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_files (out), ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "--json", "issue-batch", "--family", family_path, "--tier", "1", "--csv", csv,
           "-o", out, "--skip-invalid", "--batch", "bad", "--proof", "vc-jwt");
  g_assert_cmpint (run.status, ==, 0);
  summary = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (summary, "issued"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (summary, "invalid"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 0);
  g_assert_cmpuint (count_files (out), ==, 5);
  /* VC-JWT remains a choice. */
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    g_autofree char *first = g_build_filename (out, g_dir_read_name (dir), NULL);
    g_autofree char *proof = dup_baked_proof (first);

    g_assert_cmpstr (proof, ==, "JWT");
  }
}

static void
test_batch_and_rerun (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *csv = write_csv ("people.csv", 200, FALSE);
  g_autofree char *out = path_in_root ("out-200");
  g_autoptr(JsonObject) second = NULL;

  if (!need_keyring ())
    return;

  run_cli (&run, "issue-batch", "--family", family_path, "--tier", "2", "--csv", csv, "-o", out,
           "--batch", "b200");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "b200: 200 issued, 0 already issued, 0 failed"));
  /* Data Integrity unless --proof says otherwise. */
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    g_autofree char *first = g_build_filename (out, g_dir_read_name (dir), NULL);
    g_autofree char *proof = dup_baked_proof (first);

    g_assert_cmpstr (proof, ==, "DataIntegrityProof");
  }

  cli_run_clear (&run);
  run_cli (&run, "--json", "issue-batch", "--family", family_path, "--tier", "2", "--csv", csv,
           "-o", out, "--batch", "b200");
  g_assert_cmpint (run.status, ==, 0);
  second = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (second, "issued"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (second, "skipped"), ==, 200);
  g_assert_cmpuint (count_files (out), ==, 200);
}

static gboolean
kill_when_files_appear (gpointer user_data)
{
  GSubprocess *process = user_data;
  g_autofree char *out = path_in_root ("out-kill");

  if (count_files_full (out, FALSE) < 300)
    return G_SOURCE_CONTINUE;
  g_subprocess_send_signal (process, SIGKILL);
  return G_SOURCE_REMOVE;
}

static void
on_waited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_kill_and_rerun (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *csv = write_csv ("people-2000.csv", 2000, FALSE);
  g_autofree char *out = path_in_root ("out-kill");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) summary = NULL;
  const char * const args[] = {
    "issue-batch", "--family", family_path, "--tier", "3", "--csv", csv, "-o", out,
    "--batch", "kill", NULL,
  };
  gboolean waited = FALSE;
  guint source;

  if (!need_keyring ())
    return;

  /* SIGKILL once some files are written: no chance to clean up. */
  process = spawn_cli (args, &error);
  g_assert_no_error (error);
  source = g_timeout_add (2, kill_when_files_appear, process);
  g_subprocess_wait_async (process, NULL, on_waited, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  if (g_main_context_find_source_by_id (NULL, source) != NULL)
    g_source_remove (source);
  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      g_assert_cmpuint (count_files_full (out, FALSE), <, 2000);
    }
  else
    g_test_message ("the batch finished before it could be killed");

  run_cli (&run, "--json", "issue-batch", "--family", family_path, "--tier", "3", "--csv", csv,
           "-o", out, "--batch", "kill");
  g_assert_cmpint (run.status, ==, 0);
  summary = parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (summary, "issued") +
                   json_object_get_int_member (summary, "skipped"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 0);

  /* No duplicates, no missing rows, no part files, ids match. The
   * registry also holds the earlier tests' batches; count this one. */
  {
    g_autoptr(RosetteRegistry) registry = rosette_registry_open (registry_path, NULL, &error);
    g_autoptr(GPtrArray) history = NULL;
    guint issued = 0;

    g_assert_no_error (error);
    history = rosette_registry_history (registry, NULL, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < history->len; i++)
      {
        RosetteHistoryRow *row = g_ptr_array_index (history, i);

        if (g_strcmp0 (row->batch_id, "kill") == 0)
          {
            issued += row->issued;
            g_assert_cmpuint (row->pending, ==, 0);
            g_assert_cmpuint (row->failed, ==, 0);
          }
      }
    g_assert_cmpuint (issued, ==, 2000);
  }
  g_assert_cmpuint (count_files (out), ==, 2000);
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, &error);
    g_autoptr(RosetteRegistry) registry = rosette_registry_open (registry_path, NULL, &error);
    g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (out, name, NULL);
        g_autofree char *id = dup_baked_id (path);
        g_autoptr(RosetteIssuedRecord) record = rosette_registry_lookup (registry, id, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (rosette_issued_record_get_batch_id (record), ==, "kill");
        g_assert_cmpint (rosette_issued_record_get_state (record), ==, ROSETTE_ISSUE_STATE_ISSUED);
        g_assert_cmpstr (rosette_issued_record_get_files (record)[0], ==, path);
        g_assert_false (g_hash_table_contains (ids, id));
        g_hash_table_add (ids, g_steal_pointer (&id));
      }
    g_assert_cmpuint (g_hash_table_size (ids), ==, 2000);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_cli_setup ("rosette-cli-batch-XXXXXX");
  family_path = g_build_filename (root, "privacy.rosette", NULL);

  g_test_add_func ("/rosette/cli/batch/help", test_help);
  g_test_add_func ("/rosette/cli/batch/setup", test_setup);
  g_test_add_func ("/rosette/cli/batch/bad-rows", test_bad_rows);
  g_test_add_func ("/rosette/cli/batch/batch-and-rerun", test_batch_and_rerun);
  g_test_add_func ("/rosette/cli/batch/kill-and-rerun", test_kill_and_rerun);

  status = g_test_run ();

  g_free (family_path);
  test_cli_teardown ();

  return status;
}
