/* rosette-issuer-store.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Where issuer profiles live:
 *
 *   <base>/issuers/<issuer-id>.json   one profile each (format: rosette-issuer-document.c)
 *   <base>/current-issuer             the id of the issuer new badges use
 *
 * <base> defaults to $XDG_DATA_HOME/rosette; tests and a future --registry
 * option pass another folder. Files are replaced atomically (written to a
 * temporary file in the same folder, then renamed), so a crash leaves the
 * old profile or the new one, never half of each. Only public data is
 * stored here: private keys are in the keyring.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-issuer-store.h"
#include "rosette-utils.h"

#define CURRENT_FILE "current-issuer"

struct _RosetteIssuerStore
{
  GObject  parent_instance;

  GFile   *base_dir;
  GFile   *issuers_dir;
};

G_DEFINE_FINAL_TYPE (RosetteIssuerStore, rosette_issuer_store, G_TYPE_OBJECT)

static void
rosette_issuer_store_finalize (GObject *object)
{
  RosetteIssuerStore *self = (RosetteIssuerStore *)object;

  g_clear_object (&self->base_dir);
  g_clear_object (&self->issuers_dir);

  G_OBJECT_CLASS (rosette_issuer_store_parent_class)->finalize (object);
}

static void
rosette_issuer_store_class_init (RosetteIssuerStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_issuer_store_finalize;
}

static void
rosette_issuer_store_init (RosetteIssuerStore *self)
{
}

/**
 * rosette_issuer_store_new:
 * @base_dir: (nullable): the data folder; %NULL for $XDG_DATA_HOME/rosette
 *
 * Returns: (transfer full): a store; nothing is created on disk until
 *   something is saved
 */
RosetteIssuerStore *
rosette_issuer_store_new (GFile *base_dir)
{
  RosetteIssuerStore *self = g_object_new (ROSETTE_TYPE_ISSUER_STORE, NULL);

  if (base_dir != NULL)
    self->base_dir = g_object_ref (base_dir);
  else
    self->base_dir = g_file_new_build_filename (g_get_user_data_dir (), "rosette", NULL);
  self->issuers_dir = g_file_get_child (self->base_dir, "issuers");

  return self;
}

/**
 * rosette_issuer_store_get_base_dir:
 *
 * Returns: (transfer none): the data folder
 */
GFile *
rosette_issuer_store_get_base_dir (RosetteIssuerStore *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), NULL);

  return self->base_dir;
}

static gboolean
check_id (const char  *issuer_id,
          GError     **error)
{
  if (issuer_id != NULL && g_uuid_string_is_valid (issuer_id))
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("“%s” is not an issuer id"), issuer_id != NULL ? issuer_id : "");
  return FALSE;
}

/**
 * rosette_issuer_store_dup_issuer_file:
 *
 * Returns: (transfer full): the file of the issuer @issuer_id, which must
 *   be a UUID (so it can never name a path outside the store)
 */
GFile *
rosette_issuer_store_dup_issuer_file (RosetteIssuerStore *self,
                                      const char         *issuer_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), NULL);
  g_return_val_if_fail (check_id (issuer_id, NULL), NULL);

  name = g_strconcat (issuer_id, ".json", NULL);
  return g_file_get_child (self->issuers_dir, name);
}

static gboolean
ensure_dir (GFile         *dir,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (dir, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
               _("Could not create the folder “%s”: %s"),
               g_file_peek_path (dir), local_error->message);
  return FALSE;
}

static gboolean
replace_file (GFile         *file,
              GBytes        *bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (!ensure_dir (parent, cancellable, error))
    return FALSE;

  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable,
                                &local_error))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not write “%s”: %s"), g_file_peek_path (file),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  RosetteIssuer *issuer_a = *(RosetteIssuer **) a;
  RosetteIssuer *issuer_b = *(RosetteIssuer **) b;
  int cmp = g_utf8_collate (rosette_issuer_get_name (issuer_a), rosette_issuer_get_name (issuer_b));

  return cmp != 0 ? cmp : strcmp (rosette_issuer_get_id (issuer_a), rosette_issuer_get_id (issuer_b));
}

/**
 * rosette_issuer_store_list:
 *
 * Loads every issuer, sorted by name. A damaged file is skipped with a
 * warning rather than hiding every other issuer.
 *
 * Returns: (transfer full) (element-type RosetteIssuer): the issuers
 */
GPtrArray *
rosette_issuer_store_list (RosetteIssuerStore  *self,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GPtrArray) issuers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), NULL);

  enumerator = g_file_enumerate_children (self->issuers_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&issuers);
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not read the issuer folder: %s"), local_error->message);
      return NULL;
    }

  for (;;)
    {
      g_autoptr(RosetteIssuer) issuer = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autofree char *id = NULL;
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      if (!g_uuid_string_is_valid (id))
        continue;

      issuer = rosette_issuer_store_load (self, id, cancellable, &load_error);
      if (issuer == NULL)
        {
          g_warning ("Skipping issuer file %s: %s", name, load_error->message);
          continue;
        }
      g_ptr_array_add (issuers, g_steal_pointer (&issuer));
    }

  g_ptr_array_sort (issuers, compare_by_name);

  return g_steal_pointer (&issuers);
}

/**
 * rosette_issuer_store_load:
 *
 * Returns: (transfer full): the issuer, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND or the errors of rosette_issuer_new_from_bytes()
 */
RosetteIssuer *
rosette_issuer_store_load (RosetteIssuerStore  *self,
                           const char          *issuer_id,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), NULL);

  if (!check_id (issuer_id, error))
    return NULL;

  file = rosette_issuer_store_dup_issuer_file (self, issuer_id);
  bytes = rosette_load_file_bounded (file, ROSETTE_ISSUER_MAX_FILE_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                     _("There is no issuer %s"), issuer_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  issuer = rosette_issuer_new_from_bytes (bytes, error);
  if (issuer == NULL)
    return NULL;

  if (g_ascii_strcasecmp (rosette_issuer_get_id (issuer), issuer_id) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The issuer file %s.json holds another issuer"), issuer_id);
      return NULL;
    }

  return g_steal_pointer (&issuer);
}

/**
 * rosette_issuer_store_save:
 *
 * Validates @issuer and replaces its file atomically.
 */
gboolean
rosette_issuer_store_save (RosetteIssuerStore  *self,
                           RosetteIssuer       *issuer,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), FALSE);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), FALSE);

  if (!rosette_issuer_validate (issuer, error))
    return FALSE;

  file = rosette_issuer_store_dup_issuer_file (self, rosette_issuer_get_id (issuer));
  bytes = rosette_issuer_to_bytes (issuer);

  return replace_file (file, bytes, cancellable, error);
}

gboolean
rosette_issuer_store_contains (RosetteIssuerStore *self,
                               const char         *issuer_id)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), FALSE);

  if (!check_id (issuer_id, NULL))
    return FALSE;

  file = rosette_issuer_store_dup_issuer_file (self, issuer_id);
  return g_file_query_exists (file, NULL);
}

/**
 * rosette_issuer_store_delete:
 *
 * Removes the profile file (not the keys in the keyring) and clears the
 * current-issuer pointer if it named this issuer.
 */
gboolean
rosette_issuer_store_delete (RosetteIssuerStore  *self,
                             const char          *issuer_id,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), FALSE);

  if (!check_id (issuer_id, error))
    return FALSE;

  file = rosette_issuer_store_dup_issuer_file (self, issuer_id);
  if (!g_file_delete (file, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not delete “%s”: %s"), g_file_peek_path (file),
                   local_error->message);
      return FALSE;
    }

  current = rosette_issuer_store_dup_current_id (self);
  if (g_strcmp0 (current, issuer_id) == 0)
    {
      g_autoptr(GFile) pointer = g_file_get_child (self->base_dir, CURRENT_FILE);

      g_file_delete (pointer, NULL, NULL);
    }

  return TRUE;
}

/**
 * rosette_issuer_store_dup_current_id:
 *
 * Returns: (transfer full) (nullable): the id of the current issuer, or
 *   %NULL if none was chosen
 */
char *
rosette_issuer_store_dup_current_id (RosetteIssuerStore *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), NULL);

  file = g_file_get_child (self->base_dir, CURRENT_FILE);
  bytes = rosette_load_file_bounded (file, 256, NULL, NULL);
  if (bytes == NULL)
    return NULL;

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_strstrip (text);
  if (!g_uuid_string_is_valid (text))
    return NULL;

  return g_steal_pointer (&text);
}

gboolean
rosette_issuer_store_set_current_id (RosetteIssuerStore  *self,
                                     const char          *issuer_id,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), FALSE);

  if (!check_id (issuer_id, error))
    return FALSE;

  if (!rosette_issuer_store_contains (self, issuer_id))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("There is no issuer %s"), issuer_id);
      return FALSE;
    }

  file = g_file_get_child (self->base_dir, CURRENT_FILE);
  bytes = g_bytes_new_take (g_strconcat (issuer_id, "\n", NULL), strlen (issuer_id) + 1);

  return replace_file (file, bytes, cancellable, error);
}

/**
 * rosette_issuer_store_load_current:
 *
 * The issuer new badges use: the one the pointer names, or the only one
 * when there is exactly one.
 *
 * Returns: (transfer full): the issuer, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND and a message saying what to do
 */
RosetteIssuer *
rosette_issuer_store_load_current (RosetteIssuerStore  *self,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autofree char *current = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER_STORE (self), NULL);

  current = rosette_issuer_store_dup_current_id (self);
  if (current != NULL && rosette_issuer_store_contains (self, current))
    return rosette_issuer_store_load (self, current, cancellable, error);

  all = rosette_issuer_store_list (self, cancellable, error);
  if (all == NULL)
    return NULL;

  if (all->len == 1)
    return g_object_ref (g_ptr_array_index (all, 0));

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               all->len == 0
               ? _("There is no issuer yet; create one first (rosette-cli issuer create)")
               : _("There are several issuers and none is chosen; choose one first"));
  return NULL;
}
