/* rosette-registry-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rosette-registry.h"

G_BEGIN_DECLS

typedef struct
{
  guint       version;
  const char *sql;
} RosetteMigration;

/* One SQLite connection with its cache of prepared statements. The
 * registry has a writer (every sync call) and, opened on first use, a
 * read-only reader for the _async reports, so that a report in a worker
 * thread never sees a half-done batch transaction and never blocks it. */
typedef struct
{
  sqlite3    *db;
  GHashTable *statements;
  GMutex      lock;
} RosetteDb;

struct _RosetteIssuedRecord
{
  GObject                  parent_instance;

  char                    *credential_id;
  char                    *issuance_key;
  char                    *batch_id;
  RosetteIssueState        state;
  RosetteCredentialStatus  status;
  gint64                   recipient_id;
  char                    *email;
  char                    *name;
  char                    *employee_id;
  char                    *department;
  gint64                   achievement_id;
  char                    *family_slug;
  char                    *family_name;
  char                    *tier_slug;
  char                    *tier_name;
  gint64                   valid_from;
  gint64                   valid_until;
  gint64                   issued_at;
  char                    *proof_type;
  char                   **files;      /* parsed from files_json on first use */
  char                    *files_json;
  gint64                   status_list_id;
  guint                    status_index;
  char                    *last_error;
  gint64                   revoked_at;
  char                    *revoke_reason;
  char                    *superseded_by;
  char                    *issuer_identifier; /* only from _rosette_issued_lookup_columns */
};

/* The report aggregates of migration 4 count rows per expiry bucket of
 * 2^ROSETTE_REGISTRY_BUCKET_SHIFT seconds; "no expiry" is FOREVER. Kept as
 * strings for the SQL they are pasted into. */
#define ROSETTE_REGISTRY_BUCKET_SHIFT "21"
#define ROSETTE_REGISTRY_FOREVER "9223372036854775807"

const RosetteMigration *_rosette_registry_get_migrations (guint        *n_migrations);

/* Migration 3, pathways and peer recognition: rosette-registry-pathways.c */
extern const char _rosette_registry_migration_pathways[];

RosetteDb     *_rosette_registry_get_db        (RosetteRegistry *self);
RosetteDb     *_rosette_registry_get_reader    (RosetteRegistry *self,
                                                GError         **error);
sqlite3_stmt  *_rosette_db_prepare             (RosetteDb       *db,
                                                const char      *sql,
                                                GError         **error);
gboolean       _rosette_db_step_done           (RosetteDb       *db,
                                                sqlite3_stmt    *stmt,
                                                GError         **error);
gboolean       _rosette_db_exec                (RosetteDb       *db,
                                                const char      *sql,
                                                GError         **error);
gboolean       _rosette_db_savepoint           (RosetteDb       *db,
                                                GError         **error);
gboolean       _rosette_db_release            (RosetteDb       *db,
                                                gboolean         commit,
                                                GError         **error);
void           _rosette_db_set_error           (RosetteDb       *db,
                                                GError         **error);
void           _rosette_db_bind_text           (sqlite3_stmt    *stmt,
                                                int              index,
                                                const char      *text);
char          *_rosette_db_dup_text            (sqlite3_stmt    *stmt,
                                                int              column);
gint64         _rosette_db_column_time         (sqlite3_stmt    *stmt,
                                                int              column);
gboolean       _rosette_db_audit               (RosetteDb       *db,
                                                RosetteAuditAction action,
                                                const char      *subject,
                                                const char      *detail_json,
                                                gint64           at,
                                                GError         **error);
gint64         _rosette_time_or_now            (GDateTime       *time);

/* Makes one result object from the statement's current row. */
typedef gpointer (*RosetteRowFunc) (sqlite3_stmt *stmt,
                                    gpointer      user_data);

GPtrArray     *_rosette_db_collect             (RosetteDb       *db,
                                                sqlite3_stmt    *stmt,
                                                RosetteRowFunc   func,
                                                gpointer         user_data,
                                                GDestroyNotify   free_func,
                                                GError         **error);

/* The column list and builder shared by every query of issued rows;
 * the lookup of one row also reads its issuer's identifier (a primary
 * key step from achievements to the tiny issuers table). */
extern const char _rosette_issued_columns[];
extern const char _rosette_issued_lookup_columns[];
RosetteIssuedRecord *_rosette_issued_record_from_row (sqlite3_stmt *stmt,
                                                      gint64        now);

/* What the batch's writer thread needs of a reserved row: what
 * rosette_registry_reserve_issuance() does, without building the record
 * (two joins and a dozen strings) that the batch never reads. */
typedef struct
{
  char              *credential_id;
  gint64             status_list_id;
  guint              status_index;
  RosetteIssueState  state;
} RosetteReservation;

gboolean       _rosette_registry_reserve       (RosetteRegistry               *self,
                                                const RosetteIssuanceRequest  *request,
                                                RosetteReservation            *out,
                                                gboolean                      *out_created,
                                                GError                       **error);
void           _rosette_reservation_clear      (RosetteReservation            *reservation);

/* For tests only: run a whole SQL script on a database file (to create a
 * database of an older schema version), or one statement on an open
 * registry (to prove the audit log refuses UPDATE). */
gboolean       _rosette_registry_exec_script   (const char      *path,
                                                const char      *script,
                                                GError         **error);
gboolean       _rosette_registry_exec          (RosetteRegistry *self,
                                                const char      *sql,
                                                GError         **error);

G_END_DECLS
