/* rosette-cli-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `send`, `publish` and `config`: the delivery settings that Preferences
 * edits, the outbox and the issuer's public files.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "rosette-cli-private.h"

/* ---- shared ----------------------------------------------------------- */

/* Server and settings trouble (exit 3) versus a bad request (exit 2). */
static RosetteCliExit
exit_for_delivery_error (const GError *error)
{
  if (error->domain == ROSETTE_DELIVERY_ERROR)
    return error->code == ROSETTE_DELIVERY_ERROR_CONFIG ||
           error->code == ROSETTE_DELIVERY_ERROR_INSECURE
      ? ROSETTE_CLI_EXIT_USAGE : ROSETTE_CLI_EXIT_UNAVAILABLE;
  return _rosette_cli_exit_for_error (error);
}

/* The password for @key from the keyring; "" when none is stored. */
static char *
lookup_password (const char  *key,
                 int         *exit_code)
{
  g_autoptr(GError) error = NULL;
  char *password = rosette_password_lookup_sync (key, NULL, &error);

  *exit_code = ROSETTE_CLI_EXIT_OK;
  if (error != NULL)
    *exit_code = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_UNAVAILABLE, NULL, error);
  else if (password == NULL)
    password = g_strdup ("");
  return password;
}

static const char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* ---- send ------------------------------------------------------------- */

typedef struct
{
  RosetteCli *cli;
  GPtrArray  *failures;  /* "ID: reason" */
  gboolean    permanent;
} SendRun;

static void
send_progress (guint         done,
               guint         total,
               const char   *credential_id,
               const GError *error,
               gpointer      user_data)
{
  SendRun *run = user_data;

  if (error != NULL)
    {
      g_ptr_array_add (run->failures, g_strdup_printf ("%s: %s", credential_id, error->message));
      if (g_error_matches (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_PERMANENT))
        run->permanent = TRUE;
    }
  /* Progress only for a person at a terminal: errors stay one line. */
  if (!run->cli->quiet && !run->cli->json && isatty (fileno (stderr)))
    {
      fputc ('\r', stderr);
      fprintf (stderr, _("Sent %u of %u   "), done, total);
      if (done == total || error != NULL)
        fputc ('\n', stderr);
      fflush (stderr);
    }
}

/* Everything not sent yet, whenever it is due. */
static GPtrArray *
dup_waiting (RosetteRegistry  *registry,
             GError          **error)
{
  g_autoptr(GDateTime) far = g_date_time_new_utc (9999, 1, 1, 0, 0, 0);

  return rosette_registry_outbox_next_due (registry, far, 0, error);
}

int
_rosette_cli_send (RosetteCli  *cli,
                   int          argc,
                   char       **argv)
{
  gboolean dry_run = FALSE;
  gboolean resend = FALSE;
  int timeout = 0;
  g_auto(GStrv) only = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteSettings) settings = NULL;
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stop = NULL;
  g_autofree char *password = NULL;
  RosetteSendOptions options = { 0 };
  RosetteSendSummary summary = { 0 };
  SendRun run = { cli, NULL, FALSE };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only say how many messages are due; send nothing"), NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only,
      N_("Only this credential (repeatable)"), N_("ID") },
    { "resend", 0, 0, G_OPTION_ARG_NONE, &resend,
      N_("With --only: send again even if it was sent"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on the server after this many seconds (default 60)"), N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "send", NULL,
    _("Email every issued badge that has not been delivered yet."),
    _("Uses the settings smtp.url, smtp.security, smtp.user, smtp.from and the password "
      "stored with “rosette-cli config set-secret smtp.password”. A badge is never sent "
      "twice unless --only names it again with --resend. Failed messages stay in the "
      "outbox and are retried later.\n\n"
      "Exit status: 0 all sent, 1 some failed, 3 the server was unreachable or refused "
      "the password."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "send", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("send", rest);
  if (resend && only == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--resend needs --only ID: name the badges to send again"));
  if (timeout < 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("--timeout must be a positive number"));

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  settings = rosette_settings_new ();
  store = _rosette_cli_issuer_store_new ();
  /* The issuer only adds the organization and the links: optional. */
  issuer = rosette_issuer_store_load_current (store, NULL, NULL);

  if (!dry_run && non_empty (rosette_settings_get_smtp_user (settings)) != NULL)
    {
      password = lookup_password (ROSETTE_PASSWORD_SMTP, &status);
      if (password == NULL)
        return status;
    }

  run.failures = failures;
  options.smtp.url = rosette_settings_get_smtp_url (settings);
  options.smtp.security = rosette_settings_get_smtp_security (settings);
  options.smtp.user = non_empty (rosette_settings_get_smtp_user (settings));
  options.smtp.password = password;
  options.smtp.ca_file = non_empty (rosette_settings_get_smtp_ca_file (settings));
  options.smtp.timeout_seconds = (guint)timeout;
  options.from = rosette_settings_get_smtp_from (settings);
  options.subject_template = rosette_settings_get_email_subject (settings);
  options.body_template = rosette_settings_get_email_body (settings);
  options.issuer = issuer;
  options.rate_per_minute = rosette_settings_get_smtp_rate (settings);
  options.dry_run = dry_run;
  options.only = (const char * const *)only;
  options.resend = resend;
  options.progress = send_progress;
  options.progress_data = &run;
  options.hosted_credentials = rosette_settings_get_publish_credentials (settings);

  if (!dry_run && non_empty (options.smtp.url) == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("No mail server is set: run “rosette-cli config set smtp.url "
                                "smtp://HOST:PORT”"));

  if (!rosette_delivery_send_sync (registry, &options, &summary, NULL, &stop) &&
      g_error_matches (stop, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, stop);

  waiting = dup_waiting (registry, &error);
  if (waiting == NULL)
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_UNAVAILABLE, NULL, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dry-run");
      json_builder_add_boolean_value (builder, dry_run);
      json_builder_set_member_name (builder, "due");
      json_builder_add_int_value (builder, summary.due);
      json_builder_set_member_name (builder, "sent");
      json_builder_add_int_value (builder, summary.sent);
      json_builder_set_member_name (builder, "resumed");
      json_builder_add_int_value (builder, summary.resumed);
      json_builder_set_member_name (builder, "failed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < failures->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (failures, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "queued");
      json_builder_begin_array (builder);
      for (guint i = 0; i < waiting->len; i++)
        {
          const RosetteOutboxItem *item = g_ptr_array_index (waiting, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, item->credential_id);
          json_builder_set_member_name (builder, "to");
          json_builder_add_string_value (builder, item->target);
          json_builder_set_member_name (builder, "reason");
          if (item->last_error != NULL)
            json_builder_add_string_value (builder, item->last_error);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      if (dry_run)
        g_print (_("Would send %u message(s); nothing was sent.\n"), summary.due);
      else
        g_print (_("Sent %u, failed %u, still queued %u.\n"), summary.sent, failures->len,
                 waiting->len);
      if (summary.resumed > 0)
        g_print (_("Resumed %u message(s) an interrupted run had handed to the server; "
                   "sent again with the same Message-ID.\n"), summary.resumed);
      for (guint i = 0; i < failures->len; i++)
        g_print (_("Failed: %s\n"), (const char *)g_ptr_array_index (failures, i));
    }

  if (stop != NULL)
    return _rosette_cli_fail_gerror (exit_for_delivery_error (stop), NULL, stop);
  if (run.permanent || summary.failed > 0)
    return ROSETTE_CLI_EXIT_NEGATIVE;
  return ROSETTE_CLI_EXIT_OK;
}

/* ---- publish ---------------------------------------------------------- */

int
_rosette_cli_publish (RosetteCli  *cli,
                      int          argc,
                      char       **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *to_dir = NULL;
  g_autofree char *password = NULL;
  gboolean dry_run = FALSE;
  int timeout = 0;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteSettings) settings = NULL;
  g_autoptr(GHashTable) tree = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  RosettePublishTarget target = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The WebDAV or HTTP PUT address (default: the setting publish.url)"), N_("URL") },
    { "to-dir", 0, 0, G_OPTION_ARG_FILENAME, &to_dir,
      N_("Write the files to a folder instead"), N_("DIR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only list what changed; publish nothing"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a request after this many seconds (default 60)"), N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "publish", NULL,
    _("Publish the issuer’s public files: profile, keys, criteria pages, status lists."),
    _("With the setting publish.credentials true, each valid badge’s credential is "
      "published too, with a page that checks it in the browser. "
      "Only files whose contents changed since the last publish are sent. The password "
      "is the one stored with “rosette-cli config set-secret publish.password”; with "
      "publish.user empty it is sent as a bearer token."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "publish", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("publish", rest);
  if (to != NULL && to_dir != NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("give either --to or --to-dir, not both"));
  if (timeout < 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("--timeout must be a positive number"));

  settings = rosette_settings_new ();
  store = _rosette_cli_issuer_store_new ();
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;
  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;

  if (to_dir == NULL && to == NULL)
    {
      if (non_empty (rosette_settings_get_publish_url (settings)) != NULL)
        to = g_strdup (rosette_settings_get_publish_url (settings));
      else if (non_empty (rosette_settings_get_publish_dir (settings)) != NULL)
        to_dir = g_strdup (rosette_settings_get_publish_dir (settings));
      else
        return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                  _("No publish address is set: give --to URL or --to-dir DIR, "
                                    "or run “rosette-cli config set publish.url URL”"));
    }
  if (to != NULL && !dry_run)
    {
      password = lookup_password (ROSETTE_PASSWORD_PUBLISH, &status);
      if (password == NULL)
        return status;
    }

  tree = rosette_publish_build_tree (registry, issuer, NULL, &error);
  if (tree == NULL)
    return _rosette_cli_fail_gerror (exit_for_delivery_error (error), NULL, error);
  if (rosette_settings_get_publish_credentials (settings) &&
      !rosette_publish_add_credentials (tree, registry, issuer, &error))
    return _rosette_cli_fail_gerror (exit_for_delivery_error (error), NULL, error);

  target.url = to;
  target.dir = to_dir;
  target.user = non_empty (rosette_settings_get_publish_user (settings));
  target.password = non_empty (password);
  target.timeout_seconds = (guint)timeout;
  changed = rosette_publish_sync (tree, &target, dry_run, NULL, &error);
  if (changed == NULL)
    return _rosette_cli_fail_gerror (exit_for_delivery_error (error), NULL, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dry-run");
      json_builder_add_boolean_value (builder, dry_run);
      json_builder_set_member_name (builder, "files");
      json_builder_add_int_value (builder, g_hash_table_size (tree));
      json_builder_set_member_name (builder, "changed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < changed->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (changed, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      for (guint i = 0; i < changed->len; i++)
        g_print ("%s\n", (const char *)g_ptr_array_index (changed, i));
      if (dry_run)
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u file would change; nothing was published.\n",
                              "%u of %u files would change; nothing was published.\n",
                              g_hash_table_size (tree)),
                 changed->len, g_hash_table_size (tree));
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Published %u changed file of %u.\n",
                              "Published %u changed files of %u.\n", changed->len),
                 changed->len, g_hash_table_size (tree));
    }
  return ROSETTE_CLI_EXIT_OK;
}

/* ---- config ----------------------------------------------------------- */

static int
config_get (RosetteCli  *cli,
            int          argc,
            char       **argv)
{
  g_autoptr(RosetteSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (argc != 2)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("usage: rosette-cli config get KEY (see “rosette-cli config list”)"));
  settings = rosette_settings_new ();
  value = rosette_settings_dup_value (settings, argv[1], &error);
  if (value == NULL)
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  g_print ("%s\n", value);
  return ROSETTE_CLI_EXIT_OK;
}

static int
config_set (RosetteCli  *cli,
            int          argc,
            char       **argv)
{
  g_autoptr(RosetteSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("usage: rosette-cli config set KEY VALUE"));
  if (g_str_equal (argv[1], ROSETTE_PASSWORD_SMTP) || g_str_equal (argv[1], ROSETTE_PASSWORD_PUBLISH))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("Passwords go to the keyring: run “rosette-cli config set-secret "
                                "%s” and type it on standard input"), argv[1]);
  settings = rosette_settings_new ();
  if (!rosette_settings_set_value (settings, argv[1], argv[2], &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  g_settings_sync ();
  return ROSETTE_CLI_EXIT_OK;
}

static int
config_list (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  g_autoptr(RosetteSettings) settings = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *names = rosette_settings_list_names ();

  if (argc != 1)
    return _rosette_cli_fail_unexpected ("config list", argv + 1);
  settings = rosette_settings_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = rosette_settings_dup_value (settings, names[i], NULL);

      if (cli->json)
        {
          json_builder_set_member_name (builder, names[i]);
          json_builder_add_string_value (builder, value != NULL ? value : "");
        }
      else
        g_print ("%s = %s\n", names[i], value != NULL ? value : "");
    }
  json_builder_end_object (builder);
  if (cli->json)
    _rosette_cli_print_json (builder);
  return ROSETTE_CLI_EXIT_OK;
}

static int
config_set_secret (RosetteCli  *cli,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char buffer[256];
  size_t n;

  if (argc != 2)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("usage: rosette-cli config set-secret KEY < password-file"));
  if (!g_str_equal (argv[1], ROSETTE_PASSWORD_SMTP) && !g_str_equal (argv[1], ROSETTE_PASSWORD_PUBLISH))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“%s” is not a password: use %s or %s"), argv[1],
                              ROSETTE_PASSWORD_SMTP, ROSETTE_PASSWORD_PUBLISH);

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0 && text->len < 4096)
    g_string_append_len (text, buffer, n);
  /* One line: the newline that ends it is not part of the password. */
  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  if (text->len > 0 && text->str[text->len - 1] == '\r')
    g_string_truncate (text, text->len - 1);
  if (text->len == 0 || text->len >= 4096 || strchr (text->str, '\n') != NULL ||
      !g_utf8_validate (text->str, text->len, NULL))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("Give the password as one line of text on standard input"));

  if (!rosette_password_store_sync (argv[1], text->str, NULL, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_UNAVAILABLE, NULL, error);
  if (!cli->quiet)
    g_print (_("Stored %s in the keyring.\n"), argv[1]);
  return ROSETTE_CLI_EXIT_OK;
}

static const RosetteCliCommand config_commands[] = {
  { "get", N_("Print one setting"), config_get },
  { "set", N_("Change one setting"), config_set },
  { "list", N_("Print every setting"), config_list },
  { "set-secret", N_("Store a password read from standard input in the keyring"), config_set_secret },
  { NULL, NULL, NULL }
};

int
_rosette_cli_config (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  return _rosette_cli_run_group (cli, "config", _("The settings that Preferences edits."),
                                 config_commands, argc, argv);
}
