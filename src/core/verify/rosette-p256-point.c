/* rosette-p256-point.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A did:key "zDn…" (a P-256 Multikey) holds the compressed point: the x
 * coordinate and the parity of y. GnuTLS imports only whole points, so y
 * is recovered here: on P-256, y² = x³ − 3x + b (mod p), and since
 * p ≡ 3 (mod 4) the square root is (x³ − 3x + b)^((p+1)/4) mod p. GMP
 * (the bignum library nettle itself builds on) does the modular
 * exponentiation. The result is checked (y² must equal the right-hand
 * side), so a point that is not on the curve is refused, never guessed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmp.h>
#include <string.h>

#include "rosette-encoding.h"
#include "rosette-error.h"
#include "rosette-verify-private.h"

#define COORDINATE_LENGTH 32

static const char p256_p[] =
  "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
static const char p256_b[] =
  "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b";

static void
export_coordinate (mpz_t   value,
                   guint8  out[COORDINATE_LENGTH])
{
  size_t count = 0;
  guint8 buffer[COORDINATE_LENGTH] = { 0 };

  memset (out, 0, COORDINATE_LENGTH);
  mpz_export (buffer, &count, 1, 1, 1, 0, value);
  g_assert (count <= COORDINATE_LENGTH);
  memcpy (out + COORDINATE_LENGTH - count, buffer, count);
}

/**
 * _rosette_p256_decompress:
 * @point: a SEC 1 point: 0x02/0x03 ‖ x (33 bytes) or 0x04 ‖ x ‖ y (65)
 * @length: its length
 * @x: (out): the x coordinate, big-endian
 * @y: (out): the y coordinate, big-endian
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @point is a point on P-256, else %ROSETTE_ERROR_INVALID
 */
gboolean
_rosette_p256_decompress (const guint8 *point,
                          gsize         length,
                          guint8        x[32],
                          guint8        y[32],
                          GError      **error)
{
  mpz_t p, b, mx, my, rhs, t, exponent;
  gboolean ok;

  if (!((length == 1 + COORDINATE_LENGTH && (point[0] == 0x02 || point[0] == 0x03)) ||
        (length == 1 + 2 * COORDINATE_LENGTH && point[0] == 0x04)))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("The P-256 key is not a compressed or uncompressed point"));
      return FALSE;
    }

  mpz_inits (p, b, mx, my, rhs, t, exponent, NULL);
  mpz_set_str (p, p256_p, 16);
  mpz_set_str (b, p256_b, 16);
  mpz_import (mx, COORDINATE_LENGTH, 1, 1, 1, 0, point + 1);

  /* rhs = x³ − 3x + b mod p */
  mpz_powm_ui (rhs, mx, 3, p);
  mpz_mul_ui (t, mx, 3);
  mpz_sub (rhs, rhs, t);
  mpz_add (rhs, rhs, b);
  mpz_mod (rhs, rhs, p);

  if (point[0] == 0x04)
    {
      mpz_import (my, COORDINATE_LENGTH, 1, 1, 1, 0, point + 1 + COORDINATE_LENGTH);
    }
  else
    {
      /* y = rhs^((p+1)/4) mod p, then pick the root with the given parity. */
      mpz_add_ui (exponent, p, 1);
      mpz_fdiv_q_2exp (exponent, exponent, 2);
      mpz_powm (my, rhs, exponent, p);
      if ((int) mpz_odd_p (my) != (point[0] & 1))
        mpz_sub (my, p, my);
    }

  mpz_powm_ui (t, my, 2, p);
  ok = mpz_cmp (mx, p) < 0 && mpz_cmp (my, p) < 0 && mpz_cmp (t, rhs) == 0;
  if (ok)
    {
      export_coordinate (mx, x);
      export_coordinate (my, y);
    }
  else
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("The P-256 key is not a point on the curve"));
    }

  mpz_clears (p, b, mx, my, rhs, t, exponent, NULL);
  return ok;
}

/**
 * _rosette_verify_key_from_multikey:
 * @multibase: a Multikey ("z6Mk…" Ed25519 or "zDn…" P-256)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the public key, or %NULL
 */
RosetteKey *
_rosette_verify_key_from_multikey (const char  *multibase,
                                   GError     **error)
{
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(JsonObject) jwk = NULL;
  g_autofree char *x_text = NULL;
  g_autofree char *y_text = NULL;
  guint8 x[COORDINATE_LENGTH];
  guint8 y[COORDINATE_LENGTH];
  const guint8 *data;
  gsize length;
  guint codec = 0;

  raw = rosette_multibase_decode_key (multibase, &codec, error);
  if (raw == NULL)
    return NULL;
  if (codec == ROSETTE_MULTICODEC_ED25519_PUB)
    return rosette_key_new_from_multikey (multibase, error);
  if (codec != ROSETTE_MULTICODEC_P256_PUB)
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("The key is neither Ed25519 nor P-256"));
      return NULL;
    }

  data = g_bytes_get_data (raw, &length);
  if (!_rosette_p256_decompress (data, length, x, y, error))
    return NULL;

  x_text = rosette_base64url_encode (x, sizeof x);
  y_text = rosette_base64url_encode (y, sizeof y);
  jwk = json_object_new ();
  json_object_set_string_member (jwk, "kty", "EC");
  json_object_set_string_member (jwk, "crv", "P-256");
  json_object_set_string_member (jwk, "x", x_text);
  json_object_set_string_member (jwk, "y", y_text);
  return rosette_key_new_from_jwk (jwk, error);
}
