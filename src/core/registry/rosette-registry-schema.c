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

/* Report aggregates, kept by triggers so that the reports at 1,000,000
 * issued rows read a few thousand aggregate rows instead of scanning the
 * issued table (inventory 2.2 s → ms, history 0.4 s, holders 0.3 s).
 *
 * Validity depends on "now", which a trigger cannot know: counts are kept
 * per expiry bucket of 2^21 s (about 24 days; no expiry is the largest
 * integer), every bucket after now's is wholly valid, and the one bucket
 * that holds now is counted exactly from an index.
 *
 * - holdings: one row per recipient × achievement with an issued,
 *   unrevoked credential; "until" is its latest expiry. The inventory
 *   counts people, not credentials, and a holder is valid while until >
 *   now. holding_counts counts them per achievement × department × bucket.
 * - department_headcount: recipients per department ('' for none).
 * - status_counts: issued, not superseded credentials per achievement ×
 *   revoked × expiry bucket, for the holders report's counts.
 * - batch_groups: per batch × achievement, the history report's counts and
 *   first/last times. Inserts and state changes adjust a row; a delete or a
 *   changed issue time recounts that one group (rare). The created_at
 *   range may only grow wider than the rows (a deleted row), never
 *   narrower: the report recounts any group not wholly inside its range.
 * - achievements.image: the achievement image (PNG) as last issued, for
 *   the publisher to host at images/<family>-<tier>.png. */
#define ACTIVE(who) "(" who ".state = 'issued' AND " who ".revoked_at IS NULL)"
#define COUNTED(who) "(" who ".state = 'issued' AND " who ".superseded_by IS NULL)"
/* An update that can only raise the holding's expiry (a credential issued,
 * or given a later expiry): an upsert, not a recount. */
#define HOLDING_RAISED \
  "(OLD.recipient_id = NEW.recipient_id AND OLD.achievement_id = NEW.achievement_id" \
  " AND " ACTIVE ("NEW") " AND (NOT " ACTIVE ("OLD") \
  "  OR coalesce (NEW.valid_until, " ROSETTE_REGISTRY_FOREVER ")" \
  "     >= coalesce (OLD.valid_until, " ROSETTE_REGISTRY_FOREVER ")))"
#define HOLDING_RECOUNTED \
  "(NOT " HOLDING_RAISED " AND (" ACTIVE ("OLD") " OR " ACTIVE ("NEW") "))"
/* The common history changes (pending → issued or failed, a revocation)
 * adjust the group's counts; anything else recounts the group. */
#define SAME_GROUP \
  "(OLD.batch_id = NEW.batch_id AND OLD.achievement_id = NEW.achievement_id" \
  " AND OLD.created_at = NEW.created_at" \
  " AND (OLD.issued_at IS NULL OR OLD.issued_at IS NEW.issued_at))"

#define RAISE_HOLDING(guard) \
  "INSERT INTO holdings (recipient_id, achievement_id, department, until)" \
  "  SELECT NEW.recipient_id, NEW.achievement_id," \
  "   coalesce ((SELECT department FROM recipients WHERE id = NEW.recipient_id), '')," \
  "   coalesce (NEW.valid_until, " ROSETTE_REGISTRY_FOREVER ")" \
  "  WHERE " guard \
  "  ON CONFLICT DO UPDATE SET until = excluded.until WHERE excluded.until > until;"
#define REFRESH_HOLDING(who, guard) \
  "DELETE FROM holdings WHERE " guard " AND recipient_id = " who ".recipient_id" \
  "  AND achievement_id = " who ".achievement_id;" \
  "INSERT INTO holdings (recipient_id, achievement_id, department, until)" \
  "  SELECT i.recipient_id, i.achievement_id," \
  "   coalesce ((SELECT department FROM recipients WHERE id = i.recipient_id), '')," \
  "   max (coalesce (i.valid_until, " ROSETTE_REGISTRY_FOREVER "))" \
  "  FROM issued i WHERE " guard " AND i.recipient_id = " who ".recipient_id" \
  "   AND i.achievement_id = " who ".achievement_id" \
  "   AND i.state = 'issued' AND i.revoked_at IS NULL" \
  "  GROUP BY i.recipient_id, i.achievement_id;"
#define STATUS_COUNT_ADD(who, delta) \
  "INSERT INTO status_counts (achievement_id, revoked, bucket, n)" \
  "  SELECT " who ".achievement_id, " who ".revoked_at IS NOT NULL," \
  "   coalesce (" who ".valid_until, " ROSETTE_REGISTRY_FOREVER ") >> " \
  ROSETTE_REGISTRY_BUCKET_SHIFT ", " delta \
  "  WHERE " COUNTED (who) \
  "  ON CONFLICT DO UPDATE SET n = n + (" delta ");"
#define RECOUNT_GROUP(who, guard) \
  "DELETE FROM batch_groups WHERE " guard " AND batch_id = " who ".batch_id" \
  "  AND achievement_id = " who ".achievement_id;" \
  "INSERT INTO batch_groups SELECT batch_id, achievement_id, min (created_at)," \
  "   max (created_at), min (issued_at), max (issued_at), sum (state = 'issued')," \
  "   sum (state = 'pending'), sum (state = 'failed'), sum (revoked_at IS NOT NULL)" \
  "  FROM issued WHERE " guard " AND batch_id = " who ".batch_id" \
  "   AND achievement_id = " who ".achievement_id" \
  "  GROUP BY batch_id, achievement_id;"

/* The bodies that migration 5 keeps for the general case: a row's batch
 * group on insert, and everything an update of a row may change. */
#define GROUP_INSERTED \
  "  INSERT INTO batch_groups VALUES (NEW.batch_id, NEW.achievement_id, NEW.created_at," \
  "   NEW.created_at, NEW.issued_at, NEW.issued_at, NEW.state = 'issued'," \
  "   NEW.state = 'pending', NEW.state = 'failed', NEW.revoked_at IS NOT NULL)" \
  "   ON CONFLICT DO UPDATE SET first_created = min (first_created, excluded.first_created)," \
  "    last_created = max (last_created, excluded.last_created)," \
  "    first_issued = coalesce (min (first_issued, excluded.first_issued), first_issued," \
  "                             excluded.first_issued)," \
  "    last_issued = coalesce (max (last_issued, excluded.last_issued), last_issued," \
  "                            excluded.last_issued)," \
  "    issued = issued + excluded.issued, pending = pending + excluded.pending," \
  "    failed = failed + excluded.failed, revoked = revoked + excluded.revoked;"
#define ISSUED_CHANGED \
  RAISE_HOLDING (HOLDING_RAISED) \
  REFRESH_HOLDING ("OLD", HOLDING_RECOUNTED) \
  REFRESH_HOLDING ("NEW", HOLDING_RECOUNTED) \
  STATUS_COUNT_ADD ("OLD", "-1") \
  STATUS_COUNT_ADD ("NEW", "1") \
  "  UPDATE batch_groups SET" \
  "   issued = issued + (NEW.state = 'issued') - (OLD.state = 'issued')," \
  "   pending = pending + (NEW.state = 'pending') - (OLD.state = 'pending')," \
  "   failed = failed + (NEW.state = 'failed') - (OLD.state = 'failed')," \
  "   revoked = revoked + (NEW.revoked_at IS NOT NULL) - (OLD.revoked_at IS NOT NULL)," \
  "   first_issued = coalesce (min (first_issued, NEW.issued_at), first_issued, NEW.issued_at)," \
  "   last_issued = coalesce (max (last_issued, NEW.issued_at), last_issued, NEW.issued_at)" \
  "   WHERE " SAME_GROUP " AND batch_id = NEW.batch_id AND achievement_id = NEW.achievement_id;" \
  RECOUNT_GROUP ("OLD", "NOT " SAME_GROUP) \
  RECOUNT_GROUP ("NEW", "NOT " SAME_GROUP)

static const char migration_4[] =
  "ALTER TABLE achievements ADD COLUMN image BLOB;"
  "CREATE TABLE holdings ("
  "  recipient_id   INTEGER NOT NULL,"
  "  achievement_id INTEGER NOT NULL,"
  "  department     TEXT NOT NULL,"
  "  until          INTEGER NOT NULL,"
  "  PRIMARY KEY (recipient_id, achievement_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX holdings_by_until ON holdings (until);"
  "CREATE TABLE holding_counts ("
  "  achievement_id INTEGER NOT NULL,"
  "  department     TEXT NOT NULL,"
  "  bucket         INTEGER NOT NULL,"
  "  n              INTEGER NOT NULL,"
  "  PRIMARY KEY (achievement_id, department, bucket)"
  ") WITHOUT ROWID;"
  "CREATE TABLE department_headcount ("
  "  department TEXT PRIMARY KEY,"
  "  n          INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE status_counts ("
  "  achievement_id INTEGER NOT NULL,"
  "  revoked        INTEGER NOT NULL,"
  "  bucket         INTEGER NOT NULL,"
  "  n              INTEGER NOT NULL,"
  "  PRIMARY KEY (achievement_id, revoked, bucket)"
  ") WITHOUT ROWID;"
  "CREATE TABLE batch_groups ("
  "  batch_id       TEXT NOT NULL,"
  "  achievement_id INTEGER NOT NULL,"
  "  first_created  INTEGER NOT NULL,"
  "  last_created   INTEGER NOT NULL,"
  "  first_issued   INTEGER,"
  "  last_issued    INTEGER,"
  "  issued         INTEGER NOT NULL,"
  "  pending        INTEGER NOT NULL,"
  "  failed         INTEGER NOT NULL,"
  "  revoked        INTEGER NOT NULL,"
  "  PRIMARY KEY (batch_id, achievement_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX batch_groups_by_created ON batch_groups (last_created);"
  /* The holders list in name order walks recipients by name. */
  "CREATE INDEX recipients_by_name ON recipients (name COLLATE NOCASE);"

  "CREATE TRIGGER holdings_counted AFTER INSERT ON holdings BEGIN"
  "  INSERT INTO holding_counts VALUES (NEW.achievement_id, NEW.department, NEW.until >> " ROSETTE_REGISTRY_BUCKET_SHIFT ", 1)"
  "   ON CONFLICT DO UPDATE SET n = n + 1;"
  " END;"
  "CREATE TRIGGER holdings_uncounted AFTER DELETE ON holdings BEGIN"
  "  UPDATE holding_counts SET n = n - 1 WHERE achievement_id = OLD.achievement_id"
  "   AND department = OLD.department AND bucket = OLD.until >> " ROSETTE_REGISTRY_BUCKET_SHIFT ";"
  " END;"
  "CREATE TRIGGER holdings_recounted AFTER UPDATE ON holdings BEGIN"
  "  UPDATE holding_counts SET n = n - 1 WHERE achievement_id = OLD.achievement_id"
  "   AND department = OLD.department AND bucket = OLD.until >> " ROSETTE_REGISTRY_BUCKET_SHIFT ";"
  "  INSERT INTO holding_counts VALUES (NEW.achievement_id, NEW.department, NEW.until >> " ROSETTE_REGISTRY_BUCKET_SHIFT ", 1)"
  "   ON CONFLICT DO UPDATE SET n = n + 1;"
  " END;"

  "CREATE TRIGGER recipients_counted AFTER INSERT ON recipients BEGIN"
  "  INSERT INTO department_headcount VALUES (coalesce (NEW.department, ''), 1)"
  "   ON CONFLICT DO UPDATE SET n = n + 1;"
  " END;"
  "CREATE TRIGGER recipients_uncounted AFTER DELETE ON recipients BEGIN"
  "  UPDATE department_headcount SET n = n - 1"
  "   WHERE department = coalesce (OLD.department, '');"
  " END;"
  "CREATE TRIGGER recipients_moved AFTER UPDATE OF department ON recipients"
  "  WHEN coalesce (OLD.department, '') <> coalesce (NEW.department, '') BEGIN"
  "  UPDATE department_headcount SET n = n - 1"
  "   WHERE department = coalesce (OLD.department, '');"
  "  INSERT INTO department_headcount VALUES (coalesce (NEW.department, ''), 1)"
  "   ON CONFLICT DO UPDATE SET n = n + 1;"
  "  UPDATE holdings SET department = coalesce (NEW.department, '')"
  "   WHERE recipient_id = NEW.id;"
  " END;"

  /* One trigger per change of issued, its statements guarded (a trigger
   * fired costs more than a statement skipped): the writer thread runs
   * them for every badge of a batch. */
  "CREATE TRIGGER issued_inserted AFTER INSERT ON issued BEGIN "
  RAISE_HOLDING (ACTIVE ("NEW"))
  STATUS_COUNT_ADD ("NEW", "1")
  GROUP_INSERTED
  " END;"
  "CREATE TRIGGER issued_changed AFTER UPDATE OF state, revoked_at, valid_until, superseded_by,"
  "  recipient_id, achievement_id, batch_id, created_at, issued_at ON issued BEGIN "
  ISSUED_CHANGED
  " END;"
  "CREATE TRIGGER issued_deleted AFTER DELETE ON issued BEGIN "
  REFRESH_HOLDING ("OLD", ACTIVE ("OLD"))
  STATUS_COUNT_ADD ("OLD", "-1")
  RECOUNT_GROUP ("OLD", "1")
  " END;"

  /* Fill them from the rows already there. */
  "INSERT INTO department_headcount"
  "  SELECT coalesce (department, ''), count(*) FROM recipients GROUP BY 1;"
  "INSERT INTO holdings (recipient_id, achievement_id, department, until)"
  "  SELECT i.recipient_id, i.achievement_id, coalesce (r.department, ''),"
  "   max (coalesce (i.valid_until, " ROSETTE_REGISTRY_FOREVER "))"
  "  FROM issued i JOIN recipients r ON r.id = i.recipient_id"
  "  WHERE i.state = 'issued' AND i.revoked_at IS NULL"
  "  GROUP BY i.recipient_id, i.achievement_id;"
  "INSERT INTO status_counts"
  "  SELECT achievement_id, revoked_at IS NOT NULL,"
  "   coalesce (valid_until, " ROSETTE_REGISTRY_FOREVER ") >> " ROSETTE_REGISTRY_BUCKET_SHIFT ", count(*)"
  "  FROM issued WHERE state = 'issued' AND superseded_by IS NULL GROUP BY 1, 2, 3;"
  "INSERT INTO batch_groups SELECT batch_id, achievement_id, min (created_at),"
  "   max (created_at), min (issued_at), max (issued_at), sum (state = 'issued'),"
  "   sum (state = 'pending'), sum (state = 'failed'), sum (revoked_at IS NOT NULL)"
  "  FROM issued GROUP BY batch_id, achievement_id;";

/* The writer thread of a batch runs the migration-4 triggers twice for
 * every badge: a pending row inserted, then marked issued. Their general
 * bodies cost it more than the rest of the row: each INSERT … SELECT into
 * holdings (which has triggers) fills a temporary table even when its
 * guard is false, three per update. Migration 5 gives those two common
 * changes their own triggers, whose bodies are exactly what the general
 * ones do in that case (every other statement's guard is false there),
 * with single-row VALUES; the general triggers run in every other case.
 *
 * RECORDED: a pending or failed row marked issued and nothing else that
 * the aggregates read changed (never NULL: the columns compared with =
 * are NOT NULL). Then the holding is raised (the row is active and the
 * old one was not), the status count gains the row (not superseded) and
 * its batch group moves one row to issued. */
#define RECORDED \
  "(OLD.state <> 'issued' AND NEW.state = 'issued' AND OLD.issued_at IS NULL" \
  " AND OLD.revoked_at IS NULL AND NEW.revoked_at IS NULL" \
  " AND OLD.superseded_by IS NULL AND NEW.superseded_by IS NULL" \
  " AND OLD.recipient_id = NEW.recipient_id AND OLD.achievement_id = NEW.achievement_id" \
  " AND OLD.batch_id = NEW.batch_id AND OLD.created_at = NEW.created_at" \
  " AND OLD.valid_until IS NEW.valid_until)"

static const char migration_5[] =
  "DROP TRIGGER issued_inserted;"
  "DROP TRIGGER issued_changed;"

  /* A row inserted pending or failed is neither active nor counted: only
   * its batch group changes. */
  "CREATE TRIGGER issued_inserted_pending AFTER INSERT ON issued"
  "  WHEN NEW.state <> 'issued' BEGIN"
  GROUP_INSERTED
  " END;"
  /* Migration 4's, unchanged but for its WHEN. */
  "CREATE TRIGGER issued_inserted AFTER INSERT ON issued"
  "  WHEN NEW.state = 'issued' BEGIN "
  RAISE_HOLDING (ACTIVE ("NEW"))
  STATUS_COUNT_ADD ("NEW", "1")
  GROUP_INSERTED
  " END;"

  "CREATE TRIGGER issued_recorded AFTER UPDATE OF state ON issued"
  "  WHEN " RECORDED " BEGIN"
  "  INSERT INTO holdings (recipient_id, achievement_id, department, until)"
  "   VALUES (NEW.recipient_id, NEW.achievement_id,"
  "    coalesce ((SELECT department FROM recipients WHERE id = NEW.recipient_id), ''),"
  "    coalesce (NEW.valid_until, " ROSETTE_REGISTRY_FOREVER "))"
  "   ON CONFLICT DO UPDATE SET until = excluded.until WHERE excluded.until > until;"
  "  INSERT INTO status_counts (achievement_id, revoked, bucket, n)"
  "   VALUES (NEW.achievement_id, 0,"
  "    coalesce (NEW.valid_until, " ROSETTE_REGISTRY_FOREVER ") >> " ROSETTE_REGISTRY_BUCKET_SHIFT ", 1)"
  "   ON CONFLICT DO UPDATE SET n = n + 1;"
  "  UPDATE batch_groups SET issued = issued + 1,"
  "   pending = pending - (OLD.state = 'pending'), failed = failed - (OLD.state = 'failed'),"
  "   first_issued = coalesce (min (first_issued, NEW.issued_at), first_issued, NEW.issued_at),"
  "   last_issued = coalesce (max (last_issued, NEW.issued_at), last_issued, NEW.issued_at)"
  "   WHERE batch_id = NEW.batch_id AND achievement_id = NEW.achievement_id;"
  " END;"
  /* Migration 4's, unchanged but for its WHEN. */
  "CREATE TRIGGER issued_changed AFTER UPDATE OF state, revoked_at, valid_until, superseded_by,"
  "  recipient_id, achievement_id, batch_id, created_at, issued_at ON issued"
  "  WHEN NOT " RECORDED " BEGIN "
  ISSUED_CHANGED
  " END;"
  /* With did:key, the issuer id a credential carries is that of the key
   * that signed it, which is not always the key the issuer is recorded
   * under (a P-256 key for VC-JWT, an older key after a rotation): each
   * row keeps its own, for the verifier's registry fallback. */
  "ALTER TABLE issued ADD COLUMN issuer_identifier TEXT;";

static const RosetteMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, _rosette_registry_migration_pathways },
  { 4, migration_4 },
  { 5, migration_5 },
};

const RosetteMigration *
_rosette_registry_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
