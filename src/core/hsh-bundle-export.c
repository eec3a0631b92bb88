/* hsh-bundle-export.c: documents with their live annotations as bundles, for the format writers,
 * read for a whole export in one pass of a few set-oriented queries. */
#include "hsh-corpus.h"
#include "hsh-bundle-lookup.h"
#include "hsh-model-private.h"
#include "hsh-ranges.h"
#include "hsh-text.h"

#include <stdlib.h>

/* Documents and their annotations are streamed: both queries yield rows ordered by document
 * (column 0), and the reader takes from the annotation query the rows of the document it is
 * building. Each query has two forms: for the documents whose ids lie in a range (the whole
 * project, or one run of a parallel export), and for one document at a time when a list is
 * asked for. A NULL actor or author reads as 0: none. */
#define DOCUMENTS "SELECT id, uuid, sha256, title, source, language, direction, text FROM document WHERE deleted = 0 "
#define ANNOTATIONS \
  "SELECT a.document_id, a.id, a.uuid, a.label_id, a.text, a.actor_id, a.author, " \
  "a.gold, a.start, a.end, a.ranges FROM annotation a WHERE a.deleted = 0 "

enum { ID_RANGE, ONE_DOCUMENT };
enum { FEED_DOCUMENTS, FEED_ANNOTATIONS, N_FEEDS };

static const char *const feed_sql[N_FEEDS][2] = {
  { DOCUMENTS "AND id BETWEEN ?1 AND ?2 ORDER BY id", DOCUMENTS "AND id = ?1" },
  /* In the order of the index on (document, start): no sorting of a million rows. */
  { ANNOTATIONS "AND a.document_id BETWEEN ?1 AND ?2 ORDER BY a.document_id, a.start",
    ANNOTATIONS "AND a.document_id = ?1 ORDER BY a.start" },
};

/* A run read by row id: its annotations' ids in the index's order (from the index alone), then
 * the rows themselves, in one sweep of the table between the run's smallest and largest id. */
static const char run_order_sql[] =
  "SELECT id, document_id FROM annotation WHERE document_id BETWEEN ?1 AND ?2 ORDER BY document_id, start";
static const char run_rows_sql[] = ANNOTATIONS "AND a.id BETWEEN ?1 AND ?2";
/* A run is read by row id when its ids are at least this dense: rows imported or made document
 * after document are; the table's rows between them are read and skipped. */
#define RUN_SWEEP_SPREAD 2

static const char count_sql[] = "SELECT count(*) FROM document WHERE deleted = 0";

typedef struct {
  sqlite3_stmt *stmt;
  int           rc;    /* of its last step: SQLITE_ROW while it has a current row */
} Feed;

/* A span being built, with what the model orders annotations by. */
typedef struct {
  gint64   id;
  gint64   start;   /* of the first stored range */
  gint64   end;     /* the furthest end */
  HshSpan *span;
} Entry;

typedef struct {
  gint64 id;
  gint64 document_id;
} RunRow;

typedef struct {
  gint64      id;
  const char *role;
  const char *source;
  const char *target;
} Link;

struct _HshBundleReader
{
  sqlite3     *db;
  HshLayer     layer;
  GArray      *document_ids;   /* NULL: the live documents of an id range, in one pass */
  guint        done;           /* bundles returned */
  guint        count;
  Feed         feeds[N_FEEDS];
  HshBundleLookup *lookup;      /* shared with the parts of a parallel export */
  /* The bundle being built, lent to the caller until the next one: it and its spans and roles
   * are reused, and its strings point into @strings or into what the reader holds for the whole
   * export (codebook, people, side tables), so a span costs no allocation at all. */
  HshBundle   *bundle;
  GStringChunk *strings;
  GPtrArray   *span_pool;      /* HshSpan, the first @spans_taken in use */
  guint        spans_taken;
  GPtrArray   *role_pool;      /* HshRoleRef, the first @roles_taken in use */
  guint        roles_taken;
  GArray      *entries;        /* Entry of the current document, by annotation id */
  GArray      *ordered;        /* the same, in the model's order */
  GArray      *links;          /* Link of the current document */
  /* A run read by row id (hsh_bundle_reader_seek): every span of the run is built at once and
   * lives until the next seek. */
  gboolean      swept;
  sqlite3_stmt *run_order_stmt;
  sqlite3_stmt *run_rows_stmt;
  GArray       *run_order;     /* RunRow: the run's annotations in the index's order */
  guint         run_cursor;    /* the first of them not yet in a bundle */
  GArray       *run_entries;   /* Entry by id - @run_lowest; span NULL: no live annotation */
  gint64        run_lowest;
};

static gboolean
prepare (HshBundleReader *reader, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  if (sqlite3_prepare_v2 (reader->db, sql, -1, stmt, NULL) == SQLITE_OK)
    return TRUE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not read the project for export: %s",
               sqlite3_errmsg (reader->db));
  return FALSE;
}

static gboolean
query_failed (HshBundleReader *reader, int rc, GError **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return FALSE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not read the project for export: %s",
               sqlite3_errmsg (reader->db));
  return TRUE;
}

static gboolean
count_documents (HshBundleReader *reader, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (reader->document_ids != NULL)
    {
      reader->count = reader->document_ids->len;
      return TRUE;
    }
  if (!prepare (reader, count_sql, &stmt, error))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    reader->count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return !query_failed (reader, rc, error);
}

/* Positions the streamed queries on their first row: of the documents @first to @last, or of
 * document @first for a list. */
static void
start_feeds (HshBundleReader *reader, gint64 first, gint64 last)
{
  for (guint f = 0; f < N_FEEDS; f++)
    {
      Feed *feed = &reader->feeds[f];
      sqlite3_reset (feed->stmt);
      sqlite3_bind_int64 (feed->stmt, 1, first);
      if (reader->document_ids == NULL)
        sqlite3_bind_int64 (feed->stmt, 2, last);
      feed->rc = sqlite3_step (feed->stmt);
    }
}

static gboolean
prepare_feeds (HshBundleReader *reader, GError **error)
{
  int form = reader->document_ids != NULL ? ONE_DOCUMENT : ID_RANGE;

  for (guint f = 0; f < N_FEEDS; f++)
    if (!prepare (reader, feed_sql[f][form], &reader->feeds[f].stmt, error))
      return FALSE;
  if (form == ID_RANGE)
    start_feeds (reader, 0, G_MAXINT64);
  return TRUE;
}

/* A reader without queries or anything loaded yet. */
static HshBundleReader *
reader_new (sqlite3 *db, HshLayer layer)
{
  HshBundleReader *reader = g_new0 (HshBundleReader, 1);

  reader->db = db;
  reader->layer = layer;
  reader->bundle = hsh_bundle_new (NULL, NULL);
  g_ptr_array_set_free_func (reader->bundle->spans, NULL);
  g_ptr_array_set_free_func (reader->bundle->roles, NULL);
  g_clear_pointer (&reader->bundle->title, g_free);
  g_clear_pointer (&reader->bundle->text, g_free);
  reader->strings = g_string_chunk_new (16384);
  reader->span_pool = g_ptr_array_new ();
  reader->role_pool = g_ptr_array_new_with_free_func (g_free);
  reader->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  reader->ordered = g_array_new (FALSE, FALSE, sizeof (Entry));
  reader->links = g_array_new (FALSE, FALSE, sizeof (Link));
  reader->run_order = g_array_new (FALSE, FALSE, sizeof (RunRow));
  reader->run_entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  return reader;
}

static HshBundleReader *
reader_new_loading (HshStore *store, GArray *document_ids, GPtrArray *helpers, HshLayer layer,
                    GError **error)
{
  g_autoptr(HshBundleReader) reader = NULL;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);
  reader = reader_new (hsh_store_get_db (store), layer);
  if (document_ids != NULL)
    reader->document_ids = g_array_copy (document_ids);
  if (!(reader->lookup = hsh_bundle_lookup_load (store, document_ids != NULL, helpers, error)) ||
      !count_documents (reader, error) || !prepare_feeds (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

HshBundleReader *
hsh_bundle_reader_new (HshStore *store, GArray *document_ids, HshLayer layer, GError **error)
{
  return reader_new_loading (store, document_ids, NULL, layer, error);
}

HshBundleReader *
hsh_bundle_reader_new_with_helpers (HshStore *store, GPtrArray *helpers, HshLayer layer, GError **error)
{
  return reader_new_loading (store, NULL, helpers, layer, error);
}

HshBundleReader *
hsh_bundle_reader_new_part (HshBundleReader *whole, HshStore *connection, GError **error)
{
  g_autoptr(HshBundleReader) reader = NULL;

  g_return_val_if_fail (whole != NULL && whole->document_ids == NULL, NULL);
  g_return_val_if_fail (HSH_IS_STORE (connection), NULL);
  reader = reader_new (hsh_store_get_db (connection), whole->layer);
  reader->lookup = hsh_bundle_lookup_ref (whole->lookup);
  reader->count = whole->count;
  if (!prepare_feeds (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

guint
hsh_bundle_reader_count (HshBundleReader *reader)
{
  return reader->count;
}

/* Moves @feed past rows of documents before @document_id (deleted ones) and says whether its
 * current row belongs to @document_id. */
static inline gboolean
feed_at (Feed *feed, gint64 document_id)
{
  gint64 row_document = 0;

  while (feed->rc == SQLITE_ROW && (row_document = sqlite3_column_int64 (feed->stmt, 0)) < document_id)
    feed->rc = sqlite3_step (feed->stmt);
  return feed->rc == SQLITE_ROW && row_document == document_id;
}

/* A copy of a column that lasts as long as the lent bundle. */
static char *
column_keep (HshBundleReader *reader, sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  return g_string_chunk_insert_len (reader->strings, text, sqlite3_column_bytes (stmt, column));
}

static void
start_bundle (HshBundleReader *reader, sqlite3_stmt *row)
{
  HshBundle *bundle = reader->bundle;

  /* A swept run's spans and strings last until the next seek. */
  if (!reader->swept)
    {
      g_string_chunk_clear (reader->strings);
      reader->spans_taken = 0;
    }
  reader->roles_taken = 0;
  g_ptr_array_set_size (bundle->spans, 0);
  g_ptr_array_set_size (bundle->roles, 0);
  /* A caller that validated the last bundle left an index of its text. */
  g_clear_pointer (&bundle->text_index, hsh_offset_index_free);
  bundle->uuid = column_keep (reader, row, 1);
  bundle->sha256 = column_keep (reader, row, 2);
  bundle->title = column_keep (reader, row, 3);
  bundle->source = column_keep (reader, row, 4);
  bundle->language = column_keep (reader, row, 5);
  bundle->direction = hsh_direction_from_string ((const char *) sqlite3_column_text (row, 6));
  bundle->text = column_keep (reader, row, 7);
}

static void
set_person (const HshIdMap *people, gint64 id, char **name, char **detail)
{
  HshPerson *person = id > 0 ? hsh_id_map_lookup (people, id) : NULL;

  *name = person != NULL ? person->name : NULL;
  *detail = person != NULL ? person->detail : NULL;
}

static HshSpan *
take_span (HshBundleReader *reader)
{
  HshSpan *span;

  if (reader->spans_taken == reader->span_pool->len)
    {
      span = g_new0 (HshSpan, 1);
      span->ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));
      span->attributes = g_hash_table_new (g_str_hash, g_str_equal);
      g_ptr_array_add (reader->span_pool, span);
    }
  span = g_ptr_array_index (reader->span_pool, reader->spans_taken++);
  g_array_set_size (span->ranges, 0);
  if (g_hash_table_size (span->attributes) > 0)
    g_hash_table_remove_all (span->attributes);
  return span;
}

/* Built here rather than by hsh_bundle_add_span, which would slice each covered text out of the
 * document again: the store keeps it with the annotation. Its key comes once it is in order. */
static HshSpan *
span_from_row (HshBundleReader *reader, sqlite3_stmt *row)
{
  HshSpan *span = take_span (reader);
  const char *label = hsh_id_map_lookup (&reader->lookup->labels, sqlite3_column_int64 (row, 3));

  span->key = NULL;
  span->uuid = column_keep (reader, row, 2);
  span->label = (char *) (label != NULL ? label : "Unknown");
  span->text = column_keep (reader, row, 4);
  span->note = NULL;
  set_person (&reader->lookup->actors, sqlite3_column_int64 (row, 5), &span->actor, &span->actor_wikidata);
  set_person (&reader->lookup->annotators, sqlite3_column_int64 (row, 6), &span->annotator, &span->annotator_uuid);
  span->gold = sqlite3_column_int (row, 7) != 0;
  return span;
}

static int
compare_entries_by_id (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}

/* One row an annotation. A row whose ranges cannot be read (a damaged file) is left out, as the
 * model leaves it out; `hashiya-cli check` reports it. */
static gboolean
entry_from_row (HshBundleReader *reader, sqlite3_stmt *row, Entry *entry)
{
  entry->id = sqlite3_column_int64 (row, 1);
  entry->start = sqlite3_column_int64 (row, 8);
  entry->end = sqlite3_column_int64 (row, 9);
  entry->span = span_from_row (reader, row);
  return hsh_ranges_parse ((const char *) sqlite3_column_text (row, 10), entry->span->ranges);
}

/* The swept run's entries of @document_id, in the index's order. */
static void
take_swept_entries (HshBundleReader *reader, gint64 document_id)
{
  const RunRow *order = (const RunRow *) (void *) reader->run_order->data;
  guint n = reader->run_order->len, at = reader->run_cursor;

  for (; at < n && order[at].document_id < document_id; at++)
    ;
  for (; at < n && order[at].document_id == document_id; at++)
    {
      const Entry *entry = &g_array_index (reader->run_entries, Entry, order[at].id - reader->run_lowest);
      if (entry->span != NULL)
        g_array_append_val (reader->entries, *entry);
    }
  reader->run_cursor = at;
}

static void
read_annotations (HshBundleReader *reader, gint64 document_id)
{
  Feed *feed = &reader->feeds[FEED_ANNOTATIONS];

  g_array_set_size (reader->entries, 0);
  if (reader->swept)
    take_swept_entries (reader, document_id);
  for (; !reader->swept && feed_at (feed, document_id); feed->rc = sqlite3_step (feed->stmt))
    {
      Entry added;
      if (entry_from_row (reader, feed->stmt, &added))
        g_array_append_val (reader->entries, added);
    }
  /* Rows arrive in text order (the index's), nearly the model's; the lookups that follow want
   * them by id. */
  g_array_set_size (reader->ordered, 0);
  g_array_append_vals (reader->ordered, reader->entries->data, reader->entries->len);
  g_array_sort (reader->entries, compare_entries_by_id);
}

/* The ids of the annotations of documents @first to @last in the index's order, from the index
 * alone; whether they are dense enough to sweep. */
static gboolean
read_run_order (HshBundleReader *reader, gint64 first, gint64 last, gint64 *lowest, gint64 *highest,
                GError **error)
{
  sqlite3_stmt *stmt = reader->run_order_stmt;
  int rc;

  *lowest = G_MAXINT64;
  *highest = G_MININT64;
  g_array_set_size (reader->run_order, 0);
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RunRow row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (reader->run_order, row);
      *lowest = MIN (*lowest, row.id);
      *highest = MAX (*highest, row.id);
    }
  if (query_failed (reader, rc, error))
    return FALSE;
  return reader->run_order->len > 0 &&
         (guint64) (*highest - *lowest) < (guint64) RUN_SWEEP_SPREAD * reader->run_order->len;
}

/* Every live annotation row between @lowest and @highest that belongs to documents @first to
 * @last, built into its entry. */
static gboolean
sweep_run (HshBundleReader *reader, gint64 first, gint64 last, gint64 lowest, gint64 highest,
           GError **error)
{
  sqlite3_stmt *stmt = reader->run_rows_stmt;
  int rc;

  reader->run_lowest = lowest;
  g_array_set_size (reader->run_entries, 0);
  g_array_set_size (reader->run_entries, (guint) (highest - lowest + 1));
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, lowest);
  sqlite3_bind_int64 (stmt, 2, highest);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      Entry *entry = &g_array_index (reader->run_entries, Entry, sqlite3_column_int64 (stmt, 1) - lowest);
      if (document_id >= first && document_id <= last && !entry_from_row (reader, stmt, entry))
        entry->span = NULL;
    }
  return !query_failed (reader, rc, error);
}

gboolean
hsh_bundle_reader_seek (HshBundleReader *reader, gint64 first, gint64 last, GError **error)
{
  gint64 lowest, highest;

  g_return_val_if_fail (reader->document_ids == NULL, FALSE);
  g_string_chunk_clear (reader->strings);
  reader->spans_taken = 0;
  reader->swept = FALSE;
  reader->run_cursor = 0;
  if (reader->run_order_stmt == NULL &&
      (!prepare (reader, run_order_sql, &reader->run_order_stmt, error) ||
       !prepare (reader, run_rows_sql, &reader->run_rows_stmt, error)))
    return FALSE;
  start_feeds (reader, first, last);
  if (read_run_order (reader, first, last, &lowest, &highest, error))
    {
      if (!sweep_run (reader, first, last, lowest, highest, error))
        return FALSE;
      reader->swept = TRUE;
      /* The streamed annotations are not needed. */
      sqlite3_reset (reader->feeds[FEED_ANNOTATIONS].stmt);
      reader->feeds[FEED_ANNOTATIONS].rc = SQLITE_DONE;
    }
  return error == NULL || *error == NULL;
}

static void
add_attributes (HshBundleReader *reader, Entry *entry, guint *cursor)
{
  guint n;
  const HshSideRow *rows = hsh_sides_lookup (reader->lookup->sides, HSH_SIDE_ATTRIBUTES, entry->id, cursor, &n);

  for (guint i = 0; i < n; i++)
    {
      const char *name = hsh_id_map_lookup (&reader->lookup->attributes, rows[i].number);
      if (name != NULL)
        g_hash_table_insert (entry->span->attributes, (gpointer) name, (gpointer) rows[i].text);
    }
}

static void
add_note (HshBundleReader *reader, Entry *entry, guint *cursor)
{
  guint n;
  const HshSideRow *rows = hsh_sides_lookup (reader->lookup->sides, HSH_SIDE_NOTES, entry->id, cursor, &n);
  const HshSideRow *first = n > 0 ? &rows[0] : NULL;

  for (guint i = 1; i < n; i++)
    if (rows[i].order < first->order)
      first = &rows[i];
  if (first != NULL && first->number == 0)
    entry->span->note = (char *) first->text;
}

static void
add_details (HshBundleReader *reader)
{
  guint attributes = 0, notes = 0;

  for (guint i = 0; i < reader->entries->len; i++)
    {
      Entry *entry = &g_array_index (reader->entries, Entry, i);
      add_attributes (reader, entry, &attributes);
      add_note (reader, entry, &notes);
    }
}

static int
compare_ranges (const void *a, const void *b)
{
  const HshRange *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

/* The model's order (hsh_store_list_annotations): by start, then longest first, then by id. */
static inline int
compare_entries (const Entry *x, const Entry *y)
{
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static void
set_key (HshBundleReader *reader, HshSpan *span, guint number)
{
  char key[16];
  int n = sizeof key;

  key[--n] = '\0';
  do
    key[--n] = (char) ('0' + number % 10);
  while ((number /= 10) > 0);
  key[--n] = 'T';
  span->key = g_string_chunk_insert_len (reader->strings, key + n, sizeof key - 1 - n);
}

/* The index yields rows by start and then by id, so only annotations that start together may be
 * out of the model's order: an insertion sort puts them right in one pass. */
static void
add_spans_in_order (HshBundleReader *reader, HshBundle *bundle)
{
  Entry *ordered = (Entry *) (void *) reader->ordered->data;
  guint n = reader->ordered->len;

  for (guint i = 1; i < n; i++)
    {
      Entry moving = ordered[i];
      guint j = i;
      for (; j > 0 && compare_entries (&moving, &ordered[j - 1]) < 0; j--)
        ordered[j] = ordered[j - 1];
      ordered[j] = moving;
    }
  for (guint i = 0; i < n; i++)
    {
      HshSpan *span = ordered[i].span;
      if (span->ranges->len > 1)
        qsort (span->ranges->data, span->ranges->len, sizeof (HshRange), compare_ranges);
      set_key (reader, span, i + 1);
      g_ptr_array_add (bundle->spans, span);
    }
}

static int
compare_entry_ids (const void *key, const void *member)
{
  gint64 id = *(const gint64 *) key;
  const Entry *entry = member;
  return (id > entry->id) - (id < entry->id);
}

static const char *
key_of (GArray *entries, gint64 id)
{
  const Entry *found = bsearch (&id, entries->data, entries->len, sizeof (Entry), compare_entry_ids);
  return found != NULL ? found->span->key : NULL;
}

static int
compare_links (const void *a, const void *b)
{
  const Link *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}

/* Links in the order they were made; one whose target is not a live annotation of this
 * document, or whose role left the codebook, is left out. */
static void
add_roles (HshBundleReader *reader, HshBundle *bundle)
{
  GArray *links = reader->links;
  guint cursor = 0, n;

  g_array_set_size (links, 0);
  for (guint i = 0; i < reader->entries->len; i++)
    {
      const Entry *entry = &g_array_index (reader->entries, Entry, i);
      const HshSideRow *rows = hsh_sides_lookup (reader->lookup->sides, HSH_SIDE_ROLES, entry->id, &cursor, &n);
      for (guint r = 0; r < n; r++)
        {
          Link link = { rows[r].order, hsh_id_map_lookup (&reader->lookup->roles, rows[r].number),
                        entry->span->key, key_of (reader->entries, rows[r].target) };
          if (link.role != NULL && link.target != NULL)
            g_array_append_val (links, link);
        }
    }
  qsort (links->data, links->len, sizeof (Link), compare_links);
  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = &g_array_index (links, Link, i);
      HshRoleRef *role;

      if (reader->roles_taken == reader->role_pool->len)
        g_ptr_array_add (reader->role_pool, g_new0 (HshRoleRef, 1));
      role = g_ptr_array_index (reader->role_pool, reader->roles_taken++);
      role->source = (char *) link->source;
      role->role = (char *) link->role;
      role->target = (char *) link->target;
      g_ptr_array_add (bundle->roles, role);
    }
}

static void
keep_layer (HshBundle *bundle, HshLayer layer)
{
  if (layer == HSH_LAYER_ALL)
    return;
  for (guint i = bundle->spans->len; i-- > 0;)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (span->gold != (layer == HSH_LAYER_GOLD))
        g_ptr_array_remove_index (bundle->spans, i);
    }
  /* A role whose source or target left with its layer goes too. */
  for (guint i = bundle->roles->len; i-- > 0;)
    {
      HshRoleRef *role = g_ptr_array_index (bundle->roles, i);
      if (hsh_bundle_find_span (bundle, role->source) == NULL || hsh_bundle_find_span (bundle, role->target) == NULL)
        g_ptr_array_remove_index (bundle->roles, i);
    }
}

/* For a list: the queries of its next document. Stepping a finished statement would start it
 * again, so the whole-project form is never asked past its end. */
static gboolean
start_document (HshBundleReader *reader, GError **error)
{
  gint64 id;

  if (reader->document_ids == NULL)
    return TRUE;
  if (reader->done >= reader->document_ids->len)
    return FALSE;
  id = g_array_index (reader->document_ids, gint64, reader->done);
  start_feeds (reader, id, id);
  if (!hsh_sides_read_document (reader->lookup->sides, id, error))
    return FALSE;
  if (reader->feeds[FEED_DOCUMENTS].rc == SQLITE_DONE)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No document %" G_GINT64_FORMAT " in the project", id);
      return FALSE;
    }
  return TRUE;
}

static void
read_bundle (HshBundleReader *reader)
{
  sqlite3_stmt *row = reader->feeds[FEED_DOCUMENTS].stmt;
  gint64 id = sqlite3_column_int64 (row, 0);

  start_bundle (reader, row);
  read_annotations (reader, id);
  add_details (reader);
  add_spans_in_order (reader, reader->bundle);
  add_roles (reader, reader->bundle);
}

const HshBundle *
hsh_bundle_reader_borrow_next (HshBundleReader *reader, GError **error)
{
  Feed *documents = &reader->feeds[FEED_DOCUMENTS];

  g_return_val_if_fail (reader != NULL, NULL);
  if (!start_document (reader, error))
    return NULL;
  if (documents->rc != SQLITE_ROW)
    {
      query_failed (reader, documents->rc, error);
      return NULL;
    }
  read_bundle (reader);
  if (reader->document_ids == NULL)
    documents->rc = sqlite3_step (documents->stmt);
  for (guint f = 0; f < N_FEEDS; f++)
    if (query_failed (reader, reader->feeds[f].rc, error))
      return NULL;
  keep_layer (reader->bundle, reader->layer);
  reader->done++;
  return reader->bundle;
}

HshBundle *
hsh_bundle_reader_next (HshBundleReader *reader, GError **error)
{
  const HshBundle *lent = hsh_bundle_reader_borrow_next (reader, error);

  return lent != NULL ? hsh_bundle_copy (lent) : NULL;
}

/* The lent bundle owns nothing of what it points to; its spans and roles are the pools'. */
static void
free_lent (HshBundleReader *reader)
{
  HshBundle *bundle = reader->bundle;

  for (guint i = 0; i < reader->span_pool->len; i++)
    {
      HshSpan *span = g_ptr_array_index (reader->span_pool, i);
      g_array_unref (span->ranges);
      g_hash_table_unref (span->attributes);
      g_free (span);
    }
  g_ptr_array_unref (reader->span_pool);
  g_ptr_array_unref (reader->role_pool);
  g_ptr_array_set_size (bundle->spans, 0);
  g_ptr_array_set_size (bundle->roles, 0);
  bundle->uuid = bundle->title = bundle->source = bundle->language = bundle->text = bundle->sha256 = NULL;
  hsh_bundle_free (bundle);
  g_string_chunk_free (reader->strings);
}

void
hsh_bundle_reader_free (HshBundleReader *reader)
{
  if (reader == NULL)
    return;
  for (guint f = 0; f < N_FEEDS; f++)
    sqlite3_finalize (reader->feeds[f].stmt);
  g_clear_pointer (&reader->document_ids, g_array_unref);
  hsh_bundle_lookup_unref (reader->lookup);
  free_lent (reader);
  g_array_unref (reader->entries);
  g_array_unref (reader->ordered);
  g_array_unref (reader->links);
  sqlite3_finalize (reader->run_order_stmt);
  sqlite3_finalize (reader->run_rows_stmt);
  g_array_unref (reader->run_order);
  g_array_unref (reader->run_entries);
  g_free (reader);
}

HshBundle *
hsh_store_export_bundle (HshStore *store, gint64 document_id, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HshBundleReader) reader = NULL;

  g_array_append_val (ids, document_id);
  if (!(reader = hsh_bundle_reader_new (store, ids, HSH_LAYER_ALL, error)))
    return NULL;
  return hsh_bundle_reader_next (reader, error);
}
