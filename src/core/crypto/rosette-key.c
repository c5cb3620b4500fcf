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
 *
 * This file holds the class, key generation, signing and verifying;
 * rosette-key-import.c makes keys from the formats others write and
 * rosette-key-export.c writes them out.
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
#include "rosette-key-private.h"

G_DEFINE_FINAL_TYPE (RosetteKey, rosette_key, G_TYPE_OBJECT)

static void
rosette_key_finalize (GObject *object)
{
  RosetteKey *self = (RosetteKey *)object;

  g_clear_pointer (&self->privkey, gnutls_privkey_deinit);
  g_clear_pointer (&self->pubkey, gnutls_pubkey_deinit);
  g_clear_pointer (&self->spki, g_bytes_unref);
  g_clear_pointer (&self->multikey, g_free);

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

gboolean
_rosette_key_set_gnutls_error (GError     **error,
                               int          code,
                               const char  *what)
{
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
               "%s: %s", what, gnutls_strerror (code));
  return FALSE;
}

void
_rosette_key_datum_clear (gnutls_datum_t *datum)
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
          _rosette_key_datum_clear (&x);
          _rosette_key_datum_clear (&y);
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

RosetteKey *
_rosette_key_new_take (gnutls_privkey_t   privkey,
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
          _rosette_key_set_gnutls_error (error, ret,
                                         _("Could not read the public part of the key"));
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
      _rosette_key_set_gnutls_error (error, ret, _("Could not generate a key"));
      return NULL;
    }

  return _rosette_key_new_take (privkey, NULL, error);
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

gboolean
_rosette_key_require_private (RosetteKey  *self,
                              GError     **error)
{
  if (self->privkey != NULL)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("This is a public key; the private key is needed"));
  return FALSE;
}

/* Big-endian integer bytes, left-padded with zeros (or stripped of
 * leading zeros) to exactly @width bytes; 0 keeps the minimal form. */
GBytes *
_rosette_key_fixed_width (const gnutls_datum_t *value,
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

  if (!_rosette_key_require_private (self, error))
    return NULL;

  ret = gnutls_privkey_sign_data2 (self->privkey, sign_algorithm (self->algorithm), 0,
                                   &input, &signature);
  if (ret < 0)
    {
      _rosette_key_set_gnutls_error (error, ret, _("Could not sign"));
      return NULL;
    }

  if (self->algorithm == ROSETTE_KEY_ALGORITHM_P256)
    {
      gnutls_datum_t r = { NULL, 0 }, s = { NULL, 0 };
      g_autoptr(GBytes) rb = NULL;
      g_autoptr(GBytes) sb = NULL;
      guint8 raw[64];

      ret = gnutls_decode_rs_value (&signature, &r, &s);
      _rosette_key_datum_clear (&signature);
      if (ret < 0)
        {
          _rosette_key_set_gnutls_error (error, ret, _("Could not sign"));
          return NULL;
        }
      rb = _rosette_key_fixed_width (&r, 32);
      sb = _rosette_key_fixed_width (&s, 32);
      _rosette_key_datum_clear (&r);
      _rosette_key_datum_clear (&s);
      memcpy (raw, g_bytes_get_data (rb, NULL), 32);
      memcpy (raw + 32, g_bytes_get_data (sb, NULL), 32);
      return g_bytes_new (raw, sizeof raw);
    }

  bytes = g_bytes_new (signature.data, signature.size);
  _rosette_key_datum_clear (&signature);

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
        return _rosette_key_set_gnutls_error (error, ret, _("The signature is not valid"));
      sig = der;
    }

  ret = gnutls_pubkey_verify_data2 (self->pubkey, sign_algorithm (self->algorithm), 0,
                                    &input, &sig);
  _rosette_key_datum_clear (&der);

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
