/* fuzz-verify-common.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the verifier's fuzz targets share: one offline verifier for the
 * whole run, and the check that every input gets a report. */

#pragma once

#include "rosette-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static inline void
fuzz_verify_bytes (GBytes *bytes)
{
  static RosetteVerifier *verifier;
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;

  if (verifier == NULL)
    {
      verifier = rosette_verifier_new ();
      rosette_verifier_set_offline (verifier, TRUE);
      rosette_verifier_set_cache_dir (verifier, "");
    }
  report = rosette_verifier_verify_bytes_sync (verifier, bytes, NULL, NULL);
  g_assert (report != NULL);
  json = rosette_verify_report_to_json (report);
}
