/* rosette-verifier.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The verifier: file → container → credential → checks → report. The
 * container is recognised from the bytes (PNG signature, SVG root, a
 * JSON object, a compact JWS), never from the file name; the format from
 * the credential (its contexts, its proof). Everything read is bounded
 * (file, chunk and payload sizes in baking/, JSON depth here), so no
 * input crashes, hangs or exhausts memory. The options (recipient,
 * offline, a trusted key, the clock) are properties so the Verify page
 * can bind them; the CLI uses the _sync call, the page the _async one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-baking.h"
#include "rosette-context-loader.h"
#include "rosette-credential.h"
#include "rosette-error.h"
#include "rosette-jsonld-terms.h"
#include "rosette-jws.h"
#include "rosette-utils.h"
#include "rosette-verify-private.h"

struct _RosetteVerifier
{
  GObject     parent_instance;
  char       *recipient;
  gboolean    offline;
  RosetteKey *trusted_key;
  GDateTime  *now;
  gboolean    allow_loopback;
  char       *cache_dir;
  RosetteRegistry *registry;
  GHashTable *key_cache;
  GMutex      key_cache_lock;
};

G_DEFINE_FINAL_TYPE (RosetteVerifier, rosette_verifier, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RECIPIENT,
  PROP_OFFLINE,
  PROP_TRUSTED_KEY,
  PROP_NOW,
  PROP_ALLOW_LOOPBACK,
  PROP_CACHE_DIR,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rosette_verifier_finalize (GObject *object)
{
  RosetteVerifier *self = (RosetteVerifier *) object;

  g_clear_pointer (&self->recipient, g_free);
  g_clear_object (&self->trusted_key);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->key_cache, g_hash_table_unref);
  g_mutex_clear (&self->key_cache_lock);

  G_OBJECT_CLASS (rosette_verifier_parent_class)->finalize (object);
}

static void
rosette_verifier_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RosetteVerifier *self = ROSETTE_VERIFIER (object);

  switch (prop_id)
    {
    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_TRUSTED_KEY:
      g_value_set_object (value, self->trusted_key);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    case PROP_ALLOW_LOOPBACK:
      g_value_set_boolean (value, self->allow_loopback);
      break;
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verifier_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RosetteVerifier *self = ROSETTE_VERIFIER (object);

  switch (prop_id)
    {
    case PROP_RECIPIENT:
      rosette_verifier_set_recipient (self, g_value_get_string (value));
      break;
    case PROP_OFFLINE:
      rosette_verifier_set_offline (self, g_value_get_boolean (value));
      break;
    case PROP_TRUSTED_KEY:
      rosette_verifier_set_trusted_key (self, g_value_get_object (value));
      break;
    case PROP_NOW:
      rosette_verifier_set_now (self, g_value_get_boxed (value));
      break;
    case PROP_ALLOW_LOOPBACK:
      rosette_verifier_set_allow_loopback (self, g_value_get_boolean (value));
      break;
    case PROP_CACHE_DIR:
      rosette_verifier_set_cache_dir (self, g_value_get_string (value));
      break;
    case PROP_REGISTRY:
      rosette_verifier_set_registry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_verifier_class_init (RosetteVerifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rosette_verifier_finalize;
  object_class->get_property = rosette_verifier_get_property;
  object_class->set_property = rosette_verifier_set_property;

  /**
   * RosetteVerifier:recipient:
   *
   * The email address to compare with the badge's recipient, or %NULL.
   */
  properties[PROP_RECIPIENT] = g_param_spec_string ("recipient", NULL, NULL, NULL, rw);
  /**
   * RosetteVerifier:offline:
   *
   * Whether to fetch nothing; checks that need the network are then
   * "not checked" and the verdict at best "Could not fully verify".
   */
  properties[PROP_OFFLINE] = g_param_spec_boolean ("offline", NULL, NULL, FALSE, rw);
  /**
   * RosetteVerifier:trusted-key:
   *
   * A public key the user vouches for as the issuer's (`--key`).
   */
  properties[PROP_TRUSTED_KEY] = g_param_spec_object ("trusted-key", NULL, NULL,
                                                      ROSETTE_TYPE_KEY, rw);
  /**
   * RosetteVerifier:now:
   *
   * The time to check validity against; %NULL for the current time.
   */
  properties[PROP_NOW] = g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME, rw);
  /**
   * RosetteVerifier:allow-loopback:
   *
   * Whether plain http on the loopback interface may be fetched: for the
   * tests' local server only.
   */
  properties[PROP_ALLOW_LOOPBACK] = g_param_spec_boolean ("allow-loopback", NULL, NULL, FALSE, rw);
  /**
   * RosetteVerifier:cache-dir:
   *
   * Where fetched documents are kept for a few minutes; %NULL for
   * $XDG_CACHE_HOME/rosette/verify, "" for no cache.
   */
  properties[PROP_CACHE_DIR] = g_param_spec_string ("cache-dir", NULL, NULL, NULL, rw);
  /**
   * RosetteVerifier:registry:
   *
   * The registry of badges issued on this computer, or %NULL. Read only:
   * when a badge's status list cannot be fetched and the registry holds
   * the badge (same list and position), its revocation state decides.
   * A list that was fetched always wins.
   */
  properties[PROP_REGISTRY] = g_param_spec_object ("registry", NULL, NULL,
                                                   ROSETTE_TYPE_REGISTRY, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_verifier_init (RosetteVerifier *self)
{
  self->key_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_mutex_init (&self->key_cache_lock);
}

RosetteVerifier *
rosette_verifier_new (void)
{
  return g_object_new (ROSETTE_TYPE_VERIFIER, NULL);
}

const char *
rosette_verifier_get_recipient (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  return self->recipient;
}

void
rosette_verifier_set_recipient (RosetteVerifier *self,
                                const char      *email)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));

  if (g_strcmp0 (self->recipient, email) == 0)
    return;
  g_free (self->recipient);
  self->recipient = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT]);
}

gboolean
rosette_verifier_get_offline (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), FALSE);
  return self->offline;
}

void
rosette_verifier_set_offline (RosetteVerifier *self,
                              gboolean         offline)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));

  offline = !!offline;
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

RosetteKey *
rosette_verifier_get_trusted_key (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  return self->trusted_key;
}

void
rosette_verifier_set_trusted_key (RosetteVerifier *self,
                                  RosetteKey      *key)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));
  g_return_if_fail (key == NULL || ROSETTE_IS_KEY (key));

  if (g_set_object (&self->trusted_key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUSTED_KEY]);
}

/**
 * rosette_verifier_load_trusted_key:
 * @pem_or_jwk: an SPKI PEM ("-----BEGIN PUBLIC KEY-----") or a public JWK
 * @error: return location for a #GError
 *
 * Reads the key `rosette-cli verify --key` names and trusts it.
 *
 * Returns: %TRUE on success; else %ROSETTE_ERROR_PARSE or
 *   %ROSETTE_ERROR_INVALID (also for a JWK with a private part)
 */
gboolean
rosette_verifier_load_trusted_key (RosetteVerifier  *self,
                                   GBytes           *pem_or_jwk,
                                   GError          **error)
{
  g_autoptr(RosetteKey) key = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), FALSE);
  g_return_val_if_fail (pem_or_jwk != NULL, FALSE);

  data = g_bytes_get_data (pem_or_jwk, &length);
  text = g_strstrip (g_strndup (data, MIN (length, 64 * 1024)));
  if (text[0] == '{')
    {
      g_autoptr(JsonNode) root = _rosette_verify_parse_json (text, strlen (text), error);

      if (root == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (root) || json_object_has_member (json_node_get_object (root), "d"))
        {
          g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                               _("The key file must hold a public JWK (without a private part)"));
          return FALSE;
        }
      key = rosette_key_new_from_jwk (json_node_get_object (root), error);
    }
  else if (g_str_has_prefix (text, "-----BEGIN PUBLIC KEY-----"))
    {
      key = rosette_key_new_from_public_pem (text, error);
    }
  else if (text[0] == 'z')
    {
      key = _rosette_verify_key_from_multikey (text, error);
    }
  else
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                           _("The key file is neither a PEM public key nor a JWK"));
      return FALSE;
    }
  if (key == NULL)
    return FALSE;
  rosette_verifier_set_trusted_key (self, key);
  return TRUE;
}

GDateTime *
rosette_verifier_get_now (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  return self->now;
}

void
rosette_verifier_set_now (RosetteVerifier *self,
                          GDateTime       *now)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));

  if (self->now == now)
    return;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

gboolean
rosette_verifier_get_allow_loopback (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), FALSE);
  return self->allow_loopback;
}

void
rosette_verifier_set_allow_loopback (RosetteVerifier *self,
                                     gboolean         allow)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));

  allow = !!allow;
  if (self->allow_loopback == allow)
    return;
  self->allow_loopback = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_LOOPBACK]);
}

const char *
rosette_verifier_get_cache_dir (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  return self->cache_dir;
}

void
rosette_verifier_set_cache_dir (RosetteVerifier *self,
                                const char      *directory)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));

  if (g_strcmp0 (self->cache_dir, directory) == 0)
    return;
  g_free (self->cache_dir);
  self->cache_dir = g_strdup (directory);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_DIR]);
}

RosetteRegistry *
rosette_verifier_get_registry (RosetteVerifier *self)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  return self->registry;
}

/**
 * rosette_verifier_set_registry:
 * @registry: (nullable): the registry of badges issued on this computer
 *
 * See #RosetteVerifier:registry. The registry is only read.
 */
void
rosette_verifier_set_registry (RosetteVerifier *self,
                               RosetteRegistry *registry)
{
  g_return_if_fail (ROSETTE_IS_VERIFIER (self));
  g_return_if_fail (registry == NULL || ROSETTE_IS_REGISTRY (registry));

  if (g_set_object (&self->registry, registry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRY]);
}

/* One pinned context's "@context" object, parsed the first time a
 * credential lists it and kept for the life of the process: compiled in,
 * or (the OB 2.0 context) from the data folder. NULL for a context
 * Rosette does not ship. A one-badge run parses only what it uses. */
static JsonObject *
pinned_context (const char *url)
{
  static GMutex lock;
  static GHashTable *parsed;   /* url → JsonObject (never freed), or NULL */
  static GHashTable *files;    /* the data folder's, loaded with the first miss */
  static gboolean files_loaded;
  JsonObject *context = NULL;

  g_mutex_lock (&lock);
  if (parsed == NULL)
    parsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (parsed, url, NULL, (gpointer *) &context))
    {
      JsonNode *document = rosette_context_loader_load (rosette_context_loader_get_default (), url, NULL);

      context = document != NULL && JSON_NODE_HOLDS_OBJECT (document)
        ? _rosette_verify_object_member (json_node_get_object (document), "@context") : NULL;
      if (context == NULL && !files_loaded)
        {
          files = rosette_jsonld_load_contexts (NULL, NULL);
          files_loaded = TRUE;
        }
      if (context == NULL && files != NULL)
        context = g_hash_table_lookup (files, url);
      g_hash_table_insert (parsed, g_strdup (url), context);
    }
  g_mutex_unlock (&lock);
  return context;
}

/**
 * _rosette_verify_contexts_for:
 * @credential: a credential
 *
 * The term table for rosette_jsonld_check_terms(): the pinned contexts
 * @credential lists (a context Rosette does not ship is left out, and the
 * term check then names it). Keys are borrowed from @credential, values
 * from the process-wide cache, so nothing shared is reference-counted.
 *
 * Returns: (transfer full): url → JsonObject
 */
GHashTable *
_rosette_verify_contexts_for (JsonObject *credential)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *context = json_object_get_member (credential, "@context");
  JsonArray *array = context != NULL && JSON_NODE_HOLDS_ARRAY (context) ? json_node_get_array (context) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : context != NULL ? 1 : 0;

  for (guint i = 0; i < n && i < 16; i++)
    {
      JsonNode *item = array != NULL ? json_array_get_element (array, i) : context;
      const char *url = JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
        ? json_node_get_string (item) : NULL;
      JsonObject *object = url != NULL ? pinned_context (url) : NULL;

      if (object != NULL)
        g_hash_table_insert (table, (gpointer) url, object);
    }
  return table;
}

static void
verify_run_clear (VerifyRun *run)
{
  g_clear_object (&run->report);
  g_clear_pointer (&run->fetcher, _rosette_verify_fetcher_free);
  g_clear_pointer (&run->now, g_date_time_unref);
  g_clear_pointer (&run->cache_dir, g_free);
  g_clear_pointer (&run->jws, g_free);
  g_clear_pointer (&run->jws_header, json_object_unref);
  g_clear_pointer (&run->root, json_node_unref);
  g_clear_pointer (&run->issuer_id, g_free);
  g_clear_pointer (&run->ob2_badge, json_object_unref);
  g_clear_pointer (&run->ob2_profile, json_object_unref);
  g_clear_pointer (&run->hosted_url, g_free);
  g_clear_pointer (&run->key_controller, g_free);
  g_clear_pointer (&run->key_location, g_free);
  g_clear_pointer (&run->issuer_resolved_note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VerifyRun, verify_run_clear)

static void
fail (VerifyRun              *run,
      RosetteVerifyCheckKind  kind,
      const char             *explanation)
{
  _rosette_verify_report_set_check (run->report, kind, ROSETTE_VERIFY_STATE_FAILED, TRUE,
                                    explanation);
}

static gboolean
is_jws_text (const char *text,
             gsize       length)
{
  guint dots = 0;

  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '.')
        dots++;
      else if (!(g_ascii_isalnum (c) || c == '-' || c == '_'))
        return FALSE;
    }
  return dots == 2;
}

/* Container: finds the credential text in @data; NULL after failing the
 * check (the input is then unusable). */
static char *
read_container (VerifyRun *run,
                GBytes    *data)
{
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RosetteImageFormat image = rosette_image_sniff (data);
  RosetteBadgeVersion version = ROSETTE_BADGE_VERSION_OB3;
  const char *explanation;
  gsize length;
  const char *bytes;

  if (g_bytes_get_size (data) > ROSETTE_BAKING_MAX_FILE_SIZE)
    {
      g_autofree char *why = g_strdup_printf (_("The file is larger than %d MB; no badge is that "
                                                "large."), ROSETTE_BAKING_MAX_FILE_SIZE >> 20);
      fail (run, ROSETTE_VERIFY_CHECK_CONTAINER, why);
      return NULL;
    }

  if (image != ROSETTE_IMAGE_FORMAT_UNKNOWN)
    {
      payload = rosette_baked_extract (data, &version, &error);
      if (payload == NULL)
        {
          g_autofree char *why = NULL;

          if (g_error_matches (error, ROSETTE_ERROR, ROSETTE_ERROR_NO_CREDENTIAL))
            why = g_strdup_printf (_("This image carries no Open Badge: %s"), error->message);
          else
            why = g_strdup_printf (_("The image is damaged or unsafe to read: %s"), error->message);
          fail (run, ROSETTE_VERIFY_CHECK_CONTAINER, why);
          return NULL;
        }
      _rosette_verify_report_set_image (run->report, data,
                                        image == ROSETTE_IMAGE_FORMAT_PNG ? "image/png" : "image/svg+xml");
      if (image == ROSETTE_IMAGE_FORMAT_PNG)
        explanation = version == ROSETTE_BADGE_VERSION_OB2
          ? _("A PNG image with one Open Badges 2.0 assertion baked in.")
          : _("A PNG image with one Open Badges 3.0 credential baked in.");
      else
        explanation = version == ROSETTE_BADGE_VERSION_OB2
          ? _("An SVG image with one Open Badges 2.0 assertion baked in.")
          : _("An SVG image with one Open Badges 3.0 credential baked in.");
      bytes = g_bytes_get_data (payload, &length);
    }
  else
    {
      bytes = g_bytes_get_data (data, &length);
      explanation = NULL;
    }

  /* Strip a UTF-8 BOM and surrounding white space. */
  if (length >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
    {
      bytes += 3;
      length -= 3;
    }
  while (length > 0 && g_ascii_isspace (bytes[0]))
    bytes++, length--;
  while (length > 0 && g_ascii_isspace (bytes[length - 1]))
    length--;

  if (length > ROSETTE_BAKING_MAX_PAYLOAD_SIZE && image == ROSETTE_IMAGE_FORMAT_UNKNOWN)
    {
      fail (run, ROSETTE_VERIFY_CHECK_CONTAINER, _("The credential is larger than any badge should be."));
      return NULL;
    }
  if (length == 0 || memchr (bytes, '\0', length) != NULL)
    {
      fail (run, ROSETTE_VERIFY_CHECK_CONTAINER,
            _("This file is not a badge: it is not a PNG or SVG image, JSON or a signed credential."));
      return NULL;
    }
  text = g_strndup (bytes, length);

  if (text[0] == '{')
    {
      if (explanation == NULL)
        explanation = _("A JSON file.");
    }
  else if (is_jws_text (text, length))
    {
      if (explanation == NULL)
        explanation = _("A signed credential (compact JWS).");
    }
  else if (image != ROSETTE_IMAGE_FORMAT_UNKNOWN && version == ROSETTE_BADGE_VERSION_OB2 &&
           (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://")))
    {
      /* A pre-2013 baker wrote only the hosted assertion's address. */
      run->hosted_url = g_steal_pointer (&text);
      explanation = _("An image with the address of an Open Badges 2.0 assertion baked in.");
    }
  else
    {
      fail (run, ROSETTE_VERIFY_CHECK_CONTAINER,
            image != ROSETTE_IMAGE_FORMAT_UNKNOWN
              ? _("The image carries something that is neither a credential nor a signed credential.")
              : _("This file is not a badge: it is not a PNG or SVG image, JSON or a signed credential."));
      return NULL;
    }

  _rosette_verify_report_set_check (run->report, ROSETTE_VERIFY_CHECK_CONTAINER,
                                    ROSETTE_VERIFY_STATE_PASSED, TRUE, explanation);
  return text != NULL ? g_steal_pointer (&text) : g_strdup (run->hosted_url);
}

/* A legacy baked URL: the assertion is on the issuer's server. */
static char *
fetch_hosted_text (VerifyRun *run)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  if (run->offline)
    {
      _rosette_verify_report_set_check (run->report, ROSETTE_VERIFY_CHECK_JSON,
                                        ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE,
                                        _("The badge is only the address of an assertion on the "
                                          "issuer’s server, and Rosette is offline."));
      return NULL;
    }
  body = _rosette_verify_run_fetch (run, run->hosted_url, "application/ld+json, application/json",
                                    &status, &error);
  if (body == NULL || status != 200)
    {
      g_autofree char *why = g_strdup_printf (_("The assertion at %s could not be fetched."),
                                              run->hosted_url);
      _rosette_verify_report_set_check (run->report, ROSETTE_VERIFY_CHECK_JSON,
                                        ROSETTE_VERIFY_STATE_NOT_CHECKED, TRUE, why);
      return NULL;
    }
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static RosetteVerifyFormat
detect_format (VerifyRun *run)
{
  JsonObject *c = run->credential;
  JsonNode *context = json_object_get_member (c, "@context");
  JsonNode *first = context;
  JsonObject *verification = _rosette_verify_object_member (c, "verification");
  const char *first_url;

  if (verification == NULL)
    verification = _rosette_verify_object_member (c, "verify");
  if (context != NULL && JSON_NODE_HOLDS_ARRAY (context) &&
      json_array_get_length (json_node_get_array (context)) > 0)
    first = json_array_get_element (json_node_get_array (context), 0);
  first_url = first != NULL && JSON_NODE_HOLDS_VALUE (first) &&
              json_node_get_value_type (first) == G_TYPE_STRING ? json_node_get_string (first) : NULL;

  if (g_strcmp0 (first_url, ROSETTE_CONTEXT_OB_V2) == 0 ||
      g_str_has_prefix (first_url != NULL ? first_url : "", "https://w3id.org/openbadges/") ||
      _rosette_verify_has_type (json_object_get_member (c, "type"), "Assertion"))
    {
      run->ob2 = TRUE;
      if (run->jws != NULL ||
          g_strcmp0 (_rosette_verify_string_member (verification, "type"), "SignedBadge") == 0 ||
          g_strcmp0 (_rosette_verify_string_member (verification, "type"), "signed") == 0)
        return ROSETTE_VERIFY_FORMAT_OB2_SIGNED;
      return ROSETTE_VERIFY_FORMAT_OB2_HOSTED;
    }
  if (g_strcmp0 (first_url, ROSETTE_CONTEXT_CREDENTIALS_V1) == 0)
    {
      run->vcdm11 = TRUE;
      return ROSETTE_VERIFY_FORMAT_VCDM11_OB3;
    }
  if (run->jws != NULL)
    return ROSETTE_VERIFY_FORMAT_OB3_VC_JWT;
  if (json_object_has_member (c, "proof"))
    return ROSETTE_VERIFY_FORMAT_OB3_DATA_INTEGRITY;
  return ROSETTE_VERIFY_FORMAT_OB3_UNSIGNED;
}

/* JSON: parses the credential (the payload of a JWS), bounded. */
static gboolean
read_json (VerifyRun  *run,
           const char *text)
{
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;
  const char *json = text;
  gsize length = strlen (text);

  if (text[0] != '{')
    {
      if (!rosette_jws_decode (text, &run->jws_header, &payload, &error))
        {
          g_autofree char *why = g_strdup_printf (_("The signed credential cannot be read: %s"),
                                                  error->message);
          fail (run, ROSETTE_VERIFY_CHECK_JSON, why);
          return FALSE;
        }
      run->jws = g_strdup (text);
      json = g_bytes_get_data (payload, &length);
    }

  run->root = _rosette_verify_parse_json (json, length, &error);
  if (run->root == NULL)
    {
      fail (run, ROSETTE_VERIFY_CHECK_JSON, error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (run->root))
    {
      fail (run, ROSETTE_VERIFY_CHECK_JSON, _("The credential is JSON, but not a JSON object."));
      return FALSE;
    }

  run->credential = json_node_get_object (run->root);
  if (run->jws != NULL)
    {
      JsonObject *vc = _rosette_verify_object_member (run->credential, "vc");

      run->claims = run->credential;
      if (vc != NULL)
        run->credential = vc;
    }
  _rosette_verify_report_set_credential (run->report,
                                         run->claims != NULL && run->credential != run->claims
                                           ? json_object_get_member (run->claims, "vc") : run->root);
  _rosette_verify_report_set_check (run->report, ROSETTE_VERIFY_CHECK_JSON,
                                    ROSETTE_VERIFY_STATE_PASSED, TRUE,
                                    _("The credential is well-formed JSON within Rosette’s limits."));
  return TRUE;
}

static const char *
criteria_text (JsonNode *criteria)
{
  if (criteria != NULL && JSON_NODE_HOLDS_OBJECT (criteria))
    {
      const char *narrative = _rosette_verify_string_member (json_node_get_object (criteria), "narrative");

      return narrative != NULL ? narrative : _rosette_verify_node_id (criteria);
    }
  return _rosette_verify_node_id (criteria);
}

/* What the page shows beside the checks; OB 2.0 documents given by URL
 * are fetched (online) for their names. */
static void
read_summary (VerifyRun *run)
{
  JsonObject *c = run->credential;
  JsonObject *achievement;
  JsonObject *issuer;
  const char *tier = NULL;

  if (run->ob2)
    {
      JsonNode *badge = json_object_get_member (c, "badge");

      if (badge != NULL && JSON_NODE_HOLDS_OBJECT (badge))
        run->ob2_badge = json_object_ref (json_node_get_object (badge));
      else if (!run->offline && _rosette_verify_node_id (badge) != NULL)
        {
          g_autoptr(GBytes) body = NULL;
          g_autoptr(JsonNode) node = NULL;
          guint status = 0;

          body = _rosette_verify_run_fetch (run, _rosette_verify_node_id (badge), "application/ld+json, application/json", &status, NULL);
          if (body != NULL && status == 200)
            node = _rosette_verify_parse_json (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
            run->ob2_badge = json_object_ref (json_node_get_object (node));
        }
      achievement = run->ob2_badge;
      if (achievement != NULL)
        {
          JsonNode *issuer_node = json_object_get_member (achievement, "issuer");

          run->issuer_id = g_strdup (_rosette_verify_node_id (issuer_node));
          if (issuer_node != NULL && JSON_NODE_HOLDS_OBJECT (issuer_node))
            run->ob2_profile = json_object_ref (json_node_get_object (issuer_node));
          else if (!run->offline && run->issuer_id != NULL)
            {
              g_autoptr(GBytes) body = NULL;
              g_autoptr(JsonNode) node = NULL;
              guint status = 0;

              body = _rosette_verify_run_fetch (run, run->issuer_id, "application/ld+json, application/json", &status, NULL);
              if (body != NULL && status == 200)
                node = _rosette_verify_parse_json (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
              if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
                run->ob2_profile = json_object_ref (json_node_get_object (node));
            }
        }
      issuer = run->ob2_profile;
    }
  else
    {
      JsonObject *subject = _rosette_verify_object_member (c, "credentialSubject");
      JsonNode *results = subject != NULL ? json_object_get_member (subject, "result") : NULL;

      achievement = _rosette_verify_object_member (subject, "achievement");
      issuer = _rosette_verify_object_member (c, "issuer");
      run->issuer_id = g_strdup (_rosette_verify_node_id (json_object_get_member (c, "issuer")));
      /* Rosette puts the tier in a Result (see rosette-achievement.c). */
      if (results != NULL && JSON_NODE_HOLDS_ARRAY (results) &&
          json_array_get_length (json_node_get_array (results)) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (results), 0)))
        tier = _rosette_verify_string_member (json_node_get_object (json_array_get_element (json_node_get_array (results), 0)), "value");

      /* An embedded data: image, for JSON and JWS files. */
      if (rosette_verify_report_get_image (run->report) == NULL && achievement != NULL)
        {
          const char *image = _rosette_verify_node_id (json_object_get_member (achievement, "image"));
          g_autofree char *type = NULL;
          g_autoptr(GBytes) bytes = NULL;

          if (image != NULL && g_str_has_prefix (image, "data:image/"))
            bytes = soup_uri_decode_data_uri (image, &type);
          if (bytes != NULL && (g_strcmp0 (type, "image/png") == 0 || g_strcmp0 (type, "image/svg+xml") == 0))
            _rosette_verify_report_set_image (run->report, bytes, type);
        }
    }

  _rosette_verify_report_set_summary (run->report,
                                      _rosette_verify_string_member (achievement, "name"),
                                      tier,
                                      achievement != NULL ? criteria_text (json_object_get_member (achievement, "criteria")) : NULL,
                                      _rosette_verify_string_member (issuer, "name"),
                                      run->issuer_id);
}

/* The issuer's name, when the issuer is an embedded profile. */
static const char *
issuer_name_of (JsonObject *credential)
{
  return _rosette_verify_string_member (_rosette_verify_object_member (credential, "issuer"), "name");
}

/**
 * _rosette_verify_nested:
 * @parent: the verification of the credential that embeds or names this one
 * @credential: (nullable): the nested credential as JSON
 * @text: (nullable): or its text (JSON or a compact JWS), when @credential is %NULL
 * @trust_key: whether the key the user trusted for @parent's issuer applies
 *   (a status list by the same issuer; never an endorsement by someone else)
 * @issuer_id: (out) (optional): the nested credential's issuer
 * @issuer_name: (out) (optional): its name, when given
 * @explanation: (out): a sentence on what was found
 *
 * Checks the proof of a credential met while verifying another one, and
 * who made it, with @parent's settings (offline, clock, network) but a
 * report of its own: the same code as for a badge, so a status list or an
 * endorsement is held to the same rules.
 *
 * Returns: %ROSETTE_VERIFY_STATE_PASSED when both the proof and the issuer
 *   were verified, FAILED when either failed, NOT_CHECKED otherwise
 */
RosetteVerifyState
_rosette_verify_nested (VerifyRun   *parent,
                        JsonNode    *credential,
                        const char  *text,
                        gboolean     trust_key,
                        char       **issuer_id,
                        char       **issuer_name,
                        char       **explanation)
{
  g_auto(VerifyRun) run = { 0, };
  RosetteVerifyCheck *proof;
  RosetteVerifyCheck *issuer;
  RosetteVerifyState state;

  g_return_val_if_fail ((credential != NULL) != (text != NULL), ROSETTE_VERIFY_STATE_NOT_CHECKED);

  run.report = _rosette_verify_report_new ();
  run.cancellable = parent->cancellable;
  run.now = g_date_time_ref (parent->now);
  run.trusted_key = trust_key ? parent->trusted_key : NULL;
  run.offline = parent->offline;
  run.allow_loopback = parent->allow_loopback;
  run.key_cache = parent->key_cache;
  run.key_cache_lock = parent->key_cache_lock;
  run.cache_dir = g_strdup (parent->cache_dir);
  /* The parent's connection and cache are lent, and taken back below. */
  run.fetcher = g_steal_pointer (&parent->fetcher);

  if (text != NULL)
    {
      if (!read_json (&run, text))
        {
          parent->fetcher = g_steal_pointer (&run.fetcher);
          *explanation = g_strdup (rosette_verify_check_get_explanation (
            rosette_verify_report_get_check (run.report, ROSETTE_VERIFY_CHECK_JSON)));
          return ROSETTE_VERIFY_STATE_NOT_CHECKED;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (credential))
    {
      run.root = json_node_ref (credential);
      run.credential = json_node_get_object (run.root);
    }
  else
    {
      parent->fetcher = g_steal_pointer (&run.fetcher);
      *explanation = g_strdup (_("It is not a JSON object."));
      return ROSETTE_VERIFY_STATE_FAILED;
    }

  run.format = detect_format (&run);
  run.issuer_id = g_strdup (_rosette_verify_node_id (json_object_get_member (run.credential, "issuer")));
  _rosette_verify_check_proof (&run);
  _rosette_verify_check_issuer (&run);
  parent->fetcher = g_steal_pointer (&run.fetcher);

  proof = rosette_verify_report_get_check (run.report, ROSETTE_VERIFY_CHECK_PROOF);
  issuer = rosette_verify_report_get_check (run.report, ROSETTE_VERIFY_CHECK_ISSUER);
  if (rosette_verify_check_get_state (proof) != ROSETTE_VERIFY_STATE_PASSED)
    {
      state = rosette_verify_check_get_state (proof);
      *explanation = g_strdup (rosette_verify_check_get_explanation (proof));
    }
  else
    {
      state = rosette_verify_check_get_state (issuer);
      *explanation = g_strdup (rosette_verify_check_get_explanation (
        state == ROSETTE_VERIFY_STATE_PASSED ? proof : issuer));
    }
  if (issuer_id != NULL)
    *issuer_id = g_strdup (run.issuer_id);
  if (issuer_name != NULL)
    *issuer_name = g_strdup (issuer_name_of (run.credential));
  return state;
}

static RosetteVerifyReport *
verify_bytes (RosetteVerifier *self,
              GBytes          *data,
              GCancellable    *cancellable,
              GError         **error)
{
  g_auto(VerifyRun) run = { 0, };
  g_autofree char *text = NULL;
  const char *cache_home;

  run.report = _rosette_verify_report_new ();
  run.cancellable = cancellable;
  run.now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  run.recipient = self->recipient;
  run.trusted_key = self->trusted_key;
  run.offline = self->offline;
  run.allow_loopback = self->allow_loopback;
  run.registry = self->registry;
  run.key_cache = self->key_cache;
  run.key_cache_lock = &self->key_cache_lock;
  cache_home = g_get_user_cache_dir ();
  if (self->cache_dir == NULL)
    run.cache_dir = g_build_filename (cache_home, "rosette", "verify", NULL);
  else if (*self->cache_dir != '\0')
    run.cache_dir = g_strdup (self->cache_dir);

  text = read_container (&run, data);
  if (text != NULL && run.hosted_url != NULL)
    {
      g_free (text);
      text = fetch_hosted_text (&run);
      if (text == NULL)
        goto done;
      if (text[0] != '{')
        {
          fail (&run, ROSETTE_VERIFY_CHECK_JSON, _("The issuer’s server did not answer with JSON."));
          goto done;
        }
    }
  if (text == NULL || !read_json (&run, text))
    {
      _rosette_verify_report_set_usable (run.report, FALSE);
      goto done;
    }

  run.format = detect_format (&run);
  _rosette_verify_report_set_format (run.report, run.format);
  read_summary (&run);

  _rosette_verify_check_structure (&run);
  _rosette_verify_check_schema (&run);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  _rosette_verify_check_proof (&run);
  _rosette_verify_check_issuer (&run);
  _rosette_verify_check_validity (&run);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  _rosette_verify_check_revocation (&run);
  _rosette_verify_check_recipient (&run);
  _rosette_verify_check_endorsement (&run);
  _rosette_verify_check_refresh (&run);

done:
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  _rosette_verify_report_skip_rest (run.report,
                                    _("Not checked: the file holds no credential that can be read."));
  _rosette_verify_report_finish (run.report);
  return g_steal_pointer (&run.report);
}

/**
 * rosette_verifier_verify_bytes_sync:
 * @data: the contents of a badge file (PNG, SVG, JSON or a compact JWS)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Verifies a badge; may block on the network unless #RosetteVerifier:offline.
 *
 * Returns: (transfer full): the report (also for an unusable input: see
 *   rosette_verify_report_get_usable()), or %NULL only when cancelled
 */
RosetteVerifyReport *
rosette_verifier_verify_bytes_sync (RosetteVerifier  *self,
                                    GBytes           *data,
                                    GCancellable     *cancellable,
                                    GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return verify_bytes (self, data, cancellable, error);
}

/**
 * rosette_verifier_verify_file_sync:
 * @file: a badge file
 *
 * Reads @file (at most %ROSETTE_BAKING_MAX_FILE_SIZE) and verifies it.
 *
 * Returns: (transfer full): the report with its source name set, or
 *   %NULL when @file cannot be read (%ROSETTE_ERROR_IO,
 *   %ROSETTE_ERROR_TOO_LARGE) or when cancelled
 */
RosetteVerifyReport *
rosette_verifier_verify_file_sync (RosetteVerifier  *self,
                                   GFile            *file,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;
  RosetteVerifyReport *report;

  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = rosette_load_file_bounded (file, ROSETTE_BAKING_MAX_FILE_SIZE, cancellable, error);
  if (data == NULL)
    return NULL;
  report = verify_bytes (self, data, cancellable, error);
  if (report != NULL)
    {
      name = g_file_get_parse_name (file);
      rosette_verify_report_set_source_name (report, name);
    }
  return report;
}

static void
verify_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  RosetteVerifier *self = source_object;
  GError *error = NULL;
  RosetteVerifyReport *report;

  report = rosette_verifier_verify_file_sync (self, G_FILE (task_data), cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * rosette_verifier_verify_file_async:
 *
 * Verifies @file in a worker thread. Do not change @self's properties
 * until @callback runs.
 */
void
rosette_verifier_verify_file_async (RosetteVerifier     *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROSETTE_IS_VERIFIER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_verifier_verify_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, verify_file_thread);
}

RosetteVerifyReport *
rosette_verifier_verify_file_finish (RosetteVerifier  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_VERIFIER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rosette_verifier_verify_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rosette_verify_file_sync:
 * @file: a badge file
 * @recipient: (nullable): the email address to check against
 * @offline: whether to fetch nothing
 *
 * A one-call form of rosette_verifier_verify_file_sync().
 *
 * Returns: (transfer full): the report, or %NULL
 */
RosetteVerifyReport *
rosette_verify_file_sync (GFile         *file,
                          const char    *recipient,
                          gboolean       offline,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(RosetteVerifier) verifier = rosette_verifier_new ();

  rosette_verifier_set_recipient (verifier, recipient);
  rosette_verifier_set_offline (verifier, offline);
  return rosette_verifier_verify_file_sync (verifier, file, cancellable, error);
}
