/* rosette-import-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-csv-import.h"

G_BEGIN_DECLS

gboolean _rosette_import_split_numeric_date (const char         *text,
                                             guint              *a,
                                             guint              *b,
                                             guint              *c,
                                             gsize              *c_digits);
gboolean _rosette_import_detect_date_order  (GPtrArray          *rows,
                                             RosetteImportField  field,
                                             const char         *column_name,
                                             RosetteDateOrder   *out_order,
                                             GError            **error);

G_END_DECLS
