/* rosette-verify-markdown.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Criteria narratives are Markdown (Open Badges says so), written by
 * whoever made the badge. cmark parses them (CommonMark, the reference C
 * implementation, in Debian as libcmark) and this walks its tree and
 * writes Pango markup for a GtkLabel: headings, paragraphs, lists,
 * emphasis, code and links. Everything that comes from the file is
 * escaped; raw HTML is shown as text, images as their description (never
 * loaded), and only http, https and mailto links become links.
 */

#include "config.h"

#include <cmark.h>
#include <string.h>

#include "rosette-verify-markdown.h"

/* Deeper nesting than this is flattened: a hostile file cannot make the
 * label indent off the screen. */
#define MAX_LIST_DEPTH 6

typedef struct
{
  GString *out;
  guint    list_depth;
  guint    link_depth;      /* links only open when their URL is safe */
  gboolean link_open[32];
} Writer;

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

static void
end_block (Writer *w)
{
  /* One blank line between blocks; none at the start. */
  if (w->out->len == 0)
    return;
  while (w->out->len > 0 && w->out->str[w->out->len - 1] == '\n')
    g_string_truncate (w->out, w->out->len - 1);
  g_string_append (w->out, w->list_depth > 0 ? "\n" : "\n\n");
}

static gboolean
link_allowed (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://") ||
                         g_str_has_prefix (url, "mailto:"));
}

static void
start_item (Writer     *w,
            cmark_node *item)
{
  cmark_node *list = cmark_node_parent (item);
  guint depth = MIN (w->list_depth, MAX_LIST_DEPTH);

  if (w->out->len > 0 && w->out->str[w->out->len - 1] != '\n')
    g_string_append_c (w->out, '\n');
  for (guint i = 1; i < depth; i++)
    g_string_append (w->out, "    ");
  if (list != NULL && cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    {
      int number = cmark_node_get_list_start (list);

      for (cmark_node *n = cmark_node_previous (item); n != NULL; n = cmark_node_previous (n))
        number++;
      g_string_append_printf (w->out, "%d. ", number);
    }
  else
    {
      g_string_append (w->out, "• ");
    }
}

static void
visit (Writer           *w,
       cmark_node       *node,
       cmark_event_type  event)
{
  gboolean entering = event == CMARK_EVENT_ENTER;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      if (entering)
        g_string_append (w->out, cmark_node_get_heading_level (node) <= 1
                                   ? "<span weight=\"bold\" size=\"large\">"
                                   : "<span weight=\"bold\">");
      else
        {
          g_string_append (w->out, "</span>");
          end_block (w);
        }
      break;

    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
      if (cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK)
        {
          g_autofree char *code = g_strdup (cmark_node_get_literal (node));

          g_string_append (w->out, "<tt>");
          append_escaped (w->out, g_strchomp (code));
          g_string_append (w->out, "</tt>");
        }
      else if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
        {
          g_autofree char *html = g_strdup (cmark_node_get_literal (node));

          append_escaped (w->out, g_strchomp (html));
        }
      else if (cmark_node_get_type (node) == CMARK_NODE_THEMATIC_BREAK)
        g_string_append (w->out, "⸻");
      if (!entering || cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH)
        end_block (w);
      break;

    case CMARK_NODE_LIST:
      if (entering)
        {
          if (w->list_depth == 0)
            end_block (w);
          w->list_depth++;
        }
      else
        {
          w->list_depth--;
          end_block (w);
        }
      break;

    case CMARK_NODE_ITEM:
      if (entering)
        start_item (w, node);
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      if (entering)
        g_string_append (w->out, "<i>");
      else
        {
          while (w->out->len > 0 && w->out->str[w->out->len - 1] == '\n')
            g_string_truncate (w->out, w->out->len - 1);
          g_string_append (w->out, "</i>");
          end_block (w);
        }
      break;

    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      append_escaped (w->out, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_CODE:
      g_string_append (w->out, "<tt>");
      append_escaped (w->out, cmark_node_get_literal (node));
      g_string_append (w->out, "</tt>");
      break;

    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (w->out, ' ');
      break;

    case CMARK_NODE_LINEBREAK:
      g_string_append_c (w->out, '\n');
      break;

    case CMARK_NODE_EMPH:
      g_string_append (w->out, entering ? "<i>" : "</i>");
      break;

    case CMARK_NODE_STRONG:
      g_string_append (w->out, entering ? "<b>" : "</b>");
      break;

    case CMARK_NODE_LINK:
      if (entering)
        {
          gboolean open = link_allowed (cmark_node_get_url (node)) && w->link_depth == 0;

          if (open)
            {
              g_string_append (w->out, "<a href=\"");
              append_escaped (w->out, cmark_node_get_url (node));
              g_string_append (w->out, "\">");
            }
          if (w->link_depth < G_N_ELEMENTS (w->link_open))
            w->link_open[w->link_depth] = open;
          w->link_depth++;
        }
      else
        {
          w->link_depth--;
          if (w->link_depth < G_N_ELEMENTS (w->link_open) && w->link_open[w->link_depth])
            g_string_append (w->out, "</a>");
        }
      break;

    case CMARK_NODE_IMAGE:
      /* The description stands in for the picture (its children are
       * text); nothing is ever fetched. */
      break;

    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_CUSTOM_INLINE:
    case CMARK_NODE_NONE:
    default:
      break;
    }
}

/**
 * rosette_verify_markdown_to_pango:
 * @markdown: (nullable): Markdown text from a badge
 *
 * Renders @markdown as Pango markup for a label: every piece of text is
 * escaped, so the result is always valid markup.
 *
 * Returns: (transfer full) (nullable): Pango markup, or %NULL for %NULL
 */
char *
rosette_verify_markdown_to_pango (const char *markdown)
{
  Writer w = { 0, };
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;

  if (markdown == NULL)
    return NULL;

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  w.out = g_string_new (NULL);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    visit (&w, cmark_iter_get_node (iter), event);
  cmark_iter_free (iter);
  cmark_node_free (document);

  while (w.out->len > 0 && g_ascii_isspace (w.out->str[w.out->len - 1]))
    g_string_truncate (w.out, w.out->len - 1);
  return g_string_free (w.out, FALSE);
}
