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
  RosetteHistory       *history;
  RosetteAutosave      *autosave;
  GFile                *file;
  GCancellable         *cancellable;
  GSettings            *settings;
  GError               *error;
  AdwMessageDialog     *close_dialog;
  /* Names this window's unsaved work in the autosave folder */
  char                 *document_id;
  gulong                family_changed_id;
  guint                 autosave_source;
  guint                 autosave_delay_ms;
  guint                 modified : 1;
  guint                 loading : 1;
  /* Recovered after a crash: unsaved until the next save */
  guint                 recovered : 1;
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GMenu                *recent_menu;
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
void _rosette_window_update_modified    (RosetteWindow      *self);
void _rosette_window_saved              (RosetteWindow      *self,
                                         GFile              *file);
void _rosette_window_save_then_close    (RosetteWindow      *self);
void _rosette_window_update_recent      (RosetteWindow      *self);
void _rosette_window_add_recent         (RosetteWindow      *self,
                                         GFile              *file);

/* For tests: how long after a change unsaved work is written, and the
 * "Save changes?" dialog shown on close, if any. */
void              _rosette_window_set_autosave_delay (RosetteWindow *self,
                                                      guint          delay_ms);
const char       *_rosette_window_get_document_id    (RosetteWindow *self);
AdwMessageDialog *_rosette_window_get_close_dialog   (RosetteWindow *self);
RosetteHistory   *_rosette_window_get_history        (RosetteWindow *self);

G_END_DECLS
