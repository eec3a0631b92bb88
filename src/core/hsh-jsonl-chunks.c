/* hsh-jsonl-chunks.c: a JSON Lines file read in blocks, one value (usually one line) at a time. */
#include "hsh-jsonl-chunks.h"
#include "hsh-types.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define BLOCK_SIZE (1 << 20)

static gboolean
file_error (GError **error, const ChunkFile *file, const char *what, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (file->path);

  g_set_error (error, HSH_ERROR, saved_errno == ENOENT ? HSH_ERROR_NOT_FOUND : HSH_ERROR_IO,
               "Failed to %s file “%s”: %s", what, name, g_strerror (saved_errno));
  return FALSE;
}

/* Drops the bytes before @keep (nothing is scanning them any more) and reads the next block
 * after the rest. */
static gboolean
refill (ChunkFile *file, gsize keep, GError **error)
{
  gssize n;

  memmove (file->data, file->data + keep, file->filled - keep);
  file->filled -= keep;
  file->pos -= keep;
  file->offset += keep;
  if (file->capacity - file->filled < BLOCK_SIZE)
    {
      file->capacity = MAX (2 * file->capacity, file->filled + BLOCK_SIZE);
      file->data = g_realloc (file->data, file->capacity);
    }
  do
    n = read (file->fd, file->data + file->filled, file->capacity - file->filled);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return file_error (error, file, "read from", errno);
  file->at_end = n == 0;
  file->filled += (gsize) n;
  return TRUE;
}

gboolean
hsh_chunk_file_open (ChunkFile *file, const char *path, GError **error)
{
  memset (file, 0, sizeof *file);
  file->path = path;
  file->line = 1;
  file->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (file->fd < 0)
    return file_error (error, file, "open", errno);
  if (!refill (file, 0, error))
    return FALSE;
  /* Editors on Windows like to start UTF-8 files with a byte-order mark; JSON forbids it. */
  if (file->filled >= 3 && memcmp (file->data, "\xEF\xBB\xBF", 3) == 0)
    file->pos = file->line_start = 3;
  return TRUE;
}

void
hsh_chunk_file_close (ChunkFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  g_clear_pointer (&file->data, g_free);
}

static inline void
count_line (ChunkFile *file)
{
  file->line++;
  file->line_start = file->offset + file->pos + 1;
}

/* Moves past blank space; FALSE only when reading failed. */
static gboolean
skip_blank (ChunkFile *file, GError **error)
{
  for (;;)
    {
      for (; file->pos < file->filled; file->pos++)
        {
          char ch = file->data[file->pos];
          if (ch == '\n')
            count_line (file);
          else if (ch != ' ' && ch != '\t' && ch != '\r')
            return TRUE;
        }
      if (file->at_end)
        return TRUE;
      if (!refill (file, file->pos, error))
        return FALSE;
    }
}

/* The bytes that change the scanner's state, inside a string and outside one; it skips the
 * others a run at a time. */
static const guint8 stops_in_string[256] = { ['"'] = 1, ['\\'] = 1, ['\n'] = 1 };
static const guint8 stops_outside[256] = {
  ['"'] = 1, ['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1, ['\n'] = 1,
};

/* Finds the next top-level value: normally one line, but doccano also writes pretty-printed
 * objects over several lines, so an object runs to its matching brace. Anything else runs to
 * the end of its line and lets the JSON parser name what is wrong with it. FALSE at the end of
 * the file, or when reading failed (@error set). */
gboolean
hsh_chunk_file_next (ChunkFile *file, Chunk *chunk, GError **error)
{
  int depth = 0;
  gboolean in_string = FALSE, escaped = FALSE, is_object;
  gsize start;

  if (!skip_blank (file, error) || file->pos >= file->filled)
    return FALSE;
  start = file->pos;
  is_object = file->data[start] == '{';
  chunk->line = file->line;
  chunk->column = (guint) (file->offset + file->pos - file->line_start) + 1;
  for (;;)
    {
      const guint8 *stops = in_string ? stops_in_string : stops_outside;
      char ch;

      if (file->pos >= file->filled)
        {
          if (file->at_end)
            break;
          if (!refill (file, start, error))
            return FALSE;
          start = 0;
          continue;
        }
      /* A backslash in a string hides the next byte, whatever it is. */
      if (escaped)
        {
          escaped = FALSE;
          file->pos++;
          continue;
        }
      while (file->pos < file->filled && !stops[(guchar) file->data[file->pos]])
        file->pos++;
      if (file->pos >= file->filled)
        continue;
      ch = file->data[file->pos];
      if (ch == '\n')
        {
          count_line (file);
          if (!is_object)
            break;
        }
      else if (in_string)
        {
          if (ch == '\\')
            escaped = TRUE;
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ch == '"')
        in_string = TRUE;
      else if (ch == '{' || ch == '[')
        depth++;
      else if (--depth == 0)
        {
          file->pos++;
          break;
        }
      file->pos++;
    }
  chunk->start = file->data + start;
  chunk->length = file->pos - start;
  return TRUE;
}
