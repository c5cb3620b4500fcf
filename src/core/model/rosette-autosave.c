/* rosette-autosave.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One autosave entry is two files in the autosave folder:
 *
 *   <id>.rosette  the family, as rosette_family_to_bytes() writes it
 *   <id>.json     { "format" : 1,
 *                   "original" : "file:///…/family.rosette" or null,
 *                   "name" : "Data Privacy",
 *                   "saved" : "2026-03-31T12:00:00Z" }
 *
 * The family is written first and the meta last, each atomically, so an
 * entry that is listed always has its family. The folder is private but
 * still read as untrusted (another program, or a crash mid-write, may
 * leave anything there): reads are bounded, and an entry that does not
 * read is skipped, never fatal.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-autosave.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-utils.h"

#define META_FORMAT 1
#define MAX_META_SIZE (16 * 1024)
#define MAX_ID_LENGTH 64
/* A folder with more files than this is not ours to walk. */
#define MAX_DIRECTORY_ENTRIES 1000

struct _RosetteAutosave
{
  GObject  parent_instance;

  GFile   *directory;
};

struct _RosetteAutosaveEntry
{
  GObject    parent_instance;

  GFile     *directory;
  char      *id;
  char      *name;
  GFile     *original;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (RosetteAutosave, rosette_autosave, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RosetteAutosaveEntry, rosette_autosave_entry, G_TYPE_OBJECT)

typedef struct
{
  GFile  *family_file;
  GFile  *meta_file;
  GBytes *family;
  GBytes *meta;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->family_file);
  g_clear_object (&data->meta_file);
  g_clear_pointer (&data->family, g_bytes_unref);
  g_clear_pointer (&data->meta, g_bytes_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/* [A-Za-z0-9-]{1,64}: safe as a file name, never a path. */
static gboolean
id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;

  length = strlen (id);
  if (length == 0 || length > MAX_ID_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (id[i]) && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}

static GFile *
entry_file (GFile      *directory,
            const char *id,
            const char *extension)
{
  g_autofree char *basename = g_strconcat (id, extension, NULL);

  return g_file_get_child (directory, basename);
}

/* ------------------------------------------------------------------ */
/* RosetteAutosaveEntry                                                */

static void
rosette_autosave_entry_finalize (GObject *object)
{
  RosetteAutosaveEntry *self = (RosetteAutosaveEntry *)object;

  g_clear_object (&self->directory);
  g_clear_object (&self->original);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (rosette_autosave_entry_parent_class)->finalize (object);
}

static void
rosette_autosave_entry_class_init (RosetteAutosaveEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_autosave_entry_finalize;
}

static void
rosette_autosave_entry_init (RosetteAutosaveEntry *self)
{
}

/**
 * rosette_autosave_entry_get_id:
 * @entry: a #RosetteAutosaveEntry
 *
 * Returns: the document id the entry was saved under
 */
const char *
rosette_autosave_entry_get_id (RosetteAutosaveEntry *entry)
{
  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE_ENTRY (entry), NULL);

  return entry->id;
}

/**
 * rosette_autosave_entry_get_original:
 * @entry: a #RosetteAutosaveEntry
 *
 * Returns: (transfer none) (nullable): the file the document was opened
 *   from or last saved to, or %NULL for a document never saved
 */
GFile *
rosette_autosave_entry_get_original (RosetteAutosaveEntry *entry)
{
  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE_ENTRY (entry), NULL);

  return entry->original;
}

/**
 * rosette_autosave_entry_get_name:
 * @entry: a #RosetteAutosaveEntry
 *
 * Returns: the family's name when it was autosaved
 */
const char *
rosette_autosave_entry_get_name (RosetteAutosaveEntry *entry)
{
  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE_ENTRY (entry), NULL);

  return entry->name;
}

/**
 * rosette_autosave_entry_get_modified:
 * @entry: a #RosetteAutosaveEntry
 *
 * Returns: (transfer none): when the entry was written
 */
GDateTime *
rosette_autosave_entry_get_modified (RosetteAutosaveEntry *entry)
{
  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE_ENTRY (entry), NULL);

  return entry->modified;
}

/**
 * rosette_autosave_entry_recover:
 * @entry: a #RosetteAutosaveEntry
 * @error: return location for a #GError
 *
 * Reads the autosaved family, as rosette_family_new_from_file() would.
 * The entry stays until rosette_autosave_discard() removes it.
 *
 * Returns: (transfer full): the family, or %NULL with @error set
 */
RosetteFamily *
rosette_autosave_entry_recover (RosetteAutosaveEntry  *entry,
                                GError               **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE_ENTRY (entry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = entry_file (entry->directory, entry->id, ".rosette");

  return rosette_family_new_from_file (file, NULL, error);
}

/* ------------------------------------------------------------------ */
/* RosetteAutosave                                                     */

static void
rosette_autosave_finalize (GObject *object)
{
  RosetteAutosave *self = (RosetteAutosave *)object;

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (rosette_autosave_parent_class)->finalize (object);
}

static void
rosette_autosave_class_init (RosetteAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_autosave_finalize;
}

static void
rosette_autosave_init (RosetteAutosave *self)
{
}

/**
 * rosette_autosave_new:
 * @directory: (nullable): the folder for autosaves, or %NULL for
 *   $XDG_STATE_HOME/rosette/autosave
 *
 * Returns: (transfer full): a new #RosetteAutosave
 */
RosetteAutosave *
rosette_autosave_new (GFile *directory)
{
  RosetteAutosave *self;

  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  self = g_object_new (ROSETTE_TYPE_AUTOSAVE, NULL);

  if (directory != NULL)
    {
      self->directory = g_object_ref (directory);
    }
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_state_dir (),
                                                "rosette", "autosave", NULL);

      self->directory = g_file_new_for_path (path);
    }

  return self;
}

static GBytes *
meta_to_bytes (RosetteFamily *family,
               GFile         *original)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *uri = original != NULL ? g_file_get_uri (original) : NULL;
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, META_FORMAT);
  json_builder_set_member_name (builder, "original");
  if (uri != NULL)
    json_builder_add_string_value (builder, uri);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rosette_family_get_name (family));
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static gboolean
write_bytes (GFile         *file,
             GBytes        *bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_replace_contents (file, data, size, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

/* Runs in any thread: only touches the data, never the family. */
static gboolean
save_data_write (SaveData      *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFile) directory = g_file_get_parent (data->family_file);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (directory, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    goto failed;
  g_clear_error (&local_error);

  /* The family first: a meta file always has its family. */
  if (!write_bytes (data->family_file, data->family, cancellable, &local_error) ||
      !write_bytes (data->meta_file, data->meta, cancellable, &local_error))
    goto failed;

  return TRUE;

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                 _("Could not write the autosave: %s"), local_error->message);
  return FALSE;
}

/* Serialises on the caller's thread: the family is not thread-safe. */
static SaveData *
save_data_new (RosetteAutosave *self,
               const char      *document_id,
               RosetteFamily   *family,
               GFile           *original)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->family_file = entry_file (self->directory, document_id, ".rosette");
  data->meta_file = entry_file (self->directory, document_id, ".json");
  data->family = rosette_family_to_bytes (family);
  data->meta = meta_to_bytes (family, original);

  return data;
}

/**
 * rosette_autosave_save:
 * @self: a #RosetteAutosave
 * @document_id: the open document's id: 1 to 64 of A-Z, a-z, 0-9 and '-'
 *   (a UUID fits)
 * @family: the family as it is now
 * @original: (nullable): the document's file, or %NULL if it has none yet
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes (or replaces) the entry of @document_id, atomically. Fails with
 * %ROSETTE_ERROR_IO.
 *
 * Returns: %TRUE if the entry was written
 */
gboolean
rosette_autosave_save (RosetteAutosave  *self,
                       const char       *document_id,
                       RosetteFamily    *family,
                       GFile            *original,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (id_is_valid (document_id), FALSE);
  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = save_data_new (self, document_id, family, original);

  return save_data_write (data, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_data_write (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rosette_autosave_save_async:
 * @self: a #RosetteAutosave
 * @document_id: as for rosette_autosave_save()
 * @family: the family as it is now
 * @original: (nullable): the document's file, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the entry is written
 * @user_data: data for @callback
 *
 * Writes the entry in a worker thread. The family is serialised before
 * this returns, so later edits are not part of this autosave.
 */
void
rosette_autosave_save_async (RosetteAutosave     *self,
                             const char          *document_id,
                             RosetteFamily       *family,
                             GFile               *original,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROSETTE_IS_AUTOSAVE (self));
  g_return_if_fail (id_is_valid (document_id));
  g_return_if_fail (ROSETTE_IS_FAMILY (family));
  g_return_if_fail (original == NULL || G_IS_FILE (original));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_autosave_save_async);
  g_task_set_task_data (task, save_data_new (self, document_id, family, original),
                        (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * rosette_autosave_save_finish:
 * @self: a #RosetteAutosave
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the entry was written
 */
gboolean
rosette_autosave_save_finish (RosetteAutosave  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rosette_autosave_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rosette_autosave_discard:
 * @self: a #RosetteAutosave
 * @document_id: as for rosette_autosave_save()
 *
 * Removes the entry of @document_id, if there is one: after a save, a
 * clean close, or once it was recovered.
 */
void
rosette_autosave_discard (RosetteAutosave *self,
                          const char      *document_id)
{
  g_autoptr(GFile) family_file = NULL;
  g_autoptr(GFile) meta_file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ROSETTE_IS_AUTOSAVE (self));
  g_return_if_fail (id_is_valid (document_id));

  family_file = entry_file (self->directory, document_id, ".rosette");
  meta_file = entry_file (self->directory, document_id, ".json");

  /* The meta first: without it the entry is no longer listed. */
  if (!g_file_delete (meta_file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove an autosave: %s", error->message);
  g_clear_error (&error);

  if (!g_file_delete (family_file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove an autosave: %s", error->message);
}

/* Reads one <id>.json; NULL (with a debug message) if anything is off. */
static RosetteAutosaveEntry *
read_entry (GFile      *directory,
            const char *id)
{
  g_autoptr(GFile) meta_file = entry_file (directory, id, ".json");
  g_autoptr(GFile) family_file = entry_file (directory, id, ".rosette");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteAutosaveEntry) entry = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonNode *node;
  const char *data;
  const char *name;
  const char *saved;
  gsize size;

  bytes = rosette_load_file_bounded (meta_file, MAX_META_SIZE, NULL, &error);
  if (bytes == NULL)
    {
      g_debug ("Skipping autosave %s: %s", id, error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || !g_utf8_validate (data, size, NULL) ||
      !rosette_json_depth_ok (data, size, 4) ||
      !json_parser_load_from_data (parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_debug ("Skipping autosave %s: the meta file is not a JSON object", id);
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  name = json_object_get_string_member_with_default (object, "name", NULL);
  saved = json_object_get_string_member_with_default (object, "saved", NULL);
  if (json_object_get_int_member_with_default (object, "format", 0) != META_FORMAT ||
      name == NULL || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > ROSETTE_FAMILY_MAX_NAME_LENGTH ||
      saved == NULL || (modified = g_date_time_new_from_iso8601 (saved, NULL)) == NULL)
    {
      g_debug ("Skipping autosave %s: the meta file is incomplete", id);
      return NULL;
    }

  if (g_file_query_file_type (family_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) !=
      G_FILE_TYPE_REGULAR)
    {
      g_debug ("Skipping autosave %s: its family file is missing", id);
      return NULL;
    }

  entry = g_object_new (ROSETTE_TYPE_AUTOSAVE_ENTRY, NULL);
  entry->directory = g_object_ref (directory);
  entry->id = g_strdup (id);
  entry->name = g_strdup (name);
  entry->modified = g_steal_pointer (&modified);

  node = json_object_get_member (object, "original");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *uri = json_node_get_string (node);
      g_autofree char *scheme = g_uri_parse_scheme (uri);

      if (scheme != NULL)
        entry->original = g_file_new_for_uri (uri);
    }

  return g_steal_pointer (&entry);
}

/* Newest first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RosetteAutosaveEntry *entry_a = (RosetteAutosaveEntry *) a;
  RosetteAutosaveEntry *entry_b = (RosetteAutosaveEntry *) b;

  return g_date_time_compare (entry_b->modified, entry_a->modified);
}

/**
 * rosette_autosave_list:
 * @self: a #RosetteAutosave
 * @error: return location for a #GError
 *
 * Lists the entries in the folder, newest first; at the start of the app
 * these are what a crash left behind. Entries that do not read are
 * skipped. A folder that does not exist gives an empty list; one that
 * cannot be read fails with %ROSETTE_ERROR_IO.
 *
 * Returns: (transfer full): a #GListModel of #RosetteAutosaveEntry
 */
GListModel *
rosette_autosave_list (RosetteAutosave  *self,
                       GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (ROSETTE_TYPE_AUTOSAVE_ENTRY);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;
  guint seen = 0;

  g_return_val_if_fail (ROSETTE_IS_AUTOSAVE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  enumerator = g_file_enumerate_children (self->directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return G_LIST_MODEL (g_steal_pointer (&store));

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                   _("Could not read the autosave folder: %s"), local_error->message);
      return NULL;
    }

  while (seen++ < MAX_DIRECTORY_ENTRIES)
    {
      GFileInfo *info = NULL;
      g_autofree char *id = NULL;
      g_autoptr(RosetteAutosaveEntry) entry = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
        {
          g_debug ("Stopped reading the autosave folder: %s", local_error->message);
          break;
        }

      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (name, ".json"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".json"));
      if (!id_is_valid (id))
        {
          g_debug ("Skipping a file in the autosave folder with a strange name");
          continue;
        }

      entry = read_entry (self->directory, id);
      if (entry != NULL)
        g_list_store_append (store, entry);
    }

  g_list_store_sort (store, compare_entries, NULL);

  return G_LIST_MODEL (g_steal_pointer (&store));
}
