/* test-format-conll.c: CoNLL IOB2 export and import, on fixtures, real corpora and bad input. */
#include "hsh-format-conll.h"
#include "hsh-test-support.h"
#include "hsh-text.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Entity counts of the corpora, counted outside Hashiya with Python: a chunk begins at every
 * B-/S-/U- tag and at an I- tag whose type differs from the previous token's (conlleval's
 * rule), the type being what follows the prefix and its hyphens, in a Python one-liner over
 *   the 28 files of corpora/aqmar/conll → 5923 (5854 B- tags),
 *   over corpora/newsfane_gold/NewsFANE_Gold_2014_170K.txt (TAB-separated) → 11423 (11419 B-).
 * AQMAR's derived_brat has 5922 because its script also rewrites the label typo "B-MIS1`" as
 * MIS1, which joins it to the I-MIS1 after it; Hashiya keeps labels as written. NewsFANE has
 * 4,759 sentence separators and 4,760 sentences: the last one ends with the file. */
#define AQMAR_ENTITIES     5923
#define AQMAR_DOCUMENTS    28
#define NEWSFANE_ENTITIES  11423
#define NEWSFANE_SENTENCES 4760
#define NEWSFANE_LRM       152599

static GPtrArray *
bundle_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
}

static char *
write_to_scratch (HshBundle *bundle, const HshExportOptions *options)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hsh_test_scratch_dir ();
  char *path = g_build_filename (dir, "out.conll", NULL);

  g_ptr_array_add (bundles, bundle);
  g_assert_true (hsh_format_conll.write (bundles, path, options, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_splits_clitics (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("clitic", "قالت والجزائر تدعم الاتفاق.\n");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  hsh_bundle_add_span (bundle, "T1", "Actor/State", 6, 13);
  path = write_to_scratch (bundle, NULL);
  out = hsh_test_read_file (path);
  g_assert_cmpstr (out, ==, "-DOCSTART-\tO\n\n"
                            "قالت\tO\nو\tO\nالجزائر\tB-Actor/State\nتدعم\tO\nالاتفاق\tO\n.\tO\n\n");
}

static void
test_round_trips_spans (void)
{
  const char *text = "زار أحمد القاهرة يوم 12 مارس .\nشكرا يا سارة .\n";
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("trip", text);
  g_autoptr(GPtrArray) read = bundle_list ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HshBundle *back;

  hsh_bundle_add_span (bundle, "a", "Actor/Person", 4, 8);
  hsh_bundle_add_span (bundle, "b", "Place", 9, 16);
  hsh_bundle_add_span (bundle, "c", "Time", 21, 28);
  hsh_bundle_add_span (bundle, "d", "Actor/Person", 39, 43);
  path = write_to_scratch (bundle, NULL);
  g_assert_true (hsh_format_conll.read (path, read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  back = g_ptr_array_index (read, 0);
  g_assert_cmpstr (back->text, ==, text);
  g_assert_cmpuint (back->spans->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      HshSpan *a = g_ptr_array_index (bundle->spans, i), *b = g_ptr_array_index (back->spans, i);
      HshRange *ra = &g_array_index (a->ranges, HshRange, 0), *rb = &g_array_index (b->ranges, HshRange, 0);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpint (ra->start, ==, rb->start);
      g_assert_cmpint (ra->end, ==, rb->end);
      g_assert_cmpstr (a->text, ==, b->text);
    }
}

static void
test_outermost_span_wins (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("nested", "وزير خارجية فرنسا وصل\n");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  hsh_bundle_add_span (bundle, "inner", "Actor/State", 12, 17);
  hsh_bundle_add_span (bundle, "outer", "Actor/Person", 0, 17);
  path = write_to_scratch (bundle, NULL);
  out = hsh_test_read_file (path);
  g_assert_cmpstr (out, ==, "-DOCSTART-\tO\n\nوزير\tB-Actor/Person\nخارجية\tI-Actor/Person\n"
                            "فرنسا\tI-Actor/Person\nوصل\tO\n\n");
}

/* Writes @conll with its tag doubled, as gold and guess, for conlleval; returns the file. */
static char *
write_conlleval_input (const char *conll, const char *dir)
{
  g_autoptr(GString) doubled = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (conll, "\n", -1);
  char *input = g_build_filename (dir, "conlleval-input.txt", NULL);

  for (guint i = 0; lines[i] != NULL && (lines[i][0] != '\0' || lines[i + 1] != NULL); i++)
    {
      const char *tab = strrchr (lines[i], '\t');
      g_string_append (doubled, lines[i]);
      if (tab != NULL)
        g_string_append_printf (doubled, "\t%s", tab + 1);
      g_string_append_c (doubled, '\n');
    }
  g_assert_true (g_file_set_contents (input, doubled->str, -1, NULL));
  return input;
}

static char *
run_command (const char *command)
{
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

static char *
run_conlleval_pl (const char *perl, const char *input)
{
  g_autofree char *script = hsh_test_shared_path ("formats/conll/conlleval.pl");
  g_autofree char *command = g_strdup_printf ("sh -c '%s %s -d \"\\t\" < %s'", perl, script, input);
  return run_command (command);
}

/* conlleval.py is Python 2 code whose report crashes under Python 3, but its evaluate() runs:
 * ask it for the counts. */
static char *
run_conlleval_py (const char *python, const char *input)
{
  g_autofree char *dir = hsh_test_shared_path ("formats/conll");
  g_autofree char *command = g_strdup_printf (
    "%s -B -c 'import sys; sys.path.insert(0, \"%s\"); import conlleval as c; "
    "n = c.evaluate(open(\"%s\", encoding=\"utf-8\"), c.parse_args([])); "
    "print(\"found: %%d phrases; correct: %%d.\" %% (n.found_guessed, n.correct_chunk))'",
    python, dir, input);
  return run_command (command);
}

static void
test_passes_conlleval (void)
{
  g_autoptr(HshBundle) bundle = hsh_test_arabic_synthetic_bundle ();
  g_autoptr(HshBundle) clitic = hsh_bundle_new ("clitic", "قالت والجزائر تدعم الاتفاق.\n");
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "out.conll", NULL);
  g_autofree char *out = NULL;
  g_autofree char *input = NULL;
  g_autofree char *perl = g_find_program_in_path ("perl");
  g_autofree char *python = g_find_program_in_path ("python3");

  hsh_bundle_add_span (clitic, "T1", "Actor/State", 6, 13);
  g_ptr_array_add (bundles, bundle);
  g_ptr_array_add (bundles, clitic);
  g_assert_true (hsh_format_conll.write (bundles, path, NULL, &error));
  out = hsh_test_read_file (path);
  /* The entity glued to its clitic is a token of its own. */
  g_assert_nonnull (strstr (out, "و\tO\n\u0645\u062D\u0645\u0651\u064E\u062F\tB-PER\n"));
  if (perl == NULL && python == NULL)
    {
      g_test_skip ("neither perl nor python3 is installed");
      return;
    }
  input = write_conlleval_input (out, dir);
  if (perl != NULL)
    {
      g_autofree char *report = run_conlleval_pl (perl, input);
      g_assert_nonnull (strstr (report, "found: 9 phrases; correct: 9."));
      g_assert_nonnull (strstr (report, "FB1: 100.00"));
    }
  if (python != NULL)
    {
      g_autofree char *report = run_conlleval_py (python, input);
      g_assert_nonnull (strstr (report, "found: 9 phrases; correct: 9."));
    }
}

static GPtrArray *
read_ok (const char *relative)
{
  g_autofree char *path = hsh_test_shared_path (relative);
  g_autoptr(GError) error = NULL;
  GPtrArray *bundles = bundle_list ();

  g_assert_true (hsh_format_conll.read (path, bundles, NULL, &error));
  g_assert_no_error (error);
  return bundles;
}

static void
assert_arabic_entities (HshBundle *bundle)
{
  static const char *const expected[][2] = {
    { "PER", "مُحَمَّدٌ" }, { "LOC", "الرِّيَاضَ" }, { "PER", "أحمد" }, { "LOC", "القاهـــرة" },
    { "DATE", "12 مارس" }, { "PER", "سارة" }, { "PER", "\u0627\u0654\u062D\u0645\u062F" },
  };

  g_assert_cmpuint (bundle->spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      g_assert_cmpstr (span->label, ==, expected[i][0]);
      g_assert_cmpstr (span->text, ==, expected[i][1]);
    }
}

static void
test_reads_iob2_and_bilou (void)
{
  g_autoptr(GPtrArray) iob2 = read_ok ("formats/arabic-synthetic/conll_ar_IOB2.tsv");
  g_autoptr(GPtrArray) bilou = read_ok ("formats/arabic-synthetic/conll_ar_BILOU.tsv");
  HshBundle *a = g_ptr_array_index (iob2, 0), *b = g_ptr_array_index (bilou, 0);

  assert_arabic_entities (a);
  assert_arabic_entities (b);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_nonnull (strstr (a->text, "جَمِيلَةٌ .\nزار أحمد القاهـــرة يوم 12 مارس .\n"));
  g_assert_cmpstr (a->title, ==, "conll_ar_IOB2");
}

static void
test_reads_conll2003_iob1 (void)
{
  g_autoptr(GPtrArray) bundles = read_ok ("formats/conll/dkpro_conll2003_en-orig.conll");
  HshBundle *bundle = g_ptr_array_index (bundles, 0);

  g_assert_cmpuint (bundles->len, ==, 1);
  g_assert_cmpstr (bundle->text, ==, "U.N. official Ekeus heads for Baghdad .\n");
  g_assert_cmpuint (bundle->spans->len, ==, 3);
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 1))->text, ==, "Ekeus");
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 2))->label, ==, "LOC");
}

static void
test_reads_germeval_columns (void)
{
  g_autofree char *path = hsh_test_shared_path ("formats/conll/dkpro_germeval2014_test.conll");
  g_autoptr(GPtrArray) inner = bundle_list ();
  g_autoptr(GPtrArray) outer = bundle_list ();
  g_autoptr(GError) error = NULL;
  HshBundle *bundle;

  g_assert_true (hsh_conll_read_column (path, -1, inner, NULL, &error));
  g_assert_true (hsh_conll_read_column (path, 2, outer, NULL, &error));
  g_assert_no_error (error);
  bundle = g_ptr_array_index (outer, 0);
  /* The comment line and the numbering column are not text. */
  g_assert_true (g_str_has_prefix (bundle->text, "Aufgrund seiner Initiative fand 2001/2002 in Stuttgart ,"));
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 0))->text, ==, "Stuttgart");
  g_assert_cmpuint (((HshBundle *) g_ptr_array_index (inner, 0))->spans->len, <, bundle->spans->len);
}

static guint
count_spans (GPtrArray *bundles)
{
  guint n = 0;
  for (guint i = 0; i < bundles->len; i++)
    n += ((HshBundle *) g_ptr_array_index (bundles, i))->spans->len;
  return n;
}

static void
test_imports_aqmar (void)
{
  g_autoptr(GPtrArray) bundles = read_ok ("corpora/aqmar/conll");

  g_assert_cmpuint (bundles->len, ==, AQMAR_DOCUMENTS);
  g_assert_cmpuint (count_spans (bundles), ==, AQMAR_ENTITIES);
  /* derived_brat lays the same tokens out the same way: the texts must be identical. */
  for (guint i = 0; i < bundles->len; i++)
    {
      HshBundle *bundle = g_ptr_array_index (bundles, i);
      g_autofree char *name = g_strdup_printf ("corpora/aqmar/derived_brat/%s.txt", bundle->title);
      g_autofree char *path = hsh_test_shared_path (name);
      g_autofree char *derived = hsh_test_read_file (path);

      g_assert_cmpstr (bundle->text, ==, derived);
      g_assert_true (hsh_bundle_validate (bundle, bundle->title, NULL));
    }
}

static guint
count_char (const char *text, gunichar wanted)
{
  guint n = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) == wanted;
  return n;
}

static void
test_imports_newsfane (void)
{
  g_autoptr(GPtrArray) bundles = read_ok ("corpora/newsfane_gold/NewsFANE_Gold_2014_170K.txt");
  HshBundle *bundle = g_ptr_array_index (bundles, 0);
  HshSpan *first;

  g_assert_cmpuint (bundles->len, ==, 1);
  g_assert_cmpuint (bundle->spans->len, ==, NEWSFANE_ENTITIES);
  g_assert_cmpuint (count_char (bundle->text, '\n'), ==, NEWSFANE_SENTENCES);
  /* Text is frozen: every left-to-right mark stays, no BOM, no CR. */
  g_assert_cmpuint (count_char (bundle->text, 0x200E), ==, NEWSFANE_LRM);
  g_assert_null (strchr (bundle->text, '\r'));
  g_assert_true (g_str_has_prefix (bundle->text, "\u200Eفرانكفورت ( \u200Eد \u200Eب \u200Eا )"));
  first = g_ptr_array_index (bundle->spans, 0);
  g_assert_cmpstr (first->label, ==, "Population-Center");
  g_assert_cmpstr (first->text, ==, "\u200Eفرانكفورت");
  g_assert_true (hsh_bundle_validate (bundle, "NewsFANE", NULL));
}

static void
assert_refused (const char *contents, gsize length, const char *message)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.conll", NULL);
  g_autoptr(GPtrArray) bundles = bundle_list ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  g_ptr_array_add (bundles, hsh_bundle_new ("already there", "x"));
  g_assert_false (hsh_format_conll.read (path, bundles, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
  g_assert_true (strstr (error->message, "bad.conll") != NULL);
  g_assert_cmpuint (bundles->len, ==, 1);
}

static void
test_refuses_bad_input (void)
{
  const char good[] = "a\tO\nb\tB-PER\n\n";
  g_autofree char *bad_tag = g_strconcat (good, "c\tX-PER\n", NULL);
  g_autofree char *no_tag = g_strconcat (good, "c d\tO\nlonely\n", NULL);

  assert_refused (bad_tag, strlen (bad_tag), "line 4 (byte offset 13): “X-PER” is not an IOB tag");
  assert_refused (no_tag, strlen (no_tag), "line 5 (byte offset 19): expected a token and a tag");
  assert_refused ("a\tO\r\nb\tB-\r\n", 11, "line 2 (byte offset 5): “B-” is not an IOB tag");
  assert_refused ("a\tO\nb\xff\tO\n", 9, "byte offset 5: invalid UTF-8");
}

static void
record_progress (double fraction, gpointer data)
{
  *(double *) data = fraction;
}

static void
test_honours_filters_and_cancel (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("filters", "Macron met Tebboune in Algiers\n");
  const char *const labels[] = { "Actor", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "cancelled.conll", NULL);
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  double progress = 0;
  HshExportOptions options = { .labels = labels, .progress = record_progress, .progress_data = &progress };

  hsh_bundle_add_span (bundle, "a", "Actor/Person", 0, 6);
  hsh_bundle_add_span (bundle, "b", "Place", 23, 30);
  written = write_to_scratch (bundle, &options);
  out = hsh_test_read_file (written);
  g_assert_nonnull (strstr (out, "Macron\tB-Actor/Person\n"));
  g_assert_nonnull (strstr (out, "Algiers\tO\n"));
  g_assert_cmpfloat (progress, ==, 1.0);

  g_cancellable_cancel (cancellable);
  options = (HshExportOptions) { .cancellable = cancellable };
  g_ptr_array_add (bundles, bundle);
  g_assert_false (hsh_format_conll.write (bundles, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/conll/splits-clitics-at-annotation-boundaries", test_splits_clitics);
  g_test_add_func ("/format/conll/round-trips-spans-and-label-paths", test_round_trips_spans);
  g_test_add_func ("/format/conll/tags-the-outermost-of-nested-spans", test_outermost_span_wins);
  g_test_add_func ("/format/conll/output-passes-conlleval", test_passes_conlleval);
  g_test_add_func ("/format/conll/reads-iob2-and-bilou-alike", test_reads_iob2_and_bilou);
  g_test_add_func ("/format/conll/reads-conll2003-iob1", test_reads_conll2003_iob1);
  g_test_add_func ("/format/conll/reads-germeval-index-and-tag-columns", test_reads_germeval_columns);
  g_test_add_func ("/format/conll/imports-aqmar-with-its-entity-count", test_imports_aqmar);
  g_test_add_func ("/format/conll/imports-newsfane-keeping-direction-marks", test_imports_newsfane);
  g_test_add_func ("/format/conll/refuses-bad-input-with-line-and-offset", test_refuses_bad_input);
  g_test_add_func ("/format/conll/honours-label-filter-progress-and-cancel", test_honours_filters_and_cancel);
  return g_test_run ();
}
