/* rosette-registry-enums.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RosetteIssueState:
 * @ROSETTE_ISSUE_STATE_PENDING: reserved; the file may not be written yet
 * @ROSETTE_ISSUE_STATE_ISSUED: the file is written and recorded
 * @ROSETTE_ISSUE_STATE_FAILED: the last attempt failed; a re-run retries it
 *
 * Where one row of a batch is in its life. Only %ROSETTE_ISSUE_STATE_ISSUED
 * rows count as credentials in reports.
 */
typedef enum
{
  ROSETTE_ISSUE_STATE_PENDING,
  ROSETTE_ISSUE_STATE_ISSUED,
  ROSETTE_ISSUE_STATE_FAILED,
} RosetteIssueState;

/**
 * RosetteCredentialStatus:
 * @ROSETTE_CREDENTIAL_STATUS_ANY: (as a filter) every issued credential
 * @ROSETTE_CREDENTIAL_STATUS_VALID: issued, not revoked, not expired
 * @ROSETTE_CREDENTIAL_STATUS_EXPIRED: past its valid-until date
 * @ROSETTE_CREDENTIAL_STATUS_REVOKED: revoked (superseded ones too)
 * @ROSETTE_CREDENTIAL_STATUS_PENDING: reserved, not recorded as issued
 * @ROSETTE_CREDENTIAL_STATUS_FAILED: its last issuing attempt failed
 *
 * The status of a registry row at a given moment ("now" is always passed
 * in by the caller).
 */
typedef enum
{
  ROSETTE_CREDENTIAL_STATUS_ANY,
  ROSETTE_CREDENTIAL_STATUS_VALID,
  ROSETTE_CREDENTIAL_STATUS_EXPIRED,
  ROSETTE_CREDENTIAL_STATUS_REVOKED,
  ROSETTE_CREDENTIAL_STATUS_PENDING,
  ROSETTE_CREDENTIAL_STATUS_FAILED,
} RosetteCredentialStatus;

/**
 * RosetteIssuedSort:
 * @ROSETTE_ISSUED_SORT_ISSUED_AT: by the time of issue
 * @ROSETTE_ISSUED_SORT_NAME: by the recipient's name
 * @ROSETTE_ISSUED_SORT_EMAIL: by the recipient's e-mail address
 * @ROSETTE_ISSUED_SORT_DEPARTMENT: by department, then name
 * @ROSETTE_ISSUED_SORT_ACHIEVEMENT: by family, tier, then name
 * @ROSETTE_ISSUED_SORT_VALID_UNTIL: by expiry (no expiry last)
 */
typedef enum
{
  ROSETTE_ISSUED_SORT_ISSUED_AT,
  ROSETTE_ISSUED_SORT_NAME,
  ROSETTE_ISSUED_SORT_EMAIL,
  ROSETTE_ISSUED_SORT_DEPARTMENT,
  ROSETTE_ISSUED_SORT_ACHIEVEMENT,
  ROSETTE_ISSUED_SORT_VALID_UNTIL,
} RosetteIssuedSort;

/**
 * RosetteOutboxChannel:
 * @ROSETTE_OUTBOX_CHANNEL_EMAIL: e-mail to the recipient
 * @ROSETTE_OUTBOX_CHANNEL_UPLOAD: upload to the publish target
 */
typedef enum
{
  ROSETTE_OUTBOX_CHANNEL_EMAIL,
  ROSETTE_OUTBOX_CHANNEL_UPLOAD,
} RosetteOutboxChannel;

/**
 * RosetteOutboxState:
 * @ROSETTE_OUTBOX_STATE_QUEUED: waiting for its first attempt
 * @ROSETTE_OUTBOX_STATE_SENT: delivered
 * @ROSETTE_OUTBOX_STATE_FAILED: the last attempt failed; retried later
 * @ROSETTE_OUTBOX_STATE_SENDING: handed to the server, outcome not known
 *   yet (or the sender was interrupted: retried with the same Message-ID)
 */
typedef enum
{
  ROSETTE_OUTBOX_STATE_QUEUED,
  ROSETTE_OUTBOX_STATE_SENT,
  ROSETTE_OUTBOX_STATE_FAILED,
  ROSETTE_OUTBOX_STATE_SENDING,
} RosetteOutboxState;

/**
 * RosetteAuditAction:
 * @ROSETTE_AUDIT_ACTION_ISSUE: a credential was issued
 * @ROSETTE_AUDIT_ACTION_REVOKE: a credential was revoked
 * @ROSETTE_AUDIT_ACTION_SEND: a credential was delivered
 * @ROSETTE_AUDIT_ACTION_PUBLISH: public files were published
 * @ROSETTE_AUDIT_ACTION_REISSUE: a credential replaced another
 */
typedef enum
{
  ROSETTE_AUDIT_ACTION_ISSUE,
  ROSETTE_AUDIT_ACTION_REVOKE,
  ROSETTE_AUDIT_ACTION_SEND,
  ROSETTE_AUDIT_ACTION_PUBLISH,
  ROSETTE_AUDIT_ACTION_REISSUE,
} RosetteAuditAction;

G_END_DECLS
