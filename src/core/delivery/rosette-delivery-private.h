/* rosette-delivery-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issued-record.h"
#include "rosette-issuer.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

GString  *_rosette_public_page_begin            (const char           *title);
GBytes   *_rosette_public_page_end              (GString              *html);
gboolean  _rosette_publish_add_criteria_pages   (GHashTable           *tree,
                                                 RosetteRegistry      *registry,
                                                 RosetteIssuer        *issuer,
                                                 GError              **error);
GBytes   *_rosette_public_withdrawn_page_build  (RosetteIssuer        *issuer,
                                                 RosetteIssuedRecord  *record,
                                                 const char           *replacement_page);

G_END_DECLS
