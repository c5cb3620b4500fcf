/* rosette-status-list.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The encodedList of a W3C Bitstring Status List: the bitstring (bit i is
 * the most significant bit first, counted from byte 0), GZIP-compressed,
 * then multibase base64url without padding (prefix 'u'). The registry
 * keeps the raw bits; the credential code signs the list credential.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-status-list.h"

static GBytes *
convert_all (GConverter    *converter,
             const guint8  *input,
             gsize          n_input,
             gsize          max_output,
             GError       **error)
{
  g_autoptr(GByteArray) output = g_byte_array_new ();
  guint8 buffer[16384];
  GConverterResult result;

  do
    {
      gsize read = 0, written = 0;

      result = g_converter_convert (converter, input, n_input, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;

      input += read;
      n_input -= read;
      g_byte_array_append (output, buffer, (guint)written);
      if (output->len > max_output)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                       _("The status list is larger than %u bytes"), (guint)max_output);
          return NULL;
        }
    }
  while (result != G_CONVERTER_FINISHED);

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

/**
 * rosette_status_list_encode:
 * @bits: the bitstring
 * @n_bytes: its length in bytes (16384 or more for a W3C list)
 *
 * Returns: (transfer full): the encodedList ("u" + base64url of GZIP)
 */
char *
rosette_status_list_encode (const guint8  *bits,
                            gsize          n_bytes,
                            GError       **error)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GBytes) gzipped = NULL;
  g_autofree char *base64 = NULL;
  const guint8 *data;
  gsize n;

  g_return_val_if_fail (bits != NULL || n_bytes == 0, NULL);

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  gzipped = convert_all (G_CONVERTER (compressor), bits, n_bytes, G_MAXSIZE, error);
  if (gzipped == NULL)
    return NULL;

  data = g_bytes_get_data (gzipped, &n);
  base64 = rosette_base64url_encode (data, n);
  return g_strconcat ("u", base64, NULL);
}

/**
 * rosette_status_list_decode:
 * @encoded_list: an encodedList
 *
 * Returns: (transfer full): the bitstring, or %NULL with
 *   %ROSETTE_ERROR_PARSE (not multibase base64url, not GZIP) or
 *   %ROSETTE_ERROR_TOO_LARGE (over %ROSETTE_STATUS_LIST_MAX_BYTES)
 */
GBytes *
rosette_status_list_decode (const char  *encoded_list,
                            GError     **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GBytes) gzipped = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;
  GBytes *bits;
  gsize n;

  g_return_val_if_fail (encoded_list != NULL, NULL);

  if (encoded_list[0] != 'u')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The status list is not multibase base64url (it must start with “u”)"));
      return NULL;
    }

  gzipped = rosette_base64url_decode (encoded_list + 1, -1, error);
  if (gzipped == NULL)
    return NULL;

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  data = g_bytes_get_data (gzipped, &n);
  bits = convert_all (G_CONVERTER (decompressor), data, n,
                      ROSETTE_STATUS_LIST_MAX_BYTES, &local_error);
  if (bits == NULL)
    {
      if (g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                     _("The status list is not GZIP data: %s"), local_error->message);
    }
  return bits;
}

/**
 * rosette_status_list_get_bit:
 *
 * Returns: bit @index (most significant bit of byte 0 first); %FALSE past
 *   the end
 */
gboolean
rosette_status_list_get_bit (GBytes  *bits,
                             guint64  index)
{
  gsize n;
  const guint8 *data = g_bytes_get_data (bits, &n);

  if (index / 8 >= n)
    return FALSE;

  return (data[index / 8] >> (7 - index % 8)) & 1;
}

void
rosette_status_list_set_bit (guint8   *bits,
                             guint64   index,
                             gboolean  value)
{
  guint8 mask = (guint8)(0x80 >> (index % 8));

  if (value)
    bits[index / 8] |= mask;
  else
    bits[index / 8] &= (guint8)~mask;
}
