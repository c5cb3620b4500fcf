/* rosette-badge-view.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-badge-view.h"
#include "rosette-gui-utils.h"

/* Shows one tier's artwork, rendered by the core at exactly the size it
 * covers on screen (logical size times scale factor), so it is never
 * scaled up. Rendering is queued and done from an idle; the render step
 * takes only plain values so that it can move into a GTask thread when
 * families get heavier. */

struct _RosetteBadgeView
{
  GtkWidget      parent_instance;

  RosetteFamily *family;
  RosetteTier   *tier;
  GdkTexture    *texture;

  gulong         family_changed_id;
  gulong         tier_notify_id;
  guint          render_source;
  /* The pixel size the next render should have; 0 before allocation */
  guint          pixel_size;
  /* The largest side asked for, in logical pixels */
  int            max_size;
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

static gboolean
rosette_badge_view_render_cb (gpointer user_data)
{
  RosetteBadgeView *self = ROSETTE_BADGE_VIEW (user_data);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guint size;

  self->render_source = 0;

  if (self->family == NULL || self->tier == NULL || self->pixel_size == 0)
    return G_SOURCE_REMOVE;

  /* The core accepts 64..2048 px; a tiny widget still gets a sharp
   * render, scaled down rather than up. */
  size = CLAMP (self->pixel_size, ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE);

  texture = rosette_gui_render_texture (self->family, self->tier, size, &error);
  if (texture == NULL)
    g_warning ("Could not render tier “%s”: %s",
               rosette_tier_get_name (self->tier), error->message);

  if (g_set_object (&self->texture, texture))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);

  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
rosette_badge_view_queue_render (RosetteBadgeView *self)
{
  if (self->render_source != 0)
    return;

  /* Before the next frame is painted, after this layout pass. */
  self->render_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE,
                                         rosette_badge_view_render_cb,
                                         self, NULL);
}

static void
rosette_badge_view_update_label (RosetteBadgeView *self)
{
  g_autofree char *label = NULL;

  if (self->family == NULL || self->tier == NULL)
    return;

  /* Translators: the first %s is a family name, the second a tier name,
   * e.g. "Data Privacy, Expert tier badge" */
  label = g_strdup_printf (_("%s, %s tier badge"),
                           rosette_family_get_name (self->family),
                           rosette_tier_get_name (self->tier));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
artwork_changed_cb (RosetteBadgeView *self)
{
  rosette_badge_view_update_label (self);
  rosette_badge_view_queue_render (self);
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
      rosette_badge_view_queue_render (self);
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

  if (self->texture == NULL || side <= 0)
    return;

  /* While a re-render at a new size is pending, the old texture is
   * drawn scaled for a frame; then it is 1:1 again. */
  gtk_snapshot_append_texture (snapshot, self->texture,
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

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);
  if (self->tier != NULL)
    g_clear_signal_handler (&self->tier_notify_id, self->tier);

  g_clear_object (&self->family);
  g_clear_object (&self->tier);
  g_clear_object (&self->texture);
  g_clear_handle_id (&self->render_source, g_source_remove);

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
      g_value_set_object (value, self->family);
      break;

    case PROP_TIER:
      g_value_set_object (value, self->tier);
      break;

    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
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

  return self->family;
}

void
rosette_badge_view_set_family (RosetteBadgeView *self,
                               RosetteFamily    *family)
{
  g_return_if_fail (ROSETTE_IS_BADGE_VIEW (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (self->family == family)
    return;

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);

  g_set_object (&self->family, family);

  /* Any edit of the family can change every tier's artwork. */
  if (family != NULL)
    self->family_changed_id =
      g_signal_connect_object (family, "changed",
                               G_CALLBACK (artwork_changed_cb),
                               self, G_CONNECT_SWAPPED);

  artwork_changed_cb (self);
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

  return self->tier;
}

void
rosette_badge_view_set_tier (RosetteBadgeView *self,
                             RosetteTier      *tier)
{
  g_return_if_fail (ROSETTE_IS_BADGE_VIEW (self));
  g_return_if_fail (!tier || ROSETTE_IS_TIER (tier));

  if (self->tier == tier)
    return;

  if (self->tier != NULL)
    g_clear_signal_handler (&self->tier_notify_id, self->tier);

  g_set_object (&self->tier, tier);

  if (tier != NULL)
    self->tier_notify_id =
      g_signal_connect_object (tier, "notify",
                               G_CALLBACK (artwork_changed_cb),
                               self, G_CONNECT_SWAPPED);

  artwork_changed_cb (self);
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

  return self->texture;
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
