/* test-verify.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The verifier: the committed corpus (tests/data/verify/expected.json),
 * Rosette-made badges of every format signed here with a throwaway key,
 * forgeries (tampered payloads, substituted keys, "alg": "none", HS256
 * with the public key as secret), dates, recipients, and revocation
 * against a loopback HTTP server serving a Bitstring Status List.
 */

#include <glib/gstdio.h>

#include "rosette-test-verify.h"
#include "rosette-verify-private.h"

#define TEST_EMAIL "ana.lima@acme.example"

static char *
data_path (const char *relative)
{
  return g_build_filename (TESTS_SRCDIR, "data", "verify", relative, NULL);
}

static RosetteVerifier *
offline_verifier (void)
{
  RosetteVerifier *verifier = rosette_verifier_new ();

  rosette_verifier_set_offline (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  return verifier;
}

static RosetteVerifyReport *
verify_text (RosetteVerifier *verifier,
             const char      *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RosetteVerifyReport *report = rosette_verifier_verify_bytes_sync (verifier, bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static RosetteVerifyState
state_of (RosetteVerifyReport    *report,
          RosetteVerifyCheckKind  kind)
{
  return rosette_verify_check_get_state (rosette_verify_report_get_check (report, kind));
}

static void
assert_verdict (RosetteVerifyReport  *report,
                RosetteVerifyVerdict  verdict)
{
  if (rosette_verify_report_get_verdict (report) != verdict)
    {
      g_autoptr(JsonNode) json = rosette_verify_report_to_json (report);
      g_autofree char *text = test_verify_node_to_string (json);

      g_test_message ("unexpected verdict: %s", text);
    }
  g_assert_cmpint (rosette_verify_report_get_verdict (report), ==, verdict);
}

/* The corpus */

static void
test_corpus (void)
{
  g_autofree char *path = data_path ("expected.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
  g_assert_cmpuint (json_array_get_length (cases), >=, 30);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *name = json_object_get_string_member (c, "file");
      const char *key = json_object_get_string_member_with_default (c, "key", NULL);
      const char *verdict = json_object_get_string_member (c, "verdict");
      const char *format = json_object_get_string_member_with_default (c, "format", NULL);
      gboolean usable = json_object_get_boolean_member_with_default (c, "usable", TRUE);
      JsonArray *failing = json_object_get_array_member (c, "failing");
      g_autofree char *file_path = data_path (name);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(RosetteVerifier) verifier = offline_verifier ();
      g_autoptr(RosetteVerifyReport) report = NULL;
      g_autoptr(GString) failed = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);

      if (key != NULL)
        {
          g_autofree char *key_path = data_path (key);
          g_autoptr(GFile) key_file = g_file_new_for_path (key_path);
          g_autoptr(GBytes) bytes = g_file_load_bytes (key_file, NULL, NULL, &error);

          g_assert_no_error (error);
          rosette_verifier_load_trusted_key (verifier, bytes, &error);
          g_assert_no_error (error);
        }

      report = rosette_verifier_verify_file_sync (verifier, file, NULL, &error);
      g_assert_no_error (error);

      for (guint k = 0; k < ROSETTE_VERIFY_N_CHECKS; k++)
        if (state_of (report, k) == ROSETTE_VERIFY_STATE_FAILED)
          g_string_append_printf (failed, "%s ", rosette_verify_check_kind_to_string (k));
      for (guint k = 0; k < json_array_get_length (failing); k++)
        g_string_append_printf (expected, "%s ", json_array_get_string_element (failing, k));

      g_test_message ("%s: %s (%s), failing: %s", name,
                      rosette_verify_verdict_to_string (rosette_verify_report_get_verdict (report)),
                      rosette_verify_format_to_string (rosette_verify_report_get_format (report)),
                      failed->str);
      g_assert_cmpstr (rosette_verify_verdict_to_string (rosette_verify_report_get_verdict (report)), ==, verdict);
      g_assert_cmpstr (failed->str, ==, expected->str);
      g_assert_cmpint (rosette_verify_report_get_usable (report), ==, usable);
      if (format != NULL)
        g_assert_cmpstr (rosette_verify_format_to_string (rosette_verify_report_get_format (report)), ==, format);
    }
}

/* Rosette-made badges */

static void
check_valid_vc_jwt (RosetteKeyAlgorithm algorithm)
{
  g_autoptr(TestIssuing) t = test_issuing_new (algorithm, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) report = NULL;

  rosette_verifier_set_recipient (verifier, "  Ana.Lima@ACME.example ");
  report = verify_text (verifier, jws);
  assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpint (rosette_verify_report_get_format (report), ==, ROSETTE_VERIFY_FORMAT_OB3_VC_JWT);
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_RECIPIENT), ==, ROSETTE_VERIFY_STATE_PASSED);
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ISSUER), ==, ROSETTE_VERIFY_STATE_PASSED);
  g_assert_cmpstr (rosette_verify_report_get_achievement_name (report), ==,
                   rosette_achievement_get_name (t->achievement));
  g_assert_cmpstr (rosette_verify_report_get_tier (report), ==,
                   rosette_achievement_get_tier_name (t->achievement));
  g_assert_cmpstr (rosette_verify_report_get_issuer_name (report), ==, "Acme Ltd");
  g_assert_nonnull (rosette_verify_report_get_valid_from (report));
  g_assert_nonnull (rosette_verify_report_get_criteria (report));
}

static void
test_vc_jwt_ed25519 (void)
{
  check_valid_vc_jwt (ROSETTE_KEY_ALGORITHM_ED25519);
}

/* A did:key zDn… issuer: the compressed point is made whole with GMP. */
static void
test_vc_jwt_p256 (void)
{
  check_valid_vc_jwt (ROSETTE_KEY_ALGORITHM_P256);
}

static void
test_vc_jwt_rsa_trusted_key (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, "https://acme.example",
                                               "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) incomplete = NULL;
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autofree char *pem = rosette_key_dup_public_pem (t->key);
  g_autoptr(GBytes) pem_bytes = g_bytes_new (pem, strlen (pem));
  g_autoptr(GError) error = NULL;

  /* Offline, an https key cannot be fetched: "could not fully verify". */
  incomplete = verify_text (verifier, jws);
  assert_verdict (incomplete, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
  g_assert_cmpint (state_of (incomplete, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);

  /* --key: the user vouches for the key. */
  rosette_verifier_load_trusted_key (verifier, pem_bytes, &error);
  g_assert_no_error (error);
  report = verify_text (verifier, jws);
  assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
}

static void
test_baked_png_svg (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_autoptr(GBytes) png = test_verify_bake_png (jws);
  g_autoptr(GBytes) svg = test_verify_bake_svg (jws);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) png_report = NULL;
  g_autoptr(RosetteVerifyReport) svg_report = NULL;

  png_report = rosette_verifier_verify_bytes_sync (verifier, png, NULL, NULL);
  assert_verdict (png_report, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpstr (rosette_verify_report_get_image_type (png_report), ==, "image/png");
  g_assert_true (g_bytes_equal (rosette_verify_report_get_image (png_report), png));

  svg_report = rosette_verifier_verify_bytes_sync (verifier, svg, NULL, NULL);
  assert_verdict (svg_report, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpstr (rosette_verify_report_get_image_type (svg_report), ==, "image/svg+xml");
}

static void
test_data_integrity (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *json = test_verify_data_integrity (t, credential);
  g_autoptr(GBytes) png = test_verify_bake_png (json);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autoptr(RosetteVerifyReport) baked = NULL;
  g_autoptr(RosetteVerifyReport) tampered = NULL;
  g_autoptr(GString) changed = g_string_new (json);

  report = verify_text (verifier, json);
  assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpint (rosette_verify_report_get_format (report), ==, ROSETTE_VERIFY_FORMAT_OB3_DATA_INTEGRITY);
  g_assert_nonnull (rosette_verify_report_get_canonical_document (report));
  g_assert_cmpuint (strlen (rosette_verify_report_get_document_hash (report)), ==, 64);

  baked = rosette_verifier_verify_bytes_sync (verifier, png, NULL, NULL);
  assert_verdict (baked, ROSETTE_VERIFY_VERDICT_VALID);

  /* One changed character in the achievement's name. */
  g_string_replace (changed, "Data Privacy", "Data Privacx", 1);
  tampered = verify_text (verifier, changed->str);
  assert_verdict (tampered, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (tampered, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_FAILED);
}

static void
test_ob2_signed (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, "https://acme.example",
                                               "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_ob2 (t, credential);
  g_autofree char *pem = rosette_key_dup_public_pem (t->key);
  g_autoptr(GBytes) pem_bytes = g_bytes_new (pem, strlen (pem));
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) report = NULL;

  g_assert_true (rosette_verifier_load_trusted_key (verifier, pem_bytes, NULL));
  rosette_verifier_set_recipient (verifier, TEST_EMAIL);
  report = verify_text (verifier, jws);
  g_assert_cmpint (rosette_verify_report_get_format (report), ==, ROSETTE_VERIFY_FORMAT_OB2_SIGNED);
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_STRUCTURE), ==, ROSETTE_VERIFY_STATE_PASSED);
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_PASSED);
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_RECIPIENT), ==, ROSETTE_VERIFY_STATE_PASSED);
  /* The issuer's revocation list is on the web. */
  assert_verdict (report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
}

/* Dates and recipient */

static void
test_dates (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autofree char *jws = NULL;
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  struct { int y, mo, d, h, mi; RosetteVerifyVerdict verdict; } cases[] = {
    { 2024, 12, 31, 23, 50, ROSETTE_VERIFY_VERDICT_NOT_VALID },  /* not yet valid */
    { 2024, 12, 31, 23, 56, ROSETTE_VERIFY_VERDICT_VALID },      /* within the 5-minute skew */
    { 2025, 6, 1, 0, 0, ROSETTE_VERIFY_VERDICT_VALID },
    { 2026, 1, 1, 0, 4, ROSETTE_VERIFY_VERDICT_VALID },          /* within the skew */
    { 2026, 1, 1, 0, 6, ROSETTE_VERIFY_VERDICT_NOT_VALID },      /* expired */
  };

  rosette_credential_set_valid_from (credential, from);
  rosette_credential_set_valid_until (credential, until);
  jws = test_verify_vc_jwt (t, credential);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_utc (cases[i].y, cases[i].mo, cases[i].d,
                                                      cases[i].h, cases[i].mi, 0);
      g_autoptr(RosetteVerifyReport) report = NULL;

      rosette_verifier_set_now (verifier, now);
      report = verify_text (verifier, jws);
      assert_verdict (report, cases[i].verdict);
      if (cases[i].verdict == ROSETTE_VERIFY_VERDICT_NOT_VALID)
        g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_VALIDITY), ==, ROSETTE_VERIFY_STATE_FAILED);
    }
}

static void
test_wrong_recipient (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) nobody = NULL;
  g_autoptr(RosetteVerifyReport) other = NULL;

  /* No email entered: not checked, and that does not spoil the verdict. */
  nobody = verify_text (verifier, jws);
  assert_verdict (nobody, ROSETTE_VERIFY_VERDICT_VALID);
  g_assert_cmpint (state_of (nobody, ROSETTE_VERIFY_CHECK_RECIPIENT), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);

  rosette_verifier_set_recipient (verifier, "someone.else@acme.example");
  other = verify_text (verifier, jws);
  assert_verdict (other, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (other, ROSETTE_VERIFY_CHECK_RECIPIENT), ==, ROSETTE_VERIFY_STATE_FAILED);
}

/* Forgeries */

static char *
jws_with (const char *header,
          const char *payload_b64,
          const char *signature_b64)
{
  g_autofree char *h = rosette_base64url_encode ((const guint8 *) header, strlen (header));

  return g_strdup_printf ("%s.%s.%s", h, payload_b64, signature_b64);
}

static void
test_alg_none_and_hs256 (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_auto(GStrv) parts = g_strsplit (jws, ".", 3);
  g_autofree char *method = rosette_key_dup_did_key_method (t->key, NULL);
  g_autofree char *none_header = g_strdup_printf ("{\"alg\":\"none\",\"kid\":\"%s\"}", method);
  g_autofree char *hs_header = g_strdup_printf ("{\"alg\":\"HS256\",\"kid\":\"%s\"}", method);
  g_autofree char *none = jws_with (none_header, parts[1], "AA");
  g_autofree char *hs_input = NULL;
  g_autofree char *hs = NULL;
  g_autoptr(GBytes) secret = rosette_key_dup_raw_public (t->key);
  g_autofree char *mac = NULL;
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) none_report = NULL;
  g_autoptr(RosetteVerifyReport) hs_report = NULL;
  g_autoptr(RosetteVerifyReport) ed_as_es = NULL;
  g_autofree char *es_header = g_strdup_printf ("{\"alg\":\"ES256\",\"kid\":\"%s\"}", method);
  g_autofree char *es = jws_with (es_header, parts[1], parts[2]);

  none_report = verify_text (verifier, none);
  assert_verdict (none_report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (none_report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_FAILED);

  /* The classic confusion: an HMAC keyed with the issuer's public key. */
  {
    g_autofree char *h = rosette_base64url_encode ((const guint8 *) hs_header, strlen (hs_header));
    gsize length;
    const guint8 *key = g_bytes_get_data (secret, &length);
    g_autoptr(GHmac) hmac = NULL;
    guint8 digest[32];
    gsize digest_length = sizeof digest;

    hs_input = g_strdup_printf ("%s.%s", h, parts[1]);
    hmac = g_hmac_new (G_CHECKSUM_SHA256, key, length);
    g_hmac_update (hmac, (const guchar *) hs_input, -1);
    g_hmac_get_digest (hmac, digest, &digest_length);
    mac = rosette_base64url_encode (digest, digest_length);
    hs = g_strdup_printf ("%s.%s", hs_input, mac);
  }
  hs_report = verify_text (verifier, hs);
  assert_verdict (hs_report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (hs_report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_FAILED);

  /* An algorithm that is not the key's. */
  ed_as_es = verify_text (verifier, es);
  assert_verdict (ed_as_es, ROSETTE_VERIFY_VERDICT_NOT_VALID);
}

static void
test_tampered_jws (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_auto(GStrv) parts = g_strsplit (jws, ".", 3);
  g_autoptr(GBytes) payload = rosette_base64url_decode (parts[1], -1, NULL);
  g_autoptr(GString) changed = g_string_new_len (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  g_autofree char *changed_b64 = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) report = NULL;

  g_string_replace (changed, "Data Privacy", "Data Privacx", 0);
  changed_b64 = rosette_base64url_encode ((const guint8 *) changed->str, changed->len);
  forged = g_strdup_printf ("%s.%s.%s", parts[0], changed_b64, parts[2]);
  report = verify_text (verifier, forged);
  assert_verdict (report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_FAILED);
}

/* An attacker re-signs the victim's credential with their own did:key. */
static void
test_key_substitution (void)
{
  g_autoptr(TestIssuing) victim = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(TestIssuing) attacker = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (victim, TEST_EMAIL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = rosette_credential_build_ob3 (credential, victim->issuer, victim->record, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (attacker->key, NULL);
  g_autofree char *attacker_jws = NULL;
  g_autofree char *attacker_di = NULL;
  g_autoptr(JsonObject) signed_credential = NULL;
  g_autoptr(JsonNode) out = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) jwt_report = NULL;
  g_autoptr(RosetteVerifyReport) di_report = NULL;

  g_assert_no_error (error);
  attacker_jws = rosette_jws_sign_json (attacker->key, method, FALSE, node, &error);
  g_assert_no_error (error);
  jwt_report = verify_text (verifier, attacker_jws);
  assert_verdict (jwt_report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (jwt_report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_FAILED);

  signed_credential = rosette_data_integrity_sign (json_node_get_object (node), attacker->key, method, NULL, &error);
  g_assert_no_error (error);
  json_node_set_object (out, signed_credential);
  attacker_di = test_verify_node_to_string (out);
  di_report = verify_text (verifier, attacker_di);
  assert_verdict (di_report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_cmpint (state_of (di_report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_FAILED);
}

/* Endorsements, credentialSchema and refreshService */

static void
test_endorsements (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(TestIssuing) guild = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(JsonNode) good = NULL;
  g_autoptr(JsonNode) forged = NULL;
  g_autofree char *guild_did = NULL;

  rosette_issuer_set_name (guild->issuer, "Guild of Assessors");
  guild_did = rosette_key_dup_did_key (guild->key, NULL);
  good = test_verify_endorsement (guild, "Meets our standard.");
  forged = test_verify_endorsement (guild, "Meets our standard.");
  /* Changed after the guild signed it. */
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (forged), "credentialSubject"),
                                 "endorsementComment", "The best badge there is.");

  {
    g_autoptr(JsonObject) extra = json_object_new ();
    g_autoptr(JsonArray) list = json_array_new ();
    g_autofree char *json = NULL;
    g_autoptr(RosetteVerifyReport) report = NULL;
    g_autoptr(JsonNode) as_json = NULL;

    json_array_add_element (list, json_node_copy (good));
    json_object_set_array_member (extra, "endorsement", json_array_ref (list));
    json = test_verify_di_with_members (t, extra);
    report = verify_text (verifier, json);

    assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ENDORSEMENT), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_cmpuint (rosette_verify_report_get_n_endorsements (report), ==, 1);
    g_assert_cmpstr (rosette_verify_report_get_endorser_name (report, 0), ==, "Guild of Assessors");
    g_assert_cmpstr (rosette_verify_report_get_endorser_id (report, 0), ==, guild_did);
    g_assert_cmpint (rosette_verify_report_get_endorsement_state (report, 0), ==, ROSETTE_VERIFY_STATE_PASSED);
    as_json = rosette_verify_report_to_json (report);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       json_object_get_array_member (json_node_get_object (as_json), "endorsements"), 0),
                       "endorserName"), ==, "Guild of Assessors");
  }
  {
    g_autoptr(JsonObject) extra = json_object_new ();
    g_autoptr(JsonArray) list = json_array_new ();
    g_autofree char *json = NULL;
    g_autoptr(RosetteVerifyReport) report = NULL;

    json_array_add_element (list, json_node_copy (good));
    json_array_add_element (list, json_node_copy (forged));
    json_object_set_array_member (extra, "endorsement", json_array_ref (list));
    json = test_verify_di_with_members (t, extra);
    report = verify_text (verifier, json);

    /* The issuer signed a badge carrying a forged endorsement. */
    assert_verdict (report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ENDORSEMENT), ==, ROSETTE_VERIFY_STATE_FAILED);
    g_assert_cmpuint (rosette_verify_report_get_n_endorsements (report), ==, 2);
    g_assert_cmpint (rosette_verify_report_get_endorsement_state (report, 0), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_cmpint (rosette_verify_report_get_endorsement_state (report, 1), ==, ROSETTE_VERIFY_STATE_FAILED);
  }
  {
    /* No endorsement: nothing to check, and the verdict does not care. */
    g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
    g_autofree char *json = test_verify_data_integrity (t, credential);
    g_autoptr(RosetteVerifyReport) report = verify_text (verifier, json);

    assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ENDORSEMENT), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
    g_assert_cmpuint (rosette_verify_report_get_n_endorsements (report), ==, 0);
  }
}

static void
test_schema_and_refresh (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  struct
  {
    const char         *schema;
    RosetteVerifyState  state;
  } cases[] = {
    { "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
      ROSETTE_VERIFY_STATE_PASSED },
    { "https://schemas.example/our-own.json", ROSETTE_VERIFY_STATE_NOT_CHECKED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) extra = json_object_new ();
      g_autoptr(JsonObject) schema = json_object_new ();
      g_autoptr(JsonObject) refresh = json_object_new ();
      g_autoptr(JsonArray) schemas = json_array_new ();
      g_autofree char *json = NULL;
      g_autoptr(RosetteVerifyReport) report = NULL;
      RosetteVerifyCheck *check;

      json_object_set_string_member (schema, "id", cases[i].schema);
      json_object_set_string_member (schema, "type", "1EdTechJsonSchemaValidator2019");
      json_array_add_object_element (schemas, json_object_ref (schema));
      json_object_set_array_member (extra, "credentialSchema", json_array_ref (schemas));
      json_object_set_string_member (refresh, "id", "https://acme.example/refresh/1");
      json_object_set_string_member (refresh, "type", "1EdTechCredentialRefresh");
      json_object_set_object_member (extra, "refreshService", json_object_ref (refresh));
      /* The schema validator's type is defined by 1EdTech's extensions context. */
      {
        g_autoptr(JsonArray) contexts = json_array_new ();

        json_array_add_string_element (contexts, "https://www.w3.org/ns/credentials/v2");
        json_array_add_string_element (contexts, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        json_array_add_string_element (contexts, "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        json_object_set_array_member (extra, "@context", json_array_ref (contexts));
      }
      json = test_verify_di_with_members (t, extra);
      report = verify_text (verifier, json);

      /* Neither decides the verdict: an unknown schema is said, not failed. */
      assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
      check = rosette_verify_report_get_check (report, ROSETTE_VERIFY_CHECK_SCHEMA);
      g_test_message ("%s: %s", cases[i].schema, rosette_verify_check_get_explanation (check));
      g_assert_cmpint (rosette_verify_check_get_state (check), ==, cases[i].state);
      if (cases[i].state == ROSETTE_VERIFY_STATE_NOT_CHECKED)
        g_assert_nonnull (strstr (rosette_verify_check_get_explanation (check), cases[i].schema));
      check = rosette_verify_report_get_check (report, ROSETTE_VERIFY_CHECK_REFRESH);
      g_assert_cmpint (rosette_verify_check_get_state (check), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
      g_assert_nonnull (strstr (rosette_verify_check_get_explanation (check), "https://acme.example/refresh/1"));
    }
}

/* OB 2.0 hosted badges against a loopback server */

static RosetteVerifyReport *
verify_hosted (RosetteVerifier *verifier,
               StatusServer    *s,
               const char      *base,
               const char      *name,
               const char      *badge_path)
{
  g_autofree char *assertion = test_verify_hosted_assertion (base, name, badge_path, TEST_EMAIL);
  g_autofree char *path = g_strconcat ("/ob2/assertions/", name, NULL);
  RosetteVerifyReport *report;

  if (!g_hash_table_contains (s->redirects, path))
    status_server_serve (s, path, assertion);
  report = verify_text (verifier, assertion);
  g_assert_cmpint (rosette_verify_report_get_format (report), ==, ROSETTE_VERIFY_FORMAT_OB2_HOSTED);
  return report;
}

static const char *
explanation_of (RosetteVerifyReport    *report,
                RosetteVerifyCheckKind  kind)
{
  return rosette_verify_check_get_explanation (rosette_verify_report_get_check (report, kind));
}

static void
test_ob2_hosted (void)
{
  StatusServer s = { 0, };
  GThread *thread;
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autofree char *base = NULL;

  status_server_start (&s);
  thread = status_server_run (&s);
  base = g_strdup_printf ("http://127.0.0.1:%u", s.port);
  test_verify_serve_hosted_issuer (&s, base, "revoked");
  {
    g_autofree char *strict_badge = g_strdup_printf (
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\",\"id\":\"%s/ob2/badge-strict\","
      "\"name\":\"Data Privacy\",\"description\":\"d\",\"image\":\"%s/ob2/badge.png\","
      "\"criteria\":{\"narrative\":\"n\"},\"issuer\":\"%s/ob2/issuer-strict\"}", base, base, base);
    g_autofree char *strict_issuer = g_strdup_printf (
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\",\"id\":\"%s/ob2/issuer-strict\","
      "\"name\":\"Acme Ltd\",\"url\":\"https://acme.example\",\"email\":\"badges@acme.example\","
      "\"verification\":{\"allowedOrigins\":\"badges.acme.example\"}}", base);

    status_server_serve (&s, "/ob2/badge-strict", strict_badge);
    status_server_serve (&s, "/ob2/issuer-strict", strict_issuer);
  }
  g_hash_table_insert (s.redirects, g_strdup ("/ob2/assertions/to-http"),
                       g_strdup ("http://acme.example/ob2/assertions/to-http"));
  g_hash_table_insert (s.redirects, g_strdup ("/ob2/assertions/to-private"),
                       g_strdup ("https://10.0.0.1/ob2/assertions/to-private"));
  rosette_verifier_set_allow_loopback (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  rosette_verifier_set_recipient (verifier, TEST_EMAIL);

  /* The assertion, its BadgeClass and the issuer's profile all fetched. */
  {
    g_autoptr(RosetteVerifyReport) report = verify_hosted (verifier, &s, base, "good", "/ob2/badge");

    assert_verdict (report, ROSETTE_VERIFY_VERDICT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ISSUER), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), "/ob2/revocations"));
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_RECIPIENT), ==, ROSETTE_VERIFY_STATE_PASSED);
    g_assert_cmpstr (rosette_verify_report_get_achievement_name (report), ==, "Data Privacy");
    g_assert_cmpstr (rosette_verify_report_get_issuer_name (report), ==, "Acme Ltd");
    g_assert_cmpstr (rosette_verify_report_get_criteria (report), ==, "Passed the course.");
  }
  /* Listed in the issuer's revocation list. */
  {
    g_autoptr(RosetteVerifyReport) report = verify_hosted (verifier, &s, base, "revoked", "/ob2/badge");

    g_test_message ("revoked: %s", explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION));

    assert_verdict (report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_FAILED);
    g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), "Issued in error"));
  }
  /* The BadgeClass answers 404: who issued it is unknown. */
  {
    g_autoptr(RosetteVerifyReport) report = verify_hosted (verifier, &s, base, "no-badge", "/ob2/badge-gone");

    assert_verdict (report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ISSUER), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
    g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_ISSUER), "/ob2/badge-gone"));
    g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_ISSUER), "BadgeClass"));
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
  }
  /* Hosted where the issuer's verification policy does not allow. */
  {
    g_autoptr(RosetteVerifyReport) report = verify_hosted (verifier, &s, base, "elsewhere", "/ob2/badge-strict");

    assert_verdict (report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_ISSUER), ==, ROSETTE_VERIFY_STATE_FAILED);
  }
  /* Redirects to plain http or a private address are not followed. */
  {
    const char *names[] = { "to-http", "to-private" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(RosetteVerifyReport) report = verify_hosted (verifier, &s, base, names[i], "/ob2/badge");

        g_test_message ("%s: %s", names[i], explanation_of (report, ROSETTE_VERIFY_CHECK_PROOF));
        assert_verdict (report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
        g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
        g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_PROOF),
                                  "not a public https address"));
      }
  }

  status_server_stop (&s, thread);
}

/* The registry of badges issued on this computer, when the list is out of reach */

typedef struct
{
  char            *dir;
  RosetteRegistry *registry;
} RegistryFixture;

static void
registry_fixture_set_up (RegistryFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rosette-verify-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "registry.db", NULL);
  f->registry = rosette_registry_open (path, NULL, &error);
  g_assert_no_error (error);
}

static void
registry_fixture_tear_down (RegistryFixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->registry);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_registry_fallback (void)
{
  RegistryFixture f = { 0, };
  StatusServer s = { 0, };
  GThread *thread;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(RosetteVerifier) offline = offline_verifier ();
  g_autoptr(RosetteVerifier) without = rosette_verifier_new ();
  g_autofree char *base = NULL;
  struct
  {
    const char          *email;
    const char          *prefix;       /* where the list is: "/gone" answers 404 */
    gboolean             recorded;
    gboolean             revoke;
    gint                 index_shift;  /* the badge names another position */
    RosetteVerifyVerdict verdict;
    RosetteVerifyState   state;
    const char          *explains;
  } cases[] = {
    { "a@acme.example", "/gone", TRUE, FALSE, 0, ROSETTE_VERIFY_VERDICT_VALID, ROSETTE_VERIFY_STATE_PASSED, "registry of badges you issued" },
    { "b@acme.example", "/gone", TRUE, TRUE, 0, ROSETTE_VERIFY_VERDICT_NOT_VALID, ROSETTE_VERIFY_STATE_FAILED, "Revoked on 20" },
    { "c@acme.example", "/gone", FALSE, FALSE, 0, ROSETTE_VERIFY_VERDICT_INCOMPLETE, ROSETTE_VERIFY_STATE_NOT_CHECKED, "HTTP status 404" },
    { "d@acme.example", "/gone", TRUE, FALSE, 1, ROSETTE_VERIFY_VERDICT_INCOMPLETE, ROSETTE_VERIFY_STATE_NOT_CHECKED, "HTTP status 404" },
    /* A list that was fetched wins over the registry. */
    { "e@acme.example", "/live", TRUE, TRUE, 0, ROSETTE_VERIFY_VERDICT_VALID, ROSETTE_VERIFY_STATE_PASSED, "according to the issuer’s list" },
  };

  registry_fixture_set_up (&f);
  status_server_start (&s);
  thread = status_server_run (&s);
  base = g_strdup_printf ("http://127.0.0.1:%u", s.port);
  rosette_verifier_set_allow_loopback (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  rosette_verifier_set_registry (verifier, f.registry);
  g_assert_true (rosette_verifier_get_registry (verifier) == f.registry);
  rosette_verifier_set_registry (offline, f.registry);
  rosette_verifier_set_allow_loopback (without, TRUE);
  rosette_verifier_set_cache_dir (without, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RosetteCredential) credential = test_issuing_credential (t, cases[i].email);
      g_autoptr(RosetteVerifyReport) report = NULL;
      g_autofree char *url = NULL;
      g_autofree char *path = NULL;
      g_autofree char *jws = NULL;
      gint64 list_id = 1;
      guint index = 0;

      if (cases[i].recorded)
        {
          g_autoptr(RosetteIssuedRecord) record = test_verify_record_issued (t, f.registry, credential,
                                                                             cases[i].email);

          list_id = rosette_issued_record_get_status_list_id (record);
          index = rosette_issued_record_get_status_index (record);
        }
      else
        index = 1000 + i;
      if (cases[i].revoke)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (rosette_registry_revoke (f.registry, rosette_credential_get_id (credential),
                                                  "Left the company", NULL, &error));
          g_assert_no_error (error);
        }
      path = g_strdup_printf ("%s/status/%" G_GINT64_FORMAT ".json", cases[i].prefix, list_id);
      url = g_strconcat (base, path, NULL);
      if (g_strcmp0 (cases[i].prefix, "/live") == 0)
        g_hash_table_insert (s.lists, g_strdup (path), status_list_new (t, url, index + 1, "di"));
      rosette_credential_set_status (credential, url, index + cases[i].index_shift);
      jws = test_verify_vc_jwt (t, credential);

      report = verify_text (verifier, jws);
      g_test_message ("%s: %s", cases[i].email, explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION));
      assert_verdict (report, cases[i].verdict);
      g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), ==, cases[i].state);
      g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), cases[i].explains));

      if (i <= 1)
        {
          g_autoptr(RosetteVerifyReport) offline_report = verify_text (offline, jws);
          g_autoptr(RosetteVerifyReport) without_report = verify_text (without, jws);

          /* Offline, the registry answers just the same. */
          assert_verdict (offline_report, cases[i].verdict);
          g_assert_cmpint (state_of (offline_report, ROSETTE_VERIFY_CHECK_REVOCATION), ==, cases[i].state);
          /* Without a registry, revocation stays unchecked. */
          assert_verdict (without_report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
          g_assert_cmpint (state_of (without_report, ROSETTE_VERIFY_CHECK_REVOCATION), ==,
                           ROSETTE_VERIFY_STATE_NOT_CHECKED);
        }
      if (i == 1)
        g_assert_nonnull (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), "Left the company"));
    }

  /* A forged copy (another key) of a recorded badge: no proof, no registry answer. */
  {
    g_autoptr(TestIssuing) forger = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
    g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "f@acme.example");
    g_autoptr(RosetteIssuedRecord) record = test_verify_record_issued (t, f.registry, credential, "f@acme.example");
    g_autoptr(RosetteVerifyReport) report = NULL;
    g_autofree char *gone = g_strconcat (base, "/gone", NULL);
    g_autofree char *jws = NULL;
    g_autofree char *tampered = NULL;

    test_verify_set_recorded_status (credential, gone, record);
    jws = test_verify_vc_jwt (t, credential);
    /* The signature of another key on the same header and payload. */
    {
      g_autofree char *other = test_verify_vc_jwt (forger, credential);
      g_autofree char *head = g_strndup (jws, strrchr (jws, '.') - jws + 1);

      tampered = g_strconcat (head, strrchr (other, '.') + 1, NULL);
    }
    report = verify_text (verifier, tampered);
    assert_verdict (report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
    g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), !=, ROSETTE_VERIFY_STATE_PASSED);
  }

  /* One of our badge ids, list and position, validly signed by someone
   * else under their own issuer: the registry knows nothing of it. */
  {
    g_autoptr(TestIssuing) other = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
    g_autofree char *gone = g_strconcat (base, "/gone", NULL);
    g_autofree char *ours = rosette_issuer_dup_identifier_for_key (t->issuer, t->record, NULL);

    for (guint revoke = 0; revoke < 2; revoke++)
      {
        const char *email = revoke ? "h@acme.example" : "g@acme.example";
        g_autoptr(RosetteCredential) credential = test_issuing_credential (t, email);
        g_autoptr(RosetteIssuedRecord) record = test_verify_record_issued (t, f.registry, credential, email);
        g_autoptr(RosetteIssuedRecord) found = NULL;
        g_autoptr(RosetteVerifyReport) report = NULL;
        g_autoptr(RosetteVerifyReport) offline_report = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *jws = NULL;

        if (revoke)
          {
            g_assert_true (rosette_registry_revoke (f.registry, rosette_credential_get_id (credential),
                                                    "Left the company", NULL, &error));
            g_assert_no_error (error);
          }
        found = rosette_registry_lookup (f.registry, rosette_credential_get_id (credential), NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (rosette_issued_record_get_issuer_identifier (found), ==, ours);

        test_verify_set_recorded_status (credential, gone, record);
        /* Ours, as a control: the registry answers. */
        jws = test_verify_vc_jwt (t, credential);
        report = verify_text (verifier, jws);
        g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), ==,
                         revoke ? ROSETTE_VERIFY_STATE_FAILED : ROSETTE_VERIFY_STATE_PASSED);
        g_clear_object (&report);
        g_clear_pointer (&jws, g_free);

        jws = test_verify_vc_jwt (other, credential);
        report = verify_text (verifier, jws);
        offline_report = verify_text (offline, jws);
        g_test_message ("%s by another issuer: %s", email,
                        explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION));
        g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_PROOF), ==, ROSETTE_VERIFY_STATE_PASSED);
        g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_REVOCATION), ==,
                         ROSETTE_VERIFY_STATE_NOT_CHECKED);
        g_assert_null (strstr (explanation_of (report, ROSETTE_VERIFY_CHECK_REVOCATION),
                               "registry of badges you issued"));
        assert_verdict (report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
        g_assert_cmpint (state_of (offline_report, ROSETTE_VERIFY_CHECK_REVOCATION), ==,
                         ROSETTE_VERIFY_STATE_NOT_CHECKED);
        assert_verdict (offline_report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
      }
  }

  /* A row without its own issuer id (recorded before registries kept
   * one per row) is its achievement's issuer's. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(RosetteIssuedRecord) record = NULL;
    g_autoptr(RosetteIssuedRecord) found = NULL;
    RosetteRecipientData person = { "old@acme.example", NULL, NULL, NULL, NULL, NULL };
    RosetteIssuanceRequest request = {
      .issuance_key = "old-row", .batch_id = "b", .credential_id = "urn:uuid:old-row",
      .valid_from = now, .proof_type = "vc-jwt", .now = now,
    };
    gint64 issuer_id = rosette_registry_upsert_issuer (f.registry, "did:web:old.example", "Old",
                                                       NULL, &error);

    g_assert_no_error (error);
    request.achievement_id = rosette_registry_upsert_achievement (f.registry, issuer_id, "privacy",
                                                                  "Data Privacy", "gold", "Gold",
                                                                  NULL, NULL, &error);
    g_assert_no_error (error);
    request.recipient_id = rosette_registry_upsert_recipient (f.registry, &person, &error);
    g_assert_no_error (error);
    record = rosette_registry_reserve_issuance (f.registry, &request, NULL, &error);
    g_assert_no_error (error);
    found = rosette_registry_lookup (f.registry, "urn:uuid:old-row", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rosette_issued_record_get_issuer_identifier (found), ==, "did:web:old.example");
  }

  status_server_stop (&s, thread);
  registry_fixture_tear_down (&f);
}

/* Revocation against a loopback server */

typedef struct
{
  const char         *path;
  guint               index;
  RosetteVerifyVerdict verdict;
  RosetteVerifyState  state;
  const char         *explains;   /* a word the explanation must hold */
} StatusCase;

static void
test_revocation (void)
{
  StatusServer s = { 0, };
  GThread *thread;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(TestIssuing) other = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(RosetteVerifier) strict = rosette_verifier_new ();
  g_autoptr(RosetteVerifier) offline = offline_verifier ();
  g_autofree char *base = NULL;
  const StatusCase cases[] = {
    /* A list signed by the issuer: the bit decides. */
    { "/status/di", 7, ROSETTE_VERIFY_VERDICT_NOT_VALID, ROSETTE_VERIFY_STATE_FAILED, "revoked" },
    { "/status/di", 8, ROSETTE_VERIFY_VERDICT_VALID, ROSETTE_VERIFY_STATE_PASSED, "Not revoked" },
    { "/status/jwt", 7, ROSETTE_VERIFY_VERDICT_NOT_VALID, ROSETTE_VERIFY_STATE_FAILED, "revoked" },
    { "/status/jwt", 8, ROSETTE_VERIFY_VERDICT_VALID, ROSETTE_VERIFY_STATE_PASSED, "Not revoked" },
    /* Un-revoked in transit: the proof no longer matches, no bit is trusted. */
    { "/status/tampered", 7, ROSETTE_VERIFY_VERDICT_INCOMPLETE, ROSETTE_VERIFY_STATE_NOT_CHECKED, "cannot be trusted" },
    { "/status/unsigned", 7, ROSETTE_VERIFY_VERDICT_INCOMPLETE, ROSETTE_VERIFY_STATE_NOT_CHECKED, "no proof" },
    /* A valid list, but by someone else. */
    { "/status/other", 7, ROSETTE_VERIFY_VERDICT_INCOMPLETE, ROSETTE_VERIFY_STATE_NOT_CHECKED, "not by the badge" },
  };

  status_server_start (&s);
  thread = status_server_run (&s);
  base = g_strdup_printf ("http://127.0.0.1:%u", s.port);
  {
    g_autofree char *di = g_strconcat (base, "/status/di", NULL);
    g_autofree char *jwt = g_strconcat (base, "/status/jwt", NULL);
    g_autofree char *tampered = g_strconcat (base, "/status/tampered", NULL);
    g_autofree char *unsigned_url = g_strconcat (base, "/status/unsigned", NULL);
    g_autofree char *other_url = g_strconcat (base, "/status/other", NULL);
    g_autoptr(GBytes) good = status_list_new (t, tampered, 8, "di");

    g_hash_table_insert (s.lists, g_strdup ("/status/di"), status_list_new (t, di, 7, "di"));
    g_hash_table_insert (s.lists, g_strdup ("/status/jwt"), status_list_new (t, jwt, 7, "jwt"));
    g_hash_table_insert (s.lists, g_strdup ("/status/tampered"), status_list_tamper (good, 9));
    g_hash_table_insert (s.lists, g_strdup ("/status/unsigned"), status_list_new (t, unsigned_url, 7, "none"));
    g_hash_table_insert (s.lists, g_strdup ("/status/other"), status_list_new (other, other_url, 7, "di"));
  }

  rosette_verifier_set_allow_loopback (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  rosette_verifier_set_cache_dir (strict, "");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
      g_autofree char *url = g_strconcat (base, cases[i].path, NULL);
      g_autofree char *jws = NULL;
      g_autoptr(RosetteVerifyReport) report = NULL;
      RosetteVerifyCheck *check;

      rosette_credential_set_status (credential, url, cases[i].index);
      jws = test_verify_vc_jwt (t, credential);
      report = verify_text (verifier, jws);
      check = rosette_verify_report_get_check (report, ROSETTE_VERIFY_CHECK_REVOCATION);
      g_test_message ("%s #%u: %s", cases[i].path, cases[i].index, rosette_verify_check_get_explanation (check));
      assert_verdict (report, cases[i].verdict);
      g_assert_cmpint (rosette_verify_check_get_state (check), ==, cases[i].state);
      g_assert_nonnull (strstr (rosette_verify_check_get_explanation (check), cases[i].explains));

      if (i == 1)
        {
          g_autoptr(RosetteVerifyReport) refused = verify_text (strict, jws);
          g_autoptr(RosetteVerifyReport) not_fetched = verify_text (offline, jws);

          /* Without the test switch, plain http on the loopback is never fetched. */
          assert_verdict (refused, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
          g_assert_cmpint (state_of (refused, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
          assert_verdict (not_fetched, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
        }
    }
  g_assert_cmpuint (g_atomic_int_get (&s.requests), ==, G_N_ELEMENTS (cases));

  status_server_stop (&s, thread);
}

static void
test_url_policy (void)
{
  g_assert_true (_rosette_verify_url_allowed ("https://acme.example/status/1", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("http://acme.example/status/1", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("https://127.0.0.1/x", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("https://10.1.2.3/x", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("https://192.168.1.1/x", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("https://[::1]/x", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("https://localhost/x", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("file:///etc/passwd", FALSE));
  g_assert_false (_rosette_verify_url_allowed ("https://user@acme.example/x", FALSE));
  g_assert_true (_rosette_verify_url_allowed ("http://127.0.0.1:8080/x", TRUE));
}

/* The P-256 point of a generated key, compressed and made whole again. */
static void
test_p256_decompress (void)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_P256, &error);
      g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (key, NULL);
      g_autoptr(GBytes) x = rosette_base64url_decode (json_object_get_string_member (jwk, "x"), -1, NULL);
      g_autoptr(GBytes) y = rosette_base64url_decode (json_object_get_string_member (jwk, "y"), -1, NULL);
      const guint8 *yb = g_bytes_get_data (y, NULL);
      guint8 point[33];
      guint8 rx[32], ry[32];

      point[0] = 0x02 | (yb[31] & 1);
      memcpy (point + 1, g_bytes_get_data (x, NULL), 32);
      g_assert_true (_rosette_p256_decompress (point, sizeof point, rx, ry, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (ry, 32, yb, 32);

      /* x + 1 is almost never on the curve; when it is, y must still square. */
      point[32] ^= 1;
      if (!_rosette_p256_decompress (point, sizeof point, rx, ry, NULL))
        continue;
    }
}

/* Report, async */

static void
test_report_json (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *jws = test_verify_vc_jwt (t, credential);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) report = verify_text (verifier, jws);
  g_autoptr(JsonNode) json = rosette_verify_report_to_json (report);
  JsonObject *o = json_node_get_object (json);
  JsonArray *checks = json_object_get_array_member (o, "checks");
  static const char *const order[] = { "container", "json", "structure", "schema", "proof",
                                       "issuer", "validity", "revocation", "recipient",
                                       "endorsement", "refresh" };

  g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "ob3-vc-jwt");
  g_assert_cmpuint (json_array_get_length (checks), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      JsonObject *c = json_array_get_object_element (checks, i);

      g_assert_cmpstr (json_object_get_string_member (c, "check"), ==, order[i]);
      g_assert_cmpuint (strlen (json_object_get_string_member (c, "explanation")), >, 10);
    }
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "credential"), "credentialSubject"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "endorsements")), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rosette_verify_report_get_checks (report)), ==, ROSETTE_VERIFY_N_CHECKS);
}

/* Found by fuzzing: empty input has no data pointer at all. */
static void
test_empty_input (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  g_autoptr(RosetteVerifyReport) report = rosette_verifier_verify_bytes_sync (verifier, empty, NULL, NULL);

  assert_verdict (report, ROSETTE_VERIFY_VERDICT_NOT_VALID);
  g_assert_false (rosette_verify_report_get_usable (report));
  g_assert_cmpint (state_of (report, ROSETTE_VERIFY_CHECK_CONTAINER), ==, ROSETTE_VERIFY_STATE_FAILED);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RosetteVerifyReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rosette_verifier_verify_file_finish (ROSETTE_VERIFIER (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = data_path ("1edtech/ob30-simple.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteVerifier) verifier = offline_verifier ();
  RosetteVerifyReport *report = NULL;

  rosette_verifier_verify_file_async (verifier, file, NULL, verified_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_verdict (report, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
  g_assert_cmpstr (rosette_verify_report_get_source_name (report), ==, path);
  g_assert_finalize_object (report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/verify/corpus", test_corpus);
  g_test_add_func ("/rosette/verify/vc-jwt-ed25519", test_vc_jwt_ed25519);
  g_test_add_func ("/rosette/verify/vc-jwt-p256", test_vc_jwt_p256);
  g_test_add_func ("/rosette/verify/vc-jwt-rsa-trusted-key", test_vc_jwt_rsa_trusted_key);
  g_test_add_func ("/rosette/verify/baked-png-svg", test_baked_png_svg);
  g_test_add_func ("/rosette/verify/data-integrity", test_data_integrity);
  g_test_add_func ("/rosette/verify/ob2-signed", test_ob2_signed);
  g_test_add_func ("/rosette/verify/dates", test_dates);
  g_test_add_func ("/rosette/verify/wrong-recipient", test_wrong_recipient);
  g_test_add_func ("/rosette/verify/alg-none-hs256", test_alg_none_and_hs256);
  g_test_add_func ("/rosette/verify/tampered-jws", test_tampered_jws);
  g_test_add_func ("/rosette/verify/key-substitution", test_key_substitution);
  g_test_add_func ("/rosette/verify/revocation", test_revocation);
  g_test_add_func ("/rosette/verify/ob2-hosted", test_ob2_hosted);
  g_test_add_func ("/rosette/verify/registry-fallback", test_registry_fallback);
  g_test_add_func ("/rosette/verify/endorsements", test_endorsements);
  g_test_add_func ("/rosette/verify/schema-and-refresh", test_schema_and_refresh);
  g_test_add_func ("/rosette/verify/url-policy", test_url_policy);
  g_test_add_func ("/rosette/verify/p256-decompress", test_p256_decompress);
  g_test_add_func ("/rosette/verify/report-json", test_report_json);
  g_test_add_func ("/rosette/verify/empty-input", test_empty_input);
  g_test_add_func ("/rosette/verify/async", test_async);

  return g_test_run ();
}
