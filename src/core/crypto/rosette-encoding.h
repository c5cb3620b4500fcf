/* rosette-encoding.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest input the decoders below accept, in characters: far more
 * than any key, signature or JWS part Rosette handles, small enough that
 * the quadratic base58 loop stays instant. */
#define ROSETTE_ENCODING_MAX_BASE58_LENGTH 4096
#define ROSETTE_ENCODING_MAX_BASE64URL_LENGTH (16 * 1024 * 1024)

/* Multicodec prefixes (unsigned varint form) of public keys. */
#define ROSETTE_MULTICODEC_ED25519_PUB 0xed
#define ROSETTE_MULTICODEC_P256_PUB    0x1200

char   *rosette_base58btc_encode      (const guint8 *data,
                                       gsize         length);
GBytes *rosette_base58btc_decode      (const char   *text,
                                       GError      **error);
char   *rosette_base64url_encode      (const guint8 *data,
                                       gsize         length);
GBytes *rosette_base64url_decode      (const char   *text,
                                       gssize        length,
                                       GError      **error);
char   *rosette_multibase_encode_key  (guint         multicodec,
                                       const guint8 *key,
                                       gsize         key_length);
GBytes *rosette_multibase_decode_key  (const char   *multibase,
                                       guint        *multicodec,
                                       GError      **error);

G_END_DECLS
