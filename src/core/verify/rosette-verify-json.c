/* rosette-verify-json.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON from outside: the depth is bounded before json-glib sees it (its
 * recursive parser overflows the stack around 100,000 levels), and the
 * small accessors below never warn on a member of the wrong type, which
 * a hostile credential is free to use.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include "rosette-utils.h"
#include "rosette-verify-private.h"

/**
 * _rosette_verify_parse_json:
 *
 * Returns: (transfer full): the root, or %NULL with %ROSETTE_ERROR_TOO_LARGE
 *   (too deep) or %ROSETTE_ERROR_PARSE
 */
JsonNode *
_rosette_verify_parse_json (const char  *text,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!rosette_json_depth_ok (text, length, ROSETTE_VERIFY_MAX_JSON_DEPTH))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The credential’s JSON is nested more than %d levels deep"),
                   ROSETTE_VERIFY_MAX_JSON_DEPTH);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                           _("The credential is not UTF-8 text"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The credential is not well-formed JSON: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                           _("The credential is empty"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

const char *
_rosette_verify_string_member (JsonObject *object,
                               const char *name)
{
  JsonNode *member;

  if (object == NULL)
    return NULL;
  member = json_object_get_member (object, name);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

JsonObject *
_rosette_verify_object_member (JsonObject *object,
                               const char *name)
{
  JsonNode *member;

  if (object == NULL)
    return NULL;
  member = json_object_get_member (object, name);
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return NULL;
  return json_node_get_object (member);
}

/* "type": "X" or "type": [..., "X", ...] */
gboolean
_rosette_verify_has_type (JsonNode   *type,
                          const char *wanted)
{
  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type))
    return json_node_get_value_type (type) == G_TYPE_STRING &&
           g_strcmp0 (json_node_get_string (type), wanted) == 0;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (_rosette_verify_has_type (json_array_get_element (array, i), wanted) &&
            JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
          return TRUE;
    }
  return FALSE;
}

/* "x" or {"id": "x", ...} → "x" */
const char *
_rosette_verify_node_id (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _rosette_verify_string_member (json_node_get_object (node), "id");
  return NULL;
}
