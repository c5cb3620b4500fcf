/* rosette-key-export.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Writing a #RosetteKey out: the private key as PKCS#8 (wiped DER for
 * the keyring, encrypted PEM for backups) and the public key as
 * SubjectPublicKeyInfo, PEM, raw bytes, a JSON Web Key, a Multikey, a
 * did:key identifier and its DID document, and the key's id.
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
#include "rosette-key-record.h"

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

/* The private key as PKCS#8 in @format, encrypted as @flags say; on
 * failure @message says what could not be done. */
static gboolean
export_pkcs8 (RosetteKey             *self,
              gnutls_x509_crt_fmt_t   format,
              const char             *passphrase,
              unsigned int            flags,
              const char             *message,
              gnutls_datum_t         *out,
              GError                **error)
{
  gnutls_x509_privkey_t x509 = NULL;
  int ret;

  ret = gnutls_privkey_export_x509 (self->privkey, &x509);
  if (ret >= 0)
    ret = gnutls_x509_privkey_export2_pkcs8 (x509, format, passphrase, flags, out);
  g_clear_pointer (&x509, gnutls_x509_privkey_deinit);
  if (ret < 0)
    return _rosette_key_set_gnutls_error (error, ret, message);

  return TRUE;
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
  gnutls_datum_t out = { NULL, 0 };
  GBytes *bytes;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  if (!_rosette_key_require_private (self, error))
    return NULL;

  if (!export_pkcs8 (self, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN,
                     _("Could not export the private key"), &out, error))
    return NULL;

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
  gnutls_datum_t out = { NULL, 0 };
  char *pem;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!_rosette_key_require_private (self, error))
    return NULL;

  if (passphrase[0] == '\0' || strlen (passphrase) > ROSETTE_KEY_MAX_PASSPHRASE_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The passphrase must not be empty"));
      return NULL;
    }

  if (!export_pkcs8 (self, GNUTLS_X509_FMT_PEM, passphrase, GNUTLS_PKCS_PBES2_AES_256,
                     _("Could not encrypt the private key"), &out, error))
    return NULL;

  pem = g_strndup ((const char *) out.data, out.size);
  _rosette_key_datum_clear (&out);

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
  _rosette_key_datum_clear (&out);

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
  GBytes *spki;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  spki = g_atomic_pointer_get (&self->spki);
  if (spki == NULL)
    {
      spki = export_pubkey (self, GNUTLS_X509_FMT_DER);
      if (spki == NULL)
        return NULL;
      if (!g_atomic_pointer_compare_and_exchange (&self->spki, NULL, spki))
        {
          g_bytes_unref (spki);
          spki = g_atomic_pointer_get (&self->spki);
        }
    }
  return g_bytes_ref (spki);
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
  *x = _rosette_key_fixed_width (&dx, 32);
  if (y != NULL)
    *y = _rosette_key_fixed_width (&dy, 32);

  _rosette_key_datum_clear (&dx);
  _rosette_key_datum_clear (&dy);
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
        bytes = _rosette_key_fixed_width (&m, 0);
        _rosette_key_datum_clear (&m);
        _rosette_key_datum_clear (&e);
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
        x = _rosette_key_fixed_width (&m, 0);
        y = _rosette_key_fixed_width (&e, 0);
        _rosette_key_datum_clear (&m);
        _rosette_key_datum_clear (&e);
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
  char *multikey;
  guint codec;

  g_return_val_if_fail (ROSETTE_IS_KEY (self), NULL);

  multikey = g_atomic_pointer_get (&self->multikey);
  if (multikey != NULL)
    return g_strdup (multikey);

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
  multikey = rosette_multibase_encode_key (codec, g_bytes_get_data (raw, NULL),
                                           g_bytes_get_size (raw));
  if (!g_atomic_pointer_compare_and_exchange (&self->multikey, NULL, multikey))
    {
      g_free (multikey);
      multikey = g_atomic_pointer_get (&self->multikey);
    }
  return g_strdup (multikey);
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
