/* hsh-corpus.c: exporting a project's documents (streamed where the format allows), importing
 * corpus files into one (JSONL streamed too) and guessing an import's format. */
#include "hsh-corpus.h"
#include "hsh-export-file.h"
#include "hsh-export-stream.h"
#include "hsh-format-conll.h"
#include "hsh-format-csv.h"
#include "hsh-format-jsonl.h"
#include "hsh-model-private.h"

#include <string.h>

/* Either the reader's next bundle, or FALSE: at the end, or with @error set when it failed. */
static gboolean
read_next (HshBundleReader *reader, HshBundle **bundle, GError **error)
{
  GError *read_error = NULL;

  if ((*bundle = hsh_bundle_reader_next (reader, &read_error)) != NULL)
    return TRUE;
  if (read_error != NULL)
    g_propagate_error (error, read_error);
  return FALSE;
}

GPtrArray *
hsh_store_export_bundles (HshStore *store, GArray *document_ids, HshLayer layer,
                          GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(HshBundleReader) reader = hsh_bundle_reader_new (store, document_ids, layer, error);
  GError *read_error = NULL;
  HshBundle *bundle;

  if (reader == NULL)
    return NULL;
  while (!g_cancellable_set_error_if_cancelled (cancellable, &read_error) &&
         read_next (reader, &bundle, &read_error))
    g_ptr_array_add (bundles, bundle);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }
  return g_steal_pointer (&bundles);
}

void
hsh_export_summary_count (HshExportSummary *summary, const HshBundle *bundle, const HshExportOptions *options)
{
  summary->documents++;
  for (guint i = 0; i < bundle->spans->len; i++)
    summary->annotations += hsh_export_options_accept (options, g_ptr_array_index (bundle->spans, i));
}

/* Streamed formats ------------------------------------------------------------------------ */

static gboolean
append_jsonl (GString *out, HshBundle *bundle, const HshExportOptions *options, gpointer data,
              GError **error)
{
  hsh_jsonl_append_bundle (out, bundle, options);
  return TRUE;
}

static gboolean
append_conll (GString *out, HshBundle *bundle, const HshExportOptions *options, gpointer data,
              GError **error)
{
  return hsh_conll_append_bundle (out, bundle, options, error);
}

/* CSV's attribute columns: every attribute the exported annotations carry, sorted by name. */
typedef struct {
  HshCodebook *book;
  GPtrArray   *names;   /* pointing into @book */
} CsvColumns;

/* Which combinations of attribute, label, author and layer the exported annotations carry:
 * a few dozen rows, however many annotations. */
static const char attribute_uses_sql[] =
  "SELECT DISTINCT v.attribute_id, a.label_id, a.author, a.gold FROM attribute_value v "
  "JOIN annotation a ON a.id = v.annotation_id JOIN document d ON d.id = a.document_id "
  "WHERE v.deleted = 0 AND a.deleted = 0 AND d.deleted = 0 "
  "AND (?1 IS NULL OR a.document_id IN (SELECT value FROM json_each (?1)))";

static char *
ids_as_json (GArray *document_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < document_ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (document_ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Whether an annotation of @label_id by @author in @gold passes @layer and @options, as the
 * bundle reader and the writers decide for each annotation. */
static gboolean
use_exported (HshStore *store, HshCodebook *book, gint64 label_id, gint64 author, gboolean gold,
              HshLayer layer, const HshExportOptions *options)
{
  HshLabel *label = hsh_codebook_label (book, label_id);
  g_autofree char *annotator = author > 0 ? hsh_store_get_annotator_name (store, author) : NULL;
  HshSpan probe = { .label = label != NULL ? label->path : (char *) "Unknown", .annotator = annotator };

  if ((layer == HSH_LAYER_GOLD && !gold) || (layer == HSH_LAYER_CODERS && gold))
    return FALSE;
  return hsh_export_options_accept (options, &probe);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names of the attributes the exported annotations carry, sorted: CSV's attribute columns,
 * which must be known before the first row is written. Names point into @book. */
static GPtrArray *
exported_attribute_names (HshStore *store, HshCodebook *book, GArray *document_ids, HshLayer layer,
                          const HshExportOptions *options, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *ids = document_ids != NULL ? ids_as_json (document_ids) : NULL;
  sqlite3 *db = hsh_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, attribute_uses_sql, -1, &stmt, NULL)) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          HshAttributeDef *def = hsh_codebook_attribute (book, sqlite3_column_int64 (stmt, 0));
          if (def != NULL && !g_hash_table_contains (seen, def->name) &&
              use_exported (store, book, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                            sqlite3_column_int (stmt, 3) != 0, layer, options))
            {
              g_hash_table_add (seen, def->name);
              g_ptr_array_add (names, def->name);
            }
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      hsh_store_set_error (store, error, "listing the attributes to export");
      return NULL;
    }
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

static gboolean
plan_csv (HshStore *store, GArray *document_ids, HshLayer layer, const HshExportOptions *options,
          gpointer data, GError **error)
{
  CsvColumns *columns = data;

  return (columns->book = hsh_store_load_codebook (store, error)) != NULL &&
         (columns->names = exported_attribute_names (store, columns->book, document_ids, layer, options, error)) != NULL;
}

static void
begin_csv (GString *out, const HshExportOptions *options, gpointer data)
{
  hsh_csv_append_header (out, ((CsvColumns *) data)->names, options);
}

static gboolean
append_csv (GString *out, HshBundle *bundle, const HshExportOptions *options, gpointer data,
            GError **error)
{
  hsh_csv_append_bundle (out, bundle, options, ((CsvColumns *) data)->names);
  return TRUE;
}

static gboolean
stream_csv (HshStore *store, GArray *document_ids, HshLayer layer, const char *path,
            const HshExportOptions *options, HshExportSummary *summary, GError **error)
{
  CsvColumns columns = { NULL, NULL };
  HshStreamWriter writer = { plan_csv, begin_csv, append_csv, &columns };
  gboolean ok = hsh_export_stream (store, document_ids, layer, &writer, path, options, summary, error);

  g_clear_pointer (&columns.names, g_ptr_array_unref);
  g_clear_pointer (&columns.book, hsh_codebook_free);
  return ok;
}

/* Formats written a document at a time -------------------------------------------------------- */

/* One document after another through @writer, each lent by the reader: memory stays that of one
 * document, however large the project. */
static gboolean
write_documents (HshBundleReader *reader, const HshDocumentWriter *writer, const char *path,
                 const HshExportOptions *options, HshExportSummary *summary, GError **error)
{
  guint count = hsh_bundle_reader_count (reader);
  gpointer state = writer->begin (path, count, options, error);
  gboolean ok = state != NULL;
  GError *read_error = NULL;

  for (guint i = 0; ok && i < count; i++)
    {
      HshBundle *bundle;
      if (!hsh_export_step (options, i, count, error))
        ok = FALSE;
      /* The reader lends this bundle until the next; a writer may cache an offset index in it. */
      else if ((bundle = (HshBundle *) hsh_bundle_reader_borrow_next (reader, &read_error)) == NULL)
        {
          if (read_error == NULL)
            g_set_error_literal (&read_error, HSH_ERROR, HSH_ERROR_FAILED,
                                 "A document left the project while it was being exported");
          g_propagate_error (error, g_steal_pointer (&read_error));
          ok = FALSE;
        }
      else if ((ok = writer->write (state, bundle, i, error)))
        hsh_export_summary_count (summary, bundle, options);
    }
  ok = ok && hsh_export_step (options, count, count, error) && writer->finish (state, error);
  if (state != NULL)
    writer->free (state);
  return ok;
}

/* Formats written from all bundles at once ------------------------------------------------- */

static gboolean
write_all (HshBundleReader *reader, const HshFormat *format, const char *path,
           const HshExportOptions *options, HshExportSummary *summary, GError **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  GError *read_error = NULL;
  HshBundle *bundle;

  while (!g_cancellable_set_error_if_cancelled (options != NULL ? options->cancellable : NULL, &read_error) &&
         read_next (reader, &bundle, &read_error))
    {
      hsh_export_summary_count (summary, bundle, options);
      g_ptr_array_add (bundles, bundle);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return format->write (bundles, path, options, error);
}

/* Everything read in one snapshot of the project: a read transaction of its own, unless the
 * caller's transaction already is one. */
static gboolean
write_in_one_snapshot (HshStore *store, const HshFormat *format, GArray *document_ids, HshLayer layer,
                       const char *path, const HshExportOptions *options, HshExportSummary *written,
                       GError **error)
{
  gboolean own_transaction = sqlite3_get_autocommit (hsh_store_get_db (store));
  HshBundleReader *reader;
  gboolean ok;

  if (own_transaction && !hsh_store_begin_read (store, NULL, error))
    return FALSE;
  ok = (reader = hsh_bundle_reader_new (store, document_ids, layer, error)) != NULL &&
       (format->documents != NULL ? write_documents (reader, format->documents, path, options, written, error)
                                  : write_all (reader, format, path, options, written, error));
  g_clear_pointer (&reader, hsh_bundle_reader_free);
  if (own_transaction)
    hsh_store_end_read (store);
  return ok;
}

gboolean
hsh_store_export (HshStore *store, const HshFormat *format, GArray *document_ids, HshLayer layer,
                  const char *path, const HshExportOptions *options, HshExportSummary *summary,
                  GError **error)
{
  static const HshStreamWriter jsonl = { NULL, NULL, append_jsonl, NULL };
  static const HshStreamWriter conll = { NULL, NULL, append_conll, NULL };
  HshExportSummary written = { 0 };
  gboolean ok;

  g_return_val_if_fail (format != NULL && format->write != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (format == &hsh_format_jsonl)
    ok = hsh_export_stream (store, document_ids, layer, &jsonl, path, options, &written, error);
  else if (format == &hsh_format_conll)
    ok = hsh_export_stream (store, document_ids, layer, &conll, path, options, &written, error);
  else if (format == &hsh_format_csv)
    ok = stream_csv (store, document_ids, layer, path, options, &written, error);
  else
    ok = write_in_one_snapshot (store, format, document_ids, layer, path, options, &written, error);
  if (ok && summary != NULL)
    *summary = written;
  return ok;
}

/* Importing -------------------------------------------------------------------------------- */

/* How far an import of several files has got: file @index of @count, and part of it. */
typedef struct {
  HshProgressFunc func;
  gpointer        data;
  guint           index;
  guint           count;
} ImportProgress;

static void
report_progress (const ImportProgress *progress, double fraction_of_file)
{
  if (progress->func != NULL)
    progress->func ((progress->index + fraction_of_file) / progress->count, progress->data);
}

/* JSONL is read ahead on a thread of its own: reading, parsing and checking a document and
 * planning its rows costs about half as much as writing it, and the two overlap on the
 * machine's two cores. Documents travel in slots; a slot comes back once its document is
 * written and is filled again, the old document freed on the reading thread too. So at most
 * READ_AHEAD documents are in memory. */
#define READ_AHEAD 32

typedef struct {
  HshBundle     *bundle;     /* NULL: the file ended, or reading failed (@error) */
  HshImportPlan *plan;       /* for @bundle */
  double         fraction;   /* of the file read up to the end of this document */
  GError        *error;
} ReadSlot;

typedef struct {
  HshJsonlReader *reader;
  GCancellable   *cancellable;
  GThread        *thread;
  GAsyncQueue    *filled;   /* slots read, for the writer; then the ReadAhead itself, as the end */
  GAsyncQueue    *free;     /* slots the writer is done with */
  ReadSlot        slots[READ_AHEAD];
  gint            stopped;
} ReadAhead;

static void
empty_slot (ReadSlot *slot)
{
  g_clear_pointer (&slot->plan, hsh_import_plan_free);
  g_clear_pointer (&slot->bundle, hsh_bundle_free);
  g_clear_error (&slot->error);
}

/* FALSE when there is nothing more to read: the file ended, or reading failed. */
static gboolean
fill_slot (ReadAhead *ahead, ReadSlot *slot)
{
  empty_slot (slot);
  slot->bundle = hsh_jsonl_reader_next (ahead->reader, ahead->cancellable, &slot->error);
  slot->fraction = hsh_jsonl_reader_get_fraction (ahead->reader);
  if (slot->bundle == NULL)
    return FALSE;
  slot->plan = hsh_import_plan_new (slot->bundle);
  return TRUE;
}

static gpointer
read_ahead (gpointer data)
{
  ReadAhead *ahead = data;
  gboolean more = TRUE;

  while (more && !g_atomic_int_get (&ahead->stopped))
    {
      ReadSlot *slot = g_async_queue_pop (ahead->free);
      more = fill_slot (ahead, slot);
      g_async_queue_push (ahead->filled, slot);
    }
  g_async_queue_push (ahead->filled, ahead);
  return NULL;
}

/* Takes @reader. Without a thread, documents are read when asked for. */
static ReadAhead *
read_ahead_start (HshJsonlReader *reader, GCancellable *cancellable)
{
  ReadAhead *ahead = g_new0 (ReadAhead, 1);

  ahead->reader = reader;
  ahead->cancellable = cancellable;
  ahead->filled = g_async_queue_new ();
  ahead->free = g_async_queue_new ();
  for (guint i = 0; i < READ_AHEAD; i++)
    g_async_queue_push (ahead->free, &ahead->slots[i]);
  ahead->thread = g_thread_try_new ("hashiya-jsonl-read", read_ahead, ahead, NULL);
  return ahead;
}

/* The next document's slot; its bundle is NULL at the end of the file or when reading failed,
 * and then the last slot to ask for. */
static ReadSlot *
read_ahead_next (ReadAhead *ahead)
{
  ReadSlot *slot;

  if (ahead->thread != NULL)
    return g_async_queue_pop (ahead->filled);
  slot = g_async_queue_pop (ahead->free);
  fill_slot (ahead, slot);
  return slot;
}

static void
read_ahead_release (ReadAhead *ahead, ReadSlot *slot)
{
  g_async_queue_push (ahead->free, slot);
}

static void
read_ahead_finish (ReadAhead *ahead)
{
  g_atomic_int_set (&ahead->stopped, TRUE);
  if (ahead->thread != NULL)
    {
      /* Slots go back until the reader says it has ended, so that it never waits for one. */
      gpointer item;
      while ((item = g_async_queue_pop (ahead->filled)) != ahead)
        g_async_queue_push (ahead->free, item);
      g_thread_join (ahead->thread);
    }
  for (guint i = 0; i < READ_AHEAD; i++)
    empty_slot (&ahead->slots[i]);
  g_async_queue_unref (ahead->filled);
  g_async_queue_unref (ahead->free);
  hsh_jsonl_reader_free (ahead->reader);
  g_free (ahead);
}

/* A JSONL file a document at a time: each is written as soon as it is read and checked, so
 * memory holds a few lines and bundles whatever the size of the file. A bad line further on
 * still imports nothing, since everything goes into the import's one transaction. */
static gboolean
import_jsonl_file (HshImport *import, const char *path, const ImportProgress *progress,
                   GCancellable *cancellable, GError **error)
{
  HshJsonlReader *reader = hsh_jsonl_reader_new (path, error);
  ReadAhead *ahead;
  ReadSlot *slot;
  gboolean ok = TRUE;

  if (reader == NULL)
    return FALSE;
  ahead = read_ahead_start (reader, cancellable);
  while (ok && (slot = read_ahead_next (ahead))->bundle != NULL)
    {
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           hsh_import_add_planned (import, slot->bundle, slot->plan, error);
      report_progress (progress, slot->fraction);
      read_ahead_release (ahead, slot);
    }
  if (ok && slot->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&slot->error));
      ok = FALSE;
    }
  read_ahead_finish (ahead);
  if (ok)
    report_progress (progress, 1.0);
  return ok;
}

/* The other formats read a whole file (or folder) before its documents are written. */
static gboolean
import_whole_file (HshImport *import, const HshFormat *format, const char *path,
                   const ImportProgress *progress, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);

  if (!format->read (path, bundles, cancellable, error))
    return FALSE;
  for (guint i = 0; i < bundles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !hsh_import_add_checked (import, g_ptr_array_index (bundles, i), error))
        return FALSE;
      report_progress (progress, (i + 1.0) / bundles->len);
    }
  return TRUE;
}

gboolean
hsh_store_import_files (HshStore *store, const char *const *paths, const HshFormat *const *formats,
                        HshImportSummary *summary, GCancellable *cancellable,
                        HshProgressFunc progress, gpointer progress_data, GError **error)
{
  ImportProgress reached = { progress, progress_data, 0, 0 };
  HshImport *import;

  g_return_val_if_fail (HSH_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL && formats != NULL, FALSE);

  reached.count = g_strv_length ((char **) paths);
  for (guint i = 0; i < reached.count; i++)
    g_return_val_if_fail (formats[i] != NULL && formats[i]->read != NULL, FALSE);
  if ((import = hsh_import_begin (store, error)) == NULL)
    return FALSE;
  for (; reached.index < reached.count; reached.index++)
    {
      const char *path = paths[reached.index];
      const HshFormat *format = formats[reached.index];
      gboolean ok = format == &hsh_format_jsonl
                    ? import_jsonl_file (import, path, &reached, cancellable, error)
                    : import_whole_file (import, format, path, &reached, cancellable, error);
      if (!ok)
        {
          hsh_import_abandon (import);
          return FALSE;
        }
    }
  return hsh_import_commit (import, summary, error);
}

char **
hsh_codebook_dup_paths (HshCodebook *codebook)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **paths;

  for (guint i = 0; i < codebook->labels->len; i++)
    g_strv_builder_add (builder, ((HshLabel *) g_ptr_array_index (codebook->labels, i))->path);
  paths = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paths;
}

static gboolean
folder_has (const char *path, const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      return TRUE;
  return FALSE;
}

const HshFormat *
hsh_format_guess (const char *path)
{
  static const struct { const char *suffix; const char *format; } by_suffix[] = {
    { ".jsonl", "jsonl" }, { ".ann", "brat" }, { ".conll", "conll" }, { ".conllu", "conll" },
    { ".iob", "conll" }, { ".bio", "conll" }, { ".qdpx", "refi" },
  };

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return hsh_format_lookup (folder_has (path, ".ann") ? "brat" : "text");
  for (guint i = 0; i < G_N_ELEMENTS (by_suffix); i++)
    if (g_str_has_suffix (path, by_suffix[i].suffix))
      return hsh_format_lookup (by_suffix[i].format);
  return hsh_format_lookup ("text");
}
