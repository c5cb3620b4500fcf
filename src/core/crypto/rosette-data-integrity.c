/* rosette-data-integrity.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C
 * vc-di-eddsa §3.3), the embedded proof that 1EdTech certifies for
 * Open Badges 3.0:
 *
 *   proofConfig = proof options + the document's @context
 *   hashData    = SHA-256(RDFC-1.0(proofConfig)) ‖ SHA-256(RDFC-1.0(document))
 *   proofValue  = "z" + base58btc(Ed25519(hashData))
 *
 * Verification redoes this, checks the signature against the key the
 * verification method names (a did:key is resolved locally; anything
 * else needs the caller to have resolved it) and checks that the key's
 * controller is the credential's issuer. Every failure is a reason a
 * person can read; the canonical forms and hashes are kept for a
 * debugging view, as the 1EdTech validator shows them.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "rosette-data-integrity.h"
#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-jsonld.h"
#include "rosette-key.h"
#include "rosette-rdfc.h"

#define HASH_LENGTH 32
#define SIGNATURE_LENGTH 64

struct _RosetteDataIntegrityResult
{
  GObject parent_instance;

  guint      n_checked;
  GPtrArray *reasons;     /* NULL-terminated */
  char      *verification_method;
  char      *canonical_document;
  char      *canonical_proof;
  char      *document_hash;
  char      *proof_hash;
};

G_DEFINE_FINAL_TYPE (RosetteDataIntegrityResult, rosette_data_integrity_result, G_TYPE_OBJECT)

static void
rosette_data_integrity_result_finalize (GObject *object)
{
  RosetteDataIntegrityResult *self = ROSETTE_DATA_INTEGRITY_RESULT (object);

  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->verification_method, g_free);
  g_clear_pointer (&self->canonical_document, g_free);
  g_clear_pointer (&self->canonical_proof, g_free);
  g_clear_pointer (&self->document_hash, g_free);
  g_clear_pointer (&self->proof_hash, g_free);

  G_OBJECT_CLASS (rosette_data_integrity_result_parent_class)->finalize (object);
}

static void
rosette_data_integrity_result_class_init (RosetteDataIntegrityResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_data_integrity_result_finalize;
}

static void
rosette_data_integrity_result_init (RosetteDataIntegrityResult *self)
{
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->reasons, NULL);
}

static void
result_add_reason (RosetteDataIntegrityResult *self,
                   const char                 *reason)
{
  g_ptr_array_insert (self->reasons, self->reasons->len - 1, g_strdup (reason));
}

/**
 * rosette_data_integrity_result_get_verified:
 * @self: a result
 *
 * Returns: whether at least one proof was checked and every proof holds
 */
gboolean
rosette_data_integrity_result_get_verified (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), FALSE);

  return self->n_checked > 0 && self->reasons->len == 1;
}

/**
 * rosette_data_integrity_result_get_reasons:
 * @self: a result
 *
 * Returns: (transfer none) (array zero-terminated=1): why verification
 *   failed, one translated sentence each; empty when it succeeded
 */
const char * const *
rosette_data_integrity_result_get_reasons (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), NULL);

  return (const char * const *) self->reasons->pdata;
}

const char *
rosette_data_integrity_result_get_verification_method (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), NULL);
  return self->verification_method;
}

/**
 * rosette_data_integrity_result_get_canonical_document:
 * @self: a result
 *
 * Returns: (nullable): the canonical N-Quads of the document without its
 *   proof, for a debugging view (of the last proof checked)
 */
const char *
rosette_data_integrity_result_get_canonical_document (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), NULL);
  return self->canonical_document;
}

const char *
rosette_data_integrity_result_get_canonical_proof (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), NULL);
  return self->canonical_proof;
}

/**
 * rosette_data_integrity_result_get_document_hash:
 * @self: a result
 *
 * Returns: (nullable): SHA-256 of the canonical document, in hex
 */
const char *
rosette_data_integrity_result_get_document_hash (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), NULL);
  return self->document_hash;
}

const char *
rosette_data_integrity_result_get_proof_hash (RosetteDataIntegrityResult *self)
{
  g_return_val_if_fail (ROSETTE_IS_DATA_INTEGRITY_RESULT (self), NULL);
  return self->proof_hash;
}

/* The shared part of create and verify: both canonical forms and the
 * 64 bytes that are signed. */
typedef struct
{
  char   *canonical_document;
  char   *canonical_proof;
  guint8  hash_data[2 * HASH_LENGTH];
} HashData;

static void
hash_data_clear (HashData *data)
{
  g_clear_pointer (&data->canonical_document, g_free);
  g_clear_pointer (&data->canonical_proof, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HashData, hash_data_clear)

static void
sha256 (const char *text,
        guint8     *digest)
{
  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, text, strlen (text), digest) < 0)
    g_error ("SHA-256 is not available");
}

/* The credential is hashed without its "proof", the proof options
 * without "proofValue" (and with the credential's @context). */
static gboolean
compute_hash_data (JsonObject            *credential,
                   JsonObject            *options,
                   RosetteContextLoader  *loader,
                   HashData              *out,
                   GError               **error)
{
  g_autoptr(JsonNode) document_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) config_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) config = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  /* proofConfig = the options, with the document's @context. */
  json_object_iter_init (&iter, options);
  while (json_object_iter_next (&iter, &name, &member))
    if (strcmp (name, "@context") != 0 && strcmp (name, "proofValue") != 0)
      json_object_set_member (config, name, json_node_ref (member));
  if ((member = json_object_get_member (credential, "@context")) != NULL)
    json_object_set_member (config, "@context", json_node_ref (member));

  json_node_set_object (document_node, credential);
  json_node_set_object (config_node, config);

  out->canonical_proof = rosette_jsonld_canonicalize (config_node, loader, error);
  if (out->canonical_proof == NULL)
    return FALSE;
  out->canonical_document = rosette_jsonld_canonicalize_without (document_node, "proof", loader,
                                                                 error);
  if (out->canonical_document == NULL)
    return FALSE;

  sha256 (out->canonical_proof, out->hash_data);
  sha256 (out->canonical_document, out->hash_data + HASH_LENGTH);
  return TRUE;
}

static JsonObject *
object_without (JsonObject *object,
                const char *skip)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    if (strcmp (name, skip) != 0)
      json_object_set_member (copy, name, json_node_copy (member));
  return copy;
}

/**
 * rosette_data_integrity_create_proof:
 * @credential: the unsigned credential (any "proof" member is ignored)
 * @key: an Ed25519 key with its private half
 * @verification_method: the key's id, e.g. "did:key:z6Mk…#z6Mk…"
 * @created: (nullable): the proof's creation time (now if %NULL)
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @error: return location for a #GError
 *
 * Creates an eddsa-rdfc-2022 DataIntegrityProof over @credential with
 * proofPurpose assertionMethod.
 *
 * Returns: (transfer full): the proof object, proofValue included
 */
JsonObject *
rosette_data_integrity_create_proof (JsonObject            *credential,
                                     RosetteKey            *key,
                                     const char            *verification_method,
                                     GDateTime             *created,
                                     RosetteContextLoader  *loader,
                                     GError               **error)
{
  g_autoptr(JsonObject) proof = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *proof_value = NULL;
  g_auto(HashData) data = { 0 };

  g_return_val_if_fail (credential != NULL, NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);
  g_return_val_if_fail (verification_method != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rosette_key_get_algorithm (key) != ROSETTE_KEY_ALGORITHM_ED25519 ||
      !rosette_key_has_private (key))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("A Data Integrity proof needs an Ed25519 signing key"));
      return NULL;
    }

  if (created == NULL)
    created = now = g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (created);
  created_text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  proof = json_object_new ();
  json_object_set_string_member (proof, "type", ROSETTE_DATA_INTEGRITY_PROOF_TYPE);
  json_object_set_string_member (proof, "cryptosuite", ROSETTE_DATA_INTEGRITY_CRYPTOSUITE);
  json_object_set_string_member (proof, "created", created_text);
  json_object_set_string_member (proof, "verificationMethod", verification_method);
  json_object_set_string_member (proof, "proofPurpose", "assertionMethod");

  if (!compute_hash_data (credential, proof, loader, &data, error))
    return NULL;

  signature = rosette_key_sign (key, data.hash_data, sizeof data.hash_data, error);
  if (signature == NULL)
    return NULL;
  encoded = rosette_base58btc_encode (g_bytes_get_data (signature, NULL),
                                      g_bytes_get_size (signature));
  proof_value = g_strconcat ("z", encoded, NULL);
  json_object_set_string_member (proof, "proofValue", proof_value);
  return g_steal_pointer (&proof);
}

/**
 * rosette_data_integrity_sign:
 * @credential: the unsigned credential
 * @key: an Ed25519 key with its private half
 * @verification_method: the key's id, e.g. "did:key:z6Mk…#z6Mk…"
 * @created: (nullable): the proof's creation time (now if %NULL)
 * @error: return location for a #GError
 *
 * Signs @credential with the pinned contexts in safe mode: a term the
 * contexts do not define fails with %ROSETTE_ERROR_UNDEFINED_TERM.
 *
 * Returns: (transfer full): a copy of @credential with its "proof"
 */
JsonObject *
rosette_data_integrity_sign (JsonObject  *credential,
                             RosetteKey  *key,
                             const char  *verification_method,
                             GDateTime   *created,
                             GError     **error)
{
  g_autoptr(JsonObject) proof = NULL;
  JsonObject *signed_credential;

  proof = rosette_data_integrity_create_proof (credential, key, verification_method, created,
                                               NULL, error);
  if (proof == NULL)
    return NULL;

  signed_credential = object_without (credential, "proof");
  json_object_set_object_member (signed_credential, "proof", g_steal_pointer (&proof));
  return signed_credential;
}

static const char *
issuer_id (JsonObject *credential)
{
  JsonNode *issuer = json_object_get_member (credential, "issuer");

  if (issuer == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (issuer))
    {
      JsonNode *id = json_object_get_member (json_node_get_object (issuer), "id");

      return id != NULL && JSON_NODE_HOLDS_VALUE (id) ? json_node_get_string (id) : NULL;
    }
  return JSON_NODE_HOLDS_VALUE (issuer) ? json_node_get_string (issuer) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

/* Imported did:key public keys by Multikey, so that verifying many
 * credentials of one issuer decodes and imports its key once. A public
 * key is immutable, so a cached one is shared (by reference) between
 * threads. Bounded: when full, the cache starts over. */
#define KEY_CACHE_SIZE 64

static GMutex key_cache_lock;
static GHashTable *key_cache;   /* char* multikey -> RosetteKey* */

static RosetteKey *
resolve_multikey (const char  *multikey,
                  GError     **error)
{
  RosetteKey *key;

  g_mutex_lock (&key_cache_lock);
  key = key_cache != NULL ? g_hash_table_lookup (key_cache, multikey) : NULL;
  if (key != NULL)
    g_object_ref (key);
  g_mutex_unlock (&key_cache_lock);
  if (key != NULL)
    return key;

  key = rosette_key_new_from_multikey (multikey, error);
  if (key == NULL)
    return NULL;

  g_mutex_lock (&key_cache_lock);
  if (key_cache == NULL)
    key_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_size (key_cache) >= KEY_CACHE_SIZE)
    g_hash_table_remove_all (key_cache);
  g_hash_table_replace (key_cache, g_strdup (multikey), g_object_ref (key));
  g_mutex_unlock (&key_cache_lock);
  return key;
}

/* did:key:<mb>#<mb> → the key, with the DID as controller. */
static RosetteKey *
resolve_did_key (const char  *method,
                 char       **controller,
                 GError     **error)
{
  const char *hash = strchr (method, '#');
  g_autofree char *did = NULL;

  if (!g_str_has_prefix (method, "did:key:") || hash == NULL ||
      strcmp (hash + 1, method + strlen ("did:key:")) == 0 ||
      strncmp (hash + 1, method + strlen ("did:key:"), hash - method - strlen ("did:key:")) != 0 ||
      strlen (hash + 1) != (gsize) (hash - method - strlen ("did:key:")))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The verification method “%s” is not a did:key with its key as fragment"),
                   method);
      return NULL;
    }

  did = g_strndup (method, hash - method);
  *controller = g_steal_pointer (&did);
  return resolve_multikey (hash + 1, error);
}

static void
verify_one (RosetteDataIntegrityResult *result,
            JsonObject                 *credential,
            JsonObject                 *proof,
            RosetteKey                 *public_key,
            const char                 *controller,
            RosetteContextLoader       *loader)
{
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved_controller = NULL;
  g_auto(HashData) data = { 0 };
  const char *type = string_member (proof, "type");
  const char *suite = string_member (proof, "cryptosuite");
  const char *method = string_member (proof, "verificationMethod");
  const char *purpose = string_member (proof, "proofPurpose");
  const char *value = string_member (proof, "proofValue");
  const char *created = string_member (proof, "created");
  const char *issuer = issuer_id (credential);

  result->n_checked++;
  g_free (result->verification_method);
  result->verification_method = g_strdup (method);

  /* "eddsa-2022" is the name the suite had before it became
   * eddsa-rdfc-2022; the algorithm is the same. */
  if (g_strcmp0 (type, ROSETTE_DATA_INTEGRITY_PROOF_TYPE) != 0 ||
      (g_strcmp0 (suite, ROSETTE_DATA_INTEGRITY_CRYPTOSUITE) != 0 &&
       g_strcmp0 (suite, "eddsa-2022") != 0))
    {
      result_add_reason (result, _("The proof is not an eddsa-rdfc-2022 Data Integrity proof"));
      return;
    }
  if (g_strcmp0 (purpose, "assertionMethod") != 0)
    result_add_reason (result, _("The proof’s purpose is not “assertionMethod”"));
  if (created != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (created, NULL);

      if (when == NULL)
        result_add_reason (result, _("The proof’s creation time is not a valid date and time"));
    }
  if (method == NULL || value == NULL || value[0] != 'z')
    {
      result_add_reason (result,
                         _("The proof has no verification method or no multibase proof value"));
      return;
    }

  if (!compute_hash_data (credential, proof, loader, &data, &error))
    {
      result_add_reason (result, error->message);
      return;
    }
  g_free (result->canonical_document);
  result->canonical_document = g_steal_pointer (&data.canonical_document);
  g_free (result->canonical_proof);
  result->canonical_proof = g_steal_pointer (&data.canonical_proof);
  g_free (result->proof_hash);
  result->proof_hash = rosette_rdfc_hex (data.hash_data, HASH_LENGTH);
  g_free (result->document_hash);
  result->document_hash = rosette_rdfc_hex (data.hash_data + HASH_LENGTH, HASH_LENGTH);

  signature = rosette_base58btc_decode (value + 1, NULL);
  if (signature == NULL || g_bytes_get_size (signature) != SIGNATURE_LENGTH)
    {
      result_add_reason (result, _("The proof value is not a 64-byte Ed25519 signature"));
      return;
    }

  if (g_str_has_prefix (method, "did:key:"))
    {
      key = resolve_did_key (method, &resolved_controller, &error);
      if (key == NULL)
        {
          result_add_reason (result, error->message);
          return;
        }
      controller = resolved_controller;
    }
  else if (public_key != NULL)
    {
      key = g_object_ref (public_key);
    }
  else
    {
      g_autofree char *reason = g_strdup_printf (_("The key “%s” cannot be looked up offline"),
                                                 method);

      result_add_reason (result, reason);
      return;
    }

  if (rosette_key_get_algorithm (key) != ROSETTE_KEY_ALGORITHM_ED25519 ||
      !rosette_key_verify (key, data.hash_data, sizeof data.hash_data, signature, NULL))
    {
      result_add_reason (result, _("The signature does not match the credential: it was altered "
                                   "after signing, or signed with another key"));
      return;
    }

  if (controller == NULL || g_strcmp0 (controller, issuer) != 0)
    result_add_reason (result, _("The signing key does not belong to the credential’s issuer"));
}

/**
 * rosette_data_integrity_verify_full:
 * @credential: a credential with one proof or a proof set
 * @public_key: (nullable): the key of a verification method that is not
 *   a did:key, already resolved by the caller
 * @controller: (nullable): the controller of @public_key
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @error: return location for a #GError
 *
 * Verifies every Data Integrity proof of @credential.
 *
 * Returns: (transfer full): the result (which may say "not verified",
 *   with reasons), or %NULL with %ROSETTE_ERROR_NOT_FOUND when the
 *   credential carries no embedded proof at all
 */
RosetteDataIntegrityResult *
rosette_data_integrity_verify_full (JsonObject            *credential,
                                    RosetteKey            *public_key,
                                    const char            *controller,
                                    RosetteContextLoader  *loader,
                                    GError               **error)
{
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  JsonNode *proof;

  g_return_val_if_fail (credential != NULL, NULL);
  g_return_val_if_fail (public_key == NULL || ROSETTE_IS_KEY (public_key), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  proof = json_object_get_member (credential, "proof");
  if (proof == NULL || !(JSON_NODE_HOLDS_OBJECT (proof) || JSON_NODE_HOLDS_ARRAY (proof)))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                           _("The credential has no embedded proof"));
      return NULL;
    }

  result = g_object_new (ROSETTE_TYPE_DATA_INTEGRITY_RESULT, NULL);
  if (JSON_NODE_HOLDS_OBJECT (proof))
    {
      verify_one (result, credential, json_node_get_object (proof), public_key, controller, loader);
    }
  else
    {
      JsonArray *proofs = json_node_get_array (proof);

      for (guint i = 0; i < json_array_get_length (proofs); i++)
        {
          JsonNode *item = json_array_get_element (proofs, i);

          if (JSON_NODE_HOLDS_OBJECT (item))
            verify_one (result, credential, json_node_get_object (item), public_key, controller,
                        loader);
          else
            result_add_reason (result,
                               _("The credential’s proof set holds something that is not a proof"));
        }
    }

  return g_steal_pointer (&result);
}

/**
 * rosette_data_integrity_verify:
 * @credential: a credential with an eddsa-rdfc-2022 proof by a did:key
 * @error: return location for a #GError
 *
 * Verifies offline with the pinned contexts; see
 * rosette_data_integrity_verify_full().
 *
 * Returns: (transfer full): the result, or %NULL if there is no proof
 */
RosetteDataIntegrityResult *
rosette_data_integrity_verify (JsonObject  *credential,
                               GError     **error)
{
  return rosette_data_integrity_verify_full (credential, NULL, NULL, NULL, error);
}
