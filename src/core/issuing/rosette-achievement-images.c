/* rosette-achievement-images.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Hosted achievement images. A credential issued in bulk by an issuer with
 * a publish base refers to its achievement's image by URL instead of
 * embedding it (a 43 KB data: URI in every badge): the image is kept in
 * the registry's achievements row and published, beside the criteria
 * pages, at
 *
 *   <publish base>images/<family slug>-<tier slug>.png
 */

#include "config.h"

#include "rosette-achievement-images.h"

/**
 * rosette_achievement_image_dup_path:
 *
 * Returns: (transfer full): "images/<family>-<tier>.png", the image's path
 *   under the publish base
 */
char *
rosette_achievement_image_dup_path (const char *family_slug,
                                    const char *tier_slug)
{
  g_return_val_if_fail (family_slug != NULL && tier_slug != NULL, NULL);

  return g_strdup_printf ("images/%s-%s.png", family_slug, tier_slug);
}

/**
 * rosette_achievement_image_dup_url:
 * @publish_base: the issuer's publish base URL, ending in '/'
 *
 * Returns: (transfer full): where the achievement image is hosted
 */
char *
rosette_achievement_image_dup_url (const char *publish_base,
                                   const char *family_slug,
                                   const char *tier_slug)
{
  g_autofree char *path = rosette_achievement_image_dup_path (family_slug, tier_slug);

  g_return_val_if_fail (publish_base != NULL, NULL);

  return g_strconcat (publish_base, g_str_has_suffix (publish_base, "/") ? "" : "/", path, NULL);
}

static void
add_image (const char *family_slug,
           const char *tier_slug,
           GBytes     *png,
           gpointer    user_data)
{
  g_hash_table_replace (user_data, rosette_achievement_image_dup_path (family_slug, tier_slug),
                        g_bytes_ref (png));
}

/**
 * rosette_publish_add_achievement_images:
 * @tree: (element-type utf8 GBytes): a publish tree, relative path -> contents
 *   (as rosette_publish_build_tree() makes it)
 *
 * Adds "images/<family>-<tier>.png" for every achievement image the
 * registry keeps (each one issued in bulk).
 *
 * Returns: %TRUE unless the registry could not be read
 */
gboolean
rosette_publish_add_achievement_images (RosetteRegistry  *registry,
                                        GHashTable       *tree,
                                        GError          **error)
{
  g_return_val_if_fail (ROSETTE_IS_REGISTRY (registry), FALSE);
  g_return_val_if_fail (tree != NULL, FALSE);

  return rosette_registry_foreach_achievement_image (registry, add_image, tree, error);
}
