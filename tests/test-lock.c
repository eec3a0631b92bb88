/* test-lock.c: a project opened twice is noticed, and an abandoned lock is taken over. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "hsh-lock.h"
#include "hsh-types.h"
#include "hsh-test-support.h"

static char *
project (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  char *path = g_build_filename (dir, "p.hashiya", NULL);
  g_file_set_contents (path, "", 0, NULL);
  return path;
}

static void
write_lock (const char *path, const char *host, gint64 pid, gint64 heartbeat)
{
  g_autofree char *lock = g_strconcat (path, "-lock", NULL);
  g_autofree char *text = g_strdup_printf ("[lock]\nuser=Omar Haddad\nhost=%s\npid=%" G_GINT64_FORMAT "\nsince=%" G_GINT64_FORMAT
                                           "\nheartbeat=%" G_GINT64_FORMAT "\n", host, pid, heartbeat, heartbeat);
  g_assert_true (g_file_set_contents (lock, text, -1, NULL));
}

static void
test_second_opener_learns_who_holds_it (void)
{
  g_autofree char *path = project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HshLockHolder) holder = NULL;
  HshLock *first = hsh_lock_acquire (path, NULL, &error);
  HshLock *second;

  g_assert_no_error (error);
  second = hsh_lock_acquire (path, &holder, &error);
  g_assert_null (second);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_LOCKED);
  g_assert_cmpstr (holder->host, ==, g_get_host_name ());
  g_assert_cmpint (holder->pid, ==, getpid ());
  g_assert_nonnull (strstr (error->message, "is already open"));
  g_assert_true (hsh_lock_refresh (first, NULL));
  hsh_lock_release (first);
  g_assert_null (hsh_lock_read_holder (path));
  g_clear_error (&error);
  second = hsh_lock_acquire (path, NULL, &error);
  g_assert_no_error (error);
  hsh_lock_release (second);
}

static void
test_lock_of_dead_process_is_taken_over (void)
{
  g_autofree char *path = project ();
  g_autoptr(GError) error = NULL;
  HshLock *lock;

  /* Process ids wrap at a few million here; this one does not exist. */
  write_lock (path, g_get_host_name (), 0x7ffffff0, hsh_now_ms ());
  lock = hsh_lock_acquire (path, NULL, &error);
  g_assert_no_error (error);
  hsh_lock_release (lock);
}

static void
test_other_machine_holds_until_heartbeat_is_old (void)
{
  g_autofree char *path = project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HshLockHolder) holder = NULL;
  HshLock *lock;

  write_lock (path, "lab-pc-3", 4121, hsh_now_ms () - 60 * 1000);
  g_assert_null (hsh_lock_acquire (path, &holder, &error));
  g_assert_nonnull (strstr (error->message, "Omar Haddad on lab-pc-3 (process 4121)"));
  g_clear_error (&error);
  write_lock (path, "lab-pc-3", 4121, hsh_now_ms () - 11 * 60 * 1000);
  lock = hsh_lock_acquire (path, NULL, &error);
  g_assert_no_error (error);
  hsh_lock_release (lock);
}

static void
test_release_leaves_someone_elses_lock (void)
{
  g_autofree char *path = project ();
  HshLock *lock = hsh_lock_acquire (path, NULL, NULL);
  g_autoptr(HshLockHolder) holder = NULL;

  /* Another machine took the lock over while this one slept. */
  write_lock (path, "lab-pc-3", 4121, hsh_now_ms ());
  g_assert_false (hsh_lock_refresh (lock, NULL));
  hsh_lock_release (lock);
  holder = hsh_lock_read_holder (path);
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->host, ==, "lab-pc-3");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lock/second-opener-learns-who-holds-it", test_second_opener_learns_who_holds_it);
  g_test_add_func ("/lock/lock-of-dead-process-is-taken-over", test_lock_of_dead_process_is_taken_over);
  g_test_add_func ("/lock/other-machine-holds-until-heartbeat-is-old", test_other_machine_holds_until_heartbeat_is_old);
  g_test_add_func ("/lock/release-leaves-someone-elses-lock", test_release_leaves_someone_elses_lock);
  return g_test_run ();
}
