/* rosette-canvas.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rosette-canvas.h"
#include "rosette-gui-utils.h"

/* The large view of one tier on the Design page, where the designer
 * selects, moves and resizes the badge's elements. The artwork is rendered
 * by the core at the pixel size it covers; the GUI only draws the
 * selection box and its handles over it. Geometry questions (what is under
 * the pointer, where an element is) are asked of the core in the badge's
 * 512-unit space. */

#define MARGIN 24.0
#define HANDLE_SIZE 9.0
#define HANDLE_HIT 12.0
#define ZOOM_STEP 1.25
/* Above this, a drag renders at half size and sharpens on release. */
#define SMOOTH_RENDER_USEC 16000

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_RESIZE,
} DragMode;

struct _RosetteCanvas
{
  GtkWidget       parent_instance;

  RosetteFamily  *family;
  RosetteTier    *tier;
  RosetteHistory *history;
  GdkTexture     *texture;

  gulong          family_changed_id;
  gulong          tier_notify_id;
  guint           render_source;

  int             selected;
  double          zoom;
  gint64          render_time;

  /* The drag in progress */
  DragMode        drag_mode;
  double          drag_x;
  double          drag_y;
  double          start_dx;
  double          start_dy;
  double          start_scale;
  double          center_x;
  double          center_y;
};

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_TIER,
  PROP_HISTORY,
  PROP_SELECTED,
  PROP_ZOOM,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteCanvas, rosette_canvas, GTK_TYPE_WIDGET)

/* Where the badge square is in widget coordinates. */
static void
rosette_canvas_get_badge_rect (RosetteCanvas *self,
                               double        *x,
                               double        *y,
                               double        *side)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double fit = MAX (1.0, MIN (width, height) - 2 * MARGIN);

  *side = fit * self->zoom;
  *x = round ((width - *side) / 2);
  *y = round ((height - *side) / 2);
}

static gboolean
rosette_canvas_get_selection_rect (RosetteCanvas   *self,
                                   graphene_rect_t *rect)
{
  double bx, by, bw, bh;
  double x0, y0, x1, y1;

  if (self->selected < 0 || self->family == NULL || self->tier == NULL)
    return FALSE;

  if (!rosette_design_get_element_bounds (self->family, self->tier, self->selected,
                                          &bx, &by, &bw, &bh))
    return FALSE;

  rosette_canvas_badge_to_widget (self, bx, by, &x0, &y0);
  rosette_canvas_badge_to_widget (self, bx + bw, by + bh, &x1, &y1);
  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);

  return TRUE;
}

static void
rosette_canvas_update_label (RosetteCanvas *self)
{
  g_autofree char *label = NULL;
  const char *tier = self->tier ? rosette_tier_get_name (self->tier) : "";

  /* The label changes with the selection, so a screen reader says what
   * was selected by a click, Tab or Escape. */
  if (self->selected >= 0)
    /* Translators: the first %s is a tier name, the second a part of the
     * badge, e.g. "Badge canvas, Gold tier, Emblem selected" */
    label = g_strdup_printf (_("Badge canvas, %s tier, %s selected"), tier,
                             rosette_gui_element_get_display_name (self->selected));
  else
    /* Translators: %s is a tier name */
    label = g_strdup_printf (_("Badge canvas, %s tier, nothing selected"), tier);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Click or press Tab to select a part of the badge, "
                                    "drag or use the arrow keys to move it, "
                                    "drag a corner to resize it"),
                                  -1);
}

static gboolean
rosette_canvas_render_cb (gpointer user_data)
{
  RosetteCanvas *self = ROSETTE_CANVAS (user_data);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  double x, y, side;
  guint size;
  gint64 start;

  self->render_source = 0;

  if (self->family == NULL || self->tier == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return G_SOURCE_REMOVE;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);
  size = (guint) (side * gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  /* While dragging, a slow machine gets a half-size frame now and a
   * sharp one when the pointer is released. */
  if (self->drag_mode != DRAG_NONE && self->render_time > SMOOTH_RENDER_USEC)
    size /= 2;

  size = CLAMP (size, ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE);

  start = g_get_monotonic_time ();
  texture = rosette_gui_render_texture (self->family, self->tier, size, &error);
  if (self->drag_mode == DRAG_NONE)
    self->render_time = g_get_monotonic_time () - start;

  if (texture == NULL)
    g_warning ("Could not render tier “%s”: %s", rosette_tier_get_name (self->tier), error->message);

  if (g_set_object (&self->texture, texture))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);

  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
rosette_canvas_queue_render (RosetteCanvas *self)
{
  if (self->render_source != 0)
    return;

  /* Before the next frame is painted, after this layout pass. */
  self->render_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rosette_canvas_render_cb, self, NULL);
}

static void
artwork_changed_cb (RosetteCanvas *self)
{
  rosette_canvas_update_label (self);
  rosette_canvas_queue_render (self);
}

static void
append_handle (GtkSnapshot   *snapshot,
               double         x,
               double         y,
               const GdkRGBA *fill,
               const GdkRGBA *edge)
{
  GskRoundedRect outline;
  float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
  GdkRGBA edges[4] = { *edge, *edge, *edge, *edge };
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x - HANDLE_SIZE / 2, y - HANDLE_SIZE / 2,
                                             HANDLE_SIZE, HANDLE_SIZE);

  gtk_snapshot_append_color (snapshot, fill, &rect);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, edges);
}

static void
rosette_canvas_snapshot_selection (RosetteCanvas *self,
                                   GtkSnapshot   *snapshot)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
  GdkRGBA white = { 1, 1, 1, 1 };
  graphene_rect_t rect;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];

  if (!rosette_canvas_get_selection_rect (self, &rect))
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (style, "accent_bg_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < 4; i++)
    colors[i] = accent;

  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);

  append_handle (snapshot, rect.origin.x, rect.origin.y, &white, &accent);
  append_handle (snapshot, rect.origin.x + rect.size.width, rect.origin.y, &white, &accent);
  append_handle (snapshot, rect.origin.x, rect.origin.y + rect.size.height, &white, &accent);
  append_handle (snapshot, rect.origin.x + rect.size.width, rect.origin.y + rect.size.height,
                 &white, &accent);
}

static void
rosette_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RosetteCanvas *self = ROSETTE_CANVAS (widget);
  double x, y, side;

  if (self->texture == NULL)
    return;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                         gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (x, y, side, side));
  rosette_canvas_snapshot_selection (self, snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
rosette_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = 160;
  *natural = 480;
}

static void
rosette_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  RosetteCanvas *self = ROSETTE_CANVAS (widget);
  double x, y, side;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);

  if (self->texture == NULL ||
      (guint) gdk_texture_get_width (self->texture) !=
      CLAMP ((guint) (side * gtk_widget_get_scale_factor (widget)),
             ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE))
    rosette_canvas_queue_render (self);
}

/* Which corner handle of the selection, if any, is at (x, y). */
static gboolean
rosette_canvas_hit_handle (RosetteCanvas *self,
                           double         x,
                           double         y)
{
  graphene_rect_t rect;

  if (!rosette_canvas_get_selection_rect (self, &rect))
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      double hx = rect.origin.x + ((i & 1) ? rect.size.width : 0);
      double hy = rect.origin.y + ((i & 2) ? rect.size.height : 0);

      if (fabs (x - hx) <= HANDLE_HIT && fabs (y - hy) <= HANDLE_HIT)
        return TRUE;
    }

  return FALSE;
}

static void
drag_begin_cb (RosetteCanvas  *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (!rosette_canvas_drag_begin (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (RosetteCanvas  *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  rosette_canvas_drag_update (self, offset_x, offset_y);
}

static void
drag_end_cb (RosetteCanvas  *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  rosette_canvas_drag_end (self);
}

static gboolean
scroll_cb (RosetteCanvas            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  if (dy < 0)
    rosette_canvas_zoom_in (self);
  else
    rosette_canvas_zoom_out (self);

  return TRUE;
}

static gboolean
key_pressed_cb (RosetteCanvas         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  double step = (state & GDK_SHIFT_MASK) ? 10 : 1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return rosette_canvas_cycle (self, TRUE);

    case GDK_KEY_ISO_Left_Tab:
      return rosette_canvas_cycle (self, FALSE);

    case GDK_KEY_Escape:
      if (self->selected < 0)
        return FALSE;
      rosette_canvas_set_selected (self, ROSETTE_CANVAS_NO_ELEMENT);
      return TRUE;

    default:
      break;
    }

  if (self->selected < 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      rosette_canvas_nudge (self, -step, 0);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      rosette_canvas_nudge (self, step, 0);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      rosette_canvas_nudge (self, 0, -step);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      rosette_canvas_nudge (self, 0, step);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
rosette_canvas_dispose (GObject *object)
{
  RosetteCanvas *self = ROSETTE_CANVAS (object);

  rosette_canvas_set_family (self, NULL);
  rosette_canvas_set_tier (self, NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->texture);
  g_clear_handle_id (&self->render_source, g_source_remove);

  G_OBJECT_CLASS (rosette_canvas_parent_class)->dispose (object);
}

static void
rosette_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RosetteCanvas *self = ROSETTE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_TIER:
      g_value_set_object (value, self->tier);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RosetteCanvas *self = ROSETTE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_canvas_set_family (self, g_value_get_object (value));
      break;

    case PROP_TIER:
      rosette_canvas_set_tier (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      rosette_canvas_set_history (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      rosette_canvas_set_selected (self, g_value_get_int (value));
      break;

    case PROP_ZOOM:
      rosette_canvas_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_canvas_class_init (RosetteCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_canvas_dispose;
  object_class->get_property = rosette_canvas_get_property;
  object_class->set_property = rosette_canvas_set_property;

  widget_class->measure = rosette_canvas_measure;
  widget_class->size_allocate = rosette_canvas_size_allocate;
  widget_class->snapshot = rosette_canvas_snapshot;

  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIER] =
    g_param_spec_object ("tier", NULL, NULL,
                         ROSETTE_TYPE_TIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteCanvas:history:
   *
   * Where a drag is grouped into one undo step; may be %NULL.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         ROSETTE_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteCanvas:selected:
   *
   * The selected #RosetteElement, or %ROSETTE_CANVAS_NO_ELEMENT.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL,
                      ROSETTE_CANVAS_NO_ELEMENT, ROSETTE_N_ELEMENTS - 1, ROSETTE_CANVAS_NO_ELEMENT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteCanvas:zoom:
   *
   * The zoom factor; 1 fits the badge in the view.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ROSETTE_CANVAS_MIN_ZOOM, ROSETTE_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteCanvas:texture:
   *
   * The last rendered artwork.
   */
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "badgecanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
rosette_canvas_init (RosetteCanvas *self)
{
  GtkGesture *drag;
  GtkEventController *controller;

  self->selected = ROSETTE_CANVAS_NO_ELEMENT;
  self->zoom = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  rosette_canvas_update_label (self);
}

GtkWidget *
rosette_canvas_new (void)
{
  return g_object_new (ROSETTE_TYPE_CANVAS, NULL);
}

/**
 * rosette_canvas_get_family:
 * @self: a #RosetteCanvas
 *
 * Returns: (transfer none) (nullable): the family
 */
RosetteFamily *
rosette_canvas_get_family (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), NULL);

  return self->family;
}

void
rosette_canvas_set_family (RosetteCanvas *self,
                           RosetteFamily *family)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (self->family == family)
    return;

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);

  g_set_object (&self->family, family);

  if (family != NULL)
    self->family_changed_id =
      g_signal_connect_object (family, "changed", G_CALLBACK (artwork_changed_cb),
                               self, G_CONNECT_SWAPPED);

  rosette_canvas_set_selected (self, ROSETTE_CANVAS_NO_ELEMENT);
  artwork_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * rosette_canvas_get_tier:
 * @self: a #RosetteCanvas
 *
 * Returns: (transfer none) (nullable): the tier shown
 */
RosetteTier *
rosette_canvas_get_tier (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), NULL);

  return self->tier;
}

void
rosette_canvas_set_tier (RosetteCanvas *self,
                         RosetteTier   *tier)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));
  g_return_if_fail (!tier || ROSETTE_IS_TIER (tier));

  if (self->tier == tier)
    return;

  if (self->tier != NULL)
    g_clear_signal_handler (&self->tier_notify_id, self->tier);

  g_set_object (&self->tier, tier);

  if (tier != NULL)
    self->tier_notify_id =
      g_signal_connect_object (tier, "notify", G_CALLBACK (artwork_changed_cb),
                               self, G_CONNECT_SWAPPED);

  artwork_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
}

/**
 * rosette_canvas_get_history:
 * @self: a #RosetteCanvas
 *
 * Returns: (transfer none) (nullable): the history drags are recorded in
 */
RosetteHistory *
rosette_canvas_get_history (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), NULL);

  return self->history;
}

void
rosette_canvas_set_history (RosetteCanvas  *self,
                            RosetteHistory *history)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));
  g_return_if_fail (!history || ROSETTE_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

int
rosette_canvas_get_selected (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), ROSETTE_CANVAS_NO_ELEMENT);

  return self->selected;
}

/**
 * rosette_canvas_set_selected:
 * @self: a #RosetteCanvas
 * @element: a #RosetteElement, or %ROSETTE_CANVAS_NO_ELEMENT
 */
void
rosette_canvas_set_selected (RosetteCanvas *self,
                             int            element)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));
  g_return_if_fail (element >= ROSETTE_CANVAS_NO_ELEMENT && element < ROSETTE_N_ELEMENTS);

  if (self->selected == element)
    return;

  self->selected = element;
  rosette_canvas_update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

double
rosette_canvas_get_zoom (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
rosette_canvas_set_zoom (RosetteCanvas *self,
                         double         zoom)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  zoom = CLAMP (zoom, ROSETTE_CANVAS_MIN_ZOOM, ROSETTE_CANVAS_MAX_ZOOM);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-6))
    return;

  self->zoom = zoom;
  rosette_canvas_queue_render (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
rosette_canvas_zoom_in (RosetteCanvas *self)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  rosette_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
rosette_canvas_zoom_out (RosetteCanvas *self)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  rosette_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
}

/**
 * rosette_canvas_get_texture:
 * @self: a #RosetteCanvas
 *
 * Returns: (transfer none) (nullable): the last rendered artwork
 */
GdkTexture *
rosette_canvas_get_texture (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), NULL);

  return self->texture;
}

/**
 * rosette_canvas_get_render_time:
 * @self: a #RosetteCanvas
 *
 * Returns: how long the last full-size render took, in microseconds
 */
gint64
rosette_canvas_get_render_time (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), 0);

  return self->render_time;
}

/**
 * rosette_canvas_widget_to_badge:
 * @self: a #RosetteCanvas
 * @x: a widget coordinate
 * @y: a widget coordinate
 * @badge_x: (out): the same point in badge units (0..512)
 * @badge_y: (out): the same point in badge units (0..512)
 *
 * Returns: whether the point is on the badge square
 */
gboolean
rosette_canvas_widget_to_badge (RosetteCanvas *self,
                                double         x,
                                double         y,
                                double        *badge_x,
                                double        *badge_y)
{
  double bx, by, side;

  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), FALSE);

  rosette_canvas_get_badge_rect (self, &bx, &by, &side);
  *badge_x = (x - bx) * ROSETTE_CANVAS_UNITS / side;
  *badge_y = (y - by) * ROSETTE_CANVAS_UNITS / side;

  return *badge_x >= 0 && *badge_y >= 0 &&
         *badge_x <= ROSETTE_CANVAS_UNITS && *badge_y <= ROSETTE_CANVAS_UNITS;
}

void
rosette_canvas_badge_to_widget (RosetteCanvas *self,
                                double         badge_x,
                                double         badge_y,
                                double        *x,
                                double        *y)
{
  double bx, by, side;

  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  rosette_canvas_get_badge_rect (self, &bx, &by, &side);
  *x = bx + badge_x * side / ROSETTE_CANVAS_UNITS;
  *y = by + badge_y * side / ROSETTE_CANVAS_UNITS;
}

/**
 * rosette_canvas_drag_begin:
 * @self: a #RosetteCanvas
 * @x: where the pointer went down, in widget coordinates
 * @y: where the pointer went down, in widget coordinates
 *
 * What a press does: on a corner handle of the selection it starts a
 * resize; otherwise it selects the element under the pointer (or
 * nothing) and starts moving it. The drag is one undo step.
 *
 * Returns: whether a drag started
 */
gboolean
rosette_canvas_drag_begin (RosetteCanvas *self,
                           double         x,
                           double         y)
{
  double badge_x, badge_y;
  double bx, by, bw, bh;
  gboolean found = FALSE;
  RosetteElement element;

  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), FALSE);

  if (self->family == NULL || self->tier == NULL || self->drag_mode != DRAG_NONE)
    return FALSE;

  if (rosette_canvas_hit_handle (self, x, y))
    {
      self->drag_mode = DRAG_RESIZE;
    }
  else
    {
      rosette_canvas_widget_to_badge (self, x, y, &badge_x, &badge_y);
      element = rosette_design_pick_element (self->family, self->tier, badge_x, badge_y, &found);
      rosette_canvas_set_selected (self, found ? (int) element : ROSETTE_CANVAS_NO_ELEMENT);
      if (!found)
        return FALSE;

      self->drag_mode = DRAG_MOVE;
    }

  self->drag_x = x;
  self->drag_y = y;
  rosette_family_get_placement (self->family, self->selected,
                                &self->start_dx, &self->start_dy, &self->start_scale);

  if (rosette_design_get_element_bounds (self->family, self->tier, self->selected,
                                         &bx, &by, &bw, &bh))
    rosette_canvas_badge_to_widget (self, bx + bw / 2, by + bh / 2,
                                    &self->center_x, &self->center_y);
  else
    rosette_canvas_badge_to_widget (self, 256, 256, &self->center_x, &self->center_y);

  if (self->history != NULL)
    rosette_history_begin_group (self->history);

  return TRUE;
}

/**
 * rosette_canvas_drag_update:
 * @self: a #RosetteCanvas
 * @offset_x: how far the pointer moved since the drag began, in widget pixels
 * @offset_y: how far the pointer moved since the drag began, in widget pixels
 */
void
rosette_canvas_drag_update (RosetteCanvas *self,
                            double         offset_x,
                            double         offset_y)
{
  double x, y, side;

  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  if (self->drag_mode == DRAG_NONE || self->selected < 0)
    return;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);

  if (self->drag_mode == DRAG_MOVE)
    {
      double units = ROSETTE_CANVAS_UNITS / side;

      rosette_family_set_placement (self->family, self->selected,
                                    CLAMP (self->start_dx + offset_x * units,
                                           -ROSETTE_PLACEMENT_MAX_OFFSET,
                                           ROSETTE_PLACEMENT_MAX_OFFSET),
                                    CLAMP (self->start_dy + offset_y * units,
                                           -ROSETTE_PLACEMENT_MAX_OFFSET,
                                           ROSETTE_PLACEMENT_MAX_OFFSET),
                                    self->start_scale);
    }
  else
    {
      /* The scale follows the pointer's distance from the element's
       * centre, so the corner stays under the pointer. */
      double before = hypot (self->drag_x - self->center_x, self->drag_y - self->center_y);
      double after = hypot (self->drag_x + offset_x - self->center_x,
                            self->drag_y + offset_y - self->center_y);
      double scale = before > 1 ? self->start_scale * after / before : self->start_scale;

      rosette_family_set_placement (self->family, self->selected,
                                    self->start_dx, self->start_dy,
                                    CLAMP (scale, ROSETTE_PLACEMENT_MIN_SCALE,
                                           ROSETTE_PLACEMENT_MAX_SCALE));
    }
}

void
rosette_canvas_drag_end (RosetteCanvas *self)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  if (self->drag_mode == DRAG_NONE)
    return;

  self->drag_mode = DRAG_NONE;

  if (self->history != NULL)
    rosette_history_end_group (self->history);

  /* A drag may have drawn at half size: sharpen it now. */
  rosette_canvas_queue_render (self);
}

/**
 * rosette_canvas_nudge:
 * @self: a #RosetteCanvas
 * @dx: how far to move the selected element, in badge units
 * @dy: how far to move the selected element, in badge units
 */
void
rosette_canvas_nudge (RosetteCanvas *self,
                      double         dx,
                      double         dy)
{
  double x, y, scale;

  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  if (self->family == NULL || self->selected < 0)
    return;

  rosette_family_get_placement (self->family, self->selected, &x, &y, &scale);
  rosette_family_set_placement (self->family, self->selected,
                                CLAMP (x + dx, -ROSETTE_PLACEMENT_MAX_OFFSET,
                                       ROSETTE_PLACEMENT_MAX_OFFSET),
                                CLAMP (y + dy, -ROSETTE_PLACEMENT_MAX_OFFSET,
                                       ROSETTE_PLACEMENT_MAX_OFFSET),
                                scale);
}

/**
 * rosette_canvas_cycle:
 * @self: a #RosetteCanvas
 * @forward: %TRUE for the next element, %FALSE for the previous one
 *
 * Selects the next (or previous) element the tier has. Past the last
 * one it selects nothing and returns %FALSE, so Tab moves the focus on
 * and the canvas never traps the keyboard.
 *
 * Returns: whether an element is selected now
 */
gboolean
rosette_canvas_cycle (RosetteCanvas *self,
                      gboolean       forward)
{
  int element;
  double x, y, w, h;

  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), FALSE);

  if (self->family == NULL || self->tier == NULL)
    return FALSE;

  element = self->selected;
  if (element < 0)
    element = forward ? -1 : ROSETTE_N_ELEMENTS;

  for (element += forward ? 1 : -1;
       element >= 0 && element < ROSETTE_N_ELEMENTS;
       element += forward ? 1 : -1)
    {
      if (rosette_design_get_element_bounds (self->family, self->tier, element, &x, &y, &w, &h) &&
          w > 0 && h > 0)
        {
          rosette_canvas_set_selected (self, element);
          return TRUE;
        }
    }

  rosette_canvas_set_selected (self, ROSETTE_CANVAS_NO_ELEMENT);

  return FALSE;
}
