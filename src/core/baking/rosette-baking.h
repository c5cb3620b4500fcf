/* rosette-baking.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bounds for files read from outside (the verifier's input). */
#define ROSETTE_BAKING_MAX_FILE_SIZE (10 * 1024 * 1024)
#define ROSETTE_BAKING_MAX_PAYLOAD_SIZE (2 * 1024 * 1024)
#define ROSETTE_BAKING_MAX_PNG_CHUNKS 8192

#define ROSETTE_BAKING_PNG_KEYWORD_OB3 "openbadgecredential"
#define ROSETTE_BAKING_PNG_KEYWORD_OB2 "openbadges"
#define ROSETTE_BAKING_SVG_NAMESPACE_OB3 "https://purl.imsglobal.org/ob/v3p0"
#define ROSETTE_BAKING_SVG_NAMESPACE_OB2 "http://openbadges.org"

/**
 * RosetteBadgeVersion:
 * @ROSETTE_BADGE_VERSION_OB3: Open Badges 3.0 (iTXt "openbadgecredential",
 *   <openbadges:credential>)
 * @ROSETTE_BADGE_VERSION_OB2: Open Badges 2.0 (iTXt "openbadges",
 *   <openbadges:assertion>)
 *
 * Which Open Badges version a baked payload belongs to.
 */
typedef enum
{
  ROSETTE_BADGE_VERSION_OB3,
  ROSETTE_BADGE_VERSION_OB2,
} RosetteBadgeVersion;

/**
 * RosetteImageFormat:
 * @ROSETTE_IMAGE_FORMAT_UNKNOWN: neither
 * @ROSETTE_IMAGE_FORMAT_PNG: a PNG (by its signature)
 * @ROSETTE_IMAGE_FORMAT_SVG: an SVG (XML whose root is <svg>)
 */
typedef enum
{
  ROSETTE_IMAGE_FORMAT_UNKNOWN,
  ROSETTE_IMAGE_FORMAT_PNG,
  ROSETTE_IMAGE_FORMAT_SVG,
} RosetteImageFormat;

GBytes             *rosette_png_bake         (GBytes               *png,
                                              RosetteBadgeVersion   version,
                                              GBytes               *payload,
                                              GError              **error);
gsize               rosette_png_credential_chunk_size (RosetteBadgeVersion  version,
                                                       gsize                text_length);
gsize               rosette_png_put_credential_chunk  (guint8              *out,
                                                       RosetteBadgeVersion  version,
                                                       const guint8        *text,
                                                       gsize                text_length);
GBytes             *rosette_png_extract      (GBytes               *png,
                                              RosetteBadgeVersion  *version,
                                              GError              **error);
GBytes             *rosette_svg_bake         (GBytes               *svg,
                                              RosetteBadgeVersion   version,
                                              GBytes               *payload,
                                              GError              **error);
GBytes             *rosette_svg_extract      (GBytes               *svg,
                                              RosetteBadgeVersion  *version,
                                              GError              **error);
RosetteImageFormat  rosette_image_sniff      (GBytes               *data);
GBytes             *rosette_baked_extract    (GBytes               *data,
                                              RosetteBadgeVersion  *version,
                                              GError              **error);

G_END_DECLS
