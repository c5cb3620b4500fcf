/* rosette-types.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RosetteFamily RosetteFamily;
typedef struct _RosetteTier   RosetteTier;

G_END_DECLS
