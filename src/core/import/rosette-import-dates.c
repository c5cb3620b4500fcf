/* rosette-import-dates.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Dates as HRIS exports and spreadsheets write them:
 *
 *   2024-03-15, 2024/03/15, 2024-03-15T09:00:00Z   ISO, always unambiguous
 *   45366, 45366.5                                Excel serial day numbers
 *   20240315                                      compact ISO
 *   15/03/2024, 03/15/2024, 15.03.24              day/month or month/day
 *   15-Mar-2024, 15 Mar 2024                      day and English month
 *
 * Whether 03/04/2024 is 3 April or 4 March cannot be told from one cell;
 * the importer decides for a whole column (a day over 12 settles it) and
 * asks for --date-format when nothing does.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rosette-csv-import.h"
#include "rosette-error.h"
#include "rosette-import-private.h"

/* Excel's 1900 date system: serial 1 is 1900-01-01 and, copying Lotus
 * 1-2-3, serial 60 is the 29 February 1900 that never was. */
#define EXCEL_MAX_SERIAL 2958465

static gboolean
parse_excel_serial (const char *text,
                    GDate      *out_date)
{
  char *end = NULL;
  guint64 serial;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  serial = g_ascii_strtoull (text, &end, 10);
  if (*end == '.')
    {
      for (end++; g_ascii_isdigit (*end); end++)
        ;
    }
  if (*end != '\0' || serial == 0 || serial > EXCEL_MAX_SERIAL || serial == 60)
    return FALSE;

  g_date_set_dmy (out_date, 31, G_DATE_DECEMBER, 1899);
  g_date_add_days (out_date, (guint)(serial < 60 ? serial : serial - 1));
  return TRUE;
}

static guint
expand_year (guint year,
             gsize digits)
{
  /* Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. */
  if (digits <= 2)
    return year < 70 ? 2000 + year : 1900 + year;
  return year;
}

static gboolean
set_dmy (GDate *out_date,
         guint  day,
         guint  month,
         guint  year)
{
  if (year < 1 || year > 9999 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month,
                                                    (GDateYear)year))
    return FALSE;

  g_date_set_dmy (out_date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

static guint
parse_month_name (const char *name)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

/*
 * Splits "a/b/c" (slashes, dots or dashes) into three numbers; returns
 * the number of digits of the last.
 */
gboolean
_rosette_import_split_numeric_date (const char *text,
                                    guint      *a,
                                    guint      *b,
                                    guint      *c,
                                    gsize      *c_digits)
{
  int n_a = 0, n_b = 0, n_c = 0, n_end = 0;
  char s1, s2;

  if (sscanf (text, "%2u%n%c%2u%n%c%4u%n", a, &n_a, &s1, b, &n_b, &s2, c, &n_c) != 5)
    return FALSE;
  n_end = n_c;
  if (text[n_end] != '\0' || s1 != s2 || strchr ("/.-", s1) == NULL)
    return FALSE;

  *c_digits = (gsize)(n_c - n_b - 1);
  return *c_digits == 2 || *c_digits == 4;
}

/**
 * rosette_import_parse_date:
 * @text: a date as written in a CSV cell
 * @order: how to read day/month dates; %ROSETTE_DATE_ORDER_AUTO reads
 *   them only when the day is over 12 (otherwise they fail)
 * @out_date: (out caller-allocates): the date
 *
 * Returns: %TRUE if @text is a date
 */
gboolean
rosette_import_parse_date (const char       *text,
                           RosetteDateOrder  order,
                           GDate            *out_date)
{
  guint y, m, d;
  gsize digits;
  char month[16];
  int n = 0, n_year = 0;

  g_return_val_if_fail (text != NULL && out_date != NULL, FALSE);

  g_date_clear (out_date, 1);

  /* ISO, optionally with a time after 'T' or a space. */
  if (sscanf (text, "%4u%n%*1[-/]%2u%*1[-/]%2u%n", &y, &n_year, &m, &d, &n) == 3
      && n_year == 4 && (text[n] == '\0' || text[n] == 'T' || text[n] == ' '))
    return set_dmy (out_date, d, m, y);

  if (strlen (text) == 8 && strspn (text, "0123456789") == 8
      && (g_str_has_prefix (text, "19") || g_str_has_prefix (text, "20")))
    {
      sscanf (text, "%4u%2u%2u", &y, &m, &d);
      return set_dmy (out_date, d, m, y);
    }

  if (parse_excel_serial (text, out_date))
    return TRUE;

  if (_rosette_import_split_numeric_date (text, &d, &m, &y, &digits))
    {
      guint a = d, b = m;

      y = expand_year (y, digits);
      if (order == ROSETTE_DATE_ORDER_MDY || (order == ROSETTE_DATE_ORDER_AUTO && b > 12))
        return set_dmy (out_date, b, a, y);
      if (order == ROSETTE_DATE_ORDER_DMY || (order == ROSETTE_DATE_ORDER_AUTO && a > 12)
          || a == b)
        return set_dmy (out_date, a, b, y);
      return FALSE;
    }

  /* 15-Mar-2024, 15 Mar 2024 */
  if (sscanf (text, "%2u%*1[- ]%15[A-Za-z]%*1[- ]%4u%n", &d, month, &y, &n) == 3
      && text[n] == '\0' && (m = parse_month_name (month)) != 0)
    {
      gsize year_digits = 0;

      while (year_digits < (gsize)n && g_ascii_isdigit (text[n - 1 - (int)year_digits]))
        year_digits++;
      return set_dmy (out_date, d, m, expand_year (y, year_digits));
    }

  return FALSE;
}

/**
 * rosette_date_order_from_string:
 * @format: "d/m/Y", "m/d/Y" (any separator, any case) or "auto"
 * @out_order: (out): the order
 *
 * Returns: %TRUE if @format is one of those; else %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_date_order_from_string (const char        *format,
                                RosetteDateOrder  *out_order,
                                GError           **error)
{
  g_autofree char *letters = NULL;
  GString *s = g_string_new (NULL);

  for (const char *p = format != NULL ? format : ""; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (s, g_ascii_tolower (*p));
  letters = g_string_free (s, FALSE);

  if (g_str_equal (letters, "dmy"))
    *out_order = ROSETTE_DATE_ORDER_DMY;
  else if (g_str_equal (letters, "mdy"))
    *out_order = ROSETTE_DATE_ORDER_MDY;
  else if (g_str_equal (letters, "auto"))
    *out_order = ROSETTE_DATE_ORDER_AUTO;
  else
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Unknown date format “%s” (use d/m/Y or m/d/Y)"), format);
      return FALSE;
    }
  return TRUE;
}

/*
 * Decides day/month order for one column from all its cells: a first
 * number over 12 means d/m, a second over 12 means m/d. Both is an error;
 * neither, with some cell where the two readings differ, is ambiguous.
 */
gboolean
_rosette_import_detect_date_order (GPtrArray         *rows,
                                   RosetteImportField field,
                                   const char        *column_name,
                                   RosetteDateOrder  *out_order,
                                   GError           **error)
{
  guint dmy_line = 0, mdy_line = 0, ambiguous_line = 0;
  const char *ambiguous_text = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const RosetteImportRow *row = rows->pdata[i];
      const char *text = row->values[field];
      guint a, b, c;
      gsize digits;

      if (text == NULL || !_rosette_import_split_numeric_date (text, &a, &b, &c, &digits))
        continue;
      if (a > 12 && dmy_line == 0)
        dmy_line = row->line;
      else if (b > 12 && mdy_line == 0)
        mdy_line = row->line;
      else if (a != b && a <= 12 && b <= 12 && ambiguous_line == 0)
        {
          ambiguous_line = row->line;
          ambiguous_text = text;
        }
    }

  if (dmy_line != 0 && mdy_line != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_AMBIGUOUS,
                   _("The column “%s” mixes day/month (line %u) and month/day (line %u) "
                     "dates; correct the file"),
                   column_name, dmy_line, mdy_line);
      return FALSE;
    }
  if (dmy_line != 0 || mdy_line != 0)
    {
      *out_order = dmy_line != 0 ? ROSETTE_DATE_ORDER_DMY : ROSETTE_DATE_ORDER_MDY;
      return TRUE;
    }
  if (ambiguous_line != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_AMBIGUOUS,
                   _("The dates in the column “%s” can be read as day/month or month/day "
                     "(“%s” on line %u); choose one with --date-format d/m/Y or m/d/Y"),
                   column_name, ambiguous_text, ambiguous_line);
      return FALSE;
    }

  *out_order = ROSETTE_DATE_ORDER_DMY;
  return TRUE;
}
