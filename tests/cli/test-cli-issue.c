/* test-cli-issue.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rosette-cli issue` as a script meets it: the built binary runs through
 * GSubprocess against a private gnome-keyring-daemon and a temporary data
 * folder. The written files are read back with the core's extractor, and
 * the credential is checked the way a verifier would: the recipient's
 * hashed address, the name only when asked for, the dates. The cases run
 * in order: the first ones create the family and the issuer.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "rosette-core.h"
#include "rosette-test-keyring.h"

#define EMAIL "Ana.Lima@Example.com"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static char *root;
static char *data_dir;
static char *family_path;
static const char *bus_address;
static char *keyring_skip;
static TestSession *session;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("ROSETTE_CLI");

  return path != NULL ? path : ROSETTE_CLI_PATH;
}

static gboolean
need_keyring (void)
{
  if (keyring_skip == NULL)
    return TRUE;

  g_test_skip (keyring_skip);
  return FALSE;
}

static void
run_cliv (CliRun             *run,
          const char         *address,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (root, "xdg-data", NULL);

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, root);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_subprocess_launcher_setenv (launcher, "ROSETTE_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process))
    g_error ("rosette-cli crashed (signal %d); stderr: %s",
             g_subprocess_get_term_sig (process), run->err);

  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d; stdout: %s; stderr: %s", run->status, run->out, run->err);
}

#define run_cli(run, ...) \
  G_STMT_START { \
    const char * const _args[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), bus_address, _args); \
  } G_STMT_END

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* Exit 2 (or @code), one line on stderr that starts "rosette-cli:". */
static void
assert_one_line_error (CliRun *run,
                       int     code)
{
  g_assert_cmpint (run->status, ==, code);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "rosette-cli: "));
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_cmpstr (run->out, ==, "");
}

static char *
path_in_root (const char *name)
{
  return g_build_filename (root, name, NULL);
}

/* The baked (or bare) JWS in @name, decoded to its payload object. */
static JsonObject *
read_payload (const char          *name,
              RosetteBadgeVersion  expected_version)
{
  g_autofree char *path = path_in_root (name);
  g_autofree char *contents = NULL;
  g_autofree char *jws = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  RosetteBadgeVersion version;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (g_str_has_suffix (name, ".jwt"))
    {
      jws = g_strstrip (g_strndup (g_bytes_get_data (bytes, NULL), length));
    }
  else
    {
      baked = rosette_baked_extract (bytes, &version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (version, ==, expected_version);
      jws = g_strndup (g_bytes_get_data (baked, NULL), g_bytes_get_size (baked));
    }

  /* Data Integrity (the default) bakes the credential JSON with its
   * embedded proof; VC-JWT and OB 2.0 bake a compact JWS. */
  if (jws[0] == '{')
    {
      json_parser_load_from_data (parser, jws, -1, &error);
      g_assert_no_error (error);
      return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }

  g_assert_true (rosette_jws_decode (jws, &header, &payload, &error));
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                              g_bytes_get_size (payload), &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The file never holds the address; the subject's identity hash is the
 * salted SHA-256 of the normalised address. */
static void
assert_recipient (JsonObject *credential)
{
  JsonObject *subject = json_object_get_object_member (credential, "credentialSubject");
  JsonArray *identifiers = json_object_get_array_member (subject, "identifier");
  JsonObject *identity = json_array_get_object_element (identifiers, 0);
  g_autofree char *expected = NULL;
  g_autofree char *normal = rosette_email_normalize (EMAIL);

  g_assert_cmpstr (json_object_get_string_member (identity, "identityType"), ==, "emailAddress");
  g_assert_true (json_object_get_boolean_member (identity, "hashed"));
  expected = rosette_identity_hash (normal, json_object_get_string_member (identity, "salt"));
  g_assert_cmpstr (json_object_get_string_member (identity, "identityHash"), ==, expected);
}

/* The recipient's name, when it is in the badge: an IdentityObject of
 * type "name", not hashed. */
static const char *
find_name (JsonObject *credential)
{
  JsonObject *subject = json_object_get_object_member (credential, "credentialSubject");
  JsonArray *identifiers = json_object_get_array_member (subject, "identifier");

  g_assert_false (json_object_has_member (subject, "name"));
  for (guint i = 0; i < json_array_get_length (identifiers); i++)
    {
      JsonObject *identity = json_array_get_object_element (identifiers, i);

      if (g_strcmp0 (json_object_get_string_member (identity, "identityType"), "name") == 0)
        return json_object_get_string_member (identity, "identityHash");
    }

  return NULL;
}

static void
assert_file_has_no_email (const char *name)
{
  g_autofree char *path = path_in_root (name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "ana.lima@example.com"));
  g_assert_null (g_strstr_len (contents, length, EMAIL));
}

static void
test_help (void)
{
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "issue", "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--recipient"));
  g_assert_nonnull (strstr (run.out, "--valid-until"));
  g_assert_nonnull (strstr (run.out, "--proof"));
}

static void
test_setup (void)
{
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "family", "new", "--kind", "compliance", "--name", "Data Privacy",
           "-o", family_path);
  g_assert_cmpint (run.status, ==, 0);

  if (!need_keyring ())
    return;

  /* No issuer yet: one line that says what to do, and no file. */
  cli_run_clear (&run);
  run_cli (&run, "issue", "--family", family_path, "--tier", "Expert", "--recipient", EMAIL,
           "-o", "none.png");
  assert_one_line_error (&run, 2);
  g_assert_false (g_file_test ("none.png", G_FILE_TEST_EXISTS));

  cli_run_clear (&run);
  run_cli (&run, "issuer", "create", "--name", "Acme Ltd", "--url", "https://acme.example/");
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_png (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonObject) credential = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *path = path_in_root ("ana.png");
  JsonObject *subject;

  if (!need_keyring ())
    return;

  run_cli (&run, "issue", "--family", family_path, "--tier", "Expert", "--recipient", EMAIL,
           "--name", "Ana Lima", "--valid-until", "2031-03-31", "-o", "ana.png");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* The file written, then the credential id. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, path);
  g_assert_true (g_str_has_prefix (lines[1], "urn:uuid:"));

  /* The default proof: the credential with its Data Integrity proof. */
  credential = read_payload ("ana.png", ROSETTE_BADGE_VERSION_OB3);
  g_assert_cmpstr (json_object_get_string_member (credential, "id"), ==, lines[1]);
  g_assert_cmpstr (json_object_get_string_member (credential, "validUntil"), ==,
                   "2031-03-31T23:59:59Z");
  g_assert_true (json_object_has_member (credential, "proof"));
  assert_recipient (credential);
  subject = json_object_get_object_member (credential, "credentialSubject");
  /* The name is given but not opted in: it stays out. */
  g_assert_null (find_name (credential));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (subject, "achievement"),
                                                  "name"), ==, "Data Privacy — Expert");
  assert_file_has_no_email ("ana.png");

  /* VC-JWT: the JWT claims mirror the credential. */
  cli_run_clear (&run);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&credential, json_object_unref);
  run_cli (&run, "issue", "--family", family_path, "--tier", "Expert", "--recipient", EMAIL,
           "--valid-until", "2031-03-31", "--proof", "vc-jwt", "-o", "ana-jwt.png");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  credential = read_payload ("ana-jwt.png", ROSETTE_BADGE_VERSION_OB3);
  g_assert_cmpstr (json_object_get_string_member (credential, "jti"), ==, lines[1]);
  g_assert_true (json_object_has_member (credential, "exp"));
  assert_recipient (credential);
}

static void
test_include_name_svg (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonObject) credential = NULL;

  if (!need_keyring ())
    return;

  run_cli (&run, "issue", "--family", family_path, "--tier", "1", "--recipient", EMAIL,
           "--name", "Ana Lima", "--include-name", "--valid-from", "2026-01-15", "-o", "ana.svg");
  g_assert_cmpint (run.status, ==, 0);

  credential = read_payload ("ana.svg", ROSETTE_BADGE_VERSION_OB3);
  g_assert_cmpstr (find_name (credential), ==, "Ana Lima");
  g_assert_cmpstr (json_object_get_string_member (credential, "validFrom"), ==, "2026-01-15T00:00:00Z");
  g_assert_false (json_object_has_member (credential, "validUntil"));
  assert_recipient (credential);
  assert_file_has_no_email ("ana.svg");
}

static void
test_jwt_and_json (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonObject) credential = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = path_in_root ("ana.json");
  JsonObject *object;

  if (!need_keyring ())
    return;

  run_cli (&run, "issue", "--family", family_path, "--tier", "Practitioner", "--recipient", EMAIL,
           "--evidence", "https://lms.example/ana", "--narrative", "Passed with distinction",
           "--proof", "vc-jwt", "-o", "ana.jwt");
  g_assert_cmpint (run.status, ==, 0);
  credential = read_payload ("ana.jwt", ROSETTE_BADGE_VERSION_OB3);
  assert_recipient (credential);
  g_assert_true (json_object_has_member (credential, "evidence"));

  /* JSON with the default proof: Data Integrity, embedded in the file,
   * so no warning. */
  cli_run_clear (&run);
  run_cli (&run, "--json", "issue", "--family", family_path, "--tier", "Practitioner",
           "--recipient", EMAIL, "-o", "ana.json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, json_path);
  g_assert_cmpstr (json_object_get_string_member (object, "proof"), ==, "data-integrity");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "id"), "urn:uuid:"));

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  assert_recipient (object);
  assert_file_has_no_email ("ana.json");
  {
    g_autoptr(RosetteDataIntegrityResult) verified = NULL;
    JsonObject *proof = json_object_get_object_member (object, "proof");

    g_assert_nonnull (proof);
    g_assert_cmpstr (json_object_get_string_member (proof, "cryptosuite"), ==,
                     "eddsa-rdfc-2022");
    verified = rosette_data_integrity_verify (object, &error);
    g_assert_no_error (error);
    g_assert_true (rosette_data_integrity_result_get_verified (verified));
  }

  /* VC-JWT to .json: readable, and a warning (stderr, exit 0) that the
   * file has no proof of its own. */
  cli_run_clear (&run);
  run_cli (&run, "issue", "--family", family_path, "--tier", "Practitioner",
           "--recipient", EMAIL, "--proof", "vc-jwt", "-o", "ana-jwt.json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, "rosette-cli: warning: "));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
}

static void
test_format_default (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *path = path_in_root ("ana.badge");
  g_autofree char *contents = NULL;
  gsize length;

  if (!need_keyring ())
    return;

  /* An unknown extension gives a PNG. */
  run_cli (&run, "--quiet", "issue", "--family", family_path, "--tier", "1", "--recipient", EMAIL,
           "-o", "ana.badge");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);
}

static void
test_ob2 (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonObject) assertion = NULL;

  if (!need_keyring ())
    return;

  /* No RSA key yet: say which key to make. */
  run_cli (&run, "issue", "--family", family_path, "--tier", "1", "--recipient", EMAIL,
           "--proof", "ob2", "-o", "ob2.png");
  assert_one_line_error (&run, 2);
  g_assert_nonnull (strstr (run.err, "rsa2048"));

  cli_run_clear (&run);
  run_cli (&run, "keys", "generate", "--type", "rsa2048");
  g_assert_cmpint (run.status, ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "issue", "--family", family_path, "--tier", "1", "--recipient", EMAIL,
           "--proof", "ob2", "-o", "ob2.png");
  g_assert_cmpint (run.status, ==, 0);
  /* The publish notice goes to stderr as a warning; the badge is written. */
  g_assert_true (g_str_has_prefix (run.err, "rosette-cli: warning: "));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assertion = read_payload ("ob2.png", ROSETTE_BADGE_VERSION_OB2);
  g_assert_true (json_object_has_member (assertion, "recipient"));
  g_assert_true (json_object_has_member (assertion, "verification"));
}

static void
test_errors (void)
{
  static const struct {
    const char *option;
    const char *value;
    const char *fragment;
  } cases[] = {
    { "--recipient", "not-an-email", "not-an-email" },
    { "--tier", "Gold", "Gold" },
    { "--valid-until", "2020-01-01", "expiry" },
    { "--valid-from", "31/12/2026", "31/12/2026" },
    { "--evidence", "ftp://files.example/x", "ftp" },
    { "--proof", "paper", "paper" },
    { "--format", "gif", "gif" },
  };

  if (!need_keyring ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0, };
      const char *tier = g_str_equal (cases[i].option, "--tier") ? cases[i].value : "1";
      const char *email = g_str_equal (cases[i].option, "--recipient") ? cases[i].value : EMAIL;
      gboolean extra = !g_str_equal (cases[i].option, "--tier") &&
                       !g_str_equal (cases[i].option, "--recipient");

      run_cli (&run, "issue", "--family", family_path, "--tier", tier, "--recipient", email,
               "--valid-from", "2026-06-01", "-o", "bad.png",
               extra ? cases[i].option : NULL, cases[i].value);
      assert_one_line_error (&run, 2);
      g_assert_nonnull (strstr (run.err, cases[i].fragment));
      g_assert_false (g_file_test ("bad.png", G_FILE_TEST_EXISTS));
    }

  /* Missing options, and a family whose criteria were emptied. */
  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "issue", "--family", family_path, "-o", "bad.png");
    assert_one_line_error (&run, 2);

    cli_run_clear (&run);
    run_cli (&run, "family", "set", family_path, "criteria", "");
    g_assert_cmpint (run.status, ==, 0);
    cli_run_clear (&run);
    run_cli (&run, "issue", "--family", family_path, "--tier", "1", "--recipient", EMAIL,
             "-o", "bad.png");
    assert_one_line_error (&run, 2);
    g_assert_nonnull (strstr (run.err, "criteria"));

    /* A tier's own criteria are enough for that tier. */
    cli_run_clear (&run);
    run_cli (&run, "family", "set", family_path, "tier.Expert.criteria", "Passed the audit.");
    g_assert_cmpint (run.status, ==, 0);
    cli_run_clear (&run);
    run_cli (&run, "issue", "--family", family_path, "--tier", "Expert", "--recipient", EMAIL,
             "-o", "expert.jwt");
    g_assert_cmpint (run.status, ==, 0);
    {
      g_autoptr(JsonObject) credential = read_payload ("expert.jwt", ROSETTE_BADGE_VERSION_OB3);
      JsonObject *subject = json_object_get_object_member (credential, "credentialSubject");
      JsonObject *achievement = json_object_get_object_member (subject, "achievement");

      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (achievement,
                                                                                     "criteria"),
                                                      "narrative"), ==, "Passed the audit.");
    }
  }
}

/* The signed status list @url names, as published into @publish_dir:
 * its decoded bits. */
static GBytes *
read_status_bits (const char *publish_dir,
                  const char *url)
{
  g_autofree char *base = g_path_get_basename (url);
  g_autofree char *path = g_build_filename (publish_dir, "status", base, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bits;
  JsonObject *subject;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_strstrip (text);
  if (text[0] == '{')
    payload = g_bytes_new (text, strlen (text));
  else
    g_assert_true (rosette_jws_decode (text, NULL, &payload, &error));
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                              g_bytes_get_size (payload), &error);
  g_assert_no_error (error);
  subject = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "credentialSubject");
  bits = rosette_status_list_decode (json_object_get_string_member (subject, "encodedList"),
                                     &error);
  g_assert_no_error (error);
  return bits;
}

/* One badge at a time lands in the registry like a bulk one: listed,
 * revocable, and the bit the revocation sets is the one in the file. */
static void
test_registry (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *registry_path = path_in_root ("single.db");
  g_autofree char *publish_dir = path_in_root ("publish");
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  JsonObject *status;
  guint64 first_index;
  guint64 second_index;

  if (!need_keyring ())
    return;

  /* The same badge to the same person twice, on purpose: two records. */
  run_cli (&run, "--registry", registry_path, "issue", "--family", family_path, "--tier",
           "Expert", "--recipient", EMAIL, "--name", "Ana Lima", "-o", "single-1.png");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  first_id = g_strdup (lines[1]);
  cli_run_clear (&run);
  g_clear_pointer (&lines, g_strfreev);
  run_cli (&run, "--registry", registry_path, "issue", "--family", family_path, "--tier",
           "Expert", "--recipient", EMAIL, "-o", "single-2.png");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  second_id = g_strdup (lines[1]);
  g_assert_cmpstr (first_id, !=, second_id);

  /* The files carry the registry's ids and their own status entries. */
  first = read_payload ("single-1.png", ROSETTE_BADGE_VERSION_OB3);
  second = read_payload ("single-2.png", ROSETTE_BADGE_VERSION_OB3);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, first_id);
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, second_id);
  g_assert_true (json_object_has_member (first, "proof"));
  status = json_object_get_object_member (first, "credentialStatus");
  g_assert_nonnull (status);
  g_assert_cmpstr (json_object_get_string_member (status, "statusPurpose"), ==, "revocation");
  first_index = g_ascii_strtoull (json_object_get_string_member (status, "statusListIndex"),
                                  NULL, 10);
  second_index = g_ascii_strtoull (json_object_get_string_member (
                                     json_object_get_object_member (second, "credentialStatus"),
                                     "statusListIndex"), NULL, 10);
  g_assert_cmpuint (first_index, !=, second_index);

  cli_run_clear (&run);
  run_cli (&run, "--registry", registry_path, "registry", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  g_assert_nonnull (strstr (run.out, first_id));
  g_assert_nonnull (strstr (run.out, second_id));

  cli_run_clear (&run);
  run_cli (&run, "--registry", registry_path, "revoke", first_id, "--reason", "typo in the name",
           "--publish-dir", publish_dir);
  g_assert_cmpint (run.status, ==, 0);

  /* The published list has the first file's bit set, not the second's. */
  bits = read_status_bits (publish_dir, json_object_get_string_member (status,
                                                                       "statusListCredential"));
  g_assert_true (rosette_status_list_get_bit (bits, first_index));
  g_assert_false (rosette_status_list_get_bit (bits, second_index));

  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  record = rosette_registry_lookup (registry, first_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_status (record), ==, ROSETTE_CREDENTIAL_STATUS_REVOKED);
  g_assert_cmpuint (rosette_issued_record_get_status_index (record), ==, first_index);
  g_assert_true (g_str_has_suffix (rosette_issued_record_get_files (record)[0], "/single-1.png"));
}

static void
test_no_keyring (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *dead = g_strconcat ("unix:path=", root, "/no-bus-here", NULL);
  const char * const args[] = { "issue", "--family", family_path, "--tier", "Expert",
                                "--recipient", EMAIL, "-o", "dead.png", NULL };

  if (!need_keyring ())
    return;

  /* The issuer exists (its profile is on disk) but no keyring answers. */
  run_cliv (&run, dead, args);
  assert_one_line_error (&run, 3);
  g_assert_false (g_file_test ("dead.png", G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  root = g_dir_make_tmp ("rosette-cli-issue-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_no_errno (chdir (root));
  data_dir = g_build_filename (root, "data", NULL);
  family_path = g_build_filename (root, "privacy.rosette", NULL);

  session_dir = g_build_filename (root, "session", NULL);
  session = test_session_start (session_dir, TRUE, &error);
  if (session == NULL)
    keyring_skip = g_strdup_printf ("no private keyring: %s", error->message);
  bus_address = session != NULL ? session->address : "unix:path=/nonexistent";

  g_test_add_func ("/rosette/cli/issue/help", test_help);
  g_test_add_func ("/rosette/cli/issue/setup", test_setup);
  g_test_add_func ("/rosette/cli/issue/png", test_png);
  g_test_add_func ("/rosette/cli/issue/include-name-svg", test_include_name_svg);
  g_test_add_func ("/rosette/cli/issue/jwt-and-json", test_jwt_and_json);
  g_test_add_func ("/rosette/cli/issue/format-default", test_format_default);
  g_test_add_func ("/rosette/cli/issue/ob2", test_ob2);
  g_test_add_func ("/rosette/cli/issue/errors", test_errors);
  g_test_add_func ("/rosette/cli/issue/registry", test_registry);
  g_test_add_func ("/rosette/cli/issue/no-keyring", test_no_keyring);

  status = g_test_run ();

  test_session_free (session);
  test_rm_rf (root);
  g_free (keyring_skip);
  g_free (family_path);
  g_free (data_dir);
  g_free (root);

  return status;
}
