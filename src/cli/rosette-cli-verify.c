/* rosette-cli-verify.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli verify FILE...`: one report per file, from the core's
 * RosetteVerifier (the Verify page shows the same report). Human text
 * puts the verdict first and then every check; --json prints one JSON
 * object per line per file (rosette_verify_report_to_json()). The exit
 * code sums up all files: 2 if any file is unusable, else 1 if any badge
 * is not valid, else 3 if any could not be fully verified, else 0.
 *
 * Many files are shared out among worker processes, one per processor:
 * the parent verifies the first file (which loads the pinned contexts and
 * the other one-time state), then forks, so every worker starts warm. A
 * worker writes its reports to an unlinked temporary file and exits with
 * what it found; the parent prints them after its own, so the output is in
 * the order of the command line. Processes rather than threads because
 * json-glib's objects are not reference-counted atomically, and the
 * verifier shares parsed contexts between runs.
 *
 * The registry of badges issued on this computer (--registry, or the
 * default one when it exists; never created here) answers for its own
 * badges when their status list cannot be fetched. An SQLite connection
 * must not be used across fork(), so each worker opens its own.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "rosette-cli-private.h"

static const char *
state_mark (RosetteVerifyState state)
{
  switch (state)
    {
    case ROSETTE_VERIFY_STATE_PASSED:
      /* Translators: the mark before a check that passed. */
      return _("passed");
    case ROSETTE_VERIFY_STATE_FAILED:
      return _("FAILED");
    case ROSETTE_VERIFY_STATE_NOT_CHECKED:
    default:
      return _("not checked");
    }
}

static void
append_text (GString             *out,
             RosetteVerifyReport *report)
{
  GListModel *checks = rosette_verify_report_get_checks (report);
  const char *achievement = rosette_verify_report_get_achievement_name (report);
  const char *issuer = rosette_verify_report_get_issuer_name (report);

  /* Translators: "FILE: Valid", the first line of a report. */
  g_string_append_printf (out, _("%s: %s\n"), rosette_verify_report_get_source_name (report),
                          rosette_verify_report_get_verdict_text (report));
  if (rosette_verify_report_get_format (report) != ROSETTE_VERIFY_FORMAT_UNKNOWN)
    g_string_append_printf (out, _("  Format: %s\n"), rosette_verify_report_get_format_name (report));
  if (achievement != NULL)
    g_string_append_printf (out, _("  Achievement: %s\n"), achievement);
  if (rosette_verify_report_get_tier (report) != NULL)
    g_string_append_printf (out, _("  Tier: %s\n"), rosette_verify_report_get_tier (report));
  if (issuer != NULL || rosette_verify_report_get_issuer_id (report) != NULL)
    g_string_append_printf (out, _("  Issuer: %s\n"),
                            issuer != NULL ? issuer : rosette_verify_report_get_issuer_id (report));

  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(RosetteVerifyCheck) check = g_list_model_get_item (checks, i);

      /* Translators: "  [passed] Signature: The ES256 signature is valid…" */
      g_string_append_printf (out, _("  [%s] %s: %s\n"),
                              state_mark (rosette_verify_check_get_state (check)),
                              rosette_verify_check_get_title (check),
                              rosette_verify_check_get_explanation (check));
    }
  for (guint i = 0; i < rosette_verify_report_get_n_endorsements (report); i++)
    {
      const char *name = rosette_verify_report_get_endorser_name (report, i);

      if (name == NULL)
        name = rosette_verify_report_get_endorser_id (report, i);
      /* Translators: "  [passed] Endorsed by Acme Guild: The EdDSA signature is valid…" */
      g_string_append_printf (out, _("  [%s] Endorsed by %s: %s\n"),
                              state_mark (rosette_verify_report_get_endorsement_state (report, i)),
                              name != NULL ? name : _("someone unnamed"),
                              rosette_verify_report_get_endorsement_explanation (report, i));
    }
  if (rosette_verify_report_get_needs_key (report))
    g_string_append (out, _("  Hint: give the issuer’s public key with --key FILE to check the "
                            "signature.\n"));
}

static void
append_json (GString             *out,
             RosetteVerifyReport *report)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = rosette_verify_report_to_json (report);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* Prints reports gathered in @out (UTF-8). JSON is UTF-8 whatever the
 * locale: written as bytes, one object a line; text goes through g_print()
 * for the locale's character set. */
static void
emit (GString  *out,
      gboolean  json)
{
  if (out->len == 0)
    return;
  if (json)
    fwrite (out->str, 1, out->len, stdout);
  else
    g_print ("%s", out->str);
  fflush (stdout);
  g_string_truncate (out, 0);
}

/* What the files of a run showed; a worker's exit status. */
enum
{
  FOUND_UNUSABLE = 1 << 0,
  FOUND_NOT_VALID = 1 << 1,
  FOUND_INCOMPLETE = 1 << 2,
};

/* Verifies one file and appends its report to @out; returns FOUND_ bits. */
static int
verify_one (RosetteVerifier *verifier,
            const char      *path,
            gboolean         json,
            GString         *out)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RosetteVerifyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = rosette_verifier_verify_file_sync (verifier, file, NULL, &error);
  if (report == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      _rosette_cli_print_error ("%s: %s", display, error->message);
      return FOUND_UNUSABLE;
    }
  rosette_verify_report_set_source_name (report, path);

  if (json)
    append_json (out, report);
  else
    append_text (out, report);

  if (!rosette_verify_report_get_usable (report))
    return FOUND_UNUSABLE;
  if (rosette_verify_report_get_verdict (report) == ROSETTE_VERIFY_VERDICT_NOT_VALID)
    return FOUND_NOT_VALID;
  if (rosette_verify_report_get_verdict (report) == ROSETTE_VERIFY_VERDICT_INCOMPLETE)
    return FOUND_INCOMPLETE;
  return 0;
}

/* Verifies @files[@first..@last) in this process, printing as it goes. */
static int
verify_range (RosetteVerifier  *verifier,
              char            **files,
              guint             first,
              guint             last,
              gboolean          json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int found = 0;

  for (guint i = first; i < last; i++)
    {
      found |= verify_one (verifier, files[i], json, out);
      emit (out, json);
    }
  return found;
}

/* Lets @verifier read the registry at @path; a registry that cannot be
 * read is reported and left out. */
static void
use_registry (RosetteVerifier *verifier,
              const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteRegistry) registry = rosette_registry_open (path, NULL, &error);

  if (registry == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      _rosette_cli_print_error (_("The registry of badges you issued (%s) cannot be read, so it "
                                  "is not used: %s"), display, error->message);
      return;
    }
  rosette_verifier_set_registry (verifier, registry);
}

#ifdef G_OS_UNIX
/* Fewer files than this per worker are not worth a process. */
#define MIN_FILES_PER_WORKER 16
#define MAX_WORKERS 16

typedef struct
{
  pid_t pid;
  int   fd;    /* the worker's reports, an unlinked temporary file */
  guint first;
  guint last;
} Worker;

/* Forking is only safe while this process has one thread. */
static gboolean
single_threaded (void)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  if (tasks == NULL)
    return FALSE;
  while (g_dir_read_name (tasks) != NULL)
    n++;
  return n == 1;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* In the worker: never returns. */
G_GNUC_NORETURN static void
run_worker (RosetteVerifier  *verifier,
            char            **files,
            Worker           *worker,
            const char       *registry_path,
            gboolean          json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int found = 0;

  if (registry_path != NULL)
    {
      /* The parent's connection is neither used nor closed here. */
      RosetteRegistry *inherited = rosette_verifier_get_registry (verifier);

      if (inherited != NULL)
        g_object_ref (inherited);
      rosette_verifier_set_registry (verifier, NULL);
      use_registry (verifier, registry_path);
    }

  for (guint i = worker->first; i < worker->last; i++)
    {
      found |= verify_one (verifier, files[i], json, out);
      if (out->len >= 256 * 1024 || i + 1 == worker->last)
        {
          if (!write_all (worker->fd, out->str, out->len))
            _exit (0x80);
          g_string_truncate (out, 0);
        }
    }
  _exit (found);
}

/* In the parent: prints what @worker wrote and returns its FOUND_ bits. */
static int
finish_worker (Worker   *worker,
               gboolean  json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[65536];
  int status = 0;
  gssize n;

  while (waitpid (worker->pid, &status, 0) < 0 && errno == EINTR)
    ;
  lseek (worker->fd, 0, SEEK_SET);
  while ((n = read (worker->fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (out, buffer, n);
  close (worker->fd);
  emit (out, json);

  if (WIFEXITED (status) && (WEXITSTATUS (status) & ~0x7) == 0)
    return WEXITSTATUS (status);
  _rosette_cli_print_error (_("The worker checking files %u to %u stopped unexpectedly."),
                            worker->first + 1, worker->last);
  return FOUND_UNUSABLE;
}

/* Shares @files[@first..@n_files) out: the returned jobs cover it in
 * order; the first is the parent's, others run in worker processes when
 * a fork succeeds (pid > 0) and in the parent otherwise (pid 0). */
static GArray *
start_workers (RosetteVerifier  *verifier,
               char            **files,
               guint             first,
               guint             n_files,
               const char       *registry_path,
               gboolean          json)
{
  GArray *jobs = g_array_new (FALSE, TRUE, sizeof (Worker));
  guint remaining = n_files - first;
  guint n_jobs = MIN (MIN (g_get_num_processors (), MAX_WORKERS), remaining / MIN_FILES_PER_WORKER);
  guint share;

  if (n_jobs < 2 || !single_threaded ())
    n_jobs = 1;
  share = (remaining + n_jobs - 1) / MAX (n_jobs, 1);
  fflush (stdout);
  fflush (stderr);
  for (guint start = first; start < n_files; start += share)
    {
      Worker job = { 0, -1, start, MIN (start + share, n_files) };

      if (start != first)
        {
          g_autofree char *path = NULL;

          job.fd = g_file_open_tmp ("rosette-verify-XXXXXX", &path, NULL);
          if (job.fd >= 0)
            {
              g_unlink (path);
              job.pid = fork ();
              if (job.pid == 0)
                run_worker (verifier, files, &job, registry_path, json);
              if (job.pid < 0)
                {
                  job.pid = 0;
                  close (job.fd);
                  job.fd = -1;
                }
            }
        }
      g_array_append_val (jobs, job);
    }
  return jobs;
}
#endif

/* --registry, or the default registry when that file exists; never made. */
static char *
dup_registry_path (RosetteCli *cli,
                   int        *status)
{
  g_autofree char *path = NULL;

  if (cli->registry != NULL)
    {
      if (!g_file_test (cli->registry, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *display = g_filename_display_name (cli->registry);

          *status = _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("There is no registry at %s."),
                                       display);
          return NULL;
        }
      return g_strdup (cli->registry);
    }
  path = rosette_registry_dup_default_path ();
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

static RosetteVerifier *
make_verifier (const char  *recipient,
               gboolean     offline,
               const char  *key_path,
               int         *status)
{
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();
  g_autoptr(GError) error = NULL;

  rosette_verifier_set_offline (verifier, offline);
  if (recipient != NULL)
    {
      if (!rosette_email_check (recipient, &error))
        {
          *status = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, "--recipient", error);
          return NULL;
        }
      rosette_verifier_set_recipient (verifier, recipient);
    }
  if (key_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (key_path);
      g_autoptr(GBytes) bytes = rosette_load_file_bounded (file, 64 * 1024, NULL, &error);

      if (bytes == NULL || !rosette_verifier_load_trusted_key (verifier, bytes, &error))
        {
          *status = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, "--key", error);
          return NULL;
        }
    }
  return g_steal_pointer (&verifier);
}

int
_rosette_cli_verify (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteVerifier) verifier = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *registry_path = NULL;
  g_auto(GStrv) files = NULL;
  gboolean offline = FALSE;
  gboolean json = cli->json;
  guint n_files;
  int found;
  int status = ROSETTE_CLI_EXIT_USAGE;
  const GOptionEntry entries[] = {
    { "recipient", 'r', 0, G_OPTION_ARG_STRING, &recipient,
      N_("Check that the badge was issued to this email address"), N_("EMAIL") },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline,
      N_("Fetch nothing: keys, status lists and hosted badges are not checked"), NULL },
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &key_path,
      N_("Trust this public key (PEM or JWK) as the issuer’s"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object per file, on one line"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "verify", _("FILE…"),
    _("Verify Open Badges: baked PNG or SVG, JSON, or a signed JWT."),
    _("Each file gets a report: the verdict (Valid, Not valid, or Could not fully verify), "
      "then every check: the file, the credential data, its structure, the signature and "
      "whose key made it, the issuer, the dates, revocation and, with --recipient, whether "
      "it was issued to you. Keys on the web and revocation lists are fetched over https "
      "unless --offline is given. When a revocation list cannot be fetched, badges you "
      "issued yourself are checked against your registry (--registry, or the default one "
      "if it exists).\n\n"
      "Exit status: 0 all valid, 1 a badge is not valid, 2 a file is not a badge or cannot "
      "be read, 3 a badge could not be fully verified.\n\n"
      "Example:\n"
      "  rosette-cli verify --recipient ana@example.com ana.png"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "verify", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“verify” needs at least one file. "
                                "Run “rosette-cli verify --help” to see the usage."));

  verifier = make_verifier (recipient, offline, key_path, &status);
  if (verifier == NULL)
    return status;
  registry_path = dup_registry_path (cli, &status);
  if (registry_path == NULL && cli->registry != NULL)
    return status;
  if (registry_path != NULL)
    use_registry (verifier, registry_path);

  n_files = g_strv_length (files);
  /* The first file alone: it loads what every later one shares. */
  found = verify_range (verifier, files, 0, 1, json);
#ifdef G_OS_UNIX
  {
    g_autoptr(GArray) jobs = start_workers (verifier, files, 1, n_files, registry_path, json);

    for (guint i = 0; i < jobs->len; i++)
      {
        Worker *job = &g_array_index (jobs, Worker, i);

        if (job->pid > 0)
          found |= finish_worker (job, json);
        else
          found |= verify_range (verifier, files, job->first, job->last, json);
      }
  }
#else
  found |= verify_range (verifier, files, 1, n_files, json);
#endif

  if (found & FOUND_UNUSABLE)
    return ROSETTE_CLI_EXIT_USAGE;
  if (found & FOUND_NOT_VALID)
    return ROSETTE_CLI_EXIT_NEGATIVE;
  if (found & FOUND_INCOMPLETE)
    return ROSETTE_CLI_EXIT_UNAVAILABLE;
  return ROSETTE_CLI_EXIT_OK;
}
