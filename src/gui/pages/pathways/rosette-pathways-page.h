/* rosette-pathways-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_PATHWAYS_PAGE (rosette_pathways_page_get_type ())

G_DECLARE_FINAL_TYPE (RosettePathwaysPage, rosette_pathways_page, ROSETTE, PATHWAYS_PAGE, AdwBin)

GtkWidget       *rosette_pathways_page_new          (void);
RosetteRegistry *rosette_pathways_page_get_registry (RosettePathwaysPage *self);
void             rosette_pathways_page_set_registry (RosettePathwaysPage *self,
                                                     RosetteRegistry     *registry);
RosetteFamily   *rosette_pathways_page_get_family   (RosettePathwaysPage *self);
void             rosette_pathways_page_set_family   (RosettePathwaysPage *self,
                                                     RosetteFamily       *family);
void             rosette_pathways_page_reload       (RosettePathwaysPage *self);

/* For tests. */
void             _rosette_pathways_page_set_signer  (RosettePathwaysPage *self,
                                                     RosetteIssuer       *issuer,
                                                     RosetteKey          *key,
                                                     RosetteKeyRecord    *record);
guint            _rosette_pathways_page_get_n_pathways (RosettePathwaysPage *self);
void             _rosette_pathways_page_select      (RosettePathwaysPage *self,
                                                     guint                index);
GListModel      *_rosette_pathways_page_get_progress (RosettePathwaysPage *self);
const char      *_rosette_pathways_page_get_summary (RosettePathwaysPage *self);
gboolean         _rosette_pathways_page_get_busy    (RosettePathwaysPage *self);
const char      *_rosette_pathways_page_get_last_message (RosettePathwaysPage *self);
GtkWidget       *_rosette_pathways_page_get_dialog  (RosettePathwaysPage *self);

G_END_DECLS
