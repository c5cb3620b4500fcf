/* test-data-integrity.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* eddsa-rdfc-2022 Data Integrity proofs: the W3C and 1EdTech vectors byte
 * for byte, the 1EdTech validator's signed samples, a did:key round trip,
 * tampering, and safe-mode refusals. */

#include "config.h"

#include "rosette-test-di.h"

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}


static RosetteKey *
onedtech_key (void)
{
  g_autofree char *text = di_test_read ("keys", "1edtech-ob-v3p0-keyPair.json", NULL);
  g_autoptr(JsonObject) pair = di_test_parse_object (text);
  g_autofree char *secret = g_strdup (json_object_get_string_member (pair,
                                        "secretKeyHex (seed||public, 64 bytes)"));
  g_autoptr(GBytes) pub = di_test_hex (json_object_get_string_member (pair, "publicKeyHex"));
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(GError) error = NULL;
  RosetteKey *key;

  secret[64] = '\0';
  seed = di_test_hex (secret);
  key = rosette_key_new_from_ed25519_raw (seed, pub, &error);
  g_assert_no_error (error);
  return key;
}

static char *
canonicalize_object (JsonObject           *object,
                     RosetteContextLoader *loader)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  char *canonical;

  json_node_set_object (node, object);
  canonical = rosette_jsonld_canonicalize (node, loader, &error);
  g_assert_no_error (error);
  return canonical;
}

static GDateTime *
parse_time (const char *text)
{
  GDateTime *time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);
  return time;
}

/* Runs one vector: both canonical forms, both hashes, the proofValue,
 * then verification of the published signed credential. */
static void
check_vector (const char           *dir,
              const char           *unsigned_name,
              const char           *options_name,
              const char           *canon_doc_name,
              const char           *canon_proof_name,
              const char           *signed_name,
              const char           *expected_proof_value,
              RosetteKey           *key,
              RosetteContextLoader *loader,
              const char           *controller,
              gboolean              expect_verified)
{
  g_autofree char *unsigned_text = di_test_read ("di", dir, unsigned_name, NULL);
  g_autofree char *options_text = di_test_read ("di", dir, options_name, NULL);
  g_autofree char *expected_doc = di_test_read ("di", dir, canon_doc_name, NULL);
  g_autofree char *expected_proof = di_test_read ("di", dir, canon_proof_name, NULL);
  g_autofree char *signed_text = di_test_read ("di", dir, signed_name, NULL);
  g_autoptr(JsonObject) credential = di_test_parse_object (unsigned_text);
  g_autoptr(JsonObject) options = di_test_parse_object (options_text);
  g_autoptr(JsonObject) signed_credential = di_test_parse_object (signed_text);
  g_autoptr(GDateTime) created = parse_time (json_object_get_string_member (options, "created"));
  g_autoptr(JsonObject) proof = NULL;
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  g_autoptr(RosetteKey) public_key = rosette_key_dup_public (key);
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical_doc = NULL;
  g_autofree char *canonical_proof = NULL;
  g_autofree char *doc_hash = NULL;
  g_autofree char *proof_hash = NULL;

  canonical_doc = canonicalize_object (credential, loader);
  g_assert_cmpstr (canonical_doc, ==, expected_doc);

  if (!json_object_has_member (options, "@context"))
    json_object_set_member (options, "@context",
                            json_node_copy (json_object_get_member (credential, "@context")));
  canonical_proof = canonicalize_object (options, loader);
  g_assert_cmpstr (canonical_proof, ==, expected_proof);

  doc_hash = sha256_hex (canonical_doc);
  proof_hash = sha256_hex (canonical_proof);

  proof = rosette_data_integrity_create_proof (credential, key,
                                               json_object_get_string_member (options,
                                                                              "verificationMethod"),
                                               created, loader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (proof, "proofValue"), ==, expected_proof_value);
  g_assert_cmpstr (json_object_get_string_member (proof, "created"), ==,
                   json_object_get_string_member (options, "created"));

  result = rosette_data_integrity_verify_full (signed_credential, public_key, controller, loader,
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_data_integrity_result_get_document_hash (result), ==, doc_hash);
  g_assert_cmpstr (rosette_data_integrity_result_get_proof_hash (result), ==, proof_hash);
  g_assert_cmpstr (rosette_data_integrity_result_get_canonical_document (result), ==, expected_doc);
  if (expect_verified)
    {
      g_assert_null (rosette_data_integrity_result_get_reasons (result)[0]);
      g_assert_true (rosette_data_integrity_result_get_verified (result));
    }
}

static void
test_w3c_vector (void)
{
  g_autoptr(RosetteContextLoader) loader = rosette_context_loader_new (ROSETTE_CONTEXT_LOADER_EXAMPLES);
  g_autoptr(RosetteKey) key = di_test_w3c_key ();
  g_autofree char *doc_hash = di_test_read ("di", "w3c", "docHashDataInt.txt", NULL);
  g_autofree char *proof_hash = di_test_read ("di", "w3c", "proofHashDataInt.txt", NULL);
  g_autofree char *proof_value = di_test_read ("di", "w3c", "sigBTC58DataInt.txt", NULL);
  g_autofree char *signed_text = di_test_read ("di", "w3c", "signedDataInt.json", NULL);
  g_autoptr(JsonObject) signed_credential = di_test_parse_object (signed_text);
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *reasons;

  check_vector ("w3c", "unsigned.json", "proofConfigDataInt.json", "canonDocDataInt.txt",
                "proofCanonDataInt.txt", "signedDataInt.json", g_strstrip (proof_value),
                key, loader, NULL, FALSE);

  /* The signature holds, but the vector's issuer is not the key's
   * controller: a credential verifier must say so (as vc.js does). */
  result = rosette_data_integrity_verify_full (signed_credential, NULL, NULL, loader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_data_integrity_result_get_document_hash (result), ==,
                   g_strstrip (doc_hash));
  g_assert_cmpstr (rosette_data_integrity_result_get_proof_hash (result), ==,
                   g_strstrip (proof_hash));
  reasons = rosette_data_integrity_result_get_reasons (result);
  g_assert_nonnull (reasons[0]);
  g_assert_null (reasons[1]);
  g_assert_nonnull (strstr (reasons[0], "issuer"));
  g_assert_false (rosette_data_integrity_result_get_verified (result));

  /* The examples context is for vectors only: production refuses it. */
  g_clear_object (&result);
  result = rosette_data_integrity_verify (signed_credential, &error);
  g_assert_no_error (error);
  g_assert_false (rosette_data_integrity_result_get_verified (result));
  g_assert_nonnull (strstr (rosette_data_integrity_result_get_reasons (result)[0],
                            "https://www.w3.org/ns/credentials/examples/v2"));
}

static void
test_1edtech_vector (void)
{
  g_autofree char *expected_text = di_test_read ("di", "1edtech", "expected.json", NULL);
  g_autoptr(JsonObject) expected = di_test_parse_object (expected_text);
  g_autoptr(RosetteKey) key = onedtech_key ();
  g_autofree char *doc = di_test_read ("di", "1edtech", "document-canon.txt", NULL);
  g_autofree char *proof = di_test_read ("di", "1edtech", "proof-canon.txt", NULL);
  g_autofree char *doc_hash = sha256_hex (doc);
  g_autofree char *proof_hash = sha256_hex (proof);

  g_assert_cmpstr (doc_hash, ==, json_object_get_string_member (expected, "documentHashHex"));
  g_assert_cmpstr (proof_hash, ==, json_object_get_string_member (expected, "proofHashHex"));

  check_vector ("1edtech", "unsigned.json", "proofOptions.json", "document-canon.txt",
                "proof-canon.txt", "signed.json",
                json_object_get_string_member (expected, "proofValue"),
                key, rosette_context_loader_get_default (),
                "https://example.edu/issuers/565049", TRUE);
}

/* The 1EdTech validator's signed samples name an https key whose
 * multibase is the URL fragment: resolve it the way a test fixture can. */
static RosetteDataIntegrityResult *
verify_sample (const char *name)
{
  g_autofree char *text = di_test_read ("di", "1edtech-validator", name, NULL);
  g_autoptr(JsonObject) credential = di_test_parse_object (text);
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *controller = NULL;
  JsonNode *proof = json_object_get_member (credential, "proof");
  JsonObject *last;
  const char *method;
  const char *hash;
  RosetteDataIntegrityResult *result;

  if (JSON_NODE_HOLDS_ARRAY (proof))
    {
      JsonArray *proofs = json_node_get_array (proof);

      last = json_array_get_object_element (proofs, json_array_get_length (proofs) - 1);
    }
  else
    {
      last = json_node_get_object (proof);
    }
  method = json_object_get_string_member (last, "verificationMethod");
  hash = strchr (method, '#');
  g_assert_nonnull (hash);
  controller = g_strndup (method, hash - method);
  key = rosette_key_new_from_multikey (hash + 1, &error);
  g_assert_no_error (error);

  result = rosette_data_integrity_verify_full (credential, key, controller, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_1edtech_samples (void)
{
  static const struct { const char *name; gboolean verified; } samples[] = {
    { "simple.json", TRUE },
    { "simple-eddsa-2022.json", TRUE },
    { "complete.json", TRUE },
    { "simple-err-proof-value.json", FALSE },
    /* Its first proof is not a Data Integrity proof at all. */
    { "simple-multiple-proofs.json", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(RosetteDataIntegrityResult) result = verify_sample (samples[i].name);
      const char * const *reasons = rosette_data_integrity_result_get_reasons (result);

      g_test_message ("%s: %s", samples[i].name, reasons[0] != NULL ? reasons[0] : "verified");
      g_assert_cmpint (rosette_data_integrity_result_get_verified (result), ==, samples[i].verified);
    }
}

static JsonObject *
badge_for (const char *issuer)
{
  g_autofree char *text = di_test_read ("di", "rosette", "badge.json", NULL);
  JsonObject *badge = di_test_parse_object (text);

  json_object_set_string_member (json_object_get_object_member (badge, "issuer"), "id", issuer);
  return badge;
}

/* Every string value of @node, as paths for tampering. */
static void
collect_strings (JsonNode  *node,
                 GPtrArray *out)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (strcmp (name, "@context") != 0 && strcmp (name, "proof") != 0)
          collect_strings (member, out);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_strings (json_array_get_element (array, i), out);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_ptr_array_add (out, node);
    }
}

static void
test_did_key_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (key, &error);
  g_autoptr(JsonObject) badge = badge_for (did);
  g_autoptr(JsonObject) signed_badge = NULL;
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autofree char *signed_text = NULL;

  g_assert_no_error (error);
  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (badge, "proof"));

  result = rosette_data_integrity_verify (signed_badge, &error);
  g_assert_no_error (error);
  g_assert_null (rosette_data_integrity_result_get_reasons (result)[0]);
  g_assert_true (rosette_data_integrity_result_get_verified (result));
  g_assert_cmpstr (rosette_data_integrity_result_get_verification_method (result), ==, method);

  /* Change any one string (outside the contexts) and the proof fails. */
  json_node_set_object (root, signed_badge);
  signed_text = json_to_string (root, FALSE);
  collect_strings (root, strings);
  g_assert_cmpuint (strings->len, >, 15);
  for (guint i = 0; i < strings->len; i++)
    {
      g_autoptr(JsonNode) copy_root = di_test_parse (signed_text);
      g_autoptr(GPtrArray) copy_strings = g_ptr_array_new ();
      g_autoptr(RosetteDataIntegrityResult) tampered = NULL;
      JsonNode *target;
      g_autofree char *changed = NULL;

      collect_strings (copy_root, copy_strings);
      target = g_ptr_array_index (copy_strings, i);
      changed = g_strconcat (json_node_get_string (target), "x", NULL);
      json_node_set_string (target, changed);

      tampered = rosette_data_integrity_verify (json_node_get_object (copy_root), &error);
      g_assert_no_error (error);
      g_assert_false (rosette_data_integrity_result_get_verified (tampered));
    }
}

static void
test_tampered_proof (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autoptr(RosetteKey) other = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (key, &error);
  g_autofree char *other_method = rosette_key_dup_did_key_method (other, &error);
  g_autoptr(JsonObject) badge = badge_for (did);
  g_autoptr(JsonObject) signed_badge = NULL;
  g_autoptr(JsonObject) by_other = NULL;
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  JsonObject *proof;

  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_no_error (error);
  proof = json_object_get_object_member (signed_badge, "proof");

  /* A later creation time is covered by the proof hash. */
  json_object_set_string_member (proof, "created", "2030-01-01T00:00:00Z");
  result = rosette_data_integrity_verify (signed_badge, &error);
  g_assert_false (rosette_data_integrity_result_get_verified (result));
  g_clear_object (&result);

  /* Another key that signs for this issuer is not the issuer's. */
  by_other = rosette_data_integrity_sign (badge, other, other_method, NULL, &error);
  g_assert_no_error (error);
  result = rosette_data_integrity_verify (by_other, &error);
  g_assert_false (rosette_data_integrity_result_get_verified (result));
  g_assert_nonnull (strstr (rosette_data_integrity_result_get_reasons (result)[0], "issuer"));
  g_clear_object (&result);

  /* No proof at all is an error, not a failed result. */
  result = rosette_data_integrity_verify (badge, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_assert_null (result);
}

/* Verifying many credentials reuses imported did:key keys: a proof is
 * still checked against the key its own verification method names. */
static void
test_key_reuse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) a = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autoptr(RosetteKey) b = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autofree char *did_a = rosette_key_dup_did_key (a, &error);
  g_autofree char *did_b = rosette_key_dup_did_key (b, &error);
  g_autofree char *method_a = rosette_key_dup_did_key_method (a, &error);
  g_autofree char *method_b = rosette_key_dup_did_key_method (b, &error);
  g_autoptr(JsonObject) badge_a = badge_for (did_a);
  g_autoptr(JsonObject) badge_b = badge_for (did_b);
  g_autoptr(JsonObject) signed_a = NULL;
  g_autoptr(JsonObject) signed_b = NULL;
  g_autoptr(JsonObject) swapped = NULL;
  g_autoptr(RosetteDataIntegrityResult) result = NULL;

  g_assert_no_error (error);
  signed_a = rosette_data_integrity_sign (badge_a, a, method_a, NULL, &error);
  g_assert_no_error (error);
  signed_b = rosette_data_integrity_sign (badge_b, b, method_b, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RosetteDataIntegrityResult) ra = rosette_data_integrity_verify (signed_a, &error);
      g_autoptr(RosetteDataIntegrityResult) rb = rosette_data_integrity_verify (signed_b, &error);

      g_assert_no_error (error);
      g_assert_true (rosette_data_integrity_result_get_verified (ra));
      g_assert_true (rosette_data_integrity_result_get_verified (rb));
    }

  /* A's signature under B's (known) verification method and issuer. */
  swapped = rosette_data_integrity_sign (badge_b, a, method_a, NULL, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_object_get_object_member (swapped, "proof"),
                                 "verificationMethod", method_b);
  result = rosette_data_integrity_verify (swapped, &error);
  g_assert_no_error (error);
  g_assert_false (rosette_data_integrity_result_get_verified (result));
  g_assert_nonnull (strstr (rosette_data_integrity_result_get_reasons (result)[0], "signature"));
}

static void
test_safe_mode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autoptr(RosetteKey) p256 = rosette_key_generate (ROSETTE_KEY_ALGORITHM_P256, &error);
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (key, &error);
  g_autoptr(JsonObject) badge = badge_for (did);
  g_autoptr(JsonObject) signed_badge = NULL;
  JsonNode *contexts;

  /* A property no context defines is never silently left unsigned. */
  json_object_set_string_member (badge, "favouriteColour", "teal");
  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNDEFINED_TERM);
  g_assert_nonnull (strstr (error->message, "favouriteColour"));
  g_assert_null (signed_badge);
  g_clear_error (&error);
  json_object_remove_member (badge, "favouriteColour");

  /* Nor an undefined type. */
  json_array_add_string_element (json_object_get_array_member (badge, "type"), "FancyBadge");
  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNDEFINED_TERM);
  g_assert_nonnull (strstr (error->message, "FancyBadge"));
  g_clear_error (&error);
  json_array_remove_element (json_object_get_array_member (badge, "type"), 2);

  /* A context outside the pinned set is never fetched. */
  contexts = json_object_get_member (badge, "@context");
  json_array_add_string_element (json_node_get_array (contexts), "https://example.com/context.json");
  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNKNOWN_CONTEXT);
  g_assert_nonnull (strstr (error->message, "https://example.com/context.json"));
  g_clear_error (&error);
  json_array_remove_element (json_node_get_array (contexts), 2);

  /* The suite is Ed25519 only. */
  signed_badge = rosette_data_integrity_sign (badge, p256, method, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_badge);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/data-integrity/w3c-vector", test_w3c_vector);
  g_test_add_func ("/rosette/data-integrity/1edtech-vector", test_1edtech_vector);
  g_test_add_func ("/rosette/data-integrity/1edtech-samples", test_1edtech_samples);
  g_test_add_func ("/rosette/data-integrity/did-key-round-trip", test_did_key_round_trip);
  g_test_add_func ("/rosette/data-integrity/tampered-proof", test_tampered_proof);
  g_test_add_func ("/rosette/data-integrity/key-reuse", test_key_reuse);
  g_test_add_func ("/rosette/data-integrity/safe-mode", test_safe_mode);

  return g_test_run ();
}
