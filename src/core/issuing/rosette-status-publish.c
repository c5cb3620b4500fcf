/* rosette-status-publish.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The revocation lists Rosette publishes: one W3C
 * BitstringStatusListCredential per status list of the registry, signed
 * by the issuer (VC-JWT with a P-256 or RSA key; a Data Integrity proof
 * with an Ed25519 key), written to <publish folder>/status/<list id>.json.
 * Each issued credential's credentialStatus points at
 * <publish base>status/<list id>.json, so publishing the folder at the
 * issuer's web address makes revocation visible to any verifier.
 *
 * OB 2.0 signed assertions have no credentialStatus: their verifiers read
 * the issuer Profile's "revocationList", an unsigned OB 2.0 RevocationList
 * of "revokedAssertions", written beside them to
 * <publish folder>/status/ob2-revocations.json.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-credential.h"
#include "rosette-data-integrity.h"
#include "rosette-error.h"
#include "rosette-issuer-keys.h"
#include "rosette-jws.h"
#include "rosette-key-documents.h"
#include "rosette-status-publish.h"

/**
 * rosette_status_list_dup_url:
 * @publish_base: the https base URL, ending in '/'
 * @list_id: the registry's status list id
 *
 * Returns: (transfer full): "<publish_base>status/<list_id>.json"
 */
char *
rosette_status_list_dup_url (const char *publish_base,
                             gint64      list_id)
{
  g_return_val_if_fail (publish_base != NULL, NULL);

  return g_strdup_printf ("%s%sstatus/%" G_GINT64_FORMAT ".json", publish_base,
                          g_str_has_suffix (publish_base, "/") ? "" : "/", list_id);
}

/**
 * rosette_status_publish_dup_default_dir:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/rosette/publish
 */
char *
rosette_status_publish_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rosette", "publish", NULL);
}

/* @publish_dir, or the default publish folder when it is %NULL. */
static GFile *
dup_publish_dir (GFile *publish_dir)
{
  g_autofree char *path = NULL;

  if (publish_dir != NULL)
    return g_object_ref (publish_dir);
  path = rosette_status_publish_dup_default_dir ();
  return g_file_new_for_path (path);
}

/**
 * rosette_status_list_build_credential:
 * @record: the record of @key
 * @key: the issuer's private key
 * @list_id: the status list
 * @publish_base: the issuer's publish base
 * @now: (nullable): validFrom; %NULL for now
 *
 * Returns: (transfer full): the signed BitstringStatusListCredential: a
 *   compact VC-JWT, or JSON with an embedded Data Integrity proof when
 *   @key is Ed25519; %NULL with an error
 */
char *
rosette_status_list_build_credential (RosetteRegistry   *registry,
                                      RosetteIssuer     *issuer,
                                      RosetteKeyRecord  *record,
                                      RosetteKey        *key,
                                      gint64             list_id,
                                      const char        *publish_base,
                                      GDateTime         *now,
                                      GError           **error)
{
  g_autoptr(GDateTime) from = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(JsonObject) credential = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *url = NULL;
  g_autofree char *subject_id = NULL;
  g_autofree char *issuer_id = NULL;
  g_autofree char *valid_from = NULL;
  JsonObject *subject;
  JsonArray *array;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);
  g_return_val_if_fail (publish_base != NULL, NULL);

  encoded = rosette_registry_dup_status_list_encoded (registry, list_id, error);
  if (encoded == NULL)
    return NULL;
  issuer_id = rosette_issuer_dup_identifier_for_key (issuer, record, error);
  if (issuer_id == NULL)
    return NULL;

  url = rosette_status_list_dup_url (publish_base, list_id);
  subject_id = g_strconcat (url, "#list", NULL);
  valid_from = rosette_credential_format_date (from);

  array = json_array_new ();
  json_array_add_string_element (array, ROSETTE_CONTEXT_VC_V2);
  json_object_set_array_member (credential, "@context", array);
  json_object_set_string_member (credential, "id", url);
  array = json_array_new ();
  json_array_add_string_element (array, "VerifiableCredential");
  json_array_add_string_element (array, "BitstringStatusListCredential");
  json_object_set_array_member (credential, "type", array);
  json_object_set_string_member (credential, "issuer", issuer_id);
  json_object_set_string_member (credential, "validFrom", valid_from);
  subject = json_object_new ();
  json_object_set_string_member (subject, "id", subject_id);
  json_object_set_string_member (subject, "type", "BitstringStatusList");
  json_object_set_string_member (subject, "statusPurpose", "revocation");
  json_object_set_string_member (subject, "encodedList", encoded);
  json_object_set_object_member (credential, "credentialSubject", subject);

  if (rosette_key_get_algorithm (key) == ROSETTE_KEY_ALGORITHM_ED25519)
    {
      g_autofree char *method = rosette_issuer_dup_key_uri (issuer, record, error);
      g_autoptr(JsonObject) proved = NULL;

      if (method == NULL)
        return NULL;
      proved = rosette_data_integrity_sign (credential, key, method, from, error);
      if (proved == NULL)
        return NULL;
      root = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (root, proved);
      return json_to_string (root, TRUE);
    }
  else
    {
      g_autofree char *kid = rosette_issuer_dup_key_uri (issuer, record, error);

      if (kid == NULL)
        return NULL;
      json_object_set_string_member (credential, "iss", issuer_id);
      json_object_set_string_member (credential, "jti", url);
      json_object_set_int_member (credential, "nbf", g_date_time_to_unix (from));
      root = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (root, credential);
      return rosette_jws_sign_json (key, kid, FALSE, root, error);
    }
}

/**
 * rosette_status_publish_sync:
 * @record: (nullable): the key's record; with @key %NULL too, the
 *   issuer's P-256 (else RSA) key is fetched from the keyring
 * @key: (nullable): the private key
 * @publish_dir: (nullable): the publish folder; %NULL for
 *   rosette_status_publish_dup_default_dir()
 *
 * Writes every status list of the registry, signed, to
 * @publish_dir/status/<id>.json (atomically), and notes it in the audit
 * log.
 *
 * Returns: (transfer full) (element-type GFile): the files written, or
 *   %NULL with an error (%ROSETTE_ERROR_INVALID when the issuer has no web
 *   address to publish under)
 */
GPtrArray *
rosette_status_publish_sync (RosetteRegistry   *registry,
                             RosetteIssuer     *issuer,
                             RosetteKeyRecord  *record,
                             RosetteKey        *key,
                             GFile             *publish_dir,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr(RosetteKeyRecord) own_record = NULL;
  g_autoptr(RosetteKey) own_key = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) lists = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) status_dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  base = rosette_issuer_dup_publish_base (issuer, error);
  if (base == NULL)
    return NULL;

  if (key == NULL)
    {
      RosetteKeyAlgorithm algorithm = ROSETTE_KEY_ALGORITHM_P256;

      if (rosette_issuer_find_signing_key (issuer, algorithm) == NULL)
        algorithm = ROSETTE_KEY_ALGORITHM_RSA2048;
      if (rosette_issuer_find_signing_key (issuer, algorithm) == NULL)
        algorithm = ROSETTE_KEY_ALGORITHM_ED25519;
      own_key = rosette_issuer_load_signing_key_sync (issuer, algorithm, &own_record, cancellable,
                                                      error);
      if (own_key == NULL)
        return NULL;
      key = own_key;
      record = own_record;
    }

  lists = rosette_registry_list_status_lists (registry, error);
  if (lists == NULL)
    return NULL;

  dir = dup_publish_dir (publish_dir);
  status_dir = g_file_get_child (dir, "status");
  if (!g_file_make_directory_with_parents (status_dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < lists->len; i++)
    {
      gint64 list_id = g_array_index (lists, gint64, i);
      g_autofree char *text = NULL;
      g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT ".json", list_id);
      g_autoptr(GFile) file = g_file_get_child (status_dir, name);
      g_autofree char *uri = NULL;

      text = rosette_status_list_build_credential (registry, issuer, record, key, list_id, base,
                                                   NULL, error);
      if (text == NULL)
        return NULL;
      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
        return NULL;

      uri = rosette_status_list_dup_url (base, list_id);
      if (!rosette_registry_audit (registry, ROSETTE_AUDIT_ACTION_PUBLISH, uri, NULL, NULL, error))
        return NULL;
      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  return g_steal_pointer (&files);
}

/**
 * rosette_status_dup_ob2_revocation_list_url:
 * @publish_base: the https base URL, ending in '/'
 *
 * Returns: (transfer full): "<publish_base>status/ob2-revocations.json",
 *   the "revocationList" of the issuer's OB 2.0 Profile
 */
char *
rosette_status_dup_ob2_revocation_list_url (const char *publish_base)
{
  g_return_val_if_fail (publish_base != NULL, NULL);

  return g_strconcat (publish_base, g_str_has_suffix (publish_base, "/") ? "" : "/",
                      "status/" ROSETTE_STATUS_OB2_REVOCATION_LIST_NAME, NULL);
}

static gboolean
add_revoked_ob2 (RosetteIssuedRecord *record,
                 gpointer             user_data)
{
  JsonBuilder *builder = user_data;
  const char *reason = rosette_issued_record_get_revoke_reason (record);

  if (g_strcmp0 (rosette_issued_record_get_proof_type (record), "ob2") != 0)
    return TRUE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, rosette_issued_record_get_credential_id (record));
  if (reason != NULL && *reason != '\0')
    {
      json_builder_set_member_name (builder, "revocationReason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * rosette_status_build_ob2_revocation_list:
 *
 * The issuer's OB 2.0 RevocationList: every revoked OB 2.0 assertion of the
 * registry with its reason, in the order they were issued.
 *
 * Returns: (transfer full): the JSON text, or %NULL with an error (the
 *   issuer has no web address, or the registry could not be read)
 */
char *
rosette_status_build_ob2_revocation_list (RosetteRegistry  *registry,
                                          RosetteIssuer    *issuer,
                                          GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *profile = NULL;
  RosetteIssuedQuery query = { 0 };

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  base = rosette_issuer_dup_publish_base (issuer, error);
  if (base == NULL)
    return NULL;
  profile = rosette_issuer_dup_ob2_profile_url (issuer, error);
  if (profile == NULL)
    return NULL;
  id = rosette_status_dup_ob2_revocation_list_url (base);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, "https://w3id.org/openbadges/v2");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "RevocationList");
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_string_value (builder, profile);
  json_builder_set_member_name (builder, "revokedAssertions");
  json_builder_begin_array (builder);
  query.status = ROSETTE_CREDENTIAL_STATUS_REVOKED;
  query.sort = ROSETTE_ISSUED_SORT_ISSUED_AT;
  if (!rosette_registry_foreach_issued (registry, &query, add_revoked_ob2, builder, error))
    return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

/**
 * rosette_status_publish_after_change:
 * @record: (nullable): the signing key's record
 * @key: (nullable): the signing key; with @record %NULL, the issuer's key
 *   is loaded from the keyring (P-256, else RSA, else Ed25519)
 * @publish_dir: (nullable): the publish folder; %NULL for
 *   rosette_status_publish_dup_default_dir()
 *
 * What to call after a revocation, re-issue or renewal: writes every
 * signed status list (rosette_status_publish_sync()) and the OB 2.0
 * RevocationList to the publish folder, each atomically, and notes them
 * in the audit log.
 *
 * Returns: (transfer full) (element-type GFile): the files written, or
 *   %NULL with an error
 */
GPtrArray *
rosette_status_publish_after_change (RosetteRegistry   *registry,
                                     RosetteIssuer     *issuer,
                                     RosetteKeyRecord  *record,
                                     RosetteKey        *key,
                                     GFile             *publish_dir,
                                     GCancellable      *cancellable,
                                     GError           **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  files = rosette_status_publish_sync (registry, issuer, record, key, publish_dir, cancellable,
                                       error);
  if (files == NULL)
    return NULL;

  text = rosette_status_build_ob2_revocation_list (registry, issuer, error);
  if (text == NULL)
    return NULL;
  dir = dup_publish_dir (publish_dir);
  file = g_file_resolve_relative_path (dir, "status/" ROSETTE_STATUS_OB2_REVOCATION_LIST_NAME);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
    return NULL;

  base = rosette_issuer_dup_publish_base (issuer, error);
  if (base == NULL)
    return NULL;
  url = rosette_status_dup_ob2_revocation_list_url (base);
  if (!rosette_registry_audit (registry, ROSETTE_AUDIT_ACTION_PUBLISH, url, NULL, NULL, error))
    return NULL;
  g_ptr_array_add (files, g_steal_pointer (&file));
  return g_steal_pointer (&files);
}
