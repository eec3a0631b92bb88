/* hsh-arabic-match.h: every mention of a query in a folded text, with Arabic proclitics set apart. */
#pragma once

#include <glib.h>

#include "hsh-arabic-fold.h"
#include "hsh-types.h"

G_BEGIN_DECLS

typedef enum {
  HSH_ARABIC_MATCH_DEFAULT    = 0,        /* whole words, after the proclitics و ف ب ك ل and ال */
  HSH_ARABIC_MATCH_NO_CLITICS = 1 << 0,   /* whole words with nothing attached before them */
  HSH_ARABIC_MATCH_ANYWHERE   = 1 << 1,   /* inside words too, as a find bar may offer */
} HshArabicMatchFlags;

/* One mention, in original code points (half-open), as gtk_text_iter_get_offset counts. */
typedef struct {
  HshRange span;       /* the mention itself: in «والجزائر», «الجزائر» or «جزائر» after the
                        * query; in «للجزائر», «لجزائر» for الجزائر (the article's ل) */
  HshRange clitics;    /* the proclitics before it, e.g. «و» or «وال», or «لـ» ahead of «لـ«…»»;
                        * empty at span.start when there are none */
} HshArabicHit;

/* The mentions of @query, folded as @text was, in text order and not overlapping. */
GArray *hsh_arabic_find_all (HshArabicFold       *text,
                             const char          *query,
                             HshArabicMatchFlags  flags);

G_END_DECLS
