/* bench-corpus.c: the synthetic Arabic corpus the export and JSONL import benchmarks work on:
 * slices of the sample article, each with a hundred annotations as coders make them. */
#include "bench-corpus.h"

static const char *const labels[] = {
  "Actor/Person", "Actor/State", "Actor/Organisation", "Place", "Date", "Claim", "Commitment",
};
static const char *const actors[] = {
  "إيمانويل ماكرون", "كامالا هاريس", "الأمم المتحدة", "خليفة حفتر", "عبد الحميد الدبيبة",
  "أنغيلا ميركل", "ماريو دراغي", "رجب طيب أردوغان", "محمد المنفي", "يان كوبيش",
};
static const char *const annotators[] = { "Layla", "Omar", "Sara" };

/* Where each word of @text starts and ends, in code points. */
static GArray *
word_bounds (const char *text)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (HshRange));
  gint64 offset = 0, start = -1;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));
      if (!space && start < 0)
        start = offset;
      else if (space && start >= 0)
        {
          HshRange word = { start, offset };
          g_array_append_val (bounds, word);
          start = -1;
        }
    }
  if (start >= 0)
    {
      HshRange word = { start, offset };
      g_array_append_val (bounds, word);
    }
  return bounds;
}

/* A unique 1–2 KB text: a numbered heading, then a slice of the sample article. */
static char *
document_text (const char *sample, glong sample_length, GRand *rand, guint number)
{
  glong length = g_rand_int_range (rand, 550, 1000);
  glong from = g_rand_int_range (rand, 0, (gint32) (sample_length - length));
  const char *start = g_utf8_offset_to_pointer (sample, from);
  const char *end = g_utf8_offset_to_pointer (start, length);
  g_autofree char *slice = g_strndup (start, (gsize) (end - start));

  return g_strdup_printf ("تقرير رقم %u\n%s", number, slice);
}

/* What coders add: who made it, gold now and then, actors, claim and commitment details, notes. */
static void
decorate_span (HshSpan *span, GRand *rand, guint index)
{
  span->annotator = g_strdup (annotators[index % G_N_ELEMENTS (annotators)]);
  span->gold = g_rand_int_range (rand, 0, 20) == 0;
  if (g_str_has_prefix (span->label, "Actor") && g_rand_boolean (rand))
    {
      guint actor = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (actors));
      span->actor = g_strdup (actors[actor]);
      span->actor_wikidata = g_strdup_printf ("Q%u", 1000 + actor);
    }
  if (g_strcmp0 (span->label, "Claim") == 0)
    hsh_span_set_attribute (span, "status", g_rand_boolean (rand) ? "pledged" : "fulfilled");
  if (g_strcmp0 (span->label, "Commitment") == 0)
    {
      hsh_span_set_attribute (span, "quantity", "300");
      hsh_span_set_attribute (span, "deadline", "2021-12-24");
    }
  if (g_rand_int_range (rand, 0, 50) == 0)
    span->note = g_strdup ("راجع \"المصدر\" الأصلي");
}

/* One or two words, and now and then a second fragment further on (a discontinuous span). */
static void
add_random_span (HshBundle *bundle, GArray *words, GRand *rand, guint index)
{
  g_autofree char *key = g_strdup_printf ("T%u", index + 1);
  guint first = (guint) g_rand_int_range (rand, 0, (gint32) words->len - 4);
  guint last = first + (guint) g_rand_int_range (rand, 0, 2);
  const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
  HshSpan *span = hsh_bundle_add_span (bundle, key, label, g_array_index (words, HshRange, first).start,
                                       g_array_index (words, HshRange, last).end);

  if (g_rand_int_range (rand, 0, 30) == 0)
    {
      hsh_span_add_range (span, g_array_index (words, HshRange, last + 2).start,
                          g_array_index (words, HshRange, last + 2).end);
      g_clear_pointer (&span->text, g_free);
    }
  decorate_span (span, rand, index);
}

/* Claims get a speaker: the last actor mention before them. */
static void
add_roles (HshBundle *bundle)
{
  const char *actor = NULL;

  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (g_str_has_prefix (span->label, "Actor"))
        actor = span->key;
      else if (g_strcmp0 (span->label, "Claim") == 0 && actor != NULL)
        hsh_bundle_add_role (bundle, span->key, "speaker", actor);
    }
}

HshBundle *
bench_corpus_document (const char *sample, glong sample_length, GRand *rand, guint number)
{
  g_autofree char *text = document_text (sample, sample_length, rand, number);
  g_autofree char *title = g_strdup_printf ("تقرير %u", number);
  g_autoptr(GArray) words = word_bounds (text);
  HshBundle *bundle = hsh_bundle_new (title, text);

  bundle->source = g_strdup_printf ("news/%05u.txt", number);
  bundle->language = g_strdup ("ar");
  for (guint i = 0; i < BENCH_CORPUS_SPANS_PER_DOCUMENT; i++)
    add_random_span (bundle, words, rand, i);
  add_roles (bundle);
  return bundle;
}

