/* rosette-verify-checks.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The checks after the credential is read, in the order of SPEC.md §5:
 * structure, proof, issuer, validity window, revocation, recipient. Each
 * sets exactly one result on the report, with a sentence a recipient can
 * read. "Failed" means the badge is shown to be wrong; "not checked"
 * means something was missing (the network, an email address), and only
 * some of those keep the verdict from "Valid".
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-credential.h"
#include "rosette-data-integrity.h"
#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-jsonld-terms.h"
#include "rosette-recipient.h"
#include "rosette-verify-private.h"

#define OB3_CONTEXT_PREFIX "https://purl.imsglobal.org/spec/ob/v3p0/context"

static void
set_check (VerifyRun              *run,
           RosetteVerifyCheckKind  kind,
           RosetteVerifyState      state,
           gboolean                blocks,
           const char             *explanation)
{
  _rosette_verify_report_set_check (run->report, kind, state, blocks, explanation);
}

GBytes *
_rosette_verify_run_fetch (VerifyRun   *run,
                           const char  *url,
                           const char  *accept,
                           guint       *status,
                           GError     **error)
{
  if (run->fetcher == NULL)
    run->fetcher = _rosette_verify_fetcher_new (run->allow_loopback, run->cache_dir);
  return _rosette_verify_fetch (run->fetcher, url, accept, status, run->cancellable, error);
}

static GDateTime *
parse_date (JsonObject *object,
            const char *name)
{
  const char *text = _rosette_verify_string_member (object, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Structure */

static gboolean
context_list_has (JsonNode   *context,
                  const char *prefix,
                  gboolean    first_only)
{
  if (context == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (context))
    return json_node_get_value_type (context) == G_TYPE_STRING &&
           g_str_has_prefix (json_node_get_string (context), prefix);
  if (!JSON_NODE_HOLDS_ARRAY (context))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (context)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (context), i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          g_str_has_prefix (json_node_get_string (item), prefix))
        return TRUE;
      if (first_only)
        return FALSE;
    }
  return FALSE;
}

/* The credential without the JWT claims that sit beside it in a VC-JWT
 * payload (they are not JSON-LD terms). */
static JsonNode *
credential_for_terms (VerifyRun *run)
{
  static const char *const jwt_claims[] = { "iss", "sub", "jti", "nbf", "exp", "iat", "aud" };
  JsonObject *copy = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, run->credential);
  while (json_object_iter_next (&iter, &name, &value))
    {
      gboolean claim = FALSE;

      for (guint i = 0; run->claims == run->credential && i < G_N_ELEMENTS (jwt_claims); i++)
        claim |= strcmp (name, jwt_claims[i]) == 0;
      if (!claim)
        json_object_set_member (copy, name, json_node_ref (value));
    }
  json_node_take_object (node, copy);
  return node;
}

static const char *
ob3_structure_problem (VerifyRun *run)
{
  JsonObject *c = run->credential;
  JsonNode *context = json_object_get_member (c, "@context");
  JsonObject *subject = _rosette_verify_object_member (c, "credentialSubject");
  JsonObject *achievement = _rosette_verify_object_member (subject, "achievement");
  g_autoptr(GDateTime) valid_from = parse_date (c, run->vcdm11 ? "issuanceDate" : "validFrom");

  if (!context_list_has (context, run->vcdm11 ? ROSETTE_CONTEXT_CREDENTIALS_V1
                                              : ROSETTE_CONTEXT_VC_V2, TRUE))
    return _("The first “@context” is not the Verifiable Credentials context");
  if (!context_list_has (context, OB3_CONTEXT_PREFIX, FALSE))
    return _("The “@context” does not include the Open Badges 3.0 context");
  if (!_rosette_verify_has_type (json_object_get_member (c, "type"), "VerifiableCredential"))
    return _("Its “type” is not an OpenBadgeCredential");
  /* OB 3.0 §EndorsementCredential: one organisation vouching for another's
   * achievement or profile; its subject is what is endorsed, with no
   * achievement of its own. */
  if (_rosette_verify_has_type (json_object_get_member (c, "type"), "EndorsementCredential"))
    {
      if (_rosette_verify_node_id (json_object_get_member (c, "issuer")) == NULL)
        return _("It names no issuer");
      if (valid_from == NULL)
        return _("It has no valid “validFrom” (a date and time with a time zone)");
      if (subject == NULL || _rosette_verify_string_member (subject, "id") == NULL ||
          !_rosette_verify_has_type (json_object_get_member (subject, "type"), "EndorsementSubject"))
        return _("Its subject does not name what it endorses");
      return NULL;
    }
  if (!(_rosette_verify_has_type (json_object_get_member (c, "type"), "OpenBadgeCredential") ||
        _rosette_verify_has_type (json_object_get_member (c, "type"), "AchievementCredential")))
    return _("Its “type” is not an OpenBadgeCredential");
  if (_rosette_verify_node_id (json_object_get_member (c, "issuer")) == NULL)
    return _("It names no issuer");
  if (valid_from == NULL)
    return run->vcdm11 ? _("It has no valid “issuanceDate” (a date and time with a time zone)")
                       : _("It has no valid “validFrom” (a date and time with a time zone)");
  if (json_object_has_member (c, run->vcdm11 ? "expirationDate" : "validUntil"))
    {
      g_autoptr(GDateTime) until = parse_date (c, run->vcdm11 ? "expirationDate" : "validUntil");

      if (until == NULL)
        return _("Its expiry date is not a date and time with a time zone");
    }
  if (subject == NULL)
    return _("It has no “credentialSubject”");
  if (achievement == NULL || _rosette_verify_string_member (achievement, "id") == NULL ||
      _rosette_verify_string_member (achievement, "name") == NULL ||
      json_object_get_member (achievement, "criteria") == NULL)
    return _("Its achievement lacks an id, a name or criteria");
  return NULL;
}

static const char *
ob2_structure_problem (VerifyRun *run)
{
  JsonObject *c = run->credential;
  JsonObject *recipient = _rosette_verify_object_member (c, "recipient");
  JsonObject *verification = _rosette_verify_object_member (c, "verification");
  g_autoptr(GDateTime) issued = parse_date (c, "issuedOn");

  if (verification == NULL)
    verification = _rosette_verify_object_member (c, "verify");
  if (!context_list_has (json_object_get_member (c, "@context"), ROSETTE_CONTEXT_OB_V2, FALSE))
    return _("The “@context” is not the Open Badges 2.0 context");
  if (!_rosette_verify_has_type (json_object_get_member (c, "type"), "Assertion"))
    return _("Its “type” is not Assertion");
  if (_rosette_verify_string_member (c, "id") == NULL)
    return _("It has no “id”");
  if (recipient == NULL || _rosette_verify_string_member (recipient, "identity") == NULL)
    return _("It names no recipient");
  if (_rosette_verify_node_id (json_object_get_member (c, "badge")) == NULL)
    return _("It names no badge");
  if (verification == NULL || _rosette_verify_string_member (verification, "type") == NULL)
    return _("It has no “verification”");
  if (issued == NULL)
    {
      /* OB 2.0 allows a date without a time zone only as a legacy. */
      return _("It has no valid “issuedOn” (a date and time with a time zone)");
    }
  return NULL;
}

void
_rosette_verify_check_structure (VerifyRun *run)
{
  g_autoptr(JsonNode) for_terms = NULL;
  g_autoptr(GHashTable) contexts = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  problem = run->ob2 ? ob2_structure_problem (run) : ob3_structure_problem (run);
  if (problem != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This is not a well-formed Open Badge: %s."),
                                               problem);

      set_check (run, ROSETTE_VERIFY_CHECK_STRUCTURE, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
      return;
    }

  for_terms = credential_for_terms (run);
  contexts = _rosette_verify_contexts_for (run->credential);
  /* The OB 2.0 context is read from the data folder, not compiled in: an
   * uninstalled run without it skips the term check rather than fail. */
  if (!(run->ob2 && !g_hash_table_contains (contexts, ROSETTE_CONTEXT_OB_V2)) &&
      !rosette_jsonld_check_terms (for_terms, contexts, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The credential does not follow its "
                                                 "vocabulary: %s."), error->message);

      set_check (run, ROSETTE_VERIFY_CHECK_STRUCTURE, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
      return;
    }

  set_check (run, ROSETTE_VERIFY_CHECK_STRUCTURE, ROSETTE_VERIFY_STATE_PASSED, TRUE,
             run->ob2 ? _("It has everything an Open Badges 2.0 assertion needs.")
                      : _("It has everything an Open Badges 3.0 credential needs, and every "
                          "property is defined by its contexts."));
}

/* Credential schema */

/* The Open Badges 3.0 JSON Schemas (1EdTech's ids, old and new); what they
 * require of a credential is what the structure check tests. */
static const char *const known_schemas[] = {
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json",
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential-jsonschema1.json",
};

static gboolean
schema_known (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_schemas); i++)
    if (g_strcmp0 (id, known_schemas[i]) == 0)
      return TRUE;
  return FALSE;
}

void
_rosette_verify_check_schema (VerifyRun *run)
{
  JsonNode *schemas = run->ob2 ? NULL : json_object_get_member (run->credential, "credentialSchema");
  RosetteVerifyState structure =
    rosette_verify_check_get_state (rosette_verify_report_get_check (run->report, ROSETTE_VERIFY_CHECK_STRUCTURE));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *text = NULL;

  if (schemas == NULL)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_SCHEMA, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("The badge names no schema; its structure was checked all the same."));
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (schemas))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (schemas)) && i < 8; i++)
      g_ptr_array_add (items, json_array_get_element (json_node_get_array (schemas), i));
  else
    g_ptr_array_add (items, schemas);

  for (guint i = 0; i < items->len; i++)
    {
      const char *id = _rosette_verify_node_id (items->pdata[i]);

      if (id == NULL)
        {
          set_check (run, ROSETTE_VERIFY_CHECK_SCHEMA, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                     _("The badge names a schema without an address."));
          return;
        }
      if (!schema_known (id))
        {
          text = g_strdup_printf (_("The badge names the schema %s, which Rosette does not know, "
                                    "so it was not checked against it (schemas are never "
                                    "fetched)."), id);
          set_check (run, ROSETTE_VERIFY_CHECK_SCHEMA, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE, text);
          return;
        }
    }
  if (structure != ROSETTE_VERIFY_STATE_PASSED)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_SCHEMA, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                 _("The badge does not have what the Open Badges 3.0 schema it names requires "
                   "(see the structure check)."));
      return;
    }
  set_check (run, ROSETTE_VERIFY_CHECK_SCHEMA, ROSETTE_VERIFY_STATE_PASSED, TRUE,
             _("The badge names the Open Badges 3.0 schema, and has what it requires."));
}

/* Proof */

/* The key binding: a signature only counts if the key is the issuer's. */
static gboolean
key_belongs_to_issuer (VerifyRun  *run,
                       RosetteKey *key,
                       char      **problem)
{
  switch (run->key_source)
    {
    case KEY_SOURCE_TRUSTED:
      return TRUE;
    case KEY_SOURCE_DID_KEY:
    case KEY_SOURCE_DID_WEB:
      if (g_strcmp0 (run->key_controller, run->issuer_id) == 0)
        return TRUE;
      break;
    case KEY_SOURCE_HTTPS:
      if (g_strcmp0 (run->key_controller, run->issuer_id) == 0)
        return TRUE;
      break;
    case KEY_SOURCE_INLINE:
      {
        /* Only a did:key issuer can be matched with a key sent inline. */
        g_autofree char *did = rosette_key_dup_did_key (key, NULL);

        if (did != NULL && g_strcmp0 (did, run->issuer_id) == 0)
          return TRUE;
        *problem = g_strdup (_("The key travels inside the badge itself and nothing ties it to "
                               "the issuer: anyone could have made it. Trust the issuer’s public "
                               "key to check it."));
        _rosette_verify_report_set_needs_key (run->report);
        return FALSE;
      }
    case KEY_SOURCE_NONE:
    default:
      break;
    }
  *problem = g_strdup_printf (_("The badge was signed with a key that does not belong to its "
                                "issuer (%s belongs to %s)."),
                              run->key_location != NULL ? run->key_location : _("the key"),
                              run->key_controller != NULL ? run->key_controller : _("nobody named"));
  return FALSE;
}

static gboolean
alg_refused (const char  *alg,
             char       **text)
{
  if (alg == NULL)
    {
      *text = g_strdup (_("The signature names no algorithm."));
      return TRUE;
    }
  if (g_ascii_strcasecmp (alg, "none") == 0)
    {
      *text = g_strdup (_("The badge claims to need no signature (algorithm “none”): anyone "
                          "could have written it."));
      return TRUE;
    }
  if (g_str_has_prefix (alg, "HS"))
    {
      *text = g_strdup_printf (_("The badge is “signed” with a shared secret (%s), which proves "
                                 "nothing about who issued it."), alg);
      return TRUE;
    }
  if (strcmp (alg, "RS256") != 0 && strcmp (alg, "ES256") != 0 && strcmp (alg, "EdDSA") != 0)
    {
      *text = g_strdup_printf (_("The signature algorithm %s is not one Open Badges allows "
                                 "(RS256, ES256, EdDSA)."), alg);
      return TRUE;
    }
  return FALSE;
}

static void
proof_not_checked (VerifyRun  *run,
                   const char *why)
{
  set_check (run, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, why);
}

static void
proof_failed (VerifyRun  *run,
              const char *why)
{
  set_check (run, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_FAILED, TRUE, why);
}

static const char *
jwt_claim_problem (VerifyRun *run)
{
  JsonObject *subject = _rosette_verify_object_member (run->credential, "credentialSubject");
  const char *iss = _rosette_verify_string_member (run->claims, "iss");
  const char *jti = _rosette_verify_string_member (run->claims, "jti");
  const char *sub = _rosette_verify_string_member (run->claims, "sub");

  if (run->claims == NULL || run->ob2)
    return NULL;
  if (iss != NULL && g_strcmp0 (iss, run->issuer_id) != 0)
    return _("The token’s issuer (“iss”) is not the credential’s issuer.");
  if (jti != NULL && g_strcmp0 (jti, _rosette_verify_string_member (run->credential, "id")) != 0)
    return _("The token’s id (“jti”) is not the credential’s id.");
  if (sub != NULL && g_strcmp0 (sub, _rosette_verify_string_member (subject, "id")) != 0)
    return _("The token’s subject (“sub”) is not the credential’s subject.");
  return NULL;
}

static void
check_jws_proof (VerifyRun *run)
{
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *not_checked = NULL;
  g_autofree char *problem = NULL;
  const char *alg = _rosette_verify_string_member (run->jws_header, "alg");
  const char *kid = _rosette_verify_string_member (run->jws_header, "kid");
  JsonObject *jwk = _rosette_verify_object_member (run->jws_header, "jwk");
  const char *claim_problem;

  if (alg_refused (alg, &refused))
    {
      proof_failed (run, refused);
      return;
    }
  if (run->ob2)
    {
      JsonObject *verification = _rosette_verify_object_member (run->credential, "verification");

      if (verification == NULL)
        verification = _rosette_verify_object_member (run->credential, "verify");
      kid = _rosette_verify_string_member (verification, "creator");
      jwk = NULL;
    }

  key = _rosette_verify_resolve_key (run, kid, jwk, &not_checked, &error);
  if (key == NULL)
    {
      if (not_checked != NULL)
        proof_not_checked (run, not_checked);
      else
        {
          g_autofree char *text = g_strdup_printf (_("The signing key is not usable: %s."),
                                                   error->message);
          proof_failed (run, text);
        }
      return;
    }

  /* The JWS was decoded once already (read_json); what remains is the
   * algorithm binding (never trust "alg" beyond the key's own) and the
   * signature over the signing input. */
  if (g_strcmp0 (alg, rosette_key_algorithm_get_jws_name (rosette_key_get_algorithm (key))) != 0)
    {
      g_autofree char *text = g_strdup_printf (_("The signature algorithm %s does not fit the "
                                                 "issuer’s key: the badge was altered or forged."),
                                               alg);
      proof_failed (run, text);
      return;
    }
  {
    const char *last_dot = strrchr (run->jws, '.');
    g_autoptr(GBytes) signature = rosette_base64url_decode (last_dot + 1, -1, NULL);

    if (signature == NULL ||
        !rosette_key_verify (key, (const guint8 *) run->jws, last_dot - run->jws, signature, NULL))
      {
        proof_failed (run, _("The signature does not match: the badge was changed after it was "
                             "signed, or signed by someone else."));
        return;
      }
  }

  if (!key_belongs_to_issuer (run, key, &problem))
    {
      if (run->key_source == KEY_SOURCE_INLINE)
        proof_not_checked (run, problem);
      else
        proof_failed (run, problem);
      return;
    }

  claim_problem = jwt_claim_problem (run);
  if (claim_problem != NULL)
    {
      proof_failed (run, claim_problem);
      return;
    }

  {
    g_autofree char *text = NULL;

    if (run->key_source == KEY_SOURCE_TRUSTED)
      text = g_strdup_printf (_("The %s signature is valid and made with the key you trusted."), alg);
    else
      text = g_strdup_printf (_("The %s signature is valid and made with the issuer’s key."), alg);
    set_check (run, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
  }
}

/* The first verification method of a proof (or proof set) that is not a
 * did:key: the DI module decodes did:key itself, others are resolved here. */
static const char *
remote_method (JsonObject *credential)
{
  JsonNode *proof = json_object_get_member (credential, "proof");
  JsonArray *proofs;

  if (proof != NULL && JSON_NODE_HOLDS_OBJECT (proof))
    {
      const char *m = _rosette_verify_string_member (json_node_get_object (proof), "verificationMethod");
      return m != NULL && !g_str_has_prefix (m, "did:key:") ? m : NULL;
    }
  if (proof == NULL || !JSON_NODE_HOLDS_ARRAY (proof))
    return NULL;
  proofs = json_node_get_array (proof);
  for (guint i = 0; i < json_array_get_length (proofs); i++)
    {
      JsonNode *item = json_array_get_element (proofs, i);
      const char *m = JSON_NODE_HOLDS_OBJECT (item)
        ? _rosette_verify_string_member (json_node_get_object (item), "verificationMethod") : NULL;

      if (m != NULL && !g_str_has_prefix (m, "did:key:"))
        return m;
    }
  return NULL;
}

/* A proof set is accepted when any one of its proofs is valid (OB 3.0
 * verification step 2); each proof is checked on its own. */
static RosetteDataIntegrityResult *
verify_any_proof (JsonObject  *credential,
                  RosetteKey  *key,
                  const char  *controller,
                  GError     **error)
{
  JsonNode *proof = json_object_get_member (credential, "proof");
  RosetteDataIntegrityResult *first = NULL;
  JsonArray *proofs;

  if (proof == NULL || !JSON_NODE_HOLDS_ARRAY (proof) ||
      json_array_get_length (json_node_get_array (proof)) < 2)
    return rosette_data_integrity_verify_full (credential, key, controller, NULL, error);

  proofs = json_node_get_array (proof);
  for (guint i = 0; i < json_array_get_length (proofs) && i < 8; i++)
    {
      g_autoptr(JsonObject) single = json_object_new ();
      RosetteDataIntegrityResult *result;
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, credential);
      while (json_object_iter_next (&iter, &name, &value))
        if (strcmp (name, "proof") != 0)
          json_object_set_member (single, name, json_node_ref (value));
      json_object_set_member (single, "proof", json_node_ref (json_array_get_element (proofs, i)));

      result = rosette_data_integrity_verify_full (single, key, controller, NULL, NULL);
      if (result != NULL && rosette_data_integrity_result_get_verified (result))
        {
          g_clear_object (&first);
          return result;
        }
      if (first == NULL)
        first = result;
      else
        g_clear_object (&result);
    }
  if (first == NULL)
    g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                         _("None of the credential’s proofs can be read"));
  return first;
}

static void
check_data_integrity_proof (VerifyRun *run)
{
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *not_checked = NULL;
  const char *method = remote_method (run->credential);
  const char *controller = NULL;
  const char * const *reasons;

  if (method != NULL || run->trusted_key != NULL)
    {
      key = _rosette_verify_resolve_key (run, method, NULL, &not_checked, &error);
      if (key == NULL && not_checked != NULL)
        {
          proof_not_checked (run, not_checked);
          return;
        }
      if (key == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The signing key is not usable: %s."),
                                                   error->message);
          proof_failed (run, text);
          return;
        }
      /* The DI module compares this controller with the issuer. */
      controller = run->key_source == KEY_SOURCE_TRUSTED ? run->issuer_id : run->key_controller;
    }

  result = verify_any_proof (run->credential, key, controller, &error);
  if (result == NULL)
    {
      proof_failed (run, error->message);
      return;
    }
  _rosette_verify_report_set_canonical (run->report,
                                        rosette_data_integrity_result_get_canonical_document (result),
                                        rosette_data_integrity_result_get_canonical_proof (result),
                                        rosette_data_integrity_result_get_document_hash (result),
                                        rosette_data_integrity_result_get_proof_hash (result));
  if (!rosette_data_integrity_result_get_verified (result))
    {
      g_autofree char *joined = NULL;

      reasons = rosette_data_integrity_result_get_reasons (result);
      joined = reasons != NULL && reasons[0] != NULL ? g_strjoinv ("; ", (char **) reasons)
                                                     : g_strdup (_("The proof is not valid"));
      {
        g_autofree char *text = g_strdup_printf ("%s.", joined);
        proof_failed (run, text);
      }
      return;
    }
  if (run->key_source == KEY_SOURCE_NONE)
    run->key_source = KEY_SOURCE_DID_KEY;
  set_check (run, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_PASSED, TRUE,
             run->key_source == KEY_SOURCE_TRUSTED
               ? _("The Data Integrity proof (eddsa-rdfc-2022) is valid and made with the key you trusted.")
               : _("The Data Integrity proof (eddsa-rdfc-2022) is valid and made with the issuer’s key."));
}

/* OB 2.0 hosted: the issuer's server is the proof. */
static void
check_hosted (VerifyRun *run)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) fetched = NULL;
  const char *id = _rosette_verify_string_member (run->credential, "id");
  guint status = 0;

  if (run->offline)
    {
      proof_not_checked (run, _("A hosted Open Badges 2.0 badge is checked against the issuer’s "
                                "copy, and Rosette is offline."));
      return;
    }
  body = _rosette_verify_run_fetch (run, id, "application/ld+json, application/json", &status, &error);
  if (body == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The issuer’s copy could not be fetched: %s"),
                                               error->message);
      proof_not_checked (run, text);
      return;
    }
  if (status == 410)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                 _("The issuer revoked this badge (its address answers “410 Gone”)."));
      proof_failed (run, _("The issuer no longer vouches for this badge."));
      return;
    }
  if (status == 200)
    fetched = _rosette_verify_parse_json (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  if (fetched == NULL || !JSON_NODE_HOLDS_OBJECT (fetched))
    {
      g_autofree char *text = g_strdup_printf (_("The issuer’s copy at %s could not be read "
                                                 "(HTTP status %u)."), id, status);
      proof_not_checked (run, text);
      return;
    }
  if (!json_node_equal (fetched, run->root))
    {
      proof_failed (run, _("The badge differs from the issuer’s copy: it was changed."));
      return;
    }
  set_check (run, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_PASSED, TRUE,
             _("The badge matches the copy the issuer hosts."));
}

void
_rosette_verify_check_proof (VerifyRun *run)
{
  switch (run->format)
    {
    case ROSETTE_VERIFY_FORMAT_OB3_VC_JWT:
    case ROSETTE_VERIFY_FORMAT_OB2_SIGNED:
      if (run->jws != NULL)
        check_jws_proof (run);
      else
        proof_failed (run, _("The badge says it is signed, but carries no signature."));
      break;
    case ROSETTE_VERIFY_FORMAT_VCDM11_OB3:
      if (run->jws != NULL)
        check_jws_proof (run);
      else if (json_object_has_member (run->credential, "proof"))
        check_data_integrity_proof (run);
      else
        proof_failed (run, _("The credential has no proof: anyone could have written it."));
      break;
    case ROSETTE_VERIFY_FORMAT_OB3_DATA_INTEGRITY:
      check_data_integrity_proof (run);
      break;
    case ROSETTE_VERIFY_FORMAT_OB2_HOSTED:
      check_hosted (run);
      break;
    case ROSETTE_VERIFY_FORMAT_OB3_UNSIGNED:
    case ROSETTE_VERIFY_FORMAT_UNKNOWN:
    default:
      proof_failed (run, _("The credential has no proof: anyone could have written it."));
      break;
    }
}

/* Issuer */

/* "host" or "host:port" of @url, lower case; NULL when it has none. */
static char *
url_origin (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *origin = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  if (g_uri_get_port (uri) > 0)
    origin = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  else
    origin = g_strdup (g_uri_get_host (uri));
  return g_ascii_strdown (origin, -1);
}

static gboolean
node_lists_string (JsonNode   *node,
                   const char *wanted,
                   gboolean    as_prefix)
{
  JsonArray *array;

  if (node == NULL || wanted == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return as_prefix ? g_str_has_prefix (wanted, json_node_get_string (node))
                     : g_ascii_strcasecmp (wanted, json_node_get_string (node)) == 0;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
    if (node_lists_string (json_array_get_element (array, i), wanted, as_prefix))
      return TRUE;
  return FALSE;
}

/* OB 2.0 hosted verification policy: the assertion's address is in the
 * issuer's hands when it shares the origin of the issuer's profile, or
 * the profile's "verification" names its origin ("allowedOrigins") or a
 * prefix of it ("startsWith"). */
static gboolean
hosted_on_issuer_origin (VerifyRun *run)
{
  const char *assertion = _rosette_verify_string_member (run->credential, "id");
  JsonObject *policy = _rosette_verify_object_member (run->ob2_profile, "verification");
  g_autofree char *origin = url_origin (assertion);
  g_autofree char *issuer_origin = url_origin (run->issuer_id);

  if (origin == NULL)
    return FALSE;
  if (policy != NULL && json_object_has_member (policy, "startsWith") &&
      !node_lists_string (json_object_get_member (policy, "startsWith"), assertion, TRUE))
    return FALSE;
  if (policy != NULL && json_object_has_member (policy, "allowedOrigins"))
    return node_lists_string (json_object_get_member (policy, "allowedOrigins"), origin, FALSE);
  return g_strcmp0 (origin, issuer_origin) == 0;
}

void
_rosette_verify_check_issuer (VerifyRun *run)
{
  g_autofree char *text = NULL;
  const char *id = run->issuer_id;
  RosetteVerifyState proof_state =
    rosette_verify_check_get_state (rosette_verify_report_get_check (run->report, ROSETTE_VERIFY_CHECK_PROOF));

  if (id == NULL && run->ob2 && run->ob2_badge == NULL)
    {
      const char *badge = _rosette_verify_node_id (json_object_get_member (run->credential, "badge"));

      if (run->offline)
        text = g_strdup (_("The badge’s description and issuer are on the web, and Rosette is offline."));
      else if (badge != NULL)
        text = g_strdup_printf (_("The badge’s description (its BadgeClass) at %s could not be "
                                  "fetched, so who issued it is unknown."), badge);
      else
        text = g_strdup (_("The badge does not name its description (BadgeClass), so who issued it "
                           "is unknown."));
      set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, text);
      return;
    }
  if (id == NULL)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                 _("The badge does not say who issued it."));
      return;
    }
  if (run->key_source == KEY_SOURCE_TRUSTED && proof_state == ROSETTE_VERIFY_STATE_PASSED)
    {
      text = g_strdup_printf (_("You vouched for %s by giving its public key."), id);
      set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
      return;
    }
  if (g_str_has_prefix (id, "did:key:"))
    {
      g_autoptr(RosetteKey) key = _rosette_verify_key_from_multikey (id + strlen ("did:key:"), NULL);

      if (key == NULL)
        {
          set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                     _("The issuer’s did:key is not a valid key."));
          return;
        }
      text = g_strdup_printf (_("The issuer is %s, a key-based identity resolved on this "
                                "computer; no web site vouches for its name."), id);
      set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
      return;
    }
  if ((run->key_source == KEY_SOURCE_DID_WEB || run->key_source == KEY_SOURCE_HTTPS) &&
      proof_state == ROSETTE_VERIFY_STATE_PASSED)
    {
      text = g_strdup_printf (_("The issuer %s publishes the signing key at %s."), id,
                              run->key_location);
      set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
      return;
    }
  if (run->format == ROSETTE_VERIFY_FORMAT_OB2_HOSTED && proof_state == ROSETTE_VERIFY_STATE_PASSED)
    {
      const char *assertion = _rosette_verify_string_member (run->credential, "id");

      if (run->ob2_profile == NULL)
        {
          text = g_strdup_printf (_("The issuer’s profile at %s could not be fetched."), id);
          set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, text);
        }
      else if (hosted_on_issuer_origin (run))
        {
          text = g_strdup_printf (_("The issuer %s hosts this badge on its own site (%s)."), id, assertion);
          set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
        }
      else
        {
          text = g_strdup_printf (_("The badge is hosted at %s, which the issuer %s does not "
                                    "allow: anyone could host it there."), assertion, id);
          set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
        }
      return;
    }
  if (run->offline)
    {
      text = g_strdup_printf (_("The issuer %s is identified on the web and Rosette is offline."), id);
      set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, text);
      return;
    }
  text = g_strdup_printf (_("Could not confirm that %s published the key that signed this badge."), id);
  set_check (run, ROSETTE_VERIFY_CHECK_ISSUER, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, text);
}

/* Validity window */

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
}

void
_rosette_verify_check_validity (VerifyRun *run)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *text = NULL;
  JsonObject *c = run->credential;

  if (run->ob2)
    {
      from = parse_date (c, "issuedOn");
      until = parse_date (c, "expires");
    }
  else if (run->vcdm11)
    {
      from = parse_date (c, "issuanceDate");
      until = parse_date (c, "expirationDate");
    }
  else
    {
      from = parse_date (c, "validFrom");
      until = parse_date (c, "validUntil");
    }
  /* A VC-JWT's "exp" counts too, when it is earlier. */
  if (run->claims != NULL && json_object_has_member (run->claims, "exp"))
    {
      JsonNode *exp = json_object_get_member (run->claims, "exp");

      if (JSON_NODE_HOLDS_VALUE (exp) && json_node_get_value_type (exp) == G_TYPE_INT64)
        {
          g_autoptr(GDateTime) e = g_date_time_new_from_unix_utc (json_node_get_int (exp));

          if (e != NULL && (until == NULL || g_date_time_compare (e, until) < 0))
            {
              g_clear_pointer (&until, g_date_time_unref);
              until = g_steal_pointer (&e);
            }
        }
    }
  _rosette_verify_report_set_dates (run->report, from, until);

  if (from == NULL)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_VALIDITY, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                 _("The badge has no valid start date."));
      return;
    }
  from_text = format_date (from);
  if (g_date_time_difference (from, run->now) > (GTimeSpan) ROSETTE_VERIFY_CLOCK_SKEW * G_TIME_SPAN_SECOND)
    {
      text = g_strdup_printf (_("The badge is not valid yet: it starts on %s."), from_text);
      set_check (run, ROSETTE_VERIFY_CHECK_VALIDITY, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
      return;
    }
  if (until != NULL)
    {
      until_text = format_date (until);
      if (g_date_time_difference (run->now, until) > (GTimeSpan) ROSETTE_VERIFY_CLOCK_SKEW * G_TIME_SPAN_SECOND)
        {
          text = g_strdup_printf (_("The badge expired on %s."), until_text);
          set_check (run, ROSETTE_VERIFY_CHECK_VALIDITY, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
          return;
        }
      text = g_strdup_printf (_("Valid from %s until %s."), from_text, until_text);
    }
  else
    {
      text = g_strdup_printf (_("Valid since %s; it does not expire."), from_text);
    }
  set_check (run, ROSETTE_VERIFY_CHECK_VALIDITY, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
}

/* Revocation */

static gboolean
parse_index (JsonNode *node,
             guint64  *index)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      if (json_node_get_int (node) < 0)
        return FALSE;
      *index = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, G_MAXUINT32, index, NULL);
  return FALSE;
}

static void
revocation_answer (VerifyRun           *run,
                   RosetteStatusAnswer  answer,
                   const char          *url,
                   const char          *reason)
{
  g_autofree char *text = NULL;

  switch (answer)
    {
    case ROSETTE_STATUS_REVOKED:
      if (reason != NULL && *reason != '\0')
        text = g_strdup_printf (_("The issuer revoked this badge: %s"), reason);
      else
        text = g_strdup (_("The issuer revoked this badge."));
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
      break;
    case ROSETTE_STATUS_NOT_REVOKED:
      text = g_strdup_printf (_("Not revoked, according to the issuer’s list at %s."), url);
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
      break;
    case ROSETTE_STATUS_UNKNOWN:
    default:
      text = g_strdup_printf (_("The issuer’s revocation list at %s could not be read: %s"),
                              url, reason != NULL ? reason : "");
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, text);
      break;
    }
}

/* When the issuer's list cannot be had, the registry of badges issued on
 * this computer knows the state of its own badges: a credential recorded
 * as issued with the same list (…/status/<list id>.json) and position,
 * by the same issuer. Only for a badge whose proof held (so signed with
 * that issuer's key), and never over a list that was fetched: a
 * credential id is public, and anyone can sign their own badge with it
 * under another issuer. TRUE after setting the check. */
static gboolean
registry_answer (VerifyRun  *run,
                 const char *url,
                 gint64      index)
{
  const char *id = _rosette_verify_string_member (run->credential, "id");
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *text = NULL;
  gint64 revoked_at;

  if (run->registry == NULL || id == NULL || index < 0 ||
      rosette_verify_check_get_state (rosette_verify_report_get_check (run->report, ROSETTE_VERIFY_CHECK_PROOF))
        != ROSETTE_VERIFY_STATE_PASSED)
    return FALSE;
  record = rosette_registry_lookup (run->registry, id, run->now, NULL);
  if (record == NULL || rosette_issued_record_get_state (record) != ROSETTE_ISSUE_STATE_ISSUED ||
      run->issuer_id == NULL ||
      g_strcmp0 (rosette_issued_record_get_issuer_identifier (record), run->issuer_id) != 0 ||
      rosette_issued_record_get_status_list_id (record) <= 0 ||
      rosette_issued_record_get_status_index (record) != (guint64) index)
    return FALSE;
  suffix = g_strdup_printf ("/status/%" G_GINT64_FORMAT ".json",
                            rosette_issued_record_get_status_list_id (record));
  if (!g_str_has_suffix (url, suffix))
    return FALSE;

  revoked_at = rosette_issued_record_get_revoked_at (record);
  if (revoked_at > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (revoked_at);
      g_autofree char *date = when != NULL ? format_date (when) : g_strdup ("?");
      const char *reason = rosette_issued_record_get_revoke_reason (record);

      if (reason != NULL && *reason != '\0')
        text = g_strdup_printf (_("Revoked on %s (%s), according to this computer’s registry of "
                                  "badges you issued."), date, reason);
      else
        text = g_strdup_printf (_("Revoked on %s, according to this computer’s registry of "
                                  "badges you issued."), date);
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
      return TRUE;
    }
  set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_PASSED, TRUE,
             _("Not revoked, according to this computer’s registry of badges you issued; "
               "the issuer’s published list could not be reached."));
  return TRUE;
}

/* Fetches @url; NULL after setting the check when it cannot (from the
 * registry for a badge issued here at @registry_index, -1 for none). */
static GBytes *
fetch_list (VerifyRun  *run,
            const char *url,
            gint64      registry_index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GBytes *body;
  guint status = 0;

  if (run->offline)
    {
      if (registry_answer (run, url, registry_index))
        return NULL;
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE,
                 _("Rosette is offline, so whether the issuer revoked this badge was not checked."));
      return NULL;
    }
  body = _rosette_verify_run_fetch (run, url, "application/json, application/ld+json, application/vc+ld+json",
                                    &status, &error);
  if (body != NULL && status == 200)
    return body;
  g_clear_pointer (&body, g_bytes_unref);
  if (g_cancellable_is_cancelled (run->cancellable))
    return NULL;
  if (registry_answer (run, url, registry_index))
    return NULL;
  if (error != NULL)
    text = g_strdup_printf (_("The issuer’s revocation list could not be fetched: %s"), error->message);
  else
    text = g_strdup_printf (_("The issuer’s revocation list at %s answered with HTTP status %u."),
                            url, status);
  set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, text);
  return NULL;
}

/* A status list only counts when it carries a valid proof by the badge's
 * own issuer: anyone who can answer for the list's address could
 * otherwise revoke or un-revoke the badge. FALSE after setting the check. */
static gboolean
status_list_trusted (VerifyRun  *run,
                     GBytes     *body,
                     const char *url)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autofree char *list_issuer = NULL;
  g_autofree char *why = NULL;
  g_autofree char *sentence = NULL;
  RosetteVerifyState state;

  g_strstrip (text);
  if (text[0] != '{' && strchr (text, '.') == NULL)
    why = g_strdup (_("It is neither JSON nor a signed credential."));
  else
    {
      state = _rosette_verify_nested (run, NULL, text, TRUE, &list_issuer, NULL, &why);
      if (state == ROSETTE_VERIFY_STATE_PASSED && g_strcmp0 (list_issuer, run->issuer_id) == 0)
        return TRUE;
      if (state == ROSETTE_VERIFY_STATE_PASSED)
        {
          g_free (why);
          why = g_strdup_printf (_("It was issued by %s, not by the badge’s issuer."),
                                 list_issuer != NULL ? list_issuer : _("nobody named"));
        }
    }
  sentence = g_strdup_printf (_("The revocation list at %s cannot be trusted, so revocation was "
                                "not checked: %s"), url, why);
  set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, sentence);
  return FALSE;
}

static void
check_status_entry (VerifyRun  *run,
                    JsonObject *entry)
{
  JsonNode *type = json_object_get_member (entry, "type");
  g_autoptr(GBytes) body = NULL;
  g_autofree char *reason = NULL;
  RosetteStatusAnswer answer;

  if (_rosette_verify_has_type (type, "BitstringStatusListEntry") ||
      _rosette_verify_has_type (type, "StatusList2021Entry"))
    {
      const char *url = _rosette_verify_string_member (entry, "statusListCredential");
      const char *purpose = _rosette_verify_string_member (entry, "statusPurpose");
      guint64 index = 0;

      if (g_strcmp0 (purpose, "revocation") != 0)
        return;
      if (url == NULL || !parse_index (json_object_get_member (entry, "statusListIndex"), &index))
        {
          set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                     _("The badge’s revocation entry has no list address or position."));
          return;
        }
      body = fetch_list (run, url, (gint64) index);
      if (body == NULL || !status_list_trusted (run, body, url))
        return;
      answer = _rosette_verify_bitstring_status (body, index, &reason);
      revocation_answer (run, answer, url, reason);
    }
  else if (_rosette_verify_has_type (type, "1EdTechRevocationList"))
    {
      const char *url = _rosette_verify_string_member (entry, "id");

      if (url == NULL)
        {
          set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                     _("The badge’s revocation entry has no list address."));
          return;
        }
      body = fetch_list (run, url, -1);
      if (body == NULL || !status_list_trusted (run, body, url))
        return;
      answer = _rosette_verify_revocation_list (body, _rosette_verify_string_member (run->credential, "id"),
                                                "revokedCredential", &reason);
      revocation_answer (run, answer, url, reason);
    }
  else
    {
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE,
                 _("The badge uses a kind of revocation list Rosette does not know."));
    }
}

void
_rosette_verify_check_revocation (VerifyRun *run)
{
  JsonNode *status;

  if (run->ob2)
    {
      JsonNode *revoked = json_object_get_member (run->credential, "revoked");
      const char *list = _rosette_verify_string_member (run->ob2_profile, "revocationList");

      if (revoked != NULL && JSON_NODE_HOLDS_VALUE (revoked) &&
          json_node_get_value_type (revoked) == G_TYPE_BOOLEAN && json_node_get_boolean (revoked))
        {
          revocation_answer (run, ROSETTE_STATUS_REVOKED, NULL,
                             _rosette_verify_string_member (run->credential, "revocationReason"));
          return;
        }
      if (list != NULL)
        {
          g_autoptr(GBytes) body = fetch_list (run, list, -1);
          g_autofree char *reason = NULL;
          RosetteStatusAnswer answer;

          if (body == NULL)
            return;
          /* The reason is filled in by the call: not in the same argument list. */
          answer = _rosette_verify_revocation_list (body, _rosette_verify_string_member (run->credential, "id"),
                                                    "revokedAssertions", &reason);
          revocation_answer (run, answer, list, reason);
          return;
        }
      if (run->ob2_profile == NULL)
        {
          set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE,
                     run->offline ? _("Rosette is offline, so the issuer’s revocation list was not checked.")
                                  : _("The issuer’s profile, which names its revocation list, could not be read."));
          return;
        }
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("The issuer publishes no revocation list, so this badge cannot be revoked."));
      return;
    }

  status = json_object_get_member (run->credential, "credentialStatus");
  if (status == NULL)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("The badge names no revocation list, so it cannot be revoked."));
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (status))
    {
      check_status_entry (run, json_node_get_object (status));
    }
  else if (JSON_NODE_HOLDS_ARRAY (status))
    {
      JsonArray *entries = json_node_get_array (status);

      for (guint i = 0; i < json_array_get_length (entries) && i < 8; i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (entries, i)))
          check_status_entry (run, json_node_get_object (json_array_get_element (entries, i)));
    }
  if (!_rosette_verify_report_has_check (run->report, ROSETTE_VERIFY_CHECK_REVOCATION))
    set_check (run, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
               _("The badge names no revocation list, so it cannot be revoked."));
}

/* Recipient */

static int
identity_matches (JsonObject *identity,
                  const char *type_member,
                  const char *hash_member,
                  const char *email)
{
  const char *type = _rosette_verify_string_member (identity, type_member);
  const char *value = _rosette_verify_string_member (identity, hash_member);
  const char *salt = _rosette_verify_string_member (identity, "salt");
  JsonNode *hashed = json_object_get_member (identity, "hashed");
  g_autofree char *computed = NULL;
  g_autofree char *lower = NULL;

  if (value == NULL || !(g_strcmp0 (type, "emailAddress") == 0 || g_strcmp0 (type, "email") == 0))
    return -1;
  lower = g_ascii_strdown (value, -1);
  if (hashed != NULL && JSON_NODE_HOLDS_VALUE (hashed) &&
      json_node_get_value_type (hashed) == G_TYPE_BOOLEAN && !json_node_get_boolean (hashed))
    return g_strcmp0 (lower, email) == 0;
  if (g_str_has_prefix (lower, "md5$"))
    {
      g_autofree char *salted = g_strconcat (email, salt, NULL);
      g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, salted, -1);

      computed = g_strconcat ("md5$", md5, NULL);
    }
  else
    {
      computed = rosette_identity_hash (email, salt);
    }
  return g_strcmp0 (lower, computed) == 0;
}

void
_rosette_verify_check_recipient (VerifyRun *run)
{
  g_autofree char *email = NULL;
  g_autofree char *text = NULL;
  int found = -1;

  if (run->recipient == NULL || *run->recipient == '\0')
    {
      set_check (run, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("Enter your email address to check that this badge was issued to you."));
      return;
    }
  email = rosette_email_normalize (run->recipient);

  if (run->ob2)
    {
      found = identity_matches (_rosette_verify_object_member (run->credential, "recipient"),
                                "type", "identity", email);
    }
  else
    {
      JsonObject *subject = _rosette_verify_object_member (run->credential, "credentialSubject");
      JsonNode *identifiers = subject != NULL ? json_object_get_member (subject, "identifier") : NULL;

      if (identifiers != NULL && JSON_NODE_HOLDS_OBJECT (identifiers))
        found = identity_matches (json_node_get_object (identifiers), "identityType", "identityHash", email);
      else if (identifiers != NULL && JSON_NODE_HOLDS_ARRAY (identifiers))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (identifiers)) && found != 1; i++)
          {
            JsonNode *item = json_array_get_element (json_node_get_array (identifiers), i);

            if (JSON_NODE_HOLDS_OBJECT (item))
              found = MAX (found, identity_matches (json_node_get_object (item), "identityType",
                                                    "identityHash", email));
          }
    }

  if (found < 0)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("The badge does not name its recipient by email address, so it cannot be "
                   "matched with yours."));
      return;
    }
  if (found == 0)
    {
      text = g_strdup_printf (_("This badge was issued to someone else, not to %s."), email);
      set_check (run, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_FAILED, TRUE, text);
      return;
    }
  text = g_strdup_printf (_("This badge was issued to %s (compared with the salted hash it "
                            "carries; addresses are compared in lower case)."), email);
  set_check (run, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_PASSED, TRUE, text);
}

/* Endorsements */

/* Each EndorsementCredential embedded in the credential (or in its
 * achievement, or in its issuer's profile) is verified like a badge: its
 * proof and its endorser. An endorsement that does not hold up is
 * reported, but does not make the badge itself not valid. */
static void
collect_endorsements (JsonObject *object,
                      GPtrArray  *found)
{
  JsonNode *list = object != NULL ? json_object_get_member (object, "endorsement") : NULL;
  JsonNode *jwts = object != NULL ? json_object_get_member (object, "endorsementJwt") : NULL;

  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
      g_ptr_array_add (found, json_array_get_element (json_node_get_array (list), i));
  else if (list != NULL && JSON_NODE_HOLDS_OBJECT (list))
    g_ptr_array_add (found, list);
  if (jwts != NULL && JSON_NODE_HOLDS_ARRAY (jwts))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (jwts)); i++)
      g_ptr_array_add (found, json_array_get_element (json_node_get_array (jwts), i));
}

#define MAX_ENDORSEMENTS 16

void
_rosette_verify_check_endorsement (VerifyRun *run)
{
  JsonObject *subject = _rosette_verify_object_member (run->credential, "credentialSubject");
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *text = NULL;
  guint passed = 0, failed = 0, total;

  if (!run->ob2)
    {
      collect_endorsements (run->credential, found);
      collect_endorsements (_rosette_verify_object_member (subject, "achievement"), found);
      collect_endorsements (_rosette_verify_object_member (run->credential, "issuer"), found);
    }
  if (found->len == 0)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_ENDORSEMENT, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("No one endorses this badge inside it."));
      return;
    }

  for (guint i = 0; i < found->len && i < MAX_ENDORSEMENTS; i++)
    {
      JsonNode *node = found->pdata[i];
      g_autofree char *endorser = NULL;
      g_autofree char *name = NULL;
      g_autofree char *why = NULL;
      RosetteVerifyState state;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        state = _rosette_verify_nested (run, NULL, json_node_get_string (node), FALSE,
                                        &endorser, &name, &why);
      else if (JSON_NODE_HOLDS_OBJECT (node) &&
               _rosette_verify_has_type (json_object_get_member (json_node_get_object (node), "type"),
                                         "EndorsementCredential"))
        state = _rosette_verify_nested (run, node, NULL, FALSE, &endorser, &name, &why);
      else
        {
          state = ROSETTE_VERIFY_STATE_FAILED;
          why = g_strdup (_("It is not an EndorsementCredential."));
        }
      _rosette_verify_report_add_endorsement (run->report, name, endorser, state, why);
      passed += state == ROSETTE_VERIFY_STATE_PASSED;
      failed += state == ROSETTE_VERIFY_STATE_FAILED;
    }

  total = MIN (found->len, MAX_ENDORSEMENTS);
  if (failed > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u endorsements does not hold up: it was changed "
                                         "or not signed by its endorser.",
                                         "%u of %u endorsements do not hold up: they were changed "
                                         "or not signed by their endorsers.", failed),
                            failed, total);
  else if (passed < total)
    text = g_strdup_printf (_("%u of %u endorsements could not be checked."), total - passed, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u endorsement, signed by its endorser.",
                                         "%u endorsements, each signed by its endorser.",
                                         passed), passed);
  /* A forged endorsement is a false claim inside a signed badge: it fails
   * the badge. One that cannot be checked (offline) does not hold the
   * verdict back: endorsements speak for others, not for the issuer. */
  set_check (run, ROSETTE_VERIFY_CHECK_ENDORSEMENT,
             failed > 0 ? ROSETTE_VERIFY_STATE_FAILED
                        : passed == total ? ROSETTE_VERIFY_STATE_PASSED
                                          : ROSETTE_VERIFY_STATE_NOT_CHECKED,
             FALSE, text);
}

/* Refresh service */

void
_rosette_verify_check_refresh (VerifyRun *run)
{
  JsonObject *refresh = run->ob2 ? NULL : _rosette_verify_object_member (run->credential, "refreshService");
  const char *id = _rosette_verify_string_member (refresh, "id");
  g_autofree char *text = NULL;

  if (refresh == NULL)
    {
      set_check (run, ROSETTE_VERIFY_CHECK_REFRESH, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE,
                 _("The badge names no refresh service."));
      return;
    }
  text = g_strdup_printf (_("The issuer offers a newer copy of this badge at %s; Rosette "
                            "reports it but never fetches it while verifying."),
                          id != NULL ? id : _("an address it does not give"));
  set_check (run, ROSETTE_VERIFY_CHECK_REFRESH, ROSETTE_VERIFY_STATE_NOT_CHECKED, FALSE, text);
}
