/* rosette-tier-card.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-badge-view.h"
#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_TIER_CARD (rosette_tier_card_get_type ())

G_DECLARE_FINAL_TYPE (RosetteTierCard, rosette_tier_card, ROSETTE, TIER_CARD, GtkWidget)

GtkWidget        *rosette_tier_card_new            (RosetteFamily   *family,
                                                    RosetteTier     *tier);
RosetteFamily    *rosette_tier_card_get_family     (RosetteTierCard *self);
RosetteTier      *rosette_tier_card_get_tier       (RosetteTierCard *self);
RosetteBadgeView *rosette_tier_card_get_badge_view (RosetteTierCard *self);
char             *rosette_tier_dup_caption         (RosetteTier     *tier);

G_END_DECLS
