/* rosette-hosted.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Hosted credentials and their static verification pages
 * (credentials/<id>.json and credentials/<id>.html in the published tree).
 *
 * The page (data/publish/verify-page.html) carries the credential as
 * issued, the issuer's identifier and the issuer's public keys as JWKs
 * with their "kid", and checks in the browser with WebCrypto:
 *
 *   - a VC-JWT (ES256, EdDSA, RS256): the signature, by the key its
 *     header names, which must be one the issuer published; the issuer
 *     in the credential; and validFrom / validUntil. It shows the badge
 *     from the verified payload only.
 *   - a Data Integrity credential (eddsa-rdfc-2022): Rosette adds the
 *     canonical N-Quads of the document and of the proof configuration
 *     (RDFC-1.0 needs a JSON-LD processor the page does not have). The
 *     page hashes both with SHA-256 and checks the Ed25519 proofValue
 *     over them with the issuer's published key, then shows only values
 *     (name, issuer, dates, id) it finds in the signed N-Quads: a
 *     changed credential either changes the N-Quads (bad signature) or
 *     no longer matches them (not valid).
 *
 * What the page does not prove: revocation (it does not read the status
 * list), and anything about the host: whoever can change the page can
 * change the keys in it, as with any page on the issuer's site. Its
 * "valid" is the app's "valid" for an unrevoked VC-JWT badge.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rosette-baking.h"
#include "rosette-data-integrity.h"
#include "rosette-delivery-private.h"
#include "rosette-error.h"
#include "rosette-key-documents.h"
#include "rosette-publish-resources.h"
#include "rosette-hosted.h"

#define TEMPLATE "/io/github/rosette/Rosette/core/publish/verify-page.html"

/* JSON for inside <script type="application/json">: no "<" at all, so
 * nothing in it can end the element. */
static char *
script_safe_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GString) safe = g_string_new (text);

  g_string_replace (safe, "<", "\\u003c", 0);
  return g_string_free (g_steal_pointer (&safe), FALSE);
}

static JsonNode *
build_keys (RosetteIssuer *issuer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *keys = rosette_issuer_get_keys (issuer);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(RosetteKeyRecord) record = g_list_model_get_item (keys, i);
      g_autofree char *jwk = rosette_issuer_export_public (issuer, record,
                                                           ROSETTE_PUBLIC_FORMAT_JWK, NULL);
      g_autoptr(JsonNode) node = jwk != NULL ? json_from_string (jwk, NULL) : NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
build_labels (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *name; const char *text; } labels[] = {
    { "valid", C_("verification page verdict", "Valid") },
    { "invalid", C_("verification page verdict", "Not valid") },
    { "expired", C_("verification page verdict", "Expired") },
    { "validReason", _("Signed by the issuer’s published key; the dates are current.") },
    { "malformed", _("This is not a well-formed credential.") },
    { "unknownKey", _("It was not signed with a key the issuer published.") },
    { "wrongAlgorithm", _("Its signature algorithm does not match the issuer’s key.") },
    { "badSignature", _("The signature does not match: the credential was changed or forged.") },
    { "wrongIssuer", _("It names another issuer than the one whose keys signed it.") },
    { "notYet", _("It is not valid yet.") },
    { "expiredOn", _("It expired on") },
    { "unsupported", _("This page cannot check this kind of proof; verify the badge file "
                       "with Rosette or another Open Badges verifier.") },
    { "noCrypto", _("This browser cannot check the signature") },
    { "issuedBy", _("Issued by") },
    { "issued", _("Issued") },
    { "until", _("valid until") },
    { "credentialId", _("Credential") },
    { "issuerId", _("Issuer") },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      json_builder_set_member_name (builder, labels[i].name);
      json_builder_add_string_value (builder, labels[i].text);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* For a Data Integrity credential, the canonical N-Quads of the document
 * and of the proof configuration, as Rosette's verifier computes them:
 * the page hashes them and checks the signature over the hashes, and
 * shows only values it finds in the signed document. */
static void
add_canonical_forms (JsonBuilder *builder,
                     JsonNode    *node)
{
  g_autoptr(RosetteDataIntegrityResult) result = NULL;
  const char *document;
  const char *proof;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "proof"))
    return;
  result = rosette_data_integrity_verify (json_node_get_object (node), NULL);
  document = result != NULL ? rosette_data_integrity_result_get_canonical_document (result) : NULL;
  proof = result != NULL ? rosette_data_integrity_result_get_canonical_proof (result) : NULL;
  if (document == NULL || proof == NULL)
    return;
  json_builder_set_member_name (builder, "nquads");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document");
  json_builder_add_string_value (builder, document);
  json_builder_set_member_name (builder, "proof");
  json_builder_add_string_value (builder, proof);
  json_builder_end_object (builder);
}

/* {"format": "vc-jwt", "jws": …, "issuer": …} or {"format": "json", …}. */
static JsonNode *
build_payload (RosetteIssuer  *issuer,
               GBytes         *credential,
               GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = g_strndup (g_bytes_get_data (credential, NULL),
                                     g_bytes_get_size (credential));
  g_autofree char *issuer_id = rosette_issuer_dup_identifier (issuer);

  g_strstrip (text);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_string_value (builder, issuer_id != NULL ? issuer_id : "");
  json_builder_set_member_name (builder, "format");
  if (text[0] == '{')
    {
      JsonNode *node = json_from_string (text, error);

      if (node == NULL)
        return NULL;
      json_builder_add_string_value (builder, "json");
      json_builder_set_member_name (builder, "credential");
      json_builder_add_value (builder, node);
      add_canonical_forms (builder, node);
    }
  else
    {
      json_builder_add_string_value (builder, "vc-jwt");
      json_builder_set_member_name (builder, "jws");
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * rosette_verify_page_build:
 * @issuer: the issuer whose published keys the page trusts
 * @credential: the credential as baked (a compact JWS, or JSON)
 *
 * Returns: (transfer full): the HTML page, or %NULL with @error set
 */
GBytes *
rosette_verify_page_build (RosetteIssuer  *issuer,
                           GBytes         *credential,
                           GError        **error)
{
  g_autoptr(GBytes) template = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(JsonNode) keys = NULL;
  g_autoptr(JsonNode) labels = NULL;
  g_autoptr(GString) page = NULL;
  g_autofree char *payload_text = NULL;
  g_autofree char *keys_text = NULL;
  g_autofree char *labels_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *org = g_markup_escape_text (rosette_issuer_get_name (issuer), -1);

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (credential != NULL, NULL);

  template = g_resource_lookup_data (rosette_publish_get_resource (), TEMPLATE,
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (template == NULL)
    return NULL;
  payload = build_payload (issuer, credential, error);
  if (payload == NULL)
    return NULL;
  keys = build_keys (issuer);
  labels = build_labels ();
  payload_text = script_safe_json (payload);
  keys_text = script_safe_json (keys);
  labels_text = script_safe_json (labels);
  /* Translators: the title of a badge's verification page; %s is the issuer */
  title = g_strdup_printf (_("A badge from %s"), org);

  page = g_string_new_len (g_bytes_get_data (template, NULL), g_bytes_get_size (template));
  /* The credential last: nothing after it is substituted again. */
  g_string_replace (page, "@TITLE@", title, 0);
  g_string_replace (page, "@CHECKING@", _("Checking…"), 0);
  g_string_replace (page, "@ABOUT@",
                    _("This page checks the badge’s signature in your browser against the keys "
                      "the issuer publishes, and its dates. It does not check whether the "
                      "issuer has since revoked it: the issuer’s status list does."), 0);
  g_string_replace (page, "@FOOTER@", _("Published with Rosette"), 0);
  g_string_replace (page, "@LABELS@", labels_text, 0);
  g_string_replace (page, "@KEYS@", keys_text, 0);
  g_string_replace (page, "@CREDENTIAL@", payload_text, 0);
  return g_string_free_to_bytes (g_steal_pointer (&page));
}

/* Collects (credential id, baked file) pairs. */
static gboolean
collect_cb (RosetteIssuedRecord *record,
            gpointer             user_data)
{
  GPtrArray *pairs = user_data;
  const char * const *files = rosette_issued_record_get_files (record);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (g_str_has_suffix (files[i], ".png") || g_str_has_suffix (files[i], ".svg"))
      {
        g_ptr_array_add (pairs, g_strdup (rosette_issued_record_get_credential_id (record)));
        g_ptr_array_add (pairs, g_strdup (files[i]));
        break;
      }
  return TRUE;
}

/* "urn:uuid:1234…" -> "credentials/1234…" + @suffix: no ":" in a file name. */
static char *
dup_hosted_path (const char *credential_id,
                 const char *suffix)
{
  const char *tail = strrchr (credential_id, ':');
  g_autofree char *name = g_strdup (tail != NULL ? tail + 1 : credential_id);

  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');
  return g_strconcat ("credentials/", name, suffix, NULL);
}

/**
 * rosette_hosted_dup_page_path:
 * @credential_id: an issued credential
 *
 * Returns: (transfer full): where rosette_publish_add_credentials() puts
 *   its verification page, relative to the publish base
 */
char *
rosette_hosted_dup_page_path (const char *credential_id)
{
  g_return_val_if_fail (credential_id != NULL, NULL);

  return dup_hosted_path (credential_id, ".html");
}

typedef struct
{
  GHashTable    *tree;
  RosetteIssuer *issuer;
} WithdrawnClosure;

/* A revoked credential's page is replaced, so that a link shared before
 * (on LinkedIn, say) no longer shows a page that checks as valid. */
static gboolean
add_withdrawn_cb (RosetteIssuedRecord *record,
                  gpointer             user_data)
{
  WithdrawnClosure *closure = user_data;
  const char *successor = rosette_issued_record_get_superseded_by (record);
  g_autofree char *successor_page = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (rosette_issued_record_get_proof_type (record), "ob2") == 0)
    return TRUE;
  if (successor != NULL)
    {
      g_autofree char *successor_path = dup_hosted_path (successor, ".html");

      successor_page = g_path_get_basename (successor_path);
    }
  path = dup_hosted_path (rosette_issued_record_get_credential_id (record), ".html");
  g_hash_table_insert (closure->tree, g_steal_pointer (&path),
                       _rosette_public_withdrawn_page_build (closure->issuer, record,
                                                             successor_page));
  return TRUE;
}

/**
 * rosette_publish_add_credentials:
 * @tree: (element-type utf8 GBytes): from rosette_publish_build_tree()
 *
 * Adds each valid (unrevoked, unexpired, not superseded) credential as
 * credentials/<id>.json (as issued: a compact JWS or JSON) and its
 * verification page credentials/<id>.html. A revoked or superseded
 * credential's page says so instead (publishing never deletes, so the
 * page a recipient shared is replaced rather than left valid-looking).
 *
 * Returns: %TRUE on success
 */
gboolean
rosette_publish_add_credentials (GHashTable       *tree,
                                 RosetteRegistry  *registry,
                                 RosetteIssuer    *issuer,
                                 GError          **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  RosetteIssuedQuery query = { 0 };
  RosetteIssuedQuery withdrawn = { 0 };
  WithdrawnClosure closure = { tree, issuer };

  withdrawn.status = ROSETTE_CREDENTIAL_STATUS_REVOKED;
  if (!rosette_registry_foreach_issued (registry, &withdrawn, add_withdrawn_cb, &closure, error))
    return FALSE;

  query.status = ROSETTE_CREDENTIAL_STATUS_VALID;
  query.hide_superseded = TRUE;
  if (!rosette_registry_foreach_issued (registry, &query, collect_cb, pairs, error))
    return FALSE;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *id = g_ptr_array_index (pairs, i);
      g_autoptr(GBytes) file = NULL;
      g_autoptr(GBytes) credential = NULL;
      g_autoptr(GBytes) page = NULL;
      RosetteBadgeVersion version;
      char *contents;
      gsize length;

      if (!g_file_get_contents (g_ptr_array_index (pairs, i + 1), &contents, &length, error))
        return FALSE;
      file = g_bytes_new_take (contents, length);
      credential = rosette_baked_extract (file, &version, error);
      if (credential == NULL)
        return FALSE;
      /* An OB 2.0 assertion is hosted by its own URL, not here. */
      if (version != ROSETTE_BADGE_VERSION_OB3)
        continue;
      page = rosette_verify_page_build (issuer, credential, error);
      if (page == NULL)
        return FALSE;
      g_hash_table_insert (tree, dup_hosted_path (id, ".json"), g_bytes_ref (credential));
      g_hash_table_insert (tree, dup_hosted_path (id, ".html"), g_steal_pointer (&page));
    }
  return TRUE;
}
