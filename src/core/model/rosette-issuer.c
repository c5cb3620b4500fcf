/* rosette-issuer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The RosetteIssuer class: an organisation that issues badges, its
 * properties and its list of signing keys (public parts only). Checking
 * fields is in rosette-issuer-fields.c and the profile file in
 * rosette-issuer-document.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-issuer.h"
#include "rosette-issuer-private.h"

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
