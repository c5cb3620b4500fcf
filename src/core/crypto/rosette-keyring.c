/* rosette-keyring.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Private keys in the Secret Service (GNOME Keyring, KeePassXC, …) via
 * libsecret: one item per key in the default collection, schema
 * "io.github.rosette.IssuerKey", attributes issuer-id, key-id and
 * algorithm; the secret is the unencrypted PKCS#8 DER with content type
 * "application/pkcs8". Item labels say whose key it is, so a person
 * browsing Passwords and Keys knows not to delete it.
 *
 * Rosette never asks the keyring to pop up an unlock prompt from here:
 * a locked collection is reported as ROSETTE_ERROR_KEYRING_LOCKED with
 * words that say what to do, so the command line never hangs on a prompt
 * no one can see. Every libsecret failure is mapped to one of the
 * ROSETTE_ERROR_KEYRING_* / ACCESS_DENIED codes with a message for people.
 *
 * The sync functions block on D-Bus: the GUI uses the _async variants,
 * which run them in a worker thread (libsecret's sync API is thread-safe).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-key.h"
#include "rosette-key-record.h"
#include "rosette-keyring.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    ROSETTE_KEYRING_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "issuer-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "key-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "algorithm", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* Turns whatever libsecret or GDBus reported into a Rosette error that
 * says what is wrong and what to do. */
static void
set_keyring_error (GError **error,
                   GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (cause));
      return;
    }

  if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED,
                   _("The keyring is locked; unlock it (in Passwords and Keys) and try again"));
      return;
    }

  if (g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE,
                   _("No keyring service is running; install and start gnome-keyring "
                     "(or enable KeePassXC’s Secret Service integration) and try again"));
      return;
    }

  if (g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_AUTH_FAILED))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_ACCESS_DENIED,
                   _("The keyring refused access to Rosette’s keys; allow access when "
                     "the keyring asks, and try again"));
      return;
    }

  if (cause->domain == G_IO_ERROR ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_NO_SERVER) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_DISCONNECTED) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_FILE_NOT_FOUND) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_BAD_ADDRESS))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE,
                   _("Cannot reach the session bus: Rosette needs a desktop session with a "
                     "keyring (GNOME Keyring or KeePassXC’s Secret Service) to keep signing "
                     "keys. Run it in your desktop session (%s)"),
                   cause->message);
      return;
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE,
               _("The keyring failed: %s"), cause->message);
}

static SecretService *
get_service (GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SecretService *service;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION | SECRET_SERVICE_LOAD_COLLECTIONS,
                                     cancellable, &local_error);
  if (service == NULL)
    set_keyring_error (error, local_error);

  return service;
}

/* The collection new items go to must exist and be unlocked. */
static gboolean
check_default_collection (SecretService  *service,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) local_error = NULL;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, cancellable,
                                                 &local_error);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }

  if (collection == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE,
                   _("The keyring has no default collection; create one (Passwords and Keys, "
                     "New Password Keyring) and set it as default"));
      return FALSE;
    }

  if (secret_collection_get_locked (collection))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED,
                   _("The keyring is locked; unlock it (in Passwords and Keys) and try again"));
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
attributes_new (const char          *issuer_id,
                const char          *key_id,
                const char          *algorithm)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) "issuer-id", (gpointer) issuer_id);
  if (key_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "key-id", (gpointer) key_id);
  if (algorithm != NULL)
    g_hash_table_insert (attributes, (gpointer) "algorithm", (gpointer) algorithm);

  return attributes;
}

/**
 * rosette_keyring_check_sync:
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks that a keyring is reachable and its default collection unlocked,
 * before work that must not be half done (creating an issuer).
 *
 * Returns: %TRUE if keys can be stored now
 */
gboolean
rosette_keyring_check_sync (GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(SecretService) service = get_service (cancellable, error);

  if (service == NULL)
    return FALSE;

  return check_default_collection (service, cancellable, error);
}

/**
 * rosette_keyring_store_sync:
 * @issuer_id: the issuer's local id
 * @key_id: the key id
 * @algorithm: the key's algorithm
 * @pkcs8: the unencrypted PKCS#8 DER
 * @label: (nullable): the label people see in Passwords and Keys
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stores (or replaces) the key in the default collection.
 *
 * Returns: %TRUE on success; %ROSETTE_ERROR_KEYRING_UNAVAILABLE,
 *   %ROSETTE_ERROR_KEYRING_LOCKED or %ROSETTE_ERROR_ACCESS_DENIED otherwise
 */
gboolean
rosette_keyring_store_sync (const char           *issuer_id,
                            const char           *key_id,
                            RosetteKeyAlgorithm   algorithm,
                            GBytes               *pkcs8,
                            const char           *label,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *default_label = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (issuer_id != NULL, FALSE);
  g_return_val_if_fail (rosette_key_id_is_valid (key_id), FALSE);
  g_return_val_if_fail (pkcs8 != NULL, FALSE);

  service = get_service (cancellable, error);
  if (service == NULL || !check_default_collection (service, cancellable, error))
    return FALSE;

  if (label == NULL)
    label = default_label = g_strdup_printf (_("Rosette issuer signing key %s"), key_id);

  /* libsecret copies the secret into its non-pageable memory. */
  data = g_bytes_get_data (pkcs8, &size);
  value = secret_value_new (data, size, ROSETTE_KEYRING_CONTENT_TYPE);
  attributes = attributes_new (issuer_id, key_id, rosette_key_algorithm_to_string (algorithm));

  if (!secret_service_store_sync (service, get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                  label, value, cancellable, &local_error))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_keyring_lookup_sync:
 * @issuer_id: the issuer's local id
 * @key_id: the key id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the PKCS#8 DER in a #GBytes that wipes itself
 *   when freed; %NULL with %ROSETTE_ERROR_NOT_FOUND when the keyring has
 *   no such key, or a keyring error
 */
GBytes *
rosette_keyring_lookup_sync (const char    *issuer_id,
                             const char    *key_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(SecretValue) value = NULL;
  SecretItem *item;
  const char *data;
  gsize size = 0;

  g_return_val_if_fail (issuer_id != NULL, NULL);
  g_return_val_if_fail (key_id != NULL, NULL);

  service = get_service (cancellable, error);
  if (service == NULL)
    return NULL;

  attributes = attributes_new (issuer_id, key_id, NULL);
  items = secret_service_search_sync (service, get_schema (), attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS,
                                      cancellable, &local_error);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }

  if (items == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("The private key %s is not in this keyring; restore it from a backup "
                     "(rosette-cli keys restore)"), key_id);
      return NULL;
    }

  item = items->data;
  if (secret_item_get_locked (item))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED,
                   _("The keyring is locked; unlock it (in Passwords and Keys) and try again"));
      return NULL;
    }

  value = secret_item_get_secret (item);
  if (value == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_ACCESS_DENIED,
                   _("The keyring did not hand over the private key %s; allow access when "
                     "the keyring asks, and try again"), key_id);
      return NULL;
    }

  data = secret_value_get (value, &size);
  if (size == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("The keyring item of key %s is empty"), key_id);
      return NULL;
    }

  return rosette_secure_bytes_new (data, size);
}

/**
 * rosette_keyring_delete_sync:
 *
 * Deletes the key's item; deleting a key that is not there succeeds.
 */
gboolean
rosette_keyring_delete_sync (const char    *issuer_id,
                             const char    *key_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (issuer_id != NULL, FALSE);
  g_return_val_if_fail (key_id != NULL, FALSE);

  service = get_service (cancellable, error);
  if (service == NULL || !check_default_collection (service, cancellable, error))
    return FALSE;

  attributes = attributes_new (issuer_id, key_id, NULL);
  if (!secret_service_clear_sync (service, get_schema (), attributes, cancellable, &local_error) &&
      local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_keyring_list_keys_sync:
 *
 * Returns: (transfer full): the ids of the keys the keyring holds for
 *   @issuer_id (locked ones included; no secret is read)
 */
GStrv
rosette_keyring_list_keys_sync (const char    *issuer_id,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (issuer_id != NULL, NULL);

  service = get_service (cancellable, error);
  if (service == NULL)
    return NULL;

  attributes = attributes_new (issuer_id, NULL, NULL);
  items = secret_service_search_sync (service, get_schema (), attributes, SECRET_SEARCH_ALL,
                                      cancellable, &local_error);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) found = secret_item_get_attributes (l->data);
      const char *key_id = g_hash_table_lookup (found, "key-id");

      if (key_id != NULL)
        g_strv_builder_add (ids, key_id);
    }

  return g_strv_builder_end (ids);
}

/* ---- async wrappers: the sync calls in a worker thread ---- */

typedef struct
{
  char                *issuer_id;
  char                *key_id;
  RosetteKeyAlgorithm  algorithm;
  GBytes              *pkcs8;
  char                *label;
} KeyringOp;

static void
keyring_op_free (KeyringOp *op)
{
  g_free (op->issuer_id);
  g_free (op->key_id);
  g_clear_pointer (&op->pkcs8, g_bytes_unref);
  g_free (op->label);
  g_free (op);
}

static GTask *
keyring_task_new (const char          *issuer_id,
                  const char          *key_id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  KeyringOp *op = g_new0 (KeyringOp, 1);

  op->issuer_id = g_strdup (issuer_id);
  op->key_id = g_strdup (key_id);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) keyring_op_free);

  return task;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  KeyringOp *op = task_data;
  GError *error = NULL;

  if (rosette_keyring_store_sync (op->issuer_id, op->key_id, op->algorithm, op->pkcs8,
                                  op->label, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rosette_keyring_store_async (const char           *issuer_id,
                             const char           *key_id,
                             RosetteKeyAlgorithm   algorithm,
                             GBytes               *pkcs8,
                             const char           *label,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  KeyringOp *op;

  g_return_if_fail (issuer_id != NULL && key_id != NULL && pkcs8 != NULL);

  task = keyring_task_new (issuer_id, key_id, cancellable, callback, user_data,
                           rosette_keyring_store_async);
  op = g_task_get_task_data (task);
  op->algorithm = algorithm;
  op->pkcs8 = g_bytes_ref (pkcs8);
  op->label = g_strdup (label);
  g_task_run_in_thread (task, store_thread);
}

gboolean
rosette_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KeyringOp *op = task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = rosette_keyring_lookup_sync (op->issuer_id, op->key_id, cancellable, &error);
  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

void
rosette_keyring_lookup_async (const char          *issuer_id,
                              const char          *key_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (issuer_id != NULL && key_id != NULL);

  task = keyring_task_new (issuer_id, key_id, cancellable, callback, user_data,
                           rosette_keyring_lookup_async);
  g_task_run_in_thread (task, lookup_thread);
}

/**
 * rosette_keyring_lookup_finish:
 *
 * Returns: (transfer full): see rosette_keyring_lookup_sync()
 */
GBytes *
rosette_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KeyringOp *op = task_data;
  GError *error = NULL;

  if (rosette_keyring_delete_sync (op->issuer_id, op->key_id, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rosette_keyring_delete_async (const char          *issuer_id,
                              const char          *key_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (issuer_id != NULL && key_id != NULL);

  task = keyring_task_new (issuer_id, key_id, cancellable, callback, user_data,
                           rosette_keyring_delete_async);
  g_task_run_in_thread (task, delete_thread);
}

gboolean
rosette_keyring_delete_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* For the other keyring users of the core (rosette-passwords.c): the same
 * messages for the same failures. */
void
_rosette_keyring_propagate_error (GError **error,
                                  GError  *cause)
{
  set_keyring_error (error, cause);
}
