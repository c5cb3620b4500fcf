/* rosette-data-integrity.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-context-loader.h"
#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_DATA_INTEGRITY_PROOF_TYPE  "DataIntegrityProof"
#define ROSETTE_DATA_INTEGRITY_CRYPTOSUITE "eddsa-rdfc-2022"

#define ROSETTE_TYPE_DATA_INTEGRITY_RESULT (rosette_data_integrity_result_get_type ())

G_DECLARE_FINAL_TYPE (RosetteDataIntegrityResult, rosette_data_integrity_result,
                      ROSETTE, DATA_INTEGRITY_RESULT, GObject)

gboolean            rosette_data_integrity_result_get_verified            (RosetteDataIntegrityResult *self);
const char * const *rosette_data_integrity_result_get_reasons             (RosetteDataIntegrityResult *self);
const char         *rosette_data_integrity_result_get_verification_method (RosetteDataIntegrityResult *self);
const char         *rosette_data_integrity_result_get_canonical_document  (RosetteDataIntegrityResult *self);
const char         *rosette_data_integrity_result_get_canonical_proof     (RosetteDataIntegrityResult *self);
const char         *rosette_data_integrity_result_get_document_hash       (RosetteDataIntegrityResult *self);
const char         *rosette_data_integrity_result_get_proof_hash          (RosetteDataIntegrityResult *self);

JsonObject *rosette_data_integrity_create_proof (JsonObject            *credential,
                                                 RosetteKey            *key,
                                                 const char            *verification_method,
                                                 GDateTime             *created,
                                                 RosetteContextLoader  *loader,
                                                 GError               **error);
JsonObject *rosette_data_integrity_sign         (JsonObject            *credential,
                                                 RosetteKey            *key,
                                                 const char            *verification_method,
                                                 GDateTime             *created,
                                                 GError               **error);
RosetteDataIntegrityResult *
            rosette_data_integrity_verify       (JsonObject            *credential,
                                                 GError               **error);
RosetteDataIntegrityResult *
            rosette_data_integrity_verify_full  (JsonObject            *credential,
                                                 RosetteKey            *public_key,
                                                 const char            *controller,
                                                 RosetteContextLoader  *loader,
                                                 GError               **error);

G_END_DECLS
