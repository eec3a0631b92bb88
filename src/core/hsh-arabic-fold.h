/* hsh-arabic-fold.h: Arabic-aware folding for comparison, with a map back to the original text. */
#pragma once

#include <glib.h>

#include "hsh-types.h"

G_BEGIN_DECLS

/* Always folded: Arabic diacritics and Quranic marks, tatweel, direction marks, joiners and
 * soft hyphens (removed); أ إ آ ٱ → ا; ى ی → ي; ک → ك; Arabic-Indic digits → 0-9; white
 * space runs → one space; other scripts case-folded. The flags add folds that merge spellings some readers
 * keep apart. */
typedef enum {
  HSH_ARABIC_FOLD_DEFAULT      = 0,
  HSH_ARABIC_FOLD_TEH_MARBUTA  = 1 << 0,   /* ة → ه, a frequent spelling variant in the press */
  HSH_ARABIC_FOLD_HAMZA_SEATS  = 1 << 1,   /* ؤ → و and ئ → ي */
} HshArabicFoldFlags;

/* A text folded once, to be compared or searched many times. */
typedef struct _HshArabicFold HshArabicFold;

HshArabicFold     *hsh_arabic_fold_new           (const char         *text,
                                                  HshArabicFoldFlags  flags);
void               hsh_arabic_fold_free          (HshArabicFold      *fold);
HshArabicFoldFlags hsh_arabic_fold_get_flags     (HshArabicFold      *fold);
/* The folded code points; not NUL-terminated. */
const gunichar    *hsh_arabic_fold_get_chars     (HshArabicFold      *fold,
                                                  gsize              *length);
char              *hsh_arabic_fold_dup_text      (HshArabicFold      *fold);
/* The original code points [start, end) that folded code points [@start, @end) came from;
 * the end includes the diacritics and tatweel of the last letter, not a direction mark. */
HshRange           hsh_arabic_fold_source_range  (HshArabicFold      *fold,
                                                  gsize               start,
                                                  gsize               end);
/* Whether folded code point @index was drawn out with tatweel, as the clitic in «لـ»: the
 * tatweel says the letter belongs to what follows. */
gboolean           hsh_arabic_fold_is_elongated  (HshArabicFold      *fold,
                                                  gsize               index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshArabicFold, hsh_arabic_fold_free)

/* The folded form of @text as UTF-8: the key under which actor aliases are compared. */
char              *hsh_arabic_fold_string        (const char         *text,
                                                  HshArabicFoldFlags  flags);

G_END_DECLS
