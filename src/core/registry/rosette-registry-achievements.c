/* rosette-registry-achievements.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Reading back the achievements the registry knows (family and tier
 * names, criteria, the stored achievement JSON and image), for what the
 * publisher puts on the issuer's site: criteria pages, achievement
 * documents and hosted images.
 */

#include "config.h"

#include "rosette-registry-private.h"

/**
 * rosette_registry_foreach_achievement:
 * @func: called with each achievement
 *
 * Calls @func for every achievement the registry knows, in family order
 * and, within a family, in the order its tiers were first issued. The
 * strings and the image in the #RosetteAchievementInfo are only valid
 * during the call.
 *
 * Returns: %TRUE unless reading failed
 */
gboolean
rosette_registry_foreach_achievement (RosetteRegistry            *self,
                                      RosetteAchievementInfoFunc  func,
                                      gpointer                    user_data,
                                      GError                    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  RosetteDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROSETTE_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  db = _rosette_registry_get_db (self);
  locker = g_mutex_locker_new (&db->lock);
  stmt = _rosette_db_prepare (db,
                              "SELECT family_slug, family_name, tier_slug, tier_name, criteria,"
                              " json, image FROM achievements ORDER BY family_slug, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) image = NULL;
      RosetteAchievementInfo info = { 0 };

      if (sqlite3_column_type (stmt, 6) == SQLITE_BLOB)
        image = g_bytes_new (sqlite3_column_blob (stmt, 6),
                             (gsize)sqlite3_column_bytes (stmt, 6));
      info.family_slug = (const char *)sqlite3_column_text (stmt, 0);
      info.family_name = (const char *)sqlite3_column_text (stmt, 1);
      info.tier_slug = (const char *)sqlite3_column_text (stmt, 2);
      info.tier_name = (const char *)sqlite3_column_text (stmt, 3);
      info.criteria = (const char *)sqlite3_column_text (stmt, 4);
      info.json = (const char *)sqlite3_column_text (stmt, 5);
      info.image = image;
      func (&info, user_data);
    }
  if (rc != SQLITE_DONE)
    _rosette_db_set_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

typedef struct
{
  RosetteAchievementImageFunc func;
  gpointer                    user_data;
} ImageClosure;

static void
image_cb (const RosetteAchievementInfo *info,
          gpointer                      user_data)
{
  ImageClosure *closure = user_data;

  if (info->image != NULL)
    closure->func (info->family_slug, info->tier_slug, info->image, closure->user_data);
}

/**
 * rosette_registry_foreach_achievement_image:
 * @func: called with each achievement's family and tier slugs and image
 *
 * Calls @func for every achievement that has an image, in the order of
 * rosette_registry_foreach_achievement().
 *
 * Returns: %TRUE unless reading failed
 */
gboolean
rosette_registry_foreach_achievement_image (RosetteRegistry              *self,
                                            RosetteAchievementImageFunc   func,
                                            gpointer                      user_data,
                                            GError                      **error)
{
  ImageClosure closure = { func, user_data };

  g_return_val_if_fail (func != NULL, FALSE);

  return rosette_registry_foreach_achievement (self, image_cb, &closure, error);
}
