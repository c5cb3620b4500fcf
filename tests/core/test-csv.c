/* test-csv.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "rosette-core.h"

static GInputStream *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GInputStream *stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));

  g_assert_no_error (error);
  return stream;
}

static RosetteCsvImport *
load_fixture (const char  *name,
              GError     **error)
{
  g_autoptr(GInputStream) stream = open_fixture (name);
  RosetteCsvImport *import = rosette_csv_import_new ();

  rosette_csv_import_load (import, stream, NULL, error);
  return import;
}

static RosetteImportRow *
row_at (RosetteCsvImport *import,
        guint             i)
{
  GPtrArray *rows = rosette_csv_import_get_rows (import);

  g_assert_cmpuint (i, <, rows->len);
  return rows->pdata[i];
}

static GInputStream *
memory_stream (const char *text)
{
  return g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
}

/* Reader ------------------------------------------------------------------- */

static void
test_reader_rfc4180 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = memory_stream (
    "a,b,c\r\n"
    "1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n"
    "\"multi\nline\",,\r"
    "last,x\"y,\"\"");
  g_autoptr(RosetteCsvReader) reader = rosette_csv_reader_new (stream);
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) one = NULL;
  g_auto(GStrv) two = NULL;
  g_auto(GStrv) three = NULL;
  g_auto(GStrv) end = NULL;

  header = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (header), ==, 3);
  g_assert_cmpint (rosette_csv_reader_get_delimiter (reader), ==, ',');

  one = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (one[1], ==, "two, with comma");
  g_assert_cmpstr (one[2], ==, "say \"hi\"");
  g_assert_cmpuint (rosette_csv_reader_get_line (reader), ==, 2);

  two = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (two), ==, 3);
  g_assert_cmpstr (two[0], ==, "multi\nline");
  g_assert_cmpstr (two[2], ==, "");
  g_assert_cmpuint (rosette_csv_reader_get_line (reader), ==, 3);

  /* After a lone CR; Excel-style leniency for a stray quote. */
  three = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (three[0], ==, "last");
  g_assert_cmpstr (three[1], ==, "x\"y");
  g_assert_cmpstr (three[2], ==, "");
  g_assert_cmpuint (rosette_csv_reader_get_line (reader), ==, 5);

  end = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (end);
}

static void
test_reader_round_trip (void)
{
  static const char * const cells[] = {
    "plain", "with,comma", "with \"quotes\"", "two\r\nlines", "", "=SUM(A1)", NULL,
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RosetteCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) row = NULL;

  rosette_csv_append_row (text, cells, ',', FALSE);
  rosette_csv_append_row (text, cells, ',', TRUE);
  stream = memory_stream (text->str);
  reader = rosette_csv_reader_new (stream);

  row = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (row, cells);
  g_clear_pointer (&row, g_strfreev);

  /* Guarded: a spreadsheet shows the formula as text. */
  row = rosette_csv_reader_read_row (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row[5], ==, "'=SUM(A1)");
  g_assert_cmpstr (row[1], ==, "with,comma");
}

static void
test_reader_hostile (void)
{
  static const struct {
    const char *fixture;
    int code;
    const char *message_part;
  } cases[] = {
    { "unterminated.csv", ROSETTE_ERROR_PARSE, "line 3" },
    { "latin1.csv", ROSETTE_ERROR_PARSE, "Line 3 is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteCsvImport) import = load_fixture (cases[i].fixture, &error);

      g_assert_error (error, ROSETTE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_cmpuint (rosette_csv_import_get_rows (import)->len, ==, 0);
    }
}

static void
test_reader_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("\xff\xfen\0a\0", 6,
                                                                        NULL);
  g_autoptr(RosetteCsvReader) reader = rosette_csv_reader_new (stream);
  g_auto(GStrv) row = rosette_csv_reader_read_row (reader, NULL, &error);

  g_assert_null (row);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

/* A 10 MB cell is refused with a message naming the limit, without
 * reading it all into memory first. */
static void
test_reader_huge_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("name,email,narrative\nA,a@example.com,\"");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RosetteCsvImport) import = rosette_csv_import_new ();

  for (guint i = 0; i < 10 * 1024 * 1024 / 64; i++)
    g_string_append (text, "0123456789 0123456789 0123456789 0123456789 0123456789 012345678\n");
  g_string_append (text, "\"\n");
  stream = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&text), FALSE),
                                                -1, g_free);

  g_assert_false (rosette_csv_import_load (import, stream, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "MB, the limit"));
}

static void
test_empty_and_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteCsvImport) empty = load_fixture ("empty.csv", &error);
  g_autoptr(RosetteCsvImport) header_only = NULL;

  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);

  header_only = load_fixture ("header-only.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_csv_import_get_rows (header_only)->len, ==, 0);
  g_assert_cmpstr (rosette_csv_import_get_columns (header_only)[0], ==, "Worker");
}

/* HRIS exports ---------------------------------------------------------------- */

static void
test_workday (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteCsvImport) import = load_fixture ("workday.csv", &error);
  RosetteImportRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (rosette_csv_import_get_delimiter (import), ==, ',');
  /* The BOM is not part of the first header. */
  g_assert_cmpstr (rosette_csv_import_get_columns (import)[0], ==, "Worker");
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 0), ==, ROSETTE_IMPORT_FIELD_NAME);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 1), ==,
                   ROSETTE_IMPORT_FIELD_EMPLOYEE_ID);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 2), ==,
                   ROSETTE_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 3), ==,
                   ROSETTE_IMPORT_FIELD_DEPARTMENT);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 4), ==,
                   ROSETTE_IMPORT_FIELD_HIRE_DATE);
  g_assert_cmpint (rosette_csv_import_get_date_order (import, ROSETTE_IMPORT_FIELD_HIRE_DATE),
                   ==, ROSETTE_DATE_ORDER_MDY);

  g_assert_cmpuint (rosette_csv_import_get_rows (import)->len, ==, 4);
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 0);

  row = row_at (import, 0);
  g_assert_cmpstr (row->name, ==, "José Núñez");
  g_assert_cmpstr (row->email, ==, "jose.nunez@example.com");
  g_assert_cmpstr (row->hire_date, ==, "2019-03-15");
  g_assert_cmpstr (row->values[ROSETTE_IMPORT_FIELD_NARRATIVE], ==,
                   "Led the \"close the books\" project,\r\nahead of schedule");
  g_assert_cmpstr (row->values[ROSETTE_IMPORT_FIELD_MANAGER], ==, "Ana Silva");

  row = row_at (import, 1);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_cmpstr (row->hire_date, ==, "2020-11-02");

  row = row_at (import, 3);
  g_assert_cmpstr (row->name, ==, "O'Brien, Siobhán");
  g_assert_cmpstr (row->hire_date, ==, "2021-12-31");
}

static void
test_bamboohr (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteCsvImport) import = load_fixture ("bamboohr.csv", &error);
  RosetteImportRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (rosette_csv_import_get_delimiter (import), ==, ';');
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 0), ==,
                   ROSETTE_IMPORT_FIELD_EMPLOYEE_ID);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 1), ==,
                   ROSETTE_IMPORT_FIELD_FIRST_NAME);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 2), ==,
                   ROSETTE_IMPORT_FIELD_LAST_NAME);
  g_assert_cmpint (rosette_csv_import_get_column_field (import, 6), ==,
                   ROSETTE_IMPORT_FIELD_MANAGER);
  g_assert_cmpint (rosette_csv_import_get_date_order (import, ROSETTE_IMPORT_FIELD_HIRE_DATE),
                   ==, ROSETTE_DATE_ORDER_DMY);

  /* The blank line is skipped; line numbers still count it. */
  g_assert_cmpuint (rosette_csv_import_get_rows (import)->len, ==, 3);
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 0);
  row = row_at (import, 0);
  g_assert_cmpstr (row->name, ==, "Zoë Müller");
  g_assert_cmpstr (row->values[ROSETTE_IMPORT_FIELD_EMPLOYEE_ID], ==, "17");
  g_assert_cmpstr (row->hire_date, ==, "2018-12-25");
  row = row_at (import, 1);
  g_assert_cmpstr (row->hire_date, ==, "2022-04-01");
  row = row_at (import, 2);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->values[ROSETTE_IMPORT_FIELD_DEPARTMENT], ==, "Finance");
}

static void
test_excel_serial_and_tiers (void)
{
  static const char * const tiers[] = { "Bronze", "Silver", "Gold", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = open_fixture ("excel-serial.tsv");
  g_autoptr(RosetteCsvImport) import = rosette_csv_import_new ();
  RosetteImportRow *row;

  rosette_csv_import_set_known_tiers (import, tiers);
  rosette_csv_import_load (import, stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rosette_csv_import_get_delimiter (import), ==, '\t');
  g_assert_cmpuint (rosette_csv_import_get_rows (import)->len, ==, 3);

  g_assert_cmpstr (row_at (import, 0)->hire_date, ==, "2020-01-01");
  g_assert_cmpstr (row_at (import, 1)->hire_date, ==, "2024-03-15");
  g_assert_true (rosette_import_row_is_valid (row_at (import, 1)));   /* "silver" */

  row = row_at (import, 2);
  g_assert_cmpstr (row->hire_date, ==, "2023-01-01");
  g_assert_cmpuint (row->issues->len, ==, 1);
  g_assert_cmpint (((RosetteImportIssue *)row->issues->pdata[0])->kind, ==,
                   ROSETTE_IMPORT_ISSUE_UNKNOWN_TIER);
  g_assert_nonnull (strstr (((RosetteImportIssue *)row->issues->pdata[0])->message, "Platinum"));
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 1);
}

static RosetteImportIssueKind
only_issue (RosetteImportRow *row)
{
  g_assert_cmpuint (row->issues->len, ==, 1);
  return ((RosetteImportIssue *)row->issues->pdata[0])->kind;
}

static void
test_preview_issues (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteCsvImport) import = load_fixture ("bad-rows.csv", &error);
  RosetteImportRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rosette_csv_import_get_rows (import)->len, ==, 6);
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 5);

  g_assert_true (rosette_import_row_is_valid (row_at (import, 0)));
  g_assert_cmpint (only_issue (row_at (import, 1)), ==, ROSETTE_IMPORT_ISSUE_INVALID_EMAIL);
  row = row_at (import, 2);
  g_assert_cmpint (only_issue (row), ==, ROSETTE_IMPORT_ISSUE_DUPLICATE_EMAIL);
  g_assert_nonnull (strstr (((RosetteImportIssue *)row->issues->pdata[0])->message, "line 2"));
  g_assert_cmpint (only_issue (row_at (import, 3)), ==, ROSETTE_IMPORT_ISSUE_MISSING_NAME);
  g_assert_cmpint (only_issue (row_at (import, 4)), ==, ROSETTE_IMPORT_ISSUE_MISSING_EMAIL);
  g_assert_cmpint (only_issue (row_at (import, 5)), ==, ROSETTE_IMPORT_ISSUE_INVALID_EVIDENCE);

  /* Fixing a row and validating again clears its issue. */
  row = row_at (import, 1);
  g_free (row->values[ROSETTE_IMPORT_FIELD_EMAIL]);
  row->values[ROSETTE_IMPORT_FIELD_EMAIL] = g_strdup ("bad.address@example.com");
  rosette_csv_import_validate (import, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_import_row_is_valid (row));
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 4);
}

static void
test_dates_in_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteCsvImport) ambiguous = load_fixture ("ambiguous-dates.csv", &error);
  g_autoptr(RosetteCsvImport) mixed = NULL;
  g_autoptr(RosetteCsvImport) chosen = rosette_csv_import_new ();
  g_autoptr(GInputStream) stream = open_fixture ("ambiguous-dates.csv");
  RosetteDateOrder order;

  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "--date-format"));
  g_assert_nonnull (strstr (error->message, "Start Date"));
  g_clear_error (&error);

  mixed = load_fixture ("mixed-dates.csv", &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  rosette_date_order_from_string ("d/m/Y", &order, &error);
  g_assert_no_error (error);
  g_assert_cmpint (order, ==, ROSETTE_DATE_ORDER_DMY);
  rosette_csv_import_set_date_order (chosen, order);
  rosette_csv_import_load (chosen, stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row_at (chosen, 0)->hire_date, ==, "2021-04-03");
  g_assert_cmpstr (row_at (chosen, 2)->hire_date, ==, "2019-07-07");

  g_assert_false (rosette_date_order_from_string ("Y/d/m", &order, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

static void
test_parse_date (void)
{
  static const struct {
    const char *text;
    RosetteDateOrder order;
    const char *expected;   /* NULL: not a date */
  } cases[] = {
    { "2024-03-15", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "2024/3/5", ROSETTE_DATE_ORDER_AUTO, "2024-03-05" },
    { "2024-03-15T09:30:00Z", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "2024-03-15 09:30", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "20240315", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "1", ROSETTE_DATE_ORDER_AUTO, "1900-01-01" },
    { "59", ROSETTE_DATE_ORDER_AUTO, "1900-02-28" },
    { "60", ROSETTE_DATE_ORDER_AUTO, NULL },           /* Lotus's 29 Feb 1900 */
    { "61", ROSETTE_DATE_ORDER_AUTO, "1900-03-01" },
    { "43831", ROSETTE_DATE_ORDER_AUTO, "2020-01-01" },
    { "45366.75", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "15/03/2024", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "03/15/2024", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "03/04/2024", ROSETTE_DATE_ORDER_AUTO, NULL },
    { "03/04/2024", ROSETTE_DATE_ORDER_DMY, "2024-04-03" },
    { "03/04/2024", ROSETTE_DATE_ORDER_MDY, "2024-03-04" },
    { "04.04.24", ROSETTE_DATE_ORDER_AUTO, "2024-04-04" },
    { "1.2.99", ROSETTE_DATE_ORDER_DMY, "1999-02-01" },
    { "15-Mar-2024", ROSETTE_DATE_ORDER_AUTO, "2024-03-15" },
    { "5 sep 24", ROSETTE_DATE_ORDER_AUTO, "2024-09-05" },
    { "31/02/2024", ROSETTE_DATE_ORDER_DMY, NULL },
    { "2023-02-29", ROSETTE_DATE_ORDER_AUTO, NULL },
    { "15/13/2024", ROSETTE_DATE_ORDER_AUTO, NULL },
    { "soon", ROSETTE_DATE_ORDER_AUTO, NULL },
    { "", ROSETTE_DATE_ORDER_AUTO, NULL },
    { "3000000", ROSETTE_DATE_ORDER_AUTO, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean ok = rosette_import_parse_date (cases[i].text, cases[i].order, &date);
      g_autofree char *iso = NULL;

      if (ok)
        iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                               g_date_get_month (&date), g_date_get_day (&date));
      g_test_message ("%s -> %s", cases[i].text, iso != NULL ? iso : "(none)");
      g_assert_cmpstr (iso, ==, cases[i].expected);
    }
}

static void
test_mapping_overrides (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteCsvImport) guessed = load_fixture ("no-email-column.csv", &error);
  g_autoptr(RosetteCsvImport) mapped = rosette_csv_import_new ();
  g_autoptr(GInputStream) stream = open_fixture ("no-email-column.csv");
  RosetteImportField field;

  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--map"));
  g_assert_nonnull (strstr (error->message, "Person, Contact, Team"));
  g_clear_error (&error);

  g_assert_true (rosette_csv_import_add_mapping (mapped, "contact=Email", &error));
  g_assert_true (rosette_csv_import_add_mapping (mapped, "Person=name", &error));
  g_assert_true (rosette_csv_import_add_mapping (mapped, "Team=ignore", &error));
  g_assert_no_error (error);
  rosette_csv_import_load (mapped, stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row_at (mapped, 0)->email, ==, "kim@example.com");
  g_assert_cmpstr (row_at (mapped, 0)->name, ==, "Kim Lee");
  g_assert_null (row_at (mapped, 0)->values[ROSETTE_IMPORT_FIELD_DEPARTMENT]);

  g_assert_false (rosette_csv_import_add_mapping (mapped, "no equals sign", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_csv_import_add_mapping (mapped, "Team=shoe-size", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  /* An override naming a column the file lacks fails at load. */
  {
    g_autoptr(RosetteCsvImport) wrong = rosette_csv_import_new ();
    g_autoptr(GInputStream) again = open_fixture ("no-email-column.csv");

    rosette_csv_import_add_mapping (wrong, "Mail=email", NULL);
    g_assert_false (rosette_csv_import_load (wrong, again, NULL, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_true (rosette_import_field_from_string ("Hire_Date", &field));
  g_assert_cmpint (field, ==, ROSETTE_IMPORT_FIELD_HIRE_DATE);
  g_assert_cmpint (rosette_import_field_guess ("Employee #"), ==,
                   ROSETTE_IMPORT_FIELD_EMPLOYEE_ID);
  g_assert_cmpint (rosette_import_field_guess ("Work Email"), ==, ROSETTE_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (rosette_import_field_guess ("Salary Grade"), ==,
                   ROSETTE_IMPORT_FIELD_IGNORE);
}

/* Scale ------------------------------------------------------------------------ */

static void
test_fifty_thousand_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("First Name;Last Name;Work Email;Department;"
                                          "Hire Date\r\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RosetteCsvImport) import = rosette_csv_import_new ();
  RosetteImportRow *last;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (text, "Given%u;\"Family; %u\";person%u@example.com;Dept %u;%u\r\n",
                            i, i, i, i % 17, 40000 + i % 5000);
  stream = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&text), FALSE),
                                                -1, g_free);

  rosette_csv_import_load (import, stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_csv_import_get_rows (import)->len, ==, 50000);
  g_assert_cmpuint (rosette_csv_import_get_n_invalid (import), ==, 0);
  last = row_at (import, 49999);
  g_assert_cmpstr (last->name, ==, "Given49999 Family; 49999");
  g_assert_cmpstr (last->email, ==, "person49999@example.com");
  g_assert_cmpuint (last->line, ==, 50001);
  g_assert_cmpstr (last->hire_date, ==, "2023-03-14");   /* serial 44999 */
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/*
 * 200 MB: the reader streams it in flat memory (the peak resident size
 * grows by less than 32 MB), and the importer, which keeps rows for the
 * preview, refuses it with a message that names its row limit.
 */
static void
test_two_hundred_megabytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(RosetteCsvReader) reader = NULL;
  g_autoptr(RosetteCsvImport) import = NULL;
  g_autoptr(GString) chunk = g_string_new (NULL);
  const gsize target = 200 * 1024 * 1024;
  gsize written = 0;
  guint rows = 0, n_lines = 0;
  glong before;
  char **row;

  g_assert_no_error (error);
  path = g_build_filename (dir, "big.csv", NULL);
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  g_assert_no_error (error);

  g_string_append (chunk, "Worker,Email - Primary Work,Supervisory Organization,Hire Date,"
                          "Narrative\r\n");
  while (written < target)
    {
      for (guint i = 0; i < 1000; i++, n_lines++)
        g_string_append_printf (chunk,
                                "Person %u,person%u@example.com,Org %u,2020-01-%02u,"
                                "\"A narrative, with a comma and a \"\"quote\"\", that runs "
                                "on for a while to make the row look like real data\"\r\n",
                                n_lines, n_lines, n_lines % 40, 1 + n_lines % 28);
      g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk->str, chunk->len, NULL, NULL,
                                 &error);
      g_assert_no_error (error);
      written += chunk->len;
      g_string_truncate (chunk, 0);
    }
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);

  before = peak_rss_kb ();
  in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  reader = rosette_csv_reader_new (in);
  while ((row = rosette_csv_reader_read_row (reader, NULL, &error)) != NULL)
    {
      rows++;
      g_strfreev (row);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, n_lines + 1);
  g_assert_cmpint (peak_rss_kb () - before, <, 32 * 1024);
  g_clear_object (&in);

  in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  import = rosette_csv_import_new ();
  g_assert_false (rosette_csv_import_load (import, in, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100000 rows"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/csv/reader/rfc4180", test_reader_rfc4180);
  g_test_add_func ("/rosette/csv/reader/round-trip", test_reader_round_trip);
  g_test_add_func ("/rosette/csv/reader/hostile", test_reader_hostile);
  g_test_add_func ("/rosette/csv/reader/utf16", test_reader_utf16);
  g_test_add_func ("/rosette/csv/reader/huge-field", test_reader_huge_field);
  g_test_add_func ("/rosette/csv/empty-and-header-only", test_empty_and_header_only);
  g_test_add_func ("/rosette/csv/workday", test_workday);
  g_test_add_func ("/rosette/csv/bamboohr", test_bamboohr);
  g_test_add_func ("/rosette/csv/excel-serial-and-tiers", test_excel_serial_and_tiers);
  g_test_add_func ("/rosette/csv/preview-issues", test_preview_issues);
  g_test_add_func ("/rosette/csv/dates-in-columns", test_dates_in_columns);
  g_test_add_func ("/rosette/csv/parse-date", test_parse_date);
  g_test_add_func ("/rosette/csv/mapping-overrides", test_mapping_overrides);
  g_test_add_func ("/rosette/csv/fifty-thousand-rows", test_fifty_thousand_rows);
  g_test_add_func ("/rosette/csv/two-hundred-megabytes", test_two_hundred_megabytes);

  return g_test_run ();
}
