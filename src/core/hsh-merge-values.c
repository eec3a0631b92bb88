/* hsh-merge-values.c: column values and row versions as merging copies and compares them, and
 * the other file's rows as they are read ahead of the merge. */
#include "hsh-merge-private.h"

#include <string.h>
#include <json-glib/json-glib.h>

void
hsh_merge_value_read (HshMergeValue *value, sqlite3_stmt *stmt, int column)
{
  value->type = sqlite3_column_type (stmt, column);
  value->bytes = NULL;
  value->n = 0;
  switch (value->type)
    {
    case SQLITE_INTEGER:
      value->i = sqlite3_column_int64 (stmt, column);
      break;
    case SQLITE_FLOAT:
      value->d = sqlite3_column_double (stmt, column);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      value->n = sqlite3_column_bytes (stmt, column);
      value->bytes = g_malloc (value->n + 1);
      memcpy (value->bytes, value->type == SQLITE_TEXT ? (const void *) sqlite3_column_text (stmt, column)
                                                        : sqlite3_column_blob (stmt, column), value->n);
      value->bytes[value->n] = '\0';
      break;
    default:
      value->type = SQLITE_NULL;
    }
}

void
hsh_merge_value_copy (HshMergeValue *value, const HshMergeValue *source)
{
  *value = *source;
  if (source->type == SQLITE_TEXT || source->type == SQLITE_BLOB)
    {
      value->bytes = g_malloc (source->n + 1);
      memcpy (value->bytes, source->bytes, source->n);
      value->bytes[source->n] = '\0';
    }
  else
    value->bytes = NULL;
}

void
hsh_merge_value_clear (HshMergeValue *value)
{
  g_clear_pointer (&value->bytes, g_free);
  value->type = SQLITE_NULL;
}

void
hsh_merge_value_bind (const HshMergeValue *value, sqlite3_stmt *stmt, int index)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, value->d);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, value->bytes, value->n, SQLITE_STATIC);
      break;
    case SQLITE_BLOB:
      sqlite3_bind_blob (stmt, index, value->bytes, value->n, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_null (stmt, index);
    }
}

gboolean
hsh_merge_value_equal (const HshMergeValue *a, const HshMergeValue *b)
{
  if (a->type != b->type)
    return FALSE;
  switch (a->type)
    {
    case SQLITE_INTEGER:
      return a->i == b->i;
    case SQLITE_FLOAT:
      return a->d == b->d;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return a->n == b->n && memcmp (a->bytes, b->bytes, a->n) == 0;
    default:
      return TRUE;
    }
}

void
hsh_merge_version_clear (const HshMergeTable *spec, HshMergeVersion *version)
{
  g_clear_pointer (&version->uuid, g_free);
  g_clear_pointer (&version->versions, g_free);
  hsh_merge_value_clear (&version->author);
  if (version->content != NULL)
    for (guint i = 0; spec->columns[i] != NULL; i++)
      hsh_merge_value_clear (&version->content[i]);
  g_clear_pointer (&version->content, g_free);
}

static const char *
referenced_table (const HshMergeTable *spec, const char *column)
{
  for (guint i = 0; spec->references[i].column != NULL; i++)
    if (g_str_equal (spec->references[i].column, column))
      return spec->references[i].table;
  return NULL;
}

/* The UUID of row @id of @table, or NULL. @table is one of the merge table constants. */
static char *
uuid_of (sqlite3 *db, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return uuid;
}

static void
add_value (JsonBuilder *builder, const HshMergeValue *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      json_builder_add_int_value (builder, value->i);
      break;
    case SQLITE_FLOAT:
      json_builder_add_double_value (builder, value->d);
      break;
    case SQLITE_TEXT:
      json_builder_add_string_value (builder, value->bytes);
      break;
    default:
      json_builder_add_null_value (builder);
    }
}

char *
hsh_merge_version_to_json (const HshMergeTable *spec, const HshMergeVersion *version, sqlite3 *db)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; spec->columns[i] != NULL; i++)
    {
      const char *table = referenced_table (spec, spec->columns[i]);
      json_builder_set_member_name (builder, spec->columns[i]);
      if (table != NULL && version->content[i].type == SQLITE_INTEGER)
        {
          /* Ids differ between files; the UUID names the row in any of them. */
          g_autofree char *uuid = uuid_of (db, table, version->content[i].i);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, uuid);
          json_builder_end_object (builder);
        }
      else
        add_value (builder, &version->content[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "author");
  if (version->author.type == SQLITE_INTEGER)
    {
      g_autofree char *uuid = uuid_of (db, "annotator", version->author.i);
      json_builder_add_string_value (builder, uuid);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "modified");
  json_builder_add_int_value (builder, version->modified);
  json_builder_set_member_name (builder, "versions");
  json_builder_add_string_value (builder, version->versions);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
hsh_merge_record_conflict (HshStore *store, const HshMergeTable *spec, const HshMergeVersion *version,
                           const char *source, gboolean *added, GError **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO conflict (uuid, table_name, row_uuid, version, source, created) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  g_autofree char *json = hsh_merge_version_to_json (spec, version, hsh_store_get_db (store));
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, spec->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, version->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, "listing a conflict", error))
    return FALSE;
  *added = sqlite3_changes (hsh_store_get_db (store)) > 0;
  return TRUE;
}

/* A batch ends at 256 rows or 256 KiB of text, whichever comes first: enough that handing a
 * batch over costs nothing per row, little enough that the batches in flight stay in the
 * processors' caches and that documents of a megabyte each do not pile up. Sixteen batches let
 * the reader run ahead of a merge that the machine's other work holds up now and then. */
#define BATCH_ROWS 256
#define BATCH_TEXT (256 * 1024)
#define BATCHES 16

struct _HshMergeReader {
  sqlite3_stmt *const *statements;
  guint n_statements;
  guint current;            /* the statement being read */
  GThread *thread;
  GAsyncQueue *filled;      /* batches read, for the merge; then the reader itself, as its end */
  GAsyncQueue *free;        /* batches the merge is done with */
  HshMergeBatch batches[BATCHES];
  gint stopped;
};

/* Column @column of the row @stmt stands on, its text copied into @text; the bytes copied. */
static gsize
read_column (HshMergeValue *value, sqlite3_stmt *stmt, int column, GStringChunk *text)
{
  const char *bytes;

  *value = (HshMergeValue) { sqlite3_column_type (stmt, column), 0, 0, NULL, 0 };
  switch (value->type)
    {
    case SQLITE_INTEGER:
      value->i = sqlite3_column_int64 (stmt, column);
      return 0;
    case SQLITE_FLOAT:
      value->d = sqlite3_column_double (stmt, column);
      return 0;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      bytes = value->type == SQLITE_TEXT ? (const char *) sqlite3_column_text (stmt, column) : sqlite3_column_blob (stmt, column);
      value->n = sqlite3_column_bytes (stmt, column);
      value->bytes = g_string_chunk_insert_len (text, bytes != NULL ? bytes : "", value->n);
      return (gsize) value->n;
    default:
      value->type = SQLITE_NULL;
      return 0;
    }
}

static void
batch_reset (HshMergeBatch *batch)
{
  batch->n_columns = 0;
  batch->n_rows = 0;
  batch->last = FALSE;
  g_clear_pointer (&batch->error, g_free);
  g_string_chunk_clear (batch->text);
}

/* Fills @batch with the next rows of the table being read, and moves on to the next table after
 * its last row. FALSE when reading stops here: every table was read, or this one failed. */
static gboolean
read_batch (HshMergeReader *reader, HshMergeBatch *batch)
{
  sqlite3_stmt *stmt;
  gsize text_read = 0;
  int rc = SQLITE_ROW;

  batch_reset (batch);
  if (reader->current >= reader->n_statements)
    {
      batch->last = TRUE;
      return FALSE;
    }
  stmt = reader->statements[reader->current];
  batch->n_columns = (guint) sqlite3_column_count (stmt);
  while (batch->n_rows < BATCH_ROWS && text_read < BATCH_TEXT && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HshMergeValue *row = batch->values + batch->n_rows++ * batch->n_columns;
      for (guint c = 0; c < batch->n_columns; c++)
        text_read += read_column (&row[c], stmt, (int) c, batch->text);
    }
  if (rc == SQLITE_ROW)
    return TRUE;
  batch->last = TRUE;
  if (rc != SQLITE_DONE)
    {
      batch->error = g_strdup (sqlite3_errmsg (sqlite3_db_handle (stmt)));
      return FALSE;
    }
  return ++reader->current < reader->n_statements;
}

static gpointer
read_ahead (gpointer data)
{
  HshMergeReader *reader = data;
  gboolean more = reader->n_statements > 0;

  while (more && !g_atomic_int_get (&reader->stopped))
    {
      HshMergeBatch *batch = g_async_queue_pop (reader->free);
      more = read_batch (reader, batch);
      g_async_queue_push (reader->filled, batch);
    }
  g_async_queue_push (reader->filled, reader);
  return NULL;
}

HshMergeReader *
hsh_merge_reader_start (sqlite3_stmt *const *statements, guint n_statements)
{
  HshMergeReader *reader = g_new0 (HshMergeReader, 1);
  guint widest = 0;

  reader->statements = statements;
  reader->n_statements = n_statements;
  reader->filled = g_async_queue_new ();
  reader->free = g_async_queue_new ();
  for (guint i = 0; i < n_statements; i++)
    widest = MAX (widest, (guint) sqlite3_column_count (statements[i]));
  for (guint i = 0; i < BATCHES; i++)
    {
      reader->batches[i].values = g_new (HshMergeValue, BATCH_ROWS * widest);
      reader->batches[i].text = g_string_chunk_new (64 * 1024);
      g_async_queue_push (reader->free, &reader->batches[i]);
    }
  /* The other file's connection moves to the reader's thread: it was opened without SQLite's
   * per-connection mutex, and only one thread uses it at a time. Without threads, batches are
   * read when asked for. */
  if (sqlite3_threadsafe () != 0)
    reader->thread = g_thread_try_new ("hsh-merge-read", read_ahead, reader, NULL);
  return reader;
}

HshMergeBatch *
hsh_merge_reader_next (HshMergeReader *reader)
{
  HshMergeBatch *batch;

  if (reader->thread != NULL)
    return g_async_queue_pop (reader->filled);
  batch = g_async_queue_pop (reader->free);
  read_batch (reader, batch);
  return batch;
}

void
hsh_merge_reader_release (HshMergeReader *reader, HshMergeBatch *batch)
{
  g_async_queue_push (reader->free, batch);
}

void
hsh_merge_reader_finish (HshMergeReader *reader)
{
  g_atomic_int_set (&reader->stopped, TRUE);
  if (reader->thread != NULL)
    {
      /* Batches go back until the reader says it has ended, so that it never waits for one. */
      gpointer item;
      while ((item = g_async_queue_pop (reader->filled)) != reader)
        g_async_queue_push (reader->free, item);
      g_thread_join (reader->thread);
    }
  for (guint i = 0; i < BATCHES; i++)
    {
      g_free (reader->batches[i].values);
      g_free (reader->batches[i].error);
      g_string_chunk_free (reader->batches[i].text);
    }
  g_async_queue_unref (reader->filled);
  g_async_queue_unref (reader->free);
  g_free (reader);
}
