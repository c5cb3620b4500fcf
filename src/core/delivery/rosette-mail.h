/* rosette-mail.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROSETTE_DELIVERY_ERROR (rosette_delivery_error_quark ())

/**
 * RosetteDeliveryError:
 * @ROSETTE_DELIVERY_ERROR_TRANSIENT: try again later (4xx, connection lost, timeout)
 * @ROSETTE_DELIVERY_ERROR_PERMANENT: the server refused this one message
 *   (5xx, such as an unknown address): fix it before retrying
 * @ROSETTE_DELIVERY_ERROR_AUTH: the server refused the user name or password
 * @ROSETTE_DELIVERY_ERROR_INSECURE: the connection would not be encrypted
 * @ROSETTE_DELIVERY_ERROR_CONFIG: the settings are incomplete or wrong
 * @ROSETTE_DELIVERY_ERROR_UNREACHABLE: the server cannot be reached at all
 */
typedef enum
{
  ROSETTE_DELIVERY_ERROR_TRANSIENT,
  ROSETTE_DELIVERY_ERROR_PERMANENT,
  ROSETTE_DELIVERY_ERROR_AUTH,
  ROSETTE_DELIVERY_ERROR_INSECURE,
  ROSETTE_DELIVERY_ERROR_CONFIG,
  ROSETTE_DELIVERY_ERROR_UNREACHABLE,
} RosetteDeliveryError;

/**
 * RosetteMailParams:
 * @from: the From header ("Name <addr>" or an address)
 * @to: the recipient's address
 * @to_name: (nullable): the recipient's name
 * @subject_template: the subject, with placeholders
 * @body_template: the text, with placeholders ({name} {badge} {tier}
 *   {criteria_url} {expires})
 * @badge: the badge (family) name
 * @tier: (nullable): the tier name
 * @organization: (nullable): the issuer's name
 * @criteria_url: (nullable): the public criteria page
 * @verify_url: (nullable): the published verification page
 * @credential_id: the credential id
 * @issued_at: when it was issued
 * @valid_until: (nullable): when it expires
 * @png: the baked PNG
 * @png_name: its file name
 * @svg: (nullable): the baked SVG
 * @svg_name: (nullable): its file name
 * @message_id: the Message-ID, without angle brackets
 * @date: (nullable): the Date header; %NULL for now
 */
typedef struct
{
  const char *from;
  const char *to;
  const char *to_name;
  const char *subject_template;
  const char *body_template;
  const char *badge;
  const char *tier;
  const char *organization;
  const char *criteria_url;
  const char *verify_url;
  const char *credential_id;
  GDateTime  *issued_at;
  GDateTime  *valid_until;
  GBytes     *png;
  const char *png_name;
  GBytes     *svg;
  const char *svg_name;
  const char *message_id;
  GDateTime  *date;
} RosetteMailParams;

/**
 * RosetteSmtpConfig:
 * @url: smtp://host:port or smtps://host:port
 * @security: "starttls" (the default), "tls" or "none" (loopback only)
 * @user: (nullable): the user name; %NULL or "" for no authentication
 * @password: (nullable): the password
 * @ca_file: (nullable): trust these CAs instead of the system's
 * @timeout_seconds: connect and transfer timeout; 0 for 60 s
 */
typedef struct
{
  const char *url;
  const char *security;
  const char *user;
  const char *password;
  const char *ca_file;
  guint       timeout_seconds;
} RosetteSmtpConfig;

GQuark   rosette_delivery_error_quark   (void);
char    *rosette_mail_expand            (const char              *template,
                                         const RosetteMailParams *params,
                                         gboolean                 html);
char    *rosette_mail_dup_linkedin_url  (const RosetteMailParams *params);
GBytes  *rosette_mail_build             (const RosetteMailParams *params);
char    *rosette_mail_address_of        (const char              *from);
gboolean rosette_smtp_send_sync         (const RosetteSmtpConfig *config,
                                         const char              *from,
                                         const char              *to,
                                         GBytes                  *message,
                                         GCancellable            *cancellable,
                                         GError                 **error);

G_END_DECLS
