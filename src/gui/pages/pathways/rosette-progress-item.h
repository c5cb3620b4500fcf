/* rosette-progress-item.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_PROGRESS_ITEM (rosette_progress_item_get_type ())

G_DECLARE_FINAL_TYPE (RosetteProgressItem, rosette_progress_item, ROSETTE, PROGRESS_ITEM, GObject)

RosetteProgressItem          *rosette_progress_item_new          (RosettePathwayProgress *progress);
const RosettePathwayProgress *rosette_progress_item_get_progress (RosetteProgressItem    *self);
char                         *rosette_progress_item_dup_person   (RosetteProgressItem    *self);
char                         *rosette_progress_item_dup_met      (RosetteProgressItem    *self);
char                         *rosette_progress_item_dup_lacking  (RosetteProgressItem    *self);

void                          rosette_progress_item_add_columns  (GtkColumnView          *view);

G_END_DECLS
