/* test-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Keys, public forms, the keyring and the issuer key operations.
 *
 * main() starts, before any test and any thread, private D-Bus buses in
 * a temporary folder: "primary" and "second" each with a real
 * gnome-keyring-daemon (unlocked), "locked" with one the locked-keyring
 * test locks, and "empty" with no Secret Service at all. The process
 * then uses "primary" as its session bus, so a developer's own keyring
 * is never touched. Failure modes and the restore "on another machine"
 * run in g_test_trap_subprocess() children that point themselves at
 * another bus before they use D-Bus. If the daemons cannot be started,
 * the keyring cases are skipped with the reason.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-keyring.h"

#define PASSPHRASE "correct horse battery staple"

static const char *root;             /* ROSETTE_TEST_ROOT */
static const char *keyring_skip;     /* why keyring tests are skipped, or NULL */
static GPtrArray *private_ders;      /* PKCS#8 DER of keys made here, to scan for */

static const RosetteKeyAlgorithm all_algorithms[] = {
  ROSETTE_KEY_ALGORITHM_ED25519, ROSETTE_KEY_ALGORITHM_P256, ROSETTE_KEY_ALGORITHM_RSA2048,
};

static gboolean
need_keyring (void)
{
  if (keyring_skip == NULL)
    return TRUE;

  g_test_skip (keyring_skip);
  return FALSE;
}

static char *
test_path (const char *name)
{
  return g_build_filename (root, name, NULL);
}

static RosetteIssuerStore *
store_at (const char *name)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  return rosette_issuer_store_new (dir);
}

static GBytes *
read_test_data (const char *name)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "keys", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static char *
read_test_text (const char *name)
{
  g_autoptr(GBytes) bytes = read_test_data (name);
  char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_strstrip (text);
}

static GBytes *
hex_to_bytes (const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *data = g_malloc (n);

  for (gsize i = 0; i < n; i++)
    data[i] = g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]);

  return g_bytes_new_take (data, n);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Remembers the private key material of every key of @issuer, for the
 * final scan of the disk. */
static void
remember_private_keys (RosetteIssuer *issuer)
{
  GListModel *keys = rosette_issuer_get_keys (issuer);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      g_autoptr(GError) error = NULL;
      GBytes *der = rosette_keyring_lookup_sync (rosette_issuer_get_id (issuer),
                                                 rosette_key_record_get_id (record), NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (private_ders, der);
    }
}

/* ---- keys without the keyring ---- */

static void
test_sign_verify (void)
{
  static const gsize signature_sizes[] = { 64, 64, 256 };
  const char *message = "Rosette signs this";

  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], &error);
      g_autoptr(RosetteKey) pub = NULL;
      g_autoptr(GBytes) signature = NULL;
      g_autoptr(GBytes) pkcs8 = NULL;
      g_autoptr(RosetteKey) again = NULL;
      g_autoptr(GBytes) spki_a = NULL;
      g_autoptr(GBytes) spki_b = NULL;
      g_autofree guint8 *bad = NULL;
      g_autoptr(GBytes) bad_signature = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (rosette_key_get_algorithm (key), ==, all_algorithms[i]);
      g_assert_true (rosette_key_has_private (key));

      signature = rosette_key_sign (key, (const guint8 *) message, strlen (message), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (signature), ==, signature_sizes[i]);

      /* A public-only copy verifies; any change breaks it. */
      pub = rosette_key_dup_public (key);
      g_assert_false (rosette_key_has_private (pub));
      g_assert_true (rosette_key_verify (pub, (const guint8 *) message, strlen (message),
                                         signature, &error));
      g_assert_no_error (error);
      g_assert_false (rosette_key_verify (pub, (const guint8 *) "Rosette signs that", 18,
                                          signature, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO);
      g_clear_error (&error);

      bad = g_memdup2 (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
      bad[10] ^= 0x40;
      bad_signature = g_bytes_new (bad, g_bytes_get_size (signature));
      g_assert_false (rosette_key_verify (pub, (const guint8 *) message, strlen (message),
                                          bad_signature, &error));
      g_clear_error (&error);

      /* A public key cannot sign. */
      g_assert_null (rosette_key_sign (pub, (const guint8 *) message, 1, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
      g_clear_error (&error);

      /* PKCS#8 round trip gives the same key. */
      pkcs8 = rosette_key_export_pkcs8 (key, &error);
      g_assert_no_error (error);
      again = rosette_key_new_from_pkcs8 (pkcs8, &error);
      g_assert_no_error (error);
      spki_a = rosette_key_dup_spki (key);
      spki_b = rosette_key_dup_spki (again);
      g_assert_true (g_bytes_equal (spki_a, spki_b));
    }
}

static void
test_encrypted_pkcs8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_P256, &error);
  g_autoptr(RosetteKey) back = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autofree char *pem = NULL;

  pem = rosette_key_export_encrypted_pkcs8 (key, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----"));

  back = rosette_key_new_from_encrypted_pkcs8 (pem, "wrong", &error);
  g_assert_null (back);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  back = rosette_key_new_from_encrypted_pkcs8 (pem, PASSPHRASE, &error);
  g_assert_no_error (error);
  a = rosette_key_dup_spki (key);
  b = rosette_key_dup_spki (back);
  g_assert_true (g_bytes_equal (a, b));

  g_assert_null (rosette_key_export_encrypted_pkcs8 (key, "", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_jwk (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], &error);
      g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (key, "did:web:acme.example#k1");
      g_autoptr(RosetteKey) back = NULL;
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;

      g_assert_false (json_object_has_member (jwk, "d"));
      g_assert_cmpstr (json_object_get_string_member (jwk, "kid"), ==, "did:web:acme.example#k1");

      switch (all_algorithms[i])
        {
        case ROSETTE_KEY_ALGORITHM_ED25519:
          g_assert_cmpstr (json_object_get_string_member (jwk, "kty"), ==, "OKP");
          g_assert_cmpstr (json_object_get_string_member (jwk, "crv"), ==, "Ed25519");
          g_assert_cmpuint (strlen (json_object_get_string_member (jwk, "x")), ==, 43);
          break;
        case ROSETTE_KEY_ALGORITHM_P256:
          g_assert_cmpstr (json_object_get_string_member (jwk, "kty"), ==, "EC");
          g_assert_cmpstr (json_object_get_string_member (jwk, "crv"), ==, "P-256");
          /* 32 bytes each, always: 43 base64url characters. */
          g_assert_cmpuint (strlen (json_object_get_string_member (jwk, "x")), ==, 43);
          g_assert_cmpuint (strlen (json_object_get_string_member (jwk, "y")), ==, 43);
          break;
        case ROSETTE_KEY_ALGORITHM_RSA2048:
          g_assert_cmpstr (json_object_get_string_member (jwk, "kty"), ==, "RSA");
          g_assert_cmpstr (json_object_get_string_member (jwk, "e"), ==, "AQAB");
          g_assert_cmpuint (strlen (json_object_get_string_member (jwk, "n")), ==, 342);
          break;
        default:
          g_assert_not_reached ();
        }

      back = rosette_key_new_from_jwk (jwk, &error);
      g_assert_no_error (error);
      a = rosette_key_dup_spki (key);
      b = rosette_key_dup_spki (back);
      g_assert_true (g_bytes_equal (a, b));

      /* A JWK with a private member is refused. */
      json_object_set_string_member (jwk, "d", "AAAA");
      g_clear_object (&back);
      back = rosette_key_new_from_jwk (jwk, &error);
      g_assert_null (back);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
    }
}

/* Some x or y start with a zero byte, which GnuTLS drops; the JWK must
 * still carry 32 bytes. */
static void
test_jwk_padding (void)
{
  guint short_seen = 0;
  guint tried = 0;

  /* About 1 key in 128 has such a coordinate: go on until a few were
   * seen, so the padding path is really exercised. */
  while (short_seen < 3 && tried < 20000)
    {
      g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_P256, NULL);
      g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (key, NULL);
      g_autoptr(GBytes) x = rosette_base64url_decode (json_object_get_string_member (jwk, "x"), -1, NULL);
      g_autoptr(GBytes) y = rosette_base64url_decode (json_object_get_string_member (jwk, "y"), -1, NULL);
      g_autoptr(GBytes) raw = rosette_key_dup_raw_public (key);

      tried++;
      g_assert_cmpuint (g_bytes_get_size (x), ==, 32);
      g_assert_cmpuint (g_bytes_get_size (y), ==, 32);
      g_assert_cmpuint (g_bytes_get_size (raw), ==, 33);
      if (((const guint8 *) g_bytes_get_data (x, NULL))[0] == 0 ||
          ((const guint8 *) g_bytes_get_data (y, NULL))[0] == 0)
        short_seen++;
    }

  g_test_message ("%u of %u P-256 keys had a coordinate with a leading zero byte", short_seen, tried);
  g_assert_cmpuint (short_seen, ==, 3);
}

static void
test_pem (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], NULL);
      g_autofree char *pem = rosette_key_dup_public_pem (key);
      g_autoptr(RosetteKey) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *id_a = NULL;
      g_autofree char *id_b = NULL;

      g_assert_true (g_str_has_prefix (pem, "-----BEGIN PUBLIC KEY-----\n"));
      g_assert_null (strstr (pem, "PRIVATE"));
      back = rosette_key_new_from_public_pem (pem, &error);
      g_assert_no_error (error);
      id_a = rosette_key_dup_id (key);
      id_b = rosette_key_dup_id (back);
      g_assert_cmpstr (id_a, ==, id_b);
    }
}

static void
test_w3c_ed25519_vector (void)
{
  /* The W3C vc-di-eddsa key pair and eddsa-rdfc-2022 signature: Ed25519
   * is deterministic, so the same key over the same bytes gives the same
   * signature, byte for byte. */
  g_autoptr(GBytes) pair_text = read_test_data ("w3c-eddsa-keyPair.json");
  g_autoptr(JsonObject) pair = NULL;
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(GBytes) pub = NULL;
  g_autoptr(GBytes) combined = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pair_string = NULL;
  g_autofree char *combined_hex = read_test_text ("w3c-eddsa-rdfc-2022-combinedHashDataInt.txt");
  g_autofree char *sig_hex = read_test_text ("w3c-eddsa-rdfc-2022-sigHexDataInt.txt");
  g_autofree char *sig_b58 = read_test_text ("w3c-eddsa-rdfc-2022-sigBTC58DataInt.txt");
  g_autofree char *did = NULL;
  g_autofree char *method = NULL;
  g_autofree char *proof_value = NULL;
  g_autofree char *b58 = NULL;
  const char *public_multibase;
  guint codec = 0;

  pair_string = g_strndup (g_bytes_get_data (pair_text, NULL), g_bytes_get_size (pair_text));
  pair = parse_object (pair_string);
  public_multibase = json_object_get_string_member (pair, "publicKeyMultibase");

  seed = rosette_multibase_decode_key (json_object_get_string_member (pair, "privateKeyMultibase"),
                                       &codec, &error);
  g_assert_no_error (error);
  pub = rosette_multibase_decode_key (public_multibase, &codec, &error);
  g_assert_no_error (error);

  key = rosette_key_new_from_ed25519_raw (seed, pub, &error);
  g_assert_no_error (error);

  did = rosette_key_dup_did_key (key, &error);
  g_assert_cmpstr (did, ==, "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  method = rosette_key_dup_did_key_method (key, &error);
  g_assert_cmpstr (method, ==, "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
                               "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");

  combined = hex_to_bytes (combined_hex);
  g_assert_cmpuint (g_bytes_get_size (combined), ==, 64);
  signature = rosette_key_sign (key, g_bytes_get_data (combined, NULL), 64, &error);
  g_assert_no_error (error);
  expected = hex_to_bytes (sig_hex);
  g_assert_true (g_bytes_equal (signature, expected));

  b58 = rosette_base58btc_encode (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
  proof_value = g_strconcat ("z", b58, NULL);
  g_assert_cmpstr (proof_value, ==, sig_b58);
}

static void
test_p256_did_key_vector (void)
{
  g_autoptr(GBytes) bytes = read_test_data ("did-key-p256.json");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(JsonObject) vector = parse_object (text);
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *did = NULL;
  g_autofree char *multikey = NULL;
  g_autoptr(GBytes) raw = NULL;
  guint codec = 0;

  key = rosette_key_new_from_jwk (json_object_get_object_member (vector, "publicKeyJwk"), &error);
  g_assert_no_error (error);
  did = rosette_key_dup_did_key (key, &error);
  g_assert_cmpstr (did, ==, json_object_get_string_member (vector, "id"));
  g_assert_true (g_str_has_prefix (did, "did:key:zDn"));

  /* The Multikey carries the 33-byte compressed point after 0x80 0x24. */
  multikey = rosette_key_dup_multikey (key, &error);
  raw = rosette_multibase_decode_key (multikey, &codec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codec, ==, ROSETTE_MULTICODEC_P256_PUB);
  g_assert_cmpuint (g_bytes_get_size (raw), ==, 33);
}

static void
test_multikey_round_trip (void)
{
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, NULL);
  g_autoptr(RosetteKey) p256 = rosette_key_generate (ROSETTE_KEY_ALGORITHM_P256, NULL);
  g_autoptr(RosetteKey) rsa = rosette_key_generate (ROSETTE_KEY_ALGORITHM_RSA2048, NULL);
  g_autoptr(RosetteKey) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) jwk = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autofree char *multikey = rosette_key_dup_multikey (key, &error);
  g_autofree char *p256_multikey = rosette_key_dup_multikey (p256, &error);
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autoptr(JsonNode) document = NULL;
  guint codec = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (multikey, "z6Mk"));
  g_assert_true (g_str_has_prefix (did, "did:key:z6Mk"));
  g_assert_true (g_str_has_prefix (p256_multikey, "zDn"));

  back = rosette_key_new_from_multikey (multikey, &error);
  g_assert_no_error (error);
  a = rosette_key_dup_spki (key);
  b = rosette_key_dup_spki (back);
  g_assert_true (g_bytes_equal (a, b));

  /* P-256: prefix 02/03 by the parity of y, then x. */
  raw = rosette_multibase_decode_key (p256_multikey, &codec, &error);
  jwk = rosette_key_dup_jwk (p256, NULL);
  x = rosette_base64url_decode (json_object_get_string_member (jwk, "x"), -1, NULL);
  y = rosette_base64url_decode (json_object_get_string_member (jwk, "y"), -1, NULL);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (raw, NULL))[0], ==,
                    (((const guint8 *) g_bytes_get_data (y, NULL))[31] & 1) ? 3 : 2);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (raw, NULL) + 1, 32,
                   g_bytes_get_data (x, NULL), 32);

  /* GnuTLS cannot decompress points: reading a P-256 Multikey says so. */
  g_clear_object (&back);
  back = rosette_key_new_from_multikey (p256_multikey, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rosette_key_dup_did_key (rsa, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  document = rosette_key_build_did_key_document (key, &error);
  g_assert_no_error (error);
  {
    JsonObject *object = json_node_get_object (document);
    JsonObject *method = json_array_get_object_element (json_object_get_array_member (object, "verificationMethod"), 0);

    g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, did);
    g_assert_cmpstr (json_object_get_string_member (method, "publicKeyMultibase"), ==, multikey);
    g_assert_cmpstr (json_object_get_string_member (method, "type"), ==, "Multikey");
  }
}

/* ---- the keyring ---- */

static void
test_keyring_store_lookup (void)
{
  g_autofree char *issuer_id = g_uuid_string_random ();

  if (!need_keyring ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (all_algorithms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteKey) key = rosette_key_generate (all_algorithms[i], NULL);
      g_autoptr(GBytes) pkcs8 = rosette_key_export_pkcs8 (key, NULL);
      g_autoptr(GBytes) found = NULL;
      g_autoptr(RosetteKey) loaded = NULL;
      g_autoptr(GBytes) signature = NULL;
      g_autofree char *key_id = rosette_key_dup_id (key);

      g_assert_true (rosette_keyring_store_sync (issuer_id, key_id, all_algorithms[i], pkcs8,
                                                 NULL, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (private_ders, g_bytes_ref (pkcs8));

      found = rosette_keyring_lookup_sync (issuer_id, key_id, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (found, pkcs8));

      loaded = rosette_key_new_from_pkcs8 (found, &error);
      g_assert_no_error (error);
      signature = rosette_key_sign (loaded, (const guint8 *) "x", 1, &error);
      g_assert_true (rosette_key_verify (key, (const guint8 *) "x", 1, signature, &error));

      /* The item carries the schema's attributes. */
      {
        g_autoptr(GHashTable) attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        g_autolist(SecretItem) items = NULL;
        g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);

        g_hash_table_insert (attributes, g_strdup ("key-id"), g_strdup (key_id));
        g_hash_table_insert (attributes, g_strdup ("xdg:schema"), g_strdup (ROSETTE_KEYRING_SCHEMA_NAME));
        items = secret_service_search_sync (service, NULL, attributes, SECRET_SEARCH_ALL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_length (items), ==, 1);
        {
          g_autoptr(GHashTable) found_attributes = secret_item_get_attributes (items->data);

          g_assert_cmpstr (g_hash_table_lookup (found_attributes, "issuer-id"), ==, issuer_id);
          g_assert_cmpstr (g_hash_table_lookup (found_attributes, "algorithm"), ==,
                           rosette_key_algorithm_to_string (all_algorithms[i]));
        }
      }

      g_assert_true (rosette_keyring_delete_sync (issuer_id, key_id, NULL, &error));
      g_clear_pointer (&found, g_bytes_unref);
      found = rosette_keyring_lookup_sync (issuer_id, key_id, NULL, &error);
      g_assert_null (found);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
    }
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* ---- issuer operations ---- */

static RosetteIssuer *
create_issuer (RosetteIssuerStore *store,
               const char         *name)
{
  g_autoptr(RosetteIssuer) issuer = rosette_issuer_new (name);
  g_autoptr(GError) error = NULL;

  rosette_issuer_set_url (issuer, "https://acme.example");
  rosette_issuer_set_email (issuer, "badges@acme.example");
  g_assert_true (rosette_issuer_create_sync (issuer, store, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&issuer);
}

static void
test_issuer_create (void)
{
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteIssuer) loaded = NULL;
  g_autoptr(RosetteKeyRecord) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *current = NULL;
  const char *message = "credential bytes";

  if (!need_keyring ())
    return;

  store = store_at ("store-create");
  issuer = create_issuer (store, "Acme Training");
  remember_private_keys (issuer);

  /* Ed25519 and P-256 by default, both active, both in the keyring. */
  g_assert_cmpuint (rosette_issuer_get_n_keys (issuer), ==, 2);
  g_assert_nonnull (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_ED25519));
  g_assert_nonnull (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_P256));
  g_assert_null (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_RSA2048));

  current = rosette_issuer_store_dup_current_id (store);
  g_assert_cmpstr (current, ==, rosette_issuer_get_id (issuer));
  loaded = rosette_issuer_store_load (store, rosette_issuer_get_id (issuer), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_issuer_get_n_keys (loaded), ==, 2);

  identifier = rosette_issuer_dup_identifier (loaded);
  g_assert_true (g_str_has_prefix (identifier, "did:key:z6Mk"));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) signature = NULL;
      g_autoptr(RosetteKey) pub = NULL;
      g_autofree char *uri = NULL;

      g_clear_object (&signer);
      signature = rosette_issuer_sign_sync (loaded, all_algorithms[i], (const guint8 *) message,
                                            strlen (message), &signer, NULL, &error);
      g_assert_no_error (error);
      pub = rosette_key_new_from_record (signer, &error);
      g_assert_true (rosette_key_verify (pub, (const guint8 *) message, strlen (message),
                                         signature, &error));

      /* did:key issuer: each key's verification method is its own did:key. */
      uri = rosette_issuer_dup_key_uri (loaded, signer, &error);
      g_assert_true (g_str_has_prefix (uri, i == 0 ? "did:key:z6Mk" : "did:key:zDn"));
      g_assert_nonnull (strchr (uri, '#'));
    }

  /* Creating the same issuer again is refused. */
  g_assert_false (rosette_issuer_create_sync (issuer, store, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_issuer_async (void)
{
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = test_path ("async-backup.json");
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);

  if (!need_keyring ())
    return;

  store = store_at ("store-async");
  issuer = rosette_issuer_new ("Async Ltd");
  rosette_issuer_create_async (issuer, store, NULL, async_done_cb, &result);
  g_assert_true (rosette_issuer_create_finish (issuer, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_issuer_get_n_keys (issuer), ==, 2);
  g_clear_object (&result);

  rosette_issuer_generate_key_async (issuer, store, ROSETTE_KEY_ALGORITHM_RSA2048, NULL,
                                     async_done_cb, &result);
  record = rosette_issuer_generate_key_finish (issuer, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_key_record_get_algorithm (record), ==, ROSETTE_KEY_ALGORITHM_RSA2048);
  g_assert_true (rosette_issuer_find_key (issuer, rosette_key_record_get_id (record)) == record);
  g_clear_object (&result);
  remember_private_keys (issuer);

  rosette_issuer_backup_async (issuer, backup, PASSPHRASE, NULL, async_done_cb, &result);
  g_assert_true (rosette_issuer_backup_finish (issuer, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_issuer_rotation (void)
{
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteIssuer) loaded = NULL;
  g_autoptr(RosetteKeyRecord) second = NULL;
  g_autoptr(RosetteKeyRecord) rsa = NULL;
  g_autoptr(RosetteKeyRecord) signer = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) did_json = NULL;
  g_autoptr(JsonNode) ob2 = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *p256_id = NULL;
  JsonObject *document;
  JsonArray *methods, *assertion;

  if (!need_keyring ())
    return;

  store = store_at ("store-rotation");
  issuer = create_issuer (store, "Rotating Co");
  g_assert_true (rosette_issuer_set_field (issuer, "identifier", "did:web:acme.example", &error));
  g_assert_true (rosette_issuer_store_save (store, issuer, NULL, &error));
  first_id = g_strdup (rosette_key_record_get_id (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_ED25519)));
  p256_id = g_strdup (rosette_key_record_get_id (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_P256)));

  /* New key, old one retired: only the new one signs. */
  second = rosette_issuer_generate_key_sync (issuer, store, ROSETTE_KEY_ALGORITHM_ED25519, NULL, &error);
  g_assert_no_error (error);
  rsa = rosette_issuer_generate_key_sync (issuer, store, ROSETTE_KEY_ALGORITHM_RSA2048, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_issuer_retire_key (issuer, store, first_id, NULL, &error));
  g_assert_no_error (error);
  remember_private_keys (issuer);

  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&signer);
      g_clear_pointer (&signature, g_bytes_unref);
      signature = rosette_issuer_sign_sync (issuer, ROSETTE_KEY_ALGORITHM_ED25519, (const guint8 *) "m", 1,
                                            &signer, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rosette_key_record_get_id (signer), ==, rosette_key_record_get_id (second));
    }

  /* The P-256 key is compromised: revoked, nothing signs ES256 now. */
  g_assert_true (rosette_issuer_revoke_key (issuer, store, p256_id, NULL, &error));
  g_clear_pointer (&signature, g_bytes_unref);
  signature = rosette_issuer_sign_sync (issuer, ROSETTE_KEY_ALGORITHM_P256, (const guint8 *) "m", 1,
                                        NULL, NULL, &error);
  g_assert_null (signature);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Revoked stays revoked; an unknown key id is named. */
  g_assert_false (rosette_issuer_retire_key (issuer, store, p256_id, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_issuer_retire_key (issuer, store, "0123456789abcdef", NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* All of this is on disk. */
  loaded = rosette_issuer_store_load (store, rosette_issuer_get_id (issuer), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_key_record_get_status (rosette_issuer_find_key (loaded, first_id)), ==,
                   ROSETTE_KEY_STATUS_RETIRED);
  g_assert_cmpint (rosette_key_record_get_status (rosette_issuer_find_key (loaded, p256_id)), ==,
                   ROSETTE_KEY_STATUS_REVOKED);

  /* did.json lists all four keys; assertionMethod only the active two. */
  did_json = rosette_issuer_build_did_document (loaded, NULL, &error);
  g_assert_no_error (error);
  document = json_node_get_object (did_json);
  g_assert_cmpstr (json_object_get_string_member (document, "id"), ==, "did:web:acme.example");
  methods = json_object_get_array_member (document, "verificationMethod");
  assertion = json_object_get_array_member (document, "assertionMethod");
  g_assert_cmpuint (json_array_get_length (methods), ==, 4);
  g_assert_cmpuint (json_array_get_length (assertion), ==, 2);
  for (guint i = 0; i < json_array_get_length (methods); i++)
    {
      JsonObject *method = json_array_get_object_element (methods, i);
      const char *id = json_object_get_string_member (method, "id");
      gboolean listed = FALSE;

      g_assert_true (g_str_has_prefix (id, "did:web:acme.example#"));
      g_assert_cmpstr (json_object_get_string_member (method, "controller"), ==, "did:web:acme.example");
      for (guint j = 0; j < json_array_get_length (assertion); j++)
        listed |= g_str_equal (json_array_get_string_element (assertion, j), id);

      if (g_str_has_suffix (id, p256_id))
        {
          g_assert_true (json_object_has_member (method, "revoked"));
          g_assert_false (listed);
        }
      else if (g_str_has_suffix (id, first_id))
        {
          g_assert_false (json_object_has_member (method, "revoked"));
          g_assert_false (listed);
        }
      else
        {
          g_assert_true (listed);
        }

      if (g_str_has_suffix (id, rosette_key_record_get_id (rsa)))
        {
          g_assert_cmpstr (json_object_get_string_member (method, "type"), ==, "JsonWebKey");
          g_assert_true (json_object_has_member (method, "publicKeyJwk"));
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (method, "type"), ==, "Multikey");
        }
    }

  /* OB 2.0 CryptographicKey of the revoked key. */
  ob2 = rosette_issuer_build_cryptographic_key (loaded, rosette_issuer_find_key (loaded, p256_id), &error);
  g_assert_no_error (error);
  {
    JsonObject *key = json_node_get_object (ob2);
    g_autofree char *id = g_strdup_printf ("https://acme.example/keys/%s.json", p256_id);

    g_assert_cmpstr (json_object_get_string_member (key, "type"), ==, "CryptographicKey");
    g_assert_cmpstr (json_object_get_string_member (key, "id"), ==, id);
    g_assert_cmpstr (json_object_get_string_member (key, "owner"), ==, "https://acme.example/issuer.json");
    g_assert_true (g_str_has_prefix (json_object_get_string_member (key, "publicKeyPem"),
                                     "-----BEGIN PUBLIC KEY-----"));
    g_assert_true (json_object_get_boolean_member (key, "revoked"));
  }

  /* Every export format, for each key; Multikey has no RSA form. */
  for (RosettePublicFormat format = ROSETTE_PUBLIC_FORMAT_JWK; format <= ROSETTE_PUBLIC_FORMAT_OB2; format++)
    {
      GListModel *keys = rosette_issuer_get_keys (loaded);

      for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
        {
          g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
          g_autofree char *text = rosette_issuer_export_public (loaded, record, format, &error);
          gboolean rsa_multikey = format == ROSETTE_PUBLIC_FORMAT_MULTIKEY &&
                                  rosette_key_record_get_algorithm (record) == ROSETTE_KEY_ALGORITHM_RSA2048;

          if (rsa_multikey)
            {
              g_assert_null (text);
              g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
              g_clear_error (&error);
              continue;
            }
          g_assert_no_error (error);
          g_assert_nonnull (text);
          g_assert_null (strstr (text, "PRIVATE"));
        }
    }
}

static void
test_backup_wrong_passphrase_same_keyring (void)
{
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteIssuer) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("backup-same.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) profile = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup_text = NULL;

  if (!need_keyring ())
    return;

  store = store_at ("store-backup-same");
  issuer = create_issuer (store, "Backup Inc");
  remember_private_keys (issuer);
  g_assert_true (rosette_issuer_backup_sync (issuer, file, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &backup_text, NULL, NULL);
  g_assert_nonnull (strstr (backup_text, "ENCRYPTED PRIVATE KEY"));
  g_assert_null (strstr (backup_text, "BEGIN PRIVATE KEY"));

  profile = rosette_issuer_store_dup_issuer_file (store, rosette_issuer_get_id (issuer));
  g_file_get_contents (g_file_peek_path (profile), &before, NULL, NULL);

  restored = rosette_issuer_restore_sync (store, file, "not the passphrase", NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_BAD_PASSPHRASE);
  g_assert_cmpstr (error->message, ==, "The passphrase is wrong; nothing was restored");
  g_clear_error (&error);

  g_file_get_contents (g_file_peek_path (profile), &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  /* The right passphrase on the same machine: nothing new, nothing lost. */
  restored = rosette_issuer_restore_sync (store, file, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_issuer_get_n_keys (restored), ==, 2);
}

/* Backs up on the primary keyring, then restores in a child process whose
 * session bus is the second keyring (another machine). */
static void
test_backup_restore_second_keyring (void)
{
  g_autofree char *bundle_path = test_path ("backup-second.json");
  g_autofree char *signature_path = test_path ("second-signature.bin");
  g_autofree char *id_path = test_path ("backup-second.id");
  g_autoptr(GFile) bundle = g_file_new_for_path (bundle_path);
  g_autoptr(GError) error = NULL;

  if (!need_keyring ())
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(RosetteIssuerStore) store = store_at ("store-second-machine");
      g_autoptr(RosetteIssuer) restored = NULL;
      g_autoptr(GBytes) signature = NULL;
      g_auto(GStrv) present = NULL;
      g_autofree char *issuer_id = NULL;
      GListModel *keys;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_getenv ("ROSETTE_TEST_BUS_SECOND"), TRUE);
      g_file_get_contents (id_path, &issuer_id, NULL, &error);
      g_assert_no_error (error);

      /* Wrong passphrase: no keyring item, no file. */
      restored = rosette_issuer_restore_sync (store, bundle, "wrong", NULL, &error);
      g_assert_null (restored);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_BAD_PASSPHRASE);
      g_clear_error (&error);
      present = rosette_keyring_list_keys_sync (issuer_id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (present), ==, 0);
      g_assert_false (rosette_issuer_store_contains (store, issuer_id));
      g_clear_pointer (&present, g_strfreev);

      restored = rosette_issuer_restore_sync (store, bundle, PASSPHRASE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rosette_issuer_get_id (restored), ==, issuer_id);
      g_assert_true (rosette_issuer_store_contains (store, issuer_id));

      /* Every key, retired ones too, is in this keyring and is the same key. */
      present = rosette_keyring_list_keys_sync (issuer_id, NULL, &error);
      keys = rosette_issuer_get_keys (restored);
      g_assert_cmpuint (g_strv_length (present), ==, g_list_model_get_n_items (keys));
      for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
        {
          g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
          g_autoptr(GBytes) der = rosette_keyring_lookup_sync (issuer_id, rosette_key_record_get_id (record),
                                                               NULL, &error);
          g_autoptr(RosetteKey) key = NULL;
          g_autoptr(GBytes) spki = NULL;

          g_assert_no_error (error);
          key = rosette_key_new_from_pkcs8 (der, &error);
          spki = rosette_key_dup_spki (key);
          g_assert_true (g_bytes_equal (spki, rosette_key_record_get_public_key (record)));
        }

      /* The retired key is still retired here. */
      g_assert_null (rosette_issuer_find_signing_key (restored, ROSETTE_KEY_ALGORITHM_P256));

      signature = rosette_issuer_sign_sync (restored, ROSETTE_KEY_ALGORITHM_ED25519,
                                            (const guint8 *) "moved", 5, NULL, NULL, &error);
      g_assert_no_error (error);
      g_file_set_contents (signature_path, g_bytes_get_data (signature, NULL),
                           g_bytes_get_size (signature), &error);
      g_assert_no_error (error);
      return;
    }

  {
    g_autoptr(RosetteIssuerStore) store = store_at ("store-first-machine");
    g_autoptr(RosetteIssuer) issuer = create_issuer (store, "Moving Ltd");
    g_autoptr(RosetteKeyRecord) rsa = NULL;
    g_autoptr(RosetteKey) pub = NULL;
    g_autofree char *signature_data = NULL;
    gsize signature_length = 0;
    const char *p256_id = rosette_key_record_get_id (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_P256));

    rsa = rosette_issuer_generate_key_sync (issuer, store, ROSETTE_KEY_ALGORITHM_RSA2048, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rosette_issuer_retire_key (issuer, store, p256_id, NULL, &error));
    remember_private_keys (issuer);
    g_assert_true (rosette_issuer_backup_sync (issuer, bundle, PASSPHRASE, NULL, &error));
    g_assert_no_error (error);
    g_file_set_contents (id_path, rosette_issuer_get_id (issuer), -1, &error);

    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    /* The restored key signed on the other machine; the original public
     * key here verifies it. */
    g_file_get_contents (signature_path, &signature_data, &signature_length, &error);
    g_assert_no_error (error);
    pub = rosette_key_new_from_record (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_ED25519), NULL);
    {
      g_autoptr(GBytes) signature = g_bytes_new (signature_data, signature_length);

      g_assert_true (rosette_key_verify (pub, (const guint8 *) "moved", 5, signature, &error));
      g_assert_no_error (error);
    }
  }
}

static void
assert_nothing_written (const char *store_name)
{
  g_autofree char *path = test_path (store_name);
  g_autofree char *issuers = g_build_filename (path, "issuers", NULL);
  g_autoptr(GDir) dir = g_dir_open (issuers, 0, NULL);

  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
}

static void
test_keyring_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RosetteIssuerStore) store = store_at ("store-no-bus");
      g_autoptr(RosetteIssuer) issuer = rosette_issuer_new ("No Bus Ltd");
      g_autoptr(GError) error = NULL;
      g_autofree char *dead = test_path ("no-such-bus");
      g_autofree char *address = g_strconcat ("unix:path=", dead, NULL);

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
      g_assert_false (rosette_issuer_create_sync (issuer, store, NULL, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message, "Cannot reach the session bus"));
      g_assert_cmpuint (rosette_issuer_get_n_keys (issuer), ==, 0);
      assert_nothing_written ("store-no-bus");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_keyring_no_bus_unset (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) found = NULL;
      g_autofree char *empty = test_path ("empty-runtime");

      /* No address, no X display, a runtime dir without a bus socket:
       * GLib cannot find or autolaunch a session bus. */
      g_mkdir_with_parents (empty, 0700);
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_unsetenv ("DISPLAY");
      g_setenv ("XDG_RUNTIME_DIR", empty, TRUE);
      found = rosette_keyring_lookup_sync ("0b6c1c8e-0000-4000-8000-000000000000", "0123456789abcdef",
                                           NULL, &error);
      g_assert_null (found);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message, "Cannot reach the session bus"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_keyring_no_service (void)
{
  if (g_getenv ("ROSETTE_TEST_BUS_EMPTY") == NULL)
    {
      g_test_skip ("no private bus could be started");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(RosetteIssuerStore) store = store_at ("store-no-service");
      g_autoptr(RosetteIssuer) issuer = rosette_issuer_new ("No Service Ltd");
      g_autoptr(GError) error = NULL;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_getenv ("ROSETTE_TEST_BUS_EMPTY"), TRUE);
      g_assert_false (rosette_issuer_create_sync (issuer, store, NULL, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message, "No keyring service is running"));
      assert_nothing_written ("store-no-service");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_keyring_locked (void)
{
  if (g_getenv ("ROSETTE_TEST_BUS_LOCKED") == NULL)
    {
      g_test_skip ("the keyring to lock could not be started");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(RosetteIssuerStore) store = store_at ("store-locked");
      g_autoptr(RosetteIssuer) issuer = NULL;
      g_autoptr(RosetteIssuer) second = rosette_issuer_new ("Second Ltd");
      g_autoptr(SecretService) service = NULL;
      g_autoptr(SecretCollection) collection = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) signature = NULL;
      g_autoptr(GFile) profile = NULL;
      g_autoptr(RosetteKeyRecord) record = NULL;
      g_autofree char *backup_path = test_path ("locked-backup.json");
      g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      GList *objects;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_getenv ("ROSETTE_TEST_BUS_LOCKED"), TRUE);
      issuer = create_issuer (store, "Locked Ltd");
      profile = rosette_issuer_store_dup_issuer_file (store, rosette_issuer_get_id (issuer));
      g_file_get_contents (g_file_peek_path (profile), &before, NULL, NULL);

      service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
      g_assert_no_error (error);
      collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                     SECRET_COLLECTION_NONE, NULL, &error);
      g_assert_no_error (error);
      objects = g_list_append (NULL, collection);
      secret_service_lock_sync (service, objects, NULL, NULL, &error);
      g_list_free (objects);
      g_assert_no_error (error);

      /* Signing, a new issuer, a new key and a backup all say "locked",
       * and nothing is written. */
      signature = rosette_issuer_sign_sync (issuer, ROSETTE_KEY_ALGORITHM_ED25519,
                                            (const guint8 *) "m", 1, NULL, NULL, &error);
      g_assert_null (signature);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED);
      g_assert_true (g_str_has_prefix (error->message, "The keyring is locked; unlock it"));
      g_clear_error (&error);

      g_assert_false (rosette_issuer_create_sync (second, store, NULL, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED);
      g_clear_error (&error);
      g_assert_false (rosette_issuer_store_contains (store, rosette_issuer_get_id (second)));

      record = rosette_issuer_generate_key_sync (issuer, store, ROSETTE_KEY_ALGORITHM_ED25519, NULL, &error);
      g_assert_null (record);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED);
      g_clear_error (&error);
      g_assert_cmpuint (rosette_issuer_get_n_keys (issuer), ==, 2);

      g_assert_false (rosette_issuer_backup_sync (issuer, backup, PASSPHRASE, NULL, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED);
      g_clear_error (&error);
      g_assert_false (g_file_query_exists (backup, NULL));

      g_file_get_contents (g_file_peek_path (profile), &after, NULL, NULL);
      g_assert_cmpstr (before, ==, after);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---- nothing private on disk ---- */

static gboolean
contains (const guint8 *haystack,
          gsize         length,
          const void   *needle,
          gsize         needle_length)
{
  if (needle_length == 0 || needle_length > length)
    return FALSE;

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (haystack + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
scan_dir (const char *path,
          guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      static const char * const markers[] = {
        "-----BEGIN PRIVATE KEY-----", "BEGIN EC PRIVATE KEY",
        "BEGIN RSA PRIVATE KEY", NULL
      };

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          scan_dir (child, n_files);
          continue;
        }
      if (!g_file_test (child, G_FILE_TEST_IS_REGULAR) ||
          !g_file_get_contents (child, &contents, &length, NULL) || length > 16 * 1024 * 1024)
        continue;

      (*n_files)++;
      for (guint i = 0; markers[i] != NULL; i++)
        {
          if (contains ((const guint8 *) contents, length, markers[i], strlen (markers[i])))
            g_error ("%s contains “%s”", child, markers[i]);
        }

      for (guint i = 0; i < private_ders->len; i++)
        {
          GBytes *der = g_ptr_array_index (private_ders, i);
          g_autofree char *base64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));

          if (contains ((const guint8 *) contents, length, g_bytes_get_data (der, NULL), g_bytes_get_size (der)) ||
              contains ((const guint8 *) contents, length, base64, strlen (base64)))
            g_error ("%s contains the PKCS#8 private key of a generated key", child);
        }
    }
}

static void
test_no_private_key_on_disk (void)
{
  guint n_files = 0;
  g_autofree char *user_data = g_build_filename (g_get_user_data_dir (), "rosette", NULL);

  if (!need_keyring ())
    return;

  /* The run's every file: issuer stores, backups, the temporary folder
   * (TMPDIR points inside root) and the keyrings' own files. */
  g_assert_cmpuint (private_ders->len, >=, 10);
  g_assert_true (g_str_has_prefix (g_get_tmp_dir (), root));
  scan_dir (root, &n_files);
  scan_dir (user_data, &n_files);
  g_test_message ("scanned %u files for %u private keys", n_files, private_ders->len);
  g_assert_cmpuint (n_files, >=, 8);
}

/* ---- setup ---- */

static TestSession *
start_or_note (const char *name,
               gboolean    with_keyring,
               const char *env_name)
{
  g_autofree char *dir = test_path (name);
  g_autoptr(GError) error = NULL;
  TestSession *session = test_session_start (dir, with_keyring, &error);

  if (session == NULL)
    g_printerr ("# could not start the %s test session: %s\n", name, error->message);
  else
    g_assert_cmpstr (session->address, ==, g_getenv (env_name));

  return session;
}

/* The bus addresses are known before the buses start; setting them now,
 * while the process has one thread, keeps setenv() safe. */
static void
export_address (const char *name,
                const char *env_name)
{
  g_autofree char *dir = test_path (name);
  g_autofree char *address = g_strconcat ("unix:path=", dir, G_DIR_SEPARATOR_S, "bus", NULL);

  g_setenv (env_name, address, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TestSession) primary = NULL;
  g_autoptr(TestSession) second = NULL;
  g_autoptr(TestSession) locked = NULL;
  g_autoptr(TestSession) empty = NULL;
  g_autofree char *owned_root = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Everything below runs before any thread exists, so setenv is safe;
   * children of g_test_trap_subprocess() inherit the result. */
  if (!g_test_subprocess ())
    {
      g_autofree char *tmp = NULL;

      const char *system_tmp = g_getenv ("TMPDIR");

      /* Not g_dir_make_tmp(): g_get_tmp_dir() must first be called after
       * TMPDIR points inside the test folder, so that every temporary
       * file of this process lands where the final scan looks. */
      owned_root = g_build_filename (system_tmp != NULL && system_tmp[0] != '\0' ? system_tmp : "/tmp",
                                     "rosette-test-keys-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (owned_root));
      g_setenv ("ROSETTE_TEST_ROOT", owned_root, TRUE);
      tmp = g_build_filename (owned_root, "tmp", NULL);
      g_mkdir_with_parents (tmp, 0700);
      g_setenv ("TMPDIR", tmp, TRUE);

      root = owned_root;
      export_address ("session-primary", "ROSETTE_TEST_BUS_PRIMARY");
      export_address ("session-second", "ROSETTE_TEST_BUS_SECOND");
      export_address ("session-locked", "ROSETTE_TEST_BUS_LOCKED");
      export_address ("session-empty", "ROSETTE_TEST_BUS_EMPTY");
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_getenv ("ROSETTE_TEST_BUS_PRIMARY"), TRUE);

      primary = start_or_note ("session-primary", TRUE, "ROSETTE_TEST_BUS_PRIMARY");
      second = start_or_note ("session-second", TRUE, "ROSETTE_TEST_BUS_SECOND");
      locked = start_or_note ("session-locked", TRUE, "ROSETTE_TEST_BUS_LOCKED");
      empty = start_or_note ("session-empty", FALSE, "ROSETTE_TEST_BUS_EMPTY");

      if (primary == NULL || second == NULL)
        g_setenv ("ROSETTE_TEST_KEYRING_SKIP",
                  "no private gnome-keyring-daemon could be started (see the note above)", TRUE);
      if (locked == NULL)
        g_unsetenv ("ROSETTE_TEST_BUS_LOCKED");
      if (empty == NULL)
        g_unsetenv ("ROSETTE_TEST_BUS_EMPTY");
    }

  root = g_getenv ("ROSETTE_TEST_ROOT");
  keyring_skip = g_getenv ("ROSETTE_TEST_KEYRING_SKIP");
  private_ders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_test_add_func ("/rosette/keys/sign-verify", test_sign_verify);
  g_test_add_func ("/rosette/keys/encrypted-pkcs8", test_encrypted_pkcs8);
  g_test_add_func ("/rosette/keys/jwk", test_jwk);
  g_test_add_func ("/rosette/keys/jwk-padding", test_jwk_padding);
  g_test_add_func ("/rosette/keys/pem", test_pem);
  g_test_add_func ("/rosette/keys/w3c-ed25519-vector", test_w3c_ed25519_vector);
  g_test_add_func ("/rosette/keys/p256-did-key-vector", test_p256_did_key_vector);
  g_test_add_func ("/rosette/keys/multikey-round-trip", test_multikey_round_trip);
  g_test_add_func ("/rosette/keys/keyring/store-lookup", test_keyring_store_lookup);
  g_test_add_func ("/rosette/keys/keyring/no-bus", test_keyring_no_bus);
  g_test_add_func ("/rosette/keys/keyring/no-bus-unset", test_keyring_no_bus_unset);
  g_test_add_func ("/rosette/keys/keyring/no-service", test_keyring_no_service);
  g_test_add_func ("/rosette/keys/keyring/locked", test_keyring_locked);
  g_test_add_func ("/rosette/keys/issuer/create", test_issuer_create);
  g_test_add_func ("/rosette/keys/issuer/async", test_issuer_async);
  g_test_add_func ("/rosette/keys/issuer/rotation", test_issuer_rotation);
  g_test_add_func ("/rosette/keys/issuer/backup-wrong-passphrase", test_backup_wrong_passphrase_same_keyring);
  g_test_add_func ("/rosette/keys/issuer/backup-restore-second-keyring", test_backup_restore_second_keyring);
  g_test_add_func ("/rosette/keys/scan/no-private-key-on-disk", test_no_private_key_on_disk);

  status = g_test_run ();

  g_clear_pointer (&private_ders, g_ptr_array_unref);
  g_clear_pointer (&primary, test_session_free);
  g_clear_pointer (&second, test_session_free);
  g_clear_pointer (&locked, test_session_free);
  g_clear_pointer (&empty, test_session_free);
  if (owned_root != NULL && g_getenv ("ROSETTE_TEST_KEEP") == NULL)
    test_rm_rf (owned_root);

  return status;
}
