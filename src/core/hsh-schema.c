/* hsh-schema.c: versioned migrations of the project schema (documented in docs/schema.md),
 * and the comparison that refuses a file whose schema holds objects Hashiya did not create. */
#include "hsh-schema.h"
#include "hsh-types.h"

/* Columns every row that can travel between project files carries. `versions` is a version
 * vector, {"annotator uuid": edits}: merging compares vectors to tell an edit that follows
 * another from two concurrent edits (a conflict). */
#define TRAVELLING \
  "uuid TEXT NOT NULL UNIQUE," \
  "author INTEGER REFERENCES annotator(id)," \
  "created INTEGER NOT NULL," \
  "modified INTEGER NOT NULL," \
  "revision INTEGER NOT NULL DEFAULT 1," \
  "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))," \
  "versions TEXT NOT NULL DEFAULT '{}'"

/* Version 1: the model. */
static const char migration_1[] =
  "CREATE TABLE project ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE annotator ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  source TEXT,"
  "  language TEXT,"
  "  direction TEXT NOT NULL DEFAULT 'auto' CHECK (direction IN ('auto', 'rtl', 'ltr')),"
  "  metadata TEXT NOT NULL DEFAULT '{}',"
  "  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-progress', 'done')),"
  "  text TEXT NOT NULL,"
  "  length INTEGER NOT NULL CHECK (length >= 0),"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE label ("
  "  id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER REFERENCES label(id),"
  "  name TEXT NOT NULL,"
  "  color TEXT NOT NULL DEFAULT '#9a9996',"
  "  shortcut TEXT,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE attribute_def ("
  "  id INTEGER PRIMARY KEY,"
  "  label_id INTEGER NOT NULL REFERENCES label(id),"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice', 'actor')),"
  "  choices TEXT NOT NULL DEFAULT '[]',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE role_def ("
  "  id INTEGER PRIMARY KEY,"
  "  label_id INTEGER NOT NULL REFERENCES label(id),"
  "  name TEXT NOT NULL,"
  "  target_label_id INTEGER NOT NULL REFERENCES label(id),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE actor ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  kind TEXT,"
  "  wikidata TEXT,"
  "  description TEXT NOT NULL DEFAULT '',"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE actor_alias ("
  "  id INTEGER PRIMARY KEY,"
  "  actor_id INTEGER NOT NULL REFERENCES actor(id),"
  "  alias TEXT NOT NULL,"
  "  script TEXT NOT NULL DEFAULT 'other' CHECK (script IN ('arab', 'latn', 'other')),"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE annotation ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES document(id),"
  "  label_id INTEGER NOT NULL REFERENCES label(id),"
  "  ranges TEXT NOT NULL,"
  "  start INTEGER NOT NULL CHECK (start >= 0),"
  "  end INTEGER NOT NULL CHECK (end > start),"
  "  text TEXT NOT NULL,"
  "  actor_id INTEGER REFERENCES actor(id),"
  "  gold INTEGER NOT NULL DEFAULT 0 CHECK (gold IN (0, 1)),"
  TRAVELLING
  ") STRICT;"
  "CREATE INDEX annotation_by_position ON annotation(document_id, start);"
  "CREATE TABLE attribute_value ("
  "  id INTEGER PRIMARY KEY,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotation(id),"
  "  attribute_id INTEGER NOT NULL REFERENCES attribute_def(id),"
  "  value TEXT NOT NULL,"
  TRAVELLING ","
  "  UNIQUE (annotation_id, attribute_id)"
  ") STRICT;"
  "CREATE TABLE role_link ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES annotation(id),"
  "  role_id INTEGER NOT NULL REFERENCES role_def(id),"
  "  target_id INTEGER NOT NULL REFERENCES annotation(id),"
  TRAVELLING ","
  "  UNIQUE (source_id, role_id, target_id)"
  ") STRICT;"
  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER REFERENCES document(id),"
  "  annotation_id INTEGER REFERENCES annotation(id),"
  "  body TEXT NOT NULL,"
  TRAVELLING
  ") STRICT;"
  "CREATE TABLE adjudication ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES document(id),"
  "  candidate TEXT NOT NULL,"
  "  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),"
  "  gold_id INTEGER REFERENCES annotation(id),"
  TRAVELLING
  ") STRICT;"
  "CREATE INDEX adjudication_by_document ON adjudication(document_id);"
  "CREATE TABLE operation ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  annotator_id INTEGER REFERENCES annotator(id),"
  "  created INTEGER NOT NULL,"
  "  description TEXT NOT NULL,"
  "  document_id INTEGER REFERENCES document(id),"
  "  changes TEXT NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE conflict ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  table_name TEXT NOT NULL,"
  "  row_uuid TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),"
  "  UNIQUE (table_name, row_uuid, version)"
  ") STRICT;";

/* Version 2: the full-text search index over titles and texts. Arabic-aware folding happens
 * in Hashiya's own matching, so the tokenizer keeps characters as they are (remove_diacritics 0
 * is also the cheaper tokenizer). Merging index segments less often makes bulk imports ≈12%
 * faster at no cost to queries of a few thousand documents. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE document_fts USING fts5("
  "  title, text, content='document', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 0');"
  "INSERT INTO document_fts(document_fts, rank) VALUES ('automerge', 8);"
  "INSERT INTO document_fts(document_fts, rank) VALUES ('crisismerge', 64);"
  "INSERT INTO document_fts(document_fts) VALUES ('rebuild');";

static const char *const migrations[HSH_SCHEMA_VERSION] = { migration_1, migration_2 };

gboolean
hsh_schema_migrate (sqlite3 *db, int from_version, int to_version, GError **error)
{
  g_return_val_if_fail (from_version >= 0 && to_version <= HSH_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      char *message = NULL;
      if (sqlite3_exec (db, migrations[v], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED,
                       "Could not upgrade the project to schema %d: %s", v + 1, message);
          sqlite3_free (message);
          return FALSE;
        }
    }
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              HSH_APPLICATION_ID, to_version);
  if (sqlite3_exec (db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not mark the schema version: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* The schema objects (type, name, SQL) a file of @version must hold, built by running the
 * migrations on an empty in-memory database: the reference can never disagree with them. */
static GHashTable *
reference_objects (int version)
{
  static GHashTable *cache[HSH_SCHEMA_VERSION + 1];
  static GMutex lock;
  g_mutex_lock (&lock);
  if (cache[version] == NULL)
    {
      sqlite3 *mem = NULL;
      sqlite3_stmt *stmt = NULL;
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      if (!hsh_schema_migrate (mem, 0, version, NULL))
        g_error ("The built-in schema does not apply to an empty database");
      sqlite3_prepare_v2 (mem, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (set, g_strdup_printf ("%s\x1f%s\x1f%s", sqlite3_column_text (stmt, 0),
                                                sqlite3_column_text (stmt, 1),
                                                sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
      sqlite3_close (mem);
      cache[version] = set;
    }
  g_mutex_unlock (&lock);
  return cache[version];
}

gboolean
hsh_schema_verify_objects (sqlite3 *db, int version, GError **error)
{
  GHashTable *expected = reference_objects (version);
  sqlite3_stmt *stmt = NULL;
  guint seen = 0;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_DAMAGED, "The project's schema cannot be read: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s", type, name, sqlite3_column_text (stmt, 2));
      /* sqlite_stat1 and friends appear after ANALYZE; they hold statistics, not code. */
      if (g_str_has_prefix (name, "sqlite_stat") && g_strcmp0 (type, "table") == 0)
        continue;
      if (!g_hash_table_contains (expected, key))
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_UNTRUSTED,
                       "The project file contains a %s named “%s” that Hashiya did not create; "
                       "it was refused so that nothing in it can run. Ask the sender for a clean "
                       "copy, or export their work from their own Hashiya",
                       type, name);
          ok = FALSE;
        }
      seen++;
    }
  sqlite3_finalize (stmt);
  if (ok && seen < g_hash_table_size (expected))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_DAMAGED,
                   "The project file lacks %u of the tables and indexes of schema %d",
                   g_hash_table_size (expected) - seen, version);
      ok = FALSE;
    }
  return ok;
}
