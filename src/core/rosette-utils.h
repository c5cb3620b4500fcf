/* rosette-utils.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Upper bound for any document read from outside (family files, etc.). */
#define ROSETTE_MAX_DOCUMENT_SIZE (4 * 1024 * 1024)

char   *rosette_slugify          (const char    *text);
GBytes *rosette_load_file_bounded (GFile        *file,
                                   gsize         max_size,
                                   GCancellable *cancellable,
                                   GError      **error);
gboolean rosette_set_str         (char         **field,
                                  const char    *value);
gboolean rosette_json_depth_ok   (const char    *data,
                                  gsize          length,
                                  guint          max_depth);

G_END_DECLS
