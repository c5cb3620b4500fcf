/* rosette-registry-pathways.c
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The registry's tables and queries for pathways and peer recognition
 * (issue 11). Work in progress: the tables are defined by migration 3.
 */

#include "config.h"

#include "rosette-registry-private.h"

const char _rosette_registry_migration_pathways[] =
  "CREATE TABLE pathway ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE"
  ");";
