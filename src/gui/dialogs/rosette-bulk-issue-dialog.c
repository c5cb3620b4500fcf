/* rosette-bulk-issue-dialog.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The bulk-issue assistant: pick a CSV file exported from an HR system,
 * check what Rosette made of it, issue, see what happened.
 *
 * The file is read in a worker thread by the core's RosetteCsvImport,
 * which guesses what each column holds and checks every row. The review
 * page shows the guess as one combo per field (changing one reads the
 * file again with every column's mapping spelled out), the rows with the
 * problems found, and the options. Issuing is the core's RosetteBatch:
 * it runs off the main thread, reports progress, stops on Cancel keeping
 * what was issued, and, run again with the same batch id (the family,
 * the tier and the day), issues only what is missing.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-bulk-issue-dialog.h"
#include "rosette-gui-utils.h"
#include "rosette-registry-page.h"

/* Rows shown in the preview; the counts always cover the whole file. */
#define MAX_PREVIEW_ROWS 500

struct _RosetteBulkIssueDialog
{
  AdwWindow             parent_instance;

  RosetteFamily        *family;
  RosetteIssuerStore   *store;
  RosetteIssuer        *issuer;
  RosetteRegistry      *registry;
  RosetteCsvImport     *import;
  RosetteBatchSummary  *summary;
  GFile                *file;
  GFile                *output_dir;
  GCancellable         *cancellable;
  GCancellable         *batch_cancellable;
  GtkFileChooserNative *chooser;
  GtkStringList        *preview_model;
  char                 *registry_path;
  AdwComboRow          *field_rows[ROSETTE_IMPORT_N_FIELDS];
  guint                 reading : 1;
  guint                 opening : 1;
  guint                 running : 1;
  guint                 syncing : 1;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *close_button;
  GtkButton            *issue_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwActionRow         *file_row;
  GtkLabel             *review_message;
  GtkLabel             *hint_label;
  AdwPreferencesGroup  *preview_group;
  GtkToggleButton      *problems_button;
  GtkColumnView        *preview_view;
  AdwComboRow          *tier_row;
  GtkStringList        *tier_model;
  AdwComboRow          *format_row;
  AdwComboRow          *proof_row;
  AdwActionRow         *folder_row;
  GtkSwitch            *skip_switch;
  AdwComboRow          *date_order_row;
  AdwPreferencesGroup  *mapping_group;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkLabel             *eta_label;
  GtkButton            *cancel_button;
  AdwStatusPage        *summary_page;
  GtkButton            *resume_button;
};

G_DEFINE_FINAL_TYPE (RosetteBulkIssueDialog, rosette_bulk_issue_dialog, ADW_TYPE_WINDOW)

typedef enum
{
  PREVIEW_LINE,
  PREVIEW_EMAIL,
  PREVIEW_NAME,
  PREVIEW_DEPARTMENT,
  PREVIEW_PROBLEM,
} PreviewColumn;

static void read_file (RosetteBulkIssueDialog *self);

static const char *
field_title (RosetteImportField field)
{
  switch (field)
    {
    case ROSETTE_IMPORT_FIELD_EMAIL: return _("Email address");
    case ROSETTE_IMPORT_FIELD_NAME: return _("Full name");
    case ROSETTE_IMPORT_FIELD_FIRST_NAME: return _("First name");
    case ROSETTE_IMPORT_FIELD_LAST_NAME: return _("Last name");
    case ROSETTE_IMPORT_FIELD_EMPLOYEE_ID: return _("Employee ID");
    case ROSETTE_IMPORT_FIELD_DEPARTMENT: return _("Department");
    case ROSETTE_IMPORT_FIELD_MANAGER: return _("Manager");
    case ROSETTE_IMPORT_FIELD_HIRE_DATE: return _("Hire date");
    case ROSETTE_IMPORT_FIELD_NARRATIVE: return _("Narrative");
    case ROSETTE_IMPORT_FIELD_EVIDENCE: return _("Evidence link");
    case ROSETTE_IMPORT_FIELD_TIER: return _("Tier");
    case ROSETTE_IMPORT_FIELD_VALID_UNTIL: return _("Valid until");
    case ROSETTE_IMPORT_FIELD_IGNORE:
    default:
      return NULL;
    }
}

static RosetteImportRow *
preview_row (RosetteBulkIssueDialog *self,
             GtkStringObject        *item)
{
  GPtrArray *rows = self->import != NULL ? rosette_csv_import_get_rows (self->import) : NULL;
  guint64 index = g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);

  /* The preview lists row numbers; the rows stay in the import. */
  return rows != NULL && index < rows->len ? g_ptr_array_index (rows, index) : NULL;
}

static char *
dup_problems (const RosetteImportRow *row)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) messages = NULL;

  for (guint i = 0; row->issues != NULL && i < row->issues->len; i++)
    g_strv_builder_add (builder, ((RosetteImportIssue *) g_ptr_array_index (row->issues, i))->message);

  messages = g_strv_builder_end (builder);
  return g_strjoinv ("; ", messages);
}

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == PREVIEW_LINE)
    gtk_widget_add_css_class (label, "numeric");
  if (GPOINTER_TO_INT (user_data) == PREVIEW_PROBLEM)
    {
      /* The reason is what the preview is for: shown whole. */
      gtk_widget_add_css_class (label, "error");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  RosetteBulkIssueDialog *self = g_object_get_data (G_OBJECT (factory), "rosette-dialog");
  RosetteImportRow *row = preview_row (self, gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (row == NULL)
    return;

  switch (GPOINTER_TO_INT (user_data))
    {
    case PREVIEW_LINE:
      text = owned = g_strdup_printf ("%u", row->line);
      break;
    case PREVIEW_EMAIL:
      text = row->email != NULL ? row->email : row->values[ROSETTE_IMPORT_FIELD_EMAIL];
      break;
    case PREVIEW_NAME:
      text = row->name;
      break;
    case PREVIEW_DEPARTMENT:
      text = row->values[ROSETTE_IMPORT_FIELD_DEPARTMENT];
      break;
    case PREVIEW_PROBLEM:
      text = owned = dup_problems (row);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text[0] != '\0' ? text : NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
add_preview_columns (RosetteBulkIssueDialog *self)
{
  static const struct {
    const char *title;
    int         width;
  } columns[] = {
    [PREVIEW_LINE] = { N_("Line"), 50 },
    [PREVIEW_EMAIL] = { N_("Email"), 170 },
    [PREVIEW_NAME] = { N_("Name"), 120 },
    [PREVIEW_DEPARTMENT] = { N_("Department"), 100 },
    [PREVIEW_PROBLEM] = { N_("Problem"), 180 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "rosette-dialog", self);
      g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i != PREVIEW_LINE);
      gtk_column_view_append_column (self->preview_view, column);
    }

  self->preview_model = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->preview_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview_model)))));
}

/* The tier each row gets: one of the family's, or each row's own from
 * the file's tier column (the last entry, when there is one). */
static gboolean
tier_from_file (RosetteBulkIssueDialog *self)
{
  guint n_tiers = self->family != NULL ? rosette_family_get_n_tiers (self->family) : 0;

  return adw_combo_row_get_selected (self->tier_row) == n_tiers &&
         g_list_model_get_n_items (G_LIST_MODEL (self->tier_model)) > n_tiers;
}

static guint
count_ready (RosetteBulkIssueDialog *self)
{
  GPtrArray *rows = rosette_csv_import_get_rows (self->import);

  return rows->len - rosette_csv_import_get_n_invalid (self->import);
}

static void
update_issue_button (RosetteBulkIssueDialog *self)
{
  guint ready = self->import != NULL ? count_ready (self) : 0;
  guint invalid = self->import != NULL ? rosette_csv_import_get_n_invalid (self->import) : 0;
  gboolean skip = gtk_switch_get_active (self->skip_switch);
  g_autofree char *label = NULL;
  const char *why = NULL;

  /* Translators: the button that starts issuing */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Issue %u Badge", "_Issue %u Badges", ready),
                           ready);
  gtk_button_set_label (self->issue_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->issue_button),
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") == 0);

  if (self->issuer == NULL)
    why = _("Set up the issuer in Preferences first: badges are signed with its keys.");
  else if (gtk_widget_get_visible (GTK_WIDGET (self->review_message)))
    why = gtk_label_get_text (self->review_message);
  else if (ready == 0)
    why = _("No row can be issued.");
  else if (invalid > 0 && !skip)
    why = _("Fix the rows with problems in the file and read it again, or skip them.");

  /* Why Issue is off, where the user looks (a mapping error says it
   * itself, in red). */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->issue_button), why);
  gtk_label_set_text (self->hint_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label),
                          why != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->review_message)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.issue",
                                 why == NULL && !self->running && self->family != NULL);
}

static void
fill_preview (RosetteBulkIssueDialog *self)
{
  GPtrArray *rows = rosette_csv_import_get_rows (self->import);
  gboolean problems_only = gtk_toggle_button_get_active (self->problems_button);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) indices = NULL;
  g_autofree char *description = NULL;
  guint shown = 0;

  for (guint i = 0; i < rows->len && shown < MAX_PREVIEW_ROWS; i++)
    {
      char index[16];

      if (problems_only && rosette_import_row_is_valid (g_ptr_array_index (rows, i)))
        continue;

      g_snprintf (index, sizeof index, "%u", i);
      g_strv_builder_add (builder, index);
      shown++;
    }

  indices = g_strv_builder_end (builder);
  gtk_string_list_splice (self->preview_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->preview_model)),
                          (const char * const *) indices);

  if (shown == MAX_PREVIEW_ROWS)
    /* Translators: the preview shows only part of a long file */
    description = g_strdup_printf (_("The first %u rows."), shown);
  adw_preferences_group_set_description (self->preview_group, description);
}

static void
sync_mapping (RosetteBulkIssueDialog *self)
{
  const char * const *columns = rosette_csv_import_get_columns (self->import);
  guint n_columns = columns != NULL ? g_strv_length ((char **) columns) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_tiers = rosette_family_get_n_tiers (self->family);
  guint tier = adw_combo_row_get_selected (self->tier_row);
  gboolean has_tier_column = FALSE;

  self->syncing = TRUE;

  g_ptr_array_add (labels, (gpointer) _("Not in the file"));
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (labels, (gpointer) columns[i]);
  g_ptr_array_add (labels, NULL);

  for (guint f = 1; f < ROSETTE_IMPORT_N_FIELDS; f++)
    {
      GtkStringList *model = GTK_STRING_LIST (adw_combo_row_get_model (self->field_rows[f]));
      guint selected = 0;

      gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                              (const char * const *) labels->pdata);
      for (guint i = 0; i < n_columns && selected == 0; i++)
        if (rosette_csv_import_get_column_field (self->import, i) == f)
          selected = i + 1;
      adw_combo_row_set_selected (self->field_rows[f], selected);
      has_tier_column |= f == ROSETTE_IMPORT_FIELD_TIER && selected > 0;
    }

  /* "From the file" is offered when a column holds the tier. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->tier_model)) > n_tiers)
    gtk_string_list_remove (self->tier_model, n_tiers);
  if (has_tier_column)
    gtk_string_list_append (self->tier_model, _("Each row’s own (Tier column)"));
  adw_combo_row_set_selected (self->tier_row, has_tier_column ? n_tiers : MIN (tier, n_tiers - 1));

  self->syncing = FALSE;
}

static void
show_import (RosetteBulkIssueDialog *self)
{
  GPtrArray *rows = rosette_csv_import_get_rows (self->import);
  guint invalid = rosette_csv_import_get_n_invalid (self->import);
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *counts = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *problems = NULL;

  ready = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ready", "%u ready", rows->len - invalid),
                           rows->len - invalid);
  problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with problems", "%u with problems",
                                           invalid),
                              invalid);
  /* Translators: 1 is "N rows", 2 "N ready", 3 "N with problems" */
  counts = g_strdup_printf (_("%1$u rows · %2$s · %3$s"), rows->len, ready, problems);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename);
  adw_action_row_set_subtitle (self->file_row, counts);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);

  sync_mapping (self);
  fill_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  update_issue_button (self);
}

/* Reading the file */

typedef struct
{
  GFile            *file;
  GStrv             mappings;
  GStrv             tiers;
  RosetteDateOrder  order;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_strfreev (data->mappings);
  g_strfreev (data->tiers);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(RosetteCsvImport) import = rosette_csv_import_new ();
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  rosette_csv_import_set_known_tiers (import, (const char * const *) data->tiers);
  rosette_csv_import_set_date_order (import, data->order);
  for (guint i = 0; data->mappings != NULL && data->mappings[i] != NULL; i++)
    if (!rosette_csv_import_add_mapping (import, data->mappings[i], &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }

  stream = g_file_read (data->file, cancellable, &error);
  if (stream == NULL ||
      !rosette_csv_import_load (import, G_INPUT_STREAM (stream), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (object);
  g_autoptr(RosetteCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = g_task_propagate_pointer (G_TASK (result), &error);
  if (import == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading = FALSE;

  /* A mapping the file cannot be read with (no address column, say):
   * the review stays, with the reason, until the mapping is fixed. */
  if (import == NULL && self->import != NULL &&
      (g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID) ||
       g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND)))
    {
      gtk_label_set_text (self->review_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->review_message), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "review");
      update_issue_button (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->review_message), FALSE);

  if (import == NULL)
    {
      g_clear_object (&self->import);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_issue_button (self);
      return;
    }

  g_set_object (&self->import, import);
  show_import (self);
}

/* Every column's field as the combos say, so a changed guess wins over
 * the header names and a column no combo names is left out. */
static GStrv
dup_mappings (RosetteBulkIssueDialog *self)
{
  const char * const *columns = self->import != NULL ? rosette_csv_import_get_columns (self->import) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      RosetteImportField field = ROSETTE_IMPORT_FIELD_IGNORE;
      g_autofree char *spec = NULL;

      for (guint f = 1; f < ROSETTE_IMPORT_N_FIELDS && field == ROSETTE_IMPORT_FIELD_IGNORE; f++)
        if (adw_combo_row_get_selected (self->field_rows[f]) == i + 1)
          field = f;

      spec = g_strdup_printf ("%s=%s", columns[i], rosette_import_field_to_string (field));
      g_strv_builder_add (builder, spec);
    }

  return g_strv_builder_end (builder);
}

static GStrv
dup_known_tiers (RosetteBulkIssueDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rosette_family_get_n_tiers (self->family); i++)
    {
      const char *name = rosette_tier_get_name (rosette_family_get_tier (self->family, i));
      g_autofree char *slug = rosette_slugify (name);

      g_strv_builder_add (builder, name);
      g_strv_builder_add (builder, slug);
    }

  return g_strv_builder_end (builder);
}

static void
read_file_with (RosetteBulkIssueDialog *self,
                GStrv                   mappings)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data = g_new0 (ReadData, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data->file = g_object_ref (self->file);
  data->mappings = mappings;
  data->tiers = dup_known_tiers (self);
  data->order = adw_combo_row_get_selected (self->date_order_row);

  self->reading = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "reading");
  update_issue_button (self);

  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, read_file_with);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

static void
read_file (RosetteBulkIssueDialog *self)
{
  read_file_with (self, NULL);
}

static void
mapping_changed_cb (RosetteBulkIssueDialog *self)
{
  if (self->syncing || self->import == NULL || self->reading)
    return;

  read_file_with (self, dup_mappings (self));
}

static void
options_changed_cb (RosetteBulkIssueDialog *self)
{
  if (!self->syncing)
    update_issue_button (self);
}

static void
problems_toggled_cb (RosetteBulkIssueDialog *self)
{
  if (self->import != NULL)
    fill_preview (self);
}

static void
file_chosen_cb (RosetteBulkIssueDialog *self,
                int                     response,
                GtkFileChooserNative   *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;

  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    rosette_bulk_issue_dialog_set_output_dir (self, file);
  else
    rosette_bulk_issue_dialog_load_file (self, file);
}

static void
run_chooser (RosetteBulkIssueDialog *self,
             GtkFileChooserAction    action)
{
  gboolean folder = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (folder ? _("Save Badges To") : _("Choose a CSV File"),
                                               GTK_WINDOW (self), action,
                                               folder ? _("_Select") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (folder)
    {
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->output_dir, NULL);
    }
  else
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("CSV and TSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      g_object_unref (filter);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run_chooser (ROSETTE_BULK_ISSUE_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (ROSETTE_BULK_ISSUE_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (widget);

  if (self->file != NULL && !self->reading)
    read_file_with (self, self->import != NULL ? dup_mappings (self) : NULL);
}

/* Issuing */

static char *
format_eta (double seconds)
{
  if (seconds < 0)
    return g_strdup (_("Estimating time left…"));
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u second left",
                                         "About %u seconds left", (guint) seconds + 1),
                            (guint) seconds + 1);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute left",
                                       "About %u minutes left", (guint) (seconds / 60) + 1),
                          (guint) (seconds / 60) + 1);
}

static void
batch_progress_cb (RosetteBulkIssueDialog *self,
                   guint                   done,
                   guint                   total,
                   double                  rate,
                   double                  eta_seconds,
                   RosetteBatch           *batch)
{
  g_autofree char *count = NULL;
  g_autofree char *eta = format_eta (eta_seconds);

  /* Translators: progress of issuing, e.g. "120 of 4,000" */
  count = g_strdup_printf (_("%u of %u"), done, total);
  gtk_label_set_text (self->progress_label, count);
  gtk_label_set_text (self->eta_label, done < total ? eta : "");
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.);
}

static void
show_summary (RosetteBulkIssueDialog *self,
              const GError           *error)
{
  const RosetteBatchSummary *summary = self->summary;
  g_autoptr(GString) description = g_string_new (NULL);
  const char *title;
  gboolean more = FALSE;

  if (summary == NULL)
    {
      title = _("Could Not Issue");
      g_string_append (description, error->message);
      more = TRUE;
    }
  else
    {
      if (summary->cancelled)
        title = _("Stopped");
      else if (summary->failed > 0)
        title = _("Issued With Problems");
      else
        title = _("Badges Issued");

      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%u badge issued.", "%u badges issued.",
                                           summary->issued),
                              summary->issued);
      if (summary->skipped > 0)
        {
          g_string_append_c (description, ' ');
          g_string_append_printf (description,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u was issued before and was kept.",
                                               "%u were issued before and were kept.",
                                               summary->skipped),
                                  summary->skipped);
        }
      if (summary->invalid > 0)
        {
          g_string_append_c (description, ' ');
          g_string_append_printf (description,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u row with problems was skipped.",
                                               "%u rows with problems were skipped.",
                                               summary->invalid),
                                  summary->invalid);
        }
      for (guint i = 0; summary->failures != NULL && i < MIN (summary->failures->len, 5); i++)
        {
          RosetteBatchFailure *failure = g_ptr_array_index (summary->failures, i);

          g_string_append_printf (description, "\n%s: %s",
                                  failure->email != NULL ? failure->email : "", failure->message);
        }
      if (summary->cancelled)
        g_string_append_printf (description, "\n%s", _("Issue again to finish: badges already issued are not issued twice."));
      if (summary->warning != NULL)
        g_string_append_printf (description, "\n%s", summary->warning);
      more = summary->cancelled || summary->failed > 0;
    }

  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_icon_name (self->summary_page,
                                 summary != NULL && !more ? "emblem-ok-symbolic"
                                                          : "dialog-warning-symbolic");
  {
    g_autofree char *markup = g_markup_escape_text (description->str, -1);

    adw_status_page_set_description (self->summary_page, markup);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->resume_button), more);
  gtk_button_set_label (self->close_button, _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, "summary");
  update_issue_button (self);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RosetteBulkIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->summary, rosette_batch_summary_free);
  self->summary = rosette_batch_run_finish (ROSETTE_BATCH (object), result, &error);
  self->running = FALSE;
  g_clear_object (&self->batch_cancellable);

  show_summary (self, error);
}

static void
start_batch (RosetteBulkIssueDialog *self)
{
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  guint n_tiers = rosette_family_get_n_tiers (self->family);
  guint tier = adw_combo_row_get_selected (self->tier_row);
  RosetteIssueFormat format = adw_combo_row_get_selected (self->format_row) == 1
                              ? ROSETTE_ISSUE_FORMAT_SVG : ROSETTE_ISSUE_FORMAT_PNG;
  /* In the order of proof_row's items; Data Integrity first, the default. */
  static const RosetteIssueProof proofs[] = {
    ROSETTE_ISSUE_PROOF_DATA_INTEGRITY, ROSETTE_ISSUE_PROOF_VC_JWT, ROSETTE_ISSUE_PROOF_OB2,
  };
  guint proof = adw_combo_row_get_selected (self->proof_row);

  /* With each row's own tier, rows without one get the first. */
  if (tier_from_file (self) || tier >= n_tiers)
    tier = 0;

  batch = rosette_batch_new (self->registry, self->issuer, self->family,
                             rosette_tier_get_name (rosette_family_get_tier (self->family, tier)),
                             proofs[MIN (proof, G_N_ELEMENTS (proofs) - 1)], self->output_dir,
                             format, NULL);
  rosette_batch_set_include_names (batch, TRUE);

  if (!rosette_batch_add_import (batch, self->import, gtk_switch_get_active (self->skip_switch),
                                 &error))
    {
      self->running = FALSE;
      g_clear_pointer (&self->summary, rosette_batch_summary_free);
      show_summary (self, error);
      return;
    }

  batch_progress_cb (self, 0, rosette_batch_get_n_rows (batch), 0, -1, batch);
  g_signal_connect_object (batch, "progress", G_CALLBACK (batch_progress_cb),
                           self, G_CONNECT_SWAPPED);
  self->batch_cancellable = g_cancellable_new ();
  rosette_batch_run_async (batch, self->batch_cancellable, batch_done_cb, g_object_ref (self));
}

static void
registry_open_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RosetteBulkIssueDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  self->registry = rosette_registry_page_open_registry_finish (result, &error);

  if (self->registry == NULL)
    {
      self->running = FALSE;
      g_clear_pointer (&self->summary, rosette_batch_summary_free);
      show_summary (self, error);
      return;
    }

  start_batch (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (widget);

  if (self->running || self->import == NULL || self->issuer == NULL)
    return;

  self->running = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "issuing");
  gtk_label_set_text (self->progress_label, "");
  gtk_label_set_text (self->eta_label, "");
  gtk_progress_bar_set_fraction (self->progress_bar, 0.);
  update_issue_button (self);

  /* The registry records every row: open it (off the main thread) the
   * first time. */
  if (self->registry == NULL)
    {
      self->opening = TRUE;
      rosette_registry_page_open_registry_async (self->registry_path, NULL, registry_open_cb,
                                                 g_object_ref (self));
      return;
    }

  start_batch (self);
}

static void
cancel_clicked_cb (RosetteBulkIssueDialog *self)
{
  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (widget);
  g_autofree char *uri = g_file_get_uri (self->output_dir);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
rosette_bulk_issue_dialog_close_request (GtkWindow *window)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (window);

  /* Closing while issuing stops the batch; what was issued is kept. */
  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (rosette_bulk_issue_dialog_parent_class)->close_request (window);
}

static void
rosette_bulk_issue_dialog_dispose (GObject *object)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROSETTE_TYPE_BULK_ISSUE_DIALOG);

  g_clear_object (&self->family);
  g_clear_object (&self->store);
  g_clear_object (&self->issuer);
  g_clear_object (&self->registry);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->output_dir);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->batch_cancellable);
  g_clear_object (&self->preview_model);

  G_OBJECT_CLASS (rosette_bulk_issue_dialog_parent_class)->dispose (object);
}

static void
rosette_bulk_issue_dialog_finalize (GObject *object)
{
  RosetteBulkIssueDialog *self = ROSETTE_BULK_ISSUE_DIALOG (object);

  g_clear_pointer (&self->summary, rosette_batch_summary_free);
  g_clear_pointer (&self->registry_path, g_free);

  G_OBJECT_CLASS (rosette_bulk_issue_dialog_parent_class)->finalize (object);
}

static void
rosette_bulk_issue_dialog_class_init (RosetteBulkIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rosette_bulk_issue_dialog_dispose;
  object_class->finalize = rosette_bulk_issue_dialog_finalize;
  window_class->close_request = rosette_bulk_issue_dialog_close_request;

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-bulk-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, review_message);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, problems_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, tier_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, tier_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, proof_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, eta_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, summary_page);
  gtk_widget_class_bind_template_child (widget_class, RosetteBulkIssueDialog, resume_button);
  gtk_widget_class_bind_template_callback (widget_class, mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, problems_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "bulk.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "bulk.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "bulk.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "bulk.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "bulk.open-folder", NULL, open_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "bulk.choose-file", NULL);
}

static void
rosette_bulk_issue_dialog_init (RosetteBulkIssueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  add_preview_columns (self);

  /* One combo per field, each listing the file's columns. */
  for (guint f = 1; f < ROSETTE_IMPORT_N_FIELDS; f++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_title (f));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_changed_cb),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->mapping_group, row);
      self->field_rows[f] = ADW_COMBO_ROW (row);
    }

  rosette_bulk_issue_dialog_set_output_dir (self, NULL);
  update_issue_button (self);
}

/**
 * rosette_bulk_issue_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @family: the badge family to issue
 * @store: (nullable): where the issuer is kept; %NULL for the default
 *
 * Returns: (transfer full): the assistant, on its first page
 */
GtkWidget *
rosette_bulk_issue_dialog_new (GtkWindow          *parent,
                               RosetteFamily      *family,
                               RosetteIssuerStore *store)
{
  RosetteBulkIssueDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);

  self = g_object_new (ROSETTE_TYPE_BULK_ISSUE_DIALOG, "transient-for", parent, NULL);
  self->family = g_object_ref (family);
  self->store = store != NULL ? g_object_ref (store) : rosette_registry_page_dup_default_store ();
  self->issuer = rosette_issuer_store_load_current (self->store, NULL, &error);
  if (self->issuer == NULL)
    g_debug ("No issuer for bulk issuing: %s", error->message);

  adw_window_title_set_subtitle (self->window_title, rosette_family_get_name (family));
  for (guint i = 0; i < rosette_family_get_n_tiers (family); i++)
    g_ptr_array_add (names, (gpointer) rosette_tier_get_name (rosette_family_get_tier (family, i)));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->tier_model, 0, 0, (const char * const *) names->pdata);

  update_issue_button (self);
  return GTK_WIDGET (self);
}

/**
 * rosette_bulk_issue_dialog_load_file:
 * @self: a #RosetteBulkIssueDialog
 * @file: a CSV (or TSV) file
 *
 * Reads @file with the guessed mapping and shows the review page.
 */
void
rosette_bulk_issue_dialog_load_file (RosetteBulkIssueDialog *self,
                                     GFile                  *file)
{
  g_return_if_fail (ROSETTE_IS_BULK_ISSUE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_object (&self->import);
  read_file (self);
}

/**
 * rosette_bulk_issue_dialog_set_output_dir:
 * @self: a #RosetteBulkIssueDialog
 * @dir: (nullable): where the badges go; %NULL for
 *   `$XDG_DATA_HOME/rosette/issued`
 */
void
rosette_bulk_issue_dialog_set_output_dir (RosetteBulkIssueDialog *self,
                                          GFile                  *dir)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (ROSETTE_IS_BULK_ISSUE_DIALOG (self));

  if (dir != NULL)
    {
      g_set_object (&self->output_dir, dir);
    }
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rosette", "issued", NULL);

      g_clear_object (&self->output_dir);
      self->output_dir = g_file_new_for_path (path);
    }

  shown = rosette_gui_dup_display_path (self->output_dir);
  adw_action_row_set_subtitle (self->folder_row, shown);
}

/**
 * rosette_bulk_issue_dialog_set_registry_path:
 * @self: a #RosetteBulkIssueDialog
 * @path: (nullable): the registry to record the badges in; %NULL for the
 *   app's ($ROSETTE_REGISTRY or the default)
 */
void
rosette_bulk_issue_dialog_set_registry_path (RosetteBulkIssueDialog *self,
                                             const char             *path)
{
  g_return_if_fail (ROSETTE_IS_BULK_ISSUE_DIALOG (self));

  g_free (self->registry_path);
  self->registry_path = g_strdup (path);
  g_clear_object (&self->registry);
}

const char *
_rosette_bulk_issue_dialog_get_page (RosetteBulkIssueDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
_rosette_bulk_issue_dialog_get_busy (RosetteBulkIssueDialog *self)
{
  return self->reading || self->opening || self->running;
}

RosetteCsvImport *
_rosette_bulk_issue_dialog_get_import (RosetteBulkIssueDialog *self)
{
  return self->import;
}

AdwComboRow *
_rosette_bulk_issue_dialog_get_field_row (RosetteBulkIssueDialog *self,
                                          RosetteImportField      field)
{
  g_return_val_if_fail (field > 0 && field < ROSETTE_IMPORT_N_FIELDS, NULL);

  return self->field_rows[field];
}

/* The problem text the preview shows for the row starting on @line, or
 * %NULL when no such row is listed. */
char *
_rosette_bulk_issue_dialog_dup_problem (RosetteBulkIssueDialog *self,
                                        guint                   line)
{
  GListModel *model = G_LIST_MODEL (self->preview_model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      RosetteImportRow *row = preview_row (self, item);

      if (row != NULL && row->line == line)
        return dup_problems (row);
    }

  return NULL;
}

const char *
_rosette_bulk_issue_dialog_get_message (RosetteBulkIssueDialog *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->review_message)))
    return NULL;

  return gtk_label_get_text (self->review_message);
}

const RosetteBatchSummary *
_rosette_bulk_issue_dialog_get_summary (RosetteBulkIssueDialog *self)
{
  return self->summary;
}
