/* rosette-percent-bar.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The bar of one line of the skills inventory: a rounded track in a
 * faint tint of the text colour and a filled part in the accent colour,
 * both taken from the style so they follow light and dark. Drawn with
 * GtkSnapshot; it reports its value to assistive technologies as a
 * progress bar does.
 */

#include "config.h"

#include "rosette-percent-bar.h"

#define BAR_HEIGHT 10
#define BAR_MIN_WIDTH 60

struct _RosettePercentBar
{
  GtkWidget parent_instance;

  double    fraction;
};

G_DEFINE_FINAL_TYPE (RosettePercentBar, rosette_percent_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rosette_percent_bar_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = BAR_MIN_WIDTH;
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
rosette_percent_bar_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  RosettePercentBar *self = ROSETTE_PERCENT_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2.f;
  GskRoundedRect track;
  GdkRGBA color;
  GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1.f };
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &color);
  /* libadwaita defines accent_bg_color; the fallback is its blue. */
  gtk_style_context_lookup_color (context, "accent_bg_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  color.alpha *= 0.15f;
  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT),
                                   BAR_HEIGHT / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT));
  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT (0, y, width * self->fraction, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);
}

static void
rosette_percent_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RosettePercentBar *self = ROSETTE_PERCENT_BAR (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_percent_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RosettePercentBar *self = ROSETTE_PERCENT_BAR (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      rosette_percent_bar_set_fraction (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_percent_bar_class_init (RosettePercentBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rosette_percent_bar_get_property;
  object_class->set_property = rosette_percent_bar_set_property;

  widget_class->measure = rosette_percent_bar_measure;
  widget_class->snapshot = rosette_percent_bar_snapshot;

  /**
   * RosettePercentBar:fraction:
   *
   * How much of the bar is filled, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0., 1., 0.,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "percentbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
rosette_percent_bar_init (RosettePercentBar *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.,
                                  -1);
}

GtkWidget *
rosette_percent_bar_new (double fraction)
{
  return g_object_new (ROSETTE_TYPE_PERCENT_BAR, "fraction", fraction, NULL);
}

double
rosette_percent_bar_get_fraction (RosettePercentBar *self)
{
  g_return_val_if_fail (ROSETTE_IS_PERCENT_BAR (self), 0.);

  return self->fraction;
}

void
rosette_percent_bar_set_fraction (RosettePercentBar *self,
                                  double             fraction)
{
  g_return_if_fail (ROSETTE_IS_PERCENT_BAR (self));

  fraction = CLAMP (fraction, 0., 1.);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 100. * fraction,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}
