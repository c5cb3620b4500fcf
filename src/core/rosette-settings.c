/* rosette-settings.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The one object over GSettings (io.github.rosette.Rosette) for the
 * delivery preferences: the UI binds to its properties, the CLI reads and
 * writes them by their dotted names ("smtp.url"), and g_settings_bind is
 * called nowhere else. Every property is a string except the rate (a
 * number) and publish-credentials (a boolean).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-error.h"
#include "rosette-settings.h"

struct _RosetteSettings
{
  GObject    parent_instance;
  GSettings *settings;
  char      *strings[11];
  guint      rate;
  gboolean   credentials;
};

G_DEFINE_FINAL_TYPE (RosetteSettings, rosette_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SMTP_URL,
  PROP_SMTP_SECURITY,
  PROP_SMTP_USER,
  PROP_SMTP_FROM,
  PROP_SMTP_CA_FILE,
  PROP_PUBLISH_URL,
  PROP_PUBLISH_USER,
  PROP_PUBLISH_DIR,
  PROP_EMAIL_SUBJECT,
  PROP_EMAIL_BODY,
  PROP_SMTP_RATE_PER_MINUTE,
  PROP_PUBLISH_CREDENTIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property, GSettings key and CLI name, in the order of the enum. */
static const struct {
  const char *property;
  const char *cli_name;
} names[N_PROPS] = {
  { NULL, NULL },
  { "smtp-url", "smtp.url" },
  { "smtp-security", "smtp.security" },
  { "smtp-user", "smtp.user" },
  { "smtp-from", "smtp.from" },
  { "smtp-ca-file", "smtp.ca-file" },
  { "publish-url", "publish.url" },
  { "publish-user", "publish.user" },
  { "publish-dir", "publish.dir" },
  { "email-subject", "email.subject" },
  { "email-body", "email.body" },
  { "smtp-rate-per-minute", "smtp.rate-per-minute" },
  { "publish-credentials", "publish.credentials" },
};

static void
rosette_settings_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RosetteSettings *self = ROSETTE_SETTINGS (object);

  if (prop_id == PROP_SMTP_RATE_PER_MINUTE)
    g_value_set_uint (value, self->rate);
  else if (prop_id == PROP_PUBLISH_CREDENTIALS)
    g_value_set_boolean (value, self->credentials);
  else if (prop_id > PROP_0 && prop_id < PROP_SMTP_RATE_PER_MINUTE)
    g_value_set_string (value, self->strings[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rosette_settings_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RosetteSettings *self = ROSETTE_SETTINGS (object);

  if (prop_id == PROP_SMTP_RATE_PER_MINUTE)
    {
      if (self->rate == g_value_get_uint (value))
        return;
      self->rate = g_value_get_uint (value);
    }
  else if (prop_id == PROP_PUBLISH_CREDENTIALS)
    {
      if (self->credentials == g_value_get_boolean (value))
        return;
      self->credentials = g_value_get_boolean (value);
    }
  else if (prop_id > PROP_0 && prop_id < PROP_SMTP_RATE_PER_MINUTE)
    {
      const char *text = g_value_get_string (value);

      if (g_strcmp0 (self->strings[prop_id], text) == 0)
        return;
      g_free (self->strings[prop_id]);
      self->strings[prop_id] = g_strdup (text != NULL ? text : "");
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
rosette_settings_finalize (GObject *object)
{
  RosetteSettings *self = ROSETTE_SETTINGS (object);

  g_clear_object (&self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (rosette_settings_parent_class)->finalize (object);
}

static void
rosette_settings_class_init (RosetteSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rosette_settings_get_property;
  object_class->set_property = rosette_settings_set_property;
  object_class->finalize = rosette_settings_finalize;

  for (guint i = PROP_SMTP_URL; i < PROP_SMTP_RATE_PER_MINUTE; i++)
    properties[i] = g_param_spec_string (names[i].property, NULL, NULL, "",
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);
  properties[PROP_SMTP_RATE_PER_MINUTE] =
    g_param_spec_uint (names[PROP_SMTP_RATE_PER_MINUTE].property, NULL, NULL, 0, 10000, 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISH_CREDENTIALS] =
    g_param_spec_boolean (names[PROP_PUBLISH_CREDENTIALS].property, NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_settings_init (RosetteSettings *self)
{
  self->settings = g_settings_new ("io.github.rosette.Rosette");
  for (guint i = PROP_SMTP_URL; i < N_PROPS; i++)
    g_settings_bind (self->settings, names[i].property, self, names[i].property,
                     G_SETTINGS_BIND_DEFAULT);
}

/**
 * rosette_settings_new:
 *
 * Returns: (transfer full): the settings, bound both ways to GSettings
 */
RosetteSettings *
rosette_settings_new (void)
{
  return g_object_new (ROSETTE_TYPE_SETTINGS, NULL);
}

/**
 * rosette_settings_list_names:
 *
 * Returns: (transfer none): the dotted names ("smtp.url", …) that
 *   rosette_settings_dup_value() and rosette_settings_set_value() accept
 */
const char * const *
rosette_settings_list_names (void)
{
  static const char *list[N_PROPS];

  if (list[0] == NULL)
    for (guint i = PROP_SMTP_URL; i < N_PROPS; i++)
      list[i - 1] = names[i].cli_name;
  return list;
}

static guint
find_name (const char  *name,
           GError     **error)
{
  for (guint i = PROP_SMTP_URL; i < N_PROPS; i++)
    if (g_strcmp0 (name, names[i].cli_name) == 0)
      return i;
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("There is no setting “%s”"), name);
  return 0;
}

/**
 * rosette_settings_dup_value:
 * @name: a dotted name such as "smtp.url"
 *
 * Returns: (transfer full): the value as text, or %NULL with an error
 */
char *
rosette_settings_dup_value (RosetteSettings  *self,
                            const char       *name,
                            GError          **error)
{
  guint prop = find_name (name, error);

  g_return_val_if_fail (ROSETTE_IS_SETTINGS (self), NULL);

  if (prop == 0)
    return NULL;
  if (prop == PROP_SMTP_RATE_PER_MINUTE)
    return g_strdup_printf ("%u", self->rate);
  if (prop == PROP_PUBLISH_CREDENTIALS)
    return g_strdup (self->credentials ? "true" : "false");
  return g_strdup (self->strings[prop]);
}

static gboolean
check_value (guint        prop,
             const char  *value,
             GError     **error)
{
  if (prop == PROP_SMTP_SECURITY && !g_str_equal (value, "starttls") &&
      !g_str_equal (value, "tls") && !g_str_equal (value, "none"))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not a security mode: use starttls, tls or none"), value);
      return FALSE;
    }
  if (prop == PROP_SMTP_URL && *value != '\0' && !g_str_has_prefix (value, "smtp://") &&
      !g_str_has_prefix (value, "smtps://"))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not an smtp:// or smtps:// address"), value);
      return FALSE;
    }
  if (prop == PROP_PUBLISH_URL && *value != '\0' && !g_str_has_prefix (value, "https://") &&
      !g_str_has_prefix (value, "http://"))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not an https:// address"), value);
      return FALSE;
    }
  return TRUE;
}

/**
 * rosette_settings_set_value:
 * @name: a dotted name such as "smtp.url"
 * @value: the new value as text
 *
 * Returns: %TRUE when the value is valid and stored
 */
gboolean
rosette_settings_set_value (RosetteSettings  *self,
                            const char       *name,
                            const char       *value,
                            GError          **error)
{
  guint prop = find_name (name, error);

  g_return_val_if_fail (ROSETTE_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (prop == 0 || !check_value (prop, value, error))
    return FALSE;
  if (prop == PROP_SMTP_RATE_PER_MINUTE)
    {
      guint64 rate;

      if (!g_ascii_string_to_unsigned (value, 10, 0, 10000, &rate, NULL))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                       _("The rate must be a number from 0 to 10000"));
          return FALSE;
        }
      g_object_set (self, names[prop].property, (guint)rate, NULL);
    }
  else if (prop == PROP_PUBLISH_CREDENTIALS)
    {
      if (!g_str_equal (value, "true") && !g_str_equal (value, "false"))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("“%s” is not true or false"), value);
          return FALSE;
        }
      g_object_set (self, names[prop].property, g_str_equal (value, "true"), NULL);
    }
  else
    g_object_set (self, names[prop].property, value, NULL);
  g_settings_sync ();
  return TRUE;
}

#define STRING_GETTER(fn, prop) \
  const char * \
  rosette_settings_get_##fn (RosetteSettings *self) \
  { \
    g_return_val_if_fail (ROSETTE_IS_SETTINGS (self), NULL); \
    return self->strings[prop]; \
  }

STRING_GETTER (smtp_url, PROP_SMTP_URL)
STRING_GETTER (smtp_security, PROP_SMTP_SECURITY)
STRING_GETTER (smtp_user, PROP_SMTP_USER)
STRING_GETTER (smtp_from, PROP_SMTP_FROM)
STRING_GETTER (smtp_ca_file, PROP_SMTP_CA_FILE)
STRING_GETTER (publish_url, PROP_PUBLISH_URL)
STRING_GETTER (publish_user, PROP_PUBLISH_USER)
STRING_GETTER (publish_dir, PROP_PUBLISH_DIR)
STRING_GETTER (email_subject, PROP_EMAIL_SUBJECT)
STRING_GETTER (email_body, PROP_EMAIL_BODY)

guint
rosette_settings_get_smtp_rate (RosetteSettings *self)
{
  g_return_val_if_fail (ROSETTE_IS_SETTINGS (self), 0);
  return self->rate;
}

gboolean
rosette_settings_get_publish_credentials (RosetteSettings *self)
{
  g_return_val_if_fail (ROSETTE_IS_SETTINGS (self), FALSE);
  return self->credentials;
}
