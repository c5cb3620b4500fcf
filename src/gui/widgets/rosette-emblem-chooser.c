/* rosette-emblem-chooser.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rosette-emblem-chooser.h"
#include "rosette-gui-utils.h"

/* The built-in emblems as a searchable grid, one group per badge kind.
 * Each preview is the family's own first tier with that emblem, rendered
 * by the core, so the choice looks as it will on the badge. Previews are
 * rendered a few at a time from an idle so the inspector opens at once. */

#define PREVIEW_SIZE 48
#define PREVIEWS_PER_IDLE 4

struct _RosetteEmblemChooser
{
  GtkWidget      parent_instance;

  RosetteFamily *family;
  RosetteFamily *preview_family;
  gulong         family_changed_id;
  guint          preview_source;
  guint          next_preview;
  guint          n_previews;
  guint          syncing : 1;

  GtkWidget     *search_entry;
  GtkWidget     *groups_box;
  /* GtkPicture per emblem, in list order */
  GPtrArray     *pictures;
  /* GtkFlowBox per kind */
  GPtrArray     *flow_boxes;
  char          *filter;
};

enum {
  PROP_0,
  PROP_FAMILY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RosetteEmblemChooser, rosette_emblem_chooser, GTK_TYPE_WIDGET)

static char *
emblem_dup_display_name (const char *emblem)
{
  g_autofree char *name = g_strdelimit (g_strdup (emblem), "-_", ' ');

  if (name[0] != '\0')
    name[0] = g_ascii_toupper (name[0]);

  return g_steal_pointer (&name);
}

static char *
kind_dup_display_name (const char *kind)
{
  RosetteBadgeKind badge_kind;

  if (kind != NULL && rosette_badge_kind_from_string (kind, &badge_kind))
    return g_strdup (rosette_badge_kind_get_display_name (badge_kind));

  if (kind == NULL || kind[0] == '\0')
    return g_strdup (_("General"));

  return emblem_dup_display_name (kind);
}

static gboolean
render_previews_cb (gpointer user_data)
{
  RosetteEmblemChooser *self = ROSETTE_EMBLEM_CHOOSER (user_data);
  RosetteTier *tier;

  if (self->preview_family == NULL)
    goto done;

  tier = rosette_family_get_tier (self->preview_family, 0);

  for (guint n = 0; n < PREVIEWS_PER_IDLE && self->next_preview < self->pictures->len; n++)
    {
      GtkPicture *picture = g_ptr_array_index (self->pictures, self->next_preview++);
      const char *emblem = g_object_get_data (G_OBJECT (picture), "emblem");
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;
      guint size = PREVIEW_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self));

      rosette_family_set_emblem (self->preview_family, emblem);
      texture = rosette_gui_render_texture (self->preview_family, tier,
                                            MAX (size, ROSETTE_DESIGN_MIN_SIZE), &error);
      if (texture == NULL)
        {
          g_debug ("No preview for emblem %s: %s", emblem, error->message);
          continue;
        }

      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
      self->n_previews++;
    }

  if (self->next_preview < self->pictures->len)
    return G_SOURCE_CONTINUE;

done:
  self->preview_source = 0;
  return G_SOURCE_REMOVE;
}

static void
rosette_emblem_chooser_start_previews (RosetteEmblemChooser *self)
{
  g_autoptr(GBytes) bytes = NULL;

  g_clear_object (&self->preview_family);
  self->next_preview = 0;
  self->n_previews = 0;

  if (self->family == NULL)
    return;

  /* A private copy: the previews must not touch the document. */
  bytes = rosette_family_to_bytes (self->family);
  self->preview_family = rosette_family_new_from_bytes (bytes, NULL);
  if (self->preview_family == NULL || rosette_family_get_n_tiers (self->preview_family) == 0)
    {
      g_clear_object (&self->preview_family);
      return;
    }

  rosette_family_reset_placements (self->preview_family);
  rosette_family_set_title (self->preview_family, "");
  rosette_family_set_show_subtitle (self->preview_family, FALSE);

  if (self->preview_source == 0)
    self->preview_source = g_idle_add (render_previews_cb, self);
}

static void
rosette_emblem_chooser_sync (RosetteEmblemChooser *self)
{
  const char *current = self->family ? rosette_family_get_emblem (self->family) : NULL;

  self->syncing = TRUE;

  for (guint i = 0; i < self->flow_boxes->len; i++)
    gtk_flow_box_unselect_all (g_ptr_array_index (self->flow_boxes, i));

  for (guint i = 0; i < self->pictures->len; i++)
    {
      GtkWidget *picture = g_ptr_array_index (self->pictures, i);
      GtkWidget *child = gtk_widget_get_parent (picture);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (picture), "emblem"), current) == 0)
        gtk_flow_box_select_child (GTK_FLOW_BOX (gtk_widget_get_parent (child)),
                                   GTK_FLOW_BOX_CHILD (child));
    }

  self->syncing = FALSE;
}

static void
child_activated_cb (RosetteEmblemChooser *self,
                    GtkFlowBoxChild      *child,
                    GtkFlowBox           *flow_box)
{
  GtkWidget *picture = gtk_flow_box_child_get_child (child);
  const char *emblem = g_object_get_data (G_OBJECT (picture), "emblem");

  if (self->syncing || self->family == NULL || emblem == NULL)
    return;

  rosette_family_set_emblem (self->family, emblem);
}

static gboolean
filter_func (GtkFlowBoxChild *child,
             gpointer         user_data)
{
  RosetteEmblemChooser *self = ROSETTE_EMBLEM_CHOOSER (user_data);
  GtkWidget *picture = gtk_flow_box_child_get_child (child);
  const char *emblem = g_object_get_data (G_OBJECT (picture), "emblem");
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  if (self->filter == NULL || self->filter[0] == '\0')
    return TRUE;

  name = emblem_dup_display_name (emblem);
  folded = g_utf8_casefold (name, -1);

  return strstr (folded, self->filter) != NULL;
}

static void
search_changed_cb (RosetteEmblemChooser *self,
                   GtkSearchEntry       *entry)
{
  rosette_emblem_chooser_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWidget *
rosette_emblem_chooser_add_group (RosetteEmblemChooser *self,
                                  const char           *kind)
{
  g_autofree char *title = kind_dup_display_name (kind);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *flow_box = gtk_flow_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_SINGLE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), 5);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 3);
  gtk_flow_box_set_activate_on_single_click (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_filter_func (GTK_FLOW_BOX (flow_box), filter_func, self, NULL);
  gtk_widget_add_css_class (flow_box, "emblem-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_signal_connect_swapped (flow_box, "child-activated", G_CALLBACK (child_activated_cb), self);
  gtk_box_append (GTK_BOX (box), flow_box);

  g_object_set_data_full (G_OBJECT (flow_box), "kind", g_strdup (kind ? kind : ""), g_free);
  g_object_set_data (G_OBJECT (flow_box), "group", box);
  g_ptr_array_add (self->flow_boxes, flow_box);
  gtk_box_append (GTK_BOX (self->groups_box), box);

  return flow_box;
}

static GtkWidget *
rosette_emblem_chooser_find_group (RosetteEmblemChooser *self,
                                   const char           *kind)
{
  for (guint i = 0; i < self->flow_boxes->len; i++)
    {
      GtkWidget *flow_box = g_ptr_array_index (self->flow_boxes, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (flow_box), "kind"), kind ? kind : "") == 0)
        return flow_box;
    }

  return rosette_emblem_chooser_add_group (self, kind);
}

static void
rosette_emblem_chooser_populate (RosetteEmblemChooser *self)
{
  const char * const *emblems = rosette_design_list_emblems ();

  for (guint i = 0; emblems != NULL && emblems[i] != NULL; i++)
    {
      GtkWidget *flow_box = rosette_emblem_chooser_find_group (self,
                                                               rosette_design_get_emblem_kind (emblems[i]));
      g_autofree char *name = emblem_dup_display_name (emblems[i]);
      GtkWidget *picture = gtk_picture_new ();

      gtk_widget_set_size_request (picture, PREVIEW_SIZE, PREVIEW_SIZE);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_tooltip_text (picture, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data_full (G_OBJECT (picture), "emblem", g_strdup (emblems[i]), g_free);
      gtk_flow_box_append (GTK_FLOW_BOX (flow_box), picture);
      g_ptr_array_add (self->pictures, picture);
    }
}

static void
rosette_emblem_chooser_dispose (GObject *object)
{
  RosetteEmblemChooser *self = ROSETTE_EMBLEM_CHOOSER (object);
  GtkWidget *child;

  rosette_emblem_chooser_set_family (self, NULL);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->preview_family);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rosette_emblem_chooser_parent_class)->dispose (object);
}

static void
rosette_emblem_chooser_finalize (GObject *object)
{
  RosetteEmblemChooser *self = ROSETTE_EMBLEM_CHOOSER (object);

  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_pointer (&self->flow_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (rosette_emblem_chooser_parent_class)->finalize (object);
}

static void
rosette_emblem_chooser_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RosetteEmblemChooser *self = ROSETTE_EMBLEM_CHOOSER (object);

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
rosette_emblem_chooser_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RosetteEmblemChooser *self = ROSETTE_EMBLEM_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_emblem_chooser_set_family (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_emblem_chooser_class_init (RosetteEmblemChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_emblem_chooser_dispose;
  object_class->finalize = rosette_emblem_chooser_finalize;
  object_class->get_property = rosette_emblem_chooser_get_property;
  object_class->set_property = rosette_emblem_chooser_set_property;

  /**
   * RosetteEmblemChooser:family:
   *
   * The family whose emblem is chosen.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "emblemchooser");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rosette_emblem_chooser_init (RosetteEmblemChooser *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->pictures = g_ptr_array_new ();
  self->flow_boxes = g_ptr_array_new ();

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search emblems"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search emblems"),
                                  -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  gtk_widget_set_parent (self->search_entry, GTK_WIDGET (self));

  self->groups_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->groups_box, GTK_WIDGET (self));

  rosette_emblem_chooser_populate (self);
}

GtkWidget *
rosette_emblem_chooser_new (void)
{
  return g_object_new (ROSETTE_TYPE_EMBLEM_CHOOSER, NULL);
}

/**
 * rosette_emblem_chooser_get_family:
 * @self: a #RosetteEmblemChooser
 *
 * Returns: (transfer none) (nullable): the family
 */
RosetteFamily *
rosette_emblem_chooser_get_family (RosetteEmblemChooser *self)
{
  g_return_val_if_fail (ROSETTE_IS_EMBLEM_CHOOSER (self), NULL);

  return self->family;
}

void
rosette_emblem_chooser_set_family (RosetteEmblemChooser *self,
                                   RosetteFamily        *family)
{
  g_return_if_fail (ROSETTE_IS_EMBLEM_CHOOSER (self));
  g_return_if_fail (!family || ROSETTE_IS_FAMILY (family));

  if (self->family == family)
    return;

  if (self->family != NULL)
    g_clear_signal_handler (&self->family_changed_id, self->family);

  g_set_object (&self->family, family);

  if (family != NULL)
    self->family_changed_id =
      g_signal_connect_object (family, "changed",
                               G_CALLBACK (rosette_emblem_chooser_sync),
                               self, G_CONNECT_SWAPPED);

  rosette_emblem_chooser_start_previews (self);
  rosette_emblem_chooser_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * rosette_emblem_chooser_set_filter:
 * @self: a #RosetteEmblemChooser
 * @text: (nullable): what to search for in emblem names
 *
 * Shows only the emblems whose name contains @text; kinds left without
 * any are hidden.
 */
void
rosette_emblem_chooser_set_filter (RosetteEmblemChooser *self,
                                   const char           *text)
{
  g_return_if_fail (ROSETTE_IS_EMBLEM_CHOOSER (self));

  g_clear_pointer (&self->filter, g_free);
  if (text != NULL && text[0] != '\0')
    self->filter = g_utf8_casefold (text, -1);

  for (guint i = 0; i < self->flow_boxes->len; i++)
    {
      GtkFlowBox *flow_box = g_ptr_array_index (self->flow_boxes, i);
      gboolean any = FALSE;
      GtkFlowBoxChild *child;

      gtk_flow_box_invalidate_filter (flow_box);

      for (guint j = 0; (child = gtk_flow_box_get_child_at_index (flow_box, j)) != NULL; j++)
        any |= filter_func (child, self);

      gtk_widget_set_visible (g_object_get_data (G_OBJECT (flow_box), "group"), any);
    }
}

/**
 * rosette_emblem_chooser_get_n_visible:
 * @self: a #RosetteEmblemChooser
 *
 * Returns: how many emblems the filter lets through
 */
guint
rosette_emblem_chooser_get_n_visible (RosetteEmblemChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (ROSETTE_IS_EMBLEM_CHOOSER (self), 0);

  for (guint i = 0; i < self->pictures->len; i++)
    if (filter_func (GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (g_ptr_array_index (self->pictures, i))),
                     self))
      n++;

  return n;
}

/**
 * rosette_emblem_chooser_get_n_previews:
 * @self: a #RosetteEmblemChooser
 *
 * Returns: how many emblem previews are rendered so far
 */
guint
rosette_emblem_chooser_get_n_previews (RosetteEmblemChooser *self)
{
  g_return_val_if_fail (ROSETTE_IS_EMBLEM_CHOOSER (self), 0);

  return self->n_previews;
}
