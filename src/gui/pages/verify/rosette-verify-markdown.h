/* rosette-verify-markdown.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rosette_verify_markdown_to_pango (const char *markdown);

G_END_DECLS
