/* test-verify-interop.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Badges from independent issuers: make-independent-badges.mjs signs
 * fresh ones with jose (VC-JWT EdDSA, ES256 with a did:key zDn… issuer,
 * RS256; an OB 2.0 JWS) and @digitalbazaar/vc (eddsa-rdfc-2022), and
 * Rosette must verify each as expected. The same script made the copies
 * committed in tests/data/verify/independent/, which the core suite
 * checks without node. `npm ci` runs first when node_modules lacks jose
 * (network: the npm registry only).
 *
 * Revocation: a loopback server here serves signed status lists, and
 * both Rosette and status-interop.mjs (@digitalbazaar/vc, fetching from
 * the same server and checking the list's own proof) must see a revoked
 * badge as revoked, a kept one as kept, and trust no tampered list.
 */

#include "rosette-core.h"
#include "interop-utils.h"
#include "../core/rosette-test-verify.h"

#include <glib/gstdio.h>

static const char *interop_srcdir = TESTS_SRCDIR G_DIR_SEPARATOR_S "interop";

static void
ensure_node_modules (void)
{
  g_autofree char *marker = g_build_filename (interop_srcdir, "node_modules", "jose", NULL);
  int status;

  if (g_file_test (marker, G_FILE_TEST_IS_DIR))
    return;
  status = interop_run (NULL, NULL, "npm", "ci", "--prefix", interop_srcdir, "--no-audit",
                        "--no-fund", NULL);
  if (status != 0)
    g_error ("`npm ci --prefix %s` failed (status %d)", interop_srcdir, status);
}

static RosetteVerifyVerdict
verify (const char *dir,
        const char *name,
        const char *key_name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  rosette_verifier_set_offline (verifier, TRUE);
  if (key_name != NULL)
    {
      g_autofree char *key_path = g_build_filename (dir, key_name, NULL);
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;

      g_file_get_contents (key_path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new (contents, length);
      g_assert_true (rosette_verifier_load_trusted_key (verifier, bytes, &error));
    }
  report = rosette_verifier_verify_file_sync (verifier, file, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s", name, rosette_verify_report_get_verdict_text (report));
  return rosette_verify_report_get_verdict (report);
}

static void
test_independent_badges (void)
{
  g_autofree char *script = g_build_filename (interop_srcdir, "make-independent-badges.mjs", NULL);
  g_autofree char *dir = g_dir_make_tmp ("rosette-verify-XXXXXX", NULL);
  g_autofree char *di = NULL;

  ensure_node_modules ();
  g_assert_cmpint (interop_run (NULL, NULL, "node", script, dir, NULL), ==, 0);

  g_assert_cmpint (verify (dir, "ob3-eddsa.jwt", NULL), ==, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpint (verify (dir, "ob3-es256.jwt", NULL), ==, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpint (verify (dir, "ob3-rs256.jwt", NULL), ==, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
  g_assert_cmpint (verify (dir, "ob3-rs256.jwt", "rs256.jwk"), ==, ROSETTE_VERIFY_VERDICT_VALID);
  /* A key that is not the issuer's: the RS256 badge with the OB 2.0 key. */
  g_assert_cmpint (verify (dir, "ob3-rs256.jwt", "ob2.pem"), ==, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  /* OB 2.0: signature checked; the BadgeClass and its list are on the web. */
  g_assert_cmpint (verify (dir, "ob2-signed.jws", "ob2.pem"), ==, ROSETTE_VERIFY_VERDICT_INCOMPLETE);

  di = g_build_filename (dir, "ob3-di.json", NULL);
  if (g_file_test (di, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (verify (dir, "ob3-di.json", NULL), ==, ROSETTE_VERIFY_VERDICT_VALID);
      g_assert_cmpint (verify (dir, "ob3-di-tampered.json", NULL), ==, ROSETTE_VERIFY_VERDICT_NOT_VALID);
    }
  else
    {
      g_test_message ("@digitalbazaar/vc is not installed: Data Integrity badges not made");
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

static void
test_status_lists (void)
{
  StatusServer s = { 0, };
  GThread *thread;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("rosette-status-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (interop_srcdir, "status-interop.mjs", NULL);
  g_autofree char *good_url = NULL;
  g_autofree char *tampered_url = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  static const struct
  {
    const char         *name;
    gboolean            tampered_list;
    guint               index;
    RosetteVerifyState  rosette;    /* the revocation check */
    const char         *node_revoked; /* "true", "false", "null" (list not trusted) */
  } cases[] = {
    { "revoked.json", FALSE, 7, ROSETTE_VERIFY_STATE_FAILED, "true" },
    { "kept.json", FALSE, 8, ROSETTE_VERIFY_STATE_PASSED, "false" },
    { "tampered-list.json", TRUE, 7, ROSETTE_VERIFY_STATE_NOT_CHECKED, "null" },
  };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) command = g_string_new (NULL);

  ensure_node_modules ();
  status_server_start (&s);
  thread = status_server_run (&s);
  good_url = g_strdup_printf ("http://127.0.0.1:%u/status/1", s.port);
  tampered_url = g_strdup_printf ("http://127.0.0.1:%u/status/2", s.port);
  {
    g_autoptr(GBytes) signed_list = status_list_new (t, tampered_url, 7, "di");

    g_hash_table_insert (s.lists, g_strdup ("/status/1"), status_list_new (t, good_url, 7, "di"));
    /* Bit 7 cleared on the way: the proof no longer matches. */
    g_hash_table_insert (s.lists, g_strdup ("/status/2"), status_list_tamper (signed_list, 9));
  }

  rosette_verifier_set_allow_loopback (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana.lima@acme.example");
      g_autofree char *json = NULL;
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RosetteVerifyReport) report = NULL;
      g_autoptr(GError) error = NULL;
      RosetteVerifyCheck *check;

      rosette_credential_set_status (credential, cases[i].tampered_list ? tampered_url : good_url,
                                     cases[i].index);
      json = test_verify_data_integrity (t, credential);
      g_assert_true (g_file_set_contents (path, json, -1, &error));
      g_assert_no_error (error);
      report = rosette_verifier_verify_file_sync (verifier, file, NULL, &error);
      g_assert_no_error (error);
      check = rosette_verify_report_get_check (report, ROSETTE_VERIFY_CHECK_REVOCATION);
      g_test_message ("Rosette, %s: %s", cases[i].name, rosette_verify_check_get_explanation (check));
      g_assert_cmpint (rosette_verify_check_get_state (check), ==, cases[i].rosette);
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  g_assert_cmpint (interop_run (NULL, &out, "node", script, paths->pdata[0], paths->pdata[1],
                                paths->pdata[2], NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) line = json_from_string (lines[i], &error);
      JsonObject *o;
      JsonNode *revoked;
      const char *seen;

      g_assert_no_error (error);
      g_test_message ("@digitalbazaar/vc, %s", lines[i]);
      o = json_node_get_object (line);
      revoked = json_object_get_member (o, "revoked");
      seen = JSON_NODE_HOLDS_NULL (revoked) ? "null" : json_node_get_boolean (revoked) ? "true" : "false";
      g_assert_cmpstr (seen, ==, cases[i].node_revoked);
      /* Only the kept badge is valid for both. */
      g_assert_cmpint (json_object_get_boolean_member (o, "verified"), ==,
                       cases[i].rosette == ROSETTE_VERIFY_STATE_PASSED);
    }

  status_server_stop (&s, thread);
  for (guint i = 0; i < paths->len; i++)
    g_unlink (paths->pdata[i]);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/verify-interop/independent-badges", test_independent_badges);
  g_test_add_func ("/rosette/verify-interop/status-lists", test_status_lists);

  return g_test_run ();
}
