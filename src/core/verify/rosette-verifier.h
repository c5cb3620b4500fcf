/* rosette-verifier.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-key.h"
#include "rosette-registry.h"
#include "rosette-verify-report.h"

G_BEGIN_DECLS

/* The clock skew allowed around validFrom and validUntil, in seconds. */
#define ROSETTE_VERIFY_CLOCK_SKEW (5 * 60)
/* JSON from outside is refused deeper than this, before json-glib sees it. */
#define ROSETTE_VERIFY_MAX_JSON_DEPTH 64
/* Limits for anything fetched while verifying. */
#define ROSETTE_VERIFY_MAX_FETCH_SIZE (1024 * 1024)
#define ROSETTE_VERIFY_FETCH_TIMEOUT 10

#define ROSETTE_TYPE_VERIFIER (rosette_verifier_get_type ())

G_DECLARE_FINAL_TYPE (RosetteVerifier, rosette_verifier, ROSETTE, VERIFIER, GObject)

RosetteVerifier     *rosette_verifier_new                 (void);
const char          *rosette_verifier_get_recipient       (RosetteVerifier      *self);
void                 rosette_verifier_set_recipient       (RosetteVerifier      *self,
                                                           const char           *email);
gboolean             rosette_verifier_get_offline         (RosetteVerifier      *self);
void                 rosette_verifier_set_offline         (RosetteVerifier      *self,
                                                           gboolean              offline);
RosetteKey          *rosette_verifier_get_trusted_key     (RosetteVerifier      *self);
void                 rosette_verifier_set_trusted_key     (RosetteVerifier      *self,
                                                           RosetteKey           *key);
gboolean             rosette_verifier_load_trusted_key    (RosetteVerifier      *self,
                                                           GBytes               *pem_or_jwk,
                                                           GError              **error);
GDateTime           *rosette_verifier_get_now             (RosetteVerifier      *self);
void                 rosette_verifier_set_now             (RosetteVerifier      *self,
                                                           GDateTime            *now);
gboolean             rosette_verifier_get_allow_loopback  (RosetteVerifier      *self);
void                 rosette_verifier_set_allow_loopback  (RosetteVerifier      *self,
                                                           gboolean              allow);
const char          *rosette_verifier_get_cache_dir       (RosetteVerifier      *self);
void                 rosette_verifier_set_cache_dir       (RosetteVerifier      *self,
                                                           const char           *directory);
RosetteRegistry     *rosette_verifier_get_registry        (RosetteVerifier      *self);
void                 rosette_verifier_set_registry        (RosetteVerifier      *self,
                                                           RosetteRegistry      *registry);

RosetteVerifyReport *rosette_verifier_verify_bytes_sync   (RosetteVerifier      *self,
                                                           GBytes               *data,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
RosetteVerifyReport *rosette_verifier_verify_file_sync    (RosetteVerifier      *self,
                                                           GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
void                 rosette_verifier_verify_file_async   (RosetteVerifier      *self,
                                                           GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
RosetteVerifyReport *rosette_verifier_verify_file_finish  (RosetteVerifier      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

RosetteVerifyReport *rosette_verify_file_sync             (GFile                *file,
                                                           const char           *recipient,
                                                           gboolean              offline,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

G_END_DECLS
