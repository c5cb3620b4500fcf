/* rosette-emblem-chooser.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_EMBLEM_CHOOSER (rosette_emblem_chooser_get_type ())

G_DECLARE_FINAL_TYPE (RosetteEmblemChooser, rosette_emblem_chooser, ROSETTE, EMBLEM_CHOOSER, GtkWidget)

GtkWidget     *rosette_emblem_chooser_new           (void);
RosetteFamily *rosette_emblem_chooser_get_family    (RosetteEmblemChooser *self);
void           rosette_emblem_chooser_set_family    (RosetteEmblemChooser *self,
                                                     RosetteFamily        *family);
void           rosette_emblem_chooser_set_filter    (RosetteEmblemChooser *self,
                                                     const char           *text);
guint          rosette_emblem_chooser_get_n_visible (RosetteEmblemChooser *self);
guint          rosette_emblem_chooser_get_n_previews (RosetteEmblemChooser *self);

G_END_DECLS
