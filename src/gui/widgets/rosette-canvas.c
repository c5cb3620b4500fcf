/* rosette-canvas.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rosette-badge-renderer.h"
#include "rosette-canvas.h"
#include "rosette-gui-utils.h"

/* The large view of one tier on the Design page, where the designer
 * selects, moves and resizes the badge's elements. The artwork is rendered
 * by the core at the pixel size it covers; the GUI only draws the
 * selection box and its handles over it. Geometry questions (what is under
 * the pointer, where an element is) are asked of the core in the badge's
 * 512-unit space.
 *
 * Zoomed in past "fit", the badge is larger than the view: the canvas is
 * a GtkScrollable, so a GtkScrolledWindow around it gives scrollbars and
 * touchpad panning, like GNOME's image viewers. Ctrl+scroll and pinch zoom
 * around the pointer; a middle-button drag, or a drag with Space held,
 * pans. */

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
  DRAG_PAN,
} DragMode;

struct _RosetteCanvas
{
  GtkWidget             parent_instance;

  RosetteBadgeRenderer *renderer;
  RosetteHistory       *history;
  GtkAdjustment        *hadjustment;
  GtkAdjustment        *vadjustment;

  int                   selected;
  double                zoom;
  /* How long the last full-size render took */
  gint64                render_time;

  /* Where the pointer is, for Ctrl+scroll */
  double                pointer_x;
  double                pointer_y;

  /* The drag in progress */
  DragMode              drag_mode;
  double                drag_x;
  double                drag_y;
  double                start_dx;
  double                start_dy;
  double                start_scale;
  double                center_x;
  double                center_y;
  double                pinch_zoom;

  guint                 hscroll_policy : 1;
  guint                 vscroll_policy : 1;
  guint                 space_held : 1;
};

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_TIER,
  PROP_HISTORY,
  PROP_SELECTED,
  PROP_ZOOM,
  PROP_TEXTURE,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (RosetteCanvas, rosette_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* The side of the badge at the current zoom, and the size of everything
 * that can be scrolled to: the badge with a margin, at least the view. */
static void
rosette_canvas_get_content_size (RosetteCanvas *self,
                                 double        *side,
                                 double        *content_width,
                                 double        *content_height)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double fit = MAX (1.0, MIN (width, height) - 2 * MARGIN);

  *side = fit * self->zoom;
  *content_width = MAX (width, *side + 2 * MARGIN);
  *content_height = MAX (height, *side + 2 * MARGIN);
}

static double
adjustment_get_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

/* Where the badge square is in widget coordinates: centred while it
 * fits, scrolled by the adjustments when it does not. */
static void
rosette_canvas_get_badge_rect (RosetteCanvas *self,
                               double        *x,
                               double        *y,
                               double        *side)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_width, content_height, h, v;

  rosette_canvas_get_content_size (self, side, &content_width, &content_height);
  h = CLAMP (adjustment_get_value (self->hadjustment), 0, content_width - width);
  v = CLAMP (adjustment_get_value (self->vadjustment), 0, content_height - height);

  *x = round ((content_width - *side) / 2 - h);
  *y = round ((content_height - *side) / 2 - v);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         content,
                      double         page)
{
  if (adjustment == NULL)
    return;

  gtk_adjustment_configure (adjustment,
                            CLAMP (value, 0, MAX (0, content - page)),
                            0, content,
                            page * 0.1, page * 0.9, page);
}

/* Sets the scroll position (clamped) for the current zoom and size. */
static void
rosette_canvas_scroll_to (RosetteCanvas *self,
                          double         h,
                          double         v)
{
  double side, content_width, content_height;

  rosette_canvas_get_content_size (self, &side, &content_width, &content_height);
  configure_adjustment (self->hadjustment, h, content_width,
                        gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, v, content_height,
                        gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The artwork is rendered at the pixels it covers; while a drag goes on
 * on a slow machine, at half of that, sharpened on release. */
static void
rosette_canvas_update_render_size (RosetteCanvas *self)
{
  double x, y, side;
  guint size;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);
  size = (guint) (side * gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE) &&
      self->render_time > SMOOTH_RENDER_USEC)
    size /= 2;

  rosette_badge_renderer_set_size (self->renderer, MAX (size, 1));
}

static gboolean
rosette_canvas_get_selection_rect (RosetteCanvas   *self,
                                   graphene_rect_t *rect)
{
  double bx, by, bw, bh;
  double x0, y0, x1, y1;

  RosetteFamily *family = rosette_badge_renderer_get_family (self->renderer);
  RosetteTier *tier = rosette_badge_renderer_get_tier (self->renderer);

  if (self->selected < 0 || family == NULL || tier == NULL)
    return FALSE;

  if (!rosette_design_get_element_bounds (family, tier, self->selected, &bx, &by, &bw, &bh))
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
  RosetteTier *tier_object = rosette_badge_renderer_get_tier (self->renderer);
  const char *tier = tier_object ? rosette_tier_get_name (tier_object) : "";

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
                                    "drag a corner to resize it, "
                                    "scroll or drag with the middle button to pan"),
                                  -1);
}

static void
texture_changed_cb (RosetteCanvas *self)
{
  /* Half-size frames during a drag do not count: they are the fallback. */
  if (self->drag_mode == DRAG_NONE)
    self->render_time = rosette_badge_renderer_get_render_time (self->renderer);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
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
  GdkTexture *texture = rosette_badge_renderer_get_texture (self->renderer);
  double x, y, side;

  if (texture == NULL)
    return;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                         gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, side, side));
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

  /* Keeps the scroll position; clamped to the new size. */
  rosette_canvas_scroll_to (self,
                            adjustment_get_value (self->hadjustment),
                            adjustment_get_value (self->vadjustment));
  rosette_canvas_update_render_size (self);
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

static void
pan_begin_cb (RosetteCanvas  *self,
              double          x,
              double          y,
              GtkGestureDrag *gesture)
{
  if (!rosette_canvas_pan_begin (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
motion_cb (RosetteCanvas            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const char *cursor = NULL;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode == DRAG_PAN)
    cursor = "grabbing";
  else if (self->space_held)
    cursor = "grab";
  else if (self->drag_mode == DRAG_NONE && rosette_canvas_hit_handle (self, x, y))
    cursor = "nwse-resize";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
scroll_cb (RosetteCanvas            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  GdkEvent *event;

  /* Plain scrolling pans: the scrolled window around the canvas does it. */
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  /* A touchpad scrolls in pixels, a wheel in clicks of one. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL && gdk_scroll_event_get_unit (event) == GDK_SCROLL_UNIT_SURFACE)
    dy /= 10;

  rosette_canvas_zoom_at (self, self->zoom * pow (ZOOM_STEP, -CLAMP (dy, -1, 1)),
                          self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
pinch_begin_cb (RosetteCanvas  *self,
                GdkEventSequence *sequence,
                GtkGesture     *gesture)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (RosetteCanvas  *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  rosette_canvas_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static void
key_released_cb (RosetteCanvas         *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      motion_cb (self, self->pointer_x, self->pointer_y, NULL);
    }
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
    case GDK_KEY_space:
      /* Held, it turns a drag into panning, as in image editors. */
      self->space_held = TRUE;
      motion_cb (self, self->pointer_x, self->pointer_y, NULL);
      return TRUE;

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
adjustment_value_changed_cb (RosetteCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rosette_canvas_set_adjustment (RosetteCanvas  *self,
                               GtkAdjustment **slot,
                               GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);

  g_set_object (slot, adjustment);

  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed",
                              G_CALLBACK (adjustment_value_changed_cb), self);

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    rosette_canvas_scroll_to (self,
                              adjustment_get_value (self->hadjustment),
                              adjustment_get_value (self->vadjustment));

  g_object_notify (G_OBJECT (self), slot == &self->hadjustment ? "hadjustment" : "vadjustment");
}

static void
rosette_canvas_dispose (GObject *object)
{
  RosetteCanvas *self = ROSETTE_CANVAS (object);

  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  g_clear_object (&self->renderer);
  g_clear_object (&self->history);
  rosette_canvas_set_adjustment (self, &self->hadjustment, NULL);
  rosette_canvas_set_adjustment (self, &self->vadjustment, NULL);

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
      g_value_set_object (value, rosette_canvas_get_family (self));
      break;

    case PROP_TIER:
      g_value_set_object (value, rosette_canvas_get_tier (self));
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
      g_value_set_object (value, rosette_canvas_get_texture (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
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

    case PROP_HADJUSTMENT:
      rosette_canvas_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      rosette_canvas_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
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

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "badgecanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
rosette_canvas_init (RosetteCanvas *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  self->selected = ROSETTE_CANVAS_NO_ELEMENT;
  self->zoom = 1.0;

  self->renderer = rosette_badge_renderer_new (FALSE);
  g_signal_connect_object (self->renderer, "artwork-changed",
                           G_CALLBACK (rosette_canvas_update_label),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->renderer, "notify::texture",
                           G_CALLBACK (texture_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* The middle button always pans. */
  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (key_released_cb), self);
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

  return rosette_badge_renderer_get_family (self->renderer);
}

void
rosette_canvas_set_family (RosetteCanvas *self,
                           RosetteFamily *family)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (!rosette_badge_renderer_set_family (self->renderer, family))
    return;

  rosette_canvas_set_selected (self, ROSETTE_CANVAS_NO_ELEMENT);
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

  return rosette_badge_renderer_get_tier (self->renderer);
}

void
rosette_canvas_set_tier (RosetteCanvas *self,
                         RosetteTier   *tier)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));
  g_return_if_fail (!tier || ROSETTE_IS_TIER (tier));

  if (rosette_badge_renderer_set_tier (self->renderer, tier))
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

/**
 * rosette_canvas_set_zoom:
 * @self: a #RosetteCanvas
 * @zoom: the zoom factor; 1 fits the badge in the view
 *
 * Zooms around the middle of the view, as the zoom buttons do.
 */
void
rosette_canvas_set_zoom (RosetteCanvas *self,
                         double         zoom)
{
  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  rosette_canvas_zoom_at (self, zoom,
                          gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                          gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * rosette_canvas_zoom_at:
 * @self: a #RosetteCanvas
 * @zoom: the zoom factor; 1 fits the badge in the view
 * @x: a point in widget coordinates
 * @y: a point in widget coordinates
 *
 * Zooms so that the part of the badge under (@x, @y) stays there, as far
 * as the scrollable area allows: Ctrl+scroll zooms around the pointer.
 */
void
rosette_canvas_zoom_at (RosetteCanvas *self,
                        double         zoom,
                        double         x,
                        double         y)
{
  double badge_x, badge_y, side, content_width, content_height;

  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  zoom = CLAMP (zoom, ROSETTE_CANVAS_MIN_ZOOM, ROSETTE_CANVAS_MAX_ZOOM);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-6))
    return;

  rosette_canvas_widget_to_badge (self, x, y, &badge_x, &badge_y);
  self->zoom = zoom;

  rosette_canvas_get_content_size (self, &side, &content_width, &content_height);
  rosette_canvas_scroll_to (self,
                            (content_width - side) / 2 - x + badge_x * side / ROSETTE_CANVAS_UNITS,
                            (content_height - side) / 2 - y + badge_y * side / ROSETTE_CANVAS_UNITS);
  rosette_canvas_update_render_size (self);
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

  return rosette_badge_renderer_get_texture (self->renderer);
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
  RosetteFamily *family;
  RosetteTier *tier;
  double badge_x, badge_y;
  double bx, by, bw, bh;
  gboolean found = FALSE;
  RosetteElement element;

  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), FALSE);

  family = rosette_canvas_get_family (self);
  tier = rosette_canvas_get_tier (self);

  if (family == NULL || tier == NULL || self->drag_mode != DRAG_NONE)
    return FALSE;

  if (self->space_held)
    return rosette_canvas_pan_begin (self);

  if (rosette_canvas_hit_handle (self, x, y))
    {
      self->drag_mode = DRAG_RESIZE;
    }
  else
    {
      rosette_canvas_widget_to_badge (self, x, y, &badge_x, &badge_y);
      element = rosette_design_pick_element (family, tier, badge_x, badge_y, &found);
      rosette_canvas_set_selected (self, found ? (int) element : ROSETTE_CANVAS_NO_ELEMENT);
      if (!found)
        return FALSE;

      self->drag_mode = DRAG_MOVE;
    }

  self->drag_x = x;
  self->drag_y = y;
  rosette_family_get_placement (family, self->selected,
                                &self->start_dx, &self->start_dy, &self->start_scale);

  if (rosette_design_get_element_bounds (family, tier, self->selected,
                                         &bx, &by, &bw, &bh))
    rosette_canvas_badge_to_widget (self, bx + bw / 2, by + bh / 2,
                                    &self->center_x, &self->center_y);
  else
    rosette_canvas_badge_to_widget (self, 256, 256, &self->center_x, &self->center_y);

  if (self->history != NULL)
    rosette_history_begin_group (self->history);

  rosette_canvas_update_render_size (self);

  return TRUE;
}

/**
 * rosette_canvas_pan_begin:
 * @self: a #RosetteCanvas
 *
 * Starts panning: rosette_canvas_drag_update() then scrolls the view
 * with the pointer, and rosette_canvas_drag_end() stops. The middle
 * button, or the primary one with Space held, does this.
 *
 * Returns: whether panning started
 */
gboolean
rosette_canvas_pan_begin (RosetteCanvas *self)
{
  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), FALSE);

  if (self->drag_mode != DRAG_NONE)
    return FALSE;

  self->drag_mode = DRAG_PAN;
  self->drag_x = adjustment_get_value (self->hadjustment);
  self->drag_y = adjustment_get_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

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
  RosetteFamily *family;
  double x, y, side;

  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  family = rosette_canvas_get_family (self);

  if (self->drag_mode == DRAG_PAN)
    {
      /* The badge follows the pointer. */
      rosette_canvas_scroll_to (self, self->drag_x - offset_x, self->drag_y - offset_y);
      return;
    }

  if (self->drag_mode == DRAG_NONE || self->selected < 0 || family == NULL)
    return;

  rosette_canvas_get_badge_rect (self, &x, &y, &side);

  if (self->drag_mode == DRAG_MOVE)
    {
      double units = ROSETTE_CANVAS_UNITS / side;

      rosette_family_set_placement (family, self->selected,
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

      rosette_family_set_placement (family, self->selected,
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

  if (self->drag_mode == DRAG_PAN)
    {
      self->drag_mode = DRAG_NONE;
      motion_cb (self, self->pointer_x, self->pointer_y, NULL);
      return;
    }

  self->drag_mode = DRAG_NONE;

  if (self->history != NULL)
    rosette_history_end_group (self->history);

  /* A drag may have drawn at half size: sharpen it now. */
  rosette_canvas_update_render_size (self);
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
  RosetteFamily *family;
  double x, y, scale;

  g_return_if_fail (ROSETTE_IS_CANVAS (self));

  family = rosette_canvas_get_family (self);
  if (family == NULL || self->selected < 0)
    return;

  rosette_family_get_placement (family, self->selected, &x, &y, &scale);
  rosette_family_set_placement (family, self->selected,
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
  RosetteFamily *family;
  RosetteTier *tier;
  int element;
  double x, y, w, h;

  g_return_val_if_fail (ROSETTE_IS_CANVAS (self), FALSE);

  family = rosette_canvas_get_family (self);
  tier = rosette_canvas_get_tier (self);
  if (family == NULL || tier == NULL)
    return FALSE;

  element = self->selected;
  if (element < 0)
    element = forward ? -1 : ROSETTE_N_ELEMENTS;

  for (element += forward ? 1 : -1;
       element >= 0 && element < ROSETTE_N_ELEMENTS;
       element += forward ? 1 : -1)
    {
      if (rosette_design_get_element_bounds (family, tier, element, &x, &y, &w, &h) &&
          w > 0 && h > 0)
        {
          rosette_canvas_set_selected (self, element);
          return TRUE;
        }
    }

  rosette_canvas_set_selected (self, ROSETTE_CANVAS_NO_ELEMENT);

  return FALSE;
}
