/* rosette-history.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Undo by snapshots: after each step the history keeps the family's whole
 * document (rosette_family_to_bytes(), a few kilobytes), and undo
 * restores the previous one with rosette_family_restore(). That way every
 * edit, present and future, is undoable without a command per edit, and
 * "modified" is a plain comparison with the snapshot that was saved.
 *
 * A step ends when the main loop goes idle, so the burst of "changed"
 * signals one user action causes (a tier's rank cues, a palette preset)
 * is one step; begin_group()/end_group() stretch a step over a drag.
 */

#include "config.h"

#include "rosette-family.h"
#include "rosette-history.h"

struct _RosetteHistory
{
  GObject        parent_instance;

  RosetteFamily *family;

  /* Snapshots (GBytes) oldest first; steps[current] is the state the
   * family is in, unless a change is pending. */
  GPtrArray     *steps;
  guint          current;
  GBytes        *saved;

  guint          group_depth;
  guint          idle_id;
  gboolean       pending;
  gboolean       restoring;

  gboolean       can_undo;
  gboolean       can_redo;
  gboolean       modified;
};

G_DEFINE_FINAL_TYPE (RosetteHistory, rosette_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FAMILY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GBytes *
current_snapshot (RosetteHistory *self)
{
  return g_ptr_array_index (self->steps, self->current);
}

/* Recomputes the three flags and notifies those that changed. */
static void
update_state (RosetteHistory *self)
{
  gboolean can_undo = self->current > 0 || self->pending;
  gboolean can_redo = !self->pending && self->current + 1 < self->steps->len;
  gboolean modified = self->pending ||
                      self->saved == NULL ||
                      !g_bytes_equal (self->saved, current_snapshot (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Ends the pending step: snapshots the family and, if it differs from the
 * current step, makes it a new step (dropping the redo branch). */
static void
commit (RosetteHistory *self)
{
  g_autoptr(GBytes) bytes = NULL;

  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (!self->pending || self->group_depth > 0)
    return;

  self->pending = FALSE;
  bytes = rosette_family_to_bytes (self->family);

  /* Changed and changed back: not a step. */
  if (!g_bytes_equal (bytes, current_snapshot (self)))
    {
      if (self->current + 1 < self->steps->len)
        g_ptr_array_remove_range (self->steps, self->current + 1,
                                  self->steps->len - self->current - 1);

      g_ptr_array_add (self->steps, g_steal_pointer (&bytes));
      self->current++;

      /* One snapshot more than steps: the state before the oldest step. */
      if (self->steps->len > ROSETTE_HISTORY_MAX_STEPS + 1)
        {
          g_ptr_array_remove_index (self->steps, 0);
          self->current--;
        }
    }

  update_state (self);
}

static gboolean
commit_idle_cb (gpointer user_data)
{
  RosetteHistory *self = user_data;

  self->idle_id = 0;
  commit (self);

  return G_SOURCE_REMOVE;
}

static void
family_changed_cb (RosetteHistory *self,
                   RosetteFamily  *family)
{
  if (self->restoring)
    return;

  self->pending = TRUE;

  if (self->group_depth == 0 && self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, commit_idle_cb, self, NULL);

  update_state (self);
}

static void
restore (RosetteHistory *self,
         guint           position)
{
  g_autoptr(GError) error = NULL;

  self->current = position;

  self->restoring = TRUE;
  /* Our own snapshots always read back; failing would be a bug. */
  if (!rosette_family_restore (self->family, current_snapshot (self), &error))
    g_critical ("Could not restore an undo step: %s", error->message);
  self->restoring = FALSE;

  update_state (self);
}

static void
rosette_history_dispose (GObject *object)
{
  RosetteHistory *self = (RosetteHistory *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (self->family != NULL)
    g_signal_handlers_disconnect_by_func (self->family, family_changed_cb, self);
  g_clear_object (&self->family);

  G_OBJECT_CLASS (rosette_history_parent_class)->dispose (object);
}

static void
rosette_history_finalize (GObject *object)
{
  RosetteHistory *self = (RosetteHistory *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_bytes_unref);

  G_OBJECT_CLASS (rosette_history_parent_class)->finalize (object);
}

static void
rosette_history_constructed (GObject *object)
{
  RosetteHistory *self = (RosetteHistory *)object;

  G_OBJECT_CLASS (rosette_history_parent_class)->constructed (object);

  g_assert (ROSETTE_IS_FAMILY (self->family));

  /* The family as it is now is the start and counts as saved: a history
   * is made for a document just opened or created. */
  g_ptr_array_add (self->steps, rosette_family_to_bytes (self->family));
  self->saved = g_bytes_ref (current_snapshot (self));

  g_signal_connect_object (self->family, "changed",
                           G_CALLBACK (family_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

static void
rosette_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RosetteHistory *self = ROSETTE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_history_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RosetteHistory *self = ROSETTE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_FAMILY:
      self->family = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_history_class_init (RosetteHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rosette_history_constructed;
  object_class->dispose = rosette_history_dispose;
  object_class->finalize = rosette_history_finalize;
  object_class->get_property = rosette_history_get_property;
  object_class->set_property = rosette_history_set_property;

  /**
   * RosetteHistory:family:
   *
   * The family whose edits are recorded.
   */
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL,
                         ROSETTE_TYPE_FAMILY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * RosetteHistory:can-undo:
   *
   * Whether there is an edit to undo.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteHistory:can-redo:
   *
   * Whether there is an undone edit to redo.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RosetteHistory:modified:
   *
   * Whether the family differs from what was last marked saved (by
   * rosette_history_mark_saved(), or when the history was made).
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_history_init (RosetteHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
}

/**
 * rosette_history_new:
 * @family: the family to follow
 *
 * Starts recording @family's edits. Its state now is the first snapshot
 * and counts as saved.
 *
 * Returns: (transfer full): a new #RosetteHistory
 */
RosetteHistory *
rosette_history_new (RosetteFamily *family)
{
  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);

  return g_object_new (ROSETTE_TYPE_HISTORY,
                       "family", family,
                       NULL);
}

/**
 * rosette_history_get_family:
 * @self: a #RosetteHistory
 *
 * Returns: (transfer none): the family
 */
RosetteFamily *
rosette_history_get_family (RosetteHistory *self)
{
  g_return_val_if_fail (ROSETTE_IS_HISTORY (self), NULL);

  return self->family;
}

/**
 * rosette_history_get_can_undo:
 * @self: a #RosetteHistory
 *
 * Returns: whether rosette_history_undo() would change something
 */
gboolean
rosette_history_get_can_undo (RosetteHistory *self)
{
  g_return_val_if_fail (ROSETTE_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

/**
 * rosette_history_get_can_redo:
 * @self: a #RosetteHistory
 *
 * Returns: whether rosette_history_redo() would change something
 */
gboolean
rosette_history_get_can_redo (RosetteHistory *self)
{
  g_return_val_if_fail (ROSETTE_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

/**
 * rosette_history_get_modified:
 * @self: a #RosetteHistory
 *
 * Returns: whether the family differs from the state last marked saved
 */
gboolean
rosette_history_get_modified (RosetteHistory *self)
{
  g_return_val_if_fail (ROSETTE_IS_HISTORY (self), FALSE);

  return self->modified;
}

/**
 * rosette_history_undo:
 * @self: a #RosetteHistory
 *
 * Puts the family back as it was before the last step. Edits not yet
 * ended by the main loop are a step of their own and are undone first.
 * Not allowed inside a group.
 */
void
rosette_history_undo (RosetteHistory *self)
{
  g_return_if_fail (ROSETTE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  commit (self);

  if (self->current == 0)
    return;

  restore (self, self->current - 1);
}

/**
 * rosette_history_redo:
 * @self: a #RosetteHistory
 *
 * Redoes the last undone step. Any edit after an undo drops the steps
 * that could have been redone.
 */
void
rosette_history_redo (RosetteHistory *self)
{
  g_return_if_fail (ROSETTE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  commit (self);

  if (self->current + 1 >= self->steps->len)
    return;

  restore (self, self->current + 1);
}

/**
 * rosette_history_begin_group:
 * @self: a #RosetteHistory
 *
 * Makes every change until the matching rosette_history_end_group() one
 * step, such as all the moves of a drag. Groups nest; the outermost one
 * counts. Changes made before the group are a step of their own.
 */
void
rosette_history_begin_group (RosetteHistory *self)
{
  g_return_if_fail (ROSETTE_IS_HISTORY (self));

  if (self->group_depth == 0)
    commit (self);

  self->group_depth++;
}

/**
 * rosette_history_end_group:
 * @self: a #RosetteHistory
 *
 * Ends a group started with rosette_history_begin_group(); ending the
 * outermost one ends the step at once.
 */
void
rosette_history_end_group (RosetteHistory *self)
{
  g_return_if_fail (ROSETTE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    commit (self);
}

/**
 * rosette_history_mark_saved:
 * @self: a #RosetteHistory
 *
 * Records that the family as it is now was saved: #RosetteHistory:modified
 * becomes %FALSE, and becomes %FALSE again whenever undo or redo bring
 * the family back to this state.
 */
void
rosette_history_mark_saved (RosetteHistory *self)
{
  g_return_if_fail (ROSETTE_IS_HISTORY (self));

  /* Inside a group the family may be mid-drag: snapshot what it is. */
  if (self->group_depth == 0)
    commit (self);

  g_clear_pointer (&self->saved, g_bytes_unref);
  if (self->pending)
    self->saved = rosette_family_to_bytes (self->family);
  else
    self->saved = g_bytes_ref (current_snapshot (self));

  update_state (self);
}

/**
 * rosette_history_clear:
 * @self: a #RosetteHistory
 *
 * Forgets every step; the family as it is now becomes the first
 * snapshot. Whether it is modified is kept (it still compares with the
 * state last marked saved).
 */
void
rosette_history_clear (RosetteHistory *self)
{
  g_return_if_fail (ROSETTE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->pending = FALSE;
  g_ptr_array_set_size (self->steps, 0);
  g_ptr_array_add (self->steps, rosette_family_to_bytes (self->family));
  self->current = 0;

  update_state (self);
}
