/* test-credential.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Achievements, recipients and the OB 3.0 / OB 2.0 credential JSON: what
 * a verifier, a wallet or the 1EdTech validator would look at. Signing is
 * in test-jws.c, the JSON Schema check in tests/interop.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"

static GHashTable *contexts;

static JsonObject *
member_object (JsonObject *object,
               const char *first,
               ...)
{
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      JsonNode *node = json_object_get_member (object, name);

      g_assert_nonnull (node);
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), 0);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      object = json_node_get_object (node);
    }
  va_end (args);

  return object;
}

static char *
to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
test_identity_hash (void)
{
  g_autofree char *hash = rosette_identity_hash ("a@example.com", "Kosher");
  g_autofree char *unsalted = rosette_identity_hash ("mayze", NULL);
  g_autofree char *normal = rosette_email_normalize ("  Ana.Lima@Example.COM \n");

  /* The worked examples of the OB 3.0 and OB 2.0 specifications. */
  g_assert_cmpstr (hash, ==, "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
  g_assert_true (g_str_has_prefix (unsalted, "sha256$7a1a1b3f"));
  g_assert_true (g_str_has_suffix (unsalted, "60c6"));
  g_assert_cmpstr (normal, ==, "ana.lima@example.com");
}

static void
test_email_check (void)
{
  static const char * const good[] = { "ana@example.com", " Ana@Example.com ", "a.b+c@d.example", NULL };
  static const char * const bad[] = { "", "ana", "ana@", "@example.com", "ana@@example.com",
                                      "ana lima@example.com", "ana@example.com.", "a@b@c", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rosette_email_check (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (rosette_email_check (bad[i], &error));
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
    }
  g_assert_false (rosette_email_check (NULL, NULL));
}

static void
test_achievement_defaults (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  RosetteTier *tier = rosette_family_get_tier (t->family, 1);
  g_autoptr(RosetteAchievement) again = rosette_achievement_new_for_tier (t->family, tier,
                                                                          rosette_issuer_get_id (t->issuer), NULL);
  g_autoptr(RosetteAchievement) other_tier =
    rosette_achievement_new_for_tier (t->family, rosette_family_get_tier (t->family, 2),
                                      rosette_issuer_get_id (t->issuer), NULL);
  g_autoptr(RosetteAchievement) other_issuer =
    rosette_achievement_new_for_tier (t->family, tier, "8a3c5b0e-0000-4000-8000-000000000001", NULL);
  const char *id = rosette_achievement_get_id (t->achievement);
  const char * const *tags = rosette_achievement_get_tags (t->achievement);
  const char * const *levels = rosette_achievement_get_tier_levels (t->achievement);
  g_autofree char *expected_name = g_strdup_printf ("Data Privacy — %s", rosette_tier_get_name (tier));

  /* urn:uuid, name-based (version 5), stable for the same issuer, family and tier. */
  g_assert_true (g_str_has_prefix (id, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (id + strlen ("urn:uuid:")));
  g_assert_cmpint (id[strlen ("urn:uuid:") + 14], ==, '5');
  g_assert_cmpstr (rosette_achievement_get_id (again), ==, id);
  g_assert_cmpstr (rosette_achievement_get_id (other_tier), !=, id);
  g_assert_cmpstr (rosette_achievement_get_id (other_issuer), !=, id);
  /* One ResultDescription per family: the tiers share it. */
  g_assert_cmpstr (rosette_achievement_get_result_description_id (other_tier), ==,
                   rosette_achievement_get_result_description_id (t->achievement));

  g_assert_cmpstr (rosette_achievement_get_name (t->achievement), ==, expected_name);
  g_assert_cmpstr (rosette_achievement_get_achievement_type (t->achievement), ==, "Badge");
  g_assert_true (g_strv_contains (tags, rosette_tier_get_name (tier)));
  g_assert_true (g_strv_contains (tags, "compliance"));
  g_assert_cmpuint (rosette_achievement_get_tier_rank (t->achievement), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) levels), ==, rosette_family_get_n_tiers (t->family));
  g_assert_cmpstr (levels[1], ==, rosette_tier_get_name (tier));
  g_assert_nonnull (strstr (rosette_achievement_get_description (t->achievement),
                            rosette_tier_get_name (tier)));
}

static void
test_achievement_url_ids (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, "https://acme.example/badges/issuer.json",
                                               "https://acme.example/");
  const char *id = rosette_achievement_get_id (t->achievement);
  g_autofree char *tier_slug = rosette_tier_dup_slug (rosette_family_get_tier (t->family, 1));
  g_autofree char *expected = g_strdup_printf ("https://acme.example/badges/achievements/data-privacy/%s.json",
                                               tier_slug);
  g_autofree char *expected_class = g_strdup_printf ("https://acme.example/badges/badges/data-privacy/%s.json",
                                                     tier_slug);

  g_assert_cmpstr (id, ==, expected);
  g_assert_cmpstr (rosette_achievement_get_badge_class_id (t->achievement), ==, expected_class);
}

static void
test_achievement_criteria_required (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  rosette_achievement_set_criteria (t->achievement, "  \n ");
  node = rosette_achievement_build_ob3 (t->achievement, &error);
  g_assert_null (node);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "criteria"));
  g_clear_error (&error);

  /* The credential cannot be built either. */
  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_null (node);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_achievement_type (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rosette_achievement_set_achievement_type (t->achievement, "Certificate", &error));
  g_assert_cmpstr (rosette_achievement_get_achievement_type (t->achievement), ==, "Certificate");
  g_assert_true (rosette_achievement_set_achievement_type (t->achievement, "ext:SafetyDrill", &error));
  g_assert_no_error (error);

  g_assert_false (rosette_achievement_set_achievement_type (t->achievement, "Trophy", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_achievement_set_achievement_type (t->achievement, "ext:", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_cmpstr (rosette_achievement_get_achievement_type (t->achievement), ==, "ext:SafetyDrill");
  g_assert_true (g_strv_contains (rosette_achievement_list_types (), "MicroCredential"));
}

static void
test_achievement_ob3 (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *achievement;
  JsonObject *alignment;
  JsonObject *levels;
  JsonArray *allowed;
  const char *tier = rosette_achievement_get_tier_name (t->achievement);

  rosette_achievement_set_criteria_url (t->achievement, "https://acme.example/criteria/privacy");
  rosette_achievement_set_alignment (t->achievement, "Data protection", "https://esco.example/skill/42",
                                     "ESCO", "S1.2.3");
  node = rosette_achievement_build_ob3 (t->achievement, &error);
  g_assert_no_error (error);
  achievement = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (achievement, "id"), ==,
                   rosette_achievement_get_id (t->achievement));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (achievement, "type"), 0),
                   ==, "Achievement");
  g_assert_cmpstr (json_object_get_string_member (achievement, "achievementType"), ==, "Badge");
  g_assert_cmpstr (json_object_get_string_member (member_object (achievement, "criteria", NULL), "narrative"),
                   ==, rosette_achievement_get_criteria (t->achievement));
  g_assert_cmpstr (json_object_get_string_member (member_object (achievement, "criteria", NULL), "id"),
                   ==, "https://acme.example/criteria/privacy");
  g_assert_cmpstr (json_object_get_string_member (member_object (achievement, "image", NULL), "type"),
                   ==, "Image");

  alignment = member_object (achievement, "alignment", NULL);
  g_assert_cmpstr (json_object_get_string_member (alignment, "targetName"), ==, "Data protection");
  g_assert_cmpstr (json_object_get_string_member (alignment, "targetUrl"), ==, "https://esco.example/skill/42");
  g_assert_cmpstr (json_object_get_string_member (alignment, "targetFramework"), ==, "ESCO");
  g_assert_cmpstr (json_object_get_string_member (alignment, "targetCode"), ==, "S1.2.3");

  /* The tier is in the data: a tag, and the levels with this one required. */
  levels = member_object (achievement, "resultDescription", NULL);
  allowed = json_object_get_array_member (levels, "allowedValue");
  g_assert_cmpuint (json_array_get_length (allowed), ==, rosette_family_get_n_tiers (t->family));
  g_assert_cmpstr (json_array_get_string_element (allowed, 1), ==, tier);
  g_assert_cmpstr (json_object_get_string_member (levels, "requiredValue"), ==, tier);
  g_assert_cmpstr (json_object_get_string_member (levels, "resultType"), ==, "PerformanceLevel");

  /* An alignment needs its URL. */
  rosette_achievement_set_alignment (t->achievement, "Data protection", NULL, NULL, NULL);
  g_assert_false (rosette_achievement_validate (t->achievement, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_badge_class (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, "https://acme.example");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *badge_class;

  node = rosette_achievement_build_badge_class (t->achievement, "https://acme.example/issuer.json", &error);
  g_assert_no_error (error);
  badge_class = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (badge_class, "@context"), ==, "https://w3id.org/openbadges/v2");
  g_assert_cmpstr (json_object_get_string_member (badge_class, "type"), ==, "BadgeClass");
  g_assert_cmpstr (json_object_get_string_member (badge_class, "id"), ==,
                   rosette_achievement_get_badge_class_id (t->achievement));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (badge_class, "id"), "https://acme.example/"));
  g_assert_cmpstr (json_object_get_string_member (badge_class, "issuer"), ==, "https://acme.example/issuer.json");
  g_assert_cmpstr (json_object_get_string_member (badge_class, "image"), ==,
                   rosette_achievement_get_image (t->achievement));
  g_assert_true (json_object_has_member (badge_class, "tags"));
  g_assert_nonnull (json_object_get_string_member (member_object (badge_class, "criteria", NULL), "narrative"));
  g_assert_true (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_no_error (error);

  /* OB 2.0 requires an image. */
  rosette_achievement_set_image (t->achievement, NULL);
  g_clear_pointer (&node, json_node_unref);
  node = rosette_achievement_build_badge_class (t->achievement, "https://acme.example/issuer.json", &error);
  g_assert_null (node);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_ob3_structure (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, " Ana.Lima@Example.com ");
  g_autoptr(RosetteCredential) second = test_issuing_credential (t, "ana.lima@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *did = rosette_key_dup_did_key (t->key, NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *hash = NULL;
  JsonObject *vc;
  JsonObject *issuer;
  JsonObject *subject;
  JsonObject *identity;
  JsonObject *result;
  JsonArray *array;

  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  vc = json_node_get_object (node);

  array = json_object_get_array_member (vc, "@context");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "https://www.w3.org/ns/credentials/v2");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==,
                   "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
  array = json_object_get_array_member (vc, "type");
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "VerifiableCredential");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "OpenBadgeCredential");
  g_assert_cmpstr (json_object_get_string_member (vc, "id"), ==, rosette_credential_get_id (credential));
  g_assert_true (g_uuid_string_is_valid (rosette_credential_get_id (credential) + strlen ("urn:uuid:")));
  g_assert_cmpstr (json_object_get_string_member (vc, "name"), ==,
                   rosette_achievement_get_name (t->achievement));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (vc, "validFrom"), 0, 0));
  g_assert_false (json_object_has_member (vc, "validUntil"));
  g_assert_false (json_object_has_member (vc, "evidence"));
  g_assert_false (json_object_has_member (vc, "credentialStatus"));
  g_assert_false (json_object_has_member (vc, "proof"));

  /* The embedded issuer Profile; in did:key mode its id is the signing key's DID. */
  issuer = member_object (vc, "issuer", NULL);
  g_assert_cmpstr (json_object_get_string_member (issuer, "id"), ==, did);
  g_assert_true (g_str_has_prefix (did, "did:key:zDn"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (issuer, "type"), 0), ==, "Profile");
  g_assert_cmpstr (json_object_get_string_member (issuer, "name"), ==, "Acme Ltd");
  g_assert_cmpstr (json_object_get_string_member (issuer, "url"), ==, "https://acme.example");
  g_assert_cmpstr (json_object_get_string_member (issuer, "email"), ==, "badges@acme.example");

  /* The recipient: a salted hash of the normalised address, and no name. */
  subject = member_object (vc, "credentialSubject", NULL);
  g_assert_cmpstr (json_object_get_string_member (subject, "id"), ==, rosette_credential_get_subject_id (credential));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (subject, "type"), 0),
                   ==, "AchievementSubject");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (subject, "identifier")), ==, 1);
  identity = member_object (subject, "identifier", NULL);
  hash = rosette_identity_hash ("ana.lima@example.com", rosette_credential_get_salt (credential));
  g_assert_cmpstr (json_object_get_string_member (identity, "type"), ==, "IdentityObject");
  g_assert_cmpstr (json_object_get_string_member (identity, "identityType"), ==, "emailAddress");
  g_assert_true (json_object_get_boolean_member (identity, "hashed"));
  g_assert_cmpstr (json_object_get_string_member (identity, "salt"), ==, rosette_credential_get_salt (credential));
  g_assert_cmpstr (json_object_get_string_member (identity, "identityHash"), ==, hash);
  g_assert_cmpuint (strlen (rosette_credential_get_salt (credential)), ==, 2 * ROSETTE_CREDENTIAL_SALT_LENGTH);
  text = to_text (node);
  g_assert_null (strstr (text, "ana.lima"));
  g_assert_null (strstr (text, "Ana Lima"));

  g_assert_cmpstr (json_object_get_string_member (member_object (subject, "achievement", NULL), "id"), ==,
                   rosette_achievement_get_id (t->achievement));
  result = member_object (subject, "result", NULL);
  g_assert_cmpstr (json_object_get_string_member (result, "value"), ==,
                   rosette_achievement_get_tier_name (t->achievement));
  g_assert_cmpstr (json_object_get_string_member (result, "resultDescription"), ==,
                   rosette_achievement_get_result_description_id (t->achievement));

  /* Random per credential, fixed per credential: the preview is what is signed. */
  g_assert_cmpstr (rosette_credential_get_salt (second), !=, rosette_credential_get_salt (credential));
  g_assert_cmpstr (rosette_credential_get_id (second), !=, rosette_credential_get_id (credential));
  g_assert_cmpstr (rosette_credential_get_subject_id (second), !=, rosette_credential_get_subject_id (credential));
  again = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  text_again = to_text (again);
  g_assert_cmpstr (text, ==, text_again);
}

static void
test_ob3_options (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 1, 9, 0, 0.75);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) until = g_date_time_new (zone, 2027, 3, 1, 11, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *vc;
  JsonObject *evidence;
  JsonObject *status;
  JsonArray *identifiers;
  JsonObject *name;

  rosette_credential_set_valid_from (credential, from);
  rosette_credential_set_valid_until (credential, until);
  rosette_credential_set_evidence (credential, "https://acme.example/work/42", "Led the **audit**.");
  rosette_credential_set_status (credential, "https://acme.example/status/1.json", 94567);
  rosette_recipient_set_include_name (rosette_credential_get_recipient (credential), TRUE);

  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  vc = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (vc, "validFrom"), ==, "2026-03-01T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (vc, "validUntil"), ==, "2027-03-01T09:00:00Z");

  evidence = member_object (vc, "evidence", NULL);
  g_assert_cmpstr (json_object_get_string_member (evidence, "id"), ==, "https://acme.example/work/42");
  g_assert_cmpstr (json_object_get_string_member (evidence, "narrative"), ==, "Led the **audit**.");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (evidence, "type"), 0), ==, "Evidence");

  status = member_object (vc, "credentialStatus", NULL);
  g_assert_cmpstr (json_object_get_string_member (status, "type"), ==, "BitstringStatusListEntry");
  g_assert_cmpstr (json_object_get_string_member (status, "id"), ==, "https://acme.example/status/1.json#94567");
  g_assert_cmpstr (json_object_get_string_member (status, "statusListIndex"), ==, "94567");
  g_assert_cmpstr (json_object_get_string_member (status, "statusPurpose"), ==, "revocation");

  /* The name only with the opt-in, as a plain IdentityObject. */
  identifiers = json_object_get_array_member (member_object (vc, "credentialSubject", NULL), "identifier");
  g_assert_cmpuint (json_array_get_length (identifiers), ==, 2);
  name = json_array_get_object_element (identifiers, 1);
  g_assert_cmpstr (json_object_get_string_member (name, "identityType"), ==, "name");
  g_assert_false (json_object_get_boolean_member (name, "hashed"));
  g_assert_cmpstr (json_object_get_string_member (name, "identityHash"), ==, "Ana Lima");

  rosette_credential_clear_status (credential);
  g_clear_pointer (&node, json_node_unref);
  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_false (json_object_has_member (json_node_get_object (node), "credentialStatus"));
}

static void
test_validation (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "not-an-address");
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_add_days (from, -1);
  g_autoptr(GError) error = NULL;
  RosetteRecipient *recipient = rosette_credential_get_recipient (credential);

  g_assert_false (rosette_credential_validate (credential, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  rosette_recipient_set_email (recipient, "ana@example.com");
  rosette_credential_set_valid_from (credential, from);
  rosette_credential_set_valid_until (credential, before);
  g_assert_false (rosette_credential_validate (credential, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  rosette_credential_set_valid_until (credential, from);
  g_assert_false (rosette_credential_validate (credential, NULL));
  rosette_credential_set_valid_until (credential, NULL);

  rosette_credential_set_evidence (credential, "javascript:alert(1)", NULL);
  g_assert_false (rosette_credential_validate (credential, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  rosette_credential_set_evidence (credential, NULL, NULL);

  rosette_recipient_set_include_name (recipient, TRUE);
  rosette_recipient_set_name (recipient, " ");
  g_assert_false (rosette_credential_validate (credential, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  rosette_recipient_set_name (recipient, "Ana");
  g_assert_true (rosette_credential_validate (credential, &error));
  g_assert_no_error (error);
}

static void
test_ob2_structure (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, NULL, NULL);
  g_autoptr(TestIssuing) hosted = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, "did:web:acme.example", NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "Ana@Example.com");
  g_autoptr(RosetteCredential) hosted_credential = test_issuing_credential (hosted, "ana@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *key_url = NULL;
  JsonObject *assertion;
  JsonObject *recipient;
  JsonObject *badge;

  /* did:key without a web site: no https place for the OB 2.0 files. */
  node = rosette_credential_build_ob2 (credential, t->issuer, t->record, &error);
  g_assert_null (node);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  /* With a site but no publish base, the BadgeClass is embedded. */
  rosette_issuer_set_url (t->issuer, "https://acme.example");
  node = rosette_credential_build_ob2 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  assertion = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (assertion, "@context"), ==, "https://w3id.org/openbadges/v2");
  g_assert_cmpstr (json_object_get_string_member (assertion, "type"), ==, "Assertion");
  g_assert_cmpstr (json_object_get_string_member (assertion, "id"), ==, rosette_credential_get_id (credential));
  recipient = member_object (assertion, "recipient", NULL);
  hash = rosette_identity_hash ("ana@example.com", rosette_credential_get_salt (credential));
  g_assert_cmpstr (json_object_get_string_member (recipient, "type"), ==, "email");
  g_assert_true (json_object_get_boolean_member (recipient, "hashed"));
  g_assert_cmpstr (json_object_get_string_member (recipient, "identity"), ==, hash);
  badge = member_object (assertion, "badge", NULL);
  g_assert_cmpstr (json_object_get_string_member (badge, "type"), ==, "BadgeClass");
  g_assert_false (json_object_has_member (badge, "@context"));
  g_assert_cmpstr (json_object_get_string_member (badge, "issuer"), ==, "https://acme.example/issuer.json");
  key_url = g_strdup_printf ("https://acme.example/keys/%s.json", rosette_key_record_get_id (t->record));
  g_assert_cmpstr (json_object_get_string_member (member_object (assertion, "verification", NULL), "type"),
                   ==, "SignedBadge");
  g_assert_cmpstr (json_object_get_string_member (member_object (assertion, "verification", NULL), "creator"),
                   ==, key_url);
  g_assert_true (json_object_has_member (assertion, "issuedOn"));
  g_assert_true (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_no_error (error);

  /* did:web: the BadgeClass is referenced by its https URL. */
  g_clear_pointer (&node, json_node_unref);
  node = rosette_credential_build_ob2 (hosted_credential, hosted->issuer, hosted->record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "badge"), ==,
                   rosette_achievement_get_badge_class_id (hosted->achievement));
  g_assert_true (g_str_has_prefix (rosette_achievement_get_badge_class_id (hosted->achievement),
                                   "https://acme.example/badges/"));
}

/* A list of evidence after the single URL + narrative: OB 3.0 Evidence
 * entries in order (id, type ["Evidence"], name, narrative), an array in
 * OB 2.0 too, every term defined; ids are http(s) URLs or URNs. */
static void
test_evidence_list (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_RSA2048, "https://acme.example",
                                               "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_evidence_free);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_evidence_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) ob2 = NULL;
  JsonArray *evidence;
  JsonObject *entry;

  g_ptr_array_add (list, rosette_evidence_new ("urn:uuid:0b7e2c9a-3f1d-4f4e-9d2a-2f6c1a7b8e01",
                                               "Data Privacy — Practitioner", "Qualifying badge"));
  g_ptr_array_add (list, rosette_evidence_new ("https://acme.example/work/7", "", "The audit."));
  rosette_credential_set_evidence (credential, "https://acme.example/work/1", "Did it.");
  rosette_credential_set_evidence_list (credential, list);
  /* A copy: changing the caller's list changes nothing. */
  g_ptr_array_set_size (list, 1);
  g_assert_cmpuint (rosette_credential_get_evidence_list (credential)->len, ==, 2);

  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  evidence = json_object_get_array_member (json_node_get_object (node), "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 3);
  entry = json_array_get_object_element (evidence, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, "https://acme.example/work/1");
  g_assert_false (json_object_has_member (entry, "name"));
  entry = json_array_get_object_element (evidence, 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==,
                   "urn:uuid:0b7e2c9a-3f1d-4f4e-9d2a-2f6c1a7b8e01");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (entry, "type"), 0),
                   ==, "Evidence");
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Data Privacy — Practitioner");
  g_assert_cmpstr (json_object_get_string_member (entry, "narrative"), ==, "Qualifying badge");
  entry = json_array_get_object_element (evidence, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, "https://acme.example/work/7");
  g_assert_false (json_object_has_member (entry, "name"));
  g_assert_true (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_no_error (error);

  ob2 = rosette_credential_build_ob2 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  evidence = json_object_get_array_member (json_node_get_object (ob2), "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (evidence, 1), "type"),
                   ==, "Evidence");
  g_assert_true (rosette_jsonld_check_terms (ob2, contexts, &error));
  g_assert_no_error (error);

  /* Only the list: no empty first entry. */
  rosette_credential_set_evidence (credential, NULL, NULL);
  g_clear_pointer (&node, json_node_unref);
  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  evidence = json_object_get_array_member (json_node_get_object (node), "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 2);

  /* Not a URL nor a URN, or nothing at all: refused with a message. */
  g_ptr_array_add (bad, rosette_evidence_new ("javascript:alert(1)", "x", NULL));
  rosette_credential_set_evidence_list (credential, bad);
  g_assert_false (rosette_credential_validate (credential, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (bad, 0);
  g_ptr_array_add (bad, rosette_evidence_new ("", NULL, ""));
  rosette_credential_set_evidence_list (credential, bad);
  g_assert_false (rosette_credential_validate (credential, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  rosette_credential_set_evidence_list (credential, NULL);
  g_assert_null (rosette_credential_get_evidence_list (credential));
  g_assert_true (rosette_credential_validate (credential, &error));
}

/* Every property and type Rosette writes is defined by the contexts. */
static void
test_terms_defined (void)
{
  static const RosetteKeyAlgorithm algorithms[] = { ROSETTE_KEY_ALGORITHM_P256, ROSETTE_KEY_ALGORITHM_ED25519 };

  for (guint i = 0; i < G_N_ELEMENTS (algorithms); i++)
    {
      g_autoptr(TestIssuing) t = test_issuing_new (algorithms[i], NULL, "https://acme.example");
      g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
      g_autoptr(GDateTime) until = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      /* Everything optional switched on. */
      rosette_issuer_set_image (t->issuer, "https://acme.example/logo.png");
      rosette_achievement_set_criteria_url (t->achievement, "https://acme.example/criteria");
      rosette_achievement_set_alignment (t->achievement, "Data protection", "https://esco.example/s/1", "ESCO", "S1");
      rosette_credential_set_valid_until (credential, until);
      rosette_credential_set_evidence (credential, "https://acme.example/work/1", "Did it.");
      rosette_credential_set_status (credential, "https://acme.example/status/1.json", 7);
      rosette_recipient_set_include_name (rosette_credential_get_recipient (credential), TRUE);

      node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
      g_assert_no_error (error);
      g_assert_true (rosette_jsonld_check_terms (node, contexts, &error));
      g_assert_no_error (error);
    }
}

/* The checker itself catches what it should: an unknown property, a term
 * that exists only in another type's scope, an unknown type, an unknown
 * context. And it accepts the 1EdTech sample. */
static void
test_terms_checker (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autofree char *sample_path = g_build_filename (TESTS_SRCDIR, "data", "ob", "samples", "simple.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *subject;

  json_parser_load_from_file (parser, sample_path, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_jsonld_check_terms (json_parser_get_root (parser), contexts, &error));
  g_assert_no_error (error);

  node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_assert_no_error (error);
  subject = json_object_get_object_member (json_node_get_object (node), "credentialSubject");

  json_object_set_string_member (subject, "favouriteColour", "green");
  g_assert_false (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "favouriteColour"));
  g_assert_nonnull (strstr (error->message, "credentialSubject"));
  g_clear_error (&error);
  json_object_remove_member (subject, "favouriteColour");

  /* "email" is a Profile term: not defined on an AchievementSubject. */
  json_object_set_string_member (subject, "email", "ana@example.com");
  g_assert_false (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  json_object_remove_member (subject, "email");

  /* "validFrom" is scoped to VerifiableCredential: not inside the subject. */
  json_object_set_string_member (subject, "validFrom", "2026-01-01T00:00:00Z");
  g_assert_false (rosette_jsonld_check_terms (node, contexts, NULL));
  json_object_remove_member (subject, "validFrom");

  json_array_add_string_element (json_object_get_array_member (subject, "type"), "Employee");
  g_assert_false (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_nonnull (strstr (error->message, "Employee"));
  g_clear_error (&error);
  json_array_remove_element (json_object_get_array_member (subject, "type"), 1);
  g_assert_true (rosette_jsonld_check_terms (node, contexts, NULL));

  json_array_add_string_element (json_object_get_array_member (json_node_get_object (node), "@context"),
                                 "https://example.com/my-context.json");
  g_assert_false (rosette_jsonld_check_terms (node, contexts, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
}

static void
test_proof_format (void)
{
  RosetteProofFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_true (rosette_proof_format_from_string ("vc-jwt", &format, NULL));
  g_assert_cmpint (format, ==, ROSETTE_PROOF_FORMAT_VC_JWT);
  g_assert_true (rosette_proof_format_from_string ("ob2", &format, NULL));
  g_assert_cmpint (format, ==, ROSETTE_PROOF_FORMAT_OB2);
  g_assert_false (rosette_proof_format_from_string ("ldp", &format, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);

  g_assert_cmpint (rosette_proof_format_get_default_algorithm (ROSETTE_PROOF_FORMAT_VC_JWT), ==,
                   ROSETTE_KEY_ALGORITHM_P256);
  g_assert_cmpint (rosette_proof_format_get_default_algorithm (ROSETTE_PROOF_FORMAT_OB2), ==,
                   ROSETTE_KEY_ALGORITHM_RSA2048);
  g_assert_true (rosette_proof_format_check_algorithm (ROSETTE_PROOF_FORMAT_VC_JWT, ROSETTE_KEY_ALGORITHM_ED25519, NULL));
  g_assert_false (rosette_proof_format_check_algorithm (ROSETTE_PROOF_FORMAT_OB2, ROSETTE_KEY_ALGORITHM_P256, NULL));
}

/* Issuing paths without a choice sign Data Integrity when they can, and
 * VC-JWT for an issuer that has no Ed25519 key rather than failing. */
static void
test_default_proof (void)
{
  g_autoptr(TestIssuing) p256 = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
  g_autoptr(TestIssuing) ed25519 = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);

  g_assert_cmpint (rosette_issue_default_proof (p256->issuer, NULL), ==,
                   ROSETTE_ISSUE_PROOF_VC_JWT);
  g_assert_cmpint (rosette_issue_default_proof (ed25519->issuer, NULL), ==,
                   ROSETTE_ISSUE_PROOF_DATA_INTEGRITY);
  /* A key given by the caller decides, whatever the keyring holds. */
  g_assert_cmpint (rosette_issue_default_proof (p256->issuer, ed25519->key), ==,
                   ROSETTE_ISSUE_PROOF_DATA_INTEGRITY);
  g_assert_cmpint (rosette_issue_default_proof (ed25519->issuer, p256->key), ==,
                   ROSETTE_ISSUE_PROOF_VC_JWT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contexts_dir = g_build_filename (TESTS_SRCDIR, "..", "data", "contexts", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  contexts = rosette_jsonld_load_contexts (contexts_dir, &error);
  g_assert_no_error (error);

  g_test_add_func ("/rosette/credential/identity-hash", test_identity_hash);
  g_test_add_func ("/rosette/credential/email-check", test_email_check);
  g_test_add_func ("/rosette/credential/achievement-defaults", test_achievement_defaults);
  g_test_add_func ("/rosette/credential/achievement-url-ids", test_achievement_url_ids);
  g_test_add_func ("/rosette/credential/achievement-criteria-required", test_achievement_criteria_required);
  g_test_add_func ("/rosette/credential/achievement-type", test_achievement_type);
  g_test_add_func ("/rosette/credential/achievement-ob3", test_achievement_ob3);
  g_test_add_func ("/rosette/credential/badge-class", test_badge_class);
  g_test_add_func ("/rosette/credential/ob3-structure", test_ob3_structure);
  g_test_add_func ("/rosette/credential/ob3-options", test_ob3_options);
  g_test_add_func ("/rosette/credential/validation", test_validation);
  g_test_add_func ("/rosette/credential/ob2-structure", test_ob2_structure);
  g_test_add_func ("/rosette/credential/evidence-list", test_evidence_list);
  g_test_add_func ("/rosette/credential/terms-defined", test_terms_defined);
  g_test_add_func ("/rosette/credential/terms-checker", test_terms_checker);
  g_test_add_func ("/rosette/credential/proof-format", test_proof_format);
  g_test_add_func ("/rosette/credential/default-proof", test_default_proof);

  status = g_test_run ();
  g_hash_table_unref (contexts);

  return status;
}
