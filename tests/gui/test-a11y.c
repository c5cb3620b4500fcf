/* test-a11y.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Accessibility, as a screen-reader user meets the app: every control on
 * every page of the window, in the dialogs and in Preferences has an
 * accessible name; the welcome form is walked by Tab in reading order;
 * every accelerator the application sets is in the shortcuts window.
 *
 * Runs with GTK_A11Y=test (set in main() before GTK starts): GTK 4.8
 * honours it ("GTK_A11Y=help" lists "test - Use the test accessibility
 * backend"), so every widget gets a GtkTestATContext that records its
 * properties and relations without an accessibility bus.
 *
 * GTK 4.8 has no public call for the computed accessible name, and its
 * name computation falls back to the widget's type name ("GtkButton") for
 * an unlabelled control; a tooltip is only the description there. So a
 * control counts as named when it has a non-empty "label" property or a
 * "labelled-by" relation, which is what GTK itself sets for a button with
 * a label, a row's title and so on.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"

#include "rosette-application.h"
#include "rosette-bulk-issue-dialog.h"
#include "rosette-export-dialog.h"
#include "rosette-new-family-dialog.h"
#include "rosette-preferences-window.h"
#include "rosette-test-keyring.h"
#include "rosette-welcome-window.h"
#include "rosette-window.h"

static char *data_dir;


/* The roles a person operates, and so must hear named. */
static gboolean
is_control_role (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      /* check_property returns NULL when the value is the one given. */
      g_autofree char *differs =
        gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      if (differs != NULL)
        return TRUE;
    }

  return gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Every visible control under @widget without a name goes into @unnamed;
 * returns how many controls were checked. */
static guint
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  guint n_checked = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;

  if (is_control_role (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    {
      n_checked++;
      if (!has_accessible_name (widget))
        g_ptr_array_add (unnamed, gui_test_describe_widget (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Only the page a stack shows: each page is walked when shown. */
      if ((GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget)) &&
          !gtk_widget_get_child_visible (child))
        continue;
      n_checked += collect_unnamed (child, unnamed);
    }

  return n_checked;
}

static void
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint n_checked = collect_unnamed (root, unnamed);

  g_test_message ("%s: %u controls checked", what, n_checked);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: no accessible name: %s", what, (char *) unnamed->pdata[i]);

  /* A page with no controls at all means the walk missed it. */
  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_a11y_window_pages (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  AdwViewStack *stack = NULL;
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n_pages;

  gtk_window_present (GTK_WINDOW (window));
  gui_test_spin ();

  /* Find the view stack the switcher shows, so pages added later are
   * walked too. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL; )
    {
      if (ADW_IS_VIEW_STACK (w))
        {
          stack = ADW_VIEW_STACK (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        {
          w = gtk_widget_get_first_child (w);
          continue;
        }
      while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
        w = gtk_widget_get_parent (w);
      if (w != NULL)
        w = gtk_widget_get_next_sibling (w);
    }
  g_assert_nonnull (stack);

  pages = adw_view_stack_get_pages (stack);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  g_assert_cmpuint (n_pages, >=, 4);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_autofree char *what = g_strdup_printf ("page %s", adw_view_stack_page_get_name (page));

      adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
      gui_test_spin ();
      /* The header bar and switcher belong to every page. */
      assert_all_named (GTK_WIDGET (window), what);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_a11y_dialogs (void)
{
  RosetteWindow *window = gui_test_window_new_with_sample ();
  RosetteFamily *family = rosette_window_get_family (window);
  g_autoptr(GFile) base = g_file_new_for_path (data_dir);
  g_autoptr(RosetteIssuerStore) store = rosette_issuer_store_new (base);
  GtkWindow *dialogs[4];
  const char *names[] = { "export", "new family", "preferences", "bulk issue" };

  dialogs[0] = GTK_WINDOW (rosette_export_dialog_new (GTK_WINDOW (window), family,
                                                      rosette_family_get_tier (family, 0)));
  dialogs[1] = GTK_WINDOW (rosette_new_family_dialog_new (GTK_WINDOW (window)));
  dialogs[2] = GTK_WINDOW (rosette_preferences_window_new (GTK_WINDOW (window), store));
  dialogs[3] = GTK_WINDOW (rosette_bulk_issue_dialog_new (GTK_WINDOW (window), family, store));

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      gtk_window_present (dialogs[i]);
      gui_test_spin ();
      assert_all_named (GTK_WIDGET (dialogs[i]), names[i]);
      gtk_window_destroy (dialogs[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_a11y_welcome (void)
{
  g_autoptr(GFile) base = g_file_new_for_path (data_dir);
  g_autoptr(RosetteIssuerStore) store = rosette_issuer_store_new (base);
  RosetteWelcomeWindow *welcome = rosette_welcome_window_new (NULL, store);
  const char *steps[] = { "start", "profile", "restore", "done" };

  gtk_window_present (GTK_WINDOW (welcome));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *what = g_strdup_printf ("welcome %s", steps[i]);

      rosette_welcome_window_set_step (welcome, steps[i]);
      gui_test_spin ();
      assert_all_named (GTK_WIDGET (welcome), what);
    }

  gtk_window_destroy (GTK_WINDOW (welcome));
}

/* Tab through the welcome form: the fields come in the order they are
 * read, then the button that acts on them. */
static void
test_a11y_welcome_focus_order (void)
{
  g_autoptr(GFile) base = g_file_new_for_path (data_dir);
  g_autoptr(RosetteIssuerStore) store = rosette_issuer_store_new (base);
  RosetteWelcomeWindow *welcome = rosette_welcome_window_new (NULL, store);
  const char *expected[] = { "name_row", "url_row", "email_row", "create_button" };
  guint next = 0;

  gtk_window_present (GTK_WINDOW (welcome));
  rosette_welcome_window_set_step (welcome, "profile");
  gui_test_spin ();

  for (guint tab = 0; tab < 40 && next < G_N_ELEMENTS (expected); tab++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (welcome));
      int found = -1;

      /* The form part holding the focus (inside a row, the focus is on
       * the row's own entry). */
      for (GtkWidget *w = focus; w != NULL && found < 0; w = gtk_widget_get_parent (w))
        for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
          if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)), expected[i]) == 0)
            {
              found = i;
              /* Something to create, so the button can take focus. */
              if (i == 0)
                gtk_editable_set_text (GTK_EDITABLE (w), "Example Corp");
            }

      /* Nothing comes before the part expected next. */
      if (found >= 0)
        {
          g_assert_cmpint (found, >=, (int) next - 1);
          g_assert_cmpint (found, <=, (int) next);
          if (found == (int) next)
            next++;
        }

      gtk_widget_child_focus (GTK_WIDGET (welcome), GTK_DIR_TAB_FORWARD);
      gui_test_spin ();
    }

  g_assert_cmpuint (next, ==, G_N_ELEMENTS (expected));
  gtk_window_destroy (GTK_WINDOW (welcome));
}

static void
add_overlay_shortcuts (GtkWidget  *widget,
                       GPtrArray  *actions,
                       GArray     *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      if (action != NULL)
        g_ptr_array_add (actions, g_steal_pointer (&action));
      accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          if (accels[i][0] != '\0' && gtk_accelerator_parse (accels[i], &key, &mods))
            {
              guint pair[2] = { gdk_keyval_to_lower (key), mods };

              g_array_append_vals (keys, pair, 2);
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_overlay_shortcuts (child, actions, keys);
}

static gboolean
keys_contain (GArray          *keys,
              guint            key,
              GdkModifierType  mods)
{
  for (guint i = 0; i + 1 < keys->len; i += 2)
    if (g_array_index (keys, guint, i) == gdk_keyval_to_lower (key) &&
        g_array_index (keys, guint, i + 1) == mods)
      return TRUE;

  return FALSE;
}

/* Every accelerator the application sets appears in the shortcuts window,
 * by its action or by its keys. */
static void
test_a11y_shortcuts_complete (void)
{
  g_autoptr(RosetteApplication) app = rosette_application_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) described = NULL;
  GObject *overlay;
  guint n_accels = 0;

  /* Startup sets the accelerators; no D-Bus name is needed for it. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  builder = gtk_builder_new_from_resource ("/io/github/rosette/Rosette/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  add_overlay_shortcuts (GTK_WIDGET (overlay), actions, keys);
  g_assert_cmpuint (actions->len + keys->len, >, 0);

  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    described[i]);
      gboolean listed = FALSE;

      for (guint j = 0; j < actions->len && !listed; j++)
        listed = g_str_equal (actions->pdata[j], described[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;

          n_accels++;
          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          if (!listed && !keys_contain (keys, key, mods))
            {
              g_test_message ("%s (%s) is not in the shortcuts window", described[i], accels[j]);
              g_assert_not_reached ();
            }
        }
    }

  g_assert_cmpuint (n_accels, >=, 15);
  gtk_window_destroy (GTK_WINDOW (overlay));
  g_application_quit (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  g_autoptr(GError) error = NULL;
  int status;

  if ((x11 == NULL || x11[0] == '\0') && (wayland == NULL || wayland[0] == '\0'))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* Before GTK creates its first accessible: the test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  /* An empty data folder: no issuer, so the forms are the first-run ones. */
  data_dir = g_dir_make_tmp ("rosette-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("ROSETTE_DATA_DIR", data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/rosette/gui/a11y/window-pages", test_a11y_window_pages);
  g_test_add_func ("/rosette/gui/a11y/dialogs", test_a11y_dialogs);
  g_test_add_func ("/rosette/gui/a11y/welcome", test_a11y_welcome);
  g_test_add_func ("/rosette/gui/a11y/welcome-focus-order", test_a11y_welcome_focus_order);
  g_test_add_func ("/rosette/gui/a11y/shortcuts-complete", test_a11y_shortcuts_complete);

  status = g_test_run ();

  test_rm_rf (data_dir);
  g_free (data_dir);

  return status;
}
