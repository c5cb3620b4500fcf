/* rosette-csv-reader.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A streaming RFC 4180 reader for what HRIS systems and spreadsheets
 * export: a UTF-8 BOM is skipped, the delimiter (comma, semicolon or tab)
 * is detected from the header line, quoted fields may hold delimiters,
 * doubled quotes and newlines, lines end in CRLF, LF or CR, blank lines
 * are skipped. Memory stays flat whatever the file's size: one 64 KiB
 * buffer and the current row, which is bounded by the maximum field size
 * and column count.
 *
 * Text must be UTF-8: a field that is not is an error naming its line
 * (we do not guess Latin-1, because a wrong guess silently misspells
 * names on signed credentials; the message says how to re-save the file).
 * Like Excel, a quote inside an unquoted field, or text after a closing
 * quote, is kept as it is rather than refused.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-csv-reader.h"
#include "rosette-error.h"

#define BUFFER_SIZE (64 * 1024)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_SEEN,
} ParseState;

struct _RosetteCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  guint8       *buffer;
  gsize         length;
  gsize         pos;
  gboolean      eof;
  gboolean      started;
  gboolean      skip_lf;

  char          delimiter;
  gsize         max_field_size;
  guint         max_columns;

  guint         line;
  guint         row_line;
  GString      *field;
};

G_DEFINE_FINAL_TYPE (RosetteCsvReader, rosette_csv_reader, G_TYPE_OBJECT)

static void
rosette_csv_reader_finalize (GObject *object)
{
  RosetteCsvReader *self = (RosetteCsvReader *)object;

  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_string_free (self->field, TRUE);

  G_OBJECT_CLASS (rosette_csv_reader_parent_class)->finalize (object);
}

static void
rosette_csv_reader_class_init (RosetteCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_csv_reader_finalize;
}

static void
rosette_csv_reader_init (RosetteCsvReader *self)
{
  self->buffer = g_malloc (BUFFER_SIZE);
  self->field = g_string_sized_new (256);
  self->max_field_size = ROSETTE_CSV_DEFAULT_MAX_FIELD_SIZE;
  self->max_columns = ROSETTE_CSV_DEFAULT_MAX_COLUMNS;
  self->line = 1;
}

/**
 * rosette_csv_reader_new:
 * @stream: the CSV bytes
 *
 * Returns: (transfer full): a reader
 */
RosetteCsvReader *
rosette_csv_reader_new (GInputStream *stream)
{
  RosetteCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (ROSETTE_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

/**
 * rosette_csv_reader_set_delimiter:
 * @delimiter: ',', ';' or '\t'; 0 to detect it from the first line
 */
void
rosette_csv_reader_set_delimiter (RosetteCsvReader *self,
                                  char              delimiter)
{
  g_return_if_fail (ROSETTE_IS_CSV_READER (self));
  g_return_if_fail (!self->started);

  self->delimiter = delimiter;
}

/**
 * rosette_csv_reader_get_delimiter:
 *
 * Returns: the delimiter in use (known once the first row is read)
 */
char
rosette_csv_reader_get_delimiter (RosetteCsvReader *self)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_READER (self), 0);

  return self->delimiter;
}

void
rosette_csv_reader_set_max_field_size (RosetteCsvReader *self,
                                       gsize             max_field_size)
{
  g_return_if_fail (ROSETTE_IS_CSV_READER (self));
  g_return_if_fail (max_field_size > 0);

  self->max_field_size = max_field_size;
}

void
rosette_csv_reader_set_max_columns (RosetteCsvReader *self,
                                    guint             max_columns)
{
  g_return_if_fail (ROSETTE_IS_CSV_READER (self));
  g_return_if_fail (max_columns > 0);

  self->max_columns = max_columns;
}

/**
 * rosette_csv_reader_get_line:
 *
 * Returns: the line (1-based, as a text editor counts) on which the last
 *   row returned started
 */
guint
rosette_csv_reader_get_line (RosetteCsvReader *self)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_READER (self), 0);

  return self->row_line;
}

static gboolean
fill (RosetteCsvReader  *self,
      GCancellable      *cancellable,
      GError           **error)
{
  gsize n = 0;

  if (self->pos < self->length || self->eof)
    return TRUE;

  if (!g_input_stream_read_all (self->stream, self->buffer, BUFFER_SIZE, &n,
                                cancellable, error))
    return FALSE;

  self->pos = 0;
  self->length = n;
  self->eof = n == 0;
  return TRUE;
}

/* The delimiter that occurs most often outside quotes on the first line. */
static char
detect_delimiter (const guint8 *data,
                  gsize         length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        break;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (data[i] == (guint8)candidates[c])
            counts[c]++;
    }

  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > counts[best])
      best = c;
  return candidates[best];
}

static gboolean
start (RosetteCsvReader  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  const guint8 *data;

  self->started = TRUE;
  if (!fill (self, cancellable, error))
    return FALSE;

  data = self->buffer;
  if (self->length >= 2 && ((data[0] == 0xff && data[1] == 0xfe)
                            || (data[0] == 0xfe && data[1] == 0xff)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The file is UTF-16 text; save it as “CSV UTF-8” and try again"));
      return FALSE;
    }
  if (self->length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    self->pos = 3;

  if (self->delimiter == 0)
    self->delimiter = detect_delimiter (data + self->pos, self->length - self->pos);
  return TRUE;
}

static gboolean
push_field (RosetteCsvReader  *self,
            GPtrArray         *fields,
            GError           **error)
{
  const char *end;

  if (!g_utf8_validate (self->field->str, (gssize)self->field->len, &end))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("Line %u is not UTF-8 text (byte 0x%02x in column %u); "
                     "save the file as “CSV UTF-8” and try again"),
                   self->row_line, (guint)(guint8)*end, fields->len + 1);
      return FALSE;
    }
  if (fields->len >= self->max_columns)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("Line %u has more than %u columns, the limit"),
                   self->row_line, self->max_columns);
      return FALSE;
    }

  g_ptr_array_add (fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
  return TRUE;
}

/* Appends bytes up to the next special one; returns how many it took. */
static gsize
append_run (RosetteCsvReader *self,
            gboolean          quoted)
{
  const guint8 *p = self->buffer + self->pos;
  const guint8 *end = self->buffer + self->length;
  const guint8 *start = p;
  guint8 delimiter = (guint8)self->delimiter;

  if (quoted)
    while (p < end && *p != '"' && *p != '\n')
      p++;
  else
    while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
      p++;

  g_string_append_len (self->field, (const char *)start, p - start);
  self->pos += (gsize)(p - start);
  return (gsize)(p - start);
}

static gboolean
check_field_size (RosetteCsvReader  *self,
                  GError           **error)
{
  g_autofree char *limit = NULL;

  if (self->field->len <= self->max_field_size)
    return TRUE;

  limit = g_format_size (self->max_field_size);
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
               _("A field on line %u is larger than %s, the limit for one cell"),
               self->row_line, limit);
  return FALSE;
}

/* Reads one row into @fields; returns FALSE on error, sets *at_end when
 * the input ended before any field. */
static gboolean
read_fields (RosetteCsvReader  *self,
             GPtrArray         *fields,
             gboolean          *at_end,
             GCancellable      *cancellable,
             GError           **error)
{
  ParseState state = STATE_FIELD_START;
  guint8 c;

  *at_end = FALSE;
  self->row_line = self->line;
  g_string_truncate (self->field, 0);

  for (;;)
    {
      if (!fill (self, cancellable, error))
        return FALSE;
      if (self->eof)
        break;

      if (state == STATE_UNQUOTED || state == STATE_QUOTED)
        {
          if (append_run (self, state == STATE_QUOTED) > 0 && !check_field_size (self, error))
            return FALSE;
          if (self->pos == self->length)
            continue;
        }

      c = self->buffer[self->pos++];
      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (c == '\n' && state == STATE_FIELD_START && fields->len == 0)
            continue;
        }

      switch (state)
        {
        case STATE_QUOTED:
          if (c == '"')
            state = STATE_QUOTE_SEEN;
          else
            {
              /* append_run() stops only at '"' and newlines. */
              self->line++;
              g_string_append_c (self->field, (char)c);
            }
          break;

        case STATE_QUOTE_SEEN:
          if (c == '"')
            {
              g_string_append_c (self->field, '"');
              state = STATE_QUOTED;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_FIELD_START:
        case STATE_UNQUOTED:
          if (c == (guint8)self->delimiter)
            {
              if (!push_field (self, fields, error))
                return FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              if (c == '\n')
                self->line++;
              else
                {
                  self->line++;
                  self->skip_lf = TRUE;
                }
              return push_field (self, fields, error);
            }
          else if (c == '"' && state == STATE_FIELD_START)
            state = STATE_QUOTED;
          else
            {
              g_string_append_c (self->field, (char)c);
              state = STATE_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      if (!check_field_size (self, error))
        return FALSE;
    }

  if (state == STATE_QUOTED)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("A quoted field that starts on line %u never ends (a missing closing "
                     "quote)"),
                   self->row_line);
      return FALSE;
    }
  if (state == STATE_FIELD_START && fields->len == 0)
    {
      *at_end = TRUE;
      return TRUE;
    }
  return push_field (self, fields, error);
}

/**
 * rosette_csv_reader_read_row:
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the next non-blank row.
 *
 * Returns: (transfer full) (nullable): the row's fields, or %NULL at the
 *   end (@error unset) or on error: %ROSETTE_ERROR_PARSE (not UTF-8, an
 *   unterminated quote), %ROSETTE_ERROR_TOO_LARGE (a field or column count
 *   over the limits), or an I/O error
 */
char **
rosette_csv_reader_read_row (RosetteCsvReader  *self,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_return_val_if_fail (ROSETTE_IS_CSV_READER (self), NULL);

  if (!self->started && !start (self, cancellable, error))
    return NULL;

  for (;;)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      gboolean at_end;

      if (!read_fields (self, fields, &at_end, cancellable, error) || at_end)
        return NULL;

      /* A blank line is one empty field: skip it. */
      if (fields->len == 1 && *(char *)fields->pdata[0] == '\0')
        continue;

      g_ptr_array_add (fields, NULL);
      g_ptr_array_set_free_func (fields, NULL);
      return (char **)g_ptr_array_free (g_steal_pointer (&fields), FALSE);
    }
}

/**
 * rosette_csv_append_row:
 * @out: where to append one CSV line (CRLF-terminated, as RFC 4180 says)
 * @fields: (array zero-terminated=1): the cells; a %NULL-valued cell
 *   cannot be given, use ""
 * @delimiter: ',' usually
 * @guard_formulas: prefix an apostrophe to cells a spreadsheet would run
 *   as a formula (=, +, -, @ first), against CSV injection
 */
void
rosette_csv_append_row (GString            *out,
                        const char * const *fields,
                        char                delimiter,
                        gboolean            guard_formulas)
{
  const char specials[] = { delimiter, '"', '\n', '\r', '\0' };

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *cell = fields[i];
      gboolean guard = guard_formulas && strchr ("=+-@", cell[0]) != NULL && cell[0] != '\0';

      if (i > 0)
        g_string_append_c (out, delimiter);

      if (strpbrk (cell, specials) == NULL && !guard)
        {
          g_string_append (out, cell);
          continue;
        }

      g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
