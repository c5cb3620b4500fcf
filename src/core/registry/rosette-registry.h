/* rosette-registry.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issued-record.h"
#include "rosette-registry-enums.h"
#include "rosette-registry-rows.h"
#include "rosette-types.h"

G_BEGIN_DECLS

/* One Bitstring Status List holds this many entries (16 KiB, the minimum
 * the W3C recommendation allows); a new list starts when one is full. */
#define ROSETTE_STATUS_LIST_SIZE 131072

/* How many rows rosette_registry_batch_step() groups in one transaction
 * when the caller passes 0. */
#define ROSETTE_REGISTRY_DEFAULT_BATCH 500

#define ROSETTE_TYPE_REGISTRY (rosette_registry_get_type ())

G_DECLARE_FINAL_TYPE (RosetteRegistry, rosette_registry, ROSETTE, REGISTRY, GObject)

/**
 * RosetteRecipientData:
 * @email: the address (normalized on the way in: trimmed, lower case)
 * @name: (nullable): the full name
 * @employee_id: (nullable): the HRIS employee number
 * @department: (nullable): the department or organization
 * @hire_date: (nullable): "YYYY-MM-DD"
 * @manager: (nullable): the manager's name or address
 *
 * The fields of one recipient, for rosette_registry_upsert_recipient().
 * %NULL fields leave what the registry already knows unchanged.
 */
typedef struct
{
  const char *email;
  const char *name;
  const char *employee_id;
  const char *department;
  const char *hire_date;
  const char *manager;
} RosetteRecipientData;

/**
 * RosetteIssuanceRequest:
 * @issuance_key: from rosette_registry_compute_issuance_key()
 * @recipient_id: a row id from rosette_registry_upsert_recipient()
 * @achievement_id: a row id from rosette_registry_upsert_achievement()
 * @batch_id: the batch this row belongs to
 * @credential_id: (nullable): the id to use; %NULL makes an "urn:uuid:"
 * @valid_from: when the credential becomes valid
 * @valid_until: (nullable): when it expires
 * @proof_type: (nullable): "DataIntegrityProof", "vc-jwt", …
 * @now: (nullable): when the row is reserved; %NULL for the current time
 * @issuer_identifier: (nullable): the issuer id the credential carries
 *   (with did:key, that of the key that signs it), when it is not the
 *   identifier the achievement's issuer was recorded under
 */
typedef struct
{
  const char *issuance_key;
  gint64      recipient_id;
  gint64      achievement_id;
  const char *batch_id;
  const char *credential_id;
  GDateTime  *valid_from;
  GDateTime  *valid_until;
  const char *proof_type;
  GDateTime  *now;
  const char *issuer_identifier;
} RosetteIssuanceRequest;

/**
 * RosetteIssuedQuery:
 * @family_slug: (nullable): only this family
 * @tier_slug: (nullable): only this tier (of any family unless @family_slug)
 * @status: only rows with this status; %ROSETTE_CREDENTIAL_STATUS_ANY is
 *   every issued credential (pending and failed rows only when asked for)
 * @department: (nullable): only recipients of this department
 * @text: (nullable): a part of the recipient's name, e-mail address or
 *   employee id, or a whole credential id
 * @hide_superseded: leave out credentials that a re-issue replaced
 * @sort: the order
 * @descending: reverse the order
 * @limit: at most this many rows; 0 for no limit
 * @offset: skip this many rows (paging)
 * @now: (nullable): the moment that decides valid and expired; %NULL for
 *   the current time
 *
 * Filters, order and page of rosette_registry_list_issued(). Zero it
 * (`RosetteIssuedQuery q = { 0 };`) and set what you need.
 */
typedef struct
{
  const char              *family_slug;
  const char              *tier_slug;
  RosetteCredentialStatus  status;
  const char              *department;
  const char              *text;
  gboolean                 hide_superseded;
  RosetteIssuedSort        sort;
  gboolean                 descending;
  guint                    limit;
  guint                    offset;
  GDateTime               *now;
} RosetteIssuedQuery;

/**
 * RosetteHolderCounts:
 * @valid: credentials that are valid now
 * @expired: credentials past their valid-until date
 * @revoked: revoked credentials (superseded ones are not counted)
 */
typedef struct
{
  guint valid;
  guint expired;
  guint revoked;
} RosetteHolderCounts;

/**
 * RosetteIssuedFunc:
 * @record: one row
 * @user_data: the closure
 *
 * Returns: %FALSE to stop
 */
typedef gboolean (*RosetteIssuedFunc) (RosetteIssuedRecord *record,
                                       gpointer             user_data);

/**
 * RosetteAchievementImageFunc:
 * @family_slug: the achievement's family
 * @tier_slug: its tier
 * @png: the achievement image
 * @user_data: the closure
 */
typedef void (*RosetteAchievementImageFunc) (const char *family_slug,
                                             const char *tier_slug,
                                             GBytes     *png,
                                             gpointer    user_data);

/**
 * RosetteAchievementInfo:
 * @family_slug: the achievement's family
 * @family_name: its display name
 * @tier_slug: the tier
 * @tier_name: its display name
 * @criteria: (nullable): the criteria narrative (Markdown)
 * @json: (nullable): the achievement documents stored at issuing
 * @image: (nullable): the achievement image (PNG)
 *
 * One achievement, as rosette_registry_foreach_achievement() reads it.
 */
typedef struct
{
  const char *family_slug;
  const char *family_name;
  const char *tier_slug;
  const char *tier_name;
  const char *criteria;
  const char *json;
  GBytes     *image;
} RosetteAchievementInfo;

typedef void (*RosetteAchievementInfoFunc) (const RosetteAchievementInfo *info,
                                            gpointer                      user_data);

char            *rosette_registry_dup_default_path   (void);
RosetteRegistry *rosette_registry_open               (const char              *path,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
const char      *rosette_registry_get_path           (RosetteRegistry         *self);
guint            rosette_registry_get_schema_version (RosetteRegistry         *self);
guint            rosette_registry_get_latest_schema_version (void);

gboolean         rosette_registry_batch_begin        (RosetteRegistry         *self,
                                                      guint                    rows_per_commit,
                                                      GError                 **error);
gboolean         rosette_registry_batch_step         (RosetteRegistry         *self,
                                                      GError                 **error);
gboolean         rosette_registry_batch_end          (RosetteRegistry         *self,
                                                      gboolean                 commit,
                                                      GError                 **error);

gint64           rosette_registry_upsert_issuer      (RosetteRegistry         *self,
                                                      const char              *identifier,
                                                      const char              *name,
                                                      const char              *json,
                                                      GError                 **error);
gint64           rosette_registry_upsert_achievement (RosetteRegistry         *self,
                                                      gint64                   issuer_id,
                                                      const char              *family_slug,
                                                      const char              *family_name,
                                                      const char              *tier_slug,
                                                      const char              *tier_name,
                                                      const char              *criteria,
                                                      const char              *json,
                                                      GError                 **error);
gboolean         rosette_registry_set_achievement_image (RosetteRegistry      *self,
                                                         gint64                achievement_id,
                                                         GBytes               *png,
                                                         GError              **error);
gboolean         rosette_registry_foreach_achievement (RosetteRegistry           *self,
                                                       RosetteAchievementInfoFunc func,
                                                       gpointer                   user_data,
                                                       GError                   **error);
gboolean         rosette_registry_foreach_achievement_image (RosetteRegistry            *self,
                                                             RosetteAchievementImageFunc func,
                                                             gpointer                    user_data,
                                                             GError                    **error);
gint64           rosette_registry_upsert_recipient   (RosetteRegistry         *self,
                                                      const RosetteRecipientData *data,
                                                      GError                 **error);

char            *rosette_registry_compute_issuance_key (const char            *email,
                                                      const char              *family_slug,
                                                      const char              *tier_slug,
                                                      const char              *batch_id);
RosetteIssuedRecord *rosette_registry_reserve_issuance (RosetteRegistry       *self,
                                                      const RosetteIssuanceRequest *request,
                                                      gboolean                *out_created,
                                                      GError                 **error);
gboolean         rosette_registry_record_issued      (RosetteRegistry         *self,
                                                      const char              *credential_id,
                                                      const char * const      *files,
                                                      GDateTime               *issued_at,
                                                      GError                 **error);
gboolean         rosette_registry_mark_failed        (RosetteRegistry         *self,
                                                      const char              *credential_id,
                                                      const char              *message,
                                                      GError                 **error);
gboolean         rosette_registry_allocate_status_index (RosetteRegistry      *self,
                                                      gint64                  *out_list_id,
                                                      guint                   *out_index,
                                                      GError                 **error);
gboolean         rosette_registry_revoke             (RosetteRegistry         *self,
                                                      const char              *credential_id,
                                                      const char              *reason,
                                                      GDateTime               *now,
                                                      GError                 **error);
gboolean         rosette_registry_supersede          (RosetteRegistry         *self,
                                                      const char              *old_id,
                                                      const char              *new_id,
                                                      GDateTime               *now,
                                                      GError                 **error);
RosetteIssuedRecord *rosette_registry_lookup         (RosetteRegistry         *self,
                                                      const char              *credential_id,
                                                      GDateTime               *now,
                                                      GError                 **error);

GArray          *rosette_registry_list_status_lists  (RosetteRegistry         *self,
                                                      GError                 **error);
char            *rosette_registry_dup_status_list_encoded (RosetteRegistry    *self,
                                                      gint64                   list_id,
                                                      GError                 **error);

gboolean         rosette_registry_audit              (RosetteRegistry         *self,
                                                      RosetteAuditAction       action,
                                                      const char              *subject,
                                                      const char              *detail_json,
                                                      GDateTime               *now,
                                                      GError                 **error);
GPtrArray       *rosette_registry_list_audit         (RosetteRegistry         *self,
                                                      guint                    limit,
                                                      guint                    offset,
                                                      GError                 **error);

/* Reports (rosette-registry-reports.c) */
GPtrArray       *rosette_registry_list_issued        (RosetteRegistry         *self,
                                                      const RosetteIssuedQuery *query,
                                                      GError                 **error);
gboolean         rosette_registry_count_issued       (RosetteRegistry         *self,
                                                      const RosetteIssuedQuery *query,
                                                      guint                   *out_count,
                                                      GError                 **error);
gboolean         rosette_registry_foreach_issued     (RosetteRegistry         *self,
                                                      const RosetteIssuedQuery *query,
                                                      RosetteIssuedFunc        func,
                                                      gpointer                 user_data,
                                                      GError                 **error);
GPtrArray       *rosette_registry_holders            (RosetteRegistry         *self,
                                                      const char              *family_slug,
                                                      const char              *tier_slug,
                                                      GDateTime               *now,
                                                      guint                    limit,
                                                      RosetteHolderCounts     *out_counts,
                                                      GError                 **error);
GPtrArray       *rosette_registry_expiring           (RosetteRegistry         *self,
                                                      guint                    days,
                                                      GDateTime               *now,
                                                      guint                    limit,
                                                      GError                 **error);
GPtrArray       *rosette_registry_inventory          (RosetteRegistry         *self,
                                                      GDateTime               *now,
                                                      GError                 **error);
GPtrArray       *rosette_registry_history            (RosetteRegistry         *self,
                                                      GDateTime               *from,
                                                      GDateTime               *to,
                                                      GError                 **error);
GPtrArray       *rosette_registry_milestones         (RosetteRegistry         *self,
                                                      const guint             *years,
                                                      guint                    n_years,
                                                      const GDate             *from,
                                                      const GDate             *to,
                                                      GError                 **error);
gboolean         rosette_registry_export_csv         (RosetteRegistry         *self,
                                                      const RosetteIssuedQuery *query,
                                                      GOutputStream           *stream,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

void             rosette_registry_list_issued_async  (RosetteRegistry         *self,
                                                      const RosetteIssuedQuery *query,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray       *rosette_registry_list_issued_finish (RosetteRegistry         *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);
void             rosette_registry_count_issued_async (RosetteRegistry         *self,
                                                      const RosetteIssuedQuery *query,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
gboolean         rosette_registry_count_issued_finish (RosetteRegistry        *self,
                                                      GAsyncResult            *result,
                                                      guint                   *out_count,
                                                      GError                 **error);
void             rosette_registry_holders_async      (RosetteRegistry         *self,
                                                      const char              *family_slug,
                                                      const char              *tier_slug,
                                                      GDateTime               *now,
                                                      guint                    limit,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray       *rosette_registry_holders_finish     (RosetteRegistry         *self,
                                                      GAsyncResult            *result,
                                                      RosetteHolderCounts     *out_counts,
                                                      GError                 **error);
void             rosette_registry_expiring_async     (RosetteRegistry         *self,
                                                      guint                    days,
                                                      GDateTime               *now,
                                                      guint                    limit,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray       *rosette_registry_expiring_finish    (RosetteRegistry         *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);
void             rosette_registry_inventory_async    (RosetteRegistry         *self,
                                                      GDateTime               *now,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray       *rosette_registry_inventory_finish   (RosetteRegistry         *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);
void             rosette_registry_history_async      (RosetteRegistry         *self,
                                                      GDateTime               *from,
                                                      GDateTime               *to,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
GPtrArray       *rosette_registry_history_finish     (RosetteRegistry         *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

/* Outbox (rosette-registry-outbox.c) */
gint64           rosette_registry_outbox_enqueue     (RosetteRegistry         *self,
                                                      const char              *credential_id,
                                                      RosetteOutboxChannel     channel,
                                                      const char              *target,
                                                      gboolean                 resend,
                                                      GDateTime               *now,
                                                      GError                 **error);
GPtrArray       *rosette_registry_outbox_next_due    (RosetteRegistry         *self,
                                                      GDateTime               *now,
                                                      guint                    limit,
                                                      GError                 **error);
gboolean         rosette_registry_outbox_mark_sent   (RosetteRegistry         *self,
                                                      gint64                   item_id,
                                                      GDateTime               *now,
                                                      GError                 **error);
gboolean         rosette_registry_outbox_mark_failed (RosetteRegistry         *self,
                                                      gint64                   item_id,
                                                      const char              *message,
                                                      GDateTime               *now,
                                                      GError                 **error);
gboolean         rosette_registry_outbox_mark_sending (RosetteRegistry        *self,
                                                       gint64                  item_id,
                                                       GDateTime              *now,
                                                       GError                **error);
gint             rosette_registry_outbox_take_over_interrupted (RosetteRegistry *self,
                                                                GDateTime       *now,
                                                                GError         **error);
GPtrArray       *rosette_registry_outbox_list        (RosetteRegistry         *self,
                                                      const char              *credential_id,
                                                      GError                 **error);

G_END_DECLS
