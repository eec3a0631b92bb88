/* hsh-format-plain.c: reading plain-text documents, one file or every .txt file of a folder. */
#include "hsh-format-plain.h"
#include "hsh-text.h"

#include <string.h>

HshBundle *
hsh_plain_read_file (const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  gsize length = 0;
  HshBundle *bundle;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, HSH_ERROR,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? HSH_ERROR_NOT_FOUND : HSH_ERROR_IO,
                   "%s", local->message);
      return NULL;
    }
  if (!(text = hsh_text_decode_import (data, length, path, error)))
    return NULL;
  if (dot != NULL && dot != base)
    *dot = '\0';
  bundle = hsh_bundle_new (base, text);
  bundle->source = g_strdup (path);
  return bundle;
}

static gboolean
plain_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  return hsh_format_read_files (path, ".txt", hsh_plain_read_file, bundles, cancellable, error);
}

const HshFormat hsh_format_plain = {
  .id = "text",
  .name = "Plain text",
  .offset_unit = "code points",
  .extension = "txt",
  .read = plain_read,
  .write = NULL,
};
