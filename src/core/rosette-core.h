/* rosette-core.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-types.h"
#include "rosette-error.h"
#include "rosette-enums.h"
#include "rosette-utils.h"

#include "rosette-model-enums.h"
#include "rosette-tier.h"
#include "rosette-family.h"

#include "rosette-design.h"
