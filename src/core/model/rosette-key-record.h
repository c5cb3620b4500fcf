/* rosette-key-record.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-issuer-enums.h"
#include "rosette-types.h"

G_BEGIN_DECLS

/* Key ids are the first 16 hex digits of SHA-256 over the public key. */
#define ROSETTE_KEY_ID_LENGTH 16
/* A DER SubjectPublicKeyInfo of RSA-2048 is 294 bytes; leave room. */
#define ROSETTE_KEY_MAX_PUBLIC_KEY_SIZE 1024

#define ROSETTE_TYPE_KEY_RECORD (rosette_key_record_get_type ())

G_DECLARE_FINAL_TYPE (RosetteKeyRecord, rosette_key_record, ROSETTE, KEY_RECORD, GObject)

RosetteKeyRecord    *rosette_key_record_new               (RosetteKeyAlgorithm  algorithm,
                                                           GBytes              *public_key,
                                                           GDateTime           *created);
const char          *rosette_key_record_get_id            (RosetteKeyRecord    *self);
RosetteKeyAlgorithm  rosette_key_record_get_algorithm     (RosetteKeyRecord    *self);
GDateTime           *rosette_key_record_get_created       (RosetteKeyRecord    *self);
GBytes              *rosette_key_record_get_public_key    (RosetteKeyRecord    *self);
const char          *rosette_key_record_get_fingerprint   (RosetteKeyRecord    *self);
RosetteKeyStatus     rosette_key_record_get_status        (RosetteKeyRecord    *self);
GDateTime           *rosette_key_record_get_status_changed (RosetteKeyRecord   *self);
gboolean             rosette_key_record_set_status        (RosetteKeyRecord    *self,
                                                           RosetteKeyStatus     status,
                                                           GDateTime           *when,
                                                           GError             **error);
gboolean             rosette_key_record_can_sign          (RosetteKeyRecord    *self);

char                *rosette_key_id_for_public_key        (GBytes              *public_key);
gboolean             rosette_key_id_is_valid              (const char          *key_id);
const char          *rosette_key_algorithm_to_string      (RosetteKeyAlgorithm  algorithm);
gboolean             rosette_key_algorithm_from_string    (const char          *text,
                                                           RosetteKeyAlgorithm *algorithm,
                                                           GError             **error);
const char          *rosette_key_algorithm_get_label      (RosetteKeyAlgorithm  algorithm);
const char          *rosette_key_status_to_string         (RosetteKeyStatus     status);
const char          *rosette_key_status_get_label         (RosetteKeyStatus     status);

G_END_DECLS
