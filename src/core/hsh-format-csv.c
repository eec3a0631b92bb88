/* hsh-format-csv.c: writing one CSV row per annotation, RFC 4180 and safe to open in Excel. */
#include "hsh-format-csv.h"
#include "hsh-export-file.h"

#include <string.h>

/* The fixed columns, in order; attribute columns follow, sorted by name. */
static const char *const fixed_columns[] = {
  "document", "document_uuid", "annotation_uuid", "label", "start", "end", "ranges",
  "offset_unit", "text", "actor", "actor_wikidata", "annotator", "note",
};

/* What offset_unit says in every row: the unit of start, end and ranges. */
#define OFFSET_UNIT "code points"

static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  return digits && *p == '\0';
}

/* Spreadsheets run a cell starting with these as a formula (OWASP "CSV injection"): a hostile
 * article quoting "=HYPERLINK(…)" must not become a live link in the analyst's Excel. */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL && !is_plain_number (value);
}

void
hsh_csv_append_field (GString *out, const char *value)
{
  gboolean guard;

  if (value == NULL)
    return;
  guard = looks_like_formula (value);
  if (!guard && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every attribute name on an exported span, sorted: the attribute columns. */
static GPtrArray *
collect_attribute_names (GPtrArray *bundles, const HshExportOptions *options)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  for (guint b = 0; b < bundles->len; b++)
    {
      HshBundle *bundle = g_ptr_array_index (bundles, b);
      for (guint i = 0; i < bundle->spans->len; i++)
        {
          HshSpan *span = g_ptr_array_index (bundle->spans, i);
          GHashTableIter iter;
          gpointer name;

          if (!hsh_export_options_accept (options, span))
            continue;
          g_hash_table_iter_init (&iter, span->attributes);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            if (g_hash_table_add (seen, name))
              g_ptr_array_add (names, name);
        }
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

static gboolean
is_fixed_column (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_columns); i++)
    if (strcmp (fixed_columns[i], name) == 0)
      return TRUE;
  return FALSE;
}

void
hsh_csv_append_header (GString *out, GPtrArray *attribute_names, const HshExportOptions *options)
{
  if (options != NULL && options->excel_bom)
    g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (fixed_columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, fixed_columns[i]);
    }
  for (guint i = 0; i < attribute_names->len; i++)
    {
      const char *name = g_ptr_array_index (attribute_names, i);
      /* An attribute called "note" must not make two columns of that name. */
      g_autofree char *column = is_fixed_column (name) ? g_strconcat ("attribute:", name, NULL)
                                                       : g_strdup (name);
      g_string_append_c (out, ',');
      hsh_csv_append_field (out, column);
    }
  g_string_append (out, "\r\n");
}

static void
append_ranges (GString *out, GArray *ranges)
{
  for (guint r = 0; r < ranges->len; r++)
    {
      const HshRange *range = &g_array_index (ranges, HshRange, r);
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                              r > 0 ? ";" : "", range->start, range->end);
    }
}

static void
append_field (GString *out, const char *value)
{
  g_string_append_c (out, ',');
  hsh_csv_append_field (out, value);
}

static void
append_row (GString *out, const HshBundle *bundle, const HshSpan *span, GPtrArray *attribute_names)
{
  const HshRange *first = &g_array_index (span->ranges, HshRange, 0);
  const HshRange *last = &g_array_index (span->ranges, HshRange, span->ranges->len - 1);

  hsh_csv_append_field (out, bundle->title);
  append_field (out, bundle->uuid);
  append_field (out, span->uuid);
  append_field (out, span->label);
  g_string_append_printf (out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",", first->start, last->end);
  append_ranges (out, span->ranges);
  append_field (out, OFFSET_UNIT);
  append_field (out, span->text);
  append_field (out, span->actor);
  append_field (out, span->actor_wikidata);
  append_field (out, span->annotator);
  append_field (out, span->note);
  for (guint i = 0; i < attribute_names->len; i++)
    append_field (out, g_hash_table_lookup (span->attributes, g_ptr_array_index (attribute_names, i)));
  g_string_append (out, "\r\n");
}

void
hsh_csv_append_bundle (GString *out, const HshBundle *bundle, const HshExportOptions *options,
                       GPtrArray *attribute_names)
{
  for (guint i = 0; i < bundle->spans->len; i++)
    if (hsh_export_options_accept (options, g_ptr_array_index (bundle->spans, i)))
      append_row (out, bundle, g_ptr_array_index (bundle->spans, i), attribute_names);
}

gboolean
hsh_csv_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_autoptr(HshExportFile) file = hsh_export_file_new (path, error);
  g_autoptr(GPtrArray) attribute_names = NULL;
  GString *out;

  if (file == NULL)
    return FALSE;
  out = hsh_export_file_buffer (file);
  attribute_names = collect_attribute_names (bundles, options);
  hsh_csv_append_header (out, attribute_names, options);
  for (guint b = 0; b < bundles->len; b++)
    {
      HshBundle *bundle = g_ptr_array_index (bundles, b);

      if (!hsh_export_step (options, b, bundles->len, error))
        return FALSE;
      hsh_csv_append_bundle (out, bundle, options, attribute_names);
      if (!hsh_export_file_flush_if_full (file, error))
        return FALSE;
    }
  return hsh_export_step (options, bundles->len, bundles->len, error) &&
         hsh_export_file_commit (file, error);
}

const HshFormat hsh_format_csv = {
  .id = "csv",
  .name = "CSV (one row per annotation)",
  .offset_unit = "code points",
  .extension = "csv",
  .read = NULL,
  .write = hsh_csv_write,
};
