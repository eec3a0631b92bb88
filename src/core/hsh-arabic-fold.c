/* hsh-arabic-fold.c: folds Arabic spelling variants away, remembering where each folded letter came from. */
#include "hsh-arabic-fold.h"

#include <string.h>

#define ALEF        0x0627
#define WAW         0x0648
#define YEH         0x064A
#define HAMZA_ABOVE 0x0654
#define TATWEEL     0x0640

struct _HshArabicFold
{
  HshArabicFoldFlags flags;
  gunichar *chars;       /* the folded text */
  HshRange *sources;     /* the original code points of each folded one */
  guint8 *elongated;     /* whether a tatweel followed each folded code point */
  gsize length;
  gsize capacity;
  gint64 source_length;
};

/* Vowel signs, tanween, shadda, sukun, superscript alef, hamza marks and Quranic annotation
 * marks: they sit on the letter before and never change which word it is. */
static gboolean
is_arabic_mark (gunichar c)
{
  return (c >= 0x0610 && c <= 0x061A)
         || (c >= 0x064B && c <= 0x065F)
         || c == 0x0670
         || (c >= 0x06D6 && c <= 0x06DC)
         || (c >= 0x06DF && c <= 0x06E8)
         || (c >= 0x06EA && c <= 0x06ED)
         || (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

/* Direction marks and joiners change how a word is drawn, not what it says; unlike marks they
 * do not belong to the letter before, so a span never grows over them. A soft hyphen, a word
 * joiner or a stray byte-order mark from pasted text is just as invisible. */
static gboolean
is_invisible_format (gunichar c)
{
  return c == 0x00AD
         || c == 0x061C
         || (c >= 0x200C && c <= 0x200F)
         || c == 0x2060
         || c == 0xFEFF
         || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069);
}

static gunichar
fold_arabic (gunichar c, HshArabicFoldFlags flags)
{
  switch (c)
    {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      return ALEF;
    case 0x0649: case 0x06CC:   /* alef maqsura, and the Persian yeh of Persian keyboards */
      return YEH;
    case 0x06A9:                /* keheh, the kaf of Persian keyboards */
      return 0x0643;
    case 0x0629:
      return (flags & HSH_ARABIC_FOLD_TEH_MARBUTA) ? 0x0647 : c;
    case 0x0624:
      return (flags & HSH_ARABIC_FOLD_HAMZA_SEATS) ? WAW : c;
    case 0x0626:
      return (flags & HSH_ARABIC_FOLD_HAMZA_SEATS) ? YEH : c;
    default:
      break;
    }
  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);
  return c;
}

static void
reserve (HshArabicFold *fold, gsize capacity)
{
  fold->capacity = MAX (capacity, 16);
  fold->chars = g_renew (gunichar, fold->chars, fold->capacity);
  fold->sources = g_renew (HshRange, fold->sources, fold->capacity);
  fold->elongated = g_renew (guint8, fold->elongated, fold->capacity);
}

/* Called for nearly every code point of a document: plain arrays, grown only by case folding. */
static inline void
append (HshArabicFold *fold, gunichar c, gint64 offset)
{
  if (fold->length == fold->capacity)
    reserve (fold, fold->capacity * 2);
  fold->chars[fold->length] = c;
  fold->sources[fold->length] = (HshRange) { offset, offset + 1 };
  fold->elongated[fold->length] = FALSE;
  fold->length++;
}

/* Case folding may turn one code point into several (ß → ss); each maps to the whole original. */
static void
append_case_folded (HshArabicFold *fold, gunichar c, gint64 offset)
{
  char utf8[6];
  g_autofree char *folded = g_utf8_casefold (utf8, g_unichar_to_utf8 (c, utf8));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    append (fold, g_utf8_get_char (p), offset);
}

/* A mark or tatweel is dropped, but the letter it sits on now ends after it. A hamza typed as
 * a separate mark on و or ي is composed first, so «ؤ» matches however it was keyed in. */
static void
absorb_into_last (HshArabicFold *fold, gunichar c, gint64 offset)
{
  gsize last;

  if (fold->length == 0)
    return;
  last = fold->length - 1;
  fold->sources[last].end = offset + 1;
  if (c == TATWEEL)
    fold->elongated[last] = TRUE;
  if (c == HAMZA_ABOVE && !(fold->flags & HSH_ARABIC_FOLD_HAMZA_SEATS))
    {
      if (fold->chars[last] == WAW)
        fold->chars[last] = 0x0624;
      else if (fold->chars[last] == YEH)
        fold->chars[last] = 0x0626;
    }
}

/* Any run of white space, line breaks included, compares as one space. */
static void
append_space (HshArabicFold *fold, gint64 offset)
{
  if (fold->length > 0 && fold->chars[fold->length - 1] == ' ')
    fold->sources[fold->length - 1].end = offset + 1;
  else
    append (fold, ' ', offset);
}

static void
fold_one (HshArabicFold *fold, gunichar c, gint64 offset)
{
  if (c < 0x80 && !g_ascii_isspace (c))
    append (fold, g_ascii_tolower (c), offset);
  else if (is_arabic_mark (c) || c == TATWEEL)
    absorb_into_last (fold, c, offset);
  else if (is_invisible_format (c))
    return;
  else if (c >= 0x0600 && c <= 0x06FF)
    append (fold, fold_arabic (c, fold->flags), offset);
  else if (g_unichar_isspace (c))
    append_space (fold, offset);
  else
    append_case_folded (fold, c, offset);
}

HshArabicFold *
hsh_arabic_fold_new (const char *text, HshArabicFoldFlags flags)
{
  g_return_val_if_fail (text != NULL, NULL);

  HshArabicFold *fold = g_new0 (HshArabicFold, 1);
  gint64 offset = 0;

  fold->flags = flags;
  /* A slot per byte outnumbers the code points, so only case folding (ß → ss) may ever grow
   * the arrays; the slots Arabic's two-byte letters leave unused are never touched. */
  reserve (fold, strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    fold_one (fold, g_utf8_get_char (p), offset);
  fold->source_length = offset;
  return fold;
}

void
hsh_arabic_fold_free (HshArabicFold *fold)
{
  if (fold == NULL)
    return;
  g_free (fold->chars);
  g_free (fold->sources);
  g_free (fold->elongated);
  g_free (fold);
}

HshArabicFoldFlags
hsh_arabic_fold_get_flags (HshArabicFold *fold)
{
  return fold->flags;
}

const gunichar *
hsh_arabic_fold_get_chars (HshArabicFold *fold, gsize *length)
{
  *length = fold->length;
  return fold->chars;
}

char *
hsh_arabic_fold_dup_text (HshArabicFold *fold)
{
  return g_ucs4_to_utf8 (fold->chars, (glong) fold->length, NULL, NULL, NULL);
}

HshRange
hsh_arabic_fold_source_range (HshArabicFold *fold, gsize start, gsize end)
{
  HshRange range = { fold->source_length, fold->source_length };

  g_return_val_if_fail (start <= end && end <= fold->length, range);
  if (start < fold->length)
    range.start = range.end = fold->sources[start].start;
  if (end > start)
    range.end = fold->sources[end - 1].end;
  return range;
}

gboolean
hsh_arabic_fold_is_elongated (HshArabicFold *fold, gsize index)
{
  g_return_val_if_fail (index < fold->length, FALSE);
  return fold->elongated[index];
}

char *
hsh_arabic_fold_string (const char *text, HshArabicFoldFlags flags)
{
  g_autoptr(HshArabicFold) fold = hsh_arabic_fold_new (text, flags);
  return hsh_arabic_fold_dup_text (fold);
}
