/* rosette-award.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Pathway goal badges and peer-recognition badges are issued by the same
 * #RosetteBatch as a CSV import: same credential, same artwork, same
 * registry rows and outbox, and the same exactly-once rule (a batch id
 * names the run, so running it again issues nothing twice). A goal badge
 * carries one Evidence entry per qualifying credential, whose id is that
 * credential's id.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"

#include "rosette-award.h"

/**
 * rosette_award_context_copy:
 *
 * For work in another thread: the objects are referenced and the strings
 * copied.
 *
 * Returns: (transfer full): a copy that owns its members
 */
RosetteAwardContext *
rosette_award_context_copy (const RosetteAwardContext *context)
{
  RosetteAwardContext *copy = g_memdup2 (context, sizeof *context);

  g_object_ref (copy->registry);
  g_object_ref (copy->issuer);
  g_object_ref (copy->family);
  g_object_ref (copy->output_dir);
  if (copy->key != NULL)
    g_object_ref (copy->key);
  if (copy->record != NULL)
    g_object_ref (copy->record);
  copy->publish_base = g_strdup (context->publish_base);
  return copy;
}

/**
 * rosette_award_context_free:
 *
 * Frees a context made by rosette_award_context_copy().
 */
void
rosette_award_context_free (RosetteAwardContext *context)
{
  if (context == NULL)
    return;
  g_clear_object (&context->registry);
  g_clear_object (&context->issuer);
  g_clear_object (&context->family);
  g_clear_object (&context->output_dir);
  g_clear_object (&context->key);
  g_clear_object (&context->record);
  g_free ((char *) context->publish_base);
  g_free (context);
}

/**
 * rosette_award_batch_new:
 * @family_slug: the achievement's family, as the registry knows it
 * @tier_slug: the achievement's tier
 * @batch_id: names the run (re-running it issues only what is missing)
 *
 * Makes the batch that issues one achievement of @context's family.
 *
 * Returns: (transfer full): the batch, or %NULL with
 *   %ROSETTE_ERROR_INVALID when the family file is not the achievement's
 */
RosetteBatch *
rosette_award_batch_new (const RosetteAwardContext  *context,
                         const char                 *family_slug,
                         const char                 *tier_slug,
                         const char                 *batch_id,
                         GError                    **error)
{
  g_autofree char *slug = NULL;
  RosetteBatch *batch;

  g_return_val_if_fail (context != NULL && ROSETTE_IS_FAMILY (context->family), NULL);
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (context->registry), NULL);
  g_return_val_if_fail (G_IS_FILE (context->output_dir), NULL);

  slug = rosette_family_dup_slug (context->family);
  if (g_strcmp0 (slug, family_slug) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The family file is “%s” but the badge to issue is of “%s”; "
                     "open the right family file"), slug, family_slug);
      return NULL;
    }

  batch = rosette_batch_new (context->registry, context->issuer, context->family, tier_slug,
                             context->proof, context->output_dir, context->format, batch_id);
  rosette_batch_set_include_names (batch, context->include_names);
  if (context->publish_base != NULL)
    rosette_batch_set_publish_base (batch, context->publish_base);
  if (context->key != NULL)
    rosette_batch_set_signing_key (batch, context->key, context->record);
  return batch;
}

/**
 * rosette_award_find_credential:
 * @email: the recipient
 * @tier_slug: the achievement's tier (of @context's family)
 * @batch_id: the run that issued it
 *
 * Returns: (transfer full) (nullable): the id of the credential that
 *   @batch_id issued to @email, or %NULL (without an error) if none
 */
char *
rosette_award_find_credential (const RosetteAwardContext  *context,
                               const char                 *email,
                               const char                 *tier_slug,
                               const char                 *batch_id,
                               GError                    **error)
{
  g_autofree char *family_slug = rosette_family_dup_slug (context->family);
  g_autoptr(GPtrArray) records = NULL;
  RosetteIssuedQuery query = {
    .family_slug = family_slug,
    .tier_slug = tier_slug,
    .status = ROSETTE_CREDENTIAL_STATUS_ANY,
    .text = email,
  };

  records = rosette_registry_list_issued (context->registry, &query, error);
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      RosetteIssuedRecord *record = g_ptr_array_index (records, i);

      if (g_strcmp0 (rosette_issued_record_get_batch_id (record), batch_id) == 0 &&
          g_ascii_strcasecmp (rosette_issued_record_get_email (record), email) == 0)
        return g_strdup (rosette_issued_record_get_credential_id (record));
    }
  return NULL;
}

/**
 * rosette_award_dup_evidence:
 * @credential_ids: the ids of the credentials that earned the award (a
 *   pathway's qualifying credentials), all in @context's registry
 * @narrative: (nullable): the narrative of each entry (Markdown)
 *
 * The OB 3.0 Evidence entries that point at @credential_ids: each entry's
 * id is the credential's id and its name the credential's achievement
 * ("Data Privacy — Practitioner"), as the registry records it.
 *
 * Returns: (transfer full) (element-type RosetteEvidence): the entries,
 *   or %NULL with %ROSETTE_ERROR_NOT_FOUND for an id the registry does
 *   not hold
 */
GPtrArray *
rosette_award_dup_evidence (const RosetteAwardContext  *context,
                            const char * const         *credential_ids,
                            const char                 *narrative,
                            GError                    **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (context != NULL && ROSETTE_IS_REGISTRY (context->registry), NULL);
  g_return_val_if_fail (credential_ids != NULL, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_evidence_free);
  for (guint i = 0; credential_ids[i] != NULL; i++)
    {
      g_autoptr(RosetteIssuedRecord) record = NULL;
      g_autofree char *name = NULL;

      record = rosette_registry_lookup (context->registry, credential_ids[i], NULL, error);
      if (record == NULL)
        return NULL;
      /* Translators: an achievement: the badge family, then its tier */
      name = g_strdup_printf (_("%s — %s"), rosette_issued_record_get_family_name (record),
                              rosette_issued_record_get_tier_name (record));
      g_ptr_array_add (list, rosette_evidence_new (credential_ids[i], name, narrative));
    }

  return g_steal_pointer (&list);
}
