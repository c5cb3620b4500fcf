/* rosette-design.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rosette-model-enums.h"
#include "rosette-types.h"

G_BEGIN_DECLS

/* Sizes accepted for raster output, in pixels (square). */
#define ROSETTE_DESIGN_MIN_SIZE 64
#define ROSETTE_DESIGN_MAX_SIZE 2048
#define ROSETTE_DESIGN_DEFAULT_SIZE 512

/**
 * RosetteExportFormat:
 * @ROSETTE_EXPORT_FORMAT_PNG: a PNG rendered from the SVG by librsvg
 * @ROSETTE_EXPORT_FORMAT_SVG: the SVG itself
 */
typedef enum /*< flags >*/
{
  ROSETTE_EXPORT_FORMAT_PNG = 1 << 0,
  ROSETTE_EXPORT_FORMAT_SVG = 1 << 1,
} RosetteExportFormat;

char               *rosette_design_render_svg      (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    GError              **error);
cairo_surface_t    *rosette_design_render_surface  (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    guint                 size,
                                                    GError              **error);
GBytes             *rosette_design_render_png      (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    guint                 size,
                                                    GError              **error);
char               *rosette_design_dup_file_name   (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    RosetteExportFormat   format);
gboolean            rosette_design_export          (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    RosetteExportFormat   formats,
                                                    guint                 size,
                                                    GFile                *directory,
                                                    GPtrArray           **written,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void                rosette_design_export_async    (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    RosetteExportFormat   formats,
                                                    guint                 size,
                                                    GFile                *directory,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray          *rosette_design_export_finish   (GAsyncResult         *result,
                                                    GError              **error);
/**
 * RosetteExportOptions:
 * @formats: PNG and/or SVG
 * @sizes: PNG sizes in pixels, 0-terminated (at most 8); when there is
 *   more than one, PNG names get a "-<size>" suffix before ".png"
 * @text_to_path: SVG text is converted to outlines, so the badge looks
 *   the same on machines without the font
 */
typedef struct
{
  RosetteExportFormat formats;
  guint               sizes[9];
  gboolean            text_to_path;
} RosetteExportOptions;

char               *rosette_design_render_svg_full (RosetteFamily              *family,
                                                    RosetteTier                *tier,
                                                    gboolean                    text_to_path,
                                                    GError                    **error);
gboolean            rosette_design_export_tiers    (RosetteFamily              *family,
                                                    GPtrArray                  *tiers,
                                                    const RosetteExportOptions *options,
                                                    GFile                      *directory,
                                                    GPtrArray                 **written,
                                                    GCancellable               *cancellable,
                                                    GError                    **error);
void                rosette_design_export_tiers_async (RosetteFamily              *family,
                                                       GPtrArray                  *tiers,
                                                       const RosetteExportOptions *options,
                                                       GFile                      *directory,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
GPtrArray          *rosette_design_export_tiers_finish (GAsyncResult         *result,
                                                        GError              **error);
gboolean            rosette_design_get_element_bounds (RosetteFamily         *family,
                                                       RosetteTier           *tier,
                                                       RosetteElement         element,
                                                       double                *x,
                                                       double                *y,
                                                       double                *width,
                                                       double                *height);
RosetteElement      rosette_design_pick_element    (RosetteFamily        *family,
                                                    RosetteTier          *tier,
                                                    double                x,
                                                    double                y,
                                                    gboolean             *found);
char               *rosette_design_sanitize_emblem (const char           *svg,
                                                    gsize                 length,
                                                    GError              **error);
const char         *rosette_design_get_emblem_kind (const char           *emblem);
const char * const *rosette_design_list_emblems    (void);
gboolean            rosette_design_has_emblem      (const char           *emblem);

G_END_DECLS
