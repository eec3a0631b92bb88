/* hsh-export-stream.c: a streamed export spread over the cores.
 *
 * The documents are cut into runs of a few dozen. Each thread takes the next run, reads it
 * through a connection of its own and formats it into a buffer; whichever thread finishes the
 * run that is next in the file writes it, and any finished runs behind it. Runs are read at most
 * a few ahead of the one being written, which bounds memory. All connections read the same
 * snapshot of the project, so the file is the one a single connection would have written. */
#include "hsh-export-stream.h"
#include "hsh-export-file.h"
#include "hsh-store-private.h"

/* Documents in a run: enough that handing a run between threads costs nothing next to reading
 * it, few enough that the runs in flight stay a few megabytes. */
#define RUN_DOCUMENTS 32
/* More threads than this only contend for SQLite's page cache and the output file. */
#define MAX_THREADS 4
/* How many times to try to begin the same snapshot on every connection while another program
 * keeps committing, before exporting through one connection alone. */
#define SNAPSHOT_ATTEMPTS 5

typedef struct {
  gint64 first;       /* document ids, for a range; unused for a list */
  gint64 last;
  guint  documents;
} Run;

typedef struct {
  const HshStreamWriter  *writer;
  const HshExportOptions *options;
  gboolean                by_range;   /* FALSE: a list, read in order by one thread */
  GArray                 *runs;       /* Run */
  guint                   documents;  /* in all runs */
  HshExportFile          *file;

  GMutex                  lock;       /* guards what follows */
  GCond                   changed;
  guint                   next_read;  /* the next run a thread takes */
  guint                   next_write; /* the next run to go into the file */
  guint                   written;    /* documents in the file so far */
  gboolean                writing;    /* a thread is writing runs */
  GString               **finished;   /* by run: formatted, waiting for its turn */
  GPtrArray              *spare;      /* buffers to reuse */
  guint                   ahead;      /* how far reading may run ahead of writing */
  HshExportSummary        summary;
  GError                 *error;      /* the first failure; every thread stops */
} Stream;

typedef struct {
  Stream          *stream;
  HshBundleReader *reader;      /* through the export's store, or a sibling connection */
  GThread         *thread;
} Part;

/* Reads and formats @run into @out. */
static gboolean
format_run (Part *part, const Run *run, GString *out, HshExportSummary *counted, GError **error)
{
  Stream *stream = part->stream;

  if (stream->by_range && !hsh_bundle_reader_seek (part->reader, run->first, run->last, error))
    return FALSE;
  for (guint i = 0; i < run->documents; i++)
    {
      /* The reader lends its bundle to this thread alone; a writer may cache an index of its
       * text in it (hsh_bundle_validate). */
      HshBundle *bundle = (HshBundle *) hsh_bundle_reader_borrow_next (part->reader, error);
      if (bundle == NULL)
        {
          if (error == NULL || *error == NULL)
            g_set_error_literal (error, HSH_ERROR, HSH_ERROR_FAILED,
                                 "A document left the project while it was being exported");
          return FALSE;
        }
      if (!stream->writer->append (out, bundle, stream->options, stream->writer->data, error))
        return FALSE;
      hsh_export_summary_count (counted, bundle, stream->options);
    }
  return TRUE;
}

static void
fail_locked (Stream *stream, GError *error)
{
  if (stream->error == NULL)
    stream->error = error;
  else
    g_error_free (error);
  g_cond_broadcast (&stream->changed);
}

/* Writes the finished runs that are next in the file, one thread at a time; called and returns
 * with the lock held, which it lets go while writing. */
static void
write_ready_locked (Stream *stream)
{
  if (stream->writing)
    return;
  stream->writing = TRUE;
  while (stream->error == NULL && stream->next_write < stream->runs->len &&
         stream->finished[stream->next_write] != NULL)
    {
      guint index = stream->next_write;
      GString *out = stream->finished[index];
      GError *error = NULL;
      gboolean ok;

      stream->finished[index] = NULL;
      g_mutex_unlock (&stream->lock);
      ok = hsh_export_step (stream->options, stream->written, stream->documents, &error) &&
           hsh_export_file_write (stream->file, out->str, out->len, &error);
      g_mutex_lock (&stream->lock);
      g_string_truncate (out, 0);
      g_ptr_array_add (stream->spare, out);
      stream->next_write++;
      stream->written += g_array_index (stream->runs, Run, index).documents;
      if (!ok)
        fail_locked (stream, error);
      g_cond_broadcast (&stream->changed);
    }
  stream->writing = FALSE;
}

/* What every thread does, the calling one included: take runs until none is left. */
static gpointer
run_part (gpointer data)
{
  Part *part = data;
  Stream *stream = part->stream;
  GCancellable *cancellable = stream->options != NULL ? stream->options->cancellable : NULL;

  g_mutex_lock (&stream->lock);
  for (;;)
    {
      HshExportSummary counted = { 0 };
      GError *error = NULL;
      GString *out;
      guint index;
      gboolean ok;

      while (stream->error == NULL && stream->next_read < stream->runs->len &&
             stream->next_read >= stream->next_write + stream->ahead)
        g_cond_wait (&stream->changed, &stream->lock);
      if (stream->error != NULL || stream->next_read == stream->runs->len)
        break;
      index = stream->next_read++;
      out = stream->spare->len > 0 ? g_ptr_array_steal_index_fast (stream->spare, stream->spare->len - 1)
                                   : g_string_sized_new (1 << 20);
      g_mutex_unlock (&stream->lock);

      ok = !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
           format_run (part, &g_array_index (stream->runs, Run, index), out, &counted, &error);

      g_mutex_lock (&stream->lock);
      if (!ok)
        {
          g_string_free (out, TRUE);
          fail_locked (stream, error);
          break;
        }
      stream->summary.documents += counted.documents;
      stream->summary.annotations += counted.annotations;
      stream->finished[index] = out;
      write_ready_locked (stream);
    }
  g_mutex_unlock (&stream->lock);
  return NULL;
}

/* Live documents of the snapshot in id order, cut into runs. */
static GArray *
plan_runs (HshStore *store, GArray *document_ids, GError **error)
{
  sqlite3 *db = hsh_store_get_db (store);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  sqlite3_stmt *stmt = NULL;
  Run run = { 0 };
  int rc;

  if (document_ids != NULL)
    {
      for (guint i = 0; i < document_ids->len; i += RUN_DOCUMENTS)
        {
          Run slice = { 0, 0, MIN (RUN_DOCUMENTS, document_ids->len - i) };
          g_array_append_val (runs, slice);
        }
      return g_steal_pointer (&runs);
    }
  if (sqlite3_prepare_v2 (db, "SELECT id FROM document WHERE deleted = 0 ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      hsh_store_set_error (store, error, "listing the documents to export");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (run.documents == 0)
        run.first = id;
      run.last = id;
      if (++run.documents == RUN_DOCUMENTS)
        {
          g_array_append_val (runs, run);
          run.documents = 0;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      hsh_store_set_error (store, error, "listing the documents to export");
      return NULL;
    }
  if (run.documents > 0)
    g_array_append_val (runs, run);
  return g_steal_pointer (&runs);
}

static void
end_reads (HshStore *store, GPtrArray *siblings)
{
  for (guint i = 0; i < siblings->len; i++)
    hsh_store_end_read (g_ptr_array_index (siblings, i));
  hsh_store_end_read (store);
}

/* Begins a read transaction on @store and on each of @siblings that all see the same snapshot:
 * SQLite's data version on @store is the same before the siblings begin and once @store has
 * begun after them, so no commit came in between. When other programs keep committing, the
 * siblings are given up and @store alone reads. */
static gboolean
begin_one_snapshot (HshStore *store, GPtrArray *siblings, GError **error)
{
  for (guint attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++)
    {
      gint64 before = 0, after = 0;
      gboolean begun = TRUE;

      if (!hsh_store_data_version (store, &before, error))
        return FALSE;
      for (guint i = 0; begun && i < siblings->len; i++)
        begun = hsh_store_begin_read (g_ptr_array_index (siblings, i), NULL, NULL);
      if (begun && !hsh_store_begin_read (store, &after, error))
        {
          end_reads (store, siblings);
          return FALSE;
        }
      if (begun && before == after)
        return TRUE;
      end_reads (store, siblings);
    }
  g_ptr_array_set_size (siblings, 0);
  return hsh_store_begin_read (store, NULL, error);
}

/* Other connections for the other threads; none when the machine has one core, the export is
 * of a list (read in order by one reader) or runs inside the caller's transaction. */
static GPtrArray *
open_siblings (HshStore *store, gboolean by_range, gboolean own_transaction)
{
  GPtrArray *siblings = g_ptr_array_new_with_free_func (g_object_unref);
  guint threads = MIN ((guint) g_get_num_processors (), MAX_THREADS);

  if (!by_range || !own_transaction)
    return siblings;
  for (guint i = 1; i < threads; i++)
    {
      HshStore *sibling = hsh_store_open_sibling (store, NULL);
      if (sibling == NULL)
        break;
      g_ptr_array_add (siblings, sibling);
    }
  return siblings;
}

/* Threads beyond one per run would have nothing to do. */
static void
drop_idle_siblings (GPtrArray *siblings, guint runs)
{
  while (siblings->len > 0 && siblings->len + 1 > runs)
    {
      hsh_store_end_read (g_ptr_array_index (siblings, siblings->len - 1));
      g_ptr_array_remove_index (siblings, siblings->len - 1);
    }
}

static void
free_buffer (gpointer buffer)
{
  g_string_free (buffer, TRUE);
}

static void
stream_clear (Stream *stream, GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);
      g_clear_pointer (&part->reader, hsh_bundle_reader_free);
      g_free (part);
    }
  for (guint i = 0; stream->finished != NULL && i < stream->runs->len; i++)
    if (stream->finished[i] != NULL)
      g_string_free (stream->finished[i], TRUE);
  g_free (stream->finished);
  g_clear_pointer (&stream->spare, g_ptr_array_unref);
  g_clear_pointer (&stream->runs, g_array_unref);
  g_clear_error (&stream->error);
  g_mutex_clear (&stream->lock);
  g_cond_clear (&stream->changed);
}

/* A reader for each connection: the first reads everything the export shares, the others share
 * it. */
static gboolean
add_parts (Stream *stream, GPtrArray *parts, HshStore *store, GArray *document_ids, HshLayer layer,
           GPtrArray *siblings, GError **error)
{
  Part *whole = g_new0 (Part, 1);

  whole->stream = stream;
  g_ptr_array_add (parts, whole);
  whole->reader = document_ids != NULL ? hsh_bundle_reader_new (store, document_ids, layer, error)
                                       : hsh_bundle_reader_new_with_helpers (store, siblings, layer, error);
  if (whole->reader == NULL)
    return FALSE;
  for (guint i = 0; i < siblings->len; i++)
    {
      Part *part = g_new0 (Part, 1);
      part->stream = stream;
      g_ptr_array_add (parts, part);
      if (!(part->reader = hsh_bundle_reader_new_part (whole->reader, g_ptr_array_index (siblings, i), error)))
        return FALSE;
    }
  return TRUE;
}

static void
run_parts (GPtrArray *parts)
{
  for (guint i = 1; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);
      part->thread = g_thread_try_new ("hashiya-export", run_part, part, NULL);
    }
  run_part (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);
      if (part->thread != NULL)
        g_thread_join (part->thread);
    }
}

gboolean
hsh_export_stream (HshStore *store, GArray *document_ids, HshLayer layer, const HshStreamWriter *writer,
                   const char *path, const HshExportOptions *options, HshExportSummary *summary,
                   GError **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(HshExportFile) file = NULL;
  gboolean own_transaction = sqlite3_get_autocommit (hsh_store_get_db (store));
  Stream stream = { .writer = writer, .options = options, .by_range = document_ids == NULL };
  gboolean ok = FALSE;

  g_mutex_init (&stream.lock);
  g_cond_init (&stream.changed);
  stream.spare = g_ptr_array_new_with_free_func (free_buffer);
  if (!(file = hsh_export_file_new (path, error)))
    goto out;
  stream.file = file;
  siblings = open_siblings (store, stream.by_range, own_transaction);
  if (own_transaction && !begin_one_snapshot (store, siblings, error))
    goto out;
  if (!(stream.runs = plan_runs (store, document_ids, error)) ||
      (writer->plan != NULL && !writer->plan (store, document_ids, layer, options, writer->data, error)))
    goto out_read;
  if (writer->begin != NULL)
    writer->begin (hsh_export_file_buffer (file), options, writer->data);
  drop_idle_siblings (siblings, stream.runs->len);
  for (guint i = 0; i < stream.runs->len; i++)
    stream.documents += g_array_index (stream.runs, Run, i).documents;
  stream.finished = g_new0 (GString *, stream.runs->len + 1);
  stream.ahead = 2 * (siblings->len + 1);
  if (!add_parts (&stream, parts, store, document_ids, layer, siblings, error))
    goto out_read;
  run_parts (parts);
  if (stream.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&stream.error));
      goto out_read;
    }
  ok = hsh_export_step (options, stream.documents, stream.documents, error) &&
       hsh_export_file_commit (file, error);
  if (ok && summary != NULL)
    *summary = stream.summary;
out_read:
  /* The readers' statements go first: a transaction ends cleanly only once none is pending. */
  stream_clear (&stream, parts);
  if (own_transaction)
    end_reads (store, siblings);
  return ok;
out:
  stream_clear (&stream, parts);
  return ok;
}
