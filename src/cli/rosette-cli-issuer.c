/* rosette-cli-issuer.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `rosette-cli issuer create|show|list|set|use`: the issuer profile that
 * signs badges. Profiles are public data in the data folder (see
 * rosette-issuer-store.c); the private keys live in the keyring, so only
 * `create` talks to it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rosette-cli-private.h"

static int issuer_create (RosetteCli  *cli,
                          int          argc,
                          char       **argv);
static int issuer_show   (RosetteCli  *cli,
                          int          argc,
                          char       **argv);
static int issuer_list   (RosetteCli  *cli,
                          int          argc,
                          char       **argv);
static int issuer_set    (RosetteCli  *cli,
                          int          argc,
                          char       **argv);
static int issuer_use    (RosetteCli  *cli,
                          int          argc,
                          char       **argv);

static const RosetteCliCommand issuer_commands[] = {
  { "create", N_("Create an issuer profile and its default signing keys"), issuer_create },
  { "show", N_("Print the current issuer, its identifier and its keys"), issuer_show },
  { "list", N_("List the issuer profiles"), issuer_list },
  { "set", N_("Change one field of the current issuer"), issuer_set },
  { "use", N_("Choose the issuer that signs new badges"), issuer_use },
  { NULL, NULL, NULL }
};

/**
 * _rosette_cli_issuer_store_new:
 *
 * The issuer store every command uses: $ROSETTE_DATA_DIR when set (tests
 * and separate setups), else $XDG_DATA_HOME/rosette.
 */
RosetteIssuerStore *
_rosette_cli_issuer_store_new (void)
{
  const char *dir = g_getenv ("ROSETTE_DATA_DIR");
  g_autoptr(GFile) base = NULL;

  if (dir != NULL && dir[0] != '\0')
    base = g_file_new_for_commandline_arg (dir);

  return rosette_issuer_store_new (base);
}

/* The current issuer, or NULL after printing why (exit 2: the fix is to
 * create or choose one, which the message says). */
RosetteIssuer *
_rosette_cli_load_current_issuer (RosetteIssuerStore *store,
                                  int                *exit_code)
{
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;

  issuer = rosette_issuer_store_load_current (store, NULL, &error);
  if (issuer == NULL)
    {
      *exit_code = _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);
      return NULL;
    }

  *exit_code = ROSETTE_CLI_EXIT_OK;

  return g_steal_pointer (&issuer);
}

/* The first stray positional argument is an error, not silently ignored. */
int
_rosette_cli_fail_unexpected (const char  *command,
                              char       **rest)
{
  g_autofree char *display = g_filename_display_name (rest[0]);

  return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                            _("unexpected argument “%s”. "
                              "Run “rosette-cli %s --help” to see the usage."),
                            display, command);
}

static const char *
or_none (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : _("(none)");
}

static const char *
mode_nick (RosetteIdentifierMode mode)
{
  switch (mode)
    {
    case ROSETTE_IDENTIFIER_MODE_DID_WEB:
      return "did:web";
    case ROSETTE_IDENTIFIER_MODE_URL:
      return "url";
    case ROSETTE_IDENTIFIER_MODE_DID_KEY:
    default:
      return "did:key";
    }
}

/* Counts keys by status, for the one-line summaries. */
static void
count_keys (RosetteIssuer *issuer,
            guint          counts[3])
{
  GListModel *keys = rosette_issuer_get_keys (issuer);

  counts[0] = counts[1] = counts[2] = 0;
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);

      counts[rosette_key_record_get_status (record)]++;
    }
}

static void
build_issuer_json (JsonBuilder   *builder,
                   RosetteIssuer *issuer,
                   gboolean       current)
{
  const char * const *fields = rosette_issuer_list_fields ();
  g_autofree char *identifier = rosette_issuer_dup_identifier (issuer);
  g_autofree char *created = NULL;
  GListModel *keys = rosette_issuer_get_keys (issuer);

  created = g_date_time_format_iso8601 (rosette_issuer_get_created (issuer));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, rosette_issuer_get_id (issuer));
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, current);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *value = rosette_issuer_get_field (issuer, fields[i]);

      json_builder_set_member_name (builder, fields[i]);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "identifier_mode");
  json_builder_add_string_value (builder, mode_nick (rosette_issuer_get_identifier_mode (issuer)));
  /* The identifier credentials carry now (did:key: of the Ed25519 key). */
  json_builder_set_member_name (builder, "issuer_id");
  if (identifier != NULL)
    json_builder_add_string_value (builder, identifier);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);

      _rosette_cli_build_key_json (builder, record);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_issuer_text (RosetteIssuer *issuer,
                   gboolean       explain)
{
  g_autofree char *identifier = rosette_issuer_dup_identifier (issuer);
  guint counts[3];

  count_keys (issuer, counts);

  g_print ("%s: %s\n", _("Issuer"), rosette_issuer_get_id (issuer));
  g_print ("  %s: %s\n", _("Name"), rosette_issuer_get_name (issuer));
  g_print ("  %s: %s\n", _("Web site"), or_none (rosette_issuer_get_url (issuer)));
  g_print ("  %s: %s\n", _("Email"), or_none (rosette_issuer_get_email (issuer)));
  g_print ("  %s: %s\n", _("Description"), or_none (rosette_issuer_get_description (issuer)));
  g_print ("  %s: %s\n", _("Image"), or_none (rosette_issuer_get_image (issuer)));
  g_print ("  %s: %s\n", _("Identifier"), or_none (identifier));
  /* Translators: "Keys: 2 active, 1 retired, 0 revoked". */
  g_print (_("  Keys: %u active, %u retired, %u revoked\n"), counts[0], counts[1], counts[2]);

  if (explain && rosette_issuer_get_identifier_mode (issuer) == ROSETTE_IDENTIFIER_MODE_DID_KEY)
    g_print ("\n%s\n", rosette_issuer_identifier_explanation ());
}

/* What create and show print: the current issuer, as text or JSON. */
static void
print_issuer (RosetteCli    *cli,
              RosetteIssuer *issuer)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_issuer_json (builder, issuer, TRUE);
      _rosette_cli_print_json (builder);
    }
  else if (!cli->quiet)
    {
      print_issuer_text (issuer, TRUE);
    }
}

static int
issuer_create (RosetteCli  *cli,
               int          argc,
               char       **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *email = NULL;
  g_autofree char *description = NULL;
  g_autofree char *image = NULL;
  g_autofree char *did_web = NULL;
  g_autofree char *identifier = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The organisation’s name, as badges show it"), N_("NAME") },
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url,
      N_("The organisation’s web site"), N_("URL") },
    { "email", 'e', 0, G_OPTION_ARG_STRING, &email,
      N_("A contact address"), N_("EMAIL") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("A short description"), N_("TEXT") },
    { "image", 0, 0, G_OPTION_ARG_STRING, &image,
      N_("A logo: an https address or a data: URI"), N_("URL") },
    { "did-web", 0, 0, G_OPTION_ARG_STRING, &did_web,
      N_("Use did:web:DOMAIN as the identifier instead of did:key"), N_("DOMAIN") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  struct {
    const char *field;
    const char *value;
  } values[] = {
    { "url", NULL }, { "email", NULL }, { "description", NULL },
    { "image", NULL }, { "identifier", NULL },
  };

  context = _rosette_cli_option_context_new (
    "issuer create", NULL,
    _("Create an issuer profile with an Ed25519 and a P-256 key in the keyring."),
    _("The new issuer becomes the current one if there was none. Its identifier is "
      "did:key (one of its keys) unless --did-web names the domain where you will "
      "publish its did.json.\n\n"
      "Profiles are kept in $XDG_DATA_HOME/rosette, or in $ROSETTE_DATA_DIR when set; "
      "private keys only in the keyring.\n\n"
      "Example:\n"
      "  rosette-cli issuer create --name \"Example Corp\" --url https://example.org"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issuer create", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("issuer create", rest);

  if (name == NULL || url == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“issuer create” needs --name and --url: "
                                "rosette-cli issuer create --name NAME --url URL"));

  g_strstrip (name);
  if (!rosette_issuer_check_field ("name", name, &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  if (did_web != NULL)
    identifier = g_strconcat ("did:web:", did_web, NULL);

  values[0].value = url;
  values[1].value = email;
  values[2].value = description;
  values[3].value = image;
  values[4].value = identifier;

  issuer = rosette_issuer_new (name);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (values[i].value != NULL &&
          !rosette_issuer_set_field (issuer, values[i].field, values[i].value, &error))
        return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);
    }

  store = _rosette_cli_issuer_store_new ();
  if (!rosette_issuer_create_sync (issuer, store, NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  print_issuer (cli, issuer);

  return ROSETTE_CLI_EXIT_OK;
}

static int
issuer_show (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("issuer show", NULL,
                                             _("Print the current issuer: its fields, the "
                                               "identifier badges carry, and its keys."),
                                             _("With --json before the command, prints one "
                                               "JSON object."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issuer show", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("issuer show", rest);

  store = _rosette_cli_issuer_store_new ();
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;

  print_issuer (cli, issuer);

  return ROSETTE_CLI_EXIT_OK;
}

static int
issuer_list (RosetteCli  *cli,
             int          argc,
             char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(GPtrArray) issuers = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("issuer list", NULL,
                                             _("List the issuer profiles; “*” marks the "
                                               "current one."),
                                             _("With --json before the command, prints a "
                                               "JSON array."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issuer list", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest != NULL && rest[0] != NULL)
    return _rosette_cli_fail_unexpected ("issuer list", rest);

  store = _rosette_cli_issuer_store_new ();
  issuers = rosette_issuer_store_list (store, NULL, &error);
  if (issuers == NULL)
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  /* With a single issuer, that one is current even without the pointer. */
  current = rosette_issuer_store_dup_current_id (store);
  if (current == NULL && issuers->len == 1)
    current = g_strdup (rosette_issuer_get_id (g_ptr_array_index (issuers, 0)));

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < issuers->len; i++)
    {
      RosetteIssuer *issuer = g_ptr_array_index (issuers, i);
      gboolean is_current = g_strcmp0 (current, rosette_issuer_get_id (issuer)) == 0;
      g_autofree char *identifier = NULL;

      if (builder != NULL)
        {
          build_issuer_json (builder, issuer, is_current);
          continue;
        }
      if (cli->quiet)
        continue;

      identifier = rosette_issuer_dup_identifier (issuer);
      g_print ("%s %s  %s  %s\n", is_current ? "*" : " ", rosette_issuer_get_id (issuer),
               rosette_issuer_get_name (issuer), or_none (identifier));
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      _rosette_cli_print_json (builder);
    }

  return ROSETTE_CLI_EXIT_OK;
}

static int
issuer_set (RosetteCli  *cli,
            int          argc,
            char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *description = NULL;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  fields = g_strjoinv (", ", (char **) rosette_issuer_list_fields ());
  description = g_strdup_printf (_("KEY is one of: %s. An empty VALUE clears an optional "
                                   "field. The identifier is “did:key”, "
                                   "“did:web:DOMAIN” or an https address.\n\n"
                                   "Example:\n"
                                   "  rosette-cli issuer set identifier did:web:example.org"),
                                 fields);
  context = _rosette_cli_option_context_new ("issuer set", _("KEY VALUE"),
                                             _("Change one field of the current issuer."),
                                             description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issuer set", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“issuer set” needs a field and a value: "
                                "rosette-cli issuer set KEY VALUE"));
  if (rest[2] != NULL)
    return _rosette_cli_fail_unexpected ("issuer set", rest + 2);

  if (!rosette_issuer_check_field (rest[0], rest[1], &error))
    return _rosette_cli_fail_gerror (ROSETTE_CLI_EXIT_USAGE, NULL, error);

  store = _rosette_cli_issuer_store_new ();
  issuer = _rosette_cli_load_current_issuer (store, &status);
  if (issuer == NULL)
    return status;

  if (!rosette_issuer_set_field (issuer, rest[0], rest[1][0] != '\0' ? rest[1] : NULL, &error) ||
      !rosette_issuer_store_save (store, issuer, NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  if (!cli->quiet)
    {
      /* Translators: "name: Example Corp", after a change. */
      g_print (_("%s: %s\n"), rest[0], or_none (rosette_issuer_get_field (issuer, rest[0])));
    }

  return ROSETTE_CLI_EXIT_OK;
}

static int
issuer_use (RosetteCli  *cli,
            int          argc,
            char       **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RosetteIssuerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = _rosette_cli_option_context_new ("issuer use", _("ID"),
                                             _("Choose the issuer that signs new badges."),
                                             _("ID is an id from “rosette-cli issuer list”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_rosette_cli_parse (context, "issuer use", &argc, &argv))
    return ROSETTE_CLI_EXIT_USAGE;

  if (rest == NULL || rest[0] == NULL)
    return _rosette_cli_fail (ROSETTE_CLI_EXIT_USAGE,
                              _("“issuer use” needs an issuer id: rosette-cli issuer use ID"));
  if (rest[1] != NULL)
    return _rosette_cli_fail_unexpected ("issuer use", rest + 1);

  store = _rosette_cli_issuer_store_new ();
  if (!rosette_issuer_store_set_current_id (store, rest[0], NULL, &error))
    return _rosette_cli_fail_gerror (_rosette_cli_exit_for_error (error), NULL, error);

  return ROSETTE_CLI_EXIT_OK;
}

int
_rosette_cli_issuer (RosetteCli  *cli,
                     int          argc,
                     char       **argv)
{
  return _rosette_cli_run_group (cli, "issuer",
                                 _("Manage the issuer profile that signs badges."),
                                 issuer_commands, argc, argv);
}
