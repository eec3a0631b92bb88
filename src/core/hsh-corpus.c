/* hsh-corpus.c: choosing documents and layers for export, and guessing an import's format. */
#include "hsh-corpus.h"

static void
keep_layer (HshBundle *bundle, HshLayer layer)
{
  if (layer == HSH_LAYER_ALL)
    return;
  for (guint i = bundle->spans->len; i-- > 0;)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (span->gold != (layer == HSH_LAYER_GOLD))
        g_ptr_array_remove_index (bundle->spans, i);
    }
  /* A role whose source or target left with its layer goes too. */
  for (guint i = bundle->roles->len; i-- > 0;)
    {
      HshRoleRef *role = g_ptr_array_index (bundle->roles, i);
      if (hsh_bundle_find_span (bundle, role->source) == NULL || hsh_bundle_find_span (bundle, role->target) == NULL)
        g_ptr_array_remove_index (bundle->roles, i);
    }
}

GPtrArray *
hsh_store_export_bundles (HshStore *store, GArray *document_ids, HshLayer layer,
                          GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GArray) ids = NULL;

  if (document_ids == NULL)
    {
      g_autoptr(GPtrArray) documents = hsh_store_list_documents (store, error);
      if (documents == NULL)
        return NULL;
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < documents->len; i++)
        g_array_append_val (ids, ((HshDocument *) g_ptr_array_index (documents, i))->id);
      document_ids = ids;
    }
  for (guint i = 0; i < document_ids->len; i++)
    {
      HshBundle *bundle;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(bundle = hsh_store_export_bundle (store, g_array_index (document_ids, gint64, i), error)))
        return NULL;
      keep_layer (bundle, layer);
      g_ptr_array_add (bundles, bundle);
    }
  return g_steal_pointer (&bundles);
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
