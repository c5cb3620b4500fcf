/* rosette-family-keys-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gboolean _rosette_key_fail          (GError     **error,
                                     int          code,
                                     const char  *key,
                                     const char  *expected,
                                     const char  *value);
gboolean _rosette_key_parse_enum    (const char  *key,
                                     const char  *value,
                                     GType        type,
                                     int         *out,
                                     GError     **error);
gboolean _rosette_key_parse_boolean (const char  *key,
                                     const char  *value,
                                     gboolean    *out,
                                     GError     **error);
gboolean _rosette_key_parse_number  (const char  *value,
                                     double      *out);
gboolean _rosette_key_parse_range   (const char  *key,
                                     const char  *value,
                                     double       min,
                                     double       max,
                                     double      *out,
                                     GError     **error);
gboolean _rosette_key_parse_whole   (const char  *key,
                                     const char  *value,
                                     guint        min,
                                     guint        max,
                                     guint       *out,
                                     GError     **error);
gboolean _rosette_key_parse_color   (const char  *key,
                                     const char  *value,
                                     gboolean     optional,
                                     char       **out,
                                     GError     **error);
gboolean _rosette_key_check_utf8    (const char  *key,
                                     const char  *value,
                                     GError     **error);

G_END_DECLS
