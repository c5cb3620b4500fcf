/* test-cli-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rosette-cli issuer …` and `rosette-cli keys …` as a script meets them:
 * the built binary runs through GSubprocess against private
 * gnome-keyring-daemons. main() starts two "machines" (a D-Bus session
 * bus with its own keyring, and a data folder each), so a backup made on
 * the first is restored on the second; a third address points at a socket
 * nobody listens on, for "no keyring". The cases run in order and build
 * on each other: create, list, generate, export, back up, restore, rotate.
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "rosette-test-keyring.h"

#define ROSETTE_TEST_CLI_BASE
#include "rosette-test-cli.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  const char *address;   /* DBUS_SESSION_BUS_ADDRESS */
  char       *data_dir;  /* ROSETTE_DATA_DIR */
} Machine;

static char *root;
static const char *keyring_skip;
static TestSession *primary_session;
static TestSession *second_session;
static Machine primary;
static Machine second;
static Machine dead;

static gboolean
need_keyring (void)
{
  if (keyring_skip == NULL)
    return TRUE;

  g_test_skip (keyring_skip);
  return FALSE;
}

/* Runs rosette-cli on @machine. stdin is a closed pipe, never a terminal. */
static void
run_cliv (CliRun             *run,
          const Machine      *machine,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GPtrArray) argv = cli_argv_new (NULL, args);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (root, "xdg-data", NULL);

  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", machine->address, TRUE);
  g_subprocess_launcher_setenv (launcher, "ROSETTE_DATA_DIR", machine->data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  cli_run_finish (run, process);
}

#define run_cli(run, machine, ...) \
  G_STMT_START { \
    const char * const _args[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), (machine), _args); \
  } G_STMT_END

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* `keys list --json` on @machine, as an array. */
static JsonArray *
list_keys (const Machine *machine)
{
  g_auto(CliRun) run = { 0 };
  g_autoptr(JsonNode) node = NULL;

  run_cli (&run, machine, "--json", "keys", "list");
  assert_success (&run);
  node = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_ref (json_node_get_array (node));
}

/* The id of the first key of @algorithm with @status. */
static char *
find_key_id (const Machine *machine,
             const char    *algorithm,
             const char    *status)
{
  g_autoptr(JsonArray) keys = list_keys (machine);

  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonObject *key = json_array_get_object_element (keys, i);

      if (g_str_equal (json_object_get_string_member (key, "algorithm"), algorithm) &&
          g_str_equal (json_object_get_string_member (key, "status"), status))
        return g_strdup (json_object_get_string_member (key, "id"));
    }

  return NULL;
}

static char *
write_root_file (const char *name,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (root, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_help (void)
{
  static const char * const commands[][2] = {
    { "issuer", "create" }, { "issuer", "show" }, { "issuer", "list" }, { "issuer", "set" },
    { "issuer", "use" }, { "keys", "generate" }, { "keys", "list" },
    { "keys", "export-public" }, { "keys", "backup" }, { "keys", "restore" },
    { "keys", "retire" }, { "keys", "revoke" },
  };
  g_auto(CliRun) top = { 0 };
  g_auto(CliRun) group = { 0 };

  run_cli (&top, &dead, "--help");
  assert_success (&top);
  g_assert_nonnull (strstr (top.out, "issuer"));
  g_assert_nonnull (strstr (top.out, "keys"));

  run_cli (&group, &dead, "keys", "--help");
  assert_success (&group);
  g_assert_nonnull (strstr (group.out, "export-public"));
  g_assert_nonnull (strstr (group.out, "revoke"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliRun) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("rosette-cli %s %s", commands[i][0],
                                                commands[i][1]);

      run_cli (&run, &dead, commands[i][0], commands[i][1], "--help");
      assert_success (&run);
      g_assert_nonnull (strstr (run.out, usage));
    }
}

static void
test_no_issuer_yet (void)
{
  g_auto(CliRun) list = { 0 };
  g_auto(CliRun) show = { 0 };

  run_cli (&list, &primary, "keys", "list");
  assert_error (&list, 2);
  g_assert_nonnull (strstr (list.err, "issuer create"));

  run_cli (&show, &primary, "issuer", "show");
  assert_error (&show, 2);
}

static void
test_issuer_create (void)
{
  g_auto(CliRun) create = { 0 };
  g_auto(CliRun) show = { 0 };
  g_auto(CliRun) list = { 0 };
  g_auto(CliRun) missing = { 0 };
  g_auto(CliRun) bad_url = { 0 };
  g_autoptr(JsonObject) issuer = NULL;

  if (!need_keyring ())
    return;

  run_cli (&missing, &primary, "issuer", "create", "--name", "Example Corp");
  assert_error (&missing, 2);

  run_cli (&bad_url, &primary, "issuer", "create", "--name", "Example Corp",
           "--url", "ftp://example.org");
  assert_error (&bad_url, 2);

  run_cli (&create, &primary, "issuer", "create", "--name", "Example Corp",
           "--url", "https://example.org", "--email", "badges@example.org",
           "--description", "We make examples");
  assert_success (&create);
  g_assert_nonnull (strstr (create.out, "did:key:z6Mk"));
  /* The plain-words explanation of what did:key means. */
  g_assert_nonnull (strstr (create.out, "did:web"));
  g_assert_nonnull (strstr (create.out, "changes your identifier"));

  run_cli (&show, &primary, "--json", "issuer", "show");
  assert_success (&show);
  issuer = parse_object (show.out);
  g_assert_cmpstr (json_object_get_string_member (issuer, "name"), ==, "Example Corp");
  g_assert_cmpstr (json_object_get_string_member (issuer, "url"), ==, "https://example.org");
  g_assert_cmpstr (json_object_get_string_member (issuer, "email"), ==, "badges@example.org");
  g_assert_cmpstr (json_object_get_string_member (issuer, "identifier_mode"), ==, "did:key");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (issuer, "issuer_id"),
                                   "did:key:z6Mk"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (issuer, "keys")), ==, 2);

  run_cli (&list, &primary, "issuer", "list");
  assert_success (&list);
  g_assert_cmpuint (count_lines (list.out), ==, 1);
  g_assert_true (g_str_has_prefix (list.out, "* "));
  g_assert_nonnull (strstr (list.out, json_object_get_string_member (issuer, "id")));
}

static void
test_issuer_set (void)
{
  g_auto(CliRun) bad = { 0 };
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) good = { 0 };
  g_auto(CliRun) show = { 0 };
  g_autoptr(JsonObject) issuer = NULL;

  if (!need_keyring ())
    return;

  run_cli (&bad, &primary, "issuer", "set", "url", "not a url");
  assert_error (&bad, 2);

  run_cli (&unknown, &primary, "issuer", "set", "colour", "blue");
  assert_error (&unknown, 2);
  g_assert_nonnull (strstr (unknown.err, "colour"));

  run_cli (&good, &primary, "issuer", "set", "description", "Examples since 2026");
  assert_success (&good);

  run_cli (&show, &primary, "--json", "issuer", "show");
  assert_success (&show);
  issuer = parse_object (show.out);
  g_assert_cmpstr (json_object_get_string_member (issuer, "description"), ==,
                   "Examples since 2026");
  g_assert_cmpstr (json_object_get_string_member (issuer, "url"), ==, "https://example.org");
}

static void
test_keys_list_generate (void)
{
  g_autoptr(JsonArray) keys = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_auto(CliRun) table = { 0 };
  g_auto(CliRun) generate = { 0 };
  g_auto(CliRun) bad_type = { 0 };
  g_autofree char *line = NULL;

  if (!need_keyring ())
    return;

  keys = list_keys (&primary);
  g_assert_cmpuint (json_array_get_length (keys), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (keys, 0),
                                                  "algorithm"), ==, "ed25519");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (keys, 1),
                                                  "algorithm"), ==, "p256");
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *key = json_array_get_object_element (keys, i);

      g_assert_cmpstr (json_object_get_string_member (key, "status"), ==, "active");
      g_assert_cmpuint (strlen (json_object_get_string_member (key, "id")), ==, 16);
      /* 32 bytes of SHA-256 as colon-separated pairs. */
      g_assert_cmpuint (strlen (json_object_get_string_member (key, "fingerprint")), ==, 95);
    }

  run_cli (&table, &primary, "keys", "list");
  assert_success (&table);
  g_assert_cmpuint (count_lines (table.out), ==, 3);
  g_assert_true (g_str_has_prefix (table.out, "ID"));
  g_assert_nonnull (strstr (table.out, "FINGERPRINT"));
  line = g_strdup_printf ("%s  ed25519", json_object_get_string_member (
                            json_array_get_object_element (keys, 0), "id"));
  g_assert_nonnull (strstr (table.out, line));

  run_cli (&bad_type, &primary, "keys", "generate", "--type", "dsa");
  assert_error (&bad_type, 2);

  run_cli (&generate, &primary, "keys", "generate", "--type", "rsa2048");
  assert_success (&generate);
  g_assert_cmpuint (strlen (generate.out), ==, 17);

  after = list_keys (&primary);
  g_assert_cmpuint (json_array_get_length (after), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (after, 2),
                                                  "algorithm"), ==, "rsa2048");
  g_assert_true (g_str_has_prefix (generate.out,
                                   json_object_get_string_member (
                                     json_array_get_object_element (after, 2), "id")));
}

static void
assert_jwk (const char *type,
            const char *kty,
            const char *crv)
{
  g_auto(CliRun) run = { 0 };
  g_autoptr(JsonObject) jwk = NULL;

  run_cli (&run, &primary, "keys", "export-public", "--type", type, "--format", "jwk");
  assert_success (&run);
  jwk = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (jwk, "kty"), ==, kty);
  g_assert_false (json_object_has_member (jwk, "d"));
  if (crv != NULL)
    g_assert_cmpstr (json_object_get_string_member (jwk, "crv"), ==, crv);
  if (g_str_equal (kty, "EC"))
    {
      /* Coordinates padded to 32 bytes: 43 base64url characters. */
      g_assert_cmpuint (strlen (json_object_get_string_member (jwk, "x")), ==, 43);
      g_assert_cmpuint (strlen (json_object_get_string_member (jwk, "y")), ==, 43);
    }
  if (g_str_equal (kty, "RSA"))
    g_assert_cmpstr (json_object_get_string_member (jwk, "e"), ==, "AQAB");
}

static void
test_export_public (void)
{
  static const char * const types[] = { "ed25519", "p256", "rsa2048" };
  g_auto(CliRun) did = { 0 };
  g_auto(CliRun) did_p256 = { 0 };
  g_auto(CliRun) did_json = { 0 };
  g_auto(CliRun) multikey = { 0 };
  g_auto(CliRun) ob2 = { 0 };
  g_auto(CliRun) no_format = { 0 };
  g_auto(CliRun) bad_format = { 0 };
  g_auto(CliRun) both = { 0 };
  g_auto(CliRun) by_id = { 0 };
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(JsonObject) key_object = NULL;
  g_autofree char *ed_id = NULL;

  if (!need_keyring ())
    return;

  assert_jwk ("ed25519", "OKP", "Ed25519");
  assert_jwk ("p256", "EC", "P-256");
  assert_jwk ("rsa2048", "RSA", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_auto(CliRun) pem = { 0 };

      run_cli (&pem, &primary, "keys", "export-public", "--type", types[i], "--format", "pem");
      assert_success (&pem);
      g_assert_true (g_str_has_prefix (pem.out, "-----BEGIN PUBLIC KEY-----\n"));
      g_assert_nonnull (strstr (pem.out, "-----END PUBLIC KEY-----"));
      g_assert_null (strstr (pem.out, "PRIVATE"));
    }

  run_cli (&did, &primary, "keys", "export-public", "--format", "did");
  assert_success (&did);
  g_assert_true (g_str_has_prefix (did.out, "did:key:z6Mk"));
  g_assert_cmpuint (count_lines (did.out), ==, 1);

  run_cli (&did_p256, &primary, "keys", "export-public", "--type", "p256", "--format", "did");
  assert_success (&did_p256);
  g_assert_true (g_str_has_prefix (did_p256.out, "did:key:zDn"));

  run_cli (&did_json, &primary, "keys", "export-public", "--format", "did-json");
  assert_success (&did_json);
  document = parse_object (did_json.out);
  g_assert_true (json_object_has_member (document, "verificationMethod"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document,
                                                                         "verificationMethod")),
                    >=, 1);

  run_cli (&multikey, &primary, "keys", "export-public", "--format", "multikey");
  assert_success (&multikey);
  g_assert_nonnull (strstr (multikey.out, "z6Mk"));

  run_cli (&ob2, &primary, "keys", "export-public", "--type", "rsa2048", "--format", "ob2");
  assert_success (&ob2);
  key_object = parse_object (ob2.out);
  g_assert_cmpstr (json_object_get_string_member (key_object, "type"), ==, "CryptographicKey");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (key_object, "publicKeyPem"),
                                   "-----BEGIN PUBLIC KEY-----"));

  ed_id = find_key_id (&primary, "ed25519", "active");
  run_cli (&by_id, &primary, "keys", "export-public", "--key", ed_id, "--format", "did");
  assert_success (&by_id);
  g_assert_cmpstr (by_id.out, ==, did.out);

  run_cli (&no_format, &primary, "keys", "export-public");
  assert_error (&no_format, 2);
  run_cli (&bad_format, &primary, "keys", "export-public", "--format", "pgp");
  assert_error (&bad_format, 2);
  run_cli (&both, &primary, "keys", "export-public", "--key", ed_id, "--type", "p256",
           "--format", "jwk");
  assert_error (&both, 2);
}

static void
test_backup_restore (void)
{
  g_autofree char *bundle = g_build_filename (root, "issuer.rosette-keys", NULL);
  g_autofree char *right = write_root_file ("right-passphrase", PASSPHRASE "\n");
  g_autofree char *wrong = write_root_file ("wrong-passphrase", "not the passphrase\n");
  g_autofree char *contents = NULL;
  g_auto(CliRun) backup = { 0 };
  g_auto(CliRun) no_passphrase = { 0 };
  g_auto(CliRun) bad = { 0 };
  g_auto(CliRun) empty_list = { 0 };
  g_auto(CliRun) good = { 0 };
  g_auto(CliRun) jwk1 = { 0 };
  g_auto(CliRun) jwk2 = { 0 };
  g_autoptr(JsonArray) keys1 = NULL;
  g_autoptr(JsonArray) keys2 = NULL;

  if (!need_keyring ())
    return;

  /* stdin is not a terminal: no prompt, a clear error. */
  run_cli (&no_passphrase, &primary, "keys", "backup", "-o", bundle);
  assert_error (&no_passphrase, 2);
  g_assert_nonnull (strstr (no_passphrase.err, "no passphrase: use --passphrase-file"));
  g_assert_false (g_file_test (bundle, G_FILE_TEST_EXISTS));

  run_cli (&backup, &primary, "keys", "backup", "-o", bundle, "--passphrase-file", right);
  assert_success (&backup);
  g_assert_true (g_file_get_contents (bundle, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "BEGIN PRIVATE KEY"));

  /* The second machine: a wrong passphrase changes nothing. */
  run_cli (&bad, &second, "keys", "restore", bundle, "--passphrase-file", wrong);
  assert_error (&bad, 2);
  g_assert_nonnull (strstr (bad.err, "nothing"));
  run_cli (&empty_list, &second, "issuer", "list");
  assert_success (&empty_list);
  g_assert_cmpstr (empty_list.out, ==, "");

  run_cli (&good, &second, "keys", "restore", bundle, "--passphrase-file", right);
  assert_success (&good);
  g_assert_nonnull (strstr (good.out, "Example Corp"));

  keys1 = list_keys (&primary);
  keys2 = list_keys (&second);
  g_assert_cmpuint (json_array_get_length (keys2), ==, json_array_get_length (keys1));
  for (guint i = 0; i < json_array_get_length (keys1); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (keys1, i), "id"),
                     ==,
                     json_object_get_string_member (json_array_get_object_element (keys2, i), "id"));

  run_cli (&jwk1, &primary, "keys", "export-public", "--type", "p256", "--format", "jwk");
  run_cli (&jwk2, &second, "keys", "export-public", "--type", "p256", "--format", "jwk");
  assert_success (&jwk2);
  g_assert_cmpstr (jwk1.out, ==, jwk2.out);
}

static void
test_rotate (void)
{
  g_autofree char *old_ed = NULL;
  g_autofree char *p256 = NULL;
  g_auto(CliRun) retire = { 0 };
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) generate = { 0 };
  g_auto(CliRun) revoke = { 0 };
  g_auto(CliRun) no_p256 = { 0 };
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) set_web = { 0 };
  g_auto(CliRun) did_json = { 0 };
  g_autoptr(JsonObject) document = NULL;
  JsonArray *methods;
  gboolean found_revoked = FALSE;
  gboolean found_retired = FALSE;

  if (!need_keyring ())
    return;

  old_ed = find_key_id (&primary, "ed25519", "active");
  p256 = find_key_id (&primary, "p256", "active");
  g_assert_nonnull (old_ed);
  g_assert_nonnull (p256);

  run_cli (&retire, &primary, "keys", "retire", old_ed);
  assert_success (&retire);
  g_assert_nonnull (strstr (retire.out, old_ed));
  g_assert_nonnull (strstr (retire.out, "retired"));
  g_assert_cmpstr (find_key_id (&primary, "ed25519", "retired"), ==, old_ed);

  /* An unknown key id is bad input. */
  run_cli (&again, &primary, "keys", "revoke", "0123456789abcdef");
  assert_error (&again, 2);

  run_cli (&generate, &primary, "keys", "generate");
  assert_success (&generate);

  run_cli (&revoke, &primary, "keys", "revoke", p256);
  assert_success (&revoke);
  g_assert_nonnull (strstr (revoke.out, "revoked"));
  g_assert_cmpstr (find_key_id (&primary, "p256", "revoked"), ==, p256);

  /* No active P-256 key is left to export by type. */
  run_cli (&no_p256, &primary, "keys", "export-public", "--type", "p256", "--format", "jwk");
  assert_error (&no_p256, 2);
  g_assert_nonnull (strstr (no_p256.err, "keys generate"));

  run_cli (&unknown, &primary, "keys", "retire");
  assert_error (&unknown, 2);

  /* The published did.json lists retired and revoked keys, marking the
   * revoked one. */
  run_cli (&set_web, &primary, "issuer", "set", "identifier", "did:web:example.org");
  assert_success (&set_web);
  run_cli (&did_json, &primary, "keys", "export-public", "--format", "did-json");
  assert_success (&did_json);
  document = parse_object (did_json.out);
  g_assert_cmpstr (json_object_get_string_member (document, "id"), ==, "did:web:example.org");
  methods = json_object_get_array_member (document, "verificationMethod");
  g_assert_cmpuint (json_array_get_length (methods), ==, 4);
  for (guint i = 0; i < json_array_get_length (methods); i++)
    {
      JsonObject *method = json_array_get_object_element (methods, i);
      const char *id = json_object_get_string_member (method, "id");

      if (g_str_has_suffix (id, p256))
        {
          g_assert_true (json_object_has_member (method, "revoked"));
          found_revoked = TRUE;
        }
      else
        {
          g_assert_false (json_object_has_member (method, "revoked"));
          found_retired |= g_str_has_suffix (id, old_ed);
        }
    }
  g_assert_true (found_revoked);
  g_assert_true (found_retired);
}

/* A bus address where nobody listens: no keyring at all. Exit 3, one
 * line that says what to do, and nothing saved. */
static void
test_no_keyring (void)
{
  g_auto(CliRun) create = { 0 };
  g_auto(CliRun) list = { 0 };

  run_cli (&create, &dead, "issuer", "create", "--name", "Nobody", "--url",
           "https://example.com");
  assert_error (&create, 3);
  g_assert_nonnull (strstr (create.err, "keyring"));

  run_cli (&list, &dead, "issuer", "list");
  assert_success (&list);
  g_assert_cmpstr (list.out, ==, "");
}

static void
test_no_keyring_generate (void)
{
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_auto(CliRun) generate = { 0 };
  Machine cut_off = { dead.address, primary.data_dir };

  if (!need_keyring ())
    return;

  before = list_keys (&primary);
  run_cli (&generate, &cut_off, "keys", "generate", "--type", "p256");
  assert_error (&generate, 3);
  after = list_keys (&primary);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir1 = NULL;
  g_autofree char *dir2 = NULL;
  g_autofree char *dead_address = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  root = g_dir_make_tmp ("rosette-cli-keys-XXXXXX", &error);
  g_assert_no_error (error);

  dir1 = g_build_filename (root, "session-1", NULL);
  dir2 = g_build_filename (root, "session-2", NULL);
  primary_session = test_session_start (dir1, TRUE, &error);
  if (primary_session != NULL)
    second_session = test_session_start (dir2, TRUE, &error);
  if (second_session == NULL)
    keyring_skip = g_strdup_printf ("no private keyring: %s", error->message);

  primary.address = primary_session != NULL ? primary_session->address : "unix:path=/nonexistent";
  primary.data_dir = g_build_filename (root, "data-1", NULL);
  second.address = second_session != NULL ? second_session->address : "unix:path=/nonexistent";
  second.data_dir = g_build_filename (root, "data-2", NULL);
  dead_address = g_strconcat ("unix:path=", root, "/no-bus-here", NULL);
  dead.address = dead_address;
  dead.data_dir = g_build_filename (root, "data-dead", NULL);

  g_test_add_func ("/rosette/cli/keys/help", test_help);
  g_test_add_func ("/rosette/cli/keys/no-issuer-yet", test_no_issuer_yet);
  g_test_add_func ("/rosette/cli/keys/issuer-create", test_issuer_create);
  g_test_add_func ("/rosette/cli/keys/issuer-set", test_issuer_set);
  g_test_add_func ("/rosette/cli/keys/list-generate", test_keys_list_generate);
  g_test_add_func ("/rosette/cli/keys/export-public", test_export_public);
  g_test_add_func ("/rosette/cli/keys/backup-restore", test_backup_restore);
  g_test_add_func ("/rosette/cli/keys/rotate", test_rotate);
  g_test_add_func ("/rosette/cli/keys/no-keyring", test_no_keyring);
  g_test_add_func ("/rosette/cli/keys/no-keyring-generate", test_no_keyring_generate);

  status = g_test_run ();

  test_session_free (second_session);
  test_session_free (primary_session);
  test_rm_rf (root);
  g_free (primary.data_dir);
  g_free (second.data_dir);
  g_free (dead.data_dir);
  g_free (root);

  return status;
}
