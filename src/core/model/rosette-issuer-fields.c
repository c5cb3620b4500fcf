/* rosette-issuer-fields.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The issuer's profile fields by name (for `rosette-cli issuer set` and
 * the app's entries): what each may hold (text, http(s) URLs, an email
 * address, an image, a did:web identifier), checking, setting and getting
 * one, and validating the whole profile before it is saved.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-issuer.h"
#include "rosette-issuer-private.h"

static const char * const fields[] = {
  "name", "url", "email", "description", "image", "identifier", NULL
};

static gboolean
text_ok (const char *text,
         guint       max_chars,
         gboolean    multiline)
{
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_chars)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\t'))
        continue;
      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
http_url_ok (const char *url,
             gboolean    https_only)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (strlen (url) > ROSETTE_ISSUER_MAX_URL_LENGTH || !text_ok (url, G_MAXUINT, FALSE))
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (https_only)
    return g_strcmp0 (scheme, "https") == 0;

  return g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0;
}

static gboolean
email_ok (const char *email)
{
  const char *at = strchr (email, '@');

  if (strlen (email) > ROSETTE_ISSUER_MAX_EMAIL_LENGTH || at == NULL || at == email)
    return FALSE;
  if (strchr (at + 1, '@') != NULL || strchr (at + 1, '.') == NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == '<' || *p == '>' || *p == ',' || *p == ';')
        return FALSE;
    }

  return TRUE;
}

static gboolean
image_ok (const char *image)
{
  static const char * const prefixes[] = {
    "data:image/png;base64,", "data:image/jpeg;base64,", "data:image/svg+xml;base64,", NULL
  };

  if (strlen (image) > ROSETTE_ISSUER_MAX_IMAGE_LENGTH)
    return FALSE;

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      if (g_str_has_prefix (image, prefixes[i]))
        {
          for (const char *p = image + strlen (prefixes[i]); *p != '\0'; p++)
            {
              if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
                return FALSE;
            }
          return TRUE;
        }
    }

  return http_url_ok (image, FALSE);
}

/* did:web:<host>[%3A<port>][:<path>]… with a DNS host name. */
static gboolean
did_web_ok (const char *identifier)
{
  g_auto(GStrv) parts = NULL;
  const char *host;
  const char *port;
  gsize host_length;

  if (!g_str_has_prefix (identifier, "did:web:") || strlen (identifier) > 512)
    return FALSE;

  parts = g_strsplit (identifier + strlen ("did:web:"), ":", -1);
  if (parts[0] == NULL)
    return FALSE;
  host = parts[0];
  port = strstr (host, "%3A");
  host_length = port != NULL ? (gsize) (port - host) : strlen (host);

  if (host_length == 0 || host[0] == '.' || host[0] == '-' || host[host_length - 1] == '.' ||
      memchr (host, '.', host_length) == NULL)
    return FALSE;

  for (gsize i = 0; i < host_length; i++)
    {
      if (!g_ascii_isalnum (host[i]) && host[i] != '.' && host[i] != '-')
        return FALSE;
    }

  if (port != NULL)
    {
      const char *digits = port + 3;

      if (*digits == '\0' || strlen (digits) > 5)
        return FALSE;
      for (const char *p = digits; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
        }
    }

  for (guint i = 1; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && strchr ("-._~", *p) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * rosette_issuer_list_fields:
 *
 * Returns: (transfer none): the profile field names that
 *   rosette_issuer_set_field() and `rosette-cli issuer set` take
 */
const char * const *
rosette_issuer_list_fields (void)
{
  return fields;
}

/**
 * rosette_issuer_check_field:
 * @field: one of rosette_issuer_list_fields()
 * @value: (nullable): the proposed value; %NULL or "" clears an optional field
 * @error: return location for a #GError
 *
 * Checks one profile field the way saving will, so a form can show the
 * message next to the entry.
 *
 * Returns: %TRUE if @value is acceptable, else %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_issuer_check_field (const char  *field,
                            const char  *value,
                            GError     **error)
{
  gboolean empty = value == NULL || value[0] == '\0';

  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "name"))
    {
      if (empty || !text_ok (value, ROSETTE_ISSUER_MAX_NAME_LENGTH, FALSE))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The issuer name must be 1 to %d characters on one line"),
                       ROSETTE_ISSUER_MAX_NAME_LENGTH);
          return FALSE;
        }
    }
  else if (g_str_equal (field, "url"))
    {
      if (!empty && !http_url_ok (value, FALSE))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The web site must be an http or https address, such as https://example.org"));
          return FALSE;
        }
    }
  else if (g_str_equal (field, "email"))
    {
      if (!empty && !email_ok (value))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The email address is not valid"));
          return FALSE;
        }
    }
  else if (g_str_equal (field, "description"))
    {
      if (!empty && !text_ok (value, ROSETTE_ISSUER_MAX_DESCRIPTION_LENGTH, TRUE))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The description must be at most %d characters"),
                       ROSETTE_ISSUER_MAX_DESCRIPTION_LENGTH);
          return FALSE;
        }
    }
  else if (g_str_equal (field, "image"))
    {
      if (!empty && !image_ok (value))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The image must be an http(s) address or a PNG, JPEG or SVG data: URI of at most %d KiB"),
                       ROSETTE_ISSUER_MAX_IMAGE_LENGTH / 1024);
          return FALSE;
        }
    }
  else if (g_str_equal (field, "identifier"))
    {
      if (!empty && !g_str_equal (value, "did:key") && !did_web_ok (value) &&
          !(g_str_has_prefix (value, "https://") && http_url_ok (value, TRUE)))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The identifier must be “did:key”, “did:web:” followed by a domain name (such as did:web:example.org), or an https address"));
          return FALSE;
        }
    }
  else
    {
      g_autofree char *names = g_strjoinv (", ", (char **) fields);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Unknown issuer field “%s”; the fields are: %s"), field, names);
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_issuer_set_field:
 * @self: a #RosetteIssuer
 * @field: one of rosette_issuer_list_fields()
 * @value: (nullable): the new value
 * @error: return location for a #GError
 *
 * Checks and sets one field by name (for `rosette-cli issuer set`).
 *
 * Returns: %TRUE on success; the issuer is unchanged on failure
 */
gboolean
rosette_issuer_set_field (RosetteIssuer  *self,
                          const char     *field,
                          const char     *value,
                          GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), FALSE);

  if (!rosette_issuer_check_field (field, value, error))
    return FALSE;

  g_object_set (self, field, value, NULL);
  return TRUE;
}

/**
 * rosette_issuer_get_field:
 *
 * Returns: (nullable): the value of a field named as in
 *   rosette_issuer_list_fields(), or %NULL if unset or unknown
 */
const char *
rosette_issuer_get_field (RosetteIssuer *self,
                          const char    *field)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return self->name;
  if (g_strcmp0 (field, "url") == 0)
    return self->url;
  if (g_strcmp0 (field, "email") == 0)
    return self->email;
  if (g_strcmp0 (field, "description") == 0)
    return self->description;
  if (g_strcmp0 (field, "image") == 0)
    return self->image;
  if (g_strcmp0 (field, "identifier") == 0)
    return self->identifier;

  return NULL;
}

/**
 * rosette_issuer_validate:
 *
 * Returns: %TRUE if every field is acceptable; otherwise the first
 *   problem as %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_issuer_validate (RosetteIssuer  *self,
                         GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), FALSE);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!rosette_issuer_check_field (fields[i], rosette_issuer_get_field (self, fields[i]),
                                       error))
        return FALSE;
    }

  return TRUE;
}
