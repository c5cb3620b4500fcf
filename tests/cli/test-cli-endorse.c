/* test-cli-endorse.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rosette-cli endorse` as a user runs it, against a private keyring: the
 * mistakes a user makes (no issuer yet, a bad id, a comment too long), an
 * endorsement that `rosette-cli verify` and the independent npm verifier
 * (tests/interop/di-interop.mjs) accept and refuse once its comment is
 * changed, an issuer without an Ed25519 key, and a locked keyring.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rosette-core.h"
#include "rosette-test-cli.h"
#include "../interop/interop-utils.h"

#define ENDORSED "https://guild.example/achievements/first-aid-instructor"
#define COMMENT "Their course meets our safety standard."

static JsonObject *
read_object (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  node = parse_json (text);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* A copy of @path at @copy with the comment's "meets" changed. */
static void
write_tampered (const char *path,
                const char *copy)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *word;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  word = strstr (text, "meets our");
  g_assert_nonnull (word);
  memcpy (word, "fails our", 9);
  g_assert_true (g_file_set_contents (copy, text, -1, &error));
  g_assert_no_error (error);
}

/* The check named @name in a `--json verify` report. */
static JsonObject *
find_check (JsonNode   *report,
            const char *name)
{
  JsonArray *checks = json_object_get_array_member (json_node_get_object (report), "checks");

  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (g_strcmp0 (json_object_get_string_member (check, "check"), name) == 0)
        return check;
    }
  g_error ("the report has no “%s” check", name);
}

static const char *
check_state (JsonNode   *report,
             const char *name)
{
  return json_object_get_string_member (find_check (report, name), "state");
}

static void
test_usage (void)
{
  g_autofree char *long_comment = g_strnfill (ROSETTE_ENDORSEMENT_MAX_COMMENT + 1, 'a');
  g_autofree char *exact_comment = g_strnfill (ROSETTE_ENDORSEMENT_MAX_COMMENT, 'a');
  g_auto(CliRun) run = { 0, };

  /* Nothing is asked of the issuer or the keyring before the options
   * are right, so these hold with no issuer at all. */
  run_cli (&run, "endorse", "--comment", COMMENT);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "--achievement"));

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "--comment"));

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", "first aid", "--comment", COMMENT);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "“first aid” is not an achievement id"));

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", "ftp://guild.example/a", "--comment", COMMENT);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "not an achievement id"));

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", "urn:", "--comment", COMMENT);
  assert_error (&run, 2);

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", "  ");
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "--comment is empty"));

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", long_comment);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "5001 characters"));
  g_assert_nonnull (strstr (run.err, "at most 5000"));

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", COMMENT,
           "--valid-until", "31.12.2027");
  assert_error (&run, 2);

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", COMMENT, "stray");
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "“stray”"));

  /* Right options, but no issuer yet: the message says how to make one. */
  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", exact_comment);
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "issuer create"));
}

static void
test_setup (void)
{
  g_auto(CliRun) run = { 0, };

  if (!need_keyring ())
    return;
  run_cli (&run, "issuer", "create", "--name", "Acme Ltd", "--url", "https://acme.example/");
  g_assert_cmpint (run.status, ==, 0);

  /* Every run gets --registry, and `verify` wants the registry it is
   * given to exist; an endorsement itself is never recorded in it. */
  cli_run_clear (&run);
  run_cli (&run, "registry", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (registry_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_sign_and_verify (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonNode) printed = NULL;
  g_autoptr(JsonObject) credential = NULL;
  g_autofree char *path = g_build_filename (root, "endorsement.json", NULL);
  g_autofree char *tampered = g_build_filename (root, "tampered.json", NULL);
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) tampered_report = NULL;
  JsonObject *summary;
  JsonObject *subject;
  JsonArray *types;

  if (!need_keyring ())
    return;

  run_cli (&run, "--json", "endorse", "--achievement", ENDORSED,
           "--name", "First Aid Instructor", "--comment", COMMENT,
           "--valid-until", "2030-12-31", "-o", "endorsement.json");
  assert_success (&run);
  printed = parse_json (run.out);
  summary = json_node_get_object (printed);
  g_assert_cmpstr (json_object_get_string_member (summary, "file"), ==, path);

  credential = read_object (path);
  g_assert_cmpstr (json_object_get_string_member (summary, "id"), ==,
                   json_object_get_string_member (credential, "id"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (credential, "id"), "urn:uuid:"));
  types = json_object_get_array_member (credential, "type");
  g_assert_cmpstr (json_array_get_string_element (types, 1), ==, "EndorsementCredential");
  g_assert_cmpstr (json_object_get_string_member (credential, "name"), ==,
                   "Endorsement of First Aid Instructor");
  g_assert_cmpstr (json_object_get_string_member (credential, "validUntil"), ==,
                   "2030-12-31T23:59:59Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (credential,
                                                                                 "issuer"),
                                                  "name"), ==, "Acme Ltd");
  subject = json_object_get_object_member (credential, "credentialSubject");
  g_assert_cmpstr (json_object_get_string_member (subject, "id"), ==, ENDORSED);
  g_assert_cmpstr (json_object_get_string_member (subject, "endorsementComment"), ==, COMMENT);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (credential,
                                                                                 "proof"),
                                                  "cryptosuite"), ==, "eddsa-rdfc-2022");

  /* `verify` knows an EndorsementCredential: well formed, signed by the
   * issuer, current; the issuer made it for no one, so the recipient
   * check has nothing to say. Tampering makes the proof fail. */
  cli_run_clear (&run);
  run_cli (&run, "--json", "verify", "endorsement.json");
  report = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (report), "format"), ==,
                   "ob3-data-integrity");
  g_assert_cmpstr (check_state (report, "structure"), ==, "passed");
  g_assert_cmpstr (check_state (report, "proof"), ==, "passed");
  g_assert_cmpstr (check_state (report, "issuer"), ==, "passed");
  g_assert_cmpstr (check_state (report, "validity"), ==, "passed");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (report), "verdict"), ==,
                   "valid");
  g_assert_cmpint (run.status, ==, 0);

  write_tampered (path, tampered);
  cli_run_clear (&run);
  run_cli (&run, "--json", "verify", "tampered.json");
  g_assert_cmpint (run.status, ==, 1);
  tampered_report = parse_json (run.out);
  g_assert_cmpstr (check_state (tampered_report, "proof"), ==, "failed");
}

/* Without -o the credential itself is the output, for a pipe. */
static void
test_stdout (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *credential;

  if (!need_keyring ())
    return;

  run_cli (&run, "endorse", "--achievement", "urn:example:guild:first-aid",
           "--comment", COMMENT);
  assert_success (&run);
  node = parse_json (run.out);
  credential = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (credential, "name"), ==, "Endorsement");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (credential,
                                                                                 "credentialSubject"),
                                                  "id"), ==, "urn:example:guild:first-aid");
  g_assert_true (json_object_has_member (credential, "proof"));
  g_assert_false (json_object_has_member (credential, "validUntil"));
}

static void
test_independent_verifier (void)
{
  g_autofree char *interop_dir = g_build_filename (TESTS_SRCDIR, "interop", NULL);
  g_autofree char *marker = g_build_filename (interop_dir, "node_modules", "@digitalbazaar",
                                              "eddsa-rdfc-2022-cryptosuite", "package.json", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *good = g_build_filename (root, "endorsement.json", NULL);
  g_autofree char *bad = g_build_filename (root, "tampered.json", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) accepted = NULL;
  g_autoptr(JsonNode) refused = NULL;

  if (!need_keyring ())
    return;
  if (node == NULL || !g_file_test (marker, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("node or tests/interop/node_modules is missing (run npm ci in tests/interop)");
      return;
    }

  g_assert_cmpint (interop_run (interop_dir, &out, "node", "di-interop.mjs", "verify", good,
                                NULL), ==, 0);
  accepted = parse_json (out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (accepted), "verified"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (interop_run (interop_dir, &out, "node", "di-interop.mjs", "verify", bad,
                                NULL), ==, 0);
  refused = parse_json (out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (refused), "verified"));
}

/* The id of the issuer's active Ed25519 key, from `--json keys list`. */
static char *
find_ed25519_key (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *keys;

  run_cli (&run, "--json", "keys", "list");
  assert_success (&run);
  node = parse_json (run.out);
  keys = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonObject *key = json_array_get_object_element (keys, i);

      if (g_str_equal (json_object_get_string_member (key, "algorithm"), "ed25519") &&
          g_str_equal (json_object_get_string_member (key, "status"), "active"))
        return g_strdup (json_object_get_string_member (key, "id"));
    }
  return NULL;
}

static void
test_no_ed25519_key (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *key_id = NULL;

  if (!need_keyring ())
    return;

  key_id = find_ed25519_key ();
  g_assert_nonnull (key_id);
  run_cli (&run, "keys", "retire", key_id);
  g_assert_cmpint (run.status, ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", COMMENT, "-o", "none.json");
  assert_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "no active Ed25519 key"));
  g_assert_nonnull (strstr (run.err, "rosette-cli keys generate --type ed25519"));
  g_assert_false (g_file_test ("none.json", G_FILE_TEST_EXISTS));

  /* What the message says to do works. */
  cli_run_clear (&run);
  run_cli (&run, "keys", "generate", "--type", "ed25519");
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", COMMENT, "-o", "new.json");
  assert_success (&run);
}

/* Locks the login collection of the test's gnome-keyring-daemon, as the
 * screen lock or `Lock` in Passwords and Keys would. */
static void
lock_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *objects[] = { "/org/freedesktop/secrets/collection/login", NULL };

  bus = g_dbus_connection_new_for_address_sync (bus_address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "Lock",
                                       g_variant_new ("(^ao)", objects), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* Last: the keyring stays locked. */
static void
test_keyring_locked (void)
{
  g_auto(CliRun) run = { 0, };

  if (!need_keyring ())
    return;

  lock_keyring ();
  run_cli (&run, "endorse", "--achievement", ENDORSED, "--comment", COMMENT, "-o", "locked.json");
  assert_error (&run, 3);
  g_assert_nonnull (strstr (run.err, "keyring is locked"));
  g_assert_false (g_file_test ("locked.json", G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_cli_setup ("rosette-cli-endorse-XXXXXX");

  g_test_add_func ("/rosette/cli/endorse/usage", test_usage);
  g_test_add_func ("/rosette/cli/endorse/setup", test_setup);
  g_test_add_func ("/rosette/cli/endorse/sign-and-verify", test_sign_and_verify);
  g_test_add_func ("/rosette/cli/endorse/stdout", test_stdout);
  g_test_add_func ("/rosette/cli/endorse/independent-verifier", test_independent_verifier);
  g_test_add_func ("/rosette/cli/endorse/no-ed25519-key", test_no_ed25519_key);
  g_test_add_func ("/rosette/cli/endorse/keyring-locked", test_keyring_locked);

  status = g_test_run ();
  test_cli_teardown ();
  return status;
}
