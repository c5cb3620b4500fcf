/* rosette-issuer-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What a person does with an issuer's keys: create the issuer with its
 * default keys, generate more, retire and revoke, back up and restore,
 * and sign. Each operation either completes or changes nothing:
 *
 * - private keys go to the keyring first; the profile file (public data)
 *   is written only after every key is stored, and stored keys are
 *   deleted again if the profile cannot be written;
 * - a restore decrypts and checks every key before it stores any;
 * - status changes are made on a copy that is saved, then applied.
 *
 * Private keys exist in this process only for the length of a call, in
 * GnuTLS objects and self-wiping GBytes; they are never written to a
 * file except passphrase-encrypted in a backup.
 *
 * The backup bundle is JSON:
 *
 *   {
 *     "format" : "rosette-key-backup",
 *     "version" : 1,
 *     "created" : "2026-03-01T09:00:00Z",
 *     "issuer" : { …the issuer profile, as in rosette-issuer-document.c… },
 *     "keys" : [
 *       { "id" : "3f1c9a0b2d4e5f60", "algorithm" : "ed25519",
 *         "encrypted-pkcs8" : "-----BEGIN ENCRYPTED PRIVATE KEY-----\n…" }
 *     ]
 *   }
 *
 * Each key is PKCS#8 encrypted with PBES2 (PBKDF2-SHA256, AES-256-CBC)
 * under the one passphrase, so `openssl pkey` can read any block.
 *
 * The _async variants run the same work in a worker thread on a copy of
 * the issuer and apply the result to the caller's object in _finish, on
 * the caller's thread, so list models bound to the GUI only ever change
 * on the main thread.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-issuer-keys.h"
#include "rosette-keyring.h"
#include "rosette-utils.h"

#define BACKUP_FORMAT_NAME "rosette-key-backup"
#define BACKUP_MAX_DEPTH 10

static RosetteIssuer *
issuer_copy (RosetteIssuer  *issuer,
             GError        **error)
{
  g_autoptr(GBytes) bytes = rosette_issuer_to_bytes (issuer);

  return rosette_issuer_new_from_bytes (bytes, error);
}

static char *
key_label (RosetteIssuer    *issuer,
           RosetteKeyRecord *record)
{
  /* Translators: a keyring item label: issuer name, algorithm, key id */
  return g_strdup_printf (_("Rosette signing key of %s (%s, %s)"),
                          rosette_issuer_get_name (issuer),
                          rosette_key_algorithm_get_label (rosette_key_record_get_algorithm (record)),
                          rosette_key_record_get_id (record));
}

static void
delete_stored (RosetteIssuer *issuer,
               GPtrArray     *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      RosetteKeyRecord *record = g_ptr_array_index (records, i);

      if (!rosette_keyring_delete_sync (rosette_issuer_get_id (issuer),
                                        rosette_key_record_get_id (record), NULL, &error))
        g_warning ("Could not remove key %s from the keyring after a failure: %s",
                   rosette_key_record_get_id (record), error->message);
    }
}

/* Generates the keys and stores each in the keyring. On failure, the
 * keys already stored are deleted and NULL is returned. */
static GPtrArray *
generate_and_store (RosetteIssuer              *issuer,
                    const RosetteKeyAlgorithm  *algorithms,
                    guint                       n_algorithms,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!rosette_keyring_check_sync (cancellable, error))
    return NULL;

  for (guint i = 0; i < n_algorithms; i++)
    {
      g_autoptr(RosetteKey) key = NULL;
      g_autoptr(GBytes) pkcs8 = NULL;
      g_autoptr(GBytes) spki = NULL;
      g_autoptr(RosetteKeyRecord) record = NULL;
      g_autofree char *label = NULL;

      key = rosette_key_generate (algorithms[i], error);
      if (key != NULL)
        pkcs8 = rosette_key_export_pkcs8 (key, error);
      if (pkcs8 == NULL)
        {
          delete_stored (issuer, records);
          return NULL;
        }

      spki = rosette_key_dup_spki (key);
      record = rosette_key_record_new (algorithms[i], spki, NULL);
      label = key_label (issuer, record);

      if (!rosette_keyring_store_sync (rosette_issuer_get_id (issuer),
                                       rosette_key_record_get_id (record), algorithms[i],
                                       pkcs8, label, cancellable, error))
        {
          delete_stored (issuer, records);
          return NULL;
        }

      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  return g_steal_pointer (&records);
}

/* Adds the records and saves; on failure removes them again. */
static gboolean
add_and_save (RosetteIssuer       *issuer,
              RosetteIssuerStore  *store,
              GPtrArray           *records,
              GCancellable        *cancellable,
              GError             **error)
{
  guint added = 0;

  for (; added < records->len; added++)
    {
      if (!rosette_issuer_add_key (issuer, g_ptr_array_index (records, added), error))
        break;
    }

  if (added == records->len && rosette_issuer_store_save (store, issuer, cancellable, error))
    return TRUE;

  for (guint i = 0; i < added; i++)
    rosette_issuer_remove_key (issuer,
                               rosette_key_record_get_id (g_ptr_array_index (records, i)));
  return FALSE;
}

/**
 * rosette_issuer_create_sync:
 * @issuer: a new issuer (rosette_issuer_new() plus its profile fields)
 * @store: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Generates the default keys (Ed25519 and ECDSA P-256), stores them in
 * the keyring, then saves the profile; it becomes the current issuer if
 * there was none. If the keyring fails nothing is written at all.
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_issuer_create_sync (RosetteIssuer       *issuer,
                            RosetteIssuerStore  *store,
                            GCancellable        *cancellable,
                            GError             **error)
{
  static const RosetteKeyAlgorithm defaults[] = {
    ROSETTE_KEY_ALGORITHM_ED25519, ROSETTE_KEY_ALGORITHM_P256
  };
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), FALSE);
  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (store), FALSE);

  if (!rosette_issuer_validate (issuer, error))
    return FALSE;

  if (rosette_issuer_get_n_keys (issuer) > 0 ||
      rosette_issuer_store_contains (store, rosette_issuer_get_id (issuer)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The issuer “%s” already exists"), rosette_issuer_get_name (issuer));
      return FALSE;
    }

  records = generate_and_store (issuer, defaults, G_N_ELEMENTS (defaults), cancellable, error);
  if (records == NULL)
    return FALSE;

  if (!add_and_save (issuer, store, records, cancellable, error))
    {
      delete_stored (issuer, records);
      return FALSE;
    }

  current = rosette_issuer_store_dup_current_id (store);
  if (current == NULL || !rosette_issuer_store_contains (store, current))
    {
      g_autoptr(GError) local_error = NULL;

      if (!rosette_issuer_store_set_current_id (store, rosette_issuer_get_id (issuer),
                                                cancellable, &local_error))
        g_warning ("Could not mark the new issuer as current: %s", local_error->message);
    }

  return TRUE;
}

/**
 * rosette_issuer_generate_key_sync:
 * @issuer: a saved issuer
 * @store: its store
 * @algorithm: the kind of key
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes a new active key. Older active keys of the same kind stay active
 * until retired; the newest one signs.
 *
 * Returns: (transfer full): the new key's record, or %NULL with an error
 *   (and nothing changed)
 */
RosetteKeyRecord *
rosette_issuer_generate_key_sync (RosetteIssuer        *issuer,
                                  RosetteIssuerStore   *store,
                                  RosetteKeyAlgorithm   algorithm,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (store), NULL);

  if (!rosette_issuer_validate (issuer, error))
    return NULL;

  if (rosette_issuer_get_n_keys (issuer) >= ROSETTE_ISSUER_MAX_KEYS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("An issuer can have at most %d keys"), ROSETTE_ISSUER_MAX_KEYS);
      return NULL;
    }

  records = generate_and_store (issuer, &algorithm, 1, cancellable, error);
  if (records == NULL)
    return NULL;

  if (!add_and_save (issuer, store, records, cancellable, error))
    {
      delete_stored (issuer, records);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (records, 0));
}

static gboolean
change_status (RosetteIssuer       *issuer,
               RosetteIssuerStore  *store,
               const char          *key_id,
               RosetteKeyStatus     status,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(RosetteIssuer) copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  RosetteKeyRecord *record;

  record = rosette_issuer_find_key (issuer, key_id);
  if (record == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("The issuer has no key %s (see rosette-cli keys list)"),
                   key_id != NULL ? key_id : "");
      return FALSE;
    }

  if (rosette_key_record_get_status (record) == status)
    return TRUE;

  copy = issuer_copy (issuer, error);
  if (copy == NULL)
    return FALSE;

  if (!rosette_key_record_set_status (rosette_issuer_find_key (copy, key_id), status, now, error) ||
      !rosette_issuer_store_save (store, copy, cancellable, error))
    return FALSE;

  return rosette_key_record_set_status (record, status, now, error);
}

/**
 * rosette_issuer_retire_key:
 *
 * Retires @key_id: it stays published (old credentials still verify) and
 * never signs again. The private key stays in the keyring and backups.
 */
gboolean
rosette_issuer_retire_key (RosetteIssuer       *issuer,
                           RosetteIssuerStore  *store,
                           const char          *key_id,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), FALSE);
  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (store), FALSE);

  return change_status (issuer, store, key_id, ROSETTE_KEY_STATUS_RETIRED, cancellable, error);
}

/**
 * rosette_issuer_revoke_key:
 *
 * Revokes @key_id (compromised): it is published as revoked and never
 * signs again.
 */
gboolean
rosette_issuer_revoke_key (RosetteIssuer       *issuer,
                           RosetteIssuerStore  *store,
                           const char          *key_id,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), FALSE);
  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (store), FALSE);

  return change_status (issuer, store, key_id, ROSETTE_KEY_STATUS_REVOKED, cancellable, error);
}

/* The private key of @record from the keyring, checked to be that key. */
static RosetteKey *
load_private_key (RosetteIssuer     *issuer,
                  RosetteKeyRecord  *record,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(GBytes) pkcs8 = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GBytes) spki = NULL;

  pkcs8 = rosette_keyring_lookup_sync (rosette_issuer_get_id (issuer),
                                       rosette_key_record_get_id (record), cancellable, error);
  if (pkcs8 == NULL)
    return NULL;

  key = rosette_key_new_from_pkcs8 (pkcs8, error);
  if (key == NULL)
    return NULL;

  spki = rosette_key_dup_spki (key);
  if (!g_bytes_equal (spki, rosette_key_record_get_public_key (record)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("The keyring holds a different private key for key %s"),
                   rosette_key_record_get_id (record));
      return NULL;
    }

  return g_steal_pointer (&key);
}

/**
 * rosette_issuer_load_signing_key_sync:
 * @issuer: a #RosetteIssuer
 * @algorithm: the kind of key wanted
 * @out_record: (out) (optional) (transfer full): the key's record
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Fetches the private key of the newest active key of @algorithm from the
 * keyring, for a batch of signatures. Drop it when the batch is done.
 * Retired and revoked keys are never returned.
 *
 * Returns: (transfer full): the private key, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND or a keyring error
 */
RosetteKey *
rosette_issuer_load_signing_key_sync (RosetteIssuer        *issuer,
                                      RosetteKeyAlgorithm   algorithm,
                                      RosetteKeyRecord    **out_record,
                                      GCancellable         *cancellable,
                                      GError              **error)
{
  RosetteKeyRecord *record;
  RosetteKey *key;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  record = rosette_issuer_find_signing_key (issuer, algorithm);
  if (record == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("The issuer has no active %s key; generate one (rosette-cli keys generate --type %s)"),
                   rosette_key_algorithm_get_label (algorithm),
                   rosette_key_algorithm_to_string (algorithm));
      return NULL;
    }

  key = load_private_key (issuer, record, cancellable, error);
  if (key != NULL && out_record != NULL)
    *out_record = g_object_ref (record);

  return key;
}

/**
 * rosette_issuer_sign_sync:
 * @issuer: a #RosetteIssuer
 * @algorithm: which of its keys signs
 * @data: (array length=length): the bytes to sign
 * @length: their number
 * @out_record: (out) (optional) (transfer full): the key that signed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the signature (see rosette_key_sign())
 */
GBytes *
rosette_issuer_sign_sync (RosetteIssuer        *issuer,
                          RosetteKeyAlgorithm   algorithm,
                          const guint8         *data,
                          gsize                 length,
                          RosetteKeyRecord    **out_record,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  GBytes *signature;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  key = rosette_issuer_load_signing_key_sync (issuer, algorithm, &record, cancellable, error);
  if (key == NULL)
    return NULL;

  signature = rosette_key_sign (key, data, length, error);
  if (signature != NULL && out_record != NULL)
    *out_record = g_steal_pointer (&record);

  return signature;
}

/* ---- backup and restore ---- */

static gboolean
check_passphrase (const char  *passphrase,
                  GError     **error)
{
  if (passphrase != NULL && passphrase[0] != '\0' &&
      strlen (passphrase) <= ROSETTE_KEY_MAX_PASSPHRASE_LENGTH &&
      g_utf8_validate (passphrase, -1, NULL))
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("The passphrase must be 1 to %d bytes of text"),
               ROSETTE_KEY_MAX_PASSPHRASE_LENGTH);
  return FALSE;
}

/**
 * rosette_issuer_backup_sync:
 * @issuer: a #RosetteIssuer
 * @file: the bundle to write (replaced atomically, private to the user)
 * @passphrase: the passphrase that will be needed to restore
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every key of @issuer (active, retired and revoked), encrypted,
 * with the profile. Takes about 70 ms per key: call the _async variant
 * from the GUI.
 *
 * Returns: %TRUE on success; the file is not touched on failure
 */
gboolean
rosette_issuer_backup_sync (RosetteIssuer  *issuer,
                            GFile          *file,
                            const char     *passphrase,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *text = NULL;
  GListModel *keys;
  gsize length;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_passphrase (passphrase, error))
    return FALSE;

  keys = rosette_issuer_get_keys (issuer);
  n = g_list_model_get_n_items (keys);
  if (n == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("The issuer has no keys to back up"));
      return FALSE;
    }

  profile = rosette_issuer_to_bytes (issuer);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (profile, NULL),
                                   g_bytes_get_size (profile), error))
    return FALSE;

  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BACKUP_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ROSETTE_BACKUP_FORMAT_VERSION);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      g_autoptr(RosetteKey) key = NULL;
      g_autofree char *pem = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      key = load_private_key (issuer, record, cancellable, error);
      if (key == NULL)
        return FALSE;

      pem = rosette_key_export_encrypted_pkcs8 (key, passphrase, error);
      if (pem == NULL)
        return FALSE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, rosette_key_record_get_id (record));
      json_builder_set_member_name (builder, "algorithm");
      json_builder_add_string_value (builder,
                                     rosette_key_algorithm_to_string (rosette_key_record_get_algorithm (record)));
      json_builder_set_member_name (builder, "encrypted-pkcs8");
      json_builder_add_string_value (builder, pem);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);

  if (!g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, cancellable, &local_error))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), g_file_peek_path (file),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  RosetteKeyRecord *record;
  RosetteKey       *key;
  GBytes           *pkcs8;
} RestoredKey;

static void
restored_key_free (RestoredKey *restored)
{
  g_clear_object (&restored->record);
  g_clear_object (&restored->key);
  g_clear_pointer (&restored->pkcs8, g_bytes_unref);
  g_free (restored);
}

static gboolean
bad_bundle (GError     **error,
            const char  *what)
{
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
               _("This is not a valid Rosette key backup (%s); nothing was restored"), what);
  return FALSE;
}

/* Reads the bundle and decrypts every key, touching nothing. */
static RosetteIssuer *
read_bundle (GFile         *file,
             const char    *passphrase,
             GPtrArray     *restored,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GBytes) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *keys;
  const char *data;
  char *profile_text;
  gsize size, profile_length;

  bytes = rosette_load_file_bounded (file, ROSETTE_BACKUP_MAX_FILE_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL) || !rosette_json_depth_ok (data, size, BACKUP_MAX_DEPTH))
    {
      bad_bundle (error, _("not JSON text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      bad_bundle (error, local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_bundle (error, _("not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 BACKUP_FORMAT_NAME) != 0)
    {
      bad_bundle (error, "format");
      return NULL;
    }
  if (json_object_get_int_member_with_default (root, "version", 0) > ROSETTE_BACKUP_FORMAT_VERSION)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNSUPPORTED_VERSION,
                   _("The backup was made by a newer Rosette; update Rosette to restore it"));
      return NULL;
    }

  node = json_object_get_member (root, "issuer");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_bundle (error, "issuer");
      return NULL;
    }

  /* The embedded profile goes through the same checks as a profile file. */
  json_generator_set_root (generator, node);
  profile_text = json_generator_to_data (generator, &profile_length);
  profile = g_bytes_new_take (profile_text, profile_length);
  issuer = rosette_issuer_new_from_bytes (profile, error);
  if (issuer == NULL)
    return NULL;

  node = json_object_get_member (root, "keys");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      bad_bundle (error, "keys");
      return NULL;
    }
  keys = json_node_get_array (node);
  if (json_array_get_length (keys) == 0 || json_array_get_length (keys) > ROSETTE_ISSUER_MAX_KEYS)
    {
      bad_bundle (error, "keys");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonNode *element = json_array_get_element (keys, i);
      g_autoptr(GError) key_error = NULL;
      g_autoptr(RosetteKey) key = NULL;
      g_autoptr(GBytes) spki = NULL;
      RosetteKeyRecord *record;
      RestoredKey *entry;
      const char *id, *pem;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          bad_bundle (error, "keys");
          return NULL;
        }
      id = json_object_get_string_member_with_default (json_node_get_object (element), "id", NULL);
      pem = json_object_get_string_member_with_default (json_node_get_object (element),
                                                        "encrypted-pkcs8", NULL);
      record = id != NULL ? rosette_issuer_find_key (issuer, id) : NULL;
      if (record == NULL || pem == NULL || strlen (pem) > 16 * 1024)
        {
          bad_bundle (error, "keys");
          return NULL;
        }

      key = rosette_key_new_from_encrypted_pkcs8 (pem, passphrase, &key_error);
      if (key == NULL)
        {
          if (g_error_matches (key_error, ROSETTE_ERROR, ROSETTE_ERROR_BAD_PASSPHRASE))
            g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_BAD_PASSPHRASE,
                         _("The passphrase is wrong; nothing was restored"));
          else
            bad_bundle (error, key_error->message);
          return NULL;
        }

      spki = rosette_key_dup_spki (key);
      if (!g_bytes_equal (spki, rosette_key_record_get_public_key (record)))
        {
          bad_bundle (error, _("a private key does not match its public key"));
          return NULL;
        }

      entry = g_new0 (RestoredKey, 1);
      entry->record = g_object_ref (record);
      entry->pkcs8 = rosette_key_export_pkcs8 (key, error);
      entry->key = g_steal_pointer (&key);
      g_ptr_array_add (restored, entry);
      if (entry->pkcs8 == NULL)
        return NULL;
    }

  /* Every key of the profile must be in the bundle, or signing with a
   * missing one would fail later, far from the cause. */
  if (restored->len != rosette_issuer_get_n_keys (issuer))
    {
      bad_bundle (error, _("keys are missing"));
      return NULL;
    }

  return g_steal_pointer (&issuer);
}

/* Brings the local copy of an issuer up to date with a restored one:
 * keys it lacks are added, statuses only move forward. */
static gboolean
merge_into (RosetteIssuer  *local,
            RosetteIssuer  *restored,
            GError        **error)
{
  GListModel *keys = rosette_issuer_get_keys (restored);
  guint n = g_list_model_get_n_items (keys);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      RosetteKeyRecord *mine = rosette_issuer_find_key (local, rosette_key_record_get_id (record));

      if (mine == NULL)
        {
          if (!rosette_issuer_add_key (local, record, error))
            return FALSE;
        }
      else if (rosette_key_record_get_status (record) > rosette_key_record_get_status (mine))
        {
          if (!rosette_key_record_set_status (mine, rosette_key_record_get_status (record),
                                              rosette_key_record_get_status_changed (record),
                                              error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * rosette_issuer_restore_sync:
 * @store: where to put the restored issuer
 * @file: a bundle made by rosette_issuer_backup_sync()
 * @passphrase: its passphrase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Decrypts and checks every key first; only then stores them in the
 * keyring and saves the profile (merged into the local one if this issuer
 * is already here). A wrong passphrase gives
 * %ROSETTE_ERROR_BAD_PASSPHRASE and changes nothing.
 *
 * Returns: (transfer full): the restored issuer as now saved
 */
RosetteIssuer *
rosette_issuer_restore_sync (RosetteIssuerStore  *store,
                             GFile               *file,
                             const char          *passphrase,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func ((GDestroyNotify) restored_key_free);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteIssuer) target = NULL;
  g_auto(GStrv) present = NULL;
  g_autofree char *current = NULL;
  const char *issuer_id;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_passphrase (passphrase, error))
    return NULL;

  issuer = read_bundle (file, passphrase, restored, cancellable, error);
  if (issuer == NULL)
    return NULL;
  issuer_id = rosette_issuer_get_id (issuer);

  if (rosette_issuer_store_contains (store, issuer_id))
    {
      target = rosette_issuer_store_load (store, issuer_id, cancellable, error);
      if (target == NULL || !merge_into (target, issuer, error))
        return NULL;
    }
  else
    {
      target = g_object_ref (issuer);
    }

  if (!rosette_keyring_check_sync (cancellable, error))
    return NULL;
  present = rosette_keyring_list_keys_sync (issuer_id, cancellable, error);
  if (present == NULL)
    return NULL;

  for (guint i = 0; i < restored->len; i++)
    {
      RestoredKey *entry = g_ptr_array_index (restored, i);
      const char *key_id = rosette_key_record_get_id (entry->record);
      g_autofree char *label = NULL;

      if (g_strv_contains ((const char * const *) present, key_id))
        continue;

      label = key_label (issuer, entry->record);
      if (!rosette_keyring_store_sync (issuer_id, key_id,
                                       rosette_key_record_get_algorithm (entry->record),
                                       entry->pkcs8, label, cancellable, error))
        {
          delete_stored (issuer, stored);
          return NULL;
        }
      g_ptr_array_add (stored, g_object_ref (entry->record));
    }

  if (!rosette_issuer_store_save (store, target, cancellable, error))
    {
      delete_stored (issuer, stored);
      return NULL;
    }

  current = rosette_issuer_store_dup_current_id (store);
  if (current == NULL || !rosette_issuer_store_contains (store, current))
    rosette_issuer_store_set_current_id (store, issuer_id, cancellable, NULL);

  return g_steal_pointer (&target);
}

/* ---- async variants ---- */

typedef struct
{
  RosetteIssuer       *copy;
  RosetteIssuerStore  *store;
  GFile               *file;
  char                *passphrase;
  RosetteKeyAlgorithm  algorithm;
} IssuerOp;

static void
issuer_op_free (IssuerOp *op)
{
  g_clear_object (&op->copy);
  g_clear_object (&op->store);
  g_clear_object (&op->file);
  if (op->passphrase != NULL)
    {
      memset (op->passphrase, 0, strlen (op->passphrase));
      g_free (op->passphrase);
    }
  g_free (op);
}

static GTask *
issuer_task_new (gpointer             source_object,
                 RosetteIssuer       *issuer,
                 RosetteIssuerStore  *store,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  IssuerOp *op = g_new0 (IssuerOp, 1);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) issuer_op_free);
  if (store != NULL)
    op->store = g_object_ref (store);
  if (issuer != NULL)
    {
      op->copy = issuer_copy (issuer, &error);
      if (op->copy == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return task;
        }
    }

  return task;
}

/* Applies the keys and statuses of the worker's copy to the caller's
 * issuer, on the caller's thread. */
static gboolean
apply_copy (RosetteIssuer  *issuer,
            GAsyncResult   *result,
            gpointer        source_tag,
            GError        **error)
{
  IssuerOp *op;

  g_return_val_if_fail (g_task_is_valid (result, issuer), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  op = g_task_get_task_data (G_TASK (result));
  return merge_into (issuer, op->copy, error);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IssuerOp *op = task_data;
  GError *error = NULL;

  if (rosette_issuer_create_sync (op->copy, op->store, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rosette_issuer_create_async (RosetteIssuer       *issuer,
                             RosetteIssuerStore  *store,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROSETTE_IS_ISSUER (issuer));
  g_return_if_fail (ROSETTE_IS_ISSUER_STORE (store));

  task = issuer_task_new (issuer, issuer, store, cancellable, callback, user_data,
                          rosette_issuer_create_async);
  if (!g_task_had_error (task))
    g_task_run_in_thread (task, create_thread);
}

gboolean
rosette_issuer_create_finish (RosetteIssuer  *issuer,
                              GAsyncResult   *result,
                              GError        **error)
{
  return apply_copy (issuer, result, rosette_issuer_create_async, error);
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  IssuerOp *op = task_data;
  g_autoptr(RosetteKeyRecord) record = NULL;
  GError *error = NULL;

  record = rosette_issuer_generate_key_sync (op->copy, op->store, op->algorithm,
                                             cancellable, &error);
  if (record != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rosette_issuer_generate_key_async (RosetteIssuer        *issuer,
                                   RosetteIssuerStore   *store,
                                   RosetteKeyAlgorithm   algorithm,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROSETTE_IS_ISSUER (issuer));
  g_return_if_fail (ROSETTE_IS_ISSUER_STORE (store));

  task = issuer_task_new (issuer, issuer, store, cancellable, callback, user_data,
                          rosette_issuer_generate_key_async);
  if (g_task_had_error (task))
    return;
  ((IssuerOp *) g_task_get_task_data (task))->algorithm = algorithm;
  g_task_run_in_thread (task, generate_thread);
}

/**
 * rosette_issuer_generate_key_finish:
 *
 * Returns: (transfer full): the new key's record, now in @issuer
 */
RosetteKeyRecord *
rosette_issuer_generate_key_finish (RosetteIssuer  *issuer,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  IssuerOp *op;
  guint n;

  if (!apply_copy (issuer, result, rosette_issuer_generate_key_async, error))
    return NULL;

  op = g_task_get_task_data (G_TASK (result));
  n = rosette_issuer_get_n_keys (op->copy);
  {
    g_autoptr(RosetteKeyRecord) last = g_list_model_get_item (rosette_issuer_get_keys (op->copy),
                                                              n - 1);

    return g_object_ref (rosette_issuer_find_key (issuer, rosette_key_record_get_id (last)));
  }
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IssuerOp *op = task_data;
  GError *error = NULL;

  if (rosette_issuer_backup_sync (op->copy, op->file, op->passphrase, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rosette_issuer_backup_async (RosetteIssuer       *issuer,
                             GFile               *file,
                             const char          *passphrase,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  IssuerOp *op;

  g_return_if_fail (ROSETTE_IS_ISSUER (issuer));
  g_return_if_fail (G_IS_FILE (file));

  task = issuer_task_new (issuer, issuer, NULL, cancellable, callback, user_data,
                          rosette_issuer_backup_async);
  if (g_task_had_error (task))
    return;
  op = g_task_get_task_data (task);
  op->file = g_object_ref (file);
  op->passphrase = g_strdup (passphrase);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
rosette_issuer_backup_finish (RosetteIssuer  *issuer,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, issuer), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  IssuerOp *op = task_data;
  GError *error = NULL;
  RosetteIssuer *issuer;

  issuer = rosette_issuer_restore_sync (op->store, op->file, op->passphrase, cancellable, &error);
  if (issuer != NULL)
    g_task_return_pointer (task, issuer, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
rosette_issuer_restore_async (RosetteIssuerStore  *store,
                              GFile               *file,
                              const char          *passphrase,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  IssuerOp *op;

  g_return_if_fail (ROSETTE_IS_ISSUER_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = issuer_task_new (store, NULL, store, cancellable, callback, user_data,
                          rosette_issuer_restore_async);
  op = g_task_get_task_data (task);
  op->file = g_object_ref (file);
  op->passphrase = g_strdup (passphrase);
  g_task_run_in_thread (task, restore_thread);
}

/**
 * rosette_issuer_restore_finish:
 *
 * Returns: (transfer full): see rosette_issuer_restore_sync()
 */
RosetteIssuer *
rosette_issuer_restore_finish (RosetteIssuerStore  *store,
                               GAsyncResult        *result,
                               GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
