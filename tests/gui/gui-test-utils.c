/* gui-test-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-utils.h"
#include "rosette-window.h"

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

/**
 * gui_test_describe_widget:
 *
 * Names @widget for a failure message: type names up to the nearest
 * template child id, and its tooltip.
 *
 * Returns: (transfer full): the description
 */
char *
gui_test_describe_widget (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w))
                                            : NULL;

      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      /* GtkBuilder names anonymous objects "___object_N___". */
      if (id != NULL && !g_str_has_prefix (id, "___"))
        {
          g_string_prepend_c (path, '#');
          g_string_prepend (path, id);
          break;
        }
      g_string_prepend (path, " > ");
    }

  if (GTK_IS_WIDGET (widget) && gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/**
 * gui_test_window_new_with_sample:
 *
 * A window at 1100×720 showing the sample family ("Data Privacy"), not
 * yet shown.
 *
 * Returns: (transfer none): the window
 */
gpointer
gui_test_window_new_with_sample (void)
{
  g_autoptr(RosetteFamily) family = NULL;
  RosetteWindow *window;

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, "Data Privacy");
  window = g_object_new (ROSETTE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  rosette_window_set_family (window, family, NULL);

  return window;
}
