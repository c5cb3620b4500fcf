/* rosette-csv-import.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rows in one import: a batch larger than this is refused with a message
 * that names the limit (split the file). */
#define ROSETTE_CSV_IMPORT_DEFAULT_MAX_ROWS 100000

/**
 * RosetteImportField:
 * @ROSETTE_IMPORT_FIELD_IGNORE: the column is not used
 * @ROSETTE_IMPORT_FIELD_EMAIL: the recipient's e-mail address (required)
 * @ROSETTE_IMPORT_FIELD_NAME: the full name
 * @ROSETTE_IMPORT_FIELD_FIRST_NAME: the first name (joined with the last)
 * @ROSETTE_IMPORT_FIELD_LAST_NAME: the last name
 * @ROSETTE_IMPORT_FIELD_EMPLOYEE_ID: the HRIS employee number
 * @ROSETTE_IMPORT_FIELD_DEPARTMENT: the department or organization
 * @ROSETTE_IMPORT_FIELD_MANAGER: the manager
 * @ROSETTE_IMPORT_FIELD_HIRE_DATE: the hire date (for milestones)
 * @ROSETTE_IMPORT_FIELD_NARRATIVE: a personal narrative for the credential
 * @ROSETTE_IMPORT_FIELD_EVIDENCE: an evidence URL
 * @ROSETTE_IMPORT_FIELD_TIER: the tier, when rows differ in tier
 * @ROSETTE_IMPORT_FIELD_VALID_UNTIL: a per-row expiry date
 *
 * What a CSV column holds.
 */
typedef enum
{
  ROSETTE_IMPORT_FIELD_IGNORE,
  ROSETTE_IMPORT_FIELD_EMAIL,
  ROSETTE_IMPORT_FIELD_NAME,
  ROSETTE_IMPORT_FIELD_FIRST_NAME,
  ROSETTE_IMPORT_FIELD_LAST_NAME,
  ROSETTE_IMPORT_FIELD_EMPLOYEE_ID,
  ROSETTE_IMPORT_FIELD_DEPARTMENT,
  ROSETTE_IMPORT_FIELD_MANAGER,
  ROSETTE_IMPORT_FIELD_HIRE_DATE,
  ROSETTE_IMPORT_FIELD_NARRATIVE,
  ROSETTE_IMPORT_FIELD_EVIDENCE,
  ROSETTE_IMPORT_FIELD_TIER,
  ROSETTE_IMPORT_FIELD_VALID_UNTIL,
} RosetteImportField;

#define ROSETTE_IMPORT_N_FIELDS (ROSETTE_IMPORT_FIELD_VALID_UNTIL + 1)

/**
 * RosetteDateOrder:
 * @ROSETTE_DATE_ORDER_AUTO: decide from the whole column
 * @ROSETTE_DATE_ORDER_DMY: 31/12/2024 ("d/m/Y")
 * @ROSETTE_DATE_ORDER_MDY: 12/31/2024 ("m/d/Y")
 *
 * How to read numeric dates with slashes, dots or dashes. ISO dates
 * (2024-12-31) and Excel serial numbers are read whatever the order.
 */
typedef enum
{
  ROSETTE_DATE_ORDER_AUTO,
  ROSETTE_DATE_ORDER_DMY,
  ROSETTE_DATE_ORDER_MDY,
} RosetteDateOrder;

/**
 * RosetteImportIssueKind:
 * @ROSETTE_IMPORT_ISSUE_MISSING_EMAIL: no address
 * @ROSETTE_IMPORT_ISSUE_INVALID_EMAIL: not an address
 * @ROSETTE_IMPORT_ISSUE_DUPLICATE_EMAIL: an earlier row has the same address
 * @ROSETTE_IMPORT_ISSUE_MISSING_NAME: no name
 * @ROSETTE_IMPORT_ISSUE_UNKNOWN_TIER: the tier is not one of the family's
 * @ROSETTE_IMPORT_ISSUE_INVALID_DATE: a date that cannot be read
 * @ROSETTE_IMPORT_ISSUE_INVALID_EVIDENCE: evidence that is not a web address
 */
typedef enum
{
  ROSETTE_IMPORT_ISSUE_MISSING_EMAIL,
  ROSETTE_IMPORT_ISSUE_INVALID_EMAIL,
  ROSETTE_IMPORT_ISSUE_DUPLICATE_EMAIL,
  ROSETTE_IMPORT_ISSUE_MISSING_NAME,
  ROSETTE_IMPORT_ISSUE_UNKNOWN_TIER,
  ROSETTE_IMPORT_ISSUE_INVALID_DATE,
  ROSETTE_IMPORT_ISSUE_INVALID_EVIDENCE,
} RosetteImportIssueKind;

/**
 * RosetteImportIssue:
 * @kind: what is wrong
 * @field: in which field
 * @message: a translated sentence for the preview
 */
typedef struct
{
  RosetteImportIssueKind  kind;
  RosetteImportField      field;
  char                   *message;
} RosetteImportIssue;

/**
 * RosetteImportRow:
 * @line: the line of the file the row starts on
 * @values: the trimmed cell of each field (%NULL when no column holds it);
 *   a caller fixing a row sets these, then calls
 *   rosette_csv_import_validate() again
 * @email: (nullable): the normalized address
 * @name: (nullable): the full name (the name column, else first + last)
 * @hire_date: (nullable): "YYYY-MM-DD"
 * @valid_until: (nullable): "YYYY-MM-DD"
 * @issues: (element-type RosetteImportIssue): what is wrong; empty when
 *   the row can be issued
 */
typedef struct
{
  guint      line;
  char      *values[ROSETTE_IMPORT_N_FIELDS];
  char      *email;
  char      *name;
  char      *hire_date;
  char      *valid_until;
  GPtrArray *issues;
} RosetteImportRow;

#define ROSETTE_TYPE_CSV_IMPORT (rosette_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (RosetteCsvImport, rosette_csv_import, ROSETTE, CSV_IMPORT, GObject)

RosetteCsvImport   *rosette_csv_import_new              (void);
void                rosette_csv_import_set_known_tiers  (RosetteCsvImport    *self,
                                                         const char * const  *tiers);
void                rosette_csv_import_set_date_order   (RosetteCsvImport    *self,
                                                         RosetteDateOrder     order);
void                rosette_csv_import_set_max_rows     (RosetteCsvImport    *self,
                                                         guint                max_rows);
void                rosette_csv_import_set_max_field_size (RosetteCsvImport  *self,
                                                         gsize                max_field_size);
gboolean            rosette_csv_import_add_mapping      (RosetteCsvImport    *self,
                                                         const char          *spec,
                                                         GError             **error);
gboolean            rosette_csv_import_load             (RosetteCsvImport    *self,
                                                         GInputStream        *stream,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
gboolean            rosette_csv_import_validate         (RosetteCsvImport    *self,
                                                         GError             **error);
const char * const *rosette_csv_import_get_columns      (RosetteCsvImport    *self);
RosetteImportField  rosette_csv_import_get_column_field (RosetteCsvImport    *self,
                                                         guint                column);
char                rosette_csv_import_get_delimiter    (RosetteCsvImport    *self);
RosetteDateOrder    rosette_csv_import_get_date_order   (RosetteCsvImport    *self,
                                                         RosetteImportField   field);
GPtrArray          *rosette_csv_import_get_rows         (RosetteCsvImport    *self);
guint               rosette_csv_import_get_n_invalid    (RosetteCsvImport    *self);

gboolean            rosette_import_row_is_valid         (const RosetteImportRow *row);
const char         *rosette_import_field_to_string      (RosetteImportField   field);
gboolean            rosette_import_field_from_string    (const char          *name,
                                                         RosetteImportField  *out_field);
RosetteImportField  rosette_import_field_guess          (const char          *header);
gboolean            rosette_date_order_from_string      (const char          *format,
                                                         RosetteDateOrder    *out_order,
                                                         GError             **error);
gboolean            rosette_import_parse_date           (const char          *text,
                                                         RosetteDateOrder     order,
                                                         GDate               *out_date);

G_END_DECLS
