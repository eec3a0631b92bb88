/* hsh-export-file.c: atomic buffered output, cancellation and progress for format writers. */
#include "hsh-export-file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* Large enough that write(2) costs nothing next to formatting, small enough not to matter. */
#define FLUSH_AT (1 << 20)

struct _HshExportFile
{
  char    *path;
  char    *temp_path;   /* NULL once removed: a scratch file has no name */
  int      fd;
  goffset  flushed;   /* bytes in the file, not counting the buffer */
  GString *buffer;
  gboolean committed;
};

static void
set_io_error (GError **error, const char *what, const char *path, int saved_errno)
{
  g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not %s %s: %s", what, path,
               g_strerror (saved_errno));
}

HshExportFile *
hsh_export_file_new (const char *path, GError **error)
{
  g_autofree char *temp_path = g_strconcat (path, ".XXXXXX", NULL);
  HshExportFile *file;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  /* 0666 so the umask decides, as for any file the user saves. */
  if ((fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666)) < 0)
    {
      set_io_error (error, "create a file next to", path, errno);
      return NULL;
    }
  file = g_new0 (HshExportFile, 1);
  file->path = g_strdup (path);
  file->temp_path = g_steal_pointer (&temp_path);
  file->fd = fd;
  file->buffer = g_string_sized_new (FLUSH_AT + FLUSH_AT / 4);
  return file;
}

HshExportFile *
hsh_export_file_new_scratch (const char *path, GError **error)
{
  HshExportFile *file = hsh_export_file_new (path, error);

  /* Where the file system refuses (some network shares do), free removes it as usual. */
  if (file != NULL && g_unlink (file->temp_path) == 0)
    g_clear_pointer (&file->temp_path, g_free);
  return file;
}

GString *
hsh_export_file_buffer (HshExportFile *file)
{
  return file->buffer;
}

static gboolean
write_out (HshExportFile *file, const char *p, gsize left, GError **error)
{
  while (left > 0)
    {
      gssize n = write (file->fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, "write", file->path, errno);
          return FALSE;
        }
      p += n;
      left -= (gsize) n;
      file->flushed += n;
    }
  return TRUE;
}

static gboolean
flush (HshExportFile *file, GError **error)
{
  if (!write_out (file, file->buffer->str, file->buffer->len, error))
    return FALSE;
  g_string_truncate (file->buffer, 0);
  return TRUE;
}

gboolean
hsh_export_file_write (HshExportFile *file, const char *data, gsize length, GError **error)
{
  return flush (file, error) && write_out (file, data, length, error);
}

gboolean
hsh_export_file_flush_if_full (HshExportFile *file, GError **error)
{
  return file->buffer->len < FLUSH_AT || flush (file, error);
}

goffset
hsh_export_file_size (HshExportFile *file)
{
  return file->flushed + (goffset) file->buffer->len;
}

static gboolean
read_at (HshExportFile *file, char *chunk, gsize length, goffset offset, GError **error)
{
  while (length > 0)
    {
      gssize n = pread (file->fd, chunk, length, offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* It ends early only if something cut it short behind our back. */
          set_io_error (error, "read back the temporary file next to", file->path, n < 0 ? errno : EIO);
          return FALSE;
        }
      chunk += n;
      length -= (gsize) n;
      offset += n;
    }
  return TRUE;
}

gboolean
hsh_export_file_read_back (HshExportFile *file, goffset offset, goffset length,
                           HshExportFileReadFunc consume, gpointer user_data, GError **error)
{
  g_autofree char *chunk = NULL;
  gsize chunk_size = (gsize) MIN (length, FLUSH_AT);

  g_return_val_if_fail (offset >= 0 && length >= 0 && offset + length <= hsh_export_file_size (file), FALSE);
  if (length == 0)
    return TRUE;
  if (!flush (file, error))
    return FALSE;
  chunk = g_malloc (chunk_size);
  while (length > 0)
    {
      gsize n = (gsize) MIN (length, (goffset) chunk_size);
      if (!read_at (file, chunk, n, offset, error) || !consume (chunk, n, user_data, error))
        return FALSE;
      offset += (goffset) n;
      length -= (goffset) n;
    }
  return TRUE;
}

gboolean
hsh_export_file_commit (HshExportFile *file, GError **error)
{
  int fd = file->fd;

  g_return_val_if_fail (file->temp_path != NULL, FALSE);
  if (!flush (file, error))
    return FALSE;
  file->fd = -1;
  if (close (fd) != 0)
    {
      set_io_error (error, "write", file->path, errno);
      return FALSE;
    }
  if (g_rename (file->temp_path, file->path) != 0)
    {
      set_io_error (error, "replace", file->path, errno);
      return FALSE;
    }
  file->committed = TRUE;
  return TRUE;
}

void
hsh_export_file_free (HshExportFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (!file->committed && file->temp_path != NULL)
    g_unlink (file->temp_path);
  g_string_free (file->buffer, TRUE);
  g_free (file->path);
  g_free (file->temp_path);
  g_free (file);
}

gboolean
hsh_export_step (const HshExportOptions *options, guint index, guint count, GError **error)
{
  if (options == NULL)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return FALSE;
  if (options->progress != NULL)
    options->progress (count > 0 ? (double) index / count : 1.0, options->progress_data);
  return TRUE;
}

gboolean
hsh_export_write_bytes (const char *path, const void *data, gsize length, GError **error)
{
  g_autoptr(HshExportFile) file = hsh_export_file_new (path, error);

  if (file == NULL)
    return FALSE;
  g_string_append_len (file->buffer, data, (gssize) length);
  return hsh_export_file_commit (file, error);
}

char *
hsh_export_xml_safe (const char *text)
{
  GString *safe = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append (safe, "\xEF\xBF\xBD");
      else
        g_string_append_len (safe, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (safe, FALSE);
}
