/* fuzz-replay.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs a fuzz target over every file of its corpus, without libFuzzer:
 * the normal test suite (any compiler) replays the seeds and every crash
 * ever found, so a regression fails CI. TAP, one test per corpus. */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
replay_corpus (gconstpointer user_data)
{
  const char *dir = user_data;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      n++;
    }
  g_test_message ("%u inputs replayed from %s", n, dir);
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s CORPUS-DIR", argv[0]);
  g_test_add_data_func ("/rosette/fuzz/replay", argv[1], replay_corpus);
  return g_test_run ();
}
