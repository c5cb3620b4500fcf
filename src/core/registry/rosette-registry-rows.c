/* rosette-registry-rows.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rosette-registry-rows.h"

G_DEFINE_BOXED_TYPE (RosetteInventoryRow, rosette_inventory_row,
                     rosette_inventory_row_copy, rosette_inventory_row_free)
G_DEFINE_BOXED_TYPE (RosetteHistoryRow, rosette_history_row,
                     rosette_history_row_copy, rosette_history_row_free)
G_DEFINE_BOXED_TYPE (RosetteMilestoneRow, rosette_milestone_row,
                     rosette_milestone_row_copy, rosette_milestone_row_free)
G_DEFINE_BOXED_TYPE (RosetteOutboxItem, rosette_outbox_item,
                     rosette_outbox_item_copy, rosette_outbox_item_free)
G_DEFINE_BOXED_TYPE (RosetteAuditEntry, rosette_audit_entry,
                     rosette_audit_entry_copy, rosette_audit_entry_free)

RosetteInventoryRow *
rosette_inventory_row_copy (const RosetteInventoryRow *row)
{
  RosetteInventoryRow *copy = g_memdup2 (row, sizeof *row);

  copy->department = g_strdup (row->department);
  copy->family_slug = g_strdup (row->family_slug);
  copy->family_name = g_strdup (row->family_name);
  copy->tier_slug = g_strdup (row->tier_slug);
  copy->tier_name = g_strdup (row->tier_name);
  return copy;
}

void
rosette_inventory_row_free (RosetteInventoryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->department);
  g_free (row->family_slug);
  g_free (row->family_name);
  g_free (row->tier_slug);
  g_free (row->tier_name);
  g_free (row);
}

RosetteHistoryRow *
rosette_history_row_copy (const RosetteHistoryRow *row)
{
  RosetteHistoryRow *copy = g_memdup2 (row, sizeof *row);

  copy->batch_id = g_strdup (row->batch_id);
  copy->family_slug = g_strdup (row->family_slug);
  copy->tier_slug = g_strdup (row->tier_slug);
  return copy;
}

void
rosette_history_row_free (RosetteHistoryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->batch_id);
  g_free (row->family_slug);
  g_free (row->tier_slug);
  g_free (row);
}

RosetteMilestoneRow *
rosette_milestone_row_copy (const RosetteMilestoneRow *row)
{
  RosetteMilestoneRow *copy = g_memdup2 (row, sizeof *row);

  copy->email = g_strdup (row->email);
  copy->name = g_strdup (row->name);
  copy->department = g_strdup (row->department);
  copy->hire_date = g_strdup (row->hire_date);
  copy->anniversary = g_strdup (row->anniversary);
  return copy;
}

void
rosette_milestone_row_free (RosetteMilestoneRow *row)
{
  if (row == NULL)
    return;
  g_free (row->email);
  g_free (row->name);
  g_free (row->department);
  g_free (row->hire_date);
  g_free (row->anniversary);
  g_free (row);
}

RosetteOutboxItem *
rosette_outbox_item_copy (const RosetteOutboxItem *item)
{
  RosetteOutboxItem *copy = g_memdup2 (item, sizeof *item);

  copy->credential_id = g_strdup (item->credential_id);
  copy->target = g_strdup (item->target);
  copy->last_error = g_strdup (item->last_error);
  return copy;
}

void
rosette_outbox_item_free (RosetteOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->credential_id);
  g_free (item->target);
  g_free (item->last_error);
  g_free (item);
}

RosetteAuditEntry *
rosette_audit_entry_copy (const RosetteAuditEntry *entry)
{
  RosetteAuditEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->subject = g_strdup (entry->subject);
  copy->detail = g_strdup (entry->detail);
  return copy;
}

void
rosette_audit_entry_free (RosetteAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->subject);
  g_free (entry->detail);
  g_free (entry);
}

/**
 * rosette_audit_action_to_string:
 *
 * Returns: the word the audit log stores ("issue", "revoke", …)
 */
const char *
rosette_audit_action_to_string (RosetteAuditAction action)
{
  static const char * const names[] = { "issue", "revoke", "send", "publish", "reissue" };

  g_return_val_if_fail ((guint)action < G_N_ELEMENTS (names), NULL);
  return names[action];
}
