/* hsh-arabic-match.c: finds whole-word mentions in a folded text, letting Arabic proclitics precede them. */
#include "hsh-arabic-match.h"

#include <string.h>

#define ALEF 0x0627
#define BEH  0x0628
#define FEH  0x0641
#define KAF  0x0643
#define LAM  0x0644
#define WAW  0x0648

/* The longest chains of proclitics, وبال and ولال, have four letters. */
#define MAX_CLITIC_LETTERS 4
/* «لـ«…»» or «لـ(«…»)»: what may stand between a drawn-out clitic and its word. */
#define MAX_QUOTES 2

typedef struct {
  HshArabicFold *fold;
  const gunichar *chars;
  gsize length;
  const gunichar *query;
  gsize query_length;
  HshArabicMatchFlags flags;
  gboolean contracted;   /* the query's article, as it follows the preposition ل in «للجزائر» */
} Search;

/* Arabic letters are alphabetic; marks count too, so an unfolded mark never splits a word. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* A conjunction, then a preposition, then the article, each optional but in that order:
 * و، ب، وب، ال، وال، بال، وبال، لل (ل + ال), ولل… */
static gboolean
is_clitic_chain (const gunichar *c, gsize n)
{
  gunichar preposition = 0;
  gsize k = 0;

  if (k < n && (c[k] == WAW || c[k] == FEH))
    k++;
  if (k < n && (c[k] == BEH || c[k] == KAF || c[k] == LAM))
    preposition = c[k++];
  if (k + 2 <= n && c[k] == ALEF && c[k + 1] == LAM)
    k += 2;
  else if (k < n && preposition == LAM && c[k] == LAM)
    k++;
  return n > 0 && k == n;
}

/* Before the article's لام in «للجزائر» or «وللجزائر» only the preposition ل may stand. */
static gboolean
is_preposition_lam (const gunichar *c, gsize n)
{
  return (n == 1 && c[0] == LAM) || (n == 2 && (c[0] == WAW || c[0] == FEH) && c[1] == LAM);
}

/* Where the word that ends at @end starts, or -1 when it has more than @limit letters. */
static gssize
word_start (const gunichar *chars, gsize end, gsize limit)
{
  gsize start = end;

  while (start > 0 && is_word_char (chars[start - 1]))
    {
      if (end - start == limit)
        return -1;
      start--;
    }
  return (gssize) start;
}

static gboolean
attached_clitics (Search *s, gsize i, gsize *from)
{
  gssize w = word_start (s->chars, i, MAX_CLITIC_LETTERS);

  if (w < 0 || (s->flags & HSH_ARABIC_MATCH_NO_CLITICS))
    return FALSE;
  if (s->contracted ? !is_preposition_lam (s->chars + w, i - (gsize) w)
                    : !is_clitic_chain (s->chars + w, i - (gsize) w))
    return FALSE;
  *from = (gsize) w;
  return TRUE;
}

/* The tatweel in «لـ«الدبيبة»» detaches the clitic from a quoted or foreign word; the mention
 * still stands alone, and the clitic is reported with it. */
static void
detached_clitics (Search *s, gsize i, gsize *from, gsize *to)
{
  gsize j = i;
  gssize w;

  while (j > 0 && i - j < MAX_QUOTES && g_unichar_ispunct (s->chars[j - 1]))
    j--;
  if (j == i || j == 0 || !hsh_arabic_fold_is_elongated (s->fold, j - 1))
    return;
  w = word_start (s->chars, j, MAX_CLITIC_LETTERS);
  if (w < 0 || (w > 0 && is_word_char (s->chars[w - 1]))
      || !is_clitic_chain (s->chars + w, j - (gsize) w))
    return;
  *from = (gsize) w;
  *to = j;
}

/* Whether a mention may start at folded position @i, and which clitics [@from, @to) precede it. */
static gboolean
starts_mention (Search *s, gsize i, gsize *from, gsize *to)
{
  *from = *to = i;
  if ((s->flags & HSH_ARABIC_MATCH_ANYWHERE) || !is_word_char (s->query[0]))
    return TRUE;
  if (i > 0 && is_word_char (s->chars[i - 1]))
    return attached_clitics (s, i, from);
  if (s->contracted)
    return FALSE;
  if (!(s->flags & HSH_ARABIC_MATCH_NO_CLITICS))
    detached_clitics (s, i, from, to);
  return TRUE;
}

static gboolean
ends_mention (Search *s, gsize end)
{
  if ((s->flags & HSH_ARABIC_MATCH_ANYWHERE) || !is_word_char (s->query[s->query_length - 1]))
    return TRUE;
  return end == s->length || !is_word_char (s->chars[end]);
}

static void
scan (Search *s, GArray *hits)
{
  gsize n = s->query_length;

  for (gsize i = 0; i + n <= s->length; i++)
    {
      gsize from, to;

      /* The first letter is often ا, the commonest: the last one rules out more before memcmp. */
      if (s->chars[i] != s->query[0] || s->chars[i + n - 1] != s->query[n - 1]
          || memcmp (s->chars + i, s->query, n * sizeof (gunichar)) != 0)
        continue;
      if (!ends_mention (s, i + n) || !starts_mention (s, i, &from, &to))
        continue;
      HshArabicHit hit = {
        hsh_arabic_fold_source_range (s->fold, i, i + n),
        hsh_arabic_fold_source_range (s->fold, from, to),
      };
      g_array_append_val (hits, hit);
      i += n - 1;
    }
}

/* A query typed with a space before or after still means the words alone. */
static const gunichar *
trim_spaces (const gunichar *chars, gsize *length)
{
  while (*length > 0 && chars[*length - 1] == ' ')
    (*length)--;
  if (*length > 0 && chars[0] == ' ')
    {
      chars++;
      (*length)--;
    }
  return chars;
}

static gint
compare_hits (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const HshArabicHit *) a)->span.start;
  gint64 y = ((const HshArabicHit *) b)->span.start;

  return (x > y) - (x < y);
}

GArray *
hsh_arabic_find_all (HshArabicFold *text, const char *query, HshArabicMatchFlags flags)
{
  g_return_val_if_fail (text != NULL && query != NULL, NULL);

  g_autoptr(HshArabicFold) folded = hsh_arabic_fold_new (query, hsh_arabic_fold_get_flags (text));
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (HshArabicHit));
  Search s = { .fold = text, .flags = flags };

  s.chars = hsh_arabic_fold_get_chars (text, &s.length);
  s.query = trim_spaces (hsh_arabic_fold_get_chars (folded, &s.query_length), &s.query_length);
  if (s.query_length == 0)
    return hits;
  scan (&s, hits);
  /* «للجزائر» is ل + الجزائر with the article's alef dropped: the query's alef is not there. */
  if (!(flags & (HSH_ARABIC_MATCH_NO_CLITICS | HSH_ARABIC_MATCH_ANYWHERE))
      && s.query_length > 2 && s.query[0] == ALEF && s.query[1] == LAM)
    {
      s.query++;
      s.query_length--;
      s.contracted = TRUE;
      scan (&s, hits);
      g_array_sort (hits, compare_hits);
    }
  return hits;
}
