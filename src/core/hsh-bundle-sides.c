/* hsh-bundle-sides.c: attribute values, notes and role links, read into memory by table rather
 * than looked up per annotation.
 *
 * They are few next to annotations: for a whole project each table is read once, which costs
 * far less than seeking it for every annotation or sorting it by document in SQL; and it is
 * read in slices of its own row ids (which cost no index lookups), by several connections at
 * once, and sorted by annotation in memory. Whether a row's
 * annotation is live is left to the annotation query (a row whose annotation is deleted finds
 * no span), whether its definition is, to the codebook. */
#include "hsh-bundle-sides.h"
#include "hsh-store-private.h"

#include <stdlib.h>

enum { SLICE, ONE_DOCUMENT };

/* Rows are (annotation, order within the annotation, number, target, text). */
static const char *const table_names[HSH_N_SIDES] = { "attribute_value", "note", "role_link" };

static const char *const side_sql[HSH_N_SIDES][2] = {
  { "SELECT annotation_id, attribute_id, attribute_id, 0, value FROM attribute_value "
    "WHERE deleted = 0 AND id BETWEEN ?1 AND ?2",
    "SELECT v.annotation_id, v.attribute_id, v.attribute_id, 0, v.value FROM annotation a "
    "JOIN attribute_value v ON v.annotation_id = a.id WHERE a.document_id = ?1 AND v.deleted = 0" },
  /* An annotation's note is its first note row; when that one is deleted it has none (as
   * hsh_store_get_annotation_note reads it). */
  { "SELECT annotation_id, id, deleted, 0, body FROM note "
    "WHERE annotation_id IS NOT NULL AND id BETWEEN ?1 AND ?2",
    "SELECT n.annotation_id, n.id, n.deleted, 0, n.body FROM annotation a "
    "JOIN note n ON n.annotation_id = a.id WHERE a.document_id = ?1" },
  { "SELECT source_id, id, role_id, target_id, NULL FROM role_link "
    "WHERE deleted = 0 AND id BETWEEN ?1 AND ?2",
    "SELECT l.source_id, l.id, l.role_id, l.target_id, NULL FROM annotation a "
    "JOIN role_link l ON l.source_id = a.id WHERE a.document_id = ?1 AND l.deleted = 0" },
};

struct _HshSides
{
  sqlite3      *db;                    /* for one document at a time */
  sqlite3_stmt *stmts[HSH_N_SIDES];    /* the same */
  GArray       *rows[HSH_N_SIDES];     /* HshSideRow */
  GPtrArray    *texts;                 /* GStringChunk the rows' texts point into */
};

/* What one connection reads: of each table, the rows with ids @first to @last. */
typedef struct {
  sqlite3      *db;
  gint64        first[HSH_N_SIDES];
  gint64        last[HSH_N_SIDES];
  GArray       *rows[HSH_N_SIDES];
  GStringChunk *texts;
  GError       *error;
  GThread      *thread;
} Slice;

static void
set_read_error (sqlite3 *db, GError **error)
{
  g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not read the project for export: %s",
               sqlite3_errmsg (db));
}

static int
compare_rows (const void *a, const void *b)
{
  const HshSideRow *x = a, *y = b;

  if (x->annotation_id != y->annotation_id)
    return x->annotation_id < y->annotation_id ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

/* Rows read through an index on the annotation come sorted already: a look costs less than a
 * sort. */
static gboolean
sorted_by_annotation (GArray *rows)
{
  for (guint i = 1; i < rows->len; i++)
    if (g_array_index (rows, HshSideRow, i - 1).annotation_id > g_array_index (rows, HshSideRow, i).annotation_id)
      return FALSE;
  return TRUE;
}

/* Appends the rows @stmt yields to @rows, sorted by annotation; the rows of one annotation may
 * stay in any order. */
static gboolean
read_rows (sqlite3 *db, sqlite3_stmt *stmt, GArray *rows, GStringChunk *texts, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 4);
      HshSideRow row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                         sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                         text != NULL ? g_string_chunk_insert_len (texts, text, sqlite3_column_bytes (stmt, 4)) : NULL };
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      set_read_error (db, error);
      return FALSE;
    }
  if (!sorted_by_annotation (rows))
    qsort (rows->data, rows->len, sizeof (HshSideRow), compare_rows);
  return TRUE;
}

static gpointer
read_slice (gpointer data)
{
  Slice *slice = data;

  for (guint s = 0; s < HSH_N_SIDES && slice->error == NULL; s++)
    {
      sqlite3_stmt *stmt = NULL;

      slice->rows[s] = g_array_new (FALSE, FALSE, sizeof (HshSideRow));
      if (sqlite3_prepare_v2 (slice->db, side_sql[s][SLICE], -1, &stmt, NULL) != SQLITE_OK)
        {
          set_read_error (slice->db, &slice->error);
          break;
        }
      sqlite3_bind_int64 (stmt, 1, slice->first[s]);
      sqlite3_bind_int64 (stmt, 2, slice->last[s]);
      read_rows (slice->db, stmt, slice->rows[s], slice->texts, &slice->error);
      sqlite3_finalize (stmt);
    }
  return NULL;
}

static HshSides *
sides_new (void)
{
  HshSides *sides = g_new0 (HshSides, 1);

  for (guint s = 0; s < HSH_N_SIDES; s++)
    sides->rows[s] = g_array_new (FALSE, FALSE, sizeof (HshSideRow));
  sides->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_string_chunk_free);
  return sides;
}

static gboolean
largest_id (sqlite3 *db, HshSide side, gint64 *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM %s", table_names[side]);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  set_read_error (db, error);
  return FALSE;
}

/* Of each table, slices of equal width of its ids, one per connection; the last reaches past
 * the largest id. */
static Slice *
plan_slices (HshStore *store, GPtrArray *helpers, guint n, const gint64 *largest)
{
  Slice *slices = g_new0 (Slice, n);

  for (guint i = 0; i < n; i++)
    {
      slices[i].db = hsh_store_get_db (i == 0 ? store : g_ptr_array_index (helpers, i - 1));
      slices[i].texts = g_string_chunk_new (65536);
      for (guint s = 0; s < HSH_N_SIDES; s++)
        {
          gint64 width = largest[s] / n + 1;
          slices[i].first[s] = i * width;
          slices[i].last[s] = i + 1 == n ? G_MAXINT64 : (i + 1) * width - 1;
        }
    }
  return slices;
}

/* The slices one after another, each sorted by annotation; the whole is sorted again unless
 * the slices follow one another in annotation order too (as rows added with their annotations
 * do). */
static gboolean
gather_slices (HshSides *sides, Slice *slices, guint n, GError **error)
{
  GError *failed = NULL;

  for (guint i = 0; i < n; i++)
    {
      Slice *slice = &slices[i];
      for (guint s = 0; s < HSH_N_SIDES; s++)
        if (slice->rows[s] != NULL)
          {
            g_array_append_vals (sides->rows[s], slice->rows[s]->data, slice->rows[s]->len);
            g_array_unref (slice->rows[s]);
          }
      g_ptr_array_add (sides->texts, slice->texts);
      if (slice->error != NULL && failed == NULL)
        failed = g_steal_pointer (&slice->error);
      g_clear_error (&slice->error);
    }
  for (guint s = 0; s < HSH_N_SIDES && n > 1; s++)
    if (!sorted_by_annotation (sides->rows[s]))
      g_array_sort (sides->rows[s], compare_rows);
  if (failed == NULL)
    return TRUE;
  g_propagate_error (error, failed);
  return FALSE;
}

HshSides *
hsh_sides_read_all (HshStore *store, GPtrArray *helpers, GError **error)
{
  g_autoptr(HshSides) sides = sides_new ();
  guint n = 1 + (helpers != NULL ? helpers->len : 0);
  g_autofree Slice *slices = NULL;
  gint64 largest[HSH_N_SIDES] = { 0 };

  for (guint s = 0; s < HSH_N_SIDES; s++)
    if (!largest_id (hsh_store_get_db (store), s, &largest[s], error))
      return NULL;
  slices = plan_slices (store, helpers, n, largest);
  for (guint i = 1; i < n; i++)
    slices[i].thread = g_thread_new ("hashiya-sides", read_slice, &slices[i]);
  read_slice (&slices[0]);
  for (guint i = 1; i < n; i++)
    g_thread_join (slices[i].thread);
  if (!gather_slices (sides, slices, n, error))
    return NULL;
  return g_steal_pointer (&sides);
}

HshSides *
hsh_sides_new_per_document (HshStore *store, GError **error)
{
  g_autoptr(HshSides) sides = sides_new ();

  sides->db = hsh_store_get_db (store);
  g_ptr_array_add (sides->texts, g_string_chunk_new (4096));
  for (guint s = 0; s < HSH_N_SIDES; s++)
    if (sqlite3_prepare_v2 (sides->db, side_sql[s][ONE_DOCUMENT], -1, &sides->stmts[s], NULL) != SQLITE_OK)
      {
        set_read_error (sides->db, error);
        return NULL;
      }
  return g_steal_pointer (&sides);
}

gboolean
hsh_sides_read_document (HshSides *sides, gint64 document_id, GError **error)
{
  GStringChunk *texts = g_ptr_array_index (sides->texts, 0);

  g_return_val_if_fail (sides->db != NULL, FALSE);
  g_string_chunk_clear (texts);
  for (guint s = 0; s < HSH_N_SIDES; s++)
    {
      g_array_set_size (sides->rows[s], 0);
      sqlite3_reset (sides->stmts[s]);
      sqlite3_bind_int64 (sides->stmts[s], 1, document_id);
      if (!read_rows (sides->db, sides->stmts[s], sides->rows[s], texts, error))
        return FALSE;
    }
  return TRUE;
}

/* A document's annotations mostly follow one another in the sorted rows, so a short walk
 * forward from @cursor finds them; otherwise a binary search does. */
const HshSideRow *
hsh_sides_lookup (const HshSides *sides, HshSide side, gint64 annotation_id, guint *cursor, guint *n)
{
  const HshSideRow *rows = (const HshSideRow *) (void *) sides->rows[side]->data;
  guint len = sides->rows[side]->len, at = *cursor, low = 0, high = len;

  if (at > 0 && at <= len && rows[at - 1].annotation_id < annotation_id)
    {
      for (guint steps = 0; at < len && rows[at].annotation_id < annotation_id && steps < 8; steps++)
        at++;
      if (at == len || rows[at].annotation_id >= annotation_id)
        low = high = at;
    }
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      if (rows[middle].annotation_id < annotation_id)
        low = middle + 1;
      else
        high = middle;
    }
  for (*n = 0; low + *n < len && rows[low + *n].annotation_id == annotation_id; (*n)++)
    ;
  *cursor = low + *n;
  return rows + low;
}

void
hsh_sides_free (HshSides *sides)
{
  if (sides == NULL)
    return;
  for (guint s = 0; s < HSH_N_SIDES; s++)
    {
      sqlite3_finalize (sides->stmts[s]);
      g_array_unref (sides->rows[s]);
    }
  g_ptr_array_unref (sides->texts);
  g_free (sides);
}
