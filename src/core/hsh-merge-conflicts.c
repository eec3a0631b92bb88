/* hsh-merge-conflicts.c: the rows a merge found edited differently on both sides, and their
 * resolution by a person. */
#include "hsh-merge-private.h"
#include "hsh-model-private.h"

#include <json-glib/json-glib.h>

void
hsh_conflict_free (HshConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->table);
  g_free (conflict->row_uuid);
  g_free (conflict->version);
  g_free (conflict->source);
  g_free (conflict);
}

GPtrArray *
hsh_store_list_conflicts (HshStore *store, GError **error)
{
  static const char sql[] =
    "SELECT id, table_name, row_uuid, version, source, created FROM conflict WHERE resolved = 0 ORDER BY id";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *conflicts;

  if (stmt == NULL)
    return NULL;
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_conflict_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshConflict *conflict = g_new0 (HshConflict, 1);
      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->table = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      conflict->row_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      conflict->version = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      conflict->source = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      conflict->created = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (conflicts, conflict);
    }
  sqlite3_reset (stmt);
  return conflicts;
}

static gint64
id_of (HshStore *store, const char *table, const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table);
  sqlite3_stmt *stmt = hsh_store_statement (store, g_intern_string (sql), NULL);
  gint64 id = 0;

  if (stmt == NULL || uuid == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static const char *
referenced_table (const HshMergeTable *spec, const char *column)
{
  for (guint i = 0; spec->references[i].column != NULL; i++)
    if (g_str_equal (spec->references[i].column, column))
      return spec->references[i].table;
  return NULL;
}

static gboolean
invalid (GError **error)
{
  g_set_error (error, HSH_ERROR, HSH_ERROR_UNTRUSTED, "The listed version of this conflict is malformed; nothing was changed");
  return FALSE;
}

static gboolean
bind_column (HshStore *store, const HshMergeTable *spec, const char *column, JsonNode *node,
             sqlite3_stmt *stmt, int index, GError **error)
{
  const char *table = referenced_table (spec, column);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (table != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      gint64 id = id_of (store, table, json_object_get_string_member_with_default (json_node_get_object (node), "uuid", NULL));
      if (id == 0)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND,
                       "The listed version refers to a %s that is no longer in the project", table);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, index, id);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
  else
    return invalid (error);
  return TRUE;
}

static gboolean
write_listed (HshStore *store, const HshMergeTable *spec, gint64 row_id, JsonObject *version, GError **error)
{
  JsonObject *columns = json_object_get_object_member (version, "columns");
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (columns == NULL)
    return invalid (error);
  g_string_printf (sql, "UPDATE %s SET modified = ?1, revision = revision + 1", spec->table);
  for (guint i = 0; spec->columns[i] != NULL; i++)
    g_string_append_printf (sql, ", %s = ?%u", spec->columns[i], i + 3);
  g_string_append (sql, " WHERE id = ?2");
  if (sqlite3_prepare_v2 (hsh_store_get_db (store), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      hsh_store_set_error (store, error, "resolving a conflict");
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, hsh_now_ms ());
  sqlite3_bind_int64 (stmt, 2, row_id);
  for (guint i = 0; ok && spec->columns[i] != NULL; i++)
    ok = bind_column (store, spec, spec->columns[i], json_object_get_member (columns, spec->columns[i]), stmt, (int) i + 3, error);
  ok = ok && hsh_store_step_done (store, stmt, "resolving a conflict", error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
load_conflict (HshStore *store, gint64 conflict_id, char **table, char **row_uuid, char **version, GError **error)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, "SELECT table_name, row_uuid, version FROM conflict WHERE id = ?1 AND resolved = 0", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if ((found = sqlite3_step (stmt) == SQLITE_ROW))
    {
      *table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *row_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *version = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No open conflict %" G_GINT64_FORMAT, conflict_id);
  return found;
}

gboolean
hsh_store_resolve_conflict (HshStore *store, gint64 conflict_id, gboolean take_listed, GError **error)
{
  g_autofree char *table = NULL, *row_uuid = NULL, *version = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const HshMergeTable *spec;
  sqlite3_stmt *stmt;
  HshOplog *log;
  gint64 row_id;

  if (!load_conflict (store, conflict_id, &table, &row_uuid, &version, error))
    return FALSE;
  spec = hsh_merge_table_lookup (table);
  if (spec == NULL || !(row_id = id_of (store, spec->table, row_uuid)))
    return invalid (error);
  if (take_listed && (!json_parser_load_from_data (parser, version, -1, NULL) ||
                      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))))
    return invalid (error);
  if (!(log = hsh_oplog_start (store, 0, take_listed ? "Take the listed version" : "Keep the current version", error)))
    return FALSE;
  /* Recording the row after the decision counts one more edit by this annotator, so the
   * resolved row follows both versions and the conflict cannot return from the same files. */
  if (!hsh_oplog_before (log, spec->table, row_id, error) ||
      (take_listed && !write_listed (store, spec, row_id, json_node_get_object (json_parser_get_root (parser)), error)) ||
      !hsh_oplog_after (log, spec->table, row_id, error) ||
      !(stmt = hsh_store_statement (store, "UPDATE conflict SET resolved = 1 WHERE id = ?1", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if (!hsh_store_step_done (store, stmt, "resolving a conflict", error))
    goto fail;
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}
