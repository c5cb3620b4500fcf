/* test-verify-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The static verification page of a hosted badge, checked by headless
 * Chromium: the page is served by the loopback WebDAV nginx of
 * build-aux/test (ROSETTE_TEST_WEBDAV_URL / _ROOT; a file:// URL without
 * it), Chromium runs its WebCrypto check and dumps the DOM, and the test
 * reads the verdict the page shows. Valid VC-JWTs (ES256, EdDSA, RS256)
 * say "valid", as the app does; a tampered payload, a payload signed by
 * another key under the issuer's key id, a key the issuer never
 * published, and an expired badge do not.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"

static char *chromium;
static char *work_dir;

/* The verdict the page shows once its script ran, and the reason. */
static char *
verdict_of (const char  *name,
            GBytes      *page,
            char       **reason)
{
  const char *www = g_getenv ("ROSETTE_TEST_WEBDAV_ROOT");
  const char *base = g_getenv ("ROSETTE_TEST_WEBDAV_URL");
  g_autofree char *dir = www != NULL ? g_build_filename (www, "verify-page-test", NULL)
                                     : g_strdup (work_dir);
  g_autofree char *file = g_strconcat (name, ".html", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *url = NULL;
  g_autofree char *profile = g_build_filename (work_dir, "profile", NULL);
  g_autofree char *user_dir = g_strdup_printf ("--user-data-dir=%s", profile);
  g_autofree char *dom = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int status = 0;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (page, NULL),
                                      g_bytes_get_size (page), NULL));
  url = www != NULL && base != NULL ? g_strconcat (base, "verify-page-test/", file, NULL)
                                    : g_filename_to_uri (path, NULL, NULL);
  {
    const char *argv[] = {
      chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--virtual-time-budget=10000", user_dir, "--dump-dom", url, NULL,
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &dom, &err,
                  &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Chromium failed on %s: %s", url, err);

  regex = g_regex_new ("id=\"verdict\"[^>]*data-verdict=\"([a-z]+)\"[^>]*>[^<]*"
                       "<span id=\"reason\">([^<]*)</span>", 0, 0, NULL);
  if (!g_regex_match (regex, dom, 0, &match))
    g_error ("no verdict in the page %s:\n%s", url, dom);
  if (reason != NULL)
    *reason = g_match_info_fetch (match, 2);
  return g_match_info_fetch (match, 1);
}

static gboolean
need_chromium (void)
{
  if (chromium != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("ROSETTE_SKIP_BROWSER"), "1") == 0)
    g_test_skip ("ROSETTE_SKIP_BROWSER=1: no browser check");
  else
    g_test_fail_printf ("chromium is not installed: install it (build-aux/test does) or set "
                        "ROSETTE_SKIP_BROWSER=1 to skip the browser tests");
  return FALSE;
}

static GBytes *
page_for (TestIssuing *t,
          const char  *jws)
{
  g_autoptr(GBytes) credential = g_bytes_new (jws, strlen (jws));
  g_autoptr(GError) error = NULL;
  GBytes *page = rosette_verify_page_build (t->issuer, credential, &error);

  g_assert_no_error (error);
  return page;
}

static char *
sign (TestIssuing *t,
      GDateTime   *valid_until)
{
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@acme.example");
  g_autoptr(GError) error = NULL;
  char *jws;

  if (valid_until != NULL)
    rosette_credential_set_valid_until (credential, valid_until);
  jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL, &error);
  g_assert_no_error (error);
  return jws;
}

/* @jws with the issuer's name "Acme Ltd" in its payload replaced by
 * "Evil Ltd", the signature kept. */
static char *
tamper (const char *jws)
{
  g_auto(GStrv) parts = g_strsplit (jws, ".", 3);
  g_autofree char *padded = g_strdup (parts[1]);
  g_autofree guchar *json = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GString) text = NULL;
  gsize length;

  g_strdelimit (padded, "-", '+');
  g_strdelimit (padded, "_", '/');
  text = g_string_new (padded);
  while (text->len % 4 != 0)
    g_string_append_c (text, '=');
  json = g_base64_decode (text->str, &length);
  g_string_assign (text, "");
  g_string_append_len (text, (const char *) json, length);
  g_assert_cmpuint (g_string_replace (text, "Acme Ltd", "Evil Ltd", 0), >, 0);
  encoded = g_base64_encode ((const guchar *) text->str, text->len);
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');
  return g_strjoin (".", parts[0], encoded, parts[2], NULL);
}

static void
assert_verdict (const char *name,
                GBytes     *page,
                const char *expected,
                const char *reason_part)
{
  g_autofree char *reason = NULL;
  g_autofree char *verdict = verdict_of (name, page, &reason);

  g_test_message ("%s: %s (%s)", name, verdict, reason);
  g_assert_cmpstr (verdict, ==, expected);
  if (reason_part != NULL && strstr (reason, reason_part) == NULL)
    g_error ("%s: “%s” not in the reason “%s”", name, reason_part, reason);
}

static void
test_valid (gconstpointer data)
{
  RosetteKeyAlgorithm algorithm = GPOINTER_TO_INT (data);
  g_autoptr(TestIssuing) t = NULL;
  g_autofree char *jws = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) app_payload = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_chromium ())
    return;
  t = test_issuing_new (algorithm, "did:web:acme.example", "https://acme.example/");
  jws = sign (t, NULL);
  /* The app's verdict on the same credential. */
  g_assert_true (rosette_jws_verify (jws, t->key, &app_payload, &error));
  g_assert_no_error (error);

  page = page_for (t, jws);
  name = g_strdup_printf ("valid-%d", algorithm);
  assert_verdict (name, page, "valid", NULL);
}

static void
test_tampered (void)
{
  g_autoptr(TestIssuing) t = NULL;
  g_autofree char *jws = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) page = NULL;

  if (!need_chromium ())
    return;
  t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, "did:web:acme.example",
                        "https://acme.example/");
  jws = sign (t, NULL);
  changed = tamper (jws);
  /* The app says no too. */
  g_assert_false (rosette_jws_verify (changed, t->key, NULL, NULL));
  page = page_for (t, changed);
  assert_verdict ("tampered", page, "invalid", "signature does not match");
}

static void
test_wrong_key (void)
{
  g_autoptr(TestIssuing) t = NULL;
  g_autoptr(TestIssuing) other = NULL;
  g_autoptr(RosetteCredential) credential = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_autoptr(GBytes) forged_page = NULL;
  g_autoptr(GBytes) foreign_page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *foreign = NULL;

  if (!need_chromium ())
    return;
  t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, "did:web:acme.example",
                        "https://acme.example/");
  other = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, "did:web:acme.example",
                            "https://acme.example/");

  /* Signed by another key under the issuer's key id. */
  credential = test_issuing_credential (t, "ana@acme.example");
  claims = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  kid = rosette_issuer_dup_key_uri (t->issuer, t->record, &error);
  g_assert_no_error (error);
  forged = rosette_jws_sign_json (other->key, kid, FALSE, claims, &error);
  g_assert_no_error (error);
  g_assert_false (rosette_jws_verify (forged, t->key, NULL, NULL));
  forged_page = page_for (t, forged);
  assert_verdict ("forged", forged_page, "invalid", "signature does not match");

  /* Signed by a key the issuer never published. */
  foreign = sign (other, NULL);
  foreign_page = page_for (t, foreign);
  assert_verdict ("foreign", foreign_page, "invalid", "not signed with a key the issuer published");
}

static void
test_expired (void)
{
  g_autoptr(TestIssuing) t = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -2);
  g_autofree char *jws = NULL;
  g_autoptr(GBytes) page = NULL;

  if (!need_chromium ())
    return;
  t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, "did:web:acme.example",
                        "https://acme.example/");
  {
    g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@acme.example");
    g_autoptr(GDateTime) from = g_date_time_add_days (now, -30);
    g_autoptr(GError) error = NULL;

    rosette_credential_set_valid_from (credential, from);
    rosette_credential_set_valid_until (credential, past);
    jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL,
                                          &error);
    g_assert_no_error (error);
  }
  page = page_for (t, jws);
  assert_verdict ("expired", page, "expired", "expired on");
}

/* An eddsa-rdfc-2022 credential by the issuer's published Ed25519 key,
 * as JSON text; @achievement_name replaces the name after signing when
 * not %NULL (a tampered copy). */
static char *
sign_di (TestIssuing *t,
         RosetteKey  *key,
         const char  *achievement_name)
{
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@acme.example");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) signed_credential = NULL;
  g_autoptr(JsonNode) out = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *method = rosette_issuer_dup_key_uri (t->issuer, t->record, &error);

  g_assert_no_error (error);
  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  signed_credential = rosette_data_integrity_sign (json_node_get_object (node), key, method, NULL,
                                                   &error);
  g_assert_no_error (error);
  if (achievement_name != NULL)
    {
      JsonObject *subject = json_object_get_object_member (signed_credential, "credentialSubject");

      json_object_set_string_member (json_object_get_object_member (subject, "achievement"),
                                     "name", achievement_name);
    }
  json_node_set_object (out, signed_credential);
  return json_to_string (out, FALSE);
}

static GBytes *
page_for_json (TestIssuing *t,
               const char  *json)
{
  return page_for (t, json);
}

static void
test_data_integrity (void)
{
  g_autoptr(TestIssuing) t = NULL;
  g_autoptr(TestIssuing) other = NULL;
  g_autofree char *good = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(GBytes) good_page = NULL;
  g_autoptr(GBytes) changed_page = NULL;
  g_autoptr(GBytes) forged_page = NULL;

  if (!need_chromium ())
    return;
  t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, "did:web:acme.example",
                        "https://acme.example/");
  other = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, "did:web:acme.example",
                            "https://acme.example/");

  good = sign_di (t, t->key, NULL);
  good_page = page_for_json (t, good);
  assert_verdict ("di-valid", good_page, "valid", NULL);

  changed = sign_di (t, t->key, "Data Privacy — Grand Master");
  changed_page = page_for_json (t, changed);
  assert_verdict ("di-tampered", changed_page, "invalid", "signature does not match");

  /* The page edited on the host: the credential shown no longer says
   * what the signed N-Quads say. */
  {
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (good_page, NULL),
                                                g_bytes_get_size (good_page));
    g_autoptr(GBytes) edited = NULL;

    g_assert_cmpuint (g_string_replace (text, "\"name\":\"Data Privacy — Practitioner\"",
                                        "\"name\":\"Data Privacy — Grand Master\"", 0), >=, 1);
    edited = g_bytes_new (text->str, text->len);
    assert_verdict ("di-page-edited", edited, "invalid", "signature does not match");
  }

  /* Another key under the issuer's key id. */
  forged = sign_di (t, other->key, NULL);
  forged_page = page_for_json (t, forged);
  assert_verdict ("di-forged", forged_page, "invalid", "signature does not match");
}

/* A credential whose text holds "</script>" cannot break out of the page. */
static void
test_script_safe (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, "did:web:acme.example",
                                               "https://acme.example/");
  const char *hostile = "{\"name\": \"</script><script>alert(1)\"}";
  g_autoptr(GBytes) credential = g_bytes_new_static (hostile, strlen (hostile));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = rosette_verify_page_build (t->issuer, credential, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  g_assert_null (strstr (text, "</script><script>alert"));
  g_assert_nonnull (strstr (text, "\\u003c/script>"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  chromium = g_find_program_in_path ("chromium");
  if (chromium == NULL)
    chromium = g_find_program_in_path ("chromium-browser");
  work_dir = g_dir_make_tmp ("rosette-verify-page-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/rosette/browser/verify-page/valid-es256",
                        GINT_TO_POINTER (ROSETTE_KEY_ALGORITHM_P256), test_valid);
  g_test_add_data_func ("/rosette/browser/verify-page/valid-eddsa",
                        GINT_TO_POINTER (ROSETTE_KEY_ALGORITHM_ED25519), test_valid);
  g_test_add_data_func ("/rosette/browser/verify-page/valid-rs256",
                        GINT_TO_POINTER (ROSETTE_KEY_ALGORITHM_RSA2048), test_valid);
  g_test_add_func ("/rosette/browser/verify-page/tampered", test_tampered);
  g_test_add_func ("/rosette/browser/verify-page/wrong-key", test_wrong_key);
  g_test_add_func ("/rosette/browser/verify-page/expired", test_expired);
  g_test_add_func ("/rosette/browser/verify-page/data-integrity", test_data_integrity);
  g_test_add_func ("/rosette/browser/verify-page/script-safe", test_script_safe);

  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", work_dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", work_dir);
  }
  g_free (work_dir);
  g_free (chromium);
  return status;
}
