/* rosette-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include "rosette-utils.h"

/**
 * rosette_slugify:
 * @text: a name, such as "Data Privacy" or "Über-Expert"
 *
 * Makes a file-name-safe slug: lower case ASCII letters and digits,
 * words joined by '-'. Accents are folded ("Über" -> "uber"); a name
 * with nothing usable gives "badge".
 *
 * Returns: (transfer full): the slug
 */
char *
rosette_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }

      /* Keep file names short enough for every file system. */
      if (slug->len >= 64)
        break;
    }

  if (slug->len == 0)
    g_string_append (slug, "badge");

  return g_string_free (slug, FALSE);
}

/**
 * rosette_load_file_bounded:
 * @file: the file to read
 * @max_size: the largest size accepted, in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a whole file from outside, refusing it with %ROSETTE_ERROR_TOO_LARGE
 * when it is bigger than @max_size, without reading more than that.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
rosette_load_file_bounded (GFile        *file,
                           gsize         max_size,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  g_autofree char *limit = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize wanted;
  gsize allocated = 0;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE, NULL);

  name = g_file_get_parse_name (file);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Read one byte more than allowed to tell "exactly max" from "too big".
   * A single read may return fewer bytes than asked for (pipes, network
   * file systems), so read until end of file or past the limit, growing
   * the buffer as data arrives rather than allocating max_size up front. */
  wanted = max_size + 1;
  while (length < wanted)
    {
      gsize chunk = MIN (wanted - length, 64 * 1024);
      gssize n_read;

      if (allocated - length < chunk)
        {
          allocated = MIN (wanted, MAX (allocated * 2, length + chunk));
          buffer = g_realloc (buffer, allocated);
        }

      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer + length, chunk,
                                    cancellable, error);
      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;

      length += n_read;
    }

  if (length > max_size)
    {
      limit = g_format_size (max_size);
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, the most Rosette reads"),
                   name, limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/**
 * rosette_json_depth_ok:
 * @data: JSON text
 * @length: its length in bytes
 * @max_depth: the deepest nesting of objects and arrays accepted
 *
 * json-glib crashes on very deeply nested input, so any JSON from outside
 * is checked with this before it is parsed. Brackets inside strings are
 * skipped.
 *
 * Returns: %TRUE if no object or array is nested deeper than @max_depth
 */
gboolean
rosette_json_depth_ok (const char *data,
                       gsize       length,
                       guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * rosette_set_str:
 * @field: (inout): a string a setter owns
 * @value: (nullable): the new value
 *
 * Replaces *@field with a copy of @value unless they are equal, for
 * property setters that notify only on change (g_set_str() arrived in
 * GLib 2.76, after the 2.74 we build against).
 *
 * Returns: %TRUE if *@field changed
 */
gboolean
rosette_set_str (char       **field,
                 const char  *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
