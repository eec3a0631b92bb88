/* hsh-test-support.c: paths and scratch files shared by the test programs. */
#include "hsh-test-support.h"

#include <stdlib.h>
#include <glib/gstdio.h>

char *
hsh_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("HASHIYA_SHARED_DIR");
  return g_build_filename (shared != NULL ? shared : "../shared", relative, NULL);
}

char *
hsh_test_source_path (const char *relative)
{
  const char *source = g_getenv ("HASHIYA_SOURCE_DIR");
  return g_build_filename (source != NULL ? source : ".", relative, NULL);
}

static GPtrArray *scratch_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_scratch_dirs (void)
{
  if (g_getenv ("HASHIYA_KEEP_SCRATCH") != NULL)
    return;
  for (guint i = 0; scratch_dirs != NULL && i < scratch_dirs->len; i++)
    remove_tree (g_ptr_array_index (scratch_dirs, i));
}

char *
hsh_test_scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hashiya-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (scratch_dirs == NULL)
    {
      scratch_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_scratch_dirs);
    }
  g_ptr_array_add (scratch_dirs, g_strdup (dir));
  return dir;
}

char *
hsh_test_file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}
