/* rosette-cli-render.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli render FILE -o DIR`: the tiers of a family as PNG and SVG,
 * through the same core export as the app's Export dialog.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rosette-cli-private.h"

typedef struct
{
  char     *tier;
  char     *formats;
  char     *sizes;
  gboolean  text_to_path;
  char     *output;
  GStrv     rest;
} RenderOptions;

static void
render_options_clear (RenderOptions *options)
{
  g_clear_pointer (&options->tier, g_free);
  g_clear_pointer (&options->formats, g_free);
  g_clear_pointer (&options->sizes, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->rest, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenderOptions, render_options_clear)

/* "png,svg", "SVG", "png, svg" -> flags; FALSE names the first bad one. */
static gboolean
parse_formats (const char           *text,
               RosetteExportFormat  *formats,
               char                **bad)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *formats = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_ascii_strdown (g_strstrip (parts[i]), -1);

      if (g_str_equal (part, "png"))
        *formats |= ROSETTE_EXPORT_FORMAT_PNG;
      else if (g_str_equal (part, "svg"))
        *formats |= ROSETTE_EXPORT_FORMAT_SVG;
      else
        {
          *bad = g_steal_pointer (&part);
          return FALSE;
        }
    }

  if (*formats == 0)
    {
      *bad = g_strdup (text);
      return FALSE;
    }

  return TRUE;
}

/* "128,512, 1024" -> sizes, 0-terminated; FALSE names the first bad one. */
static gboolean
parse_sizes (const char  *text,
             guint        sizes[9],
             char       **bad)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint n = 0;

  memset (sizes, 0, sizeof (guint) * 9);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (part, 10, ROSETTE_DESIGN_MIN_SIZE,
                                       ROSETTE_DESIGN_MAX_SIZE, &value, NULL)
          || n == 8)
        {
          *bad = g_strdup (part);
          return FALSE;
        }
      for (guint j = 0; j < n; j++)
        if (sizes[j] == value)
          {
            *bad = g_strdup (part);
            return FALSE;
          }
      sizes[n++] = (guint) value;
    }

  if (n == 0)
    {
      *bad = g_strdup (text);
      return FALSE;
    }
  return TRUE;
}

/* Everything that can be checked without reading the family, so a usage
 * mistake is reported before any work.
 */
static int
check_render_options (RenderOptions        *options,
                      RosetteExportOptions *export)
{
  RosetteExportFormat *formats = &export->formats;
  g_autofree char *bad = NULL;

  if (options->rest == NULL || options->rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“render” needs the family file to render, such as "
                                "“rosette-cli render data-privacy.rosette -o badges”."));

  if (options->rest[1] != NULL)
    {
      g_autofree char *display = g_filename_display_name (options->rest[1]);

      return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                _("unexpected argument “%s”: render takes one family file. "
                                  "Run “rosette-cli render --help” to see the usage."),
                                display);
    }

  /* An empty -o would quietly mean the current folder. */
  if (options->output == NULL || *options->output == '\0')
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“render” needs an output folder: add -o DIR."));

  if (!parse_formats (options->formats != NULL ? options->formats : "png,svg", formats, &bad))
    {
      if (*bad == '\0')
        return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                  _("--format needs png, svg or png,svg."));
      return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                _("unknown format “%s”; use --format png, svg or png,svg."),
                                bad);
    }

  g_clear_pointer (&bad, g_free);
  if (options->sizes == NULL)
    export->sizes[0] = ROSETTE_DESIGN_DEFAULT_SIZE;
  else if (!parse_sizes (options->sizes, export->sizes, &bad))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--size must be sizes between %d and %d, each once, such as "
                                "512 or 128,512,1024 (not “%s”)."),
                              ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE, bad);

  if (options->text_to_path && !(*formats & ROSETTE_EXPORT_FORMAT_SVG))
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("--text-to-path changes the SVG files: add svg to --format."));
  export->text_to_path = options->text_to_path;

  return ROSETTE_CLI_EXIT_OK;
}

/* A file where the folder should be: GIO would only say "File exists". */
static int
check_output (GFile      *directory,
              const char *output)
{
  GFileType type = g_file_query_file_type (directory, G_FILE_QUERY_INFO_NONE, NULL);
  g_autofree char *display = NULL;

  if (type == G_FILE_TYPE_DIRECTORY || type == G_FILE_TYPE_UNKNOWN)
    return ROSETTE_CLI_EXIT_OK;

  display = g_filename_display_name (output);

  return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                            _("%s is not a folder; give -o the folder to write the badges in."),
                            display);
}

/* "Foundation, Practitioner, Expert", for the unknown-tier message. */
static char *
list_tier_names (RosetteFamily *family)
{
  GString *names = g_string_new (NULL);
  guint n_tiers = rosette_family_get_n_tiers (family);

  for (guint i = 0; i < n_tiers; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, rosette_tier_get_name (rosette_family_get_tier (family, i)));
    }

  return g_string_free (names, FALSE);
}

/* --tier NAME[,NAME…]: "all" (or nothing) renders every tier; otherwise
 * the tiers of those names, in any letter case, in the order given.
 */
static int
find_tiers (RosetteFamily  *family,
            const char     *path,
            const char     *names,
            GPtrArray     **tiers)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *all = names != NULL ? g_strstrip (g_strdup (names)) : NULL;

  *tiers = NULL;

  if (all == NULL || g_ascii_strcasecmp (all, "all") == 0)
    return ROSETTE_CLI_EXIT_OK;

  *tiers = g_ptr_array_new ();
  parts = g_strsplit (names, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      RosetteTier *tier = rosette_family_find_tier (family, name);

      if (tier == NULL)
        {
          g_autofree char *known = list_tier_names (family);
          g_autofree char *display = g_filename_display_name (path);

          g_clear_pointer (tiers, g_ptr_array_unref);
          return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                    _("%s has no tier “%s”; use --tier with one of: %s, or all."),
                                    display, name, known);
        }
      if (!g_ptr_array_find (*tiers, tier, NULL))
        g_ptr_array_add (*tiers, tier);
    }

  return ROSETTE_CLI_EXIT_OK;
}

static void
print_written (RosetteCli *cli,
               GPtrArray  *written)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; written != NULL && i < written->len; i++)
        json_builder_add_string_value (builder, g_file_peek_path (g_ptr_array_index (written, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      for (guint i = 0; written != NULL && i < written->len; i++)
        g_print ("%s\n", g_file_peek_path (g_ptr_array_index (written, i)));
    }
}

int
_rosette_cli_render (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_auto(RenderOptions) options = { NULL, NULL, NULL, FALSE, NULL, NULL };
  RosetteExportOptions export = { 0 };
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "tier", 't', 0, G_OPTION_ARG_STRING, &options.tier,
      N_("The tiers to render, separated by commas, or all (default: all)"), N_("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.formats,
      N_("png, svg or png,svg (default: png,svg)"), N_("FORMATS") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &options.sizes,
      N_("PNG width and height in pixels, 64 to 2048; several separated by commas "
         "(default: 512)"), N_("PX") },
    { "text-to-path", 0, 0, G_OPTION_ARG_NONE, &options.text_to_path,
      N_("Turn SVG text into outlines, so it looks the same without the font"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The folder to write the files in; made if missing"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.rest, NULL, NULL },
    { NULL }
  };

  description = g_strdup (_("Writes DIR/<family>-<tier>.png and .svg, named from the slugs "
                            "of the family and tier names. Existing files of those names "
                            "are replaced.\n\n"
                            "With several sizes, PNG files are named "
                            "<family>-<tier>-<size>.png.\n\n"
                            "Examples:\n"
                            "  rosette-cli render data-privacy.rosette -o badges\n"
                            "  rosette-cli render data-privacy.rosette --tier expert "
                            "--format png --size 1024 -o badges\n"
                            "  rosette-cli render data-privacy.rosette --tier foundation,expert "
                            "--size 128,512,1024 --text-to-path -o badges"));
  context = _rosette_cli_option_context_new (
    "render", _("FILE"),
    _("Render the tiers of a badge family to PNG and SVG."),
    description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "render", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  status = check_render_options (&options, &export);
  if (status != ROSETTE_CLI_EXIT_OK)
    return status;

  family = _rosette_cli_load_family (options.rest[0], &status);
  if (family == NULL)
    return status;

  status = find_tiers (family, options.rest[0], options.tier, &tiers);
  if (status != ROSETTE_CLI_EXIT_OK)
    return status;

  /* The core makes the folder when it is missing, and its errors name
   * the folder or file; the CLI adds what to do. */
  directory = g_file_new_for_commandline_arg (options.output);
  status = check_output (directory, options.output);
  if (status != ROSETTE_CLI_EXIT_OK)
    return status;

  if (!rosette_design_export_tiers (family, tiers, &export, directory, &written, NULL, &error))
    {
      if (_rosette_cli_exit_for_error (error) == ROSETTE_CLI_EXIT_USAGE)
        return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                                  _("%s. Choose a folder you can write to with -o."),
                                  error->message);

      return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
    }

  print_written (cli, written);

  return ROSETTE_CLI_EXIT_OK;
}
