/* rosette-design-raster.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * SVG -> pixels. The PNG is always rendered from the very SVG text that
 * is exported, so the two formats cannot drift apart.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>

#include "rosette-design-private.h"
#include "rosette-error.h"

cairo_surface_t *
_rosette_design_rasterize (const char  *svg,
                           gsize        length,
                           guint        size,
                           GError     **error)
{
  RsvgHandle *handle;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, size, size };
  gboolean ok;

  g_return_val_if_fail (svg != NULL, NULL);

  handle = rsvg_handle_new_from_data ((const guint8 *) svg, length, &local_error);
  if (handle == NULL)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_RENDER,
                   _("The badge artwork could not be read: %s"), local_error->message);
      return NULL;
    }

  /* A fresh ARGB32 surface is fully transparent, which is the background. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) size, (int) size);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_RENDER,
                   _("Could not create a %u × %u pixel image: %s"), size, size,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      g_object_unref (handle);
      return NULL;
    }

  cr = cairo_create (surface);
  ok = rsvg_handle_render_document (handle, cr, &viewport, &local_error);
  cairo_destroy (cr);
  g_object_unref (handle);

  if (!ok)
    {
      g_set_error (error, ROSETTE_ERROR, ROSETTE_ERROR_RENDER,
                   _("The badge artwork could not be rendered: %s"), local_error->message);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_flush (surface);
  return surface;
}
