/* test-cli-pathway.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rosette-cli pathway` and `rosette-cli nominate` as a user runs them,
 * against a private keyring: three people hold Data Privacy Foundation and
 * one of them Practitioner too; the family ladder then has one completed
 * and two qualified for Practitioner. Nominations come from a form's CSV
 * (tests/data/pathways/nominations.csv) and through `nominate add`.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rosette-core.h"
#include "rosette-test-cli.h"

static char *family_path;
static char *kudos_path;

static void
write_csv (const char *name,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (root, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_setup (void)
{
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "family", "new", "--kind", "compliance", "--name", "Data Privacy",
           "-o", family_path);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "family", "new", "--kind", "recognition", "--name", "Kudos", "-o", kudos_path);
  g_assert_cmpint (run.status, ==, 0);

  if (!need_keyring ())
    return;
  cli_run_clear (&run);
  run_cli (&run, "issuer", "create", "--name", "Acme Ltd", "--url", "https://acme.example/");
  g_assert_cmpint (run.status, ==, 0);

  write_csv ("foundation.csv", "Work Email,Full Name\np0@acme.example,Person 0\n"
                               "p1@acme.example,Person 1\np2@acme.example,Person 2\n");
  write_csv ("practitioner.csv", "Work Email,Full Name\np0@acme.example,Person 0\n");
  cli_run_clear (&run);
  run_cli (&run, "issue-batch", "--family", family_path, "--tier", "Foundation",
           "--csv", "foundation.csv", "-o", "badges", "--batch", "foundation-2026");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "issue-batch", "--family", family_path, "--tier", "Practitioner",
           "--csv", "practitioner.csv", "-o", "badges", "--batch", "practitioner-2026");
  g_assert_cmpint (run.status, ==, 0);
}

static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonNode) node = parse_json (line);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The state of @email in `--json pathway status SLUG`. */
static char *
state_of (const char *slug,
          const char *email)
{
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "--json", "pathway", "status", slug);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonObject) row = parse_line (lines[i]);

      if (g_strcmp0 (json_object_get_string_member (row, "email"), email) == 0)
        return g_strdup (json_object_get_string_member (row, "state"));
    }
  return NULL;
}

static void
test_define (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *p0 = NULL;
  g_autofree char *p1 = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *require = NULL;

  if (!need_keyring ())
    return;

  run_cli (&run, "pathway", "define", "--ladder", family_path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "data-privacy-practitioner\tData Privacy: Practitioner\n"));
  g_assert_nonnull (strstr (run.out, "data-privacy-expert\tData Privacy: Expert\n"));

  p0 = state_of ("data-privacy-practitioner", "p0@acme.example");
  p1 = state_of ("data-privacy-practitioner", "p1@acme.example");
  g_assert_cmpstr (p0, ==, "completed");
  g_assert_cmpstr (p1, ==, "qualified");

  goal = g_strconcat (family_path, ":Expert", NULL);
  require = g_strconcat (family_path, ":Practitioner", NULL);
  cli_run_clear (&run);
  run_cli (&run, "pathway", "define", "Privacy lead", "--goal", goal);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--require"));
  cli_run_clear (&run);
  run_cli (&run, "pathway", "define", "Privacy lead", "--goal", goal, "--require", require,
           "--n-of", "2");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "N can be at most"));
  cli_run_clear (&run);
  run_cli (&run, "pathway", "define", "Privacy lead", "--goal", goal, "--require", require,
           "--valid", "31.03.2027");
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
  run_cli (&run, "pathway", "define", "Privacy lead", "--goal", goal, "--require", require,
           "--valid", "now");
  g_assert_cmpint (run.status, ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "pathway", "status");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  g_assert_nonnull (strstr (run.out, "privacy-lead\tPrivacy lead (all of 1, still valid)\t"
                                     "0 completed, 1 qualify, 0 one step away, 0 in progress"));

  cli_run_clear (&run);
  run_cli (&run, "pathway", "status", "nope");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no pathway “nope”"));
}

static void
test_issue_and_export (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonObject) exported = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autofree char *text = NULL;
  g_autofree char *p1 = NULL;
  g_autofree char *export_path = NULL;
  RosetteIssuedQuery query = { .family_slug = "data-privacy", .tier_slug = "practitioner" };
  JsonObject *evidence;
  const char *narrative = NULL;

  if (!need_keyring ())
    return;

  run_cli (&run, "pathway", "issue", "data-privacy-practitioner", "-o", "badges");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "pathway-data-privacy-practitioner: 2 issued"));
  cli_run_clear (&run);
  run_cli (&run, "pathway", "issue", "data-privacy-practitioner", "-o", "badges");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ": 0 issued"));
  p1 = state_of ("data-privacy-practitioner", "p1@acme.example");
  g_assert_cmpstr (p1, ==, "completed");

  /* The goal badge's narrative names the pathway... */
  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  query.text = "p1@acme.example";
  records = rosette_registry_list_issued (registry, &query, &error);
  g_assert_cmpuint (records->len, ==, 1);
  {
    const char *stored = rosette_issued_record_get_files (g_ptr_array_index (records, 0))[0];
    g_autofree char *file = g_path_is_absolute (stored) ? g_strdup (stored)
                                                        : g_build_filename (root, stored, NULL);

    claims = read_baked_claims (file);
  }
  evidence = json_array_get_object_element (json_object_get_array_member (claims, "evidence"), 0);
  narrative = json_object_get_string_member (evidence, "narrative");
  g_assert_nonnull (strstr (narrative, "Data Privacy: Practitioner"));
  /* ...and an Evidence entry of its own points at the qualifying credential. */
  {
    JsonArray *entries = json_object_get_array_member (claims, "evidence");
    gboolean points = FALSE;

    for (guint i = 0; i < json_array_get_length (entries) && !points; i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);

        points = g_str_has_prefix (json_object_get_string_member_with_default (entry, "id", ""),
                                   "urn:uuid:");
      }
    g_assert_true (points);
  }

  cli_run_clear (&run);
  run_cli (&run, "pathway", "export", "-o", "pathways.json");
  g_assert_cmpint (run.status, ==, 0);
  export_path = g_build_filename (root, "pathways.json", NULL);
  g_assert_true (g_file_get_contents (export_path, &text, NULL, &error));
  exported = parse_line (text);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (exported, "pathways")), ==, 3);

  cli_run_clear (&run);
  run_cli (&run, "pathway", "how-to-earn", "data-privacy/expert", "--html");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "<section class=\"how-to-earn\">"));
  g_assert_nonnull (strstr (run.out, "<li>Data Privacy: Practitioner</li>"));
  cli_run_clear (&run);
  run_cli (&run, "pathway", "how-to-earn", "data-privacy/foundation");
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_nominate (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *csv = g_build_filename (TESTS_SRCDIR, "data", "pathways", "nominations.csv", NULL);
  g_autoptr(JsonObject) issued = NULL;

  if (!need_keyring ())
    return;

  run_cli (&run, "nominate", "value", "--family", kudos_path, "--tier", "1",
           "--value", "Customer first");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "nominate", "limit", "--per", "nominator", "--period", "quarter", "--max", "1");
  g_assert_cmpint (run.status, ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "nominate", "import", csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "3 added, 0 already imported, 2 left out"));
  g_assert_nonnull (strstr (run.err, "line 4: ana@acme.example cannot nominate themselves"));
  g_assert_nonnull (strstr (run.err, "line 5: “Move fast” is not a value"));

  /* Bea nominated in January: one more in Q4 2026 is allowed, not in Q1 2027. */
  cli_run_clear (&run);
  run_cli (&run, "nominate", "add", "--nominee", "eve@acme.example", "--nominator",
           "bea@acme.example", "--value", "Customer first", "--reason", "Helped onboarding",
           "--submitted", "2026-11-20");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "nominate", "add", "--nominee", "fay@acme.example", "--nominator",
           "bea@acme.example", "--value", "Customer first", "--reason", "Again",
           "--submitted", "2027-03-31");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "bea@acme.example has already made 1 nominations"));
  g_assert_nonnull (strstr (run.err, "the limit is 1 per nominator per quarter"));
  g_assert_nonnull (strstr (run.err, "from 2027-04-01"));

  cli_run_clear (&run);
  run_cli (&run, "nominate", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 4);
  g_assert_nonnull (strstr (run.out, "\n1\tpending\t2027-01-04\tana@acme.example\t"
                                     "bea@acme.example\tCustomer first\tStayed late"));

  cli_run_clear (&run);
  run_cli (&run, "nominate", "approve", "1", "--approver", "ana@acme.example", "--comment", "Me!");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "own nomination"));
  cli_run_clear (&run);
  run_cli (&run, "nominate", "approve", "1", "--approver", "mia@acme.example");
  g_assert_cmpint (run.status, ==, 2);
  cli_run_clear (&run);
  run_cli (&run, "nominate", "approve", "1", "--approver", "mia@acme.example",
           "--comment", "Well deserved", "-o", "kudos");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "nominations: 1 issued"));

  cli_run_clear (&run);
  run_cli (&run, "nominate", "reject", "2", "--approver", "mia@acme.example",
           "--comment", "Recognised already");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "nominate", "reject", "2", "--approver", "ned@acme.example", "--comment", "No");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "already rejected by mia@acme.example"));

  cli_run_clear (&run);
  run_cli (&run, "--json", "nominate", "list", "--state", "issued");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  issued = parse_line (run.out);
  g_assert_cmpstr (json_object_get_string_member (issued, "approver"), ==, "mia@acme.example");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (issued, "credential"), "urn:uuid:"));

  cli_run_clear (&run);
  run_cli (&run, "nominate", "list", "--state", "rejected");
  g_assert_cmpuint (count_lines (run.out), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_cli_setup ("rosette-cli-pathway-XXXXXX");
  family_path = g_build_filename (root, "privacy.rosette", NULL);
  kudos_path = g_build_filename (root, "kudos.rosette", NULL);

  g_test_add_func ("/rosette/cli/pathway/setup", test_setup);
  g_test_add_func ("/rosette/cli/pathway/define-and-status", test_define);
  g_test_add_func ("/rosette/cli/pathway/issue-and-export", test_issue_and_export);
  g_test_add_func ("/rosette/cli/pathway/nominate", test_nominate);

  status = g_test_run ();

  g_free (kudos_path);
  g_free (family_path);
  test_cli_teardown ();

  return status;
}
