/* rosette-achievement.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-family.h"
#include "rosette-tier.h"
#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_ACHIEVEMENT_MAX_DESCRIPTION_LENGTH 2000
#define ROSETTE_ACHIEVEMENT_MAX_CRITERIA_LENGTH 10000
#define ROSETTE_ACHIEVEMENT_MAX_TAGS 16
#define ROSETTE_ACHIEVEMENT_DEFAULT_TYPE "Badge"

#define ROSETTE_TYPE_ACHIEVEMENT (rosette_achievement_get_type ())

G_DECLARE_FINAL_TYPE (RosetteAchievement, rosette_achievement, ROSETTE, ACHIEVEMENT, GObject)

RosetteAchievement *rosette_achievement_new_for_tier        (RosetteFamily       *family,
                                                             RosetteTier         *tier,
                                                             const char          *issuer_id,
                                                             const char          *publish_base);
const char         *rosette_achievement_get_id              (RosetteAchievement  *self);
const char         *rosette_achievement_get_result_description_id (RosetteAchievement *self);
const char         *rosette_achievement_get_badge_class_id  (RosetteAchievement  *self);
const char         *rosette_achievement_get_name            (RosetteAchievement  *self);
void                rosette_achievement_set_name            (RosetteAchievement  *self,
                                                             const char          *name);
const char         *rosette_achievement_get_description     (RosetteAchievement  *self);
void                rosette_achievement_set_description     (RosetteAchievement  *self,
                                                             const char          *description);
const char         *rosette_achievement_get_criteria        (RosetteAchievement  *self);
void                rosette_achievement_set_criteria        (RosetteAchievement  *self,
                                                             const char          *narrative);
const char         *rosette_achievement_get_criteria_url    (RosetteAchievement  *self);
void                rosette_achievement_set_criteria_url    (RosetteAchievement  *self,
                                                             const char          *url);
const char         *rosette_achievement_get_image           (RosetteAchievement  *self);
void                rosette_achievement_set_image           (RosetteAchievement  *self,
                                                             const char          *image);
void                rosette_achievement_set_image_png       (RosetteAchievement  *self,
                                                             GBytes              *png);
const char         *rosette_achievement_get_achievement_type (RosetteAchievement *self);
gboolean            rosette_achievement_set_achievement_type (RosetteAchievement *self,
                                                             const char          *type,
                                                             GError             **error);
const char * const *rosette_achievement_get_tags            (RosetteAchievement  *self);
void                rosette_achievement_set_tags            (RosetteAchievement  *self,
                                                             const char * const  *tags);
void                rosette_achievement_set_alignment       (RosetteAchievement  *self,
                                                             const char          *target_name,
                                                             const char          *target_url,
                                                             const char          *target_framework,
                                                             const char          *target_code);
const char         *rosette_achievement_get_family_name     (RosetteAchievement  *self);
const char         *rosette_achievement_get_tier_name       (RosetteAchievement  *self);
guint               rosette_achievement_get_tier_rank       (RosetteAchievement  *self);
const char * const *rosette_achievement_get_tier_levels     (RosetteAchievement  *self);

gboolean            rosette_achievement_validate            (RosetteAchievement  *self,
                                                             GError             **error);
JsonNode           *rosette_achievement_build_ob3           (RosetteAchievement  *self,
                                                             GError             **error);
JsonNode           *rosette_achievement_build_result        (RosetteAchievement  *self);
JsonNode           *rosette_achievement_build_badge_class   (RosetteAchievement  *self,
                                                             const char          *profile_url,
                                                             GError             **error);

const char * const *rosette_achievement_list_types          (void);
gboolean            rosette_achievement_type_is_valid       (const char          *type);

G_END_DECLS
