/* rosette-gui-award.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-award.h"
#include "rosette-gui-utils.h"

/**
 * rosette_gui_award_context_new:
 * @issuer: (nullable): the issuer; %NULL for the app's current one
 * @key: (nullable): sign with this key rather than the keyring's
 * @record: (nullable): the record of @key
 *
 * Returns: (transfer full): the context (badges go to
 *   `$XDG_DATA_HOME/rosette/issued`), or %NULL with an error (no issuer)
 */
RosetteAwardContext *
rosette_gui_award_context_new (RosetteRegistry   *registry,
                               RosetteFamily     *family,
                               RosetteIssuer     *issuer,
                               RosetteKey        *key,
                               RosetteKeyRecord  *record,
                               GError           **error)
{
  g_autoptr(RosetteIssuer) current = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rosette", "issued", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (dir);
  RosetteAwardContext context = { NULL, };

  if (issuer == NULL)
    {
      g_autoptr(RosetteIssuerStore) store = rosette_gui_dup_issuer_store ();

      current = rosette_issuer_store_load_current (store, NULL, error);
      if (current == NULL)
        return NULL;
      issuer = current;
    }

  context.registry = registry;
  context.issuer = issuer;
  context.family = family;
  context.output_dir = output;
  context.proof = rosette_issue_default_proof (issuer, key);
  context.format = ROSETTE_ISSUE_FORMAT_PNG;
  context.include_names = TRUE;
  context.key = key;
  context.record = record;
  return rosette_award_context_copy (&context);
}

/**
 * rosette_gui_award_find_family:
 * @open_family: (nullable): the family open in Design
 * @family_slug: the family of the badge to issue
 * @family_file: (nullable): its .rosette file, if known
 *
 * Returns: (transfer full): the family to issue from, or %NULL with an
 *   error that says which family to open
 */
RosetteFamily *
rosette_gui_award_find_family (RosetteFamily  *open_family,
                               const char     *family_slug,
                               const char     *family_file,
                               GError        **error)
{
  g_autofree char *open_slug = open_family != NULL ? rosette_family_dup_slug (open_family) : NULL;

  if (g_strcmp0 (open_slug, family_slug) == 0)
    return g_object_ref (open_family);
  if (family_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (family_file);

      return rosette_family_new_from_file (file, NULL, error);
    }
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("Open the family “%s” in Design to issue its badge"), family_slug);
  return NULL;
}

/**
 * rosette_gui_award_dup_summary:
 *
 * Returns: (transfer full): a toast's text for a batch's outcome
 */
char *
rosette_gui_award_dup_summary (const RosetteBatchSummary *summary)
{
  if (summary->failed > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u badge issued, %u failed: %s",
                                         "%u badges issued, %u failed: %s", summary->issued),
                            summary->issued, summary->failed,
                            ((RosetteBatchFailure *) g_ptr_array_index (summary->failures, 0))->message);
  if (summary->issued == 0)
    return g_strdup (_("Nobody new to issue to"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u badge issued",
                                       "%u badges issued", summary->issued),
                          summary->issued);
}
