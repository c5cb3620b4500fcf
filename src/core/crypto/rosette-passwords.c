/* rosette-passwords.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The SMTP and publishing passwords, in the keyring under the schema
 * io.github.rosette.Password with one attribute "key" (smtp.password,
 * publish.password). Never in GSettings or a file.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "rosette-error.h"
#include "rosette-keyring.h"
#include "rosette-passwords.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rosette.Password", SECRET_SCHEMA_NONE,
    {
      { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static gboolean
check_key (const char  *key,
           GError     **error)
{
  if (g_strcmp0 (key, ROSETTE_PASSWORD_SMTP) == 0 || g_strcmp0 (key, ROSETTE_PASSWORD_PUBLISH) == 0)
    return TRUE;
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
               _("There is no secret “%s”: use smtp.password or publish.password"), key);
  return FALSE;
}

/**
 * rosette_password_store_sync:
 * @key: %ROSETTE_PASSWORD_SMTP or %ROSETTE_PASSWORD_PUBLISH
 * @password: the password (or bearer token); "" removes it
 *
 * Returns: %TRUE when the keyring holds it
 */
gboolean
rosette_password_store_sync (const char    *key,
                             const char    *password,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (password != NULL, FALSE);

  if (!check_key (key, error))
    return FALSE;

  if (*password == '\0')
    {
      secret_password_clear_sync (password_schema (), cancellable, &local_error,
                                  "key", key, NULL);
      ok = local_error == NULL;
    }
  else
    {
      /* Translators: the label of a password in Passwords and Keys. */
      label = g_strdup_printf (_("Rosette %s"), key);
      ok = secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label,
                                       password, cancellable, &local_error, "key", key, NULL);
    }
  if (!ok)
    _rosette_keyring_propagate_error (error, local_error);
  return ok;
}

/**
 * rosette_password_lookup_sync:
 * @key: %ROSETTE_PASSWORD_SMTP or %ROSETTE_PASSWORD_PUBLISH
 *
 * Returns: (transfer full) (nullable): the password; %NULL without an
 *   error when none is stored
 */
char *
rosette_password_lookup_sync (const char    *key,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  if (!check_key (key, error))
    return NULL;

  password = secret_password_lookup_sync (password_schema (), cancellable, &local_error,
                                          "key", key, NULL);
  if (local_error != NULL)
    _rosette_keyring_propagate_error (error, local_error);
  return password;
}
