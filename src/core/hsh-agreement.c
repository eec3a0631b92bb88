/* hsh-agreement.c: coding data, and the kappa family (Cohen, Scott, Bennett, weighted, Fleiss). */
#include "hsh-agreement-private.h"

#include <math.h>
#include <string.h>

HshCodingData *
hsh_coding_data_new (guint n_raters)
{
  HshCodingData *data;

  g_return_val_if_fail (n_raters > 0, NULL);

  data = g_new0 (HshCodingData, 1);
  data->n_raters = n_raters;
  data->labels = g_ptr_array_new_with_free_func (g_free);
  data->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  data->index = g_hash_table_new (g_str_hash, g_str_equal);
  data->order = g_array_new (FALSE, FALSE, sizeof (guint));
  data->rank = g_array_new (FALSE, FALSE, sizeof (guint));
  data->codes = g_array_new (FALSE, FALSE, sizeof (gint32));
  data->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  return data;
}

void
hsh_coding_data_free (HshCodingData *data)
{
  if (data == NULL)
    return;
  g_hash_table_unref (data->index);
  g_ptr_array_unref (data->labels);
  g_array_unref (data->numbers);
  g_array_unref (data->order);
  g_array_unref (data->rank);
  g_array_unref (data->codes);
  g_array_unref (data->counts);
  g_free (data);
}

guint
hsh_coding_data_get_n_raters (HshCodingData *data)
{
  return data->n_raters;
}

guint
hsh_coding_data_get_n_categories (HshCodingData *data)
{
  return data->labels->len;
}

const char *
hsh_coding_data_get_category (HshCodingData *data, guint position)
{
  g_return_val_if_fail (position < data->labels->len, NULL);
  return g_ptr_array_index (data->labels, g_array_index (data->order, guint, position));
}

int
hsh_coding_data_find_category (HshCodingData *data, const char *category)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (data->index, category));
  return index == 0 ? -1 : (int) g_array_index (data->rank, guint, index - 1);
}

double
hsh_coding_data_number (HshCodingData *data, guint position)
{
  return g_array_index (data->numbers, double, g_array_index (data->order, guint, position));
}

static double
parse_number (const char *label)
{
  char *end = NULL;
  double value;

  if (*label == '\0' || g_ascii_isspace (*label))
    return NAN;
  value = g_ascii_strtod (label, &end);
  return *end == '\0' && isfinite (value) ? value : NAN;
}

static int
compare_by_number (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GArray *numbers = user_data;
  double x = g_array_index (numbers, double, *(const guint *) a);
  double y = g_array_index (numbers, double, *(const guint *) b);
  return (x > y) - (x < y);
}

/* Numbers sort by value only when the caller left the order to us and nothing else was used:
 * an ordinal scale coded 1…6 then means what it says. */
static void
rebuild_order (HshCodingData *data)
{
  gboolean numeric = data->n_declared == 0;

  g_array_set_size (data->order, data->labels->len);
  g_array_set_size (data->rank, data->labels->len);
  for (guint i = 0; i < data->labels->len; i++)
    {
      g_array_index (data->order, guint, i) = i;
      numeric = numeric && !isnan (g_array_index (data->numbers, double, i));
    }
  if (numeric)
    g_array_sort_with_data (data->order, compare_by_number, data->numbers);
  for (guint position = 0; position < data->order->len; position++)
    g_array_index (data->rank, guint, g_array_index (data->order, guint, position)) = position;
}

static guint
intern_category (HshCodingData *data, const char *label)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (data->index, label));
  double number;
  char *copy;

  if (index > 0)
    return index - 1;
  copy = g_strdup (label);
  number = parse_number (label);
  g_ptr_array_add (data->labels, copy);
  g_array_append_val (data->numbers, number);
  g_hash_table_insert (data->index, copy, GUINT_TO_POINTER (data->labels->len));
  rebuild_order (data);
  return data->labels->len - 1;
}

guint
hsh_coding_data_declare_category (HshCodingData *data, const char *category)
{
  g_return_val_if_fail (category != NULL, 0);
  g_return_val_if_fail (hsh_coding_data_n_units (data) == 0, 0);
  g_return_val_if_fail (hsh_coding_data_find_category (data, category) < 0, 0);

  data->n_declared++;
  intern_category (data, category);
  return data->labels->len - 1;
}

void
hsh_coding_data_add_unit (HshCodingData *data, const char *const *values, guint count)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (count > 0);

  for (guint rater = 0; rater < data->n_raters; rater++)
    {
      gint32 code = values[rater] == NULL ? HSH_CODING_MISSING
                                          : (gint32) intern_category (data, values[rater]);
      g_array_append_val (data->codes, code);
    }
  g_array_append_val (data->counts, count);
}

/* The shortest label that reads back as the same double, so 3.0 is "3" and 0.1 is "0.1". */
static void
format_number (double value, char buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
}

void
hsh_coding_data_add_numeric_unit (HshCodingData *data, const double *values, guint count)
{
  g_autofree char *buffers = NULL;
  g_autofree const char **labels = NULL;

  g_return_if_fail (values != NULL);

  buffers = g_malloc ((gsize) data->n_raters * G_ASCII_DTOSTR_BUF_SIZE);
  labels = g_new0 (const char *, data->n_raters);
  for (guint rater = 0; rater < data->n_raters; rater++)
    {
      char *buffer = buffers + (gsize) rater * G_ASCII_DTOSTR_BUF_SIZE;
      if (isnan (values[rater]))
        continue;
      format_number (values[rater], buffer);
      labels[rater] = buffer;
    }
  hsh_coding_data_add_unit (data, labels, count);
}

/* ---- two raters ---------------------------------------------------------------------------- */

/* The k × k contingency table of raters @a (rows) and @b (columns) over units both rated. */
typedef struct {
  guint   k;
  double *cells;
  double *rows;
  double *columns;
  double  n;
} PairTable;

static void
pair_table_clear (PairTable *table)
{
  g_free (table->cells);
  g_free (table->rows);
  g_free (table->columns);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PairTable, pair_table_clear)

static gboolean
pair_table_fill (PairTable *table, HshCodingData *data, guint a, guint b, GError **error)
{
  guint k = data->labels->len;

  table->k = k;
  table->cells = g_new0 (double, (gsize) k * k);
  table->rows = g_new0 (double, k);
  table->columns = g_new0 (double, k);
  table->n = 0;
  for (guint unit = 0; unit < hsh_coding_data_n_units (data); unit++)
    {
      int i = hsh_coding_data_position (data, unit, a);
      int j = hsh_coding_data_position (data, unit, b);
      double count = g_array_index (data->counts, guint, unit);
      if (i == HSH_CODING_MISSING || j == HSH_CODING_MISSING)
        continue;
      table->cells[(gsize) i * k + j] += count;
      table->rows[i] += count;
      table->columns[j] += count;
      table->n += count;
    }
  if (table->n == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "No unit was rated by both rater %u and rater %u", a + 1, b + 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_two_raters (HshCodingData *data, const char *measure, GError **error)
{
  if (data->n_raters == 2)
    return TRUE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
               "%s compares exactly two raters, not %u", measure, data->n_raters);
  return FALSE;
}

static double
observed_agreement (const PairTable *table)
{
  double agreeing = 0;

  for (guint i = 0; i < table->k; i++)
    agreeing += table->cells[(gsize) i * table->k + i];
  return agreeing / table->n;
}

/* (P_o − P_e) / (1 − P_e), refused when chance alone already agrees fully. */
static gboolean
chance_corrected (double observed, double expected, guint64 n, const char *measure,
                  HshAgreementResult *result, GError **error)
{
  if (expected >= 1.0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "%s is undefined: every rating falls in one category, so chance agreement "
                   "is already total", measure);
      return FALSE;
    }
  result->value = (observed - expected) / (1.0 - expected);
  result->observed = observed;
  result->expected = expected;
  result->n = n;
  return TRUE;
}

typedef enum {
  CHANCE_COHEN,    /* each rater's own marginals */
  CHANCE_SCOTT,    /* the raters' pooled marginals */
  CHANCE_UNIFORM,  /* every category equally likely */
} Chance;

static double
expected_agreement (const PairTable *table, Chance chance)
{
  double expected = 0;

  if (chance == CHANCE_UNIFORM)
    return 1.0 / table->k;
  for (guint i = 0; i < table->k; i++)
    {
      double pooled = (table->rows[i] + table->columns[i]) / (2 * table->n);
      expected += chance == CHANCE_COHEN ? table->rows[i] * table->columns[i] / (table->n * table->n)
                                         : pooled * pooled;
    }
  return expected;
}

static gboolean
two_rater_coefficient (HshCodingData *data, guint a, guint b, Chance chance, const char *measure,
                       HshAgreementResult *result, GError **error)
{
  g_auto(PairTable) table = { 0 };

  if (!pair_table_fill (&table, data, a, b, error))
    return FALSE;
  return chance_corrected (observed_agreement (&table), expected_agreement (&table, chance),
                           (guint64) table.n, measure, result, error);
}

gboolean
hsh_cohen_kappa (HshCodingData *data, HshAgreementResult *result, GError **error)
{
  return require_two_raters (data, "Cohen’s kappa", error)
      && two_rater_coefficient (data, 0, 1, CHANCE_COHEN, "Cohen’s kappa", result, error);
}

gboolean
hsh_scott_pi (HshCodingData *data, HshAgreementResult *result, GError **error)
{
  return require_two_raters (data, "Scott’s pi", error)
      && two_rater_coefficient (data, 0, 1, CHANCE_SCOTT, "Scott’s pi", result, error);
}

gboolean
hsh_bennett_s (HshCodingData *data, HshAgreementResult *result, GError **error)
{
  return require_two_raters (data, "Bennett’s S", error)
      && two_rater_coefficient (data, 0, 1, CHANCE_UNIFORM, "Bennett’s S", result, error);
}

gboolean
hsh_weighted_kappa_custom (HshCodingData *data, const double *disagreement,
                           HshAgreementResult *result, GError **error)
{
  g_auto(PairTable) table = { 0 };
  double observed = 0, expected = 0;

  g_return_val_if_fail (disagreement != NULL, FALSE);

  if (!require_two_raters (data, "Weighted kappa", error)
      || !pair_table_fill (&table, data, 0, 1, error))
    return FALSE;
  for (guint i = 0; i < table.k; i++)
    for (guint j = 0; j < table.k; j++)
      {
        double weight = disagreement[(gsize) i * table.k + j];
        observed += weight * table.cells[(gsize) i * table.k + j] / table.n;
        expected += weight * table.rows[i] * table.columns[j] / (table.n * table.n);
      }
  if (expected == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Weighted kappa is undefined: no disagreement is expected by chance");
      return FALSE;
    }
  result->value = 1.0 - observed / expected;
  result->observed = observed;
  result->expected = expected;
  result->n = (guint64) table.n;
  return TRUE;
}

gboolean
hsh_weighted_kappa (HshCodingData *data, HshKappaWeights weights, HshAgreementResult *result,
                    GError **error)
{
  guint k = data->labels->len;
  g_autofree double *disagreement = g_new (double, (gsize) k * k);

  for (guint i = 0; i < k; i++)
    for (guint j = 0; j < k; j++)
      {
        double distance = fabs ((double) i - (double) j);
        disagreement[(gsize) i * k + j] = weights == HSH_KAPPA_WEIGHTS_QUADRATIC ? distance * distance
                                                                                 : distance;
      }
  return hsh_weighted_kappa_custom (data, disagreement, result, error);
}

double *
hsh_kappa_weights_from_level_distance (const double *by_distance, guint n_distances,
                                       guint n_categories, GError **error)
{
  double lowest = G_MAXDOUBLE, highest = -G_MAXDOUBLE;
  double *disagreement;

  if (n_distances < n_categories)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "%u categories need %u weights, one per distance, not %u",
                   n_categories, n_categories, n_distances);
      return NULL;
    }
  for (guint d = 0; d < n_categories; d++)
    {
      lowest = MIN (lowest, by_distance[d]);
      highest = MAX (highest, by_distance[d]);
    }
  if (!(highest > lowest))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "The weights are all equal, so they tell no disagreement from agreement");
      return NULL;
    }
  disagreement = g_new (double, (gsize) n_categories * n_categories);
  for (guint i = 0; i < n_categories; i++)
    for (guint j = 0; j < n_categories; j++)
      disagreement[(gsize) i * n_categories + j] =
        (by_distance[i > j ? i - j : j - i] - lowest) / (highest - lowest);
  return disagreement;
}

/* ---- any number of raters ------------------------------------------------------------------ */

/* What Fleiss' kappa needs from the complete units: their number, the summed proportion of
 * agreeing rater pairs, and per category its ratings and Σ n_ij (m − n_ij). */
typedef struct {
  guint   k;
  double  units;
  double  agreeing;
  double *ratings;
  double *spread;
} FleissTally;

static void
fleiss_tally_clear (FleissTally *tally)
{
  g_free (tally->ratings);
  g_free (tally->spread);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FleissTally, fleiss_tally_clear)

static gboolean
unit_ratings (HshCodingData *data, guint unit, double *per_category)
{
  memset (per_category, 0, sizeof (double) * data->labels->len);
  for (guint rater = 0; rater < data->n_raters; rater++)
    {
      int position = hsh_coding_data_position (data, unit, rater);
      if (position == HSH_CODING_MISSING)
        return FALSE;
      per_category[position]++;
    }
  return TRUE;
}

static gboolean
fleiss_tally_fill (FleissTally *tally, HshCodingData *data, GError **error)
{
  double m = data->n_raters;
  g_autofree double *n_ij = g_new (double, data->labels->len);

  if (data->n_raters < 2)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Agreement needs at least two raters, not %u", data->n_raters);
      return FALSE;
    }
  tally->k = data->labels->len;
  tally->ratings = g_new0 (double, tally->k);
  tally->spread = g_new0 (double, tally->k);
  for (guint unit = 0; unit < hsh_coding_data_n_units (data); unit++)
    {
      double count = g_array_index (data->counts, guint, unit);
      double pairs = 0;

      if (!unit_ratings (data, unit, n_ij))
        continue;
      for (guint j = 0; j < tally->k; j++)
        {
          pairs += n_ij[j] * (n_ij[j] - 1);
          tally->ratings[j] += count * n_ij[j];
          tally->spread[j] += count * n_ij[j] * (m - n_ij[j]);
        }
      tally->agreeing += count * pairs / (m * (m - 1));
      tally->units += count;
    }
  if (tally->units == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "No unit was rated by all %u raters", data->n_raters);
      return FALSE;
    }
  return TRUE;
}

gboolean
hsh_fleiss_kappa (HshCodingData *data, HshAgreementResult *result, GError **error)
{
  g_auto(FleissTally) tally = { 0 };
  double expected = 0;

  if (!fleiss_tally_fill (&tally, data, error))
    return FALSE;
  for (guint j = 0; j < tally.k; j++)
    {
      double p = tally.ratings[j] / (tally.units * data->n_raters);
      expected += p * p;
    }
  return chance_corrected (tally.agreeing / tally.units, expected, (guint64) tally.units,
                           "Fleiss’ kappa", result, error);
}

gboolean
hsh_fleiss_kappa_for_category (HshCodingData *data, guint position, double *kappa, GError **error)
{
  g_auto(FleissTally) tally = { 0 };
  double m = data->n_raters, p;

  g_return_val_if_fail (position < data->labels->len, FALSE);

  if (!fleiss_tally_fill (&tally, data, error))
    return FALSE;
  p = tally.ratings[position] / (tally.units * m);
  if (p <= 0 || p >= 1)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Kappa for “%s” is undefined: %s rater chose it",
                   hsh_coding_data_get_category (data, position), p <= 0 ? "no" : "every");
      return FALSE;
    }
  *kappa = 1.0 - tally.spread[position] / (tally.units * m * (m - 1) * p * (1 - p));
  return TRUE;
}

gboolean
hsh_randolph_kappa (HshCodingData *data, HshAgreementResult *result, GError **error)
{
  g_auto(FleissTally) tally = { 0 };

  if (!fleiss_tally_fill (&tally, data, error))
    return FALSE;
  return chance_corrected (tally.agreeing / tally.units, 1.0 / tally.k, (guint64) tally.units,
                           "Randolph’s kappa", result, error);
}

gboolean
hsh_light_kappa (HshCodingData *data, double *kappa, GError **error)
{
  double sum = 0;
  guint pairs = 0;

  if (data->n_raters < 2)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Light’s kappa needs at least two raters, not %u", data->n_raters);
      return FALSE;
    }
  for (guint a = 0; a < data->n_raters; a++)
    for (guint b = a + 1; b < data->n_raters; b++, pairs++)
      {
        HshAgreementResult pair;
        if (!two_rater_coefficient (data, a, b, CHANCE_COHEN, "Cohen’s kappa", &pair, error))
          return FALSE;
        sum += pair.value;
      }
  *kappa = sum / pairs;
  return TRUE;
}
