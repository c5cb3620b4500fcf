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

/**
 * RosetteElement:
 *
 * The parts of a badge a designer can select on the canvas, move and
 * resize. The order is back to front.
 */
typedef enum
{
  ROSETTE_ELEMENT_SHAPE,       /*< nick=shape >*/
  ROSETTE_ELEMENT_RING,        /*< nick=ring >*/
  ROSETTE_ELEMENT_EMBLEM,      /*< nick=emblem >*/
  ROSETTE_ELEMENT_SUBTITLE,    /*< nick=subtitle >*/
  ROSETTE_ELEMENT_RIBBON,      /*< nick=ribbon >*/
  ROSETTE_ELEMENT_TITLE,       /*< nick=title >*/
  ROSETTE_ELEMENT_TIER_LABEL,  /*< nick=tier-label >*/
  ROSETTE_ELEMENT_STARS,       /*< nick=stars >*/
} RosetteElement;

#define ROSETTE_N_ELEMENTS (ROSETTE_ELEMENT_STARS + 1)

/**
 * RosetteTextLayout:
 *
 * How a line of text runs: straight, or curved along an arc (the title
 * on an arched ribbon, the subtitle along the ring).
 */
typedef enum
{
  ROSETTE_TEXT_LAYOUT_STRAIGHT,  /*< nick=straight >*/
  ROSETTE_TEXT_LAYOUT_CURVED,    /*< nick=curved >*/
} RosetteTextLayout;

G_END_DECLS
