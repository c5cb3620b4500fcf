/* rosette-verify-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Finding the public key a proof names (a JWS "kid", a Data Integrity
 * "verificationMethod", an OB 2.0 "creator") and who controls it:
 * did:key is decoded here; did:web and https keys are fetched (online
 * only); a key the user trusts (--key) overrides them all. The caller
 * compares the controller with the issuer: a valid signature by a key
 * that is not the issuer's proves nothing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-verify-private.h"

static RosetteKey *
key_from_method (JsonObject  *method,
                 GError     **error)
{
  JsonObject *jwk = _rosette_verify_object_member (method, "publicKeyJwk");
  const char *multibase = _rosette_verify_string_member (method, "publicKeyMultibase");
  const char *pem = _rosette_verify_string_member (method, "publicKeyPem");

  if (_rosette_verify_string_member (method, "kty") != NULL)
    jwk = method;
  if (jwk != NULL)
    {
      if (json_object_has_member (jwk, "d"))
        {
          g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                               _("The published key contains a private key"));
          return NULL;
        }
      return rosette_key_new_from_jwk (jwk, error);
    }
  if (multibase != NULL)
    return _rosette_verify_key_from_multikey (multibase, error);
  if (pem != NULL)
    return rosette_key_new_from_public_pem (pem, error);

  g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The key document holds no public key"));
  return NULL;
}

/* Looks for @key_id in a "verificationMethod" list (ids may be relative
 * fragments, "#key-1"). */
static JsonObject *
find_method (JsonObject *document,
             const char *document_id,
             const char *key_id)
{
  JsonNode *methods = json_object_get_member (document, "verificationMethod");
  const char *fragment = strchr (key_id, '#');

  if (methods == NULL || !JSON_NODE_HOLDS_ARRAY (methods))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (methods)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (methods), i);
      const char *id = _rosette_verify_node_id (item);

      if (!JSON_NODE_HOLDS_OBJECT (item) || id == NULL)
        continue;
      if (g_strcmp0 (id, key_id) == 0 ||
          (id[0] == '#' && fragment != NULL && g_strcmp0 (id, fragment) == 0 &&
           strncmp (key_id, document_id, fragment - key_id) == 0))
        return json_node_get_object (item);
    }
  return NULL;
}

static JsonObject *
fetch_json_object (VerifyRun   *run,
                   const char  *url,
                   JsonNode   **holder,
                   GError     **error)
{
  g_autoptr(GBytes) body = NULL;
  guint status = 0;
  gsize length;
  const char *text;

  body = _rosette_verify_run_fetch (run, url, "application/did+json, application/ld+json, application/json",
                                    &status, error);
  if (body == NULL)
    return NULL;
  if (status != 200)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("%s answered with HTTP status %u"), url, status);
      return NULL;
    }
  text = g_bytes_get_data (body, &length);
  *holder = _rosette_verify_parse_json (text, length, error);
  if (*holder == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (*holder))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE, _("%s is not a JSON object"), url);
      return NULL;
    }
  return json_node_get_object (*holder);
}

/* did:web:example.com:users:alice → https://example.com/users/alice/did.json */
static char *
did_web_url (const char *did)
{
  g_auto(GStrv) parts = g_strsplit (did + strlen ("did:web:"), ":", -1);
  g_autoptr(GString) url = g_string_new ("https://");
  g_autofree char *host = NULL;

  if (parts[0] == NULL || parts[0][0] == '\0')
    return NULL;
  host = g_uri_unescape_string (parts[0], "/?#@");
  if (host == NULL)
    return NULL;
  g_string_append (url, host);
  if (parts[1] == NULL)
    {
      g_string_append (url, "/.well-known/did.json");
    }
  else
    {
      for (guint i = 1; parts[i] != NULL; i++)
        {
          g_autofree char *segment = g_uri_unescape_string (parts[i], "/?#");

          if (segment == NULL || segment[0] == '\0' || strcmp (segment, "..") == 0)
            return NULL;
          g_string_append_printf (url, "/%s", segment);
        }
      g_string_append (url, "/did.json");
    }
  return g_string_free (g_steal_pointer (&url), FALSE);
}

static gboolean
listed_for_assertion (JsonObject *document,
                      const char *method_id,
                      const char *document_id)
{
  JsonNode *list = json_object_get_member (document, "assertionMethod");
  const char *fragment = strchr (method_id, '#');

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      const char *id = _rosette_verify_node_id (json_array_get_element (json_node_get_array (list), i));

      if (g_strcmp0 (id, method_id) == 0 ||
          (id != NULL && id[0] == '#' && g_strcmp0 (id, fragment) == 0 &&
           g_str_has_prefix (method_id, document_id)))
        return TRUE;
    }
  return FALSE;
}

static RosetteKey *
resolve_did_key (VerifyRun   *run,
                 const char  *key_id,
                 GError     **error)
{
  const char *hash = strchr (key_id, '#');
  g_autofree char *did = hash != NULL ? g_strndup (key_id, hash - key_id) : g_strdup (key_id);
  const char *multibase = did + strlen ("did:key:");
  RosetteKey *key;

  if (hash != NULL && strcmp (hash + 1, multibase) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The key “%s” is not a did:key with its key as fragment"), key_id);
      return NULL;
    }
  /* A batch from one issuer names the same did:key again and again; a
   * P-256 one costs a modular square root to decode. */
  g_mutex_lock (run->key_cache_lock);
  key = g_hash_table_lookup (run->key_cache, multibase);
  if (key != NULL)
    g_object_ref (key);
  g_mutex_unlock (run->key_cache_lock);
  if (key == NULL)
    {
      key = _rosette_verify_key_from_multikey (multibase, error);
      if (key != NULL)
        {
          g_mutex_lock (run->key_cache_lock);
          if (g_hash_table_size (run->key_cache) < 256)
            g_hash_table_insert (run->key_cache, g_strdup (multibase), g_object_ref (key));
          g_mutex_unlock (run->key_cache_lock);
        }
    }
  if (key != NULL)
    {
      run->key_source = KEY_SOURCE_DID_KEY;
      g_free (run->key_controller);
      run->key_controller = g_steal_pointer (&did);
    }
  return key;
}

static RosetteKey *
resolve_did_web (VerifyRun   *run,
                 const char  *key_id,
                 GError     **error)
{
  const char *hash = strchr (key_id, '#');
  g_autofree char *did = hash != NULL ? g_strndup (key_id, hash - key_id) : g_strdup (key_id);
  g_autofree char *url = did_web_url (did);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *document;
  JsonObject *method;
  RosetteKey *key;

  if (url == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("“%s” is not a valid did:web"), did);
      return NULL;
    }
  document = fetch_json_object (run, url, &holder, error);
  if (document == NULL)
    return NULL;
  if (g_strcmp0 (_rosette_verify_string_member (document, "id"), did) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The DID document at %s is not the document of %s"), url, did);
      return NULL;
    }
  method = find_method (document, did, key_id);
  if (method == NULL || !listed_for_assertion (document, key_id, did))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("%s does not list the key %s for signing credentials"), did, key_id);
      return NULL;
    }
  key = key_from_method (method, error);
  if (key != NULL)
    {
      run->key_source = KEY_SOURCE_DID_WEB;
      g_free (run->key_controller);
      run->key_controller = g_strdup (did);
      g_free (run->key_location);
      run->key_location = g_steal_pointer (&url);
    }
  return key;
}

static RosetteKey *
resolve_https (VerifyRun   *run,
               const char  *key_id,
               GError     **error)
{
  const char *hash = strchr (key_id, '#');
  g_autofree char *url = hash != NULL ? g_strndup (key_id, hash - key_id) : g_strdup (key_id);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *document;
  JsonObject *method = NULL;
  const char *controller;
  RosetteKey *key;

  document = fetch_json_object (run, url, &holder, error);
  if (document == NULL)
    return NULL;

  if (json_object_has_member (document, "keys"))
    {
      /* A JWK Set: pick the key by its "kid". */
      JsonNode *keys = json_object_get_member (document, "keys");

      for (guint i = 0; JSON_NODE_HOLDS_ARRAY (keys) && i < json_array_get_length (json_node_get_array (keys)); i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (keys), i);

          if (JSON_NODE_HOLDS_OBJECT (item) &&
              g_strcmp0 (_rosette_verify_string_member (json_node_get_object (item), "kid"), key_id) == 0)
            method = json_node_get_object (item);
        }
    }
  else if (hash != NULL || json_object_has_member (document, "verificationMethod"))
    {
      method = find_method (document, url, key_id);
      if (method == NULL && g_strcmp0 (_rosette_verify_string_member (document, "id"), key_id) == 0)
        method = document;
    }
  else
    {
      method = document;
    }
  if (method == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("%s does not publish the key %s"), url, key_id);
      return NULL;
    }

  key = key_from_method (method, error);
  if (key == NULL)
    return NULL;

  /* Who the key belongs to: a Multikey's "controller", an OB 2.0
   * CryptographicKey's "owner", or the document that lists it. */
  controller = _rosette_verify_string_member (method, "controller");
  if (controller == NULL)
    controller = _rosette_verify_string_member (method, "owner");
  if (controller == NULL && method != document)
    controller = _rosette_verify_string_member (document, "id");
  run->key_source = KEY_SOURCE_HTTPS;
  g_free (run->key_controller);
  run->key_controller = g_strdup (controller);
  g_free (run->key_location);
  run->key_location = g_steal_pointer (&url);
  return key;
}

/**
 * _rosette_verify_resolve_key:
 * @key_id: (nullable): the "kid", verification method or creator
 * @inline_jwk: (nullable): a JWK carried with the proof
 * @not_checked: (out): set, with %NULL returned, when the key could not
 *   be looked up (offline, the network failed): the proof is then "not
 *   checked", not "failed"
 * @error: set, with %NULL returned, when the key is wrong
 *
 * Returns: (transfer full) (nullable): the key; run->key_source and
 *   run->key_controller say where it came from
 */
RosetteKey *
_rosette_verify_resolve_key (VerifyRun   *run,
                             const char  *key_id,
                             JsonObject  *inline_jwk,
                             char       **not_checked,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RosetteKey *key;
  gboolean remote;

  run->key_source = KEY_SOURCE_NONE;
  if (run->trusted_key != NULL)
    {
      run->key_source = KEY_SOURCE_TRUSTED;
      return g_object_ref (run->trusted_key);
    }
  if (key_id != NULL && g_str_has_prefix (key_id, "did:key:"))
    return resolve_did_key (run, key_id, error);

  remote = key_id != NULL && (g_str_has_prefix (key_id, "did:web:") ||
                              g_str_has_prefix (key_id, "https://") ||
                              g_str_has_prefix (key_id, "http://"));
  if (remote && run->offline)
    {
      *not_checked = g_strdup_printf (_("The issuer’s key %s is on the web and Rosette is "
                                        "offline. Verify again online, or trust the issuer’s "
                                        "public key."), key_id);
      _rosette_verify_report_set_needs_key (run->report);
      return NULL;
    }
  if (remote)
    {
      key = g_str_has_prefix (key_id, "did:web:") ? resolve_did_web (run, key_id, &local_error)
                                                  : resolve_https (run, key_id, &local_error);
      if (key != NULL)
        return key;
      /* A key that cannot be fetched is not proof of forgery. */
      if (g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_IO) ||
          g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_ACCESS_DENIED) ||
          g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE) ||
          g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE))
        {
          *not_checked = g_strdup_printf (_("The issuer’s key could not be fetched: %s"),
                                          local_error->message);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (inline_jwk != NULL)
    {
      if (json_object_has_member (inline_jwk, "d"))
        {
          g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                               _("The signature’s header carries a private key"));
          return NULL;
        }
      key = rosette_key_new_from_jwk (inline_jwk, error);
      if (key != NULL)
        run->key_source = KEY_SOURCE_INLINE;
      return key;
    }

  if (key_id != NULL)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                 _("The signing key “%s” is not a did:key, did:web or https address"), key_id);
  else
    {
      *not_checked = g_strdup (_("The signature does not say which key made it. Trust the "
                                 "issuer’s public key to check it."));
      _rosette_verify_report_set_needs_key (run->report);
    }
  return NULL;
}
