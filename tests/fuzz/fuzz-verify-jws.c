/* fuzz-verify-jws.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes as a compact JWS → rosette_jws_decode(),
 * then the verifier (offline). Must never crash, leak or hang. */

#include "config.h"

#include "fuzz-verify-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) payload = NULL;

  rosette_jws_decode (text, &header, &payload, NULL);
  fuzz_verify_bytes (bytes);
  return 0;
}
