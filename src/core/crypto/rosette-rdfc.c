/* rosette-rdfc.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * RDF Dataset Canonicalization (W3C RDFC-1.0, formerly URDNA2015) and the
 * canonical N-Quads form it is written in.
 *
 * Blank nodes get stable names _:c14n0, _:c14n1, … from hashes of the
 * quads around them ("first degree"); nodes that tie are told apart by
 * hashing paths through their neighbours ("N-degree"), which tries every
 * permutation of the tied neighbours and so is exponential in the worst
 * case. A work counter bounds that: past ROSETTE_RDFC_MAX_WORK steps the
 * document is refused as too complex (a credential needs none).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-rdfc.h"

/* Dataset and terms */

/**
 * rosette_rdf_dataset_new:
 *
 * Returns: (transfer full) (element-type RosetteRdfQuad): an empty dataset
 */
GPtrArray *
rosette_rdf_dataset_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) rosette_rdf_quad_free);
}

static void
rdf_term_clear (RosetteRdfTerm *term)
{
  g_clear_pointer (&term->value, g_free);
  g_clear_pointer (&term->datatype, g_free);
  g_clear_pointer (&term->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RosetteRdfTerm, rdf_term_clear)

static gsize
string_size (const char *s)
{
  return s != NULL ? strlen (s) + 1 : 0;
}

/* Copies @s to *@next and returns the copy (NULL stays NULL). */
static char *
pack_string (char       **next,
             const char  *s)
{
  char *copy = *next;
  gsize size = string_size (s);

  if (s == NULL)
    return NULL;
  memcpy (copy, s, size);
  *next += size;
  return copy;
}

static gsize
term_size (const RosetteRdfTerm *term)
{
  return string_size (term->value) + string_size (term->datatype) + string_size (term->language);
}

static void
pack_term (RosetteRdfTerm       *copy,
           const RosetteRdfTerm *term,
           char                **next)
{
  copy->kind = term->kind;
  copy->value = pack_string (next, term->value);
  copy->datatype = pack_string (next, term->datatype);
  copy->language = pack_string (next, term->language);
}

/**
 * rosette_rdf_quad_new:
 * @subject: the subject
 * @predicate: the predicate
 * @object: the object
 * @graph: the graph name
 *
 * Makes a quad with copies of the four terms. The quad and its strings
 * are one allocation.
 *
 * Returns: (transfer full): the quad, for rosette_rdf_quad_free()
 */
RosetteRdfQuad *
rosette_rdf_quad_new (const RosetteRdfTerm *subject,
                      const RosetteRdfTerm *predicate,
                      const RosetteRdfTerm *object,
                      const RosetteRdfTerm *graph)
{
  gsize size = sizeof (RosetteRdfQuad) + term_size (subject) + term_size (predicate) +
               term_size (object) + term_size (graph);
  RosetteRdfQuad *quad = g_malloc (size);
  char *next = (char *) (quad + 1);

  pack_term (&quad->subject, subject, &next);
  pack_term (&quad->predicate, predicate, &next);
  pack_term (&quad->object, object, &next);
  pack_term (&quad->graph, graph, &next);
  return quad;
}

void
rosette_rdf_quad_free (RosetteRdfQuad *quad)
{
  g_free (quad);
}

/**
 * rosette_rdf_term_set:
 * @term: a term to overwrite
 * @kind: what it is
 * @value: the IRI, blank node label or lexical form
 * @datatype: (nullable): a literal's datatype IRI (xsd:string if %NULL)
 * @language: (nullable): a literal's language tag
 */
void
rosette_rdf_term_set (RosetteRdfTerm     *term,
                      RosetteRdfTermKind  kind,
                      const char         *value,
                      const char         *datatype,
                      const char         *language)
{
  rdf_term_clear (term);
  term->kind = kind;
  term->value = g_strdup (value);
  if (kind == ROSETTE_RDF_LITERAL)
    {
      term->language = g_strdup (language);
      if (language != NULL)
        term->datatype = g_strdup (ROSETTE_RDF_LANG_STRING);
      else
        term->datatype = g_strdup (datatype != NULL ? datatype : ROSETTE_XSD_STRING);
    }
}

/* Bytes that canonical N-Quads escapes: 1 in IRIs (as \uXXXX), 2 in
 * literals (ECHAR or \uXXXX), 3 in both. Runs of other bytes are copied
 * at once, which is most of the text. */
static guint8 escape_table[256];

static void
init_escape_table (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c <= 0x20; c++)
    escape_table[c] |= 1;
  for (const char *c = "<>\"{}|^`\\"; *c != '\0'; c++)
    escape_table[(guchar) *c] |= 1;
  for (guint c = 0; c < 0x20; c++)
    escape_table[c] |= 2;
  escape_table[0x7f] |= 2;
  escape_table['"'] |= 2;
  escape_table['\\'] |= 2;
  g_once_init_leave (&done, 1);
}

/* g_string_append_len() without its checks where the text fits: the
 * serializers append a few bytes at a time. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    {
      g_string_append_len (out, text, length);
    }
}

static inline void
append_str (GString    *out,
            const char *text)
{
  append_len (out, text, strlen (text));
}

static void
append_iri (GString    *out,
            const char *iri)
{
  const char *run = iri;
  const char *p;

  g_string_append_c (out, '<');
  for (p = iri; ; p++)
    {
      /* NUL is in the table too, so the common case is one tight loop. */
      while (!(escape_table[(guchar) *p] & 1))
        p++;
      if (*p == '\0')
        break;
      append_len (out, run, p - run);
      g_string_append_printf (out, "\\u%04X", (guchar) *p);
      run = p + 1;
    }
  append_len (out, run, p - run);
  g_string_append_c (out, '>');
}

static void
append_literal_text (GString    *out,
                     const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; ; p++)
    {
      guchar c;

      while (!(escape_table[(guchar) *p] & 2))
        p++;
      c = (guchar) *p;
      if (c == '\0')
        break;
      append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '\b': g_string_append (out, "\\b"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default:
          g_string_append_printf (out, "\\u%04X", c);
        }
    }
  append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Writes a term; a blank node is written with @bnode_label when given
 * (the first-degree hash writes _:a / _:z, the output writes c14n names). */
static void
append_term (GString              *out,
             const RosetteRdfTerm *term,
             const char           *bnode_label)
{
  switch (term->kind)
    {
    case ROSETTE_RDF_IRI:
      append_iri (out, term->value);
      break;
    case ROSETTE_RDF_BLANK:
      append_len (out, "_:", 2);
      append_str (out, bnode_label != NULL ? bnode_label : term->value);
      break;
    case ROSETTE_RDF_LITERAL:
      append_literal_text (out, term->value);
      if (term->language != NULL)
        {
          g_string_append_c (out, '@');
          append_str (out, term->language);
        }
      else if (term->datatype != NULL && strcmp (term->datatype, ROSETTE_XSD_STRING) != 0)
        {
          append_len (out, "^^", 2);
          append_iri (out, term->datatype);
        }
      break;
    case ROSETTE_RDF_DEFAULT_GRAPH:
    default:
      break;
    }
}

/**
 * rosette_rdf_term_append_nquads:
 * @out: where to write
 * @term: the term
 *
 * Appends @term in canonical N-Quads syntax (nothing for the default graph).
 */
void
rosette_rdf_term_append_nquads (GString              *out,
                                const RosetteRdfTerm *term)
{
  init_escape_table ();
  append_term (out, term, NULL);
}

typedef const char *(*LabelFunc) (const RosetteRdfTerm *term,
                                  gpointer              data);

static void
append_quad (GString              *out,
             const RosetteRdfQuad *quad,
             LabelFunc             label,
             gpointer              data)
{
  const RosetteRdfTerm *terms[] = { &quad->subject, &quad->predicate, &quad->object };

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      append_term (out, terms[i],
                   terms[i]->kind == ROSETTE_RDF_BLANK && label != NULL
                     ? label (terms[i], data) : NULL);
      g_string_append_c (out, ' ');
    }
  if (quad->graph.kind != ROSETTE_RDF_DEFAULT_GRAPH)
    {
      append_term (out, &quad->graph,
                   quad->graph.kind == ROSETTE_RDF_BLANK && label != NULL
                     ? label (&quad->graph, data) : NULL);
      g_string_append_c (out, ' ');
    }
  append_len (out, ".\n", 2);
}

/**
 * rosette_rdf_quad_append_nquads:
 * @out: where to write
 * @quad: the quad
 *
 * Appends @quad as one N-Quads line, ending in a newline.
 */
void
rosette_rdf_quad_append_nquads (GString              *out,
                                const RosetteRdfQuad *quad)
{
  init_escape_table ();
  append_quad (out, quad, NULL, NULL);
}

/* Identifier issuers (RDFC-1.0 §4.5) */

typedef struct
{
  const char *prefix;
  guint       counter;
  GHashTable *issued;   /* existing label -> issued id */
  GPtrArray  *order;    /* existing labels, in issue order (borrowed) */
} IdIssuer;

static IdIssuer *
id_issuer_new (const char *prefix)
{
  IdIssuer *issuer = g_new0 (IdIssuer, 1);

  issuer->prefix = prefix;
  issuer->issued = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  issuer->order = g_ptr_array_new ();
  return issuer;
}

static void
id_issuer_free (IdIssuer *issuer)
{
  if (issuer == NULL)
    return;
  g_hash_table_unref (issuer->issued);
  g_ptr_array_unref (issuer->order);
  g_free (issuer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdIssuer, id_issuer_free)

static IdIssuer *
id_issuer_copy (const IdIssuer *issuer)
{
  IdIssuer *copy = id_issuer_new (issuer->prefix);

  copy->counter = issuer->counter;
  for (guint i = 0; i < issuer->order->len; i++)
    {
      const char *label = g_ptr_array_index (issuer->order, i);

      g_hash_table_insert (copy->issued, (gpointer) label,
                           g_strdup (g_hash_table_lookup (issuer->issued, label)));
      g_ptr_array_add (copy->order, (gpointer) label);
    }
  return copy;
}

/* @label must outlive the issuer (labels belong to the dataset). */
static const char *
id_issuer_issue (IdIssuer   *issuer,
                 const char *label)
{
  const char *issued = g_hash_table_lookup (issuer->issued, label);

  if (issued != NULL)
    return issued;

  issued = g_strdup_printf ("%s%u", issuer->prefix, issuer->counter++);
  g_hash_table_insert (issuer->issued, (gpointer) label, (gpointer) issued);
  g_ptr_array_add (issuer->order, (gpointer) label);
  return issued;
}

static const char *
id_issuer_lookup (const IdIssuer *issuer,
                  const char     *label)
{
  return g_hash_table_lookup (issuer->issued, label);
}

/* N-Quads lines written into one buffer (NUL-separated), then sorted and
 * joined: one allocation for all the lines rather than one each. */
typedef struct
{
  GString *text;
  GArray  *starts;
} Lines;

static void
lines_init (Lines *lines)
{
  lines->text = g_string_sized_new (2048);
  lines->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
lines_clear (Lines *lines)
{
  if (lines->text != NULL)
    g_string_free (lines->text, TRUE);
  g_clear_pointer (&lines->starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lines, lines_clear)

/* Canonicalization state (RDFC-1.0 §4.4) */

typedef struct
{
  GPtrArray  *quads;          /* borrowed RosetteRdfQuad, duplicates removed */
  GHashTable *bnode_quads;    /* label -> GPtrArray of quads mentioning it */
  GHashTable *first_degree;   /* label -> hex hash (cache) */
  IdIssuer   *canonical;
  guint       work;
  Lines       lines;          /* scratch space for serializing quads */
  GString    *joined;
} Canon;

static void
canon_clear (Canon *canon)
{
  lines_clear (&canon->lines);
  if (canon->joined != NULL)
    g_string_free (canon->joined, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Canon, canon_clear)

static gboolean
canon_spend (Canon   *canon,
             GError **error)
{
  if (++canon->work <= ROSETTE_RDFC_MAX_WORK)
    return TRUE;
  g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                       _("This document is too complex to canonicalize safely"));
  return FALSE;
}

/* GnuTLS (nettle, with the CPU's SHA instructions where it has them) is
 * about four times as fast as GChecksum, and hashing is a large part of
 * canonicalization. */
static char *
sha256_hex (const char *data,
            gsize       length)
{
  guint8 digest[32];

  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, data, length, digest) < 0)
    g_error ("SHA-256 is not available");
  return rosette_rdfc_hex (digest, sizeof digest);
}

/**
 * rosette_rdfc_hex:
 * @data: bytes
 * @length: how many
 *
 * Returns: (transfer full): @data in lowercase hexadecimal, as RDFC-1.0
 *   writes hashes
 */
char *
rosette_rdfc_hex (const guint8 *data,
                  gsize         length)
{
  static const char digits[] = "0123456789abcdef";
  char *out = g_malloc (2 * length + 1);

  for (gsize i = 0; i < length; i++)
    {
      out[2 * i] = digits[data[i] >> 4];
      out[2 * i + 1] = digits[data[i] & 0xf];
    }
  out[2 * length] = '\0';
  return out;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}


static void
lines_add_quad (Lines                *lines,
                const RosetteRdfQuad *quad,
                LabelFunc             label,
                gpointer              data)
{
  gsize start = lines->text->len;

  g_array_append_val (lines->starts, start);
  append_quad (lines->text, quad, label, data);
  g_string_append_c (lines->text, '\0');
}

static int
compare_line_starts (gconstpointer a,
                     gconstpointer b,
                     gpointer      text)
{
  return strcmp ((const char *) text + *(const gsize *) a,
                 (const char *) text + *(const gsize *) b);
}

/* Writes the lines to @out (emptied first) in code point order. */
static void
lines_sort_join (Lines   *lines,
                 GString *out)
{
  g_string_truncate (out, 0);
  g_array_sort_with_data (lines->starts, compare_line_starts, lines->text->str);
  for (guint i = 0; i < lines->starts->len; i++)
    append_str (out, lines->text->str + g_array_index (lines->starts, gsize, i));
}

static void
lines_reset (Lines *lines)
{
  g_string_truncate (lines->text, 0);
  g_array_set_size (lines->starts, 0);
}

static const char *
label_a_or_z (const RosetteRdfTerm *term,
              gpointer              data)
{
  return strcmp (term->value, data) == 0 ? "a" : "z";
}

/* §4.6 Hash First Degree Quads */
static const char *
hash_first_degree (Canon      *canon,
                   const char *label)
{
  GPtrArray *quads;
  char *hash;

  hash = g_hash_table_lookup (canon->first_degree, label);
  if (hash != NULL)
    return hash;

  quads = g_hash_table_lookup (canon->bnode_quads, label);
  lines_reset (&canon->lines);
  for (guint i = 0; i < quads->len; i++)
    lines_add_quad (&canon->lines, g_ptr_array_index (quads, i), label_a_or_z, (gpointer) label);
  lines_sort_join (&canon->lines, canon->joined);

  hash = sha256_hex (canon->joined->str, canon->joined->len);
  g_hash_table_insert (canon->first_degree, (gpointer) label, hash);
  return hash;
}

/* §4.7 Hash Related Blank Node */
static char *
hash_related (Canon                *canon,
              const char           *related,
              const RosetteRdfQuad *quad,
              IdIssuer             *issuer,
              char                  position)
{
  g_autoptr(GString) input = g_string_new (NULL);
  const char *id;

  g_string_append_c (input, position);
  if (position != 'g')
    {
      g_string_append_c (input, '<');
      g_string_append (input, quad->predicate.value);
      g_string_append_c (input, '>');
    }

  if ((id = id_issuer_lookup (canon->canonical, related)) != NULL ||
      (id = id_issuer_lookup (issuer, related)) != NULL)
    {
      g_string_append (input, "_:");
      g_string_append (input, id);
    }
  else
    {
      g_string_append (input, hash_first_degree (canon, related));
    }

  return sha256_hex (input->str, input->len);
}

/* Heap's algorithm, one step: advances @items to the next permutation.
 * @state holds one counter per position; returns FALSE when done. */
static gboolean
next_permutation (GPtrArray *items,
                  guint     *state,
                  guint     *i)
{
  while (*i < items->len)
    {
      if (state[*i] < *i)
        {
          guint j = (*i % 2 == 0) ? 0 : state[*i];
          gpointer tmp = items->pdata[j];

          items->pdata[j] = items->pdata[*i];
          items->pdata[*i] = tmp;
          state[*i]++;
          *i = 1;
          return TRUE;
        }
      state[*i] = 0;
      (*i)++;
    }
  return FALSE;
}

static gboolean
path_worse (GString    *path,
            const char *chosen)
{
  gsize chosen_len;

  if (chosen == NULL)
    return FALSE;
  chosen_len = strlen (chosen);
  return path->len >= chosen_len && strcmp (path->str, chosen) > 0;
}

static char *hash_n_degree (Canon       *canon,
                            const char  *label,
                            IdIssuer   **issuer,
                            GError     **error);

/* One permutation of §4.8.3 step 5.4; returns FALSE on error. On success
 * *path is the path (or NULL when it was abandoned as worse). */
static gboolean
hash_permutation (Canon       *canon,
                  GPtrArray   *permutation,
                  IdIssuer    *issuer,
                  const char  *chosen_path,
                  GString    **out_path,
                  IdIssuer   **out_issuer,
                  GError     **error)
{
  g_autoptr(IdIssuer) copy = id_issuer_copy (issuer);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GPtrArray) recursion = g_ptr_array_new ();

  *out_path = NULL;
  *out_issuer = NULL;

  for (guint k = 0; k < permutation->len; k++)
    {
      const char *related = g_ptr_array_index (permutation, k);
      const char *id = id_issuer_lookup (canon->canonical, related);

      if (id == NULL)
        {
          if (id_issuer_lookup (copy, related) == NULL)
            g_ptr_array_add (recursion, (gpointer) related);
          id = id_issuer_issue (copy, related);
        }
      g_string_append (path, "_:");
      g_string_append (path, id);
      if (path_worse (path, chosen_path))
        return TRUE;
    }

  for (guint k = 0; k < recursion->len; k++)
    {
      const char *related = g_ptr_array_index (recursion, k);
      g_autofree char *hash = NULL;

      hash = hash_n_degree (canon, related, &copy, error);
      if (hash == NULL)
        return FALSE;
      g_string_append (path, "_:");
      g_string_append (path, id_issuer_issue (copy, related));
      g_string_append_printf (path, "<%s>", hash);
      if (path_worse (path, chosen_path))
        return TRUE;
    }

  *out_path = g_steal_pointer (&path);
  *out_issuer = g_steal_pointer (&copy);
  return TRUE;
}

/* §4.8 Hash N-Degree Quads. *issuer is replaced by the chosen issuer. */
static char *
hash_n_degree (Canon      *canon,
               const char *label,
               IdIssuer  **issuer,
               GError    **error)
{
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree const char **hashes = NULL;
  GPtrArray *quads = g_hash_table_lookup (canon->bnode_quads, label);
  guint n_hashes;

  if (!canon_spend (canon, error))
    return NULL;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < quads->len; i++)
    {
      const RosetteRdfQuad *quad = g_ptr_array_index (quads, i);
      const RosetteRdfTerm *parts[] = { &quad->subject, &quad->object, &quad->graph };
      const char positions[] = { 's', 'o', 'g' };

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          GPtrArray *group;
          char *hash;

          if (parts[p]->kind != ROSETTE_RDF_BLANK || strcmp (parts[p]->value, label) == 0)
            continue;
          hash = hash_related (canon, parts[p]->value, quad, *issuer, positions[p]);
          group = g_hash_table_lookup (groups, hash);
          if (group == NULL)
            {
              group = g_ptr_array_new ();
              g_hash_table_insert (groups, hash, group);
            }
          else
            {
              g_free (hash);
            }
          g_ptr_array_add (group, parts[p]->value);
        }
    }

  hashes = (const char **) g_hash_table_get_keys_as_array (groups, &n_hashes);
  qsort (hashes, n_hashes, sizeof (char *), compare_strings);

  for (guint h = 0; h < n_hashes; h++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, hashes[h]);
      g_autoptr(GString) chosen_path = NULL;
      g_autoptr(IdIssuer) chosen_issuer = NULL;
      g_autofree guint *state = g_new0 (guint, group->len + 1);
      guint step = 1;

      g_string_append (data, hashes[h]);

      do
        {
          GString *path = NULL;
          IdIssuer *path_issuer = NULL;

          if (!canon_spend (canon, error))
            return NULL;
          if (!hash_permutation (canon, group, *issuer,
                                 chosen_path != NULL ? chosen_path->str : NULL,
                                 &path, &path_issuer, error))
            return NULL;
          if (path != NULL &&
              (chosen_path == NULL || strcmp (path->str, chosen_path->str) < 0))
            {
              if (chosen_path != NULL)
                g_string_free (chosen_path, TRUE);
              id_issuer_free (chosen_issuer);
              chosen_path = path;
              chosen_issuer = path_issuer;
            }
          else
            {
              if (path != NULL)
                g_string_free (path, TRUE);
              id_issuer_free (path_issuer);
            }
        }
      while (next_permutation (group, state, &step));

      g_string_append (data, chosen_path->str);
      id_issuer_free (*issuer);
      *issuer = g_steal_pointer (&chosen_issuer);
    }

  return sha256_hex (data->str, data->len);
}

static const char *
label_canonical (const RosetteRdfTerm *term,
                 gpointer              data)
{
  return id_issuer_lookup (data, term->value);
}

typedef struct
{
  char     *hash;
  IdIssuer *issuer;
} HashPath;

static int
compare_hash_paths (gconstpointer a,
                    gconstpointer b)
{
  const HashPath *pa = a;
  const HashPath *pb = b;

  return strcmp (pa->hash, pb->hash);
}

static void
canon_index_blank_nodes (Canon *canon)
{
  for (guint i = 0; i < canon->quads->len; i++)
    {
      RosetteRdfQuad *quad = g_ptr_array_index (canon->quads, i);
      RosetteRdfTerm *parts[] = { &quad->subject, &quad->object, &quad->graph };

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          GPtrArray *list;

          if (parts[p]->kind != ROSETTE_RDF_BLANK)
            continue;
          list = g_hash_table_lookup (canon->bnode_quads, parts[p]->value);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (canon->bnode_quads, parts[p]->value, list);
            }
          if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != quad)
            g_ptr_array_add (list, quad);
        }
    }
}

/* §4.4.3 steps 3–5: names every blank node in canon->canonical. */
static gboolean
canon_label_blank_nodes (Canon   *canon,
                         GError **error)
{
  g_autoptr(GHashTable) groups = NULL;
  g_autofree const char **labels = NULL;
  g_autofree const char **hashes = NULL;
  guint n_labels, n_hashes;

  /* Walk the labels in a fixed order so that equal-hash groups list
   * their members deterministically. */
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) g_ptr_array_unref);
  labels = (const char **) g_hash_table_get_keys_as_array (canon->bnode_quads, &n_labels);
  qsort (labels, n_labels, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_labels; i++)
    {
      const char *hash = hash_first_degree (canon, labels[i]);
      GPtrArray *group = g_hash_table_lookup (groups, hash);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) hash, group);
        }
      g_ptr_array_add (group, (gpointer) labels[i]);
    }

  hashes = (const char **) g_hash_table_get_keys_as_array (groups, &n_hashes);
  qsort (hashes, n_hashes, sizeof (char *), compare_strings);

  for (guint h = 0; h < n_hashes; h++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, hashes[h]);

      if (group->len == 1)
        id_issuer_issue (canon->canonical, g_ptr_array_index (group, 0));
    }

  for (guint h = 0; h < n_hashes; h++)
    {
      GPtrArray *group = g_hash_table_lookup (groups, hashes[h]);
      g_autoptr(GArray) paths = NULL;
      gboolean ok = TRUE;

      if (group->len == 1)
        continue;

      paths = g_array_new (FALSE, FALSE, sizeof (HashPath));
      for (guint i = 0; ok && i < group->len; i++)
        {
          const char *label = g_ptr_array_index (group, i);
          HashPath path = { NULL, NULL };

          if (id_issuer_lookup (canon->canonical, label) != NULL)
            continue;
          path.issuer = id_issuer_new ("b");
          id_issuer_issue (path.issuer, label);
          path.hash = hash_n_degree (canon, label, &path.issuer, error);
          if (path.hash == NULL)
            ok = FALSE;
          g_array_append_val (paths, path);
        }

      if (ok)
        {
          g_array_sort (paths, compare_hash_paths);
          for (guint i = 0; i < paths->len; i++)
            {
              HashPath *path = &g_array_index (paths, HashPath, i);

              for (guint k = 0; k < path->issuer->order->len; k++)
                id_issuer_issue (canon->canonical, g_ptr_array_index (path->issuer->order, k));
            }
        }

      for (guint i = 0; i < paths->len; i++)
        {
          HashPath *path = &g_array_index (paths, HashPath, i);

          g_free (path->hash);
          id_issuer_free (path->issuer);
        }
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* The datatype a literal is written with: none with a language tag, and
 * xsd:string when it has none (as N-Quads writes both). */
static const char *
literal_datatype (const RosetteRdfTerm *term)
{
  if (term->kind != ROSETTE_RDF_LITERAL || term->language != NULL)
    return NULL;
  return term->datatype != NULL ? term->datatype : ROSETTE_XSD_STRING;
}

/* Orders terms so that two terms compare equal exactly when they are
 * written the same in N-Quads. */
static int
compare_terms (const RosetteRdfTerm *a,
               const RosetteRdfTerm *b)
{
  int c;

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if ((c = g_strcmp0 (a->value, b->value)) != 0 ||
      (c = g_strcmp0 (a->language, b->language)) != 0 ||
      (c = g_strcmp0 (literal_datatype (a), literal_datatype (b))) != 0)
    return c;
  return 0;
}

static gboolean
quads_equal (const RosetteRdfQuad *x,
             const RosetteRdfQuad *y)
{
  return compare_terms (&x->subject, &y->subject) == 0 &&
         compare_terms (&x->predicate, &y->predicate) == 0 &&
         compare_terms (&x->object, &y->object) == 0 &&
         compare_terms (&x->graph, &y->graph) == 0;
}

/* Mixes @s into @hash eight bytes at a time (equal strings, equal
 * mixes; a NULL string differs from ""). */
static guint64
mix_string (guint64     hash,
            const char *s)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  gsize length;

  if (s == NULL)
    return (hash ^ 1) * k;
  length = strlen (s);
  for (; length >= 8; s += 8, length -= 8)
    {
      guint64 word;

      memcpy (&word, s, 8);
      hash = (hash ^ word) * k;
      hash ^= hash >> 29;
    }
  if (length > 0)
    {
      guint64 word = 0;

      memcpy (&word, s, length);
      hash = (hash ^ word) * k;
      hash ^= hash >> 29;
    }
  return ((hash ^ 2) + length) * k;
}

/* Equal terms (as compare_terms() sees them) mix the same. */
static guint64
mix_term (guint64               hash,
          const RosetteRdfTerm *term)
{
  hash = (hash ^ (guint) term->kind) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  hash = mix_string (hash, term->value);
  hash = mix_string (hash, term->language);
  return mix_string (hash, literal_datatype (term));
}

typedef struct
{
  guint64 hash;
  guint   index;
} QuadHash;

static int
compare_quad_hashes (gconstpointer a,
                     gconstpointer b)
{
  const QuadHash *x = a;
  const QuadHash *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/* A dataset is a set: the quads of @dataset without repeats, in their
 * order. Sorting hashes finds the candidates, and only quads with equal
 * hashes are compared, which is much cheaper than sorting the quads. */
static GPtrArray *
unique_quads (GPtrArray *dataset)
{
  g_autofree QuadHash *hashes = g_new (QuadHash, dataset->len + 1);
  g_autofree gboolean *repeated = g_new0 (gboolean, dataset->len + 1);
  GPtrArray *quads = g_ptr_array_sized_new (dataset->len);

  for (guint i = 0; i < dataset->len; i++)
    {
      const RosetteRdfQuad *quad = g_ptr_array_index (dataset, i);
      guint64 hash = 0;

      hash = mix_term (hash, &quad->subject);
      hash = mix_term (hash, &quad->predicate);
      hash = mix_term (hash, &quad->object);
      hashes[i] = (QuadHash) { mix_term (hash, &quad->graph), i };
    }
  qsort (hashes, dataset->len, sizeof (QuadHash), compare_quad_hashes);

  /* In a run of equal hashes (in dataset order), a quad equal to an
   * earlier kept one is a repeat. */
  for (guint start = 0, end; start < dataset->len; start = end)
    {
      for (end = start + 1; end < dataset->len && hashes[end].hash == hashes[start].hash; end++)
        ;
      for (guint i = start + 1; i < end; i++)
        for (guint k = start; k < i; k++)
          if (!repeated[hashes[k].index] &&
              quads_equal (g_ptr_array_index (dataset, hashes[k].index),
                           g_ptr_array_index (dataset, hashes[i].index)))
            {
              repeated[hashes[i].index] = TRUE;
              break;
            }
    }
  for (guint i = 0; i < dataset->len; i++)
    if (!repeated[i])
      g_ptr_array_add (quads, g_ptr_array_index (dataset, i));
  return quads;
}

/**
 * rosette_rdfc_canonicalize:
 * @dataset: (element-type RosetteRdfQuad): the dataset; left unchanged
 * @error: return location for a #GError
 *
 * Canonicalizes @dataset with RDFC-1.0 (SHA-256) and serializes it as
 * canonical N-Quads: one quad a line, each ending in "\n", sorted in code
 * point order, duplicates removed, blank nodes named _:c14n0, _:c14n1, …
 *
 * Fails with %ROSETTE_ERROR_TOO_LARGE when the dataset is over
 * %ROSETTE_RDFC_MAX_QUADS quads or would take more than
 * %ROSETTE_RDFC_MAX_WORK N-degree steps.
 *
 * Returns: (transfer full): the canonical N-Quads, or %NULL on error
 */
char *
rosette_rdfc_canonicalize (GPtrArray  *dataset,
                           GError    **error)
{
  g_autoptr(GPtrArray) quads = NULL;
  g_autoptr(GHashTable) bnode_quads = NULL;
  g_autoptr(GHashTable) first_degree = NULL;
  g_autoptr(IdIssuer) canonical = NULL;
  g_autoptr(GString) joined = NULL;
  g_auto(Canon) canon = { 0 };

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  init_escape_table ();

  if (dataset->len > ROSETTE_RDFC_MAX_QUADS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("This document is too large to canonicalize (%u statements, at most %u)"),
                   dataset->len, (guint) ROSETTE_RDFC_MAX_QUADS);
      return NULL;
    }

  quads = unique_quads (dataset);

  bnode_quads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  first_degree = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  canonical = id_issuer_new ("c14n");
  canon = (Canon) {
    .quads = quads,
    .bnode_quads = bnode_quads,
    .first_degree = first_degree,
    .canonical = canonical,
    .work = 0,
    .joined = g_string_sized_new (1024),
  };
  lines_init (&canon.lines);

  canon_index_blank_nodes (&canon);
  if (!canon_label_blank_nodes (&canon, error))
    return NULL;

  lines_reset (&canon.lines);
  for (guint i = 0; i < quads->len; i++)
    lines_add_quad (&canon.lines, g_ptr_array_index (quads, i), label_canonical, canonical);
  joined = g_string_sized_new (canon.lines.text->len);
  lines_sort_join (&canon.lines, joined);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* N-Quads reader: enough of the W3C grammar for the test suites and for
 * reading back what Rosette writes. */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Reader;

static void
reader_skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t'))
    r->p++;
}

static gboolean
reader_error (Reader  *r,
              GError **error)
{
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
               _("Malformed N-Quads on line %u"), r->line);
  return FALSE;
}

static gboolean
read_uchar (Reader  *r,
            GString *out)
{
  char digits[9] = { 0 };
  guint n = (*r->p == 'u') ? 4 : 8;
  gunichar c;

  r->p++;
  if (r->end - r->p < (gssize) n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isxdigit (r->p[i]))
        return FALSE;
      digits[i] = r->p[i];
    }
  r->p += n;
  c = (gunichar) g_ascii_strtoull (digits, NULL, 16);
  if (!g_unichar_validate (c) || c == 0)
    return FALSE;
  g_string_append_unichar (out, c);
  return TRUE;
}

static char *
read_iri (Reader  *r,
          GError **error)
{
  g_autoptr(GString) iri = g_string_new (NULL);

  r->p++;  /* '<' */
  while (r->p < r->end && *r->p != '>')
    {
      if (*r->p == '\\')
        {
          r->p++;
          if (r->p >= r->end || (*r->p != 'u' && *r->p != 'U') || !read_uchar (r, iri))
            return reader_error (r, error), NULL;
          continue;
        }
      if ((guchar) *r->p <= 0x20 || *r->p == '<' || *r->p == '"')
        return reader_error (r, error), NULL;
      g_string_append_c (iri, *r->p++);
    }
  if (r->p >= r->end)
    return reader_error (r, error), NULL;
  r->p++;
  return g_string_free (g_steal_pointer (&iri), FALSE);
}

static char *
read_bnode (Reader  *r,
            GError **error)
{
  const char *start;

  if (r->end - r->p < 3 || r->p[1] != ':')
    return reader_error (r, error), NULL;
  r->p += 2;
  start = r->p;
  while (r->p < r->end && (g_ascii_isalnum (*r->p) || *r->p == '_' || *r->p == '-' ||
                           *r->p == '.' || (guchar) *r->p >= 0x80))
    r->p++;
  /* A label may not end with '.', which then ends the statement. */
  while (r->p > start && r->p[-1] == '.')
    r->p--;
  if (r->p == start)
    return reader_error (r, error), NULL;
  return g_strndup (start, r->p - start);
}

static gboolean
read_literal (Reader          *r,
              RosetteRdfTerm  *term,
              GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *datatype = NULL;
  g_autofree char *language = NULL;

  r->p++;  /* '"' */
  while (r->p < r->end && *r->p != '"')
    {
      if (*r->p == '\\')
        {
          const char *echars = "tbnrf\"'\\";
          const char *values = "\t\b\n\r\f\"'\\";
          const char *hit;

          r->p++;
          if (r->p >= r->end)
            return reader_error (r, error);
          if (*r->p == 'u' || *r->p == 'U')
            {
              if (!read_uchar (r, text))
                return reader_error (r, error);
              continue;
            }
          hit = strchr (echars, *r->p);
          if (hit == NULL || *r->p == '\0')
            return reader_error (r, error);
          g_string_append_c (text, values[hit - echars]);
          r->p++;
          continue;
        }
      if (*r->p == '\n' || *r->p == '\r')
        return reader_error (r, error);
      g_string_append_c (text, *r->p++);
    }
  if (r->p >= r->end)
    return reader_error (r, error);
  r->p++;

  if (r->p < r->end && *r->p == '@')
    {
      const char *start = ++r->p;

      while (r->p < r->end && (g_ascii_isalnum (*r->p) || *r->p == '-'))
        r->p++;
      if (r->p == start)
        return reader_error (r, error);
      language = g_strndup (start, r->p - start);
    }
  else if (r->end - r->p >= 3 && r->p[0] == '^' && r->p[1] == '^' && r->p[2] == '<')
    {
      r->p += 2;
      datatype = read_iri (r, error);
      if (datatype == NULL)
        return FALSE;
    }

  if (!g_utf8_validate_len (text->str, text->len, NULL))
    return reader_error (r, error);
  rosette_rdf_term_set (term, ROSETTE_RDF_LITERAL, text->str, datatype, language);
  return TRUE;
}

/* Reads one term of the kinds @allowed ("ibl": IRI, blank, literal). */
static gboolean
read_term (Reader          *r,
           const char      *allowed,
           RosetteRdfTerm  *term,
           GError         **error)
{
  g_autofree char *value = NULL;

  reader_skip_space (r);
  if (r->p >= r->end)
    return reader_error (r, error);

  if (*r->p == '<' && strchr (allowed, 'i'))
    {
      value = read_iri (r, error);
      if (value == NULL)
        return FALSE;
      rosette_rdf_term_set (term, ROSETTE_RDF_IRI, value, NULL, NULL);
      return TRUE;
    }
  if (*r->p == '_' && strchr (allowed, 'b'))
    {
      value = read_bnode (r, error);
      if (value == NULL)
        return FALSE;
      rosette_rdf_term_set (term, ROSETTE_RDF_BLANK, value, NULL, NULL);
      return TRUE;
    }
  if (*r->p == '"' && strchr (allowed, 'l'))
    return read_literal (r, term, error);

  return reader_error (r, error);
}

static gboolean
read_statement (Reader     *r,
                GPtrArray  *dataset,
                GError    **error)
{
  g_auto(RosetteRdfTerm) subject = { 0 };
  g_auto(RosetteRdfTerm) predicate = { 0 };
  g_auto(RosetteRdfTerm) object = { 0 };
  g_auto(RosetteRdfTerm) graph = { 0 };

  if (!read_term (r, "ib", &subject, error) ||
      !read_term (r, "i", &predicate, error) ||
      !read_term (r, "ibl", &object, error))
    return FALSE;

  reader_skip_space (r);
  if (r->p < r->end && *r->p != '.')
    {
      if (!read_term (r, "ib", &graph, error))
        return FALSE;
      reader_skip_space (r);
    }
  if (r->p >= r->end || *r->p != '.')
    return reader_error (r, error);
  r->p++;
  reader_skip_space (r);
  if (r->p < r->end && *r->p == '#')
    while (r->p < r->end && *r->p != '\n')
      r->p++;
  if (r->p < r->end && *r->p != '\n' && *r->p != '\r')
    return reader_error (r, error);

  g_ptr_array_add (dataset, rosette_rdf_quad_new (&subject, &predicate, &object, &graph));
  return TRUE;
}

/**
 * rosette_nquads_parse:
 * @text: N-Quads text (UTF-8)
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Reads an N-Quads document (W3C RDF 1.1 N-Quads): one statement a line,
 * comments after '#'.
 *
 * Returns: (transfer full) (element-type RosetteRdfQuad): the dataset, or
 *   %NULL with %ROSETTE_ERROR_PARSE or %ROSETTE_ERROR_TOO_LARGE
 */
GPtrArray *
rosette_nquads_parse (const char  *text,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(GPtrArray) dataset = rosette_rdf_dataset_new ();
  Reader r;

  g_return_val_if_fail (text != NULL, NULL);

  if (length == (gsize) -1)
    length = strlen (text);
  if (length > ROSETTE_RDFC_MAX_NQUADS_SIZE)
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                           _("The N-Quads document is too large"));
      return NULL;
    }

  r = (Reader) { text, text + length, 1 };
  while (r.p < r.end)
    {
      reader_skip_space (&r);
      if (r.p < r.end && *r.p == '#')
        while (r.p < r.end && *r.p != '\n')
          r.p++;
      if (r.p < r.end && (*r.p == '\n' || *r.p == '\r'))
        {
          if (*r.p == '\n')
            r.line++;
          r.p++;
          continue;
        }
      if (r.p >= r.end)
        break;
      if (dataset->len >= ROSETTE_RDFC_MAX_QUADS)
        {
          g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                               _("The N-Quads document is too large"));
          return NULL;
        }
      if (!read_statement (&r, dataset, error))
        return NULL;
    }

  return g_steal_pointer (&dataset);
}
