/* rosette-registry-reports.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The report queries: the Registry page's paged list, holders of an
 * achievement, expiring soon, the skills inventory by department, the
 * issuance history and tenure milestones, and the CSV export.
 *
 * Each query is written once against a RosetteDb: the sync API runs it on
 * the writer connection (so a caller sees its own batch), the _async API
 * in a worker thread on the read-only connection (WAL lets it read while
 * a batch writes). "now" always comes from the caller.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rosette-csv-reader.h"
#include "rosette-error.h"
#include "rosette-registry-private.h"

#define VALID_SQL \
  "i.state = 'issued' AND i.revoked_at IS NULL" \
  " AND (i.valid_until IS NULL OR i.valid_until > :now)"

static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
append_where (GString                  *sql,
              const RosetteIssuedQuery *q)
{
  static const char * const status_sql[] = {
    [ROSETTE_CREDENTIAL_STATUS_ANY] = "i.state = 'issued'",
    [ROSETTE_CREDENTIAL_STATUS_VALID] = VALID_SQL,
    [ROSETTE_CREDENTIAL_STATUS_EXPIRED] = "i.state = 'issued' AND i.revoked_at IS NULL"
                                          " AND i.valid_until <= :now",
    [ROSETTE_CREDENTIAL_STATUS_REVOKED] = "i.state = 'issued' AND i.revoked_at IS NOT NULL",
    [ROSETTE_CREDENTIAL_STATUS_PENDING] = "i.state = 'pending'",
    [ROSETTE_CREDENTIAL_STATUS_FAILED] = "i.state = 'failed'",
  };

  g_string_append_printf (sql, " WHERE %s", status_sql[q->status]);

  if (q->family_slug != NULL && q->tier_slug != NULL)
    g_string_append (sql, " AND i.achievement_id IN (SELECT id FROM achievements"
                          " WHERE family_slug = :family AND tier_slug = :tier)");
  else if (q->family_slug != NULL)
    g_string_append (sql, " AND i.achievement_id IN (SELECT id FROM achievements"
                          " WHERE family_slug = :family)");
  else if (q->tier_slug != NULL)
    g_string_append (sql, " AND i.achievement_id IN (SELECT id FROM achievements"
                          " WHERE tier_slug = :tier)");

  if (q->department != NULL)
    g_string_append (sql, " AND r.department = :department");

  if (q->text != NULL && g_str_has_prefix (q->text, "urn:"))
    g_string_append (sql, " AND i.credential_id = :text");
  else if (q->text != NULL && *q->text != '\0')
    g_string_append (sql, " AND i.recipient_id IN (SELECT id FROM recipients"
                          " WHERE name LIKE :like ESCAPE '\\'"
                          " OR email LIKE :like ESCAPE '\\' OR employee_id = :text)");

  if (q->hide_superseded)
    g_string_append (sql, " AND i.superseded_by IS NULL");
}

static void
append_order (GString                  *sql,
              const RosetteIssuedQuery *q)
{
  static const char * const terms[][3] = {
    [ROSETTE_ISSUED_SORT_ISSUED_AT] = { "i.issued_at", "i.rowid" },
    [ROSETTE_ISSUED_SORT_NAME] = { "r.name COLLATE NOCASE", "i.rowid" },
    [ROSETTE_ISSUED_SORT_EMAIL] = { "r.email", "i.rowid" },
    [ROSETTE_ISSUED_SORT_DEPARTMENT] = { "r.department", "r.name COLLATE NOCASE", "i.rowid" },
    [ROSETTE_ISSUED_SORT_ACHIEVEMENT] = { "a.family_slug", "a.tier_slug", "i.rowid" },
    [ROSETTE_ISSUED_SORT_VALID_UNTIL] = { "i.valid_until IS NULL", "i.valid_until", "i.rowid" },
  };

  g_return_if_fail ((guint)q->sort < G_N_ELEMENTS (terms));

  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < G_N_ELEMENTS (terms[0]) && terms[q->sort][i] != NULL; i++)
    g_string_append_printf (sql, "%s%s%s", i > 0 ? ", " : "", terms[q->sort][i],
                            q->descending ? " DESC" : "");
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    _rosette_db_bind_text (stmt, index, value);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_query (sqlite3_stmt             *stmt,
            const RosetteIssuedQuery *q)
{
  g_autofree char *like = q->text != NULL ? like_pattern (q->text) : NULL;

  bind_named_int (stmt, ":now", _rosette_time_or_now (q->now));
  bind_named_text (stmt, ":family", q->family_slug);
  bind_named_text (stmt, ":tier", q->tier_slug);
  bind_named_text (stmt, ":department", q->department);
  bind_named_text (stmt, ":text", q->text);
  bind_named_text (stmt, ":like", like);
  bind_named_int (stmt, ":limit", q->limit > 0 ? (gint64)q->limit : -1);
  bind_named_int (stmt, ":offset", q->offset);
}

/* @by_name: walk the recipients in name order and look up each one's
 * rows, rather than collect every matching row and sort it: the plan for
 * the first page of a long list sorted by name. */
static gboolean
foreach_issued_full (RosetteDb                *db,
                     const RosetteIssuedQuery *q,
                     gboolean                  by_name,
                     RosetteIssuedFunc         func,
                     gpointer                  user_data,
                     GError                  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  gint64 now = _rosette_time_or_now (q->now);
  int rc;

  if (by_name)
    {
      const char *from = strstr (_rosette_issued_columns, " FROM ");

      g_string_append_len (sql, _rosette_issued_columns, from - _rosette_issued_columns);
      /* CROSS JOIN keeps recipients the outer loop (SQLite never reorders
       * it), read through recipients_by_name. */
      g_string_append (sql, " FROM recipients r CROSS JOIN issued i ON r.id = i.recipient_id"
                            " JOIN achievements a ON a.id = i.achievement_id");
    }
  else
    g_string_append (sql, _rosette_issued_columns);
  append_where (sql, q);
  /* Unary + keeps SQLite from reading recipients by department instead. */
  if (by_name)
    g_string_replace (sql, "r.department = :department", "+r.department = :department", 1);
  append_order (sql, q);
  g_string_append (sql, " LIMIT :limit OFFSET :offset");

  stmt = _rosette_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, q);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RosetteIssuedRecord) record = _rosette_issued_record_from_row (stmt, now);

      if (!func (record, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  if (rc != SQLITE_DONE)
    _rosette_db_set_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gint64
single_int (RosetteDb  *db,
            const char *sql,
            const char *text)
{
  sqlite3_stmt *stmt = _rosette_db_prepare (db, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (text != NULL)
    _rosette_db_bind_text (stmt, 1, text);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Whether walking recipients in name order (foreach_issued_full() by_name)
 * fills a page sooner than sorting every match: the matches are estimated
 * from migration 4's aggregates (credentials of the achievements, scaled
 * by the department's share of people). Walking costs about
 * (offset + limit) × people / matches, sorting about matches. */
static gboolean
walk_names_pays (RosetteDb                *db,
                 const RosetteIssuedQuery *q,
                 gint64                    known_matches)
{
  gint64 people;
  gint64 matches = known_matches;

  if (q->sort != ROSETTE_ISSUED_SORT_NAME || q->limit == 0 || q->text != NULL)
    return FALSE;

  people = single_int (db, "SELECT coalesce (sum (n), 0) FROM department_headcount", NULL);
  if (matches < 0)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT coalesce (sum (n), 0) FROM status_counts");
      sqlite3_stmt *stmt;

      if (q->family_slug != NULL || q->tier_slug != NULL)
        g_string_append (sql, " WHERE achievement_id IN (SELECT id FROM achievements WHERE"
                              " (:family IS NULL OR family_slug = :family)"
                              " AND (:tier IS NULL OR tier_slug = :tier))");
      stmt = _rosette_db_prepare (db, sql->str, NULL);
      if (stmt == NULL)
        return FALSE;
      bind_query (stmt, q);
      matches = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (q->department != NULL && people > 0)
        matches = matches * single_int (db, "SELECT coalesce (sum (n), 0) FROM department_headcount"
                                            " WHERE department = ?", q->department) / people;
    }
  return matches * matches > ((gint64) q->offset + q->limit) * people;
}

static gboolean
foreach_issued_db (RosetteDb                *db,
                   const RosetteIssuedQuery *q,
                   RosetteIssuedFunc         func,
                   gpointer                  user_data,
                   GError                  **error)
{
  return foreach_issued_full (db, q, walk_names_pays (db, q, -1), func, user_data, error);
}

static gboolean
collect_record (RosetteIssuedRecord *record,
                gpointer             user_data)
{
  g_ptr_array_add (user_data, g_object_ref (record));
  return TRUE;
}

static GPtrArray *
list_issued_db (RosetteDb                *db,
                const RosetteIssuedQuery *q,
                GError                  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!foreach_issued_db (db, q, collect_record, records, error))
    return NULL;
  return g_steal_pointer (&records);
}

static gboolean
count_issued_db (RosetteDb                *db,
                 const RosetteIssuedQuery *q,
                 guint                    *out_count,
                 GError                  **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  /* The join only when a filter needs it: without it the count comes
   * from an index alone. */
  sql = g_string_new ("SELECT count(*) FROM issued i");
  if (q->department != NULL)
    g_string_append (sql, " JOIN recipients r ON r.id = i.recipient_id");
  append_where (sql, q);

  stmt = _rosette_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, q);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Migration 4's aggregates count per expiry bucket: every bucket after
 * now's is wholly in the future, and the rows of now's own bucket are
 * counted from an index. */
static void
bind_buckets (sqlite3_stmt *stmt,
              gint64        now)
{
  gint64 shift = g_ascii_strtoll (ROSETTE_REGISTRY_BUCKET_SHIFT, NULL, 10);

  bind_named_int (stmt, ":now", now);
  bind_named_int (stmt, ":bucket", now >> shift);
  bind_named_int (stmt, ":bucket_end", ((now >> shift) + 1) << shift);
}

static gboolean
holder_counts_db (RosetteDb                *db,
                  const RosetteIssuedQuery *q,
                  RosetteHolderCounts      *out_counts,
                  GError                  **error)
{
  sqlite3_stmt *stmt;
  gint64 valid, unrevoked;

  stmt = _rosette_db_prepare (db,
                              "WITH ach AS (SELECT id FROM achievements WHERE family_slug = :family"
                              "  AND (:tier IS NULL OR tier_slug = :tier))"
                              " SELECT"
                              "  coalesce ((SELECT sum (n) FROM status_counts"
                              "   WHERE achievement_id IN ach AND revoked = 0 AND bucket > :bucket), 0)"
                              "  + (SELECT count(*) FROM issued i WHERE i.achievement_id IN ach"
                              "   AND i.state = 'issued' AND i.revoked_at IS NULL"
                              "   AND i.valid_until > :now AND i.valid_until < :bucket_end"
                              "   AND i.superseded_by IS NULL),"
                              "  coalesce ((SELECT sum (n) FROM status_counts"
                              "   WHERE achievement_id IN ach AND revoked = 0), 0),"
                              "  coalesce ((SELECT sum (n) FROM status_counts"
                              "   WHERE achievement_id IN ach AND revoked = 1), 0)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, q);
  bind_buckets (stmt, _rosette_time_or_now (q->now));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  valid = sqlite3_column_int64 (stmt, 0);
  unrevoked = sqlite3_column_int64 (stmt, 1);
  out_counts->valid = (guint)valid;
  out_counts->expired = (guint)(unrevoked - valid);
  out_counts->revoked = (guint)sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

static GPtrArray *
holders_db (RosetteDb            *db,
            const char           *family_slug,
            const char           *tier_slug,
            GDateTime            *now,
            guint                 limit,
            RosetteHolderCounts  *out_counts,
            GError              **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  RosetteIssuedQuery q = { 0 };
  RosetteHolderCounts counts;
  gint64 holders;

  q.family_slug = family_slug;
  q.tier_slug = tier_slug;
  q.now = now;
  q.hide_superseded = TRUE;
  q.sort = ROSETTE_ISSUED_SORT_NAME;
  q.limit = limit;

  if (!holder_counts_db (db, &q, &counts, error))
    return NULL;
  if (out_counts != NULL)
    *out_counts = counts;

  holders = (gint64) counts.valid + counts.expired + counts.revoked;
  if (!foreach_issued_full (db, &q, walk_names_pays (db, &q, holders), collect_record, records,
                            error))
    return NULL;
  return g_steal_pointer (&records);
}

static gpointer
record_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  return _rosette_issued_record_from_row (stmt, *(gint64 *)user_data);
}

static GPtrArray *
expiring_db (RosetteDb   *db,
             guint        days,
             GDateTime   *now,
             guint        limit,
             GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 from = _rosette_time_or_now (now);

  sql = g_strdup_printf ("SELECT %s"
                         " WHERE i.state = 'issued' AND i.revoked_at IS NULL"
                         " AND i.valid_until > ? AND i.valid_until <= ?"
                         " ORDER BY i.valid_until, i.rowid LIMIT ?",
                         _rosette_issued_columns);
  stmt = _rosette_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, from + (gint64)days * 24 * 60 * 60);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);
  return _rosette_db_collect (db, stmt, record_from_row, &from, g_object_unref, error);
}

static gpointer
inventory_row_from_row (sqlite3_stmt *stmt,
                        gpointer      user_data)
{
  RosetteInventoryRow *row = g_new0 (RosetteInventoryRow, 1);

  row->department = _rosette_db_dup_text (stmt, 0);
  row->family_slug = _rosette_db_dup_text (stmt, 1);
  row->family_name = _rosette_db_dup_text (stmt, 2);
  row->tier_slug = _rosette_db_dup_text (stmt, 3);
  row->tier_name = _rosette_db_dup_text (stmt, 4);
  row->holders = (guint)sqlite3_column_int64 (stmt, 5);
  row->headcount = (guint)sqlite3_column_int64 (stmt, 6);
  row->percent = row->headcount > 0 ? 100.0 * row->holders / row->headcount : 0.0;
  return row;
}

static GPtrArray *
inventory_db (RosetteDb   *db,
              GDateTime   *now,
              GError     **error)
{
  sqlite3_stmt *stmt;

  /* Every department × achievement cell, zero included: the empty cells
   * are the answer to "which department lacks certified people". */
  /* Holders are people (migration 4's holdings, one per recipient and
   * achievement), counted per department from the aggregates. */
  stmt = _rosette_db_prepare (db,
                              "WITH held AS ("
                              "  SELECT achievement_id, department, n FROM holding_counts"
                              "  WHERE bucket > :bucket"
                              "  UNION ALL"
                              "  SELECT achievement_id, department, 1 FROM holdings"
                              "  WHERE until > :now AND until < :bucket_end),"
                              " held_sum AS ("
                              "  SELECT achievement_id, department, sum (n) AS n FROM held"
                              "  GROUP BY 1, 2)"
                              " SELECT c.department, a.family_slug, a.family_name,"
                              "  a.tier_slug, a.tier_name, coalesce (h.n, 0), c.n"
                              " FROM department_headcount c CROSS JOIN achievements a"
                              " LEFT JOIN held_sum h ON h.department = c.department"
                              "  AND h.achievement_id = a.id"
                              " WHERE c.n > 0"
                              " ORDER BY c.department, a.family_slug, a.tier_slug",
                              error);
  if (stmt == NULL)
    return NULL;

  bind_buckets (stmt, _rosette_time_or_now (now));
  return _rosette_db_collect (db, stmt, inventory_row_from_row, NULL,
                              (GDestroyNotify)rosette_inventory_row_free, error);
}

static gpointer
history_row_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  RosetteHistoryRow *row = g_new0 (RosetteHistoryRow, 1);

  row->batch_id = _rosette_db_dup_text (stmt, 0);
  row->family_slug = _rosette_db_dup_text (stmt, 1);
  row->tier_slug = _rosette_db_dup_text (stmt, 2);
  row->first_issued_at = sqlite3_column_int64 (stmt, 3);
  row->last_issued_at = sqlite3_column_int64 (stmt, 4);
  row->issued = (guint)sqlite3_column_int64 (stmt, 5);
  row->pending = (guint)sqlite3_column_int64 (stmt, 6);
  row->failed = (guint)sqlite3_column_int64 (stmt, 7);
  row->revoked = (guint)sqlite3_column_int64 (stmt, 8);
  return row;
}

static GPtrArray *
history_db (RosetteDb   *db,
            GDateTime   *from,
            GDateTime   *to,
            GError     **error)
{
  sqlite3_stmt *stmt;

  /* Groups wholly inside the range come from migration 4's batch_groups;
   * the few that straddle an end are counted from their rows. */
  stmt = _rosette_db_prepare (db,
                              "WITH grp AS ("
                              "  SELECT batch_id, achievement_id, first_created, first_issued,"
                              "   last_issued, issued, pending, failed, revoked FROM batch_groups"
                              "  WHERE first_created >= :from AND last_created < :to"
                              "  UNION ALL"
                              "  SELECT i.batch_id, i.achievement_id, min (i.created_at),"
                              "   min (i.issued_at), max (i.issued_at), sum (i.state = 'issued'),"
                              "   sum (i.state = 'pending'), sum (i.state = 'failed'),"
                              "   sum (i.revoked_at IS NOT NULL)"
                              "  FROM batch_groups g CROSS JOIN issued i ON i.batch_id = g.batch_id"
                              "   AND i.achievement_id = g.achievement_id"
                              "  WHERE g.last_created >= :from AND g.first_created < :to"
                              "   AND (g.first_created < :from OR g.last_created >= :to)"
                              "   AND i.created_at >= :from AND i.created_at < :to"
                              "  GROUP BY i.batch_id, i.achievement_id)"
                              " SELECT g.batch_id, a.family_slug, a.tier_slug, g.first_issued,"
                              "  g.last_issued, g.issued, g.pending, g.failed, g.revoked"
                              " FROM grp g JOIN achievements a ON a.id = g.achievement_id"
                              " ORDER BY g.first_created DESC, g.batch_id,"
                              " a.family_slug, a.tier_slug",
                              error);
  if (stmt == NULL)
    return NULL;

  bind_named_int (stmt, ":from", from != NULL ? g_date_time_to_unix (from) : G_MININT64);
  bind_named_int (stmt, ":to", to != NULL ? g_date_time_to_unix (to) : G_MAXINT64);
  return _rosette_db_collect (db, stmt, history_row_from_row, NULL,
                              (GDestroyNotify)rosette_history_row_free, error);
}

/* Sync API ------------------------------------------------------------------ */

/**
 * rosette_registry_list_issued:
 * @query: filters, order and page
 *
 * Returns: (transfer container) (element-type RosetteIssuedRecord): the
 *   page of rows
 */
GPtrArray *
rosette_registry_list_issued (RosetteRegistry           *self,
                              const RosetteIssuedQuery  *query,
                              GError                   **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return list_issued_db (db, query, error);
}

/**
 * rosette_registry_count_issued:
 * @query: filters (its order and page are ignored)
 * @out_count: (out): how many rows match
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_registry_count_issued (RosetteRegistry           *self,
                               const RosetteIssuedQuery  *query,
                               guint                     *out_count,
                               GError                   **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (query != NULL && out_count != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return count_issued_db (db, query, out_count, error);
}

/**
 * rosette_registry_foreach_issued:
 * @query: filters, order and page
 * @func: (scope call): called for each row; it must not call @self
 *
 * Streams rows without holding them all (for exports).
 *
 * Returns: %TRUE if the query ran to the end or @func stopped it
 */
gboolean
rosette_registry_foreach_issued (RosetteRegistry           *self,
                                 const RosetteIssuedQuery  *query,
                                 RosetteIssuedFunc          func,
                                 gpointer                   user_data,
                                 GError                   **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (query != NULL && func != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return foreach_issued_db (db, query, func, user_data, error);
}

/**
 * rosette_registry_holders:
 * @family_slug: the family
 * @tier_slug: (nullable): one tier, or %NULL for all of the family's
 * @now: (nullable): the moment that decides valid and expired
 * @limit: at most this many rows; 0 for all
 * @out_counts: (out) (optional): valid, expired and revoked totals
 *
 * Who holds the achievement: its credentials that no re-issue replaced,
 * by recipient name, with their status.
 *
 * Returns: (transfer container) (element-type RosetteIssuedRecord): rows
 */
GPtrArray *
rosette_registry_holders (RosetteRegistry      *self,
                          const char           *family_slug,
                          const char           *tier_slug,
                          GDateTime            *now,
                          guint                 limit,
                          RosetteHolderCounts  *out_counts,
                          GError              **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (family_slug != NULL, NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return holders_db (db, family_slug, tier_slug, now, limit, out_counts, error);
}

/**
 * rosette_registry_expiring:
 * @days: the window: valid now and expiring within @days days
 * @now: (nullable): the start of the window
 * @limit: at most this many rows; 0 for all
 *
 * Returns: (transfer container) (element-type RosetteIssuedRecord): rows,
 *   soonest first
 */
GPtrArray *
rosette_registry_expiring (RosetteRegistry  *self,
                           guint             days,
                           GDateTime        *now,
                           guint             limit,
                           GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return expiring_db (db, days, now, limit, error);
}

/**
 * rosette_registry_inventory:
 * @now: (nullable): the moment that decides valid
 *
 * The skills inventory: for each department and achievement, how many of
 * the department's people hold it validly, and what share that is.
 *
 * Returns: (transfer container) (element-type RosetteInventoryRow): rows
 *   by department, family and tier
 */
GPtrArray *
rosette_registry_inventory (RosetteRegistry  *self,
                            GDateTime        *now,
                            GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return inventory_db (db, now, error);
}

/**
 * rosette_registry_history:
 * @from: (nullable): batches reserved from this time
 * @to: (nullable): until before this time
 *
 * Returns: (transfer container) (element-type RosetteHistoryRow): one row
 *   per batch and achievement, newest first
 */
GPtrArray *
rosette_registry_history (RosetteRegistry  *self,
                          GDateTime        *from,
                          GDateTime        *to,
                          GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  return history_db (db, from, to, error);
}

static void
date_add_years (GDate *date,
                guint  years)
{
  /* g_date_add_years() turns 29 February into 28 February in common
   * years, which is the anniversary HR celebrates. */
  g_date_add_years (date, years);
}

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  const RosetteMilestoneRow *x = *(RosetteMilestoneRow * const *)a;
  const RosetteMilestoneRow *y = *(RosetteMilestoneRow * const *)b;
  int cmp = g_strcmp0 (x->anniversary, y->anniversary);

  return cmp != 0 ? cmp : g_strcmp0 (x->email, y->email);
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * rosette_registry_milestones:
 * @years: (array length=n_years): the milestones, e.g. 1, 5, 10
 * @n_years: how many
 * @from: the first day of the period
 * @to: the last day of the period (included)
 *
 * Who reaches one of @years years of service between @from and @to,
 * counted from the hire dates in the registry.
 *
 * Returns: (transfer container) (element-type RosetteMilestoneRow): by
 *   anniversary, then address
 */
GPtrArray *
rosette_registry_milestones (RosetteRegistry  *self,
                             const guint      *years,
                             guint             n_years,
                             const GDate      *from,
                             const GDate      *to,
                             GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) ranges = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  RosetteDb *db;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (years != NULL && n_years > 0, NULL);
  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);

  /* For each milestone, only the hire dates that many years before the
   * period (a day more each side: 29 February moves by one), so the
   * hire-date index reads a few days per milestone, not every year in
   * between (one OR of ranges: each person read once). The loop below
   * decides exactly. */
  sql = g_string_new ("SELECT id, email, name, department, hire_date FROM recipients WHERE ");
  ranges = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_years; i++)
    {
      GDate bound;

      if (years[i] == 0)
        continue;
      bound = *from;
      g_date_subtract_years (&bound, years[i]);
      g_date_subtract_days (&bound, 1);
      g_ptr_array_add (ranges, date_to_iso (&bound));
      bound = *to;
      g_date_subtract_years (&bound, years[i]);
      g_date_add_days (&bound, 1);
      g_ptr_array_add (ranges, date_to_iso (&bound));
      g_string_append (sql, ranges->len > 2 ? " OR hire_date BETWEEN ? AND ?"
                                            : "hire_date BETWEEN ? AND ?");
    }
  if (ranges->len == 0)
    g_string_append (sql, "0");

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rosette_milestone_row_free);
  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < ranges->len; i++)
    _rosette_db_bind_text (stmt, (int) i + 1, g_ptr_array_index (ranges, i));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hire_text = (const char *)sqlite3_column_text (stmt, 4);
      guint y, m, d;

      if (hire_text == NULL || sscanf (hire_text, "%u-%u-%u", &y, &m, &d) != 3
          || !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        continue;

      for (guint i = 0; i < n_years; i++)
        {
          RosetteMilestoneRow *row;
          GDate anniversary;

          if (years[i] == 0)
            continue;
          g_date_clear (&anniversary, 1);
          g_date_set_dmy (&anniversary, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
          date_add_years (&anniversary, years[i]);
          if (g_date_compare (&anniversary, from) < 0 || g_date_compare (&anniversary, to) > 0)
            continue;

          row = g_new0 (RosetteMilestoneRow, 1);
          row->recipient_id = sqlite3_column_int64 (stmt, 0);
          row->email = _rosette_db_dup_text (stmt, 1);
          row->name = _rosette_db_dup_text (stmt, 2);
          row->department = _rosette_db_dup_text (stmt, 3);
          row->hire_date = g_strdup (hire_text);
          row->years = years[i];
          row->anniversary = date_to_iso (&anniversary);
          g_ptr_array_add (rows, row);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      return NULL;
    }

  g_ptr_array_sort (rows, compare_milestones);
  return g_steal_pointer (&rows);
}

/* CSV export --------------------------------------------------------------- */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *line;
  GError        *error;
} ExportState;

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return g_strdup ("");
  time = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
write_line (ExportState        *state,
            const char * const *fields)
{
  g_string_truncate (state->line, 0);
  rosette_csv_append_row (state->line, fields, ',', TRUE);
  return g_output_stream_write_all (state->stream, state->line->str, state->line->len,
                                    NULL, state->cancellable, &state->error);
}

static gboolean
export_record (RosetteIssuedRecord *r,
               gpointer             user_data)
{
  ExportState *state = user_data;
  g_autofree char *valid_from = format_time (r->valid_from);
  g_autofree char *valid_until = format_time (r->valid_until);
  g_autofree char *issued_at = format_time (r->issued_at);
  g_autofree char *revoked_at = format_time (r->revoked_at);
#define CELL(s) ((s) != NULL ? (s) : "")
  const char *fields[] = {
    r->credential_id, r->email, CELL (r->name), CELL (r->employee_id), CELL (r->department),
    r->family_name, r->tier_name, rosette_credential_status_to_string (r->status),
    valid_from, valid_until, issued_at, revoked_at, CELL (r->revoke_reason), NULL,
  };
#undef CELL

  return write_line (state, fields);
}

/**
 * rosette_registry_export_csv:
 * @query: the rows to export (set no limit for all)
 * @stream: where to write UTF-8 CSV with a header row
 *
 * Cells that a spreadsheet would run as a formula (starting with =, +, -,
 * @) are prefixed with an apostrophe.
 *
 * Returns: %TRUE if every row was written
 */
gboolean
rosette_registry_export_csv (RosetteRegistry           *self,
                             const RosetteIssuedQuery  *query,
                             GOutputStream             *stream,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  static const char * const header[] = {
    "credential_id", "email", "name", "employee_id", "department", "family", "tier",
    "status", "valid_from", "valid_until", "issued_at", "revoked_at", "revoke_reason", NULL,
  };
  g_autoptr(GString) line = g_string_new (NULL);
  ExportState state = { stream, cancellable, line, NULL };

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!write_line (&state, header)
      || !rosette_registry_foreach_issued (self, query, export_record, &state, error)
      || state.error != NULL)
    {
      if (state.error != NULL)
        g_propagate_error (error, state.error);
      return FALSE;
    }
  return TRUE;
}

/* Async API ------------------------------------------------------------------ */

typedef enum
{
  REPORT_LIST,
  REPORT_COUNT,
  REPORT_HOLDERS,
  REPORT_EXPIRING,
  REPORT_INVENTORY,
  REPORT_HISTORY,
} ReportKind;

typedef struct
{
  ReportKind          kind;
  RosetteIssuedQuery  query;
  guint               days;
  guint               limit;
  GDateTime          *now;
  GDateTime          *from;
  GDateTime          *to;
  RosetteHolderCounts counts;
  guint               count;
} ReportData;

static void
report_data_free (ReportData *data)
{
  g_free ((char *)data->query.family_slug);
  g_free ((char *)data->query.tier_slug);
  g_free ((char *)data->query.department);
  g_free ((char *)data->query.text);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_clear_pointer (&data->from, g_date_time_unref);
  g_clear_pointer (&data->to, g_date_time_unref);
  g_free (data);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportData *data = task_data;
  g_autoptr(GMutexLocker) locker = NULL;
  GError *error = NULL;
  GPtrArray *rows = NULL;
  RosetteDb *db;

  db = _rosette_registry_get_reader (source_object, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  locker = g_mutex_locker_new (&db->lock);
  data->query.now = data->now;
  switch (data->kind)
    {
    case REPORT_LIST:
      rows = list_issued_db (db, &data->query, &error);
      break;
    case REPORT_COUNT:
      if (count_issued_db (db, &data->query, &data->count, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    case REPORT_HOLDERS:
      rows = holders_db (db, data->query.family_slug, data->query.tier_slug, data->now,
                         data->limit, &data->counts, &error);
      break;
    case REPORT_EXPIRING:
      rows = expiring_db (db, data->days, data->now, data->limit, &error);
      break;
    case REPORT_INVENTORY:
      rows = inventory_db (db, data->now, &error);
      break;
    case REPORT_HISTORY:
      rows = history_db (db, data->from, data->to, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify)g_ptr_array_unref);
}

static ReportData *
report_data_new (ReportKind                kind,
                 const RosetteIssuedQuery *query,
                 GDateTime                *now)
{
  ReportData *data = g_new0 (ReportData, 1);

  data->kind = kind;
  if (query != NULL)
    {
      data->query = *query;
      data->query.family_slug = g_strdup (query->family_slug);
      data->query.tier_slug = g_strdup (query->tier_slug);
      data->query.department = g_strdup (query->department);
      data->query.text = g_strdup (query->text);
      now = query->now;
    }
  /* Fix "now" at the call, not when the thread happens to run. */
  data->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  return data;
}

static void
report_run (RosetteRegistry     *self,
            ReportData          *data,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify)report_data_free);
  g_task_run_in_thread (task, report_thread);
}

static GPtrArray *
report_finish (RosetteRegistry  *self,
               GAsyncResult     *result,
               gpointer          source_tag,
               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rosette_registry_list_issued_async:
 *
 * rosette_registry_list_issued() in a worker thread, on a read-only
 * connection.
 */
void
rosette_registry_list_issued_async (RosetteRegistry          *self,
                                    const RosetteIssuedQuery *query,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY (self));
  g_return_if_fail (query != NULL);

  report_run (self, report_data_new (REPORT_LIST, query, NULL),
              rosette_registry_list_issued_async, cancellable, callback, user_data);
}

GPtrArray *
rosette_registry_list_issued_finish (RosetteRegistry  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return report_finish (self, result, rosette_registry_list_issued_async, error);
}

void
rosette_registry_count_issued_async (RosetteRegistry          *self,
                                     const RosetteIssuedQuery *query,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY (self));
  g_return_if_fail (query != NULL);

  report_run (self, report_data_new (REPORT_COUNT, query, NULL),
              rosette_registry_count_issued_async, cancellable, callback, user_data);
}

gboolean
rosette_registry_count_issued_finish (RosetteRegistry  *self,
                                      GAsyncResult     *result,
                                      guint            *out_count,
                                      GError          **error)
{
  ReportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (out_count != NULL)
    *out_count = data->count;
  return TRUE;
}

void
rosette_registry_holders_async (RosetteRegistry     *self,
                                const char          *family_slug,
                                const char          *tier_slug,
                                GDateTime           *now,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ReportData *data;

  g_return_if_fail (ROSETTE_IS_REGISTRY (self));
  g_return_if_fail (family_slug != NULL);

  data = report_data_new (REPORT_HOLDERS, NULL, now);
  data->query.family_slug = g_strdup (family_slug);
  data->query.tier_slug = g_strdup (tier_slug);
  data->limit = limit;
  report_run (self, data, rosette_registry_holders_async, cancellable, callback, user_data);
}

GPtrArray *
rosette_registry_holders_finish (RosetteRegistry      *self,
                                 GAsyncResult         *result,
                                 RosetteHolderCounts  *out_counts,
                                 GError              **error)
{
  GPtrArray *rows = report_finish (self, result, rosette_registry_holders_async, error);

  if (rows != NULL && out_counts != NULL)
    *out_counts = ((ReportData *)g_task_get_task_data (G_TASK (result)))->counts;
  return rows;
}

void
rosette_registry_expiring_async (RosetteRegistry     *self,
                                 guint                days,
                                 GDateTime           *now,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ReportData *data;

  g_return_if_fail (ROSETTE_IS_REGISTRY (self));

  data = report_data_new (REPORT_EXPIRING, NULL, now);
  data->days = days;
  data->limit = limit;
  report_run (self, data, rosette_registry_expiring_async, cancellable, callback, user_data);
}

GPtrArray *
rosette_registry_expiring_finish (RosetteRegistry  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  return report_finish (self, result, rosette_registry_expiring_async, error);
}

void
rosette_registry_inventory_async (RosetteRegistry     *self,
                                  GDateTime           *now,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY (self));

  report_run (self, report_data_new (REPORT_INVENTORY, NULL, now),
              rosette_registry_inventory_async, cancellable, callback, user_data);
}

GPtrArray *
rosette_registry_inventory_finish (RosetteRegistry  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  return report_finish (self, result, rosette_registry_inventory_async, error);
}

void
rosette_registry_history_async (RosetteRegistry     *self,
                                GDateTime           *from,
                                GDateTime           *to,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ReportData *data;

  g_return_if_fail (ROSETTE_IS_REGISTRY (self));

  data = report_data_new (REPORT_HISTORY, NULL, NULL);
  data->from = from != NULL ? g_date_time_ref (from) : NULL;
  data->to = to != NULL ? g_date_time_ref (to) : NULL;
  report_run (self, data, rosette_registry_history_async, cancellable, callback, user_data);
}

GPtrArray *
rosette_registry_history_finish (RosetteRegistry  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return report_finish (self, result, rosette_registry_history_async, error);
}
