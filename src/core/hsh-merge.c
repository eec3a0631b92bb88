/* hsh-merge.c: merging another project file into this one, table by table, in one transaction.
 * Each row of the other file is matched to ours by UUID (or by its natural key: the same
 * document text, label path, actor name…), its references are translated to our ids, and its
 * version vector decides: theirs follows ours → take theirs; ours follows theirs → keep ours;
 * edited apart → keep the later edit and list the other as a conflict. A second thread checks
 * the other file while ours is read, then reads the other file's rows ahead while ours is written. */
#include "hsh-merge-private.h"
#include "hsh-model-private.h"
#include "hsh-versions.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

/* Row ids are positive and fit a pointer: the id maps store them without allocating. */
#define ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

/* What our project holds of a row. Its strings live in the table's string chunk: a merge reads
 * 100,000 rows and frees them all at once. */
typedef struct {
  gint64 id;
  gint64 modified;
  gint64 revision;
  const char *uuid;
  const char *versions;
} TargetRow;

typedef struct {
  const HshMergeTable *spec;
  guint n_columns;
  GArray *rows;               /* TargetRow, in the order read; never grows once indexed */
  GStringChunk *strings;      /* the rows' UUIDs and version vectors */
  GHashTable *by_uuid;        /* uuid → TargetRow (in rows) */
  GHashTable *by_id;          /* ID_KEY (target id) → TargetRow (in rows), for rows found by natural key */
  GHashTable *by_key;         /* natural key → ID_KEY (target id) */
  GHashTable *ids;            /* source id → target id, in Merge.id_maps */
  GHashTable **column_ids;    /* per content column: the id map of the table it refers to, or NULL */
  GHashTable *author_ids;     /* the annotators' id map, or NULL when the table has no author */
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *join_versions;
  sqlite3_stmt *read_target;
} TableMerge;

typedef struct {
  HshStore *store;
  sqlite3 *target;
  sqlite3 *source;
  HshMergeSummary *summary;
  TableMerge *tables;        /* one per hsh_merge_tables (), in that order */
  guint n_tables;
  sqlite3_stmt **source_statements; /* per table: its rows in the other file */
  HshMergeReader *reader;
  GHashTable *id_maps;       /* table name → (source id → target id) */
  GHashTable *coder_names;   /* source annotator id → name */
  GHashTable *names_by_uuid; /* source annotator uuid → name */
  GHashTable *fresh;         /* ids of the annotations this merge added */
  GHashTable *tally;         /* coder name (borrowed, or NULL) → annotations added or updated */
  GCancellable *cancellable;
} Merge;

void
hsh_merge_summary_free (HshMergeSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->source);
  g_clear_pointer (&summary->by_coder, g_hash_table_unref);
  g_free (summary);
}

char *
hsh_merge_summary_describe (const HshMergeSummary *summary)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (summary->by_coder), (GCompareFunc) g_strcmp0);

  for (GList *l = names; l != NULL; l = l->next)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (summary->by_coder, l->data));
      g_string_append_printf (text, "%s%u annotation%s from %s", text->len > 0 ? ", " : "", n, n == 1 ? "" : "s",
                              (char *) l->data);
    }
  if (text->len == 0)
    g_string_append (text, "nothing new");
  if (summary->documents_added > 0)
    g_string_append_printf (text, "; %u new document%s", summary->documents_added, summary->documents_added == 1 ? "" : "s");
  if (summary->conflicts > 0)
    g_string_append_printf (text, "; %u conflict%s to resolve", summary->conflicts, summary->conflicts == 1 ? "" : "s");
  if (summary->skipped > 0)
    g_string_append_printf (text, "; %u damaged row%s skipped", summary->skipped, summary->skipped == 1 ? "" : "s");
  return g_string_free (text, FALSE);
}

static gboolean
sql_error (sqlite3 *db, GError **error, const char *what)
{
  g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Merging failed while %s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    sql_error (db, error, "preparing a query");
  return stmt;
}

static char *
column_list (const HshMergeTable *spec, const char *prefix)
{
  GString *list = g_string_new (NULL);
  for (guint i = 0; spec->columns[i] != NULL; i++)
    g_string_append_printf (list, "%s%s%s", i > 0 ? ", " : "", prefix, spec->columns[i]);
  return g_string_free (list, FALSE);
}

static gboolean
has_author (const HshMergeTable *spec)
{
  for (guint i = 0; spec->references[i].column != NULL; i++)
    if (g_str_equal (spec->references[i].column, "author"))
      return TRUE;
  return FALSE;
}

/* The statements of one table, built from the merge table constants only. */
static gboolean
prepare_table (TableMerge *tm, sqlite3 *db, GError **error)
{
  const HshMergeTable *spec = tm->spec;
  g_autofree char *columns = column_list (spec, "");
  g_autoptr(GString) placeholders = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);
  g_autofree char *insert = NULL, *update = NULL, *join = NULL, *read = NULL;

  for (guint i = 0; i < tm->n_columns; i++)
    {
      g_string_append_printf (placeholders, ", ?%u", i + 7);
      g_string_append_printf (assignments, ", %s = ?%u", spec->columns[i], i + 7);
    }
  insert = g_strdup_printf ("INSERT INTO %s (uuid, author, created, modified, revision, versions, %s) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6%s)", spec->table, columns, placeholders->str);
  update = g_strdup_printf ("UPDATE %s SET author = ?2, created = ?3, modified = ?4, revision = ?5, versions = ?6%s "
                            "WHERE id = ?1", spec->table, assignments->str);
  join = g_strdup_printf ("UPDATE %s SET versions = ?2 WHERE id = ?1", spec->table);
  read = g_strdup_printf ("SELECT uuid, author, created, modified, revision, versions, %s FROM %s WHERE id = ?1",
                          columns, spec->table);
  return (tm->insert = prepare (db, insert, error)) && (tm->update = prepare (db, update, error)) &&
         (tm->join_versions = prepare (db, join, error)) && (tm->read_target = prepare (db, read, error));
}

static const char *
chunk_copy (GStringChunk *strings, const unsigned char *text)
{
  return text != NULL ? g_string_chunk_insert (strings, (const char *) text) : NULL;
}

/* Indexes the rows by UUID, and by id where a natural key can name them, once all are read:
 * the array no longer moves. */
static void
index_target_rows (TableMerge *tm)
{
  for (guint i = 0; i < tm->rows->len; i++)
    {
      TargetRow *row = &g_array_index (tm->rows, TargetRow, i);
      if (row->uuid != NULL)
        g_hash_table_insert (tm->by_uuid, (gpointer) row->uuid, row);
      if (tm->spec->natural_key != NULL)
        g_hash_table_insert (tm->by_id, ID_KEY (row->id), row);
    }
}

/* Reads what the target holds of the table once: merging 100,000 rows must not query per row. */
static gboolean
load_target (TableMerge *tm, sqlite3 *db, GError **error)
{
  const HshMergeTable *spec = tm->spec;
  /* Content is read only where it names rows (natural keys); 100,000 annotations' texts are not. */
  g_autofree char *key_columns = spec->natural_key != NULL ? g_strjoinv (", ", (char **) spec->natural_key) : NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, modified, revision, versions%s%s FROM %s",
                                          key_columns != NULL ? ", " : "", key_columns != NULL ? key_columns : "",
                                          spec->table);
  sqlite3_stmt *stmt = prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TargetRow row = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
        chunk_copy (tm->strings, sqlite3_column_text (stmt, 1)), chunk_copy (tm->strings, sqlite3_column_text (stmt, 4)),
      };
      g_array_append_val (tm->rows, row);
      if (key_columns != NULL)
        g_hash_table_insert (tm->by_key, hsh_merge_natural_key_of_row (spec, stmt, 5), ID_KEY (row.id));
    }
  sqlite3_finalize (stmt);
  index_target_rows (tm);
  return TRUE;
}

/* Translates the row's references into our ids; FALSE when one names a row the file lacks. */
static gboolean
translate_references (Merge *m, const HshMergeTable *spec, HshMergeVersion *version)
{
  for (guint r = 0; spec->references[r].column != NULL; r++)
    {
      const HshMergeReference *ref = &spec->references[r];
      HshMergeValue *value = g_str_equal (ref->column, "author") ? &version->author
                           : &version->content[hsh_merge_column_index (spec, ref->column)];
      GHashTable *ids = g_hash_table_lookup (m->id_maps, ref->table);
      gpointer mapped;

      if (value->type == SQLITE_NULL)
        continue;
      if (value->type != SQLITE_INTEGER || ids == NULL || !(mapped = g_hash_table_lookup (ids, ID_KEY (value->i))))
        return FALSE;
      value->i = (gint64) GPOINTER_TO_SIZE (mapped);
    }
  return TRUE;
}

static void
bind_version (TableMerge *tm, sqlite3_stmt *stmt, const HshMergeVersion *version)
{
  sqlite3_bind_text (stmt, 1, version->uuid, -1, SQLITE_STATIC);
  if (has_author (tm->spec))
    hsh_merge_value_bind (&version->author, stmt, 2);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, version->created);
  sqlite3_bind_int64 (stmt, 4, version->modified);
  sqlite3_bind_int64 (stmt, 5, version->revision);
  sqlite3_bind_text (stmt, 6, version->versions, -1, SQLITE_STATIC);
  for (guint i = 0; i < tm->n_columns; i++)
    hsh_merge_value_bind (&version->content[i], stmt, (int) i + 7);
}

static gboolean
run (Merge *m, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || sql_error (m->target, error, what);
}

static gboolean
index_document (Merge *m, gint64 id, const HshMergeVersion *version, GError **error)
{
  sqlite3_stmt *stmt = hsh_store_statement (m->store, "INSERT INTO document_fts (rowid, title, text) VALUES (?1, ?2, ?3)", error);
  const HshMergeTable *spec = hsh_merge_table_lookup ("document");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  hsh_merge_value_bind (&version->content[hsh_merge_column_index (spec, "title")], stmt, 2);
  hsh_merge_value_bind (&version->content[hsh_merge_column_index (spec, "text")], stmt, 3);
  return hsh_store_step_done (m->store, stmt, "indexing a merged document", error);
}

/* Counted per annotation of a large merge, by the name's address: the names live as long as the
 * merge, and hashing an address costs less than hashing the name. add_up_tally() counts by name. */
static void
count_for (Merge *m, const char *name)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (m->tally, name));
  g_hash_table_insert (m->tally, (gpointer) name, GUINT_TO_POINTER (count + 1));
}

static void
add_up_tally (Merge *m)
{
  GHashTableIter iter;
  gpointer name, count;

  g_hash_table_iter_init (&iter, m->tally);
  while (g_hash_table_iter_next (&iter, &name, &count))
    {
      const char *coder = name != NULL ? name : "an unnamed coder";
      gpointer key, before = NULL;

      if (g_hash_table_lookup_extended (m->summary->by_coder, coder, &key, &before))
        g_hash_table_steal (m->summary->by_coder, coder);
      else
        key = g_strdup (coder);
      g_hash_table_insert (m->summary->by_coder, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (before) + GPOINTER_TO_UINT (count)));
    }
}

/* A new annotation counts for who made it. */
static void
count_coder (Merge *m, const HshMergeVersion *version, gint64 source_author)
{
  count_for (m, g_hash_table_lookup (m->coder_names, &source_author));
}

/* An edit counts for whoever edited since our version: the annotators whose count grew. */
static void
count_editors (Merge *m, const char *ours, const char *theirs)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *a = NULL, *b = NULL;
  g_autoptr(GList) keys = NULL;

  if (json_parser_load_from_data (p1, ours, -1, NULL) && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p1)))
    a = json_node_get_object (json_parser_get_root (p1));
  if (!json_parser_load_from_data (p2, theirs, -1, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p2)))
    return;
  b = json_node_get_object (json_parser_get_root (p2));
  keys = json_object_get_members (b);
  for (GList *l = keys; l != NULL; l = l->next)
    if (json_object_get_int_member_with_default (b, l->data, 0) >
        (a != NULL ? json_object_get_int_member_with_default (a, l->data, 0) : 0))
      count_for (m, g_hash_table_lookup (m->names_by_uuid, l->data));
}

static gboolean
insert_row (Merge *m, TableMerge *tm, HshMergeVersion *version, gint64 source_author, gint64 *id, GError **error)
{
  char *key;

  bind_version (tm, tm->insert, version);
  if (!run (m, tm->insert, "adding a row", error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (m->target);
  if (g_str_equal (tm->spec->table, "document"))
    {
      if (!index_document (m, *id, version, error))
        return FALSE;
      m->summary->documents_added++;
    }
  if (g_str_equal (tm->spec->table, "annotation"))
    {
      m->summary->annotations_added++;
      count_coder (m, version, source_author);
    }
  m->summary->rows_added++;
  /* UUIDs are unique within the other file, so a new row is never looked up by UUID again;
   * its natural key is remembered, as a damaged file might repeat one. */
  if ((key = hsh_merge_natural_key (tm->spec, version->content)))
    g_hash_table_insert (tm->by_key, key, ID_KEY (*id));
  return TRUE;
}

static gboolean
overwrite_row (Merge *m, TableMerge *tm, TargetRow *row, HshMergeVersion *version, const char *versions, GError **error)
{
  /* The row keeps its own UUID when it was matched by natural key. */
  g_autofree char *their_uuid = version->uuid;
  g_autofree char *their_versions = version->versions;
  gboolean ok;

  version->uuid = NULL;
  version->versions = g_strdup (versions);
  bind_version (tm, tm->update, version);
  sqlite3_bind_int64 (tm->update, 1, row->id);
  ok = run (m, tm->update, "updating a row", error);
  g_free (version->versions);
  version->uuid = g_steal_pointer (&their_uuid);
  version->versions = g_steal_pointer (&their_versions);
  if (!ok)
    return FALSE;
  row->versions = g_string_chunk_insert (tm->strings, versions);
  row->modified = version->modified;
  row->revision = version->revision;
  m->summary->rows_updated++;
  return TRUE;
}

static gboolean
set_versions (Merge *m, TableMerge *tm, TargetRow *row, const char *versions, GError **error)
{
  sqlite3_bind_int64 (tm->join_versions, 1, row->id);
  sqlite3_bind_text (tm->join_versions, 2, versions, -1, SQLITE_STATIC);
  if (!run (m, tm->join_versions, "joining versions", error))
    return FALSE;
  row->versions = g_string_chunk_insert (tm->strings, versions);
  return TRUE;
}

/* Our current version of @row, in the shape of the other file's versions. */
static gboolean
read_target_version (Merge *m, TableMerge *tm, TargetRow *row, HshMergeVersion *version, GError **error)
{
  sqlite3_stmt *stmt = tm->read_target;

  sqlite3_bind_int64 (stmt, 1, row->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sql_error (m->target, error, "reading a row");
    }
  version->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  hsh_merge_value_read (&version->author, stmt, 1);
  version->created = sqlite3_column_int64 (stmt, 2);
  version->modified = sqlite3_column_int64 (stmt, 3);
  version->revision = sqlite3_column_int64 (stmt, 4);
  version->versions = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  version->content = g_new0 (HshMergeValue, tm->n_columns);
  for (guint i = 0; i < tm->n_columns; i++)
    hsh_merge_value_read (&version->content[i], stmt, 6 + (int) i);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
same_content (TableMerge *tm, const HshMergeVersion *a, const HshMergeVersion *b)
{
  for (guint i = 0; i < tm->n_columns; i++)
    if (!hsh_merge_value_equal (&a->content[i], &b->content[i]))
      return FALSE;
  return TRUE;
}

/* Both sides changed the row apart. The later edit stays in the row (ties go to the larger
 * JSON, so any order of merges ends alike) and the other is listed for a person. */
static gboolean
resolve_concurrent (Merge *m, TableMerge *tm, TargetRow *row, HshMergeVersion *theirs, gint64 source_author, GError **error)
{
  HshMergeVersion ours = { 0 };
  g_autofree char *joined = NULL;
  g_autofree char *ours_json = NULL, *theirs_json = NULL;
  gboolean take_theirs, added = FALSE, ok;

  if (!read_target_version (m, tm, row, &ours, error))
    return FALSE;
  joined = hsh_versions_join (ours.versions, theirs->versions);
  if (same_content (tm, &ours, theirs))
    {
      hsh_merge_version_clear (tm->spec, &ours);
      return set_versions (m, tm, row, joined, error);
    }
  ours_json = hsh_merge_version_to_json (tm->spec, &ours, m->target);
  theirs_json = hsh_merge_version_to_json (tm->spec, theirs, m->target);
  take_theirs = theirs->modified > ours.modified ||
                (theirs->modified == ours.modified && g_strcmp0 (theirs_json, ours_json) > 0);
  /* The listed version carries the row's own UUID, whichever file it came from. */
  g_free (theirs->uuid);
  theirs->uuid = g_strdup (ours.uuid);
  ok = hsh_merge_record_conflict (m->store, tm->spec, take_theirs ? &ours : theirs,
                                  m->summary->source, &added, error) &&
       (take_theirs ? overwrite_row (m, tm, row, theirs, joined, error) : set_versions (m, tm, row, joined, error));
  if (ok && added)
    m->summary->conflicts++;
  if (ok && take_theirs && g_str_equal (tm->spec->table, "annotation"))
    {
      m->summary->annotations_updated++;
      count_editors (m, ours.versions, theirs->versions);
    }
  hsh_merge_version_clear (tm->spec, &ours);
  return ok;
}

static gboolean
merge_row (Merge *m, TableMerge *tm, HshMergeVersion *theirs, gint64 source_id, GError **error)
{
  gint64 source_author = theirs->author.type == SQLITE_INTEGER ? theirs->author.i : 0;
  TargetRow *row;
  gint64 id;

  if (!translate_references (m, tm->spec, theirs))
    {
      m->summary->skipped++;
      return TRUE;
    }
  row = g_hash_table_lookup (tm->by_uuid, theirs->uuid);
  if (row == NULL && tm->spec->natural_key != NULL)
    {
      g_autofree char *key = hsh_merge_natural_key (tm->spec, theirs->content);
      gpointer matched = g_hash_table_lookup (tm->by_key, key);
      row = matched != NULL ? g_hash_table_lookup (tm->by_id, matched) : NULL;
      if (matched != NULL && row == NULL)
        {
          /* The other file repeats a row it just gave us under another UUID: one is enough. */
          g_hash_table_insert (tm->ids, ID_KEY (source_id), matched);
          m->summary->skipped++;
          return TRUE;
        }
    }
  if (row == NULL)
    {
      if (!insert_row (m, tm, theirs, source_author, &id, error))
        return FALSE;
      g_hash_table_insert (tm->ids, ID_KEY (source_id), ID_KEY (id));
      return TRUE;
    }
  g_hash_table_insert (tm->ids, ID_KEY (source_id), ID_KEY (row->id));
  if (!tm->spec->updatable ||
      (g_strcmp0 (row->versions, theirs->versions) == 0 && row->modified == theirs->modified && row->revision == theirs->revision))
    return TRUE;
  switch (hsh_versions_compare (row->versions, theirs->versions))
    {
    case HSH_VERSIONS_OLDER:
      {
        /* Still readable after the row takes theirs: the chunk keeps every string to the end. */
        const char *ours = row->versions;
        if (!overwrite_row (m, tm, row, theirs, theirs->versions, error))
          return FALSE;
        if (g_str_equal (tm->spec->table, "annotation"))
          {
            m->summary->annotations_updated++;
            count_editors (m, ours, theirs->versions);
          }
        return TRUE;
      }
    case HSH_VERSIONS_NEWER:
      return TRUE;
    default:
      return resolve_concurrent (m, tm, row, theirs, source_author, error);
    }
}

/* The columns of the other file's rows, as prepare_source_statements() reads them. */
enum {
  COLUMN_ID, COLUMN_UUID, COLUMN_AUTHOR, COLUMN_CREATED, COLUMN_MODIFIED, COLUMN_REVISION, COLUMN_VERSIONS,
  FIRST_CONTENT_COLUMN
};

/* The text of a column of the other file's row, or NULL. The file passed its integrity check,
 * which holds the columns of its STRICT tables to their types: a UUID is text or nothing. */
static const char *
text_of (const HshMergeValue *value)
{
  return value->type == SQLITE_TEXT ? value->bytes : NULL;
}

/* Our id for the source row @value names in a reference column; 0 when the other file lacks it. */
static gint64
translated (GHashTable *ids, const HshMergeValue *value)
{
  gpointer mapped = value->type == SQLITE_INTEGER ? g_hash_table_lookup (ids, ID_KEY (value->i)) : NULL;
  return mapped != NULL ? (gint64) GPOINTER_TO_SIZE (mapped) : 0;
}

/* Binds one column of the source row to @index of the insert, translating a reference. Text is
 * bound without a copy: it stays in its batch until the batch is released, and the insert has
 * run and let go of its bindings before that (run() clears them). */
static gboolean
bind_from_source (sqlite3_stmt *insert, int index, const HshMergeValue *value, GHashTable *ids)
{
  gint64 id;

  if (ids == NULL || value->type == SQLITE_NULL)
    {
      hsh_merge_value_bind (value, insert, index);
      return TRUE;
    }
  if (!(id = translated (ids, value)))
    return FALSE;
  sqlite3_bind_int64 (insert, index, id);
  return TRUE;
}

/* Whether the row hangs off an annotation this merge added (an attribute value, a role link):
 * then no row of ours can have its natural key, and it needs no looking up. */
static gboolean
owned_by_fresh_annotation (Merge *m, TableMerge *tm, const HshMergeValue *source)
{
  int column = hsh_merge_column_index (tm->spec, tm->spec->natural_key[0]);
  GHashTable *annotations = g_hash_table_lookup (m->id_maps, "annotation");
  gint64 owner;

  if (column < 0 || annotations == NULL || tm->column_ids[column] != annotations)
    return FALSE;
  owner = translated (annotations, &source[FIRST_CONTENT_COLUMN + column]);
  return owner != 0 && g_hash_table_contains (m->fresh, ID_KEY (owner));
}

/* The common case of a first merge: a new row that cannot be here already (a new UUID, and no
 * natural key, or one hanging off a new annotation) goes straight from the other file's row
 * into ours, with nothing copied in between. Returns 1 when done, 0 when the row needs the
 * general path, -1 on error. */
static int
insert_direct (Merge *m, TableMerge *tm, const HshMergeValue *source, gboolean known, GError **error)
{
  const HshMergeTable *spec = tm->spec;
  const HshMergeValue *author = &source[COLUMN_AUTHOR];
  gint64 id;

  if (text_of (&source[COLUMN_UUID]) == NULL || source[COLUMN_VERSIONS].type != SQLITE_TEXT || known ||
      (spec->natural_key != NULL && !owned_by_fresh_annotation (m, tm, source)))
    return 0;
  hsh_merge_value_bind (&source[COLUMN_UUID], tm->insert, 1);
  if (tm->author_ids == NULL)
    sqlite3_bind_null (tm->insert, 2);
  else if (!bind_from_source (tm->insert, 2, author, tm->author_ids))
    goto general;
  for (int c = COLUMN_CREATED; c <= COLUMN_VERSIONS; c++)
    hsh_merge_value_bind (&source[c], tm->insert, c);
  for (guint i = 0; i < tm->n_columns; i++)
    if (!bind_from_source (tm->insert, FIRST_CONTENT_COLUMN + (int) i, &source[FIRST_CONTENT_COLUMN + i], tm->column_ids[i]))
      goto general;
  if (!run (m, tm->insert, "adding a row", error))
    return -1;
  id = sqlite3_last_insert_rowid (m->target);
  if (g_str_equal (spec->table, "annotation"))
    {
      g_hash_table_add (m->fresh, ID_KEY (id));
      m->summary->annotations_added++;
      count_for (m, author->type == SQLITE_INTEGER ? g_hash_table_lookup (m->coder_names, &author->i) : NULL);
    }
  m->summary->rows_added++;
  g_hash_table_insert (tm->ids, ID_KEY (source[COLUMN_ID].i), ID_KEY (id));
  return 1;

general:
  /* A reference the general path will judge (and count as damaged if it is). */
  sqlite3_reset (tm->insert);
  sqlite3_clear_bindings (tm->insert);
  return 0;
}

/* The common case of a repeated merge: the row is here with the same version. Only its id is
 * noted, for the rows that refer to it; nothing else of it is read. */
static gboolean
unchanged (TableMerge *tm, const HshMergeValue *source, gboolean *known)
{
  const char *uuid = text_of (&source[COLUMN_UUID]);
  TargetRow *row = uuid != NULL ? g_hash_table_lookup (tm->by_uuid, uuid) : NULL;

  *known = row != NULL;
  if (row == NULL)
    return FALSE;
  if (tm->spec->updatable &&
      (g_strcmp0 (row->versions, text_of (&source[COLUMN_VERSIONS])) != 0 ||
       row->modified != source[COLUMN_MODIFIED].i || row->revision != source[COLUMN_REVISION].i))
    return FALSE;
  g_hash_table_insert (tm->ids, ID_KEY (source[COLUMN_ID].i), ID_KEY (row->id));
  return TRUE;
}

/* A row that needs the general path, as a version that owns its values. */
static void
version_of_source_row (HshMergeVersion *theirs, TableMerge *tm, const HshMergeValue *source)
{
  theirs->uuid = g_strdup (text_of (&source[COLUMN_UUID]));
  hsh_merge_value_copy (&theirs->author, &source[COLUMN_AUTHOR]);
  theirs->created = source[COLUMN_CREATED].i;
  theirs->modified = source[COLUMN_MODIFIED].i;
  theirs->revision = source[COLUMN_REVISION].i;
  theirs->versions = g_strdup (text_of (&source[COLUMN_VERSIONS]));
  theirs->content = g_new0 (HshMergeValue, tm->n_columns);
  for (guint i = 0; i < tm->n_columns; i++)
    hsh_merge_value_copy (&theirs->content[i], &source[FIRST_CONTENT_COLUMN + i]);
}

static gboolean
merge_source_row (Merge *m, TableMerge *tm, const HshMergeValue *source, GError **error)
{
  HshMergeVersion theirs = { 0 };
  gboolean known, ok;

  if (unchanged (tm, source, &known))
    return TRUE;
  switch (insert_direct (m, tm, source, known, error))
    {
    case 1:
      return TRUE;
    case -1:
      return FALSE;
    default:
      break;
    }
  version_of_source_row (&theirs, tm, source);
  ok = theirs.uuid != NULL && theirs.versions != NULL ? merge_row (m, tm, &theirs, source[COLUMN_ID].i, error)
                                                      : (m->summary->skipped++, TRUE);
  hsh_merge_version_clear (tm->spec, &theirs);
  return ok;
}

/* Sets up the merge of one table: its id map, and the id maps its references translate through.
 * Tables are set up in merge order, so the tables referred to already have theirs. */
static void
table_merge_init (Merge *m, TableMerge *tm, const HshMergeTable *spec)
{
  tm->spec = spec;
  tm->n_columns = g_strv_length ((char **) spec->columns);
  tm->rows = g_array_new (FALSE, FALSE, sizeof (TargetRow));
  tm->strings = g_string_chunk_new (64 * 1024);
  tm->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  tm->by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  tm->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tm->ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_hash_table_insert (m->id_maps, (gpointer) spec->table, tm->ids);
  tm->column_ids = g_new0 (GHashTable *, tm->n_columns);
  for (guint r = 0; spec->references[r].column != NULL; r++)
    {
      GHashTable *ids = g_hash_table_lookup (m->id_maps, spec->references[r].table);
      int column = hsh_merge_column_index (spec, spec->references[r].column);
      if (column >= 0)
        tm->column_ids[column] = ids;
      else
        tm->author_ids = ids;
    }
}

/* Frees what the table's merge knew of our project; its id map stays, for the tables after it. */
static void
table_merge_clear (TableMerge *tm)
{
  g_clear_pointer (&tm->insert, sqlite3_finalize);
  g_clear_pointer (&tm->update, sqlite3_finalize);
  g_clear_pointer (&tm->join_versions, sqlite3_finalize);
  g_clear_pointer (&tm->read_target, sqlite3_finalize);
  g_clear_pointer (&tm->column_ids, g_free);
  g_clear_pointer (&tm->by_id, g_hash_table_unref);
  g_clear_pointer (&tm->by_uuid, g_hash_table_unref);
  g_clear_pointer (&tm->by_key, g_hash_table_unref);
  g_clear_pointer (&tm->rows, g_array_unref);
  g_clear_pointer (&tm->strings, g_string_chunk_free);
}

/* Reads what our project holds of every table and prepares the statements that write them.
 * Only our project is read here, and nothing is written: this runs while the other file is
 * still being checked. */
static gboolean
plan_tables (Merge *m, GError **error)
{
  for (guint i = 0; i < m->n_tables; i++)
    if (!prepare_table (&m->tables[i], m->target, error) || !load_target (&m->tables[i], m->target, error))
      return FALSE;
  return TRUE;
}

/* Merges the table's rows as the reader hands them over, batch by batch. */
static gboolean
merge_table (Merge *m, TableMerge *tm, GError **error)
{
  gboolean ok = TRUE, last = FALSE;
  guint n = 0;

  while (ok && !last)
    {
      HshMergeBatch *batch = hsh_merge_reader_next (m->reader);

      for (guint r = 0; ok && r < batch->n_rows; r++)
        {
          if ((++n & 1023) == 1 && g_cancellable_set_error_if_cancelled (m->cancellable, error))
            ok = FALSE;
          else
            ok = merge_source_row (m, tm, batch->values + r * batch->n_columns, error);
        }
      if (ok && batch->error != NULL)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Merging failed while reading the other project: %s", batch->error);
          ok = FALSE;
        }
      last = batch->last;
      hsh_merge_reader_release (m->reader, batch);
    }
  table_merge_clear (tm);
  return ok;
}

static void
load_coder_names (Merge *m)
{
  sqlite3_stmt *stmt = NULL;

  m->coder_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m->names_by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (sqlite3_prepare_v2 (m->source, "SELECT id, uuid, name FROM annotator", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
        const char *name = (const char *) sqlite3_column_text (stmt, 2);
        g_hash_table_insert (m->coder_names, g_memdup2 (&id, sizeof id), g_strdup (name));
        if (uuid != NULL)
          g_hash_table_insert (m->names_by_uuid, g_strdup (uuid), g_strdup (name));
      }
  sqlite3_finalize (stmt);
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
merge_init (Merge *m)
{
  const HshMergeTable *const *specs = hsh_merge_tables ();

  while (specs[m->n_tables] != NULL)
    m->n_tables++;
  m->id_maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  m->fresh = g_hash_table_new (g_direct_hash, g_direct_equal);
  m->tally = g_hash_table_new (g_direct_hash, g_direct_equal);
  m->tables = g_new0 (TableMerge, m->n_tables);
  m->source_statements = g_new0 (sqlite3_stmt *, m->n_tables);
  for (guint i = 0; i < m->n_tables; i++)
    table_merge_init (m, &m->tables[i], specs[i]);
}

static void
merge_clear (Merge *m)
{
  for (guint i = 0; i < m->n_tables; i++)
    {
      table_merge_clear (&m->tables[i]);
      sqlite3_finalize (m->source_statements[i]);
    }
  g_clear_pointer (&m->tables, g_free);
  g_clear_pointer (&m->source_statements, g_free);
  g_clear_pointer (&m->id_maps, g_hash_table_unref);
  g_clear_pointer (&m->coder_names, g_hash_table_unref);
  g_clear_pointer (&m->names_by_uuid, g_hash_table_unref);
  g_clear_pointer (&m->fresh, g_hash_table_unref);
  g_clear_pointer (&m->tally, g_hash_table_unref);
}

/* Reads our project while the other file is checked on its own thread. Returns the other file
 * once both went well; its verdict comes first, as when it was opened before anything else.
 * @began tells whether our transaction was begun. */
static HshStore *
check_source_while_planning (Merge *m, const char *source_path, gboolean *began, GError **error)
{
  g_autoptr(GError) planning_error = NULL;
  HshMergeSourceCheck check = { NULL };
  HshStore *other;
  gboolean planned;

  hsh_merge_source_check_start (&check, source_path);
  *began = hsh_store_begin (m->store, &planning_error);
  planned = *began && plan_tables (m, &planning_error);
  other = hsh_merge_source_check_finish (&check, error);
  if (other != NULL && !planned)
    {
      g_propagate_error (error, g_steal_pointer (&planning_error));
      g_clear_object (&other);
    }
  return other;
}

/* Prepares the statements that read each table of the other file, in the order of its ids. */
static gboolean
prepare_source_statements (Merge *m, GError **error)
{
  for (guint i = 0; i < m->n_tables; i++)
    {
      const HshMergeTable *spec = m->tables[i].spec;
      g_autofree char *columns = column_list (spec, "");
      g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, author, created, modified, revision, versions, %s "
                                              "FROM %s ORDER BY id", columns, spec->table);
      if (!(m->source_statements[i] = prepare (m->source, sql, error)))
        return FALSE;
    }
  return TRUE;
}

/* Merges every table, in order, while the reader reads the other file's rows ahead. */
static gboolean
merge_tables (Merge *m, GError **error)
{
  gboolean ok;

  load_coder_names (m);
  if (!prepare_source_statements (m, error))
    return FALSE;
  m->reader = hsh_merge_reader_start (m->source_statements, m->n_tables);
  ok = TRUE;
  for (guint i = 0; ok && i < m->n_tables; i++)
    ok = merge_table (m, &m->tables[i], error);
  hsh_merge_reader_finish (g_steal_pointer (&m->reader));
  if (ok)
    add_up_tally (m);
  return ok;
}

HshMergeSummary *
hsh_store_merge (HshStore *store, const char *source_path, GCancellable *cancellable, GError **error)
{
  g_autoptr(HshStore) other = NULL;
  g_autoptr(HshMergeSummary) summary = g_new0 (HshMergeSummary, 1);
  Merge m = { .store = store, .target = hsh_store_get_db (store), .summary = summary, .cancellable = cancellable };
  gboolean began, ok;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);
  summary->source = g_strdup (source_path);
  summary->by_coder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (same_file (source_path, hsh_store_get_path (store)))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s is this project itself", source_path);
      return NULL;
    }
  merge_init (&m);
  /* Every reference a merge writes was translated to a row that exists here, so SQLite need not
   * check each one again: that check was a third of the time of a large merge. The pragma only
   * takes effect outside a transaction, which is where a merge starts. */
  sqlite3_exec (m.target, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  other = check_source_while_planning (&m, source_path, &began, error);
  ok = other != NULL;
  if (ok)
    {
      m.source = hsh_store_get_db (other);
      ok = merge_tables (&m, error);
    }
  merge_clear (&m);
  if (began && !ok)
    hsh_store_rollback (store);
  else if (began)
    ok = hsh_store_commit (store, error);
  sqlite3_exec (m.target, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok ? g_steal_pointer (&summary) : NULL;
}
