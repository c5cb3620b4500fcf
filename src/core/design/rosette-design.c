/* rosette-design.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Family + tier -> SVG text -> pixels -> files.
 *
 * The SVG is the single source of truth: the PNG is rendered by librsvg
 * from exactly the text that rosette_design_render_svg() returns, so an
 * exported PNG and SVG of one tier always match.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rosette-design.h"
#include "rosette-design-private.h"
#include "rosette-error.h"
#include "rosette-family.h"
#include "rosette-tier.h"

typedef struct
{
  RosetteFamily        *family;
  GPtrArray            *tiers;    /* NULL: all */
  RosetteExportOptions  options;
  GFile                *directory;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->family);
  g_clear_pointer (&data->tiers, g_ptr_array_unref);
  g_clear_object (&data->directory);
  g_free (data);
}

static gboolean
check_size (guint    size,
            GError **error)
{
  if (size < ROSETTE_DESIGN_MIN_SIZE || size > ROSETTE_DESIGN_MAX_SIZE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_OUT_OF_RANGE,
                   _("The size %u px is out of range: choose from %u to %u px"),
                   size, ROSETTE_DESIGN_MIN_SIZE, ROSETTE_DESIGN_MAX_SIZE);
      return FALSE;
    }

  return TRUE;
}

/* Fills @spec from the model; the strings stay owned by @family and @tier,
 * the prefix by the caller. */
static void
fill_spec (RosetteDesignSpec *spec,
           RosetteFamily     *family,
           RosetteTier       *tier,
           const char        *prefix)
{
  guint n = rosette_family_get_n_tiers (family);

  _rosette_design_spec_init (spec);
  spec->kind = rosette_family_get_kind (family);
  spec->shape = rosette_family_get_shape (family);
  spec->emblem = rosette_family_get_emblem (family);
  spec->emblem_text = rosette_family_get_emblem_text (family);
  spec->title = rosette_family_get_title (family);
  spec->subtitle = rosette_family_get_subtitle (family);
  spec->field_color = rosette_family_get_field_color (family);
  spec->tier_name = rosette_tier_get_name (tier);
  spec->metal = rosette_tier_get_metal (tier);
  spec->stars = rosette_tier_get_stars (tier);
  spec->ring_style = rosette_tier_get_ring_style (tier);
  spec->ornament = rosette_tier_get_ornament (tier);
  spec->id_prefix = prefix;

  spec->tier_field_color = rosette_tier_get_field_color (tier);
  spec->ribbon_color = rosette_family_get_ribbon_color (family);
  spec->emblem_color = rosette_family_get_emblem_color (family);
  spec->font_family = rosette_family_get_font_family (family);
  spec->font_weight = rosette_family_get_font_weight (family);
  spec->title_size = rosette_family_get_title_size (family);
  spec->title_layout = rosette_family_get_title_layout (family);
  spec->show_subtitle = rosette_family_get_show_subtitle (family);
  spec->subtitle_layout = rosette_family_get_subtitle_layout (family);
  spec->rim_width = rosette_family_get_rim_width (family);
  spec->shadow = rosette_family_get_shadow (family);
  spec->gradient = rosette_family_get_gradient (family);
  spec->palette_ramp = rosette_family_get_palette_ramp (family);
  spec->custom_emblem = rosette_family_get_custom_emblem (family);
  spec->n_tiers = MAX (n, 1);
  spec->tier_rank = 0;
  for (guint i = 0; i < n; i++)
    {
      if (rosette_family_get_tier (family, i) == tier)
        {
          spec->tier_rank = i;
          break;
        }
    }
  for (guint e = 0; e < ROSETTE_N_ELEMENTS; e++)
    rosette_family_get_placement (family, (RosetteElement) e, &spec->placements[e].dx,
                                  &spec->placements[e].dy, &spec->placements[e].scale);
}

static char *
dup_prefix (RosetteFamily *family,
            RosetteTier   *tier)
{
  g_autofree char *family_slug = rosette_family_dup_slug (family);
  g_autofree char *tier_slug = rosette_tier_dup_slug (tier);

  /* ids must start with a letter; slugs may start with a digit */
  return g_strdup_printf ("rs-%s-%s-", family_slug, tier_slug);
}

/**
 * rosette_design_render_svg:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @error: return location for an error
 *
 * Draws @tier of @family as a standalone SVG document: 512 × 512 user
 * units, transparent background, a `<title>` and `<desc>` for screen
 * readers, no external references, and every id prefixed with the family
 * and tier slugs so several badges can share one HTML page.
 *
 * Returns: (transfer full): the SVG text, or %NULL with
 *   %ROSETTE_ERROR_NOT_FOUND when the family's emblem does not exist
 */
char *
rosette_design_render_svg (RosetteFamily  *family,
                           RosetteTier    *tier,
                           GError        **error)
{
  return rosette_design_render_svg_full (family, tier, FALSE, error);
}

/**
 * rosette_design_render_svg_full:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @text_to_path: draw the outlines of the glyphs instead of text
 * @error: return location for an error
 *
 * Like rosette_design_render_svg(); with @text_to_path, every `<text>`
 * becomes a `<path>` of its glyphs, laid out with Pango in the same font,
 * size, weight and letter spacing, so the badge looks the same on a
 * machine without the font. The `<title>` and `<desc>` stay.
 *
 * Returns: (transfer full): the SVG text, or %NULL
 */
char *
rosette_design_render_svg_full (RosetteFamily  *family,
                                RosetteTier    *tier,
                                gboolean        text_to_path,
                                GError        **error)
{
  g_autofree char *prefix = NULL;
  RosetteDesignSpec spec;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  prefix = dup_prefix (family, tier);
  fill_spec (&spec, family, tier, prefix);
  spec.text_to_path = text_to_path;

  return _rosette_design_build_svg (&spec, error);
}

/**
 * rosette_design_get_element_bounds:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @element: a #RosetteElement
 * @x: (out) (optional): the left edge
 * @y: (out) (optional): the top edge
 * @width: (out) (optional): the width
 * @height: (out) (optional): the height
 *
 * The axis-aligned box of @element in the 512 × 512 canvas, after its
 * placement, from the same layout the SVG is drawn from.
 *
 * Returns: %FALSE when @element is not drawn in @tier (a ring style of
 *   "none", a hidden subtitle, no stars)
 */
gboolean
rosette_design_get_element_bounds (RosetteFamily  *family,
                                   RosetteTier    *tier,
                                   RosetteElement  element,
                                   double         *x,
                                   double         *y,
                                   double         *width,
                                   double         *height)
{
  RosetteDesignSpec spec;
  double box[4] = { 0, 0, 0, 0 };
  gboolean drawn;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), FALSE);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), FALSE);
  g_return_val_if_fail ((guint) element < ROSETTE_N_ELEMENTS, FALSE);

  fill_spec (&spec, family, tier, "rs-");
  drawn = _rosette_design_spec_bounds (&spec, element, box);
  if (x != NULL)
    *x = box[0];
  if (y != NULL)
    *y = box[1];
  if (width != NULL)
    *width = box[2];
  if (height != NULL)
    *height = box[3];

  return drawn;
}

/**
 * rosette_design_pick_element:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @x: a point in the 512 × 512 canvas
 * @y: a point in the 512 × 512 canvas
 * @found: (out) (optional): whether an element is under the point
 *
 * Returns: the frontmost element under (@x, @y); %ROSETTE_ELEMENT_SHAPE
 *   with @found %FALSE when there is none
 */
RosetteElement
rosette_design_pick_element (RosetteFamily *family,
                             RosetteTier   *tier,
                             double         x,
                             double         y,
                             gboolean      *found)
{
  RosetteDesignSpec spec;
  RosetteElement element = ROSETTE_ELEMENT_SHAPE;
  gboolean hit;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), ROSETTE_ELEMENT_SHAPE);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), ROSETTE_ELEMENT_SHAPE);

  fill_spec (&spec, family, tier, "rs-");
  hit = _rosette_design_spec_pick (&spec, x, y, &element);
  if (found != NULL)
    *found = hit;

  return hit ? element : ROSETTE_ELEMENT_SHAPE;
}

/**
 * rosette_design_sanitize_emblem:
 * @svg: (array length=length): the bytes of an SVG file, untrusted
 * @length: the length of @svg
 * @error: return location for an error
 *
 * Reduces an imported SVG to a plain drawing that is safe to embed:
 * the size is bounded (%ROSETTE_ERROR_TOO_LARGE), DTDs and entities,
 * scripts, event handlers, foreign objects, bitmaps, style sheets and
 * every reference to anything outside the file are refused with a
 * message that names the problem; editor metadata is dropped.
 *
 * Returns: (transfer full): a standalone `<svg>` document with only its
 *   viewBox and the drawing, to store with
 *   rosette_family_set_custom_emblem(); or %NULL
 */
char *
rosette_design_sanitize_emblem (const char  *svg,
                                gsize        length,
                                GError     **error)
{
  g_autofree char *inner = NULL;
  char vb[4][G_ASCII_DTOSTR_BUF_SIZE];
  double viewbox[4];

  g_return_val_if_fail (svg != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rosette_design_sanitize (svg, length, "e-", viewbox, &inner, error))
    return NULL;

  for (guint i = 0; i < 4; i++)
    g_ascii_formatd (vb[i], sizeof vb[i], "%g", viewbox[i]);

  return g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%s %s %s %s\">"
                          "%s</svg>\n", vb[0], vb[1], vb[2], vb[3], inner);
}

/**
 * rosette_design_get_emblem_kind:
 * @emblem: a built-in emblem id
 *
 * Returns: (nullable): the nick of the #RosetteBadgeKind the emblem was
 *   drawn for, such as "compliance"; %NULL for general emblems
 */
const char *
rosette_design_get_emblem_kind (const char *emblem)
{
  return _rosette_design_emblem_kind (emblem);
}

/**
 * rosette_design_render_surface:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @size: the width and height in pixels, from %ROSETTE_DESIGN_MIN_SIZE
 *   to %ROSETTE_DESIGN_MAX_SIZE
 * @error: return location for an error
 *
 * Renders the SVG of rosette_design_render_svg() with librsvg.
 *
 * Returns: (transfer full): an ARGB32 image surface with a transparent
 *   background, or %NULL with %ROSETTE_ERROR_OUT_OF_RANGE for a bad size
 */
cairo_surface_t *
rosette_design_render_surface (RosetteFamily  *family,
                               RosetteTier    *tier,
                               guint           size,
                               GError        **error)
{
  g_autofree char *svg = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size (size, error))
    return NULL;

  svg = rosette_design_render_svg (family, tier, error);
  if (svg == NULL)
    return NULL;

  return _rosette_design_rasterize (svg, strlen (svg), size, error);
}

/**
 * rosette_design_render_png:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @size: the width and height in pixels
 * @error: return location for an error
 *
 * Like rosette_design_render_surface(), encoded as PNG.
 *
 * Returns: (transfer full): the PNG file contents, or %NULL
 */
GBytes *
rosette_design_render_png (RosetteFamily  *family,
                           RosetteTier    *tier,
                           guint           size,
                           GError        **error)
{
  cairo_surface_t *surface;
  GBytes *bytes;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = rosette_design_render_surface (family, tier, size, error);
  if (surface == NULL)
    return NULL;

  bytes = _rosette_design_encode_png (surface, error);
  cairo_surface_destroy (surface);

  return bytes;
}

/**
 * rosette_design_dup_file_name:
 * @family: a #RosetteFamily
 * @tier: one of @family's tiers
 * @format: %ROSETTE_EXPORT_FORMAT_PNG or %ROSETTE_EXPORT_FORMAT_SVG
 *
 * Returns: (transfer full): "<family-slug>-<tier-slug>.png" or ".svg"
 */
char *
rosette_design_dup_file_name (RosetteFamily       *family,
                              RosetteTier         *tier,
                              RosetteExportFormat  format)
{
  g_autofree char *family_slug = NULL;
  g_autofree char *tier_slug = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), NULL);
  g_return_val_if_fail (ROSETTE_IS_TIER (tier), NULL);
  g_return_val_if_fail (format == ROSETTE_EXPORT_FORMAT_PNG
                        || format == ROSETTE_EXPORT_FORMAT_SVG, NULL);

  family_slug = rosette_family_dup_slug (family);
  tier_slug = rosette_tier_dup_slug (tier);

  return g_strdup_printf ("%s-%s.%s", family_slug, tier_slug,
                          format == ROSETTE_EXPORT_FORMAT_PNG ? "png" : "svg");
}

static gboolean
ensure_directory (GFile         *directory,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (directory, cancellable, &local_error)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      if (g_file_query_file_type (directory, G_FILE_QUERY_INFO_NONE, cancellable)
          == G_FILE_TYPE_DIRECTORY)
        return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autofree char *name = g_file_get_parse_name (directory);

    g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                 _("Cannot write to the folder “%s”: %s"), name,
                 local_error != NULL ? local_error->message : _("it is not a folder"));
  }
  return FALSE;
}

static gboolean
write_file (GFile         *directory,
            const char    *name,
            GBytes        *contents,
            GPtrArray     *written,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (directory, name);
  g_autoptr(GError) local_error = NULL;

  /* g_file_replace_contents() writes a temporary file and renames it over
   * the target, so a reader never sees a half-written badge. */
  if (!g_file_replace_contents (file, g_bytes_get_data (contents, NULL),
                                g_bytes_get_size (contents), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &local_error))
    {
      g_autofree char *dir_name = g_file_get_parse_name (directory);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_IO,
                     _("Cannot write “%s” in the folder “%s”: %s"), name, dir_name,
                     local_error->message);
      return FALSE;
    }

  g_ptr_array_add (written, g_steal_pointer (&file));
  return TRUE;
}

static guint
count_sizes (const RosetteExportOptions *options)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (options->sizes) - 1 && options->sizes[n] != 0)
    n++;
  return n;
}

static gboolean
export_tier (RosetteFamily              *family,
             RosetteTier                *tier,
             const RosetteExportOptions *options,
             GFile                      *directory,
             GPtrArray                  *written,
             GCancellable               *cancellable,
             GError                    **error)
{
  g_autofree char *svg = rosette_design_render_svg (family, tier, error);
  g_autofree char *family_slug = rosette_family_dup_slug (family);
  g_autofree char *tier_slug = rosette_tier_dup_slug (tier);
  guint n_sizes = count_sizes (options);

  if (svg == NULL)
    return FALSE;

  if (options->formats & ROSETTE_EXPORT_FORMAT_PNG)
    {
      for (guint i = 0; i < n_sizes; i++)
        {
          g_autofree char *name = NULL;
          g_autoptr(GBytes) png = NULL;
          cairo_surface_t *surface;

          if (n_sizes == 1)
            name = g_strdup_printf ("%s-%s.png", family_slug, tier_slug);
          else
            name = g_strdup_printf ("%s-%s-%u.png", family_slug, tier_slug, options->sizes[i]);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          surface = _rosette_design_rasterize (svg, strlen (svg), options->sizes[i], error);
          if (surface == NULL)
            return FALSE;
          png = _rosette_design_encode_png (surface, error);
          cairo_surface_destroy (surface);
          if (png == NULL
              || !write_file (directory, name, png, written, cancellable, error))
            return FALSE;
        }
    }

  if (options->formats & ROSETTE_EXPORT_FORMAT_SVG)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.svg", family_slug, tier_slug);
      g_autoptr(GBytes) bytes = NULL;

      if (options->text_to_path)
        {
          g_free (svg);
          svg = rosette_design_render_svg_full (family, tier, TRUE, error);
          if (svg == NULL)
            return FALSE;
        }
      bytes = g_bytes_new_static (svg, strlen (svg));

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_file (directory, name, bytes, written, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rosette_design_export_tiers:
 * @family: a #RosetteFamily
 * @tiers: (nullable) (element-type RosetteTier): some of @family's tiers,
 *   or %NULL for all of them
 * @options: formats, PNG sizes and text-to-path
 * @directory: the folder to write into; created when missing
 * @written: (out) (optional) (transfer full) (element-type GFile): the files written
 * @cancellable: (nullable): checked between files
 * @error: return location for an error
 *
 * Writes "<family-slug>-<tier-slug>.png" (with "-<size>" before ".png"
 * when several sizes are asked for) and ".svg" files into @directory,
 * each one atomically. On error, files already written stay in place.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
rosette_design_export_tiers (RosetteFamily              *family,
                             GPtrArray                  *tiers,
                             const RosetteExportOptions *options,
                             GFile                      *directory,
                             GPtrArray                 **written,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_sizes;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (written != NULL)
    *written = NULL;

  if ((options->formats & (ROSETTE_EXPORT_FORMAT_PNG | ROSETTE_EXPORT_FORMAT_SVG)) == 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                   _("Choose at least one format to export: PNG or SVG"));
      return FALSE;
    }
  n_sizes = count_sizes (options);
  if (options->formats & ROSETTE_EXPORT_FORMAT_PNG)
    {
      if (n_sizes == 0)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("Choose at least one PNG size to export"));
          return FALSE;
        }
      for (guint i = 0; i < n_sizes; i++)
        {
          if (!check_size (options->sizes[i], error))
            return FALSE;
          for (guint j = 0; j < i; j++)
            {
              if (options->sizes[j] == options->sizes[i])
                {
                  g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                               _("The size %u px is listed twice"), options->sizes[i]);
                  return FALSE;
                }
            }
        }
    }
  if (tiers != NULL)
    {
      if (tiers->len == 0)
        {
          g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_INVALID,
                       _("Choose at least one tier to export"));
          return FALSE;
        }
      for (guint i = 0; i < tiers->len; i++)
        g_return_val_if_fail (ROSETTE_IS_TIER (g_ptr_array_index (tiers, i)), FALSE);
    }
  if (!ensure_directory (directory, cancellable, error))
    return FALSE;

  {
    guint n = tiers != NULL ? tiers->len : rosette_family_get_n_tiers (family);

    for (guint i = 0; i < n; i++)
      {
        RosetteTier *t = tiers != NULL ? g_ptr_array_index (tiers, i)
                                       : rosette_family_get_tier (family, i);

        if (!export_tier (family, t, options, directory, files, cancellable, error))
          return FALSE;
      }
  }

  if (written != NULL)
    *written = g_steal_pointer (&files);

  return TRUE;
}

/**
 * rosette_design_export:
 * @family: a #RosetteFamily
 * @tier: (nullable): one of @family's tiers, or %NULL for all of them
 * @formats: which files to write
 * @size: the PNG size in pixels
 * @directory: the folder to write into; created when missing
 * @written: (out) (optional) (transfer full) (element-type GFile): the files written
 * @cancellable: (nullable): checked between files
 * @error: return location for an error
 *
 * rosette_design_export_tiers() with one tier (or all) and one size.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
rosette_design_export (RosetteFamily        *family,
                       RosetteTier          *tier,
                       RosetteExportFormat   formats,
                       guint                 size,
                       GFile                *directory,
                       GPtrArray           **written,
                       GCancellable         *cancellable,
                       GError              **error)
{
  RosetteExportOptions options = { formats, { size, 0 }, FALSE };
  g_autoptr(GPtrArray) tiers = NULL;

  g_return_val_if_fail (ROSETTE_IS_FAMILY (family), FALSE);
  g_return_val_if_fail (tier == NULL || ROSETTE_IS_TIER (tier), FALSE);

  if (tier != NULL)
    {
      tiers = g_ptr_array_new ();
      g_ptr_array_add (tiers, tier);
    }

  return rosette_design_export_tiers (family, tiers, &options, directory, written, cancellable,
                                      error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GPtrArray *written = NULL;
  GError *error = NULL;

  if (rosette_design_export_tiers (data->family, data->tiers, &data->options, data->directory,
                                   &written, cancellable, &error))
    g_task_return_pointer (task, written, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
start_export (RosetteFamily              *family,
              GPtrArray                  *tiers,
              const RosetteExportOptions *options,
              GFile                      *directory,
              GCancellable               *cancellable,
              gpointer                    source_tag,
              GAsyncReadyCallback         callback,
              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  data = g_new0 (ExportData, 1);
  data->family = g_object_ref (family);
  if (tiers != NULL)
    {
      data->tiers = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < tiers->len; i++)
        g_ptr_array_add (data->tiers, g_object_ref (g_ptr_array_index (tiers, i)));
    }
  data->options = *options;
  data->directory = g_object_ref (directory);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * rosette_design_export_async:
 * @family: a #RosetteFamily
 * @tier: (nullable): one of @family's tiers, or %NULL for all of them
 * @formats: which files to write
 * @size: the PNG size in pixels
 * @directory: the folder to write into
 * @cancellable: (nullable): checked between files
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs rosette_design_export() in a worker thread. The family and tier
 * must not be changed until @callback runs.
 */
void
rosette_design_export_async (RosetteFamily        *family,
                             RosetteTier          *tier,
                             RosetteExportFormat   formats,
                             guint                 size,
                             GFile                *directory,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  RosetteExportOptions options = { formats, { size, 0 }, FALSE };
  g_autoptr(GPtrArray) tiers = NULL;

  g_return_if_fail (ROSETTE_IS_FAMILY (family));
  g_return_if_fail (tier == NULL || ROSETTE_IS_TIER (tier));
  g_return_if_fail (G_IS_FILE (directory));

  if (tier != NULL)
    {
      tiers = g_ptr_array_new ();
      g_ptr_array_add (tiers, tier);
    }
  start_export (family, tiers, &options, directory, cancellable, rosette_design_export_async,
                callback, user_data);
}

/**
 * rosette_design_export_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type GFile): the files written, or %NULL
 */
GPtrArray *
rosette_design_export_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == rosette_design_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rosette_design_export_tiers_async:
 * @family: a #RosetteFamily
 * @tiers: (nullable) (element-type RosetteTier): the tiers, or %NULL for all
 * @options: formats, sizes and text-to-path
 * @directory: the folder to write into
 * @cancellable: (nullable): checked between files
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs rosette_design_export_tiers() in a worker thread. The family and
 * its tiers must not be changed until @callback runs.
 */
void
rosette_design_export_tiers_async (RosetteFamily              *family,
                                   GPtrArray                  *tiers,
                                   const RosetteExportOptions *options,
                                   GFile                      *directory,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  g_return_if_fail (ROSETTE_IS_FAMILY (family));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (directory));

  start_export (family, tiers, options, directory, cancellable,
                rosette_design_export_tiers_async, callback, user_data);
}

/**
 * rosette_design_export_tiers_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type GFile): the files written, or %NULL
 */
GPtrArray *
rosette_design_export_tiers_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == rosette_design_export_tiers_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rosette_design_list_emblems:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   built-in emblems, all drawn on one grid
 */
const char * const *
rosette_design_list_emblems (void)
{
  return _rosette_design_emblem_ids ();
}

/**
 * rosette_design_has_emblem:
 * @emblem: an emblem id, such as "padlock-check"
 *
 * Returns: whether @emblem is a built-in emblem
 */
gboolean
rosette_design_has_emblem (const char *emblem)
{
  return _rosette_design_emblem_lookup (emblem) != NULL;
}
