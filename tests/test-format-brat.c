/* test-format-brat.c: brat standoff import and export, on brat's own files and Arabic traps. */
#include "hsh-format-brat.h"
#include "hsh-test-support.h"

#include <string.h>

static GPtrArray *
bundle_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
}

static HshBundle *
read_one (const char *path)
{
  g_autoptr(GPtrArray) bundles = bundle_list ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_format_brat.read (path, bundles, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 1);
  return g_ptr_array_steal_index (bundles, 0);
}

static char *
write_one (HshBundle *bundle, const HshExportOptions *options)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *dir = hsh_test_scratch_dir ();

  g_ptr_array_add (bundles, bundle);
  g_assert_true (hsh_format_brat.write (bundles, dir, options, &error));
  g_assert_no_error (error);
  return dir;
}

/* The content of an .ann, independent of line order and of the ids brat lets a writer choose:
 * T and E keep their ids (other lines refer to them); R, A, N and # lines lose theirs. */
static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
parsed_ann (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      const char *tab = strchr (line, '\t');

      if (*line == '\0')
        continue;
      if (strchr ("RANM#", line[0]) != NULL && tab != NULL)
        g_ptr_array_add (parsed, g_strdup_printf ("%c %s", line[0] == 'M' ? 'A' : line[0], tab + 1));
      else
        g_ptr_array_add (parsed, g_strdup (line));
    }
  g_ptr_array_sort (parsed, compare_lines);
  g_ptr_array_add (parsed, NULL);
  return g_strjoinv ("\n", (char **) parsed->pdata);
}

static void
assert_same_ann (const char *expected_path, const char *written_path)
{
  g_autofree char *expected = hsh_test_read_file (expected_path);
  g_autofree char *written = hsh_test_read_file (written_path);
  g_autofree char *a = parsed_ann (expected);
  g_autofree char *b = parsed_ann (written);

  g_assert_cmpstr (b, ==, a);
}

static void
test_round_trips_brat_examples (void)
{
  static const char *const names[] = {
    "tutorials_news_000-introduction", "corpora_CoNLL-ST_2002_esp_esp.train-doc-29",
    "corpora_CoNLL-ST_2006_portuguese_bosque_train.conll-doc-12", "corpora_TDT_w078",
    "corpora_BioNLP-ST_2011_BioNLP-ST_2011_EPI_PMID-16379001", "dkpro_document0d", "edsnlp_doc-1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *relative = g_strdup_printf ("formats/brat/%s.ann", names[i]);
      g_autofree char *ann = hsh_test_shared_path (relative);
      g_autofree char *txt = g_strndup (ann, strlen (ann) - 4);
      g_autofree char *txt_path = g_strconcat (txt, ".txt", NULL);
      g_autoptr(HshBundle) bundle = read_one (ann);
      g_autofree char *dir = write_one (bundle, NULL);
      g_autofree char *written_ann = g_strdup_printf ("%s/%s.ann", dir, names[i]);
      g_autofree char *written_txt = g_strdup_printf ("%s/%s.txt", dir, names[i]);
      g_autofree char *original_text = hsh_test_read_file (txt_path);
      g_autofree char *written_text = hsh_test_read_file (written_txt);

      g_test_message ("%s", names[i]);
      assert_same_ann (ann, written_ann);
      g_assert_cmpstr (written_text, ==, original_text);
    }
}

static void
test_reads_brat_structures (void)
{
  g_autofree char *path = hsh_test_shared_path ("formats/brat/tutorials_news_000-introduction.ann");
  g_autoptr(HshBundle) bundle = read_one (path);
  HshSpan *t4 = hsh_bundle_find_span (bundle, "T4");
  HshSpan *t5 = hsh_bundle_find_span (bundle, "T5");
  HshSpan *t2 = hsh_bundle_find_span (bundle, "T2");
  HshRoleRef *giver = NULL;

  g_assert_cmpstr (g_hash_table_lookup (t4->attributes, "Mention"), ==, "Name");
  g_assert_cmpstr (g_hash_table_lookup (t4->attributes, "Individual"), ==, "true");
  g_assert_cmpstr (t2->note, ==, "100000000 USD");
  g_assert_null (t5->actor_wikidata);   /* a Wikipedia reference is kept aside, not an actor */
  for (guint i = 0; i < bundle->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (bundle->roles, i);
      if (g_str_equal (role->role, "Giver-Arg"))
        giver = role;
    }
  g_assert_nonnull (giver);
  g_assert_cmpstr (giver->source, ==, "T3");
  g_assert_cmpstr (giver->target, ==, "T1");
  g_assert_cmpstr (((HshRoleRef *) g_ptr_array_index (bundle->roles, 4))->role, ==, "Origin");
}

static void
assert_arabic_spans (HshBundle *bundle)
{
  static const struct { const char *key; gint64 start, end; } expected[] = {
    { "T1", 6, 15 }, { "T2", 22, 32 }, { "T3", 48, 52 }, { "T4", 53, 63 },
    { "T5", 69, 76 }, { "T6", 89, 93 }, { "T7", 99, 104 }, { "T8", 106, 112 },
  };

  g_assert_cmpuint (bundle->spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HshSpan *span = hsh_bundle_find_span (bundle, expected[i].key);
      HshRange *range = &g_array_index (span->ranges, HshRange, 0);
      g_autofree char *covered = hsh_span_covered_text (span, bundle->text);

      g_assert_cmpint (range->start, ==, expected[i].start);
      g_assert_cmpint (range->end, ==, expected[i].end);
      g_assert_cmpstr (span->text, ==, covered);
    }
}

static void
test_maps_crlf_offsets (void)
{
  g_autofree char *crlf = hsh_test_shared_path ("formats/arabic-synthetic/brat_ar_CRLF.ann");
  g_autofree char *lf = hsh_test_shared_path ("formats/arabic-synthetic/brat_ar_LF.ann");
  g_autoptr(HshBundle) from_crlf = read_one (crlf);
  g_autoptr(HshBundle) from_lf = read_one (lf);
  g_autofree char *dir = NULL;
  g_autofree char *written = NULL;
  HshSpan *t4;

  /* offsets_table.json: «أحمد» is 49–53 counting CRLF as two, 48–52 in the cleaned text. */
  assert_arabic_spans (from_crlf);
  assert_arabic_spans (from_lf);
  g_assert_cmpstr (from_crlf->text, ==, from_lf->text);
  g_assert_null (strchr (from_crlf->text, '\r'));
  t4 = hsh_bundle_find_span (from_crlf, "T4");
  g_assert_cmpstr (t4->note, ==, "كُتبت بالتطويل (tatweel U+0640)");
  g_assert_cmpstr (g_hash_table_lookup (hsh_bundle_find_span (from_crlf, "T1")->attributes, "Vocalised"), ==, "true");
  /* Exported, the CRLF document becomes the LF one. */
  dir = write_one (from_crlf, NULL);
  written = g_build_filename (dir, "brat_ar_CRLF.ann", NULL);
  assert_same_ann (lf, written);
}

static void
test_counts_a_bom_as_brat_does (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *counted = g_build_filename (dir, "counted.txt", NULL);
  g_autofree char *counted_ann = g_build_filename (dir, "counted.ann", NULL);
  g_autofree char *uncounted = g_build_filename (dir, "uncounted.txt", NULL);
  g_autofree char *uncounted_ann = g_build_filename (dir, "uncounted.ann", NULL);
  g_autoptr(HshBundle) a = NULL;
  g_autoptr(HshBundle) b = NULL;

  g_assert_true (g_file_set_contents (counted, "\xEF\xBB\xBFقال ماكرون\r\nثم سافر", -1, NULL));
  g_assert_true (g_file_set_contents (counted_ann, "T1\tActor 5 11\tماكرون\nT2\tEvent 16 20\tسافر\n", -1, NULL));
  g_assert_true (g_file_set_contents (uncounted, "\xEF\xBB\xBFقال ماكرون\r\nثم سافر", -1, NULL));
  g_assert_true (g_file_set_contents (uncounted_ann, "T1\tActor 4 10\tماكرون\n", -1, NULL));
  a = read_one (counted_ann);
  b = read_one (uncounted_ann);
  g_assert_cmpint (g_array_index (hsh_bundle_find_span (a, "T1")->ranges, HshRange, 0).start, ==, 4);
  g_assert_cmpint (g_array_index (hsh_bundle_find_span (a, "T2")->ranges, HshRange, 0).start, ==, 14);
  g_assert_cmpint (g_array_index (hsh_bundle_find_span (b, "T1")->ranges, HshRange, 0).start, ==, 4);
}

static HshBundle *
hashiya_bundle (void)
{
  HshBundle *bundle = hsh_bundle_new ("تصريح", "قال ماكرون إن فرنسا ستسحب 300 جندي من مالي.\nوأكدت والجزائر ذلك.\n");
  HshSpan *claim, *actor, *state;

  claim = hsh_bundle_add_span (bundle, "c1", "Claim", 14, 25);
  hsh_span_add_range (claim, 26, 34);
  g_free (claim->text);
  claim->text = hsh_span_covered_text (claim, bundle->text);
  hsh_span_set_attribute (claim, "status", "pledged");
  hsh_span_set_attribute (claim, "hedged", "true");
  hsh_span_set_attribute (claim, "source type", "official statement");
  claim->note = g_strdup ("first line\nsecond line");
  actor = hsh_bundle_add_span (bundle, "a1", "Actor/Head of State", 4, 10);
  actor->actor = g_strdup ("Emmanuel Macron");
  actor->actor_wikidata = g_strdup ("Q3052772");
  state = hsh_bundle_add_span (bundle, "a2", "Actor/State", 51, 58);
  state->actor = g_strdup ("Algeria");
  hsh_bundle_add_role (bundle, "c1", "speaker", "a1");
  hsh_bundle_add_role (bundle, "c1", "addressee", "a2");
  return bundle;
}

static void
assert_same_spans (HshBundle *a, HshBundle *b)
{
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpuint (a->spans->len, ==, b->spans->len);
  for (guint i = 0; i < a->spans->len; i++)
    {
      HshSpan *x = g_ptr_array_index (a->spans, i), *y = g_ptr_array_index (b->spans, i);
      GHashTableIter iter;
      gpointer name, value;

      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpstr (x->actor, ==, y->actor);
      g_assert_cmpstr (x->actor_wikidata, ==, y->actor_wikidata);
      g_assert_cmpuint (x->ranges->len, ==, y->ranges->len);
      for (guint r = 0; r < x->ranges->len; r++)
        {
          g_assert_cmpint (g_array_index (x->ranges, HshRange, r).start, ==, g_array_index (y->ranges, HshRange, r).start);
          g_assert_cmpint (g_array_index (x->ranges, HshRange, r).end, ==, g_array_index (y->ranges, HshRange, r).end);
        }
      g_assert_cmpuint (g_hash_table_size (x->attributes), ==, g_hash_table_size (y->attributes));
      g_hash_table_iter_init (&iter, x->attributes);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_assert_cmpstr (g_hash_table_lookup (y->attributes, name), ==, value);
    }
}

static void
test_round_trips_discontinuous_spans (void)
{
  g_autoptr(HshBundle) bundle = hashiya_bundle ();
  g_autofree char *dir = write_one (bundle, NULL);
  g_autoptr(HshBundle) back = read_one (dir);
  HshSpan *claim_back = hsh_bundle_find_span (back, "T3");
  g_autofree char *ann_path = g_build_filename (dir, "تصريح.ann", NULL);
  g_autofree char *ann = hsh_test_read_file (ann_path);

  /* Spans without a brat id are numbered in order. */
  g_assert_nonnull (strstr (ann, "T1\tClaim 14 25;26 34\tفرنسا ستسحب 300 جندي\n"));
  g_assert_nonnull (strstr (ann, "T2\tActor--Head_sp_of_sp_State 4 10\tماكرون\n"));
  g_assert_nonnull (strstr (ann, "N1\tReference T2 Wikidata:Q3052772\tEmmanuel Macron\n"));
  assert_same_spans (bundle, back);
  g_assert_nonnull (claim_back);
  g_assert_cmpuint (back->roles->len, ==, 2);
  g_assert_cmpstr (((HshRoleRef *) g_ptr_array_index (back->roles, 0))->role, ==, "speaker");
  g_assert_cmpstr (((HshRoleRef *) g_ptr_array_index (back->roles, 0))->source, ==, "T1");
  g_assert_cmpstr (((HshRoleRef *) g_ptr_array_index (back->roles, 1))->target, ==, "T3");
}

static void
test_writes_annotation_conf (void)
{
  g_autoptr(HshBundle) bundle = hashiya_bundle ();
  const char *const codebook[] = { "Actor/State", "Actor/Head of State", "Claim", "Commitment", NULL };
  HshExportOptions options = { .codebook = codebook };
  g_autofree char *dir = write_one (bundle, &options);
  g_autofree char *conf_path = g_build_filename (dir, "annotation.conf", NULL);
  g_autofree char *visual_path = g_build_filename (dir, "visual.conf", NULL);
  g_autofree char *conf = hsh_test_read_file (conf_path);
  g_autofree char *visual = hsh_test_read_file (visual_path);

  g_assert_nonnull (strstr (conf, "Unicode code points"));
  g_assert_nonnull (strstr (conf, "[entities]\n!Actor\n\tActor--State\n\tActor--Head_sp_of_sp_State\nClaim\nCommitment\n"));
  g_assert_nonnull (strstr (conf, "[relations]\nspeaker\tArg1:Claim, Arg2:Actor--Head_sp_of_sp_State\n"
                                  "addressee\tArg1:Claim, Arg2:Actor--State\n"));
  g_assert_nonnull (strstr (conf, "\n[events]\n"));
  g_assert_nonnull (strstr (conf, "hedged\tArg:Claim\n"));
  g_assert_nonnull (strstr (conf, "status\tArg:Claim, Value:pledged\n"));
  g_assert_nonnull (strstr (visual, "Actor--State | State\n"));
}

static void
assert_refused (const char *txt, const char *ann, const char *message)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *txt_path = g_build_filename (dir, "x.txt", NULL);
  g_autofree char *ann_path = g_build_filename (dir, "x.ann", NULL);
  g_autoptr(GPtrArray) bundles = bundle_list ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (txt_path, txt, -1, NULL));
  g_assert_true (g_file_set_contents (ann_path, ann, -1, NULL));
  g_assert_false (hsh_format_brat.read (dir, bundles, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
  g_assert_cmpuint (bundles->len, ==, 0);
}

static void
test_refuses_bad_input (void)
{
  const char *text = "Macron visited Algiers.\n";

  assert_refused (text, "T1\tActor 0 6\tMacron\nT2\tPlace 15 22\tAlgeria\n",
                  "x.ann line 2 (byte offset 20): T2 says “Algeria” but the text at 15–22 is “Algiers”");
  assert_refused (text, "T1\tActor 0 6\tMacron\n\nT3\tPlace 15 480\tAlgiers\n",
                  "x.ann line 3 (byte offset 21): T3: offset 480 is past the end of the 24-character text");
  assert_refused (text, "T1\tActor 0 6\tMacron\nR1\tvisits Arg1:T1 Arg2:T9\n",
                  "line 2 (byte offset 20): R1 refers to “T9”, which is not an annotation of this file");
  assert_refused (text, "T1\tActor zero 6\tMacron\n", "line 1 (byte offset 0): T1: “zero 6” is not a list of offsets");
  assert_refused (text, "Q1\tActor 0 6\tMacron\n", "“Q1” is not a brat annotation");
  assert_refused (text, "T1\tActor 0 6\tMacr\xC3\n", "x.ann: line 1, byte offset 17: invalid UTF-8");
  assert_refused ("Macr\xFFon", "", "x.txt: line 1, byte offset 4: invalid UTF-8");
}

static void
test_reads_aqmar_folder (void)
{
  g_autofree char *path = hsh_test_shared_path ("corpora/aqmar/derived_brat");
  g_autoptr(GPtrArray) bundles = bundle_list ();
  g_autoptr(GError) error = NULL;
  guint spans = 0;

  g_assert_true (hsh_format_brat.read (path, bundles, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 28);
  for (guint i = 0; i < bundles->len; i++)
    spans += ((HshBundle *) g_ptr_array_index (bundles, i))->spans->len;
  /* SOURCES.txt: 5,922 T annotations, every one checked against its text. */
  g_assert_cmpuint (spans, ==, 5922);
}

static void
record_progress (double fraction, gpointer data)
{
  *(double *) data = fraction;
}

static void
test_honours_filters_and_cancel (void)
{
  g_autoptr(HshBundle) bundle = hashiya_bundle ();
  const char *const labels[] = { "Actor", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  double progress = 0;
  HshExportOptions options = { .labels = labels, .progress = record_progress, .progress_data = &progress };
  g_autofree char *dir = write_one (bundle, &options);
  g_autoptr(HshBundle) back = read_one (dir);
  g_autofree char *cancelled = hsh_test_scratch_dir ();

  /* The claim is left out, and with it the role links it had. */
  g_assert_cmpuint (back->spans->len, ==, 2);
  g_assert_cmpuint (back->roles->len, ==, 0);
  g_assert_cmpfloat (progress, ==, 1.0);
  g_cancellable_cancel (cancellable);
  options = (HshExportOptions) { .cancellable = cancellable };
  g_ptr_array_add (bundles, bundle);
  g_assert_false (hsh_format_brat.write (bundles, cancelled, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/brat/round-trips-brats-own-examples", test_round_trips_brat_examples);
  g_test_add_func ("/format/brat/reads-events-relations-attributes-and-notes", test_reads_brat_structures);
  g_test_add_func ("/format/brat/maps-crlf-offsets-onto-the-cleaned-text", test_maps_crlf_offsets);
  g_test_add_func ("/format/brat/counts-a-bom-as-brat-does", test_counts_a_bom_as_brat_does);
  g_test_add_func ("/format/brat/round-trips-discontinuous-spans", test_round_trips_discontinuous_spans);
  g_test_add_func ("/format/brat/writes-the-codebook-to-annotation-conf", test_writes_annotation_conf);
  g_test_add_func ("/format/brat/refuses-bad-input-with-line-and-offset", test_refuses_bad_input);
  g_test_add_func ("/format/brat/reads-the-aqmar-folder", test_reads_aqmar_folder);
  g_test_add_func ("/format/brat/honours-label-filter-progress-and-cancel", test_honours_filters_and_cancel);
  return g_test_run ();
}
