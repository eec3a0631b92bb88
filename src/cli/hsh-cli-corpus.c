/* hsh-cli-corpus.c: importing and exporting tagged corpora in the formats of hsh-format.h. */
#include "hsh-cli.h"
#include "hsh-corpus.h"

#include <stdio.h>

static void
print_formats (gboolean for_import)
{
  const HshFormat *const *formats = hsh_formats_all ();
  fprintf (stderr, "Formats:\n");
  for (guint i = 0; formats[i] != NULL; i++)
    if (for_import ? formats[i]->read != NULL : formats[i]->write != NULL)
      fprintf (stderr, "  %-8s %s (offsets: %s)\n", formats[i]->id, formats[i]->name, formats[i]->offset_unit);
}

static const HshFormat *
format_for (const char *id, const char *path, gboolean for_import)
{
  const HshFormat *format = id != NULL ? hsh_format_lookup (id) : hsh_format_guess (path);

  if (format == NULL || (for_import ? format->read == NULL : format->write == NULL))
    {
      fprintf (stderr, "hashiya-cli: “%s” is not a format Hashiya can %s\n", id, for_import ? "import" : "export");
      print_formats (for_import);
      return NULL;
    }
  return format;
}

int
hsh_cli_import (int argc, char **argv)
{
  g_autofree char *format_id = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_id, "Format of the files (text, jsonl, brat, conll, refi); guessed from the name when absent", "ID" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT FILE|DIR… — import documents");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_null_terminated (argc, NULL, TRUE);
  g_autoptr(GPtrArray) formats = g_ptr_array_new ();
  g_autoptr(HshStore) store = NULL;
  HshImportSummary summary;
  GError *error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "hashiya-cli: %s\n", error->message);
      g_error_free (error);
      return HSH_EXIT_USAGE;
    }
  if (argc < 3)
    return hsh_cli_usage ("import [--format ID] PROJECT FILE|DIR…");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_DEFAULT)))
    return HSH_EXIT_FAILED;
  for (int i = 2; i < argc; i++)
    {
      const HshFormat *format = format_for (format_id, argv[i], TRUE);
      if (format == NULL)
        return HSH_EXIT_USAGE;
      g_ptr_array_add (paths, argv[i]);
      g_ptr_array_add (formats, (gpointer) format);
    }
  /* One transaction: a bad file, or a bad line late in a large one, imports nothing. */
  if (!hsh_store_import_files (store, (const char *const *) paths->pdata,
                               (const HshFormat *const *) formats->pdata, &summary, NULL, NULL, NULL, &error))
    return hsh_cli_fail (error);
  printf ("Imported %u documents, %u annotations, %u role links", summary.documents, summary.annotations, summary.role_links);
  if (summary.duplicates > 0)
    printf (" (%u documents were already in the project)", summary.duplicates);
  printf ("\n");
  return HSH_EXIT_OK;
}

static GArray *
resolve_documents (HshStore *store, char **refs, GError **error)
{
  g_autoptr(GArray) ids = NULL;

  if (refs == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; refs[i] != NULL; i++)
    {
      gint64 id = hsh_store_find_document (store, refs[i], error);
      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

int
hsh_cli_export (int argc, char **argv)
{
  g_autofree char *format_id = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) documents = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) annotators = NULL;
  gboolean gold = FALSE, no_gold = FALSE, excel = FALSE, standoff = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_id, "jsonl, csv, brat, conll, webanno, refi or tei", "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "File or folder to write", "PATH" },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents, "Only this document (id, title or UUID); repeatable", "DOC" },
    { "label", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &labels, "Only this label and those below it; repeatable", "PATH" },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &annotators, "Only this annotator's work; repeatable", "NAME" },
    { "gold", 0, 0, G_OPTION_ARG_NONE, &gold, "Only the adjudicated gold layer", NULL },
    { "no-gold", 0, 0, G_OPTION_ARG_NONE, &no_gold, "Only the coders' annotations", NULL },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &excel, "CSV: start with a UTF-8 byte-order mark for Excel", NULL },
    { "standoff", 0, 0, G_OPTION_ARG_NONE, &standoff, "TEI: standoff annotation even without overlaps", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT --format ID --output PATH — export a tagged corpus");
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(HshCodebook) book = NULL;
  g_auto(GStrv) codebook = NULL;
  HshExportOptions options = { 0 };
  HshExportSummary summary = { 0 };
  const HshFormat *format;
  GError *error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "hashiya-cli: %s\n", error->message);
      g_error_free (error);
      return HSH_EXIT_USAGE;
    }
  if (argc != 2 || format_id == NULL || output == NULL || (gold && no_gold))
    return hsh_cli_usage ("export PROJECT --format ID --output PATH [--document DOC]… [--label PATH]… [--annotator NAME]… [--gold|--no-gold] [--excel] [--standoff]");
  if (!(format = format_for (format_id, output, FALSE)))
    return HSH_EXIT_USAGE;
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)))
    return HSH_EXIT_FAILED;
  if ((documents != NULL && !(ids = resolve_documents (store, documents, &error))) ||
      !(book = hsh_store_load_codebook (store, &error)))
    return hsh_cli_fail (error);
  codebook = hsh_codebook_dup_paths (book);
  options.labels = (const char *const *) labels;
  options.annotators = (const char *const *) annotators;
  options.codebook = (const char *const *) codebook;
  options.excel_bom = excel;
  options.tei_standoff = standoff;
  /* JSONL is streamed a document at a time; other formats are written from all documents. */
  if (!hsh_store_export (store, format, ids, gold ? HSH_LAYER_GOLD : no_gold ? HSH_LAYER_CODERS : HSH_LAYER_ALL,
                         output, &options, &summary, &error))
    return hsh_cli_fail (error);
  printf ("Exported %u documents and %u annotations to %s as %s (offsets: %s)\n", summary.documents,
          summary.annotations, output, format->name, format->offset_unit);
  return HSH_EXIT_OK;
}
