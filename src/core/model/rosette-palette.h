/* rosette-palette.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RosettePalette:
 * @id: a stable id, such as "royal-blue"
 * @name: the translated name to show
 * @field: the field colour, "#rrggbb"
 * @ribbon: the ribbon colour, "#rrggbb"
 * @emblem: the emblem colour, "#rrggbb"
 *
 * A palette preset the inspector offers; each keeps text contrast at
 * 4.5:1 or better on every metal.
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *field;
  const char *ribbon;
  const char *emblem;
} RosettePalette;

const RosettePalette *rosette_palette_get_presets (guint      *n_presets);
const RosettePalette *rosette_palette_find        (const char *id);

G_END_DECLS
