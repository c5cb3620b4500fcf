/* rosette-jsonld.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * JSON-LD 1.1 expansion and conversion to RDF (W3C JSON-LD 1.1
 * Processing Algorithms and API, §4.1 Context Processing, §5.1 Expansion,
 * §7.1/7.2 Node Map and Deserialize JSON-LD to RDF), for the features the
 * pinned contexts use: protected, type-scoped and property-scoped
 * contexts, @vocab, compact IRIs, @id/@vocab/datatype coercion, @json
 * literals (JCS, RFC 8785), containers @set/@list/@graph/@language, and
 * @included. Anything else (@reverse, @nest, @import, index/id/type maps)
 * is refused, never half-done.
 *
 * Contexts come only from a RosetteContextLoader (pinned, never fetched).
 * Safe mode, as in @digitalbazaar/data-integrity: whatever plain JSON-LD
 * would silently drop — an undefined term, a relative IRI, an empty or
 * free-floating object — is an error naming what was dropped, because a
 * signature over a document with dropped parts would not cover them.
 *
 * Processed contexts that depend only on pinned inputs are cached in the
 * loader, so a batch of credentials pays for context processing once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld.h"
#include "rosette-rdfc.h"

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

/* Term definitions and contexts are immutable once built and shared
 * between contexts (and threads, through the loader's cache). */
static void
term_def_clear (TermDef *def)
{
  g_free (def->iri);
  g_free (def->type);
  g_free (def->language);
  g_free (def->direction);
  g_clear_pointer (&def->context, json_node_unref);
  g_free (def->base_url);
}

static TermDef *
term_def_ref (TermDef *def)
{
  return g_atomic_rc_box_acquire (def);
}

static void
term_def_unref (TermDef *def)
{
  if (def != NULL)
    g_atomic_rc_box_release_full (def, (GDestroyNotify) term_def_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TermDef, term_def_unref)

static void ctx_unref (Ctx *ctx);

static void
ctx_clear (Ctx *ctx)
{
  g_hash_table_unref (ctx->terms);
  g_free (ctx->base);
  g_free (ctx->vocab);
  g_free (ctx->language);
  g_free (ctx->direction);
  g_clear_pointer (&ctx->previous, ctx_unref);
  g_free (ctx->key);
}

static Ctx *
ctx_new (void)
{
  Ctx *ctx = g_atomic_rc_box_new0 (Ctx);

  ctx->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) term_def_unref);
  return ctx;
}

static Ctx *
ctx_ref (Ctx *ctx)
{
  return g_atomic_rc_box_acquire (ctx);
}

static void
ctx_unref (Ctx *ctx)
{
  if (ctx != NULL)
    g_atomic_rc_box_release_full (ctx, (GDestroyNotify) ctx_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ctx, ctx_unref)

static Ctx *
ctx_clone (const Ctx *ctx)
{
  Ctx *copy = ctx_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ctx->terms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->terms, g_strdup (key), term_def_ref (value));
  copy->base = g_strdup (ctx->base);
  copy->has_base = ctx->has_base;
  copy->vocab = g_strdup (ctx->vocab);
  copy->language = g_strdup (ctx->language);
  copy->direction = g_strdup (ctx->direction);
  copy->previous = ctx->previous != NULL ? ctx_ref (ctx->previous) : NULL;
  copy->has_protected = ctx->has_protected;
  return copy;
}

static TermDef *
ctx_lookup (const Ctx  *ctx,
            const char *term)
{
  return term != NULL ? g_hash_table_lookup (ctx->terms, term) : NULL;
}

/* Errors */

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;

  if (error != NULL && *error != NULL)
    return FALSE;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (ROSETTE_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* A JSON-LD "warning" that safe mode turns into an error: returns TRUE to
 * carry on (dropping the thing) in unsafe mode. */
static gboolean
unsafe_drop (Processor   *p,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
unsafe_drop (Processor   *p,
             GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  if (p->flags & ROSETTE_JSONLD_UNSAFE)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (ROSETTE_ERROR, ROSETTE_ERROR_UNDEFINED_TERM, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
spend (Processor  *p,
       GError    **error)
{
  if (++p->work <= ROSETTE_JSONLD_MAX_WORK)
    return TRUE;
  return fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
               _("This document is too complex to process safely"));
}

/* Strings */

static const char * const keywords[] = {
  "@base", "@container", "@context", "@direction", "@graph", "@id", "@import",
  "@included", "@index", "@json", "@language", "@list", "@nest", "@none",
  "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
  "@value", "@version", "@vocab",
};

static gboolean
is_keyword (const char *s)
{
  if (s == NULL || s[0] != '@')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strcmp (s, keywords[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "@" followed by ASCII letters only: reserved for future keywords. */
static gboolean
has_keyword_form (const char *s)
{
  if (s == NULL || s[0] != '@' || s[1] == '\0')
    return FALSE;
  for (const char *c = s + 1; *c != '\0'; c++)
    if (!g_ascii_isalpha (*c))
      return FALSE;
  return TRUE;
}

/* As jsonld.js: a scheme (or "_") then ':' and no whitespace. */
static gboolean
is_absolute_iri (const char *s)
{
  const char *c = s;

  if (s == NULL)
    return FALSE;
  if (c[0] == '_' && c[1] == ':')
    c += 1;
  else if (g_ascii_isalpha (*c))
    {
      while (g_ascii_isalnum (*c) || *c == '+' || *c == '-' || *c == '.')
        c++;
    }
  else
    return FALSE;
  if (*c != ':')
    return FALSE;
  for (; *c != '\0'; c++)
    if (g_ascii_isspace (*c))
      return FALSE;
  return TRUE;
}

static gboolean
is_blank_node_id (const char *s)
{
  return s != NULL && s[0] == '_' && s[1] == ':';
}

static gboolean
ends_with_gen_delim (const char *s)
{
  gsize n = strlen (s);

  return n > 0 && strchr (":/?#[]@", s[n - 1]) != NULL;
}

static char *
resolve_iri (const char *base,
             const char *value)
{
  g_autoptr(GError) local_error = NULL;
  char *resolved;

  if (base == NULL)
    return g_strdup (value);
  resolved = g_uri_resolve_relative (base, value, G_URI_FLAGS_NONE, &local_error);
  return resolved != NULL ? resolved : g_strdup (value);
}

static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
node_is_scalar (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Object members sorted by key: the algorithms walk keys in order. */
static GList *
sorted_members (JsonObject *object)
{
  return g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* JSON deep equality, objects compared regardless of member order. */
static gboolean
json_equal (JsonNode *a,
            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
      return json_node_equal (a, b);
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          if (!json_equal (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (json_object_get_size (x) != json_object_get_size (y))
          return FALSE;
        json_object_iter_init (&iter, x);
        while (json_object_iter_next (&iter, &name, &member))
          if (!json_object_has_member (y, name) ||
              !json_equal (member, json_object_get_member (y, name)))
            return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* IRI expansion (§5.2) and term definitions (§4.2) */

static gboolean create_term_definition (Processor   *p,
                                        Ctx         *active,
                                        JsonObject  *local,
                                        const char  *term,
                                        GHashTable  *defined,
                                        const char  *base_url,
                                        gboolean     protected_default,
                                        gboolean     override_protected,
                                        gboolean     pinned,
                                        GError     **error);

typedef struct
{
  JsonObject *local;
  GHashTable *defined;
  const char *base_url;
  gboolean    protected_default;
  gboolean    override_protected;
  gboolean    pinned;
} LocalDefs;

/* Expands @value; *out is NULL when the value maps to null. */
static gboolean
expand_iri (Processor   *p,
            Ctx         *active,
            const char  *value,
            gboolean     document_relative,
            gboolean     vocab,
            LocalDefs   *locals,
            char       **out,
            GError     **error)
{
  const char *colon;
  TermDef *def;

  *out = NULL;
  if (value == NULL)
    return TRUE;
  if (is_keyword (value))
    {
      *out = g_strdup (value);
      return TRUE;
    }
  if (has_keyword_form (value))
    return TRUE;

  if (locals != NULL && json_object_has_member (locals->local, value) &&
      GPOINTER_TO_INT (g_hash_table_lookup (locals->defined, value)) != 2 &&
      !create_term_definition (p, active, locals->local, value, locals->defined,
                               locals->base_url, locals->protected_default,
                               locals->override_protected, locals->pinned, error))
    return FALSE;

  def = ctx_lookup (active, value);
  if (def != NULL && def->iri != NULL && is_keyword (def->iri))
    {
      *out = g_strdup (def->iri);
      return TRUE;
    }
  if (vocab && def != NULL)
    {
      *out = g_strdup (def->iri);
      return TRUE;
    }

  colon = strchr (value, ':');
  if (colon != NULL && colon != value)
    {
      g_autofree char *prefix = g_strndup (value, colon - value);
      const char *suffix = colon + 1;
      TermDef *prefix_def;

      if (strcmp (prefix, "_") == 0 || g_str_has_prefix (suffix, "//"))
        {
          *out = g_strdup (value);
          return TRUE;
        }
      if (locals != NULL && json_object_has_member (locals->local, prefix) &&
          GPOINTER_TO_INT (g_hash_table_lookup (locals->defined, prefix)) != 2 &&
          !create_term_definition (p, active, locals->local, prefix, locals->defined,
                                   locals->base_url, locals->protected_default,
                                   locals->override_protected, locals->pinned, error))
        return FALSE;
      prefix_def = ctx_lookup (active, prefix);
      if (prefix_def != NULL && prefix_def->iri != NULL && prefix_def->prefix)
        {
          *out = g_strconcat (prefix_def->iri, suffix, NULL);
          return TRUE;
        }
      if (is_absolute_iri (value))
        {
          *out = g_strdup (value);
          return TRUE;
        }
    }

  if (vocab && active->vocab != NULL)
    *out = g_strconcat (active->vocab, value, NULL);
  else if (document_relative)
    *out = resolve_iri (active->has_base ? active->base : p->base, value);
  else
    *out = g_strdup (value);
  return TRUE;
}

static gboolean
term_defs_equal (const TermDef *a,
                 const TermDef *b)
{
  return g_strcmp0 (a->iri, b->iri) == 0 &&
         g_strcmp0 (a->type, b->type) == 0 &&
         a->container == b->container &&
         a->has_language == b->has_language &&
         g_strcmp0 (a->language, b->language) == 0 &&
         a->has_direction == b->has_direction &&
         g_strcmp0 (a->direction, b->direction) == 0 &&
         a->prefix == b->prefix &&
         json_equal (a->context, b->context);
}

static gboolean
parse_container (JsonNode  *node,
                 guint     *container)
{
  static const struct { const char *name; guint bit; } names[] = {
    { "@set", CONTAINER_SET }, { "@list", CONTAINER_LIST },
    { "@graph", CONTAINER_GRAPH }, { "@language", CONTAINER_LANGUAGE },
    { "@index", CONTAINER_INDEX }, { "@id", CONTAINER_ID },
    { "@type", CONTAINER_TYPE },
  };
  JsonArray *array = NULL;
  guint n = 1;

  *container = 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      n = json_array_get_length (array);
    }
  for (guint i = 0; i < n; i++)
    {
      const char *value = node_string (array != NULL ? json_array_get_element (array, i) : node);
      gboolean found = FALSE;

      for (guint k = 0; value != NULL && k < G_N_ELEMENTS (names); k++)
        if (strcmp (value, names[k].name) == 0)
          {
            *container |= names[k].bit;
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  /* @list combines with nothing; the maps are not supported here. */
  if ((*container & CONTAINER_LIST) && *container != CONTAINER_LIST)
    return FALSE;
  return TRUE;
}

static gboolean
create_term_definition (Processor   *p,
                        Ctx         *active,
                        JsonObject  *local,
                        const char  *term,
                        GHashTable  *defined,
                        const char  *base_url,
                        gboolean     protected_default,
                        gboolean     override_protected,
                        gboolean     pinned,
                        GError     **error)
{
  LocalDefs locals = { local, defined, base_url, protected_default, override_protected, pinned };
  g_autoptr(TermDef) def = NULL;
  g_autoptr(TermDef) previous = NULL;
  g_autofree char *stolen_key = NULL;
  JsonNode *value_node;
  JsonObject *value = NULL;
  gboolean simple_term = FALSE;
  int state = GPOINTER_TO_INT (g_hash_table_lookup (defined, term));
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (state == 2)
    return TRUE;
  if (state == 1)
    return fail (error, ROSETTE_ERROR_INVALID,
                 _("The JSON-LD context defines “%s” in terms of itself"), term);
  if (term[0] == '\0')
    return fail (error, ROSETTE_ERROR_INVALID, "%s",
                 _("The JSON-LD context defines an empty term"));
  if (!spend (p, error))
    return FALSE;
  g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (1));

  value_node = json_object_get_member (local, term);

  if (strcmp (term, "@type") == 0 && value_node != NULL && JSON_NODE_HOLDS_OBJECT (value_node))
    {
      /* JSON-LD 1.1 lets only @container: @set and @protected here. */
      JsonObject *object = json_node_get_object (value_node);

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        if (!((strcmp (name, "@container") == 0 && g_strcmp0 (node_string (member), "@set") == 0) ||
              strcmp (name, "@protected") == 0))
          return fail (error, ROSETTE_ERROR_INVALID, "%s",
                       _("The JSON-LD context redefines the keyword “@type”"));
    }
  else if (is_keyword (term))
    {
      return fail (error, ROSETTE_ERROR_INVALID,
                   _("The JSON-LD context redefines the keyword “%s”"), term);
    }
  else if (has_keyword_form (term))
    {
      g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
      return unsafe_drop (p, error, _("The JSON-LD context defines the reserved term “%s”"), term);
    }

  g_hash_table_steal_extended (active->terms, term, (gpointer *) &stolen_key, (gpointer *) &previous);

  def = g_atomic_rc_box_new0 (TermDef);
  def->is_protected = protected_default;

  if (value_node == NULL || JSON_NODE_HOLDS_NULL (value_node))
    {
      /* The term is defined as null: using it is an error in safe mode. */
      def->iri = NULL;
      goto done;
    }
  if (node_string (value_node) != NULL)
    {
      simple_term = TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (value_node))
    {
      value = json_node_get_object (value_node);
    }
  else
    {
      return fail (error, ROSETTE_ERROR_INVALID,
                   _("The JSON-LD context has an invalid definition of “%s”"), term);
    }

  if (value != NULL)
    {
      json_object_iter_init (&iter, value);
      while (json_object_iter_next (&iter, &name, &member))
        {
          static const char * const allowed[] = {
            "@id", "@reverse", "@container", "@context", "@direction", "@index",
            "@language", "@nest", "@prefix", "@protected", "@type",
          };
          gboolean ok = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
            ok |= strcmp (name, allowed[i]) == 0;
          if (!ok)
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid definition of “%s”"), term);
        }
      if (json_object_has_member (value, "@reverse") || json_object_has_member (value, "@nest") ||
          json_object_has_member (value, "@index"))
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context uses a feature Rosette does not support in “%s”"),
                     term);

      if ((member = json_object_get_member (value, "@protected")) != NULL)
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid definition of “%s”"), term);
          def->is_protected = json_node_get_boolean (member);
        }

      if ((member = json_object_get_member (value, "@type")) != NULL)
        {
          g_autofree char *type = NULL;

          if (node_string (member) == NULL ||
              !expand_iri (p, active, node_string (member), FALSE, TRUE, &locals, &type, error))
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid type for “%s”"), term);
          if (type == NULL ||
              (!(strcmp (type, "@id") == 0 || strcmp (type, "@json") == 0 ||
                 strcmp (type, "@none") == 0 || strcmp (type, "@vocab") == 0) &&
               (is_keyword (type) || !is_absolute_iri (type) || is_blank_node_id (type))))
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid type for “%s”"), term);
          def->type = g_steal_pointer (&type);
        }
    }

  member = value != NULL ? json_object_get_member (value, "@id") : value_node;
  if (member != NULL && g_strcmp0 (node_string (member), term) != 0)
    {
      const char *id = node_string (member);

      if (JSON_NODE_HOLDS_NULL (member))
        {
          def->iri = NULL;
          goto done;
        }
      if (id == NULL)
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context maps “%s” to something that is not an IRI"), term);
      if (!is_keyword (id) && has_keyword_form (id))
        {
          g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
          return unsafe_drop (p, error, _("The JSON-LD context maps “%s” to a reserved keyword"),
                              term);
        }
      if (!expand_iri (p, active, id, FALSE, TRUE, &locals, &def->iri, error))
        return FALSE;
      if (def->iri == NULL || strcmp (def->iri, "@context") == 0 ||
          (!is_keyword (def->iri) && !is_absolute_iri (def->iri)))
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context maps “%s” to something that is not an IRI"), term);

      if (strchr (term + 1, ':') != NULL || strchr (term, '/') != NULL)
        {
          g_autofree char *check = NULL;

          g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
          if (!expand_iri (p, active, term, FALSE, TRUE, &locals, &check, error))
            return FALSE;
          if (g_strcmp0 (check, def->iri) != 0)
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context maps “%s” to something that is not an IRI"), term);
        }
      else if (simple_term && (ends_with_gen_delim (def->iri) || is_blank_node_id (def->iri)))
        {
          def->prefix = TRUE;
        }
    }
  else if (strchr (term + 1, ':') != NULL)
    {
      const char *colon = strchr (term + 1, ':');
      g_autofree char *prefix = g_strndup (term, colon - term);
      TermDef *prefix_def;

      if (json_object_has_member (local, prefix) &&
          !create_term_definition (p, active, local, prefix, defined, base_url,
                                   protected_default, override_protected, pinned, error))
        return FALSE;
      prefix_def = ctx_lookup (active, prefix);
      if (prefix_def != NULL && prefix_def->iri != NULL)
        def->iri = g_strconcat (prefix_def->iri, colon + 1, NULL);
      else
        def->iri = g_strdup (term);
    }
  else if (strchr (term, '/') != NULL)
    {
      if (!expand_iri (p, active, term, FALSE, TRUE, &locals, &def->iri, error))
        return FALSE;
      if (def->iri == NULL || !is_absolute_iri (def->iri))
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context maps “%s” to something that is not an IRI"), term);
    }
  else if (strcmp (term, "@type") == 0)
    {
      def->iri = g_strdup ("@type");
    }
  else if (active->vocab != NULL)
    {
      def->iri = g_strconcat (active->vocab, term, NULL);
    }
  else
    {
      return fail (error, ROSETTE_ERROR_INVALID,
                   _("The JSON-LD context cannot map “%s” to an IRI"), term);
    }

  if (value != NULL)
    {
      if ((member = json_object_get_member (value, "@container")) != NULL &&
          !parse_container (member, &def->container))
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context has an unsupported container for “%s”"), term);
      if (def->container & (CONTAINER_INDEX | CONTAINER_ID | CONTAINER_TYPE))
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context has an unsupported container for “%s”"), term);

      if ((member = json_object_get_member (value, "@context")) != NULL)
        {
          def->context = json_node_ref (member);
          def->base_url = g_strdup (base_url);
          def->context_pinned = pinned;
        }

      if ((member = json_object_get_member (value, "@language")) != NULL && def->type == NULL)
        {
          if (!JSON_NODE_HOLDS_NULL (member) && node_string (member) == NULL)
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid language for “%s”"), term);
          def->has_language = TRUE;
          def->language = node_string (member) != NULL
            ? g_ascii_strdown (node_string (member), -1) : NULL;
        }

      if ((member = json_object_get_member (value, "@direction")) != NULL && def->type == NULL)
        {
          const char *direction = node_string (member);

          if (!JSON_NODE_HOLDS_NULL (member) &&
              g_strcmp0 (direction, "ltr") != 0 && g_strcmp0 (direction, "rtl") != 0)
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid direction for “%s”"), term);
          def->has_direction = TRUE;
          def->direction = g_strdup (direction);
        }

      if ((member = json_object_get_member (value, "@prefix")) != NULL)
        {
          if (strchr (term, ':') != NULL || strchr (term, '/') != NULL ||
              !JSON_NODE_HOLDS_VALUE (member) ||
              json_node_get_value_type (member) != G_TYPE_BOOLEAN ||
              (json_node_get_boolean (member) && def->iri != NULL && is_keyword (def->iri)))
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The JSON-LD context has an invalid definition of “%s”"), term);
          def->prefix = json_node_get_boolean (member);
        }
    }

done:
  if (!override_protected && previous != NULL && previous->is_protected)
    {
      if (!term_defs_equal (def, previous))
        return fail (error, ROSETTE_ERROR_INVALID,
                     _("The JSON-LD context redefines the protected term “%s”"), term);
      g_clear_pointer (&def, term_def_unref);
      def = term_def_ref (previous);
    }

  if (def->is_protected)
    active->has_protected = TRUE;
  g_hash_table_insert (active->terms, g_strdup (term), g_steal_pointer (&def));
  g_hash_table_insert (defined, g_strdup (term), GINT_TO_POINTER (2));
  return TRUE;
}

/* Context processing (§4.1) */

static Ctx *process_context (Processor   *p,
                             Ctx         *active,
                             JsonNode    *local,
                             const char  *base_url,
                             gboolean     override_protected,
                             gboolean     propagate,
                             gboolean     pinned,
                             guint        depth,
                             GError     **error);

static void
ctx_clear_protected_state (Ctx *ctx)
{
  GHashTableIter iter;
  gpointer value;

  ctx->has_protected = FALSE;
  g_hash_table_iter_init (&iter, ctx->terms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ctx->has_protected |= ((TermDef *) value)->is_protected;
}

static gboolean
process_context_object (Processor   *p,
                        Ctx         *result,
                        JsonObject  *context,
                        const char  *base_url,
                        gboolean     remote,
                        gboolean     override_protected,
                        gboolean     pinned,
                        GError     **error)
{
  g_autoptr(GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) keys = NULL;
  gboolean protected_default = FALSE;
  JsonNode *member;

  if ((member = json_object_get_member (context, "@version")) != NULL &&
      !(node_is_number (member) && json_node_get_double (member) == 1.1))
    return fail (error, ROSETTE_ERROR_INVALID, "%s",
                 _("The JSON-LD context has an invalid @version"));
  if (json_object_has_member (context, "@import"))
    return fail (error, ROSETTE_ERROR_INVALID, "%s",
                 _("The JSON-LD context uses @import, which Rosette does not support"));

  if ((member = json_object_get_member (context, "@base")) != NULL && !remote)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        {
          g_clear_pointer (&result->base, g_free);
        }
      else if (node_string (member) != NULL)
        {
          const char *base = node_string (member);
          char *resolved;

          if (is_absolute_iri (base))
            resolved = g_strdup (base);
          else
            resolved = resolve_iri (result->has_base ? result->base : p->base, base);
          g_free (result->base);
          result->base = resolved;
        }
      else
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD context has an invalid @base"));
      result->has_base = TRUE;
    }

  if ((member = json_object_get_member (context, "@vocab")) != NULL)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        {
          g_clear_pointer (&result->vocab, g_free);
        }
      else if (node_string (member) != NULL)
        {
          g_autofree char *vocab = NULL;

          if (!expand_iri (p, result, node_string (member), TRUE, TRUE, NULL, &vocab, error))
            return FALSE;
          if (vocab == NULL || (!is_absolute_iri (vocab) && !is_blank_node_id (vocab)))
            {
              if (!unsafe_drop (p, error, _("The JSON-LD context has a relative @vocab “%s”"),
                                node_string (member)))
                return FALSE;
            }
          g_free (result->vocab);
          result->vocab = g_steal_pointer (&vocab);
        }
      else
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD context has an invalid @vocab"));
    }

  if ((member = json_object_get_member (context, "@language")) != NULL)
    {
      if (JSON_NODE_HOLDS_NULL (member))
        g_clear_pointer (&result->language, g_free);
      else if (node_string (member) != NULL)
        {
          g_free (result->language);
          result->language = g_ascii_strdown (node_string (member), -1);
        }
      else
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD context has an invalid @language"));
    }

  if ((member = json_object_get_member (context, "@direction")) != NULL)
    {
      const char *direction = node_string (member);

      if (!JSON_NODE_HOLDS_NULL (member) &&
          g_strcmp0 (direction, "ltr") != 0 && g_strcmp0 (direction, "rtl") != 0)
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD context has an invalid @direction"));
      g_free (result->direction);
      result->direction = g_strdup (direction);
    }

  if ((member = json_object_get_member (context, "@propagate")) != NULL &&
      !(JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN))
    return fail (error, ROSETTE_ERROR_INVALID, "%s",
                 _("The JSON-LD context has an invalid @propagate"));

  if ((member = json_object_get_member (context, "@protected")) != NULL)
    {
      if (!(JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN))
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD context has an invalid @protected"));
      protected_default = json_node_get_boolean (member);
    }

  keys = sorted_members (context);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (strcmp (key, "@base") == 0 || strcmp (key, "@direction") == 0 ||
          strcmp (key, "@import") == 0 || strcmp (key, "@language") == 0 ||
          strcmp (key, "@propagate") == 0 || strcmp (key, "@protected") == 0 ||
          strcmp (key, "@version") == 0 || strcmp (key, "@vocab") == 0)
        continue;
      if (!create_term_definition (p, result, context, key, defined, base_url,
                                   protected_default, override_protected, pinned, error))
        return FALSE;
    }

  return TRUE;
}

/* One entry of a local context; takes ownership of nothing. */
static Ctx *
process_one (Processor   *p,
             Ctx         *result,
             Ctx         *active,
             JsonNode    *item,
             const char  *base_url,
             gboolean     override_protected,
             gboolean     propagate,
             gboolean     pinned,
             guint        depth,
             GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (item))
    {
      Ctx *fresh;

      if (!override_protected && result->has_protected)
        {
          fail (error, ROSETTE_ERROR_INVALID, "%s",
                _("The JSON-LD document clears a context that has protected terms"));
          return NULL;
        }
      fresh = ctx_new ();
      fresh->base = g_strdup (active->base);
      fresh->has_base = active->has_base;
      if (!propagate)
        fresh->previous = ctx_ref (result->previous != NULL ? result->previous : result);
      return fresh;
    }

  if (node_string (item) != NULL)
    {
      const char *url = node_string (item);
      JsonNode *document;
      JsonNode *context;

      if (depth >= ROSETTE_JSONLD_MAX_CONTEXTS)
        {
          fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                _("The JSON-LD document nests too many contexts"));
          return NULL;
        }
      document = rosette_context_loader_load (p->loader, url, error);
      if (document == NULL)
        return NULL;
      context = json_object_get_member (json_node_get_object (document), "@context");
      if (context == NULL || !JSON_NODE_HOLDS_OBJECT (context))
        {
          fail (error, ROSETTE_ERROR_INVALID,
                _("The JSON-LD context “%s” has no @context object"), url);
          return NULL;
        }
      return process_context (p, result, context, url, FALSE, TRUE, TRUE, depth + 1, error);
    }

  if (!JSON_NODE_HOLDS_OBJECT (item))
    {
      fail (error, ROSETTE_ERROR_INVALID, "%s", _("The JSON-LD document has an invalid @context"));
      return NULL;
    }

  result = ctx_clone (result);
  if (!process_context_object (p, result, json_node_get_object (item), base_url,
                               depth > 0 && pinned, override_protected, pinned, error))
    {
      ctx_unref (result);
      return NULL;
    }
  ctx_clear_protected_state (result);
  return result;
}

/* Processes @local against @active; returns a new reference. @pinned
 * says @local belongs to a pinned context document (cacheable). */
static Ctx *
process_context (Processor   *p,
                 Ctx         *active,
                 JsonNode    *local,
                 const char  *base_url,
                 gboolean     override_protected,
                 gboolean     propagate,
                 gboolean     pinned,
                 guint        depth,
                 GError     **error)
{
  g_autoptr(Ctx) result = NULL;
  g_autofree char *key = NULL;
  JsonArray *array = NULL;
  guint n = 1;

  if (!spend (p, error))
    return NULL;

  /* A pinned context applied to a cached context gives a cached one. */
  if (active->key != NULL && (pinned || node_string (local) != NULL))
    {
      Ctx *cached;

      if (node_string (local) != NULL)
        key = g_strdup_printf ("%s|%s|%d%d", active->key, node_string (local),
                               override_protected, propagate);
      else
        key = g_strdup_printf ("%s|%p|%d%d", active->key, (gpointer) local,
                               override_protected, propagate);
      cached = _rosette_context_loader_cache_lookup (p->loader, key);
      if (cached != NULL)
        return cached;
    }

  if (JSON_NODE_HOLDS_OBJECT (local) &&
      json_object_has_member (json_node_get_object (local), "@propagate"))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (local), "@propagate");

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        propagate = json_node_get_boolean (member);
    }

  if (!propagate && active->previous == NULL)
    {
      result = ctx_clone (active);
      result->previous = ctx_ref (active);
    }
  else
    {
      result = ctx_ref (active);
    }

  if (JSON_NODE_HOLDS_ARRAY (local))
    {
      array = json_node_get_array (local);
      n = json_array_get_length (array);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = array != NULL ? json_array_get_element (array, i) : local;
      Ctx *next;

      next = process_one (p, result, active, item, base_url, override_protected,
                          propagate, pinned, depth, error);
      if (next == NULL)
        return NULL;
      g_clear_pointer (&result, ctx_unref);
      result = next;
    }

  if (key != NULL)
    {
      static gint serial;

      /* A context from the cache keeps its key; a new one gets one. */
      if (result->key == NULL)
        result->key = g_strdup_printf ("k%d", g_atomic_int_add (&serial, 1));
      _rosette_context_loader_cache_insert (p->loader, key, result,
                                            (GBoxedCopyFunc) ctx_ref,
                                            (GDestroyNotify) ctx_unref);
    }
  return g_steal_pointer (&result);
}

/* Expansion (§5.1) */

static gboolean expand_element (Processor   *p,
                                Ctx         *active,
                                const char  *active_property,
                                JsonNode    *element,
                                gboolean     from_map,
                                gboolean     inside_list,
                                guint        depth,
                                JsonNode   **out,
                                GError     **error);

static JsonNode *
string_node (const char *s)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, s);
  return node;
}

static JsonNode *
array_node_take (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
object_node_take (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* Wraps a node as an array (taking it), or returns the array itself. */
static JsonArray *
as_array_take (JsonNode *node)
{
  JsonArray *array;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_array_ref (json_node_get_array (node));
      json_node_unref (node);
      return array;
    }
  array = json_array_new ();
  json_array_add_element (array, node);
  return array;
}

static guint
term_container (Ctx        *ctx,
                const char *term)
{
  TermDef *def = ctx_lookup (ctx, term);

  return def != NULL ? def->container : 0;
}

/* Value expansion (§5.3) */
static gboolean
expand_value (Processor   *p,
              Ctx         *active,
              const char  *active_property,
              JsonNode    *value,
              JsonNode   **out,
              GError     **error)
{
  TermDef *def = ctx_lookup (active, active_property);
  const char *type = def != NULL ? def->type : NULL;
  g_autoptr(JsonObject) result = json_object_new ();
  const char *language;
  const char *direction;

  if (type != NULL && node_string (value) != NULL &&
      (strcmp (type, "@id") == 0 || strcmp (type, "@vocab") == 0))
    {
      g_autofree char *iri = NULL;

      if (!expand_iri (p, active, node_string (value), TRUE, strcmp (type, "@vocab") == 0,
                       NULL, &iri, error))
        return FALSE;
      if (iri == NULL || (!is_absolute_iri (iri) && !is_keyword (iri)))
        {
          if (!unsafe_drop (p, error, _("The value “%s” is not an absolute IRI"),
                            node_string (value)))
            return FALSE;
        }
      json_object_set_string_member (result, "@id", iri);
      *out = object_node_take (g_steal_pointer (&result));
      return TRUE;
    }

  json_object_set_member (result, "@value", json_node_copy (value));
  if (type != NULL && strcmp (type, "@id") != 0 && strcmp (type, "@vocab") != 0 &&
      strcmp (type, "@none") != 0)
    {
      json_object_set_string_member (result, "@type", type);
    }
  else if (node_string (value) != NULL)
    {
      language = (def != NULL && def->has_language) ? def->language : active->language;
      direction = (def != NULL && def->has_direction) ? def->direction : active->direction;
      if (language != NULL)
        json_object_set_string_member (result, "@language", language);
      if (direction != NULL)
        json_object_set_string_member (result, "@direction", direction);
    }

  *out = object_node_take (g_steal_pointer (&result));
  return TRUE;
}

static gboolean
expand_array (Processor   *p,
              Ctx         *active,
              const char  *active_property,
              JsonArray   *array,
              gboolean     from_map,
              gboolean     inside_list,
              guint        depth,
              JsonNode   **out,
              GError     **error)
{
  g_autoptr(JsonArray) result = json_array_new ();
  guint container = term_container (active, active_property);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *expanded = NULL;

      if (!expand_element (p, active, active_property, json_array_get_element (array, i),
                           from_map, inside_list || (container & CONTAINER_LIST), depth + 1,
                           &expanded, error))
        return FALSE;
      if (expanded == NULL)
        continue;
      if ((container & CONTAINER_LIST) && JSON_NODE_HOLDS_ARRAY (expanded))
        {
          JsonObject *list = json_object_new ();

          json_object_set_member (list, "@list", expanded);
          expanded = object_node_take (list);
        }
      if (JSON_NODE_HOLDS_ARRAY (expanded))
        {
          JsonArray *items = json_node_get_array (expanded);

          for (guint k = 0; k < json_array_get_length (items); k++)
            json_array_add_element (result, json_node_ref (json_array_get_element (items, k)));
          json_node_unref (expanded);
        }
      else
        {
          json_array_add_element (result, expanded);
        }
    }

  *out = array_node_take (g_steal_pointer (&result));
  return TRUE;
}

/* §5.1.2 step 7: whether a map keeps a type-scoped context in force. */
static gboolean
keeps_type_scoped_context (Processor   *p,
                           Ctx         *active,
                           JsonObject  *element,
                           GError     **error)
{
  g_autoptr(GList) keys = json_object_get_members (element);
  gboolean only_id = g_list_length (keys) == 1;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *expanded = NULL;

      if (!expand_iri (p, active, l->data, FALSE, TRUE, NULL, &expanded, error))
        return FALSE;
      if (g_strcmp0 (expanded, "@value") == 0)
        return TRUE;
      if (only_id && g_strcmp0 (expanded, "@id") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
expand_language_map (Processor   *p,
                     Ctx         *active,
                     const char  *key,
                     JsonObject  *map,
                     JsonNode   **out,
                     GError     **error)
{
  g_autoptr(JsonArray) result = json_array_new ();
  g_autoptr(GList) languages = sorted_members (map);
  TermDef *def = ctx_lookup (active, key);
  const char *direction = (def != NULL && def->has_direction) ? def->direction : active->direction;

  for (GList *l = languages; l != NULL; l = l->next)
    {
      const char *language = l->data;
      JsonNode *value = json_object_get_member (map, language);
      g_autofree char *expanded_language = NULL;
      JsonArray *items = NULL;
      guint n = 1;

      if (!expand_iri (p, active, language, FALSE, TRUE, NULL, &expanded_language, error))
        return FALSE;
      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          items = json_node_get_array (value);
          n = json_array_get_length (items);
        }
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = items != NULL ? json_array_get_element (items, i) : value;
          JsonObject *object;

          if (JSON_NODE_HOLDS_NULL (item))
            continue;
          if (node_string (item) == NULL)
            return fail (error, ROSETTE_ERROR_INVALID,
                         _("The language map of “%s” holds something other than text"), key);
          object = json_object_new ();
          json_object_set_string_member (object, "@value", node_string (item));
          if (g_strcmp0 (expanded_language, "@none") != 0)
            {
              g_autofree char *lower = g_ascii_strdown (language, -1);

              json_object_set_string_member (object, "@language", lower);
            }
          if (direction != NULL)
            json_object_set_string_member (object, "@direction", direction);
          json_array_add_object_element (result, object);
        }
    }

  *out = array_node_take (g_steal_pointer (&result));
  return TRUE;
}

static void
add_value (JsonObject *result,
           const char *property,
           JsonNode   *value)
{
  JsonNode *existing = json_object_get_member (result, property);
  JsonArray *array;

  if (existing == NULL)
    {
      json_object_set_array_member (result, property, json_array_new ());
      existing = json_object_get_member (result, property);
    }
  array = json_node_get_array (existing);
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *items = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (items); i++)
        json_array_add_element (array, json_node_ref (json_array_get_element (items, i)));
      json_node_unref (value);
    }
  else
    {
      json_array_add_element (array, value);
    }
}

/* Steps 13.4.x: one keyword entry of a map. */
static gboolean
expand_keyword (Processor   *p,
                Ctx         *active,
                Ctx         *type_scoped,
                const char  *active_property,
                const char  *key,
                const char  *keyword,
                JsonNode    *value,
                const char  *input_type,
                JsonObject  *result,
                guint        depth,
                GError     **error)
{
  JsonNode *expanded = NULL;

  if (json_object_has_member (result, keyword) &&
      strcmp (keyword, "@included") != 0 && strcmp (keyword, "@type") != 0)
    return fail (error, ROSETTE_ERROR_INVALID,
                 _("The JSON-LD document has “%s” twice in one object"), keyword);

  if (strcmp (keyword, "@id") == 0)
    {
      g_autofree char *iri = NULL;

      if (node_string (value) == NULL)
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an “@id” that is not a string"));
      if (!expand_iri (p, active, node_string (value), TRUE, FALSE, NULL, &iri, error))
        return FALSE;
      if (iri == NULL || (!is_absolute_iri (iri) && !is_keyword (iri)))
        {
          if (!unsafe_drop (p, error, _("The identifier “%s” is not an absolute IRI"),
                            node_string (value)))
            return FALSE;
        }
      if (iri != NULL)
        json_object_set_string_member (result, "@id", iri);
      else
        json_object_set_null_member (result, "@id");
      return TRUE;
    }

  if (strcmp (keyword, "@type") == 0)
    {
      JsonArray *types = NULL;
      guint n = 1;

      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          types = json_node_get_array (value);
          n = json_array_get_length (types);
        }
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = types != NULL ? json_array_get_element (types, i) : value;
          g_autofree char *iri = NULL;

          if (node_string (item) == NULL)
            return fail (error, ROSETTE_ERROR_INVALID, "%s",
                         _("The JSON-LD document has a “type” that is not a string"));
          if (!expand_iri (p, type_scoped, node_string (item), TRUE, TRUE, NULL, &iri, error))
            return FALSE;
          if (iri == NULL || (!is_absolute_iri (iri) && strcmp (iri, "@json") != 0))
            {
              if (!unsafe_drop (p, error, _("The type “%s” is not defined by the document’s contexts"),
                                node_string (item)))
                return FALSE;
              if (iri == NULL)
                continue;
            }
          add_value (result, "@type", string_node (iri));
        }
      if (!json_object_has_member (result, "@type"))
        json_object_set_array_member (result, "@type", json_array_new ());
      return TRUE;
    }

  if (strcmp (keyword, "@graph") == 0 || strcmp (keyword, "@included") == 0)
    {
      if (!expand_element (p, active, strcmp (keyword, "@graph") == 0 ? "@graph" : NULL,
                           value, FALSE, FALSE, depth + 1, &expanded, error))
        return FALSE;
      if (expanded == NULL)
        expanded = array_node_take (json_array_new ());
      else if (!JSON_NODE_HOLDS_ARRAY (expanded))
        expanded = array_node_take (as_array_take (expanded));
      if (strcmp (keyword, "@included") == 0)
        {
          JsonArray *items = json_node_get_array (expanded);

          for (guint i = 0; i < json_array_get_length (items); i++)
            {
              JsonNode *item = json_array_get_element (items, i);

              if (!JSON_NODE_HOLDS_OBJECT (item) ||
                  json_object_has_member (json_node_get_object (item), "@value") ||
                  json_object_has_member (json_node_get_object (item), "@list"))
                {
                  json_node_unref (expanded);
                  return fail (error, ROSETTE_ERROR_INVALID, "%s",
                               _("The JSON-LD document has an invalid “@included”"));
                }
            }
          add_value (result, "@included", expanded);
          return TRUE;
        }
      json_object_set_member (result, "@graph", expanded);
      return TRUE;
    }

  if (strcmp (keyword, "@value") == 0)
    {
      if (g_strcmp0 (input_type, "@json") == 0)
        {
          json_object_set_member (result, "@value", json_node_copy (value));
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_NULL (value) && !node_is_scalar (value))
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an “@value” that is not a scalar"));
      json_object_set_member (result, "@value", json_node_copy (value));
      return TRUE;
    }

  if (strcmp (keyword, "@language") == 0)
    {
      g_autofree char *lower = NULL;

      if (node_string (value) == NULL)
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an “@language” that is not a string"));
      lower = g_ascii_strdown (node_string (value), -1);
      json_object_set_string_member (result, "@language", lower);
      return TRUE;
    }

  if (strcmp (keyword, "@direction") == 0)
    {
      if (g_strcmp0 (node_string (value), "ltr") != 0 && g_strcmp0 (node_string (value), "rtl") != 0)
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an invalid “@direction”"));
      json_object_set_string_member (result, "@direction", node_string (value));
      return TRUE;
    }

  if (strcmp (keyword, "@index") == 0)
    {
      if (node_string (value) == NULL)
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an “@index” that is not a string"));
      json_object_set_string_member (result, "@index", node_string (value));
      return TRUE;
    }

  if (strcmp (keyword, "@list") == 0 || strcmp (keyword, "@set") == 0)
    {
      gboolean list = strcmp (keyword, "@list") == 0;

      if (list && (active_property == NULL || strcmp (active_property, "@graph") == 0))
        return unsafe_drop (p, error, "%s", _("The JSON-LD document has a free-floating list"));
      if (!expand_element (p, active, active_property, value, FALSE, list, depth + 1,
                           &expanded, error))
        return FALSE;
      if (expanded == NULL)
        expanded = array_node_take (json_array_new ());
      if (list && !JSON_NODE_HOLDS_ARRAY (expanded))
        expanded = array_node_take (as_array_take (expanded));
      json_object_set_member (result, keyword, expanded);
      return TRUE;
    }

  if (strcmp (keyword, "@context") == 0)
    return TRUE;

  return fail (error, ROSETTE_ERROR_INVALID,
               _("The JSON-LD document uses “%s”, which Rosette does not support"), key);
}

/* Steps 13.5–13.14: one property entry of a map. */
static gboolean
expand_property (Processor   *p,
                 Ctx         *active,
                 const char  *key,
                 const char  *property,
                 JsonNode    *value,
                 JsonObject  *result,
                 guint        depth,
                 GError     **error)
{
  TermDef *def = ctx_lookup (active, key);
  guint container = def != NULL ? def->container : 0;
  JsonNode *expanded = NULL;

  if (def != NULL && g_strcmp0 (def->type, "@json") == 0)
    {
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "@value", json_node_copy (value));
      json_object_set_string_member (object, "@type", "@json");
      expanded = object_node_take (object);
    }
  else if ((container & CONTAINER_LANGUAGE) && JSON_NODE_HOLDS_OBJECT (value))
    {
      if (!expand_language_map (p, active, key, json_node_get_object (value), &expanded, error))
        return FALSE;
    }
  else
    {
      if (!expand_element (p, active, key, value, FALSE, FALSE, depth + 1, &expanded, error))
        return FALSE;
    }

  if (expanded == NULL)
    return TRUE;

  if ((container & CONTAINER_LIST) &&
      !(JSON_NODE_HOLDS_OBJECT (expanded) &&
        json_object_has_member (json_node_get_object (expanded), "@list")))
    {
      JsonObject *list = json_object_new ();

      json_object_set_array_member (list, "@list", as_array_take (expanded));
      expanded = object_node_take (list);
    }

  if (container & CONTAINER_GRAPH)
    {
      JsonArray *items = as_array_take (expanded);
      JsonArray *graphs = json_array_new ();

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *graph = json_object_new ();
          JsonNode *item = json_node_ref (json_array_get_element (items, i));

          json_object_set_array_member (graph, "@graph", as_array_take (item));
          json_array_add_object_element (graphs, graph);
        }
      json_array_unref (items);
      expanded = array_node_take (graphs);
    }

  add_value (result, property, expanded);
  return TRUE;
}

/* Steps 15–19: checks and simplifications of the finished map. */
static gboolean
finish_map (Processor   *p,
            const char  *active_property,
            Ctx         *active,
            gboolean     inside_list,
            JsonObject  *result,
            JsonNode   **out,
            GError     **error)
{
  guint size = json_object_get_size (result);
  JsonNode *member;

  *out = NULL;
  if ((member = json_object_get_member (result, "@value")) != NULL)
    {
      JsonNode *type = json_object_get_member (result, "@type");
      const char *type_iri = NULL;
      JsonObjectIter iter;
      const char *name;

      json_object_iter_init (&iter, result);
      while (json_object_iter_next (&iter, &name, NULL))
        if (strcmp (name, "@value") != 0 && strcmp (name, "@type") != 0 &&
            strcmp (name, "@language") != 0 && strcmp (name, "@direction") != 0 &&
            strcmp (name, "@index") != 0)
          return fail (error, ROSETTE_ERROR_INVALID, "%s",
                       _("The JSON-LD document has an invalid value object"));
      if (type != NULL)
        {
          if (JSON_NODE_HOLDS_ARRAY (type) && json_array_get_length (json_node_get_array (type)) == 1)
            {
              type_iri = node_string (json_array_get_element (json_node_get_array (type), 0));
              json_object_set_string_member (result, "@type", type_iri);
              type_iri = json_object_get_string_member (result, "@type");
            }
          else
            {
              type_iri = node_string (type);
            }
          if (type_iri == NULL || json_object_has_member (result, "@language") ||
              json_object_has_member (result, "@direction"))
            return fail (error, ROSETTE_ERROR_INVALID, "%s",
                         _("The JSON-LD document has an invalid typed value"));
        }
      if (g_strcmp0 (type_iri, "@json") == 0)
        goto keep;
      if (JSON_NODE_HOLDS_NULL (member))
        return unsafe_drop (p, error, "%s", _("The JSON-LD document has a null value"));
      if (node_string (member) == NULL && json_object_has_member (result, "@language"))
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has a language on a value that is not text"));
      if (type_iri != NULL && !is_absolute_iri (type_iri))
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an invalid typed value"));
    }
  else if ((member = json_object_get_member (result, "@list")) != NULL ||
           (member = json_object_get_member (result, "@set")) != NULL)
    {
      if (size > 2 || (size == 2 && !json_object_has_member (result, "@index")))
        return fail (error, ROSETTE_ERROR_INVALID, "%s",
                     _("The JSON-LD document has an invalid list or set object"));
      if (json_object_has_member (result, "@set"))
        {
          *out = json_node_ref (member);
          return TRUE;
        }
    }

  if (size == 1 && json_object_has_member (result, "@language"))
    return unsafe_drop (p, error, "%s", _("The JSON-LD document has an object with only a language"));

  if (!inside_list &&
      (active_property == NULL || strcmp (active_property, "@graph") == 0 ||
       (term_container (active, active_property) & CONTAINER_GRAPH)))
    {
      if (size == 0)
        return unsafe_drop (p, error, "%s", _("The JSON-LD document has an empty object"));
      if (json_object_has_member (result, "@value") || json_object_has_member (result, "@list"))
        return unsafe_drop (p, error, "%s", _("The JSON-LD document has a free-floating value"));
      if (size == 1 && json_object_has_member (result, "@id"))
        return unsafe_drop (p, error, _("The JSON-LD document has a free-floating reference to “%s”"),
                            json_object_get_string_member (result, "@id"));
    }

keep:
  *out = object_node_take (json_object_ref (result));
  return TRUE;
}

static gboolean
expand_map (Processor   *p,
            Ctx         *active_in,
            const char  *active_property,
            JsonObject  *element,
            gboolean     from_map,
            gboolean     inside_list,
            guint        depth,
            JsonNode   **out,
            GError     **error)
{
  g_autoptr(Ctx) active = ctx_ref (active_in);
  g_autoptr(Ctx) type_scoped = NULL;
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(GList) keys = sorted_members (element);
  g_autofree char *input_type = NULL;
  TermDef *property_def = ctx_lookup (active_in, active_property);
  JsonNode *context;

  /* Step 7: a type-scoped context does not reach into nested objects. */
  if (active->previous != NULL && !from_map)
    {
      gboolean keep = keeps_type_scoped_context (p, active, element, error);

      if (error != NULL && *error != NULL)
        return FALSE;
      if (!keep)
        {
          Ctx *previous = ctx_ref (active->previous);

          ctx_unref (active);
          active = previous;
        }
    }

  /* Step 8: property-scoped context. */
  if (property_def != NULL && property_def->context != NULL)
    {
      Ctx *next = process_context (p, active, property_def->context, property_def->base_url,
                                   TRUE, TRUE, property_def->context_pinned, 0, error);

      if (next == NULL)
        return FALSE;
      ctx_unref (active);
      active = next;
    }

  /* Step 9: embedded context. */
  if ((context = json_object_get_member (element, "@context")) != NULL)
    {
      Ctx *next = process_context (p, active, context, p->base, FALSE, TRUE, FALSE, 0, error);

      if (next == NULL)
        return FALSE;
      ctx_unref (active);
      active = next;
    }

  /* Steps 10–12: type-scoped contexts, in order of the sorted type values. */
  type_scoped = ctx_ref (active);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (element, l->data);
      g_autoptr(GPtrArray) terms = NULL;
      JsonArray *array = NULL;
      guint n = 1;

      /* Only "@type" or an alias of it expands to @type. */
      TermDef *alias = ctx_lookup (active, l->data);

      if (strcmp (l->data, "@type") != 0 && (alias == NULL || g_strcmp0 (alias->iri, "@type") != 0))
        continue;
      terms = g_ptr_array_new ();
      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          array = json_node_get_array (value);
          n = json_array_get_length (array);
        }
      for (guint i = 0; i < n; i++)
        {
          const char *term = node_string (array != NULL ? json_array_get_element (array, i) : value);

          if (term != NULL)
            g_ptr_array_add (terms, (gpointer) term);
        }
      g_ptr_array_sort (terms, compare_strings);
      for (guint i = 0; i < terms->len; i++)
        {
          TermDef *def = ctx_lookup (type_scoped, g_ptr_array_index (terms, i));
          Ctx *next;

          if (def == NULL || def->context == NULL)
            continue;
          next = process_context (p, active, def->context, def->base_url, FALSE, FALSE,
                                  def->context_pinned, 0, error);
          if (next == NULL)
            return FALSE;
          ctx_unref (active);
          active = next;
        }
      if (input_type == NULL && n > 0)
        {
          const char *last = node_string (array != NULL
                                            ? json_array_get_element (array, n - 1) : value);

          if (last != NULL &&
              !expand_iri (p, active, last, FALSE, TRUE, NULL, &input_type, error))
            return FALSE;
        }
    }

  /* Step 13: every entry. */
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (element, key);
      g_autofree char *property = NULL;

      if (strcmp (key, "@context") == 0)
        continue;
      if (!spend (p, error))
        return FALSE;
      if (!expand_iri (p, active, key, FALSE, TRUE, NULL, &property, error))
        return FALSE;

      if (property == NULL || (!is_keyword (property) && strchr (property, ':') == NULL))
        {
          if (!unsafe_drop (p, error,
                            _("The property “%s” is not defined by the document’s contexts"), key))
            return FALSE;
          continue;
        }

      if (is_keyword (property))
        {
          if (g_strcmp0 (active_property, "@reverse") == 0)
            return fail (error, ROSETTE_ERROR_INVALID, "%s",
                         _("The JSON-LD document has an invalid reverse property map"));
          if (!expand_keyword (p, active, type_scoped, active_property, key, property, value,
                               input_type, result, depth, error))
            return FALSE;
          continue;
        }

      if (!expand_property (p, active, key, property, value, result, depth, error))
        return FALSE;
    }

  return finish_map (p, active_property, active, inside_list, result, out, error);
}

static gboolean
expand_element (Processor   *p,
                Ctx         *active,
                const char  *active_property,
                JsonNode    *element,
                gboolean     from_map,
                gboolean     inside_list,
                guint        depth,
                JsonNode   **out,
                GError     **error)
{
  *out = NULL;

  if (depth > ROSETTE_JSONLD_MAX_DEPTH)
    return fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                 _("The JSON-LD document is nested too deeply"));
  if (!spend (p, error))
    return FALSE;
  if (element == NULL || JSON_NODE_HOLDS_NULL (element))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (element))
    {
      TermDef *def;
      g_autoptr(Ctx) scoped = NULL;

      if (!inside_list && (active_property == NULL || strcmp (active_property, "@graph") == 0))
        return unsafe_drop (p, error, "%s", _("The JSON-LD document has a free-floating value"));
      def = ctx_lookup (active, active_property);
      if (def != NULL && def->context != NULL)
        {
          scoped = process_context (p, active, def->context, def->base_url, TRUE, TRUE,
                                    def->context_pinned, 0, error);
          if (scoped == NULL)
            return FALSE;
          /* The term is looked up again in the property-scoped context. */
          return expand_value (p, scoped, active_property, element, out, error);
        }
      return expand_value (p, active, active_property, element, out, error);
    }

  if (JSON_NODE_HOLDS_ARRAY (element))
    return expand_array (p, active, active_property, json_node_get_array (element),
                         from_map, inside_list, depth, out, error);

  return expand_map (p, active, active_property, json_node_get_object (element),
                     from_map, inside_list, depth, out, error);
}

/* JSON Canonicalization Scheme (RFC 8785), for @json literals */

static void
jcs_append_string (GString    *out,
                   const char *s)
{
  g_string_append_c (out, '"');
  for (const char *c = s; *c != '\0'; c++)
    {
      guchar ch = (guchar) *c;

      switch (ch)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (ch < 0x20)
            g_string_append_printf (out, "\\u%04x", ch);
          else
            g_string_append_c (out, (char) ch);
        }
    }
  g_string_append_c (out, '"');
}

/* ECMAScript Number.prototype.toString (ECMA-262 §6.1.6.1.20): the
 * shortest digits that read back to the same double. */
static void
jcs_append_number (GString *out,
                   double   value)
{
  char digits[32];
  char buffer[40];
  int exponent = 0;
  int n_digits = 0;
  int k;

  if (value == 0 || !isfinite (value))
    {
      g_string_append_c (out, '0');
      return;
    }
  if (value < 0)
    {
      g_string_append_c (out, '-');
      value = -value;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (buffer, sizeof buffer, "%.*e", precision - 1, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  /* buffer is d.ddde±x: collect the digits and the exponent. */
  for (const char *c = buffer; *c != 'e'; c++)
    if (g_ascii_isdigit (*c))
      digits[n_digits++] = *c;
  exponent = atoi (strchr (buffer, 'e') + 1);
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';
  k = n_digits;
  /* value = 0.digits × 10^(exponent + 1) */
  exponent += 1;

  if (k <= exponent && exponent <= 21)
    {
      g_string_append (out, digits);
      for (int i = 0; i < exponent - k; i++)
        g_string_append_c (out, '0');
    }
  else if (0 < exponent && exponent <= 21)
    {
      g_string_append_len (out, digits, exponent);
      g_string_append_c (out, '.');
      g_string_append (out, digits + exponent);
    }
  else if (-6 < exponent && exponent <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -exponent; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (k > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%d", exponent - 1 >= 0 ? '+' : '-', ABS (exponent - 1));
    }
}

/* Member names sort by UTF-16 code units (RFC 8785 §3.2.3). */
static int
compare_utf16 (gconstpointer a,
               gconstpointer b)
{
  g_autofree gunichar2 *x = g_utf8_to_utf16 (*(const char * const *) a, -1, NULL, NULL, NULL);
  g_autofree gunichar2 *y = g_utf8_to_utf16 (*(const char * const *) b, -1, NULL, NULL, NULL);
  guint i = 0;

  if (x == NULL || y == NULL)
    return compare_strings (a, b);
  while (x[i] != 0 && x[i] == y[i])
    i++;
  return (int) x[i] - (int) y[i];
}

static void
jcs_append (GString  *out,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        jcs_append_string (out, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        jcs_append_number (out, (double) json_node_get_int (node));
      else
        jcs_append_number (out, json_node_get_double (node));
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            jcs_append (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        JsonObjectIter iter;
        const char *name;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, NULL))
          g_ptr_array_add (names, (gpointer) name);
        g_ptr_array_sort (names, compare_utf16);
        g_string_append_c (out, '{');
        for (guint i = 0; i < names->len; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            jcs_append_string (out, g_ptr_array_index (names, i));
            g_string_append_c (out, ':');
            jcs_append (out, json_object_get_member (object, g_ptr_array_index (names, i)));
          }
        g_string_append_c (out, '}');
      }
      break;
    default:
      break;
    }
}

/**
 * rosette_json_canonicalize:
 * @node: any JSON value
 *
 * Serializes @node with the JSON Canonicalization Scheme (RFC 8785):
 * members sorted, no whitespace, numbers as ECMAScript prints them.
 *
 * Returns: (transfer full): the canonical JSON text
 */
char *
rosette_json_canonicalize (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  jcs_append (out, node);
  return g_string_free (out, FALSE);
}

/* Deserialize JSON-LD to RDF (§7.1 node map generation and §7.2) */

typedef struct
{
  Processor  *p;
  GPtrArray  *dataset;
  GHashTable *labels;    /* "_:x" in the document -> "bN" */
  guint       counter;
} Rdf;

typedef struct
{
  RosetteRdfTermKind kind;
  char              *value;
  char              *datatype;
  char              *language;
} Term;

static void
term_clear (Term *term)
{
  g_clear_pointer (&term->value, g_free);
  g_clear_pointer (&term->datatype, g_free);
  g_clear_pointer (&term->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Term, term_clear)

static void
term_set (Term               *term,
          RosetteRdfTermKind  kind,
          char               *value)
{
  term_clear (term);
  term->kind = kind;
  term->value = value;
}

static void
rdf_new_blank (Rdf  *r,
               Term *term)
{
  term_set (term, ROSETTE_RDF_BLANK, g_strdup_printf ("b%u", r->counter++));
}

/* An @id or @type value as a node term; FALSE (no error) when it is a
 * relative IRI that unsafe mode skips. */
static gboolean
rdf_node_term (Rdf         *r,
               const char  *id,
               Term        *term,
               GError     **error)
{
  if (is_blank_node_id (id))
    {
      const char *label = g_hash_table_lookup (r->labels, id);

      if (label == NULL)
        {
          label = g_strdup_printf ("b%u", r->counter++);
          g_hash_table_insert (r->labels, g_strdup (id), (gpointer) label);
        }
      term_set (term, ROSETTE_RDF_BLANK, g_strdup (label));
      return TRUE;
    }
  if (is_absolute_iri (id))
    {
      term_set (term, ROSETTE_RDF_IRI, g_strdup (id));
      return TRUE;
    }
  term_clear (term);
  unsafe_drop (r->p, error, _("The identifier “%s” is not an absolute IRI"), id);
  return FALSE;
}

static void
rdf_emit (Rdf        *r,
          const Term *s,
          const char *predicate,
          const Term *o,
          const Term *g)
{
  RosetteRdfQuad *quad = g_new0 (RosetteRdfQuad, 1);

  quad->subject.kind = s->kind;
  quad->subject.value = g_strdup (s->value);
  quad->predicate.kind = ROSETTE_RDF_IRI;
  quad->predicate.value = g_strdup (predicate);
  quad->object.kind = o->kind;
  quad->object.value = g_strdup (o->value);
  quad->object.datatype = g_strdup (o->datatype);
  quad->object.language = g_strdup (o->language);
  quad->graph.kind = g->kind;
  quad->graph.value = g_strdup (g->value);
  g_ptr_array_add (r->dataset, quad);
}

/* xsd:double canonical form as jsonld.js writes it: 1.1E0, 1.0E-7. */
static char *
double_lexical (double value)
{
  char buffer[40];
  char *e;
  char *end;
  int exponent;
  GString *out;

  g_snprintf (buffer, sizeof buffer, "%.15e", value);
  e = strchr (buffer, 'e');
  exponent = atoi (e + 1);
  *e = '\0';
  end = e - 1;
  while (end > buffer && *end == '0' && end[-1] != '.')
    *end-- = '\0';
  out = g_string_new (buffer);
  g_string_append_printf (out, "E%d", exponent);
  return g_string_free (out, FALSE);
}

/* [a-zA-Z]+ ( '-' [a-zA-Z0-9]+ )*, as N-Quads LANGTAG. */
static gboolean
language_tag_ok (const char *tag)
{
  const char *c = tag;

  if (!g_ascii_isalpha (*c))
    return FALSE;
  while (g_ascii_isalpha (*c))
    c++;
  while (*c == '-')
    {
      const char *start = ++c;

      while (g_ascii_isalnum (*c))
        c++;
      if (c == start)
        return FALSE;
    }
  return *c == '\0';
}

static gboolean
rdf_literal (Rdf         *r,
             JsonObject  *value,
             Term        *term,
             GError     **error)
{
  JsonNode *v = json_object_get_member (value, "@value");
  const char *type = json_object_has_member (value, "@type")
    ? json_object_get_string_member (value, "@type") : NULL;
  const char *language = json_object_has_member (value, "@language")
    ? json_object_get_string_member (value, "@language") : NULL;

  term_clear (term);
  term->kind = ROSETTE_RDF_LITERAL;

  if (json_object_has_member (value, "@direction") &&
      !unsafe_drop (r->p, error, "%s", _("The JSON-LD document gives a text direction, which RDF cannot carry")))
    return FALSE;

  if (g_strcmp0 (type, "@json") == 0)
    {
      term->value = rosette_json_canonicalize (v);
      term->datatype = g_strdup (ROSETTE_RDF_JSON);
    }
  else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_BOOLEAN)
    {
      term->value = g_strdup (json_node_get_boolean (v) ? "true" : "false");
      term->datatype = g_strdup (type != NULL ? type : ROSETTE_XSD_BOOLEAN);
    }
  else if (node_is_number (v))
    {
      gboolean is_int = json_node_get_value_type (v) == G_TYPE_INT64;
      double d = json_node_get_double (v);

      if (g_strcmp0 (type, ROSETTE_XSD_DOUBLE) == 0 ||
          (!is_int && (floor (d) != d || fabs (d) >= 1e21 || !isfinite (d))))
        {
          term->value = double_lexical (is_int ? (double) json_node_get_int (v) : d);
          term->datatype = g_strdup (type != NULL ? type : ROSETTE_XSD_DOUBLE);
        }
      else
        {
          /* -0 is written as 0, as ECMAScript prints it. */
          term->value = is_int ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (v))
                               : g_strdup_printf ("%.0f", d == 0 ? 0.0 : d);
          term->datatype = g_strdup (type != NULL ? type : ROSETTE_XSD_INTEGER);
        }
    }
  else if (node_string (v) != NULL)
    {
      term->value = g_strdup (node_string (v));
      if (type != NULL)
        term->datatype = g_strdup (type);
      else if (language != NULL)
        {
          if (!language_tag_ok (language))
            {
              /* RDF only has well-formed BCP 47 tags: the literal is
               * dropped (an error in safe mode). */
              g_clear_pointer (&term->value, g_free);
              return unsafe_drop (r->p, error, _("The language tag “%s” is not well-formed"),
                                  language);
            }
          term->datatype = g_strdup (ROSETTE_RDF_LANG_STRING);
          term->language = g_strdup (language);
        }
      else
        term->datatype = g_strdup (ROSETTE_XSD_STRING);
    }
  else
    {
      return fail (error, ROSETTE_ERROR_INVALID, "%s",
                   _("The JSON-LD document has an invalid value object"));
    }
  return TRUE;
}

static gboolean rdf_node (Rdf         *r,
                          JsonObject  *node,
                          const Term  *graph,
                          Term        *subject,
                          guint        depth,
                          GError     **error);

static gboolean rdf_object (Rdf         *r,
                            JsonNode    *item,
                            const Term  *graph,
                            Term        *object,
                            guint        depth,
                            GError     **error);

static gboolean
rdf_list (Rdf         *r,
          JsonArray   *items,
          const Term  *graph,
          Term        *head,
          guint        depth,
          GError     **error)
{
  g_auto(Term) current = { 0 };
  guint n = json_array_get_length (items);

  if (n == 0)
    {
      term_set (head, ROSETTE_RDF_IRI, g_strdup (ROSETTE_RDF_NIL));
      return TRUE;
    }

  rdf_new_blank (r, head);
  term_set (&current, ROSETTE_RDF_BLANK, g_strdup (head->value));
  for (guint i = 0; i < n; i++)
    {
      g_auto(Term) object = { 0 };
      g_auto(Term) rest = { 0 };

      if (!rdf_object (r, json_array_get_element (items, i), graph, &object, depth + 1, error))
        return FALSE;
      if (object.value != NULL)
        rdf_emit (r, &current, ROSETTE_RDF_FIRST, &object, graph);
      if (i + 1 < n)
        rdf_new_blank (r, &rest);
      else
        term_set (&rest, ROSETTE_RDF_IRI, g_strdup (ROSETTE_RDF_NIL));
      rdf_emit (r, &current, ROSETTE_RDF_REST, &rest, graph);
      term_set (&current, rest.kind, g_steal_pointer (&rest.value));
    }
  return TRUE;
}

/* The term for one expanded value; object->value stays NULL when unsafe
 * mode skips it. */
static gboolean
rdf_object (Rdf         *r,
            JsonNode    *item,
            const Term  *graph,
            Term        *object,
            guint        depth,
            GError     **error)
{
  JsonObject *map;

  if (depth > ROSETTE_JSONLD_MAX_DEPTH * 2)
    return fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                 _("The JSON-LD document is nested too deeply"));
  if (!JSON_NODE_HOLDS_OBJECT (item))
    return TRUE;
  map = json_node_get_object (item);
  if (json_object_has_member (map, "@value"))
    return rdf_literal (r, map, object, error);
  if (json_object_has_member (map, "@list"))
    return rdf_list (r, json_object_get_array_member (map, "@list"), graph, object, depth, error);
  return rdf_node (r, map, graph, object, depth, error);
}

static gboolean
rdf_node (Rdf         *r,
          JsonObject  *node,
          const Term  *graph,
          Term        *subject,
          guint        depth,
          GError     **error)
{
  g_autoptr(GList) keys = sorted_members (node);
  gboolean valid = TRUE;

  if (json_object_has_member (node, "@id") &&
      json_object_get_string_member (node, "@id") != NULL)
    {
      if (!rdf_node_term (r, json_object_get_string_member (node, "@id"), subject, error))
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          valid = FALSE;
        }
    }
  else
    {
      rdf_new_blank (r, subject);
    }

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonArray *values;

      if (strcmp (key, "@id") == 0 || strcmp (key, "@index") == 0)
        continue;
      if (!spend (r->p, error))
        return FALSE;
      values = json_object_get_array_member (node, key);

      if (strcmp (key, "@type") == 0)
        {
          for (guint i = 0; valid && i < json_array_get_length (values); i++)
            {
              g_auto(Term) type = { 0 };

              if (rdf_node_term (r, json_array_get_string_element (values, i), &type, error))
                rdf_emit (r, subject, ROSETTE_RDF_TYPE, &type, graph);
              else if (error != NULL && *error != NULL)
                return FALSE;
            }
          continue;
        }

      if (strcmp (key, "@graph") == 0 || strcmp (key, "@included") == 0)
        {
          const Term *target = strcmp (key, "@graph") == 0 ? subject : graph;

          if (!valid && target == subject)
            continue;
          for (guint i = 0; i < json_array_get_length (values); i++)
            {
              JsonNode *item = json_array_get_element (values, i);
              g_auto(Term) inner = { 0 };

              if (JSON_NODE_HOLDS_OBJECT (item) &&
                  !json_object_has_member (json_node_get_object (item), "@value") &&
                  !json_object_has_member (json_node_get_object (item), "@list") &&
                  !rdf_node (r, json_node_get_object (item), target, &inner, depth + 1, error))
                return FALSE;
            }
          continue;
        }

      if (is_blank_node_id (key) || !is_absolute_iri (key))
        {
          if (!unsafe_drop (r->p, error, _("The property “%s” is not an absolute IRI"), key))
            return FALSE;
          /* Still walk the values: nested nodes have their own triples. */
        }

      for (guint i = 0; i < json_array_get_length (values); i++)
        {
          g_auto(Term) object = { 0 };

          if (!rdf_object (r, json_array_get_element (values, i), graph, &object, depth + 1, error))
            return FALSE;
          if (valid && object.value != NULL && is_absolute_iri (key) && !is_blank_node_id (key))
            rdf_emit (r, subject, key, &object, graph);
        }
    }

  if (!valid)
    term_clear (subject);
  return TRUE;
}

/* Public API */

static Ctx *
root_context (const char *base)
{
  Ctx *root = ctx_new ();

  root->key = g_strconcat ("root:", base != NULL ? base : "", NULL);
  return root;
}

/**
 * rosette_jsonld_expand:
 * @document: a JSON-LD document
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @base: (nullable): the document's base IRI (none for credentials)
 * @flags: safe mode unless %ROSETTE_JSONLD_UNSAFE
 * @error: return location for a #GError
 *
 * Expands @document (JSON-LD 1.1 §5.1). In safe mode, an undefined term
 * or a relative IRI fails with %ROSETTE_ERROR_UNDEFINED_TERM naming it,
 * a context outside the pinned set with %ROSETTE_ERROR_UNKNOWN_CONTEXT.
 *
 * Returns: (transfer full): the expanded form (an array), or %NULL
 */
JsonNode *
rosette_jsonld_expand (JsonNode              *document,
                       RosetteContextLoader  *loader,
                       const char            *base,
                       RosetteJsonldFlags     flags,
                       GError               **error)
{
  Processor p = { loader != NULL ? loader : rosette_context_loader_get_default (), flags, base, 0 };
  g_autoptr(Ctx) root = root_context (base);
  JsonNode *expanded = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!expand_element (&p, root, NULL, document, FALSE, FALSE, 0, &expanded, error))
    {
      g_clear_pointer (&expanded, json_node_unref);
      return NULL;
    }

  if (expanded == NULL)
    return array_node_take (json_array_new ());
  if (JSON_NODE_HOLDS_OBJECT (expanded) &&
      json_object_get_size (json_node_get_object (expanded)) == 1 &&
      json_object_has_member (json_node_get_object (expanded), "@graph"))
    {
      JsonNode *graph = json_node_ref (json_object_get_member (json_node_get_object (expanded),
                                                               "@graph"));

      json_node_unref (expanded);
      expanded = graph;
    }
  if (!JSON_NODE_HOLDS_ARRAY (expanded))
    expanded = array_node_take (as_array_take (expanded));
  return expanded;
}

/**
 * rosette_jsonld_to_rdf:
 * @document: a JSON-LD document
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @base: (nullable): the document's base IRI
 * @flags: safe mode unless %ROSETTE_JSONLD_UNSAFE
 * @error: return location for a #GError
 *
 * Expands @document and converts it to an RDF dataset (JSON-LD 1.1
 * §7.2, without rdfDirection). Blank nodes are labelled b0, b1, …
 *
 * Returns: (transfer full) (element-type RosetteRdfQuad): the dataset
 */
GPtrArray *
rosette_jsonld_to_rdf (JsonNode              *document,
                       RosetteContextLoader  *loader,
                       const char            *base,
                       RosetteJsonldFlags     flags,
                       GError               **error)
{
  Processor p = { loader != NULL ? loader : rosette_context_loader_get_default (), flags, base, 0 };
  g_autoptr(JsonNode) expanded = NULL;
  g_autoptr(GPtrArray) dataset = rosette_rdf_dataset_new ();
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(Term) default_graph = { ROSETTE_RDF_DEFAULT_GRAPH, NULL, NULL, NULL };
  JsonArray *items;
  Rdf r = { &p, dataset, labels, 0 };

  expanded = rosette_jsonld_expand (document, p.loader, base, flags, error);
  if (expanded == NULL)
    return NULL;

  items = json_node_get_array (expanded);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_auto(Term) subject = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          json_object_has_member (json_node_get_object (item), "@value") ||
          json_object_has_member (json_node_get_object (item), "@list"))
        continue;
      if (!rdf_node (&r, json_node_get_object (item), &default_graph, &subject, 0, error))
        return NULL;
    }

  return g_steal_pointer (&dataset);
}

/**
 * rosette_jsonld_canonicalize:
 * @document: a JSON-LD document (a credential, or proof options)
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @error: return location for a #GError
 *
 * JSON-LD to RDF in safe mode, then RDFC-1.0: the text a Data Integrity
 * proof hashes.
 *
 * Returns: (transfer full): canonical N-Quads, or %NULL
 */
char *
rosette_jsonld_canonicalize (JsonNode              *document,
                             RosetteContextLoader  *loader,
                             GError               **error)
{
  g_autoptr(GPtrArray) dataset = NULL;

  dataset = rosette_jsonld_to_rdf (document, loader, NULL, ROSETTE_JSONLD_NONE, error);
  if (dataset == NULL)
    return NULL;
  return rosette_rdfc_canonicalize (dataset, error);
}
