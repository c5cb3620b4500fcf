/* rosette-preferences-window.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preferences: the "Issuer" page (the profile badges name, and the
 * identifier they carry), the "Keys" page (RosetteKeyPage), and the
 * "Email" and "Publishing" pages (rosette-preferences-window-delivery.c).
 * Every
 * field is checked as it is typed with rosette_issuer_check_field(), the
 * same check saving does; a valid profile is saved half a second after
 * the last change. Before an issuer exists the same form collects the
 * profile and "Create Issuer" makes it, with its keys, in a worker thread.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rosette-gui-utils.h"
#include "rosette-preferences-window-private.h"

#define SAVE_DELAY_MS 500

G_DEFINE_FINAL_TYPE (RosettePreferencesWindow, rosette_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The profile fields in form order; "identifier" is handled apart. */
static const char * const profile_fields[] = { "name", "url", "email", "description", "image" };

static AdwEntryRow *
row_for_field (RosettePreferencesWindow *self,
               const char               *field)
{
  AdwEntryRow *rows[] = {
    self->name_row, self->url_row, self->email_row, self->description_row, self->image_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    if (g_str_equal (field, profile_fields[i]))
      return rows[i];

  return NULL;
}

/* Errors (no keyring, a locked one, a file that cannot be written) stay
 * on the page, whole, until dismissed or the next success: they say what
 * to do, which a toast would cut short. */
static void
show_status (RosettePreferencesWindow *self,
             const char               *message)
{
  if (message != NULL)
    gtk_label_set_label (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), message != NULL);
}

static void
status_dismissed_cb (RosettePreferencesWindow *self)
{
  show_status (self, NULL);
}

/* ---- the identifier ---- */

/* The identifier the form describes: "did:key", "did:web:DOMAIN" or the
 * https address. */
static char *
dup_form_identifier (RosettePreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->web_row));

  switch ((IdentifierChoice) adw_combo_row_get_selected (self->mode_row))
    {
    case MODE_DID_WEB:
      if (g_str_has_prefix (text, "did:web:"))
        return g_strdup (text);
      return g_strconcat ("did:web:", text, NULL);
    case MODE_URL:
      return g_strdup (text);
    case MODE_DID_KEY:
    default:
      return g_strdup ("did:key");
    }
}

static void
update_identifier_row (RosettePreferencesWindow *self)
{
  g_autofree char *identifier = NULL;
  IdentifierChoice mode = adw_combo_row_get_selected (self->mode_row);

  if (self->issuer != NULL)
    identifier = rosette_issuer_dup_identifier (self->issuer);
  else if (mode != MODE_DID_KEY)
    identifier = dup_form_identifier (self);

  if (identifier != NULL)
    adw_action_row_set_subtitle (self->identifier_row, identifier);
  else if (self->issuer == NULL)
    adw_action_row_set_subtitle (self->identifier_row,
                                 _("did:key of the Ed25519 key, made with the issuer"));
  else
    adw_action_row_set_subtitle (self->identifier_row,
                                 _("None: there is no active Ed25519 key; generate one on "
                                   "the Keys page"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issuer.copy-identifier",
                                 identifier != NULL);
}

static void
update_web_row (RosettePreferencesWindow *self)
{
  IdentifierChoice mode = adw_combo_row_get_selected (self->mode_row);

  gtk_widget_set_visible (GTK_WIDGET (self->web_row), mode != MODE_DID_KEY);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->web_row),
                                 mode == MODE_URL ? _("Profile Address (https)") : _("Domain"));
}

/* ---- checking and saving ---- */

static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_widget_set_tooltip_text (row, message);
}

static void
show_group_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Checks every field, marks the bad rows, and shows the first problem of
 * each group under it. Returns whether the whole form is valid. A name
 * left empty before anything was typed is not flagged yet. */
static gboolean
check_form (RosettePreferencesWindow *self)
{
  g_autofree char *profile_message = NULL;
  g_autofree char *identifier = dup_form_identifier (self);
  g_autoptr(GError) identifier_error = NULL;
  gboolean valid = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      AdwEntryRow *row = row_for_field (self, profile_fields[i]);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      g_autoptr(GError) error = NULL;
      gboolean quiet;

      if (rosette_issuer_check_field (profile_fields[i], text, &error))
        {
          set_row_error (GTK_WIDGET (row), NULL);
          continue;
        }

      valid = FALSE;
      quiet = text[0] == '\0' && self->issuer == NULL;
      set_row_error (GTK_WIDGET (row), quiet ? NULL : error->message);
      if (!quiet && profile_message == NULL)
        profile_message = g_strdup (error->message);
    }
  show_group_error (self->profile_error, profile_message);

  if (!rosette_issuer_check_field ("identifier", identifier, &identifier_error))
    {
      valid = FALSE;
      set_row_error (GTK_WIDGET (self->web_row), identifier_error->message);
      show_group_error (self->identifier_error, identifier_error->message);
    }
  else
    {
      set_row_error (GTK_WIDGET (self->web_row), NULL);
      show_group_error (self->identifier_error, NULL);
    }

  g_free (self->error_text);
  self->error_text = g_strdup (profile_message != NULL ? profile_message
                               : identifier_error != NULL ? identifier_error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "issuer.create",
                                 valid && self->issuer == NULL && !self->creating);

  return valid;
}

static void
save_now (RosettePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->issuer == NULL || self->store == NULL)
    return;

  if (!rosette_issuer_store_save (self->store, self->issuer, NULL, &error))
    show_status (self, error->message);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RosettePreferencesWindow *self = user_data;

  self->save_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (RosettePreferencesWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Copies the form into the issuer; only called with a valid form. */
static void
apply_form (RosettePreferencesWindow *self)
{
  g_autofree char *identifier = dup_form_identifier (self);
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row_for_field (self,
                                                                             profile_fields[i])));
      const char *value = text[0] != '\0' ? text : NULL;

      if (g_strcmp0 (value, rosette_issuer_get_field (self->issuer, profile_fields[i])) != 0)
        {
          changed = TRUE;
          rosette_issuer_set_field (self->issuer, profile_fields[i], value, NULL);
        }
    }

  if (g_strcmp0 (identifier, rosette_issuer_get_identifier (self->issuer)) != 0)
    {
      changed = TRUE;
      rosette_issuer_set_field (self->issuer, "identifier", identifier, NULL);
    }

  if (changed)
    schedule_save (self);
}

static void
form_changed_cb (RosettePreferencesWindow *self)
{
  gboolean valid;

  if (self->loading)
    return;

  update_web_row (self);
  valid = check_form (self);
  if (valid && self->issuer != NULL)
    apply_form (self);
  update_identifier_row (self);
}

/* ---- showing an issuer ---- */

static void
load_form (RosettePreferencesWindow *self)
{
  IdentifierChoice mode = MODE_DID_KEY;
  const char *identifier = NULL;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      const char *value = NULL;

      if (self->issuer != NULL)
        value = rosette_issuer_get_field (self->issuer, profile_fields[i]);
      gtk_editable_set_text (GTK_EDITABLE (row_for_field (self, profile_fields[i])),
                             value != NULL ? value : "");
    }

  if (self->issuer != NULL)
    {
      identifier = rosette_issuer_get_identifier (self->issuer);
      switch (rosette_issuer_get_identifier_mode (self->issuer))
        {
        case ROSETTE_IDENTIFIER_MODE_DID_WEB:
          mode = MODE_DID_WEB;
          identifier += strlen ("did:web:");
          break;
        case ROSETTE_IDENTIFIER_MODE_URL:
          mode = MODE_URL;
          break;
        case ROSETTE_IDENTIFIER_MODE_DID_KEY:
        default:
          identifier = NULL;
          break;
        }
    }
  adw_combo_row_set_selected (self->mode_row, mode);
  gtk_editable_set_text (GTK_EDITABLE (self->web_row), identifier != NULL ? identifier : "");

  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->create_group), self->issuer == NULL);
  adw_preferences_group_set_description (self->profile_group,
                                         self->issuer != NULL
                                         ? _("How badges name the issuer. Changes are saved "
                                             "as you type.")
                                         : _("How badges will name the issuer."));
  rosette_key_page_set_issuer (self->key_page, self->store, self->issuer);
  update_web_row (self);
  check_form (self);
  update_identifier_row (self);
}

static void
rosette_preferences_window_set_issuer (RosettePreferencesWindow *self,
                                       RosetteIssuer            *issuer)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->issuer, issuer);
  load_form (self);
}

/* The current issuer, or the first one if several exist and none is
 * chosen, or none. */
static RosetteIssuer *
load_current (RosettePreferencesWindow *self)
{
  g_autoptr(GPtrArray) all = NULL;
  RosetteIssuer *issuer;

  issuer = rosette_issuer_store_load_current (self->store, NULL, NULL);
  if (issuer != NULL)
    return issuer;

  all = rosette_issuer_store_list (self->store, NULL, NULL);
  if (all != NULL && all->len > 0)
    return g_object_ref (g_ptr_array_index (all, 0));

  return NULL;
}

/* ---- creating ---- */

static void
set_creating (RosettePreferencesWindow *self,
              gboolean                  creating)
{
  self->creating = creating;
  gtk_widget_set_visible (GTK_WIDGET (self->create_spinner), creating);
  gtk_spinner_set_spinning (self->create_spinner, creating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_group), !creating);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identifier_group), !creating);
  check_form (self);
}

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RosettePreferencesWindow) self = user_data;
  RosetteIssuer *issuer = ROSETTE_ISSUER (source);
  g_autoptr(GError) error = NULL;

  if (!rosette_issuer_create_finish (issuer, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_creating (self, FALSE);
          show_status (self, error->message);
        }
      return;
    }

  set_creating (self, FALSE);
  show_status (self, NULL);
  rosette_preferences_window_set_issuer (self, issuer);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Issuer created with two signing keys")));
}

static void
rosette_preferences_window_create_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (widget);
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autofree char *identifier = NULL;

  if (self->issuer != NULL || self->creating || !check_form (self))
    return;

  issuer = rosette_issuer_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  for (guint i = 1; i < G_N_ELEMENTS (profile_fields); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row_for_field (self,
                                                                             profile_fields[i])));

      if (text[0] != '\0')
        rosette_issuer_set_field (issuer, profile_fields[i], text, NULL);
    }
  identifier = dup_form_identifier (self);
  rosette_issuer_set_field (issuer, "identifier", identifier, NULL);

  set_creating (self, TRUE);
  rosette_issuer_create_async (issuer, self->store, self->cancellable,
                               create_done_cb, g_object_ref (self));
}

static void
rosette_preferences_window_copy_identifier_action (GtkWidget  *widget,
                                                   const char *action_name,
                                                   GVariant   *parameter)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (widget);
  g_autofree char *identifier = NULL;

  if (self->issuer == NULL)
    return;

  identifier = rosette_issuer_dup_identifier (self->issuer);
  if (identifier == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), identifier);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Identifier copied")));
}

/* ---- the key page ---- */

static void
keys_changed_cb (RosettePreferencesWindow *self)
{
  /* The worker saved the profile as it was when it started; save the
   * form's latest values with the new keys. */
  update_identifier_row (self);
  schedule_save (self);
}

static void
issuer_restored_cb (RosettePreferencesWindow *self,
                    RosetteIssuer            *restored)
{
  g_autoptr(RosetteIssuer) issuer = NULL;

  save_now (self);
  issuer = load_current (self);
  rosette_preferences_window_set_issuer (self, issuer != NULL ? issuer : restored);
}

/* ---- the object ---- */

static void
rosette_preferences_window_dispose (GObject *object)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (object);

  /* A change typed just before closing is not lost. */
  if (self->save_source != 0)
    save_now (self);

  g_cancellable_cancel (self->cancellable);
  _rosette_preferences_window_delivery_dispose (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->issuer);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROSETTE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rosette_preferences_window_parent_class)->dispose (object);
}

static void
rosette_preferences_window_finalize (GObject *object)
{
  RosettePreferencesWindow *self = ROSETTE_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (rosette_preferences_window_parent_class)->finalize (object);
}

static void
rosette_preferences_window_class_init (RosettePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_preferences_window_dispose;
  object_class->finalize = rosette_preferences_window_finalize;

  rosette_gui_ensure_resources ();
  g_type_ensure (ROSETTE_TYPE_KEY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/dialogs/rosette-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, status_group);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, create_group);
  gtk_widget_class_bind_template_callback (widget_class, status_dismissed_cb);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, create_spinner);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, description_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, image_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, profile_error);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, identifier_group);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, mode_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, web_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, identifier_row);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, identifier_error);
  gtk_widget_class_bind_template_child (widget_class, RosettePreferencesWindow, key_page);

  gtk_widget_class_install_action (widget_class, "issuer.create", NULL,
                                   rosette_preferences_window_create_action);
  gtk_widget_class_install_action (widget_class, "issuer.copy-identifier", NULL,
                                   rosette_preferences_window_copy_identifier_action);

  _rosette_preferences_window_delivery_class_init (klass);
}

static void
rosette_preferences_window_init (RosettePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  adw_preferences_group_set_description (self->identifier_group,
                                         rosette_issuer_identifier_explanation ());

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    g_signal_connect_swapped (row_for_field (self, profile_fields[i]), "changed",
                              G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->web_row, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->mode_row, "notify::selected",
                            G_CALLBACK (form_changed_cb), self);

  g_signal_connect_swapped (self->key_page, "keys-changed", G_CALLBACK (keys_changed_cb), self);
  g_signal_connect_swapped (self->key_page, "issuer-restored",
                            G_CALLBACK (issuer_restored_cb), self);

  _rosette_preferences_window_delivery_init (self);
}

/**
 * rosette_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): where issuers are kept; %NULL for $ROSETTE_DATA_DIR
 *   if set, else $XDG_DATA_HOME/rosette (as rosette-cli does)
 */
RosettePreferencesWindow *
rosette_preferences_window_new (GtkWindow          *parent,
                                RosetteIssuerStore *store)
{
  RosettePreferencesWindow *self;
  g_autoptr(RosetteIssuer) issuer = NULL;

  self = g_object_new (ROSETTE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
    }
  else
    {
      const char *dir = g_getenv ("ROSETTE_DATA_DIR");
      g_autoptr(GFile) base = dir != NULL && dir[0] != '\0' ? g_file_new_for_path (dir) : NULL;

      self->store = rosette_issuer_store_new (base);
    }

  issuer = load_current (self);
  rosette_preferences_window_set_issuer (self, issuer);

  return self;
}

/**
 * rosette_preferences_window_get_issuer:
 *
 * Returns: (transfer none) (nullable): the issuer shown, %NULL before one
 *   is created
 */
RosetteIssuer *
rosette_preferences_window_get_issuer (RosettePreferencesWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), NULL);

  return self->issuer;
}

RosetteKeyPage *
rosette_preferences_window_get_key_page (RosettePreferencesWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), NULL);

  return self->key_page;
}

/**
 * rosette_preferences_window_get_field_row:
 * @field: a profile field ("name", "url", "email", "description", "image")
 *
 * Returns: (transfer none) (nullable): the entry row of @field
 */
GtkWidget *
rosette_preferences_window_get_field_row (RosettePreferencesWindow *self,
                                          const char               *field)
{
  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (row_for_field (self, field));
}

/**
 * rosette_preferences_window_get_error_text:
 *
 * Returns: (nullable): the first validation message the form shows
 */
const char *
rosette_preferences_window_get_error_text (RosettePreferencesWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), NULL);

  return self->error_text;
}

gboolean
rosette_preferences_window_get_creating (RosettePreferencesWindow *self)
{
  g_return_val_if_fail (ROSETTE_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->creating;
}
