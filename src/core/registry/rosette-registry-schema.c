/* rosette-registry-schema.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The registry's schema as a list of forward migrations. A migration is
 * never edited once released: a change is a new migration at the end, and
 * tests/data/registry/schema-vN.sql keeps a database of every earlier
 * version so that test-registry migrates each of them to the newest.
 *
 * Times are INTEGER seconds since the Unix epoch (UTC), so that range
 * queries compare integers; dates without a time (hire dates) are ISO
 * "YYYY-MM-DD" TEXT, which sorts and compares correctly as text.
 */

#include "config.h"

#include "rosette-registry-private.h"

static const char migration_1[] =
  "CREATE TABLE issuers ("
  "  id          INTEGER PRIMARY KEY,"
  "  identifier  TEXT NOT NULL UNIQUE,"
  "  name        TEXT NOT NULL,"
  "  json        TEXT"
  ");"
  "CREATE TABLE achievements ("
  "  id          INTEGER PRIMARY KEY,"
  "  issuer_id   INTEGER REFERENCES issuers (id),"
  "  family_slug TEXT NOT NULL,"
  "  family_name TEXT NOT NULL,"
  "  tier_slug   TEXT NOT NULL,"
  "  tier_name   TEXT NOT NULL,"
  "  criteria    TEXT,"
  "  json        TEXT,"
  "  UNIQUE (family_slug, tier_slug)"
  ");"
  "CREATE TABLE recipients ("
  "  id          INTEGER PRIMARY KEY,"
  "  email       TEXT NOT NULL UNIQUE,"
  "  name        TEXT,"
  "  employee_id TEXT,"
  "  department  TEXT,"
  "  hire_date   TEXT,"
  "  manager     TEXT"
  ");"
  /* The bits live in their own table: SQLite rewrites a whole row on
   * UPDATE, and next_index changes with every credential issued. */
  "CREATE TABLE status_lists ("
  "  id          INTEGER PRIMARY KEY,"
  "  purpose     TEXT NOT NULL DEFAULT 'revocation' CHECK (purpose IN ('revocation')),"
  "  size        INTEGER NOT NULL,"
  "  next_index  INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE status_list_bits ("
  "  list_id     INTEGER PRIMARY KEY REFERENCES status_lists (id),"
  "  bitstring   BLOB NOT NULL"
  ");"
  "CREATE TABLE issued ("
  "  credential_id  TEXT PRIMARY KEY,"
  "  recipient_id   INTEGER NOT NULL REFERENCES recipients (id),"
  "  achievement_id INTEGER NOT NULL REFERENCES achievements (id),"
  "  batch_id       TEXT NOT NULL,"
  "  issuance_key   TEXT NOT NULL UNIQUE,"
  "  created_at     INTEGER NOT NULL,"
  "  valid_from     INTEGER NOT NULL,"
  "  valid_until    INTEGER,"
  "  issued_at      INTEGER,"
  "  proof_type     TEXT,"
  "  files          TEXT,"
  "  status_list_id INTEGER REFERENCES status_lists (id),"
  "  status_index   INTEGER,"
  "  state          TEXT NOT NULL DEFAULT 'pending'"
  "                 CHECK (state IN ('pending', 'issued', 'failed')),"
  "  last_error     TEXT,"
  "  revoked_at     INTEGER,"
  "  revoke_reason  TEXT,"
  "  superseded_by  TEXT REFERENCES issued (credential_id),"
  "  UNIQUE (status_list_id, status_index)"
  ");"
  "CREATE TABLE outbox ("
  "  id              INTEGER PRIMARY KEY,"
  "  credential_id   TEXT NOT NULL REFERENCES issued (credential_id),"
  "  channel         TEXT NOT NULL CHECK (channel IN ('email', 'upload')),"
  "  target          TEXT NOT NULL,"
  "  state           TEXT NOT NULL DEFAULT 'queued'"
  "                  CHECK (state IN ('queued', 'sent', 'failed')),"
  "  attempts        INTEGER NOT NULL DEFAULT 0,"
  "  last_error      TEXT,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  sent_at         INTEGER,"
  "  UNIQUE (credential_id, channel, target)"
  ");"
  "CREATE TABLE audit_log ("
  "  id      INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at      INTEGER NOT NULL,"
  "  action  TEXT NOT NULL"
  "          CHECK (action IN ('issue', 'revoke', 'send', 'publish', 'reissue')),"
  "  subject TEXT,"
  "  detail  TEXT"
  ");"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;"
  /* Report queries: holders and list pages by achievement in issue order,
   * the expiring view, the per-recipient view, batch history. */
  "CREATE INDEX issued_by_achievement ON issued (achievement_id, state, issued_at);"
  "CREATE INDEX issued_by_recipient ON issued (recipient_id);"
  "CREATE INDEX issued_by_expiry ON issued (valid_until)"
  "  WHERE state = 'issued' AND revoked_at IS NULL;"
  "CREATE INDEX issued_by_batch ON issued (batch_id);"
  "CREATE INDEX issued_by_creation ON issued (created_at);"
  "CREATE INDEX issued_by_time ON issued (issued_at);"
  "CREATE INDEX recipients_by_department ON recipients (department, name);"
  "CREATE INDEX recipients_by_hire_date ON recipients (hire_date);"
  "CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state <> 'sent';";

/* Holders and the paged list count valid, expired and revoked rows of an
 * achievement: with every column they test in the index, SQLite answers
 * from the index alone (64 ms → 4 ms for 10,000 holders in the benchmark). */
static const char migration_2[] =
  "CREATE INDEX issued_by_status ON issued"
  "  (achievement_id, state, revoked_at, valid_until, superseded_by);"
  "DROP INDEX issued_by_achievement;";

static const RosetteMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, _rosette_registry_migration_pathways },
};

const RosetteMigration *
_rosette_registry_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
