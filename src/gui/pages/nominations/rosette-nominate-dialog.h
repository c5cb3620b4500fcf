/* rosette-nominate-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_NOMINATE_DIALOG (rosette_nominate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosetteNominateDialog, rosette_nominate_dialog, ROSETTE, NOMINATE_DIALOG,
                      AdwMessageDialog)

RosetteNominateDialog *rosette_nominate_dialog_new       (GtkWindow              *parent,
                                                          GPtrArray              *nominables);
void                   rosette_nominate_dialog_get_input (RosetteNominateDialog  *self,
                                                          RosetteNominationInput *input);

/* For tests: fill the form as a person would. */
void                   _rosette_nominate_dialog_fill     (RosetteNominateDialog  *self,
                                                          const char             *nominee,
                                                          const char             *nominee_name,
                                                          const char             *nominator,
                                                          guint                   value,
                                                          const char             *reason);

G_END_DECLS
