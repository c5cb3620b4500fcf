/* rosette-report-pdf.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The printable compliance report: an A4 PDF (cairo PDF surface, text by
 * Pango) with the issuer's name, the date, the totals (valid, expired,
 * revoked), the skills inventory by department and the holders of every
 * achievement. `rosette-cli registry export --format pdf` and the
 * Registry page's Export both write it.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rosette-error.h"
#include "rosette-report-pdf.h"

#define PAGE_WIDTH 595.0   /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN 48.0
#define ROW_HEIGHT 14.0

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
  guint        page;
  const char  *issuer_name;
  char        *date;
} Report;

static void
show_text (Report     *report,
           double      x,
           double      width,
           const char *font,
           const char *text,
           gboolean    right)
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  int text_width;

  pango_layout_set_font_description (report->layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (report->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (report->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (report->layout, text != NULL ? text : "", -1);
  pango_layout_get_pixel_size (report->layout, &text_width, NULL);
  cairo_move_to (report->cr, right ? x + width - text_width : x, report->y);
  pango_cairo_show_layout (report->cr, report->layout);
}

static void
footer (Report *report)
{
  g_autofree char *text = g_strdup_printf (_("%s — compliance report, %s — page %u"),
                                           report->issuer_name, report->date, report->page);
  double y = report->y;

  cairo_set_source_rgb (report->cr, 0.4, 0.4, 0.4);
  report->y = PAGE_HEIGHT - MARGIN + 12;
  show_text (report, MARGIN, PAGE_WIDTH - 2 * MARGIN, "Sans 8", text, FALSE);
  report->y = y;
  cairo_set_source_rgb (report->cr, 0, 0, 0);
}

static void
need_space (Report *report,
            double  height)
{
  if (report->y + height <= PAGE_HEIGHT - MARGIN)
    return;

  footer (report);
  cairo_show_page (report->cr);
  report->page++;
  report->y = MARGIN;
}

static void
heading (Report     *report,
         const char *text)
{
  need_space (report, 3 * ROW_HEIGHT);
  report->y += 8;
  show_text (report, MARGIN, PAGE_WIDTH - 2 * MARGIN, "Sans Bold 14", text, FALSE);
  report->y += 20;
}

/* One table row: @n cells at @widths (fractions of the text width). */
static void
table_row (Report             *report,
           const char * const *cells,
           const double       *widths,
           const gboolean     *right,
           guint               n,
           gboolean            header)
{
  double x = MARGIN;
  double total = PAGE_WIDTH - 2 * MARGIN;

  need_space (report, ROW_HEIGHT);
  if (header)
    {
      cairo_set_source_rgb (report->cr, 0.92, 0.92, 0.92);
      cairo_rectangle (report->cr, MARGIN, report->y - 1, total, ROW_HEIGHT);
      cairo_fill (report->cr);
      cairo_set_source_rgb (report->cr, 0, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      show_text (report, x + 2, widths[i] * total - 6, header ? "Sans Bold 9" : "Sans 9",
                 cells[i], right[i]);
      x += widths[i] * total;
    }
  report->y += ROW_HEIGHT;
}

static gboolean
count_status (RosetteRegistry          *registry,
              RosetteCredentialStatus   status,
              GDateTime                *now,
              guint                    *out_count,
              GError                  **error)
{
  RosetteIssuedQuery query = { 0 };

  query.status = status;
  query.now = now;
  query.hide_superseded = status != ROSETTE_CREDENTIAL_STATUS_ANY;
  return rosette_registry_count_issued (registry, &query, out_count, error);
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return g_strdup ("—");
  time = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (time, "%Y-%m-%d");
}

typedef struct
{
  Report *report;
  guint   n;
} HoldersData;

static gboolean
holder_row (RosetteIssuedRecord *record,
            gpointer             user_data)
{
  HoldersData *data = user_data;
  static const double widths[] = { 0.22, 0.25, 0.15, 0.10, 0.14, 0.14 };
  static const gboolean right[] = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };
  g_autofree char *achievement = g_strdup_printf ("%s — %s",
                                                  rosette_issued_record_get_family_name (record),
                                                  rosette_issued_record_get_tier_name (record));
  g_autofree char *issued = format_day (rosette_issued_record_get_issued_at (record));
  g_autofree char *until = format_day (rosette_issued_record_get_valid_until (record));
  const char *name = rosette_issued_record_get_name (record);
  const char *cells[] = {
    name != NULL ? name : rosette_issued_record_get_email (record),
    achievement,
    rosette_issued_record_get_department (record),
    rosette_credential_status_to_string (rosette_issued_record_get_status (record)),
    issued,
    until,
  };

  table_row (data->report, cells, widths, right, G_N_ELEMENTS (cells), FALSE);
  return ++data->n < ROSETTE_REPORT_PDF_MAX_HOLDERS;
}

/**
 * rosette_report_pdf_write:
 * @issuer_name: the name printed on every page
 * @now: (nullable): the report's date and the moment that decides valid
 *   and expired; %NULL for now
 * @path: the PDF file to write (replaced)
 *
 * Writes the compliance report.
 *
 * Returns: %TRUE if written, else %FALSE with a registry error or
 *   %ROSETTE_ERROR_FAILED when cairo could not write the file
 */
gboolean
rosette_report_pdf_write (RosetteRegistry  *registry,
                          const char       *issuer_name,
                          GDateTime        *now,
                          const char       *path,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(GDateTime) moment = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) inventory = NULL;
  g_autofree char *part = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Report report = { NULL, };
  guint total = 0, valid = 0, expired = 0, revoked = 0;
  RosetteIssuedQuery query = { 0 };
  HoldersData holders;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!count_status (registry, ROSETTE_CREDENTIAL_STATUS_ANY, moment, &total, error) ||
      !count_status (registry, ROSETTE_CREDENTIAL_STATUS_VALID, moment, &valid, error) ||
      !count_status (registry, ROSETTE_CREDENTIAL_STATUS_EXPIRED, moment, &expired, error) ||
      !count_status (registry, ROSETTE_CREDENTIAL_STATUS_REVOKED, moment, &revoked, error))
    return FALSE;
  inventory = rosette_registry_inventory (registry, moment, error);
  if (inventory == NULL)
    return FALSE;

  /* Written beside the target, then renamed over it. */
  part = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (part, PAGE_WIDTH, PAGE_HEIGHT);
  report.cr = cairo_create (surface);
  report.layout = pango_cairo_create_layout (report.cr);
  /* Points are the PDF's units: 1 pt of font size is 1 unit. */
  pango_cairo_context_set_resolution (pango_layout_get_context (report.layout), 72);
  pango_layout_context_changed (report.layout);
  report.y = MARGIN;
  report.page = 1;
  report.issuer_name = issuer_name != NULL ? issuer_name : "";
  report.date = g_date_time_format (moment, "%Y-%m-%d");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Compliance report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rosette");

  show_text (&report, MARGIN, PAGE_WIDTH - 2 * MARGIN, "Sans Bold 24", report.issuer_name, FALSE);
  report.y += 28;
  {
    g_autofree char *subtitle = g_strdup_printf (_("Compliance report — %s"), report.date);

    show_text (&report, MARGIN, PAGE_WIDTH - 2 * MARGIN, "Sans 13", subtitle, FALSE);
    report.y += 24;
  }

  heading (&report, _("Totals"));
  {
    static const double widths[] = { 0.25, 0.25, 0.25, 0.25 };
    static const gboolean right[] = { TRUE, TRUE, TRUE, TRUE };
    g_autofree char *a = g_strdup_printf ("%u", total);
    g_autofree char *b = g_strdup_printf ("%u", valid);
    g_autofree char *c = g_strdup_printf ("%u", expired);
    g_autofree char *d = g_strdup_printf ("%u", revoked);
    const char *header[] = { _("Issued"), _("Valid"), _("Expired"), _("Revoked") };
    const char *cells[] = { a, b, c, d };

    table_row (&report, header, widths, right, 4, TRUE);
    table_row (&report, cells, widths, right, 4, FALSE);
  }

  heading (&report, _("Skills inventory by department"));
  {
    static const double widths[] = { 0.22, 0.28, 0.16, 0.12, 0.11, 0.11 };
    static const gboolean right[] = { FALSE, FALSE, FALSE, TRUE, TRUE, TRUE };
    const char *header[] = { _("Department"), _("Achievement"), _("Tier"), _("Holders"),
                             _("People"), _("Share") };

    table_row (&report, header, widths, right, G_N_ELEMENTS (header), TRUE);
    for (guint i = 0; i < inventory->len; i++)
      {
        RosetteInventoryRow *row = g_ptr_array_index (inventory, i);
        g_autofree char *holders_text = g_strdup_printf ("%u", row->holders);
        g_autofree char *headcount = g_strdup_printf ("%u", row->headcount);
        g_autofree char *percent = g_strdup_printf ("%.1f %%", row->percent);
        const char *cells[] = {
          *row->department != '\0' ? row->department : _("(none)"), row->family_name,
          row->tier_name, holders_text, headcount, percent,
        };

        table_row (&report, cells, widths, right, G_N_ELEMENTS (cells), FALSE);
      }
  }

  heading (&report, _("Holders"));
  {
    static const double widths[] = { 0.22, 0.25, 0.15, 0.10, 0.14, 0.14 };
    static const gboolean right[] = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };
    const char *header[] = { _("Name"), _("Achievement"), _("Department"), _("Status"),
                             _("Issued"), _("Expires") };

    table_row (&report, header, widths, right, G_N_ELEMENTS (header), TRUE);
  }
  query.sort = ROSETTE_ISSUED_SORT_ACHIEVEMENT;
  query.hide_superseded = TRUE;
  query.now = moment;
  holders.report = &report;
  holders.n = 0;
  if (!rosette_registry_foreach_issued (registry, &query, holder_row, &holders, error))
    goto failed;
  if (holders.n >= ROSETTE_REPORT_PDF_MAX_HOLDERS && total > holders.n)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more (see the CSV export)"),
                                               total - holders.n);

      report.y += 4;
      show_text (&report, MARGIN, PAGE_WIDTH - 2 * MARGIN, "Sans Italic 9", more, FALSE);
    }

  footer (&report);
  cairo_show_page (report.cr);
  g_object_unref (report.layout);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (report.date);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_FAILED,
                   _("Could not write the PDF report: %s"), cairo_status_to_string (status));
      g_unlink (part);
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the PDF report: %s"), g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }
  return TRUE;

failed:
  g_object_unref (report.layout);
  cairo_destroy (report.cr);
  cairo_surface_destroy (surface);
  g_free (report.date);
  g_unlink (part);
  return FALSE;
}
