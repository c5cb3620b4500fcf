/* rosette-gui-award.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-core.h"

G_BEGIN_DECLS

/* What the Pathways and Nominations pages share to issue badges: the
 * issuer, the signing key (tests set one; the app asks the keyring when
 * the batch runs), the family to issue from and the output folder. */

RosetteAwardContext *rosette_gui_award_context_new (RosetteRegistry           *registry,
                                                    RosetteFamily             *family,
                                                    RosetteIssuer             *issuer,
                                                    RosetteKey                *key,
                                                    RosetteKeyRecord          *record,
                                                    GError                   **error);
RosetteFamily       *rosette_gui_award_find_family (RosetteFamily             *open_family,
                                                    const char                *family_slug,
                                                    const char                *family_file,
                                                    GError                   **error);
char                *rosette_gui_award_dup_summary (const RosetteBatchSummary *summary);

G_END_DECLS
