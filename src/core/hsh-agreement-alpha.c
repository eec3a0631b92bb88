/* hsh-agreement-alpha.c: Krippendorff's alpha for coding data, with missing values. */
#include "hsh-agreement-private.h"

#include <math.h>

/* The coincidence matrix: every ordered pair of ratings within a unit, weighted 1/(m_u − 1) so
 * that each pairable rating counts once however many raters saw the unit. */
typedef struct {
  guint   k;
  double *cells;
  double *totals;
  double  n;
} Coincidences;

static void
coincidences_clear (Coincidences *coincidences)
{
  g_free (coincidences->cells);
  g_free (coincidences->totals);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Coincidences, coincidences_clear)

static void
add_unit_pairs (Coincidences *coincidences, const double *per_category, const guint *present,
                guint n_present, double ratings, double count)
{
  for (guint a = 0; a < n_present; a++)
    for (guint b = 0; b < n_present; b++)
      {
        guint c = present[a], d = present[b];
        double pairs = per_category[c] * (per_category[d] - (c == d ? 1 : 0));
        coincidences->cells[(gsize) c * coincidences->k + d] += count * pairs / (ratings - 1);
      }
}

static gboolean
coincidences_fill (Coincidences *coincidences, HshCodingData *data, GError **error)
{
  guint k = data->labels->len;
  g_autofree double *per_category = g_new0 (double, k);
  g_autofree guint *present = g_new (guint, data->n_raters);

  coincidences->k = k;
  coincidences->cells = g_new0 (double, (gsize) k * k);
  coincidences->totals = g_new0 (double, k);
  for (guint unit = 0; unit < hsh_coding_data_n_units (data); unit++)
    {
      guint n_present = 0, ratings = 0;

      for (guint rater = 0; rater < data->n_raters; rater++)
        {
          int position = hsh_coding_data_position (data, unit, rater);
          if (position == HSH_CODING_MISSING)
            continue;
          if (per_category[position]++ == 0)
            present[n_present++] = position;
          ratings++;
        }
      if (ratings >= 2)
        add_unit_pairs (coincidences, per_category, present, n_present, ratings,
                        g_array_index (data->counts, guint, unit));
      for (guint i = 0; i < n_present; i++)
        per_category[present[i]] = 0;
    }
  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      coincidences->totals[c] += coincidences->cells[(gsize) c * k + d];
  for (guint c = 0; c < k; c++)
    coincidences->n += coincidences->totals[c];
  if (coincidences->n == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Alpha needs at least one unit rated by two raters");
      return FALSE;
    }
  return TRUE;
}

static gboolean
alpha_from_coincidences (const Coincidences *coincidences, const double *delta2,
                         HshAgreementResult *result, GError **error)
{
  guint k = coincidences->k;
  double n = coincidences->n, observed = 0, expected = 0;

  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      {
        double distance = delta2[(gsize) c * k + d];
        observed += coincidences->cells[(gsize) c * k + d] * distance / n;
        expected += coincidences->totals[c] * coincidences->totals[d] * distance / (n * (n - 1));
      }
  if (expected == 0 && observed > 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Alpha is undefined: the distances expect no disagreement by chance");
      return FALSE;
    }
  /* Everyone chose values at distance 0 from each other: perfect, if trivial, agreement. */
  result->value = expected == 0 ? 1.0 : 1.0 - observed / expected;
  result->observed = observed;
  result->expected = expected;
  result->n = (guint64) llround (n);
  return TRUE;
}

static gboolean
numeric_values (HshCodingData *data, const Coincidences *coincidences, double *values,
                GError **error)
{
  for (guint c = 0; c < coincidences->k; c++)
    {
      values[c] = hsh_coding_data_number (data, c);
      if (isnan (values[c]) && coincidences->totals[c] > 0)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "Interval and ratio alpha need numbers, and “%s” is not one",
                       hsh_coding_data_get_category (data, c));
          return FALSE;
        }
    }
  return TRUE;
}

/* Krippendorff's ordinal distance: how many pairable values lie between c and d, ends half. */
static double
ordinal_distance (const Coincidences *coincidences, guint c, guint d)
{
  guint low = MIN (c, d), high = MAX (c, d);
  double between = 0;

  for (guint g = low; g <= high; g++)
    between += coincidences->totals[g];
  between -= (coincidences->totals[low] + coincidences->totals[high]) / 2;
  return between * between;
}

static double
metric_distance (HshAlphaMetric metric, const Coincidences *coincidences, const double *values,
                 guint c, guint d)
{
  double difference, sum;

  if (c == d)
    return 0;
  switch (metric)
    {
    case HSH_ALPHA_ORDINAL:
      return ordinal_distance (coincidences, c, d);
    case HSH_ALPHA_INTERVAL:
      difference = values[c] - values[d];
      return difference * difference;
    case HSH_ALPHA_RATIO:
      difference = values[c] - values[d];
      sum = values[c] + values[d];
      return sum == 0 ? 0 : (difference / sum) * (difference / sum);
    case HSH_ALPHA_NOMINAL:
    default:
      return 1;
    }
}

gboolean
hsh_krippendorff_alpha (HshCodingData *data, HshAlphaMetric metric, HshAgreementResult *result,
                        GError **error)
{
  g_auto(Coincidences) coincidences = { 0 };
  g_autofree double *values = NULL;
  g_autofree double *delta2 = NULL;
  guint k = data->labels->len;

  if (!coincidences_fill (&coincidences, data, error))
    return FALSE;
  values = g_new0 (double, k);
  if ((metric == HSH_ALPHA_INTERVAL || metric == HSH_ALPHA_RATIO)
      && !numeric_values (data, &coincidences, values, error))
    return FALSE;
  delta2 = g_new (double, (gsize) k * k);
  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      delta2[(gsize) c * k + d] = coincidences.totals[c] > 0 && coincidences.totals[d] > 0
                                  ? metric_distance (metric, &coincidences, values, c, d) : 0;
  return alpha_from_coincidences (&coincidences, delta2, result, error);
}

gboolean
hsh_krippendorff_alpha_custom (HshCodingData *data, const double *delta2,
                               HshAgreementResult *result, GError **error)
{
  g_auto(Coincidences) coincidences = { 0 };

  g_return_val_if_fail (delta2 != NULL, FALSE);

  return coincidences_fill (&coincidences, data, error)
      && alpha_from_coincidences (&coincidences, delta2, result, error);
}

gboolean
hsh_krippendorff_alpha_for_category (HshCodingData *data, guint position,
                                     HshAgreementResult *result, GError **error)
{
  guint k = data->labels->len;
  g_autofree double *delta2 = NULL;

  g_return_val_if_fail (position < k, FALSE);

  delta2 = g_new (double, (gsize) k * k);
  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      delta2[(gsize) c * k + d] = (c == position) != (d == position);
  return hsh_krippendorff_alpha_custom (data, delta2, result, error);
}
