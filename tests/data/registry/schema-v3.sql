-- schema-v3.sql: the schema-v2.sql registry after migration 3 (pathways and
-- peer recognition; made with Python's sqlite3 iterdump); test-registry
-- migrates it to the newest schema. Never edit it: when migration N+1 is
-- added, add schema-vN.sql beside it.
--
-- Copyright 2026 The Rosette authors
-- SPDX-License-Identifier: GPL-3.0-or-later
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE achievements (  id          INTEGER PRIMARY KEY,  issuer_id   INTEGER REFERENCES issuers (id),  family_slug TEXT NOT NULL,  family_name TEXT NOT NULL,  tier_slug   TEXT NOT NULL,  tier_name   TEXT NOT NULL,  criteria    TEXT,  json        TEXT,  UNIQUE (family_slug, tier_slug));
INSERT INTO "achievements" VALUES(1,1,'safety','Workplace Safety','gold','Gold','Passed the course',NULL);
CREATE TABLE audit_log (  id      INTEGER PRIMARY KEY AUTOINCREMENT,  at      INTEGER NOT NULL,  action  TEXT NOT NULL          CHECK (action IN ('issue', 'revoke', 'send', 'publish', 'reissue')),  subject TEXT,  detail  TEXT);
INSERT INTO "audit_log" VALUES(1,1767258000,'issue','urn:uuid:00000000-0000-4000-8000-000000000001','{"batch":"b1"}');
INSERT INTO "audit_log" VALUES(2,1767258000,'issue','urn:uuid:00000000-0000-4000-8000-000000000002','{"batch":"b1"}');
INSERT INTO "audit_log" VALUES(3,1767344400,'revoke','urn:uuid:00000000-0000-4000-8000-000000000002','{"reason":"Issued in error","statusIndex":"1"}');
CREATE TABLE issued (  credential_id  TEXT PRIMARY KEY,  recipient_id   INTEGER NOT NULL REFERENCES recipients (id),  achievement_id INTEGER NOT NULL REFERENCES achievements (id),  batch_id       TEXT NOT NULL,  issuance_key   TEXT NOT NULL UNIQUE,  created_at     INTEGER NOT NULL,  valid_from     INTEGER NOT NULL,  valid_until    INTEGER,  issued_at      INTEGER,  proof_type     TEXT,  files          TEXT,  status_list_id INTEGER REFERENCES status_lists (id),  status_index   INTEGER,  state          TEXT NOT NULL DEFAULT 'pending'                 CHECK (state IN ('pending', 'issued', 'failed')),  last_error     TEXT,  revoked_at     INTEGER,  revoke_reason  TEXT,  superseded_by  TEXT REFERENCES issued (credential_id),  UNIQUE (status_list_id, status_index));
INSERT INTO "issued" VALUES('urn:uuid:00000000-0000-4000-8000-000000000001',1,1,'b1','key-1',1767258000,1767258000,NULL,1767258000,'DataIntegrityProof','["/tmp/a.png"]',1,0,'issued',NULL,NULL,NULL,NULL);
INSERT INTO "issued" VALUES('urn:uuid:00000000-0000-4000-8000-000000000002',2,1,'b1','key-2',1767258000,1767258000,1798794000,1767258000,'DataIntegrityProof','["/tmp/b.png"]',1,1,'issued',NULL,1767344400,'Issued in error',NULL);
CREATE TABLE issuers (  id          INTEGER PRIMARY KEY,  identifier  TEXT NOT NULL UNIQUE,  name        TEXT NOT NULL,  json        TEXT);
INSERT INTO "issuers" VALUES(1,'did:key:z6MkfixtureIssuer','Fixture Ltd',NULL);
CREATE TABLE nominable (  id            INTEGER PRIMARY KEY,  family_slug   TEXT NOT NULL,  tier_slug     TEXT NOT NULL,  family_name   TEXT,  tier_name     TEXT,  company_value TEXT NOT NULL UNIQUE COLLATE NOCASE,  family_file   TEXT,  UNIQUE (family_slug, tier_slug));
CREATE TABLE nomination_limits (  per_nominee INTEGER NOT NULL,  period      TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),  max_count   INTEGER NOT NULL,  PRIMARY KEY (per_nominee, period));
CREATE TABLE nominations (  id              INTEGER PRIMARY KEY,  nominee_email   TEXT NOT NULL,  nominee_name    TEXT,  nominator_email TEXT NOT NULL,  nominator_name  TEXT,  nominable_id    INTEGER NOT NULL REFERENCES nominable (id),  reason          TEXT NOT NULL,  source          TEXT NOT NULL CHECK (source IN ('csv', 'app')),  import_key      TEXT UNIQUE,  submitted_at    INTEGER NOT NULL,  state           TEXT NOT NULL DEFAULT 'pending'                  CHECK (state IN ('pending', 'approved', 'rejected', 'issued')),  approver        TEXT,  comment         TEXT,  decided_at      INTEGER,  credential_id   TEXT REFERENCES issued (credential_id));
CREATE TABLE outbox (  id              INTEGER PRIMARY KEY,  credential_id   TEXT NOT NULL REFERENCES issued (credential_id),  channel         TEXT NOT NULL CHECK (channel IN ('email', 'upload')),  target          TEXT NOT NULL,  state           TEXT NOT NULL DEFAULT 'queued'                  CHECK (state IN ('queued', 'sent', 'failed')),  attempts        INTEGER NOT NULL DEFAULT 0,  last_error      TEXT,  next_attempt_at INTEGER NOT NULL,  sent_at         INTEGER,  UNIQUE (credential_id, channel, target));
CREATE TABLE pathways (  id               INTEGER PRIMARY KEY,  slug             TEXT NOT NULL UNIQUE,  name             TEXT NOT NULL,  goal_family_slug TEXT NOT NULL,  goal_tier_slug   TEXT NOT NULL,  builtin          INTEGER NOT NULL DEFAULT 0,  json             TEXT NOT NULL,  updated_at       INTEGER NOT NULL);
CREATE TABLE recipients (  id          INTEGER PRIMARY KEY,  email       TEXT NOT NULL UNIQUE,  name        TEXT,  employee_id TEXT,  department  TEXT,  hire_date   TEXT,  manager     TEXT);
INSERT INTO "recipients" VALUES(1,'ann@example.com','Ann','E1','Sales','2020-01-15',NULL);
INSERT INTO "recipients" VALUES(2,'ben@example.com','Ben','E2','Support','2019-05-01','Ann');
CREATE TABLE schema_version (  version    INTEGER PRIMARY KEY,  applied_at INTEGER NOT NULL);
INSERT INTO "schema_version" VALUES(1,1767225600);
INSERT INTO "schema_version" VALUES(2,1767312000);
INSERT INTO "schema_version" VALUES(3,1767398400);
CREATE TABLE status_list_bits (  list_id     INTEGER PRIMARY KEY REFERENCES status_lists (id),  bitstring   BLOB NOT NULL);
INSERT INTO "status_list_bits" VALUES(1,'@');
CREATE TABLE status_lists (  id          INTEGER PRIMARY KEY,  purpose     TEXT NOT NULL DEFAULT 'revocation' CHECK (purpose IN ('revocation')),  size        INTEGER NOT NULL,  next_index  INTEGER NOT NULL DEFAULT 0);
INSERT INTO "status_lists" VALUES(1,'revocation',131072,2);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log  BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log  BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;
CREATE INDEX issued_by_recipient ON issued (recipient_id);
CREATE INDEX issued_by_expiry ON issued (valid_until)  WHERE state = 'issued' AND revoked_at IS NULL;
CREATE INDEX issued_by_batch ON issued (batch_id);
CREATE INDEX issued_by_creation ON issued (created_at);
CREATE INDEX issued_by_time ON issued (issued_at);
CREATE INDEX recipients_by_department ON recipients (department, name);
CREATE INDEX recipients_by_hire_date ON recipients (hire_date);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state <> 'sent';
CREATE INDEX issued_by_status ON issued (achievement_id, state, revoked_at, valid_until, superseded_by);
CREATE INDEX pathways_by_goal ON pathways (goal_family_slug, goal_tier_slug);
CREATE INDEX nominations_by_nominator ON nominations (nominator_email, submitted_at);
CREATE INDEX nominations_by_nominee ON nominations (nominee_email, submitted_at);
CREATE INDEX nominations_by_state ON nominations (state, submitted_at);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('audit_log',3);
COMMIT;
