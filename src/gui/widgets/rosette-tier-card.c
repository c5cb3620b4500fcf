/* rosette-tier-card.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-tier-card.h"
#include "rosette-gui-utils.h"

/* One tier of a family on the Design page: the badge as large as the card
 * allows, and under it the tier's name and what sets it apart. */

struct _RosetteTierCard
{
  GtkWidget         parent_instance;

  RosetteFamily    *family;
  RosetteTier      *tier;

  /* Template widgets */
  RosetteBadgeView *badge_view;
  GtkLabel         *name_label;
  GtkLabel         *caption_label;
};

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_TIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteTierCard, rosette_tier_card, GTK_TYPE_WIDGET)

static const char *
metal_get_display_name (RosetteMetal metal)
{
  switch (metal)
    {
    case ROSETTE_METAL_BRONZE:
      return _("Bronze");
    case ROSETTE_METAL_SILVER:
      return _("Silver");
    case ROSETTE_METAL_GOLD:
      return _("Gold");
    case ROSETTE_METAL_PLATINUM:
      return _("Platinum");
    default:
      return "";
    }
}

/**
 * rosette_tier_dup_caption:
 * @tier: a #RosetteTier
 *
 * What tells a tier apart at a glance, e.g. "Silver · 2 stars".
 *
 * Returns: (transfer full): a string for people
 */
char *
rosette_tier_dup_caption (RosetteTier *tier)
{
  const char *metal;
  guint stars;
  g_autofree char *stars_text = NULL;

  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);

  metal = metal_get_display_name (rosette_tier_get_metal (tier));
  stars = rosette_tier_get_stars (tier);

  if (stars == 0)
    return g_strdup (metal);

  /* Translators: a number of stars on a badge */
  stars_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u star", "%u stars", stars),
                                stars);

  /* Translators: a metal finish and a number of stars, e.g. "Bronze · 1 star" */
  return g_strdup_printf (_("%s · %s"), metal, stars_text);
}

static void
rosette_tier_card_update (RosetteTierCard *self)
{
  g_autofree char *caption = NULL;

  if (self->tier == NULL)
    return;

  caption = rosette_tier_dup_caption (self->tier);
  gtk_label_set_label (self->name_label, rosette_tier_get_name (self->tier));
  gtk_label_set_label (self->caption_label, caption);
}

static void
rosette_tier_card_dispose (GObject *object)
{
  RosetteTierCard *self = ROSETTE_TIER_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROSETTE_TYPE_TIER_CARD);

  g_clear_object (&self->family);
  g_clear_object (&self->tier);

  G_OBJECT_CLASS (rosette_tier_card_parent_class)->dispose (object);
}

static void
rosette_tier_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RosetteTierCard *self = ROSETTE_TIER_CARD (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_TIER:
      g_value_set_object (value, self->tier);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_tier_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RosetteTierCard *self = ROSETTE_TIER_CARD (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      self->family = g_value_dup_object (value);
      rosette_badge_view_set_family (self->badge_view, self->family);
      break;

    case PROP_TIER:
      self->tier = g_value_dup_object (value);
      rosette_badge_view_set_tier (self->badge_view, self->tier);
      if (self->tier != NULL)
        g_signal_connect_object (self->tier, "notify",
                                 G_CALLBACK (rosette_tier_card_update),
                                 self, G_CONNECT_SWAPPED);
      rosette_tier_card_update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_tier_card_class_init (RosetteTierCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_tier_card_dispose;
  object_class->get_property = rosette_tier_card_get_property;
  object_class->set_property = rosette_tier_card_set_property;

  /**
   * RosetteTierCard:family:
   *
   * The family the tier belongs to.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteTierCard:tier:
   *
   * The tier shown.
   */
  properties[PROP_TIER] =
    g_param_spec_object ("tier", NULL, NULL,
                         ROSETTE_TYPE_TIER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROSETTE_TYPE_BADGE_VIEW);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/widgets/rosette-tier-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteTierCard, badge_view);
  gtk_widget_class_bind_template_child (widget_class, RosetteTierCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteTierCard, caption_label);

  gtk_widget_class_set_css_name (widget_class, "tiercard");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rosette_tier_card_init (RosetteTierCard *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

GtkWidget *
rosette_tier_card_new (RosetteFamily *family,
                       RosetteTier   *tier)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);

  return g_object_new (ROSETTE_TYPE_TIER_CARD,
                       "family", family,
                       "tier", tier,
                       NULL);
}

/**
 * rosette_tier_card_get_family:
 * @self: a #RosetteTierCard
 *
 * Returns: (transfer none): the family
 */
RosetteFamily *
rosette_tier_card_get_family (RosetteTierCard *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER_CARD (self), NULL);

  return self->family;
}

/**
 * rosette_tier_card_get_tier:
 * @self: a #RosetteTierCard
 *
 * Returns: (transfer none): the tier
 */
RosetteTier *
rosette_tier_card_get_tier (RosetteTierCard *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER_CARD (self), NULL);

  return self->tier;
}

/**
 * rosette_tier_card_get_badge_view:
 * @self: a #RosetteTierCard
 *
 * Returns: (transfer none): the view drawing the badge
 */
RosetteBadgeView *
rosette_tier_card_get_badge_view (RosetteTierCard *self)
{
  g_return_val_if_fail (ROSETTE_IS_TIER_CARD (self), NULL);

  return self->badge_view;
}
