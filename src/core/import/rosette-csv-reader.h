/* rosette-csv-reader.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A field longer than this is refused: no HRIS cell is a megabyte. */
#define ROSETTE_CSV_DEFAULT_MAX_FIELD_SIZE (1024 * 1024)
#define ROSETTE_CSV_DEFAULT_MAX_COLUMNS 512

#define ROSETTE_TYPE_CSV_READER (rosette_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (RosetteCsvReader, rosette_csv_reader, ROSETTE, CSV_READER, GObject)

RosetteCsvReader *rosette_csv_reader_new                (GInputStream      *stream);
void              rosette_csv_reader_set_delimiter      (RosetteCsvReader  *self,
                                                         char               delimiter);
char              rosette_csv_reader_get_delimiter      (RosetteCsvReader  *self);
void              rosette_csv_reader_set_max_field_size (RosetteCsvReader  *self,
                                                         gsize              max_field_size);
void              rosette_csv_reader_set_max_columns    (RosetteCsvReader  *self,
                                                         guint              max_columns);
char            **rosette_csv_reader_read_row           (RosetteCsvReader  *self,
                                                         GCancellable      *cancellable,
                                                         GError           **error);
guint             rosette_csv_reader_get_line           (RosetteCsvReader  *self);

void              rosette_csv_append_row                (GString           *out,
                                                         const char * const *fields,
                                                         char               delimiter,
                                                         gboolean           guard_formulas);

G_END_DECLS
