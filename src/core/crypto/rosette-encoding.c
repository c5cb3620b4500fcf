/* rosette-encoding.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Text encodings of keys and signatures that GLib does not have:
 *
 * - base58btc (the Bitcoin alphabet), used by multibase 'z' strings in
 *   did:key, Multikey and Data Integrity proofValue;
 * - base64url without padding (RFC 4648 §5, as JOSE uses it), built on
 *   GLib's base64 by swapping the two alphabet characters;
 * - multibase keys: 'z' + base58btc (unsigned-varint multicodec ‖ key).
 *
 * Decoders take text from outside, so they bound the input length, reject
 * any character outside the alphabet and refuse non-canonical forms (a
 * base64url string whose unused bits are set decodes to the same bytes as
 * another string; accepting both would let two different strings name one
 * key).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-error.h"

static const char base58_alphabet[] =
  "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/**
 * rosette_base58btc_encode:
 * @data: (array length=length): bytes to encode
 * @length: their number
 *
 * Encodes with the Bitcoin base58 alphabet; each leading zero byte
 * becomes a '1'.
 *
 * Returns: (transfer full): the text
 */
char *
rosette_base58btc_encode (const guint8 *data,
                          gsize         length)
{
  g_autofree guint8 *digits = NULL;
  gsize n_digits = 0;
  gsize zeros = 0;
  GString *out;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  while (zeros < length && data[zeros] == 0)
    zeros++;

  /* log(256) / log(58) < 1.37: enough base58 digits for the number. */
  digits = g_malloc0 ((length - zeros) * 138 / 100 + 1);

  for (gsize i = zeros; i < length; i++)
    {
      guint carry = data[i];

      for (gsize j = 0; j < n_digits; j++)
        {
          carry += (guint) digits[j] << 8;
          digits[j] = carry % 58;
          carry /= 58;
        }

      while (carry > 0)
        {
          digits[n_digits++] = carry % 58;
          carry /= 58;
        }
    }

  out = g_string_sized_new (zeros + n_digits + 1);
  for (gsize i = 0; i < zeros; i++)
    g_string_append_c (out, '1');
  for (gsize i = n_digits; i > 0; i--)
    g_string_append_c (out, base58_alphabet[digits[i - 1]]);

  return g_string_free (out, FALSE);
}

/**
 * rosette_base58btc_decode:
 * @text: base58btc text (no multibase prefix)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the bytes, or %NULL with %ROSETTE_ERROR_PARSE
 *   (a character outside the alphabet) or %ROSETTE_ERROR_TOO_LARGE
 */
GBytes *
rosette_base58btc_decode (const char  *text,
                          GError     **error)
{
  /* 58^1 … 58^5: five digits at a time fit in 32 bits. */
  static const guint32 powers[] = { 1, 58, 3364, 195112, 11316496, 656356768 };
  g_autofree guint32 *limbs = NULL;
  gsize length;
  gsize n_limbs = 0;
  gsize n_bytes;
  gsize zeros = 0;
  guint8 *out;

  g_return_val_if_fail (text != NULL, NULL);

  length = strnlen (text, ROSETTE_ENCODING_MAX_BASE58_LENGTH + 1);
  if (length > ROSETTE_ENCODING_MAX_BASE58_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The base58 text is longer than %d characters"),
                   ROSETTE_ENCODING_MAX_BASE58_LENGTH);
      return NULL;
    }

  while (zeros < length && text[zeros] == '1')
    zeros++;

  /* The number as little-endian 32-bit limbs; log(58) / log(2^32) < 0.184. */
  limbs = g_new0 (guint32, (length - zeros) * 184 / 1000 + 2);

  for (gsize i = zeros; i < length; )
    {
      guint32 value = 0;
      guint n = 0;
      guint64 carry;

      for (; n < 5 && i < length; n++, i++)
        {
          const char *hit = strchr (base58_alphabet, text[i]);

          if (text[i] == '\0' || hit == NULL)
            {
              g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                           _("“%c” is not a base58 character"),
                           g_ascii_isprint (text[i]) ? text[i] : '?');
              return NULL;
            }
          value = value * 58 + (guint32) (hit - base58_alphabet);
        }

      carry = value;
      for (gsize j = 0; j < n_limbs; j++)
        {
          carry += (guint64) limbs[j] * powers[n];
          limbs[j] = (guint32) carry;
          carry >>= 32;
        }
      if (carry > 0)
        limbs[n_limbs++] = (guint32) carry;
    }

  /* Big-endian bytes without leading zeros, after one zero byte for
   * each leading '1'. */
  n_bytes = n_limbs * 4;
  while (n_bytes > 0 && ((limbs[(n_bytes - 1) / 4] >> (8 * ((n_bytes - 1) % 4))) & 0xff) == 0)
    n_bytes--;
  out = g_malloc (zeros + n_bytes + 1);
  memset (out, 0, zeros);
  for (gsize i = 0; i < n_bytes; i++)
    {
      gsize k = n_bytes - 1 - i;

      out[zeros + i] = (limbs[k / 4] >> (8 * (k % 4))) & 0xff;
    }

  return g_bytes_new_take (out, zeros + n_bytes);
}

/**
 * rosette_base64url_encode:
 * @data: (array length=length): bytes to encode
 * @length: their number
 *
 * Returns: (transfer full): base64url text without '=' padding
 */
char *
rosette_base64url_encode (const guint8 *data,
                          gsize         length)
{
  char *text;
  gsize end;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = g_base64_encode (data, length);
  end = strlen (text);
  while (end > 0 && text[end - 1] == '=')
    end--;
  text[end] = '\0';

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }

  return text;
}

/**
 * rosette_base64url_decode:
 * @text: base64url text, without padding
 * @length: its length, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Strict: only the 64 url-safe characters, no padding, no whitespace, and
 * the canonical form only.
 *
 * Returns: (transfer full): the bytes, or %NULL with %ROSETTE_ERROR_PARSE
 *   or %ROSETTE_ERROR_TOO_LARGE
 */
GBytes *
rosette_base64url_decode (const char  *text,
                          gssize       length,
                          GError     **error)
{
  g_autofree char *standard = NULL;
  g_autofree char *again = NULL;
  guchar *bytes;
  gsize n_bytes = 0;
  gsize n;

  g_return_val_if_fail (text != NULL, NULL);

  n = length < 0 ? strlen (text) : (gsize) length;
  if (n > ROSETTE_ENCODING_MAX_BASE64URL_LENGTH)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The base64url text is too long"));
      return NULL;
    }

  if (n % 4 == 1)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The base64url text has an impossible length"));
      return NULL;
    }

  standard = g_malloc (n + 3);
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '-')
        c = '+';
      else if (c == '_')
        c = '/';
      else if (!g_ascii_isalnum (c))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                       _("“%c” is not a base64url character"),
                       g_ascii_isprint (c) ? c : '?');
          return NULL;
        }
      standard[i] = c;
    }
  while (n % 4 != 0)
    standard[n++] = '=';
  standard[n] = '\0';

  bytes = g_base64_decode (standard, &n_bytes);

  /* Refuse a string whose spare low bits are not zero. */
  again = rosette_base64url_encode (bytes, n_bytes);
  if (strncmp (again, text, length < 0 ? strlen (text) : (gsize) length) != 0 ||
      strlen (again) != (length < 0 ? strlen (text) : (gsize) length))
    {
      g_free (bytes);
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The base64url text is not in canonical form"));
      return NULL;
    }

  return g_bytes_new_take (bytes, n_bytes);
}

/**
 * rosette_multibase_encode_key:
 * @multicodec: the multicodec code, e.g. %ROSETTE_MULTICODEC_ED25519_PUB
 * @key: (array length=key_length): the key bytes
 * @key_length: their number
 *
 * Returns: (transfer full): 'z' + base58btc (varint(@multicodec) ‖ @key)
 */
char *
rosette_multibase_encode_key (guint         multicodec,
                              const guint8 *key,
                              gsize         key_length)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *text = NULL;
  guint code = multicodec;

  g_return_val_if_fail (key != NULL, NULL);

  do
    {
      guint8 b = code & 0x7f;

      code >>= 7;
      if (code != 0)
        b |= 0x80;
      g_byte_array_append (buffer, &b, 1);
    }
  while (code != 0);

  g_byte_array_append (buffer, key, key_length);
  text = rosette_base58btc_encode (buffer->data, buffer->len);

  return g_strconcat ("z", text, NULL);
}

/**
 * rosette_multibase_decode_key:
 * @multibase: 'z' + base58btc text
 * @multicodec: (out): the multicodec code found
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the key bytes after the multicodec prefix, or
 *   %NULL with %ROSETTE_ERROR_PARSE
 */
GBytes *
rosette_multibase_decode_key (const char  *multibase,
                              guint       *multicodec,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize size;
  guint code = 0;
  gsize i;

  g_return_val_if_fail (multibase != NULL, NULL);
  g_return_val_if_fail (multicodec != NULL, NULL);

  if (multibase[0] != 'z')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("A multibase key must start with “z” (base58btc)"));
      return NULL;
    }

  bytes = rosette_base58btc_decode (multibase + 1, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);

  /* Multicodec codes of keys fit in three varint bytes. */
  for (i = 0; i < size && i < 3; i++)
    {
      code |= (guint) (data[i] & 0x7f) << (7 * i);
      if ((data[i] & 0x80) == 0)
        break;
    }

  if (i >= size || i == 3 || i + 1 == size)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The multibase key has no valid multicodec prefix"));
      return NULL;
    }

  *multicodec = code;

  return g_bytes_new_from_bytes (bytes, i + 1, size - i - 1);
}
