/* rosette-registry-outbox.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The delivery outbox: one row per credential, channel and target. A
 * failed attempt is never dropped: it waits with exponential backoff
 * (1 minute, doubling, at most 6 hours) and is due again after that. A
 * sent row is only queued again when the caller asks for a resend.
 *
 * "Sending" needs no new column value (the schema's CHECK allows only
 * queued, sent and failed): a row whose sent_at is set while its state
 * is not 'sent' was handed to the server at sent_at and its outcome is
 * unknown. Its next attempt is a lease away, so that nobody else picks
 * it up; a sender that knows it is alone (rosette-delivery.c holds a
 * lock file) takes such rows over at once after a crash.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include "rosette-registry-private.h"

#define BACKOFF_FIRST_SECONDS 60
#define BACKOFF_MAX_SECONDS (6 * 60 * 60)

static const char * const channel_names[] = { "email", "upload" };
static const char * const state_names[] = { "queued", "sent", "failed" };

#define SENDING_LEASE_SECONDS (60 * 60)
#define OUTBOX_COLUMNS "id, credential_id, channel, target, state, attempts," \
                       " last_error, next_attempt_at, sent_at"


static guint
parse_name (const char          *text,
            const char * const  *names,
            guint                n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      return i;
  return 0;
}

/**
 * rosette_registry_outbox_enqueue:
 * @credential_id: an issued credential
 * @channel: how to deliver it
 * @target: the e-mail address or upload URL
 * @resend: queue it again even if it was sent
 * @now: (nullable): when it becomes due
 *
 * Returns: the outbox row id (the existing one when the same delivery is
 *   queued already), or 0 with @error set
 */
gint64
rosette_registry_outbox_enqueue (RosetteRegistry       *self,
                                 const char            *credential_id,
                                 RosetteOutboxChannel   channel,
                                 const char            *target,
                                 gboolean               resend,
                                 GDateTime             *now,
                                 GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;
  gint64 id = 0;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);
  g_return_val_if_fail (credential_id != NULL && target != NULL, 0);
  g_return_val_if_fail ((guint)channel < G_N_ELEMENTS (channel_names), 0);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "INSERT INTO outbox (credential_id, channel, target,"
                              " next_attempt_at) VALUES (?1, ?2, ?3, ?4)"
                              " ON CONFLICT (credential_id, channel, target) DO UPDATE SET"
                              " state = CASE WHEN ?5 THEN 'queued' ELSE state END,"
                              " next_attempt_at = CASE WHEN ?5 THEN ?4 ELSE next_attempt_at END,"
                              " sent_at = CASE WHEN ?5 THEN NULL ELSE sent_at END"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;

  _rosette_db_bind_text (stmt, 1, credential_id);
  _rosette_db_bind_text (stmt, 2, channel_names[channel]);
  _rosette_db_bind_text (stmt, 3, target);
  sqlite3_bind_int64 (stmt, 4, _rosette_time_or_now (now));
  sqlite3_bind_int (stmt, 5, resend ? 1 : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!_rosette_db_step_done (db, stmt, error))
    return 0;
  return id;
}

static gpointer
outbox_item_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  RosetteOutboxItem *item = g_new0 (RosetteOutboxItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->credential_id = _rosette_db_dup_text (stmt, 1);
  item->channel = parse_name ((const char *)sqlite3_column_text (stmt, 2),
                              channel_names, G_N_ELEMENTS (channel_names));
  item->target = _rosette_db_dup_text (stmt, 3);
  item->state = parse_name ((const char *)sqlite3_column_text (stmt, 4),
                            state_names, G_N_ELEMENTS (state_names));
  item->attempts = (guint)sqlite3_column_int (stmt, 5);
  item->last_error = _rosette_db_dup_text (stmt, 6);
  item->next_attempt_at = sqlite3_column_int64 (stmt, 7);
  if (item->state != ROSETTE_OUTBOX_STATE_SENT && sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    item->state = ROSETTE_OUTBOX_STATE_SENDING;
  return item;
}

/**
 * rosette_registry_outbox_next_due:
 * @now: (nullable): the moment
 * @limit: at most this many; 0 for all
 *
 * Returns: (transfer container) (element-type RosetteOutboxItem): the
 *   queued and failed deliveries that are due, oldest due first
 */
GPtrArray *
rosette_registry_outbox_next_due (RosetteRegistry  *self,
                                  GDateTime        *now,
                                  guint             limit,
                                  GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "SELECT " OUTBOX_COLUMNS " FROM outbox"
                              " WHERE state <> 'sent' AND next_attempt_at <= ?"
                              " ORDER BY next_attempt_at, id LIMIT ?",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, _rosette_time_or_now (now));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
  return _rosette_db_collect (db, stmt, outbox_item_from_row, NULL,
                              (GDestroyNotify)rosette_outbox_item_free, error);
}

static gboolean
check_changed (RosetteDb  *db,
               gint64      item_id,
               GError    **error)
{
  if (sqlite3_changes (db->db) > 0)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("No pending delivery %lld in the outbox"), (long long)item_id);
  return FALSE;
}

/**
 * rosette_registry_outbox_mark_sent:
 * @item_id: an outbox row id
 * @now: (nullable): when it was delivered
 *
 * Marks the delivery done and writes a "send" (e-mail) or "publish"
 * (upload) audit entry, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_registry_outbox_mark_sent (RosetteRegistry  *self,
                                   gint64            item_id,
                                   GDateTime        *now,
                                   GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *credential_id = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *target = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;
  gint64 at;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  db = _rosette_registry_get_db (self);
  at = _rosette_time_or_now (now);
  locker = g_mutex_locker_new (&db->lock);
  if (!_rosette_db_savepoint (db, error))
    return FALSE;

  stmt = _rosette_db_prepare (db,
                              "UPDATE outbox SET state = 'sent', sent_at = ?,"
                              " attempts = attempts + 1, last_error = NULL"
                              " WHERE id = ? AND state <> 'sent'"
                              " RETURNING credential_id, channel, target",
                              error);
  if (stmt == NULL)
    return _rosette_db_release (db, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      credential_id = _rosette_db_dup_text (stmt, 0);
      channel = _rosette_db_dup_text (stmt, 1);
      target = _rosette_db_dup_text (stmt, 2);
    }
  if (!_rosette_db_step_done (db, stmt, error))
    return _rosette_db_release (db, FALSE, NULL);
  if (credential_id == NULL)
    {
      check_changed (db, item_id, error);
      return _rosette_db_release (db, FALSE, NULL);
    }

  detail = g_strdup_printf ("{\"channel\":\"%s\",\"outbox\":%" G_GINT64_FORMAT "}",
                            channel, item_id);
  if (!_rosette_db_audit (db,
                          g_strcmp0 (channel, "upload") == 0 ? ROSETTE_AUDIT_ACTION_PUBLISH
                                                             : ROSETTE_AUDIT_ACTION_SEND,
                          credential_id, detail, at, error))
    return _rosette_db_release (db, FALSE, NULL);

  return _rosette_db_release (db, TRUE, error);
}

/**
 * rosette_registry_outbox_mark_failed:
 * @item_id: an outbox row id
 * @message: why it failed
 * @now: (nullable): when
 *
 * Records the failure and when to try again; the row stays in the outbox.
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_registry_outbox_mark_failed (RosetteRegistry  *self,
                                     gint64            item_id,
                                     const char       *message,
                                     GDateTime        *now,
                                     GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  /* Backoff: 60 s × 2^(attempts before this one), capped; the shift is
   * bounded so that it cannot overflow. */
  stmt = _rosette_db_prepare (db,
                              "UPDATE outbox SET state = 'failed', attempts = attempts + 1,"
                              " last_error = ?1, sent_at = NULL,"
                              " next_attempt_at = ?2 + min (?3, ?4 << min (attempts, 20))"
                              " WHERE id = ?5 AND state <> 'sent'",
                              error);
  if (stmt == NULL)
    return FALSE;

  _rosette_db_bind_text (stmt, 1, message);
  sqlite3_bind_int64 (stmt, 2, _rosette_time_or_now (now));
  sqlite3_bind_int64 (stmt, 3, BACKOFF_MAX_SECONDS);
  sqlite3_bind_int64 (stmt, 4, BACKOFF_FIRST_SECONDS);
  sqlite3_bind_int64 (stmt, 5, item_id);
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;
  return check_changed (db, item_id, error);
}

/* Runs an UPDATE of the outbox with ?1 = @at, ?2 = @a, ?3 = @b (those
 * of them it has); returns the rows changed, or -1 with @error set. */
static gint
update_outbox (RosetteRegistry  *self,
               const char       *sql,
               gint64            at,
               gint64            a,
               gint64            b,
               GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt) && i <= 3; i++)
    sqlite3_bind_int64 (stmt, i, i == 1 ? at : i == 2 ? a : b);
  if (!_rosette_db_step_done (db, stmt, error))
    return -1;
  return sqlite3_changes (db->db);
}

/**
 * rosette_registry_outbox_mark_sending:
 * @item_id: an outbox row id
 * @now: (nullable): when the message is handed to the server
 *
 * Records that the message is about to be handed to the server, before
 * it is: after a crash the row shows as %ROSETTE_OUTBOX_STATE_SENDING
 * and rosette_registry_outbox_take_over_interrupted() makes it due again.
 * Nobody else picks it up for an hour meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_registry_outbox_mark_sending (RosetteRegistry  *self,
                                      gint64            item_id,
                                      GDateTime        *now,
                                      GError          **error)
{
  gint changed;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  changed = update_outbox (self,
                           "UPDATE outbox SET sent_at = ?1, next_attempt_at = ?1 + ?2"
                           " WHERE id = ?3 AND state <> 'sent'",
                           _rosette_time_or_now (now), SENDING_LEASE_SECONDS, item_id, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("No pending delivery %lld in the outbox"), (long long)item_id);
  return changed > 0;
}

/**
 * rosette_registry_outbox_take_over_interrupted:
 * @now: (nullable): the moment
 *
 * Makes every row left sending (by a sender that crashed or was killed)
 * due at @now. Call it only while no other sender can run.
 *
 * Returns: how many rows were taken over, or -1 with @error set
 */
gint
rosette_registry_outbox_take_over_interrupted (RosetteRegistry  *self,
                                               GDateTime        *now,
                                               GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), -1);

  return update_outbox (self,
                        "UPDATE outbox SET next_attempt_at = ?1"
                        " WHERE state <> 'sent' AND sent_at IS NOT NULL",
                        _rosette_time_or_now (now), 0, 0, error);
}

/**
 * rosette_registry_outbox_list:
 * @credential_id: (nullable): only this credential's rows; %NULL for all
 *
 * Returns: (transfer container) (element-type RosetteOutboxItem): every
 *   outbox row (sent ones too), oldest first
 */
GPtrArray *
rosette_registry_outbox_list (RosetteRegistry  *self,
                              const char       *credential_id,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "SELECT " OUTBOX_COLUMNS " FROM outbox"
                              " WHERE ?1 IS NULL OR credential_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  _rosette_db_bind_text (stmt, 1, credential_id);
  return _rosette_db_collect (db, stmt, outbox_item_from_row, NULL,
                              (GDestroyNotify)rosette_outbox_item_free, error);
}
