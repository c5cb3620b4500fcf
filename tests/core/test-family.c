/* test-family.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rosette-core.h"

/* Pieces of JSON documents for the loader tests. */
#define HEAD "\"format\":\"rosette-family\",\"version\":1,"
#define NAME_KIND "\"name\":\"Safety\",\"kind\":\"compliance\","
#define TIER(n) "{\"name\":\"" n "\"}"

static const RosetteBadgeKind all_kinds[] = {
  ROSETTE_BADGE_KIND_COMPLIANCE,
  ROSETTE_BADGE_KIND_LEADERSHIP,
  ROSETTE_BADGE_KIND_TECHNICAL,
  ROSETTE_BADGE_KIND_ONBOARDING,
  ROSETTE_BADGE_KIND_RECOGNITION,
  ROSETTE_BADGE_KIND_SERVICE,
};

static char *
fixture_path (const char *name)
{
  return g_build_filename (TESTS_SRCDIR, "data", "families", name, NULL);
}

static RosetteFamily *
family_from_string (const char  *json,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return rosette_family_new_from_bytes (bytes, error);
}

static void
test_templates (void)
{
  static const struct {
    RosetteBadgeKind kind;
    RosetteShape shape;
    const char *emblem;
    const char *emblem_text;
    const char *field;
    const char *subtitle;
  } expected[] = {
    { ROSETTE_BADGE_KIND_COMPLIANCE, ROSETTE_SHAPE_SHIELD, "padlock-check", "", "#1d4f86",
      "Compliance" },
    { ROSETTE_BADGE_KIND_LEADERSHIP, ROSETTE_SHAPE_CIRCLE, "compass", "", "#4a2574",
      "Leadership" },
    { ROSETTE_BADGE_KIND_TECHNICAL, ROSETTE_SHAPE_HEXAGON, "gear", "", "#0d6b6e",
      "Technical" },
    { ROSETTE_BADGE_KIND_ONBOARDING, ROSETTE_SHAPE_ROUNDED_SQUARE, "door", "", "#2a78c2",
      "Onboarding" },
    { ROSETTE_BADGE_KIND_RECOGNITION, ROSETTE_SHAPE_ROSETTE, "heart-hand", "", "#c23b22",
      "Recognition" },
    { ROSETTE_BADGE_KIND_SERVICE, ROSETTE_SHAPE_CIRCLE, "years", "5", "#1b2b4b",
      "Years of Service" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RosetteFamily) family = rosette_family_new_from_template (expected[i].kind, NULL);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpint (rosette_family_get_kind (family), ==, expected[i].kind);
      g_assert_cmpint (rosette_family_get_shape (family), ==, expected[i].shape);
      g_assert_cmpstr (rosette_family_get_emblem (family), ==, expected[i].emblem);
      g_assert_cmpstr (rosette_family_get_emblem_text (family), ==, expected[i].emblem_text);
      g_assert_cmpstr (rosette_family_get_field_color (family), ==, expected[i].field);
      g_assert_cmpstr (rosette_family_get_subtitle (family), ==, expected[i].subtitle);

      /* A default name per kind, used as the title. */
      g_assert_cmpstr (rosette_family_get_name (family), !=, "");
      g_assert_cmpstr (rosette_family_get_title (family), ==, rosette_family_get_name (family));

      g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 3);
      g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==,
                       "Foundation");
      g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 1)), ==,
                       "Practitioner");
      g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 2)), ==, "Expert");
      g_assert_null (rosette_family_get_tier (family, 3));

      for (guint t = 0; t < 3; t++)
        {
          RosetteTier *tier = rosette_family_get_tier (family, t);

          g_assert_true (g_hash_table_add (names, (gpointer) rosette_tier_get_name (tier)));

          /* Each tier is visibly richer than the one below. */
          if (t > 0)
            {
              RosetteTier *below = rosette_family_get_tier (family, t - 1);

              g_assert_cmpint (rosette_tier_get_metal (tier), >, rosette_tier_get_metal (below));
              g_assert_cmpuint (rosette_tier_get_stars (tier), >, rosette_tier_get_stars (below));
              g_assert_cmpint (rosette_tier_get_ring_style (tier), >,
                               rosette_tier_get_ring_style (below));
            }
        }

      g_assert_finalize_object (g_steal_pointer (&family));
    }
}

static void
test_templates_distinct (void)
{
  /* No two kinds share the same look. */
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_autoptr(RosetteFamily) a = rosette_family_new_from_template (all_kinds[i], NULL);

      for (guint j = i + 1; j < G_N_ELEMENTS (all_kinds); j++)
        {
          g_autoptr(RosetteFamily) b = rosette_family_new_from_template (all_kinds[j], NULL);

          g_assert_cmpstr (rosette_family_get_emblem (a), !=, rosette_family_get_emblem (b));
          g_assert_cmpstr (rosette_family_get_field_color (a), !=,
                           rosette_family_get_field_color (b));
          g_assert_cmpstr (rosette_family_get_name (a), !=, rosette_family_get_name (b));
        }
    }
}

static void
test_template_names (void)
{
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *slug = NULL;
  const char *title;

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_TECHNICAL, "Rust in Production");
  g_assert_cmpstr (rosette_family_get_name (family), ==, "Rust in Production");
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Rust in Production");
  slug = rosette_family_dup_slug (family);
  g_assert_cmpstr (slug, ==, "rust-in-production");
  g_clear_object (&family);

  /* A name longer than a title may be gives a shortened title. */
  while (g_utf8_strlen (long_name->str, -1) < ROSETTE_FAMILY_MAX_NAME_LENGTH - 5)
    g_string_append (long_name, "Ünïcode ");
  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_LEADERSHIP, long_name->str);
  g_assert_cmpstr (rosette_family_get_name (family), ==, long_name->str);
  title = rosette_family_get_title (family);
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, ROSETTE_FAMILY_MAX_TITLE_LENGTH);
  g_assert_true (g_str_has_suffix (title, "…"));
  g_assert_true (g_str_has_prefix (title, "Ünïcode Ünïcode"));
  g_assert_true (g_utf8_validate (title, -1, NULL));
}

static void
test_tier_ranks (void)
{
  static const struct {
    RosetteMetal metal;
    guint stars;
    RosetteRingStyle ring;
    RosetteOrnament ornament;
  } expected[] = {
    { ROSETTE_METAL_BRONZE, 1, ROSETTE_RING_STYLE_NONE, ROSETTE_ORNAMENT_NONE },
    { ROSETTE_METAL_SILVER, 2, ROSETTE_RING_STYLE_STITCHED, ROSETTE_ORNAMENT_NONE },
    { ROSETTE_METAL_GOLD, 3, ROSETTE_RING_STYLE_BEADED, ROSETTE_ORNAMENT_WREATH },
    { ROSETTE_METAL_PLATINUM, 4, ROSETTE_RING_STYLE_DOUBLE, ROSETTE_ORNAMENT_RAYS },
    { ROSETTE_METAL_PLATINUM, 5, ROSETTE_RING_STYLE_DOUBLE, ROSETTE_ORNAMENT_GEMS },
    { ROSETTE_METAL_PLATINUM, 6, ROSETTE_RING_STYLE_DOUBLE, ROSETTE_ORNAMENT_GEMS },
    { ROSETTE_METAL_PLATINUM, 6, ROSETTE_RING_STYLE_DOUBLE, ROSETTE_ORNAMENT_GEMS },
  };

  for (guint rank = 0; rank < G_N_ELEMENTS (expected); rank++)
    {
      g_autoptr(RosetteTier) tier = rosette_tier_new_for_rank ("Level", rank);

      g_assert_cmpint (rosette_tier_get_metal (tier), ==, expected[rank].metal);
      g_assert_cmpuint (rosette_tier_get_stars (tier), ==, expected[rank].stars);
      g_assert_cmpint (rosette_tier_get_ring_style (tier), ==, expected[rank].ring);
      g_assert_cmpint (rosette_tier_get_ornament (tier), ==, expected[rank].ornament);
      g_assert_cmpstr (rosette_tier_get_name (tier), ==, "Level");
      g_assert_finalize_object (g_steal_pointer (&tier));
    }
}

static void
count_cb (gpointer  instance,
          gpointer  pspec,
          guint    *count)
{
  (*count)++;
}

/* "changed" has no arguments: its handler takes the user data second. */
static void
changed_cb (RosetteFamily *family,
            guint         *count)
{
  (*count)++;
}

static void
test_tier_notify (void)
{
  g_autoptr(RosetteTier) tier = rosette_tier_new ("Gold Star");
  g_autoptr(RosetteTier) copy = NULL;
  g_autofree char *slug = NULL;
  guint notified = 0;

  g_signal_connect (tier, "notify", G_CALLBACK (count_cb), &notified);

  rosette_tier_set_stars (tier, 4);
  g_assert_cmpuint (notified, ==, 1);
  rosette_tier_set_stars (tier, 4);
  g_assert_cmpuint (notified, ==, 1);
  rosette_tier_set_name (tier, "Gold Star");
  g_assert_cmpuint (notified, ==, 1);
  rosette_tier_set_name (tier, "Über Star");
  g_assert_cmpuint (notified, ==, 2);
  rosette_tier_set_metal (tier, ROSETTE_METAL_GOLD);
  rosette_tier_set_ring_style (tier, ROSETTE_RING_STYLE_BEADED);
  rosette_tier_set_ornament (tier, ROSETTE_ORNAMENT_RAYS);
  g_assert_cmpuint (notified, ==, 5);

  slug = rosette_tier_dup_slug (tier);
  g_assert_cmpstr (slug, ==, "uber-star");

  copy = rosette_tier_copy (tier);
  g_assert_cmpstr (rosette_tier_get_name (copy), ==, "Über Star");
  g_assert_cmpint (rosette_tier_get_metal (copy), ==, ROSETTE_METAL_GOLD);
  g_assert_cmpuint (rosette_tier_get_stars (copy), ==, 4);
  g_assert_cmpint (rosette_tier_get_ring_style (copy), ==, ROSETTE_RING_STYLE_BEADED);
  g_assert_cmpint (rosette_tier_get_ornament (copy), ==, ROSETTE_ORNAMENT_RAYS);

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&tier));
}

static void
test_changed_signal (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_SERVICE,
                                                                       NULL);
  g_autoptr(RosetteTier) extra = rosette_tier_new ("Master");
  g_autoptr(RosetteTier) removed = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);

  /* A tier's property. */
  rosette_tier_set_stars (rosette_family_get_tier (family, 1), 5);
  g_assert_cmpuint (changed, ==, 1);

  /* Unchanged values change nothing. */
  rosette_tier_set_stars (rosette_family_get_tier (family, 1), 5);
  rosette_family_set_emblem_text (family, "5");
  g_assert_cmpuint (changed, ==, 1);

  /* The family's own properties. */
  rosette_family_set_emblem_text (family, "10");
  g_assert_cmpuint (changed, ==, 2);
  rosette_family_set_field_color (family, "#FFAA00");
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#ffaa00");
  g_assert_cmpuint (changed, ==, 3);
  rosette_family_set_field_color (family, "#ffaa00");
  g_assert_cmpuint (changed, ==, 3);

  /* Several changes while notifications are frozen: one redraw. */
  g_object_freeze_notify (G_OBJECT (family));
  rosette_family_set_title (family, "Ten Years");
  rosette_family_set_subtitle (family, "With thanks");
  rosette_family_set_shape (family, ROSETTE_SHAPE_STAR);
  g_object_thaw_notify (G_OBJECT (family));
  g_assert_cmpuint (changed, ==, 4);

  /* Inserting and removing tiers. */
  g_assert_true (rosette_family_insert_tier (family, 3, extra, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 5);
  rosette_tier_set_metal (extra, ROSETTE_METAL_PLATINUM);
  g_assert_cmpuint (changed, ==, 6);

  g_assert_true (rosette_family_remove_tier (family, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 7);

  /* A removed tier no longer touches the family. */
  rosette_tier_set_stars (extra, 0);
  g_assert_cmpuint (changed, ==, 7);

  /* A tier kept alive by a view outlives its family without trouble. */
  removed = g_object_ref (rosette_family_get_tier (family, 0));
  g_assert_finalize_object (g_steal_pointer (&family));
  rosette_tier_set_stars (removed, 6);
  g_assert_finalize_object (g_steal_pointer (&removed));
  g_assert_finalize_object (g_steal_pointer (&extra));
}

static void
test_tiers_list (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;

  g_object_get (family, "tiers", &model, NULL);
  g_assert_true (model == rosette_family_get_tiers (family));
  g_assert_true (g_list_model_get_item_type (model) == ROSETTE_TYPE_TIER);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Names match in any case, and by slug. */
  g_assert_true (rosette_family_find_tier (family, "expert") ==
                 rosette_family_get_tier (family, 2));
  g_assert_true (rosette_family_find_tier (family, "FOUNDATION") ==
                 rosette_family_get_tier (family, 0));
  g_assert_null (rosette_family_find_tier (family, "Grandmaster"));
  g_assert_null (rosette_family_find_tier (family, ""));

  /* A name clashing by slug is refused. */
  {
    g_autoptr(RosetteTier) clash = rosette_tier_new ("EXPERT!");

    g_assert_false (rosette_family_insert_tier (family, 0, clash, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Expert"));
    g_clear_error (&error);
  }

  /* Up to six tiers. */
  for (guint i = 3; i < ROSETTE_FAMILY_MAX_TIERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Senior Level %u", i);
      g_autoptr(RosetteTier) tier = rosette_tier_new_for_rank (name, i);

      g_assert_true (rosette_family_insert_tier (family, i, tier, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rosette_family_find_tier (family, "senior-level-4") ==
                 rosette_family_get_tier (family, 4));
  {
    g_autoptr(RosetteTier) seventh = rosette_tier_new ("Seventh");

    g_assert_false (rosette_family_insert_tier (family, 0, seventh, &error));
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);
  }

  /* Down to one. */
  while (rosette_family_get_n_tiers (family) > 1)
    {
      g_assert_true (rosette_family_remove_tier (family, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_false (rosette_family_remove_tier (family, 0, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 1);

  g_clear_object (&model);
  g_assert_finalize_object (g_steal_pointer (&family));
}

static void
assert_same_family (RosetteFamily *a,
                    RosetteFamily *b)
{
  g_assert_cmpstr (rosette_family_get_name (a), ==, rosette_family_get_name (b));
  g_assert_cmpint (rosette_family_get_kind (a), ==, rosette_family_get_kind (b));
  g_assert_cmpint (rosette_family_get_shape (a), ==, rosette_family_get_shape (b));
  g_assert_cmpstr (rosette_family_get_emblem (a), ==, rosette_family_get_emblem (b));
  g_assert_cmpstr (rosette_family_get_emblem_text (a), ==, rosette_family_get_emblem_text (b));
  g_assert_cmpstr (rosette_family_get_title (a), ==, rosette_family_get_title (b));
  g_assert_cmpstr (rosette_family_get_subtitle (a), ==, rosette_family_get_subtitle (b));
  g_assert_cmpstr (rosette_family_get_field_color (a), ==, rosette_family_get_field_color (b));
  g_assert_cmpstr (rosette_family_get_ribbon_color (a), ==, rosette_family_get_ribbon_color (b));
  g_assert_cmpstr (rosette_family_get_emblem_color (a), ==, rosette_family_get_emblem_color (b));
  g_assert_cmpstr (rosette_family_get_font_family (a), ==, rosette_family_get_font_family (b));
  g_assert_cmpuint (rosette_family_get_font_weight (a), ==, rosette_family_get_font_weight (b));
  g_assert_cmpfloat (rosette_family_get_title_size (a), ==, rosette_family_get_title_size (b));
  g_assert_cmpint (rosette_family_get_title_layout (a), ==, rosette_family_get_title_layout (b));
  g_assert_cmpint (rosette_family_get_show_subtitle (a), ==,
                   rosette_family_get_show_subtitle (b));
  g_assert_cmpint (rosette_family_get_subtitle_layout (a), ==,
                   rosette_family_get_subtitle_layout (b));
  g_assert_cmpfloat (rosette_family_get_rim_width (a), ==, rosette_family_get_rim_width (b));
  g_assert_cmpint (rosette_family_get_shadow (a), ==, rosette_family_get_shadow (b));
  g_assert_cmpint (rosette_family_get_gradient (a), ==, rosette_family_get_gradient (b));
  g_assert_cmpint (rosette_family_get_palette_ramp (a), ==, rosette_family_get_palette_ramp (b));
  g_assert_cmpstr (rosette_family_get_custom_emblem (a), ==,
                   rosette_family_get_custom_emblem (b));

  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    {
      double pa[3];
      double pb[3];

      rosette_family_get_placement (a, e, &pa[0], &pa[1], &pa[2]);
      rosette_family_get_placement (b, e, &pb[0], &pb[1], &pb[2]);
      for (guint k = 0; k < 3; k++)
        g_assert_cmpfloat (pa[k], ==, pb[k]);
    }

  g_assert_cmpuint (rosette_family_get_n_tiers (a), ==, rosette_family_get_n_tiers (b));

  for (guint i = 0; i < rosette_family_get_n_tiers (a); i++)
    {
      RosetteTier *ta = rosette_family_get_tier (a, i);
      RosetteTier *tb = rosette_family_get_tier (b, i);

      g_assert_cmpstr (rosette_tier_get_name (ta), ==, rosette_tier_get_name (tb));
      g_assert_cmpint (rosette_tier_get_metal (ta), ==, rosette_tier_get_metal (tb));
      g_assert_cmpuint (rosette_tier_get_stars (ta), ==, rosette_tier_get_stars (tb));
      g_assert_cmpint (rosette_tier_get_ring_style (ta), ==, rosette_tier_get_ring_style (tb));
      g_assert_cmpint (rosette_tier_get_ornament (ta), ==, rosette_tier_get_ornament (tb));
      g_assert_cmpstr (rosette_tier_get_field_color (ta), ==, rosette_tier_get_field_color (tb));
    }
}

/* A family where every field differs from its template's defaults. */
static RosetteFamily *
make_custom_family (void)
{
  RosetteFamily *family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_RECOGNITION,
                                                            "Kudos «Straße» 🎉");
  g_autoptr(RosetteTier) tier = rosette_tier_new ("Hall of Fame");

  rosette_family_set_kind (family, ROSETTE_BADGE_KIND_LEADERSHIP);
  rosette_family_set_shape (family, ROSETTE_SHAPE_BANNER);
  rosette_family_set_emblem (family, "star-burst");
  rosette_family_set_emblem_text (family, "№1");
  rosette_family_set_title (family, "Thank \"you\" \\ <team>");
  rosette_family_set_subtitle (family, "");
  rosette_family_set_field_color (family, "#0A0B0C");
  rosette_family_set_ribbon_color (family, "#112233");
  rosette_family_set_emblem_color (family, "#F2C94C");
  rosette_family_set_font_family (family, "Cantarell");
  rosette_family_set_font_weight (family, 450);
  rosette_family_set_title_size (family, 30.25);
  rosette_family_set_title_layout (family, ROSETTE_TEXT_LAYOUT_CURVED);
  rosette_family_set_show_subtitle (family, TRUE);
  rosette_family_set_subtitle_layout (family, ROSETTE_TEXT_LAYOUT_STRAIGHT);
  rosette_family_set_rim_width (family, 12.5);
  rosette_family_set_shadow (family, FALSE);
  rosette_family_set_gradient (family, FALSE);
  rosette_family_set_palette_ramp (family, TRUE);
  rosette_family_set_custom_emblem (family,
                                    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                    "viewBox=\"0 0 10 10\"><path d=\"M0 0h10v10z\"/></svg>");
  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, -12.5, 30, 1.25);
  rosette_family_set_placement (family, ROSETTE_ELEMENT_TITLE, 0, 0.1, 0.5);

  rosette_tier_set_field_color (tier, "#334455");
  rosette_tier_set_metal (tier, ROSETTE_METAL_SILVER);
  rosette_tier_set_stars (tier, 0);
  rosette_tier_set_ring_style (tier, ROSETTE_RING_STYLE_DOUBLE);
  rosette_tier_set_ornament (tier, ROSETTE_ORNAMENT_GEMS);
  g_assert_true (rosette_family_insert_tier (family, 3, tier, NULL));
  rosette_tier_set_name (rosette_family_get_tier (family, 0), "Bronze Heart");
  rosette_tier_set_ornament (rosette_family_get_tier (family, 0), ROSETTE_ORNAMENT_RAYS);

  return family;
}

static void
test_round_trip (void)
{
  g_autoptr(RosetteFamily) family = make_custom_family ();
  g_autoptr(RosetteFamily) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  bytes = rosette_family_to_bytes (family);
  text = g_bytes_get_data (bytes, NULL);

  /* Pretty-printed with two spaces, versioned, ends with a newline. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"rosette-family\",\n"));
  g_assert_nonnull (strstr (text, "\n  \"version\" : 2,\n"));
  g_assert_nonnull (strstr (text, "\"palette\" : {\n    \"field\" : \"#0a0b0c\",\n"
                                  "    \"ribbon\" : \"#112233\",\n"
                                  "    \"emblem\" : \"#f2c94c\",\n"
                                  "    \"ramp\" : true\n  }"));
  /* Only the elements that moved are written. */
  g_assert_nonnull (strstr (text, "\"emblem\" : {\n      \"dx\" : -12.5,\n"
                                  "      \"dy\" : 30,\n      \"scale\" : 1.25\n    }"));
  g_assert_null (strstr (text, "\"ring\" : {"));
  g_assert_cmpint (text[g_bytes_get_size (bytes) - 1], ==, '\n');

  loaded = rosette_family_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  assert_same_family (family, loaded);
  g_assert_cmpuint (rosette_family_get_n_tiers (loaded), ==, 4);

  /* Writing what was read gives the same bytes. */
  again = rosette_family_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  g_assert_finalize_object (g_steal_pointer (&loaded));
  g_assert_finalize_object (g_steal_pointer (&family));
}

static void
test_round_trip_templates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_autoptr(RosetteFamily) family = rosette_family_new_from_template (all_kinds[i], NULL);
      g_autoptr(GBytes) bytes = rosette_family_to_bytes (family);
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteFamily) loaded = rosette_family_new_from_bytes (bytes, &error);

      g_assert_no_error (error);
      assert_same_family (family, loaded);
    }
}

/* The hand-written v1 file must read as the template with the format 2
 * defaults (which draw it as version 1 did), and is written back as
 * version 2 meaning the same family. */
static void
test_fixture_v1 (void)
{
  g_autofree char *path = fixture_path ("data-privacy-v1.rosette");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteFamily) loaded = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteFamily) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(JsonParser) expected = json_parser_new ();
  g_autoptr(JsonParser) actual = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *v1;
  JsonObject *v2;
  double dx, dy, scale;

  loaded = rosette_family_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, "Data Privacy");
  assert_same_family (family, loaded);

  /* Migration: every format 2 field has its neutral default. */
  g_assert_cmpstr (rosette_family_get_ribbon_color (loaded), ==, "");
  g_assert_cmpstr (rosette_family_get_emblem_color (loaded), ==, "");
  g_assert_cmpstr (rosette_family_get_font_family (loaded), ==, "");
  g_assert_cmpuint (rosette_family_get_font_weight (loaded), ==, 700);
  g_assert_cmpfloat (rosette_family_get_title_size (loaded), ==, ROSETTE_TITLE_SIZE_AUTO);
  g_assert_cmpint (rosette_family_get_title_layout (loaded), ==, ROSETTE_TEXT_LAYOUT_STRAIGHT);
  g_assert_false (rosette_family_get_show_subtitle (loaded));
  g_assert_cmpfloat (rosette_family_get_rim_width (loaded), ==, 0.0);
  g_assert_true (rosette_family_get_shadow (loaded));
  g_assert_true (rosette_family_get_gradient (loaded));
  g_assert_false (rosette_family_get_palette_ramp (loaded));
  g_assert_null (rosette_family_get_custom_emblem (loaded));
  rosette_family_get_placement (loaded, ROSETTE_ELEMENT_TITLE, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 0.0);
  g_assert_cmpfloat (dy, ==, 0.0);
  g_assert_cmpfloat (scale, ==, 1.0);
  for (guint i = 0; i < rosette_family_get_n_tiers (loaded); i++)
    g_assert_cmpstr (rosette_tier_get_field_color (rosette_family_get_tier (loaded, i)), ==, "");

  /* Saved as version 2: the version 1 keys keep their values. */
  written = rosette_family_to_bytes (loaded);
  json_parser_load_from_file (expected, path, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (actual, g_bytes_get_data (written, NULL),
                              g_bytes_get_size (written), &error);
  g_assert_no_error (error);
  v1 = json_node_get_object (json_parser_get_root (expected));
  v2 = json_node_get_object (json_parser_get_root (actual));
  g_assert_cmpint (json_object_get_int_member (v2, "version"), ==, 2);
  members = json_object_get_members (v1);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (g_str_equal (key, "version"))
        continue;

      if (g_str_equal (key, "palette"))
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (v2, key),
                                                        "field"), ==,
                         json_object_get_string_member (json_object_get_object_member (v1, key),
                                                        "field"));
      else
        g_assert_true (json_node_equal (json_object_get_member (v1, key),
                                        json_object_get_member (v2, key)));
    }

  again = rosette_family_new_from_bytes (written, &error);
  g_assert_no_error (error);
  assert_same_family (loaded, again);
}

/* Unknown keys are ignored; missing optional keys take the defaults. */
static void
test_fixture_minimal (void)
{
  g_autofree char *path = fixture_path ("service-minimal-v1.rosette");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  RosetteTier *tier;

  family = rosette_family_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rosette_family_get_name (family), ==, "Ten Years");
  g_assert_cmpint (rosette_family_get_kind (family), ==, ROSETTE_BADGE_KIND_SERVICE);
  g_assert_cmpint (rosette_family_get_shape (family), ==, ROSETTE_SHAPE_CIRCLE);
  g_assert_cmpstr (rosette_family_get_emblem (family), ==, "years");
  g_assert_cmpstr (rosette_family_get_emblem_text (family), ==, "10");
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Ten Years");
  g_assert_cmpstr (rosette_family_get_subtitle (family), ==, "Years of Service");
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#aa2200");
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 2);

  tier = rosette_family_get_tier (family, 0);
  g_assert_cmpstr (rosette_tier_get_name (tier), ==, "Ten Years");
  g_assert_cmpint (rosette_tier_get_metal (tier), ==, ROSETTE_METAL_BRONZE);
  g_assert_cmpuint (rosette_tier_get_stars (tier), ==, 1);

  tier = rosette_family_get_tier (family, 1);
  g_assert_cmpint (rosette_tier_get_metal (tier), ==, ROSETTE_METAL_PLATINUM);
  g_assert_cmpuint (rosette_tier_get_stars (tier), ==, 0);
  g_assert_cmpint (rosette_tier_get_ring_style (tier), ==, ROSETTE_RING_STYLE_STITCHED);
  g_assert_cmpint (rosette_tier_get_ornament (tier), ==, ROSETTE_ORNAMENT_NONE);

  /* No tiers at all: the template's three. */
  g_clear_object (&family);
  family = family_from_string ("{\"format\":\"rosette-family\",\"version\":1,"
                               "\"name\":\"Go\",\"kind\":\"technical\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 3);
  g_assert_cmpint (rosette_family_get_shape (family), ==, ROSETTE_SHAPE_HEXAGON);
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Go");
  g_clear_object (&family);

  /* A long name without a title gives a shortened title, as templates do. */
  family = family_from_string ("{" HEAD "\"kind\":\"technical\","
                               "\"name\":\"Kubernetes Operations and Site Reliability Engineering "
                               "for Production Platforms\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (rosette_family_get_title (family), -1), <=,
                   ROSETTE_FAMILY_MAX_TITLE_LENGTH);
  g_assert_true (g_str_has_suffix (rosette_family_get_title (family), "…"));
  g_assert_true (g_str_has_prefix (rosette_family_get_title (family), "Kubernetes Operations"));
}

static void
test_save_load_file (void)
{
  g_autoptr(RosetteFamily) family = make_custom_family ();
  g_autoptr(RosetteFamily) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-family-XXXXXX", &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad_dir = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  file = g_file_new_build_filename (dir, "kudos.rosette", NULL);

  g_assert_true (rosette_family_save_to_file (family, file, NULL, &error));
  g_assert_no_error (error);

  /* Saving again replaces the file in place, leaving no backup. */
  rosette_family_set_title (family, "Thanks");
  g_assert_true (rosette_family_save_to_file (family, file, NULL, &error));
  g_assert_no_error (error);
  contents = g_build_filename (dir, "kudos.rosette~", NULL);
  g_assert_false (g_file_test (contents, G_FILE_TEST_EXISTS));

  loaded = rosette_family_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_family (family, loaded);
  g_assert_cmpstr (rosette_family_get_title (loaded), ==, "Thanks");

  /* Not a folder: an I/O error naming the file. */
  bad_dir = g_file_get_child (file, "sub");
  bad_file = g_file_get_child (bad_dir, "x.rosette");
  g_assert_false (rosette_family_save_to_file (family, bad_file, NULL, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.rosette"));
  g_clear_error (&error);

  g_clear_object (&loaded);
  loaded = rosette_family_new_from_file (bad_file, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.rosette"));

  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_load_async (void)
{
  g_autoptr(RosetteFamily) family = make_custom_family ();
  g_autoptr(RosetteFamily) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-family-XXXXXX", &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) text_file = NULL;

  g_assert_no_error (error);
  file = g_file_new_build_filename (dir, "async.rosette", NULL);

  rosette_family_save_to_file_async (family, file, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rosette_family_save_to_file_finish (family, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  rosette_family_new_from_file_async (file, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = rosette_family_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  assert_same_family (family, loaded);
  g_clear_object (&result);

  /* Errors come through the same way, with the file's name. */
  text_file = g_file_new_build_filename (dir, "notes.rosette", NULL);
  g_assert_true (g_file_replace_contents (text_file, "hello", 5, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  rosette_family_new_from_file_async (text_file, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rosette_family_new_from_file_finish (result, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "notes.rosette"));

  g_file_delete (file, NULL, NULL);
  g_file_delete (text_file, NULL, NULL);
  g_rmdir (dir);
}


static void
test_bad_documents (void)
{
  static const struct {
    const char *json;
    int code;
    const char *mention;
  } cases[] = {
    /* Not JSON, or not whole. */
    { "{" HEAD NAME_KIND "\"tiers\":[" TIER ("A"), ROSETTE_ERROR_PARSE, "not valid JSON" },
    { "{\"format\":\"rosette-fam", ROSETTE_ERROR_PARSE, "not valid JSON" },
    { "   ", ROSETTE_ERROR_PARSE, "" },
    { "\xff\xfe{}", ROSETTE_ERROR_PARSE, "UTF-8" },

    /* Not a family. */
    { "[1, 2, 3]", ROSETTE_ERROR_INVALID, "not a Rosette family" },
    { "\"rosette-family\"", ROSETTE_ERROR_INVALID, "not a Rosette family" },
    { "{\"version\":1,\"name\":\"x\",\"kind\":\"service\"}", ROSETTE_ERROR_INVALID,
      "not a Rosette family" },
    { "{\"format\":\"open-badge\",\"version\":1}", ROSETTE_ERROR_INVALID,
      "not a Rosette family" },
    { "{\"format\":1}", ROSETTE_ERROR_INVALID, "not a Rosette family" },

    /* Versions. */
    { "{\"format\":\"rosette-family\",\"version\":7," NAME_KIND "\"x\":0}",
      ROSETTE_ERROR_UNSUPPORTED_VERSION, "format 7" },
    { "{\"format\":\"rosette-family\",\"version\":\"1\"}", ROSETTE_ERROR_INVALID, "“version”" },
    { "{\"format\":\"rosette-family\",\"version\":0}", ROSETTE_ERROR_INVALID, "“version”" },
    { "{\"format\":\"rosette-family\",\"version\":1.5}", ROSETTE_ERROR_INVALID, "“version”" },
    { "{\"format\":\"rosette-family\"}", ROSETTE_ERROR_INVALID, "“version”" },

    /* Required fields and wrong types. */
    { "{" HEAD "\"kind\":\"service\"}", ROSETTE_ERROR_INVALID, "“name”" },
    { "{" HEAD "\"name\":\"x\"}", ROSETTE_ERROR_INVALID, "“kind”" },
    { "{" HEAD "\"name\":42,\"kind\":\"service\"}", ROSETTE_ERROR_INVALID, "“name”" },
    { "{" HEAD "\"name\":\"\",\"kind\":\"service\"}", ROSETTE_ERROR_INVALID, "“name”" },
    { "{" HEAD "\"name\":null,\"kind\":\"service\"}", ROSETTE_ERROR_INVALID, "“name”" },
    { "{" HEAD "\"name\":\"x\",\"kind\":[\"service\"]}", ROSETTE_ERROR_INVALID, "“kind”" },
    { "{" HEAD NAME_KIND "\"title\":{}}", ROSETTE_ERROR_INVALID, "“title”" },
    { "{" HEAD NAME_KIND "\"subtitle\":true}", ROSETTE_ERROR_INVALID, "“subtitle”" },
    { "{" HEAD NAME_KIND "\"emblem-text\":5}", ROSETTE_ERROR_INVALID, "“emblem-text”" },
    { "{" HEAD NAME_KIND "\"tiers\":{\"name\":\"A\"}}", ROSETTE_ERROR_INVALID,
      "“tiers” must be a list" },
    { "{" HEAD NAME_KIND "\"palette\":\"#123456\"}", ROSETTE_ERROR_INVALID, "“palette”" },
    { "{" HEAD NAME_KIND "\"palette\":{\"field\":123456}}", ROSETTE_ERROR_INVALID, "“field”" },

    /* Unknown values. */
    { "{" HEAD "\"name\":\"x\",\"kind\":\"wizardry\"}", ROSETTE_ERROR_INVALID,
      "“kind” must be one of compliance, leadership, technical, onboarding, recognition, "
      "service; found “wizardry”" },
    { "{" HEAD NAME_KIND "\"shape\":\"blob\"}", ROSETTE_ERROR_INVALID, "“shape”" },
    { "{" HEAD NAME_KIND "\"emblem\":\"../../etc/passwd\"}", ROSETTE_ERROR_INVALID,
      "“emblem”" },
    { "{" HEAD NAME_KIND "\"emblem\":\"\"}", ROSETTE_ERROR_INVALID, "“emblem”" },

    /* Lengths and control characters. */
    { "{" HEAD NAME_KIND "\"emblem-text\":\"12345\"}", ROSETTE_ERROR_TOO_LARGE,
      "“emblem-text” is 5 characters long; the longest allowed is 4" },
    { "{" HEAD NAME_KIND "\"title\":\"Line\\nbreak\"}", ROSETTE_ERROR_INVALID, "“title”" },
    { "{" HEAD NAME_KIND "\"title\":\"a\\u0000b\"}", ROSETTE_ERROR_INVALID, "NUL" },
    { "{" HEAD NAME_KIND "\"title\":\"a\\\\u0000b\\u0001\"}", ROSETTE_ERROR_INVALID,
      "“title” must not contain control" },

    /* Colours. */
    { "{" HEAD NAME_KIND "\"palette\":{\"field\":\"red\"}}", ROSETTE_ERROR_INVALID,
      "“field” must be a colour" },
    { "{" HEAD NAME_KIND "\"palette\":{\"field\":\"#12345g\"}}", ROSETTE_ERROR_INVALID,
      "“field”" },
    { "{" HEAD NAME_KIND "\"palette\":{\"field\":\"#1234567\"}}", ROSETTE_ERROR_INVALID,
      "“field”" },
    { "{" HEAD NAME_KIND "\"palette\":{\"field\":\"#fff\"}}", ROSETTE_ERROR_INVALID,
      "“field”" },

    /* Tiers. */
    { "{" HEAD NAME_KIND "\"tiers\":[]}", ROSETTE_ERROR_OUT_OF_RANGE, "found 0" },
    { "{" HEAD NAME_KIND "\"tiers\":[" TIER ("1") "," TIER ("2") "," TIER ("3") "," TIER ("4")
      "," TIER ("5") "," TIER ("6") "," TIER ("7") "]}", ROSETTE_ERROR_OUT_OF_RANGE,
      "found 7" },
    { "{" HEAD NAME_KIND "\"tiers\":[" TIER ("Expert") "," TIER ("expert!") "]}",
      ROSETTE_ERROR_INVALID, "same name" },
    { "{" HEAD NAME_KIND "\"tiers\":[" TIER ("A") ",\"B\"]}", ROSETTE_ERROR_INVALID, "Tier 2" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"metal\":\"gold\"}]}", ROSETTE_ERROR_INVALID,
      "Tier 1: “name” is missing" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"metal\":\"tin\"}]}",
      ROSETTE_ERROR_INVALID, "Tier 1: “metal” must be one of bronze, silver, gold, platinum" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"ring\":\"triple\"}]}",
      ROSETTE_ERROR_INVALID, "“ring”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"ornament\":7}]}",
      ROSETTE_ERROR_INVALID, "“ornament”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"stars\":7}]}",
      ROSETTE_ERROR_OUT_OF_RANGE, "“stars”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"stars\":-1}]}",
      ROSETTE_ERROR_OUT_OF_RANGE, "“stars”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"stars\":2.5}]}",
      ROSETTE_ERROR_INVALID, "“stars”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"stars\":\"3\"}]}",
      ROSETTE_ERROR_INVALID, "“stars”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"A\",\"stars\":99999999999999999999999}]}",
      ROSETTE_ERROR_OUT_OF_RANGE, "“stars”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"\"}]}", ROSETTE_ERROR_INVALID, "“name”" },
    { "{" HEAD NAME_KIND "\"tiers\":[{\"name\":\"" "0123456789012345678901234567890123456789X"
      "\"}]}", ROSETTE_ERROR_TOO_LARGE, "the longest allowed is 40" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteFamily) family = family_from_string (cases[i].json, &error);

      if (g_test_verbose ())
        g_test_message ("%s -> %s", cases[i].json, error ? error->message : "(no error)");

      g_assert_null (family);
      g_assert_error (error, ROSETTE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].mention) == NULL)
        g_error ("“%s”: message “%s” does not mention “%s”",
                 cases[i].json, error->message, cases[i].mention);
    }
}

static char *
document_with_title_of (gsize n_chars)
{
  GString *json = g_string_new ("{" HEAD NAME_KIND "\"title\":\"");

  for (gsize i = 0; i < n_chars; i++)
    g_string_append_c (json, 'T');
  g_string_append (json, "\"}");

  return g_string_free (json, FALSE);
}

static void
test_huge_title (void)
{
  g_autofree char *ten_mb = document_with_title_of (10 * 1024 * 1024);
  g_autofree char *long_title = document_with_title_of (1000);
  g_autofree char *just_fits = document_with_title_of (ROSETTE_FAMILY_MAX_TITLE_LENGTH);
  g_autofree char *one_over = document_with_title_of (ROSETTE_FAMILY_MAX_TITLE_LENGTH + 1);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GError) error = NULL;

  /* 10 MB is refused before parsing, as a whole. */
  family = family_from_string (ten_mb, &error);
  g_assert_null (family);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  family = family_from_string (long_title, &error);
  g_assert_null (family);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“title” is 1000 characters long; the longest allowed is 60");
  g_clear_error (&error);

  family = family_from_string (one_over, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Characters, not bytes, are counted. */
  family = family_from_string (just_fits, &error);
  g_assert_no_error (error);
  g_assert_cmpint (strlen (rosette_family_get_title (family)), ==, 60);
  g_clear_object (&family);

  family = family_from_string ("{" HEAD NAME_KIND "\"title\":\""
                               "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ"
                               "\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (rosette_family_get_title (family), -1), ==, 60);
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  GString *json = g_string_new ("{" HEAD NAME_KIND "\"extra\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  text = g_string_free (json, FALSE);

  family = family_from_string (text, &error);
  g_assert_null (family);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "nested"));
  g_clear_error (&error);

  /* Nesting within the bound, under a key this version ignores, is fine. */
  {
    g_autoptr(GString) ok = g_string_new ("{" HEAD NAME_KIND "\"extra\":");
    g_autoptr(RosetteFamily) loaded = NULL;

    for (guint i = 0; i < 30; i++)
      g_string_append (ok, "[{\"a\":");
    g_string_append (ok, "0");
    for (guint i = 0; i < 30; i++)
      g_string_append (ok, "}]");
    g_string_append_c (ok, '}');

    /* 1 (root) + 60 levels: too deep. */
    loaded = family_from_string (ok->str, &error);
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
    g_clear_error (&error);

    g_string_assign (ok, "{" HEAD NAME_KIND "\"extra\":");
    for (guint i = 0; i < 31; i++)
      g_string_append_c (ok, '[');
    for (guint i = 0; i < 31; i++)
      g_string_append_c (ok, ']');
    g_string_append_c (ok, '}');

    /* 1 (root) + 31 levels: just within the bound of 32. */
    loaded = family_from_string (ok->str, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
  }

  /* Unbalanced, too. */
  text[strlen (text) / 2] = '\0';
  family = family_from_string (text, &error);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
}

static void
test_oversized_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rosette-family-XXXXXX", &error);
  g_autofree char *title = document_with_title_of (ROSETTE_MAX_DOCUMENT_SIZE);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RosetteFamily) family = NULL;

  g_assert_no_error (error);
  file = g_file_new_build_filename (dir, "huge.rosette", NULL);
  g_assert_true (g_file_replace_contents (file, title, strlen (title), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));

  family = rosette_family_new_from_file (file, NULL, &error);
  g_assert_null (family);
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.rosette"));

  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
test_kind_strings (void)
{
  static const char *nicks[] = {
    "compliance", "leadership", "technical", "onboarding", "recognition", "service",
  };
  static const char *display[] = {
    "Compliance", "Leadership", "Technical", "Onboarding", "Recognition", "Years of Service",
  };
  RosetteBadgeKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_assert_cmpstr (rosette_badge_kind_to_string (all_kinds[i]), ==, nicks[i]);
      g_assert_cmpstr (rosette_badge_kind_get_display_name (all_kinds[i]), ==, display[i]);
      g_assert_true (rosette_badge_kind_from_string (nicks[i], &kind));
      g_assert_cmpint (kind, ==, all_kinds[i]);
    }

  g_assert_false (rosette_badge_kind_from_string ("Compliance", &kind));
  g_assert_false (rosette_badge_kind_from_string ("wizardry", &kind));
  g_assert_false (rosette_badge_kind_from_string ("", &kind));
}

/* Public setters refuse bad values without changing anything. */
static void
test_setter_preconditions (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autofree char *long_title = g_strnfill (ROSETTE_FAMILY_MAX_TITLE_LENGTH + 1, 'x');

  if (g_test_subprocess ())
    {
      rosette_family_set_title (family, long_title);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*rosette_family_set_title*");
  g_assert_cmpstr (rosette_family_get_title (family), ==, "Data Privacy");
}

/* A name someone types is checked by the same rules as a file's "name":
 * what passes can be made into a family that saves and loads again. */
static void
test_check_name (void)
{
  g_autofree char *longest = g_strnfill (ROSETTE_FAMILY_MAX_NAME_LENGTH, 'x');
  g_autofree char *too_long = g_strnfill (ROSETTE_FAMILY_MAX_NAME_LENGTH + 1, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteFamily) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (rosette_family_check_name ("Data Privacy", &error));
  g_assert_no_error (error);
  g_assert_true (rosette_family_check_name ("Sécurité des données", &error));
  g_assert_no_error (error);

  g_assert_true (rosette_family_check_name (longest, &error));
  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_TECHNICAL, longest);
  bytes = rosette_family_to_bytes (family);
  loaded = rosette_family_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_family_get_name (loaded), ==, longest);

  g_assert_false (rosette_family_check_name ("", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rosette_family_check_name (too_long, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "121"));
  g_clear_error (&error);

  g_assert_false (rosette_family_check_name ("Two\nlines", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rosette_family_check_name ("bad \xff utf-8", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
}

/* Sets one property through its setter and checks the getter, one
 * "notify::<name>", one "changed", and that the same value again is a
 * no-op. */
#define CHECK_SETTER(family, prop, setter, getter, value, cmp)                 \
  G_STMT_START {                                                               \
    guint notified = 0;                                                        \
    guint changed = 0;                                                         \
    gulong n_id = g_signal_connect (family, "notify::" prop,                   \
                                    G_CALLBACK (count_cb), &notified);         \
    gulong c_id = g_signal_connect (family, "changed",                         \
                                    G_CALLBACK (changed_cb), &changed);        \
    setter (family, value);                                                    \
    cmp (getter (family), ==, value);                                          \
    g_assert_cmpuint (notified, ==, 1);                                        \
    g_assert_cmpuint (changed, ==, 1);                                         \
    setter (family, value);                                                    \
    g_assert_cmpuint (notified, ==, 1);                                        \
    g_assert_cmpuint (changed, ==, 1);                                         \
    g_signal_handler_disconnect (family, n_id);                                \
    g_signal_handler_disconnect (family, c_id);                                \
  } G_STMT_END

static void
test_designer_properties (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autofree char *font = NULL;
  guint weight = 0;

  /* The defaults draw a family as version 1 did. */
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "");
  g_assert_cmpstr (rosette_family_get_emblem_color (family), ==, "");
  g_assert_cmpstr (rosette_family_get_font_family (family), ==, "");
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 700);
  g_assert_cmpfloat (rosette_family_get_title_size (family), ==, ROSETTE_TITLE_SIZE_AUTO);
  g_assert_cmpint (rosette_family_get_title_layout (family), ==, ROSETTE_TEXT_LAYOUT_STRAIGHT);
  g_assert_false (rosette_family_get_show_subtitle (family));
  g_assert_cmpfloat (rosette_family_get_rim_width (family), ==, ROSETTE_RIM_WIDTH_DEFAULT);
  g_assert_true (rosette_family_get_shadow (family));
  g_assert_true (rosette_family_get_gradient (family));
  g_assert_false (rosette_family_get_palette_ramp (family));
  g_assert_null (rosette_family_get_custom_emblem (family));

  CHECK_SETTER (family, "ribbon-color", rosette_family_set_ribbon_color,
                rosette_family_get_ribbon_color, "#123456", g_assert_cmpstr);
  CHECK_SETTER (family, "ribbon-color", rosette_family_set_ribbon_color,
                rosette_family_get_ribbon_color, "", g_assert_cmpstr);
  CHECK_SETTER (family, "emblem-color", rosette_family_set_emblem_color,
                rosette_family_get_emblem_color, "#fedcba", g_assert_cmpstr);
  CHECK_SETTER (family, "font-family", rosette_family_set_font_family,
                rosette_family_get_font_family, "Noto Serif Display", g_assert_cmpstr);
  CHECK_SETTER (family, "font-weight", rosette_family_set_font_weight,
                rosette_family_get_font_weight, 300, g_assert_cmpuint);
  CHECK_SETTER (family, "title-size", rosette_family_set_title_size,
                rosette_family_get_title_size, 40.5, g_assert_cmpfloat);
  CHECK_SETTER (family, "title-size", rosette_family_set_title_size,
                rosette_family_get_title_size, ROSETTE_TITLE_SIZE_AUTO, g_assert_cmpfloat);
  CHECK_SETTER (family, "title-layout", rosette_family_set_title_layout,
                rosette_family_get_title_layout, ROSETTE_TEXT_LAYOUT_CURVED, g_assert_cmpint);
  CHECK_SETTER (family, "show-subtitle", rosette_family_set_show_subtitle,
                rosette_family_get_show_subtitle, TRUE, g_assert_cmpint);
  CHECK_SETTER (family, "subtitle-layout", rosette_family_set_subtitle_layout,
                rosette_family_get_subtitle_layout, ROSETTE_TEXT_LAYOUT_STRAIGHT,
                g_assert_cmpint);
  CHECK_SETTER (family, "rim-width", rosette_family_set_rim_width,
                rosette_family_get_rim_width, ROSETTE_RIM_WIDTH_MAX, g_assert_cmpfloat);
  CHECK_SETTER (family, "shadow", rosette_family_set_shadow,
                rosette_family_get_shadow, FALSE, g_assert_cmpint);
  CHECK_SETTER (family, "gradient", rosette_family_set_gradient,
                rosette_family_get_gradient, FALSE, g_assert_cmpint);
  CHECK_SETTER (family, "palette-ramp", rosette_family_set_palette_ramp,
                rosette_family_get_palette_ramp, TRUE, g_assert_cmpint);
  CHECK_SETTER (family, "custom-emblem", rosette_family_set_custom_emblem,
                rosette_family_get_custom_emblem, "<svg/>", g_assert_cmpstr);

  /* Colours are kept in lower case; "" removes the imported emblem. */
  rosette_family_set_emblem_color (family, "#ABCDEF");
  g_assert_cmpstr (rosette_family_get_emblem_color (family), ==, "#abcdef");
  rosette_family_set_custom_emblem (family, "");
  g_assert_null (rosette_family_get_custom_emblem (family));

  /* The properties work through GObject as well (for bindings). */
  g_object_set (family, "font-family", "Cantarell", "font-weight", 500, NULL);
  g_object_get (family, "font-family", &font, "font-weight", &weight, NULL);
  g_assert_cmpstr (font, ==, "Cantarell");
  g_assert_cmpuint (weight, ==, 500);

  g_assert_finalize_object (g_steal_pointer (&family));
}

static void
test_designer_invalid (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autofree char *huge = g_strnfill (ROSETTE_FAMILY_MAX_CUSTOM_EMBLEM_SIZE + 1, ' ');
  g_autofree char *long_font = g_strnfill (ROSETTE_FAMILY_MAX_FONT_LENGTH + 1, 'f');
  guint changed = 0;

  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);

  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*ribbon_color*");
  rosette_family_set_ribbon_color (family, "red");
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*emblem_color*");
  rosette_family_set_emblem_color (family, "#12345");
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*font_family*");
  rosette_family_set_font_family (family, long_font);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*font_family*");
  rosette_family_set_font_family (family, "Sans\"/><script>");
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*font_family*");
  rosette_family_set_font_family (family, "Sans\n");
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*font_weight*");
  rosette_family_set_font_weight (family, 50);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*font_weight*");
  rosette_family_set_font_weight (family, 1000);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*title_size*");
  rosette_family_set_title_size (family, 6.0);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*title_size*");
  rosette_family_set_title_size (family, 65.0);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*rim_width*");
  rosette_family_set_rim_width (family, -1.0);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*rim_width*");
  rosette_family_set_rim_width (family, ROSETTE_RIM_WIDTH_MAX + 0.5);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*title_layout*");
  rosette_family_set_title_layout (family, 7);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*custom_emblem*");
  rosette_family_set_custom_emblem (family, huge);
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*custom_emblem*");
  rosette_family_set_custom_emblem (family, "<svg>\xff</svg>");
  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*field_color*");
  rosette_tier_set_field_color (rosette_family_get_tier (family, 0), "blue");
  g_test_assert_expected_messages ();

  /* Nothing changed. */
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "");
  g_assert_cmpstr (rosette_family_get_font_family (family), ==, "");
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 700);
  g_assert_cmpfloat (rosette_family_get_rim_width (family), ==, 0.0);
  g_assert_null (rosette_family_get_custom_emblem (family));
}

static void
test_placements (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GVariant) placements = NULL;
  guint notified = 0;
  guint changed = 0;
  double dx, dy, scale;

  g_signal_connect (family, "notify::placements", G_CALLBACK (count_cb), &notified);
  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);

  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    {
      rosette_family_get_placement (family, e, &dx, &dy, &scale);
      g_assert_cmpfloat (dx, ==, 0.0);
      g_assert_cmpfloat (dy, ==, 0.0);
      g_assert_cmpfloat (scale, ==, 1.0);
    }

  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, 10.0, -20.0, 1.5);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 10.0);
  g_assert_cmpfloat (dy, ==, -20.0);
  g_assert_cmpfloat (scale, ==, 1.5);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* Only that element moved. */
  rosette_family_get_placement (family, ROSETTE_ELEMENT_TITLE, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 0.0);
  g_object_get (family, "placements", &placements, NULL);
  g_assert_cmpuint (g_variant_n_children (placements), ==, 1);
  g_assert_true (g_variant_lookup (placements, "emblem", "(ddd)", &dx, &dy, &scale));
  g_assert_cmpfloat (scale, ==, 1.5);

  /* The same placement again is not a change. */
  rosette_family_set_placement (family, ROSETTE_ELEMENT_EMBLEM, 10.0, -20.0, 1.5);
  g_assert_cmpuint (changed, ==, 1);

  /* A drag overshooting is clamped, not refused; NaN is the default. */
  rosette_family_set_placement (family, ROSETTE_ELEMENT_RIBBON, 999.0, -999.0, 9.0);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_RIBBON, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, ROSETTE_PLACEMENT_MAX_OFFSET);
  g_assert_cmpfloat (dy, ==, -ROSETTE_PLACEMENT_MAX_OFFSET);
  g_assert_cmpfloat (scale, ==, ROSETTE_PLACEMENT_MAX_SCALE);
  rosette_family_set_placement (family, ROSETTE_ELEMENT_STARS, NAN, 0.0, 0.1);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_STARS, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 0.0);
  g_assert_cmpfloat (scale, ==, ROSETTE_PLACEMENT_MIN_SCALE);
  g_assert_cmpuint (changed, ==, 3);

  g_test_expect_message ("Rosette", G_LOG_LEVEL_CRITICAL, "*element*");
  rosette_family_set_placement (family, ROSETTE_N_ELEMENTS, 1.0, 1.0, 1.0);
  g_test_assert_expected_messages ();

  rosette_family_reset_placements (family);
  g_assert_cmpuint (changed, ==, 4);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, 0.0);
  g_assert_cmpfloat (scale, ==, 1.0);
  rosette_family_reset_placements (family);
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_tier_field_color (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  RosetteTier *tier = rosette_family_get_tier (family, 2);
  g_autoptr(RosetteTier) copy = NULL;
  guint notified = 0;
  guint changed = 0;

  g_assert_cmpstr (rosette_tier_get_field_color (tier), ==, "");
  g_signal_connect (tier, "notify::field-color", G_CALLBACK (count_cb), &notified);
  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);

  rosette_tier_set_field_color (tier, "#AA0011");
  g_assert_cmpstr (rosette_tier_get_field_color (tier), ==, "#aa0011");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  rosette_tier_set_field_color (tier, "#aa0011");
  g_assert_cmpuint (notified, ==, 1);

  copy = rosette_tier_copy (tier);
  g_assert_cmpstr (rosette_tier_get_field_color (copy), ==, "#aa0011");

  rosette_tier_set_field_color (tier, "");
  g_assert_cmpstr (rosette_tier_get_field_color (tier), ==, "");
  g_assert_cmpuint (changed, ==, 2);
}

/* Every format 2 field, written by hand: read as written, and written
 * back byte for byte. */
static void
test_fixture_v2 (void)
{
  g_autofree char *path = fixture_path ("awards-v2.rosette");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  double dx, dy, scale;

  family = rosette_family_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rosette_family_get_emblem (family), ==, ROSETTE_FAMILY_CUSTOM_EMBLEM);
  g_assert_cmpstr (rosette_family_get_field_color (family), ==, "#4a2574");
  g_assert_cmpstr (rosette_family_get_ribbon_color (family), ==, "#331952");
  g_assert_cmpstr (rosette_family_get_emblem_color (family), ==, "#f2c94c");
  g_assert_true (rosette_family_get_palette_ramp (family));
  g_assert_cmpstr (rosette_family_get_font_family (family), ==, "Cantarell");
  g_assert_cmpuint (rosette_family_get_font_weight (family), ==, 600);
  g_assert_cmpfloat (rosette_family_get_title_size (family), ==, 28.5);
  g_assert_cmpint (rosette_family_get_title_layout (family), ==, ROSETTE_TEXT_LAYOUT_CURVED);
  g_assert_true (rosette_family_get_show_subtitle (family));
  g_assert_cmpint (rosette_family_get_subtitle_layout (family), ==,
                   ROSETTE_TEXT_LAYOUT_STRAIGHT);
  g_assert_cmpfloat (rosette_family_get_rim_width (family), ==, 14.0);
  g_assert_false (rosette_family_get_shadow (family));
  g_assert_false (rosette_family_get_gradient (family));
  g_assert_true (g_str_has_prefix (rosette_family_get_custom_emblem (family), "<svg "));
  rosette_family_get_placement (family, ROSETTE_ELEMENT_EMBLEM, &dx, &dy, &scale);
  g_assert_cmpfloat (dx, ==, -10.0);
  g_assert_cmpfloat (dy, ==, 24.5);
  g_assert_cmpfloat (scale, ==, 1.5);
  rosette_family_get_placement (family, ROSETTE_ELEMENT_TITLE, &dx, &dy, &scale);
  g_assert_cmpfloat (dy, ==, -8.0);
  g_assert_cmpfloat (scale, ==, 0.75);
  g_assert_cmpstr (rosette_tier_get_field_color (rosette_family_get_tier (family, 0)), ==, "");
  g_assert_cmpstr (rosette_tier_get_field_color (rosette_family_get_tier (family, 2)), ==,
                   "#7a1f2b");

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  written = rosette_family_to_bytes (family);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   contents, length);
}

static void
test_bad_v2_documents (void)
{
  static const struct {
    const char *json;
    int code;
    const char *fragment;
  } cases[] = {
    { "\"palette\":{\"ribbon\":\"navy\"}", ROSETTE_ERROR_INVALID, "“ribbon”" },
    { "\"palette\":{\"ramp\":\"yes\"}", ROSETTE_ERROR_INVALID, "“ramp”" },
    { "\"text\":[]", ROSETTE_ERROR_INVALID, "“text”" },
    { "\"text\":{\"weight\":50}", ROSETTE_ERROR_OUT_OF_RANGE, "“weight”" },
    { "\"text\":{\"weight\":450.5}", ROSETTE_ERROR_INVALID, "“weight”" },
    { "\"text\":{\"title-size\":8}", ROSETTE_ERROR_OUT_OF_RANGE, "“title-size”" },
    { "\"text\":{\"title-layout\":\"wavy\"}", ROSETTE_ERROR_INVALID, "“title-layout”" },
    { "\"text\":{\"font\":\"A<b>\"}", ROSETTE_ERROR_INVALID, "“font”" },
    { "\"text\":{\"show-subtitle\":1}", ROSETTE_ERROR_INVALID, "“show-subtitle”" },
    { "\"effects\":{\"rim-width\":41}", ROSETTE_ERROR_OUT_OF_RANGE, "“rim-width”" },
    { "\"effects\":{\"shadow\":null}", ROSETTE_ERROR_INVALID, "“shadow”" },
    { "\"custom-emblem\":7", ROSETTE_ERROR_INVALID, "“custom-emblem”" },
    { "\"placements\":{\"emblem\":{\"scale\":3}}", ROSETTE_ERROR_OUT_OF_RANGE, "“scale”" },
    { "\"placements\":{\"title\":{\"dx\":\"left\"}}", ROSETTE_ERROR_INVALID, "“dx”" },
    { "\"placements\":{\"title\":5}", ROSETTE_ERROR_INVALID, "placement" },
    { "\"tiers\":[{\"name\":\"A\",\"field-color\":\"#12\"}]", ROSETTE_ERROR_INVALID,
      "“field-color”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\":\"rosette-family\",\"version\":2,"
                                               NAME_KIND "%s}", cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(RosetteFamily) family = family_from_string (json, &error);

      g_test_message ("%s", json);
      g_assert_null (family);
      g_assert_error (error, ROSETTE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }

  /* Unknown elements in "placements" are ignored, like other new keys;
   * a version 3 file is refused as before. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RosetteFamily) family =
      family_from_string ("{\"format\":\"rosette-family\",\"version\":2," NAME_KIND
                          "\"placements\":{\"sparkles\":{\"dx\":1}}}", &error);

    g_assert_no_error (error);
    g_assert_nonnull (family);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RosetteFamily) family =
      family_from_string ("{\"format\":\"rosette-family\",\"version\":3," NAME_KIND
                          "\"tiers\":[]}", &error);

    g_assert_null (family);
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_UNSUPPORTED_VERSION);
  }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->count++;
}

static void
test_restore (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteFamily) other = make_custom_family ();
  g_autoptr(RosetteTier) old_tier = g_object_ref (rosette_family_get_tier (family, 0));
  g_autoptr(GBytes) before = rosette_family_to_bytes (family);
  g_autoptr(GBytes) target = rosette_family_to_bytes (other);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"format\":", 10);
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0, };
  guint changed = 0;
  guint name_notified = 0;

  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);
  g_signal_connect (family, "notify::name", G_CALLBACK (count_cb), &name_notified);
  g_signal_connect (rosette_family_get_tiers (family), "items-changed",
                    G_CALLBACK (items_changed_cb), &record);

  /* A document that does not read changes nothing. */
  g_assert_false (rosette_family_restore (family, broken, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE);
  g_clear_error (&error);
  after = rosette_family_to_bytes (family);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (record.count, ==, 0);

  /* Everything is replaced in place, with one "changed" and one change
   * of the tiers list. */
  g_assert_true (rosette_family_restore (family, target, &error));
  g_assert_no_error (error);
  assert_same_family (other, family);
  after = rosette_family_to_bytes (family);
  g_assert_true (g_bytes_equal (target, after));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (name_notified, ==, 1);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 3);
  g_assert_cmpuint (record.added, ==, 4);
  g_assert_true (rosette_family_get_tier (family, 0) != old_tier);

  /* The new tiers are watched, the old one no longer is. */
  rosette_tier_set_stars (old_tier, 6);
  g_assert_cmpuint (changed, ==, 1);
  rosette_tier_set_stars (rosette_family_get_tier (family, 0), 6);
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_tier_operations (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  RosetteTier *expert = rosette_family_get_tier (family, 2);
  ItemsChanged record = { 0, };
  guint changed = 0;

  g_signal_connect (family, "changed", G_CALLBACK (changed_cb), &changed);
  g_signal_connect (rosette_family_get_tiers (family), "items-changed",
                    G_CALLBACK (items_changed_cb), &record);

  /* add_tier gives the new tier the cues of its rank. */
  g_assert_true (rosette_family_add_tier (family, "Master", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, 4);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 3)), ==, "Master");
  g_assert_cmpint (rosette_tier_get_metal (rosette_family_get_tier (family, 3)), ==,
                   ROSETTE_METAL_PLATINUM);
  g_assert_cmpuint (rosette_tier_get_stars (rosette_family_get_tier (family, 3)), ==, 4);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_false (rosette_family_add_tier (family, "master!", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_family_add_tier (family, "", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rosette_family_add_tier (family, "Grand Master", NULL));
  g_assert_true (rosette_family_add_tier (family, "Legend", NULL));
  g_assert_false (rosette_family_add_tier (family, "Myth", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_cmpuint (rosette_family_get_n_tiers (family), ==, ROSETTE_FAMILY_MAX_TIERS);

  /* move_tier: one change of the list; cues move with the tier. */
  record.count = 0;
  changed = 0;
  g_assert_true (rosette_family_move_tier (family, 2, 0, &error));
  g_assert_no_error (error);
  g_assert_true (rosette_family_get_tier (family, 0) == expert);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 1)), ==,
                   "Foundation");
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 2)), ==,
                   "Practitioner");
  g_assert_cmpint (rosette_tier_get_metal (expert), ==, ROSETTE_METAL_GOLD);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 3);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (rosette_family_move_tier (family, 0, 5, NULL));
  g_assert_true (rosette_family_get_tier (family, 5) == expert);
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 0)), ==,
                   "Foundation");
  g_assert_cmpstr (rosette_tier_get_name (rosette_family_get_tier (family, 4)), ==, "Legend");
  g_assert_true (rosette_family_move_tier (family, 3, 3, NULL));
  g_assert_false (rosette_family_move_tier (family, 6, 0, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* rename_tier checks length, control characters and slugs. */
  g_assert_true (rosette_family_rename_tier (family, 5, "Expert Plus", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_tier_get_name (expert), ==, "Expert Plus");
  /* Its own name in another case is fine. */
  g_assert_true (rosette_family_rename_tier (family, 5, "expert plus", &error));
  g_assert_false (rosette_family_rename_tier (family, 5, "LEGEND", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i <= ROSETTE_TIER_MAX_NAME_LENGTH; i++)
    g_string_append (long_name, "é");
  g_assert_false (rosette_family_rename_tier (family, 5, long_name->str, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (rosette_family_rename_tier (family, 5, "Two\nlines", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rosette_family_rename_tier (family, 9, "Nine", &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_cmpstr (rosette_tier_get_name (expert), ==, "expert plus");

  /* Down to one tier, and no further. */
  while (rosette_family_get_n_tiers (family) > 1)
    g_assert_true (rosette_family_remove_tier (family, 0, NULL));
  g_assert_false (rosette_family_remove_tier (family, 0, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_changed_cb (RosetteFamily *family,
                  guint         *count)
{
  (*count)++;
}

static void
test_achievement_defaults (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE,
                                                                      "Data Privacy");
  g_autoptr(RosetteFamily) leadership = rosette_family_new_from_template (ROSETTE_BADGE_KIND_LEADERSHIP,
                                                                          "Team Leads");
  const char *name, *url, *framework, *code;

  /* Templates can issue at once: their criteria name the family. */
  g_assert_cmpstr (rosette_family_get_criteria (family), ==,
                   "Completed the Data Privacy training and passed its assessment.");
  g_assert_nonnull (strstr (rosette_family_get_criteria (leadership), "Team Leads"));
  g_assert_cmpstr (rosette_family_get_criteria (leadership), !=, rosette_family_get_criteria (family));
  g_assert_cmpstr (rosette_family_get_description (family), ==, "");
  g_assert_cmpstr (rosette_family_get_achievement_type (family), ==, "Badge");
  g_assert_cmpstr (rosette_family_get_criteria_url (family), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) rosette_family_get_tags (family)), ==, 0);
  rosette_family_get_alignment (family, &name, &url, &framework, &code);
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpstr (url, ==, "");
  g_assert_cmpstr (framework, ==, "");
  g_assert_cmpstr (code, ==, "");

  /* A tier without its own criteria uses the family's. */
  g_assert_cmpstr (rosette_tier_get_criteria (rosette_family_get_tier (family, 0)), ==, "");
  g_assert_cmpstr (rosette_family_get_tier_criteria (family, rosette_family_get_tier (family, 0)), ==,
                   rosette_family_get_criteria (family));
}

static void
test_achievement_round_trip (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_TECHNICAL,
                                                                      "Cloud");
  g_autoptr(RosetteFamily) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "cloud", "AWS", NULL };
  const char *name, *url, *framework, *code;
  RosetteTier *expert;

  rosette_family_set_description (family, "Cloud engineering,\nat three levels.");
  rosette_family_set_criteria (family, "1. Pass the **labs**\n2. Pass the exam");
  rosette_family_set_criteria_url (family, "https://acme.example/cloud");
  rosette_family_set_achievement_type (family, "Certificate");
  rosette_family_set_tags (family, tags);
  rosette_family_set_alignment (family, "Cloud computing", "https://esco.example/s/1", "ESCO", "S1.2");
  expert = rosette_family_get_tier (family, 2);
  rosette_tier_set_criteria (expert, "Led a migration.");

  bytes = rosette_family_to_bytes (family);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"achievement\""));
  back = rosette_family_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rosette_family_get_description (back), ==, "Cloud engineering,\nat three levels.");
  g_assert_cmpstr (rosette_family_get_criteria (back), ==, "1. Pass the **labs**\n2. Pass the exam");
  g_assert_cmpstr (rosette_family_get_criteria_url (back), ==, "https://acme.example/cloud");
  g_assert_cmpstr (rosette_family_get_achievement_type (back), ==, "Certificate");
  g_assert_true (g_strv_equal (rosette_family_get_tags (back), tags));
  rosette_family_get_alignment (back, &name, &url, &framework, &code);
  g_assert_cmpstr (name, ==, "Cloud computing");
  g_assert_cmpstr (url, ==, "https://esco.example/s/1");
  g_assert_cmpstr (framework, ==, "ESCO");
  g_assert_cmpstr (code, ==, "S1.2");
  g_assert_cmpstr (rosette_tier_get_criteria (rosette_family_get_tier (back, 2)), ==, "Led a migration.");
  g_assert_cmpstr (rosette_family_get_tier_criteria (back, rosette_family_get_tier (back, 2)), ==,
                   "Led a migration.");
  g_assert_cmpstr (rosette_family_get_tier_criteria (back, rosette_family_get_tier (back, 0)), ==,
                   "1. Pass the **labs**\n2. Pass the exam");

  /* Written again, byte for byte the same. */
  again = rosette_family_to_bytes (back);
  g_assert_true (g_bytes_equal (bytes, again));

  /* An emptied criteria is kept empty (the family cannot issue). */
  rosette_family_set_criteria (back, "");
  g_clear_pointer (&again, g_bytes_unref);
  again = rosette_family_to_bytes (back);
  g_clear_object (&family);
  family = rosette_family_new_from_bytes (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rosette_family_get_criteria (family), ==, "");
}

static void
test_achievement_old_documents (void)
{
  g_autofree char *path = fixture_path ("data-privacy-v1.rosette");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(RosetteFamily) template = NULL;
  g_autoptr(GError) error = NULL;

  /* No "achievement" block: the kind's defaults, for the file's name. */
  family = rosette_family_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  template = rosette_family_new_from_template (rosette_family_get_kind (family),
                                               rosette_family_get_name (family));
  g_assert_cmpstr (rosette_family_get_criteria (family), !=, "");
  g_assert_cmpstr (rosette_family_get_criteria (family), ==, rosette_family_get_criteria (template));
  g_assert_cmpstr (rosette_family_get_achievement_type (family), ==, "Badge");

  /* A family that only has the defaults writes no block. */
  {
    g_autoptr(GBytes) bytes = rosette_family_to_bytes (template);

    g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"achievement\""));
  }
}

static void
test_achievement_bounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *too_long = NULL;
  static const struct {
    const char *json;
    int code;
    const char *fragment;
  } cases[] = {
    { "\"achievement\":[]", ROSETTE_ERROR_INVALID, "“achievement”" },
    { "\"achievement\":{\"criteria\":7}", ROSETTE_ERROR_INVALID, "“criteria”" },
    { "\"achievement\":{\"type\":\"Trophy\"}", ROSETTE_ERROR_INVALID, "achievement-type" },
    { "\"achievement\":{\"criteria-url\":\"ftp://x\"}", ROSETTE_ERROR_INVALID, "criteria-url" },
    { "\"achievement\":{\"tags\":\"a\"}", ROSETTE_ERROR_INVALID, "“tags”" },
    { "\"achievement\":{\"tags\":[\"a,b\"]}", ROSETTE_ERROR_INVALID, "comma" },
    { "\"achievement\":{\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\","
      "\"12\",\"13\",\"14\",\"15\",\"16\",\"17\"]}", ROSETTE_ERROR_TOO_LARGE, "“tags”" },
    { "\"achievement\":{\"alignment\":{\"url\":\"nope\"}}", ROSETTE_ERROR_INVALID, "alignment.url" },
    { "\"achievement\":{\"description\":\"a\\u0007b\"}", ROSETTE_ERROR_INVALID, "control" },
    { "\"tiers\":[{\"name\":\"A\",\"criteria\":[]}]", ROSETTE_ERROR_INVALID, "“criteria”" },
  };

  for (guint i = 0; i < ROSETTE_FAMILY_MAX_CRITERIA_LENGTH; i++)
    g_string_append_c (longest, i % 50 == 49 ? '\n' : 'x');
  g_assert_true (rosette_family_check_achievement_text ("criteria", longest->str, &error));
  g_assert_no_error (error);
  too_long = g_strconcat (longest->str, "x", NULL);
  g_assert_false (rosette_family_check_achievement_text ("criteria", too_long, &error));
  g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  {
    g_autoptr(RosetteFamily) family = rosette_family_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(RosetteFamily) back = NULL;

    rosette_family_set_criteria (family, longest->str);
    bytes = rosette_family_to_bytes (family);
    back = rosette_family_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rosette_family_get_criteria (back), ==, longest->str);
  }

  {
    g_autofree char *json = g_strdup_printf ("{\"format\":\"rosette-family\",\"version\":2,"
                                             "\"name\":\"N\",\"kind\":\"technical\","
                                             "\"achievement\":{\"criteria\":\"%s\"}}", too_long);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(RosetteFamily) family = NULL;

    /* JSON cannot carry raw newlines in a string. */
    g_strdelimit (json + 100, "\n", 'y');
    bytes = g_bytes_new (json, strlen (json));
    family = rosette_family_new_from_bytes (bytes, &error);
    g_assert_null (family);
    g_assert_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\":\"rosette-family\",\"version\":2,"
                                               "\"name\":\"N\",\"kind\":\"technical\",%s}",
                                               cases[i].json);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(RosetteFamily) family = rosette_family_new_from_bytes (bytes, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (family);
      g_assert_error (error, ROSETTE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
      g_clear_error (&error);
    }
}

static void
test_achievement_notify (void)
{
  g_autoptr(RosetteFamily) family = rosette_family_new ();
  g_autoptr(RosetteHistory) history = rosette_history_new (family);
  g_autofree char *original = g_strdup (rosette_family_get_criteria (family));
  guint notified = 0;
  guint changed = 0;

  g_signal_connect (family, "notify::criteria", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (family, "changed", G_CALLBACK (count_changed_cb), &changed);

  rosette_family_set_criteria (family, "Attended the workshop.");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  rosette_family_set_criteria (family, "Attended the workshop.");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  /* A history step ends when the main loop goes idle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* A tier's criteria change the family too. */
  rosette_tier_set_criteria (rosette_family_get_tier (family, 1), "Ran a workshop.");
  g_assert_cmpuint (changed, ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Undo goes through the history's snapshots of the document. */
  g_assert_true (rosette_history_get_can_undo (history));
  rosette_history_undo (history);
  g_assert_cmpstr (rosette_tier_get_criteria (rosette_family_get_tier (family, 1)), ==, "");
  g_assert_cmpstr (rosette_family_get_criteria (family), ==, "Attended the workshop.");
  rosette_history_undo (history);
  g_assert_cmpstr (rosette_family_get_criteria (family), ==, original);
  rosette_history_redo (history);
  g_assert_cmpstr (rosette_family_get_criteria (family), ==, "Attended the workshop.");

  /* Properties work through GObject too. */
  g_object_set (family, "achievement-type", "Competency", "alignment-name", "Facilitation", NULL);
  g_assert_cmpstr (rosette_family_get_achievement_type (family), ==, "Competency");
  {
    const char *name;

    rosette_family_get_alignment (family, &name, NULL, NULL, NULL);
    g_assert_cmpstr (name, ==, "Facilitation");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rosette/family/templates", test_templates);
  g_test_add_func ("/rosette/family/templates-distinct", test_templates_distinct);
  g_test_add_func ("/rosette/family/template-names", test_template_names);
  g_test_add_func ("/rosette/family/tier-ranks", test_tier_ranks);
  g_test_add_func ("/rosette/family/tier-notify", test_tier_notify);
  g_test_add_func ("/rosette/family/changed-signal", test_changed_signal);
  g_test_add_func ("/rosette/family/tiers-list", test_tiers_list);
  g_test_add_func ("/rosette/family/round-trip", test_round_trip);
  g_test_add_func ("/rosette/family/round-trip-templates", test_round_trip_templates);
  g_test_add_func ("/rosette/family/fixture-v1", test_fixture_v1);
  g_test_add_func ("/rosette/family/fixture-minimal", test_fixture_minimal);
  g_test_add_func ("/rosette/family/save-load-file", test_save_load_file);
  g_test_add_func ("/rosette/family/save-load-async", test_save_load_async);
  g_test_add_func ("/rosette/family/bad-documents", test_bad_documents);
  g_test_add_func ("/rosette/family/huge-title", test_huge_title);
  g_test_add_func ("/rosette/family/deep-nesting", test_deep_nesting);
  g_test_add_func ("/rosette/family/oversized-file", test_oversized_file);
  g_test_add_func ("/rosette/family/kind-strings", test_kind_strings);
  g_test_add_func ("/rosette/family/check-name", test_check_name);
  g_test_add_func ("/rosette/family/setter-preconditions", test_setter_preconditions);
  g_test_add_func ("/rosette/family/designer-properties", test_designer_properties);
  g_test_add_func ("/rosette/family/designer-invalid", test_designer_invalid);
  g_test_add_func ("/rosette/family/placements", test_placements);
  g_test_add_func ("/rosette/family/tier-field-color", test_tier_field_color);
  g_test_add_func ("/rosette/family/fixture-v2", test_fixture_v2);
  g_test_add_func ("/rosette/family/bad-v2-documents", test_bad_v2_documents);
  g_test_add_func ("/rosette/family/restore", test_restore);
  g_test_add_func ("/rosette/family/tier-operations", test_tier_operations);
  g_test_add_func ("/rosette/family/achievement-defaults", test_achievement_defaults);
  g_test_add_func ("/rosette/family/achievement-round-trip", test_achievement_round_trip);
  g_test_add_func ("/rosette/family/achievement-old-documents", test_achievement_old_documents);
  g_test_add_func ("/rosette/family/achievement-bounds", test_achievement_bounds);
  g_test_add_func ("/rosette/family/achievement-notify", test_achievement_notify);

  return g_test_run ();
}
