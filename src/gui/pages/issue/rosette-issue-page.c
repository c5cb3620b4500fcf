/* rosette-issue-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Issue page: one badge for one person. The form fills a
 * RosetteIssueRequest; a short while after each change the page checks
 * it (inline messages), renders the tier and builds the unsigned
 * credential for the preview (rosette_issue_preview(), no keyring), and
 * "Issue…" runs rosette_issue_one_async() into the file the user picks,
 * recording the badge in the app's registry (the one the Registry page
 * shows, opened the same way the first time) so it can be revoked.
 * The criteria shown are the family's (or the tier's own): editing them
 * edits the family, so the window's history can undo it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-bulk-issue-dialog.h"
#include "rosette-gui-utils.h"
#include "rosette-issue-page.h"
#include "rosette-registry-page.h"

#define UPDATE_DELAY_MS 150
#define CRITERIA_DELAY_MS 400
#define PREVIEW_SIZE 256

struct _RosetteIssuePage
{
  AdwBin               parent_instance;

  RosetteFamily       *family;
  RosetteIssuerStore  *store;
  RosetteIssuer       *issuer;
  GCancellable        *cancellable;
  RosetteIssueResult  *last_result;
  RosetteRegistry     *registry;
  RosetteIssueRequest *pending;
  char                *last_error;
  GFile               *last_folder;
  GtkFileChooserNative *chooser;
  gulong               changed_id;
  guint                update_source;
  guint                criteria_source;
  guint                syncing_criteria : 1;
  guint                can_issue : 1;
  guint                busy : 1;
  guint                other_family : 1;

  /* Template widgets */
  AdwPreferencesGroup *issuer_group;
  AdwActionRow        *family_row;
  AdwComboRow         *tier_row;
  GtkStringList       *tier_model;
  AdwEntryRow         *email_row;
  AdwEntryRow         *name_row;
  GtkSwitch           *include_name_switch;
  AdwEntryRow         *valid_from_row;
  AdwEntryRow         *valid_until_row;
  GtkMenuButton       *valid_from_button;
  GtkMenuButton       *valid_until_button;
  AdwEntryRow         *evidence_row;
  AdwEntryRow         *narrative_row;
  GtkTextView         *criteria_view;
  AdwComboRow         *proof_row;
  AdwComboRow         *format_row;
  GtkButton           *issue_button;
  GtkSpinner          *spinner;
  GtkLabel            *email_message;
  GtkLabel            *dates_message;
  GtkLabel            *criteria_message;
  GtkLabel            *status_message;
  GtkPicture          *badge_picture;
  GtkLabel            *summary_label;
  GtkTextView         *json_view;
};

G_DEFINE_FINAL_TYPE (RosetteIssuePage, rosette_issue_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_CAN_ISSUE,
  PROP_BUSY,
  N_PROPS
};

enum {
  ISSUED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const format_extensions[] = { "png", "svg", "json", "jwt" };

static void schedule_update (RosetteIssuePage *self);

static void
show_message (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
mark_error (gpointer widget,
            gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static RosetteTier *
selected_tier (RosetteIssuePage *self)
{
  guint position = adw_combo_row_get_selected (self->tier_row);

  if (self->family == NULL || position >= rosette_family_get_n_tiers (self->family))
    return NULL;

  return rosette_family_get_tier (self->family, position);
}

static char *
dup_criteria_text (RosetteIssuePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->criteria_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the criteria the selected tier issues with, unless the user is
 * typing in them. */
static void
sync_criteria (RosetteIssuePage *self)
{
  RosetteTier *tier = selected_tier (self);
  g_autofree char *shown = dup_criteria_text (self);
  const char *criteria;

  if (tier == NULL || self->criteria_source != 0)
    return;

  criteria = rosette_family_get_tier_criteria (self->family, tier);
  if (g_strcmp0 (shown, criteria) == 0)
    return;

  self->syncing_criteria = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->criteria_view), criteria, -1);
  self->syncing_criteria = FALSE;
}

static void
sync_tiers (RosetteIssuePage *self)
{
  guint n = self->family != NULL ? rosette_family_get_n_tiers (self->family) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->tier_model));
  guint selected = adw_combo_row_get_selected (self->tier_row);
  gboolean same = n == old;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *name = rosette_tier_get_name (rosette_family_get_tier (self->family, i));

      g_ptr_array_add (names, (gpointer) name);
      same = same && g_strcmp0 (gtk_string_list_get_string (self->tier_model, i), name) == 0;
    }
  g_ptr_array_add (names, NULL);

  if (same)
    return;

  gtk_string_list_splice (self->tier_model, 0, old, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->tier_row, selected < n ? selected : 0);
}

static void
family_changed_cb (RosetteIssuePage *self,
                   RosetteFamily    *family)
{
  sync_tiers (self);
  sync_criteria (self);
  adw_action_row_set_subtitle (self->family_row, rosette_family_get_name (family));
  schedule_update (self);
}

static RosetteIssueRequest *
make_request (RosetteIssuePage  *self,
              GError           **error)
{
  g_autoptr(RosetteIssueRequest) request = rosette_issue_request_new ();
  RosetteTier *tier = selected_tier (self);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->valid_from_row));
  const char *until = gtk_editable_get_text (GTK_EDITABLE (self->valid_until_row));

  request->family = self->family != NULL ? g_object_ref (self->family) : NULL;
  request->tier = tier != NULL ? g_strdup (rosette_tier_get_name (tier)) : NULL;
  request->issuer = self->issuer != NULL ? g_object_ref (self->issuer) : NULL;
  request->email = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  request->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  request->include_name = gtk_switch_get_active (self->include_name_switch);
  request->evidence_url = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)));
  request->narrative = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->narrative_row)));
  /* The rows of the proof combo, in the order of the .ui file. */
  switch (adw_combo_row_get_selected (self->proof_row))
    {
    case 1:
      request->proof = ROSETTE_ISSUE_PROOF_VC_JWT;
      break;
    case 2:
      request->proof = ROSETTE_ISSUE_PROOF_OB2;
      break;
    default:
      request->proof = ROSETTE_ISSUE_PROOF_DATA_INTEGRITY;
      break;
    }
  request->format = MIN (adw_combo_row_get_selected (self->format_row), ROSETTE_ISSUE_FORMAT_JWT);

  if (*from != '\0' && (request->valid_from = rosette_issue_parse_date (from, FALSE, error)) == NULL)
    return NULL;
  if (*until != '\0' && (request->valid_until = rosette_issue_parse_date (until, TRUE, error)) == NULL)
    return NULL;

  return g_steal_pointer (&request);
}

/* The dates and the address, checked as the user types. */
static gboolean
check_fields (RosetteIssuePage     *self,
              RosetteIssueRequest **out_request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteIssueRequest) request = make_request (self, &error);
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  g_autofree char *criteria = dup_criteria_text (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean ok = TRUE;

  mark_error (self->valid_from_row, FALSE);
  mark_error (self->valid_until_row, FALSE);
  if (request == NULL)
    {
      g_autoptr(GDateTime) from = rosette_issue_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->valid_from_row)),
                                                            FALSE, NULL);

      show_message (self->dates_message, error->message);
      mark_error (from == NULL ? self->valid_from_row : self->valid_until_row, TRUE);
      ok = FALSE;
    }
  else if (request->valid_until != NULL &&
           g_date_time_compare (request->valid_until,
                                request->valid_from != NULL ? request->valid_from : now) <= 0)
    {
      show_message (self->dates_message, _("The expiry date must be after the start of validity"));
      mark_error (self->valid_until_row, TRUE);
      ok = FALSE;
    }
  else
    {
      show_message (self->dates_message, NULL);
    }
  g_clear_error (&error);

  /* An empty address is not an error yet, but nothing can be issued. */
  if (*email != '\0' && !rosette_email_check (email, &error))
    {
      show_message (self->email_message, error->message);
      mark_error (self->email_row, TRUE);
      ok = FALSE;
    }
  else
    {
      show_message (self->email_message, NULL);
      mark_error (self->email_row, FALSE);
      ok = ok && *email != '\0';
    }
  g_clear_error (&error);

  if (g_strstrip (criteria)[0] == '\0')
    {
      show_message (self->criteria_message,
                    _("Write the criteria: Open Badges requires them, and they are shown to "
                      "anyone who checks the badge."));
      ok = FALSE;
    }
  else if (!rosette_family_check_achievement_text ("criteria", criteria, &error))
    {
      show_message (self->criteria_message, error->message);
      ok = FALSE;
    }
  else
    {
      show_message (self->criteria_message, NULL);
    }

  if (out_request != NULL)
    *out_request = g_steal_pointer (&request);

  return ok;
}

static void
update_picture (RosetteIssuePage *self)
{
  RosetteTier *tier = selected_tier (self);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (tier != NULL)
    png = rosette_design_render_png (self->family, tier, PREVIEW_SIZE, NULL);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);

  gtk_picture_set_paintable (self->badge_picture, GDK_PAINTABLE (texture));
}

static void
update_summary (RosetteIssuePage    *self,
                RosetteIssueRequest *request)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  RosetteTier *tier = selected_tier (self);
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));

  if (self->family == NULL || tier == NULL)
    {
      gtk_label_set_text (self->summary_label, _("Open a badge family to issue its badges."));
      return;
    }

  from = g_date_time_format (request != NULL && request->valid_from != NULL ? request->valid_from : now,
                             "%Y-%m-%d");
  if (request != NULL && request->valid_until != NULL)
    until = g_date_time_format (request->valid_until, "%Y-%m-%d");

  /* Translators: the lines of the issue preview */
  g_string_append_printf (text, _("Achievement: %s — %s"), rosette_family_get_name (self->family),
                          rosette_tier_get_name (tier));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Tier: %s (%u of %u)"), rosette_tier_get_name (tier),
                          adw_combo_row_get_selected (self->tier_row) + 1,
                          rosette_family_get_n_tiers (self->family));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Issuer: %s"), self->issuer != NULL ? rosette_issuer_get_name (self->issuer)
                                                                      : _("none yet"));
  g_string_append_c (text, '\n');
  if (*email != '\0')
    g_string_append_printf (text, _("Recipient: %s, written only as a salted hash"), email);
  else
    g_string_append (text, _("Recipient: not entered yet"));
  if (gtk_switch_get_active (self->include_name_switch) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Name in the badge: %s"),
                              gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Valid from: %s"), from);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Valid until: %s"), until != NULL ? until : _("no expiry"));

  gtk_label_set_text (self->summary_label, text->str);
}

static void
set_can_issue (RosetteIssuePage *self,
               gboolean          can_issue)
{
  can_issue = can_issue && !self->busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), can_issue);
  if (self->can_issue == can_issue)
    return;
  self->can_issue = can_issue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ISSUE]);
}

static void
load_issuer (RosetteIssuePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    {
      const char *dir = g_getenv ("ROSETTE_DATA_DIR");
      g_autoptr(GFile) base = dir != NULL && *dir != '\0' ? g_file_new_for_path (dir) : NULL;

      self->store = rosette_issuer_store_new (base);
    }

  g_clear_object (&self->issuer);
  self->issuer = rosette_issuer_store_load_current (self->store, NULL, &error);
  if (self->issuer == NULL)
    g_debug ("No issuer: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->issuer_group), self->issuer == NULL);
}

/**
 * rosette_issue_page_refresh:
 *
 * Checks the form again, re-reads the issuer profile and rebuilds the
 * preview now (it is also done shortly after every change).
 */
void
rosette_issue_page_refresh (RosetteIssuePage *self)
{
  g_autoptr(RosetteIssueRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->json_view);
  gboolean ok;

  g_return_if_fail (ROSETTE_IS_ISSUE_PAGE (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  load_issuer (self);
  ok = check_fields (self, &request);
  update_picture (self);
  update_summary (self, request);

  if (self->family != NULL && self->issuer != NULL && request != NULL)
    {
      /* Before an address is typed, preview with a stand-in. */
      if (request->email == NULL || *request->email == '\0' || !rosette_email_check (request->email, NULL))
        {
          g_free (request->email);
          request->email = g_strdup ("recipient@example.com");
        }
      json = rosette_issue_preview (request, &error);
    }

  gtk_text_buffer_set_text (buffer, json != NULL ? json : "", -1);
  if (!self->busy && self->last_error == NULL && self->last_result == NULL)
    show_message (self->status_message, ok && error != NULL ? error->message : NULL);
  set_can_issue (self, ok && json != NULL);
}

static gboolean
update_cb (gpointer data)
{
  RosetteIssuePage *self = data;

  self->update_source = 0;
  rosette_issue_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (RosetteIssuePage *self)
{
  if (self->update_source == 0)
    self->update_source = g_timeout_add (UPDATE_DELAY_MS, update_cb, self);
}

static void
field_changed_cb (RosetteIssuePage *self)
{
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->last_result, rosette_issue_result_free);
  sync_criteria (self);
  schedule_update (self);
}

/* The typed criteria go into the family (one undo step per pause). */
static gboolean
apply_criteria_cb (gpointer data)
{
  RosetteIssuePage *self = data;
  g_autofree char *criteria = dup_criteria_text (self);
  RosetteTier *tier = selected_tier (self);

  self->criteria_source = 0;
  if (tier == NULL || !rosette_family_check_achievement_text ("criteria", criteria, NULL))
    return G_SOURCE_REMOVE;

  if (*rosette_tier_get_criteria (tier) != '\0')
    rosette_tier_set_criteria (tier, criteria);
  else
    rosette_family_set_criteria (self->family, criteria);

  return G_SOURCE_REMOVE;
}

static void
criteria_changed_cb (RosetteIssuePage *self,
                     GtkTextBuffer    *buffer)
{
  if (self->syncing_criteria)
    return;

  g_clear_handle_id (&self->criteria_source, g_source_remove);
  self->criteria_source = g_timeout_add (CRITERIA_DELAY_MS, apply_criteria_cb, self);
  schedule_update (self);
}

static void
set_date_from_calendar (AdwEntryRow   *row,
                        GtkCalendar   *calendar,
                        GtkMenuButton *button)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_popdown (button);
}

static void
valid_from_day_selected_cb (RosetteIssuePage *self,
                            GtkCalendar      *calendar)
{
  set_date_from_calendar (self->valid_from_row, calendar, self->valid_from_button);
}

static void
valid_until_day_selected_cb (RosetteIssuePage *self,
                             GtkCalendar      *calendar)
{
  set_date_from_calendar (self->valid_until_row, calendar, self->valid_until_button);
}

/* What to do about a failure, in plain words. */
static char *
explain_error (const GError *error)
{
  if (g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_LOCKED))
    return g_strdup (_("The keyring that holds the signing keys is locked. Unlock it (log in "
                       "again, or use Passwords and Keys) and issue again."));
  if (g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_KEYRING_UNAVAILABLE))
    return g_strdup (_("No keyring is running, and the signing keys are kept there. Start "
                       "GNOME Keyring (or log in to a desktop session) and issue again."));
  if (g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_ACCESS_DENIED))
    return g_strdup (_("The keyring refused Rosette access to the signing key. Allow it and "
                       "issue again."));

  return g_strdup (error->message);
}

static void
set_busy (RosetteIssuePage *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  set_can_issue (self, !busy && self->can_issue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
issue_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RosetteIssuePage) self = user_data;
  g_autoptr(GError) error = NULL;
  RosetteIssueResult *issued = rosette_issue_one_finish (result, &error);
  GtkWidget *overlay;

  set_busy (self, FALSE);

  if (issued == NULL)
    {
      g_autofree char *text = explain_error (error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_free (self->last_error);
      self->last_error = g_steal_pointer (&text);
      show_message (self->status_message, self->last_error);
      mark_error (self->status_message, TRUE);
      rosette_issue_page_refresh (self);
      return;
    }

  g_clear_pointer (&self->last_result, rosette_issue_result_free);
  self->last_result = issued;
  g_clear_object (&self->last_folder);
  self->last_folder = g_file_get_parent (issued->file);
  mark_error (self->status_message, FALSE);
  show_message (self->status_message, issued->warning);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Badge issued"));
      g_autofree char *uri = g_file_get_uri (self->last_folder);

      /* The toast lives in the window's overlay, outside this page: only
       * a window action is reachable from its button. */
      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }

  g_signal_emit (self, signals[ISSUED], 0, issued->file, issued->id);
  rosette_issue_page_refresh (self);
}

static void
start_issue (RosetteIssuePage    *self,
             RosetteIssueRequest *request)
{
  g_set_object (&request->registry, self->registry);
  rosette_issue_one_async (request, self->cancellable, issue_done_cb, g_object_ref (self));
}

static void
registry_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RosetteIssuePage) self = user_data;
  g_autoptr(RosetteIssueRequest) request = g_steal_pointer (&self->pending);
  g_autoptr(GError) error = NULL;
  RosetteRegistry *registry = rosette_registry_page_open_registry_finish (result, &error);

  if (registry == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      g_free (self->last_error);
      /* Translators: %s says why the badge registry could not be opened */
      self->last_error = g_strdup_printf (_("The badge was not issued: the registry could not "
                                            "be opened (%s)"), error->message);
      show_message (self->status_message, self->last_error);
      mark_error (self->status_message, TRUE);
      return;
    }

  g_clear_object (&self->registry);
  self->registry = registry;
  if (request != NULL)
    start_issue (self, request);
}

/**
 * rosette_issue_page_issue_to_file:
 * @file: where to write the badge
 *
 * Issues the badge the form describes into @file, in a worker thread,
 * and records it in the app's registry (rosette_registry_page_dup_registry_path());
 * #RosetteIssuePage::issued is emitted when it is written. (The "Issue…"
 * button asks for @file first.)
 */
void
rosette_issue_page_issue_to_file (RosetteIssuePage *self,
                                  GFile            *file)
{
  g_autoptr(RosetteIssueRequest) request = NULL;

  g_return_if_fail (ROSETTE_IS_ISSUE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Typed criteria count now, not after the pause. */
  if (self->criteria_source != 0)
    {
      g_clear_handle_id (&self->criteria_source, g_source_remove);
      apply_criteria_cb (self);
    }

  rosette_issue_page_refresh (self);
  if (!self->can_issue || !check_fields (self, &request) || request == NULL)
    return;

  request->output = g_object_ref (file);
  request->store = g_object_ref (self->store);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->last_result, rosette_issue_result_free);
  show_message (self->status_message, _("Signing…"));
  mark_error (self->status_message, FALSE);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Every badge is recorded: open the registry (off the main thread) the
   * first time. */
  if (self->registry == NULL)
    {
      g_clear_pointer (&self->pending, rosette_issue_request_free);
      self->pending = g_steal_pointer (&request);
      rosette_registry_page_open_registry_async (NULL, self->cancellable, registry_opened_cb,
                                                 g_object_ref (self));
      return;
    }

  start_issue (self, request);
}

static void
family_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RosetteIssuePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteFamily) family = rosette_family_new_from_file_finish (result, &error);
  g_autofree char *subtitle = NULL;

  if (family == NULL)
    {
      show_message (self->status_message, error->message);
      return;
    }

  rosette_issue_page_set_family (self, family);
  self->other_family = TRUE;
  /* Translators: the family row when issuing from a file other than the window's */
  subtitle = g_strdup_printf (_("%s (another file: criteria edits are not saved)"),
                              rosette_family_get_name (family));
  adw_action_row_set_subtitle (self->family_row, subtitle);
}

/* Both choosers answer here: Save issues, Open loads a family. */
static void
chooser_response_cb (RosetteIssuePage     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  GtkFileChooserAction action = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    rosette_issue_page_issue_to_file (self, file);
  else
    rosette_family_new_from_file_async (file, NULL, family_opened_cb, g_object_ref (self));
}

static GtkFileChooser *
new_chooser (RosetteIssuePage     *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                               action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_FILE_CHOOSER (self->chooser);
}

static void
issue_clicked_cb (RosetteIssuePage *self)
{
  g_autoptr(RosetteIssueRequest) request = NULL;
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  if (!check_fields (self, &request) || request == NULL || self->chooser != NULL)
    return;

  name = rosette_issue_dup_file_name (request, format_extensions[request->format]);
  chooser = new_chooser (self, _("Save the Badge"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (chooser, name);
  if (self->last_folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, self->last_folder, NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Many recipients at once: the bulk-issue assistant, for this family. */
static void
bulk_clicked_cb (RosetteIssuePage *self)
{
  GtkWidget *dialog;

  if (self->family == NULL)
    return;

  dialog = rosette_bulk_issue_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          self->family, self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_clicked_cb (RosetteIssuePage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Badge families"));
  gtk_file_filter_add_mime_type (filter, ROSETTE_FAMILY_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "rosette");
  chooser = new_chooser (self, _("Issue from a Badge Family"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Open"));
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
rosette_issue_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rosette_issue_page_parent_class)->map (widget);

  /* The issuer may have been set up in Preferences meanwhile. */
  rosette_issue_page_refresh (ROSETTE_ISSUE_PAGE (widget));
}

static void
rosette_issue_page_dispose (GObject *object)
{
  RosetteIssuePage *self = (RosetteIssuePage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->criteria_source, g_source_remove);
  if (self->family != NULL)
    g_clear_signal_handler (&self->changed_id, self->family);
  g_clear_object (&self->family);
  g_clear_object (&self->issuer);
  g_clear_object (&self->store);
  g_clear_object (&self->last_folder);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->pending, rosette_issue_request_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->last_result, rosette_issue_result_free);
  g_clear_pointer (&self->last_error, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROSETTE_TYPE_ISSUE_PAGE);

  G_OBJECT_CLASS (rosette_issue_page_parent_class)->dispose (object);
}

static void
rosette_issue_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RosetteIssuePage *self = ROSETTE_ISSUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_CAN_ISSUE:
      g_value_set_boolean (value, self->can_issue);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issue_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RosetteIssuePage *self = ROSETTE_ISSUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      rosette_issue_page_set_family (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issue_page_class_init (RosetteIssuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rosette_issue_page_dispose;
  object_class->get_property = rosette_issue_page_get_property;
  object_class->set_property = rosette_issue_page_set_property;
  widget_class->map = rosette_issue_page_map;

  /**
   * RosetteIssuePage:family:
   *
   * The family badges are issued from (the window's, or another file).
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL, ROSETTE_TYPE_FAMILY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteIssuePage:can-issue:
   *
   * Whether the form is complete and valid and an issuer exists.
   */
  properties[PROP_CAN_ISSUE] =
    g_param_spec_boolean ("can-issue", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteIssuePage:busy:
   *
   * Whether a badge is being signed and written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RosetteIssuePage::issued:
   * @self: the page
   * @file: the file written
   * @id: the credential's id
   *
   * Emitted when a badge has been issued and written.
   */
  signals[ISSUED] =
    g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  rosette_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rosette/Rosette/pages/issue/rosette-issue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, issuer_group);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, family_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, tier_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, tier_model);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, include_name_switch);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, valid_from_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, valid_until_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, valid_from_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, valid_until_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, narrative_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, criteria_view);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, proof_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, format_row);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, issue_button);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, email_message);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, dates_message);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, criteria_message);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, status_message);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, badge_picture);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RosetteIssuePage, json_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, issue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, bulk_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, valid_from_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, valid_until_day_selected_cb);

}

static void
rosette_issue_page_init (RosetteIssuePage *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (today, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_editable_set_text (GTK_EDITABLE (self->valid_from_row), text);
  g_signal_connect_object (gtk_text_view_get_buffer (self->criteria_view), "changed",
                           G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
  update_summary (self, NULL);
}

GtkWidget *
rosette_issue_page_new (void)
{
  return g_object_new (ROSETTE_TYPE_ISSUE_PAGE, NULL);
}

RosetteFamily *
rosette_issue_page_get_family (RosetteIssuePage *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUE_PAGE (self), NULL);

  return self->family;
}

/**
 * rosette_issue_page_set_family:
 * @family: (nullable): the family to issue from
 */
void
rosette_issue_page_set_family (RosetteIssuePage *self,
                               RosetteFamily    *family)
{
  g_return_if_fail (ROSETTE_IS_ISSUE_PAGE (self));
  g_return_if_fail (family == NULL || ROSETTE_IS_FAMILY (family));

  if (self->family == family)
    return;

  if (self->family != NULL)
    g_clear_signal_handler (&self->changed_id, self->family);
  g_clear_handle_id (&self->criteria_source, g_source_remove);
  g_set_object (&self->family, family);
  self->other_family = FALSE;

  if (family != NULL)
    {
      self->changed_id = g_signal_connect_object (family, "changed", G_CALLBACK (family_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
      family_changed_cb (self, family);
    }
  else
    {
      sync_tiers (self);
      adw_action_row_set_subtitle (self->family_row, _("No family open"));
      schedule_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

/**
 * rosette_issue_page_set_store:
 * @store: (nullable): where issuers are kept; %NULL for $ROSETTE_DATA_DIR
 *   or the default
 */
void
rosette_issue_page_set_store (RosetteIssuePage   *self,
                              RosetteIssuerStore *store)
{
  g_return_if_fail (ROSETTE_IS_ISSUE_PAGE (self));

  g_set_object (&self->store, store);
  schedule_update (self);
}

gboolean
rosette_issue_page_get_can_issue (RosetteIssuePage *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUE_PAGE (self), FALSE);

  return self->can_issue;
}

gboolean
rosette_issue_page_get_busy (RosetteIssuePage *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUE_PAGE (self), FALSE);

  return self->busy;
}

GtkEditable *
_rosette_issue_page_get_field (RosetteIssuePage *self,
                               const char       *name)
{
  const struct { const char *name; AdwEntryRow *row; } fields[] = {
    { "email", self->email_row }, { "name", self->name_row },
    { "valid-from", self->valid_from_row }, { "valid-until", self->valid_until_row },
    { "evidence", self->evidence_row }, { "narrative", self->narrative_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return GTK_EDITABLE (fields[i].row);

  return NULL;
}

/* @name: "email", "dates", "criteria" or "status"; NULL when hidden. */
const char *
_rosette_issue_page_get_message (RosetteIssuePage *self,
                                 const char       *name)
{
  GtkLabel *label = g_str_equal (name, "email") ? self->email_message :
                    g_str_equal (name, "dates") ? self->dates_message :
                    g_str_equal (name, "criteria") ? self->criteria_message : self->status_message;

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

gboolean
_rosette_issue_page_get_issuer_missing (RosetteIssuePage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->issuer_group));
}

char *
_rosette_issue_page_dup_preview_json (RosetteIssuePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->json_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

const char *
_rosette_issue_page_get_last_error (RosetteIssuePage *self)
{
  return self->last_error;
}

RosetteIssueResult *
_rosette_issue_page_get_last_result (RosetteIssuePage *self)
{
  return self->last_result;
}
