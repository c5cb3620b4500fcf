/* test-credential-interop.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Credentials made by Rosette, checked by code that shares none with it:
 *
 *   - jose verifies every VC-JWT (ES256, RS256, EdDSA) and OB 2.0 signed
 *     assertion, and rejects every copy with one payload byte changed;
 *   - ajv validates the OB 3.0 credentials against the 1EdTech JSON Schema
 *     (tests/data/ob/schemas/achievementcredential.json);
 *   - png-chunks-extract + png-chunk-itxt read the baked iTXt chunk back
 *     from a rendered badge, fast-png checks its pixels are untouched, and
 *     pngcheck checks the whole file.
 *
 * Keys are generated in-process: no keyring is needed. When
 * tests/interop/node_modules lacks a package, `npm ci` runs first (the
 * lock file pins every version).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-core.h"
#include "interop-utils.h"
#include "../core/rosette-test-issuing.h"

static char *work_dir;
static char *interop_srcdir;

static const char * const node_packages[] = {
  "jose", "ajv", "ajv-formats", "fast-png", "png-chunks-extract", "png-chunk-itxt",
};

static char *
write_json (const char *name,
            JsonNode   *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return interop_write_file (work_dir, name, text, -1);
}

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

  g_test_message ("node_modules is incomplete: running npm ci in %s", interop_srcdir);
  status = interop_run (NULL, NULL, "npm", "ci", "--prefix", interop_srcdir, "--no-audit", "--no-fund", NULL);
  if (status != 0)
    g_error ("`npm ci --prefix %s` failed (status %d): the interop tests need the npm registry "
             "once to install tests/interop/package-lock.json", interop_srcdir, status);
}

/* A credential with every optional part, as the app would issue it. */
static RosetteCredential *
full_credential (TestIssuing *t)
{
  RosetteCredential *credential = test_issuing_credential (t, "Ana.Lima@Example.com");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = g_date_time_add_years (now, 2);

  rosette_credential_set_valid_until (credential, until);
  rosette_credential_set_evidence (credential, "https://acme.example/work/42", "Led the **privacy audit**.");
  rosette_credential_set_status (credential, "https://acme.example/status/1.json", 42);
  rosette_recipient_set_include_name (rosette_credential_get_recipient (credential), TRUE);
  rosette_achievement_set_alignment (t->achievement, "Data protection", "https://esco.example/skill/42",
                                     "ESCO", "S1.2.3");

  return credential;
}

static void
add_case (JsonBuilder       *builder,
          const char        *name,
          const char        *format,
          TestIssuing       *t,
          RosetteCredential *credential,
          const char        *jws)
{
  g_autofree char *kid = rosette_issuer_dup_key_uri (t->issuer, t->record, NULL);
  g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (t->key, kid);
  JsonNode *jwk_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *iss = rosette_issuer_dup_identifier_for_key (t->issuer, t->record, NULL);

  json_node_set_object (jwk_node, jwk);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "alg");
  json_builder_add_string_value (builder, rosette_key_algorithm_get_jws_name (rosette_key_get_algorithm (t->key)));
  json_builder_set_member_name (builder, "jwk");
  json_builder_add_value (builder, jwk_node);
  json_builder_set_member_name (builder, "jws");
  json_builder_add_string_value (builder, jws);
  json_builder_set_member_name (builder, "iss");
  json_builder_add_string_value (builder, iss);
  json_builder_set_member_name (builder, "sub");
  json_builder_add_string_value (builder, rosette_credential_get_subject_id (credential));
  json_builder_set_member_name (builder, "jti");
  json_builder_add_string_value (builder, rosette_credential_get_id (credential));
  json_builder_end_object (builder);
}

/* The JWT payload (credential + claims) as JSON, for the schema check. */
static char *
write_payload (const char *name,
               const char *jws)
{
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rosette_jws_decode (jws, NULL, &payload, &error));
  g_assert_no_error (error);

  return interop_write_file (work_dir, name, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
}

static void
test_jose_and_schema (void)
{
  static const struct
  {
    const char          *name;
    RosetteKeyAlgorithm  algorithm;
    const char          *identifier;
  } vc_cases[] = {
    { "vc-jwt-did-key-es256", ROSETTE_KEY_ALGORITHM_P256, NULL },
    { "vc-jwt-did-key-eddsa", ROSETTE_KEY_ALGORITHM_ED25519, NULL },
    { "vc-jwt-did-web-rs256", ROSETTE_KEY_ALGORITHM_RSA2048, "did:web:acme.example" },
    { "vc-jwt-url-es256", ROSETTE_KEY_ALGORITHM_P256, "https://acme.example/issuer.json" },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) credential_paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cases_path = NULL;
  g_autofree char *verify = g_build_filename (interop_srcdir, "verify-credentials.mjs", NULL);
  g_autofree char *validate = g_build_filename (interop_srcdir, "validate-schema.mjs", NULL);
  g_autofree char *schema = g_build_filename (TESTS_SRCDIR, "data", "ob", "schemas", "achievementcredential.json", NULL);
  g_autofree char *output = NULL;
  g_autofree char *schema_output = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  ensure_node_modules ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (vc_cases); i++)
    {
      g_autoptr(TestIssuing) t = test_issuing_new (vc_cases[i].algorithm, vc_cases[i].identifier,
                                                   "https://acme.example");
      g_autoptr(RosetteCredential) credential = full_credential (t);
      g_autoptr(GError) error = NULL;
      g_autofree char *jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL, &error);
      g_autoptr(JsonNode) unsigned_vc = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
      g_autofree char *json_name = g_strconcat (vc_cases[i].name, ".json", NULL);
      g_autofree char *payload_name = g_strconcat (vc_cases[i].name, "-payload.json", NULL);

      g_assert_no_error (error);
      add_case (builder, vc_cases[i].name, "vc-jwt", t, credential, jws);
      g_ptr_array_add (credential_paths, write_json (json_name, unsigned_vc));
      g_ptr_array_add (credential_paths, write_payload (payload_name, jws));
    }
  {
    g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, "https://acme.example");
    g_autoptr(RosetteCredential) credential = full_credential (t);
    g_autoptr(GError) error = NULL;
    g_autofree char *jws = rosette_credential_sign_ob2 (credential, t->issuer, t->record, t->key, NULL, &error);

    g_assert_no_error (error);
    add_case (builder, "ob2-signed-rs256", "ob2", t, credential, jws);
  }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  cases_path = write_json ("cases.json", root);

  status = interop_run (interop_srcdir, &output, "node", verify, cases_path, NULL);
  g_test_message ("jose says:\n%s", output != NULL ? output : "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (output, "ok vc-jwt-did-key-es256 ES256"));
  g_assert_nonnull (strstr (output, "ok vc-jwt-did-key-eddsa EdDSA"));
  g_assert_nonnull (strstr (output, "ok vc-jwt-did-web-rs256 RS256"));
  g_assert_nonnull (strstr (output, "ok ob2-signed-rs256 RS256"));
  g_assert_null (strstr (output, "FAIL"));

  g_ptr_array_add (argv, (gpointer) "node");
  g_ptr_array_add (argv, validate);
  g_ptr_array_add (argv, schema);
  for (guint i = 0; i < credential_paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (credential_paths, i));
  g_ptr_array_add (argv, NULL);
  {
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *errors = NULL;

    process = g_subprocess_newv ((const char * const *) argv->pdata,
                                 G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (process, NULL, NULL, &schema_output, &errors, &error);
    g_assert_no_error (error);
    g_test_message ("ajv says:\n%s", schema_output);
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    g_assert_nonnull (strstr (schema_output, "without credentialSubject is rejected"));
  }
}

static void
check_baked_png (TestIssuing         *t,
                 GBytes              *png,
                 RosetteBadgeVersion  version,
                 const char          *jws,
                 const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = g_bytes_new (jws, strlen (jws));
  g_autoptr(GBytes) baked = rosette_png_bake (png, version, payload, &error);
  g_autofree char *baked_name = g_strconcat (name, ".png", NULL);
  g_autofree char *baked_path = NULL;
  g_autofree char *unbaked_path = interop_write_file (work_dir, "unbaked.png", g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autofree char *expected_path = interop_write_file (work_dir, "expected.txt", jws, -1);
  g_autofree char *script = g_build_filename (interop_srcdir, "read-png.mjs", NULL);
  g_autofree char *output = NULL;
  g_autofree char *pngcheck = g_find_program_in_path ("pngcheck");
  const char *keyword = version == ROSETTE_BADGE_VERSION_OB2 ? "openbadges" : "openbadgecredential";
  int status;

  g_assert_no_error (error);
  baked_path = interop_write_file (work_dir, baked_name, g_bytes_get_data (baked, NULL), g_bytes_get_size (baked));

  status = interop_run (interop_srcdir, &output, "node", script, baked_path, unbaked_path, keyword,
                       expected_path, NULL);
  g_test_message ("png-chunks-extract, png-chunk-itxt and fast-png say:\n%s", output != NULL ? output : "");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (output, "ok "));

  if (pngcheck != NULL)
    {
      g_autofree char *report = NULL;
      g_autofree char *expected = g_strdup_printf ("keyword: %s", keyword);

      status = interop_run (NULL, &report, pngcheck, "-v", baked_path, NULL);
      g_test_message ("pngcheck says:\n%s", report != NULL ? report : "");
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (report, "chunk iTXt"));
      g_assert_nonnull (strstr (report, expected));
      g_assert_nonnull (strstr (report, "No errors detected"));
    }
  else
    g_test_message ("pngcheck is not installed: the file check is left to the npm readers");
}

static void
test_png_readers (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, "https://acme.example");
  g_autoptr(TestIssuing) rsa = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = full_credential (t);
  g_autoptr(RosetteCredential) ob2 = full_credential (rsa);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = rosette_design_render_png (t->family, rosette_family_get_tier (t->family, 1), 512, &error);
  g_autofree char *jws = NULL;
  g_autofree char *ob2_jws = NULL;

  g_assert_no_error (error);
  ensure_node_modules ();

  jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL, &error);
  g_assert_no_error (error);
  check_baked_png (t, png, ROSETTE_BADGE_VERSION_OB3, jws, "badge-ob3");

  ob2_jws = rosette_credential_sign_ob2 (ob2, rsa->issuer, rsa->record, rsa->key, NULL, &error);
  g_assert_no_error (error);
  check_baked_png (rsa, png, ROSETTE_BADGE_VERSION_OB2, ob2_jws, "badge-ob2");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  interop_srcdir = g_build_filename (TESTS_SRCDIR, "interop", NULL);
  work_dir = g_dir_make_tmp ("rosette-test-credential-interop-XXXXXX", NULL);

  g_test_add_func ("/rosette/interop/credential/jose-and-schema", test_jose_and_schema);
  g_test_add_func ("/rosette/interop/credential/png-readers", test_png_readers);

  status = g_test_run ();

  if (g_getenv ("ROSETTE_TEST_KEEP") == NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (work_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (work_dir);
    }
  else
    g_printerr ("kept %s\n", work_dir);
  g_free (work_dir);
  g_free (interop_srcdir);

  return status;
}
