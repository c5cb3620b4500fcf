/* rosette-verify-image.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The picture of a badge being verified, as pixels. The image comes from
 * a file nobody vouches for, so it is rendered with nothing resolvable
 * outside it: SVG through librsvg with no base file (an external
 * reference then has nothing to resolve against and is not loaded; librsvg
 * refuses entities and bounds the element count), PNG through cairo after
 * the header's dimensions are checked, so a small file cannot ask for
 * gigabytes of pixels.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>

#include "rosette-error.h"
#include "rosette-verify-report.h"

/* Larger than any badge picture; 4096² RGBA is 64 MB. */
#define MAX_PNG_SIDE 4096

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
png_read_cb (void          *closure,
             unsigned char *out,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (out, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static cairo_surface_t *
decode_png (GBytes  *image,
            GError **error)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;
  guint32 width;
  guint32 height;

  reader.data = g_bytes_get_data (image, &reader.size);

  /* Signature (8), IHDR length and type (8), then width and height. */
  if (reader.size < 24 || memcmp (reader.data + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE, _("The badge picture is damaged."));
      return NULL;
    }
  width = read_be32 (reader.data + 16);
  height = read_be32 (reader.data + 20);
  if (width == 0 || height == 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_TOO_LARGE,
                   _("The badge picture is %u × %u pixels; it is not shown above %u × %u."),
                   width, height, MAX_PNG_SIDE, MAX_PNG_SIDE);
      return NULL;
    }

  surface = cairo_image_surface_create_from_png_stream (png_read_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_PARSE,
                   _("The badge picture could not be read: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

static gboolean
draw_svg (GBytes   *image,
          cairo_t  *cr,
          guint     size,
          GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  RsvgRectangle viewport = { 0, 0, size, size };
  RsvgHandle *handle;
  gboolean ok;
  gsize length;
  const guint8 *data = g_bytes_get_data (image, &length);

  /* No base file: nothing outside the bytes can be referenced. */
  handle = rsvg_handle_new_from_data (data, length, &local_error);
  ok = handle != NULL && rsvg_handle_render_document (handle, cr, &viewport, &local_error);
  g_clear_object (&handle);
  if (!ok)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_RENDER,
                   _("The badge picture could not be drawn: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * rosette_verify_report_render_image:
 * @self: a #RosetteVerifyReport
 * @size: the side of the square result, in pixels
 * @error: return location for a #GError
 *
 * Renders the badge picture (rosette_verify_report_get_image()) into a
 * @size × @size ARGB32 image surface, scaled to fit and centred on a
 * transparent background. Safe for untrusted pictures: no external
 * reference is followed and oversized PNGs are refused. It may be called
 * from any thread.
 *
 * Returns: (transfer full) (nullable): a new image surface, or %NULL
 *   with an error (%ROSETTE_ERROR_NOT_FOUND when there is no picture)
 */
cairo_surface_t *
rosette_verify_report_render_image (RosetteVerifyReport  *self,
                                    guint                 size,
                                    GError              **error)
{
  GBytes *image;
  const char *type;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok = TRUE;

  g_return_val_if_fail (ROSETTE_IS_VERIFY_REPORT (self), NULL);
  g_return_val_if_fail (size > 0 && size <= MAX_PNG_SIDE, NULL);

  image = rosette_verify_report_get_image (self);
  type = rosette_verify_report_get_image_type (self);
  if (image == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_NOT_FOUND,
                   _("The badge carries no picture."));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) size, (int) size);
  cr = cairo_create (surface);

  if (g_strcmp0 (type, "image/svg+xml") == 0)
    {
      ok = draw_svg (image, cr, size, error);
    }
  else
    {
      cairo_surface_t *png = decode_png (image, error);

      if (png != NULL)
        {
          int width = cairo_image_surface_get_width (png);
          int height = cairo_image_surface_get_height (png);
          double scale = (double) size / MAX (width, height);

          cairo_translate (cr, (size - width * scale) / 2, (size - height * scale) / 2);
          cairo_scale (cr, scale, scale);
          cairo_set_source_surface (cr, png, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
          cairo_paint (cr);
          cairo_surface_destroy (png);
        }
      ok = png != NULL;
    }

  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}
