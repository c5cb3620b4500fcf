/* rosette-test-verify.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the verifier tests, the CLI verify test and the benchmark share:
 * Rosette-made badges of every format signed with a throwaway key (no
 * keyring), and small loopback-server helpers.
 */

#pragma once

#include <libsoup/soup.h>

#include "rosette-test-issuing.h"

static inline char *
test_verify_vc_jwt (TestIssuing       *t,
                    RosetteCredential *credential)
{
  g_autoptr(GError) error = NULL;
  char *jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL, &error);

  g_assert_no_error (error);
  return jws;
}

static inline char *
test_verify_ob2 (TestIssuing       *t,
                 RosetteCredential *credential)
{
  g_autoptr(GError) error = NULL;
  char *jws = rosette_credential_sign_ob2 (credential, t->issuer, t->record, t->key, NULL, &error);

  g_assert_no_error (error);
  return jws;
}

static inline char *
test_verify_node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* @node (an OB 3.0 credential) with an eddsa-rdfc-2022 proof by @t's key
 * (Ed25519 did:key), as JSON text. */
static inline char *
test_verify_sign_di (TestIssuing *t,
                     JsonNode    *node)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *method = rosette_key_dup_did_key_method (t->key, &error);
  g_autoptr(JsonObject) signed_credential = NULL;
  g_autoptr(JsonNode) out = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  signed_credential = rosette_data_integrity_sign (json_node_get_object (node), t->key, method, NULL, &error);
  g_assert_no_error (error);
  json_node_set_object (out, signed_credential);
  return test_verify_node_to_string (out);
}

/* An OB 3.0 credential with an eddsa-rdfc-2022 proof (Ed25519 did:key). */
static inline char *
test_verify_data_integrity (TestIssuing       *t,
                            RosetteCredential *credential)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);

  g_assert_no_error (error);
  return test_verify_sign_di (t, node);
}

static inline GBytes *
test_verify_bake_png (const char *payload)
{
  g_autoptr(GBytes) png = test_png_new (32);
  g_autoptr(GBytes) text = g_bytes_new (payload, strlen (payload));
  g_autoptr(GError) error = NULL;
  GBytes *baked = rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, text, &error);

  g_assert_no_error (error);
  return baked;
}

static inline GBytes *
test_verify_bake_svg (const char *payload)
{
  static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
                            "<circle cx=\"16\" cy=\"16\" r=\"12\" fill=\"#c80\"/></svg>\n";
  g_autoptr(GBytes) image = g_bytes_new_static (svg, sizeof svg - 1);
  g_autoptr(GBytes) text = g_bytes_new (payload, strlen (payload));
  g_autoptr(GError) error = NULL;
  GBytes *baked = rosette_svg_bake (image, ROSETTE_BADGE_VERSION_OB3, text, &error);

  g_assert_no_error (error);
  return baked;
}

/* @t's OB 3.0 credential for ana.lima@acme.example with @extra's members
 * added (replacing any), then DI-signed. */
static inline char *
test_verify_di_with_members (TestIssuing *t,
                             JsonObject  *extra)
{
  g_autoptr(RosetteCredential) credential = test_issuing_credential (t, "ana.lima@acme.example");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_assert_no_error (error);
  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (json_node_get_object (node), name, json_node_copy (value));
  return test_verify_sign_di (t, node);
}

/* An EndorsementCredential by @endorser of the test achievement (DI). */
static inline JsonNode *
test_verify_endorsement (TestIssuing *endorser,
                         const char  *comment)
{
  RosetteEndorsementRequest request = {
    .subject_id = "urn:uuid:0b484b26-0630-52b1-a458-63bdc5a7a696",
    .name = "Endorsement of Data Privacy",
    .comment = comment,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = rosette_endorsement_sign (endorser->issuer, endorser->record, endorser->key,
                                                    &request, &error);
  JsonNode *node;

  g_assert_no_error (error);
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

/* A loopback HTTP server (its own thread and main context) serving
 * status lists and hosted documents: path → GBytes in @lists (200), path
 * → target URL in @redirects (302), anything else 404. */
typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GHashTable   *lists;     /* path → GBytes */
  GHashTable   *redirects; /* path → Location */
  guint         port;
  GMutex        mutex;
  GCond         cond;
  guint         requests;
} StatusServer;

static inline void
status_request_cb (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  StatusServer *s = user_data;
  GBytes *list = g_hash_table_lookup (s->lists, path);
  const char *location = g_hash_table_lookup (s->redirects, path);

  g_atomic_int_inc (&s->requests);
  if (location != NULL)
    {
      soup_server_message_set_redirect (message, 302, location);
      return;
    }
  if (list == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/vc+ld+json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (list, NULL), g_bytes_get_size (list));
}

static inline gpointer
status_server_thread (gpointer data)
{
  StatusServer *s = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, NULL, status_request_cb, s, NULL);
  soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  g_mutex_lock (&s->mutex);
  s->port = g_uri_get_port (uris->data);
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (s->loop);
  g_clear_object (&s->server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static inline void
status_server_start (StatusServer *s)
{
  s->context = g_main_context_new ();
  s->loop = g_main_loop_new (s->context, FALSE);
  s->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  s->redirects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&s->mutex);
  g_cond_init (&s->cond);
}

static inline GThread *
status_server_run (StatusServer *s)
{
  GThread *thread = g_thread_new ("status-server", status_server_thread, s);

  g_mutex_lock (&s->mutex);
  while (s->port == 0)
    g_cond_wait (&s->cond, &s->mutex);
  g_mutex_unlock (&s->mutex);
  return thread;
}

static inline void
status_server_stop (StatusServer *s,
                    GThread      *thread)
{
  g_main_loop_quit (s->loop);
  g_main_context_wakeup (s->context);
  g_thread_join (thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
  g_hash_table_unref (s->lists);
  g_hash_table_unref (s->redirects);
  g_mutex_clear (&s->mutex);
  g_cond_clear (&s->cond);
}

/* The multibase of a gzipped 131,072-bit list with bit @revoked set. */
static inline char *
encoded_list (guint revoked)
{
  g_autofree guint8 *bits = g_malloc0 (16384);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  guint8 packed[32768];
  gsize read = 0, written = 0;
  g_autofree char *encoded = NULL;

  bits[revoked / 8] |= 0x80 >> (revoked % 8);
  g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), bits, 16384, packed, sizeof packed,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, NULL),
                   ==, G_CONVERTER_FINISHED);
  encoded = rosette_base64url_encode (packed, written);
  return g_strconcat ("u", encoded, NULL);
}

/* A BitstringStatusListCredential by @t's issuer (its did:key) with bit @revoked set:
 * "di" (eddsa-rdfc-2022), "jwt" (a VC-JWT) or "none" (no proof). */
static inline GBytes *
status_list_new (TestIssuing *t,
                 const char  *url,
                 guint        revoked,
                 const char  *proof)
{
  g_autofree char *list = encoded_list (revoked);
  g_autofree char *issuer = rosette_key_dup_did_key (t->key, NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"%s\","
    "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
    "\"issuer\":\"%s\",\"validFrom\":\"2026-01-01T00:00:00Z\","
    "\"credentialSubject\":{\"id\":\"%s#list\",\"type\":\"BitstringStatusList\","
    "\"statusPurpose\":\"revocation\",\"encodedList\":\"%s\"}}",
    url, issuer, url, list);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  g_autofree char *method = rosette_key_dup_did_key_method (t->key, &error);
  char *text;

  g_assert_no_error (error);
  if (g_strcmp0 (proof, "di") == 0)
    {
      text = test_verify_sign_di (t, node);
    }
  else if (g_strcmp0 (proof, "jwt") == 0)
    {
      json_object_set_string_member (json_node_get_object (node), "iss", issuer);
      text = rosette_jws_sign_json (t->key, method, FALSE, node, &error);
      g_assert_no_error (error);
    }
  else
    {
      text = g_steal_pointer (&json);
    }
  return g_bytes_new_take (text, strlen (text));
}

/* @list with its encodedList swapped for one with bit @revoked set, the
 * proof left as it was: someone between the issuer and the verifier. */
static inline GBytes *
status_list_tamper (GBytes *list,
                    guint   revoked)
{
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (list, NULL), NULL);
  JsonObject *subject = json_object_get_object_member (json_node_get_object (node), "credentialSubject");
  g_autofree char *other = encoded_list (revoked);
  char *text;

  json_object_set_string_member (subject, "encodedList", other);
  text = test_verify_node_to_string (node);
  return g_bytes_new_take (text, strlen (text));
}

/* Serves @text at @path (before the first request for it). */
static inline void
status_server_serve (StatusServer *s,
                     const char   *path,
                     const char   *text)
{
  g_hash_table_insert (s->lists, g_strdup (path), g_bytes_new (text, strlen (text)));
}

/* An OB 2.0 hosted badge on a loopback server at @base: the assertion
 * (for @email, salted and hashed) at @base/ob2/assertions/@name, naming
 * the BadgeClass at @badge_path, whose issuer profile (with a publicKey
 * and a revocationList) is at @base/ob2/issuer. Returns the assertion's
 * JSON text, which the caller serves at its address. */
static inline char *
test_verify_hosted_assertion (const char *base,
                              const char *name,
                              const char *badge_path,
                              const char *email)
{
  g_autofree char *salted = g_strconcat (email, "deadsea", NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, salted, -1);

  return g_strdup_printf (
    "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
    "\"id\":\"%s/ob2/assertions/%s\","
    "\"recipient\":{\"type\":\"email\",\"hashed\":true,\"salt\":\"deadsea\","
    "\"identity\":\"sha256$%s\"},"
    "\"badge\":\"%s%s\",\"verification\":{\"type\":\"hosted\"},"
    "\"issuedOn\":\"2026-01-01T00:00:00Z\"}",
    base, name, hash, base, badge_path);
}

/* The BadgeClass and issuer documents test_verify_hosted_assertion()
 * names, served by @s at @base; @revoked is an assertion name the
 * issuer's revocation list holds. */
static inline void
test_verify_serve_hosted_issuer (StatusServer *s,
                                 const char   *base,
                                 const char   *revoked)
{
  g_autofree char *badge = g_strdup_printf (
    "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\","
    "\"id\":\"%s/ob2/badge\",\"name\":\"Data Privacy\",\"description\":\"Handles data with care.\","
    "\"image\":\"%s/ob2/badge.png\",\"criteria\":{\"narrative\":\"Passed the course.\"},"
    "\"issuer\":\"%s/ob2/issuer\"}", base, base, base);
  g_autofree char *issuer = g_strdup_printf (
    "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\","
    "\"id\":\"%s/ob2/issuer\",\"name\":\"Acme Ltd\",\"url\":\"https://acme.example\","
    "\"email\":\"badges@acme.example\",\"publicKey\":\"%s/ob2/key\","
    "\"revocationList\":\"%s/ob2/revocations\"}", base, base, base);
  g_autofree char *key = g_strdup_printf (
    "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"CryptographicKey\","
    "\"id\":\"%s/ob2/key\",\"owner\":\"%s/ob2/issuer\","
    "\"publicKeyPem\":\"-----BEGIN PUBLIC KEY-----\\n-----END PUBLIC KEY-----\\n\"}", base, base);
  g_autofree char *revocations = g_strdup_printf (
    "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"RevocationList\","
    "\"id\":\"%s/ob2/revocations\",\"issuer\":\"%s/ob2/issuer\","
    "\"revokedAssertions\":[{\"id\":\"%s/ob2/assertions/%s\",\"revocationReason\":\"Issued in error\"}]}",
    base, base, base, revoked);

  status_server_serve (s, "/ob2/badge", badge);
  status_server_serve (s, "/ob2/issuer", issuer);
  status_server_serve (s, "/ob2/key", key);
  status_server_serve (s, "/ob2/revocations", revocations);
}

/* Records @credential (for @email) in @registry as issued now by @t's
 * issuer, the way issuing does; returns its row, with its status list
 * and position. */
static inline RosetteIssuedRecord *
test_verify_record_issued (TestIssuing       *t,
                           RosetteRegistry   *registry,
                           RosetteCredential *credential,
                           const char        *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *identifier = rosette_issuer_dup_identifier_for_key (t->issuer, t->record, NULL);
  gint64 issuer_id;
  RosetteRecipientData person = { email, NULL, NULL, NULL, NULL, NULL };
  RosetteIssuanceRequest request = {
    .issuance_key = rosette_credential_get_id (credential), .batch_id = "b",
    .credential_id = rosette_credential_get_id (credential), .valid_from = now,
    .proof_type = "vc-jwt", .now = now,
  };
  RosetteIssuedRecord *record;

  g_assert_nonnull (identifier);
  /* As with did:key when another key signs (P-256 for VC-JWT, an older
   * key): the issuer is recorded under one identifier, and the row keeps
   * the one its credential carries. */
  request.issuer_identifier = identifier;
  issuer_id = rosette_registry_upsert_issuer (registry, "did:key:zRecordedUnderAnotherKey",
                                              rosette_issuer_get_name (t->issuer), NULL, &error);
  g_assert_no_error (error);
  request.achievement_id = rosette_registry_upsert_achievement (registry, issuer_id, "privacy", "Data Privacy",
                                                                "gold", "Gold", NULL, NULL, &error);
  g_assert_no_error (error);
  request.recipient_id = rosette_registry_upsert_recipient (registry, &person, &error);
  g_assert_no_error (error);
  record = rosette_registry_reserve_issuance (registry, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rosette_registry_record_issued (registry, request.credential_id, NULL, now, &error));
  g_assert_no_error (error);
  return record;
}

/* Points @credential's status at @record's list under @base (as
 * rosette_status_list_dup_url() names it) and position. */
static inline void
test_verify_set_recorded_status (RosetteCredential   *credential,
                                 const char          *base,
                                 RosetteIssuedRecord *record)
{
  g_autofree char *url = g_strdup_printf ("%s/status/%" G_GINT64_FORMAT ".json", base,
                                          rosette_issued_record_get_status_list_id (record));

  rosette_credential_set_status (credential, url, rosette_issued_record_get_status_index (record));
}
