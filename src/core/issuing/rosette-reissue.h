/* rosette-reissue.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-family.h"
#include "rosette-issuer.h"
#include "rosette-issuing.h"
#include "rosette-key.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/**
 * RosetteReissueOptions:
 * @issuer: the issuer that signs the new credential
 * @key: (nullable): the signing key; %NULL to load the issuer's from the keyring
 * @key_record: (nullable): the record of @key
 * @family: the badge family of the row's achievement (renders the artwork)
 * @output_dir: where the new badge file is written
 * @format: the new badge file's format
 * @publish_dir: (nullable): where the status list is published again;
 *   %NULL not to publish
 * @valid_until: (nullable): a new expiry (renew); %NULL keeps the old one
 * @now: (nullable): the moment of the re-issue; %NULL for now
 * @name: (nullable): a corrected recipient name; %NULL keeps the old one
 * @email: (nullable): a corrected recipient email; %NULL keeps the old one
 * @narrative: (nullable): a personal narrative for the new badge
 * @file_name: (nullable): the new badge's file name in @output_dir; %NULL
 *   for one made from the recipient
 *
 * What rosette_reissue_sync() needs besides the row. Zero it and set
 * what you need.
 */
typedef struct
{
  RosetteIssuer      *issuer;
  RosetteKey         *key;
  RosetteKeyRecord   *key_record;
  RosetteFamily      *family;
  GFile              *output_dir;
  RosetteIssueFormat  format;
  GFile              *publish_dir;
  GDateTime          *valid_until;
  GDateTime          *now;
  const char         *name;
  const char         *email;
  const char         *narrative;
  const char         *file_name;
} RosetteReissueOptions;

RosetteIssuedRecord *rosette_reissue_sync (RosetteRegistry             *registry,
                                           const char                  *credential_id,
                                           const RosetteReissueOptions *options,
                                           char                       **warning,
                                           GCancellable                *cancellable,
                                           GError                     **error);

G_END_DECLS
