/* hsh-test-cli.h: running hashiya-cli from a test and keeping its exit status and output. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status;   /* the exit status, or -1 when it did not exit */
  char *out;
  char *err;
} HshCliRun;

void hsh_cli_run_clear (HshCliRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HshCliRun, hsh_cli_run_clear)

/* Runs $HASHIYA_CLI with the arguments from @first up to a NULL, in this test's environment. */
void hsh_test_cli        (HshCliRun   *run,
                          const char  *first,
                          ...);
/* The same with the environment @env (NULL: this test's). */
void hsh_test_cli_valist (HshCliRun   *run,
                          char       **env,
                          const char  *first,
                          va_list      args);

G_END_DECLS
