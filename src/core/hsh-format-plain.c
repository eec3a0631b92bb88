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

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
read_folder (const char *path, GPtrArray *found, GCancellable *cancellable, GError **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  /* Directory order depends on the file system; a sorted import numbers documents the same
   * way on every machine. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      HshBundle *bundle;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!(bundle = hsh_plain_read_file (file, error)))
        return FALSE;
      g_ptr_array_add (found, bundle);
    }
  return TRUE;
}

static gboolean
plain_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!read_folder (path, found, cancellable, error))
        return FALSE;
    }
  else
    {
      HshBundle *bundle = hsh_plain_read_file (path, error);
      if (bundle == NULL)
        return FALSE;
      g_ptr_array_add (found, bundle);
    }
  g_ptr_array_set_free_func (found, NULL);
  g_ptr_array_extend_and_steal (bundles, g_steal_pointer (&found));
  return TRUE;
}

const HshFormat hsh_format_plain = {
  .id = "text",
  .name = "Plain text",
  .offset_unit = "code points",
  .extension = "txt",
  .read = plain_read,
  .write = NULL,
};
