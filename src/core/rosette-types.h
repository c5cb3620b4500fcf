/* rosette-types.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RosetteFamily RosetteFamily;
typedef struct _RosetteTier   RosetteTier;

typedef struct _RosetteIssuer      RosetteIssuer;
typedef struct _RosetteIssuerStore RosetteIssuerStore;
typedef struct _RosetteKeyRecord   RosetteKeyRecord;
typedef struct _RosetteKey         RosetteKey;

typedef struct _RosetteAchievement RosetteAchievement;
typedef struct _RosetteRecipient   RosetteRecipient;
typedef struct _RosetteCredential  RosetteCredential;

typedef struct _RosetteRegistry     RosetteRegistry;
typedef struct _RosetteIssuedRecord RosetteIssuedRecord;
typedef struct _RosetteCsvReader    RosetteCsvReader;
typedef struct _RosetteCsvImport    RosetteCsvImport;

G_END_DECLS
