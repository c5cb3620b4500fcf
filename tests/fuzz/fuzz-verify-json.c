/* fuzz-verify-json.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes as a JSON badge → the verifier (offline),
 * which bounds the JSON depth before json-glib sees it. Must never crash,
 * leak or hang; a report always comes back. */

#include "config.h"

#include "fuzz-verify-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  fuzz_verify_bytes (bytes);
  return 0;
}
