/* test-export-stream.c: the streamed JSONL export, which reads runs of documents on several
 * threads (each through its own connection), writes exactly what one reader going document by
 * document writes, whatever the ids look like: runs swept by row id and runs read through the
 * index, deleted documents and annotations, notes and role links. */
#include <archive.h>
#include <archive_entry.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include "hsh-corpus.h"
#include "hsh-format-brat.h"
#include "hsh-format-conll.h"
#include "hsh-format-csv.h"
#include "hsh-format-jsonl.h"
#include "hsh-format-refi.h"
#include "hsh-format-tei.h"
#include "hsh-format-webanno.h"
#include "hsh-store-private.h"
#include "hsh-test-support.h"

#define DOCUMENTS 300
#define PER_DOCUMENT 12

typedef struct {
  char     *dir;
  char     *project;
  HshStore *store;
} Fixture;

static gint64
label_id (HshStore *store, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshCodebook) book = hsh_store_load_codebook (store, &error);

  g_assert_no_error (error);
  return hsh_codebook_label_by_path (book, path)->id;
}

/* Annotations made now on early documents: their ids lie far from those imported with the
 * documents, so those documents' runs cannot be swept and are read through the index. */
static void
annotate_late (HshStore *store)
{
  static const gint64 documents[] = { 1, 2, 40, 41, 299 };
  g_autoptr(GError) error = NULL;
  gint64 claim = label_id (store, "Claim");

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      HshRange range = { 3, 9 };
      gint64 id = hsh_store_create_annotation (store, documents[i], claim, &range, 1, &error);
      g_assert_no_error (error);
      g_assert_true (hsh_store_set_annotation_note (store, id, "راجع \"المصدر\"\tالأصلي", &error));
    }
  g_assert_true (hsh_store_delete_annotation (store, 7, &error));
  g_assert_true (hsh_store_delete_annotation (store, 100, &error));
  g_assert_no_error (error);
}

/* Tombstones as a merge brings them: one document alone, and a whole run's worth. */
static void
delete_documents (const char *project)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE document SET deleted = 1 WHERE id = 5 OR id BETWEEN 100 AND 140",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = hsh_test_scratch_dir ();
  fixture->project = g_build_filename (fixture->dir, "corpus.hashiya", NULL);
  fixture->store = hsh_test_make_corpus_project (fixture->project, DOCUMENTS, PER_DOCUMENT,
                                                 "0190c3a2-6c1e-7a8b-9d41-0c2f5e7b3a10", "Layla", 11);
  annotate_late (fixture->store);
  g_clear_object (&fixture->store);
  delete_documents (fixture->project);
  fixture->store = hsh_store_open (fixture->project, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->project);
  g_free (fixture->dir);
}

static char *
export (Fixture *fixture, GArray *document_ids, const char *name, const HshExportOptions *options,
        HshExportSummary *summary)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_store_export (fixture->store, &hsh_format_jsonl, document_ids, HSH_LAYER_ALL, path,
                                   options, summary, &error));
  g_assert_no_error (error);
  return hsh_test_read_file (path);
}

static GArray *
live_document_ids (HshStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = hsh_store_list_documents (store, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    g_array_append_val (ids, ((HshDocument *) g_ptr_array_index (documents, i))->id);
  return ids;
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    lines++;
  return lines;
}

/* The whole project streamed by runs equals the list of every live document read one by one,
 * byte for byte: the list path shares nothing with the runs but the formatting. */
static void
test_runs_equal_one_by_one (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GArray) ids = live_document_ids (fixture->store);
  HshExportSummary whole_summary = { 0 }, list_summary = { 0 };
  g_autofree char *whole = export (fixture, NULL, "whole.jsonl", NULL, &whole_summary);
  g_autofree char *listed = export (fixture, ids, "listed.jsonl", NULL, &list_summary);

  g_assert_cmpuint (ids->len, ==, DOCUMENTS - 42);
  g_assert_cmpuint (count_lines (whole), ==, ids->len);
  g_assert_cmpstr (whole, ==, listed);
  g_assert_cmpuint (whole_summary.documents, ==, ids->len);
  g_assert_cmpuint (whole_summary.annotations, ==, list_summary.annotations);
  g_assert_cmpuint (whole_summary.annotations, ==, (DOCUMENTS - 42) * PER_DOCUMENT + 5 - 2);
  /* The late notes came through, escaped. */
  g_assert_nonnull (strstr (whole, "راجع \\\"المصدر\\\"\\tالأصلي"));
}

/* Inside a transaction of the caller's, one connection reads what that transaction sees. */
static void
test_inside_a_transaction (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (fixture, NULL, "before.jsonl", NULL, NULL);
  g_autofree char *inside = NULL;

  g_assert_true (hsh_store_begin (fixture->store, &error));
  g_assert_true (hsh_store_delete_annotation (fixture->store, 8, &error));
  inside = export (fixture, NULL, "inside.jsonl", NULL, NULL);
  hsh_store_rollback (fixture->store);
  g_assert_no_error (error);
  g_assert_cmpstr (before, !=, inside);
  g_assert_cmpuint (strlen (inside), <, strlen (before));
}

static void
record_progress (double fraction, gpointer data)
{
  g_array_append_val ((GArray *) data, fraction);
}

static void
test_progress (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  HshExportOptions options = { .progress = record_progress, .progress_data = fractions };
  g_autofree char *text = export (fixture, NULL, "progress.jsonl", &options, NULL);

  g_assert_cmpuint (fractions->len, >, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i - 1), <=, g_array_index (fractions, double, i));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* A file as @format's writer makes it of bundles in memory, the way the other formats are
 * written. */
static char *
written_from_bundles (Fixture *fixture, const HshFormat *format, HshLayer layer, const HshExportOptions *options)
{
  g_autofree char *path = g_build_filename (fixture->dir, "from-bundles", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = hsh_store_export_bundles (fixture->store, NULL, layer, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (format->write (bundles, path, options, &error));
  g_assert_no_error (error);
  return hsh_test_read_file (path);
}

static char *
streamed (Fixture *fixture, const HshFormat *format, HshLayer layer, const HshExportOptions *options)
{
  g_autofree char *path = g_build_filename (fixture->dir, "streamed", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_store_export (fixture->store, format, NULL, layer, path, options, NULL, &error));
  g_assert_no_error (error);
  return hsh_test_read_file (path);
}

static char *
csv_of_bundles (Fixture *fixture, HshLayer layer, const HshExportOptions *options)
{
  return written_from_bundles (fixture, &hsh_format_csv, layer, options);
}

static char *
csv_streamed (Fixture *fixture, HshLayer layer, const HshExportOptions *options)
{
  return streamed (fixture, &hsh_format_csv, layer, options);
}

/* CoNLL is streamed as well, with the same tokens and tags as from bundles. */
static void
test_conll_streamed (Fixture *fixture, gconstpointer data)
{
  static const char *const claims[] = { "Claim", NULL };
  HshExportOptions only_claims = { .labels = claims };
  g_autofree char *expected = written_from_bundles (fixture, &hsh_format_conll, HSH_LAYER_ALL, NULL);
  g_autofree char *text = streamed (fixture, &hsh_format_conll, HSH_LAYER_ALL, NULL);
  g_autofree char *claims_expected = written_from_bundles (fixture, &hsh_format_conll, HSH_LAYER_ALL, &only_claims);
  g_autofree char *claims_text = streamed (fixture, &hsh_format_conll, HSH_LAYER_ALL, &only_claims);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (claims_text, ==, claims_expected);
  g_assert_nonnull (strstr (text, "B-Claim"));
  g_assert_null (strstr (claims_text, "B-Actor"));
}

/* CSV is streamed too: its attribute columns come from the project before the first row, and
 * must be those the rows carry, whatever the filters. */
static void
test_csv_streamed (Fixture *fixture, gconstpointer data)
{
  static const char *const claims[] = { "Claim", NULL };
  static const char *const people[] = { "Actor/Person", NULL };
  static const char *const nobody[] = { "Nobody", NULL };
  HshExportOptions everything = { .excel_bom = TRUE };
  HshExportOptions only_claims = { .labels = claims };
  HshExportOptions only_people = { .labels = people };
  HshExportOptions no_one = { .annotators = nobody };
  const HshExportOptions *cases[] = { NULL, &everything, &only_claims, &only_people, &no_one };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = csv_of_bundles (fixture, HSH_LAYER_ALL, cases[i]);
      g_autofree char *streamed = csv_streamed (fixture, HSH_LAYER_ALL, cases[i]);
      g_assert_cmpstr (streamed, ==, expected);
    }
  {
    g_autofree char *claims_csv = csv_streamed (fixture, HSH_LAYER_ALL, &only_claims);
    g_autofree char *people_csv = csv_streamed (fixture, HSH_LAYER_ALL, &only_people);
    g_autofree char *gold_csv = csv_streamed (fixture, HSH_LAYER_GOLD, NULL);
    g_autofree char *gold_expected = csv_of_bundles (fixture, HSH_LAYER_GOLD, NULL);
    /* Claims carry a stance, people none: the column comes and goes with them. */
    g_autofree char *claims_header = g_strndup (claims_csv, strcspn (claims_csv, "\r"));
    g_assert_true (g_str_has_suffix (claims_header, ",note,stance"));
    g_assert_null (strstr (people_csv, "stance"));
    g_assert_cmpstr (gold_csv, ==, gold_expected);
  }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A file's bytes, or a folder's files in name order, each after its name. */
static char *
read_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_string_free (all, TRUE);
      return hsh_test_read_file (path);
    }
  dir = g_dir_open (path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = hsh_test_read_file (file);
      g_string_append_printf (all, "== %s\n%s", (char *) g_ptr_array_index (names, i), contents);
    }
  return g_string_free (all, FALSE);
}

/* Appends @text with the time of the export taken out of it: two exports made a second apart
 * differ there and nowhere else. */
static void
append_without_export_time (GString *all, const char *text, gsize length)
{
  static const char attribute[] = "creationDateTime=\"";
  const char *end = text + length;
  const char *at;

  while ((at = g_strstr_len (text, end - text, attribute)) != NULL)
    {
      const char *value = at + strlen (attribute);
      const char *quote = memchr (value, '"', (gsize) (end - value));

      g_assert_nonnull (quote);
      g_string_append_len (all, text, value - text);
      text = quote;
    }
  g_string_append_len (all, text, end - text);
}

/* A .qdpx's entries in order, each after its name. */
static char *
read_qdpx (const char *path)
{
  GString *all = g_string_new (NULL);
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;
  int status;

  archive_read_support_format_zip (zip);
  g_assert_cmpint (archive_read_open_filename (zip, path, 65536), ==, ARCHIVE_OK);
  while ((status = archive_read_next_header (zip, &entry)) == ARCHIVE_OK)
    {
      gsize size = (gsize) archive_entry_size (entry);
      g_autofree char *data = g_malloc (size + 1);

      g_assert_cmpint (archive_read_data (zip, data, size), ==, (la_ssize_t) size);
      data[size] = '\0';
      g_string_append_printf (all, "== %s\n", archive_entry_pathname (entry));
      append_without_export_time (all, data, size);
    }
  g_assert_cmpint (status, ==, ARCHIVE_EOF);
  archive_read_free (zip);
  return g_string_free (all, FALSE);
}

/* Where @format writes in @folder, made ready: one file for a TEI corpus and a REFI-QDA
 * project, a folder of files for the others. */
static char *
prepare_output (const HshFormat *format, const char *folder)
{
  char *path;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (format == &hsh_format_tei)
    return g_build_filename (folder, "corpus.xml", NULL);
  if (format == &hsh_format_refi)
    return g_build_filename (folder, "corpus.qdpx", NULL);
  path = g_build_filename (folder, format->id, NULL);
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static char *
read_output (const HshFormat *format, const char *path)
{
  return format == &hsh_format_refi ? read_qdpx (path) : read_tree (path);
}

/* brat, WebAnno TSV, TEI and REFI-QDA are written a document at a time from the project, each
 * document lent by the reader: the same files as their writers make of bundles in memory (for
 * REFI-QDA, the same entries with the same contents). */
static void
test_document_writers (Fixture *fixture, gconstpointer data)
{
  const HshFormat *formats[] = { &hsh_format_brat, &hsh_format_webanno, &hsh_format_tei, &hsh_format_refi };
  g_autofree char *store_folder = g_build_filename (fixture->dir, "store-out", NULL);
  g_autofree char *bundles_folder = g_build_filename (fixture->dir, "bundles-out", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *from_store = prepare_output (formats[i], store_folder);
      g_autofree char *from_bundles = prepare_output (formats[i], bundles_folder);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) bundles = hsh_store_export_bundles (fixture->store, NULL, HSH_LAYER_ALL, NULL, &error);
      HshExportSummary summary = { 0 };
      g_autofree char *written = NULL, *expected = NULL;

      g_assert_nonnull (formats[i]->documents);
      g_assert_true (hsh_store_export (fixture->store, formats[i], NULL, HSH_LAYER_ALL, from_store, NULL,
                                       &summary, &error));
      g_assert_no_error (error);
      g_assert_true (formats[i]->write (bundles, from_bundles, NULL, &error));
      g_assert_no_error (error);
      written = read_output (formats[i], from_store);
      expected = read_output (formats[i], from_bundles);
      g_assert_cmpuint (summary.documents, ==, DOCUMENTS - 42);
      g_assert_cmpuint (strlen (written), >, 100000);
      g_assert_cmpstr (written, ==, expected);
      if (formats[i] == &hsh_format_refi)
        g_assert_true (g_str_has_prefix (written, "== project.qde\n<?xml"));
    }
}

typedef struct {
  const char *project;
  gboolean    changed;
} Interloper;

/* Another program deletes the last document's annotations once the export has begun writing,
 * when the runs of that document have not been read yet. */
static void
change_project_once (double fraction, gpointer data)
{
  Interloper *interloper = data;
  sqlite3 *db = NULL;

  if (interloper->changed)
    return;
  interloper->changed = TRUE;
  g_assert_cmpint (sqlite3_open (interloper->project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE annotation SET deleted = 1 "
                                     "WHERE document_id = (SELECT max(id) FROM document)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}

/* Every connection reads the snapshot the export began with: a commit made meanwhile shows in
 * the next export, not in this one. */
static void
test_one_snapshot (Fixture *fixture, gconstpointer data)
{
  Interloper interloper = { fixture->project, FALSE };
  HshExportOptions options = { .progress = change_project_once, .progress_data = &interloper };
  g_autofree char *before = export (fixture, NULL, "before.jsonl", NULL, NULL);
  g_autofree char *during = export (fixture, NULL, "during.jsonl", &options, NULL);
  g_autofree char *after = export (fixture, NULL, "after.jsonl", NULL, NULL);

  g_assert_true (interloper.changed);
  g_assert_cmpstr (during, ==, before);
  g_assert_cmpstr (after, !=, before);
}

/* A damaged project whose annotation reaches past its text: CoNLL, which cuts the text at
 * annotation boundaries, refuses it with the document named, and leaves no file. */
static void
test_conll_refuses_damage (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "damaged.conll", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE annotation SET ranges = '90000-90005', start = 90000, end = 90005 "
                                     "WHERE id = 250", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fixture->store = hsh_store_open (fixture->project, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_false (hsh_store_export (fixture->store, &hsh_format_conll, NULL, HSH_LAYER_ALL, path, NULL, NULL,
                                    &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "document 21"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Cancelled, the export leaves nothing behind: neither the file nor its temporary. */
static void
test_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.jsonl", NULL);
  HshExportOptions options = { .cancellable = cancellable };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_cancellable_cancel (cancellable);
  g_assert_false (hsh_store_export (fixture->store, &hsh_format_jsonl, NULL, HSH_LAYER_ALL, path, &options,
                                    NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "cancelled.jsonl"));
}

typedef struct {
  GCancellable *cancellable;
  double        at;   /* the progress at which to cancel */
} Canceller;

static void
cancel_at (double fraction, gpointer data)
{
  Canceller *canceller = data;

  if (fraction >= canceller->at)
    g_cancellable_cancel (canceller->cancellable);
}

/* A REFI-QDA project is assembled from scratch files next to it once every document was
 * written: cancelled halfway through the documents, or while the archive is being compressed,
 * the export leaves neither the project nor any of those files. */
static void
test_refi_cancelled (Fixture *fixture, gconstpointer data)
{
  static const double moments[] = { 0.5, 1.0 };

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *path = g_build_filename (fixture->dir, "cancelled.qdpx", NULL);
      Canceller canceller = { cancellable, moments[i] };
      HshExportOptions options = { .cancellable = cancellable, .progress = cancel_at, .progress_data = &canceller };
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_assert_false (hsh_store_export (fixture->store, &hsh_format_refi, NULL, HSH_LAYER_ALL, path, &options,
                                        NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      dir = g_dir_open (fixture->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (g_str_has_prefix (name, "cancelled.qdpx"));
    }
}

/* The gold layer alone: runs filter the same way the list does. */
static void
test_layer (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gold.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  HshExportSummary summary = { 0 };

  g_assert_true (hsh_store_export (fixture->store, &hsh_format_jsonl, NULL, HSH_LAYER_GOLD, path, NULL,
                                   &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.documents, ==, DOCUMENTS - 42);
  g_assert_cmpuint (summary.annotations, ==, 0);
}

static void
test_empty_project (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *project = g_build_filename (dir, "empty.hashiya", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, &error);
  HshExportSummary summary = { 1, 1 };
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (hsh_store_export (store, &hsh_format_jsonl, NULL, HSH_LAYER_ALL, path, NULL, &summary, &error));
  g_assert_no_error (error);
  text = hsh_test_read_file (path);
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpuint (summary.documents, ==, 0);
  g_assert_cmpuint (summary.annotations, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/export-stream/runs-equal-one-by-one", Fixture, NULL, fixture_set_up, test_runs_equal_one_by_one,
              fixture_tear_down);
  g_test_add ("/export-stream/inside-a-transaction", Fixture, NULL, fixture_set_up, test_inside_a_transaction,
              fixture_tear_down);
  g_test_add ("/export-stream/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/export-stream/one-snapshot", Fixture, NULL, fixture_set_up, test_one_snapshot, fixture_tear_down);
  g_test_add ("/export-stream/csv-streamed", Fixture, NULL, fixture_set_up, test_csv_streamed, fixture_tear_down);
  g_test_add ("/export-stream/conll-streamed", Fixture, NULL, fixture_set_up, test_conll_streamed, fixture_tear_down);
  g_test_add ("/export-stream/conll-refuses-damage", Fixture, NULL, fixture_set_up, test_conll_refuses_damage,
              fixture_tear_down);
  g_test_add ("/export-stream/document-writers", Fixture, NULL, fixture_set_up, test_document_writers,
              fixture_tear_down);
  g_test_add ("/export-stream/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/export-stream/refi-cancelled-leaves-nothing", Fixture, NULL, fixture_set_up, test_refi_cancelled,
              fixture_tear_down);
  g_test_add ("/export-stream/layer", Fixture, NULL, fixture_set_up, test_layer, fixture_tear_down);
  g_test_add_func ("/export-stream/empty-project", test_empty_project);
  return g_test_run ();
}
