/* hsh-format-brat.c: the brat format's entry in the table, its folder reader and type names. */
#include "hsh-format-brat.h"
#include "hsh-format-common.h"

#include <string.h>

static char *
replace_all (const char *text, const char *from, const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  return g_strjoinv (to, parts);
}

char *
hsh_brat_type_from_label (const char *label)
{
  g_autofree char *slashes = replace_all (label, "/", "--");
  return replace_all (slashes, " ", "_sp_");
}

char *
hsh_brat_label_from_type (const char *type)
{
  g_autofree char *spaces = replace_all (type, "_sp_", " ");
  return replace_all (spaces, "--", "/");
}

static gboolean
read_folder (const char *path, GPtrArray *found, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) names = hsh_format_list_folder (path, ".txt", error);

  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      HshBundle *bundle;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!(bundle = hsh_brat_read_pair (file, error)))
        return FALSE;
      g_ptr_array_add (found, bundle);
    }
  return TRUE;
}

static gboolean
brat_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);

  g_return_val_if_fail (path != NULL && bundles != NULL, FALSE);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!read_folder (path, found, cancellable, error))
        return FALSE;
    }
  else
    {
      HshBundle *bundle = hsh_brat_read_pair (path, error);
      if (bundle == NULL)
        return FALSE;
      g_ptr_array_add (found, bundle);
    }
  g_ptr_array_set_free_func (found, NULL);
  g_ptr_array_extend_and_steal (bundles, g_steal_pointer (&found));
  return TRUE;
}

const HshFormat hsh_format_brat = {
  .id = "brat",
  .name = "brat standoff",
  .offset_unit = "code points",
  .extension = NULL,
  .read = brat_read,
  .write = hsh_brat_write,
};
