/* test-family.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
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
          gpointer  pspec_or_null,
          guint    *count)
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

  g_signal_connect (family, "changed", G_CALLBACK (count_cb), &changed);

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
  g_assert_nonnull (strstr (text, "\n  \"version\" : 1,\n"));
  g_assert_nonnull (strstr (text, "\"palette\" : {\n    \"field\" : \"#0a0b0c\"\n  }"));
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

/* The hand-written v1 file must read as the template, and what we write
 * must mean the same JSON: catches drift in the format. */
static void
test_fixture_v1 (void)
{
  g_autofree char *path = fixture_path ("data-privacy-v1.rosette");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RosetteFamily) loaded = NULL;
  g_autoptr(RosetteFamily) family = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(JsonParser) expected = json_parser_new ();
  g_autoptr(JsonParser) actual = json_parser_new ();
  g_autoptr(GError) error = NULL;

  loaded = rosette_family_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  family = rosette_family_new_from_template (ROSETTE_BADGE_KIND_COMPLIANCE, "Data Privacy");
  assert_same_family (family, loaded);

  written = rosette_family_to_bytes (family);
  json_parser_load_from_file (expected, path, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (actual, g_bytes_get_data (written, NULL),
                              g_bytes_get_size (written), &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_parser_get_root (expected),
                                  json_parser_get_root (actual)));
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

  return g_test_run ();
}
