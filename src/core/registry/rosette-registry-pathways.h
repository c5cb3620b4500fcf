/* rosette-registry-pathways.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-registry.h"

G_BEGIN_DECLS

/*
 * The rows that pathways and peer recognition keep in the registry
 * (migration 3). The rules (what qualifies, limits, approvals) live in
 * src/core/pathways; this part only stores and fetches.
 */

/**
 * RosettePathwayRow:
 * @slug: the pathway's id (unique)
 * @name: its display name
 * @goal_family_slug: the goal achievement's family
 * @goal_tier_slug: the goal achievement's tier
 * @builtin: a family ladder made by Rosette rather than by hand
 * @json: the whole definition (see rosette_pathway_to_json())
 */
typedef struct
{
  char     *slug;
  char     *name;
  char     *goal_family_slug;
  char     *goal_tier_slug;
  gboolean  builtin;
  char     *json;
} RosettePathwayRow;

/**
 * RosetteNominable:
 * @id: the row id
 * @family_slug: the achievement's family
 * @tier_slug: the achievement's tier
 * @family_name: (nullable): for display
 * @tier_name: (nullable): for display
 * @company_value: the company value the achievement stands for
 * @family_file: (nullable): the .rosette file to issue it from
 *
 * An achievement that colleagues may nominate each other for.
 */
typedef struct
{
  gint64  id;
  char   *family_slug;
  char   *tier_slug;
  char   *family_name;
  char   *tier_name;
  char   *company_value;
  char   *family_file;
} RosetteNominable;

/**
 * RosetteNominationState:
 * @ROSETTE_NOMINATION_PENDING: waiting for a manager
 * @ROSETTE_NOMINATION_APPROVED: approved, badge not issued yet
 * @ROSETTE_NOMINATION_REJECTED: rejected
 * @ROSETTE_NOMINATION_ISSUED: approved and the badge is issued
 * @ROSETTE_NOMINATION_ANY: (as a filter) every state
 */
typedef enum
{
  ROSETTE_NOMINATION_PENDING,
  ROSETTE_NOMINATION_APPROVED,
  ROSETTE_NOMINATION_REJECTED,
  ROSETTE_NOMINATION_ISSUED,
  ROSETTE_NOMINATION_ANY,
} RosetteNominationState;

/**
 * RosetteNomination:
 * @id: the row id (what `nominate approve ID` takes)
 * @nominee_email: who is nominated
 * @nominee_name: (nullable): their name
 * @nominator_email: who nominates
 * @nominator_name: (nullable): their name
 * @nominable_id: the #RosetteNominable row
 * @company_value: the value (copied from the nominable achievement)
 * @family_slug: the achievement's family (read only, from the join)
 * @tier_slug: the achievement's tier (read only, from the join)
 * @reason: why (it becomes the badge's narrative evidence)
 * @source: "csv" or "app"
 * @import_key: (nullable): identifies a CSV row, so a re-import adds
 *   nothing twice
 * @submitted_at: Unix time of the nomination
 * @state: where it is in the workflow
 * @approver: (nullable): who decided
 * @comment: (nullable): the approver's comment
 * @decided_at: Unix time of the decision, or 0
 * @credential_id: (nullable): the issued badge
 */
typedef struct
{
  gint64                  id;
  char                   *nominee_email;
  char                   *nominee_name;
  char                   *nominator_email;
  char                   *nominator_name;
  gint64                  nominable_id;
  char                   *company_value;
  char                   *family_slug;
  char                   *tier_slug;
  char                   *reason;
  char                   *source;
  char                   *import_key;
  gint64                  submitted_at;
  RosetteNominationState  state;
  char                   *approver;
  char                   *comment;
  gint64                  decided_at;
  char                   *credential_id;
} RosetteNomination;

/**
 * RosetteNominationLimit:
 * @per_nominee: %TRUE for nominations received, %FALSE for given
 * @period: "month", "quarter" or "year"
 * @max_count: at most this many in one calendar period
 */
typedef struct
{
  gboolean  per_nominee;
  char     *period;
  guint     max_count;
} RosetteNominationLimit;

/**
 * RosetteAchievementRef:
 * @family_slug: the family
 * @family_name: its display name
 * @tier_slug: the tier
 * @tier_name: its display name
 *
 * An achievement the registry knows (one that was ever issued or
 * prepared), for choosing pathway goals and requirements.
 */
typedef struct
{
  char *family_slug;
  char *family_name;
  char *tier_slug;
  char *tier_name;
} RosetteAchievementRef;

void               rosette_achievement_ref_free       (RosetteAchievementRef  *ref);
GPtrArray         *rosette_registry_list_achievement_refs (RosetteRegistry    *self,
                                                       GError                **error);
void               rosette_pathway_row_free           (RosettePathwayRow      *row);
void               rosette_nominable_free             (RosetteNominable       *nominable);
void               rosette_nomination_free            (RosetteNomination      *nomination);
void               rosette_nomination_limit_free      (RosetteNominationLimit *limit);
const char        *rosette_nomination_state_to_string (RosetteNominationState  state);
gboolean           rosette_nomination_state_from_string (const char           *text,
                                                       RosetteNominationState *out_state);

gboolean           rosette_registry_save_pathway      (RosetteRegistry        *self,
                                                       const RosettePathwayRow *row,
                                                       GError                **error);
RosettePathwayRow *rosette_registry_get_pathway       (RosetteRegistry        *self,
                                                       const char             *slug,
                                                       GError                **error);
GPtrArray         *rosette_registry_list_pathways     (RosetteRegistry        *self,
                                                       GError                **error);
gboolean           rosette_registry_delete_pathway    (RosetteRegistry        *self,
                                                       const char             *slug,
                                                       GError                **error);

gint64             rosette_registry_save_nominable    (RosetteRegistry        *self,
                                                       const RosetteNominable *nominable,
                                                       GError                **error);
GPtrArray         *rosette_registry_list_nominable    (RosetteRegistry        *self,
                                                       GError                **error);

gint64             rosette_registry_add_nomination    (RosetteRegistry        *self,
                                                       const RosetteNomination *nomination,
                                                       GError                **error);
gboolean           rosette_registry_has_import_key    (RosetteRegistry        *self,
                                                       const char             *import_key,
                                                       gboolean               *out_found,
                                                       GError                **error);
RosetteNomination *rosette_registry_get_nomination    (RosetteRegistry        *self,
                                                       gint64                  id,
                                                       GError                **error);
GPtrArray         *rosette_registry_list_nominations  (RosetteRegistry        *self,
                                                       RosetteNominationState  state,
                                                       GError                **error);
gboolean           rosette_registry_count_nominations (RosetteRegistry        *self,
                                                       gboolean                by_nominee,
                                                       const char             *email,
                                                       gint64                  from,
                                                       gint64                  to,
                                                       guint                  *out_count,
                                                       GError                **error);
gboolean           rosette_registry_decide_nomination (RosetteRegistry        *self,
                                                       gint64                  id,
                                                       RosetteNominationState  state,
                                                       const char             *approver,
                                                       const char             *comment,
                                                       gint64                  at,
                                                       GError                **error);
gboolean           rosette_registry_nomination_issued (RosetteRegistry        *self,
                                                       gint64                  id,
                                                       const char             *credential_id,
                                                       GError                **error);

gboolean           rosette_registry_set_nomination_limit (RosetteRegistry     *self,
                                                       const RosetteNominationLimit *limit,
                                                       GError                **error);
GPtrArray         *rosette_registry_list_nomination_limits (RosetteRegistry   *self,
                                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosettePathwayRow, rosette_pathway_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteNominable, rosette_nominable_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteNomination, rosette_nomination_free)

G_END_DECLS
