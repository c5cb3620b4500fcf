/* test-pathways.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Pathway evaluation against registries built by hand: all-of, N-of,
 * minimum tiers, expired, revoked and superseded prerequisites, the
 * validity rules, the family ladder, JSON, "how to earn", and issuing the
 * goal badge through the batch path (exactly once, with one Evidence entry
 * per qualifying credential, whose id is that credential's id), signed as
 * VC-JWT and with Data Integrity, and checked by the verifier.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"
#include "rosette-test-keyring.h"

typedef struct
{
  char            *dir;
  RosetteRegistry *registry;
  GDateTime       *now;
  guint            serial;
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
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rosette-pathways-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "registry.db", NULL);
  f->registry = rosette_registry_open (path, NULL, &error);
  g_assert_no_error (error);
  f->now = utc ("2027-01-15T12:00:00Z");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->registry);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_date_time_unref (f->now);
}

/* Records one issued badge; @valid_until may be NULL. Returns its id. */
static char *
add_badge (Fixture    *f,
           const char *email,
           const char *family,
           const char *tier,
           const char *issued,
           const char *valid_until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = utc (issued);
  g_autoptr(GDateTime) until = valid_until != NULL ? utc (valid_until) : NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autofree char *batch = g_strdup_printf ("hand-%u", ++f->serial);
  g_autofree char *key = rosette_registry_compute_issuance_key (email, family, tier, batch);
  RosetteRecipientData person = { .email = email, .name = email, .department = "Engineering" };
  const char *files[] = { "/nonexistent/badge.png", NULL };
  RosetteIssuanceRequest request = {
    .issuance_key = key,
    .batch_id = batch,
    .valid_from = at,
    .valid_until = until,
    .proof_type = "vc-jwt",
    .now = at,
  };

  request.recipient_id = rosette_registry_upsert_recipient (f->registry, &person, &error);
  g_assert_no_error (error);
  request.achievement_id = rosette_registry_upsert_achievement (f->registry, 0, family, family,
                                                                tier, tier, NULL, NULL, &error);
  g_assert_no_error (error);
  record = rosette_registry_reserve_issuance (f->registry, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_registry_record_issued (f->registry,
                                                 rosette_issued_record_get_credential_id (record),
                                                 files, at, &error));
  g_assert_no_error (error);
  return g_strdup (rosette_issued_record_get_credential_id (record));
}

static RosettePathwayProgress *
find_progress (GPtrArray  *rows,
               const char *email)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RosettePathwayProgress *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->email, email) == 0)
        return row;
    }
  return NULL;
}

static void
assert_state (GPtrArray           *rows,
              const char          *email,
              RosettePathwayState  state)
{
  RosettePathwayProgress *row = find_progress (rows, email);

  g_assert_nonnull (row);
  g_assert_cmpstr (rosette_pathway_state_to_string (row->state), ==,
                   rosette_pathway_state_to_string (state));
}

static GPtrArray *
evaluate (Fixture        *f,
          RosettePathway *pathway)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = rosette_pathway_evaluate (pathway, f->registry, f->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* Senior engineer: Data Privacy Practitioner or higher (from the real
 * family), Security any tier, Leadership "core". */
static RosettePathway *
senior_engineer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteFamily) privacy = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE,
                                                                       "Data Privacy");
  const char *core[] = { "core", NULL };
  RosettePathway *pathway = rosette_pathway_new_for_slugs ("Senior engineer", "senior-engineer",
                                                           "badge");

  g_assert_true (rosette_pathway_add_requirement (pathway, privacy, "Practitioner", &error));
  g_assert_no_error (error);
  rosette_pathway_add_requirement_slugs (pathway, "security", NULL);
  rosette_pathway_add_requirement_slugs (pathway, "leadership", core);
  return pathway;
}

static void
test_all_of (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RosettePathway) pathway = senior_engineer ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *ana_privacy = NULL;
  RosettePathwayProgress *ben;
  RosettePathwayRequirement *privacy = g_ptr_array_index (pathway->requirements, 0);

  /* The minimum tier is the family's Practitioner and what is above it. */
  g_assert_cmpuint (g_strv_length (privacy->tiers), ==, 2);
  g_assert_cmpstr (privacy->tiers[0], ==, "practitioner");
  g_assert_cmpstr (privacy->tiers[1], ==, "expert");

  ana_privacy = add_badge (f, "ana@acme.example", "data-privacy", "expert", "2026-01-10T00:00:00Z", NULL);
  g_free (add_badge (f, "ana@acme.example", "security", "foundation", "2026-02-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ana@acme.example", "leadership", "core", "2026-03-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ben@acme.example", "data-privacy", "practitioner", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ben@acme.example", "security", "expert", "2026-01-11T00:00:00Z", NULL));
  /* Foundation is below the minimum tier: Cy has only Security. */
  g_free (add_badge (f, "cy@acme.example", "data-privacy", "foundation", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "cy@acme.example", "security", "foundation", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "dee@acme.example", "senior-engineer", "badge", "2026-05-01T00:00:00Z", NULL));
  /* Someone with an unrelated badge is not in the table at all. */
  g_free (add_badge (f, "eve@acme.example", "first-aid", "core", "2026-05-01T00:00:00Z", NULL));

  rows = evaluate (f, pathway);
  g_assert_cmpuint (rows->len, ==, 4);
  assert_state (rows, "ana@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);
  assert_state (rows, "ben@acme.example", ROSETTE_PATHWAY_STATE_ONE_STEP);
  assert_state (rows, "cy@acme.example", ROSETTE_PATHWAY_STATE_IN_PROGRESS);
  assert_state (rows, "dee@acme.example", ROSETTE_PATHWAY_STATE_COMPLETED);
  g_assert_null (find_progress (rows, "eve@acme.example"));

  /* Sorted by state: completed first. */
  g_assert_cmpstr (((RosettePathwayProgress *) g_ptr_array_index (rows, 0))->email, ==,
                   "dee@acme.example");

  g_assert_cmpuint (find_progress (rows, "ana@acme.example")->n_met, ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) find_progress (rows, "ana@acme.example")->qualifying,
                                  ana_privacy));
  ben = find_progress (rows, "ben@acme.example");
  g_assert_cmpuint (ben->n_met, ==, 2);
  g_assert_cmpuint (ben->n_needed, ==, 3);
  g_assert_cmpuint (g_strv_length (ben->lacking), ==, 1);
  g_assert_cmpstr (ben->lacking[0], ==, "leadership: core");
  g_assert_cmpuint (find_progress (rows, "cy@acme.example")->n_met, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) find_progress (rows, "cy@acme.example")->lacking,
                                  "Data Privacy: Practitioner or higher"));
}

static void
test_n_of (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RosettePathway) pathway = senior_engineer ();
  g_autoptr(GPtrArray) rows = NULL;

  pathway->n_required = 2;
  g_free (add_badge (f, "ben@acme.example", "data-privacy", "practitioner", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ben@acme.example", "leadership", "core", "2026-01-11T00:00:00Z", NULL));
  g_free (add_badge (f, "cy@acme.example", "security", "foundation", "2026-01-10T00:00:00Z", NULL));
  /* A tier the requirement does not list does not count. */
  g_free (add_badge (f, "cy@acme.example", "leadership", "advanced", "2026-01-10T00:00:00Z", NULL));

  rows = evaluate (f, pathway);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_state (rows, "ben@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);
  g_assert_cmpuint (find_progress (rows, "ben@acme.example")->n_needed, ==, 2);
  assert_state (rows, "cy@acme.example", ROSETTE_PATHWAY_STATE_ONE_STEP);
  g_assert_cmpuint (g_strv_length (find_progress (rows, "cy@acme.example")->lacking), ==, 2);
}

static void
test_expired (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosettePathway) pathway = senior_engineer ();
  g_autoptr(GPtrArray) ever = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) on_date = NULL;
  g_autoptr(GPtrArray) too_early = NULL;

  /* Ana's Security badge expired on 2026-12-31 (before "now"). */
  g_free (add_badge (f, "ana@acme.example", "data-privacy", "expert", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ana@acme.example", "security", "foundation", "2026-02-10T00:00:00Z",
                     "2026-12-31T23:59:59Z"));
  g_free (add_badge (f, "ana@acme.example", "leadership", "core", "2026-03-10T00:00:00Z", NULL));

  ever = evaluate (f, pathway);
  assert_state (ever, "ana@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);

  g_assert_true (rosette_pathway_set_validity (pathway, ROSETTE_PATHWAY_VALIDITY_NOW, NULL, &error));
  now = evaluate (f, pathway);
  assert_state (now, "ana@acme.example", ROSETTE_PATHWAY_STATE_ONE_STEP);
  g_assert_cmpstr (find_progress (now, "ana@acme.example")->lacking[0], ==, "security (any tier)");

  /* Valid on 2026-12-01: everything was. */
  g_assert_true (rosette_pathway_set_validity (pathway, ROSETTE_PATHWAY_VALIDITY_ON_DATE,
                                               "2026-12-01", &error));
  g_assert_no_error (error);
  on_date = evaluate (f, pathway);
  assert_state (on_date, "ana@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);

  /* On 2026-03-01 the Leadership badge was not issued yet. */
  g_assert_true (rosette_pathway_set_validity (pathway, ROSETTE_PATHWAY_VALIDITY_ON_DATE,
                                               "2026-03-01", &error));
  too_early = evaluate (f, pathway);
  assert_state (too_early, "ana@acme.example", ROSETTE_PATHWAY_STATE_ONE_STEP);

  g_assert_false (rosette_pathway_set_validity (pathway, ROSETTE_PATHWAY_VALIDITY_ON_DATE,
                                                "31/03/2027", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_revoked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosettePathway) pathway = senior_engineer ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *revoked = NULL;
  g_autofree char *old = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *goal = NULL;

  g_free (add_badge (f, "ana@acme.example", "data-privacy", "expert", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ana@acme.example", "leadership", "core", "2026-03-10T00:00:00Z", NULL));
  revoked = add_badge (f, "ana@acme.example", "security", "foundation", "2026-02-10T00:00:00Z", NULL);
  g_assert_true (rosette_registry_revoke (f->registry, revoked, "issued in error", f->now, &error));
  g_assert_no_error (error);

  /* Ben's Security badge was re-issued: the replacement counts. */
  g_free (add_badge (f, "ben@acme.example", "data-privacy", "expert", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ben@acme.example", "leadership", "core", "2026-03-10T00:00:00Z", NULL));
  old = add_badge (f, "ben@acme.example", "security", "foundation", "2025-02-10T00:00:00Z",
                   "2026-02-10T00:00:00Z");
  renewed = add_badge (f, "ben@acme.example", "security", "foundation", "2026-02-10T00:00:00Z", NULL);
  g_assert_true (rosette_registry_supersede (f->registry, old, renewed, f->now, &error));
  g_assert_no_error (error);

  /* A revoked goal badge does not count as completed. */
  goal = add_badge (f, "cy@acme.example", "senior-engineer", "badge", "2026-05-01T00:00:00Z", NULL);
  g_assert_true (rosette_registry_revoke (f->registry, goal, "left", f->now, &error));

  rows = evaluate (f, pathway);
  /* Even "ever earned" never counts a revoked badge. */
  assert_state (rows, "ana@acme.example", ROSETTE_PATHWAY_STATE_ONE_STEP);
  assert_state (rows, "ben@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);
  g_assert_true (g_strv_contains ((const char * const *) find_progress (rows, "ben@acme.example")->qualifying,
                                  renewed));
  g_assert_false (g_strv_contains ((const char * const *) find_progress (rows, "ben@acme.example")->qualifying,
                                   old));
  g_assert_null (find_progress (rows, "cy@acme.example"));
}

static void
test_ladder (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE,
                                                                      "Data Privacy");
  g_autoptr(GPtrArray) ladder = rosette_pathway_new_ladder (family, "/badges/privacy.rosette");
  g_autoptr(GPtrArray) rows = NULL;
  RosettePathway *practitioner;
  RosettePathway *expert;

  g_assert_cmpuint (ladder->len, ==, 2);
  practitioner = g_ptr_array_index (ladder, 0);
  expert = g_ptr_array_index (ladder, 1);
  g_assert_true (practitioner->builtin);
  g_assert_cmpstr (practitioner->name, ==, "Data Privacy: Practitioner");
  g_assert_cmpstr (practitioner->goal_tier_slug, ==, "practitioner");
  g_assert_cmpstr (expert->goal_tier_slug, ==, "expert");
  g_assert_cmpstr (expert->family_file, ==, "/badges/privacy.rosette");
  g_assert_true (rosette_pathway_validate (expert, NULL));

  g_free (add_badge (f, "ana@acme.example", "data-privacy", "foundation", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ben@acme.example", "data-privacy", "foundation", "2026-01-10T00:00:00Z", NULL));
  g_free (add_badge (f, "ben@acme.example", "data-privacy", "practitioner", "2026-06-10T00:00:00Z", NULL));

  rows = evaluate (f, practitioner);
  assert_state (rows, "ana@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);
  assert_state (rows, "ben@acme.example", ROSETTE_PATHWAY_STATE_COMPLETED);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = evaluate (f, expert);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_state (rows, "ben@acme.example", ROSETTE_PATHWAY_STATE_QUALIFIED);
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosettePathway) empty = rosette_pathway_new_for_slugs ("Empty", "a", "b");
  g_autoptr(RosettePathway) too_many = senior_engineer ();
  g_autoptr(RosettePathway) circular = senior_engineer ();
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE,
                                                                      "Data Privacy");

  g_assert_false (rosette_pathway_save (empty, f->registry, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  too_many->n_required = 4;
  g_assert_false (rosette_pathway_validate (too_many, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  rosette_pathway_add_requirement_slugs (circular, "senior-engineer", NULL);
  g_assert_false (rosette_pathway_validate (circular, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rosette_pathway_new ("X", family, "Grandmaster", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rosette_pathway_new ("  ", family, "1", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_json_and_how_to_earn (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosettePathway) pathway = senior_engineer ();
  g_autoptr(RosettePathway) back = NULL;
  g_autoptr(RosettePathway) loaded = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *export = NULL;
  g_autofree char *none = NULL;
  g_autofree char *original_json = NULL;
  g_autofree char *back_json = NULL;
  JsonArray *list;

  g_free (pathway->name);
  pathway->name = g_strdup ("Senior <engineer>");
  pathway->n_required = 2;
  g_assert_true (rosette_pathway_set_validity (pathway, ROSETTE_PATHWAY_VALIDITY_ON_DATE,
                                               "2027-03-31", &error));
  node = rosette_pathway_to_json (pathway);
  back = rosette_pathway_new_from_json (node, &error);
  g_assert_no_error (error);
  original_json = json_to_string (node, FALSE);
  {
    g_autoptr(JsonNode) again = rosette_pathway_to_json (back);

    back_json = json_to_string (again, FALSE);
  }
  g_assert_cmpstr (back_json, ==, original_json);

  g_assert_true (rosette_pathway_save (pathway, f->registry, &error));
  g_assert_no_error (error);
  loaded = rosette_pathway_load (f->registry, "senior-engineer", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->requirements->len, ==, 3);
  g_assert_cmpuint (loaded->n_required, ==, 2);
  g_assert_cmpstr (loaded->valid_on, ==, "2027-03-31");
  g_assert_null (rosette_pathway_load (f->registry, "nope", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  export = rosette_pathway_export_json (f->registry, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, export, -1, &error));
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "pathways");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "validOn"),
                   ==, "2027-03-31");

  text = rosette_pathway_dup_how_to_earn (f->registry, "senior-engineer", "badge",
                                          ROSETTE_HOW_TO_EARN_TEXT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "any 2 of 3, valid on 2027-03-31"));
  g_assert_nonnull (strstr (text, "- Data Privacy: Practitioner or higher\n"));
  html = rosette_pathway_dup_how_to_earn (f->registry, "senior-engineer", "badge",
                                          ROSETTE_HOW_TO_EARN_HTML, &error);
  g_assert_nonnull (strstr (html, "<section class=\"how-to-earn\">"));
  g_assert_nonnull (strstr (html, "Senior &lt;engineer&gt;"));
  g_assert_null (strstr (html, "<engineer>"));
  g_assert_nonnull (strstr (html, "<li>security (any tier)</li>"));
  none = rosette_pathway_dup_how_to_earn (f->registry, "data-privacy", "expert",
                                          ROSETTE_HOW_TO_EARN_TEXT, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

/* The verifier's verdict on the badge in @path, offline; the proof
 * must check whatever the verdict (offline, a status list cannot be
 * fetched: "could not fully verify"). */
static RosetteVerifyVerdict
verify_badge (const char *path)
{
  RosetteVerifyCheck *proof;
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  rosette_verifier_set_offline (verifier, TRUE);
  rosette_verifier_set_cache_dir (verifier, "");
  report = rosette_verifier_verify_file_sync (verifier, file, NULL, &error);
  g_assert_no_error (error);
  proof = rosette_verify_report_get_check (report, ROSETTE_VERIFY_CHECK_PROOF);
  g_assert_cmpint (rosette_verify_check_get_state (proof), ==, ROSETTE_VERIFY_STATE_PASSED);
  if (rosette_verify_report_get_verdict (report) != ROSETTE_VERIFY_VERDICT_VALID)
    {
      g_autoptr(JsonNode) json = rosette_verify_report_to_json (report);
      g_autofree char *text = json_to_string (json, TRUE);

      g_test_message ("verdict: %s", text);
    }
  return rosette_verify_report_get_verdict (report);
}

/* The goal badge's evidence: the pathway's narrative, then one entry per
 * qualifying credential, in @expected_ids' order. */
static void
assert_goal_evidence (JsonObject         *credential,
                      const char * const *expected_ids,
                      const char * const *expected_names)
{
  JsonArray *evidence = json_object_get_array_member (credential, "evidence");
  JsonObject *first;
  guint n = g_strv_length ((char **) expected_ids);

  g_assert_nonnull (evidence);
  g_assert_cmpuint (json_array_get_length (evidence), ==, 1 + n);
  first = json_array_get_object_element (evidence, 0);
  g_assert_false (json_object_has_member (first, "id"));
  g_assert_nonnull (strstr (json_object_get_string_member (first, "narrative"), "Privacy lead"));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_array_get_object_element (evidence, 1 + i);
      JsonArray *types = json_object_get_array_member (entry, "type");

      g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, expected_ids[i]);
      g_assert_cmpuint (json_array_get_length (types), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (types, 0), ==, "Evidence");
      g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, expected_names[i]);
      g_assert_nonnull (json_object_get_string_member (entry, "narrative"));
    }
}

/* How the goal badge is signed, and what the offline verifier says. */
typedef struct
{
  RosetteKeyAlgorithm   algorithm;
  const char           *url;
  RosetteIssueProof     proof;
  RosetteVerifyVerdict  verdict;
} IssueCase;

/* A did:key P-256 VC-JWT with a publish base: the proof checks offline,
 * but the status list cannot be fetched ("could not fully verify"). */
static const IssueCase vc_jwt_case = {
  ROSETTE_KEY_ALGORITHM_P256, "https://acme.example", ROSETTE_ISSUE_PROOF_VC_JWT,
  ROSETTE_VERIFY_VERDICT_INCOMPLETE,
};

/* Data Integrity (eddsa-rdfc-2022): the Evidence entries survive JSON-LD
 * safe mode and canonicalisation; no publish base, so no status list and
 * fully valid offline. */
static const IssueCase data_integrity_case = {
  ROSETTE_KEY_ALGORITHM_ED25519, NULL, ROSETTE_ISSUE_PROOF_DATA_INTEGRITY,
  ROSETTE_VERIFY_VERDICT_VALID,
};

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  const IssueCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestIssuing) t = test_issuing_new (c->algorithm, NULL, c->url);
  g_autofree char *out_path = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(RosettePathway) pathway = NULL;
  g_autoptr(RosetteBatchSummary) first = NULL;
  g_autoptr(RosetteBatchSummary) second = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *practitioner = NULL;
  g_autofree char *security = NULL;
  g_autoptr(JsonObject) credential = NULL;
  RosettePathwayProgress *ana;
  RosetteAwardContext context = {
    .registry = f->registry,
    .issuer = t->issuer,
    .family = t->family,
    .output_dir = out,
    .proof = c->proof,
    .format = ROSETTE_ISSUE_FORMAT_PNG,
    .include_names = TRUE,
    .key = t->key,
    .record = t->record,
  };

  /* Data Privacy Expert for Practitioner plus any Security badge. */
  pathway = rosette_pathway_new ("Privacy lead", t->family, "Expert", &error);
  g_assert_no_error (error);
  /* In the goal's family, "Foundation or higher" stops below the goal. */
  g_assert_true (rosette_pathway_add_requirement (pathway, t->family, "Foundation", &error));
  g_assert_cmpstr (((RosettePathwayRequirement *) g_ptr_array_index (pathway->requirements, 0))->tiers[1],
                   ==, "practitioner");
  g_assert_null (((RosettePathwayRequirement *) g_ptr_array_index (pathway->requirements, 0))->tiers[2]);
  rosette_pathway_add_requirement_slugs (pathway, "security", NULL);
  g_assert_true (rosette_pathway_validate (pathway, &error));

  practitioner = add_badge (f, "ana@acme.example", "data-privacy", "practitioner",
                            "2026-01-10T00:00:00Z", NULL);
  security = add_badge (f, "ana@acme.example", "security", "foundation", "2026-02-10T00:00:00Z", NULL);
  g_free (add_badge (f, "ben@acme.example", "data-privacy", "practitioner", "2026-01-10T00:00:00Z", NULL));

  first = rosette_pathway_issue_sync (pathway, &context, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->issued, ==, 1);
  g_assert_cmpuint (first->failed, ==, 0);
  g_assert_cmpstr (first->batch_id, ==, "pathway-privacy-lead");

  rows = rosette_pathway_evaluate (pathway, f->registry, NULL, &error);
  ana = find_progress (rows, "ana@acme.example");
  g_assert_cmpint (ana->state, ==, ROSETTE_PATHWAY_STATE_COMPLETED);
  g_assert_nonnull (ana->goal_credential_id);
  assert_state (rows, "ben@acme.example", ROSETTE_PATHWAY_STATE_ONE_STEP);

  {
    g_autoptr(RosetteIssuedRecord) record = rosette_registry_lookup (f->registry,
                                                                     ana->goal_credential_id,
                                                                     NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rosette_issued_record_get_tier_slug (record), ==, "expert");
    credential = test_issuing_read_baked (rosette_issued_record_get_files (record)[0], NULL);
    g_assert_cmpint (verify_badge (rosette_issued_record_get_files (record)[0]), ==, c->verdict);
  }
  {
    const char * const ids[] = { practitioner, security, NULL };
    const char * const names[] = { "data-privacy — practitioner", "security — foundation", NULL };

    assert_goal_evidence (credential, ids, names);
  }

  /* Nobody else qualifies, and Ana is not issued twice. */
  second = rosette_pathway_issue_sync (pathway, &context, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->issued, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/rosette/pathways/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("all-of", test_all_of);
  ADD ("n-of", test_n_of);
  ADD ("expired", test_expired);
  ADD ("revoked", test_revoked);
  ADD ("ladder", test_ladder);
  ADD ("validate", test_validate);
  ADD ("json-how-to-earn", test_json_and_how_to_earn);
#undef ADD
  g_test_add ("/rosette/pathways/issue", Fixture, &vc_jwt_case, fixture_set_up, test_issue,
              fixture_tear_down);
  g_test_add ("/rosette/pathways/issue-data-integrity", Fixture, &data_integrity_case,
              fixture_set_up, test_issue, fixture_tear_down);

  return g_test_run ();
}
