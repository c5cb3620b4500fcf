/* rosette-issuer.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer-enums.h"
#include "rosette-key-record.h"
#include "rosette-types.h"

G_BEGIN_DECLS

/* The issuer profile file format this build writes. */
#define ROSETTE_ISSUER_FORMAT_VERSION 1
#define ROSETTE_ISSUER_MAX_NAME_LENGTH 120
#define ROSETTE_ISSUER_MAX_URL_LENGTH 2048
#define ROSETTE_ISSUER_MAX_EMAIL_LENGTH 254
#define ROSETTE_ISSUER_MAX_DESCRIPTION_LENGTH 2000
/* An image may be a data: URI; keep it small enough to embed in every badge. */
#define ROSETTE_ISSUER_MAX_IMAGE_LENGTH (256 * 1024)
#define ROSETTE_ISSUER_MAX_KEYS 64
/* Bound for an issuer file (a 256 KB image plus 64 keys fits easily). */
#define ROSETTE_ISSUER_MAX_FILE_SIZE (1024 * 1024)

#define ROSETTE_TYPE_ISSUER (rosette_issuer_get_type ())

G_DECLARE_FINAL_TYPE (RosetteIssuer, rosette_issuer, ROSETTE, ISSUER, GObject)

RosetteIssuer         *rosette_issuer_new                  (const char           *name);
RosetteIssuer         *rosette_issuer_new_from_bytes       (GBytes               *bytes,
                                                            GError              **error);
GBytes                *rosette_issuer_to_bytes             (RosetteIssuer        *self);
gboolean               rosette_issuer_validate             (RosetteIssuer        *self,
                                                            GError              **error);

const char            *rosette_issuer_get_id               (RosetteIssuer        *self);
GDateTime             *rosette_issuer_get_created          (RosetteIssuer        *self);
const char            *rosette_issuer_get_name             (RosetteIssuer        *self);
void                   rosette_issuer_set_name             (RosetteIssuer        *self,
                                                            const char           *name);
const char            *rosette_issuer_get_url              (RosetteIssuer        *self);
void                   rosette_issuer_set_url              (RosetteIssuer        *self,
                                                            const char           *url);
const char            *rosette_issuer_get_email            (RosetteIssuer        *self);
void                   rosette_issuer_set_email            (RosetteIssuer        *self,
                                                            const char           *email);
const char            *rosette_issuer_get_description      (RosetteIssuer        *self);
void                   rosette_issuer_set_description      (RosetteIssuer        *self,
                                                            const char           *description);
const char            *rosette_issuer_get_image            (RosetteIssuer        *self);
void                   rosette_issuer_set_image            (RosetteIssuer        *self,
                                                            const char           *image);
const char            *rosette_issuer_get_identifier       (RosetteIssuer        *self);
void                   rosette_issuer_set_identifier       (RosetteIssuer        *self,
                                                            const char           *identifier);
RosetteIdentifierMode  rosette_issuer_get_identifier_mode  (RosetteIssuer        *self);
char                  *rosette_issuer_dup_web_domain       (RosetteIssuer        *self);

const char * const    *rosette_issuer_list_fields          (void);
gboolean               rosette_issuer_check_field          (const char           *field,
                                                            const char           *value,
                                                            GError              **error);
gboolean               rosette_issuer_set_field            (RosetteIssuer        *self,
                                                            const char           *field,
                                                            const char           *value,
                                                            GError              **error);
const char            *rosette_issuer_get_field            (RosetteIssuer        *self,
                                                            const char           *field);

GListModel            *rosette_issuer_get_keys             (RosetteIssuer        *self);
guint                  rosette_issuer_get_n_keys           (RosetteIssuer        *self);
RosetteKeyRecord      *rosette_issuer_find_key             (RosetteIssuer        *self,
                                                            const char           *key_id);
RosetteKeyRecord      *rosette_issuer_find_signing_key     (RosetteIssuer        *self,
                                                            RosetteKeyAlgorithm   algorithm);
gboolean               rosette_issuer_add_key              (RosetteIssuer        *self,
                                                            RosetteKeyRecord     *record,
                                                            GError              **error);
void                   rosette_issuer_remove_key           (RosetteIssuer        *self,
                                                            const char           *key_id);

const char            *rosette_issuer_identifier_explanation (void);

G_END_DECLS
