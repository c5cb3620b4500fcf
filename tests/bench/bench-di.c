/* bench-di.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Data Integrity (eddsa-rdfc-2022) signs and verifies per second for a
 * typical OB 3.0 badge (tests/data/di/rosette/badge.json), and the same
 * with @digitalbazaar/vc in the same run (tests/interop/di-interop.mjs,
 * when node and tests/interop/node_modules are there). Prints both and
 * the ratio; the goal is at least 20×. Single thread. Each side warms
 * up, then measures several runs and reports the median.
 *
 * Usage: bench-di [SECONDS-PER-RUN [RUNS]]   (default 1 s, 5 runs)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "rosette-data-integrity.h"
#include "rosette-key.h"

static JsonObject *
load_badge (const char *issuer)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "di", "rosette", "badge.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *badge;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s", error->message);
  badge = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  json_object_set_string_member (json_object_get_object_member (badge, "issuer"), "id", issuer);
  return badge;
}

/* Runs @op until @seconds have passed; returns operations per second. */
static double
rate (double    seconds,
      gboolean (*op) (gpointer),
      gpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + (gint64) (seconds * G_USEC_PER_SEC);
  guint n = 0;

  while (g_get_monotonic_time () < end)
    {
      if (!op (data))
        g_error ("benchmark operation failed");
      n++;
    }
  return n / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

typedef struct
{
  JsonObject *badge;
  JsonObject *signed_badge;
  RosetteKey *key;
  const char *method;
} Bench;

static gboolean
sign_once (gpointer data)
{
  Bench *b = data;
  g_autoptr(JsonObject) signed_badge = rosette_data_integrity_sign (b->badge, b->key, b->method,
                                                                    NULL, NULL);

  return signed_badge != NULL;
}

static gboolean
verify_once (gpointer data)
{
  Bench *b = data;
  g_autoptr(RosetteDataIntegrityResult) result = rosette_data_integrity_verify (b->signed_badge, NULL);

  return result != NULL && rosette_data_integrity_result_get_verified (result);
}

/* The same measurement with the JavaScript reference stack. */
static gboolean
node_rates (JsonObject *badge,
            guint       runs,
            double     *sign,
            double     *verify)
{
  g_autofree char *interop = g_build_filename (TESTS_SRCDIR, "interop", NULL);
  g_autofree char *marker = g_build_filename (interop, "node_modules", "@digitalbazaar", "vc",
                                              "package.json", NULL);
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) node = NULL;
  g_autofree char *script = g_build_filename (interop, "di-interop.mjs", NULL);
  g_autofree char *runs_text = g_strdup_printf ("%u", runs);
  int fd;

  if (!g_file_test (marker, G_FILE_TEST_EXISTS))
    return FALSE;

  fd = g_file_open_tmp ("bench-di-XXXXXX.json", &input, &error);
  if (fd < 0)
    return FALSE;
  close (fd);
  json_node_set_object (root, badge);
  text = json_to_string (root, FALSE);
  if (!g_file_set_contents (input, text, -1, &error))
    return FALSE;

  node = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "node", script,
                           "bench", input, "200", runs_text, NULL);
  if (node == NULL ||
      !g_subprocess_communicate_utf8 (node, NULL, NULL, &output, NULL, &error) ||
      !g_subprocess_get_successful (node) ||
      !json_parser_load_from_data (parser, output, -1, &error))
    {
      g_unlink (input);
      return FALSE;
    }
  g_unlink (input);

  *sign = json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)),
                                         "sign_per_s");
  *verify = json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)),
                                           "verify_per_s");
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                  gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 1.0;
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteKey) key = rosette_key_generate (ROSETTE_KEY_ALGORITHM_ED25519, &error);
  g_autofree char *did = rosette_key_dup_did_key (key, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (key, &error);
  g_autoptr(JsonObject) badge = NULL;
  g_autoptr(JsonObject) signed_badge = NULL;
  g_autofree double *c_sign = NULL;
  g_autofree double *c_verify = NULL;
  double c_sign_median, c_verify_median, js_sign = 0, js_verify = 0;
  const char *count = g_getenv ("BENCH_DI_COUNT");
  gboolean have_js;
  Bench b;

  if (key == NULL || did == NULL || method == NULL)
    g_error ("no key: %s", error->message);
  badge = load_badge (did);
  signed_badge = rosette_data_integrity_sign (badge, key, method, NULL, &error);
  if (signed_badge == NULL)
    g_error ("%s", error->message);
  b = (Bench) { badge, signed_badge, key, method };

  /* Warm up: the pinned contexts are parsed and processed once. */
  sign_once (&b);
  verify_once (&b);

  /* BENCH_DI_COUNT=N: exactly N signs then N verifies and no timing, for
   * profiles and instruction counts (valgrind --tool=callgrind);
   * BENCH_DI_ONLY=sign or verify leaves out the other. */
  if (count != NULL)
    {
      guint n = (guint) g_ascii_strtoull (count, NULL, 10);
      const char *only = g_getenv ("BENCH_DI_ONLY");

      for (guint i = 0; g_strcmp0 (only, "verify") != 0 && i < n; i++)
        sign_once (&b);
      for (guint i = 0; g_strcmp0 (only, "sign") != 0 && i < n; i++)
        verify_once (&b);
      return EXIT_SUCCESS;
    }

  /* On a shared machine the load changes from second to second: half of
   * the C runs go before the JavaScript ones and half after, so both
   * sides see the same conditions. */
  runs = MAX (runs, 1);
  c_sign = g_new (double, runs);
  c_verify = g_new (double, runs);
  for (guint i = 0; i < runs / 2; i++)
    {
      c_sign[i] = rate (seconds, sign_once, &b);
      c_verify[i] = rate (seconds, verify_once, &b);
    }
  have_js = node_rates (badge, runs, &js_sign, &js_verify);
  for (guint i = runs / 2; i < runs; i++)
    {
      c_sign[i] = rate (seconds, sign_once, &b);
      c_verify[i] = rate (seconds, verify_once, &b);
    }

  c_sign_median = median (c_sign, runs);
  c_verify_median = median (c_verify, runs);
  printf ("Data Integrity eddsa-rdfc-2022, OB 3.0 badge, one thread, medians of %u runs\n"
          "(C: %.1f s each; JavaScript: 200 operations each, after a warm-up)\n",
          runs, seconds);
  printf ("  Rosette (C)        sign %8.0f/s   verify %8.0f/s   (range %.0f-%.0f / %.0f-%.0f)\n",
          c_sign_median, c_verify_median,
          c_sign[0], c_sign[runs - 1], c_verify[0], c_verify[runs - 1]);

  if (have_js)
    {
      printf ("  @digitalbazaar/vc  sign %8.0f/s   verify %8.0f/s\n", js_sign, js_verify);
      printf ("  ratio              sign %8.1fx   verify %8.1fx   (goal >= 20x)\n",
              c_sign_median / js_sign, c_verify_median / js_verify);
    }
  else
    {
      printf ("  @digitalbazaar/vc  not measured (node or tests/interop/node_modules missing)\n");
    }
  return EXIT_SUCCESS;
}
