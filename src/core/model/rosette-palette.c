/* rosette-palette.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rosette-palette.h"

/* Every field and ribbon is dark enough for white text at 4.5:1 or
 * better (WCAG AA), and every emblem colour keeps 4.5:1 on its field;
 * tests/core/test-family.c computes the ratios. The metals are drawn
 * around the field, never under text, so they do not enter the ratio. */
static const RosettePalette presets[] = {
  { "royal-blue",    N_("Royal Blue"),        "#1d4f86", "#12355c", "#ffffff" },
  { "navy-gold",     N_("Navy and Gold"),     "#1b2b4b", "#7a5a12", "#f2c94c" },
  { "forest",        N_("Forest"),            "#1f5e3b", "#143f27", "#ffffff" },
  { "burgundy",      N_("Burgundy"),          "#7a1f2b", "#561520", "#f6e7c1" },
  { "teal",          N_("Teal"),              "#0d6b6e", "#084a4c", "#ffffff" },
  { "royal-purple",  N_("Royal Purple"),      "#4a2574", "#331952", "#f2c94c" },
  { "charcoal",      N_("Charcoal"),          "#333a40", "#1f2428", "#ffffff" },
  { "crimson",       N_("Crimson"),           "#a4262c", "#6e1a1e", "#ffffff" },
  { "slate",         N_("Slate"),             "#3c4f76", "#283652", "#dfe8f5" },
  { "ocean",         N_("Ocean"),             "#0b5394", "#073763", "#ffffff" },
  { "copper",        N_("Copper"),            "#9c3d0a", "#6b2a07", "#ffffff" },
  { "graphite-gold", N_("Graphite and Gold"), "#2b2b2b", "#5c4a14", "#e8c36a" },
};

/* The same table with the names translated, made once. */
static const RosettePalette *
get_translated (void)
{
  static RosettePalette *translated = NULL;

  if (g_once_init_enter (&translated))
    {
      RosettePalette *table = g_new (RosettePalette, G_N_ELEMENTS (presets));

      for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
        {
          table[i] = presets[i];
          table[i].name = g_dgettext (GETTEXT_PACKAGE, presets[i].name);
        }

      g_once_init_leave (&translated, table);
    }

  return translated;
}

/**
 * rosette_palette_get_presets:
 * @n_presets: (out) (optional): return location for the number of presets
 *
 * Returns: (array length=n_presets) (transfer none): the palette presets
 *   the inspector offers, with translated names
 */
const RosettePalette *
rosette_palette_get_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);

  return get_translated ();
}

/**
 * rosette_palette_find:
 * @id: a preset id, such as "royal-blue"
 *
 * Returns: (nullable) (transfer none): the preset, or %NULL if there is
 *   none with that id
 */
const RosettePalette *
rosette_palette_find (const char *id)
{
  const RosettePalette *table;

  g_return_val_if_fail (id != NULL, NULL);

  table = get_translated ();
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (g_strcmp0 (table[i].id, id) == 0)
        return &table[i];
    }

  return NULL;
}
