/* rosette-family-json.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Typed readers of one member of a JSON object in the family document:
 * text, enum nicks, booleans, numbers in a range, "#rrggbb" colours and
 * nested objects. Each checks the member's type and range and sets a
 * translated ROSETTE_ERROR_INVALID that names the key when it is wrong.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-family-document-private.h"
#include "rosette-model-private.h"

gboolean
_rosette_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
_rosette_json_node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Reads an optional string member; *value stays NULL when it is absent. */
gboolean
_rosette_json_read_string (JsonObject  *object,
                           const char  *key,
                           const char **value,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *value = NULL;

  if (node == NULL)
    return TRUE;

  if (!_rosette_json_node_is_string (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be text"), key);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

gboolean
_rosette_json_read_required_string (JsonObject  *object,
                                    const char  *key,
                                    const char **value,
                                    GError     **error)
{
  if (!_rosette_json_read_string (object, key, value, error))
    return FALSE;

  if (*value == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is missing"), key);
      return FALSE;
    }

  return TRUE;
}

/* Reads an optional enum member by nick; *found tells whether it was there. */
gboolean
_rosette_json_read_enum (JsonObject  *object,
                         const char  *key,
                         GType        type,
                         int         *value,
                         gboolean    *found,
                         GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  const char *nick;
  GEnumValue *enum_value;

  *found = FALSE;

  if (!_rosette_json_read_string (object, key, &nick, error))
    return FALSE;

  if (nick == NULL)
    return TRUE;

  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    {
      g_autofree char *nicks = _rosette_enum_nicks (type);
      g_autofree char *excerpt = _rosette_quote_excerpt (nick);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be one of %s; found “%s”"),
                   key, nicks, excerpt);
      return FALSE;
    }

  *value = enum_value->value;
  *found = TRUE;

  return TRUE;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Reads an optional true/false member; *found tells whether it was there. */
gboolean
_rosette_json_read_boolean (JsonObject  *object,
                            const char  *key,
                            gboolean    *value,
                            gboolean    *found,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *found = FALSE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be true or false"), key);
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  *found = TRUE;

  return TRUE;
}

/* Reads an optional number from @min to @max (0 is also allowed when
 * @zero_ok, for "automatic"). */
gboolean
_rosette_json_read_number (JsonObject  *object,
                           const char  *key,
                           double       min,
                           double       max,
                           gboolean     zero_ok,
                           double      *value,
                           gboolean    *found,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  double number;

  *found = FALSE;

  if (node == NULL)
    return TRUE;

  if (!node_is_number (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be a number"), key);
      return FALSE;
    }

  number = json_node_get_double (node);
  if (!(number >= min && number <= max) && !(zero_ok && number == 0.0))
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE];
      char high[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (low, sizeof low, min);
      g_ascii_dtostr (high, sizeof high, max);
      if (zero_ok)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                     _("“%s” must be 0 (automatic) or from %s to %s"), key, low, high);
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                     _("“%s” must be from %s to %s"), key, low, high);
      return FALSE;
    }

  /* + 0.0: a file's -0 is read as 0. */
  *value = number + 0.0;
  *found = TRUE;

  return TRUE;
}

/* Reads an optional "#rrggbb" member, or "" when @allow_empty. */
gboolean
_rosette_json_read_color (JsonObject  *object,
                          const char  *key,
                          gboolean     allow_empty,
                          const char **value,
                          GError     **error)
{
  if (!_rosette_json_read_string (object, key, value, error))
    return FALSE;

  if (*value == NULL || _rosette_color_is_valid (*value) ||
      (allow_empty && **value == '\0'))
    return TRUE;

  {
    g_autofree char *excerpt = _rosette_quote_excerpt (*value);

    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                 allow_empty ?
                   _("“%s” must be a colour written as #rrggbb, or empty; found “%s”") :
                   _("“%s” must be a colour written as #rrggbb; found “%s”"),
                 key, excerpt);
  }

  return FALSE;
}

/* An optional object member; *out is NULL when it is absent. */
gboolean
_rosette_json_read_section (JsonObject  *object,
                            const char  *key,
                            JsonObject **out,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be an object"), key);
      return FALSE;
    }

  *out = json_node_get_object (node);

  return TRUE;
}
