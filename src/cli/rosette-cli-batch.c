/* rosette-cli-batch.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli issue-batch`: one family to everyone in an HRIS export.
 * The CSV is read and checked first (bad rows are shown and nothing is
 * signed unless --skip-invalid); then the core's RosetteBatch issues,
 * idempotently: running the same command again issues only what is
 * missing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "rosette-cli-private.h"

/* Bad rows shown before stopping. */
#define MAX_PREVIEW 20

typedef struct
{
  char     *family;
  char     *tier;
  char     *csv;
  char     *output;
  GStrv     maps;
  char     *proof;
  char     *format;
  char     *date_format;
  char     *batch;
  char     *valid_until;
  gboolean  include_names;
  gboolean  skip_invalid;
  GStrv     rest;
} BatchOptions;

static void
batch_options_clear (BatchOptions *options)
{
  g_clear_pointer (&options->family, g_free);
  g_clear_pointer (&options->tier, g_free);
  g_clear_pointer (&options->csv, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->maps, g_strfreev);
  g_clear_pointer (&options->proof, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->date_format, g_free);
  g_clear_pointer (&options->batch, g_free);
  g_clear_pointer (&options->valid_until, g_free);
  g_clear_pointer (&options->rest, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BatchOptions, batch_options_clear)

/* The registry of --registry, or the default one. */
RosetteRegistry *
_rosette_cli_open_registry (RosetteCli *cli,
                            int        *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cli->registry != NULL ? g_strdup (cli->registry)
                                                : rosette_registry_dup_default_path ();
  RosetteRegistry *registry = rosette_registry_open (path, NULL, &error);

  if (registry == NULL)
    *exit_code = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_UNAVAILABLE, NULL, error);
  return registry;
}

static void
print_progress (guint    done,
                guint    total,
                double   rate,
                double   eta,
                gpointer user_data)
{
  fputc ('\r', stderr);
  if (eta >= 0)
    /* Translators: progress on a terminal: done/total, rows per second, seconds left. */
    fprintf (stderr, _("Issued %u of %u (%.0f/s, %.0f s left)   "), done, total, rate, eta);
  else
    fprintf (stderr, _("Issued %u of %u   "), done, total);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

static void
print_invalid_rows (RosetteCsvImport *import)
{
  GPtrArray *rows = rosette_csv_import_get_rows (import);
  guint shown = 0;
  guint n_invalid = rosette_csv_import_get_n_invalid (import);

  for (guint i = 0; i < rows->len && shown < MAX_PREVIEW; i++)
    {
      RosetteImportRow *row = g_ptr_array_index (rows, i);

      if (rosette_import_row_is_valid (row))
        continue;
      for (guint j = 0; j < row->issues->len; j++)
        {
          RosetteImportIssue *issue = g_ptr_array_index (row->issues, j);

          /* Translators: one bad row of a CSV file: line number, then what is wrong. */
          _rosette_cli_print_error (_("line %u: %s"), row->line, issue->message);
        }
      shown++;
    }
  if (n_invalid > shown)
    _rosette_cli_print_error (_("… and %u more rows with problems"), n_invalid - shown);
}

static RosetteCsvImport *
load_csv (BatchOptions   *options,
          RosetteFamily  *family,
          int            *status)
{
  g_autoptr(RosetteCsvImport) import = rosette_csv_import_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->csv);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GPtrArray) tiers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  *status = ROSETTE_CLI_EXIT_USAGE;

  for (guint i = 0; i < rosette_family_get_n_tiers (family); i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);

      g_ptr_array_add (tiers, g_strdup (rosette_tier_get_name (tier)));
      g_ptr_array_add (tiers, rosette_tier_dup_slug (tier));
      g_ptr_array_add (tiers, g_strdup_printf ("%u", i + 1));
    }
  g_ptr_array_add (tiers, NULL);
  rosette_csv_import_set_known_tiers (import, (const char * const *) tiers->pdata);

  if (options->date_format != NULL)
    {
      RosetteDateOrder order;

      if (!rosette_date_order_from_string (options->date_format, &order, &error))
        goto failed;
      rosette_csv_import_set_date_order (import, order);
    }

  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    if (!rosette_csv_import_add_mapping (import, options->maps[i], &error))
      goto failed;

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL ||
      !rosette_csv_import_load (import, G_INPUT_STREAM (stream), NULL, &error) ||
      !rosette_csv_import_validate (import, &error))
    goto failed;

  *status = ROSETTE_CLI_EXIT_OK;
  return g_steal_pointer (&import);

failed:
  *status = _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  return NULL;
}

static void
print_summary (RosetteCli          *cli,
               RosetteBatchSummary *summary,
               const char          *output)
{
  if (summary->warning != NULL)
    _rosette_cli_print_error (_("warning: %s"), summary->warning);

  for (guint i = 0; i < summary->failures->len; i++)
    {
      RosetteBatchFailure *failure = g_ptr_array_index (summary->failures, i);

      if (failure->line > 0)
        _rosette_cli_print_error (_("line %u (%s): %s"), failure->line, failure->email,
                                  failure->message);
      else
        _rosette_cli_print_error ("%s: %s", failure->email, failure->message);
    }

  if (cli->json)
    {
      g_autofree char *json = rosette_batch_summary_to_json (summary);

      g_print ("%s\n", json);
    }
  else if (!cli->quiet)
    {
      g_autofree char *display = g_filename_display_name (output);

      /* Translators: the summary line of issue-batch. */
      g_print (_("%s: %u issued, %u already issued, %u failed, %u invalid rows skipped "
                 "(%u rows, %.1f s) in %s%s\n"),
               summary->batch_id, summary->issued, summary->skipped, summary->failed,
               summary->invalid, summary->total, summary->seconds, display,
               summary->cancelled ? _(" — cancelled; run the same command again to finish")
                                  : "");
    }
}

int
_rosette_cli_issue_batch (RosetteCli  *cli,
                          int          argc,
                          char       **argv)
{
  g_auto(BatchOptions) options = { NULL, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteCsvImport) import = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autoptr(GError) error = NULL;
  RosetteIssueProof proof = ROSETTE_ISSUE_PROOF_DATA_INTEGRITY;
  RosetteIssueFormat format = ROSETTE_ISSUE_FORMAT_PNG;
  int status;
  const GOptionEntry entries[] = {
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &options.family,
      N_("The badge family (.rosette file)"), N_("FILE") },
    { "tier", 't', 0, G_OPTION_ARG_STRING, &options.tier,
      N_("The tier for every row (else each row’s tier column)"), N_("TIER") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &options.csv,
      N_("The HRIS export (CSV, semicolon or tab separated)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The folder to write the badges to"), N_("DIR") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &options.maps,
      N_("Read a column as a field (email, name, first-name, last-name, employee-id, "
         "department, manager, hire-date, narrative, evidence, tier, valid-until, ignore)"),
      N_("COLUMN=FIELD") },
    { "proof", 'p', 0, G_OPTION_ARG_STRING, &options.proof,
      N_("data-integrity (default), vc-jwt or ob2"), N_("PROOF") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("png (default) or svg"), N_("FORMAT") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &options.date_format,
      N_("How to read dates like 03/04/2024: d/m/Y or m/d/Y"), N_("ORDER") },
    { "batch", 0, 0, G_OPTION_ARG_STRING, &options.batch,
      N_("The batch id (default: family, tier and today’s date)"), N_("ID") },
    { "valid-until", 0, 0, G_OPTION_ARG_STRING, &options.valid_until,
      N_("Expiry for rows without their own"), N_("DATE") },
    { "include-names", 0, 0, G_OPTION_ARG_NONE, &options.include_names,
      N_("Put the recipients’ names in the badges"), NULL },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &options.skip_invalid,
      N_("Issue the valid rows and skip the rows with problems"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "issue-batch", NULL,
    _("Issue a badge to everyone in a CSV export."),
    _("Columns are recognised from Workday and BambooHR headers; --map overrides them. "
      "Rows with problems (bad address, duplicate, missing name, unknown tier, bad date) "
      "are listed and nothing is issued unless --skip-invalid. The batch is resumable: "
      "after a crash or Ctrl+C, the same command issues only what is missing.\n\n"
      "Example:\n"
      "  rosette-cli issue-batch --family privacy.rosette --tier Expert \\\n"
      "    --csv people.csv --map \"Work Email=email\" -o badges/"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issue-batch", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (options.rest != NULL && options.rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("issue-batch", options.rest);
  if (options.family == NULL || options.csv == NULL || options.output == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“issue-batch” needs --family, --csv and -o. "
                                "Run “rosette-cli issue-batch --help” to see the usage."));

  if ((options.proof != NULL && !rosette_issue_proof_from_string (options.proof, &proof, &error)) ||
      (options.format != NULL && !rosette_issue_format_from_string (options.format, &format, &error)))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  if (options.valid_until != NULL)
    {
      valid_until = rosette_issue_parse_date (options.valid_until, TRUE, &error);
      if (valid_until == NULL)
        return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
    }

  family = _rosette_cli_load_family (options.family, &status);
  if (family == NULL)
    return status;

  import = load_csv (&options, family, &status);
  if (import == NULL)
    return status;

  if (rosette_csv_import_get_n_invalid (import) > 0)
    {
      print_invalid_rows (import);
      if (!options.skip_invalid)
        return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u row has problems; nothing was issued. Fix it "
                                               "or pass --skip-invalid",
                                               "%u rows have problems; nothing was issued. Fix "
                                               "them or pass --skip-invalid",
                                               rosette_csv_import_get_n_invalid (import)),
                                  rosette_csv_import_get_n_invalid (import));
    }

  store = _rosette_cli_issuer_store_new ();
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;

  output = g_file_new_for_commandline_arg (options.output);
  batch = rosette_batch_new (registry, issuer, family, options.tier, proof, output, format,
                             options.batch);
  rosette_batch_set_include_names (batch, options.include_names);
  rosette_batch_set_valid_until (batch, valid_until);
  if (!rosette_batch_add_import (batch, import, options.skip_invalid, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  summary = rosette_batch_run_sync (batch,
                                    !cli->quiet && !cli->json && isatty (STDERR_FILENO)
                                    ? print_progress : NULL,
                                    NULL, NULL, &error);
  if (summary == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  {
    g_autofree char *path = g_file_get_path (output);

    print_summary (cli, summary, path);
  }

  return summary->failed > 0 ? ROSETTE_CLI_EXIT_NEGATIVE : ROSETTE_CLI_EXIT_OK;
}
