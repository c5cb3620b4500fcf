/* rosette-credential.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One award of an achievement to one recipient, and its two JSON forms:
 * the OB 3.0 OpenBadgeCredential and the OB 2.0 Assertion (signing is in
 * rosette-credential-proof.c).
 *
 * Everything random is drawn once, when the credential is made: its id,
 * the subject id and the recipient salt. So the preview the user looks at
 * is exactly what is signed, and building twice gives the same JSON.
 *
 * Privacy: the recipient is identified by the salted SHA-256 of their
 * normalised e-mail address (IdentityObject, OB 3.0 §IdentityHash:
 * "sha256$" + hex(sha256(email ‖ salt))). credentialSubject.id is a
 * random urn:uuid per credential (the VC-JWT "sub" claim needs one), so
 * two badges of the same person cannot be linked by it. The name is only
 * written when the recipient opted in, as an unhashed IdentityObject of
 * type "name".
 *
 * Every property written here is a term of the VC v2 or OB 3.0.3 context
 * (tests/core/test-credential.c checks it against the installed contexts):
 * JSON-LD processors in safe mode reject anything else.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "rosette-credential-private.h"
#include "rosette-credential.h"
#include "rosette-enums.h"
#include "rosette-error.h"
#include "rosette-key-documents.h"

struct _RosetteCredential
{
  GObject             parent_instance;

  char               *id;
  char               *subject_id;
  char               *salt;
  RosetteAchievement *achievement;
  RosetteRecipient   *recipient;
  GDateTime          *valid_from;
  GDateTime          *valid_until;
  char               *evidence_url;
  char               *evidence_narrative;
  GPtrArray          *evidence_list;
  char               *status_list;
  guint64             status_index;
  gboolean            issuer_published;
};

G_DEFINE_FINAL_TYPE (RosetteCredential, rosette_credential, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RosetteEvidence, rosette_evidence,
                     rosette_evidence_copy, rosette_evidence_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACHIEVEMENT,
  PROP_RECIPIENT,
  PROP_VALID_FROM,
  PROP_VALID_UNTIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
random_hex (gsize n_bytes)
{
  g_autofree guint8 *bytes = g_malloc (n_bytes);
  GString *hex = g_string_sized_new (n_bytes * 2);

  /* GNUTLS_RND_NONCE: unpredictable, and not a secret key. */
  if (gnutls_rnd (GNUTLS_RND_NONCE, bytes, n_bytes) != 0)
    g_error ("gnutls_rnd failed: no random numbers");
  for (gsize i = 0; i < n_bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);

  return g_string_free (hex, FALSE);
}

/* A random (version 4) UUID as a URN, from GnuTLS's generator. */
static char *
random_urn_uuid (void)
{
  guint8 b[16];

  if (gnutls_rnd (GNUTLS_RND_NONCE, b, sizeof b) != 0)
    g_error ("gnutls_rnd failed: no random numbers");
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
                          b[10], b[11], b[12], b[13], b[14], b[15]);
}

static GDateTime *
truncate_to_second (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc),
                              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                              g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

static void
rosette_credential_dispose (GObject *object)
{
  RosetteCredential *self = (RosetteCredential *)object;

  g_clear_object (&self->achievement);
  g_clear_object (&self->recipient);

  G_OBJECT_CLASS (rosette_credential_parent_class)->dispose (object);
}

static void
rosette_credential_finalize (GObject *object)
{
  RosetteCredential *self = (RosetteCredential *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->subject_id, g_free);
  g_clear_pointer (&self->salt, g_free);
  g_clear_pointer (&self->valid_from, g_date_time_unref);
  g_clear_pointer (&self->valid_until, g_date_time_unref);
  g_clear_pointer (&self->evidence_url, g_free);
  g_clear_pointer (&self->evidence_narrative, g_free);
  g_clear_pointer (&self->evidence_list, g_ptr_array_unref);
  g_clear_pointer (&self->status_list, g_free);

  G_OBJECT_CLASS (rosette_credential_parent_class)->finalize (object);
}

static void
rosette_credential_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RosetteCredential *self = ROSETTE_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ACHIEVEMENT:
      g_value_set_object (value, self->achievement);
      break;

    case PROP_RECIPIENT:
      g_value_set_object (value, self->recipient);
      break;

    case PROP_VALID_FROM:
      g_value_set_boxed (value, self->valid_from);
      break;

    case PROP_VALID_UNTIL:
      g_value_set_boxed (value, self->valid_until);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_credential_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RosetteCredential *self = ROSETTE_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ACHIEVEMENT:
      self->achievement = g_value_dup_object (value);
      break;

    case PROP_RECIPIENT:
      self->recipient = g_value_dup_object (value);
      break;

    case PROP_VALID_FROM:
      rosette_credential_set_valid_from (self, g_value_get_boxed (value));
      break;

    case PROP_VALID_UNTIL:
      rosette_credential_set_valid_until (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_credential_class_init (RosetteCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rosette_credential_dispose;
  object_class->finalize = rosette_credential_finalize;
  object_class->get_property = rosette_credential_get_property;
  object_class->set_property = rosette_credential_set_property;

  /**
   * RosetteCredential:id:
   *
   * The credential's random urn:uuid (the VC-JWT "jti").
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteCredential:achievement:
   *
   * What is awarded.
   */
  properties[PROP_ACHIEVEMENT] =
    g_param_spec_object ("achievement", NULL, NULL, ROSETTE_TYPE_ACHIEVEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteCredential:recipient:
   *
   * Who it is awarded to.
   */
  properties[PROP_RECIPIENT] =
    g_param_spec_object ("recipient", NULL, NULL, ROSETTE_TYPE_RECIPIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteCredential:valid-from:
   *
   * When the credential becomes valid, in UTC to the second (now by default).
   */
  properties[PROP_VALID_FROM] =
    g_param_spec_boxed ("valid-from", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteCredential:valid-until:
   *
   * When it expires, or %NULL for never (compliance badges usually expire).
   */
  properties[PROP_VALID_UNTIL] =
    g_param_spec_boxed ("valid-until", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_credential_init (RosetteCredential *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->id = random_urn_uuid ();
  self->subject_id = random_urn_uuid ();
  self->salt = random_hex (ROSETTE_CREDENTIAL_SALT_LENGTH);
  self->valid_from = truncate_to_second (now);
}

/**
 * rosette_credential_new:
 * @achievement: what is awarded
 * @recipient: to whom
 *
 * Makes a credential valid from now, with a fresh id and salt.
 *
 * Returns: (transfer full): a new #RosetteCredential
 */
RosetteCredential *
rosette_credential_new (RosetteAchievement *achievement,
                        RosetteRecipient   *recipient)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (achievement), NULL);
  g_return_val_if_fail (ROSETTE_IS_RECIPIENT (recipient), NULL);

  return g_object_new (ROSETTE_TYPE_CREDENTIAL,
                       "achievement", achievement,
                       "recipient", recipient,
                       NULL);
}

const char *
rosette_credential_get_id (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->id;
}

/**
 * rosette_credential_set_id:
 * @id: a URI (the registry's reserved "urn:uuid:…")
 *
 * Replaces the random id, so that a batch re-run signs a reserved row
 * with the id the registry already holds for it.
 */
void
rosette_credential_set_id (RosetteCredential *self,
                           const char        *id)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));
  g_return_if_fail (id != NULL && *id != '\0');

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * rosette_credential_get_subject_id:
 *
 * Returns: the random urn:uuid of credentialSubject (the VC-JWT "sub")
 */
const char *
rosette_credential_get_subject_id (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->subject_id;
}

/**
 * rosette_credential_get_salt:
 *
 * Returns: the recipient salt (32 hex digits, random per credential); the
 *   registry keeps it so the issuer can later prove who a badge is for
 */
const char *
rosette_credential_get_salt (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->salt;
}

/**
 * rosette_credential_get_achievement:
 *
 * Returns: (transfer none): the achievement
 */
RosetteAchievement *
rosette_credential_get_achievement (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->achievement;
}

/**
 * rosette_credential_get_recipient:
 *
 * Returns: (transfer none): the recipient
 */
RosetteRecipient *
rosette_credential_get_recipient (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->recipient;
}

/**
 * rosette_credential_get_valid_from:
 *
 * Returns: (transfer none): when the credential becomes valid (UTC)
 */
GDateTime *
rosette_credential_get_valid_from (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->valid_from;
}

/**
 * rosette_credential_set_valid_from:
 * @valid_from: (nullable): a time in any zone; %NULL for now
 *
 * Sets validFrom, converted to UTC and truncated to the second.
 */
void
rosette_credential_set_valid_from (RosetteCredential *self,
                                   GDateTime         *valid_from)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));

  if (valid_from == NULL)
    valid_from = now = g_date_time_new_now_utc ();

  g_clear_pointer (&self->valid_from, g_date_time_unref);
  self->valid_from = truncate_to_second (valid_from);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_FROM]);
}

/**
 * rosette_credential_get_valid_until:
 *
 * Returns: (transfer none) (nullable): when the credential expires (UTC)
 */
GDateTime *
rosette_credential_get_valid_until (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->valid_until;
}

/**
 * rosette_credential_set_valid_until:
 * @valid_until: (nullable): the expiry, or %NULL for none
 */
void
rosette_credential_set_valid_until (RosetteCredential *self,
                                    GDateTime         *valid_until)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));

  if (self->valid_until == NULL && valid_until == NULL)
    return;

  g_clear_pointer (&self->valid_until, g_date_time_unref);
  if (valid_until != NULL)
    self->valid_until = truncate_to_second (valid_until);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_UNTIL]);
}

const char *
rosette_credential_get_evidence_url (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->evidence_url;
}

const char *
rosette_credential_get_evidence_narrative (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->evidence_narrative;
}

/**
 * rosette_credential_set_evidence:
 * @url: (nullable): an http(s) page showing the work
 * @narrative: (nullable): what the recipient did (Markdown)
 *
 * Sets the one Evidence item; both %NULL removes it.
 */
void
rosette_credential_set_evidence (RosetteCredential *self,
                                 const char        *url,
                                 const char        *narrative)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));

  g_free (self->evidence_url);
  self->evidence_url = (url != NULL && *url != '\0') ? g_strdup (url) : NULL;
  g_free (self->evidence_narrative);
  self->evidence_narrative = (narrative != NULL && *narrative != '\0') ? g_strdup (narrative)
                                                                        : NULL;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/**
 * rosette_evidence_new:
 * @id: (nullable): an http(s) URL or a urn:uuid
 * @name: (nullable): a short name
 * @narrative: (nullable): what it shows (Markdown)
 *
 * Empty strings count as %NULL.
 *
 * Returns: (transfer full): the entry
 */
RosetteEvidence *
rosette_evidence_new (const char *id,
                      const char *name,
                      const char *narrative)
{
  RosetteEvidence *evidence = g_new0 (RosetteEvidence, 1);

  evidence->id = dup_nonempty (id);
  evidence->name = dup_nonempty (name);
  evidence->narrative = dup_nonempty (narrative);
  return evidence;
}

RosetteEvidence *
rosette_evidence_copy (const RosetteEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, NULL);

  return rosette_evidence_new (evidence->id, evidence->name, evidence->narrative);
}

void
rosette_evidence_free (RosetteEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->id);
  g_free (evidence->name);
  g_free (evidence->narrative);
  g_free (evidence);
}

/**
 * rosette_evidence_list_copy:
 * @list: (nullable) (element-type RosetteEvidence): a list
 *
 * Returns: (transfer full) (nullable) (element-type RosetteEvidence): a
 *   deep copy, or %NULL for a %NULL or empty @list
 */
GPtrArray *
rosette_evidence_list_copy (GPtrArray *list)
{
  GPtrArray *copy;

  if (list == NULL || list->len == 0)
    return NULL;

  copy = g_ptr_array_new_full (list->len, (GDestroyNotify) rosette_evidence_free);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (copy, rosette_evidence_copy (g_ptr_array_index (list, i)));
  return copy;
}

/**
 * rosette_credential_get_evidence_list:
 *
 * Returns: (transfer none) (nullable) (element-type RosetteEvidence): the
 *   Evidence entries after the one of rosette_credential_set_evidence()
 */
GPtrArray *
rosette_credential_get_evidence_list (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);

  return self->evidence_list;
}

/**
 * rosette_credential_set_evidence_list:
 * @list: (nullable) (element-type RosetteEvidence): the entries (copied);
 *   %NULL for none
 *
 * Sets the Evidence entries that follow the one of
 * rosette_credential_set_evidence() (the `--evidence` URL and narrative):
 * for example the qualifying credentials of a pathway's goal badge.
 */
void
rosette_credential_set_evidence_list (RosetteCredential *self,
                                      GPtrArray         *list)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));

  g_clear_pointer (&self->evidence_list, g_ptr_array_unref);
  self->evidence_list = rosette_evidence_list_copy (list);
}

/**
 * rosette_credential_set_status:
 * @status_list: the https URL of a BitstringStatusListCredential
 * @index: this credential's bit in the list
 *
 * Adds a W3C Bitstring Status List entry (statusPurpose "revocation") as
 * credentialStatus. Nothing is emitted until this is called; the registry
 * allocates @index.
 */
void
rosette_credential_set_status (RosetteCredential *self,
                               const char        *status_list,
                               guint64            index)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));
  g_return_if_fail (status_list != NULL);

  g_free (self->status_list);
  self->status_list = g_strdup (status_list);
  self->status_index = index;
}

void
rosette_credential_clear_status (RosetteCredential *self)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));

  g_clear_pointer (&self->status_list, g_free);
  self->status_index = 0;
}

/**
 * rosette_credential_get_issuer_published:
 *
 * Returns: whether the issuer's OB 2.0 profile and keys are known to be
 *   online at its https publish base
 */
gboolean
rosette_credential_get_issuer_published (RosetteCredential *self)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), FALSE);

  return self->issuer_published;
}

/**
 * rosette_credential_set_issuer_published:
 *
 * Set by the publish step once issuer.json and keys/<id>.json are online;
 * until then signing an OB 2.0 assertion returns
 * rosette_ob2_publish_warning().
 */
void
rosette_credential_set_issuer_published (RosetteCredential *self,
                                         gboolean           published)
{
  g_return_if_fail (ROSETTE_IS_CREDENTIAL (self));

  self->issuer_published = !!published;
}

/**
 * rosette_credential_format_date:
 *
 * Returns: (transfer full): @date as an OB DateTimeZ in UTC, e.g.
 *   "2026-03-01T09:00:00Z"
 */
char *
rosette_credential_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * rosette_identity_hash:
 * @identity: the identifier, already normalised (see rosette_email_normalize())
 * @salt: (nullable): the salt
 *
 * Returns: (transfer full): "sha256$" + the lower-case hex SHA-256 of the
 *   UTF-8 bytes of @identity followed by @salt (OB 2.0 and 3.0 IdentityHash)
 */
char *
rosette_identity_hash (const char *identity,
                       const char *salt)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (identity != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) identity, strlen (identity));
  if (salt != NULL)
    g_checksum_update (checksum, (const guchar *) salt, strlen (salt));

  return g_strconcat ("sha256$", g_checksum_get_string (checksum), NULL);
}

static gboolean
check_narrative (const char  *narrative,
                 GError     **error)
{
  if (narrative == NULL || g_utf8_strlen (narrative, -1) <= ROSETTE_CREDENTIAL_MAX_NARRATIVE_LENGTH)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
               _("The narrative is longer than %d characters"),
               ROSETTE_CREDENTIAL_MAX_NARRATIVE_LENGTH);
  return FALSE;
}

/* An entry of the evidence list: an http(s) URL or a URN (another
 * credential's id), and something to show. */
static gboolean
check_evidence_entry (const RosetteEvidence  *evidence,
                      GError                **error)
{
  const char *id = evidence->id;

  if (id == NULL && evidence->narrative == NULL && evidence->name == NULL)
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("An evidence entry is empty: give it an address, a name or a "
                             "narrative"));
      return FALSE;
    }
  if (id != NULL && !g_str_has_prefix (id, "https://") && !g_str_has_prefix (id, "http://") &&
      !g_str_has_prefix (id, "urn:"))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The evidence “%.60s” is neither an http(s) URL nor a credential id "
                     "(urn:uuid:…)"), g_utf8_validate (id, -1, NULL) ? id : "?");
      return FALSE;
    }

  return check_narrative (evidence->narrative, error);
}

static gboolean
check_http_url (const char  *url,
                GError     **error)
{
  if (url == NULL || g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("The evidence address “%.60s” is not an http(s) URL"), url);
  return FALSE;
}

/**
 * rosette_credential_validate:
 *
 * Checks everything a form would flag: the achievement (criteria!), the
 * recipient's address, validUntil after validFrom, the evidence URL.
 *
 * Returns: %TRUE if the credential can be built, else
 *   %ROSETTE_ERROR_INVALID with a message for people
 */
gboolean
rosette_credential_validate (RosetteCredential  *self,
                             GError            **error)
{
  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), FALSE);

  if (!rosette_achievement_validate (self->achievement, error)
      || !rosette_recipient_validate (self->recipient, error))
    return FALSE;

  if (self->valid_until != NULL && g_date_time_compare (self->valid_until, self->valid_from) <= 0)
    {
      g_autofree char *from = rosette_credential_format_date (self->valid_from);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The expiry date must be after the start of validity (%s)"), from);
      return FALSE;
    }

  if (!check_narrative (self->evidence_narrative, error))
    return FALSE;

  for (guint i = 0; self->evidence_list != NULL && i < self->evidence_list->len; i++)
    if (!check_evidence_entry (g_ptr_array_index (self->evidence_list, i), error))
      return FALSE;

  return check_http_url (self->evidence_url, error);
}

void
_rosette_json_add_string (JsonObject *object,
                          const char *name,
                          const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, name, value);
}

void
_rosette_json_add_type (JsonObject *object,
                        const char *first,
                        const char *second)
{
  JsonArray *array = json_array_new ();

  json_array_add_string_element (array, first);
  if (second != NULL)
    json_array_add_string_element (array, second);
  json_object_set_array_member (object, "type", array);
}

void
_rosette_json_add_date (JsonObject *object,
                        const char *name,
                        GDateTime  *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = rosette_credential_format_date (date);
  json_object_set_string_member (object, name, text);
}

JsonObject *
_rosette_credential_build_profile (RosetteIssuer *issuer,
                                   const char    *issuer_id)
{
  JsonObject *profile = json_object_new ();
  const char *image = rosette_issuer_get_image (issuer);

  _rosette_json_add_string (profile, "id", issuer_id);
  _rosette_json_add_type (profile, "Profile", NULL);
  _rosette_json_add_string (profile, "name", rosette_issuer_get_name (issuer));
  _rosette_json_add_string (profile, "url", rosette_issuer_get_url (issuer));
  _rosette_json_add_string (profile, "email", rosette_issuer_get_email (issuer));
  _rosette_json_add_string (profile, "description", rosette_issuer_get_description (issuer));
  if (image != NULL && *image != '\0')
    {
      JsonObject *object = json_object_new ();

      _rosette_json_add_string (object, "id", image);
      _rosette_json_add_string (object, "type", "Image");
      json_object_set_object_member (profile, "image", object);
    }

  return profile;
}

static JsonObject *
build_identity (const char *type,
                gboolean    hashed,
                const char *value,
                const char *salt)
{
  JsonObject *identity = json_object_new ();

  _rosette_json_add_string (identity, "type", "IdentityObject");
  _rosette_json_add_string (identity, "identityType", type);
  json_object_set_boolean_member (identity, "hashed", hashed);
  if (hashed)
    _rosette_json_add_string (identity, "salt", salt);
  _rosette_json_add_string (identity, "identityHash", value);

  return identity;
}

static JsonObject *
build_subject (RosetteCredential  *self,
               GError            **error)
{
  g_autoptr(JsonObject) subject = json_object_new ();
  g_autofree char *email = rosette_recipient_dup_normalized_email (self->recipient);
  g_autofree char *hash = rosette_identity_hash (email, self->salt);
  g_autoptr(JsonNode) achievement = NULL;
  JsonArray *identifiers = json_array_new ();
  JsonArray *results = json_array_new ();

  achievement = rosette_achievement_build_ob3 (self->achievement, error);
  if (achievement == NULL)
    {
      json_array_unref (identifiers);
      json_array_unref (results);
      return NULL;
    }

  _rosette_json_add_string (subject, "id", self->subject_id);
  _rosette_json_add_type (subject, "AchievementSubject", NULL);
  json_array_add_object_element (identifiers,
                                 build_identity ("emailAddress", TRUE, hash, self->salt));
  if (rosette_recipient_get_include_name (self->recipient))
    {
      g_autofree char *name = g_strstrip (g_strdup (rosette_recipient_get_name (self->recipient)));

      json_array_add_object_element (identifiers, build_identity ("name", FALSE, name, NULL));
    }
  json_object_set_array_member (subject, "identifier", identifiers);
  json_object_set_member (subject, "achievement", g_steal_pointer (&achievement));
  json_array_add_element (results, rosette_achievement_build_result (self->achievement));
  json_object_set_array_member (subject, "result", results);

  return g_steal_pointer (&subject);
}

static JsonObject *
build_evidence_entry (const char *id,
                      const char *name,
                      const char *narrative,
                      gboolean    ob3)
{
  JsonObject *evidence = json_object_new ();

  _rosette_json_add_string (evidence, "id", id);
  if (ob3)
    _rosette_json_add_type (evidence, "Evidence", NULL);
  else
    _rosette_json_add_string (evidence, "type", "Evidence");
  _rosette_json_add_string (evidence, "name", name);
  _rosette_json_add_string (evidence, "narrative", narrative);

  return evidence;
}

/* The Evidence entries: the single URL + narrative first, then the list;
 * %NULL when there are none. */
static JsonArray *
build_evidence (RosetteCredential *self,
                gboolean           ob3)
{
  JsonArray *array = json_array_new ();

  if (self->evidence_url != NULL || self->evidence_narrative != NULL)
    json_array_add_object_element (array, build_evidence_entry (self->evidence_url, NULL,
                                                                self->evidence_narrative, ob3));
  for (guint i = 0; self->evidence_list != NULL && i < self->evidence_list->len; i++)
    {
      RosetteEvidence *entry = g_ptr_array_index (self->evidence_list, i);

      json_array_add_object_element (array, build_evidence_entry (entry->id, entry->name,
                                                                  entry->narrative, ob3));
    }

  if (json_array_get_length (array) == 0)
    g_clear_pointer (&array, json_array_unref);
  return array;
}

static JsonObject *
build_status (RosetteCredential *self)
{
  JsonObject *status = json_object_new ();
  g_autofree char *index = g_strdup_printf ("%" G_GUINT64_FORMAT, self->status_index);
  g_autofree char *id = g_strconcat (self->status_list, "#", index, NULL);

  _rosette_json_add_string (status, "id", id);
  _rosette_json_add_string (status, "type", "BitstringStatusListEntry");
  _rosette_json_add_string (status, "statusPurpose", "revocation");
  /* W3C writes the index as a base-10 string. */
  _rosette_json_add_string (status, "statusListIndex", index);
  _rosette_json_add_string (status, "statusListCredential", self->status_list);

  return status;
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/**
 * rosette_credential_build_ob3:
 * @issuer: the issuer profile
 * @record: the key that will sign (in did:key mode the issuer id is that
 *   key's did:key)
 *
 * Builds the unsigned OB 3.0 OpenBadgeCredential: what the preview shows
 * and what rosette_credential_sign_vc_jwt() signs.
 *
 * Returns: (transfer full): the credential JSON, or %NULL with the error
 *   of rosette_credential_validate() or of the issuer identifier
 */
JsonNode *
rosette_credential_build_ob3 (RosetteCredential  *self,
                              RosetteIssuer      *issuer,
                              RosetteKeyRecord   *record,
                              GError            **error)
{
  g_autoptr(JsonObject) credential = json_object_new ();
  g_autofree char *issuer_id = NULL;
  JsonArray *contexts;
  JsonObject *subject;
  JsonArray *evidence;

  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  if (!rosette_credential_validate (self, error))
    return NULL;

  issuer_id = rosette_issuer_dup_identifier_for_key (issuer, record, error);
  if (issuer_id == NULL)
    return NULL;

  subject = build_subject (self, error);
  if (subject == NULL)
    return NULL;

  contexts = json_array_new ();
  json_array_add_string_element (contexts, ROSETTE_CONTEXT_VC_V2);
  json_array_add_string_element (contexts, ROSETTE_CONTEXT_OB_V3);
  json_object_set_array_member (credential, "@context", contexts);
  _rosette_json_add_string (credential, "id", self->id);
  _rosette_json_add_type (credential, "VerifiableCredential", "OpenBadgeCredential");
  _rosette_json_add_string (credential, "name", rosette_achievement_get_name (self->achievement));
  json_object_set_object_member (credential, "issuer",
                                 _rosette_credential_build_profile (issuer, issuer_id));
  _rosette_json_add_date (credential, "validFrom", self->valid_from);
  _rosette_json_add_date (credential, "validUntil", self->valid_until);
  json_object_set_object_member (credential, "credentialSubject", subject);
  evidence = build_evidence (self, TRUE);
  if (evidence != NULL)
    json_object_set_array_member (credential, "evidence", evidence);
  if (self->status_list != NULL)
    json_object_set_object_member (credential, "credentialStatus", build_status (self));

  return object_node (g_steal_pointer (&credential));
}

/**
 * rosette_credential_build_ob2:
 * @issuer: the issuer profile; it needs an https publish base
 * @record: the RSA key that will sign
 *
 * Builds the unsigned OB 2.0 Assertion. The badge is the BadgeClass URL
 * when the issuer publishes at https, else the BadgeClass embedded;
 * verification.creator is the key's CryptographicKey URL.
 *
 * Returns: (transfer full): the assertion JSON, or %NULL with an error
 */
JsonNode *
rosette_credential_build_ob2 (RosetteCredential  *self,
                              RosetteIssuer      *issuer,
                              RosetteKeyRecord   *record,
                              GError            **error)
{
  g_autoptr(JsonObject) assertion = json_object_new ();
  g_autoptr(JsonNode) key_document = NULL;
  g_autoptr(JsonNode) badge_class = NULL;
  g_autofree char *profile_url = NULL;
  g_autofree char *email = NULL;
  g_autofree char *hash = NULL;
  const char *badge_id;
  JsonObject *recipient;
  JsonObject *verification;
  JsonArray *evidence;
  const char *creator;

  g_return_val_if_fail (ROSETTE_IS_CREDENTIAL (self), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);

  if (!rosette_credential_validate (self, error))
    return NULL;

  profile_url = rosette_issuer_dup_ob2_profile_url (issuer, error);
  if (profile_url == NULL)
    return NULL;
  key_document = rosette_issuer_build_cryptographic_key (issuer, record, error);
  if (key_document == NULL)
    return NULL;
  badge_class = rosette_achievement_build_badge_class (self->achievement, profile_url, error);
  if (badge_class == NULL)
    return NULL;

  email = rosette_recipient_dup_normalized_email (self->recipient);
  hash = rosette_identity_hash (email, self->salt);

  _rosette_json_add_string (assertion, "@context", ROSETTE_CONTEXT_OB_V2);
  _rosette_json_add_string (assertion, "type", "Assertion");
  _rosette_json_add_string (assertion, "id", self->id);
  recipient = json_object_new ();
  _rosette_json_add_string (recipient, "type", "email");
  json_object_set_boolean_member (recipient, "hashed", TRUE);
  _rosette_json_add_string (recipient, "salt", self->salt);
  _rosette_json_add_string (recipient, "identity", hash);
  json_object_set_object_member (assertion, "recipient", recipient);

  badge_id = rosette_achievement_get_badge_class_id (self->achievement);
  if (g_str_has_prefix (badge_id, "https://"))
    _rosette_json_add_string (assertion, "badge", badge_id);
  else
    {
      /* Embedded nodes share the assertion's @context. */
      json_object_remove_member (json_node_get_object (badge_class), "@context");
      json_object_set_member (assertion, "badge", g_steal_pointer (&badge_class));
    }

  _rosette_json_add_date (assertion, "issuedOn", self->valid_from);
  _rosette_json_add_date (assertion, "expires", self->valid_until);
  /* OB 2.0 takes one Evidence object or an array of them. */
  evidence = build_evidence (self, FALSE);
  if (evidence != NULL && json_array_get_length (evidence) == 1)
    {
      json_object_set_object_member (assertion, "evidence",
                                     json_object_ref (json_array_get_object_element (evidence, 0)));
      json_array_unref (evidence);
    }
  else if (evidence != NULL)
    json_object_set_array_member (assertion, "evidence", evidence);

  verification = json_object_new ();
  _rosette_json_add_string (verification, "type", "SignedBadge");
  creator = json_object_get_string_member (json_node_get_object (key_document), "id");
  _rosette_json_add_string (verification, "creator", creator);
  json_object_set_object_member (assertion, "verification", verification);

  return object_node (g_steal_pointer (&assertion));
}

/**
 * rosette_proof_format_from_string:
 * @text: "vc-jwt" or "ob2"
 * @format: (out): the format
 *
 * Returns: %TRUE if @text names a proof format, else %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_proof_format_from_string (const char          *text,
                                  RosetteProofFormat  *format,
                                  GError             **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ROSETTE_TYPE_PROOF_FORMAT);
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  g_return_val_if_fail (format != NULL, FALSE);

  if (value == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Unknown proof “%s”; use vc-jwt or ob2"), text != NULL ? text : "");
      return FALSE;
    }

  *format = value->value;
  return TRUE;
}
