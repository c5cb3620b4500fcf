/* rosette-cli-util.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rosette-cli-private.h"

/* Errors are one line on stderr: GError messages from the core or GIO may
 * carry newlines, which would break scripts that read the first line.
 */
static char *
flatten_message (const char *message)
{
  GString *line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = message; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          space = TRUE;
          continue;
        }

      if (space && line->len > 0 && line->str[line->len - 1] != ' ')
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_c (line, *p);
    }

  return g_string_free (line, FALSE);
}

static void print_error_valist (const char *format,
                                va_list     args) G_GNUC_PRINTF (1, 0);

static void
print_error_valist (const char *format,
                    va_list     args)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;

  message = g_strdup_vprintf (format, args);
  line = flatten_message (message);
  g_printerr ("rosette-cli: %s\n", line);
}

void
_rosette_cli_print_error (const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  print_error_valist (format, args);
  va_end (args);
}

/* Prints the one-line error and returns @code, so handlers can
 * `return _rosette_cli_fail (...)`.
 */
int
_rosette_cli_fail (RosetteCliExit  code,
                   const char     *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  print_error_valist (format, args);
  va_end (args);

  return code;
}

/* Which exit code a failure of the core deserves: input the user can fix
 * is 2, anything else (a renderer failure) is 3.
 */
RosetteCliExit
_rosette_cli_exit_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, ROSETTE_CLI_EXIT_UNAVAILABLE);

  if (error->domain == G_IO_ERROR ||
      error->domain == G_FILE_ERROR ||
      error->domain == JSON_PARSER_ERROR)
    return ROSETTE_CLI_EXIT_USAGE;

  if (error->domain == ROSETTE_ERROR)
    {
      switch ((RosetteError) error->code)
        {
        case ROSETTE_ERROR_FAILED:
        case ROSETTE_ERROR_RENDER:
        case ROSETTE_ERROR_KEYRING_UNAVAILABLE:
        case ROSETTE_ERROR_KEYRING_LOCKED:
        case ROSETTE_ERROR_ACCESS_DENIED:
        case ROSETTE_ERROR_CRYPTO:
          return ROSETTE_CLI_EXIT_UNAVAILABLE;

        case ROSETTE_ERROR_PARSE:
        case ROSETTE_ERROR_INVALID:
        case ROSETTE_ERROR_UNSUPPORTED_VERSION:
        case ROSETTE_ERROR_TOO_LARGE:
        case ROSETTE_ERROR_NOT_FOUND:
        case ROSETTE_ERROR_OUT_OF_RANGE:
        case ROSETTE_ERROR_IO:
        case ROSETTE_ERROR_BAD_PASSPHRASE:
        default:
          return ROSETTE_CLI_EXIT_USAGE;
        }
    }

  return ROSETTE_CLI_EXIT_UNAVAILABLE;
}

/* Prints "PREFIX: MESSAGE" (or just the message) and returns @code. */
int
_rosette_cli_fail_gerror (RosetteCliExit  code,
                          const char     *prefix,
                          const GError   *error)
{
  if (prefix != NULL)
    _rosette_cli_print_error ("%s: %s", prefix, error->message);
  else
    _rosette_cli_print_error ("%s", error->message);

  return code;
}

void
_rosette_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* JSON is UTF-8 whatever the locale: write it as bytes, not through
   * g_print's charset conversion.
   */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* The file and command-line name of an enum value, such as "gold". */
const char *
_rosette_cli_enum_nick (GType type,
                        int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  const char *nick = enum_value != NULL ? enum_value->value_nick : "?";

  /* The generated nicks are static strings, valid after the unref. */
  g_type_class_unref (klass);

  return nick;
}

/* "compliance, leadership, …": every nick of @type, for error messages
 * that list what would have been accepted.
 */
char *
_rosette_cli_enum_nicks (GType type)
{
  GEnumClass *klass = g_type_class_ref (type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) nicks = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (builder, klass->values[i].value_nick);

  g_type_class_unref (klass);
  nicks = g_strv_builder_end (builder);

  return g_strjoinv (", ", nicks);
}

/* A GOptionContext whose --help reads "Usage: rosette-cli COMMAND [OPTION…] ARGS". */
GOptionContext *
_rosette_cli_option_context_new (const char *command,
                                 const char *parameter_string,
                                 const char *summary,
                                 const char *description)
{
  GOptionContext *context;
  g_autofree char *prgname = NULL;

  /* GOptionContext names the program from g_get_prgname() in its usage
   * line; naming the command there gives "rosette-cli render [OPTION…]".
   */
  if (command != NULL)
    prgname = g_strdup_printf ("rosette-cli %s", command);
  else
    prgname = g_strdup ("rosette-cli");
  g_set_prgname (prgname);

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);

  return context;
}

gboolean
_rosette_cli_parse (GOptionContext   *context,
                    const char       *command,
                    int              *argc,
                    char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      if (command != NULL)
        /* Translators: the first %s is GLib's reason, such as
         * "Unknown option --foo", the second a command such as "render". */
        _rosette_cli_print_error (_("%s. Run “rosette-cli %s --help” to see the options."),
                                  error->message, command);
      else
        _rosette_cli_print_error (_("%s. Run “rosette-cli --help” to see the options."),
                                  error->message);
      return FALSE;
    }

  return TRUE;
}

/* The "Commands:" block of a --help page, built from the same table that
 * dispatch uses so the two cannot disagree.
 */
char *
_rosette_cli_describe_commands (const char              *command,
                                const RosetteCliCommand *commands)
{
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  g_string_append_c (text, '\n');

  for (const RosetteCliCommand *c = commands; c->name != NULL; c++)
    width = MAX (width, (int) strlen (c->name));

  for (const RosetteCliCommand *c = commands; c->name != NULL; c++)
    g_string_append_printf (text, "  %-*s  %s\n", width, c->name, _(c->summary));

  g_string_append_c (text, '\n');
  if (command != NULL)
    g_string_append_printf (text,
                            _("Run “rosette-cli %s COMMAND --help” for help on a command."),
                            command);
  else
    g_string_append (text, _("Run “rosette-cli COMMAND --help” for help on a command."));

  return g_string_free (text, FALSE);
}

/* Finds argv[0] in @commands and runs it with the rest of the arguments.
 * @command is the group it belongs to ("family"), or %NULL at the top.
 */
int
_rosette_cli_run_command (RosetteCli              *cli,
                          const char              *command,
                          const RosetteCliCommand *commands,
                          int                      argc,
                          char                   **argv)
{
  g_assert (argc >= 1);

  for (const RosetteCliCommand *c = commands; c->name != NULL; c++)
    {
      if (g_strcmp0 (c->name, argv[0]) == 0)
        return c->handler (cli, argc, argv);
    }

  if (command != NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("unknown command “%s %s”. "
                                "Run “rosette-cli %s --help” to see the commands."),
                              command, argv[0], command);

  return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                            _("unknown command “%s”. "
                              "Run “rosette-cli --help” to see the commands."),
                            argv[0]);
}

/* A command made of subcommands, such as `family new|show`: it has its
 * own --help listing them and runs the one named after it.
 */
int
_rosette_cli_run_group (RosetteCli              *cli,
                        const char              *command,
                        const char              *summary,
                        const RosetteCliCommand *commands,
                        int                      argc,
                        char                   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;

  description = _rosette_cli_describe_commands (command, commands);
  context = _rosette_cli_option_context_new (command, _("COMMAND [ARGS…]"),
                                             summary, description);
  /* Stop at the subcommand: its options are its own. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!_rosette_cli_parse (context, command, &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (argc < 2)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“%s” needs a command. "
                                "Run “rosette-cli %s --help” to see them."),
                              command, command);

  return _rosette_cli_run_command (cli, command, commands, argc - 1, argv + 1);
}

/* Loads a family for a command, printing the one-line reason if that
 * fails. The core's message already names the file (see
 * rosette_family_new_from_file()), so it is printed as it is.
 */
RosetteFamily *
_rosette_cli_load_family (const char *path,
                          int        *exit_code)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;

  family = rosette_family_new_from_file (file, NULL, &error);
  if (family == NULL)
    {
      *exit_code = _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
      return NULL;
    }

  *exit_code = ROSETTE_CLI_EXIT_OK;

  return g_steal_pointer (&family);
}

/* One compact JSON object per line: reports can be long, and jq reads
 * them line by line.
 */
void
_rosette_cli_print_json_line (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* A string member, or null when @value is %NULL. */
void
_rosette_cli_json_add_string (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
_rosette_cli_json_add_strv (JsonBuilder        *builder,
                            const char         *name,
                            const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* Paths kept in the registry must not depend on the directory the
 * command ran in.
 */
char *
_rosette_cli_dup_absolute_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_get_path (file);
}

void
_rosette_cli_award_clear (RosetteCliAward *award)
{
  g_clear_object (&award->store);
  g_clear_object (&award->issuer);
  g_clear_object (&award->family);
  g_clear_object (&award->output);
}

/* The issuing context of `pathway issue` and `nominate approve`: the
 * current issuer from the store, the family from @family_path; the key
 * comes from the keyring when the batch runs.
 */
gboolean
_rosette_cli_award_prepare (RosetteCliAward     *award,
                            RosetteAwardContext *context,
                            RosetteRegistry     *registry,
                            const char          *family_path,
                            const char          *output,
                            const char          *proof,
                            gboolean             include_names,
                            int                 *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_dir = NULL;

  context->proof = ROSETTE_ISSUE_PROOF_DATA_INTEGRITY;
  if (proof != NULL && !rosette_issue_proof_from_string (proof, &context->proof, &error))
    {
      *status = _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
      return FALSE;
    }
  award->family = _rosette_cli_load_family (family_path, status);
  if (award->family == NULL)
    return FALSE;
  award->store = _rosette_cli_issuer_store_new ();
  award->issuer = _rosette_cli_load_current_issuer (award->store, status);
  if (award->issuer == NULL)
    return FALSE;

  default_dir = g_build_filename (g_get_user_data_dir (), "rosette", "issued", NULL);
  award->output = g_file_new_for_commandline_arg (output != NULL ? output : default_dir);
  context->registry = registry;
  context->issuer = award->issuer;
  context->family = award->family;
  context->output_dir = award->output;
  context->format = ROSETTE_ISSUE_FORMAT_PNG;
  context->include_names = include_names;
  return TRUE;
}

void
_rosette_cli_award_print_summary (RosetteCli                *cli,
                                  const RosetteBatchSummary *summary)
{
  if (cli->json)
    {
      g_autofree char *json = rosette_batch_summary_to_json (summary);

      g_print ("%s\n", json);
      return;
    }
  for (guint i = 0; i < summary->failures->len; i++)
    {
      RosetteBatchFailure *failure = g_ptr_array_index (summary->failures, i);

      _rosette_cli_print_error ("%s: %s", failure->email != NULL ? failure->email : "?",
                                failure->message);
    }
  if (summary->warning != NULL)
    _rosette_cli_print_error (_("warning: %s"), summary->warning);
  if (!cli->quiet)
    g_print (_("%s: %u issued, %u already issued, %u failed\n"), summary->batch_id,
             summary->issued, summary->skipped, summary->failed);
}
