/* rosette-key-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "Keys" page of Preferences: the issuer's signing keys with their
 * status, and the operations on them. Generating, backing up and
 * restoring run in the core's worker threads (the _async calls); retire
 * and revoke only rewrite the small profile file. Errors go to a toast
 * that stays until dismissed, with the core's message, which says what to
 * do (unlock or install a keyring, check the passphrase).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-key-page.h"

/* How many hex pairs of the fingerprint a row shows. */
#define SHORT_FINGERPRINT_PAIRS 8

struct _RosetteKeyPage
{
  AdwPreferencesPage  parent_instance;

  RosetteIssuerStore *store;
  RosetteIssuer      *issuer;
  GCancellable       *cancellable;
  guint               busy;

  /* Template widgets */
  AdwPreferencesGroup *status_group;
  GtkLabel            *status_label;
  AdwPreferencesGroup *keys_group;
  GtkListBox          *list_box;
  GtkSpinner          *spinner;
  GtkMenuButton       *generate_button;
};

enum {
  KEYS_CHANGED,
  ISSUER_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RosetteKeyPage, rosette_key_page, ADW_TYPE_PREFERENCES_PAGE)

/* Errors stay on the page, whole, until dismissed or the next success:
 * they say what to do, which a toast would cut short. */
static void
rosette_key_page_show_status (RosetteKeyPage *self,
                              const char     *message)
{
  if (message != NULL)
    gtk_label_set_label (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), message != NULL);
}

static void
status_dismissed_cb (RosetteKeyPage *self)
{
  rosette_key_page_show_status (self, NULL);
}

static void
rosette_key_page_show_error (RosetteKeyPage *self,
                             const GError   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  rosette_key_page_show_status (self, error->message);
}

static void
rosette_key_page_show_message (RosetteKeyPage *self,
                               const char     *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  rosette_key_page_show_status (self, NULL);
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

static void
rosette_key_page_update_actions (RosetteKeyPage *self)
{
  gboolean idle = self->busy == 0;
  gboolean have = self->issuer != NULL && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.generate", idle && have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.backup", idle && have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.restore", idle && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.retire", idle && have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.revoke", idle && have);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), !idle);
  gtk_spinner_set_spinning (self->spinner, !idle);
}

static void
rosette_key_page_begin (RosetteKeyPage *self)
{
  self->busy++;
  rosette_key_page_update_actions (self);
}

static void
rosette_key_page_end (RosetteKeyPage *self)
{
  g_assert (self->busy > 0);
  self->busy--;
  rosette_key_page_update_actions (self);
}

/* ---- rows ---- */

static char *
short_fingerprint (RosetteKeyRecord *record)
{
  const char *full = rosette_key_record_get_fingerprint (record);

  /* "AB:CD:…" — each pair and its colon are 3 characters. */
  return g_strdup_printf ("%.*s…", SHORT_FINGERPRINT_PAIRS * 3 - 1, full);
}

static GMenuModel *
key_menu_new (RosetteKeyRecord *record)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) change = g_menu_new ();
  const char *id = rosette_key_record_get_id (record);
  RosetteKeyStatus status = rosette_key_record_get_status (record);
  g_autoptr(GMenuItem) item = NULL;

  /* RSA keys have no did:key. */
  if (rosette_key_record_get_algorithm (record) != ROSETTE_KEY_ALGORITHM_RSA2048)
    {
      item = g_menu_item_new (_("Copy _DID"), NULL);
      g_menu_item_set_action_and_target (item, "keys.copy-did", "s", id);
      g_menu_append_item (copy, item);
      g_clear_object (&item);
    }
  item = g_menu_item_new (_("Copy _JWK"), NULL);
  g_menu_item_set_action_and_target (item, "keys.copy-jwk", "s", id);
  g_menu_append_item (copy, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));

  if (status == ROSETTE_KEY_STATUS_ACTIVE)
    {
      item = g_menu_item_new (_("_Retire…"), NULL);
      g_menu_item_set_action_and_target (item, "keys.retire", "s", id);
      g_menu_append_item (change, item);
      g_clear_object (&item);
    }
  if (status != ROSETTE_KEY_STATUS_REVOKED)
    {
      item = g_menu_item_new (_("Re_voke…"), NULL);
      g_menu_item_set_action_and_target (item, "keys.revoke", "s", id);
      g_menu_append_item (change, item);
      g_clear_object (&item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (change)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (change));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* The status tag and the menu follow the record's status. */
static void
key_row_sync (GtkWidget        *row,
              RosetteKeyRecord *record)
{
  GtkLabel *tag = g_object_get_data (G_OBJECT (row), "status-tag");
  GtkMenuButton *menu_button = g_object_get_data (G_OBJECT (row), "menu-button");
  RosetteKeyStatus status = rosette_key_record_get_status (record);
  static const char * const classes[] = { "success", "warning", "error" };
  g_autoptr(GMenuModel) menu = key_menu_new (record);

  gtk_label_set_label (tag, rosette_key_status_get_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (tag), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (tag), classes[status]);
  gtk_menu_button_set_menu_model (menu_button, menu);
}

static void
record_status_changed_cb (RosetteKeyRecord *record,
                          GParamSpec       *pspec,
                          GtkWidget        *row)
{
  key_row_sync (row, record);
}

static GtkWidget *
create_key_row (gpointer item,
                gpointer user_data)
{
  RosetteKeyRecord *record = item;
  g_autofree char *created = NULL;
  g_autofree char *fingerprint = short_fingerprint (record);
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;
  GtkWidget *row;
  GtkWidget *tag;
  GtkWidget *menu_button;

  created = g_date_time_format (rosette_key_record_get_created (record), "%Y-%m-%d");
  /* Translators: a key row's subtitle: the date it was made, its fingerprint. */
  subtitle = g_strdup_printf (_("Created %s · %s"), created, fingerprint);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 rosette_key_algorithm_get_label (
                                   rosette_key_record_get_algorithm (record)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, rosette_key_record_get_fingerprint (record));

  tag = gtk_label_new (NULL);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "key-status");
  gtk_widget_add_css_class (tag, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Key actions"));
  /* Translators: the accessible name of a key's menu button; %s is "Ed25519". */
  menu_label = g_strdup_printf (_("Actions for the %s key"),
                                rosette_key_algorithm_get_label (
                                  rosette_key_record_get_algorithm (record)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  /* GTK 4.8: the inner button is what a screen reader lands on. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (menu_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data (G_OBJECT (row), "status-tag", tag);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);
  key_row_sync (row, record);
  g_signal_connect_object (record, "notify::status",
                           G_CALLBACK (record_status_changed_cb), row, 0);

  return row;
}

/* ---- generate ---- */

static void
generate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RosetteKeyPage) self = user_data;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = rosette_issuer_generate_key_finish (ROSETTE_ISSUER (source), result, &error);
  rosette_key_page_end (self);

  if (record == NULL)
    {
      rosette_key_page_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[KEYS_CHANGED], 0);
  rosette_key_page_show_message (self, _("New key created"));
}

static void
rosette_key_page_generate_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RosetteKeyPage *self = ROSETTE_KEY_PAGE (widget);
  RosetteKeyAlgorithm algorithm;

  if (self->issuer == NULL ||
      !rosette_key_algorithm_from_string (g_variant_get_string (parameter, NULL), &algorithm, NULL))
    return;

  rosette_key_page_begin (self);
  rosette_issuer_generate_key_async (self->issuer, self->store, algorithm, self->cancellable,
                                     generate_done_cb, g_object_ref (self));
}

/* ---- copy ---- */

/* Copies @text, or shows @error when making it failed. */
static void
copy_text (RosetteKeyPage *self,
           const char     *text,
           const GError   *error,
           const char     *done)
{
  if (text == NULL)
    {
      rosette_key_page_show_error (self, error);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  rosette_key_page_show_message (self, done);
}

static RosetteKeyRecord *
find_record (RosetteKeyPage *self,
             GVariant       *parameter)
{
  if (self->issuer == NULL)
    return NULL;

  return rosette_issuer_find_key (self->issuer, g_variant_get_string (parameter, NULL));
}

static void
rosette_key_page_copy_did_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RosetteKeyPage *self = ROSETTE_KEY_PAGE (widget);
  RosetteKeyRecord *record = find_record (self, parameter);
  g_autoptr(RosetteKey) key = NULL;
  g_autofree char *did = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL)
    return;

  key = rosette_key_new_from_record (record, &error);
  if (key != NULL)
    did = rosette_key_dup_did_key (key, &error);

  copy_text (self, did, error, _("DID copied"));
}

static void
rosette_key_page_copy_jwk_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RosetteKeyPage *self = ROSETTE_KEY_PAGE (widget);
  RosetteKeyRecord *record = find_record (self, parameter);
  g_autofree char *jwk = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL)
    return;

  jwk = rosette_issuer_export_public (self->issuer, record, ROSETTE_PUBLIC_FORMAT_JWK, &error);

  copy_text (self, jwk, error, _("Public key copied as JWK"));
}

/* ---- retire and revoke ---- */

static void
status_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RosetteKeyPage   *self)
{
  const char *key_id = g_object_get_data (G_OBJECT (dialog), "key-id");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->issuer == NULL)
    return;

  if (g_str_equal (response, "retire"))
    ok = rosette_issuer_retire_key (self->issuer, self->store, key_id, NULL, &error);
  else if (g_str_equal (response, "revoke"))
    ok = rosette_issuer_revoke_key (self->issuer, self->store, key_id, NULL, &error);
  else
    return;

  if (!ok)
    {
      rosette_key_page_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[KEYS_CHANGED], 0);
}

static void
ask_status_change (RosetteKeyPage *self,
                   GVariant       *parameter,
                   gboolean        revoke)
{
  RosetteKeyRecord *record = find_record (self, parameter);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (record == NULL)
    return;

  if (revoke)
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                         _("Revoke this key?"),
                                                         _("Badges signed with it will show as "
                                                           "signed by a revoked key.")));
  else
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                         _("Retire this key?"),
                                                         _("It will never sign again. Badges "
                                                           "it signed still verify, because "
                                                           "the key stays published.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), NULL);
  if (revoke)
    {
      adw_message_dialog_add_responses (dialog, "revoke", _("_Revoke"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "revoke",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      adw_message_dialog_add_responses (dialog, "retire", _("_Retire"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "key-id",
                          g_strdup (rosette_key_record_get_id (record)), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (status_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rosette_key_page_retire_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ask_status_change (ROSETTE_KEY_PAGE (widget), parameter, FALSE);
}

static void
rosette_key_page_revoke_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ask_status_change (ROSETTE_KEY_PAGE (widget), parameter, TRUE);
}

/* ---- backup and restore ---- */

/* A passphrase dialog: one entry, or two that must match (@confirm).
 * The file, chosen before, rides along as "file". */
static void
passphrase_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *second = g_object_get_data (G_OBJECT (dialog), "second");
  const char *text = gtk_editable_get_text (first);
  gboolean ok = text[0] != '\0' && strlen (text) <= ROSETTE_KEY_MAX_PASSPHRASE_LENGTH;

  if (second != NULL)
    ok = ok && g_str_equal (text, gtk_editable_get_text (second));

  adw_message_dialog_set_response_enabled (dialog, "ok", ok);
}

static AdwMessageDialog *
passphrase_dialog_new (RosetteKeyPage *self,
                       GFile          *file,
                       gboolean        confirm)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_password_entry_new ();
  GtkWidget *second = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (root),
    confirm ? _("Protect the Backup") : _("Unlock the Backup"),
    confirm ? _("Choose a passphrase. Without it the backup cannot be restored; keep it "
                "apart from the file.")
            : _("Enter the passphrase the backup was made with.")));

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (first), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  g_object_set (first, "placeholder-text", _("Passphrase"), "activates-default", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), first);
  if (confirm)
    {
      second = gtk_password_entry_new ();
      gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (second), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Passphrase again"), -1);
      g_object_set (second, "placeholder-text", _("Passphrase again"),
                    "activates-default", TRUE, NULL);
      gtk_box_append (GTK_BOX (box), second);
    }
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", confirm ? _("_Back Up") : _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "ok", FALSE);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "second", second);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (passphrase_changed_cb), dialog);
  if (second != NULL)
    g_signal_connect_swapped (second, "changed", G_CALLBACK (passphrase_changed_cb), dialog);

  return dialog;
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RosetteKeyPage) self = user_data;
  g_autoptr(GError) error = NULL;

  rosette_key_page_end (self);
  if (!rosette_issuer_backup_finish (ROSETTE_ISSUER (source), result, &error))
    rosette_key_page_show_error (self, error);
  else
    rosette_key_page_show_message (self, _("Keys backed up"));
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RosetteKeyPage) self = user_data;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;

  rosette_key_page_end (self);
  issuer = rosette_issuer_restore_finish (ROSETTE_ISSUER_STORE (source), result, &error);
  if (issuer == NULL)
    {
      rosette_key_page_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[ISSUER_RESTORED], 0, issuer);
  rosette_key_page_show_message (self, _("Keys restored"));
}

static void
passphrase_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RosetteKeyPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *second = g_object_get_data (G_OBJECT (dialog), "second");
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  const char *passphrase = gtk_editable_get_text (entry);

  if (g_str_equal (response, "ok") && self->store != NULL)
    {
      rosette_key_page_begin (self);
      /* The core copies the passphrase before it returns. */
      if (second != NULL && self->issuer != NULL)
        rosette_issuer_backup_async (self->issuer, file, passphrase, self->cancellable,
                                     backup_done_cb, g_object_ref (self));
      else if (second == NULL)
        rosette_issuer_restore_async (self->store, file, passphrase, self->cancellable,
                                      restore_done_cb, g_object_ref (self));
      else
        rosette_key_page_end (self);
    }

  /* Do not leave the passphrase in the entries' buffers. */
  gtk_editable_set_text (entry, "");
  if (second != NULL)
    gtk_editable_set_text (second, "");
}

static void
chooser_response_cb (GtkFileChooserNative *chooser,
                     int                   response,
                     RosetteKeyPage       *self)
{
  gboolean backup = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                    GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  dialog = passphrase_dialog_new (self, file, backup);
  g_signal_connect_object (dialog, "response", G_CALLBACK (passphrase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_file (RosetteKeyPage *self,
             gboolean        backup)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (backup ? _("Back Up Keys") : _("Restore Keys"),
                                         GTK_WINDOW (root),
                                         backup ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         backup ? _("_Save") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Rosette Key Backups"));
  gtk_file_filter_add_suffix (filter, "rosette-keys");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (backup)
    {
      /* Translators: the suggested name of a key backup file. */
      g_autofree char *name = g_strdup_printf ("%s.rosette-keys", _("issuer-keys"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rosette_key_page_backup_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  choose_file (ROSETTE_KEY_PAGE (widget), TRUE);
}

static void
rosette_key_page_restore_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  choose_file (ROSETTE_KEY_PAGE (widget), FALSE);
}

/* ---- the object ---- */

static void
rosette_key_page_dispose (GObject *object)
{
  RosetteKeyPage *self = ROSETTE_KEY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->issuer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rosette_key_page_parent_class)->dispose (object);
}

static void
rosette_key_page_class_init (RosetteKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_key_page_dispose;

  rosette_gui_ensure_resources ();

  /**
   * RosetteKeyPage::keys-changed:
   *
   * A key was made, retired or revoked; the issuer's identifier may
   * have changed with it.
   */
  signals[KEYS_CHANGED] = g_signal_new ("keys-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /**
   * RosetteKeyPage::issuer-restored:
   * @issuer: the issuer as now saved
   *
   * A backup was restored; the store's current issuer may be another one.
   */
  signals[ISSUER_RESTORED] = g_signal_new ("issuer-restored", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, ROSETTE_TYPE_ISSUER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteKeyPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteKeyPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteKeyPage, keys_group);
  gtk_widget_class_bind_template_callback (widget_class, status_dismissed_cb);
  gtk_widget_class_bind_template_child (widget_class, RosetteKeyPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, RosetteKeyPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RosetteKeyPage, generate_button);

  gtk_widget_class_install_action (widget_class, "keys.generate", "s",
                                   rosette_key_page_generate_action);
  gtk_widget_class_install_action (widget_class, "keys.copy-did", "s",
                                   rosette_key_page_copy_did_action);
  gtk_widget_class_install_action (widget_class, "keys.copy-jwk", "s",
                                   rosette_key_page_copy_jwk_action);
  gtk_widget_class_install_action (widget_class, "keys.retire", "s",
                                   rosette_key_page_retire_action);
  gtk_widget_class_install_action (widget_class, "keys.revoke", "s",
                                   rosette_key_page_revoke_action);
  gtk_widget_class_install_action (widget_class, "keys.backup", NULL,
                                   rosette_key_page_backup_action);
  gtk_widget_class_install_action (widget_class, "keys.restore", NULL,
                                   rosette_key_page_restore_action);
}

static void
rosette_key_page_init (RosetteKeyPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  rosette_gui_name_controls (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  placeholder = gtk_label_new (_("No keys yet. Create the issuer on the Issuer page, or "
                                 "restore a backup."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (placeholder, "dim-label");
  g_object_set (placeholder, "margin-top", 18, "margin-bottom", 18,
                "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_set_placeholder (self->list_box, placeholder);

  rosette_key_page_update_actions (self);
}

/**
 * rosette_key_page_set_issuer:
 * @store: (nullable): where the issuer is saved
 * @issuer: (nullable): the issuer whose keys to show, or %NULL before
 *   there is one
 */
void
rosette_key_page_set_issuer (RosetteKeyPage     *self,
                             RosetteIssuerStore *store,
                             RosetteIssuer      *issuer)
{
  g_return_if_fail (ROSETTE_IS_KEY_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->issuer, issuer);

  gtk_list_box_bind_model (self->list_box,
                           issuer != NULL ? rosette_issuer_get_keys (issuer) : NULL,
                           create_key_row, self, NULL);
  rosette_key_page_update_actions (self);
}

RosetteIssuer *
rosette_key_page_get_issuer (RosetteKeyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_PAGE (self), NULL);

  return self->issuer;
}

/* Whether a generate, backup or restore is running (for tests). */
gboolean
rosette_key_page_get_busy (RosetteKeyPage *self)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_PAGE (self), FALSE);

  return self->busy > 0;
}

/**
 * rosette_key_page_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the key at @position
 */
GtkWidget *
rosette_key_page_get_row (RosetteKeyPage *self,
                          guint           position)
{
  g_return_val_if_fail (ROSETTE_IS_KEY_PAGE (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, (int) position));
}

/* The status a key row shows ("active", "retired", "revoked", translated). */
const char *
rosette_key_row_get_status_text (GtkWidget *row)
{
  GtkLabel *tag = g_object_get_data (G_OBJECT (row), "status-tag");

  g_return_val_if_fail (GTK_IS_LABEL (tag), NULL);

  return gtk_label_get_label (tag);
}
