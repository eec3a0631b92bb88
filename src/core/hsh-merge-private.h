/* hsh-merge-private.h: one version of a row as merging handles it, shared by the merge and the
 * conflict list. */
#pragma once

#include "hsh-merge.h"
#include "hsh-merge-tables.h"
#include "hsh-store-private.h"

G_BEGIN_DECLS

/* A column value of either database, kept with its type. */
typedef struct {
  int     type;   /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL */
  gint64  i;
  double  d;
  char   *bytes;
  int     n;
} HshMergeValue;

/* A version of a row with references already expressed as ids of the target project. */
typedef struct {
  char          *uuid;
  HshMergeValue  author;
  gint64         created;
  gint64         modified;
  gint64         revision;
  char          *versions;
  HshMergeValue *content;   /* one per spec->columns */
} HshMergeVersion;

void     hsh_merge_value_read     (HshMergeValue         *value,
                                   sqlite3_stmt          *stmt,
                                   int                    column);
void     hsh_merge_value_clear    (HshMergeValue         *value);
void     hsh_merge_value_bind     (const HshMergeValue   *value,
                                   sqlite3_stmt          *stmt,
                                   int                    index);
gboolean hsh_merge_value_equal    (const HshMergeValue   *a,
                                   const HshMergeValue   *b);
void     hsh_merge_version_clear  (const HshMergeTable   *spec,
                                   HshMergeVersion       *version);
/* The version as JSON, references written as the UUIDs of the rows they name in @db. */
char    *hsh_merge_version_to_json (const HshMergeTable  *spec,
                                   const HshMergeVersion *version,
                                   sqlite3               *db);
/* Records @version of a row as a conflict; TRUE in @added when it was not listed already. */
gboolean hsh_merge_record_conflict (HshStore             *store,
                                   const HshMergeTable   *spec,
                                   const HshMergeVersion *version,
                                   const char            *source,
                                   gboolean              *added,
                                   GError               **error);

G_END_DECLS
