/* rosette-achievement.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One tier of a badge family as the thing a credential awards: an OB 3.0
 * Achievement and its OB 2.0 twin, the BadgeClass.
 *
 * Ids are stable, so that every credential for "Data Privacy — Gold" names
 * the same achievement across batches and machines:
 *
 *   - with a publish base (the issuer's https site), a URL under it, where
 *     the publish step can later put the Achievement / BadgeClass JSON:
 *     <base>achievements/<family>/<tier>.json and <base>badges/<family>/<tier>.json;
 *   - without one, a name-based UUID (RFC 4122 version 5, SHA-1) of
 *     "<issuer id>/<family slug>/<tier slug>" in Rosette's own namespace.
 *
 * The issuer id used here is the profile's own UUID, which does not change
 * when keys rotate (a did:key identifier would).
 *
 * The tier is data, not only artwork: it is a tag, and the achievement
 * carries a ResultDescription listing the family's tiers from lowest to
 * highest (allowedValue) with this tier as requiredValue; credentials add
 * a Result with the tier as its value (rosette_achievement_build_result()).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-achievement.h"
#include "rosette-error.h"
#include "rosette-utils.h"

/* Rosette's namespace for name-based achievement UUIDs (a fixed random UUID). */
static const guint8 achievement_namespace[16] = {
  0x4e, 0x0a, 0x8c, 0x5d, 0x91, 0x37, 0x4b, 0x62, 0xa5, 0x0f, 0x2d, 0x7c, 0x63, 0x18, 0xe9, 0xb4,
};

/* OB 3.0 AchievementType (common_credentials.lines); "ext:" extends it. */
static const char * const achievement_types[] = {
  "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree",
  "Award", "Badge", "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification",
  "CommunityService", "Competency", "Course", "CoCurricular", "Degree", "Diploma",
  "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment", "JourneymanCertificate",
  "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
  "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential",
  "ResearchDoctorate", "SecondarySchoolDiploma", NULL,
};

struct _RosetteAchievement
{
  GObject   parent_instance;

  char     *id;
  char     *badge_class_id;
  char     *result_description_id;
  char     *name;
  char     *description;
  char     *criteria;
  char     *criteria_url;
  char     *image;
  char     *achievement_type;
  GStrv     tags;

  char     *alignment_name;
  char     *alignment_url;
  char     *alignment_framework;
  char     *alignment_code;

  char     *family_name;
  char     *tier_name;
  guint     tier_rank;
  GStrv     tier_levels;
};

G_DEFINE_FINAL_TYPE (RosetteAchievement, rosette_achievement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CRITERIA,
  PROP_CRITERIA_URL,
  PROP_IMAGE,
  PROP_ACHIEVEMENT_TYPE,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
name_based_uuid (const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, achievement_namespace, sizeof achievement_namespace);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);

  /* RFC 4122 §4.3: version 5 in the high nibble of byte 6, variant 10 in byte 8. */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
rosette_achievement_finalize (GObject *object)
{
  RosetteAchievement *self = (RosetteAchievement *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->badge_class_id, g_free);
  g_clear_pointer (&self->result_description_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->criteria_url, g_free);
  g_clear_pointer (&self->image, g_free);
  g_clear_pointer (&self->achievement_type, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->alignment_name, g_free);
  g_clear_pointer (&self->alignment_url, g_free);
  g_clear_pointer (&self->alignment_framework, g_free);
  g_clear_pointer (&self->alignment_code, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->tier_name, g_free);
  g_clear_pointer (&self->tier_levels, g_strfreev);

  G_OBJECT_CLASS (rosette_achievement_parent_class)->finalize (object);
}

static void
rosette_achievement_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RosetteAchievement *self = ROSETTE_ACHIEVEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CRITERIA:
      g_value_set_string (value, self->criteria);
      break;

    case PROP_CRITERIA_URL:
      g_value_set_string (value, self->criteria_url);
      break;

    case PROP_IMAGE:
      g_value_set_string (value, self->image);
      break;

    case PROP_ACHIEVEMENT_TYPE:
      g_value_set_string (value, self->achievement_type);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_achievement_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RosetteAchievement *self = ROSETTE_ACHIEVEMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      rosette_achievement_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rosette_achievement_set_description (self, g_value_get_string (value));
      break;

    case PROP_CRITERIA:
      rosette_achievement_set_criteria (self, g_value_get_string (value));
      break;

    case PROP_CRITERIA_URL:
      rosette_achievement_set_criteria_url (self, g_value_get_string (value));
      break;

    case PROP_IMAGE:
      rosette_achievement_set_image (self, g_value_get_string (value));
      break;

    case PROP_ACHIEVEMENT_TYPE:
      rosette_achievement_set_achievement_type (self, g_value_get_string (value), NULL);
      break;

    case PROP_TAGS:
      rosette_achievement_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_achievement_class_init (RosetteAchievementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rosette_achievement_finalize;
  object_class->get_property = rosette_achievement_get_property;
  object_class->set_property = rosette_achievement_set_property;

  /**
   * RosetteAchievement:id:
   *
   * The stable id (see the top of rosette-achievement.c).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteAchievement:name:
   *
   * "<family> — <tier>" unless changed.
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);

  /**
   * RosetteAchievement:description:
   *
   * What the badge stands for; required by both Open Badges versions.
   */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);

  /**
   * RosetteAchievement:criteria:
   *
   * The criteria narrative (Markdown): what someone did to earn this tier.
   * Required: a credential cannot be built while it is empty.
   */
  properties[PROP_CRITERIA] = g_param_spec_string ("criteria", NULL, NULL, NULL, rw);

  /**
   * RosetteAchievement:criteria-url:
   *
   * An optional page that describes the criteria.
   */
  properties[PROP_CRITERIA_URL] = g_param_spec_string ("criteria-url", NULL, NULL, NULL, rw);

  /**
   * RosetteAchievement:image:
   *
   * The unbaked badge: an https URL or a data: URI of the PNG or SVG.
   */
  properties[PROP_IMAGE] = g_param_spec_string ("image", NULL, NULL, NULL, rw);

  /**
   * RosetteAchievement:achievement-type:
   *
   * An OB 3.0 AchievementType such as "Badge" or "Certificate", or an
   * "ext:" extension.
   */
  properties[PROP_ACHIEVEMENT_TYPE] =
    g_param_spec_string ("achievement-type", NULL, NULL, ROSETTE_ACHIEVEMENT_DEFAULT_TYPE, rw);

  /**
   * RosetteAchievement:tags:
   *
   * Keywords; by default the tier name, the family kind and the family name.
   */
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_achievement_init (RosetteAchievement *self)
{
  self->achievement_type = g_strdup (ROSETTE_ACHIEVEMENT_DEFAULT_TYPE);
}

/**
 * rosette_achievement_new_for_tier:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @issuer_id: the issuer profile's stable id (rosette_issuer_get_id())
 * @publish_base: (nullable): the issuer's https publish base, ending in "/"
 *
 * Makes the achievement for @tier with default name, description and tags.
 * The criteria narrative starts empty: the caller must set it.
 *
 * Returns: (transfer full): a new #RosetteAchievement
 */
RosetteAchievement *
rosette_achievement_new_for_tier (RosetteFamily *family,
                                  RosetteTier   *tier,
                                  const char    *issuer_id,
                                  const char    *publish_base)
{
  RosetteAchievement *self;
  g_autofree char *family_slug = NULL;
  g_autofree char *tier_slug = NULL;
  g_autofree char *seed = NULL;
  g_autoptr(GStrvBuilder) levels = g_strv_builder_new ();
  const char *tags[4] = { NULL, };
  guint n_tiers;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);
  g_return_val_if_fail (issuer_id != NULL, NULL);

  self = g_object_new (ROSETTE_TYPE_ACHIEVEMENT, NULL);
  family_slug = rosette_family_dup_slug (family);
  tier_slug = rosette_tier_dup_slug (tier);
  self->family_name = g_strdup (rosette_family_get_name (family));
  self->tier_name = g_strdup (rosette_tier_get_name (tier));

  n_tiers = rosette_family_get_n_tiers (family);
  for (guint i = 0; i < n_tiers; i++)
    {
      RosetteTier *other = rosette_family_get_tier (family, i);

      if (other == tier || g_strcmp0 (rosette_tier_get_name (other), self->tier_name) == 0)
        self->tier_rank = i;
      g_strv_builder_add (levels, rosette_tier_get_name (other));
    }
  self->tier_levels = g_strv_builder_end (levels);

  seed = g_strdup_printf ("%s/%s/%s", issuer_id, family_slug, tier_slug);
  if (publish_base != NULL && g_str_has_prefix (publish_base, "https://"))
    {
      const char *slash = g_str_has_suffix (publish_base, "/") ? "" : "/";

      self->id = g_strdup_printf ("%s%sachievements/%s/%s.json", publish_base, slash,
                                  family_slug, tier_slug);
      self->badge_class_id = g_strdup_printf ("%s%sbadges/%s/%s.json", publish_base, slash,
                                              family_slug, tier_slug);
      /* The tier's section of the criteria page the publisher writes
       * (rosette-public-pages.c); a criteria URL set on the family wins. */
      self->criteria_url = g_strdup_printf ("%s%scriteria/%s.html#%s", publish_base, slash,
                                            family_slug, tier_slug);
    }
  else
    {
      self->id = name_based_uuid (seed);
      self->badge_class_id = g_strdup (self->id);
    }
  /* One ResultDescription per family: every tier shares the levels. */
  {
    g_autofree char *levels_seed = g_strdup_printf ("%s/%s#tier-levels", issuer_id, family_slug);

    self->result_description_id = name_based_uuid (levels_seed);
  }

  /* Translators: the name of a badge tier: "<family> — <tier>", e.g. "Data Privacy — Gold" */
  self->name = g_strdup_printf (_("%s — %s"), self->family_name, self->tier_name);
  /* Translators: default description of a badge tier, e.g.
   * "The Gold level (3 of 4) of the Data Privacy badge." */
  self->description = g_strdup_printf (_("The %s level (%u of %u) of the %s badge."),
                                       self->tier_name, self->tier_rank + 1, MAX (n_tiers, 1),
                                       self->family_name);

  tags[0] = self->tier_name;
  tags[1] = rosette_badge_kind_to_string (rosette_family_get_kind (family));
  tags[2] = self->family_name;
  self->tags = g_strdupv ((char **) tags);

  return self;
}

const char *
rosette_achievement_get_id (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->id;
}

/**
 * rosette_achievement_get_result_description_id:
 *
 * Returns: the id of the ResultDescription that lists the family's tiers
 */
const char *
rosette_achievement_get_result_description_id (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->result_description_id;
}

/**
 * rosette_achievement_get_badge_class_id:
 *
 * Returns: the id of the OB 2.0 BadgeClass: an https URL to publish it at,
 *   or the achievement's urn:uuid when the issuer has no publish base
 */
const char *
rosette_achievement_get_badge_class_id (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->badge_class_id;
}

const char *
rosette_achievement_get_name (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->name;
}

void
rosette_achievement_set_name (RosetteAchievement *self,
                              const char         *name)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  if (rosette_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rosette_achievement_get_description (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->description;
}

void
rosette_achievement_set_description (RosetteAchievement *self,
                                     const char         *description)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  if (rosette_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
rosette_achievement_get_criteria (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->criteria;
}

void
rosette_achievement_set_criteria (RosetteAchievement *self,
                                  const char         *narrative)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  if (rosette_set_str (&self->criteria, narrative))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRITERIA]);
}

const char *
rosette_achievement_get_criteria_url (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->criteria_url;
}

void
rosette_achievement_set_criteria_url (RosetteAchievement *self,
                                      const char         *url)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  if (rosette_set_str (&self->criteria_url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRITERIA_URL]);
}

const char *
rosette_achievement_get_image (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->image;
}

void
rosette_achievement_set_image (RosetteAchievement *self,
                               const char         *image)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  if (rosette_set_str (&self->image, image))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE]);
}

/**
 * rosette_achievement_set_image_png:
 * @png: the encoded PNG of the unbaked badge
 *
 * Sets the image to a data:image/png;base64 URI of @png. Keep it small
 * (128 px is plenty): it is copied into every credential.
 */
void
rosette_achievement_set_image_png (RosetteAchievement *self,
                                   GBytes             *png)
{
  g_autofree char *base64 = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));
  g_return_if_fail (png != NULL);

  base64 = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  uri = g_strconcat ("data:image/png;base64,", base64, NULL);
  rosette_achievement_set_image (self, uri);
}

const char *
rosette_achievement_get_achievement_type (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->achievement_type;
}

/**
 * rosette_achievement_set_achievement_type:
 * @type: (nullable): an OB 3.0 AchievementType or "ext:Name"; %NULL for "Badge"
 *
 * Returns: %TRUE if @type is in the vocabulary, else %ROSETTE_ERROR_INVALID
 *   and nothing changes
 */
gboolean
rosette_achievement_set_achievement_type (RosetteAchievement  *self,
                                          const char          *type,
                                          GError             **error)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), FALSE);

  if (type == NULL)
    type = ROSETTE_ACHIEVEMENT_DEFAULT_TYPE;

  if (!rosette_achievement_type_is_valid (type))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not an Open Badges achievement type (such as Badge, Certificate "
                     "or Competency; extensions start with “ext:”)"), type);
      return FALSE;
    }

  if (rosette_set_str (&self->achievement_type, type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACHIEVEMENT_TYPE]);

  return TRUE;
}

const char * const *
rosette_achievement_get_tags (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return (const char * const *) self->tags;
}

void
rosette_achievement_set_tags (RosetteAchievement *self,
                              const char * const *tags)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  if (self->tags != NULL && tags != NULL && g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * rosette_achievement_set_alignment:
 * @target_name: (nullable): the skill or standard, e.g. "GDPR Article 39";
 *   %NULL removes the alignment
 * @target_url: (nullable): its URL (required with a name)
 * @target_framework: (nullable): the framework's name, e.g. "ESCO"
 * @target_code: (nullable): the entry's code in the framework
 *
 * Aligns the achievement to one entry of a skill framework.
 */
void
rosette_achievement_set_alignment (RosetteAchievement *self,
                                   const char         *target_name,
                                   const char         *target_url,
                                   const char         *target_framework,
                                   const char         *target_code)
{
  g_return_if_fail (ROSETTE_IS_ACHIEVEMENT (self));

  rosette_set_str (&self->alignment_name, target_name);
  rosette_set_str (&self->alignment_url, target_name != NULL ? target_url : NULL);
  rosette_set_str (&self->alignment_framework, target_name != NULL ? target_framework : NULL);
  rosette_set_str (&self->alignment_code, target_name != NULL ? target_code : NULL);
}

const char *
rosette_achievement_get_family_name (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->family_name;
}

const char *
rosette_achievement_get_tier_name (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return self->tier_name;
}

/**
 * rosette_achievement_get_tier_rank:
 *
 * Returns: the tier's position in its family, 0 for the lowest
 */
guint
rosette_achievement_get_tier_rank (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), 0);

  return self->tier_rank;
}

/**
 * rosette_achievement_get_tier_levels:
 *
 * Returns: (transfer none): the family's tier names, lowest first
 */
const char * const *
rosette_achievement_get_tier_levels (RosetteAchievement *self)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  return (const char * const *) self->tier_levels;
}

static gboolean
check_url (const char  *url,
           const char  *what,
           gboolean     allow_data,
           GError     **error)
{
  if (url == NULL)
    return TRUE;

  if (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")
      || (allow_data && g_str_has_prefix (url, "data:")))
    return TRUE;

  /* Translators: the first %s names a field, such as "criteria URL" */
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("The %s “%.60s” is not an http(s) address"), what, url);
  return FALSE;
}

/**
 * rosette_achievement_validate:
 *
 * Checks what both Open Badges versions require: a name, a description and
 * a criteria narrative, and well-formed URLs.
 *
 * Returns: %TRUE if credentials can be built, else %ROSETTE_ERROR_INVALID
 *   with a message that says what to fill in
 */
gboolean
rosette_achievement_validate (RosetteAchievement  *self,
                              GError             **error)
{
  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), FALSE);

  if (is_blank (self->name))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("The badge has no name"));
      return FALSE;
    }
  if (is_blank (self->description)
      || g_utf8_strlen (self->description, -1) > ROSETTE_ACHIEVEMENT_MAX_DESCRIPTION_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Describe “%s” in at most %d characters"), self->name,
                   ROSETTE_ACHIEVEMENT_MAX_DESCRIPTION_LENGTH);
      return FALSE;
    }
  if (is_blank (self->criteria))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Write the criteria for “%s”: what must someone do to earn it? "
                     "Open Badges requires them, and they are shown to anyone who checks "
                     "the badge"),
                   self->name);
      return FALSE;
    }
  if (g_utf8_strlen (self->criteria, -1) > ROSETTE_ACHIEVEMENT_MAX_CRITERIA_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The criteria are longer than %d characters"),
                   ROSETTE_ACHIEVEMENT_MAX_CRITERIA_LENGTH);
      return FALSE;
    }
  if (self->tags != NULL && g_strv_length (self->tags) > ROSETTE_ACHIEVEMENT_MAX_TAGS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("A badge can have at most %d tags"), ROSETTE_ACHIEVEMENT_MAX_TAGS);
      return FALSE;
    }
  if (self->alignment_name != NULL && is_blank (self->alignment_url))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The alignment “%s” needs the URL of the framework entry"),
                   self->alignment_name);
      return FALSE;
    }

  return check_url (self->criteria_url, _("criteria URL"), FALSE, error)
         && check_url (self->image, _("badge image"), TRUE, error)
         && check_url (self->alignment_url, _("alignment URL"), FALSE, error);
}

static void
add_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, name, value);
}

static JsonArray *
string_array (const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (*values[i] != '\0')
      json_array_add_string_element (array, values[i]);

  return array;
}

/* Adds name: [values] unless there are none (OB 3.0 §JSON: no empty arrays). */
static void
add_strings (JsonObject         *object,
             const char         *name,
             const char * const *values)
{
  JsonArray *array = string_array (values);

  if (json_array_get_length (array) > 0)
    json_object_set_array_member (object, name, array);
  else
    json_array_unref (array);
}

static JsonObject *
build_alignment (RosetteAchievement *self,
                 gboolean            ob3)
{
  JsonObject *alignment = json_object_new ();

  if (ob3)
    add_strings (alignment, "type", (const char *[]) { "Alignment", NULL });
  add_string (alignment, "targetName", self->alignment_name);
  add_string (alignment, "targetUrl", self->alignment_url);
  add_string (alignment, "targetFramework", self->alignment_framework);
  add_string (alignment, "targetCode", self->alignment_code);

  return alignment;
}

static void
add_alignment (RosetteAchievement *self,
               JsonObject         *object,
               gboolean            ob3)
{
  JsonArray *array;

  if (self->alignment_name == NULL)
    return;

  array = json_array_new ();
  json_array_add_object_element (array, build_alignment (self, ob3));
  json_object_set_array_member (object, "alignment", array);
}

static JsonObject *
build_criteria (RosetteAchievement *self)
{
  JsonObject *criteria = json_object_new ();

  add_string (criteria, "id", self->criteria_url);
  add_string (criteria, "narrative", self->criteria);

  return criteria;
}

/**
 * rosette_achievement_build_ob3:
 *
 * Returns: (transfer full): the OB 3.0 Achievement object, or %NULL with
 *   the error of rosette_achievement_validate()
 */
JsonNode *
rosette_achievement_build_ob3 (RosetteAchievement  *self,
                               GError             **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *levels;
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  if (!rosette_achievement_validate (self, error))
    return NULL;

  add_string (object, "id", self->id);
  add_strings (object, "type", (const char *[]) { "Achievement", NULL });
  add_string (object, "achievementType", self->achievement_type);
  add_string (object, "name", self->name);
  add_string (object, "description", self->description);
  json_object_set_object_member (object, "criteria", build_criteria (self));
  if (self->image != NULL)
    {
      JsonObject *image = json_object_new ();

      add_string (image, "id", self->image);
      add_string (image, "type", "Image");
      add_string (image, "caption", self->name);
      json_object_set_object_member (object, "image", image);
    }
  add_strings (object, "tag", (const char * const *) self->tags);
  add_alignment (self, object, TRUE);

  /* The tier as data: the family's levels, and this tier as the one required. */
  levels = json_object_new ();
  add_string (levels, "id", self->result_description_id);
  add_strings (levels, "type", (const char *[]) { "ResultDescription", NULL });
  /* Translators: the name of the result that holds a badge's tier */
  add_string (levels, "name", _("Tier"));
  add_string (levels, "resultType", "PerformanceLevel");
  add_strings (levels, "allowedValue", (const char * const *) self->tier_levels);
  add_string (levels, "requiredValue", self->tier_name);
  array = json_array_new ();
  json_array_add_object_element (array, levels);
  json_object_set_array_member (object, "resultDescription", array);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/**
 * rosette_achievement_build_result:
 *
 * Returns: (transfer full): the OB 3.0 Result a credential's subject
 *   carries: this tier as the value of the tier ResultDescription
 */
JsonNode *
rosette_achievement_build_result (RosetteAchievement *self)
{
  g_autoptr(JsonObject) result = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);

  add_strings (result, "type", (const char *[]) { "Result", NULL });
  add_string (result, "resultDescription", self->result_description_id);
  add_string (result, "value", self->tier_name);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, result);
  return node;
}

/**
 * rosette_achievement_build_badge_class:
 * @issuer_profile_url: the https id of the OB 2.0 issuer Profile
 *
 * Returns: (transfer full): the OB 2.0 BadgeClass (with its @context, so
 *   it can be published as is or embedded), or %NULL with an error; OB 2.0
 *   requires an image
 */
JsonNode *
rosette_achievement_build_badge_class (RosetteAchievement  *self,
                                       const char          *issuer_profile_url,
                                       GError             **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (ROSETTE_IS_ACHIEVEMENT (self), NULL);
  g_return_val_if_fail (issuer_profile_url != NULL, NULL);

  if (!rosette_achievement_validate (self, error))
    return NULL;
  if (self->image == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("An Open Badges 2.0 badge needs an image"));
      return NULL;
    }

  add_string (object, "@context", "https://w3id.org/openbadges/v2");
  add_string (object, "type", "BadgeClass");
  add_string (object, "id", self->badge_class_id);
  add_string (object, "name", self->name);
  add_string (object, "description", self->description);
  add_string (object, "image", self->image);
  json_object_set_object_member (object, "criteria", build_criteria (self));
  add_string (object, "issuer", issuer_profile_url);
  add_strings (object, "tags", (const char * const *) self->tags);
  add_alignment (self, object, FALSE);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/**
 * rosette_achievement_list_types:
 *
 * Returns: (transfer none): the OB 3.0 AchievementType vocabulary
 */
const char * const *
rosette_achievement_list_types (void)
{
  return achievement_types;
}

gboolean
rosette_achievement_type_is_valid (const char *type)
{
  if (type == NULL)
    return FALSE;

  /* Extensions: "ext:" then letters, digits, '.', '-', '_' (the schema's pattern). */
  if (g_str_has_prefix (type, "ext:"))
    {
      const char *p = type + 4;

      if (*p == '\0')
        return FALSE;
      for (; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("._-", *p) == NULL)
          return FALSE;
      return TRUE;
    }

  return g_strv_contains (achievement_types, type);
}
