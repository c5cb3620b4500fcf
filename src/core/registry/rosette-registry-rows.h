/* rosette-registry-rows.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-registry-enums.h"

G_BEGIN_DECLS

/**
 * RosetteInventoryRow:
 * @department: the department ("" for recipients without one)
 * @family_slug: the achievement's family
 * @family_name: its display name
 * @tier_slug: the tier
 * @tier_name: its display name
 * @holders: people of @department holding a valid credential of it
 * @headcount: people of @department in the registry
 * @percent: 100 × @holders / @headcount
 *
 * One cell of the skills inventory.
 */
typedef struct
{
  char   *department;
  char   *family_slug;
  char   *family_name;
  char   *tier_slug;
  char   *tier_name;
  guint   holders;
  guint   headcount;
  double  percent;
} RosetteInventoryRow;

/**
 * RosetteHistoryRow:
 * @batch_id: the batch
 * @family_slug: the achievement's family
 * @tier_slug: the tier
 * @first_issued_at: the earliest issue time in the batch (Unix seconds)
 * @last_issued_at: the latest one
 * @issued: rows recorded as issued
 * @pending: rows reserved but not (yet) issued
 * @failed: rows whose last attempt failed
 * @revoked: issued rows revoked since
 *
 * One batch and achievement of the issuance history.
 */
typedef struct
{
  char   *batch_id;
  char   *family_slug;
  char   *tier_slug;
  gint64  first_issued_at;
  gint64  last_issued_at;
  guint   issued;
  guint   pending;
  guint   failed;
  guint   revoked;
} RosetteHistoryRow;

/**
 * RosetteMilestoneRow:
 * @recipient_id: the recipient's row id
 * @email: the address
 * @name: (nullable): the name
 * @department: (nullable): the department
 * @hire_date: "YYYY-MM-DD"
 * @years: the years of service reached
 * @anniversary: the day they are reached ("YYYY-MM-DD"; 29 February
 *   becomes 28 February in common years)
 */
typedef struct
{
  gint64  recipient_id;
  char   *email;
  char   *name;
  char   *department;
  char   *hire_date;
  guint   years;
  char   *anniversary;
} RosetteMilestoneRow;

/**
 * RosetteOutboxItem:
 * @id: the outbox row id
 * @credential_id: what to deliver
 * @channel: how
 * @target: the address or URL
 * @state: where it is
 * @attempts: failed and successful attempts so far
 * @last_error: (nullable): why the last attempt failed
 * @next_attempt_at: when it is due (Unix seconds)
 */
typedef struct
{
  gint64                id;
  char                 *credential_id;
  RosetteOutboxChannel  channel;
  char                 *target;
  RosetteOutboxState    state;
  guint                 attempts;
  char                 *last_error;
  gint64                next_attempt_at;
} RosetteOutboxItem;

/**
 * RosetteAuditEntry:
 * @id: increasing with time
 * @at: when (Unix seconds)
 * @action: what was done
 * @subject: (nullable): to what (a credential id, a URL)
 * @detail: (nullable): JSON with the particulars
 */
typedef struct
{
  gint64              id;
  gint64              at;
  RosetteAuditAction  action;
  char               *subject;
  char               *detail;
} RosetteAuditEntry;

#define ROSETTE_TYPE_INVENTORY_ROW (rosette_inventory_row_get_type ())
#define ROSETTE_TYPE_HISTORY_ROW   (rosette_history_row_get_type ())
#define ROSETTE_TYPE_MILESTONE_ROW (rosette_milestone_row_get_type ())
#define ROSETTE_TYPE_OUTBOX_ITEM   (rosette_outbox_item_get_type ())
#define ROSETTE_TYPE_AUDIT_ENTRY   (rosette_audit_entry_get_type ())

GType                rosette_inventory_row_get_type (void) G_GNUC_CONST;
RosetteInventoryRow *rosette_inventory_row_copy     (const RosetteInventoryRow *row);
void                 rosette_inventory_row_free     (RosetteInventoryRow       *row);
GType                rosette_history_row_get_type   (void) G_GNUC_CONST;
RosetteHistoryRow   *rosette_history_row_copy       (const RosetteHistoryRow   *row);
void                 rosette_history_row_free       (RosetteHistoryRow         *row);
GType                rosette_milestone_row_get_type (void) G_GNUC_CONST;
RosetteMilestoneRow *rosette_milestone_row_copy     (const RosetteMilestoneRow *row);
void                 rosette_milestone_row_free     (RosetteMilestoneRow       *row);
GType                rosette_outbox_item_get_type   (void) G_GNUC_CONST;
RosetteOutboxItem   *rosette_outbox_item_copy       (const RosetteOutboxItem   *item);
void                 rosette_outbox_item_free       (RosetteOutboxItem         *item);
GType                rosette_audit_entry_get_type   (void) G_GNUC_CONST;
RosetteAuditEntry   *rosette_audit_entry_copy       (const RosetteAuditEntry   *entry);
void                 rosette_audit_entry_free       (RosetteAuditEntry         *entry);

const char          *rosette_audit_action_to_string (RosetteAuditAction         action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteInventoryRow, rosette_inventory_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteHistoryRow, rosette_history_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteMilestoneRow, rosette_milestone_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteOutboxItem, rosette_outbox_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteAuditEntry, rosette_audit_entry_free)

G_END_DECLS
