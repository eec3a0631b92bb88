/* hsh-store-private.h: what core's model files share about the open database. */
#pragma once

#include <sqlite3.h>
#include "hsh-store.h"

G_BEGIN_DECLS

sqlite3      *hsh_store_get_db        (HshStore    *self);
/* A cached, reset statement for a static SQL string; NULL with @error set on failure. */
sqlite3_stmt *hsh_store_statement     (HshStore    *self,
                                       const char  *sql,
                                       GError     **error);
gboolean      hsh_store_begin         (HshStore    *self,
                                       GError     **error);
gboolean      hsh_store_commit        (HshStore    *self,
                                       GError     **error);
void          hsh_store_rollback      (HshStore    *self);
gboolean      hsh_store_check_writable (HshStore   *self,
                                       GError     **error);
/* Sets @error from the database's last error, with @what saying what was being done. */
void          hsh_store_set_error     (HshStore    *self,
                                       GError     **error,
                                       const char  *what);
/* Steps a statement that returns no rows; FALSE with @error set when it fails. */
gboolean      hsh_store_step_done     (HshStore      *self,
                                       sqlite3_stmt  *stmt,
                                       const char    *what,
                                       GError       **error);

/* A read transaction: everything read until hsh_store_end_read sees the project as it was when
 * it began. @data_version (may be NULL) receives SQLite's data version at that moment; on one
 * connection it changes only when another connection has committed in between. */
gboolean      hsh_store_begin_read    (HshStore    *self,
                                       gint64      *data_version,
                                       GError     **error);
void          hsh_store_end_read      (HshStore    *self);
/* SQLite's data version now; outside any transaction. */
gboolean      hsh_store_data_version  (HshStore    *self,
                                       gint64      *data_version,
                                       GError     **error);

/* For tests of upgrades: a new file at an older schema version. */
gboolean      hsh_store_create_at_version (const char *path,
                                           int         version,
                                           GError    **error);

G_END_DECLS
