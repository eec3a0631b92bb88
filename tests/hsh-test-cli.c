/* hsh-test-cli.c: running hashiya-cli from a test and keeping its exit status and output. */
#include "hsh-test-cli.h"

#include <sys/wait.h>

void
hsh_cli_run_clear (HshCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
hsh_test_cli_valist (HshCliRun   *run,
                     char       **env,
                     const char  *first,
                     va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("HASHIYA_CLI");
  int wait = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait) ? WEXITSTATUS (wait) : -1;
}

void
hsh_test_cli (HshCliRun  *run,
              const char *first,
              ...)
{
  va_list args;

  va_start (args, first);
  hsh_test_cli_valist (run, NULL, first, args);
  va_end (args);
}
