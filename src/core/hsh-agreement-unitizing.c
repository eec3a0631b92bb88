/* hsh-agreement-unitizing.c: Krippendorff's unitizing alpha (alpha_U) over a continuum. */
#include "hsh-agreement.h"

#include <math.h>
#include <string.h>

typedef struct {
  guint  rater;
  gint64 begin;
  gint64 end;
  guint  category;
} Unit;

struct _HshUnitizingStudy {
  gint64      begin;
  gint64      length;
  guint       n_raters;
  GArray     *units;       /* Unit */
  GPtrArray  *categories;  /* char * */
  GHashTable *index;       /* category → its index in @categories, plus one */
};

HshUnitizingStudy *
hsh_unitizing_study_new (gint64 begin, gint64 length, guint n_raters)
{
  HshUnitizingStudy *study;

  g_return_val_if_fail (length >= 0, NULL);

  study = g_new0 (HshUnitizingStudy, 1);
  study->begin = begin;
  study->length = length;
  study->n_raters = n_raters;
  study->units = g_array_new (FALSE, FALSE, sizeof (Unit));
  study->categories = g_ptr_array_new_with_free_func (g_free);
  study->index = g_hash_table_new (g_str_hash, g_str_equal);
  return study;
}

void
hsh_unitizing_study_free (HshUnitizingStudy *study)
{
  if (study == NULL)
    return;
  g_array_unref (study->units);
  g_hash_table_unref (study->index);
  g_ptr_array_unref (study->categories);
  g_free (study);
}

static guint
intern_category (HshUnitizingStudy *study, const char *category)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (study->index, category));
  char *copy;

  if (index > 0)
    return index - 1;
  copy = g_strdup (category);
  g_ptr_array_add (study->categories, copy);
  g_hash_table_insert (study->index, copy, GUINT_TO_POINTER (study->categories->len));
  return study->categories->len - 1;
}

gboolean
hsh_unitizing_study_add_unit (HshUnitizingStudy *study, guint rater, gint64 begin, gint64 end,
                              const char *category, GError **error)
{
  Unit unit = { rater, begin, end, 0 };

  if (rater >= study->n_raters)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Rater %u does not exist: the study has %u raters, counted from 0",
                   rater, study->n_raters);
      return FALSE;
    }
  if (begin < study->begin || end < begin || end > study->begin + study->length)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Rater %u’s unit %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is not inside the "
                   "continuum %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, rater, begin, end,
                   study->begin, study->begin + study->length);
      return FALSE;
    }
  if (category == NULL)
    return TRUE;
  unit.category = intern_category (study, category);
  g_array_append_val (study->units, unit);
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
hsh_unitizing_study_dup_categories (HshUnitizingStudy *study)
{
  GPtrArray *categories = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < study->categories->len; i++)
    g_ptr_array_add (categories, g_strdup (g_ptr_array_index (study->categories, i)));
  g_ptr_array_sort (categories, compare_names);
  return categories;
}

double
hsh_unitizing_distance (const HshUnitizingSection *g, const HshUnitizingSection *h)
{
  gint64 shift = g->begin - h->begin;
  double begins, ends;

  if (!g->gap && !h->gap)
    {
      if (-g->length < shift && shift < h->length)
        {
          begins = (double) shift;
          ends = (double) (g->begin + g->length - h->begin - h->length);
          return begins * begins + ends * ends;
        }
      return 0;
    }
  if (g->gap && !h->gap && h->begin >= g->begin && h->begin + h->length <= g->begin + g->length)
    return (double) h->length * (double) h->length;
  if (h->gap && !g->gap && g->begin >= h->begin && g->begin + g->length <= h->begin + h->length)
    return (double) g->length * (double) g->length;
  return 0;
}

/* ---- one category -------------------------------------------------------------------------- */

static int
compare_units (gconstpointer a, gconstpointer b)
{
  const Unit *x = a, *y = b;

  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* One rater's units of the category and the non-empty gaps between them, in order: they tile
 * the continuum. */
static gboolean
rater_sections (HshUnitizingStudy *study, guint category, guint rater, GArray *sections,
                GError **error)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  gint64 position = study->begin;

  for (guint i = 0; i < study->units->len; i++)
    {
      Unit *unit = &g_array_index (study->units, Unit, i);
      if (unit->category == category && unit->rater == rater)
        g_array_append_val (units, *unit);
    }
  g_array_sort (units, compare_units);
  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = &g_array_index (units, Unit, i);
      HshUnitizingSection gap = { position, unit->begin - position, TRUE };
      HshUnitizingSection section = { unit->begin, unit->end - unit->begin, FALSE };

      if (unit->begin < position)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "Rater %u’s units of “%s” overlap at %" G_GINT64_FORMAT, rater,
                       (const char *) g_ptr_array_index (study->categories, category), unit->begin);
          return FALSE;
        }
      if (gap.length > 0)
        g_array_append_val (sections, gap);
      g_array_append_val (sections, section);
      position = unit->end;
    }
  if (position < study->begin + study->length)
    {
      HshUnitizingSection gap = { position, study->begin + study->length - position, TRUE };
      g_array_append_val (sections, gap);
    }
  return TRUE;
}

/* Σ delta² over the sections of two raters. Both lists are sorted and tile the continuum, so
 * only the sections of @h that reach into each section of @g need to be visited. */
static double
pair_disagreement (GArray *g_sections, GArray *h_sections)
{
  double sum = 0;
  guint first = 0;

  for (guint i = 0; i < g_sections->len; i++)
    {
      HshUnitizingSection *g = &g_array_index (g_sections, HshUnitizingSection, i);

      while (first < h_sections->len
             && g_array_index (h_sections, HshUnitizingSection, first).begin
                + g_array_index (h_sections, HshUnitizingSection, first).length < g->begin)
        first++;
      for (guint j = first; j < h_sections->len; j++)
        {
          HshUnitizingSection *h = &g_array_index (h_sections, HshUnitizingSection, j);
          if (h->begin > g->begin + g->length)
            break;
          sum += hsh_unitizing_distance (g, h);
        }
    }
  return sum;
}

static double
observed_disagreement (HshUnitizingStudy *study, GPtrArray *sections)
{
  double m = study->n_raters, length = (double) study->length, sum = 0;

  for (guint i = 0; i < study->n_raters; i++)
    for (guint j = i + 1; j < study->n_raters; j++)
      sum += 2 * pair_disagreement (g_ptr_array_index (sections, i), g_ptr_array_index (sections, j));
  return sum / (m * (m - 1) * length * length);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Σ over gaps at least @l long of (gap − l + 1), from gap lengths sorted ascending and their
 * suffix sums. */
static double
gap_positions (const double *gaps, const double *suffix, guint n_gaps, double l)
{
  guint low = 0, high = n_gaps;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      if (gaps[middle] < l)
        low = middle + 1;
      else
        high = middle;
    }
  return suffix[low] - (l - 1) * (n_gaps - low);
}

/* Krippendorff (2004): the disagreement expected when every unit could lie anywhere. */
static double
expected_disagreement (HshUnitizingStudy *study, GPtrArray *sections)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *suffix = NULL;
  double m = study->n_raters, length = (double) study->length;
  double numerator = 0, short_pairs = 0, n_units;

  for (guint rater = 0; rater < sections->len; rater++)
    {
      GArray *list = g_ptr_array_index (sections, rater);
      for (guint i = 0; i < list->len; i++)
        {
          HshUnitizingSection *section = &g_array_index (list, HshUnitizingSection, i);
          double l = (double) section->length;
          g_array_append_val (section->gap ? gaps : lengths, l);
        }
    }
  g_array_sort (gaps, compare_doubles);
  suffix = g_new0 (double, gaps->len + 1);
  for (guint i = gaps->len; i > 0; i--)
    suffix[i - 1] = suffix[i] + g_array_index (gaps, double, i - 1);
  n_units = lengths->len;
  for (guint i = 0; i < lengths->len; i++)
    {
      double l = g_array_index (lengths, double, i);
      numerator += (n_units - 1) * (2 * l * l * l - 3 * l * l + l) / 3;
      numerator += l * l * gap_positions ((double *) gaps->data, suffix, gaps->len, l);
      short_pairs += l * (l - 1);
    }
  return (2 / length) * numerator / (m * length * (m * length - 1) - short_pairs);
}

/* 1 − D_o/D_e, but exactly 0 when the two agree up to rounding: a study at chance level (or
 * one of zero-length units, where both are 0) must not report a speck of (dis)agreement. */
static double
alpha_from (double observed, double expected)
{
  if (fabs (observed - expected) <= 1e-12 * fabs (expected))
    return 0;
  return 1 - observed / expected;
}

static gboolean
category_disagreements (HshUnitizingStudy *study, guint category, double *observed,
                        double *expected, GError **error)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint rater = 0; rater < study->n_raters; rater++)
    {
      GArray *list = g_array_new (FALSE, FALSE, sizeof (HshUnitizingSection));
      g_ptr_array_add (sections, list);
      if (!rater_sections (study, category, rater, list, error))
        return FALSE;
    }
  *observed = observed_disagreement (study, sections);
  *expected = expected_disagreement (study, sections);
  return TRUE;
}

static gboolean
check_study (HshUnitizingStudy *study, GError **error)
{
  if (study->n_raters < 2 || study->length < 1)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Unitizing alpha needs two raters and a continuum at least 1 long, not %u "
                   "raters over %" G_GINT64_FORMAT, study->n_raters, study->length);
      return FALSE;
    }
  return TRUE;
}

static guint
units_of (HshUnitizingStudy *study, guint category)
{
  guint n = 0;

  for (guint i = 0; i < study->units->len; i++)
    n += g_array_index (study->units, Unit, i).category == category;
  return n;
}

gboolean
hsh_unitizing_alpha_for_category (HshUnitizingStudy *study, const char *category,
                                  HshAgreementResult *result, GError **error)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (study->index, category));
  double observed, expected;

  if (!check_study (study, error))
    return FALSE;
  if (index == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND,
                   "No rater marked a unit of “%s”", category);
      return FALSE;
    }
  if (!category_disagreements (study, index - 1, &observed, &expected, error))
    return FALSE;
  result->value = alpha_from (observed, expected);
  result->observed = observed;
  result->expected = expected;
  result->n = units_of (study, index - 1);
  return TRUE;
}

gboolean
hsh_unitizing_alpha (HshUnitizingStudy *study, HshAgreementResult *result, GError **error)
{
  double observed = 0, expected = 0;
  guint n = study->categories->len;

  if (!check_study (study, error))
    return FALSE;
  for (guint category = 0; category < n; category++)
    {
      double category_observed, category_expected;
      if (!category_disagreements (study, category, &category_observed, &category_expected, error))
        return FALSE;
      observed += category_observed;
      expected += category_expected;
    }
  result->value = n == 0 ? NAN : alpha_from (observed, expected);
  result->observed = n == 0 ? NAN : observed / n;
  result->expected = n == 0 ? NAN : expected / n;
  result->n = study->units->len;
  return TRUE;
}
