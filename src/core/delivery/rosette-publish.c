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
 * holds; only files whose hash changed are sent, and the manifest is
 * rewritten (atomically) after every file, so a failure midway leaves it
 * true. Atomic per file: PUT to "<name>.rosette-tmp" then MOVE over the
 * name; servers without MOVE get a plain PUT.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rosette-delivery.h"
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

static const char criteria_css[] =
  "body{font-family:Cantarell,'Segoe UI',Helvetica,Arial,sans-serif;color:#241f31;"
  "background:#f6f5f4;margin:0}main{max-width:44em;margin:2em auto;background:#fff;"
  "border-radius:12px;padding:2em 2.5em;box-shadow:0 1px 4px rgba(0,0,0,.12)}"
  "h1{margin-top:0;font-size:1.8em}.org{color:#5e5c64}ul.tiers{list-style:none;padding:0;"
  "display:flex;flex-wrap:wrap;gap:.6em}ul.tiers li{background:#e8e4f4;border-radius:999px;"
  "padding:.3em 1em;font-weight:bold}footer{color:#77767b;font-size:.85em;margin-top:2em}";

static GBytes *
build_criteria_page (RosetteIssuer *issuer,
                     const char    *family_name,
                     GPtrArray     *tiers)
{
  g_autofree char *title = g_markup_escape_text (family_name, -1);
  g_autofree char *org = g_markup_escape_text (rosette_issuer_get_name (issuer), -1);
  GString *html = g_string_new (NULL);

  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%s — %s</title><style>%s</style></head>\n<body><main>\n"
                          "<h1>%s</h1>\n<p class=\"org\">%s %s</p>\n<h2>%s</h2>\n<ul class=\"tiers\">\n",
                          title, org, criteria_css, title, _("A badge issued by"), org,
                          _("Tiers"));
  for (guint i = 0; i < tiers->len; i++)
    {
      g_autofree char *tier = g_markup_escape_text (g_ptr_array_index (tiers, i), -1);

      g_string_append_printf (html, "<li>%s</li>\n", tier);
    }
  g_string_append_printf (html, "</ul>\n<h2>%s</h2>\n<p>%s</p>\n<footer>%s</footer>\n"
                          "</main></body></html>\n", _("How to earn it"),
                          _("This badge is awarded by the issuer to people who meet its criteria; "
                            "each badge carries a signed Open Badges credential that anyone can "
                            "verify."), _("Published with Rosette"));
  return g_string_free_to_bytes (html);
}

static void
add_criteria_pages (GHashTable      *tree,
                    RosetteRegistry *registry,
                    RosetteIssuer   *issuer)
{
  g_autoptr(GPtrArray) rows = rosette_registry_inventory (registry, NULL, NULL);
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RosetteInventoryRow *row = g_ptr_array_index (rows, i);
      GPtrArray *tiers = g_hash_table_lookup (families, row->family_slug);

      if (tiers == NULL)
        {
          tiers = g_ptr_array_new ();
          g_hash_table_insert (families, row->family_slug, tiers);
          g_hash_table_insert (names, row->family_slug, row->family_name);
        }
      if (row->tier_name != NULL &&
          !g_ptr_array_find_with_equal_func (tiers, row->tier_name, g_str_equal, NULL))
        g_ptr_array_add (tiers, row->tier_name);
    }
  g_hash_table_iter_init (&iter, families);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (tree, g_strdup_printf ("criteria/%s.html", (char *)key),
                         build_criteria_page (issuer, g_hash_table_lookup (names, key), value));
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

/**
 * rosette_publish_build_tree:
 * @status_dir: (nullable): the folder the status lists are written to;
 *   %NULL for rosette_status_publish_dup_default_dir()
 *
 * The issuer's public files: did.json (did:web), the OB 2.0 profile and
 * key documents, one criteria page per badge family and the status lists.
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
  add_criteria_pages (tree, registry, issuer);

  if (status_dir == NULL)
    {
      default_dir = rosette_status_publish_dup_default_dir ();
      status_root = g_file_new_for_path (default_dir);
    }
  else
    status_root = g_object_ref (status_dir);
  if (!add_folder (tree, status_root, status_root, error))
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
      GBytes *bytes = g_hash_table_lookup (tree, path);
      g_autoptr(GFile) file = g_file_resolve_relative_path (root, path);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GBytes) old = g_file_load_bytes (file, NULL, NULL, NULL);
      g_autoptr(GError) local_error = NULL;

      if (old != NULL && g_bytes_equal (old, bytes))
        continue;
      g_ptr_array_add (changed, g_strdup (path));
      if (dry_run)
        continue;
      if (!g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* g_file_replace_contents writes a temporary file and renames it. */
      if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
        return NULL;
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

  if (!check_url (target->url, error))
    return NULL;
  session = soup_session_new_with_options ("timeout", target->timeout_seconds ? target->timeout_seconds : 60,
                                           "user-agent", "Rosette/" PACKAGE_VERSION, NULL);
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GBytes *bytes = g_hash_table_lookup (tree, path);
      g_autofree char *hash = hash_of (bytes);
      g_autofree char *url = NULL;

      if (g_strcmp0 (json_object_get_string_member_with_default (manifest, path, NULL), hash) == 0)
        continue;
      g_ptr_array_add (changed, g_strdup (path));
      if (dry_run)
        continue;
      url = g_strconcat (base, path, NULL);
      if (!make_folders (session, target, base, path, made, cancellable, error) ||
          !put_file (session, target, url, bytes, cancellable, error))
        return NULL;
      /* After each file, so that a failure later leaves the manifest true. */
      json_object_set_string_member (manifest, path, hash);
      if (!save_manifest (manifest_path, manifest, error))
        return NULL;
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
