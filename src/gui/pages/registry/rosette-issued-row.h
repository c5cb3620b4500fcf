/* rosette-issued-row.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_ISSUED_ROW (rosette_issued_row_get_type ())

G_DECLARE_FINAL_TYPE (RosetteIssuedRow, rosette_issued_row, ROSETTE, ISSUED_ROW, GObject)

RosetteIssuedRow    *rosette_issued_row_new        (guint                position);
guint                rosette_issued_row_get_position (RosetteIssuedRow   *self);
RosetteIssuedRecord *rosette_issued_row_get_record (RosetteIssuedRow    *self);
void                 rosette_issued_row_set_record (RosetteIssuedRow    *self,
                                                    RosetteIssuedRecord *record);

G_END_DECLS
