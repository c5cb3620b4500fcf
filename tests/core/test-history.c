/* test-history.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rosette-core.h"

/* Ends the current step the way the app does: by letting the main loop
 * go idle. */
static void
run_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
count_cb (gpointer  instance,
          gpointer  pspec,
          guint    *count)
{
  (*count)++;
}

static void
changed_cb (RosetteFamily *family,
            guint         *count)
{
  (*count)++;
}

static void
assert_state (RosetteHistory *history,
              gboolean        can_undo,
              gboolean        can_redo,
              gboolean        modified)
{
  g_assert_cmpint (rosette_history_get_can_undo (history), ==, can_undo);
  g_assert_cmpint (rosette_history_get_can_redo (history), ==, can_redo);
  g_assert_cmpint (rosette_history_get_modified (history), ==, modified);
}

static void
test_property (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);
  guint undo_notified = 0;
  guint modified_notified = 0;

  g_assert_true (rosette_history_get_family (history) == family);
  assert_state (history, FALSE, FALSE, FALSE);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_cb), &undo_notified);
  g_signal_connect (history, "notify::modified", G_CALLBACK (count_cb), &modified_notified);

  rosette_family_set_title (family, "Privacy First");
  /* Undoable and modified at once, before the step even ends. */
  assert_state (history, TRUE, FALSE, TRUE);
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (modified_notified, ==, 1);
  run_idle ();
  assert_state (history, TRUE, FALSE, TRUE);

  rosette_family_set_shape (family, ROSETTE_SHAPE_STAR);
  run_idle ();

  rosette_history_undo (history);
  g_assert_cmpint (rosette_family_get_shape (family), ==, ROSETTE_SHAPE_SHIELD);
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Privacy First");
  assert_state (history, TRUE, TRUE, TRUE);

  rosette_history_undo (history);
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Data Privacy");
  assert_state (history, FALSE, TRUE, FALSE);

  /* Nothing more to undo: a no-op. */
  rosette_history_undo (history);
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Data Privacy");

  rosette_history_redo (history);
  rosette_history_redo (history);
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Privacy First");
  g_assert_cmpint (rosette_family_get_shape (family), ==, ROSETTE_SHAPE_STAR);
  assert_state (history, TRUE, FALSE, TRUE);
  rosette_history_redo (history);
  g_assert_cmpint (rosette_family_get_shape (family), ==, ROSETTE_SHAPE_STAR);

  g_assert_finalize_object (g_steal_pointer (&history));
}

/* Undo without waiting for the main loop still undoes the last edit. */
static void
test_undo_pending (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);

  rosette_family_set_ribbon_color (family, "#102030");
  rosette_history_undo (history);
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "");
  assert_state (history, FALSE, TRUE, FALSE);

  rosette_history_redo (history);
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "#102030");
}

static void
test_placement_and_group (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);
  double dx, dy, scale;

  /* A drag: many moves, with main loop iterations between them. */
  rosette_history_begin_group (history);
  for (guint i = 1; i <= 20; i++)
    {
      rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, i, -2.0 * i, 1.0);
      run_idle ();
    }
  /* Groups nest: the outer one counts. */
  rosette_history_begin_group (history);
  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, 25, -40, 1.2);
  rosette_history_end_group (history);
  run_idle ();
  assert_state (history, TRUE, FALSE, TRUE);
  rosette_history_end_group (history);

  rosette_family_set_placement (family, ROSETTE_ELEMENT_TITLE, 0, 5, 1.0);
  run_idle ();

  rosette_history_undo (history);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_TITLE, &dx, &dy, &scale);
  g_assert_cmpfloat (dy, ==, 0.0);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 25.0);
  g_assert_cmpfloat (scale, ==, 1.2);

  /* The whole drag is one step. */
  rosette_history_undo (history);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 0.0);
  g_assert_cmpfloat (dy, ==, 0.0);
  g_assert_cmpfloat (scale, ==, 1.0);
  assert_state (history, FALSE, TRUE, FALSE);
}

/* Several "changed" in one main loop iteration (rank cues, a palette)
 * are one step. */
static void
test_burst (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);
  RosetteTier *tier = rosette_family_get_tier (family, 0);
  guint changed = 0;

  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);
  rosette_tier_apply_rank (tier, 4);
  g_assert_cmpuint (changed, >, 1);
  g_assert_true (rosette_family_set_key (family, "palette", "forest", NULL));
  run_idle ();

  rosette_history_undo (history);
  g_assert_cmpint (rosette_tier_get_metal (rosette_family_get_tier (family, 0)), ==,
                   ROSETTE_METAL_BRONZE);
  g_assert_cmpuint (rosette_tier_get_stars (rosette_family_get_tier (family, 0)), ==, 1);
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#1d4f86");
  assert_state (history, FALSE, TRUE, FALSE);
}

static void
test_tiers (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);
  GListModel *tiers = rosette_family_get_tiers (family);

  g_assert_true (rosette_family_add_tier (family, "Master", NULL));
  run_idle ();
  g_assert_true (rosette_family_remove_tier (family, 0, NULL));
  run_idle ();
  g_assert_true (rosette_family_move_tier (family, 0, 2, NULL));
  run_idle ();
  g_assert_true (rosette_family_rename_tier (family, 0, "Champion", NULL));
  run_idle ();
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, "Champion");
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 2)), ==,
                   "Practitioner");

  rosette_history_undo (history);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, "Expert");
  rosette_history_undo (history);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==,
                   "Practitioner");
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 1)), ==, "Expert");
  rosette_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (tiers), ==, 4);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==,
                   "Foundation");
  rosette_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (tiers), ==, 3);
  assert_state (history, FALSE, TRUE, FALSE);

  /* Tiers from a restore are watched: editing one is a new step. */
  rosette_tier_set_stars (rosette_family_get_tier (family, 1), 6);
  run_idle ();
  assert_state (history, TRUE, FALSE, TRUE);
  rosette_history_undo (history);
  g_assert_cmpuint (rosette_tier_get_stars (rosette_family_get_tier (family, 1)), ==, 2);
}

static void
test_modified (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);

  rosette_family_set_shadow (family, FALSE);
  run_idle ();
  rosette_family_set_gradient (family, FALSE);
  run_idle ();
  g_assert_true (rosette_history_get_modified (history));

  rosette_history_mark_saved (history);
  assert_state (history, TRUE, FALSE, FALSE);

  rosette_history_undo (history);
  g_assert_true (rosette_history_get_modified (history));
  rosette_history_redo (history);
  g_assert_false (rosette_history_get_modified (history));

  rosette_history_undo (history);
  rosette_history_undo (history);
  g_assert_true (rosette_history_get_modified (history));

  /* Back to the saved state by editing, not by redo: not modified. */
  rosette_family_set_shadow (family, FALSE);
  rosette_family_set_gradient (family, FALSE);
  run_idle ();
  g_assert_false (rosette_history_get_modified (history));

  /* A change undone by hand within one step is no step at all. */
  rosette_family_set_rim_width (family, 10.0);
  rosette_family_set_rim_width (family, 0.0);
  run_idle ();
  g_assert_false (rosette_history_get_modified (history));
  rosette_history_undo (history);
  g_assert_true (rosette_family_get_shadow (family));
}

static void
test_redo_dropped (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);

  rosette_family_set_font_weight (family, 400);
  run_idle ();
  rosette_family_set_font_weight (family, 500);
  run_idle ();
  rosette_history_undo (history);
  assert_state (history, TRUE, TRUE, TRUE);

  rosette_family_set_font_family (family, "Cantarell");
  assert_state (history, TRUE, FALSE, TRUE);
  run_idle ();
  assert_state (history, TRUE, FALSE, TRUE);
  rosette_history_redo (history);
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 400);

  rosette_history_undo (history);
  g_assert_cmpstr (rosette_family_get_font_family (family), ==, "");
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 400);
  rosette_history_redo (history);
  g_assert_cmpstr (rosette_family_get_font_family (family), ==, "Cantarell");
}

static void
test_cap (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);
  guint undone = 0;

  for (guint i = 0; i < ROSETTE_HISTORY_MAX_STEPS + 25; i++)
    {
      rosette_family_set_placement (family, ROSETTE_ELEMENT_RING, (i + 1) * 0.5, 0.0, 1.0);
      run_idle ();
    }

  while (rosette_history_get_can_undo (history))
    {
      rosette_history_undo (history);
      undone++;
    }

  /* The oldest steps were dropped: the family is at step 25. */
  g_assert_cmpuint (undone, ==, ROSETTE_HISTORY_MAX_STEPS);
  {
    double dx;

    rosette_family_get_placement (family, ROSETTE_ELEMENT_RING, &dx, NULL, NULL);
    g_assert_cmpfloat (dx, ==, 12.5);
  }
  g_assert_true (rosette_history_get_modified (history));
}

static void
test_clear (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);

  rosette_family_set_title (family, "A");
  run_idle ();
  rosette_history_clear (history);
  assert_state (history, FALSE, FALSE, TRUE);
  rosette_history_undo (history);
  g_assert_cmpstr (rosette_family_get_title (family), ==, "A");
}

/* The history lets go of the family, and the family's later changes do
 * not reach a finalized history. */
static void
test_lifetime (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  RosetteHistory *history = rosette_history_new (family);

  rosette_family_set_title (family, "Pending");
  g_assert_finalize_object (history);
  rosette_family_set_title (family, "After");
  run_idle ();
  g_assert_finalize_object (g_steal_pointer (&family));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/history/property", test_property);
  g_test_add_func ("/rosette/history/undo-pending", test_undo_pending);
  g_test_add_func ("/rosette/history/placement-and-group", test_placement_and_group);
  g_test_add_func ("/rosette/history/burst", test_burst);
  g_test_add_func ("/rosette/history/tiers", test_tiers);
  g_test_add_func ("/rosette/history/modified", test_modified);
  g_test_add_func ("/rosette/history/redo-dropped", test_redo_dropped);
  g_test_add_func ("/rosette/history/cap", test_cap);
  g_test_add_func ("/rosette/history/clear", test_clear);
  g_test_add_func ("/rosette/history/lifetime", test_lifetime);

  return g_test_run ();
}
