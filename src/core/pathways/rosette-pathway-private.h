/* rosette-pathway-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-pathway.h"

G_BEGIN_DECLS

/* Whether a credential of @family_slug / @tier_slug meets @requirement. */
gboolean _rosette_pathway_requirement_matches (const RosettePathwayRequirement *requirement,
                                               const char                      *family_slug,
                                               const char                      *tier_slug);

G_END_DECLS
