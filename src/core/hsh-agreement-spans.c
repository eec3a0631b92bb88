/* hsh-agreement-spans.c: span precision/recall/F1, and spans turned into character or token units. */
#include "hsh-agreement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static gboolean
check_span (const HshCodedSpan *span, gsize index, const char *coder, gint64 text_length,
            GError **error)
{
  if (span->label != NULL && span->range.start >= 0 && span->range.start < span->range.end
      && (text_length < 0 || span->range.end <= text_length))
    return TRUE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
               "Span %" G_GSIZE_FORMAT " of %s (%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT ") is %s",
               index + 1, coder, span->range.start, span->range.end,
               span->label == NULL ? "unlabelled"
               : span->range.start < span->range.end ? "outside the text" : "empty or reversed");
  return FALSE;
}

static gboolean
check_coder (const HshCoderSpans *coder, const char *name, gint64 text_length, GError **error)
{
  for (gsize i = 0; i < coder->n_spans; i++)
    if (!check_span (&coder->spans[i], i, name, text_length, error))
      return FALSE;
  return TRUE;
}

/* ---- matching ------------------------------------------------------------------------------ */

typedef struct {
  guint  reference;
  guint  candidate;
  gint64 common;     /* code points in common */
  gint64 offset;     /* how far the boundaries lie apart */
} Pair;

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const Pair *x = a, *y = b;

  if (x->common != y->common)
    return x->common > y->common ? -1 : 1;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  if (x->reference != y->reference)
    return x->reference < y->reference ? -1 : 1;
  return (x->candidate > y->candidate) - (x->candidate < y->candidate);
}

typedef struct {
  const HshCoderSpans *coder;
  GArray              *indices;  /* guint, spans of one label sorted by start */
} LabelSpans;

static int
compare_by_start (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const HshCoderSpans *coder = user_data;
  gint64 x = coder->spans[*(const guint *) a].range.start;
  gint64 y = coder->spans[*(const guint *) b].range.start;
  return (x > y) - (x < y);
}

static void
label_spans_sort (LabelSpans *spans)
{
  g_array_sort_with_data (spans->indices, compare_by_start, (gpointer) spans->coder);
}

static void
add_pair_if_matching (GArray *pairs, const HshCodedSpan *r, const HshCodedSpan *c, guint ri,
                      guint ci, HshSpanMatch match)
{
  gint64 common = MIN (r->range.end, c->range.end) - MAX (r->range.start, c->range.start);
  Pair pair = { ri, ci, common, llabs (r->range.start - c->range.start)
                                + llabs (r->range.end - c->range.end) };

  if (match == HSH_SPAN_MATCH_EXACT ? pair.offset == 0 : common > 0)
    g_array_append_val (pairs, pair);
}

/* Every candidate that could match a reference span: those starting less than the longest
 * candidate's length before it and before its end. */
static GArray *
matching_pairs (const LabelSpans *reference, const LabelSpans *candidate, HshSpanMatch match)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  gint64 longest = 0;

  for (guint j = 0; j < candidate->indices->len; j++)
    {
      const HshRange *range = &candidate->coder->spans[g_array_index (candidate->indices, guint, j)].range;
      longest = MAX (longest, range->end - range->start);
    }
  for (guint i = 0; i < reference->indices->len; i++)
    {
      guint ri = g_array_index (reference->indices, guint, i);
      const HshCodedSpan *r = &reference->coder->spans[ri];
      guint low = 0, high = candidate->indices->len;

      while (low < high)
        {
          guint middle = low + (high - low) / 2;
          guint ci = g_array_index (candidate->indices, guint, middle);
          if (candidate->coder->spans[ci].range.start <= r->range.start - longest)
            low = middle + 1;
          else
            high = middle;
        }
      for (guint j = low; j < candidate->indices->len; j++)
        {
          guint ci = g_array_index (candidate->indices, guint, j);
          if (candidate->coder->spans[ci].range.start >= r->range.end)
            break;
          add_pair_if_matching (pairs, r, &candidate->coder->spans[ci], ri, ci, match);
        }
    }
  return pairs;
}

static guint
count_matches (const LabelSpans *reference, const LabelSpans *candidate, HshSpanMatch match)
{
  g_autoptr(GArray) pairs = matching_pairs (reference, candidate, match);
  g_autoptr(GHashTable) taken_reference = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) taken_candidate = g_hash_table_new (NULL, NULL);
  guint matched = 0;

  g_array_sort (pairs, compare_pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = &g_array_index (pairs, Pair, i);
      if (g_hash_table_contains (taken_reference, GUINT_TO_POINTER (pair->reference))
          || g_hash_table_contains (taken_candidate, GUINT_TO_POINTER (pair->candidate)))
        continue;
      g_hash_table_add (taken_reference, GUINT_TO_POINTER (pair->reference));
      g_hash_table_add (taken_candidate, GUINT_TO_POINTER (pair->candidate));
      matched++;
    }
  return matched;
}

static void
score_fill (HshSpanScore *score, guint n_reference, guint n_candidate, guint n_matched)
{
  score->n_reference = n_reference;
  score->n_candidate = n_candidate;
  score->n_matched = n_matched;
  score->precision = n_candidate > 0 ? (double) n_matched / n_candidate : NAN;
  score->recall = n_reference > 0 ? (double) n_matched / n_reference : NAN;
  score->f1 = n_reference + n_candidate > 0 ? 2.0 * n_matched / (n_reference + n_candidate) : NAN;
}

static void
score_free (HshSpanScore *score)
{
  g_free (score->label);
  g_free (score);
}

static void
label_pair_free (LabelSpans *pair)
{
  g_array_unref (pair[0].indices);
  g_array_unref (pair[1].indices);
  g_free (pair);
}

static void
add_to_groups (GHashTable *groups, const HshCoderSpans *coders, guint side)
{
  const HshCoderSpans *coder = &coders[side];

  for (guint i = 0; i < coder->n_spans; i++)
    {
      LabelSpans *pair = g_hash_table_lookup (groups, coder->spans[i].label);
      if (pair == NULL)
        {
          pair = g_new0 (LabelSpans, 2);
          pair[0] = (LabelSpans) { &coders[0], g_array_new (FALSE, FALSE, sizeof (guint)) };
          pair[1] = (LabelSpans) { &coders[1], g_array_new (FALSE, FALSE, sizeof (guint)) };
          g_hash_table_insert (groups, (gpointer) coder->spans[i].label, pair);
        }
      g_array_append_val (pair[side].indices, i);
    }
}

/* label → its reference and candidate LabelSpans, so that matching never crosses labels. */
static GHashTable *
group_by_label (const HshCoderSpans *coders)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) label_pair_free);

  add_to_groups (groups, coders, 0);
  add_to_groups (groups, coders, 1);
  return groups;
}

static int
compare_scores (gconstpointer a, gconstpointer b)
{
  const HshSpanScore *x = *(HshSpanScore *const *) a, *y = *(HshSpanScore *const *) b;
  return strcmp (x->label, y->label);
}

HshSpanAgreement *
hsh_span_agreement_new (const HshCoderSpans *reference, const HshCoderSpans *candidate,
                        HshSpanMatch match, GError **error)
{
  const HshCoderSpans coders[] = { *reference, *candidate };
  g_autoptr(GHashTable) groups = NULL;
  HshSpanAgreement *agreement;
  GHashTableIter iter;
  const char *label;
  LabelSpans *pair;
  guint matched = 0;

  if (!check_coder (reference, "the reference coder", -1, error)
      || !check_coder (candidate, "the candidate coder", -1, error))
    return NULL;
  groups = group_by_label (coders);
  agreement = g_new0 (HshSpanAgreement, 1);
  agreement->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, (gpointer *) &label, (gpointer *) &pair))
    {
      HshSpanScore *score = g_new0 (HshSpanScore, 1);
      guint label_matched;

      label_spans_sort (&pair[1]);
      label_matched = count_matches (&pair[0], &pair[1], match);
      score->label = g_strdup (label);
      score_fill (score, pair[0].indices->len, pair[1].indices->len, label_matched);
      g_ptr_array_add (agreement->labels, score);
      matched += label_matched;
    }
  g_ptr_array_sort (agreement->labels, compare_scores);
  score_fill (&agreement->overall, reference->n_spans, candidate->n_spans, matched);
  return agreement;
}

void
hsh_span_agreement_free (HshSpanAgreement *agreement)
{
  if (agreement == NULL)
    return;
  g_ptr_array_unref (agreement->labels);
  g_free (agreement);
}

const HshSpanScore *
hsh_span_agreement_find (HshSpanAgreement *agreement, const char *label)
{
  for (guint i = 0; i < agreement->labels->len; i++)
    {
      const HshSpanScore *score = g_ptr_array_index (agreement->labels, i);
      if (g_strcmp0 (score->label, label) == 0)
        return score;
    }
  return NULL;
}

/* ---- spans as coding units ----------------------------------------------------------------- */

#define NO_SPAN (-1)

/* Each coder's label (an index in @labels, or NO_SPAN) at every code point of the text. */
typedef struct {
  guint       n_coders;
  gint64      length;
  gint32    **cover;
  GPtrArray  *labels;   /* const char *, borrowed from the spans */
  GHashTable *index;    /* label → its index in @labels, plus one */
} Painting;

static void
painting_free (Painting *painting)
{
  for (guint c = 0; c < painting->n_coders; c++)
    g_free (painting->cover[c]);
  g_free (painting->cover);
  g_ptr_array_unref (painting->labels);
  g_hash_table_unref (painting->index);
  g_free (painting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Painting, painting_free)

static gint32
painting_label (Painting *painting, const char *label)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (painting->index, label));

  if (index > 0)
    return index - 1;
  g_ptr_array_add (painting->labels, (gpointer) label);
  g_hash_table_insert (painting->index, (gpointer) label, GUINT_TO_POINTER (painting->labels->len));
  return painting->labels->len - 1;
}

/* Longest first, then earlier start, then earlier in the array: painted in this order, the
 * span left visible at a code point is the one the header's rule picks. */
static int
compare_paint_order (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const HshCodedSpan *spans = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  gint64 li = spans[i].range.end - spans[i].range.start;
  gint64 lj = spans[j].range.end - spans[j].range.start;

  if (li != lj)
    return li > lj ? -1 : 1;
  if (spans[i].range.start != spans[j].range.start)
    return spans[i].range.start < spans[j].range.start ? -1 : 1;
  return (i > j) - (i < j);
}

static void
paint_coder (Painting *painting, guint coder, const HshCoderSpans *spans)
{
  g_autofree guint *order = g_new (guint, spans->n_spans);
  gint32 *cover = g_new (gint32, painting->length);

  for (gint64 p = 0; p < painting->length; p++)
    cover[p] = NO_SPAN;
  for (guint i = 0; i < spans->n_spans; i++)
    order[i] = i;
  g_qsort_with_data (order, spans->n_spans, sizeof (guint), compare_paint_order,
                     (gpointer) spans->spans);
  for (gsize i = 0; i < spans->n_spans; i++)
    {
      const HshCodedSpan *span = &spans->spans[order[i]];
      gint32 label = painting_label (painting, span->label);
      for (gint64 p = span->range.start; p < span->range.end; p++)
        cover[p] = label;
    }
  painting->cover[coder] = cover;
}

static Painting *
painting_new (const HshCoderSpans *coders, guint n_coders, gint64 text_length, GError **error)
{
  g_autoptr(Painting) painting = NULL;

  if (text_length < 0 || text_length > G_MAXINT32)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "A text of %" G_GINT64_FORMAT " code points cannot be split into units",
                   text_length);
      return NULL;
    }
  for (guint c = 0; c < n_coders; c++)
    {
      g_autofree char *name = g_strdup_printf ("coder %u", c + 1);
      if (!check_coder (&coders[c], name, text_length, error))
        return NULL;
    }
  painting = g_new0 (Painting, 1);
  painting->n_coders = n_coders;
  painting->length = text_length;
  painting->cover = g_new0 (gint32 *, n_coders);
  painting->labels = g_ptr_array_new ();
  painting->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint c = 0; c < n_coders; c++)
    paint_coder (painting, c, &coders[c]);
  return g_steal_pointer (&painting);
}

/* Appends rows of labels to coding data, folding a run of identical rows into one counted
 * unit: every measure treats a unit repeated n times like n units. */
typedef struct {
  HshCodingData *data;
  const char   **row;
  const char   **pending;
  guint          count;
} RowWriter;

static void
row_writer_flush (RowWriter *writer)
{
  if (writer->count > 0)
    hsh_coding_data_add_unit (writer->data, writer->pending, writer->count);
  writer->count = 0;
}

static void
row_writer_push (RowWriter *writer, guint n_coders)
{
  if (writer->count > 0
      && memcmp (writer->row, writer->pending, sizeof (const char *) * n_coders) != 0)
    row_writer_flush (writer);
  memcpy (writer->pending, writer->row, sizeof (const char *) * n_coders);
  writer->count++;
}

static const char *
label_or (Painting *painting, gint32 label, const char *no_label)
{
  return label == NO_SPAN ? no_label : g_ptr_array_index (painting->labels, label);
}

HshCodingData *
hsh_coding_data_new_from_characters (const HshCoderSpans *coders, guint n_coders,
                                     gint64 text_length, const char *no_label, GError **error)
{
  g_autoptr(Painting) painting = NULL;
  g_autofree const char **row = g_new (const char *, n_coders);
  g_autofree const char **pending = g_new (const char *, n_coders);
  RowWriter writer = { NULL, row, pending, 0 };

  g_return_val_if_fail (n_coders > 0, NULL);

  painting = painting_new (coders, n_coders, text_length, error);
  if (painting == NULL)
    return NULL;
  writer.data = hsh_coding_data_new (n_coders);
  for (gint64 p = 0; p < text_length; p++)
    {
      for (guint c = 0; c < n_coders; c++)
        row[c] = label_or (painting, painting->cover[c][p], no_label);
      row_writer_push (&writer, n_coders);
    }
  row_writer_flush (&writer);
  return writer.data;
}

/* The label covering most of @token's code points for one coder; on a tie the one met first. */
static gint32
token_label (Painting *painting, const gint32 *cover, const HshRange *token, guint *tally)
{
  gint32 best = NO_SPAN;

  memset (tally, 0, sizeof (guint) * painting->labels->len);
  for (gint64 p = token->start; p < token->end; p++)
    if (cover[p] != NO_SPAN)
      tally[cover[p]]++;
  for (gint64 p = token->start; p < token->end; p++)
    if (cover[p] != NO_SPAN && (best == NO_SPAN || tally[cover[p]] > tally[best]))
      best = cover[p];
  return best;
}

static gboolean
check_tokens (const HshRange *tokens, gsize n_tokens, gint64 text_length, GError **error)
{
  gint64 previous_end = 0;

  for (gsize i = 0; i < n_tokens; i++)
    {
      if (tokens[i].start < previous_end || tokens[i].end <= tokens[i].start
          || tokens[i].end > text_length)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "Token %" G_GSIZE_FORMAT " (%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT ") is "
                       "empty, out of order or outside the %" G_GINT64_FORMAT "-character text",
                       i + 1, tokens[i].start, tokens[i].end, text_length);
          return FALSE;
        }
      previous_end = tokens[i].end;
    }
  return TRUE;
}

HshCodingData *
hsh_coding_data_new_from_tokens (const HshCoderSpans *coders, guint n_coders, gint64 text_length,
                                 const HshRange *tokens, gsize n_tokens, const char *no_label,
                                 GError **error)
{
  g_autoptr(Painting) painting = NULL;
  g_autofree const char **row = g_new (const char *, n_coders);
  g_autofree const char **pending = g_new (const char *, n_coders);
  g_autofree guint *tally = NULL;
  RowWriter writer = { NULL, row, pending, 0 };

  g_return_val_if_fail (n_coders > 0, NULL);

  painting = painting_new (coders, n_coders, text_length, error);
  if (painting == NULL || !check_tokens (tokens, n_tokens, text_length, error))
    return NULL;
  tally = g_new (guint, painting->labels->len + 1);
  writer.data = hsh_coding_data_new (n_coders);
  for (gsize t = 0; t < n_tokens; t++)
    {
      for (guint c = 0; c < n_coders; c++)
        row[c] = label_or (painting, token_label (painting, painting->cover[c], &tokens[t], tally),
                           no_label);
      row_writer_push (&writer, n_coders);
    }
  row_writer_flush (&writer);
  return writer.data;
}
