/* bench-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Delivery throughput against the loopback servers build-aux/test starts
 * (ROSETTE_TEST_SMTP_PORT, ROSETTE_TEST_WEBDAV_URL):
 *
 *   - messages/s: 1,000 badge e-mails (a 36 KB baked PNG attached, as a
 *     512 px badge is) built with rosette_mail_build() and sent one SMTP
 *     session each with rosette_smtp_send_sync(), as the outbox does;
 *   - files/s: 1,000 criteria-page-sized files published with
 *     rosette_publish_sync() (MKCOL, PUT to a temporary name, MOVE), then
 *     a second, incremental run that sends nothing.
 *
 * ROSETTE_BENCH_MESSAGES and ROSETTE_BENCH_FILES set other counts.
 * Without the servers it prints why and exits 0.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rosette-core.h"

#define DEFAULT_COUNT 1000

static guint
count_from_env (const char *name)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 1000000, &value, NULL))
    return (guint)value;
  return DEFAULT_COUNT;
}

/* Bytes of the size of a baked 512 px badge: only the size matters here. */
static GBytes *
fake_png (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8)g_random_int ();
  return g_bytes_new_take (data, size);
}

static void
bench_mail (guint port)
{
  guint n = count_from_env ("ROSETTE_BENCH_MESSAGES");
  g_autofree char *url = g_strdup_printf ("smtp://127.0.0.1:%u", port);
  g_autoptr(GBytes) png = fake_png (36 * 1024);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimer) timer = g_timer_new ();
  RosetteSmtpConfig smtp = { url, "none", NULL, NULL, NULL, 30 };
  double build_seconds = 0;
  gsize bytes = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *to = g_strdup_printf ("person%06u@example.org", i);
      g_autofree char *id = g_strdup_printf ("urn:uuid:bench-%06u", i);
      g_autofree char *message_id = g_strdup_printf ("rosette.bench.%u@example.org", i);
      g_autoptr(GBytes) message = NULL;
      g_autoptr(GError) error = NULL;
      RosetteMailParams params = { 0 };
      double start = g_timer_elapsed (timer, NULL);

      params.from = "Badges <badges@example.org>";
      params.to = to;
      params.to_name = "Ana Lima";
      params.subject_template = "Your badge: {badge} – {tier}";
      params.body_template = "Hello {name},\n\nyou earned {badge} ({tier}).\n{criteria_url}\n";
      params.badge = "Data Privacy";
      params.tier = "Gold";
      params.organization = "Example Org";
      params.criteria_url = "https://example.org/criteria/data-privacy.html";
      params.credential_id = id;
      params.issued_at = now;
      params.png = png;
      params.png_name = "data-privacy-gold.png";
      params.message_id = message_id;
      message = rosette_mail_build (&params);
      build_seconds += g_timer_elapsed (timer, NULL) - start;
      bytes += g_bytes_get_size (message);
      if (!rosette_smtp_send_sync (&smtp, "badges@example.org", to, message, NULL, &error))
        g_error ("message %u: %s", i, error->message);
    }
  g_timer_stop (timer);
  printf ("SMTP: %u messages (%.1f KB each) in %.2f s: %.0f messages/s "
          "(building them: %.0f messages/s)\n",
          n, bytes / 1024.0 / n, g_timer_elapsed (timer, NULL),
          n / g_timer_elapsed (timer, NULL), n / build_seconds);
}

static void
bench_publish (const char *base)
{
  guint n = count_from_env ("ROSETTE_BENCH_FILES");
  g_autoptr(GHashTable) tree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)g_bytes_unref);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *url = g_strdup_printf ("%sbench-%s/", base, uuid);
  g_autofree char *dir = g_dir_make_tmp ("rosette-bench-delivery-XXXXXX", NULL);
  g_autofree char *manifest = g_build_filename (dir, "manifest.json", NULL);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  RosettePublishTarget target = { 0 };
  double first;

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (tree, g_strdup_printf ("criteria/page-%02u/%05u.html", i % 20, i),
                         fake_png (4 * 1024));
  target.url = url;
  target.manifest = manifest;
  changed = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  if (changed == NULL)
    g_error ("publish: %s", error->message);
  first = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  again = rosette_publish_sync (tree, &target, FALSE, NULL, &error);
  if (again == NULL)
    g_error ("publish again: %s", error->message);
  printf ("WebDAV: %u files (4 KB each, 20 folders) in %.2f s: %.0f files/s; "
          "unchanged again: %u sent in %.3f s\n",
          changed->len, first, changed->len / first, again->len, g_timer_elapsed (timer, NULL));
  g_unlink (manifest);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *port = g_getenv ("ROSETTE_TEST_SMTP_PORT");
  const char *webdav = g_getenv ("ROSETTE_TEST_WEBDAV_URL");

  if (port != NULL)
    bench_mail ((guint)g_ascii_strtoull (port, NULL, 10));
  else
    printf ("SMTP: skipped, ROSETTE_TEST_SMTP_PORT is not set (run under build-aux/test)\n");
  if (webdav != NULL)
    bench_publish (webdav);
  else
    printf ("WebDAV: skipped, ROSETTE_TEST_WEBDAV_URL is not set (run under build-aux/test)\n");
  return 0;
}
