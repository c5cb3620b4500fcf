/* rosette-model-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rosette-error.h"

#include "rosette-model-private.h"

/* Control characters (newlines, tabs, NUL stand-ins, C1 codes) have no
 * place on a one-line badge label, and most are not even allowed in the
 * XML of the SVG the design module writes. */
gboolean
_rosette_text_has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_CONTROL)
        return TRUE;
    }

  return FALSE;
}

gboolean
_rosette_text_is_valid (const char *text,
                        guint       max_chars,
                        gboolean    allow_empty)
{
  glong length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  length = g_utf8_strlen (text, -1);

  if (length == 0 && !allow_empty)
    return FALSE;

  return length <= max_chars && !_rosette_text_has_control (text);
}

/* "#rrggbb", in either case. */
gboolean
_rosette_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}

/* Emblem ids are names like "padlock-check": lower-case ASCII letters,
 * digits and inner dashes. Whether the id names a drawing the design
 * module has is not the model's business (model sits below design). */
gboolean
_rosette_emblem_id_is_valid (const char *emblem)
{
  gsize length;

  if (emblem == NULL)
    return FALSE;

  length = strlen (emblem);
  if (length == 0 || length > ROSETTE_FAMILY_MAX_EMBLEM_LENGTH)
    return FALSE;

  if (emblem[0] == '-' || emblem[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = emblem[i];

      if (!(g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-'))
        return FALSE;
    }

  return TRUE;
}

/* Checks one text field of a family or tier: @key names it in the
 * message, as the user knows it (the JSON key when loading a file). */
gboolean
_rosette_check_text (const char  *key,
                     const char  *value,
                     guint        max_chars,
                     gboolean     allow_empty,
                     GError     **error)
{
  glong length = g_utf8_strlen (value, -1);

  if (length == 0 && !allow_empty)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must not be empty"), key);
      return FALSE;
    }

  if (length > max_chars)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("“%s” is %ld characters long; the longest allowed is %u"),
                   key, length, max_chars);
      return FALSE;
    }

  if (_rosette_text_has_control (value))
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("“%s” must not contain control characters such as line breaks"),
                   key);
      return FALSE;
    }

  return TRUE;
}
