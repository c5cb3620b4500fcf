/* rosette-history.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_HISTORY_MAX_STEPS 200

#define ROSETTE_TYPE_HISTORY (rosette_history_get_type ())

G_DECLARE_FINAL_TYPE (RosetteHistory, rosette_history, ROSETTE, HISTORY, GObject)

/*
 * RosetteHistory follows one family's "changed" signal and keeps every
 * edit as an undoable step. A drag on the canvas is one step: wrap it in
 * begin_group()/end_group(). Undo and redo restore the family in place
 * (rosette_family_restore()), so views holding the family stay valid.
 * Properties: "can-undo", "can-redo", "modified" (differs from the last
 * mark_saved()).
 */
RosetteHistory *rosette_history_new          (RosetteFamily  *family);
RosetteFamily  *rosette_history_get_family   (RosetteHistory *self);
gboolean        rosette_history_get_can_undo (RosetteHistory *self);
gboolean        rosette_history_get_can_redo (RosetteHistory *self);
gboolean        rosette_history_get_modified (RosetteHistory *self);
void            rosette_history_undo         (RosetteHistory *self);
void            rosette_history_redo         (RosetteHistory *self);
void            rosette_history_begin_group  (RosetteHistory *self);
void            rosette_history_end_group    (RosetteHistory *self);
void            rosette_history_mark_saved   (RosetteHistory *self);
void            rosette_history_clear        (RosetteHistory *self);

G_END_DECLS
