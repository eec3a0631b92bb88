/* hsh-versions.h: version vectors of travelling rows — {"annotator uuid": edits} — which tell
 * merging whether one copy of a row follows from the other or both were edited apart. */
#pragma once

#include <json-glib/json-glib.h>
#include "hsh-store-private.h"

G_BEGIN_DECLS

typedef enum {
  HSH_VERSIONS_EQUAL,
  HSH_VERSIONS_OLDER,       /* the first was seen by the second: take the second */
  HSH_VERSIONS_NEWER,       /* the first already contains the second: keep the first */
  HSH_VERSIONS_CONCURRENT,  /* edited apart: a conflict unless the contents agree */
} HshVersionsOrder;

/* Counts one more edit by the current annotator on the row @row_id of @table. */
gboolean         hsh_versions_bump    (HshStore    *store,
                                       const char  *table,
                                       gint64       row_id,
                                       GError     **error);
/* Compares two vectors given as JSON objects; malformed text counts as an empty vector. */
HshVersionsOrder hsh_versions_compare (const char  *mine,
                                       const char  *theirs);
/* The element-wise maximum of two vectors, as JSON. */
char            *hsh_versions_join    (const char  *mine,
                                       const char  *theirs);

G_END_DECLS
