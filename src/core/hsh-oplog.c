/* hsh-oplog.c: the operation log. An operation stores, for every row it touched, the row before
 * and after as JSON; undo writes the "before" rows back, redo the "after" rows. The log lives in
 * the project file, which is untrusted: table and column names read from it are checked against
 * the schema before any SQL is built from them, and values are always bound. */
#include "hsh-model-private.h"
#include "hsh-versions.h"

#include <json-glib/json-glib.h>

struct _HshOplog
{
  HshStore *store;
  gint64 document_id;
  char *description;
  JsonArray *changes;   /* {"table", "id", "before", "after"} */
};

/* The tables an operation may touch; the SQL that reads a row is built from these constants. */
static const char *const logged_tables[] = {
  "annotation", "attribute_value", "role_link", "note", "document", "actor", "actor_alias",
  "label", "attribute_def", "role_def", "adjudication",
};

static const char *
logged_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (logged_tables); i++)
    if (g_strcmp0 (logged_tables[i], name) == 0)
      return logged_tables[i];
  return NULL;
}

static const char *
select_row_sql (const char *table)
{
  static GHashTable *sql;
  static GMutex lock;
  const char *found;

  g_mutex_lock (&lock);
  if (sql == NULL)
    sql = g_hash_table_new (g_str_hash, g_str_equal);
  found = g_hash_table_lookup (sql, table);
  if (found == NULL)
    {
      g_autofree char *text = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", table);
      found = g_intern_string (text);
      g_hash_table_insert (sql, (gpointer) table, (gpointer) found);
    }
  g_mutex_unlock (&lock);
  return found;
}

/* The row as a JSON object, or a null node when it does not exist. */
static JsonNode *
snapshot_row (HshStore *store, const char *table, gint64 row_id, GError **error)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, select_row_sql (table), error);
  JsonObject *row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return json_node_new (JSON_NODE_NULL);
    }
  row = json_object_new ();
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      const char *name = sqlite3_column_name (stmt, c);
      switch (sqlite3_column_type (stmt, c))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, c));
          break;
        case SQLITE_NULL:
          json_object_set_null_member (row, name);
          break;
        default:
          json_object_set_string_member (row, name, (const char *) sqlite3_column_text (stmt, c));
        }
    }
  sqlite3_reset (stmt);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, row);
  return node;
}

HshOplog *
hsh_oplog_start (HshStore *store, gint64 document_id, const char *description, GError **error)
{
  HshOplog *log;

  if (!hsh_store_begin (store, error))
    return NULL;
  log = g_new0 (HshOplog, 1);
  log->store = g_object_ref (store);
  log->document_id = document_id;
  log->description = g_strdup (description);
  log->changes = json_array_new ();
  return log;
}

static JsonObject *
change_for (HshOplog *log, const char *table, gint64 row_id)
{
  for (guint i = 0; i < json_array_get_length (log->changes); i++)
    {
      JsonObject *change = json_array_get_object_element (log->changes, i);
      if (json_object_get_int_member (change, "id") == row_id &&
          g_strcmp0 (json_object_get_string_member (change, "table"), table) == 0)
        return change;
    }
  JsonObject *change = json_object_new ();
  json_object_set_string_member (change, "table", table);
  json_object_set_int_member (change, "id", row_id);
  json_object_set_null_member (change, "before");
  json_object_set_null_member (change, "after");
  json_array_add_object_element (log->changes, change);
  return change;
}

static gboolean
record (HshOplog *log, const char *table, gint64 row_id, const char *which, GError **error)
{
  JsonObject *change;
  JsonNode *row;

  g_return_val_if_fail (logged_table (table) != NULL, FALSE);
  if (g_str_equal (which, "after") && !hsh_versions_bump (log->store, table, row_id, error))
    return FALSE;
  if (!(row = snapshot_row (log->store, table, row_id, error)))
    return FALSE;
  change = change_for (log, table, row_id);
  /* The first "before" of a row in an operation is the one undo must restore. */
  if (g_strcmp0 (which, "before") == 0 && !json_object_get_null_member (change, "before"))
    json_node_unref (row);
  else
    json_object_set_member (change, which, row);
  return TRUE;
}

gboolean
hsh_oplog_before (HshOplog *log, const char *table, gint64 row_id, GError **error)
{
  return record (log, table, row_id, "before", error);
}

gboolean
hsh_oplog_after (HshOplog *log, const char *table, gint64 row_id, GError **error)
{
  return record (log, table, row_id, "after", error);
}

static void
oplog_free (HshOplog *log)
{
  g_object_unref (log->store);
  g_free (log->description);
  json_array_unref (log->changes);
  g_free (log);
}

void
hsh_oplog_abort (HshOplog *log)
{
  hsh_store_rollback (log->store);
  oplog_free (log);
}

static char *
changes_to_json (JsonArray *changes)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, changes);
  return json_to_string (node, FALSE);
}

gboolean
hsh_oplog_finish (HshOplog *log, GError **error)
{
  static const char forget_redo_sql[] =
    "DELETE FROM operation WHERE undone = 1 AND annotator_id IS ?1";
  static const char insert_sql[] =
    "INSERT INTO operation (uuid, annotator_id, created, description, document_id, changes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  HshStore *store = log->store;
  gint64 annotator = hsh_store_get_annotator_id (store);
  g_autofree char *uuid = hsh_uuid_new ();
  g_autofree char *changes = changes_to_json (log->changes);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if ((stmt = hsh_store_statement (store, forget_redo_sql, error)))
    {
      annotator > 0 ? sqlite3_bind_int64 (stmt, 1, annotator) : sqlite3_bind_null (stmt, 1);
      ok = hsh_store_step_done (store, stmt, "recording the operation", error);
    }
  if (ok && (stmt = hsh_store_statement (store, insert_sql, error)))
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      annotator > 0 ? sqlite3_bind_int64 (stmt, 2, annotator) : sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
      sqlite3_bind_text (stmt, 4, log->description, -1, SQLITE_TRANSIENT);
      log->document_id > 0 ? sqlite3_bind_int64 (stmt, 5, log->document_id) : sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, changes, -1, SQLITE_TRANSIENT);
      ok = hsh_store_step_done (store, stmt, "recording the operation", error);
    }
  else
    ok = FALSE;
  if (ok)
    ok = hsh_store_commit (store, error);
  else
    hsh_store_rollback (store);
  oplog_free (log);
  return ok;
}

/* Replaying ------------------------------------------------------------------------------- */

static gboolean
column_exists (HshStore *store, const char *table, const char *column)
{
  return sqlite3_table_column_metadata (hsh_store_get_db (store), "main", table, column,
                                        NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
}

static void
bind_json (sqlite3_stmt *stmt, int index, JsonNode *value)
{
  if (JSON_NODE_HOLDS_NULL (value))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (value) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (value), -1, SQLITE_TRANSIENT);
}

static gboolean
invalid_log (GError **error, const char *why)
{
  g_set_error (error, HSH_ERROR, HSH_ERROR_UNTRUSTED,
               "The project's operation log cannot be replayed (%s); nothing was changed", why);
  return FALSE;
}

/* Columns that move forward on undo and redo instead of going back: merges must see a new edit. */
static gboolean
skipped_on_restore (const char *column)
{
  static const char *const skipped[] = { "id", "revision", "modified", "versions" };
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_str_equal (column, skipped[i]))
      return TRUE;
  return FALSE;
}

/* Writes @row (the state to go back or forward to) over the live row: every column of the
 * snapshot except those skipped_on_restore() names. */
static gboolean
restore_row (HshStore *store, const char *table, gint64 row_id, JsonObject *row, GError **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GList) members = row != NULL ? json_object_get_members (row) : NULL;
  sqlite3_stmt *stmt = NULL;
  int index = 1;
  gboolean ok;

  g_string_printf (sql, "UPDATE %s SET revision = revision + 1, modified = ?1", table);
  if (row == NULL)
    g_string_append (sql, ", deleted = 1");
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *column = l->data;
      if (skipped_on_restore (column))
        continue;
      if (!column_exists (store, table, column))
        return invalid_log (error, "an unknown column");
      g_string_append_printf (sql, ", \"%s\" = ?%d", column, ++index);
    }
  g_string_append_printf (sql, " WHERE id = ?%d", ++index);
  if (sqlite3_prepare_v2 (hsh_store_get_db (store), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      hsh_store_set_error (store, error, "replaying the operation log");
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, hsh_now_ms ());
  index = 1;
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *column = l->data;
      if (skipped_on_restore (column))
        continue;
      bind_json (stmt, ++index, json_object_get_member (row, column));
    }
  sqlite3_bind_int64 (stmt, ++index, row_id);
  ok = hsh_store_step_done (store, stmt, "replaying the operation log", error);
  sqlite3_finalize (stmt);
  if (ok)
    ok = hsh_versions_bump (store, table, row_id, error);
  return ok;
}

static gboolean
replay (HshStore *store, gboolean undo, gint64 *document_id, char **description, GError **error)
{
  static const char undo_sql[] =
    "SELECT id, document_id, description, changes FROM operation "
    "WHERE undone = 0 AND annotator_id IS ?1 ORDER BY id DESC LIMIT 1";
  static const char redo_sql[] =
    "SELECT id, document_id, description, changes FROM operation "
    "WHERE undone = 1 AND annotator_id IS ?1 ORDER BY id ASC LIMIT 1";
  static const char mark_sql[] = "UPDATE operation SET undone = ?2 WHERE id = ?1";
  gint64 annotator = hsh_store_get_annotator_id (store);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *changes = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  gint64 op_id, doc_id;
  JsonArray *list;

  if (!hsh_store_begin (store, error))
    return FALSE;
  if (!(stmt = hsh_store_statement (store, undo ? undo_sql : redo_sql, error)))
    goto fail;
  annotator > 0 ? sqlite3_bind_int64 (stmt, 1, annotator) : sqlite3_bind_null (stmt, 1);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, undo ? "Nothing to undo" : "Nothing to redo");
      goto fail;
    }
  op_id = sqlite3_column_int64 (stmt, 0);
  doc_id = sqlite3_column_int64 (stmt, 1);
  what = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  changes = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);

  if (!json_parser_load_from_data (parser, changes, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      invalid_log (error, "malformed JSON");
      goto fail;
    }
  list = json_node_get_array (json_parser_get_root (parser));
  for (guint n = 0; n < json_array_get_length (list); n++)
    {
      /* Undo walks the changes backwards, redo forwards. */
      guint i = undo ? json_array_get_length (list) - 1 - n : n;
      JsonObject *change = json_array_get_object_element (list, i);
      const char *table = change != NULL ? logged_table (json_object_get_string_member_with_default (change, "table", "")) : NULL;
      JsonNode *state = change != NULL ? json_object_get_member (change, undo ? "before" : "after") : NULL;

      if (table == NULL || state == NULL || (!JSON_NODE_HOLDS_NULL (state) && !JSON_NODE_HOLDS_OBJECT (state)))
        {
          invalid_log (error, "an unknown table or malformed change");
          goto fail;
        }
      if (!restore_row (store, table, json_object_get_int_member_with_default (change, "id", 0),
                        JSON_NODE_HOLDS_NULL (state) ? NULL : json_node_get_object (state), error))
        goto fail;
    }
  if (!(stmt = hsh_store_statement (store, mark_sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, op_id);
  sqlite3_bind_int (stmt, 2, undo ? 1 : 0);
  if (!hsh_store_step_done (store, stmt, "marking the operation", error) || !hsh_store_commit (store, error))
    goto fail;
  if (document_id != NULL)
    *document_id = doc_id;
  if (description != NULL)
    *description = g_steal_pointer (&what);
  return TRUE;

fail:
  hsh_store_rollback (store);
  return FALSE;
}

gboolean
hsh_store_undo (HshStore *store, gint64 *document_id, char **description, GError **error)
{
  return replay (store, TRUE, document_id, description, error);
}

gboolean
hsh_store_redo (HshStore *store, gint64 *document_id, char **description, GError **error)
{
  return replay (store, FALSE, document_id, description, error);
}

static gboolean
has_operation (HshStore *store, const char *sql)
{
  gint64 annotator = hsh_store_get_annotator_id (store);
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  annotator > 0 ? sqlite3_bind_int64 (stmt, 1, annotator) : sqlite3_bind_null (stmt, 1);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
hsh_store_can_undo (HshStore *store)
{
  return !hsh_store_is_read_only (store) &&
         has_operation (store, "SELECT 1 FROM operation WHERE undone = 0 AND annotator_id IS ?1 LIMIT 1");
}

gboolean
hsh_store_can_redo (HshStore *store)
{
  return !hsh_store_is_read_only (store) &&
         has_operation (store, "SELECT 1 FROM operation WHERE undone = 1 AND annotator_id IS ?1 LIMIT 1");
}
