/* rosette-verify-fetch.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Network look-ups for the verifier (did:web documents, https keys,
 * status lists, hosted assertions): a badge names these URLs, so each
 * one is treated as hostile. Only https is fetched; redirects are
 * followed by hand (at most three) and only to https; a connection that
 * lands on a loopback, private or link-local address is dropped before
 * anything is sent (a badge must not probe the user's network); replies
 * are bounded in time and size. Answers are kept for a few minutes in
 * $XDG_CACHE_HOME/rosette/verify, which never holds more than a fixed
 * number of small files. The tests' loopback server is reached only
 * when the verifier is told so (allow_loopback), never from the CLI.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-verify-private.h"

#define MAX_REDIRECTS 3
#define CACHE_MAX_AGE_SECONDS (10 * 60)
#define CACHE_MAX_ENTRIES 128

struct _RosetteVerifyFetcher
{
  SoupSession *session;
  gboolean     allow_loopback;
  char        *cache_dir;
};

RosetteVerifyFetcher *
_rosette_verify_fetcher_new (gboolean    allow_loopback,
                             const char *cache_dir)
{
  RosetteVerifyFetcher *self = g_new0 (RosetteVerifyFetcher, 1);

  self->session = soup_session_new_with_options ("timeout", ROSETTE_VERIFY_FETCH_TIMEOUT,
                                                 "idle-timeout", ROSETTE_VERIFY_FETCH_TIMEOUT,
                                                 "user-agent", "Rosette/" PACKAGE_VERSION,
                                                 NULL);
  self->allow_loopback = allow_loopback;
  self->cache_dir = g_strdup (cache_dir);
  return self;
}

void
_rosette_verify_fetcher_free (RosetteVerifyFetcher *self)
{
  g_clear_object (&self->session);
  g_clear_pointer (&self->cache_dir, g_free);
  g_free (self);
}

static gboolean
address_is_private (GInetAddress *address)
{
  const guint8 *bytes = g_inet_address_to_bytes (address);

  if (g_inet_address_get_is_loopback (address) || g_inet_address_get_is_site_local (address) ||
      g_inet_address_get_is_link_local (address) || g_inet_address_get_is_any (address) ||
      g_inet_address_get_is_multicast (address))
    return TRUE;
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    return (bytes[0] & 0xfe) == 0xfc;  /* fc00::/7, unique local */
  return bytes[0] == 0 || (bytes[0] == 100 && (bytes[1] & 0xc0) == 64);  /* 0/8, 100.64/10 */
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

  return g_strcmp0 (host, "localhost") == 0 ||
         (address != NULL && g_inet_address_get_is_loopback (address));
}

/**
 * _rosette_verify_url_allowed:
 *
 * Returns: %TRUE for an https URL whose host is not a private address
 *   literal (or, with @allow_loopback, an http URL on the loopback)
 */
gboolean
_rosette_verify_url_allowed (const char *url,
                             gboolean    allow_loopback)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) literal = NULL;
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  host = g_uri_get_host (uri);
  if (allow_loopback && host_is_loopback (host))
    return g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 ||
           g_strcmp0 (g_uri_get_scheme (uri), "https") == 0;
  if (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 || g_uri_get_userinfo (uri) != NULL)
    return FALSE;
  literal = g_inet_address_new_from_string (host);
  if (literal != NULL && address_is_private (literal))
    return FALSE;
  return g_strcmp0 (host, "localhost") != 0;
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      allow_loopback;
  gboolean      refused;
} ConnectGuard;

static void
message_network_event_cb (SoupMessage        *message,
                          GSocketClientEvent  event,
                          GIOStream          *connection,
                          gpointer            user_data)
{
  ConnectGuard *guard = user_data;
  g_autoptr(GSocketAddress) remote = NULL;

  if (event != G_SOCKET_CLIENT_CONNECTED || !G_IS_SOCKET_CONNECTION (connection))
    return;
  remote = g_socket_connection_get_remote_address (G_SOCKET_CONNECTION (connection), NULL);
  if (remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote))
    return;
  if (address_is_private (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote))) &&
      !(guard->allow_loopback &&
        g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)))))
    {
      guard->refused = TRUE;
      g_cancellable_cancel (guard->cancellable);
    }
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static char *
cache_path (RosetteVerifyFetcher *self,
            const char           *url,
            const char           *accept)
{
  g_autofree char *key = g_strconcat (accept != NULL ? accept : "", "\n", url, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_build_filename (self->cache_dir, hash, NULL);
}

static GBytes *
cache_lookup (RosetteVerifyFetcher *self,
              const char           *path)
{
  GStatBuf st;
  char *contents = NULL;
  gsize length = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (g_stat (path, &st) != 0 || st.st_size > ROSETTE_VERIFY_MAX_FETCH_SIZE ||
      st.st_mtime > now || now - st.st_mtime > CACHE_MAX_AGE_SECONDS)
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* Keeps the cache small: drops expired entries, and the whole folder's
 * contents when it still holds too many. */
static void
cache_prune (RosetteVerifyFetcher *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->cache_dir, 0, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->cache_dir, name, NULL);
      GStatBuf st;

      if (strlen (name) != 64 || g_stat (path, &st) != 0)
        continue;
      if (now - st.st_mtime > CACHE_MAX_AGE_SECONDS || st.st_mtime > now)
        g_unlink (path);
      else
        g_ptr_array_add (kept, g_steal_pointer (&path));
    }
  if (kept->len >= CACHE_MAX_ENTRIES)
    for (guint i = 0; i < kept->len; i++)
      g_unlink (g_ptr_array_index (kept, i));
}

static void
cache_store (RosetteVerifyFetcher *self,
             const char           *path,
             GBytes               *body)
{
  g_autofree char *tmp = NULL;

  if (g_mkdir_with_parents (self->cache_dir, 0700) != 0)
    return;
  cache_prune (self);
  tmp = g_strconcat (path, ".tmp", NULL);
  if (g_file_set_contents_full (tmp, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_rename (tmp, path);
}

static GBytes *
read_bounded (GInputStream  *stream,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buffer[8192];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (gsize) n > ROSETTE_VERIFY_MAX_FETCH_SIZE)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                       _("The answer is larger than %d KB"), ROSETTE_VERIFY_MAX_FETCH_SIZE / 1024);
          return NULL;
        }
      g_byte_array_append (body, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* One GET without following redirects; *location gets a redirect target. */
static GBytes *
fetch_once (RosetteVerifyFetcher  *self,
            const char            *url,
            const char            *accept,
            guint                 *status,
            char                 **location,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GCancellable) guard_cancellable = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  ConnectGuard guard = { guard_cancellable, self->allow_loopback, FALSE };
  gulong forward = 0;
  GBytes *body;

  if (message == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID, _("“%s” is not a valid address"), url);
      return NULL;
    }
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (accept != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", accept);
  g_signal_connect (message, "network-event", G_CALLBACK (message_network_event_cb), &guard);
  if (cancellable != NULL)
    forward = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb),
                                     g_object_ref (guard_cancellable), g_object_unref);

  stream = soup_session_send (self->session, message, guard_cancellable, &local_error);
  body = stream != NULL ? read_bounded (stream, guard_cancellable, &local_error) : NULL;
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, forward);

  if (guard.refused)
    {
      g_clear_pointer (&body, g_bytes_unref);
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_ACCESS_DENIED,
                   _("%s leads to a private network address; Rosette does not fetch it"), url);
      return NULL;
    }
  if (body == NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO, _("Could not fetch %s: %s"), url,
                     local_error->message);
      return NULL;
    }

  *status = soup_message_get_status (message);
  if (SOUP_STATUS_IS_REDIRECTION (*status))
    {
      const char *target = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                         "Location");
      g_autoptr(GUri) resolved = target != NULL
        ? g_uri_parse_relative (soup_message_get_uri (message), target, G_URI_FLAGS_NONE, NULL)
        : NULL;

      *location = resolved != NULL ? g_uri_to_string (resolved) : NULL;
    }
  return body;
}

/**
 * _rosette_verify_fetch:
 * @url: an https URL named by a badge
 * @accept: (nullable): the Accept header
 * @status: (out): the HTTP status of the final answer
 *
 * Returns: (transfer full): the body (also for 4xx/5xx answers, whose
 *   @status the caller checks), or %NULL with %ROSETTE_ERROR_ACCESS_DENIED
 *   (an address Rosette does not fetch), %ROSETTE_ERROR_TOO_LARGE or
 *   %ROSETTE_ERROR_IO
 */
GBytes *
_rosette_verify_fetch (RosetteVerifyFetcher  *self,
                       const char            *url,
                       const char            *accept,
                       guint                 *status,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *current = g_strdup (url);
  g_autofree char *path = NULL;

  *status = 0;
  if (self->cache_dir != NULL)
    {
      GBytes *cached;

      path = cache_path (self, url, accept);
      cached = cache_lookup (self, path);
      if (cached != NULL)
        {
          *status = SOUP_STATUS_OK;
          return cached;
        }
    }

  for (guint hops = 0; hops <= MAX_REDIRECTS; hops++)
    {
      g_autoptr(GBytes) body = NULL;
      g_autofree char *location = NULL;

      if (!_rosette_verify_url_allowed (current, self->allow_loopback))
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_ACCESS_DENIED,
                       _("%s is not a public https address; Rosette does not fetch it"), current);
          return NULL;
        }
      body = fetch_once (self, current, accept, status, &location, cancellable, error);
      if (body == NULL)
        return NULL;
      if (!SOUP_STATUS_IS_REDIRECTION (*status))
        {
          if (*status == SOUP_STATUS_OK && path != NULL)
            cache_store (self, path, body);
          return g_steal_pointer (&body);
        }
      if (location == NULL)
        break;
      g_free (current);
      current = g_steal_pointer (&location);
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO, _("%s redirects too often"), url);
  return NULL;
}
