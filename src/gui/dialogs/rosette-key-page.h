/* rosette-key-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_KEY_PAGE (rosette_key_page_get_type ())

G_DECLARE_FINAL_TYPE (RosetteKeyPage, rosette_key_page, ROSETTE, KEY_PAGE, AdwPreferencesPage)

void           rosette_key_page_set_issuer    (RosetteKeyPage      *self,
                                               RosetteIssuerStore  *store,
                                               RosetteIssuer       *issuer);
RosetteIssuer *rosette_key_page_get_issuer    (RosetteKeyPage      *self);
gboolean       rosette_key_page_get_busy      (RosetteKeyPage      *self);
GtkWidget     *rosette_key_page_get_row       (RosetteKeyPage      *self,
                                               guint                position);
const char    *rosette_key_row_get_status_text (GtkWidget          *row);

G_END_DECLS
