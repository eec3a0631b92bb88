/* test-agreement.c: the agreement measures against the shared worked examples. */
#include "hsh-agreement.h"
#include "hsh-test-support.h"

#include <json-glib/json-glib.h>
#include <math.h>

/* Agreement with the independent recomputation, which is exact where sources round. */
#define RECOMPUTED_TOLERANCE 1e-9

/* ---- reading an example ------------------------------------------------------------------- */

static JsonNode *
node_at (JsonObject *object, const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;
      node = json_object_get_member (object, parts[i]);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

static double
number_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strcasecmp (json_node_get_string (node), "NaN") == 0 ? NAN : 0;
  return json_node_get_double (node);
}

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && (json_node_get_value_type (node) != G_TYPE_STRING
          || g_ascii_strcasecmp (json_node_get_string (node), "NaN") == 0);
}

/* Half a unit in the last printed decimal: the precision of a value quoted without tolerance. */
static double
printed_precision (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *point;

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  point = strchr (buffer, '.');
  return point == NULL || strchr (buffer, 'e') != NULL ? 0 : 0.5 * pow (10, -(int) strlen (point + 1));
}

static const struct {
  const char *field;
  const char *tolerance;
  const char *recomputed;
} field_names[] = {
  { "kappa_irr", "tolerance_irr", "kappa" },
  { "alpha_nltk", "tolerance_nltk", "alpha" },
  { "category_kappa_dkpro", "tolerance_category_dkpro", "category_kappa" },
  { "category_kappa_irr_printed", NULL, "category_kappa" },
  { "per_category", "tolerance_per_category", "per_category" },
};

static double
tolerance_for (JsonObject *expected, const char *path, double value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  const char *last = parts[g_strv_length (parts) - 1];
  JsonNode *node = NULL;
  double tolerance = 1e-9;

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (parts[0], field_names[i].field) && field_names[i].tolerance != NULL)
      node = node_at (expected, field_names[i].tolerance);
  if (node == NULL)
    node = node_at (expected, "tolerance");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    node = node_at (json_node_get_object (node), last);
  if (node != NULL)
    tolerance = json_node_get_double (node);
  /* Side values ("also", per category) are quoted to the digits the source printed. */
  if (parts[1] != NULL)
    tolerance = MAX (tolerance, printed_precision (value));
  return tolerance;
}

static char *
recomputed_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 2);

  if (g_str_equal (parts[0], "also"))
    return g_strdup (parts[1]);
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (parts[0], field_names[i].field))
      return parts[1] != NULL ? g_strconcat (field_names[i].recomputed, ".", parts[1], NULL)
                              : g_strdup (field_names[i].recomputed);
  return g_strdup (path);
}

static void
assert_close (const char *id, const char *what, double actual, double expected, double tolerance)
{
  if (isnan (expected) && isnan (actual))
    return;
  if (!(fabs (actual - expected) <= tolerance))
    g_error ("%s: %s is %.12g, expected %.12g +/- %g", id, what, actual, expected, tolerance);
}

typedef struct {
  JsonObject *example;
  const char *id;
  JsonObject *expected;
  JsonObject *own;
  guint       checks;
} Check;

static Check
check_begin (gconstpointer user_data)
{
  JsonObject *example = (JsonObject *) user_data;
  JsonNode *own = node_at (example, "recomputed.values.own");
  Check check = {
    example,
    json_object_get_string_member (example, "id"),
    json_object_get_object_member (example, "expected"),
    own != NULL && JSON_NODE_HOLDS_OBJECT (own) ? json_node_get_object (own) : NULL,
    0,
  };
  return check;
}

/* Compares @actual with the value at @path in "expected" (when the example gives one) within
 * its tolerance, and with the independent recomputation within RECOMPUTED_TOLERANCE. */
static void
check_value (Check *check, const char *path, double actual)
{
  JsonNode *expected = node_at (check->expected, path);
  g_autofree char *own_path = recomputed_path (path);
  JsonNode *own = node_at (check->own, own_path);

  if (!is_number (expected))
    return;
  assert_close (check->id, path, actual, number_of (expected),
                tolerance_for (check->expected, path, number_of (expected)));
  if (is_number (own))
    assert_close (check->id, own_path, actual, number_of (own),
                  RECOMPUTED_TOLERANCE * MAX (1.0, fabs (number_of (own))));
  check->checks++;
}

static void
check_end (Check *check)
{
  g_test_message ("%s: %u values checked", check->id, check->checks);
  g_assert_cmpuint (check->checks, >, 0);
}

static JsonObject *
data_of (Check *check)
{
  return json_object_get_object_member (check->example, "data");
}

/* A rating as a category label: numbers become the label that reads back as the number. */
static const char *
rating_label (JsonNode *node, char buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    g_ascii_dtostr (buffer, G_ASCII_DTOSTR_BUF_SIZE, json_node_get_double (node));
  return buffer;
}

static void
declare_categories (HshCodingData *data, JsonArray *categories)
{
  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      hsh_coding_data_declare_category (data, rating_label (json_array_get_element (categories, i),
                                                            buffer));
    }
}

static JsonArray *
array_at (JsonObject *object, const char *path)
{
  JsonNode *node = node_at (object, path);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The example's units, with @categories (if any) declared first to fix their order. */
static HshCodingData *
coding_data_of (Check *check, JsonArray *categories)
{
  JsonObject *data_object = data_of (check);
  JsonArray *units = json_object_get_array_member (data_object, "units");
  JsonArray *counts = array_at (data_object, "counts");
  guint n_raters = json_object_get_int_member (data_object, "raters");
  HshCodingData *data = hsh_coding_data_new (n_raters);
  g_autofree char *buffers = g_malloc ((gsize) n_raters * G_ASCII_DTOSTR_BUF_SIZE);
  g_autofree const char **row = g_new (const char *, n_raters);

  declare_categories (data, categories);
  for (guint u = 0; u < json_array_get_length (units); u++)
    {
      JsonArray *ratings = json_array_get_array_element (units, u);
      g_assert_cmpuint (json_array_get_length (ratings), ==, n_raters);
      for (guint r = 0; r < n_raters; r++)
        row[r] = rating_label (json_array_get_element (ratings, r),
                               buffers + (gsize) r * G_ASCII_DTOSTR_BUF_SIZE);
      hsh_coding_data_add_unit (data, row, counts ? json_array_get_int_element (counts, u) : 1);
    }
  return data;
}

/* Checks @measure for every category named under @path in "expected". */
static void
check_categories (Check *check, HshCodingData *data, const char *path,
                  double (*measure) (HshCodingData *, guint))
{
  JsonNode *node = node_at (check->expected, path);
  g_autoptr(GList) names = NULL;

  if (node == NULL)
    return;
  names = json_object_get_members (json_node_get_object (node));
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strconcat (path, ".", l->data, NULL);
      int position = hsh_coding_data_find_category (data, l->data);
      g_assert_cmpint (position, >=, 0);
      check_value (check, field, measure (data, position));
    }
}

static double
fleiss_for_category (HshCodingData *data, guint position)
{
  g_autoptr(GError) error = NULL;
  double kappa = NAN;

  hsh_fleiss_kappa_for_category (data, position, &kappa, &error);
  g_assert_no_error (error);
  return kappa;
}

static double
alpha_for_category (HshCodingData *data, guint position)
{
  g_autoptr(GError) error = NULL;
  HshAgreementResult result;

  hsh_krippendorff_alpha_for_category (data, position, &result, &error);
  g_assert_no_error (error);
  return result.value;
}

/* ---- coding examples ---------------------------------------------------------------------- */

static void
test_cohen_example (gconstpointer user_data)
{
  Check check = check_begin (user_data);
  g_autoptr(HshCodingData) data = coding_data_of (&check, array_at (data_of (&check), "categories"));
  g_autoptr(GError) error = NULL;
  HshAgreementResult kappa, pi, s, alpha;

  g_assert_true (hsh_cohen_kappa (data, &kappa, &error));
  g_assert_true (hsh_scott_pi (data, &pi, &error));
  g_assert_true (hsh_bennett_s (data, &s, &error));
  g_assert_true (hsh_krippendorff_alpha (data, HSH_ALPHA_NOMINAL, &alpha, &error));
  g_assert_no_error (error);
  check_value (&check, "kappa", kappa.value);
  check_value (&check, "P_o", kappa.observed);
  check_value (&check, "P_e", kappa.expected);
  check_value (&check, "also.percentage_agreement", kappa.observed);
  check_value (&check, "also.scott_pi", pi.value);
  check_value (&check, "also.scott_pi_P_e", pi.expected);
  check_value (&check, "also.bennett_S", s.value);
  check_value (&check, "also.krippendorff_alpha_nominal", alpha.value);
  check_categories (&check, data, "also.category_kappa_fleiss_formula", fleiss_for_category);
  check_end (&check);
}

static double *
level_distance_weights (JsonArray *by_distance, guint n_categories)
{
  guint n = json_array_get_length (by_distance);
  g_autofree double *values = g_new (double, n);
  g_autoptr(GError) error = NULL;
  double *weights;

  for (guint d = 0; d < n; d++)
    values[d] = json_array_get_double_element (by_distance, d);
  weights = hsh_kappa_weights_from_level_distance (values, n, n_categories, &error);
  g_assert_no_error (error);
  return weights;
}

static void
test_weighted_kappa_example (gconstpointer user_data)
{
  Check check = check_begin (user_data);
  JsonObject *parameters = json_object_get_object_member (check.example, "parameters");
  JsonNode *weights = json_object_get_member (parameters, "weights");
  g_autoptr(HshCodingData) data =
    coding_data_of (&check, json_object_get_array_member (parameters, "categories_order"));
  g_autoptr(GError) error = NULL;
  HshAgreementResult kappa;

  if (JSON_NODE_HOLDS_OBJECT (weights))
    {
      JsonArray *by_distance = json_object_get_array_member (json_node_get_object (weights),
                                                             "disagreement_by_level_distance");
      g_autofree double *matrix =
        level_distance_weights (by_distance, hsh_coding_data_get_n_categories (data));
      g_assert_true (hsh_weighted_kappa_custom (data, matrix, &kappa, &error));
    }
  else
    {
      HshKappaWeights scheme = g_str_equal (json_node_get_string (weights), "quadratic")
                             ? HSH_KAPPA_WEIGHTS_QUADRATIC : HSH_KAPPA_WEIGHTS_LINEAR;
      g_assert_true (hsh_weighted_kappa (data, scheme, &kappa, &error));
    }
  g_assert_no_error (error);
  check_value (&check, "kappa", kappa.value);
  check_end (&check);
}

static void
test_fleiss_example (gconstpointer user_data)
{
  Check check = check_begin (user_data);
  g_autoptr(HshCodingData) data = coding_data_of (&check, array_at (data_of (&check), "categories"));
  g_autoptr(GError) error = NULL;
  HshAgreementResult kappa, randolph;
  double light;

  g_assert_true (hsh_fleiss_kappa (data, &kappa, &error));
  g_assert_true (hsh_randolph_kappa (data, &randolph, &error));
  g_assert_no_error (error);
  /* Light's kappa needs rater identity, which rows expanded from category counts lack. */
  if (node_at (check.expected, "also.mean_pairwise_cohen_kappa_light") != NULL)
    {
      g_assert_true (hsh_light_kappa (data, &light, &error));
      g_assert_no_error (error);
      check_value (&check, "also.mean_pairwise_cohen_kappa_light", light);
    }
  check_value (&check, "kappa", kappa.value);
  check_value (&check, "kappa_irr", kappa.value);
  check_value (&check, "P_o", kappa.observed);
  check_value (&check, "P_e", kappa.expected);
  check_value (&check, "also.overall_agreement", kappa.observed);
  check_value (&check, "also.randolph_free_marginal", randolph.value);
  check_categories (&check, data, "category_kappa", fleiss_for_category);
  check_categories (&check, data, "category_kappa_dkpro", fleiss_for_category);
  check_categories (&check, data, "category_kappa_irr_printed", fleiss_for_category);
  check_end (&check);
}

static double *
custom_matrix (JsonObject *distance_matrix)
{
  JsonArray *rows = json_object_get_array_member (distance_matrix, "d");
  guint k = json_array_get_length (rows);
  double *matrix = g_new (double, (gsize) k * k);

  for (guint i = 0; i < k; i++)
    for (guint j = 0; j < k; j++)
      matrix[i * k + j] = json_array_get_double_element (json_array_get_array_element (rows, i), j);
  return matrix;
}

static HshAlphaMetric
alpha_metric (const char *name)
{
  if (g_str_equal (name, "ordinal"))
    return HSH_ALPHA_ORDINAL;
  if (g_str_equal (name, "interval"))
    return HSH_ALPHA_INTERVAL;
  if (g_str_equal (name, "ratio"))
    return HSH_ALPHA_RATIO;
  g_assert_cmpstr (name, ==, "nominal");
  return HSH_ALPHA_NOMINAL;
}

/* The side values some sources quote with a custom-distance alpha: the same weights in kappa. */
static void
check_custom_weighted_kappa (Check *check, HshCodingData *data, const double *matrix)
{
  g_autoptr(GError) error = NULL;
  HshAgreementResult kappa;

  g_assert_true (hsh_weighted_kappa_custom (data, matrix, &kappa, &error));
  g_assert_no_error (error);
  check_value (check, "also.weighted_kappa_same_weights", kappa.value);
  check_value (check, "also.weighted_kappa_D_e", kappa.expected);
}

static void
test_alpha_example (gconstpointer user_data)
{
  Check check = check_begin (user_data);
  JsonObject *parameters = json_object_get_object_member (check.example, "parameters");
  const char *distance = json_object_get_string_member (parameters, "distance");
  JsonNode *matrix_node = node_at (parameters, "distance_matrix");
  JsonObject *matrix_object = matrix_node ? json_node_get_object (matrix_node) : NULL;
  g_autoptr(HshCodingData) data =
    coding_data_of (&check, matrix_object ? json_object_get_array_member (matrix_object, "categories")
                                          : array_at (data_of (&check), "categories"));
  g_autoptr(GError) error = NULL;
  HshAgreementResult alpha, nominal, kappa;

  if (matrix_object != NULL)
    {
      g_autofree double *matrix = custom_matrix (matrix_object);
      g_assert_true (hsh_krippendorff_alpha_custom (data, matrix, &alpha, &error));
      check_custom_weighted_kappa (&check, data, matrix);
    }
  else
    g_assert_true (hsh_krippendorff_alpha (data, alpha_metric (distance), &alpha, &error));
  g_assert_true (hsh_krippendorff_alpha (data, HSH_ALPHA_NOMINAL, &nominal, &error));
  g_assert_no_error (error);
  check_value (&check, "alpha", alpha.value);
  check_value (&check, "alpha_nltk", alpha.value);
  check_value (&check, "D_o", alpha.observed);
  check_value (&check, "D_e", alpha.expected);
  if (node_at (check.expected, "D_e_positive") != NULL)
    g_assert_cmpfloat (alpha.expected, >, 0);
  check_value (&check, "also.percentage_agreement", 1 - nominal.observed);
  check_categories (&check, data, "category_alpha", alpha_for_category);
  if (hsh_coding_data_get_n_raters (data) == 2 && hsh_cohen_kappa (data, &kappa, NULL))
    check_value (&check, "also.weighted_kappa_nominal", kappa.value);
  check_end (&check);
}

/* ---- unitizing examples ------------------------------------------------------------------- */

static HshUnitizingStudy *
study_of (Check *check)
{
  JsonObject *data = data_of (check);
  JsonObject *continuum = json_object_get_object_member (data, "continuum");
  JsonArray *segments = json_object_get_array_member (data, "segments");
  HshUnitizingStudy *study = hsh_unitizing_study_new (json_object_get_int_member (continuum, "begin"),
                                                      json_object_get_int_member (continuum, "length"),
                                                      json_object_get_int_member (data, "raters"));

  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *segment = json_array_get_object_element (segments, i);
      g_autoptr(GError) error = NULL;
      hsh_unitizing_study_add_unit (study, json_object_get_int_member (segment, "rater"),
                                    json_object_get_int_member (segment, "begin"),
                                    json_object_get_int_member (segment, "end"),
                                    json_object_get_string_member (segment, "category"), &error);
      g_assert_no_error (error);
    }
  return study;
}

static void
test_unitizing_example (gconstpointer user_data)
{
  Check check = check_begin (user_data);
  g_autoptr(HshUnitizingStudy) study = study_of (&check);
  g_autoptr(GPtrArray) categories = hsh_unitizing_study_dup_categories (study);
  g_autoptr(GError) error = NULL;
  HshAgreementResult alpha;

  g_assert_true (hsh_unitizing_alpha (study, &alpha, &error));
  g_assert_no_error (error);
  check_value (&check, "alpha", alpha.value);
  check_value (&check, "D_o", alpha.observed);
  check_value (&check, "D_e", alpha.expected);
  if (node_at (check.expected, "D_e_positive") != NULL)
    g_assert_cmpfloat (alpha.expected, >, 0);
  if (node_at (check.expected, "exact") != NULL)
    g_assert_cmpfloat (alpha.value, ==, number_of (node_at (check.expected, "alpha")));
  for (guint i = 0; i < categories->len; i++)
    {
      const char *category = g_ptr_array_index (categories, i);
      g_autofree char *prefix = g_strconcat ("per_category.", category, ".", NULL);
      g_autofree char *observed = g_strconcat (prefix, "D_o", NULL);
      g_autofree char *expected = g_strconcat (prefix, "D_e", NULL);
      g_autofree char *value = g_strconcat (prefix, "alpha", NULL);
      HshAgreementResult per_category;

      g_assert_true (hsh_unitizing_alpha_for_category (study, category, &per_category, &error));
      g_assert_no_error (error);
      check_value (&check, observed, per_category.observed);
      check_value (&check, expected, per_category.expected);
      check_value (&check, value, per_category.value);
    }
  check_end (&check);
}

static HshUnitizingSection
section_of (JsonObject *vector, const char *which)
{
  g_autofree char *begin = g_strconcat ("begin", which, NULL);
  g_autofree char *length = g_strconcat ("length", which, NULL);
  g_autofree char *category = g_strconcat ("category", which, NULL);
  HshUnitizingSection section = {
    json_object_get_int_member (vector, begin),
    json_object_get_int_member (vector, length),
    json_object_get_null_member (vector, category),
  };
  return section;
}

static void
test_unitizing_distance_example (gconstpointer user_data)
{
  Check check = check_begin (user_data);
  JsonArray *cases = json_object_get_array_member (data_of (&check), "cases");
  JsonArray *sums = json_object_get_array_member (data_of (&check), "sums");
  JsonArray *own = array_at (check.own, "cases");
  g_autofree double *distances = g_new (double, json_array_get_length (cases));

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *vector = json_array_get_object_element (cases, i);
      HshUnitizingSection g = section_of (vector, "1"), h = section_of (vector, "2");
      JsonNode *expected = json_object_get_member (vector, "expected");

      distances[i] = hsh_unitizing_distance (&g, &h);
      g_assert_cmpfloat (hsh_unitizing_distance (&h, &g), ==, distances[i]);
      if (!JSON_NODE_HOLDS_NULL (expected))
        g_assert_cmpfloat (distances[i], ==, json_node_get_double (expected));
      g_assert_cmpfloat (distances[i], ==, json_array_get_double_element (own, i));
    }
  for (guint i = 0; i < json_array_get_length (sums); i++)
    {
      JsonObject *sum = json_array_get_object_element (sums, i);
      JsonArray *members = json_object_get_array_member (sum, "cases");
      double total = 0;

      for (guint j = 0; j < json_array_get_length (members); j++)
        total += distances[json_array_get_int_element (members, j)];
      g_assert_cmpfloat (total, ==, json_object_get_double_member (sum, "expected"));
    }
}

static void
test_gamma_example (gconstpointer user_data)
{
  g_test_skip ("Mathet's gamma is optional and not implemented");
}

/* ---- by hand ------------------------------------------------------------------------------ */

static void
test_cohen_refuses_three_raters (void)
{
  g_autoptr(HshCodingData) data = hsh_coding_data_new (3);
  const char *row[] = { "a", "b", "a" };
  g_autoptr(GError) error = NULL;
  HshAgreementResult result;

  hsh_coding_data_add_unit (data, row, 1);
  g_assert_false (hsh_cohen_kappa (data, &result, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_kappa_refuses_total_chance_agreement (void)
{
  g_autoptr(HshCodingData) data = hsh_coding_data_new (2);
  const char *row[] = { "a", "a" };
  g_autoptr(GError) error = NULL;
  HshAgreementResult result;

  hsh_coding_data_add_unit (data, row, 5);
  g_assert_false (hsh_cohen_kappa (data, &result, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (hsh_fleiss_kappa (data, &result, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_alpha_refuses_unpairable_data (void)
{
  g_autoptr(HshCodingData) data = hsh_coding_data_new (2);
  const char *row[] = { "a", NULL };
  g_autoptr(GError) error = NULL;
  HshAgreementResult result;

  hsh_coding_data_add_unit (data, row, 3);
  g_assert_false (hsh_krippendorff_alpha (data, HSH_ALPHA_NOMINAL, &result, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_alpha_interval_refuses_words (void)
{
  g_autoptr(HshCodingData) data = hsh_coding_data_new (2);
  const char *row[] = { "high", "low" };
  g_autoptr(GError) error = NULL;
  HshAgreementResult result;

  hsh_coding_data_add_unit (data, row, 1);
  g_assert_false (hsh_krippendorff_alpha (data, HSH_ALPHA_INTERVAL, &result, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_weighted_kappa_refuses_constant_weights (void)
{
  const double by_distance[] = { 1, 1, 1 };
  g_autoptr(GError) error = NULL;

  g_assert_null (hsh_kappa_weights_from_level_distance (by_distance, 3, 3, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (hsh_kappa_weights_from_level_distance (by_distance, 3, 4, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

/* Numeric ratings sort by value and equal their spelled-out labels. */
static void
test_numeric_units_match_labels (void)
{
  g_autoptr(HshCodingData) numbers = hsh_coding_data_new (2);
  g_autoptr(HshCodingData) labels = hsh_coding_data_new (2);
  const double rows[][2] = { { 2.5, 2.5 }, { 0.5, 1 }, { 1, NAN }, { 10, 2.5 }, { 1, 1 } };
  const char *label_rows[][2] = { { "2.5", "2.5" }, { "0.5", "1" }, { "1", NULL }, { "10", "2.5" },
                                  { "1", "1" } };
  HshAgreementResult a, b;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      hsh_coding_data_add_numeric_unit (numbers, rows[i], 1);
      hsh_coding_data_add_unit (labels, label_rows[i], 1);
    }
  g_assert_cmpstr (hsh_coding_data_get_category (numbers, 0), ==, "0.5");
  g_assert_cmpstr (hsh_coding_data_get_category (numbers, 3), ==, "10");
  g_assert_true (hsh_krippendorff_alpha (numbers, HSH_ALPHA_INTERVAL, &a, NULL));
  g_assert_true (hsh_krippendorff_alpha (labels, HSH_ALPHA_INTERVAL, &b, NULL));
  g_assert_cmpfloat (a.value, ==, b.value);
  g_assert_cmpuint (a.n, ==, 8);
}

static void
test_unitizing_refuses_overlapping_units (void)
{
  g_autoptr(HshUnitizingStudy) study = hsh_unitizing_study_new (0, 20, 2);
  g_autoptr(GError) error = NULL;
  HshAgreementResult result;

  g_assert_true (hsh_unitizing_study_add_unit (study, 0, 2, 8, "A", &error));
  g_assert_true (hsh_unitizing_study_add_unit (study, 0, 5, 9, "A", &error));
  g_assert_true (hsh_unitizing_study_add_unit (study, 0, 5, 9, "B", &error));
  g_assert_false (hsh_unitizing_study_add_unit (study, 1, 15, 21, "A", &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (hsh_unitizing_alpha_for_category (study, "B", &result, &error));
  g_assert_false (hsh_unitizing_alpha_for_category (study, "A", &result, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

/* ---- registration ------------------------------------------------------------------------- */

static const struct {
  const char *measure;
  const char *path;
  GTestDataFunc test;
} example_tests[] = {
  { "cohen_kappa", "cohen", test_cohen_example },
  { "weighted_kappa", "weighted-kappa", test_weighted_kappa_example },
  { "fleiss_kappa", "fleiss", test_fleiss_example },
  { "krippendorff_alpha", "alpha", test_alpha_example },
  { "krippendorff_alpha_unitizing", "unitizing", test_unitizing_example },
  { "krippendorff_alpha_unitizing_distance", "unitizing-distance", test_unitizing_distance_example },
  { "gamma", "gamma", test_gamma_example },
};

static void
add_example_tests (JsonArray *examples)
{
  for (guint i = 0; i < json_array_get_length (examples); i++)
    {
      JsonObject *example = json_array_get_object_element (examples, i);
      const char *measure = json_object_get_string_member (example, "measure");
      guint t = 0;

      while (t < G_N_ELEMENTS (example_tests) && !g_str_equal (example_tests[t].measure, measure))
        t++;
      g_assert_cmpuint (t, <, G_N_ELEMENTS (example_tests));
      g_autofree char *path = g_strdup_printf ("/agreement/%s/%s", example_tests[t].path,
                                               json_object_get_string_member (example, "id"));
      g_test_add_data_func (path, example, example_tests[t].test);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *path = hsh_test_shared_path ("agreement/worked-examples.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_test_init (&argc, &argv, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  add_example_tests (json_object_get_array_member (root, "examples"));

  g_test_add_func ("/agreement/cohen/refuses-three-raters", test_cohen_refuses_three_raters);
  g_test_add_func ("/agreement/kappa/refuses-total-chance-agreement",
                   test_kappa_refuses_total_chance_agreement);
  g_test_add_func ("/agreement/alpha/refuses-unpairable-data", test_alpha_refuses_unpairable_data);
  g_test_add_func ("/agreement/alpha/interval-refuses-words", test_alpha_interval_refuses_words);
  g_test_add_func ("/agreement/weighted-kappa/refuses-constant-weights",
                   test_weighted_kappa_refuses_constant_weights);
  g_test_add_func ("/agreement/coding/numeric-units-match-labels", test_numeric_units_match_labels);
  g_test_add_func ("/agreement/unitizing/refuses-overlapping-units",
                   test_unitizing_refuses_overlapping_units);

  return g_test_run ();
}
