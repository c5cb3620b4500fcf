/* rosette-recipient.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-types.h"

G_BEGIN_DECLS

/* RFC 5321: a path is at most 256 octets, so an address at most 254. */
#define ROSETTE_RECIPIENT_MAX_EMAIL_LENGTH 254
#define ROSETTE_RECIPIENT_MAX_NAME_LENGTH 200

#define ROSETTE_TYPE_RECIPIENT (rosette_recipient_get_type ())

G_DECLARE_FINAL_TYPE (RosetteRecipient, rosette_recipient, ROSETTE, RECIPIENT, GObject)

RosetteRecipient *rosette_recipient_new                 (const char        *email);
const char       *rosette_recipient_get_email           (RosetteRecipient  *self);
void              rosette_recipient_set_email           (RosetteRecipient  *self,
                                                         const char        *email);
const char       *rosette_recipient_get_name            (RosetteRecipient  *self);
void              rosette_recipient_set_name            (RosetteRecipient  *self,
                                                         const char        *name);
gboolean          rosette_recipient_get_include_name    (RosetteRecipient  *self);
void              rosette_recipient_set_include_name    (RosetteRecipient  *self,
                                                         gboolean           include_name);
char             *rosette_recipient_dup_normalized_email (RosetteRecipient *self);
gboolean          rosette_recipient_validate            (RosetteRecipient  *self,
                                                         GError           **error);

char             *rosette_email_normalize               (const char        *email);
gboolean          rosette_email_check                   (const char        *email,
                                                         GError           **error);

G_END_DECLS
