/* rosette-baking-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-baking.h"

G_BEGIN_DECLS

gboolean _rosette_baking_check_payload    (GBytes  *payload,
                                           GError **error);
void     _rosette_baking_set_count_error  (guint    count,
                                           GError **error);

G_END_DECLS
