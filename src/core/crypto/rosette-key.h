/* rosette-key.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rosette-issuer-enums.h"
#include "rosette-types.h"

G_BEGIN_DECLS

/* Longest passphrase accepted for a backup, in bytes. */
#define ROSETTE_KEY_MAX_PASSPHRASE_LENGTH 1024
/* Length of an Ed25519 seed and of a P-256 coordinate, in bytes. */
#define ROSETTE_KEY_ED25519_LENGTH 32
#define ROSETTE_KEY_P256_COORDINATE_LENGTH 32

#define ROSETTE_TYPE_KEY (rosette_key_get_type ())

G_DECLARE_FINAL_TYPE (RosetteKey, rosette_key, ROSETTE, KEY, GObject)

RosetteKey          *rosette_key_generate                  (RosetteKeyAlgorithm   algorithm,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_pkcs8            (GBytes               *der,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_encrypted_pkcs8  (const char           *pem,
                                                            const char           *passphrase,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_ed25519_raw      (GBytes               *seed,
                                                            GBytes               *public_key,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_spki             (GBytes               *der,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_public_pem       (const char           *pem,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_jwk             (JsonObject           *jwk,
                                                            GError              **error);
RosetteKey          *rosette_key_new_from_multikey         (const char           *multibase,
                                                            GError              **error);

RosetteKeyAlgorithm  rosette_key_get_algorithm             (RosetteKey           *self);
gboolean             rosette_key_has_private               (RosetteKey           *self);
RosetteKey          *rosette_key_dup_public                (RosetteKey           *self);

GBytes              *rosette_key_export_pkcs8              (RosetteKey           *self,
                                                            GError              **error);
char                *rosette_key_export_encrypted_pkcs8    (RosetteKey           *self,
                                                            const char           *passphrase,
                                                            GError              **error);

GBytes              *rosette_key_dup_spki                  (RosetteKey           *self);
char                *rosette_key_dup_id                    (RosetteKey           *self);
char                *rosette_key_dup_public_pem            (RosetteKey           *self);
GBytes              *rosette_key_dup_raw_public            (RosetteKey           *self);
JsonObject          *rosette_key_dup_jwk                   (RosetteKey           *self,
                                                            const char           *kid);
char                *rosette_key_dup_jwk_string            (RosetteKey           *self,
                                                            const char           *kid);
char                *rosette_key_dup_multikey              (RosetteKey           *self,
                                                            GError              **error);
char                *rosette_key_dup_did_key               (RosetteKey           *self,
                                                            GError              **error);
char                *rosette_key_dup_did_key_method        (RosetteKey           *self,
                                                            GError              **error);
JsonNode            *rosette_key_build_did_key_document    (RosetteKey           *self,
                                                            GError              **error);

GBytes              *rosette_key_sign                      (RosetteKey           *self,
                                                            const guint8         *data,
                                                            gsize                 length,
                                                            GError              **error);
gboolean             rosette_key_verify                    (RosetteKey           *self,
                                                            const guint8         *data,
                                                            gsize                 length,
                                                            GBytes               *signature,
                                                            GError              **error);
char                *rosette_key_sign_jws                  (RosetteKey           *self,
                                                            const char           *header_json,
                                                            const guint8         *payload,
                                                            gsize                 length,
                                                            GError              **error);

const char          *rosette_key_algorithm_get_jws_name    (RosetteKeyAlgorithm   algorithm);
GBytes              *rosette_secure_bytes_new              (gconstpointer         data,
                                                            gsize                 length);

G_END_DECLS
