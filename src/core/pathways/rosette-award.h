/* rosette-award.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-batch.h"

G_BEGIN_DECLS

/**
 * RosetteAwardContext:
 * @registry: the registry the badges are recorded in
 * @issuer: the issuer that signs
 * @family: the badge family of the achievement to award
 * @output_dir: the folder the badge files go to
 * @proof: the proof to make
 * @format: the file format
 * @include_names: put the recipients' names into the badges
 * @key: (nullable): sign with this key instead of the keyring's (tests)
 * @record: (nullable): the record of @key
 * @publish_base: (nullable): the issuer's publish base (status entries)
 *
 * What pathways and nominations need to hand badges to the normal
 * issuing path (#RosetteBatch). Nothing is owned: the caller keeps the
 * objects alive while a run lasts.
 */
typedef struct
{
  RosetteRegistry    *registry;
  RosetteIssuer      *issuer;
  RosetteFamily      *family;
  GFile              *output_dir;
  RosetteIssueProof   proof;
  RosetteIssueFormat  format;
  gboolean            include_names;
  RosetteKey         *key;
  RosetteKeyRecord   *record;
  const char         *publish_base;
} RosetteAwardContext;

RosetteAwardContext *rosette_award_context_copy  (const RosetteAwardContext *context);
void                 rosette_award_context_free  (RosetteAwardContext       *context);
RosetteBatch        *rosette_award_batch_new     (const RosetteAwardContext *context,
                                                  const char                *family_slug,
                                                  const char                *tier_slug,
                                                  const char                *batch_id,
                                                  GError                   **error);
char                *rosette_award_find_credential (const RosetteAwardContext *context,
                                                  const char                *email,
                                                  const char                *tier_slug,
                                                  const char                *batch_id,
                                                  GError                   **error);

GPtrArray           *rosette_award_dup_evidence  (const RosetteAwardContext *context,
                                                  const char * const        *credential_ids,
                                                  const char                *narrative,
                                                  GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteAwardContext, rosette_award_context_free)

G_END_DECLS
