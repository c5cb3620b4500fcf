/* rosette-cli-verify.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli verify FILE...`: one report per file, from the core's
 * RosetteVerifier (the Verify page shows the same report). Human text
 * puts the verdict first and then every check; --json prints one JSON
 * object per line per file (rosette_verify_report_to_json()). The exit
 * code sums up all files: 2 if any file is unusable, else 1 if any badge
 * is not valid, else 3 if any could not be fully verified, else 0.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rosette-cli-private.h"

static const char *
state_mark (RosetteVerifyState state)
{
  switch (state)
    {
    case ROSETTE_VERIFY_STATE_PASSED:
      /* Translators: the mark before a check that passed. */
      return _("passed");
    case ROSETTE_VERIFY_STATE_FAILED:
      return _("FAILED");
    case ROSETTE_VERIFY_STATE_NOT_CHECKED:
    default:
      return _("not checked");
    }
}

static void
print_text (RosetteVerifyReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *checks = rosette_verify_report_get_checks (report);
  const char *achievement = rosette_verify_report_get_achievement_name (report);
  const char *issuer = rosette_verify_report_get_issuer_name (report);

  /* Translators: "FILE: Valid", the first line of a report. */
  g_string_append_printf (out, _("%s: %s\n"), rosette_verify_report_get_source_name (report),
                          rosette_verify_report_get_verdict_text (report));
  if (rosette_verify_report_get_format (report) != ROSETTE_VERIFY_FORMAT_UNKNOWN)
    g_string_append_printf (out, _("  Format: %s\n"), rosette_verify_report_get_format_name (report));
  if (achievement != NULL)
    g_string_append_printf (out, _("  Achievement: %s\n"), achievement);
  if (rosette_verify_report_get_tier (report) != NULL)
    g_string_append_printf (out, _("  Tier: %s\n"), rosette_verify_report_get_tier (report));
  if (issuer != NULL || rosette_verify_report_get_issuer_id (report) != NULL)
    g_string_append_printf (out, _("  Issuer: %s\n"),
                            issuer != NULL ? issuer : rosette_verify_report_get_issuer_id (report));

  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(RosetteVerifyCheck) check = g_list_model_get_item (checks, i);

      /* Translators: "  [passed] Signature: The ES256 signature is valid…" */
      g_string_append_printf (out, _("  [%s] %s: %s\n"),
                              state_mark (rosette_verify_check_get_state (check)),
                              rosette_verify_check_get_title (check),
                              rosette_verify_check_get_explanation (check));
    }
  g_print ("%s", out->str);
}

static void
print_json (RosetteVerifyReport *report)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = rosette_verify_report_to_json (report);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* JSON is UTF-8 whatever the locale: write bytes, one object a line. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

static RosetteVerifier *
make_verifier (const char  *recipient,
               gboolean     offline,
               const char  *key_path,
               int         *status)
{
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(GError) error = NULL;

  rosette_verifier_set_offline (verifier, offline);
  if (recipient != NULL)
    {
      if (!rosette_email_check (recipient, &error))
        {
          *status = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, "--recipient", error);
          return NULL;
        }
      rosette_verifier_set_recipient (verifier, recipient);
    }
  if (key_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (key_path);
      g_autoptr(GBytes) bytes = rosette_load_file_bounded (file, 64 * 1024, NULL, &error);

      if (bytes == NULL || !rosette_verifier_load_trusted_key (verifier, bytes, &error))
        {
          *status = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, "--key", error);
          return NULL;
        }
    }
  return g_steal_pointer (&verifier);
}

int
_rosette_cli_verify (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteVerifier) verifier = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *key_path = NULL;
  g_auto(GStrv) files = NULL;
  gboolean offline = FALSE;
  gboolean json = cli->json;
  gboolean unusable = FALSE, not_valid = FALSE, incomplete = FALSE;
  int status = ROSETTE_CLI_EXIT_USAGE;
  const GOptionEntry entries[] = {
    { "recipient", 'r', 0, G_OPTION_ARG_STRING, &recipient,
      N_("Check that the badge was issued to this email address"), N_("EMAIL") },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline,
      N_("Fetch nothing: keys, status lists and hosted badges are not checked"), NULL },
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &key_path,
      N_("Trust this public key (PEM or JWK) as the issuer’s"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object per file, on one line"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "verify", _("FILE…"),
    _("Verify Open Badges: baked PNG or SVG, JSON, or a signed JWT."),
    _("Each file gets a report: the verdict (Valid, Not valid, or Could not fully verify), "
      "then every check: the file, the credential data, its structure, the signature and "
      "whose key made it, the issuer, the dates, revocation and, with --recipient, whether "
      "it was issued to you. Keys on the web and revocation lists are fetched over https "
      "unless --offline is given.\n\n"
      "Exit status: 0 all valid, 1 a badge is not valid, 2 a file is not a badge or cannot "
      "be read, 3 a badge could not be fully verified.\n\n"
      "Example:\n"
      "  rosette-cli verify --recipient ana@example.com ana.png"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "verify", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“verify” needs at least one file. "
                                "Run “rosette-cli verify --help” to see the usage."));

  verifier = make_verifier (recipient, offline, key_path, &status);
  if (verifier == NULL)
    return status;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(RosetteVerifyReport) report = NULL;
      g_autoptr(GError) error = NULL;

      report = rosette_verifier_verify_file_sync (verifier, file, NULL, &error);
      if (report == NULL)
        {
          g_autofree char *display = g_filename_display_name (files[i]);

          _rosette_cli_print_error ("%s: %s", display, error->message);
          unusable = TRUE;
          continue;
        }
      rosette_verify_report_set_source_name (report, files[i]);

      if (json)
        print_json (report);
      else
        print_text (report);

      if (!rosette_verify_report_get_usable (report))
        unusable = TRUE;
      else if (rosette_verify_report_get_verdict (report) == ROSETTE_VERIFY_VERDICT_NOT_VALID)
        not_valid = TRUE;
      else if (rosette_verify_report_get_verdict (report) == ROSETTE_VERIFY_VERDICT_INCOMPLETE)
        incomplete = TRUE;
    }

  if (unusable)
    return ROSETTE_CLI_EXIT_USAGE;
  if (not_valid)
    return ROSETTE_CLI_EXIT_NEGATIVE;
  if (incomplete)
    return ROSETTE_CLI_EXIT_UNAVAILABLE;
  return ROSETTE_CLI_EXIT_OK;
}
