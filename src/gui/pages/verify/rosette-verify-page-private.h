/* rosette-verify-page-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-verify-page.h"

G_BEGIN_DECLS

struct _RosetteVerifyPage
{
  AdwBin               parent_instance;

  GFile               *file;
  RosetteVerifyReport *report;
  GCancellable        *cancellable;
  char                *recipient;
  GBytes              *trusted_key;
  char                *trusted_key_name;
  guint                offline : 1;
  guint                busy : 1;
  /* The registry of badges issued here, opened (and only read) before a
   * run once its file exists; it answers for them when their status list
   * is out of reach. */
  RosetteRegistry     *registry;
  GCancellable        *registry_cancellable;
  guint                registry_failed : 1;  /* the run after a failed open goes without */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *result_scroller;
  GtkWidget           *banner;
  GtkImage            *verdict_icon;
  GtkLabel            *verdict_label;
  GtkLabel            *summary_label;
  GtkLabel            *source_label;
  GtkSpinner          *rerun_spinner;
  GtkWidget           *badge_box;
  GtkImage            *picture;
  AdwActionRow        *achievement_row;
  AdwActionRow        *tier_row;
  AdwActionRow        *criteria_row;
  AdwActionRow        *issuer_row;
  AdwActionRow        *issued_row;
  AdwActionRow        *expires_row;
  AdwActionRow        *format_row;
  GtkWidget           *endorsements_group;
  GtkListBox          *endorsements_list;
  GtkListBox          *checks_list;
  GtkWidget           *options_group;
  AdwEntryRow         *email_row;
  GtkLabel            *email_message;
  GtkSwitch           *offline_switch;
  AdwActionRow        *key_row;
  GtkWidget           *key_clear_button;
  GtkWidget           *details_group;
  AdwExpanderRow      *details_row;
  GtkBox              *details_box;
};

void _rosette_verify_page_show_report_content (RosetteVerifyPage *self);

G_END_DECLS
