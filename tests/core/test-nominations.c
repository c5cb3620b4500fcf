/* test-nominations.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Peer recognition: who may nominate whom for what, the limits per
 * nominator and per nominee (calendar periods, rejected ones not
 * counted), the CSV import from a form tool (and re-importing it), the
 * approval rules, and issuing approved nominations with the reason as the
 * badge's narrative.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"
#include "rosette-test-keyring.h"

typedef struct
{
  char            *dir;
  RosetteRegistry *registry;
  TestIssuing     *t;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rosette-nominations-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "registry.db", NULL);
  f->registry = rosette_registry_open (path, NULL, &error);
  g_assert_no_error (error);
  f->t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, "https://acme.example");
  /* The test family is "Data Privacy"; its Foundation tier stands for a value here. */
  g_assert_true (rosette_nominations_set_nominable (f->registry, f->t->family, "Foundation",
                                                    "Customer first", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->registry);
  g_clear_pointer (&f->t, test_issuing_free);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
nominate (Fixture     *f,
          const char  *nominator,
          const char  *nominee,
          const char  *when,
          GError     **error)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (when, NULL);
  RosetteNominationInput input = {
    .nominee_email = nominee,
    .nominator_email = nominator,
    .company_value = "Customer first",
    .reason = "Fixed the client's export on a Friday night",
    .submitted_at = at,
  };

  g_assert_nonnull (at);
  return rosette_nominations_submit (f->registry, &input, "app", NULL, error);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  RosetteNominationInput input = {
    .nominee_email = "ana@acme.example",
    .nominator_email = "ana@acme.example",
    .company_value = "Customer first",
    .reason = "I did great",
  };
  RosetteNomination *first;

  g_assert_cmpint (rosette_nominations_submit (f->registry, &input, "app", NULL, &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot nominate themselves"));
  g_clear_error (&error);

  input.nominator_email = "  Bea@Acme.example ";
  input.company_value = "Move fast";
  g_assert_cmpint (rosette_nominations_submit (f->registry, &input, "app", NULL, &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  /* The message names the values that exist. */
  g_assert_nonnull (strstr (error->message, "“Customer first”"));
  g_clear_error (&error);

  input.company_value = "customer FIRST";
  input.reason = "   ";
  g_assert_cmpint (rosette_nominations_submit (f->registry, &input, "app", NULL, &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  input.nominee_email = "not an address";
  input.reason = "Helped";
  g_assert_cmpint (rosette_nominations_submit (f->registry, &input, "app", NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  input.nominee_email = "ana@acme.example";
  g_assert_cmpint (rosette_nominations_submit (f->registry, &input, "app", NULL, &error), >, 0);
  g_assert_no_error (error);

  pending = rosette_registry_list_nominations (f->registry, ROSETTE_NOMINATION_PENDING, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  first = g_ptr_array_index (pending, 0);
  /* Addresses are normalized; the value is the nominable achievement's. */
  g_assert_cmpstr (first->nominator_email, ==, "bea@acme.example");
  g_assert_cmpstr (first->company_value, ==, "Customer first");
  g_assert_cmpstr (first->family_slug, ==, "data-privacy");
  g_assert_cmpstr (first->tier_slug, ==, "foundation");
}

static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (rosette_nominations_set_limit (f->registry, FALSE, "quarter", 3, &error));
  g_assert_false (rosette_nominations_set_limit (f->registry, FALSE, "fortnight", 3, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (nominate (f, "bea@acme.example", "ana@acme.example", "2027-01-04T09:00:00Z", &error), >, 0);
  g_assert_cmpint (nominate (f, "bea@acme.example", "carl@acme.example", "2027-02-04T09:00:00Z", &error), >, 0);
  id = nominate (f, "bea@acme.example", "dan@acme.example", "2027-03-04T09:00:00Z", &error);
  g_assert_cmpint (id, >, 0);
  g_assert_no_error (error);

  /* The fourth in Q1 is refused, with when the next one is possible. */
  g_assert_cmpint (nominate (f, "bea@acme.example", "eve@acme.example", "2027-03-30T09:00:00Z", &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "bea@acme.example has already made 3 nominations in Q1 2027"));
  g_assert_nonnull (strstr (error->message, "2027-04-01"));
  g_clear_error (&error);

  /* Another nominator is not affected; a new quarter starts afresh. */
  g_assert_cmpint (nominate (f, "carl@acme.example", "eve@acme.example", "2027-03-30T09:00:00Z", &error), >, 0);
  g_assert_cmpint (nominate (f, "bea@acme.example", "eve@acme.example", "2027-04-01T00:00:00Z", &error), >, 0);
  g_assert_no_error (error);

  /* A rejected nomination does not use up the allowance. */
  g_assert_true (rosette_nominations_decide (f->registry, id, FALSE, "mia@acme.example",
                                             "Already recognised this month", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nominate (f, "bea@acme.example", "eve@acme.example", "2027-03-31T09:00:00Z", &error), >, 0);
  g_assert_no_error (error);

  /* Per nominee: at most 2 a month. */
  g_assert_true (rosette_nominations_set_limit (f->registry, TRUE, "month", 2, &error));
  g_assert_cmpint (nominate (f, "fay@acme.example", "gus@acme.example", "2027-05-02T00:00:00Z", &error), >, 0);
  g_assert_cmpint (nominate (f, "hal@acme.example", "gus@acme.example", "2027-05-03T00:00:00Z", &error), >, 0);
  g_assert_cmpint (nominate (f, "ivy@acme.example", "gus@acme.example", "2027-05-31T23:00:00Z", &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "gus@acme.example has already been nominated 2 times in 2027-05"));
  g_clear_error (&error);

  /* Removing a limit lifts it. */
  g_assert_true (rosette_nominations_set_limit (f->registry, TRUE, "month", 0, &error));
  g_assert_cmpint (nominate (f, "ivy@acme.example", "gus@acme.example", "2027-05-31T23:00:00Z", &error), >, 0);
  g_assert_no_error (error);
}

static RosetteNominationImportResult *
import_file (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "pathways", "nominations.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  RosetteNominationImportResult *result;

  g_assert_no_error (error);
  result = rosette_nominations_import_csv (f->registry, G_INPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteNominationImportResult) first = NULL;
  g_autoptr(RosetteNominationImportResult) second = NULL;
  g_autoptr(RosetteNominationImportResult) bad = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GInputStream) no_reason = NULL;
  static const char header_only[] = "Nominee email,Nominator email,Value\nana@acme.example,bea@acme.example,x\n";
  RosetteNomination *row;

  first = import_file (f);
  g_assert_cmpuint (first->added, ==, 3);
  g_assert_cmpuint (first->already, ==, 0);
  g_assert_cmpuint (first->refused->len, ==, 2);
  /* Line numbers count the header. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (first->refused, 0), "line 4: "));
  g_assert_nonnull (strstr (g_ptr_array_index (first->refused, 0), "cannot nominate themselves"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (first->refused, 1), "line 5: "));

  all = rosette_registry_list_nominations (f->registry, ROSETTE_NOMINATION_ANY, &error);
  g_assert_cmpuint (all->len, ==, 3);
  row = g_ptr_array_index (all, 0);
  g_assert_cmpstr (row->nominator_name, ==, "Bea Costa");
  g_assert_cmpstr (row->nominee_name, ==, "Ana Lima");
  g_assert_cmpstr (row->source, ==, "csv");
  g_assert_cmpstr (row->reason, ==, "Stayed late to fix the Lisbon client's export, and called them, too");
  g_assert_cmpint (row->submitted_at, ==, 1799053920);  /* 2027-01-04T09:12:00Z */

  /* The same file again adds nothing. */
  second = import_file (f);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->already, ==, 3);
  g_assert_cmpuint (second->refused->len, ==, 2);

  no_reason = g_memory_input_stream_new_from_data (header_only, sizeof header_only - 1, NULL);
  bad = rosette_nominations_import_csv (f->registry, no_reason, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Reason”"));
}

static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteNomination) approved = NULL;
  gint64 id;
  gint64 other;

  id = nominate (f, "bea@acme.example", "ana@acme.example", "2027-01-04T09:00:00Z", &error);
  other = nominate (f, "carl@acme.example", "dan@acme.example", "2027-01-04T09:00:00Z", &error);
  g_assert_no_error (error);

  g_assert_false (rosette_nominations_decide (f->registry, id, TRUE, "", "fine", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_nominations_decide (f->registry, id, TRUE, "mia@acme.example", " ", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_nominations_decide (f->registry, id, TRUE, "ANA@acme.example", "Yes", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "own nomination"));
  g_clear_error (&error);
  g_assert_false (rosette_nominations_decide (f->registry, id, TRUE, "bea@acme.example", "Yes", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_nominations_decide (f->registry, 999, TRUE, "mia@acme.example", "Yes", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rosette_nominations_decide (f->registry, id, TRUE, "mia@acme.example",
                                             "Well deserved", NULL, &error));
  g_assert_no_error (error);
  /* Decided once: a second manager cannot change it. */
  g_assert_false (rosette_nominations_decide (f->registry, id, FALSE, "ned@acme.example",
                                              "No", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "approved by mia@acme.example"));
  g_clear_error (&error);

  approved = rosette_registry_get_nomination (f->registry, id, &error);
  g_assert_cmpint (approved->state, ==, ROSETTE_NOMINATION_APPROVED);
  g_assert_cmpstr (approved->approver, ==, "mia@acme.example");
  g_assert_cmpstr (approved->comment, ==, "Well deserved");
  g_assert_cmpint (approved->decided_at, >, 0);

  g_assert_true (rosette_nominations_decide (f->registry, other, FALSE, "mia@acme.example",
                                             "Not this time", NULL, &error));
  g_assert_no_error (error);
}

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(RosetteBatchSummary) first = NULL;
  g_autoptr(RosetteBatchSummary) second = NULL;
  g_autoptr(RosetteNomination) issued = NULL;
  g_autoptr(RosetteNomination) pending = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autofree char *contents = NULL;
  RosetteAwardContext context = {
    .registry = f->registry,
    .issuer = f->t->issuer,
    .family = f->t->family,
    .output_dir = out,
    .proof = ROSETTE_ISSUE_PROOF_VC_JWT,
    .format = ROSETTE_ISSUE_FORMAT_PNG,
    .include_names = TRUE,
    .key = f->t->key,
    .record = f->t->record,
  };
  gint64 id;
  gint64 waiting;

  id = nominate (f, "bea@acme.example", "ana@acme.example", "2027-01-04T09:00:00Z", &error);
  waiting = nominate (f, "carl@acme.example", "dan@acme.example", "2027-01-04T09:00:00Z", &error);
  g_assert_true (rosette_nominations_decide (f->registry, id, TRUE, "mia@acme.example",
                                             "Well deserved", NULL, &error));
  g_assert_no_error (error);

  first = rosette_nominations_issue_sync (&context, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->issued, ==, 1);
  g_assert_cmpuint (first->failed, ==, 0);

  issued = rosette_registry_get_nomination (f->registry, id, &error);
  g_assert_cmpint (issued->state, ==, ROSETTE_NOMINATION_ISSUED);
  g_assert_nonnull (issued->credential_id);
  record = rosette_registry_lookup (f->registry, issued->credential_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_issued_record_get_email (record), ==, "ana@acme.example");
  g_assert_cmpstr (rosette_issued_record_get_tier_slug (record), ==, "foundation");
  /* A pending nomination is never issued. */
  pending = rosette_registry_get_nomination (f->registry, waiting, &error);
  g_assert_cmpint (pending->state, ==, ROSETTE_NOMINATION_PENDING);
  g_assert_null (pending->credential_id);

  /* The reason is the badge's narrative evidence. */
  {
    g_autoptr(GBytes) png = NULL;
    g_autoptr(GBytes) jws = NULL;
    g_autoptr(GBytes) payload = NULL;
    g_autofree char *text = NULL;
    RosetteBadgeVersion version;
    char *bytes;
    gsize length;

    g_assert_true (g_file_get_contents (rosette_issued_record_get_files (record)[0], &bytes,
                                        &length, &error));
    png = g_bytes_new_take (bytes, length);
    jws = rosette_png_extract (png, &version, &error);
    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (jws, NULL), g_bytes_get_size (jws));
    g_assert_true (rosette_jws_verify (text, f->t->key, &payload, &error));
    contents = g_strndup (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  }
  g_assert_nonnull (strstr (contents, "\"narrative\":\"**Customer first.** Nominated by "
                                      "bea@acme.example: Fixed the client's export on a Friday "
                                      "night\""));

  second = rosette_nominations_issue_sync (&context, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->issued, ==, 0);
  g_assert_cmpuint (second->total, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/rosette/nominations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rules", test_rules);
  ADD ("limits", test_limits);
  ADD ("import", test_import);
  ADD ("approval", test_approval);
  ADD ("issue", test_issue);
#undef ADD

  return g_test_run ();
}
