/* hsh-merge-source.c: the file to merge is opened, and checked like any project (header,
 * integrity of the whole file, schema), on a thread of its own with a connection of its own,
 * while the merge reads our project: the integrity check is a tenth of a large merge, and the
 * machine has a second core. Nothing of the other file is read, and nothing is written to
 * ours, before the checks passed (hsh-merge.c waits for them). */
#include "hsh-merge-private.h"

static gpointer
open_and_check_source (gpointer data)
{
  HshMergeSourceCheck *check = data;

  /* The other file is untrusted like any project: opened read-only, with every check. */
  check->store = hsh_store_open (check->path, HSH_STORE_OPEN_READ_ONLY, &check->error);
  return NULL;
}

void
hsh_merge_source_check_start (HshMergeSourceCheck *check, const char *path)
{
  check->path = path;
  /* A connection may move between threads (it is opened without SQLite's per-connection
   * mutex, and used by one thread at a time) unless SQLite was built for one thread only. */
  if (sqlite3_threadsafe () != 0)
    check->thread = g_thread_try_new ("hsh-merge-check", open_and_check_source, check, NULL);
  if (check->thread == NULL)
    open_and_check_source (check);
}

HshStore *
hsh_merge_source_check_finish (HshMergeSourceCheck *check, GError **error)
{
  if (check->thread != NULL)
    g_thread_join (g_steal_pointer (&check->thread));
  if (check->store == NULL)
    g_propagate_error (error, g_steal_pointer (&check->error));
  return g_steal_pointer (&check->store);
}
