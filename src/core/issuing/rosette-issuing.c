/* rosette-issuing.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Issuing one badge, end to end, for `rosette-cli issue` and the Issue
 * page alike: find the tier, make the achievement from the family's
 * achievement data (a tier's criteria override the family's), build the
 * credential, fetch the signing key from the keyring, sign, render the
 * artwork, bake, and write the file atomically (GIO writes a temporary
 * file and renames it over the target).
 *
 * The async variant snapshots the family (through its document) on the
 * caller's thread, so the GUI may keep editing while the worker signs.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "rosette-achievement-images.h"
#include "rosette-batch.h"
#include "rosette-baking.h"
#include "rosette-data-integrity.h"
#include "rosette-design.h"
#include "rosette-error.h"
#include "rosette-issuer-keys.h"
#include "rosette-issuing-private.h"
#include "rosette-issuing.h"
#include "rosette-jws.h"
#include "rosette-key-documents.h"
#include "rosette-recipient.h"
#include "rosette-utils.h"

G_DEFINE_BOXED_TYPE (RosetteIssueRequest, rosette_issue_request,
                     rosette_issue_request_copy, rosette_issue_request_free)
G_DEFINE_BOXED_TYPE (RosetteIssueResult, rosette_issue_result,
                     rosette_issue_result_copy, rosette_issue_result_free)

static const char * const format_nicks[] = { "png", "svg", "json", "jwt" };
static const char * const proof_nicks[] = { "vc-jwt", "ob2", "data-integrity" };

/**
 * rosette_issue_request_new:
 *
 * Returns: (transfer full): an empty request: VC-JWT, PNG, valid from now
 */
RosetteIssueRequest *
rosette_issue_request_new (void)
{
  RosetteIssueRequest *request = g_new0 (RosetteIssueRequest, 1);

  /* Data Integrity is the proof 1EdTech certification expects (issue 6). */
  request->proof = ROSETTE_ISSUE_PROOF_DATA_INTEGRITY;
  request->format = ROSETTE_ISSUE_FORMAT_PNG;

  return request;
}

/**
 * rosette_issue_request_copy:
 *
 * A copy that shares the family, issuer, store, file and registry
 * objects.
 *
 * Returns: (transfer full): the copy
 */
RosetteIssueRequest *
rosette_issue_request_copy (const RosetteIssueRequest *request)
{
  RosetteIssueRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->family = request->family != NULL ? g_object_ref (request->family) : NULL;
  copy->issuer = request->issuer != NULL ? g_object_ref (request->issuer) : NULL;
  copy->store = request->store != NULL ? g_object_ref (request->store) : NULL;
  copy->output = request->output != NULL ? g_object_ref (request->output) : NULL;
  copy->registry = request->registry != NULL ? g_object_ref (request->registry) : NULL;
  copy->evidence = rosette_evidence_list_copy (request->evidence);
  copy->tier = g_strdup (request->tier);
  copy->email = g_strdup (request->email);
  copy->name = g_strdup (request->name);
  copy->evidence_url = g_strdup (request->evidence_url);
  copy->narrative = g_strdup (request->narrative);
  copy->valid_from = request->valid_from != NULL ? g_date_time_ref (request->valid_from) : NULL;
  copy->valid_until = request->valid_until != NULL ? g_date_time_ref (request->valid_until) : NULL;

  return copy;
}

void
rosette_issue_request_free (RosetteIssueRequest *request)
{
  if (request == NULL)
    return;

  g_clear_object (&request->family);
  g_clear_object (&request->issuer);
  g_clear_object (&request->store);
  g_clear_object (&request->output);
  g_clear_object (&request->registry);
  g_clear_pointer (&request->evidence, g_ptr_array_unref);
  g_clear_pointer (&request->tier, g_free);
  g_clear_pointer (&request->email, g_free);
  g_clear_pointer (&request->name, g_free);
  g_clear_pointer (&request->evidence_url, g_free);
  g_clear_pointer (&request->narrative, g_free);
  g_clear_pointer (&request->valid_from, g_date_time_unref);
  g_clear_pointer (&request->valid_until, g_date_time_unref);
  g_free (request);
}

RosetteIssueResult *
rosette_issue_result_copy (const RosetteIssueResult *result)
{
  RosetteIssueResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (RosetteIssueResult, 1);
  copy->id = g_strdup (result->id);
  copy->file = result->file != NULL ? g_object_ref (result->file) : NULL;
  copy->proof = result->proof;
  copy->format = result->format;
  copy->warning = g_strdup (result->warning);
  copy->preview = g_strdup (result->preview);

  return copy;
}

void
rosette_issue_result_free (RosetteIssueResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->id, g_free);
  g_clear_object (&result->file);
  g_clear_pointer (&result->warning, g_free);
  g_clear_pointer (&result->preview, g_free);
  g_free (result);
}

const char *
rosette_issue_format_to_string (RosetteIssueFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_nicks), NULL);

  return format_nicks[format];
}

/**
 * rosette_issue_format_from_string:
 * @text: "png", "svg", "json" or "jwt"
 *
 * Returns: %TRUE and sets @format, or %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_issue_format_from_string (const char          *text,
                                  RosetteIssueFormat  *format,
                                  GError             **error)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (format_nicks); i++)
    {
      if (g_ascii_strcasecmp (text, format_nicks[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("Unknown output format “%s”; use png, svg, json or jwt"),
               text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
  return FALSE;
}

/**
 * rosette_issue_format_for_path:
 * @path: a file name
 *
 * Returns: %TRUE and sets @format when @path ends in .png, .svg, .json,
 *   .jwt or .jws (in any case)
 */
gboolean
rosette_issue_format_for_path (const char         *path,
                               RosetteIssueFormat *format)
{
  const char *dot;
  g_autofree char *extension = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  extension = g_ascii_strdown (dot + 1, -1);
  if (g_str_equal (extension, "jws"))
    {
      *format = ROSETTE_ISSUE_FORMAT_JWT;
      return TRUE;
    }

  return rosette_issue_format_from_string (extension, format, NULL);
}

const char *
rosette_issue_proof_to_string (RosetteIssueProof proof)
{
  g_return_val_if_fail ((guint) proof < G_N_ELEMENTS (proof_nicks), NULL);

  return proof_nicks[proof];
}

/**
 * rosette_issue_proof_from_string:
 * @text: "vc-jwt", "ob2" or "data-integrity"
 *
 * Returns: %TRUE and sets @proof, or %ROSETTE_ERROR_INVALID
 */
gboolean
rosette_issue_proof_from_string (const char         *text,
                                 RosetteIssueProof  *proof,
                                 GError            **error)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (proof_nicks); i++)
    {
      if (g_ascii_strcasecmp (text, proof_nicks[i]) == 0)
        {
          *proof = i;
          return TRUE;
        }
    }

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("Unknown proof “%s”; use vc-jwt, ob2 or data-integrity"),
               text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
  return FALSE;
}

/**
 * rosette_issue_parse_date:
 * @text: an ISO 8601 date ("2027-03-31") or date-time
 *   ("2027-03-31T12:00:00Z", "2027-03-31T12:00:00+02:00")
 * @end_of_day: for a bare date, the last second of the day instead of the
 *   first (an expiry "until 31 March" includes the 31st)
 *
 * A bare date, or a date-time without a zone, is taken as UTC.
 *
 * Returns: (transfer full): the time in UTC, or %NULL with
 *   %ROSETTE_ERROR_INVALID
 */
GDateTime *
rosette_issue_parse_date (const char  *text,
                          gboolean     end_of_day,
                          GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *stripped = NULL;
  guint64 y, m, d;

  if (text == NULL)
    goto invalid;

  stripped = g_strstrip (g_strdup (text));

  if (strlen (stripped) == 10 && stripped[4] == '-' && stripped[7] == '-')
    {
      g_autofree char *year = g_strndup (stripped, 4);
      g_autofree char *month = g_strndup (stripped + 5, 2);
      g_autofree char *day = g_strndup (stripped + 8, 2);

      if (g_ascii_string_to_unsigned (year, 10, 1, 9999, &y, NULL) &&
          g_ascii_string_to_unsigned (month, 10, 1, 12, &m, NULL) &&
          g_ascii_string_to_unsigned (day, 10, 1, 31, &d, NULL) &&
          g_date_valid_dmy (d, m, y))
        {
          if (end_of_day)
            return g_date_time_new (utc, y, m, d, 23, 59, 59);
          return g_date_time_new (utc, y, m, d, 0, 0, 0);
        }
      goto invalid;
    }

  parsed = g_date_time_new_from_iso8601 (stripped, utc);
  if (parsed != NULL)
    return g_date_time_to_utc (parsed);

invalid:
  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("“%s” is not a date; write it as 2027-03-31 or 2027-03-31T12:00:00Z"),
               text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
  return NULL;
}

/**
 * rosette_issue_dup_file_name:
 * @extension: "png", "svg", "json" or "jwt"
 *
 * Returns: (transfer full): "<family>-<tier>-<recipient>.<extension>",
 *   each part a slug, the recipient being the part of the address before
 *   the "@" (or the name)
 */
char *
rosette_issue_dup_file_name (RosetteIssueRequest *request,
                             const char          *extension)
{
  g_autofree char *family = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *who = NULL;
  g_autofree char *local = NULL;

  g_return_val_if_fail (request != NULL && ROSETTE_IS_FAMILY (request->family), NULL);

  family = rosette_family_dup_slug (request->family);
  tier = rosette_slugify (request->tier != NULL ? request->tier : "");
  if (request->email != NULL && strchr (request->email, '@') != NULL)
    local = g_strndup (request->email, strchr (request->email, '@') - request->email);
  else
    local = g_strdup (request->name != NULL ? request->name : "");
  who = rosette_slugify (local);

  return g_strdup_printf ("%s%s%s%s%s.%s", family,
                          *tier != '\0' ? "-" : "", tier,
                          *who != '\0' ? "-" : "", who, extension);
}

/**
 * rosette_issue_request_find_tier:
 *
 * Returns: (transfer none): the tier the request names, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND
 */
RosetteTier *
rosette_issue_request_find_tier (RosetteIssueRequest  *request,
                                 GError              **error)
{
  guint n;
  guint64 number;
  RosetteTier *tier = NULL;

  g_return_val_if_fail (request != NULL && ROSETTE_IS_FAMILY (request->family), NULL);

  n = rosette_family_get_n_tiers (request->family);
  if (request->tier != NULL && g_utf8_validate (request->tier, -1, NULL))
    {
      if (g_ascii_string_to_unsigned (request->tier, 10, 1, n, &number, NULL))
        tier = rosette_family_get_tier (request->family, number - 1);
      else
        tier = rosette_family_find_tier (request->family, request->tier);
    }

  if (tier == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                rosette_tier_get_name (rosette_family_get_tier (request->family, i)));
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("“%s” has no tier “%s”; its tiers are: %s"),
                   rosette_family_get_name (request->family),
                   request->tier != NULL && g_utf8_validate (request->tier, -1, NULL) ? request->tier : "",
                   names->str);
    }

  return tier;
}

/* The family's tags after the achievement's own (tier, kind, family),
 * without repeats, within the achievement's bound. */
static void
add_family_tags (RosetteAchievement *achievement,
                 RosetteFamily      *family)
{
  /* A copy: setting the tags frees the achievement's own array. */
  g_auto(GStrv) own = g_strdupv ((char **) rosette_achievement_get_tags (achievement));
  const char * const *extra = rosette_family_get_tags (family);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; own != NULL && own[i] != NULL; i++)
    g_ptr_array_add (tags, (gpointer) own[i]);
  for (guint i = 0; extra[i] != NULL && tags->len < ROSETTE_ACHIEVEMENT_MAX_TAGS; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < tags->len && !seen; j++)
        seen = g_ascii_strcasecmp (g_ptr_array_index (tags, j), extra[i]) == 0;
      if (!seen)
        g_ptr_array_add (tags, (gpointer) extra[i]);
    }
  g_ptr_array_add (tags, NULL);

  rosette_achievement_set_tags (achievement, (const char * const *) tags->pdata);
}

static RosetteAchievement *
build_achievement (RosetteFamily  *family,
                   RosetteTier    *tier,
                   RosetteIssuer  *issuer,
                   GBytes         *image_png)
{
  g_autoptr(RosetteAchievement) achievement = NULL;
  g_autofree char *base = rosette_issuer_dup_publish_base (issuer, NULL);
  const char *name;
  const char *url;
  const char *framework;
  const char *code;

  achievement = rosette_achievement_new_for_tier (family, tier, rosette_issuer_get_id (issuer), base);

  if (*rosette_family_get_description (family) != '\0')
    rosette_achievement_set_description (achievement, rosette_family_get_description (family));
  rosette_achievement_set_criteria (achievement, rosette_family_get_tier_criteria (family, tier));
  if (*rosette_family_get_criteria_url (family) != '\0')
    rosette_achievement_set_criteria_url (achievement, rosette_family_get_criteria_url (family));
  /* The family only holds valid types. */
  rosette_achievement_set_achievement_type (achievement,
                                            rosette_family_get_achievement_type (family), NULL);
  add_family_tags (achievement, family);

  rosette_family_get_alignment (family, &name, &url, &framework, &code);
  if (*name != '\0')
    rosette_achievement_set_alignment (achievement, name, url,
                                       *framework != '\0' ? framework : NULL,
                                       *code != '\0' ? code : NULL);

  if (image_png != NULL)
    rosette_achievement_set_image_png (achievement, image_png);

  return g_steal_pointer (&achievement);
}

static RosetteCredential *
build_credential (RosetteIssueRequest  *request,
                  RosetteIssuer        *issuer,
                  GBytes               *image_png,
                  GError              **error)
{
  g_autoptr(RosetteAchievement) achievement = NULL;
  g_autoptr(RosetteRecipient) recipient = NULL;
  g_autoptr(RosetteCredential) credential = NULL;
  RosetteTier *tier;

  tier = rosette_issue_request_find_tier (request, error);
  if (tier == NULL)
    return NULL;

  if (!rosette_email_check (request->email, error))
    return NULL;

  achievement = build_achievement (request->family, tier, issuer, image_png);
  recipient = rosette_recipient_new (request->email);
  if (request->name != NULL && *request->name != '\0')
    rosette_recipient_set_name (recipient, request->name);
  rosette_recipient_set_include_name (recipient, request->include_name);

  credential = rosette_credential_new (achievement, recipient);
  if (request->valid_from != NULL)
    rosette_credential_set_valid_from (credential, request->valid_from);
  rosette_credential_set_valid_until (credential, request->valid_until);
  rosette_credential_set_evidence (credential,
                                   request->evidence_url != NULL && *request->evidence_url != '\0'
                                   ? request->evidence_url : NULL,
                                   request->narrative != NULL && *request->narrative != '\0'
                                   ? request->narrative : NULL);
  rosette_credential_set_evidence_list (credential, request->evidence);

  if (!rosette_credential_validate (credential, error))
    return NULL;

  return g_steal_pointer (&credential);
}

/**
 * rosette_issue_build_credential:
 * @issuer: the issuer
 *
 * Builds and validates the credential the request describes, without an
 * image and without signing: what a form checks as the user types.
 *
 * Returns: (transfer full): the credential, or %NULL with the error a
 *   person should see (%ROSETTE_ERROR_INVALID for a bad address, an
 *   expiry before the start or missing criteria; %ROSETTE_ERROR_NOT_FOUND
 *   for an unknown tier)
 */
RosetteCredential *
rosette_issue_build_credential (RosetteIssueRequest  *request,
                                RosetteIssuer        *issuer,
                                GError              **error)
{
  g_return_val_if_fail (request != NULL && ROSETTE_IS_FAMILY (request->family), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  return build_credential (request, issuer, NULL, error);
}

static RosetteIssuer *
dup_issuer (RosetteIssueRequest  *request,
            GCancellable         *cancellable,
            GError              **error)
{
  g_autoptr(RosetteIssuerStore) store = NULL;

  if (request->issuer != NULL)
    return g_object_ref (request->issuer);

  store = request->store != NULL ? g_object_ref (request->store) : rosette_issuer_store_new (NULL);

  return rosette_issuer_store_load_current (store, cancellable, error);
}

static RosetteKeyAlgorithm
algorithm_for_proof (RosetteIssuer     *issuer,
                     RosetteIssueProof  proof)
{
  if (proof == ROSETTE_ISSUE_PROOF_OB2)
    return ROSETTE_KEY_ALGORITHM_RSA2048;
  if (proof == ROSETTE_ISSUE_PROOF_DATA_INTEGRITY)
    return ROSETTE_KEY_ALGORITHM_ED25519;

  /* VC-JWT: ES256 by default; RS256 where the issuer only has RSA. */
  if (rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_P256) == NULL &&
      rosette_issuer_find_signing_key (issuer, ROSETTE_KEY_ALGORITHM_RSA2048) != NULL)
    return ROSETTE_KEY_ALGORITHM_RSA2048;

  return ROSETTE_KEY_ALGORITHM_P256;
}

static gboolean
check_signing_key (RosetteIssuer        *issuer,
                   RosetteIssueProof     proof,
                   RosetteKeyAlgorithm   algorithm,
                   GError              **error)
{
  if (rosette_issuer_find_signing_key (issuer, algorithm) != NULL)
    return TRUE;

  if (proof == ROSETTE_ISSUE_PROOF_OB2)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("Open Badges 2.0 badges are signed with an RSA key, and “%s” has none; "
                   "generate one (rosette-cli keys generate --type rsa2048, or Preferences)"),
                 rosette_issuer_get_name (issuer));
  else if (proof == ROSETTE_ISSUE_PROOF_DATA_INTEGRITY)
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("Data Integrity proofs are signed with an Ed25519 key, and “%s” has none; "
                   "generate one (rosette-cli keys generate --type ed25519, or Preferences)"),
                 rosette_issuer_get_name (issuer));
  else
    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                 _("“%s” has no active P-256 or RSA key to sign with; generate one "
                   "(rosette-cli keys generate --type p256, or Preferences)"),
                 rosette_issuer_get_name (issuer));
  return FALSE;
}

static char *
to_pretty_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

/**
 * rosette_issue_preview:
 *
 * Builds the credential the request would issue, unsigned and without
 * the image, as pretty-printed JSON (OB 3.0, or the OB 2.0 assertion).
 * Reads the issuer profile but never the keyring.
 *
 * Returns: (transfer full): the JSON, or %NULL with the error
 *   rosette_issue_build_credential() or loading the issuer gives
 */
char *
rosette_issue_preview (RosetteIssueRequest  *request,
                       GError              **error)
{
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteCredential) credential = NULL;
  g_autoptr(JsonNode) node = NULL;
  RosetteKeyAlgorithm algorithm;
  RosetteKeyRecord *record;

  g_return_val_if_fail (request != NULL && ROSETTE_IS_FAMILY (request->family), NULL);

  issuer = dup_issuer (request, NULL, error);
  if (issuer == NULL)
    return NULL;

  algorithm = algorithm_for_proof (issuer, request->proof);
  if (!check_signing_key (issuer, request->proof, algorithm, error))
    return NULL;
  record = rosette_issuer_find_signing_key (issuer, algorithm);

  credential = build_credential (request, issuer, NULL, error);
  if (credential == NULL)
    return NULL;

  if (request->proof == ROSETTE_ISSUE_PROOF_OB2)
    node = rosette_credential_build_ob2 (credential, issuer, record, error);
  else
    node = rosette_credential_build_ob3 (credential, issuer, record, error);
  if (node == NULL)
    return NULL;

  return to_pretty_json (node);
}

/* The JWS payload, pretty-printed: exactly what was signed. */
static char *
dup_signed_json (const char  *jws,
                 GError     **error)
{
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data;

  if (!rosette_jws_decode (jws, &header, &payload, error))
    return NULL;

  data = g_bytes_get_data (payload, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  return to_pretty_json (json_parser_get_root (parser));
}

static char *
join_warnings (char       *first,
               const char *second)
{
  char *joined;

  if (first == NULL)
    return g_strdup (second);
  joined = g_strconcat (first, "; ", second, NULL);
  g_free (first);

  return joined;
}

/* What was signed, pretty-printed for the result's preview. */
static char *
dup_signed_preview (RosetteIssueProof   proof,
                    const char         *signed_text,
                    GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;

  if (proof != ROSETTE_ISSUE_PROOF_DATA_INTEGRITY)
    return dup_signed_json (signed_text, error);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, signed_text, -1, error))
    return NULL;

  return to_pretty_json (json_parser_get_root (parser));
}

/* With a registry: a batch of one (the reservation, status index and
 * record-issued steps of every bulk badge), written to the file the user
 * chose. */
static gboolean
issue_recorded (RosetteIssueRequest  *request,
                RosetteIssuer        *issuer,
                GCancellable         *cancellable,
                char                **out_id,
                char                **out_signed,
                char                **warning,
                GError              **error)
{
  g_autoptr(RosetteBatch) batch = NULL;
  g_autoptr(RosetteBatchSummary) summary = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (request->output);
  g_autofree char *file_name = g_file_get_basename (request->output);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *batch_id = g_strconcat ("issue-", uuid, NULL);
  RosetteBatchRecipient recipient = { NULL, };

  if (dir == NULL || file_name == NULL)
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("Choose a file inside a folder to write the badge to"));
      return FALSE;
    }

  batch = rosette_batch_new (request->registry, issuer, request->family, request->tier,
                             request->proof, dir, request->format, batch_id);
  rosette_batch_set_file_name (batch, file_name);
  rosette_batch_set_n_workers (batch, 1);
  rosette_batch_set_include_names (batch, request->include_name);
  rosette_batch_set_valid_from (batch, request->valid_from);
  rosette_batch_set_valid_until (batch, request->valid_until);
  _rosette_batch_set_keep_signed (batch, TRUE);

  recipient.email = request->email;
  recipient.name = request->name;
  recipient.narrative = request->narrative;
  recipient.evidence_url = request->evidence_url;
  recipient.evidence = request->evidence;
  if (!rosette_batch_add_recipient (batch, &recipient, error))
    return FALSE;

  summary = rosette_batch_run_sync (batch, NULL, NULL, cancellable, error);
  if (summary == NULL)
    return FALSE;
  if (summary->cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Issuing cancelled"));
      return FALSE;
    }
  if (!_rosette_batch_take_signed (batch, out_id, out_signed, warning, error))
    return FALSE;
  if (summary->warning != NULL)
    *warning = join_warnings (*warning, summary->warning);

  return TRUE;
}

/**
 * rosette_issue_one_sync:
 * @request: a complete request, with @output
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Issues one badge: builds, signs (the key is fetched from the keyring
 * for this call only), renders and bakes, and writes @request's output
 * file atomically. Nothing is written when anything fails.
 *
 * With @request's registry set, the badge is recorded there the way a
 * bulk badge is (reservation, status list entry, then the record once
 * the file is complete), so it can be revoked and shows in reports. Each
 * call is a batch of its own: issuing the same badge to the same person
 * twice on purpose gives two records.
 *
 * Returns: (transfer full): the result, or %NULL with
 *   %ROSETTE_ERROR_INVALID / %ROSETTE_ERROR_NOT_FOUND for input to fix,
 *   a keyring error (%ROSETTE_ERROR_KEYRING_LOCKED, ...), or a
 *   #GIOError from writing
 */
RosetteIssueResult *
rosette_issue_one_sync (RosetteIssueRequest  *request,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(RosetteIssuer) issuer = NULL;
  g_autoptr(RosetteCredential) checked = NULL;
  g_autoptr(RosetteIssuePrepared) prepared = NULL;
  g_autoptr(RosetteKeyRecord) record = NULL;
  g_autoptr(RosetteKey) key = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autofree char *id = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *warning = NULL;
  RosetteIssueResult *result;
  RosetteKeyAlgorithm algorithm;
  RosetteIssueRow row = { 0 };
  RosetteTier *tier;

  g_return_val_if_fail (request != NULL && ROSETTE_IS_FAMILY (request->family), NULL);
  g_return_val_if_fail (G_IS_FILE (request->output), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  issuer = dup_issuer (request, cancellable, error);
  if (issuer == NULL)
    return NULL;

  tier = rosette_issue_request_find_tier (request, error);
  if (tier == NULL)
    return NULL;

  algorithm = algorithm_for_proof (issuer, request->proof);
  if (!check_signing_key (issuer, request->proof, algorithm, error))
    return NULL;

  /* Everything the user can fix is checked before the keyring is asked. */
  checked = build_credential (request, issuer, NULL, error);
  if (checked == NULL)
    return NULL;

  if (request->registry != NULL)
    {
      if (!issue_recorded (request, issuer, cancellable, &id, &signed_text, &warning, error))
        return NULL;
    }
  else
    {
      /* Not recorded, but the same code path as rosette-batch. */
      prepared = rosette_issue_prepare (request->family, tier, issuer, request->proof,
                                        request->format, error);
      if (prepared == NULL)
        return NULL;

      key = rosette_issuer_load_signing_key_sync (issuer, algorithm, &record, cancellable, error);
      if (key == NULL)
        return NULL;

      row.email = request->email;
      row.name = request->name;
      row.include_name = request->include_name;
      row.valid_from = request->valid_from;
      row.valid_until = request->valid_until;
      row.narrative = request->narrative;
      row.evidence_url = request->evidence_url;
      row.evidence = request->evidence;

      output = _rosette_issue_prepared_make_full (prepared, &row, record, key, &id, &signed_text,
                                                  &warning, error);
      g_clear_object (&key);
      if (output == NULL)
        return NULL;

      if (!g_file_replace_contents (request->output, g_bytes_get_data (output, NULL),
                                    g_bytes_get_size (output), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
        return NULL;
    }

  json = dup_signed_preview (request->proof, signed_text, error);
  if (json == NULL)
    return NULL;

  if (request->format == ROSETTE_ISSUE_FORMAT_JSON &&
      request->proof != ROSETTE_ISSUE_PROOF_DATA_INTEGRITY)
    warning = join_warnings (warning,
                             _("a .json file carries no proof of its own with this proof "
                               "type; share the baked image or the .jwt for verification, "
                               "or issue with Data Integrity"));

  result = g_new0 (RosetteIssueResult, 1);
  result->id = g_steal_pointer (&id);
  result->file = g_object_ref (request->output);
  result->proof = request->proof;
  result->format = request->format;
  result->warning = g_steal_pointer (&warning);
  result->preview = g_steal_pointer (&json);

  return result;
}

static void
issue_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RosetteIssueRequest *request = task_data;
  RosetteIssueResult *result;
  GError *error = NULL;

  result = rosette_issue_one_sync (request, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) rosette_issue_result_free);
}

/**
 * rosette_issue_one_async:
 * @request: as for rosette_issue_one_sync(); copied, with a snapshot of
 *   its family, so the caller may go on editing
 *
 * Issues in a worker thread.
 */
void
rosette_issue_one_async (RosetteIssueRequest  *request,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(GError) error = NULL;
  RosetteIssueRequest *copy;

  g_return_if_fail (request != NULL && ROSETTE_IS_FAMILY (request->family));
  g_return_if_fail (G_IS_FILE (request->output));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rosette_issue_one_async);

  copy = rosette_issue_request_copy (request);
  document = rosette_family_to_bytes (request->family);
  g_clear_object (&copy->family);
  copy->family = rosette_family_new_from_bytes (document, &error);
  g_task_set_task_data (task, copy, (GDestroyNotify) rosette_issue_request_free);

  if (copy->family == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, issue_thread);
}

/**
 * rosette_issue_one_finish:
 *
 * Returns: (transfer full): the result, or %NULL with the error of
 *   rosette_issue_one_sync()
 */
RosetteIssueResult *
rosette_issue_one_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rosette_issue_one_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Prepared issuing, for batches: everything that is the same for every
 * recipient of a tier is made once (achievement and its image, the
 * artwork, the PNG cut in two right after IHDR), and each recipient costs
 * build + sign + splice. */
struct _RosetteIssuePrepared
{
  gatomicrefcount     ref_count;
  RosetteFamily      *family;
  RosetteTier        *tier;
  RosetteIssuer      *issuer;
  RosetteAchievement *achievement;
  RosetteIssueProof   proof;
  RosetteIssueFormat  format;
  GBytes             *artwork;
  GBytes             *image;      /* the achievement image (PNG) */
  gsize               png_head;   /* signature + IHDR */
  gsize               png_tail;   /* where the rest starts in @artwork */
  RosetteBadgeVersion version;
};

/**
 * rosette_issue_proof_get_algorithm:
 *
 * Returns: the key algorithm @proof signs with for @issuer: RSA for OB
 *   2.0, Ed25519 for Data Integrity, else P-256 (RSA where the issuer has
 *   only RSA)
 */
RosetteKeyAlgorithm
rosette_issue_proof_get_algorithm (RosetteIssuer     *issuer,
                                   RosetteIssueProof  proof)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), ROSETTE_KEY_ALGORITHM_P256);

  return algorithm_for_proof (issuer, proof);
}

/**
 * rosette_issue_default_proof:
 * @key: (nullable): the key that will sign, when the caller has one;
 *   %NULL for the issuer's keys in the keyring
 *
 * The proof for issuing paths that offer no choice (pathway goal badges,
 * nominations from the app): Data Integrity, the default everywhere,
 * when the signer is Ed25519; VC-JWT for an issuer with only P-256 or
 * RSA keys, so it still issues rather than failing.
 *
 * Returns: the proof
 */
RosetteIssueProof
rosette_issue_default_proof (RosetteIssuer *issuer,
                             RosetteKey    *key)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), ROSETTE_ISSUE_PROOF_DATA_INTEGRITY);

  if (key != NULL)
    return rosette_key_get_algorithm (key) == ROSETTE_KEY_ALGORITHM_ED25519
      ? ROSETTE_ISSUE_PROOF_DATA_INTEGRITY : ROSETTE_ISSUE_PROOF_VC_JWT;
  return rosette_issue_check_signing_key (issuer, ROSETTE_ISSUE_PROOF_DATA_INTEGRITY, NULL)
    ? ROSETTE_ISSUE_PROOF_DATA_INTEGRITY : ROSETTE_ISSUE_PROOF_VC_JWT;
}

/**
 * rosette_issue_check_signing_key:
 *
 * Returns: %TRUE if @issuer has an active key for @proof, else %FALSE
 *   with a %ROSETTE_ERROR_NOT_FOUND that says how to make one
 */
gboolean
rosette_issue_check_signing_key (RosetteIssuer      *issuer,
                                 RosetteIssueProof   proof,
                                 GError            **error)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), FALSE);

  return check_signing_key (issuer, proof, algorithm_for_proof (issuer, proof), error);
}

/**
 * rosette_issue_prepare:
 * @family: the family (read now, not kept for later edits' sake: do not
 *   change it while the prepared state is in use)
 * @tier: one of @family's tiers
 * @issuer: the issuer
 * @proof: the proof each badge gets
 * @format: what each badge is written as
 *
 * Renders the tier's artwork and the achievement image once.
 *
 * Returns: (transfer full): the prepared state, or %NULL with the
 *   rendering or validation error
 */
RosetteIssuePrepared *
rosette_issue_prepare (RosetteFamily       *family,
                       RosetteTier         *tier,
                       RosetteIssuer       *issuer,
                       RosetteIssueProof    proof,
                       RosetteIssueFormat   format,
                       GError             **error)
{
  g_autoptr(RosetteIssuePrepared) self = NULL;
  g_autofree char *base = NULL;
  RosetteBadgeVersion version;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);
  g_return_val_if_fail (ROSETTE_IS_ISSUER (issuer), NULL);

  self = g_new0 (RosetteIssuePrepared, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->family = g_object_ref (family);
  self->tier = g_object_ref (tier);
  self->issuer = g_object_ref (issuer);
  self->proof = proof;
  self->format = format;
  version = proof == ROSETTE_ISSUE_PROOF_OB2 ? ROSETTE_BADGE_VERSION_OB2 : ROSETTE_BADGE_VERSION_OB3;
  self->version = version;

  self->image = rosette_design_render_png (family, tier, ROSETTE_ISSUE_ACHIEVEMENT_IMAGE_SIZE,
                                          error);
  if (self->image == NULL)
    return NULL;
  self->achievement = build_achievement (family, tier, issuer, NULL);
  base = rosette_issuer_dup_publish_base (issuer, NULL);
  rosette_issue_prepared_set_image_base (self, base);

  if (format == ROSETTE_ISSUE_FORMAT_PNG)
    {
      g_autoptr(GBytes) png = rosette_design_render_png (family, tier, ROSETTE_ISSUE_PNG_SIZE, error);
      g_autoptr(GBytes) marker = g_bytes_new_static ("x", 1);
      const guint8 *data;
      gsize size;

      if (png == NULL)
        return NULL;
      /* Baking a one-byte credential gives the exact layout
       * rosette_png_bake() makes (old credentials dropped, the new chunk
       * right after IHDR); each badge then only swaps the chunk. */
      self->artwork = rosette_png_bake (png, version, marker, error);
      if (self->artwork == NULL)
        return NULL;
      data = g_bytes_get_data (self->artwork, &size);
      self->png_head = 8 + 12 + ((gsize) data[8] << 24 | (gsize) data[9] << 16 |
                                 (gsize) data[10] << 8 | (gsize) data[11]);
      self->png_tail = self->png_head + rosette_png_credential_chunk_size (version, 1);
      g_assert (self->png_tail <= size);
    }
  else if (format == ROSETTE_ISSUE_FORMAT_SVG)
    {
      char *svg = rosette_design_render_svg (family, tier, error);

      if (svg == NULL)
        return NULL;
      self->artwork = g_bytes_new_take (svg, strlen (svg));
    }

  return g_steal_pointer (&self);
}

RosetteIssuePrepared *
rosette_issue_prepared_ref (RosetteIssuePrepared *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rosette_issue_prepared_unref (RosetteIssuePrepared *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->family);
  g_clear_object (&self->tier);
  g_clear_object (&self->issuer);
  g_clear_object (&self->achievement);
  g_clear_pointer (&self->artwork, g_bytes_unref);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self);
}

RosetteTier *
rosette_issue_prepared_get_tier (RosetteIssuePrepared *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tier;
}

RosetteAchievement *
rosette_issue_prepared_get_achievement (RosetteIssuePrepared *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->achievement;
}

/**
 * rosette_issue_prepared_set_image_base:
 * @publish_base: (nullable): the base URL the issuer's files are published
 *   under; %NULL for none
 *
 * With a publish base, every badge refers to the hosted achievement image,
 * <base>images/<family>-<tier>.png (rosette-achievement-images.c), instead
 * of carrying its own copy as a data: URI; whoever issues keeps the image
 * (rosette_issue_prepared_get_image()) for the publisher. Without one, the
 * image is embedded. rosette_issue_prepare() starts with the issuer's
 * publish base; call this before making badges.
 */
void
rosette_issue_prepared_set_image_base (RosetteIssuePrepared *self,
                                       const char           *publish_base)
{
  g_return_if_fail (self != NULL);

  if (publish_base != NULL)
    {
      g_autofree char *family_slug = rosette_family_dup_slug (self->family);
      g_autofree char *tier_slug = rosette_tier_dup_slug (self->tier);
      g_autofree char *url = rosette_achievement_image_dup_url (publish_base, family_slug,
                                                                tier_slug);

      rosette_achievement_set_image (self->achievement, url);
    }
  else
    rosette_achievement_set_image_png (self->achievement, self->image);
}

/**
 * rosette_issue_prepared_get_image:
 *
 * Returns: (transfer none): the achievement image (PNG), which the
 *   achievement refers to by URL when the issuer has a publish base
 */
GBytes *
rosette_issue_prepared_get_image (RosetteIssuePrepared *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->image;
}

/**
 * rosette_issue_prepared_get_extension:
 *
 * Returns: the file extension of what rosette_issue_prepared_make()
 *   returns ("png", "svg", "json" or "jwt")
 */
const char *
rosette_issue_prepared_get_extension (RosetteIssuePrepared *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return rosette_issue_format_to_string (self->format);
}

/* The artwork with @payload in an iTXt chunk right after IHDR: the
 * artwork's bytes around the one-byte credential it was baked with, and
 * the chunk written by baking/. */
static GBytes *
splice_png (RosetteIssuePrepared  *self,
            const char            *payload,
            gsize                  length,
            GError               **error)
{
  const guint8 *art;
  gsize art_size;
  gsize chunk_size;
  gsize total;
  guint8 *out;

  if (length > ROSETTE_BAKING_MAX_PAYLOAD_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("The credential is too large to bake (%llu bytes)"),
                   (unsigned long long)length);
      return NULL;
    }

  art = g_bytes_get_data (self->artwork, &art_size);
  chunk_size = rosette_png_credential_chunk_size (self->version, length);
  total = self->png_head + chunk_size + (art_size - self->png_tail);
  out = g_malloc (total);

  memcpy (out, art, self->png_head);
  rosette_png_put_credential_chunk (out + self->png_head, self->version,
                                    (const guint8 *) payload, length);
  memcpy (out + self->png_head + chunk_size, art + self->png_tail, art_size - self->png_tail);

  return g_bytes_new_take (out, total);
}

/* The signed credential: a compact JWS, or for Data Integrity the JSON
 * with its embedded proof. */
static char *
sign_row (RosetteIssuePrepared  *self,
          RosetteCredential     *credential,
          RosetteKeyRecord      *record,
          RosetteKey            *key,
          char                 **warning,
          GError               **error)
{
  switch (self->proof)
    {
    case ROSETTE_ISSUE_PROOF_OB2:
      return rosette_credential_sign_ob2 (credential, self->issuer, record, key, warning, error);

    case ROSETTE_ISSUE_PROOF_DATA_INTEGRITY:
      {
        g_autoptr(JsonNode) node = NULL;
        g_autoptr(JsonObject) proved = NULL;
        g_autoptr(JsonNode) root = NULL;
        g_autofree char *method = NULL;

        node = rosette_credential_build_ob3 (credential, self->issuer, record, error);
        if (node == NULL)
          return NULL;
        method = rosette_issuer_dup_key_uri (self->issuer, record, error);
        if (method == NULL)
          return NULL;
        proved = rosette_data_integrity_sign (json_node_get_object (node), key, method, NULL, error);
        if (proved == NULL)
          return NULL;
        root = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (root, proved);
        return json_to_string (root, FALSE);
      }

    case ROSETTE_ISSUE_PROOF_VC_JWT:
    default:
      return rosette_credential_sign_vc_jwt (credential, self->issuer, record, key, warning, error);
    }
}

/* See rosette-issuing-private.h; for rosette_issue_one_sync() and the
 * batch of one that records it. */
GBytes *
_rosette_issue_prepared_make_full (RosetteIssuePrepared   *self,
                                   const RosetteIssueRow  *row,
                                   RosetteKeyRecord       *record,
                                   RosetteKey             *key,
                                   char                  **out_id,
                                   char                  **out_signed,
                                   char                  **warning,
                                   GError                **error)
{
  g_autoptr(RosetteRecipient) recipient = NULL;
  g_autoptr(RosetteCredential) credential = NULL;
  g_autofree char *signed_text = NULL;
  gsize length;
  GBytes *output = NULL;

  g_return_val_if_fail (self != NULL && row != NULL && row->email != NULL, NULL);
  g_return_val_if_fail (ROSETTE_IS_KEY (key), NULL);

  if (!rosette_email_check (row->email, error))
    return NULL;

  recipient = rosette_recipient_new (row->email);
  if (row->name != NULL && *row->name != '\0')
    rosette_recipient_set_name (recipient, row->name);
  rosette_recipient_set_include_name (recipient, row->include_name && row->name != NULL &&
                                                 *row->name != '\0');

  credential = rosette_credential_new (self->achievement, recipient);
  if (row->credential_id != NULL)
    rosette_credential_set_id (credential, row->credential_id);
  if (row->valid_from != NULL)
    rosette_credential_set_valid_from (credential, row->valid_from);
  rosette_credential_set_valid_until (credential, row->valid_until);
  rosette_credential_set_evidence (credential,
                                   row->evidence_url != NULL && *row->evidence_url != '\0'
                                   ? row->evidence_url : NULL,
                                   row->narrative != NULL && *row->narrative != '\0'
                                   ? row->narrative : NULL);
  rosette_credential_set_evidence_list (credential, row->evidence);
  if (row->status_list != NULL)
    rosette_credential_set_status (credential, row->status_list, row->status_index);

  signed_text = sign_row (self, credential, record, key, warning, error);
  if (signed_text == NULL)
    return NULL;
  length = strlen (signed_text);

  switch (self->format)
    {
    case ROSETTE_ISSUE_FORMAT_PNG:
      output = splice_png (self, signed_text, length, error);
      break;

    case ROSETTE_ISSUE_FORMAT_SVG:
      {
        g_autoptr(GBytes) payload = g_bytes_new (signed_text, length);

        output = rosette_svg_bake (self->artwork,
                                   self->proof == ROSETTE_ISSUE_PROOF_OB2
                                   ? ROSETTE_BADGE_VERSION_OB2 : ROSETTE_BADGE_VERSION_OB3,
                                   payload, error);
        break;
      }

    case ROSETTE_ISSUE_FORMAT_JSON:
      if (self->proof == ROSETTE_ISSUE_PROOF_DATA_INTEGRITY)
        {
          output = g_bytes_new_take (g_strconcat (signed_text, "\n", NULL), length + 1);
        }
      else
        {
          g_autofree char *json = dup_signed_json (signed_text, error);

          if (json != NULL)
            output = g_bytes_new_take (g_strconcat (json, "\n", NULL), strlen (json) + 1);
        }
      break;

    case ROSETTE_ISSUE_FORMAT_JWT:
    default:
      output = g_bytes_new_take (g_strconcat (signed_text, "\n", NULL), length + 1);
      break;
    }

  if (output != NULL && out_id != NULL)
    *out_id = g_strdup (rosette_credential_get_id (credential));
  if (output != NULL && out_signed != NULL)
    *out_signed = g_steal_pointer (&signed_text);

  return output;
}

/**
 * rosette_issue_prepared_make:
 * @row: the recipient's part
 * @record: the record of @key
 * @key: the private key (a thread may share it with no other thread)
 * @out_id: (out) (optional) (transfer full): the credential id
 *
 * Builds, signs and bakes one badge. Safe to call from several threads at
 * once with different keys.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with an error
 */
GBytes *
rosette_issue_prepared_make (RosetteIssuePrepared   *self,
                             const RosetteIssueRow  *row,
                             RosetteKeyRecord       *record,
                             RosetteKey             *key,
                             char                  **out_id,
                             GError                **error)
{
  return _rosette_issue_prepared_make_full (self, row, record, key, out_id, NULL, NULL, error);
}
