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
 *   rosette-jsonld-iri.c      IRI expansion, term definitions (§4.2, §5.2)
 *   rosette-jsonld-context.c  context processing (§4.1)
 *   rosette-jsonld-expand.c   expansion and value expansion (§5.1, §5.3)
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
  const char **type_aliases; /* see _rosette_jsonld_ctx_type_aliases() */
};

typedef struct _LdArena LdArena;

typedef struct
{
  RosetteContextLoader *loader;
  RosetteJsonldFlags    flags;
  const char           *base;
  guint                 work;
  LdArena              *arena;  /* where expansion builds its tree */
  JsonObject           *root;   /* the document's top-level object */
  const char           *skip;   /* a member of @root to leave out, or NULL */
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

const char * const *
_rosette_jsonld_ctx_type_aliases (Ctx *ctx);

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

typedef struct
{
  const char *name;
  JsonNode   *value;
} LdMember;

LdMember *
_rosette_jsonld_sorted_members (JsonObject *object);

int
_rosette_jsonld_compare_strings (gconstpointer a,
                                 gconstpointer b);

gboolean
_rosette_jsonld_json_equal (JsonNode *a,
                            JsonNode *b);

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

/* Expanded form (§5.1) as expansion builds it and toRdf reads it: a
 * compact tree in an arena rather than JSON objects (which cost a hash
 * table per map), freed at once when toRdf is done. An item is either
 * an array (LD_ARRAY, which only exists between steps and is flattened
 * into its parent) or a map whose keywords are flagged in @keys and
 * whose other entries are @properties, in the order they were added.
 * Scalars are borrowed from the document, which outlives the tree. */
typedef struct _LdBlock LdBlock;

struct _LdArena
{
  LdBlock *blocks;
  char    *next;
  gsize    left;
};

gpointer
_rosette_jsonld_arena_alloc0 (LdArena *arena,
                              gsize    size);

char *
_rosette_jsonld_arena_strdup (LdArena    *arena,
                              const char *s);

void
_rosette_jsonld_arena_clear (LdArena *arena);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LdArena, _rosette_jsonld_arena_clear)

/* A growable array in an arena. */
typedef struct
{
  gpointer *data;
  guint     len;
  guint     size;
} LdVec;

void
_rosette_jsonld_vec_add (LdArena  *arena,
                         LdVec    *vec,
                         gpointer  item);

#define ld_vec_index(vec, i) ((vec)->data[(i)])

enum
{
  LD_ARRAY         = 1 << 0,
  LD_HAS_ID        = 1 << 1,
  LD_HAS_TYPE      = 1 << 2,
  LD_HAS_VALUE     = 1 << 3,
  LD_HAS_LANGUAGE  = 1 << 4,
  LD_HAS_DIRECTION = 1 << 5,
  LD_HAS_INDEX     = 1 << 6,
  LD_HAS_LIST      = 1 << 7,
  LD_HAS_SET       = 1 << 8,
  LD_HAS_GRAPH     = 1 << 9,
  LD_HAS_INCLUDED  = 1 << 10,
};

typedef struct _LdItem LdItem;

typedef struct
{
  const char *iri;
  LdVec       values;     /* LdItem */
} LdProperty;

struct _LdItem
{
  guint       keys;
  LdVec       items;      /* LD_ARRAY: the elements (LdItem) */
  const char *id;         /* @id; NULL when it was null */
  LdVec       types;      /* @type: IRIs */
  JsonNode   *value;      /* @value */
  const char *language;
  const char *direction;
  const char *index;
  LdItem     *content;    /* @list (always an array) or @set */
  LdVec       graph;      /* @graph (LdItem) */
  LdVec       included;   /* @included (LdItem) */
  LdVec       properties; /* LdProperty */
};

/* A value object's single type (§5.1.2 step 15), or NULL. */
static inline const char *
ld_value_type (const LdItem *item)
{
  return item->types.len == 1 ? ld_vec_index (&item->types, 0) : NULL;
}

/* rosette_jsonld_to_rdf(), as if @document's top-level object had no
 * member @skip (a signed credential without its "proof"). */
GPtrArray *
_rosette_jsonld_to_rdf_without (JsonNode              *document,
                                const char            *skip,
                                RosetteContextLoader  *loader,
                                const char            *base,
                                RosetteJsonldFlags     flags,
                                GError               **error);

/* The whole document: an array item, or NULL with @error set. */
LdItem *
_rosette_jsonld_expand_document (Processor  *p,
                                 JsonNode   *document,
                                 GError    **error);

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

/* Many JSON-LD entries hold one item or an array of them: how many
 * items @node holds, and the one at @i. */
static inline guint
node_n_items (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 1;
}

static inline JsonNode *
node_item (JsonNode *node,
           guint     i)
{
  return JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_element (json_node_get_array (node), i)
                                      : node;
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
