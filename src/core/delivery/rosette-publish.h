/* rosette-publish.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rosette-issuer.h"
#include "rosette-registry.h"

G_BEGIN_DECLS

/**
 * RosettePublishProgress:
 * @done: files sent so far
 * @total: files that changed and are being sent
 * @path: the one just sent
 */
typedef void (*RosettePublishProgress) (guint       done,
                                        guint       total,
                                        const char *path,
                                        gpointer    user_data);

/**
 * RosettePublishTarget:
 * @url: (nullable): the https (or loopback http) WebDAV / PUT base
 * @dir: (nullable): a folder instead of @url
 * @user: (nullable): Basic auth user; %NULL with a @password is a bearer token
 * @password: (nullable): the password or token
 * @manifest: (nullable): the JSON file of what @url holds; %NULL for a
 *   file in the user data dir named after @url
 * @timeout_seconds: per request; 0 for 60 s
 * @progress: (nullable): called after each file sent, in the thread
 *   that publishes
 * @progress_data: its closure
 */
typedef struct
{
  const char             *url;
  const char             *dir;
  const char             *user;
  const char             *password;
  const char             *manifest;
  guint                   timeout_seconds;
  RosettePublishProgress  progress;
  gpointer                progress_data;
} RosettePublishTarget;

GHashTable *rosette_publish_build_tree (RosetteRegistry            *registry,
                                       RosetteIssuer              *issuer,
                                       GFile                      *status_dir,
                                       GError                    **error);
GPtrArray  *rosette_publish_sync       (GHashTable                 *tree,
                                       const RosettePublishTarget *target,
                                       gboolean                    dry_run,
                                       GCancellable               *cancellable,
                                       GError                    **error);
gboolean    rosette_publish_check_sync (const RosettePublishTarget *target,
                                       GCancellable               *cancellable,
                                       GError                    **error);

G_END_DECLS
