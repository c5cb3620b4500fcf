/* rosette-badge-renderer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rosette-badge-renderer.h"
#include "rosette-gui-utils.h"

/* Keeps one tier of a family rendered at a pixel size as a GdkTexture:
 * it listens to the family and the tier, coalesces every change until the
 * main loop is idle, and renders once. The canvas and the badge views
 * both draw from one of these.
 *
 * A synchronous renderer draws in a high-priority idle, before the next
 * frame, which is what the canvas needs for dragging. A threaded one
 * (the strip's thumbnails) takes a snapshot of the family as its file
 * bytes on the main thread and renders a copy in a GTask thread, so that
 * opening a family with six tiers never stalls the interface; the core's
 * model and renderer hold no global state, so a private copy is safe to
 * render anywhere. */

struct _RosetteBadgeRenderer
{
  GObject        parent_instance;

  RosetteFamily *family;
  RosetteTier   *tier;
  GdkTexture    *texture;
  GCancellable  *cancellable;

  gulong         family_changed_id;
  gulong         tier_notify_id;
  guint          render_source;
  guint          size;
  gint64         render_time;
  /* Bumped when the family or tier is replaced: a thread's result for an
   * older one is dropped. */
  guint          generation;

  guint          threaded : 1;
  guint          in_flight : 1;
  guint          pending : 1;
};

typedef struct
{
  GBytes *document;
  guint   position;
  guint   size;
  guint   generation;
  gint64  render_time;
} RenderData;

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_TIER,
  PROP_SIZE,
  PROP_THREADED,
  PROP_TEXTURE,
  N_PROPS
};

enum {
  ARTWORK_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RosetteBadgeRenderer, rosette_badge_renderer, G_TYPE_OBJECT)

static void rosette_badge_renderer_queue (RosetteBadgeRenderer *self);

static void
render_data_free (RenderData *data)
{
  g_clear_pointer (&data->document, g_bytes_unref);
  g_free (data);
}

static void
rosette_badge_renderer_take_texture (RosetteBadgeRenderer *self,
                                     GdkTexture           *texture)
{
  if (g_set_object (&self->texture, texture))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);

  g_clear_object (&texture);
}

static void
render_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderData *data = task_data;
  g_autoptr(RosetteFamily) family = NULL;
  GError *error = NULL;
  cairo_surface_t *surface;
  RosetteTier *tier;
  gint64 start = g_get_monotonic_time ();

  if (g_task_return_error_if_cancelled (task))
    return;

  family = rosette_family_new_from_bytes (data->document, &error);
  if (family == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  tier = rosette_family_get_tier (family, data->position);
  g_assert (tier != NULL);

  surface = rosette_design_render_surface (family, tier, data->size, &error);
  if (surface == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->render_time = g_get_monotonic_time () - start;
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RosetteBadgeRenderer *self = ROSETTE_BADGE_RENDERER (object);
  RenderData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  self->in_flight = FALSE;
  surface = g_task_propagate_pointer (G_TASK (result), &error);

  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not render a tier: %s", error->message);
    }
  else if (data->generation == self->generation)
    {
      self->render_time = data->render_time;
      rosette_badge_renderer_take_texture (self, rosette_gui_texture_new_for_surface (surface));
    }

  g_clear_pointer (&surface, cairo_surface_destroy);

  /* Edits made while the thread ran are drawn now, in one go. */
  if (self->pending)
    {
      self->pending = FALSE;
      rosette_badge_renderer_queue (self);
    }
}

static gboolean
rosette_badge_renderer_can_render (RosetteBadgeRenderer *self)
{
  return self->family != NULL && self->tier != NULL && self->size > 0;
}

static void
rosette_badge_renderer_start_thread (RosetteBadgeRenderer *self)
{
  g_autoptr(GTask) task = NULL;
  RenderData *data;
  guint position = rosette_gui_family_find_tier (self->family, self->tier);

  /* A tier that was just removed is not drawn. */
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  data = g_new0 (RenderData, 1);
  data->document = rosette_family_to_bytes (self->family);
  data->position = position;
  data->size = self->size;
  data->generation = self->generation;

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, rosette_badge_renderer_start_thread);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  self->in_flight = TRUE;
  g_task_run_in_thread (task, render_thread_cb);
}

static void
rosette_badge_renderer_render_now (RosetteBadgeRenderer *self)
{
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  gint64 start = g_get_monotonic_time ();

  texture = rosette_gui_render_texture (self->family, self->tier, self->size, &error);
  self->render_time = g_get_monotonic_time () - start;

  if (texture == NULL)
    g_warning ("Could not render tier “%s”: %s",
               rosette_tier_get_name (self->tier), error->message);

  rosette_badge_renderer_take_texture (self, texture);
}

static gboolean
rosette_badge_renderer_render_cb (gpointer user_data)
{
  RosetteBadgeRenderer *self = ROSETTE_BADGE_RENDERER (user_data);

  self->render_source = 0;

  if (!rosette_badge_renderer_can_render (self))
    return G_SOURCE_REMOVE;

  if (!self->threaded)
    rosette_badge_renderer_render_now (self);
  else if (self->in_flight)
    self->pending = TRUE;
  else
    rosette_badge_renderer_start_thread (self);

  return G_SOURCE_REMOVE;
}

static void
rosette_badge_renderer_queue (RosetteBadgeRenderer *self)
{
  if (self->render_source != 0 || !rosette_badge_renderer_can_render (self))
    return;

  /* Before the next frame is painted, after this layout pass. */
  self->render_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE,
                                         rosette_badge_renderer_render_cb,
                                         self, NULL);
}

static void
artwork_changed_cb (RosetteBadgeRenderer *self)
{
  g_signal_emit (self, signals[ARTWORK_CHANGED], 0);
  rosette_badge_renderer_queue (self);
}

static void
rosette_badge_renderer_dispose (GObject *object)
{
  RosetteBadgeRenderer *self = ROSETTE_BADGE_RENDERER (object);

  g_cancellable_cancel (self->cancellable);

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);
  if (self->tier != NULL)
    g_clear_signal_handler (&self->tier_notify_id, self->tier);

  g_clear_object (&self->family);
  g_clear_object (&self->tier);
  g_clear_object (&self->texture);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->render_source, g_source_remove);

  G_OBJECT_CLASS (rosette_badge_renderer_parent_class)->dispose (object);
}

static void
rosette_badge_renderer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RosetteBadgeRenderer *self = ROSETTE_BADGE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_TIER:
      g_value_set_object (value, self->tier);
      break;

    case PROP_SIZE:
      g_value_set_uint (value, self->size);
      break;

    case PROP_THREADED:
      g_value_set_boolean (value, self->threaded);
      break;

    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_badge_renderer_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RosetteBadgeRenderer *self = ROSETTE_BADGE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_badge_renderer_set_family (self, g_value_get_object (value));
      break;

    case PROP_TIER:
      rosette_badge_renderer_set_tier (self, g_value_get_object (value));
      break;

    case PROP_SIZE:
      rosette_badge_renderer_set_size (self, g_value_get_uint (value));
      break;

    case PROP_THREADED:
      self->threaded = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_badge_renderer_class_init (RosetteBadgeRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rosette_badge_renderer_dispose;
  object_class->get_property = rosette_badge_renderer_get_property;
  object_class->set_property = rosette_badge_renderer_set_property;

  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIER] =
    g_param_spec_object ("tier", NULL, NULL,
                         ROSETTE_TYPE_TIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteBadgeRenderer:size:
   *
   * The side of the texture in device pixels; 0 renders nothing (e.g.
   * before the widget is allocated). Other values are clamped to what
   * the core accepts.
   */
  properties[PROP_SIZE] =
    g_param_spec_uint ("size", NULL, NULL,
                       0, ROSETTE_DESIGN_MAX_SIZE, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteBadgeRenderer:threaded:
   *
   * Whether renders run in a worker thread from a snapshot of the family.
   */
  properties[PROP_THREADED] =
    g_param_spec_boolean ("threaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteBadgeRenderer:texture:
   *
   * The last rendered artwork.
   */
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RosetteBadgeRenderer::artwork-changed:
   * @self: a #RosetteBadgeRenderer
   *
   * The family or the tier was edited or replaced, so names shown next to
   * the artwork may need updating; a render is queued.
   */
  signals[ARTWORK_CHANGED] =
    g_signal_new ("artwork-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rosette_badge_renderer_init (RosetteBadgeRenderer *self)
{
}

/**
 * rosette_badge_renderer_new:
 * @threaded: whether to render in a worker thread
 *
 * Returns: (transfer full): a new #RosetteBadgeRenderer
 */
RosetteBadgeRenderer *
rosette_badge_renderer_new (gboolean threaded)
{
  return g_object_new (ROSETTE_TYPE_BADGE_RENDERER,
                       "threaded", threaded,
                       NULL);
}

/**
 * rosette_badge_renderer_get_family:
 * @self: a #RosetteBadgeRenderer
 *
 * Returns: (transfer none) (nullable): the family
 */
RosetteFamily *
rosette_badge_renderer_get_family (RosetteBadgeRenderer *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), NULL);

  return self->family;
}

/**
 * rosette_badge_renderer_set_family:
 * @self: a #RosetteBadgeRenderer
 * @family: (nullable): a family
 *
 * Returns: whether the family changed
 */
gboolean
rosette_badge_renderer_set_family (RosetteBadgeRenderer *self,
                                   RosetteFamily        *family)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), FALSE);
  g_return_val_if_fail (!family || ROSETTE_IS_FAMILY (family), FALSE);

  if (self->family == family)
    return FALSE;

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);

  g_set_object (&self->family, family);
  self->generation++;

  /* Any edit of the family can change every tier's artwork. */
  if (family != NULL)
    self->family_changed_id =
      g_signal_connect_object (family, "changed", G_CALLBACK (artwork_changed_cb),
                               self, G_CONNECT_SWAPPED);

  artwork_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);

  return TRUE;
}

/**
 * rosette_badge_renderer_get_tier:
 * @self: a #RosetteBadgeRenderer
 *
 * Returns: (transfer none) (nullable): the tier
 */
RosetteTier *
rosette_badge_renderer_get_tier (RosetteBadgeRenderer *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), NULL);

  return self->tier;
}

/**
 * rosette_badge_renderer_set_tier:
 * @self: a #RosetteBadgeRenderer
 * @tier: (nullable): a tier of the family
 *
 * Returns: whether the tier changed
 */
gboolean
rosette_badge_renderer_set_tier (RosetteBadgeRenderer *self,
                                 RosetteTier          *tier)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), FALSE);
  g_return_val_if_fail (!tier || ROSETTE_IS_TIER (tier), FALSE);

  if (self->tier == tier)
    return FALSE;

  if (self->tier != NULL)
    g_clear_signal_handler (&self->tier_notify_id, self->tier);

  g_set_object (&self->tier, tier);
  self->generation++;

  if (tier != NULL)
    self->tier_notify_id =
      g_signal_connect_object (tier, "notify", G_CALLBACK (artwork_changed_cb),
                               self, G_CONNECT_SWAPPED);

  artwork_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);

  return TRUE;
}

guint
rosette_badge_renderer_get_size (RosetteBadgeRenderer *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), 0);

  return self->size;
}

/**
 * rosette_badge_renderer_set_size:
 * @self: a #RosetteBadgeRenderer
 * @size: the side in device pixels, or 0 for "not shown"
 *
 * A tiny size still renders sharp at the core's minimum, to be scaled
 * down rather than up.
 */
void
rosette_badge_renderer_set_size (RosetteBadgeRenderer *self,
                                 guint                 size)
{
  g_return_if_fail (ROSETTE_IS_BADGE_RENDERER (self));

  if (size != 0)
    size = CLAMP (size, ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE);

  if (self->size == size)
    return;

  self->size = size;
  rosette_badge_renderer_queue (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

gboolean
rosette_badge_renderer_get_threaded (RosetteBadgeRenderer *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), FALSE);

  return self->threaded;
}

/**
 * rosette_badge_renderer_get_texture:
 * @self: a #RosetteBadgeRenderer
 *
 * Returns: (transfer none) (nullable): the last rendered artwork
 */
GdkTexture *
rosette_badge_renderer_get_texture (RosetteBadgeRenderer *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), NULL);

  return self->texture;
}

/**
 * rosette_badge_renderer_get_render_time:
 * @self: a #RosetteBadgeRenderer
 *
 * Returns: how long the last render took, in microseconds
 */
gint64
rosette_badge_renderer_get_render_time (RosetteBadgeRenderer *self)
{
  g_return_val_if_fail (ROSETTE_IS_BADGE_RENDERER (self), 0);

  return self->render_time;
}
