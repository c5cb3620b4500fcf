/* fuzz-rdfc.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes → N-Quads reader → RDFC-1.0, whose work
 * bound must stop every hostile graph. */

#include "config.h"

#include "rosette-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) dataset = NULL;
  g_autofree char *text = NULL;
  g_autofree char *canonical = NULL;

  if (size > 64 * 1024)
    return 0;
  text = g_strndup ((const char *) data, size);
  dataset = rosette_nquads_parse (text, -1, NULL);
  if (dataset != NULL)
    canonical = rosette_rdfc_canonicalize (dataset, NULL);
  return 0;
}
