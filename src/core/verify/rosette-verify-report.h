/* rosette-verify-report.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * RosetteVerifyVerdict:
 * @ROSETTE_VERIFY_VERDICT_VALID: every check that matters passed
 * @ROSETTE_VERIFY_VERDICT_NOT_VALID: at least one check failed
 * @ROSETTE_VERIFY_VERDICT_INCOMPLETE: nothing failed, but something that
 *   matters could not be checked (offline, a key that cannot be fetched):
 *   "Could not fully verify"
 *
 * The overall answer; never a bare yes/no. The nicks ("valid",
 * "not-valid", "incomplete") are what `rosette-cli verify --json` prints.
 */
typedef enum
{
  ROSETTE_VERIFY_VERDICT_VALID,
  ROSETTE_VERIFY_VERDICT_NOT_VALID,
  ROSETTE_VERIFY_VERDICT_INCOMPLETE,
} RosetteVerifyVerdict;

/**
 * RosetteVerifyState:
 * @ROSETTE_VERIFY_STATE_PASSED: the check passed
 * @ROSETTE_VERIFY_STATE_FAILED: the check failed
 * @ROSETTE_VERIFY_STATE_NOT_CHECKED: the check was not made; the
 *   explanation says why
 *
 * The result of one check.
 */
typedef enum
{
  ROSETTE_VERIFY_STATE_PASSED,
  ROSETTE_VERIFY_STATE_FAILED,
  ROSETTE_VERIFY_STATE_NOT_CHECKED,
} RosetteVerifyState;

/**
 * RosetteVerifyCheckKind:
 * @ROSETTE_VERIFY_CHECK_CONTAINER: the file (PNG, SVG, JSON, JWS) is
 *   well-formed and carries exactly one credential
 * @ROSETTE_VERIFY_CHECK_JSON: the credential is JSON within the limits
 * @ROSETTE_VERIFY_CHECK_STRUCTURE: the credential has the properties,
 *   types and contexts of its Open Badges version
 * @ROSETTE_VERIFY_CHECK_SCHEMA: the `credentialSchema` it names is an
 *   Open Badges 3.0 schema Rosette knows, and the structure check covers it
 * @ROSETTE_VERIFY_CHECK_PROOF: the signature is valid, made with an
 *   algorithm allowed for the key, by a key that belongs to the issuer
 * @ROSETTE_VERIFY_CHECK_ISSUER: the issuer's identity was resolved
 * @ROSETTE_VERIFY_CHECK_VALIDITY: now is inside the validity window
 * @ROSETTE_VERIFY_CHECK_REVOCATION: the issuer has not revoked it
 * @ROSETTE_VERIFY_CHECK_RECIPIENT: it was issued to the email entered
 * @ROSETTE_VERIFY_CHECK_ENDORSEMENT: the endorsements embedded in it
 *   carry valid proofs by their endorsers
 * @ROSETTE_VERIFY_CHECK_REFRESH: a `refreshService` is reported, never
 *   followed
 *
 * The checks, in the fixed order a report lists them.
 */
typedef enum
{
  ROSETTE_VERIFY_CHECK_CONTAINER,
  ROSETTE_VERIFY_CHECK_JSON,
  ROSETTE_VERIFY_CHECK_STRUCTURE,
  ROSETTE_VERIFY_CHECK_SCHEMA,
  ROSETTE_VERIFY_CHECK_PROOF,
  ROSETTE_VERIFY_CHECK_ISSUER,
  ROSETTE_VERIFY_CHECK_VALIDITY,
  ROSETTE_VERIFY_CHECK_REVOCATION,
  ROSETTE_VERIFY_CHECK_RECIPIENT,
  ROSETTE_VERIFY_CHECK_ENDORSEMENT,
  ROSETTE_VERIFY_CHECK_REFRESH,
} RosetteVerifyCheckKind;

#define ROSETTE_VERIFY_N_CHECKS (ROSETTE_VERIFY_CHECK_REFRESH + 1)

/**
 * RosetteVerifyFormat:
 * @ROSETTE_VERIFY_FORMAT_UNKNOWN: not recognised
 * @ROSETTE_VERIFY_FORMAT_OB3_DATA_INTEGRITY: OB 3.0 with an embedded
 *   Data Integrity proof
 * @ROSETTE_VERIFY_FORMAT_OB3_VC_JWT: OB 3.0 as a VC-JWT
 * @ROSETTE_VERIFY_FORMAT_OB3_UNSIGNED: OB 3.0 JSON with no proof
 * @ROSETTE_VERIFY_FORMAT_OB2_SIGNED: an OB 2.0 signed assertion (JWS)
 * @ROSETTE_VERIFY_FORMAT_OB2_HOSTED: an OB 2.0 hosted assertion
 * @ROSETTE_VERIFY_FORMAT_VCDM11_OB3: an OB 3.0 credential on the VC Data
 *   Model 1.1 (verified, never issued)
 *
 * What kind of badge the file holds, detected from its content.
 */
typedef enum
{
  ROSETTE_VERIFY_FORMAT_UNKNOWN,
  ROSETTE_VERIFY_FORMAT_OB3_DATA_INTEGRITY,
  ROSETTE_VERIFY_FORMAT_OB3_VC_JWT,
  ROSETTE_VERIFY_FORMAT_OB3_UNSIGNED,
  ROSETTE_VERIFY_FORMAT_OB2_SIGNED,
  ROSETTE_VERIFY_FORMAT_OB2_HOSTED,
  ROSETTE_VERIFY_FORMAT_VCDM11_OB3,
} RosetteVerifyFormat;

#define ROSETTE_TYPE_VERIFY_CHECK (rosette_verify_check_get_type ())

G_DECLARE_FINAL_TYPE (RosetteVerifyCheck, rosette_verify_check, ROSETTE, VERIFY_CHECK, GObject)

RosetteVerifyCheckKind  rosette_verify_check_get_kind           (RosetteVerifyCheck *self);
RosetteVerifyState      rosette_verify_check_get_state          (RosetteVerifyCheck *self);
const char             *rosette_verify_check_get_title          (RosetteVerifyCheck *self);
const char             *rosette_verify_check_get_explanation    (RosetteVerifyCheck *self);
gboolean                rosette_verify_check_get_blocks_verdict (RosetteVerifyCheck *self);

#define ROSETTE_TYPE_VERIFY_REPORT (rosette_verify_report_get_type ())

G_DECLARE_FINAL_TYPE (RosetteVerifyReport, rosette_verify_report, ROSETTE, VERIFY_REPORT, GObject)

RosetteVerifyVerdict  rosette_verify_report_get_verdict            (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_verdict_text       (RosetteVerifyReport *self);
gboolean              rosette_verify_report_get_usable             (RosetteVerifyReport *self);
RosetteVerifyFormat   rosette_verify_report_get_format             (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_format_name        (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_source_name        (RosetteVerifyReport *self);
void                  rosette_verify_report_set_source_name        (RosetteVerifyReport *self,
                                                                    const char          *name);
GListModel           *rosette_verify_report_get_checks             (RosetteVerifyReport *self);
RosetteVerifyCheck   *rosette_verify_report_get_check              (RosetteVerifyReport *self,
                                                                    RosetteVerifyCheckKind kind);
JsonNode             *rosette_verify_report_get_credential         (RosetteVerifyReport *self);
char                 *rosette_verify_report_dup_credential_text    (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_achievement_name   (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_tier               (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_criteria           (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_issuer_name        (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_issuer_id          (RosetteVerifyReport *self);
GDateTime            *rosette_verify_report_get_valid_from         (RosetteVerifyReport *self);
GDateTime            *rosette_verify_report_get_valid_until        (RosetteVerifyReport *self);
GBytes               *rosette_verify_report_get_image              (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_image_type         (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_canonical_document (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_canonical_proof    (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_document_hash      (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_proof_hash         (RosetteVerifyReport *self);
gboolean              rosette_verify_report_get_needs_key          (RosetteVerifyReport *self);
guint                 rosette_verify_report_get_n_endorsements     (RosetteVerifyReport *self);
const char           *rosette_verify_report_get_endorser_name      (RosetteVerifyReport *self,
                                                                    guint                index);
const char           *rosette_verify_report_get_endorser_id        (RosetteVerifyReport *self,
                                                                    guint                index);
RosetteVerifyState    rosette_verify_report_get_endorsement_state  (RosetteVerifyReport *self,
                                                                    guint                index);
const char           *rosette_verify_report_get_endorsement_explanation (RosetteVerifyReport *self,
                                                                         guint                index);

JsonNode             *rosette_verify_report_to_json                (RosetteVerifyReport *self);
cairo_surface_t      *rosette_verify_report_render_image           (RosetteVerifyReport *self,
                                                                    guint                size,
                                                                    GError             **error);

const char           *rosette_verify_state_to_string               (RosetteVerifyState   state);
const char           *rosette_verify_verdict_to_string             (RosetteVerifyVerdict verdict);
const char           *rosette_verify_format_to_string              (RosetteVerifyFormat  format);
const char           *rosette_verify_check_kind_to_string          (RosetteVerifyCheckKind kind);

G_END_DECLS
