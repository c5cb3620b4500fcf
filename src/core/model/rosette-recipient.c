/* rosette-recipient.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The person a credential is issued to. Only the e-mail address identifies
 * them in the credential, and only as a salted hash (see
 * credential/rosette-credential.c); the name is written in clear only when
 * the user opts in, because a baked badge is shared publicly.
 *
 * Open Badges gives no case rule for hashed e-mail addresses: validators
 * hash the value they are given as is. Rosette always trims and lower-cases
 * the address before hashing, and the verifier does the same before
 * comparing, so "Ana@Example.com " and "ana@example.com" match.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-utils.h"
#include "rosette-recipient.h"

struct _RosetteRecipient
{
  GObject   parent_instance;

  char     *email;
  char     *name;
  gboolean  include_name;
};

G_DEFINE_FINAL_TYPE (RosetteRecipient, rosette_recipient, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EMAIL,
  PROP_NAME,
  PROP_INCLUDE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rosette_recipient_finalize (GObject *object)
{
  RosetteRecipient *self = (RosetteRecipient *)object;

  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (rosette_recipient_parent_class)->finalize (object);
}

static void
rosette_recipient_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RosetteRecipient *self = ROSETTE_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_INCLUDE_NAME:
      g_value_set_boolean (value, self->include_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_recipient_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RosetteRecipient *self = ROSETTE_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_EMAIL:
      rosette_recipient_set_email (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      rosette_recipient_set_name (self, g_value_get_string (value));
      break;

    case PROP_INCLUDE_NAME:
      rosette_recipient_set_include_name (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_recipient_class_init (RosetteRecipientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_recipient_finalize;
  object_class->get_property = rosette_recipient_get_property;
  object_class->set_property = rosette_recipient_set_property;

  /**
   * RosetteRecipient:email:
   *
   * The address as the user typed it; see
   * rosette_recipient_dup_normalized_email() for what is hashed.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteRecipient:name:
   *
   * The recipient's name, for the registry and the preview.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RosetteRecipient:include-name:
   *
   * Whether the name is written, in clear, into the credential.
   */
  properties[PROP_INCLUDE_NAME] =
    g_param_spec_boolean ("include-name", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_recipient_init (RosetteRecipient *self)
{
}

/**
 * rosette_recipient_new:
 * @email: (nullable): the recipient's e-mail address
 *
 * Returns: (transfer full): a new recipient; the name is not included
 *   in credentials until rosette_recipient_set_include_name()
 */
RosetteRecipient *
rosette_recipient_new (const char *email)
{
  return g_object_new (ROSETTE_TYPE_RECIPIENT, "email", email, NULL);
}

const char *
rosette_recipient_get_email (RosetteRecipient *self)
{
  g_return_val_if_fail (ROSETTE_IS_RECIPIENT (self), NULL);

  return self->email;
}

void
rosette_recipient_set_email (RosetteRecipient *self,
                             const char       *email)
{
  g_return_if_fail (ROSETTE_IS_RECIPIENT (self));

  if (rosette_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
rosette_recipient_get_name (RosetteRecipient *self)
{
  g_return_val_if_fail (ROSETTE_IS_RECIPIENT (self), NULL);

  return self->name;
}

void
rosette_recipient_set_name (RosetteRecipient *self,
                            const char       *name)
{
  g_return_if_fail (ROSETTE_IS_RECIPIENT (self));

  if (rosette_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
rosette_recipient_get_include_name (RosetteRecipient *self)
{
  g_return_val_if_fail (ROSETTE_IS_RECIPIENT (self), FALSE);

  return self->include_name;
}

void
rosette_recipient_set_include_name (RosetteRecipient *self,
                                    gboolean          include_name)
{
  g_return_if_fail (ROSETTE_IS_RECIPIENT (self));

  include_name = !!include_name;
  if (self->include_name == include_name)
    return;

  self->include_name = include_name;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_NAME]);
}

/**
 * rosette_email_normalize:
 * @email: an e-mail address
 *
 * Returns: (transfer full): @email without surrounding white space and in
 *   lower case (ASCII and Unicode), the form Rosette hashes
 */
char *
rosette_email_normalize (const char *email)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (email != NULL, NULL);

  trimmed = g_strstrip (g_strdup (email));
  if (!g_utf8_validate (trimmed, -1, NULL))
    return g_ascii_strdown (trimmed, -1);

  return g_utf8_strdown (trimmed, -1);
}

/**
 * rosette_email_check:
 * @email: (nullable): an e-mail address as typed
 * @error: return location for a #GError
 *
 * A deliberately simple check that catches typing mistakes (no "@",
 * spaces, nothing after the "@"); the address is never contacted here.
 *
 * Returns: %TRUE if @email looks like an address, else
 *   %ROSETTE_ERROR_INVALID with a message for the form
 */
gboolean
rosette_email_check (const char  *email,
                     GError     **error)
{
  g_autofree char *normal = NULL;
  const char *at;

  if (email == NULL || *email == '\0')
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Enter the recipient’s e-mail address"));
      return FALSE;
    }

  normal = rosette_email_normalize (email);
  at = strrchr (normal, '@');

  if (!g_utf8_validate (normal, -1, NULL) || strlen (normal) > ROSETTE_RECIPIENT_MAX_EMAIL_LENGTH
      || strpbrk (normal, " \t\r\n<>,;\"") != NULL
      || at == NULL || at == normal || at[1] == '\0' || strchr (normal, '@') != at
      || at[1] == '.' || g_str_has_suffix (normal, "."))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” is not an e-mail address (expected name@example.com)"), email);
      return FALSE;
    }

  return TRUE;
}

/**
 * rosette_recipient_dup_normalized_email:
 *
 * Returns: (transfer full) (nullable): the trimmed, lower-cased address
 */
char *
rosette_recipient_dup_normalized_email (RosetteRecipient *self)
{
  g_return_val_if_fail (ROSETTE_IS_RECIPIENT (self), NULL);

  return self->email != NULL ? rosette_email_normalize (self->email) : NULL;
}

/**
 * rosette_recipient_validate:
 *
 * Returns: %TRUE if the address is usable and the name (when it is to be
 *   included) is present and not too long; else %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_recipient_validate (RosetteRecipient  *self,
                            GError           **error)
{
  g_return_val_if_fail (ROSETTE_IS_RECIPIENT (self), FALSE);

  if (!rosette_email_check (self->email, error))
    return FALSE;

  if (self->include_name)
    {
      g_autofree char *name = g_strstrip (g_strdup (self->name != NULL ? self->name : ""));

      if (*name == '\0')
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("Enter the recipient’s name, or choose not to show it on the badge"));
          return FALSE;
        }
      if (!g_utf8_validate (name, -1, NULL)
          || g_utf8_strlen (name, -1) > ROSETTE_RECIPIENT_MAX_NAME_LENGTH)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The recipient’s name is longer than %d characters"),
                       ROSETTE_RECIPIENT_MAX_NAME_LENGTH);
          return FALSE;
        }
    }

  return TRUE;
}
