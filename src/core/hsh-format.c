/* hsh-format.c: the table of corpus formats, and the export filters they share. */
#include "hsh-format.h"
#include "hsh-format-common.h"
#include "hsh-export-file.h"

#include <string.h>

/* Each format's hsh-format-<id>.h declares a `const HshFormat hsh_format_<id>`. */
#include "hsh-format-plain.h"
#include "hsh-format-brat.h"
#include "hsh-format-conll.h"
#include "hsh-format-webanno.h"
#include "hsh-format-jsonl.h"
#include "hsh-format-csv.h"
#include "hsh-format-tei.h"
#include "hsh-format-refi.h"

static const HshFormat *const formats[] = {
  &hsh_format_plain,
  &hsh_format_brat,
  &hsh_format_conll,
  &hsh_format_webanno,
  &hsh_format_jsonl,
  &hsh_format_csv,
  &hsh_format_tei,
  &hsh_format_refi,
  NULL,
};

const HshFormat *const *
hsh_formats_all (void)
{
  return formats;
}

const HshFormat *
hsh_format_lookup (const char *id)
{
  for (guint i = 0; formats[i] != NULL; i++)
    if (g_strcmp0 (formats[i]->id, id) == 0)
      return formats[i];
  return NULL;
}

gboolean
hsh_format_read_files (const char *path, const char *suffix, HshFormatReadOneFunc read_one,
                       GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GPtrArray) names = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      HshBundle *bundle = read_one (path, error);
      if (bundle == NULL)
        return FALSE;
      g_ptr_array_add (bundles, bundle);
      return TRUE;
    }
  if (!(names = hsh_format_list_folder (path, suffix, error)))
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      HshBundle *bundle;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !(bundle = read_one (file, error)))
        return FALSE;
      g_ptr_array_add (found, bundle);
    }
  g_ptr_array_set_free_func (found, NULL);
  g_ptr_array_extend_and_steal (bundles, g_steal_pointer (&found));
  return TRUE;
}

static gboolean
label_selected (const char *const *labels, const char *label)
{
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize n = strlen (labels[i]);
      if (strncmp (label, labels[i], n) == 0 && (label[n] == '\0' || label[n] == '/'))
        return TRUE;
    }
  return FALSE;
}

gboolean
hsh_export_options_accept (const HshExportOptions *options, const HshSpan *span)
{
  if (options == NULL)
    return TRUE;
  if (options->labels != NULL && !label_selected (options->labels, span->label))
    return FALSE;
  if (options->annotators != NULL &&
      (span->annotator == NULL || !g_strv_contains (options->annotators, span->annotator)))
    return FALSE;
  return TRUE;
}

gboolean
hsh_format_write_documents (const HshDocumentWriter *writer, GPtrArray *bundles, const char *path,
                            const HshExportOptions *options, GError **error)
{
  gpointer state = writer->begin (path, bundles->len, options, error);
  gboolean ok = state != NULL;

  for (guint i = 0; ok && i < bundles->len; i++)
    ok = hsh_export_step (options, i, bundles->len, error) &&
         writer->write (state, g_ptr_array_index (bundles, i), i, error);
  ok = ok && hsh_export_step (options, bundles->len, bundles->len, error) && writer->finish (state, error);
  if (state != NULL)
    writer->free (state);
  return ok;
}
