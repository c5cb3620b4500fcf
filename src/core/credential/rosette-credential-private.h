/* rosette-credential-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-issuer.h"

G_BEGIN_DECLS

/* The small JSON pieces every OB 3.0 document Rosette builds is made of
 * (badges in rosette-credential.c, endorsements in rosette-endorsement.c):
 * one copy, so both write the same shapes. */

void        _rosette_json_add_string           (JsonObject    *object,
                                                  const char    *name,
                                                  const char    *value);
void        _rosette_json_add_type             (JsonObject    *object,
                                                  const char    *first,
                                                  const char    *second);
void        _rosette_json_add_date             (JsonObject    *object,
                                                  const char    *name,
                                                  GDateTime     *date);
JsonObject *_rosette_credential_build_profile (RosetteIssuer *issuer,
                                                  const char    *issuer_id);

G_END_DECLS
