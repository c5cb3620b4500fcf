/* rosette-hosted.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

GBytes  *rosette_verify_page_build       (RosetteIssuer   *issuer,
                                          GBytes          *credential,
                                          GError         **error);
gboolean rosette_publish_add_credentials (GHashTable      *tree,
                                          RosetteRegistry *registry,
                                          RosetteIssuer   *issuer,
                                          GError         **error);
char    *rosette_hosted_dup_page_path    (const char      *credential_id);

G_END_DECLS
