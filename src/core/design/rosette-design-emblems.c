/* rosette-design-emblems.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Rosette's built-in emblems. All are drawn on one 48 x 48 grid with a
 * 4-unit stroke, round caps and joins, and 4-unit corner radii, so any
 * two of them sit together as one set. The drawing colour is
 * currentColor (light); "@S" is replaced by the secondary tone (a dark
 * shade of the field) for cut-outs and second details.
 */

#include "config.h"

#include <string.h>

#include "rosette-design-private.h"

#define FILL "fill=\"currentColor\" "
#define CUT "stroke=\"@S\" "
#define CUTFILL "fill=\"@S\" stroke=\"none\" "

static const RosetteDesignEmblem emblems[] = {
  /* compliance */
  { "padlock-check",
    "<path d=\"M14 22V15a10 10 0 0 1 20 0v7\"/>"
    "<rect x=\"8\" y=\"21\" width=\"32\" height=\"24\" rx=\"4\" " FILL "/>"
    "<path d=\"M16.5 33l5 5 9.5-9.5\" " CUT "/>" },
  { "shield-check",
    "<path d=\"M24 3.5 40 9.5V22c0 10.5-6.5 18.5-16 22.5C14.5 40.5 8 32.5 8 22V9.5Z\" " FILL "/>"
    "<path d=\"M16 24.5l5.5 5.5 10.5-10.5\" " CUT "/>" },
  { "hard-hat",
    "<path d=\"M8 35c0-11 6-19 16-19s16 8 16 19Z\" " FILL "/>"
    "<path d=\"M19.5 16.8V12h9v4.8\" " FILL "/>"
    "<path d=\"M4 37h40\" stroke-width=\"5\"/>"
    "<path d=\"M24 21v9M15 25v6M33 25v6\" " CUT "stroke-width=\"3\"/>" },
  { "document-seal",
    "<path d=\"M9 4h20l10 10v14H9Z\" " FILL "/>"
    "<path d=\"M9 28v12a4 4 0 0 0 4 4h10\"/>"
    "<path d=\"M15 14h10M15 21h16\" " CUT "stroke-width=\"3\"/>"
    "<path d=\"M31 38l-3 9 5-2.5 3 4 1.5-9.5M39 38l3 9-5-2.5\" " FILL "stroke-width=\"2\"/>"
    "<circle cx=\"35\" cy=\"34\" r=\"8\" " FILL "/>"
    "<circle cx=\"35\" cy=\"34\" r=\"3.5\" " CUT "stroke-width=\"2.5\"/>" },
  { "medical-cross",
    "<path d=\"M18.5 5h11v13.5H43v11H29.5V43h-11V29.5H5v-11h13.5Z\" " FILL "/>"
    "<path d=\"M24 13v22M13 24h22\" " CUT "stroke-width=\"2.5\" stroke-dasharray=\"0.1 5\"/>" },
  { "scales",
    "<path d=\"M24 6v36M14 43h20M9 12h30\"/>"
    "<circle cx=\"24\" cy=\"7\" r=\"3\" " FILL "/>"
    "<path d=\"M9 12 3 27h12ZM39 12l-6 15h12Z\" stroke-width=\"2.5\"/>"
    "<path d=\"M3 27a6 5 0 0 0 12 0ZM33 27a6 5 0 0 0 12 0Z\" " FILL "/>" },
  { "eye-shield",
    "<path d=\"M4 24s7-12 20-12 20 12 20 12-7 12-20 12S4 24 4 24Z\" " FILL "/>"
    "<circle cx=\"24\" cy=\"24\" r=\"7\" " CUTFILL "/>"
    "<circle cx=\"26.5\" cy=\"21.5\" r=\"2.2\" " FILL "stroke=\"none\"/>" },

  /* leadership */
  { "compass",
    "<circle cx=\"24\" cy=\"24\" r=\"20\"/>"
    "<path d=\"M24 2.5v4M24 41.5v4M2.5 24h4M41.5 24h4\" stroke-width=\"3\"/>"
    "<g transform=\"rotate(35 24 24)\">"
    "<path d=\"M24 9l6 15H18Z\" " FILL "stroke-width=\"2\"/>"
    "<path d=\"M18 24h12l-6 15Z\" stroke-width=\"2\"/>"
    "<circle cx=\"24\" cy=\"24\" r=\"2.5\" " CUTFILL "/></g>" },
  { "summit-flag",
    "<path d=\"M3 43 17.5 19l7 10 6-8L45 43Z\" " FILL "/>"
    "<path d=\"M13.5 25.6 17.5 19l4 5.8-2.5 2.2-2-2.4Z\" " CUTFILL "/>"
    "<path d=\"M17.5 19V4\"/>"
    "<path d=\"M17.5 5h13l-3 4.5 3 4.5h-13\" " FILL "stroke-width=\"2.5\"/>" },
  { "north-star",
    "<path d=\"M24 2l4.5 17.5L46 24l-17.5 4.5L24 46l-4.5-17.5L2 24l17.5-4.5Z\" " FILL
    "stroke-width=\"2\"/>"
    "<path d=\"M24 24 33 15M24 24 15 15M24 24 15 33M24 24 33 33\" stroke-width=\"3\"/>"
    "<circle cx=\"24\" cy=\"24\" r=\"3.5\" " CUTFILL "/>" },
  { "podium",
    "<rect x=\"17\" y=\"20\" width=\"14\" height=\"24\" rx=\"2\" " FILL "/>"
    "<rect x=\"4\" y=\"29\" width=\"13\" height=\"15\" rx=\"2\"/>"
    "<rect x=\"31\" y=\"33\" width=\"13\" height=\"11\" rx=\"2\"/>"
    "<path d=\"M24 4l2.6 5.3 5.8.8-4.2 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.2-4.1 5.8-.8Z\" "
    FILL "stroke-width=\"1.5\"/>" },
  { "people",
    "<circle cx=\"24\" cy=\"14\" r=\"7\" " FILL "/>"
    "<path d=\"M12 42c0-9 5-14 12-14s12 5 12 14Z\" " FILL "/>"
    "<circle cx=\"9\" cy=\"19\" r=\"4.5\"/><circle cx=\"39\" cy=\"19\" r=\"4.5\"/>"
    "<path d=\"M3 38c0-6 2.5-9.5 7-10M45 38c0-6-2.5-9.5-7-10\"/>" },

  /* technical */
  { "gear",
    "<path d=\"M39.42 19.73 44.69 20.39V27.61L39.42 28.27 37.92 31.89 41.18 36.08 36.08 41.18 "
    "31.89 37.92 28.27 39.42 27.61 44.69H20.39L19.73 39.42 16.11 37.92 11.92 41.18 6.82 36.08 "
    "10.08 31.89 8.58 28.27 3.31 27.61V20.39L8.58 19.73 10.08 16.11 6.82 11.92 11.92 6.82 "
    "16.11 10.08 19.73 8.58 20.39 3.31H27.61L28.27 8.58 31.89 10.08 36.08 6.82 41.18 11.92 "
    "37.92 16.11Z\" " FILL "stroke-width=\"2\"/>"
    "<circle cx=\"24\" cy=\"24\" r=\"7.5\" " CUTFILL "/>"
    "<circle cx=\"24\" cy=\"24\" r=\"12.5\" " CUT "stroke-width=\"2\"/>" },
  { "circuit",
    "<rect x=\"15\" y=\"15\" width=\"18\" height=\"18\" rx=\"3\" " FILL "/>"
    "<rect x=\"20\" y=\"20\" width=\"8\" height=\"8\" rx=\"1.5\" " CUT "stroke-width=\"2.5\"/>"
    "<path d=\"M20 15V9L14 4M28 15V4M33 20h6l5-5M33 28h11M28 33v6l6 5M20 33v11M15 28H9l-5 5"
    "M15 20H4\" stroke-width=\"3\"/>"
    "<circle cx=\"14\" cy=\"4\" r=\"2.5\" " FILL "/>"
    "<circle cx=\"44\" cy=\"15\" r=\"2.5\" " FILL "/>"
    "<circle cx=\"34\" cy=\"44\" r=\"2.5\" " FILL "/>"
    "<circle cx=\"4\" cy=\"33\" r=\"2.5\" " FILL "/>" },
  { "code-brackets",
    "<path d=\"M15 12 4 24l11 12M33 12l11 12-11 12\" stroke-width=\"5\"/>"
    "<path d=\"M28 7 20 41\" stroke-width=\"4\"/>" },
  { "wrench",
    "<path d=\"M29.5 5.5a11 11 0 0 0-10.8 14.9L5.6 33.5a4.6 4.6 0 0 0 6.5 6.5l13.1-13.1"
    "A11 11 0 0 0 "
    "40.1 16.2l-6.4 6.4-5.4-1.4-1.4-5.4 6.4-6.4a11 11 0 0 0-3.8-3.9Z\" " FILL "stroke-width=\"2\"/>"
    "<circle cx=\"9.5\" cy=\"36.5\" r=\"1.8\" " CUTFILL "/>" },
  { "terminal",
    "<rect x=\"4\" y=\"7\" width=\"40\" height=\"34\" rx=\"4\" " FILL "/>"
    "<path d=\"M12 18l7 6-7 6M23 31h12\" " CUT "/>" },
  { "database",
    "<ellipse cx=\"24\" cy=\"10\" rx=\"16\" ry=\"6\" " FILL "/>"
    "<path d=\"M8 10v28c0 3.3 7.2 6 16 6s16-2.7 16-6V10\" " FILL "/>"
    "<path d=\"M8 19.5c0 3.3 7.2 6 16 6s16-2.7 16-6M8 29c0 3.3 7.2 6 16 6s16-2.7 16-6\" "
    CUT "stroke-width=\"2.5\"/>" },
  { "lightbulb",
    "<path d=\"M24 4a14 14 0 0 0-8 25.5V34h16v-4.5A14 14 0 0 0 24 4Z\" " FILL "/>"
    "<path d=\"M17 39h14M20 44h8\"/>"
    "<path d=\"M20 26l4-6 4 6\" " CUT "stroke-width=\"2.5\"/>" },

  /* onboarding */
  { "door",
    "<path d=\"M4 44h40\"/>"
    "<path d=\"M11 44V8a4 4 0 0 1 4-4h18a4 4 0 0 1 4 4v36\"/>"
    "<path d=\"M11 5 27 9.5V47L11 44Z\" " FILL "stroke-width=\"2.5\"/>"
    "<circle cx=\"23\" cy=\"27\" r=\"2.2\" " CUTFILL "/>"
    "<path d=\"M32 16l6-4M32 24h8M32 32l6 4\" stroke-width=\"2.5\" stroke-opacity=\"0.7\"/>" },
  { "key",
    "<circle cx=\"14\" cy=\"24\" r=\"9.5\" " FILL "/>"
    "<circle cx=\"12\" cy=\"24\" r=\"3.2\" " CUTFILL "/>"
    "<path d=\"M23 24h21M37 24v8M43 24v6M31 24v5\" stroke-width=\"4.5\"/>" },
  { "map-pin",
    "<path d=\"M24 45S9 30.5 9 19a15 15 0 0 1 30 0c0 11.5-15 26-15 26Z\" " FILL "/>"
    "<circle cx=\"24\" cy=\"19\" r=\"6\" " CUTFILL "/>" },
  { "welcome-flag",
    "<path d=\"M9 45V4\" stroke-width=\"4.5\"/>"
    "<path d=\"M9 6c6-3 11-3 16 0s10 3 16 0v20c-6 3-11 3-16 0s-10-3-16 0Z\" " FILL "/>"
    "<path d=\"M17 12.5l2.5 5.5 2-3.5 2 3.5 2.5-5.5\" " CUT "stroke-width=\"2.5\"/>" },
  { "route",
    "<path d=\"M6 40c6-12 10 2 16-8s10 2 14-10\" stroke-dasharray=\"0.1 7\" stroke-width=\"4\"/>"
    "<path d=\"M38 4a7 7 0 0 1 7 7c0 6-7 12-7 12s-7-6-7-12a7 7 0 0 1 7-7Z\" " FILL "/>"
    "<circle cx=\"38\" cy=\"11\" r=\"2.5\" " CUTFILL "/>"
    "<circle cx=\"6\" cy=\"40\" r=\"4\" " FILL "/>" },
  { "book",
    "<path d=\"M24 11c-5-4-12-5-20-4v32c8-1 15 0 20 4 5-4 12-5 20-4V7c-8-1-15 0-20 4Z\" " FILL "/>"
    "<path d=\"M24 12v30\" " CUT "stroke-width=\"2.5\"/>"
    "<path d=\"M9 15c4 0 7 .5 10 2M9 22c4 0 7 .5 10 2M29 17c3-1.5 6-2 10-2M29 24c3-1.5 6-2 10-2\" "
    CUT "stroke-width=\"2\"/>" },
  { "rocket",
    "<path d=\"M24 3c7 6 10 14 10 23l-4 10H18l-4-10c0-9 3-17 10-23Z\" " FILL "/>"
    "<circle cx=\"24\" cy=\"19\" r=\"4.5\" " CUTFILL "/>"
    "<path d=\"M14 26 7 34v6l9-4M34 26l7 8v6l-9-4\" " FILL "stroke-width=\"2.5\"/>"
    "<path d=\"M21 41l3 5 3-5\" stroke-width=\"3\"/>" },

  /* recognition */
  { "heart-hand",
    "<path d=\"M24 27.5C14 21 9.5 16 11.5 10.5 13.5 5.5 20.5 5 24 10c3.5-5 10.5-4.5 12.5.5 "
    "2 5.5-2.5 10.5-12.5 17Z\" " FILL "stroke-width=\"2.5\"/>"
    "<path d=\"M4 31v14\" stroke-width=\"5\"/>"
    "<path d=\"M9 32.5h7c2 0 3.5.8 5 2h7.5a3 3 0 0 1 0 6H20M9 44.5h19c2 0 3.5-.6 5-1.7l8.5-6.3a2.8 "
    "2.8 0 0 0-3.2-4.6l-7.3 4.6\" stroke-width=\"3.5\"/>" },
  { "heart",
    "<path d=\"M24 42C10 33 4 25.5 6.5 17 9 9.5 19 8 24 15.5 29 8 39 9.5 41.5 17 44 25.5 38 33 24 "
    "42Z\" " FILL "/>"
    "<path d=\"M13 19.5c.8-3 3.2-4.7 6-4.5\" " CUT "stroke-width=\"2.5\"/>" },
  { "star-burst",
    "<path d=\"M24 3 27.88 9.51 34.5 5.81 34.61 13.39 42.19 13.5 38.49 20.12 45 24 38.49 27.88 "
    "42.19 34.5 34.61 34.61 34.5 42.19 27.88 38.49 24 45 20.12 38.49 13.5 42.19 13.39 34.61 "
    "5.81 34.5 9.51 27.88 3 24 9.51 20.12 5.81 13.5 13.39 13.39 13.5 5.81 20.12 9.51Z\" " FILL
    "stroke-width=\"2\"/>"
    "<path d=\"M24 15.5 26.4 21.4 32.6 21.7 27.8 25.6 29.4 31.7 24 28.2 18.6 31.7 20.2 25.6 15.4 "
    "21.7 21.6 21.4Z\" " CUTFILL "/>" },
  { "handshake",
    "<path d=\"M3 31 14 20M45 31 34 20\" stroke-width=\"7\"/>"
    "<path d=\"M12.5 21.5 21 13h7l8.5 8.5-10 11.5a4 4 0 0 1-5.6.4L12.5 26Z\" " FILL "/>"
    "<path d=\"M28 13l-6.5 6.5a2.8 2.8 0 0 0 4 4l4-3.5\" " CUT "stroke-width=\"2.5\"/>"
    "<path d=\"M19.5 27.5l3.5 3.5M23.5 25l3 3\" " CUT "stroke-width=\"2\"/>" },
  { "applause",
    "<path d=\"M15 44 8 27a3 3 0 0 1 5.5-2.3L17 32 11 17a3 3 0 0 1 5.5-2.3L22 27"
    "l-2.5-8.5a3 3 0 0 1 "
    "5.7-1.7L30 31c2.5 8-1 13-8 14Z\" " FILL "stroke-width=\"2.5\"/>"
    "<path d=\"M33 17l5-5M36 25l7-2M28 11l1-7\" stroke-width=\"3.5\"/>" },
  { "trophy",
    "<path d=\"M13 5h22v12a11 11 0 0 1-22 0Z\" " FILL "/>"
    "<path d=\"M13 9H6v4a7 7 0 0 0 7 7M35 9h7v4a7 7 0 0 1-7 7\" stroke-width=\"3.5\"/>"
    "<path d=\"M24 28v8M15 43h18M18 38h12\" stroke-width=\"4.5\"/>"
    "<path d=\"M24 10l1.8 3.6 4 .6-2.9 2.8.7 4L24 19.1l-3.6 1.9.7-4-2.9-2.8 4-.6Z\" "
    CUTFILL "/>" },
  { "medal",
    "<path d=\"M14 4l8 15M34 4l-8 15\" stroke-width=\"5\"/>"
    "<circle cx=\"24\" cy=\"31\" r=\"13\" " FILL "/>"
    "<path d=\"M24 24l2.2 4.4 4.8.7-3.5 3.4.8 4.8-4.3-2.3-4.3 2.3.8-4.8-3.5-3.4 4.8-.7Z\" "
    CUTFILL "/>" },
  { "thumbs-up",
    "<rect x=\"4\" y=\"21\" width=\"9\" height=\"22\" rx=\"2\" " FILL "/>"
    "<path d=\"M17 22l7-13c1-2 5-1.5 5 2l-1.5 8H39a4 4 0 0 1 4 4.6l-2.4 14A4 4 0 0 1 36.7 41H17Z\" "
    FILL "/>" },

  /* service */
  { ROSETTE_DESIGN_EMBLEM_YEARS, "" },
  { "clock",
    "<circle cx=\"24\" cy=\"24\" r=\"20\" " FILL "/>"
    "<path d=\"M24 12v12l8 5\" " CUT "/>" },
  { "hourglass",
    "<path d=\"M10 4h28M10 44h28\"/>"
    "<path d=\"M13 4c0 10 9 14 9 20s-9 10-9 20h22c0-10-9-14-9-20s9-10 9-20Z\" " FILL
    "stroke-width=\"2\"/>"
    "<path d=\"M18 40c2-4 4-6 6-6s4 2 6 6Z\" " CUTFILL "/>" },
  { "calendar",
    "<rect x=\"5\" y=\"8\" width=\"38\" height=\"36\" rx=\"4\" " FILL "/>"
    "<path d=\"M15 4v8M33 4v8M5 18h38\" " CUT "stroke-width=\"3\"/>"
    "<path d=\"M15 4v6M33 4v6\"/>"
    "<path d=\"M16.5 30.5l5 5 10-10\" " CUT "/>" },
  { "gift",
    "<rect x=\"6\" y=\"17\" width=\"36\" height=\"10\" rx=\"2\" " FILL "/>"
    "<rect x=\"9\" y=\"27\" width=\"30\" height=\"17\" rx=\"2\" " FILL "/>"
    "<path d=\"M24 17v27M9 27h30\" " CUT "stroke-width=\"3\"/>"
    "<path d=\"M24 16c-3-7-13-10-13-4 0 4 8 4 13 4 5 0 13 0 13-4 0-6-10-3-13 4Z\" "
    "stroke-width=\"3\"/>" },
  { "milestone",
    "<path d=\"M12 43V17a12 12 0 0 1 24 0v26Z\" " FILL "/>"
    "<path d=\"M18 23h12M18 30h12\" " CUT "stroke-width=\"3\"/>"
    "<path d=\"M5 44h38\"/>" },

  /* general: for any kind */
  { "check-circle",
    "<circle cx=\"24\" cy=\"24\" r=\"20\" " FILL "/>"
    "<path d=\"M14.5 24.5l6.5 6.5 12.5-12.5\" " CUT "/>" },
  { "star",
    "<path d=\"M24 4.5l5.9 12.3 13.5 1.7-9.9 9.4 2.5 13.4L24 34.8l-12 6.5 2.5-13.4-9.9-9.4 "
    "13.5-1.7Z\" " FILL "/>" },
  { "laurel",
    "<path d=\"M24 43C13 41 6 31 8 17M24 43c11-2 18-12 16-26\"/>"
    "<path d=\"M9.5 31C5 29.5 3 25 4 21c4 1.5 6.5 5.5 5.5 10ZM8 21c-3.5-3-4-7.5-1.5-11 3 2.5 "
    "4 7 1.5 11ZM15.5 38.5c-5 .5-8.5-2-10-5.5 4-1 8 1 10 5.5Z\" " FILL "stroke-width=\"2\"/>"
    "<path d=\"M38.5 31c4.5-1.5 6.5-6 5.5-10-4 1.5-6.5 5.5-5.5 10ZM40 21c3.5-3 4-7.5 1.5-11-3 "
    "2.5-4 7-1.5 11ZM32.5 38.5c5 .5 8.5-2 10-5.5-4-1-8 1-10 5.5Z\" " FILL "stroke-width=\"2\"/>" },
  { ROSETTE_DESIGN_EMBLEM_CUSTOM, "" },
};

/* The first emblem of each kind's group in the table above; a group runs
 * to the next one. */
static const struct
{
  const char *first;
  const char *kind;
} groups[] = {
  { "padlock-check", "compliance" },
  { "compass", "leadership" },
  { "gear", "technical" },
  { "door", "onboarding" },
  { "heart-hand", "recognition" },
  { ROSETTE_DESIGN_EMBLEM_YEARS, "service" },
  { "check-circle", NULL },
};

/* The ids, in table order, NULL-terminated; built once. */
const char * const *
_rosette_design_emblem_ids (void)
{
  static const char **ids = NULL;

  if (g_once_init_enter (&ids))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (emblems) + 1);

      guint n = 0;

      /* "custom" is drawn from the family's own markup: not in the library */
      for (guint i = 0; i < G_N_ELEMENTS (emblems); i++)
        if (strcmp (emblems[i].id, ROSETTE_DESIGN_EMBLEM_CUSTOM) != 0)
          list[n++] = emblems[i].id;
      g_once_init_leave (&ids, list);
    }

  return (const char * const *) ids;
}

const char *
_rosette_design_emblem_kind (const char *id)
{
  const RosetteDesignEmblem *emblem = _rosette_design_emblem_lookup (id);
  const char *kind = NULL;

  if (emblem == NULL)
    return NULL;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      const RosetteDesignEmblem *first = _rosette_design_emblem_lookup (groups[g].first);

      if (first <= emblem)
        kind = groups[g].kind;
    }

  return kind;
}

const RosetteDesignEmblem *
_rosette_design_emblem_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (emblems); i++)
    {
      if (strcmp (emblems[i].id, id) == 0)
        return &emblems[i];
    }

  return NULL;
}
