/* rosette-delivery.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer.h"
#include "rosette-mail.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/**
 * RosetteSendProgress:
 * @done: messages handled so far
 * @total: messages due
 * @credential_id: the one just handled
 * @error: (nullable): why it failed, or %NULL when sent
 */
typedef void (*RosetteSendProgress) (guint         done,
                                     guint         total,
                                     const char   *credential_id,
                                     const GError *error,
                                     gpointer      user_data);

/**
 * RosetteSendOptions:
 * @smtp: the mail server
 * @from: the From header
 * @subject_template: (nullable): the subject; %NULL for the default
 * @body_template: (nullable): the text; %NULL for the default
 * @issuer: (nullable): for the organization name and the public links
 * @rate_per_minute: at most this many messages a minute; 0 for no limit
 * @dry_run: only list what would be sent
 * @only: (nullable) (array zero-terminated=1): only these credential ids
 * @resend: queue @only again even if sent
 * @progress: (nullable): called after each message
 * @progress_data: its closure
 * @hosted_credentials: the credentials are published with verification
 *   pages (publish.credentials): link to them
 */
typedef struct
{
  RosetteSmtpConfig    smtp;
  const char          *from;
  const char          *subject_template;
  const char          *body_template;
  RosetteIssuer       *issuer;
  guint                rate_per_minute;
  gboolean             dry_run;
  const char * const  *only;
  gboolean             resend;
  RosetteSendProgress  progress;
  gpointer             progress_data;
  gboolean             hosted_credentials;
} RosetteSendOptions;

/**
 * RosetteSendSummary:
 * @due: messages that were due
 * @sent: sent now
 * @failed: failed now (still in the outbox)
 * @resumed: of @due, messages an interrupted run had handed to the server
 *   without knowing the outcome: sent again with the same Message-ID
 */
typedef struct
{
  guint due;
  guint sent;
  guint failed;
  guint resumed;
} RosetteSendSummary;

gboolean rosette_delivery_enqueue_email       (RosetteRegistry          *registry,
                                               const char               *credential_id,
                                               const char               *to,
                                               GError                  **error);
gint     rosette_delivery_enqueue_undelivered (RosetteRegistry          *registry,
                                               GError                  **error);
gboolean rosette_delivery_send_sync           (RosetteRegistry          *registry,
                                               const RosetteSendOptions *options,
                                               RosetteSendSummary       *summary,
                                               GCancellable             *cancellable,
                                               GError                  **error);
void     rosette_delivery_send_async          (RosetteRegistry          *registry,
                                               const RosetteSendOptions *options,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean rosette_delivery_send_finish         (RosetteRegistry          *registry,
                                               GAsyncResult             *result,
                                               RosetteSendSummary       *summary,
                                               GError                  **error);

G_END_DECLS
