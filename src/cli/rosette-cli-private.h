/* rosette-cli-private.h
 *
 * Copyright 2026 The Rosette authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rosette-core.h"

G_BEGIN_DECLS

/* The exit codes of shared/CLI.md; scripts branch on them. */
typedef enum
{
  ROSETTE_CLI_EXIT_OK = 0,
  ROSETTE_CLI_EXIT_NEGATIVE = 1,
  ROSETTE_CLI_EXIT_USAGE = 2,
  ROSETTE_CLI_EXIT_UNAVAILABLE = 3,
} RosetteCliExit;

/* The global options, given before the command. */
typedef struct
{
  char     *registry;
  gboolean  quiet;
  gboolean  json;
} RosetteCli;

/* A handler gets the arguments from the command's own name on:
 * argv[0] is "render" for `rosette-cli render FILE -o DIR`.
 */
typedef int (*RosetteCliHandler) (RosetteCli  *cli,
                                  int          argc,
                                  char       **argv);

/* One row of a command table; the same table drives dispatch and --help. */
typedef struct
{
  const char        *name;
  const char        *summary;  /* marked with N_() */
  RosetteCliHandler  handler;
} RosetteCliCommand;

/* rosette-cli-output.c */
void            _rosette_cli_print_error        (const char          *format,
                                                 ...) G_GNUC_PRINTF (1, 2);
int             _rosette_cli_fail               (RosetteCliExit       code,
                                                 const char          *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
int             _rosette_cli_fail_gerror        (RosetteCliExit       code,
                                                 const char          *prefix,
                                                 const GError        *error);
RosetteCliExit  _rosette_cli_exit_for_error     (const GError        *error);
void            _rosette_cli_print_json         (JsonBuilder         *builder);
const char     *_rosette_cli_enum_nick          (GType                type,
                                                 int                  value);
char           *_rosette_cli_enum_nicks         (GType                type);
GOptionContext *_rosette_cli_option_context_new (const char          *command,
                                                 const char          *parameter_string,
                                                 const char          *summary,
                                                 const char          *description);
gboolean        _rosette_cli_parse              (GOptionContext      *context,
                                                 const char          *command,
                                                 int                 *argc,
                                                 char              ***argv);
char           *_rosette_cli_describe_commands  (const char          *command,
                                                 const RosetteCliCommand *commands);
int             _rosette_cli_run_command        (RosetteCli          *cli,
                                                 const char          *command,
                                                 const RosetteCliCommand *commands,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_run_group          (RosetteCli          *cli,
                                                 const char          *command,
                                                 const char          *summary,
                                                 const RosetteCliCommand *commands,
                                                 int                  argc,
                                                 char               **argv);
RosetteFamily  *_rosette_cli_load_family        (const char          *path,
                                                 int                 *exit_code);
void            _rosette_cli_print_json_line    (JsonBuilder         *builder);
void            _rosette_cli_json_add_string    (JsonBuilder         *builder,
                                                 const char          *name,
                                                 const char          *value);
void            _rosette_cli_json_add_strv      (JsonBuilder         *builder,
                                                 const char          *name,
                                                 const char * const  *values);
char           *_rosette_cli_dup_absolute_path  (const char          *path);

/* rosette-cli-util.c: the issuing context of `pathway issue` and
 * `nominate approve`; the context points into it. */
typedef struct
{
  RosetteIssuerStore *store;
  RosetteIssuer      *issuer;
  RosetteFamily      *family;
  GFile              *output;
} RosetteCliAward;

void            _rosette_cli_award_clear        (RosetteCliAward     *award);
gboolean        _rosette_cli_award_prepare      (RosetteCliAward     *award,
                                                 RosetteAwardContext *context,
                                                 RosetteRegistry     *registry,
                                                 const char          *family_path,
                                                 const char          *output,
                                                 const char          *proof,
                                                 gboolean             include_names,
                                                 int                 *status);
void            _rosette_cli_award_print_summary (RosetteCli               *cli,
                                                  const RosetteBatchSummary *summary);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RosetteCliAward, _rosette_cli_award_clear)

/* One file per command group. */
int             _rosette_cli_family             (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_render             (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_issuer             (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_keys               (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_issue              (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_verify             (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_issue_batch        (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_revoke             (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_reissue            (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_renew              (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_registry           (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_milestones         (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_send               (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_publish            (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_config             (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_pathway            (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_nominate           (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);
int             _rosette_cli_endorse            (RosetteCli          *cli,
                                                 int                  argc,
                                                 char               **argv);

/* rosette-cli-batch.c: shared with rosette-cli-registry.c */
RosetteRegistry *_rosette_cli_open_registry     (RosetteCli          *cli,
                                                 int                 *exit_code);

/* rosette-cli-issuer.c: shared with rosette-cli-keys.c */
RosetteIssuerStore *_rosette_cli_issuer_store_new     (void);
RosetteIssuer      *_rosette_cli_load_current_issuer  (RosetteIssuerStore  *store,
                                                       int                 *exit_code);
int                 _rosette_cli_fail_unexpected      (const char          *command,
                                                       char               **rest);

/* rosette-cli-keys.c: shared with rosette-cli-issuer.c */
void                _rosette_cli_build_key_json       (JsonBuilder         *builder,
                                                       RosetteKeyRecord    *record);

G_END_DECLS
