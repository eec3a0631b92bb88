/* hsh-corpus.c: exporting a project's documents (streamed where the format allows) and guessing
 * an import's format. */
#include "hsh-corpus.h"
#include "hsh-export-file.h"
#include "hsh-export-stream.h"
#include "hsh-format-jsonl.h"

/* Either the reader's next bundle, or FALSE: at the end, or with @error set when it failed. */
static gboolean
read_next (HshBundleReader *reader, HshBundle **bundle, GError **error)
{
  GError *read_error = NULL;

  if ((*bundle = hsh_bundle_reader_next (reader, &read_error)) != NULL)
    return TRUE;
  if (read_error != NULL)
    g_propagate_error (error, read_error);
  return FALSE;
}

GPtrArray *
hsh_store_export_bundles (HshStore *store, GArray *document_ids, HshLayer layer,
                          GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(HshBundleReader) reader = hsh_bundle_reader_new (store, document_ids, layer, error);
  GError *read_error = NULL;
  HshBundle *bundle;

  if (reader == NULL)
    return NULL;
  while (!g_cancellable_set_error_if_cancelled (cancellable, &read_error) &&
         read_next (reader, &bundle, &read_error))
    g_ptr_array_add (bundles, bundle);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }
  return g_steal_pointer (&bundles);
}

void
hsh_export_summary_count (HshExportSummary *summary, const HshBundle *bundle, const HshExportOptions *options)
{
  summary->documents++;
  for (guint i = 0; i < bundle->spans->len; i++)
    summary->annotations += hsh_export_options_accept (options, g_ptr_array_index (bundle->spans, i));
}

static gboolean
write_all (HshBundleReader *reader, const HshFormat *format, const char *path,
           const HshExportOptions *options, HshExportSummary *summary, GError **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  GError *read_error = NULL;
  HshBundle *bundle;

  while (!g_cancellable_set_error_if_cancelled (options != NULL ? options->cancellable : NULL, &read_error) &&
         read_next (reader, &bundle, &read_error))
    {
      hsh_export_summary_count (summary, bundle, options);
      g_ptr_array_add (bundles, bundle);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return format->write (bundles, path, options, error);
}

gboolean
hsh_store_export (HshStore *store, const HshFormat *format, GArray *document_ids, HshLayer layer,
                  const char *path, const HshExportOptions *options, HshExportSummary *summary,
                  GError **error)
{
  g_autoptr(HshBundleReader) reader = NULL;
  HshExportSummary written = { 0 };

  g_return_val_if_fail (format != NULL && format->write != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (format->write == hsh_jsonl_write)
    {
      if (!hsh_export_stream (store, document_ids, layer, hsh_jsonl_append_bundle, path, options,
                              &written, error))
        return FALSE;
    }
  else if (!(reader = hsh_bundle_reader_new (store, document_ids, layer, error)) ||
           !write_all (reader, format, path, options, &written, error))
    return FALSE;
  if (summary != NULL)
    *summary = written;
  return TRUE;
}

char **
hsh_codebook_dup_paths (HshCodebook *codebook)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **paths;

  for (guint i = 0; i < codebook->labels->len; i++)
    g_strv_builder_add (builder, ((HshLabel *) g_ptr_array_index (codebook->labels, i))->path);
  paths = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paths;
}

static gboolean
folder_has (const char *path, const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      return TRUE;
  return FALSE;
}

const HshFormat *
hsh_format_guess (const char *path)
{
  static const struct { const char *suffix; const char *format; } by_suffix[] = {
    { ".jsonl", "jsonl" }, { ".ann", "brat" }, { ".conll", "conll" }, { ".conllu", "conll" },
    { ".iob", "conll" }, { ".bio", "conll" }, { ".qdpx", "refi" },
  };

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return hsh_format_lookup (folder_has (path, ".ann") ? "brat" : "text");
  for (guint i = 0; i < G_N_ELEMENTS (by_suffix); i++)
    if (g_str_has_suffix (path, by_suffix[i].suffix))
      return hsh_format_lookup (by_suffix[i].format);
  return hsh_format_lookup ("text");
}
