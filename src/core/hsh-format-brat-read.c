/* hsh-format-brat-read.c: reading one brat .txt/.ann pair into a bundle (rules in hsh-format-brat.h). */
#include "hsh-format-brat.h"
#include "hsh-format-common.h"
#include "hsh-text.h"

#include <string.h>

/* The .txt as brat counts it, and how its offsets land in the cleaned text. */
typedef struct {
  const char     *raw;          /* UTF-8 after any BOM, CRs kept */
  HshOffsetIndex *raw_index;
  GArray         *dropped;      /* gint64: raw offsets of the LFs that followed a CR */
  gboolean        has_bom;
  HshOffsetIndex *clean_index;
} Source;

/* One pass over the .ann lines. */
typedef struct {
  const char *ann_path;
  const char *ann_raw;
  gsize       ann_length;
  Source     *source;
  gint64      bom_shift;        /* 1 when the BOM is counted */
  HshBundle  *bundle;
  GHashTable *spans;            /* T id → HshSpan: bundles hold thousands */
  GHashTable *triggers;         /* E id → trigger T id */
  GHashTable *relations;        /* R id as read → R id brat export will give it */
  GString    *standoff;
  guint       line;
} Pass;

static gboolean
fail (Pass *pass, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Pass *pass, GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s line %u (byte offset %" G_GSIZE_FORMAT "): %s",
               pass->ann_path, pass->line,
               hsh_format_line_byte (pass->ann_raw, pass->ann_length, pass->line), message);
  return FALSE;
}

static gint64
clean_offset (Source *source, gint64 raw)
{
  guint low = 0, high = source->dropped->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      if (g_array_index (source->dropped, gint64, mid) < raw)
        low = mid + 1;
      else
        high = mid;
    }
  return raw - low;
}

static gboolean
parse_offset (const char *text, gint64 *value)
{
  guint64 parsed = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

/* Reads "0 5;10 15" into raw-text ranges, checking each lies inside the text. */
static gboolean
parse_fragments (Pass *pass, const char *id, const char *spec, GArray *ranges, GError **error)
{
  g_auto(GStrv) fragments = g_strsplit (spec, ";", -1);
  gint64 length = hsh_offset_index_length (pass->source->raw_index) + pass->bom_shift;

  for (guint i = 0; fragments[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (g_strstrip (fragments[i]), " ", -1);
      HshRange range;

      if (g_strv_length (ends) != 2 || !parse_offset (ends[0], &range.start) || !parse_offset (ends[1], &range.end))
        return fail (pass, error, "%s: “%s” is not a list of offsets like “0 5;10 15”", id, spec);
      if (range.end > length || range.start > length)
        return fail (pass, error, "%s: offset %" G_GINT64_FORMAT " is past the end of the %" G_GINT64_FORMAT
                     "-character text", id, MAX (range.start, range.end), length);
      if (range.end <= range.start || range.start < pass->bom_shift)
        return fail (pass, error, "%s: %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " covers no text", id,
                     range.start, range.end);
      range.start -= pass->bom_shift;
      range.end -= pass->bom_shift;
      g_array_append_val (ranges, range);
    }
  return TRUE;
}

static char *
joined_slices (HshOffsetIndex *index, GArray *ranges)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      HshRange *range = &g_array_index (ranges, HshRange, i);
      g_autofree char *part = hsh_offset_index_slice (index, range->start, range->end);
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, part);
    }
  return g_string_free (joined, FALSE);
}

/* brat's text field cannot hold a line break; tools write a space, or nothing at all. */
static gboolean
same_text (const char *stated, const char *covered)
{
  g_autofree char *flat = g_strdup (covered);

  if (g_str_equal (stated, covered))
    return TRUE;
  g_strdelimit (flat, "\r\n", ' ');
  return g_str_equal (stated, flat);
}

static HshSpan *
find_span (Pass *pass, const char *id)
{
  return id != NULL ? g_hash_table_lookup (pass->spans, id) : NULL;
}

static gboolean
read_text_bound (Pass *pass, const char *id, char **fields, GError **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));
  g_autofree char *type = NULL;
  g_autofree char *label = NULL;
  g_autofree char *covered = NULL;
  const char *space = strchr (fields[1], ' ');
  HshSpan *span = NULL;

  if (space == NULL)
    return fail (pass, error, "%s has a type but no offsets", id);
  if (find_span (pass, id) != NULL)
    return fail (pass, error, "%s appears twice", id);
  if (!parse_fragments (pass, id, space + 1, ranges, error))
    return FALSE;
  covered = joined_slices (pass->source->raw_index, ranges);
  if (fields[2] != NULL && !same_text (fields[2], covered))
    {
      HshRange *first = &g_array_index (ranges, HshRange, 0);
      HshRange *last = &g_array_index (ranges, HshRange, ranges->len - 1);
      return fail (pass, error, "%s says “%s” but the text at %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is “%s”",
                   id, fields[2], first->start + pass->bom_shift, last->end + pass->bom_shift, covered);
    }
  type = g_strndup (fields[1], (gsize) (space - fields[1]));
  label = hsh_brat_label_from_type (type);
  for (guint i = 0; i < ranges->len; i++)
    {
      HshRange *range = &g_array_index (ranges, HshRange, i);
      gint64 start = clean_offset (pass->source, range->start);
      gint64 end = clean_offset (pass->source, range->end);

      if (span == NULL)
        {
          span = hsh_bundle_add_span (pass->bundle, id, label, start, end);
          g_hash_table_insert (pass->spans, span->key, span);
        }
      else
        hsh_span_add_range (span, start, end);
    }
  g_free (span->text);
  span->text = joined_slices (pass->source->clean_index, span->ranges);
  return TRUE;
}

/* "Name:T3" → the id after the colon. */
static const char *
argument_id (const char *argument)
{
  const char *colon = strrchr (argument, ':');
  return colon != NULL ? colon + 1 : NULL;
}

/* The span an argument names: a T, or the trigger of an E. */
static const char *
resolve (Pass *pass, const char *id)
{
  const char *trigger;

  if (id == NULL)
    return NULL;
  if ((trigger = g_hash_table_lookup (pass->triggers, id)) != NULL)
    return trigger;
  return find_span (pass, id) != NULL ? id : NULL;
}

static gboolean
unknown_reference (Pass *pass, const char *id, const char *what, GError **error)
{
  return fail (pass, error, "%s refers to “%s”, which is not an annotation of this file", id, what ? what : "");
}

static gboolean
read_relation (Pass *pass, const char *id, char **fields, GError **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  const char *source, *target;
  g_autofree char *role = NULL;
  g_autofree char *renamed = NULL;

  if (g_strv_length (words) != 3)
    return fail (pass, error, "%s should read “Type Arg1:T1 Arg2:T2”", id);
  if (!(source = resolve (pass, argument_id (words[1]))))
    return unknown_reference (pass, id, argument_id (words[1]), error);
  if (!(target = resolve (pass, argument_id (words[2]))))
    return unknown_reference (pass, id, argument_id (words[2]), error);
  role = hsh_brat_label_from_type (words[0]);
  hsh_bundle_add_role (pass->bundle, source, role, target);
  renamed = g_strdup_printf ("R%u", g_hash_table_size (pass->relations) + 1);
  g_hash_table_insert (pass->relations, g_strdup (id), g_steal_pointer (&renamed));
  return TRUE;
}

static void
keep_line (Pass *pass, const char *id, char **fields)
{
  if (pass->standoff->len > 0)
    g_string_append_c (pass->standoff, '\n');
  g_string_append (pass->standoff, id);
  for (guint i = 1; fields[i] != NULL; i++)
    g_string_append_printf (pass->standoff, "\t%s", fields[i]);
}

static gboolean
read_event (Pass *pass, const char *id, char **fields, GError **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  const char *trigger = g_hash_table_lookup (pass->triggers, id);

  for (guint i = 1; words[i] != NULL; i++)
    {
      const char *target = resolve (pass, argument_id (words[i]));
      g_autofree char *role = NULL;

      if (words[i][0] == '\0')
        continue;
      if (target == NULL)
        return unknown_reference (pass, id, argument_id (words[i]), error);
      role = hsh_brat_label_from_type (words[i]);
      *strrchr (role, ':') = '\0';
      hsh_bundle_add_role (pass->bundle, trigger, role, target);
    }
  keep_line (pass, id, fields);
  return TRUE;
}

/* A/M/N/# lines about events and relations, kept whole; a relation is renamed to the id that
 * export will give it. */
static void
keep_line_about (Pass *pass, const char *id, char **fields, char **words)
{
  const char *renamed = g_hash_table_lookup (pass->relations, words[1]);

  if (renamed != NULL)
    {
      g_free (words[1]);
      words[1] = g_strdup (renamed);
      g_free (fields[1]);
      fields[1] = g_strjoinv (" ", words);
    }
  keep_line (pass, id, fields);
}

static gboolean
check_target (Pass *pass, const char *id, char **words, guint min_words, guint max_words, GError **error)
{
  guint n = g_strv_length (words);

  if (n < min_words || n > max_words)
    return fail (pass, error, "%s does not have the form brat gives it", id);
  if (!g_hash_table_contains (pass->relations, words[1]) && !g_hash_table_contains (pass->triggers, words[1]) &&
      find_span (pass, words[1]) == NULL)
    return unknown_reference (pass, id, words[1], error);
  return TRUE;
}

static gboolean
read_attribute (Pass *pass, const char *id, char **fields, GError **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  HshSpan *span;

  if (!check_target (pass, id, words, 2, 3, error))
    return FALSE;
  if ((span = find_span (pass, words[1])) == NULL)
    keep_line_about (pass, id, fields, words);
  else
    {
      g_autofree char *name = hsh_brat_label_from_type (words[0]);
      g_autofree char *value = hsh_brat_label_from_type (words[2] != NULL ? words[2] : "true");
      hsh_span_set_attribute (span, name, value);
    }
  return TRUE;
}

static gboolean
read_normalization (Pass *pass, const char *id, char **fields, GError **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  HshSpan *span;

  if (!check_target (pass, id, words, 3, 3, error))
    return FALSE;
  span = find_span (pass, words[1]);
  if (span != NULL && span->actor_wikidata == NULL && g_str_equal (words[0], "Reference") &&
      g_ascii_strncasecmp (words[2], "Wikidata:", 9) == 0 && strchr (words[2] + 9, ':') == NULL)
    {
      span->actor_wikidata = g_strdup (words[2] + 9);
      g_free (span->actor);
      span->actor = g_strdup (fields[2]);
    }
  else
    keep_line_about (pass, id, fields, words);
  return TRUE;
}

static void
append_note (char **note, const char *line)
{
  char *joined = *note == NULL ? g_strdup (line) : g_strconcat (*note, "\n", line, NULL);
  g_free (*note);
  *note = joined;
}

static gboolean
read_note (Pass *pass, const char *id, char **fields, GError **error)
{
  g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  const char *text = fields[2] != NULL ? fields[2] : "";
  HshSpan *span;

  if (!check_target (pass, id, words, 2, 2, error))
    return FALSE;
  span = find_span (pass, words[1]);
  if (span != NULL && g_str_equal (words[0], "AnnotatorNotes"))
    append_note (&span->note, text);
  else if (span != NULL && g_str_equal (words[0], "Actor") && span->actor_wikidata == NULL && span->actor == NULL)
    span->actor = g_strdup (text);
  else
    keep_line_about (pass, id, fields, words);
  return TRUE;
}

/* The first pass takes the T lines and learns the event ids, so that later lines may refer
 * to annotations defined below them, as brat allows. */
static gboolean
first_pass_line (Pass *pass, const char *id, char **fields, GError **error)
{
  if (id[0] == 'T')
    return read_text_bound (pass, id, fields, error);
  if (id[0] == 'E')
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (fields[1]), " ", 2);
      const char *trigger = argument_id (words[0]);

      if (trigger == NULL || g_hash_table_contains (pass->triggers, id))
        return fail (pass, error, "%s should read “Type:T1 Role:T2…” and appear once", id);
      g_hash_table_insert (pass->triggers, g_strdup (id), g_strdup (trigger));
    }
  return TRUE;
}

static gboolean
second_pass_line (Pass *pass, const char *id, char **fields, GError **error)
{
  switch (id[0])
    {
    case 'T':
      return TRUE;
    case 'E':
      if (find_span (pass, g_hash_table_lookup (pass->triggers, id)) == NULL)
        return unknown_reference (pass, id, g_hash_table_lookup (pass->triggers, id), error);
      return read_event (pass, id, fields, error);
    case 'R':
      return read_relation (pass, id, fields, error);
    case 'A':
    case 'M':
      return read_attribute (pass, id, fields, error);
    case 'N':
      return read_normalization (pass, id, fields, error);
    case '#':
      return read_note (pass, id, fields, error);
    case '*':
      keep_line (pass, id, fields);
      return TRUE;
    default:
      return fail (pass, error, "“%s” is not a brat annotation (T, R, E, A, M, N, # or *)", id);
    }
}

typedef gboolean (*LineFunc) (Pass *pass, const char *id, char **fields, GError **error);

static gboolean
run_pass (Pass *pass, char **lines, LineFunc func, GError **error)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      pass->line = i + 1;
      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (fields[1] == NULL)
        return fail (pass, error, "“%s” has no TAB after its id", lines[i]);
      if (!func (pass, fields[0], fields, error))
        return FALSE;
    }
  return TRUE;
}

static HshBundle *
read_annotations (Pass *pass, const char *clean_text, char **lines, GError **error)
{
  g_autoptr(HshBundle) bundle = hsh_bundle_new (NULL, clean_text);
  g_autoptr(GHashTable) spans = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) standoff = g_string_new (NULL);

  pass->bundle = bundle;
  pass->spans = spans;
  pass->triggers = triggers;
  pass->relations = relations;
  pass->standoff = standoff;
  if (!run_pass (pass, lines, first_pass_line, error) || !run_pass (pass, lines, second_pass_line, error))
    return NULL;
  if (standoff->len > 0)
    g_hash_table_insert (bundle->metadata, g_strdup (HSH_BRAT_STANDOFF_KEY), g_strdup (standoff->str));
  if (!hsh_bundle_validate (bundle, pass->ann_path, error))
    return NULL;
  return g_steal_pointer (&bundle);
}

static void
source_init (Source *source, const char *data, gsize length, const char *clean_text)
{
  gint64 offset = 0;
  gboolean after_cr = FALSE;

  source->has_bom = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
  /* A UTF-16 file was converted: brat cannot read those, so offsets are taken as they come. */
  source->raw = g_utf8_validate (data, (gssize) length, NULL) ? data + (source->has_bom ? 3 : 0) : clean_text;
  source->raw_index = hsh_offset_index_new (source->raw);
  source->clean_index = hsh_offset_index_new (clean_text);
  source->dropped = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (const char *p = source->raw; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      if (*p == '\n' && after_cr)
        g_array_append_val (source->dropped, offset);
      after_cr = *p == '\r';
    }
}

static void
source_clear (Source *source)
{
  hsh_offset_index_free (source->raw_index);
  hsh_offset_index_free (source->clean_index);
  g_array_unref (source->dropped);
}

static char *
sibling_path (const char *path, const char *extension)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  gsize stem = dot != NULL && (slash == NULL || dot > slash) ? (gsize) (dot - path) : strlen (path);
  g_autofree char *base = g_strndup (path, stem);

  return g_strconcat (base, extension, NULL);
}

static HshBundle *
read_pair (const char *ann_path, const char *ann_data, gsize ann_length,
           const char *txt_data, gsize txt_length, const char *clean_text, GError **error)
{
  g_autofree char *ann_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) first_error = NULL;
  Source source = { 0 };
  Pass pass = { .ann_path = ann_path, .ann_raw = ann_data, .ann_length = ann_length, .source = &source };
  HshBundle *bundle;

  if (!(ann_text = hsh_text_decode_import (ann_data, ann_length, ann_path, error)))
    return NULL;
  lines = g_strsplit (ann_text, "\n", -1);
  source_init (&source, txt_data, txt_length, clean_text);
  /* brat counts a BOM as a character; some tools that wrote .ann files did not. */
  pass.bom_shift = source.has_bom ? 1 : 0;
  bundle = read_annotations (&pass, clean_text, lines, &first_error);
  if (bundle == NULL && source.has_bom)
    {
      pass.bom_shift = 0;
      bundle = read_annotations (&pass, clean_text, lines, NULL);
    }
  source_clear (&source);
  if (bundle == NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  return bundle;
}

HshBundle *
hsh_brat_read_pair (const char *path, GError **error)
{
  g_autofree char *txt_path = sibling_path (path, ".txt");
  g_autofree char *ann_path = sibling_path (path, ".ann");
  g_autofree char *txt_data = NULL;
  g_autofree char *ann_data = NULL;
  g_autofree char *clean_text = NULL;
  g_autofree char *title = g_path_get_basename (txt_path);
  gsize txt_length = 0, ann_length = 0;
  HshBundle *bundle;

  g_return_val_if_fail (path != NULL, NULL);
  if (!hsh_format_load_file (txt_path, &txt_data, &txt_length, error) ||
      !(clean_text = hsh_text_decode_import (txt_data, txt_length, txt_path, error)))
    return NULL;
  if (!g_file_test (ann_path, G_FILE_TEST_EXISTS))
    ann_data = g_strdup ("");
  else if (!hsh_format_load_file (ann_path, &ann_data, &ann_length, error))
    return NULL;
  if (!(bundle = read_pair (ann_path, ann_data, ann_length, txt_data, txt_length, clean_text, error)))
    return NULL;
  *strrchr (title, '.') = '\0';
  bundle->title = g_strdup (title);
  bundle->source = g_strdup (txt_path);
  return bundle;
}
