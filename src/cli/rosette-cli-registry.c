/* rosette-cli-registry.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli revoke`, `rosette-cli registry list|holders|expiring|
 * inventory|export` and `rosette-cli milestones`: the registry's answers
 * to HR's questions, as text tables, --json lines, CSV or a printable PDF.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rosette-cli-private.h"

/* ---- shared ---------------------------------------------------------- */

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return g_strdup ("-");
  time = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (time, "%Y-%m-%d");
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (value);
      g_autofree char *text = g_date_time_format_iso8601 (time);

      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

static void
print_record_json (RosetteIssuedRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _rosette_cli_json_add_string (builder, "id", rosette_issued_record_get_credential_id (record));
  _rosette_cli_json_add_string (builder, "status",
              rosette_credential_status_to_string (rosette_issued_record_get_status (record)));
  _rosette_cli_json_add_string (builder, "email", rosette_issued_record_get_email (record));
  _rosette_cli_json_add_string (builder, "name", rosette_issued_record_get_name (record));
  _rosette_cli_json_add_string (builder, "department", rosette_issued_record_get_department (record));
  _rosette_cli_json_add_string (builder, "family", rosette_issued_record_get_family_slug (record));
  _rosette_cli_json_add_string (builder, "tier", rosette_issued_record_get_tier_slug (record));
  _rosette_cli_json_add_string (builder, "batch", rosette_issued_record_get_batch_id (record));
  add_time (builder, "issuedAt", rosette_issued_record_get_issued_at (record));
  add_time (builder, "validUntil", rosette_issued_record_get_valid_until (record));
  add_time (builder, "revokedAt", rosette_issued_record_get_revoked_at (record));
  _rosette_cli_json_add_string (builder, "revokeReason", rosette_issued_record_get_revoke_reason (record));
  json_builder_end_object (builder);
  _rosette_cli_print_json_line (builder);
}

static void
print_record (RosetteCli          *cli,
              RosetteIssuedRecord *record)
{
  g_autofree char *issued = NULL;
  g_autofree char *until = NULL;
  const char *name;

  if (cli->json)
    {
      print_record_json (record);
      return;
    }

  issued = format_day (rosette_issued_record_get_issued_at (record));
  until = format_day (rosette_issued_record_get_valid_until (record));
  name = rosette_issued_record_get_name (record);
  g_print ("%s\t%s\t%s\t%s\t%s\t%s/%s\t%s\t%s\n",
           rosette_issued_record_get_credential_id (record),
           rosette_credential_status_to_string (rosette_issued_record_get_status (record)),
           rosette_issued_record_get_email (record),
           name != NULL ? name : "-",
           rosette_issued_record_get_department (record) != NULL
           ? rosette_issued_record_get_department (record) : "-",
           rosette_issued_record_get_family_slug (record),
           rosette_issued_record_get_tier_slug (record),
           issued, until);
}

static gboolean
print_record_cb (RosetteIssuedRecord *record,
                 gpointer             user_data)
{
  print_record (user_data, record);
  return TRUE;
}

static gboolean
parse_status (const char               *text,
              RosetteCredentialStatus  *out_status,
              GError                  **error)
{
  for (int i = ROSETTE_CREDENTIAL_STATUS_ANY; i <= ROSETTE_CREDENTIAL_STATUS_FAILED; i++)
    if (g_strcmp0 (text, rosette_credential_status_to_string (i)) == 0)
      {
        *out_status = i;
        return TRUE;
      }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("Unknown status “%s”; use valid, expired, revoked, pending, failed or any"), text);
  return FALSE;
}

/* "family" or "family/tier" */
static void
split_achievement (const char  *text,
                   char       **out_family,
                   char       **out_tier)
{
  const char *slash = strchr (text, '/');

  *out_family = slash != NULL ? g_strndup (text, slash - text) : g_strdup (text);
  *out_tier = slash != NULL && slash[1] != '\0' ? g_strdup (slash + 1) : NULL;
}

/* ---- revoke ---------------------------------------------------------- */

/* Writes the signed status lists to the publish folder; a warning (not a
 * failure) when the issuer cannot publish. */
static void
publish_status_lists (RosetteCli      *cli,
                      RosetteRegistry *registry,
                      const char      *publish_dir)
{
  g_autoptr(RosetteIssuerStore) store = _rosette_cli_issuer_store_new ();
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;

  issuer = rosette_issuer_store_load_current (store, NULL, &error);
  if (issuer != NULL)
    {
      dir = publish_dir != NULL ? g_file_new_for_commandline_arg (publish_dir) : NULL;
      files = rosette_status_publish_after_change (registry, issuer, NULL, NULL, dir, NULL,
                                                   &error);
    }
  if (files == NULL)
    {
      _rosette_cli_print_error (_("warning: the status list was not published: %s"),
                                error->message);
      return;
    }

  for (guint i = 0; i < files->len && !cli->quiet && !cli->json; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));

      /* Translators: after a revocation, the status list file written. */
      _rosette_cli_print_error (_("published %s"), path);
    }
}

int
_rosette_cli_revoke (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *publish_dir = NULL;
  gboolean no_publish = FALSE;
  g_auto(GStrv) rest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason,
      N_("Why (kept in the registry and its audit log)"), N_("TEXT") },
    { "publish-dir", 0, 0, G_OPTION_ARG_FILENAME, &publish_dir,
      N_("Write the status list here (default: $XDG_DATA_HOME/rosette/publish)"), N_("DIR") },
    { "no-publish", 0, 0, G_OPTION_ARG_NONE, &no_publish,
      N_("Only record the revocation; publish later"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "revoke", _("ID"), _("Revoke an issued badge."),
    _("Sets the badge’s bit in the issuer’s status list and writes the signed list "
      "(status/<list>.json) to the publish folder, from where verifiers read it once it is "
      "published at the issuer’s web address."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "revoke", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || reason == NULL || *reason == '\0')
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“revoke” needs the badge id and --reason. "
                                "Run “rosette-cli revoke --help” to see the usage."));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("revoke", rest + 1);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  if (!rosette_registry_revoke (registry, rest[0], reason, NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (!no_publish)
    publish_status_lists (cli, registry, publish_dir);

  record = rosette_registry_lookup (registry, rest[0], NULL, &error);
  if (record == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (cli->json)
    print_record_json (record);
  else if (!cli->quiet)
    /* Translators: the id of the revoked badge. */
    g_print (_("Revoked %s\n"), rest[0]);

  return ROSETTE_CLI_EXIT_OK;
}

/* ---- reissue, renew ------------------------------------------------------ */

typedef struct
{
  char     *family;
  char     *name;
  char     *recipient;
  char     *narrative;
  char     *valid_until;
  char     *output;
  char     *publish_dir;
  gboolean  no_publish;
  GStrv     rest;
} ReissueOptions;

static void
reissue_options_clear (ReissueOptions *options)
{
  g_free (options->family);
  g_free (options->name);
  g_free (options->recipient);
  g_free (options->narrative);
  g_free (options->valid_until);
  g_free (options->output);
  g_free (options->publish_dir);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReissueOptions, reissue_options_clear)

/* Re-issues rest[0] (reissue and renew differ only in their options):
 * the new badge supersedes the old, which is revoked as "superseded", and
 * the status lists are published again. */
static int
run_reissue (RosetteCli     *cli,
             const char     *command,
             ReissueOptions *options)
{
  g_autoptr(RosetteIssuerStore) store = _rosette_cli_issuer_store_new ();
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) fresh = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autoptr(GFile) output_dir = NULL;
  g_autoptr(GFile) publish_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *warning = NULL;
  RosetteReissueOptions reissue = { 0 };
  int status;

  if (options->rest == NULL || options->rest[0] == NULL || options->family == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              /* Translators: %s is the command, "reissue" or "renew" */
                              _("“%s” needs the badge id and --family (the badge’s .rosette "
                                "file). Run “rosette-cli %s --help” to see the usage."),
                              command, command);
  if (options->rest[1] != NULL)
    return _rosette_cli_fail_unexpected (command, options->rest + 1);
  if (options->recipient != NULL && !rosette_email_check (options->recipient, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  if (options->valid_until != NULL)
    {
      valid_until = rosette_issue_parse_date (options->valid_until, TRUE, &error);
      if (valid_until == NULL)
        return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, "--valid-until", error);
    }

  reissue.format = ROSETTE_ISSUE_FORMAT_PNG;
  if (options->output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->output);

      output_dir = g_file_get_parent (file);
      file_name = g_file_get_basename (file);
      if (g_str_has_suffix (file_name, ".svg"))
        reissue.format = ROSETTE_ISSUE_FORMAT_SVG;
      else if (!g_str_has_suffix (file_name, ".png"))
        return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                  _("-o needs a .png or .svg file name"));
    }
  else
    output_dir = g_file_new_for_path (".");

  family = _rosette_cli_load_family (options->family, &status);
  if (family == NULL)
    return status;
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;
  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;

  if (!options->no_publish)
    {
      if (options->publish_dir != NULL)
        publish_dir = g_file_new_for_commandline_arg (options->publish_dir);
      else
        {
          g_autofree char *path = rosette_status_publish_dup_default_dir ();

          publish_dir = g_file_new_for_path (path);
        }
    }

  reissue.issuer = issuer;
  reissue.family = family;
  reissue.output_dir = output_dir;
  reissue.publish_dir = publish_dir;
  reissue.valid_until = valid_until;
  reissue.name = options->name;
  reissue.email = options->recipient;
  reissue.narrative = options->narrative;
  reissue.file_name = file_name;
  fresh = rosette_reissue_sync (registry, options->rest[0], &reissue, &warning, NULL, &error);
  if (fresh == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (warning != NULL)
    _rosette_cli_print_error (_("warning: %s"), warning);

  if (cli->json)
    print_record_json (fresh);
  else if (!cli->quiet)
    {
      const char * const *files = rosette_issued_record_get_files (fresh);

      /* Translators: the new badge's id, the old one's, then the file written */
      g_print (_("Issued %s (supersedes %s): %s\n"), rosette_issued_record_get_credential_id (fresh),
               options->rest[0], files != NULL && files[0] != NULL ? files[0] : "");
    }
  return ROSETTE_CLI_EXIT_OK;
}

/* The options reissue and renew share: family, output and publishing. */
static void
add_reissue_entries (GOptionContext *context,
                     ReissueOptions *options)
{
  const GOptionEntry entries[] = {
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &options->family,
      N_("The badge family the badge was issued from (.rosette file)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("Write the new badge here (.png or .svg; default: a file in the current folder)"),
      N_("FILE") },
    { "publish-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->publish_dir,
      N_("Write the status lists here (default: $XDG_DATA_HOME/rosette/publish)"), N_("DIR") },
    { "no-publish", 0, 0, G_OPTION_ARG_NONE, &options->no_publish,
      N_("Only record the change; publish later"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

int
_rosette_cli_reissue (RosetteCli  *cli,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(ReissueOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name,
      N_("The recipient’s corrected name"), N_("NAME") },
    { "recipient", 0, 0, G_OPTION_ARG_STRING, &options.recipient,
      N_("The recipient’s corrected e-mail address"), N_("EMAIL") },
    { "narrative", 0, 0, G_OPTION_ARG_STRING, &options.narrative,
      N_("A personal narrative for the new badge"), N_("TEXT") },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "reissue", _("ID"), _("Issue a corrected copy of a badge."),
    _("Issues a new badge to the same person (with any correction given), links it to the "
      "old one and revokes the old one with the reason “superseded”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_reissue_entries (context, &options);
  if (!_rosette_cli_parse (context, "reissue", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  return run_reissue (cli, "reissue", &options);
}

int
_rosette_cli_renew (RosetteCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(ReissueOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "valid-until", 0, 0, G_OPTION_ARG_STRING, &options.valid_until,
      N_("The new expiry date"), N_("DATE") },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "renew", _("ID"), _("Renew a badge with a new expiry date."),
    _("Issues a new badge that expires on --valid-until, links it to the old one and "
      "revokes the old one with the reason “superseded”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_reissue_entries (context, &options);
  if (!_rosette_cli_parse (context, "renew", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (options.valid_until == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“renew” needs --valid-until. "
                                "Run “rosette-cli renew --help” to see the usage."));
  return run_reissue (cli, "renew", &options);
}

/* ---- registry list ----------------------------------------------------- */

static int
registry_list (RosetteCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *family = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *department = NULL;
  g_autofree char *search = NULL;
  g_auto(GStrv) rest = NULL;
  int limit = 0;
  int offset = 0;
  int status;
  RosetteIssuedQuery query = { 0 };
  const GOptionEntry entries[] = {
    { "family", 0, 0, G_OPTION_ARG_STRING, &family, N_("Only this family (slug)"), N_("SLUG") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier, N_("Only this tier (slug)"), N_("SLUG") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("valid, expired, revoked, pending, failed or any"), N_("STATUS") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("Only this department"),
      N_("NAME") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Part of a name, address or employee id, or a badge id"), N_("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many rows"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("Skip this many rows"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "registry list", NULL, _("List issued badges, newest first."),
    _("Columns: id, status, e-mail, name, department, family/tier, issued, expires "
      "(tab separated; --json gives one object per line)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "registry list", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("registry list", rest);
  if (limit < 0 || offset < 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("--limit and --offset cannot be negative"));

  query.family_slug = family;
  query.tier_slug = tier;
  query.department = department;
  query.text = search;
  query.limit = (guint) limit;
  query.offset = (guint) offset;
  query.sort = ROSETTE_ISSUED_SORT_ISSUED_AT;
  query.descending = TRUE;
  if (status_text != NULL && !parse_status (status_text, &query.status, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  if (!rosette_registry_foreach_issued (registry, &query, print_record_cb, cli, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  return ROSETTE_CLI_EXIT_OK;
}

/* ---- registry holders ---------------------------------------------------- */

static int
registry_holders (RosetteCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *family = NULL;
  g_autofree char *tier = NULL;
  g_auto(GStrv) rest = NULL;
  RosetteHolderCounts counts = { 0, };
  int limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many rows"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "registry holders", _("FAMILY[/TIER]"), _("Who holds an achievement."),
    _("Prints the valid, expired and revoked totals, then one line per holder."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "registry holders", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“registry holders” needs an achievement: the family’s slug, "
                                "optionally /tier (data-privacy/expert)"));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("registry holders", rest + 1);

  split_achievement (rest[0], &family, &tier);
  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  rows = rosette_registry_holders (registry, family, tier, NULL, (guint) MAX (limit, 0), &counts,
                                   &error);
  if (rows == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_int_value (builder, counts.valid);
      json_builder_set_member_name (builder, "expired");
      json_builder_add_int_value (builder, counts.expired);
      json_builder_set_member_name (builder, "revoked");
      json_builder_add_int_value (builder, counts.revoked);
      json_builder_end_object (builder);
      _rosette_cli_print_json_line (builder);
    }
  else if (!cli->quiet)
    g_print (_("%u valid, %u expired, %u revoked\n"), counts.valid, counts.expired, counts.revoked);

  for (guint i = 0; i < rows->len; i++)
    print_record (cli, g_ptr_array_index (rows, i));

  return ROSETTE_CLI_EXIT_OK;
}

/* ---- registry expiring --------------------------------------------------- */

static int
registry_expiring (RosetteCli  *cli,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  int days = 30;
  int limit = 0;
  int status;
  const GOptionEntry entries[] = {
    { "days", 'd', 0, G_OPTION_ARG_INT, &days, N_("The window in days (default 30)"), N_("N") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many rows"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "registry expiring", NULL, _("Valid badges that expire within N days, soonest first."),
    NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "registry expiring", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("registry expiring", rest);
  if (days < 0 || days > 36500)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--days must be between 0 and 36500"));
  if (limit < 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("--limit must not be negative"));

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  rows = rosette_registry_expiring (registry, (guint) days, NULL, (guint) limit, &error);
  if (rows == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  for (guint i = 0; i < rows->len; i++)
    print_record (cli, g_ptr_array_index (rows, i));

  return ROSETTE_CLI_EXIT_OK;
}

/* ---- registry inventory -------------------------------------------------- */

static int
registry_inventory (RosetteCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "registry inventory", NULL, _("The skills inventory: valid holders per department."),
    _("Columns: department, family/tier, holders, people in the department, percent."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "registry inventory", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("registry inventory", rest);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  rows = rosette_registry_inventory (registry, NULL, &error);
  if (rows == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  for (guint i = 0; i < rows->len; i++)
    {
      RosetteInventoryRow *row = g_ptr_array_index (rows, i);

      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          _rosette_cli_json_add_string (builder, "department", row->department);
          _rosette_cli_json_add_string (builder, "family", row->family_slug);
          _rosette_cli_json_add_string (builder, "tier", row->tier_slug);
          json_builder_set_member_name (builder, "holders");
          json_builder_add_int_value (builder, row->holders);
          json_builder_set_member_name (builder, "headcount");
          json_builder_add_int_value (builder, row->headcount);
          json_builder_set_member_name (builder, "percent");
          json_builder_add_double_value (builder, row->percent);
          json_builder_end_object (builder);
          _rosette_cli_print_json_line (builder);
        }
      else
        g_print ("%s\t%s/%s\t%u\t%u\t%.1f\n", *row->department != '\0' ? row->department : "-",
                 row->family_slug, row->tier_slug, row->holders, row->headcount, row->percent);
    }

  return ROSETTE_CLI_EXIT_OK;
}

/* ---- registry export ----------------------------------------------------- */

static int
registry_export (RosetteCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "registry export", NULL, _("Export the registry as CSV or as a printable PDF report."),
    _("The PDF compliance report has the issuer’s name, the date, the totals, the skills "
      "inventory by department and the holders; the CSV has every issued badge."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "registry export", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("registry export", rest);
  if (output == NULL || (g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "pdf") != 0))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“registry export” needs --format csv or pdf, and -o FILE"));

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;

  if (g_strcmp0 (format, "pdf") == 0)
    {
      g_autoptr(RosetteIssuerStore) store = _rosette_cli_issuer_store_new ();
      g_autoptr(RosetteIssuer) issuer = rosette_issuer_store_load_current (store, NULL, NULL);

      if (!rosette_report_pdf_write (registry, issuer != NULL ? rosette_issuer_get_name (issuer)
                                                                : _("Rosette"),
                                     NULL, output, NULL, &error))
        return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GFileOutputStream) stream = NULL;
      RosetteIssuedQuery query = { 0 };

      query.sort = ROSETTE_ISSUED_SORT_ACHIEVEMENT;
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
      if (stream == NULL ||
          !rosette_registry_export_csv (registry, &query, G_OUTPUT_STREAM (stream), NULL, &error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
        return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
    }

  if (!cli->quiet && !cli->json)
    {
      g_autofree char *display = g_filename_display_name (output);

      g_print ("%s\n", display);
    }
  return ROSETTE_CLI_EXIT_OK;
}

static const RosetteCliCommand registry_commands[] = {
  { "list", N_("List issued badges (filters, paging)"), registry_list },
  { "holders", N_("Who holds an achievement: valid, expired, revoked"), registry_holders },
  { "expiring", N_("Badges that expire within N days"), registry_expiring },
  { "inventory", N_("Skills inventory by department"), registry_inventory },
  { "export", N_("Export as CSV or as a PDF compliance report"), registry_export },
  { NULL, NULL, NULL }
};

int
_rosette_cli_registry (RosetteCli  *cli,
                       int          argc,
                       char       **argv)
{
  return _rosette_cli_run_group (cli, "registry", _("Reports from the badge registry."),
                                 registry_commands, argc, argv);
}

/* ---- milestones ---------------------------------------------------------- */

static gboolean
parse_years (const char  *text,
             GArray      *years,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 100, &value, NULL))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("--years takes whole numbers of years from 1 to 100, like 1,5,10"));
          return FALSE;
        }
      g_array_append_val (years, (guint) { value });
    }
  return TRUE;
}

static gboolean
parse_day (const char  *text,
           GDate       *date,
           GError     **error)
{
  g_date_clear (date, 1);
  if (text != NULL && rosette_import_parse_date (text, ROSETTE_DATE_ORDER_AUTO, date))
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("“%s” is not a date; use YYYY-MM-DD"), text != NULL ? text : "");
  return FALSE;
}

/* The tier for @years: the n-th milestone gets the n-th tier (the last
 * tier when the family has fewer). */
static char *
tier_for_years (RosetteFamily *family,
                GArray        *years,
                guint          value)
{
  guint n = rosette_family_get_n_tiers (family);

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == value)
      return g_strdup_printf ("%u", MIN (i + 1, n));
  return g_strdup_printf ("%u", n);
}

static int
issue_milestones (RosetteCli        *cli,
                  RosetteRegistry   *registry,
                  GPtrArray         *rows,
                  GArray            *years,
                  const char        *family_path,
                  const char        *output,
                  RosetteIssueProof  proof,
                  const char        *from,
                  const char        *to)
{
  g_autoptr(RosetteIssuerStore) store = _rosette_cli_issuer_store_new ();
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_id = NULL;
  int status;

  if (family_path == NULL || output == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--issue needs --family (a service badge family) and -o DIR"));

  family = _rosette_cli_load_family (family_path, &status);
  if (family == NULL)
    return status;
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;

  dir = g_file_new_for_commandline_arg (output);
  batch_id = g_strdup_printf ("milestones-%s-%s", from, to);
  batch = rosette_batch_new (registry, issuer, family, NULL, proof, dir, ROSETTE_ISSUE_FORMAT_PNG,
                             batch_id);
  rosette_batch_set_include_names (batch, TRUE);

  for (guint i = 0; i < rows->len; i++)
    {
      RosetteMilestoneRow *row = g_ptr_array_index (rows, i);
      g_autofree char *tier = tier_for_years (family, years, row->years);
      g_autofree char *narrative = NULL;
      RosetteBatchRecipient recipient = { NULL, };

      /* Translators: the personal narrative of a service badge: years,
       * the issuer's name, the person's name. */
      narrative = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Celebrating %u year at %s — thank you, %s!",
                                                "Celebrating %u years at %s — thank you, %s!",
                                                row->years),
                                   row->years, rosette_issuer_get_name (issuer),
                                   row->name != NULL ? row->name : row->email);
      recipient.email = row->email;
      recipient.name = row->name;
      recipient.department = row->department;
      recipient.hire_date = row->hire_date;
      recipient.tier = tier;
      recipient.narrative = narrative;
      if (!rosette_batch_add_recipient (batch, &recipient, &error))
        return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
    }

  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  if (summary == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (summary->warning != NULL)
    _rosette_cli_print_error (_("warning: %s"), summary->warning);
  if (cli->json)
    {
      g_autofree char *json = rosette_batch_summary_to_json (summary);

      g_print ("%s\n", json);
    }
  else if (!cli->quiet)
    g_print (_("%s: %u issued, %u already issued, %u failed\n"), summary->batch_id,
             summary->issued, summary->skipped, summary->failed);

  return summary->failed > 0 ? ROSETTE_CLI_EXIT_NEGATIVE : ROSETTE_CLI_EXIT_OK;
}

int
_rosette_cli_milestones (RosetteCli  *cli,
                         int          argc,
                         char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *years_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *family = NULL;
  g_autofree char *output = NULL;
  g_autofree char *proof_text = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean issue = FALSE;
  /* As issue-batch: Data Integrity is what 1EdTech certification expects. */
  RosetteIssueProof proof = ROSETTE_ISSUE_PROOF_DATA_INTEGRITY;
  GDate from;
  GDate to;
  int status;
  const GOptionEntry entries[] = {
    { "years", 'y', 0, G_OPTION_ARG_STRING, &years_text,
      N_("The milestones (default 1,5,10)"), N_("N,N,…") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the period"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the period"), N_("DATE") },
    { "issue", 0, 0, G_OPTION_ARG_NONE, &issue,
      N_("Issue the service badges (with --family and -o)"), NULL },
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &family,
      N_("The service badge family; the n-th milestone gets the n-th tier"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder for the badges"),
      N_("DIR") },
    { "proof", 'p', 0, G_OPTION_ARG_STRING, &proof_text,
      N_("data-integrity (default), vc-jwt or ob2"), N_("PROOF") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "milestones", NULL, _("Who reaches years of service in a period, from hire dates."),
    _("Lists each person, the years reached and the day. With --issue, issues the service "
      "badges with a personal narrative (resumable like issue-batch).\n\n"
      "Example:\n"
      "  rosette-cli milestones --years 1,5,10 --from 2027-01-01 --to 2027-03-31 \\\n"
      "    --issue --family service.rosette -o badges/"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "milestones", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("milestones", rest);

  if (!parse_years (years_text != NULL ? years_text : "1,5,10", years, &error) ||
      !parse_day (from_text, &from, &error) || !parse_day (to_text, &to, &error) ||
      (proof_text != NULL && !rosette_issue_proof_from_string (proof_text, &proof, &error)))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  if (g_date_compare (&from, &to) > 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("--from is after --to"));

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  rows = rosette_registry_milestones (registry, (const guint *) years->data, years->len, &from,
                                      &to, &error);
  if (rows == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (!issue || !cli->quiet)
    for (guint i = 0; i < rows->len; i++)
      {
        RosetteMilestoneRow *row = g_ptr_array_index (rows, i);

        if (cli->json)
          {
            g_autoptr(JsonBuilder) builder = json_builder_new ();

            json_builder_begin_object (builder);
            _rosette_cli_json_add_string (builder, "email", row->email);
            _rosette_cli_json_add_string (builder, "name", row->name);
            _rosette_cli_json_add_string (builder, "department", row->department);
            _rosette_cli_json_add_string (builder, "hireDate", row->hire_date);
            json_builder_set_member_name (builder, "years");
            json_builder_add_int_value (builder, row->years);
            _rosette_cli_json_add_string (builder, "anniversary", row->anniversary);
            json_builder_end_object (builder);
            _rosette_cli_print_json_line (builder);
          }
        else
          g_print ("%s\t%u\t%s\t%s\t%s\n", row->anniversary, row->years, row->email,
                   row->name != NULL ? row->name : "-",
                   row->department != NULL ? row->department : "-");
      }

  if (issue)
    {
      g_autofree char *from_iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&from),
                                                   g_date_get_month (&from), g_date_get_day (&from));
      g_autofree char *to_iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&to),
                                                 g_date_get_month (&to), g_date_get_day (&to));

      return issue_milestones (cli, registry, rows, years, family, output, proof, from_iso,
                               to_iso);
    }

  return ROSETTE_CLI_EXIT_OK;
}
