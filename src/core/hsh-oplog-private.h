/* hsh-oplog-private.h: how model functions record one operation around their changes. */
#pragma once

#include "hsh-store-private.h"

G_BEGIN_DECLS

typedef struct _HshOplog HshOplog;

/* Opens a transaction for one operation the user can undo as a whole. */
HshOplog *hsh_oplog_start  (HshStore    *store,
                            gint64       document_id,
                            const char  *description,
                            GError     **error);
/* Snapshots a row of @table (one of the model's tables) before and after it changes;
 * a row that did not exist before is simply not snapshotted before. */
gboolean  hsh_oplog_before (HshOplog    *log,
                            const char  *table,
                            gint64       row_id,
                            GError     **error);
gboolean  hsh_oplog_after  (HshOplog    *log,
                            const char  *table,
                            gint64       row_id,
                            GError     **error);
/* Writes the operation, forgets the annotator's redo history, and commits. Frees @log. */
gboolean  hsh_oplog_finish (HshOplog    *log,
                            GError     **error);
/* Rolls everything back. Frees @log. */
void      hsh_oplog_abort  (HshOplog    *log);

G_END_DECLS
