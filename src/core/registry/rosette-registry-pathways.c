/* rosette-registry-pathways.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The registry's tables and queries for pathways and peer recognition
 * (issue 11). A pathway is kept whole as JSON (its export format) with the
 * columns that queries need beside it; nominations are rows that move
 * pending -> approved -> issued (or -> rejected), and only a pending row
 * can be decided: the UPDATE says so, so two managers cannot both decide.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"

#include "rosette-registry-pathways.h"
#include "rosette-registry-private.h"

const char _rosette_registry_migration_pathways[] =
  "CREATE TABLE pathways ("
  "  id               INTEGER PRIMARY KEY,"
  "  slug             TEXT NOT NULL UNIQUE,"
  "  name             TEXT NOT NULL,"
  "  goal_family_slug TEXT NOT NULL,"
  "  goal_tier_slug   TEXT NOT NULL,"
  "  builtin          INTEGER NOT NULL DEFAULT 0,"
  "  json             TEXT NOT NULL,"
  "  updated_at       INTEGER NOT NULL"
  ");"
  "CREATE INDEX pathways_by_goal ON pathways (goal_family_slug, goal_tier_slug);"
  "CREATE TABLE nominable ("
  "  id            INTEGER PRIMARY KEY,"
  "  family_slug   TEXT NOT NULL,"
  "  tier_slug     TEXT NOT NULL,"
  "  family_name   TEXT,"
  "  tier_name     TEXT,"
  "  company_value TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  family_file   TEXT,"
  "  UNIQUE (family_slug, tier_slug)"
  ");"
  "CREATE TABLE nominations ("
  "  id              INTEGER PRIMARY KEY,"
  "  nominee_email   TEXT NOT NULL,"
  "  nominee_name    TEXT,"
  "  nominator_email TEXT NOT NULL,"
  "  nominator_name  TEXT,"
  "  nominable_id    INTEGER NOT NULL REFERENCES nominable (id),"
  "  reason          TEXT NOT NULL,"
  "  source          TEXT NOT NULL CHECK (source IN ('csv', 'app')),"
  "  import_key      TEXT UNIQUE,"
  "  submitted_at    INTEGER NOT NULL,"
  "  state           TEXT NOT NULL DEFAULT 'pending'"
  "                  CHECK (state IN ('pending', 'approved', 'rejected', 'issued')),"
  "  approver        TEXT,"
  "  comment         TEXT,"
  "  decided_at      INTEGER,"
  "  credential_id   TEXT REFERENCES issued (credential_id)"
  ");"
  "CREATE INDEX nominations_by_nominator ON nominations (nominator_email, submitted_at);"
  "CREATE INDEX nominations_by_nominee ON nominations (nominee_email, submitted_at);"
  "CREATE INDEX nominations_by_state ON nominations (state, submitted_at);"
  "CREATE TABLE nomination_limits ("
  "  per_nominee INTEGER NOT NULL,"
  "  period      TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),"
  "  max_count   INTEGER NOT NULL,"
  "  PRIMARY KEY (per_nominee, period)"
  ");";

static const char * const state_names[] = {
  [ROSETTE_NOMINATION_PENDING] = "pending",
  [ROSETTE_NOMINATION_APPROVED] = "approved",
  [ROSETTE_NOMINATION_REJECTED] = "rejected",
  [ROSETTE_NOMINATION_ISSUED] = "issued",
  [ROSETTE_NOMINATION_ANY] = "any",
};

const char *
rosette_nomination_state_to_string (RosetteNominationState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
rosette_nomination_state_from_string (const char             *text,
                                      RosetteNominationState *out_state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *out_state = i;
        return TRUE;
      }
  return FALSE;
}

void
rosette_pathway_row_free (RosettePathwayRow *row)
{
  if (row == NULL)
    return;
  g_free (row->slug);
  g_free (row->name);
  g_free (row->goal_family_slug);
  g_free (row->goal_tier_slug);
  g_free (row->json);
  g_free (row);
}

void
rosette_nominable_free (RosetteNominable *nominable)
{
  if (nominable == NULL)
    return;
  g_free (nominable->family_slug);
  g_free (nominable->tier_slug);
  g_free (nominable->family_name);
  g_free (nominable->tier_name);
  g_free (nominable->company_value);
  g_free (nominable->family_file);
  g_free (nominable);
}

void
rosette_nomination_free (RosetteNomination *nomination)
{
  if (nomination == NULL)
    return;
  g_free (nomination->nominee_email);
  g_free (nomination->nominee_name);
  g_free (nomination->nominator_email);
  g_free (nomination->nominator_name);
  g_free (nomination->company_value);
  g_free (nomination->family_slug);
  g_free (nomination->tier_slug);
  g_free (nomination->reason);
  g_free (nomination->source);
  g_free (nomination->import_key);
  g_free (nomination->approver);
  g_free (nomination->comment);
  g_free (nomination->credential_id);
  g_free (nomination);
}

void
rosette_nomination_limit_free (RosetteNominationLimit *limit)
{
  if (limit == NULL)
    return;
  g_free (limit->period);
  g_free (limit);
}

/* Runs a query without parameters and makes one object per row. */
static GPtrArray *
collect_all (RosetteRegistry  *self,
             const char       *sql,
             RosetteRowFunc    func,
             GDestroyNotify    free_func,
             GError          **error)
{
  RosetteDb *db = _rosette_registry_get_db (self);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&db->lock);
  sqlite3_stmt *stmt = _rosette_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  return _rosette_db_collect (db, stmt, func, NULL, free_func, error);
}

void
rosette_achievement_ref_free (RosetteAchievementRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->family_slug);
  g_free (ref->family_name);
  g_free (ref->tier_slug);
  g_free (ref->tier_name);
  g_free (ref);
}

static gpointer
achievement_ref_from_row (sqlite3_stmt *stmt,
                          gpointer      user_data)
{
  RosetteAchievementRef *ref = g_new0 (RosetteAchievementRef, 1);

  ref->family_slug = _rosette_db_dup_text (stmt, 0);
  ref->family_name = _rosette_db_dup_text (stmt, 1);
  ref->tier_slug = _rosette_db_dup_text (stmt, 2);
  ref->tier_name = _rosette_db_dup_text (stmt, 3);
  return ref;
}

/**
 * rosette_registry_list_achievement_refs:
 *
 * Returns: (transfer container) (element-type RosetteAchievementRef): the
 *   achievements the registry knows, by family and tier name
 */
GPtrArray *
rosette_registry_list_achievement_refs (RosetteRegistry  *self,
                                        GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  return collect_all (self,
                      "SELECT family_slug, family_name, tier_slug, tier_name"
                      " FROM achievements ORDER BY family_name, family_slug, id",
                      achievement_ref_from_row, (GDestroyNotify) rosette_achievement_ref_free, error);
}

/* Pathways ----------------------------------------------------------------- */

static gpointer
pathway_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  RosettePathwayRow *row = g_new0 (RosettePathwayRow, 1);

  row->slug = _rosette_db_dup_text (stmt, 0);
  row->name = _rosette_db_dup_text (stmt, 1);
  row->goal_family_slug = _rosette_db_dup_text (stmt, 2);
  row->goal_tier_slug = _rosette_db_dup_text (stmt, 3);
  row->builtin = sqlite3_column_int (stmt, 4) != 0;
  row->json = _rosette_db_dup_text (stmt, 5);
  return row;
}

#define PATHWAY_COLUMNS "slug, name, goal_family_slug, goal_tier_slug, builtin, json"

/**
 * rosette_registry_save_pathway:
 * @row: the pathway; an existing one with the same slug is replaced
 *
 * Returns: %TRUE if saved
 */
gboolean
rosette_registry_save_pathway (RosetteRegistry          *self,
                               const RosettePathwayRow  *row,
                               GError                  **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (row != NULL && row->slug != NULL && row->json != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "INSERT INTO pathways (" PATHWAY_COLUMNS ", updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (slug) DO UPDATE SET name = excluded.name,"
                              " goal_family_slug = excluded.goal_family_slug,"
                              " goal_tier_slug = excluded.goal_tier_slug,"
                              " builtin = excluded.builtin, json = excluded.json,"
                              " updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  _rosette_db_bind_text (stmt, 1, row->slug);
  _rosette_db_bind_text (stmt, 2, row->name);
  _rosette_db_bind_text (stmt, 3, row->goal_family_slug);
  _rosette_db_bind_text (stmt, 4, row->goal_tier_slug);
  sqlite3_bind_int (stmt, 5, row->builtin ? 1 : 0);
  _rosette_db_bind_text (stmt, 6, row->json);
  sqlite3_bind_int64 (stmt, 7, _rosette_time_or_now (NULL));
  return _rosette_db_step_done (db, stmt, error);
}

/**
 * rosette_registry_get_pathway:
 * @slug: the pathway's slug
 *
 * Returns: (transfer full) (nullable): the pathway, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND
 */
RosettePathwayRow *
rosette_registry_get_pathway (RosetteRegistry  *self,
                              const char       *slug,
                              GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, "SELECT " PATHWAY_COLUMNS " FROM pathways WHERE slug = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  _rosette_db_bind_text (stmt, 1, slug);
  rows = _rosette_db_collect (db, stmt, pathway_from_row, NULL,
                              (GDestroyNotify) rosette_pathway_row_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("There is no pathway “%s”; “rosette-cli pathway status” lists them"), slug);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * rosette_registry_list_pathways:
 *
 * Returns: (transfer container) (element-type RosettePathwayRow): every
 *   pathway, by name
 */
GPtrArray *
rosette_registry_list_pathways (RosetteRegistry  *self,
                                GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  return collect_all (self,
                      "SELECT " PATHWAY_COLUMNS " FROM pathways ORDER BY name, slug",
                      pathway_from_row, (GDestroyNotify) rosette_pathway_row_free, error);
}

/**
 * rosette_registry_delete_pathway:
 * @slug: the pathway's slug
 *
 * Returns: %TRUE if it was deleted; %ROSETTE_ERROR_NOT_FOUND if there was
 *   none
 */
gboolean
rosette_registry_delete_pathway (RosetteRegistry  *self,
                                 const char       *slug,
                                 GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, "DELETE FROM pathways WHERE slug = ?", error);
  if (stmt == NULL)
    return FALSE;
  _rosette_db_bind_text (stmt, 1, slug);
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db->db) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("There is no pathway “%s”"), slug);
      return FALSE;
    }
  return TRUE;
}

/* Nominable achievements --------------------------------------------------- */

static gpointer
nominable_from_row (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  RosetteNominable *row = g_new0 (RosetteNominable, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->family_slug = _rosette_db_dup_text (stmt, 1);
  row->tier_slug = _rosette_db_dup_text (stmt, 2);
  row->family_name = _rosette_db_dup_text (stmt, 3);
  row->tier_name = _rosette_db_dup_text (stmt, 4);
  row->company_value = _rosette_db_dup_text (stmt, 5);
  row->family_file = _rosette_db_dup_text (stmt, 6);
  return row;
}

/**
 * rosette_registry_save_nominable:
 * @nominable: the achievement and its value (@id is ignored); the same
 *   achievement again replaces its value
 *
 * Returns: the row id, or 0 with an error (%ROSETTE_ERROR_CONFLICT when
 *   another achievement already stands for the value)
 */
gint64
rosette_registry_save_nominable (RosetteRegistry         *self,
                                 const RosetteNominable  *nominable,
                                 GError                 **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);
  g_return_val_if_fail (nominable != NULL && nominable->company_value != NULL, 0);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "INSERT INTO nominable (family_slug, tier_slug, family_name,"
                              " tier_name, company_value, family_file) VALUES (?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (family_slug, tier_slug) DO UPDATE SET"
                              " family_name = excluded.family_name,"
                              " tier_name = excluded.tier_name,"
                              " company_value = excluded.company_value,"
                              " family_file = coalesce (excluded.family_file, family_file)"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  _rosette_db_bind_text (stmt, 1, nominable->family_slug);
  _rosette_db_bind_text (stmt, 2, nominable->tier_slug);
  _rosette_db_bind_text (stmt, 3, nominable->family_name);
  _rosette_db_bind_text (stmt, 4, nominable->tier_name);
  _rosette_db_bind_text (stmt, 5, nominable->company_value);
  _rosette_db_bind_text (stmt, 6, nominable->family_file);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_ROW || !_rosette_db_step_done (db, stmt, error))
    {
      if (rc != SQLITE_ROW)
        {
          if ((sqlite3_extended_errcode (db->db) & 0xff) == SQLITE_CONSTRAINT)
            g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                         _("Another achievement already stands for the value “%s”"),
                         nominable->company_value);
          else
            _rosette_db_set_error (db, error);
          sqlite3_reset (stmt);
        }
      return 0;
    }
  return id;
}

/**
 * rosette_registry_list_nominable:
 *
 * Returns: (transfer container) (element-type RosetteNominable): the
 *   peer-nominable achievements, by value
 */
GPtrArray *
rosette_registry_list_nominable (RosetteRegistry  *self,
                                 GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  return collect_all (self,
                      "SELECT id, family_slug, tier_slug, family_name, tier_name,"
                      " company_value, family_file FROM nominable ORDER BY company_value",
                      nominable_from_row, (GDestroyNotify) rosette_nominable_free, error);
}

/* Nominations -------------------------------------------------------------- */

#define NOMINATION_COLUMNS \
  "n.id, n.nominee_email, n.nominee_name, n.nominator_email, n.nominator_name," \
  " n.nominable_id, v.company_value, v.family_slug, v.tier_slug, n.reason, n.source," \
  " n.import_key, n.submitted_at, n.state, n.approver, n.comment, n.decided_at," \
  " n.credential_id FROM nominations n JOIN nominable v ON v.id = n.nominable_id"

static gpointer
nomination_from_row (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  RosetteNomination *row = g_new0 (RosetteNomination, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->nominee_email = _rosette_db_dup_text (stmt, 1);
  row->nominee_name = _rosette_db_dup_text (stmt, 2);
  row->nominator_email = _rosette_db_dup_text (stmt, 3);
  row->nominator_name = _rosette_db_dup_text (stmt, 4);
  row->nominable_id = sqlite3_column_int64 (stmt, 5);
  row->company_value = _rosette_db_dup_text (stmt, 6);
  row->family_slug = _rosette_db_dup_text (stmt, 7);
  row->tier_slug = _rosette_db_dup_text (stmt, 8);
  row->reason = _rosette_db_dup_text (stmt, 9);
  row->source = _rosette_db_dup_text (stmt, 10);
  row->import_key = _rosette_db_dup_text (stmt, 11);
  row->submitted_at = _rosette_db_column_time (stmt, 12);
  rosette_nomination_state_from_string ((const char *) sqlite3_column_text (stmt, 13),
                                        &row->state);
  row->approver = _rosette_db_dup_text (stmt, 14);
  row->comment = _rosette_db_dup_text (stmt, 15);
  row->decided_at = _rosette_db_column_time (stmt, 16);
  row->credential_id = _rosette_db_dup_text (stmt, 17);
  return row;
}

/**
 * rosette_registry_add_nomination:
 * @nomination: the new row (@id, @state and the decision are ignored: a
 *   new nomination is pending)
 *
 * Stores a nomination as it is; rosette_nominations_submit() checks it.
 *
 * Returns: the new row id, or 0 with an error
 */
gint64
rosette_registry_add_nomination (RosetteRegistry          *self,
                                 const RosetteNomination  *nomination,
                                 GError                  **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);
  g_return_val_if_fail (nomination != NULL, 0);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "INSERT INTO nominations (nominee_email, nominee_name,"
                              " nominator_email, nominator_name, nominable_id, reason, source,"
                              " import_key, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  _rosette_db_bind_text (stmt, 1, nomination->nominee_email);
  _rosette_db_bind_text (stmt, 2, nomination->nominee_name);
  _rosette_db_bind_text (stmt, 3, nomination->nominator_email);
  _rosette_db_bind_text (stmt, 4, nomination->nominator_name);
  sqlite3_bind_int64 (stmt, 5, nomination->nominable_id);
  _rosette_db_bind_text (stmt, 6, nomination->reason);
  _rosette_db_bind_text (stmt, 7, nomination->source);
  _rosette_db_bind_text (stmt, 8, nomination->import_key);
  sqlite3_bind_int64 (stmt, 9, nomination->submitted_at);
  if (!_rosette_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db->db);
}

/**
 * rosette_registry_has_import_key:
 * @import_key: the key of a CSV row
 * @out_found: (out): whether a nomination was imported from that row
 *
 * Returns: %TRUE if the registry could be asked
 */
gboolean
rosette_registry_has_import_key (RosetteRegistry  *self,
                                 const char       *import_key,
                                 gboolean         *out_found,
                                 GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, "SELECT 1 FROM nominations WHERE import_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  _rosette_db_bind_text (stmt, 1, import_key);
  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * rosette_registry_get_nomination:
 * @id: the row id
 *
 * Returns: (transfer full) (nullable): the nomination, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND
 */
RosetteNomination *
rosette_registry_get_nomination (RosetteRegistry  *self,
                                 gint64            id,
                                 GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db, "SELECT " NOMINATION_COLUMNS " WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = _rosette_db_collect (db, stmt, nomination_from_row, NULL,
                              (GDestroyNotify) rosette_nomination_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("There is no nomination %lld; “rosette-cli nominate list” shows them"),
                   (long long)id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * rosette_registry_list_nominations:
 * @state: only this state, or %ROSETTE_NOMINATION_ANY
 *
 * Returns: (transfer container) (element-type RosetteNomination): the
 *   nominations, oldest first
 */
GPtrArray *
rosette_registry_list_nominations (RosetteRegistry         *self,
                                   RosetteNominationState   state,
                                   GError                 **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "SELECT " NOMINATION_COLUMNS
                              " WHERE ?1 = 'any' OR n.state = ?1"
                              " ORDER BY n.submitted_at, n.id",
                              error);
  if (stmt == NULL)
    return NULL;
  _rosette_db_bind_text (stmt, 1, rosette_nomination_state_to_string (state));
  return _rosette_db_collect (db, stmt, nomination_from_row, NULL,
                              (GDestroyNotify) rosette_nomination_free, error);
}

/**
 * rosette_registry_count_nominations:
 * @by_nominee: count nominations received by @email rather than given
 * @email: the person
 * @from: Unix time, inclusive
 * @to: Unix time, exclusive
 * @out_count: (out): the nominations in [@from, @to) that were not
 *   rejected
 *
 * Returns: %TRUE if counted
 */
gboolean
rosette_registry_count_nominations (RosetteRegistry  *self,
                                    gboolean          by_nominee,
                                    const char       *email,
                                    gint64            from,
                                    gint64            to,
                                    guint            *out_count,
                                    GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              by_nominee
                              ? "SELECT count(*) FROM nominations WHERE nominee_email = ?"
                                " AND submitted_at >= ? AND submitted_at < ?"
                                " AND state <> 'rejected'"
                              : "SELECT count(*) FROM nominations WHERE nominator_email = ?"
                                " AND submitted_at >= ? AND submitted_at < ?"
                                " AND state <> 'rejected'",
                              error);
  if (stmt == NULL)
    return FALSE;
  _rosette_db_bind_text (stmt, 1, email);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * rosette_registry_decide_nomination:
 * @state: %ROSETTE_NOMINATION_APPROVED or %ROSETTE_NOMINATION_REJECTED
 * @approver: who decided
 * @comment: (nullable): why
 * @at: Unix time of the decision
 *
 * Records a decision on a pending nomination.
 *
 * Returns: %TRUE if recorded; %ROSETTE_ERROR_CONFLICT if the nomination
 *   was already decided, %ROSETTE_ERROR_NOT_FOUND if there is none
 */
gboolean
rosette_registry_decide_nomination (RosetteRegistry         *self,
                                    gint64                   id,
                                    RosetteNominationState   state,
                                    const char              *approver,
                                    const char              *comment,
                                    gint64                   at,
                                    GError                 **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(RosetteNomination) current = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (state == ROSETTE_NOMINATION_APPROVED ||
                        state == ROSETTE_NOMINATION_REJECTED, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "UPDATE nominations SET state = ?, approver = ?, comment = ?,"
                              " decided_at = ? WHERE id = ? AND state = 'pending'",
                              error);
  if (stmt == NULL)
    return FALSE;
  _rosette_db_bind_text (stmt, 1, rosette_nomination_state_to_string (state));
  _rosette_db_bind_text (stmt, 2, approver);
  _rosette_db_bind_text (stmt, 3, comment);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_int64 (stmt, 5, id);
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db->db) > 0)
    return TRUE;

  g_clear_pointer (&locker, g_mutex_locker_free);
  current = rosette_registry_get_nomination (self, id, error);
  if (current != NULL)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                 current->state == ROSETTE_NOMINATION_REJECTED
                 ? _("Nomination %lld was already rejected by %s")
                 : _("Nomination %lld was already approved by %s"), (long long)id,
                 current->approver != NULL ? current->approver : "?");
  return FALSE;
}

/**
 * rosette_registry_nomination_issued:
 * @credential_id: the badge issued for it
 *
 * Marks an approved nomination as issued.
 *
 * Returns: %TRUE if recorded; %ROSETTE_ERROR_CONFLICT unless it was
 *   approved and not issued
 */
gboolean
rosette_registry_nomination_issued (RosetteRegistry  *self,
                                    gint64            id,
                                    const char       *credential_id,
                                    GError          **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "UPDATE nominations SET state = 'issued', credential_id = ?"
                              " WHERE id = ? AND state = 'approved'",
                              error);
  if (stmt == NULL)
    return FALSE;
  _rosette_db_bind_text (stmt, 1, credential_id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_rosette_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db->db) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                   _("Nomination %lld is not approved, or already issued"), (long long)id);
      return FALSE;
    }
  return TRUE;
}

/* Limits ------------------------------------------------------------------- */

/**
 * rosette_registry_set_nomination_limit:
 * @limit: the limit; a @max_count of 0 removes it
 *
 * Returns: %TRUE if saved
 */
gboolean
rosette_registry_set_nomination_limit (RosetteRegistry               *self,
                                       const RosetteNominationLimit  *limit,
                                       GError                       **error)
{
  RosetteDb *db;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (limit != NULL && limit->period != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              limit->max_count > 0
                              ? "INSERT OR REPLACE INTO nomination_limits (per_nominee, period,"
                                " max_count) VALUES (?, ?, ?)"
                              : "DELETE FROM nomination_limits WHERE per_nominee = ?"
                                " AND period = ? AND ? = 0",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, limit->per_nominee ? 1 : 0);
  _rosette_db_bind_text (stmt, 2, limit->period);
  sqlite3_bind_int64 (stmt, 3, limit->max_count);
  return _rosette_db_step_done (db, stmt, error);
}

static gpointer
limit_from_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  RosetteNominationLimit *limit = g_new0 (RosetteNominationLimit, 1);

  limit->per_nominee = sqlite3_column_int (stmt, 0) != 0;
  limit->period = _rosette_db_dup_text (stmt, 1);
  limit->max_count = (guint) sqlite3_column_int64 (stmt, 2);
  return limit;
}

/**
 * rosette_registry_list_nomination_limits:
 *
 * Returns: (transfer container) (element-type RosetteNominationLimit):
 *   the limits in force
 */
GPtrArray *
rosette_registry_list_nomination_limits (RosetteRegistry  *self,
                                         GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  return collect_all (self,
                      "SELECT per_nominee, period, max_count FROM nomination_limits"
                      " ORDER BY per_nominee, period",
                      limit_from_row, (GDestroyNotify) rosette_nomination_limit_free, error);
}
