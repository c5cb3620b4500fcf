/* rosette-key-import.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Making a #RosetteKey from what other software writes: PKCS#8 (plain
 * DER or encrypted PEM), raw Ed25519 bytes, SubjectPublicKeyInfo (DER or
 * PEM), JSON Web Keys and Multikey strings. Every input is untrusted:
 * the algorithm and size are checked before a key is made.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-key.h"
#include "rosette-key-private.h"

static RosetteKey *
key_from_x509 (gnutls_x509_privkey_t   x509,
               GError                **error)
{
  gnutls_privkey_t privkey = NULL;
  int ret;

  gnutls_privkey_init (&privkey);
  ret = gnutls_privkey_import_x509 (privkey, x509, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  if (ret < 0)
    {
      gnutls_privkey_deinit (privkey);
      gnutls_x509_privkey_deinit (x509);
      _rosette_key_set_gnutls_error (error, ret, _("Could not load the private key"));
      return NULL;
    }

  return _rosette_key_new_take (privkey, NULL, error);
}

/**
 * rosette_key_new_from_pkcs8:
 * @der: an unencrypted PKCS#8 private key, DER (as the keyring holds it)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the key, or %NULL with %ROSETTE_ERROR_CRYPTO
 */
RosetteKey *
rosette_key_new_from_pkcs8 (GBytes  *der,
                            GError **error)
{
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_datum_t datum;
  gsize size;
  int ret;

  g_return_val_if_fail (der != NULL, NULL);

  datum.data = (unsigned char *) g_bytes_get_data (der, &size);
  datum.size = size;

  gnutls_x509_privkey_init (&x509);
  ret = gnutls_x509_privkey_import_pkcs8 (x509, &datum, GNUTLS_X509_FMT_DER, NULL,
                                          GNUTLS_PKCS_PLAIN);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (x509);
      _rosette_key_set_gnutls_error (error, ret, _("The stored private key is damaged"));
      return NULL;
    }

  return key_from_x509 (x509, error);
}

/**
 * rosette_key_new_from_encrypted_pkcs8:
 * @pem: a "-----BEGIN ENCRYPTED PRIVATE KEY-----" block
 * @passphrase: the passphrase it was encrypted with
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the key, or %NULL with
 *   %ROSETTE_ERROR_BAD_PASSPHRASE or %ROSETTE_ERROR_PARSE
 */
RosetteKey *
rosette_key_new_from_encrypted_pkcs8 (const char  *pem,
                                      const char  *passphrase,
                                      GError     **error)
{
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_datum_t datum;
  int ret;

  g_return_val_if_fail (pem != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  datum.data = (unsigned char *) pem;
  datum.size = strlen (pem);

  gnutls_x509_privkey_init (&x509);
  ret = gnutls_x509_privkey_import_pkcs8 (x509, &datum, GNUTLS_X509_FMT_PEM, passphrase, 0);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (x509);
      if (ret == GNUTLS_E_DECRYPTION_FAILED)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_BAD_PASSPHRASE,
                     _("The passphrase is wrong"));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                     _("The encrypted private key could not be read: %s"),
                     gnutls_strerror (ret));
      return NULL;
    }

  return key_from_x509 (x509, error);
}

/**
 * rosette_key_new_from_ed25519_raw:
 * @seed: the 32-byte Ed25519 private key (seed)
 * @public_key: the 32-byte public key that belongs to it
 * @error: return location for a #GError
 *
 * For test vectors and Multikey secrets (0x8026 ‖ seed). GnuTLS checks
 * that the two halves belong together when the key signs.
 *
 * Returns: (transfer full): the key, or %NULL with %ROSETTE_ERROR_INVALID
 */
RosetteKey *
rosette_key_new_from_ed25519_raw (GBytes  *seed,
                                  GBytes  *public_key,
                                  GError **error)
{
  gnutls_privkey_t privkey = NULL;
  gnutls_datum_t k, x;
  gsize k_size, x_size;
  int ret;

  g_return_val_if_fail (seed != NULL && public_key != NULL, NULL);

  k.data = (unsigned char *) g_bytes_get_data (seed, &k_size);
  k.size = k_size;
  x.data = (unsigned char *) g_bytes_get_data (public_key, &x_size);
  x.size = x_size;

  if (k_size != ROSETTE_KEY_ED25519_LENGTH || x_size != ROSETTE_KEY_ED25519_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("An Ed25519 key is 32 bytes"));
      return NULL;
    }

  gnutls_privkey_init (&privkey);
  ret = gnutls_privkey_import_ecc_raw (privkey, GNUTLS_ECC_CURVE_ED25519, &x, NULL, &k);
  if (ret < 0)
    {
      gnutls_privkey_deinit (privkey);
      _rosette_key_set_gnutls_error (error, ret, _("Could not load the Ed25519 key"));
      return NULL;
    }

  return _rosette_key_new_take (privkey, NULL, error);
}

static RosetteKey *
key_from_pubkey_datum (const gnutls_datum_t   *datum,
                       gnutls_x509_crt_fmt_t   format,
                       GError                **error)
{
  gnutls_pubkey_t pubkey = NULL;
  int ret;

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import (pubkey, datum, format);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The public key could not be read: %s"), gnutls_strerror (ret));
      return NULL;
    }

  return _rosette_key_new_take (NULL, pubkey, error);
}

/**
 * rosette_key_new_from_spki:
 * @der: a DER SubjectPublicKeyInfo
 *
 * Returns: (transfer full): a public-only key, or %NULL with
 *   %ROSETTE_ERROR_PARSE or %ROSETTE_ERROR_INVALID
 */
RosetteKey *
rosette_key_new_from_spki (GBytes  *der,
                           GError **error)
{
  gnutls_datum_t datum;
  gsize size;

  g_return_val_if_fail (der != NULL, NULL);

  datum.data = (unsigned char *) g_bytes_get_data (der, &size);
  datum.size = size;

  return key_from_pubkey_datum (&datum, GNUTLS_X509_FMT_DER, error);
}

/**
 * rosette_key_new_from_public_pem:
 * @pem: a "-----BEGIN PUBLIC KEY-----" block
 *
 * Returns: (transfer full): a public-only key, or %NULL
 */
RosetteKey *
rosette_key_new_from_public_pem (const char  *pem,
                                 GError     **error)
{
  gnutls_datum_t datum;

  g_return_val_if_fail (pem != NULL, NULL);

  if (strlen (pem) > 16 * 1024)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE, _("The public key is too large"));
      return NULL;
    }

  datum.data = (unsigned char *) pem;
  datum.size = strlen (pem);

  return key_from_pubkey_datum (&datum, GNUTLS_X509_FMT_PEM, error);
}

static GBytes *
jwk_member (JsonObject  *jwk,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (jwk, name);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The JWK has no “%s”"), name);
      return NULL;
    }

  bytes = rosette_base64url_decode (json_node_get_string (node), -1, &local_error);
  if (bytes == NULL)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                 _("The JWK “%s” is not valid base64url: %s"), name, local_error->message);

  return bytes;
}

static const char *
jwk_string (JsonObject *jwk,
            const char *name)
{
  JsonNode *node = json_object_get_member (jwk, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
datum_from_bytes (gnutls_datum_t *datum,
                  GBytes         *bytes,
                  gsize           expected)
{
  gsize size;

  datum->data = (unsigned char *) g_bytes_get_data (bytes, &size);
  datum->size = size;

  return expected == 0 || size == expected;
}

/**
 * rosette_key_new_from_jwk:
 * @jwk: a public JWK: kty OKP/crv Ed25519, kty EC/crv P-256 or kty RSA
 * @error: return location for a #GError
 *
 * A "d" member (private key) is refused: Rosette never takes private keys
 * in JWK form.
 *
 * Returns: (transfer full): a public-only key, or %NULL with
 *   %ROSETTE_ERROR_INVALID
 */
RosetteKey *
rosette_key_new_from_jwk (JsonObject  *jwk,
                          GError     **error)
{
  gnutls_pubkey_t pubkey = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  const char *kty, *crv;
  gnutls_datum_t da, db;
  int ret;

  g_return_val_if_fail (jwk != NULL, NULL);

  kty = jwk_string (jwk, "kty");
  crv = jwk_string (jwk, "crv");

  if (json_object_has_member (jwk, "d"))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The JWK holds a private key; give only the public key"));
      return NULL;
    }

  gnutls_pubkey_init (&pubkey);

  if (g_strcmp0 (kty, "OKP") == 0 && g_strcmp0 (crv, "Ed25519") == 0)
    {
      if ((a = jwk_member (jwk, "x", error)) == NULL)
        goto fail;
      if (!datum_from_bytes (&da, a, ROSETTE_KEY_ED25519_LENGTH))
        goto bad_length;
      ret = gnutls_pubkey_import_ecc_raw (pubkey, GNUTLS_ECC_CURVE_ED25519, &da, NULL);
    }
  else if (g_strcmp0 (kty, "EC") == 0 && g_strcmp0 (crv, "P-256") == 0)
    {
      if ((a = jwk_member (jwk, "x", error)) == NULL || (b = jwk_member (jwk, "y", error)) == NULL)
        goto fail;
      if (!datum_from_bytes (&da, a, ROSETTE_KEY_P256_COORDINATE_LENGTH) ||
          !datum_from_bytes (&db, b, ROSETTE_KEY_P256_COORDINATE_LENGTH))
        goto bad_length;
      ret = gnutls_pubkey_import_ecc_raw (pubkey, GNUTLS_ECC_CURVE_SECP256R1, &da, &db);
    }
  else if (g_strcmp0 (kty, "RSA") == 0)
    {
      if ((a = jwk_member (jwk, "n", error)) == NULL || (b = jwk_member (jwk, "e", error)) == NULL)
        goto fail;
      datum_from_bytes (&da, a, 0);
      datum_from_bytes (&db, b, 0);
      if (da.size == 0 || da.size > 512 || db.size == 0 || db.size > 8)
        goto bad_length;
      ret = gnutls_pubkey_import_rsa_raw (pubkey, &da, &db);
    }
  else
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("This JWK is not a key Rosette supports (Ed25519, P-256 or RSA)"));
      goto fail;
    }

  if (ret < 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The JWK is not a valid public key: %s"), gnutls_strerror (ret));
      goto fail;
    }

  return _rosette_key_new_take (NULL, pubkey, error);

bad_length:
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("A JWK member has the wrong length"));
fail:
  gnutls_pubkey_deinit (pubkey);
  return NULL;
}

/**
 * rosette_key_new_from_multikey:
 * @multibase: a publicKeyMultibase value ("z6Mk…")
 * @error: return location for a #GError
 *
 * Only Ed25519 is read: a P-256 Multikey holds a compressed point, which
 * GnuTLS cannot import (so did:key:zDn… keys are written, not read).
 *
 * Returns: (transfer full): a public-only key, or %NULL
 */
RosetteKey *
rosette_key_new_from_multikey (const char  *multibase,
                               GError     **error)
{
  g_autoptr(GBytes) raw = NULL;
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t x;
  guint codec = 0;
  int ret;

  g_return_val_if_fail (multibase != NULL, NULL);

  raw = rosette_multibase_decode_key (multibase, &codec, error);
  if (raw == NULL)
    return NULL;

  if (codec != ROSETTE_MULTICODEC_ED25519_PUB)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Only Ed25519 Multikeys can be read"));
      return NULL;
    }

  if (!datum_from_bytes (&x, raw, ROSETTE_KEY_ED25519_LENGTH))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("An Ed25519 key is 32 bytes"));
      return NULL;
    }

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_ecc_raw (pubkey, GNUTLS_ECC_CURVE_ED25519, &x, NULL);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The Multikey is not a valid public key: %s"), gnutls_strerror (ret));
      return NULL;
    }

  return _rosette_key_new_take (NULL, pubkey, error);
}
