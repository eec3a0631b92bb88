/* hsh-attributes.c: attribute values and notes of annotations. */
#include "hsh-model-private.h"

#include <stdio.h>

GHashTable *
hsh_store_get_attribute_values (HshStore *store, gint64 annotation_id, GError **error)
{
  static const char sql[] =
    "SELECT attribute_id, value FROM attribute_value WHERE annotation_id = ?1 AND deleted = 0";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GHashTable *values;

  if (stmt == NULL)
    return NULL;
  values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (values, g_memdup2 (&id, sizeof id), hsh_model_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  return values;
}

static gboolean
is_number (const char *value)
{
  char *end = NULL;
  g_ascii_strtod (value, &end);
  return end != value && *end == '\0';
}

/* Dates are ISO 8601 (2021-12-24), or a year-month or a year, as sources often give less. */
static gboolean
is_date (const char *value)
{
  int y, m = 1, d = 1;
  char tail;
  if (sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
      sscanf (value, "%4d-%2d%c", &y, &m, &tail) == 2 ||
      sscanf (value, "%4d%c", &y, &tail) == 1)
    return g_date_valid_dmy (d, m, y);
  return FALSE;
}

static gboolean
validate_value (HshStore *store, gint64 attribute_id, const char *value, GError **error)
{
  g_autoptr(HshCodebook) codebook = hsh_store_load_codebook (store, error);
  HshAttributeDef *definition;

  if (codebook == NULL)
    return FALSE;
  if (!(definition = hsh_codebook_attribute (codebook, attribute_id)))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No attribute %" G_GINT64_FORMAT " in the codebook", attribute_id);
      return FALSE;
    }
  if (definition->type == HSH_ATTRIBUTE_NUMBER && !is_number (value))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s must be a number, not “%s”", definition->name, value);
      return FALSE;
    }
  if (definition->type == HSH_ATTRIBUTE_DATE && !is_date (value))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "%s must be a date written 2021-12-24 (or 2021-12, or 2021), not “%s”", definition->name, value);
      return FALSE;
    }
  if (definition->type == HSH_ATTRIBUTE_CHOICE && definition->choices[0] != NULL &&
      !g_strv_contains ((const char *const *) definition->choices, value))
    {
      g_autofree char *choices = g_strjoinv (", ", definition->choices);
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s must be one of %s, not “%s”",
                   definition->name, choices, value);
      return FALSE;
    }
  return TRUE;
}

static gint64
find_value_row (HshStore *store, gint64 annotation_id, gint64 attribute_id, GError **error)
{
  static const char sql[] = "SELECT id FROM attribute_value WHERE annotation_id = ?1 AND attribute_id = ?2";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  sqlite3_bind_int64 (stmt, 2, attribute_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Sets or clears, within @log, the one text row (an attribute value, a note) that hangs off an
 * annotation: @row is the existing row or 0. @update_sql binds (?1 row, ?2 text, ?3 deleted,
 * ?4 author, ?5 now); @insert_sql binds (?1 uuid, ?2 @owner, ?3 @key, ?4 text, ?5 author, ?6 now). */
static gboolean
write_text_row (HshStore *store, HshOplog *log, const char *table, gint64 row, const char *update_sql,
                const char *insert_sql, gint64 owner, gint64 key, const char *text, GError **error)
{
  gboolean clear = text == NULL || *text == '\0';
  sqlite3_stmt *stmt;

  if (row > 0)
    {
      if (!hsh_oplog_before (log, table, row, error) || !(stmt = hsh_store_statement (store, update_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_text (stmt, 2, clear ? "" : text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, clear ? 1 : 0);
      hsh_model_bind_author (store, stmt, 4);
      sqlite3_bind_int64 (stmt, 5, hsh_now_ms ());
      if (!hsh_store_step_done (store, stmt, "changing a value", error))
        return FALSE;
    }
  else if (!clear)
    {
      g_autofree char *uuid = hsh_uuid_new ();
      if (!(stmt = hsh_store_statement (store, insert_sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, owner);
      sqlite3_bind_int64 (stmt, 3, key);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
      hsh_model_bind_author (store, stmt, 5);
      sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
      if (!hsh_store_step_done (store, stmt, "storing a value", error))
        return FALSE;
      row = sqlite3_last_insert_rowid (hsh_store_get_db (store));
    }
  return row == 0 || hsh_oplog_after (log, table, row, error);
}

gboolean
hsh_store_set_attribute_value (HshStore *store, gint64 annotation_id, gint64 attribute_id,
                               const char *value, GError **error)
{
  static const char insert_sql[] =
    "INSERT INTO attribute_value (uuid, annotation_id, attribute_id, value, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  static const char update_sql[] =
    "UPDATE attribute_value SET value = ?2, deleted = ?3, author = ?4, modified = ?5, revision = revision + 1 WHERE id = ?1";
  gboolean clear = value == NULL || *value == '\0';
  g_autoptr(HshAnnotation) annotation = hsh_store_get_annotation (store, annotation_id, error);
  HshOplog *log;
  gint64 row;

  if (annotation == NULL || (!clear && !validate_value (store, attribute_id, value, error)))
    return FALSE;
  if (!(log = hsh_oplog_start (store, annotation->document_id, "Change an attribute", error)))
    return FALSE;
  if ((row = find_value_row (store, annotation_id, attribute_id, error)) < 0 ||
      !write_text_row (store, log, "attribute_value", row, update_sql, insert_sql, annotation_id, attribute_id, value, error))
    {
      hsh_oplog_abort (log);
      return FALSE;
    }
  return hsh_oplog_finish (log, error);
}

static gint64
find_note_row (HshStore *store, gint64 annotation_id, char **body)
{
  static const char sql[] = "SELECT id, body, deleted FROM note WHERE annotation_id = ?1 ORDER BY id LIMIT 1";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (body != NULL && sqlite3_column_int (stmt, 2) == 0)
        *body = hsh_model_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

char *
hsh_store_get_annotation_note (HshStore *store, gint64 annotation_id)
{
  char *body = NULL;
  find_note_row (store, annotation_id, &body);
  return body;
}

gboolean
hsh_store_set_annotation_note (HshStore *store, gint64 annotation_id, const char *note, GError **error)
{
  static const char insert_sql[] =
    "INSERT INTO note (uuid, document_id, annotation_id, body, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  static const char update_sql[] =
    "UPDATE note SET body = ?2, deleted = ?3, author = ?4, modified = ?5, revision = revision + 1 WHERE id = ?1";
  g_autoptr(HshAnnotation) annotation = hsh_store_get_annotation (store, annotation_id, error);
  HshOplog *log;
  gint64 row;

  if (annotation == NULL)
    return FALSE;
  if (!(log = hsh_oplog_start (store, annotation->document_id, "Edit a note", error)))
    return FALSE;
  if ((row = find_note_row (store, annotation_id, NULL)) < 0 ||
      !write_text_row (store, log, "note", row, update_sql, insert_sql, annotation->document_id, annotation_id, note, error))
    {
      hsh_oplog_abort (log);
      return FALSE;
    }
  return hsh_oplog_finish (log, error);
}
