/* rosette-jsonld.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-context-loader.h"

G_BEGIN_DECLS

/* Bounds on a document given to the JSON-LD processor. */
#define ROSETTE_JSONLD_MAX_DEPTH     64
#define ROSETTE_JSONLD_MAX_WORK      200000
#define ROSETTE_JSONLD_MAX_CONTEXTS  32

/**
 * RosetteJsonldFlags:
 * @ROSETTE_JSONLD_NONE: safe mode (the default): anything that JSON-LD
 *   would silently drop (an undefined term, a relative IRI, an empty or
 *   free-floating object) is an error instead
 * @ROSETTE_JSONLD_UNSAFE: drop such things as plain JSON-LD does (only
 *   for running the W3C test suites)
 */
typedef enum /*< flags >*/
{
  ROSETTE_JSONLD_NONE   = 0,
  ROSETTE_JSONLD_UNSAFE = 1 << 0,
} RosetteJsonldFlags;

GPtrArray *rosette_jsonld_to_rdf        (JsonNode              *document,
                                         RosetteContextLoader  *loader,
                                         const char            *base,
                                         RosetteJsonldFlags     flags,
                                         GError               **error);
char      *rosette_jsonld_canonicalize  (JsonNode              *document,
                                         RosetteContextLoader  *loader,
                                         GError               **error);
char      *rosette_jsonld_canonicalize_without (JsonNode              *document,
                                                const char            *member,
                                                RosetteContextLoader  *loader,
                                                GError               **error);
char      *rosette_json_canonicalize    (JsonNode              *node);

G_END_DECLS
