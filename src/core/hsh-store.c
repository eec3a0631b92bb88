/* hsh-store.c: opening a project file as untrusted input — header check, defensive settings,
 * integrity and schema checks, upgrade after a backup — and the statement cache the model uses. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include "hsh-schema.h"
#include "hsh-store-private.h"

struct _HshStore
{
  GObject parent_instance;
  sqlite3 *db;
  char *path;
  char *backup_path;
  char *journal_mode;
  gboolean read_only;
  int schema_version;
  gint64 annotator_id;
  GHashTable *statements;   /* static SQL string → sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (HshStore, hsh_store, G_TYPE_OBJECT)

static void
hsh_store_finalize (GObject *object)
{
  HshStore *self = HSH_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->backup_path);
  g_free (self->journal_mode);
  G_OBJECT_CLASS (hsh_store_parent_class)->finalize (object);
}

static void
hsh_store_class_init (HshStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hsh_store_finalize;
  /* Before the first connection initialises SQLite: its memory statistics take a global lock on
   * every allocation, ≈ 5 % of a merge or export spread over threads, and Hashiya reads none of
   * them. Once SQLite is initialised this call changes nothing, harmlessly. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hsh_store_init (HshStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

/* The 100-byte SQLite header tells, before SQLite parses anything, whether this is an SQLite
 * file at all, which application wrote it (offset 68) and at which schema (offset 60). */
typedef enum { HEADER_NEW, HEADER_SQLITE } HeaderKind;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
check_header (const char *path, gboolean may_create, HeaderKind *kind, int *version, GError **error)
{
  g_autoptr(GError) local = NULL;
  guint8 header[100];
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &local);
  gsize got = 0;

  if (in == NULL)
    {
      if (may_create && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *kind = HEADER_NEW;
          return TRUE;
        }
      g_set_error (error, HSH_ERROR,
                   g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? HSH_ERROR_NOT_FOUND : HSH_ERROR_IO,
                   "Cannot open %s: %s", path, local->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Cannot read %s: %s", path, local->message);
      return FALSE;
    }
  if (got == 0 && may_create)
    {
      *kind = HEADER_NEW;
      return TRUE;
    }
  if (got < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_A_PROJECT,
                   "%s is not a Hashiya project: it is not an SQLite database", path);
      return FALSE;
    }
  guint32 application_id = read_be32 (header + 68);
  *version = (int) read_be32 (header + 60);
  if (application_id != HSH_APPLICATION_ID)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_A_PROJECT,
                   "%s is an SQLite database of another application (application id 0x%08x), "
                   "not a Hashiya project", path, application_id);
      return FALSE;
    }
  if (*version > HSH_SCHEMA_VERSION)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NEWER_SCHEMA,
                   "%s was written by a newer version of Hashiya (schema %d; this version reads up "
                   "to schema %d). Update Hashiya to open it; the file was left untouched",
                   path, *version, HSH_SCHEMA_VERSION);
      return FALSE;
    }
  *kind = HEADER_SQLITE;
  return TRUE;
}

static gboolean
exec (HshStore *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  hsh_store_set_error (self, error, sql);
  return FALSE;
}

/* Settings from SQLite's advice on reading database files from untrusted sources: no code
 * from the schema (triggers, views, unsafe functions), no extensions, no direct writes to the
 * schema, cell sizes checked, no memory-mapped I/O. Hashiya creates no triggers or views. */
static gboolean
harden (HshStore *self, GError **error)
{
  static const int off[] = {
    SQLITE_DBCONFIG_TRUSTED_SCHEMA, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
    SQLITE_DBCONFIG_ENABLE_TRIGGER, SQLITE_DBCONFIG_ENABLE_VIEW,
  };
  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    sqlite3_db_config (self->db, off[i], 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_ATTACHED, 0);
  /* A 32 MB page cache (SQLite's default is 2 MB) keeps a merge of 100,000 annotations or an
   * import of thousands of articles from spilling pages to disk and reading them back. */
  return exec (self, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0; PRAGMA foreign_keys = ON; "
                     "PRAGMA cache_size = -32768;", error);
}

static gboolean
quick_check (HshStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (first, "ok") != 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_DAMAGED,
                   "%s is damaged (SQLite's integrity check says: %s). It was left untouched; "
                   "open a backup or a colleague's copy instead",
                   self->path, first != NULL ? first : sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pragma_int (HshStore *self, const char *pragma, int *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) == SQLITE_OK
                && sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *value = sqlite3_column_int (stmt, 0);
  else
    g_set_error (error, HSH_ERROR, HSH_ERROR_DAMAGED, "%s cannot be read: %s", self->path,
                 sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  return ok;
}

/* WAL needs shared memory that network file systems do not provide reliably; there the
 * rollback journal is the safe choice. */
static gboolean
choose_journal_mode (HshStore *self, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
  gboolean remote = info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
  const char *sql = remote ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL";
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    {
      hsh_store_set_error (self, error, "choosing the journal mode");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  self->journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  /* In WAL mode, NORMAL syncs at checkpoints rather than at every commit: a tag stays a
   * keypress, and a power cut can lose only the last moments, never consistency. */
  return g_strcmp0 (self->journal_mode, "wal") != 0 || exec (self, "PRAGMA synchronous = NORMAL", error);
}

static gboolean
backup_before_upgrade (HshStore *self, int from_version, GError **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  self->backup_path = g_strdup_printf ("%s.schema-%d.bak", self->path, from_version);
  rc = sqlite3_open_v2 (self->backup_path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO,
                   "Could not write the backup %s before upgrading the project: %s",
                   self->backup_path, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }
  sqlite3_close (copy);
  return TRUE;
}

static gboolean
upgrade (HshStore *self, int from_version, GError **error)
{
  if (self->read_only)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_READ_ONLY,
                   "%s uses schema %d and needs an upgrade to schema %d, which cannot happen "
                   "while it is opened read-only", self->path, from_version, HSH_SCHEMA_VERSION);
      return FALSE;
    }
  if (from_version > 0 && !backup_before_upgrade (self, from_version, error))
    return FALSE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!hsh_schema_migrate (self->db, from_version, HSH_SCHEMA_VERSION, error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return exec (self, "COMMIT", error);
}

/* @whole_check: run SQLite's integrity check over the whole file, as every first open must;
 * a second connection to a file just checked skips it. */
static HshStore *
open_store (const char *path, HshStoreOpenFlags flags, gboolean whole_check, GError **error)
{
  g_autoptr(HshStore) self = NULL;
  HeaderKind kind;
  int header_version = 0;
  int version = 0;
  gboolean read_only = (flags & HSH_STORE_OPEN_READ_ONLY) != 0;
  gboolean may_create = (flags & HSH_STORE_OPEN_CREATE) != 0 && !read_only;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, may_create, &kind, &header_version, error))
    return NULL;

  self = g_object_new (HSH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  int open_flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
                   | (kind == HEADER_NEW ? SQLITE_OPEN_CREATE : 0)
                   | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2 (path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Cannot open %s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  if (!harden (self, error))
    return NULL;

  if (kind == HEADER_SQLITE)
    {
      int application_id = 0;
      if (!pragma_int (self, "PRAGMA application_id", &application_id, error) ||
          !pragma_int (self, "PRAGMA user_version", &version, error))
        return NULL;
      if ((guint32) application_id != HSH_APPLICATION_ID || version != header_version)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_DAMAGED,
                       "%s has an inconsistent header; it was left untouched", path);
          return NULL;
        }
      if ((whole_check && !quick_check (self, error)) || !hsh_schema_verify_objects (self->db, version, error))
        return NULL;
    }

  if (version < HSH_SCHEMA_VERSION && !upgrade (self, version, error))
    return NULL;
  self->schema_version = HSH_SCHEMA_VERSION;
  if (!read_only && !choose_journal_mode (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

HshStore *
hsh_store_open (const char *path, HshStoreOpenFlags flags, GError **error)
{
  return open_store (path, flags, TRUE, error);
}

HshStore *
hsh_store_open_sibling (HshStore *self, GError **error)
{
  g_return_val_if_fail (HSH_IS_STORE (self), NULL);
  return open_store (self->path, HSH_STORE_OPEN_READ_ONLY, FALSE, error);
}

static gboolean
read_data_version (HshStore *self, gint64 *data_version, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW && data_version != NULL)
    *data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  hsh_store_set_error (self, error, "PRAGMA data_version");
  return FALSE;
}

gboolean
hsh_store_data_version (HshStore *self, gint64 *data_version, GError **error)
{
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);
  return read_data_version (self, data_version, error);
}

/* Reading the data version is what starts the transaction: until a statement reads, BEGIN
 * alone takes no snapshot. */
gboolean
hsh_store_begin_read (HshStore *self, gint64 *data_version, GError **error)
{
  if (!exec (self, "BEGIN", error))
    return FALSE;
  if (read_data_version (self, data_version, error))
    return TRUE;
  hsh_store_end_read (self);
  return FALSE;
}

void
hsh_store_end_read (HshStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

gboolean
hsh_store_create_at_version (const char *path, int version, GError **error)
{
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Cannot create %s", path);
      sqlite3_close (db);
      return FALSE;
    }
  ok = hsh_schema_migrate (db, 0, version, error);
  sqlite3_close (db);
  return ok;
}

const char *
hsh_store_get_path (HshStore *self)
{
  g_return_val_if_fail (HSH_IS_STORE (self), NULL);
  return self->path;
}

gboolean
hsh_store_is_read_only (HshStore *self)
{
  g_return_val_if_fail (HSH_IS_STORE (self), TRUE);
  return self->read_only;
}

int
hsh_store_get_schema_version (HshStore *self)
{
  g_return_val_if_fail (HSH_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
hsh_store_get_journal_mode (HshStore *self)
{
  g_return_val_if_fail (HSH_IS_STORE (self), NULL);
  return self->journal_mode;
}

const char *
hsh_store_get_backup_path (HshStore *self)
{
  g_return_val_if_fail (HSH_IS_STORE (self), NULL);
  return self->backup_path;
}

sqlite3 *
hsh_store_get_db (HshStore *self)
{
  return self->db;
}

void
hsh_store_set_error (HshStore *self, GError **error, const char *what)
{
  int code = sqlite3_errcode (self->db) & 0xff;
  HshError kind = HSH_ERROR_FAILED;

  if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_CANTOPEN)
    kind = HSH_ERROR_IO;
  else if (code == SQLITE_READONLY)
    kind = HSH_ERROR_READ_ONLY;
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    kind = HSH_ERROR_DAMAGED;
  g_set_error (error, HSH_ERROR, kind, "%s: %s (while %s)", self->path,
               sqlite3_errmsg (self->db), what);
}

sqlite3_stmt *
hsh_store_statement (HshStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      hsh_store_set_error (self, error, "preparing a query");
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
hsh_store_step_done (HshStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  hsh_store_set_error (self, error, what);
  return FALSE;
}

gboolean
hsh_store_check_writable (HshStore *self, GError **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_READ_ONLY,
               "%s is open read-only; open a copy to make changes", self->path);
  return FALSE;
}

/* Savepoints nest, so a model function can open a transaction whether or not its caller did. */
gboolean
hsh_store_begin (HshStore *self, GError **error)
{
  return hsh_store_check_writable (self, error) && exec (self, "SAVEPOINT hsh", error);
}

gboolean
hsh_store_commit (HshStore *self, GError **error)
{
  if (exec (self, "RELEASE hsh", error))
    return TRUE;
  hsh_store_rollback (self);
  return FALSE;
}

void
hsh_store_rollback (HshStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK TO hsh; RELEASE hsh", NULL, NULL, NULL);
}

gboolean
hsh_store_set_annotator (HshStore *self, const char *uuid, const char *name, GError **error)
{
  static const char upsert_sql[] =
    "INSERT INTO annotator (uuid, name, created, modified) VALUES (?1, ?2, ?3, ?3) "
    "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, modified = excluded.modified, "
    "revision = revision + 1 WHERE name IS NOT excluded.name";
  static const char find_sql[] = "SELECT id FROM annotator WHERE uuid = ?1";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid), FALSE);

  if (!self->read_only)
    {
      if (!(stmt = hsh_store_statement (self, upsert_sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
      if (!hsh_store_step_done (self, stmt, "recording the annotator", error))
        return FALSE;
    }
  if (!(stmt = hsh_store_statement (self, find_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  self->annotator_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
hsh_store_get_annotator_id (HshStore *self)
{
  g_return_val_if_fail (HSH_IS_STORE (self), 0);
  return self->annotator_id;
}

char *
hsh_store_get_setting (HshStore *self, const char *key)
{
  sqlite3_stmt *stmt = hsh_store_statement (self, "SELECT value FROM project WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
hsh_store_set_setting (HshStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;

  if (!hsh_store_check_writable (self, error) ||
      !(stmt = hsh_store_statement (self, "INSERT OR REPLACE INTO project (key, value) VALUES (?1, ?2)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return hsh_store_step_done (self, stmt, "saving a project setting", error);
}
