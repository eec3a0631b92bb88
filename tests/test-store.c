/* test-store.c: opening project files — creation, upgrade, and the refusals that keep a
 * damaged, foreign, newer or hostile file from doing harm. */
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include "hsh-model.h"
#include "hsh-sample.h"
#include "hsh-schema.h"
#include "hsh-store-private.h"
#include "hsh-test-support.h"

static char *
scratch_file (const char *name)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  return g_build_filename (dir, name, NULL);
}

static void
exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Opening must fail with @code and leave the file's bytes as they were. */
static void
assert_refused (const char *path, int code, const char *phrase)
{
  g_autofree char *before = hsh_test_file_sha256 (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);
  g_autofree char *after = hsh_test_file_sha256 (path);

  g_assert_null (store);
  g_assert_error (error, HSH_ERROR, code);
  g_assert_nonnull (strstr (error->message, phrase));
  g_assert_cmpstr (before, ==, after);
}

static void
test_creates_project_with_identity_pragmas (void)
{
  g_autofree char *path = scratch_file ("new.hashiya");
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, &error);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_cmpint (hsh_store_get_schema_version (store), ==, HSH_SCHEMA_VERSION);
  g_assert_cmpstr (hsh_store_get_journal_mode (store), ==, "wal");
  db = hsh_store_get_db (store);
  sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, HSH_APPLICATION_ID);
  sqlite3_finalize (stmt);
  g_assert_null (hsh_store_get_backup_path (store));
}

static void
test_refuses_missing_file_without_create (void)
{
  g_autofree char *path = scratch_file ("absent.hashiya");
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refuses_non_sqlite_file (void)
{
  g_autofree char *path = scratch_file ("notes.hashiya");
  g_file_set_contents (path, "This is a text file that someone renamed.\n", -1, NULL);
  assert_refused (path, HSH_ERROR_NOT_A_PROJECT, "not an SQLite database");
}

static void
test_refuses_foreign_sqlite_file (void)
{
  g_autofree char *path = scratch_file ("firefox.sqlite");
  exec_raw (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('x');");
  assert_refused (path, HSH_ERROR_NOT_A_PROJECT, "another application");
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *path = scratch_file ("future.hashiya");
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", HSH_SCHEMA_VERSION + 1);
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, NULL);

  g_clear_object (&store);
  exec_raw (path, "PRAGMA journal_mode = DELETE");
  exec_raw (path, pragma);
  assert_refused (path, HSH_ERROR_NEWER_SCHEMA, "newer version of Hashiya");
}

static void
test_refuses_damaged_file (void)
{
  g_autofree char *path = scratch_file ("damaged.hashiya");
  g_autoptr(HshStore) store = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (hsh_sample_create (path, NULL));
  exec_raw (path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  /* Scribble over the b-tree pages after the header page: the header still says "Hashiya". */
  for (gsize i = 4096 + 100; i < length - 4096; i += 97)
    data[i] = (char) (data[i] ^ 0x5A);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  assert_refused (path, HSH_ERROR_DAMAGED, "damaged");
}

static void
test_refuses_hostile_trigger (void)
{
  g_autofree char *path = scratch_file ("hostile.hashiya");
  g_assert_true (hsh_sample_create (path, NULL));
  exec_raw (path, "PRAGMA journal_mode = DELETE; "
                  "CREATE TRIGGER wipe AFTER INSERT ON annotation BEGIN DELETE FROM annotation; END;");
  assert_refused (path, HSH_ERROR_UNTRUSTED, "trigger named “wipe”");
}

static void
test_refuses_hostile_view (void)
{
  g_autofree char *path = scratch_file ("view.hashiya");
  g_assert_true (hsh_sample_create (path, NULL));
  exec_raw (path, "PRAGMA journal_mode = DELETE; CREATE VIEW everything AS SELECT * FROM document;");
  assert_refused (path, HSH_ERROR_UNTRUSTED, "view named “everything”");
}

static void
test_refuses_altered_table (void)
{
  g_autofree char *path = scratch_file ("altered.hashiya");
  g_assert_true (hsh_sample_create (path, NULL));
  exec_raw (path, "PRAGMA journal_mode = DELETE; ALTER TABLE annotation ADD COLUMN payload TEXT DEFAULT 'x';");
  assert_refused (path, HSH_ERROR_UNTRUSTED, "table named “annotation”");
}

static void
test_upgrades_older_schema_after_backup (void)
{
  g_autofree char *path = scratch_file ("old.hashiya");
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = NULL;
  g_autofree char *backup = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (hsh_store_create_at_version (path, 1, &error));
  exec_raw (path, "INSERT INTO document (uuid, sha256, title, text, length, created, modified) "
                  "VALUES ('3f1c1e04-6a4e-4bd7-8a59-8f9a4d0c9e11', 'x', 'القوات الشرقية', 'سحب المرتزقة', 12, 0, 0)");
  store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hsh_store_get_schema_version (store), ==, HSH_SCHEMA_VERSION);
  backup = g_strdup (hsh_store_get_backup_path (store));
  g_assert_true (g_str_has_suffix (backup, ".schema-1.bak"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  /* The upgrade built the search index over the documents already there. */
  sqlite3_prepare_v2 (hsh_store_get_db (store), "SELECT count(*) FROM document_fts WHERE document_fts MATCH 'المرتزقة'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_clear_object (&store);

  /* The backup is the old file, still at schema 1, and opens (upgrading a copy of itself). */
  sqlite3 *db;
  sqlite3_open (backup, &db);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  sqlite3_step (stmt);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_read_only_refuses_writes (void)
{
  g_autofree char *path = scratch_file ("ro.hashiya");
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_assert_true (hsh_sample_create (path, NULL));
  store = hsh_store_open (path, HSH_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  documents = hsh_store_list_documents (store, &error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_false (hsh_store_set_document_status (store, 1, "done", &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_READ_ONLY);
}

static void
test_defensive_settings_are_on (void)
{
  g_autofree char *path = scratch_file ("defensive.hashiya");
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, NULL);
  sqlite3 *db = hsh_store_get_db (store);
  int value = -1;

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &value);
  g_assert_cmpint (value, ==, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &value);
  g_assert_cmpint (value, ==, 0);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1, &value);
  g_assert_cmpint (value, ==, 0);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &value);
  g_assert_cmpint (value, ==, 0);
  /* Writing the schema directly, as an attacker's crafted statement might, is refused. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = '' WHERE name = 'document'", NULL, NULL, NULL), !=, SQLITE_OK);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open/creates-project-with-application-id", test_creates_project_with_identity_pragmas);
  g_test_add_func ("/store/open/refuses-missing-file-without-create", test_refuses_missing_file_without_create);
  g_test_add_func ("/store/open/refuses-non-sqlite-file", test_refuses_non_sqlite_file);
  g_test_add_func ("/store/open/refuses-foreign-sqlite-file", test_refuses_foreign_sqlite_file);
  g_test_add_func ("/store/open/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/store/open/refuses-damaged-file", test_refuses_damaged_file);
  g_test_add_func ("/store/harden/refuses-trigger-it-did-not-create", test_refuses_hostile_trigger);
  g_test_add_func ("/store/harden/refuses-view-it-did-not-create", test_refuses_hostile_view);
  g_test_add_func ("/store/harden/refuses-altered-table", test_refuses_altered_table);
  g_test_add_func ("/store/harden/defensive-settings-are-on", test_defensive_settings_are_on);
  g_test_add_func ("/store/migrate/upgrades-older-schema-after-backup", test_upgrades_older_schema_after_backup);
  g_test_add_func ("/store/open/read-only-refuses-writes", test_read_only_refuses_writes);
  return g_test_run ();
}
