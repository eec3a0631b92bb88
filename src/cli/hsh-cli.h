/* hsh-cli.h: what the commands of hashiya-cli share — exit codes and opening a project. */
#pragma once

#include "hsh-store.h"

G_BEGIN_DECLS

/* Exit codes scripts can rely on (docs/cli.md). */
enum {
  HSH_EXIT_OK = 0,
  HSH_EXIT_FAILED = 1,     /* the command could not do its work; stderr says why */
  HSH_EXIT_USAGE = 2,      /* wrong arguments */
  HSH_EXIT_PROBLEMS = 3,   /* `check` found problems in the project */
};

typedef int (*HshCliCommand) (int argc, char **argv);

/* Opens a project for a command, with the user's annotator identity; prints the error. */
HshStore *hsh_cli_open    (const char         *path,
                           HshStoreOpenFlags   flags);
int       hsh_cli_fail    (GError             *error);
int       hsh_cli_usage   (const char         *synopsis);

int hsh_cli_init   (int argc, char **argv);
int hsh_cli_import (int argc, char **argv);
int hsh_cli_export (int argc, char **argv);
int hsh_cli_list   (int argc, char **argv);
int hsh_cli_show   (int argc, char **argv);
int hsh_cli_stats  (int argc, char **argv);
int hsh_cli_check  (int argc, char **argv);
int hsh_cli_sample (int argc, char **argv);
int hsh_cli_agreement  (int argc, char **argv);
int hsh_cli_adjudicate (int argc, char **argv);
int hsh_cli_merge (int argc, char **argv);
int hsh_cli_publish (int argc, char **argv);
int hsh_cli_collect (int argc, char **argv);
int hsh_cli_conflicts (int argc, char **argv);

G_END_DECLS
