/* bench-export.c: exporting 1,000,000 annotations over 10,000 documents to JSONL, against the
 * budget (≤ 1 s), a plain Python sqlite3 + json exporter (≥ 3× slower) and a raw SQLite scan of
 * the same rows (≤ 1.5×), run side by side in the same benchmark. */
#include <locale.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include "hsh-corpus.h"
#include "hsh-format-jsonl.h"
#include "bench-support.h"

#define RUNS 5
#define DOCUMENTS 10000
#define SPANS_PER_DOCUMENT 100
/* Documents imported per transaction while building the project: bounds the bundles in memory. */
#define IMPORT_BATCH 500

static const char *const labels[] = {
  "Actor/Person", "Actor/State", "Actor/Organisation", "Place", "Date", "Claim", "Commitment",
};
static const char *const actors[] = {
  "إيمانويل ماكرون", "كامالا هاريس", "الأمم المتحدة", "خليفة حفتر", "عبد الحميد الدبيبة",
  "أنغيلا ميركل", "ماريو دراغي", "رجب طيب أردوغان", "محمد المنفي", "يان كوبيش",
};
static const char *const annotators[] = { "Layla", "Omar", "Sara" };

/* Where each word of @text starts and ends, in code points. */
static GArray *
word_bounds (const char *text)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (HshRange));
  gint64 offset = 0, start = -1;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));
      if (!space && start < 0)
        start = offset;
      else if (space && start >= 0)
        {
          HshRange word = { start, offset };
          g_array_append_val (bounds, word);
          start = -1;
        }
    }
  if (start >= 0)
    {
      HshRange word = { start, offset };
      g_array_append_val (bounds, word);
    }
  return bounds;
}

/* A unique 1–2 KB text: a numbered heading, then a slice of the sample article. */
static char *
document_text (const char *sample, glong sample_length, GRand *rand, guint number)
{
  glong length = g_rand_int_range (rand, 550, 1000);
  glong from = g_rand_int_range (rand, 0, (gint32) (sample_length - length));
  const char *start = g_utf8_offset_to_pointer (sample, from);
  const char *end = g_utf8_offset_to_pointer (start, length);
  g_autofree char *slice = g_strndup (start, (gsize) (end - start));

  return g_strdup_printf ("تقرير رقم %u\n%s", number, slice);
}

/* What coders add: who made it, gold now and then, actors, claim and commitment details, notes. */
static void
decorate_span (HshSpan *span, GRand *rand, guint index)
{
  span->annotator = g_strdup (annotators[index % G_N_ELEMENTS (annotators)]);
  span->gold = g_rand_int_range (rand, 0, 20) == 0;
  if (g_str_has_prefix (span->label, "Actor") && g_rand_boolean (rand))
    {
      guint actor = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (actors));
      span->actor = g_strdup (actors[actor]);
      span->actor_wikidata = g_strdup_printf ("Q%u", 1000 + actor);
    }
  if (g_strcmp0 (span->label, "Claim") == 0)
    hsh_span_set_attribute (span, "status", g_rand_boolean (rand) ? "pledged" : "fulfilled");
  if (g_strcmp0 (span->label, "Commitment") == 0)
    {
      hsh_span_set_attribute (span, "quantity", "300");
      hsh_span_set_attribute (span, "deadline", "2021-12-24");
    }
  if (g_rand_int_range (rand, 0, 50) == 0)
    span->note = g_strdup ("راجع \"المصدر\" الأصلي");
}

/* One or two words, and now and then a second fragment further on (a discontinuous span). */
static void
add_random_span (HshBundle *bundle, GArray *words, GRand *rand, guint index)
{
  g_autofree char *key = g_strdup_printf ("T%u", index + 1);
  guint first = (guint) g_rand_int_range (rand, 0, (gint32) words->len - 4);
  guint last = first + (guint) g_rand_int_range (rand, 0, 2);
  const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
  HshSpan *span = hsh_bundle_add_span (bundle, key, label, g_array_index (words, HshRange, first).start,
                                       g_array_index (words, HshRange, last).end);

  if (g_rand_int_range (rand, 0, 30) == 0)
    {
      hsh_span_add_range (span, g_array_index (words, HshRange, last + 2).start,
                          g_array_index (words, HshRange, last + 2).end);
      g_clear_pointer (&span->text, g_free);
    }
  decorate_span (span, rand, index);
}

/* Claims get a speaker: the last actor mention before them. */
static void
add_roles (HshBundle *bundle)
{
  const char *actor = NULL;

  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (g_str_has_prefix (span->label, "Actor"))
        actor = span->key;
      else if (g_strcmp0 (span->label, "Claim") == 0 && actor != NULL)
        hsh_bundle_add_role (bundle, span->key, "speaker", actor);
    }
}

static HshBundle *
make_bundle (const char *sample, glong sample_length, GRand *rand, guint number)
{
  g_autofree char *text = document_text (sample, sample_length, rand, number);
  g_autofree char *title = g_strdup_printf ("تقرير %u", number);
  g_autoptr(GArray) words = word_bounds (text);
  HshBundle *bundle = hsh_bundle_new (title, text);

  bundle->source = g_strdup_printf ("news/%05u.txt", number);
  bundle->language = g_strdup ("ar");
  for (guint i = 0; i < SPANS_PER_DOCUMENT; i++)
    add_random_span (bundle, words, rand, i);
  add_roles (bundle);
  return bundle;
}

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
        g_ptr_array_add (bundles, make_bundle (sample, sample_length, rand, i + 1));
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
           SPANS_PER_DOCUMENT, (g_get_monotonic_time () - build_start) / 1e6);
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
