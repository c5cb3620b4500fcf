/* rosette-family-key-values.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The value parsers behind rosette_family_set_key() (rosette-family-keys.c):
 * each reads one value as a person or a script writes it, strictly, and on
 * failure returns FALSE with an error that names the key, says what it
 * accepts and quotes (a bounded excerpt of) what was found. They never
 * change the family: the setters parse first and set after.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rosette-error.h"
#include "rosette-family-keys-private.h"
#include "rosette-model-private.h"

gboolean
_rosette_key_fail (GError     **error,
                   int          code,
                   const char  *key,
                   const char  *expected,
                   const char  *value)
{
  g_autofree char *excerpt = _rosette_quote_excerpt (value);

  /* Translators: e.g. "“stars” must be a whole number from 0 to 6;
   * found “many”". */
  g_set_error (error, ROSETTE_ERROR, code, _("“%s” must be %s; found “%s”"),
               key, expected, excerpt);
  return FALSE;
}

gboolean
_rosette_key_parse_enum (const char  *key,
                         const char  *value,
                         GType        type,
                         int         *out,
                         GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value_by_nick (klass, value);

  if (enum_value == NULL)
    {
      g_autofree char *nicks = _rosette_enum_nicks (type);
      g_autofree char *expected = g_strdup_printf (_("one of %s"), nicks);

      return _rosette_key_fail (error, ROSETTE_ERROR_INVALID, key, expected, value);
    }

  *out = enum_value->value;

  return TRUE;
}

gboolean
_rosette_key_parse_boolean (const char  *key,
                            const char  *value,
                            gboolean    *out,
                            GError     **error)
{
  static const char * const yes[] = { "true", "yes", "on", "1", NULL };
  static const char * const no[] = { "false", "no", "off", "0", NULL };
  g_autofree char *lower = g_ascii_strdown (value, -1);

  if (g_strv_contains (yes, lower))
    *out = TRUE;
  else if (g_strv_contains (no, lower))
    *out = FALSE;
  else
    return _rosette_key_fail (error, ROSETTE_ERROR_INVALID, key, _("true or false"), value);

  return TRUE;
}

/* A plain decimal number ("12", "-3.5"); no hex, no "inf", no "nan". */
gboolean
_rosette_key_parse_number (const char *value,
                           double     *out)
{
  char *end = NULL;

  if (*value == '\0' || strpbrk (value, "xXiInN") != NULL)
    return FALSE;

  *out = g_ascii_strtod (value, &end);

  return end != value && *end == '\0' && isfinite (*out);
}

gboolean
_rosette_key_parse_range (const char  *key,
                          const char  *value,
                          double       min,
                          double       max,
                          double      *out,
                          GError     **error)
{
  if (!_rosette_key_parse_number (value, out) || *out < min || *out > max)
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE];
      char high[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *expected = NULL;

      g_ascii_dtostr (low, sizeof low, min);
      g_ascii_dtostr (high, sizeof high, max);
      expected = g_strdup_printf (_("a number from %s to %s"), low, high);
      return _rosette_key_fail (error, ROSETTE_ERROR_OUT_OF_RANGE, key, expected, value);
    }

  *out += 0.0;

  return TRUE;
}

gboolean
_rosette_key_parse_whole (const char  *key,
                          const char  *value,
                          guint        min,
                          guint        max,
                          guint       *out,
                          GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number from %u to %u"), min, max);

      return _rosette_key_fail (error, ROSETTE_ERROR_OUT_OF_RANGE, key, expected, value);
    }

  *out = (guint) number;

  return TRUE;
}

/* "#rrggbb"; with @optional also "" or "auto" for "derived". */
gboolean
_rosette_key_parse_color (const char  *key,
                          const char  *value,
                          gboolean     optional,
                          char       **out,
                          GError     **error)
{
  if (optional && (*value == '\0' || g_ascii_strcasecmp (value, "auto") == 0))
    {
      *out = g_strdup ("");
      return TRUE;
    }

  if (!_rosette_color_is_valid (value))
    return _rosette_key_fail (error, ROSETTE_ERROR_INVALID, key,
                              optional ? _("a colour written as #rrggbb, or “auto”") :
                                         _("a colour written as #rrggbb"),
                              value);

  *out = g_ascii_strdown (value, -1);

  return TRUE;
}

gboolean
_rosette_key_check_utf8 (const char  *key,
                         const char  *value,
                         GError     **error)
{
  if (g_utf8_validate (value, -1, NULL))
    return TRUE;

  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
               _("“%s” is not valid UTF-8 text"), key);
  return FALSE;
}
