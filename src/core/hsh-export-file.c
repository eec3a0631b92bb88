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
  char    *temp_path;
  int      fd;
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
  if ((fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666)) < 0)
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

gboolean
hsh_export_file_commit (HshExportFile *file, GError **error)
{
  int fd = file->fd;

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
  if (!file->committed)
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
