/* test-family-keys.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scripted edits (rosette_family_set_key()) and the palette presets. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rosette-core.h"

static void
set_ok (RosetteFamily *family,
        const char    *key,
        const char    *value)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("%s = %s", key, value);
  g_assert_true (rosette_family_set_key (family, key, value, &error));
  g_assert_no_error (error);
}

static void
test_simple_keys (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  double dx, dy, scale;

  set_ok (family, "name", "Safety First");
  g_assert_cmpstr (rosette_family_get_name (family), ==, "Safety First");
  set_ok (family, "title", "Safety");
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Safety");
  set_ok (family, "subtitle", "");
  g_assert_cmpstr (rosette_family_get_subtitle (family), ==, "");
  set_ok (family, "kind", "technical");
  g_assert_cmpint (rosette_family_get_kind (family), ==, ROSETTE_BADGE_KIND_TECHNICAL);
  set_ok (family, "shape", "rounded-square");
  g_assert_cmpint (rosette_family_get_shape (family), ==, ROSETTE_SHAPE_ROUNDED_SQUARE);
  set_ok (family, "emblem", "gear");
  g_assert_cmpstr (rosette_family_get_emblem (family), ==, "gear");
  set_ok (family, "emblem-text", "10");
  g_assert_cmpstr (rosette_family_get_emblem_text (family), ==, "10");
  set_ok (family, "field-color", "#ABCDEF");
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#abcdef");
  set_ok (family, "ribbon-color", "#010203");
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "#010203");
  set_ok (family, "ribbon-color", "auto");
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "");
  set_ok (family, "emblem-color", "#fafafa");
  g_assert_cmpstr (rosette_family_get_emblem_color (family), ==, "#fafafa");
  set_ok (family, "emblem-color", "");
  g_assert_cmpstr (rosette_family_get_emblem_color (family), ==, "");
  set_ok (family, "font", "Cantarell");
  g_assert_cmpstr (rosette_family_get_font_family (family), ==, "Cantarell");
  set_ok (family, "font-weight", "350");
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 350);
  set_ok (family, "font-weight", "bold");
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 700);
  set_ok (family, "title-size", "24.5");
  g_assert_cmpfloat (rosette_family_get_title_size (family), ==, 24.5);
  set_ok (family, "title-size", "auto");
  g_assert_cmpfloat (rosette_family_get_title_size (family), ==, ROSETTE_TITLE_SIZE_AUTO);
  set_ok (family, "title-layout", "curved");
  g_assert_cmpint (rosette_family_get_title_layout (family), ==, ROSETTE_TEXT_LAYOUT_CURVED);
  set_ok (family, "show-subtitle", "true");
  g_assert_true (rosette_family_get_show_subtitle (family));
  set_ok (family, "subtitle-layout", "straight");
  g_assert_cmpint (rosette_family_get_subtitle_layout (family), ==,
                   ROSETTE_TEXT_LAYOUT_STRAIGHT);
  set_ok (family, "rim-width", "7.5");
  g_assert_cmpfloat (rosette_family_get_rim_width (family), ==, 7.5);
  set_ok (family, "shadow", "false");
  g_assert_false (rosette_family_get_shadow (family));
  set_ok (family, "gradient", "no");
  g_assert_false (rosette_family_get_gradient (family));
  set_ok (family, "palette-ramp", "on");
  g_assert_true (rosette_family_get_palette_ramp (family));
  set_ok (family, "palette", "burgundy");
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#7a1f2b");
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "#561520");
  g_assert_cmpstr (rosette_family_get_emblem_color (family), ==, "#f6e7c1");

  set_ok (family, "emblem.dx", "-12.5");
  set_ok (family, "emblem.dy", "40");
  set_ok (family, "emblem.scale", "1.25");
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, -12.5);
  g_assert_cmpfloat (dy, ==, 40.0);
  g_assert_cmpfloat (scale, ==, 1.25);
  set_ok (family, "tier-label.dy", "-3");
  rosette_family_get_placement (family, ROSETTE_ELEMENT_TIER_LABEL, &dx, &dy, &scale);
  g_assert_cmpfloat (dy, ==, -3.0);
  g_assert_cmpfloat (scale, ==, 1.0);

  /* Every key listed is one set_key knows (patterns aside). */
  for (const char * const *k = rosette_family_list_keys (); *k != NULL; k++)
    g_assert_nonnull (*k);
  g_assert_true (g_strv_contains (rosette_family_list_keys (), "palette"));
  g_assert_true (g_strv_contains (rosette_family_list_keys (), "tier.<tier>.stars"));
}

static void
test_tier_keys (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  RosetteTier *second = rosette_family_get_tier (family, 1);
  RosetteTier *third = rosette_family_get_tier (family, 2);

  set_ok (family, "tier.2.stars", "5");
  g_assert_cmpuint (rosette_tier_get_stars (second), ==, 5);
  set_ok (family, "tier.expert.metal", "platinum");
  g_assert_cmpint (rosette_tier_get_metal (third), ==, ROSETTE_METAL_PLATINUM);
  set_ok (family, "tier.Expert.ring", "double");
  g_assert_cmpint (rosette_tier_get_ring_style (third), ==, ROSETTE_RING_STYLE_DOUBLE);
  set_ok (family, "tier.3.ornament", "gems");
  g_assert_cmpint (rosette_tier_get_ornament (third), ==, ROSETTE_ORNAMENT_GEMS);
  set_ok (family, "tier.1.field-color", "#112233");
  g_assert_cmpstr (rosette_tier_get_field_color (rosette_family_get_tier (family, 0)), ==,
                   "#112233");
  set_ok (family, "tier.1.field-color", "auto");
  g_assert_cmpstr (rosette_tier_get_field_color (rosette_family_get_tier (family, 0)), ==, "");
  set_ok (family, "tier.practitioner.name", "Senior Practitioner");
  g_assert_cmpstr (rosette_tier_get_name (second), ==, "Senior Practitioner");
  /* Found by its slug too. */
  set_ok (family, "tier.senior-practitioner.stars", "4");
  g_assert_cmpuint (rosette_tier_get_stars (second), ==, 4);
}

static void
test_tiers_key (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  RosetteTier *tier;

  rosette_tier_set_stars (rosette_family_get_tier (family, 2), 6);

  /* Expert keeps its cues at its new place; new tiers get rank cues. */
  set_ok (family, "tiers", " Bronze , expert,Silver Star,Gold ");
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 4);
  tier = rosette_family_get_tier (family, 1);
  g_assert_cmpstr (rosette_tier_get_name (tier), ==, "expert");
  g_assert_cmpuint (rosette_tier_get_stars (tier), ==, 6);
  g_assert_cmpint (rosette_tier_get_metal (tier), ==, ROSETTE_METAL_GOLD);
  tier = rosette_family_get_tier (family, 3);
  g_assert_cmpstr (rosette_tier_get_name (tier), ==, "Gold");
  g_assert_cmpint (rosette_tier_get_metal (tier), ==, ROSETTE_METAL_PLATINUM);
  g_assert_cmpuint (rosette_tier_get_stars (tier), ==, 4);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==, "Bronze");

  set_ok (family, "tiers", "Only");
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 1);
}

static void
test_errors (void)
{
  static const struct {
    const char *key;
    const char *value;
    int code;
    const char *message;
  } cases[] = {
    { "colour", "#000000", ROSETTE_ERROR_NOT_FOUND, "Unknown key “colour”; the keys are: name," },
    { "tier.2.glitter", "1", ROSETTE_ERROR_NOT_FOUND, "Unknown key" },
    { "halo.dx", "1", ROSETTE_ERROR_NOT_FOUND, "Unknown key" },
    { "name", "", ROSETTE_ERROR_INVALID, "“name” must not be empty" },
    { "title", "Two\nlines", ROSETTE_ERROR_INVALID, "control characters" },
    { "subtitle", "\xff", ROSETTE_ERROR_INVALID, "UTF-8" },
    { "emblem-text", "12345", ROSETTE_ERROR_TOO_LARGE, "“emblem-text”" },
    { "kind", "sales", ROSETTE_ERROR_INVALID, "“kind” must be one of compliance, leadership" },
    { "shape", "Circle", ROSETTE_ERROR_INVALID, "“shape” must be one of" },
    { "emblem", "Gear!", ROSETTE_ERROR_INVALID, "“emblem” must be an emblem name" },
    { "emblem", "custom", ROSETTE_ERROR_INVALID, "import" },
    { "field-color", "auto", ROSETTE_ERROR_INVALID,
      "“field-color” must be a colour written as #rrggbb; found “auto”" },
    { "ribbon-color", "blue", ROSETTE_ERROR_INVALID, "or “auto”" },
    { "font", "Sans;color:red", ROSETTE_ERROR_INVALID, "“font” must be a font family" },
    { "font-weight", "heavy", ROSETTE_ERROR_OUT_OF_RANGE,
      "“font-weight” must be a whole number from 100 to 900; found “heavy”" },
    { "font-weight", "950", ROSETTE_ERROR_OUT_OF_RANGE, "from 100 to 900" },
    { "title-size", "11", ROSETTE_ERROR_OUT_OF_RANGE, "“auto” or a number from 12 to 64" },
    { "title-size", "nan", ROSETTE_ERROR_OUT_OF_RANGE, "“title-size”" },
    { "title-layout", "wavy", ROSETTE_ERROR_INVALID, "straight, curved" },
    { "show-subtitle", "maybe", ROSETTE_ERROR_INVALID, "must be true or false; found “maybe”" },
    { "rim-width", "0x10", ROSETTE_ERROR_OUT_OF_RANGE, "a number from 0 to 40" },
    { "rim-width", "-1", ROSETTE_ERROR_OUT_OF_RANGE, "“rim-width”" },
    { "palette", "rainbow", ROSETTE_ERROR_INVALID, "one of royal-blue," },
    { "palette-ramp", "", ROSETTE_ERROR_INVALID, "true or false" },
    { "tiers", "", ROSETTE_ERROR_OUT_OF_RANGE, "1 to 6" },
    { "tiers", "A,,B", ROSETTE_ERROR_INVALID, "Tier 2" },
    { "tiers", "A,B,C,D,E,F,G", ROSETTE_ERROR_OUT_OF_RANGE, "1 to 6" },
    { "tiers", "Gold,gold!", ROSETTE_ERROR_INVALID, "twice" },
    { "tier.2.stars", "many", ROSETTE_ERROR_OUT_OF_RANGE,
      "“stars” must be a whole number from 0 to 6; found “many”" },
    { "tier.2.stars", "7", ROSETTE_ERROR_OUT_OF_RANGE, "from 0 to 6" },
    { "tier.9.stars", "1", ROSETTE_ERROR_NOT_FOUND, "no tier “9”" },
    { "tier.Grandmaster.stars", "1", ROSETTE_ERROR_NOT_FOUND, "no tier" },
    { "tier.1.metal", "copper", ROSETTE_ERROR_INVALID, "bronze, silver, gold, platinum" },
    { "tier.1.ring", "triple", ROSETTE_ERROR_INVALID, "“ring”" },
    { "tier.1.ornament", "bows", ROSETTE_ERROR_INVALID, "“ornament”" },
    { "tier.1.field-color", "#ggg000", ROSETTE_ERROR_INVALID, "“field-color”" },
    { "tier.1.name", "Expert", ROSETTE_ERROR_INVALID, "already has a tier called “Expert”" },
    { "emblem.dx", "201", ROSETTE_ERROR_OUT_OF_RANGE, "from -200 to 200" },
    { "emblem.scale", "0.4", ROSETTE_ERROR_OUT_OF_RANGE, "from 0.5 to 2" },
    { "title.dy", "12px", ROSETTE_ERROR_OUT_OF_RANGE, "“title.dy”" },
  };
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GBytes) before = rosette_family_to_bytes (family);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      /* Some values are deliberately not UTF-8: TAP output must be. */
      g_autofree char *shown = g_strescape (cases[i].value, NULL);

      g_test_message ("%s = %s", cases[i].key, shown);
      g_assert_false (rosette_family_set_key (family, cases[i].key, cases[i].value, &error));
      g_assert_error (error, ROSETTE_ERROR, cases[i].code);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      /* A failed set changes nothing at all. */
      after = rosette_family_to_bytes (family);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
channel (const char *hex)
{
  char digits[3] = { hex[0], hex[1], '\0' };
  double c = g_ascii_strtoull (digits, NULL, 16) / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const char *color)
{
  g_assert_cmpuint (strlen (color), ==, 7);

  return 0.2126 * channel (color + 1) + 0.7152 * channel (color + 3) +
         0.0722 * channel (color + 5);
}

static double
contrast (const char *a,
          const char *b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_palettes (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const RosettePalette *presets;
  guint n = 0;

  /* The formula itself: black on white is 21:1. */
  g_assert_cmpfloat_with_epsilon (contrast ("#000000", "#ffffff"), 21.0, 1e-9);

  presets = rosette_palette_get_presets (&n);
  g_assert_cmpuint (n, >=, 10);

  for (guint i = 0; i < n; i++)
    {
      const RosettePalette *p = &presets[i];
      g_autoptr(RosetteFamily) family = rosette_family_new ();

      g_test_message ("%s: white on field %.2f, on ribbon %.2f, emblem on field %.2f",
                      p->id, contrast ("#ffffff", p->field), contrast ("#ffffff", p->ribbon),
                      contrast (p->emblem, p->field));
      g_assert_true (g_hash_table_add (ids, (gpointer) p->id));
      g_assert_nonnull (p->name);
      g_assert_cmpstr (p->name, !=, "");
      g_assert_true (rosette_palette_find (p->id) == p);

      g_assert_cmpfloat (contrast ("#ffffff", p->field), >=, 4.5);
      g_assert_cmpfloat (contrast ("#ffffff", p->ribbon), >=, 4.5);
      g_assert_cmpfloat (contrast (p->emblem, p->field), >=, 4.5);

      /* Usable as they are by the family. */
      g_assert_true (rosette_family_set_key (family, "palette", p->id, NULL));
      g_assert_cmpstr (rosette_family_get_field_color (family), ==, p->field);
    }

  g_assert_null (rosette_palette_find ("no-such-palette"));
}

static void
test_achievement_keys (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GError) error = NULL;
  const char *name, *url, *framework, *code;
  static const struct {
    const char *key;
    const char *value;
    int code;
  } bad[] = {
    { "achievement-type", "Trophy", ROSETTE_ERROR_INVALID },
    { "criteria-url", "javascript:alert(1)", ROSETTE_ERROR_INVALID },
    { "alignment.url", "www.example.com", ROSETTE_ERROR_INVALID },
    { "tags", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17", ROSETTE_ERROR_TOO_LARGE },
    { "description", "bell\a", ROSETTE_ERROR_INVALID },
    { "tier.9.criteria", "x", ROSETTE_ERROR_NOT_FOUND },
  };
  g_autofree char *original = g_strdup (rosette_family_get_criteria (family));

  g_assert_true (rosette_family_set_key (family, "description", "Privacy at work", &error));
  g_assert_true (rosette_family_set_key (family, "criteria", "Passed the **quiz**.\nTwice.", &error));
  g_assert_true (rosette_family_set_key (family, "criteria-url", "https://hr.example/privacy", &error));
  g_assert_true (rosette_family_set_key (family, "achievement-type", "Certificate", &error));
  g_assert_true (rosette_family_set_key (family, "tags", " gdpr, privacy ,,", &error));
  g_assert_true (rosette_family_set_key (family, "alignment.name", "GDPR", &error));
  g_assert_true (rosette_family_set_key (family, "alignment.url", "https://gdpr.example/", &error));
  g_assert_true (rosette_family_set_key (family, "alignment.framework", "EU law", &error));
  g_assert_true (rosette_family_set_key (family, "alignment.code", "2016/679", &error));
  g_assert_true (rosette_family_set_key (family, "tier.Expert.criteria", "Ran an audit.", &error));
  g_assert_no_error (error);

  g_assert_cmpstr (rosette_family_get_description (family), ==, "Privacy at work");
  g_assert_cmpstr (rosette_family_get_criteria (family), ==, "Passed the **quiz**.\nTwice.");
  g_assert_cmpstr (rosette_family_get_criteria_url (family), ==, "https://hr.example/privacy");
  g_assert_cmpstr (rosette_family_get_achievement_type (family), ==, "Certificate");
  g_assert_cmpuint (g_strv_length ((char **) rosette_family_get_tags (family)), ==, 2);
  g_assert_cmpstr (rosette_family_get_tags (family)[0], ==, "gdpr");
  g_assert_cmpstr (rosette_family_get_tags (family)[1], ==, "privacy");
  rosette_family_get_alignment (family, &name, &url, &framework, &code);
  g_assert_cmpstr (name, ==, "GDPR");
  g_assert_cmpstr (url, ==, "https://gdpr.example/");
  g_assert_cmpstr (framework, ==, "EU law");
  g_assert_cmpstr (code, ==, "2016/679");
  g_assert_cmpstr (rosette_tier_get_criteria (rosette_family_find_tier (family, "Expert")), ==,
                   "Ran an audit.");
  g_assert_true (g_strv_contains (rosette_family_list_keys (), "tier.<tier>.criteria"));
  g_assert_true (g_strv_contains (rosette_family_list_keys (), "alignment.code"));

  /* "" clears: the tier goes back to the family's criteria, the tags go. */
  g_assert_true (rosette_family_set_key (family, "tier.3.criteria", "", &error));
  g_assert_true (rosette_family_set_key (family, "tags", "", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_family_get_tier_criteria (family, rosette_family_get_tier (family, 2)), ==,
                   "Passed the **quiz**.\nTwice.");
  g_assert_cmpuint (g_strv_length ((char **) rosette_family_get_tags (family)), ==, 0);

  /* Bad values change nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) before = rosette_family_to_bytes (family);
      g_autoptr(GBytes) after = NULL;

      g_assert_false (rosette_family_set_key (family, bad[i].key, bad[i].value, &error));
      g_assert_error (error, ROSETTE_ERROR, bad[i].code);
      g_clear_error (&error);
      after = rosette_family_to_bytes (family);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* Criteria are bounded at 10,000 characters. */
  {
    g_autofree char *longest = g_strnfill (ROSETTE_FAMILY_MAX_CRITERIA_LENGTH, 'x');
    g_autofree char *too_long = g_strnfill (ROSETTE_FAMILY_MAX_CRITERIA_LENGTH + 1, 'x');

    g_assert_true (rosette_family_set_key (family, "criteria", longest, &error));
    g_assert_no_error (error);
    g_assert_false (rosette_family_set_key (family, "criteria", too_long, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
    g_assert_cmpstr (rosette_family_get_criteria (family), ==, longest);
    g_assert_cmpstr (original, !=, longest);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/family-keys/simple", test_simple_keys);
  g_test_add_func ("/rosette/family-keys/tier", test_tier_keys);
  g_test_add_func ("/rosette/family-keys/tiers", test_tiers_key);
  g_test_add_func ("/rosette/family-keys/errors", test_errors);
  g_test_add_func ("/rosette/family-keys/palettes", test_palettes);
  g_test_add_func ("/rosette/family-keys/achievement", test_achievement_keys);

  return g_test_run ();
}
