/* rosette-context-loader.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The JSON-LD document loader of Rosette: it never touches the network.
 * Each context Rosette knows is pinned by its exact URL and by the SHA-256
 * of its bytes (as VC Data Integrity §2.4 lists them); the bytes come from
 * the GResource compiled into the core (so an uninstalled CLI or test
 * works) or, failing that, from the installed data directory. Any other
 * URL, or bytes whose hash differs, is an error: a credential whose
 * contexts are not pinned cannot be canonicalized, so it cannot be signed
 * or verified.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-context-loader.h"
#include "rosette-contexts-resources.h"
#include "rosette-error.h"

#define RESOURCE_PREFIX "/io/github/rosette/Rosette/core/contexts/"
/* Processed contexts kept per loader; a document uses a handful. */
#define MAX_CACHED_CONTEXTS 512

typedef struct
{
  const char *url;
  const char *file;
  const char *sha256;
  RosetteContextLoaderFlags needs;
} PinnedContext;

/* Sources: data/contexts/SOURCE.md and data/contexts/SOURCE-pinned.md. */
static const PinnedContext pinned_contexts[] = {
  { "https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld",
    "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734", 0 },
  { "https://www.w3.org/2018/credentials/v1", "credentials-v1.jsonld",
    "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc", 0 },
  { "https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld",
    "67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4", 0 },
  { "https://w3id.org/security/data-integrity/v1", "data-integrity-v1.jsonld",
    "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554", 0 },
  { "https://w3id.org/security/multikey/v1", "multikey-v1.jsonld",
    "ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597", 0 },
  { "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json",
    "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761", 0 },
  { "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob-v3p0-context-3.0.2.json",
    "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53", 0 },
  { "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob-v3p0-context-3.0.1.json",
    "d582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355", 0 },
  { "https://purl.imsglobal.org/spec/ob/v3p0/context.json", "ob-v3p0-context.json",
    "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10", 0 },
  { "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json",
    "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3", 0 },
  { "https://www.w3.org/ns/credentials/examples/v2", "credentials-examples-v2.jsonld",
    "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c",
    ROSETTE_CONTEXT_LOADER_EXAMPLES },
};

typedef struct
{
  gpointer       value;
  GBoxedCopyFunc ref;
  GDestroyNotify unref;
} CacheEntry;

struct _RosetteContextLoader
{
  GObject parent_instance;

  RosetteContextLoaderFlags flags;
  GMutex      lock;
  GHashTable *documents;   /* url -> JsonNode (parsed, never freed before the loader) */
  GHashTable *cache;       /* key -> CacheEntry */
};

G_DEFINE_FINAL_TYPE (RosetteContextLoader, rosette_context_loader, G_TYPE_OBJECT)

static void
cache_entry_free (CacheEntry *entry)
{
  entry->unref (entry->value);
  g_free (entry);
}

static void
rosette_context_loader_finalize (GObject *object)
{
  RosetteContextLoader *self = ROSETTE_CONTEXT_LOADER (object);

  /* Cached contexts point into the documents: drop them first. */
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rosette_context_loader_parent_class)->finalize (object);
}

static void
rosette_context_loader_class_init (RosetteContextLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rosette_context_loader_finalize;
}

static void
rosette_context_loader_init (RosetteContextLoader *self)
{
  g_mutex_init (&self->lock);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) json_node_unref);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) cache_entry_free);
}

/**
 * rosette_context_loader_new:
 * @flags: which optional contexts to allow
 *
 * Returns: (transfer full): a loader with its own cache
 */
RosetteContextLoader *
rosette_context_loader_new (RosetteContextLoaderFlags flags)
{
  RosetteContextLoader *self = g_object_new (ROSETTE_TYPE_CONTEXT_LOADER, NULL);

  self->flags = flags;
  return self;
}

/**
 * rosette_context_loader_get_default:
 *
 * The loader for the production set of pinned contexts, shared by every
 * thread for the life of the process.
 *
 * Returns: (transfer none): the default loader
 */
RosetteContextLoader *
rosette_context_loader_get_default (void)
{
  static RosetteContextLoader *loader;

  if (g_once_init_enter (&loader))
    g_once_init_leave (&loader, rosette_context_loader_new (ROSETTE_CONTEXT_LOADER_NONE));
  return loader;
}

static const PinnedContext *
find_pinned (RosetteContextLoader *self,
             const char           *url)
{
  for (guint i = 0; i < G_N_ELEMENTS (pinned_contexts); i++)
    if (strcmp (pinned_contexts[i].url, url) == 0 &&
        (pinned_contexts[i].needs & ~self->flags) == 0)
      return &pinned_contexts[i];
  return NULL;
}

/**
 * rosette_context_loader_is_pinned:
 * @self: a loader
 * @url: a context URL
 *
 * Returns: whether @url is one of the contexts @self serves
 */
gboolean
rosette_context_loader_is_pinned (RosetteContextLoader *self,
                                  const char           *url)
{
  g_return_val_if_fail (ROSETTE_IS_CONTEXT_LOADER (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  return find_pinned (self, url) != NULL;
}

/**
 * rosette_context_loader_list_urls:
 * @self: a loader
 *
 * Returns: (transfer full): the URLs @self serves
 */
char **
rosette_context_loader_list_urls (RosetteContextLoader *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ROSETTE_IS_CONTEXT_LOADER (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pinned_contexts); i++)
    if ((pinned_contexts[i].needs & ~self->flags) == 0)
      g_strv_builder_add (builder, pinned_contexts[i].url);
  return g_strv_builder_end (builder);
}

/* The generated resource getter initialises the resource on first use
 * without a lock (g_static_resource_init()), and contexts are now read
 * lazily, from whichever signing or verifying thread needs one first:
 * initialise it exactly once. */
static GResource *
contexts_resource (void)
{
  static GResource *resource;

  if (g_once_init_enter (&resource))
    g_once_init_leave (&resource, rosette_contexts_get_resource ());
  return resource;
}

static GBytes *
read_pinned_bytes (const PinnedContext *pinned)
{
  g_autofree char *resource_path = g_strconcat (RESOURCE_PREFIX, pinned->file, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GBytes *bytes;
  gsize length;

  bytes = g_resource_lookup_data (contexts_resource (), resource_path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    return bytes;

  path = g_build_filename (PKGDATADIR, "contexts", pinned->file, NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL) || length > ROSETTE_CONTEXT_MAX_SIZE)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * rosette_context_loader_dup_bytes:
 * @self: a loader
 * @url: a context URL
 * @error: return location for a #GError
 *
 * The exact bytes of a pinned context, checked against their SHA-256.
 *
 * Returns: (transfer full): the bytes, or %NULL with
 *   %ROSETTE_ERROR_UNKNOWN_CONTEXT (not pinned) or %ROSETTE_ERROR_INVALID
 *   (the stored copy was altered)
 */
GBytes *
rosette_context_loader_dup_bytes (RosetteContextLoader  *self,
                                  const char            *url,
                                  GError               **error)
{
  const PinnedContext *pinned;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (ROSETTE_IS_CONTEXT_LOADER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  pinned = find_pinned (self, url);
  if (pinned == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNKNOWN_CONTEXT,
                   _("The JSON-LD context “%s” is not one Rosette knows; it is never fetched"),
                   url);
      return NULL;
    }

  bytes = read_pinned_bytes (pinned);
  if (bytes != NULL)
    digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (bytes == NULL || strcmp (digest, pinned->sha256) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The stored copy of the JSON-LD context “%s” is missing or altered"),
                   url);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/**
 * rosette_context_loader_load:
 * @self: a loader
 * @url: a context URL, compared exactly
 * @error: return location for a #GError
 *
 * Parses a pinned context document once and keeps it.
 *
 * Returns: (transfer none): the document's root, valid as long as @self
 */
JsonNode *
rosette_context_loader_load (RosetteContextLoader  *self,
                             const char            *url,
                             GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *document;

  g_return_val_if_fail (ROSETTE_IS_CONTEXT_LOADER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  g_mutex_lock (&self->lock);
  document = g_hash_table_lookup (self->documents, url);
  g_mutex_unlock (&self->lock);
  if (document != NULL)
    return document;

  bytes = rosette_context_loader_dup_bytes (self, url, error);
  if (bytes == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The stored copy of the JSON-LD context “%s” is not a JSON object"), url);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  document = g_hash_table_lookup (self->documents, url);
  if (document == NULL)
    {
      document = json_node_ref (json_parser_get_root (parser));
      g_hash_table_insert (self->documents, g_strdup (url), document);
    }
  g_mutex_unlock (&self->lock);
  return document;
}

gpointer
_rosette_context_loader_cache_lookup (RosetteContextLoader *self,
                                      const char           *key)
{
  CacheEntry *entry;
  gpointer value = NULL;

  g_mutex_lock (&self->lock);
  entry = g_hash_table_lookup (self->cache, key);
  if (entry != NULL)
    value = entry->ref (entry->value);
  g_mutex_unlock (&self->lock);
  return value;
}

void
_rosette_context_loader_cache_insert (RosetteContextLoader *self,
                                      const char           *key,
                                      gpointer              value,
                                      GBoxedCopyFunc        ref,
                                      GDestroyNotify        unref)
{
  g_mutex_lock (&self->lock);
  if (g_hash_table_size (self->cache) < MAX_CACHED_CONTEXTS &&
      !g_hash_table_contains (self->cache, key))
    {
      CacheEntry *entry = g_new (CacheEntry, 1);

      entry->value = ref (value);
      entry->ref = ref;
      entry->unref = unref;
      g_hash_table_insert (self->cache, g_strdup (key), entry);
    }
  g_mutex_unlock (&self->lock);
}
