/* rosette-family-file.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Loading a #RosetteFamily from a file and saving it to one, blocking
 * (for the CLI) or in a thread (for the app). The bytes are read and
 * written by rosette-family-document.c; errors here name the file as
 * people see it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-model-private.h"
#include "rosette-utils.h"

typedef struct
{
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/* A file name for messages: the base name, as people see it. */
static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/**
 * rosette_family_new_from_file:
 * @file: a .rosette file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a family from @file, reading no more than
 * %ROSETTE_MAX_DOCUMENT_SIZE bytes. Errors are those of
 * rosette_family_new_from_bytes(), with the file's name in the message,
 * or %ROSETTE_ERROR_IO when the file cannot be read (and
 * %G_IO_ERROR_CANCELLED, unchanged, when @cancellable is cancelled).
 *
 * Returns: (transfer full): the family, or %NULL with @error set
 */
RosetteFamily *
rosette_family_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  RosetteFamily *family;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (file);

  bytes = rosette_load_file_bounded (file, ROSETTE_MAX_DOCUMENT_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      /* Our own errors already name the file; wrap GIO's in our domain. */
      if (local_error->domain == ROSETTE_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  family = rosette_family_new_from_bytes (bytes, error);
  if (family == NULL)
    g_prefix_error (error, _("Could not open “%s”: "), name);

  return family;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  RosetteFamily *family;
  GError *error = NULL;

  family = rosette_family_new_from_file (file, cancellable, &error);
  if (family == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, family, g_object_unref);
}

/**
 * rosette_family_new_from_file_async:
 * @file: a .rosette file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the family is read
 * @user_data: data for @callback
 *
 * Reads a family from @file in a worker thread; see
 * rosette_family_new_from_file().
 */
void
rosette_family_new_from_file_async (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_family_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rosette_family_new_from_file_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the family, or %NULL with @error set
 */
RosetteFamily *
rosette_family_new_from_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rosette_family_new_from_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
save_bytes (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Written to a temporary file and renamed over the old one, so a crash
   * or a full disk never leaves half a family behind. */
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &local_error))
    {
      g_autofree char *name = display_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                     _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_family_save_to_file:
 * @self: a #RosetteFamily
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves the document made by rosette_family_to_bytes() to @file,
 * atomically: @file holds either the old or the new document. Fails with
 * %ROSETTE_ERROR_IO.
 *
 * Returns: %TRUE if the family was saved
 */
gboolean
rosette_family_save_to_file (RosetteFamily  *self,
                             GFile          *file,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = rosette_family_to_bytes (self);

  return save_bytes (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_bytes (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rosette_family_save_to_file_async:
 * @self: a #RosetteFamily
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the family is saved
 * @user_data: data for @callback
 *
 * Saves the family as it is now; the writing happens in a worker thread,
 * so later changes to @self are not part of this save.
 */
void
rosette_family_save_to_file_async (RosetteFamily       *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SaveData) data = NULL;

  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* Serialise here: the family is not thread-safe. */
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = rosette_family_to_bytes (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_family_save_to_file_async);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * rosette_family_save_to_file_finish:
 * @self: a #RosetteFamily
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the family was saved
 */
gboolean
rosette_family_save_to_file_finish (RosetteFamily  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rosette_family_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
