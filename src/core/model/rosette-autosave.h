/* rosette-autosave.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_AUTOSAVE (rosette_autosave_get_type ())
#define ROSETTE_TYPE_AUTOSAVE_ENTRY (rosette_autosave_entry_get_type ())

G_DECLARE_FINAL_TYPE (RosetteAutosave, rosette_autosave, ROSETTE, AUTOSAVE, GObject)
G_DECLARE_FINAL_TYPE (RosetteAutosaveEntry, rosette_autosave_entry, ROSETTE, AUTOSAVE_ENTRY, GObject)

/*
 * Unsaved work is written every few seconds to a private folder
 * (default: $XDG_STATE_HOME/rosette/autosave), one entry per open
 * document, and removed when the document is saved or closed cleanly.
 * Entries left behind after a crash are offered for recovery.
 */
RosetteAutosave      *rosette_autosave_new                  (GFile                *directory);
gboolean              rosette_autosave_save                 (RosetteAutosave      *self,
                                                             const char           *document_id,
                                                             RosetteFamily        *family,
                                                             GFile                *original,
                                                             GCancellable         *cancellable,
                                                             GError              **error);
void                  rosette_autosave_save_async           (RosetteAutosave      *self,
                                                             const char           *document_id,
                                                             RosetteFamily        *family,
                                                             GFile                *original,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              rosette_autosave_save_finish          (RosetteAutosave      *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  rosette_autosave_discard              (RosetteAutosave      *self,
                                                             const char           *document_id);
GListModel           *rosette_autosave_list                 (RosetteAutosave      *self,
                                                             GError              **error);
RosetteFamily        *rosette_autosave_entry_recover        (RosetteAutosaveEntry *entry,
                                                             GError              **error);
const char           *rosette_autosave_entry_get_id         (RosetteAutosaveEntry *entry);
GFile                *rosette_autosave_entry_get_original   (RosetteAutosaveEntry *entry);
const char           *rosette_autosave_entry_get_name       (RosetteAutosaveEntry *entry);
GDateTime            *rosette_autosave_entry_get_modified   (RosetteAutosaveEntry *entry);

G_END_DECLS
