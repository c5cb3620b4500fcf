/* test-jsonld.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* JSON-LD expansion and toRdf: the cases of the W3C json-ld-api toRdf
 * suite that fit Rosette's scope (tests/data/di/json-ld-api, see its
 * SOURCE.md), the pinned contexts, safe mode and bounds. */

#include "config.h"

#include "rosette-test-di.h"

#define SUITE_BASE "https://w3c.github.io/json-ld-api/tests/"

static char *
canonicalize_dataset (GPtrArray *dataset)
{
  g_autoptr(GError) error = NULL;
  char *canonical = rosette_rdfc_canonicalize (dataset, &error);

  g_assert_no_error (error);
  return canonical;
}

static char *
read_suite_file (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

typedef enum
{
  CASE_PASSED,
  CASE_FAILED,
  CASE_SKIPPED,
} CaseOutcome;

/* One toRdf case; compares datasets up to blank node names (both sides
 * canonicalized). */
static CaseOutcome
run_case (const char  *dir,
          JsonObject  *entry,
          char       **detail)
{
  JsonArray *types = json_object_get_array_member (entry, "@type");
  JsonObject *option = json_object_has_member (entry, "option")
    ? json_object_get_object_member (entry, "option") : NULL;
  const char *input_name = json_object_get_string_member (entry, "input");
  gboolean negative = FALSE;
  g_autofree char *input = NULL;
  g_autofree char *base = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) dataset = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < json_array_get_length (types); i++)
    negative |= strcmp (json_array_get_string_element (types, i), "jld:NegativeEvaluationTest") == 0;

  if (option != NULL &&
      (g_strcmp0 (json_object_has_member (option, "specVersion")
                    ? json_object_get_string_member (option, "specVersion") : NULL,
                  "json-ld-1.0") == 0 ||
       json_object_has_member (option, "processingMode") ||
       json_object_has_member (option, "produceGeneralizedRdf") ||
       json_object_has_member (option, "rdfDirection") ||
       json_object_has_member (option, "expandContext")))
    return CASE_SKIPPED;

  input = read_suite_file (dir, input_name);
  if (input == NULL || !json_parser_load_from_data (parser, input, -1, NULL))
    return CASE_SKIPPED;

  base = option != NULL && json_object_has_member (option, "base")
    ? g_strdup (json_object_get_string_member (option, "base"))
    : g_strconcat (SUITE_BASE, input_name, NULL);

  dataset = rosette_jsonld_to_rdf (json_parser_get_root (parser), NULL, base,
                                   ROSETTE_JSONLD_UNSAFE, &error);
  if (negative)
    {
      if (dataset == NULL)
        return CASE_PASSED;
      *detail = g_strdup ("no error");
      return CASE_FAILED;
    }
  if (dataset == NULL)
    {
      *detail = g_strdup (error->message);
      return CASE_FAILED;
    }

  if (!json_object_has_member (entry, "expect"))
    return CASE_PASSED;

  {
    g_autofree char *expected_text = read_suite_file (dir, json_object_get_string_member (entry, "expect"));
    g_autoptr(GPtrArray) expected = NULL;
    g_autofree char *got = NULL;
    g_autofree char *want = NULL;

    if (expected_text == NULL)
      return CASE_SKIPPED;
    expected = rosette_nquads_parse (expected_text, -1, &error);
    if (expected == NULL)
      return CASE_SKIPPED;
    got = canonicalize_dataset (dataset);
    want = canonicalize_dataset (expected);
    if (g_strcmp0 (got, want) == 0)
      return CASE_PASSED;
    *detail = g_strdup_printf ("got:\n%swant:\n%s", got, want);
    return CASE_FAILED;
  }
}

static void
run_manifest (const char *dir,
              gboolean    require_all,
              guint      *passed_out)
{
  g_autofree char *manifest_text = read_suite_file (dir, "toRdf-manifest.jsonld");
  g_autoptr(JsonObject) manifest = NULL;
  JsonArray *sequence;
  guint passed = 0, failed = 0, skipped = 0;

  g_assert_nonnull (manifest_text);
  manifest = di_test_parse_object (manifest_text);
  sequence = json_object_get_array_member (manifest, "sequence");

  for (guint i = 0; i < json_array_get_length (sequence); i++)
    {
      JsonObject *entry = json_array_get_object_element (sequence, i);
      g_autofree char *detail = NULL;
      CaseOutcome outcome = run_case (dir, entry, &detail);

      if (outcome == CASE_PASSED)
        {
          passed++;
          if (g_getenv ("ROSETTE_JSONLD_LIST_PASSING") != NULL)
            g_print ("PASS %s\n", json_object_get_string_member (entry, "@id"));
        }
      else if (outcome == CASE_SKIPPED)
        skipped++;
      else
        {
          failed++;
          g_test_message ("%s (%s) failed: %s", json_object_get_string_member (entry, "@id"),
                          json_object_get_string_member (entry, "name"), detail);
        }
    }

  g_test_message ("json-ld-api toRdf: %u passed, %u failed, %u skipped", passed, failed, skipped);
  if (require_all)
    g_assert_cmpuint (failed, ==, 0);
  *passed_out = passed;
}

static void
test_w3c_suite (void)
{
  g_autofree char *dir = g_build_filename (TESTS_SRCDIR, "data", "di", "json-ld-api", NULL);
  guint passed = 0;

  run_manifest (dir, TRUE, &passed);
  g_assert_cmpuint (passed, >, 100);
}

static char *
canonical_of (const char            *json,
              RosetteContextLoader  *loader,
              GError               **error)
{
  g_autoptr(JsonNode) document = di_test_parse (json);

  return rosette_jsonld_canonicalize (document, loader, error);
}

static void
test_pinned_contexts (void)
{
  RosetteContextLoader *loader = rosette_context_loader_get_default ();
  g_auto(GStrv) urls = rosette_context_loader_list_urls (loader);
  g_autoptr(GError) error = NULL;

  /* Every pinned context loads, matches its SHA-256 and processes. */
  g_assert_cmpuint (g_strv_length (urls), ==, 10);
  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"@context\": \"%s\", \"@id\": \"urn:x\", "
                                               "\"@type\": \"urn:t\"}", urls[i]);
      g_autofree char *canonical = canonical_of (json, loader, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (canonical, ==,
                       "<urn:x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:t> .\n");
    }

  g_assert_false (rosette_context_loader_is_pinned (loader, ROSETTE_CONTEXT_EXAMPLES_V2));
  g_assert_false (rosette_context_loader_is_pinned (loader, "http://www.w3.org/ns/credentials/v2"));
  g_assert_true (rosette_context_loader_is_pinned (loader, ROSETTE_CONTEXT_OB_V3P0_3_0_3));
}

static void
test_safe_mode (void)
{
  static const struct { const char *json; int code; const char *named; } cases[] = {
    /* An undefined property, and one nested in a typed object. */
    { "{\"@context\": \"https://www.w3.org/ns/credentials/v2\", \"id\": \"urn:a\", "
      "\"colour\": \"teal\"}", ROSETTE_ERROR_UNDEFINED_TERM, "colour" },
    { "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", "
      "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"], \"id\": \"urn:a\", "
      "\"type\": [\"VerifiableCredential\"], \"credentialSubject\": {\"type\": "
      "[\"AchievementSubject\"], \"shoeSize\": 42}}", ROSETTE_ERROR_UNDEFINED_TERM, "shoeSize" },
    /* An undefined type. */
    { "{\"@context\": \"https://www.w3.org/ns/credentials/v2\", \"id\": \"urn:a\", "
      "\"type\": \"Diploma\"}", ROSETTE_ERROR_UNDEFINED_TERM, "Diploma" },
    /* A relative identifier. */
    { "{\"@context\": \"https://www.w3.org/ns/credentials/v2\", \"id\": \"badges/1\", "
      "\"name\": \"x\"}", ROSETTE_ERROR_UNDEFINED_TERM, "badges/1" },
    /* A context that is not pinned, even on a trusted-looking host. */
    { "{\"@context\": \"https://www.w3.org/ns/credentials/v3\", \"name\": \"x\"}",
      ROSETTE_ERROR_UNKNOWN_CONTEXT, "https://www.w3.org/ns/credentials/v3" },
    /* Redefining a protected term. */
    { "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", {\"name\": \"urn:mine\"}], "
      "\"id\": \"urn:a\", \"name\": \"x\"}", ROSETTE_ERROR_INVALID, "name" },
    /* An object that would silently vanish. */
    { "{\"@context\": \"https://www.w3.org/ns/credentials/v2\", \"id\": \"urn:a\"}",
      ROSETTE_ERROR_UNDEFINED_TERM, "urn:a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *canonical = canonical_of (cases[i].json, NULL, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_error (error, ROSETTE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].named));
      g_assert_null (canonical);
    }
}

static void
test_features (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;

  /* @json literals are JCS-canonical rdf:JSON; @list keeps order. */
  canonical = canonical_of ("{\"@context\": {\"j\": {\"@id\": \"urn:j\", \"@type\": \"@json\"}, "
                            "\"l\": {\"@id\": \"urn:l\", \"@container\": \"@list\"}, "
                            "\"t\": {\"@id\": \"urn:t\", \"@container\": \"@language\"}}, "
                            "\"@id\": \"urn:s\", \"j\": {\"b\": [1.50, true], \"a\": \"\\u00e9\"}, "
                            "\"l\": [\"y\", \"x\"], \"t\": {\"EN\": \"hi\"}}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (canonical, ==,
                   "<urn:s> <urn:j> \"{\\\"a\\\":\\\"é\\\",\\\"b\\\":[1.5,true]}\"^^"
                   "<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n"
                   "<urn:s> <urn:l> _:c14n1 .\n"
                   "<urn:s> <urn:t> \"hi\"@en .\n"
                   "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"x\" .\n"
                   "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> "
                   "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n"
                   "_:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"y\" .\n"
                   "_:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:c14n0 .\n");
  g_clear_pointer (&canonical, g_free);

  /* Numbers: integers, doubles and a float-typed OB value. */
  canonical = canonical_of ("{\"@context\": {\"n\": \"urn:n\", \"f\": {\"@id\": \"urn:f\", "
                            "\"@type\": \"http://www.w3.org/2001/XMLSchema#float\"}}, "
                            "\"@id\": \"urn:s\", \"n\": [5, 2.5, 1e25], \"f\": 3}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (canonical, ==,
                   "<urn:s> <urn:f> \"3\"^^<http://www.w3.org/2001/XMLSchema#float> .\n"
                   "<urn:s> <urn:n> \"1.0E25\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
                   "<urn:s> <urn:n> \"2.5E0\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
                   "<urn:s> <urn:n> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

static void
test_bounds (void)
{
  g_autoptr(GString) json = g_string_new ("{\"@context\": {\"p\": \"urn:p\"}, \"@id\": \"urn:s\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;

  /* Deeper than any credential: refused, not a stack overflow. */
  for (guint i = 0; i < 200; i++)
    g_string_append (json, ", \"p\": {\"@id\": \"urn:s\"");
  for (guint i = 0; i < 200; i++)
    g_string_append_c (json, '}');
  g_string_append_c (json, '}');

  canonical = canonical_of (json->str, NULL, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_null (canonical);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("ROSETTE_JSONLD_SURVEY") != NULL)
    {
      guint passed = 0;

      run_manifest (g_getenv ("ROSETTE_JSONLD_SURVEY"), FALSE, &passed);
      return 0;
    }

  g_test_add_func ("/rosette/jsonld/w3c-suite", test_w3c_suite);
  g_test_add_func ("/rosette/jsonld/pinned-contexts", test_pinned_contexts);
  g_test_add_func ("/rosette/jsonld/safe-mode", test_safe_mode);
  g_test_add_func ("/rosette/jsonld/features", test_features);
  g_test_add_func ("/rosette/jsonld/bounds", test_bounds);

  return g_test_run ();
}
