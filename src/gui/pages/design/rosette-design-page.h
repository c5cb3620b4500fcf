/* rosette-design-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-canvas.h"
#include "rosette-core.h"
#include "rosette-inspector.h"
#include "rosette-tier-card.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_DESIGN_PAGE (rosette_design_page_get_type ())

G_DECLARE_FINAL_TYPE (RosetteDesignPage, rosette_design_page, ROSETTE, DESIGN_PAGE, AdwBin)

GtkWidget       *rosette_design_page_new               (void);
RosetteFamily   *rosette_design_page_get_family        (RosetteDesignPage *self);
void             rosette_design_page_set_family        (RosetteDesignPage *self,
                                                        RosetteFamily     *family);
RosetteTier     *rosette_design_page_get_selected_tier (RosetteDesignPage *self);
guint            rosette_design_page_get_n_cards       (RosetteDesignPage *self);
RosetteTierCard *rosette_design_page_get_card          (RosetteDesignPage *self,
                                                        guint              position);
RosetteCanvas    *rosette_design_page_get_canvas       (RosetteDesignPage *self);
RosetteInspector *rosette_design_page_get_inspector    (RosetteDesignPage *self);
void             rosette_design_page_set_history       (RosetteDesignPage *self,
                                                        RosetteHistory    *history);
void             rosette_design_page_select_tier       (RosetteDesignPage *self,
                                                        guint              position);
void             rosette_design_page_toggle_inspector  (RosetteDesignPage *self);
gboolean         rosette_design_page_move_tier         (RosetteDesignPage *self,
                                                        guint              from,
                                                        guint              to);

G_END_DECLS
