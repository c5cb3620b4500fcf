/* rosette-registry.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The registry: Rosette's memory of who was issued what. One SQLite file
 * (WAL mode, foreign keys on, a busy timeout) opened by path; the schema
 * comes from the forward migrations in rosette-registry-schema.c. Every
 * SQL statement of Rosette lives in this folder, so that another database
 * behind the same API stays a local change.
 *
 * Statements are prepared once per connection and cached by their text.
 * The sync API is what the CLI and the worker threads call; each call
 * holds the connection's lock, so the GUI may revoke on the main thread
 * while a worker issues. Long batches group rows in transactions with
 * rosette_registry_batch_begin()/_step()/_end(). Single operations that
 * write more than one row use a SAVEPOINT, which nests inside a batch.
 *
 * This file: opening, migrations, the statement cache, transactions,
 * upserts and the audit log. Issuing and revocation are in
 * rosette-registry-issue.c, reports in rosette-registry-reports.c, the
 * delivery queue in rosette-registry-outbox.c.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rosette-error.h"
#include "rosette-recipient.h"
#include "rosette-registry-private.h"

#define BUSY_TIMEOUT_MS 5000

struct _RosetteRegistry
{
  GObject    parent_instance;

  char      *path;
  guint      schema_version;
  RosetteDb  writer;
  RosetteDb  reader;
  GMutex     reader_lock;

  guint      batch_size;
  guint      batch_count;
  gboolean   in_batch;
};

G_DEFINE_FINAL_TYPE (RosetteRegistry, rosette_registry, G_TYPE_OBJECT)

static void
rosette_db_clear (RosetteDb *db)
{
  g_clear_pointer (&db->statements, g_hash_table_unref);
  g_clear_pointer (&db->db, sqlite3_close_v2);
  g_mutex_clear (&db->lock);
}

static void
rosette_registry_finalize (GObject *object)
{
  RosetteRegistry *self = (RosetteRegistry *)object;

  if (self->in_batch)
    _rosette_db_exec (&self->writer, "ROLLBACK", NULL);

  rosette_db_clear (&self->reader);
  rosette_db_clear (&self->writer);
  g_mutex_clear (&self->reader_lock);
  g_free (self->path);

  G_OBJECT_CLASS (rosette_registry_parent_class)->finalize (object);
}

static void
rosette_registry_class_init (RosetteRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_registry_finalize;
}

static void
rosette_registry_init (RosetteRegistry *self)
{
  g_mutex_init (&self->writer.lock);
  g_mutex_init (&self->reader.lock);
  g_mutex_init (&self->reader_lock);
}

/* Helpers shared by the other files of the module ------------------------ */

void
_rosette_db_set_error (RosetteDb  *db,
                       GError    **error)
{
  int code = sqlite3_extended_errcode (db->db) & 0xff;
  const char *message = sqlite3_errmsg (db->db);

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE,
                 _("The registry is in use by another program; try again when it has finished"));
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT,
                 _("The registry refused the change: %s"), message);
  else if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE,
                 _("The file is not a Rosette registry or is damaged: %s"), message);
  else
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE,
                 _("The registry could not be used: %s"), message);
}

/* The statement cache is keyed by SQL texts of hundreds of bytes, looked
 * up a dozen times for every badge of a batch: their length and their
 * first and last bytes tell them apart well enough (g_str_equal decides),
 * for a fraction of the cost of g_str_hash's every byte. */
static guint
sql_hash (gconstpointer key)
{
  const char *sql = key;
  gsize length = strlen (sql);
  gsize n = MIN (length, 24);
  guint hash = (guint) length;

  for (gsize i = 0; i < n; i++)
    hash = hash * 31 + (guchar) sql[i];
  for (gsize i = length - n; i < length; i++)
    hash = hash * 31 + (guchar) sql[i];
  return hash;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* Returns a cached statement, reset and with its bindings cleared. */
sqlite3_stmt *
_rosette_db_prepare (RosetteDb   *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _rosette_db_set_error (db, error);
      return NULL;
    }

  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_rosette_db_step_done (RosetteDb     *db,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_rosette_db_exec (RosetteDb   *db,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (db->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _rosette_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement without results from the statement cache: the
 * savepoints wrap every row a batch writes, and sqlite3_exec() would
 * compile them each time. */
static gboolean
exec_cached (RosetteDb   *db,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = _rosette_db_prepare (db, sql, error);

  return stmt != NULL && _rosette_db_step_done (db, stmt, error);
}

gboolean
_rosette_db_savepoint (RosetteDb  *db,
                       GError    **error)
{
  return exec_cached (db, "SAVEPOINT rosette_op", error);
}

/* Ends the innermost savepoint; on rollback the first error is kept. */
gboolean
_rosette_db_release (RosetteDb  *db,
                     gboolean    commit,
                     GError    **error)
{
  if (commit)
    return exec_cached (db, "RELEASE rosette_op", error);

  exec_cached (db, "ROLLBACK TO rosette_op", NULL);
  exec_cached (db, "RELEASE rosette_op", NULL);
  return FALSE;
}

void
_rosette_db_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_rosette_db_dup_text (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* Times are stored as Unix seconds; NULL reads as 0 ("not set"). */
gint64
_rosette_db_column_time (sqlite3_stmt *stmt,
                         int           column)
{
  return sqlite3_column_int64 (stmt, column);
}

gint64
_rosette_time_or_now (GDateTime *time)
{
  if (time != NULL)
    return g_date_time_to_unix (time);

  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Steps @stmt to the end, one @func result per row, and resets it. */
GPtrArray *
_rosette_db_collect (RosetteDb       *db,
                     sqlite3_stmt    *stmt,
                     RosetteRowFunc   func,
                     gpointer         user_data,
                     GDestroyNotify   free_func,
                     GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, func (stmt, user_data));
  if (rc != SQLITE_DONE)
    {
      _rosette_db_set_error (db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

RosetteDb *
_rosette_registry_get_db (RosetteRegistry *self)
{
  return &self->writer;
}

static gboolean
db_open (RosetteDb   *db,
         const char  *path,
         gboolean     read_only,
         GError     **error)
{
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  if (sqlite3_open_v2 (path, &db->db, flags | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not open the registry “%s”: %s"), path,
                   db->db != NULL ? sqlite3_errmsg (db->db) : g_strerror (ENOMEM));
      g_clear_pointer (&db->db, sqlite3_close_v2);
      return FALSE;
    }

  db->statements = g_hash_table_new_full (sql_hash, g_str_equal, g_free, finalize_statement);
  sqlite3_busy_timeout (db->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db->db, 1);

  /* The reader, which the GUI's reports use, gets the writer's cache
   * (the default 2 MB holds little of a 1,000,000-row registry). */
  if (read_only)
    return _rosette_db_exec (db,
                             "PRAGMA cache_size = -65536;"
                             "PRAGMA foreign_keys = ON;",
                             error);

  /* temp_store = MEMORY: with files, the statement journals of a batch's
   * transaction spill to /var/tmp (two dozen writes per badge). */
  return _rosette_db_exec (db,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA cache_size = -65536;"
                           "PRAGMA temp_store = MEMORY;"
                           "PRAGMA foreign_keys = ON;",
                           error);
}

/* The read-only connection for the _async reports, opened on first use. */
RosetteDb *
_rosette_registry_get_reader (RosetteRegistry  *self,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->reader_lock);

  if (self->reader.db == NULL && !db_open (&self->reader, self->path, TRUE, error))
    return NULL;

  return &self->reader;
}

/* Migrations -------------------------------------------------------------- */

static gboolean
read_schema_version (RosetteDb  *db,
                     guint      *out_version,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rosette_db_prepare (db,
                              "SELECT count(*) FROM sqlite_master"
                              " WHERE type = 'table' AND name = 'schema_version'",
                              error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rosette_db_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      sqlite3_reset (stmt);
      *out_version = 0;
      return _rosette_db_exec (db,
                               "CREATE TABLE schema_version ("
                               "  version    INTEGER PRIMARY KEY,"
                               "  applied_at INTEGER NOT NULL)",
                               error);
    }
  sqlite3_reset (stmt);

  stmt = _rosette_db_prepare (db, "SELECT coalesce(max(version), 0) FROM schema_version", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rosette_db_set_error (db, error);
      return FALSE;
    }
  *out_version = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
apply_migration (RosetteDb               *db,
                 const RosetteMigration  *migration,
                 GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!_rosette_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_rosette_db_exec (db, migration->sql, error)
      || (stmt = _rosette_db_prepare (db,
                                      "INSERT INTO schema_version (version, applied_at)"
                                      " VALUES (?, strftime ('%s', 'now'))",
                                      error)) == NULL)
    goto fail;

  sqlite3_bind_int (stmt, 1, (int)migration->version);
  if (!_rosette_db_step_done (db, stmt, error))
    goto fail;

  return _rosette_db_exec (db, "COMMIT", error);

fail:
  _rosette_db_exec (db, "ROLLBACK", NULL);
  g_prefix_error (error, _("Could not update the registry to version %u: "), migration->version);
  return FALSE;
}

static gboolean
migrate (RosetteRegistry  *self,
         GError          **error)
{
  const RosetteMigration *migrations;
  guint n_migrations;
  guint version;

  migrations = _rosette_registry_get_migrations (&n_migrations);

  if (!read_schema_version (&self->writer, &version, error))
    return FALSE;

  if (version > migrations[n_migrations - 1].version)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNSUPPORTED_VERSION,
                   _("The registry “%s” was written by a newer Rosette (schema %u); "
                     "update Rosette to use it"),
                   self->path, version);
      return FALSE;
    }

  for (guint i = 0; i < n_migrations; i++)
    {
      if (migrations[i].version <= version)
        continue;
      if (!apply_migration (&self->writer, &migrations[i], error))
        return FALSE;
      version = migrations[i].version;
    }

  self->schema_version = version;
  return TRUE;
}

/* Public API -------------------------------------------------------------- */

/**
 * rosette_registry_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/rosette/registry.db`
 */
char *
rosette_registry_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rosette", "registry.db", NULL);
}

/**
 * rosette_registry_get_latest_schema_version:
 *
 * Returns: the schema version this Rosette writes
 */
guint
rosette_registry_get_latest_schema_version (void)
{
  const RosetteMigration *migrations;
  guint n_migrations;

  migrations = _rosette_registry_get_migrations (&n_migrations);
  return migrations[n_migrations - 1].version;
}

/**
 * rosette_registry_open:
 * @path: (nullable): the database file; %NULL for the default
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens the registry, creating it (and its folder) if it does not exist,
 * and migrates an older schema forward.
 *
 * Returns: (transfer full) (nullable): the registry, or %NULL with
 *   %ROSETTE_ERROR_IO, %ROSETTE_ERROR_DATABASE or
 *   %ROSETTE_ERROR_UNSUPPORTED_VERSION
 */
RosetteRegistry *
rosette_registry_open (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(RosetteRegistry) self = NULL;
  g_autofree char *dir = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_object_new (ROSETTE_TYPE_REGISTRY, NULL);
  self->path = path != NULL ? g_strdup (path) : rosette_registry_dup_default_path ();

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!db_open (&self->writer, self->path, FALSE, error) || !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
rosette_registry_get_path (RosetteRegistry *self)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  return self->path;
}

guint
rosette_registry_get_schema_version (RosetteRegistry *self)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);

  return self->schema_version;
}

/* With the writer's lock held, after the batch's last transaction. */
static void
leave_batch (RosetteRegistry *self)
{
  self->in_batch = FALSE;
  _rosette_db_exec (&self->writer, "PRAGMA ignore_check_constraints = OFF", NULL);
}

/**
 * rosette_registry_batch_begin:
 * @self: a #RosetteRegistry
 * @rows_per_commit: commit after this many rosette_registry_batch_step()
 *   calls; 0 for %ROSETTE_REGISTRY_DEFAULT_BATCH
 * @error: return location for a #GError
 *
 * Starts grouping writes in transactions: far faster than one
 * transaction per row, and a crash loses at most the rows since the last
 * commit (which a re-run then issues again, see reserve_issuance). Until
 * rosette_registry_batch_end() the connection does not evaluate CHECK
 * constraints (every value they guard is a literal of this module).
 *
 * Returns: %TRUE if the batch started
 */
gboolean
rosette_registry_batch_begin (RosetteRegistry  *self,
                              guint             rows_per_commit,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  locker = g_mutex_locker_new (&self->writer.lock);
  /* SQLite checks a CHECK (x IN ('a', 'b', 'c')) constraint by building a
   * temporary table of the list every time a statement runs: three per
   * badge, a fifth of the writer thread's work. Within a batch every value
   * those constraints guard (states, audit actions, channels) is a literal
   * of this module's SQL, so the batch runs without them; statements
   * prepared meanwhile are recompiled with them after the batch. */
  if (!_rosette_db_exec (&self->writer, "PRAGMA ignore_check_constraints = ON", error))
    return FALSE;
  if (!_rosette_db_exec (&self->writer, "BEGIN IMMEDIATE", error))
    {
      _rosette_db_exec (&self->writer, "PRAGMA ignore_check_constraints = OFF", NULL);
      return FALSE;
    }

  self->in_batch = TRUE;
  self->batch_size = rows_per_commit > 0 ? rows_per_commit : ROSETTE_REGISTRY_DEFAULT_BATCH;
  self->batch_count = 0;
  return TRUE;
}

/**
 * rosette_registry_batch_step:
 *
 * Counts one row of the batch, committing every @rows_per_commit rows.
 *
 * Returns: %TRUE unless a commit failed (the batch is then over)
 */
gboolean
rosette_registry_batch_step (RosetteRegistry  *self,
                             GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  if (++self->batch_count < self->batch_size)
    return TRUE;

  locker = g_mutex_locker_new (&self->writer.lock);
  self->batch_count = 0;
  if (!_rosette_db_exec (&self->writer, "COMMIT", error))
    {
      _rosette_db_exec (&self->writer, "ROLLBACK", NULL);
      leave_batch (self);
      return FALSE;
    }
  if (!_rosette_db_exec (&self->writer, "BEGIN IMMEDIATE", error))
    {
      leave_batch (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * rosette_registry_batch_end:
 * @commit: %FALSE to roll back what the batch wrote since its last commit
 *   (on cancel it is usually better to commit what is done)
 *
 * Returns: %TRUE if the transaction ended as asked
 */
gboolean
rosette_registry_batch_end (RosetteRegistry  *self,
                            gboolean          commit,
                            GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  if (!self->in_batch)
    return TRUE;

  locker = g_mutex_locker_new (&self->writer.lock);
  ok = _rosette_db_exec (&self->writer, commit ? "COMMIT" : "ROLLBACK", error);
  if (!ok && commit)
    _rosette_db_exec (&self->writer, "ROLLBACK", NULL);
  leave_batch (self);
  return ok;
}

/* Runs an INSERT … RETURNING id statement. */
static gint64
step_returning_id (RosetteDb     *db,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  gint64 id = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!_rosette_db_step_done (db, stmt, error))
    return 0;
  if (id == 0)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE,
                 _("The registry could not be used: no row was written"));
  return id;
}

/**
 * rosette_registry_upsert_issuer:
 * @identifier: the issuer's id (URL or DID), unique
 * @name: its display name
 * @json: (nullable): the profile JSON; %NULL keeps the stored one
 *
 * Returns: the issuer's row id, or 0 with @error set
 */
gint64
rosette_registry_upsert_issuer (RosetteRegistry  *self,
                                const char       *identifier,
                                const char       *name,
                                const char       *json,
                                GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);
  g_return_val_if_fail (identifier != NULL && name != NULL, 0);

  locker = g_mutex_locker_new (&self->writer.lock);
  stmt = _rosette_db_prepare (&self->writer,
                              "INSERT INTO issuers (identifier, name, json) VALUES (?, ?, ?)"
                              " ON CONFLICT (identifier) DO UPDATE SET name = excluded.name,"
                              " json = coalesce (excluded.json, json)"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;

  _rosette_db_bind_text (stmt, 1, identifier);
  _rosette_db_bind_text (stmt, 2, name);
  _rosette_db_bind_text (stmt, 3, json);
  return step_returning_id (&self->writer, stmt, error);
}

/**
 * rosette_registry_upsert_achievement:
 * @issuer_id: the issuer's row id, or 0 to leave it unset (or unchanged)
 * @family_slug: the family, with @tier_slug the unique key
 * @family_name: the family's display name
 * @tier_slug: the tier
 * @tier_name: the tier's display name
 * @criteria: (nullable): the criteria narrative
 * @json: (nullable): the achievement documents the publisher hosts (see rosette-batch.c)
 *
 * Returns: the achievement's row id, or 0 with @error set
 */
gint64
rosette_registry_upsert_achievement (RosetteRegistry  *self,
                                     gint64            issuer_id,
                                     const char       *family_slug,
                                     const char       *family_name,
                                     const char       *tier_slug,
                                     const char       *tier_name,
                                     const char       *criteria,
                                     const char       *json,
                                     GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);
  g_return_val_if_fail (family_slug != NULL && family_name != NULL, 0);
  g_return_val_if_fail (tier_slug != NULL && tier_name != NULL, 0);

  locker = g_mutex_locker_new (&self->writer.lock);
  stmt = _rosette_db_prepare (&self->writer,
                              "INSERT INTO achievements (issuer_id, family_slug, family_name,"
                              " tier_slug, tier_name, criteria, json)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (family_slug, tier_slug) DO UPDATE SET"
                              " issuer_id = coalesce (excluded.issuer_id, issuer_id),"
                              " family_name = excluded.family_name,"
                              " tier_name = excluded.tier_name,"
                              " criteria = coalesce (excluded.criteria, criteria),"
                              " json = coalesce (excluded.json, json)"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;

  if (issuer_id > 0)
    sqlite3_bind_int64 (stmt, 1, issuer_id);
  _rosette_db_bind_text (stmt, 2, family_slug);
  _rosette_db_bind_text (stmt, 3, family_name);
  _rosette_db_bind_text (stmt, 4, tier_slug);
  _rosette_db_bind_text (stmt, 5, tier_name);
  _rosette_db_bind_text (stmt, 6, criteria);
  _rosette_db_bind_text (stmt, 7, json);
  return step_returning_id (&self->writer, stmt, error);
}

/**
 * rosette_registry_set_achievement_image:
 * @achievement_id: the achievement's row id
 * @png: the achievement image (PNG) that its credentials refer to
 *
 * Keeps the image the publisher hosts at images/<family>-<tier>.png.
 * Writing the same bytes again changes nothing.
 *
 * Returns: %TRUE if stored
 */
gboolean
rosette_registry_set_achievement_image (RosetteRegistry  *self,
                                        gint64            achievement_id,
                                        GBytes           *png,
                                        GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  const void *data;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (png != NULL, FALSE);

  data = g_bytes_get_data (png, &size);
  locker = g_mutex_locker_new (&self->writer.lock);
  stmt = _rosette_db_prepare (&self->writer,
                              "UPDATE achievements SET image = ?1"
                              " WHERE id = ?2 AND image IS NOT ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob64 (stmt, 1, data, size, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, achievement_id);
  return _rosette_db_step_done (&self->writer, stmt, error);
}

static gboolean
iso_date_ok (const char *date)
{
  guint y, m, d;
  char tail;

  return sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3
         && strlen (date) == 10
         && g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

static void
bind_recipient (sqlite3_stmt               *stmt,
                const char                 *email,
                const RosetteRecipientData *data)
{
  _rosette_db_bind_text (stmt, 1, email);
  _rosette_db_bind_text (stmt, 2, data->name);
  _rosette_db_bind_text (stmt, 3, data->employee_id);
  _rosette_db_bind_text (stmt, 4, data->department);
  _rosette_db_bind_text (stmt, 5, data->hire_date);
  _rosette_db_bind_text (stmt, 6, data->manager);
}

/**
 * rosette_registry_upsert_recipient:
 * @data: the recipient's fields; %NULL fields keep what is stored
 *
 * Adds a recipient or updates the one with the same (normalized) address.
 *
 * Returns: the recipient's row id, or 0 with %ROSETTE_ERROR_INVALID (bad
 *   address or hire date) or a database error
 */
gint64
rosette_registry_upsert_recipient (RosetteRegistry             *self,
                                   const RosetteRecipientData  *data,
                                   GError                     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *email = NULL;
  sqlite3_stmt *stmt;
  gboolean unchanged = FALSE;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), 0);
  g_return_val_if_fail (data != NULL, 0);

  if (!rosette_email_check (data->email, error))
    return 0;
  if (data->hire_date != NULL && !iso_date_ok (data->hire_date))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), data->hire_date);
      return 0;
    }
  email = rosette_email_normalize (data->email);

  locker = g_mutex_locker_new (&self->writer.lock);

  /* The common cases of a batch without RETURNING (a temporary table per
   * row): a known recipient whose stored fields already say the same
   * (a re-run) is left alone, and a new one is a plain insert. */
  stmt = _rosette_db_prepare (&self->writer,
                              "SELECT id, (?2 IS NULL OR name IS ?2)"
                              " AND (?3 IS NULL OR employee_id IS ?3)"
                              " AND (?4 IS NULL OR department IS ?4)"
                              " AND (?5 IS NULL OR hire_date IS ?5)"
                              " AND (?6 IS NULL OR manager IS ?6)"
                              " FROM recipients WHERE email = ?1",
                              error);
  if (stmt == NULL)
    return 0;
  bind_recipient (stmt, email, data);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      unchanged = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rosette_db_set_error (&self->writer, error);
      return 0;
    }
  if (id != 0 && unchanged)
    return id;

  if (id == 0)
    {
      stmt = _rosette_db_prepare (&self->writer,
                                  "INSERT INTO recipients (email, name, employee_id, department,"
                                  " hire_date, manager) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                  " ON CONFLICT (email) DO NOTHING",
                                  error);
      if (stmt == NULL)
        return 0;
      bind_recipient (stmt, email, data);
      if (!_rosette_db_step_done (&self->writer, stmt, error))
        return 0;
      if (sqlite3_changes (self->writer.db) == 1)
        return sqlite3_last_insert_rowid (self->writer.db);
      /* Another program added the address meanwhile: update it. */
    }

  stmt = _rosette_db_prepare (&self->writer,
                              "INSERT INTO recipients (email, name, employee_id, department,"
                              " hire_date, manager) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                              " ON CONFLICT (email) DO UPDATE SET"
                              " name = coalesce (excluded.name, name),"
                              " employee_id = coalesce (excluded.employee_id, employee_id),"
                              " department = coalesce (excluded.department, department),"
                              " hire_date = coalesce (excluded.hire_date, hire_date),"
                              " manager = coalesce (excluded.manager, manager)"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;

  bind_recipient (stmt, email, data);
  return step_returning_id (&self->writer, stmt, error);
}

/* The audit log ----------------------------------------------------------- */

gboolean
_rosette_db_audit (RosetteDb           *db,
                   RosetteAuditAction   action,
                   const char          *subject,
                   const char          *detail_json,
                   gint64               at,
                   GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = _rosette_db_prepare (db,
                              "INSERT INTO audit_log (at, action, subject, detail)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, at);
  _rosette_db_bind_text (stmt, 2, rosette_audit_action_to_string (action));
  _rosette_db_bind_text (stmt, 3, subject);
  _rosette_db_bind_text (stmt, 4, detail_json);
  return _rosette_db_step_done (db, stmt, error);
}

/**
 * rosette_registry_audit:
 * @action: what was done
 * @subject: (nullable): to what
 * @detail_json: (nullable): particulars as JSON text
 * @now: (nullable): when; %NULL for the current time
 *
 * Appends to the audit log. Issue, revoke, reissue and send entries are
 * written by the registry itself; callers add "publish".
 *
 * Returns: %TRUE if the entry was written
 */
gboolean
rosette_registry_audit (RosetteRegistry     *self,
                        RosetteAuditAction   action,
                        const char          *subject,
                        const char          *detail_json,
                        GDateTime           *now,
                        GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);

  locker = g_mutex_locker_new (&self->writer.lock);
  return _rosette_db_audit (&self->writer, action, subject, detail_json,
                            _rosette_time_or_now (now), error);
}

static RosetteAuditAction
parse_action (const char *text)
{
  for (guint i = ROSETTE_AUDIT_ACTION_ISSUE; i <= ROSETTE_AUDIT_ACTION_REISSUE; i++)
    if (g_strcmp0 (text, rosette_audit_action_to_string (i)) == 0)
      return i;
  return ROSETTE_AUDIT_ACTION_ISSUE;
}

static gpointer
audit_entry_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  RosetteAuditEntry *entry = g_new0 (RosetteAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = sqlite3_column_int64 (stmt, 1);
  entry->action = parse_action ((const char *)sqlite3_column_text (stmt, 2));
  entry->subject = _rosette_db_dup_text (stmt, 3);
  entry->detail = _rosette_db_dup_text (stmt, 4);
  return entry;
}

/**
 * rosette_registry_list_audit:
 * @limit: at most this many entries; 0 for all
 * @offset: skip this many
 *
 * Returns: (transfer container) (element-type RosetteAuditEntry): the log
 *   in the order it was written
 */
GPtrArray *
rosette_registry_list_audit (RosetteRegistry  *self,
                             guint             limit,
                             guint             offset,
                             GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), NULL);

  locker = g_mutex_locker_new (&self->writer.lock);
  stmt = _rosette_db_prepare (&self->writer,
                              "SELECT id, at, action, subject, detail FROM audit_log"
                              " ORDER BY id LIMIT ? OFFSET ?",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64)limit : -1);
  sqlite3_bind_int64 (stmt, 2, offset);

  return _rosette_db_collect (&self->writer, stmt, audit_entry_from_row, NULL,
                              (GDestroyNotify)rosette_audit_entry_free, error);
}

/* For tests ---------------------------------------------------------------- */

gboolean
_rosette_registry_exec_script (const char  *path,
                               const char  *script,
                               GError     **error)
{
  RosetteDb db = { 0 };
  gboolean ok;

  g_mutex_init (&db.lock);
  ok = db_open (&db, path, FALSE, error) && _rosette_db_exec (&db, script, error);
  rosette_db_clear (&db);
  return ok;
}

gboolean
_rosette_registry_exec (RosetteRegistry  *self,
                        const char       *sql,
                        GError          **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->writer.lock);

  return _rosette_db_exec (&self->writer, sql, error);
}
