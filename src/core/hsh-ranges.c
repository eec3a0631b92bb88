/* hsh-ranges.c: writing and reading an annotation's ranges in their stored form. */
#include "hsh-ranges.h"

#include <stdlib.h>

char *
hsh_ranges_format (const HshRange *ranges, guint n_ranges)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_ranges; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, i > 0 ? ";" : "",
                            ranges[i].start, ranges[i].end);
  return g_string_free (text, FALSE);
}

gboolean
hsh_ranges_parse (const char *text, GArray *ranges)
{
  guint before = ranges->len;
  gint64 previous_end = 0;
  const char *p = text;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (;;)
    {
      char *end = NULL;
      HshRange range;

      range.start = g_ascii_strtoll (p, &end, 10);
      if (end == p || *end != '-')
        break;
      p = end + 1;
      range.end = g_ascii_strtoll (p, &end, 10);
      if (end == p || range.start < previous_end || range.end <= range.start || range.start < 0)
        break;
      g_array_append_val (ranges, range);
      previous_end = range.end;
      if (*end == '\0')
        return TRUE;
      if (*end != ';')
        break;
      p = end + 1;
    }
  g_array_set_size (ranges, before);
  return FALSE;
}
