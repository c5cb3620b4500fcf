/* rosette-pathway.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rosette-award.h"
#include "rosette-family.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/**
 * RosettePathwayValidity:
 * @ROSETTE_PATHWAY_VALIDITY_EVER: a prerequisite counts once earned,
 *   even if it has expired since (never when revoked)
 * @ROSETTE_PATHWAY_VALIDITY_NOW: it must be valid when progress is
 *   evaluated
 * @ROSETTE_PATHWAY_VALIDITY_ON_DATE: it must be valid on a fixed date
 */
typedef enum
{
  ROSETTE_PATHWAY_VALIDITY_EVER,
  ROSETTE_PATHWAY_VALIDITY_NOW,
  ROSETTE_PATHWAY_VALIDITY_ON_DATE,
} RosettePathwayValidity;

/**
 * RosettePathwayRequirement:
 * @family_slug: the family of the required achievement
 * @family_name: its display name
 * @min_tier_slug: (nullable): the lowest tier that counts; %NULL for any
 * @min_tier_name: (nullable): its display name
 * @tiers: (nullable): the tier slugs that count (the minimum and every
 *   higher tier of the family); %NULL for any tier
 */
typedef struct
{
  char  *family_slug;
  char  *family_name;
  char  *min_tier_slug;
  char  *min_tier_name;
  GStrv  tiers;
} RosettePathwayRequirement;

/**
 * RosettePathway:
 * @slug: the pathway's id (from its name)
 * @name: e.g. "Senior engineer"
 * @description: (nullable): what it leads to
 * @goal_family_slug: the goal achievement's family
 * @goal_family_name: its display name
 * @goal_tier_slug: the goal achievement's tier
 * @goal_tier_name: its display name
 * @family_file: (nullable): the goal's .rosette file (to issue from)
 * @n_required: how many requirements must be met; 0 for all of them
 * @validity: how current a prerequisite must be
 * @valid_on: (nullable): "YYYY-MM-DD" for %ROSETTE_PATHWAY_VALIDITY_ON_DATE
 * @builtin: the ladder of a family (rosette_pathway_new_ladder())
 * @requirements: (element-type RosettePathwayRequirement): what it takes
 */
typedef struct
{
  char                   *slug;
  char                   *name;
  char                   *description;
  char                   *goal_family_slug;
  char                   *goal_family_name;
  char                   *goal_tier_slug;
  char                   *goal_tier_name;
  char                   *family_file;
  guint                   n_required;
  RosettePathwayValidity  validity;
  char                   *valid_on;
  gboolean                builtin;
  GPtrArray              *requirements;
} RosettePathway;

/**
 * RosettePathwayState:
 * @ROSETTE_PATHWAY_STATE_COMPLETED: holds the goal badge
 * @ROSETTE_PATHWAY_STATE_QUALIFIED: meets the requirements; the goal
 *   badge can be issued
 * @ROSETTE_PATHWAY_STATE_ONE_STEP: lacks exactly one requirement
 * @ROSETTE_PATHWAY_STATE_IN_PROGRESS: meets some requirements
 */
typedef enum
{
  ROSETTE_PATHWAY_STATE_COMPLETED,
  ROSETTE_PATHWAY_STATE_QUALIFIED,
  ROSETTE_PATHWAY_STATE_ONE_STEP,
  ROSETTE_PATHWAY_STATE_IN_PROGRESS,
} RosettePathwayState;

/**
 * RosettePathwayProgress:
 * @email: the person
 * @name: (nullable): their name
 * @department: (nullable): their department
 * @state: how far they are
 * @n_met: requirements met
 * @n_needed: requirements needed
 * @qualifying: the ids of the credentials that meet requirements
 * @lacking: what is missing, one translated line per requirement
 * @goal_credential_id: (nullable): the goal badge they hold
 */
typedef struct
{
  char                *email;
  char                *name;
  char                *department;
  RosettePathwayState  state;
  guint                n_met;
  guint                n_needed;
  GStrv                qualifying;
  GStrv                lacking;
  char                *goal_credential_id;
} RosettePathwayProgress;

/**
 * RosetteHowToEarnFormat:
 * @ROSETTE_HOW_TO_EARN_TEXT: plain text (Markdown-friendly)
 * @ROSETTE_HOW_TO_EARN_HTML: an HTML fragment (escaped, no scripts)
 */
typedef enum
{
  ROSETTE_HOW_TO_EARN_TEXT,
  ROSETTE_HOW_TO_EARN_HTML,
} RosetteHowToEarnFormat;

#define ROSETTE_TYPE_PATHWAY (rosette_pathway_get_type ())
#define ROSETTE_TYPE_PATHWAY_PROGRESS (rosette_pathway_progress_get_type ())

GType            rosette_pathway_get_type           (void) G_GNUC_CONST;
RosettePathway  *rosette_pathway_new                (const char            *name,
                                                     RosetteFamily         *goal_family,
                                                     const char            *goal_tier,
                                                     GError               **error);
RosettePathway  *rosette_pathway_new_for_slugs      (const char            *name,
                                                     const char            *goal_family_slug,
                                                     const char            *goal_tier_slug);
RosettePathway  *rosette_pathway_copy               (const RosettePathway  *self);
void             rosette_pathway_free               (RosettePathway        *self);
gboolean         rosette_pathway_add_requirement    (RosettePathway        *self,
                                                     RosetteFamily         *family,
                                                     const char            *min_tier,
                                                     GError               **error);
void             rosette_pathway_add_requirement_slugs (RosettePathway     *self,
                                                     const char            *family_slug,
                                                     const char * const    *tier_slugs);
gboolean         rosette_pathway_set_validity       (RosettePathway        *self,
                                                     RosettePathwayValidity validity,
                                                     const char            *valid_on,
                                                     GError               **error);
gboolean         rosette_pathway_validate           (const RosettePathway  *self,
                                                     GError               **error);
char            *rosette_pathway_dup_requirement_text (const RosettePathwayRequirement *requirement);
char            *rosette_pathway_dup_requirements_text (const RosettePathway *self,
                                                     const char            *separator);
char            *rosette_pathway_dup_rule_text      (const RosettePathway  *self);

JsonNode        *rosette_pathway_to_json            (const RosettePathway  *self);
RosettePathway  *rosette_pathway_new_from_json      (JsonNode              *node,
                                                     GError               **error);
GPtrArray       *rosette_pathway_new_ladder         (RosetteFamily         *family,
                                                     const char            *family_file);

gboolean         rosette_pathway_save               (const RosettePathway  *self,
                                                     RosetteRegistry       *registry,
                                                     GError               **error);
RosettePathway  *rosette_pathway_load               (RosetteRegistry       *registry,
                                                     const char            *slug,
                                                     GError               **error);
GPtrArray       *rosette_pathway_list               (RosetteRegistry       *registry,
                                                     GError               **error);
char            *rosette_pathway_export_json        (RosetteRegistry       *registry,
                                                     GError               **error);
char            *rosette_pathway_dup_how_to_earn    (RosetteRegistry       *registry,
                                                     const char            *family_slug,
                                                     const char            *tier_slug,
                                                     RosetteHowToEarnFormat format,
                                                     GError               **error);

GType            rosette_pathway_progress_get_type  (void) G_GNUC_CONST;
RosettePathwayProgress *rosette_pathway_progress_copy (const RosettePathwayProgress *progress);
void             rosette_pathway_progress_free      (RosettePathwayProgress *progress);
const char      *rosette_pathway_state_to_string    (RosettePathwayState    state);
const char      *rosette_pathway_state_get_label    (RosettePathwayState    state);

GPtrArray       *rosette_pathway_evaluate           (const RosettePathway  *self,
                                                     RosetteRegistry       *registry,
                                                     GDateTime             *now,
                                                     GError               **error);
RosetteBatchSummary *rosette_pathway_issue_sync     (const RosettePathway  *self,
                                                     const RosetteAwardContext *context,
                                                     GDateTime             *now,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
void             rosette_pathway_issue_async        (const RosettePathway  *self,
                                                     const RosetteAwardContext *context,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
RosetteBatchSummary *rosette_pathway_issue_finish   (GAsyncResult          *result,
                                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosettePathway, rosette_pathway_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosettePathwayProgress, rosette_pathway_progress_free)

G_END_DECLS
