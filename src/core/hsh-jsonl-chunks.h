/* hsh-jsonl-chunks.h: a JSON Lines file read one value at a time, in blocks, with the line and
 * column where each value starts — for messages that point into the file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One JSON value of the file: where it starts, for messages, and its bytes, lent until the next
 * chunk is read. */
typedef struct {
  const char *start;
  gsize       length;
  guint       line;
  guint       column;
} Chunk;

/* The file, read in blocks into a buffer that grows to hold the longest chunk. Offsets (@offset,
 * @line_start) count bytes from the start of the file. */
typedef struct {
  const char *path;
  int         fd;
  char       *data;
  gsize       capacity;
  gsize       filled;       /* bytes of @data read from the file */
  gsize       pos;          /* where scanning goes on, in @data */
  guint64     offset;       /* file offset of data[0] */
  guint64     line_start;   /* file offset where the current line begins */
  guint       line;
  gboolean    at_end;
} ChunkFile;

gboolean hsh_chunk_file_open  (ChunkFile   *file,
                               const char  *path,
                               GError     **error);
/* The next value into @chunk; FALSE at the end (@error unset) or on a read error. */
gboolean hsh_chunk_file_next  (ChunkFile   *file,
                               Chunk       *chunk,
                               GError     **error);
void     hsh_chunk_file_close (ChunkFile   *file);

G_END_DECLS
