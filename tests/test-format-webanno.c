/* test-format-webanno.c: WebAnno TSV 3.3 export against INCEpTION's reference files. */
#include "hsh-format-webanno.h"
#include "hsh-test-support.h"

#include <json-glib/json-glib.h>
#include <string.h>

static char *
write_tsv (HshBundle *bundle, const HshExportOptions *options)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "out.tsv", NULL);

  g_ptr_array_add (bundles, bundle);
  g_assert_true (hsh_format_webanno.write (bundles, path, options, &error));
  g_assert_no_error (error);
  return hsh_test_read_file (path);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected “%s” in:\n%s", needle, haystack);
}

static void
test_matches_arabic_reference (void)
{
  g_autoptr(HshBundle) bundle = hsh_test_arabic_synthetic_bundle ();
  g_autofree char *reference_path = hsh_test_shared_path ("formats/arabic-synthetic/webanno_ar.tsv");
  g_autofree char *reference = hsh_test_read_file (reference_path);
  g_autofree char *out = write_tsv (bundle, NULL);

  /* Byte for byte: UTF-16 offsets past the emoji, the right-to-left mark left between tokens,
   * the multi-token date with its [1], and «محمَّد» as sub-token 4-3.1 of «ومحمَّد». */
  g_assert_cmpstr (out, ==, reference);
}

static void
test_counts_utf16_units (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("emoji", "I like it 😊 .");
  g_autofree char *out = NULL;

  hsh_bundle_add_span (bundle, "a", "Smiley", 10, 11);
  hsh_bundle_add_span (bundle, "b", "Stop", 12, 13);
  out = write_tsv (bundle, NULL);
  /* As in INCEpTION's testSentenceWithEmoji: the emoji is two units, 10-12. */
  assert_contains (out, "#Text=I like it 😊 .\n1-1\t0-1\tI\t_\t_\t\n");
  assert_contains (out, "1-4\t10-12\t😊\t*\tSmiley\t\n1-5\t13-14\t.\t*\tStop\t\n");
}

static void
test_stacks_multi_token_spans (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("stacked", "This is a test .");
  g_autofree char *out = NULL;

  hsh_bundle_add_span (bundle, "a", "PERSON", 0, 16);
  hsh_bundle_add_span (bundle, "b", "LOCATION", 0, 16);
  out = write_tsv (bundle, NULL);
  /* testMultiTokenStackedSpanWithFeatureValue, with the identifier column in front. */
  assert_contains (out, "1-1\t0-4\tThis\t*[1]|*[2]\tPERSON[1]|LOCATION[2]\t\n");
  assert_contains (out, "1-5\t15-16\t.\t*[1]|*[2]\tPERSON[1]|LOCATION[2]\t\n");
}

static void
test_escapes_reserved_characters (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("escapes", "This is\ta test\\ .");
  g_autofree char *reference_path = hsh_test_shared_path ("formats/webanno-tsv3/testTokenBoundedSpanWithSpecialSymbolsValue.tsv");
  g_autofree char *reference = hsh_test_read_file (reference_path);
  g_auto(GStrv) lines = g_strsplit (reference, "\n", -1);
  g_autofree char *out = NULL;
  HshSpan *span;

  span = hsh_bundle_add_span (bundle, "a", "Span", 0, 4);
  /* The value INCEpTION's test stores, whose escaped form its reference.tsv shows. */
  hsh_span_set_attribute (span, "value", "#*'\"`´\t:;{}|[ ]()\\§$%?=&_\n");
  out = write_tsv (bundle, NULL);
  g_assert_true (g_str_has_prefix (lines[5], "1-1\t0-4\tThis\t"));
  assert_contains (out, lines[5] + strlen ("1-1\t0-4\tThis\t"));
  assert_contains (out, "#Text=This is\\ta test\\\\ .\n");
  assert_contains (out, "1-5\t14-15\t\\\\\t_\t_\t_\t\n");
}

static void
test_writes_role_links (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("roles", "This is a test .");
  g_autofree char *out = NULL;

  hsh_bundle_add_span (bundle, "claim", "Claim", 0, 7);
  hsh_bundle_add_span (bundle, "actor", "Actor", 8, 14);
  hsh_bundle_add_role (bundle, "claim", "speaker", "actor");
  out = write_tsv (bundle, NULL);
  /* Like testSingleNonMultiTokenRelationWithoutFeatureValue: the link sits on the row of the
   * span filling the role, pointing at the first row of the span that has it. */
  assert_contains (out, "#T_RL=webanno.custom.HashiyaRole|role|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\n\n");
  assert_contains (out, "1-1\t0-4\tThis\t*[1]\tClaim[1]\t_\t_\t\n");
  assert_contains (out, "1-3\t8-9\ta\t*[2]\tActor[2]\tspeaker\t1-1[1_2]\t\n");
  assert_contains (out, "1-5\t15-16\t.\t_\t_\t_\t_\t\n");
}

static void
test_writes_attributes_and_wikidata (void)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new ("attributes", "تعهد ماكرون بسحب 300 جندي");
  g_autofree char *out = NULL;
  HshSpan *actor, *commitment;

  actor = hsh_bundle_add_span (bundle, "a", "Actor/Person", 5, 11);
  actor->actor = g_strdup ("Emmanuel Macron");
  actor->actor_wikidata = g_strdup ("Q3052772");
  commitment = hsh_bundle_add_span (bundle, "c", "Commitment", 12, 25);
  hsh_span_set_attribute (commitment, "status", "pledged");
  hsh_span_set_attribute (commitment, "quantity", "300");
  out = write_tsv (bundle, NULL);
  assert_contains (out, "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value|quantity|status\n");
  assert_contains (out, "1-2\t5-11\tماكرون\tQ3052772\tActor/Person\t*\t*\t\n");
  assert_contains (out, "1-3\t12-16\tبسحب\t*[1]\tCommitment[1]\t300[1]\tpledged[1]\t\n");
}

static void
record_progress (double fraction, gpointer data)
{
  *(double *) data = fraction;
}

static void
test_honours_filters_and_writes_folders (void)
{
  g_autoptr(HshBundle) one = hsh_bundle_new ("خبر/1", "Macron met Tebboune");
  g_autoptr(HshBundle) two = hsh_bundle_new ("خبر/1", "Tebboune replied");
  g_autoptr(GPtrArray) bundles = g_ptr_array_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *folder = g_build_filename (dir, "corpus", NULL);
  g_autofree char *first = g_build_filename (folder, "خبر_1.tsv", NULL);
  g_autofree char *second = g_build_filename (folder, "خبر_1-2.tsv", NULL);
  g_autofree char *out = NULL;
  const char *const annotators[] = { "amina", NULL };
  double progress = 0;
  HshExportOptions options = { .annotators = annotators, .progress = record_progress, .progress_data = &progress };
  HshSpan *span;

  span = hsh_bundle_add_span (one, "a", "Actor", 0, 6);
  span->annotator = g_strdup ("amina");
  hsh_bundle_add_span (one, "b", "Actor", 11, 19)->annotator = g_strdup ("omar");
  g_ptr_array_add (bundles, one);
  g_ptr_array_add (bundles, two);
  g_assert_true (hsh_format_webanno.write (bundles, folder, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress, ==, 1.0);
  out = hsh_test_read_file (first);
  assert_contains (out, "1-1\t0-6\tMacron\t*\tActor\t\n1-2\t7-10\tmet\t_\t_\t\n1-3\t11-19\tTebboune\t_\t_\t\n");
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));

  g_cancellable_cancel (cancellable);
  options = (HshExportOptions) { .cancellable = cancellable };
  g_assert_false (hsh_format_webanno.write (bundles, dir, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/webanno/matches-the-arabic-reference", test_matches_arabic_reference);
  g_test_add_func ("/format/webanno/counts-offsets-in-utf16-units", test_counts_utf16_units);
  g_test_add_func ("/format/webanno/stacks-and-numbers-multi-token-spans", test_stacks_multi_token_spans);
  g_test_add_func ("/format/webanno/escapes-reserved-characters", test_escapes_reserved_characters);
  g_test_add_func ("/format/webanno/writes-role-links-on-the-filler", test_writes_role_links);
  g_test_add_func ("/format/webanno/writes-attributes-and-wikidata-ids", test_writes_attributes_and_wikidata);
  g_test_add_func ("/format/webanno/honours-filters-and-writes-a-folder", test_honours_filters_and_writes_folders);
  return g_test_run ();
}
