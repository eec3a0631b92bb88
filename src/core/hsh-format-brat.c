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
brat_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (path != NULL && bundles != NULL, FALSE);
  return hsh_format_read_files (path, ".txt", hsh_brat_read_pair, bundles, cancellable, error);
}

const HshFormat hsh_format_brat = {
  .id = "brat",
  .name = "brat standoff",
  .offset_unit = "code points",
  .extension = NULL,
  .read = brat_read,
  .write = hsh_brat_write,
  .documents = &hsh_brat_documents,
};
