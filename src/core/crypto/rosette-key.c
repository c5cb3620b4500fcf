/* rosette-key.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One signing key, public or private, held by GnuTLS (the only crypto
 * library Rosette uses). Three algorithms:
 *
 *   ed25519  pure Ed25519 (RFC 8032), 64-byte signatures; JOSE "EdDSA"
 *   p256     ECDSA P-256 with SHA-256; signatures are r ‖ s, each padded
 *            to 32 bytes (JOSE "ES256"), converted from GnuTLS's DER
 *   rsa2048  RSASSA-PKCS1-v1_5 with SHA-256 (JOSE "RS256"); imported
 *            public RSA keys of 2048-4096 bits count as this algorithm
 *
 * Private keys leave this object only as PKCS#8: unencrypted DER for the
 * keyring (in a GBytes that wipes itself when freed) or encrypted PEM
 * (PBES2 with AES-256) for backups. Nothing here writes files.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-key.h"
#include "rosette-key-record.h"

struct _RosetteKey
{
  GObject              parent_instance;

  RosetteKeyAlgorithm  algorithm;
  gnutls_privkey_t     privkey;
  gnutls_pubkey_t      pubkey;
};

G_DEFINE_FINAL_TYPE (RosetteKey, rosette_key, G_TYPE_OBJECT)

static void
rosette_key_finalize (GObject *object)
{
  RosetteKey *self = (RosetteKey *)object;

  g_clear_pointer (&self->privkey, gnutls_privkey_deinit);
  g_clear_pointer (&self->pubkey, gnutls_pubkey_deinit);

  G_OBJECT_CLASS (rosette_key_parent_class)->finalize (object);
}

static void
rosette_key_class_init (RosetteKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_key_finalize;
}

static void
rosette_key_init (RosetteKey *self)
{
}

static gboolean
set_gnutls_error (GError     **error,
                  int          code,
                  const char  *what)
{
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
               "%s: %s", what, gnutls_strerror (code));
  return FALSE;
}

/* Frees gnutls-allocated datum contents after overwriting them. */
static void
datum_wipe (gnutls_datum_t *datum)
{
  if (datum->data != NULL)
    {
      gnutls_memset (datum->data, 0, datum->size);
      gnutls_free (datum->data);
    }
  datum->data = NULL;
  datum->size = 0;
}

static void
datum_clear (gnutls_datum_t *datum)
{
  gnutls_free (datum->data);
  datum->data = NULL;
  datum->size = 0;
}

typedef struct
{
  gsize  size;
  guint8 data[];
} SecureBlock;

static void
secure_block_free (gpointer data)
{
  SecureBlock *block = data;

  gnutls_memset (block->data, 0, block->size);
  g_free (block);
}

/**
 * rosette_secure_bytes_new:
 * @data: (array length=length): secret bytes
 * @length: their number
 *
 * Copies @data into a #GBytes that overwrites its memory when the last
 * reference goes away. Use it for private key material only.
 *
 * Returns: (transfer full): the copy
 */
GBytes *
rosette_secure_bytes_new (gconstpointer data,
                          gsize         length)
{
  SecureBlock *block = g_malloc (sizeof (SecureBlock) + length + 1);

  block->size = length;
  if (length > 0)
    memcpy (block->data, data, length);

  return g_bytes_new_with_free_func (block->data, length, secure_block_free, block);
}

static gboolean
detect_algorithm (gnutls_pubkey_t       pubkey,
                  RosetteKeyAlgorithm  *algorithm,
                  GError              **error)
{
  unsigned int bits = 0;
  int pk = gnutls_pubkey_get_pk_algorithm (pubkey, &bits);

  if (pk == GNUTLS_PK_EDDSA_ED25519)
    {
      *algorithm = ROSETTE_KEY_ALGORITHM_ED25519;
      return TRUE;
    }

  if (pk == GNUTLS_PK_ECDSA)
    {
      gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
      gnutls_datum_t x = { NULL, 0 }, y = { NULL, 0 };

      if (gnutls_pubkey_export_ecc_raw2 (pubkey, &curve, &x, &y, 0) == 0)
        {
          datum_clear (&x);
          datum_clear (&y);
        }
      if (curve == GNUTLS_ECC_CURVE_SECP256R1)
        {
          *algorithm = ROSETTE_KEY_ALGORITHM_P256;
          return TRUE;
        }
    }

  if (pk == GNUTLS_PK_RSA && bits >= 2048 && bits <= 4096)
    {
      *algorithm = ROSETTE_KEY_ALGORITHM_RSA2048;
      return TRUE;
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("This kind of key is not supported; Rosette uses Ed25519, ECDSA P-256 and RSA keys of 2048-4096 bits"));
  return FALSE;
}

static RosetteKey *
key_new_take (gnutls_privkey_t   privkey,
              gnutls_pubkey_t    pubkey,
              GError           **error)
{
  g_autoptr(RosetteKey) self = g_object_new (ROSETTE_TYPE_KEY, NULL);
  int ret;

  self->privkey = privkey;
  self->pubkey = pubkey;

  if (self->pubkey == NULL)
    {
      gnutls_pubkey_init (&self->pubkey);
      ret = gnutls_pubkey_import_privkey (self->pubkey, self->privkey, 0, 0);
      if (ret < 0)
        {
          set_gnutls_error (error, ret, _("Could not read the public part of the key"));
          return NULL;
        }
    }

  if (!detect_algorithm (self->pubkey, &self->algorithm, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rosette_key_generate:
 * @algorithm: the kind of key
 * @error: return location for a #GError
 *
 * Makes a new private key with GnuTLS's random generator. RSA takes a
 * noticeable moment: call it off the main thread.
 *
 * Returns: (transfer full): the key, or %NULL with %ROSETTE_ERROR_CRYPTO
 */
RosetteKey *
rosette_key_generate (RosetteKeyAlgorithm   algorithm,
                      GError              **error)
{
  gnutls_privkey_t privkey = NULL;
  gnutls_pk_algorithm_t pk;
  unsigned int bits;
  int ret;

  switch (algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      pk = GNUTLS_PK_EDDSA_ED25519;
      bits = GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519);
      break;
    case ROSETTE_KEY_ALGORITHM_P256:
      pk = GNUTLS_PK_ECDSA;
      bits = GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1);
      break;
    case ROSETTE_KEY_ALGORITHM_RSA2048:
      pk = GNUTLS_PK_RSA;
      bits = 2048;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  gnutls_privkey_init (&privkey);
  ret = gnutls_privkey_generate2 (privkey, pk, bits, 0, NULL, 0);
  if (ret < 0)
    {
      gnutls_privkey_deinit (privkey);
      set_gnutls_error (error, ret, _("Could not generate a key"));
      return NULL;
    }

  return key_new_take (privkey, NULL, error);
}

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
      set_gnutls_error (error, ret, _("Could not load the private key"));
      return NULL;
    }

  return key_new_take (privkey, NULL, error);
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
      set_gnutls_error (error, ret, _("The stored private key is damaged"));
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
      set_gnutls_error (error, ret, _("Could not load the Ed25519 key"));
      return NULL;
    }

  return key_new_take (privkey, NULL, error);
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

  return key_new_take (NULL, pubkey, error);
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

  return key_new_take (NULL, pubkey, error);

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

  return key_new_take (NULL, pubkey, error);
}

RosetteKeyAlgorithm
rosette_key_get_algorithm (RosetteKey *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY (self), 0);

  return self->algorithm;
}

gboolean
rosette_key_has_private (RosetteKey *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY (self), FALSE);

  return self->privkey != NULL;
}

/**
 * rosette_key_dup_public:
 *
 * Returns: (transfer full): a public-only copy of @self
 */
RosetteKey *
rosette_key_dup_public (RosetteKey *self)
{
  g_autoptr(GBytes) spki = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  spki = rosette_key_dup_spki (self);
  return rosette_key_new_from_spki (spki, NULL);
}

static gboolean
require_private (RosetteKey  *self,
                 GError     **error)
{
  if (self->privkey != NULL)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("This is a public key; the private key is needed"));
  return FALSE;
}

/**
 * rosette_key_export_pkcs8:
 *
 * The form the keyring stores. Never write it to a file.
 *
 * Returns: (transfer full): unencrypted PKCS#8 DER in a #GBytes that wipes
 *   itself when freed, or %NULL with an error
 */
GBytes *
rosette_key_export_pkcs8 (RosetteKey  *self,
                          GError     **error)
{
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_datum_t out = { NULL, 0 };
  GBytes *bytes;
  int ret;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  if (!require_private (self, error))
    return NULL;

  ret = gnutls_privkey_export_x509 (self->privkey, &x509);
  if (ret >= 0)
    ret = gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_DER, NULL,
                                             GNUTLS_PKCS_PLAIN, &out);
  g_clear_pointer (&x509, gnutls_x509_privkey_deinit);
  if (ret < 0)
    {
      set_gnutls_error (error, ret, _("Could not export the private key"));
      return NULL;
    }

  bytes = rosette_secure_bytes_new (out.data, out.size);
  datum_wipe (&out);

  return bytes;
}

/**
 * rosette_key_export_encrypted_pkcs8:
 * @self: a private #RosetteKey
 * @passphrase: a non-empty passphrase
 * @error: return location for a #GError
 *
 * Encrypts with PBES2 (PBKDF2, AES-256-CBC), as `openssl pkey` reads it.
 * Takes tens of milliseconds on purpose; call it off the main thread.
 *
 * Returns: (transfer full): a "-----BEGIN ENCRYPTED PRIVATE KEY-----" block
 */
char *
rosette_key_export_encrypted_pkcs8 (RosetteKey  *self,
                                    const char  *passphrase,
                                    GError     **error)
{
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_datum_t out = { NULL, 0 };
  char *pem;
  int ret;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!require_private (self, error))
    return NULL;

  if (passphrase[0] == '\0' || strlen (passphrase) > ROSETTE_KEY_MAX_PASSPHRASE_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The passphrase must not be empty"));
      return NULL;
    }

  ret = gnutls_privkey_export_x509 (self->privkey, &x509);
  if (ret >= 0)
    ret = gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_PEM, passphrase,
                                             GNUTLS_PKCS_PBES2_AES_256, &out);
  g_clear_pointer (&x509, gnutls_x509_privkey_deinit);
  if (ret < 0)
    {
      set_gnutls_error (error, ret, _("Could not encrypt the private key"));
      return NULL;
    }

  pem = g_strndup ((const char *) out.data, out.size);
  datum_clear (&out);

  return pem;
}

static GBytes *
export_pubkey (RosetteKey            *self,
               gnutls_x509_crt_fmt_t  format)
{
  gnutls_datum_t out = { NULL, 0 };
  GBytes *bytes;

  if (gnutls_pubkey_export2 (self->pubkey, format, &out) < 0)
    g_return_val_if_reached (NULL);

  bytes = g_bytes_new (out.data, out.size);
  datum_clear (&out);

  return bytes;
}

/**
 * rosette_key_dup_spki:
 *
 * Returns: (transfer full): the DER SubjectPublicKeyInfo
 */
GBytes *
rosette_key_dup_spki (RosetteKey *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  return export_pubkey (self, GNUTLS_X509_FMT_DER);
}

/**
 * rosette_key_dup_id:
 *
 * Returns: (transfer full): the key id (see rosette_key_id_for_public_key())
 */
char *
rosette_key_dup_id (RosetteKey *self)
{
  g_autoptr(GBytes) spki = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  spki = rosette_key_dup_spki (self);
  return rosette_key_id_for_public_key (spki);
}

/**
 * rosette_key_dup_public_pem:
 *
 * Returns: (transfer full): "-----BEGIN PUBLIC KEY-----" (SPKI) text
 */
char *
rosette_key_dup_public_pem (RosetteKey *self)
{
  g_autoptr(GBytes) pem = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  pem = export_pubkey (self, GNUTLS_X509_FMT_PEM);
  return g_strndup (g_bytes_get_data (pem, NULL), g_bytes_get_size (pem));
}

/* Big-endian integer bytes, left-padded with zeros (or stripped of
 * leading zeros) to exactly @width bytes; 0 keeps the minimal form. */
static GBytes *
fixed_width (const gnutls_datum_t *value,
             gsize                 width)
{
  const guint8 *p = value->data;
  gsize n = value->size;
  guint8 *out;

  while (n > 1 && *p == 0)
    {
      p++;
      n--;
    }

  if (width == 0)
    return g_bytes_new (p, n);

  g_return_val_if_fail (n <= width, NULL);

  out = g_malloc0 (width);
  memcpy (out + width - n, p, n);

  return g_bytes_new_take (out, width);
}

static void
export_ec_point (RosetteKey  *self,
                 GBytes     **x,
                 GBytes     **y)
{
  gnutls_ecc_curve_t curve;
  gnutls_datum_t dx = { NULL, 0 }, dy = { NULL, 0 };
  int ret;

  ret = gnutls_pubkey_export_ecc_raw2 (self->pubkey, &curve, &dx,
                                       y != NULL ? &dy : NULL, GNUTLS_EXPORT_FLAG_NO_LZ);
  g_assert (ret >= 0);

  /* GnuTLS drops leading zero bytes: JWK and Multikey need all 32. */
  *x = fixed_width (&dx, 32);
  if (y != NULL)
    *y = fixed_width (&dy, 32);

  datum_clear (&dx);
  datum_clear (&dy);
}

/**
 * rosette_key_dup_raw_public:
 *
 * The key bytes multicodec and did:key use: the 32-byte Ed25519 key, the
 * 33-byte compressed P-256 point, or the RSA modulus.
 *
 * Returns: (transfer full): the raw public key
 */
GBytes *
rosette_key_dup_raw_public (RosetteKey *self)
{
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  switch (self->algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      export_ec_point (self, &x, NULL);
      return g_steal_pointer (&x);

    case ROSETTE_KEY_ALGORITHM_P256:
      {
        guint8 point[33];
        const guint8 *yd;

        export_ec_point (self, &x, &y);
        yd = g_bytes_get_data (y, NULL);
        point[0] = (yd[31] & 1) ? 0x03 : 0x02;
        memcpy (point + 1, g_bytes_get_data (x, NULL), 32);
        return g_bytes_new (point, sizeof point);
      }

    case ROSETTE_KEY_ALGORITHM_RSA2048:
      {
        gnutls_datum_t m = { NULL, 0 }, e = { NULL, 0 };
        GBytes *bytes;

        gnutls_pubkey_export_rsa_raw2 (self->pubkey, &m, &e, GNUTLS_EXPORT_FLAG_NO_LZ);
        bytes = fixed_width (&m, 0);
        datum_clear (&m);
        datum_clear (&e);
        return bytes;
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_b64url (JsonObject *object,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *text = rosette_base64url_encode (g_bytes_get_data (bytes, NULL),
                                                    g_bytes_get_size (bytes));

  json_object_set_string_member (object, name, text);
}

/**
 * rosette_key_dup_jwk:
 * @self: a #RosetteKey
 * @kid: (nullable): the key id URI to put in "kid"
 *
 * The public JWK (RFC 7517/8037): base64url without padding, EC
 * coordinates always 32 bytes (43 characters). Never contains "d".
 *
 * Returns: (transfer full): the JWK object
 */
JsonObject *
rosette_key_dup_jwk (RosetteKey *self,
                     const char *kid)
{
  JsonObject *jwk = json_object_new ();
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  switch (self->algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      export_ec_point (self, &x, NULL);
      json_object_set_string_member (jwk, "kty", "OKP");
      json_object_set_string_member (jwk, "crv", "Ed25519");
      add_b64url (jwk, "x", x);
      break;

    case ROSETTE_KEY_ALGORITHM_P256:
      export_ec_point (self, &x, &y);
      json_object_set_string_member (jwk, "kty", "EC");
      json_object_set_string_member (jwk, "crv", "P-256");
      add_b64url (jwk, "x", x);
      add_b64url (jwk, "y", y);
      break;

    case ROSETTE_KEY_ALGORITHM_RSA2048:
      {
        gnutls_datum_t m = { NULL, 0 }, e = { NULL, 0 };

        gnutls_pubkey_export_rsa_raw2 (self->pubkey, &m, &e, GNUTLS_EXPORT_FLAG_NO_LZ);
        x = fixed_width (&m, 0);
        y = fixed_width (&e, 0);
        datum_clear (&m);
        datum_clear (&e);
        json_object_set_string_member (jwk, "kty", "RSA");
        add_b64url (jwk, "n", x);
        add_b64url (jwk, "e", y);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  json_object_set_string_member (jwk, "alg", rosette_key_algorithm_get_jws_name (self->algorithm));
  json_object_set_string_member (jwk, "use", "sig");
  if (kid != NULL)
    json_object_set_string_member (jwk, "kid", kid);

  return jwk;
}

static char *
object_to_string (JsonObject *object,
                  gboolean    pretty)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);

  return json_generator_to_data (generator, NULL);
}

/**
 * rosette_key_dup_jwk_string:
 *
 * Returns: (transfer full): rosette_key_dup_jwk() as compact JSON text
 */
char *
rosette_key_dup_jwk_string (RosetteKey *self,
                            const char *kid)
{
  g_autoptr(JsonObject) jwk = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  jwk = rosette_key_dup_jwk (self, kid);
  return object_to_string (jwk, FALSE);
}

/**
 * rosette_key_dup_multikey:
 *
 * Returns: (transfer full): the publicKeyMultibase ("z6Mk…" for Ed25519,
 *   "zDn…" for P-256), or %NULL with %ROSETTE_ERROR_INVALID for RSA
 */
char *
rosette_key_dup_multikey (RosetteKey  *self,
                          GError     **error)
{
  g_autoptr(GBytes) raw = NULL;
  guint codec;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  if (self->algorithm == ROSETTE_KEY_ALGORITHM_ED25519)
    codec = ROSETTE_MULTICODEC_ED25519_PUB;
  else if (self->algorithm == ROSETTE_KEY_ALGORITHM_P256)
    codec = ROSETTE_MULTICODEC_P256_PUB;
  else
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("RSA keys have no Multikey or did:key form; use JWK or PEM"));
      return NULL;
    }

  raw = rosette_key_dup_raw_public (self);
  return rosette_multibase_encode_key (codec, g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
}

/**
 * rosette_key_dup_did_key:
 *
 * Returns: (transfer full): "did:key:z6Mk…" / "did:key:zDn…", or %NULL
 *   for RSA
 */
char *
rosette_key_dup_did_key (RosetteKey  *self,
                         GError     **error)
{
  g_autofree char *multibase = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  multibase = rosette_key_dup_multikey (self, error);
  if (multibase == NULL)
    return NULL;

  return g_strconcat ("did:key:", multibase, NULL);
}

/**
 * rosette_key_dup_did_key_method:
 *
 * Returns: (transfer full): the verification method id
 *   "did:key:z…#z…" (the same multibase as the fragment), or %NULL for RSA
 */
char *
rosette_key_dup_did_key_method (RosetteKey  *self,
                                GError     **error)
{
  g_autofree char *multibase = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  multibase = rosette_key_dup_multikey (self, error);
  if (multibase == NULL)
    return NULL;

  return g_strconcat ("did:key:", multibase, "#", multibase, NULL);
}

/**
 * rosette_key_build_did_key_document:
 *
 * The DID document a did:key resolves to (Multikey form, as
 * @digitalbazaar/did-method-key makes it).
 *
 * Returns: (transfer full): the document, or %NULL for RSA
 */
JsonNode *
rosette_key_build_did_key_document (RosetteKey  *self,
                                    GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *multibase = NULL;
  g_autofree char *did = NULL;
  g_autofree char *method = NULL;
  static const char * const relations[] = {
    "authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation", NULL
  };

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  multibase = rosette_key_dup_multikey (self, error);
  if (multibase == NULL)
    return NULL;
  did = g_strconcat ("did:key:", multibase, NULL);
  method = g_strconcat (did, "#", multibase, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "https://www.w3.org/ns/did/v1");
  json_builder_add_string_value (builder, "https://w3id.org/security/multikey/v1");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, did);
  json_builder_set_member_name (builder, "verificationMethod");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Multikey");
  json_builder_set_member_name (builder, "controller");
  json_builder_add_string_value (builder, did);
  json_builder_set_member_name (builder, "publicKeyMultibase");
  json_builder_add_string_value (builder, multibase);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  for (guint i = 0; relations[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, relations[i]);
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, method);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gnutls_sign_algorithm_t
sign_algorithm (RosetteKeyAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      return GNUTLS_SIGN_EDDSA_ED25519;
    case ROSETTE_KEY_ALGORITHM_P256:
      return GNUTLS_SIGN_ECDSA_SHA256;
    case ROSETTE_KEY_ALGORITHM_RSA2048:
      return GNUTLS_SIGN_RSA_SHA256;
    default:
      g_return_val_if_reached (GNUTLS_SIGN_UNKNOWN);
    }
}

/**
 * rosette_key_algorithm_get_jws_name:
 *
 * Returns: the JOSE "alg": "EdDSA", "ES256" or "RS256"
 */
const char *
rosette_key_algorithm_get_jws_name (RosetteKeyAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      return "EdDSA";
    case ROSETTE_KEY_ALGORITHM_P256:
      return "ES256";
    case ROSETTE_KEY_ALGORITHM_RSA2048:
      return "RS256";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rosette_key_sign:
 * @self: a private #RosetteKey
 * @data: (array length=length): the bytes to sign
 * @length: their number
 * @error: return location for a #GError
 *
 * Signs in the JOSE/Data Integrity wire form: Ed25519 64 bytes, ES256
 * r ‖ s (64 bytes), RS256 256 bytes.
 *
 * Returns: (transfer full): the signature, or %NULL with an error
 */
GBytes *
rosette_key_sign (RosetteKey    *self,
                  const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  gnutls_datum_t input = { (unsigned char *) data, length };
  gnutls_datum_t signature = { NULL, 0 };
  GBytes *bytes;
  int ret;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!require_private (self, error))
    return NULL;

  ret = gnutls_privkey_sign_data2 (self->privkey, sign_algorithm (self->algorithm), 0,
                                   &input, &signature);
  if (ret < 0)
    {
      set_gnutls_error (error, ret, _("Could not sign"));
      return NULL;
    }

  if (self->algorithm == ROSETTE_KEY_ALGORITHM_P256)
    {
      gnutls_datum_t r = { NULL, 0 }, s = { NULL, 0 };
      g_autoptr(GBytes) rb = NULL;
      g_autoptr(GBytes) sb = NULL;
      guint8 raw[64];

      ret = gnutls_decode_rs_value (&signature, &r, &s);
      datum_clear (&signature);
      if (ret < 0)
        {
          set_gnutls_error (error, ret, _("Could not sign"));
          return NULL;
        }
      rb = fixed_width (&r, 32);
      sb = fixed_width (&s, 32);
      datum_clear (&r);
      datum_clear (&s);
      memcpy (raw, g_bytes_get_data (rb, NULL), 32);
      memcpy (raw + 32, g_bytes_get_data (sb, NULL), 32);
      return g_bytes_new (raw, sizeof raw);
    }

  bytes = g_bytes_new (signature.data, signature.size);
  datum_clear (&signature);

  return bytes;
}

/**
 * rosette_key_verify:
 * @self: a #RosetteKey (public is enough)
 * @data: (array length=length): the signed bytes
 * @length: their number
 * @signature: the signature in the form rosette_key_sign() makes
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @signature is valid; otherwise %FALSE with
 *   %ROSETTE_ERROR_CRYPTO
 */
gboolean
rosette_key_verify (RosetteKey    *self,
                    const guint8  *data,
                    gsize          length,
                    GBytes        *signature,
                    GError       **error)
{
  gnutls_datum_t input = { (unsigned char *) data, length };
  gnutls_datum_t sig;
  gnutls_datum_t der = { NULL, 0 };
  gsize size;
  int ret;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  sig.data = (unsigned char *) g_bytes_get_data (signature, &size);
  sig.size = size;

  if (self->algorithm == ROSETTE_KEY_ALGORITHM_P256)
    {
      gnutls_datum_t r, s;

      if (size != 64)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                       _("The signature is not valid"));
          return FALSE;
        }

      /* Minimal big-endian integers; GnuTLS adds the DER sign byte. */
      r.data = sig.data;
      r.size = 32;
      while (r.size > 1 && r.data[0] == 0)
        {
          r.data++;
          r.size--;
        }
      s.data = sig.data + 32;
      s.size = 32;
      while (s.size > 1 && s.data[0] == 0)
        {
          s.data++;
          s.size--;
        }

      ret = gnutls_encode_rs_value (&der, &r, &s);
      if (ret < 0)
        return set_gnutls_error (error, ret, _("The signature is not valid"));
      sig = der;
    }

  ret = gnutls_pubkey_verify_data2 (self->pubkey, sign_algorithm (self->algorithm), 0,
                                    &input, &sig);
  datum_clear (&der);

  if (ret < 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("The signature is not valid"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_key_sign_jws:
 * @self: a private #RosetteKey
 * @header_json: (nullable): the JOSE header as JSON text; %NULL for
 *   {"alg":"…"} alone
 * @payload: (array length=length): the payload bytes
 * @length: their number
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a compact JWS,
 *   BASE64URL(header).BASE64URL(payload).BASE64URL(signature)
 */
char *
rosette_key_sign_jws (RosetteKey    *self,
                      const char    *header_json,
                      const guint8  *payload,
                      gsize          length,
                      GError       **error)
{
  g_autofree char *default_header = NULL;
  g_autofree char *header64 = NULL;
  g_autofree char *payload64 = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature64 = NULL;
  g_autoptr(GBytes) signature = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  if (header_json == NULL)
    header_json = default_header = g_strdup_printf ("{\"alg\":\"%s\"}",
                                                    rosette_key_algorithm_get_jws_name (self->algorithm));

  header64 = rosette_base64url_encode ((const guint8 *) header_json, strlen (header_json));
  payload64 = rosette_base64url_encode (payload, length);
  signing_input = g_strconcat (header64, ".", payload64, NULL);

  signature = rosette_key_sign (self, (const guint8 *) signing_input, strlen (signing_input), error);
  if (signature == NULL)
    return NULL;

  signature64 = rosette_base64url_encode (g_bytes_get_data (signature, NULL),
                                          g_bytes_get_size (signature));

  return g_strconcat (signing_input, ".", signature64, NULL);
}
