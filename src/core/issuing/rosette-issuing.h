/* rosette-issuing.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-credential.h"
#include "rosette-family.h"
#include "rosette-issuer.h"
#include "rosette-issuer-store.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/* The size of the baked PNG, and of the small image embedded in the
 * achievement (it is copied into every credential). */
#define ROSETTE_ISSUE_PNG_SIZE 512
#define ROSETTE_ISSUE_ACHIEVEMENT_IMAGE_SIZE 128

/**
 * RosetteIssueFormat:
 * @ROSETTE_ISSUE_FORMAT_PNG: the badge PNG with the credential baked in
 * @ROSETTE_ISSUE_FORMAT_SVG: the badge SVG with the credential baked in
 * @ROSETTE_ISSUE_FORMAT_JSON: the credential JSON as signed (no embedded
 *   proof until Data Integrity proofs exist: a warning says so)
 * @ROSETTE_ISSUE_FORMAT_JWT: the compact JWS itself
 *
 * What `rosette-cli issue --format` writes; the nicks are the values.
 */
typedef enum
{
  ROSETTE_ISSUE_FORMAT_PNG,
  ROSETTE_ISSUE_FORMAT_SVG,
  ROSETTE_ISSUE_FORMAT_JSON,
  ROSETTE_ISSUE_FORMAT_JWT,
} RosetteIssueFormat;

/**
 * RosetteIssueProof:
 * @ROSETTE_ISSUE_PROOF_VC_JWT: OB 3.0 as a VC-JWT
 * @ROSETTE_ISSUE_PROOF_OB2: an OB 2.0 signed assertion
 * @ROSETTE_ISSUE_PROOF_DATA_INTEGRITY: OB 3.0 with a Data Integrity
 *   proof (accepted by name; issuing says it is not available yet)
 */
typedef enum
{
  ROSETTE_ISSUE_PROOF_VC_JWT,
  ROSETTE_ISSUE_PROOF_OB2,
  ROSETTE_ISSUE_PROOF_DATA_INTEGRITY,
} RosetteIssueProof;

/**
 * RosetteIssueRequest:
 * @family: the badge family
 * @tier: the tier, by name or by number (1 is the lowest)
 * @issuer: (nullable): the issuer; %NULL for the store's current issuer
 * @store: (nullable): where issuers are kept; %NULL for the default
 * @email: the recipient's email address (it is hashed, never written)
 * @name: (nullable): the recipient's name
 * @include_name: whether @name goes into the badge
 * @valid_from: (nullable): the start of validity; %NULL for now
 * @valid_until: (nullable): the expiry, or %NULL for none
 * @evidence_url: (nullable): an http(s) URL of the evidence
 * @narrative: (nullable): what the recipient did (Markdown)
 * @proof: the proof to make
 * @format: what to write
 * @output: (nullable): the file to write (required to issue)
 * @registry: (nullable): the registry to record the badge in (with its
 *   status list entry, so it can be revoked); %NULL issues a file only
 * @evidence: (nullable) (element-type RosetteEvidence): more Evidence
 *   entries, after the one of @evidence_url and @narrative
 *
 * Everything one badge needs; the CLI and the Issue page fill it in.
 */
typedef struct
{
  RosetteFamily      *family;
  char               *tier;
  RosetteIssuer      *issuer;
  RosetteIssuerStore *store;
  char               *email;
  char               *name;
  gboolean            include_name;
  GDateTime          *valid_from;
  GDateTime          *valid_until;
  char               *evidence_url;
  char               *narrative;
  RosetteIssueProof   proof;
  RosetteIssueFormat  format;
  GFile              *output;
  RosetteRegistry    *registry;
  GPtrArray          *evidence;
} RosetteIssueRequest;

/**
 * RosetteIssueResult:
 * @id: the credential's id
 * @file: the file written
 * @proof: the proof made
 * @format: what was written
 * @warning: (nullable): something to tell the user (the OB 2.0 publish
 *   notice, a JSON file without proof)
 * @preview: the credential JSON as signed, pretty-printed
 */
typedef struct
{
  char               *id;
  GFile              *file;
  RosetteIssueProof   proof;
  RosetteIssueFormat  format;
  char               *warning;
  char               *preview;
} RosetteIssueResult;

/**
 * RosetteIssueRow:
 * @credential_id: (nullable): the id to sign with (a registry
 *   reservation); %NULL keeps the credential's random id
 * @email: the recipient's address (hashed, never written)
 * @name: (nullable): the recipient's name
 * @include_name: whether @name goes into the badge
 * @valid_from: (nullable): the start of validity; %NULL for now
 * @valid_until: (nullable): the expiry, or %NULL for none
 * @narrative: (nullable): a personal narrative (Markdown)
 * @evidence_url: (nullable): an http(s) URL of the evidence
 * @status_list: (nullable): the URL of the BitstringStatusListCredential;
 *   %NULL for a credential without credentialStatus
 * @status_index: the credential's bit in @status_list
 * @evidence: (nullable) (element-type RosetteEvidence): more Evidence
 *   entries (a pathway's qualifying credentials)
 *
 * The per-recipient part of one badge of a #RosetteIssuePrepared.
 */
typedef struct
{
  const char *credential_id;
  const char *email;
  const char *name;
  gboolean    include_name;
  GDateTime  *valid_from;
  GDateTime  *valid_until;
  const char *narrative;
  const char *evidence_url;
  const char *status_list;
  guint64     status_index;
  GPtrArray  *evidence;
} RosetteIssueRow;

/* What does not change from one recipient to the next in a batch: the
 * achievement (with its image), the rendered artwork and where to splice
 * the credential in. Immutable once made, so worker threads share it. */
typedef struct _RosetteIssuePrepared RosetteIssuePrepared;

#define ROSETTE_TYPE_ISSUE_REQUEST (rosette_issue_request_get_type ())
#define ROSETTE_TYPE_ISSUE_RESULT (rosette_issue_result_get_type ())

GType                rosette_issue_request_get_type   (void) G_GNUC_CONST;
RosetteIssueRequest *rosette_issue_request_new        (void);
RosetteIssueRequest *rosette_issue_request_copy       (const RosetteIssueRequest *request);
void                 rosette_issue_request_free       (RosetteIssueRequest  *request);

GType                rosette_issue_result_get_type    (void) G_GNUC_CONST;
void                 rosette_issue_result_free        (RosetteIssueResult   *result);
RosetteIssueResult  *rosette_issue_result_copy        (const RosetteIssueResult *result);

const char          *rosette_issue_format_to_string   (RosetteIssueFormat    format);
gboolean             rosette_issue_format_from_string (const char           *text,
                                                       RosetteIssueFormat   *format,
                                                       GError              **error);
gboolean             rosette_issue_format_for_path    (const char           *path,
                                                       RosetteIssueFormat   *format);
const char          *rosette_issue_proof_to_string    (RosetteIssueProof     proof);
gboolean             rosette_issue_proof_from_string  (const char           *text,
                                                       RosetteIssueProof    *proof,
                                                       GError              **error);
GDateTime           *rosette_issue_parse_date         (const char           *text,
                                                       gboolean              end_of_day,
                                                       GError              **error);
char                *rosette_issue_dup_file_name      (RosetteIssueRequest  *request,
                                                       const char           *extension);

RosetteTier         *rosette_issue_request_find_tier  (RosetteIssueRequest  *request,
                                                       GError              **error);
RosetteCredential   *rosette_issue_build_credential   (RosetteIssueRequest  *request,
                                                       RosetteIssuer        *issuer,
                                                       GError              **error);
char                *rosette_issue_preview            (RosetteIssueRequest  *request,
                                                       GError              **error);

RosetteIssueResult  *rosette_issue_one_sync           (RosetteIssueRequest  *request,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
void                 rosette_issue_one_async          (RosetteIssueRequest  *request,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
RosetteIssueResult  *rosette_issue_one_finish         (GAsyncResult         *result,
                                                       GError              **error);

RosetteKeyAlgorithm  rosette_issue_proof_get_algorithm (RosetteIssuer       *issuer,
                                                       RosetteIssueProof    proof);
gboolean             rosette_issue_check_signing_key  (RosetteIssuer        *issuer,
                                                       RosetteIssueProof     proof,
                                                       GError              **error);
RosetteIssueProof    rosette_issue_default_proof      (RosetteIssuer        *issuer,
                                                       RosetteKey           *key);

RosetteIssuePrepared *rosette_issue_prepare           (RosetteFamily        *family,
                                                       RosetteTier          *tier,
                                                       RosetteIssuer        *issuer,
                                                       RosetteIssueProof     proof,
                                                       RosetteIssueFormat    format,
                                                       GError              **error);
RosetteIssuePrepared *rosette_issue_prepared_ref      (RosetteIssuePrepared *self);
void                 rosette_issue_prepared_unref     (RosetteIssuePrepared *self);
RosetteTier         *rosette_issue_prepared_get_tier  (RosetteIssuePrepared *self);
RosetteAchievement  *rosette_issue_prepared_get_achievement (RosetteIssuePrepared *self);
GBytes              *rosette_issue_prepared_get_image (RosetteIssuePrepared *self);
void                 rosette_issue_prepared_set_image_base (RosetteIssuePrepared *self,
                                                            const char           *publish_base);
const char          *rosette_issue_prepared_get_extension (RosetteIssuePrepared *self);
GBytes              *rosette_issue_prepared_make      (RosetteIssuePrepared *self,
                                                       const RosetteIssueRow *row,
                                                       RosetteKeyRecord     *record,
                                                       RosetteKey           *key,
                                                       char                **out_id,
                                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteIssueRequest, rosette_issue_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteIssueResult, rosette_issue_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteIssuePrepared, rosette_issue_prepared_unref)

G_END_DECLS
