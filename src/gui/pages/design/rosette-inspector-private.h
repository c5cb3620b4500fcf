/* rosette-inspector-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rosette-emblem-chooser.h"
#include "rosette-inspector.h"
#include "rosette-palette.h"

G_BEGIN_DECLS

struct _RosetteInspector
{
  AdwBin                parent_instance;

  RosetteFamily        *family;
  RosetteHistory       *history;
  GCancellable         *cancellable;
  gulong                family_changed_id;
  gulong                tiers_changed_id;
  int                   element;
  /* The last problem shown in a toast, for tests */
  char                 *last_error;
  guint                 syncing : 1;

  /* One TierRow per tier, in order */
  GPtrArray            *tier_rows;

  /* Template widgets */
  GtkLabel             *heading_label;
  GtkButton            *deselect_button;
  AdwPreferencesGroup  *badge_group;
  AdwPreferencesGroup  *emblem_group;
  AdwPreferencesGroup  *text_group;
  AdwPreferencesGroup  *colors_group;
  AdwPreferencesGroup  *placement_group;
  AdwPreferencesGroup  *tiers_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *shape_row;
  GtkSpinButton        *rim_spin;
  GtkSwitch            *shadow_switch;
  GtkSwitch            *gradient_switch;
  AdwEntryRow          *emblem_text_row;
  RosetteEmblemChooser *emblem_chooser;
  AdwEntryRow          *title_row;
  AdwComboRow          *title_layout_row;
  AdwExpanderRow       *title_size_expander;
  GtkSpinButton        *title_size_spin;
  AdwEntryRow          *subtitle_row;
  GtkSwitch            *show_subtitle_switch;
  AdwComboRow          *subtitle_layout_row;
  GtkFontButton        *font_button;
  AdwComboRow          *weight_row;
  GtkColorButton       *field_color_button;
  GtkColorButton       *ribbon_color_button;
  GtkColorButton       *emblem_color_button;
  GtkButton            *ribbon_reset_button;
  GtkButton            *emblem_reset_button;
  GtkFlowBox           *palette_box;
  GtkSpinButton        *x_spin;
  GtkSpinButton        *y_spin;
  GtkSpinButton        *scale_spin;
  GtkSwitch            *ramp_switch;
  GtkButton            *add_tier_button;
};

typedef struct
{
  AdwExpanderRow *expander;
  AdwEntryRow    *name_row;
  AdwComboRow    *metal_row;
  GtkSpinButton  *stars_spin;
  AdwComboRow    *ring_row;
  AdwComboRow    *ornament_row;
  GtkColorButton *color_button;
  GtkButton      *up_button;
  GtkButton      *down_button;
  GtkButton      *remove_button;
} TierRow;

void _rosette_inspector_rebuild_tiers (RosetteInspector *self);
void _rosette_inspector_sync_tiers    (RosetteInspector *self);
void _rosette_inspector_show_error    (RosetteInspector *self,
                                       const char       *message);
void _rosette_inspector_set_color     (GtkColorButton   *button,
                                       const char       *color,
                                       const char       *fallback);

G_END_DECLS
