/* rosette-key-record.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The public half of one issuer key: what the issuer profile stores on
 * disk and what the Keys page lists. The private half lives only in the
 * keyring (see crypto/rosette-keyring.c). A record is identified by its
 * key id, derived from the public key itself, so the same key always has
 * the same id on every machine it is restored to.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-key-record.h"

struct _RosetteKeyRecord
{
  GObject              parent_instance;

  char                *id;
  RosetteKeyAlgorithm  algorithm;
  GDateTime           *created;
  GBytes              *public_key;
  char                *fingerprint;
  RosetteKeyStatus     status;
  GDateTime           *status_changed;
};

G_DEFINE_FINAL_TYPE (RosetteKeyRecord, rosette_key_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ALGORITHM,
  PROP_CREATED,
  PROP_FINGERPRINT,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
fingerprint_for_public_key (GBytes *public_key)
{
  g_autofree char *hex = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, public_key);
  GString *out = g_string_new (NULL);

  for (guint i = 0; hex[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (hex[i]));
      g_string_append_c (out, g_ascii_toupper (hex[i + 1]));
    }

  return g_string_free (out, FALSE);
}

static void
rosette_key_record_finalize (GObject *object)
{
  RosetteKeyRecord *self = (RosetteKeyRecord *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->public_key, g_bytes_unref);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->status_changed, g_date_time_unref);

  G_OBJECT_CLASS (rosette_key_record_parent_class)->finalize (object);
}

static void
rosette_key_record_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RosetteKeyRecord *self = ROSETTE_KEY_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ALGORITHM:
      g_value_set_enum (value, self->algorithm);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_key_record_class_init (RosetteKeyRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_key_record_finalize;
  object_class->get_property = rosette_key_record_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALGORITHM] =
    g_param_spec_enum ("algorithm", NULL, NULL,
                       ROSETTE_TYPE_KEY_ALGORITHM, ROSETTE_KEY_ALGORITHM_ED25519,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINGERPRINT] =
    g_param_spec_string ("fingerprint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * RosetteKeyRecord:status:
   *
   * Changed only through rosette_key_record_set_status(), which allows
   * active -> retired -> revoked and active -> revoked, never back.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       ROSETTE_TYPE_KEY_STATUS, ROSETTE_KEY_STATUS_ACTIVE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_key_record_init (RosetteKeyRecord *self)
{
  self->status = ROSETTE_KEY_STATUS_ACTIVE;
}

/**
 * rosette_key_record_new:
 * @algorithm: the key's algorithm
 * @public_key: the DER SubjectPublicKeyInfo of the key
 * @created: (nullable): when the key was made; %NULL for now
 *
 * Returns: (transfer full): a new, active record
 */
RosetteKeyRecord *
rosette_key_record_new (RosetteKeyAlgorithm  algorithm,
                        GBytes              *public_key,
                        GDateTime           *created)
{
  RosetteKeyRecord *self;

  g_return_val_if_fail (public_key != NULL, NULL);
  g_return_val_if_fail (algorithm <= ROSETTE_KEY_ALGORITHM_RSA2048, NULL);

  self = g_object_new (ROSETTE_TYPE_KEY_RECORD, NULL);
  self->algorithm = algorithm;
  self->public_key = g_bytes_ref (public_key);
  self->id = rosette_key_id_for_public_key (public_key);
  self->fingerprint = fingerprint_for_public_key (public_key);
  self->created = created != NULL ? g_date_time_ref (created) : g_date_time_new_now_utc ();

  return self;
}

const char *
rosette_key_record_get_id (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), NULL);

  return self->id;
}

RosetteKeyAlgorithm
rosette_key_record_get_algorithm (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), 0);

  return self->algorithm;
}

/**
 * rosette_key_record_get_created:
 *
 * Returns: (transfer none): when the key was generated
 */
GDateTime *
rosette_key_record_get_created (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), NULL);

  return self->created;
}

/**
 * rosette_key_record_get_public_key:
 *
 * Returns: (transfer none): the DER SubjectPublicKeyInfo
 */
GBytes *
rosette_key_record_get_public_key (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), NULL);

  return self->public_key;
}

/**
 * rosette_key_record_get_fingerprint:
 *
 * Returns: SHA-256 of the DER public key, as colon-separated upper-case
 *   hex pairs (what `openssl pkey -pubin -outform DER | sha256sum` shows)
 */
const char *
rosette_key_record_get_fingerprint (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), NULL);

  return self->fingerprint;
}

RosetteKeyStatus
rosette_key_record_get_status (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), 0);

  return self->status;
}

/**
 * rosette_key_record_get_status_changed:
 *
 * Returns: (transfer none) (nullable): when the key was retired or
 *   revoked, %NULL while it is active
 */
GDateTime *
rosette_key_record_get_status_changed (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), NULL);

  return self->status_changed;
}

/**
 * rosette_key_record_set_status:
 * @self: a #RosetteKeyRecord
 * @status: the new status
 * @when: (nullable): when it changed; %NULL for now
 * @error: return location for a #GError
 *
 * A key only moves forward: active -> retired -> revoked, or straight
 * from active to revoked. Anything else (un-revoking, re-activating a
 * retired key) fails with %ROSETTE_ERROR_INVALID, since verifiers may
 * already have stopped trusting the key.
 *
 * Returns: %TRUE if the status is now @status
 */
gboolean
rosette_key_record_set_status (RosetteKeyRecord  *self,
                               RosetteKeyStatus   status,
                               GDateTime         *when,
                               GError           **error)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), FALSE);

  if (status == self->status)
    return TRUE;

  if (status < self->status)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Key %s is %s and cannot become %s again"),
                   self->id, rosette_key_status_get_label (self->status),
                   rosette_key_status_get_label (status));
      return FALSE;
    }

  self->status = status;
  g_clear_pointer (&self->status_changed, g_date_time_unref);
  self->status_changed = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);

  return TRUE;
}

gboolean
rosette_key_record_can_sign (RosetteKeyRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (self), FALSE);

  return self->status == ROSETTE_KEY_STATUS_ACTIVE;
}

/**
 * rosette_key_id_for_public_key:
 * @public_key: a DER SubjectPublicKeyInfo
 *
 * Returns: (transfer full): the first %ROSETTE_KEY_ID_LENGTH hex digits
 *   of its SHA-256
 */
char *
rosette_key_id_for_public_key (GBytes *public_key)
{
  char *hex;

  g_return_val_if_fail (public_key != NULL, NULL);

  hex = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, public_key);
  hex[ROSETTE_KEY_ID_LENGTH] = '\0';

  return hex;
}

gboolean
rosette_key_id_is_valid (const char *key_id)
{
  if (key_id == NULL || strlen (key_id) != ROSETTE_KEY_ID_LENGTH)
    return FALSE;

  for (const char *p = key_id; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
        return FALSE;
    }

  return TRUE;
}

const char *
rosette_key_algorithm_to_string (RosetteKeyAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      return "ed25519";
    case ROSETTE_KEY_ALGORITHM_P256:
      return "p256";
    case ROSETTE_KEY_ALGORITHM_RSA2048:
      return "rsa2048";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rosette_key_algorithm_from_string:
 * @text: "ed25519", "p256" or "rsa2048"
 * @algorithm: (out): the algorithm
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @text names an algorithm; otherwise
 *   %ROSETTE_ERROR_INVALID with a message that lists the names
 */
gboolean
rosette_key_algorithm_from_string (const char           *text,
                                   RosetteKeyAlgorithm  *algorithm,
                                   GError              **error)
{
  g_return_val_if_fail (algorithm != NULL, FALSE);

  for (guint i = ROSETTE_KEY_ALGORITHM_ED25519; i <= ROSETTE_KEY_ALGORITHM_RSA2048; i++)
    {
      if (g_strcmp0 (text, rosette_key_algorithm_to_string (i)) == 0)
        {
          *algorithm = i;
          return TRUE;
        }
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("Unknown key type “%s”; use ed25519, p256 or rsa2048"),
               text != NULL ? text : "");
  return FALSE;
}

/* For people: the Keys page and `keys list`. */
const char *
rosette_key_algorithm_get_label (RosetteKeyAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ROSETTE_KEY_ALGORITHM_ED25519:
      return _("Ed25519");
    case ROSETTE_KEY_ALGORITHM_P256:
      return _("ECDSA P-256");
    case ROSETTE_KEY_ALGORITHM_RSA2048:
      return _("RSA 2048");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rosette_key_status_to_string (RosetteKeyStatus status)
{
  switch (status)
    {
    case ROSETTE_KEY_STATUS_ACTIVE:
      return "active";
    case ROSETTE_KEY_STATUS_RETIRED:
      return "retired";
    case ROSETTE_KEY_STATUS_REVOKED:
      return "revoked";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rosette_key_status_get_label (RosetteKeyStatus status)
{
  switch (status)
    {
    case ROSETTE_KEY_STATUS_ACTIVE:
      return C_("key status", "active");
    case ROSETTE_KEY_STATUS_RETIRED:
      return C_("key status", "retired");
    case ROSETTE_KEY_STATUS_REVOKED:
      return C_("key status", "revoked");
    default:
      g_return_val_if_reached (NULL);
    }
}
