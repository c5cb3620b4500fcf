/* rosette-pathways-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Pathways page: the pathways on the left; on the right the chosen
 * one's goal and requirements, a table of who completed it, who qualifies,
 * who is one step away and what they lack, and a button that issues the
 * goal badge to everyone who qualifies (through the batch path, off the
 * main thread).
 *
 * Progress is worked out in a worker thread, on a connection of its own
 * to the registry file (a large registry takes a while, and the page must
 * not freeze); choosing another pathway, or leaving the page, cancels it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-pathways-page-private.h"
#include "rosette-progress-item.h"
#include "rosette-registry-page.h"

G_DEFINE_FINAL_TYPE (RosettePathwaysPage, rosette_pathways_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_FAMILY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_rosette_pathways_page_show_message (RosettePathwaysPage *self,
                                     const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  /* The newest outcome replaces an older one at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

RosettePathway *
_rosette_pathways_page_selected_pathway (RosettePathwaysPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->pathway_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->pathways == NULL || index < 0 || (guint) index >= self->pathways->len)
    return NULL;
  return g_ptr_array_index (self->pathways, index);
}


/* Progress ----------------------------------------------------------------- */

typedef struct
{
  char           *registry_path;
  RosettePathway *pathway;
} EvaluateData;

static void
evaluate_data_free (EvaluateData *data)
{
  g_free (data->registry_path);
  rosette_pathway_free (data->pathway);
  g_free (data);
}

/* In a worker: its own connection, so the page's registry (the writer the
 * main thread and issuing use) is never shared across threads. */
static void
evaluate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  EvaluateData *data = task_data;
  g_autoptr(RosetteRegistry) reader = NULL;
  GPtrArray *rows;
  GError *error = NULL;

  reader = rosette_registry_open (data->registry_path, cancellable, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  rows = rosette_pathway_evaluate (data->pathway, reader, NULL, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_evaluating (RosettePathwaysPage *self,
                gboolean             evaluating)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_spinner), evaluating);
  gtk_spinner_set_spinning (self->progress_spinner, evaluating);
  if (evaluating)
    gtk_label_set_label (self->summary_label, _("Working out progress…"));
}

static void
cancel_evaluation (RosettePathwaysPage *self)
{
  if (self->evaluate_cancellable == NULL)
    return;
  g_cancellable_cancel (self->evaluate_cancellable);
  g_clear_object (&self->evaluate_cancellable);
  set_evaluating (self, FALSE);
}

static void
evaluate_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RosettePathwaysPage) self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint counts[ROSETTE_PATHWAY_STATE_IN_PROGRESS + 1] = { 0, };

  /* A cancelled evaluation was replaced or abandoned: nothing to show. */
  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (rows == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->evaluate_cancellable);
  set_evaluating (self, FALSE);
  if (rows == NULL)
    {
      _rosette_pathways_page_show_message (self, error->message);
      rows = g_ptr_array_new ();
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RosettePathwayProgress *row = g_ptr_array_index (rows, i);
      g_autoptr(RosetteProgressItem) item = NULL;

      counts[row->state]++;
      item = rosette_progress_item_new (rosette_pathway_progress_copy (row));
      g_list_store_append (self->progress, item);
    }

  /* Translators: the counts of the progress table. */
  summary = g_strdup_printf (_("%u completed · %u qualify · %u one step away · %u in progress"),
                             counts[0], counts[1], counts[2], counts[3]);
  gtk_label_set_label (self->summary_label, summary);
}

static void
evaluate_async (RosettePathwaysPage *self,
                RosettePathway      *pathway)
{
  g_autoptr(GTask) task = NULL;
  EvaluateData *data = g_new0 (EvaluateData, 1);

  cancel_evaluation (self);
  self->evaluate_cancellable = g_cancellable_new ();
  data->registry_path = g_strdup (rosette_registry_get_path (self->registry));
  data->pathway = rosette_pathway_copy (pathway);

  task = g_task_new (NULL, self->evaluate_cancellable, evaluate_cb, g_object_ref (self));
  g_task_set_source_tag (task, evaluate_async);
  g_task_set_task_data (task, data, (GDestroyNotify) evaluate_data_free);
  set_evaluating (self, TRUE);
  g_task_run_in_thread (task, evaluate_thread);
}

/* Shows @pathway's goal and rule at once, and its progress table when the
 * worker has worked it out. */
void
_rosette_pathways_page_show_pathway (RosettePathwaysPage *self,
                                     RosettePathway      *pathway)
{
  g_autofree char *requirements = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *text = NULL;

  cancel_evaluation (self);
  g_list_store_remove_all (self->progress);
  if (pathway == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  rule = rosette_pathway_dup_rule_text (pathway);
  requirements = rosette_pathway_dup_requirements_text (pathway, "; ");
  /* Translators: the goal badge, "Data Privacy — Expert". */
  goal = g_strdup_printf (_("Goal: %s — %s"), pathway->goal_family_name, pathway->goal_tier_name);
  /* Translators: the rule ("all of 3, still valid") and the required badges. */
  text = g_strdup_printf (_("Requires %s: %s"), rule, requirements);
  gtk_label_set_label (self->title_label, pathway->name);
  gtk_label_set_label (self->goal_label, goal);
  gtk_label_set_label (self->requirements_label, text);
  gtk_stack_set_visible_child_name (self->main_stack, "pathway");
  evaluate_async (self, pathway);
}

static void
pathway_selected_cb (RosettePathwaysPage *self,
                     GtkListBoxRow       *row)
{
  if (self->registry != NULL)
    _rosette_pathways_page_show_pathway (self, _rosette_pathways_page_selected_pathway (self));
  _rosette_pathways_page_update_actions (self);
}

/* Folded (narrow window): the list and the pathway are two screens. */
static void
pathway_activated_cb (RosettePathwaysPage *self,
                      GtkListBoxRow       *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (RosettePathwaysPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
make_pathway_row (RosettePathway *pathway)
{
  g_autofree char *rule = rosette_pathway_dup_rule_text (pathway);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (pathway->name);
  GtkWidget *detail = gtk_label_new (rule);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

/**
 * rosette_pathways_page_reload:
 *
 * Reads the pathways again and re-evaluates the chosen one.
 */
void
rosette_pathways_page_reload (RosettePathwaysPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = NULL;
  GPtrArray *pathways;
  GtkWidget *child;
  guint select = 0;

  g_return_if_fail (ROSETTE_IS_PATHWAYS_PAGE (self));

  if (self->registry == NULL)
    return;
  if (_rosette_pathways_page_selected_pathway (self) != NULL)
    selected = g_strdup (_rosette_pathways_page_selected_pathway (self)->slug);

  pathways = rosette_pathway_list (self->registry, &error);
  if (pathways == NULL)
    {
      _rosette_pathways_page_show_message (self, error->message);
      return;
    }

  /* Clear the list before the array it indexes. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pathway_list))) != NULL)
    gtk_list_box_remove (self->pathway_list, child);
  g_clear_pointer (&self->pathways, g_ptr_array_unref);
  self->pathways = pathways;

  for (guint i = 0; i < pathways->len; i++)
    {
      RosettePathway *pathway = g_ptr_array_index (pathways, i);

      gtk_list_box_append (self->pathway_list, make_pathway_row (pathway));
      if (g_strcmp0 (pathway->slug, selected) == 0)
        select = i;
    }
  if (pathways->len > 0)
    gtk_list_box_select_row (self->pathway_list,
                             gtk_list_box_get_row_at_index (self->pathway_list, (int) select));
  else
    _rosette_pathways_page_show_pathway (self, NULL);
  _rosette_pathways_page_update_actions (self);
}

/* Opening the registry ----------------------------------------------------- */

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RosettePathwaysPage) self = user_data;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  registry = rosette_registry_page_open_registry_finish (result, &error);
  if (registry == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->opening = FALSE;
  if (registry == NULL)
    {
      _rosette_pathways_page_show_message (self, error->message);
      return;
    }
  rosette_pathways_page_set_registry (self, registry);
}

static void
rosette_pathways_page_map (GtkWidget *widget)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (widget);

  GTK_WIDGET_CLASS (rosette_pathways_page_parent_class)->map (widget);

  if (self->registry == NULL && !self->opening)
    {
      g_autofree char *path = rosette_registry_page_dup_registry_path ();

      self->opening = TRUE;
      rosette_registry_page_open_registry_async (path, self->cancellable, open_cb,
                                                 g_object_ref (self));
    }
  else
    rosette_pathways_page_reload (self);
}

/* Another page shown: nobody is looking at the progress any more. */
static void
rosette_pathways_page_unmap (GtkWidget *widget)
{
  cancel_evaluation (ROSETTE_PATHWAYS_PAGE (widget));

  GTK_WIDGET_CLASS (rosette_pathways_page_parent_class)->unmap (widget);
}

/* GObject ------------------------------------------------------------------ */

GtkWidget *
rosette_pathways_page_new (void)
{
  return g_object_new (ROSETTE_TYPE_PATHWAYS_PAGE, NULL);
}

RosetteRegistry *
rosette_pathways_page_get_registry (RosettePathwaysPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_PATHWAYS_PAGE (self), NULL);

  return self->registry;
}

/**
 * rosette_pathways_page_set_registry:
 * @registry: (nullable): the registry to show
 */
void
rosette_pathways_page_set_registry (RosettePathwaysPage *self,
                                    RosetteRegistry     *registry)
{
  g_return_if_fail (ROSETTE_IS_PATHWAYS_PAGE (self));

  if (!g_set_object (&self->registry, registry))
    return;
  rosette_pathways_page_reload (self);
  _rosette_pathways_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRY]);
}

RosetteFamily *
rosette_pathways_page_get_family (RosettePathwaysPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_PATHWAYS_PAGE (self), NULL);

  return self->family;
}

/**
 * rosette_pathways_page_set_family:
 * @family: (nullable): the family open in Design (its ladder, and the
 *   family to issue its goal badges from)
 */
void
rosette_pathways_page_set_family (RosettePathwaysPage *self,
                                  RosetteFamily       *family)
{
  g_return_if_fail (ROSETTE_IS_PATHWAYS_PAGE (self));

  if (!g_set_object (&self->family, family))
    return;
  _rosette_pathways_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

void
_rosette_pathways_page_set_signer (RosettePathwaysPage *self,
                                   RosetteIssuer       *issuer,
                                   RosetteKey          *key,
                                   RosetteKeyRecord    *record)
{
  g_set_object (&self->signer_issuer, issuer);
  g_set_object (&self->signer_key, key);
  g_set_object (&self->signer_record, record);
}

guint
_rosette_pathways_page_get_n_pathways (RosettePathwaysPage *self)
{
  return self->pathways != NULL ? self->pathways->len : 0;
}

void
_rosette_pathways_page_select (RosettePathwaysPage *self,
                               guint                index)
{
  gtk_list_box_select_row (self->pathway_list,
                           gtk_list_box_get_row_at_index (self->pathway_list, (int) index));
}

GListModel *
_rosette_pathways_page_get_progress (RosettePathwaysPage *self)
{
  return G_LIST_MODEL (self->progress);
}

const char *
_rosette_pathways_page_get_summary (RosettePathwaysPage *self)
{
  return gtk_label_get_label (self->summary_label);
}

gboolean
_rosette_pathways_page_get_busy (RosettePathwaysPage *self)
{
  return self->busy || self->opening || self->evaluate_cancellable != NULL;
}

const char *
_rosette_pathways_page_get_last_message (RosettePathwaysPage *self)
{
  return self->last_message;
}

GtkWidget *
_rosette_pathways_page_get_dialog (RosettePathwaysPage *self)
{
  return self->dialog;
}

static void
rosette_pathways_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_pathways_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_pathways_page_set_family (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_pathways_page_dispose (GObject *object)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->evaluate_cancellable != NULL)
    g_cancellable_cancel (self->evaluate_cancellable);
  g_clear_object (&self->evaluate_cancellable);
  g_clear_object (&self->registry);
  g_clear_object (&self->family);
  g_clear_object (&self->progress);
  g_clear_object (&self->signer_issuer);
  g_clear_object (&self->signer_key);
  g_clear_object (&self->signer_record);

  G_OBJECT_CLASS (rosette_pathways_page_parent_class)->dispose (object);
}

static void
rosette_pathways_page_finalize (GObject *object)
{
  RosettePathwaysPage *self = ROSETTE_PATHWAYS_PAGE (object);

  g_clear_pointer (&self->pathways, g_ptr_array_unref);
  g_free (self->last_message);

  G_OBJECT_CLASS (rosette_pathways_page_parent_class)->finalize (object);
}

static void
rosette_pathways_page_class_init (RosettePathwaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_pathways_page_dispose;
  object_class->finalize = rosette_pathways_page_finalize;
  object_class->get_property = rosette_pathways_page_get_property;
  object_class->set_property = rosette_pathways_page_set_property;

  widget_class->map = rosette_pathways_page_map;
  widget_class->unmap = rosette_pathways_page_unmap;

  /**
   * RosettePathwaysPage:registry:
   *
   * The registry shown, once it is open.
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, ROSETTE_TYPE_REGISTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosettePathwaysPage:family:
   *
   * The family open in Design.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL, ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _rosette_pathways_page_class_actions_init (widget_class);


  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/pathways/rosette-pathways-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, pathway_list);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, requirements_label);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, RosettePathwaysPage, progress_view);
  gtk_widget_class_bind_template_callback (widget_class, pathway_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, pathway_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
rosette_pathways_page_init (RosettePathwaysPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->progress = g_list_store_new (ROSETTE_TYPE_PROGRESS_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->progress)));
  gtk_column_view_set_model (self->progress_view, GTK_SELECTION_MODEL (selection));
  rosette_progress_item_add_columns (self->progress_view);
  _rosette_pathways_page_update_actions (self);
}
