/* rosette-key-documents.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-issuer.h"
#include "rosette-key.h"
#include "rosette-key-record.h"

G_BEGIN_DECLS

/**
 * RosettePublicFormat:
 * @ROSETTE_PUBLIC_FORMAT_JWK: a public JWK with "kid"
 * @ROSETTE_PUBLIC_FORMAT_PEM: SubjectPublicKeyInfo PEM
 * @ROSETTE_PUBLIC_FORMAT_DID: the did:key (did:key mode) or the issuer's DID/URL
 * @ROSETTE_PUBLIC_FORMAT_DID_JSON: did.json (did:web) or the did:key document
 * @ROSETTE_PUBLIC_FORMAT_MULTIKEY: a Multikey verification method
 * @ROSETTE_PUBLIC_FORMAT_OB2: an Open Badges 2.0 CryptographicKey
 *
 * The forms of `rosette-cli keys export-public --format`; the nicks are
 * the option values.
 */
typedef enum
{
  ROSETTE_PUBLIC_FORMAT_JWK,
  ROSETTE_PUBLIC_FORMAT_PEM,
  ROSETTE_PUBLIC_FORMAT_DID,
  ROSETTE_PUBLIC_FORMAT_DID_JSON,
  ROSETTE_PUBLIC_FORMAT_MULTIKEY,
  ROSETTE_PUBLIC_FORMAT_OB2,
} RosettePublicFormat;

gboolean    rosette_public_format_from_string        (const char           *text,
                                                      RosettePublicFormat  *format,
                                                      GError              **error);
RosetteKey *rosette_key_new_from_record              (RosetteKeyRecord     *record,
                                                      GError              **error);
char       *rosette_issuer_dup_identifier            (RosetteIssuer        *issuer);
char       *rosette_issuer_dup_identifier_for_key    (RosetteIssuer        *issuer,
                                                      RosetteKeyRecord     *record,
                                                      GError              **error);
char       *rosette_issuer_dup_key_uri               (RosetteIssuer        *issuer,
                                                      RosetteKeyRecord     *record,
                                                      GError              **error);
char       *rosette_issuer_dup_publish_base          (RosetteIssuer        *issuer,
                                                      GError              **error);
char       *rosette_issuer_dup_ob2_profile_url       (RosetteIssuer        *issuer,
                                                      GError              **error);
JsonNode   *rosette_issuer_build_did_document        (RosetteIssuer        *issuer,
                                                      RosetteKeyRecord     *record,
                                                      GError              **error);
JsonNode   *rosette_issuer_build_cryptographic_key   (RosetteIssuer        *issuer,
                                                      RosetteKeyRecord     *record,
                                                      GError              **error);
char       *rosette_issuer_export_public             (RosetteIssuer        *issuer,
                                                      RosetteKeyRecord     *record,
                                                      RosettePublicFormat   format,
                                                      GError              **error);

G_END_DECLS
