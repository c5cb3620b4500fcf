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
} RosetteError;

GQuark rosette_error_quark (void);

G_END_DECLS
