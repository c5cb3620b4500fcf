/* rosette-test-keyring.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Private D-Bus session buses, with or without a real gnome-keyring-daemon
 * on them, for the keyring tests. Each bus uses its own configuration with
 * no service directories, so nothing is ever auto-started on it: a bus
 * "without keyring" really has no Secret Service. Every child gets
 * PR_SET_PDEATHSIG so nothing outlives a crashed test.
 *
 * Header-only (static functions) so each test program can include it.
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

typedef struct
{
  char        *dir;
  char        *address;
  GSubprocess *bus;
  GSubprocess *keyring;
} TestSession;

G_GNUC_UNUSED static void
test_session_child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

G_GNUC_UNUSED static gboolean
test_session_name_has_owner (const char *address,
                             const char *name)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
  if (connection == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  g_dbus_connection_close_sync (connection, NULL, NULL);
  return has_owner;
}

G_GNUC_UNUSED static void
test_session_free (TestSession *session)
{
  if (session == NULL)
    return;

  if (session->keyring != NULL)
    {
      g_subprocess_send_signal (session->keyring, SIGTERM);
      g_subprocess_wait (session->keyring, NULL, NULL);
    }
  if (session->bus != NULL)
    {
      g_subprocess_send_signal (session->bus, SIGTERM);
      g_subprocess_wait (session->bus, NULL, NULL);
    }

  g_clear_object (&session->keyring);
  g_clear_object (&session->bus);
  g_free (session->dir);
  g_free (session->address);
  g_free (session);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSession, test_session_free)

/* Starts a bus in @dir (created), and on it gnome-keyring-daemon with an
 * unlocked login collection when @with_keyring. NULL with @error when a
 * program is missing or does not come up within 10 s. */
G_GNUC_UNUSED static TestSession *
test_session_start (const char  *dir,
                    gboolean     with_keyring,
                    GError     **error)
{
  g_autoptr(TestSession) session = g_new0 (TestSession, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *socket_path = NULL;
  g_autofree char *run_dir = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *config_arg = NULL;

  /* A relative folder would put sockets and keyrings in the cwd. */
  g_assert_true (dir != NULL && g_path_is_absolute (dir));

  if (g_find_program_in_path ("dbus-daemon") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "dbus-daemon is not installed");
      return NULL;
    }
  if (with_keyring && g_find_program_in_path ("gnome-keyring-daemon") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "gnome-keyring-daemon is not installed");
      return NULL;
    }

  session->dir = g_strdup (dir);
  run_dir = g_build_filename (dir, "run", NULL);
  data_dir = g_build_filename (dir, "data", NULL);
  g_mkdir_with_parents (run_dir, 0700);
  g_mkdir_with_parents (data_dir, 0700);

  socket_path = g_build_filename (dir, "bus", NULL);
  session->address = g_strconcat ("unix:path=", socket_path, NULL);
  config = g_strdup_printf ("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                            "<busconfig>\n"
                            "  <type>session</type>\n"
                            "  <listen>%s</listen>\n"
                            "  <auth>EXTERNAL</auth>\n"
                            "  <policy context=\"default\">\n"
                            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                            "    <allow eavesdrop=\"true\"/>\n"
                            "    <allow own=\"*\"/>\n"
                            "  </policy>\n"
                            "</busconfig>\n", session->address);
  config_path = g_build_filename (dir, "bus.conf", NULL);
  if (!g_file_set_contents (config_path, config, -1, error))
    return NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, test_session_child_setup, NULL, NULL);
  config_arg = g_strconcat ("--config-file=", config_path, NULL);
  session->bus = g_subprocess_launcher_spawn (launcher, error, "dbus-daemon", config_arg,
                                              "--nofork", "--nopidfile", NULL);
  if (session->bus == NULL)
    return NULL;

  for (guint i = 0; !g_file_test (socket_path, G_FILE_TEST_EXISTS); i++)
    {
      if (i == 200)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "dbus-daemon did not start");
          return NULL;
        }
      g_usleep (50 * 1000);
    }

  if (with_keyring)
    {
      g_autoptr(GSubprocessLauncher) keyring_launcher = NULL;
      GOutputStream *input;

      keyring_launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                    G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                    G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_subprocess_launcher_set_child_setup (keyring_launcher, test_session_child_setup, NULL, NULL);
      g_subprocess_launcher_setenv (keyring_launcher, "DBUS_SESSION_BUS_ADDRESS", session->address, TRUE);
      g_subprocess_launcher_setenv (keyring_launcher, "XDG_RUNTIME_DIR", run_dir, TRUE);
      g_subprocess_launcher_setenv (keyring_launcher, "XDG_DATA_HOME", data_dir, TRUE);
      g_subprocess_launcher_unsetenv (keyring_launcher, "DISPLAY");
      session->keyring = g_subprocess_launcher_spawn (keyring_launcher, error,
                                                      "gnome-keyring-daemon", "--foreground",
                                                      "--unlock", "--components=secrets", NULL);
      if (session->keyring == NULL)
        return NULL;

      input = g_subprocess_get_stdin_pipe (session->keyring);
      g_output_stream_write_all (input, "PASS", 4, NULL, NULL, NULL);
      g_output_stream_close (input, NULL, NULL);

      for (guint i = 0; !test_session_name_has_owner (session->address, "org.freedesktop.secrets"); i++)
        {
          if (i == 200)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           "gnome-keyring-daemon did not come up on its bus");
              return NULL;
            }
          g_usleep (50 * 1000);
        }
    }

  return g_steal_pointer (&session);
}

/* Removes a test folder and everything in it. */
G_GNUC_UNUSED static void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}
