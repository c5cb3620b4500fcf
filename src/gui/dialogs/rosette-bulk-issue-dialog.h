/* rosette-bulk-issue-dialog.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_BULK_ISSUE_DIALOG (rosette_bulk_issue_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RosetteBulkIssueDialog, rosette_bulk_issue_dialog, ROSETTE, BULK_ISSUE_DIALOG, AdwWindow)

GtkWidget *rosette_bulk_issue_dialog_new               (GtkWindow              *parent,
                                                        RosetteFamily          *family,
                                                        RosetteIssuerStore     *store);
void       rosette_bulk_issue_dialog_load_file         (RosetteBulkIssueDialog *self,
                                                        GFile                  *file);
void       rosette_bulk_issue_dialog_set_output_dir    (RosetteBulkIssueDialog *self,
                                                        GFile                  *dir);
void       rosette_bulk_issue_dialog_set_registry_path (RosetteBulkIssueDialog *self,
                                                        const char             *path);

/* For tests: what the assistant shows and holds. */
const char                *_rosette_bulk_issue_dialog_get_page      (RosetteBulkIssueDialog *self);
gboolean                   _rosette_bulk_issue_dialog_get_busy      (RosetteBulkIssueDialog *self);
RosetteCsvImport          *_rosette_bulk_issue_dialog_get_import    (RosetteBulkIssueDialog *self);
AdwComboRow               *_rosette_bulk_issue_dialog_get_field_row (RosetteBulkIssueDialog *self,
                                                                     RosetteImportField      field);
char                      *_rosette_bulk_issue_dialog_dup_problem   (RosetteBulkIssueDialog *self,
                                                                     guint                   line);
const char                *_rosette_bulk_issue_dialog_get_message   (RosetteBulkIssueDialog *self);
const RosetteBatchSummary *_rosette_bulk_issue_dialog_get_summary   (RosetteBulkIssueDialog *self);

G_END_DECLS
