/* rosette-issuer-document.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Reading and writing the issuer profile. Each issuer is one UTF-8 JSON
 * file, $XDG_DATA_HOME/rosette/issuers/<id>.json (see
 * rosette-issuer-store.c), written pretty-printed. Version 1:
 *
 *   {
 *     "format" : "rosette-issuer",           required, exactly this
 *     "version" : 1,                         required, whole number >= 1
 *     "id" : "0b6c…-…",                      required, a local UUID (lower case);
 *                                            never published, names the file
 *                                            and the keyring items
 *     "created" : "2026-03-01T09:00:00Z",    ISO 8601
 *     "name" : "Acme Training",              required, 1-120 characters
 *     "url" : "https://acme.example",        http(s) URL, <= 2048
 *     "email" : "badges@acme.example",       optional
 *     "description" : "…",                   optional, <= 2000 characters
 *     "image" : "https://…" | "data:image/png;base64,…"   optional, <= 256 KiB
 *     "identifier" : "did:key"               did:key (default),
 *                  | "did:web:acme.example"  did:web:<domain>[:path…],
 *                  | "https://acme.example/issuer.json"  an https URL
 *     "keys" : [                             at most 64
 *       {
 *         "id" : "3f1c9a0b2d4e5f60",         first 16 hex of SHA-256(public-key)
 *         "algorithm" : "ed25519",           ed25519, p256, rsa2048
 *         "created" : "2026-03-01T09:00:00Z",
 *         "status" : "active",               active, retired, revoked
 *         "status-changed" : "…",            when retired or revoked
 *         "public-key" : "MCowBQYDK2VwAyEA…" base64 DER SubjectPublicKeyInfo
 *       }
 *     ]
 *   }
 *
 * Only public key material is ever in this file. The file is read as
 * untrusted input: size bound, UTF-8, depth bound, then every field is
 * checked; a key id must match its public key. Unknown keys are ignored; a
 * newer "version" is refused with ROSETTE_ERROR_UNSUPPORTED_VERSION.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-issuer.h"
#include "rosette-issuer-private.h"
#include "rosette-utils.h"

#define FORMAT_NAME "rosette-issuer"
#define MAX_DEPTH 8

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_optional (JsonBuilder *builder,
              const char  *key,
              const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/**
 * rosette_issuer_to_bytes:
 *
 * Returns: (transfer full): the profile file contents (see the top of
 *   rosette-issuer-document.c)
 */
GBytes *
rosette_issuer_to_bytes (RosetteIssuer *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = NULL;
  char *text;
  gsize length;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  created = format_time (self->created);

  json_builder_begin_object (builder);
  add_optional (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ROSETTE_ISSUER_FORMAT_VERSION);
  add_optional (builder, "id", self->id);
  add_optional (builder, "created", created);
  add_optional (builder, "name", self->name);
  add_optional (builder, "url", self->url);
  add_optional (builder, "email", self->email);
  add_optional (builder, "description", self->description);
  add_optional (builder, "image", self->image);
  add_optional (builder, "identifier", self->identifier);

  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->keys));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (G_LIST_MODEL (self->keys), i);
      g_autofree char *key_created = format_time (rosette_key_record_get_created (record));
      g_autofree char *changed = NULL;
      g_autofree char *der = NULL;
      GBytes *public_key = rosette_key_record_get_public_key (record);

      if (rosette_key_record_get_status_changed (record) != NULL)
        changed = format_time (rosette_key_record_get_status_changed (record));
      der = g_base64_encode (g_bytes_get_data (public_key, NULL), g_bytes_get_size (public_key));

      json_builder_begin_object (builder);
      add_optional (builder, "id", rosette_key_record_get_id (record));
      add_optional (builder, "algorithm",
                    rosette_key_algorithm_to_string (rosette_key_record_get_algorithm (record)));
      add_optional (builder, "created", key_created);
      add_optional (builder, "status",
                    rosette_key_status_to_string (rosette_key_record_get_status (record)));
      add_optional (builder, "status-changed", changed);
      add_optional (builder, "public-key", der);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);

  /* End the file with a newline, as text files do. */
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';

  return g_bytes_new_take (text, length);
}

static gboolean
fail_field (GError     **error,
            const char  *field)
{
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("The issuer file has an invalid “%s”"), field);
  return FALSE;
}

/* Reads an optional string member: absent or null leaves *value NULL. */
static gboolean
get_string (JsonObject  *object,
            const char  *key,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_field (error, key);

  *value = json_node_get_string (node);
  return TRUE;
}

static GDateTime *
get_time (JsonObject  *object,
          const char  *key,
          gboolean     required,
          GError     **error)
{
  const char *text = NULL;
  GDateTime *time;

  if (!get_string (object, key, &text, error))
    return NULL;

  if (text == NULL)
    {
      if (required)
        fail_field (error, key);
      return NULL;
    }

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    fail_field (error, key);

  return time;
}

static RosetteKeyRecord *
key_record_from_json (JsonNode  *node,
                      GError   **error)
{
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) changed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) public_key = NULL;
  const char *id, *algorithm_text, *status_text, *der;
  RosetteKeyAlgorithm algorithm;
  RosetteKeyStatus status = ROSETTE_KEY_STATUS_ACTIVE;
  guchar *decoded;
  gsize decoded_length;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_field (error, "keys");
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "id", &id, error) ||
      !get_string (object, "algorithm", &algorithm_text, error) ||
      !get_string (object, "status", &status_text, error) ||
      !get_string (object, "public-key", &der, error))
    return NULL;

  if (!rosette_key_id_is_valid (id))
    {
      fail_field (error, "keys.id");
      return NULL;
    }
  if (!rosette_key_algorithm_from_string (algorithm_text, &algorithm, NULL))
    {
      fail_field (error, "keys.algorithm");
      return NULL;
    }
  if (g_strcmp0 (status_text, "retired") == 0)
    status = ROSETTE_KEY_STATUS_RETIRED;
  else if (g_strcmp0 (status_text, "revoked") == 0)
    status = ROSETTE_KEY_STATUS_REVOKED;
  else if (g_strcmp0 (status_text, "active") != 0)
    {
      fail_field (error, "keys.status");
      return NULL;
    }

  if (der == NULL || strlen (der) > ROSETTE_KEY_MAX_PUBLIC_KEY_SIZE * 4 / 3 + 4)
    {
      fail_field (error, "keys.public-key");
      return NULL;
    }
  decoded = g_base64_decode (der, &decoded_length);
  public_key = g_bytes_new_take (decoded, decoded_length);
  if (decoded_length == 0)
    {
      fail_field (error, "keys.public-key");
      return NULL;
    }

  created = get_time (object, "created", TRUE, error);
  if (created == NULL)
    return NULL;
  changed = get_time (object, "status-changed", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  record = rosette_key_record_new (algorithm, public_key, created);

  /* The id is derived from the key: a mismatch means the file was edited
   * by hand or damaged, and the keyring item would not be found. */
  if (!g_str_equal (id, rosette_key_record_get_id (record)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Key %s in the issuer file does not match its public key"), id);
      return NULL;
    }

  if (status != ROSETTE_KEY_STATUS_ACTIVE &&
      !rosette_key_record_set_status (record, status, changed, error))
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * rosette_issuer_new_from_bytes:
 * @bytes: the contents of an issuer file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the issuer, or %NULL with %ROSETTE_ERROR_PARSE,
 *   %ROSETTE_ERROR_TOO_LARGE, %ROSETTE_ERROR_UNSUPPORTED_VERSION or
 *   %ROSETTE_ERROR_INVALID
 */
RosetteIssuer *
rosette_issuer_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(RosetteIssuer) self = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  const char *text;
  gsize size;
  JsonNode *root, *node;
  JsonObject *object;
  JsonArray *keys;
  gint64 version;
  const char * const *fields = rosette_issuer_list_fields ();

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > ROSETTE_ISSUER_MAX_FILE_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The issuer file is too large"));
      return NULL;
    }
  if (size == 0 || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The issuer file is not UTF-8 text"));
      return NULL;
    }
  if (!rosette_json_depth_ok (data, size, MAX_DEPTH))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The issuer file is nested more than %d levels deep"), MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The issuer file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The issuer file is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!get_string (object, "format", &text, error))
    return NULL;
  if (g_strcmp0 (text, FORMAT_NAME) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("This is not a Rosette issuer file"));
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      (version = json_node_get_int (node)) < 1)
    {
      fail_field (error, "version");
      return NULL;
    }
  if (version > ROSETTE_ISSUER_FORMAT_VERSION)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNSUPPORTED_VERSION,
                   _("The issuer file was written by a newer Rosette (version %d); update Rosette to use it"),
                   (int) MIN (version, G_MAXINT));
      return NULL;
    }

  self = g_object_new (ROSETTE_TYPE_ISSUER, NULL);

  if (!get_string (object, "id", &text, error))
    return NULL;
  if (text == NULL || !g_uuid_string_is_valid (text))
    {
      fail_field (error, "id");
      return NULL;
    }
  self->id = g_ascii_strdown (text, -1);

  self->created = get_time (object, "created", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!get_string (object, fields[i], &text, error))
        return NULL;
      if (!rosette_issuer_check_field (fields[i], text, error))
        return NULL;
      if (text != NULL)
        g_object_set (self, fields[i], text, NULL);
    }

  node = json_object_get_member (object, "keys");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          fail_field (error, "keys");
          return NULL;
        }
      keys = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (keys); i++)
        {
          g_autoptr(RosetteKeyRecord) record = NULL;

          record = key_record_from_json (json_array_get_element (keys, i), error);
          if (record == NULL || !rosette_issuer_add_key (self, record, error))
            return NULL;
        }
    }

  return g_steal_pointer (&self);
}
