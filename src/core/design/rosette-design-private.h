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

const RosetteDesignEmblem *_rosette_design_emblem_lookup  (const char               *id);
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

G_END_DECLS
