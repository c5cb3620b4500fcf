/* rosette-issued-record.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-registry-enums.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_ISSUED_RECORD (rosette_issued_record_get_type ())

G_DECLARE_FINAL_TYPE (RosetteIssuedRecord, rosette_issued_record, ROSETTE, ISSUED_RECORD, GObject)

const char             *rosette_issued_record_get_credential_id  (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_issuance_key   (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_batch_id       (RosetteIssuedRecord *self);
RosetteIssueState       rosette_issued_record_get_state          (RosetteIssuedRecord *self);
RosetteCredentialStatus rosette_issued_record_get_status         (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_recipient_id   (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_email          (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_name           (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_employee_id    (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_department     (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_achievement_id (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_family_slug    (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_family_name    (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_tier_slug      (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_tier_name      (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_valid_from     (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_valid_until    (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_issued_at      (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_proof_type     (RosetteIssuedRecord *self);
const char * const     *rosette_issued_record_get_files          (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_status_list_id (RosetteIssuedRecord *self);
guint                   rosette_issued_record_get_status_index   (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_last_error     (RosetteIssuedRecord *self);
gint64                  rosette_issued_record_get_revoked_at     (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_revoke_reason  (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_superseded_by  (RosetteIssuedRecord *self);
const char             *rosette_issued_record_get_issuer_identifier (RosetteIssuedRecord *self);

const char             *rosette_credential_status_to_string      (RosetteCredentialStatus status);

G_END_DECLS
