/* rosette-png-baking.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Baking into PNG (OB 3.0 docformat §"Baked Badge/PNG", OB 2.0 baking
 * §PNGs): one iTXt chunk, keyword "openbadgecredential" (OB 3.0) or
 * "openbadges" (OB 2.0), uncompressed, empty language tag and translated
 * keyword, the text being the JWS or the JSON.
 *
 * Baking splices chunks of an already-encoded PNG: the new chunk goes
 * right after IHDR, every other chunk is copied byte for byte, and any
 * credential chunk already there is dropped — a badge carries one
 * credential, never two. Pixels are never re-encoded, which is what keeps
 * issuing cheap (one CRC over the payload).
 *
 * Extraction reads untrusted files (the verifier's input), so everything is
 * bounded: file size, chunk count, payload size; every chunk's length is
 * checked against what is left before anything is read, and every CRC is
 * checked. A credential chunk that appears twice is an error, as is a PNG
 * with two different credential chunks: which one would be "the" badge?
 * A compressed iTXt is against both specs but harmless, so it is inflated
 * (bounded) rather than refused. A legacy OB 2.0 tEXt "openbadges" chunk
 * (a hosted assertion URL, pre-2013 bakers) is returned as it is.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "rosette-baking-private.h"
#include "rosette-error.h"

#define PNG_SIGNATURE_LENGTH 8
#define CHUNK_OVERHEAD 12
#define MAX_KEYWORD_LENGTH 79

static const guint8 png_signature[PNG_SIGNATURE_LENGTH] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
};

typedef struct
{
  gsize   offset;     /* of the length field */
  guint32 length;     /* of the data */
  char    type[5];
} Chunk;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

static const char *
keyword_for (RosetteBadgeVersion version)
{
  return version == ROSETTE_BADGE_VERSION_OB2 ? ROSETTE_BAKING_PNG_KEYWORD_OB2
                                              : ROSETTE_BAKING_PNG_KEYWORD_OB3;
}

/* keyword, NUL, compression flag 0, method 0, empty language NUL, empty
 * translated keyword NUL, then the text */
#define ITXT_FIELDS 5

/**
 * rosette_png_credential_chunk_size:
 * @version: which Open Badges version the credential is
 * @text_length: the credential's length in bytes
 *
 * Returns: the size of the whole chunk rosette_png_put_credential_chunk()
 *   writes (length, type, data and CRC)
 */
gsize
rosette_png_credential_chunk_size (RosetteBadgeVersion version,
                                   gsize               text_length)
{
  return CHUNK_OVERHEAD + strlen (keyword_for (version)) + ITXT_FIELDS + text_length;
}

/**
 * rosette_png_put_credential_chunk:
 * @out: where to write rosette_png_credential_chunk_size() bytes
 * @version: which Open Badges version the credential is
 * @text: the compact JWS or the credential JSON (UTF-8)
 * @text_length: its length, at most %ROSETTE_BAKING_MAX_PAYLOAD_SIZE
 *
 * Writes the one credential chunk of a baked PNG: an uncompressed iTXt
 * with the version's keyword, empty language and translated keyword.
 * rosette_png_bake() and prepared issuing (which splices it between the
 * bytes of an artwork baked once) both write it here.
 *
 * Returns: the number of bytes written
 */
gsize
rosette_png_put_credential_chunk (guint8              *out,
                                  RosetteBadgeVersion  version,
                                  const guint8        *text,
                                  gsize                text_length)
{
  const char *keyword = keyword_for (version);
  gsize keyword_length = strlen (keyword);
  gsize data_length = keyword_length + ITXT_FIELDS + text_length;
  guint8 *chunk = out + 4;

  g_return_val_if_fail (text_length <= ROSETTE_BAKING_MAX_PAYLOAD_SIZE, 0);

  put_be32 (out, data_length);
  memcpy (chunk, "iTXt", 4);
  memcpy (chunk + 4, keyword, keyword_length);
  memset (chunk + 4 + keyword_length, 0, ITXT_FIELDS);
  memcpy (chunk + 4 + keyword_length + ITXT_FIELDS, text, text_length);
  put_be32 (chunk + 4 + data_length, crc32 (0L, chunk, 4 + data_length));
  return CHUNK_OVERHEAD + data_length;
}

static gboolean
set_truncated (GError **error)
{
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
               _("The PNG file is truncated or damaged (a chunk runs past the end of the file)"));
  return FALSE;
}

/* Splits @data into chunks, checking the signature, every length and CRC,
 * IHDR first and IEND last. Anything after IEND is ignored. */
static gboolean
parse_chunks (const guint8  *data,
              gsize          size,
              GArray        *chunks,
              GError       **error)
{
  gsize pos = PNG_SIGNATURE_LENGTH;

  if (size > ROSETTE_BAKING_MAX_FILE_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The image is larger than %d MB"), ROSETTE_BAKING_MAX_FILE_SIZE >> 20);
      return FALSE;
    }
  if (size < PNG_SIGNATURE_LENGTH || memcmp (data, png_signature, PNG_SIGNATURE_LENGTH) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE, _("The file is not a PNG image"));
      return FALSE;
    }

  for (;;)
    {
      Chunk chunk = { pos, 0, { 0, } };
      guint32 crc;

      if (size - pos < CHUNK_OVERHEAD)
        return set_truncated (error);
      chunk.length = read_be32 (data + pos);
      memcpy (chunk.type, data + pos + 4, 4);
      /* PNG §5.3: lengths are at most 2^31 - 1; types are ASCII letters. */
      if (chunk.length > G_MAXINT32 || chunk.length > size - pos - CHUNK_OVERHEAD)
        return set_truncated (error);
      for (guint i = 0; i < 4; i++)
        if (!g_ascii_isalpha (chunk.type[i]))
          {
            g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                         _("The PNG file is damaged (a chunk has an invalid type)"));
            return FALSE;
          }
      if (chunks->len == 0 && strcmp (chunk.type, "IHDR") != 0)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                       _("The PNG file is damaged (it does not start with IHDR)"));
          return FALSE;
        }
      if (chunks->len >= ROSETTE_BAKING_MAX_PNG_CHUNKS)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                       _("The PNG file has more than %d chunks"), ROSETTE_BAKING_MAX_PNG_CHUNKS);
          return FALSE;
        }

      crc = crc32 (0L, data + pos + 4, chunk.length + 4);
      if (crc != read_be32 (data + pos + 8 + chunk.length))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                       _("The PNG file is damaged (the checksum of its %s chunk is wrong)"),
                       chunk.type);
          return FALSE;
        }

      g_array_append_val (chunks, chunk);
      pos += CHUNK_OVERHEAD + chunk.length;
      if (strcmp (chunk.type, "IEND") == 0)
        return TRUE;
    }
}

/* The keyword of a text chunk, if it is one of the two badge keywords. */
static gboolean
chunk_badge_version (const guint8        *data,
                     const Chunk         *chunk,
                     RosetteBadgeVersion *version)
{
  const char *body = (const char *) data + chunk->offset + 8;
  gsize n = MIN (chunk->length, MAX_KEYWORD_LENGTH + 1);

  if (strcmp (chunk->type, "iTXt") != 0 && strcmp (chunk->type, "tEXt") != 0
      && strcmp (chunk->type, "zTXt") != 0)
    return FALSE;

  if (n > strlen (ROSETTE_BAKING_PNG_KEYWORD_OB3)
      && memcmp (body, ROSETTE_BAKING_PNG_KEYWORD_OB3, sizeof ROSETTE_BAKING_PNG_KEYWORD_OB3) == 0)
    {
      *version = ROSETTE_BADGE_VERSION_OB3;
      return TRUE;
    }
  if (n > strlen (ROSETTE_BAKING_PNG_KEYWORD_OB2)
      && memcmp (body, ROSETTE_BAKING_PNG_KEYWORD_OB2, sizeof ROSETTE_BAKING_PNG_KEYWORD_OB2) == 0)
    {
      *version = ROSETTE_BADGE_VERSION_OB2;
      return TRUE;
    }

  return FALSE;
}

/**
 * _rosette_baking_check_payload:
 *
 * What may be baked: 1 byte to 2 MB of UTF-8 text without NUL (a JWS or
 * JSON). Shared by the PNG and SVG bakers.
 */
gboolean
_rosette_baking_check_payload (GBytes  *payload,
                               GError **error)
{
  gsize length;
  const char *text = g_bytes_get_data (payload, &length);

  if (length == 0 || length > ROSETTE_BAKING_MAX_PAYLOAD_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("A baked credential must be between 1 byte and %d MB"),
                   ROSETTE_BAKING_MAX_PAYLOAD_SIZE >> 20);
      return FALSE;
    }
  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("A baked credential must be UTF-8 text"));
      return FALSE;
    }

  return TRUE;
}

/**
 * _rosette_baking_set_count_error:
 * @count: how many credentials a file holds (not 1)
 *
 * The errors of extraction for none and for more than one.
 */
void
_rosette_baking_set_count_error (guint    count,
                                 GError **error)
{
  if (count == 0)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NO_CREDENTIAL,
                 _("The image contains no Open Badges credential"));
  else
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_AMBIGUOUS,
                 _("The image contains two credentials; a badge must carry exactly one"));
}

/**
 * rosette_png_bake:
 * @png: an encoded PNG
 * @version: which Open Badges version @payload is
 * @payload: the compact JWS or the credential JSON, as UTF-8 bytes
 * @error: return location for a #GError
 *
 * Returns: (transfer full): @png with @payload in one iTXt chunk right
 *   after IHDR (replacing any credential it had), or %NULL with an error
 */
GBytes *
rosette_png_bake (GBytes               *png,
                  RosetteBadgeVersion   version,
                  GBytes               *payload,
                  GError              **error)
{
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  g_autoptr(GByteArray) out = NULL;
  const guint8 *data;
  const guint8 *text;
  gsize size;
  gsize text_length;
  gsize chunk_size;

  g_return_val_if_fail (png != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  data = g_bytes_get_data (png, &size);
  if (!parse_chunks (data, size, chunks, error) || !_rosette_baking_check_payload (payload, error))
    return NULL;

  text = g_bytes_get_data (payload, &text_length);
  chunk_size = rosette_png_credential_chunk_size (version, text_length);

  out = g_byte_array_sized_new (size + chunk_size);
  g_byte_array_append (out, data, PNG_SIGNATURE_LENGTH);
  for (guint i = 0; i < chunks->len; i++)
    {
      const Chunk *chunk = &g_array_index (chunks, Chunk, i);
      RosetteBadgeVersion old;

      if (chunk_badge_version (data, chunk, &old))
        continue;
      g_byte_array_append (out, data + chunk->offset, CHUNK_OVERHEAD + chunk->length);

      if (i == 0)
        {
          guint start = out->len;

          g_byte_array_set_size (out, start + chunk_size);
          rosette_png_put_credential_chunk (out->data + start, version, text, text_length);
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Inflates a compressed iTXt text, refusing more than the payload bound. */
static GBytes *
inflate_bounded (const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (ROSETTE_BAKING_MAX_PAYLOAD_SIZE + 1);
  z_stream stream = { 0, };
  int status;

  if (inflateInit (&stream) != Z_OK)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_FAILED,
                   _("Could not decompress the credential"));
      return NULL;
    }
  stream.next_in = (Bytef *) data;
  stream.avail_in = length;
  stream.next_out = buffer;
  stream.avail_out = ROSETTE_BAKING_MAX_PAYLOAD_SIZE + 1;
  status = inflate (&stream, Z_FINISH);
  inflateEnd (&stream);

  if (status != Z_STREAM_END)
    {
      if (stream.avail_out == 0)
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                     _("The baked credential is larger than %d MB"),
                     ROSETTE_BAKING_MAX_PAYLOAD_SIZE >> 20);
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                     _("The compressed credential in the PNG is damaged"));
      return NULL;
    }

  return g_bytes_new (buffer, stream.total_out);
}

/* The text of a badge chunk (iTXt, or legacy tEXt). */
static GBytes *
chunk_text (const guint8  *data,
            const Chunk   *chunk,
            GError       **error)
{
  const guint8 *body = data + chunk->offset + 8;
  const guint8 *end = body + chunk->length;
  const guint8 *p = memchr (body, '\0', chunk->length);
  guint8 compressed;

  if (chunk->length > ROSETTE_BAKING_MAX_PAYLOAD_SIZE + MAX_KEYWORD_LENGTH + 5)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The baked credential is larger than %d MB"),
                   ROSETTE_BAKING_MAX_PAYLOAD_SIZE >> 20);
      return NULL;
    }
  if (p == NULL)
    goto damaged;
  p++;

  if (strcmp (chunk->type, "tEXt") == 0)
    return g_bytes_new (p, end - p);
  if (strcmp (chunk->type, "zTXt") == 0)
    goto damaged;

  /* iTXt: compression flag, method, language NUL, translated keyword NUL. */
  if (end - p < 2)
    goto damaged;
  compressed = p[0];
  if (compressed > 1 || p[1] != 0)
    goto damaged;
  p += 2;
  for (guint field = 0; field < 2; field++)
    {
      const guint8 *nul = memchr (p, '\0', end - p);

      if (nul == NULL)
        goto damaged;
      p = nul + 1;
    }

  if (compressed)
    return inflate_bounded (p, end - p, error);
  return g_bytes_new (p, end - p);

damaged:
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
               _("The credential chunk in the PNG is damaged"));
  return NULL;
}

/**
 * rosette_png_extract:
 * @png: a PNG, possibly hostile
 * @version: (out) (optional): which Open Badges version was baked
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the exact bytes baked into @png, or %NULL with
 *   %ROSETTE_ERROR_PARSE (not a PNG, damaged, bad CRC, truncated),
 *   %ROSETTE_ERROR_TOO_LARGE, %ROSETTE_ERROR_NO_CREDENTIAL or
 *   %ROSETTE_ERROR_AMBIGUOUS (two credentials)
 */
GBytes *
rosette_png_extract (GBytes               *png,
                     RosetteBadgeVersion  *version,
                     GError              **error)
{
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  const Chunk *found = NULL;
  RosetteBadgeVersion found_version = ROSETTE_BADGE_VERSION_OB3;
  g_autoptr(GBytes) text = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (png != NULL, NULL);

  data = g_bytes_get_data (png, &size);
  if (!parse_chunks (data, size, chunks, error))
    return NULL;

  for (guint i = 0; i < chunks->len; i++)
    {
      const Chunk *chunk = &g_array_index (chunks, Chunk, i);
      RosetteBadgeVersion chunk_version;

      if (!chunk_badge_version (data, chunk, &chunk_version))
        continue;
      if (found != NULL)
        {
          _rosette_baking_set_count_error (2, error);
          return NULL;
        }
      found = chunk;
      found_version = chunk_version;
    }

  if (found == NULL)
    {
      _rosette_baking_set_count_error (0, error);
      return NULL;
    }

  text = chunk_text (data, found, error);
  if (text == NULL)
    return NULL;
  if (g_bytes_get_size (text) == 0 || !g_utf8_validate_len (g_bytes_get_data (text, NULL),
                                                            g_bytes_get_size (text), NULL))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The credential chunk in the PNG is empty or not UTF-8 text"));
      return NULL;
    }

  if (version != NULL)
    *version = found_version;
  return g_steal_pointer (&text);
}
