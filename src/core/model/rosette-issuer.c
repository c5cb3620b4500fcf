/* rosette-issuer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The issuer profile. Each issuer is one UTF-8 JSON file,
 * $XDG_DATA_HOME/rosette/issuers/<id>.json (see rosette-issuer-store.c),
 * written pretty-printed. Version 1:
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

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-issuer.h"
#include "rosette-utils.h"

#define FORMAT_NAME "rosette-issuer"
#define MAX_DEPTH 8

struct _RosetteIssuer
{
  GObject     parent_instance;

  char       *id;
  GDateTime  *created;
  char       *name;
  char       *url;
  char       *email;
  char       *description;
  char       *image;
  char       *identifier;
  GListStore *keys;
};

G_DEFINE_FINAL_TYPE (RosetteIssuer, rosette_issuer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_EMAIL,
  PROP_DESCRIPTION,
  PROP_IMAGE,
  PROP_IDENTIFIER,
  PROP_IDENTIFIER_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const fields[] = {
  "name", "url", "email", "description", "image", "identifier", NULL
};

static void
rosette_issuer_dispose (GObject *object)
{
  RosetteIssuer *self = (RosetteIssuer *)object;

  g_clear_object (&self->keys);

  G_OBJECT_CLASS (rosette_issuer_parent_class)->dispose (object);
}

static void
rosette_issuer_finalize (GObject *object)
{
  RosetteIssuer *self = (RosetteIssuer *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->image, g_free);
  g_clear_pointer (&self->identifier, g_free);

  G_OBJECT_CLASS (rosette_issuer_parent_class)->finalize (object);
}

static void
rosette_issuer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RosetteIssuer *self = ROSETTE_ISSUER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_IMAGE:
      g_value_set_string (value, self->image);
      break;
    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;
    case PROP_IDENTIFIER_MODE:
      g_value_set_enum (value, rosette_issuer_get_identifier_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issuer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RosetteIssuer *self = ROSETTE_ISSUER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      rosette_issuer_set_name (self, g_value_get_string (value));
      break;
    case PROP_URL:
      rosette_issuer_set_url (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      rosette_issuer_set_email (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      rosette_issuer_set_description (self, g_value_get_string (value));
      break;
    case PROP_IMAGE:
      rosette_issuer_set_image (self, g_value_get_string (value));
      break;
    case PROP_IDENTIFIER:
      rosette_issuer_set_identifier (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issuer_class_init (RosetteIssuerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rosette_issuer_dispose;
  object_class->finalize = rosette_issuer_finalize;
  object_class->get_property = rosette_issuer_get_property;
  object_class->set_property = rosette_issuer_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_IMAGE] = g_param_spec_string ("image", NULL, NULL, NULL, rw);
  /**
   * RosetteIssuer:identifier:
   *
   * "did:key", "did:web:<domain>" or an https URL; see
   * rosette_issuer_identifier_explanation().
   */
  properties[PROP_IDENTIFIER] = g_param_spec_string ("identifier", NULL, NULL, "did:key", rw);
  properties[PROP_IDENTIFIER_MODE] =
    g_param_spec_enum ("identifier-mode", NULL, NULL,
                       ROSETTE_TYPE_IDENTIFIER_MODE, ROSETTE_IDENTIFIER_MODE_DID_KEY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_issuer_init (RosetteIssuer *self)
{
  self->keys = g_list_store_new (ROSETTE_TYPE_KEY_RECORD);
  self->identifier = g_strdup ("did:key");
  self->name = g_strdup ("");
}

/**
 * rosette_issuer_new:
 * @name: the organisation's name
 *
 * Returns: (transfer full): a new issuer with a fresh local id, the
 *   did:key identifier and no keys
 */
RosetteIssuer *
rosette_issuer_new (const char *name)
{
  RosetteIssuer *self = g_object_new (ROSETTE_TYPE_ISSUER, NULL);

  self->id = g_uuid_string_random ();
  self->created = g_date_time_new_now_utc ();
  rosette_issuer_set_name (self, name != NULL ? name : "");

  return self;
}

/* Setters: store what they are given (the GUI binds entries to these and
 * shows rosette_issuer_check_field() errors as the user types); saving
 * runs rosette_issuer_validate(). Empty optional text is stored as NULL. */
static gboolean
replace_text (char       **slot,
              const char  *value,
              gboolean     optional)
{
  if (optional && value != NULL && value[0] == '\0')
    value = NULL;
  if (!optional && value == NULL)
    value = "";

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

#define DEFINE_TEXT_PROPERTY(field, PROP, optional) \
  const char * \
  rosette_issuer_get_##field (RosetteIssuer *self) \
  { \
    g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL); \
    return self->field; \
  } \
  void \
  rosette_issuer_set_##field (RosetteIssuer *self, \
                              const char    *value) \
  { \
    g_return_if_fail (ROSETTE_IS_ISSUER (self)); \
    if (replace_text (&self->field, value, optional)) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_TEXT_PROPERTY (name, PROP_NAME, FALSE)
DEFINE_TEXT_PROPERTY (url, PROP_URL, TRUE)
DEFINE_TEXT_PROPERTY (email, PROP_EMAIL, TRUE)
DEFINE_TEXT_PROPERTY (description, PROP_DESCRIPTION, TRUE)
DEFINE_TEXT_PROPERTY (image, PROP_IMAGE, TRUE)

const char *
rosette_issuer_get_id (RosetteIssuer *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  return self->id;
}

/**
 * rosette_issuer_get_created:
 *
 * Returns: (transfer none): when the issuer was created
 */
GDateTime *
rosette_issuer_get_created (RosetteIssuer *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  return self->created;
}

const char *
rosette_issuer_get_identifier (RosetteIssuer *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  return self->identifier;
}

void
rosette_issuer_set_identifier (RosetteIssuer *self,
                               const char    *identifier)
{
  g_return_if_fail (ROSETTE_IS_ISSUER (self));

  if (identifier == NULL || identifier[0] == '\0')
    identifier = "did:key";

  if (replace_text (&self->identifier, identifier, FALSE))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIER]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIER_MODE]);
    }
}

RosetteIdentifierMode
rosette_issuer_get_identifier_mode (RosetteIssuer *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), 0);

  if (g_str_has_prefix (self->identifier, "did:web:"))
    return ROSETTE_IDENTIFIER_MODE_DID_WEB;
  if (g_str_has_prefix (self->identifier, "https://"))
    return ROSETTE_IDENTIFIER_MODE_URL;

  return ROSETTE_IDENTIFIER_MODE_DID_KEY;
}

/**
 * rosette_issuer_dup_web_domain:
 *
 * The host (and path) a did:web identifier resolves to: "did:web:a.example"
 * gives "a.example", "did:web:a.example%3A8443:org" gives
 * "a.example:8443/org". The did.json then lives at
 * https://<that>/.well-known/did.json (no path) or https://<that>/did.json.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL when the
 *   identifier is not did:web
 */
char *
rosette_issuer_dup_web_domain (RosetteIssuer *self)
{
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  if (rosette_issuer_get_identifier_mode (self) != ROSETTE_IDENTIFIER_MODE_DID_WEB)
    return NULL;

  rest = g_strdup (self->identifier + strlen ("did:web:"));
  parts = g_strsplit (rest, ":", -1);
  host = g_uri_unescape_string (parts[0], NULL);
  if (parts[1] == NULL)
    return g_steal_pointer (&host);

  path = g_strjoinv ("/", parts + 1);
  return g_strconcat (host, "/", path, NULL);
}

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

/**
 * rosette_issuer_get_keys:
 *
 * Returns: (transfer none): a #GListModel of #RosetteKeyRecord, oldest first
 */
GListModel *
rosette_issuer_get_keys (RosetteIssuer *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  return G_LIST_MODEL (self->keys);
}

guint
rosette_issuer_get_n_keys (RosetteIssuer *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->keys));
}

/**
 * rosette_issuer_find_key:
 *
 * Returns: (transfer none) (nullable): the record with @key_id
 */
RosetteKeyRecord *
rosette_issuer_find_key (RosetteIssuer *self,
                         const char    *key_id)
{
  guint n;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->keys));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (G_LIST_MODEL (self->keys), i);

      if (g_strcmp0 (rosette_key_record_get_id (record), key_id) == 0)
        return record;
    }

  return NULL;
}

/**
 * rosette_issuer_find_signing_key:
 *
 * Returns: (transfer none) (nullable): the newest active key of
 *   @algorithm, the one that signs; retired and revoked keys never do
 */
RosetteKeyRecord *
rosette_issuer_find_signing_key (RosetteIssuer       *self,
                                 RosetteKeyAlgorithm  algorithm)
{
  RosetteKeyRecord *best = NULL;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->keys));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (G_LIST_MODEL (self->keys), i);

      if (rosette_key_record_get_algorithm (record) != algorithm ||
          !rosette_key_record_can_sign (record))
        continue;

      /* Later in the list wins a tie: keys are appended as made. */
      if (best == NULL || g_date_time_compare (rosette_key_record_get_created (record),
                                               rosette_key_record_get_created (best)) >= 0)
        best = record;
    }

  return best;
}

/**
 * rosette_issuer_add_key:
 *
 * Appends @record; fails with %ROSETTE_ERROR_INVALID if a key with its id
 * is already there or the issuer has %ROSETTE_ISSUER_MAX_KEYS keys.
 */
gboolean
rosette_issuer_add_key (RosetteIssuer     *self,
                        RosetteKeyRecord  *record,
                        GError           **error)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (self), FALSE);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), FALSE);

  if (rosette_issuer_find_key (self, rosette_key_record_get_id (record)) != NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The issuer already has key %s"), rosette_key_record_get_id (record));
      return FALSE;
    }

  if (rosette_issuer_get_n_keys (self) >= ROSETTE_ISSUER_MAX_KEYS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("An issuer can have at most %d keys"), ROSETTE_ISSUER_MAX_KEYS);
      return FALSE;
    }

  g_list_store_append (self->keys, record);
  return TRUE;
}

void
rosette_issuer_remove_key (RosetteIssuer *self,
                           const char    *key_id)
{
  guint n;

  g_return_if_fail (ROSETTE_IS_ISSUER (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->keys));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (G_LIST_MODEL (self->keys), i);

      if (g_strcmp0 (rosette_key_record_get_id (record), key_id) == 0)
        {
          g_list_store_remove (self->keys, i);
          return;
        }
    }
}

/**
 * rosette_issuer_identifier_explanation:
 *
 * The words the app and the command line both show next to the identifier
 * choice.
 *
 * Returns: a translated explanation of did:key versus did:web
 */
const char *
rosette_issuer_identifier_explanation (void)
{
  return _("With did:key, your identifier is one of your keys: every badge names the key "
           "that signed it, and anyone can check the signature without contacting you. "
           "But creating a new key, or retiring or revoking the old one, changes your "
           "identifier, so badges signed before and after look like they come from two "
           "different issuers. If you have a web site and want one identity that stays "
           "the same across keys and years, use did:web with your domain and publish the "
           "did.json file that Rosette makes.");
}

/* ---- reading and writing ---- */

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
 *   rosette-issuer.c)
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
