/* test-baking.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Baking and extraction: byte-exact round trips, one credential per file,
 * real 1EdTech samples, and hostile files (bad CRC, every truncation, two
 * chunks, compressed iTXt, huge chunks, not a PNG at all) that must give a
 * clear error and never crash. pngcheck and an npm PNG reader check our
 * output independently in tests/interop.
 */

#include "config.h"

#include <librsvg/rsvg.h>
#include <string.h>
#include <zlib.h>

#include "rosette-core.h"
#include "rosette-test-issuing.h"

#define JWS "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJkaWQ6a2V5OnpEbmFlIn0.c2lnbmF0dXJl"
#define JSON_PAYLOAD "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"name\":\"Zoë ]]> end\"}"

static GBytes *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "ob", "samples", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The chunk types of @png, in order, as "IHDR iTXt ..." */
static char *
chunk_types (GBytes *png)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);
  GString *out = g_string_new (NULL);

  for (gsize pos = 8; pos + 12 <= size;)
    {
      guint32 length = (guint32) data[pos] << 24 | data[pos + 1] << 16 | data[pos + 2] << 8 | data[pos + 3];

      g_string_append_printf (out, "%s%.4s", out->len > 0 ? " " : "", data + pos + 4);
      pos += 12 + length;
    }

  return g_string_free (out, FALSE);
}

/* A PNG with @extra chunks spliced in right after IHDR (each a type and data). */
static GBytes *
png_with_chunks (GBytes     *png,
                 const char *first_type,
                 ...)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);
  GByteArray *out = g_byte_array_new ();
  va_list args;

  g_byte_array_append (out, data, 8 + 25);
  va_start (args, first_type);
  for (const char *type = first_type; type != NULL; type = va_arg (args, const char *))
    {
      GBytes *chunk = va_arg (args, GBytes *);

      test_png_append_chunk (out, type, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }
  va_end (args);
  g_byte_array_append (out, data + 8 + 25, size - 8 - 25);

  return g_byte_array_free_to_bytes (out);
}

static GBytes *
itxt_data (const char *keyword,
           guint8      compressed,
           const void *text,
           gsize       length)
{
  GByteArray *out = g_byte_array_new ();
  guint8 fields[4] = { 0, compressed, 0, 0 };

  g_byte_array_append (out, (const guint8 *) keyword, strlen (keyword));
  g_byte_array_append (out, fields, 1);
  g_byte_array_append (out, fields + 1, 1);
  g_byte_array_append (out, fields + 2, 1);
  g_byte_array_append (out, fields + 2, 1);
  g_byte_array_append (out, fields + 3, 1);
  g_byte_array_append (out, text, length);

  return g_byte_array_free_to_bytes (out);
}

static void
assert_extract_fails (GBytes *png,
                      gint    code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = rosette_png_extract (png, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, ROSETTE_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_png_round_trip (void)
{
  g_autoptr(GBytes) png = test_png_new (64);
  g_autoptr(GBytes) payload = text_bytes (JWS);
  g_autoptr(GBytes) json = text_bytes (JSON_PAYLOAD);
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) twice = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) extracted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *types = NULL;
  RosetteBadgeVersion version = ROSETTE_BADGE_VERSION_OB2;
  gsize baked_size;
  const guint8 *baked_data;
  const guint8 *png_data = g_bytes_get_data (png, NULL);
  gsize itxt_size = 12 + strlen (ROSETTE_BAKING_PNG_KEYWORD_OB3) + 5 + strlen (JWS);

  baked = rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, payload, &error);
  g_assert_no_error (error);
  types = chunk_types (baked);
  g_assert_cmpstr (types, ==, "IHDR iTXt tEXt IDAT IEND");

  /* Spliced, never re-encoded: take the chunk out and the input is back. */
  baked_data = g_bytes_get_data (baked, &baked_size);
  g_assert_cmpuint (baked_size, ==, g_bytes_get_size (png) + itxt_size);
  g_assert_cmpmem (baked_data, 33, png_data, 33);
  g_assert_cmpmem (baked_data + 33 + itxt_size, baked_size - 33 - itxt_size,
                   png_data + 33, g_bytes_get_size (png) - 33);
  g_assert_cmpmem (baked_data + 37, 4, "iTXt", 4);
  g_assert_cmpmem (baked_data + 41, strlen ("openbadgecredential") + 5, "openbadgecredential\0\0\0\0\0",
                   strlen ("openbadgecredential") + 5);

  extracted = rosette_png_extract (baked, &version, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, payload));
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB3);

  /* Baking again replaces: one chunk, byte-identical file. */
  twice = rosette_png_bake (baked, ROSETTE_BADGE_VERSION_OB3, payload, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (twice, baked));

  /* Re-baking as OB 2.0 JSON leaves exactly the new chunk. */
  other = rosette_png_bake (baked, ROSETTE_BADGE_VERSION_OB2, json, &error);
  g_assert_no_error (error);
  g_clear_pointer (&types, g_free);
  types = chunk_types (other);
  g_assert_cmpstr (types, ==, "IHDR iTXt tEXt IDAT IEND");
  g_clear_pointer (&extracted, g_bytes_unref);
  extracted = rosette_png_extract (other, &version, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, json));
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB2);

  /* rosette_baked_extract() sniffs the format. */
  g_clear_pointer (&extracted, g_bytes_unref);
  extracted = rosette_baked_extract (baked, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, payload));
}

static void
test_png_samples (void)
{
  g_autoptr(GBytes) jwt_png = load_sample ("simple-jwt.png");
  g_autoptr(GBytes) json_png = load_sample ("simple-json.png");
  g_autoptr(GBytes) ob2_png = load_sample ("simple-badge.png");
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) payload = text_bytes (JWS);
  g_autoptr(GBytes) rebaked = NULL;
  g_autoptr(GError) error = NULL;
  RosetteBadgeVersion version;

  text = rosette_png_extract (jwt_png, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB3);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (text, NULL), "eyJhbGciOiJSUzI1NiIs"));
  g_assert_true (rosette_jws_decode (g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text)),
                                     NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_bytes_unref);

  text = rosette_png_extract (json_png, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB3);
  g_assert_cmpint (((const char *) g_bytes_get_data (text, NULL))[0], ==, '{');
  g_clear_pointer (&text, g_bytes_unref);

  text = rosette_png_extract (ob2_png, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB2);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (text, NULL), g_bytes_get_size (text), "\"Assertion\""));
  g_clear_pointer (&text, g_bytes_unref);

  /* Re-baking someone else's badge replaces their chunk. */
  rebaked = rosette_png_bake (jwt_png, ROSETTE_BADGE_VERSION_OB3, payload, &error);
  g_assert_no_error (error);
  text = rosette_png_extract (rebaked, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (text, payload));
}

static void
test_png_hostile (void)
{
  g_autoptr(GBytes) png = test_png_new (16);
  g_autoptr(GBytes) payload = text_bytes (JWS);
  g_autoptr(GBytes) baked = rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, payload, NULL);
  gsize size;
  const guint8 *data = g_bytes_get_data (baked, &size);

  /* Not a PNG; empty; the signature alone. */
  {
    g_autoptr(GBytes) text = text_bytes ("GIF89a not a png at all");
    g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr(GBytes) signature = g_bytes_new (data, 8);

    assert_extract_fails (text, ROSETTE_ERROR_PARSE);
    assert_extract_fails (empty, ROSETTE_ERROR_PARSE);
    assert_extract_fails (signature, ROSETTE_ERROR_PARSE);
  }

  /* Every truncation point fails cleanly. */
  for (gsize length = 0; length < size; length++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, length);

      assert_extract_fails (cut, ROSETTE_ERROR_PARSE);
    }

  /* A flipped bit in any chunk (payload, type or CRC) is a CRC error. */
  for (gsize pos = 8 + 4; pos < size; pos += 7)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) bad = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) text = NULL;

      copy[pos] ^= 0x20;
      bad = g_bytes_new (copy, size);
      text = rosette_png_extract (bad, NULL, &error);
      g_assert_null (text);
      g_assert_nonnull (error);
    }
  {
    g_autofree guint8 *copy = g_memdup2 (data, size);
    g_autoptr(GBytes) bad = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) text = NULL;

    copy[33 + 8 + 30] ^= 0x01;     /* inside the JWS */
    bad = g_bytes_new (copy, size);
    text = rosette_png_extract (bad, NULL, &error);
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "checksum"));
  }

  /* Two credential chunks, same or different keywords. */
  {
    g_autoptr(GBytes) one = itxt_data ("openbadgecredential", 0, JWS, strlen (JWS));
    g_autoptr(GBytes) two = itxt_data ("openbadges", 0, JWS, strlen (JWS));
    g_autoptr(GBytes) same = png_with_chunks (png, "iTXt", one, "iTXt", one, NULL);
    g_autoptr(GBytes) mixed = png_with_chunks (png, "iTXt", one, "iTXt", two, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) fixed = NULL;
    g_autoptr(GBytes) text = rosette_png_extract (same, NULL, &error);
    g_autofree char *types = NULL;

    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_AMBIGUOUS);
    g_assert_nonnull (strstr (error->message, "contains two credentials"));
    assert_extract_fails (mixed, ROSETTE_ERROR_AMBIGUOUS);

    /* Baking over such a file leaves one. */
    fixed = rosette_png_bake (mixed, ROSETTE_BADGE_VERSION_OB3, payload, NULL);
    types = chunk_types (fixed);
    g_assert_cmpstr (types, ==, "IHDR iTXt tEXt IDAT IEND");
  }

  /* Compressed iTXt: inflated (bounded); a decompression bomb is refused. */
  {
    uLongf packed_length = compressBound (strlen (JWS));
    g_autofree guint8 *packed = g_malloc (packed_length);
    g_autoptr(GBytes) chunk = NULL;
    g_autoptr(GBytes) file = NULL;
    g_autoptr(GBytes) text = NULL;
    g_autoptr(GError) error = NULL;
    gsize bomb_length = 3 * 1024 * 1024;
    g_autofree guint8 *zeros = g_malloc0 (bomb_length);
    uLongf bomb_packed_length = compressBound (bomb_length);
    g_autofree guint8 *bomb_packed = g_malloc (bomb_packed_length);
    g_autoptr(GBytes) bomb_chunk = NULL;
    g_autoptr(GBytes) bomb = NULL;
    g_autoptr(GBytes) garbage_chunk = itxt_data ("openbadgecredential", 1, "not zlib", 8);
    g_autoptr(GBytes) garbage = png_with_chunks (png, "iTXt", garbage_chunk, NULL);

    g_assert_cmpint (compress (packed, &packed_length, (const guint8 *) JWS, strlen (JWS)), ==, Z_OK);
    chunk = itxt_data ("openbadgecredential", 1, packed, packed_length);
    file = png_with_chunks (png, "iTXt", chunk, NULL);
    text = rosette_png_extract (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (text, payload));

    g_assert_cmpint (compress (bomb_packed, &bomb_packed_length, zeros, bomb_length), ==, Z_OK);
    bomb_chunk = itxt_data ("openbadgecredential", 1, bomb_packed, bomb_packed_length);
    bomb = png_with_chunks (png, "iTXt", bomb_chunk, NULL);
    assert_extract_fails (bomb, ROSETTE_ERROR_TOO_LARGE);
    assert_extract_fails (garbage, ROSETTE_ERROR_PARSE);
  }

  /* A chunk that claims 20 MB in a small file; a real 3 MB credential
   * chunk; a 20 MB file. */
  {
    g_autofree guint8 *copy = g_memdup2 (data, size);
    g_autoptr(GBytes) claims = NULL;
    gsize big_length = 3 * 1024 * 1024;
    g_autofree char *big_text = g_strnfill (big_length, 'A');
    g_autoptr(GBytes) big_chunk = itxt_data ("openbadgecredential", 0, big_text, big_length);
    g_autoptr(GBytes) big = png_with_chunks (png, "iTXt", big_chunk, NULL);
    g_autofree guint8 *huge_data = g_malloc0 (20 * 1024 * 1024);
    g_autoptr(GBytes) huge = NULL;
    g_autoptr(GBytes) big_payload = g_bytes_new_static (big_text, big_length);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) refused = NULL;

    copy[33] = 0x01;                /* iTXt length = 0x01400000 + ... */
    copy[34] = 0x40;
    claims = g_bytes_new (copy, size);
    assert_extract_fails (claims, ROSETTE_ERROR_PARSE);
    assert_extract_fails (big, ROSETTE_ERROR_TOO_LARGE);
    memcpy (huge_data, data, size);
    huge = g_bytes_new_take (g_steal_pointer (&huge_data), 20 * 1024 * 1024);
    assert_extract_fails (huge, ROSETTE_ERROR_TOO_LARGE);

    refused = rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, big_payload, &error);
    g_assert_null (refused);
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  }

  /* No credential; a chunk with no keyword terminator; too many chunks. */
  {
    g_autoptr(GBytes) broken_chunk = g_bytes_new ("openbadgecredential", 19);
    g_autoptr(GBytes) broken = png_with_chunks (png, "iTXt", broken_chunk, NULL);
    GByteArray *many = g_byte_array_new ();
    g_autoptr(GBytes) many_bytes = NULL;
    const guint8 *png_data = g_bytes_get_data (png, NULL);

    assert_extract_fails (png, ROSETTE_ERROR_NO_CREDENTIAL);
    assert_extract_fails (broken, ROSETTE_ERROR_NO_CREDENTIAL);

    g_byte_array_append (many, png_data, 33);
    for (guint i = 0; i <= ROSETTE_BAKING_MAX_PNG_CHUNKS; i++)
      test_png_append_chunk (many, "tIME", (const guint8 *) "\x07\xea\x01\x01\0\0\0", 7);
    g_byte_array_append (many, png_data + 33, g_bytes_get_size (png) - 33);
    many_bytes = g_byte_array_free_to_bytes (many);
    assert_extract_fails (many_bytes, ROSETTE_ERROR_TOO_LARGE);
  }
}

static void
test_png_bake_refuses (void)
{
  g_autoptr(GBytes) png = test_png_new (16);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) binary = g_bytes_new ("a\0b", 3);
  g_autoptr(GBytes) latin1 = g_bytes_new ("caf\xe9", 4);
  g_autoptr(GBytes) not_png = text_bytes ("<svg/>");
  g_autoptr(GBytes) payload = text_bytes (JWS);
  g_autoptr(GError) error = NULL;

  g_assert_null (rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, empty, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, binary, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, latin1, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rosette_png_bake (not_png, ROSETTE_BADGE_VERSION_OB3, payload, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
}

#define SVG_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<!-- <svg> in a comment -->\n" \
  "<!DOCTYPE svg [ <!ENTITY e \"x>y\"> ]>\n"
#define SVG_BODY "<circle cx=\"8\" cy=\"8\" r=\"6\" fill=\"#c0ffee\"/><text>a &lt; b</text></svg>\n"
#define SVG SVG_HEAD "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" data-x='a>b'>" SVG_BODY

static void
assert_svg_renders (GBytes *svg)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL),
                                                 g_bytes_get_size (svg), &error);

  g_assert_no_error (error);
  g_assert_nonnull (handle);
  g_object_unref (handle);
}

static void
test_svg_round_trip (void)
{
  g_autoptr(GBytes) svg = text_bytes (SVG);
  g_autoptr(GBytes) jws = text_bytes (JWS);
  g_autoptr(GBytes) json = text_bytes (JSON_PAYLOAD);
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) twice = NULL;
  g_autoptr(GBytes) as_json = NULL;
  g_autoptr(GBytes) as_ob2 = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;
  RosetteBadgeVersion version = ROSETTE_BADGE_VERSION_OB2;
  const char *expected = SVG_HEAD "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" "
                         "data-x='a>b' xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                         "<openbadges:credential verify=\"" JWS "\"/>" SVG_BODY;

  baked = rosette_svg_bake (svg, ROSETTE_BADGE_VERSION_OB3, jws, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (baked, NULL), g_bytes_get_size (baked), expected, strlen (expected));
  assert_svg_renders (baked);
  text = rosette_svg_extract (baked, &version, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (text, jws));
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB3);
  g_assert_cmpint (rosette_image_sniff (baked), ==, ROSETTE_IMAGE_FORMAT_SVG);

  twice = rosette_svg_bake (baked, ROSETTE_BADGE_VERSION_OB3, jws, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (twice, baked));

  /* JSON goes in CDATA; "]]>" inside it survives byte for byte. */
  as_json = rosette_svg_bake (baked, ROSETTE_BADGE_VERSION_OB3, json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (as_json, NULL), -1, "<![CDATA["));
  g_assert_null (g_strstr_len (g_bytes_get_data (as_json, NULL), -1, "verify="));
  assert_svg_renders (as_json);
  g_clear_pointer (&text, g_bytes_unref);
  text = rosette_svg_extract (as_json, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (text, json));

  /* OB 2.0: <openbadges:assertion> in its own namespace, replacing the OB 3.0 one. */
  as_ob2 = rosette_svg_bake (as_json, ROSETTE_BADGE_VERSION_OB2, jws, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (as_ob2, NULL), -1,
                                  "xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion verify=\""));
  g_assert_null (g_strstr_len (g_bytes_get_data (as_ob2, NULL), -1, "openbadges:credential"));
  assert_svg_renders (as_ob2);
  g_clear_pointer (&text, g_bytes_unref);
  text = rosette_svg_extract (as_ob2, &version, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (text, jws));
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB2);
}

static void
test_svg_samples (void)
{
  g_autoptr(GBytes) jwt_svg = load_sample ("simple-jwt.svg");
  g_autoptr(GBytes) json_svg = load_sample ("simple-json.svg");
  g_autoptr(GBytes) jws = text_bytes (JWS);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) rebaked = NULL;
  g_autoptr(GError) error = NULL;

  text = rosette_baked_extract (jwt_svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (text, NULL), "eyJhbGciOiJSUzI1NiIs"));
  g_clear_pointer (&text, g_bytes_unref);

  text = rosette_svg_extract (json_svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (text, NULL), "{"));
  g_clear_pointer (&text, g_bytes_unref);

  rebaked = rosette_svg_bake (json_svg, ROSETTE_BADGE_VERSION_OB3, jws, &error);
  g_assert_no_error (error);
  text = rosette_svg_extract (rebaked, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (text, jws));
  assert_svg_renders (rebaked);
}

static void
assert_svg_fails (const char *svg,
                  gint        code)
{
  g_autoptr(GBytes) bytes = text_bytes (svg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = rosette_svg_extract (bytes, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, ROSETTE_ERROR, code);
}

static void
test_svg_hostile (void)
{
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) jws = text_bytes (JWS);
  g_autoptr(GBytes) svg = text_bytes (SVG);
  gsize size;
  const char *data;

  /* Matched by namespace and local name, not by prefix. */
  {
    g_autoptr(GBytes) other_prefix = text_bytes ("<svg xmlns='http://www.w3.org/2000/svg'>"
                                                 "<ob:credential xmlns:ob='https://purl.imsglobal.org/ob/v3p0' "
                                                 "verify='a.b.c'/></svg>");
    g_autoptr(GBytes) text = rosette_svg_extract (other_prefix, NULL, NULL);

    g_assert_nonnull (text);
    g_assert_cmpmem (g_bytes_get_data (text, NULL), g_bytes_get_size (text), "a.b.c", 5);
  }
  assert_svg_fails ("<svg xmlns:openbadges='https://example.com/not-ob'>"
                    "<openbadges:credential verify='a.b.c'/></svg>", ROSETTE_ERROR_NO_CREDENTIAL);
  assert_svg_fails ("<svg><openbadges:credential verify='a.b.c'/></svg>", ROSETTE_ERROR_NO_CREDENTIAL);
  assert_svg_fails ("<svg><!-- <openbadges:credential xmlns:openbadges='https://purl.imsglobal.org/ob/v3p0' "
                    "verify='a.b.c'/> --></svg>", ROSETTE_ERROR_NO_CREDENTIAL);
  assert_svg_fails ("<svg xmlns:openbadges='https://purl.imsglobal.org/ob/v3p0'>"
                    "<openbadges:credential verify='a.b.c'/><openbadges:credential verify='d.e.f'/></svg>",
                    ROSETTE_ERROR_AMBIGUOUS);
  assert_svg_fails ("<svg xmlns:openbadges='https://purl.imsglobal.org/ob/v3p0'>"
                    "<openbadges:credential><![CDATA[{\"a\":1}", ROSETTE_ERROR_PARSE);
  assert_svg_fails ("<svg xmlns:openbadges='https://purl.imsglobal.org/ob/v3p0'>"
                    "<openbadges:credential verify=''/></svg>", ROSETTE_ERROR_PARSE);
  assert_svg_fails ("<html><svg/></html>", ROSETTE_ERROR_PARSE);
  assert_svg_fails ("", ROSETTE_ERROR_PARSE);
  assert_svg_fails ("<!-- never closed", ROSETTE_ERROR_PARSE);
  assert_svg_fails ("<!DOCTYPE svg [ <!ENTITY a 'b'", ROSETTE_ERROR_PARSE);
  assert_svg_fails ("<svg a='unterminated>", ROSETTE_ERROR_PARSE);

  /* Every truncation of a baked SVG fails cleanly or still finds the JWS. */
  baked = rosette_svg_bake (svg, ROSETTE_BADGE_VERSION_OB3, jws, NULL);
  data = g_bytes_get_data (baked, &size);
  for (gsize length = 0; length < size; length++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) text = rosette_svg_extract (cut, NULL, &error);

      g_assert_true ((text != NULL && g_bytes_equal (text, jws)) || error != NULL);
    }

  /* Too large. */
  {
    gsize huge_size = ROSETTE_BAKING_MAX_FILE_SIZE + 1;
    char *huge_data = g_malloc (huge_size);
    g_autoptr(GBytes) huge = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) text = NULL;

    memset (huge_data, ' ', huge_size);
    memcpy (huge_data, "<svg>", 5);
    huge = g_bytes_new_take (huge_data, huge_size);
    text = rosette_svg_extract (huge, NULL, &error);
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  }

  /* Baking refuses what is not an SVG, and an empty root. */
  {
    g_autoptr(GBytes) not_svg = text_bytes ("<html/>");
    g_autoptr(GBytes) empty_root = text_bytes ("<svg/>");
    g_autoptr(GError) error = NULL;

    g_assert_null (rosette_svg_bake (not_svg, ROSETTE_BADGE_VERSION_OB3, jws, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
    g_clear_error (&error);
    g_assert_null (rosette_svg_bake (empty_root, ROSETTE_BADGE_VERSION_OB3, jws, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  }
}

/* The real thing: a credential signed, baked into a PNG, read back. */
static void
test_issue_and_bake (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, "https://acme.example");
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana@example.com");
  g_autoptr(GBytes) png = test_png_new (128);
  g_autoptr(GError) error = NULL;
  g_autofree char *jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL, &error);
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree char *extracted = NULL;

  g_assert_no_error (error);
  payload = text_bytes (jws);
  baked = rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, payload, &error);
  g_assert_no_error (error);
  text = rosette_baked_extract (baked, NULL, &error);
  g_assert_no_error (error);
  extracted = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  g_assert_cmpstr (extracted, ==, jws);
  g_assert_true (rosette_jws_verify (extracted, t->key, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/baking/png-round-trip", test_png_round_trip);
  g_test_add_func ("/rosette/baking/png-samples", test_png_samples);
  g_test_add_func ("/rosette/baking/png-hostile", test_png_hostile);
  g_test_add_func ("/rosette/baking/png-bake-refuses", test_png_bake_refuses);
  g_test_add_func ("/rosette/baking/svg-round-trip", test_svg_round_trip);
  g_test_add_func ("/rosette/baking/svg-samples", test_svg_samples);
  g_test_add_func ("/rosette/baking/svg-hostile", test_svg_hostile);
  g_test_add_func ("/rosette/baking/issue-and-bake", test_issue_and_bake);

  return g_test_run ();
}
