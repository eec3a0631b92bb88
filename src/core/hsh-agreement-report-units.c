/* hsh-agreement-report-units.c: the report's character or token units and unitizing studies. */
#include "hsh-agreement-report-private.h"

#include <math.h>

static gboolean
label_is_a (ReportContext *ctx, guint label, guint ancestor)
{
  for (guint steps = 0; label != REPORT_NO_LABEL && steps <= ctx->n_labels; steps++)
    {
      if (label == ancestor)
        return TRUE;
      label = ctx->parent[label];
    }
  return FALSE;
}

static int
compare_paint_order (gconstpointer a, gconstpointer b)
{
  const ReportSpan *x = *(const ReportSpan *const *) a, *y = *(const ReportSpan *const *) b;
  gint64 xl = x->hull.end - x->hull.start, yl = y->hull.end - y->hull.start;

  /* Painted in this order, later spans overwrite earlier ones: the shortest wins, then the
   * one starting later, then the later one in the document's list (which qsort keeps as the
   * pointers' order, since they point into one array). */
  if (xl != yl)
    return xl > yl ? -1 : 1;
  if (x->hull.start != y->hull.start)
    return x->hull.start < y->hull.start ? -1 : 1;
  return (x > y) - (x < y);
}

/* Per code point of the document, the label index a coder's spans under @ancestor give it, or
 * -1. With @as_ancestor every such span paints @ancestor itself (presence of the label). */
static gint32 *
paint (ReportContext *ctx, ReportDocument *doc, guint coder, guint ancestor, gboolean as_ancestor)
{
  gint64 length = doc->document->length;
  gint32 *codes = g_new (gint32, MAX (length, 1));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (gint64 i = 0; i < length; i++)
    codes[i] = -1;
  for (guint i = 0; i < doc->spans->len; i++)
    {
      ReportSpan *span = &g_array_index (doc->spans, ReportSpan, i);
      if (span->coder == coder && label_is_a (ctx, span->label, ancestor))
        g_ptr_array_add (order, span);
    }
  g_ptr_array_sort (order, compare_paint_order);
  for (guint i = 0; i < order->len; i++)
    {
      ReportSpan *span = g_ptr_array_index (order, i);
      GArray *ranges = span->annotation->ranges;
      for (guint r = 0; r < ranges->len; r++)
        {
          HshRange *range = &g_array_index (ranges, HshRange, r);
          for (gint64 p = MAX (range->start, 0); p < MIN (range->end, length); p++)
            codes[p] = (gint32) (as_ancestor ? ancestor : span->label);
        }
    }
  return codes;
}

/* A token takes the label covering most of its code points, the first such on a tie. */
static gint32
token_code (const gint32 *codes, const HshRange *token)
{
  gint32 best = -1;
  gint64 best_count = 0;

  for (gint64 p = token->start; p < token->end; p++)
    {
      gint64 count = 0;
      if (codes[p] < 0 || codes[p] == best)
        continue;
      for (gint64 q = token->start; q < token->end; q++)
        count += codes[q] == codes[p];
      if (count > best_count)
        {
          best = codes[p];
          best_count = count;
        }
    }
  return best;
}

static gint32 *
to_tokens (gint32 *codes, GArray *tokens)
{
  gint32 *per_token = g_new (gint32, MAX (tokens->len, 1));

  for (guint t = 0; t < tokens->len; t++)
    per_token[t] = token_code (codes, &g_array_index (tokens, HshRange, t));
  g_free (codes);
  return per_token;
}

static void
row_add_unit (ReportContext *ctx, ReportRow *row, const char *const *values, guint count)
{
  if (row->units == NULL)
    row->units = hsh_coding_data_new (ctx->n_coders);
  hsh_coding_data_add_unit (row->units, values, count);
}

static const char *
category (ReportContext *ctx, gint32 code)
{
  return code < 0 ? REPORT_NONE : report_label_path (ctx, (guint) code);
}

/* Adds the units coded in @codes (per coder, NULL when missing) to a row of the document and
 * of the corpus, a run of identical units at a time. */
static void
add_coded_units (ReportContext *ctx, ReportScope *scope, guint row, gint32 **codes, guint n_units)
{
  g_autofree const char **values = g_new0 (const char *, ctx->n_coders);
  guint run_start = 0;

  for (guint u = 1; u <= n_units; u++)
    {
      gboolean same = u < n_units;
      for (guint c = 0; same && c < ctx->n_coders; c++)
        same = codes[c] == NULL || codes[c][u] == codes[c][run_start];
      if (same)
        continue;
      for (guint c = 0; c < ctx->n_coders; c++)
        values[c] = codes[c] != NULL ? category (ctx, codes[c][run_start]) : NULL;
      row_add_unit (ctx, &scope->rows[row], values, u - run_start);
      row_add_unit (ctx, &ctx->corpus->rows[row], values, u - run_start);
      run_start = u;
    }
}

static guint
n_units (ReportContext *ctx, ReportDocument *doc)
{
  return ctx->unit == HSH_AGREEMENT_UNIT_TOKEN ? doc->tokens->len : (guint) doc->document->length;
}

static void
add_label_units (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, guint label,
                 gboolean overall)
{
  g_autofree gint32 **codes = g_new0 (gint32 *, ctx->n_coders);

  for (guint c = 0; c < ctx->n_coders; c++)
    if (doc->present[c])
      {
        codes[c] = paint (ctx, doc, c, label, !overall);
        if (ctx->unit == HSH_AGREEMENT_UNIT_TOKEN)
          codes[c] = to_tokens (codes[c], doc->tokens);
      }
  add_coded_units (ctx, scope, overall ? 0 : label + 1, codes, n_units (ctx, doc));
  for (guint c = 0; c < ctx->n_coders; c++)
    g_free (codes[c]);
}

/* A label nobody used in this document still tells the corpus that every coder left it out. */
static void
add_absent_units (ReportContext *ctx, ReportDocument *doc, guint label)
{
  g_autofree const char **values = g_new0 (const char *, ctx->n_coders);

  for (guint c = 0; c < ctx->n_coders; c++)
    values[c] = doc->present[c] ? REPORT_NONE : NULL;
  if (n_units (ctx, doc) > 0)
    row_add_unit (ctx, &ctx->corpus->rows[label + 1], values, n_units (ctx, doc));
}

void
report_add_units (ReportContext *ctx, ReportDocument *doc, ReportScope *scope)
{
  if (doc->n_present == 0 || n_units (ctx, doc) == 0)
    return;
  for (guint label = 0; label < ctx->n_labels; label++)
    {
      if (!ctx->in_report[label])
        continue;
      if (scope->rows[label + 1].used)
        add_label_units (ctx, doc, scope, label, FALSE);
      else
        add_absent_units (ctx, doc, label);
    }
  for (guint label = 0; label < ctx->n_labels; label++)
    if (ctx->top_used[label])
      add_label_units (ctx, doc, scope, label, TRUE);
}

/* Unitizing -------------------------------------------------------------------------------- */

static void
add_segment (ReportScope *scope, guint row, guint rater, guint category, gint64 offset,
             const HshRange *range)
{
  ReportRow *target = &scope->rows[row];
  ReportSegment segment = { rater, category, range->start + offset, range->end + offset };

  if (target->segments == NULL)
    target->segments = g_array_new (FALSE, FALSE, sizeof (ReportSegment));
  g_array_append_val (target->segments, segment);
}

/* Each fragment goes to the rows of its label and of every label above it, and, under its
 * exact label, to the overall row. */
static void
add_span_segments (ReportContext *ctx, ReportScope *scope, const ReportSpan *span, guint rater,
                   gint64 offset)
{
  GArray *ranges = span->annotation->ranges;

  for (guint r = 0; r < ranges->len; r++)
    {
      const HshRange *range = &g_array_index (ranges, HshRange, r);
      add_segment (scope, 0, rater, span->label, offset, range);
      for (guint label = span->label; label != REPORT_NO_LABEL; label = ctx->parent[label])
        if (ctx->in_report[label])
          add_segment (scope, label + 1, rater, label, offset, range);
    }
}

void
report_add_segments (ReportContext *ctx, ReportDocument *doc, ReportScope *scope)
{
  g_autofree guint *rater = g_new0 (guint, ctx->n_coders);
  gboolean everyone = doc->n_present == ctx->n_coders;
  gint64 offset = ctx->corpus->continuum;

  for (guint c = 0, n = 0; c < ctx->n_coders; c++)
    rater[c] = doc->present[c] ? n++ : 0;
  scope->continuum = doc->document->length;
  scope->n_raters = doc->n_present;
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ReportSpan *span = &g_array_index (doc->spans, ReportSpan, i);
      add_span_segments (ctx, scope, span, rater[span->coder], 0);
      if (everyone)
        add_span_segments (ctx, ctx->corpus, span, span->coder, offset);
    }
  if (everyone)
    ctx->corpus->continuum += doc->document->length;
}

static int
compare_segments (gconstpointer a, gconstpointer b)
{
  const ReportSegment *x = a, *y = b;

  if (x->rater != y->rater)
    return x->rater < y->rater ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return (x->begin > y->begin) - (x->begin < y->begin);
}

/* alpha_U wants one coder's units of a category apart: overlapping ones are joined. */
static HshUnitizingStudy *
build_study (ReportContext *ctx, ReportScope *scope, GArray *segments)
{
  HshUnitizingStudy *study = hsh_unitizing_study_new (0, scope->continuum, scope->n_raters);

  g_array_sort (segments, compare_segments);
  for (guint i = 0; i < segments->len;)
    {
      ReportSegment joined = g_array_index (segments, ReportSegment, i);
      for (i++; i < segments->len; i++)
        {
          ReportSegment *next = &g_array_index (segments, ReportSegment, i);
          if (next->rater != joined.rater || next->category != joined.category || next->begin >= joined.end)
            break;
          joined.end = MAX (joined.end, next->end);
        }
      hsh_unitizing_study_add_unit (study, joined.rater, joined.begin, joined.end,
                                    report_label_path (ctx, joined.category), NULL);
    }
  return study;
}

void
report_unitizing (ReportScope *scope, guint row, ReportContext *ctx, HshAgreementCell *cell)
{
  GArray *segments = scope->rows[row].segments;
  g_autoptr(HshUnitizingStudy) study = NULL;
  HshAgreementResult result = { NAN, NAN, NAN, 0 };
  gboolean ok;

  *cell = (HshAgreementCell) { NAN, 0 };
  if (segments == NULL || scope->n_raters < 2 || scope->continuum <= 0)
    return;
  study = build_study (ctx, scope, segments);
  ok = row == 0 ? hsh_unitizing_alpha (study, &result, NULL)
                : hsh_unitizing_alpha_for_category (study, report_label_path (ctx, row - 1), &result, NULL);
  if (ok)
    *cell = (HshAgreementCell) { result.value, result.n };
}
