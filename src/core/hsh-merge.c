/* hsh-merge.c: merging another project file into this one, table by table, in one transaction.
 * Each row of the other file is matched to ours by UUID (or by its natural key: the same
 * document text, label path, actor name…), its references are translated to our ids, and its
 * version vector decides: theirs follows ours → take theirs; ours follows theirs → keep ours;
 * edited apart → keep the later edit and list the other as a conflict. */
#include "hsh-merge-private.h"
#include "hsh-model-private.h"
#include "hsh-versions.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

/* Row ids are positive and fit a pointer: the id maps store them without allocating. */
#define ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

typedef struct {
  gint64 id;
  gint64 modified;
  gint64 revision;
  char *versions;
} TargetRow;

typedef struct {
  HshStore *store;
  sqlite3 *target;
  sqlite3 *source;
  HshMergeSummary *summary;
  GHashTable *id_maps;       /* table name → (source id → target id) */
  GHashTable *coder_names;   /* source annotator id → name */
  GHashTable *names_by_uuid; /* source annotator uuid → name */
  GHashTable *fresh;         /* ids of the annotations this merge added */
  GCancellable *cancellable;
} Merge;

typedef struct {
  const HshMergeTable *spec;
  guint n_columns;
  GHashTable *by_uuid;        /* uuid → TargetRow */
  GHashTable *by_id;          /* target id → TargetRow (borrowed) */
  GHashTable *by_key;         /* natural key → target id */
  GHashTable *ids;            /* source id → target id, in Merge.id_maps */
  GHashTable **column_ids;    /* per content column: the id map of the table it refers to, or NULL */
  GHashTable *author_ids;     /* the annotators' id map, or NULL when the table has no author */
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *join_versions;
  sqlite3_stmt *read_target;
} TableMerge;

static void
target_row_free (TargetRow *row)
{
  g_free (row->versions);
  g_free (row);
}

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

static void
natural_key_append (GString *key, const HshMergeValue *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      g_string_append_printf (key, "%" G_GINT64_FORMAT "\x1f", value->i);
      break;
    case SQLITE_TEXT:
      g_string_append_len (key, value->bytes, value->n);
      g_string_append_c (key, '\x1f');
      break;
    default:
      g_string_append (key, "\x1e\x1f");
    }
}

static char *
natural_key (const HshMergeTable *spec, const HshMergeValue *content)
{
  GString *key;
  if (spec->natural_key == NULL)
    return NULL;
  key = g_string_new (NULL);
  for (guint i = 0; spec->natural_key[i] != NULL; i++)
    natural_key_append (key, &content[hsh_merge_column_index (spec, spec->natural_key[i])]);
  return g_string_free (key, FALSE);
}

/* Reads what the target holds of the table once: merging 100,000 rows must not query per row. */
static gboolean
load_target (TableMerge *tm, sqlite3 *db, GError **error)
{
  const HshMergeTable *spec = tm->spec;
  g_autofree char *columns = column_list (spec, "");
  /* Content is read only where it names rows (natural keys); 100,000 annotations' texts are not. */
  g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, modified, revision, versions%s%s FROM %s",
                                          spec->natural_key != NULL ? ", " : "",
                                          spec->natural_key != NULL ? columns : "", spec->table);
  sqlite3_stmt *stmt = prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TargetRow *row = g_new0 (TargetRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->modified = sqlite3_column_int64 (stmt, 2);
      row->revision = sqlite3_column_int64 (stmt, 3);
      row->versions = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (tm->by_uuid, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), row);
      g_hash_table_insert (tm->by_id, &row->id, row);
      if (spec->natural_key != NULL)
        {
          g_autofree HshMergeValue *content = g_new0 (HshMergeValue, tm->n_columns);
          for (guint i = 0; i < tm->n_columns; i++)
            hsh_merge_value_read (&content[i], stmt, 5 + i);
          g_hash_table_insert (tm->by_key, natural_key (spec, content), g_memdup2 (&row->id, sizeof row->id));
          for (guint i = 0; i < tm->n_columns; i++)
            hsh_merge_value_clear (&content[i]);
        }
    }
  sqlite3_finalize (stmt);
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

static void
count_for (Merge *m, const char *name)
{
  gpointer key, count = NULL;

  if (name == NULL)
    name = "an unnamed coder";
  /* Counted per annotation of a large merge: the name is copied only the first time. */
  if (g_hash_table_lookup_extended (m->summary->by_coder, name, &key, &count))
    g_hash_table_steal (m->summary->by_coder, name);
  else
    key = g_strdup (name);
  g_hash_table_insert (m->summary->by_coder, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
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
  if ((key = natural_key (tm->spec, version->content)))
    g_hash_table_insert (tm->by_key, key, g_memdup2 (id, sizeof *id));
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
  g_free (row->versions);
  row->versions = g_strdup (versions);
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
  g_free (row->versions);
  row->versions = g_strdup (versions);
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
      g_autofree char *key = natural_key (tm->spec, theirs->content);
      gint64 *matched = g_hash_table_lookup (tm->by_key, key);
      row = matched != NULL ? g_hash_table_lookup (tm->by_id, matched) : NULL;
      if (matched != NULL && row == NULL)
        {
          /* The other file repeats a row it just gave us under another UUID: one is enough. */
          g_hash_table_insert (tm->ids, ID_KEY (source_id), ID_KEY (*matched));
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
        g_autofree char *ours = g_strdup (row->versions);
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

/* Our id for the source row @value of a reference column; 0 when the other file lacks it. */
static gint64
translated (GHashTable *ids, sqlite3_stmt *source, int column)
{
  gpointer mapped = g_hash_table_lookup (ids, ID_KEY (sqlite3_column_int64 (source, column)));
  return mapped != NULL ? (gint64) GPOINTER_TO_SIZE (mapped) : 0;
}

/* Binds one column of the source row to @index of the insert, translating a reference. */
static gboolean
bind_from_source (sqlite3_stmt *insert, int index, sqlite3_stmt *source, int column, GHashTable *ids)
{
  gint64 id;

  if (ids == NULL || sqlite3_column_type (source, column) == SQLITE_NULL)
    {
      sqlite3_bind_value (insert, index, sqlite3_column_value (source, column));
      return TRUE;
    }
  if (sqlite3_column_type (source, column) != SQLITE_INTEGER || !(id = translated (ids, source, column)))
    return FALSE;
  sqlite3_bind_int64 (insert, index, id);
  return TRUE;
}

/* Whether the row hangs off an annotation this merge added (an attribute value, a role link):
 * then no row of ours can have its natural key, and it needs no looking up. */
static gboolean
owned_by_fresh_annotation (Merge *m, TableMerge *tm, sqlite3_stmt *source)
{
  int column = hsh_merge_column_index (tm->spec, tm->spec->natural_key[0]);
  GHashTable *annotations = g_hash_table_lookup (m->id_maps, "annotation");
  gint64 owner;

  if (column < 0 || annotations == NULL || tm->column_ids[column] != annotations ||
      sqlite3_column_type (source, column + 7) != SQLITE_INTEGER)
    return FALSE;
  owner = translated (annotations, source, column + 7);
  return owner != 0 && g_hash_table_contains (m->fresh, ID_KEY (owner));
}

/* The common case of a first merge: a new row that cannot be here already (a new UUID, and no
 * natural key, or one hanging off a new annotation) goes straight from the other file's
 * statement into ours, with nothing copied in between. Returns 1 when done, 0 when the row
 * needs the general path, -1 on error. */
static int
insert_direct (Merge *m, TableMerge *tm, sqlite3_stmt *source, gint64 source_id, gboolean known, GError **error)
{
  const HshMergeTable *spec = tm->spec;
  const char *uuid = (const char *) sqlite3_column_text (source, 1);
  gint64 id;

  if (uuid == NULL || sqlite3_column_type (source, 6) != SQLITE_TEXT || known ||
      (spec->natural_key != NULL && !owned_by_fresh_annotation (m, tm, source)))
    return 0;
  sqlite3_bind_value (tm->insert, 1, sqlite3_column_value (source, 1));
  if (tm->author_ids == NULL)
    sqlite3_bind_null (tm->insert, 2);
  else if (!bind_from_source (tm->insert, 2, source, 2, tm->author_ids))
    goto general;
  for (int c = 3; c <= 6; c++)
    sqlite3_bind_value (tm->insert, c, sqlite3_column_value (source, c));
  for (guint i = 0; i < tm->n_columns; i++)
    if (!bind_from_source (tm->insert, (int) i + 7, source, (int) i + 7, tm->column_ids[i]))
      goto general;
  if (!run (m, tm->insert, "adding a row", error))
    return -1;
  id = sqlite3_last_insert_rowid (m->target);
  if (g_str_equal (spec->table, "annotation"))
    {
      g_hash_table_add (m->fresh, ID_KEY (id));
      m->summary->annotations_added++;
      if (sqlite3_column_type (source, 2) == SQLITE_INTEGER)
        {
          gint64 author = sqlite3_column_int64 (source, 2);
          count_for (m, g_hash_table_lookup (m->coder_names, &author));
        }
      else
        count_for (m, NULL);
    }
  m->summary->rows_added++;
  g_hash_table_insert (tm->ids, ID_KEY (source_id), ID_KEY (id));
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
unchanged (TableMerge *tm, sqlite3_stmt *source, gint64 source_id, gboolean *known)
{
  const char *uuid = (const char *) sqlite3_column_text (source, 1);
  const char *versions = (const char *) sqlite3_column_text (source, 6);
  TargetRow *row = uuid != NULL ? g_hash_table_lookup (tm->by_uuid, uuid) : NULL;

  *known = row != NULL;
  if (row == NULL)
    return FALSE;
  if (tm->spec->updatable &&
      (g_strcmp0 (row->versions, versions) != 0 || row->modified != sqlite3_column_int64 (source, 4) ||
       row->revision != sqlite3_column_int64 (source, 5)))
    return FALSE;
  g_hash_table_insert (tm->ids, ID_KEY (source_id), ID_KEY (row->id));
  return TRUE;
}

static gboolean
merge_table (Merge *m, const HshMergeTable *spec, GError **error)
{
  TableMerge tm = { spec, g_strv_length ((char **) spec->columns) };
  g_autofree char *columns = column_list (spec, "");
  g_autofree char *sql = g_strdup_printf ("SELECT id, uuid, author, created, modified, revision, versions, %s "
                                          "FROM %s ORDER BY id", columns, spec->table);
  sqlite3_stmt *source = NULL;
  gboolean ok = TRUE;
  guint n = 0;
  int rc;

  tm.by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) target_row_free);
  tm.by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  tm.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tm.ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_hash_table_insert (m->id_maps, (gpointer) spec->table, tm.ids);
  tm.column_ids = g_new0 (GHashTable *, tm.n_columns);
  for (guint r = 0; spec->references[r].column != NULL; r++)
    {
      GHashTable *ids = g_hash_table_lookup (m->id_maps, spec->references[r].table);
      int column = hsh_merge_column_index (spec, spec->references[r].column);
      if (column >= 0)
        tm.column_ids[column] = ids;
      else
        tm.author_ids = ids;
    }
  ok = prepare_table (&tm, m->target, error) && load_target (&tm, m->target, error) &&
       (source = prepare (m->source, sql, error));
  while (ok && (rc = sqlite3_step (source)) == SQLITE_ROW)
    {
      HshMergeVersion theirs = { 0 };
      gint64 source_id = sqlite3_column_int64 (source, 0);
      gboolean known;

      if ((++n & 1023) == 1 && g_cancellable_set_error_if_cancelled (m->cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (unchanged (&tm, source, source_id, &known))
        continue;
      switch (insert_direct (m, &tm, source, source_id, known, error))
        {
        case 1:
          continue;
        case -1:
          ok = FALSE;
          continue;
        default:
          break;
        }
      theirs.uuid = g_strdup ((const char *) sqlite3_column_text (source, 1));
      hsh_merge_value_read (&theirs.author, source, 2);
      theirs.created = sqlite3_column_int64 (source, 3);
      theirs.modified = sqlite3_column_int64 (source, 4);
      theirs.revision = sqlite3_column_int64 (source, 5);
      theirs.versions = g_strdup ((const char *) sqlite3_column_text (source, 6));
      theirs.content = g_new0 (HshMergeValue, tm.n_columns);
      for (guint i = 0; i < tm.n_columns; i++)
        hsh_merge_value_read (&theirs.content[i], source, 7 + (int) i);
      ok = theirs.uuid != NULL && theirs.versions != NULL ? merge_row (m, &tm, &theirs, source_id, error)
                                                          : (m->summary->skipped++, TRUE);
      hsh_merge_version_clear (spec, &theirs);
    }
  if (ok && source != NULL && rc != SQLITE_DONE)
    ok = sql_error (m->source, error, "reading the other project");
  sqlite3_finalize (source);
  sqlite3_finalize (tm.insert);
  sqlite3_finalize (tm.update);
  sqlite3_finalize (tm.join_versions);
  sqlite3_finalize (tm.read_target);
  g_free (tm.column_ids);
  g_hash_table_unref (tm.by_id);
  g_hash_table_unref (tm.by_uuid);
  g_hash_table_unref (tm.by_key);
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

HshMergeSummary *
hsh_store_merge (HshStore *store, const char *source_path, GCancellable *cancellable, GError **error)
{
  g_autoptr(HshStore) other = NULL;
  g_autoptr(HshMergeSummary) summary = g_new0 (HshMergeSummary, 1);
  Merge m = { store, hsh_store_get_db (store), NULL, summary, NULL, NULL, NULL, NULL, cancellable };
  const HshMergeTable *const *tables = hsh_merge_tables ();
  gboolean ok = TRUE;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);
  summary->source = g_strdup (source_path);
  summary->by_coder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (same_file (source_path, hsh_store_get_path (store)))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s is this project itself", source_path);
      return NULL;
    }
  /* The other file is untrusted like any project: opened read-only, with every check. */
  if (!(other = hsh_store_open (source_path, HSH_STORE_OPEN_READ_ONLY, error)))
    return NULL;
  /* Every reference a merge writes was translated to a row that exists here, so SQLite need not
   * check each one again: that check was a third of the time of a large merge. The pragma only
   * takes effect outside a transaction, which is where a merge starts. */
  sqlite3_exec (m.target, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  if (!hsh_store_begin (store, error))
    {
      sqlite3_exec (m.target, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return NULL;
    }
  m.source = hsh_store_get_db (other);
  m.id_maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  load_coder_names (&m);
  m.fresh = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; ok && tables[i] != NULL; i++)
    ok = merge_table (&m, tables[i], error);
  g_hash_table_unref (m.id_maps);
  g_hash_table_unref (m.coder_names);
  g_hash_table_unref (m.names_by_uuid);
  g_hash_table_unref (m.fresh);
  if (!ok)
    hsh_store_rollback (store);
  else
    ok = hsh_store_commit (store, error);
  sqlite3_exec (m.target, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok ? g_steal_pointer (&summary) : NULL;
}
