/* rosette-window-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-window.h"

G_BEGIN_DECLS

struct _RosetteWindow
{
  AdwApplicationWindow  parent_instance;

  RosetteFamily        *family;
  GFile                *file;
  GCancellable         *cancellable;
  GSettings            *settings;
  GError               *error;
  gulong                family_changed_id;
  guint                 modified : 1;
  guint                 loading : 1;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  RosetteDesignPage    *design_page;
};

void _rosette_window_class_actions_init (RosetteWindowClass *klass);
void _rosette_window_update_actions     (RosetteWindow      *self);
void _rosette_window_set_file           (RosetteWindow      *self,
                                         GFile              *file);
void _rosette_window_set_modified       (RosetteWindow      *self,
                                         gboolean            modified);

G_END_DECLS
