/* test-rdfc.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RDFC-1.0: the W3C rdf-canon test suite (SHA-256 evaluation tests and the
 * negative "poison graph" test), N-Quads escaping, and the work bound on
 * hostile graphs. */

#include "config.h"

#include "rosette-test-di.h"

static char *
canonicalize_text (const char  *nquads,
                   GError     **error)
{
  g_autoptr(GPtrArray) dataset = rosette_nquads_parse (nquads, -1, error);

  if (dataset == NULL)
    return NULL;
  return rosette_rdfc_canonicalize (dataset, error);
}

static void
test_w3c_suite (void)
{
  g_autofree char *manifest_text = di_test_read ("di", "rdf-canon", "manifest.jsonld", NULL);
  g_autoptr(JsonObject) manifest = di_test_parse_object (manifest_text);
  JsonArray *entries = json_object_get_array_member (manifest, "entries");
  guint passed = 0, negative = 0, skipped = 0;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *type = json_object_get_string_member (entry, "type");
      const char *id = json_object_get_string_member (entry, "id");
      g_autofree char *input = NULL;
      g_autofree char *canonical = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) action = NULL;

      /* Only SHA-256 is used by eddsa-rdfc-2022; the issued-identifier
       * map is not exposed. */
      if (json_object_has_member (entry, "hashAlgorithm") ||
          strcmp (type, "rdfc:RDFC10MapTest") == 0 ||
          /* U+0000 in a literal: Rosette's strings (and json-glib's)
           * are nul-terminated, so no credential can hold one. */
          strcmp (id, "#test060c") == 0)
        {
          skipped++;
          continue;
        }

      action = g_strsplit (json_object_get_string_member (entry, "action"), "/", 2);
      input = di_test_read ("di", "rdf-canon", action[0], action[1], NULL);
      canonical = canonicalize_text (input, &error);

      if (strcmp (type, "rdfc:RDFC10NegativeEvalTest") == 0)
        {
          g_test_message ("%s: %s", id, error != NULL ? error->message : "(no error)");
          g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
          negative++;
        }
      else
        {
          g_auto(GStrv) result = g_strsplit (json_object_get_string_member (entry, "result"), "/", 2);
          g_autofree char *expected = di_test_read ("di", "rdf-canon", result[0], result[1], NULL);

          if (error != NULL)
            g_test_message ("%s: %s", id, error->message);
          g_assert_no_error (error);
          if (g_strcmp0 (canonical, expected) != 0)
            g_test_message ("%s differs:\n%s\nexpected:\n%s", id, canonical, expected);
          g_assert_cmpstr (canonical, ==, expected);
          passed++;
        }
    }

  g_test_message ("rdf-canon: %u evaluation tests passed, %u negative passed, %u skipped",
                  passed, negative, skipped);
  g_assert_cmpuint (passed, ==, 62);
  g_assert_cmpuint (negative, ==, 1);
}

static void
test_escaping (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;

  /* Literals escape quotes, backslashes and control characters; other
   * text, however far outside ASCII, is written as is. */
  canonical = canonicalize_text ("<http://a.example/s> <http://a.example/p> "
                                 "\"tab\\there \\\"quoted\\\" back\\\\slash \\u0001 caf\\u00E9\"@EN .\n",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (canonical, ==,
                   "<http://a.example/s> <http://a.example/p> "
                   "\"tab\\there \\\"quoted\\\" back\\\\slash \\u0001 café\"@EN .\n");
}

static void
test_duplicates_removed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *single = NULL;

  /* A dataset is a set: a repeated quad must not change the hashes. */
  canonical = canonicalize_text ("_:x <http://a.example/p> \"v\" .\n"
                                 "_:x <http://a.example/p> \"v\" .\n"
                                 "_:y <http://a.example/q> _:x .\n",
                                 &error);
  g_assert_no_error (error);
  single = canonicalize_text ("_:y <http://a.example/q> _:x .\n"
                              "_:x <http://a.example/p> \"v\" .\n",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (canonical, ==, single);
  g_assert_cmpstr (canonical, ==,
                   "_:c14n0 <http://a.example/p> \"v\" .\n"
                   "_:c14n1 <http://a.example/q> _:c14n0 .\n");
  g_clear_pointer (&canonical, g_free);

  /* A plain literal is an xsd:string: written both ways it is one quad;
   * with a language tag or another datatype it is another. */
  canonical = canonicalize_text ("<http://a.example/s> <http://a.example/p> \"v\" .\n"
                                 "<http://a.example/s> <http://a.example/p> "
                                 "\"v\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"
                                 "<http://a.example/s> <http://a.example/p> \"v\"@en .\n"
                                 "<http://a.example/s> <http://a.example/p> \"v\"@en .\n"
                                 "<http://a.example/s> <http://a.example/p> "
                                 "\"v\"^^<http://a.example/t> .\n",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (canonical, ==,
                   "<http://a.example/s> <http://a.example/p> \"v\" .\n"
                   "<http://a.example/s> <http://a.example/p> \"v\"@en .\n"
                   "<http://a.example/s> <http://a.example/p> \"v\"^^<http://a.example/t> .\n");
}

static void
test_hostile_graph (void)
{
  g_autoptr(GString) nquads = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;

  /* Twelve blank nodes, every one linked to every other: all look alike
   * to first-degree hashing, and N-degree hashing would try 11! orders. */
  for (guint i = 0; i < 12; i++)
    for (guint j = 0; j < 12; j++)
      if (i != j)
        g_string_append_printf (nquads, "_:n%u <http://a.example/knows> _:n%u .\n", i, j);

  canonical = canonicalize_text (nquads->str, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_null (canonical);
}

static void
test_malformed (void)
{
  static const char * const inputs[] = {
    "<http://a.example/s> <http://a.example/p> \"unterminated .\n",
    "<http://a.example/s> \"literal predicate\" <http://a.example/o> .\n",
    "<http://a.example/s> <http://a.example/p> <http://a.example/o>\n",
    "_: <http://a.example/p> <http://a.example/o> .\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) dataset = rosette_nquads_parse (inputs[i], -1, &error);

      g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
      g_assert_null (dataset);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/rdfc/w3c-suite", test_w3c_suite);
  g_test_add_func ("/rosette/rdfc/escaping", test_escaping);
  g_test_add_func ("/rosette/rdfc/duplicates-removed", test_duplicates_removed);
  g_test_add_func ("/rosette/rdfc/hostile-graph", test_hostile_graph);
  g_test_add_func ("/rosette/rdfc/malformed", test_malformed);

  return g_test_run ();
}
