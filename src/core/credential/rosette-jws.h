/* rosette-jws.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-key.h"

G_BEGIN_DECLS

/* Bound for a compact JWS read from outside (a baked chunk is at most 2 MB). */
#define ROSETTE_JWS_MAX_LENGTH (2 * 1024 * 1024)

char       *rosette_jws_sign_json  (RosetteKey    *key,
                                    const char    *kid,
                                    gboolean       embed_jwk,
                                    JsonNode      *payload,
                                    GError       **error);
gboolean    rosette_jws_decode     (const char    *jws,
                                    JsonObject   **header,
                                    GBytes       **payload,
                                    GError       **error);
gboolean    rosette_jws_verify     (const char    *jws,
                                    RosetteKey    *key,
                                    GBytes       **payload,
                                    GError       **error);

G_END_DECLS
