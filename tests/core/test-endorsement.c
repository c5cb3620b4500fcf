/* test-endorsement.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * OB 3.0 EndorsementCredential: its shape, Rosette's own Data Integrity
 * check, and the independent verifier (@digitalbazaar/vc with the
 * eddsa-rdfc-2022 cryptosuite, run by tests/interop/di-interop.mjs)
 * accepting it and refusing a tampered copy.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"
#include "../interop/interop-utils.h"

#define ENDORSED "https://guild.example/achievements/first-aid-instructor"

static char *
sign (TestIssuing  *t,
      const char   *comment,
      GError      **error)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2026-01-01T00:00:00Z", NULL);
  RosetteEndorsementRequest request = {
    .subject_id = ENDORSED,
    .name = "Acme endorses the Guild’s First Aid Instructor badge",
    .comment = comment,
    .valid_from = from,
  };

  return rosette_endorsement_sign (t->issuer, t->record, t->key, &request, error);
}

static JsonObject *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL,
                                               "https://acme.example");
  g_autofree char *text = sign (t, "Their course meets our **safety** standard.", &error);
  g_autoptr(JsonObject) credential = NULL;
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  JsonArray *types;
  JsonObject *subject;
  JsonObject *proof;
  JsonObject *issuer;

  g_assert_no_error (error);
  credential = parse (text);
  types = json_object_get_array_member (credential, "type");
  g_assert_cmpstr (json_array_get_string_element (types, 0), ==, "VerifiableCredential");
  g_assert_cmpstr (json_array_get_string_element (types, 1), ==, "EndorsementCredential");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (credential, "id"), "urn:uuid:"));
  g_assert_cmpstr (json_object_get_string_member (credential, "validFrom"), ==, "2026-01-01T00:00:00Z");
  issuer = json_object_get_object_member (credential, "issuer");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (issuer, "id"), "did:key:z6Mk"));
  g_assert_cmpstr (json_object_get_string_member (issuer, "name"), ==, "Acme Ltd");
  subject = json_object_get_object_member (credential, "credentialSubject");
  g_assert_cmpstr (json_object_get_string_member (subject, "id"), ==, ENDORSED);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (subject, "type"), 0),
                   ==, "EndorsementSubject");
  g_assert_cmpstr (json_object_get_string_member (subject, "endorsementComment"), ==,
                   "Their course meets our **safety** standard.");
  proof = json_object_get_object_member (credential, "proof");
  g_assert_cmpstr (json_object_get_string_member (proof, "cryptosuite"), ==, "eddsa-rdfc-2022");

  result = rosette_data_integrity_verify (credential, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_data_integrity_result_get_verified (result));
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestIssuing) p256 = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL,
                                                  "https://acme.example");
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL,
                                               "https://acme.example");
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2026-01-01T00:00:00Z", NULL);
  g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 ("2025-01-01T00:00:00Z", NULL);
  RosetteEndorsementRequest request = { .subject_id = "first aid" };

  g_assert_null (sign (p256, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ed25519"));
  g_clear_error (&error);

  g_assert_null (rosette_endorsement_sign (t->issuer, t->record, t->key, &request, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  request.subject_id = ENDORSED;
  request.valid_from = from;
  request.valid_until = until;
  g_assert_null (rosette_endorsement_sign (t->issuer, t->record, t->key, &request, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static gboolean
have_node_verifier (const char *interop_dir)
{
  g_autofree char *marker = g_build_filename (interop_dir, "node_modules", "@digitalbazaar",
                                              "eddsa-rdfc-2022-cryptosuite", "package.json", NULL);
  g_autofree char *node = g_find_program_in_path ("node");

  if (node != NULL && g_file_test (marker, G_FILE_TEST_EXISTS))
    return TRUE;
  g_test_skip ("node or tests/interop/node_modules is missing (run npm ci in tests/interop)");
  return FALSE;
}

static JsonObject *
node_verify (const char *interop_dir,
             const char *path)
{
  g_autofree char *out = NULL;
  int status = interop_run (interop_dir, &out, "node", "di-interop.mjs", "verify", path, NULL);

  g_assert_cmpint (status, ==, 0);
  return parse (out);
}

static void
test_independent_verifier (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *interop_dir = g_build_filename (TESTS_SRCDIR, "interop", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL,
                                               "https://acme.example");
  g_autoptr(JsonObject) accepted = NULL;
  g_autoptr(JsonObject) refused = NULL;
  char *comment;

  if (!have_node_verifier (interop_dir))
    return;

  dir = g_dir_make_tmp ("rosette-endorsement-XXXXXX", &error);
  g_assert_no_error (error);
  text = sign (t, "Their course meets our safety standard.", &error);
  g_assert_no_error (error);
  good = interop_write_file (dir, "endorsement.json", text, -1);

  tampered = g_strdup (text);
  comment = strstr (tampered, "meets our");
  g_assert_nonnull (comment);
  memcpy (comment, "fails our", 9);
  bad = interop_write_file (dir, "tampered.json", tampered, -1);

  accepted = node_verify (interop_dir, good);
  if (!json_object_get_boolean_member (accepted, "verified"))
    g_test_message ("node: %s", json_object_get_string_member (accepted, "error"));
  g_assert_true (json_object_get_boolean_member (accepted, "verified"));
  refused = node_verify (interop_dir, bad);
  g_assert_false (json_object_get_boolean_member (refused, "verified"));

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/endorsement/shape", test_shape);
  g_test_add_func ("/rosette/endorsement/refusals", test_refusals);
  g_test_add_func ("/rosette/endorsement/independent-verifier", test_independent_verifier);

  return g_test_run ();
}
