/* test-di-interop.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Data Integrity interoperability with the JavaScript reference stack
 * (@digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite +
 * ed25519-multikey, run offline by di-interop.mjs over Rosette's pinned
 * contexts):
 *
 * - vc.js verifies badges Rosette signs, and rejects them once tampered;
 * - Rosette verifies badges vc.js signs, and rejects them once tampered;
 * - both sign the same badge with the same key and time to the same
 *   proofValue, byte for byte;
 * - vc.js verifies the 1EdTech samples Rosette verifies.
 *
 * When tests/interop/node_modules lacks a package, `npm ci` runs first
 * (network: the npm registry only, once).
 */

#include "config.h"

#include <string.h>

#include "rosette-core.h"
#include "interop-utils.h"
#include "../core/rosette-test-di.h"

static const char *interop_srcdir = TESTS_SRCDIR "/interop";

static const char * const node_packages[] = {
  "@digitalbazaar/vc",
  "@digitalbazaar/data-integrity",
  "@digitalbazaar/eddsa-rdfc-2022-cryptosuite",
  "@digitalbazaar/ed25519-multikey",
};

static void
ensure_node_modules (void)
{
  gboolean missing = FALSE;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (node_packages); i++)
    {
      g_autofree char *marker = g_build_filename (interop_srcdir, "node_modules", node_packages[i],
                                                  "package.json", NULL);

      missing |= !g_file_test (marker, G_FILE_TEST_EXISTS);
    }
  if (!missing)
    return;

  status = interop_run (NULL, NULL, "npm", "ci", "--prefix", interop_srcdir, "--no-audit",
                        "--no-fund", NULL);
  if (status != 0)
    g_error ("`npm ci --prefix %s` failed (status %d)", interop_srcdir, status);
}

static JsonObject *
read_object (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
write_object (const char *dir,
              const char *name,
              JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (root, object);
  text = json_to_string (root, TRUE);
  return interop_write_file (dir, name, text, -1);
}

static JsonObject *
badge_for (const char *issuer)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "di", "rosette", "badge.json", NULL);
  JsonObject *badge = read_object (path);

  json_object_set_string_member (json_object_get_object_member (badge, "issuer"), "id", issuer);
  return badge;
}

/* Runs `di-interop.mjs verify` on @paths; returns one verdict per file. */
static GArray *
node_verify (const char * const *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *verdicts = g_array_new (FALSE, FALSE, sizeof (gboolean));

  g_ptr_array_add (argv, (gpointer) "node");
  g_ptr_array_add (argv, (gpointer) "di-interop.mjs");
  g_ptr_array_add (argv, (gpointer) "verify");
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) paths[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_cwd (launcher, interop_srcdir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  lines = g_strsplit (g_strstrip (output), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *line;
      gboolean verified;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      line = json_node_get_object (json_parser_get_root (parser));
      verified = json_object_get_boolean_member (line, "verified");
      g_test_message ("vc.js: %s", lines[i]);
      g_array_append_val (verdicts, verified);
    }
  return verdicts;
}

static void
test_node_verifies_rosette (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-di-XXXXXX", &error);
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (key, &error);
  g_autoptr(JsonObject) badge = badge_for (did);
  g_autoptr(JsonObject) signed_badge = NULL;
  g_autoptr(GArray) verdicts = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad_name = NULL;
  g_autofree char *bad_subject = NULL;
  g_autofree char *bad_proof = NULL;
  JsonObject *subject;

  ensure_node_modules ();
  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_no_error (error);
  good = write_object (dir, "good.json", signed_badge);

  /* Tampered copies: a top-level value, a nested one, the proof time. */
  json_object_set_string_member (signed_badge, "name", "Data Stewardship — Platinum");
  bad_name = write_object (dir, "bad-name.json", signed_badge);
  json_object_set_string_member (signed_badge, "name", "Data Stewardship — Gold");
  subject = json_object_get_object_member (signed_badge, "credentialSubject");
  json_object_set_string_member (subject, "id", "urn:uuid:00000000-0000-4000-8000-000000000000");
  bad_subject = write_object (dir, "bad-subject.json", signed_badge);
  json_object_set_string_member (subject, "id", "urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7");
  json_object_set_string_member (json_object_get_object_member (signed_badge, "proof"),
                                 "created", "2031-01-01T00:00:00Z");
  bad_proof = write_object (dir, "bad-proof.json", signed_badge);

  {
    const char * const paths[] = { good, bad_name, bad_subject, bad_proof, NULL };

    verdicts = node_verify (paths);
  }
  g_assert_cmpuint (verdicts->len, ==, 4);
  g_assert_true (g_array_index (verdicts, gboolean, 0));
  g_assert_false (g_array_index (verdicts, gboolean, 1));
  g_assert_false (g_array_index (verdicts, gboolean, 2));
  g_assert_false (g_array_index (verdicts, gboolean, 3));
}

static void
test_rosette_verifies_node (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-di-XXXXXX", &error);
  g_autoptr(RosetteKey) key = di_test_w3c_key ();
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (key, &error);
  g_autoptr(JsonObject) badge = badge_for (did);
  g_autoptr(JsonObject) node_signed = NULL;
  g_autoptr(JsonObject) ours = NULL;
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  g_autoptr(RosetteDataIntegrityResult) tampered = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *input = write_object (dir, "unsigned.json", badge);
  g_autofree char *output = g_build_filename (dir, "signed.json", NULL);
  JsonObject *proof;
  int status;

  ensure_node_modules ();
  status = interop_run (interop_srcdir, NULL, "node", "di-interop.mjs", "sign", input, output, NULL);
  g_assert_cmpint (status, ==, 0);
  node_signed = read_object (output);
  proof = json_object_get_object_member (node_signed, "proof");
  g_assert_cmpstr (json_object_get_string_member (proof, "verificationMethod"), ==, method);

  result = rosette_data_integrity_verify (node_signed, &error);
  g_assert_no_error (error);
  g_assert_null (rosette_data_integrity_result_get_reasons (result)[0]);
  g_assert_true (rosette_data_integrity_result_get_verified (result));

  /* Same key, same badge, same time: the same proofValue. */
  created = g_date_time_new_from_iso8601 (json_object_get_string_member (proof, "created"), NULL);
  g_assert_nonnull (created);
  ours = rosette_data_integrity_sign (badge, key, method, created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ours, "proof"),
                                                  "proofValue"), ==,
                   json_object_get_string_member (proof, "proofValue"));

  json_object_set_string_member (json_object_get_object_member (
                                   json_object_get_object_member (
                                     json_object_get_object_member (node_signed, "credentialSubject"),
                                     "achievement"), "criteria"),
                                 "narrative", "Attended.");
  tampered = rosette_data_integrity_verify (node_signed, &error);
  g_assert_no_error (error);
  g_assert_false (rosette_data_integrity_result_get_verified (tampered));
}

static void
test_1edtech_samples (void)
{
  g_autofree char *simple = g_build_filename (TESTS_SRCDIR, "data", "di", "1edtech-validator",
                                              "simple.json", NULL);
  g_autofree char *vector = g_build_filename (TESTS_SRCDIR, "data", "di", "1edtech", "signed.json",
                                              NULL);
  g_autofree char *bad = g_build_filename (TESTS_SRCDIR, "data", "di", "1edtech-validator",
                                           "simple-err-proof-value.json", NULL);
  const char * const paths[] = { simple, vector, bad, NULL };
  g_autoptr(GArray) verdicts = NULL;

  ensure_node_modules ();
  verdicts = node_verify (paths);
  g_assert_cmpuint (verdicts->len, ==, 3);
  g_assert_true (g_array_index (verdicts, gboolean, 0));
  g_assert_true (g_array_index (verdicts, gboolean, 1));
  g_assert_false (g_array_index (verdicts, gboolean, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/di-interop/node-verifies-rosette", test_node_verifies_rosette);
  g_test_add_func ("/rosette/di-interop/rosette-verifies-node", test_rosette_verifies_node);
  g_test_add_func ("/rosette/di-interop/1edtech-samples", test_1edtech_samples);

  return g_test_run ();
}
