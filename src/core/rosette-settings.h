/* rosette-settings.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROSETTE_TYPE_SETTINGS (rosette_settings_get_type ())

G_DECLARE_FINAL_TYPE (RosetteSettings, rosette_settings, ROSETTE, SETTINGS, GObject)

RosetteSettings    *rosette_settings_new               (void);
const char * const *rosette_settings_list_names        (void);
char               *rosette_settings_dup_value         (RosetteSettings  *self,
                                                        const char       *name,
                                                        GError          **error);
gboolean            rosette_settings_set_value         (RosetteSettings  *self,
                                                        const char       *name,
                                                        const char       *value,
                                                        GError          **error);
const char         *rosette_settings_get_smtp_url      (RosetteSettings  *self);
const char         *rosette_settings_get_smtp_security (RosetteSettings  *self);
const char         *rosette_settings_get_smtp_user     (RosetteSettings  *self);
const char         *rosette_settings_get_smtp_from     (RosetteSettings  *self);
const char         *rosette_settings_get_smtp_ca_file  (RosetteSettings  *self);
guint               rosette_settings_get_smtp_rate     (RosetteSettings  *self);
const char         *rosette_settings_get_publish_url   (RosetteSettings  *self);
const char         *rosette_settings_get_publish_user  (RosetteSettings  *self);
const char         *rosette_settings_get_publish_dir   (RosetteSettings  *self);
const char         *rosette_settings_get_email_subject (RosetteSettings  *self);
const char         *rosette_settings_get_email_body    (RosetteSettings  *self);
gboolean            rosette_settings_get_publish_credentials (RosetteSettings *self);

G_END_DECLS
