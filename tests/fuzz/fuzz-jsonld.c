/* fuzz-jsonld.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes → JSON → JSON-LD expansion, toRdf (safe
 * and unsafe) and RDFC-1.0. Must never crash, leak or hang; errors are
 * fine. */

#include "config.h"

#include "rosette-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const RosetteJsonldFlags modes[] = { ROSETTE_JSONLD_NONE, ROSETTE_JSONLD_UNSAFE };

  if (size > 64 * 1024 || !rosette_json_depth_ok ((const char *) data, size, 64))
    return 0;
  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GPtrArray) dataset = NULL;
      g_autofree char *canonical = NULL;

      dataset = rosette_jsonld_to_rdf (json_parser_get_root (parser), NULL,
                                       "https://example.org/base/", modes[i], NULL);
      if (dataset != NULL)
        canonical = rosette_rdfc_canonicalize (dataset, NULL);
    }
  return 0;
}
