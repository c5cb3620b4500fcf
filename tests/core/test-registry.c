/* test-registry.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-registry-private.h"

typedef struct
{
  char            *dir;
  char            *path;
  RosetteRegistry *registry;
  GDateTime       *now;
} Fixture;

static GDateTime *
utc (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rosette-registry-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "registry.db", NULL);
  f->registry = rosette_registry_open (f->path, NULL, &error);
  g_assert_no_error (error);
  f->now = utc ("2026-06-01T00:00:00Z");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->registry != NULL)
    g_assert_finalize_object (f->registry);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_date_time_unref (f->now);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (f->registry);
  f->registry = rosette_registry_open (f->path, NULL, &error);
  g_assert_no_error (error);
}

static gint64
add_recipient (Fixture    *f,
               const char *email,
               const char *name,
               const char *department,
               const char *hire_date)
{
  g_autoptr(GError) error = NULL;
  RosetteRecipientData data = { email, name, NULL, department, hire_date, NULL };
  gint64 id = rosette_registry_upsert_recipient (f->registry, &data, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_achievement (Fixture    *f,
                 const char *family,
                 const char *tier)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *family_name = g_strdup_printf ("Family %s", family);
  g_autofree char *tier_name = g_strdup_printf ("Tier %s", tier);
  gint64 id = rosette_registry_upsert_achievement (f->registry, 0, family, family_name,
                                                   tier, tier_name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Reserves one row; valid_until may be NULL. Returns the credential id. */
static char *
reserve (Fixture    *f,
         const char *email,
         gint64      achievement_id,
         const char *batch,
         const char *created,
         const char *valid_until,
         gboolean   *out_created)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created_at = utc (created);
  g_autoptr(GDateTime) until = valid_until != NULL ? utc (valid_until) : NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autofree char *key = rosette_registry_compute_issuance_key (email, "f", "t", batch);
  gint64 recipient_id = add_recipient (f, email, NULL, NULL, NULL);
  char *key_with_achievement = g_strdup_printf ("%s-%" G_GINT64_FORMAT, key, achievement_id);
  RosetteIssuanceRequest request = {
    .issuance_key = key_with_achievement,
    .recipient_id = recipient_id,
    .achievement_id = achievement_id,
    .batch_id = batch,
    .valid_from = created_at,
    .valid_until = until,
    .proof_type = "DataIntegrityProof",
    .now = created_at,
  };

  record = rosette_registry_reserve_issuance (f->registry, &request, out_created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_free (key_with_achievement);
  return g_strdup (rosette_issued_record_get_credential_id (record));
}

static char *
issue (Fixture    *f,
       const char *email,
       gint64      achievement_id,
       const char *batch,
       const char *created,
       const char *valid_until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = utc (created);
  char *id = reserve (f, email, achievement_id, batch, created, valid_until, NULL);
  const char *files[] = { "/tmp/out/badge.png", NULL };

  rosette_registry_record_issued (f->registry, id, files, at, &error);
  g_assert_no_error (error);
  return id;
}

/* Opening, schema, migrations ------------------------------------------- */

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *default_path = rosette_registry_dup_default_path ();

  g_assert_true (g_str_has_suffix (default_path, "/rosette/registry.db"));
  g_assert_cmpstr (rosette_registry_get_path (f->registry), ==, f->path);
  g_assert_cmpuint (rosette_registry_get_schema_version (f->registry), ==,
                    rosette_registry_get_latest_schema_version ());

  /* WAL mode: a write goes to the -wal file next to the database. */
  add_recipient (f, "a@example.com", "A", NULL, NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  reopen (f);
  g_assert_cmpuint (rosette_registry_get_schema_version (f->registry), ==,
                    rosette_registry_get_latest_schema_version ());
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) other = NULL;

  _rosette_registry_exec (f->registry,
                          "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)",
                          &error);
  g_assert_no_error (error);
  g_clear_object (&f->registry);

  other = rosette_registry_open (f->path, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNSUPPORTED_VERSION);
  g_assert_null (other);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) other = NULL;
  g_autofree char *path = g_build_filename (f->dir, "garbage.db", NULL);

  g_file_set_contents (path, "this is not a database, it is a text file with some words",
                       -1, &error);
  g_assert_no_error (error);

  other = rosette_registry_open (path, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE);
  g_assert_null (other);
}

/* Every earlier schema version, from its stored fixture, migrates to the
 * latest and keeps its data. Version 0 is an empty file. */
static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  guint latest = rosette_registry_get_latest_schema_version ();

  for (guint version = 0; version < latest; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteRegistry) registry = NULL;
      g_autoptr(RosetteIssuedRecord) record = NULL;
      g_autoptr(GPtrArray) audit = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = g_strdup_printf ("schema-v%u.db", version);
      RosetteIssuedQuery q = { 0 };
      guint count = 0;

      path = g_build_filename (f->dir, name, NULL);
      if (version > 0)
        {
          g_autofree char *fixture = NULL;
          g_autofree char *script = NULL;
          g_autofree char *base = g_strdup_printf ("schema-v%u.sql", version);

          fixture = g_test_build_filename (G_TEST_DIST, "data", "registry", base, NULL);
          g_file_get_contents (fixture, &script, NULL, &error);
          g_assert_no_error (error);
          _rosette_registry_exec_script (path, script, &error);
          g_assert_no_error (error);
        }

      registry = rosette_registry_open (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rosette_registry_get_schema_version (registry), ==, latest);

      if (version == 0)
        continue;

      /* The fixture's rows: two issued credentials (one revoked), one
       * audit entry per issue and revoke. */
      q.now = f->now;
      rosette_registry_count_issued (registry, &q, &count, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, 2);
      record = rosette_registry_lookup (registry, "urn:uuid:00000000-0000-4000-8000-000000000002",
                                        f->now, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rosette_issued_record_get_status (record), ==,
                       ROSETTE_CREDENTIAL_STATUS_REVOKED);
      g_assert_cmpstr (rosette_issued_record_get_email (record), ==, "ben@example.com");
      audit = rosette_registry_list_audit (registry, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (audit->len, ==, 3);

      /* And the migrated registry works for new writes: a credential
       * reserved and recorded through the newest triggers shows in the
       * counts and the holders. */
      {
        RosetteRecipientData r = { "new@example.com", "New", NULL, "Sales", NULL, NULL };
        g_autoptr(RosetteIssuedRecord) reserved = NULL;
        g_autoptr(GPtrArray) holders = NULL;
        RosetteHolderCounts counts = { 0 };
        RosetteIssuanceRequest request = {
          .issuance_key = "new-key", .achievement_id = 1, .batch_id = "b2",
          .valid_from = f->now, .now = f->now,
        };

        request.recipient_id = rosette_registry_upsert_recipient (registry, &r, &error);
        g_assert_no_error (error);
        g_assert_cmpint (request.recipient_id, >, 0);
        reserved = rosette_registry_reserve_issuance (registry, &request, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (rosette_registry_record_issued (registry,
                                                       rosette_issued_record_get_credential_id (reserved),
                                                       NULL, f->now, &error));
        g_assert_no_error (error);
        rosette_registry_count_issued (registry, &q, &count, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (count, ==, 3);
        holders = rosette_registry_holders (registry, "safety", "gold", f->now, 0, &counts,
                                            &error);
        g_assert_no_error (error);
        g_assert_cmpuint (counts.valid, ==, 2);
        g_assert_cmpuint (counts.revoked, ==, 1);
      }
    }
}

/* Upserts ---------------------------------------------------------------- */

static void
test_upsert (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RosetteRecipientData first = { "  Ann.Lee@Example.COM ", "Ann Lee", "E1", "Sales",
                                 "2020-02-29", "Bo" };
  RosetteRecipientData update = { "ann.lee@example.com", NULL, NULL, "Support", NULL, NULL };
  RosetteRecipientData bad_email = { "not an address", "X", NULL, NULL, NULL, NULL };
  RosetteRecipientData bad_date = { "x@example.com", "X", NULL, NULL, "2021-02-29", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  RosetteIssuedQuery q = { 0 };
  gint64 id, again, issuer, a1, a2;
  char *cred;

  id = rosette_registry_upsert_recipient (f->registry, &first, &error);
  g_assert_no_error (error);
  again = rosette_registry_upsert_recipient (f->registry, &update, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, again);

  g_assert_cmpint (rosette_registry_upsert_recipient (f->registry, &bad_email, &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rosette_registry_upsert_recipient (f->registry, &bad_date, &error), ==, 0);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  issuer = rosette_registry_upsert_issuer (f->registry, "did:key:z6Mk1", "Acme", "{}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_registry_upsert_issuer (f->registry, "did:key:z6Mk1", "Acme Ltd",
                                                   NULL, &error), ==, issuer);
  a1 = rosette_registry_upsert_achievement (f->registry, issuer, "safety", "Safety", "gold",
                                            "Gold", "Pass the course", NULL, &error);
  g_assert_no_error (error);
  a2 = rosette_registry_upsert_achievement (f->registry, 0, "safety", "Safety First", "gold",
                                            "Gold", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a1, ==, a2);

  /* What the update kept and changed shows in a record. */
  cred = issue (f, "ann.lee@example.com", a1, "b", "2026-01-01T00:00:00Z", NULL);
  q.now = f->now;
  rows = rosette_registry_list_issued (f->registry, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (rosette_issued_record_get_email (rows->pdata[0]), ==, "ann.lee@example.com");
  g_assert_cmpstr (rosette_issued_record_get_name (rows->pdata[0]), ==, "Ann Lee");
  g_assert_cmpstr (rosette_issued_record_get_department (rows->pdata[0]), ==, "Support");
  g_assert_cmpstr (rosette_issued_record_get_employee_id (rows->pdata[0]), ==, "E1");
  g_assert_cmpstr (rosette_issued_record_get_family_name (rows->pdata[0]), ==, "Safety First");
  g_assert_cmpstr (rosette_issued_record_get_credential_id (rows->pdata[0]), ==, cred);
  g_assert_true (g_str_has_prefix (cred, "urn:uuid:"));
  g_free (cred);
}

/* A re-run upserts the same people again: nothing changes, the ids stay;
 * a field that does change is written, and a missing one keeps its value. */
static void
test_upsert_unchanged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RosetteRecipientData first = { "b@example.com", "Bo", "E2", "Sales", "2021-03-01", NULL };
  RosetteRecipientData moved = { "b@example.com", "Bo", NULL, "Support", NULL, NULL };
  g_autoptr(GPtrArray) inventory = NULL;
  gint64 id;

  id = rosette_registry_upsert_recipient (f->registry, &first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (rosette_registry_upsert_recipient (f->registry, &first, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_registry_upsert_recipient (f->registry, &moved, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_registry_upsert_recipient (f->registry, &moved, &error), ==, id);
  g_assert_no_error (error);

  /* The move reached the record; the employee id was kept. */
  {
    gint64 achievement = add_achievement (f, "safety", "gold");
    g_autofree char *cred = issue (f, "b@example.com", achievement, "b", "2026-01-01T00:00:00Z",
                                   NULL);
    g_autoptr(RosetteIssuedRecord) record = rosette_registry_lookup (f->registry, cred, f->now,
                                                                     &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rosette_issued_record_get_department (record), ==, "Support");
    g_assert_cmpstr (rosette_issued_record_get_employee_id (record), ==, "E2");
  }
}

/* Within a batch the registry skips the CHECK constraints (see
 * rosette_registry_batch_begin()); they are back as soon as it ends. */
static void
test_batch_checks (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 achievement = add_achievement (f, "safety", "gold");
  g_autofree char *id = issue (f, "c@example.com", achievement, "b", "2026-01-01T00:00:00Z",
                               NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE issued SET state = 'lost'"
                                          " WHERE credential_id = '%s'", id);

  g_assert_false (_rosette_registry_exec (f->registry, sql, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (rosette_registry_batch_begin (f->registry, 2, &error));
  g_assert_no_error (error);
  g_free (issue (f, "d@example.com", achievement, "b", "2026-01-01T00:00:00Z", NULL));
  g_assert_true (rosette_registry_batch_step (f->registry, &error));
  g_assert_true (rosette_registry_batch_step (f->registry, &error));
  g_assert_true (rosette_registry_batch_end (f->registry, TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (_rosette_registry_exec (f->registry, sql, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
}

/* The batch's own reservation: the ids of a new row, then the same ids
 * and the row's state on every later call with the same key. */
static void
test_reserve_light (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = utc ("2026-01-01T00:00:00Z");
  gint64 achievement = add_achievement (f, "safety", "gold");
  RosetteIssuanceRequest request = {
    .issuance_key = "k1", .achievement_id = achievement, .batch_id = "b",
    .valid_from = from, .proof_type = "vc-jwt",
  };
  RosetteReservation first = { NULL, };
  RosetteReservation again = { NULL, };
  RosetteReservation other = { NULL, };
  g_autoptr(RosetteIssuedRecord) record = NULL;
  gboolean created = FALSE;

  request.recipient_id = add_recipient (f, "e@example.com", NULL, NULL, NULL);
  g_assert_true (_rosette_registry_reserve (f->registry, &request, &first, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  g_assert_cmpint (first.state, ==, ROSETTE_ISSUE_STATE_PENDING);

  /* What the light reservation says is what the registry holds. */
  record = rosette_registry_lookup (f->registry, first.credential_id, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_status_list_id (record), ==, first.status_list_id);
  g_assert_cmpuint (rosette_issued_record_get_status_index (record), ==, first.status_index);
  g_assert_cmpstr (rosette_issued_record_get_proof_type (record), ==, "vc-jwt");

  g_assert_true (rosette_registry_mark_failed (f->registry, first.credential_id, "disk full",
                                               &error));
  g_assert_true (_rosette_registry_reserve (f->registry, &request, &again, &created, &error));
  g_assert_false (created);
  g_assert_cmpstr (again.credential_id, ==, first.credential_id);
  g_assert_cmpuint (again.status_index, ==, first.status_index);
  g_assert_cmpint (again.state, ==, ROSETTE_ISSUE_STATE_FAILED);
  _rosette_reservation_clear (&again);

  g_assert_true (rosette_registry_record_issued (f->registry, first.credential_id, NULL, NULL,
                                                 &error));
  g_assert_true (_rosette_registry_reserve (f->registry, &request, &again, &created, &error));
  g_assert_false (created);
  g_assert_cmpint (again.state, ==, ROSETTE_ISSUE_STATE_ISSUED);
  _rosette_reservation_clear (&again);

  /* Another key takes the next index of the list. */
  request.issuance_key = "k2";
  g_assert_true (_rosette_registry_reserve (f->registry, &request, &other, &created, &error));
  g_assert_true (created);
  g_assert_cmpint (other.status_list_id, ==, first.status_list_id);
  g_assert_cmpuint (other.status_index, ==, first.status_index + 1);
  g_assert_cmpstr (other.credential_id, !=, first.credential_id);
  _rosette_reservation_clear (&other);
  _rosette_reservation_clear (&first);
}

/* Issuing: idempotency and crash safety ------------------------------------ */

static void
test_issuance_key (void)
{
  g_autofree char *a = rosette_registry_compute_issuance_key ("A@x.org ", "f", "t", "b1");
  g_autofree char *b = rosette_registry_compute_issuance_key ("a@x.org", "f", "t", "b1");
  g_autofree char *c = rosette_registry_compute_issuance_key ("a@x.org", "f", "t", "b2");
  g_autofree char *d = rosette_registry_compute_issuance_key ("a@x.org", "ft", "", "b1");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, !=, d);
  g_assert_cmpuint (strlen (a), ==, 64);
}

static void
test_reserve_idempotent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 achievement = add_achievement (f, "safety", "gold");
  RosetteIssuedQuery q = { .status = ROSETTE_CREDENTIAL_STATUS_PENDING };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean created = FALSE;
  guint count = 0;

  first = reserve (f, "a@example.com", achievement, "b1", "2026-01-01T00:00:00Z", NULL,
                   &created);
  g_assert_true (created);
  second = reserve (f, "a@example.com", achievement, "b1", "2026-01-02T00:00:00Z", NULL,
                    &created);
  g_assert_false (created);
  g_assert_cmpstr (first, ==, second);

  rosette_registry_count_issued (f->registry, &q, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
}

/* A batch is run, "crashes", and is run again: what was recorded is
 * skipped, what was only reserved is redone with the same ids, what a
 * rolled-back transaction lost is reserved afresh; nothing is doubled. */
static void
test_crash_safety (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const emails[] = {
    "a@example.com", "b@example.com", "c@example.com", "d@example.com",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(RosetteIssuedRecord) pending = NULL;
  char *ids[4] = { NULL };
  gint64 achievement = add_achievement (f, "safety", "gold");
  RosetteIssuedQuery q = { .now = f->now };
  guint pending_index, count = 0, redone = 0, skipped = 0, fresh = 0;

  ids[0] = issue (f, emails[0], achievement, "b1", "2026-01-01T00:00:00Z", NULL);
  ids[1] = issue (f, emails[1], achievement, "b1", "2026-01-01T00:00:00Z", NULL);
  ids[2] = reserve (f, emails[2], achievement, "b1", "2026-01-01T00:00:00Z", NULL, NULL);
  pending = rosette_registry_lookup (f->registry, ids[2], f->now, &error);
  g_assert_no_error (error);
  pending_index = rosette_issued_record_get_status_index (pending);

  /* The fourth row is written inside a batch transaction that never
   * commits: the process dies. */
  rosette_registry_batch_begin (f->registry, 100, &error);
  g_assert_no_error (error);
  ids[3] = issue (f, emails[3], achievement, "b1", "2026-01-01T00:00:00Z", NULL);
  reopen (f);

  /* The re-run. */
  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      g_autoptr(RosetteIssuedRecord) record = NULL;
      g_autofree char *id = NULL;
      gboolean created = FALSE;

      id = reserve (f, emails[i], achievement, "b1", "2026-01-02T00:00:00Z", NULL, &created);
      record = rosette_registry_lookup (f->registry, id, f->now, &error);
      g_assert_no_error (error);

      if (rosette_issued_record_get_state (record) == ROSETTE_ISSUE_STATE_ISSUED)
        {
          skipped++;
          g_assert_cmpstr (id, ==, ids[i]);
          continue;
        }
      if (created)
        fresh++;
      else
        {
          redone++;
          g_assert_cmpstr (id, ==, ids[2]);
          g_assert_cmpuint (rosette_issued_record_get_status_index (record), ==, pending_index);
        }
      rosette_registry_record_issued (f->registry, id, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (skipped, ==, 2);
  g_assert_cmpuint (redone, ==, 1);
  g_assert_cmpuint (fresh, ==, 1);

  rosette_registry_count_issued (f->registry, &q, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);
  audit = rosette_registry_list_audit (f->registry, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  gint64 achievement = add_achievement (f, "safety", "gold");
  g_autofree char *issued = issue (f, "a@example.com", achievement, "b", "2026-01-01T00:00:00Z",
                                   NULL);
  g_autofree char *failing = reserve (f, "b@example.com", achievement, "b",
                                      "2026-01-01T00:00:00Z", NULL, NULL);
  g_autofree char *again = NULL;

  g_assert_false (rosette_registry_record_issued (f->registry, issued, NULL, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (rosette_registry_mark_failed (f->registry, issued, "x", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (rosette_registry_record_issued (f->registry, "urn:uuid:nope", NULL, NULL,
                                                  &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rosette_registry_mark_failed (f->registry, failing, "disk full", &error));
  g_assert_no_error (error);
  again = reserve (f, "b@example.com", achievement, "b", "2026-01-01T00:00:00Z", NULL, NULL);
  g_assert_cmpstr (again, ==, failing);
  record = rosette_registry_lookup (f->registry, failing, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_state (record), ==, ROSETTE_ISSUE_STATE_FAILED);
  g_assert_cmpint (rosette_issued_record_get_status (record), ==,
                   ROSETTE_CREDENTIAL_STATUS_FAILED);
  g_assert_cmpstr (rosette_issued_record_get_last_error (record), ==, "disk full");

  g_assert_true (rosette_registry_record_issued (f->registry, failing, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Revocation and the status list --------------------------------------------- */

static void
test_revoke (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autoptr(GArray) lists = NULL;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *encoded = NULL;
  char *ids[3] = { NULL };
  gint64 achievement = add_achievement (f, "safety", "gold");
  RosetteAuditEntry *last;
  guint revoked_index;
  gsize n_bytes, set = 0;
  const guint8 *data_bytes;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *email = g_strdup_printf ("p%u@example.com", i);

      ids[i] = issue (f, email, achievement, "b", "2026-01-01T00:00:00Z", NULL);
    }

  g_assert_false (rosette_registry_revoke (f->registry, ids[1], "", f->now, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rosette_registry_revoke (f->registry, ids[1], "Issued in error", f->now,
                                          &error));
  g_assert_no_error (error);
  g_assert_false (rosette_registry_revoke (f->registry, ids[1], "again", f->now, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (rosette_registry_revoke (f->registry, "urn:uuid:none", "x", f->now, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  record = rosette_registry_lookup (f->registry, ids[1], f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_status (record), ==,
                   ROSETTE_CREDENTIAL_STATUS_REVOKED);
  g_assert_cmpstr (rosette_issued_record_get_revoke_reason (record), ==, "Issued in error");
  g_assert_cmpint (rosette_issued_record_get_revoked_at (record), ==,
                   g_date_time_to_unix (f->now));
  revoked_index = rosette_issued_record_get_status_index (record);
  g_assert_cmpuint (revoked_index, ==, 1);

  lists = rosette_registry_list_status_lists (f->registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);
  encoded = rosette_registry_dup_status_list_encoded (f->registry,
                                                      g_array_index (lists, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_true (encoded[0] == 'u');

  /* Gunzip it back: 16 KiB, exactly one bit set, the revoked one, counted
   * from the most significant bit of byte 0. */
  bits = rosette_status_list_decode (encoded, &error);
  g_assert_no_error (error);
  data_bytes = g_bytes_get_data (bits, &n_bytes);
  g_assert_cmpuint (n_bytes, ==, 16384);
  for (gsize i = 0; i < n_bytes; i++)
    set += (guint)__builtin_popcount (data_bytes[i]);
  g_assert_cmpuint (set, ==, 1);
  g_assert_cmphex (data_bytes[0], ==, 0x40);
  g_assert_true (rosette_status_list_get_bit (bits, revoked_index));
  g_assert_false (rosette_status_list_get_bit (bits, 0));

  audit = rosette_registry_list_audit (f->registry, 0, 0, &error);
  g_assert_no_error (error);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpint (last->action, ==, ROSETTE_AUDIT_ACTION_REVOKE);
  g_assert_cmpstr (last->subject, ==, ids[1]);
  g_assert_nonnull (strstr (last->detail, "Issued in error"));

  g_assert_null (rosette_registry_dup_status_list_encoded (f->registry, 999, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}

static void
test_status_list_codec (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) decoded = NULL;
  g_autofree guint8 *bits = g_malloc0 (16384);
  g_autofree char *encoded = NULL;

  rosette_status_list_set_bit (bits, 0, TRUE);
  rosette_status_list_set_bit (bits, 131071, TRUE);
  rosette_status_list_set_bit (bits, 9, TRUE);
  rosette_status_list_set_bit (bits, 9, FALSE);
  g_assert_cmphex (bits[0], ==, 0x80);
  g_assert_cmphex (bits[16383], ==, 0x01);

  encoded = rosette_status_list_encode (bits, 16384, &error);
  g_assert_no_error (error);
  /* A sparse list compresses to well under its 16 KiB. */
  g_assert_cmpuint (strlen (encoded), <, 200);
  decoded = rosette_status_list_decode (encoded, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (decoded, NULL), g_bytes_get_size (decoded), bits, 16384);

  g_assert_null (rosette_status_list_decode ("zABC", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (rosette_status_list_decode ("uAAAAAAAA", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
}

static void
test_status_list_rollover (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lists = NULL;
  gint64 list_id = 0, first_list = 0;
  guint index = 0;

  rosette_registry_batch_begin (f->registry, G_MAXUINT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ROSETTE_STATUS_LIST_SIZE; i++)
    {
      rosette_registry_allocate_status_index (f->registry, &list_id, &index, NULL);
      if (i == 0)
        first_list = list_id;
    }
  g_assert_cmpint (list_id, ==, first_list);
  g_assert_cmpuint (index, ==, ROSETTE_STATUS_LIST_SIZE - 1);

  rosette_registry_allocate_status_index (f->registry, &list_id, &index, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list_id, !=, first_list);
  g_assert_cmpuint (index, ==, 0);
  rosette_registry_batch_end (f->registry, TRUE, &error);
  g_assert_no_error (error);

  lists = rosette_registry_list_status_lists (f->registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 2);
}

static void
test_supersede (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteIssuedRecord) old_record = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 achievement = add_achievement (f, "safety", "gold");
  g_autofree char *old_id = issue (f, "a@example.com", achievement, "b1",
                                   "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  g_autofree char *new_id = issue (f, "a@example.com", achievement, "renew",
                                   "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  RosetteHolderCounts counts;
  RosetteAuditEntry *last;

  g_assert_true (rosette_registry_supersede (f->registry, old_id, new_id, f->now, &error));
  g_assert_no_error (error);
  g_assert_false (rosette_registry_supersede (f->registry, old_id, new_id, f->now, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);

  old_record = rosette_registry_lookup (f->registry, old_id, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_issued_record_get_superseded_by (old_record), ==, new_id);
  g_assert_cmpstr (rosette_issued_record_get_revoke_reason (old_record), ==, "superseded");
  g_assert_cmpint (rosette_issued_record_get_status (old_record), ==,
                   ROSETTE_CREDENTIAL_STATUS_REVOKED);

  /* The holder list shows the renewal only. */
  holders = rosette_registry_holders (f->registry, "safety", NULL, f->now, 0, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holders->len, ==, 1);
  g_assert_cmpstr (rosette_issued_record_get_credential_id (holders->pdata[0]), ==, new_id);
  g_assert_cmpuint (counts.valid, ==, 1);
  g_assert_cmpuint (counts.revoked, ==, 0);

  audit = rosette_registry_list_audit (f->registry, 0, 0, &error);
  g_assert_no_error (error);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpint (last->action, ==, ROSETTE_AUDIT_ACTION_REISSUE);
  g_assert_cmpstr (last->subject, ==, old_id);
}

static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  rosette_registry_audit (f->registry, ROSETTE_AUDIT_ACTION_PUBLISH, "https://example.com/",
                          "{\"files\":3}", f->now, &error);
  g_assert_no_error (error);

  g_assert_false (_rosette_registry_exec (f->registry, "UPDATE audit_log SET subject = 'x'",
                                          &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (_rosette_registry_exec (f->registry, "DELETE FROM audit_log", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);

  entries = rosette_registry_list_audit (f->registry, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((RosetteAuditEntry *)entries->pdata[0])->action, ==,
                   ROSETTE_AUDIT_ACTION_PUBLISH);
  g_assert_cmpstr (((RosetteAuditEntry *)entries->pdata[0])->subject, ==,
                   "https://example.com/");
  g_assert_cmpint (((RosetteAuditEntry *)entries->pdata[0])->at, ==,
                   g_date_time_to_unix (f->now));
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) other = NULL;
  gint64 achievement = add_achievement (f, "safety", "gold");
  RosetteIssuedQuery q = { .now = f->now };
  guint count = 0;

  other = rosette_registry_open (f->path, NULL, &error);
  g_assert_no_error (error);

  rosette_registry_batch_begin (f->registry, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *email = g_strdup_printf ("p%u@example.com", i);
      g_autofree char *id = issue (f, email, achievement, "b", "2026-01-01T00:00:00Z", NULL);

      rosette_registry_batch_step (f->registry, &error);
      g_assert_no_error (error);
    }

  /* Committed every 2 rows: another connection sees 4 of the 5. */
  rosette_registry_count_issued (other, &q, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);

  rosette_registry_batch_end (f->registry, TRUE, &error);
  g_assert_no_error (error);
  rosette_registry_count_issued (other, &q, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 5);

  /* A batch ended without commit leaves nothing. */
  rosette_registry_batch_begin (f->registry, 100, &error);
  g_assert_no_error (error);
  g_free (issue (f, "late@example.com", achievement, "b", "2026-01-01T00:00:00Z", NULL));
  rosette_registry_batch_end (f->registry, FALSE, &error);
  g_assert_no_error (error);
  rosette_registry_count_issued (f->registry, &q, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 5);
}

/* Reports against hand-computed numbers --------------------------------------- */

/*
 * now = 2026-06-01. People and departments:
 *   ann, bob, cat: Sales    dan, eve: Support    fay: (none)
 * Achievements: safety/bronze, safety/silver, firstaid/basic.
 * Batch b1 (2026-01-10), safety/bronze:
 *   ann valid to 2027-01-01 · bob expired 2026-05-01 · cat valid to 2026-06-11
 *   dan revoked · eve valid, no expiry
 * Batch b2 (2026-03-01):
 *   ann safety/silver valid to 2026-07-15 · dan firstaid/basic valid to
 *   2026-06-25 · fay firstaid/basic reserved, never issued
 */
static void
seed_reports (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 bronze, silver, basic;
  g_autofree char *dan = NULL;

  add_recipient (f, "ann@example.com", "Ann", "Sales", "2021-06-15");
  add_recipient (f, "bob@example.com", "Bob", "Sales", "2025-06-20");
  add_recipient (f, "cat@example.com", "Cat", "Sales", "2016-02-29");
  add_recipient (f, "dan@example.com", "Dan", "Support", "2016-06-30");
  add_recipient (f, "eve@example.com", "Eve", "Support", "2024-07-01");
  add_recipient (f, "fay@example.com", "Fay", NULL, "2025-07-01");
  bronze = add_achievement (f, "safety", "bronze");
  silver = add_achievement (f, "safety", "silver");
  basic = add_achievement (f, "firstaid", "basic");

  g_free (issue (f, "ann@example.com", bronze, "b1", "2026-01-10T09:00:00Z",
                 "2027-01-01T00:00:00Z"));
  g_free (issue (f, "bob@example.com", bronze, "b1", "2026-01-10T09:00:01Z",
                 "2026-05-01T00:00:00Z"));
  g_free (issue (f, "cat@example.com", bronze, "b1", "2026-01-10T09:00:02Z",
                 "2026-06-11T00:00:00Z"));
  dan = issue (f, "dan@example.com", bronze, "b1", "2026-01-10T09:00:03Z", NULL);
  g_free (issue (f, "eve@example.com", bronze, "b1", "2026-01-10T09:00:04Z", NULL));
  g_free (issue (f, "ann@example.com", silver, "b2", "2026-03-01T09:00:00Z",
                 "2026-07-15T00:00:00Z"));
  g_free (issue (f, "dan@example.com", basic, "b2", "2026-03-01T09:00:01Z",
                 "2026-06-25T00:00:00Z"));
  g_free (reserve (f, "fay@example.com", basic, "b2", "2026-03-01T09:00:02Z", NULL, NULL));

  rosette_registry_revoke (f->registry, dan, "Left the team", f->now, &error);
  g_assert_no_error (error);
}

static void
assert_names (GPtrArray  *records,
              const char *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "",
                            rosette_issued_record_get_name (records->pdata[i]));
  g_assert_cmpstr (names->str, ==, expected);
}

static void
test_reports_holders (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bronze = NULL;
  g_autoptr(GPtrArray) safety = NULL;
  g_autoptr(GPtrArray) page = NULL;
  RosetteHolderCounts counts;

  seed_reports (f);

  bronze = rosette_registry_holders (f->registry, "safety", "bronze", f->now, 0, &counts, &error);
  g_assert_no_error (error);
  assert_names (bronze, "Ann Bob Cat Dan Eve");
  g_assert_cmpuint (counts.valid, ==, 3);
  g_assert_cmpuint (counts.expired, ==, 1);
  g_assert_cmpuint (counts.revoked, ==, 1);
  g_assert_cmpint (rosette_issued_record_get_status (bronze->pdata[1]), ==,
                   ROSETTE_CREDENTIAL_STATUS_EXPIRED);
  g_assert_cmpint (rosette_issued_record_get_status (bronze->pdata[3]), ==,
                   ROSETTE_CREDENTIAL_STATUS_REVOKED);
  g_assert_cmpint (rosette_issued_record_get_status (bronze->pdata[4]), ==,
                   ROSETTE_CREDENTIAL_STATUS_VALID);

  safety = rosette_registry_holders (f->registry, "safety", NULL, f->now, 0, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (safety->len, ==, 6);
  g_assert_cmpuint (counts.valid, ==, 4);
  g_assert_cmpuint (counts.expired, ==, 1);
  g_assert_cmpuint (counts.revoked, ==, 1);

  page = rosette_registry_holders (f->registry, "safety", "bronze", f->now, 2, NULL, &error);
  g_assert_no_error (error);
  assert_names (page, "Ann Bob");
}

static void
test_reports_expiring (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) none = NULL;

  seed_reports (f);

  soon = rosette_registry_expiring (f->registry, 30, f->now, 0, &error);
  g_assert_no_error (error);
  assert_names (soon, "Cat Dan");
  g_assert_cmpstr (rosette_issued_record_get_family_slug (soon->pdata[1]), ==, "firstaid");

  later = rosette_registry_expiring (f->registry, 60, f->now, 0, &error);
  g_assert_no_error (error);
  assert_names (later, "Cat Dan Ann");

  none = rosette_registry_expiring (f->registry, 9, f->now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_reports_inventory (Fixture       *f,
                        gconstpointer  data)
{
  static const struct {
    const char *department;
    const char *family;
    const char *tier;
    guint holders;
    guint headcount;
    double percent;
  } expected[] = {
    { "", "firstaid", "basic", 0, 1, 0.0 },
    { "", "safety", "bronze", 0, 1, 0.0 },
    { "", "safety", "silver", 0, 1, 0.0 },
    { "Sales", "firstaid", "basic", 0, 3, 0.0 },
    { "Sales", "safety", "bronze", 2, 3, 66.667 },
    { "Sales", "safety", "silver", 1, 3, 33.333 },
    { "Support", "firstaid", "basic", 1, 2, 50.0 },
    { "Support", "safety", "bronze", 1, 2, 50.0 },
    { "Support", "safety", "silver", 0, 2, 0.0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  seed_reports (f);

  rows = rosette_registry_inventory (f->registry, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      RosetteInventoryRow *row = rows->pdata[i];

      g_assert_cmpstr (row->department, ==, expected[i].department);
      g_assert_cmpstr (row->family_slug, ==, expected[i].family);
      g_assert_cmpstr (row->tier_slug, ==, expected[i].tier);
      g_assert_cmpuint (row->holders, ==, expected[i].holders);
      g_assert_cmpuint (row->headcount, ==, expected[i].headcount);
      g_assert_cmpfloat_with_epsilon (row->percent, expected[i].percent, 0.001);
    }
}

static void
test_reports_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RosetteIssuedQuery q = { .now = f->now };
  guint count = 0;

  seed_reports (f);

  rosette_registry_count_issued (f->registry, &q, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 7);

  {
    g_autoptr(GPtrArray) rows = NULL;

    q.status = ROSETTE_CREDENTIAL_STATUS_VALID;
    q.sort = ROSETTE_ISSUED_SORT_NAME;
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (rows, "Ann Ann Cat Dan Eve");
  }
  {
    g_autoptr(GPtrArray) rows = NULL;

    q.status = ROSETTE_CREDENTIAL_STATUS_ANY;
    q.department = "Sales";
    q.sort = ROSETTE_ISSUED_SORT_ISSUED_AT;
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (rows, "Ann Bob Cat Ann");
    q.department = NULL;
  }
  {
    g_autoptr(GPtrArray) rows = NULL;

    q.text = "AN";
    q.sort = ROSETTE_ISSUED_SORT_EMAIL;
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 4);
    assert_names (rows, "Ann Ann Dan Dan");

    /* A whole credential id finds that one row. */
    q.text = rosette_issued_record_get_credential_id (rows->pdata[0]);
    {
      g_autoptr(GPtrArray) one = rosette_registry_list_issued (f->registry, &q, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (one->len, ==, 1);
    }
    q.text = "100%_";
    {
      g_autoptr(GPtrArray) none = rosette_registry_list_issued (f->registry, &q, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (none->len, ==, 0);
    }
    q.text = NULL;
  }
  {
    g_autoptr(GPtrArray) rows = NULL;

    q.tier_slug = "silver";
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (rows, "Ann");
    q.tier_slug = NULL;
  }
  {
    g_autoptr(GPtrArray) first = NULL;
    g_autoptr(GPtrArray) second = NULL;

    q.sort = ROSETTE_ISSUED_SORT_NAME;
    q.descending = TRUE;
    q.limit = 3;
    first = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (first, "Eve Dan Dan");
    q.offset = 3;
    second = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (second, "Cat Bob Ann");
    q.offset = 0;
    q.limit = 0;
    q.descending = FALSE;
  }
  {
    g_autoptr(GPtrArray) rows = NULL;

    q.status = ROSETTE_CREDENTIAL_STATUS_EXPIRED;
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (rows, "Bob");
    q.status = ROSETTE_CREDENTIAL_STATUS_REVOKED;
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (rows, "Dan");
    g_assert_cmpstr (rosette_issued_record_get_family_slug (rows->pdata[0]), ==, "safety");
    q.status = ROSETTE_CREDENTIAL_STATUS_PENDING;
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    assert_names (rows, "Fay");
  }
}

static void
test_reports_history (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) since = NULL;
  g_autoptr(GDateTime) february = utc ("2026-02-01T00:00:00Z");
  RosetteHistoryRow *row;

  seed_reports (f);

  all = rosette_registry_history (f->registry, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);

  /* Newest batch first; within it, by family and tier. */
  row = all->pdata[0];
  g_assert_cmpstr (row->batch_id, ==, "b2");
  g_assert_cmpstr (row->family_slug, ==, "firstaid");
  g_assert_cmpuint (row->issued, ==, 1);
  g_assert_cmpuint (row->pending, ==, 1);
  row = all->pdata[1];
  g_assert_cmpstr (row->batch_id, ==, "b2");
  g_assert_cmpstr (row->tier_slug, ==, "silver");
  g_assert_cmpuint (row->issued, ==, 1);
  row = all->pdata[2];
  g_assert_cmpstr (row->batch_id, ==, "b1");
  g_assert_cmpuint (row->issued, ==, 5);
  g_assert_cmpuint (row->revoked, ==, 1);
  g_assert_cmpuint (row->failed, ==, 0);
  g_assert_cmpint (row->first_issued_at, ==, 1768035600);  /* 2026-01-10T09:00:00Z */
  g_assert_cmpint (row->last_issued_at, ==, 1768035604);

  since = rosette_registry_history (f->registry, february, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (since->len, ==, 2);
}

/* Migration 4's aggregates against direct counts ------------------------ */

/* Runs @sql on the registry file (a second connection: WAL lets it read)
 * with :now, :from and :to bound, and returns its rows as "a|b|c" lines. */
static char *
direct_query (Fixture    *f,
              const char *sql,
              gint64      now,
              gint64      from,
              gint64      to)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_index (stmt, ":now") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now);
  if (sqlite3_bind_parameter_index (stmt, ":from") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  if (sqlite3_bind_parameter_index (stmt, ":to") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                sqlite3_column_text (stmt, i) != NULL
                                ? (const char *)sqlite3_column_text (stmt, i) : "");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The reports computed from migration 4's aggregates must equal the
 * same reports counted from the issued rows, at any "now" (here: either
 * side of an expiry, of an aggregate bucket's edge, and far ahead). */
static void
assert_aggregates_agree (Fixture    *f,
                         const char *now_iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = utc (now_iso);
  g_autoptr(GPtrArray) inventory = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *expected = NULL;
  static const char * const achievements[][2] = {
    { "safety", "bronze" }, { "safety", "silver" }, { "firstaid", "basic" }, { "safety", NULL },
  };
  static const struct { const char *from, *to; } ranges[] = {
    { NULL, NULL }, { "2026-01-10T09:00:02Z", NULL }, { NULL, "2026-03-01T09:00:01Z" },
    { "2026-02-01T00:00:00Z", "2026-12-31T00:00:00Z" },
  };

  inventory = rosette_registry_inventory (f->registry, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < inventory->len; i++)
    {
      RosetteInventoryRow *row = inventory->pdata[i];

      g_string_append_printf (got, "%s|%s|%s|%u|%u\n", row->department, row->family_slug,
                              row->tier_slug, row->holders, row->headcount);
    }
  expected = direct_query (f,
                           "WITH headcount AS ("
                           "  SELECT coalesce (department, '') AS department, count(*) AS n"
                           "  FROM recipients GROUP BY 1),"
                           " held AS ("
                           "  SELECT coalesce (r.department, '') AS department,"
                           "   i.achievement_id, count(DISTINCT i.recipient_id) AS n"
                           "  FROM issued i JOIN recipients r ON r.id = i.recipient_id"
                           "  WHERE i.state = 'issued' AND i.revoked_at IS NULL"
                           "   AND (i.valid_until IS NULL OR i.valid_until > :now)"
                           "  GROUP BY 1, 2)"
                           " SELECT c.department, a.family_slug, a.tier_slug, coalesce (h.n, 0), c.n"
                           " FROM headcount c CROSS JOIN achievements a"
                           " LEFT JOIN held h ON h.department = c.department"
                           "  AND h.achievement_id = a.id"
                           " ORDER BY c.department, a.family_slug, a.tier_slug",
                           g_date_time_to_unix (now), 0, 0);
  g_assert_cmpstr (got->str, ==, expected);

  for (guint i = 0; i < G_N_ELEMENTS (achievements); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *direct = NULL;
      g_autofree char *counted = NULL;
      RosetteHolderCounts counts;

      rows = rosette_registry_holders (f->registry, achievements[i][0], achievements[i][1], now,
                                       1, &counts, &error);
      g_assert_no_error (error);
      sql = g_strdup_printf ("SELECT sum (i.revoked_at IS NULL"
                             "   AND (i.valid_until IS NULL OR i.valid_until > :now)),"
                             "  sum (i.revoked_at IS NULL AND i.valid_until <= :now),"
                             "  sum (i.revoked_at IS NOT NULL)"
                             " FROM issued i JOIN achievements a ON a.id = i.achievement_id"
                             " WHERE i.state = 'issued' AND i.superseded_by IS NULL"
                             "  AND a.family_slug = '%s' %s%s%s",
                             achievements[i][0], achievements[i][1] != NULL ? "AND a.tier_slug = '" : "",
                             achievements[i][1] != NULL ? achievements[i][1] : "",
                             achievements[i][1] != NULL ? "'" : "");
      direct = direct_query (f, sql, g_date_time_to_unix (now), 0, 0);
      counted = g_strdup_printf ("%u|%u|%u\n", counts.valid, counts.expired, counts.revoked);
      g_assert_cmpstr (counted, ==, direct);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GDateTime) from = ranges[i].from != NULL ? utc (ranges[i].from) : NULL;
      g_autoptr(GDateTime) to = ranges[i].to != NULL ? utc (ranges[i].to) : NULL;
      g_autoptr(GPtrArray) history = rosette_registry_history (f->registry, from, to, &error);
      g_autoptr(GString) rows = g_string_new (NULL);
      g_autofree char *direct = NULL;

      g_assert_no_error (error);
      for (guint j = 0; j < history->len; j++)
        {
          RosetteHistoryRow *row = history->pdata[j];

          g_string_append_printf (rows, "%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                                  "|%u|%u|%u|%u\n", row->batch_id, row->family_slug,
                                  row->tier_slug, row->first_issued_at, row->last_issued_at,
                                  row->issued, row->pending, row->failed, row->revoked);
        }
      direct = direct_query (f,
                             "SELECT i.batch_id, a.family_slug, a.tier_slug,"
                             " coalesce (min (i.issued_at), 0), coalesce (max (i.issued_at), 0),"
                             " sum (i.state = 'issued'), sum (i.state = 'pending'),"
                             " sum (i.state = 'failed'), sum (i.revoked_at IS NOT NULL)"
                             " FROM issued i JOIN achievements a ON a.id = i.achievement_id"
                             " WHERE i.created_at >= :from AND i.created_at < :to"
                             " GROUP BY i.batch_id, i.achievement_id"
                             " ORDER BY min (i.created_at) DESC, i.batch_id,"
                             " a.family_slug, a.tier_slug",
                             0, from != NULL ? g_date_time_to_unix (from) : G_MININT64,
                             to != NULL ? g_date_time_to_unix (to) : G_MAXINT64);
      g_assert_cmpstr (rows->str, ==, direct);
    }
}

static void
test_reports_aggregates (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const times[] = {
    "2026-01-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z",
    "2026-06-10T23:59:59Z", "2026-06-11T00:00:00Z", "2026-06-11T00:00:01Z",
    "2026-07-15T00:00:00Z", "2030-01-01T00:00:00Z",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *again = NULL;
  g_autofree char *failed = NULL;
  g_autoptr(GDateTime) at = utc ("2026-06-02T10:00:00Z");
  gint64 bronze;
  /* A credential that expires exactly where an aggregate bucket (2^21 s)
   * starts: 2026-06-03T10:20:48Z. */
  g_autoptr(GDateTime) edge = g_date_time_new_from_unix_utc ((gint64)849 << 21);

  seed_reports (f);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    assert_aggregates_agree (f, times[i]);

  bronze = add_achievement (f, "safety", "bronze");

  /* Cat renews: a new credential supersedes the one expiring on 11 June. */
  {
    g_autoptr(RosetteIssuedRecord) old = NULL;
    g_autoptr(GPtrArray) holders = NULL;
    RosetteIssuedQuery q = { .text = "cat@example.com", .now = f->now, .limit = 1 };

    holders = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (holders->len, ==, 1);
    renewed = issue (f, "cat@example.com", bronze, "b3", "2026-06-02T10:00:00Z",
                     "2027-06-11T00:00:00Z");
    rosette_registry_supersede (f->registry,
                                rosette_issued_record_get_credential_id (holders->pdata[0]),
                                renewed, at, &error);
    g_assert_no_error (error);
  }

  /* Ann is revoked, Eve moves department, a new hire arrives, Fay's
   * pending row fails, and one credential expires on a bucket edge. */
  {
    g_autoptr(GPtrArray) ann = NULL;
    RosetteIssuedQuery q = { .text = "ann@example.com", .now = f->now };
    g_autofree char *edge_iso = g_date_time_format_iso8601 (edge);

    ann = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < ann->len; i++)
      {
        rosette_registry_revoke (f->registry,
                                 rosette_issued_record_get_credential_id (ann->pdata[i]),
                                 "Issued in error", at, &error);
        g_assert_no_error (error);
      }
    add_recipient (f, "eve@example.com", "Eve", "Sales", NULL);
    add_recipient (f, "gil@example.com", "Gil", "Legal", NULL);
    again = issue (f, "gil@example.com", bronze, "b3", "2026-06-02T10:00:01Z", edge_iso);
  }
  {
    g_autoptr(GPtrArray) pending = NULL;
    RosetteIssuedQuery q = { .status = ROSETTE_CREDENTIAL_STATUS_PENDING, .now = f->now };

    pending = rosette_registry_list_issued (f->registry, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pending->len, ==, 1);
    failed = g_strdup (rosette_issued_record_get_credential_id (pending->pdata[0]));
    rosette_registry_mark_failed (f->registry, failed, "disk full", &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    assert_aggregates_agree (f, times[i]);
  {
    g_autoptr(GDateTime) before = g_date_time_add_seconds (edge, -1);
    g_autoptr(GDateTime) after = g_date_time_add_seconds (edge, 1);
    g_autofree char *a = g_date_time_format_iso8601 (before);
    g_autofree char *b = g_date_time_format_iso8601 (edge);
    g_autofree char *c = g_date_time_format_iso8601 (after);

    assert_aggregates_agree (f, a);
    assert_aggregates_agree (f, b);
    assert_aggregates_agree (f, c);
  }

  /* A failed row issued on a re-run (migration 5's own trigger). */
  {
    g_autoptr(GDateTime) redone = utc ("2026-06-03T08:00:00Z");

    g_assert_true (rosette_registry_record_issued (f->registry, failed, NULL, redone, &error));
    g_assert_no_error (error);
    assert_aggregates_agree (f, "2026-06-04T00:00:00Z");
  }

  /* The same after a reopen (nothing is cached outside the database). */
  reopen (f);
  assert_aggregates_agree (f, "2026-06-20T00:00:00Z");

  /* A short page by name (read by walking names) is the start of the
   * whole list (sorted), in either direction, with or without filters. */
  for (guint i = 0; i < 8; i++)
    {
      RosetteIssuedQuery q = {
        .sort = ROSETTE_ISSUED_SORT_NAME, .descending = i & 1, .now = f->now,
        .department = i & 2 ? "Sales" : NULL, .family_slug = i & 4 ? "safety" : NULL,
      };
      g_autoptr(GPtrArray) all = rosette_registry_list_issued (f->registry, &q, &error);
      g_autoptr(GPtrArray) page = NULL;

      g_assert_no_error (error);
      q.limit = 2;
      page = rosette_registry_list_issued (f->registry, &q, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (2, all->len));
      for (guint j = 0; j < page->len; j++)
        g_assert_cmpstr (rosette_issued_record_get_credential_id (page->pdata[j]), ==,
                         rosette_issued_record_get_credential_id (all->pdata[j]));
    }
}

static void
test_reports_milestones (Fixture       *f,
                         gconstpointer  data)
{
  static const guint years[] = { 1, 5, 10 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) june = NULL;
  g_autoptr(GPtrArray) february = NULL;
  RosetteMilestoneRow *row;
  GDate from, to;

  seed_reports (f);

  g_date_set_dmy (&from, 1, G_DATE_JUNE, 2026);
  g_date_set_dmy (&to, 30, G_DATE_JUNE, 2026);
  june = rosette_registry_milestones (f->registry, years, G_N_ELEMENTS (years), &from, &to,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (june->len, ==, 3);
  row = june->pdata[0];
  g_assert_cmpstr (row->email, ==, "ann@example.com");
  g_assert_cmpuint (row->years, ==, 5);
  g_assert_cmpstr (row->anniversary, ==, "2026-06-15");
  row = june->pdata[1];
  g_assert_cmpstr (row->email, ==, "bob@example.com");
  g_assert_cmpuint (row->years, ==, 1);
  row = june->pdata[2];
  g_assert_cmpstr (row->email, ==, "dan@example.com");
  g_assert_cmpuint (row->years, ==, 10);
  g_assert_cmpstr (row->anniversary, ==, "2026-06-30");
  g_assert_cmpstr (row->department, ==, "Support");

  /* Hired on 29 February 2016: ten years on 28 February 2026. */
  g_date_set_dmy (&from, 1, G_DATE_FEBRUARY, 2026);
  g_date_set_dmy (&to, 28, G_DATE_FEBRUARY, 2026);
  february = rosette_registry_milestones (f->registry, years, G_N_ELEMENTS (years), &from, &to,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (february->len, ==, 1);
  row = february->pdata[0];
  g_assert_cmpstr (row->email, ==, "cat@example.com");
  g_assert_cmpstr (row->anniversary, ==, "2026-02-28");
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  RosetteIssuedQuery q = { .now = f->now, .sort = ROSETTE_ISSUED_SORT_NAME };

  seed_reports (f);

  rosette_registry_export_csv (f->registry, &q, out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 7 + 1);
  g_assert_true (g_str_has_prefix (lines[0], "credential_id,email,name,"));
  g_assert_nonnull (strstr (lines[3], ",bob@example.com,Bob,,Sales,Family safety,Tier bronze,"
                                      "expired,2026-01-10T09:00:01Z,2026-05-01T00:00:00Z,"));
  g_assert_true (g_str_has_suffix (lines[5], ",Left the team"));
}

/* Async reports ------------------------------------------------------------- */

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_reports_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  RosetteIssuedQuery q = { .now = f->now, .status = ROSETTE_CREDENTIAL_STATUS_VALID };
  RosetteHolderCounts counts = { 0 };
  GPtrArray *rows;
  guint count = 0;

  seed_reports (f);

  rosette_registry_list_issued_async (f->registry, &q, NULL, async_done_cb, &result);
  rows = rosette_registry_list_issued_finish (f->registry, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_ptr_array_unref (rows);
  g_clear_object (&result);

  rosette_registry_count_issued_async (f->registry, &q, NULL, async_done_cb, &result);
  rosette_registry_count_issued_finish (f->registry, wait_for (&result), &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 5);
  g_clear_object (&result);

  rosette_registry_holders_async (f->registry, "safety", "bronze", f->now, 0, NULL,
                                  async_done_cb, &result);
  rows = rosette_registry_holders_finish (f->registry, wait_for (&result), &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpuint (counts.valid, ==, 3);
  g_assert_cmpuint (counts.expired, ==, 1);
  g_ptr_array_unref (rows);
  g_clear_object (&result);

  rosette_registry_expiring_async (f->registry, 30, f->now, 0, NULL, async_done_cb, &result);
  rows = rosette_registry_expiring_finish (f->registry, wait_for (&result), &error);
  g_assert_no_error (error);
  assert_names (rows, "Cat Dan");
  g_ptr_array_unref (rows);
  g_clear_object (&result);

  rosette_registry_inventory_async (f->registry, f->now, NULL, async_done_cb, &result);
  rows = rosette_registry_inventory_finish (f->registry, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 9);
  g_ptr_array_unref (rows);
  g_clear_object (&result);

  rosette_registry_history_async (f->registry, NULL, NULL, NULL, async_done_cb, &result);
  rows = rosette_registry_history_finish (f->registry, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_ptr_array_unref (rows);
  g_clear_object (&result);

  /* The worker thread drops its reference to the task (and so to the
   * registry) just after returning the result. */
  for (guint i = 0; i < 5000 && G_OBJECT (f->registry)->ref_count > 1; i++)
    g_usleep (1000);
}

/* Outbox -------------------------------------------------------------------- */

static GPtrArray *
due_at (Fixture    *f,
        gint64      seconds_after_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_add_seconds (f->now, (double)seconds_after_now);
  GPtrArray *due = rosette_registry_outbox_next_due (f->registry, at, 0, &error);

  g_assert_no_error (error);
  return due;
}

static void
test_outbox (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 achievement = add_achievement (f, "safety", "gold");
  g_autofree char *id = issue (f, "a@example.com", achievement, "b", "2026-01-01T00:00:00Z",
                               NULL);
  gint64 item, again;

  item = rosette_registry_outbox_enqueue (f->registry, id, ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                          "a@example.com", FALSE, f->now, &error);
  g_assert_no_error (error);
  again = rosette_registry_outbox_enqueue (f->registry, id, ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                           "a@example.com", FALSE, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item, ==, again);

  {
    g_autoptr(GPtrArray) due = due_at (f, 0);

    g_assert_cmpuint (due->len, ==, 1);
    g_assert_cmpstr (((RosetteOutboxItem *)due->pdata[0])->credential_id, ==, id);
    g_assert_cmpint (((RosetteOutboxItem *)due->pdata[0])->state, ==,
                     ROSETTE_OUTBOX_STATE_QUEUED);
  }

  /* Failures back off 60 s, 120 s, … and the row is never dropped. */
  rosette_registry_outbox_mark_failed (f->registry, item, "connection refused", f->now, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) not_yet = due_at (f, 59);
    g_autoptr(GPtrArray) due = due_at (f, 60);
    RosetteOutboxItem *it;

    g_assert_cmpuint (not_yet->len, ==, 0);
    g_assert_cmpuint (due->len, ==, 1);
    it = due->pdata[0];
    g_assert_cmpuint (it->attempts, ==, 1);
    g_assert_cmpint (it->state, ==, ROSETTE_OUTBOX_STATE_FAILED);
    g_assert_cmpstr (it->last_error, ==, "connection refused");
  }
  rosette_registry_outbox_mark_failed (f->registry, item, "again", f->now, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) not_yet = due_at (f, 119);
    g_autoptr(GPtrArray) due = due_at (f, 120);

    g_assert_cmpuint (not_yet->len, ==, 0);
    g_assert_cmpuint (due->len, ==, 1);
  }
  for (guint i = 0; i < 40; i++)
    rosette_registry_outbox_mark_failed (f->registry, item, "down", f->now, NULL);
  {
    g_autoptr(GPtrArray) due = due_at (f, 6 * 60 * 60);

    g_assert_cmpuint (due->len, ==, 1);
    g_assert_cmpuint (((RosetteOutboxItem *)due->pdata[0])->attempts, ==, 42);
  }

  rosette_registry_outbox_mark_sent (f->registry, item, f->now, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) due = due_at (f, 365 * 24 * 60 * 60);

    g_assert_cmpuint (due->len, ==, 0);
  }
  g_assert_false (rosette_registry_outbox_mark_sent (f->registry, item, f->now, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Queuing it again does nothing unless it is a resend. */
  rosette_registry_outbox_enqueue (f->registry, id, ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                   "a@example.com", FALSE, f->now, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) due = due_at (f, 0);

    g_assert_cmpuint (due->len, ==, 0);
  }
  rosette_registry_outbox_enqueue (f->registry, id, ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                   "a@example.com", TRUE, f->now, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) due = due_at (f, 0);

    g_assert_cmpuint (due->len, ==, 1);
  }

  audit = rosette_registry_list_audit (f->registry, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((RosetteAuditEntry *)audit->pdata[audit->len - 1])->action, ==,
                   ROSETTE_AUDIT_ACTION_SEND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rosette/registry/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open", test_open);
  ADD ("newer-schema", test_newer_schema);
  ADD ("not-a-database", test_not_a_database);
  ADD ("migrations", test_migrations);
  ADD ("upsert", test_upsert);
  ADD ("upsert-unchanged", test_upsert_unchanged);
  g_test_add_func ("/rosette/registry/issuance-key", test_issuance_key);
  ADD ("reserve-idempotent", test_reserve_idempotent);
  ADD ("reserve-light", test_reserve_light);
  ADD ("batch-checks", test_batch_checks);
  ADD ("crash-safety", test_crash_safety);
  ADD ("states", test_states);
  ADD ("revoke", test_revoke);
  g_test_add_func ("/rosette/registry/status-list-codec", test_status_list_codec);
  ADD ("status-list-rollover", test_status_list_rollover);
  ADD ("supersede", test_supersede);
  ADD ("audit-append-only", test_audit_append_only);
  ADD ("batch", test_batch);
  ADD ("reports/holders", test_reports_holders);
  ADD ("reports/expiring", test_reports_expiring);
  ADD ("reports/inventory", test_reports_inventory);
  ADD ("reports/list", test_reports_list);
  ADD ("reports/history", test_reports_history);
  ADD ("reports/aggregates", test_reports_aggregates);
  ADD ("reports/milestones", test_reports_milestones);
  ADD ("reports/async", test_reports_async);
  ADD ("export-csv", test_export_csv);
  ADD ("outbox", test_outbox);

#undef ADD

  return g_test_run ();
}
