/* hsh-format.c: the table of corpus formats, and the export filters they share. */
#include "hsh-format.h"

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
