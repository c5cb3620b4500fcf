/* rosette-jws.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Compact JWS (RFC 7515) around RosetteKey: the header is always built
 * here from the key, so "alg" comes from the key and never from input;
 * verification refuses a header whose "alg" is not the key's (no "none",
 * no RS/HS confusion). The payload is the exact bytes of the JSON text,
 * so what is verified is what was signed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-jws.h"
#include "rosette-utils.h"

/* Headers are a few hundred bytes (an RSA JWK is the largest part). */
#define MAX_HEADER_LENGTH (16 * 1024)
#define MAX_JSON_DEPTH 8

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/**
 * rosette_jws_sign_json:
 * @key: a private key
 * @kid: (nullable): the key URI for the "kid" header
 * @embed_jwk: whether to put the public JWK in the "jwk" header
 * @payload: the JSON to sign
 * @error: return location for a #GError
 *
 * Signs @payload (serialised compactly) with a header
 * {"alg": <the key's>, "typ": "JWT", "kid"?, "jwk"?}.
 *
 * Returns: (transfer full): the compact JWS, or %NULL with
 *   %ROSETTE_ERROR_CRYPTO
 */
char *
rosette_jws_sign_json (RosetteKey  *key,
                       const char  *kid,
                       gboolean     embed_jwk,
                       JsonNode    *payload,
                       GError     **error)
{
  g_autoptr(JsonObject) header = json_object_new ();
  g_autoptr(JsonNode) header_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *header_text = NULL;
  g_autofree char *payload_text = NULL;
  const char *alg;

  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  if (!rosette_key_has_private (key))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("This key has no private part and cannot sign"));
      return NULL;
    }

  alg = rosette_key_algorithm_get_jws_name (rosette_key_get_algorithm (key));
  json_object_set_string_member (header, "alg", alg);
  json_object_set_string_member (header, "typ", "JWT");
  if (kid != NULL)
    json_object_set_string_member (header, "kid", kid);
  if (embed_jwk)
    json_object_set_object_member (header, "jwk", rosette_key_dup_jwk (key, kid));

  json_node_set_object (header_node, header);
  header_text = node_to_string (header_node);
  payload_text = node_to_string (payload);

  return rosette_key_sign_jws (key, header_text, (const guint8 *) payload_text,
                               strlen (payload_text), error);
}

/**
 * rosette_jws_decode:
 * @jws: a compact JWS
 * @header: (out) (optional) (transfer full): the parsed header
 * @payload: (out) (optional) (transfer full): the decoded payload bytes
 * @error: return location for a #GError
 *
 * Splits and decodes @jws without checking the signature.
 *
 * Returns: %TRUE if @jws is three base64url parts with a JSON object
 *   header, else %ROSETTE_ERROR_PARSE (or %ROSETTE_ERROR_TOO_LARGE)
 */
gboolean
rosette_jws_decode (const char  *jws,
                    JsonObject **header,
                    GBytes     **payload,
                    GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GBytes) header_bytes = NULL;
  g_autoptr(GBytes) payload_bytes = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *header_text;
  gsize header_length;

  g_return_val_if_fail (jws != NULL, FALSE);

  if (strlen (jws) > ROSETTE_JWS_MAX_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The signed credential is larger than %d MB"), ROSETTE_JWS_MAX_LENGTH >> 20);
      return FALSE;
    }

  parts = g_strsplit (jws, ".", 4);
  if (g_strv_length (parts) != 3 || strlen (parts[0]) > MAX_HEADER_LENGTH
      || (header_bytes = rosette_base64url_decode (parts[0], -1, NULL)) == NULL
      || (payload_bytes = rosette_base64url_decode (parts[1], -1, NULL)) == NULL
      || (signature = rosette_base64url_decode (parts[2], -1, NULL)) == NULL
      || g_bytes_get_size (signature) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("This is not a compact JWS (three base64url parts separated by dots)"));
      return FALSE;
    }

  header_text = g_bytes_get_data (header_bytes, &header_length);
  if (!rosette_json_depth_ok (header_text, header_length, MAX_JSON_DEPTH)
      || !json_parser_load_from_data (parser, header_text, header_length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The JWS header is not a JSON object"));
      return FALSE;
    }

  if (header != NULL)
    *header = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  if (payload != NULL)
    *payload = g_steal_pointer (&payload_bytes);

  return TRUE;
}

/**
 * rosette_jws_verify:
 * @jws: a compact JWS
 * @key: the public key expected to have signed it
 * @payload: (out) (optional) (transfer full): the payload bytes
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the header's "alg" is @key's and the signature is
 *   valid; else %ROSETTE_ERROR_PARSE or %ROSETTE_ERROR_CRYPTO
 */
gboolean
rosette_jws_verify (const char  *jws,
                    RosetteKey  *key,
                    GBytes     **payload,
                    GError     **error)
{
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) payload_bytes = NULL;
  g_autoptr(GBytes) signature = NULL;
  const char *expected;
  const char *alg;
  const char *last_dot;

  g_return_val_if_fail (jws != NULL, FALSE);
  g_return_val_if_fail (ROSETTE_IS_KEY (key), FALSE);

  if (!rosette_jws_decode (jws, &header, &payload_bytes, error))
    return FALSE;

  expected = rosette_key_algorithm_get_jws_name (rosette_key_get_algorithm (key));
  alg = json_object_get_string_member_with_default (header, "alg", NULL);
  if (g_strcmp0 (alg, expected) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO,
                   _("The signature algorithm “%s” is not the key’s (%s)"),
                   alg != NULL ? alg : "", expected);
      return FALSE;
    }

  last_dot = strrchr (jws, '.');
  signature = rosette_base64url_decode (last_dot + 1, -1, NULL);
  if (signature == NULL
      || !rosette_key_verify (key, (const guint8 *) jws, last_dot - jws, signature, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_CRYPTO, _("The signature is not valid"));
      return FALSE;
    }

  if (payload != NULL)
    *payload = g_steal_pointer (&payload_bytes);

  return TRUE;
}
