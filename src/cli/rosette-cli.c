/* rosette-cli.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rosette-cli: the core of Rosette for scripts. The command names, global
 * options and exit codes are a contract (shared/CLI.md): extend, never rename.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "rosette-cli-private.h"

/* The commands this version implements; --help lists exactly these. */
static const RosetteCliCommand commands[] = {
  { "family", N_("Create and inspect badge families"), _rosette_cli_family },
  { "render", N_("Render a family’s tiers to PNG and SVG"), _rosette_cli_render },
  { "issuer", N_("Manage the issuer profile that signs badges"), _rosette_cli_issuer },
  { "keys", N_("Manage the issuer’s signing keys in the keyring"), _rosette_cli_keys },
  { "issue", N_("Issue one signed badge, baked into its artwork"), _rosette_cli_issue },
  { "issue-batch", N_("Issue a badge to everyone in a CSV export (resumable)"), _rosette_cli_issue_batch },
  { "revoke", N_("Revoke an issued badge and publish the status list"), _rosette_cli_revoke },
  { "reissue", N_("Issue a corrected copy of a badge; the old one is superseded"), _rosette_cli_reissue },
  { "renew", N_("Renew a badge with a new expiry date; the old one is superseded"), _rosette_cli_renew },
  { "registry", N_("Reports: list, holders, expiring, inventory, export"), _rosette_cli_registry },
  { "milestones", N_("Tenure milestones from hire dates, and their badges"), _rosette_cli_milestones },
  { "verify", N_("Verify badge files and say why each is or is not valid"), _rosette_cli_verify },
  { "send", N_("Email issued badges that have not been delivered yet"), _rosette_cli_send },
  { "publish", N_("Publish the issuer’s public files to the web host or a folder"), _rosette_cli_publish },
  { "config", N_("Get and set the email and publishing settings"), _rosette_cli_config },
  { "pathway", N_("Pathways: define, progress, issue the goal badge"), _rosette_cli_pathway },
  { "nominate", N_("Peer recognition: nominations, approval, limits"), _rosette_cli_nominate },
  { "endorse", N_("Endorse another organisation’s achievement (OB 3.0)"), _rosette_cli_endorse },
  { NULL, NULL, NULL }
};

static void
rosette_cli_clear (RosetteCli *cli)
{
  g_clear_pointer (&cli->registry, g_free);
}

int
main (int    argc,
      char **argv)
{
  RosetteCli cli = { NULL, FALSE, FALSE };
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "registry", 0, 0, G_OPTION_ARG_FILENAME, &cli.registry,
      N_("The badge registry to use (default: $XDG_DATA_HOME/rosette/registry.db)"),
      N_("PATH") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &cli.quiet,
      N_("Print nothing but errors"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli.json,
      N_("Print results as JSON"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  description = _rosette_cli_describe_commands (NULL, commands);
  context = _rosette_cli_option_context_new (NULL, _("COMMAND [ARGS…]"),
                                             _("Design and render Open Badge families."),
                                             description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Global options come before the command; the rest belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!_rosette_cli_parse (context, NULL, &argc, &argv))
    {
      rosette_cli_clear (&cli);
      return ROSETTE_CLI_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("rosette-cli %s\n", PACKAGE_VERSION);
      rosette_cli_clear (&cli);
      return ROSETTE_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      _rosette_cli_print_error (_("no command given. "
                                  "Run “rosette-cli --help” to see the commands."));
      rosette_cli_clear (&cli);
      return ROSETTE_CLI_EXIT_USAGE;
    }

  status = _rosette_cli_run_command (&cli, NULL, commands, argc - 1, argv + 1);
  rosette_cli_clear (&cli);

  return status;
}
