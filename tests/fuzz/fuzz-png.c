/* fuzz-png.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes → the PNG badge extractor, then the whole
 * verifier (offline). Must never crash, leak or hang; errors are fine. */

#include "config.h"

#include "fuzz-verify-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) payload = NULL;
  RosetteBadgeVersion version = ROSETTE_BADGE_VERSION_OB3;

  payload = rosette_png_extract (bytes, &version, NULL);
  fuzz_verify_bytes (bytes);
  return 0;
}
