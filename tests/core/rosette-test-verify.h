/* rosette-test-verify.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the verifier tests, the CLI verify test and the benchmark share:
 * Rosette-made badges of every format signed with a throwaway key (no
 * keyring), and small loopback-server helpers.
 */

#pragma once

#include "rosette-test-issuing.h"

static inline char *
test_verify_vc_jwt (TestIssuing       *t,
                    RosetteCredential *credential)
{
  g_autoptr(GError) error = NULL;
  char *jws = rosette_credential_sign_vc_jwt (credential, t->issuer, t->record, t->key, NULL, &error);

  g_assert_no_error (error);
  return jws;
}

static inline char *
test_verify_ob2 (TestIssuing       *t,
                 RosetteCredential *credential)
{
  g_autoptr(GError) error = NULL;
  char *jws = rosette_credential_sign_ob2 (credential, t->issuer, t->record, t->key, NULL, &error);

  g_assert_no_error (error);
  return jws;
}

static inline char *
test_verify_node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* An OB 3.0 credential with an eddsa-rdfc-2022 proof (Ed25519 did:key). */
static inline char *
test_verify_data_integrity (TestIssuing       *t,
                            RosetteCredential *credential)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = rosette_credential_build_ob3 (credential, t->issuer, t->record, &error);
  g_autofree char *method = NULL;
  g_autoptr(JsonObject) signed_credential = NULL;
  g_autoptr(JsonNode) out = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  method = rosette_key_dup_did_key_method (t->key, &error);
  g_assert_no_error (error);
  signed_credential = rosette_data_integrity_sign (json_node_get_object (node), t->key, method, NULL, &error);
  g_assert_no_error (error);
  json_node_set_object (out, signed_credential);
  return test_verify_node_to_string (out);
}

static inline GBytes *
test_verify_bake_png (const char *payload)
{
  g_autoptr(GBytes) png = test_png_new (32);
  g_autoptr(GBytes) text = g_bytes_new (payload, strlen (payload));
  g_autoptr(GError) error = NULL;
  GBytes *baked = rosette_png_bake (png, ROSETTE_BADGE_VERSION_OB3, text, &error);

  g_assert_no_error (error);
  return baked;
}

static inline GBytes *
test_verify_bake_svg (const char *payload)
{
  static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
                            "<circle cx=\"16\" cy=\"16\" r=\"12\" fill=\"#c80\"/></svg>\n";
  g_autoptr(GBytes) image = g_bytes_new_static (svg, sizeof svg - 1);
  g_autoptr(GBytes) text = g_bytes_new (payload, strlen (payload));
  g_autoptr(GError) error = NULL;
  GBytes *baked = rosette_svg_bake (image, ROSETTE_BADGE_VERSION_OB3, text, &error);

  g_assert_no_error (error);
  return baked;
}
