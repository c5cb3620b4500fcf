/* rosette-cli-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli keys generate|list|export-public|backup|restore|retire|revoke`:
 * the current issuer's signing keys. Private keys stay in the keyring; the
 * only way they leave it is a passphrase-encrypted backup bundle.
 * Passphrases are read from a file or from the terminal with echo off, and
 * wiped from memory once used.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "rosette-cli-private.h"

static int keys_generate      (RosetteCli  *cli,
                               int          argc,
                               char       **argv);
static int keys_list          (RosetteCli  *cli,
                               int          argc,
                               char       **argv);
static int keys_export_public (RosetteCli  *cli,
                               int          argc,
                               char       **argv);
static int keys_backup        (RosetteCli  *cli,
                               int          argc,
                               char       **argv);
static int keys_restore       (RosetteCli  *cli,
                               int          argc,
                               char       **argv);
static int keys_retire        (RosetteCli  *cli,
                               int          argc,
                               char       **argv);
static int keys_revoke        (RosetteCli  *cli,
                               int          argc,
                               char       **argv);

static const RosetteCliCommand keys_commands[] = {
  { "generate", N_("Make a new signing key in the keyring"), keys_generate },
  { "list", N_("List the keys: id, algorithm, created, status, fingerprint"), keys_list },
  { "export-public", N_("Print a public form of a key (JWK, PEM, DID, …)"), keys_export_public },
  { "backup", N_("Write the keys to a passphrase-encrypted file"), keys_backup },
  { "restore", N_("Put the keys of a backup file into the keyring"), keys_restore },
  { "retire", N_("Stop signing with a key; badges it signed still verify"), keys_retire },
  { "revoke", N_("Mark a compromised key as revoked"), keys_revoke },
  { NULL, NULL, NULL }
};

/* A passphrase: wiped before it is freed. */
typedef char RosettePassphrase;

static void
passphrase_free (RosettePassphrase *passphrase)
{
  if (passphrase == NULL)
    return;

  explicit_bzero (passphrase, strlen (passphrase));
  g_free (passphrase);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosettePassphrase, passphrase_free)

/* Strips one line ending, so `echo secret > file` works as people expect;
 * any other whitespace is part of the passphrase. */
static void
strip_line_ending (char *text)
{
  gsize length = strlen (text);

  if (length > 0 && text[length - 1] == '\n')
    text[--length] = '\0';
  if (length > 0 && text[length - 1] == '\r')
    text[--length] = '\0';
}

static RosettePassphrase *
read_passphrase_file (const char *path,
                      int        *exit_code)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                      _("Could not read the passphrase file: %s"),
                                      error->message);
      return NULL;
    }

  if (strlen (contents) != length || length > ROSETTE_KEY_MAX_PASSPHRASE_LENGTH + 2)
    {
      explicit_bzero (contents, length);
      g_free (contents);
      *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                      _("The passphrase file must hold one line of text of at "
                                        "most %d bytes"),
                                      ROSETTE_KEY_MAX_PASSPHRASE_LENGTH);
      return NULL;
    }

  strip_line_ending (contents);
  *exit_code = ROSETTE_CLI_EXIT_OK;

  return contents;
}

/* Asks on the terminal with echo off. The prompt goes to stderr so that
 * stdout stays clean for scripts. */
static RosettePassphrase *
ask_passphrase (const char *prompt)
{
  struct termios saved;
  struct termios quiet;
  char buffer[ROSETTE_KEY_MAX_PASSPHRASE_LENGTH + 2];
  gboolean got;
  char *result;

  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return NULL;

  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;

  g_printerr ("%s", prompt);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  got = fgets (buffer, sizeof buffer, stdin) != NULL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);

  if (!got)
    return NULL;

  strip_line_ending (buffer);
  result = g_strdup (buffer);
  explicit_bzero (buffer, sizeof buffer);

  return result;
}

/* The passphrase from --passphrase-file, or from the terminal (twice when
 * @confirm, for a new backup). NULL after printing why. */
static RosettePassphrase *
get_passphrase (const char *file,
                gboolean    confirm,
                int        *exit_code)
{
  g_autoptr(RosettePassphrase) first = NULL;
  g_autoptr(RosettePassphrase) second = NULL;

  if (file != NULL)
    return read_passphrase_file (file, exit_code);

  if (!isatty (STDIN_FILENO))
    {
      *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                      _("no passphrase: use --passphrase-file"));
      return NULL;
    }

  first = ask_passphrase (_("Passphrase: "));
  if (first != NULL && confirm)
    {
      second = ask_passphrase (_("Passphrase again: "));
      if (second == NULL || strcmp (first, second) != 0)
        {
          *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                          _("The passphrases differ; nothing was written"));
          return NULL;
        }
    }

  if (first == NULL)
    {
      *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("no passphrase was entered"));
      return NULL;
    }

  *exit_code = ROSETTE_CLI_EXIT_OK;

  return g_steal_pointer (&first);
}

static char *
format_created (RosetteKeyRecord *record)
{
  return g_date_time_format (rosette_key_record_get_created (record), "%Y-%m-%d");
}

/**
 * _rosette_cli_build_key_json:
 *
 * One key as a JSON object; `keys list --json` and `issuer show --json`
 * print the same shape.
 */
void
_rosette_cli_build_key_json (JsonBuilder      *builder,
                             RosetteKeyRecord *record)
{
  g_autofree char *created = NULL;
  GDateTime *changed = rosette_key_record_get_status_changed (record);

  created = g_date_time_format_iso8601 (rosette_key_record_get_created (record));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, rosette_key_record_get_id (record));
  json_builder_set_member_name (builder, "algorithm");
  json_builder_add_string_value (builder,
                                 rosette_key_algorithm_to_string (rosette_key_record_get_algorithm (record)));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 rosette_key_status_to_string (rosette_key_record_get_status (record)));
  if (changed != NULL && rosette_key_record_get_status (record) != ROSETTE_KEY_STATUS_ACTIVE)
    {
      g_autofree char *when = g_date_time_format_iso8601 (changed);

      json_builder_set_member_name (builder, "status_changed");
      json_builder_add_string_value (builder, when);
    }
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, rosette_key_record_get_fingerprint (record));
  json_builder_end_object (builder);
}

/* Parses the value of --type; prints the error itself. */
static gboolean
parse_algorithm (const char          *text,
                 RosetteKeyAlgorithm *algorithm,
                 int                 *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (rosette_key_algorithm_from_string (text, algorithm, &error))
    return TRUE;

  *exit_code = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  return FALSE;
}

/* Every command but restore begins the same way: no positional argument
 * beyond @n_args, then the current issuer. */
static RosetteIssuer *
begin_command (const char          *command,
               char               **rest,
               guint                n_args,
               const char          *missing,
               RosetteIssuerStore **out_store,
               int                 *exit_code)
{
  g_autoptr(RosetteIssuerStore) store = NULL;
  RosetteIssuer *issuer;
  guint n_rest = rest != NULL ? g_strv_length (rest) : 0;

  if (n_rest < n_args)
    {
      *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, "%s", missing);
      return NULL;
    }
  if (n_rest > n_args)
    {
      *exit_code = _rosette_cli_fail_unexpected (command, rest + n_args);
      return NULL;
    }

  store = _rosette_cli_issuer_store_new ();
  issuer = _rosette_cli_load_current_issuer (store, exit_code);
  if (issuer != NULL && out_store != NULL)
    *out_store = g_steal_pointer (&store);

  return issuer;
}

static int
keys_generate (RosetteCli  *cli,
               int          argc,
               char       **argv)
{
  g_autofree char *type = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  RosetteKeyAlgorithm algorithm = ROSETTE_KEY_ALGORITHM_ED25519;
  int status = ROSETTE_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      N_("ed25519 (the default; Data Integrity), p256 (VC-JWT ES256) or rsa2048 "
         "(VC-JWT RS256, Open Badges 2.0)"), N_("TYPE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("keys generate", NULL,
                                             _("Make a new signing key for the current issuer."),
                                             _("The new key is kept in the keyring and signs "
                                               "from now on; older keys of the same type stay "
                                               "active until you retire them. With did:key, a "
                                               "new Ed25519 key changes the issuer’s identifier."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "keys generate", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (type != NULL && !parse_algorithm (type, &algorithm, &status))
    return status;

  issuer = begin_command ("keys generate", rest, 0, NULL, &store, &status);
  if (issuer == NULL)
    return status;

  record = rosette_issuer_generate_key_sync (issuer, store, algorithm, NULL, &error);
  if (record == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _rosette_cli_build_key_json (builder, record);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      g_print ("%s\n", rosette_key_record_get_id (record));
    }

  return ROSETTE_CLI_EXIT_OK;
}

static void
print_key_table (RosetteIssuer *issuer)
{
  GListModel *keys = rosette_issuer_get_keys (issuer);

  /* Translators: column headings of `rosette-cli keys list`; keep them one word. */
  g_print ("%-16s  %-9s  %-10s  %-8s  %s\n",
           _("ID"), _("ALGORITHM"), _("CREATED"), _("STATUS"), _("FINGERPRINT"));

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      g_autofree char *created = format_created (record);

      g_print ("%-16s  %-9s  %-10s  %-8s  %s\n",
               rosette_key_record_get_id (record),
               rosette_key_algorithm_to_string (rosette_key_record_get_algorithm (record)),
               created,
               rosette_key_status_to_string (rosette_key_record_get_status (record)),
               rosette_key_record_get_fingerprint (record));
    }
}

static int
keys_list (RosetteCli  *cli,
           int          argc,
           char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("keys list", NULL,
                                             _("List the current issuer’s keys, oldest first."),
                                             _("Columns: id, algorithm, created, status (active, "
                                               "retired, revoked) and the SHA-256 fingerprint of "
                                               "the public key. With --json before the command, "
                                               "prints a JSON array."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "keys list", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  issuer = begin_command ("keys list", rest, 0, NULL, NULL, &status);
  if (issuer == NULL)
    return status;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      GListModel *keys = rosette_issuer_get_keys (issuer);

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
        {
          g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);

          _rosette_cli_build_key_json (builder, record);
        }
      json_builder_end_array (builder);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      print_key_table (issuer);
    }

  return ROSETTE_CLI_EXIT_OK;
}

/* The key --key names, or the newest active key of --type. */
static RosetteKeyRecord *
choose_key (RosetteIssuer *issuer,
            const char    *key_id,
            const char    *type,
            int           *exit_code)
{
  RosetteKeyAlgorithm algorithm = ROSETTE_KEY_ALGORITHM_ED25519;
  RosetteKeyRecord *record;

  if (key_id != NULL && type != NULL)
    {
      *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                      _("use either --key or --type, not both"));
      return NULL;
    }

  if (key_id != NULL)
    {
      record = rosette_issuer_find_key (issuer, key_id);
      if (record == NULL)
        *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                        _("The issuer has no key %s; see rosette-cli keys list"),
                                        key_id);
      return record;
    }

  if (type != NULL && !parse_algorithm (type, &algorithm, exit_code))
    return NULL;

  record = rosette_issuer_find_signing_key (issuer, algorithm);
  if (record == NULL)
    *exit_code = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                    _("The issuer has no active %s key; make one with "
                                      "rosette-cli keys generate --type %s"),
                                    rosette_key_algorithm_to_string (algorithm),
                                    rosette_key_algorithm_to_string (algorithm));

  return record;
}

static int
keys_export_public (RosetteCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autofree char *key_id = NULL;
  g_autofree char *type = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;
  RosetteKeyRecord *record;
  RosettePublicFormat format;
  int status = ROSETTE_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_STRING, &key_id,
      N_("The key, by its id from “keys list”"), N_("ID") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      N_("The newest active key of this type: ed25519 (default), p256 or rsa2048"),
      N_("TYPE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("jwk, pem, did, did-json, multikey or ob2"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "keys export-public", NULL,
    _("Print a public form of one of the current issuer’s keys."),
    _("Formats: jwk (a JSON Web Key), pem (SubjectPublicKeyInfo), did (the did:key, or "
      "the issuer’s did:web or URL), did-json (the DID document to publish; retired and "
      "revoked keys are listed too), multikey (a Multikey verification method) and ob2 "
      "(an Open Badges 2.0 CryptographicKey).\n\n"
      "Example:\n"
      "  rosette-cli keys export-public --type p256 --format jwk"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "keys export-public", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (format_name == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“keys export-public” needs --format: jwk, pem, did, did-json, "
                                "multikey or ob2"));
  if (!rosette_public_format_from_string (format_name, &format, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  issuer = begin_command ("keys export-public", rest, 0, NULL, NULL, &status);
  if (issuer == NULL)
    return status;

  record = choose_key (issuer, key_id, type, &status);
  if (record == NULL)
    return status;

  text = rosette_issuer_export_public (issuer, record, format, &error);
  if (text == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  /* The forms are ASCII or UTF-8 JSON: write them as bytes. */
  fputs (text, stdout);
  if (!g_str_has_suffix (text, "\n"))
    fputc ('\n', stdout);
  fflush (stdout);

  return ROSETTE_CLI_EXIT_OK;
}

static int
keys_backup (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *passphrase_file = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosettePassphrase) passphrase = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The backup file to write"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from the first line of this file"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "keys backup", NULL,
    _("Write the current issuer and all its keys to a passphrase-encrypted file."),
    _("Each private key is encrypted as PKCS#8 with PBES2 and AES-256. Without "
      "--passphrase-file the passphrase is asked twice on the terminal. Keep the file "
      "and the passphrase apart.\n\n"
      "Example:\n"
      "  rosette-cli keys backup -o issuer-keys.rosette-keys"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "keys backup", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (output == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“keys backup” needs an output file: "
                                "rosette-cli keys backup -o FILE"));

  issuer = begin_command ("keys backup", rest, 0, NULL, NULL, &status);
  if (issuer == NULL)
    return status;

  passphrase = get_passphrase (passphrase_file, TRUE, &status);
  if (passphrase == NULL)
    return status;

  file = g_file_new_for_commandline_arg (output);
  if (!rosette_issuer_backup_sync (issuer, file, passphrase, NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (!cli->quiet)
    /* Translators: the %u is the number of keys, the %s a file. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Backed up %u key to %s\n",
                          "Backed up %u keys to %s\n",
                          rosette_issuer_get_n_keys (issuer)),
             rosette_issuer_get_n_keys (issuer), g_file_peek_path (file));

  return ROSETTE_CLI_EXIT_OK;
}

static int
keys_restore (RosetteCli  *cli,
              int          argc,
              char       **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosettePassphrase) passphrase = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from the first line of this file"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "keys restore", _("FILE"),
    _("Put the issuer and keys of a backup file into this computer’s keyring."),
    _("Every key is decrypted and checked before anything is stored: with a wrong "
      "passphrase nothing changes. An issuer that is already here gets the keys it "
      "lacks. Without --passphrase-file the passphrase is asked on the terminal."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "keys restore", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“keys restore” needs a backup file: "
                                "rosette-cli keys restore FILE"));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("keys restore", rest + 1);

  file = g_file_new_for_commandline_arg (rest[0]);
  if (!g_file_query_exists (file, NULL))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("There is no backup file %s"),
                              g_file_peek_path (file));

  passphrase = get_passphrase (passphrase_file, FALSE, &status);
  if (passphrase == NULL)
    return status;

  store = _rosette_cli_issuer_store_new ();
  issuer = rosette_issuer_restore_sync (store, file, passphrase, NULL, &error);
  if (issuer == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (!cli->quiet)
    /* Translators: the %s is the issuer name, the %u the number of keys. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Restored “%s” with %u key\n",
                          "Restored “%s” with %u keys\n",
                          rosette_issuer_get_n_keys (issuer)),
             rosette_issuer_get_name (issuer), rosette_issuer_get_n_keys (issuer));

  return ROSETTE_CLI_EXIT_OK;
}

/* retire and revoke differ only in the core call and the words. */
static int
change_status (RosetteCli        *cli,
               const char        *command,
               RosetteKeyStatus   status_wanted,
               int                argc,
               char             **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  gboolean retire = status_wanted == ROSETTE_KEY_STATUS_RETIRED;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    command, _("ID"),
    retire
    ? _("Retire a key: it never signs again, but stays published so badges it signed "
        "still verify.")
    : _("Revoke a compromised key: it never signs again and is published as revoked, "
        "so badges it signed show as signed by a revoked key."),
    _("ID is a key id from “rosette-cli keys list”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, command, &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  missing = g_strdup_printf (_("“%s” needs a key id: rosette-cli %s ID"), command, command);
  issuer = begin_command (command, rest, 1, missing, &store, &status);
  if (issuer == NULL)
    return status;

  if (retire)
    ok = rosette_issuer_retire_key (issuer, store, rest[0], NULL, &error);
  else
    ok = rosette_issuer_revoke_key (issuer, store, rest[0], NULL, &error);
  if (!ok)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (!cli->quiet)
    g_print (retire
             ? _("Key %s is retired: it signs nothing new; badges it signed still verify\n")
             : _("Key %s is revoked: published as revoked; it signs nothing new\n"),
             rest[0]);

  return ROSETTE_CLI_EXIT_OK;
}

static int
keys_retire (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  return change_status (cli, "keys retire", ROSETTE_KEY_STATUS_RETIRED, argc, argv);
}

static int
keys_revoke (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  return change_status (cli, "keys revoke", ROSETTE_KEY_STATUS_REVOKED, argc, argv);
}

int
_rosette_cli_keys (RosetteCli  *cli,
                   int          argc,
                   char       **argv)
{
  return _rosette_cli_run_group (cli, "keys",
                                 _("Manage the current issuer’s signing keys."),
                                 keys_commands, argc, argv);
}
