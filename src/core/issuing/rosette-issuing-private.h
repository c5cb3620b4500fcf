/* rosette-issuing-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-batch.h"
#include "rosette-issuing.h"

G_BEGIN_DECLS

/* rosette_issue_prepared_make(), also handing back what was signed (a
 * compact JWS, or the Data Integrity JSON) and any warning the signer
 * gave (the OB 2.0 publish notice). */
GBytes   *_rosette_issue_prepared_make_full (RosetteIssuePrepared   *self,
                                             const RosetteIssueRow  *row,
                                             RosetteKeyRecord       *record,
                                             RosetteKey             *key,
                                             char                  **out_id,
                                             char                  **out_signed,
                                             char                  **warning,
                                             GError                **error);

/* One badge recorded in the registry is a batch of one
 * (rosette_issue_one_sync() with a registry): the batch keeps what its
 * one row signed, for the result's id and preview. */
void      _rosette_batch_set_keep_signed    (RosetteBatch           *self,
                                             gboolean                keep_signed);
gboolean  _rosette_batch_take_signed        (RosetteBatch           *self,
                                             char                  **credential_id,
                                             char                  **signed_text,
                                             char                  **warning,
                                             GError                **error);

G_END_DECLS
