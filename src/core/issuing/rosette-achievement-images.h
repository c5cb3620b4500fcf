/* rosette-achievement-images.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-registry.h"

G_BEGIN_DECLS

char     *rosette_achievement_image_dup_path     (const char  *family_slug,
                                                  const char  *tier_slug);
char     *rosette_achievement_image_dup_url      (const char  *publish_base,
                                                  const char  *family_slug,
                                                  const char  *tier_slug);
gboolean  rosette_publish_add_achievement_images (RosetteRegistry  *registry,
                                                  GHashTable       *tree,
                                                  GError          **error);

G_END_DECLS
