/* rosette-percent-bar.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROSETTE_TYPE_PERCENT_BAR (rosette_percent_bar_get_type ())

G_DECLARE_FINAL_TYPE (RosettePercentBar, rosette_percent_bar, ROSETTE, PERCENT_BAR, GtkWidget)

GtkWidget *rosette_percent_bar_new          (double             fraction);
double     rosette_percent_bar_get_fraction (RosettePercentBar *self);
void       rosette_percent_bar_set_fraction (RosettePercentBar *self,
                                             double             fraction);

G_END_DECLS
