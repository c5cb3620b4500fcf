/* rosette-jsonld-rdf.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Expanded JSON-LD to an RDF dataset (§7.1 node map generation and §7.2
 * Deserialize JSON-LD to RDF), and the JSON Canonicalization Scheme
 * (RFC 8785) that @json literals are written in.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-jsonld-private.h"
#include "rosette-rdfc.h"

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
    return _rosette_jsonld_compare_strings (a, b);
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

/* A term while the dataset is built: its strings are borrowed from the
 * expanded tree (which outlives it) or from constants, except @owned, a
 * string made for it (a blank node label, a number) and freed with it. */
typedef struct
{
  RosetteRdfTermKind  kind;
  const char         *value;
  const char         *datatype;
  const char         *language;
  char               *owned;
} Term;

static void
term_clear (Term *term)
{
  g_clear_pointer (&term->owned, g_free);
  term->value = term->datatype = term->language = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Term, term_clear)

/* Sets @term to @value, borrowed. */
static void
term_set (Term               *term,
          RosetteRdfTermKind  kind,
          const char         *value)
{
  term_clear (term);
  term->kind = kind;
  term->value = value;
}

/* Sets @term to @value, which it takes. */
static void
term_take (Term               *term,
           RosetteRdfTermKind  kind,
           char               *value)
{
  term_set (term, kind, value);
  term->owned = value;
}

/* Moves @from (a node term) into @to. */
static void
term_move (Term *to,
           Term *from)
{
  term_clear (to);
  *to = *from;
  *from = (Term) { 0 };
}

static void
rdf_new_blank (Rdf  *r,
               Term *term)
{
  term_take (term, ROSETTE_RDF_BLANK, g_strdup_printf ("b%u", r->counter++));
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
      term_set (term, ROSETTE_RDF_BLANK, label);
      return TRUE;
    }
  if (_rosette_jsonld_is_absolute_iri (id))
    {
      term_set (term, ROSETTE_RDF_IRI, id);
      return TRUE;
    }
  term_clear (term);
  _rosette_jsonld_unsafe_drop (r->p, error, _("The identifier “%s” is not an absolute IRI"), id);
  return FALSE;
}

static void
rdf_emit (Rdf        *r,
          const Term *s,
          const char *predicate,
          const Term *o,
          const Term *g)
{
  RosetteRdfTerm subject = { s->kind, (char *) s->value, NULL, NULL };
  RosetteRdfTerm property = { ROSETTE_RDF_IRI, (char *) predicate, NULL, NULL };
  RosetteRdfTerm object = { o->kind, (char *) o->value, (char *) o->datatype, (char *) o->language };
  RosetteRdfTerm graph = { g->kind, (char *) g->value, NULL, NULL };

  g_ptr_array_add (r->dataset, rosette_rdf_quad_new (&subject, &property, &object, &graph));
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
             LdItem      *value,
             Term        *term,
             GError     **error)
{
  JsonNode *v = value->value;
  const char *type = ld_value_type (value);
  const char *language = value->language;

  term_clear (term);
  term->kind = ROSETTE_RDF_LITERAL;

  if ((value->keys & LD_HAS_DIRECTION) &&
      !_rosette_jsonld_unsafe_drop (r->p, error, "%s",
                                    _("The JSON-LD document gives a text direction, which RDF cannot carry")))
    return FALSE;

  if (g_strcmp0 (type, "@json") == 0)
    {
      term->value = term->owned = rosette_json_canonicalize (v);
      term->datatype = ROSETTE_RDF_JSON;
    }
  else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_BOOLEAN)
    {
      term->value = json_node_get_boolean (v) ? "true" : "false";
      term->datatype = type != NULL ? type : ROSETTE_XSD_BOOLEAN;
    }
  else if (node_is_number (v))
    {
      gboolean is_int = json_node_get_value_type (v) == G_TYPE_INT64;
      double d = json_node_get_double (v);

      if (g_strcmp0 (type, ROSETTE_XSD_DOUBLE) == 0 ||
          (!is_int && (floor (d) != d || fabs (d) >= 1e21 || !isfinite (d))))
        {
          term->owned = double_lexical (is_int ? (double) json_node_get_int (v) : d);
          term->datatype = type != NULL ? type : ROSETTE_XSD_DOUBLE;
        }
      else
        {
          /* -0 is written as 0, as ECMAScript prints it. */
          term->owned = is_int ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (v))
                               : g_strdup_printf ("%.0f", d == 0 ? 0.0 : d);
          term->datatype = type != NULL ? type : ROSETTE_XSD_INTEGER;
        }
      term->value = term->owned;
    }
  else if (node_string (v) != NULL)
    {
      if (type != NULL)
        term->datatype = type;
      else if (language != NULL)
        {
          if (!language_tag_ok (language))
            {
              /* RDF only has well-formed BCP 47 tags: the literal is
               * dropped (an error in safe mode). */
              term_clear (term);
              return _rosette_jsonld_unsafe_drop (r->p, error,
                                                  _("The language tag “%s” is not well-formed"),
                                                  language);
            }
          term->datatype = ROSETTE_RDF_LANG_STRING;
          term->language = language;
        }
      else
        term->datatype = ROSETTE_XSD_STRING;
      term->value = node_string (v);
    }
  else
    {
      return _rosette_jsonld_fail (error, ROSETTE_ERROR_INVALID, "%s",
                                   _("The JSON-LD document has an invalid value object"));
    }
  return TRUE;
}

static gboolean rdf_node (Rdf         *r,
                          LdItem      *node,
                          const Term  *graph,
                          Term        *subject,
                          guint        depth,
                          GError     **error);

static gboolean rdf_object (Rdf         *r,
                            LdItem      *item,
                            const Term  *graph,
                            Term        *object,
                            guint        depth,
                            GError     **error);

static gboolean
rdf_list (Rdf         *r,
          LdVec       *items,
          const Term  *graph,
          Term        *head,
          guint        depth,
          GError     **error)
{
  g_auto(Term) current = { 0 };
  guint n = items->len;

  if (n == 0)
    {
      term_set (head, ROSETTE_RDF_IRI, ROSETTE_RDF_NIL);
      return TRUE;
    }

  rdf_new_blank (r, head);
  term_set (&current, ROSETTE_RDF_BLANK, head->value);
  for (guint i = 0; i < n; i++)
    {
      g_auto(Term) object = { 0 };
      g_auto(Term) rest = { 0 };

      if (!rdf_object (r, ld_vec_index (items, i), graph, &object, depth + 1, error))
        return FALSE;
      if (object.value != NULL)
        rdf_emit (r, &current, ROSETTE_RDF_FIRST, &object, graph);
      if (i + 1 < n)
        rdf_new_blank (r, &rest);
      else
        term_set (&rest, ROSETTE_RDF_IRI, ROSETTE_RDF_NIL);
      rdf_emit (r, &current, ROSETTE_RDF_REST, &rest, graph);
      term_move (&current, &rest);
    }
  return TRUE;
}

/* The term for one expanded value; object->value stays NULL when unsafe
 * mode skips it. */
static gboolean
rdf_object (Rdf         *r,
            LdItem      *item,
            const Term  *graph,
            Term        *object,
            guint        depth,
            GError     **error)
{
  if (depth > ROSETTE_JSONLD_MAX_DEPTH * 2)
    return _rosette_jsonld_fail (error, ROSETTE_ERROR_TOO_LARGE, "%s",
                                 _("The JSON-LD document is nested too deeply"));
  if (item->keys & LD_ARRAY)
    return TRUE;
  if (item->keys & LD_HAS_VALUE)
    return rdf_literal (r, item, object, error);
  if (item->keys & LD_HAS_LIST)
    return rdf_list (r, &item->content->items, graph, object, depth, error);
  return rdf_node (r, item, graph, object, depth, error);
}

static int
compare_properties (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(const LdProperty * const *) a)->iri, (*(const LdProperty * const *) b)->iri);
}

/* The nodes of @graph or @included, as subjects in @target. */
static gboolean
rdf_nodes (Rdf         *r,
           LdVec       *items,
           const Term  *target,
           guint        depth,
           GError     **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      LdItem *item = ld_vec_index (items, i);
      g_auto(Term) inner = { 0 };

      if ((item->keys & (LD_ARRAY | LD_HAS_VALUE | LD_HAS_LIST)) == 0 &&
          !rdf_node (r, item, target, &inner, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Entries are visited in the order of their keys, as jsonld.js does:
 * @graph, @included, @type, then the properties. */
static gboolean
rdf_node (Rdf         *r,
          LdItem      *node,
          const Term  *graph,
          Term        *subject,
          guint        depth,
          GError     **error)
{
  gboolean valid = TRUE;

  if ((node->keys & LD_HAS_ID) && node->id != NULL)
    {
      if (!rdf_node_term (r, node->id, subject, error))
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

  if (valid && !rdf_nodes (r, &node->graph, subject, depth, error))
    return FALSE;
  if (!rdf_nodes (r, &node->included, graph, depth, error))
    return FALSE;

  if (node->keys & LD_HAS_TYPE)
    {
      if (!_rosette_jsonld_spend (r->p, error))
        return FALSE;
      for (guint i = 0; valid && i < node->types.len; i++)
        {
          g_auto(Term) type = { 0 };

          if (rdf_node_term (r, ld_vec_index (&node->types, i), &type, error))
            rdf_emit (r, subject, ROSETTE_RDF_TYPE, &type, graph);
          else if (error != NULL && *error != NULL)
            return FALSE;
        }
    }

  if (node->properties.len > 1)
    qsort (node->properties.data, node->properties.len, sizeof (gpointer), compare_properties);
  for (guint p = 0; p < node->properties.len; p++)
    {
      LdProperty *property = ld_vec_index (&node->properties, p);
      const char *key = property->iri;
      gboolean usable = !is_blank_node_id (key) && _rosette_jsonld_is_absolute_iri (key);

      if (!_rosette_jsonld_spend (r->p, error))
        return FALSE;
      if (!usable &&
          !_rosette_jsonld_unsafe_drop (r->p, error,
                                        _("The property “%s” is not an absolute IRI"), key))
        return FALSE;
      /* An unusable property's values are still walked: nested nodes
       * have their own triples. */
      for (guint i = 0; i < property->values.len; i++)
        {
          g_auto(Term) object = { 0 };

          if (!rdf_object (r, ld_vec_index (&property->values, i), graph, &object, depth + 1,
                           error))
            return FALSE;
          if (valid && usable && object.value != NULL)
            rdf_emit (r, subject, key, &object, graph);
        }
    }

  if (!valid)
    term_clear (subject);
  return TRUE;
}

/* Public API */

/**
 * rosette_jsonld_to_rdf:
 * @document: a JSON-LD document
 * @loader: (nullable): where contexts come from (the default loader if %NULL)
 * @base: (nullable): the document's base IRI
 * @flags: safe mode unless %ROSETTE_JSONLD_UNSAFE
 * @error: return location for a #GError
 *
 * Expands @document (JSON-LD 1.1 §5.1) and converts it to an RDF
 * dataset (§7.2, without rdfDirection). Blank nodes are labelled b0,
 * b1, … In safe mode, an undefined term or a relative IRI fails with
 * %ROSETTE_ERROR_UNDEFINED_TERM naming it, a context outside the pinned
 * set with %ROSETTE_ERROR_UNKNOWN_CONTEXT.
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
  return _rosette_jsonld_to_rdf_without (document, NULL, loader, base, flags, error);
}

/* The same, as if the document's top-level object had no member @skip. */
GPtrArray *
_rosette_jsonld_to_rdf_without (JsonNode              *document,
                                const char            *skip,
                                RosetteContextLoader  *loader,
                                const char            *base,
                                RosetteJsonldFlags     flags,
                                GError               **error)
{
  g_auto(LdArena) arena = { 0 };
  Processor p = {
    .loader = loader != NULL ? loader : rosette_context_loader_get_default (),
    .flags = flags,
    .base = base,
    .arena = &arena,
    .root = document != NULL && JSON_NODE_HOLDS_OBJECT (document) ? json_node_get_object (document)
                                                                   : NULL,
    .skip = skip,
  };
  LdItem *expanded;
  g_autoptr(GPtrArray) dataset = rosette_rdf_dataset_new ();
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(Term) default_graph = { ROSETTE_RDF_DEFAULT_GRAPH, NULL, NULL, NULL };
  Rdf r = { &p, dataset, labels, 0 };

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  expanded = _rosette_jsonld_expand_document (&p, document, error);
  if (expanded == NULL)
    return NULL;
  if (!rdf_nodes (&r, &expanded->items, &default_graph, 0, error))
    return NULL;

  return g_steal_pointer (&dataset);
}
