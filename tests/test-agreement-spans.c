/* test-agreement-spans.c: span matching (precision, recall, F1) and spans turned into
 * character and token units, on small cases computed by hand. */
#include "hsh-agreement.h"
#include "hsh-test-support.h"

#include <math.h>

#define SPAN(s, e, l) { { (s), (e) }, (l) }

static HshSpanAgreement *
match_spans (const HshCodedSpan *reference, gsize n_reference, const HshCodedSpan *candidate,
             gsize n_candidate, HshSpanMatch match)
{
  HshCoderSpans a = { reference, n_reference }, b = { candidate, n_candidate };
  g_autoptr(GError) error = NULL;
  HshSpanAgreement *agreement = hsh_span_agreement_new (&a, &b, match, &error);

  g_assert_no_error (error);
  return agreement;
}

static const HshCodedSpan reference_spans[] = {
  SPAN (0, 5, "PER"), SPAN (10, 15, "ORG"), SPAN (20, 25, "PER"),
};
static const HshCodedSpan candidate_spans[] = {
  SPAN (0, 5, "PER"), SPAN (10, 14, "ORG"), SPAN (30, 35, "PER"),
};

static void
test_spans_exact_match (void)
{
  g_autoptr(HshSpanAgreement) agreement = match_spans (reference_spans, 3, candidate_spans, 3,
                                                       HSH_SPAN_MATCH_EXACT);
  const HshSpanScore *person = hsh_span_agreement_find (agreement, "PER");
  const HshSpanScore *organisation = hsh_span_agreement_find (agreement, "ORG");

  g_assert_cmpuint (agreement->overall.n_matched, ==, 1);
  g_assert_cmpfloat_with_epsilon (agreement->overall.precision, 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (agreement->overall.recall, 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (agreement->overall.f1, 1.0 / 3, 1e-12);
  g_assert_cmpuint (agreement->labels->len, ==, 2);
  g_assert_cmpuint (person->n_matched, ==, 1);
  g_assert_cmpfloat (person->f1, ==, 0.5);
  g_assert_cmpuint (organisation->n_matched, ==, 0);
  g_assert_cmpfloat (organisation->f1, ==, 0);
  g_assert_null (hsh_span_agreement_find (agreement, "LOC"));
}

static void
test_spans_overlap_match (void)
{
  g_autoptr(HshSpanAgreement) agreement = match_spans (reference_spans, 3, candidate_spans, 3,
                                                       HSH_SPAN_MATCH_OVERLAP);

  g_assert_cmpuint (agreement->overall.n_matched, ==, 2);
  g_assert_cmpfloat_with_epsilon (agreement->overall.f1, 2.0 / 3, 1e-12);
  g_assert_cmpuint (hsh_span_agreement_find (agreement, "ORG")->n_matched, ==, 1);
}

/* One candidate overlapping two references counts once; the larger overlap wins. */
static void
test_spans_overlap_is_one_to_one (void)
{
  const HshCodedSpan reference[] = { SPAN (0, 10, "A"), SPAN (10, 20, "A") };
  const HshCodedSpan candidate[] = { SPAN (2, 12, "A"), SPAN (0, 3, "A") };
  g_autoptr(HshSpanAgreement) agreement = match_spans (reference, 2, candidate, 2,
                                                       HSH_SPAN_MATCH_OVERLAP);
  const HshCodedSpan wide[] = { SPAN (0, 20, "A") };
  g_autoptr(HshSpanAgreement) one = match_spans (wide, 1, reference, 2, HSH_SPAN_MATCH_OVERLAP);

  /* [2,12) takes [0,10) (8 in common); [0,3) is then left with nothing: one match, not two. */
  g_assert_cmpuint (agreement->overall.n_matched, ==, 1);
  g_assert_cmpfloat (agreement->overall.precision, ==, 0.5);
  g_assert_cmpfloat (agreement->overall.recall, ==, 0.5);
  g_assert_cmpuint (one->overall.n_matched, ==, 1);
  g_assert_cmpfloat (one->overall.precision, ==, 0.5);
  g_assert_cmpfloat (one->overall.recall, ==, 1.0);
}

static void
test_spans_never_match_across_labels (void)
{
  const HshCodedSpan reference[] = { SPAN (0, 5, "PER") };
  const HshCodedSpan candidate[] = { SPAN (0, 5, "ORG") };
  g_autoptr(HshSpanAgreement) agreement = match_spans (reference, 1, candidate, 1,
                                                       HSH_SPAN_MATCH_OVERLAP);
  const HshSpanScore *person = hsh_span_agreement_find (agreement, "PER");

  g_assert_cmpuint (agreement->overall.n_matched, ==, 0);
  g_assert_cmpfloat (person->recall, ==, 0);
  g_assert_true (isnan (person->precision));
  g_assert_cmpstr (((HshSpanScore *) g_ptr_array_index (agreement->labels, 0))->label, ==, "ORG");
}

static void
test_spans_refuse_empty_span (void)
{
  const HshCodedSpan spans[] = { SPAN (4, 4, "PER") };
  HshCoderSpans a = { spans, 1 }, b = { NULL, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_null (hsh_span_agreement_new (&a, &b, HSH_SPAN_MATCH_EXACT, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_spans_of_two_silent_coders (void)
{
  g_autoptr(HshSpanAgreement) agreement = match_spans (NULL, 0, NULL, 0, HSH_SPAN_MATCH_EXACT);

  g_assert_cmpuint (agreement->labels->len, ==, 0);
  g_assert_true (isnan (agreement->overall.f1));
}

/* Coder A nests ORG inside PER; coder B marks PER only. Ten code points:
 *   A: PER PER ORG PER O O O O O O
 *   B: PER PER PER PER O O O O O O
 * P_o = 9/10; P_e = (3·4 + 1·0 + 6·6)/100 = 0.48; kappa = 0.42/0.52. */
static const HshCodedSpan nested_a[] = { SPAN (0, 4, "PER"), SPAN (2, 3, "ORG") };
static const HshCodedSpan plain_b[] = { SPAN (0, 4, "PER") };

static void
test_characters_innermost_span_wins (void)
{
  const HshCoderSpans coders[] = { { nested_a, 2 }, { plain_b, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(HshCodingData) data = hsh_coding_data_new_from_characters (coders, 2, 10, "O", &error);
  HshAgreementResult kappa;

  g_assert_no_error (error);
  g_assert_cmpuint (hsh_coding_data_get_n_categories (data), ==, 3);
  g_assert_true (hsh_cohen_kappa (data, &kappa, &error));
  g_assert_cmpuint (kappa.n, ==, 10);
  g_assert_cmpfloat_with_epsilon (kappa.observed, 0.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa.expected, 0.48, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa.value, 0.42 / 0.52, 1e-12);
}

static void
test_characters_without_no_label_are_missing (void)
{
  const HshCoderSpans coders[] = { { nested_a, 2 }, { plain_b, 1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(HshCodingData) data = hsh_coding_data_new_from_characters (coders, 2, 10, NULL, &error);
  HshAgreementResult kappa;

  g_assert_no_error (error);
  g_assert_cmpint (hsh_coding_data_find_category (data, "O"), ==, -1);
  g_assert_true (hsh_cohen_kappa (data, &kappa, &error));
  g_assert_cmpuint (kappa.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (kappa.observed, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa.value, 0, 1e-12);
}

/* Two spans of one length overlap: the one starting later wins where they meet. */
static void
test_characters_later_span_wins_a_tie (void)
{
  const HshCodedSpan a[] = { SPAN (0, 4, "X"), SPAN (2, 6, "Y") };
  const HshCodedSpan b[] = { SPAN (0, 2, "X"), SPAN (2, 6, "Y") };
  const HshCoderSpans coders[] = { { a, 2 }, { b, 2 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(HshCodingData) data = hsh_coding_data_new_from_characters (coders, 2, 6, "O", &error);
  HshAgreementResult alpha;

  g_assert_no_error (error);
  g_assert_true (hsh_krippendorff_alpha (data, HSH_ALPHA_NOMINAL, &alpha, &error));
  g_assert_cmpfloat (alpha.observed, ==, 0);
  g_assert_cmpfloat (alpha.value, ==, 1);
}

static void
test_characters_refuse_span_past_text (void)
{
  const HshCodedSpan a[] = { SPAN (0, 11, "X") };
  const HshCoderSpans coders[] = { { a, 1 }, { NULL, 0 } };
  g_autoptr(GError) error = NULL;

  g_assert_null (hsh_coding_data_new_from_characters (coders, 2, 10, "O", &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

/* Text "ab cd ef": A marks half of the first token, B the first two tokens, C splits the
 * second token evenly between two labels. */
static void
test_tokens_take_the_majority_label (void)
{
  const HshRange tokens[] = { { 0, 2 }, { 3, 5 }, { 6, 8 } };
  const HshCodedSpan a[] = { SPAN (0, 1, "LOC") };
  const HshCodedSpan b[] = { SPAN (0, 5, "LOC") };
  const HshCodedSpan c[] = { SPAN (0, 2, "LOC"), SPAN (3, 4, "PER"), SPAN (4, 5, "ORG") };
  const HshCoderSpans coders[] = { { a, 1 }, { b, 1 }, { c, 3 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(HshCodingData) data =
    hsh_coding_data_new_from_tokens (coders, 3, 8, tokens, 3, "O", &error);
  g_autoptr(HshCodingData) ab = NULL;
  const HshCoderSpans pair[] = { { a, 1 }, { b, 1 } };
  HshAgreementResult kappa;

  g_assert_no_error (error);
  g_assert_cmpint (hsh_coding_data_find_category (data, "PER"), >=, 0);
  g_assert_cmpint (hsh_coding_data_find_category (data, "ORG"), ==, -1);
  ab = hsh_coding_data_new_from_tokens (pair, 2, 8, tokens, 3, "O", &error);
  g_assert_no_error (error);
  g_assert_true (hsh_cohen_kappa (ab, &kappa, &error));
  g_assert_cmpuint (kappa.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (kappa.observed, 2.0 / 3, 1e-12);
}

static void
test_tokens_refuse_overlapping_tokens (void)
{
  const HshRange tokens[] = { { 0, 3 }, { 2, 5 } };
  const HshCoderSpans coders[] = { { NULL, 0 }, { NULL, 0 } };
  g_autoptr(GError) error = NULL;

  g_assert_null (hsh_coding_data_new_from_tokens (coders, 2, 8, tokens, 2, "O", &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agreement/spans/exact-match", test_spans_exact_match);
  g_test_add_func ("/agreement/spans/overlap-match", test_spans_overlap_match);
  g_test_add_func ("/agreement/spans/overlap-is-one-to-one", test_spans_overlap_is_one_to_one);
  g_test_add_func ("/agreement/spans/never-match-across-labels",
                   test_spans_never_match_across_labels);
  g_test_add_func ("/agreement/spans/refuse-empty-span", test_spans_refuse_empty_span);
  g_test_add_func ("/agreement/spans/two-silent-coders-score-nan", test_spans_of_two_silent_coders);
  g_test_add_func ("/agreement/characters/innermost-span-wins", test_characters_innermost_span_wins);
  g_test_add_func ("/agreement/characters/no-label-null-means-missing",
                   test_characters_without_no_label_are_missing);
  g_test_add_func ("/agreement/characters/later-span-wins-a-tie",
                   test_characters_later_span_wins_a_tie);
  g_test_add_func ("/agreement/characters/refuse-span-past-text",
                   test_characters_refuse_span_past_text);
  g_test_add_func ("/agreement/tokens/take-the-majority-label", test_tokens_take_the_majority_label);
  g_test_add_func ("/agreement/tokens/refuse-overlapping-tokens",
                   test_tokens_refuse_overlapping_tokens);
  return g_test_run ();
}
