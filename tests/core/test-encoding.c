/* test-encoding.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rosette-core.h"

static GBytes *
hex_to_bytes (const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *data = g_malloc (n);

  for (gsize i = 0; i < n; i++)
    data[i] = g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]);

  return g_bytes_new_take (data, n);
}

static void
test_base58_known (void)
{
  /* Known answers from the Bitcoin base58 test set. */
  static const struct { const char *hex; const char *text; } cases[] = {
    { "", "" },
    { "61", "2g" },
    { "626262", "a3gV" },
    { "636363", "aPEr" },
    { "73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2" },
    { "00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L" },
    { "516b6fcd0f", "ABnLTmg" },
    { "00000000000000000000", "1111111111" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = hex_to_bytes (cases[i].hex);
      g_autoptr(GBytes) back = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      text = rosette_base58btc_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_cmpstr (text, ==, cases[i].text);

      back = rosette_base58btc_decode (cases[i].text, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (back, bytes));
    }
}

/* Any bytes, leading zeros included, come back from their base58 text;
 * the encoder and the decoder work differently (bytes and 32-bit limbs),
 * so each checks the other. */
static void
test_base58_round_trip (void)
{
  for (guint length = 0; length <= 80; length++)
    for (guint zeros = 0; zeros <= MIN (length, 3); zeros++)
      {
        g_autofree guint8 *data = g_malloc0 (length + 1);
        g_autoptr(GBytes) back = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;

        for (guint i = zeros; i < length; i++)
          data[i] = (guint8) g_test_rand_int_range (i == zeros ? 1 : 0, 256);
        text = rosette_base58btc_encode (data, length);
        back = rosette_base58btc_decode (text, &error);
        g_assert_no_error (error);
        g_assert_cmpmem (g_bytes_get_data (back, NULL), g_bytes_get_size (back), data, length);
      }
}

static void
test_base58_rejects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *huge = g_strnfill (ROSETTE_ENCODING_MAX_BASE58_LENGTH + 1, '2');

  /* 0, O, I and l are not in the alphabet. */
  bytes = rosette_base58btc_decode ("abc0def", &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = rosette_base58btc_decode ("Il", &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_clear_error (&error);

  bytes = rosette_base58btc_decode (huge, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
}

static void
test_base64url (void)
{
  static const guint8 data[] = { 0xfb, 0xff, 0xbf, 0x00, 0x01 };
  g_autofree char *text = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  text = rosette_base64url_encode (data, sizeof data);
  /* RFC 4648 §5: '-' and '_', no padding. */
  g_assert_cmpstr (text, ==, "-_-_AAE");

  back = rosette_base64url_decode (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (back, NULL), g_bytes_get_size (back), data, sizeof data);
  g_clear_pointer (&back, g_bytes_unref);

  /* RFC 7515 appendix C example. */
  g_clear_pointer (&text, g_free);
  text = rosette_base64url_encode ((const guint8 *) "\003\354\377\340\301", 5);
  g_assert_cmpstr (text, ==, "A-z_4ME");

  /* Padding, the standard alphabet, whitespace, impossible lengths and
   * non-canonical trailing bits are refused. */
  static const char * const bad[] = { "AAE=", "+/+/AAE", "AA E", "A", "AAF" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      back = rosette_base64url_decode (bad[i], -1, &error);
      g_assert_null (back);
      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
      g_clear_error (&error);
    }
}

static void
test_multibase_ed25519_vector (void)
{
  /* The 1EdTech OB 3.0 test key: public hex -> publicKeyMultibase. */
  g_autoptr(GBytes) key = hex_to_bytes ("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");
  g_autofree char *multibase = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  guint codec = 0;

  multibase = rosette_multibase_encode_key (ROSETTE_MULTICODEC_ED25519_PUB,
                                            g_bytes_get_data (key, NULL), g_bytes_get_size (key));
  g_assert_cmpstr (multibase, ==, "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");

  back = rosette_multibase_decode_key (multibase, &codec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codec, ==, 0xed);
  g_assert_true (g_bytes_equal (back, key));
}

static void
test_multibase_w3c_secret (void)
{
  /* The W3C eddsa key pair: the secret is 0x8026 ‖ 32-byte seed. */
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(GBytes) pub = NULL;
  g_autoptr(GError) error = NULL;
  guint codec = 0;

  seed = rosette_multibase_decode_key ("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq",
                                       &codec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codec, ==, 0x1300);  /* ed25519-priv, varint 0x80 0x26 */
  g_assert_cmpuint (g_bytes_get_size (seed), ==, 32);

  pub = rosette_multibase_decode_key ("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                      &codec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codec, ==, ROSETTE_MULTICODEC_ED25519_PUB);
  g_assert_cmpuint (g_bytes_get_size (pub), ==, 32);
}

static void
test_multibase_rejects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint codec;

  /* Not base58btc ('u' is base64url in multibase). */
  bytes = rosette_multibase_decode_key ("u7QE", &codec, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_clear_error (&error);

  /* A prefix and nothing after it. */
  bytes = rosette_multibase_decode_key ("zK36", &codec, &error);   /* 0xed 0x01 */
  g_assert_null (bytes);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/encoding/base58-known-answers", test_base58_known);
  g_test_add_func ("/rosette/encoding/base58-round-trip", test_base58_round_trip);
  g_test_add_func ("/rosette/encoding/base58-rejects", test_base58_rejects);
  g_test_add_func ("/rosette/encoding/base64url", test_base64url);
  g_test_add_func ("/rosette/encoding/multibase-ed25519-vector", test_multibase_ed25519_vector);
  g_test_add_func ("/rosette/encoding/multibase-w3c-secret", test_multibase_w3c_secret);
  g_test_add_func ("/rosette/encoding/multibase-rejects", test_multibase_rejects);

  return g_test_run ();
}
