/* rosette-pathway-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_PATHWAY_DIALOG (rosette_pathway_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosettePathwayDialog, rosette_pathway_dialog, ROSETTE, PATHWAY_DIALOG,
                      AdwMessageDialog)

RosettePathwayDialog *rosette_pathway_dialog_new   (GtkWindow            *parent,
                                                    GPtrArray            *achievements,
                                                    RosetteFamily        *family);
RosettePathway       *rosette_pathway_dialog_build (RosettePathwayDialog *self,
                                                    GError              **error);

/* For tests: fill the form as a person would. */
void                  _rosette_pathway_dialog_fill (RosettePathwayDialog *self,
                                                    const char           *name,
                                                    guint                 goal,
                                                    const guint          *required,
                                                    guint                 n_required,
                                                    guint                 n_of,
                                                    gboolean              still_valid);

G_END_DECLS
