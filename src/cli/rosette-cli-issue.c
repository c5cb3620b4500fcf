/* rosette-cli-issue.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli issue`: one signed badge for one person, baked into the
 * family's artwork (or written as JSON or a bare JWT), and recorded in the
 * registry (--registry, or the default one) like a bulk badge. The
 * pipeline is the core's rosette_issue_one_sync(), shared with the Issue
 * page.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-cli-private.h"

typedef struct
{
  char     *family;
  char     *tier;
  char     *recipient;
  char     *name;
  gboolean  include_name;
  char     *valid_from;
  char     *valid_until;
  char     *evidence;
  char     *narrative;
  char     *proof;
  char     *format;
  char     *output;
  GStrv     rest;
} IssueOptions;

static void
issue_options_clear (IssueOptions *options)
{
  g_clear_pointer (&options->family, g_free);
  g_clear_pointer (&options->tier, g_free);
  g_clear_pointer (&options->recipient, g_free);
  g_clear_pointer (&options->name, g_free);
  g_clear_pointer (&options->valid_from, g_free);
  g_clear_pointer (&options->valid_until, g_free);
  g_clear_pointer (&options->evidence, g_free);
  g_clear_pointer (&options->narrative, g_free);
  g_clear_pointer (&options->proof, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->rest, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IssueOptions, issue_options_clear)

static void
print_result (RosetteCli         *cli,
              RosetteIssueResult *result)
{
  g_autofree char *path = g_file_get_path (result->file);

  if (result->warning != NULL)
    /* Translators: a warning on stderr after a badge was written. */
    _rosette_cli_print_error (_("warning: %s"), result->warning);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, result->id);
      json_builder_set_member_name (builder, "proof");
      json_builder_add_string_value (builder, rosette_issue_proof_to_string (result->proof));
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, rosette_issue_format_to_string (result->format));
      json_builder_set_member_name (builder, "warning");
      if (result->warning != NULL)
        json_builder_add_string_value (builder, result->warning);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_print ("%s\n%s\n", display, result->id);
    }
}

/* Turns the options into a request; NULL after printing why (exit 2). */
static RosetteIssueRequest *
make_request (IssueOptions *options,
              int          *status)
{
  g_autoptr(RosetteIssueRequest) request = rosette_issue_request_new ();
  g_autoptr(GError) error = NULL;

  *status = ROSETTE_CLI_EXIT_USAGE;

  if (options->family == NULL || options->tier == NULL || options->recipient == NULL ||
      options->output == NULL)
    {
      _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                         _("“issue” needs --family, --tier, --recipient and -o. "
                           "Run “rosette-cli issue --help” to see the usage."));
      return NULL;
    }

  request->family = _rosette_cli_load_family (options->family, status);
  if (request->family == NULL)
    return NULL;
  *status = ROSETTE_CLI_EXIT_USAGE;

  request->tier = g_strdup (options->tier);
  request->email = g_strdup (options->recipient);
  request->name = g_strdup (options->name);
  request->include_name = options->include_name;
  request->evidence_url = g_strdup (options->evidence);
  request->narrative = g_strdup (options->narrative);
  request->output = g_file_new_for_commandline_arg (options->output);

  if (options->include_name && (options->name == NULL || *options->name == '\0'))
    {
      _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                         _("--include-name needs --name: the name to put in the badge"));
      return NULL;
    }

  if (options->proof != NULL &&
      !rosette_issue_proof_from_string (options->proof, &request->proof, &error))
    goto failed;

  if (options->format != NULL)
    {
      if (!rosette_issue_format_from_string (options->format, &request->format, &error))
        goto failed;
    }
  else if (!rosette_issue_format_for_path (options->output, &request->format))
    {
      request->format = ROSETTE_ISSUE_FORMAT_PNG;
    }

  if (options->valid_from != NULL)
    {
      request->valid_from = rosette_issue_parse_date (options->valid_from, FALSE, &error);
      if (request->valid_from == NULL)
        goto failed;
    }
  if (options->valid_until != NULL)
    {
      request->valid_until = rosette_issue_parse_date (options->valid_until, TRUE, &error);
      if (request->valid_until == NULL)
        goto failed;
    }

  *status = ROSETTE_CLI_EXIT_OK;
  return g_steal_pointer (&request);

failed:
  _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  return NULL;
}

int
_rosette_cli_issue (RosetteCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_auto(IssueOptions) options = { NULL, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssueRequest) request = NULL;
  g_autoptr(RosetteIssueResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &options.family,
      N_("The badge family (.rosette file)"), N_("FILE") },
    { "tier", 't', 0, G_OPTION_ARG_STRING, &options.tier,
      N_("The tier, by name or number (1 is the lowest)"), N_("TIER") },
    { "recipient", 'r', 0, G_OPTION_ARG_STRING, &options.recipient,
      N_("The recipient’s email address (stored only as a salted hash)"), N_("EMAIL") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &options.name,
      N_("The recipient’s name"), N_("NAME") },
    { "include-name", 0, 0, G_OPTION_ARG_NONE, &options.include_name,
      N_("Put the recipient’s name in the badge (off by default)"), NULL },
    { "valid-from", 0, 0, G_OPTION_ARG_STRING, &options.valid_from,
      N_("Valid from this date (default: now)"), N_("DATE") },
    { "valid-until", 0, 0, G_OPTION_ARG_STRING, &options.valid_until,
      N_("Expires at the end of this date (default: never)"), N_("DATE") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &options.evidence,
      N_("An http(s) link to the evidence"), N_("URL") },
    { "narrative", 0, 0, G_OPTION_ARG_STRING, &options.narrative,
      N_("What the recipient did to earn it"), N_("TEXT") },
    { "proof", 'p', 0, G_OPTION_ARG_STRING, &options.proof,
      N_("data-integrity (Open Badges 3.0, default), vc-jwt or ob2"), N_("PROOF") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("png, svg, json or jwt (default: from the file name, else png)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The file to write"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "issue", NULL,
    _("Issue one signed badge to one person."),
    _("The badge is signed with the current issuer’s key from the keyring and baked into "
      "the tier’s artwork: the file carries its own proof. The email address is never "
      "written, only its salted hash. Dates are ISO 8601 (2027-03-31 or "
      "2027-03-31T12:00:00Z). Open Badges 2.0 (--proof ob2) needs an RSA key and the "
      "issuer’s files published at its https address. The badge is recorded in the "
      "registry (--registry), so it can be revoked and shows in reports.\n\n"
      "Example:\n"
      "  rosette-cli issue --family privacy.rosette --tier Expert \\\n"
      "    --recipient ana@example.com --valid-until 2027-03-31 -o ana.png"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issue", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (options.rest != NULL && options.rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("issue", options.rest);

  request = make_request (&options, &status);
  if (request == NULL)
    return status;

  /* Recorded like every bulk badge, so it can be revoked and reported. */
  request->registry = _rosette_cli_open_registry (cli, &status);
  if (request->registry == NULL)
    return status;

  request->store = _rosette_cli_issuer_store_new ();
  result = rosette_issue_one_sync (request, NULL, &error);
  if (result == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  print_result (cli, result);

  return ROSETTE_CLI_EXIT_OK;
}
