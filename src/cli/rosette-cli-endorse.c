/* rosette-cli-endorse.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli endorse`: the current issuer vouches for another
 * organisation's achievement with an Open Badges 3.0
 * EndorsementCredential, signed with its Ed25519 key from the keyring
 * (Data Integrity, eddsa-rdfc-2022) by the core's
 * rosette_endorsement_sign(). Endorsements are not badges held by
 * people, so nothing goes into the registry.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rosette-cli-private.h"

typedef struct
{
  char *achievement;
  char *name;
  char *comment;
  char *valid_until;
  char *output;
  GStrv rest;
} EndorseOptions;

static void
endorse_options_clear (EndorseOptions *options)
{
  g_clear_pointer (&options->achievement, g_free);
  g_clear_pointer (&options->name, g_free);
  g_clear_pointer (&options->comment, g_free);
  g_clear_pointer (&options->valid_until, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->rest, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EndorseOptions, endorse_options_clear)

/* An http(s) URL with a host, or a URN ("urn:NID:NSS"): what names an
 * achievement published by someone else. */
static gboolean
achievement_id_ok (const char *id)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (g_str_has_prefix (id, "urn:"))
    {
      const char *colon = strchr (id + 4, ':');

      return colon != NULL && colon > id + 4 && colon[1] != '\0' &&
             strpbrk (id, " \t\r\n") == NULL;
    }

  uri = g_uri_parse (id, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
         host != NULL && host[0] != '\0';
}

/* Checks what needs no issuer or keyring; a status other than OK after
 * printing why. */
static int
check_options (EndorseOptions  *options,
               GDateTime      **out_valid_until)
{
  g_autoptr(GError) error = NULL;

  if (options->rest != NULL && options->rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("endorse", options->rest);

  if (options->achievement == NULL || options->comment == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“endorse” needs --achievement and --comment. "
                                "Run “rosette-cli endorse --help” to see the usage."));

  if (!achievement_id_ok (options->achievement))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“%s” is not an achievement id: give the other organisation’s "
                                "achievement URL (https://…) or its URN (urn:…)"),
                              options->achievement);

  if (g_strstrip (options->comment)[0] == '\0')
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--comment is empty: say why you endorse the achievement"));

  if (g_utf8_strlen (options->comment, -1) > ROSETTE_ENDORSEMENT_MAX_COMMENT)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--comment is %ld characters long; shorten it to at most %d"),
                              g_utf8_strlen (options->comment, -1),
                              ROSETTE_ENDORSEMENT_MAX_COMMENT);

  if (options->valid_until != NULL)
    {
      *out_valid_until = rosette_issue_parse_date (options->valid_until, TRUE, &error);
      if (*out_valid_until == NULL)
        return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
    }

  return ROSETTE_CLI_EXIT_OK;
}

/* The issuer's newest active Ed25519 key: record and private key. */
static RosetteKey *
load_key (RosetteIssuer     *issuer,
          RosetteKeyRecord **out_record,
          int               *status)
{
  g_autoptr(GError) error = NULL;
  RosetteKey *key;

  /* Asked of the profile first, so a missing key is reported without
   * touching the keyring. */
  if (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_ED25519) == NULL)
    {
      *status = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                   _("the issuer “%s” has no active Ed25519 key, which "
                                     "endorsements are signed with; generate one with "
                                     "rosette-cli keys generate --type ed25519"),
                                   rosette_issuer_get_name (issuer));
      return NULL;
    }

  key = rosette_issuer_load_signing_key_sync (issuer, ROSETTE_KEY_ALGORITHM_ED25519,
                                              out_record, NULL, &error);
  if (key == NULL)
    *status = _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  return key;
}

static int
write_output (RosetteCli *cli,
              const char *output,
              const char *id,
              const char *text)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (output == NULL)
    {
      /* The credential is the result; --json adds nothing to JSON. */
      fputs (text, stdout);
      fputc ('\n', stdout);
      fflush (stdout);
      return ROSETTE_CLI_EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (output);
  path = g_file_get_path (file);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      _rosette_cli_json_add_string (builder, "id", id);
      _rosette_cli_json_add_string (builder, "file", path);
      json_builder_end_object (builder);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_print ("%s\n%s\n", display, id);
    }
  return ROSETTE_CLI_EXIT_OK;
}

int
_rosette_cli_endorse (RosetteCli  *cli,
                      int          argc,
                      char       **argv)
{
  g_auto(EndorseOptions) options = { NULL, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDateTime) valid_from = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) valid_until = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  RosetteEndorsementRequest request = { NULL, };
  int status;
  const GOptionEntry entries[] = {
    { "achievement", 'a', 0, G_OPTION_ARG_STRING, &options.achievement,
      N_("The endorsed achievement’s id: its URL (https://…) or URN"), N_("ID") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &options.name,
      N_("The endorsed achievement’s name, for people reading the endorsement"), N_("NAME") },
    { "comment", 'c', 0, G_OPTION_ARG_STRING, &options.comment,
      N_("Why you endorse it (Markdown, at most 5000 characters)"), N_("TEXT") },
    { "valid-until", 0, 0, G_OPTION_ARG_STRING, &options.valid_until,
      N_("The endorsement expires at the end of this date (default: never)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The file to write (default: standard output)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "endorse", NULL,
    _("Endorse another organisation’s achievement."),
    _("Writes an Open Badges 3.0 EndorsementCredential, signed by the current issuer with "
      "its Ed25519 key from the keyring (Data Integrity, eddsa-rdfc-2022), so any W3C "
      "Verifiable Credentials verifier can check its signature. Without -o the credential is printed; with -o, "
      "--json before the command prints its id and file. Dates are ISO 8601.\n\n"
      "Example:\n"
      "  rosette-cli endorse --achievement https://guild.example/achievements/first-aid \\\n"
      "    --name \"First Aid Instructor\" --comment \"Meets our safety standard.\" \\\n"
      "    --valid-until 2027-12-31 -o endorsement.json"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "endorse", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  status = check_options (&options, &valid_until);
  if (status != ROSETTE_CLI_EXIT_OK)
    return status;

  store = _rosette_cli_issuer_store_new ();
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;
  key = load_key (issuer, &record, &status);
  if (key == NULL)
    return status;

  request.subject_id = options.achievement;
  request.comment = options.comment;
  request.credential_id = id;
  request.valid_from = valid_from;
  request.valid_until = valid_until;
  if (options.name != NULL && options.name[0] != '\0')
    /* Translators: the endorsement's title; %s is the endorsed badge. */
    title = g_strdup_printf (_("Endorsement of %s"), options.name);
  request.name = title;

  text = rosette_endorsement_sign (issuer, record, key, &request, &error);
  if (text == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  return write_output (cli, options.output, id, text);
}
