/* rosette-verify-page.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rosette-core.h"

G_BEGIN_DECLS

#define ROSETTE_TYPE_VERIFY_PAGE (rosette_verify_page_get_type ())

G_DECLARE_FINAL_TYPE (RosetteVerifyPage, rosette_verify_page, ROSETTE, VERIFY_PAGE, AdwBin)

GtkWidget           *rosette_verify_page_new             (void);
void                 rosette_verify_page_verify_file     (RosetteVerifyPage *self,
                                                          GFile             *file);
GFile               *rosette_verify_page_get_file        (RosetteVerifyPage *self);
RosetteVerifyReport *rosette_verify_page_get_report      (RosetteVerifyPage *self);
gboolean             rosette_verify_page_get_busy        (RosetteVerifyPage *self);
const char          *rosette_verify_page_get_recipient   (RosetteVerifyPage *self);
void                 rosette_verify_page_set_recipient   (RosetteVerifyPage *self,
                                                          const char        *email);
gboolean             rosette_verify_page_get_offline     (RosetteVerifyPage *self);
void                 rosette_verify_page_set_offline     (RosetteVerifyPage *self,
                                                          gboolean           offline);
gboolean             rosette_verify_page_set_trusted_key (RosetteVerifyPage *self,
                                                          GFile             *key_file,
                                                          GError           **error);

/* For tests: what a person sees. */
const char          *_rosette_verify_page_get_visible    (RosetteVerifyPage *self);
GtkWidget           *_rosette_verify_page_get_banner     (RosetteVerifyPage *self);
GtkListBox          *_rosette_verify_page_get_checks     (RosetteVerifyPage *self);
GtkEditable         *_rosette_verify_page_get_email      (RosetteVerifyPage *self);
GdkPaintable        *_rosette_verify_page_get_picture    (RosetteVerifyPage *self);

G_END_DECLS
