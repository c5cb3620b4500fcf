/* rosette-csv-import.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * From an HRIS export to rows ready to issue: the header row is mapped to
 * fields (explicit COLUMN=FIELD overrides first, then the header names
 * Workday, BambooHR and generic spreadsheets use), every row is read into
 * memory (bounded by the row limit: the preview shows them all) and then
 * validated. Validation never refuses the file for a bad row: it lists
 * the row's issues so that the user can skip or fix it before anything
 * is signed. Only problems of the whole file are errors: no e-mail or
 * name column, dates whose day/month order cannot be told, too many rows.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-csv-reader.h"
#include "rosette-error.h"
#include "rosette-import-private.h"
#include "rosette-recipient.h"

struct _RosetteCsvImport
{
  GObject           parent_instance;

  GPtrArray        *overrides;     /* "column\x1ffield" strings, in order */
  char            **known_tiers;
  RosetteDateOrder  date_order;
  guint             max_rows;
  gsize             max_field_size;

  char            **columns;
  GArray           *column_fields; /* RosetteImportField per column */
  char              delimiter;
  RosetteDateOrder  column_orders[ROSETTE_IMPORT_N_FIELDS];
  GPtrArray        *rows;
  guint             n_invalid;
};

G_DEFINE_FINAL_TYPE (RosetteCsvImport, rosette_csv_import, G_TYPE_OBJECT)

static const char * const field_names[ROSETTE_IMPORT_N_FIELDS] = {
  "ignore", "email", "name", "first-name", "last-name", "employee-id", "department",
  "manager", "hire-date", "narrative", "evidence", "tier", "valid-until",
};

/* Header names (lower case, letters and digits only, '#' read as
 * "number") and the field each means. The first column that matches a
 * field takes it. */
static const struct
{
  const char         *header;
  RosetteImportField  field;
} header_guesses[] = {
  { "email", ROSETTE_IMPORT_FIELD_EMAIL },
  { "emailaddress", ROSETTE_IMPORT_FIELD_EMAIL },
  { "workemail", ROSETTE_IMPORT_FIELD_EMAIL },
  { "workemailaddress", ROSETTE_IMPORT_FIELD_EMAIL },
  { "emailprimarywork", ROSETTE_IMPORT_FIELD_EMAIL },       /* Workday */
  { "primaryworkemail", ROSETTE_IMPORT_FIELD_EMAIL },
  { "businessemail", ROSETTE_IMPORT_FIELD_EMAIL },
  { "mail", ROSETTE_IMPORT_FIELD_EMAIL },
  { "recipientemail", ROSETTE_IMPORT_FIELD_EMAIL },
  { "name", ROSETTE_IMPORT_FIELD_NAME },
  { "fullname", ROSETTE_IMPORT_FIELD_NAME },
  { "worker", ROSETTE_IMPORT_FIELD_NAME },                   /* Workday */
  { "employee", ROSETTE_IMPORT_FIELD_NAME },
  { "employeename", ROSETTE_IMPORT_FIELD_NAME },
  { "preferredname", ROSETTE_IMPORT_FIELD_NAME },
  { "legalname", ROSETTE_IMPORT_FIELD_NAME },
  { "displayname", ROSETTE_IMPORT_FIELD_NAME },
  { "recipient", ROSETTE_IMPORT_FIELD_NAME },
  { "recipientname", ROSETTE_IMPORT_FIELD_NAME },
  { "firstname", ROSETTE_IMPORT_FIELD_FIRST_NAME },          /* BambooHR */
  { "givenname", ROSETTE_IMPORT_FIELD_FIRST_NAME },
  { "legalfirstname", ROSETTE_IMPORT_FIELD_FIRST_NAME },
  { "preferredfirstname", ROSETTE_IMPORT_FIELD_FIRST_NAME },
  { "lastname", ROSETTE_IMPORT_FIELD_LAST_NAME },            /* BambooHR */
  { "surname", ROSETTE_IMPORT_FIELD_LAST_NAME },
  { "familyname", ROSETTE_IMPORT_FIELD_LAST_NAME },
  { "legallastname", ROSETTE_IMPORT_FIELD_LAST_NAME },
  { "employeeid", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },        /* Workday */
  { "employeenumber", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },    /* BambooHR "Employee #" */
  { "employeeno", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },
  { "empid", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },
  { "workerid", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },
  { "staffid", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },
  { "staffnumber", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },
  { "personnelnumber", ROSETTE_IMPORT_FIELD_EMPLOYEE_ID },
  { "department", ROSETTE_IMPORT_FIELD_DEPARTMENT },
  { "dept", ROSETTE_IMPORT_FIELD_DEPARTMENT },
  { "supervisoryorganization", ROSETTE_IMPORT_FIELD_DEPARTMENT }, /* Workday */
  { "division", ROSETTE_IMPORT_FIELD_DEPARTMENT },
  { "team", ROSETTE_IMPORT_FIELD_DEPARTMENT },
  { "orgunit", ROSETTE_IMPORT_FIELD_DEPARTMENT },
  { "manager", ROSETTE_IMPORT_FIELD_MANAGER },
  { "managername", ROSETTE_IMPORT_FIELD_MANAGER },
  { "supervisor", ROSETTE_IMPORT_FIELD_MANAGER },
  { "reportsto", ROSETTE_IMPORT_FIELD_MANAGER },             /* BambooHR */
  { "linemanager", ROSETTE_IMPORT_FIELD_MANAGER },
  { "hiredate", ROSETTE_IMPORT_FIELD_HIRE_DATE },
  { "originalhiredate", ROSETTE_IMPORT_FIELD_HIRE_DATE },
  { "startdate", ROSETTE_IMPORT_FIELD_HIRE_DATE },
  { "dateofhire", ROSETTE_IMPORT_FIELD_HIRE_DATE },
  { "joindate", ROSETTE_IMPORT_FIELD_HIRE_DATE },
  { "datejoined", ROSETTE_IMPORT_FIELD_HIRE_DATE },
  { "narrative", ROSETTE_IMPORT_FIELD_NARRATIVE },
  { "citation", ROSETTE_IMPORT_FIELD_NARRATIVE },
  { "comment", ROSETTE_IMPORT_FIELD_NARRATIVE },
  { "comments", ROSETTE_IMPORT_FIELD_NARRATIVE },
  { "notes", ROSETTE_IMPORT_FIELD_NARRATIVE },
  { "evidence", ROSETTE_IMPORT_FIELD_EVIDENCE },
  { "evidenceurl", ROSETTE_IMPORT_FIELD_EVIDENCE },
  { "evidencelink", ROSETTE_IMPORT_FIELD_EVIDENCE },
  { "tier", ROSETTE_IMPORT_FIELD_TIER },
  { "badgetier", ROSETTE_IMPORT_FIELD_TIER },
  { "level", ROSETTE_IMPORT_FIELD_TIER },
  { "validuntil", ROSETTE_IMPORT_FIELD_VALID_UNTIL },
  { "expires", ROSETTE_IMPORT_FIELD_VALID_UNTIL },
  { "expiry", ROSETTE_IMPORT_FIELD_VALID_UNTIL },
  { "expirydate", ROSETTE_IMPORT_FIELD_VALID_UNTIL },
  { "expirationdate", ROSETTE_IMPORT_FIELD_VALID_UNTIL },
};

static void
import_issue_free (RosetteImportIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

static void
import_row_free (RosetteImportRow *row)
{
  for (guint f = 0; f < ROSETTE_IMPORT_N_FIELDS; f++)
    g_free (row->values[f]);
  g_free (row->email);
  g_free (row->name);
  g_free (row->hire_date);
  g_free (row->valid_until);
  g_ptr_array_unref (row->issues);
  g_free (row);
}

static void
rosette_csv_import_finalize (GObject *object)
{
  RosetteCsvImport *self = (RosetteCsvImport *)object;

  g_ptr_array_unref (self->overrides);
  g_strfreev (self->known_tiers);
  g_strfreev (self->columns);
  g_clear_pointer (&self->column_fields, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rosette_csv_import_parent_class)->finalize (object);
}

static void
rosette_csv_import_class_init (RosetteCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_csv_import_finalize;
}

static void
rosette_csv_import_init (RosetteCsvImport *self)
{
  self->overrides = g_ptr_array_new_with_free_func (g_free);
  self->max_rows = ROSETTE_CSV_IMPORT_DEFAULT_MAX_ROWS;
  self->max_field_size = ROSETTE_CSV_DEFAULT_MAX_FIELD_SIZE;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)import_row_free);
}

RosetteCsvImport *
rosette_csv_import_new (void)
{
  return g_object_new (ROSETTE_TYPE_CSV_IMPORT, NULL);
}

/**
 * rosette_csv_import_set_known_tiers:
 * @tiers: (nullable) (array zero-terminated=1): the family's tier names
 *   and slugs; a tier column value that matches none (ignoring case) is
 *   an issue of its row
 */
void
rosette_csv_import_set_known_tiers (RosetteCsvImport   *self,
                                    const char * const *tiers)
{
  g_return_if_fail (ROSETTE_IS_CSV_IMPORT (self));

  g_strfreev (self->known_tiers);
  self->known_tiers = g_strdupv ((char **)tiers);
}

void
rosette_csv_import_set_date_order (RosetteCsvImport *self,
                                   RosetteDateOrder  order)
{
  g_return_if_fail (ROSETTE_IS_CSV_IMPORT (self));

  self->date_order = order;
}

void
rosette_csv_import_set_max_rows (RosetteCsvImport *self,
                                 guint             max_rows)
{
  g_return_if_fail (ROSETTE_IS_CSV_IMPORT (self));
  g_return_if_fail (max_rows > 0);

  self->max_rows = max_rows;
}

void
rosette_csv_import_set_max_field_size (RosetteCsvImport *self,
                                       gsize             max_field_size)
{
  g_return_if_fail (ROSETTE_IS_CSV_IMPORT (self));
  g_return_if_fail (max_field_size > 0);

  self->max_field_size = max_field_size;
}

static char *
normalize_name (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (*p == '#')
        g_string_append (s, "number");
    }
  return g_string_free (s, FALSE);
}

/**
 * rosette_import_field_to_string:
 *
 * Returns: the name --map uses ("email", "hire-date", …)
 */
const char *
rosette_import_field_to_string (RosetteImportField field)
{
  g_return_val_if_fail ((guint)field < ROSETTE_IMPORT_N_FIELDS, NULL);

  return field_names[field];
}

/**
 * rosette_import_field_from_string:
 * @name: a field name; case, dashes and underscores do not matter
 *
 * Returns: %TRUE if @name is a field
 */
gboolean
rosette_import_field_from_string (const char         *name,
                                  RosetteImportField *out_field)
{
  g_autofree char *wanted = normalize_name (name);

  for (guint f = 0; f < ROSETTE_IMPORT_N_FIELDS; f++)
    {
      g_autofree char *candidate = normalize_name (field_names[f]);

      if (g_str_equal (wanted, candidate))
        {
          *out_field = f;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * rosette_import_field_guess:
 * @header: a column's header as in the file
 *
 * Returns: the field that header usually names, or
 *   %ROSETTE_IMPORT_FIELD_IGNORE
 */
RosetteImportField
rosette_import_field_guess (const char *header)
{
  g_autofree char *key = normalize_name (header);

  for (guint i = 0; i < G_N_ELEMENTS (header_guesses); i++)
    if (g_str_equal (key, header_guesses[i].header))
      return header_guesses[i].field;
  return ROSETTE_IMPORT_FIELD_IGNORE;
}

/**
 * rosette_csv_import_add_mapping:
 * @spec: "COLUMN=FIELD", as `--map` takes it (FIELD may be "ignore")
 *
 * An explicit mapping that wins over the guess from the header names.
 * The column is matched when the file is loaded.
 *
 * Returns: %TRUE if @spec is well-formed and names a field
 */
gboolean
rosette_csv_import_add_mapping (RosetteCsvImport  *self,
                                const char        *spec,
                                GError           **error)
{
  const char *eq;
  g_autofree char *column = NULL;
  RosetteImportField field;

  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  eq = strrchr (spec, '=');
  if (eq == NULL || eq == spec)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not a column mapping (expected COLUMN=FIELD)"), spec);
      return FALSE;
    }
  if (!rosette_import_field_from_string (eq + 1, &field))
    {
      g_autofree char *names = g_strjoinv (", ", (char **)field_names);

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Unknown field “%s” in “%s” (fields: %s)"), eq + 1, spec, names);
      return FALSE;
    }

  column = g_strstrip (g_strndup (spec, (gsize)(eq - spec)));
  g_ptr_array_add (self->overrides, g_strdup_printf ("%s\x1f%u", column, field));
  return TRUE;
}

static int
find_column (char       **columns,
             const char  *name)
{
  g_autofree char *wanted = normalize_name (name);

  for (guint i = 0; columns[i] != NULL; i++)
    if (g_ascii_strcasecmp (columns[i], name) == 0)
      return (int)i;
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *candidate = normalize_name (columns[i]);

      if (*wanted != '\0' && g_str_equal (candidate, wanted))
        return (int)i;
    }
  return -1;
}

static gboolean
map_columns (RosetteCsvImport  *self,
             GError           **error)
{
  gboolean taken[ROSETTE_IMPORT_N_FIELDS] = { FALSE };
  guint n_columns = g_strv_length (self->columns);
  g_autofree gboolean *fixed = g_new0 (gboolean, n_columns);
  g_autofree char *listed = NULL;

  g_clear_pointer (&self->column_fields, g_array_unref);
  self->column_fields = g_array_new (FALSE, TRUE, sizeof (RosetteImportField));
  g_array_set_size (self->column_fields, n_columns);
  listed = g_strjoinv (", ", self->columns);

  for (guint i = 0; i < self->overrides->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (self->overrides->pdata[i], "\x1f", 2);
      RosetteImportField field = (RosetteImportField)g_ascii_strtoull (parts[1], NULL, 10);
      int column = find_column (self->columns, parts[0]);

      if (column < 0)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                       _("The file has no column “%s” (its columns: %s)"), parts[0], listed);
          return FALSE;
        }
      g_array_index (self->column_fields, RosetteImportField, column) = field;
      fixed[column] = TRUE;
      taken[field] = TRUE;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      RosetteImportField field;

      if (fixed[c])
        continue;
      field = rosette_import_field_guess (self->columns[c]);
      if (field != ROSETTE_IMPORT_FIELD_IGNORE && !taken[field])
        {
          g_array_index (self->column_fields, RosetteImportField, c) = field;
          taken[field] = TRUE;
        }
    }

  if (!taken[ROSETTE_IMPORT_FIELD_EMAIL])
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("No column holds e-mail addresses; name it with --map COLUMN=email "
                     "(the file’s columns: %s)"),
                   listed);
      return FALSE;
    }
  if (!taken[ROSETTE_IMPORT_FIELD_NAME] && !taken[ROSETTE_IMPORT_FIELD_FIRST_NAME]
      && !taken[ROSETTE_IMPORT_FIELD_LAST_NAME])
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("No column holds names; name it with --map COLUMN=name "
                     "(the file’s columns: %s)"),
                   listed);
      return FALSE;
    }
  return TRUE;
}

static RosetteImportRow *
make_row (RosetteCsvImport  *self,
          char             **cells,
          guint              line)
{
  RosetteImportRow *row = g_new0 (RosetteImportRow, 1);

  row->line = line;
  row->issues = g_ptr_array_new_with_free_func ((GDestroyNotify)import_issue_free);
  for (guint c = 0; c < self->column_fields->len && cells[c] != NULL; c++)
    {
      RosetteImportField field = g_array_index (self->column_fields, RosetteImportField, c);

      if (field != ROSETTE_IMPORT_FIELD_IGNORE)
        {
          g_free (row->values[field]);
          row->values[field] = g_strstrip (g_strdup (cells[c]));
        }
    }
  return row;
}

/**
 * rosette_csv_import_load:
 * @stream: the CSV file
 *
 * Reads the header and every row, maps the columns and validates the
 * rows (see rosette_csv_import_validate()).
 *
 * Returns: %TRUE if the file could be read and mapped; rows with issues
 *   do not make it fail. Errors: %ROSETTE_ERROR_PARSE (empty file, not
 *   UTF-8, unterminated quote), %ROSETTE_ERROR_TOO_LARGE (row limit, field
 *   size), %ROSETTE_ERROR_INVALID or %ROSETTE_ERROR_NOT_FOUND (mapping),
 *   %ROSETTE_ERROR_AMBIGUOUS (dates)
 */
gboolean
rosette_csv_import_load (RosetteCsvImport  *self,
                         GInputStream      *stream,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(RosetteCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  char **cells;

  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  reader = rosette_csv_reader_new (stream);
  rosette_csv_reader_set_max_field_size (reader, self->max_field_size);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->columns, g_strfreev);

  self->columns = rosette_csv_reader_read_row (reader, cancellable, &local_error);
  if (self->columns == NULL)
    {
      if (local_error == NULL)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                     _("The file is empty; it needs a header row and a row per person"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint c = 0; self->columns[c] != NULL; c++)
    g_strstrip (self->columns[c]);
  self->delimiter = rosette_csv_reader_get_delimiter (reader);

  if (!map_columns (self, error))
    return FALSE;

  while ((cells = rosette_csv_reader_read_row (reader, cancellable, &local_error)) != NULL)
    {
      if (self->rows->len >= self->max_rows)
        {
          g_strfreev (cells);
          g_ptr_array_set_size (self->rows, 0);
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                       _("The file has more than %u rows, the limit for one batch; "
                         "split it into smaller files"),
                       self->max_rows);
          return FALSE;
        }
      g_ptr_array_add (self->rows,
                       make_row (self, cells, rosette_csv_reader_get_line (reader)));
      g_strfreev (cells);
    }
  if (local_error != NULL)
    {
      g_ptr_array_set_size (self->rows, 0);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return rosette_csv_import_validate (self, error);
}

static void
add_issue (RosetteImportRow       *row,
           RosetteImportIssueKind  kind,
           RosetteImportField      field,
           char                   *message)
{
  RosetteImportIssue *issue = g_new0 (RosetteImportIssue, 1);

  issue->kind = kind;
  issue->field = field;
  issue->message = message;
  g_ptr_array_add (row->issues, issue);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
join_name (const RosetteImportRow *row)
{
  const char *full = row->values[ROSETTE_IMPORT_FIELD_NAME];
  const char *first = row->values[ROSETTE_IMPORT_FIELD_FIRST_NAME];
  const char *last = row->values[ROSETTE_IMPORT_FIELD_LAST_NAME];

  if (!is_empty (full))
    return g_strdup (full);
  if (is_empty (first) && is_empty (last))
    return NULL;
  if (is_empty (first) || is_empty (last))
    return g_strdup (is_empty (first) ? last : first);
  return g_strdup_printf ("%s %s", first, last);
}

static gboolean
tier_known (RosetteCsvImport *self,
            const char       *tier)
{
  if (self->known_tiers == NULL)
    return TRUE;
  for (guint i = 0; self->known_tiers[i] != NULL; i++)
    if (g_utf8_collate (self->known_tiers[i], tier) == 0
        || g_ascii_strcasecmp (self->known_tiers[i], tier) == 0)
      return TRUE;
  return FALSE;
}

static char *
parse_date_cell (RosetteImportRow   *row,
                 RosetteImportField  field,
                 RosetteDateOrder    order)
{
  const char *text = row->values[field];
  GDate date;

  if (is_empty (text))
    return NULL;
  if (!rosette_import_parse_date (text, order, &date))
    {
      add_issue (row, ROSETTE_IMPORT_ISSUE_INVALID_DATE, field,
                 g_strdup_printf (_("“%s” is not a date"), text));
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
validate_row (RosetteCsvImport *self,
              RosetteImportRow *row,
              GHashTable       *seen)
{
  const char *email = row->values[ROSETTE_IMPORT_FIELD_EMAIL];
  const char *tier = row->values[ROSETTE_IMPORT_FIELD_TIER];
  const char *evidence = row->values[ROSETTE_IMPORT_FIELD_EVIDENCE];
  g_autoptr(GError) email_error = NULL;
  gpointer first_line;

  g_ptr_array_set_size (row->issues, 0);
  g_clear_pointer (&row->email, g_free);
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->hire_date, g_free);
  g_clear_pointer (&row->valid_until, g_free);

  if (is_empty (email))
    add_issue (row, ROSETTE_IMPORT_ISSUE_MISSING_EMAIL, ROSETTE_IMPORT_FIELD_EMAIL,
               g_strdup (_("No e-mail address")));
  else if (!rosette_email_check (email, &email_error))
    add_issue (row, ROSETTE_IMPORT_ISSUE_INVALID_EMAIL, ROSETTE_IMPORT_FIELD_EMAIL,
               g_strdup (email_error->message));
  else
    {
      row->email = rosette_email_normalize (email);
      if (g_hash_table_lookup_extended (seen, row->email, NULL, &first_line))
        add_issue (row, ROSETTE_IMPORT_ISSUE_DUPLICATE_EMAIL, ROSETTE_IMPORT_FIELD_EMAIL,
                   g_strdup_printf (_("The same e-mail address as line %u"),
                                    GPOINTER_TO_UINT (first_line)));
      else
        g_hash_table_insert (seen, row->email, GUINT_TO_POINTER (row->line));
    }

  row->name = join_name (row);
  if (row->name == NULL)
    add_issue (row, ROSETTE_IMPORT_ISSUE_MISSING_NAME, ROSETTE_IMPORT_FIELD_NAME,
               g_strdup (_("No name")));

  if (!is_empty (tier) && !tier_known (self, tier))
    {
      g_autofree char *known = g_strjoinv (", ", self->known_tiers);

      add_issue (row, ROSETTE_IMPORT_ISSUE_UNKNOWN_TIER, ROSETTE_IMPORT_FIELD_TIER,
                 g_strdup_printf (_("Unknown tier “%s” (the family’s tiers: %s)"), tier, known));
    }

  if (!is_empty (evidence) && !g_str_has_prefix (evidence, "https://")
      && !g_str_has_prefix (evidence, "http://"))
    add_issue (row, ROSETTE_IMPORT_ISSUE_INVALID_EVIDENCE, ROSETTE_IMPORT_FIELD_EVIDENCE,
               g_strdup_printf (_("Evidence must be a web address (https://…), not “%s”"),
                                evidence));

  row->hire_date = parse_date_cell (row, ROSETTE_IMPORT_FIELD_HIRE_DATE,
                                    self->column_orders[ROSETTE_IMPORT_FIELD_HIRE_DATE]);
  row->valid_until = parse_date_cell (row, ROSETTE_IMPORT_FIELD_VALID_UNTIL,
                                      self->column_orders[ROSETTE_IMPORT_FIELD_VALID_UNTIL]);
}

static const char *
column_of_field (RosetteCsvImport   *self,
                 RosetteImportField  field)
{
  for (guint c = 0; c < self->column_fields->len; c++)
    if (g_array_index (self->column_fields, RosetteImportField, c) == field)
      return self->columns[c];
  return rosette_import_field_to_string (field);
}

/**
 * rosette_csv_import_validate:
 *
 * (Re)computes every row's derived values and issues, after a load or
 * after the caller fixed values. Duplicates are flagged on the later row.
 *
 * Returns: %FALSE only with %ROSETTE_ERROR_AMBIGUOUS, when a date column
 *   can be read both as day/month and month/day (set a date order)
 */
gboolean
rosette_csv_import_validate (RosetteCsvImport  *self,
                             GError           **error)
{
  static const RosetteImportField date_fields[] = {
    ROSETTE_IMPORT_FIELD_HIRE_DATE, ROSETTE_IMPORT_FIELD_VALID_UNTIL,
  };
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (self->column_fields != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      RosetteImportField field = date_fields[i];

      self->column_orders[field] = self->date_order;
      if (self->date_order == ROSETTE_DATE_ORDER_AUTO
          && !_rosette_import_detect_date_order (self->rows, field,
                                                 column_of_field (self, field),
                                                 &self->column_orders[field], error))
        return FALSE;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  self->n_invalid = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      RosetteImportRow *row = self->rows->pdata[i];

      validate_row (self, row, seen);
      if (row->issues->len > 0)
        self->n_invalid++;
    }
  return TRUE;
}

/**
 * rosette_csv_import_get_columns:
 *
 * Returns: (transfer none) (nullable): the header row, once loaded
 */
const char * const *
rosette_csv_import_get_columns (RosetteCsvImport *self)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), NULL);

  return (const char * const *)self->columns;
}

RosetteImportField
rosette_csv_import_get_column_field (RosetteCsvImport *self,
                                     guint             column)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), ROSETTE_IMPORT_FIELD_IGNORE);
  g_return_val_if_fail (self->column_fields != NULL, ROSETTE_IMPORT_FIELD_IGNORE);
  g_return_val_if_fail (column < self->column_fields->len, ROSETTE_IMPORT_FIELD_IGNORE);

  return g_array_index (self->column_fields, RosetteImportField, column);
}

char
rosette_csv_import_get_delimiter (RosetteCsvImport *self)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), 0);

  return self->delimiter;
}

/**
 * rosette_csv_import_get_date_order:
 * @field: %ROSETTE_IMPORT_FIELD_HIRE_DATE or %ROSETTE_IMPORT_FIELD_VALID_UNTIL
 *
 * Returns: the order used for the column (decided at validation)
 */
RosetteDateOrder
rosette_csv_import_get_date_order (RosetteCsvImport   *self,
                                   RosetteImportField  field)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), ROSETTE_DATE_ORDER_AUTO);
  g_return_val_if_fail ((guint)field < ROSETTE_IMPORT_N_FIELDS, ROSETTE_DATE_ORDER_AUTO);

  return self->column_orders[field];
}

/**
 * rosette_csv_import_get_rows:
 *
 * Returns: (transfer none) (element-type RosetteImportRow): the rows
 */
GPtrArray *
rosette_csv_import_get_rows (RosetteCsvImport *self)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), NULL);

  return self->rows;
}

guint
rosette_csv_import_get_n_invalid (RosetteCsvImport *self)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_IMPORT (self), 0);

  return self->n_invalid;
}

gboolean
rosette_import_row_is_valid (const RosetteImportRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return row->issues->len == 0;
}
