/* test-jws.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Proofs: the VC-JWT and the OB 2.0 signed assertion, checked the way a
 * verifier would (header, claims, signature), plus what must be refused:
 * tampering, a key that is not the record's, an algorithm the format does
 * not allow, a header that lies about its algorithm. jose checks the same
 * signatures independently in tests/interop.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-encoding.h"
#include "rosette-test-issuing.h"

static JsonObject *
parse_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Replaces the character at @pos of part @part (0 header, 1 payload, 2 signature). */
static char *
tamper (const char *jws,
        guint       part,
        gsize       pos)
{
  g_auto(GStrv) parts = g_strsplit (jws, ".", 3);

  g_assert_cmpuint (pos, <, strlen (parts[part]));
  parts[part][pos] = parts[part][pos] == 'A' ? 'B' : 'A';

  return g_strjoinv (".", parts);
}

static void
check_vc_jwt (RosetteKeyAlgorithm  algorithm,
              const char          *alg)
{
  g_autoptr(TestIssuing) t = test_issuing_new (algorithm, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2028, 3, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(RosetteKey) public_key = rosette_key_dup_public (t->key);
  g_autoptr(RosetteKey) from_jwk = NULL;
  g_autoptr(RosetteKey) stranger = rosette_key_generate (algorithm, NULL);
  g_autofree char *jws = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *did = rosette_key_dup_did_key (t->key, NULL);
  g_autofree char *kid = rosette_issuer_dup_key_uri (t->issuer, t->record, NULL);
  JsonObject *jwk;

  rosette_credential_set_valid_from (credential, from);
  rosette_credential_set_valid_until (credential, until);
  jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, &warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jws);
  g_assert_true (g_regex_match_simple ("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", jws, 0, 0));
  if (algorithm == ROSETTE_KEY_ALGORITHM_ED25519)
    g_assert_nonnull (warning);
  else
    g_assert_null (warning);

  /* Header: the key's alg, typ JWT, kid = the verification method, public jwk. */
  g_assert_true (rosette_jws_decode (jws, &header, &payload, &error));
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, alg);
  g_assert_cmpstr (json_object_get_string_member (header, "typ"), ==, "JWT");
  g_assert_cmpstr (json_object_get_string_member (header, "kid"), ==, kid);
  g_assert_true (g_str_has_prefix (kid, did));
  g_assert_true (g_str_has_prefix (kid + strlen (did), "#z"));
  jwk = json_object_get_object_member (header, "jwk");
  g_assert_nonnull (jwk);
  g_assert_false (json_object_has_member (jwk, "d"));
  g_assert_false (json_object_has_member (jwk, "p"));
  from_jwk = rosette_key_new_from_jwk (jwk, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_jws_verify (jws, from_jwk, NULL, &error));
  g_assert_no_error (error);
  /* OB 3.0: no other header is allowed. */
  {
    GList *members = json_object_get_members (header);

    for (GList *l = members; l != NULL; l = l->next)
      g_assert_true (g_strv_contains ((const char *[]) { "alg", "typ", "kid", "jwk", NULL }, l->data));
    g_list_free (members);
  }

  /* Claims: the credential at the top, plus iss, sub, jti, nbf, exp. */
  claims = parse_object (payload);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, did);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (claims, "issuer"), "id"), ==, did);
  g_assert_cmpstr (json_object_get_string_member (claims, "jti"), ==, rosette_credential_get_id (credential));
  g_assert_cmpstr (json_object_get_string_member (claims, "id"), ==, rosette_credential_get_id (credential));
  g_assert_cmpstr (json_object_get_string_member (claims, "sub"), ==, rosette_credential_get_subject_id (credential));
  g_assert_cmpint (json_object_get_int_member (claims, "nbf"), ==, g_date_time_to_unix (from));
  g_assert_cmpint (json_object_get_int_member (claims, "exp"), ==, g_date_time_to_unix (until));
  g_assert_cmpstr (json_object_get_string_member (claims, "validFrom"), ==, "2026-03-01T09:00:00Z");
  g_assert_false (json_object_has_member (claims, "vc"));

  /* The signature verifies with the public key, and with nothing else. */
  g_assert_true (rosette_jws_verify (jws, public_key, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rosette_jws_verify (jws, stranger, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO);
  g_clear_error (&error);

  /* A changed byte anywhere in header, payload or signature is caught. */
  for (guint part = 0; part < 3; part++)
    {
      g_auto(GStrv) parts = g_strsplit (jws, ".", 3);
      gsize length = strlen (parts[part]);
      gsize positions[] = { 0, length / 2, length - 2 };

      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          g_autofree char *bad = tamper (jws, part, positions[i]);

          g_assert_false (rosette_jws_verify (bad, public_key, NULL, NULL));
        }
    }
}

static void
test_vc_jwt_es256 (void)
{
  check_vc_jwt (ROSETTE_KEY_ALGORITHM_P256, "ES256");
}

static void
test_vc_jwt_eddsa (void)
{
  check_vc_jwt (ROSETTE_KEY_ALGORITHM_ED25519, "EdDSA");
}

static void
test_vc_jwt_rs256 (void)
{
  /* RSA keys have no did:key: an RS256 JWT needs a did:web or https issuer. */
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, "did:web:acme.example", NULL);
  g_autoptr(TestIssuing) did_key = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(RosetteCredential) refused = test_issuing_credential (did_key, "ana@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *jws = NULL;
  g_autofree char *kid = g_strdup_printf ("did:web:acme.example#%s", rosette_key_record_get_id (t->record));

  jws = rosette_credential_sign (credential, ROSETTE_PROOF_FORMAT_VC_JWT, t->issuer, t->record, t->key,
                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_jws_verify (jws, t->key, &payload, &error));
  g_assert_no_error (error);
  g_assert_true (rosette_jws_decode (jws, &header, NULL, NULL));
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, "RS256");
  g_assert_cmpstr (json_object_get_string_member (header, "kid"), ==, kid);
  claims = parse_object (payload);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, "did:web:acme.example");
  g_assert_false (json_object_has_member (claims, "exp"));

  g_clear_pointer (&jws, g_free);
  jws = rosette_credential_sign_vc_jwt (refused, did_key->issuer, did_key->record, did_key->key, NULL, &error);
  g_assert_null (jws);
  g_assert_nonnull (error);
}

static void
test_ob2_signed (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonObject) assertion = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonNode) key_document = rosette_issuer_build_cryptographic_key (t->issuer, t->record, NULL);
  g_autoptr(RosetteKey) from_pem = NULL;
  g_autofree char *jws = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *bad = NULL;

  jws = rosette_credential_sign_ob2 (credential, t->issuer, t->record, t->key, &warning, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warning, ==, rosette_ob2_publish_warning ());
  g_assert_nonnull (strstr (warning, "https"));

  g_assert_true (rosette_jws_decode (jws, &header, &payload, &error));
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, "RS256");
  g_assert_false (json_object_has_member (header, "jwk"));
  assertion = parse_object (payload);
  g_assert_cmpstr (json_object_get_string_member (assertion, "type"), ==, "Assertion");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (assertion, "verification"), "creator"),
                   ==, json_object_get_string_member (json_node_get_object (key_document), "id"));

  /* The published CryptographicKey's PEM is what verifies it. */
  from_pem = rosette_key_new_from_public_pem (json_object_get_string_member (json_node_get_object (key_document),
                                                                             "publicKeyPem"), &error);
  g_assert_no_error (error);
  g_assert_true (rosette_jws_verify (jws, from_pem, NULL, &error));
  g_assert_no_error (error);
  bad = tamper (jws, 1, 40);
  g_assert_false (rosette_jws_verify (bad, from_pem, NULL, NULL));

  /* Once the issuer is published, no warning. */
  g_clear_pointer (&warning, g_free);
  g_clear_pointer (&jws, g_free);
  rosette_credential_set_issuer_published (credential, TRUE);
  jws = rosette_credential_sign_ob2 (credential, t->issuer, t->record, t->key, &warning, &error);
  g_assert_no_error (error);
  g_assert_null (warning);
}

static void
test_refusals (void)
{
  g_autoptr(TestIssuing) p256 = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, "https://acme.example");
  g_autoptr(TestIssuing) rsa = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (p256, "ana@example.com");
  g_autoptr(RosetteKey) other = rosette_key_generate (ROSETTE_KEY_ALGORITHM_P256, NULL);
  g_autoptr(RosetteKey) public_only = rosette_key_dup_public (p256->key);
  g_autoptr(GError) error = NULL;
  g_autofree char *jws = NULL;

  /* OB 2.0 is RS256 only. */
  jws = rosette_credential_sign_ob2 (credential, p256->issuer, p256->record, p256->key, NULL, &error);
  g_assert_null (jws);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  /* A key that is not the record's never signs. */
  jws = rosette_credential_sign_vc_jwt (credential, p256->issuer, p256->record, other, NULL, &error);
  g_assert_null (jws);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO);
  g_clear_error (&error);

  /* Nor does a public key, nor a retired one. */
  jws = rosette_credential_sign_vc_jwt (credential, p256->issuer, p256->record, public_only, NULL, &error);
  g_assert_null (jws);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO);
  g_clear_error (&error);
  g_assert_true (rosette_key_record_set_status (p256->record, ROSETTE_KEY_STATUS_RETIRED, NULL, NULL));
  jws = rosette_credential_sign_vc_jwt (credential, p256->issuer, p256->record, p256->key, NULL, &error);
  g_assert_null (jws);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO);
  g_clear_error (&error);

  /* A JWS whose header claims another algorithm than the key's is refused
   * before any signature check (no alg confusion). */
  {
    g_autoptr(JsonNode) payload = json_from_string ("{\"a\":1}", NULL);
    g_autofree char *good = rosette_jws_sign_json (rsa->key, NULL, FALSE, payload, &error);
    g_auto(GStrv) parts = g_strsplit (good, ".", 3);
    const char *lying = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
    g_autofree char *header64 = rosette_base64url_encode ((const guint8 *) lying, strlen (lying));
    g_autofree char *forged = g_strjoin (".", header64, parts[1], parts[2], NULL);
    const char *none = "{\"alg\":\"none\"}";
    g_autofree char *none64 = rosette_base64url_encode ((const guint8 *) none, strlen (none));
    g_autofree char *unsigned_jws = g_strjoin (".", none64, parts[1], "", NULL);

    g_assert_no_error (error);
    g_assert_true (rosette_jws_verify (good, rsa->key, NULL, NULL));
    g_assert_false (rosette_jws_verify (forged, rsa->key, NULL, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO);
    g_clear_error (&error);
    g_assert_false (rosette_jws_verify (unsigned_jws, rsa->key, NULL, &error));
    g_assert_nonnull (error);
  }
}

static void
test_decode_hostile (void)
{
  static const char * const bad[] = {
    "", ".", "..", "a.b", "a.b.c.d", "!!!.e30.AA", "e30.!!!.AA", "bnVsbA.e30.AA", "W10.e30.AA", "e30.e30.",
    "eyJhbGciOiJFUzI1NiJ9.e30", "eyJhIjpbW1tbW1tbW1tbW1tbW1tbW1tbW11dXV1dXV1dXV1dXV1dXV1dXV1dfQ.e30.AA",
  };
  g_autofree char *huge = g_strnfill (ROSETTE_JWS_MAX_LENGTH + 1, 'A');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (rosette_jws_decode (bad[i], NULL, NULL, &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
      g_clear_error (&error);
    }
  g_assert_false (rosette_jws_decode (huge, NULL, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* "e30" is "{}": well-formed, signature not checked by decode. */
  g_assert_true (rosette_jws_decode ("e30.e30.AA", NULL, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/jws/vc-jwt-es256", test_vc_jwt_es256);
  g_test_add_func ("/rosette/jws/vc-jwt-eddsa", test_vc_jwt_eddsa);
  g_test_add_func ("/rosette/jws/vc-jwt-rs256", test_vc_jwt_rs256);
  g_test_add_func ("/rosette/jws/ob2-signed", test_ob2_signed);
  g_test_add_func ("/rosette/jws/refusals", test_refusals);
  g_test_add_func ("/rosette/jws/decode-hostile", test_decode_hostile);

  return g_test_run ();
}
