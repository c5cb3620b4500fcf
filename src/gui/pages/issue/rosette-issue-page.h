/* rosette-issue-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_ISSUE_PAGE (rosette_issue_page_get_type ())

G_DECLARE_FINAL_TYPE (RosetteIssuePage, rosette_issue_page, ROSETTE, ISSUE_PAGE, AdwBin)

GtkWidget          *rosette_issue_page_new            (void);
RosetteFamily      *rosette_issue_page_get_family     (RosetteIssuePage   *self);
void                rosette_issue_page_set_family     (RosetteIssuePage   *self,
                                                       RosetteFamily      *family);
void                rosette_issue_page_set_store      (RosetteIssuePage   *self,
                                                       RosetteIssuerStore *store);
gboolean            rosette_issue_page_get_can_issue  (RosetteIssuePage   *self);
gboolean            rosette_issue_page_get_busy       (RosetteIssuePage   *self);
void                rosette_issue_page_refresh        (RosetteIssuePage   *self);
void                rosette_issue_page_issue_to_file  (RosetteIssuePage   *self,
                                                       GFile              *file);

/* For tests: the fields, as a person would fill them, and what shows. */
GtkEditable        *_rosette_issue_page_get_field     (RosetteIssuePage   *self,
                                                       const char         *name);
const char         *_rosette_issue_page_get_message   (RosetteIssuePage   *self,
                                                       const char         *name);
gboolean            _rosette_issue_page_get_issuer_missing (RosetteIssuePage *self);
char               *_rosette_issue_page_dup_preview_json (RosetteIssuePage *self);
const char         *_rosette_issue_page_get_last_error (RosetteIssuePage  *self);
RosetteIssueResult *_rosette_issue_page_get_last_result (RosetteIssuePage *self);

G_END_DECLS
