/* rosette-credential-proof.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Signing a RosetteCredential (the second half of the class; the JSON is
 * built in rosette-credential.c).
 *
 * VC-JWT (OB 3.0 §"JSON Web Token Proof Format"): the payload is the
 * credential object itself plus the registered claims iss = issuer.id,
 * jti = id, sub = credentialSubject.id, nbf = validFrom and exp =
 * validUntil (NumericDate). The header carries "kid" (the key URI) and the
 * public "jwk", so the badge verifies offline and against the published key.
 * ES256 is the default; RS256 works everywhere; EdDSA is permitted by the
 * spec but the 1EdTech validator rejects it, so it comes with a warning.
 *
 * OB 2.0 signed assertion: an RS256 JWS over the Assertion, whose
 * verification.creator is the key's CryptographicKey URL at the issuer's
 * https publish base.
 *
 * Signing uses a key the caller loaded (from the keyring, once per batch):
 * it must be the private half of @record, so a credential can never name
 * one key and be signed by another.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-credential.h"
#include "rosette-error.h"
#include "rosette-jws.h"
#include "rosette-key-documents.h"

/**
 * rosette_ob2_publish_warning:
 *
 * Returns: the (translated) warning the app and the CLI show when an
 *   OB 2.0 badge is issued before the issuer's files are published
 */
const char *
rosette_ob2_publish_warning (void)
{
  return _("OB 2.0 badges need your issuer profile and key published at your https URL; "
           "until then they verify only with the key given explicitly");
}

/**
 * rosette_proof_format_get_default_algorithm:
 *
 * Returns: the key algorithm a @format signs with unless told otherwise:
 *   P-256 (ES256) for VC-JWT, RSA (RS256) for OB 2.0
 */
RosetteKeyAlgorithm
rosette_proof_format_get_default_algorithm (RosetteProofFormat format)
{
  return format == ROSETTE_PROOF_FORMAT_OB2 ? ROSETTE_KEY_ALGORITHM_RSA2048
                                            : ROSETTE_KEY_ALGORITHM_P256;
}

/**
 * rosette_proof_format_check_algorithm:
 *
 * Returns: %TRUE if a key of @algorithm can make a @format proof, else
 *   %ROSETTE_ERROR_INVALID (OB 2.0 verifiers only know RS256)
 */
gboolean
rosette_proof_format_check_algorithm (RosetteProofFormat    format,
                                      RosetteKeyAlgorithm   algorithm,
                                      GError              **error)
{
  if (format == ROSETTE_PROOF_FORMAT_OB2 && algorithm != ROSETTE_KEY_ALGORITHM_RSA2048)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Open Badges 2.0 assertions are signed with RSA (RS256); "
                     "generate an RSA key for this issuer"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_key (RosetteKeyRecord    *record,
           RosetteKey          *key,
           RosetteProofFormat   format,
           GError             **error)
{
  g_autoptr(GBytes) spki = NULL;

  if (!rosette_proof_format_check_algorithm (format, rosette_key_get_algorithm (key), error))
    return FALSE;

  spki = rosette_key_dup_spki (key);
  if (!g_bytes_equal (spki, rosette_key_record_get_public_key (record)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("The signing key is not key %s"), rosette_key_record_get_id (record));
      return FALSE;
    }

  if (!rosette_key_record_can_sign (record))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("Key %s is retired or revoked and no longer signs"),
                   rosette_key_record_get_id (record));
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_credential_sign_vc_jwt:
 * @issuer: the issuer profile
 * @record: the record of @key
 * @key: the private key (P-256, RSA or Ed25519)
 * @out_warning: (out) (optional) (nullable) (transfer full): a warning
 *   to show, or %NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the OB 3.0 credential as a compact VC-JWT, or
 *   %NULL with an error
 */
char *
rosette_credential_sign_vc_jwt (RosetteCredential  *self,
                                RosetteIssuer      *issuer,
                                RosetteKeyRecord   *record,
                                RosetteKey         *key,
                                char              **out_warning,
                                GError            **error)
{
  g_autoptr(JsonNode) credential = NULL;
  g_autofree char *kid = NULL;
  GDateTime *valid_until;
  JsonObject *claims;
  const char *issuer_id;

  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);

  if (out_warning != NULL)
    *out_warning = NULL;

  if (!check_key (record, key, ROSETTE_PROOF_FORMAT_VC_JWT, error))
    return NULL;

  credential = rosette_credential_build_ob3 (self, issuer, record, error);
  if (credential == NULL)
    return NULL;
  kid = rosette_issuer_dup_key_uri (issuer, record, error);
  if (kid == NULL)
    return NULL;

  claims = json_node_get_object (credential);
  issuer_id = json_object_get_string_member (json_object_get_object_member (claims, "issuer"),
                                             "id");
  json_object_set_string_member (claims, "iss", issuer_id);
  json_object_set_string_member (claims, "jti", rosette_credential_get_id (self));
  json_object_set_string_member (claims, "sub", rosette_credential_get_subject_id (self));
  json_object_set_int_member (claims, "nbf",
                              g_date_time_to_unix (rosette_credential_get_valid_from (self)));
  valid_until = rosette_credential_get_valid_until (self);
  if (valid_until != NULL)
    json_object_set_int_member (claims, "exp", g_date_time_to_unix (valid_until));

  if (out_warning != NULL && rosette_key_get_algorithm (key) == ROSETTE_KEY_ALGORITHM_ED25519)
    *out_warning = g_strdup (_("EdDSA-signed JWT badges are allowed by Open Badges 3.0 but the "
                               "1EdTech validator accepts only ES256 and RS256"));

  return rosette_jws_sign_json (key, kid, TRUE, credential, error);
}

/**
 * rosette_credential_sign_ob2:
 * @issuer: the issuer profile (it needs an https publish base)
 * @record: the record of @key
 * @key: the private RSA key
 * @out_warning: (out) (optional) (nullable) (transfer full): set to
 *   rosette_ob2_publish_warning() unless the issuer is known to be published
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the OB 2.0 signed assertion (RS256 JWS), or
 *   %NULL with an error
 */
char *
rosette_credential_sign_ob2 (RosetteCredential  *self,
                             RosetteIssuer      *issuer,
                             RosetteKeyRecord   *record,
                             RosetteKey         *key,
                             char              **out_warning,
                             GError            **error)
{
  g_autoptr(JsonNode) assertion = NULL;
  g_autofree char *jws = NULL;

  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);

  if (out_warning != NULL)
    *out_warning = NULL;

  if (!check_key (record, key, ROSETTE_PROOF_FORMAT_OB2, error))
    return NULL;

  assertion = rosette_credential_build_ob2 (self, issuer, record, error);
  if (assertion == NULL)
    return NULL;

  jws = rosette_jws_sign_json (key, NULL, FALSE, assertion, error);
  if (jws == NULL)
    return NULL;

  if (out_warning != NULL && !rosette_credential_get_issuer_published (self))
    *out_warning = g_strdup (rosette_ob2_publish_warning ());

  return g_steal_pointer (&jws);
}

/**
 * rosette_credential_sign:
 * @format: the proof to make
 *
 * Calls rosette_credential_sign_vc_jwt() or rosette_credential_sign_ob2().
 *
 * Returns: (transfer full): the compact JWS, or %NULL with an error
 */
char *
rosette_credential_sign (RosetteCredential   *self,
                         RosetteProofFormat   format,
                         RosetteIssuer       *issuer,
                         RosetteKeyRecord    *record,
                         RosetteKey          *key,
                         char               **out_warning,
                         GError             **error)
{
  if (format == ROSETTE_PROOF_FORMAT_OB2)
    return rosette_credential_sign_ob2 (self, issuer, record, key, out_warning, error);

  return rosette_credential_sign_vc_jwt (self, issuer, record, key, out_warning, error);
}
