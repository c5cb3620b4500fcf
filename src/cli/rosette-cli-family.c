/* rosette-cli-family.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli family new|show|set`: create a family from a template,
 * print what a family file holds, and change one documented key of it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rosette-cli-private.h"

static int family_new  (RosetteCli  *cli,
                        int          argc,
                        char       **argv);
static int family_show (RosetteCli  *cli,
                        int          argc,
                        char       **argv);
static int family_set  (RosetteCli  *cli,
                        int          argc,
                        char       **argv);

static const RosetteCliCommand family_commands[] = {
  { "new", N_("Create a family from the template of a badge kind"), family_new },
  { "show", N_("Print a summary of a family and its tiers"), family_show },
  { "set", N_("Change one documented key of a family file"), family_set },
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

/* The format 2 fields, in the snake_case keys of the other members. */
static void
add_designer_json (RosetteFamily *family,
                   JsonBuilder   *builder)
{
  json_builder_set_member_name (builder, "ribbon_color");
  json_builder_add_string_value (builder, rosette_family_get_ribbon_color (family));
  json_builder_set_member_name (builder, "emblem_color");
  json_builder_add_string_value (builder, rosette_family_get_emblem_color (family));
  json_builder_set_member_name (builder, "palette_ramp");
  json_builder_add_boolean_value (builder, rosette_family_get_palette_ramp (family));
  json_builder_set_member_name (builder, "font");
  json_builder_add_string_value (builder, rosette_family_get_font_family (family));
  json_builder_set_member_name (builder, "font_weight");
  json_builder_add_int_value (builder, rosette_family_get_font_weight (family));
  json_builder_set_member_name (builder, "title_size");
  json_builder_add_double_value (builder, rosette_family_get_title_size (family));
  json_builder_set_member_name (builder, "title_layout");
  json_builder_add_string_value (builder,
                                 _rosette_cli_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                                         rosette_family_get_title_layout (family)));
  json_builder_set_member_name (builder, "show_subtitle");
  json_builder_add_boolean_value (builder, rosette_family_get_show_subtitle (family));
  json_builder_set_member_name (builder, "subtitle_layout");
  json_builder_add_string_value (builder,
                                 _rosette_cli_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                                         rosette_family_get_subtitle_layout (family)));
  json_builder_set_member_name (builder, "rim_width");
  json_builder_add_double_value (builder, rosette_family_get_rim_width (family));
  json_builder_set_member_name (builder, "shadow");
  json_builder_add_boolean_value (builder, rosette_family_get_shadow (family));
  json_builder_set_member_name (builder, "gradient");
  json_builder_add_boolean_value (builder, rosette_family_get_gradient (family));
  json_builder_set_member_name (builder, "custom_emblem");
  json_builder_add_boolean_value (builder, rosette_family_get_custom_emblem (family) != NULL);

  /* Only the elements that were moved, as in the file. */
  json_builder_set_member_name (builder, "placements");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ROSETTE_N_ELEMENTS; i++)
    {
      double dx, dy, scale;

      rosette_family_get_placement (family, i, &dx, &dy, &scale);
      if (dx == 0.0 && dy == 0.0 && scale == 1.0)
        continue;

      json_builder_set_member_name (builder, _rosette_cli_enum_nick (ROSETTE_TYPE_ELEMENT, i));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dx");
      json_builder_add_double_value (builder, dx);
      json_builder_set_member_name (builder, "dy");
      json_builder_add_double_value (builder, dy);
      json_builder_set_member_name (builder, "scale");
      json_builder_add_double_value (builder, scale);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* The achievement data: what credentials say the badge is for. */
static void
add_achievement_json (RosetteFamily *family,
                      JsonBuilder   *builder)
{
  const char * const *tags = rosette_family_get_tags (family);
  const char *name, *url, *framework, *code;

  rosette_family_get_alignment (family, &name, &url, &framework, &code);
  json_builder_set_member_name (builder, "achievement");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, rosette_family_get_description (family));
  json_builder_set_member_name (builder, "criteria");
  json_builder_add_string_value (builder, rosette_family_get_criteria (family));
  json_builder_set_member_name (builder, "criteria_url");
  json_builder_add_string_value (builder, rosette_family_get_criteria_url (family));
  json_builder_set_member_name (builder, "achievement_type");
  json_builder_add_string_value (builder, rosette_family_get_achievement_type (family));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "alignment");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "framework");
  json_builder_add_string_value (builder, framework);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
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
  add_designer_json (family, builder);
  add_achievement_json (family, builder);

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
      json_builder_set_member_name (builder, "field_color");
      json_builder_add_string_value (builder, rosette_tier_get_field_color (tier));
      json_builder_set_member_name (builder, "criteria");
      json_builder_add_string_value (builder, rosette_tier_get_criteria (tier));
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

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

static void
print_designer_text (RosetteFamily *family)
{
  double title_size = rosette_family_get_title_size (family);
  g_autoptr(GString) moved = g_string_new (NULL);

  g_print ("%s %s\n", _("Ribbon colour:"),
           *rosette_family_get_ribbon_color (family) != '\0' ?
             rosette_family_get_ribbon_color (family) : _("auto"));
  g_print ("%s %s\n", _("Emblem colour:"),
           *rosette_family_get_emblem_color (family) != '\0' ?
             rosette_family_get_emblem_color (family) : _("auto"));
  g_print ("%s %s\n", _("Palette ramp:"), yes_no (rosette_family_get_palette_ramp (family)));
  if (rosette_family_get_custom_emblem (family) != NULL)
    g_print ("%s %s\n", _("Imported emblem:"), _("yes"));
  g_print ("%s %s, %u\n", _("Font:"),
           *rosette_family_get_font_family (family) != '\0' ?
             rosette_family_get_font_family (family) : _("default"),
           rosette_family_get_font_weight (family));
  if (title_size == ROSETTE_TITLE_SIZE_AUTO)
    g_print ("%s %s, %s\n", _("Title size:"), _("auto"),
             _rosette_cli_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                     rosette_family_get_title_layout (family)));
  else
    g_print ("%s %g, %s\n", _("Title size:"), title_size,
             _rosette_cli_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                     rosette_family_get_title_layout (family)));
  g_print ("%s %s, %s\n", _("Show subtitle:"),
           yes_no (rosette_family_get_show_subtitle (family)),
           _rosette_cli_enum_nick (ROSETTE_TYPE_TEXT_LAYOUT,
                                   rosette_family_get_subtitle_layout (family)));
  g_print ("%s %g\n", _("Rim width:"), rosette_family_get_rim_width (family));
  g_print ("%s %s\n", _("Shadow:"), yes_no (rosette_family_get_shadow (family)));
  g_print ("%s %s\n", _("Gradient:"), yes_no (rosette_family_get_gradient (family)));

  for (guint i = 0; i < ROSETTE_N_ELEMENTS; i++)
    {
      double dx, dy, scale;

      rosette_family_get_placement (family, i, &dx, &dy, &scale);
      if (dx == 0.0 && dy == 0.0 && scale == 1.0)
        continue;

      g_string_append_printf (moved, "%s%s %+g %+g ×%g", moved->len > 0 ? "; " : "",
                              _rosette_cli_enum_nick (ROSETTE_TYPE_ELEMENT, i), dx, dy, scale);
    }
  if (moved->len > 0)
    g_print ("%s %s\n", _("Moved:"), moved->str);
}

static void
print_achievement_text (RosetteFamily *family)
{
  const char * const *tags = rosette_family_get_tags (family);
  g_autofree char *tag_list = g_strjoinv (", ", (char **) tags);
  const char *name, *url, *framework, *code;

  rosette_family_get_alignment (family, &name, &url, &framework, &code);
  g_print ("%s %s\n", _("Description:"),
           *rosette_family_get_description (family) != '\0' ?
             rosette_family_get_description (family) : _("(generated)"));
  g_print ("%s %s\n", _("Criteria:"), or_none (rosette_family_get_criteria (family)));
  g_print ("%s %s\n", _("Criteria URL:"), or_none (rosette_family_get_criteria_url (family)));
  g_print ("%s %s\n", _("Achievement type:"), rosette_family_get_achievement_type (family));
  g_print ("%s %s\n", _("Tags:"), or_none (tag_list));
  if (*name != '\0' || *url != '\0')
    /* Translators: "Alignment: <name> <url> (<framework> <code>)" */
    g_print ("%s %s %s (%s %s)\n", _("Alignment:"), or_none (name), or_none (url),
             or_none (framework), or_none (code));
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
  print_designer_text (family);
  print_achievement_text (family);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u tier:\n", "%u tiers:\n", n_tiers), n_tiers);

  for (guint i = 0; i < n_tiers; i++)
    {
      RosetteTier *tier = rosette_family_get_tier (family, i);
      guint stars = rosette_tier_get_stars (tier);

      /* Translators: one tier, e.g. "  2. Practitioner: silver, 2 stars,
       * ring stitched, ornament none". */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "  %u. %s: %s, %u star, ring %s, ornament %s",
                            "  %u. %s: %s, %u stars, ring %s, ornament %s",
                            stars),
               i + 1, rosette_tier_get_name (tier),
               _rosette_cli_enum_nick (ROSETTE_TYPE_METAL, rosette_tier_get_metal (tier)),
               stars,
               _rosette_cli_enum_nick (ROSETTE_TYPE_RING_STYLE, rosette_tier_get_ring_style (tier)),
               _rosette_cli_enum_nick (ROSETTE_TYPE_ORNAMENT, rosette_tier_get_ornament (tier)));
      if (*rosette_tier_get_field_color (tier) != '\0')
        /* Translators: after a tier's summary, its own field colour. */
        g_print (_(", field %s"), rosette_tier_get_field_color (tier));
      g_print ("\n");
      if (*rosette_tier_get_criteria (tier) != '\0')
        g_print ("     %s %s\n", _("Criteria:"), rosette_tier_get_criteria (tier));
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

static char *
describe_keys (void)
{
  g_autofree char *keys = g_strjoinv (", ", (char **) rosette_family_list_keys ());

  return g_strdup_printf (_("KEY is one of: %s, emblem-file. <tier> is a tier's number "
                            "(1 is the lowest) or its name; <element> is one of shape, "
                            "ring, emblem, subtitle, ribbon, title, tier-label, stars. "
                            "emblem-file imports an SVG file as the emblem (it is "
                            "sanitised first)."), keys);
}

/* `emblem-file PATH`: the design module sanitises the SVG; the family
 * keeps the result and draws it as its emblem. */
static gboolean
set_emblem_file (RosetteFamily  *family,
                 const char     *path,
                 GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *markup = NULL;
  const char *data;
  gsize size;

  /* The sanitiser refuses what is too large; read a little more than the
   * limit so it can say so. */
  bytes = rosette_load_file_bounded (file, ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE * 4,
                                     NULL, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  markup = rosette_design_sanitize_emblem (data, size, error);
  if (markup == NULL)
    return FALSE;

  if (strlen (markup) > ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The emblem is too large once cleaned up; simplify it"));
      return FALSE;
    }

  rosette_family_set_custom_emblem (family, markup);
  rosette_family_set_emblem (family, ROSETTE_FAMILY_CUSTOM_EMBLEM);

  return TRUE;
}

static gboolean
apply_key (RosetteFamily  *family,
           const char     *key,
           const char     *value,
           GError        **error)
{
  if (g_strcmp0 (key, "emblem-file") == 0)
    return set_emblem_file (family, value, error);

  /* The model checks the form of an emblem id; only design knows which
   * emblems exist. */
  if (g_strcmp0 (key, "emblem") == 0 &&
      g_strcmp0 (value, ROSETTE_FAMILY_CUSTOM_EMBLEM) != 0 &&
      !rosette_design_has_emblem (value))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("There is no emblem “%s”; run “rosette-cli family set --help” "
                     "for the list"), value);
      return FALSE;
    }

  return rosette_family_set_key (family, key, value, error);
}

static int
family_set (RosetteCli  *cli,
            int          argc,
            char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *emblems = NULL;
  g_autofree char *description = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  keys = describe_keys ();
  emblems = g_strjoinv (", ", (char **) rosette_design_list_emblems ());
  description = g_strdup_printf ("%s\n\n%s %s\n\n%s\n"
                                 "  rosette-cli family set data-privacy.rosette palette navy-gold\n"
                                 "  rosette-cli family set data-privacy.rosette tiers "
                                 "\"Bronze, Silver, Gold\"\n"
                                 "  rosette-cli family set data-privacy.rosette tier.2.stars 4",
                                 keys, _("Emblems:"), emblems, _("Examples:"));
  context = _rosette_cli_option_context_new ("family set", _("FILE KEY VALUE"),
                                             _("Change one documented key of a family file. "
                                               "The file is written only if the value is "
                                               "valid."),
                                             description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "family set", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest == NULL || g_strv_length (rest) < 3)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“family set” needs a family file, a key and a value: "
                                "rosette-cli family set FILE.rosette KEY VALUE. "
                                "Run “rosette-cli family set --help” to see the keys."));

  if (rest[3] != NULL)
    return fail_unexpected ("family set", rest + 3);

  family = _rosette_cli_load_family (rest[0], &status);
  if (family == NULL)
    return status;

  if (!apply_key (family, rest[1], rest[2], &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  file = g_file_new_for_commandline_arg (rest[0]);
  if (!rosette_family_save_to_file (family, file, NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (cli->json)
    print_show_json (family, g_file_peek_path (file));
  else if (!cli->quiet)
    g_print ("%s\n", g_file_peek_path (file));

  return ROSETTE_CLI_EXIT_OK;
}

int
_rosette_cli_family (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  return _rosette_cli_run_group (cli, "family",
                                 _("Create, inspect and edit badge families."),
                                 family_commands, argc, argv);
}
