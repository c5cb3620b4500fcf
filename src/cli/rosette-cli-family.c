/* rosette-cli-family.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli family new|show`: create a family from a template, and
 * print what a family file holds.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-cli-private.h"

static int family_new  (RosetteCli  *cli,
                        int          argc,
                        char       **argv);
static int family_show (RosetteCli  *cli,
                        int          argc,
                        char       **argv);

static const RosetteCliCommand family_commands[] = {
  { "new", N_("Create a family from the template of a badge kind"), family_new },
  { "show", N_("Print a summary of a family and its tiers"), family_show },
  { NULL, NULL, NULL }
};

/* The first stray positional argument is an error, not silently ignored. */
static int
fail_unexpected (const char  *command,
                 char       **rest)
{
  g_autofree char *display = g_filename_display_name (rest[0]);

  return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                            _("unexpected argument “%s”. "
                              "Run “rosette-cli %s --help” to see the usage."),
                            display, command);
}

static gboolean
parse_kind (const char       *text,
            RosetteBadgeKind *kind)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autofree char *stripped = g_strstrip (g_strdup (lower));

  return rosette_badge_kind_from_string (stripped, kind);
}

/* Validates --kind, --name and -o before anything is created, so that a
 * mistake leaves nothing behind.
 */
static int
check_new_options (const char       *kind_name,
                   const char       *name,
                   const char       *output,
                   RosetteBadgeKind *kind)
{
  g_autofree char *kinds = _rosette_cli_enum_nicks (ROSETTE_TYPE_BADGE_KIND);
  g_autoptr(GError) error = NULL;

  if (kind_name == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“family new” needs --kind KIND, one of: %s."), kinds);

  if (!parse_kind (kind_name, kind))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("unknown kind “%s”; use one of: %s."), kind_name, kinds);

  if (name == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“family new” needs --name NAME, "
                                "such as --name \"Data Privacy\"."));

  /* The same rules as a family file's "name", so what we write loads. */
  if (!rosette_family_check_name (name, &error))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--name: %s."), error->message);

  if (output == NULL || *output == '\0')
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“family new” needs -o FILE.rosette, the file to write."));

  return ROSETTE_CLI_EXIT_OK;
}

/* Refuses to write over a folder, or over a file without --force. */
static int
check_new_output (GFile      *file,
                  const char *output,
                  gboolean    force)
{
  g_autofree char *display = g_filename_display_name (output);
  GFileType type;

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_DIRECTORY)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("%s is a folder; give a file name such as %s/family.rosette."),
                              display, display);

  if (type != G_FILE_TYPE_UNKNOWN && !force)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("%s already exists; use --force to replace it."), display);

  return ROSETTE_CLI_EXIT_OK;
}

static void
print_new_json (RosetteFamily *family,
                GFile         *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_tiers = rosette_family_get_n_tiers (family);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, g_file_peek_path (file));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rosette_family_get_name (family));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 rosette_badge_kind_to_string (rosette_family_get_kind (family)));
  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_tiers; i++)
    json_builder_add_string_value (builder,
                                   rosette_tier_get_name (rosette_family_get_tier (family, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  _rosette_cli_print_json (builder);
}

static int
family_new (RosetteCli  *cli,
            int          argc,
            char       **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  RosetteBadgeKind kind = ROSETTE_BADGE_KIND_COMPLIANCE;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("The kind of badge, which picks the template"), N_("KIND") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The family name, such as \"Data Privacy\""), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The family file to write"), N_("FILE.rosette") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the file if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  kinds = _rosette_cli_enum_nicks (ROSETTE_TYPE_BADGE_KIND);
  description = g_strdup_printf (_("KIND is one of: %s. Each kind has its own artwork; "
                                   "the family starts with the tiers Foundation, "
                                   "Practitioner and Expert.\n\n"
                                   "Example:\n"
                                   "  rosette-cli family new --kind compliance "
                                   "--name \"Data Privacy\" -o data-privacy.rosette"),
                                 kinds);
  context = _rosette_cli_option_context_new (
    "family new", NULL,
    _("Create a badge family from the template of a kind."),
    description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "family new", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest != NULL && rest[0] != NULL)
    return fail_unexpected ("family new", rest);

  if (name != NULL)
    g_strstrip (name);

  status = check_new_options (kind_name, name, output, &kind);
  if (status != ROSETTE_CLI_EXIT_OK)
    return status;

  file = g_file_new_for_commandline_arg (output);
  status = check_new_output (file, output, force);
  if (status != ROSETTE_CLI_EXIT_OK)
    return status;

  family = rosette_family_new_from_template (kind, name);
  if (!rosette_family_save_to_file (family, file, NULL, &error))
    /* The core's message names the file; add what to do about it. */
    return _rosette_cli_fail (_rosette_cli_exit_for_error (error),
                              _("%s. Choose a file you can write to with -o."),
                              error->message);

  if (cli->json)
    print_new_json (family, file);
  else if (!cli->quiet)
    g_print ("%s\n", g_file_peek_path (file));

  return ROSETTE_CLI_EXIT_OK;
}

static void
print_show_json (RosetteFamily *family,
                 const char    *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_tiers = rosette_family_get_n_tiers (family);
  g_autofree char *slug = rosette_family_dup_slug (family);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rosette_family_get_name (family));
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, slug);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 rosette_badge_kind_to_string (rosette_family_get_kind (family)));
  json_builder_set_member_name (builder, "shape");
  json_builder_add_string_value (builder,
                                 _rosette_cli_enum_nick (ROSETTE_TYPE_SHAPE,
                                                         rosette_family_get_shape (family)));
  json_builder_set_member_name (builder, "emblem");
  json_builder_add_string_value (builder, rosette_family_get_emblem (family));
  json_builder_set_member_name (builder, "emblem_text");
  json_builder_add_string_value (builder, rosette_family_get_emblem_text (family));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, rosette_family_get_title (family));
  json_builder_set_member_name (builder, "subtitle");
  json_builder_add_string_value (builder, rosette_family_get_subtitle (family));
  json_builder_set_member_name (builder, "field_color");
  json_builder_add_string_value (builder, rosette_family_get_field_color (family));

  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_tiers; i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);
      g_autofree char *tier_slug = rosette_tier_dup_slug (tier);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, rosette_tier_get_name (tier));
      json_builder_set_member_name (builder, "slug");
      json_builder_add_string_value (builder, tier_slug);
      json_builder_set_member_name (builder, "metal");
      json_builder_add_string_value (builder,
                                     _rosette_cli_enum_nick (ROSETTE_TYPE_METAL,
                                                             rosette_tier_get_metal (tier)));
      json_builder_set_member_name (builder, "stars");
      json_builder_add_int_value (builder, rosette_tier_get_stars (tier));
      json_builder_set_member_name (builder, "ring");
      json_builder_add_string_value (builder,
                                     _rosette_cli_enum_nick (ROSETTE_TYPE_RING_STYLE,
                                                             rosette_tier_get_ring_style (tier)));
      json_builder_set_member_name (builder, "ornament");
      json_builder_add_string_value (builder,
                                     _rosette_cli_enum_nick (ROSETTE_TYPE_ORNAMENT,
                                                             rosette_tier_get_ornament (tier)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  _rosette_cli_print_json (builder);
}

/* Text from a family file may be empty; say so rather than print nothing. */
static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("(none)");
}

static void
print_show_text (RosetteFamily *family)
{
  guint n_tiers = rosette_family_get_n_tiers (family);
  const char *emblem_text = rosette_family_get_emblem_text (family);

  g_print ("%s %s\n", _("Name:"), rosette_family_get_name (family));
  g_print ("%s %s\n", _("Kind:"),
           rosette_badge_kind_to_string (rosette_family_get_kind (family)));
  g_print ("%s %s\n", _("Shape:"),
           _rosette_cli_enum_nick (ROSETTE_TYPE_SHAPE, rosette_family_get_shape (family)));
  if (emblem_text != NULL && *emblem_text != '\0')
    g_print ("%s %s (“%s”)\n", _("Emblem:"),
             or_none (rosette_family_get_emblem (family)), emblem_text);
  else
    g_print ("%s %s\n", _("Emblem:"), or_none (rosette_family_get_emblem (family)));
  g_print ("%s %s\n", _("Title:"), or_none (rosette_family_get_title (family)));
  g_print ("%s %s\n", _("Subtitle:"), or_none (rosette_family_get_subtitle (family)));
  g_print ("%s %s\n", _("Field colour:"), or_none (rosette_family_get_field_color (family)));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u tier:\n", "%u tiers:\n", n_tiers), n_tiers);

  for (guint i = 0; i < n_tiers; i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);
      guint stars = rosette_tier_get_stars (tier);

      /* Translators: one tier, e.g. "  2. Practitioner: silver, 2 stars,
       * ring stitched, ornament none". */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "  %u. %s: %s, %u star, ring %s, ornament %s\n",
                            "  %u. %s: %s, %u stars, ring %s, ornament %s\n",
                            stars),
               i + 1, rosette_tier_get_name (tier),
               _rosette_cli_enum_nick (ROSETTE_TYPE_METAL, rosette_tier_get_metal (tier)),
               stars,
               _rosette_cli_enum_nick (ROSETTE_TYPE_RING_STYLE, rosette_tier_get_ring_style (tier)),
               _rosette_cli_enum_nick (ROSETTE_TYPE_ORNAMENT, rosette_tier_get_ornament (tier)));
    }
}

static int
family_show (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GFile) file = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("family show", _("FILE"),
                                             _("Print a summary of a badge family and its tiers."),
                                             _("With --json before the command, prints the same "
                                               "as one JSON object.\n\n"
                                               "Example:\n"
                                               "  rosette-cli --json family show "
                                               "data-privacy.rosette"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "family show", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“family show” needs a family file: "
                                "rosette-cli family show FILE.rosette"));

  if (rest[1] != NULL)
    return fail_unexpected ("family show", rest + 1);

  family = _rosette_cli_load_family (rest[0], &status);
  if (family == NULL)
    return status;

  file = g_file_new_for_commandline_arg (rest[0]);

  if (cli->json)
    print_show_json (family, g_file_peek_path (file));
  else if (!cli->quiet)
    print_show_text (family);

  return ROSETTE_CLI_EXIT_OK;
}

int
_rosette_cli_family (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  return _rosette_cli_run_group (cli, "family",
                                 _("Create and inspect badge families."),
                                 family_commands, argc, argv);
}
