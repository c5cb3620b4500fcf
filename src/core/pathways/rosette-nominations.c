/* rosette-nominations.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Peer recognition: colleagues nominate each other for the few
 * achievements the issuer marked as peer-nominable (each tied to a
 * company value); a manager approves or rejects with a comment; approved
 * nominations are issued through the normal batch path with the reason as
 * the badge's narrative. Limits ("at most 3 nominations per nominator per
 * quarter") count nominations in the calendar period of the nomination,
 * leaving out rejected ones, and refuse with a message that says when the
 * next one is possible.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include <string.h>

#include "rosette-csv-reader.h"
#include "rosette-issuing.h"
#include "rosette-nominations.h"
#include "rosette-recipient.h"
#include "rosette-utils.h"

/**
 * rosette_nominations_set_nominable:
 * @family: the achievement's family
 * @tier: the tier (name, slug or number)
 * @company_value: the value it stands for ("Customer first")
 * @family_file: (nullable): the family's .rosette file, to issue from
 *
 * Marks an achievement as peer-nominable.
 *
 * Returns: %TRUE if saved
 */
gboolean
rosette_nominations_set_nominable (RosetteRegistry  *registry,
                                   RosetteFamily    *family,
                                   const char       *tier,
                                   const char       *company_value,
                                   const char       *family_file,
                                   GError          **error)
{
  g_autofree char *family_slug = NULL;
  g_autofree char *tier_slug = NULL;
  g_autofree char *value = g_strstrip (g_strdup (company_value != NULL ? company_value : ""));
  RosetteNominable row = { 0, };
  RosetteTier *found;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), FALSE);

  found = rosette_family_find_tier (family, tier != NULL ? tier : "");
  if (found == NULL && tier != NULL && g_ascii_isdigit (*tier))
    found = rosette_family_get_tier (family, (guint) g_ascii_strtoull (tier, NULL, 10) - 1);
  if (found == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("The family “%s” has no tier “%s”"), rosette_family_get_name (family),
                   tier != NULL ? tier : "");
      return FALSE;
    }
  if (*value == '\0')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("A peer-nominable badge needs the company value it stands for"));
      return FALSE;
    }

  family_slug = rosette_family_dup_slug (family);
  tier_slug = rosette_tier_dup_slug (found);
  row.family_slug = family_slug;
  row.tier_slug = tier_slug;
  row.family_name = (char *) rosette_family_get_name (family);
  row.tier_name = (char *) rosette_tier_get_name (found);
  row.company_value = value;
  row.family_file = (char *) family_file;
  return rosette_registry_save_nominable (registry, &row, error) != 0;
}

static gboolean
parse_period (const char *period)
{
  return g_strcmp0 (period, "month") == 0 || g_strcmp0 (period, "quarter") == 0 ||
         g_strcmp0 (period, "year") == 0;
}

/**
 * rosette_nominations_set_limit:
 * @per_nominee: limit nominations received rather than given
 * @period: "month", "quarter" or "year"
 * @max_count: at most this many per person and period; 0 removes it
 *
 * Returns: %TRUE if saved
 */
gboolean
rosette_nominations_set_limit (RosetteRegistry  *registry,
                               gboolean          per_nominee,
                               const char       *period,
                               guint             max_count,
                               GError          **error)
{
  RosetteNominationLimit limit = { per_nominee, (char *) period, max_count };

  if (!parse_period (period))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Unknown period “%s”; use month, quarter or year"), period);
      return FALSE;
    }
  return rosette_registry_set_nomination_limit (registry, &limit, error);
}

/* The calendar period (UTC) that holds @at: [*out_from, *out_to). */
static void
period_bounds (const char *period,
               GDateTime  *at,
               GDateTime **out_from,
               GDateTime **out_to)
{
  int year = g_date_time_get_year (at);
  int month = g_date_time_get_month (at);
  int first = 1;
  int length = 12;

  if (g_strcmp0 (period, "month") == 0)
    {
      first = month;
      length = 1;
    }
  else if (g_strcmp0 (period, "quarter") == 0)
    {
      first = (month - 1) / 3 * 3 + 1;
      length = 3;
    }
  *out_from = g_date_time_new_utc (year, first, 1, 0, 0, 0);
  *out_to = g_date_time_add_months (*out_from, length);
}

static char *
dup_period_name (const char *period,
                 GDateTime  *from)
{
  if (g_strcmp0 (period, "month") == 0)
    return g_date_time_format (from, "%Y-%m");
  if (g_strcmp0 (period, "quarter") == 0)
    return g_strdup_printf ("Q%d %d", (g_date_time_get_month (from) - 1) / 3 + 1,
                            g_date_time_get_year (from));
  return g_date_time_format (from, "%Y");
}

static gboolean
check_limits (RosetteRegistry               *registry,
              const char                    *nominee,
              const char                    *nominator,
              GDateTime                     *at,
              GError                       **error)
{
  g_autoptr(GPtrArray) limits = rosette_registry_list_nomination_limits (registry, error);

  if (limits == NULL)
    return FALSE;
  for (guint i = 0; i < limits->len; i++)
    {
      RosetteNominationLimit *limit = g_ptr_array_index (limits, i);
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      g_autofree char *name = NULL;
      g_autofree char *next = NULL;
      guint count = 0;
      const char *who = limit->per_nominee ? nominee : nominator;

      period_bounds (limit->period, at, &from, &to);
      if (!rosette_registry_count_nominations (registry, limit->per_nominee, who,
                                               g_date_time_to_unix (from),
                                               g_date_time_to_unix (to), &count, error))
        return FALSE;
      if (count < limit->max_count)
        continue;

      name = dup_period_name (limit->period, from);
      next = g_date_time_format (to, "%Y-%m-%d");
      if (limit->per_nominee)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                     /* Translators: who, count, period ("Q1 2027"), limit, period
                      * kind ("quarter"), date of the next period. */
                     _("%s has already been nominated %u times in %s; the limit is %u per "
                       "person per %s. Nominate them again from %s"),
                     who, count, name, limit->max_count, limit->period, next);
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                     _("%s has already made %u nominations in %s; the limit is %u per "
                       "nominator per %s. The next nomination can be made from %s"),
                     who, count, name, limit->max_count, limit->period, next);
      return FALSE;
    }
  return TRUE;
}

static RosetteNominable *
find_nominable (RosetteRegistry  *registry,
                const char       *value,
                GError          **error)
{
  g_autoptr(GPtrArray) all = rosette_registry_list_nominable (registry, error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      RosetteNominable *nominable = g_ptr_array_index (all, i);

      if (value != NULL && g_utf8_collate (nominable->company_value, value) == 0)
        return g_ptr_array_steal_index (all, i);
      if (value != NULL && g_ascii_strcasecmp (nominable->company_value, value) == 0)
        return g_ptr_array_steal_index (all, i);
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "",
                              nominable->company_value);
    }

  if (all->len == 0)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("No badge is open to peer nomination yet; mark one with "
                   "“rosette-cli nominate value”"));
  else
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("“%s” is not a value colleagues can be nominated for; the values are %s"),
                 value != NULL ? value : "", names->str);
  return NULL;
}

static char *
normalize_email (const char *email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email != NULL ? email : ""));

  return g_utf8_strdown (trimmed, -1);
}

/**
 * rosette_nominations_submit:
 * @input: the nomination
 * @source: "app" or "csv"
 * @import_key: (nullable): identifies the CSV row
 *
 * Checks a nomination (addresses, not oneself, a known value, a reason,
 * the limits) and queues it for approval.
 *
 * Returns: the new nomination's id, or 0 with an error that says what to
 *   change (%ROSETTE_ERROR_CONFLICT for a limit)
 */
gint64
rosette_nominations_submit (RosetteRegistry               *registry,
                            const RosetteNominationInput  *input,
                            const char                    *source,
                            const char                    *import_key,
                            GError                       **error)
{
  g_autofree char *nominee = normalize_email (input->nominee_email);
  g_autofree char *nominator = normalize_email (input->nominator_email);
  g_autofree char *reason = g_strstrip (g_strdup (input->reason != NULL ? input->reason : ""));
  g_autoptr(RosetteNominable) nominable = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *at = input->submitted_at != NULL ? input->submitted_at : now;
  RosetteNomination row = { 0, };

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), 0);

  if (!rosette_email_check (nominee, error) || !rosette_email_check (nominator, error))
    return 0;
  if (g_strcmp0 (nominee, nominator) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("%s cannot nominate themselves; ask a colleague to"), nominee);
      return 0;
    }
  if (*reason == '\0')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("A nomination needs a reason: a few sentences on what %s did"), nominee);
      return 0;
    }
  if (g_utf8_strlen (reason, -1) > ROSETTE_NOMINATION_MAX_REASON)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The reason is longer than %u characters; shorten it"),
                   ROSETTE_NOMINATION_MAX_REASON);
      return 0;
    }
  nominable = find_nominable (registry, input->company_value, error);
  if (nominable == NULL || !check_limits (registry, nominee, nominator, at, error))
    return 0;

  row.nominee_email = nominee;
  row.nominee_name = (char *) input->nominee_name;
  row.nominator_email = nominator;
  row.nominator_name = (char *) input->nominator_name;
  row.nominable_id = nominable->id;
  row.reason = reason;
  row.source = (char *) (source != NULL ? source : "app");
  row.import_key = (char *) import_key;
  row.submitted_at = g_date_time_to_unix (at);
  return rosette_registry_add_nomination (registry, &row, error);
}

/* CSV import --------------------------------------------------------------- */

typedef enum
{
  COLUMN_NOMINEE_EMAIL,
  COLUMN_NOMINEE_NAME,
  COLUMN_NOMINATOR_EMAIL,
  COLUMN_NOMINATOR_NAME,
  COLUMN_VALUE,
  COLUMN_REASON,
  COLUMN_TIMESTAMP,
  N_COLUMNS
} Column;

/* Header names from form tools (Google Forms calls the respondent's
 * address "Email Address"), compared lower case with punctuation as
 * spaces. */
static const struct
{
  Column      column;
  const char *header;
} headers[] = {
  { COLUMN_NOMINEE_EMAIL, "nominee email" },
  { COLUMN_NOMINEE_EMAIL, "nominee email address" },
  { COLUMN_NOMINEE_EMAIL, "nominee" },
  { COLUMN_NOMINEE_NAME, "nominee name" },
  { COLUMN_NOMINATOR_EMAIL, "nominator email" },
  { COLUMN_NOMINATOR_EMAIL, "nominator" },
  { COLUMN_NOMINATOR_EMAIL, "email address" },
  { COLUMN_NOMINATOR_EMAIL, "your email" },
  { COLUMN_NOMINATOR_NAME, "nominator name" },
  { COLUMN_NOMINATOR_NAME, "your name" },
  { COLUMN_VALUE, "value" },
  { COLUMN_VALUE, "company value" },
  { COLUMN_REASON, "reason" },
  { COLUMN_REASON, "why" },
  { COLUMN_TIMESTAMP, "timestamp" },
  { COLUMN_TIMESTAMP, "submitted" },
  { COLUMN_TIMESTAMP, "date" },
};

static char *
normalize_header (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && (guchar) *p < 0x80)
      *p = ' ';
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

static gboolean
map_columns (char   **header,
             int     *columns,
             GError **error)
{
  static const Column required[] = {
    COLUMN_NOMINEE_EMAIL, COLUMN_NOMINATOR_EMAIL, COLUMN_VALUE, COLUMN_REASON,
  };

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = normalize_header (header[i]);

      for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
        if (g_strcmp0 (name, headers[h].header) == 0 && columns[headers[h].column] < 0)
          columns[headers[h].column] = (int) i;
    }
  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (columns[required[r]] < 0)
      {
        static const char * const hints[] = {
          [COLUMN_NOMINEE_EMAIL] = "Nominee email",
          [COLUMN_NOMINATOR_EMAIL] = "Nominator email",
          [COLUMN_VALUE] = "Value",
          [COLUMN_REASON] = "Reason",
        };

        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                     _("The CSV has no “%s” column; the header needs Nominee email, "
                       "Nominator email, Value and Reason (Nominee name, Nominator name "
                       "and Timestamp are optional)"), hints[required[r]]);
        return FALSE;
      }
  return TRUE;
}

static const char *
field (char      **row,
       guint       n_fields,
       const int  *columns,
       Column      column)
{
  int index = columns[column];

  if (index < 0 || (guint) index >= n_fields || row[index][0] == '\0')
    return NULL;
  return row[index];
}

/* The same CSV row imported twice is one nomination. */
static char *
dup_import_key (char **row)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; row[i] != NULL; i++)
    g_checksum_update (checksum, (const guchar *) row[i], strlen (row[i]) + 1);
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
import_row (RosetteRegistry                *registry,
            char                          **row,
            const int                      *columns,
            RosetteNominationImportResult  *result,
            GError                        **error)
{
  guint n = g_strv_length (row);
  g_autofree char *key = dup_import_key (row);
  g_autoptr(GDateTime) at = NULL;
  const char *timestamp = field (row, n, columns, COLUMN_TIMESTAMP);
  RosetteNominationInput input = {
    .nominee_email = field (row, n, columns, COLUMN_NOMINEE_EMAIL),
    .nominee_name = field (row, n, columns, COLUMN_NOMINEE_NAME),
    .nominator_email = field (row, n, columns, COLUMN_NOMINATOR_EMAIL),
    .nominator_name = field (row, n, columns, COLUMN_NOMINATOR_NAME),
    .company_value = field (row, n, columns, COLUMN_VALUE),
    .reason = field (row, n, columns, COLUMN_REASON),
  };
  gboolean found = FALSE;

  if (!rosette_registry_has_import_key (registry, key, &found, error))
    return FALSE;
  if (found)
    {
      result->already++;
      return TRUE;
    }
  if (timestamp != NULL)
    {
      g_autofree char *iso = g_strdup (timestamp);

      /* "2027-01-15 09:30:00", as spreadsheets write it, is ISO with a space. */
      if (strlen (iso) > 10 && iso[10] == ' ')
        iso[10] = 'T';
      at = rosette_issue_parse_date (iso, FALSE, error);
      if (at == NULL)
        return FALSE;
      input.submitted_at = at;
    }
  if (rosette_nominations_submit (registry, &input, "csv", key, error) == 0)
    return FALSE;
  result->added++;
  return TRUE;
}

/**
 * rosette_nominations_import_csv:
 * @stream: the CSV (UTF-8, comma, semicolon or tab separated, header row)
 *
 * Adds every row that passes rosette_nominations_submit()'s checks, in
 * file order (so limits apply in the order people nominated); refused
 * rows are listed in the result, not an error. Rows imported before are
 * skipped.
 *
 * Returns: (transfer full): the result, or %NULL with an error for an
 *   unreadable file or a header without the needed columns
 */
RosetteNominationImportResult *
rosette_nominations_import_csv (RosetteRegistry  *registry,
                                GInputStream     *stream,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autoptr(RosetteCsvReader) reader = rosette_csv_reader_new (stream);
  g_autoptr(RosetteNominationImportResult) result = g_new0 (RosetteNominationImportResult, 1);
  g_auto(GStrv) header = NULL;
  int columns[N_COLUMNS];

  result->refused = g_ptr_array_new_with_free_func (g_free);
  header = rosette_csv_reader_read_row (reader, cancellable, error);
  if (header == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE, _("The CSV file is empty"));
      return NULL;
    }
  if (!map_columns (header, columns, error))
    return NULL;

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      g_auto(GStrv) row = rosette_csv_reader_read_row (reader, cancellable, &row_error);
      guint line = rosette_csv_reader_get_line (reader);

      if (row == NULL && row_error == NULL)
        break;
      if (row == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return NULL;
        }
      if (import_row (registry, row, columns, result, &row_error))
        continue;
      if (g_error_matches (row_error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return NULL;
        }
      /* Translators: a refused row of a nominations CSV. */
      g_ptr_array_add (result->refused, g_strdup_printf (_("line %u: %s"), line,
                                                         row_error->message));
    }
  return g_steal_pointer (&result);
}

void
rosette_nomination_import_result_free (RosetteNominationImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->refused, g_ptr_array_unref);
  g_free (result);
}

/* Approval ----------------------------------------------------------------- */

/**
 * rosette_nominations_decide:
 * @id: the nomination
 * @approve: approve, or reject
 * @approver: the manager's address or name
 * @comment: why (kept with the decision)
 * @now: (nullable): when; %NULL for now
 *
 * Records a manager's decision. The approver must not be the nominee or
 * the nominator, and a decision needs a comment.
 *
 * Returns: %TRUE if recorded
 */
gboolean
rosette_nominations_decide (RosetteRegistry  *registry,
                            gint64            id,
                            gboolean          approve,
                            const char       *approver,
                            const char       *comment,
                            GDateTime        *now,
                            GError          **error)
{
  g_autofree char *who = normalize_email (approver);
  g_autofree char *why = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  g_autoptr(RosetteNomination) nomination = NULL;

  if (*who == '\0')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Say who decides: a nomination needs its approver"));
      return FALSE;
    }
  if (*why == '\0')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Add a comment: it is kept with the decision"));
      return FALSE;
    }
  nomination = rosette_registry_get_nomination (registry, id, error);
  if (nomination == NULL)
    return FALSE;
  if (g_strcmp0 (who, nomination->nominee_email) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("%s cannot decide on their own nomination; ask another manager"), who);
      return FALSE;
    }
  if (g_strcmp0 (who, nomination->nominator_email) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("%s made this nomination and cannot also approve it; ask another manager"),
                   who);
      return FALSE;
    }
  return rosette_registry_decide_nomination (registry, id,
                                             approve ? ROSETTE_NOMINATION_APPROVED
                                                     : ROSETTE_NOMINATION_REJECTED,
                                             who, why,
                                             now != NULL ? g_date_time_to_unix (now)
                                                         : g_get_real_time () / G_USEC_PER_SEC,
                                             error);
}

/**
 * rosette_nomination_dup_narrative:
 *
 * Returns: (transfer full): the badge narrative (Markdown): the value,
 *   who nominated and their reason
 */
char *
rosette_nomination_dup_narrative (const RosetteNomination *nomination)
{
  const char *by = nomination->nominator_name != NULL ? nomination->nominator_name
                                                      : nomination->nominator_email;

  /* Translators: Markdown; the company value, the nominator, the reason. */
  return g_strdup_printf (_("**%s.** Nominated by %s: %s"), nomination->company_value, by,
                          nomination->reason);
}

static void
add_summary (RosetteBatchSummary       *total,
             const RosetteBatchSummary *part)
{
  total->total += part->total;
  total->issued += part->issued;
  total->skipped += part->skipped;
  total->failed += part->failed;
  if (total->warning == NULL && part->warning != NULL)
    total->warning = g_strdup (part->warning);
  for (guint i = 0; i < part->failures->len; i++)
    {
      const RosetteBatchFailure *failure = g_ptr_array_index (part->failures, i);
      RosetteBatchFailure *copy = g_new0 (RosetteBatchFailure, 1);

      copy->row = total->total - part->total + failure->row;
      copy->email = g_strdup (failure->email);
      copy->message = g_strdup (failure->message);
      g_ptr_array_add (total->failures, copy);
    }
}

static void
failure_free (RosetteBatchFailure *failure)
{
  g_free (failure->email);
  g_free (failure->message);
  g_free (failure);
}

static gboolean
issue_one (const RosetteAwardContext  *context,
           RosetteNomination          *nomination,
           RosetteBatchSummary        *total,
           GCancellable               *cancellable,
           GError                    **error)
{
  g_autofree char *batch_id = g_strdup_printf ("nomination-%" G_GINT64_FORMAT, nomination->id);
  g_autofree char *narrative = rosette_nomination_dup_narrative (nomination);
  g_autofree char *credential_id = NULL;
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  RosetteBatchRecipient recipient = {
    .email = nomination->nominee_email,
    .name = nomination->nominee_name,
    .narrative = narrative,
  };

  batch = rosette_award_batch_new (context, nomination->family_slug, nomination->tier_slug,
                                   batch_id, error);
  if (batch == NULL || !rosette_batch_add_recipient (batch, &recipient, error))
    return FALSE;
  summary = rosette_batch_run_sync (batch, NULL, NULL, cancellable, error);
  if (summary == NULL)
    return FALSE;
  add_summary (total, summary);

  credential_id = rosette_award_find_credential (context, nomination->nominee_email,
                                                 nomination->tier_slug, batch_id, error);
  if (credential_id == NULL)
    return summary->failed > 0 || (error == NULL || *error == NULL);
  return rosette_registry_nomination_issued (context->registry, nomination->id, credential_id,
                                             error);
}

/**
 * rosette_nominations_issue_sync:
 * @context: where and how to issue; only nominations for achievements of
 *   its family are issued
 * @only_id: one nomination, or 0 for every approved one
 * @cancellable: (nullable): stops between badges
 *
 * Issues approved nominations through #RosetteBatch (batch id
 * "nomination-<id>": a re-run issues nothing twice), with the reason as
 * the narrative, and marks them issued.
 *
 * Returns: (transfer full): the totals of every batch, or %NULL with an
 *   error that stopped the run
 */
RosetteBatchSummary *
rosette_nominations_issue_sync (const RosetteAwardContext  *context,
                                gint64                      only_id,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  g_autoptr(GPtrArray) approved = NULL;
  g_autoptr(RosetteBatchSummary) total = g_new0 (RosetteBatchSummary, 1);
  g_autofree char *family_slug = rosette_family_dup_slug (context->family);

  total->batch_id = g_strdup ("nominations");
  total->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  approved = rosette_registry_list_nominations (context->registry, ROSETTE_NOMINATION_APPROVED,
                                                error);
  if (approved == NULL)
    return NULL;

  for (guint i = 0; i < approved->len; i++)
    {
      RosetteNomination *nomination = g_ptr_array_index (approved, i);

      if ((only_id != 0 && nomination->id != only_id) ||
          g_strcmp0 (nomination->family_slug, family_slug) != 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !issue_one (context, nomination, total, cancellable, error))
        return NULL;
    }
  return g_steal_pointer (&total);
}

static void
issue_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RosetteAwardContext *context = task_data;
  gint64 only_id = *(gint64 *) g_object_get_data (G_OBJECT (task), "only-id");
  GError *error = NULL;
  RosetteBatchSummary *summary;

  summary = rosette_nominations_issue_sync (context, only_id, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) rosette_batch_summary_free);
}

/**
 * rosette_nominations_issue_async:
 *
 * rosette_nominations_issue_sync() in a worker thread; the context is
 * copied.
 */
void
rosette_nominations_issue_async (const RosetteAwardContext  *context,
                                 gint64                      only_id,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rosette_nominations_issue_async);
  g_object_set_data_full (G_OBJECT (task), "only-id", g_memdup2 (&only_id, sizeof only_id),
                          g_free);
  g_task_set_task_data (task, rosette_award_context_copy (context),
                        (GDestroyNotify) rosette_award_context_free);
  g_task_run_in_thread (task, issue_thread);
}

/**
 * rosette_nominations_issue_finish:
 *
 * Returns: (transfer full): the totals, or %NULL with an error
 */
RosetteBatchSummary *
rosette_nominations_issue_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
