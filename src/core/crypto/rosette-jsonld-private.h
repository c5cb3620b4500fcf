/* rosette-jsonld-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the pieces of the JSON-LD processor share: active contexts and
 * term definitions, the per-call processor state, and the internal
 * functions of each part:
 *
 *   rosette-jsonld.c          contexts, errors, string helpers, public API
 *   rosette-jsonld-iri.c      IRI and value expansion, term definitions
 *                             (§4.2, §5.2, §5.3)
 *   rosette-jsonld-context.c  context processing (§4.1)
 *   rosette-jsonld-expand.c   expansion (§5.1)
 *   rosette-jsonld-rdf.c      JCS for @json literals, and toRdf (§7)
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-context-loader.h"
#include "rosette-jsonld.h"

G_BEGIN_DECLS

/* Active contexts (§4.1) */

enum
{
  CONTAINER_SET      = 1 << 0,
  CONTAINER_LIST     = 1 << 1,
  CONTAINER_GRAPH    = 1 << 2,
  CONTAINER_LANGUAGE = 1 << 3,
  CONTAINER_INDEX    = 1 << 4,
  CONTAINER_ID       = 1 << 5,
  CONTAINER_TYPE     = 1 << 6,
};

typedef struct
{
  char     *iri;            /* NULL: the term is defined as null */
  char     *type;           /* type mapping, or NULL */
  guint     container;
  gboolean  has_language;
  char     *language;
  gboolean  has_direction;
  char     *direction;
  JsonNode *context;        /* scoped context, or NULL */
  char     *base_url;
  gboolean  context_pinned; /* the scoped context lives in the loader */
  gboolean  is_protected;
  gboolean  prefix;
} TermDef;

typedef struct _Ctx Ctx;

struct _Ctx
{
  GHashTable *terms;        /* term -> TermDef */
  char       *base;
  gboolean    has_base;     /* @base given (possibly null) */
  char       *vocab;
  char       *language;
  char       *direction;
  Ctx        *previous;
  gboolean    has_protected;
  char       *key;          /* cache key, or NULL when not cacheable */
};

typedef struct
{
  RosetteContextLoader *loader;
  RosetteJsonldFlags    flags;
  const char           *base;
  guint                 work;
} Processor;

/* The local context whose terms are being defined (IRI expansion may
 * define a term it depends on first, §4.2). */
typedef struct
{
  JsonObject *local;
  GHashTable *defined;
  const char *base_url;
  gboolean    protected_default;
  gboolean    override_protected;
  gboolean    pinned;
} LocalDefs;

/* Term definitions and contexts are immutable once built and shared
 * between contexts (and threads, through the loader's cache). */
TermDef *
_rosette_jsonld_term_def_ref (TermDef *def);

void
_rosette_jsonld_term_def_unref (TermDef *def);

Ctx *
_rosette_jsonld_ctx_new (void);

void
_rosette_jsonld_ctx_unref (Ctx *ctx);

Ctx *
_rosette_jsonld_ctx_clone (const Ctx *ctx);

gboolean
_rosette_jsonld_fail (GError     **error,
                      int          code,
                      const char  *format,
                      ...) G_GNUC_PRINTF (3, 4);

gboolean
_rosette_jsonld_unsafe_drop (Processor   *p,
                             GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

gboolean
_rosette_jsonld_spend (Processor  *p,
                       GError    **error);

gboolean
_rosette_jsonld_is_keyword (const char *s);

gboolean
_rosette_jsonld_has_keyword_form (const char *s);

gboolean
_rosette_jsonld_is_absolute_iri (const char *s);

gboolean
_rosette_jsonld_ends_with_gen_delim (const char *s);

char *
_rosette_jsonld_resolve_iri (const char *base,
                             const char *value);

GList *
_rosette_jsonld_sorted_members (JsonObject *object);

int
_rosette_jsonld_compare_strings (gconstpointer a,
                                 gconstpointer b);

gboolean
_rosette_jsonld_json_equal (JsonNode *a,
                            JsonNode *b);

JsonNode *
_rosette_jsonld_array_node_take (JsonArray *array);

JsonArray *
_rosette_jsonld_as_array_take (JsonNode *node);

gboolean
_rosette_jsonld_expand_iri (Processor   *p,
                            Ctx         *active,
                            const char  *value,
                            gboolean     document_relative,
                            gboolean     vocab,
                            LocalDefs   *locals,
                            char       **out,
                            GError     **error);

gboolean
_rosette_jsonld_expand_value (Processor   *p,
                              Ctx         *active,
                              const char  *active_property,
                              JsonNode    *value,
                              JsonNode   **out,
                              GError     **error);

gboolean
_rosette_jsonld_create_term_definition (Processor   *p,
                                        Ctx         *active,
                                        JsonObject  *local,
                                        const char  *term,
                                        GHashTable  *defined,
                                        const char  *base_url,
                                        gboolean     protected_default,
                                        gboolean     override_protected,
                                        gboolean     pinned,
                                        GError     **error);

Ctx *
_rosette_jsonld_process_context (Processor   *p,
                                 Ctx         *active,
                                 JsonNode    *local,
                                 const char  *base_url,
                                 gboolean     override_protected,
                                 gboolean     propagate,
                                 gboolean     pinned,
                                 guint        depth,
                                 GError     **error);

gboolean
_rosette_jsonld_expand_element (Processor   *p,
                                Ctx         *active,
                                const char  *active_property,
                                JsonNode    *element,
                                gboolean     from_map,
                                gboolean     inside_list,
                                guint        depth,
                                JsonNode   **out,
                                GError     **error);

Ctx *
_rosette_jsonld_root_context (const char *base);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TermDef, _rosette_jsonld_term_def_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ctx, _rosette_jsonld_ctx_unref)

static inline Ctx *
ctx_ref (Ctx *ctx)
{
  return g_atomic_rc_box_acquire (ctx);
}

static inline TermDef *
ctx_lookup (const Ctx  *ctx,
            const char *term)
{
  return term != NULL ? g_hash_table_lookup (ctx->terms, term) : NULL;
}

static inline gboolean
is_blank_node_id (const char *s)
{
  return s != NULL && s[0] == '_' && s[1] == ':';
}

static inline const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static inline gboolean
node_is_scalar (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node);
}

static inline gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

G_END_DECLS
