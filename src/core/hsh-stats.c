/* hsh-stats.c: counts for `hashiya-cli stats`, and the integrity check behind `hashiya-cli check`. */
#include "hsh-model-private.h"
#include "hsh-text.h"

static gint64
count (HshStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    hsh_store_set_error (store, error, "counting");
  sqlite3_reset (stmt);
  return n;
}

gboolean
hsh_store_get_stats (HshStore *store, HshStats *stats, GError **error)
{
  return (stats->documents = count (store, "SELECT count(*) FROM document WHERE deleted = 0", error)) >= 0 &&
         (stats->characters = count (store, "SELECT ifnull(sum(length), 0) FROM document WHERE deleted = 0", error)) >= 0 &&
         (stats->annotations = count (store, "SELECT count(*) FROM annotation a JOIN document d ON d.id = a.document_id "
                                             "WHERE a.deleted = 0 AND d.deleted = 0", error)) >= 0 &&
         (stats->role_links = count (store, "SELECT count(*) FROM role_link WHERE deleted = 0", error)) >= 0 &&
         (stats->actors = count (store, "SELECT count(*) FROM actor WHERE deleted = 0", error)) >= 0 &&
         (stats->annotators = count (store, "SELECT count(*) FROM annotator WHERE deleted = 0", error)) >= 0 &&
         (stats->labels = count (store, "SELECT count(*) FROM label WHERE deleted = 0", error)) >= 0;
}

static void
check_document (HshStore *store, HshDocument *document, GPtrArray *problems, GError **error)
{
  g_autofree char *text = hsh_store_get_document_text (store, document->id, error);
  g_autofree char *sha = text != NULL ? hsh_text_sha256 (text) : NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(HshOffsetIndex) index = NULL;

  if (text == NULL)
    return;
  if (g_strcmp0 (sha, document->sha256) != 0)
    g_ptr_array_add (problems, g_strdup_printf ("document %" G_GINT64_FORMAT " “%s”: its text changed since import "
                                                "(SHA-256 %s, recorded %s)", document->id, document->title, sha, document->sha256));
  index = hsh_offset_index_new (text);
  if (hsh_offset_index_length (index) != document->length)
    g_ptr_array_add (problems, g_strdup_printf ("document %" G_GINT64_FORMAT " “%s”: recorded length %" G_GINT64_FORMAT
                                                " but the text has %" G_GINT64_FORMAT " characters", document->id,
                                                document->title, document->length, hsh_offset_index_length (index)));
  if (!(annotations = hsh_store_list_annotations (store, document->id, error)))
    return;
  for (guint i = 0; i < annotations->len; i++)
    {
      HshAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GString) covered = g_string_new (NULL);
      gboolean inside = TRUE;

      for (guint r = 0; r < annotation->ranges->len; r++)
        {
          HshRange *range = &g_array_index (annotation->ranges, HshRange, r);
          g_autofree char *part = hsh_offset_index_slice (index, range->start, range->end);
          if (part == NULL)
            {
              inside = FALSE;
              g_ptr_array_add (problems, g_strdup_printf ("document %" G_GINT64_FORMAT ", annotation %s: offsets %"
                                                          G_GINT64_FORMAT "–%" G_GINT64_FORMAT " lie outside the text",
                                                          document->id, annotation->uuid, range->start, range->end));
              break;
            }
          g_string_append_printf (covered, "%s%s", r > 0 ? " " : "", part);
        }
      if (inside && g_strcmp0 (covered->str, annotation->text) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("document %" G_GINT64_FORMAT ", annotation %s at %" G_GINT64_FORMAT
                                                    ": stored text “%s” differs from the text at its offsets “%s”",
                                                    document->id, annotation->uuid, hsh_annotation_start (annotation),
                                                    annotation->text, covered->str));
    }
}

gboolean
hsh_store_check (HshStore *store, GPtrArray *problems, GError **error)
{
  static const char dangling_sql[] =
    "SELECT count(*) FROM role_link l LEFT JOIN annotation s ON s.id = l.source_id "
    "LEFT JOIN annotation t ON t.id = l.target_id WHERE l.deleted = 0 AND (s.id IS NULL OR t.id IS NULL)";
  g_autoptr(GPtrArray) documents = hsh_store_list_documents (store, error);
  sqlite3_stmt *stmt;
  gint64 dangling;

  if (documents == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      check_document (store, g_ptr_array_index (documents, i), problems, error);
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  if ((dangling = count (store, dangling_sql, error)) < 0)
    return FALSE;
  if (dangling > 0)
    g_ptr_array_add (problems, g_strdup_printf ("%" G_GINT64_FORMAT " role links point to annotations that do not exist", dangling));
  if ((stmt = hsh_store_statement (store, "PRAGMA foreign_key_check", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems, g_strdup_printf ("table %s, row %" G_GINT64_FORMAT ": refers to a missing %s row",
                                                sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                                                sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  return TRUE;
}
