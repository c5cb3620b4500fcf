/* rosette-endorsement.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An Open Badges 3.0 EndorsementCredential: the issuer vouches for
 * another organisation's achievement (or profile). The subject is an
 * EndorsementSubject whose id is the endorsed thing's URL, with an
 * optional endorsementComment. It is signed with a Data Integrity proof
 * (eddsa-rdfc-2022) through the same code that signs badges, so any
 * W3C VC verifier can check it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-credential-private.h"
#include "rosette-credential.h"
#include "rosette-data-integrity.h"
#include "rosette-endorsement.h"
#include "rosette-error.h"
#include "rosette-key-documents.h"

static gboolean
check_request (const RosetteEndorsementRequest  *request,
               GError                          **error)
{
  const char *id = request->subject_id;

  if (id == NULL || !(g_str_has_prefix (id, "https://") || g_str_has_prefix (id, "http://") ||
                      g_str_has_prefix (id, "did:") || g_str_has_prefix (id, "urn:")))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("An endorsement needs the id of what it endorses: the other "
                     "organisation’s achievement URL"));
      return FALSE;
    }
  if (request->comment != NULL &&
      g_utf8_strlen (request->comment, -1) > ROSETTE_ENDORSEMENT_MAX_COMMENT)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The endorsement comment is longer than %u characters"),
                   ROSETTE_ENDORSEMENT_MAX_COMMENT);
      return FALSE;
    }
  if (request->valid_until != NULL && request->valid_from != NULL &&
      g_date_time_compare (request->valid_until, request->valid_from) <= 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The endorsement must expire after it becomes valid"));
      return FALSE;
    }
  return TRUE;
}

/**
 * rosette_endorsement_build:
 * @issuer: the endorsing issuer
 * @record: the key whose identifier is the issuer's id (did:key, did:web
 *   or the https profile)
 * @request: what is endorsed
 *
 * Returns: (transfer full): the unsigned EndorsementCredential, or %NULL
 *   with %ROSETTE_ERROR_INVALID
 */
JsonNode *
rosette_endorsement_build (RosetteIssuer                    *issuer,
                           RosetteKeyRecord                 *record,
                           const RosetteEndorsementRequest  *request,
                           GError                          **error)
{
  g_autofree char *issuer_id = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonObject *credential;
  JsonObject *subject;
  JsonArray *contexts;
  JsonNode *node;

  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY_RECORD (record), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (!check_request (request, error))
    return NULL;
  issuer_id = rosette_issuer_dup_identifier_for_key (issuer, record, error);
  if (issuer_id == NULL)
    return NULL;

  credential = json_object_new ();
  contexts = json_array_new ();
  json_array_add_string_element (contexts, ROSETTE_CONTEXT_VC_V2);
  json_array_add_string_element (contexts, ROSETTE_CONTEXT_OB_V3);
  json_object_set_array_member (credential, "@context", contexts);
  if (request->credential_id == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();

      /* A URN, as in every credential Rosette issues. */
      uuid = g_strconcat ("urn:uuid:", random, NULL);
    }
  _rosette_json_add_string (credential, "id",
                            request->credential_id != NULL ? request->credential_id : uuid);
  _rosette_json_add_type (credential, "VerifiableCredential", "EndorsementCredential");
  _rosette_json_add_string (credential, "name",
                            request->name != NULL ? request->name : _("Endorsement"));

  json_object_set_object_member (credential, "issuer",
                                 _rosette_credential_build_profile (issuer, issuer_id));

  _rosette_json_add_date (credential, "validFrom",
                          request->valid_from != NULL ? request->valid_from : now);
  _rosette_json_add_date (credential, "validUntil", request->valid_until);

  subject = json_object_new ();
  _rosette_json_add_string (subject, "id", request->subject_id);
  _rosette_json_add_type (subject, "EndorsementSubject", NULL);
  _rosette_json_add_string (subject, "endorsementComment", request->comment);
  json_object_set_object_member (credential, "credentialSubject", subject);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, credential);
  return node;
}

/**
 * rosette_endorsement_sign:
 * @key: the issuer's Ed25519 private key (the one of @record)
 *
 * Builds the EndorsementCredential and adds its Data Integrity proof
 * (eddsa-rdfc-2022).
 *
 * Returns: (transfer full): the signed credential as pretty-printed JSON,
 *   or %NULL with an error (%ROSETTE_ERROR_INVALID for a key that is not
 *   Ed25519)
 */
char *
rosette_endorsement_sign (RosetteIssuer                    *issuer,
                          RosetteKeyRecord                 *record,
                          RosetteKey                       *key,
                          const RosetteEndorsementRequest  *request,
                          GError                          **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) signed_node = NULL;
  g_autofree char *method = NULL;
  JsonObject *proved;

  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);

  if (rosette_key_get_algorithm (key) != ROSETTE_KEY_ALGORITHM_ED25519)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Endorsements are signed with Data Integrity (eddsa-rdfc-2022), which "
                     "needs an Ed25519 key; generate one with “rosette-cli keys generate "
                     "--type ed25519”"));
      return NULL;
    }

  node = rosette_endorsement_build (issuer, record, request, error);
  if (node == NULL)
    return NULL;
  method = rosette_issuer_dup_key_uri (issuer, record, error);
  if (method == NULL)
    return NULL;
  proved = rosette_data_integrity_sign (json_node_get_object (node), key, method, NULL, error);
  if (proved == NULL)
    return NULL;

  signed_node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (signed_node, proved);
  return json_to_string (signed_node, TRUE);
}
