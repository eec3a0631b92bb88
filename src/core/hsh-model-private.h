/* hsh-model-private.h: helpers the model's files share. */
#pragma once

#include "hsh-model.h"
#include "hsh-oplog-private.h"

G_BEGIN_DECLS

/* Binds the current annotator, or NULL when none is set. */
void     hsh_model_bind_author       (HshStore      *store,
                                      sqlite3_stmt  *stmt,
                                      int            index);
char    *hsh_model_column_dup        (sqlite3_stmt  *stmt,
                                      int            column);
/* Inserts a document row (text frozen as given); returns its id, or 0 with @error set.
 * @duplicate receives TRUE and the existing id when the same text is already there. */
gint64   hsh_model_insert_document   (HshStore      *store,
                                      HshBundle     *bundle,
                                      gboolean      *duplicate,
                                      GError       **error);
/* Binds an annotation's ranges as stored — their text form at @index, the hull's start and end
 * at @index + 1 and + 2. @ranges must be sorted. */
gboolean hsh_model_bind_ranges       (sqlite3_stmt  *stmt,
                                      int            index,
                                      const HshRange *ranges,
                                      guint          n_ranges);

G_END_DECLS
