/* rosette-badge-view.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-badge-renderer.h"
#include "rosette-badge-view.h"

/* Shows one tier's artwork, rendered by the core at exactly the size it
 * covers on screen (logical size times scale factor), so it is never
 * scaled up. A threaded RosetteBadgeRenderer does the work, so a page of
 * cards never stalls the interface while it renders. */

struct _RosetteBadgeView
{
  GtkWidget             parent_instance;

  RosetteBadgeRenderer *renderer;
  /* The pixel size the view covers; 0 before allocation */
  guint                 pixel_size;
  /* The largest side asked for, in logical pixels */
  int                   max_size;
};

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_TIER,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteBadgeView, rosette_badge_view, GTK_TYPE_WIDGET)

static void
rosette_badge_view_update_label (RosetteBadgeView *self)
{
  RosetteFamily *family = rosette_badge_renderer_get_family (self->renderer);
  RosetteTier *tier = rosette_badge_renderer_get_tier (self->renderer);
  g_autofree char *label = NULL;

  if (family == NULL || tier == NULL)
    return;

  /* Translators: the first %s is a family name, the second a tier name,
   * e.g. "Data Privacy, Expert tier badge" */
  label = g_strdup_printf (_("%s, %s tier badge"),
                           rosette_family_get_name (family),
                           rosette_tier_get_name (tier));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
texture_changed_cb (RosetteBadgeView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

static GtkSizeRequestMode
rosette_badge_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rosette_badge_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (widget);

  /* Square: as tall as it is wide, up to the maximum. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      *minimum = *natural = CLAMP (for_size, MIN (ROSETTE_BADGE_VIEW_MIN_SIZE, self->max_size),
                                   self->max_size);
      return;
    }

  *minimum = MIN (ROSETTE_BADGE_VIEW_MIN_SIZE, self->max_size);
  *natural = MIN (ROSETTE_BADGE_VIEW_NATURAL_SIZE, self->max_size);
}

static void
rosette_badge_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (widget);
  guint pixel_size;

  pixel_size = MAX (0, MIN (width, height)) * gtk_widget_get_scale_factor (widget);

  if (pixel_size != self->pixel_size)
    {
      self->pixel_size = pixel_size;
      rosette_badge_renderer_set_size (self->renderer, pixel_size);
    }
}

static void
rosette_badge_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int side = MIN (width, height);
  GdkTexture *texture = rosette_badge_renderer_get_texture (self->renderer);

  if (texture == NULL || side <= 0)
    return;

  /* While a re-render at a new size is pending, the old texture is
   * drawn scaled for a frame; then it is 1:1 again. */
  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT ((width - side) / 2,
                                                    (height - side) / 2,
                                                    side, side));
}

static void
scale_factor_changed_cb (RosetteBadgeView *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
rosette_badge_view_dispose (GObject *object)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (object);

  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (rosette_badge_view_parent_class)->dispose (object);
}

static void
rosette_badge_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, rosette_badge_renderer_get_family (self->renderer));
      break;

    case PROP_TIER:
      g_value_set_object (value, rosette_badge_renderer_get_tier (self->renderer));
      break;

    case PROP_TEXTURE:
      g_value_set_object (value, rosette_badge_renderer_get_texture (self->renderer));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_badge_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_badge_view_set_family (self, g_value_get_object (value));
      break;

    case PROP_TIER:
      rosette_badge_view_set_tier (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_badge_view_class_init (RosetteBadgeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_badge_view_dispose;
  object_class->get_property = rosette_badge_view_get_property;
  object_class->set_property = rosette_badge_view_set_property;

  widget_class->get_request_mode = rosette_badge_view_get_request_mode;
  widget_class->measure = rosette_badge_view_measure;
  widget_class->size_allocate = rosette_badge_view_size_allocate;
  widget_class->snapshot = rosette_badge_view_snapshot;

  /**
   * RosetteBadgeView:family:
   *
   * The family whose artwork is shown.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteBadgeView:tier:
   *
   * The tier of #RosetteBadgeView:family that is shown.
   */
  properties[PROP_TIER] =
    g_param_spec_object ("tier", NULL, NULL,
                         ROSETTE_TYPE_TIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteBadgeView:texture:
   *
   * The last rendered artwork, at the view's size in device pixels.
   */
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "badgeview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rosette_badge_view_init (RosetteBadgeView *self)
{
  self->max_size = ROSETTE_BADGE_VIEW_MAX_SIZE;
  self->renderer = rosette_badge_renderer_new (TRUE);

  g_signal_connect_object (self->renderer, "artwork-changed",
                           G_CALLBACK (rosette_badge_view_update_label),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->renderer, "notify::texture",
                           G_CALLBACK (texture_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::scale-factor",
                    G_CALLBACK (scale_factor_changed_cb), NULL);
}

GtkWidget *
rosette_badge_view_new (void)
{
  return g_object_new (ROSETTE_TYPE_BADGE_VIEW, NULL);
}

/**
 * rosette_badge_view_get_family:
 * @self: a #RosetteBadgeView
 *
 * Returns: (transfer none) (nullable): the family
 */
RosetteFamily *
rosette_badge_view_get_family (RosetteBadgeView *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_VIEW (self), NULL);

  return rosette_badge_renderer_get_family (self->renderer);
}

void
rosette_badge_view_set_family (RosetteBadgeView *self,
                               RosetteFamily    *family)
{
  g_return_if_fail (ROSETTE_IS_BADGE_VIEW (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (rosette_badge_renderer_set_family (self->renderer, family))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * rosette_badge_view_get_tier:
 * @self: a #RosetteBadgeView
 *
 * Returns: (transfer none) (nullable): the tier
 */
RosetteTier *
rosette_badge_view_get_tier (RosetteBadgeView *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_VIEW (self), NULL);

  return rosette_badge_renderer_get_tier (self->renderer);
}

void
rosette_badge_view_set_tier (RosetteBadgeView *self,
                             RosetteTier      *tier)
{
  g_return_if_fail (ROSETTE_IS_BADGE_VIEW (self));
  g_return_if_fail (!tier || ROSETTE_IS_TIER (tier));

  if (rosette_badge_renderer_set_tier (self->renderer, tier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
}

/**
 * rosette_badge_view_get_texture:
 * @self: a #RosetteBadgeView
 *
 * Returns: (transfer none) (nullable): the rendered artwork
 */
GdkTexture *
rosette_badge_view_get_texture (RosetteBadgeView *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_VIEW (self), NULL);

  return rosette_badge_renderer_get_texture (self->renderer);
}

/**
 * rosette_badge_view_get_pixel_size:
 * @self: a #RosetteBadgeView
 *
 * Returns: the side of the square the badge covers, in device pixels
 */
guint
rosette_badge_view_get_pixel_size (RosetteBadgeView *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_VIEW (self), 0);

  return self->pixel_size;
}

/**
 * rosette_badge_view_set_max_size:
 * @self: a #RosetteBadgeView
 * @max_size: the largest side to ask for, in logical pixels
 *
 * Makes the view smaller than its default, e.g. for the tier strip
 * under the canvas.
 */
void
rosette_badge_view_set_max_size (RosetteBadgeView *self,
                                 int               max_size)
{
  g_return_if_fail (ROSETTE_IS_BADGE_VIEW (self));
  g_return_if_fail (max_size > 0);

  if (self->max_size == max_size)
    return;

  self->max_size = max_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
