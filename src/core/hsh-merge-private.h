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
/* A copy of @source that @value owns (clear it with hsh_merge_value_clear). */
void     hsh_merge_value_copy     (HshMergeValue         *value,
                                   const HshMergeValue   *source);
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

/* The natural key of a row (NULL for a table without one): its key columns' values in one
 * string. Of @content, a row's values; or of the row @stmt stands on, whose key columns start
 * at column @first — the same key, without copying the values first. */
char    *hsh_merge_natural_key    (const HshMergeTable   *spec,
                                   const HshMergeValue   *content);
char    *hsh_merge_natural_key_of_row (const HshMergeTable *spec,
                                   sqlite3_stmt          *stmt,
                                   int                    first);

/* The other file opened, and checked like any project (header, integrity of the whole file,
 * schema), on a thread of its own while the caller reads its own project. */
typedef struct {
  const char *path;
  GThread    *thread;
  HshStore   *store;
  GError     *error;
} HshMergeSourceCheck;

void      hsh_merge_source_check_start  (HshMergeSourceCheck *check,
                                         const char          *path);
/* The other file, once it passed its checks; NULL with @error set when it did not. */
HshStore *hsh_merge_source_check_finish (HshMergeSourceCheck *check,
                                         GError             **error);

/* The other file's rows, read ahead on a thread of their own while merging writes ours: reading
 * them is a tenth of a large merge, and the machine has a second core. Each table's rows come
 * in batches, in the order of its statement; a row is its statement's columns as values whose
 * text stays in the batch until it is released. */
typedef struct _HshMergeReader HshMergeReader;

typedef struct {
  guint          n_rows;
  guint          n_columns;
  HshMergeValue *values;   /* row r is values + r * n_columns */
  gboolean       last;     /* the last batch of its table */
  char          *error;    /* reading the table failed: SQLite's message (then last is TRUE) */
  GStringChunk  *text;
} HshMergeBatch;

/* Starts reading @statements, prepared on the other file, one after the other. From then on
 * the reader alone uses that connection, until hsh_merge_reader_finish(). */
HshMergeReader *hsh_merge_reader_start   (sqlite3_stmt *const *statements,
                                          guint                n_statements);
/* The next batch of the table being read; release it before asking for the next one. */
HshMergeBatch  *hsh_merge_reader_next    (HshMergeReader       *reader);
void            hsh_merge_reader_release (HshMergeReader       *reader,
                                          HshMergeBatch        *batch);
/* Stops reading (whether or not every table was read) and frees the reader. */
void            hsh_merge_reader_finish  (HshMergeReader       *reader);

G_END_DECLS
