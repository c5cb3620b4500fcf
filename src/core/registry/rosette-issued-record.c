/* rosette-issued-record.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One row of the issued table joined with its recipient and achievement,
 * as the reports and the Registry page show it. A record is a snapshot:
 * its status was computed for the "now" of the query that made it.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rosette-registry-private.h"

G_DEFINE_FINAL_TYPE (RosetteIssuedRecord, rosette_issued_record, G_TYPE_OBJECT)

/* Keep in the order _rosette_issued_record_from_row() reads. */
#define ISSUED_SELECT \
  "i.credential_id, i.issuance_key, i.batch_id, i.state, i.recipient_id," \
  " r.email, r.name, r.employee_id, r.department, i.achievement_id," \
  " a.family_slug, a.family_name, a.tier_slug, a.tier_name," \
  " i.valid_from, i.valid_until, i.issued_at, i.proof_type, i.files," \
  " i.status_list_id, i.status_index, i.last_error, i.revoked_at," \
  " i.revoke_reason, i.superseded_by"
#define ISSUED_FROM \
  " FROM issued i" \
  " JOIN recipients r ON r.id = i.recipient_id" \
  " JOIN achievements a ON a.id = i.achievement_id"

const char _rosette_issued_columns[] = ISSUED_SELECT ISSUED_FROM;

/* The report and page queries leave the issuer out: only the lookup of
 * one credential (which the verifier asks) needs it. */
const char _rosette_issued_lookup_columns[] =
  ISSUED_SELECT ", coalesce (i.issuer_identifier, s.identifier)" ISSUED_FROM
  " LEFT JOIN issuers s ON s.id = a.issuer_id";

static void
rosette_issued_record_finalize (GObject *object)
{
  RosetteIssuedRecord *self = (RosetteIssuedRecord *)object;

  g_free (self->credential_id);
  g_free (self->issuance_key);
  g_free (self->batch_id);
  g_free (self->email);
  g_free (self->name);
  g_free (self->employee_id);
  g_free (self->department);
  g_free (self->family_slug);
  g_free (self->family_name);
  g_free (self->tier_slug);
  g_free (self->tier_name);
  g_free (self->proof_type);
  g_strfreev (self->files);
  g_free (self->files_json);
  g_free (self->last_error);
  g_free (self->revoke_reason);
  g_free (self->superseded_by);
  g_free (self->issuer_identifier);

  G_OBJECT_CLASS (rosette_issued_record_parent_class)->finalize (object);
}

static void
rosette_issued_record_class_init (RosetteIssuedRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rosette_issued_record_finalize;
}

static void
rosette_issued_record_init (RosetteIssuedRecord *self)
{
}

static char **
parse_files (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *path = json_array_get_string_element (array, i);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
    }

  return g_strv_builder_end (builder);
}

static RosetteIssueState
parse_state (const char *state)
{
  if (g_strcmp0 (state, "issued") == 0)
    return ROSETTE_ISSUE_STATE_ISSUED;
  if (g_strcmp0 (state, "failed") == 0)
    return ROSETTE_ISSUE_STATE_FAILED;
  return ROSETTE_ISSUE_STATE_PENDING;
}

RosetteIssuedRecord *
_rosette_issued_record_from_row (sqlite3_stmt *stmt,
                                 gint64        now)
{
  RosetteIssuedRecord *self = g_object_new (ROSETTE_TYPE_ISSUED_RECORD, NULL);
  int c = 0;

  self->credential_id = _rosette_db_dup_text (stmt, c++);
  self->issuance_key = _rosette_db_dup_text (stmt, c++);
  self->batch_id = _rosette_db_dup_text (stmt, c++);
  self->state = parse_state ((const char *)sqlite3_column_text (stmt, c++));
  self->recipient_id = sqlite3_column_int64 (stmt, c++);
  self->email = _rosette_db_dup_text (stmt, c++);
  self->name = _rosette_db_dup_text (stmt, c++);
  self->employee_id = _rosette_db_dup_text (stmt, c++);
  self->department = _rosette_db_dup_text (stmt, c++);
  self->achievement_id = sqlite3_column_int64 (stmt, c++);
  self->family_slug = _rosette_db_dup_text (stmt, c++);
  self->family_name = _rosette_db_dup_text (stmt, c++);
  self->tier_slug = _rosette_db_dup_text (stmt, c++);
  self->tier_name = _rosette_db_dup_text (stmt, c++);
  self->valid_from = _rosette_db_column_time (stmt, c++);
  self->valid_until = _rosette_db_column_time (stmt, c++);
  self->issued_at = _rosette_db_column_time (stmt, c++);
  self->proof_type = _rosette_db_dup_text (stmt, c++);
  /* Parsed when asked for: reports of thousands of rows rarely need the
   * paths, and a JSON parser per row was most of their time. */
  self->files_json = _rosette_db_dup_text (stmt, c++);
  self->status_list_id = sqlite3_column_int64 (stmt, c++);
  self->status_index = (guint)sqlite3_column_int64 (stmt, c++);
  self->last_error = _rosette_db_dup_text (stmt, c++);
  self->revoked_at = _rosette_db_column_time (stmt, c++);
  self->revoke_reason = _rosette_db_dup_text (stmt, c++);
  self->superseded_by = _rosette_db_dup_text (stmt, c++);
  if (sqlite3_column_count (stmt) > c)
    self->issuer_identifier = _rosette_db_dup_text (stmt, c++);

  if (self->state == ROSETTE_ISSUE_STATE_PENDING)
    self->status = ROSETTE_CREDENTIAL_STATUS_PENDING;
  else if (self->state == ROSETTE_ISSUE_STATE_FAILED)
    self->status = ROSETTE_CREDENTIAL_STATUS_FAILED;
  else if (self->revoked_at != 0)
    self->status = ROSETTE_CREDENTIAL_STATUS_REVOKED;
  else if (self->valid_until != 0 && self->valid_until <= now)
    self->status = ROSETTE_CREDENTIAL_STATUS_EXPIRED;
  else
    self->status = ROSETTE_CREDENTIAL_STATUS_VALID;

  return self;
}

/**
 * rosette_credential_status_to_string:
 *
 * Returns: "valid", "expired", "revoked", "pending", "failed" (or "any"),
 *   the untranslated words of the CLI's --json output and CSV export
 */
const char *
rosette_credential_status_to_string (RosetteCredentialStatus status)
{
  static const char * const names[] = {
    "any", "valid", "expired", "revoked", "pending", "failed",
  };

  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (names), NULL);
  return names[status];
}

#define GETTER(type, field) \
  type \
  rosette_issued_record_get_##field (RosetteIssuedRecord *self) \
  { \
    g_return_val_if_fail (ROSETTE_IS_ISSUED_RECORD (self), 0); \
    return self->field; \
  }

GETTER (const char *, credential_id)
GETTER (const char *, issuance_key)
GETTER (const char *, batch_id)
GETTER (RosetteIssueState, state)
GETTER (RosetteCredentialStatus, status)
GETTER (gint64, recipient_id)
GETTER (const char *, email)
GETTER (const char *, name)
GETTER (const char *, employee_id)
GETTER (const char *, department)
GETTER (gint64, achievement_id)
GETTER (const char *, family_slug)
GETTER (const char *, family_name)
GETTER (const char *, tier_slug)
GETTER (const char *, tier_name)
GETTER (gint64, valid_from)
GETTER (gint64, valid_until)
GETTER (gint64, issued_at)
GETTER (const char *, proof_type)
GETTER (gint64, status_list_id)
GETTER (guint, status_index)
GETTER (const char *, last_error)
GETTER (gint64, revoked_at)
GETTER (const char *, revoke_reason)
GETTER (const char *, superseded_by)

/**
 * rosette_issued_record_get_issuer_identifier:
 *
 * The identifier (URL or DID) of the issuer of the record's achievement,
 * as the registry recorded it.
 *
 * Returns: (nullable): the identifier; %NULL when the achievement has no
 *   issuer, and for records of the reports and paged lists, which do not
 *   read it (only rosette_registry_lookup() does)
 */
GETTER (const char *, issuer_identifier)

#undef GETTER

/**
 * rosette_issued_record_get_files:
 *
 * Returns: (transfer none): the paths written for this credential
 */
const char * const *
rosette_issued_record_get_files (RosetteIssuedRecord *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_RECORD (self), NULL);

  if (g_once_init_enter (&self->files))
    g_once_init_leave (&self->files, parse_files (self->files_json));
  return (const char * const *)self->files;
}
