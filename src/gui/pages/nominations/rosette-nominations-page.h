/* rosette-nominations-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_NOMINATIONS_PAGE (rosette_nominations_page_get_type ())

G_DECLARE_FINAL_TYPE (RosetteNominationsPage, rosette_nominations_page, ROSETTE,
                      NOMINATIONS_PAGE, AdwBin)

GtkWidget       *rosette_nominations_page_new          (void);
RosetteRegistry *rosette_nominations_page_get_registry (RosetteNominationsPage *self);
void             rosette_nominations_page_set_registry (RosetteNominationsPage *self,
                                                        RosetteRegistry        *registry);
RosetteFamily   *rosette_nominations_page_get_family   (RosetteNominationsPage *self);
void             rosette_nominations_page_set_family   (RosetteNominationsPage *self,
                                                        RosetteFamily          *family);
void             rosette_nominations_page_reload       (RosetteNominationsPage *self);

/* For tests: what the buttons and dialogs do, and what is shown. */
void             _rosette_nominations_page_set_signer  (RosetteNominationsPage *self,
                                                        RosetteIssuer          *issuer,
                                                        RosetteKey             *key,
                                                        RosetteKeyRecord       *record);
void             _rosette_nominations_page_set_state   (RosetteNominationsPage *self,
                                                        RosetteNominationState  state);
guint            _rosette_nominations_page_get_n_rows  (RosetteNominationsPage *self);
GtkWidget       *_rosette_nominations_page_get_row     (RosetteNominationsPage *self,
                                                        guint                   index);
gboolean         _rosette_nominations_page_decide      (RosetteNominationsPage *self,
                                                        gint64                  id,
                                                        gboolean                approve,
                                                        const char             *approver,
                                                        const char             *comment);
gboolean         _rosette_nominations_page_submit      (RosetteNominationsPage *self,
                                                        const RosetteNominationInput *input);
void             _rosette_nominations_page_import_file (RosetteNominationsPage *self,
                                                        GFile                  *file);
gboolean         _rosette_nominations_page_get_busy    (RosetteNominationsPage *self);
const char      *_rosette_nominations_page_get_last_message (RosetteNominationsPage *self);
GtkWidget       *_rosette_nominations_page_get_dialog  (RosetteNominationsPage *self);

G_END_DECLS
