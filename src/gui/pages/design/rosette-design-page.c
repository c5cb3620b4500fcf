/* rosette-design-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-design-page.h"
#include "rosette-gui-utils.h"

/* The Design page: the selected tier large on the canvas, where its
 * elements are selected and moved; every tier as a small card in a strip
 * below it (a click selects the tier, a drag reorders the tiers); and the
 * inspector beside it, which folds into an overlay on narrow windows. */

#define STRIP_BADGE_SIZE 96

struct _RosetteDesignPage
{
  AdwBin         parent_instance;

  RosetteFamily    *family;
  RosetteHistory   *history;
  gulong            family_changed_id;
  gulong            tiers_changed_id;
  /* The tier to select again after the strip is rebuilt */
  guint             selected_position;

  /* Template widgets */
  GtkStack         *stack;
  AdwFlap          *flap;
  GtkLabel         *name_label;
  GtkLabel         *kind_label;
  GtkButton        *zoom_button;
  GtkToggleButton  *inspector_button;
  RosetteCanvas    *canvas;
  GtkFlowBox       *flow_box;
  RosetteInspector *inspector;
};

enum {
  PROP_0,
  PROP_FAMILY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteDesignPage, rosette_design_page, ADW_TYPE_BIN)

/* The drag carries the tier itself, not its position: a drop from
 * another window's family is then recognised and refused. */
static GdkContentProvider *
card_drag_prepare_cb (RosetteTierCard *card,
                      double           x,
                      double           y,
                      GtkDragSource   *source)
{
  return gdk_content_provider_new_typed (ROSETTE_TYPE_TIER, rosette_tier_card_get_tier (card));
}

static void
card_drag_begin_cb (RosetteTierCard *card,
                    GdkDrag         *drag,
                    GtkDragSource   *source)
{
  GtkWidget *view = GTK_WIDGET (rosette_tier_card_get_badge_view (card));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);

  gtk_drag_source_set_icon (source, paintable,
                            gtk_widget_get_width (view) / 2,
                            gtk_widget_get_height (view) / 2);
}

static gboolean
card_drop_cb (RosetteDesignPage *self,
              const GValue      *value,
              double             x,
              double             y,
              GtkDropTarget     *target)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint from, to;

  if (self->family == NULL || !G_VALUE_HOLDS (value, ROSETTE_TYPE_TIER))
    return FALSE;

  from = rosette_gui_family_find_tier (self->family, g_value_get_object (value));
  to = rosette_gui_family_find_tier (self->family,
                                     rosette_tier_card_get_tier (ROSETTE_TIER_CARD (card)));
  if (from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    return FALSE;

  return rosette_design_page_move_tier (self, from, to);
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  RosetteDesignPage *self = ROSETTE_DESIGN_PAGE (user_data);
  GtkWidget *card = rosette_tier_card_new (self->family, ROSETTE_TIER (item));
  GtkDragSource *source;
  GtkDropTarget *target;

  rosette_badge_view_set_max_size (rosette_tier_card_get_badge_view (ROSETTE_TIER_CARD (card)),
                                   STRIP_BADGE_SIZE);

  /* Drag a card onto another to reorder; the inspector's move buttons
   * do the same from the keyboard. */
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (card_drag_prepare_cb), card);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (card_drag_begin_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (ROSETTE_TYPE_TIER, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (card_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (target));

  return card;
}

static void
rosette_design_page_update_header (RosetteDesignPage *self)
{
  g_autofree char *kind = NULL;
  guint n_tiers;

  if (self->family == NULL)
    return;

  n_tiers = rosette_family_get_n_tiers (self->family);

  /* Translators: a badge kind and a number of tiers, e.g. "Compliance · 3 tiers" */
  kind = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u tier", "%s · %u tiers", n_tiers),
                          rosette_badge_kind_get_display_name (rosette_family_get_kind (self->family)),
                          n_tiers);

  gtk_label_set_label (self->name_label, rosette_family_get_name (self->family));
  gtk_label_set_label (self->kind_label, kind);

  /* The strip is one line; it scrolls sideways when the window is narrow. */
  gtk_flow_box_set_min_children_per_line (self->flow_box, MAX (n_tiers, 1));
  gtk_flow_box_set_max_children_per_line (self->flow_box, MAX (n_tiers, 1));
}

static void
selected_children_changed_cb (RosetteDesignPage *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->flow_box);

  if (selected == NULL)
    return;

  self->selected_position = gtk_flow_box_child_get_index (selected->data);
  rosette_canvas_set_tier (self->canvas, rosette_design_page_get_selected_tier (self));
}

static void
zoom_changed_cb (RosetteDesignPage *self)
{
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;
  int percent = (int) (rosette_canvas_get_zoom (self->canvas) * 100 + .5);

  /* Translators: a zoom level relative to "fit", e.g. "125%" */
  label = g_strdup_printf (_("%d%%"), percent);
  /* Translators: %d is a zoom level in percent */
  accessible = g_strdup_printf (_("Zoom %d%%, fit the badge in the view"), percent);
  gtk_button_set_label (self->zoom_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
tiers_items_changed_cb (RosetteDesignPage *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *tiers)
{
  g_autoptr(GList) selected = NULL;
  GtkFlowBoxChild *child;
  guint n_items = g_list_model_get_n_items (tiers);

  rosette_design_page_update_header (self);

  /* The strip was rebuilt from the model: keep the same position selected
   * (the next one when it was removed). */
  selected = gtk_flow_box_get_selected_children (self->flow_box);
  if (selected == NULL && n_items > 0)
    {
      child = gtk_flow_box_get_child_at_index (self->flow_box,
                                               MIN (self->selected_position, n_items - 1));
      if (child != NULL)
        gtk_flow_box_select_child (self->flow_box, child);
    }

  rosette_canvas_set_tier (self->canvas, rosette_design_page_get_selected_tier (self));
}

static void
rosette_design_page_dispose (GObject *object)
{
  RosetteDesignPage *self = ROSETTE_DESIGN_PAGE (object);

  rosette_design_page_set_family (self, NULL);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (rosette_design_page_parent_class)->dispose (object);
}

static void
rosette_design_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RosetteDesignPage *self = ROSETTE_DESIGN_PAGE (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_design_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RosetteDesignPage *self = ROSETTE_DESIGN_PAGE (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_design_page_set_family (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_design_page_class_init (RosetteDesignPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_design_page_dispose;
  object_class->get_property = rosette_design_page_get_property;
  object_class->set_property = rosette_design_page_set_property;

  /**
   * RosetteDesignPage:family:
   *
   * The family shown, or %NULL for the empty state.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROSETTE_TYPE_CANVAS);
  g_type_ensure (ROSETTE_TYPE_INSPECTOR);
  g_type_ensure (ROSETTE_TYPE_TIER_CARD);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/design/rosette-design-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, flap);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, flow_box);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, inspector);
  gtk_widget_class_bind_template_callback (widget_class, selected_children_changed_cb);
}

static void
rosette_design_page_init (RosetteDesignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One selection: a click on the canvas shows that element's properties,
   * "Deselect" in the inspector clears the canvas's selection. */
  g_object_bind_property (self->canvas, "selected", self->inspector, "element",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);

  /* The toggle only matters when the inspector is folded away. */
  g_object_bind_property (self->flap, "folded", self->inspector_button, "visible",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
rosette_design_page_new (void)
{
  return g_object_new (ROSETTE_TYPE_DESIGN_PAGE, NULL);
}

/**
 * rosette_design_page_get_family:
 * @self: a #RosetteDesignPage
 *
 * Returns: (transfer none) (nullable): the family shown
 */
RosetteFamily *
rosette_design_page_get_family (RosetteDesignPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), NULL);

  return self->family;
}

void
rosette_design_page_set_family (RosetteDesignPage *self,
                                RosetteFamily     *family)
{
  g_return_if_fail (ROSETTE_IS_DESIGN_PAGE (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (self->family == family)
    return;

  if (self->family != NULL)
    {
      g_clear_signal_handler (&self->family_changed_id, self->family);
      g_clear_signal_handler (&self->tiers_changed_id, rosette_family_get_tiers (self->family));
    }

  gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
  g_set_object (&self->family, family);
  self->selected_position = 0;

  rosette_canvas_set_family (self->canvas, family);
  rosette_inspector_set_family (self->inspector, family);

  if (family != NULL)
    {
      GListModel *tiers = rosette_family_get_tiers (family);

      self->family_changed_id =
        g_signal_connect_object (family, "changed",
                                 G_CALLBACK (rosette_design_page_update_header),
                                 self, G_CONNECT_SWAPPED);
      self->tiers_changed_id =
        g_signal_connect_object (tiers, "items-changed",
                                 G_CALLBACK (tiers_items_changed_cb),
                                 self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

      gtk_flow_box_bind_model (self->flow_box, tiers, create_card_cb, self, NULL);
      tiers_items_changed_cb (self, 0, 0, 0, tiers);
      gtk_stack_set_visible_child_name (self->stack, "family");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * rosette_design_page_get_selected_tier:
 * @self: a #RosetteDesignPage
 *
 * Returns: (transfer none) (nullable): the tier whose card is selected
 */
RosetteTier *
rosette_design_page_get_selected_tier (RosetteDesignPage *self)
{
  g_autoptr(GList) selected = NULL;
  GtkWidget *card;

  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), NULL);

  selected = gtk_flow_box_get_selected_children (self->flow_box);
  if (selected == NULL)
    return NULL;

  card = gtk_flow_box_child_get_child (selected->data);

  return rosette_tier_card_get_tier (ROSETTE_TIER_CARD (card));
}

guint
rosette_design_page_get_n_cards (RosetteDesignPage *self)
{
  guint n = 0;

  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), 0);

  while (gtk_flow_box_get_child_at_index (self->flow_box, n) != NULL)
    n++;

  return n;
}

/**
 * rosette_design_page_get_card:
 * @self: a #RosetteDesignPage
 * @position: a card's position
 *
 * Returns: (transfer none) (nullable): the card at @position
 */
RosetteTierCard *
rosette_design_page_get_card (RosetteDesignPage *self,
                              guint              position)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), NULL);

  child = gtk_flow_box_get_child_at_index (self->flow_box, position);
  if (child == NULL)
    return NULL;

  return ROSETTE_TIER_CARD (gtk_flow_box_child_get_child (child));
}

/**
 * rosette_design_page_get_canvas:
 * @self: a #RosetteDesignPage
 *
 * Returns: (transfer none): the canvas showing the selected tier
 */
RosetteCanvas *
rosette_design_page_get_canvas (RosetteDesignPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), NULL);

  return self->canvas;
}

/**
 * rosette_design_page_get_inspector:
 * @self: a #RosetteDesignPage
 *
 * Returns: (transfer none): the inspector
 */
RosetteInspector *
rosette_design_page_get_inspector (RosetteDesignPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), NULL);

  return self->inspector;
}

/**
 * rosette_design_page_set_history:
 * @self: a #RosetteDesignPage
 * @history: (nullable): the window's undo history for the family
 *
 * Lets a canvas drag or a palette click be one undo step.
 */
void
rosette_design_page_set_history (RosetteDesignPage *self,
                                 RosetteHistory    *history)
{
  g_return_if_fail (ROSETTE_IS_DESIGN_PAGE (self));
  g_return_if_fail (!history || ROSETTE_IS_HISTORY (history));

  g_set_object (&self->history, history);
  rosette_canvas_set_history (self->canvas, history);
  rosette_inspector_set_history (self->inspector, history);
}

/**
 * rosette_design_page_select_tier:
 * @self: a #RosetteDesignPage
 * @position: a tier's position
 *
 * Shows that tier on the canvas, as a click on its card does.
 */
void
rosette_design_page_select_tier (RosetteDesignPage *self,
                                 guint              position)
{
  GtkFlowBoxChild *child;

  g_return_if_fail (ROSETTE_IS_DESIGN_PAGE (self));

  child = gtk_flow_box_get_child_at_index (self->flow_box, position);
  if (child != NULL)
    gtk_flow_box_select_child (self->flow_box, child);
}

/**
 * rosette_design_page_toggle_inspector:
 * @self: a #RosetteDesignPage
 *
 * Shows or hides the inspector.
 */
void
rosette_design_page_toggle_inspector (RosetteDesignPage *self)
{
  g_return_if_fail (ROSETTE_IS_DESIGN_PAGE (self));

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/**
 * rosette_design_page_move_tier:
 * @self: a #RosetteDesignPage
 * @from: the position of the tier to move
 * @to: its new position
 *
 * What dropping a tier's card onto another card does: the tier moves to
 * the position of the card it was dropped on, as one undo step, and stays
 * the one shown on the canvas.
 *
 * Returns: whether the tier moved
 */
gboolean
rosette_design_page_move_tier (RosetteDesignPage *self,
                               guint              from,
                               guint              to)
{
  g_autoptr(GError) error = NULL;
  gboolean moved;

  g_return_val_if_fail (ROSETTE_IS_DESIGN_PAGE (self), FALSE);

  if (self->family == NULL || from == to)
    return FALSE;

  /* The strip is rebuilt by the move; this is what it selects after. */
  self->selected_position = to;

  if (self->history != NULL)
    rosette_history_begin_group (self->history);
  moved = rosette_family_move_tier (self->family, from, to, &error);
  if (self->history != NULL)
    rosette_history_end_group (self->history);

  if (!moved)
    {
      g_warning ("Could not move a tier: %s", error->message);
      return FALSE;
    }

  rosette_design_page_select_tier (self, to);

  return TRUE;
}
