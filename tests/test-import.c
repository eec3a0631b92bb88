/* test-import.c: plain-text import — encodings, line ends, refusals — and its all-or-nothing rule. */
#include <string.h>
#include "hsh-format-plain.h"
#include "hsh-model.h"
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
  return g_test_run ();
}
