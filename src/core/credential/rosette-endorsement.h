/* rosette-endorsement.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-issuer.h"
#include "rosette-key.h"
#include "rosette-key-record.h"

G_BEGIN_DECLS

/* The longest endorsement comment accepted. */
#define ROSETTE_ENDORSEMENT_MAX_COMMENT 5000

/**
 * RosetteEndorsementRequest:
 * @subject_id: the endorsed thing's id: another organisation's
 *   achievement (or profile) URL
 * @name: (nullable): the endorsement's name; %NULL for "Endorsement"
 * @comment: (nullable): what the endorser says (Markdown)
 * @credential_id: (nullable): the id; %NULL for a new "urn:uuid:"
 * @valid_from: (nullable): %NULL for now
 * @valid_until: (nullable): the expiry, or %NULL for none
 */
typedef struct
{
  const char *subject_id;
  const char *name;
  const char *comment;
  const char *credential_id;
  GDateTime  *valid_from;
  GDateTime  *valid_until;
} RosetteEndorsementRequest;

JsonNode *rosette_endorsement_build (RosetteIssuer                   *issuer,
                                     RosetteKeyRecord                *record,
                                     const RosetteEndorsementRequest *request,
                                     GError                         **error);
char     *rosette_endorsement_sign  (RosetteIssuer                   *issuer,
                                     RosetteKeyRecord                *record,
                                     RosetteKey                      *key,
                                     const RosetteEndorsementRequest *request,
                                     GError                         **error);

G_END_DECLS
