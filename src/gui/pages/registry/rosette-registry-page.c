/* rosette-registry-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Registry page: every badge issued, in a GtkColumnView over a
 * RosetteIssuedListModel that reads the registry a page of rows at a
 * time, so 100,000 rows scroll like 100. Searching, the filter
 * drop-downs and clicking a column header all become the model's query
 * (the header's order is read back from the view's sorter and passed to
 * SQL as ORDER BY: nothing is sorted in memory). Row actions (open,
 * resend, revoke, re-issue) act on the selected row, from the action bar
 * or the context menu. The Reports tab is in
 * rosette-registry-page-reports.c.
 *
 * The registry is opened in a worker thread the first time the page is
 * shown; while nothing was ever issued, the page says so and offers the
 * Issue page.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-issued-row.h"
#include "rosette-registry-page-private.h"

G_DEFINE_FINAL_TYPE (RosetteRegistryPage, rosette_registry_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_RECIPIENT,
  COLUMN_EMAIL,
  COLUMN_ACHIEVEMENT,
  COLUMN_TIER,
  COLUMN_ISSUED,
  COLUMN_EXPIRES,
  COLUMN_STATUS,
  COLUMN_DELIVERY,
  COLUMN_DEPARTMENT,
} ColumnId;

typedef struct
{
  const char *id;
  const char *title;
  /* The query's order for this column, or -1 when it cannot sort */
  int         sort;
  gboolean    expand;
  /* Columns keep this width when the window is narrow (the list then
   * scrolls sideways) and the expanding ones share what is left over. */
  int         fixed_width;
} ColumnInfo;

static const ColumnInfo column_info[] = {
  [COLUMN_RECIPIENT] = { "recipient", N_("Recipient"), ROSETTE_ISSUED_SORT_NAME, TRUE, 150 },
  [COLUMN_EMAIL] = { "email", N_("Email"), ROSETTE_ISSUED_SORT_EMAIL, TRUE, 190 },
  [COLUMN_ACHIEVEMENT] = { "achievement", N_("Achievement"), ROSETTE_ISSUED_SORT_ACHIEVEMENT, TRUE, 140 },
  [COLUMN_TIER] = { "tier", N_("Tier"), -1, FALSE, 100 },
  [COLUMN_ISSUED] = { "issued", N_("Issued"), ROSETTE_ISSUED_SORT_ISSUED_AT, FALSE, 110 },
  [COLUMN_EXPIRES] = { "expires", N_("Expires"), ROSETTE_ISSUED_SORT_VALID_UNTIL, FALSE, 110 },
  [COLUMN_STATUS] = { "status", N_("Status"), -1, FALSE, 90 },
  [COLUMN_DELIVERY] = { "delivery", N_("Delivery"), -1, FALSE, 150 },
  [COLUMN_DEPARTMENT] = { "department", N_("Department"), ROSETTE_ISSUED_SORT_DEPARTMENT, TRUE, 120 },
};

/* What a column sorter answers when the page asks which column sorts. */
typedef struct
{
  RosetteRegistryPage *self;
  int                  sort;
} SortProbe;

static int probed_sort = -1;

/* Registry opening, shared with the bulk-issue assistant */

static void
open_registry_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  RosetteRegistry *registry = rosette_registry_open (task_data, cancellable, &error);

  if (registry == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, registry, g_object_unref);
}

/**
 * rosette_registry_page_dup_registry_path:
 *
 * Returns: (transfer full): `$ROSETTE_REGISTRY` when set (tests), else
 *   the core's default registry path
 */
char *
rosette_registry_page_dup_registry_path (void)
{
  const char *path = g_getenv ("ROSETTE_REGISTRY");

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);

  return rosette_registry_dup_default_path ();
}

/**
 * rosette_registry_page_open_registry_async:
 * @path: (nullable): the registry file; %NULL for
 *   rosette_registry_page_dup_registry_path()
 *
 * Opens (creating or migrating) a registry in a worker thread.
 */
void
rosette_registry_page_open_registry_async (const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rosette_registry_page_open_registry_async);
  g_task_set_task_data (task,
                        path != NULL ? g_strdup (path) : rosette_registry_page_dup_registry_path (),
                        g_free);
  g_task_run_in_thread (task, open_registry_thread);
}

/**
 * rosette_registry_page_open_registry_finish:
 *
 * Returns: (transfer full): the registry, or %NULL with @error set
 */
RosetteRegistry *
rosette_registry_page_open_registry_finish (GAsyncResult  *result,
                                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rosette_registry_page_dup_default_store:
 *
 * Returns: (transfer full): the issuer store in `$ROSETTE_DATA_DIR`
 *   when set, else the default one
 */
RosetteIssuerStore *
rosette_registry_page_dup_default_store (void)
{
  const char *dir = g_getenv ("ROSETTE_DATA_DIR");
  g_autoptr(GFile) base = dir != NULL && dir[0] != '\0' ? g_file_new_for_path (dir) : NULL;

  return rosette_issuer_store_new (base);
}

/* Cells */

static char *
format_day (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_seconds <= 0)
    return NULL;

  time = g_date_time_new_from_unix_local (unix_seconds);
  /* Translators: a date in the registry's list; see g_date_time_format() */
  return time != NULL ? g_date_time_format (time, _("%-d %b %Y")) : NULL;
}

static void
set_status_tag (GtkLabel                *label,
                RosetteCredentialStatus  status)
{
  static const char *classes[] = { "valid", "expired", "revoked" };
  const char *text = "";

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);

  switch (status)
    {
    case ROSETTE_CREDENTIAL_STATUS_VALID:
      text = _("Valid");
      break;
    case ROSETTE_CREDENTIAL_STATUS_EXPIRED:
      text = _("Expired");
      break;
    case ROSETTE_CREDENTIAL_STATUS_REVOKED:
      text = _("Revoked");
      break;
    case ROSETTE_CREDENTIAL_STATUS_PENDING:
      text = _("Pending");
      break;
    case ROSETTE_CREDENTIAL_STATUS_FAILED:
      text = _("Failed");
      break;
    case ROSETTE_CREDENTIAL_STATUS_ANY:
    default:
      break;
    }

  if (status >= ROSETTE_CREDENTIAL_STATUS_VALID && status <= ROSETTE_CREDENTIAL_STATUS_REVOKED)
    gtk_widget_add_css_class (GTK_WIDGET (label), classes[status - ROSETTE_CREDENTIAL_STATUS_VALID]);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text[0] != '\0');
}

static void
update_cell (GtkLabel         *label,
             RosetteIssuedRow *row)
{
  ColumnId column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "rosette-column"));
  RosetteIssuedRecord *record = rosette_issued_row_get_record (row);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (record == NULL)
    {
      /* Not read yet: an empty cell of the same height. */
      gtk_label_set_text (label, "");
      return;
    }

  switch (column)
    {
    case COLUMN_RECIPIENT:
      text = rosette_issued_record_get_name (record);
      break;
    case COLUMN_EMAIL:
      text = rosette_issued_record_get_email (record);
      break;
    case COLUMN_ACHIEVEMENT:
      text = rosette_issued_record_get_family_name (record);
      break;
    case COLUMN_TIER:
      text = rosette_issued_record_get_tier_name (record);
      break;
    case COLUMN_ISSUED:
      text = owned = format_day (rosette_issued_record_get_issued_at (record));
      break;
    case COLUMN_EXPIRES:
      owned = format_day (rosette_issued_record_get_valid_until (record));
      text = owned != NULL ? owned : C_("expires", "Never");
      break;
    case COLUMN_STATUS:
      set_status_tag (label, rosette_issued_record_get_status (record));
      return;
    case COLUMN_DELIVERY:
      _rosette_registry_page_update_delivery_cell (g_object_get_data (G_OBJECT (label),
                                                                      "rosette-page"),
                                                   label, record);
      return;
    case COLUMN_DEPARTMENT:
      text = rosette_issued_record_get_department (record);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
row_record_changed_cb (GtkLabel         *label,
                       GParamSpec       *pspec,
                       RosetteIssuedRow *row)
{
  update_cell (label, row);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "rosette-column", user_data);
  g_object_set_data (G_OBJECT (label), "rosette-page",
                     g_object_get_data (G_OBJECT (factory), "rosette-page"));

  if (GPOINTER_TO_INT (user_data) == COLUMN_STATUS)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "status-tag");
    }
  else if (GPOINTER_TO_INT (user_data) == COLUMN_ISSUED ||
           GPOINTER_TO_INT (user_data) == COLUMN_EXPIRES)
    {
      gtk_widget_add_css_class (label, "numeric");
    }

  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  RosetteIssuedRow *row = gtk_list_item_get_item (item);
  gulong id;

  /* The row fills in when its page of the registry has been read. */
  id = g_signal_connect_object (row, "notify::record", G_CALLBACK (row_record_changed_cb),
                                label, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (label), "rosette-handler", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (label), "rosette-row", row);
  if (GPOINTER_TO_INT (user_data) == COLUMN_DELIVERY)
    {
      RosetteRegistryPage *self = g_object_get_data (G_OBJECT (label), "rosette-page");

      g_hash_table_add (self->delivery_labels, label);
    }
  update_cell (GTK_LABEL (label), row);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  RosetteIssuedRow *row = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "rosette-handler"));

  if (id != 0 && row != NULL)
    g_signal_handler_disconnect (row, id);
  g_object_set_data (G_OBJECT (label), "rosette-handler", NULL);
  g_object_set_data (G_OBJECT (label), "rosette-row", NULL);
  if (GPOINTER_TO_INT (user_data) == COLUMN_DELIVERY)
    {
      RosetteRegistryPage *self = g_object_get_data (G_OBJECT (label), "rosette-page");

      if (self->delivery_labels != NULL)
        g_hash_table_remove (self->delivery_labels, label);
    }
}

/* Sorting: the view's sorter says which column sorts and which way, and
 * that becomes the query's ORDER BY. GTK 4.8 has no public API for the
 * column view's sort column, so the page asks the sorter: each column's
 * sorter records that it was consulted and says "smaller"; the view's
 * sorter consults only its primary column and flips the answer when that
 * column sorts descending. */

static int
sort_probe_compare (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  SortProbe *probe = user_data;

  probed_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

static void
read_sort (RosetteRegistryPage *self,
           RosetteIssuedSort   *out_sort,
           gboolean            *out_descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(RosetteIssuedRow) a = rosette_issued_row_new (0);
  g_autoptr(RosetteIssuedRow) b = rosette_issued_row_new (1);
  GtkOrdering ordering;

  probed_sort = -1;
  ordering = sorter != NULL ? gtk_sorter_compare (sorter, a, b) : GTK_ORDERING_EQUAL;

  if (probed_sort < 0 || ordering == GTK_ORDERING_EQUAL)
    {
      /* No column sorts: newest first. */
      *out_sort = ROSETTE_ISSUED_SORT_ISSUED_AT;
      *out_descending = TRUE;
      return;
    }

  *out_sort = probed_sort;
  *out_descending = ordering == GTK_ORDERING_LARGER;
}

static void
sorter_changed_cb (RosetteRegistryPage *self)
{
  _rosette_registry_page_filters_changed (self);
}

static void
add_columns (RosetteRegistryPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_info); i++)
    {
      const ColumnInfo *info = &column_info[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "rosette-page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), GINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(info->title), factory);
      /* Column ids are GTK 4.10; the id rides along as data. */
      g_object_set_data (G_OBJECT (column), "rosette-id", (gpointer) info->id);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, info->expand);
      if (info->fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, info->fixed_width);

      if (info->sort >= 0)
        {
          SortProbe *probe = g_new0 (SortProbe, 1);
          g_autoptr(GtkSorter) sorter = NULL;

          probe->self = self;
          probe->sort = info->sort;
          sorter = GTK_SORTER (gtk_custom_sorter_new (sort_probe_compare, probe, g_free));
          gtk_column_view_column_set_sorter (column, sorter);
        }

      gtk_column_view_append_column (self->column_view, column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Filters */

static const char *
dropdown_value (GtkDropDown *dropdown,
                GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Entry 0 is "All …". */
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || values == NULL ||
      selected > values->len)
    return NULL;

  return g_ptr_array_index (values, selected - 1);
}

void
_rosette_registry_page_filters_changed (RosetteRegistryPage *self)
{
  static const RosetteCredentialStatus statuses[] = {
    ROSETTE_CREDENTIAL_STATUS_ANY,
    ROSETTE_CREDENTIAL_STATUS_VALID,
    ROSETTE_CREDENTIAL_STATUS_EXPIRED,
    ROSETTE_CREDENTIAL_STATUS_REVOKED,
  };
  RosetteIssuedQuery query = { 0 };
  g_autofree char *text = NULL;
  guint status;

  if (self->updating_filters)
    return;

  status = gtk_drop_down_get_selected (self->status_dropdown);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  query.text = text;
  query.family_slug = dropdown_value (self->achievement_dropdown, self->family_slugs);
  query.tier_slug = dropdown_value (self->tier_dropdown, self->tier_slugs);
  query.department = dropdown_value (self->department_dropdown, self->departments);
  query.status = status < G_N_ELEMENTS (statuses) ? statuses[status] : ROSETTE_CREDENTIAL_STATUS_ANY;
  read_sort (self, &query.sort, &query.descending);

  rosette_issued_list_model_set_query (self->model, &query);
}

static void
filters_changed_cb (RosetteRegistryPage *self)
{
  _rosette_registry_page_filters_changed (self);
}

static void
update_count (RosetteRegistryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;

  if (self->count_label == NULL)
    return;

  /* Translators: the number of badges the list shows */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u badge", "%u badges", n), n);
  gtk_label_set_text (self->count_label, text);

  if (!rosette_issued_list_model_get_loading (self->model))
    gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
}

static void
go_to_issue_clicked_cb (RosetteRegistryPage *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "issue");
}

/* Loading */

static void
total_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RosetteRegistryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  self->n_reports--;

  if (!rosette_registry_count_issued_finish (ROSETTE_REGISTRY (object), result, &total, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->state_stack, "error");
        }
      return;
    }

  if (total != self->total)
    {
      self->total = total;
      _rosette_registry_page_filters_changed (self);
      _rosette_registry_page_refresh_reports (self);
    }

  gtk_stack_set_visible_child_name (self->state_stack, total > 0 ? "content" : "empty");
}

/* Counts every badge: nothing issued shows the empty page, and a
 * different total than last time means the list is out of date. */
static void
check_total (RosetteRegistryPage *self)
{
  RosetteIssuedQuery query = { 0 };

  if (self->registry == NULL)
    return;

  self->n_reports++;
  rosette_registry_count_issued_async (self->registry, &query, self->cancellable,
                                       total_cb, g_object_ref (self));
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RosetteRegistryPage) self = user_data;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  registry = rosette_registry_page_open_registry_finish (result, &error);
  if (registry == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->opening = FALSE;

  if (registry == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  g_set_object (&self->registry, registry);
  self->total = G_MAXUINT;
  rosette_issued_list_model_set_registry (self->model, registry);
  _rosette_registry_page_reload_delivery (self);
  _rosette_registry_page_update_actions (self);
  check_total (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRY]);
}

static void
open_registry (RosetteRegistryPage *self)
{
  self->opening = TRUE;
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  rosette_registry_page_open_registry_async (self->path, self->cancellable, open_cb,
                                             g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);

  if (self->registry == NULL)
    open_registry (self);
  else
    rosette_registry_page_reload (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _rosette_registry_page_export_csv (ROSETTE_REGISTRY_PAGE (widget));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _rosette_registry_page_export_pdf (ROSETTE_REGISTRY_PAGE (widget));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "badges");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rosette_registry_page_map (GtkWidget *widget)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (widget);

  GTK_WIDGET_CLASS (rosette_registry_page_parent_class)->map (widget);

  /* Opened the first time it is shown; afterwards, coming back to the
   * page picks up what was issued meanwhile. */
  if (self->registry == NULL && !self->opening)
    open_registry (self);
  else
    check_total (self);
}

static void
rosette_registry_page_dispose (GObject *object)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);

  /* Taking the columns down changes the sorter: no more queries. */
  self->updating_filters = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->reports_cancellable);

  if (self->selected_row != NULL)
    g_clear_signal_handler (&self->selected_record_id, self->selected_row);
  g_clear_weak_pointer (&self->selected_row);

  if (self->revoke_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->revoke_dialog));
  g_clear_weak_pointer (&self->revoke_dialog);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  _rosette_registry_page_dispose_delivery (self);

  /* The bin's child is a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROSETTE_TYPE_REGISTRY_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->registry);
  g_clear_object (&self->store);
  g_clear_object (&self->family);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reports_cancellable);

  G_OBJECT_CLASS (rosette_registry_page_parent_class)->dispose (object);
}

static void
rosette_registry_page_finalize (GObject *object)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);

  g_clear_pointer (&self->family_slugs, g_ptr_array_unref);
  g_clear_pointer (&self->tier_slugs, g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->holder_families, g_ptr_array_unref);
  g_clear_pointer (&self->holder_tiers, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (rosette_registry_page_parent_class)->finalize (object);
}

static void
rosette_registry_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_registry_page_class_init (RosetteRegistryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_registry_page_dispose;
  object_class->finalize = rosette_registry_page_finalize;
  object_class->get_property = rosette_registry_page_get_property;

  widget_class->map = rosette_registry_page_map;

  /**
   * RosetteRegistryPage:registry:
   *
   * The registry shown, once it is open.
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         ROSETTE_TYPE_REGISTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROSETTE_TYPE_ISSUED_LIST_MODEL);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/registry/rosette-registry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, achievement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, achievement_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, tier_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, department_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, reissue_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, model);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_to_issue_clicked_cb);

  _rosette_registry_page_class_reports_init (widget_class);
  _rosette_registry_page_class_actions_init (widget_class);
  _rosette_registry_page_class_delivery_init (widget_class);

  gtk_widget_class_install_action (widget_class, "registry.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "registry.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "registry.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "registry.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "registry.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "registry.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "registry.focus-search", NULL);
}

static void
rosette_registry_page_init (RosetteRegistryPage *self)
{
  /* Building the template sets the drop-downs: no query until ready. */
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->expiring_days = 30;

  add_columns (self);
  _rosette_registry_page_init_actions (self);
  _rosette_registry_page_init_delivery (self);

  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);

  /* Newest first until a header is clicked. */
  gtk_column_view_sort_by_column (self->column_view,
                                  _rosette_registry_page_get_column (self, "issued"),
                                  GTK_SORT_DESCENDING);
  self->updating_filters = FALSE;
  update_count (self);
  _rosette_registry_page_update_actions (self);
}

GtkWidget *
rosette_registry_page_new (void)
{
  return g_object_new (ROSETTE_TYPE_REGISTRY_PAGE, NULL);
}

/**
 * rosette_registry_page_get_registry:
 * @self: a #RosetteRegistryPage
 *
 * Returns: (transfer none) (nullable): the registry, once open
 */
RosetteRegistry *
rosette_registry_page_get_registry (RosetteRegistryPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY_PAGE (self), NULL);

  return self->registry;
}

/**
 * rosette_registry_page_set_path:
 * @self: a #RosetteRegistryPage
 * @path: (nullable): a registry file; %NULL for
 *   rosette_registry_page_dup_registry_path()
 *
 * Opens the registry at @path now, in a worker thread.
 */
void
rosette_registry_page_set_path (RosetteRegistryPage *self,
                                const char          *path)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY_PAGE (self));

  g_free (self->path);
  self->path = g_strdup (path);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  open_registry (self);
}

/**
 * rosette_registry_page_set_store:
 * @self: a #RosetteRegistryPage
 * @store: (nullable): where the issuer is kept (it signs the status list
 *   after a revocation); %NULL for the default
 */
void
rosette_registry_page_set_store (RosetteRegistryPage *self,
                                 RosetteIssuerStore  *store)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY_PAGE (self));

  g_set_object (&self->store, store);
}

/**
 * rosette_registry_page_set_family:
 * @self: a #RosetteRegistryPage
 * @family: (nullable): the open badge family
 *
 * Sets the family Re-issue and Renew draw the artwork from when it is
 * the badge's; %NULL to use the window's "family" property, if any.
 */
void
rosette_registry_page_set_family (RosetteRegistryPage *self,
                                  RosetteFamily       *family)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY_PAGE (self));
  g_return_if_fail (family == NULL || ROSETTE_IS_FAMILY (family));

  g_set_object (&self->family, family);
}

/**
 * rosette_registry_page_reload:
 * @self: a #RosetteRegistryPage
 *
 * Reads the list and the reports again (after issuing or revoking).
 */
void
rosette_registry_page_reload (RosetteRegistryPage *self)
{
  g_return_if_fail (ROSETTE_IS_REGISTRY_PAGE (self));

  if (self->registry == NULL)
    return;

  rosette_issued_list_model_reload (self->model);
  _rosette_registry_page_reload_delivery (self);
  _rosette_registry_page_refresh_reports (self);
  check_total (self);
}

RosetteIssuedListModel *
_rosette_registry_page_get_model (RosetteRegistryPage *self)
{
  return self->model;
}

GtkColumnView *
_rosette_registry_page_get_column_view (RosetteRegistryPage *self)
{
  return self->column_view;
}

GtkColumnViewColumn *
_rosette_registry_page_get_column (RosetteRegistryPage *self,
                                   const char          *id)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "rosette-id"), id) == 0)
        return column;
    }

  return NULL;
}

GtkEditable *
_rosette_registry_page_get_search_entry (RosetteRegistryPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

const char *
_rosette_registry_page_get_state (RosetteRegistryPage *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

gboolean
_rosette_registry_page_get_busy (RosetteRegistryPage *self)
{
  return self->opening || self->n_jobs > 0 || self->n_reports > 0 ||
         self->n_delivery_loads > 0 || self->publishing ||
         _rosette_issued_list_model_get_busy (self->model);
}

void
_rosette_registry_page_select (RosetteRegistryPage *self,
                               guint                position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

GtkWidget *
_rosette_registry_page_get_revoke_dialog (RosetteRegistryPage *self)
{
  return self->revoke_dialog;
}

const char *
_rosette_registry_page_get_last_message (RosetteRegistryPage *self)
{
  return self->last_message;
}
