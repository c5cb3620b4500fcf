/* rosette-report-pdf.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-registry.h"

G_BEGIN_DECLS

/* Holders listed in the PDF at most; the CSV export has them all. */
#define ROSETTE_REPORT_PDF_MAX_HOLDERS 5000

gboolean rosette_report_pdf_write (RosetteRegistry  *registry,
                                   const char       *issuer_name,
                                   GDateTime        *now,
                                   const char       *path,
                                   GCancellable     *cancellable,
                                   GError          **error);

G_END_DECLS
