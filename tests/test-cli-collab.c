/* test-cli-collab.c: hashiya-cli publish, collect and merge end to end, and a merge killed
 * halfway leaving the project exactly as it was. */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "hsh-model.h"
#include "hsh-sample.h"
#include "hsh-test-cli.h"
#include "hsh-test-support.h"

/* Runs hashiya-cli as the coder whose identity is under @config_home; @out, when given,
 * receives what it printed. */
static int
cli (const char *config_home, char **out, const char *first, ...)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CONFIG_HOME", config_home, TRUE);
  g_auto(HshCliRun) run = { 0 };
  va_list args;

  va_start (args, first);
  hsh_test_cli_valist (&run, env, first, args);
  va_end (args);
  if (out != NULL)
    *out = g_steal_pointer (&run.out);
  return run.status;
}

/* Each coder has their own identity file, as on their own machine. */
static char *
coder_home (const char *dir, const char *name, const char *uuid)
{
  char *home = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_build_filename (home, "hashiya", NULL);
  g_autofree char *file = g_build_filename (folder, "identity.ini", NULL);
  g_autofree char *text = g_strdup_printf ("[annotator]\nuuid=%s\nname=%s\n", uuid, name);
  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (file, text, -1, NULL);
  return home;
}

static void
test_publish_then_collect (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *lead_home = coder_home (dir, "Lead", "11111111-1111-4111-8111-111111111111");
  g_autofree char *layla_home = coder_home (dir, "Layla", "22222222-2222-4222-8222-222222222222");
  g_autofree char *base = g_build_filename (dir, "base.hashiya", NULL);
  g_autofree char *lead = g_build_filename (dir, "lead.hashiya", NULL);
  g_autofree char *layla = g_build_filename (dir, "layla.hashiya", NULL);
  g_autofree char *out = NULL;
  g_autoptr(HshStore) store = NULL;
  HshRange range = { 183, 190 };

  g_mkdir (shared, 0700);
  g_assert_cmpint (cli (lead_home, NULL, "sample", base, NULL), ==, 0);
  hsh_test_copy_file (base, lead);
  hsh_test_copy_file (base, layla);
  store = hsh_store_open (layla, HSH_STORE_OPEN_DEFAULT, NULL);
  hsh_store_set_annotator (store, "22222222-2222-4222-8222-222222222222", "Layla", NULL);
  g_assert_cmpint (hsh_store_create_annotation (store, 1, 1, &range, 1, NULL), >, 0);
  g_clear_object (&store);

  g_assert_cmpint (cli (layla_home, &out, "publish", layla, shared, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Layla-22222222.hashiya"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (lead_home, &out, "collect", lead, shared, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 annotation from Layla"));
  g_clear_pointer (&out, g_free);
  /* The folder was remembered; collecting again brings nothing new. */
  g_assert_cmpint (cli (lead_home, &out, "collect", lead, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "nothing new"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (lead_home, &out, "merge", lead, layla, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "nothing new"));
}

static gint64
count_annotations (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_READ_ONLY, &error);
  HshStats stats;

  g_assert_no_error (error);
  g_assert_true (hsh_store_get_stats (store, &stats, NULL));
  return stats.annotations;
}

static void
test_killed_merge_leaves_project_intact (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *home = coder_home (dir, "Lead", "11111111-1111-4111-8111-111111111111");
  g_autofree char *big = g_build_filename (dir, "big.hashiya", NULL);
  g_autofree char *base = g_build_filename (dir, "base.hashiya", NULL);
  guint killed = 0;

  g_object_unref (hsh_test_make_corpus_project (big, 300, 100, "22222222-2222-4222-8222-222222222222", "Layla", 3));
  g_assert_true (hsh_sample_create (base, NULL));
  for (guint delay_ms = 20; delay_ms <= 320; delay_ms += 60)
    {
      g_autofree char *target = g_strdup_printf ("%s/target-%u.hashiya", dir, delay_ms);
      const char *argv[] = { g_getenv ("HASHIYA_CLI"), "merge", target, big, NULL };
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CONFIG_HOME", home, TRUE);
      GPid pid;
      int status = 0;
      gint64 count;

      hsh_test_copy_file (base, target);
      g_assert_true (g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, NULL));
      g_usleep (delay_ms * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      /* Whenever it was killed, the project opens, passes its checks and holds either all it
       * held before or all of the merge: never a part. */
      count = count_annotations (target);
      g_assert_true (count == 37 || count == 37 + 30000);
      if (WIFSIGNALED (status) && count == 37)
        killed++;
    }
  g_test_message ("%u of 6 merges were killed before they committed", killed);
  g_assert_cmpuint (killed, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/collab/publish-then-collect", test_publish_then_collect);
  g_test_add_func ("/cli/collab/killed-merge-leaves-project-intact", test_killed_merge_leaves_project_intact);
  return g_test_run ();
}
