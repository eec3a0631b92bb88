/* bench-export.c: exporting 1,000,000 annotations over 10,000 documents to JSONL, against the
 * budget (≤ 1 s), a plain Python sqlite3 + json exporter (≥ 3× slower) and a raw SQLite scan of
 * the same rows (≤ 1.5×), run side by side in the same benchmark. */
#include <locale.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include "hsh-corpus.h"
#include "hsh-format-jsonl.h"
#include "bench-corpus.h"
#include "bench-support.h"

#define RUNS 5
#define DOCUMENTS 10000
/* Documents imported per transaction while building the project: bounds the bundles in memory. */
#define IMPORT_BATCH 500

static void
build_project (const char *project, const char *sample)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211112);
  glong sample_length = g_utf8_strlen (sample, -1);

  if (store == NULL)
    g_error ("%s", error->message);
  for (guint done = 0; done < DOCUMENTS; done += IMPORT_BATCH)
    {
      g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
      for (guint i = done; i < done + IMPORT_BATCH; i++)
        g_ptr_array_add (bundles, bench_corpus_document (sample, sample_length, rand, i + 1));
      if (!hsh_store_import_bundles (store, bundles, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
}

/* What `hashiya-cli export -f jsonl` does once the project is open. */
static double
hashiya_export (const char *project, const char *output, guint *annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (project, HSH_STORE_OPEN_READ_ONLY, &error);
  HshExportSummary summary = { 0 };
  gint64 start;

  if (store == NULL)
    g_error ("%s", error->message);
  /* Every exporter writes a new file: the last run's pages are freed first. */
  g_unlink (output);
  start = g_get_monotonic_time ();
  if (!hsh_store_export (store, &hsh_format_jsonl, NULL, HSH_LAYER_ALL, output, NULL, &summary, &error))
    g_error ("%s", error->message);
  *annotations = summary.annotations;
  return (g_get_monotonic_time () - start) / 1e6;
}

static guint64
touch_row (sqlite3_stmt *stmt, int columns)
{
  guint64 touched = 0;

  for (int c = 0; c < columns; c++)
    if (sqlite3_column_type (stmt, c) == SQLITE_INTEGER)
      touched += (guint64) sqlite3_column_int64 (stmt, c);
    else
      {
        const unsigned char *value = sqlite3_column_text (stmt, c);
        touched += (guint64) sqlite3_column_bytes (stmt, c) + (value != NULL ? value[0] : 0);
      }
  return touched;
}

/* The floor any exporter stands on: every joined document/annotation row stepped and each
 * column read as what it is, nothing formatted or written; the connection is set up as
 * Hashiya's own (no mutex, the same page cache). */
static double
raw_scan (const char *project)
{
  static const char sql[] =
    "SELECT d.id, d.uuid, d.sha256, d.title, d.text, a.id, a.uuid, a.label_id, a.text, a.actor_id, "
    "a.author, a.gold, a.ranges, a.start, a.end FROM document d JOIN annotation a ON a.document_id = d.id "
    "WHERE d.deleted = 0 AND a.deleted = 0 ORDER BY d.id, a.start";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  guint64 touched = 0;

  if (sqlite3_open_v2 (project, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA cache_size = -32768", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw scan: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    touched += touch_row (stmt, sqlite3_column_count (stmt));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (touched == 0)
    g_error ("raw scan: no rows");
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autofree char *sample_path = bench_shared_path ("samples/paris-libya-2021-11-12.ar.txt");
  g_autofree char *dir = g_dir_make_tmp ("hashiya-bench-XXXXXX", NULL);
  /* For profiling: a project kept from an earlier run (built there when missing). */
  const char *kept = g_getenv ("HASHIYA_BENCH_EXPORT_PROJECT");
  g_autofree char *project = kept != NULL ? g_strdup (kept) : g_build_filename (dir, "corpus.hashiya", NULL);
  g_autofree char *output = g_build_filename (dir, "hashiya.jsonl", NULL);
  g_autofree char *python_output = g_build_filename (dir, "python.jsonl", NULL);
  g_autofree char *script = bench_source_path ("benchmarks/export-python.py");
  g_autofree char *sample = NULL;
  double best = G_MAXDOUBLE, best_python = G_MAXDOUBLE, best_scan = G_MAXDOUBLE;
  guint annotations = 0;
  gint64 build_start;

  setlocale (LC_ALL, "");

  if (!g_file_get_contents (sample_path, &sample, NULL, NULL))
    return bench_skip ("the sample article is not beside the project");
  build_start = g_get_monotonic_time ();
  if (!g_file_test (project, G_FILE_TEST_EXISTS))
    build_project (project, sample);
  g_print ("built the project (%d documents × %d annotations) in %.1f s\n", DOCUMENTS,
           BENCH_CORPUS_SPANS_PER_DOCUMENT, (g_get_monotonic_time () - build_start) / 1e6);
  /* Alternate the three so that whatever else the machine does weighs on all alike. */
  for (int run = 0; run < RUNS; run++)
    {
      double python;

      best = MIN (best, hashiya_export (project, output, &annotations));
      best_scan = MIN (best_scan, raw_scan (project));
      g_unlink (python_output);
      if ((python = bench_run_python (script, project, python_output)) > 0)
        best_python = MIN (best_python, python);
    }
  if (kept == NULL)
    bench_remove_project (project);
  g_unlink (output);
  g_unlink (python_output);
  g_rmdir (dir);
  g_print ("exported %u annotations\n", annotations);
  bench_report ("export 1,000,000 annotations to JSONL", best, 1.0, "s");
  if (best_python < G_MAXDOUBLE)
    bench_report_ratio ("export vs plain Python sqlite3 + json exporter", best, best_python, 1.0 / 3.0);
  bench_report_ratio ("export vs raw SQLite scan of the same rows", best, best_scan, 1.5);
  return 0;
}
