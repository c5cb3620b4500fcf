/* rosette-jsonld-terms.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The installed contexts are a few kilobytes each. */
#define ROSETTE_JSONLD_MAX_CONTEXT_SIZE (256 * 1024)

const char *rosette_jsonld_get_contexts_dir (void);
GHashTable *rosette_jsonld_load_contexts     (const char  *directory,
                                              GError     **error);
gboolean    rosette_jsonld_check_terms       (JsonNode    *document,
                                              GHashTable  *contexts,
                                              GError     **error);

G_END_DECLS
