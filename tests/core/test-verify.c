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

/* Revocation against a loopback server */

typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GBytes       *list;
  guint         port;
  GMutex        mutex;
  GCond         cond;
  guint         requests;
} StatusServer;

static void
status_request_cb (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  StatusServer *s = user_data;

  s->requests++;
  if (g_strcmp0 (path, "/status/1") != 0)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/vc+ld+json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (s->list, NULL), g_bytes_get_size (s->list));
}

static gpointer
status_server_thread (gpointer data)
{
  StatusServer *s = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, NULL, status_request_cb, s, NULL);
  soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  g_mutex_lock (&s->mutex);
  s->port = g_uri_get_port (uris->data);
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (s->loop);
  g_clear_object (&s->server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

/* A BitstringStatusListCredential of 131,072 bits with bit @revoked set. */
static GBytes *
status_list_new (guint revoked)
{
  g_autofree guint8 *bits = g_malloc0 (16384);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  guint8 packed[32768];
  gsize read = 0, written = 0;
  g_autofree char *encoded = NULL;
  char *text;
  gsize length;

  bits[revoked / 8] |= 0x80 >> (revoked % 8);
  g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), bits, 16384, packed, sizeof packed,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, NULL),
                   ==, G_CONVERTER_FINISHED);
  encoded = rosette_base64url_encode (packed, written);
  text = g_strdup_printf (
    "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
    "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
    "\"credentialSubject\":{\"type\":\"BitstringStatusList\",\"statusPurpose\":\"revocation\","
    "\"encodedList\":\"u%s\"}}", encoded);
  length = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static void
test_revocation (void)
{
  StatusServer s = { 0, };
  GThread *thread;
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autofree char *list_url = NULL;
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(RosetteVerifier) strict = rosette_verifier_new ();
  g_autoptr(RosetteVerifier) offline = offline_verifier ();
  g_autofree char *revoked_jws = NULL;
  g_autofree char *kept_jws = NULL;

  s.context = g_main_context_new ();
  s.loop = g_main_loop_new (s.context, FALSE);
  s.list = status_list_new (7);
  g_mutex_init (&s.mutex);
  g_cond_init (&s.cond);
  thread = g_thread_new ("status-server", status_server_thread, &s);
  g_mutex_lock (&s.mutex);
  while (s.port == 0)
    g_cond_wait (&s.cond, &s.mutex);
  g_mutex_unlock (&s.mutex);

  list_url = g_strdup_printf ("http://127.0.0.1:%u/status/1", s.port);
  {
    g_autoptr(RosetteCredential) revoked = test_issuing_credential (t, TEST_EMAIL);
    g_autoptr(RosetteCredential) kept = test_issuing_credential (t, TEST_EMAIL);

    rosette_credential_set_status (revoked, list_url, 7);
    rosette_credential_set_status (kept, list_url, 8);
    revoked_jws = test_verify_vc_jwt (t, revoked);
    kept_jws = test_verify_vc_jwt (t, kept);
  }

  rosette_verifier_set_allow_loopback (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  rosette_verifier_set_cache_dir (strict, "");
  {
    g_autoptr(RosetteVerifyReport) revoked = verify_text (verifier, revoked_jws);
    g_autoptr(RosetteVerifyReport) kept = verify_text (verifier, kept_jws);
    g_autoptr(RosetteVerifyReport) refused = verify_text (strict, kept_jws);
    g_autoptr(RosetteVerifyReport) not_fetched = verify_text (offline, kept_jws);

    assert_verdict (revoked, ROSETTE_VERIFY_VERDICT_NOT_VALID);
    g_assert_cmpint (state_of (revoked, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_FAILED);
    assert_verdict (kept, ROSETTE_VERIFY_VERDICT_VALID);
    g_assert_cmpint (state_of (kept, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_PASSED);
    /* Without the test switch, plain http on the loopback is never fetched. */
    assert_verdict (refused, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
    g_assert_cmpint (state_of (refused, ROSETTE_VERIFY_CHECK_REVOCATION), ==, ROSETTE_VERIFY_STATE_NOT_CHECKED);
    assert_verdict (not_fetched, ROSETTE_VERIFY_VERDICT_INCOMPLETE);
  }
  g_assert_cmpuint (s.requests, ==, 2);

  g_main_loop_quit (s.loop);
  g_main_context_wakeup (s.context);
  g_thread_join (thread);
  g_main_loop_unref (s.loop);
  g_main_context_unref (s.context);
  g_bytes_unref (s.list);
  g_mutex_clear (&s.mutex);
  g_cond_clear (&s.cond);
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
  static const char *const order[] = { "container", "json", "structure", "proof", "issuer",
                                       "validity", "revocation", "recipient" };

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
  g_test_add_func ("/rosette/verify/url-policy", test_url_policy);
  g_test_add_func ("/rosette/verify/p256-decompress", test_p256_decompress);
  g_test_add_func ("/rosette/verify/report-json", test_report_json);
  g_test_add_func ("/rosette/verify/empty-input", test_empty_input);
  g_test_add_func ("/rosette/verify/async", test_async);

  return g_test_run ();
}
