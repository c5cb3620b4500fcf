/* rosette-issuer-store.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer.h"
#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_ISSUER_STORE (rosette_issuer_store_get_type ())

G_DECLARE_FINAL_TYPE (RosetteIssuerStore, rosette_issuer_store, ROSETTE, ISSUER_STORE, GObject)

RosetteIssuerStore *rosette_issuer_store_new              (GFile               *base_dir);
GFile              *rosette_issuer_store_get_base_dir     (RosetteIssuerStore  *self);
GFile              *rosette_issuer_store_dup_issuer_file  (RosetteIssuerStore  *self,
                                                           const char          *issuer_id);
GPtrArray          *rosette_issuer_store_list             (RosetteIssuerStore  *self,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
RosetteIssuer      *rosette_issuer_store_load             (RosetteIssuerStore  *self,
                                                           const char          *issuer_id,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
gboolean            rosette_issuer_store_save             (RosetteIssuerStore  *self,
                                                           RosetteIssuer       *issuer,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
gboolean            rosette_issuer_store_contains         (RosetteIssuerStore  *self,
                                                           const char          *issuer_id);
gboolean            rosette_issuer_store_delete           (RosetteIssuerStore  *self,
                                                           const char          *issuer_id,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
char               *rosette_issuer_store_dup_current_id   (RosetteIssuerStore  *self);
gboolean            rosette_issuer_store_set_current_id   (RosetteIssuerStore  *self,
                                                           const char          *issuer_id,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
RosetteIssuer      *rosette_issuer_store_load_current     (RosetteIssuerStore  *self,
                                                           GCancellable        *cancellable,
                                                           GError             **error);

G_END_DECLS
