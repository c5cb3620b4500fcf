/* test-verify-page.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Verify page as a person uses it, headless and offline: a badge
 * issued here (a fresh Ed25519 did:key, baked into a rendered PNG) is
 * Valid with every check shown; a tampered credential from the corpus is
 * Not valid; one whose key is on the web is "Could not fully verify"
 * until its key file is trusted; a wrong email flips the recipient row to
 * failed; hostile files are refused without harm; and a PNG badge opened
 * through the application lands on the Verify page.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"
#include "rosette-application.h"
#include "rosette-test-verify.h"
#include "rosette-verify-check-row.h"
#include "rosette-verify-markdown.h"
#include "rosette-verify-page-private.h"
#include "rosette-verify-page.h"
#include "rosette-window-private.h"

#define TEST_EMAIL "ana.lima@acme.example"

static char *tmpdir;

static gboolean
page_done (gpointer data)
{
  RosetteVerifyPage *page = data;

  return !rosette_verify_page_get_busy (page) && rosette_verify_page_get_report (page) != NULL;
}

static gboolean
page_has_picture (gpointer data)
{
  return _rosette_verify_page_get_picture (data) != NULL;
}

static GFile *
corpus_file (const char *name)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "verify", name, NULL);

  return g_file_new_for_path (path);
}

/* A PNG that claims to be 60,000 pixels square (14 GB of pixels): its
 * header is all there is to it. */
static GBytes *
huge_png (void)
{
  GByteArray *out = g_byte_array_new ();
  static const guint8 ihdr[13] = { 0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60, 8, 2, 0, 0, 0 };
  static const guint8 idat[] = { 0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 };

  g_byte_array_append (out, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  test_png_append_chunk (out, "IHDR", ihdr, sizeof ihdr);
  test_png_append_chunk (out, "IDAT", idat, sizeof idat);
  test_png_append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}

/* A Data Integrity badge for TEST_EMAIL baked into the family's artwork,
 * or into @image. */
static GFile *
issued_png_full (GBytes     *image,
                 const char *name)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autofree char *json = test_verify_data_integrity (t, credential);
  g_autoptr(GBytes) payload = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) artwork = NULL;
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  gsize size;
  const char *data;

  if (image != NULL)
    artwork = g_bytes_ref (image);
  else
    artwork = rosette_design_render_png (t->family, rosette_family_get_tier (t->family, 1), 256,
                                         &error);
  g_assert_no_error (error);
  baked = rosette_png_bake (artwork, ROSETTE_BADGE_VERSION_OB3, payload, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (baked, &size);
  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
issued_png (void)
{
  return issued_png_full (NULL, "ana.png");
}

static RosetteVerifyPage *
page_in_window (GtkWidget **window)
{
  RosetteVerifyPage *page = ROSETTE_VERIFY_PAGE (rosette_verify_page_new ());

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  rosette_verify_page_set_offline (page, TRUE);

  return page;
}

static void
verify (RosetteVerifyPage *page,
        GFile             *file)
{
  rosette_verify_page_verify_file (page, file);
  g_assert_true (rosette_verify_page_get_busy (page));
  g_assert_true (gui_test_wait_until (page_done, page));
  g_assert_cmpstr (_rosette_verify_page_get_visible (page), ==, "result");
}

/* The row of @kind, checking on the way that every row's icon says its
 * check's state and that the rows are the report's checks, in order. */
static RosetteVerifyCheckRow *
check_row (RosetteVerifyPage      *page,
           RosetteVerifyCheckKind  kind)
{
  GtkListBox *list = _rosette_verify_page_get_checks (page);
  RosetteVerifyCheckRow *found = NULL;
  guint n_rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RosetteVerifyCheckRow *row;
      RosetteVerifyCheck *check;
      const char *icon;

      if (!ROSETTE_IS_VERIFY_CHECK_ROW (child))
        continue;

      row = ROSETTE_VERIFY_CHECK_ROW (child);
      check = rosette_verify_check_row_get_check (row);
      icon = rosette_verify_check_row_get_icon_name (row);
      g_assert_cmpint (rosette_verify_check_get_kind (check), ==, n_rows);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       rosette_verify_check_get_title (check));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                rosette_verify_check_get_explanation (check)));
      switch (rosette_verify_check_get_state (check))
        {
        case ROSETTE_VERIFY_STATE_PASSED:
          g_assert_cmpstr (icon, ==, "emblem-ok-symbolic");
          break;
        case ROSETTE_VERIFY_STATE_FAILED:
          g_assert_cmpstr (icon, ==, "dialog-error-symbolic");
          break;
        case ROSETTE_VERIFY_STATE_NOT_CHECKED:
        default:
          g_assert_true (g_strcmp0 (icon, "dialog-warning-symbolic") == 0 ||
                         g_strcmp0 (icon, "dialog-question-symbolic") == 0);
          break;
        }

      if (rosette_verify_check_get_kind (check) == kind)
        found = row;
      n_rows++;
    }

  g_assert_cmpuint (n_rows, ==, ROSETTE_VERIFY_N_CHECKS);
  g_assert_nonnull (found);
  return found;
}

static void
assert_row (RosetteVerifyPage      *page,
            RosetteVerifyCheckKind  kind,
            RosetteVerifyState      state)
{
  RosetteVerifyCheck *check = rosette_verify_check_row_get_check (check_row (page, kind));

  g_assert_cmpint (rosette_verify_check_get_state (check), ==, state);
}

static void
assert_banner (RosetteVerifyPage *page,
               const char        *style)
{
  static const char * const styles[] = { "valid", "not-valid", "incomplete" };
  GtkWidget *banner = _rosette_verify_page_get_banner (page);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    g_assert_cmpint (gtk_widget_has_css_class (banner, styles[i]), ==,
                     g_strcmp0 (styles[i], style) == 0);
}

static void
test_valid (void)
{
  g_autoptr(GFile) file = issued_png ();
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);
  RosetteVerifyReport *report;
  GdkPaintable *picture;

  g_assert_cmpstr (_rosette_verify_page_get_visible (page), ==, "empty");

  verify (page, file);
  report = rosette_verify_page_get_report (page);
  g_assert_cmpint (rosette_verify_report_get_verdict (report), ==, ROSETTE_VERIFY_VERDICT_VALID);
  assert_banner (page, "valid");
  assert_row (page, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_PASSED);
  assert_row (page, ROSETTE_VERIFY_CHECK_CONTAINER, ROSETTE_VERIFY_STATE_PASSED);

  /* The picture is the badge's own artwork, drawn by the core. */
  g_assert_true (gui_test_wait_until (page_has_picture, page));
  picture = _rosette_verify_page_get_picture (page);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), ==, 320);
  gtk_test_widget_wait_for_draw (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pictures (void)
{
  g_autoptr(GFile) svg = corpus_file ("1edtech/ob30-simple-json.svg");
  g_autoptr(GFile) key = corpus_file ("keys/1edtech-ob30-b.multikey");
  g_autoptr(GBytes) huge = huge_png ();
  g_autoptr(GFile) bomb = issued_png_full (huge, "huge.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);

  /* A baked SVG from another issuer: drawn by librsvg, from the bytes only. */
  g_assert_true (rosette_verify_page_set_trusted_key (page, key, &error));
  g_assert_no_error (error);
  verify (page, svg);
  assert_banner (page, "valid");
  g_assert_true (gui_test_wait_until (page_has_picture, page));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (_rosette_verify_page_get_picture (page)), ==,
                   320);

  /* A picture that would need gigabytes is refused by the core before
   * any pixel is allocated; the badge still is what it is, and the last
   * file's picture is gone. */
  verify (page, bomb);
  assert_banner (page, "valid");
  g_assert_null (_rosette_verify_page_get_picture (page));
  surface = rosette_verify_report_render_image (rosette_verify_page_get_report (page), 320, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_null (surface);
  gtk_test_widget_wait_for_draw (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_recipient (void)
{
  g_autoptr(GFile) file = issued_png ();
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);
  GtkEditable *email = NULL;

  verify (page, file);
  assert_row (page, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_NOT_CHECKED);

  /* Someone else's address: the recipient check fails, and so the badge. */
  email = _rosette_verify_page_get_email (page);
  gtk_editable_set_text (email, "someone.else@acme.example");
  g_signal_emit_by_name (email, "apply");
  g_assert_cmpstr (rosette_verify_page_get_recipient (page), ==, "someone.else@acme.example");
  g_assert_true (gui_test_wait_until (page_done, page));
  assert_row (page, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_FAILED);
  assert_banner (page, "not-valid");

  /* The address it was issued to, typed loosely. */
  gtk_editable_set_text (email, "  Ana.Lima@ACME.example ");
  g_signal_emit_by_name (email, "apply");
  g_assert_true (gui_test_wait_until (page_done, page));
  assert_row (page, ROSETTE_VERIFY_CHECK_RECIPIENT, ROSETTE_VERIFY_STATE_PASSED);
  assert_banner (page, "valid");

  /* Not an address at all: nothing is re-run, the last answer stays. */
  gtk_editable_set_text (email, "not an address");
  g_signal_emit_by_name (email, "apply");
  g_assert_false (rosette_verify_page_get_busy (page));
  g_assert_cmpstr (rosette_verify_page_get_recipient (page), ==, "Ana.Lima@ACME.example");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_not_valid (void)
{
  g_autoptr(GFile) file = corpus_file ("independent/ob3-di-tampered.json");
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);

  verify (page, file);
  g_assert_cmpint (rosette_verify_report_get_verdict (rosette_verify_page_get_report (page)), ==,
                   ROSETTE_VERIFY_VERDICT_NOT_VALID);
  assert_banner (page, "not-valid");
  assert_row (page, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_FAILED);
  assert_row (page, ROSETTE_VERIFY_CHECK_STRUCTURE, ROSETTE_VERIFY_STATE_PASSED);
  gtk_test_widget_wait_for_draw (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_incomplete_then_key (void)
{
  g_autoptr(GFile) file = corpus_file ("1edtech/ob30-simple.json");
  g_autoptr(GFile) key = corpus_file ("keys/1edtech-ob30.multikey");
  g_autoptr(GFile) not_a_key = corpus_file ("1edtech/ob30-simple.json");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);

  verify (page, file);
  assert_banner (page, "incomplete");
  assert_row (page, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_NOT_CHECKED);

  /* A file that holds no key is refused and changes nothing. */
  g_assert_false (rosette_verify_page_set_trusted_key (page, not_a_key, &error));
  g_assert_nonnull (error);
  g_assert_false (rosette_verify_page_get_busy (page));
  g_clear_error (&error);

  /* The issuer's key, given by the person checking: now it is complete. */
  g_assert_true (rosette_verify_page_set_trusted_key (page, key, &error));
  g_assert_no_error (error);
  g_assert_true (gui_test_wait_until (page_done, page));
  assert_banner (page, "valid");
  assert_row (page, ROSETTE_VERIFY_CHECK_PROOF, ROSETTE_VERIFY_STATE_PASSED);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_hostile (void)
{
  static const char * const names[] = {
    "attacks/svg-entity-bomb.svg",
    "attacks/svg-external-entity.svg",
    "attacks/deep.json",
    "attacks/png-zip-bomb.png",
    "attacks/random.bin",
  };
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = corpus_file (names[i]);
      RosetteVerifyReport *report;

      g_test_message ("%s", names[i]);
      verify (page, file);
      report = rosette_verify_page_get_report (page);
      g_assert_cmpint (rosette_verify_report_get_verdict (report), ==,
                       ROSETTE_VERIFY_VERDICT_NOT_VALID);
      g_assert_false (rosette_verify_report_get_usable (report));
      assert_banner (page, "not-valid");
      g_assert_null (_rosette_verify_page_get_picture (page));
      (void) check_row (page, ROSETTE_VERIFY_CHECK_CONTAINER);
      gtk_test_widget_wait_for_draw (window);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkApplication *application;
  const char     *page;
} OpenedData;

static RosetteWindow *
first_window (GtkApplication *application)
{
  GList *windows = gtk_application_get_windows (application);

  return windows != NULL && ROSETTE_IS_WINDOW (windows->data) ? windows->data : NULL;
}

static gboolean
window_shows (gpointer data)
{
  OpenedData *opened = data;
  RosetteWindow *window = first_window (opened->application);
  const char *shown;

  if (window == NULL || rosette_window_get_loading (window))
    return FALSE;

  shown = adw_view_stack_get_visible_child_name (window->view_stack);
  return g_strcmp0 (shown, opened->page) == 0;
}

static void
test_open_with (void)
{
  g_autoptr(RosetteApplication) application = rosette_application_new ();
  g_autoptr(GFile) badge = issued_png ();
  g_autofree char *family_path = g_build_filename (tmpdir, "leaders.rosette", NULL);
  g_autoptr(GFile) family_file = g_file_new_for_path (family_path);
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_LEADERSHIP,
                                                                     "Team Leads");
  g_autoptr(GError) error = NULL;
  OpenedData opened = { GTK_APPLICATION (application), "verify" };
  RosetteVerifyPage *page;
  RosetteWindow *window;

  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  /* "Open With" a PNG: a window straight on the Verify page, checking it. */
  g_application_open (G_APPLICATION (application), &badge, 1, "");
  g_assert_true (gui_test_wait_until (window_shows, &opened));
  window = first_window (GTK_APPLICATION (application));
  page = ROSETTE_VERIFY_PAGE (adw_view_stack_get_child_by_name (window->view_stack, "verify"));
  g_assert_true (g_file_equal (rosette_verify_page_get_file (page), badge));
  g_assert_true (gui_test_wait_until (page_done, page));
  assert_banner (page, "valid");
  g_assert_null (rosette_window_get_family (window));

  /* A family file still opens in the designer. */
  g_assert_true (rosette_family_save_to_file (family, family_file, NULL, &error));
  g_assert_no_error (error);
  opened.page = "design";
  g_application_open (G_APPLICATION (application), &family_file, 1, "");
  g_assert_true (gui_test_wait_until (window_shows, &opened));
  window = first_window (GTK_APPLICATION (application));
  g_assert_nonnull (rosette_window_get_family (window));
  g_assert_cmpstr (rosette_family_get_name (rosette_window_get_family (window)), ==, "Team Leads");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (application)))
    gtk_window_destroy (l->data);
  g_unlink (family_path);
}

/* Every label's text under @widget, shown or not. */
static void
collect_labels (GtkWidget *widget,
                GString   *all)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (all, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (all, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, all);
}

/* The page never shows the command line's wording: it says where on the
 * page to give a key, not "--key". */
static void
test_own_wording (void)
{
  g_autoptr(GFile) file = corpus_file ("1edtech/ob30-simple-jwt.png");
  g_autoptr(GString) all = g_string_new (NULL);
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);

  verify (page, file);
  assert_banner (page, "incomplete");
  g_assert_true (rosette_verify_report_get_needs_key (rosette_verify_page_get_report (page)));
  g_assert_nonnull (strstr (gtk_label_get_label (page->summary_label), "Issuer’s Key"));
  collect_labels (GTK_WIDGET (page), all);
  g_assert_null (strstr (all->str, "--key"));
  g_assert_null (strstr (all->str, "--offline"));
  g_assert_null (strstr (all->str, "--recipient"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Valid label markup (links included, which Pango alone does not know):
 * GtkLabel warns otherwise, and warnings fail the test. */
static void
assert_label_markup (const char *markup)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

  gtk_label_set_markup (GTK_LABEL (label), markup);
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >, 0);
  g_object_unref (label);
}

static void
test_markdown (void)
{
  static const struct
  {
    const char *markdown;
    const char *markup;
  } cases[] = {
    { "Completed the **GDPR practitioner** course and passed its _test_.",
      "Completed the <b>GDPR practitioner</b> course and passed its <i>test</i>." },
    { "# Criteria\n\nDo this:\n\n- read\n- write\n\n1. first\n2. second",
      "<span weight=\"bold\" size=\"large\">Criteria</span>\n\nDo this:\n\n• read\n• write\n\n1. first\n2. second" },
    { "See [the rules](https://acme.example/rules?a=1&b=2).",
      "See <a href=\"https://acme.example/rules?a=1&amp;b=2\">the rules</a>." },
    /* From the file, so never trusted: no script links, no markup, no images. */
    { "[click](javascript:alert(1)) <b>bold</b> ![logo](https://evil.example/x.png) `a<b`",
      "click &lt;b&gt;bold&lt;/b&gt; logo <tt>a&lt;b</tt>" },
    { "<script>x</script>\n\n5 < 6 & 7 > 2", "&lt;script&gt;x&lt;/script&gt;\n\n5 &lt; 6 &amp; 7 &gt; 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = rosette_verify_markdown_to_pango (cases[i].markdown);

      g_assert_cmpstr (markup, ==, cases[i].markup);
      assert_label_markup (markup);
    }

  /* Deep nesting stays valid markup. */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autofree char *markup = NULL;

    for (guint i = 0; i < 200; i++)
      g_string_append_printf (deep, "%*s- *[level %u](https://a.example)*\n", i * 2, "", i);
    markup = rosette_verify_markdown_to_pango (deep->str);
    assert_label_markup (markup);
  }
  g_assert_null (rosette_verify_markdown_to_pango (NULL));
}

/* Criteria are shown rendered, and endorsements as rows of their own. */
static void
test_criteria_and_endorsements (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(TestIssuing) guild = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "endorsed.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);
  GtkWidget *row;

  rosette_issuer_set_name (guild->issuer, "Guild of Assessors");
  json_array_add_element (list, test_verify_endorsement (guild, "Meets our standard."));
  json_object_set_array_member (extra, "endorsement", json_array_ref (list));
  json = test_verify_di_with_members (t, extra);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);

  verify (page, file);
  assert_banner (page, "valid");
  /* The row shows the text without the asterisks, in bold. */
  g_assert_cmpstr (adw_action_row_get_subtitle (page->criteria_row), ==,
                   "Completed the GDPR practitioner course and passed its test.");
  {
    g_autoptr(GString) all = g_string_new (NULL);

    collect_labels (GTK_WIDGET (page->criteria_row), all);
    g_assert_nonnull (strstr (all->str, "Completed the <b>GDPR practitioner</b> course"));
  }
  g_assert_true (gtk_widget_get_visible (page->endorsements_group));
  row = gtk_widget_get_first_child (GTK_WIDGET (page->endorsements_list));
  g_assert_true (ROSETTE_IS_VERIFY_CHECK_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Endorsed by Guild of Assessors");
  g_assert_cmpstr (rosette_verify_check_row_get_icon_name (ROSETTE_VERIFY_CHECK_ROW (row)), ==,
                   "emblem-ok-symbolic");
  g_assert_null (gtk_widget_get_next_sibling (row));

  /* A badge without endorsements hides the group again. */
  {
    g_autoptr(GFile) plain = issued_png ();

    verify (page, plain);
    g_assert_false (gtk_widget_get_visible (page->endorsements_group));
    g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (page->endorsements_list)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page, with the result it shows, fits a 360 px phone. */
static void
assert_fits_phone (RosetteVerifyPage *page)
{
  int min_width;

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  /* test-screenshots' narrow case names the widget that is too wide. */
  g_test_message ("the page needs %d px", min_width);
  g_assert_cmpint (min_width, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 360);
}

/* On a phone: a badge with its picture, endorsements by someone with a
 * long name and by a bare DID, and every check row, all fit 360 px. */
static void
test_narrow (void)
{
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(TestIssuing) society = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(TestIssuing) anonymous = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = issued_png ();
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "endorsed-narrow.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window;
  RosetteVerifyPage *page = page_in_window (&window);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  rosette_issuer_set_name (society->issuer,
                           "Bundesvereinigung der Personalentwicklungsfachverbände "
                           "und Qualifizierungsnachweisstellen e. V.");
  rosette_issuer_set_name (anonymous->issuer, NULL);
  json_array_add_element (list, test_verify_endorsement (society, "Entspricht unserem Standard."));
  json_array_add_element (list, test_verify_endorsement (anonymous, "Vouched."));
  json_object_set_array_member (extra, "endorsement", json_array_ref (list));
  json = test_verify_di_with_members (t, extra);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);

  verify (page, file);
  g_assert_true (gtk_widget_get_visible (page->endorsements_group));
  gtk_test_widget_wait_for_draw (window);
  assert_fits_phone (page);

  verify (page, png);
  g_assert_true (gui_test_wait_until (page_has_picture, page));
  gtk_test_widget_wait_for_draw (window);
  assert_fits_phone (page);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* A badge issued on this computer, its issuer's site out of reach (here:
 * offline): the app's registry answers for it, once its file exists, and
 * the page never creates it. */
static void
test_registry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *registry_path = g_build_filename (tmpdir, "registry.db", NULL);
  g_autofree char *badge_path = g_build_filename (tmpdir, "own.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (badge_path);
  g_autoptr(TestIssuing) t = test_issuing_new (ROSETTE_KEY_ALGORITHM_ED25519, NULL, NULL);
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, TEST_EMAIL);
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autofree char *json = NULL;
  GtkWidget *window;
  RosetteVerifyPage *page;
  RosetteVerifyCheck *check;

  g_setenv ("ROSETTE_REGISTRY", registry_path, TRUE);
  /* No registry yet: revocation is not checked, and none is made. */
  rosette_credential_set_status (credential, "https://badges.acme.example/status/1.json", 0);
  json = test_verify_data_integrity (t, credential);
  g_assert_true (g_file_set_contents (badge_path, json, -1, &error));
  page = page_in_window (&window);
  verify (page, file);
  assert_row (page, ROSETTE_VERIFY_CHECK_REVOCATION, ROSETTE_VERIFY_STATE_NOT_CHECKED);
  assert_banner (page, "incomplete");
  g_assert_false (g_file_test (registry_path, G_FILE_TEST_EXISTS));

  /* The badge issued here, recorded at its list and position. */
  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  record = test_verify_record_issued (t, registry, credential, TEST_EMAIL);
  test_verify_set_recorded_status (credential, "https://badges.acme.example", record);
  g_clear_pointer (&json, g_free);
  json = test_verify_data_integrity (t, credential);
  g_assert_true (g_file_set_contents (badge_path, json, -1, &error));

  verify (page, file);
  check = rosette_verify_check_row_get_check (check_row (page, ROSETTE_VERIFY_CHECK_REVOCATION));
  g_assert_cmpint (rosette_verify_check_get_state (check), ==, ROSETTE_VERIFY_STATE_PASSED);
  g_assert_nonnull (strstr (rosette_verify_check_get_explanation (check), "registry of badges you issued"));
  assert_banner (page, "valid");
  gtk_test_widget_wait_for_draw (window);

  /* Revoked in the registry: Not valid, with the date. */
  g_assert_true (rosette_registry_revoke (registry, rosette_credential_get_id (credential), "Issued in error", NULL, &error));
  g_assert_no_error (error);
  verify (page, file);
  check = rosette_verify_check_row_get_check (check_row (page, ROSETTE_VERIFY_CHECK_REVOCATION));
  g_assert_cmpint (rosette_verify_check_get_state (check), ==, ROSETTE_VERIFY_STATE_FAILED);
  g_assert_nonnull (strstr (rosette_verify_check_get_explanation (check), "Revoked on "));
  assert_banner (page, "not-valid");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("ROSETTE_REGISTRY");
  g_clear_object (&registry);
  {
    const char *const suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (registry_path, suffixes[i], NULL);

        g_unlink (path);
      }
  }
  g_unlink (badge_path);
}

int
main (int   argc,
      char *argv[])
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  g_autoptr(GError) error = NULL;
  int status;

  /* Under meson's TAP protocol, exit 77 is a failure: say "skip" in TAP. */
  if ((x11 == NULL || x11[0] == '\0') && (wayland == NULL || wayland[0] == '\0'))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmpdir = g_dir_make_tmp ("rosette-verify-page-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/rosette/gui/verify/valid", test_valid);
  g_test_add_func ("/rosette/gui/verify/pictures", test_pictures);
  g_test_add_func ("/rosette/gui/verify/recipient", test_recipient);
  g_test_add_func ("/rosette/gui/verify/not-valid", test_not_valid);
  g_test_add_func ("/rosette/gui/verify/incomplete-then-key", test_incomplete_then_key);
  g_test_add_func ("/rosette/gui/verify/hostile", test_hostile);
  g_test_add_func ("/rosette/gui/verify/open-with", test_open_with);
  g_test_add_func ("/rosette/gui/verify/own-wording", test_own_wording);
  g_test_add_func ("/rosette/gui/verify/markdown", test_markdown);
  g_test_add_func ("/rosette/gui/verify/criteria-and-endorsements", test_criteria_and_endorsements);
  g_test_add_func ("/rosette/gui/verify/narrow", test_narrow);
  g_test_add_func ("/rosette/gui/verify/registry", test_registry);

  status = g_test_run ();

  {
    g_autofree char *png = g_build_filename (tmpdir, "ana.png", NULL);
    g_autofree char *huge = g_build_filename (tmpdir, "huge.png", NULL);
    g_autofree char *endorsed = g_build_filename (tmpdir, "endorsed.json", NULL);

    g_unlink (png);
    g_unlink (huge);
    g_unlink (endorsed);
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);

  return status;
}
