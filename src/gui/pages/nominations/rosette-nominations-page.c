/* rosette-nominations-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Nominations page: the queue of peer nominations with Approve and
 * Reject on each waiting one (a manager's name and a comment are asked
 * for), a CSV import from a form tool, and a form to nominate someone.
 * An approved nomination is issued at once, through the batch path and
 * off the main thread, with its reason as the badge's narrative; the
 * rules and limits of the core refuse with their own messages, shown in a
 * toast.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-gui-award.h"
#include "rosette-decision-dialog.h"
#include "rosette-gui-utils.h"
#include "rosette-nominate-dialog.h"
#include "rosette-nominations-page.h"
#include "rosette-registry-page.h"

struct _RosetteNominationsPage
{
  AdwBin                  parent_instance;

  AdwToastOverlay        *toast_overlay;
  GtkDropDown            *state_dropdown;
  GtkLabel               *limits_label;
  GtkStack               *list_stack;
  GtkListBox             *queue_list;

  RosetteRegistry        *registry;
  RosetteFamily          *family;
  GCancellable           *cancellable;
  GtkWidget              *dialog;
  char                   *last_message;
  guint                   n_rows;
  gboolean                opening;
  guint                   busy;

  RosetteIssuer          *signer_issuer;
  RosetteKey             *signer_key;
  RosetteKeyRecord       *signer_record;
};

G_DEFINE_FINAL_TYPE (RosetteNominationsPage, rosette_nominations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_FAMILY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the state drop-down's items. */
static const RosetteNominationState dropdown_states[] = {
  ROSETTE_NOMINATION_PENDING,
  ROSETTE_NOMINATION_APPROVED,
  ROSETTE_NOMINATION_REJECTED,
  ROSETTE_NOMINATION_ISSUED,
  ROSETTE_NOMINATION_ANY,
};

static void issue_nomination (RosetteNominationsPage *self,
                              RosetteNomination      *nomination);

static void
show_message (RosetteNominationsPage *self,
              const char             *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  /* The newest outcome replaces an older one at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (RosetteNominationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A refusal by the rules (a limit, self-approval) is a sentence or two
 * with what to do: too long for a toast, so it gets a dialog. */
static void
show_refusal (RosetteNominationsPage *self,
              const char             *heading,
              const char             *message)
{
  GtkWidget *dialog;

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  dialog = adw_message_dialog_new (parent_window (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The queue ---------------------------------------------------------------- */

static void
update_limits (RosetteNominationsPage *self)
{
  g_autoptr(GPtrArray) limits = rosette_registry_list_nomination_limits (self->registry, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; limits != NULL && i < limits->len; i++)
    {
      RosetteNominationLimit *limit = g_ptr_array_index (limits, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text,
                              limit->per_nominee
                              /* Translators: a limit, "at most 2 per nominee per month". */
                              ? _("at most %u per nominee per %s")
                              : _("at most %u per nominator per %s"),
                              limit->max_count, limit->period);
    }
  gtk_label_set_label (self->limits_label, text->str);
}

static void
decide_clicked_cb (GtkButton              *button,
                   RosetteNominationsPage *self);

static GtkWidget *
make_button (RosetteNominationsPage *self,
             const char             *label,
             const char             *style,
             gint64                  id,
             const char             *what)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  g_object_set_data (G_OBJECT (button), "nomination-id", g_memdup2 (&id, sizeof id));
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (decide_clicked_cb), self);
  return button;
}

static GtkWidget *
make_row (RosetteNominationsPage *self,
          RosetteNomination      *nomination)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (nomination->submitted_at);
  g_autofree char *day = g_date_time_format (at, "%Y-%m-%d");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *nominee = nomination->nominee_name != NULL ? nomination->nominee_name
                                                         : nomination->nominee_email;
  const char *nominator = nomination->nominator_name != NULL ? nomination->nominator_name
                                                             : nomination->nominator_email;

  title = g_strdup_printf ("%s — %s", nominee, nomination->company_value);
  /* Translators: nominator, date, then the reason. */
  subtitle = g_strdup_printf (_("By %s on %s: %s"), nominator, day, nomination->reason);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (nomination->state == ROSETTE_NOMINATION_PENDING)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (self, _("_Reject"), "destructive-action",
                                              nomination->id, "reject"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (self, _("_Approve"), "suggested-action",
                                              nomination->id, "approve"));
    }
  else if (nomination->state == ROSETTE_NOMINATION_APPROVED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               make_button (self, _("_Issue Badge"), NULL, nomination->id,
                                            "issue"));
  else
    {
      g_autofree char *text = NULL;
      GtkWidget *label;

      text = nomination->state == ROSETTE_NOMINATION_ISSUED
             /* Translators: an issued nomination, with its approver. */
             ? g_strdup_printf (_("Issued · approved by %s"), nomination->approver)
             /* Translators: a rejected nomination: who and why. */
             : g_strdup_printf (_("Rejected by %s: %s"), nomination->approver,
                                nomination->comment != NULL ? nomination->comment : "");
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/**
 * rosette_nominations_page_reload:
 *
 * Reads the queue again (for the chosen state) and the limits.
 */
void
rosette_nominations_page_reload (RosetteNominationsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);
  GtkWidget *child;

  g_return_if_fail (ROSETTE_IS_NOMINATIONS_PAGE (self));

  if (self->registry == NULL)
    return;
  rows = rosette_registry_list_nominations (self->registry,
                                            dropdown_states[MIN (selected, G_N_ELEMENTS (dropdown_states) - 1)],
                                            &error);
  if (rows == NULL)
    {
      show_message (self, error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list))) != NULL)
    gtk_list_box_remove (self->queue_list, child);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->queue_list, make_row (self, g_ptr_array_index (rows, i)));
  self->n_rows = rows->len;
  gtk_stack_set_visible_child_name (self->list_stack, rows->len > 0 ? "list" : "empty");
  update_limits (self);
}

static void
state_changed_cb (RosetteNominationsPage *self)
{
  rosette_nominations_page_reload (self);
}

/* Deciding and issuing ----------------------------------------------------- */

static void
issue_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RosetteNominationsPage) self = user_data;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  summary = rosette_nominations_issue_finish (result, &error);
  if (summary == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  message = summary != NULL ? rosette_gui_award_dup_summary (summary) : g_strdup (error->message);
  show_message (self, message);
  rosette_nominations_page_reload (self);
}

static char *
dup_family_file (RosetteNominationsPage *self,
                 gint64                  nominable_id)
{
  g_autoptr(GPtrArray) all = rosette_registry_list_nominable (self->registry, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (((RosetteNominable *) g_ptr_array_index (all, i))->id == nominable_id)
      return g_strdup (((RosetteNominable *) g_ptr_array_index (all, i))->family_file);
  return NULL;
}

static void
issue_nomination (RosetteNominationsPage *self,
                  RosetteNomination      *nomination)
{
  g_autofree char *family_file = dup_family_file (self, nomination->nominable_id);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteAwardContext) context = NULL;
  g_autoptr(GError) error = NULL;

  family = rosette_gui_award_find_family (self->family, nomination->family_slug, family_file,
                                          &error);
  if (family != NULL)
    context = rosette_gui_award_context_new (self->registry, family, self->signer_issuer,
                                             self->signer_key, self->signer_record, &error);
  if (context == NULL)
    {
      show_message (self, error->message);
      return;
    }
  self->busy++;
  rosette_nominations_issue_async (context, nomination->id, self->cancellable, issue_cb,
                                   g_object_ref (self));
}

gboolean
_rosette_nominations_page_decide (RosetteNominationsPage *self,
                                  gint64                  id,
                                  gboolean                approve,
                                  const char             *approver,
                                  const char             *comment)
{
  g_autoptr(RosetteNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;

  if (!rosette_nominations_decide (self->registry, id, approve, approver, comment, NULL, &error))
    {
      show_refusal (self, approve ? _("Cannot Approve") : _("Cannot Reject"), error->message);
      return FALSE;
    }
  rosette_nominations_page_reload (self);
  if (!approve)
    {
      show_message (self, _("Nomination rejected"));
      return TRUE;
    }
  nomination = rosette_registry_get_nomination (self->registry, id, &error);
  if (nomination != NULL)
    issue_nomination (self, nomination);
  return TRUE;
}

static void
decide_response_cb (RosetteDecisionDialog  *dialog,
                    const char             *response,
                    RosetteNominationsPage *self)
{
  self->dialog = NULL;
  if (g_strcmp0 (response, "cancel") == 0)
    return;
  _rosette_nominations_page_decide (self, rosette_decision_dialog_get_nomination_id (dialog),
                                    rosette_decision_dialog_get_approve (dialog),
                                    rosette_decision_dialog_get_approver (dialog),
                                    rosette_decision_dialog_get_comment (dialog));
}

static void
decide_clicked_cb (GtkButton              *button,
                   RosetteNominationsPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "nomination-id");
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  RosetteDecisionDialog *dialog;

  if (g_strcmp0 (what, "issue") == 0)
    {
      g_autoptr(RosetteNomination) nomination = rosette_registry_get_nomination (self->registry, id, NULL);

      if (nomination != NULL)
        issue_nomination (self, nomination);
      return;
    }

  dialog = rosette_decision_dialog_new (parent_window (self), id,
                                        g_strcmp0 (what, "approve") == 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decide_response_cb), self, 0);
  self->dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Nominating and importing ------------------------------------------------- */

gboolean
_rosette_nominations_page_submit (RosetteNominationsPage       *self,
                                  const RosetteNominationInput *input)
{
  g_autoptr(GError) error = NULL;

  if (rosette_nominations_submit (self->registry, input, "app", NULL, &error) == 0)
    {
      show_refusal (self, _("Nomination Not Added"), error->message);
      return FALSE;
    }
  show_message (self, _("Nomination added; it waits for a manager’s approval"));
  rosette_nominations_page_reload (self);
  return TRUE;
}

static void
nominate_response_cb (RosetteNominateDialog  *dialog,
                      const char             *response,
                      RosetteNominationsPage *self)
{
  RosetteNominationInput input = { NULL, };

  self->dialog = NULL;
  if (g_strcmp0 (response, "nominate") != 0)
    return;
  rosette_nominate_dialog_get_input (dialog, &input);
  _rosette_nominations_page_submit (self, &input);
}

static void
nominate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (widget);
  g_autoptr(GPtrArray) values = rosette_registry_list_nominable (self->registry, NULL);
  RosetteNominateDialog *dialog;

  if (values == NULL || values->len == 0)
    {
      show_message (self, _("No badge is open to peer nomination yet; mark one with "
                            "“rosette-cli nominate value”"));
      return;
    }

  dialog = rosette_nominate_dialog_new (parent_window (self), values);
  g_signal_connect_object (dialog, "response", G_CALLBACK (nominate_response_cb), self, 0);
  self->dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rosette_nominations_page_import_file (RosetteNominationsPage *self,
                                       GFile                  *file)
{
  g_autoptr(RosetteNominationImportResult) result = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  stream = g_file_read (file, NULL, &error);
  if (stream != NULL)
    result = rosette_nominations_import_csv (self->registry, G_INPUT_STREAM (stream), NULL, &error);
  if (result == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Translators: the outcome of a nominations import. */
  message = g_strdup_printf (_("%u added, %u already imported, %u left out"), result->added,
                             result->already, result->refused->len);
  show_message (self, message);
  rosette_nominations_page_reload (self);

  if (result->refused->len > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      AdwMessageDialog *dialog;

      for (guint i = 0; i < MIN (result->refused->len, 20); i++)
        g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (result->refused, i));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                           _("Some Rows Were Left Out"),
                                                           g_strstrip (body->str)));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      self->dialog = GTK_WIDGET (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
import_chosen_cb (GtkNativeDialog        *chooser,
                  int                     response,
                  RosetteNominationsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    _rosette_nominations_page_import_file (self, file);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Nominations"),
                                         parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Opening the registry ----------------------------------------------------- */

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RosetteNominationsPage) self = user_data;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  registry = rosette_registry_page_open_registry_finish (result, &error);
  if (registry == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->opening = FALSE;
  if (registry == NULL)
    {
      show_message (self, error->message);
      return;
    }
  rosette_nominations_page_set_registry (self, registry);
}

static void
rosette_nominations_page_map (GtkWidget *widget)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (rosette_nominations_page_parent_class)->map (widget);

  if (self->registry == NULL && !self->opening)
    {
      g_autofree char *path = rosette_registry_page_dup_registry_path ();

      self->opening = TRUE;
      rosette_registry_page_open_registry_async (path, self->cancellable, open_cb,
                                                 g_object_ref (self));
    }
  else
    rosette_nominations_page_reload (self);
}

/* GObject ------------------------------------------------------------------ */

static void
update_actions (RosetteNominationsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.nominate", self->registry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.import", self->registry != NULL);
}

GtkWidget *
rosette_nominations_page_new (void)
{
  return g_object_new (ROSETTE_TYPE_NOMINATIONS_PAGE, NULL);
}

RosetteRegistry *
rosette_nominations_page_get_registry (RosetteNominationsPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_NOMINATIONS_PAGE (self), NULL);

  return self->registry;
}

/**
 * rosette_nominations_page_set_registry:
 * @registry: (nullable): the registry whose nominations are shown
 */
void
rosette_nominations_page_set_registry (RosetteNominationsPage *self,
                                       RosetteRegistry        *registry)
{
  g_return_if_fail (ROSETTE_IS_NOMINATIONS_PAGE (self));

  if (!g_set_object (&self->registry, registry))
    return;
  update_actions (self);
  rosette_nominations_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRY]);
}

RosetteFamily *
rosette_nominations_page_get_family (RosetteNominationsPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_NOMINATIONS_PAGE (self), NULL);

  return self->family;
}

/**
 * rosette_nominations_page_set_family:
 * @family: (nullable): the family open in Design (issued from when a
 *   nominable badge's family file is not known)
 */
void
rosette_nominations_page_set_family (RosetteNominationsPage *self,
                                     RosetteFamily          *family)
{
  g_return_if_fail (ROSETTE_IS_NOMINATIONS_PAGE (self));

  if (g_set_object (&self->family, family))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

void
_rosette_nominations_page_set_signer (RosetteNominationsPage *self,
                                      RosetteIssuer          *issuer,
                                      RosetteKey             *key,
                                      RosetteKeyRecord       *record)
{
  g_set_object (&self->signer_issuer, issuer);
  g_set_object (&self->signer_key, key);
  g_set_object (&self->signer_record, record);
}

void
_rosette_nominations_page_set_state (RosetteNominationsPage *self,
                                     RosetteNominationState  state)
{
  for (guint i = 0; i < G_N_ELEMENTS (dropdown_states); i++)
    if (dropdown_states[i] == state)
      gtk_drop_down_set_selected (self->state_dropdown, i);
}

guint
_rosette_nominations_page_get_n_rows (RosetteNominationsPage *self)
{
  return self->n_rows;
}

GtkWidget *
_rosette_nominations_page_get_row (RosetteNominationsPage *self,
                                   guint                   index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->queue_list, (int) index));
}

gboolean
_rosette_nominations_page_get_busy (RosetteNominationsPage *self)
{
  return self->busy > 0 || self->opening;
}

const char *
_rosette_nominations_page_get_last_message (RosetteNominationsPage *self)
{
  return self->last_message;
}

GtkWidget *
_rosette_nominations_page_get_dialog (RosetteNominationsPage *self)
{
  return self->dialog;
}

static void
rosette_nominations_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (object);

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
rosette_nominations_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_nominations_page_set_family (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_nominations_page_dispose (GObject *object)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->registry);
  g_clear_object (&self->family);
  g_clear_object (&self->signer_issuer);
  g_clear_object (&self->signer_key);
  g_clear_object (&self->signer_record);

  G_OBJECT_CLASS (rosette_nominations_page_parent_class)->dispose (object);
}

static void
rosette_nominations_page_finalize (GObject *object)
{
  RosetteNominationsPage *self = ROSETTE_NOMINATIONS_PAGE (object);

  g_free (self->last_message);

  G_OBJECT_CLASS (rosette_nominations_page_parent_class)->finalize (object);
}

static void
rosette_nominations_page_class_init (RosetteNominationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_nominations_page_dispose;
  object_class->finalize = rosette_nominations_page_finalize;
  object_class->get_property = rosette_nominations_page_get_property;
  object_class->set_property = rosette_nominations_page_set_property;

  widget_class->map = rosette_nominations_page_map;

  /**
   * RosetteNominationsPage:registry:
   *
   * The registry shown, once it is open.
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, ROSETTE_TYPE_REGISTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteNominationsPage:family:
   *
   * The family open in Design.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL, ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "nominations.nominate", NULL, nominate_action);
  gtk_widget_class_install_action (widget_class, "nominations.import", NULL, import_action);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/nominations/rosette-nominations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteNominationsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominationsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominationsPage, limits_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RosetteNominationsPage, queue_list);
  gtk_widget_class_bind_template_callback (widget_class, state_changed_cb);
}

static void
rosette_nominations_page_init (RosetteNominationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 does not pass the drop-down's name to the button inside it,
   * which is what a screen reader lands on. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->state_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show"), -1);
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}
