/* rosette-pathway.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A pathway: a goal achievement and what leads to it (all of a set of
 * achievements, or N of them, each at a minimum tier). This file is the
 * definition: building one from families, the JSON it is stored and
 * exported as, the built-in ladder of a family, and the "how to earn"
 * text for criteria pages. rosette-pathway-progress.c evaluates it.
 *
 * A requirement keeps the tier slugs that count (its minimum and every
 * higher tier), taken from the family when the pathway is defined: the
 * registry knows achievements by family and tier slug only, not the
 * order of a family's tiers.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include <stdlib.h>
#include <string.h>

#include "rosette-pathway.h"
#include "rosette-pathway-private.h"
#include "rosette-registry-pathways.h"
#include "rosette-utils.h"

#define PATHWAY_FORMAT 1

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

G_DEFINE_BOXED_TYPE (RosettePathway, rosette_pathway, rosette_pathway_copy, rosette_pathway_free)

static void
requirement_free (RosettePathwayRequirement *requirement)
{
  g_free (requirement->family_slug);
  g_free (requirement->family_name);
  g_free (requirement->min_tier_slug);
  g_free (requirement->min_tier_name);
  g_strfreev (requirement->tiers);
  g_free (requirement);
}

static RosettePathwayRequirement *
requirement_copy (const RosettePathwayRequirement *requirement)
{
  RosettePathwayRequirement *copy = g_new0 (RosettePathwayRequirement, 1);

  copy->family_slug = g_strdup (requirement->family_slug);
  copy->family_name = g_strdup (requirement->family_name);
  copy->min_tier_slug = g_strdup (requirement->min_tier_slug);
  copy->min_tier_name = g_strdup (requirement->min_tier_name);
  copy->tiers = g_strdupv (requirement->tiers);
  return copy;
}

static RosettePathway *
pathway_alloc (const char *name)
{
  RosettePathway *self = g_new0 (RosettePathway, 1);

  self->name = g_strdup (name);
  self->slug = rosette_slugify (name);
  self->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) requirement_free);
  return self;
}

/* A tier by name, slug or number (1 is the lowest); its 0-based rank. */
static gboolean
find_tier_rank (RosetteFamily  *family,
                const char     *text,
                guint          *out_rank,
                GError        **error)
{
  RosetteTier *tier = rosette_family_find_tier (family, text);
  guint n = rosette_family_get_n_tiers (family);
  char *end = NULL;
  guint64 number;

  for (guint i = 0; tier != NULL && i < n; i++)
    if (rosette_family_get_tier (family, i) == tier)
      {
        *out_rank = i;
        return TRUE;
      }

  number = g_ascii_strtoull (text, &end, 10);
  if (end != text && *end == '\0' && number >= 1 && number <= n)
    {
      *out_rank = (guint) number - 1;
      return TRUE;
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("The family “%s” has no tier “%s”"), rosette_family_get_name (family), text);
  return FALSE;
}

/**
 * rosette_pathway_new:
 * @name: the pathway's name (its slug is made from it)
 * @goal_family: the family of the goal badge
 * @goal_tier: the goal tier, by name, slug or number
 *
 * Returns: (transfer full): a pathway without requirements, or %NULL
 *   with an error
 */
RosettePathway *
rosette_pathway_new (const char     *name,
                     RosetteFamily  *goal_family,
                     const char     *goal_tier,
                     GError        **error)
{
  RosettePathway *self;
  RosetteTier *tier;
  guint rank;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (goal_family), NULL);
  g_return_val_if_fail (goal_tier != NULL, NULL);

  if (name == NULL || is_blank (name))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("A pathway needs a name"));
      return NULL;
    }
  if (!find_tier_rank (goal_family, goal_tier, &rank, error))
    return NULL;

  tier = rosette_family_get_tier (goal_family, rank);
  self = pathway_alloc (name);
  self->goal_family_slug = rosette_family_dup_slug (goal_family);
  self->goal_family_name = g_strdup (rosette_family_get_name (goal_family));
  self->goal_tier_slug = rosette_tier_dup_slug (tier);
  self->goal_tier_name = g_strdup (rosette_tier_get_name (tier));
  return self;
}

/**
 * rosette_pathway_new_for_slugs:
 *
 * A pathway whose goal is named as the registry names it (for pathways
 * read back and for tests); the names shown are the slugs.
 *
 * Returns: (transfer full): a pathway without requirements
 */
RosettePathway *
rosette_pathway_new_for_slugs (const char *name,
                               const char *goal_family_slug,
                               const char *goal_tier_slug)
{
  RosettePathway *self = pathway_alloc (name);

  self->goal_family_slug = g_strdup (goal_family_slug);
  self->goal_family_name = g_strdup (goal_family_slug);
  self->goal_tier_slug = g_strdup (goal_tier_slug);
  self->goal_tier_name = g_strdup (goal_tier_slug);
  return self;
}

RosettePathway *
rosette_pathway_copy (const RosettePathway *self)
{
  RosettePathway *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pathway_alloc (self->name);
  g_free (copy->slug);
  copy->slug = g_strdup (self->slug);
  copy->description = g_strdup (self->description);
  copy->goal_family_slug = g_strdup (self->goal_family_slug);
  copy->goal_family_name = g_strdup (self->goal_family_name);
  copy->goal_tier_slug = g_strdup (self->goal_tier_slug);
  copy->goal_tier_name = g_strdup (self->goal_tier_name);
  copy->family_file = g_strdup (self->family_file);
  copy->n_required = self->n_required;
  copy->validity = self->validity;
  copy->valid_on = g_strdup (self->valid_on);
  copy->builtin = self->builtin;
  for (guint i = 0; i < self->requirements->len; i++)
    g_ptr_array_add (copy->requirements, requirement_copy (g_ptr_array_index (self->requirements, i)));
  return copy;
}

void
rosette_pathway_free (RosettePathway *self)
{
  if (self == NULL)
    return;
  g_free (self->slug);
  g_free (self->name);
  g_free (self->description);
  g_free (self->goal_family_slug);
  g_free (self->goal_family_name);
  g_free (self->goal_tier_slug);
  g_free (self->goal_tier_name);
  g_free (self->family_file);
  g_free (self->valid_on);
  g_ptr_array_unref (self->requirements);
  g_free (self);
}

/**
 * rosette_pathway_add_requirement:
 * @family: the family of the required achievement
 * @min_tier: (nullable): the lowest tier that counts (name, slug or
 *   number); %NULL for any tier of the family
 *
 * Returns: %TRUE if added
 */
gboolean
rosette_pathway_add_requirement (RosettePathway  *self,
                                 RosetteFamily   *family,
                                 const char      *min_tier,
                                 GError         **error)
{
  RosettePathwayRequirement *requirement;
  guint rank = 0;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), FALSE);

  if (min_tier != NULL && !find_tier_rank (family, min_tier, &rank, error))
    return FALSE;

  requirement = g_new0 (RosettePathwayRequirement, 1);
  requirement->family_slug = rosette_family_dup_slug (family);
  requirement->family_name = g_strdup (rosette_family_get_name (family));
  if (min_tier != NULL)
    {
      RosetteTier *tier = rosette_family_get_tier (family, rank);

      n = rosette_family_get_n_tiers (family);
      requirement->min_tier_slug = rosette_tier_dup_slug (tier);
      requirement->min_tier_name = g_strdup (rosette_tier_get_name (tier));
      requirement->tiers = g_new0 (char *, n - rank + 1);
      for (guint i = rank, k = 0; i < n; i++)
        {
          char *slug = rosette_tier_dup_slug (rosette_family_get_tier (family, i));

          /* In the goal's own family, "Practitioner or higher" towards
           * Expert means the tiers below the goal. */
          if (g_strcmp0 (requirement->family_slug, self->goal_family_slug) == 0 &&
              g_strcmp0 (slug, self->goal_tier_slug) == 0)
            {
              g_free (slug);
              break;
            }
          requirement->tiers[k++] = slug;
        }
    }
  g_ptr_array_add (self->requirements, requirement);
  return TRUE;
}

/**
 * rosette_pathway_add_requirement_slugs:
 * @family_slug: the family of the required achievement
 * @tier_slugs: (nullable) (array zero-terminated=1): the tiers that
 *   count, lowest first; %NULL for any tier
 *
 * Adds a requirement named as the registry names achievements.
 */
void
rosette_pathway_add_requirement_slugs (RosettePathway     *self,
                                       const char         *family_slug,
                                       const char * const *tier_slugs)
{
  RosettePathwayRequirement *requirement;

  g_return_if_fail (self != NULL && family_slug != NULL);

  requirement = g_new0 (RosettePathwayRequirement, 1);
  requirement->family_slug = g_strdup (family_slug);
  requirement->family_name = g_strdup (family_slug);
  if (tier_slugs != NULL && tier_slugs[0] != NULL)
    {
      requirement->min_tier_slug = g_strdup (tier_slugs[0]);
      requirement->min_tier_name = g_strdup (tier_slugs[0]);
      requirement->tiers = g_strdupv ((char **) tier_slugs);
    }
  g_ptr_array_add (self->requirements, requirement);
}

/**
 * rosette_pathway_set_validity:
 * @valid_on: (nullable): "YYYY-MM-DD", for %ROSETTE_PATHWAY_VALIDITY_ON_DATE
 *
 * Returns: %TRUE if set; %ROSETTE_ERROR_INVALID for a bad date
 */
gboolean
rosette_pathway_set_validity (RosettePathway          *self,
                              RosettePathwayValidity   validity,
                              const char              *valid_on,
                              GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (validity == ROSETTE_PATHWAY_VALIDITY_ON_DATE)
    {
      g_autoptr(GDate) date = g_date_new ();

      if (valid_on != NULL && strlen (valid_on) == 10)
        g_date_set_parse (date, valid_on);
      if (valid_on == NULL || strlen (valid_on) != 10 || !g_date_valid (date) ||
          valid_on[4] != '-' || valid_on[7] != '-')
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” is not a date; write it as YYYY-MM-DD"),
                       valid_on != NULL ? valid_on : "");
          return FALSE;
        }
    }

  self->validity = validity;
  g_free (self->valid_on);
  self->valid_on = validity == ROSETTE_PATHWAY_VALIDITY_ON_DATE ? g_strdup (valid_on) : NULL;
  return TRUE;
}

gboolean
_rosette_pathway_requirement_matches (const RosettePathwayRequirement *requirement,
                                      const char                      *family_slug,
                                      const char                      *tier_slug)
{
  return g_strcmp0 (requirement->family_slug, family_slug) == 0 &&
         (requirement->tiers == NULL ||
          g_strv_contains ((const char * const *) requirement->tiers, tier_slug));
}

/**
 * rosette_pathway_validate:
 *
 * A pathway needs at least one requirement, N of at most the number of
 * requirements, and its goal must not be one of its own requirements.
 *
 * Returns: %TRUE if the pathway can be saved
 */
gboolean
rosette_pathway_validate (const RosettePathway  *self,
                          GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->requirements->len == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The pathway “%s” has no requirements; add at least one achievement"),
                   self->name);
      return FALSE;
    }
  if (self->n_required > self->requirements->len)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The pathway “%s” asks for %u of %u achievements; "
                     "N can be at most the number of achievements"),
                   self->name, self->n_required, self->requirements->len);
      return FALSE;
    }
  for (guint i = 0; i < self->requirements->len; i++)
    if (_rosette_pathway_requirement_matches (g_ptr_array_index (self->requirements, i),
                                              self->goal_family_slug, self->goal_tier_slug))
      {
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                     _("The goal badge of “%s” cannot also be one of its requirements"),
                     self->name);
        return FALSE;
      }
  return TRUE;
}

/**
 * rosette_pathway_dup_requirement_text:
 *
 * Returns: (transfer full): e.g. "Data Privacy: Practitioner or higher"
 */
char *
rosette_pathway_dup_requirement_text (const RosettePathwayRequirement *requirement)
{
  if (requirement->min_tier_name == NULL)
    /* Translators: a required achievement when every tier counts. */
    return g_strdup_printf (_("%s (any tier)"), requirement->family_name);
  if (requirement->tiers != NULL && requirement->tiers[0] != NULL && requirement->tiers[1] == NULL)
    return g_strdup_printf ("%s: %s", requirement->family_name, requirement->min_tier_name);
  /* Translators: family name, then the lowest tier that counts. */
  return g_strdup_printf (_("%s: %s or higher"), requirement->family_name,
                          requirement->min_tier_name);
}

/**
 * rosette_pathway_dup_requirements_text:
 * @separator: what goes between two requirements ("; ")
 *
 * Returns: (transfer full): every requirement's text, joined
 */
char *
rosette_pathway_dup_requirements_text (const RosettePathway *self,
                                       const char           *separator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  for (guint i = 0; i < self->requirements->len; i++)
    {
      RosettePathwayRequirement *requirement = g_ptr_array_index (self->requirements, i);
      g_autofree char *text = rosette_pathway_dup_requirement_text (requirement);

      g_strv_builder_add (builder, text);
    }
  texts = g_strv_builder_end (builder);
  return g_strjoinv (separator, texts);
}

/**
 * rosette_pathway_dup_rule_text:
 *
 * Returns: (transfer full): e.g. "all of 3, valid on 2027-03-31"
 */
char *
rosette_pathway_dup_rule_text (const RosettePathway *self)
{
  g_autofree char *count = NULL;

  if (self->n_required == 0 || self->n_required == self->requirements->len)
    count = g_strdup_printf (_("all of %u"), self->requirements->len);
  else
    count = g_strdup_printf (_("any %u of %u"), self->n_required, self->requirements->len);

  switch (self->validity)
    {
    case ROSETTE_PATHWAY_VALIDITY_NOW:
      /* Translators: "all of 3, still valid" */
      return g_strdup_printf (_("%s, still valid"), count);
    case ROSETTE_PATHWAY_VALIDITY_ON_DATE:
      /* Translators: "all of 3, valid on 2027-03-31" */
      return g_strdup_printf (_("%s, valid on %s"), count, self->valid_on);
    case ROSETTE_PATHWAY_VALIDITY_EVER:
    default:
      return g_steal_pointer (&count);
    }
}

/* JSON --------------------------------------------------------------------- */

static const char * const validity_names[] = { "ever", "now", "on-date" };

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

/**
 * rosette_pathway_to_json:
 *
 * The stored and exported form: `{"format": 1, "slug", "name", "goal":
 * {"family", "familyName", "tier", "tierName"}, "required": N or "all",
 * "validity": "ever"|"now"|"on-date", "validOn"?, "requirements": [{"family",
 * "familyName", "minTier"?, "minTierName"?, "tiers"?: [...]}]}`.
 *
 * Returns: (transfer full): the JSON object
 */
JsonNode *
rosette_pathway_to_json (const RosettePathway *self)
{
  JsonObject *object = json_object_new ();
  JsonObject *goal = json_object_new ();
  JsonArray *requirements = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "format", PATHWAY_FORMAT);
  set_string (object, "slug", self->slug);
  set_string (object, "name", self->name);
  set_string (object, "description", self->description);
  set_string (goal, "family", self->goal_family_slug);
  set_string (goal, "familyName", self->goal_family_name);
  set_string (goal, "tier", self->goal_tier_slug);
  set_string (goal, "tierName", self->goal_tier_name);
  set_string (goal, "familyFile", self->family_file);
  json_object_set_object_member (object, "goal", goal);
  if (self->n_required == 0)
    json_object_set_string_member (object, "required", "all");
  else
    json_object_set_int_member (object, "required", self->n_required);
  json_object_set_string_member (object, "validity", validity_names[self->validity]);
  set_string (object, "validOn", self->valid_on);
  json_object_set_boolean_member (object, "builtin", self->builtin);

  for (guint i = 0; i < self->requirements->len; i++)
    {
      RosettePathwayRequirement *requirement = g_ptr_array_index (self->requirements, i);
      JsonObject *item = json_object_new ();

      set_string (item, "family", requirement->family_slug);
      set_string (item, "familyName", requirement->family_name);
      set_string (item, "minTier", requirement->min_tier_slug);
      set_string (item, "minTierName", requirement->min_tier_name);
      if (requirement->tiers != NULL)
        {
          JsonArray *tiers = json_array_new ();

          for (guint t = 0; requirement->tiers[t] != NULL; t++)
            json_array_add_string_element (tiers, requirement->tiers[t]);
          json_object_set_array_member (item, "tiers", tiers);
        }
      json_array_add_object_element (requirements, item);
    }
  json_object_set_array_member (object, "requirements", requirements);

  json_node_take_object (node, object);
  return node;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *member = object != NULL ? json_object_get_member (object, name) : NULL;

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

static gboolean
read_requirements (RosettePathway  *self,
                   JsonArray       *array,
                   GError         **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item_node = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (item_node) ? json_node_get_object (item_node) : NULL;
      RosettePathwayRequirement *requirement;
      JsonNode *tiers;

      if (get_string (item, "family") == NULL)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                       _("Requirement %u of the pathway has no family"), i + 1);
          return FALSE;
        }
      requirement = g_new0 (RosettePathwayRequirement, 1);
      requirement->family_slug = g_strdup (get_string (item, "family"));
      requirement->family_name = g_strdup (get_string (item, "familyName") != NULL
                                           ? get_string (item, "familyName")
                                           : requirement->family_slug);
      requirement->min_tier_slug = g_strdup (get_string (item, "minTier"));
      requirement->min_tier_name = g_strdup (get_string (item, "minTierName") != NULL
                                             ? get_string (item, "minTierName")
                                             : requirement->min_tier_slug);
      tiers = json_object_get_member (item, "tiers");
      if (tiers != NULL && JSON_NODE_HOLDS_ARRAY (tiers))
        {
          JsonArray *list = json_node_get_array (tiers);
          guint n = json_array_get_length (list);

          requirement->tiers = g_new0 (char *, n + 1);
          for (guint t = 0; t < n; t++)
            requirement->tiers[t] = g_strdup (json_array_get_string_element (list, t));
        }
      g_ptr_array_add (self->requirements, requirement);
    }
  return TRUE;
}

/**
 * rosette_pathway_new_from_json:
 * @node: what rosette_pathway_to_json() made
 *
 * Returns: (transfer full): the pathway, or %NULL with
 *   %ROSETTE_ERROR_PARSE
 */
RosettePathway *
rosette_pathway_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(RosettePathway) self = NULL;
  JsonObject *object;
  JsonObject *goal;
  JsonNode *required;
  const char *validity;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "goal") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (node), "goal")) ||
      get_string (json_node_get_object (node), "name") == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("This is not a Rosette pathway: it needs a name and a goal"));
      return NULL;
    }
  object = json_node_get_object (node);
  goal = json_object_get_object_member (object, "goal");
  if (get_string (goal, "family") == NULL || get_string (goal, "tier") == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The pathway’s goal needs a family and a tier"));
      return NULL;
    }

  self = rosette_pathway_new_for_slugs (get_string (object, "name"), get_string (goal, "family"),
                                        get_string (goal, "tier"));
  if (get_string (object, "slug") != NULL)
    {
      g_free (self->slug);
      self->slug = g_strdup (get_string (object, "slug"));
    }
  self->description = g_strdup (get_string (object, "description"));
  if (get_string (goal, "familyName") != NULL)
    {
      g_free (self->goal_family_name);
      self->goal_family_name = g_strdup (get_string (goal, "familyName"));
    }
  if (get_string (goal, "tierName") != NULL)
    {
      g_free (self->goal_tier_name);
      self->goal_tier_name = g_strdup (get_string (goal, "tierName"));
    }
  self->family_file = g_strdup (get_string (goal, "familyFile"));
  required = json_object_get_member (object, "required");
  if (required != NULL && JSON_NODE_HOLDS_VALUE (required) &&
      json_node_get_value_type (required) == G_TYPE_INT64)
    self->n_required = (guint) CLAMP (json_node_get_int (required), 0, G_MAXUINT16);
  validity = get_string (object, "validity");
  for (guint i = 0; i < G_N_ELEMENTS (validity_names); i++)
    if (g_strcmp0 (validity, validity_names[i]) == 0)
      self->validity = i;
  self->valid_on = g_strdup (get_string (object, "validOn"));
  if (self->validity == ROSETTE_PATHWAY_VALIDITY_ON_DATE && self->valid_on == NULL)
    self->validity = ROSETTE_PATHWAY_VALIDITY_NOW;
  if (json_object_has_member (object, "builtin"))
    self->builtin = json_object_get_boolean_member (object, "builtin");

  if (json_object_has_member (object, "requirements") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "requirements")) &&
      !read_requirements (self, json_object_get_array_member (object, "requirements"), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rosette_pathway_new_ladder:
 * @family: a family with tiers (Foundation, Practitioner, Expert, …)
 * @family_file: (nullable): the family's .rosette file
 *
 * The built-in pathway of a family: each tier above the lowest is reached
 * from the tier just below it.
 *
 * Returns: (transfer container) (element-type RosettePathway): one
 *   pathway per tier above the lowest
 */
GPtrArray *
rosette_pathway_new_ladder (RosetteFamily *family,
                            const char    *family_file)
{
  GPtrArray *ladder = g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_pathway_free);
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), ladder);

  n = rosette_family_get_n_tiers (family);
  for (guint i = 1; i < n; i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);
      g_autofree char *goal = g_strdup_printf ("%u", i + 1);
      /* Translators: a ladder pathway's name: family, then the tier. */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), rosette_family_get_name (family),
                                               rosette_tier_get_name (tier));
      g_autofree char *family_slug = rosette_family_dup_slug (family);
      g_autofree char *below_slug = rosette_tier_dup_slug (rosette_family_get_tier (family, i - 1));
      const char *tiers[] = { below_slug, NULL };
      RosettePathway *pathway = rosette_pathway_new (name, family, goal, NULL);
      RosettePathwayRequirement *step;

      g_assert (pathway != NULL);
      /* Exactly the tier below: someone who already holds a higher tier
       * is past this step, not on it. */
      rosette_pathway_add_requirement_slugs (pathway, family_slug, tiers);
      step = g_ptr_array_index (pathway->requirements, 0);
      g_free (step->family_name);
      step->family_name = g_strdup (rosette_family_get_name (family));
      g_free (step->min_tier_name);
      step->min_tier_name = g_strdup (rosette_tier_get_name (rosette_family_get_tier (family, i - 1)));
      pathway->builtin = TRUE;
      pathway->family_file = g_strdup (family_file);
      g_ptr_array_add (ladder, pathway);
    }
  return ladder;
}
