/* hsh-role-links.c: role links — who claimed, to whom, who committed — between annotations. */
#include "hsh-model-private.h"

void
hsh_role_link_free (HshRoleLink *link)
{
  if (link == NULL)
    return;
  g_free (link->uuid);
  g_free (link);
}

GPtrArray *
hsh_store_list_role_links (HshStore *store, gint64 document_id, GError **error)
{
  static const char sql[] =
    "SELECT l.id, l.uuid, l.source_id, l.role_id, l.target_id FROM role_link l "
    "JOIN annotation s ON s.id = l.source_id JOIN annotation t ON t.id = l.target_id "
    "WHERE s.document_id = ?1 AND l.deleted = 0 AND s.deleted = 0 AND t.deleted = 0 ORDER BY l.id";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *links;

  if (stmt == NULL)
    return NULL;
  links = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_role_link_free);
  sqlite3_bind_int64 (stmt, 1, document_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshRoleLink *link = g_new0 (HshRoleLink, 1);
      link->id = sqlite3_column_int64 (stmt, 0);
      link->uuid = hsh_model_column_dup (stmt, 1);
      link->source_id = sqlite3_column_int64 (stmt, 2);
      link->role_id = sqlite3_column_int64 (stmt, 3);
      link->target_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (links, link);
    }
  sqlite3_reset (stmt);
  return links;
}

static gboolean
check_role (HshStore *store, HshAnnotation *source, gint64 role_id, HshAnnotation *target, GError **error)
{
  g_autoptr(HshCodebook) codebook = hsh_store_load_codebook (store, error);
  HshRoleDef *role;
  HshLabel *wanted;

  if (codebook == NULL)
    return FALSE;
  if (!(role = hsh_codebook_role (codebook, role_id)))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No role %" G_GINT64_FORMAT " in the codebook", role_id);
      return FALSE;
    }
  wanted = hsh_codebook_label (codebook, role->target_label_id);
  if (!hsh_codebook_label_is_a (codebook, source->label_id, role->label_id))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "“%s” cannot have the role %s", source->text, role->name);
      return FALSE;
    }
  if (!hsh_codebook_label_is_a (codebook, target->label_id, role->target_label_id))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "The %s must be tagged %s; “%s” is not",
                   role->name, wanted != NULL ? wanted->path : "as the codebook says", target->text);
      return FALSE;
    }
  if (source->document_id != target->document_id)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "A role links annotations of one document");
      return FALSE;
    }
  return TRUE;
}

gint64
hsh_store_add_role_link (HshStore *store, gint64 source_id, gint64 role_id, gint64 target_id, GError **error)
{
  static const char find_sql[] =
    "SELECT id FROM role_link WHERE source_id = ?1 AND role_id = ?2 AND target_id = ?3";
  static const char revive_sql[] =
    "UPDATE role_link SET deleted = 0, author = ?2, modified = ?3, revision = revision + 1 WHERE id = ?1";
  static const char insert_sql[] =
    "INSERT INTO role_link (uuid, source_id, role_id, target_id, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  g_autoptr(HshAnnotation) source = hsh_store_get_annotation (store, source_id, error);
  g_autoptr(HshAnnotation) target = source != NULL ? hsh_store_get_annotation (store, target_id, error) : NULL;
  sqlite3_stmt *stmt;
  HshOplog *log;
  gint64 id = 0;

  if (target == NULL || !check_role (store, source, role_id, target, error))
    return 0;
  if (!(log = hsh_oplog_start (store, source->document_id, "Link a role", error)))
    return 0;
  if (!(stmt = hsh_store_statement (store, find_sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, role_id);
  sqlite3_bind_int64 (stmt, 3, target_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    {
      /* A link removed earlier comes back as the same row, so merges see one identity. */
      if (!hsh_oplog_before (log, "role_link", id, error) || !(stmt = hsh_store_statement (store, revive_sql, error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      hsh_model_bind_author (store, stmt, 2);
      sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
      if (!hsh_store_step_done (store, stmt, "linking a role", error))
        goto fail;
    }
  else
    {
      g_autofree char *uuid = hsh_uuid_new ();
      if (!(stmt = hsh_store_statement (store, insert_sql, error)))
        goto fail;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, source_id);
      sqlite3_bind_int64 (stmt, 3, role_id);
      sqlite3_bind_int64 (stmt, 4, target_id);
      hsh_model_bind_author (store, stmt, 5);
      sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
      if (!hsh_store_step_done (store, stmt, "linking a role", error))
        goto fail;
      id = sqlite3_last_insert_rowid (hsh_store_get_db (store));
    }
  if (!hsh_oplog_after (log, "role_link", id, error) || !hsh_oplog_finish (log, error))
    return 0;
  return id;

fail:
  hsh_oplog_abort (log);
  return 0;
}

gboolean
hsh_store_delete_role_link (HshStore *store, gint64 link_id, GError **error)
{
  static const char doc_sql[] =
    "SELECT a.document_id FROM role_link l JOIN annotation a ON a.id = l.source_id WHERE l.id = ?1 AND l.deleted = 0";
  static const char sql[] =
    "UPDATE role_link SET deleted = 1, modified = ?2, revision = revision + 1 WHERE id = ?1";
  sqlite3_stmt *stmt = hsh_store_statement (store, doc_sql, error);
  gint64 document_id = 0;
  HshOplog *log;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    document_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (document_id == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No role link %" G_GINT64_FORMAT, link_id);
      return FALSE;
    }
  if (!(log = hsh_oplog_start (store, document_id, "Remove a role", error)))
    return FALSE;
  if (!hsh_oplog_before (log, "role_link", link_id, error) || !(stmt = hsh_store_statement (store, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, link_id);
  sqlite3_bind_int64 (stmt, 2, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, "removing a role", error) ||
      !hsh_oplog_after (log, "role_link", link_id, error))
    goto fail;
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}
