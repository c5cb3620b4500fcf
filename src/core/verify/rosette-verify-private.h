/* rosette-verify-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rosette-key.h"
#include "rosette-verifier.h"
#include "rosette-verify-report.h"

G_BEGIN_DECLS

/* rosette-verify-report.c: filled in by the verifier */
RosetteVerifyReport *_rosette_verify_report_new               (void);
void                 _rosette_verify_report_set_check         (RosetteVerifyReport    *self,
                                                               RosetteVerifyCheckKind  kind,
                                                               RosetteVerifyState      state,
                                                               gboolean                blocks_verdict,
                                                               const char             *explanation);
gboolean             _rosette_verify_report_has_check         (RosetteVerifyReport    *self,
                                                               RosetteVerifyCheckKind  kind);
void                 _rosette_verify_report_skip_rest         (RosetteVerifyReport    *self,
                                                               const char             *explanation);
void                 _rosette_verify_report_finish            (RosetteVerifyReport    *self);
void                 _rosette_verify_report_set_format        (RosetteVerifyReport    *self,
                                                               RosetteVerifyFormat     format);
void                 _rosette_verify_report_set_usable        (RosetteVerifyReport    *self,
                                                               gboolean                usable);
void                 _rosette_verify_report_set_credential    (RosetteVerifyReport    *self,
                                                               JsonNode               *credential);
void                 _rosette_verify_report_set_summary       (RosetteVerifyReport    *self,
                                                               const char             *achievement_name,
                                                               const char             *tier,
                                                               const char             *criteria,
                                                               const char             *issuer_name,
                                                               const char             *issuer_id);
void                 _rosette_verify_report_set_dates        (RosetteVerifyReport    *self,
                                                               GDateTime              *valid_from,
                                                               GDateTime              *valid_until);
void                 _rosette_verify_report_set_image         (RosetteVerifyReport    *self,
                                                               GBytes                 *image,
                                                               const char             *type);
void                 _rosette_verify_report_set_canonical     (RosetteVerifyReport    *self,
                                                               const char             *document,
                                                               const char             *proof,
                                                               const char             *document_hash,
                                                               const char             *proof_hash);

void                 _rosette_verify_report_set_needs_key     (RosetteVerifyReport    *self);
void                 _rosette_verify_report_add_endorsement   (RosetteVerifyReport    *self,
                                                               const char             *endorser_name,
                                                               const char             *endorser_id,
                                                               RosetteVerifyState      state,
                                                               const char             *explanation);

/* rosette-verify-fetch.c: bounded https GETs with a small disk cache */
typedef struct _RosetteVerifyFetcher RosetteVerifyFetcher;

RosetteVerifyFetcher *_rosette_verify_fetcher_new   (gboolean               allow_loopback,
                                                     const char            *cache_dir);
void                  _rosette_verify_fetcher_free  (RosetteVerifyFetcher  *self);
GBytes               *_rosette_verify_fetch         (RosetteVerifyFetcher  *self,
                                                     const char            *url,
                                                     const char            *accept,
                                                     guint                 *status,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
gboolean              _rosette_verify_url_allowed   (const char            *url,
                                                     gboolean               allow_loopback);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RosetteVerifyFetcher, _rosette_verify_fetcher_free)

/* Where the key that checked the signature came from. */
typedef enum
{
  KEY_SOURCE_NONE,
  KEY_SOURCE_TRUSTED,    /* --key: the user vouches for it */
  KEY_SOURCE_DID_KEY,    /* the key is the DID */
  KEY_SOURCE_DID_WEB,    /* fetched DID document */
  KEY_SOURCE_HTTPS,      /* fetched key document */
  KEY_SOURCE_INLINE,     /* a JWK in the JWS header: ties to nothing */
} KeySource;

/* One verification in progress (rosette-verifier.c drives it,
 * rosette-verify-checks.c makes the checks). */
typedef struct
{
  RosetteVerifyReport  *report;
  RosetteVerifyFetcher *fetcher;
  GCancellable         *cancellable;
  GDateTime            *now;
  const char           *recipient;
  RosetteKey           *trusted_key;
  gboolean              offline;
  gboolean              allow_loopback;
  RosetteRegistry      *registry;      /* the verifier's, or NULL: read only */
  char                 *cache_dir;
  GHashTable           *key_cache;     /* did:key → RosetteKey, the verifier's */
  GMutex               *key_cache_lock;

  char                 *jws;           /* when the credential came signed as a JWS */
  JsonObject           *jws_header;
  JsonNode             *root;          /* the parsed JSON (the JWS payload) */
  JsonObject           *credential;    /* the credential (a VC-JWT "vc" claim, or root) */
  JsonObject           *claims;        /* the JWT claims (root), when a JWS */
  RosetteVerifyFormat   format;
  gboolean              ob2;
  gboolean              vcdm11;
  char                 *issuer_id;
  JsonObject           *ob2_badge;     /* the BadgeClass, embedded or fetched */
  JsonObject           *ob2_profile;   /* the issuer Profile, embedded or fetched */
  char                 *hosted_url;    /* a legacy baked URL */

  KeySource             key_source;
  char                 *key_controller;
  char                 *key_location;  /* where a fetched key came from */
  gboolean              issuer_resolved;
  char                 *issuer_resolved_note;
} VerifyRun;

/* rosette-verifier.c: a credential inside (or named by) the one being
 * verified, such as a status list or an endorsement: its proof and issuer */
RosetteVerifyState _rosette_verify_nested    (VerifyRun   *parent,
                                              JsonNode    *credential,
                                              const char  *text,
                                              gboolean     trust_key,
                                              char       **issuer_id,
                                              char       **issuer_name,
                                              char       **explanation);

GHashTable        *_rosette_verify_contexts_for (JsonObject *credential);

/* rosette-verify-checks.c */
void     _rosette_verify_check_structure  (VerifyRun *run);
void     _rosette_verify_check_schema     (VerifyRun *run);
void     _rosette_verify_check_endorsement (VerifyRun *run);
void     _rosette_verify_check_refresh    (VerifyRun *run);
void     _rosette_verify_check_proof      (VerifyRun *run);
void     _rosette_verify_check_issuer     (VerifyRun *run);
void     _rosette_verify_check_validity   (VerifyRun *run);
void     _rosette_verify_check_revocation (VerifyRun *run);
void     _rosette_verify_check_recipient  (VerifyRun *run);
GBytes  *_rosette_verify_run_fetch        (VerifyRun  *run,
                                           const char *url,
                                           const char *accept,
                                           guint      *status,
                                           GError    **error);

/* rosette-verify-keys.c: finding the key a proof names */
RosetteKey *_rosette_verify_resolve_key  (VerifyRun   *run,
                                          const char  *key_id,
                                          JsonObject  *inline_jwk,
                                          char       **not_checked,
                                          GError     **error);

/* rosette-verify-json.c: JSON from outside, bounded */
JsonNode   *_rosette_verify_parse_json      (const char  *text,
                                             gsize        length,
                                             GError     **error);
const char *_rosette_verify_string_member   (JsonObject  *object,
                                             const char  *name);
JsonObject *_rosette_verify_object_member   (JsonObject  *object,
                                             const char  *name);
gboolean    _rosette_verify_has_type        (JsonNode    *type,
                                             const char  *wanted);
const char *_rosette_verify_node_id         (JsonNode    *node);

/* rosette-p256-point.c: a compressed P-256 point made whole (GMP) */
gboolean    _rosette_p256_decompress        (const guint8 *point,
                                             gsize         length,
                                             guint8        x[32],
                                             guint8        y[32],
                                             GError      **error);
RosetteKey *_rosette_verify_key_from_multikey (const char  *multibase,
                                               GError     **error);

/* rosette-verify-status.c: revocation */
typedef enum
{
  ROSETTE_STATUS_NOT_REVOKED,
  ROSETTE_STATUS_REVOKED,
  ROSETTE_STATUS_UNKNOWN,
} RosetteStatusAnswer;

RosetteStatusAnswer _rosette_verify_bitstring_status (GBytes      *list_json,
                                                      guint64      index,
                                                      char       **reason);
RosetteStatusAnswer _rosette_verify_revocation_list  (GBytes      *list_json,
                                                      const char  *credential_id,
                                                      const char  *member,
                                                      char       **reason);

G_END_DECLS
