/* rosette-key-documents.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The public documents made from an issuer's key records. Which id a key
 * is published under depends on the issuer's identifier mode:
 *
 *   did:key   issuer id = the did:key of the signing key (so it changes
 *             when the key does); key URI = did:key:<mb>#<mb>
 *   did:web   issuer id = did:web:<domain>; key URI = did:web:<domain>#<key-id>,
 *             resolved through https://<domain>/.well-known/did.json
 *   https URL issuer id = the URL; key URI = <base>keys/<key-id>.json
 *
 * <base> ("publish base") is where the publish step puts public files:
 * https://<domain>/ for did:web, the URL's folder for an https identifier,
 * and the profile web site for did:key. OB 2.0 needs https key documents,
 * so CryptographicKey ids are always <base>keys/<key-id>.json, owned by
 * the OB 2.0 profile at <base>issuer.json (or the https identifier).
 *
 * did.json lists every key, active, retired and revoked, so that old
 * badges keep verifying and revoked keys are visibly revoked ("revoked":
 * <when>, the Multikey/JsonWebKey term); assertionMethod lists only the
 * active keys.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-key-documents.h"

/**
 * rosette_public_format_from_string:
 * @text: "jwk", "pem", "did", "did-json", "multikey" or "ob2"
 * @format: (out): the format
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @text names a format, else %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_public_format_from_string (const char           *text,
                                   RosettePublicFormat  *format,
                                   GError              **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ROSETTE_TYPE_PUBLIC_FORMAT);
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  g_return_val_if_fail (format != NULL, FALSE);

  if (value == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Unknown format “%s”; use jwk, pem, did, did-json, multikey or ob2"),
                   text != NULL ? text : "");
      return FALSE;
    }

  *format = value->value;
  return TRUE;
}

static GQuark record_key_quark (void);
G_DEFINE_QUARK (rosette-key-record-key, record_key)

static gpointer
ref_if_set (gpointer object,
            gpointer user_data)
{
  return object != NULL ? g_object_ref (object) : NULL;
}

/**
 * rosette_key_new_from_record:
 *
 * Returns: (transfer full): the public key of @record, or %NULL if the
 *   stored public key does not decode (a damaged profile)
 */
RosetteKey *
rosette_key_new_from_record (RosetteKeyRecord  *record,
                             GError           **error)
{
  GQuark quark = record_key_quark ();
  g_autoptr(RosetteKey) key = NULL;

  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  /* A record's public key never changes; bulk issuing asks for it per
   * badge, so it is read once and kept with the record. */
  key = g_object_dup_qdata (G_OBJECT (record), quark, ref_if_set, NULL);
  if (key != NULL)
    return g_steal_pointer (&key);

  key = rosette_key_new_from_spki (rosette_key_record_get_public_key (record), error);
  if (key == NULL)
    return NULL;

  if (rosette_key_get_algorithm (key) != rosette_key_record_get_algorithm (record))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Key %s is not the kind of key its record says"),
                   rosette_key_record_get_id (record));
      return NULL;
    }

  g_object_set_qdata_full (G_OBJECT (record), quark, g_object_ref (key), g_object_unref);
  return g_steal_pointer (&key);
}

/**
 * rosette_issuer_dup_identifier:
 *
 * The issuer id credentials carry now: the did:key of the active Ed25519
 * key in did:key mode, the did:web or the https URL otherwise.
 *
 * Returns: (transfer full) (nullable): the identifier, or %NULL in
 *   did:key mode when there is no active Ed25519 key
 */
char *
rosette_issuer_dup_identifier (RosetteIssuer *issuer)
{
  RosetteKeyRecord *record;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  if (rosette_issuer_get_identifier_mode (issuer) != ROSETTE_IDENTIFIER_MODE_DID_KEY)
    return g_strdup (rosette_issuer_get_identifier (issuer));

  record = rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_ED25519);
  if (record == NULL)
    return NULL;

  return rosette_issuer_dup_identifier_for_key (issuer, record, NULL);
}

/**
 * rosette_issuer_dup_identifier_for_key:
 *
 * The issuer id of a credential that @record signs. In did:key mode that
 * is the key's own did:key (RSA keys have none: %ROSETTE_ERROR_INVALID).
 *
 * Returns: (transfer full): the identifier
 */
char *
rosette_issuer_dup_identifier_for_key (RosetteIssuer     *issuer,
                                       RosetteKeyRecord  *record,
                                       GError           **error)
{
  g_autoptr(RosetteKey) key = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  if (rosette_issuer_get_identifier_mode (issuer) != ROSETTE_IDENTIFIER_MODE_DID_KEY)
    return g_strdup (rosette_issuer_get_identifier (issuer));

  key = rosette_key_new_from_record (record, error);
  if (key == NULL)
    return NULL;

  return rosette_key_dup_did_key (key, error);
}

/**
 * rosette_issuer_dup_publish_base:
 *
 * Returns: (transfer full): the https base URL (ending in '/') where
 *   public files are published, or %NULL with %ROSETTE_ERROR_INVALID when
 *   a did:key issuer has no web site
 */
char *
rosette_issuer_dup_publish_base (RosetteIssuer  *issuer,
                                 GError        **error)
{
  const char *url = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  switch (rosette_issuer_get_identifier_mode (issuer))
    {
    case ROSETTE_IDENTIFIER_MODE_DID_WEB:
      {
        g_autofree char *domain = rosette_issuer_dup_web_domain (issuer);

        return g_strconcat ("https://", domain, "/", NULL);
      }

    case ROSETTE_IDENTIFIER_MODE_URL:
      url = rosette_issuer_get_identifier (issuer);
      break;

    case ROSETTE_IDENTIFIER_MODE_DID_KEY:
    default:
      url = rosette_issuer_get_url (issuer);
      if (url == NULL)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("Set the issuer’s web site (url) first: key documents are published there"));
          return NULL;
        }
      if (g_str_has_suffix (url, "/"))
        return g_strdup (url);
      {
        /* A site like https://acme.example/badges is a folder. */
        return g_strconcat (url, "/", NULL);
      }
    }

  /* https://acme.example/issuer.json -> https://acme.example/ */
  {
    const char *slash = strrchr (url + strlen ("https://"), '/');

    if (slash == NULL)
      return g_strconcat (url, "/", NULL);
    return g_strndup (url, slash - url + 1);
  }
}

/**
 * rosette_issuer_dup_ob2_profile_url:
 *
 * Returns: (transfer full): the https id of the OB 2.0 issuer Profile
 */
char *
rosette_issuer_dup_ob2_profile_url (RosetteIssuer  *issuer,
                                    GError        **error)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  if (rosette_issuer_get_identifier_mode (issuer) == ROSETTE_IDENTIFIER_MODE_URL)
    return g_strdup (rosette_issuer_get_identifier (issuer));

  base = rosette_issuer_dup_publish_base (issuer, error);
  if (base == NULL)
    return NULL;

  return g_strconcat (base, "issuer.json", NULL);
}

/**
 * rosette_issuer_dup_key_uri:
 *
 * The "kid" / verificationMethod of @record (see the top of this file).
 *
 * Returns: (transfer full): the URI, or %NULL with an error
 */
char *
rosette_issuer_dup_key_uri (RosetteIssuer     *issuer,
                            RosetteKeyRecord  *record,
                            GError           **error)
{
  g_autoptr(RosetteKey) key = NULL;
  g_autofree char *base = NULL;
  const char *key_id;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  key_id = rosette_key_record_get_id (record);

  switch (rosette_issuer_get_identifier_mode (issuer))
    {
    case ROSETTE_IDENTIFIER_MODE_DID_WEB:
      return g_strconcat (rosette_issuer_get_identifier (issuer), "#", key_id, NULL);

    case ROSETTE_IDENTIFIER_MODE_DID_KEY:
      if (rosette_key_record_get_algorithm (record) != ROSETTE_KEY_ALGORITHM_RSA2048)
        {
          key = rosette_key_new_from_record (record, error);
          if (key == NULL)
            return NULL;
          return rosette_key_dup_did_key_method (key, error);
        }
      G_GNUC_FALLTHROUGH;

    case ROSETTE_IDENTIFIER_MODE_URL:
    default:
      base = rosette_issuer_dup_publish_base (issuer, error);
      if (base == NULL)
        return NULL;
      return g_strconcat (base, "keys/", key_id, ".json", NULL);
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static gboolean
add_verification_method (JsonBuilder       *builder,
                         RosetteIssuer     *issuer,
                         RosetteKeyRecord  *record,
                         GError           **error)
{
  g_autoptr(RosetteKey) key = rosette_key_new_from_record (record, error);
  g_autofree char *id = NULL;
  GDateTime *changed;

  if (key == NULL)
    return FALSE;

  id = rosette_issuer_dup_key_uri (issuer, record, error);
  if (id == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  add_string (builder, "id", id);

  if (rosette_key_get_algorithm (key) == ROSETTE_KEY_ALGORITHM_RSA2048)
    {
      g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (key, NULL);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, jwk);
      add_string (builder, "type", "JsonWebKey");
      add_string (builder, "controller", rosette_issuer_get_identifier (issuer));
      json_builder_set_member_name (builder, "publicKeyJwk");
      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  else
    {
      g_autofree char *multibase = rosette_key_dup_multikey (key, error);

      if (multibase == NULL)
        return FALSE;
      add_string (builder, "type", "Multikey");
      add_string (builder, "controller", rosette_issuer_get_identifier (issuer));
      add_string (builder, "publicKeyMultibase", multibase);
    }

  changed = rosette_key_record_get_status_changed (record);
  if (rosette_key_record_get_status (record) == ROSETTE_KEY_STATUS_REVOKED && changed != NULL)
    {
      g_autofree char *when = g_date_time_format (changed, "%Y-%m-%dT%H:%M:%SZ");

      add_string (builder, "revoked", when);
    }

  json_builder_end_object (builder);
  return TRUE;
}

/**
 * rosette_issuer_build_did_document:
 * @issuer: a #RosetteIssuer
 * @record: (nullable): in did:key mode, the key whose did:key document to
 *   build (%NULL: the active Ed25519 key); ignored for did:web
 * @error: return location for a #GError
 *
 * For did:web, the did.json to publish at
 * https://<domain>/.well-known/did.json: every key as a verification
 * method (Multikey for Ed25519 and P-256, JsonWebKey for RSA; revoked keys
 * carry "revoked"), and the active keys in assertionMethod.
 *
 * Returns: (transfer full): the document, or %NULL with
 *   %ROSETTE_ERROR_INVALID for an https-URL issuer (which has no DID)
 */
JsonNode *
rosette_issuer_build_did_document (RosetteIssuer     *issuer,
                                   RosetteKeyRecord  *record,
                                   GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func (g_free);
  GListModel *keys;
  gboolean has_rsa = FALSE;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  switch (rosette_issuer_get_identifier_mode (issuer))
    {
    case ROSETTE_IDENTIFIER_MODE_DID_KEY:
      {
        g_autoptr(RosetteKey) key = NULL;

        if (record == NULL)
          record = rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_ED25519);
        if (record == NULL)
          {
            g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                         _("The issuer has no active Ed25519 key"));
            return NULL;
          }
        key = rosette_key_new_from_record (record, error);
        if (key == NULL)
          return NULL;
        return rosette_key_build_did_key_document (key, error);
      }

    case ROSETTE_IDENTIFIER_MODE_URL:
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("An issuer identified by an https address has no DID document; "
                     "use did:web to publish one"));
      return NULL;

    case ROSETTE_IDENTIFIER_MODE_DID_WEB:
    default:
      break;
    }

  keys = rosette_issuer_get_keys (issuer);
  n = g_list_model_get_n_items (keys);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) item = g_list_model_get_item (keys, i);

      if (rosette_key_record_get_algorithm (item) == ROSETTE_KEY_ALGORITHM_RSA2048)
        has_rsa = TRUE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "https://www.w3.org/ns/did/v1");
  json_builder_add_string_value (builder, "https://w3id.org/security/multikey/v1");
  if (has_rsa)
    json_builder_add_string_value (builder, "https://w3id.org/security/jwk/v1");
  json_builder_end_array (builder);
  add_string (builder, "id", rosette_issuer_get_identifier (issuer));

  json_builder_set_member_name (builder, "verificationMethod");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) item = g_list_model_get_item (keys, i);

      if (!add_verification_method (builder, issuer, item, error))
        return NULL;
      if (rosette_key_record_can_sign (item))
        g_ptr_array_add (active, rosette_issuer_dup_key_uri (issuer, item, NULL));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "assertionMethod");
  json_builder_begin_array (builder);
  for (guint i = 0; i < active->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (active, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * rosette_issuer_build_cryptographic_key:
 *
 * The OB 2.0 CryptographicKey document of @record (publish it at its
 * "id"). Revoked keys carry "revoked": true.
 *
 * Returns: (transfer full): the document, or %NULL with an error
 */
JsonNode *
rosette_issuer_build_cryptographic_key (RosetteIssuer     *issuer,
                                        RosetteKeyRecord  *record,
                                        GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RosetteKey) key = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *pem = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  key = rosette_key_new_from_record (record, error);
  if (key == NULL)
    return NULL;

  base = rosette_issuer_dup_publish_base (issuer, error);
  if (base == NULL)
    return NULL;
  owner = rosette_issuer_dup_ob2_profile_url (issuer, error);
  if (owner == NULL)
    return NULL;
  id = g_strconcat (base, "keys/", rosette_key_record_get_id (record), ".json", NULL);
  pem = rosette_key_dup_public_pem (key);

  json_builder_begin_object (builder);
  add_string (builder, "@context", "https://w3id.org/openbadges/v2");
  add_string (builder, "type", "CryptographicKey");
  add_string (builder, "id", id);
  add_string (builder, "owner", owner);
  add_string (builder, "publicKeyPem", pem);
  if (rosette_key_record_get_status (record) == ROSETTE_KEY_STATUS_REVOKED)
    {
      json_builder_set_member_name (builder, "revoked");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

/**
 * rosette_issuer_export_public:
 * @issuer: a #RosetteIssuer
 * @record: the key (for did-json in did:web mode: any key of the issuer)
 * @format: the form wanted
 * @error: return location for a #GError
 *
 * What `rosette-cli keys export-public` prints and the Keys page copies.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
rosette_issuer_export_public (RosetteIssuer        *issuer,
                              RosetteKeyRecord     *record,
                              RosettePublicFormat   format,
                              GError              **error)
{
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  key = rosette_key_new_from_record (record, error);
  if (key == NULL)
    return NULL;

  switch (format)
    {
    case ROSETTE_PUBLIC_FORMAT_JWK:
      {
        g_autofree char *kid = rosette_issuer_dup_key_uri (issuer, record, NULL);
        g_autoptr(JsonObject) jwk = rosette_key_dup_jwk (key, kid != NULL ? kid
                                                          : rosette_key_record_get_id (record));

        node = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (node, jwk);
        return node_to_text (node);
      }

    case ROSETTE_PUBLIC_FORMAT_PEM:
      return rosette_key_dup_public_pem (key);

    case ROSETTE_PUBLIC_FORMAT_DID:
      text = rosette_issuer_dup_identifier_for_key (issuer, record, error);
      return text != NULL ? g_strconcat (text, "\n", NULL) : NULL;

    case ROSETTE_PUBLIC_FORMAT_DID_JSON:
      node = rosette_issuer_build_did_document (issuer, record, error);
      return node != NULL ? node_to_text (node) : NULL;

    case ROSETTE_PUBLIC_FORMAT_MULTIKEY:
      {
        g_autoptr(JsonBuilder) builder = NULL;
        g_autofree char *multibase = rosette_key_dup_multikey (key, error);
        g_autofree char *id = NULL;

        if (multibase == NULL)
          return NULL;
        id = rosette_issuer_dup_key_uri (issuer, record, error);
        if (id == NULL)
          return NULL;

        builder = json_builder_new ();
        json_builder_begin_object (builder);
        add_string (builder, "@context", "https://w3id.org/security/multikey/v1");
        add_string (builder, "id", id);
        add_string (builder, "type", "Multikey");
        {
          g_autofree char *controller = rosette_issuer_dup_identifier_for_key (issuer, record, NULL);

          add_string (builder, "controller", controller);
        }
        add_string (builder, "publicKeyMultibase", multibase);
        json_builder_end_object (builder);
        node = json_builder_get_root (builder);
        return node_to_text (node);
      }

    case ROSETTE_PUBLIC_FORMAT_OB2:
      node = rosette_issuer_build_cryptographic_key (issuer, record, error);
      return node != NULL ? node_to_text (node) : NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}
