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
 */

#include "rosette-core.h"
#include "interop-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/verify-interop/independent-badges", test_independent_badges);

  return g_test_run ();
}
