/* rosette-issued-row.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One row of the Registry page's list: a placeholder created when the
 * list asks for a position, filled with the registry's record once the
 * page of rows holding it has been read. Cells listen to "record".
 */

#include "config.h"

#include "rosette-issued-row.h"

struct _RosetteIssuedRow
{
  GObject              parent_instance;

  RosetteIssuedRecord *record;
  guint                position;
};

G_DEFINE_FINAL_TYPE (RosetteIssuedRow, rosette_issued_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rosette_issued_row_dispose (GObject *object)
{
  RosetteIssuedRow *self = ROSETTE_ISSUED_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (rosette_issued_row_parent_class)->dispose (object);
}

static void
rosette_issued_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RosetteIssuedRow *self = ROSETTE_ISSUED_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issued_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RosetteIssuedRow *self = ROSETTE_ISSUED_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      rosette_issued_row_set_record (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rosette_issued_row_class_init (RosetteIssuedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rosette_issued_row_dispose;
  object_class->get_property = rosette_issued_row_get_property;
  object_class->set_property = rosette_issued_row_set_property;

  /**
   * RosetteIssuedRow:record:
   *
   * The registry's record for this row, %NULL until it has been read.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         ROSETTE_TYPE_ISSUED_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rosette_issued_row_init (RosetteIssuedRow *self)
{
}

RosetteIssuedRow *
rosette_issued_row_new (guint position)
{
  RosetteIssuedRow *self = g_object_new (ROSETTE_TYPE_ISSUED_ROW, NULL);

  self->position = position;
  return self;
}

/**
 * rosette_issued_row_get_position:
 * @self: a #RosetteIssuedRow
 *
 * Returns: where the row is in the list it was made for
 */
guint
rosette_issued_row_get_position (RosetteIssuedRow *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_ROW (self), 0);

  return self->position;
}

/**
 * rosette_issued_row_get_record:
 * @self: a #RosetteIssuedRow
 *
 * Returns: (transfer none) (nullable): the record, once read
 */
RosetteIssuedRecord *
rosette_issued_row_get_record (RosetteIssuedRow *self)
{
  g_return_val_if_fail (ROSETTE_IS_ISSUED_ROW (self), NULL);

  return self->record;
}

void
rosette_issued_row_set_record (RosetteIssuedRow    *self,
                               RosetteIssuedRecord *record)
{
  g_return_if_fail (ROSETTE_IS_ISSUED_ROW (self));
  g_return_if_fail (!record || ROSETTE_IS_ISSUED_RECORD (record));

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}
