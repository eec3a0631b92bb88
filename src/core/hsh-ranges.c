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

/* A run of ASCII digits (no sign, no space: what Hashiya writes) as an offset; where it ends, or
 * NULL when there is none or it has more digits than an offset can. Exports read one for
 * every annotation, so this stays simpler than strtoll. */
static inline const char *
parse_offset (const char *p, gint64 *value)
{
  const char *start = p;
  gint64 n = 0;

  while (*p >= '0' && *p <= '9' && p - start < 18)
    n = n * 10 + (*p++ - '0');
  if (p == start || (*p >= '0' && *p <= '9'))
    return NULL;
  *value = n;
  return p;
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
      const char *end;
      HshRange range;

      if (!(end = parse_offset (p, &range.start)) || *end != '-')
        break;
      p = end + 1;
      if (!(end = parse_offset (p, &range.end)) || range.start < previous_end || range.end <= range.start)
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
