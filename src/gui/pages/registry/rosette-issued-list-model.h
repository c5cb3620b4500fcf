/* rosette-issued-list-model.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-core.h"
#include "rosette-issued-row.h"

G_BEGIN_DECLS

/* Rows read from the registry in one query. */
#define ROSETTE_ISSUED_LIST_PAGE_SIZE 200

#define ROSETTE_TYPE_ISSUED_LIST_MODEL (rosette_issued_list_model_get_type ())

G_DECLARE_FINAL_TYPE (RosetteIssuedListModel, rosette_issued_list_model, ROSETTE, ISSUED_LIST_MODEL, GObject)

RosetteIssuedListModel *rosette_issued_list_model_new          (void);
RosetteRegistry        *rosette_issued_list_model_get_registry (RosetteIssuedListModel   *self);
void                    rosette_issued_list_model_set_registry (RosetteIssuedListModel   *self,
                                                                RosetteRegistry          *registry);
void                    rosette_issued_list_model_set_query    (RosetteIssuedListModel   *self,
                                                                const RosetteIssuedQuery *query);
const RosetteIssuedQuery *rosette_issued_list_model_get_query  (RosetteIssuedListModel   *self);
void                    rosette_issued_list_model_reload       (RosetteIssuedListModel   *self);
gboolean                rosette_issued_list_model_get_loading  (RosetteIssuedListModel   *self);
const GError           *rosette_issued_list_model_get_error    (RosetteIssuedListModel   *self);

/* For tests: how many pages of rows were read since the last reload,
 * and whether any read is still running. */
guint                   _rosette_issued_list_model_get_n_fetches (RosetteIssuedListModel *self);
gboolean                _rosette_issued_list_model_get_busy      (RosetteIssuedListModel *self);

G_END_DECLS
