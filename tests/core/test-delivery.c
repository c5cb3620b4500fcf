/* test-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "rosette-core.h"

/* Parses a message with Python's email module and prints
 * "<parts>|<subject>|<sha256 of the PNG attachment>". */
static const char parse_py[] =
  "import email, email.policy, hashlib, sys\n"
  "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
  "assert m.get_content_type() == 'multipart/mixed'\n"
  "alt = m.get_payload()[0]\n"
  "assert alt.get_content_type() == 'multipart/alternative'\n"
  "kinds = [p.get_content_type() for p in alt.get_payload()]\n"
  "assert kinds == ['text/plain', 'text/html'], kinds\n"
  "assert 'linkedin.com/profile/add' in alt.get_payload()[0].get_content()\n"
  "png = [p for p in m.iter_attachments() if p.get_content_type() == 'image/png'][0]\n"
  "assert m['Message-ID'] and m['Date'] and m['MIME-Version'] == '1.0'\n"
  "print('%d|%s|%s|%s' % (len(m.get_payload()), m['Subject'], m['To'].addresses[0].display_name,\n"
  "      hashlib.sha256(png.get_content()).hexdigest()))\n";

static GBytes *
make_png (void)
{
  guint8 data[3000];

  /* Every byte value, including CR, LF and '.', to catch any mangling. */
  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8)(i * 7 + (i >> 8));
  return g_bytes_new (data, sizeof data);
}

static void
fill_params (RosetteMailParams *params,
             GBytes            *png,
             GDateTime         *when)
{
  params->from = "Acme Badges <badges@acme.example>";
  params->to = "zoe@acme.example";
  params->to_name = "Zoë Ångström";
  params->subject_template = "Your badge: {badge} – {tier}";
  params->body_template = "Hello {name},\nyou earned {badge} ({tier}) <b>!</b>\n{criteria_url}";
  params->badge = "Safety First";
  params->tier = "Gold";
  params->organization = "Acme";
  params->criteria_url = "https://acme.example/criteria/safety.html";
  params->credential_id = "urn:uuid:1234";
  params->issued_at = when;
  params->png = png;
  params->png_name = "badge.png";
  params->message_id = "rosette.1.abc@acme.example";
}

static char *
parse_with_python (GBytes *message)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("rosette-mail-XXXXXX.eml", &path, &error);
  const char *argv[] = { "/usr/bin/python3", "-c", parse_py, NULL, NULL };
  int status = 0;

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (message, NULL),
                                      g_bytes_get_size (message), NULL));
  argv[3] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strstrip (g_steal_pointer (&out));
}

static void
test_mime (void)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 14, 9, 0, 0);
  g_autoptr(GBytes) message = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  RosetteMailParams params = { 0 };

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }
  fill_params (&params, png, when);
  message = rosette_mail_build (&params);
  parsed = parse_with_python (message);
  expected = g_strdup_printf ("2|Your badge: Safety First – Gold|Zoë Ångström|%s", hash);
  g_assert_cmpstr (parsed, ==, expected);
}

static void
test_linkedin (void)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 14, 9, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2029, 3, 14, 9, 0, 0);
  g_autofree char *url = NULL;
  RosetteMailParams params = { 0 };

  fill_params (&params, png, when);
  params.valid_until = until;
  url = rosette_mail_dup_linkedin_url (&params);
  g_assert_true (g_str_has_prefix (url, "https://www.linkedin.com/profile/add?"
                                   "startTask=CERTIFICATION_NAME&name=Safety%20First%20"));
  g_assert_nonnull (strstr (url, "&organizationName=Acme&issueYear=2026&issueMonth=3"
                            "&expirationYear=2029&expirationMonth=3&certId=urn%3Auuid%3A1234"
                            "&certUrl=https%3A%2F%2Facme.example%2Fcriteria%2Fsafety.html"));
}

static void
test_plain_refused (void)
{
  g_autoptr(GBytes) message = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  RosetteSmtpConfig config = { "smtp://192.0.2.1:25", "none", NULL, NULL, NULL, 2 };

  g_assert_false (rosette_smtp_send_sync (&config, "a@b.example", "c@d.example", message,
                                          NULL, &error));
  g_assert_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE);
}

static guint
count_maildir (const char *maildir)
{
  g_autofree char *path = g_build_filename (maildir, "new", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_smtp_sink (void)
{
  const char *port = g_getenv ("ROSETTE_TEST_SMTP_PORT");
  const char *maildir = g_getenv ("ROSETTE_TEST_MAILDIR");
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  RosetteMailParams params = { 0 };
  RosetteSmtpConfig config = { 0 };
  guint before;

  if (port == NULL || maildir == NULL)
    {
      g_test_skip ("ROSETTE_TEST_SMTP_PORT is not set (run build-aux/test)");
      return;
    }
  /* aiosmtpd's Mailbox only creates the Maildir folders of a new path. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sub = g_build_filename (maildir, (const char *[]) { "tmp", "new", "cur" }[i],
                                               NULL);

      g_mkdir_with_parents (sub, 0700);
    }
  url = g_strdup_printf ("smtp://127.0.0.1:%s", port);
  fill_params (&params, png, NULL);
  message = rosette_mail_build (&params);
  before = count_maildir (maildir);

  /* STARTTLS is required by default: the plain sink is refused. */
  config.url = url;
  config.timeout_seconds = 10;
  g_assert_false (rosette_smtp_send_sync (&config, "badges@acme.example", "zoe@acme.example",
                                          message, NULL, &error));
  g_assert_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_cmpuint (count_maildir (maildir), ==, before);

  config.security = "none";
  g_assert_true (rosette_smtp_send_sync (&config, "badges@acme.example", "zoe@acme.example",
                                         message, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_maildir (maildir), ==, before + 1);
}

static void
test_smtp_down (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GBytes) message = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  RosetteSmtpConfig config = { 0 };

  /* A port that was free a moment ago and is closed now: nobody listens. */
  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("smtp://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);
  config.url = url;
  config.security = "none";
  config.timeout_seconds = 5;
  g_assert_false (rosette_smtp_send_sync (&config, "a@acme.example", "b@acme.example", message,
                                          NULL, &error));
  g_assert_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE);
}

static GHashTable *
make_tree (void)
{
  GHashTable *tree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_bytes_unref);

  g_hash_table_insert (tree, g_strdup (".well-known/did.json"),
                       g_bytes_new_static ("{\"id\":\"did:web:x\"}", 17));
  g_hash_table_insert (tree, g_strdup ("criteria/safety.html"),
                       g_bytes_new_static ("<html>safety</html>", 19));
  g_hash_table_insert (tree, g_strdup ("status/1.json"), make_png ());
  return tree;
}

static void
check_served (GHashTable *tree,
              const char *base)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tree);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *url = g_strconcat (base, key, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, NULL);

      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      g_assert_true (g_bytes_equal (body, value));
    }
}

static void
test_publish_webdav (void)
{
  const char *base = g_getenv ("ROSETTE_TEST_WEBDAV_URL");
  g_autoptr(GHashTable) tree = make_tree ();
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-publish-XXXXXX", NULL);
  g_autofree char *manifest = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;
  RosettePublishTarget target = { 0 };

  if (base == NULL)
    {
      g_test_skip ("ROSETTE_TEST_WEBDAV_URL is not set (run build-aux/test)");
      return;
    }
  name = g_path_get_basename (dir);
  url = g_strdup_printf ("%s%s/", base, name);
  target.url = url;
  target.manifest = manifest;
  target.timeout_seconds = 10;

  sent = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 3);
  check_served (tree, url);
  g_clear_pointer (&sent, g_ptr_array_unref);

  /* Incremental: nothing changed, nothing sent. */
  sent = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 0);
  g_clear_pointer (&sent, g_ptr_array_unref);

  g_hash_table_insert (tree, g_strdup ("criteria/safety.html"),
                       g_bytes_new_static ("<html>safety v2</html>", 22));
  sent = rosette_publish_sync (tree, &target, TRUE, NULL, &error);
  g_assert_cmpuint (sent->len, ==, 1);
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sent, 0), ==, "criteria/safety.html");
  check_served (tree, url);
}

static void
test_publish_dir_and_refusal (void)
{
  g_autoptr(GHashTable) tree = make_tree ();
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-publish-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "status", "1.json", NULL);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  RosettePublishTarget target = { 0 };

  target.dir = dir;
  sent = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 3);
  back = g_file_load_bytes (gfile, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (back, g_hash_table_lookup (tree, "status/1.json")));
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  g_assert_cmpuint (sent->len, ==, 0);

  target.dir = NULL;
  target.url = "http://publish.example/";
  g_assert_null (rosette_publish_sync (tree, &target, FALSE, NULL, &error));
  g_assert_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE);
}

/* ---- fault tests ------------------------------------------------------ */

/* A loopback socket that listens and never accepts: connections complete
 * (in the backlog) but no byte ever comes back. */
static GSocket *
silent_listener (guint *port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, NULL);

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  g_assert_true (g_socket_listen (socket, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static void
test_smtp_silent (void)
{
  guint port;
  g_autoptr(GSocket) socket = silent_listener (&port);
  g_autoptr(GBytes) message = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("smtp://127.0.0.1:%u", port);
  RosetteSmtpConfig config = { 0 };

  /* A server that never greets: the server's fault, not the message's. */
  config.url = url;
  config.security = "none";
  config.timeout_seconds = 1;
  g_assert_false (rosette_smtp_send_sync (&config, "a@acme.example", "b@acme.example", message,
                                          NULL, &error));
  g_assert_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE);
}

static void
test_publish_silent (void)
{
  guint port;
  g_autoptr(GSocket) socket = silent_listener (&port);
  g_autoptr(GHashTable) tree = make_tree ();
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-publish-XXXXXX", NULL);
  g_autofree char *manifest = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  RosettePublishTarget target = { 0 };

  target.url = url;
  target.manifest = manifest;
  target.timeout_seconds = 1;
  sent = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  g_assert_null (sent);
  g_assert_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE);
  /* Nothing was published, so the manifest says nothing was. */
  g_assert_false (g_file_test (manifest, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/delivery/mime", test_mime);
  g_test_add_func ("/rosette/delivery/linkedin", test_linkedin);
  g_test_add_func ("/rosette/delivery/plain-refused", test_plain_refused);
  g_test_add_func ("/rosette/delivery/smtp-sink", test_smtp_sink);
  g_test_add_func ("/rosette/delivery/smtp-down", test_smtp_down);
  g_test_add_func ("/rosette/delivery/publish-webdav", test_publish_webdav);
  g_test_add_func ("/rosette/delivery/publish-dir", test_publish_dir_and_refusal);
  g_test_add_func ("/rosette/delivery/smtp-silent", test_smtp_silent);
  g_test_add_func ("/rosette/delivery/publish-silent", test_publish_silent);

  return g_test_run ();
}
