/* rosette-verify-status.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Reading the lists an issuer publishes to revoke badges: a W3C
 * BitstringStatusListCredential (a gzip-compressed bitstring, multibase
 * base64url, bit 0 the most significant bit of byte 0), a
 * 1EdTechRevocationList ("revokedCredential") and an OB 2.0
 * RevocationList ("revokedAssertions"). Everything here is fetched from
 * the network, so it is bounded like any other input.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-jws.h"
#include "rosette-verify-private.h"

/* 16 KiB compressed lists of 131,072 bits are the norm; allow far more. */
#define MAX_BITSTRING_BYTES (4 * 1024 * 1024)

static JsonNode *
parse_list (GBytes  *list,
            char   **reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  gsize length;
  const char *text = g_bytes_get_data (list, &length);
  gsize start = 0;

  while (start < length && g_ascii_isspace (text[start]))
    start++;
  if (start < length && text[start] != '{')
    {
      /* A status list published as a VC-JWT: read its payload. */
      g_autofree char *jws = g_strstrip (g_strndup (text + start, length - start));

      if (!rosette_jws_decode (jws, NULL, &payload, &error))
        {
          *reason = g_strdup (error->message);
          return NULL;
        }
      text = g_bytes_get_data (payload, &length);
      start = 0;
    }

  {
    JsonNode *root = _rosette_verify_parse_json (text + start, length - start, &error);

    if (root == NULL)
      *reason = g_strdup (error->message);
    else if (!JSON_NODE_HOLDS_OBJECT (root))
      {
        *reason = g_strdup (_("The list is not a JSON object"));
        g_clear_pointer (&root, json_node_unref);
      }
    return root;
  }
}

static GBytes *
gunzip_bounded (GBytes  *packed,
                char   **reason)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize in_length;
  const guint8 *in = g_bytes_get_data (packed, &in_length);
  guint8 buffer[16384];

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize read = 0, written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), in, in_length, buffer,
                                    sizeof buffer, G_CONVERTER_INPUT_AT_END, &read, &written,
                                    &error);
      if (result == G_CONVERTER_ERROR)
        {
          *reason = g_strdup (_("The status list is not valid GZIP data"));
          return NULL;
        }
      in += read;
      in_length -= read;
      g_byte_array_append (out, buffer, written);
      if (out->len > MAX_BITSTRING_BYTES)
        {
          *reason = g_strdup (_("The status list is too large"));
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        {
          *reason = g_strdup (_("The status list is truncated"));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * _rosette_verify_bitstring_status:
 * @list_json: a BitstringStatusListCredential (JSON or VC-JWT)
 * @index: the credential's statusListIndex
 * @reason: (out): why the answer is unknown
 */
RosetteStatusAnswer
_rosette_verify_bitstring_status (GBytes   *list_json,
                                  guint64   index,
                                  char    **reason)
{
  g_autoptr(JsonNode) root = parse_list (list_json, reason);
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GBytes) bits = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *subject;
  const char *encoded;
  const guint8 *data;
  gsize length;

  if (root == NULL)
    return ROSETTE_STATUS_UNKNOWN;
  subject = _rosette_verify_object_member (json_node_get_object (root), "credentialSubject");
  encoded = _rosette_verify_string_member (subject, "encodedList");
  if (encoded == NULL || encoded[0] != 'u')
    {
      *reason = g_strdup (_("The status list has no multibase “encodedList”"));
      return ROSETTE_STATUS_UNKNOWN;
    }
  packed = rosette_base64url_decode (encoded + 1, -1, &error);
  if (packed == NULL)
    {
      *reason = g_strdup (error->message);
      return ROSETTE_STATUS_UNKNOWN;
    }
  bits = gunzip_bounded (packed, reason);
  if (bits == NULL)
    return ROSETTE_STATUS_UNKNOWN;
  data = g_bytes_get_data (bits, &length);
  if (index / 8 >= length)
    {
      *reason = g_strdup (_("The badge’s position is past the end of the status list"));
      return ROSETTE_STATUS_UNKNOWN;
    }
  return (data[index / 8] & (0x80 >> (index % 8))) != 0 ? ROSETTE_STATUS_REVOKED
                                                        : ROSETTE_STATUS_NOT_REVOKED;
}

/**
 * _rosette_verify_revocation_list:
 * @list_json: a 1EdTechRevocationList or an OB 2.0 RevocationList
 * @credential_id: the credential's (assertion's) id
 * @member: "revokedCredential" or "revokedAssertions"
 * @reason: (out): the revocation reason, or why the answer is unknown
 */
RosetteStatusAnswer
_rosette_verify_revocation_list (GBytes      *list_json,
                                 const char  *credential_id,
                                 const char  *member,
                                 char       **reason)
{
  g_autoptr(JsonNode) root = parse_list (list_json, reason);
  JsonNode *entries;
  JsonArray *array;

  if (root == NULL)
    return ROSETTE_STATUS_UNKNOWN;
  entries = json_object_get_member (json_node_get_object (root), member);
  if (entries == NULL || !JSON_NODE_HOLDS_ARRAY (entries))
    {
      *reason = g_strdup_printf (_("The revocation list has no “%s” list"), member);
      return ROSETTE_STATUS_UNKNOWN;
    }

  array = json_node_get_array (entries);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *entry = json_array_get_element (array, i);
      JsonNode *revoked;

      if (g_strcmp0 (_rosette_verify_node_id (entry), credential_id) != 0 &&
          !(JSON_NODE_HOLDS_OBJECT (entry) &&
            g_strcmp0 (_rosette_verify_string_member (json_node_get_object (entry), "uid"),
                       credential_id) == 0))
        continue;
      if (JSON_NODE_HOLDS_OBJECT (entry))
        {
          revoked = json_object_get_member (json_node_get_object (entry), "revoked");
          if (revoked != NULL && JSON_NODE_HOLDS_VALUE (revoked) &&
              json_node_get_value_type (revoked) == G_TYPE_BOOLEAN &&
              !json_node_get_boolean (revoked))
            continue;
          *reason = g_strdup (_rosette_verify_string_member (json_node_get_object (entry),
                                                             "revocationReason"));
        }
      return ROSETTE_STATUS_REVOKED;
    }
  return ROSETTE_STATUS_NOT_REVOKED;
}
