/* test-batch.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"
#include "rosette-verify-private.h"

#define N_ROWS 200

typedef struct
{
  char            *dir;
  char            *out;
  char            *publish;
  RosetteRegistry *registry;
  TestIssuing     *t;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rosette-batch-XXXXXX", &error);
  g_assert_no_error (error);
  f->out = g_build_filename (f->dir, "out", NULL);
  f->publish = g_build_filename (f->dir, "publish", NULL);
  path = g_build_filename (f->dir, "registry.db", NULL);
  f->registry = rosette_registry_open (path, NULL, &error);
  g_assert_no_error (error);
  f->t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, "https://acme.example");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->registry);
  g_clear_pointer (&f->t, test_issuing_free);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->publish);
}

static RosetteBatch *
make_batch (Fixture *f,
            guint    n_rows)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  RosetteBatch *batch;

  batch = rosette_batch_new (f->registry, f->t->issuer, f->t->family, "2",
                             ROSETTE_ISSUE_PROOF_VC_JWT, out, ROSETTE_ISSUE_FORMAT_PNG,
                             "onboarding-2026");
  rosette_batch_set_signing_key (batch, f->t->key, f->t->record);
  rosette_batch_set_include_names (batch, TRUE);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *email = g_strdup_printf ("person%03u@acme.example", i);
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      RosetteBatchRecipient recipient = {
        .email = email,
        .name = name,
        .department = i % 4 == 0 ? "Sales" : "Engineering",
        .narrative = i == 7 ? "Led the **pilot**" : NULL,
      };

      g_assert_true (rosette_batch_add_recipient (batch, &recipient, &error));
      g_assert_no_error (error);
    }

  return batch;
}

/* The files in the output folder; fails on any leftover part file. */
static GPtrArray *
list_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".rosette-part"));
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
    }
  return files;
}

static guint
count_issued (RosetteRegistry *registry)
{
  g_autoptr(GError) error = NULL;
  RosetteIssuedQuery query = { 0 };
  guint count = 0;

  g_assert_true (rosette_registry_count_issued (registry, &query, &count, &error));
  g_assert_no_error (error);
  return count;
}

/* Every file holds a credential the registry has as issued, with that
 * file, and no two files share a credential. */
static void
assert_files_match_registry (Fixture *f,
                             guint    n_expected)
{
  g_autoptr(GPtrArray) files = list_files (f->out);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (files->len, ==, n_expected);
  g_assert_cmpuint (count_issued (f->registry), ==, n_expected);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(JsonObject) claims = test_issuing_read_baked (path, f->t->key);
      g_autoptr(RosetteIssuedRecord) record = NULL;
      g_autoptr(GError) error = NULL;
      const char *id = json_object_get_string_member (claims, "jti");
      JsonObject *status = json_object_get_object_member (claims, "credentialStatus");
      g_autofree char *index = NULL;

      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, g_strdup (id));

      record = rosette_registry_lookup (f->registry, id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rosette_issued_record_get_state (record), ==, ROSETTE_ISSUE_STATE_ISSUED);
      g_assert_cmpstr (rosette_issued_record_get_files (record)[0], ==, path);

      g_assert_nonnull (status);
      index = g_strdup_printf ("%u", rosette_issued_record_get_status_index (record));
      g_assert_cmpstr (json_object_get_string_member (status, "statusListIndex"), ==, index);
      g_assert_cmpstr (json_object_get_string_member (status, "statusListCredential"), ==,
                       "https://acme.example/status/1.json");
    }
}

static void
test_issue_and_rerun (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, N_ROWS);
  g_autoptr(RosetteBatch) again = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(RosetteBatchSummary) second = NULL;
  g_autoptr(GError) error = NULL;

  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->total, ==, N_ROWS);
  g_assert_cmpuint (summary->issued, ==, N_ROWS);
  g_assert_cmpuint (summary->skipped, ==, 0);
  g_assert_cmpuint (summary->failed, ==, 0);
  g_assert_false (summary->cancelled);
  g_assert_null (summary->warning);
  assert_files_match_registry (f, N_ROWS);

  /* The same batch again issues nothing. */
  again = make_batch (f, N_ROWS);
  second = rosette_batch_run_sync (again, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->issued, ==, 0);
  g_assert_cmpuint (second->skipped, ==, N_ROWS);
  assert_files_match_registry (f, N_ROWS);
}

static void
test_names_and_narrative (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, 10);
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  gboolean found = FALSE;

  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->issued, ==, 10);

  files = list_files (f->out);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(JsonObject) claims = test_issuing_read_baked (g_ptr_array_index (files, i),
                                                              f->t->key);
      JsonArray *evidence = json_object_has_member (claims, "evidence")
                            ? json_object_get_array_member (claims, "evidence") : NULL;
      const char *name = json_object_get_string_member (claims, "name");

      g_assert_nonnull (name);
      if (evidence != NULL)
        {
          JsonObject *first = json_array_get_object_element (evidence, 0);

          g_assert_cmpstr (json_object_get_string_member (first, "narrative"), ==,
                           "Led the **pilot**");
          g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));

          g_assert_true (g_str_has_prefix (base, "person-7-"));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
  guint         last_done;
  guint         calls;
} CancelData;

static void
cancel_progress (guint    done,
                 guint    total,
                 double   rate,
                 double   eta,
                 gpointer user_data)
{
  CancelData *data = user_data;

  g_assert_cmpuint (done, >=, data->last_done);
  g_assert_cmpuint (done, <=, total);
  data->last_done = done;
  data->calls++;
  if (done >= data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static void
test_cancel_and_resume (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, N_ROWS);
  g_autoptr(RosetteBatch) again = NULL;
  g_autoptr(RosetteBatchSummary) first = NULL;
  g_autoptr(RosetteBatchSummary) second = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelData cancel = { cancellable, 1, 0, 0 };

  g_cancellable_cancel (cancellable);
  first = rosette_batch_run_sync (batch, cancel_progress, &cancel, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (first->cancelled);
  g_assert_cmpuint (first->issued, <, N_ROWS);
  g_assert_cmpuint (count_issued (f->registry), ==, first->issued);

  again = make_batch (f, N_ROWS);
  second = rosette_batch_run_sync (again, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (second->cancelled);
  g_assert_cmpuint (second->skipped, ==, first->issued);
  g_assert_cmpuint (second->issued, ==, N_ROWS - first->issued);
  assert_files_match_registry (f, N_ROWS);
}

typedef struct
{
  GMainLoop           *loop;
  RosetteBatchSummary *summary;
  GError              *error;
  guint                progress_calls;
  guint                last_done;
  GCancellable        *cancellable;
  GThread             *main_thread;
} AsyncData;

static void
on_progress (RosetteBatch *batch,
             guint         done,
             guint         total,
             double        rate,
             double        eta,
             gpointer      user_data)
{
  AsyncData *data = user_data;

  g_assert_true (g_thread_self () == data->main_thread);
  g_assert_cmpuint (done, <=, total);
  data->progress_calls++;
  data->last_done = done;
  if (data->cancellable != NULL && done >= 20)
    g_cancellable_cancel (data->cancellable);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncData *data = user_data;

  data->summary = rosette_batch_run_finish (ROSETTE_BATCH (source), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, N_ROWS);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData async = { loop, NULL, NULL, 0, 0, NULL, g_thread_self () };

  g_signal_connect (batch, "progress", G_CALLBACK (on_progress), &async);
  rosette_batch_run_async (batch, NULL, on_run_done, &async);
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_nonnull (async.summary);
  g_assert_cmpuint (async.summary->issued, ==, N_ROWS);
  g_assert_cmpuint (async.progress_calls, >=, 1);
  /* Dispatch what is still queued: the last report says everything. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (async.last_done, ==, N_ROWS);
  assert_files_match_registry (f, N_ROWS);
  rosette_batch_summary_free (async.summary);
}

static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, 2000);
  g_autoptr(RosetteBatch) again = NULL;
  g_autoptr(RosetteBatchSummary) second = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncData async = { loop, NULL, NULL, 0, 0, cancellable, g_thread_self () };

  g_signal_connect (batch, "progress", G_CALLBACK (on_progress), &async);
  rosette_batch_run_async (batch, cancellable, on_run_done, &async);
  g_main_loop_run (loop);
  g_assert_no_error (async.error);

  /* Cancelled at 20 or more done of 2,000 (it may have finished). */
  g_assert_cmpuint (count_issued (f->registry), ==, async.summary->issued);
  if (async.summary->cancelled)
    g_assert_cmpuint (async.summary->issued, <, 2000);

  again = make_batch (f, 2000);
  second = rosette_batch_run_sync (again, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->issued + async.summary->issued, ==, 2000);
  g_assert_cmpuint (count_issued (f->registry), ==, 2000);
  {
    g_autoptr(GPtrArray) files = list_files (f->out);

    g_assert_cmpuint (files->len, ==, 2000);
  }
  rosette_batch_summary_free (async.summary);
}

static void
test_rows_checked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatch) no_tier = NULL;
  g_autoptr(GError) error = NULL;
  RosetteBatchRecipient ana = { .email = "Ana@Acme.example", .name = "Ana" };
  RosetteBatchRecipient ana_again = { .email = "ana@acme.example" };
  RosetteBatchRecipient ana_gold = { .email = "ana@acme.example", .tier = "3" };
  RosetteBatchRecipient bad = { .email = "not an address" };
  RosetteBatchRecipient unknown = { .email = "bo@acme.example", .tier = "Platinum Plus" };
  RosetteBatchRecipient bad_date = { .email = "cy@acme.example", .valid_until = "31/02/2027" };

  batch = rosette_batch_new (f->registry, f->t->issuer, f->t->family, "1",
                             ROSETTE_ISSUE_PROOF_VC_JWT, out, ROSETTE_ISSUE_FORMAT_PNG, "b");
  g_assert_true (rosette_batch_add_recipient (batch, &ana, &error));
  g_assert_false (rosette_batch_add_recipient (batch, &ana_again, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (rosette_batch_add_recipient (batch, &ana_gold, &error));
  g_assert_false (rosette_batch_add_recipient (batch, &bad, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_batch_add_recipient (batch, &unknown, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rosette_batch_add_recipient (batch, &bad_date, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (rosette_batch_get_n_rows (batch), ==, 2);

  no_tier = rosette_batch_new (f->registry, f->t->issuer, f->t->family, NULL,
                               ROSETTE_ISSUE_PROOF_VC_JWT, out, ROSETTE_ISSUE_FORMAT_PNG, "c");
  g_assert_false (rosette_batch_add_recipient (no_tier, &ana, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_import_invalid_rows (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(RosetteCsvImport) import = rosette_csv_import_new ();
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  static const char csv[] =
    "Email,Name,Department\n"
    "ana@acme.example,Ana Lima,Sales\n"
    "not-an-address,Bo,Sales\n"
    "cy@acme.example,Cy,Engineering\n";

  stream = g_memory_input_stream_new_from_data (csv, sizeof csv - 1, NULL);
  g_assert_true (rosette_csv_import_load (import, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rosette_csv_import_validate (import, &error));
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 1);

  batch = rosette_batch_new (f->registry, f->t->issuer, f->t->family, "1",
                             ROSETTE_ISSUE_PROOF_VC_JWT, out, ROSETTE_ISSUE_FORMAT_PNG, "csv");
  rosette_batch_set_signing_key (batch, f->t->key, f->t->record);
  g_assert_false (rosette_batch_add_import (batch, import, FALSE, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (rosette_batch_get_n_rows (batch), ==, 0);

  g_assert_true (rosette_batch_add_import (batch, import, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_batch_get_n_rows (batch), ==, 2);
  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->issued, ==, 2);
  g_assert_cmpuint (summary->invalid, ==, 1);
}

/* The bit of @index in the status list credential written to @path. */
/* The achievement's image in a credential's claims: a URL or a data: URI. */
static const char *
achievement_image (JsonObject *claims)
{
  JsonObject *vc = json_object_has_member (claims, "vc")
                   ? json_object_get_object_member (claims, "vc") : claims;
  JsonObject *subject = json_object_get_object_member (vc, "credentialSubject");
  JsonObject *achievement = json_object_get_object_member (subject, "achievement");
  JsonNode *image = json_object_get_member (achievement, "image");

  g_assert_nonnull (image);
  if (JSON_NODE_HOLDS_OBJECT (image))
    return json_object_get_string_member (json_node_get_object (image), "id");
  return json_node_get_string (image);
}

static gboolean
published_bit (const char *path,
               RosetteKey *key,
               guint       index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *credential;
  JsonObject *subject;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_strstrip (text);
  g_assert_true (rosette_jws_verify (text, key, &payload, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                                             g_bytes_get_size (payload), &error));
  credential = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (credential, "id"), ==,
                   "https://acme.example/status/1.json");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (credential, "type"), 1),
                   ==, "BitstringStatusListCredential");
  subject = json_object_get_object_member (credential, "credentialSubject");
  g_assert_cmpstr (json_object_get_string_member (subject, "type"), ==, "BitstringStatusList");
  g_assert_cmpstr (json_object_get_string_member (subject, "statusPurpose"), ==, "revocation");
  bits = rosette_status_list_decode (json_object_get_string_member (subject, "encodedList"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bits), ==, ROSETTE_STATUS_LIST_SIZE / 8);
  return rosette_status_list_get_bit (bits, index);
}

static void
test_revoke_publishes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, 5);
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autoptr(GFile) publish = g_file_new_for_path (f->publish);
  g_autoptr(GError) error = NULL;
  g_autofree char *list = g_build_filename (f->publish, "status", "1.json", NULL);
  guint index;
  guint other;

  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  files = list_files (f->out);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  claims = test_issuing_read_baked (g_ptr_array_index (files, 0), f->t->key);
  record = rosette_registry_lookup (f->registry, json_object_get_string_member (claims, "jti"),
                                    NULL, &error);
  g_assert_no_error (error);
  /* The row knows the issuer its credential names (a did:key issuer
   * signing with P-256: the did:key of that key). */
  g_assert_true (g_str_has_prefix (json_object_get_string_member (claims, "iss"), "did:key:"));
  g_assert_cmpstr (rosette_issued_record_get_issuer_identifier (record), ==,
                   json_object_get_string_member (claims, "iss"));
  index = rosette_issued_record_get_status_index (record);
  other = index == 0 ? 1 : 0;

  written = rosette_status_publish_sync (f->registry, f->t->issuer, f->t->record, f->t->key,
                                         publish, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_false (published_bit (list, f->t->key, index));

  g_assert_true (rosette_registry_revoke (f->registry, rosette_issued_record_get_credential_id (record),
                                          "left the company", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&written, g_ptr_array_unref);
  written = rosette_status_publish_sync (f->registry, f->t->issuer, f->t->record, f->t->key,
                                         publish, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (published_bit (list, f->t->key, index));
  g_assert_false (published_bit (list, f->t->key, other));
}

static void
test_no_publish_base (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, 3);
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autoptr(GError) error = NULL;

  rosette_batch_set_publish_base (batch, NULL);
  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->issued, ==, 3);
  g_assert_nonnull (summary->warning);
  files = list_files (f->out);
  claims = test_issuing_read_baked (g_ptr_array_index (files, 0), f->t->key);
  g_assert_false (json_object_has_member (claims, "credentialStatus"));
  /* Nowhere to host the achievement image: each badge carries it. */
  g_assert_true (g_str_has_prefix (achievement_image (claims), "data:image/png;base64,"));
}

/* The hosted achievement image: with a publish base every badge refers to
 * <base>images/<family>-<tier>.png, the registry keeps the PNG, and the
 * publish tree gets it at that path. */
static void
test_hosted_image (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, 3);
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) tree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *family = rosette_family_dup_slug (f->t->family);
  g_autofree char *tier = rosette_tier_dup_slug (rosette_family_get_tier (f->t->family, 1));
  g_autofree char *url = g_strdup_printf ("https://acme.example/images/%s-%s.png", family, tier);
  g_autofree char *path = g_strdup_printf ("images/%s-%s.png", family, tier);
  GBytes *hosted;

  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->issued, ==, 3);
  files = list_files (f->out);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(JsonObject) claims = test_issuing_read_baked (g_ptr_array_index (files, i),
                                                              f->t->key);

      g_assert_cmpstr (achievement_image (claims), ==, url);
    }

  g_assert_true (rosette_publish_add_achievement_images (f->registry, tree, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (tree), ==, 1);
  hosted = g_hash_table_lookup (tree, path);
  g_assert_nonnull (hosted);
  expected = rosette_design_render_png (f->t->family, rosette_family_get_tier (f->t->family, 1),
                                        ROSETTE_ISSUE_ACHIEVEMENT_IMAGE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (hosted, expected));
}

/* OB 2.0 assertions are revoked through the issuer Profile's
 * revocationList: after a change it lists each revoked OB 2.0 assertion
 * (and only those) with its reason, and the verifier reads it so. */
static void
test_ob2_revocation_list (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) publish = g_file_new_for_path (f->publish);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (f->publish, "status", "ob2-revocations.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 achievement;
  char *ids[3];
  JsonObject *list;
  JsonArray *revoked;

  achievement = rosette_registry_upsert_achievement (f->registry, 0, "privacy", "Data Privacy",
                                                     "gold", "Gold", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *email = g_strdup_printf ("p%u@acme.example", i);
      g_autofree char *key = g_strdup_printf ("key-%u", i);
      RosetteRecipientData person = { email, NULL, NULL, NULL, NULL, NULL };
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(RosetteIssuedRecord) record = NULL;
      RosetteIssuanceRequest request = {
        .issuance_key = key, .achievement_id = achievement, .batch_id = "b",
        .valid_from = now, .proof_type = i < 2 ? "ob2" : "DataIntegrityProof", .now = now,
      };

      request.recipient_id = rosette_registry_upsert_recipient (f->registry, &person, &error);
      g_assert_no_error (error);
      record = rosette_registry_reserve_issuance (f->registry, &request, NULL, &error);
      g_assert_no_error (error);
      ids[i] = g_strdup (rosette_issued_record_get_credential_id (record));
      g_assert_true (rosette_registry_record_issued (f->registry, ids[i], NULL, now, &error));
      g_assert_no_error (error);
    }
  /* One OB 2.0 assertion revoked, one not; a revoked OB 3.0 one stays out. */
  g_assert_true (rosette_registry_revoke (f->registry, ids[1], "Issued in error", NULL, &error));
  g_assert_true (rosette_registry_revoke (f->registry, ids[2], "Left", NULL, &error));
  g_assert_no_error (error);

  written = rosette_status_publish_after_change (f->registry, f->t->issuer, f->t->record,
                                                 f->t->key, publish, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  list = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (list, "type"), ==, "RevocationList");
  g_assert_cmpstr (json_object_get_string_member (list, "id"), ==,
                   "https://acme.example/status/ob2-revocations.json");
  revoked = json_object_get_array_member (list, "revokedAssertions");
  g_assert_cmpuint (json_array_get_length (revoked), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (revoked, 0), "id"),
                   ==, ids[1]);

  bytes = g_bytes_new (text, strlen (text));
  g_assert_cmpint (_rosette_verify_revocation_list (bytes, ids[1], "revokedAssertions", &reason),
                   ==, ROSETTE_STATUS_REVOKED);
  g_assert_cmpstr (reason, ==, "Issued in error");
  g_clear_pointer (&reason, g_free);
  g_assert_cmpint (_rosette_verify_revocation_list (bytes, ids[0], "revokedAssertions", &reason),
                   ==, ROSETTE_STATUS_NOT_REVOKED);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}

static void
test_reissue_and_renew (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RosetteBatch) batch = make_batch (f, 3);
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autoptr(RosetteIssuedRecord) old = NULL;
  g_autoptr(RosetteIssuedRecord) fresh = NULL;
  g_autoptr(RosetteIssuedRecord) renewed = NULL;
  g_autoptr(RosetteIssuedRecord) stored = NULL;
  g_autoptr(RosetteIssuedRecord) none = NULL;
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(GFile) publish = g_file_new_for_path (f->publish);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2031, 6, 30, 0, 0, 0);
  g_autoptr(RosetteFamily) other = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE,
                                                                     "Other course");
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *list = g_build_filename (f->publish, "status", "1.json", NULL);
  g_autofree char *old_id = NULL;
  RosetteReissueOptions options = {
    .issuer = f->t->issuer,
    .key = f->t->key,
    .key_record = f->t->record,
    .family = f->t->family,
    .output_dir = out,
    .format = ROSETTE_ISSUE_FORMAT_PNG,
    .publish_dir = publish,
  };

  summary = rosette_batch_run_sync (batch, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  files = list_files (f->out);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  claims = test_issuing_read_baked (g_ptr_array_index (files, 0), f->t->key);
  old_id = g_strdup (json_object_get_string_member (claims, "jti"));
  old = rosette_registry_lookup (f->registry, old_id, NULL, &error);
  g_assert_no_error (error);

  /* Another family cannot re-issue it: its artwork would be wrong. */
  options.family = other;
  none = rosette_reissue_sync (f->registry, old_id, &options, NULL, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_null (none);
  g_clear_error (&error);
  options.family = f->t->family;

  /* Re-issue: same holder and achievement, a new id, the old superseded. */
  fresh = rosette_reissue_sync (f->registry, old_id, &options, &warning, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (warning);
  g_assert_nonnull (fresh);
  g_assert_cmpstr (rosette_issued_record_get_credential_id (fresh), !=, old_id);
  g_assert_cmpstr (rosette_issued_record_get_email (fresh), ==, rosette_issued_record_get_email (old));
  g_assert_cmpint (rosette_issued_record_get_achievement_id (fresh), ==,
                   rosette_issued_record_get_achievement_id (old));
  g_assert_cmpint (rosette_issued_record_get_status (fresh), ==, ROSETTE_CREDENTIAL_STATUS_VALID);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = list_files (f->out);
  g_assert_cmpuint (files->len, ==, 4);

  stored = rosette_registry_lookup (f->registry, old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_status (stored), ==, ROSETTE_CREDENTIAL_STATUS_REVOKED);
  g_assert_cmpstr (rosette_issued_record_get_revoke_reason (stored), ==, "superseded");
  g_assert_cmpstr (rosette_issued_record_get_superseded_by (stored), ==,
                   rosette_issued_record_get_credential_id (fresh));
  /* Published: the old credential's bit is set, the new one's is not. */
  g_assert_true (published_bit (list, f->t->key, rosette_issued_record_get_status_index (old)));
  g_assert_false (published_bit (list, f->t->key, rosette_issued_record_get_status_index (fresh)));

  /* Superseded once, it cannot be re-issued again. */
  g_clear_object (&none);
  none = rosette_reissue_sync (f->registry, old_id, &options, NULL, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CONFLICT);
  g_assert_null (none);
  g_clear_error (&error);

  /* Renew the re-issued one until a new date. */
  options.valid_until = until;
  renewed = rosette_reissue_sync (f->registry, rosette_issued_record_get_credential_id (fresh),
                                  &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_issued_record_get_valid_until (renewed), ==, g_date_time_to_unix (until));
  g_assert_cmpstr (rosette_issued_record_get_credential_id (renewed), !=,
                   rosette_issued_record_get_credential_id (fresh));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rosette/batch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("issue-and-rerun", test_issue_and_rerun);
  ADD ("names-and-narrative", test_names_and_narrative);
  ADD ("cancel-and-resume", test_cancel_and_resume);
  ADD ("async", test_async);
  ADD ("async-cancel", test_async_cancel);
  ADD ("rows-checked", test_rows_checked);
  ADD ("import-invalid-rows", test_import_invalid_rows);
  ADD ("revoke-publishes", test_revoke_publishes);
  ADD ("no-publish-base", test_no_publish_base);
  ADD ("hosted-image", test_hosted_image);
  ADD ("ob2-revocation-list", test_ob2_revocation_list);
  ADD ("reissue-and-renew", test_reissue_and_renew);

#undef ADD

  return g_test_run ();
}
