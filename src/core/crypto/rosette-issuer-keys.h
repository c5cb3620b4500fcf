/* rosette-issuer-keys.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer.h"
#include "rosette-issuer-store.h"
#include "rosette-key.h"
#include "rosette-key-record.h"

G_BEGIN_DECLS

/* Bound for a backup bundle read from outside. */
#define ROSETTE_BACKUP_MAX_FILE_SIZE (4 * 1024 * 1024)
#define ROSETTE_BACKUP_FORMAT_VERSION 1

gboolean          rosette_issuer_create_sync            (RosetteIssuer        *issuer,
                                                         RosetteIssuerStore   *store,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void              rosette_issuer_create_async           (RosetteIssuer        *issuer,
                                                         RosetteIssuerStore   *store,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          rosette_issuer_create_finish          (RosetteIssuer        *issuer,
                                                         GAsyncResult         *result,
                                                         GError              **error);

RosetteKeyRecord *rosette_issuer_generate_key_sync      (RosetteIssuer        *issuer,
                                                         RosetteIssuerStore   *store,
                                                         RosetteKeyAlgorithm   algorithm,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void              rosette_issuer_generate_key_async     (RosetteIssuer        *issuer,
                                                         RosetteIssuerStore   *store,
                                                         RosetteKeyAlgorithm   algorithm,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
RosetteKeyRecord *rosette_issuer_generate_key_finish    (RosetteIssuer        *issuer,
                                                         GAsyncResult         *result,
                                                         GError              **error);

gboolean          rosette_issuer_retire_key             (RosetteIssuer        *issuer,
                                                         RosetteIssuerStore   *store,
                                                         const char           *key_id,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
gboolean          rosette_issuer_revoke_key             (RosetteIssuer        *issuer,
                                                         RosetteIssuerStore   *store,
                                                         const char           *key_id,
                                                         GCancellable         *cancellable,
                                                         GError              **error);

gboolean          rosette_issuer_backup_sync            (RosetteIssuer        *issuer,
                                                         GFile                *file,
                                                         const char           *passphrase,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void              rosette_issuer_backup_async           (RosetteIssuer        *issuer,
                                                         GFile                *file,
                                                         const char           *passphrase,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          rosette_issuer_backup_finish          (RosetteIssuer        *issuer,
                                                         GAsyncResult         *result,
                                                         GError              **error);

RosetteIssuer    *rosette_issuer_restore_sync           (RosetteIssuerStore   *store,
                                                         GFile                *file,
                                                         const char           *passphrase,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void              rosette_issuer_restore_async          (RosetteIssuerStore   *store,
                                                         GFile                *file,
                                                         const char           *passphrase,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
RosetteIssuer    *rosette_issuer_restore_finish         (RosetteIssuerStore   *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);

RosetteKey       *rosette_issuer_load_signing_key_sync  (RosetteIssuer        *issuer,
                                                         RosetteKeyAlgorithm   algorithm,
                                                         RosetteKeyRecord    **out_record,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
GBytes           *rosette_issuer_sign_sync              (RosetteIssuer        *issuer,
                                                         RosetteKeyAlgorithm   algorithm,
                                                         const guint8         *data,
                                                         gsize                 length,
                                                         RosetteKeyRecord    **out_record,
                                                         GCancellable         *cancellable,
                                                         GError              **error);

G_END_DECLS
