/* rosette-public-pages.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The HTML pages Rosette publishes beside the machine-readable files:
 *
 *   - criteria/<family>.html: one page per badge family with a section per
 *     tier (id="<tier>" so "criteria/<family>.html#<tier>" links to it):
 *     the badge image, the criteria (Markdown rendered by cmark, raw HTML
 *     and unsafe links dropped) and how to earn it (the pathways that lead
 *     to it, see rosette_pathway_dup_how_to_earn());
 *   - the page that replaces a hosted credential's verification page once
 *     the credential is revoked or superseded (rosette-hosted.c).
 *
 * Everything from the registry is escaped; the pages carry no script.
 */

#include "config.h"

#include <cmark.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rosette-achievement-images.h"
#include "rosette-delivery-private.h"
#include "rosette-pathway.h"

static const char page_css[] =
  ":root{color-scheme:light dark}"
  "body{font-family:Cantarell,'Segoe UI',Helvetica,Arial,sans-serif;color:#241f31;"
  "background:#f6f5f4;margin:0;line-height:1.5}main{max-width:46em;margin:2em auto;"
  "background:#fff;border-radius:12px;padding:2em 2.5em;box-shadow:0 1px 4px rgba(0,0,0,.12)}"
  "h1{margin-top:0;font-size:1.8em}.org{color:#5e5c64}"
  "section.tier{display:flex;gap:1.5em;align-items:flex-start;border-top:1px solid #deddda;"
  "padding-top:1.2em;margin-top:1.2em}section.tier img{width:128px;height:128px;flex:none}"
  "section.tier h2{margin:.1em 0 .4em}.notice{font-size:1.2em;font-weight:bold}"
  "footer{color:#77767b;font-size:.85em;margin-top:2em}"
  "@media (max-width:36em){main{margin:0;border-radius:0;padding:1.2em}"
  "section.tier{flex-direction:column}}"
  "@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#fff}"
  "main{background:#303030}.org,footer{color:#c0bfbc}section.tier{border-color:#504e55}}";

/**
 * _rosette_public_page_begin:
 * @title: the page title (plain text; escaped here)
 *
 * Returns: (transfer full): the start of a page up to the opening of its
 *   <main>, for _rosette_public_page_end()
 */
GString *
_rosette_public_page_begin (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GString *html = g_string_new (NULL);

  g_string_append_printf (html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%s</title><style>%s</style></head>\n<body><main>\n",
                          escaped, page_css);
  return html;
}

GBytes *
_rosette_public_page_end (GString *html)
{
  g_string_append_printf (html, "<footer>%s</footer>\n</main></body></html>\n",
                          _("Published with Rosette"));
  return g_string_free_to_bytes (html);
}

/* Markdown from the registry as safe HTML: cmark's default options drop
 * raw HTML and javascript:/vbscript:/file:/data: links. */
static void
append_markdown (GString    *html,
                 const char *markdown)
{
  char *rendered = cmark_markdown_to_html (markdown, strlen (markdown), CMARK_OPT_DEFAULT);

  g_string_append (html, rendered);
  free (rendered);
}

typedef struct
{
  char    *tier_slug;
  char    *tier_name;
  char    *criteria;
  gboolean has_image;
  gint64   rank;
  guint    order;
} TierInfo;

typedef struct
{
  char      *family_name;
  GPtrArray *tiers;
} FamilyInfo;

static void
tier_info_free (TierInfo *tier)
{
  g_free (tier->tier_slug);
  g_free (tier->tier_name);
  g_free (tier->criteria);
  g_free (tier);
}

static void
family_info_free (FamilyInfo *family)
{
  g_free (family->family_name);
  g_ptr_array_unref (family->tiers);
  g_free (family);
}

/* The tier's rank from the achievement documents stored at issuing
 * ({"tierRank": n, …}); tiers issued before it was stored keep their
 * issuing order after the ranked ones. */
static gint64
rank_of (const char *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return G_MAXINT32;
  return json_object_get_int_member_with_default (json_node_get_object (node), "tierRank",
                                                  G_MAXINT32);
}

static void
collect_cb (const RosetteAchievementInfo *info,
            gpointer                      user_data)
{
  GHashTable *families = user_data;
  FamilyInfo *family = g_hash_table_lookup (families, info->family_slug);
  TierInfo *tier = g_new0 (TierInfo, 1);

  if (family == NULL)
    {
      family = g_new0 (FamilyInfo, 1);
      family->family_name = g_strdup (info->family_name);
      family->tiers = g_ptr_array_new_with_free_func ((GDestroyNotify)tier_info_free);
      g_hash_table_insert (families, g_strdup (info->family_slug), family);
    }
  tier->tier_slug = g_strdup (info->tier_slug);
  tier->tier_name = g_strdup (info->tier_name);
  tier->criteria = g_strdup (info->criteria);
  tier->has_image = info->image != NULL;
  tier->rank = rank_of (info->json);
  tier->order = family->tiers->len;
  g_ptr_array_add (family->tiers, tier);
}

static int
compare_tiers (gconstpointer a,
               gconstpointer b)
{
  const TierInfo *x = *(const TierInfo * const *)a;
  const TierInfo *y = *(const TierInfo * const *)b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static GBytes *
build_criteria_page (RosetteRegistry *registry,
                     RosetteIssuer   *issuer,
                     const char      *family_slug,
                     FamilyInfo      *family)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", family->family_name,
                                            rosette_issuer_get_name (issuer));
  g_autofree char *name = g_markup_escape_text (family->family_name, -1);
  g_autofree char *org = g_markup_escape_text (rosette_issuer_get_name (issuer), -1);
  GString *html = _rosette_public_page_begin (title);

  g_ptr_array_sort (family->tiers, compare_tiers);
  /* Translators: on a published criteria page, before the issuer's name */
  g_string_append_printf (html, "<h1>%s</h1>\n<p class=\"org\">%s %s</p>\n", name,
                          _("A badge issued by"), org);
  for (guint i = 0; i < family->tiers->len; i++)
    {
      TierInfo *tier = g_ptr_array_index (family->tiers, i);
      g_autofree char *slug = g_markup_escape_text (tier->tier_slug, -1);
      g_autofree char *tier_name = g_markup_escape_text (tier->tier_name, -1);
      g_autofree char *how = rosette_pathway_dup_how_to_earn (registry, family_slug,
                                                              tier->tier_slug,
                                                              ROSETTE_HOW_TO_EARN_HTML, NULL);

      g_string_append_printf (html, "<section class=\"tier\" id=\"%s\">\n", slug);
      if (tier->has_image)
        {
          g_autofree char *image = rosette_achievement_image_dup_path (family_slug,
                                                                       tier->tier_slug);
          g_autofree char *src = g_markup_escape_text (image, -1);

          /* The page is criteria/<family>.html, the image images/…. */
          g_string_append_printf (html, "<img src=\"../%s\" alt=\"%s — %s\">\n", src, name,
                                  tier_name);
        }
      g_string_append_printf (html, "<div>\n<h2>%s</h2>\n", tier_name);
      if (tier->criteria != NULL && *tier->criteria != '\0')
        {
          g_string_append_printf (html, "<h3>%s</h3>\n", _("Criteria"));
          append_markdown (html, tier->criteria);
        }
      g_string_append_printf (html, "<h3>%s</h3>\n", _("How to earn it"));
      if (how != NULL)
        g_string_append (html, how);
      else
        g_string_append_printf (html, "<p>%s</p>\n",
                                _("The issuer awards this badge to people who meet its "
                                  "criteria. Each badge carries a signed Open Badges "
                                  "credential that anyone can verify."));
      g_string_append (html, "</div>\n</section>\n");
    }
  return _rosette_public_page_end (html);
}

/**
 * _rosette_publish_add_criteria_pages:
 *
 * Adds criteria/<family>.html for every badge family in the registry.
 *
 * Returns: %TRUE unless reading the registry failed
 */
gboolean
_rosette_publish_add_criteria_pages (GHashTable       *tree,
                                     RosetteRegistry  *registry,
                                     RosetteIssuer    *issuer,
                                     GError          **error)
{
  g_autoptr(GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)family_info_free);
  GHashTableIter iter;
  gpointer key, value;

  if (!rosette_registry_foreach_achievement (registry, collect_cb, families, error))
    return FALSE;
  g_hash_table_iter_init (&iter, families);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (tree, g_strdup_printf ("criteria/%s.html", (char *)key),
                         build_criteria_page (registry, issuer, key, value));
  return TRUE;
}

/**
 * _rosette_public_withdrawn_page_build:
 * @replacement_page: (nullable): the file name of the page of the
 *   credential that superseded this one
 *
 * The page that stands where a revoked credential's verification page
 * was. The revocation reason is private to the issuer and not shown;
 * a superseded credential links to its replacement.
 */
GBytes *
_rosette_public_withdrawn_page_build (RosetteIssuer       *issuer,
                                      RosetteIssuedRecord *record,
                                      const char          *replacement_page)
{
  g_autofree char *badge = g_strdup_printf ("%s — %s", rosette_issued_record_get_family_name (record),
                                            rosette_issued_record_get_tier_name (record));
  g_autofree char *escaped = g_markup_escape_text (badge, -1);
  g_autofree char *org = g_markup_escape_text (rosette_issuer_get_name (issuer), -1);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (rosette_issued_record_get_revoked_at (record));
  g_autofree char *date = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("");
  GString *html = _rosette_public_page_begin (badge);

  g_string_append_printf (html, "<h1>%s</h1>\n<p class=\"org\">%s %s</p>\n", escaped,
                          _("A badge issued by"), org);
  if (replacement_page != NULL)
    {
      g_autofree char *href = g_markup_escape_text (replacement_page, -1);

      g_string_append_printf (html, "<p class=\"notice\">%s</p>\n<p><a href=\"%s\">%s</a></p>\n",
                              _("This badge has been replaced by a newer one."), href,
                              _("See the current badge"));
    }
  else
    {
      /* Translators: %s is a date such as 2027-03-31 */
      g_autofree char *notice = g_strdup_printf (_("The issuer revoked this badge on %s. "
                                                   "It is no longer valid."), date);

      g_string_append_printf (html, "<p class=\"notice\">%s</p>\n", notice);
    }
  return _rosette_public_page_end (html);
}
