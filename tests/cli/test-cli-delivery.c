/* test-cli-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rosette-cli config`, `send` and `publish` as a user runs them, against
 * real servers started here on loopback ports (tests/servers): aiosmtpd
 * with STARTTLS + AUTH and a test CA, nginx WebDAV behind Basic auth, and
 * a server that never answers. Settings persist between runs through the
 * keyfile GSettings backend in the test's own XDG_CONFIG_HOME.
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "rosette-core.h"
#include "rosette-test-cli.h"

#define SMTP_USER "badges"
#define SMTP_PASSWORD "s3cret smtp"
#define WEB_USER "web"
#define WEB_PASSWORD "s3cret web"

static char *out_dir;
static char *site_dir;
static char *servers_dir;

/* Parses each message with Python's email module: "<to> <sha256 of the
 * PNG attachment>" per message. */
static const char parse_py[] =
  "import email, email.policy, hashlib, sys\n"
  "for p in sys.argv[1:]:\n"
  "    m = email.message_from_binary_file(open(p, 'rb'), policy=email.policy.default)\n"
  "    assert m.get_content_type() == 'multipart/mixed'\n"
  "    png = [a for a in m.iter_attachments() if a.get_content_type() == 'image/png']\n"
  "    assert len(png) == 1\n"
  "    print(m['To'].addresses[0].addr_spec, hashlib.sha256(png[0].get_content()).hexdigest())\n";

/* ---- helpers ---------------------------------------------------------- */

/* rosette-cli with @args, as the other helpers run it. */
static GSubprocess *
spawn_rosette_cli (const char * const *args,
           GSubprocessFlags    flags)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (root, "xdg-data", NULL);
  const char *cli = g_getenv ("ROSETTE_CLI");
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) (cli != NULL ? cli : ROSETTE_CLI_PATH));
  g_ptr_array_add (argv, (gpointer) "--registry");
  g_ptr_array_add (argv, registry_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_cwd (launcher, root);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  g_subprocess_launcher_setenv (launcher, "ROSETTE_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* rosette-cli with @input on its standard input. */
static void
run_cli_input (CliRun             *run,
               const char         *input,
               const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = spawn_rosette_cli (args, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
set_secret (const char *key,
            const char *password)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *line = g_strconcat (password, "\n", NULL);
  const char * const args[] = { "config", "set-secret", key, NULL };

  run_cli_input (&run, line, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

static void
config_set (const char *key,
            const char *value)
{
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "config", "set", key, value);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

/* Exactly one line on stderr, that contains @needle. */
static void
assert_one_line_error (const CliRun *run,
                       const char   *needle)
{
  g_assert_true (g_str_has_prefix (run->err, "rosette-cli: "));
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  if (strstr (run->err, needle) == NULL)
    g_error ("“%s” not in the error: %s", needle, run->err);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static gboolean
have_aiosmtpd (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import aiosmtpd", NULL };
  int status = 1;

  return g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                       NULL, NULL, &status, NULL) && status == 0;
}

/* Waits (up to 30 s) for a server to write its port to @path. */
static guint
wait_for_port (const char *path)
{
  g_autofree char *text = NULL;

  for (guint i = 0; i < 300 && !g_file_get_contents (path, &text, NULL, NULL); i++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_nonnull (text);
  return (guint)g_ascii_strtoull (text, NULL, 10);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
start_server (guint      *port,
              const char *port_file,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *arg;
  va_list args;

  va_start (args, port_file);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* Silenced, so that a failed test does not leave meson waiting for
   * the server's end of its pipes; killed when the test dies. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  *port = wait_for_port (port_file);
  return process;
}

static void
stop_server (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_object_unref (process);
}

/* A STARTTLS + AUTH server in a new folder under the root; with @stall
 * it keeps each message but never answers its end. */
static GSubprocess *
start_smtp_full (const char *name,
                 gboolean    stall,
                 char      **out_dir_path,
                 guint      *port)
{
  g_autofree char *script = g_build_filename (TESTS_SRCDIR, "servers", "smtp-starttls.py", NULL);
  g_autofree char *dir = g_build_filename (servers_dir, name, NULL);
  g_autofree char *port_file = g_build_filename (dir, "port", NULL);
  GSubprocess *process;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  process = start_server (port, port_file, "/usr/bin/python3", script, dir, SMTP_USER,
                          SMTP_PASSWORD, stall ? "stall" : NULL, NULL);
  *out_dir_path = g_steal_pointer (&dir);
  return process;
}

static GSubprocess *
start_smtp (const char *name,
            char      **out_dir_path,
            guint      *port)
{
  return start_smtp_full (name, FALSE, out_dir_path, port);
}

static GSubprocess *
start_silent (guint *port)
{
  g_autofree char *script = g_build_filename (TESTS_SRCDIR, "servers", "silent-server.py", NULL);
  g_autofree char *port_file = g_build_filename (servers_dir, "silent-port", NULL);

  /* A port from an earlier server would be read before this one listens. */
  g_unlink (port_file);
  return start_server (port, port_file, "/usr/bin/python3", script, port_file, NULL);
}

static void
collect_files (const char *dir_path,
               const char *suffix,
               GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, suffix, paths);
      else if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static guint
count_mail (const char *smtp_dir)
{
  g_autofree char *mail = g_build_filename (smtp_dir, "mail", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  collect_files (mail, ".eml", paths);
  return paths->len;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The outbox rows not sent yet, whenever due. */
static GPtrArray *
waiting_items (gboolean due_now)
{
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GDateTime) when = due_now ? g_date_time_new_now_utc ()
                                      : g_date_time_new_utc (9999, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  items = rosette_registry_outbox_next_due (registry, when, 0, &error);
  g_assert_no_error (error);
  return items;
}

/* The credential of the @index-th outbox row (the badges issued by
 * /setup, once /send has queued them). */
static char *
dup_credential_id (guint index)
{
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  items = rosette_registry_outbox_list (registry, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, index);
  return g_strdup (((RosetteOutboxItem *)g_ptr_array_index (items, index))->credential_id);
}

/* ---- cases ------------------------------------------------------------ */

static void
test_config (void)
{
  g_auto(CliRun) run = { 0, };

  config_set ("publish.user", "zoë");
  run_cli (&run, "config", "get", "publish.user");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "zoë\n");

  cli_run_clear (&run);
  run_cli (&run, "config", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "publish.user = zoë\n"));
  g_assert_nonnull (strstr (run.out, "smtp.security = starttls\n"));

  cli_run_clear (&run);
  run_cli (&run, "config", "set", "smtp.security", "carrier-pigeon");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  cli_run_clear (&run);
  run_cli (&run, "config", "get", "no.such-key");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  /* A password never goes to the settings. */
  cli_run_clear (&run);
  run_cli (&run, "config", "set", "smtp.password", "x");
  assert_one_line_error (&run, "set-secret");
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_setup (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *family = g_build_filename (root, "privacy.rosette", NULL);
  g_autofree char *csv = g_build_filename (root, "people.csv", NULL);

  if (!need_keyring ())
    return;
  run_cli (&run, "family", "new", "--kind", "compliance", "--name", "Data Privacy",
           "-o", family);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  run_cli (&run, "issuer", "create", "--name", "Acme Ltd", "--url", "https://acme.example/");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_set_contents (csv,
                                      "Employee ID;First Name;Last Name;Work Email\n"
                                      "E1;Ana;Lima;ana@acme.example\n"
                                      "E2;Bo;Berg;bo@acme.example\n", -1, NULL));
  cli_run_clear (&run);
  run_cli (&run, "issue-batch", "--family", family, "--tier", "1", "--csv", csv, "-o", out_dir);
  g_assert_cmpint (run.status, ==, 0);

  config_set ("smtp.from", "Acme Badges <badges@acme.example>");
  config_set ("smtp.security", "starttls");
  config_set ("smtp.user", SMTP_USER);
  config_set ("smtp.rate-per-minute", "0");
}

static gboolean
need_mail_servers (void)
{
  if (!need_keyring ())
    return FALSE;
  if (!have_aiosmtpd () || !have_program ("openssl"))
    {
      g_test_skip ("needs /usr/bin/python3 with aiosmtpd and openssl");
      return FALSE;
    }
  return TRUE;
}

static void
use_smtp (const char *smtp_dir,
          guint       port)
{
  g_autofree char *url = g_strdup_printf ("smtp://127.0.0.1:%u", port);
  g_autofree char *ca = g_build_filename (smtp_dir, "ca.pem", NULL);

  config_set ("smtp.url", url);
  config_set ("smtp.ca-file", ca);
}

static void
test_send (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GPtrArray) mails = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pngs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *smtp_dir = NULL;
  g_autofree char *mail_dir = NULL;
  g_autofree char *parsed = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status = 0;
  guint port;

  if (!need_mail_servers ())
    return;
  server = start_smtp ("smtp-1", &smtp_dir, &port);
  use_smtp (smtp_dir, port);
  set_secret (ROSETTE_PASSWORD_SMTP, SMTP_PASSWORD);

  /* --dry-run: says what is due, sends nothing. */
  run_cli (&run, "send", "--dry-run");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2"));
  g_assert_cmpuint (count_mail (smtp_dir), ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "send");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Sent 2, failed 0, still queued 0"));
  g_assert_cmpuint (count_mail (smtp_dir), ==, 2);

  /* Each message parses; its attachment is the baked file, byte for byte. */
  mail_dir = g_build_filename (smtp_dir, "mail", NULL);
  collect_files (mail_dir, ".eml", mails);
  g_ptr_array_add (argv, (gpointer)"/usr/bin/python3");
  g_ptr_array_add (argv, (gpointer)"-c");
  g_ptr_array_add (argv, (gpointer)parse_py);
  for (guint i = 0; i < mails->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (mails, i));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &parsed, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  lines = g_strsplit (g_strstrip (parsed), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 2);

      g_assert_true (g_str_equal (parts[0], "ana@acme.example") ||
                     g_str_equal (parts[0], "bo@acme.example"));
      g_ptr_array_add (got, g_strdup (parts[1]));
    }
  collect_files (out_dir, ".png", pngs);
  for (guint i = 0; i < pngs->len; i++)
    {
      char *contents;
      gsize length;

      g_assert_true (g_file_get_contents (g_ptr_array_index (pngs, i), &contents, &length, NULL));
      g_ptr_array_add (expected, g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                              (const guchar *)contents, length));
      g_free (contents);
    }
  g_ptr_array_sort (got, compare_strings);
  g_ptr_array_sort (expected, compare_strings);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpuint (expected->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));

  /* Nothing is sent twice. */
  cli_run_clear (&run);
  run_cli (&run, "send");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Sent 0, failed 0, still queued 0"));
  cli_run_clear (&run);
  run_cli (&run, "send", "--dry-run");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_mail (smtp_dir), ==, 2);

  /* A wrong password: exit 3, one line, and the badge stays queued with
   * the reason, due again for the next run. */
  set_secret (ROSETTE_PASSWORD_SMTP, "wrong");
  {
    g_autofree char *id = dup_credential_id (0);

    cli_run_clear (&run);
    run_cli (&run, "send", "--only", id, "--resend");
  }
  g_assert_cmpint (run.status, ==, 3);
  assert_one_line_error (&run, "password");
  g_assert_cmpuint (count_mail (smtp_dir), ==, 2);
  waiting = waiting_items (TRUE);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_nonnull (((RosetteOutboxItem *)g_ptr_array_index (waiting, 0))->last_error);
  g_clear_pointer (&waiting, g_ptr_array_unref);

  /* The server down: exit 3, nothing lost. */
  set_secret (ROSETTE_PASSWORD_SMTP, SMTP_PASSWORD);
  stop_server (g_steal_pointer (&server));
  cli_run_clear (&run);
  run_cli (&run, "send", "--timeout", "5");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.out, "still queued 1"));
  waiting = waiting_items (TRUE);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_clear_pointer (&waiting, g_ptr_array_unref);

  /* Back up (a new server, with a new CA): the queued badge goes out. */
  g_clear_pointer (&smtp_dir, g_free);
  server = start_smtp ("smtp-2", &smtp_dir, &port);
  use_smtp (smtp_dir, port);
  cli_run_clear (&run);
  run_cli (&run, "send");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Sent 1, failed 0, still queued 0"));
  g_assert_cmpuint (count_mail (smtp_dir), ==, 1);
  waiting = waiting_items (FALSE);
  g_assert_cmpuint (waiting->len, ==, 0);
  stop_server (g_steal_pointer (&server));
}

static void
test_send_timeout (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GPtrArray) waiting = NULL;
  g_autofree char *url = NULL;
  GSubprocess *server;
  guint port;

  if (!need_keyring ())
    return;
  server = start_silent (&port);
  url = g_strdup_printf ("smtp://127.0.0.1:%u", port);
  config_set ("smtp.url", url);
  config_set ("smtp.security", "none");
  {
    g_autofree char *id = dup_credential_id (1);

    run_cli (&run, "send", "--timeout", "2", "--only", id, "--resend");
  }
  stop_server (server);
  config_set ("smtp.security", "starttls");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  waiting = waiting_items (TRUE);
  g_assert_cmpuint (waiting->len, ==, 1);
}

static char *
read_site_file (const char *relative)
{
  g_autofree char *path = g_build_filename (site_dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The verification page of a hosted credential: credentials/<uuid>.html. */
static char *
read_site_file_for (const char *credential_id)
{
  const char *tail = strrchr (credential_id, ':');
  g_autofree char *relative = g_strdup_printf ("credentials/%s.html",
                                               tail != NULL ? tail + 1 : credential_id);

  return read_site_file (relative);
}

static void
test_publish_dir (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (!need_keyring ())
    return;
  run_cli (&run, "publish", "--to-dir", site_dir, "--dry-run");
  g_assert_cmpint (run.status, ==, 0);
  collect_files (site_dir, "", files);
  g_assert_cmpuint (files->len, ==, 0);

  cli_run_clear (&run);
  run_cli (&run, "publish", "--to-dir", site_dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "criteria/"));
  collect_files (site_dir, ".html", files);
  g_assert_cmpuint (files->len, >=, 1);
  g_assert_nonnull (strstr (run.out, "Published"));

  cli_run_clear (&run);
  run_cli (&run, "publish", "--to-dir", site_dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Published 0 changed files of"));

  /* What a visitor of the site sees: the family's criteria page has a
   * section per issued tier with its image (published beside it) and
   * criteria; OB 2.0 verifiers find the revocation list in issuer.json. */
  {
    g_autofree char *page = read_site_file ("criteria/data-privacy.html");
    g_autofree char *issuer = read_site_file ("issuer.json");
    g_autofree char *image = NULL;
    const char *img = strstr (page, "<img src=\"../images/data-privacy-");
    gsize length = 0;

    g_assert_nonnull (strstr (page, "<section class=\"tier\" id=\""));
    g_assert_nonnull (strstr (page, "How to earn it"));
    g_assert_nonnull (img);
    {
      g_autofree char *src = g_strndup (img + strlen ("<img src=\"../"),
                                        strcspn (img + strlen ("<img src=\"../"), "\""));
      g_autofree char *path = g_build_filename (site_dir, src, NULL);

      g_assert_true (g_file_get_contents (path, &image, &length, NULL));
      g_assert_cmpuint (length, >, 8);
      g_assert_cmpmem (image, 8, "\x89PNG\r\n\x1a\n", 8);
    }
    g_assert_nonnull (strstr (issuer, "\"revocationList\""));
    /* The badge's OB 2.0 BadgeClass and OB 3.0 Achievement resolve. */
    {
      g_autofree char *badge_class = read_site_file ("badges/data-privacy/foundation.json");
      g_autofree char *achievement = read_site_file ("achievements/data-privacy/foundation.json");

      g_assert_nonnull (strstr (badge_class, "\"BadgeClass\""));
      g_assert_nonnull (strstr (achievement, "\"Achievement\""));
      g_assert_nonnull (strstr (achievement, "criteria/data-privacy.html#foundation"));
    }
    g_assert_nonnull (strstr (issuer, "status/ob2-revocations.json"));
  }

  /* With hosted credentials on, a revoked badge's page says so instead of
   * checking as valid; the other badge keeps its verification page. */
  config_set ("publish.credentials", "true");
  {
    g_autofree char *revoked = dup_credential_id (0);
    g_autofree char *kept = dup_credential_id (1);
    g_autofree char *revoked_page = NULL;
    g_autofree char *kept_page = NULL;

    cli_run_clear (&run);
    run_cli (&run, "revoke", revoked, "--reason", "Left before finishing");
    g_assert_cmpint (run.status, ==, 0);
    cli_run_clear (&run);
    run_cli (&run, "publish", "--to-dir", site_dir);
    g_assert_cmpint (run.status, ==, 0);
    revoked_page = read_site_file_for (revoked);
    kept_page = read_site_file_for (kept);
    g_assert_nonnull (strstr (revoked_page, "revoked this badge"));
    g_assert_null (strstr (revoked_page, "Left before finishing"));
    g_assert_null (strstr (revoked_page, "<script"));
    g_assert_nonnull (strstr (kept_page, "<script"));
  }
}

static char *
manifest_path_for (const char *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *name = g_strdup_printf ("manifest-%.16s.json", hash);

  return g_build_filename (root, "xdg-data", "rosette", "published", name, NULL);
}

static GSubprocess *
start_nginx (guint *port)
{
  g_autofree char *template = g_build_filename (TESTS_SRCDIR, "servers", "nginx-auth.conf.in",
                                                NULL);
  g_autofree char *dir = g_build_filename (servers_dir, "nginx", NULL);
  g_autofree char *www = g_build_filename (dir, "www", NULL);
  g_autofree char *conf = g_build_filename (dir, "nginx.conf", NULL);
  g_autofree char *htpasswd = g_build_filename (dir, "htpasswd", NULL);
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) config = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  const char *argv[] = { "openssl", "passwd", "-apr1", WEB_PASSWORD, NULL };
  GSubprocess *process;
  char port_text[16];
  int status = 0;

  g_assert_no_errno (g_mkdir_with_parents (www, 0700));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &hash, NULL, &status, &error));
  g_assert_no_error (error);
  line = g_strdup_printf ("%s:%s\n", WEB_USER, g_strstrip (hash));
  g_assert_true (g_file_set_contents (htpasswd, line, -1, NULL));

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  g_snprintf (port_text, sizeof port_text, "%u", *port);

  g_assert_true (g_file_get_contents (template, &text, NULL, NULL));
  config = g_string_new (text);
  g_string_replace (config, "@USER@", geteuid () == 0 ? "user root root;" : "", 0);
  g_string_replace (config, "@DIR@", dir, 0);
  g_string_replace (config, "@PORT@", port_text, 0);
  g_assert_true (g_file_set_contents (conf, config->str, config->len, NULL));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, "nginx", "-c", conf, "-p", dir,
                                         "-e", "stderr", "-g", "daemon off;", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", *port, NULL, NULL);
      if (connection != NULL)
        break;
      g_usleep (G_USEC_PER_SEC / 10);
    }
  return process;
}

static void
test_publish_auth (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SoupSession) http = soup_session_new ();
  g_autoptr(GBytes) manifest_before = NULL;
  g_autoptr(GBytes) manifest_after = NULL;
  g_autofree char *url = NULL;
  g_autofree char *url2 = NULL;
  g_autofree char *fail_url = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *manifest2 = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GFile) manifest_file = NULL;
  g_autofree char *pair = g_strdup (WEB_USER ":" WEB_PASSWORD);
  guint port;

  if (!need_keyring ())
    return;
  if (!have_program ("nginx") || !have_program ("openssl"))
    {
      g_test_skip ("needs nginx and openssl");
      return;
    }
  server = start_nginx (&port);
  url = g_strdup_printf ("http://127.0.0.1:%u/site/", port);
  url2 = g_strdup_printf ("http://127.0.0.1:%u/other/", port);
  fail_url = g_strdup_printf ("http://127.0.0.1:%u/fail/", port);
  manifest = manifest_path_for (url);
  manifest2 = manifest_path_for (url2);
  config_set ("publish.user", WEB_USER);
  set_secret (ROSETTE_PASSWORD_PUBLISH, WEB_PASSWORD);

  run_cli (&run, "publish", "--to", url, "--timeout", "10");
  g_assert_cmpint (run.status, ==, 0);

  /* Every file is served back as it was written to the folder. */
  collect_files (site_dir, "", files);
  g_assert_cmpuint (files->len, >=, 1);
  encoded = g_base64_encode ((const guchar *)pair, strlen (pair));
  auth = g_strdup_printf ("Basic %s", encoded);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *file_url = g_strconcat (url, path + strlen (site_dir) + 1, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", file_url);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) local = NULL;
      char *contents;
      gsize length;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      body = soup_session_send_and_read (http, msg, NULL, NULL);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      local = g_bytes_new_take (contents, length);
      g_assert_true (g_bytes_equal (body, local));
    }

  /* A second run changes nothing. */
  cli_run_clear (&run);
  run_cli (&run, "publish", "--to", url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Published 0 changed files of"));

  /* A wrong password: a clear error, no manifest written or changed. */
  manifest_file = g_file_new_for_path (manifest);
  manifest_before = g_file_load_bytes (manifest_file, NULL, NULL, NULL);
  g_assert_nonnull (manifest_before);
  set_secret (ROSETTE_PASSWORD_PUBLISH, "wrong");
  cli_run_clear (&run);
  run_cli (&run, "publish", "--to", url2);
  g_assert_cmpint (run.status, ==, 3);
  assert_one_line_error (&run, "password");
  g_assert_false (g_file_test (manifest2, G_FILE_TEST_EXISTS));
  manifest_after = g_file_load_bytes (manifest_file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (manifest_before, manifest_after));

  /* A 500: a clear error. */
  set_secret (ROSETTE_PASSWORD_PUBLISH, WEB_PASSWORD);
  cli_run_clear (&run);
  run_cli (&run, "publish", "--to", fail_url);
  g_assert_cmpint (run.status, ==, 3);
  assert_one_line_error (&run, "500");

  stop_server (g_steal_pointer (&server));
}

static void
test_publish_timeout (void)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *url = NULL;
  GSubprocess *server;
  guint port;

  if (!need_keyring ())
    return;
  server = start_silent (&port);
  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  run_cli (&run, "publish", "--to", url, "--timeout", "2");
  stop_server (server);
  g_assert_cmpint (run.status, ==, 3);
  assert_one_line_error (&run, "Cannot reach");
  g_assert_false (g_file_test (manifest_path_for (url), G_FILE_TEST_EXISTS));
}

/* The Message-ID headers of the messages in @smtp_dir, sorted. */
static GPtrArray *
dup_message_ids (const char *smtp_dir)
{
  g_autofree char *mail = g_build_filename (smtp_dir, "mail", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  collect_files (mail, ".eml", paths);
  for (guint n = 0; n < paths->len; n++)
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      guint before = ids->len;

      g_assert_true (g_file_get_contents (g_ptr_array_index (paths, n), &text, NULL, NULL));
      lines = g_strsplit (text, "\r\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0' && ids->len == before; i++)
        if (g_ascii_strncasecmp (lines[i], "Message-ID:", 11) == 0)
          g_ptr_array_add (ids, g_strdup (g_strstrip (lines[i] + 11)));
      g_assert_cmpuint (ids->len, ==, before + 1);
    }
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

static RosetteOutboxItem *
outbox_item_of (const char *credential_id)
{
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  registry = rosette_registry_open (registry_path, NULL, &error);
  g_assert_no_error (error);
  items = rosette_registry_outbox_list (registry, credential_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  return rosette_outbox_item_copy (g_ptr_array_index (items, 0));
}

/* Killed while the server holds the message: the next run sends it
 * again, at once, with the same Message-ID, and says so. */
static void
test_send_killed (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GSubprocess) stalled = NULL;
  g_autoptr(GSubprocess) sender = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(RosetteOutboxItem) item = NULL;
  g_autofree char *stall_dir = NULL;
  g_autofree char *smtp_dir = NULL;
  g_autoptr(GPtrArray) first_ids = NULL;
  g_autoptr(GPtrArray) second_ids = NULL;
  g_autofree char *credential_id = NULL;
  guint sent;
  guint port;

  if (!need_mail_servers ())
    return;
  credential_id = dup_credential_id (0);

  stalled = start_smtp_full ("smtp-stall", TRUE, &stall_dir, &port);
  use_smtp (stall_dir, port);
  {
    const char * const args[] = { "send", "--only", credential_id, "--resend", NULL };

    sender = spawn_rosette_cli (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                              G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  }
  /* The server has the whole message; the sender waits for its answer. */
  for (guint i = 0; i < 300 && count_mail (stall_dir) == 0; i++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_cmpuint (count_mail (stall_dir), ==, 1);
  g_subprocess_force_exit (sender);
  g_assert_true (g_subprocess_wait (sender, NULL, NULL));
  g_assert_false (g_subprocess_get_if_exited (sender));
  stop_server (g_steal_pointer (&stalled));
  first_ids = dup_message_ids (stall_dir);
  g_assert_cmpuint (first_ids->len, ==, 1);

  item = outbox_item_of (credential_id);
  g_assert_cmpint (item->state, ==, ROSETTE_OUTBOX_STATE_SENDING);
  g_clear_pointer (&item, rosette_outbox_item_free);

  /* The next run (anything else still queued goes too). */
  server = start_smtp ("smtp-resume", &smtp_dir, &port);
  use_smtp (smtp_dir, port);
  run_cli (&run, "send");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "failed 0, still queued 0"));
  g_assert_nonnull (strstr (run.out, "Resumed 1 message(s)"));
  second_ids = dup_message_ids (smtp_dir);
  sent = second_ids->len;
  g_assert_cmpuint (sent, >=, 1);
  g_assert_true (g_ptr_array_find_with_equal_func (second_ids, g_ptr_array_index (first_ids, 0),
                                                   g_str_equal, NULL));
  for (guint i = 1; i < second_ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (second_ids, i - 1), !=,
                     g_ptr_array_index (second_ids, i));
  item = outbox_item_of (credential_id);
  g_assert_cmpint (item->state, ==, ROSETTE_OUTBOX_STATE_SENT);

  /* Nothing is sent a third time. */
  cli_run_clear (&run);
  run_cli (&run, "send");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_mail (smtp_dir), ==, sent);
  g_assert_null (strstr (run.out, "Resumed"));
  stop_server (g_steal_pointer (&server));
}

/* The web host goes away in the middle of an upload: the run fails
 * clearly, no published file is partial, and the next run completes. */
static void
test_publish_cut (void)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GSubprocess) proxy = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) served = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *script = g_build_filename (TESTS_SRCDIR, "servers", "cut-proxy.py", NULL);
  g_autofree char *port_file = g_build_filename (servers_dir, "cut-port", NULL);
  g_autofree char *www = g_build_filename (servers_dir, "nginx", "www", "cut", NULL);
  g_autofree char *url = NULL;
  g_autofree char *direct = NULL;
  char nginx_port_text[16];
  guint nginx_port;
  guint port;
  guint complete = 0;

  if (!need_keyring ())
    return;
  if (!have_program ("nginx") || !have_program ("openssl"))
    {
      g_test_skip ("needs nginx and openssl");
      return;
    }
  collect_files (site_dir, "", expected);
  g_assert_cmpuint (expected->len, >=, 3);

  server = start_nginx (&nginx_port);
  g_snprintf (nginx_port_text, sizeof nginx_port_text, "%u", nginx_port);
  g_unlink (port_file);
  proxy = start_server (&port, port_file, "/usr/bin/python3", script, port_file,
                        nginx_port_text, "2", NULL);
  config_set ("publish.user", WEB_USER);
  set_secret (ROSETTE_PASSWORD_PUBLISH, WEB_PASSWORD);

  url = g_strdup_printf ("http://127.0.0.1:%u/cut/", port);
  run_cli (&run, "publish", "--to", url, "--timeout", "10");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  /* What is there under its own name is whole: byte for byte the file
   * written to the folder by the same publish. */
  collect_files (www, "", served);
  for (guint i = 0; i < served->len; i++)
    {
      const char *path = g_ptr_array_index (served, i);
      g_autofree char *twin = g_build_filename (site_dir, path + strlen (www) + 1, NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize a_len, b_len;

      if (g_str_has_suffix (path, ".rosette-tmp"))
        continue;
      g_assert_true (g_file_get_contents (path, &a, &a_len, NULL));
      g_assert_true (g_file_get_contents (twin, &b, &b_len, NULL));
      g_assert_cmpmem (a, a_len, b, b_len);
      complete++;
    }
  g_assert_cmpuint (complete, <, expected->len);

  /* Straight to the server: everything arrives, whole. */
  direct = g_strdup_printf ("http://127.0.0.1:%u/cut/", nginx_port);
  cli_run_clear (&run);
  run_cli (&run, "publish", "--to", direct, "--timeout", "10");
  g_assert_cmpint (run.status, ==, 0);
  g_ptr_array_set_size (served, 0);
  collect_files (www, "", served);
  complete = 0;
  for (guint i = 0; i < served->len; i++)
    {
      const char *path = g_ptr_array_index (served, i);
      g_autofree char *twin = g_build_filename (site_dir, path + strlen (www) + 1, NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize a_len, b_len;

      g_assert_false (g_str_has_suffix (path, ".rosette-tmp"));
      g_assert_true (g_file_get_contents (path, &a, &a_len, NULL));
      g_assert_true (g_file_get_contents (twin, &b, &b_len, NULL));
      g_assert_cmpmem (a, a_len, b, b_len);
      complete++;
    }
  g_assert_cmpuint (complete, ==, expected->len);

  stop_server (g_steal_pointer (&proxy));
  stop_server (g_steal_pointer (&server));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  test_cli_setup ("rosette-cli-delivery-XXXXXX");
  out_dir = g_build_filename (root, "badges", NULL);
  site_dir = g_build_filename (root, "site", NULL);
  servers_dir = g_build_filename (root, "servers", NULL);
  /* Settings that persist from one run to the next (children inherit). */
  config_home = g_build_filename (root, "config", NULL);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  g_test_add_func ("/rosette/cli/delivery/config", test_config);
  g_test_add_func ("/rosette/cli/delivery/setup", test_setup);
  g_test_add_func ("/rosette/cli/delivery/send", test_send);
  g_test_add_func ("/rosette/cli/delivery/send-timeout", test_send_timeout);
  g_test_add_func ("/rosette/cli/delivery/send-killed", test_send_killed);
  g_test_add_func ("/rosette/cli/delivery/publish-dir", test_publish_dir);
  g_test_add_func ("/rosette/cli/delivery/publish-auth", test_publish_auth);
  g_test_add_func ("/rosette/cli/delivery/publish-timeout", test_publish_timeout);
  g_test_add_func ("/rosette/cli/delivery/publish-cut", test_publish_cut);

  status = g_test_run ();

  g_free (servers_dir);
  g_free (site_dir);
  g_free (out_dir);
  test_cli_teardown ();

  return status;
}
