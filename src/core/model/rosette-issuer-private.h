/* rosette-issuer-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rosette-issuer.h"

G_BEGIN_DECLS

/* The issuer's state; shared by the files that split the class
 * (rosette-issuer.c, -fields.c, -document.c). */
struct _RosetteIssuer
{
  GObject     parent_instance;

  char       *id;
  GDateTime  *created;
  char       *name;
  char       *url;
  char       *email;
  char       *description;
  char       *image;
  char       *identifier;
  GListStore *keys;
};

G_END_DECLS
