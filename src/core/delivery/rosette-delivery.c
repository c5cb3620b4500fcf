/* rosette-delivery.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Sending the outbox. Every message goes through the registry's outbox:
 *
 *   1. before a message is handed to the server, its row is marked
 *      sending (rosette_registry_outbox_mark_sending), which also keeps
 *      everybody else off it for an hour;
 *   2. after the server accepted it, the row is marked sent; when the
 *      server refused it, failed with the reason and a backoff.
 *
 * One sender runs at a time: it holds an exclusive lock on a file next
 * to the registry (REGISTRY.send-lock) for the whole run. So a row still
 * marked sending when a run starts belongs to a sender that crashed or
 * was killed (a closed lid only pauses the process: its row stays its
 * own). Such rows are taken over at once, retried and counted in
 * RosetteSendSummary.resumed. The one honest edge: if the server had
 * accepted the message before the crash, the recipient gets it twice
 * (at-least-once). Its Message-ID is the same on every attempt (derived
 * from the outbox row), so mail programs and servers that de-duplicate
 * by Message-ID show it once.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rosette-delivery.h"
#include "rosette-error.h"
#include "rosette-hosted.h"
#include "rosette-key-documents.h"

#define DEFAULT_SUBJECT N_("Your badge: {badge} – {tier}")
#define DEFAULT_BODY N_("Hello {name},\n\ncongratulations! You have earned the {badge} badge " \
                        "({tier}).\n\nWhat it stands for: {criteria_url}\nValid until: {expires}")

/**
 * rosette_delivery_enqueue_email:
 * @credential_id: an issued credential
 * @to: the recipient's address
 *
 * Queues the badge e-mail; the batch and issue code call this when a
 * badge is issued. A delivery that is queued or sent already is left as
 * it is.
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_delivery_enqueue_email (RosetteRegistry  *registry,
                                const char       *credential_id,
                                const char       *to,
                                GError          **error)
{
  return rosette_registry_outbox_enqueue (registry, credential_id, ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                          to, FALSE, NULL, error) > 0;
}

/* Collects (credential id, address) pairs: the registry's lock is held
 * during rosette_registry_foreach_issued(), so nothing may be enqueued
 * from inside it. */
static gboolean
collect_one_cb (RosetteIssuedRecord *record,
                gpointer             user_data)
{
  GPtrArray *pairs = user_data;
  const char *email = rosette_issued_record_get_email (record);

  if (rosette_issued_record_get_state (record) != ROSETTE_ISSUE_STATE_ISSUED ||
      email == NULL || *email == '\0')
    return TRUE;
  g_ptr_array_add (pairs, g_strdup (rosette_issued_record_get_credential_id (record)));
  g_ptr_array_add (pairs, g_strdup (email));
  return TRUE;
}

/**
 * rosette_delivery_enqueue_undelivered:
 *
 * Makes sure every issued, unrevoked badge has an e-mail in the outbox
 * (the ones sent already stay sent).
 *
 * Returns: how many badges were looked at, or -1 with @error set
 */
gint
rosette_delivery_enqueue_undelivered (RosetteRegistry  *registry,
                                      GError          **error)
{
  RosetteIssuedQuery query = { 0 };
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  query.status = ROSETTE_CREDENTIAL_STATUS_VALID;
  query.hide_superseded = TRUE;
  if (!rosette_registry_foreach_issued (registry, &query, collect_one_cb, pairs, error))
    return -1;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (!rosette_delivery_enqueue_email (registry, g_ptr_array_index (pairs, i),
                                         g_ptr_array_index (pairs, i + 1), error))
      return -1;
  return (gint)(pairs->len / 2);
}

static GBytes *
load_file_with_suffix (RosetteIssuedRecord  *record,
                       const char           *suffix,
                       char                **out_name,
                       GError              **error)
{
  const char * const *files = rosette_issued_record_get_files (record);
  char *contents = NULL;
  gsize size = 0;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (g_str_has_suffix (files[i], suffix))
      {
        if (!g_file_get_contents (files[i], &contents, &size, error))
          return NULL;
        if (out_name != NULL)
          *out_name = g_path_get_basename (files[i]);
        return g_bytes_new_take (contents, size);
      }
  if (g_str_equal (suffix, ".png"))
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_PERMANENT,
                 _("Badge %s has no baked PNG file to attach"),
                 rosette_issued_record_get_credential_id (record));
  return NULL;
}

static GDateTime *
date_or_null (gint64 unix_time)
{
  return unix_time > 0 ? g_date_time_new_from_unix_utc (unix_time) : NULL;
}

/* The Message-ID is a function of the outbox row: the same on a retry. */
static char *
dup_message_id (const RosetteOutboxItem *item,
                const char              *from_address)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         item->credential_id, -1);
  const char *at = strchr (from_address, '@');

  return g_strdup_printf ("rosette.%" G_GINT64_FORMAT ".%.16s@%s", item->id, hash,
                          at != NULL ? at + 1 : "rosette.invalid");
}

static GBytes *
build_message (RosetteRegistry          *registry,
               const RosetteSendOptions *options,
               const RosetteOutboxItem  *item,
               const char               *from_address,
               GError                  **error)
{
  g_autoptr(RosetteIssuedRecord) record = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GDateTime) issued_at = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autofree char *png_name = NULL;
  g_autofree char *svg_name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *criteria_url = NULL;
  g_autofree char *verify_url = NULL;
  g_autofree char *message_id = dup_message_id (item, from_address);
  RosetteMailParams params = { 0 };

  record = rosette_registry_lookup (registry, item->credential_id, NULL, error);
  if (record == NULL)
    return NULL;
  png = load_file_with_suffix (record, ".png", &png_name, error);
  if (png == NULL)
    return NULL;
  svg = load_file_with_suffix (record, ".svg", &svg_name, NULL);
  issued_at = date_or_null (rosette_issued_record_get_issued_at (record));
  valid_until = date_or_null (rosette_issued_record_get_valid_until (record));
  if (options->issuer != NULL)
    base = rosette_issuer_dup_publish_base (options->issuer, NULL);
  if (base != NULL)
    criteria_url = g_strdup_printf ("%scriteria/%s.html", base,
                                    rosette_issued_record_get_family_slug (record));
  if (base != NULL && options->hosted_credentials)
    {
      g_autofree char *page = rosette_hosted_dup_page_path (item->credential_id);

      verify_url = g_strconcat (base, page, NULL);
    }

  params.from = options->from;
  params.to = item->target;
  params.to_name = rosette_issued_record_get_name (record);
  params.subject_template = options->subject_template != NULL && *options->subject_template
    ? options->subject_template : _(DEFAULT_SUBJECT);
  params.body_template = options->body_template != NULL && *options->body_template
    ? options->body_template : _(DEFAULT_BODY);
  params.badge = rosette_issued_record_get_family_name (record);
  params.tier = rosette_issued_record_get_tier_name (record);
  params.organization = options->issuer != NULL ? rosette_issuer_get_name (options->issuer) : NULL;
  params.criteria_url = criteria_url;
  params.verify_url = verify_url;
  params.credential_id = item->credential_id;
  params.issued_at = issued_at;
  params.valid_until = valid_until;
  params.png = png;
  params.png_name = png_name;
  params.svg = svg;
  params.svg_name = svg_name;
  params.message_id = message_id;
  return rosette_mail_build (&params);
}

static gboolean
wanted (const RosetteSendOptions *options,
        const RosetteOutboxItem  *item)
{
  if (item->channel != ROSETTE_OUTBOX_CHANNEL_EMAIL)
    return FALSE;
  return options->only == NULL || g_strv_contains (options->only, item->credential_id);
}

/* Waits for the rate limit, waking up early when cancelled. */
static void
wait_for_rate (guint         rate_per_minute,
               gint64       *next_at,
               GCancellable *cancellable)
{
  while (rate_per_minute > 0 && g_get_monotonic_time () < *next_at &&
         !g_cancellable_is_cancelled (cancellable))
    g_usleep (MIN (100000, *next_at - g_get_monotonic_time ()));
  *next_at = g_get_monotonic_time () + (rate_per_minute > 0 ? 60 * G_USEC_PER_SEC / rate_per_minute : 0);
}

static gboolean
queue_requested (RosetteRegistry          *registry,
                 const RosetteSendOptions *options,
                 GError                  **error)
{
  if (options->only == NULL)
    return rosette_delivery_enqueue_undelivered (registry, error) >= 0;

  for (guint i = 0; options->only[i] != NULL; i++)
    {
      g_autoptr(RosetteIssuedRecord) record = rosette_registry_lookup (registry, options->only[i],
                                                                       NULL, error);

      if (record == NULL)
        return FALSE;
      if (rosette_registry_outbox_enqueue (registry, options->only[i], ROSETTE_OUTBOX_CHANNEL_EMAIL,
                                           rosette_issued_record_get_email (record),
                                           options->resend, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Is the failure about the server or the settings rather than this one
 * message? Then the rest of the run would fail the same way. */
static gboolean
stops_the_run (const GError *error)
{
  return g_error_matches (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_AUTH) ||
         g_error_matches (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE) ||
         g_error_matches (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_CONFIG) ||
         g_error_matches (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
send_one (RosetteRegistry          *registry,
          const RosetteSendOptions *options,
          const RosetteOutboxItem  *item,
          const char               *from_address,
          GCancellable             *cancellable,
          GError                  **error)
{
  g_autoptr(GBytes) message = build_message (registry, options, item, from_address, error);

  if (message == NULL)
    return FALSE;
  /* Step 1 of the top of this file: a crash from here on is resumed. */
  if (!rosette_registry_outbox_mark_sending (registry, item->id, NULL, error))
    return FALSE;
  if (!rosette_smtp_send_sync (&options->smtp, from_address, item->target, message,
                               cancellable, error))
    return FALSE;
  return rosette_registry_outbox_mark_sent (registry, item->id, NULL, error);
}

/* The lock that makes this the only sender of @registry's outbox;
 * returns its file descriptor, or -1 with @error set. */
static int
lock_outbox (RosetteRegistry  *registry,
             GError          **error)
{
  g_autofree char *path = g_strconcat (rosette_registry_get_path (registry), ".send-lock", NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO, _("Cannot open %s: %s"), path,
                   g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_TRANSIENT,
                   _("Badges are being sent already (by another window or rosette-cli); "
                     "try again when that has finished"));
      return -1;
    }
  return fd;
}



/* Sends what is due, holding the outbox lock when not a dry run. */
static gboolean
send_due (RosetteRegistry          *registry,
          const RosetteSendOptions *options,
          const char               *from_address,
          RosetteSendSummary       *summary,
          GCancellable             *cancellable,
          GError                  **error)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  gint64 next_at = 0;

  if (!options->dry_run)
    {
      gint resumed = rosette_registry_outbox_take_over_interrupted (registry, NULL, error);

      if (resumed < 0)
        return FALSE;
      summary->resumed = (guint)resumed;
    }
  due = rosette_registry_outbox_next_due (registry, NULL, 0, error);
  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    if (wanted (options, g_ptr_array_index (due, i)))
      g_ptr_array_add (mine, g_ptr_array_index (due, i));
  summary->due = mine->len;
  if (options->dry_run)
    return TRUE;

  for (guint i = 0; i < mine->len; i++)
    {
      const RosetteOutboxItem *item = g_ptr_array_index (mine, i);
      g_autoptr(GError) local_error = NULL;

      wait_for_rate (options->rate_per_minute, &next_at, cancellable);
      if (send_one (registry, options, item, from_address, cancellable, &local_error))
        summary->sent++;
      else
        {
          summary->failed++;
          if (!g_error_matches (local_error, ROSETTE_ERROR, ROSETTE_ERROR_DATABASE))
            rosette_registry_outbox_mark_failed (registry, item->id, local_error->message,
                                                 NULL, NULL);
          /* The server or the settings failed, not this message: it keeps
           * the reason but stays due for the next run, after the fix. */
          if (stops_the_run (local_error))
            rosette_registry_outbox_enqueue (registry, item->credential_id,
                                             ROSETTE_OUTBOX_CHANNEL_EMAIL, item->target, TRUE,
                                             NULL, NULL);
        }
      if (options->progress != NULL)
        options->progress (i + 1, mine->len, item->credential_id, local_error,
                           options->progress_data);
      if (local_error != NULL && stops_the_run (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * rosette_delivery_send_sync:
 * @summary: (out caller-allocates) (optional): what happened
 *
 * Queues every issued badge not delivered yet (or @options->only), then
 * sends what is due in the outbox, one message at a time. A failed
 * message stays in the outbox with its reason and is retried after the
 * registry's backoff. Messages an interrupted run left sending are sent
 * again first, with the same Message-ID.
 *
 * Returns: %TRUE when the run finished (some messages may have failed:
 *   see @summary); %FALSE when it stopped because of the server or the
 *   settings (wrong password, no STARTTLS, unreachable, cancelled) or
 *   because another sender is running
 */
gboolean
rosette_delivery_send_sync (RosetteRegistry          *registry,
                            const RosetteSendOptions *options,
                            RosetteSendSummary       *summary,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autofree char *from_address = NULL;
  RosetteSendSummary local = { 0 };
  int lock_fd = -1;
  gboolean ok;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (summary == NULL)
    summary = &local;
  *summary = (RosetteSendSummary) { 0 };
  if (options->from == NULL || strchr (options->from, '@') == NULL)
    {
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_CONFIG,
                   _("No sender address is set: set smtp.from to the address badges come from"));
      return FALSE;
    }
  from_address = rosette_mail_address_of (options->from);

  if (!queue_requested (registry, options, error))
    return FALSE;
  if (!options->dry_run)
    {
      lock_fd = lock_outbox (registry, error);
      if (lock_fd < 0)
        return FALSE;
    }
  ok = send_due (registry, options, from_address, summary, cancellable, error);
  if (lock_fd >= 0)
    close (lock_fd);
  return ok;
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RosetteSendSummary *summary = g_new0 (RosetteSendSummary, 1);
  GError *error = NULL;

  if (rosette_delivery_send_sync (source_object, task_data, summary, cancellable, &error))
    g_task_return_pointer (task, summary, g_free);
  else
    {
      g_free (summary);
      g_task_return_error (task, error);
    }
}

/**
 * rosette_delivery_send_async:
 * @options: kept by the caller, with everything it points to, until
 *   @callback runs; @options->progress is called in the worker thread
 *
 * rosette_delivery_send_sync() in a worker thread, for the GUI.
 */
void
rosette_delivery_send_async (RosetteRegistry          *registry,
                             const RosetteSendOptions *options,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (registry, cancellable, callback, user_data);

  g_task_set_source_tag (task, rosette_delivery_send_async);
  g_task_set_task_data (task, (gpointer)options, NULL);
  g_task_run_in_thread (task, send_thread);
}

/**
 * rosette_delivery_send_finish:
 * @summary: (out caller-allocates) (optional): what happened
 *
 * Returns: as rosette_delivery_send_sync()
 */
gboolean
rosette_delivery_send_finish (RosetteRegistry     *registry,
                              GAsyncResult        *result,
                              RosetteSendSummary  *summary,
                              GError             **error)
{
  g_autofree RosetteSendSummary *done = NULL;

  g_return_val_if_fail (g_task_is_valid (result, registry), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (summary != NULL)
    *summary = *done;
  return TRUE;
}
