/* rosette-test-di.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers shared by the JSON-LD, RDFC and Data Integrity tests: reading
 * files under tests/data and turning them into JSON or keys. */

#pragma once

#include <string.h>

#include "rosette-core.h"

G_BEGIN_DECLS

static inline char *
di_test_read (const char *first,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *part;
  char *contents = NULL;
  va_list args;

  g_ptr_array_add (parts, (gpointer) TESTS_SRCDIR);
  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static inline JsonNode *
di_test_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static inline JsonObject *
di_test_parse_object (const char *text)
{
  g_autoptr(JsonNode) node = di_test_parse (text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static inline GBytes *
di_test_hex (const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *data = g_malloc (n);

  for (gsize i = 0; i < n; i++)
    data[i] = g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new_take (data, n);
}

/* The W3C vc-di-eddsa vector key (tests/data/keys/w3c-eddsa-keyPair.json),
 * which tests/interop/di-interop.mjs signs with too. */
static inline RosetteKey *
di_test_w3c_key (void)
{
  g_autofree char *text = di_test_read ("keys", "w3c-eddsa-keyPair.json", NULL);
  g_autoptr(JsonObject) pair = di_test_parse_object (text);
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(GBytes) pub = NULL;
  g_autoptr(GError) error = NULL;
  RosetteKey *key;
  guint codec = 0;

  seed = rosette_multibase_decode_key (json_object_get_string_member (pair, "privateKeyMultibase"),
                                       &codec, &error);
  g_assert_no_error (error);
  pub = rosette_multibase_decode_key (json_object_get_string_member (pair, "publicKeyMultibase"),
                                      &codec, &error);
  g_assert_no_error (error);
  key = rosette_key_new_from_ed25519_raw (seed, pub, &error);
  g_assert_no_error (error);
  return key;
}

G_END_DECLS
