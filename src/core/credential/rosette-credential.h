/* rosette-credential.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-achievement.h"
#include "rosette-issuer.h"
#include "rosette-key.h"
#include "rosette-key-record.h"
#include "rosette-recipient.h"
#include "rosette-types.h"

G_BEGIN_DECLS

#define ROSETTE_CONTEXT_VC_V2 "https://www.w3.org/ns/credentials/v2"
#define ROSETTE_CONTEXT_OB_V3 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
#define ROSETTE_CONTEXT_OB_V2 "https://w3id.org/openbadges/v2"
#define ROSETTE_CREDENTIAL_MAX_NARRATIVE_LENGTH 10000
/* Random bytes in each recipient salt (written as hex). */
#define ROSETTE_CREDENTIAL_SALT_LENGTH 16

/**
 * RosetteProofFormat:
 * @ROSETTE_PROOF_FORMAT_VC_JWT: an OB 3.0 OpenBadgeCredential as a VC-JWT
 *   (ES256 by default, RS256, or EdDSA)
 * @ROSETTE_PROOF_FORMAT_OB2: an OB 2.0 signed assertion (RS256 JWS)
 *
 * How a credential is signed; the nicks ("vc-jwt", "ob2") are the values
 * of `rosette-cli issue --proof`.
 */
typedef enum
{
  ROSETTE_PROOF_FORMAT_VC_JWT,
  ROSETTE_PROOF_FORMAT_OB2,
} RosetteProofFormat;

/**
 * RosetteEvidence:
 * @id: (nullable): the evidence's URI: an http(s) page, or the urn:uuid
 *   of another credential (a pathway's qualifying badges)
 * @name: (nullable): a short name for it
 * @narrative: (nullable): what it shows (Markdown)
 *
 * One OB 3.0 Evidence entry (type ["Evidence"]); a credential carries a
 * list of them after the one of rosette_credential_set_evidence().
 */
typedef struct
{
  char *id;
  char *name;
  char *narrative;
} RosetteEvidence;

#define ROSETTE_TYPE_EVIDENCE (rosette_evidence_get_type ())

GType               rosette_evidence_get_type              (void) G_GNUC_CONST;
RosetteEvidence    *rosette_evidence_new                   (const char           *id,
                                                            const char           *name,
                                                            const char           *narrative);
RosetteEvidence    *rosette_evidence_copy                  (const RosetteEvidence *evidence);
void                rosette_evidence_free                  (RosetteEvidence      *evidence);
GPtrArray          *rosette_evidence_list_copy             (GPtrArray            *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteEvidence, rosette_evidence_free)

#define ROSETTE_TYPE_CREDENTIAL (rosette_credential_get_type ())

G_DECLARE_FINAL_TYPE (RosetteCredential, rosette_credential, ROSETTE, CREDENTIAL, GObject)

RosetteCredential  *rosette_credential_new                 (RosetteAchievement   *achievement,
                                                            RosetteRecipient     *recipient);
const char         *rosette_credential_get_id              (RosetteCredential    *self);
void                rosette_credential_set_id              (RosetteCredential    *self,
                                                            const char           *id);
const char         *rosette_credential_get_subject_id      (RosetteCredential    *self);
const char         *rosette_credential_get_salt            (RosetteCredential    *self);
RosetteAchievement *rosette_credential_get_achievement     (RosetteCredential    *self);
RosetteRecipient   *rosette_credential_get_recipient       (RosetteCredential    *self);
GDateTime          *rosette_credential_get_valid_from      (RosetteCredential    *self);
void                rosette_credential_set_valid_from      (RosetteCredential    *self,
                                                            GDateTime            *valid_from);
GDateTime          *rosette_credential_get_valid_until     (RosetteCredential    *self);
void                rosette_credential_set_valid_until     (RosetteCredential    *self,
                                                            GDateTime            *valid_until);
const char         *rosette_credential_get_evidence_url    (RosetteCredential    *self);
const char         *rosette_credential_get_evidence_narrative (RosetteCredential *self);
void                rosette_credential_set_evidence        (RosetteCredential    *self,
                                                            const char           *url,
                                                            const char           *narrative);
GPtrArray          *rosette_credential_get_evidence_list   (RosetteCredential    *self);
void                rosette_credential_set_evidence_list   (RosetteCredential    *self,
                                                            GPtrArray            *list);
void                rosette_credential_set_status          (RosetteCredential    *self,
                                                            const char           *status_list,
                                                            guint64               index);
void                rosette_credential_clear_status        (RosetteCredential    *self);
gboolean            rosette_credential_get_issuer_published (RosetteCredential   *self);
void                rosette_credential_set_issuer_published (RosetteCredential   *self,
                                                            gboolean              published);

gboolean            rosette_credential_validate            (RosetteCredential    *self,
                                                            GError              **error);
JsonNode           *rosette_credential_build_ob3           (RosetteCredential    *self,
                                                            RosetteIssuer        *issuer,
                                                            RosetteKeyRecord     *record,
                                                            GError              **error);
JsonNode           *rosette_credential_build_ob2           (RosetteCredential    *self,
                                                            RosetteIssuer        *issuer,
                                                            RosetteKeyRecord     *record,
                                                            GError              **error);

char               *rosette_credential_sign                (RosetteCredential    *self,
                                                            RosetteProofFormat    format,
                                                            RosetteIssuer        *issuer,
                                                            RosetteKeyRecord     *record,
                                                            RosetteKey           *key,
                                                            char                **out_warning,
                                                            GError              **error);
char               *rosette_credential_sign_vc_jwt         (RosetteCredential    *self,
                                                            RosetteIssuer        *issuer,
                                                            RosetteKeyRecord     *record,
                                                            RosetteKey           *key,
                                                            char                **out_warning,
                                                            GError              **error);
char               *rosette_credential_sign_ob2            (RosetteCredential    *self,
                                                            RosetteIssuer        *issuer,
                                                            RosetteKeyRecord     *record,
                                                            RosetteKey           *key,
                                                            char                **out_warning,
                                                            GError              **error);

char               *rosette_identity_hash                  (const char           *identity,
                                                            const char           *salt);
char               *rosette_credential_format_date         (GDateTime            *date);

gboolean            rosette_proof_format_from_string       (const char           *text,
                                                            RosetteProofFormat   *format,
                                                            GError              **error);
RosetteKeyAlgorithm rosette_proof_format_get_default_algorithm (RosetteProofFormat format);
gboolean            rosette_proof_format_check_algorithm   (RosetteProofFormat    format,
                                                            RosetteKeyAlgorithm   algorithm,
                                                            GError              **error);
const char         *rosette_ob2_publish_warning            (void);

G_END_DECLS
