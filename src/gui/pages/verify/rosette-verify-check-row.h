/* rosette-verify-check-row.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_VERIFY_CHECK_ROW (rosette_verify_check_row_get_type ())

G_DECLARE_FINAL_TYPE (RosetteVerifyCheckRow, rosette_verify_check_row, ROSETTE, VERIFY_CHECK_ROW,
                      AdwActionRow)

GtkWidget          *rosette_verify_check_row_new           (RosetteVerifyCheck    *check,
                                                            gboolean               warn_unchecked);
GtkWidget          *rosette_verify_check_row_new_for_endorsement (RosetteVerifyReport *report,
                                                                  guint                index);
RosetteVerifyCheck *rosette_verify_check_row_get_check     (RosetteVerifyCheckRow *self);
const char         *rosette_verify_check_row_get_icon_name (RosetteVerifyCheckRow *self);

G_END_DECLS
