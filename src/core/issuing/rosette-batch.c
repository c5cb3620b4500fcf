/* rosette-batch.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Issuing one family to many people, for `rosette-cli issue-batch` and the
 * bulk assistant.
 *
 * Threads: the thread that runs the batch owns the registry (one SQLite
 * connection, transactions of ROSETTE_BATCH_ROWS_PER_COMMIT rows); a
 * GThreadPool with one worker per core builds, signs, splices and writes.
 * Each worker takes a private copy of the signing key from a queue.
 *
 * Crash safety comes from the order of the steps of each row:
 *
 *   1. reserve_issuance (issuance key = recipient + achievement + batch):
 *      an issued row is skipped; a pending or failed one is issued again
 *      with the credential id and status index it already has;
 *   2. the worker writes ".<name>.rosette-part" in the output folder and
 *      renames it over "<name>" (the name is derived from the issuance
 *      key, so a re-run writes the same file);
 *   3. only then record_issued.
 *
 * A kill at any point leaves pending rows and perhaps a part file, which
 * the next run deletes; never a row recorded as issued without its
 * complete file, and never a second file for a row.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rosette-batch.h"
#include "rosette-error.h"
#include "rosette-issuer-keys.h"
#include "rosette-issuing-private.h"
#include "rosette-key-documents.h"
#include "rosette-recipient.h"
#include "rosette-registry-private.h"
#include "rosette-status-publish.h"
#include "rosette-utils.h"

#define PART_SUFFIX ".rosette-part"
/* Rows reserved ahead of the workers: enough to keep both cores busy,
 * few enough that memory stays flat whatever the batch size. */
#define MAX_IN_FLIGHT 256
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)
/* The registry thread's nap when no job is finished: a few badges' time. */
#define WRITER_NAP_US 250

typedef struct
{
  guint      line;
  char      *email;
  char      *name;
  char      *employee_id;
  char      *department;
  char      *manager;
  char      *hire_date;
  char      *narrative;
  char      *evidence_url;
  GPtrArray *evidence;
  GDateTime *valid_until;
  RosetteTier *tier;
} BatchRow;

/* Per tier: the prepared artwork and the registry's achievement. */
typedef struct
{
  RosetteIssuePrepared *prepared;
  char                 *tier_slug;
  gint64                achievement_id;
} TierState;

typedef struct
{
  BatchRow  *row;
  guint      index;
  TierState *tier;
  char      *credential_id;
  char      *status_list;
  guint      status_index;
  char      *path;
  char      *signed_text;
  char      *warning;
  GError    *error;
} Job;

struct _RosetteBatch
{
  GObject             parent_instance;

  RosetteRegistry    *registry;
  RosetteIssuer      *issuer;
  RosetteFamily      *family;
  RosetteTier        *tier;
  RosetteIssueProof   proof;
  GFile              *output_dir;
  RosetteIssueFormat  format;
  char               *batch_id;
  GDateTime          *valid_from;
  GDateTime          *valid_until;
  gboolean            include_names;
  char               *publish_base;
  gboolean            publish_base_set;
  char               *file_name;
  guint               n_workers;
  RosetteKey         *key;
  RosetteKeyRecord   *record;
  gboolean            keep_signed;

  GPtrArray          *rows;
  GHashTable         *seen;
  guint               invalid;
  gboolean            running;

  /* While running */
  char               *dir_path;
  GAsyncQueue        *keys;
  GAsyncQueue        *done;
  GMainContext       *progress_context;
  GMutex              progress_lock;
  guint               progress_done;
  double              progress_rate;
  double              progress_eta;
  gboolean            progress_pending;

  /* What the one row of a batch with keep_signed signed */
  char               *kept_id;
  char               *kept_signed;
  char               *kept_warning;
  GError             *kept_error;
};

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RosetteBatch, rosette_batch, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RosetteBatchSummary, rosette_batch_summary,
                     rosette_batch_summary_copy, rosette_batch_summary_free)

static void
batch_row_free (BatchRow *row)
{
  g_free (row->email);
  g_free (row->name);
  g_free (row->employee_id);
  g_free (row->department);
  g_free (row->manager);
  g_free (row->hire_date);
  g_free (row->narrative);
  g_free (row->evidence_url);
  g_clear_pointer (&row->evidence, g_ptr_array_unref);
  g_clear_pointer (&row->valid_until, g_date_time_unref);
  g_free (row);
}

static void
tier_state_free (TierState *state)
{
  g_clear_pointer (&state->prepared, rosette_issue_prepared_unref);
  g_free (state->tier_slug);
  g_free (state);
}

static void
job_free (Job *job)
{
  g_free (job->credential_id);
  g_free (job->status_list);
  g_free (job->path);
  g_free (job->signed_text);
  g_free (job->warning);
  g_clear_error (&job->error);
  g_free (job);
}

static void
failure_free (RosetteBatchFailure *failure)
{
  g_free (failure->email);
  g_free (failure->message);
  g_free (failure);
}

static RosetteBatchFailure *
failure_copy (const RosetteBatchFailure *failure)
{
  RosetteBatchFailure *copy = g_memdup2 (failure, sizeof *failure);

  copy->email = g_strdup (failure->email);
  copy->message = g_strdup (failure->message);
  return copy;
}

/**
 * rosette_batch_summary_copy:
 *
 * Returns: (transfer full): a deep copy
 */
RosetteBatchSummary *
rosette_batch_summary_copy (const RosetteBatchSummary *summary)
{
  RosetteBatchSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->batch_id = g_strdup (summary->batch_id);
  copy->warning = g_strdup (summary->warning);
  copy->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  for (guint i = 0; i < summary->failures->len; i++)
    g_ptr_array_add (copy->failures, failure_copy (g_ptr_array_index (summary->failures, i)));
  return copy;
}

void
rosette_batch_summary_free (RosetteBatchSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->batch_id);
  g_free (summary->warning);
  g_clear_pointer (&summary->failures, g_ptr_array_unref);
  g_free (summary);
}

static RosetteBatchSummary *
summary_new (const char *batch_id)
{
  RosetteBatchSummary *summary = g_new0 (RosetteBatchSummary, 1);

  summary->batch_id = g_strdup (batch_id);
  summary->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  return summary;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * rosette_batch_summary_to_json:
 *
 * Returns: (transfer full): the summary as one line of JSON (what
 *   `rosette-cli --json issue-batch` prints)
 */
char *
rosette_batch_summary_to_json (const RosetteBatchSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "batch", summary->batch_id);
  add_member (builder, "total", summary->total);
  add_member (builder, "issued", summary->issued);
  add_member (builder, "skipped", summary->skipped);
  add_member (builder, "failed", summary->failed);
  add_member (builder, "invalid", summary->invalid);
  json_builder_set_member_name (builder, "cancelled");
  json_builder_add_boolean_value (builder, summary->cancelled);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_double_value (builder, summary->seconds);
  add_string_member (builder, "warning", summary->warning);
  json_builder_set_member_name (builder, "failures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->failures->len; i++)
    {
      RosetteBatchFailure *failure = g_ptr_array_index (summary->failures, i);

      json_builder_begin_object (builder);
      add_member (builder, "row", failure->row);
      add_member (builder, "line", failure->line);
      add_string_member (builder, "email", failure->email);
      add_string_member (builder, "message", failure->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
rosette_batch_finalize (GObject *object)
{
  RosetteBatch *self = ROSETTE_BATCH (object);

  g_clear_object (&self->registry);
  g_clear_object (&self->issuer);
  g_clear_object (&self->family);
  g_clear_object (&self->tier);
  g_clear_object (&self->output_dir);
  g_clear_object (&self->key);
  g_clear_object (&self->record);
  g_clear_pointer (&self->batch_id, g_free);
  g_clear_pointer (&self->publish_base, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->valid_from, g_date_time_unref);
  g_clear_pointer (&self->valid_until, g_date_time_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->kept_id, g_free);
  g_clear_pointer (&self->kept_signed, g_free);
  g_clear_pointer (&self->kept_warning, g_free);
  g_clear_error (&self->kept_error);
  g_mutex_clear (&self->progress_lock);

  G_OBJECT_CLASS (rosette_batch_parent_class)->finalize (object);
}

static void
rosette_batch_class_init (RosetteBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_batch_finalize;

  /**
   * RosetteBatch::progress:
   * @done: rows finished (issued, skipped or failed)
   * @total: rows in the batch
   * @rate: rows per second so far
   * @eta_seconds: estimated seconds left (negative while unknown)
   *
   * Emitted during rosette_batch_run_async(), on the thread-default main
   * context of its caller, at most about ten times a second and once at
   * the end.
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
rosette_batch_init (RosetteBatch *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_row_free);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_workers = MAX (1, g_get_num_processors ());
  g_mutex_init (&self->progress_lock);
}

/**
 * rosette_batch_dup_default_id:
 * @tier: (nullable): the tier, or %NULL for a batch of several tiers
 * @now: (nullable): the day; %NULL for today
 *
 * Returns: (transfer full): "<family>-<tier>-<YYYY-MM-DD>", so that the
 *   same command run again on the same day resumes the same batch
 */
char *
rosette_batch_dup_default_id (RosetteFamily *family,
                              const char    *tier,
                              GDateTime     *now)
{
  g_autoptr(GDateTime) today = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autofree char *family_slug = NULL;
  g_autofree char *tier_slug = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);

  family_slug = rosette_family_dup_slug (family);
  tier_slug = rosette_slugify (tier != NULL ? tier : "tiers");
  day = g_date_time_format (today, "%Y-%m-%d");
  return g_strdup_printf ("%s-%s-%s", family_slug, tier_slug, day);
}

static RosetteTier *
find_tier (RosetteFamily  *family,
           const char     *text,
           GError        **error)
{
  g_autoptr(RosetteIssueRequest) request = rosette_issue_request_new ();
  RosetteTier *tier;

  request->family = g_object_ref (family);
  request->tier = g_strdup (text);
  tier = rosette_issue_request_find_tier (request, NULL);
  if (tier == NULL)
    {
      /* By slug as well: that is what the registry stores. */
      for (guint i = 0; i < rosette_family_get_n_tiers (family) && tier == NULL; i++)
        {
          RosetteTier *candidate = rosette_family_get_tier (family, i);
          g_autofree char *slug = rosette_tier_dup_slug (candidate);

          if (g_strcmp0 (slug, text) == 0)
            tier = candidate;
        }
    }
  if (tier == NULL)
    rosette_issue_request_find_tier (request, error);
  return tier;
}

/**
 * rosette_batch_new:
 * @registry: the registry that keeps the batch
 * @issuer: the issuer that signs
 * @family: the badge family (do not edit it while the batch runs)
 * @tier: (nullable): the tier for every row (name, slug or number); %NULL
 *   when every row names its own tier
 * @proof: the proof
 * @output_dir: where the files go (made if missing)
 * @format: %ROSETTE_ISSUE_FORMAT_PNG or %ROSETTE_ISSUE_FORMAT_SVG (JSON and
 *   JWT work too)
 * @batch_id: (nullable): the batch id; %NULL for
 *   rosette_batch_dup_default_id()
 *
 * An unknown @tier is reported when rows are added.
 *
 * Returns: (transfer full): a batch without rows
 */
RosetteBatch *
rosette_batch_new (RosetteRegistry     *registry,
                   RosetteIssuer       *issuer,
                   RosetteFamily       *family,
                   const char          *tier,
                   RosetteIssueProof    proof,
                   GFile               *output_dir,
                   RosetteIssueFormat   format,
                   const char          *batch_id)
{
  RosetteBatch *self;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (G_IS_FILE (output_dir), NULL);

  self = g_object_new (ROSETTE_TYPE_BATCH, NULL);
  self->registry = g_object_ref (registry);
  self->issuer = g_object_ref (issuer);
  self->family = g_object_ref (family);
  if (tier != NULL)
    {
      RosetteTier *found = find_tier (family, tier, NULL);

      self->tier = found != NULL ? g_object_ref (found) : NULL;
      if (found == NULL)
        self->tier = NULL;
    }
  self->proof = proof;
  self->output_dir = g_object_ref (output_dir);
  self->format = format;
  self->batch_id = batch_id != NULL ? g_strdup (batch_id)
                                    : rosette_batch_dup_default_id (family, tier, NULL);
  /* Remember an unknown tier so that adding rows says why. */
  if (tier != NULL && self->tier == NULL)
    g_object_set_data_full (G_OBJECT (self), "rosette-bad-tier", g_strdup (tier), g_free);

  return self;
}

const char *
rosette_batch_get_batch_id (RosetteBatch *self)
{
  g_return_val_if_fail (ROSETTE_IS_BATCH (self), NULL);

  return self->batch_id;
}

GFile *
rosette_batch_get_output_dir (RosetteBatch *self)
{
  g_return_val_if_fail (ROSETTE_IS_BATCH (self), NULL);

  return self->output_dir;
}

/**
 * rosette_batch_set_valid_from:
 * @valid_from: (nullable): the start of validity of every credential;
 *   %NULL for the moment the batch is first run
 *
 * Rows reserved by an earlier run keep their start.
 */
void
rosette_batch_set_valid_from (RosetteBatch *self,
                              GDateTime    *valid_from)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));

  g_clear_pointer (&self->valid_from, g_date_time_unref);
  self->valid_from = valid_from != NULL ? g_date_time_ref (valid_from) : NULL;
}

/**
 * rosette_batch_set_valid_until:
 * @valid_until: (nullable): the expiry of rows without their own
 */
void
rosette_batch_set_valid_until (RosetteBatch *self,
                               GDateTime    *valid_until)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));

  g_clear_pointer (&self->valid_until, g_date_time_unref);
  self->valid_until = valid_until != NULL ? g_date_time_ref (valid_until) : NULL;
}

/**
 * rosette_batch_set_include_names:
 *
 * Whether recipients' names go into the badges (off by default, as for
 * one badge).
 */
void
rosette_batch_set_include_names (RosetteBatch *self,
                                 gboolean      include_names)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));

  self->include_names = !!include_names;
}

/**
 * rosette_batch_set_publish_base:
 * @publish_base: (nullable): the https base URL (ending in '/') under
 *   which status lists are published; %NULL for none (credentials then
 *   carry no credentialStatus)
 *
 * Without a call, the issuer's publish base is used.
 */
void
rosette_batch_set_publish_base (RosetteBatch *self,
                                const char   *publish_base)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));

  g_free (self->publish_base);
  self->publish_base = g_strdup (publish_base);
  self->publish_base_set = TRUE;
}

/**
 * rosette_batch_set_file_name:
 * @file_name: (nullable): the file name (no folder) for the one badge of a
 *   batch of one row; %NULL for names made from the recipient
 *
 * For re-issuing one badge to a file the user named.
 */
void
rosette_batch_set_file_name (RosetteBatch *self,
                             const char   *file_name)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));
  g_return_if_fail (file_name == NULL || strchr (file_name, G_DIR_SEPARATOR) == NULL);

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
}

/**
 * rosette_batch_set_n_workers:
 * @n_workers: signing threads; 0 for one per core
 */
void
rosette_batch_set_n_workers (RosetteBatch *self,
                             guint         n_workers)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));

  self->n_workers = n_workers > 0 ? n_workers : MAX (1, g_get_num_processors ());
}

/**
 * rosette_batch_set_signing_key:
 * @key: (nullable): the private key
 * @record: (nullable): its record in the issuer
 *
 * Signs with @key instead of asking the keyring when the batch runs (for
 * tests and benchmarks, or a key the caller already unlocked).
 */
void
rosette_batch_set_signing_key (RosetteBatch     *self,
                               RosetteKey       *key,
                               RosetteKeyRecord *record)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));
  g_return_if_fail ((key == NULL) == (record == NULL));

  g_set_object (&self->key, key);
  g_set_object (&self->record, record);
}

/* See rosette-issuing-private.h. */
void
_rosette_batch_set_keep_signed (RosetteBatch *self,
                                gboolean      keep_signed)
{
  g_return_if_fail (ROSETTE_IS_BATCH (self));

  self->keep_signed = !!keep_signed;
}

/* After a run with keep_signed: the id, signed text and signing warning
 * of the row it issued, or that row's own error (its code intact, not
 * just the summary's message). */
gboolean
_rosette_batch_take_signed (RosetteBatch  *self,
                            char         **credential_id,
                            char         **signed_text,
                            char         **warning,
                            GError       **error)
{
  g_return_val_if_fail (ROSETTE_IS_BATCH (self), FALSE);
  g_return_val_if_fail (self->keep_signed, FALSE);

  if (self->kept_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->kept_error));
      return FALSE;
    }
  if (self->kept_id == NULL)
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_FAILED,
                           _("The badge was not issued"));
      return FALSE;
    }

  *credential_id = g_steal_pointer (&self->kept_id);
  *signed_text = g_steal_pointer (&self->kept_signed);
  *warning = g_steal_pointer (&self->kept_warning);
  return TRUE;
}

static gboolean
check_not_running (RosetteBatch  *self,
                   GError       **error)
{
  if (!self->running)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
               _("The batch is running; rows cannot be added now"));
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/**
 * rosette_batch_add_recipient:
 *
 * Checks and adds one row: the address must be valid, the tier known
 * (the row's or the batch's), the expiry a date, and the same person may
 * not appear twice for the same tier.
 *
 * Returns: %TRUE if added; %ROSETTE_ERROR_INVALID, %ROSETTE_ERROR_NOT_FOUND
 *   (tier) or %ROSETTE_ERROR_CONFLICT (duplicate) otherwise
 */
gboolean
rosette_batch_add_recipient (RosetteBatch                 *self,
                             const RosetteBatchRecipient  *recipient,
                             GError                      **error)
{
  g_autoptr(GDateTime) valid_until = NULL;
  g_autofree char *email = NULL;
  g_autofree char *key = NULL;
  RosetteTier *tier = self->tier;
  BatchRow *row;

  g_return_val_if_fail (ROSETTE_IS_BATCH (self), FALSE);
  g_return_val_if_fail (recipient != NULL, FALSE);

  if (!check_not_running (self, error))
    return FALSE;

  if (is_blank (recipient->email) || !rosette_email_check (recipient->email, error))
    {
      if (is_blank (recipient->email))
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                     _("A recipient has no e-mail address"));
      return FALSE;
    }
  email = rosette_email_normalize (recipient->email);

  if (!is_blank (recipient->tier))
    {
      tier = find_tier (self->family, recipient->tier, error);
      if (tier == NULL)
        return FALSE;
    }
  else if (tier == NULL)
    {
      const char *bad = g_object_get_data (G_OBJECT (self), "rosette-bad-tier");

      if (bad != NULL)
        find_tier (self->family, bad, error);
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                     _("The row for %s names no tier, and the batch has none"), email);
      return FALSE;
    }

  if (!is_blank (recipient->valid_until))
    {
      valid_until = rosette_issue_parse_date (recipient->valid_until, TRUE, error);
      if (valid_until == NULL)
        return FALSE;
    }

  key = g_strdup_printf ("%s\n%p", email, (gpointer) tier);
  if (g_hash_table_contains (self->seen, key))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                   _("%s appears twice for the tier “%s”"), email, rosette_tier_get_name (tier));
      return FALSE;
    }
  g_hash_table_add (self->seen, g_steal_pointer (&key));

  row = g_new0 (BatchRow, 1);
  row->email = g_steal_pointer (&email);
  row->name = is_blank (recipient->name) ? NULL : g_strdup (recipient->name);
  row->employee_id = is_blank (recipient->employee_id) ? NULL : g_strdup (recipient->employee_id);
  row->department = is_blank (recipient->department) ? NULL : g_strdup (recipient->department);
  row->manager = is_blank (recipient->manager) ? NULL : g_strdup (recipient->manager);
  row->hire_date = is_blank (recipient->hire_date) ? NULL : g_strdup (recipient->hire_date);
  row->narrative = is_blank (recipient->narrative) ? NULL : g_strdup (recipient->narrative);
  row->evidence_url = is_blank (recipient->evidence_url) ? NULL : g_strdup (recipient->evidence_url);
  row->evidence = rosette_evidence_list_copy (recipient->evidence);
  row->valid_until = g_steal_pointer (&valid_until);
  row->tier = tier;
  g_ptr_array_add (self->rows, row);

  return TRUE;
}

/**
 * rosette_batch_add_import:
 * @import: a loaded and validated import
 * @skip_invalid: leave out rows with problems (counted in the summary's
 *   @invalid) instead of refusing the import
 *
 * Adds every row of @import. The caller shows rows with problems (and may
 * fix them and validate again) before this.
 *
 * Returns: %TRUE if the rows were added; %ROSETTE_ERROR_INVALID when
 *   rows have problems and @skip_invalid is %FALSE (nothing is added), or
 *   the error of rosette_batch_add_recipient() for a row
 */
gboolean
rosette_batch_add_import (RosetteBatch      *self,
                          RosetteCsvImport  *import,
                          gboolean           skip_invalid,
                          GError           **error)
{
  GPtrArray *rows;
  guint n_invalid = 0;

  g_return_val_if_fail (ROSETTE_IS_BATCH (self), FALSE);
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (import), FALSE);

  if (!check_not_running (self, error))
    return FALSE;

  rows = rosette_csv_import_get_rows (import);
  for (guint i = 0; i < rows->len; i++)
    if (!rosette_import_row_is_valid (g_ptr_array_index (rows, i)))
      n_invalid++;

  if (n_invalid > 0 && !skip_invalid)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u row has problems; fix it or skip it",
                                "%u rows have problems; fix them or skip them", n_invalid),
                   n_invalid);
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RosetteImportRow *row = g_ptr_array_index (rows, i);
      RosetteBatchRecipient recipient = { NULL, };
      g_autoptr(GError) local_error = NULL;

      if (!rosette_import_row_is_valid (row))
        continue;

      recipient.email = row->email;
      recipient.name = row->name;
      recipient.employee_id = row->values[ROSETTE_IMPORT_FIELD_EMPLOYEE_ID];
      recipient.department = row->values[ROSETTE_IMPORT_FIELD_DEPARTMENT];
      recipient.manager = row->values[ROSETTE_IMPORT_FIELD_MANAGER];
      recipient.hire_date = row->hire_date;
      recipient.tier = row->values[ROSETTE_IMPORT_FIELD_TIER];
      recipient.narrative = row->values[ROSETTE_IMPORT_FIELD_NARRATIVE];
      recipient.evidence_url = row->values[ROSETTE_IMPORT_FIELD_EVIDENCE];
      recipient.valid_until = row->valid_until;

      if (!rosette_batch_add_recipient (self, &recipient, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Line %u: "), row->line);
          return FALSE;
        }
      ((BatchRow *) g_ptr_array_index (self->rows, self->rows->len - 1))->line = row->line;
    }
  self->invalid += n_invalid;

  return TRUE;
}

/**
 * rosette_batch_get_n_rows:
 *
 * Returns: the rows added so far
 */
guint
rosette_batch_get_n_rows (RosetteBatch *self)
{
  g_return_val_if_fail (ROSETTE_IS_BATCH (self), 0);

  return self->rows->len;
}

/* The file of a row: the person's name (or address) and the first hex
 * digits of the issuance key, so that a re-run writes the same file and
 * two people never share one. */
static char *
dup_file_name (BatchRow   *row,
               const char *issuance_key,
               const char *extension)
{
  g_autofree char *local = g_strndup (row->email, strcspn (row->email, "@"));
  g_autofree char *slug = rosette_slugify (row->name != NULL ? row->name : local);

  return g_strdup_printf ("%s-%.10s.%s", *slug != '\0' ? slug : "badge", issuance_key, extension);
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      size -= (gsize) written;
    }
  return TRUE;
}

/* Writes @bytes to a part file beside @path, then renames it over @path:
 * a reader (or a crash) sees the old file or the whole new one. */
static gboolean
write_atomically (const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *part = g_strdup_printf ("%s/.%s" PART_SUFFIX, dir, base);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int saved;
  int fd;

  fd = g_open (part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    goto failed;
  if (!write_all (fd, data, size))
    {
      saved = errno;
      close (fd);
      errno = saved;
      goto failed;
    }
  if (close (fd) != 0 || g_rename (part, path) != 0)
    goto failed;
  return TRUE;

failed:
  saved = errno;
  g_unlink (part);
  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not write “%s”: %s"), display, g_strerror (saved));
  }
  return FALSE;
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  Job *job = data;
  RosetteBatch *self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  RosetteKey *key = g_async_queue_pop (self->keys);
  BatchRow *row = job->row;
  RosetteIssueRow issue = {
    .credential_id = job->credential_id,
    .email = row->email,
    .name = row->name,
    .include_name = self->include_names,
    .valid_from = self->valid_from,
    .valid_until = row->valid_until != NULL ? row->valid_until : self->valid_until,
    .narrative = row->narrative,
    .evidence_url = row->evidence_url,
    .status_list = job->status_list,
    .status_index = job->status_index,
    .evidence = row->evidence,
  };

  bytes = _rosette_issue_prepared_make_full (job->tier->prepared, &issue, self->record, key,
                                             NULL, self->keep_signed ? &job->signed_text : NULL,
                                             self->keep_signed ? &job->warning : NULL,
                                             &job->error);
  g_async_queue_push (self->keys, key);

  if (bytes != NULL)
    write_atomically (job->path, bytes, &job->error);

  g_async_queue_push (self->done, job);
}

/* Deletes part files a killed run left behind. */
static void
remove_stale_parts (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' && g_str_has_suffix (name, PART_SUFFIX))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        g_unlink (path);
      }
}

typedef struct
{
  RosetteBatch *batch;
  guint         done;
  guint         total;
  double        rate;
  double        eta;
} ProgressData;

static gboolean
emit_progress_idle (gpointer data)
{
  RosetteBatch *self = data;
  guint done;
  double rate;
  double eta;

  g_mutex_lock (&self->progress_lock);
  done = self->progress_done;
  rate = self->progress_rate;
  eta = self->progress_eta;
  self->progress_pending = FALSE;
  g_mutex_unlock (&self->progress_lock);

  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, done, self->rows->len, rate, eta);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  RosetteBatch             *self;
  RosetteBatchProgressFunc  func;
  gpointer                  user_data;
  gint64                    started;
  gint64                    last;
  guint                     done_at_start;
} Progress;

static void
report_progress (Progress *progress,
                 guint     done,
                 gboolean  force)
{
  RosetteBatch *self = progress->self;
  gint64 now = g_get_monotonic_time ();
  double elapsed;
  double rate;
  double eta;
  guint total = self->rows->len;

  if (!force && now - progress->last < PROGRESS_INTERVAL_US)
    return;
  progress->last = now;

  elapsed = (double) (now - progress->started) / G_USEC_PER_SEC;
  rate = elapsed > 0 ? (double) done / elapsed : 0;
  eta = rate > 0 ? (double) (total - done) / rate : -1;

  if (progress->func != NULL)
    progress->func (done, total, rate, eta, progress->user_data);

  if (self->progress_context != NULL)
    {
      gboolean schedule;

      g_mutex_lock (&self->progress_lock);
      self->progress_done = done;
      self->progress_rate = rate;
      self->progress_eta = eta;
      schedule = !self->progress_pending;
      self->progress_pending = TRUE;
      g_mutex_unlock (&self->progress_lock);

      if (schedule)
        g_main_context_invoke_full (self->progress_context, G_PRIORITY_DEFAULT,
                                    emit_progress_idle, g_object_ref (self), g_object_unref);
    }
}

static void
add_failure (RosetteBatchSummary *summary,
             guint                index,
             BatchRow            *row,
             const char          *message)
{
  RosetteBatchFailure *failure = g_new0 (RosetteBatchFailure, 1);

  failure->row = index;
  failure->line = row->line;
  failure->email = g_strdup (row->email);
  failure->message = g_strdup (message);
  g_ptr_array_add (summary->failures, failure);
  summary->failed++;
}

/* Records a finished job; FALSE only when the registry fails. */
static gboolean
finish_job (RosetteBatch         *self,
            Job                  *job,
            RosetteBatchSummary  *summary,
            GError              **error)
{
  if (job->error == NULL)
    {
      const char *files[] = { job->path, NULL };

      if (!rosette_registry_record_issued (self->registry, job->credential_id, files, NULL, error))
        return FALSE;
      summary->issued++;
      if (self->keep_signed)
        {
          g_free (self->kept_id);
          self->kept_id = g_strdup (job->credential_id);
          g_free (self->kept_signed);
          self->kept_signed = g_steal_pointer (&job->signed_text);
          g_free (self->kept_warning);
          self->kept_warning = g_steal_pointer (&job->warning);
        }
    }
  else
    {
      if (self->keep_signed)
        {
          g_clear_error (&self->kept_error);
          self->kept_error = g_error_copy (job->error);
        }
      if (!rosette_registry_mark_failed (self->registry, job->credential_id, job->error->message,
                                         error))
        return FALSE;
      add_failure (summary, job->index, job->row, job->error->message);
    }

  return rosette_registry_batch_step (self->registry, error);
}

/* What the publisher hosts at the achievement's ids (rosette-publish.c):
 * {"tierRank": n, "achievement": OB 3.0 Achievement, "badgeClass": OB 2.0
 * BadgeClass}. Only with a publish base: without one the ids are not
 * URLs and there is nothing to host. */
static char *
dup_achievement_documents (RosetteBatch         *self,
                           RosetteIssuePrepared *prepared)
{
  RosetteAchievement *achievement = rosette_issue_prepared_get_achievement (prepared);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) ob3 = NULL;
  g_autoptr(JsonNode) badge_class = NULL;
  g_autofree char *profile_url = NULL;

  if (self->publish_base == NULL || achievement == NULL)
    return NULL;
  ob3 = rosette_achievement_build_ob3 (achievement, NULL);
  profile_url = rosette_issuer_dup_ob2_profile_url (self->issuer, NULL);
  if (profile_url != NULL)
    badge_class = rosette_achievement_build_badge_class (achievement, profile_url, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tierRank");
  json_builder_add_int_value (builder, rosette_achievement_get_tier_rank (achievement));
  if (ob3 != NULL)
    {
      json_builder_set_member_name (builder, "achievement");
      json_builder_add_value (builder, g_steal_pointer (&ob3));
    }
  if (badge_class != NULL)
    {
      json_builder_set_member_name (builder, "badgeClass");
      json_builder_add_value (builder, g_steal_pointer (&badge_class));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static TierState *
get_tier_state (RosetteBatch  *self,
                GHashTable    *tiers,
                RosetteTier   *tier,
                gint64         issuer_id,
                GError       **error)
{
  TierState *state = g_hash_table_lookup (tiers, tier);
  g_autofree char *family_slug = NULL;
  g_autofree char *documents = NULL;

  if (state != NULL)
    return state;

  state = g_new0 (TierState, 1);
  state->prepared = rosette_issue_prepare (self->family, tier, self->issuer, self->proof,
                                           self->format, error);
  if (state->prepared == NULL)
    {
      tier_state_free (state);
      return NULL;
    }
  rosette_issue_prepared_set_image_base (state->prepared, self->publish_base);
  state->tier_slug = rosette_tier_dup_slug (tier);
  family_slug = rosette_family_dup_slug (self->family);
  documents = dup_achievement_documents (self, state->prepared);
  state->achievement_id =
    rosette_registry_upsert_achievement (self->registry, issuer_id, family_slug,
                                         rosette_family_get_name (self->family),
                                         state->tier_slug, rosette_tier_get_name (tier),
                                         rosette_family_get_tier_criteria (self->family, tier),
                                         documents, error);
  if (state->achievement_id <= 0)
    {
      tier_state_free (state);
      return NULL;
    }
  /* The publisher hosts it (the badges may refer to it by URL). */
  if (!rosette_registry_set_achievement_image (self->registry, state->achievement_id,
                                               rosette_issue_prepared_get_image (state->prepared),
                                               error))
    {
      tier_state_free (state);
      return NULL;
    }

  g_hash_table_insert (tiers, tier, state);
  return state;
}

/* Per-worker copies of the key: nothing about one signing operation is
 * then shared between threads. */
static gboolean
fill_keys (RosetteBatch  *self,
           GError       **error)
{
  g_autoptr(GBytes) der = rosette_key_export_pkcs8 (self->key, error);

  if (der == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_workers; i++)
    {
      RosetteKey *copy = rosette_key_new_from_pkcs8 (der, error);

      if (copy == NULL)
        return FALSE;
      g_async_queue_push (self->keys, copy);
    }
  return TRUE;
}

static gboolean
load_key (RosetteBatch  *self,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(RosetteKeyRecord) record = NULL;
  RosetteKeyAlgorithm algorithm;

  if (self->key != NULL)
    return TRUE;

  if (!rosette_issue_check_signing_key (self->issuer, self->proof, error))
    return FALSE;
  algorithm = rosette_issue_proof_get_algorithm (self->issuer, self->proof);
  self->key = rosette_issuer_load_signing_key_sync (self->issuer, algorithm, &record, cancellable,
                                                    error);
  if (self->key == NULL)
    return FALSE;
  self->record = g_steal_pointer (&record);
  return TRUE;
}

static const char *
proof_type_name (RosetteIssueProof proof)
{
  switch (proof)
    {
    case ROSETTE_ISSUE_PROOF_OB2:
      return "ob2";
    case ROSETTE_ISSUE_PROOF_DATA_INTEGRITY:
      return "DataIntegrityProof";
    case ROSETTE_ISSUE_PROOF_VC_JWT:
    default:
      return "vc-jwt";
    }
}

static RosetteBatchSummary *
run (RosetteBatch              *self,
     RosetteBatchProgressFunc   func,
     gpointer                   user_data,
     GCancellable              *cancellable,
     GError                   **error)
{
  g_autoptr(RosetteBatchSummary) summary = summary_new (self->batch_id);
  g_autoptr(GHashTable) tiers = NULL;
  GThreadPool *pool = NULL;
  g_autoptr(GDateTime) valid_from = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *family_slug = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *signing_identifier = NULL;
  Progress progress = { self, func, user_data, g_get_monotonic_time (), 0, 0 };
  guint in_flight = 0;
  guint done = 0;
  guint next = 0;
  gboolean in_batch = FALSE;
  gboolean ok = FALSE;
  gint64 issuer_id;
  gint64 started = g_get_monotonic_time ();
  RosetteKey *spare;

  summary->total = self->rows->len;
  summary->invalid = self->invalid;

  if (!load_key (self, cancellable, error))
    return NULL;

  if (!self->publish_base_set)
    self->publish_base = rosette_issuer_dup_publish_base (self->issuer, NULL);
  if (self->publish_base == NULL)
    summary->warning = g_strdup (_("The issuer has no web address, so these badges carry no "
                                   "revocation status: set the issuer’s url to be able to "
                                   "revoke them"));

  if (!g_file_make_directory_with_parents (self->output_dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);
  self->dir_path = g_file_get_path (self->output_dir);
  if (self->dir_path == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The output folder must be a local folder"));
      return NULL;
    }
  remove_stale_parts (self->dir_path);

  identifier = rosette_issuer_dup_identifier (self->issuer);
  issuer_id = rosette_registry_upsert_issuer (self->registry,
                                              identifier != NULL ? identifier
                                                                 : rosette_issuer_get_id (self->issuer),
                                              rosette_issuer_get_name (self->issuer), NULL, error);
  if (issuer_id <= 0)
    return NULL;
  /* The issuer id the credentials carry (with did:key, the signing
   * key's), kept per row when it is another. */
  signing_identifier = rosette_issuer_dup_identifier_for_key (self->issuer, self->record, NULL);
  if (g_strcmp0 (signing_identifier, identifier) == 0)
    g_clear_pointer (&signing_identifier, g_free);

  tiers = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tier_state_free);
  family_slug = rosette_family_dup_slug (self->family);
  valid_from = self->valid_from != NULL ? g_date_time_ref (self->valid_from)
                                        : g_date_time_new_now_utc ();

  self->keys = g_async_queue_new_full (g_object_unref);
  self->done = g_async_queue_new ();
  if (!fill_keys (self, error))
    goto out;

  pool = g_thread_pool_new (worker_func, self, (int) self->n_workers, FALSE, error);
  if (pool == NULL)
    goto out;

  if (!rosette_registry_batch_begin (self->registry, ROSETTE_BATCH_ROWS_PER_COMMIT, error))
    goto out;
  in_batch = TRUE;

  while (done < self->rows->len)
    {
      gboolean cancelled = g_cancellable_is_cancelled (cancellable);

      if (cancelled && in_flight == 0)
        {
          summary->cancelled = TRUE;
          break;
        }

      /* Reserve rows ahead of the workers. */
      while (!cancelled && next < self->rows->len && in_flight < MAX_IN_FLIGHT)
        {
          BatchRow *row = g_ptr_array_index (self->rows, next);
          RosetteReservation reservation;
          g_autofree char *issuance_key = NULL;
          RosetteRecipientData data = {
            row->email, row->name, row->employee_id, row->department, row->hire_date, row->manager,
          };
          RosetteIssuanceRequest request = { NULL, };
          TierState *tier;
          gint64 recipient_id;
          Job *job;

          tier = get_tier_state (self, tiers, row->tier, issuer_id, error);
          if (tier == NULL)
            goto out;

          recipient_id = rosette_registry_upsert_recipient (self->registry, &data, error);
          if (recipient_id <= 0)
            goto out;

          issuance_key = rosette_registry_compute_issuance_key (row->email, family_slug,
                                                                tier->tier_slug, self->batch_id);
          request.issuance_key = issuance_key;
          request.recipient_id = recipient_id;
          request.achievement_id = tier->achievement_id;
          request.batch_id = self->batch_id;
          request.valid_from = valid_from;
          request.valid_until = row->valid_until != NULL ? row->valid_until : self->valid_until;
          request.proof_type = proof_type_name (self->proof);
          request.issuer_identifier = signing_identifier;
          if (!_rosette_registry_reserve (self->registry, &request, &reservation, NULL, error))
            goto out;
          if (!rosette_registry_batch_step (self->registry, error))
            {
              _rosette_reservation_clear (&reservation);
              goto out;
            }

          next++;
          if (reservation.state == ROSETTE_ISSUE_STATE_ISSUED)
            {
              _rosette_reservation_clear (&reservation);
              summary->skipped++;
              done++;
              continue;
            }

          job = g_new0 (Job, 1);
          job->row = row;
          job->index = next - 1;
          job->tier = tier;
          job->credential_id = g_steal_pointer (&reservation.credential_id);
          if (self->publish_base != NULL)
            job->status_list = rosette_status_list_dup_url (self->publish_base,
                                                            reservation.status_list_id);
          job->status_index = reservation.status_index;
          {
            g_autofree char *name = self->file_name != NULL
              ? g_strdup (self->file_name)
              : dup_file_name (row, issuance_key,
                               rosette_issue_prepared_get_extension (tier->prepared));

            job->path = g_build_filename (self->dir_path, name, NULL);
          }
          if (!g_thread_pool_push (pool, job, error))
            {
              job_free (job);
              goto out;
            }
          in_flight++;
        }

      if (in_flight > 0)
        {
          /* Record every job finished so far, then nap: waiting on the
           * queue would have each job a worker finishes wake this thread
           * (a context switch per badge on two busy cores), a nap finds
           * them several at a time. */
          Job *job = g_async_queue_try_pop (self->done);

          if (job == NULL)
            g_usleep (WRITER_NAP_US);
          while (job != NULL)
            {
              gboolean recorded;

              in_flight--;
              done++;
              recorded = finish_job (self, job, summary, error);
              job_free (job);
              if (!recorded)
                goto out;
              job = g_async_queue_try_pop (self->done);
            }
        }
      report_progress (&progress, done, FALSE);
    }

  ok = TRUE;

out:
  /* Whatever happened, let the workers finish and record what they wrote:
   * a file on disk whose row is left pending is harmless, but recording
   * is cheap and saves the re-run the work. */
  if (pool != NULL)
    g_thread_pool_free (g_steal_pointer (&pool), FALSE, TRUE);
  while (in_flight > 0)
    {
      Job *job = g_async_queue_pop (self->done);

      in_flight--;
      done++;
      if (ok && !finish_job (self, job, summary, error))
        ok = FALSE;
      job_free (job);
    }
  if (in_batch && !rosette_registry_batch_end (self->registry, TRUE, ok ? error : NULL))
    ok = FALSE;
  while ((spare = g_async_queue_try_pop (self->keys)) != NULL)
    g_object_unref (spare);
  g_clear_pointer (&self->keys, g_async_queue_unref);
  g_clear_pointer (&self->done, g_async_queue_unref);
  g_clear_pointer (&self->dir_path, g_free);

  if (!ok)
    return NULL;

  if (!summary->cancelled)
    summary->cancelled = g_cancellable_is_cancelled (cancellable) && done < self->rows->len;
  summary->seconds = (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC;
  report_progress (&progress, done, TRUE);

  return g_steal_pointer (&summary);
}

/**
 * rosette_batch_run_sync:
 * @progress: (nullable) (scope call): called on this thread as rows finish
 * @cancellable: (nullable): cancels the run: rows being signed finish and
 *   are recorded, the rest are left for a re-run
 * @error: return location for a #GError
 *
 * Issues every row that an earlier run of the same batch id did not. The
 * key is fetched from the keyring once (unless set with
 * rosette_batch_set_signing_key()).
 *
 * Returns: (transfer full): the summary (with @cancelled set if cancelled;
 *   rows that failed are in it, not an error), or %NULL with an error that
 *   stopped the whole batch (no key, a registry or folder error)
 */
RosetteBatchSummary *
rosette_batch_run_sync (RosetteBatch              *self,
                        RosetteBatchProgressFunc   progress,
                        gpointer                   user_data,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  RosetteBatchSummary *summary;

  g_return_val_if_fail (ROSETTE_IS_BATCH (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->running)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT, _("The batch is already running"));
      return NULL;
    }

  self->running = TRUE;
  summary = run (self, progress, user_data, cancellable, error);
  self->running = FALSE;

  return summary;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RosetteBatch *self = source_object;
  RosetteBatchSummary *summary;
  GError *error = NULL;

  summary = run (self, NULL, NULL, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) rosette_batch_summary_free);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RosetteBatch *self = ROSETTE_BATCH (source);
  GTask *outer = user_data;
  RosetteBatchSummary *summary;
  GError *error = NULL;

  self->running = FALSE;
  g_clear_pointer (&self->progress_context, g_main_context_unref);

  summary = g_task_propagate_pointer (G_TASK (result), &error);
  if (summary == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, summary, (GDestroyNotify) rosette_batch_summary_free);
  g_object_unref (outer);
}

/**
 * rosette_batch_run_async:
 * @cancellable: (nullable): as for rosette_batch_run_sync()
 *
 * Runs the batch in a worker thread; #RosetteBatch::progress is emitted
 * on the caller's thread-default main context. Do not add rows or change
 * the family until @callback runs.
 */
void
rosette_batch_run_async (RosetteBatch         *self,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (ROSETTE_IS_BATCH (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, rosette_batch_run_async);
  g_task_set_check_cancellable (outer, FALSE);

  if (self->running)
    {
      g_task_return_new_error (outer, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                               _("The batch is already running"));
      g_object_unref (outer);
      return;
    }

  self->running = TRUE;
  self->progress_context = g_main_context_ref_thread_default ();
  inner = g_task_new (self, cancellable, run_done, outer);
  /* A cancelled run still returns its summary (what was issued). */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, run_thread);
}

/**
 * rosette_batch_run_finish:
 *
 * Returns: (transfer full): the summary, or %NULL with the error of
 *   rosette_batch_run_sync()
 */
RosetteBatchSummary *
rosette_batch_run_finish (RosetteBatch  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (ROSETTE_IS_BATCH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rosette_batch_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
