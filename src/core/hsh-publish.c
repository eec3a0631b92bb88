/* hsh-publish.c: publishing a snapshot of one's project to a shared folder, atomically, and
 * collecting the team's snapshots from it. */
#include "hsh-publish.h"
#include "hsh-model.h"
#include "hsh-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define SHARED_FOLDER_KEY "shared.folder"

char *
hsh_store_get_shared_folder (HshStore *store)
{
  return hsh_store_get_setting (store, SHARED_FOLDER_KEY);
}

gboolean
hsh_store_set_shared_folder (HshStore *store, const char *folder, GError **error)
{
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "%s is not a folder", folder);
      return FALSE;
    }
  return hsh_store_set_setting (store, SHARED_FOLDER_KEY, folder, error);
}

/* A name safe on every file system a shared folder may live on (SMB, FAT, cloud sync). */
static char *
safe_name (const char *name)
{
  GString *out = g_string_new (NULL);
  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "coder");
  return g_string_free (out, FALSE);
}

char *
hsh_store_snapshot_name (HshStore *store)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, "SELECT name, uuid FROM annotator WHERE id = ?1", NULL);
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, hsh_store_get_annotator_id (store));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          name = safe_name ((const char *) sqlite3_column_text (stmt, 0));
          uuid = g_strndup ((const char *) sqlite3_column_text (stmt, 1), 8);
        }
      sqlite3_reset (stmt);
    }
  return g_strdup_printf ("%s-%s.hashiya", name != NULL ? name : "coder", uuid != NULL ? uuid : "00000000");
}

static gboolean
sync_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;
  int saved = errno;

  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not write %s to disk: %s", path, g_strerror (saved));
  return ok;
}

/* SQLite's backup API copies a consistent snapshot even while the project is in use; the copy
 * is a plain rollback-journal file, so it needs no -wal file beside it in the shared folder. */
static gboolean
write_copy (HshStore *store, const char *path, GError **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", hsh_store_get_db (store), "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not write the snapshot %s: %s", path,
                   copy != NULL ? sqlite3_errmsg (copy) : "out of memory");
      sqlite3_close (copy);
      return FALSE;
    }
  sqlite3_close (copy);
  return sync_file (path, error);
}

char *
hsh_store_publish (HshStore *store, const char *folder, GError **error)
{
  g_autofree char *name = hsh_store_snapshot_name (store);
  g_autofree char *final = g_build_filename (folder, name, NULL);
  g_autofree char *temporary = g_strdup_printf ("%s/.%s.%08x.partial", folder, name, g_random_int ());

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "The shared folder %s is not there (is the drive connected?)", folder);
      return NULL;
    }
  if (!write_copy (store, temporary, error))
    {
      g_unlink (temporary);
      return NULL;
    }
  /* rename() replaces the old snapshot in one step: a colleague collecting at this moment reads
   * either the old or the new file, never a mixture. */
  if (g_rename (temporary, final) != 0)
    {
      int saved = errno;
      g_unlink (temporary);
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not publish to %s: %s", final, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&final);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
hsh_store_collect (HshStore *store, const char *folder, GPtrArray *failures, GCancellable *cancellable, GError **error)
{
  g_autofree char *own = hsh_store_snapshot_name (store);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *summaries;
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".hashiya") && name[0] != '.' && g_strcmp0 (name, own) != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_merge_summary_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) local = NULL;
      HshMergeSummary *summary = hsh_store_merge (store, path, cancellable, &local);

      if (summary != NULL)
        g_ptr_array_add (summaries, summary);
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          g_ptr_array_unref (summaries);
          return NULL;
        }
      else if (failures != NULL)
        g_ptr_array_add (failures, g_strdup_printf ("%s: %s", (char *) g_ptr_array_index (names, i), local->message));
    }
  return summaries;
}
