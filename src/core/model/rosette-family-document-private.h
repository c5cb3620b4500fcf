/* rosette-family-document-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Shared by the files that read and write the family document:
 * rosette-family-document.c, rosette-family-document-designer.c and
 * rosette-family-json.c.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "rosette-family.h"

G_BEGIN_DECLS

/* rosette-family-json.c: typed readers of one member. */
gboolean _rosette_json_node_is_string       (JsonNode     *node);
gboolean _rosette_json_node_is_integer      (JsonNode     *node);
gboolean _rosette_json_read_string          (JsonObject   *object,
                                             const char   *key,
                                             const char  **value,
                                             GError      **error);
gboolean _rosette_json_read_required_string (JsonObject   *object,
                                             const char   *key,
                                             const char  **value,
                                             GError      **error);
gboolean _rosette_json_read_enum            (JsonObject   *object,
                                             const char   *key,
                                             GType         type,
                                             int          *value,
                                             gboolean     *found,
                                             GError      **error);
gboolean _rosette_json_read_boolean         (JsonObject   *object,
                                             const char   *key,
                                             gboolean     *value,
                                             gboolean     *found,
                                             GError      **error);
gboolean _rosette_json_read_number          (JsonObject   *object,
                                             const char   *key,
                                             double        min,
                                             double        max,
                                             gboolean      zero_ok,
                                             double       *value,
                                             gboolean     *found,
                                             GError      **error);
gboolean _rosette_json_read_color           (JsonObject   *object,
                                             const char   *key,
                                             gboolean      allow_empty,
                                             const char  **value,
                                             GError      **error);
gboolean _rosette_json_read_section         (JsonObject   *object,
                                             const char   *key,
                                             JsonObject  **out,
                                             GError      **error);

/* rosette-family-document-designer.c: the format 2 sections. */
gboolean _rosette_family_read_palette       (RosetteFamily  *family,
                                             JsonObject     *object,
                                             GError        **error);
gboolean _rosette_family_read_designer      (RosetteFamily  *family,
                                             JsonObject     *object,
                                             GError        **error);
void     _rosette_family_write_designer     (RosetteFamily  *self,
                                             JsonBuilder    *builder);

G_END_DECLS
