/* test-autosave.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"

typedef struct
{
  char  *path;
  GFile *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_dir_make_tmp ("rosette-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder inside, created by the first save. */
  fixture->directory = g_file_new_build_filename (fixture->path, "autosave", NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->path);

  remove_tree (root);
  g_clear_object (&fixture->directory);
  g_clear_pointer (&fixture->path, g_free);
}

static void
write_file (GFile      *directory,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GFile) file = g_file_get_child (directory, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, length < 0 ? strlen (contents) : (gsize) length,
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static RosetteFamily *
edited_family (void)
{
  RosetteFamily *family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_SERVICE,
                                                            "Ten Years");

  rosette_family_set_emblem_text (family, "10");
  rosette_family_set_ribbon_color (family, "#223344");
  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, 4, 8, 1.5);
  g_assert_true (rosette_family_add_tier (family, "Master", NULL));

  return family;
}

static void
test_save_list_recover (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (fixture->directory);
  g_autoptr(RosetteFamily) family = edited_family ();
  g_autoptr(RosetteFamily) other = rosette_family_new ();
  g_autoptr(RosetteFamily) recovered = NULL;
  g_autoptr(GFile) original = g_file_new_for_path ("/home/user/Ten Years.rosette");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RosetteAutosaveEntry) entry = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GError) error = NULL;

  /* No folder yet: nothing to recover, and no error. */
  entries = rosette_autosave_list (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_clear_object (&entries);

  g_assert_true (rosette_autosave_save (autosave, "doc-1", family, original, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rosette_autosave_save (autosave, "0b7e2c44-9f8d-4b7a-8c1e-5d3f2a1b0c9d",
                                        other, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Saving again replaces the entry. */
  rosette_family_set_title (family, "Decade");
  g_assert_true (rosette_autosave_save (autosave, "doc-1", family, original, NULL, &error));
  g_assert_no_error (error);

  entries = rosette_autosave_list (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RosetteAutosaveEntry) item = g_list_model_get_item (entries, i);

      if (g_str_equal (rosette_autosave_entry_get_id (item), "doc-1"))
        entry = g_steal_pointer (&item);
    }
  g_assert_nonnull (entry);
  g_assert_cmpstr (rosette_autosave_entry_get_name (entry), ==, "Ten Years");
  g_assert_true (g_file_equal (rosette_autosave_entry_get_original (entry), original));
  g_assert_nonnull (rosette_autosave_entry_get_modified (entry));

  recovered = rosette_autosave_entry_recover (entry, &error);
  g_assert_no_error (error);
  expected = rosette_family_to_bytes (family);
  actual = rosette_family_to_bytes (recovered);
  g_assert_true (g_bytes_equal (expected, actual));

  /* The never-saved document has no original. */
  {
    g_autoptr(RosetteAutosaveEntry) item = g_list_model_get_item (entries, 0);
    g_autoptr(RosetteAutosaveEntry) item2 = g_list_model_get_item (entries, 1);
    RosetteAutosaveEntry *unsaved = item == entry ? item2 : item;

    g_assert_null (rosette_autosave_entry_get_original (unsaved));
    g_assert_cmpstr (rosette_autosave_entry_get_name (unsaved), ==, "Data Privacy");
  }

  rosette_autosave_discard (autosave, "doc-1");
  /* Discarding what is not there is fine. */
  rosette_autosave_discard (autosave, "doc-1");
  rosette_autosave_discard (autosave, "never-saved");
  g_clear_object (&entries);
  entries = rosette_autosave_list (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);

  /* Both files of the entry are gone. */
  {
    g_autoptr(GFile) meta = g_file_get_child (fixture->directory, "doc-1.json");
    g_autoptr(GFile) doc = g_file_get_child (fixture->directory, "doc-1.rosette");

    g_assert_false (g_file_query_exists (meta, NULL));
    g_assert_false (g_file_query_exists (doc, NULL));
  }
}

static void
test_hostile_entries (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (fixture->directory);
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RosetteAutosaveEntry) entry = NULL;
  g_autoptr(RosetteFamily) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, ' ');
  g_autofree char *deep = NULL;
  g_autofree char *good_meta = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);

  g_assert_true (rosette_autosave_save (autosave, "good", family, NULL, NULL, &error));
  g_assert_no_error (error);
  good_meta = g_strdup ("{\"format\":1,\"original\":null,\"name\":\"X\","
                        "\"saved\":\"2026-01-01T00:00:00Z\"}");

  /* Not JSON, wrong types, missing pieces, too big, too deep. */
  write_file (fixture->directory, "garbage.json", "\x89PNG\r\n", -1);
  write_file (fixture->directory, "garbage.rosette", "{}", -1);
  write_file (fixture->directory, "array.json", "[1,2,3]", -1);
  write_file (fixture->directory, "array.rosette", "{}", -1);
  write_file (fixture->directory, "nofamily.json", good_meta, -1);
  write_file (fixture->directory, "format9.json",
              "{\"format\":9,\"name\":\"X\",\"saved\":\"2026-01-01T00:00:00Z\"}", -1);
  write_file (fixture->directory, "format9.rosette", "{}", -1);
  write_file (fixture->directory, "baddate.json",
              "{\"format\":1,\"name\":\"X\",\"saved\":\"yesterday\"}", -1);
  write_file (fixture->directory, "baddate.rosette", "{}", -1);
  write_file (fixture->directory, "nameless.json",
              "{\"format\":1,\"name\":7,\"saved\":\"2026-01-01T00:00:00Z\"}", -1);
  write_file (fixture->directory, "nameless.rosette", "{}", -1);
  write_file (fixture->directory, "big.json", big, -1);
  write_file (fixture->directory, "big.rosette", "{}", -1);
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (nested, '[');
  write_file (fixture->directory, "deep.json", nested->str, nested->len);
  write_file (fixture->directory, "deep.rosette", "{}", -1);
  write_file (fixture->directory, "nul.json", "{\"format\":1\0}", 13);
  write_file (fixture->directory, "nul.rosette", "{}", -1);
  /* Names that are not ids: never read. */
  write_file (fixture->directory, "evil name.json", good_meta, -1);
  write_file (fixture->directory, "evil name.rosette", "{}", -1);
  write_file (fixture->directory, ".json", good_meta, -1);
  /* A folder and a symlink dressed as entries. */
  {
    g_autofree char *dir = g_build_filename (fixture->path, "autosave", "folder.json", NULL);
    g_autofree char *link = g_build_filename (fixture->path, "autosave", "link.json", NULL);

    g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
    g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
  }

  entries = rosette_autosave_list (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (rosette_autosave_entry_get_id (entry), ==, "good");

  /* A meta file that lists well but a family that does not read: the
   * error comes at recovery, not as a crash. */
  write_file (fixture->directory, "broken.json", good_meta, -1);
  write_file (fixture->directory, "broken.rosette", "{\"format\":\"rosette-family\"", -1);
  g_clear_object (&entries);
  g_clear_object (&entry);
  entries = rosette_autosave_list (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RosetteAutosaveEntry) item = g_list_model_get_item (entries, i);

      if (g_str_equal (rosette_autosave_entry_get_id (item), "broken"))
        entry = g_steal_pointer (&item);
    }
  g_assert_nonnull (entry);
  recovered = rosette_autosave_entry_recover (entry, &error);
  g_assert_null (recovered);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
}

static void
test_bad_ids (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (fixture->directory);
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autofree char *long_id = g_strnfill (65, 'a');
  const char *bad[] = { "", "../escape", "a/b", "dot.dot", "space id", long_id };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
      g_assert_false (rosette_autosave_save (autosave, bad[i], family, NULL, NULL, NULL));
      g_test_assert_expected_messages ();
    }

  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
  rosette_autosave_discard (autosave, "../x");
  g_test_assert_expected_messages ();

  /* Nothing was written anywhere. */
  g_assert_false (g_file_query_exists (fixture->directory, NULL));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (rosette_autosave_save_finish (ROSETTE_AUTOSAVE (source), result, error) ||
                 *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (fixture->directory);
  g_autoptr(RosetteFamily) family = edited_family ();
  g_autoptr(GBytes) expected = rosette_family_to_bytes (family);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RosetteAutosaveEntry) entry = NULL;
  g_autoptr(RosetteFamily) recovered = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GError) error = NULL;
  GError *result = NULL;

  rosette_autosave_save_async (autosave, "async", family, NULL, NULL, saved_cb, &result);
  /* Edits after the call are not part of this autosave. */
  rosette_family_set_title (family, "Changed later");

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* saved_cb sets a marker error on success. */
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&result);

  entries = rosette_autosave_list (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  entry = g_list_model_get_item (entries, 0);
  recovered = rosette_autosave_entry_recover (entry, &error);
  g_assert_no_error (error);
  actual = rosette_family_to_bytes (recovered);
  g_assert_true (g_bytes_equal (expected, actual));
}

/* A file where the folder should be: saving fails with an I/O error. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) parent = g_file_new_for_path (fixture->path);
  g_autoptr(RosetteAutosave) autosave = NULL;
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GError) error = NULL;

  write_file (parent, "autosave", "not a folder", -1);
  autosave = rosette_autosave_new (fixture->directory);
  g_assert_false (rosette_autosave_save (autosave, "doc", family, NULL, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO);
  g_clear_error (&error);

  g_assert_null (rosette_autosave_list (autosave, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO);
}

static void
test_default_directory (void)
{
  g_autoptr(RosetteAutosave) autosave = rosette_autosave_new (NULL);

  /* Only that it makes one; the folder is the user's, not the test's. */
  g_assert_true (ROSETTE_IS_AUTOSAVE (autosave));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rosette/autosave/save-list-recover", Fixture, NULL,
              fixture_set_up, test_save_list_recover, fixture_tear_down);
  g_test_add ("/rosette/autosave/hostile-entries", Fixture, NULL,
              fixture_set_up, test_hostile_entries, fixture_tear_down);
  g_test_add ("/rosette/autosave/bad-ids", Fixture, NULL,
              fixture_set_up, test_bad_ids, fixture_tear_down);
  g_test_add ("/rosette/autosave/save-async", Fixture, NULL,
              fixture_set_up, test_save_async, fixture_tear_down);
  g_test_add ("/rosette/autosave/unwritable", Fixture, NULL,
              fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add_func ("/rosette/autosave/default-directory", test_default_directory);

  return g_test_run ();
}
