/* rosette-test-issuing.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the credential, JWS, baking, interop and benchmark programs share:
 * an in-memory issuer with a throwaway key (no keyring), a family and one
 * of its tiers as an achievement, and a small PNG made here with zlib so
 * that the baking tests do not depend on the renderer.
 */

#pragma once

#include <string.h>
#include <zlib.h>

#include "rosette-core.h"

typedef struct
{
  RosetteFamily      *family;
  RosetteIssuer      *issuer;
  RosetteKey         *key;
  RosetteKeyRecord   *record;
  RosetteAchievement *achievement;
} TestIssuing;

/* @identifier: NULL for did:key; @url: the issuer's web site or NULL. */
static inline TestIssuing *
test_issuing_new (RosetteKeyAlgorithm  algorithm,
                  const char          *identifier,
                  const char          *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) spki = NULL;
  g_autofree char *base = NULL;
  TestIssuing *t = g_new0 (TestIssuing, 1);

  t->family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, "Data Privacy");
  t->issuer = rosette_issuer_new ("Acme Ltd");
  rosette_issuer_set_url (t->issuer, url);
  rosette_issuer_set_email (t->issuer, "badges@acme.example");
  rosette_issuer_set_description (t->issuer, "People and Culture at Acme");
  rosette_issuer_set_identifier (t->issuer, identifier);

  t->key = rosette_key_generate (algorithm, &error);
  g_assert_no_error (error);
  spki = rosette_key_dup_spki (t->key);
  t->record = rosette_key_record_new (algorithm, spki, NULL);
  rosette_issuer_add_key (t->issuer, t->record, &error);
  g_assert_no_error (error);

  base = rosette_issuer_dup_publish_base (t->issuer, NULL);
  t->achievement = rosette_achievement_new_for_tier (t->family, rosette_family_get_tier (t->family, 1),
                                                     rosette_issuer_get_id (t->issuer), base);
  rosette_achievement_set_criteria (t->achievement,
                                    "Completed the **GDPR practitioner** course and passed its test.");
  rosette_achievement_set_image (t->achievement, "https://acme.example/badges/data-privacy.png");

  return t;
}

static inline void
test_issuing_free (TestIssuing *t)
{
  g_clear_object (&t->achievement);
  g_clear_object (&t->record);
  g_clear_object (&t->key);
  g_clear_object (&t->issuer);
  g_clear_object (&t->family);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestIssuing, test_issuing_free)

/* The OB 3.0 credential baked into the PNG @path: the Data Integrity JSON
 * as it is, or the payload of the JWS (verified with @key when given). */
static inline JsonObject *
test_issuing_read_baked (const char *path,
                         RosetteKey *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) baked = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  RosetteBadgeVersion version;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  baked = rosette_png_extract (bytes, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, ROSETTE_BADGE_VERSION_OB3);
  text = g_strndup (g_bytes_get_data (baked, NULL), g_bytes_get_size (baked));
  if (text[0] == '{')
    payload = g_bytes_new (text, strlen (text));
  else if (key != NULL)
    g_assert_true (rosette_jws_verify (text, key, &payload, &error));
  else
    g_assert_true (rosette_jws_decode (text, NULL, &payload, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                                             g_bytes_get_size (payload), &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static inline RosetteCredential *
test_issuing_credential (TestIssuing *t,
                         const char  *email)
{
  g_autoptr(RosetteRecipient) recipient = rosette_recipient_new (email);

  rosette_recipient_set_name (recipient, "Ana Lima");
  return rosette_credential_new (t->achievement, recipient);
}

static inline void
test_png_append_chunk (GByteArray   *out,
                       const char   *type,
                       const guint8 *data,
                       gsize         length)
{
  guint8 be[4] = { length >> 24, length >> 16, length >> 8, length };
  guint32 crc;
  gsize start;

  g_byte_array_append (out, be, 4);
  start = out->len;
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  crc = crc32 (0L, out->data + start, out->len - start);
  be[0] = crc >> 24; be[1] = crc >> 16; be[2] = crc >> 8; be[3] = crc;
  g_byte_array_append (out, be, 4);
}

/* A valid RGB PNG of @size x @size (a diagonal gradient), with a tEXt
 * chunk after IHDR so that splicing has something to keep in order. */
static inline GBytes *
test_png_new (guint size)
{
  GByteArray *out = g_byte_array_new ();
  gsize raw_length = (gsize) size * (size * 3 + 1);
  g_autofree guint8 *raw = g_malloc (raw_length);
  uLongf packed_length = compressBound (raw_length);
  g_autofree guint8 *packed = g_malloc (packed_length);
  guint8 ihdr[13] = { size >> 24, size >> 16, size >> 8, size, size >> 24, size >> 16, size >> 8, size,
                      8, 2, 0, 0, 0 };
  static const char comment[] = "Comment\0made by the Rosette tests";

  for (guint y = 0; y < size; y++)
    {
      guint8 *row = raw + (gsize) y * (size * 3 + 1);

      row[0] = 0;
      for (guint x = 0; x < size; x++)
        {
          row[1 + x * 3] = x * 255 / size;
          row[2 + x * 3] = y * 255 / size;
          row[3 + x * 3] = 128;
        }
    }
  g_assert_cmpint (compress (packed, &packed_length, raw, raw_length), ==, Z_OK);

  g_byte_array_append (out, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  test_png_append_chunk (out, "IHDR", ihdr, sizeof ihdr);
  test_png_append_chunk (out, "tEXt", (const guint8 *) comment, sizeof comment - 1);
  test_png_append_chunk (out, "IDAT", packed, packed_length);
  test_png_append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}
