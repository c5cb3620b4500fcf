/* test-interop.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Keys and signatures made by Rosette, checked by tools that share no code
 * with it: the `jose` npm library (JWK import, JWS verification) and the
 * openssl command line (PEM, PKCS#8, encrypted backups, raw signatures).
 * OpenSSL is only a checker here; Rosette itself uses GnuTLS alone.
 *
 * When tests/interop/node_modules is missing, the jose case runs
 * `npm ci` first; if that fails the case fails and says why.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-core.h"
#include "interop-utils.h"
#include "../core/rosette-test-keyring.h"

#define PASSPHRASE "interop passphrase"
#define PAYLOAD "{\"iss\":\"did:web:acme.example\",\"jti\":\"urn:uuid:3b3d5a1e\",\"name\":\"Zoë\"}"

static char *work_dir;
static char *interop_srcdir;

static const RosetteKeyAlgorithm all_algorithms[] = {
  ROSETTE_KEY_ALGORITHM_ED25519, ROSETTE_KEY_ALGORITHM_P256, ROSETTE_KEY_ALGORITHM_RSA2048,
};

static void
ensure_jose (void)
{
  g_autofree char *marker = g_build_filename (interop_srcdir, "node_modules", "jose", "package.json", NULL);
  int status;

  if (g_file_test (marker, G_FILE_TEST_EXISTS))
    return;

  g_test_message ("node_modules is missing: running npm ci in %s", interop_srcdir);
  status = interop_run (NULL, NULL, "npm", "ci", "--prefix", interop_srcdir, "--no-audit", "--no-fund", NULL);
  if (status != 0 || !g_file_test (marker, G_FILE_TEST_EXISTS))
    g_error ("`npm ci --prefix %s` failed (status %d): the jose interop test needs the npm "
             "registry once to install tests/interop/package-lock.json", interop_srcdir, status);
}

static void
test_jose (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *cases_path = NULL;
  g_autofree char *script = g_build_filename (interop_srcdir, "verify-jws.mjs", NULL);
  g_autofree char *output = NULL;
  int status;

  ensure_jose ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], &error);
      g_autofree char *id = rosette_key_dup_id (key);
      g_autofree char *kid = g_strconcat ("did:web:acme.example#", id, NULL);
      g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (key, kid);
      g_autoptr(JsonNode) jwk_node = json_node_new (JSON_NODE_OBJECT);
      const char *alg = rosette_key_algorithm_get_jws_name (all_algorithms[i]);
      g_autofree char *header = g_strdup_printf ("{\"alg\":\"%s\",\"kid\":\"%s\",\"typ\":\"JWT\"}", alg, kid);
      g_autofree char *jws = rosette_key_sign_jws (key, header, (const guint8 *) PAYLOAD,
                                                   strlen (PAYLOAD), &error);

      g_assert_no_error (error);
      json_node_set_object (jwk_node, jwk);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "alg");
      json_builder_add_string_value (builder, alg);
      json_builder_set_member_name (builder, "jwk");
      json_builder_add_value (builder, g_steal_pointer (&jwk_node));
      json_builder_set_member_name (builder, "jws");
      json_builder_add_string_value (builder, jws);
      json_builder_set_member_name (builder, "payload");
      json_builder_add_string_value (builder, PAYLOAD);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  cases = json_generator_to_data (generator, NULL);
  cases_path = interop_write_file (work_dir, "cases.json", cases, -1);

  status = interop_run (interop_srcdir, &output, "node", script, cases_path, NULL);
  g_test_message ("jose says:\n%s", output != NULL ? output : "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (output, "ok EdDSA"));
  g_assert_nonnull (strstr (output, "ok ES256"));
  g_assert_nonnull (strstr (output, "ok RS256"));
}

static void
test_openssl_public (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], NULL);
      g_autofree char *pem = rosette_key_dup_public_pem (key);
      g_autofree char *pem_path = interop_write_file (work_dir, "public.pem", pem, -1);
      g_autofree char *der_path = g_build_filename (work_dir, "public.der", NULL);
      g_autofree char *der = NULL;
      g_autoptr(GBytes) spki = rosette_key_dup_spki (key);
      g_autoptr(GBytes) der_bytes = NULL;
      g_autoptr(RosetteKeyRecord) record = rosette_key_record_new (all_algorithms[i], spki, NULL);
      g_autofree char *digest = NULL;
      gsize length = 0;

      g_assert_cmpint (interop_run (NULL, NULL, "openssl", "pkey", "-pubin", "-in", pem_path, "-noout", NULL), ==, 0);
      g_assert_cmpint (interop_run (NULL, NULL, "openssl", "pkey", "-pubin", "-in", pem_path,
                            "-outform", "DER", "-out", der_path, NULL), ==, 0);
      g_file_get_contents (der_path, &der, &length, NULL);
      der_bytes = g_bytes_new (der, length);
      g_assert_true (g_bytes_equal (der_bytes, spki));

      /* The fingerprint people compare is what sha256 of that DER gives. */
      g_assert_cmpint (interop_run (NULL, &digest, "openssl", "dgst", "-sha256", "-c", der_path, NULL), ==, 0);
      g_strstrip (digest);
      g_assert_cmpint (g_ascii_strcasecmp (strrchr (digest, ' ') + 1,
                                           rosette_key_record_get_fingerprint (record)), ==, 0);
    }
}

static void
test_openssl_signatures (void)
{
  /* Ed25519 and RS256 signatures are in the form openssl reads raw. */
  static const RosetteKeyAlgorithm algorithms[] = { ROSETTE_KEY_ALGORITHM_ED25519, ROSETTE_KEY_ALGORITHM_RSA2048 };
  g_autofree char *data_path = interop_write_file (work_dir, "data.bin", PAYLOAD, -1);

  for (guint i = 0; i < G_N_ELEMENTS (algorithms); i++)
    {
      g_autoptr(RosetteKey) key = rosette_key_generate (algorithms[i], NULL);
      g_autofree char *pem = rosette_key_dup_public_pem (key);
      g_autofree char *pem_path = interop_write_file (work_dir, "sig-public.pem", pem, -1);
      g_autoptr(GBytes) signature = rosette_key_sign (key, (const guint8 *) PAYLOAD, strlen (PAYLOAD), NULL);
      g_autofree char *sig_path = interop_write_file (work_dir, "data.sig", g_bytes_get_data (signature, NULL),
                                              g_bytes_get_size (signature));
      int status;

      if (algorithms[i] == ROSETTE_KEY_ALGORITHM_ED25519)
        status = interop_run (NULL, NULL, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem_path,
                      "-rawin", "-in", data_path, "-sigfile", sig_path, NULL);
      else
        status = interop_run (NULL, NULL, "openssl", "dgst", "-sha256", "-verify", pem_path,
                      "-signature", sig_path, data_path, NULL);
      g_assert_cmpint (status, ==, 0);
    }
}

static void
check_encrypted_block (const char *pem,
                       RosetteKey *key)
{
  g_autofree char *path = interop_write_file (work_dir, "encrypted.pem", pem, -1);
  g_autofree char *public_pem = rosette_key_dup_public_pem (key);
  g_autofree char *out = NULL;
  g_autofree char *structure = NULL;

  g_assert_true (g_str_has_prefix (pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----"));
  g_assert_cmpint (interop_run (NULL, &out, "openssl", "pkey", "-in", path, "-passin", "pass:" PASSPHRASE,
                        "-pubout", NULL), ==, 0);
  g_assert_cmpstr (out, ==, public_pem);

  g_assert_cmpint (interop_run (NULL, NULL, "openssl", "pkey", "-in", path, "-passin", "pass:wrong",
                        "-noout", NULL), !=, 0);

  /* PBES2 with AES-256, as promised. */
  g_assert_cmpint (interop_run (NULL, &structure, "openssl", "asn1parse", "-in", path, NULL), ==, 0);
  g_assert_nonnull (strstr (structure, "PBES2"));
  g_assert_nonnull (strstr (structure, "aes-256-cbc"));
}

static void
test_openssl_encrypted_pkcs8 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], NULL);
      g_autofree char *pem = rosette_key_export_encrypted_pkcs8 (key, PASSPHRASE, &error);

      g_assert_no_error (error);
      check_encrypted_block (pem, key);
    }
}

/* A real backup bundle, made through a private keyring: every block in it
 * opens with openssl and the passphrase. */
static void
test_openssl_backup_bundle (void)
{
  g_autofree char *session_dir = g_build_filename (work_dir, "session", NULL);
  g_autofree char *store_dir = g_build_filename (work_dir, "store", NULL);
  g_autofree char *bundle_path = g_build_filename (work_dir, "backup.json", NULL);
  g_autoptr(GFile) store_file = g_file_new_for_path (store_dir);
  g_autoptr(GFile) bundle = g_file_new_for_path (bundle_path);
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteKeyRecord) rsa = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TestSession) session = NULL;
  JsonArray *keys;

  if (g_test_subprocess ())
    {
      store = rosette_issuer_store_new (store_file);
      issuer = rosette_issuer_new ("Interop Ltd");
      g_assert_true (rosette_issuer_create_sync (issuer, store, NULL, &error));
      g_assert_no_error (error);
      rsa = rosette_issuer_generate_key_sync (issuer, store, ROSETTE_KEY_ALGORITHM_RSA2048, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (rosette_issuer_backup_sync (issuer, bundle, PASSPHRASE, NULL, &error));
      g_assert_no_error (error);

      json_parser_load_from_file (parser, bundle_path, &error);
      g_assert_no_error (error);
      keys = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "keys");
      g_assert_cmpuint (json_array_get_length (keys), ==, 3);
      for (guint i = 0; i < json_array_get_length (keys); i++)
        {
          JsonObject *entry = json_array_get_object_element (keys, i);
          RosetteKeyRecord *record = rosette_issuer_find_key (issuer, json_object_get_string_member (entry, "id"));
          g_autoptr(RosetteKey) pub = rosette_key_new_from_record (record, &error);

          g_assert_no_error (error);
          check_encrypted_block (json_object_get_string_member (entry, "encrypted-pkcs8"), pub);
        }
      return;
    }

  session = test_session_start (session_dir, TRUE, &error);
  if (session == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("no private keyring: %s", error->message);

      g_test_skip (reason);
      return;
    }

  /* The child uses the private keyring as its session bus (main() set
   * DBUS_SESSION_BUS_ADDRESS to it while the process had one thread). */
  g_assert_cmpstr (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), ==, session->address);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  interop_srcdir = g_build_filename (TESTS_SRCDIR, "interop", NULL);
  if (!g_test_subprocess ())
    {
      work_dir = g_dir_make_tmp ("rosette-test-interop-XXXXXX", NULL);
      g_autofree char *address = g_strconcat ("unix:path=", work_dir, "/session/bus", NULL);

      g_setenv ("ROSETTE_TEST_INTEROP_DIR", work_dir, TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
    }
  else
    {
      work_dir = g_strdup (g_getenv ("ROSETTE_TEST_INTEROP_DIR"));
    }

  g_test_add_func ("/rosette/interop/jose", test_jose);
  g_test_add_func ("/rosette/interop/openssl-public", test_openssl_public);
  g_test_add_func ("/rosette/interop/openssl-signatures", test_openssl_signatures);
  g_test_add_func ("/rosette/interop/openssl-encrypted-pkcs8", test_openssl_encrypted_pkcs8);
  g_test_add_func ("/rosette/interop/openssl-backup-bundle", test_openssl_backup_bundle);

  status = g_test_run ();

  if (!g_test_subprocess () && g_getenv ("ROSETTE_TEST_KEEP") == NULL)
    test_rm_rf (work_dir);
  g_free (work_dir);
  g_free (interop_srcdir);

  return status;
}
