/* rosette-reissue.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Re-issue and renew one registry row: a one-row batch for the same
 * recipient and achievement (so the artwork, the proof and the registry
 * bookkeeping are the batch's), then the old credential is superseded
 * by the new one (revoked with the reason "superseded") and the status
 * list is published again. The batch id is derived from the old
 * credential, so running a re-issue again after a failure resumes it
 * instead of issuing twice.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-batch.h"
#include "rosette-error.h"
#include "rosette-issuer-keys.h"
#include "rosette-reissue.h"
#include "rosette-status-publish.h"

static RosetteIssueProof
proof_from_name (const char *name)
{
  if (g_strcmp0 (name, "ob2") == 0)
    return ROSETTE_ISSUE_PROOF_OB2;
  if (g_strcmp0 (name, "DataIntegrityProof") == 0)
    return ROSETTE_ISSUE_PROOF_DATA_INTEGRITY;
  return ROSETTE_ISSUE_PROOF_VC_JWT;
}

/* The credential the re-issue batch @batch_id issued to @old's holder. */
static RosetteIssuedRecord *
find_new_record (RosetteRegistry     *registry,
                 RosetteIssuedRecord *old,
                 const char          *email,
                 const char          *batch_id,
                 GError             **error)
{
  RosetteIssuedQuery query = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  query.family_slug = rosette_issued_record_get_family_slug (old);
  query.tier_slug = rosette_issued_record_get_tier_slug (old);
  query.text = email;
  query.status = ROSETTE_CREDENTIAL_STATUS_ANY;
  query.sort = ROSETTE_ISSUED_SORT_ISSUED_AT;
  query.descending = TRUE;

  rows = rosette_registry_list_issued (registry, &query, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      RosetteIssuedRecord *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (rosette_issued_record_get_batch_id (row), batch_id) == 0 &&
          g_strcmp0 (rosette_issued_record_get_email (row), email) == 0)
        return g_object_ref (row);
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("The re-issued badge is not in the registry"));
  return NULL;
}

/* Signs and writes the status lists; a message when that failed. */
static char *
publish (RosetteRegistry             *registry,
         const RosetteReissueOptions *options,
         GCancellable                *cancellable)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = rosette_status_publish_after_change (registry, options->issuer, options->key_record,
                                               options->key, options->publish_dir, cancellable,
                                               &error);
  if (files != NULL)
    return NULL;

  /* Translators: %s says why, e.g. "The keyring is locked" */
  return g_strdup_printf (_("Re-issued, but the status list was not published: %s"),
                          error->message);
}

RosetteIssuedRecord *
rosette_reissue_sync (RosetteRegistry             *registry,
                      const char                  *credential_id,
                      const RosetteReissueOptions *options,
                      char                       **warning,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  g_autoptr(RosetteIssuedRecord) old = NULL;
  g_autoptr(RosetteIssuedRecord) fresh = NULL;
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autofree char *family_slug = NULL;
  g_autofree char *batch_id = NULL;
  RosetteBatchRecipient recipient = { 0 };
  RosetteCredentialStatus status;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (credential_id != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->issuer != NULL, NULL);
  g_return_val_if_fail (ROSETTE_IS_FAMILY (options->family), NULL);
  g_return_val_if_fail (G_IS_FILE (options->output_dir), NULL);

  if (warning != NULL)
    *warning = NULL;

  old = rosette_registry_lookup (registry, credential_id, options->now, error);
  if (old == NULL)
    return NULL;

  status = rosette_issued_record_get_status (old);
  if (rosette_issued_record_get_superseded_by (old) != NULL ||
      (status != ROSETTE_CREDENTIAL_STATUS_VALID && status != ROSETTE_CREDENTIAL_STATUS_EXPIRED &&
       status != ROSETTE_CREDENTIAL_STATUS_REVOKED))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                   _("“%s” was already re-issued or was never issued"), credential_id);
      return NULL;
    }

  family_slug = rosette_family_dup_slug (options->family);
  if (g_strcmp0 (family_slug, rosette_issued_record_get_family_slug (old)) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   /* Translators: the first %s is a badge family's slug */
                   _("The badge family “%s” is not the one “%s” was issued from (“%s”)"),
                   family_slug, credential_id, rosette_issued_record_get_family_slug (old));
      return NULL;
    }

  if (options->valid_until != NULL)
    valid_until = g_date_time_ref (options->valid_until);
  else if (rosette_issued_record_get_valid_until (old) > 0)
    valid_until = g_date_time_new_from_unix_utc (rosette_issued_record_get_valid_until (old));

  batch_id = g_strdup_printf ("reissue-%s", credential_id);
  batch = rosette_batch_new (registry, options->issuer, options->family,
                             rosette_issued_record_get_tier_slug (old),
                             proof_from_name (rosette_issued_record_get_proof_type (old)),
                             options->output_dir, options->format, batch_id);
  if (options->key != NULL)
    rosette_batch_set_signing_key (batch, options->key, options->key_record);
  rosette_batch_set_include_names (batch, options->name != NULL ||
                                          rosette_issued_record_get_name (old) != NULL);
  rosette_batch_set_file_name (batch, options->file_name);
  if (valid_until != NULL)
    rosette_batch_set_valid_until (batch, valid_until);

  recipient.email = options->email != NULL ? options->email : rosette_issued_record_get_email (old);
  recipient.name = options->name != NULL ? options->name : rosette_issued_record_get_name (old);
  recipient.narrative = options->narrative;
  recipient.employee_id = rosette_issued_record_get_employee_id (old);
  recipient.department = rosette_issued_record_get_department (old);
  if (!rosette_batch_add_recipient (batch, &recipient, error))
    return NULL;

  summary = rosette_batch_run_sync (batch, NULL, NULL, cancellable, error);
  if (summary == NULL)
    return NULL;
  if (summary->cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Re-issue cancelled"));
      return NULL;
    }
  if (summary->failed > 0)
    {
      RosetteBatchFailure *failure = g_ptr_array_index (summary->failures, 0);

      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_FAILED, failure->message);
      return NULL;
    }

  fresh = find_new_record (registry, old, recipient.email, batch_id, error);
  if (fresh == NULL)
    return NULL;
  if (!rosette_registry_supersede (registry, credential_id,
                                   rosette_issued_record_get_credential_id (fresh),
                                   options->now, error))
    return NULL;

  if (options->publish_dir != NULL)
    {
      char *message = publish (registry, options, cancellable);

      if (warning != NULL)
        *warning = message;
      else
        g_free (message);
    }

  return g_steal_pointer (&fresh);
}
