/* rosette-progress-item.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One person's progress on a pathway, as an item of the progress table,
 * and the columns of that table. */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-progress-item.h"

struct _RosetteProgressItem
{
  GObject                 parent_instance;

  RosettePathwayProgress *progress;
};

G_DEFINE_FINAL_TYPE (RosetteProgressItem, rosette_progress_item, G_TYPE_OBJECT)

/**
 * rosette_progress_item_new:
 * @progress: (transfer full): the row
 *
 * Returns: (transfer full): the item
 */
RosetteProgressItem *
rosette_progress_item_new (RosettePathwayProgress *progress)
{
  RosetteProgressItem *self = g_object_new (ROSETTE_TYPE_PROGRESS_ITEM, NULL);

  self->progress = progress;
  return self;
}

const RosettePathwayProgress *
rosette_progress_item_get_progress (RosetteProgressItem *self)
{
  g_return_val_if_fail (ROSETTE_IS_PROGRESS_ITEM (self), NULL);

  return self->progress;
}

/* "Ana Lima <ana@acme.example>", or the address alone. */
char *
rosette_progress_item_dup_person (RosetteProgressItem *self)
{
  const RosettePathwayProgress *p = self->progress;

  if (p->name == NULL || g_strcmp0 (p->name, p->email) == 0)
    return g_strdup (p->email);
  return g_strdup_printf ("%s <%s>", p->name, p->email);
}

char *
rosette_progress_item_dup_met (RosetteProgressItem *self)
{
  /* Translators: requirements met out of needed, "2 of 3". */
  return g_strdup_printf (_("%u of %u"), MIN (self->progress->n_met, self->progress->n_needed),
                          self->progress->n_needed);
}

char *
rosette_progress_item_dup_lacking (RosetteProgressItem *self)
{
  if (self->progress->state == ROSETTE_PATHWAY_STATE_COMPLETED ||
      self->progress->state == ROSETTE_PATHWAY_STATE_QUALIFIED)
    return g_strdup ("—");
  return g_strjoinv ("; ", self->progress->lacking);
}

static void
rosette_progress_item_finalize (GObject *object)
{
  RosetteProgressItem *self = ROSETTE_PROGRESS_ITEM (object);

  g_clear_pointer (&self->progress, rosette_pathway_progress_free);

  G_OBJECT_CLASS (rosette_progress_item_parent_class)->finalize (object);
}

static void
rosette_progress_item_class_init (RosetteProgressItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_progress_item_finalize;
}

static void
rosette_progress_item_init (RosetteProgressItem *self)
{
}

/* The progress table's columns ---------------------------------------------- */

enum {
  COLUMN_PERSON,
  COLUMN_STATE,
  COLUMN_MET,
  COLUMN_LACKING,
};

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  RosetteProgressItem *progress = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_PERSON:
      text = rosette_progress_item_dup_person (progress);
      break;
    case COLUMN_STATE:
      text = g_strdup (rosette_pathway_state_get_label (
                         rosette_progress_item_get_progress (progress)->state));
      break;
    case COLUMN_MET:
      text = rosette_progress_item_dup_met (progress);
      break;
    case COLUMN_LACKING:
    default:
      text = rosette_progress_item_dup_lacking (progress);
      break;
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            int            column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (view, view_column);
  g_object_unref (view_column);
}

/**
 * rosette_progress_item_add_columns:
 * @view: a column view over #RosetteProgressItem items
 *
 * Adds the columns of a progress table: person, state, requirements met,
 * and what they lack.
 */
void
rosette_progress_item_add_columns (GtkColumnView *view)
{
  add_column (view, _("Person"), COLUMN_PERSON, FALSE);
  add_column (view, _("State"), COLUMN_STATE, FALSE);
  add_column (view, _("Met"), COLUMN_MET, FALSE);
  add_column (view, _("What they lack"), COLUMN_LACKING, TRUE);
}
