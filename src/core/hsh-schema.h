/* hsh-schema.h: the project file's schema, its versions and the check that a file carries nothing else. */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* "HSHY": the SQLite application_id that marks a file as a Hashiya project. */
#define HSH_APPLICATION_ID 0x48534859
/* The newest schema this build reads and writes (PRAGMA user_version). */
#define HSH_SCHEMA_VERSION 2

gboolean hsh_schema_migrate        (sqlite3     *db,
                                    int          from_version,
                                    int          to_version,
                                    GError     **error);
gboolean hsh_schema_verify_objects (sqlite3     *db,
                                    int          version,
                                    GError     **error);

G_END_DECLS
