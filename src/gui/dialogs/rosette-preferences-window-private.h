/* rosette-preferences-window-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-preferences-window.h"

G_BEGIN_DECLS

typedef enum
{
  MODE_DID_KEY,
  MODE_DID_WEB,
  MODE_URL,
} IdentifierChoice;

struct _RosettePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RosetteIssuerStore   *store;
  RosetteIssuer        *issuer;
  GCancellable         *cancellable;
  guint                 save_source;
  gboolean              loading;
  gboolean              creating;
  char                 *error_text;

  /* Template widgets */
  AdwPreferencesGroup  *status_group;
  GtkLabel             *status_label;
  AdwPreferencesGroup  *create_group;
  GtkButton            *create_button;
  GtkSpinner           *create_spinner;
  AdwPreferencesGroup  *profile_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *description_row;
  AdwEntryRow          *image_row;
  GtkLabel             *profile_error;
  AdwPreferencesGroup  *identifier_group;
  AdwComboRow          *mode_row;
  AdwEntryRow          *web_row;
  AdwActionRow         *identifier_row;
  GtkLabel             *identifier_error;
  RosetteKeyPage       *key_page;

  /* Email and Publishing (rosette-preferences-window-delivery.c) */
  RosetteSettings      *settings;
  gboolean              syncing_smtp;
  AdwEntryRow          *smtp_host_row;
  GtkSpinButton        *smtp_port_spin;
  AdwComboRow          *smtp_security_row;
  AdwEntryRow          *smtp_user_row;
  AdwPasswordEntryRow  *smtp_password_row;
  AdwEntryRow          *smtp_from_row;
  AdwEntryRow          *subject_row;
  GtkTextView          *body_view;
  AdwActionRow         *email_test_row;
  GtkSpinner           *email_test_spinner;
  AdwEntryRow          *publish_url_row;
  AdwEntryRow          *publish_user_row;
  AdwPasswordEntryRow  *publish_password_row;
  AdwActionRow         *publish_dir_row;
  GtkSwitch            *publish_credentials_switch;
  AdwActionRow         *publish_test_row;
  GtkSpinner           *publish_test_spinner;
  GtkFileChooserNative *folder_chooser;
  gboolean              email_testing;
  gboolean              publish_testing;
  guint                 pending_saves;
  char                 *email_result;
  char                 *publish_result;
  gboolean              email_ok;
  gboolean              publish_ok;
};

void _rosette_preferences_window_delivery_class_init (RosettePreferencesWindowClass *klass);
void _rosette_preferences_window_delivery_init       (RosettePreferencesWindow      *self);
void _rosette_preferences_window_delivery_dispose    (RosettePreferencesWindow      *self);

G_END_DECLS
