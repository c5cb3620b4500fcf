/* rosette-status-publish.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer.h"
#include "rosette-key.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/* The OB 2.0 RevocationList's file name in the status folder. */
#define ROSETTE_STATUS_OB2_REVOCATION_LIST_NAME "ob2-revocations.json"

char      *rosette_status_list_dup_url        (const char          *publish_base,
                                               gint64               list_id);
char      *rosette_status_publish_dup_default_dir (void);
char      *rosette_status_list_build_credential (RosetteRegistry   *registry,
                                               RosetteIssuer       *issuer,
                                               RosetteKeyRecord    *record,
                                               RosetteKey          *key,
                                               gint64               list_id,
                                               const char          *publish_base,
                                               GDateTime           *now,
                                               GError             **error);
GPtrArray *rosette_status_publish_sync        (RosetteRegistry     *registry,
                                               RosetteIssuer       *issuer,
                                               RosetteKeyRecord    *record,
                                               RosetteKey          *key,
                                               GFile               *publish_dir,
                                               GCancellable        *cancellable,
                                               GError             **error);
char      *rosette_status_dup_ob2_revocation_list_url (const char     *publish_base);
char      *rosette_status_build_ob2_revocation_list (RosetteRegistry *registry,
                                                     RosetteIssuer   *issuer,
                                                     GError         **error);
GPtrArray *rosette_status_publish_after_change (RosetteRegistry     *registry,
                                               RosetteIssuer       *issuer,
                                               RosetteKeyRecord    *record,
                                               RosetteKey          *key,
                                               GFile               *publish_dir,
                                               GCancellable        *cancellable,
                                               GError             **error);

G_END_DECLS
