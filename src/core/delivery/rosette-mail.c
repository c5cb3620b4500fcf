/* rosette-mail.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One badge e-mail: an RFC 5322 message built here (multipart/mixed of a
 * multipart/alternative text + HTML part and the baked badge files, all
 * base64 with CRLF lines), and its delivery over SMTP with libcurl.
 *
 * Security: STARTTLS is required unless the URL is smtps:// (implicit
 * TLS); "none" is refused for anything but a loopback address, before any
 * connection is made.
 */

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>

#include "rosette-mail.h"

G_DEFINE_QUARK (rosette-delivery-error-quark, rosette_delivery_error)

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
format_month (GDateTime *when)
{
  return when != NULL ? g_date_time_format (when, "%Y-%m-%d") : g_strdup (_("never"));
}

/**
 * rosette_mail_expand:
 * @template: text with {name} {badge} {tier} {criteria_url} {expires}
 * @html: escape the values for HTML
 *
 * Returns: (transfer full): @template with the placeholders replaced;
 *   unknown placeholders stay as they are
 */
char *
rosette_mail_expand (const char              *template,
                     const RosetteMailParams *params,
                     gboolean                 html)
{
  g_autofree char *expires = format_month (params->valid_until);
  const char *keys[] = { "{name}", "{badge}", "{tier}", "{criteria_url}", "{expires}" };
  const char *values[] = {
    params->to_name != NULL ? params->to_name : params->to, or_empty (params->badge),
    or_empty (params->tier), or_empty (params->criteria_url), expires,
  };
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0';)
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (keys) && *p == '{'; i++)
        if (g_str_has_prefix (p, keys[i]))
          {
            g_autofree char *escaped = html ? g_markup_escape_text (values[i], -1)
                                            : g_strdup (values[i]);

            g_string_append (out, escaped);
            p += strlen (keys[i]);
            matched = TRUE;
            break;
          }
      if (matched)
        continue;
      if (html && (*p == '<' || *p == '>' || *p == '&' || *p == '"'))
        {
          g_autofree char *escaped = g_markup_escape_text (p, 1);

          g_string_append (out, escaped);
        }
      else if (html && *p == '\n')
        g_string_append (out, "<br>\n");
      else
        g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

/**
 * rosette_mail_dup_linkedin_url:
 *
 * Returns: (transfer full): LinkedIn's "Add to profile" link for the
 *   certification
 */
char *
rosette_mail_dup_linkedin_url (const RosetteMailParams *params)
{
  g_autofree char *name = params->tier != NULL && *params->tier != '\0'
    ? g_strdup_printf ("%s – %s", or_empty (params->badge), params->tier)
    : g_strdup (or_empty (params->badge));
  GString *url = g_string_new ("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
  const char *cert_url = params->verify_url != NULL ? params->verify_url : params->criteria_url;

  g_string_append (url, "&name=");
  g_string_append_uri_escaped (url, name, NULL, FALSE);
  if (params->organization != NULL)
    {
      g_string_append (url, "&organizationName=");
      g_string_append_uri_escaped (url, params->organization, NULL, FALSE);
    }
  if (params->issued_at != NULL)
    g_string_append_printf (url, "&issueYear=%d&issueMonth=%d",
                            g_date_time_get_year (params->issued_at),
                            g_date_time_get_month (params->issued_at));
  if (params->valid_until != NULL)
    g_string_append_printf (url, "&expirationYear=%d&expirationMonth=%d",
                            g_date_time_get_year (params->valid_until),
                            g_date_time_get_month (params->valid_until));
  g_string_append (url, "&certId=");
  g_string_append_uri_escaped (url, or_empty (params->credential_id), NULL, FALSE);
  if (cert_url != NULL)
    {
      g_string_append (url, "&certUrl=");
      g_string_append_uri_escaped (url, cert_url, NULL, FALSE);
    }
  return g_string_free (url, FALSE);
}

static gboolean
is_ascii_printable (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || (guchar)*p > 0x7e)
      return FALSE;
  return TRUE;
}

/* RFC 2047 encoded words of at most 75 characters, split on UTF-8
 * character boundaries; plain ASCII stays as it is. */
static void
append_header_text (GString    *out,
                    const char *text)
{
  const char *p = text;

  if (is_ascii_printable (text))
    {
      g_string_append (out, text);
      return;
    }
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *encoded = NULL;

      while (*end != '\0' && end - p < 39)
        end = g_utf8_next_char (end);
      encoded = g_base64_encode ((const guchar *)p, end - p);
      g_string_append_printf (out, "%s=?UTF-8?B?%s?=", p == text ? "" : "\r\n ", encoded);
      p = end;
    }
}

static void
append_base64 (GString *out,
               gconstpointer data,
               gsize    size)
{
  g_autofree char *encoded = g_base64_encode (data, size);
  gsize len = strlen (encoded);

  for (gsize i = 0; i < len; i += 76)
    {
      g_string_append_len (out, encoded + i, MIN (76, len - i));
      g_string_append (out, "\r\n");
    }
}

static void
append_date (GString   *out,
             GDateTime *date)
{
  /* Not g_date_time_format's %a and %b: those follow the locale. */
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                         "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *rest = g_date_time_format (date, "%Y %H:%M:%S %z");

  g_string_append_printf (out, "Date: %s, %02d %s %s\r\n",
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], rest);
}

static char *
build_html (const RosetteMailParams *params,
            const char              *linkedin)
{
  g_autofree char *body = rosette_mail_expand (params->body_template, params, TRUE);
  g_autofree char *linkedin_attr = g_markup_escape_text (linkedin, -1);
  GString *html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n"
                                "<body style=\"font-family:Cantarell,Helvetica,Arial,sans-serif;"
                                "color:#241f31;max-width:36em;margin:auto;padding:1em\">\n<p>");

  g_string_append (html, body);
  g_string_append (html, "</p>\n<p>");
  if (params->verify_url != NULL)
    {
      g_autofree char *verify = g_markup_escape_text (params->verify_url, -1);

      g_string_append_printf (html, "<a href=\"%s\">%s</a> · ", verify, _("Verify this badge"));
    }
  g_string_append_printf (html, "<a href=\"%s\" style=\"background:#0a66c2;color:#fff;"
                          "padding:.4em .8em;border-radius:6px;text-decoration:none\">%s</a>",
                          linkedin_attr, _("Add to LinkedIn profile"));
  g_string_append (html, "</p>\n</body></html>\n");
  return g_string_free (html, FALSE);
}

static char *
build_text (const RosetteMailParams *params,
            const char              *linkedin)
{
  g_autofree char *body = rosette_mail_expand (params->body_template, params, FALSE);
  GString *text = g_string_new (body);

  g_string_append (text, "\n\n");
  if (params->verify_url != NULL)
    g_string_append_printf (text, _("Verify this badge: %s\n"), params->verify_url);
  g_string_append_printf (text, _("Add it to your LinkedIn profile: %s\n"), linkedin);
  return g_string_free (text, FALSE);
}

static void
append_part (GString      *out,
             const char   *boundary,
             const char   *content_type,
             const char   *filename,
             gconstpointer data,
             gsize         size)
{
  g_string_append_printf (out, "--%s\r\nContent-Type: %s\r\n", boundary, content_type);
  if (filename != NULL)
    g_string_append_printf (out, "Content-Disposition: attachment; filename=\"%s\"\r\n",
                            filename);
  g_string_append (out, "Content-Transfer-Encoding: base64\r\n\r\n");
  append_base64 (out, data, size);
}

/**
 * rosette_mail_build:
 * @params: what to say, to whom, with which files
 *
 * Returns: (transfer full): the whole message, CRLF line endings
 */
GBytes *
rosette_mail_build (const RosetteMailParams *params)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *subject = rosette_mail_expand (params->subject_template, params, FALSE);
  g_autofree char *linkedin = rosette_mail_dup_linkedin_url (params);
  g_autofree char *text = build_text (params, linkedin);
  g_autofree char *html = build_html (params, linkedin);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *mixed = g_strdup_printf ("=_rosette_mixed_%s", uuid);
  g_autofree char *alt = g_strdup_printf ("=_rosette_alt_%s", uuid);
  g_autofree char *png_type = NULL;
  GString *out = g_string_new (NULL);
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (params->png != NULL && params->to != NULL, NULL);

  append_date (out, params->date != NULL ? params->date : now);
  g_string_append (out, "From: ");
  append_header_text (out, params->from);
  g_string_append (out, "\r\nTo: ");
  if (params->to_name != NULL && *params->to_name != '\0')
    {
      if (is_ascii_printable (params->to_name) && strpbrk (params->to_name, "\"\\") == NULL)
        g_string_append_printf (out, "\"%s\"", params->to_name);
      else
        append_header_text (out, params->to_name);
      g_string_append_printf (out, " <%s>", params->to);
    }
  else
    g_string_append (out, params->to);
  g_string_append (out, "\r\nSubject: ");
  append_header_text (out, subject);
  g_string_append_printf (out, "\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", params->message_id,
                          mixed);
  g_string_append_printf (out, "--%s\r\nContent-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n",
                          mixed, alt);
  append_part (out, alt, "text/plain; charset=UTF-8", NULL, text, strlen (text));
  append_part (out, alt, "text/html; charset=UTF-8", NULL, html, strlen (html));
  g_string_append_printf (out, "--%s--\r\n", alt);

  data = g_bytes_get_data (params->png, &size);
  png_type = g_strdup_printf ("image/png; name=\"%s\"", params->png_name);
  append_part (out, mixed, png_type, params->png_name, data, size);
  if (params->svg != NULL)
    {
      g_autofree char *svg_type = g_strdup_printf ("image/svg+xml; name=\"%s\"", params->svg_name);

      data = g_bytes_get_data (params->svg, &size);
      append_part (out, mixed, svg_type, params->svg_name, data, size);
    }
  g_string_append_printf (out, "--%s--\r\n", mixed);
  return g_string_free_to_bytes (out);
}

/**
 * rosette_mail_address_of:
 * @from: "Name <addr>" or "addr"
 *
 * Returns: (transfer full): the bare address
 */
char *
rosette_mail_address_of (const char *from)
{
  const char *open = strrchr (from, '<');
  const char *close = open != NULL ? strchr (open, '>') : NULL;

  if (open != NULL && close != NULL)
    return g_strndup (open + 1, close - open - 1);
  return g_strstrip (g_strdup (from));
}

/* ---- SMTP ------------------------------------------------------------- */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
  GCancellable *cancellable;
} Upload;

static size_t
upload_read_cb (char   *buffer,
                size_t  size,
                size_t  nitems,
                void   *user_data)
{
  Upload *upload = user_data;
  gsize n = MIN (size * nitems, upload->size - upload->offset);

  memcpy (buffer, upload->data + upload->offset, n);
  upload->offset += n;
  return n;
}

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Upload *upload = user_data;

  return g_cancellable_is_cancelled (upload->cancellable) ? 1 : 0;
}

static gboolean
host_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
check_config (const RosetteSmtpConfig *config,
              gboolean                *out_implicit,
              GError                 **error)
{
  const char *security = config->security != NULL ? config->security : "starttls";

  if (config->url == NULL || (!g_str_has_prefix (config->url, "smtp://") &&
                              !g_str_has_prefix (config->url, "smtps://")))
    {
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_CONFIG,
                   _("No mail server is set: set smtp.url to smtp://host:port or "
                     "smtps://host:port"));
      return FALSE;
    }
  *out_implicit = g_str_has_prefix (config->url, "smtps://") || g_str_equal (security, "tls");
  if (g_str_equal (security, "none") && !host_is_loopback (config->url))
    {
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE,
                   _("Refusing to send e-mail unencrypted to %s: an unencrypted connection is "
                     "only allowed to this computer (a loopback address); use starttls or tls"),
                   config->url);
      return FALSE;
    }
  return TRUE;
}

static void
set_curl_error (GError     **error,
                CURLcode     code,
                long         response,
                const char  *detail)
{
  const char *text = *detail != '\0' ? detail : curl_easy_strerror (code);

  if (response >= 500 && response < 600 && code != CURLE_LOGIN_DENIED)
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_PERMANENT,
                 _("The mail server refused the message (%ld): %s"), response, text);
  else if (code == CURLE_LOGIN_DENIED)
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_AUTH,
                 _("The mail server refused the user name or password: %s"), text);
  else if (code == CURLE_USE_SSL_FAILED)
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_INSECURE,
                 _("The mail server does not offer STARTTLS; Rosette does not send e-mail "
                   "unencrypted: %s"), text);
  else if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST)
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE,
                 _("Cannot reach the mail server: %s"), text);
  else if (code == CURLE_OPERATION_TIMEDOUT)
    /* The server, not this message: the run stops and the message stays due. */
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_UNREACHABLE,
                 _("The mail server did not answer in time: %s"), text);
  else if (code == CURLE_ABORTED_BY_CALLBACK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sending was cancelled"));
  else
    g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_TRANSIENT,
                 _("Sending failed, will retry later: %s"), text);
}

/**
 * rosette_smtp_send_sync:
 * @config: the server
 * @from: the envelope sender (an address)
 * @to: the envelope recipient
 * @message: from rosette_mail_build()
 *
 * Returns: %TRUE when the server accepted the message; otherwise a
 *   #RosetteDeliveryError saying whether to retry
 */
gboolean
rosette_smtp_send_sync (const RosetteSmtpConfig *config,
                        const char              *from,
                        const char              *to,
                        GBytes                  *message,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  g_autofree char *url = NULL;
  g_autofree char *mail_from = NULL;
  g_autofree char *rcpt = NULL;
  char detail[CURL_ERROR_SIZE] = "";
  struct curl_slist *recipients = NULL;
  gboolean implicit = FALSE;
  Upload upload = { 0 };
  long response = 0;
  CURLcode code;
  CURL *curl;

  if (!check_config (config, &implicit, error))
    return FALSE;

  /* Implicit TLS is the smtps:// scheme to libcurl. */
  url = implicit && g_str_has_prefix (config->url, "smtp://")
    ? g_strconcat ("smtps://", config->url + strlen ("smtp://"), NULL)
    : g_strdup (config->url);
  mail_from = g_strdup_printf ("<%s>", from);
  rcpt = g_strdup_printf ("<%s>", to);
  upload.data = g_bytes_get_data (message, &upload.size);
  upload.cancellable = cancellable;

  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_set_error (error, ROSETTE_DELIVERY_ERROR, ROSETTE_DELIVERY_ERROR_TRANSIENT,
                   _("Could not start libcurl"));
      return FALSE;
    }
  recipients = curl_slist_append (recipients, rcpt);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, mail_from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, upload_read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)upload.size);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &upload);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long)(config->timeout_seconds ? config->timeout_seconds : 30));
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long)(config->timeout_seconds ? config->timeout_seconds * 4 : 120));
  if (!implicit && g_strcmp0 (config->security, "none") != 0)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
  if (config->ca_file != NULL && *config->ca_file != '\0')
    curl_easy_setopt (curl, CURLOPT_CAINFO, config->ca_file);
  if (config->user != NULL && *config->user != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, config->user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, or_empty (config->password));
    }

  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &response);
  curl_slist_free_all (recipients);
  curl_easy_cleanup (curl);

  if (code == CURLE_OK)
    return TRUE;
  set_curl_error (error, code, response, detail);
  return FALSE;
}
