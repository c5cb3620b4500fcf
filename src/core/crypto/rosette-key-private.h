/* rosette-key-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>

#include "rosette-key.h"

G_BEGIN_DECLS

/* The key's state; shared by the files that split the class
 * (rosette-key.c, -import.c, -export.c). */
struct _RosetteKey
{
  GObject              parent_instance;

  RosetteKeyAlgorithm  algorithm;
  gnutls_privkey_t     privkey;
  gnutls_pubkey_t      pubkey;

  /* A key never changes: its public forms are made once, on first use
   * (from any thread), for bulk issuing that asks for them per badge. */
  GBytes              *spki;
  char                *multikey;
};

gboolean    _rosette_key_set_gnutls_error (GError               **error,
                                           int                    code,
                                           const char            *what);
void        _rosette_key_datum_clear      (gnutls_datum_t        *datum);
RosetteKey *_rosette_key_new_take         (gnutls_privkey_t       privkey,
                                           gnutls_pubkey_t        pubkey,
                                           GError               **error);
gboolean    _rosette_key_require_private  (RosetteKey            *self,
                                           GError               **error);
GBytes     *_rosette_key_fixed_width      (const gnutls_datum_t  *value,
                                           gsize                  width);

G_END_DECLS
