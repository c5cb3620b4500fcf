/* rosette-model-enums.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RosetteBadgeKind:
 *
 * What a badge recognises; each kind has its own visual language
 * (see shared BADGE-ART). The nick is the name used in files and on
 * the command line.
 */
typedef enum
{
  ROSETTE_BADGE_KIND_COMPLIANCE,   /*< nick=compliance >*/
  ROSETTE_BADGE_KIND_LEADERSHIP,   /*< nick=leadership >*/
  ROSETTE_BADGE_KIND_TECHNICAL,    /*< nick=technical >*/
  ROSETTE_BADGE_KIND_ONBOARDING,   /*< nick=onboarding >*/
  ROSETTE_BADGE_KIND_RECOGNITION,  /*< nick=recognition >*/
  ROSETTE_BADGE_KIND_SERVICE,      /*< nick=service >*/
} RosetteBadgeKind;

/**
 * RosetteShape:
 *
 * The outer shape of the badge, kept in every tier of a family.
 */
typedef enum
{
  ROSETTE_SHAPE_SHIELD,          /*< nick=shield >*/
  ROSETTE_SHAPE_CIRCLE,          /*< nick=circle >*/
  ROSETTE_SHAPE_HEXAGON,         /*< nick=hexagon >*/
  ROSETTE_SHAPE_ROSETTE,         /*< nick=rosette >*/
  ROSETTE_SHAPE_STAR,            /*< nick=star >*/
  ROSETTE_SHAPE_BANNER,          /*< nick=banner >*/
  ROSETTE_SHAPE_ROUNDED_SQUARE,  /*< nick=rounded-square >*/
} RosetteShape;

/**
 * RosetteMetal:
 *
 * The finish of a tier's rim, ribbon edge, stars and plaque.
 */
typedef enum
{
  ROSETTE_METAL_BRONZE,    /*< nick=bronze >*/
  ROSETTE_METAL_SILVER,    /*< nick=silver >*/
  ROSETTE_METAL_GOLD,      /*< nick=gold >*/
  ROSETTE_METAL_PLATINUM,  /*< nick=platinum >*/
} RosetteMetal;

/**
 * RosetteRingStyle:
 *
 * The inner ring drawn inside the rim, from the second tier on.
 */
typedef enum
{
  ROSETTE_RING_STYLE_NONE,      /*< nick=none >*/
  ROSETTE_RING_STYLE_STITCHED,  /*< nick=stitched >*/
  ROSETTE_RING_STYLE_BEADED,    /*< nick=beaded >*/
  ROSETTE_RING_STYLE_DOUBLE,    /*< nick=double >*/
} RosetteRingStyle;

/**
 * RosetteOrnament:
 *
 * What is drawn behind the shape: from the third tier on a wreath,
 * then rays, then rays with gems.
 */
typedef enum
{
  ROSETTE_ORNAMENT_NONE,    /*< nick=none >*/
  ROSETTE_ORNAMENT_WREATH,  /*< nick=wreath >*/
  ROSETTE_ORNAMENT_RAYS,    /*< nick=rays >*/
  ROSETTE_ORNAMENT_GEMS,    /*< nick=gems >*/
} RosetteOrnament;

G_END_DECLS
