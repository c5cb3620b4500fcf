/* rosette-nominations.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-award.h"
#include "rosette-family.h"
#include "rosette-registry.h"
#include "rosette-registry-pathways.h"

G_BEGIN_DECLS

/* The longest reason kept; it becomes the badge's narrative. */
#define ROSETTE_NOMINATION_MAX_REASON 1000

/**
 * RosetteNominationInput:
 * @nominee_email: who is nominated
 * @nominee_name: (nullable): their name
 * @nominator_email: who nominates
 * @nominator_name: (nullable): their name
 * @company_value: the value (one of the peer-nominable achievements')
 * @reason: why, in a few sentences
 * @submitted_at: (nullable): when (a form's timestamp); %NULL for now
 *
 * A nomination as a person or a form tool gives it.
 */
typedef struct
{
  const char *nominee_email;
  const char *nominee_name;
  const char *nominator_email;
  const char *nominator_name;
  const char *company_value;
  const char *reason;
  GDateTime  *submitted_at;
} RosetteNominationInput;

/**
 * RosetteNominationImportResult:
 * @added: nominations added to the queue
 * @already: rows imported by an earlier run (skipped)
 * @refused: (element-type utf8): one translated line per refused row,
 *   "line N: why"
 */
typedef struct
{
  guint      added;
  guint      already;
  GPtrArray *refused;
} RosetteNominationImportResult;

gboolean  rosette_nominations_set_nominable (RosetteRegistry              *registry,
                                             RosetteFamily                *family,
                                             const char                   *tier,
                                             const char                   *company_value,
                                             const char                   *family_file,
                                             GError                      **error);
gboolean  rosette_nominations_set_limit     (RosetteRegistry              *registry,
                                             gboolean                      per_nominee,
                                             const char                   *period,
                                             guint                         max_count,
                                             GError                      **error);
gint64    rosette_nominations_submit        (RosetteRegistry              *registry,
                                             const RosetteNominationInput *input,
                                             const char                   *source,
                                             const char                   *import_key,
                                             GError                      **error);
RosetteNominationImportResult *
          rosette_nominations_import_csv    (RosetteRegistry              *registry,
                                             GInputStream                 *stream,
                                             GCancellable                 *cancellable,
                                             GError                      **error);
void      rosette_nomination_import_result_free (RosetteNominationImportResult *result);
gboolean  rosette_nominations_decide        (RosetteRegistry              *registry,
                                             gint64                        id,
                                             gboolean                      approve,
                                             const char                   *approver,
                                             const char                   *comment,
                                             GDateTime                    *now,
                                             GError                      **error);
RosetteBatchSummary *
          rosette_nominations_issue_sync    (const RosetteAwardContext    *context,
                                             gint64                        only_id,
                                             GCancellable                 *cancellable,
                                             GError                      **error);
void      rosette_nominations_issue_async   (const RosetteAwardContext    *context,
                                             gint64                        only_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
RosetteBatchSummary *
          rosette_nominations_issue_finish  (GAsyncResult                 *result,
                                             GError                      **error);
char     *rosette_nomination_dup_narrative  (const RosetteNomination      *nomination);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteNominationImportResult, rosette_nomination_import_result_free)

G_END_DECLS
