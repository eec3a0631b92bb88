/* hsh-lock.h: noticing that a project file is already open — in another window, process or
 * machine — through a lock file beside it (the project's name with "-lock" added:
 * study.hashiya-lock) naming the annotator, host and process. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HshLock HshLock;

typedef struct {
  char   *user;
  char   *host;
  gint64  pid;
  gint64  since;       /* ms since the epoch */
  gint64  heartbeat;   /* last refresh, ms since the epoch */
} HshLockHolder;

void           hsh_lock_holder_free (HshLockHolder *holder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshLockHolder, hsh_lock_holder_free)

/* Takes the lock of @project_path. When someone else holds it, returns NULL, fills @holder
 * (when given) and sets HSH_ERROR_LOCKED with a message naming them. A lock is stale — and
 * taken over — when its process is gone (same host) or its heartbeat is older than ten minutes
 * (another host, whose processes cannot be checked). */
HshLock       *hsh_lock_acquire     (const char     *project_path,
                                     HshLockHolder **holder,
                                     GError        **error);
/* Rewrites the heartbeat; the application calls it every minute while the project is open. */
gboolean       hsh_lock_refresh     (HshLock        *lock,
                                     GError        **error);
/* Removes the lock file and frees @lock. */
void           hsh_lock_release     (HshLock        *lock);
/* Who holds the lock of @project_path now, or NULL. */
HshLockHolder *hsh_lock_read_holder (const char     *project_path);
/* "Layla Haddad on lab-pc-3 (process 4121), since 10:42" */
char          *hsh_lock_holder_describe (const HshLockHolder *holder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshLock, hsh_lock_release)

G_END_DECLS
