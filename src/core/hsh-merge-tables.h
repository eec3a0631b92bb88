/* hsh-merge-tables.h: what merging knows about each travelling table — its content columns,
 * the columns that refer to other rows, and how a row is recognised when UUIDs differ. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *column;
  const char *table;      /* the table whose id the column holds */
} HshMergeReference;

typedef struct {
  const char               *table;
  const char *const        *columns;      /* content: compared, copied; NULL-terminated */
  const HshMergeReference  *references;   /* { NULL } terminated; "author" included */
  const char *const        *natural_key;  /* content columns naming the same row, or NULL */
  gboolean                  updatable;    /* FALSE: an existing row is never changed */
} HshMergeTable;

/* The tables in the order a merge must take them: a row's references come before it. */
const HshMergeTable *const *hsh_merge_tables        (void);
const HshMergeTable        *hsh_merge_table_lookup  (const char *table);
/* Index of @column in @spec->columns, or -1. */
int                         hsh_merge_column_index  (const HshMergeTable *spec,
                                                     const char          *column);

G_END_DECLS
