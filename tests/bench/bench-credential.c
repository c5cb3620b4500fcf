/* bench-credential.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Credentials per second, the way a batch issues them: the badge PNG is
 * rendered once (512 px), the key is loaded once, and each recipient costs
 * a credential build, a signature and a PNG chunk splice — no disk, no
 * re-encoding. One figure per proof: VC-JWT ES256, RS256 and EdDSA, and
 * the OB 2.0 signed assertion (RS256). Single thread.
 *
 * Usage: bench-credential [SECONDS-PER-CASE]   (default 2)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rosette-core.h"
#include "../core/rosette-test-issuing.h"

typedef struct
{
  const char          *label;
  RosetteProofFormat   format;
  RosetteKeyAlgorithm  algorithm;
  const char          *identifier;
} BenchCase;

static const BenchCase cases[] = {
  { "VC-JWT ES256 (did:key)", ROSETTE_PROOF_FORMAT_VC_JWT, ROSETTE_KEY_ALGORITHM_P256, NULL },
  { "VC-JWT RS256 (did:web)", ROSETTE_PROOF_FORMAT_VC_JWT, ROSETTE_KEY_ALGORITHM_RSA2048, "did:web:acme.example" },
  { "VC-JWT EdDSA (did:key)", ROSETTE_PROOF_FORMAT_VC_JWT, ROSETTE_KEY_ALGORITHM_ED25519, NULL },
  { "OB 2.0 RS256 (https)  ", ROSETTE_PROOF_FORMAT_OB2, ROSETTE_KEY_ALGORITHM_RSA2048, NULL },
};

/* One recipient: build, sign, bake. Returns the baked file's size. */
static gsize
issue_one (TestIssuing     *t,
           const BenchCase *bench,
           GBytes          *png,
           guint            n)
{
  g_autofree char *email = g_strdup_printf ("person%u@example.com", n);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, email);
  g_autoptr(GError) error = NULL;
  g_autofree char *jws = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) baked = NULL;
  gsize length;

  jws = rosette_credential_sign (credential, bench->format, t->issuer, t->record, t->key, NULL, &error);
  g_assert_no_error (error);
  length = strlen (jws);
  payload = g_bytes_new_take (g_steal_pointer (&jws), length);
  baked = rosette_png_bake (png, bench->format == ROSETTE_PROOF_FORMAT_OB2 ? ROSETTE_BADGE_VERSION_OB2
                                                                            : ROSETTE_BADGE_VERSION_OB3,
                            payload, &error);
  g_assert_no_error (error);

  return g_bytes_get_size (baked);
}

int
main (int   argc,
      char *argv[])
{
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 2.0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  if (seconds <= 0)
    seconds = 2.0;

  {
    g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_P256, NULL, NULL);
    gint64 start = g_get_monotonic_time ();

    png = rosette_design_render_png (t->family, rosette_family_get_tier (t->family, 1), 512, &error);
    g_assert_no_error (error);
    printf ("badge PNG (512 px) rendered once: %zu bytes in %.1f ms\n",
            g_bytes_get_size (png), (g_get_monotonic_time () - start) / 1000.0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestIssuing) t = test_issuing_new (cases[i].algorithm, cases[i].identifier,
                                                   "https://acme.example");
      gint64 start;
      gint64 elapsed;
      guint n = 0;
      gsize size = 0;

      /* Warm up (first use of the key, the enum classes, ...). */
      issue_one (t, &cases[i], png, 0);

      start = g_get_monotonic_time ();
      do
        size = issue_one (t, &cases[i], png, ++n);
      while ((elapsed = g_get_monotonic_time () - start) < seconds * G_USEC_PER_SEC);

      printf ("%s  %8.1f credentials/s  (%.3f ms each, %u issued, baked PNG %zu bytes)\n",
              cases[i].label, n / (elapsed / (double) G_USEC_PER_SEC), elapsed / 1000.0 / n, n, size);
    }

  return EXIT_SUCCESS;
}
