/* rosette-passwords.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROSETTE_PASSWORD_SMTP "smtp.password"
#define ROSETTE_PASSWORD_PUBLISH "publish.password"

gboolean  rosette_password_store_sync  (const char    *key,
                                        const char    *password,
                                        GCancellable  *cancellable,
                                        GError       **error);
char     *rosette_password_lookup_sync (const char    *key,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
