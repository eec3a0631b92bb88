/* hsh-cli-agreement.c: `agreement` measures inter-coder agreement; `adjudicate` builds gold. */
#include "hsh-cli.h"
#include "hsh-adjudication.h"
#include "hsh-agreement-report.h"
#include "hsh-export-file.h"

#include <stdio.h>
#include <string.h>

static gboolean
parse_options (GOptionContext *context, const GOptionEntry *entries, int *argc, char ***argv)
{
  GError *error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  fprintf (stderr, "hashiya-cli: %s\n", error->message);
  g_error_free (error);
  return FALSE;
}

static GArray *
resolve_documents (HshStore *store, char **refs, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    {
      gint64 id = hsh_store_find_document (store, refs[i], error);
      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static GArray *
resolve_coders (HshStore *store, char **refs, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    {
      gint64 id = hsh_store_find_annotator (store, refs[i], error);
      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static int
write_report (HshAgreementReport *report, gboolean json, const char *output)
{
  g_autofree char *text = json ? hsh_agreement_report_to_json (report) : hsh_agreement_report_to_csv (report);
  GError *error = NULL;

  if (output == NULL)
    {
      fputs (text, stdout);
      if (json)
        fputc ('\n', stdout);
      return fflush (stdout) == 0 ? HSH_EXIT_OK : HSH_EXIT_FAILED;
    }
  /* Through a temporary file, so a script never reads half a report. */
  if (!hsh_export_write_bytes (output, text, strlen (text), &error))
    return hsh_cli_fail (error);
  return HSH_EXIT_OK;
}

int
hsh_cli_agreement (int argc, char **argv)
{
  g_auto(GStrv) documents = NULL;
  g_auto(GStrv) coders = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents, "Only this document (id, title or UUID); repeatable", "DOC" },
    { "coder", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &coders, "Compare this coder (name or UUID); repeatable, two or more", "NAME" },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, "Units of kappa and alpha: char (default) or token", "UNIT" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "csv (default) or json", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to this file instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT — inter-coder agreement per label and document");
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GArray) document_ids = NULL;
  g_autoptr(GArray) coder_ids = NULL;
  g_autoptr(HshAgreementReport) report = NULL;
  HshAgreementOptions options = { 0 };
  GError *error = NULL;

  if (!parse_options (context, entries, &argc, &argv))
    return HSH_EXIT_USAGE;
  if (argc != 2 || (unit != NULL && !g_str_equal (unit, "char") && !g_str_equal (unit, "token")) ||
      (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json")))
    return hsh_cli_usage ("agreement PROJECT [--document DOC]… [--coder NAME]… [--unit char|token] [--format csv|json] [--output FILE]");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)))
    return HSH_EXIT_FAILED;
  if ((documents != NULL && !(document_ids = resolve_documents (store, documents, &error))) ||
      (coders != NULL && !(coder_ids = resolve_coders (store, coders, &error))))
    return hsh_cli_fail (error);
  options.document_ids = document_ids;
  options.coder_ids = coder_ids;
  options.unit = unit != NULL && g_str_equal (unit, "token") ? HSH_AGREEMENT_UNIT_TOKEN : HSH_AGREEMENT_UNIT_CHARACTER;
  if (!(report = hsh_agreement_report_new (store, &options, NULL, &error)))
    return hsh_cli_fail (error);
  return write_report (report, format != NULL && g_str_equal (format, "json"), output);
}

int
hsh_cli_adjudicate (int argc, char **argv)
{
  g_auto(GStrv) documents = NULL;
  gboolean agreed = FALSE;
  const GOptionEntry entries[] = {
    { "agreed", 0, 0, G_OPTION_ARG_NONE, &agreed, "Accept every candidate all coders of its document made", NULL },
    { "document", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &documents, "Only this document (id, title or UUID); repeatable", "DOC" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT --agreed — build the gold layer");
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;
  guint accepted = 0;

  if (!parse_options (context, entries, &argc, &argv))
    return HSH_EXIT_USAGE;
  if (argc != 2 || !agreed)
    return hsh_cli_usage ("adjudicate PROJECT --agreed [--document DOC]…");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_DEFAULT)))
    return HSH_EXIT_FAILED;
  if (documents == NULL)
    {
      if (!hsh_store_accept_agreed (store, 0, &accepted, &error))
        return hsh_cli_fail (error);
    }
  else if (!(ids = resolve_documents (store, documents, &error)))
    return hsh_cli_fail (error);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      guint in_document = 0;
      if (!hsh_store_accept_agreed (store, g_array_index (ids, gint64, i), &in_document, &error))
        return hsh_cli_fail (error);
      accepted += in_document;
    }
  printf ("Accepted %u annotation%s all coders agree on into the gold layer\n", accepted, accepted == 1 ? "" : "s");
  return HSH_EXIT_OK;
}
