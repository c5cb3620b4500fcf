/* rosette-registry-page-reports.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Reports tab of the Registry page, and the filter drop-downs that
 * share its data: one skills-inventory query (every department and
 * achievement the registry knows) fills the achievement, tier and
 * department drop-downs, the holders combo and the inventory table with
 * its bars. Holders and expiring-soon have their own queries. Every
 * query runs in a worker thread on the registry's read-only connection.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-percent-bar.h"
#include "rosette-registry-page-private.h"

/* Lines of the inventory table and of the expiring list shown at most. */
#define MAX_INVENTORY_LINES 200
#define MAX_EXPIRING 10

static void refresh_holders (RosetteRegistryPage *self);

typedef struct
{
  RosetteRegistryPage *self;
  GCancellable        *cancellable;
} ReportCall;

static ReportCall *
report_call_new (RosetteRegistryPage *self)
{
  ReportCall *call = g_new0 (ReportCall, 1);

  call->self = g_object_ref (self);
  call->cancellable = g_object_ref (self->reports_cancellable);
  self->n_reports++;
  return call;
}

static void
report_call_free (ReportCall *call)
{
  call->self->n_reports--;
  g_clear_object (&call->self);
  g_clear_object (&call->cancellable);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportCall, report_call_free)

static gboolean
report_call_is_current (ReportCall *call)
{
  return !g_cancellable_is_cancelled (call->cancellable) &&
         call->cancellable == call->self->reports_cancellable;
}

/* Replaces a drop-down's entries after "All …" with @labels, keeping the
 * selected value (by @values) when it is still there. */
static void
set_choices (RosetteRegistryPage *self,
             GtkDropDown         *dropdown,
             GtkStringList       *model,
             const char          *all_label,
             GPtrArray          **values,
             GPtrArray           *new_values,
             GPtrArray           *labels)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *old = NULL;
  guint position = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  if (*values != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= (*values)->len)
    old = g_ptr_array_index (*values, selected - 1);

  for (guint i = 0; old != NULL && i < new_values->len; i++)
    if (g_str_equal (old, g_ptr_array_index (new_values, i)))
      position = i + 1;

  g_ptr_array_insert (labels, 0, (gpointer) all_label);
  g_ptr_array_add (labels, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (model, 0, n, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (dropdown, position);
  self->updating_filters = FALSE;

  g_clear_pointer (values, g_ptr_array_unref);
  *values = g_ptr_array_ref (new_values);
}

static gboolean
ptr_array_has (GPtrArray  *array,
               const char *value)
{
  return g_ptr_array_find_with_equal_func (array, value, g_str_equal, NULL);
}

static void
fill_filters (RosetteRegistryPage *self,
              GPtrArray           *rows)
{
  g_autoptr(GPtrArray) families = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) family_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) tiers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tier_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) department_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) holder_families = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holder_tiers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holder_labels = g_ptr_array_new_with_free_func (g_free);
  guint holder = adw_combo_row_get_selected (self->holders_row);
  g_autofree char *old_family = NULL;
  g_autofree char *old_tier = NULL;
  guint new_holder = 0;
  gboolean department_was_filtered = gtk_drop_down_get_selected (self->department_dropdown) > 0;

  if (self->holder_families != NULL && holder < self->holder_families->len)
    {
      old_family = g_strdup (g_ptr_array_index (self->holder_families, holder));
      old_tier = g_strdup (g_ptr_array_index (self->holder_tiers, holder));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RosetteInventoryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *pair = g_strconcat (row->family_slug, "\n", row->tier_slug, NULL);
      gboolean new_pair = TRUE;

      if (!ptr_array_has (families, row->family_slug))
        {
          g_ptr_array_add (families, g_strdup (row->family_slug));
          g_ptr_array_add (family_names, row->family_name);
        }
      if (!ptr_array_has (tiers, row->tier_slug))
        {
          g_ptr_array_add (tiers, g_strdup (row->tier_slug));
          g_ptr_array_add (tier_names, row->tier_name);
        }
      if (row->department[0] != '\0' && !ptr_array_has (departments, row->department))
        {
          g_ptr_array_add (departments, g_strdup (row->department));
          g_ptr_array_add (department_names, row->department);
        }

      for (guint j = 0; j < holder_families->len && new_pair; j++)
        new_pair = !(g_str_equal (g_ptr_array_index (holder_families, j), row->family_slug) &&
                     g_str_equal (g_ptr_array_index (holder_tiers, j), row->tier_slug));
      if (new_pair)
        {
          if (g_strcmp0 (old_family, row->family_slug) == 0 &&
              g_strcmp0 (old_tier, row->tier_slug) == 0)
            new_holder = holder_families->len;
          g_ptr_array_add (holder_families, g_strdup (row->family_slug));
          g_ptr_array_add (holder_tiers, g_strdup (row->tier_slug));
          g_ptr_array_add (holder_labels, g_strdup_printf ("%s — %s", row->family_name,
                                                           row->tier_name));
        }
    }

  set_choices (self, self->achievement_dropdown, self->achievement_model, _("All achievements"),
               &self->family_slugs, families, family_names);
  set_choices (self, self->tier_dropdown, self->tier_model, _("All tiers"),
               &self->tier_slugs, tiers, tier_names);
  set_choices (self, self->department_dropdown, self->department_model, _("All departments"),
               &self->departments, departments, department_names);

  /* A filter whose value is gone shows everything again. */
  if (department_was_filtered && gtk_drop_down_get_selected (self->department_dropdown) == 0)
    _rosette_registry_page_filters_changed (self);

  g_ptr_array_add (holder_labels, NULL);
  gtk_string_list_splice (self->holders_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->holders_model)),
                          (const char * const *) holder_labels->pdata);
  g_clear_pointer (&self->holder_families, g_ptr_array_unref);
  g_clear_pointer (&self->holder_tiers, g_ptr_array_unref);
  self->holder_families = g_ptr_array_ref (holder_families);
  self->holder_tiers = g_ptr_array_ref (holder_tiers);
  adw_combo_row_set_selected (self->holders_row, new_holder);
  refresh_holders (self);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column >= 2 ? 1.f : 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, column == 1);
  gtk_widget_add_css_class (label, css_class);
  if (row == 0)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
fill_inventory (RosetteRegistryPage *self,
                GPtrArray           *rows)
{
  GtkWidget *child;
  const char *last_department = NULL;
  int line = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->inventory_grid))) != NULL)
    gtk_grid_remove (self->inventory_grid, child);

  attach_label (self->inventory_grid, _("Department"), 0, 0, "caption-heading");
  attach_label (self->inventory_grid, _("Achievement"), 1, 0, "caption-heading");
  attach_label (self->inventory_grid, _("Holders"), 2, 0, "caption-heading");
  attach_label (self->inventory_grid, "%", 4, 0, "caption-heading");

  for (guint i = 0; i < rows->len && line <= MAX_INVENTORY_LINES; i++)
    {
      RosetteInventoryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *achievement = NULL;
      g_autofree char *holders = NULL;
      g_autofree char *percent = NULL;
      g_autofree char *description = NULL;
      GtkWidget *bar;

      if (row->headcount == 0)
        continue;

      achievement = g_strdup_printf ("%s — %s", row->family_name, row->tier_name);
      holders = g_strdup_printf ("%u / %u", row->holders, row->headcount);
      percent = g_strdup_printf ("%.0f %%", row->percent);
      /* Rows come grouped by department: name it once per group. */
      if (last_department == NULL || !g_str_equal (last_department, row->department))
        attach_label (self->inventory_grid,
                      row->department[0] != '\0' ? row->department : _("No department"),
                      0, line, "heading");
      last_department = row->department;
      attach_label (self->inventory_grid, achievement, 1, line, "numeric");
      attach_label (self->inventory_grid, holders, 2, line, "numeric");

      bar = rosette_percent_bar_new (row->percent / 100.);
      gtk_widget_set_size_request (bar, 120, -1);
      /* Translators: 1 is a department, 2 an achievement, 3 a percentage */
      description = g_strdup_printf (_("%1$s, %2$s: %3$s"),
                                     row->department[0] != '\0' ? row->department
                                                                : _("No department"),
                                     achievement, percent);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      gtk_grid_attach (self->inventory_grid, bar, 3, line, 1, 1);
      attach_label (self->inventory_grid, percent, 4, line, "numeric");
      line++;
    }
}

static void
inventory_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReportCall) call = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = rosette_registry_inventory_finish (ROSETTE_REGISTRY (object), result, &error);
  if (!report_call_is_current (call))
    return;

  if (rows == NULL)
    {
      _rosette_registry_page_toast (call->self, error->message);
      return;
    }

  fill_filters (call->self, rows);
  fill_inventory (call->self, rows);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
}

static void
holders_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ReportCall) call = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  RosetteHolderCounts counts = { 0 };

  rows = rosette_registry_holders_finish (ROSETTE_REGISTRY (object), result, &counts, &error);
  if (!report_call_is_current (call) || rows == NULL)
    return;

  set_count (call->self->valid_count_label, counts.valid);
  set_count (call->self->expired_count_label, counts.expired);
  set_count (call->self->revoked_count_label, counts.revoked);
}

static void
refresh_holders (RosetteRegistryPage *self)
{
  guint selected = adw_combo_row_get_selected (self->holders_row);

  if (self->registry == NULL || self->holder_families == NULL ||
      selected >= self->holder_families->len)
    {
      set_count (self->valid_count_label, 0);
      set_count (self->expired_count_label, 0);
      set_count (self->revoked_count_label, 0);
      return;
    }

  /* Only the counts are shown: one row is enough. */
  rosette_registry_holders_async (self->registry,
                                  g_ptr_array_index (self->holder_families, selected),
                                  g_ptr_array_index (self->holder_tiers, selected),
                                  NULL, 1, self->reports_cancellable,
                                  holders_cb, report_call_new (self));
}

static void
holders_selected_cb (RosetteRegistryPage *self)
{
  refresh_holders (self);
}

static void
renew_clicked_cb (RosetteRegistryPage *self,
                  GtkButton           *button)
{
  _rosette_registry_page_reissue (self, g_object_get_data (G_OBJECT (button), "rosette-record"),
                                  TRUE);
}

static GtkWidget *
expiring_row_new (RosetteRegistryPage *self,
                  RosetteIssuedRecord *record)
{
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (rosette_issued_record_get_valid_until (record));
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = rosette_issued_record_get_name (record);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *renew = gtk_button_new_with_mnemonic (_("Re_new"));

  /* Translators: a date; see g_date_time_format() */
  day = g_date_time_format (until, _("%-d %b %Y"));
  /* Translators: 1 is a badge family, 2 its tier, 3 the expiry date */
  subtitle = g_strdup_printf (_("%1$s — %2$s · expires %3$s"),
                              rosette_issued_record_get_family_name (record),
                              rosette_issued_record_get_tier_name (record), day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && name[0] != '\0'
                                 ? name : rosette_issued_record_get_email (record));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Renewing issues a new credential from the badge's family, with a
   * new expiry, and replaces this one. */
  gtk_widget_set_valign (renew, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (renew, _("Issue a new badge with a later expiry, replacing this one"));
  g_object_set_data_full (G_OBJECT (renew), "rosette-record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (renew, "clicked", G_CALLBACK (renew_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), renew);

  return row;
}

static void
expiring_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ReportCall) call = user_data;
  RosetteRegistryPage *self = call->self;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  rows = rosette_registry_expiring_finish (ROSETTE_REGISTRY (object), result, &error);
  if (!report_call_is_current (call) || rows == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->expiring_list))) != NULL)
    gtk_list_box_remove (self->expiring_list, child);

  for (guint i = 0; i < rows->len && i < MAX_EXPIRING; i++)
    gtk_list_box_append (self->expiring_list, expiring_row_new (self, g_ptr_array_index (rows, i)));

  /* One more was asked for, to know whether there are more. */
  if (rows->len > MAX_EXPIRING)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the expiring list shows only the first few */
      title = g_strdup_printf (_("The %u that expire first are shown"), MAX_EXPIRING);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->expiring_list, row);
    }

  if (rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing expires in this period"));
      gtk_list_box_append (self->expiring_list, row);
    }
}

static void
refresh_expiring (RosetteRegistryPage *self)
{
  if (self->registry == NULL)
    return;

  rosette_registry_expiring_async (self->registry, self->expiring_days, NULL, MAX_EXPIRING + 1,
                                   self->reports_cancellable, expiring_cb,
                                   report_call_new (self));
}

static void
days_toggled_cb (RosetteRegistryPage *self,
                 GtkToggleButton     *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->days90_button)
    self->expiring_days = 90;
  else if (button == self->days60_button)
    self->expiring_days = 60;
  else
    self->expiring_days = 30;

  refresh_expiring (self);
}

/**
 * _rosette_registry_page_refresh_reports:
 * @self: a #RosetteRegistryPage
 *
 * Runs the report queries again; a newer refresh drops older answers.
 */
void
_rosette_registry_page_refresh_reports (RosetteRegistryPage *self)
{
  if (self->registry == NULL)
    return;

  if (self->reports_cancellable != NULL)
    g_cancellable_cancel (self->reports_cancellable);
  g_clear_object (&self->reports_cancellable);
  self->reports_cancellable = g_cancellable_new ();

  rosette_registry_inventory_async (self->registry, NULL, self->reports_cancellable,
                                    inventory_cb, report_call_new (self));
  refresh_expiring (self);
}

/* Export */

typedef struct
{
  RosetteRegistry    *registry;
  GFile              *file;
  RosetteIssuedQuery  query;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->registry);
  g_clear_object (&data->file);
  g_free ((char *) data->query.family_slug);
  g_free ((char *) data->query.tier_slug);
  g_free ((char *) data->query.department);
  g_free ((char *) data->query.text);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (data->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL ||
      !rosette_registry_export_csv (data->registry, &data->query, G_OUTPUT_STREAM (stream),
                                    cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);
  g_autoptr(GError) error = NULL;

  self->n_jobs--;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    _rosette_registry_page_toast (self, _("Exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _rosette_registry_page_toast (self, error->message);
}

static void
export_response_cb (RosetteRegistryPage  *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  const RosetteIssuedQuery *query = rosette_issued_list_model_get_query (self->model);
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL || self->registry == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->registry = g_object_ref (self->registry);
  data->file = g_object_ref (file);
  data->query = *query;
  data->query.family_slug = g_strdup (query->family_slug);
  data->query.tier_slug = g_strdup (query->tier_slug);
  data->query.department = g_strdup (query->department);
  data->query.text = g_strdup (query->text);
  data->query.now = NULL;

  self->n_jobs++;
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, _rosette_registry_page_export_csv);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* A save dialog for an export, in self->chooser (one at a time). */
static void
show_save_chooser (RosetteRegistryPage *self,
                   const char          *title,
                   const char          *filter_name,
                   const char          *mime_type,
                   const char          *suffix,
                   const char          *current_name,
                   GCallback            response_cb)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * _rosette_registry_page_export_csv:
 * @self: a #RosetteRegistryPage
 *
 * Asks where, then writes the badges the list shows as CSV.
 */
void
_rosette_registry_page_export_csv (RosetteRegistryPage *self)
{
  show_save_chooser (self, _("Export Badges as CSV"), _("CSV files"), "text/csv", "csv",
                     _("badges.csv"), G_CALLBACK (export_response_cb));
}

/* PDF export */

typedef struct
{
  RosetteRegistry    *registry;
  RosetteIssuerStore *store;
  GFile              *file;
} PdfExportData;

static void
pdf_export_data_free (PdfExportData *data)
{
  g_clear_object (&data->registry);
  g_clear_object (&data->store);
  g_clear_object (&data->file);
  g_free (data);
}

static void
pdf_export_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PdfExportData *data = task_data;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autofree char *path = g_file_get_path (data->file);
  g_autoptr(GError) error = NULL;

  /* The report is headed with the issuer's name when there is one. */
  if (data->store != NULL)
    issuer = rosette_issuer_store_load_current (data->store, cancellable, NULL);

  if (path == NULL)
    g_task_return_new_error (task, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                             _("The PDF can only be saved to a local file"));
  else if (!rosette_report_pdf_write (data->registry,
                                      issuer != NULL ? rosette_issuer_get_name (issuer) : _("Rosette"),
                                      NULL, path, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
pdf_export_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RosetteRegistryPage *self = ROSETTE_REGISTRY_PAGE (object);
  PdfExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->n_jobs--;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *uri = g_file_get_uri (data->file);
      AdwToast *toast = adw_toast_new (_("Report exported"));

      g_free (self->last_message);
      self->last_message = g_strdup (_("Report exported"));
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "registry.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _rosette_registry_page_toast (self, error->message);

  _rosette_registry_page_update_actions (self);
}

/**
 * _rosette_registry_page_export_pdf_to:
 * @self: a #RosetteRegistryPage
 * @file: where to write
 *
 * Writes the registry report (inventory, expiring, holders) as a PDF
 * in a worker thread, then offers to open it.
 */
void
_rosette_registry_page_export_pdf_to (RosetteRegistryPage *self,
                                      GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  PdfExportData *data;

  g_return_if_fail (ROSETTE_IS_REGISTRY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->registry == NULL)
    return;

  data = g_new0 (PdfExportData, 1);
  data->registry = g_object_ref (self->registry);
  data->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  data->file = g_object_ref (file);

  self->n_jobs++;
  _rosette_registry_page_update_actions (self);
  task = g_task_new (self, self->cancellable, pdf_export_done_cb, NULL);
  g_task_set_source_tag (task, _rosette_registry_page_export_pdf_to);
  g_task_set_task_data (task, data, (GDestroyNotify) pdf_export_data_free);
  g_task_run_in_thread (task, pdf_export_thread);
}

static void
pdf_response_cb (RosetteRegistryPage  *self,
                 int                   response,
                 GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    _rosette_registry_page_export_pdf_to (self, file);
}

/**
 * _rosette_registry_page_export_pdf:
 * @self: a #RosetteRegistryPage
 *
 * Asks where, then writes the registry report as a PDF.
 */
void
_rosette_registry_page_export_pdf (RosetteRegistryPage *self)
{
  show_save_chooser (self, _("Export Report as PDF"), _("PDF files"), "application/pdf", "pdf",
                     _("registry-report.pdf"), G_CALLBACK (pdf_response_cb));
}

void
_rosette_registry_page_class_reports_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (ROSETTE_TYPE_PERCENT_BAR);

  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, holders_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, holders_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, valid_count_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, expired_count_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, revoked_count_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, days30_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, days60_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, days90_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, expiring_list);
  gtk_widget_class_bind_template_child (widget_class, RosetteRegistryPage, inventory_grid);
  gtk_widget_class_bind_template_callback (widget_class, holders_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_toggled_cb);
}
