/* test-import.c: plain-text import — encodings, line ends, refusals — its all-or-nothing rule,
 * and the streamed JSONL import that must store exactly what reading everything first stored. */
#include <sqlite3.h>
#include <string.h>
#include "hsh-corpus.h"
#include "hsh-format-jsonl.h"
#include "hsh-format-plain.h"
#include "hsh-model.h"
#include "hsh-store-private.h"
#include "hsh-text.h"
#include "hsh-test-support.h"

static const char arabic[] = "قال «ماكرون»: 300 مرتزق\nسطر ثانٍ";

static char *
write_file (const char *dir, const char *name, const char *data, gsize length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  return path;
}

static char *
read_text (const char *data, gsize length, GError **error)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = write_file (dir, "doc.txt", data, length);
  g_autoptr(HshBundle) bundle = hsh_plain_read_file (path, error);
  return bundle != NULL ? g_strdup (bundle->text) : NULL;
}

static void
test_reads_utf8_and_strips_bom (void)
{
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", arabic, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text (with_bom, strlen (with_bom), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, arabic);
}

static void
test_turns_crlf_and_cr_into_lf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text ("سطر\r\nسطر\rسطر\n", strlen ("سطر\r\nسطر\rسطر\n"), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "سطر\nسطر\nسطر\n");
}

static void
test_reads_utf16_with_bom (gconstpointer data)
{
  const char *charset = data;
  gsize length = 0;
  g_autofree char *body = g_convert (arabic, -1, charset, "UTF-8", NULL, &length, NULL);
  g_autofree char *file = g_malloc (length + 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  memcpy (file, g_str_equal (charset, "UTF-16LE") ? "\xFF\xFE" : "\xFE\xFF", 2);
  memcpy (file + 2, body, length);
  text = read_text (file, length + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, arabic);
}

static void
test_keeps_marks_diacritics_and_tatweel (void)
{
  /* Frozen text: no normalisation, nothing removed. */
  const char *raw = "\xE2\x80\x8Fمُحَمَّد القاهـــرة ا\xD9\x94";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text (raw, strlen (raw), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, raw);
}

static void
test_refuses_invalid_utf8_with_line_and_offset (void)
{
  const char bad[] = "سطر أول\nسطر \xC3\x28 ثانٍ\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text (bad, sizeof bad - 1, &error);

  g_assert_null (text);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "doc.txt: line 2, byte offset 21"));
}

static void
test_refuses_utf16_without_bom (void)
{
  gsize length = 0;
  g_autofree char *body = g_convert ("Macron", -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text (body, length, &error);

  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "UTF-16 without a byte-order mark"));
}

static void
test_failed_import_leaves_project_as_it_was (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *project = g_build_filename (dir, "p.hashiya", NULL);
  g_autofree char *good = write_file (dir, "a.txt", arabic, strlen (arabic));
  g_autofree char *bad = write_file (dir, "b.txt", "\xFF\xFF\xFF broken", 10);
  g_autoptr(HshStore) store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, NULL);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const HshFormat *text = hsh_format_lookup ("text");

  /* The folder holds one good and one bad file: reading fails before anything is stored. */
  g_assert_false (text->read (dir, bundles, NULL, &error));
  g_assert_nonnull (strstr (error->message, "b.txt"));
  g_assert_cmpuint (bundles->len, ==, 0);

  /* A bundle the store refuses (offsets past the text) rolls back the good one beside it. */
  g_clear_error (&error);
  g_ptr_array_add (bundles, hsh_plain_read_file (good, NULL));
  g_ptr_array_add (bundles, hsh_bundle_new ("broken", "نص قصير"));
  hsh_bundle_add_span (g_ptr_array_index (bundles, 1), "T1", "Actor", 0, 3);
  g_array_index (((HshSpan *) g_ptr_array_index (((HshBundle *) g_ptr_array_index (bundles, 1))->spans, 0))->ranges, HshRange, 0).end = 480;
  g_assert_false (hsh_store_import_bundles (store, bundles, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "480"));
  documents = hsh_store_list_documents (store, NULL);
  g_assert_cmpuint (documents->len, ==, 0);
}

static void
test_same_text_twice_is_one_document (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *project = g_build_filename (dir, "p.hashiya", NULL);
  g_autofree char *a = write_file (dir, "a.txt", arabic, strlen (arabic));
  g_autofree char *crlf = g_strdup ("قال «ماكرون»: 300 مرتزق\r\nسطر ثانٍ");
  g_autofree char *b = write_file (dir, "b.txt", crlf, strlen (crlf));
  g_autoptr(HshStore) store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, NULL);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  HshImportSummary summary;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (bundles, hsh_plain_read_file (a, NULL));
  g_ptr_array_add (bundles, hsh_plain_read_file (b, NULL));
  g_assert_true (hsh_store_import_bundles (store, bundles, &summary, NULL, &error));
  g_assert_no_error (error);
  /* CRLF is cleaned before hashing, so the two files hold the same document. */
  g_assert_cmpuint (summary.documents, ==, 1);
  g_assert_cmpuint (summary.duplicates, ==, 1);
}

static void
test_imports_news_corpus_folder (void)
{
  g_autofree char *folder = hsh_test_shared_path ("corpora/saudinewsnet/articles");
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *project = g_build_filename (dir, "news.hashiya", NULL);
  g_autoptr(HshStore) store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, NULL);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;
  HshImportSummary summary;
  HshStats stats;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the SaudiNewsNet corpus is not beside the project");
      return;
    }
  g_assert_true (hsh_format_lookup ("text")->read (folder, bundles, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 3000);
  g_assert_true (hsh_store_import_bundles (store, bundles, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.documents + summary.duplicates, ==, 3000);
  g_assert_true (hsh_store_get_stats (store, &stats, NULL));
  g_assert_cmpint (stats.documents, ==, summary.documents);
}

/* Streamed JSONL ------------------------------------------------------------------------------ */

static const char *const coders[][2] = {
  { "8a1f3c2e-0000-4000-8000-0000000000aa", "عمر" },
  { "8a1f3c2e-0000-4000-8000-0000000000bb", "Sara" },
};
static const char *const actors[][2] = {
  { "ماكرون", "Q3052772" }, { "القوات الشرقية", NULL }, { "Draghi", "Q57661" },
};
static const char *const span_labels[] = { "Actor/State", "Actor/Person", "Claim", "Commitment", "Place" };

/* A span's uuid: every one when @all_uuids, else a few left for the import to make. */
static char *
span_uuid (guint document, guint index, gboolean all_uuids)
{
  /* The second document repeats a span of the first: the import keeps the first only. */
  if (document == 1 && index == 0)
    document = 0;
  if (!all_uuids && index % 7 == 3)
    return NULL;
  return g_strdup_printf ("8a1f3c2e-%04x-4000-8000-%012x", document, index);
}

static void
fill_span (HshBundle *bundle, HshSpan *span, guint document, guint index, gboolean all_uuids)
{
  span->uuid = span_uuid (document, index, all_uuids);
  if (index % 4 != 3)
    {
      span->annotator = g_strdup (coders[index % 2][1]);
      span->annotator_uuid = g_strdup (coders[index % 2][0]);
    }
  if (index % 3 == 0)
    {
      hsh_span_set_attribute (span, "status", index % 2 ? "pledged" : "fulfilled");
      hsh_span_set_attribute (span, "quantity", "300");
      hsh_span_set_attribute (span, "confidence", "high");   /* no codebook has it: created */
    }
  if (index % 9 == 0)
    span->note = g_strdup_printf ("ملاحظة %u\n\"quoted\"", index);
  if (g_str_has_prefix (span->label, "Actor"))
    {
      span->actor = g_strdup (actors[index % G_N_ELEMENTS (actors)][0]);
      span->actor_wikidata = g_strdup (actors[index % G_N_ELEMENTS (actors)][1]);
    }
  span->gold = index % 11 == 0;
  if (index % 13 == 5)
    {
      hsh_span_add_range (span, 0, 3);
      g_free (span->text);
      span->text = hsh_span_covered_text (span, bundle->text);
    }
}

static HshBundle *
rich_bundle (guint document, guint spans, gboolean all_uuids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf ("تقرير %u", document + 1);
  HshBundle *bundle;

  g_string_append_printf (text, "تقرير رقم %u\n", document + 1);
  for (guint i = 0; i < spans; i++)
    g_string_append_printf (text, "قال «ماكرون» إن القوات الشرقية ستسحب %u مرتزق. ", 300 + i);
  bundle = hsh_bundle_new (title, text->str);
  bundle->uuid = g_strdup_printf ("8a1f3c2e-%04x-4000-8000-ffffffffffff", document);
  bundle->source = g_strdup_printf ("news/%05u.txt", document + 1);
  bundle->language = g_strdup ("ar");
  g_hash_table_insert (bundle->metadata, g_strdup ("outlet"), g_strdup ("الوسط"));
  g_hash_table_insert (bundle->metadata, g_strdup ("date"), g_strdup ("2021-11-12"));
  for (guint i = 0; i < spans; i++)
    {
      g_autofree char *key = g_strdup_printf ("T%u", i + 1);
      gint64 start = 10 + 45 * (gint64) i;
      HshSpan *span = hsh_bundle_add_span (bundle, key, span_labels[i % G_N_ELEMENTS (span_labels)],
                                           start, start + 5 + i % 9);
      fill_span (bundle, span, document, i, all_uuids);
    }
  for (guint i = 2; i < spans; i += 5)
    {
      g_autofree char *claim = g_strdup_printf ("T%u", i + 1);
      g_autofree char *speaker = g_strdup_printf ("T%u", i);
      g_autofree char *target = g_strdup_printf ("T%u", i - 1);
      hsh_bundle_add_role (bundle, claim, "speaker", speaker);
      hsh_bundle_add_role (bundle, claim, "about", target);   /* no codebook has it: created */
    }
  return bundle;
}

static const char doccano_lines[] =
  "{\"id\": 17, \"text\": \"Macron met Draghi in Paris.\", \"meta\": {\"outlet\": \"AFP\", \"year\": 2021, \"tags\": [\"eu\", 1]}, "
  "\"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 6, \"label\": \"Actor/Person\"}, "
  "{\"id\": 2, \"start_offset\": 11, \"end_offset\": 17, \"label\": \"PERSON\"}], "
  "\"relations\": [{\"id\": 1, \"from_id\": 1, \"to_id\": 2, \"type\": \"met\"}]}\n"
  "{\"text\": \"اتفاق وقف إطلاق النار\", \"label\": [[0, 5, \"Claim\"], \"positive\", \"news\"]}\n"
  "{\"text\": \"Macron met Draghi in Paris.\", \"label\": [[0, 6, \"Actor\"]]}\n";

/* Hashiya JSONL of @documents rich documents (the last repeating the first's text), doccano
 * lines after them unless @all_uuids, then @tail (may be NULL). */
static char *
write_rich_corpus (const char *dir, const char *name, guint documents, gboolean all_uuids, const char *tail)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) data = NULL;
  g_autofree char *written = NULL;

  for (guint d = 0; d + 1 < documents; d++)
    g_ptr_array_add (bundles, rich_bundle (d, 30, all_uuids));
  g_ptr_array_add (bundles, rich_bundle (0, 30, all_uuids));
  g_assert_true (hsh_format_jsonl.write (bundles, path, NULL, &error));
  g_assert_no_error (error);
  data = g_string_new ((written = hsh_test_read_file (path)));
  if (!all_uuids)
    g_string_append (data, doccano_lines);
  if (tail != NULL)
    g_string_append (data, tail);
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));
  return path;
}

static HshStore *
new_project (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  HshStore *store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (hsh_store_set_annotator (store, "8a1f3c2e-0000-4000-8000-0000000000cc", "Layla", &error));
  g_assert_true (hsh_store_install_default_codebook (store, &error));
  return store;
}

/* The old way: every document read and checked, then all imported. */
static void
import_read_first (HshStore *store, const char *path, HshImportSummary *summary)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_format_jsonl.read (path, bundles, NULL, &error));
  g_assert_true (hsh_store_import_bundles (store, bundles, summary, NULL, &error));
  g_assert_no_error (error);
}

static void
import_streamed (HshStore *store, const char *path, HshImportSummary *summary)
{
  const char *const paths[] = { path, NULL };
  const HshFormat *const formats[] = { &hsh_format_jsonl };
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_store_import_files (store, paths, formats, summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_summaries_equal (const HshImportSummary *a, const HshImportSummary *b)
{
  g_assert_cmpuint (a->documents, ==, b->documents);
  g_assert_cmpuint (a->duplicates, ==, b->duplicates);
  g_assert_cmpuint (a->annotations, ==, b->annotations);
  g_assert_cmpuint (a->role_links, ==, b->role_links);
}

static char *
export_jsonl (HshStore *store, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_store_export (store, &hsh_format_jsonl, NULL, HSH_LAYER_ALL, path, NULL, NULL, &error));
  g_assert_no_error (error);
  return hsh_test_read_file (path);
}

/* Every row of the project's own tables, in id order, but for what no two imports share: the
 * UUIDs an import makes up and the times it ran. */
static char *
project_rows (HshStore *store)
{
  static const char *const tables[] = {
    "document", "label", "attribute_def", "role_def", "actor", "annotator", "annotation",
    "attribute_value", "role_link", "note",
  };
  GString *rows = g_string_new (NULL);
  sqlite3 *db = hsh_store_get_db (store);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (rows, "%s\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *column = sqlite3_column_name (stmt, c);
              if (!g_str_equal (column, "uuid") && !g_str_equal (column, "created") && !g_str_equal (column, "modified"))
                g_string_append_printf (rows, "%s=%s\t", column, (const char *) sqlite3_column_text (stmt, c));
            }
          g_string_append_c (rows, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (rows, FALSE);
}

static void
assert_imports_alike (const char *dir, const char *corpus, gboolean compare_exports)
{
  g_autoptr(HshStore) read_first = new_project (dir, "read-first.hashiya");
  g_autoptr(HshStore) streamed = new_project (dir, "streamed.hashiya");
  HshImportSummary a, b;

  /* Twice: the second time every document and annotation is already there. */
  for (guint round = 0; round < 2; round++)
    {
      import_read_first (read_first, corpus, &a);
      import_streamed (streamed, corpus, &b);
      assert_summaries_equal (&a, &b);
      if (round == 0)
        g_assert_cmpuint (b.duplicates, >, 0);
      else
        g_assert_cmpuint (b.documents, ==, 0);
    }
  if (compare_exports)
    {
      g_autofree char *expected = export_jsonl (read_first, dir, "read-first.jsonl");
      g_autofree char *actual = export_jsonl (streamed, dir, "streamed.jsonl");
      g_assert_cmpstr (actual, ==, expected);
    }
  {
    g_autofree char *expected = project_rows (read_first);
    g_autofree char *actual = project_rows (streamed);
    g_assert_cmpstr (actual, ==, expected);
  }
}

static void
test_streamed_jsonl_stores_what_reading_first_stored (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *corpus = write_rich_corpus (dir, "corpus.jsonl", 40, TRUE, NULL);

  assert_imports_alike (dir, corpus, TRUE);
}

static void
test_streamed_doccano_and_uuidless_spans_store_alike (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *corpus = write_rich_corpus (dir, "mixed.jsonl", 25, FALSE, NULL);

  assert_imports_alike (dir, corpus, FALSE);
}

/* Opens @path, imports @files (@formats[i] reading each) and expects the import to fail with a
 * message naming @culprit and holding @expected; the project is closed again. */
static void
assert_import_refused (const char *path, const char *const *files, const HshFormat *const *formats,
                       const char *culprit, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  /* A page cache of a few pages makes even this import spill into the write-ahead log before it
   * fails, as a large corpus does. */
  g_assert_cmpint (sqlite3_exec (hsh_store_get_db (store), "PRAGMA cache_size = 8", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (hsh_store_import_files (store, files, formats, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, culprit));
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_late_bad_jsonl_line_imports_nothing (void)
{
  static const char *const bad_lines[][2] = {
    { "{\"text\": \"قصير\", \"label\": [[1, 9, \"X\"]]}\n", "line 61: annotation T1: offsets 1–9 are outside the 4-character text" },
    { "{\"text\": \"broken\", \"label\": [[0, 2,, \"X\"]]}\n", "line 61, column 36: malformed JSON" },
    { "{\"text\": \"caf\xe9\"}\n", "line 61, column 1: malformed JSON: JSON data must be UTF-8 encoded" },
  };
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *project = g_build_filename (dir, "p.hashiya", NULL);
  g_autofree char *text = write_file (dir, "a.txt", arabic, strlen (arabic));
  const HshFormat *const formats[] = { hsh_format_lookup ("text"), &hsh_format_jsonl };

  /* A project with its codebook, closed again so that its file settles. */
  g_object_unref (new_project (dir, "p.hashiya"));
  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.jsonl", i);
      g_autofree char *corpus = write_rich_corpus (dir, name, 60, TRUE, bad_lines[i][0]);
      const char *const files[] = { text, corpus, NULL };
      g_autofree char *before = hsh_test_file_sha256 (project);
      g_autofree char *after = NULL;
      g_autoptr(HshStore) store = NULL;
      g_autoptr(GPtrArray) documents = NULL;

      assert_import_refused (project, files, formats, corpus, bad_lines[i][1]);
      after = hsh_test_file_sha256 (project);
      g_assert_cmpstr (after, ==, before);
      store = hsh_store_open (project, HSH_STORE_OPEN_DEFAULT, NULL);
      documents = hsh_store_list_documents (store, NULL);
      g_assert_cmpuint (documents->len, ==, 0);
    }
}

typedef struct {
  double        last;
  GCancellable *cancellable;   /* cancelled halfway, when set */
} Progress;

static void
follow_progress (double fraction, gpointer data)
{
  Progress *progress = data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  if (fraction >= 0.5 && progress->cancellable != NULL)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_streamed_import_reports_progress_and_can_be_cancelled (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *corpus = write_rich_corpus (dir, "corpus.jsonl", 50, TRUE, NULL);
  g_autoptr(HshStore) store = new_project (dir, "p.hashiya");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *const paths[] = { corpus, NULL };
  const HshFormat *const formats[] = { &hsh_format_jsonl };
  Progress progress = { 0, cancellable };

  g_assert_false (hsh_store_import_files (store, paths, formats, NULL, cancellable, follow_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, <, 1.0);
  documents = hsh_store_list_documents (store, NULL);
  g_assert_cmpuint (documents->len, ==, 0);

  progress = (Progress) { 0, NULL };
  g_clear_error (&error);
  g_assert_true (hsh_store_import_files (store, paths, formats, NULL, NULL, follow_progress, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/text/reads-utf8-and-strips-bom", test_reads_utf8_and_strips_bom);
  g_test_add_func ("/import/text/turns-crlf-and-cr-into-lf", test_turns_crlf_and_cr_into_lf);
  g_test_add_data_func ("/import/text/reads-utf16le-with-bom", "UTF-16LE", test_reads_utf16_with_bom);
  g_test_add_data_func ("/import/text/reads-utf16be-with-bom", "UTF-16BE", test_reads_utf16_with_bom);
  g_test_add_func ("/import/text/keeps-marks-diacritics-and-tatweel", test_keeps_marks_diacritics_and_tatweel);
  g_test_add_func ("/import/text/refuses-invalid-utf8-with-line-and-offset", test_refuses_invalid_utf8_with_line_and_offset);
  g_test_add_func ("/import/text/refuses-utf16-without-bom", test_refuses_utf16_without_bom);
  g_test_add_func ("/import/store/failed-import-leaves-project-as-it-was", test_failed_import_leaves_project_as_it_was);
  g_test_add_func ("/import/store/same-text-twice-is-one-document", test_same_text_twice_is_one_document);
  g_test_add_func ("/import/store/imports-news-corpus-folder", test_imports_news_corpus_folder);
  g_test_add_func ("/import/jsonl/streamed-stores-what-reading-first-stored",
                   test_streamed_jsonl_stores_what_reading_first_stored);
  g_test_add_func ("/import/jsonl/streamed-doccano-and-uuidless-spans-store-alike",
                   test_streamed_doccano_and_uuidless_spans_store_alike);
  g_test_add_func ("/import/jsonl/late-bad-line-imports-nothing", test_late_bad_jsonl_line_imports_nothing);
  g_test_add_func ("/import/jsonl/reports-progress-and-can-be-cancelled",
                   test_streamed_import_reports_progress_and_can_be_cancelled);
  return g_test_run ();
}
