/* rosette-batch.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-csv-import.h"
#include "rosette-family.h"
#include "rosette-issuer.h"
#include "rosette-issuing.h"
#include "rosette-key.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/*
 * RosetteBatch issues one badge family to many recipients, idempotently:
 *
 *   batch = rosette_batch_new (registry, issuer, family, "gold",
 *                              ROSETTE_ISSUE_PROOF_VC_JWT, dir,
 *                              ROSETTE_ISSUE_FORMAT_PNG, NULL);
 *   rosette_batch_add_import (batch, import, TRUE, &error);
 *   rosette_batch_run_async (batch, cancellable, done_cb, self);
 *
 * While rosette_batch_run_async() runs, the "progress" signal
 * (guint done, guint total, double rate, double eta_seconds) is emitted on
 * the thread-default main context of the caller of run_async, at most
 * about ten times a second and once at the end. Cancel with the
 * GCancellable; the summary then has @cancelled set and running the same
 * batch (same batch id) again issues exactly what is missing.
 *
 * A batch id of %NULL is rosette_batch_dup_default_id(): the family,
 * the tier and today's date, so re-running the same command the same day
 * resumes it.
 */

/* Rows a batch groups into one registry transaction. */
#define ROSETTE_BATCH_ROWS_PER_COMMIT 500

/**
 * RosetteBatchRecipient:
 * @email: the recipient's address (required)
 * @name: (nullable): the full name (written into the badge)
 * @employee_id: (nullable): the HRIS employee number (registry only)
 * @department: (nullable): the department (registry only)
 * @manager: (nullable): the manager (registry only)
 * @hire_date: (nullable): "YYYY-MM-DD" (registry only; milestones)
 * @tier: (nullable): this row's tier (name, slug or number); %NULL for
 *   the batch's tier
 * @narrative: (nullable): a personal narrative (Markdown)
 * @evidence_url: (nullable): an http(s) evidence URL
 * @valid_until: (nullable): "YYYY-MM-DD", this row's expiry; %NULL for
 *   the batch's
 * @evidence: (nullable) (element-type RosetteEvidence): more Evidence
 *   entries, after the one of @evidence_url and @narrative (a pathway's
 *   qualifying credentials)
 *
 * One row of a batch, for rosette_batch_add_recipient(). Everything is
 * copied.
 */
typedef struct
{
  const char *email;
  const char *name;
  const char *employee_id;
  const char *department;
  const char *manager;
  const char *hire_date;
  const char *tier;
  const char *narrative;
  const char *evidence_url;
  const char *valid_until;
  GPtrArray  *evidence;
} RosetteBatchRecipient;

/**
 * RosetteBatchFailure:
 * @row: the row's position in the batch (0-based)
 * @line: the CSV line it came from, or 0
 * @email: (nullable): the recipient
 * @message: why it failed (translated)
 *
 * A row of a batch that could not be issued.
 */
typedef struct
{
  guint  row;
  guint  line;
  char  *email;
  char  *message;
} RosetteBatchFailure;

/**
 * RosetteBatchSummary:
 * @batch_id: the batch
 * @total: rows in the batch
 * @issued: credentials issued by this run
 * @skipped: rows skipped because an earlier run already issued them
 * @failed: rows that failed (see @failures)
 * @invalid: CSV rows left out because they did not validate
 * @cancelled: the run was cancelled before every row was done
 * @seconds: how long the run took
 * @warning: (nullable): something to tell the user once (e.g. no publish
 *   base, so credentials carry no status entry)
 * @failures: (element-type RosetteBatchFailure): the failed rows
 *
 * The outcome of rosette_batch_run_sync() and rosette_batch_run_finish().
 */
typedef struct
{
  char      *batch_id;
  guint      total;
  guint      issued;
  guint      skipped;
  guint      failed;
  guint      invalid;
  gboolean   cancelled;
  double     seconds;
  char      *warning;
  GPtrArray *failures;
} RosetteBatchSummary;

/**
 * RosetteBatchProgressFunc:
 * @done: rows finished (issued, skipped or failed)
 * @total: rows in the batch
 * @rate: rows per second so far
 * @eta_seconds: estimated seconds left (negative while unknown)
 * @user_data: the closure
 *
 * Called by rosette_batch_run_sync() on the calling thread, at most about
 * ten times a second and once at the end.
 */
typedef void (*RosetteBatchProgressFunc) (guint    done,
                                          guint    total,
                                          double   rate,
                                          double   eta_seconds,
                                          gpointer user_data);

#define ROSETTE_TYPE_BATCH_SUMMARY (rosette_batch_summary_get_type ())
#define ROSETTE_TYPE_BATCH (rosette_batch_get_type ())

G_DECLARE_FINAL_TYPE (RosetteBatch, rosette_batch, ROSETTE, BATCH, GObject)

GType                rosette_batch_summary_get_type  (void) G_GNUC_CONST;
RosetteBatchSummary *rosette_batch_summary_copy      (const RosetteBatchSummary *summary);
void                 rosette_batch_summary_free      (RosetteBatchSummary *summary);
char                *rosette_batch_summary_to_json   (const RosetteBatchSummary *summary);

char                *rosette_batch_dup_default_id    (RosetteFamily       *family,
                                                      const char          *tier,
                                                      GDateTime           *now);

RosetteBatch        *rosette_batch_new               (RosetteRegistry     *registry,
                                                      RosetteIssuer       *issuer,
                                                      RosetteFamily       *family,
                                                      const char          *tier,
                                                      RosetteIssueProof    proof,
                                                      GFile               *output_dir,
                                                      RosetteIssueFormat   format,
                                                      const char          *batch_id);

const char          *rosette_batch_get_batch_id      (RosetteBatch        *self);
GFile               *rosette_batch_get_output_dir    (RosetteBatch        *self);
void                 rosette_batch_set_valid_from    (RosetteBatch        *self,
                                                      GDateTime           *valid_from);
void                 rosette_batch_set_valid_until   (RosetteBatch        *self,
                                                      GDateTime           *valid_until);
void                 rosette_batch_set_include_names (RosetteBatch        *self,
                                                      gboolean             include_names);
void                 rosette_batch_set_publish_base  (RosetteBatch        *self,
                                                      const char          *publish_base);
void                 rosette_batch_set_file_name     (RosetteBatch        *self,
                                                      const char          *file_name);
void                 rosette_batch_set_n_workers     (RosetteBatch        *self,
                                                      guint                n_workers);
void                 rosette_batch_set_signing_key   (RosetteBatch        *self,
                                                      RosetteKey          *key,
                                                      RosetteKeyRecord    *record);

gboolean             rosette_batch_add_import        (RosetteBatch        *self,
                                                      RosetteCsvImport    *import,
                                                      gboolean             skip_invalid,
                                                      GError             **error);
gboolean             rosette_batch_add_recipient     (RosetteBatch        *self,
                                                      const RosetteBatchRecipient *recipient,
                                                      GError             **error);
guint                rosette_batch_get_n_rows        (RosetteBatch        *self);

RosetteBatchSummary *rosette_batch_run_sync          (RosetteBatch        *self,
                                                      RosetteBatchProgressFunc progress,
                                                      gpointer             user_data,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                 rosette_batch_run_async         (RosetteBatch        *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
RosetteBatchSummary *rosette_batch_run_finish        (RosetteBatch        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteBatchSummary, rosette_batch_summary_free)

G_END_DECLS
