/* rosette-tier.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-model-enums.h"
#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_TIER_MAX_STARS 6
#define ROSETTE_TIER_MAX_NAME_LENGTH 40

#define ROSETTE_TYPE_TIER (rosette_tier_get_type ())

G_DECLARE_FINAL_TYPE (RosetteTier, rosette_tier, ROSETTE, TIER, GObject)

RosetteTier      *rosette_tier_new              (const char       *name);
RosetteTier      *rosette_tier_new_for_rank     (const char       *name,
                                                 guint             rank);
RosetteTier      *rosette_tier_copy             (RosetteTier      *self);
void              rosette_tier_apply_rank       (RosetteTier      *self,
                                                 guint             rank);
const char       *rosette_tier_get_name         (RosetteTier      *self);
void              rosette_tier_set_name         (RosetteTier      *self,
                                                 const char       *name);
char             *rosette_tier_dup_slug         (RosetteTier      *self);
RosetteMetal      rosette_tier_get_metal        (RosetteTier      *self);
void              rosette_tier_set_metal        (RosetteTier      *self,
                                                 RosetteMetal      metal);
guint             rosette_tier_get_stars        (RosetteTier      *self);
void              rosette_tier_set_stars        (RosetteTier      *self,
                                                 guint             stars);
RosetteRingStyle  rosette_tier_get_ring_style   (RosetteTier      *self);
void              rosette_tier_set_ring_style   (RosetteTier      *self,
                                                 RosetteRingStyle  ring_style);
RosetteOrnament   rosette_tier_get_ornament     (RosetteTier      *self);
void              rosette_tier_set_ornament     (RosetteTier      *self,
                                                 RosetteOrnament   ornament);
/* Since format 2: "" uses the family's field colour (or its ramp). */
const char       *rosette_tier_get_field_color  (RosetteTier      *self);
void              rosette_tier_set_field_color  (RosetteTier      *self,
                                                 const char       *color);
/* The tier's own criteria narrative; "" uses the family's. */
const char       *rosette_tier_get_criteria     (RosetteTier      *self);
void              rosette_tier_set_criteria     (RosetteTier      *self,
                                                 const char       *criteria);

G_END_DECLS
