/* rosette-registry-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"
#include "rosette-issued-list-model.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_REGISTRY_PAGE (rosette_registry_page_get_type ())

G_DECLARE_FINAL_TYPE (RosetteRegistryPage, rosette_registry_page, ROSETTE, REGISTRY_PAGE, AdwBin)

GtkWidget       *rosette_registry_page_new          (void);
RosetteRegistry *rosette_registry_page_get_registry (RosetteRegistryPage *self);
void             rosette_registry_page_set_path     (RosetteRegistryPage *self,
                                                     const char          *path);
void             rosette_registry_page_set_store    (RosetteRegistryPage *self,
                                                     RosetteIssuerStore  *store);
void             rosette_registry_page_reload       (RosetteRegistryPage *self);
void             rosette_registry_page_set_family   (RosetteRegistryPage *self,
                                                     RosetteFamily       *family);

/* The registry the app uses ($ROSETTE_REGISTRY, else the default),
 * opening one in a worker thread, and the issuer store the app uses
 * ($ROSETTE_DATA_DIR, else the default): the Registry page and the
 * bulk-issue assistant share them. */
char            *rosette_registry_page_dup_registry_path     (void);
void             rosette_registry_page_open_registry_async   (const char          *path,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
RosetteRegistry *rosette_registry_page_open_registry_finish  (GAsyncResult        *result,
                                                              GError             **error);
RosetteIssuerStore *rosette_registry_page_dup_default_store  (void);

/* For tests: the list as a person sees it. */
RosetteIssuedListModel *_rosette_registry_page_get_model        (RosetteRegistryPage *self);
GtkColumnView          *_rosette_registry_page_get_column_view  (RosetteRegistryPage *self);
GtkColumnViewColumn    *_rosette_registry_page_get_column       (RosetteRegistryPage *self,
                                                                 const char          *id);
GtkEditable            *_rosette_registry_page_get_search_entry (RosetteRegistryPage *self);
const char             *_rosette_registry_page_get_state        (RosetteRegistryPage *self);
gboolean                _rosette_registry_page_get_busy         (RosetteRegistryPage *self);
void                    _rosette_registry_page_select           (RosetteRegistryPage *self,
                                                                 guint                position);
GtkWidget              *_rosette_registry_page_get_revoke_dialog (RosetteRegistryPage *self);
const char             *_rosette_registry_page_get_last_message (RosetteRegistryPage *self);
void                    _rosette_registry_page_export_pdf_to    (RosetteRegistryPage *self,
                                                                 GFile               *file);
char                   *_rosette_registry_page_dup_delivery_text (RosetteRegistryPage *self,
                                                                  const char          *credential_id,
                                                                  char               **tooltip);
gboolean                _rosette_registry_page_get_publishing   (RosetteRegistryPage *self);
gboolean                _rosette_registry_page_get_delivery_loading (RosetteRegistryPage *self);

G_END_DECLS
