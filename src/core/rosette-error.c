/* rosette-error.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rosette-error.h"

G_DEFINE_QUARK (rosette-error-quark, rosette_error)
