/* rosette-model-utils.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rosette-enums.h"
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

/* "#rrggbb", or "" for "derived" (the designer's optional colours). */
gboolean
_rosette_color_or_empty_is_valid (const char *color)
{
  return color != NULL && (*color == '\0' || _rosette_color_is_valid (color));
}

/* A font family name as fontconfig and SVG take it: "" for the default,
 * otherwise up to ROSETTE_FAMILY_MAX_FONT_LENGTH characters with none that
 * could break out of an SVG attribute or a CSS font list. */
gboolean
_rosette_font_family_is_valid (const char *font_family)
{
  if (!_rosette_text_is_valid (font_family, ROSETTE_FAMILY_MAX_FONT_LENGTH, TRUE))
    return FALSE;

  return strpbrk (font_family, "<>&\"';{}\\") == NULL;
}

/* The model does not parse SVG (design does, when importing); it only
 * bounds the size and requires text. */
gboolean
_rosette_custom_emblem_is_valid (const char *svg_markup)
{
  gsize length;

  if (svg_markup == NULL)
    return TRUE;

  length = strlen (svg_markup);

  return length <= ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE &&
         g_utf8_validate_len (svg_markup, length, NULL);
}

/* How much of a rejected value an error message quotes. */
#define MAX_QUOTED_CHARS 32

/* A short, printable excerpt of a rejected value for an error message,
 * so a 10 MB string does not end up in a dialog. */
char *
_rosette_quote_excerpt (const char *value)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == MAX_QUOTED_CHARS)
        {
          g_string_append (out, "…");
          break;
        }

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? '?' : c);
    }

  return g_string_free (out, FALSE);
}

/* "a, b, c": the nicks of an enum type, for messages. */
char *
_rosette_enum_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, klass->values[i].value_nick);
    }

  return g_string_free (list, FALSE);
}

/* The nick of an enum value; static data owned by the registered type. */
const char *
_rosette_enum_nick (GType type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_assert (enum_value != NULL);

  return enum_value->value_nick;
}
