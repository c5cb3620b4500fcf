/* rosette-design-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "rosette-model-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double dx, dy;     /* canvas units */
  double scale;      /* about the element's own centre; 0 is read as 1 */
} RosetteDesignPlacement;

/*
 * RosetteDesignSpec:
 *
 * Everything the SVG builder needs, in plain values. The public API fills
 * it from a RosetteFamily and a RosetteTier; the builder itself knows
 * nothing of GObject, which keeps it a pure function of this struct.
 */
typedef struct
{
  RosetteBadgeKind  kind;
  RosetteShape      shape;
  const char       *emblem;       /* emblem id, see _rosette_design_emblem_lookup() */
  const char       *emblem_text;  /* for the "years" emblem; may be NULL */
  const char       *title;        /* the family title, drawn on the ribbon */
  const char       *subtitle;     /* may be NULL; goes into <desc> */
  const char       *field_color;  /* "#rrggbb" */
  const char       *tier_name;    /* drawn on the plaque */
  RosetteMetal      metal;
  guint             stars;        /* 0..6 */
  RosetteRingStyle  ring_style;
  RosetteOrnament   ornament;
  const char       *id_prefix;    /* prefixed to every id; must start with a letter */

  /* Since format 2: the designer's properties. Zero values keep the look
   * of format 1 badges, except @shadow and @gradient (see
   * _rosette_design_spec_init()). */
  const char       *tier_field_color;  /* "" or NULL: the family's (or its ramp) */
  const char       *ribbon_color;      /* "" or NULL: derived from the field */
  const char       *emblem_color;      /* "" or NULL: the light default */
  const char       *font_family;       /* "" or NULL: DejaVu Sans Condensed */
  guint             font_weight;       /* 0: bold (700) */
  double            title_size;        /* 0: fit to the ribbon */
  RosetteTextLayout title_layout;
  gboolean          show_subtitle;
  RosetteTextLayout subtitle_layout;
  double            rim_width;         /* 0: the default rim */
  gboolean          shadow;
  gboolean          gradient;
  gboolean          palette_ramp;
  guint             tier_rank;         /* 0-based position of the tier ... */
  guint             n_tiers;           /* ... in a family of this many */
  const char       *custom_emblem;     /* SVG markup for emblem "custom" */
  RosetteDesignPlacement placements[ROSETTE_N_ELEMENTS];
  gboolean          text_to_path;      /* glyph outlines instead of <text> */
} RosetteDesignSpec;

typedef struct
{
  const char *id;
  /* Markup on a 48 x 48 grid, stroke width 4, corner radius 4, drawn in
   * currentColor; "@S" stands for the secondary (cut-out) tone. */
  const char *markup;
} RosetteDesignEmblem;

/* The emblem that draws the family's emblem text instead of a glyph. */
#define ROSETTE_DESIGN_EMBLEM_YEARS "years"
#define ROSETTE_DESIGN_EMBLEM_CUSTOM "custom"
/* Bounds for an imported emblem */
#define ROSETTE_DESIGN_MAX_EMBLEM_INPUT (512 * 1024)
#define ROSETTE_DESIGN_MAX_EMBLEM_ELEMENTS 10000
#define ROSETTE_DESIGN_MAX_EMBLEM_DEPTH 48

void                       _rosette_design_spec_init      (RosetteDesignSpec        *spec);
const RosetteDesignEmblem *_rosette_design_emblem_lookup  (const char               *id);
const char                *_rosette_design_emblem_kind    (const char               *id);
const char * const        *_rosette_design_emblem_ids     (void);

char                      *_rosette_design_build_svg      (const RosetteDesignSpec  *spec,
                                                           GError                  **error);
cairo_surface_t           *_rosette_design_rasterize      (const char               *svg,
                                                           gsize                     length,
                                                           guint                     size,
                                                           GError                  **error);
GBytes                    *_rosette_design_encode_png     (cairo_surface_t          *surface,
                                                           GError                  **error);
double                     _rosette_design_estimate_width (const char               *text,
                                                           double                    font_size,
                                                           double                    spacing);

/* rosette-design-sanitize.c: the parts of a sanitised SVG. @prefix is
 * put in front of every id. */
gboolean                   _rosette_design_sanitize       (const char               *svg,
                                                           gsize                     length,
                                                           const char               *prefix,
                                                           double                    viewbox[4],
                                                           char                    **inner,
                                                           GError                  **error);

/* rosette-design-layout.c */
gboolean                   _rosette_design_spec_bounds    (const RosetteDesignSpec  *spec,
                                                           RosetteElement            element,
                                                           double                    box[4]);
gboolean                   _rosette_design_spec_pick      (const RosetteDesignSpec  *spec,
                                                           double                    x,
                                                           double                    y,
                                                           RosetteElement           *element);

G_END_DECLS
