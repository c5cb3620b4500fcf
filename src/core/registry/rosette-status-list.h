/* rosette-status-list.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A decoded list larger than this is refused (a "zip bomb" guard): 16 MiB
 * of bits, 128 times the size Rosette writes. */
#define ROSETTE_STATUS_LIST_MAX_BYTES (16 * 1024 * 1024)

char     *rosette_status_list_encode  (const guint8  *bits,
                                       gsize          n_bytes,
                                       GError       **error);
GBytes   *rosette_status_list_decode  (const char    *encoded_list,
                                       GError       **error);
gboolean  rosette_status_list_get_bit (GBytes        *bits,
                                       guint64        index);
void      rosette_status_list_set_bit (guint8        *bits,
                                       guint64        index,
                                       gboolean       value);

G_END_DECLS
