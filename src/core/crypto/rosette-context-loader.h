/* rosette-context-loader.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The pinned contexts are a few kilobytes each. */
#define ROSETTE_CONTEXT_MAX_SIZE (256 * 1024)

#define ROSETTE_CONTEXT_CREDENTIALS_V2   "https://www.w3.org/ns/credentials/v2"
#define ROSETTE_CONTEXT_CREDENTIALS_V1   "https://www.w3.org/2018/credentials/v1"
#define ROSETTE_CONTEXT_EXAMPLES_V2      "https://www.w3.org/ns/credentials/examples/v2"
#define ROSETTE_CONTEXT_DATA_INTEGRITY_V2 "https://w3id.org/security/data-integrity/v2"
#define ROSETTE_CONTEXT_OB_V3P0_3_0_3    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

/**
 * RosetteContextLoaderFlags:
 * @ROSETTE_CONTEXT_LOADER_NONE: the pinned production set only
 * @ROSETTE_CONTEXT_LOADER_EXAMPLES: also the W3C credentials examples
 *   context, whose catch-all @vocab defines every term (test vectors only:
 *   it would switch safe mode off)
 */
typedef enum /*< flags >*/
{
  ROSETTE_CONTEXT_LOADER_NONE     = 0,
  ROSETTE_CONTEXT_LOADER_EXAMPLES = 1 << 0,
} RosetteContextLoaderFlags;

#define ROSETTE_TYPE_CONTEXT_LOADER (rosette_context_loader_get_type ())

G_DECLARE_FINAL_TYPE (RosetteContextLoader, rosette_context_loader, ROSETTE, CONTEXT_LOADER, GObject)

RosetteContextLoader *rosette_context_loader_get_default (void);
RosetteContextLoader *rosette_context_loader_new         (RosetteContextLoaderFlags  flags);
gboolean              rosette_context_loader_is_pinned   (RosetteContextLoader      *self,
                                                          const char                *url);
JsonNode             *rosette_context_loader_load        (RosetteContextLoader      *self,
                                                          const char                *url,
                                                          GError                   **error);
GBytes               *rosette_context_loader_dup_bytes   (RosetteContextLoader      *self,
                                                          const char                *url,
                                                          GError                   **error);
char                **rosette_context_loader_list_urls   (RosetteContextLoader      *self);

/* For the JSON-LD processor: a bounded cache of processed contexts whose
 * inputs all came from this loader (so they live as long as it does). */
gpointer              _rosette_context_loader_cache_lookup (RosetteContextLoader *self,
                                                            const char           *key);
void                  _rosette_context_loader_cache_insert (RosetteContextLoader *self,
                                                            const char           *key,
                                                            gpointer              value,
                                                            GBoxedCopyFunc        ref,
                                                            GDestroyNotify        unref);

G_END_DECLS
