/* test-issuer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The issuer profile and its store, without the keyring (test-keys.c
 * covers the operations that need one). */

#include "config.h"

#include <string.h>

#include "rosette-core.h"
#include "rosette-test-keyring.h"

static RosetteKeyRecord *
make_record (RosetteKeyAlgorithm algorithm)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) key = rosette_key_generate (algorithm, &error);
  g_autoptr(GBytes) spki = NULL;

  g_assert_no_error (error);
  spki = rosette_key_dup_spki (key);
  return rosette_key_record_new (algorithm, spki, NULL);
}

static void
test_fields (void)
{
  g_autoptr(RosetteIssuer) issuer = rosette_issuer_new ("Acme Training");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_uuid_string_is_valid (rosette_issuer_get_id (issuer)));
  g_assert_cmpstr (rosette_issuer_get_identifier (issuer), ==, "did:key");
  g_assert_cmpint (rosette_issuer_get_identifier_mode (issuer), ==, ROSETTE_IDENTIFIER_MODE_DID_KEY);
  g_assert_true (rosette_issuer_validate (issuer, &error));

  g_assert_true (rosette_issuer_set_field (issuer, "url", "https://acme.example", &error));
  g_assert_true (rosette_issuer_set_field (issuer, "email", "badges@acme.example", &error));
  g_assert_true (rosette_issuer_set_field (issuer, "identifier", "did:web:acme.example", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issuer_get_identifier_mode (issuer), ==, ROSETTE_IDENTIFIER_MODE_DID_WEB);

  /* What a person might type wrongly: each is refused and nothing changes. */
  static const struct { const char *field; const char *value; } bad[] = {
    { "name", "" },
    { "name", "Line\nbreak" },
    { "url", "ftp://acme.example" },
    { "url", "acme.example" },
    { "email", "not an email" },
    { "email", "a@b" },
    { "image", "javascript:alert(1)" },
    { "image", "data:text/html;base64,PGgxPg==" },
    { "identifier", "did:web:" },
    { "identifier", "did:web:localhost/../etc" },
    { "identifier", "http://acme.example/issuer" },
    { "identifier", "did:jwk:abc" },
    { "colour", "red" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *before = g_strdup (rosette_issuer_get_field (issuer, bad[i].field));

      g_assert_false (rosette_issuer_set_field (issuer, bad[i].field, bad[i].value, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpstr (rosette_issuer_get_field (issuer, bad[i].field), ==, before);
    }

  g_assert_true (rosette_issuer_set_field (issuer, "identifier", "did:web:acme.example%3A8443:org:badges", &error));
  {
    g_autofree char *domain = rosette_issuer_dup_web_domain (issuer);

    g_assert_cmpstr (domain, ==, "acme.example:8443/org/badges");
  }
  g_assert_true (rosette_issuer_set_field (issuer, "image", "data:image/png;base64,iVBORw0KGgo=", &error));
  g_assert_no_error (error);

  /* The explanation is the same text for the GUI and the CLI. */
  g_assert_nonnull (strstr (rosette_issuer_identifier_explanation (), "did:web"));
}

static void
test_round_trip (void)
{
  g_autoptr(RosetteIssuer) issuer = rosette_issuer_new ("Acme Training");
  g_autoptr(RosetteIssuer) back = NULL;
  g_autoptr(RosetteKeyRecord) ed = make_record (ROSETTE_KEY_ALGORITHM_ED25519);
  g_autoptr(RosetteKeyRecord) p256 = make_record (ROSETTE_KEY_ALGORITHM_P256);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  RosetteKeyRecord *found;

  rosette_issuer_set_description (issuer, "Two lines\nof text");
  g_assert_true (rosette_issuer_add_key (issuer, ed, &error));
  g_assert_true (rosette_issuer_add_key (issuer, p256, &error));
  g_assert_false (rosette_issuer_add_key (issuer, ed, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rosette_key_record_set_status (p256, ROSETTE_KEY_STATUS_RETIRED, NULL, &error));

  bytes = rosette_issuer_to_bytes (issuer);
  /* Only public material is ever written. */
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "PRIVATE"));

  back = rosette_issuer_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_issuer_get_id (back), ==, rosette_issuer_get_id (issuer));
  g_assert_cmpstr (rosette_issuer_get_description (back), ==, "Two lines\nof text");
  g_assert_cmpuint (rosette_issuer_get_n_keys (back), ==, 2);
  found = rosette_issuer_find_key (back, rosette_key_record_get_id (p256));
  g_assert_nonnull (found);
  g_assert_cmpint (rosette_key_record_get_status (found), ==, ROSETTE_KEY_STATUS_RETIRED);
  g_assert_nonnull (rosette_key_record_get_status_changed (found));
  g_assert_cmpstr (rosette_key_record_get_fingerprint (found), ==, rosette_key_record_get_fingerprint (p256));

  /* A retired key never signs: only the active Ed25519 one is found. */
  g_assert_null (rosette_issuer_find_signing_key (back, ROSETTE_KEY_ALGORITHM_P256));
  g_assert_nonnull (rosette_issuer_find_signing_key (back, ROSETTE_KEY_ALGORITHM_ED25519));

  again = rosette_issuer_to_bytes (back);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_status_forward_only (void)
{
  g_autoptr(RosetteKeyRecord) record = make_record (ROSETTE_KEY_ALGORITHM_ED25519);
  g_autoptr(GError) error = NULL;

  g_assert_true (rosette_key_record_can_sign (record));
  g_assert_true (rosette_key_record_set_status (record, ROSETTE_KEY_STATUS_REVOKED, NULL, &error));
  g_assert_false (rosette_key_record_can_sign (record));
  g_assert_false (rosette_key_record_set_status (record, ROSETTE_KEY_STATUS_ACTIVE, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_key_record_set_status (record, ROSETTE_KEY_STATUS_RETIRED, NULL, &error));
  g_assert_cmpint (rosette_key_record_get_status (record), ==, ROSETTE_KEY_STATUS_REVOKED);
}

static void
expect_refused (const char *text,
                int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteIssuer) issuer = rosette_issuer_new_from_bytes (bytes, &error);

  g_assert_null (issuer);
  g_assert_error (error, ROSETTE_ERROR, code);
}

static void
test_hostile_files (void)
{
  g_autoptr(RosetteIssuer) issuer = rosette_issuer_new ("Acme");
  g_autoptr(RosetteKeyRecord) ed = make_record (ROSETTE_KEY_ALGORITHM_ED25519);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\":\"rosette-issuer\",\"x\":");
  g_autofree char *text = NULL;
  char *at;

  expect_refused ("[1,2", ROSETTE_ERROR_PARSE);
  expect_refused ("{\"format\":\"rosette-family\",\"version\":1}", ROSETTE_ERROR_PARSE);
  expect_refused ("{\"format\":\"rosette-issuer\",\"version\":99,\"id\":\"x\"}",
                  ROSETTE_ERROR_UNSUPPORTED_VERSION);
  expect_refused ("{\"format\":\"rosette-issuer\",\"version\":1,\"id\":\"../../etc/passwd\",\"name\":\"A\"}",
                  ROSETTE_ERROR_INVALID);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  expect_refused (deep->str, ROSETTE_ERROR_TOO_LARGE);

  /* A key id that does not match its public key is refused. */
  g_assert_true (rosette_issuer_add_key (issuer, ed, NULL));
  bytes = rosette_issuer_to_bytes (issuer);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  at = strstr (text, rosette_key_record_get_id (ed));
  g_assert_nonnull (at);
  at[0] = at[0] == '0' ? '1' : '0';
  expect_refused (text, ROSETTE_ERROR_INVALID);
}

static void
test_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rosette-test-issuer-XXXXXX", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (dir);
  g_autoptr(RosetteIssuerStore) store = rosette_issuer_store_new (base);
  g_autoptr(RosetteIssuer) a = rosette_issuer_new ("Zeta Corp");
  g_autoptr(RosetteIssuer) b = rosette_issuer_new ("Acme");
  g_autoptr(RosetteIssuer) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;

  /* Empty store: a clear message, no crash. */
  loaded = rosette_issuer_store_load_current (store, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rosette_issuer_store_save (store, a, NULL, &error));
  g_assert_no_error (error);

  /* One issuer: it is the current one even without a pointer. */
  loaded = rosette_issuer_store_load_current (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_issuer_get_id (loaded), ==, rosette_issuer_get_id (a));
  g_clear_object (&loaded);

  g_assert_true (rosette_issuer_store_save (store, b, NULL, &error));
  loaded = rosette_issuer_store_load_current (store, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rosette_issuer_store_set_current_id (store, rosette_issuer_get_id (b), NULL, &error));
  current = rosette_issuer_store_dup_current_id (store);
  g_assert_cmpstr (current, ==, rosette_issuer_get_id (b));

  all = rosette_issuer_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (rosette_issuer_get_name (g_ptr_array_index (all, 0)), ==, "Acme");

  /* An invalid profile is not saved. */
  rosette_issuer_set_name (a, "");
  g_assert_false (rosette_issuer_store_save (store, a, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rosette_issuer_store_delete (store, rosette_issuer_get_id (b), NULL, &error));
  g_assert_null (rosette_issuer_store_dup_current_id (store));
  g_assert_false (rosette_issuer_store_contains (store, rosette_issuer_get_id (b)));

  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/issuer/fields", test_fields);
  g_test_add_func ("/rosette/issuer/round-trip", test_round_trip);
  g_test_add_func ("/rosette/issuer/status-forward-only", test_status_forward_only);
  g_test_add_func ("/rosette/issuer/hostile-files", test_hostile_files);
  g_test_add_func ("/rosette/issuer/store", test_store);

  return g_test_run ();
}
