/* rosette-error.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROSETTE_ERROR (rosette_error_quark ())

/**
 * RosetteError:
 * @ROSETTE_ERROR_FAILED: something went wrong that has no better code
 * @ROSETTE_ERROR_PARSE: the input is not well-formed (bad JSON, truncated file)
 * @ROSETTE_ERROR_INVALID: the input is well-formed but a value is wrong
 *   (wrong type, unknown kind, empty name)
 * @ROSETTE_ERROR_UNSUPPORTED_VERSION: a document from a newer Rosette
 * @ROSETTE_ERROR_TOO_LARGE: the input is over a size or depth bound
 * @ROSETTE_ERROR_NOT_FOUND: a named thing (tier, emblem, key) does not exist
 * @ROSETTE_ERROR_OUT_OF_RANGE: a number is outside what is allowed
 * @ROSETTE_ERROR_RENDER: the artwork could not be rendered
 * @ROSETTE_ERROR_IO: a file could not be read or written
 * @ROSETTE_ERROR_KEYRING_UNAVAILABLE: no keyring can be reached: no D-Bus
 *   session bus, or no Secret Service (gnome-keyring, KeePassXC) on it;
 *   nothing was changed
 * @ROSETTE_ERROR_KEYRING_LOCKED: the keyring is locked (or the unlock
 *   prompt was dismissed); unlocking it and retrying will work
 * @ROSETTE_ERROR_ACCESS_DENIED: the keyring refused Rosette access to an item
 * @ROSETTE_ERROR_BAD_PASSPHRASE: a backup's passphrase is wrong; nothing
 *   was restored
 * @ROSETTE_ERROR_CRYPTO: the cryptographic library failed (key generation,
 *   signing, a key that does not decode)
 * @ROSETTE_ERROR_NO_CREDENTIAL: an image carries no baked credential
 * @ROSETTE_ERROR_AMBIGUOUS: an image carries two credentials where one is
 *   allowed
 * @ROSETTE_ERROR_UNKNOWN_CONTEXT: a JSON-LD document names a context that
 *   is not one of the pinned contexts Rosette ships (none is ever fetched)
 * @ROSETTE_ERROR_UNDEFINED_TERM: a JSON-LD document uses a property or type
 *   its contexts do not define, or a relative IRI (JSON-LD "safe mode")
 * @ROSETTE_ERROR_DATABASE: the registry database failed (busy, damaged,
 *   full disk)
 * @ROSETTE_ERROR_CONFLICT: the registry's state forbids the change (already
 *   revoked, a duplicate key)
 *
 * The one error enum of librosette-core; messages are for people and are
 * translated, callers branch only on the code.
 */
typedef enum
{
  ROSETTE_ERROR_FAILED,
  ROSETTE_ERROR_PARSE,
  ROSETTE_ERROR_INVALID,
  ROSETTE_ERROR_UNSUPPORTED_VERSION,
  ROSETTE_ERROR_TOO_LARGE,
  ROSETTE_ERROR_NOT_FOUND,
  ROSETTE_ERROR_OUT_OF_RANGE,
  ROSETTE_ERROR_RENDER,
  ROSETTE_ERROR_IO,
  ROSETTE_ERROR_KEYRING_UNAVAILABLE,
  ROSETTE_ERROR_KEYRING_LOCKED,
  ROSETTE_ERROR_ACCESS_DENIED,
  ROSETTE_ERROR_BAD_PASSPHRASE,
  ROSETTE_ERROR_CRYPTO,
  ROSETTE_ERROR_NO_CREDENTIAL,
  ROSETTE_ERROR_AMBIGUOUS,
  ROSETTE_ERROR_UNKNOWN_CONTEXT,
  ROSETTE_ERROR_UNDEFINED_TERM,
  ROSETTE_ERROR_DATABASE,
  ROSETTE_ERROR_CONFLICT,
} RosetteError;

GQuark rosette_error_quark (void);

G_END_DECLS
