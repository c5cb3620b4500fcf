/* rosette-design-builder-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdarg.h>

#include "rosette-design-private.h"

G_BEGIN_DECLS

/* The layout of the 512 x 512 canvas, shared by the parts of the builder */
#define CX 256.0
#define RIM 18.0               /* width of the metal rim */
#define RING_INSET 13.0        /* distance from the field edge to the ring */
#define EMBLEM_CY 192.0
#define EMBLEM_SIZE 140.0
#define RIBBON_CY 318.0
#define RIBBON_X0 62.0
#define RIBBON_X1 450.0
#define RIBBON_H1 52.0         /* band height for one line of title */
#define RIBBON_H2 78.0         /* ... and for two lines */
#define PLAQUE_CY 384.0
#define TITLE_MAX_SIZE 34.0
#define TITLE_MIN_SIZE 24.0
#define TITLE_MIN_SIZE2 17.0   /* the smallest size on two lines */
#define TITLE_SPACING 0.06     /* letter spacing, in em */
#define TITLE_WIDTH (RIBBON_X1 - RIBBON_X0 - 36.0)
#define PLAQUE_SIZE 15.0
#define PLAQUE_SPACING 0.16
#define FONT_FAMILY "'DejaVu Sans Condensed', 'DejaVu Sans', Lato, sans-serif"

typedef struct
{
  const char *light;
  const char *mid;
  const char *dark;
} Metal;

typedef struct
{
  const RosetteDesignSpec *spec;
  const Metal             *metal;
  GString                 *s;
  const char              *p;           /* id prefix */
  char                     field[8];    /* field colour */
  char                     field_dark[8];
  char                     field_light[8];
  char                     band[8];     /* ribbon band, dark enough for white text */
  char                     band_light[8];
  char                     ink[8];      /* tier text on the plaque */
  char                     metal_deep[8];
  double                   plaque_w;    /* set by put_plaque() */
} Builder;

/* Shapes. Every shape has a body (the metal) and a field inside it. For
 * most shapes the field is the body scaled about its centre; the rosette
 * and the star have a round field inside a decorated edge. */

typedef struct
{
  double cy;          /* centre used for scaling and for arcs of stars */
  double half_w;      /* half-width and half-height of the body */
  double half_h;
  double star_y;      /* where the row of stars sits */
  gboolean round;     /* field is a circle: place stars on an arc */
  double field_r;     /* for round fields: the field radius */
  double top;         /* y of the body's top edge at the centre line */
} ShapeInfo;

void      _rosette_design_putv             (Builder      *b,
                                            const char   *format,
                                            va_list       args);
ShapeInfo _rosette_design_shape_info       (RosetteShape  shape);
void      _rosette_design_put_star_points  (Builder      *b,
                                            double        cx,
                                            double        cy,
                                            guint         points,
                                            double        r_out,
                                            double        r_in,
                                            double        rotate_deg);
void      _rosette_design_put_text         (Builder      *b,
                                            double        x,
                                            double        y,
                                            double        size,
                                            double        spacing_em,
                                            const char   *fill,
                                            const char   *text,
                                            const char   *extra);

/* rosette-design-ornaments.c */
void      _rosette_design_put_rays         (Builder      *b);
void      _rosette_design_put_wreath       (Builder      *b);
void      _rosette_design_put_kind_back    (Builder      *b);

/* rosette-design-text.c */
void      _rosette_design_put_ribbon       (Builder      *b);
void      _rosette_design_put_plaque       (Builder      *b);

/* A printf for SVG (see _rosette_design_putv()); static in each file so
 * the many call sites stay short. */
static inline void put (Builder *b, const char *format, ...) G_GNUC_UNUSED;

static inline void
put (Builder    *b,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  _rosette_design_putv (b, format, args);
  va_end (args);
}

G_END_DECLS
