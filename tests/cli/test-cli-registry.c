/* test-cli-registry.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * revoke, registry list|holders|expiring|inventory|export and milestones
 * on a small registry whose numbers are worked out by hand: ten people
 * (four in Sales, six in Engineering) hold the Data Privacy badge; three
 * expire in 10 days and two in 60; one Sales person is revoked; three
 * people reach 1, 5 and 10 years of service in March 2026. Last, one
 * badge is re-issued with a corrected name and then renewed.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rosette-core.h"
#include "rosette-test-cli.h"
#include "../core/rosette-test-issuing.h"

static char *family_path;
static char *service_path;
static char *revoked_id;

static char *
day_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_setup (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GString) csv = g_string_new ("Work Email,Full Name,Department,Hire Date,Valid Until\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (root, "people.csv", NULL);
  g_autofree char *soon = day_from_now (10);
  g_autofree char *later = day_from_now (60);
  /* Hire dates: 1, 5 and 10 years in March 2026, one 6 years (no
   * milestone), the rest in 2023-07. */
  static const char * const hired[10] = {
    "2025-03-01", "2021-03-15", "2016-03-20", "2020-03-10", "2023-07-01",
    "2023-07-01", "2023-07-01", "2023-07-01", "2023-07-01", "2023-07-01",
  };

  run_cli (&run, "family", "new", "--kind", "compliance", "--name", "Data Privacy",
           "-o", family_path);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "family", "new", "--kind", "service", "--name", "Years of Service",
           "-o", service_path);
  g_assert_cmpint (run.status, ==, 0);

  if (!need_keyring ())
    return;
  cli_run_clear (&run);
  run_cli (&run, "issuer", "create", "--name", "Acme Ltd", "--url", "https://acme.example/");
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (csv, "p%u@acme.example,Person %u,%s,%s,%s\n", i, i,
                            i < 4 ? "Sales" : "Engineering", hired[i],
                            i < 3 ? soon : i < 5 ? later : "");
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  cli_run_clear (&run);
  run_cli (&run, "issue-batch", "--family", family_path, "--tier", "1", "--csv", csv_path,
           "-o", "badges", "--batch", "privacy-2026");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "10 issued"));
}

static void
test_list_and_revoke (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *list_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  JsonObject *object;

  if (!need_keyring ())
    return;

  run_cli (&run, "registry", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 10);

  cli_run_clear (&run);
  run_cli (&run, "--json", "registry", "list", "--department", "Sales", "--search", "person 0");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "email"), ==, "p0@acme.example");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "valid");
  revoked_id = g_strdup (json_object_get_string_member (object, "id"));

  cli_run_clear (&run);
  run_cli (&run, "revoke", revoked_id);
  g_assert_cmpint (run.status, ==, 2);

  cli_run_clear (&run);
  run_cli (&run, "revoke", revoked_id, "--reason", "left the company");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, revoked_id));

  /* The signed list in the publish folder has the badge's bit set. */
  list_path = g_build_filename (root, "xdg-data", "rosette", "publish", "status", "1.json", NULL);
  g_assert_true (g_file_get_contents (list_path, &text, NULL, &error));
  g_strstrip (text);
  g_assert_true (rosette_jws_decode (text, NULL, &payload, &error));
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                              g_bytes_get_size (payload), &error);
  g_assert_no_error (error);
  object = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "credentialSubject");
  bits = rosette_status_list_decode (json_object_get_string_member (object, "encodedList"), &error);
  g_assert_no_error (error);
  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  record = rosette_registry_lookup (registry, revoked_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_status_list_get_bit (bits, rosette_issued_record_get_status_index (record)));
  g_assert_cmpstr (rosette_issued_record_get_revoke_reason (record), ==, "left the company");

  /* Twice is an error that says so. */
  cli_run_clear (&run);
  run_cli (&run, "revoke", revoked_id, "--reason", "again");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_true (g_str_has_prefix (run.err, "rosette-cli: "));

  cli_run_clear (&run);
  run_cli (&run, "registry", "list", "--status", "revoked");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], revoked_id));
}

static void
test_reports (void)
{
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;

  if (!need_keyring ())
    return;

  /* Holders: 9 valid, none expired, 1 revoked. */
  run_cli (&run, "registry", "holders", "data-privacy");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "9 valid, 0 expired, 1 revoked\n"));

  /* Expiring: p0 (revoked), p1, p2 in 10 days; p3, p4 in 60. */
  cli_run_clear (&run);
  run_cli (&run, "registry", "expiring", "--days", "30");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  cli_run_clear (&run);
  run_cli (&run, "registry", "expiring", "--days", "90");
  g_assert_cmpuint (count_lines (run.out), ==, 4);

  /* Inventory: Sales 3 of 4 (75 %), Engineering 6 of 6. */
  cli_run_clear (&run);
  run_cli (&run, "registry", "inventory");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 5);
      if (g_strcmp0 (cells[0], "Sales") == 0)
        {
          g_assert_cmpstr (cells[2], ==, "3");
          g_assert_cmpstr (cells[3], ==, "4");
          g_assert_cmpstr (cells[4], ==, "75.0");
        }
      else
        {
          g_assert_cmpstr (cells[0], ==, "Engineering");
          g_assert_cmpstr (cells[2], ==, "6");
          g_assert_cmpstr (cells[3], ==, "6");
          g_assert_cmpstr (cells[4], ==, "100.0");
        }
    }
}

static void
test_export (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  gsize length;

  if (!need_keyring ())
    return;

  run_cli (&run, "registry", "export", "--format", "csv", "-o", "report.csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents ("report.csv", &csv, NULL, &error));
  g_assert_cmpuint (count_lines (csv), ==, 11);

  cli_run_clear (&run);
  run_cli (&run, "registry", "export", "--format", "pdf", "-o", "report.pdf");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents ("report.pdf", &pdf, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  if (pdftoppm != NULL)
    {
      const char *argv[] = { pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", "report.pdf",
                             "page", NULL };
      int status;

      g_assert_true (g_spawn_sync (root, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, NULL, NULL, &status, &error));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_test ("page-1.png", G_FILE_TEST_EXISTS));
    }

  cli_run_clear (&run);
  run_cli (&run, "registry", "export", "--format", "docx", "-o", "report.docx");
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_milestones (void)
{
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gboolean found = FALSE;

  if (!need_keyring ())
    return;

  run_cli (&run, "milestones", "--years", "1,5,10", "--from", "2026-03-01", "--to", "2026-03-31");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "2026-03-01\t1\tp0@acme.example"));
  g_assert_true (g_str_has_prefix (lines[1], "2026-03-15\t5\tp1@acme.example"));
  g_assert_true (g_str_has_prefix (lines[2], "2026-03-20\t10\tp2@acme.example"));

  cli_run_clear (&run);
  run_cli (&run, "milestones", "--years", "1,x", "--from", "2026-03-01", "--to", "2026-03-31");
  g_assert_cmpint (run.status, ==, 2);

  cli_run_clear (&run);
  run_cli (&run, "--quiet", "milestones", "--from", "2026-03-01", "--to", "2026-03-31", "--issue",
           "--family", service_path, "-o", "service");
  g_assert_cmpint (run.status, ==, 0);

  /* Three badges, each with its personal narrative, signed with Data
   * Integrity (the default, as for issue-batch). */
  dir = g_dir_open ("service", 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("service", name, NULL);
      g_autoptr(JsonObject) claims = test_issuing_read_baked (path, NULL);
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), claims);
      g_autofree char *json = json_to_string (node, FALSE);

      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (claims, "proof"),
                                                      "cryptosuite"), ==, "eddsa-rdfc-2022");
      if (strstr (json, "Celebrating 5 years at Acme Ltd \u2014 thank you, Person 1!") != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* Again: nothing new. */
  cli_run_clear (&run);
  run_cli (&run, "milestones", "--from", "2026-03-01", "--to", "2026-03-31", "--issue",
           "--family", service_path, "-o", "service");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 issued, 3 already issued"));

  /* VC-JWT on request; an unknown proof is a usage error. */
  cli_run_clear (&run);
  run_cli (&run, "milestones", "--from", "2026-03-01", "--to", "2026-03-01", "--issue",
           "--family", service_path, "-o", "service-jwt", "--proof", "vc-jwt");
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open ("service-jwt", 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  {
    g_autofree char *path = g_build_filename ("service-jwt", name, NULL);
    g_autoptr(JsonObject) claims = test_issuing_read_baked (path, NULL);

    /* The JWT claims, not a credential with an embedded proof. */
    g_assert_false (json_object_has_member (claims, "proof"));
    g_assert_true (json_object_has_member (claims, "jti"));
  }
  cli_run_clear (&run);
  run_cli (&run, "milestones", "--from", "2026-03-01", "--to", "2026-03-31", "--issue",
           "--family", service_path, "-o", "service", "--proof", "nope");
  g_assert_cmpint (run.status, ==, 2);
}

/* The id of the one badge `registry list --search TEXT` finds. */
static char *
find_id (const char *search)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run_cli (&run, "--json", "registry", "list", "--status", "valid", "--family", "data-privacy",
           "--search", search);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "id"));
}

static void
test_reissue_and_renew (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) old = NULL;
  g_autoptr(RosetteIssuedRecord) fresh = NULL;
  g_autoptr(RosetteIssuedRecord) renewed = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *old_id = NULL;
  g_autofree char *fresh_id = NULL;
  g_autofree char *renewed_id = NULL;
  g_autofree char *reissued_path = g_build_filename (root, "fixed.png", NULL);
  g_autofree char *renewed_path = g_build_filename (root, "renewed.png", NULL);
  g_autofree char *ob2_list = g_build_filename (root, "xdg-data", "rosette", "publish", "status",
                                                "ob2-revocations.json", NULL);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2031, 1, 31, 0, 0, 0);

  if (!need_keyring ())
    return;

  old_id = find_id ("p1@acme.example");

  /* Usage errors: no family, renew without a date, a bad address. */
  run_cli (&run, "reissue", old_id);
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
  run_cli (&run, "renew", old_id, "--family", family_path);
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
  run_cli (&run, "reissue", old_id, "--family", family_path, "--recipient", "not an address");
  g_assert_cmpint (run.status, ==, 2);

  /* A typo fixed: the new badge has the corrected name, the old one is
   * revoked as superseded and points at it. */
  cli_run_clear (&run);
  run_cli (&run, "--json", "reissue", old_id, "--family", family_path, "--name", "Person One",
           "--recipient", "person.one@acme.example", "--narrative", "Corrected name",
           "-o", reissued_path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  fresh_id = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                      "id"));
  g_assert_cmpstr (fresh_id, !=, old_id);
  g_assert_true (g_file_test (reissued_path, G_FILE_TEST_IS_REGULAR));

  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  old = rosette_registry_lookup (registry, old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_status (old), ==, ROSETTE_CREDENTIAL_STATUS_REVOKED);
  g_assert_cmpstr (rosette_issued_record_get_revoke_reason (old), ==, "superseded");
  g_assert_cmpstr (rosette_issued_record_get_superseded_by (old), ==, fresh_id);
  fresh = rosette_registry_lookup (registry, fresh_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_issued_record_get_name (fresh), ==, "Person One");
  g_assert_cmpstr (rosette_issued_record_get_email (fresh), ==, "person.one@acme.example");
  g_assert_cmpstr (rosette_issued_record_get_files (fresh)[0], ==, reissued_path);
  g_assert_cmpint (rosette_issued_record_get_status (fresh), ==, ROSETTE_CREDENTIAL_STATUS_VALID);
  /* The status lists were published again, the OB 2.0 list beside them. */
  g_assert_true (g_file_test (ob2_list, G_FILE_TEST_IS_REGULAR));

  /* Superseded once is enough. */
  cli_run_clear (&run);
  run_cli (&run, "reissue", old_id, "--family", family_path);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_true (g_str_has_prefix (run.err, "rosette-cli: "));

  /* Renew the corrected badge. */
  cli_run_clear (&run);
  run_cli (&run, "renew", fresh_id, "--family", family_path, "--valid-until", "2031-01-31",
           "-o", renewed_path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, fresh_id));
  g_assert_true (g_file_test (renewed_path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&fresh);
  fresh = rosette_registry_lookup (registry, fresh_id, NULL, &error);
  g_assert_no_error (error);
  renewed_id = g_strdup (rosette_issued_record_get_superseded_by (fresh));
  g_assert_nonnull (renewed_id);
  renewed = rosette_registry_lookup (registry, renewed_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_valid_until (renewed), >=, g_date_time_to_unix (until));
  g_assert_cmpint (rosette_issued_record_get_valid_until (renewed), <,
                   g_date_time_to_unix (until) + 24 * 60 * 60);
  g_assert_cmpstr (rosette_issued_record_get_name (renewed), ==, "Person One");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_cli_setup ("rosette-cli-registry-XXXXXX");
  family_path = g_build_filename (root, "privacy.rosette", NULL);
  service_path = g_build_filename (root, "service.rosette", NULL);

  g_test_add_func ("/rosette/cli/registry/setup", test_setup);
  g_test_add_func ("/rosette/cli/registry/list-and-revoke", test_list_and_revoke);
  g_test_add_func ("/rosette/cli/registry/reports", test_reports);
  g_test_add_func ("/rosette/cli/registry/export", test_export);
  g_test_add_func ("/rosette/cli/registry/milestones", test_milestones);
  g_test_add_func ("/rosette/cli/registry/reissue-and-renew", test_reissue_and_renew);

  status = g_test_run ();

  g_free (revoked_id);
  g_free (service_path);
  g_free (family_path);
  test_cli_teardown ();

  return status;
}
