/* hsh-annotations.c: annotations — ranges, covered text, label and actor — and their changes. */
#include "hsh-model-private.h"
#include "hsh-ranges.h"

void
hsh_annotation_free (HshAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->uuid);
  g_array_unref (annotation->ranges);
  g_free (annotation->text);
  g_free (annotation);
}

gint64
hsh_annotation_start (const HshAnnotation *annotation)
{
  return annotation->ranges->len > 0 ? g_array_index (annotation->ranges, HshRange, 0).start : 0;
}

gint64
hsh_annotation_end (const HshAnnotation *annotation)
{
  gint64 end = 0;
  for (guint i = 0; i < annotation->ranges->len; i++)
    end = MAX (end, g_array_index (annotation->ranges, HshRange, i).end);
  return end;
}

#define ANNOTATION_COLUMNS \
  "a.id, a.uuid, a.document_id, a.label_id, a.text, ifnull(a.actor_id, 0), ifnull(a.author, 0), " \
  "a.gold, a.created, a.modified, a.revision, a.ranges"

static HshAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  HshAnnotation *annotation = g_new0 (HshAnnotation, 1);

  annotation->id = sqlite3_column_int64 (stmt, 0);
  annotation->uuid = hsh_model_column_dup (stmt, 1);
  annotation->document_id = sqlite3_column_int64 (stmt, 2);
  annotation->label_id = sqlite3_column_int64 (stmt, 3);
  annotation->text = hsh_model_column_dup (stmt, 4);
  annotation->actor_id = sqlite3_column_int64 (stmt, 5);
  annotation->author_id = sqlite3_column_int64 (stmt, 6);
  annotation->gold = sqlite3_column_int (stmt, 7) != 0;
  annotation->created = sqlite3_column_int64 (stmt, 8);
  annotation->modified = sqlite3_column_int64 (stmt, 9);
  annotation->revision = sqlite3_column_int64 (stmt, 10);
  annotation->ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));
  return annotation;
}

/* One annotation a row. A row whose ranges cannot be read (a damaged or hostile file) is left
 * out: `hashiya-cli check` reports it. */
static GPtrArray *
collect_annotations (HshStore *store, sqlite3_stmt *stmt, GError **error)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_annotation_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HshAnnotation *annotation = annotation_from_row (stmt);
      if (hsh_ranges_parse ((const char *) sqlite3_column_text (stmt, 11), annotation->ranges))
        g_ptr_array_add (annotations, annotation);
      else
        hsh_annotation_free (annotation);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hsh_store_set_error (store, error, "reading annotations");
      g_ptr_array_unref (annotations);
      return NULL;
    }
  return annotations;
}

static int
compare_by_position (gconstpointer a, gconstpointer b)
{
  const HshAnnotation *x = *(HshAnnotation *const *) a;
  const HshAnnotation *y = *(HshAnnotation *const *) b;
  gint64 xs = hsh_annotation_start (x), ys = hsh_annotation_start (y);
  gint64 xe = hsh_annotation_end (x), ye = hsh_annotation_end (y);

  if (xs != ys)
    return xs < ys ? -1 : 1;
  if (xe != ye)
    return xe > ye ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
hsh_store_list_annotations (HshStore *store, gint64 document_id, GError **error)
{
  static const char sql[] =
    "SELECT " ANNOTATION_COLUMNS " FROM annotation a WHERE a.document_id = ?1 AND a.deleted = 0";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *annotations;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if ((annotations = collect_annotations (store, stmt, error)))
    g_ptr_array_sort (annotations, compare_by_position);
  return annotations;
}

GPtrArray *
hsh_store_list_annotations_in_range (HshStore *store, gint64 document_id, gint64 start, gint64 end, GError **error)
{
  static const char sql[] =
    "SELECT " ANNOTATION_COLUMNS " FROM annotation a "
    "WHERE a.document_id = ?1 AND a.start < ?3 AND a.end > ?2 AND a.deleted = 0";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *annotations;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  if ((annotations = collect_annotations (store, stmt, error)))
    g_ptr_array_sort (annotations, compare_by_position);
  return annotations;
}

HshAnnotation *
hsh_store_get_annotation (HshStore *store, gint64 annotation_id, GError **error)
{
  static const char sql[] =
    "SELECT " ANNOTATION_COLUMNS " FROM annotation a WHERE a.id = ?1 AND a.deleted = 0";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  g_autoptr(GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  if (!(found = collect_annotations (store, stmt, error)))
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No annotation %" G_GINT64_FORMAT, annotation_id);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const HshRange *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

/* The document's length, or -1 with @error set when there is no such document. */
static gint64
document_length (HshStore *store, gint64 document_id, GError **error)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, "SELECT length FROM document WHERE id = ?1", error);
  gint64 length = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    length = sqlite3_column_int64 (stmt, 0);
  else
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT " in the project", document_id);
  sqlite3_reset (stmt);
  return length;
}

/* Sorts @ranges and returns the text they cover, read from the document, or NULL with @error
 * when a range is empty, overlaps another or lies outside the text. SQLite's substr() counts
 * code points in UTF-8 text, so only the covered characters are copied, not a megabyte of
 * document per keystroke. */
static char *
covered_text (HshStore *store, gint64 document_id, GArray *ranges, GError **error)
{
  static const char slice_sql[] = "SELECT substr(text, ?2 + 1, ?3 - ?2) FROM document WHERE id = ?1";
  gint64 length = document_length (store, document_id, error);
  GString *covered;

  if (length < 0)
    return NULL;
  if (ranges->len == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "An annotation must cover some text");
      return NULL;
    }
  g_array_sort (ranges, compare_ranges);
  covered = g_string_new (NULL);
  for (guint i = 0; i < ranges->len; i++)
    {
      HshRange *r = &g_array_index (ranges, HshRange, i);
      sqlite3_stmt *stmt;

      if (r->start < 0 || r->end <= r->start || r->end > length ||
          (i > 0 && r->start < g_array_index (ranges, HshRange, i - 1).end))
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "Offsets %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " are empty, overlap another fragment "
                       "or lie outside the %" G_GINT64_FORMAT "-character text", r->start, r->end, length);
          g_string_free (covered, TRUE);
          return NULL;
        }
      if (!(stmt = hsh_store_statement (store, slice_sql, error)))
        {
          g_string_free (covered, TRUE);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, r->start);
      sqlite3_bind_int64 (stmt, 3, r->end);
      if (i > 0)
        g_string_append_c (covered, ' ');
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append (covered, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_string_free (covered, FALSE);
}

gboolean
hsh_model_bind_ranges (sqlite3_stmt *stmt, int index, const HshRange *ranges, guint n_ranges)
{
  g_autofree char *text = hsh_ranges_format (ranges, n_ranges);
  gint64 end = 0;

  for (guint i = 0; i < n_ranges; i++)
    end = MAX (end, ranges[i].end);
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, index + 1, n_ranges > 0 ? ranges[0].start : 0);
  sqlite3_bind_int64 (stmt, index + 2, end);
  return TRUE;
}

static char *
describe (const char *verb, const char *text)
{
  g_autofree char *shown = g_utf8_strlen (text, -1) > 40 ? g_utf8_substring (text, 0, 40) : g_strdup (text);
  return g_strdup_printf ("%s “%s%s”", verb, shown, g_utf8_strlen (text, -1) > 40 ? "…" : "");
}

gint64
hsh_store_create_annotation (HshStore *store, gint64 document_id, gint64 label_id,
                             const HshRange *ranges, guint n_ranges, GError **error)
{
  static const char sql[] =
    "INSERT INTO annotation (uuid, document_id, label_id, text, author, created, modified, ranges, start, end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9)";
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (HshRange));
  g_autofree char *uuid = hsh_uuid_new ();
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  HshOplog *log;
  gint64 id;

  g_return_val_if_fail (HSH_IS_STORE (store), 0);
  g_array_append_vals (sorted, ranges, n_ranges);
  if (!hsh_store_check_writable (store, error) ||
      !(text = covered_text (store, document_id, sorted, error)))
    return 0;
  description = describe ("Tag", text);
  if (!(log = hsh_oplog_start (store, document_id, description, error)))
    return 0;
  if (!(stmt = hsh_store_statement (store, sql, error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, label_id);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  hsh_model_bind_author (store, stmt, 5);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  hsh_model_bind_ranges (stmt, 7, (HshRange *) (void *) sorted->data, sorted->len);
  if (!hsh_store_step_done (store, stmt, "storing an annotation", error))
    goto fail;
  id = sqlite3_last_insert_rowid (hsh_store_get_db (store));
  if (!hsh_oplog_after (log, "annotation", id, error) ||
      !hsh_oplog_finish (log, error))
    return 0;
  return id;

fail:
  hsh_oplog_abort (log);
  return 0;
}

/* Runs one UPDATE on an annotation (?1 = id, ?2 = a value, ?3 = now) as one undoable operation. */
static gboolean
update_annotation (HshStore *store, gint64 annotation_id, const char *sql, gint64 value,
                   gboolean value_is_null, const char *verb, GError **error)
{
  g_autoptr(HshAnnotation) annotation = hsh_store_get_annotation (store, annotation_id, error);
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  HshOplog *log;

  if (annotation == NULL)
    return FALSE;
  description = describe (verb, annotation->text);
  if (!(log = hsh_oplog_start (store, annotation->document_id, description, error)))
    return FALSE;
  if (!hsh_oplog_before (log, "annotation", annotation_id, error) ||
      !(stmt = hsh_store_statement (store, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  value_is_null ? sqlite3_bind_null (stmt, 2) : sqlite3_bind_int64 (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, verb, error) ||
      !hsh_oplog_after (log, "annotation", annotation_id, error))
    goto fail;
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}

gboolean
hsh_store_delete_annotation (HshStore *store, gint64 annotation_id, GError **error)
{
  static const char sql[] =
    "UPDATE annotation SET deleted = 1, modified = ?3, revision = revision + 1 WHERE id = ?1 AND ?2 IS NULL";
  return update_annotation (store, annotation_id, sql, 0, TRUE, "Delete", error);
}

gboolean
hsh_store_set_annotation_label (HshStore *store, gint64 annotation_id, gint64 label_id, GError **error)
{
  static const char sql[] =
    "UPDATE annotation SET label_id = ?2, modified = ?3, revision = revision + 1 WHERE id = ?1";
  return update_annotation (store, annotation_id, sql, label_id, FALSE, "Relabel", error);
}

gboolean
hsh_store_set_annotation_actor (HshStore *store, gint64 annotation_id, gint64 actor_id, GError **error)
{
  static const char sql[] =
    "UPDATE annotation SET actor_id = ?2, modified = ?3, revision = revision + 1 WHERE id = ?1";
  return update_annotation (store, annotation_id, sql, actor_id, actor_id <= 0, "Link an actor to", error);
}

gboolean
hsh_store_set_annotation_ranges (HshStore *store, gint64 annotation_id, const HshRange *ranges,
                                 guint n_ranges, GError **error)
{
  static const char sql[] =
    "UPDATE annotation SET text = ?2, modified = ?3, revision = revision + 1, ranges = ?4, start = ?5, end = ?6 "
    "WHERE id = ?1";
  g_autoptr(HshAnnotation) annotation = hsh_store_get_annotation (store, annotation_id, error);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (HshRange));
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  HshOplog *log;

  if (annotation == NULL)
    return FALSE;
  g_array_append_vals (sorted, ranges, n_ranges);
  if (!(text = covered_text (store, annotation->document_id, sorted, error)))
    return FALSE;
  description = describe ("Resize", text);
  if (!(log = hsh_oplog_start (store, annotation->document_id, description, error)))
    return FALSE;
  if (!hsh_oplog_before (log, "annotation", annotation_id, error) ||
      !(stmt = hsh_store_statement (store, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
  hsh_model_bind_ranges (stmt, 4, (HshRange *) (void *) sorted->data, sorted->len);
  if (!hsh_store_step_done (store, stmt, "resizing an annotation", error) ||
      !hsh_oplog_after (log, "annotation", annotation_id, error))
    goto fail;
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}
