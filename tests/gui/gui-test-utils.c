/* gui-test-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-utils.h"

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * gui_test_wait_until:
 * @done: says when the wait is over
 * @data: what @done looks at
 *
 * Runs the main loop until @done says so, at most
 * GUI_TEST_WAIT_SECONDS, so that renders, idles and animations happen.
 *
 * Returns: what @done says at the end
 */
gboolean
gui_test_wait_until (gboolean (*done) (gpointer data),
                     gpointer   data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (GUI_TEST_WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return done (data);
}

/**
 * gui_test_spin:
 *
 * Runs what is ready to run (history commits, queued renders).
 */
void
gui_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
