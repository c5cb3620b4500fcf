/* gui-test-utils.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a GUI test waits for something before it fails. */
#define GUI_TEST_WAIT_SECONDS 20

gboolean gui_test_wait_until (gboolean (*done) (gpointer data),
                              gpointer   data);
void     gui_test_spin       (void);
char    *gui_test_describe_widget (GtkWidget *widget);
gpointer gui_test_window_new_with_sample (void);

G_END_DECLS
