/* rosette-family-tiers.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The ordered list of #RosetteTier of a #RosetteFamily: 1 to
 * %ROSETTE_FAMILY_MAX_TIERS tiers whose names are unique by slug (exported
 * files are named by it), looked up, inserted, removed, moved and renamed
 * here. The family watches each tier so that a change to one emits
 * #RosetteFamily::changed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-model-private.h"
#include "rosette-utils.h"

void
_rosette_family_add_default_tiers (RosetteFamily *self)
{
  const char *names[] = {
    _("Foundation"),
    _("Practitioner"),
    _("Expert"),
  };

  g_assert (ROSETTE_IS_FAMILY (self));
  g_assert (rosette_family_get_n_tiers (self) == 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RosetteTier) tier = rosette_tier_new_for_rank (names[i], i);

      _rosette_family_watch_tier (self, tier);
      g_list_store_append (self->tiers, tier);
    }
}

/*
 * _rosette_family_take_tiers:
 * @tiers: (transfer full): validated tiers (count and unique slugs)
 *
 * Replaces all tiers in one go, so the list model changes once.
 */
void
_rosette_family_take_tiers (RosetteFamily *self,
                            GPtrArray     *tiers)
{
  guint n_old;

  g_assert (ROSETTE_IS_FAMILY (self));
  g_assert (tiers != NULL);
  g_assert (tiers->len >= ROSETTE_FAMILY_MIN_TIERS);
  g_assert (tiers->len <= ROSETTE_FAMILY_MAX_TIERS);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->tiers));
  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(RosetteTier) tier = g_list_model_get_item (G_LIST_MODEL (self->tiers), i);

      _rosette_family_unwatch_tier (self, tier);
    }

  for (guint i = 0; i < tiers->len; i++)
    _rosette_family_watch_tier (self, g_ptr_array_index (tiers, i));

  g_list_store_splice (self->tiers, 0, n_old, tiers->pdata, tiers->len);
  g_ptr_array_unref (tiers);
}

/**
 * rosette_family_get_tiers:
 * @self: a #RosetteFamily
 *
 * Returns: (transfer none): a #GListModel of #RosetteTier, lowest first
 */
GListModel *
rosette_family_get_tiers (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  return G_LIST_MODEL (self->tiers);
}

/**
 * rosette_family_get_n_tiers:
 * @self: a #RosetteFamily
 *
 * Returns: how many tiers the family has
 */
guint
rosette_family_get_n_tiers (RosetteFamily *self)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->tiers));
}

/**
 * rosette_family_get_tier:
 * @self: a #RosetteFamily
 * @position: the tier's position, 0 for the lowest
 *
 * Returns: (transfer none) (nullable): the tier, or %NULL if @position is
 *   past the end
 */
RosetteTier *
rosette_family_get_tier (RosetteFamily *self,
                         guint          position)
{
  RosetteTier *tier;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);

  tier = g_list_model_get_item (G_LIST_MODEL (self->tiers), position);

  /* The store keeps its own reference, so hand out a borrowed one. */
  if (tier != NULL)
    g_object_unref (tier);

  return tier;
}

/**
 * rosette_family_find_tier:
 * @self: a #RosetteFamily
 * @name: a tier's name or slug, in any case
 *
 * Finds a tier the way a person names it on the command line: "Expert",
 * "expert" and the slug "senior-expert" of "Senior Expert" all match.
 *
 * Returns: (transfer none) (nullable): the tier, or %NULL
 */
RosetteTier *
rosette_family_find_tier (RosetteFamily *self,
                          const char    *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return NULL;

  folded = g_utf8_casefold (name, -1);
  lower = g_ascii_strdown (name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tiers));

  for (guint i = 0; i < n; i++)
    {
      RosetteTier *tier = rosette_family_get_tier (self, i);
      g_autofree char *tier_folded = g_utf8_casefold (rosette_tier_get_name (tier), -1);
      g_autofree char *tier_slug = rosette_tier_dup_slug (tier);

      if (g_strcmp0 (folded, tier_folded) == 0 || g_strcmp0 (lower, tier_slug) == 0)
        return tier;
    }

  return NULL;
}

/* Exported files are named by slug, so "Expert" and "expert!" clash;
 * @except is the position of the tier being renamed (G_MAXUINT: none). */
static gboolean
check_tier_name_free (RosetteFamily  *self,
                      const char     *name,
                      guint           except,
                      GError        **error)
{
  g_autofree char *slug = rosette_slugify (name);
  guint n = rosette_family_get_n_tiers (self);

  for (guint i = 0; i < n; i++)
    {
      RosetteTier *other = rosette_family_get_tier (self, i);
      g_autofree char *other_slug = NULL;

      if (i == except)
        continue;

      other_slug = rosette_tier_dup_slug (other);
      if (g_strcmp0 (slug, other_slug) == 0)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("The family already has a tier called “%s”"),
                       rosette_tier_get_name (other));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rosette_family_insert_tier:
 * @self: a #RosetteFamily
 * @position: where to insert, 0 to rosette_family_get_n_tiers()
 * @tier: the tier to add; the family takes a reference
 * @error: return location for a #GError
 *
 * Adds a tier. Fails with %ROSETTE_ERROR_OUT_OF_RANGE when the family
 * already has %ROSETTE_FAMILY_MAX_TIERS tiers, and with
 * %ROSETTE_ERROR_INVALID when another tier has the same slug (exported
 * files are named by slug).
 *
 * Returns: %TRUE if the tier was added
 */
gboolean
rosette_family_insert_tier (RosetteFamily  *self,
                            guint           position,
                            RosetteTier    *tier,
                            GError        **error)
{
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), FALSE);
  g_return_val_if_fail (position <= rosette_family_get_n_tiers (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = rosette_family_get_n_tiers (self);
  if (n >= ROSETTE_FAMILY_MAX_TIERS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("A family has at most %d tiers"),
                   ROSETTE_FAMILY_MAX_TIERS);
      return FALSE;
    }

  if (!check_tier_name_free (self, rosette_tier_get_name (tier), G_MAXUINT, error))
    return FALSE;

  _rosette_family_watch_tier (self, tier);
  g_list_store_insert (self->tiers, position, tier);

  return TRUE;
}

/**
 * rosette_family_remove_tier:
 * @self: a #RosetteFamily
 * @position: the tier to remove, below rosette_family_get_n_tiers()
 * @error: return location for a #GError
 *
 * Removes a tier. A family keeps at least %ROSETTE_FAMILY_MIN_TIERS:
 * removing the last one fails with %ROSETTE_ERROR_OUT_OF_RANGE.
 *
 * Returns: %TRUE if the tier was removed
 */
gboolean
rosette_family_remove_tier (RosetteFamily  *self,
                            guint           position,
                            GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (position < rosette_family_get_n_tiers (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rosette_family_get_n_tiers (self) <= ROSETTE_FAMILY_MIN_TIERS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("A family needs at least one tier"));
      return FALSE;
    }

  _rosette_family_unwatch_tier (self, rosette_family_get_tier (self, position));
  g_list_store_remove (self->tiers, position);

  return TRUE;
}

/* Valid UTF-8, 1 to ROSETTE_TIER_MAX_NAME_LENGTH characters, no control
 * characters. */
static gboolean
check_tier_name (const char  *name,
                 GError     **error)
{
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                           _("The name is not valid UTF-8 text"));
      return FALSE;
    }

  return _rosette_check_text ("name", name, ROSETTE_TIER_MAX_NAME_LENGTH, FALSE, error);
}

static gboolean
check_position (RosetteFamily  *self,
                guint           position,
                GError        **error)
{
  guint n = rosette_family_get_n_tiers (self);

  if (position < n)
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
               g_dngettext (GETTEXT_PACKAGE,
                            "There is no tier %u; the family has %u tier",
                            "There is no tier %u; the family has %u tiers",
                            n),
               position + 1, n);
  return FALSE;
}

/**
 * rosette_family_move_tier:
 * @self: a #RosetteFamily
 * @from: the position of the tier to move
 * @to: its new position, below rosette_family_get_n_tiers()
 * @error: return location for a #GError
 *
 * Reorders the tiers; the tiers list model changes once. The tier keeps
 * its cues (metal, stars, ring, ornament): they are the designer's and
 * move with it. Nothing re-ranks automatically; call
 * rosette_tier_apply_rank() to give a tier the cues of its new place.
 * Fails with %ROSETTE_ERROR_OUT_OF_RANGE when a position is past the end.
 *
 * Returns: %TRUE if the tier is now at @to
 */
gboolean
rosette_family_move_tier (RosetteFamily  *self,
                          guint           from,
                          guint           to,
                          GError        **error)
{
  g_autoptr(GPtrArray) range = NULL;
  guint first;
  guint last;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_position (self, from, error) || !check_position (self, to, error))
    return FALSE;

  if (from == to)
    return TRUE;

  /* Replace just the affected range, in one splice: one "items-changed". */
  first = MIN (from, to);
  last = MAX (from, to);
  range = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (range, g_list_model_get_item (G_LIST_MODEL (self->tiers), i));

  if (from < to)
    {
      gpointer moved = range->pdata[0];

      memmove (range->pdata, range->pdata + 1, (range->len - 1) * sizeof (gpointer));
      range->pdata[range->len - 1] = moved;
    }
  else
    {
      gpointer moved = range->pdata[range->len - 1];

      memmove (range->pdata + 1, range->pdata, (range->len - 1) * sizeof (gpointer));
      range->pdata[0] = moved;
    }

  g_list_store_splice (self->tiers, first, range->len, range->pdata, range->len);

  return TRUE;
}

/**
 * rosette_family_rename_tier:
 * @self: a #RosetteFamily
 * @position: the tier to rename
 * @name: its new name, as typed by a person
 * @error: return location for a #GError
 *
 * Renames a tier after checking @name as a family document does: 1 to
 * %ROSETTE_TIER_MAX_NAME_LENGTH characters without control characters
 * (%ROSETTE_ERROR_INVALID or %ROSETTE_ERROR_TOO_LARGE), and a slug no
 * other tier has (%ROSETTE_ERROR_INVALID). Use this rather than
 * rosette_tier_set_name(), which does not know the other tiers.
 *
 * Returns: %TRUE if the tier has the new name
 */
gboolean
rosette_family_rename_tier (RosetteFamily  *self,
                            guint           position,
                            const char     *name,
                            GError        **error)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_position (self, position, error) ||
      !check_tier_name (name, error) ||
      !check_tier_name_free (self, name, position, error))
    return FALSE;

  rosette_tier_set_name (rosette_family_get_tier (self, position), name);

  return TRUE;
}

/**
 * rosette_family_add_tier:
 * @self: a #RosetteFamily
 * @name: the new tier's name, as typed by a person
 * @error: return location for a #GError
 *
 * Appends a tier with the cues of its rank (rosette_tier_new_for_rank()),
 * so it looks one step richer than the tier below. Fails as
 * rosette_family_rename_tier() does for a bad name, and with
 * %ROSETTE_ERROR_OUT_OF_RANGE when the family already has
 * %ROSETTE_FAMILY_MAX_TIERS tiers.
 *
 * Returns: %TRUE if the tier was added
 */
gboolean
rosette_family_add_tier (RosetteFamily  *self,
                         const char     *name,
                         GError        **error)
{
  g_autoptr(RosetteTier) tier = NULL;
  guint n;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_tier_name (name, error))
    return FALSE;

  n = rosette_family_get_n_tiers (self);
  tier = rosette_tier_new_for_rank (name, n);

  return rosette_family_insert_tier (self, n, tier, error);
}
