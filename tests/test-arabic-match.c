/* test-arabic-match.c: Arabic-aware folding and mention finding, on real and synthetic Arabic. */
#include <json-glib/json-glib.h>

#include "hsh-arabic-match.h"
#include "hsh-test-support.h"
#include "hsh-text.h"

#define SAMPLE "samples/paris-libya-2021-11-12.ar.txt"
#define SYNTHETIC_TABLE "formats/arabic-synthetic/offsets_table.json"

static char *
read_shared (const char *relative)
{
  g_autofree char *path = hsh_test_shared_path (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GArray *
find (const char *text, const char *query, HshArabicFoldFlags fold_flags, HshArabicMatchFlags flags)
{
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new (text, fold_flags);
  return hsh_arabic_find_all (fold, query, flags);
}

static HshArabicHit *
hit_at (GArray *hits, guint index)
{
  return &g_array_index (hits, HshArabicHit, index);
}

/* Asserts both the offsets and the text they cover, so a wrong offset reads as a wrong word. */
static void
assert_range (const char *text, HshRange range, gint64 start, gint64 end, const char *covered)
{
  g_autofree char *slice = hsh_text_slice (text, range.start, range.end);

  g_assert_cmpint (range.start, ==, start);
  g_assert_cmpint (range.end, ==, end);
  g_assert_cmpstr (slice, ==, covered);
}

static void
assert_folds_to (const char *text, HshArabicFoldFlags flags, const char *expected)
{
  g_autofree char *folded = hsh_arabic_fold_string (text, flags);
  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_drops_harakat (void)
{
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new ("مُحَمَّدٌ", HSH_ARABIC_FOLD_DEFAULT);
  g_autofree char *folded = hsh_arabic_fold_dup_text (fold);
  HshRange whole = hsh_arabic_fold_source_range (fold, 0, 4);

  g_assert_cmpstr (folded, ==, "محمد");
  g_assert_cmpint (whole.start, ==, 0);
  g_assert_cmpint (whole.end, ==, 9);
}

static void
test_fold_drops_tatweel (void)
{
  assert_folds_to ("القاهـــرة", HSH_ARABIC_FOLD_DEFAULT, "القاهرة");
}

static void
test_fold_ignores_direction_marks_and_joiners (void)
{
  assert_folds_to ("القا\u200Fهرة", HSH_ARABIC_FOLD_DEFAULT, "القاهرة");
  assert_folds_to ("\u2067ليبيا\u2069 \u200Eو\u200Dتركيا\u061C", HSH_ARABIC_FOLD_DEFAULT, "ليبيا وتركيا");
  assert_folds_to ("\u202Bم\u00ADصر\u202C\u200C", HSH_ARABIC_FOLD_DEFAULT, "مصر");
}

static void
test_fold_unifies_alef_forms (void)
{
  assert_folds_to ("أحمد إيطاليا آمال ٱلله", HSH_ARABIC_FOLD_DEFAULT, "احمد ايطاليا امال الله");
}

static void
test_fold_reads_decomposed_hamza_as_alef (void)
{
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new ("\u0627\u0654حمد", HSH_ARABIC_FOLD_DEFAULT);
  HshRange alef = hsh_arabic_fold_source_range (fold, 0, 1);

  assert_folds_to ("\u0627\u0654حمد", HSH_ARABIC_FOLD_DEFAULT, "احمد");
  assert_folds_to ("\u0627\u0655يطاليا", HSH_ARABIC_FOLD_DEFAULT, "ايطاليا");
  g_assert_cmpint (alef.end, ==, 2);
}

static void
test_fold_reads_arabic_indic_digits_as_western (void)
{
  assert_folds_to ("١٢ نوفمبر ۲۰۲۱", HSH_ARABIC_FOLD_DEFAULT, "12 نوفمبر 2021");
}

static void
test_fold_reads_alef_maqsura_as_yeh (void)
{
  g_autofree char *maqsura = hsh_arabic_fold_string ("مصطفى", HSH_ARABIC_FOLD_DEFAULT);
  g_autofree char *yeh = hsh_arabic_fold_string ("مصطفي", HSH_ARABIC_FOLD_DEFAULT);

  g_assert_cmpstr (maqsura, ==, yeh);
}

static void
test_fold_keeps_teh_marbuta_unless_asked (void)
{
  assert_folds_to ("القاهرة", HSH_ARABIC_FOLD_DEFAULT, "القاهرة");
  assert_folds_to ("القاهرة", HSH_ARABIC_FOLD_TEH_MARBUTA, "القاهره");
}

static void
test_fold_keeps_hamza_seats_unless_asked (void)
{
  assert_folds_to ("مؤتمر رئيس", HSH_ARABIC_FOLD_DEFAULT, "مؤتمر رئيس");
  assert_folds_to ("مؤتمر رئيس", HSH_ARABIC_FOLD_HAMZA_SEATS, "موتمر رييس");
  /* A hamza keyed as a separate mark is the same letter as the composed one. */
  assert_folds_to ("م\u0648\u0654تمر ر\u064A\u0654يس", HSH_ARABIC_FOLD_DEFAULT, "مؤتمر رئيس");
  assert_folds_to ("م\u0648\u0654تمر", HSH_ARABIC_FOLD_HAMZA_SEATS, "موتمر");
}

static void
test_fold_case_folds_latin (void)
{
  assert_folds_to ("Emmanuel MACRON", HSH_ARABIC_FOLD_DEFAULT, "emmanuel macron");
  assert_folds_to ("Straße", HSH_ARABIC_FOLD_DEFAULT, "strasse");
}

static void
test_fold_collapses_white_space (void)
{
  assert_folds_to ("ماريو \u00A0\nدراغي", HSH_ARABIC_FOLD_DEFAULT, "ماريو دراغي");
}

static void
test_fold_maps_ends_past_marks_but_not_direction_marks (void)
{
  /* «القاهـــرة» then a right-to-left mark: the letter's end takes the tatweel, not the mark. */
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new ("القاهـــرة\u200F يوم", HSH_ARABIC_FOLD_DEFAULT);
  HshRange heh = hsh_arabic_fold_source_range (fold, 4, 5);
  HshRange word = hsh_arabic_fold_source_range (fold, 0, 7);
  HshRange after = hsh_arabic_fold_source_range (fold, 7, 7);

  g_assert_cmpint (heh.start, ==, 4);
  g_assert_cmpint (heh.end, ==, 8);
  g_assert_cmpint (word.end, ==, 10);
  g_assert_cmpint (after.start, ==, 11);
  g_assert_true (hsh_arabic_fold_is_elongated (fold, 4));
  g_assert_false (hsh_arabic_fold_is_elongated (fold, 5));
}

static void
test_match_finds_vocalised_mention_of_bare_query (void)
{
  const char *text = "قَالَ مُحَمَّدٌ إِنَّ";
  g_autoptr(GArray) hits = find (text, "محمد", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 6, 15, "مُحَمَّدٌ");
}

static void
test_match_finds_bare_mention_of_vocalised_query (void)
{
  const char *text = "قال محمد إن";
  g_autoptr(GArray) hits = find (text, "مُحَمَّدٌ", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 4, 8, "محمد");
}

static void
test_match_finds_elongated_mention (void)
{
  const char *text = "زار القاهـــرة يوم";
  g_autoptr(GArray) hits = find (text, "القاهرة", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 4, 14, "القاهـــرة");
}

static void
test_match_finds_mention_split_by_direction_mark (void)
{
  const char *text = "زار القا\u200Fهرة\u200F يوم";
  g_autoptr(GArray) hits = find (text, "القاهرة", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 4, 12, "القا\u200Fهرة");
}

static void
test_match_finds_decomposed_hamza_mention (void)
{
  const char *text = "رأى \u0627\u0654حمد";
  g_autoptr(GArray) hits = find (text, "أحمد", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 4, 9, "\u0627\u0654حمد");
}

static void
test_match_finds_arabic_indic_digits (void)
{
  const char *text = "في ١٢ نوفمبر و۱۲ ديسمبر";
  g_autoptr(GArray) hits = find (text, "12", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 2);
  assert_range (text, hit_at (hits, 0)->span, 3, 5, "١٢");
  assert_range (text, hit_at (hits, 1)->span, 14, 16, "۱۲");
  assert_range (text, hit_at (hits, 1)->clitics, 13, 14, "و");
}

static void
test_match_finds_alef_maqsura_as_yeh (void)
{
  const char *text = "قال مصطفي ثم مصطفى";
  g_autoptr(GArray) hits = find (text, "مصطفى", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 2);
  assert_range (text, hit_at (hits, 0)->span, 4, 9, "مصطفي");
  assert_range (text, hit_at (hits, 1)->span, 13, 18, "مصطفى");
}

static void
test_match_teh_marbuta_only_when_asked (void)
{
  const char *text = "وصل إلى القاهره";
  g_autoptr(GArray) strict = find (text, "القاهرة", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  g_autoptr(GArray) loose = find (text, "القاهرة", HSH_ARABIC_FOLD_TEH_MARBUTA, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (strict->len, ==, 0);
  g_assert_cmpuint (loose->len, ==, 1);
  assert_range (text, hit_at (loose, 0)->span, 8, 15, "القاهره");
}

static void
test_match_finds_mention_after_waw_clitic (void)
{
  const char *text = "رأى أحمد ومحمَّد.";
  g_autoptr(GArray) hits = find (text, "محمد", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 10, 16, "محمَّد");
  assert_range (text, hit_at (hits, 0)->clitics, 9, 10, "و");
}

static void
test_match_finds_mention_after_two_clitics (void)
{
  const char *text = "وبماكرون ولماكرون فكماكرون";
  g_autoptr(GArray) hits = find (text, "ماكرون", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 3);
  assert_range (text, hit_at (hits, 0)->clitics, 0, 2, "وب");
  assert_range (text, hit_at (hits, 0)->span, 2, 8, "ماكرون");
  assert_range (text, hit_at (hits, 1)->clitics, 9, 11, "ول");
  assert_range (text, hit_at (hits, 2)->clitics, 18, 20, "فك");
}

static void
test_match_keeps_article_when_query_has_it (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, "الجزائر", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 183, 190, "الجزائر");
  assert_range (text, hit_at (hits, 0)->clitics, 182, 183, "و");
}

static void
test_match_drops_article_when_query_lacks_it (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, "جزائر", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 185, 190, "جزائر");
  assert_range (text, hit_at (hits, 0)->clitics, 182, 185, "وال");
}

static void
test_match_finds_article_after_every_preposition (void)
{
  const char *text = "بالجزائر فالجزائر كالجزائر وبالجزائر";
  g_autoptr(GArray) hits = find (text, "الجزائر", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 4);
  assert_range (text, hit_at (hits, 0)->clitics, 0, 1, "ب");
  assert_range (text, hit_at (hits, 3)->clitics, 27, 29, "وب");
  assert_range (text, hit_at (hits, 3)->span, 29, 36, "الجزائر");
}

static void
test_match_finds_article_contracted_after_lam (void)
{
  const char *text = "شكرا للجزائر وللجزائر";
  g_autoptr(GArray) with_article = find (text, "الجزائر", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  g_autoptr(GArray) without = find (text, "جزائر", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (with_article->len, ==, 2);
  assert_range (text, hit_at (with_article, 0)->clitics, 5, 6, "ل");
  assert_range (text, hit_at (with_article, 0)->span, 6, 12, "لجزائر");
  assert_range (text, hit_at (with_article, 1)->clitics, 13, 15, "ول");
  g_assert_cmpuint (without->len, ==, 2);
  assert_range (text, hit_at (without, 0)->clitics, 5, 7, "لل");
  assert_range (text, hit_at (without, 0)->span, 7, 12, "جزائر");
}

static void
test_match_finds_mention_after_elongated_lam_and_quote (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, "الدبيبة", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 2);
  assert_range (text, hit_at (hits, 0)->span, 1297, 1304, "الدبيبة");
  assert_range (text, hit_at (hits, 0)->clitics, 1297, 1297, "");
  assert_range (text, hit_at (hits, 1)->span, 1745, 1752, "الدبيبة");
  assert_range (text, hit_at (hits, 1)->clitics, 1742, 1744, "لـ");
}

static void
test_match_reports_clitic_only_when_drawn_out (void)
{
  const char *text = "وبـ«ماكرون» ل «ماكرون»";
  g_autoptr(GArray) hits = find (text, "ماكرون", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 2);
  assert_range (text, hit_at (hits, 0)->clitics, 0, 3, "وبـ");
  assert_range (text, hit_at (hits, 0)->span, 4, 10, "ماكرون");
  assert_range (text, hit_at (hits, 1)->clitics, 15, 15, "");
  assert_range (text, hit_at (hits, 1)->span, 15, 21, "ماكرون");
}

static void
test_match_finds_both_mentions_of_macron (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, "ماكرون", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 2);
  assert_range (text, hit_at (hits, 0)->span, 2356, 2362, "ماكرون");
  assert_range (text, hit_at (hits, 1)->span, 2518, 2524, "ماكرون");
}

static void
test_match_finds_latin_whatever_the_case (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) draghi = find (text, "mario DRAGHI", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  g_autoptr(GArray) macron = find ("Macron said", "macron", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (draghi->len, ==, 1);
  assert_range (text, hit_at (draghi, 0)->span, 1123, 1135, "Mario Draghi");
  g_assert_cmpuint (macron->len, ==, 1);
  assert_range ("Macron said", hit_at (macron, 0)->span, 0, 6, "Macron");
}

static void
test_match_finds_name_of_two_words (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, " ماريو  دراغي ", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  const char *broken = "قال ماريو\nدراغي";
  g_autoptr(GArray) across = find (broken, "ماريو دراغي", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (hits->len, ==, 1);
  assert_range (text, hit_at (hits, 0)->span, 1109, 1120, "ماريو دراغي");
  g_assert_cmpuint (across->len, ==, 1);
  assert_range (broken, hit_at (across, 0)->span, 4, 15, "ماريو\nدراغي");
}

static void
test_match_refuses_mention_inside_longer_word (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) mercenary = find (text, "مرتزق", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  g_autoptr(GArray) hamad = find ("قال محمد والماكرونية", "حمد", HSH_ARABIC_FOLD_DEFAULT,
                                  HSH_ARABIC_MATCH_DEFAULT);
  g_autoptr(GArray) macron = find ("قال محمد والماكرونية", "ماكرون", HSH_ARABIC_FOLD_DEFAULT,
                                   HSH_ARABIC_MATCH_DEFAULT);

  /* «المرتزقة» and «مرتزقتها» are other words; «300 مرتزق» is the only whole one. */
  g_assert_cmpuint (mercenary->len, ==, 1);
  assert_range (text, hit_at (mercenary, 0)->span, 2401, 2406, "مرتزق");
  g_assert_cmpuint (hamad->len, ==, 0);
  g_assert_cmpuint (macron->len, ==, 0);
}

static void
test_match_without_clitics_wants_the_bare_word (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) algeria = find (text, "الجزائر", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_NO_CLITICS);
  g_autoptr(GArray) dbeibah = find (text, "الدبيبة", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_NO_CLITICS);

  g_assert_cmpuint (algeria->len, ==, 0);
  g_assert_cmpuint (dbeibah->len, ==, 2);
  assert_range (text, hit_at (dbeibah, 1)->clitics, 1745, 1745, "");
}

static void
test_match_anywhere_finds_inside_words (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, "مرتزق", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_ANYWHERE);
  const gint64 starts[] = { 1978, 2230, 2401, 2544, 2589, 2796 };

  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (starts));
  for (guint i = 0; i < hits->len; i++)
    assert_range (text, hit_at (hits, i)->span, starts[i], starts[i] + 5, "مرتزق");
}

static void
test_match_finds_every_mention_of_libya (void)
{
  g_autofree char *text = read_shared (SAMPLE);
  g_autoptr(GArray) hits = find (text, "ليبيا", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  const gint64 starts[] = { 81, 950, 1500, 2240, 3213 };

  /* «الليبيين» and «الليبي» are adjectives, not the country. */
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (starts));
  for (guint i = 0; i < hits->len; i++)
    assert_range (text, hit_at (hits, i)->span, starts[i], starts[i] + 5, "ليبيا");
  assert_range (text, hit_at (hits, 0)->clitics, 80, 81, "و");
}

static void
test_match_ignores_empty_query (void)
{
  g_autoptr(GArray) blank = find ("ليبيا", " \u200F ", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);
  g_autoptr(GArray) harakat = find ("ليبيا", "\u064E\u0651", HSH_ARABIC_FOLD_DEFAULT, HSH_ARABIC_MATCH_DEFAULT);

  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (harakat->len, ==, 0);
}

static gboolean
hits_contain (GArray *hits, gint64 start, gint64 end)
{
  for (guint i = 0; i < hits->len; i++)
    if (hit_at (hits, i)->span.start == start && hit_at (hits, i)->span.end == end)
      return TRUE;
  return FALSE;
}

/* The synthetic table's traps: full vocalisation, tatweel before a right-to-left mark, an
 * emoji outside the BMP, decomposed hamza, shadda before fatha and a glued و. */
static void
test_match_finds_every_entity_of_synthetic_table (void)
{
  g_autofree char *path = hsh_test_shared_path (SYNTHETIC_TABLE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *spans;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  spans = json_object_get_array_member (root, "spans");
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new (json_object_get_string_member (root, "text"),
                                                       HSH_ARABIC_FOLD_DEFAULT);
  g_assert_cmpuint (json_array_get_length (spans), ==, 8);
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);
      JsonArray *codepoint = json_object_get_array_member (span, "codepoint");
      g_autoptr(GArray) hits = hsh_arabic_find_all (fold, json_object_get_string_member (span, "text"),
                                                    HSH_ARABIC_MATCH_DEFAULT);

      g_assert_true (hits_contain (hits, json_array_get_int_element (codepoint, 0),
                                   json_array_get_int_element (codepoint, 1)));
    }
}

static void
test_match_finds_every_mention_in_a_megabyte (void)
{
  g_autofree char *article = read_shared (SAMPLE);
  g_autoptr(GString) text = g_string_new (NULL);
  const guint copies = 176;
  const gint64 article_length = g_utf8_strlen (article, -1);
  gint64 folded_at, searched_at;

  for (guint i = 0; i < copies; i++)
    g_string_append (text, article);
  gint64 started = g_get_monotonic_time ();
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new (text->str, HSH_ARABIC_FOLD_DEFAULT);
  folded_at = g_get_monotonic_time ();
  g_autoptr(GArray) hits = hsh_arabic_find_all (fold, "الدبيبة", HSH_ARABIC_MATCH_DEFAULT);
  searched_at = g_get_monotonic_time ();

  g_test_message ("%zu bytes, %" G_GINT64_FORMAT " code points: fold %.1f ms, search %.2f ms",
                  text->len, article_length * copies,
                  (folded_at - started) / 1000.0, (searched_at - folded_at) / 1000.0);
  g_assert_cmpuint (hits->len, ==, 2 * copies);
  assert_range (text->str, hit_at (hits, hits->len - 1)->span,
                (copies - 1) * article_length + 1745, (copies - 1) * article_length + 1752, "الدبيبة");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arabic/fold/drops-harakat", test_fold_drops_harakat);
  g_test_add_func ("/arabic/fold/drops-tatweel", test_fold_drops_tatweel);
  g_test_add_func ("/arabic/fold/ignores-direction-marks-and-joiners",
                   test_fold_ignores_direction_marks_and_joiners);
  g_test_add_func ("/arabic/fold/unifies-alef-forms", test_fold_unifies_alef_forms);
  g_test_add_func ("/arabic/fold/reads-decomposed-hamza-as-alef", test_fold_reads_decomposed_hamza_as_alef);
  g_test_add_func ("/arabic/fold/reads-arabic-indic-digits-as-western",
                   test_fold_reads_arabic_indic_digits_as_western);
  g_test_add_func ("/arabic/fold/reads-alef-maqsura-as-yeh", test_fold_reads_alef_maqsura_as_yeh);
  g_test_add_func ("/arabic/fold/keeps-teh-marbuta-unless-asked", test_fold_keeps_teh_marbuta_unless_asked);
  g_test_add_func ("/arabic/fold/keeps-hamza-seats-unless-asked", test_fold_keeps_hamza_seats_unless_asked);
  g_test_add_func ("/arabic/fold/case-folds-latin", test_fold_case_folds_latin);
  g_test_add_func ("/arabic/fold/collapses-white-space", test_fold_collapses_white_space);
  g_test_add_func ("/arabic/fold/maps-ends-past-marks-but-not-direction-marks",
                   test_fold_maps_ends_past_marks_but_not_direction_marks);
  g_test_add_func ("/arabic/match/finds-vocalised-mention-of-bare-query",
                   test_match_finds_vocalised_mention_of_bare_query);
  g_test_add_func ("/arabic/match/finds-bare-mention-of-vocalised-query",
                   test_match_finds_bare_mention_of_vocalised_query);
  g_test_add_func ("/arabic/match/finds-elongated-mention", test_match_finds_elongated_mention);
  g_test_add_func ("/arabic/match/finds-mention-split-by-direction-mark",
                   test_match_finds_mention_split_by_direction_mark);
  g_test_add_func ("/arabic/match/finds-decomposed-hamza-mention", test_match_finds_decomposed_hamza_mention);
  g_test_add_func ("/arabic/match/finds-arabic-indic-digits", test_match_finds_arabic_indic_digits);
  g_test_add_func ("/arabic/match/finds-alef-maqsura-as-yeh", test_match_finds_alef_maqsura_as_yeh);
  g_test_add_func ("/arabic/match/folds-teh-marbuta-only-when-asked", test_match_teh_marbuta_only_when_asked);
  g_test_add_func ("/arabic/match/finds-mention-after-waw-clitic", test_match_finds_mention_after_waw_clitic);
  g_test_add_func ("/arabic/match/finds-mention-after-two-clitics", test_match_finds_mention_after_two_clitics);
  g_test_add_func ("/arabic/match/keeps-article-when-query-has-it", test_match_keeps_article_when_query_has_it);
  g_test_add_func ("/arabic/match/drops-article-when-query-lacks-it",
                   test_match_drops_article_when_query_lacks_it);
  g_test_add_func ("/arabic/match/finds-article-after-every-preposition",
                   test_match_finds_article_after_every_preposition);
  g_test_add_func ("/arabic/match/finds-article-contracted-after-lam",
                   test_match_finds_article_contracted_after_lam);
  g_test_add_func ("/arabic/match/finds-mention-after-elongated-lam-and-quote",
                   test_match_finds_mention_after_elongated_lam_and_quote);
  g_test_add_func ("/arabic/match/reports-clitic-only-when-drawn-out",
                   test_match_reports_clitic_only_when_drawn_out);
  g_test_add_func ("/arabic/match/finds-both-mentions-of-macron", test_match_finds_both_mentions_of_macron);
  g_test_add_func ("/arabic/match/finds-latin-whatever-the-case", test_match_finds_latin_whatever_the_case);
  g_test_add_func ("/arabic/match/finds-name-of-two-words", test_match_finds_name_of_two_words);
  g_test_add_func ("/arabic/match/refuses-mention-inside-longer-word",
                   test_match_refuses_mention_inside_longer_word);
  g_test_add_func ("/arabic/match/without-clitics-wants-the-bare-word",
                   test_match_without_clitics_wants_the_bare_word);
  g_test_add_func ("/arabic/match/anywhere-finds-inside-words", test_match_anywhere_finds_inside_words);
  g_test_add_func ("/arabic/match/finds-every-mention-of-libya", test_match_finds_every_mention_of_libya);
  g_test_add_func ("/arabic/match/ignores-empty-query", test_match_ignores_empty_query);
  g_test_add_func ("/arabic/match/finds-every-entity-of-synthetic-table",
                   test_match_finds_every_entity_of_synthetic_table);
  g_test_add_func ("/arabic/match/finds-every-mention-in-a-megabyte",
                   test_match_finds_every_mention_in_a_megabyte);

  return g_test_run ();
}
