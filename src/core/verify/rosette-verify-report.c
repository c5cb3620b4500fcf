/* rosette-verify-report.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What a verification found: one RosetteVerifyCheck per step, always all
 * of them and always in the same order, an overall verdict computed from
 * them, and what the Verify page shows beside them (the achievement, the
 * issuer, the dates, the image, the canonical form of a Data Integrity
 * proof). The JSON form is built here so that the CLI and the app print
 * the same thing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-enums.h"
#include "rosette-verify-private.h"

struct _RosetteVerifyCheck
{
  GObject                 parent_instance;
  RosetteVerifyCheckKind  kind;
  RosetteVerifyState      state;
  gboolean                blocks_verdict;
  char                   *explanation;
};

G_DEFINE_FINAL_TYPE (RosetteVerifyCheck, rosette_verify_check, G_TYPE_OBJECT)

enum
{
  CHECK_PROP_0,
  CHECK_PROP_KIND,
  CHECK_PROP_STATE,
  CHECK_PROP_TITLE,
  CHECK_PROP_EXPLANATION,
  CHECK_N_PROPS
};

static GParamSpec *check_properties[CHECK_N_PROPS];

struct _RosetteVerifyReport
{
  GObject               parent_instance;
  RosetteVerifyVerdict  verdict;
  RosetteVerifyFormat   format;
  gboolean              usable;
  char                 *source_name;
  GListStore           *checks;
  JsonNode             *credential;
  char                 *achievement_name;
  char                 *tier;
  char                 *criteria;
  char                 *issuer_name;
  char                 *issuer_id;
  GDateTime            *valid_from;
  GDateTime            *valid_until;
  GBytes               *image;
  char                 *image_type;
  char                 *canonical_document;
  char                 *canonical_proof;
  char                 *document_hash;
  char                 *proof_hash;
  GPtrArray            *endorsements;  /* of Endorsement */
  gboolean              needs_key;
};

/* An endorsement embedded in the credential, as the verifier found it. */
typedef struct
{
  char               *name;
  char               *id;
  RosetteVerifyState  state;
  char               *explanation;
} Endorsement;

static void
endorsement_free (Endorsement *endorsement)
{
  g_free (endorsement->name);
  g_free (endorsement->id);
  g_free (endorsement->explanation);
  g_free (endorsement);
}

G_DEFINE_FINAL_TYPE (RosetteVerifyReport, rosette_verify_report, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VERDICT,
  PROP_FORMAT,
  PROP_SOURCE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v != NULL ? v->value_nick : NULL;

  g_type_class_unref (klass);
  return nick;
}

static gboolean
replace_str (char       **slot,
             const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* RosetteVerifyCheck */

static void
rosette_verify_check_finalize (GObject *object)
{
  RosetteVerifyCheck *self = (RosetteVerifyCheck *) object;

  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (rosette_verify_check_parent_class)->finalize (object);
}

static void
rosette_verify_check_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RosetteVerifyCheck *self = ROSETTE_VERIFY_CHECK (object);

  switch (prop_id)
    {
    case CHECK_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case CHECK_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case CHECK_PROP_TITLE:
      g_value_set_string (value, rosette_verify_check_get_title (self));
      break;
    case CHECK_PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verify_check_class_init (RosetteVerifyCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rosette_verify_check_finalize;
  object_class->get_property = rosette_verify_check_get_property;

  check_properties[CHECK_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ROSETTE_TYPE_VERIFY_CHECK_KIND,
                       ROSETTE_VERIFY_CHECK_CONTAINER, ro);
  check_properties[CHECK_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, ROSETTE_TYPE_VERIFY_STATE,
                       ROSETTE_VERIFY_STATE_NOT_CHECKED, ro);
  check_properties[CHECK_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  check_properties[CHECK_PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, CHECK_N_PROPS, check_properties);
}

static void
rosette_verify_check_init (RosetteVerifyCheck *self)
{
  self->state = ROSETTE_VERIFY_STATE_NOT_CHECKED;
}

RosetteVerifyCheckKind
rosette_verify_check_get_kind (RosetteVerifyCheck *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK (self), 0);
  return self->kind;
}

RosetteVerifyState
rosette_verify_check_get_state (RosetteVerifyCheck *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK (self), 0);
  return self->state;
}

/**
 * rosette_verify_check_get_title:
 *
 * Returns: a short translated name of the check ("Signature")
 */
const char *
rosette_verify_check_get_title (RosetteVerifyCheck *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK (self), NULL);

  switch (self->kind)
    {
    case ROSETTE_VERIFY_CHECK_CONTAINER:
      return _("File");
    case ROSETTE_VERIFY_CHECK_JSON:
      return _("Credential data");
    case ROSETTE_VERIFY_CHECK_STRUCTURE:
      return _("Open Badges structure");
    case ROSETTE_VERIFY_CHECK_PROOF:
      return _("Signature");
    case ROSETTE_VERIFY_CHECK_ISSUER:
      return _("Issuer");
    case ROSETTE_VERIFY_CHECK_VALIDITY:
      return _("Dates");
    case ROSETTE_VERIFY_CHECK_REVOCATION:
      return _("Revocation");
    case ROSETTE_VERIFY_CHECK_RECIPIENT:
      return _("Recipient");
    case ROSETTE_VERIFY_CHECK_SCHEMA:
      return _("Credential schema");
    case ROSETTE_VERIFY_CHECK_ENDORSEMENT:
      return _("Endorsements");
    case ROSETTE_VERIFY_CHECK_REFRESH:
      return _("Refresh service");
    default:
      g_assert_not_reached ();
    }
}

/**
 * rosette_verify_check_get_explanation:
 *
 * Returns: a translated sentence saying what was found, or why the
 *   check was not made
 */
const char *
rosette_verify_check_get_explanation (RosetteVerifyCheck *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK (self), NULL);
  return self->explanation;
}

/**
 * rosette_verify_check_get_blocks_verdict:
 *
 * Returns: %TRUE if this check, not made, keeps the verdict from "Valid"
 *   (the key could not be fetched offline); %FALSE for a check that did
 *   not apply (no revocation list, no email entered)
 */
gboolean
rosette_verify_check_get_blocks_verdict (RosetteVerifyCheck *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_CHECK (self), FALSE);
  return self->state == ROSETTE_VERIFY_STATE_NOT_CHECKED && self->blocks_verdict;
}

/* RosetteVerifyReport */

static void
rosette_verify_report_finalize (GObject *object)
{
  RosetteVerifyReport *self = (RosetteVerifyReport *) object;

  g_clear_object (&self->checks);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->credential, json_node_unref);
  g_clear_pointer (&self->achievement_name, g_free);
  g_clear_pointer (&self->tier, g_free);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->issuer_name, g_free);
  g_clear_pointer (&self->issuer_id, g_free);
  g_clear_pointer (&self->valid_from, g_date_time_unref);
  g_clear_pointer (&self->valid_until, g_date_time_unref);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->image_type, g_free);
  g_clear_pointer (&self->canonical_document, g_free);
  g_clear_pointer (&self->canonical_proof, g_free);
  g_clear_pointer (&self->document_hash, g_free);
  g_clear_pointer (&self->proof_hash, g_free);
  g_clear_pointer (&self->endorsements, g_ptr_array_unref);

  G_OBJECT_CLASS (rosette_verify_report_parent_class)->finalize (object);
}

static void
rosette_verify_report_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RosetteVerifyReport *self = ROSETTE_VERIFY_REPORT (object);

  switch (prop_id)
    {
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verify_report_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RosetteVerifyReport *self = ROSETTE_VERIFY_REPORT (object);

  switch (prop_id)
    {
    case PROP_SOURCE_NAME:
      rosette_verify_report_set_source_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verify_report_class_init (RosetteVerifyReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_verify_report_finalize;
  object_class->get_property = rosette_verify_report_get_property;
  object_class->set_property = rosette_verify_report_set_property;

  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, ROSETTE_TYPE_VERIFY_VERDICT,
                       ROSETTE_VERIFY_VERDICT_INCOMPLETE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, ROSETTE_TYPE_VERIFY_FORMAT,
                       ROSETTE_VERIFY_FORMAT_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * RosetteVerifyReport:source-name:
   *
   * What was verified, for display (a file name).
   */
  properties[PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_verify_report_init (RosetteVerifyReport *self)
{
  self->checks = g_list_store_new (ROSETTE_TYPE_VERIFY_CHECK);
  self->endorsements = g_ptr_array_new_with_free_func ((GDestroyNotify) endorsement_free);
  self->verdict = ROSETTE_VERIFY_VERDICT_INCOMPLETE;
  self->usable = TRUE;
  for (guint i = 0; i < ROSETTE_VERIFY_N_CHECKS; i++)
    {
      g_autoptr(RosetteVerifyCheck) check = g_object_new (ROSETTE_TYPE_VERIFY_CHECK, NULL);

      check->kind = i;
      g_list_store_append (self->checks, check);
    }
}

RosetteVerifyReport *
_rosette_verify_report_new (void)
{
  return g_object_new (ROSETTE_TYPE_VERIFY_REPORT, NULL);
}

/* Checks are set once: the first answer for a step is the one reported. */
void
_rosette_verify_report_set_check (RosetteVerifyReport    *self,
                                  RosetteVerifyCheckKind  kind,
                                  RosetteVerifyState      state,
                                  gboolean                blocks_verdict,
                                  const char             *explanation)
{
  RosetteVerifyCheck *check = rosette_verify_report_get_check (self, kind);

  g_assert (explanation != NULL);
  if (check->explanation != NULL)
    return;
  check->state = state;
  check->blocks_verdict = blocks_verdict;
  check->explanation = g_strdup (explanation);
}

gboolean
_rosette_verify_report_has_check (RosetteVerifyReport    *self,
                                  RosetteVerifyCheckKind  kind)
{
  return rosette_verify_report_get_check (self, kind)->explanation != NULL;
}

/* Every step not reached is "not checked" with @explanation. */
void
_rosette_verify_report_skip_rest (RosetteVerifyReport *self,
                                  const char          *explanation)
{
  for (guint i = 0; i < ROSETTE_VERIFY_N_CHECKS; i++)
    _rosette_verify_report_set_check (self, i, ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE,
                                      explanation);
}

void
_rosette_verify_report_finish (RosetteVerifyReport *self)
{
  gboolean failed = FALSE;
  gboolean incomplete = FALSE;

  _rosette_verify_report_skip_rest (self, _("This step was not reached"));
  for (guint i = 0; i < ROSETTE_VERIFY_N_CHECKS; i++)
    {
      RosetteVerifyCheck *check = rosette_verify_report_get_check (self, i);

      if (check->state == ROSETTE_VERIFY_STATE_FAILED)
        failed = TRUE;
      else if (rosette_verify_check_get_blocks_verdict (check))
        incomplete = TRUE;
    }

  self->verdict = failed ? ROSETTE_VERIFY_VERDICT_NOT_VALID
                : incomplete ? ROSETTE_VERIFY_VERDICT_INCOMPLETE
                : ROSETTE_VERIFY_VERDICT_VALID;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

void
_rosette_verify_report_set_format (RosetteVerifyReport *self,
                                   RosetteVerifyFormat  format)
{
  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

void
_rosette_verify_report_set_usable (RosetteVerifyReport *self,
                                   gboolean             usable)
{
  self->usable = usable;
}

void
_rosette_verify_report_set_credential (RosetteVerifyReport *self,
                                       JsonNode            *credential)
{
  g_clear_pointer (&self->credential, json_node_unref);
  self->credential = credential != NULL ? json_node_ref (credential) : NULL;
}

void
_rosette_verify_report_set_summary (RosetteVerifyReport *self,
                                    const char          *achievement_name,
                                    const char          *tier,
                                    const char          *criteria,
                                    const char          *issuer_name,
                                    const char          *issuer_id)
{
  replace_str (&self->achievement_name, achievement_name);
  replace_str (&self->tier, tier);
  replace_str (&self->criteria, criteria);
  replace_str (&self->issuer_name, issuer_name);
  replace_str (&self->issuer_id, issuer_id);
}

void
_rosette_verify_report_set_dates (RosetteVerifyReport *self,
                                  GDateTime           *valid_from,
                                  GDateTime           *valid_until)
{
  g_clear_pointer (&self->valid_from, g_date_time_unref);
  g_clear_pointer (&self->valid_until, g_date_time_unref);
  self->valid_from = valid_from != NULL ? g_date_time_ref (valid_from) : NULL;
  self->valid_until = valid_until != NULL ? g_date_time_ref (valid_until) : NULL;
}

void
_rosette_verify_report_set_image (RosetteVerifyReport *self,
                                  GBytes              *image,
                                  const char          *type)
{
  g_clear_pointer (&self->image, g_bytes_unref);
  self->image = image != NULL ? g_bytes_ref (image) : NULL;
  replace_str (&self->image_type, type);
}

void
_rosette_verify_report_set_canonical (RosetteVerifyReport *self,
                                      const char          *document,
                                      const char          *proof,
                                      const char          *document_hash,
                                      const char          *proof_hash)
{
  replace_str (&self->canonical_document, document);
  replace_str (&self->canonical_proof, proof);
  replace_str (&self->document_hash, document_hash);
  replace_str (&self->proof_hash, proof_hash);
}

RosetteVerifyVerdict
rosette_verify_report_get_verdict (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), ROSETTE_VERIFY_VERDICT_INCOMPLETE);
  return self->verdict;
}

/**
 * rosette_verify_report_get_verdict_text:
 *
 * Returns: "Valid", "Not valid" or "Could not fully verify", translated
 */
const char *
rosette_verify_report_get_verdict_text (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);

  switch (self->verdict)
    {
    case ROSETTE_VERIFY_VERDICT_VALID:
      return _("Valid");
    case ROSETTE_VERIFY_VERDICT_NOT_VALID:
      return _("Not valid");
    case ROSETTE_VERIFY_VERDICT_INCOMPLETE:
    default:
      return _("Could not fully verify");
    }
}

/**
 * rosette_verify_report_get_usable:
 *
 * Returns: %FALSE when the input holds no credential that could be read
 *   at all (not a badge, a damaged container, JSON that does not parse);
 *   the verdict is then "Not valid" and `rosette-cli verify` exits 2
 */
gboolean
rosette_verify_report_get_usable (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), FALSE);
  return self->usable;
}

RosetteVerifyFormat
rosette_verify_report_get_format (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), ROSETTE_VERIFY_FORMAT_UNKNOWN);
  return self->format;
}

/**
 * rosette_verify_report_get_format_name:
 *
 * Returns: the detected format in words, translated
 */
const char *
rosette_verify_report_get_format_name (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);

  switch (self->format)
    {
    case ROSETTE_VERIFY_FORMAT_OB3_DATA_INTEGRITY:
      return _("Open Badges 3.0 with a Data Integrity proof");
    case ROSETTE_VERIFY_FORMAT_OB3_VC_JWT:
      return _("Open Badges 3.0 signed as a VC-JWT");
    case ROSETTE_VERIFY_FORMAT_OB3_UNSIGNED:
      return _("Open Badges 3.0 without a proof");
    case ROSETTE_VERIFY_FORMAT_OB2_SIGNED:
      return _("Open Badges 2.0, signed");
    case ROSETTE_VERIFY_FORMAT_OB2_HOSTED:
      return _("Open Badges 2.0, hosted by the issuer");
    case ROSETTE_VERIFY_FORMAT_VCDM11_OB3:
      return _("Open Badges 3.0 on the Verifiable Credentials Data Model 1.1");
    case ROSETTE_VERIFY_FORMAT_UNKNOWN:
    default:
      return _("Unknown");
    }
}

const char *
rosette_verify_report_get_source_name (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->source_name;
}

void
rosette_verify_report_set_source_name (RosetteVerifyReport *self,
                                       const char          *name)
{
  g_return_if_fail (ROSETTE_IS_VERIFY_REPORT (self));

  if (replace_str (&self->source_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_NAME]);
}

/**
 * rosette_verify_report_get_checks:
 *
 * Returns: (transfer none): a #GListModel of #RosetteVerifyCheck, one
 *   per #RosetteVerifyCheckKind in that order
 */
GListModel *
rosette_verify_report_get_checks (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return G_LIST_MODEL (self->checks);
}

/**
 * rosette_verify_report_get_check:
 *
 * Returns: (transfer none): the check of @kind
 */
RosetteVerifyCheck *
rosette_verify_report_get_check (RosetteVerifyReport    *self,
                                 RosetteVerifyCheckKind  kind)
{
  RosetteVerifyCheck *check;

  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  g_return_val_if_fail (kind < ROSETTE_VERIFY_N_CHECKS, NULL);

  check = g_list_model_get_item (G_LIST_MODEL (self->checks), kind);
  g_object_unref (check);  /* the store keeps it */
  return check;
}

/**
 * rosette_verify_report_get_credential:
 *
 * Returns: (transfer none) (nullable): the credential (the payload for a
 *   JWS), as read
 */
JsonNode *
rosette_verify_report_get_credential (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->credential;
}

/**
 * rosette_verify_report_dup_credential_text:
 *
 * Returns: (transfer full) (nullable): the credential pretty-printed
 */
char *
rosette_verify_report_dup_credential_text (RosetteVerifyReport *self)
{
  g_autoptr(JsonGenerator) generator = NULL;

  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);

  if (self->credential == NULL)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, self->credential);
  return json_generator_to_data (generator, NULL);
}

const char *
rosette_verify_report_get_achievement_name (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->achievement_name;
}

const char *
rosette_verify_report_get_tier (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->tier;
}

const char *
rosette_verify_report_get_criteria (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->criteria;
}

const char *
rosette_verify_report_get_issuer_name (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->issuer_name;
}

const char *
rosette_verify_report_get_issuer_id (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->issuer_id;
}

GDateTime *
rosette_verify_report_get_valid_from (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->valid_from;
}

GDateTime *
rosette_verify_report_get_valid_until (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->valid_until;
}

/**
 * rosette_verify_report_get_image:
 *
 * The badge picture: the PNG or SVG file itself for a baked badge, or
 * the achievement's `data:` image. Untrusted: render it with external
 * references disabled.
 *
 * Returns: (transfer none) (nullable): the image bytes
 */
GBytes *
rosette_verify_report_get_image (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->image;
}

/**
 * rosette_verify_report_get_image_type:
 *
 * Returns: (nullable): "image/png" or "image/svg+xml"
 */
const char *
rosette_verify_report_get_image_type (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->image_type;
}

const char *
rosette_verify_report_get_canonical_document (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->canonical_document;
}

const char *
rosette_verify_report_get_canonical_proof (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->canonical_proof;
}

const char *
rosette_verify_report_get_document_hash (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->document_hash;
}

const char *
rosette_verify_report_get_proof_hash (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  return self->proof_hash;
}

void
_rosette_verify_report_set_needs_key (RosetteVerifyReport *self)
{
  self->needs_key = TRUE;
}

/**
 * rosette_verify_report_get_needs_key:
 *
 * Whether the signature could be checked if the user trusted the issuer's
 * public key: the explanations say so in plain words, and each front end
 * says how (`--key` for the CLI, the Issuer's Key row on the Verify page).
 *
 * Returns: %TRUE when trusting a key would let the signature be checked
 */
gboolean
rosette_verify_report_get_needs_key (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), FALSE);
  return self->needs_key;
}

void
_rosette_verify_report_add_endorsement (RosetteVerifyReport *self,
                                        const char          *endorser_name,
                                        const char          *endorser_id,
                                        RosetteVerifyState   state,
                                        const char          *explanation)
{
  Endorsement *endorsement = g_new0 (Endorsement, 1);

  endorsement->name = g_strdup (endorser_name);
  endorsement->id = g_strdup (endorser_id);
  endorsement->state = state;
  endorsement->explanation = g_strdup (explanation);
  g_ptr_array_add (self->endorsements, endorsement);
}

/**
 * rosette_verify_report_get_n_endorsements:
 *
 * Returns: how many endorsements the credential embeds (each one checked
 *   on its own; see %ROSETTE_VERIFY_CHECK_ENDORSEMENT)
 */
guint
rosette_verify_report_get_n_endorsements (RosetteVerifyReport *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), 0);
  return self->endorsements->len;
}

static Endorsement *
get_endorsement (RosetteVerifyReport *self,
                 guint                index)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  g_return_val_if_fail (index < self->endorsements->len, NULL);
  return g_ptr_array_index (self->endorsements, index);
}

/**
 * rosette_verify_report_get_endorser_name:
 *
 * Returns: (nullable): the endorser's name as the endorsement gives it
 */
const char *
rosette_verify_report_get_endorser_name (RosetteVerifyReport *self,
                                         guint                index)
{
  Endorsement *endorsement = get_endorsement (self, index);

  return endorsement != NULL ? endorsement->name : NULL;
}

/**
 * rosette_verify_report_get_endorser_id:
 *
 * Returns: (nullable): the endorser's id (a DID or a URL)
 */
const char *
rosette_verify_report_get_endorser_id (RosetteVerifyReport *self,
                                       guint                index)
{
  Endorsement *endorsement = get_endorsement (self, index);

  return endorsement != NULL ? endorsement->id : NULL;
}

/**
 * rosette_verify_report_get_endorsement_state:
 *
 * Returns: whether the endorsement's proof and endorser were verified
 */
RosetteVerifyState
rosette_verify_report_get_endorsement_state (RosetteVerifyReport *self,
                                             guint                index)
{
  Endorsement *endorsement = get_endorsement (self, index);

  return endorsement != NULL ? endorsement->state : ROSETTE_VERIFY_STATE_NOT_CHECKED;
}

/**
 * rosette_verify_report_get_endorsement_explanation:
 *
 * Returns: a translated sentence on that endorsement's proof
 */
const char *
rosette_verify_report_get_endorsement_explanation (RosetteVerifyReport *self,
                                                   guint                index)
{
  Endorsement *endorsement = get_endorsement (self, index);

  return endorsement != NULL ? endorsement->explanation : NULL;
}

const char *
rosette_verify_state_to_string (RosetteVerifyState state)
{
  return enum_nick (ROSETTE_TYPE_VERIFY_STATE, state);
}

const char *
rosette_verify_verdict_to_string (RosetteVerifyVerdict verdict)
{
  return enum_nick (ROSETTE_TYPE_VERIFY_VERDICT, verdict);
}

const char *
rosette_verify_format_to_string (RosetteVerifyFormat format)
{
  return enum_nick (ROSETTE_TYPE_VERIFY_FORMAT, format);
}

const char *
rosette_verify_check_kind_to_string (RosetteVerifyCheckKind kind)
{
  return enum_nick (ROSETTE_TYPE_VERIFY_CHECK_KIND, kind);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  add_string (builder, name, text);
}

/**
 * rosette_verify_report_to_json:
 *
 * The report as `rosette-cli verify --json` prints it: source, verdict,
 * usable, format, every check (kind, title, state, explanation), what
 * the badge says (achievement, tier, criteria, issuer, dates), its
 * endorsements (endorser, state, explanation) and the
 * credential itself. Enum values are the nicks ("not-valid", "passed").
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
rosette_verify_report_to_json (RosetteVerifyReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "source", self->source_name);
  add_string (builder, "verdict", rosette_verify_verdict_to_string (self->verdict));
  add_string (builder, "verdictText", rosette_verify_report_get_verdict_text (self));
  json_builder_set_member_name (builder, "usable");
  json_builder_add_boolean_value (builder, self->usable);
  add_string (builder, "format", rosette_verify_format_to_string (self->format));
  add_string (builder, "formatName", rosette_verify_report_get_format_name (self));

  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ROSETTE_VERIFY_N_CHECKS; i++)
    {
      RosetteVerifyCheck *check = rosette_verify_report_get_check (self, i);

      json_builder_begin_object (builder);
      add_string (builder, "check", rosette_verify_check_kind_to_string (check->kind));
      add_string (builder, "title", rosette_verify_check_get_title (check));
      add_string (builder, "state", rosette_verify_state_to_string (check->state));
      add_string (builder, "explanation", check->explanation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "achievement", self->achievement_name);
  add_string (builder, "tier", self->tier);
  add_string (builder, "criteria", self->criteria);
  add_string (builder, "issuerName", self->issuer_name);
  add_string (builder, "issuerId", self->issuer_id);
  add_date (builder, "validFrom", self->valid_from);
  add_date (builder, "validUntil", self->valid_until);
  if (self->document_hash != NULL)
    {
      add_string (builder, "documentHash", self->document_hash);
      add_string (builder, "proofHash", self->proof_hash);
    }
  json_builder_set_member_name (builder, "endorsements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->endorsements->len; i++)
    {
      Endorsement *endorsement = g_ptr_array_index (self->endorsements, i);

      json_builder_begin_object (builder);
      add_string (builder, "endorserName", endorsement->name);
      add_string (builder, "endorserId", endorsement->id);
      add_string (builder, "state", rosette_verify_state_to_string (endorsement->state));
      add_string (builder, "explanation", endorsement->explanation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "credential");
  if (self->credential != NULL)
    json_builder_add_value (builder, json_node_copy (self->credential));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
