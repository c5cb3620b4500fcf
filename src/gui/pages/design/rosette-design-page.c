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

/* The Design page: the family's tiers side by side as cards, one row
 * while they fit, with the family's name and kind above them. */

struct _RosetteDesignPage
{
  AdwBin         parent_instance;

  RosetteFamily *family;
  gulong         family_changed_id;
  gulong         tiers_changed_id;

  /* Template widgets */
  GtkStack      *stack;
  GtkLabel      *name_label;
  GtkLabel      *kind_label;
  GtkFlowBox    *flow_box;
};

enum {
  PROP_0,
  PROP_FAMILY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteDesignPage, rosette_design_page, ADW_TYPE_BIN)

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  RosetteDesignPage *self = ROSETTE_DESIGN_PAGE (user_data);

  return rosette_tier_card_new (self->family, ROSETTE_TIER (item));
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

  /* All tiers on one line when there is room: they are one family. Five
   * or six tiers go on two even lines rather than four and two. */
  gtk_flow_box_set_max_children_per_line (self->flow_box,
                                          n_tiers <= 4 ? MAX (n_tiers, 1) : (n_tiers + 1) / 2);
}

static void
tiers_items_changed_cb (RosetteDesignPage *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *tiers)
{
  GtkFlowBoxChild *first;

  rosette_design_page_update_header (self);

  if (gtk_flow_box_get_selected_children (self->flow_box) == NULL &&
      (first = gtk_flow_box_get_child_at_index (self->flow_box, 0)) != NULL)
    gtk_flow_box_select_child (self->flow_box, first);
}

static void
rosette_design_page_dispose (GObject *object)
{
  RosetteDesignPage *self = ROSETTE_DESIGN_PAGE (object);

  rosette_design_page_set_family (self, NULL);

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

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/design/rosette-design-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteDesignPage, flow_box);
}

static void
rosette_design_page_init (RosetteDesignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
