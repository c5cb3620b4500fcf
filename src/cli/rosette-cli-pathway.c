/* rosette-cli-pathway.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli pathway define|status|issue|export|how-to-earn`: pathways
 * over the registry (badges that lead to a goal badge). The nominate
 * commands are in rosette-cli-nominate.c; both issue through
 * _rosette_cli_award_prepare() in rosette-cli-util.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rosette-cli-private.h"

/* ---- shared ---------------------------------------------------------- */

/* "FILE:TIER" -> FILE, TIER (TIER may be NULL). */
static void
split_file_tier (const char  *text,
                 char       **out_file,
                 char       **out_tier)
{
  const char *colon = strrchr (text, ':');

  *out_file = colon != NULL ? g_strndup (text, colon - text) : g_strdup (text);
  *out_tier = colon != NULL && colon[1] != '\0' ? g_strdup (colon + 1) : NULL;
}

/* ---- pathway define -------------------------------------------------- */

static int
define_ladder (RosetteCli      *cli,
               RosetteRegistry *registry,
               const char      *path)
{
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GPtrArray) ladder = NULL;
  g_autofree char *absolute = _rosette_cli_dup_absolute_path (path);
  int status;

  family = _rosette_cli_load_family (path, &status);
  if (family == NULL)
    return status;
  ladder = rosette_pathway_new_ladder (family, absolute);
  if (ladder->len == 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“%s” has a single tier, so it has no ladder"),
                              rosette_family_get_name (family));
  for (guint i = 0; i < ladder->len; i++)
    {
      g_autoptr(GError) error = NULL;
      RosettePathway *pathway = g_ptr_array_index (ladder, i);

      if (!rosette_pathway_save (pathway, registry, &error))
        return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
      if (!cli->quiet)
        g_print ("%s\t%s\n", pathway->slug, pathway->name);
    }
  return ROSETTE_CLI_EXIT_OK;
}

static gboolean
add_requirements (RosettePathway      *pathway,
                  char               **requires,
                  char               **require_slugs,
                  int                 *status)
{
  for (guint i = 0; requires != NULL && requires[i] != NULL; i++)
    {
      g_autoptr(RosetteFamily) family = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *file = NULL;
      g_autofree char *tier = NULL;

      split_file_tier (requires[i], &file, &tier);
      family = _rosette_cli_load_family (file, status);
      if (family == NULL)
        return FALSE;
      if (!rosette_pathway_add_requirement (pathway, family, tier, &error))
        {
          *status = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
          return FALSE;
        }
    }
  for (guint i = 0; require_slugs != NULL && require_slugs[i] != NULL; i++)
    {
      const char *slash = strchr (require_slugs[i], '/');
      g_autofree char *family = slash != NULL ? g_strndup (require_slugs[i], slash - require_slugs[i])
                                              : g_strdup (require_slugs[i]);
      g_auto(GStrv) tiers = slash != NULL && slash[1] != '\0' ? g_strsplit (slash + 1, ",", -1) : NULL;

      rosette_pathway_add_requirement_slugs (pathway, family, (const char * const *) tiers);
    }
  return TRUE;
}

static int
pathway_define (RosetteCli  *cli,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosettePathway) pathway = NULL;
  g_autoptr(RosetteFamily) goal_family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *ladder = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *description = NULL;
  g_autofree char *goal_file = NULL;
  g_autofree char *goal_tier = NULL;
  g_auto(GStrv) requires = NULL;
  g_auto(GStrv) require_slugs = NULL;
  g_auto(GStrv) rest = NULL;
  int n_of = 0;
  int status;
  const GOptionEntry entries[] = {
    { "goal", 'g', 0, G_OPTION_ARG_FILENAME, &goal,
      N_("The goal badge: its family file and tier"), N_("FILE:TIER") },
    { "require", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &requires,
      N_("A required badge: family file and minimum tier (any tier without :TIER)"),
      N_("FILE[:TIER]") },
    { "require-slug", 0, 0, G_OPTION_ARG_STRING_ARRAY, &require_slugs,
      N_("A required badge by registry name, with the tiers that count"),
      N_("FAMILY[/TIER,TIER…]") },
    { "n-of", 'n', 0, G_OPTION_ARG_INT, &n_of,
      N_("How many of the requirements are needed (default: all)"), N_("N") },
    { "valid", 0, 0, G_OPTION_ARG_STRING, &valid,
      N_("Requirements must be valid “now” or on a date (default: ever earned)"),
      N_("now|DATE") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("What the pathway leads to"), N_("TEXT") },
    { "ladder", 0, 0, G_OPTION_ARG_FILENAME, &ladder,
      N_("Define the family’s built-in ladder (Foundation → Practitioner → Expert)"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "pathway define", _("NAME"), _("Define a pathway to a goal badge."),
    _("Example:\n"
      "  rosette-cli pathway define \"Senior engineer\" --goal senior.rosette:1 \\\n"
      "    --require privacy.rosette:Practitioner --require security.rosette \\\n"
      "    --n-of 2 --valid now\n"
      "  rosette-cli pathway define --ladder privacy.rosette"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "pathway define", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  if (ladder != NULL)
    return define_ladder (cli, registry, ladder);

  if (rest == NULL || rest[0] == NULL || goal == NULL ||
      (requires == NULL && require_slugs == NULL))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“pathway define” needs a NAME, --goal and at least one "
                                "--require. Run “rosette-cli pathway define --help” to see "
                                "the usage."));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("pathway define", rest + 1);
  if (n_of < 0)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("--n-of must be a positive number"));

  split_file_tier (goal, &goal_file, &goal_tier);
  if (goal_tier == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--goal needs the tier after the file: FILE:TIER"));
  goal_family = _rosette_cli_load_family (goal_file, &status);
  if (goal_family == NULL)
    return status;
  pathway = rosette_pathway_new (rest[0], goal_family, goal_tier, &error);
  if (pathway == NULL)
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  pathway->family_file = _rosette_cli_dup_absolute_path (goal_file);
  pathway->description = g_strdup (description);
  pathway->n_required = (guint) n_of;
  if (!add_requirements (pathway, requires, require_slugs, &status))
    return status;
  if (valid != NULL &&
      !rosette_pathway_set_validity (pathway,
                                     g_strcmp0 (valid, "now") == 0
                                     ? ROSETTE_PATHWAY_VALIDITY_NOW
                                     : ROSETTE_PATHWAY_VALIDITY_ON_DATE,
                                     valid, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  if (!rosette_pathway_save (pathway, registry, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (!cli->quiet)
    g_print ("%s\t%s\n", pathway->slug, pathway->name);
  return ROSETTE_CLI_EXIT_OK;
}

/* ---- pathway status -------------------------------------------------- */

static void
print_progress (RosetteCli             *cli,
                RosettePathwayProgress *row)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      _rosette_cli_json_add_string (builder, "email", row->email);
      _rosette_cli_json_add_string (builder, "name", row->name);
      _rosette_cli_json_add_string (builder, "department", row->department);
      _rosette_cli_json_add_string (builder, "state", rosette_pathway_state_to_string (row->state));
      json_builder_set_member_name (builder, "met");
      json_builder_add_int_value (builder, row->n_met);
      json_builder_set_member_name (builder, "needed");
      json_builder_add_int_value (builder, row->n_needed);
      _rosette_cli_json_add_strv (builder, "qualifying", (const char * const *) row->qualifying);
      _rosette_cli_json_add_strv (builder, "lacking", (const char * const *) row->lacking);
      _rosette_cli_json_add_string (builder, "goalCredential", row->goal_credential_id);
      json_builder_end_object (builder);
      _rosette_cli_print_json_line (builder);
    }
  else
    {
      g_autofree char *lacking = g_strjoinv ("; ", row->lacking);

      g_print ("%s\t%s\t%u/%u\t%s\n", row->email, rosette_pathway_state_to_string (row->state),
               row->n_met, row->n_needed, *lacking != '\0' ? lacking : "-");
    }
}

static int
list_pathways (RosetteCli      *cli,
               RosetteRegistry *registry)
{
  g_autoptr(GPtrArray) pathways = NULL;
  g_autoptr(GError) error = NULL;

  pathways = rosette_pathway_list (registry, &error);
  if (pathways == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  for (guint i = 0; i < pathways->len; i++)
    {
      RosettePathway *pathway = g_ptr_array_index (pathways, i);
      g_autoptr(GPtrArray) rows = rosette_pathway_evaluate (pathway, registry, NULL, &error);
      guint counts[ROSETTE_PATHWAY_STATE_IN_PROGRESS + 1] = { 0, };
      g_autofree char *rule = rosette_pathway_dup_rule_text (pathway);

      if (rows == NULL)
        return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
      for (guint r = 0; r < rows->len; r++)
        counts[((RosettePathwayProgress *) g_ptr_array_index (rows, r))->state]++;

      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          _rosette_cli_json_add_string (builder, "slug", pathway->slug);
          _rosette_cli_json_add_string (builder, "name", pathway->name);
          _rosette_cli_json_add_string (builder, "rule", rule);
          for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
            {
              json_builder_set_member_name (builder, rosette_pathway_state_to_string (s));
              json_builder_add_int_value (builder, counts[s]);
            }
          json_builder_end_object (builder);
          _rosette_cli_print_json_line (builder);
        }
      else
        /* Translators: slug, name, rule, then the four counts. */
        g_print (_("%s\t%s (%s)\t%u completed, %u qualify, %u one step away, %u in progress\n"),
                 pathway->slug, pathway->name, rule, counts[0], counts[1], counts[2], counts[3]);
    }
  return ROSETTE_CLI_EXIT_OK;
}

static int
pathway_status (RosetteCli  *cli,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosettePathway) pathway = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *state = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "state", 's', 0, G_OPTION_ARG_STRING, &state,
      N_("Only completed, qualified, one-step or in-progress"), N_("STATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "pathway status", _("[PATHWAY]"), _("Progress on pathways."),
    _("Without a pathway, one line per pathway with its totals. With one, one line per "
      "person: e-mail, state, requirements met/needed, and what they lack."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "pathway status", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL && rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("pathway status", rest + 1);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  if (rest == NULL || rest[0] == NULL)
    return list_pathways (cli, registry);

  pathway = rosette_pathway_load (registry, rest[0], &error);
  if (pathway == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  rows = rosette_pathway_evaluate (pathway, registry, NULL, &error);
  if (rows == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  for (guint i = 0; i < rows->len; i++)
    {
      RosettePathwayProgress *row = g_ptr_array_index (rows, i);

      if (state == NULL || g_strcmp0 (state, rosette_pathway_state_to_string (row->state)) == 0)
        print_progress (cli, row);
    }
  return ROSETTE_CLI_EXIT_OK;
}

/* ---- pathway issue --------------------------------------------------- */

static int
pathway_issue (RosetteCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(RosettePathway) pathway = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RosetteCliAward) award = { NULL, };
  g_auto(GStrv) rest = NULL;
  g_autofree char *family = NULL;
  g_autofree char *output = NULL;
  g_autofree char *proof = NULL;
  gboolean include_names = FALSE;
  RosetteAwardContext award_context = { NULL, };
  int status;
  const GOptionEntry entries[] = {
    { "family", 'f', 0, G_OPTION_ARG_FILENAME, &family,
      N_("The goal badge’s family file (default: the one given to define)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write the badges to"), N_("DIR") },
    { "proof", 'p', 0, G_OPTION_ARG_STRING, &proof,
      N_("data-integrity (default), vc-jwt or ob2"), N_("PROOF") },
    { "include-names", 0, 0, G_OPTION_ARG_NONE, &include_names,
      N_("Put the recipients’ names in the badges"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new (
    "pathway issue", _("PATHWAY"), _("Issue the goal badge to everyone who qualifies."),
    _("Each badge lists the credentials that qualified as its evidence. Running it again "
      "issues only to people who qualified since."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "pathway issue", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE, _("“pathway issue” needs a PATHWAY"));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("pathway issue", rest + 1);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  pathway = rosette_pathway_load (registry, rest[0], &error);
  if (pathway == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (family == NULL && pathway->family_file == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("The pathway does not know the goal’s family file; pass --family"));
  if (!_rosette_cli_award_prepare (&award, &award_context, registry,
                      family != NULL ? family : pathway->family_file, output, proof,
                      include_names, &status))
    return status;

  summary = rosette_pathway_issue_sync (pathway, &award_context, NULL, NULL, &error);
  if (summary == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  _rosette_cli_award_print_summary (cli, summary);
  return summary->failed > 0 ? ROSETTE_CLI_EXIT_NEGATIVE : ROSETTE_CLI_EXIT_OK;
}

/* ---- pathway export, how-to-earn ------------------------------------- */

static int
pathway_export (RosetteCli  *cli,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) rest = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("pathway export", NULL,
                                             _("Export every pathway as JSON."), NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "pathway export", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("pathway export", rest);

  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  json = rosette_pathway_export_json (registry, &error);
  if (json == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (output == NULL)
    {
      g_print ("%s\n", json);
      return ROSETTE_CLI_EXIT_OK;
    }
  if (!g_file_set_contents (output, json, -1, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
  return ROSETTE_CLI_EXIT_OK;
}

static int
pathway_how_to_earn (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) rest = NULL;
  g_auto(GStrv) parts = NULL;
  gboolean html = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "html", 0, 0, G_OPTION_ARG_NONE, &html, N_("An HTML fragment for a criteria page"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("pathway how-to-earn", _("FAMILY/TIER"),
                                             _("How to earn a badge, from the pathways to it."),
                                             NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rosette_cli_parse (context, "pathway how-to-earn", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || strchr (rest[0], '/') == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“pathway how-to-earn” needs the badge as FAMILY/TIER "
                                "(data-privacy/expert)"));

  parts = g_strsplit (rest[0], "/", 2);
  registry = _rosette_cli_open_registry (cli, &status);
  if (registry == NULL)
    return status;
  text = rosette_pathway_dup_how_to_earn (registry, parts[0], parts[1],
                                          html ? ROSETTE_HOW_TO_EARN_HTML
                                               : ROSETTE_HOW_TO_EARN_TEXT,
                                          &error);
  if (text == NULL && error != NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
  if (text == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_NEGATIVE, _("No pathway leads to %s"), rest[0]);
  fputs (text, stdout);
  return ROSETTE_CLI_EXIT_OK;
}

static const RosetteCliCommand pathway_commands[] = {
  { "define", N_("Define a pathway, or a family’s built-in ladder"), pathway_define },
  { "status", N_("Who completed a pathway, who is one step away, what they lack"), pathway_status },
  { "issue", N_("Issue the goal badge to everyone who qualifies"), pathway_issue },
  { "export", N_("Export the pathways as JSON"), pathway_export },
  { "how-to-earn", N_("The “how to earn” text of a badge"), pathway_how_to_earn },
  { NULL, NULL, NULL }
};

int
_rosette_cli_pathway (RosetteCli  *cli,
                      int          argc,
                      char       **argv)
{
  return _rosette_cli_run_group (cli, "pathway", _("Pathways: badges that lead to a goal badge."),
                                 pathway_commands, argc, argv);
}
