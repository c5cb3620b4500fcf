/* rosette-cli-nominate.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli nominate value|limit|add|import|list|approve|reject`: peer
 * recognition over the registry. Approving issues the badge through
 * _rosette_cli_award_prepare() in rosette-cli-util.c, as `pathway issue`
 * does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-cli-private.h"

/* ---- nominate value, limit ------------------------------------------- */

static int
nominate_value (RosetteCli  *cli,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *family_path = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *value = NULL;
  g_auto(GStrv) rest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &family_path, N_("The badge family"), N_("FILE") },
    { "tier", 't', 0, G_OPTION_ARG_STRING, &tier, N_("The tier"), N_("TIER") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The company value it stands for"),
      N_("VALUE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "nominate value", NULL, _("Open a badge to peer nomination, for a company value."),
    _("Example:\n  rosette-cli nominate value --family kudos.rosette --tier 1 "
      "--value \"Customer first\""));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "nominate value", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("nominate value", rest);
  if (family_path == NULL || tier == NULL || value == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“nominate value” needs --family, --tier and --value"));

  family = _rosette_cli_load_family (family_path, &status);
  if (family == NULL)
    return status;
  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  absolute = _rosette_cli_dup_absolute_path (family_path);
  if (!rosette_nominations_set_nominable (registry, family, tier, value, absolute, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  return ROSETTE_CLI_EXIT_OK;
}

static int
nominate_limit (RosetteCli  *cli,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *per = NULL;
  g_autofree char *period = NULL;
  g_auto(GStrv) rest = NULL;
  int max = -1;
  int status;
  const GOptionEntry entries[] = {
    { "per", 0, 0, G_OPTION_ARG_STRING, &per, N_("nominator (given) or nominee (received)"),
      N_("WHO") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("month, quarter or year"), N_("PERIOD") },
    { "max", 0, 0, G_OPTION_ARG_INT, &max, N_("At most this many; 0 removes the limit"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "nominate limit", NULL, _("Limit nominations per person and period."),
    _("Example: at most three nominations per nominator per quarter:\n"
      "  rosette-cli nominate limit --per nominator --period quarter --max 3"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "nominate limit", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("nominate limit", rest);
  if ((g_strcmp0 (per, "nominator") != 0 && g_strcmp0 (per, "nominee") != 0) ||
      period == NULL || max < 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“nominate limit” needs --per nominator|nominee, --period "
                                "and --max"));

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  if (!rosette_nominations_set_limit (registry, g_strcmp0 (per, "nominee") == 0, period,
                                      (guint) max, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  return ROSETTE_CLI_EXIT_OK;
}

/* ---- nominate add, import, list --------------------------------------- */

static int
nominate_add (RosetteCli  *cli,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nominee = NULL;
  g_autofree char *nominee_name = NULL;
  g_autofree char *nominator = NULL;
  g_autofree char *nominator_name = NULL;
  g_autofree char *value = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *submitted = NULL;
  g_autoptr(GDateTime) submitted_at = NULL;
  g_auto(GStrv) rest = NULL;
  RosetteNominationInput input = { NULL, };
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "nominee", 0, 0, G_OPTION_ARG_STRING, &nominee, N_("Who is nominated"), N_("EMAIL") },
    { "nominee-name", 0, 0, G_OPTION_ARG_STRING, &nominee_name, N_("Their name"), N_("NAME") },
    { "nominator", 0, 0, G_OPTION_ARG_STRING, &nominator, N_("Who nominates"), N_("EMAIL") },
    { "nominator-name", 0, 0, G_OPTION_ARG_STRING, &nominator_name, N_("Their name"),
      N_("NAME") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The company value"), N_("VALUE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("What they did"), N_("TEXT") },
    { "submitted", 0, 0, G_OPTION_ARG_STRING, &submitted,
      N_("When it was made, e.g. on a paper form (default: now)"), N_("DATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("nominate add", NULL,
                                             _("Nominate a colleague."), NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "nominate add", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("nominate add", rest);
  if (submitted != NULL)
    {
      submitted_at = rosette_issue_parse_date (submitted, FALSE, &error);
      if (submitted_at == NULL)
        return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
    }

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  input.nominee_email = nominee;
  input.nominee_name = nominee_name;
  input.nominator_email = nominator;
  input.nominator_name = nominator_name;
  input.company_value = value;
  input.reason = reason;
  input.submitted_at = submitted_at;
  id = rosette_nominations_submit (registry, &input, "app", NULL, &error);
  if (id == 0)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (!cli->quiet)
    g_print ("%" G_GINT64_FORMAT "\n", id);
  return ROSETTE_CLI_EXIT_OK;
}

static int
nominate_import (RosetteCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteNominationImportResult) result = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "nominate import", _("FILE"), _("Import nominations from a form tool’s CSV export."),
    _("Columns: Nominee email, Nominator email (or the form’s “Email Address”), Value, "
      "Reason; optional Nominee name, Nominator name (or “Your name”), Timestamp. Rows that "
      "break a rule or a limit are listed and left out; importing the same file again adds "
      "nothing twice. Exit status 1 when some rows were left out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "nominate import", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("“nominate import” needs a CSV FILE"));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("nominate import", rest + 1);

  file = g_file_new_for_commandline_arg (rest[0]);
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  result = rosette_nominations_import_csv (registry, G_INPUT_STREAM (stream), NULL, &error);
  if (result == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  for (guint i = 0; i < result->refused->len; i++)
    _rosette_cli_print_error ("%s", (const char *) g_ptr_array_index (result->refused, i));
  if (cli->json)
    g_print ("{\"added\":%u,\"already\":%u,\"refused\":%u}\n", result->added, result->already,
             result->refused->len);
  else if (!cli->quiet)
    g_print (_("%u added, %u already imported, %u left out\n"), result->added, result->already,
             result->refused->len);
  return result->refused->len > 0 ? ROSETTE_CLI_EXIT_NEGATIVE : ROSETTE_CLI_EXIT_OK;
}

static void
print_nomination (RosetteCli        *cli,
                  RosetteNomination *row)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (row->submitted_at);
  g_autofree char *day = g_date_time_format (at, "%Y-%m-%d");

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, row->id);
      _rosette_cli_json_add_string (builder, "state", rosette_nomination_state_to_string (row->state));
      _rosette_cli_json_add_string (builder, "nominee", row->nominee_email);
      _rosette_cli_json_add_string (builder, "nomineeName", row->nominee_name);
      _rosette_cli_json_add_string (builder, "nominator", row->nominator_email);
      _rosette_cli_json_add_string (builder, "nominatorName", row->nominator_name);
      _rosette_cli_json_add_string (builder, "value", row->company_value);
      _rosette_cli_json_add_string (builder, "reason", row->reason);
      _rosette_cli_json_add_string (builder, "submitted", day);
      _rosette_cli_json_add_string (builder, "approver", row->approver);
      _rosette_cli_json_add_string (builder, "comment", row->comment);
      _rosette_cli_json_add_string (builder, "credential", row->credential_id);
      json_builder_end_object (builder);
      _rosette_cli_print_json_line (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", row->id,
             rosette_nomination_state_to_string (row->state), day, row->nominee_email,
             row->nominator_email, row->company_value, row->reason);
}

static int
nominate_list (RosetteCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_text = NULL;
  g_auto(GStrv) rest = NULL;
  RosetteNominationState state = ROSETTE_NOMINATION_PENDING;
  int status;
  const GOptionEntry entries[] = {
    { "state", 's', 0, G_OPTION_ARG_STRING, &state_text,
      N_("pending (default), approved, rejected, issued or any"), N_("STATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "nominate list", NULL, _("The nominations queue."),
    _("One line per nomination: id, state, date, nominee, nominator, value, reason."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "nominate list", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("nominate list", rest);
  if (state_text != NULL && !rosette_nomination_state_from_string (state_text, &state))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("Unknown state “%s”; use pending, approved, rejected, issued "
                                "or any"), state_text);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  rows = rosette_registry_list_nominations (registry, state, &error);
  if (rows == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  for (guint i = 0; i < rows->len; i++)
    print_nomination (cli, g_ptr_array_index (rows, i));
  return ROSETTE_CLI_EXIT_OK;
}

/* ---- nominate approve, reject ---------------------------------------- */

static char *
dup_nominable_file (RosetteRegistry *registry,
                    gint64           nominable_id)
{
  g_autoptr(GPtrArray) all = rosette_registry_list_nominable (registry, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      RosetteNominable *nominable = g_ptr_array_index (all, i);

      if (nominable->id == nominable_id)
        return g_strdup (nominable->family_file);
    }
  return NULL;
}

static int
issue_nomination (RosetteCli      *cli,
                  RosetteRegistry *registry,
                  gint64           id,
                  const char      *family,
                  const char      *output,
                  const char      *proof)
{
  g_autoptr(RosetteNomination) nomination = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_auto(RosetteCliAward) award = { NULL, };
  RosetteAwardContext context = { NULL, };
  int status;

  nomination = rosette_registry_get_nomination (registry, id, &error);
  if (nomination == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  file = family != NULL ? g_strdup (family) : dup_nominable_file (registry, nomination->nominable_id);
  if (file == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("Approved, but the badge’s family file is not known; issue it "
                                "with “rosette-cli nominate approve %lld --family FILE”"),
                              (long long)id);
  if (!_rosette_cli_award_prepare (&award, &context, registry, file, output, proof, TRUE, &status))
    return status;
  summary = rosette_nominations_issue_sync (&context, id, NULL, &error);
  if (summary == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  _rosette_cli_award_print_summary (cli, summary);
  return summary->failed > 0 ? ROSETTE_CLI_EXIT_NEGATIVE : ROSETTE_CLI_EXIT_OK;
}

static int
nominate_decide (RosetteCli  *cli,
                 const char  *command,
                 gboolean     approve,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteNomination) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *family = NULL;
  g_autofree char *output = NULL;
  g_autofree char *proof = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean no_issue = FALSE;
  gint64 id;
  char *end = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "approver", 'a', 0, G_OPTION_ARG_STRING, &approver, N_("Who decides (a manager)"),
      N_("EMAIL") },
    { "comment", 'c', 0, G_OPTION_ARG_STRING, &comment, N_("Why (kept with the decision)"),
      N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  const GOptionEntry issue_entries[] = {
    { "no-issue", 0, 0, G_OPTION_ARG_NONE, &no_issue, N_("Approve only; issue later"), NULL },
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &family,
      N_("The badge’s family file (default: the one given to “nominate value”)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write the badge to"), N_("DIR") },
    { "proof", 'p', 0, G_OPTION_ARG_STRING, &proof,
      N_("data-integrity (default), vc-jwt or ob2"), N_("PROOF") },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    command, _("ID"),
    approve ? _("Approve a nomination and issue its badge.") : _("Reject a nomination."),
    _("The approver may be neither the nominee nor the nominator; a comment is required."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (approve)
    g_option_context_add_main_entries (context, issue_entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, command, &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“%s” needs the nomination’s ID (see “nominate list”)"), command);
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected (command, rest + 1);
  id = g_ascii_strtoll (rest[0], &end, 10);
  if (end == rest[0] || *end != '\0' || id <= 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("“%s” is not a nomination ID"), rest[0]);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  /* Approving an approved, not yet issued nomination again issues it. */
  current = rosette_registry_get_nomination (registry, id, NULL);
  if (!(approve && current != NULL && current->state == ROSETTE_NOMINATION_APPROVED) &&
      !rosette_nominations_decide (registry, id, approve, approver, comment, NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (!approve || no_issue)
    return ROSETTE_CLI_EXIT_OK;
  return issue_nomination (cli, registry, id, family, output, proof);
}

static int
nominate_approve (RosetteCli  *cli,
                  int          argc,
                  char       **argv)
{
  return nominate_decide (cli, "nominate approve", TRUE, argc, argv);
}

static int
nominate_reject (RosetteCli  *cli,
                 int          argc,
                 char       **argv)
{
  return nominate_decide (cli, "nominate reject", FALSE, argc, argv);
}

static const RosetteCliCommand nominate_commands[] = {
  { "value", N_("Open a badge to peer nomination, for a company value"), nominate_value },
  { "limit", N_("Limit nominations per person and period"), nominate_limit },
  { "add", N_("Nominate a colleague"), nominate_add },
  { "import", N_("Import nominations from a form tool’s CSV"), nominate_import },
  { "list", N_("The nominations queue"), nominate_list },
  { "approve", N_("Approve a nomination and issue its badge"), nominate_approve },
  { "reject", N_("Reject a nomination"), nominate_reject },
  { NULL, NULL, NULL }
};

int
_rosette_cli_nominate (RosetteCli  *cli,
                       int          argc,
                       char       **argv)
{
  return _rosette_cli_run_group (cli, "nominate",
                                 _("Peer recognition: nominations, approval, limits."),
                                 nominate_commands, argc, argv);
}
