/* test-welcome.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The first-run flow as a new user meets it, headless: on an empty data
 * folder it is needed; filling in the organisation and pressing Create
 * makes the issuer and its keys through the core (in a private keyring);
 * a bad address is explained and nothing is written; skipping says so;
 * a key backup restores the issuer on another (empty) data folder; once
 * an issuer exists the flow is not needed any more.
 */

#include "config.h"

#include "gui-test-utils.h"
#include "rosette-test-keyring.h"
#include "rosette-welcome-window.h"

static char *root;
static char *keyring_skip;

typedef struct
{
  gboolean       finished;
  RosetteIssuer *issuer;
} Finished;

static void
finished_cb (RosetteWelcomeWindow *welcome,
             RosetteIssuer        *issuer,
             Finished             *result)
{
  result->finished = TRUE;
  g_set_object (&result->issuer, issuer);
}

static gboolean
step_is_done (gpointer data)
{
  RosetteWelcomeWindow *welcome = data;

  return !rosette_welcome_window_get_busy (welcome) &&
         g_strcmp0 (rosette_welcome_window_get_step (welcome), "working") != 0;
}

static RosetteIssuerStore *
store_new (const char *name)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autoptr(GFile) base = g_file_new_for_path (path);

  return rosette_issuer_store_new (base);
}

static GtkEditable *
find_entry_row (GtkWidget  *widget,
                const char *id)
{
  GtkBuildable *buildable = GTK_BUILDABLE (widget);

  if (g_strcmp0 (gtk_buildable_get_buildable_id (buildable), id) == 0)
    return GTK_EDITABLE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry_row (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
fill (RosetteWelcomeWindow *welcome,
      const char           *id,
      const char           *text)
{
  GtkEditable *row = find_entry_row (GTK_WIDGET (welcome), id);

  g_assert_nonnull (row);
  gtk_editable_set_text (row, text);
}

static void
test_welcome_create (void)
{
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) saved = NULL;
  RosetteWelcomeWindow *welcome;
  Finished result = { FALSE, NULL };

  if (keyring_skip != NULL)
    {
      g_test_skip (keyring_skip);
      return;
    }

  store = store_new ("create");
  g_assert_true (rosette_welcome_window_is_needed (store));

  welcome = rosette_welcome_window_new (NULL, store);
  g_signal_connect (welcome, "finished", G_CALLBACK (finished_cb), &result);
  gtk_window_present (GTK_WINDOW (welcome));
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "start");

  /* Create is off until the organisation has a name. */
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.setup", NULL);
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "profile");
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.create", NULL);
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "profile");

  /* A website that is not one: said in words, nothing written. */
  fill (welcome, "name_row", "Example Corp");
  fill (welcome, "url_row", "not a web address");
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.create", NULL);
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "profile");
  g_assert_true (rosette_welcome_window_is_needed (store));

  fill (welcome, "url_row", "https://example.org");
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.create", NULL);
  g_assert_true (gui_test_wait_until (step_is_done, welcome));
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "done");

  /* The core saved it, current, with its default keys. */
  g_assert_false (rosette_welcome_window_is_needed (store));
  saved = rosette_issuer_store_load_current (store, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (rosette_issuer_get_name (saved), ==, "Example Corp");
  g_assert_cmpstr (rosette_issuer_get_url (saved), ==, "https://example.org");
  g_assert_cmpuint (rosette_issuer_get_n_keys (saved), >=, 2);

  /* Finishing hands the issuer to whoever opens the sample family. */
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.finish", NULL);
  gui_test_spin ();
  g_assert_true (result.finished);
  g_assert_nonnull (result.issuer);
  g_assert_cmpstr (rosette_issuer_get_id (result.issuer), ==, rosette_issuer_get_id (saved));
  g_clear_object (&result.issuer);
}

static void
test_welcome_skip (void)
{
  g_autoptr(RosetteIssuerStore) store = store_new ("skip");
  RosetteWelcomeWindow *welcome = rosette_welcome_window_new (NULL, store);
  Finished result = { FALSE, NULL };

  g_signal_connect (welcome, "finished", G_CALLBACK (finished_cb), &result);
  gtk_window_present (GTK_WINDOW (welcome));
  gui_test_spin ();

  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.skip", NULL);
  gui_test_spin ();
  g_assert_true (result.finished);
  g_assert_null (result.issuer);
  /* Nothing made: it is offered again next time. */
  g_assert_true (rosette_welcome_window_is_needed (store));
}

static void
test_welcome_restore (void)
{
  g_autoptr(RosetteIssuerStore) first = NULL;
  g_autoptr(RosetteIssuerStore) second = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteIssuer) restored = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GError) error = NULL;
  RosetteWelcomeWindow *welcome;

  if (keyring_skip != NULL)
    {
      g_test_skip (keyring_skip);
      return;
    }

  /* A backup made on "another computer". */
  first = store_new ("before");
  issuer = rosette_issuer_new ("Backed Up Ltd");
  g_assert_true (rosette_issuer_create_sync (issuer, first, NULL, &error));
  g_assert_no_error (error);
  backup_path = g_build_filename (root, "keys.backup", NULL);
  backup = g_file_new_for_path (backup_path);
  g_assert_true (rosette_issuer_backup_sync (issuer, backup, "correct horse", NULL, &error));
  g_assert_no_error (error);

  second = store_new ("after");
  g_assert_true (rosette_welcome_window_is_needed (second));
  welcome = rosette_welcome_window_new (NULL, second);
  gtk_window_present (GTK_WINDOW (welcome));
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.restore", NULL);
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "restore");

  /* A wrong passphrase is explained, and the form stays. */
  rosette_welcome_window_set_backup (welcome, backup);
  fill (welcome, "passphrase_row", "wrong");
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.restore-backup", NULL);
  g_assert_true (gui_test_wait_until (step_is_done, welcome));
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "restore");
  g_assert_true (rosette_welcome_window_is_needed (second));

  fill (welcome, "passphrase_row", "correct horse");
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.restore-backup", NULL);
  g_assert_true (gui_test_wait_until (step_is_done, welcome));
  g_assert_cmpstr (rosette_welcome_window_get_step (welcome), ==, "done");

  restored = rosette_issuer_store_load_current (second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_issuer_get_id (restored), ==, rosette_issuer_get_id (issuer));
  g_assert_cmpstr (rosette_issuer_get_id (rosette_welcome_window_get_issuer (welcome)), ==,
                   rosette_issuer_get_id (issuer));

  gtk_window_destroy (GTK_WINDOW (welcome));
}

int
main (int   argc,
      char *argv[])
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  g_autoptr(TestSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_dir = NULL;
  int status;

  if ((x11 == NULL || x11[0] == '\0') && (wayland == NULL || wayland[0] == '\0'))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  root = g_dir_make_tmp ("rosette-welcome-XXXXXX", &error);
  g_assert_no_error (error);

  /* Before any thread or GTK: the bus everything in this process uses. */
  session_dir = g_build_filename (root, "session", NULL);
  session = test_session_start (session_dir, TRUE, &error);
  if (session != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", session->address, TRUE);
  else
    keyring_skip = g_strdup_printf ("no private keyring: %s", error->message);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/rosette/gui/welcome/create", test_welcome_create);
  g_test_add_func ("/rosette/gui/welcome/skip", test_welcome_skip);
  g_test_add_func ("/rosette/gui/welcome/restore", test_welcome_restore);

  status = g_test_run ();

  g_clear_pointer (&session, test_session_free);
  test_rm_rf (root);
  g_free (keyring_skip);
  g_free (root);

  return status;
}
