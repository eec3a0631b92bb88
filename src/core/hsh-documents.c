/* hsh-documents.c: documents — their frozen text, metadata, direction and progress. */
#include "hsh-model-private.h"
#include "hsh-text.h"

#include <json-glib/json-glib.h>

void
hsh_model_bind_author (HshStore *store, sqlite3_stmt *stmt, int index)
{
  gint64 author = hsh_store_get_annotator_id (store);
  if (author > 0)
    sqlite3_bind_int64 (stmt, index, author);
  else
    sqlite3_bind_null (stmt, index);
}

char *
hsh_model_column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
hsh_document_free (HshDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->uuid);
  g_free (document->sha256);
  g_free (document->title);
  g_free (document->source);
  g_free (document->language);
  g_free (document->status);
  g_free (document);
}

#define DOCUMENT_COLUMNS \
  "d.id, d.uuid, d.sha256, d.title, d.source, d.language, d.direction, d.status, d.length, " \
  "(SELECT count(*) FROM annotation a WHERE a.document_id = d.id AND a.deleted = 0), " \
  "d.created, d.modified"

static HshDocument *
document_from_row (sqlite3_stmt *stmt)
{
  HshDocument *document = g_new0 (HshDocument, 1);

  document->id = sqlite3_column_int64 (stmt, 0);
  document->uuid = hsh_model_column_dup (stmt, 1);
  document->sha256 = hsh_model_column_dup (stmt, 2);
  document->title = hsh_model_column_dup (stmt, 3);
  document->source = hsh_model_column_dup (stmt, 4);
  document->language = hsh_model_column_dup (stmt, 5);
  document->direction = hsh_direction_from_string ((const char *) sqlite3_column_text (stmt, 6));
  document->status = hsh_model_column_dup (stmt, 7);
  document->length = sqlite3_column_int64 (stmt, 8);
  document->annotation_count = sqlite3_column_int64 (stmt, 9);
  document->created = sqlite3_column_int64 (stmt, 10);
  document->modified = sqlite3_column_int64 (stmt, 11);
  return document;
}

GPtrArray *
hsh_store_list_documents (HshStore *store, GError **error)
{
  static const char sql[] = "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE d.deleted = 0 ORDER BY d.id";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *documents;
  int rc;

  if (stmt == NULL)
    return NULL;
  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_document_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hsh_store_set_error (store, error, "listing documents");
      g_ptr_array_unref (documents);
      return NULL;
    }
  return documents;
}

HshDocument *
hsh_store_get_document (HshStore *store, gint64 document_id, GError **error)
{
  static const char sql[] = "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE d.id = ?1 AND d.deleted = 0";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  HshDocument *document = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    document = document_from_row (stmt);
  else
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT " in the project", document_id);
  sqlite3_reset (stmt);
  return document;
}

gint64
hsh_store_find_document (HshStore *store, const char *ref, GError **error)
{
  static const char sql[] =
    "SELECT id FROM document WHERE deleted = 0 AND (uuid = ?1 OR title = ?1 OR sha256 = ?1 OR id = ?2) "
    "ORDER BY (id = ?2) DESC, id LIMIT 2";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  char *end = NULL;
  gint64 number = g_ascii_strtoll (ref, &end, 10);
  gint64 found = 0;
  int rows = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, end != ref && *end == '\0' ? number : -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (rows++ == 0)
      found = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rows == 0)
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No document “%s” in the project", ref);
  else if (rows > 1 && !(end != ref && *end == '\0'))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED,
                   "Several documents are titled “%s”; name it by number or UUID", ref);
      found = 0;
    }
  return found;
}

char *
hsh_store_get_document_text (HshStore *store, gint64 document_id, GError **error)
{
  static const char sql[] = "SELECT text FROM document WHERE id = ?1";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = hsh_model_column_dup (stmt, 0);
  else
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT " in the project", document_id);
  sqlite3_reset (stmt);
  return text;
}

static gboolean
set_document_column (HshStore *store, gint64 document_id, const char *sql, const char *value,
                     const char *description, GError **error)
{
  HshOplog *log = hsh_oplog_start (store, document_id, description, error);
  sqlite3_stmt *stmt;

  if (log == NULL)
    return FALSE;
  if (!hsh_oplog_before (log, "document", document_id, error) ||
      !(stmt = hsh_store_statement (store, sql, error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, description, error) ||
      !hsh_oplog_after (log, "document", document_id, error))
    goto fail;
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}

gboolean
hsh_store_set_document_direction (HshStore *store, gint64 document_id, HshDirection direction, GError **error)
{
  static const char sql[] =
    "UPDATE document SET direction = ?1, modified = ?3, revision = revision + 1 WHERE id = ?2";
  return set_document_column (store, document_id, sql, hsh_direction_to_string (direction),
                              "Change the document's direction", error);
}

gboolean
hsh_store_set_document_status (HshStore *store, gint64 document_id, const char *status, GError **error)
{
  static const char sql[] =
    "UPDATE document SET status = ?1, modified = ?3, revision = revision + 1 WHERE id = ?2";
  if (g_strcmp0 (status, "new") != 0 && g_strcmp0 (status, "in-progress") != 0 && g_strcmp0 (status, "done") != 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "“%s” is not a document status (new, in-progress, done)", status);
      return FALSE;
    }
  return set_document_column (store, document_id, sql, status, "Change the document's status", error);
}

static char *
metadata_json (GHashTable *metadata)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (metadata), (GCompareFunc) g_strcmp0);

  json_builder_begin_object (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (metadata, l->data));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gint64
hsh_model_insert_document (HshStore *store, HshBundle *bundle, gboolean *duplicate, GError **error)
{
  static const char find_sql[] = "SELECT id, deleted FROM document WHERE sha256 = ?1";
  static const char insert_sql[] =
    "INSERT INTO document (uuid, sha256, title, source, language, direction, metadata, text, length, "
    "author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
  static const char index_sql[] = "INSERT INTO document_fts (rowid, title, text) VALUES (?1, ?2, ?3)";
  g_autofree char *sha = hsh_text_sha256 (bundle->text);
  g_autofree char *uuid = bundle->uuid != NULL && g_uuid_string_is_valid (bundle->uuid)
                          ? g_strdup (bundle->uuid) : hsh_uuid_new ();
  g_autofree char *metadata = metadata_json (bundle->metadata);
  sqlite3_stmt *stmt = hsh_store_statement (store, find_sql, error);
  gint64 id;

  *duplicate = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      *duplicate = TRUE;
      return id;
    }
  sqlite3_reset (stmt);

  if (!(stmt = hsh_store_statement (store, insert_sql, error)))
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bundle->title != NULL ? bundle->title : "Untitled", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, bundle->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, bundle->language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, hsh_direction_to_string (bundle->direction), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, metadata, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, bundle->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, g_utf8_strlen (bundle->text, -1));
  hsh_model_bind_author (store, stmt, 10);
  sqlite3_bind_int64 (stmt, 11, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, "storing a document", error))
    return 0;
  id = sqlite3_last_insert_rowid (hsh_store_get_db (store));

  if (!(stmt = hsh_store_statement (store, index_sql, error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, bundle->title != NULL ? bundle->title : "Untitled", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bundle->text, -1, SQLITE_STATIC);
  if (!hsh_store_step_done (store, stmt, "indexing a document for search", error))
    return 0;
  return id;
}
