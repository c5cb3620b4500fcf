/* rosette-rdfc.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bounds on what RDFC-1.0 accepts: a hostile document must fail quickly
 * with ROSETTE_ERROR_TOO_LARGE rather than hang. A credential has a few
 * dozen quads and needs no N-degree hashing at all. */
#define ROSETTE_RDFC_MAX_QUADS           20000
#define ROSETTE_RDFC_MAX_WORK            20000
#define ROSETTE_RDFC_MAX_NQUADS_SIZE     (4 * 1024 * 1024)

#define ROSETTE_RDF_TYPE         "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define ROSETTE_RDF_FIRST        "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
#define ROSETTE_RDF_REST         "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
#define ROSETTE_RDF_NIL          "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
#define ROSETTE_RDF_JSON         "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
#define ROSETTE_RDF_LANG_STRING  "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#define ROSETTE_XSD_STRING       "http://www.w3.org/2001/XMLSchema#string"
#define ROSETTE_XSD_BOOLEAN      "http://www.w3.org/2001/XMLSchema#boolean"
#define ROSETTE_XSD_INTEGER      "http://www.w3.org/2001/XMLSchema#integer"
#define ROSETTE_XSD_DOUBLE       "http://www.w3.org/2001/XMLSchema#double"

/**
 * RosetteRdfTermKind:
 * @ROSETTE_RDF_DEFAULT_GRAPH: the default graph (only as a graph name)
 * @ROSETTE_RDF_IRI: an IRI
 * @ROSETTE_RDF_BLANK: a blank node; the value is its label without "_:"
 * @ROSETTE_RDF_LITERAL: a literal with a datatype IRI and, for
 *   rdf:langString, a language tag
 */
typedef enum
{
  ROSETTE_RDF_DEFAULT_GRAPH,
  ROSETTE_RDF_IRI,
  ROSETTE_RDF_BLANK,
  ROSETTE_RDF_LITERAL,
} RosetteRdfTermKind;

typedef struct
{
  RosetteRdfTermKind  kind;
  char               *value;
  char               *datatype;
  char               *language;
} RosetteRdfTerm;

/**
 * RosetteRdfQuad:
 *
 * One statement of an RDF dataset, made with rosette_rdf_quad_new() (its
 * strings belong to it and are not freed one by one). A dataset is a
 * #GPtrArray of quads made with rosette_rdf_dataset_new(); duplicates
 * are allowed there and removed by canonicalization.
 */
typedef struct
{
  RosetteRdfTerm subject;
  RosetteRdfTerm predicate;
  RosetteRdfTerm object;
  RosetteRdfTerm graph;
} RosetteRdfQuad;

GPtrArray *rosette_rdf_dataset_new        (void);
RosetteRdfQuad *rosette_rdf_quad_new      (const RosetteRdfTerm *subject,
                                           const RosetteRdfTerm *predicate,
                                           const RosetteRdfTerm *object,
                                           const RosetteRdfTerm *graph);
void       rosette_rdf_quad_free          (RosetteRdfQuad   *quad);
void       rosette_rdf_term_set           (RosetteRdfTerm   *term,
                                           RosetteRdfTermKind kind,
                                           const char       *value,
                                           const char       *datatype,
                                           const char       *language);
void       rosette_rdf_term_append_nquads (GString          *out,
                                           const RosetteRdfTerm *term);
void       rosette_rdf_quad_append_nquads (GString          *out,
                                           const RosetteRdfQuad *quad);
GPtrArray *rosette_nquads_parse           (const char       *text,
                                           gsize             length,
                                           GError          **error);
char      *rosette_rdfc_hex               (const guint8     *data,
                                           gsize             length);
char      *rosette_rdfc_canonicalize      (GPtrArray        *dataset,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteRdfQuad, rosette_rdf_quad_free)

G_END_DECLS
