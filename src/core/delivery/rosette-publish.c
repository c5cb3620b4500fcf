/* rosette-publish.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Publishing the issuer's public files: a tree (relative path -> bytes)
 * built from the issuer and the registry, sent incrementally to a WebDAV
 * or plain PUT server with libsoup, or written to a folder.
 *
 * Incremental: a manifest (JSON: path -> SHA-256) says what the server
 * holds; only files whose hash changed are sent. The manifest is
 * rewritten (atomically) every few files, at the end and on a failure: it
 * never claims a file the server does not hold, and after a crash it may
 * lag behind, which only sends those few files again. Atomic per file: PUT to "<name>.rosette-tmp" then MOVE over the
 * name; servers without MOVE get a plain PUT.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rosette-achievement-images.h"
#include "rosette-delivery.h"
#include "rosette-delivery-private.h"
#include "rosette-key-documents.h"
#include "rosette-publish.h"
#include "rosette-status-publish.h"

static void
add_json (GHashTable *tree,
          const char *path,
          JsonNode   *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_hash_table_insert (tree, g_strdup (path), g_bytes_new_take (g_steal_pointer (&text),
                                                                 strlen (text)));
}

/* The part of @url under @base, or NULL when it is elsewhere. */
static const char *
relative_to (const char *url,
             const char *base)
{
  return url != NULL && g_str_has_prefix (url, base) && url[strlen (base)] != '\0'
    ? url + strlen (base) : NULL;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* The OB 3.0 Profile (profile.json) and, where the OB 2.0 issuer URL is
 * under the publish base, the OB 2.0 Issuer with its public keys
 * (issuer.json, the "owner" the key documents name). */
static gboolean
add_profiles (GHashTable     *tree,
              RosetteIssuer  *issuer,
              const char     *base,
              GError        **error)
{
  g_autoptr(JsonBuilder) profile = json_builder_new ();
  g_autoptr(JsonBuilder) ob2 = json_builder_new ();
  g_autoptr(JsonNode) profile_node = NULL;
  g_autoptr(JsonNode) ob2_node = NULL;
  g_autofree char *identifier = rosette_issuer_dup_identifier (issuer);
  g_autofree char *ob2_url = rosette_issuer_dup_ob2_profile_url (issuer, error);
  const char *ob2_path = relative_to (ob2_url, base);
  g_autofree char *revocation_list = NULL;
  GListModel *keys = rosette_issuer_get_keys (issuer);

  if (ob2_url == NULL)
    return FALSE;

  json_builder_begin_object (profile);
  json_builder_set_member_name (profile, "@context");
  json_builder_begin_array (profile);
  json_builder_add_string_value (profile, "https://www.w3.org/ns/credentials/v2");
  json_builder_add_string_value (profile,
                                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
  json_builder_end_array (profile);
  add_member (profile, "id", identifier);
  json_builder_set_member_name (profile, "type");
  json_builder_begin_array (profile);
  json_builder_add_string_value (profile, "Profile");
  json_builder_end_array (profile);
  add_member (profile, "name", rosette_issuer_get_name (issuer));
  add_member (profile, "url", rosette_issuer_get_url (issuer));
  add_member (profile, "email", rosette_issuer_get_email (issuer));
  add_member (profile, "description", rosette_issuer_get_description (issuer));
  if (rosette_issuer_get_image (issuer) != NULL && *rosette_issuer_get_image (issuer) != '\0')
    {
      json_builder_set_member_name (profile, "image");
      json_builder_begin_object (profile);
      add_member (profile, "id", rosette_issuer_get_image (issuer));
      add_member (profile, "type", "Image");
      json_builder_end_object (profile);
    }
  json_builder_end_object (profile);
  profile_node = json_builder_get_root (profile);
  add_json (tree, "profile.json", profile_node);

  if (ob2_path == NULL)
    return TRUE;
  json_builder_begin_object (ob2);
  add_member (ob2, "@context", "https://w3id.org/openbadges/v2");
  add_member (ob2, "type", "Issuer");
  add_member (ob2, "id", ob2_url);
  add_member (ob2, "name", rosette_issuer_get_name (issuer));
  add_member (ob2, "url", rosette_issuer_get_url (issuer));
  add_member (ob2, "email", rosette_issuer_get_email (issuer));
  add_member (ob2, "description", rosette_issuer_get_description (issuer));
  add_member (ob2, "image", rosette_issuer_get_image (issuer));
  /* OB 2.0 §Profile: where verifiers look up revoked signed assertions. */
  revocation_list = rosette_status_dup_ob2_revocation_list_url (base);
  add_member (ob2, "revocationList", revocation_list);
  json_builder_set_member_name (ob2, "publicKey");
  json_builder_begin_array (ob2);
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      g_autoptr(JsonNode) doc = rosette_issuer_build_cryptographic_key (issuer, record, NULL);
      const char *id = doc != NULL
        ? json_object_get_string_member_with_default (json_node_get_object (doc), "id", NULL)
        : NULL;

      if (id != NULL)
        json_builder_add_string_value (ob2, id);
    }
  json_builder_end_array (ob2);
  json_builder_end_object (ob2);
  ob2_node = json_builder_get_root (ob2);
  add_json (tree, ob2_path, ob2_node);
  return TRUE;
}

static gboolean
add_folder (GHashTable  *tree,
            GFile       *root,
            GFile       *dir,
            GError     **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL)
    return g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      ? TRUE : (g_propagate_error (error, g_steal_pointer (&local_error)), FALSE);
  while (g_file_enumerator_iterate (children, &info, &child, NULL, error) && info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!add_folder (tree, root, child, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          GBytes *bytes = g_file_load_bytes (child, NULL, NULL, error);

          if (bytes == NULL)
            return FALSE;
          g_hash_table_insert (tree, g_file_get_relative_path (root, child), bytes);
        }
    }
  return TRUE;
}

typedef struct
{
  GHashTable *tree;
  const char *base;
} DocumentsClosure;

/* Puts one stored document at the path its "id" names under the base. */
static void
add_document (DocumentsClosure *closure,
              JsonObject       *documents,
              const char       *member)
{
  JsonNode *node = json_object_get_member (documents, member);
  const char *path;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  path = relative_to (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                  "id", NULL),
                      closure->base);
  if (path != NULL)
    add_json (closure->tree, path, node);
}

static void
add_documents_cb (const RosetteAchievementInfo *info,
                  gpointer                      user_data)
{
  g_autoptr(JsonNode) node = info->json != NULL ? json_from_string (info->json, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  /* OB 3.0 Achievement and OB 2.0 BadgeClass: a hosted OB 2.0 assertion's
   * "badge" must resolve, and an achievement id should. */
  add_document (user_data, json_node_get_object (node), "achievement");
  add_document (user_data, json_node_get_object (node), "badgeClass");
}

/* Credentials point at their status list from the moment they are issued,
 * but the signed lists are written only after a change (revoke, re-issue):
 * a first publish would leave verifiers a 404 ("could not fully verify").
 * Writes them once when one is missing; later publishes send only what
 * changed. */
static gboolean
ensure_status_lists (RosetteRegistry  *registry,
                     RosetteIssuer    *issuer,
                     GFile            *status_root,
                     GError          **error)
{
  g_autoptr(GArray) lists = rosette_registry_list_status_lists (registry, error);
  g_autoptr(GPtrArray) written = NULL;
  gboolean missing = FALSE;

  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len && !missing; i++)
    {
      g_autofree char *name = g_strdup_printf ("status/%" G_GINT64_FORMAT ".json",
                                               g_array_index (lists, gint64, i));
      g_autoptr(GFile) file = g_file_resolve_relative_path (status_root, name);

      missing = !g_file_query_exists (file, NULL);
    }
  if (!missing)
    return TRUE;
  written = rosette_status_publish_after_change (registry, issuer, NULL, NULL, status_root,
                                                 NULL, error);
  return written != NULL;
}

/**
 * rosette_publish_build_tree:
 * @status_dir: (nullable): the folder the status lists are written to;
 *   %NULL for rosette_status_publish_dup_default_dir()
 *
 * The issuer's public files: did.json (did:web), the OB 3.0 Profile
 * (profile.json), the OB 2.0 Issuer (issuer.json) and key documents, one
 * criteria page per badge family, the achievement images and the status
 * lists. Hosted
 * credentials are added by rosette_publish_add_credentials().
 *
 * Returns: (transfer full) (element-type utf8 GBytes): path -> contents
 */
GHashTable *
rosette_publish_build_tree (RosetteRegistry  *registry,
                            RosetteIssuer    *issuer,
                            GFile            *status_dir,
                            GError          **error)
{
  g_autoptr(GHashTable) tree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)g_bytes_unref);
  g_autofree char *base = rosette_issuer_dup_publish_base (issuer, error);
  g_autofree char *default_dir = NULL;
  g_autoptr(GFile) status_root = NULL;
  GListModel *keys = rosette_issuer_get_keys (issuer);
  g_autoptr(JsonNode) did = NULL;
  DocumentsClosure documents;

  if (base == NULL)
    return NULL;

  if (g_str_has_prefix (rosette_issuer_get_identifier (issuer), "did:web:"))
    {
      did = rosette_issuer_build_did_document (issuer, NULL, error);
      if (did == NULL)
        return NULL;
      add_json (tree, ".well-known/did.json", did);
    }
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      g_autoptr(JsonNode) doc = rosette_issuer_build_cryptographic_key (issuer, record, NULL);
      const char *path = doc != NULL
        ? relative_to (json_object_get_string_member_with_default (json_node_get_object (doc),
                                                                   "id", NULL), base)
        : NULL;

      if (path != NULL)
        add_json (tree, path, doc);
    }
  if (!add_profiles (tree, issuer, base, error))
    return NULL;
  documents.tree = tree;
  documents.base = base;
  if (!rosette_registry_foreach_achievement (registry, add_documents_cb, &documents, error) ||
      !_rosette_publish_add_criteria_pages (tree, registry, issuer, error) ||
      !rosette_publish_add_achievement_images (registry, tree, error))
    return NULL;

  if (status_dir == NULL)
    {
      default_dir = rosette_status_publish_dup_default_dir ();
      status_root = g_file_new_for_path (default_dir);
    }
  else
    status_root = g_object_ref (status_dir);
  if (!ensure_status_lists (registry, issuer, status_root, error) ||
      !add_folder (tree, status_root, status_root, error))
    return NULL;
  return g_steal_pointer (&tree);
}

/* ---- sending ---------------------------------------------------------- */

static char *
hash_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static GPtrArray *
dup_paths (GHashTable *tree)
{
  GPtrArray *paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, tree);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  return paths;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
report (const RosettePublishTarget *target,
        guint                       done,
        GPtrArray                  *changed)
{
  if (target->progress != NULL)
    target->progress (done, changed->len, g_ptr_array_index (changed, done - 1),
                      target->progress_data);
}

static gboolean
write_file (GFile         *root,
            const char    *path,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (root, path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* g_file_replace_contents writes a temporary file and renames it. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

static GPtrArray *
publish_to_dir (GHashTable                 *tree,
                const RosettePublishTarget *target,
                gboolean                    dry_run,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = dup_paths (tree);
  g_autoptr(GFile) root = g_file_new_for_commandline_arg (target->dir);

  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_resolve_relative_path (root, path);
      g_autoptr(GBytes) old = g_file_load_bytes (file, NULL, NULL, NULL);

      if (old == NULL || !g_bytes_equal (old, g_hash_table_lookup (tree, path)))
        g_ptr_array_add (changed, g_strdup (path));
    }
  for (guint i = 0; !dry_run && i < changed->len; i++)
    {
      const char *path = g_ptr_array_index (changed, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_file (root, path, g_hash_table_lookup (tree, path), cancellable, error))
        return NULL;
      report (target, i + 1, changed);
    }
  return g_steal_pointer (&changed);
}

static char *
default_manifest_path (const char *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *name = g_strdup_printf ("manifest-%.16s.json", hash);

  return g_build_filename (g_get_user_data_dir (), "rosette", "published", name, NULL);
}

static JsonObject *
load_manifest (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json_parser_load_from_file (parser, path, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_ref (json_node_get_object (root));
  return json_object_new ();
}

static gboolean
save_manifest (const char  *path,
               JsonObject  *manifest,
               GError     **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), manifest);
  g_autofree char *text = json_to_string (node, TRUE);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  return g_file_set_contents (path, text, -1, error);
}

static gboolean
check_url (const char  *url,
           GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;
  if (host != NULL && g_strcmp0 (g_uri_get_scheme (uri), "http") == 0)
    {
      address = g_inet_address_new_from_string (host);
      if (g_ascii_strcasecmp (host, "localhost") == 0 ||
          (address != NULL && g_inet_address_get_is_loopback (address)))
        return TRUE;
    }
  g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE,
               _("Refusing to publish to %s: use an https:// address (plain http is only "
                 "allowed to this computer)"), url);
  return FALSE;
}

static SoupMessage *
new_request (const char                 *method,
             const char                 *url,
             const RosettePublishTarget *target)
{
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (target->password != NULL && *target->password != '\0')
    {
      g_autofree char *value = NULL;

      if (target->user != NULL && *target->user != '\0')
        {
          g_autofree char *pair = g_strdup_printf ("%s:%s", target->user, target->password);
          g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));

          value = g_strdup_printf ("Basic %s", encoded);
        }
      else
        value = g_strdup_printf ("Bearer %s", target->password);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  return msg;
}

static guint
send_request (SoupSession   *session,
              SoupMessage   *msg,
              GBytes        *body,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) local_error = NULL;

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/octet-stream", body);
  reply = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (reply == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE,
                     _("Cannot reach the publish server: %s"), local_error->message);
      return 0;
    }
  return soup_message_get_status (msg);
}

static gboolean
check_status (guint        status,
              const char  *method,
              const char  *url,
              GError     **error)
{
  if (status >= 200 && status < 300)
    return TRUE;
  if (status == 401 || status == 403)
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_AUTH,
                 _("The publish server refused the user name or password (%u) for %s"),
                 status, url);
  else
    g_set_error (error, ROSETTE_DELIVERY_ERROR,
                 status >= 500 ? ROSETTE_DELIVERY_ERROR_TRANSIENT : ROSETTE_DELIVERY_ERROR_PERMANENT,
                 _("The publish server answered %u (%s) to %s %s"), status,
                 soup_status_get_phrase (status), method, url);
  return FALSE;
}

/* MKCOL each missing folder of @path; 405 means it exists already. */
static gboolean
make_folders (SoupSession                *session,
              const RosettePublishTarget *target,
              const char                 *base,
              const char                 *path,
              GHashTable                 *made,
              GCancellable               *cancellable,
              GError                    **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GString) folder = g_string_new (base);

  for (guint i = 0; parts[i] != NULL && parts[i + 1] != NULL; i++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      guint status;

      g_string_append_printf (folder, "%s/", parts[i]);
      if (g_hash_table_contains (made, folder->str))
        continue;
      msg = new_request ("MKCOL", folder->str, target);
      status = send_request (session, msg, NULL, cancellable, error);
      if (status == 0)
        return FALSE;
      if (status != 405 && status != 409 && !check_status (status, "MKCOL", folder->str, error))
        return FALSE;
      g_hash_table_add (made, g_strdup (folder->str));
    }
  return TRUE;
}

static gboolean
put_file (SoupSession                *session,
          const RosettePublishTarget *target,
          const char                 *url,
          GBytes                     *bytes,
          GCancellable               *cancellable,
          GError                    **error)
{
  g_autofree char *temp = g_strconcat (url, ".rosette-tmp", NULL);
  g_autoptr(SoupMessage) put = new_request ("PUT", temp, target);
  g_autoptr(SoupMessage) move = NULL;
  g_autoptr(SoupMessage) direct = NULL;
  guint status;

  status = send_request (session, put, bytes, cancellable, error);
  if (status == 0 || !check_status (status, "PUT", temp, error))
    return FALSE;
  move = new_request ("MOVE", temp, target);
  soup_message_headers_replace (soup_message_get_request_headers (move), "Destination", url);
  soup_message_headers_replace (soup_message_get_request_headers (move), "Overwrite", "T");
  status = send_request (session, move, NULL, cancellable, error);
  if (status == 0)
    return FALSE;
  if (status == 405 || status == 501)
    {
      /* No WebDAV MOVE: a plain PUT, and the temporary file removed. */
      g_autoptr(SoupMessage) del = new_request ("DELETE", temp, target);

      direct = new_request ("PUT", url, target);
      status = send_request (session, direct, bytes, cancellable, error);
      if (status == 0 || !check_status (status, "PUT", url, error))
        return FALSE;
      send_request (session, del, NULL, cancellable, NULL);
      return TRUE;
    }
  return check_status (status, "MOVE", url, error);
}

#define MANIFEST_SAVE_EVERY 32

static SoupSession *
new_session (const RosettePublishTarget *target)
{
  return soup_session_new_with_options ("timeout",
                                        target->timeout_seconds ? target->timeout_seconds : 60,
                                        "user-agent", "Rosette/" PACKAGE_VERSION, NULL);
}

static GPtrArray *
publish_to_url (GHashTable                 *tree,
                const RosettePublishTarget *target,
                gboolean                    dry_run,
                GCancellable               *cancellable,
                GError                    **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = dup_paths (tree);
  g_autofree char *manifest_path = target->manifest != NULL ? g_strdup (target->manifest)
                                                            : default_manifest_path (target->url);
  g_autoptr(JsonObject) manifest = load_manifest (manifest_path);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GHashTable) made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *base = g_str_has_suffix (target->url, "/") ? g_strdup (target->url)
                                                              : g_strconcat (target->url, "/", NULL);
  guint unsaved = 0;

  if (!check_url (target->url, error))
    return NULL;
  session = new_session (target);
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *hash = hash_of (g_hash_table_lookup (tree, path));

      if (g_strcmp0 (json_object_get_string_member_with_default (manifest, path, NULL), hash) != 0)
        g_ptr_array_add (changed, g_strdup (path));
    }
  for (guint i = 0; !dry_run && i < changed->len; i++)
    {
      const char *path = g_ptr_array_index (changed, i);
      GBytes *bytes = g_hash_table_lookup (tree, path);
      g_autofree char *hash = hash_of (bytes);
      g_autofree char *url = g_strconcat (base, path, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !make_folders (session, target, base, path, made, cancellable, error) ||
          !put_file (session, target, url, bytes, cancellable, error))
        {
          /* What was sent is recorded, so that the next run skips it. */
          if (unsaved > 0)
            save_manifest (manifest_path, manifest, NULL);
          return NULL;
        }
      json_object_set_string_member (manifest, path, hash);
      /* Every few files and at the end: a manifest that lags behind only
       * makes the next run send a few files again. */
      if (++unsaved == MANIFEST_SAVE_EVERY || i + 1 == changed->len)
        {
          if (!save_manifest (manifest_path, manifest, error))
            return NULL;
          unsaved = 0;
        }
      report (target, i + 1, changed);
    }
  return g_steal_pointer (&changed);
}

/**
 * rosette_publish_sync:
 * @tree: (element-type utf8 GBytes): from rosette_publish_build_tree()
 * @target: where to
 * @dry_run: only say what would change
 *
 * Returns: (transfer container) (element-type utf8): the paths that were
 *   (or, with @dry_run, would be) sent, or %NULL with an error
 */
GPtrArray *
rosette_publish_sync (GHashTable                 *tree,
                      const RosettePublishTarget *target,
                      gboolean                    dry_run,
                      GCancellable               *cancellable,
                      GError                    **error)
{
  g_return_val_if_fail (tree != NULL && target != NULL, NULL);

  if (target->dir != NULL)
    return publish_to_dir (tree, target, dry_run, cancellable, error);
  if (target->url == NULL || *target->url == '\0')
    {
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_CONFIG,
                   _("No publish address is set: set publish.url or use --to-dir"));
      return NULL;
    }
  return publish_to_url (tree, target, dry_run, cancellable, error);
}

#define CHECK_FILE "rosette-connection-test.txt"

/**
 * rosette_publish_check_sync:
 * @target: where to
 *
 * "Test Connection": writes a small file the way publishing does (to a
 * temporary name, then moved over the name) and deletes it again, so
 * the address, the password and the permission to write are all tried.
 *
 * Returns: %TRUE when the target takes files
 */
gboolean
rosette_publish_check_sync (const RosettePublishTarget *target,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(GBytes) probe = g_bytes_new_static ("Rosette connection test\n", 24);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) del = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  guint status;

  g_return_val_if_fail (target != NULL, FALSE);

  if (target->dir != NULL)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (target->dir);
      g_autoptr(GFile) file = g_file_get_child (root, CHECK_FILE);

      return write_file (root, CHECK_FILE, probe, cancellable, error) &&
             g_file_delete (file, cancellable, error);
    }
  if (target->url == NULL || *target->url == '\0')
    {
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_CONFIG,
                   _("No publish address is set"));
      return FALSE;
    }
  if (!check_url (target->url, error))
    return FALSE;
  session = new_session (target);
  base = g_str_has_suffix (target->url, "/") ? g_strdup (target->url)
                                             : g_strconcat (target->url, "/", NULL);
  url = g_strconcat (base, CHECK_FILE, NULL);
  if (!put_file (session, target, url, probe, cancellable, error))
    return FALSE;
  del = new_request ("DELETE", url, target);
  status = send_request (session, del, NULL, cancellable, error);
  return status != 0 && check_status (status, "DELETE", url, error);
}
