/* rosette-registry-issue.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The life of one issued row, built for batches that crash or are
 * cancelled and then run again:
 *
 *   reserve_issuance (key)    pending row: credential id and status index
 *                             fixed now, so a retry signs the same ids
 *   … the caller signs and writes the file (temporary file + rename) …
 *   record_issued (id, files) issued, with its audit entry, atomically
 *
 * A re-run reserves the same keys: an issued row comes back as it is (skip
 * it); a pending or failed one comes back with its ids (do it again). A
 * file is only ever recorded after it is complete on disk, so a crash
 * leaves at worst a pending row whose file is redone.
 *
 * Revocation sets the row's bit in its Bitstring Status List in the same
 * transaction that marks the row, so the two never disagree.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-recipient.h"
#include "rosette-registry-private.h"
#include "rosette-status-list.h"

#define SUPERSEDED_REASON "superseded"

/**
 * rosette_registry_compute_issuance_key:
 * @email: the recipient's address (normalized here)
 * @family_slug: the achievement's family
 * @tier_slug: the achievement's tier
 * @batch_id: the batch
 *
 * Returns: (transfer full): the key that makes a batch row idempotent:
 *   the SHA-256 (hex) of the four values
 */
char *
rosette_registry_compute_issuance_key (const char *email,
                                       const char *family_slug,
                                       const char *tier_slug,
                                       const char *batch_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *normal = NULL;
  const char *parts[4];

  g_return_val_if_fail (email != NULL && family_slug != NULL, NULL);
  g_return_val_if_fail (tier_slug != NULL && batch_id != NULL, NULL);

  normal = rosette_email_normalize (email);
  parts[0] = normal;
  parts[1] = family_slug;
  parts[2] = tier_slug;
  parts[3] = batch_id;

  /* The unit separator cannot occur in any of the parts' text forms that
   * matter, so "a"+"bc" and "ab"+"c" hash differently. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (checksum, (const guchar *)parts[i], -1);
      g_checksum_update (checksum, (const guchar *)"\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static RosetteIssuedRecord *
select_one (RosetteDb   *db,
            const char  *where_column,
            const char  *value,
            gint64       now,
            GError     **error)
{
  g_autofree char *sql = NULL;
  RosetteIssuedRecord *record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT %s WHERE %s = ?", _rosette_issued_lookup_columns, where_column);
  stmt = _rosette_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _rosette_db_bind_text (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _rosette_issued_record_from_row (stmt, now);
  else if (rc != SQLITE_DONE)
    _rosette_db_set_error (db, error);
  sqlite3_reset (stmt);

  return record;
}

static RosetteIssuedRecord *
lookup_locked (RosetteDb   *db,
               const char  *credential_id,
               gint64       now,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RosetteIssuedRecord *record;

  record = select_one (db, "i.credential_id", credential_id, now, &local_error);
  if (record == NULL && local_error == NULL)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("No credential “%s” in the registry"), credential_id);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return record;
}

static gboolean
allocate_index_locked (RosetteDb  *db,
                       gint64     *out_list_id,
                       guint      *out_index,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* A SELECT and an UPDATE rather than UPDATE … RETURNING, which makes
   * SQLite open a temporary table for every badge of a batch. The caller
   * holds the lock and a savepoint, and the UPDATE only moves the index
   * it read (another program's allocation in between is an error, never
   * an index handed out twice). */
  stmt = _rosette_db_prepare (db,
                              "SELECT id, next_index FROM status_lists"
                              " WHERE id = (SELECT max (id) FROM status_lists)"
                              " AND next_index < size",
                              error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_list_id = sqlite3_column_int64 (stmt, 0);
      *out_index = (guint)sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);

      stmt = _rosette_db_prepare (db,
                                  "UPDATE status_lists SET next_index = ?1 + 1"
                                  " WHERE id = ?2 AND next_index = ?1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *out_index);
      sqlite3_bind_int64 (stmt, 2, *out_list_id);
      if (!_rosette_db_step_done (db, stmt, error))
        return FALSE;
      if (sqlite3_changes (db->db) != 1)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE,
                       _("The registry is in use by another program; try again when it has finished"));
          return FALSE;
        }
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      return FALSE;
    }

  /* No list yet, or the newest is full: start the next one. */
  stmt = _rosette_db_prepare (db,
                              "INSERT INTO status_lists (size, next_index) VALUES (?, 1)"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, ROSETTE_STATUS_LIST_SIZE);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_list_id = sqlite3_column_int64 (stmt, 0);
  *out_index = 0;
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;

  stmt = _rosette_db_prepare (db,
                              "INSERT INTO status_list_bits (list_id, bitstring)"
                              " VALUES (?, zeroblob (?))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *out_list_id);
  sqlite3_bind_int (stmt, 2, ROSETTE_STATUS_LIST_SIZE / 8);
  return _rosette_db_step_done (db, stmt, error);
}

/**
 * rosette_registry_allocate_status_index:
 * @out_list_id: (out): the status list's row id
 * @out_index: (out): the free index in it
 *
 * Takes the next unused entry of the newest status list (a new list when it
 * is full). rosette_registry_reserve_issuance() calls this itself.
 *
 * Returns: %TRUE if an index was allocated
 */
gboolean
rosette_registry_allocate_status_index (RosetteRegistry  *self,
                                        gint64           *out_list_id,
                                        guint            *out_index,
                                        GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (out_list_id != NULL && out_index != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  if (!_rosette_db_savepoint (db, error))
    return FALSE;
  if (!allocate_index_locked (db, out_list_id, out_index, error))
    return _rosette_db_release (db, FALSE, NULL);
  return _rosette_db_release (db, TRUE, error);
}

/* A new pending row for @request; @out gets its ids. */
static gboolean
insert_pending (RosetteDb                     *db,
                const RosetteIssuanceRequest  *request,
                RosetteReservation            *out,
                GError                       **error)
{
  sqlite3_stmt *stmt;

  if (!allocate_index_locked (db, &out->status_list_id, &out->status_index, error))
    return FALSE;

  stmt = _rosette_db_prepare (db,
                              "INSERT INTO issued (credential_id, recipient_id, achievement_id,"
                              " batch_id, issuance_key, valid_from, valid_until, proof_type,"
                              " status_list_id, status_index, created_at, issuer_identifier, state)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
                              error);
  if (stmt == NULL)
    return FALSE;

  out->credential_id = request->credential_id != NULL
    ? g_strdup (request->credential_id)
    : g_strconcat ("urn:uuid:", g_uuid_string_random (), NULL);
  out->state = ROSETTE_ISSUE_STATE_PENDING;
  _rosette_db_bind_text (stmt, 1, out->credential_id);
  sqlite3_bind_int64 (stmt, 2, request->recipient_id);
  sqlite3_bind_int64 (stmt, 3, request->achievement_id);
  _rosette_db_bind_text (stmt, 4, request->batch_id);
  _rosette_db_bind_text (stmt, 5, request->issuance_key);
  sqlite3_bind_int64 (stmt, 6, g_date_time_to_unix (request->valid_from));
  if (request->valid_until != NULL)
    sqlite3_bind_int64 (stmt, 7, g_date_time_to_unix (request->valid_until));
  _rosette_db_bind_text (stmt, 8, request->proof_type);
  sqlite3_bind_int64 (stmt, 9, out->status_list_id);
  sqlite3_bind_int64 (stmt, 10, out->status_index);
  sqlite3_bind_int64 (stmt, 11, _rosette_time_or_now (request->now));
  _rosette_db_bind_text (stmt, 12, request->issuer_identifier);
  return _rosette_db_step_done (db, stmt, error);
}

/* The row of @request's issuance key if there is one, else a new pending
 * row: one indexed probe and, for a new row, one savepoint with the
 * status index and the insert. */
static gboolean
reserve_locked (RosetteDb                     *db,
                const RosetteIssuanceRequest  *request,
                RosetteReservation            *out,
                gboolean                      *out_created,
                GError                       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  *out_created = FALSE;

  stmt = _rosette_db_prepare (db,
                              "SELECT credential_id, state = 'issued', state = 'failed',"
                              " status_list_id, status_index"
                              " FROM issued WHERE issuance_key = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  _rosette_db_bind_text (stmt, 1, request->issuance_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->credential_id = _rosette_db_dup_text (stmt, 0);
      out->state = sqlite3_column_int (stmt, 1) ? ROSETTE_ISSUE_STATE_ISSUED
                   : sqlite3_column_int (stmt, 2) ? ROSETTE_ISSUE_STATE_FAILED
                   : ROSETTE_ISSUE_STATE_PENDING;
      out->status_list_id = sqlite3_column_int64 (stmt, 3);
      out->status_index = (guint)sqlite3_column_int64 (stmt, 4);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      return FALSE;
    }

  if (!_rosette_db_savepoint (db, error))
    return FALSE;
  if (!insert_pending (db, request, out, error))
    {
      _rosette_reservation_clear (out);
      return _rosette_db_release (db, FALSE, NULL);
    }
  if (!_rosette_db_release (db, TRUE, error))
    {
      _rosette_reservation_clear (out);
      return FALSE;
    }

  *out_created = TRUE;
  return TRUE;
}

void
_rosette_reservation_clear (RosetteReservation *reservation)
{
  g_clear_pointer (&reservation->credential_id, g_free);
}

/* See rosette-registry-private.h. */
gboolean
_rosette_registry_reserve (RosetteRegistry               *self,
                           const RosetteIssuanceRequest  *request,
                           RosetteReservation            *out,
                           gboolean                      *out_created,
                           GError                       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  RosetteDb *db;
  gboolean created;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (request != NULL && request->issuance_key != NULL, FALSE);
  g_return_val_if_fail (request->batch_id != NULL && request->valid_from != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  if (!reserve_locked (db, request, out, &created, error))
    return FALSE;
  if (out_created != NULL)
    *out_created = created;
  return TRUE;
}

/**
 * rosette_registry_reserve_issuance:
 * @request: what to issue
 * @out_created: (out) (optional): %TRUE if the row is new
 *
 * The idempotent first step of issuing one row. If @request's issuance
 * key is already in the registry, that row is returned unchanged: when it
 * is %ROSETTE_ISSUE_STATE_ISSUED the caller skips it, otherwise the caller
 * issues it again with the returned credential id and status index.
 * Otherwise a pending row is created with a new status index.
 *
 * Returns: (transfer full): the row, or %NULL with @error set
 */
RosetteIssuedRecord *
rosette_registry_reserve_issuance (RosetteRegistry               *self,
                                   const RosetteIssuanceRequest  *request,
                                   gboolean                      *out_created,
                                   GError                       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  RosetteReservation reservation;
  RosetteIssuedRecord *record;
  RosetteDb *db;
  gboolean created;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (request != NULL && request->issuance_key != NULL, NULL);
  g_return_val_if_fail (request->batch_id != NULL && request->valid_from != NULL, NULL);

  if (out_created != NULL)
    *out_created = FALSE;

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  if (!reserve_locked (db, request, &reservation, &created, error))
    return NULL;

  record = select_one (db, "i.credential_id", reservation.credential_id,
                       _rosette_time_or_now (NULL), error);
  _rosette_reservation_clear (&reservation);
  if (record != NULL && out_created != NULL)
    *out_created = created;
  return record;
}

static char *
files_to_json (const char * const *files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    json_builder_add_string_value (builder, files[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Detail of an audit entry: a flat JSON object of string members. */
static char *
detail_json (const char *first_key,
             ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *key;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_key);
  for (key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, key);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  va_end (args);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Explains why an UPDATE guarded by the row's state matched nothing. */
static void
set_state_error (RosetteDb   *db,
                 const char  *credential_id,
                 GError     **error)
{
  g_autoptr(RosetteIssuedRecord) record = lookup_locked (db, credential_id, 0, error);

  if (record == NULL)
    return;

  if (record->revoked_at != 0)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                 _("The credential “%s” is already revoked"), credential_id);
  else if (record->state == ROSETTE_ISSUE_STATE_ISSUED)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                 _("The credential “%s” is already recorded as issued"), credential_id);
  else
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                 _("The credential “%s” was never issued"), credential_id);
}

/**
 * rosette_registry_record_issued:
 * @credential_id: a reserved (pending or failed) row
 * @files: (nullable) (array zero-terminated=1): the complete files written
 * @issued_at: (nullable): when; %NULL for the current time
 *
 * Marks the row issued and writes its audit entry in one transaction.
 * Call it only once the files are complete on disk.
 *
 * Returns: %TRUE if recorded; %ROSETTE_ERROR_NOT_FOUND or
 *   %ROSETTE_ERROR_CONFLICT (already issued) otherwise
 */
gboolean
rosette_registry_record_issued (RosetteRegistry     *self,
                                const char          *credential_id,
                                const char * const  *files,
                                GDateTime           *issued_at,
                                GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *files_json = NULL;
  g_autofree char *batch_id = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;
  gint64 at;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (credential_id != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  at = _rosette_time_or_now (issued_at);
  files_json = files_to_json (files);
  locker = g_mutex_locker_new (&db->lock);

  if (!_rosette_db_savepoint (db, error))
    return FALSE;

  /* No RETURNING (a temporary table per row): the batch id is read back
   * by the primary key, whose page the UPDATE has just visited. */
  stmt = _rosette_db_prepare (db,
                              "UPDATE issued SET state = 'issued', files = ?, issued_at = ?,"
                              " last_error = NULL"
                              " WHERE credential_id = ? AND state <> 'issued'",
                              error);
  if (stmt == NULL)
    return _rosette_db_release (db, FALSE, NULL);

  _rosette_db_bind_text (stmt, 1, files_json);
  sqlite3_bind_int64 (stmt, 2, at);
  _rosette_db_bind_text (stmt, 3, credential_id);
  if (!_rosette_db_step_done (db, stmt, error))
    return _rosette_db_release (db, FALSE, NULL);
  if (sqlite3_changes (db->db) == 0)
    {
      set_state_error (db, credential_id, error);
      return _rosette_db_release (db, FALSE, NULL);
    }

  stmt = _rosette_db_prepare (db, "SELECT batch_id FROM issued WHERE credential_id = ?", error);
  if (stmt == NULL)
    return _rosette_db_release (db, FALSE, NULL);
  _rosette_db_bind_text (stmt, 1, credential_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    batch_id = _rosette_db_dup_text (stmt, 0);
  if (!_rosette_db_step_done (db, stmt, error))
    return _rosette_db_release (db, FALSE, NULL);

  detail = detail_json ("batch", batch_id, "files", files_json, NULL);
  if (!_rosette_db_audit (db, ROSETTE_AUDIT_ACTION_ISSUE, credential_id, detail, at, error))
    return _rosette_db_release (db, FALSE, NULL);

  return _rosette_db_release (db, TRUE, error);
}

/**
 * rosette_registry_mark_failed:
 * @credential_id: a reserved row
 * @message: (nullable): why, for the history and the retry
 *
 * Returns: %TRUE if the row is now failed (a re-run retries it)
 */
gboolean
rosette_registry_mark_failed (RosetteRegistry  *self,
                              const char       *credential_id,
                              const char       *message,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (credential_id != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "UPDATE issued SET state = 'failed', last_error = ?"
                              " WHERE credential_id = ? AND state <> 'issued'",
                              error);
  if (stmt == NULL)
    return FALSE;

  _rosette_db_bind_text (stmt, 1, message);
  _rosette_db_bind_text (stmt, 2, credential_id);
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db->db) == 0)
    {
      set_state_error (db, credential_id, error);
      return FALSE;
    }
  return TRUE;
}

/* Incremental blob I/O: one byte of the list changes, not 16 KiB. */
static gboolean
set_status_bit (RosetteDb  *db,
                gint64      list_id,
                guint       index,
                GError    **error)
{
  sqlite3_blob *blob = NULL;
  guint8 byte = 0;

  if (sqlite3_blob_open (db->db, "main", "status_list_bits", "bitstring", list_id, 1,
                         &blob) != SQLITE_OK
      || (int)(index / 8) >= sqlite3_blob_bytes (blob)
      || sqlite3_blob_read (blob, &byte, 1, (int)(index / 8)) != SQLITE_OK)
    goto fail;

  rosette_status_list_set_bit (&byte, index % 8, TRUE);
  if (sqlite3_blob_write (blob, &byte, 1, (int)(index / 8)) != SQLITE_OK)
    goto fail;

  if (sqlite3_blob_close (blob) == SQLITE_OK)
    return TRUE;
  blob = NULL;

fail:
  _rosette_db_set_error (db, error);
  sqlite3_blob_close (blob);
  return FALSE;
}

/* Within a savepoint of the caller. */
static gboolean
revoke_locked (RosetteDb   *db,
               const char  *credential_id,
               const char  *reason,
               gint64       at,
               GError     **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *index_text = NULL;
  sqlite3_stmt *stmt;
  gint64 list_id = 0;
  guint index = 0;
  gboolean found = FALSE;

  stmt = _rosette_db_prepare (db,
                              "UPDATE issued SET revoked_at = ?, revoke_reason = ?"
                              " WHERE credential_id = ? AND state = 'issued'"
                              " AND revoked_at IS NULL"
                              " RETURNING status_list_id, status_index",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, at);
  _rosette_db_bind_text (stmt, 2, reason);
  _rosette_db_bind_text (stmt, 3, credential_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      list_id = sqlite3_column_int64 (stmt, 0);
      index = (guint)sqlite3_column_int64 (stmt, 1);
    }
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;
  if (!found)
    {
      set_state_error (db, credential_id, error);
      return FALSE;
    }

  if (list_id != 0 && !set_status_bit (db, list_id, index, error))
    return FALSE;

  index_text = g_strdup_printf ("%u", index);
  detail = detail_json ("reason", reason, "statusIndex", index_text, NULL);
  return _rosette_db_audit (db, ROSETTE_AUDIT_ACTION_REVOKE, credential_id, detail, at, error);
}

/**
 * rosette_registry_revoke:
 * @credential_id: an issued credential
 * @reason: why, shown in reports (required)
 * @now: (nullable): when; %NULL for the current time
 *
 * Marks the credential revoked, sets its bit in its status list and writes
 * the audit entry, in one transaction. Publish the status list afterwards.
 *
 * Returns: %TRUE if revoked; %ROSETTE_ERROR_NOT_FOUND, or
 *   %ROSETTE_ERROR_CONFLICT when it is already revoked or was never issued
 */
gboolean
rosette_registry_revoke (RosetteRegistry  *self,
                         const char       *credential_id,
                         const char       *reason,
                         GDateTime        *now,
                         GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  RosetteDb *db;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (credential_id != NULL, FALSE);

  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Give a reason for the revocation"));
      return FALSE;
    }

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  if (!_rosette_db_savepoint (db, error))
    return FALSE;
  if (!revoke_locked (db, credential_id, reason, _rosette_time_or_now (now), error))
    return _rosette_db_release (db, FALSE, NULL);
  return _rosette_db_release (db, TRUE, error);
}

/**
 * rosette_registry_supersede:
 * @old_id: the credential being replaced
 * @new_id: the issued credential that replaces it
 * @now: (nullable): when; %NULL for the current time
 *
 * Re-issue: links @old_id to @new_id and revokes @old_id with the reason
 * "superseded" (unless it is revoked already), in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_registry_supersede (RosetteRegistry  *self,
                            const char       *old_id,
                            const char       *new_id,
                            GDateTime        *now,
                            GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(RosetteIssuedRecord) old_record = NULL;
  g_autoptr(RosetteIssuedRecord) new_record = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;
  gint64 at;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (old_id != NULL && new_id != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  at = _rosette_time_or_now (now);
  locker = g_mutex_locker_new (&db->lock);

  if ((old_record = lookup_locked (db, old_id, at, error)) == NULL
      || (new_record = lookup_locked (db, new_id, at, error)) == NULL)
    return FALSE;
  if (new_record->state != ROSETTE_ISSUE_STATE_ISSUED || g_strcmp0 (old_id, new_id) == 0
      || old_record->superseded_by != NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                   _("“%s” cannot replace “%s”"), new_id, old_id);
      return FALSE;
    }

  if (!_rosette_db_savepoint (db, error))
    return FALSE;

  stmt = _rosette_db_prepare (db, "UPDATE issued SET superseded_by = ? WHERE credential_id = ?",
                              error);
  if (stmt == NULL)
    return _rosette_db_release (db, FALSE, NULL);
  _rosette_db_bind_text (stmt, 1, new_id);
  _rosette_db_bind_text (stmt, 2, old_id);
  if (!_rosette_db_step_done (db, stmt, error))
    return _rosette_db_release (db, FALSE, NULL);

  if (old_record->revoked_at == 0 && old_record->state == ROSETTE_ISSUE_STATE_ISSUED
      && !revoke_locked (db, old_id, SUPERSEDED_REASON, at, error))
    return _rosette_db_release (db, FALSE, NULL);

  detail = detail_json ("supersededBy", new_id, NULL);
  if (!_rosette_db_audit (db, ROSETTE_AUDIT_ACTION_REISSUE, old_id, detail, at, error))
    return _rosette_db_release (db, FALSE, NULL);

  return _rosette_db_release (db, TRUE, error);
}

/**
 * rosette_registry_lookup:
 * @credential_id: a credential id
 * @now: (nullable): the moment that decides its status
 *
 * Returns: (transfer full): the row, or %NULL with %ROSETTE_ERROR_NOT_FOUND
 */
RosetteIssuedRecord *
rosette_registry_lookup (RosetteRegistry  *self,
                         const char       *credential_id,
                         GDateTime        *now,
                         GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  RosetteDb *db;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (credential_id != NULL, NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return lookup_locked (db, credential_id, _rosette_time_or_now (now), error);
}

/**
 * rosette_registry_list_status_lists:
 *
 * Returns: (transfer full) (element-type gint64): the status lists' row
 *   ids, oldest first (each is published as its own list credential)
 */
GArray *
rosette_registry_list_status_lists (RosetteRegistry  *self,
                                    GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  RosetteDb *db;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, "SELECT id FROM status_lists ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * rosette_registry_dup_status_list_encoded:
 * @list_id: a status list's row id
 *
 * Returns: (transfer full): the list's `encodedList` (multibase base64url
 *   of the GZIP-compressed bitstring), or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND
 */
char *
rosette_registry_dup_status_list_encoded (RosetteRegistry  *self,
                                          gint64            list_id,
                                          GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;
  char *encoded = NULL;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, "SELECT bitstring FROM status_list_bits WHERE list_id = ?",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, list_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    encoded = rosette_status_list_encode (sqlite3_column_blob (stmt, 0),
                                          (gsize)sqlite3_column_bytes (stmt, 0), error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("No status list %lld in the registry"), (long long)list_id);
  else
    _rosette_db_set_error (db, error);
  sqlite3_reset (stmt);

  return encoded;
}
