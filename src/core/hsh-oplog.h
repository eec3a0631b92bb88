/* hsh-oplog.h: the operation log — every change made through the model is one operation,
 * with the rows before and after; undo and redo replay them, across documents and restarts. */
#pragma once

#include "hsh-store.h"

G_BEGIN_DECLS

/* Whether the current annotator has an operation to undo or redo in this project. */
gboolean hsh_store_can_undo (HshStore  *store);
gboolean hsh_store_can_redo (HshStore  *store);
/* Undoes the current annotator's latest operation. @document_id (may be NULL) receives the
 * document it touched (0 for none), @description what it was ("Tag “فرنسا” as Actor/State"). */
gboolean hsh_store_undo     (HshStore  *store,
                             gint64    *document_id,
                             char     **description,
                             GError   **error);
gboolean hsh_store_redo     (HshStore  *store,
                             gint64    *document_id,
                             char     **description,
                             GError   **error);

G_END_DECLS
