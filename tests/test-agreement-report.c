/* test-agreement-report.c: agreement between coders of a project, per label and document,
 * against figures computed independently on the same data. */
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include "hsh-agreement-report.h"
#include "hsh-format.h"
#include "hsh-format-common.h"
#include "hsh-model.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"
#include "hsh-test-team.h"

/* Expected figures were computed outside Hashiya by a short Python 3 script: it reads the
 * sample's annotations from ../shared/samples/paris-libya-2021-11-12.example.json (and the
 * entities of ../shared/corpora/aqmar/derived_brat/Atom.ann), applies the coders' edits below,
 * and computes Cohen's kappa (P_o − P_e)/(1 − P_e) and nominal alpha 1 − D_o/D_e from the
 * coincidence matrix, one unit per character. Span, attribute and role counts are by hand. */
#define TOLERANCE 1e-9

#define SAMI  "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"


/* Sami misses the second claim and cuts a date short. */
static const HshTeamEdit sami_edits[] = {
  { "Claim", 1142, NULL, -1, NULL, NULL, NULL },
  { "Date", 2074, NULL, 2080, NULL, NULL, NULL },
  { NULL }
};


static HshAgreementReport *
report (HshTeamFixture *f, gint64 document_id, HshAgreementUnit unit)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  HshAgreementOptions options = { document_id > 0 ? ids : NULL, NULL, unit };
  g_autoptr(GError) error = NULL;
  HshAgreementReport *result;

  g_array_append_val (ids, document_id);
  result = hsh_agreement_report_new (f->store, &options, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static HshAgreementCell *
cell (HshAgreementTable *table, const char *label, HshAgreementMeasure measure)
{
  HshAgreementRow *row = hsh_agreement_table_find_row (table, label);
  g_assert_nonnull (row);
  return &row->cells[measure];
}

#define ASSERT_VALUE(table, label, measure, expected) \
  g_assert_cmpfloat_with_epsilon (cell (table, label, measure)->value, (expected), TOLERANCE)

static HshAgreementTable *
document_table (HshAgreementReport *r, gint64 document_id)
{
  for (guint i = 0; i < r->documents->len; i++)
    if (((HshAgreementTable *) g_ptr_array_index (r->documents, i))->document_id == document_id)
      return g_ptr_array_index (r->documents, i);
  g_assert_not_reached ();
}

static void
test_two_coders_label_rows_match_hand_computed (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  r = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  g_assert_cmpuint (r->coders->len, ==, 2);
  g_assert_cmpstr (((HshAgreementCoder *) g_ptr_array_index (r->coders, 0))->name, ==, "Layla");
  doc = document_table (r, 1);
  g_assert_cmpuint (doc->n_coders, ==, 2);
  /* Python, one unit per character of the 3,293-character article, label present or not. */
  ASSERT_VALUE (doc, "Date", HSH_MEASURE_KAPPA, 0.8601850236);
  ASSERT_VALUE (doc, "Date", HSH_MEASURE_ALPHA, 0.8601795383);
  g_assert_cmpuint (cell (doc, "Date", HSH_MEASURE_ALPHA)->n, ==, 2 * 3293);
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_KAPPA, 0.9824928427);
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_ALPHA, 0.9824951287);
  ASSERT_VALUE (doc, "Actor/State", HSH_MEASURE_KAPPA, 0.9721924321);
  ASSERT_VALUE (doc, "Actor/State", HSH_MEASURE_ALPHA, 0.9721960673);
  /* France as a person is still an actor: the Actor row sees no difference. */
  ASSERT_VALUE (doc, "Actor", HSH_MEASURE_KAPPA, 1.0);
  /* Overall: one unit per character and top-level label used (Actor, Claim, Commitment, Date,
   * Location: 5 × 3,293), coded with the most specific label covering it. */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_KAPPA, 0.9763965040);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_ALPHA, 0.9763971298);
  g_assert_cmpuint (cell (doc, NULL, HSH_MEASURE_ALPHA)->n, ==, 2 * 5 * 3293);
  /* Nobody used Event: no row. */
  g_assert_null (hsh_agreement_table_find_row (doc, "Event"));
  g_assert_cmpfloat_with_epsilon (cell (r->corpus, "Date", HSH_MEASURE_KAPPA)->value, 0.8601850236, TOLERANCE);
}

static void
test_two_coders_span_scores_exact_and_overlap (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  r = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  doc = document_table (r, 1);
  /* By hand: 37 spans each; exact matches all but the missed date, France and the first claim
   * (34); overlap also pairs the two first claims (35). */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_EXACT_PRECISION, 34.0 / 37);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_EXACT_RECALL, 34.0 / 37);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_EXACT_F1, 68.0 / 74);
  g_assert_cmpuint (cell (doc, NULL, HSH_MEASURE_EXACT_F1)->n, ==, 34);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_OVERLAP_F1, 70.0 / 74);
  /* Layla's 14 states against Omar's 13, all of his matched; the Actor row pairs every actor. */
  ASSERT_VALUE (doc, "Actor/State", HSH_MEASURE_EXACT_PRECISION, 1.0);
  ASSERT_VALUE (doc, "Actor/State", HSH_MEASURE_EXACT_RECALL, 13.0 / 14);
  ASSERT_VALUE (doc, "Actor", HSH_MEASURE_EXACT_F1, 1.0);
  /* The location only Omar saw: precision 0, recall undefined. */
  ASSERT_VALUE (doc, "Location", HSH_MEASURE_EXACT_PRECISION, 0.0);
  g_assert_true (isnan (cell (doc, "Location", HSH_MEASURE_EXACT_RECALL)->value));
}

static void
test_two_coders_attributes_and_roles (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  r = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  doc = document_table (r, 1);
  /* 35 matched pairs carry 32 comparisons (6 claim attributes, 6 commitment attributes, 20
   * actor links); the stance and the quantity differ. Alpha: Python over those 32 units. */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_ATTRIBUTE_AGREEMENT, 30.0 / 32);
  g_assert_cmpuint (cell (doc, NULL, HSH_MEASURE_ATTRIBUTE_AGREEMENT)->n, ==, 32);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_ATTRIBUTE_ALPHA, 0.9356486210);
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_ATTRIBUTE_AGREEMENT, 5.0 / 6);
  /* Layla's 7 links and Omar's 6 from matched spans; his 6 all agree: 2 × 6 / 13. */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_ROLE_AGREEMENT, 12.0 / 13);
  g_assert_cmpuint (cell (doc, NULL, HSH_MEASURE_ROLE_AGREEMENT)->n, ==, 13);
  ASSERT_VALUE (doc, "Commitment", HSH_MEASURE_ROLE_AGREEMENT, 1.0);
}

static HshCoderSpans
claims_of (HshTeamFixture *f, GPtrArray *annotations, gint64 author, GArray *store_in)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      HshAnnotation *annotation = g_ptr_array_index (annotations, i);
      HshCodedSpan span = { { hsh_annotation_start (annotation), hsh_annotation_end (annotation) }, "Claim" };
      if (annotation->author_id == author && annotation->label_id == hsh_team_label_id (f, "Claim"))
        g_array_append_val (store_in, span);
    }
  return (HshCoderSpans) { (HshCodedSpan *) (void *) store_in->data, store_in->len };
}

static void
test_two_coders_agrees_with_pure_functions (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (HshCodedSpan));
  g_autoptr(GArray) second = g_array_new (FALSE, FALSE, sizeof (HshCodedSpan));
  g_autoptr(HshCodingData) units = NULL;
  g_autoptr(HshUnitizingStudy) study = hsh_unitizing_study_new (0, 3293, 2);
  HshCoderSpans coders[2];
  HshAgreementResult kappa, alpha, alpha_u;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  r = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  doc = document_table (r, 1);
  annotations = hsh_store_list_annotations (f->store, 1, NULL);
  coders[0] = claims_of (f, annotations, ((HshAgreementCoder *) g_ptr_array_index (r->coders, 0))->id, first);
  coders[1] = claims_of (f, annotations, ((HshAgreementCoder *) g_ptr_array_index (r->coders, 1))->id, second);
  units = hsh_coding_data_new_from_characters (coders, 2, 3293, "none", NULL);
  g_assert_true (hsh_cohen_kappa (units, &kappa, NULL));
  g_assert_true (hsh_krippendorff_alpha (units, HSH_ALPHA_NOMINAL, &alpha, NULL));
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_KAPPA, kappa.value);
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_ALPHA, alpha.value);
  for (guint c = 0; c < 2; c++)
    for (gsize i = 0; i < coders[c].n_spans; i++)
      g_assert_true (hsh_unitizing_study_add_unit (study, c, coders[c].spans[i].range.start,
                                                   coders[c].spans[i].range.end, "Claim", NULL));
  g_assert_true (hsh_unitizing_alpha_for_category (study, "Claim", &alpha_u, NULL));
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_UNITIZING_ALPHA, alpha_u.value);
  g_assert_cmpuint (cell (doc, "Claim", HSH_MEASURE_UNITIZING_ALPHA)->n, ==, 6);
}

static void
test_three_coders_alpha_and_pairwise_averages (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  hsh_team_code_sample (f, SAMI, "Sami", sami_edits);
  r = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  doc = document_table (r, 1);
  g_assert_cmpuint (r->coders->len, ==, 3);
  /* Python: nominal alpha over three raters, one unit per character. */
  ASSERT_VALUE (doc, "Date", HSH_MEASURE_ALPHA, 0.8174300656);
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_ALPHA, 0.9347535096);
  g_assert_true (isnan (cell (doc, "Claim", HSH_MEASURE_KAPPA)->value));
  /* By hand, pairs (Layla, Omar), (Layla, Sami), (Omar, Sami): overlap F1 70/74, 72/73,
   * 68/73; precision 35/37, 36/36, 34/36; recall 35/37, 36/37, 34/37. */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_OVERLAP_F1, (70.0 / 74 + 72.0 / 73 + 68.0 / 73) / 3);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_OVERLAP_PRECISION, (35.0 / 37 + 1 + 34.0 / 36) / 3);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_OVERLAP_RECALL, 105.0 / 111);
  g_assert_cmpuint (cell (doc, NULL, HSH_MEASURE_OVERLAP_F1)->n, ==, 35 + 36 + 34);
}

/* AQMAR's "Atom" article, imported as plain text: its brat entities, mapped onto our labels,
 * are what Layla tags; Omar shifts the second theory by one character and misses the third. */
static void
code_corpus_document (HshTeamFixture *f)
{
  static const struct { const char *label; gint64 start, end; } entities[] = {
    { "Actor/Person", 122, 128 }, { "Event", 247, 258 }, { "Event", 337, 345 }, { "Event", 363, 372 },
    { "Event", 546, 552 }, { "Location", 560, 564 }, { "Event", 567, 573 }, { "Location", 585, 593 },
    { "Event", 654, 664 }, { "Claim", 1087, 1109 }, { "Claim", 1121, 1143 }, { "Claim", 1146, 1160 },
  };
  g_autofree char *path = hsh_test_shared_path ("corpora/aqmar/derived_brat/Atom.txt");
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;
  HshImportSummary summary;

  g_assert_true (hsh_format_lookup ("text")->read (path, bundles, NULL, &error));
  g_assert_true (hsh_store_import_bundles (f->store, bundles, &summary, NULL, &error));
  g_assert_no_error (error);
  for (guint coder = 0; coder < 2; coder++)
    {
      g_assert_true (hsh_store_set_annotator (f->store, coder == 0 ? LAYLA : OMAR, coder == 0 ? "Layla" : "Omar", NULL));
      for (guint i = 0; i < G_N_ELEMENTS (entities) - coder; i++)
        {
          HshRange range = { entities[i].start + (coder == 1 && i == 10), entities[i].end };
          g_assert_cmpint (hsh_store_create_annotation (f->store, 2, hsh_team_label_id (f, entities[i].label), &range, 1, &error), >, 0);
        }
    }
}

static void
test_corpus_pools_documents (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  code_corpus_document (f);
  r = report (f, 0, HSH_AGREEMENT_UNIT_CHARACTER);
  g_assert_cmpuint (r->documents->len, ==, 2);
  doc = document_table (r, 2);
  /* Python over the 12,823 characters of Atom.txt, then over both texts end to end. */
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_KAPPA, 0.8509109512);
  ASSERT_VALUE (doc, "Claim", HSH_MEASURE_ALPHA, 0.8509037633);
  ASSERT_VALUE (r->corpus, "Claim", HSH_MEASURE_KAPPA, 0.9606186477);
  ASSERT_VALUE (r->corpus, "Claim", HSH_MEASURE_ALPHA, 0.9606187628);
  /* By hand: Atom gives 10 exact and 11 overlapping matches of 12 and 11 spans. */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_EXACT_F1, 20.0 / 23);
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_OVERLAP_F1, 22.0 / 23);
  ASSERT_VALUE (r->corpus, NULL, HSH_MEASURE_EXACT_PRECISION, 44.0 / 48);
  ASSERT_VALUE (r->corpus, NULL, HSH_MEASURE_EXACT_RECALL, 44.0 / 49);
  ASSERT_VALUE (r->corpus, NULL, HSH_MEASURE_EXACT_F1, 88.0 / 97);
  /* Event appears only in Atom: undefined on the article alone, defined for the corpus. */
  g_assert_true (isnan (cell (document_table (r, 1), "Event", HSH_MEASURE_ALPHA)->value));
  ASSERT_VALUE (r->corpus, "Event", HSH_MEASURE_ALPHA, 1.0);
}

static void
test_missing_coder_and_empty_document (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  g_autoptr(HshAgreementReport) article = NULL;
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  HshImportSummary summary;
  HshAgreementTable *atom, *empty;

  hsh_team_two_coders (f);
  hsh_team_code_sample (f, SAMI, "Sami", sami_edits);
  code_corpus_document (f);
  g_ptr_array_add (bundles, hsh_bundle_new ("Untagged", "نص بلا وسوم"));
  g_assert_true (hsh_store_import_bundles (f->store, bundles, &summary, NULL, NULL));
  r = report (f, 0, HSH_AGREEMENT_UNIT_CHARACTER);
  atom = document_table (r, 2);
  empty = document_table (r, 3);
  /* Sami did not code Atom: two coders there, and Layla–Omar is its only pair. */
  g_assert_cmpuint (atom->n_coders, ==, 2);
  ASSERT_VALUE (atom, NULL, HSH_MEASURE_EXACT_F1, 20.0 / 23);
  g_assert_false (isnan (cell (atom, "Claim", HSH_MEASURE_UNITIZING_ALPHA)->value));
  g_assert_cmpuint (empty->n_coders, ==, 0);
  for (guint m = 0; m < HSH_N_MEASURES; m++)
    g_assert_true (isnan (cell (empty, NULL, m)->value));
  /* alpha_U of the corpus needs every coder throughout, so it is the article's alone. */
  article = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  ASSERT_VALUE (r->corpus, NULL, HSH_MEASURE_UNITIZING_ALPHA,
                cell (document_table (article, 1), NULL, HSH_MEASURE_UNITIZING_ALPHA)->value);
}

static void
test_tokens_are_units (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  g_autofree char *text = NULL;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) tokens = NULL;
  gint64 length;
  HshAgreementTable *doc;

  hsh_team_two_coders (f);
  r = report (f, 1, HSH_AGREEMENT_UNIT_TOKEN);
  g_assert_cmpint (r->unit, ==, HSH_AGREEMENT_UNIT_TOKEN);
  text = hsh_store_get_document_text (f->store, 1, NULL);
  chars = hsh_format_code_points (text, &length);
  tokens = hsh_format_tokenize (chars, length, NULL);
  doc = document_table (r, 1);
  g_assert_cmpuint (cell (doc, "Date", HSH_MEASURE_ALPHA)->n, ==, 2 * tokens->len);
  /* The missed date is two tokens, "12 نوفمبر", out of the 7 Layla tagged. */
  g_assert_cmpfloat (cell (doc, "Date", HSH_MEASURE_ALPHA)->value, <, 1.0);
  g_assert_cmpfloat (cell (doc, "Date", HSH_MEASURE_ALPHA)->value, >, 0.5);
  /* Span measures do not depend on the unit. */
  ASSERT_VALUE (doc, NULL, HSH_MEASURE_EXACT_F1, 68.0 / 74);
}

static void
test_csv_and_json_mark_undefined_values (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAgreementReport) r = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *location;
  guint n_rows;

  hsh_team_two_coders (f);
  r = report (f, 1, HSH_AGREEMENT_UNIT_CHARACTER);
  csv = hsh_agreement_report_to_csv (r);
  lines = g_strsplit (csv, "\r\n", -1);
  n_rows = r->corpus->rows->len;
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 * n_rows + 1);
  g_assert_true (g_str_has_prefix (lines[0], "scope,document_id,document,coders,label,kappa,kappa_n,alpha,alpha_n,"));
  g_assert_true (g_str_has_prefix (lines[1], "corpus,,,2,overall,0.976397,16465,"));
  /* Location: recall undefined (Layla has none) → an empty field. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "corpus,,,2,Location,"))
      g_assert_nonnull (strstr (lines[i], ",0.000000,1,,0,"));
  json = hsh_agreement_report_to_json (r);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "unit"), ==, "character");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "coders")), ==, 2);
  location = NULL;
  {
    JsonArray *rows = json_object_get_array_member (json_object_get_object_member (root, "corpus"), "rows");
    for (guint i = 0; i < json_array_get_length (rows); i++)
      if (g_str_equal (json_object_get_string_member (json_array_get_object_element (rows, i), "label"), "Location"))
        location = json_array_get_object_element (rows, i);
  }
  g_assert_nonnull (location);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (location, "exact_recall"), "value"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (location, "exact_precision"), "value"), ==, 0.0);
}

static void
test_refuses_a_single_coder (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshAgreementReport) r = NULL;

  hsh_team_code_sample (f, LAYLA, "Layla", hsh_team_no_edits);
  r = hsh_agreement_report_new (f->store, NULL, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (hsh_store_find_annotator (f->store, "Nobody", &error), ==, 0);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND);
  g_assert_cmpint (hsh_store_find_annotator (f->store, "Layla", NULL), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, HshTeamFixture, NULL, hsh_team_set_up, fn, hsh_team_tear_down)
  ADD ("/agreement-report/two-coders/label-rows-match-hand-computed", test_two_coders_label_rows_match_hand_computed);
  ADD ("/agreement-report/two-coders/span-scores-exact-and-overlap", test_two_coders_span_scores_exact_and_overlap);
  ADD ("/agreement-report/two-coders/attributes-and-roles-of-matched-spans", test_two_coders_attributes_and_roles);
  ADD ("/agreement-report/two-coders/agrees-with-the-pure-measures", test_two_coders_agrees_with_pure_functions);
  ADD ("/agreement-report/three-coders/alpha-and-pairwise-averages", test_three_coders_alpha_and_pairwise_averages);
  ADD ("/agreement-report/corpus/pools-documents", test_corpus_pools_documents);
  ADD ("/agreement-report/corpus/missing-coder-and-empty-document", test_missing_coder_and_empty_document);
  ADD ("/agreement-report/tokens/are-the-units-of-kappa-and-alpha", test_tokens_are_units);
  ADD ("/agreement-report/serialise/csv-and-json-mark-undefined-values", test_csv_and_json_mark_undefined_values);
  ADD ("/agreement-report/refuses-a-single-coder", test_refuses_a_single_coder);
  return g_test_run ();
}
