/* rosette-family-achievement.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The family's achievement data: what every credential issued from the
 * family says the badge is for (description, criteria narrative, OB 3.0
 * achievementType, tags, an alignment to a skill framework and a criteria
 * page). It lives in the family document under "achievement"; documents
 * without that block (written before it existed) get the defaults below,
 * so the format version stays 2. A tier may override the criteria.
 *
 * Criteria are required by Open Badges; templates therefore start with a
 * plain default per kind, so issuing works at once while the app invites
 * HR to write the real ones.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-achievement.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-model-private.h"

static GParamSpec **family_properties;

/* Markdown is allowed, so newlines and tabs are; other control
 * characters are not. */
gboolean
_rosette_multiline_is_valid (const char *text,
                             guint       max_chars)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  if ((guint) g_utf8_strlen (text, -1) > max_chars)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\r' && c != '\t' && g_unichar_type (c) == G_UNICODE_CONTROL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
url_is_valid (const char *url)
{
  if (url == NULL)
    return FALSE;
  if (*url == '\0')
    return TRUE;

  return strlen (url) <= ROSETTE_FAMILY_MAX_URL_LENGTH &&
         _rosette_text_is_valid (url, ROSETTE_FAMILY_MAX_URL_LENGTH, FALSE) &&
         strchr (url, ' ') == NULL &&
         ((g_str_has_prefix (url, "https://") && url[strlen ("https://")] != '\0') ||
          (g_str_has_prefix (url, "http://") && url[strlen ("http://")] != '\0'));
}

static gboolean
type_is_valid (const char *type)
{
  return type != NULL && rosette_achievement_type_is_valid (type);
}

static gboolean
tags_are_valid (const char * const *tags)
{
  guint n = 0;

  for (; tags != NULL && tags[n] != NULL; n++)
    {
      if (!_rosette_text_is_valid (tags[n], ROSETTE_FAMILY_MAX_TAG_LENGTH, FALSE) ||
          strchr (tags[n], ',') != NULL)
        return FALSE;
    }

  return n <= ROSETTE_FAMILY_MAX_TAGS;
}

/**
 * rosette_family_check_achievement_text:
 * @key: "description", "criteria", "criteria-url", "achievement-type",
 *   "tag", "alignment.name", "alignment.url", "alignment.framework" or
 *   "alignment.code"
 * @value: the text a person typed
 * @error: return location for a #GError
 *
 * Checks one field of the achievement data, with a message a person can
 * act on (%ROSETTE_ERROR_INVALID or %ROSETTE_ERROR_TOO_LARGE).
 *
 * Returns: %TRUE if the setter for @key accepts @value
 */
gboolean
rosette_family_check_achievement_text (const char  *key,
                                       const char  *value,
                                       GError     **error)
{
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not valid UTF-8 text"), key);
      return FALSE;
    }

  if (g_str_equal (key, "description") || g_str_equal (key, "criteria"))
    {
      guint max = g_str_equal (key, "criteria") ? ROSETTE_FAMILY_MAX_CRITERIA_LENGTH
                                                : ROSETTE_FAMILY_MAX_DESCRIPTION_LENGTH;

      if ((guint) g_utf8_strlen (value, -1) > max)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                       _("“%s” is %ld characters long; the longest allowed is %u"),
                       key, g_utf8_strlen (value, -1), max);
          return FALSE;
        }
      if (!_rosette_multiline_is_valid (value, max))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” contains a control character"), key);
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (key, "criteria-url") || g_str_equal (key, "alignment.url"))
    {
      if (url_is_valid (value))
        return TRUE;

      {
        g_autofree char *excerpt = _rosette_quote_excerpt (value);

        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                     _("“%s” must be an http or https address, or empty; found “%s”"),
                     key, excerpt);
      }
      return FALSE;
    }

  if (g_str_equal (key, "achievement-type"))
    {
      if (type_is_valid (value))
        return TRUE;

      {
        g_autofree char *excerpt = _rosette_quote_excerpt (value);

        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                     _("“%s” must be an Open Badges achievement type such as Badge, "
                       "Certificate, Competency or Course, or “ext:” and a name; found “%s”"),
                     key, excerpt);
      }
      return FALSE;
    }

  if (g_str_equal (key, "tag"))
    {
      if (strchr (value, ',') != NULL)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("A tag cannot contain a comma"));
          return FALSE;
        }
      return _rosette_check_text (key, value, ROSETTE_FAMILY_MAX_TAG_LENGTH, FALSE, error);
    }

  return _rosette_check_text (key, value, ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH, TRUE, error);
}

/* The criteria a new family of @kind starts with, naming the family. */
static char *
default_criteria (RosetteBadgeKind  kind,
                  const char       *name)
{
  switch (kind)
    {
    case ROSETTE_BADGE_KIND_COMPLIANCE:
      /* Translators: default badge criteria; %s is the family name, e.g. "Data Privacy" */
      return g_strdup_printf (_("Completed the %s training and passed its assessment."), name);
    case ROSETTE_BADGE_KIND_LEADERSHIP:
      return g_strdup_printf (_("Completed the %s programme and applied its practices "
                                "with a team, as confirmed by their manager."), name);
    case ROSETTE_BADGE_KIND_TECHNICAL:
      return g_strdup_printf (_("Completed the %s course and passed its practical assessment."),
                              name);
    case ROSETTE_BADGE_KIND_ONBOARDING:
      return g_strdup_printf (_("Completed the %s onboarding programme."), name);
    case ROSETTE_BADGE_KIND_RECOGNITION:
      return g_strdup_printf (_("Recognised by colleagues for %s: nominated with examples "
                                "and approved by a manager."), name);
    case ROSETTE_BADGE_KIND_SERVICE:
      return g_strdup_printf (_("Reached the %s milestone with the organisation."), name);
    default:
      return g_strdup_printf (_("Earned the %s badge."), name);
    }
}

/**
 * rosette_family_dup_default_criteria:
 *
 * Returns: (transfer full): the criteria a template of this family's kind
 *   and name starts with
 */
char *
rosette_family_dup_default_criteria (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return default_criteria (self->kind, self->name);
}

/* Gives the family its kind's default criteria (templates, and documents
 * written before the achievement block existed). */
void
_rosette_family_reset_criteria (RosetteFamily *self)
{
  g_autofree char *criteria = default_criteria (self->kind, self->name);

  rosette_family_set_criteria (self, criteria);
}

void
_rosette_family_init_achievement (RosetteFamily *self)
{
  self->description = g_strdup ("");
  self->criteria = g_strdup ("");
  self->criteria_url = g_strdup ("");
  self->achievement_type = g_strdup (ROSETTE_ACHIEVEMENT_DEFAULT_TYPE);
  self->tags = g_new0 (char *, 1);
  self->alignment_name = g_strdup ("");
  self->alignment_url = g_strdup ("");
  self->alignment_framework = g_strdup ("");
  self->alignment_code = g_strdup ("");
}

void
_rosette_family_finalize_achievement (RosetteFamily *self)
{
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->criteria_url, g_free);
  g_clear_pointer (&self->achievement_type, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->alignment_name, g_free);
  g_clear_pointer (&self->alignment_url, g_free);
  g_clear_pointer (&self->alignment_framework, g_free);
  g_clear_pointer (&self->alignment_code, g_free);
}

void
_rosette_family_install_achievement_properties (GObjectClass  *object_class,
                                                GParamSpec   **properties)
{
  const GParamFlags rw = (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  family_properties = properties;

  /**
   * RosetteFamily:description:
   *
   * What the badge is, for credentials; "" uses a description generated
   * from the family and tier names. At most
   * %ROSETTE_FAMILY_MAX_DESCRIPTION_LENGTH characters.
   */
  properties[FAMILY_PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", rw);

  /**
   * RosetteFamily:criteria:
   *
   * What someone must do to earn the badge (Markdown), at most
   * %ROSETTE_FAMILY_MAX_CRITERIA_LENGTH characters. Open Badges requires
   * it: a family with "" criteria cannot issue.
   */
  properties[FAMILY_PROP_CRITERIA] =
    g_param_spec_string ("criteria", NULL, NULL, "", rw);

  /**
   * RosetteFamily:criteria-url:
   *
   * A page that explains the criteria (http or https), or "".
   */
  properties[FAMILY_PROP_CRITERIA_URL] =
    g_param_spec_string ("criteria-url", NULL, NULL, "", rw);

  /**
   * RosetteFamily:achievement-type:
   *
   * The OB 3.0 achievementType, such as "Badge" (the default) or
   * "Certificate", or an "ext:" extension.
   */
  properties[FAMILY_PROP_ACHIEVEMENT_TYPE] =
    g_param_spec_string ("achievement-type", NULL, NULL, ROSETTE_ACHIEVEMENT_DEFAULT_TYPE, rw);

  /**
   * RosetteFamily:tags:
   *
   * Up to %ROSETTE_FAMILY_MAX_TAGS keywords added to every tier's tags.
   */
  properties[FAMILY_PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * RosetteFamily:alignment-name:
   *
   * The skill or standard the badge aligns to, or "" for none.
   */
  properties[FAMILY_PROP_ALIGNMENT_NAME] =
    g_param_spec_string ("alignment-name", NULL, NULL, "", rw);

  /**
   * RosetteFamily:alignment-url:
   *
   * The URL of the framework entry (required with a name).
   */
  properties[FAMILY_PROP_ALIGNMENT_URL] =
    g_param_spec_string ("alignment-url", NULL, NULL, "", rw);

  /**
   * RosetteFamily:alignment-framework:
   *
   * The framework's name, such as "ESCO", or "".
   */
  properties[FAMILY_PROP_ALIGNMENT_FRAMEWORK] =
    g_param_spec_string ("alignment-framework", NULL, NULL, "", rw);

  /**
   * RosetteFamily:alignment-code:
   *
   * The entry's code in the framework, or "".
   */
  properties[FAMILY_PROP_ALIGNMENT_CODE] =
    g_param_spec_string ("alignment-code", NULL, NULL, "", rw);
}

gboolean
_rosette_family_get_achievement_property (RosetteFamily *self,
                                          guint          prop_id,
                                          GValue        *value)
{
  switch (prop_id)
    {
    case FAMILY_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      return TRUE;
    case FAMILY_PROP_CRITERIA:
      g_value_set_string (value, self->criteria);
      return TRUE;
    case FAMILY_PROP_CRITERIA_URL:
      g_value_set_string (value, self->criteria_url);
      return TRUE;
    case FAMILY_PROP_ACHIEVEMENT_TYPE:
      g_value_set_string (value, self->achievement_type);
      return TRUE;
    case FAMILY_PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      return TRUE;
    case FAMILY_PROP_ALIGNMENT_NAME:
      g_value_set_string (value, self->alignment_name);
      return TRUE;
    case FAMILY_PROP_ALIGNMENT_URL:
      g_value_set_string (value, self->alignment_url);
      return TRUE;
    case FAMILY_PROP_ALIGNMENT_FRAMEWORK:
      g_value_set_string (value, self->alignment_framework);
      return TRUE;
    case FAMILY_PROP_ALIGNMENT_CODE:
      g_value_set_string (value, self->alignment_code);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_rosette_family_set_achievement_property (RosetteFamily *self,
                                          guint          prop_id,
                                          const GValue  *value)
{
  switch (prop_id)
    {
    case FAMILY_PROP_DESCRIPTION:
      rosette_family_set_description (self, g_value_get_string (value));
      return TRUE;
    case FAMILY_PROP_CRITERIA:
      rosette_family_set_criteria (self, g_value_get_string (value));
      return TRUE;
    case FAMILY_PROP_CRITERIA_URL:
      rosette_family_set_criteria_url (self, g_value_get_string (value));
      return TRUE;
    case FAMILY_PROP_ACHIEVEMENT_TYPE:
      rosette_family_set_achievement_type (self, g_value_get_string (value));
      return TRUE;
    case FAMILY_PROP_TAGS:
      rosette_family_set_tags (self, g_value_get_boxed (value));
      return TRUE;
    case FAMILY_PROP_ALIGNMENT_NAME:
    case FAMILY_PROP_ALIGNMENT_URL:
    case FAMILY_PROP_ALIGNMENT_FRAMEWORK:
    case FAMILY_PROP_ALIGNMENT_CODE:
      {
        const char *v = g_value_get_string (value);

        rosette_family_set_alignment (self,
                                      prop_id == FAMILY_PROP_ALIGNMENT_NAME ? v : self->alignment_name,
                                      prop_id == FAMILY_PROP_ALIGNMENT_URL ? v : self->alignment_url,
                                      prop_id == FAMILY_PROP_ALIGNMENT_FRAMEWORK ? v
                                                                                 : self->alignment_framework,
                                      prop_id == FAMILY_PROP_ALIGNMENT_CODE ? v : self->alignment_code);
      }
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
rosette_family_get_description (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->description;
}

/**
 * rosette_family_set_description:
 * @description: at most %ROSETTE_FAMILY_MAX_DESCRIPTION_LENGTH characters
 *   (newlines allowed), or "" for the generated description
 */
void
rosette_family_set_description (RosetteFamily *self,
                                const char    *description)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_multiline_is_valid (description, ROSETTE_FAMILY_MAX_DESCRIPTION_LENGTH));

  _rosette_family_set_string (self, &self->description, description, FAMILY_PROP_DESCRIPTION);
}

const char *
rosette_family_get_criteria (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->criteria;
}

/**
 * rosette_family_set_criteria:
 * @criteria: Markdown, at most %ROSETTE_FAMILY_MAX_CRITERIA_LENGTH
 *   characters; "" leaves the family unable to issue until it is written
 */
void
rosette_family_set_criteria (RosetteFamily *self,
                             const char    *criteria)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_multiline_is_valid (criteria, ROSETTE_FAMILY_MAX_CRITERIA_LENGTH));

  _rosette_family_set_string (self, &self->criteria, criteria, FAMILY_PROP_CRITERIA);
}

const char *
rosette_family_get_criteria_url (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->criteria_url;
}

/**
 * rosette_family_set_criteria_url:
 * @url: an http or https URL, or ""
 */
void
rosette_family_set_criteria_url (RosetteFamily *self,
                                 const char    *url)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (url_is_valid (url));

  _rosette_family_set_string (self, &self->criteria_url, url, FAMILY_PROP_CRITERIA_URL);
}

const char *
rosette_family_get_achievement_type (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return self->achievement_type;
}

/**
 * rosette_family_set_achievement_type:
 * @type: one of rosette_achievement_list_types(), or "ext:" and a name
 */
void
rosette_family_set_achievement_type (RosetteFamily *self,
                                     const char    *type)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (type_is_valid (type));

  _rosette_family_set_string (self, &self->achievement_type, type,
                              FAMILY_PROP_ACHIEVEMENT_TYPE);
}

/**
 * rosette_family_get_tags:
 *
 * Returns: (transfer none): the family's own tags (possibly none)
 */
const char * const *
rosette_family_get_tags (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * rosette_family_set_tags:
 * @tags: (nullable): up to %ROSETTE_FAMILY_MAX_TAGS non-empty tags of at
 *   most %ROSETTE_FAMILY_MAX_TAG_LENGTH characters, without commas
 */
void
rosette_family_set_tags (RosetteFamily      *self,
                         const char * const *tags)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (tags_are_valid (tags));

  if (tags == NULL)
    tags = none;
  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), family_properties[FAMILY_PROP_TAGS]);
}

/**
 * rosette_family_get_alignment:
 * @name: (out) (optional): the skill or standard, or ""
 * @url: (out) (optional): the framework entry's URL, or ""
 * @framework: (out) (optional): the framework's name, or ""
 * @code: (out) (optional): the entry's code, or ""
 */
void
rosette_family_get_alignment (RosetteFamily  *self,
                              const char    **name,
                              const char    **url,
                              const char    **framework,
                              const char    **code)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));

  if (name != NULL)
    *name = self->alignment_name;
  if (url != NULL)
    *url = self->alignment_url;
  if (framework != NULL)
    *framework = self->alignment_framework;
  if (code != NULL)
    *code = self->alignment_code;
}

/**
 * rosette_family_set_alignment:
 * @name: the skill or standard, or "" for no alignment
 * @url: an http(s) URL or ""
 * @framework: at most %ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH characters
 * @code: at most %ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH characters
 *
 * Sets the four fields at once (each notifies on its own). Whether a
 * name comes with a URL is checked when issuing, so the fields can be
 * typed in any order.
 */
void
rosette_family_set_alignment (RosetteFamily *self,
                              const char    *name,
                              const char    *url,
                              const char    *framework,
                              const char    *code)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (self));
  g_return_if_fail (_rosette_text_is_valid (name, ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH, TRUE));
  g_return_if_fail (url_is_valid (url));
  g_return_if_fail (_rosette_text_is_valid (framework, ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH, TRUE));
  g_return_if_fail (_rosette_text_is_valid (code, ROSETTE_FAMILY_MAX_ALIGNMENT_LENGTH, TRUE));

  g_object_freeze_notify (G_OBJECT (self));
  _rosette_family_set_string (self, &self->alignment_name, name, FAMILY_PROP_ALIGNMENT_NAME);
  _rosette_family_set_string (self, &self->alignment_url, url, FAMILY_PROP_ALIGNMENT_URL);
  _rosette_family_set_string (self, &self->alignment_framework, framework,
                              FAMILY_PROP_ALIGNMENT_FRAMEWORK);
  _rosette_family_set_string (self, &self->alignment_code, code, FAMILY_PROP_ALIGNMENT_CODE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rosette_family_get_tier_criteria:
 * @tier: one of the family's tiers
 *
 * Returns: the tier's own criteria, or the family's when it has none
 */
const char *
rosette_family_get_tier_criteria (RosetteFamily *self,
                                  RosetteTier   *tier)
{
  const char *own;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);

  own = rosette_tier_get_criteria (tier);

  return *own != '\0' ? own : self->criteria;
}

void
_rosette_family_copy_achievement (RosetteFamily *self,
                                  RosetteFamily *source)
{
  rosette_family_set_description (self, source->description);
  rosette_family_set_criteria (self, source->criteria);
  rosette_family_set_criteria_url (self, source->criteria_url);
  rosette_family_set_achievement_type (self, source->achievement_type);
  rosette_family_set_tags (self, (const char * const *) source->tags);
  rosette_family_set_alignment (self, source->alignment_name, source->alignment_url,
                                source->alignment_framework, source->alignment_code);
}

/* The document: "achievement": { "description", "criteria", "type",
 * "tags", "criteria-url", "alignment": { "name", "url", "framework",
 * "code" } }, every member optional. */

static gboolean
read_text (JsonObject  *object,
           const char  *member,
           const char  *key,
           const char **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("“%s” must be text"), member);
      return FALSE;
    }

  *out = json_node_get_string (node);

  return rosette_family_check_achievement_text (key, *out, error);
}

static gboolean
read_tags (RosetteFamily  *self,
           JsonObject     *object,
           GError        **error)
{
  JsonNode *node = json_object_get_member (object, "tags");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be a list"), "tags");
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > ROSETTE_FAMILY_MAX_TAGS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("“%s” may hold at most %d tags; found %u"), "tags",
                   ROSETTE_FAMILY_MAX_TAGS, n);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” must be a list of text"), "tags");
          return FALSE;
        }
      if (!rosette_family_check_achievement_text ("tag", json_node_get_string (element), error))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  tags = g_strv_builder_end (builder);
  rosette_family_set_tags (self, (const char * const *) tags);

  return TRUE;
}

static gboolean
read_alignment (RosetteFamily  *self,
                JsonObject     *object,
                GError        **error)
{
  JsonNode *node = json_object_get_member (object, "alignment");
  static const char * const members[] = { "name", "url", "framework", "code" };
  const char *values[G_N_ELEMENTS (members)];
  JsonObject *alignment;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be an object"), "alignment");
      return FALSE;
    }

  alignment = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *key = g_strconcat ("alignment.", members[i], NULL);

      if (!read_text (alignment, members[i], key, &values[i], error))
        return FALSE;
      if (values[i] == NULL)
        values[i] = "";
    }

  rosette_family_set_alignment (self, values[0], values[1], values[2], values[3]);

  return TRUE;
}

/*
 * _rosette_family_read_achievement:
 * @object: the document's root object
 *
 * Reads the "achievement" block into @self; a missing block or member
 * keeps what @self has (the loader gave it the defaults first).
 */
gboolean
_rosette_family_read_achievement (RosetteFamily  *self,
                                  JsonObject     *object,
                                  GError        **error)
{
  JsonNode *node = json_object_get_member (object, "achievement");
  JsonObject *block;
  const char *value;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must be an object"), "achievement");
      return FALSE;
    }

  block = json_node_get_object (node);

  if (!read_text (block, "description", "description", &value, error))
    goto failed;
  if (value != NULL)
    rosette_family_set_description (self, value);

  if (!read_text (block, "criteria", "criteria", &value, error))
    goto failed;
  if (value != NULL)
    rosette_family_set_criteria (self, value);

  if (!read_text (block, "criteria-url", "criteria-url", &value, error))
    goto failed;
  if (value != NULL)
    rosette_family_set_criteria_url (self, value);

  if (!read_text (block, "type", "achievement-type", &value, error))
    goto failed;
  if (value != NULL)
    rosette_family_set_achievement_type (self, value);

  if (!read_tags (self, block, error) || !read_alignment (self, block, error))
    goto failed;

  return TRUE;

failed:
  g_prefix_error (error, _("In “%s”: "), "achievement");
  return FALSE;
}

static void
add_member (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static gboolean
achievement_is_default (RosetteFamily *self)
{
  g_autofree char *criteria = default_criteria (self->kind, self->name);

  return *self->description == '\0' &&
         g_str_equal (self->criteria, criteria) &&
         *self->criteria_url == '\0' &&
         g_str_equal (self->achievement_type, ROSETTE_ACHIEVEMENT_DEFAULT_TYPE) &&
         self->tags[0] == NULL &&
         *self->alignment_name == '\0' && *self->alignment_url == '\0' &&
         *self->alignment_framework == '\0' && *self->alignment_code == '\0';
}

/* A block that only holds the defaults is left out: it reads back the
 * same, and documents written before the block existed stay byte for
 * byte as they were. */
void
_rosette_family_write_achievement (RosetteFamily *self,
                                   JsonBuilder   *builder)
{
  if (achievement_is_default (self))
    return;

  json_builder_set_member_name (builder, "achievement");
  json_builder_begin_object (builder);
  add_member (builder, "description", self->description);
  add_member (builder, "criteria", self->criteria);
  add_member (builder, "criteria-url", self->criteria_url);
  add_member (builder, "type", self->achievement_type);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; self->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, self->tags[i]);
  json_builder_end_array (builder);

  if (*self->alignment_name != '\0' || *self->alignment_url != '\0' ||
      *self->alignment_framework != '\0' || *self->alignment_code != '\0')
    {
      json_builder_set_member_name (builder, "alignment");
      json_builder_begin_object (builder);
      add_member (builder, "name", self->alignment_name);
      add_member (builder, "url", self->alignment_url);
      add_member (builder, "framework", self->alignment_framework);
      add_member (builder, "code", self->alignment_code);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
}

/* "a, b ,c" -> { "a", "b", "c" }; empty items are dropped. */
static gboolean
set_tags_key (RosetteFamily  *self,
              const char     *value,
              GError        **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag == '\0')
        continue;
      if (!rosette_family_check_achievement_text ("tag", tag, error))
        return FALSE;
      g_strv_builder_add (builder, tag);
      n++;
    }

  if (n > ROSETTE_FAMILY_MAX_TAGS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("“%s” may hold at most %d tags; found %u"), "tags",
                   ROSETTE_FAMILY_MAX_TAGS, n);
      return FALSE;
    }

  tags = g_strv_builder_end (builder);
  rosette_family_set_tags (self, (const char * const *) tags);

  return TRUE;
}

/*
 * _rosette_family_set_achievement_key:
 * @handled: (out): whether @key is one of the achievement keys
 *
 * `family set` for description, criteria, criteria-url,
 * achievement-type, tags and alignment.name|url|framework|code.
 */
gboolean
_rosette_family_set_achievement_key (RosetteFamily  *self,
                                     const char     *key,
                                     const char     *value,
                                     gboolean       *handled,
                                     GError        **error)
{
  static const char * const keys[] = {
    "description", "criteria", "criteria-url", "achievement-type", "tags",
    "alignment.name", "alignment.url", "alignment.framework", "alignment.code", NULL
  };
  const char *name;
  const char *url;
  const char *framework;
  const char *code;

  *handled = g_strv_contains (keys, key);
  if (!*handled)
    return FALSE;

  if (g_str_equal (key, "tags"))
    return set_tags_key (self, value, error);

  if (!rosette_family_check_achievement_text (key, value, error))
    return FALSE;

  if (g_str_equal (key, "description"))
    rosette_family_set_description (self, value);
  else if (g_str_equal (key, "criteria"))
    rosette_family_set_criteria (self, value);
  else if (g_str_equal (key, "criteria-url"))
    rosette_family_set_criteria_url (self, value);
  else if (g_str_equal (key, "achievement-type"))
    rosette_family_set_achievement_type (self, value);
  else
    {
      rosette_family_get_alignment (self, &name, &url, &framework, &code);
      if (g_str_equal (key, "alignment.name"))
        name = value;
      else if (g_str_equal (key, "alignment.url"))
        url = value;
      else if (g_str_equal (key, "alignment.framework"))
        framework = value;
      else
        code = value;
      rosette_family_set_alignment (self, name, url, framework, code);
    }

  return TRUE;
}
