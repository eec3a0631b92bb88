/* hsh-agreement-report-spans.c: span scores between coders, and the attributes and role links
 * of the spans they both made. */
#include "hsh-agreement-report-private.h"

#include <math.h>
#include <stdlib.h>

static guint64 *
row_spans (ReportContext *ctx, ReportRow *row)
{
  if (row->spans == NULL)
    row->spans = g_new0 (guint64, ctx->n_pairs * 2 * SPAN_N_COUNTS);
  return row->spans;
}

/* The coder's spans a row compares: under their exact label for the overall row, else those
 * of the row's label or below, all named after it. */
static GArray *
coded_spans (ReportContext *ctx, ReportDocument *doc, guint coder, guint row)
{
  GArray *coded = g_array_new (FALSE, FALSE, sizeof (HshCodedSpan));

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ReportSpan *span = &g_array_index (doc->spans, ReportSpan, i);
      guint label = span->label;
      HshCodedSpan item;

      if (span->coder != coder)
        continue;
      while (row > 0 && label != REPORT_NO_LABEL && label != row - 1)
        label = ctx->parent[label];
      if (label == REPORT_NO_LABEL)
        continue;
      item.range = span->hull;
      item.label = report_label_path (ctx, label);
      g_array_append_val (coded, item);
    }
  return coded;
}

static void
add_span_counts (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, guint row, guint i, guint j)
{
  g_autoptr(GArray) first = coded_spans (ctx, doc, i, row);
  g_autoptr(GArray) second = coded_spans (ctx, doc, j, row);
  HshCoderSpans reference = { (HshCodedSpan *) (void *) first->data, first->len };
  HshCoderSpans candidate = { (HshCodedSpan *) (void *) second->data, second->len };
  guint pair = report_pair_index (ctx->n_coders, i, j);

  for (guint match = 0; match < 2; match++)
    {
      g_autoptr(HshSpanAgreement) agreement =
        hsh_span_agreement_new (&reference, &candidate, match == 0 ? HSH_SPAN_MATCH_EXACT : HSH_SPAN_MATCH_OVERLAP, NULL);
      guint64 counts[SPAN_N_COUNTS];

      if (agreement == NULL)
        continue;
      counts[SPAN_REFERENCE] = agreement->overall.n_reference;
      counts[SPAN_CANDIDATE] = agreement->overall.n_candidate;
      counts[SPAN_MATCHED] = agreement->overall.n_matched;
      for (guint k = 0; k < SPAN_N_COUNTS; k++)
        {
          row_spans (ctx, &scope->rows[row])[(pair * 2 + match) * SPAN_N_COUNTS + k] += counts[k];
          row_spans (ctx, &ctx->corpus->rows[row])[(pair * 2 + match) * SPAN_N_COUNTS + k] += counts[k];
        }
    }
}

/* Overlap matching of two coders' spans ------------------------------------------------------ */

typedef struct {
  const ReportSpan *reference;
  const ReportSpan *candidate;
  guint  reference_index;
  guint  candidate_index;
  gint64 common;
  gint64 offset;
} Pair;

/* The order hsh_span_agreement_new takes pairs in, so both see the same matches. */
static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const Pair *x = a, *y = b;

  if (x->common != y->common)
    return x->common > y->common ? -1 : 1;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  if (x->reference_index != y->reference_index)
    return x->reference_index < y->reference_index ? -1 : 1;
  return (x->candidate_index > y->candidate_index) - (x->candidate_index < y->candidate_index);
}

static GPtrArray *
spans_of (ReportDocument *doc, guint coder)
{
  GPtrArray *spans = g_ptr_array_new ();
  for (guint i = 0; i < doc->spans->len; i++)
    if (g_array_index (doc->spans, ReportSpan, i).coder == coder)
      g_ptr_array_add (spans, &g_array_index (doc->spans, ReportSpan, i));
  return spans;
}

static GArray *
overlapping_pairs (GPtrArray *reference, GPtrArray *candidate)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint r = 0; r < reference->len; r++)
    for (guint c = 0; c < candidate->len; c++)
      {
        const ReportSpan *x = g_ptr_array_index (reference, r), *y = g_ptr_array_index (candidate, c);
        gint64 common = MIN (x->hull.end, y->hull.end) - MAX (x->hull.start, y->hull.start);
        if (x->label == y->label && common > 0)
          {
            Pair pair = { x, y, r, c, common,
                          llabs (x->hull.start - y->hull.start) + llabs (x->hull.end - y->hull.end) };
            g_array_append_val (pairs, pair);
          }
      }
  return pairs;
}

/* Coder @i's annotation → coder @j's, one to one, greedily as the span scores match them. */
static GHashTable *
match_spans (ReportDocument *doc, guint i, guint j)
{
  g_autoptr(GPtrArray) reference = spans_of (doc, i);
  g_autoptr(GPtrArray) candidate = spans_of (doc, j);
  g_autoptr(GArray) pairs = overlapping_pairs (reference, candidate);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  GHashTable *matches = g_hash_table_new (NULL, NULL);

  g_array_sort (pairs, compare_pairs);
  for (guint k = 0; k < pairs->len; k++)
    {
      Pair *pair = &g_array_index (pairs, Pair, k);
      if (g_hash_table_contains (matches, pair->reference) || g_hash_table_contains (taken, pair->candidate))
        continue;
      g_hash_table_insert (matches, (gpointer) pair->reference, (gpointer) pair->candidate);
      g_hash_table_add (taken, (gpointer) pair->candidate);
    }
  return matches;
}

/* Attributes -------------------------------------------------------------------------------- */

static GHashTable *
attribute_values (ReportContext *ctx, ReportDocument *doc, const HshAnnotation *annotation, GError **error)
{
  GHashTable *values = g_hash_table_lookup (doc->attributes, &annotation->id);

  if (values == NULL && (values = hsh_store_get_attribute_values (ctx->store, annotation->id, error)))
    g_hash_table_insert (doc->attributes, g_memdup2 (&annotation->id, sizeof (gint64)), values);
  return values;
}

/* The overall row and the rows of the span's label and of each label above it, in the document
 * and in the corpus: where a comparison on this span counts. */
static GPtrArray *
rows_of (ReportContext *ctx, ReportScope *scope, const ReportSpan *span)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint s = 0; s < 2; s++)
    {
      ReportScope *target = s == 0 ? scope : ctx->corpus;
      g_ptr_array_add (rows, &target->rows[0]);
      for (guint label = span->label; label != REPORT_NO_LABEL; label = ctx->parent[label])
        if (ctx->in_report[label])
          g_ptr_array_add (rows, &target->rows[label + 1]);
    }
  return rows;
}

static void
add_comparison (ReportContext *ctx, ReportScope *scope, const ReportSpan *a, guint i, guint j,
                const char *name, const char *va, const char *vb)
{
  g_autofree const char **values = g_new0 (const char *, ctx->n_coders);
  g_autofree char *first = g_strdup_printf ("%s=%s", name, va != NULL ? va : REPORT_NONE);
  g_autofree char *second = g_strdup_printf ("%s=%s", name, vb != NULL ? vb : REPORT_NONE);
  gboolean agreed = g_strcmp0 (va, vb) == 0;

  g_autoptr(GPtrArray) rows = rows_of (ctx, scope, a);

  values[i] = first;
  values[j] = second;
  for (guint k = 0; k < rows->len; k++)
    {
      ReportRow *row = g_ptr_array_index (rows, k);
      row->attribute_compared++;
      row->attribute_agreed += agreed;
      if (row->attributes == NULL)
        row->attributes = hsh_coding_data_new (ctx->n_coders);
      hsh_coding_data_add_unit (row->attributes, values, 1);
    }
}

static gboolean
compare_attributes (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, const ReportSpan *a,
                    const ReportSpan *b, GError **error)
{
  g_autoptr(GPtrArray) definitions = hsh_codebook_attributes_for (ctx->codebook, a->annotation->label_id);
  GHashTable *va = attribute_values (ctx, doc, a->annotation, error);
  GHashTable *vb = va != NULL ? attribute_values (ctx, doc, b->annotation, error) : NULL;

  if (vb == NULL)
    return FALSE;
  for (guint k = 0; k < definitions->len; k++)
    {
      HshAttributeDef *definition = g_ptr_array_index (definitions, k);
      const char *x = g_hash_table_lookup (va, &definition->id), *y = g_hash_table_lookup (vb, &definition->id);
      if (x != NULL || y != NULL)
        add_comparison (ctx, scope, a, a->coder, b->coder, definition->name, x, y);
    }
  if (a->annotation->actor_id != 0 || b->annotation->actor_id != 0)
    {
      g_autofree char *x = a->annotation->actor_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, a->annotation->actor_id) : NULL;
      g_autofree char *y = b->annotation->actor_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, b->annotation->actor_id) : NULL;
      add_comparison (ctx, scope, a, a->coder, b->coder, "actor", x, y);
    }
  return TRUE;
}

/* Role links -------------------------------------------------------------------------------- */

static GHashTable *
links_by_source (ReportDocument *doc)
{
  GHashTable *by_source = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint k = 0; k < doc->links->len; k++)
    {
      HshRoleLink *link = g_ptr_array_index (doc->links, k);
      GPtrArray *list = g_hash_table_lookup (by_source, &link->source_id);
      if (list == NULL)
        g_hash_table_insert (by_source, &link->source_id, list = g_ptr_array_new ());
      g_ptr_array_add (list, link);
    }
  return by_source;
}

static gboolean
link_agrees (HshRoleLink *link, GPtrArray *others, GHashTable *matches, GHashTable *by_id)
{
  const ReportSpan *target = g_hash_table_lookup (by_id, &link->target_id);
  const ReportSpan *matched = target != NULL ? g_hash_table_lookup (matches, target) : NULL;

  for (guint k = 0; matched != NULL && others != NULL && k < others->len; k++)
    {
      HshRoleLink *other = g_ptr_array_index (others, k);
      if (other->role_id == link->role_id && other->target_id == matched->annotation->id)
        return TRUE;
    }
  return FALSE;
}

static void
compare_roles (ReportContext *ctx, ReportScope *scope, const ReportSpan *a, const ReportSpan *b,
               GHashTable *matches, GHashTable *by_source, GHashTable *by_id)
{
  GPtrArray *la = g_hash_table_lookup (by_source, &a->annotation->id);
  GPtrArray *lb = g_hash_table_lookup (by_source, &b->annotation->id);
  guint links = (la != NULL ? la->len : 0) + (lb != NULL ? lb->len : 0);
  guint agreed = 0;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint k = 0; la != NULL && k < la->len; k++)
    agreed += link_agrees (g_ptr_array_index (la, k), lb, matches, by_id);
  if (links == 0)
    return;
  rows = rows_of (ctx, scope, a);
  for (guint k = 0; k < rows->len; k++)
    {
      ReportRow *row = g_ptr_array_index (rows, k);
      row->role_links += links;
      row->role_agreed += agreed;
    }
}

static gboolean
compare_matched (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, guint i, guint j,
                 GHashTable *by_source, GHashTable *by_id, GError **error)
{
  g_autoptr(GHashTable) matches = match_spans (doc, i, j);
  GHashTableIter iter;
  const ReportSpan *a, *b;

  g_hash_table_iter_init (&iter, matches);
  while (g_hash_table_iter_next (&iter, (gpointer *) &a, (gpointer *) &b))
    {
      if (!compare_attributes (ctx, doc, scope, a, b, error))
        return FALSE;
      compare_roles (ctx, scope, a, b, matches, by_source, by_id);
    }
  return TRUE;
}

gboolean
report_add_spans (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, GError **error)
{
  g_autoptr(GHashTable) by_source = links_by_source (doc);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint k = 0; k < doc->spans->len; k++)
    {
      ReportSpan *span = &g_array_index (doc->spans, ReportSpan, k);
      g_hash_table_insert (by_id, (gpointer) &span->annotation->id, span);
    }
  for (guint i = 0; i < ctx->n_coders; i++)
    for (guint j = i + 1; j < ctx->n_coders; j++)
      {
        if (!doc->present[i] || !doc->present[j])
          continue;
        for (guint row = 0; row < scope->n_rows; row++)
          if (scope->rows[row].used)
            add_span_counts (ctx, doc, scope, row, i, j);
        if (!compare_matched (ctx, doc, scope, i, j, by_source, by_id, error))
          return FALSE;
      }
  return TRUE;
}

/* Cells ------------------------------------------------------------------------------------- */

static double
ratio (guint64 part, guint64 whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

/* Precision, recall and F1 of each pair from its summed counts, averaged over the pairs where
 * each is defined. */
static void
span_cells (ReportContext *ctx, const guint64 *spans, guint match, HshAgreementCell *cells)
{
  double sum[3] = { 0, 0, 0 };
  guint defined[3] = { 0, 0, 0 };
  guint64 n[3] = { 0, 0, 0 };

  for (guint pair = 0; spans != NULL && pair < ctx->n_pairs; pair++)
    {
      const guint64 *c = &spans[(pair * 2 + match) * SPAN_N_COUNTS];
      double value[3] = { ratio (c[SPAN_MATCHED], c[SPAN_CANDIDATE]), ratio (c[SPAN_MATCHED], c[SPAN_REFERENCE]),
                          ratio (2 * c[SPAN_MATCHED], c[SPAN_REFERENCE] + c[SPAN_CANDIDATE]) };
      n[0] += c[SPAN_CANDIDATE];
      n[1] += c[SPAN_REFERENCE];
      n[2] += c[SPAN_MATCHED];
      for (guint k = 0; k < 3; k++)
        if (!isnan (value[k]))
          {
            sum[k] += value[k];
            defined[k]++;
          }
    }
  for (guint k = 0; k < 3; k++)
    cells[k] = (HshAgreementCell) { defined[k] > 0 ? sum[k] / defined[k] : NAN, n[k] };
}

void
report_span_cells (ReportContext *ctx, ReportRow *row, HshAgreementCell *cells)
{
  HshAgreementResult result;

  span_cells (ctx, row->spans, 0, &cells[HSH_MEASURE_EXACT_PRECISION]);
  span_cells (ctx, row->spans, 1, &cells[HSH_MEASURE_OVERLAP_PRECISION]);
  cells[HSH_MEASURE_ATTRIBUTE_AGREEMENT] = (HshAgreementCell) {
    ratio (row->attribute_agreed, row->attribute_compared), row->attribute_compared };
  cells[HSH_MEASURE_ATTRIBUTE_ALPHA] = (HshAgreementCell) { NAN, 0 };
  if (row->attributes != NULL && hsh_krippendorff_alpha (row->attributes, HSH_ALPHA_NOMINAL, &result, NULL))
    cells[HSH_MEASURE_ATTRIBUTE_ALPHA] = (HshAgreementCell) { result.value, result.n };
  cells[HSH_MEASURE_ROLE_AGREEMENT] = (HshAgreementCell) {
    ratio (2 * row->role_agreed, row->role_links), row->role_links };
}
