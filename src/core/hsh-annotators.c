/* hsh-annotators.c: the people whose work a project holds. */
#include "hsh-model-private.h"

void
hsh_annotator_free (HshAnnotator *annotator)
{
  if (annotator == NULL)
    return;
  g_free (annotator->uuid);
  g_free (annotator->name);
  g_free (annotator);
}

GPtrArray *
hsh_store_list_annotators (HshStore *store, GError **error)
{
  static const char sql[] = "SELECT id, uuid, name FROM annotator WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *annotators;

  if (stmt == NULL)
    return NULL;
  annotators = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_annotator_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshAnnotator *annotator = g_new0 (HshAnnotator, 1);
      annotator->id = sqlite3_column_int64 (stmt, 0);
      annotator->uuid = hsh_model_column_dup (stmt, 1);
      annotator->name = hsh_model_column_dup (stmt, 2);
      g_ptr_array_add (annotators, annotator);
    }
  sqlite3_reset (stmt);
  return annotators;
}

char *
hsh_store_get_annotator_name (HshStore *store, gint64 annotator_id)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, "SELECT name FROM annotator WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, annotator_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = hsh_model_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}
