/* rosette-keyring.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer-enums.h"

G_BEGIN_DECLS

/* The Secret Service schema of issuer keys; attributes "issuer-id",
 * "key-id" and "algorithm". */
#define ROSETTE_KEYRING_SCHEMA_NAME "io.github.rosette.IssuerKey"
#define ROSETTE_KEYRING_CONTENT_TYPE "application/pkcs8"

gboolean  rosette_keyring_check_sync     (GCancellable         *cancellable,
                                          GError              **error);
gboolean  rosette_keyring_store_sync     (const char           *issuer_id,
                                          const char           *key_id,
                                          RosetteKeyAlgorithm   algorithm,
                                          GBytes               *pkcs8,
                                          const char           *label,
                                          GCancellable         *cancellable,
                                          GError              **error);
GBytes   *rosette_keyring_lookup_sync    (const char           *issuer_id,
                                          const char           *key_id,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean  rosette_keyring_delete_sync    (const char           *issuer_id,
                                          const char           *key_id,
                                          GCancellable         *cancellable,
                                          GError              **error);
GStrv     rosette_keyring_list_keys_sync (const char           *issuer_id,
                                          GCancellable         *cancellable,
                                          GError              **error);

void      rosette_keyring_store_async    (const char           *issuer_id,
                                          const char           *key_id,
                                          RosetteKeyAlgorithm   algorithm,
                                          GBytes               *pkcs8,
                                          const char           *label,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  rosette_keyring_store_finish   (GAsyncResult         *result,
                                          GError              **error);
void      rosette_keyring_lookup_async   (const char           *issuer_id,
                                          const char           *key_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GBytes   *rosette_keyring_lookup_finish  (GAsyncResult         *result,
                                          GError              **error);
void      rosette_keyring_delete_async   (const char           *issuer_id,
                                          const char           *key_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  rosette_keyring_delete_finish  (GAsyncResult         *result,
                                          GError              **error);

void      _rosette_keyring_propagate_error (GError             **error,
                                            GError              *cause);

G_END_DECLS
