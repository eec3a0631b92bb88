/* hsh-format-jsonl.c: writing Hashiya JSONL by hand, one document per line, fast enough to
 * stream a million annotations a second (no JSON node tree per span). */
#include "hsh-format-jsonl.h"
#include "hsh-export-file.h"
#include "hsh-text.h"

#include <stdlib.h>
#include <string.h>

/* Which bytes JSON requires escaped: the quote, the backslash and the C0 controls. */
static const guint8 needs_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* g_string_append_len checks for overlapping input on every call; the writer's pieces never
 * overlap, and this is the innermost loop of a million-annotation export. */
static inline void
put (GString *out, const char *bytes, gsize length)
{
  gsize at = out->len;

  if (G_UNLIKELY (at + length >= out->allocated_len))
    g_string_set_size (out, at + length);
  else
    {
      out->len = at + length;
      out->str[out->len] = '\0';
    }
  memcpy (out->str + at, bytes, length);
}

#define PUT_LITERAL(out, literal) put ((out), "" literal, sizeof (literal) - 1)

static void
append_escape (GString *out, guchar c)
{
  static const char hex[] = "0123456789abcdef";
  char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };

  switch (c)
    {
    case '"':  PUT_LITERAL (out, "\\\""); break;
    case '\\': PUT_LITERAL (out, "\\\\"); break;
    case '\n': PUT_LITERAL (out, "\\n"); break;
    case '\r': PUT_LITERAL (out, "\\r"); break;
    case '\t': PUT_LITERAL (out, "\\t"); break;
    case '\b': PUT_LITERAL (out, "\\b"); break;
    case '\f': PUT_LITERAL (out, "\\f"); break;
    default:   put (out, u, 6); break;
    }
}

/* Whether any of eight bytes needs escaping: one below 0x20 (the borrow trick finds them, and
 * only reports a false one next to a true one), a quote or a backslash (zero after an XOR). The
 * bytes of Arabic letters never do, so most of a text is checked a word at a time. */
static inline gboolean
word_needs_escape (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = word ^ (ones * '"');
  guint64 backslash = word ^ (ones * '\\');

  guint64 control = (word - ones * 0x20) & ~word;

  return ((control | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs) != 0;
}

void
hsh_json_append_string (GString *out, const char *value)
{
  const guchar *p = (const guchar *) value;
  const guchar *end = p + strlen (value);
  const guchar *run = p;

  g_string_append_c (out, '"');
  while (p < end)
    {
      guint64 word;

      if (end - p >= 8 && (memcpy (&word, p, sizeof word), !word_needs_escape (word)))
        {
          p += sizeof word;
          continue;
        }
      if (needs_escape[*p])
        {
          put (out, (const char *) run, (gsize) (p - run));
          append_escape (out, *p);
          run = p + 1;
        }
      p++;
    }
  put (out, (const char *) run, (gsize) (end - run));
  g_string_append_c (out, '"');
}

static void
append_string_or_null (GString *out, const char *value)
{
  if (value == NULL)
    PUT_LITERAL (out, "null");
  else
    hsh_json_append_string (out, value);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Sorted, so the same bundle always gives the same bytes (diffable exports). */
static void
append_string_map (GString *out, GHashTable *map)
{
  guint n = g_hash_table_size (map);
  g_autofree gpointer *keys = NULL;

  if (n == 0)
    {
      PUT_LITERAL (out, "{}");
      return;
    }
  keys = g_hash_table_get_keys_as_array (map, &n);
  if (n > 1)
    qsort (keys, n, sizeof (gpointer), compare_strings);
  g_string_append_c (out, '{');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      hsh_json_append_string (out, keys[i]);
      g_string_append_c (out, ':');
      hsh_json_append_string (out, g_hash_table_lookup (map, keys[i]));
    }
  g_string_append_c (out, '}');
}

static void
append_ranges (GString *out, GArray *ranges)
{
  g_string_append_c (out, '[');
  for (guint r = 0; r < ranges->len; r++)
    {
      const HshRange *range = &g_array_index (ranges, HshRange, r);
      if (r > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      hsh_string_append_int64 (out, range->start);
      g_string_append_c (out, ',');
      hsh_string_append_int64 (out, range->end);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

/* A key and its object of two strings; @opening is `,"key":{"first":` and @middle `,"second":`,
 * spelled out by the caller so that no key is measured or copied piecewise per span. */
static void
append_pair (GString *out, const char *opening, gsize opening_length, const char *first,
             const char *middle, gsize middle_length, const char *second)
{
  if (first == NULL && second == NULL)
    return;
  put (out, opening, opening_length);
  append_string_or_null (out, first);
  put (out, middle, middle_length);
  append_string_or_null (out, second);
  g_string_append_c (out, '}');
}

#define LITERAL(literal) "" literal, sizeof (literal) - 1

/* Keys whose value is null, empty or false are left out: a million annotations are mostly
 * without notes or actors, and the reader takes an absent key as exactly that value. */
static void
append_span (GString *out, const HshSpan *span)
{
  PUT_LITERAL (out, "{\"id\":");
  hsh_json_append_string (out, span->key);
  if (span->uuid != NULL)
    {
      PUT_LITERAL (out, ",\"uuid\":");
      hsh_json_append_string (out, span->uuid);
    }
  PUT_LITERAL (out, ",\"label\":");
  hsh_json_append_string (out, span->label);
  PUT_LITERAL (out, ",\"ranges\":");
  append_ranges (out, span->ranges);
  PUT_LITERAL (out, ",\"text\":");
  append_string_or_null (out, span->text);
  if (g_hash_table_size (span->attributes) > 0)
    {
      PUT_LITERAL (out, ",\"attributes\":");
      append_string_map (out, span->attributes);
    }
  append_pair (out, LITERAL (",\"actor\":{\"name\":"), span->actor,
               LITERAL (",\"wikidata\":"), span->actor_wikidata);
  if (span->note != NULL)
    {
      PUT_LITERAL (out, ",\"note\":");
      hsh_json_append_string (out, span->note);
    }
  append_pair (out, LITERAL (",\"annotator\":{\"name\":"), span->annotator,
               LITERAL (",\"uuid\":"), span->annotator_uuid);
  if (span->gold)
    PUT_LITERAL (out, ",\"gold\":true");
  g_string_append_c (out, '}');
}

static void
append_roles (GString *out, GPtrArray *roles, GHashTable *written)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; i < roles->len; i++)
    {
      const HshRoleRef *role = g_ptr_array_index (roles, i);
      /* A role whose ends were filtered out would point at nothing. */
      if (written != NULL &&
          (!g_hash_table_contains (written, role->source) || !g_hash_table_contains (written, role->target)))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      PUT_LITERAL (out, "{\"source\":");
      hsh_json_append_string (out, role->source);
      PUT_LITERAL (out, ",\"role\":");
      hsh_json_append_string (out, role->role);
      PUT_LITERAL (out, ",\"target\":");
      hsh_json_append_string (out, role->target);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static gboolean
filters_spans (const HshExportOptions *options)
{
  return options != NULL && (options->labels != NULL || options->annotators != NULL);
}

static void
append_header (GString *out, const HshBundle *bundle)
{
  /* Hashing every text again would cost more than formatting its spans; the store knows it. */
  g_autofree char *computed = bundle->sha256 == NULL ? hsh_text_sha256 (bundle->text) : NULL;
  const char *sha256 = bundle->sha256 != NULL ? bundle->sha256 : computed;

  g_string_append (out, "{\"hashiya\":" G_STRINGIFY (HSH_JSONL_VERSION)
                        ",\"offsets\":\"unicode-code-points\",\"uuid\":");
  append_string_or_null (out, bundle->uuid);
  PUT_LITERAL (out, ",\"title\":");
  append_string_or_null (out, bundle->title);
  PUT_LITERAL (out, ",\"source\":");
  append_string_or_null (out, bundle->source);
  PUT_LITERAL (out, ",\"language\":");
  append_string_or_null (out, bundle->language);
  PUT_LITERAL (out, ",\"direction\":");
  hsh_json_append_string (out, hsh_direction_to_string (bundle->direction));
  PUT_LITERAL (out, ",\"sha256\":");
  hsh_json_append_string (out, sha256);
  PUT_LITERAL (out, ",\"metadata\":");
  append_string_map (out, bundle->metadata);
  PUT_LITERAL (out, ",\"text\":");
  hsh_json_append_string (out, bundle->text);
}

void
hsh_jsonl_append_bundle (GString *out, const HshBundle *bundle, const HshExportOptions *options)
{
  g_autoptr(GHashTable) written = NULL;
  gboolean first = TRUE;

  if (filters_spans (options))
    written = g_hash_table_new (g_str_hash, g_str_equal);
  append_header (out, bundle);
  PUT_LITERAL (out, ",\"spans\":[");
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (written != NULL && !hsh_export_options_accept (options, span))
        continue;
      if (written != NULL)
        g_hash_table_add (written, span->key);
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_span (out, span);
    }
  PUT_LITERAL (out, "],\"roles\":");
  append_roles (out, bundle->roles, written);
  PUT_LITERAL (out, "}\n");
}

gboolean
hsh_jsonl_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_autoptr(HshExportFile) file = hsh_export_file_new (path, error);

  if (file == NULL)
    return FALSE;
  for (guint i = 0; i < bundles->len; i++)
    {
      if (!hsh_export_step (options, i, bundles->len, error))
        return FALSE;
      hsh_jsonl_append_bundle (hsh_export_file_buffer (file), g_ptr_array_index (bundles, i), options);
      if (!hsh_export_file_flush_if_full (file, error))
        return FALSE;
    }
  if (!hsh_export_step (options, bundles->len, bundles->len, error))
    return FALSE;
  return hsh_export_file_commit (file, error);
}

const HshFormat hsh_format_jsonl = {
  .id = "jsonl",
  .name = "JSON Lines (Hashiya, doccano)",
  .offset_unit = "code points",
  .extension = "jsonl",
  .read = hsh_jsonl_read,
  .write = hsh_jsonl_write,
};
