/* hsh-lock.c: the lock file beside a project. SQLite's own locking is not trusted across
 * machines on network file systems, so Hashiya states in a file who has the project open. */
#include "hsh-lock.h"
#include "hsh-identity.h"
#include "hsh-types.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* Another machine's lock counts as abandoned after this long without a heartbeat. */
#define STALE_AFTER_MS (10 * 60 * 1000)

struct _HshLock
{
  char *path;
  gint64 since;
};

void
hsh_lock_holder_free (HshLockHolder *holder)
{
  if (holder == NULL)
    return;
  g_free (holder->user);
  g_free (holder->host);
  g_free (holder);
}

static char *
lock_path (const char *project_path)
{
  return g_strconcat (project_path, "-lock", NULL);
}

static char *
holder_text (gint64 since)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(HshIdentity) identity = hsh_identity_load ();
  const char *real = g_get_real_name ();

  /* The annotator's own name says more to a colleague than the account name. */
  if (identity != NULL)
    g_key_file_set_string (file, "lock", "user", identity->name);
  else
    g_key_file_set_string (file, "lock", "user", real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ());
  g_key_file_set_string (file, "lock", "host", g_get_host_name ());
  g_key_file_set_int64 (file, "lock", "pid", getpid ());
  g_key_file_set_int64 (file, "lock", "since", since);
  g_key_file_set_int64 (file, "lock", "heartbeat", hsh_now_ms ());
  return g_key_file_to_data (file, NULL, NULL);
}

HshLockHolder *
hsh_lock_read_holder (const char *project_path)
{
  g_autofree char *path = lock_path (project_path);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  HshLockHolder *holder;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  holder = g_new0 (HshLockHolder, 1);
  holder->user = g_key_file_get_string (file, "lock", "user", NULL);
  holder->host = g_key_file_get_string (file, "lock", "host", NULL);
  holder->pid = g_key_file_get_int64 (file, "lock", "pid", NULL);
  holder->since = g_key_file_get_int64 (file, "lock", "since", NULL);
  holder->heartbeat = g_key_file_get_int64 (file, "lock", "heartbeat", NULL);
  if (holder->user == NULL || holder->host == NULL || holder->pid <= 0)
    g_clear_pointer (&holder, hsh_lock_holder_free);
  return holder;
}

char *
hsh_lock_holder_describe (const HshLockHolder *holder)
{
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_local (holder->since / 1000);
  g_autofree char *when = since != NULL ? g_date_time_format (since, "%Y-%m-%d %H:%M") : g_strdup ("?");
  return g_strdup_printf ("%s on %s (process %" G_GINT64_FORMAT "), since %s", holder->user, holder->host, holder->pid, when);
}

static gboolean
is_stale (const HshLockHolder *holder)
{
  if (holder == NULL)
    return TRUE;   /* unreadable: a crash while writing it */
  if (g_strcmp0 (holder->host, g_get_host_name ()) == 0)
    return kill ((pid_t) holder->pid, 0) != 0 && errno == ESRCH;
  return hsh_now_ms () - holder->heartbeat > STALE_AFTER_MS;
}

static gboolean
create_exclusive (const char *path, const char *text)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  gssize length = (gssize) strlen (text);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, length) == length && fsync (fd) == 0;
  close (fd);
  if (!ok)
    g_unlink (path);
  return ok;
}

HshLock *
hsh_lock_acquire (const char *project_path, HshLockHolder **holder_out, GError **error)
{
  g_autofree char *path = lock_path (project_path);
  gint64 since = hsh_now_ms ();
  g_autofree char *text = holder_text (since);
  HshLock *lock;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(HshLockHolder) holder = NULL;

      if (create_exclusive (path, text))
        {
          lock = g_new0 (HshLock, 1);
          lock->path = g_steal_pointer (&path);
          lock->since = since;
          return lock;
        }
      if (errno != EEXIST)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Cannot write the lock file %s: %s", path, g_strerror (errno));
          return NULL;
        }
      holder = hsh_lock_read_holder (project_path);
      if (attempt == 0 && is_stale (holder))
        {
          g_unlink (path);
          continue;
        }
      if (holder != NULL)
        {
          g_autofree char *who = hsh_lock_holder_describe (holder);
          g_set_error (error, HSH_ERROR, HSH_ERROR_LOCKED, "%s is already open: %s", project_path, who);
          if (holder_out != NULL)
            *holder_out = g_steal_pointer (&holder);
          return NULL;
        }
    }
  g_set_error (error, HSH_ERROR, HSH_ERROR_LOCKED, "%s is being opened by someone else at this moment", project_path);
  return NULL;
}

/* Whether the lock file is still ours: after a long sleep another machine may have taken it. */
static gboolean
still_ours (HshLock *lock)
{
  g_autofree char *project = g_strndup (lock->path, strlen (lock->path) - strlen ("-lock"));
  g_autoptr(HshLockHolder) holder = hsh_lock_read_holder (project);
  return holder != NULL && holder->pid == getpid () && holder->since == lock->since &&
         g_strcmp0 (holder->host, g_get_host_name ()) == 0;
}

gboolean
hsh_lock_refresh (HshLock *lock, GError **error)
{
  g_autofree char *text = holder_text (lock->since);

  if (!still_ours (lock))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_LOCKED, "Another Hashiya took over the lock of this project");
      return FALSE;
    }
  return g_file_set_contents (lock->path, text, -1, error);
}

void
hsh_lock_release (HshLock *lock)
{
  if (lock == NULL)
    return;
  if (still_ours (lock))
    g_unlink (lock->path);
  g_free (lock->path);
  g_free (lock);
}
