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
#define FONT_FALLBACKS "'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif"
#define SUBTITLE_MAX_SIZE 15.0
#define SUBTITLE_MIN_SIZE 10.0
#define SUBTITLE_SPACING 0.1
#define ARCH_RADIUS 560.0      /* the curved ribbon's centre line */

typedef struct
{
  const char *light;
  const char *mid;
  const char *dark;
} Metal;

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

/* translate(dx dy) about (cx, cy) scale(s): x' = cx + dx + s (x - cx) */
typedef struct
{
  double dx, dy, s, cx, cy;
} Transform;

/*
 * Layout:
 *
 * Where everything goes, computed once from a spec. The SVG builder draws
 * from it and the canvas geometry (element bounds, picking) reads it, so
 * the two cannot disagree.
 */
typedef struct
{
  ShapeInfo   info;
  double      rim;            /* metal rim width */
  double      emblem_cx, emblem_cy, emblem_size;

  /* the ribbon and the title on it */
  gboolean    curved;         /* arched ribbon, title on the arc */
  double      ribbon_h;
  double      ribbon_y0, ribbon_y1;
  char       *line1, *line2;  /* the title, upper case; line2 may be NULL */
  double      title_size;
  double      title_w;        /* widest line, estimated */

  /* the tier plaque */
  char       *plaque_text;    /* NULL: no plaque */
  double      plaque_size, plaque_w;

  /* the subtitle */
  char       *subtitle;       /* NULL: not shown */
  gboolean    subtitle_curved;
  double      subtitle_size;
  double      subtitle_y;     /* straight: baseline */
  double      subtitle_arc_cy, subtitle_arc_r;  /* curved: baseline circle */
  double      subtitle_w;

  /* stars */
  guint       n_stars;
  double      star_r;
  double      star_x[6], star_y[6], star_rot[6];

  /* per element, before placement: drawn? box x, y, w, h */
  gboolean    drawn[ROSETTE_N_ELEMENTS];
  double      box[ROSETTE_N_ELEMENTS][4];
  Transform   tf[ROSETTE_N_ELEMENTS];
} Layout;

void      _rosette_design_layout_init      (Layout                  *l,
                                            const RosetteDesignSpec *spec);
void      _rosette_design_layout_clear     (Layout                  *l);
void      _rosette_design_transform_box    (const Transform         *tf,
                                            double                   box[4]);

typedef struct
{
  const RosetteDesignSpec *spec;
  const Layout            *l;
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
  char                     title_ink[8];
  char                     emblem_ink[8];
  char                     metal_fill[64];   /* "url(#…metal)" or a flat colour */
  char                     metal_v_fill[64];
  char                     band_fill[64];
  char                     plaque_fill[64];
  char                     field_fill[64];
  char                    *font;        /* the font-family attribute value */
  guint                    weight;
  double                   plaque_w;    /* set by put_plaque() */
} Builder;

void      _rosette_design_putv             (Builder      *b,
                                            const char   *format,
                                            va_list       args);
ShapeInfo _rosette_design_shape_info       (RosetteShape  shape);
/* the field shrunk by @inset from the body edge, for round fields */
double    _rosette_design_inner_radius     (const Layout *l,
                                            double        inset);
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
/* @text along a circle centred at (@cx, @cy), baseline radius @r, centred
 * on the top of the circle, glyphs upright. */
void      _rosette_design_put_arc_text     (Builder      *b,
                                            double        cx,
                                            double        cy,
                                            double        r,
                                            double        size,
                                            double        spacing_em,
                                            const char   *fill,
                                            const char   *text);
double    _rosette_design_text_width       (const RosetteDesignSpec *spec,
                                            const char   *text,
                                            double        size,
                                            double        spacing_em);
void      _rosette_design_begin_placed     (Builder      *b,
                                            RosetteElement element);
void      _rosette_design_end_placed       (Builder      *b,
                                            RosetteElement element);

/* rosette-design-textpath.c: text runs as glyph outlines with Pango */
char     *_rosette_design_text_path_d      (const char   *font_family,
                                            guint         weight,
                                            double        size,
                                            double        spacing,
                                            const char   *text,
                                            double        x,
                                            double        y,
                                            gboolean      centred);
double    _rosette_design_measure_text     (const char   *font_family,
                                            guint         weight,
                                            double        size,
                                            double        spacing,
                                            const char   *text);

/* rosette-design-ornaments.c */
void      _rosette_design_put_rays         (Builder      *b);
void      _rosette_design_put_wreath       (Builder      *b);
void      _rosette_design_put_kind_back    (Builder      *b);

/* rosette-design-text.c */
void      _rosette_design_put_ribbon       (Builder      *b);
void      _rosette_design_put_plaque       (Builder      *b);
void      _rosette_design_put_subtitle     (Builder      *b);

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
