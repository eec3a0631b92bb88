/* hsh-format-conll.c: reading and writing CoNLL IOB2 (rules in hsh-format-conll.h). */
#include "hsh-format-conll.h"
#include "hsh-format-common.h"
#include "hsh-text.h"

#include <string.h>

#define DOCSTART "-DOCSTART-"

typedef enum {
  TAG_OUTSIDE,
  TAG_BEGIN,
  TAG_INSIDE,
  TAG_END,
  TAG_SINGLE,
  TAG_INVALID,
} TagKind;

/* One file being read: where its lines come from and the document being rebuilt. */
typedef struct {
  const char *path;
  const char *raw;          /* the file's bytes, for byte offsets in messages */
  gsize       raw_length;
  int         tag_column;
  gboolean    index_column; /* the first column numbers the tokens (GermEval) */
  GPtrArray  *found;        /* HshBundle */
  GString    *text;
  gint64      offset;       /* code points in text */
  guint       sentence_tokens;
  GArray     *entities;     /* Entity */
  char       *open_label;   /* label of the entity being read, or NULL */
  gint64      open_start;
  gint64      open_end;
} Reader;

typedef struct {
  char  *label;
  gint64 start;
  gint64 end;
} Entity;

static TagKind
parse_tag (const char *tag, const char **label)
{
  const char *dash = strchr (tag, '-');

  *label = NULL;
  if (dash == NULL)
    return tag[strspn (tag, "OI")] == '\0' && tag[0] != '\0' ? TAG_OUTSIDE : TAG_INVALID;
  if (dash - tag != 1)
    return TAG_INVALID;
  while (*dash == '-')
    dash++;
  if (*dash == '\0')
    return TAG_INVALID;
  *label = dash;
  switch (tag[0])
    {
    case 'B': return TAG_BEGIN;
    case 'I': return TAG_INSIDE;
    case 'E': case 'L': return TAG_END;
    case 'S': case 'U': return TAG_SINGLE;
    default: return TAG_INVALID;
    }
}

/* The columns of a line: TAB-separated when it has a TAB (tokens may then hold spaces),
 * otherwise separated by runs of white space. Trailing empty columns are dropped. */
static GPtrArray *
split_columns (const char *line)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = strchr (line, '\t') ? g_strsplit (line, "\t", -1) : g_strsplit_set (line, " \f\v", -1);
  gboolean tabs = strchr (line, '\t') != NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (tabs || parts[i][0] != '\0')
      g_ptr_array_add (columns, g_strdup (parts[i]));
  while (columns->len > 0 && *(char *) g_ptr_array_index (columns, columns->len - 1) == '\0')
    g_ptr_array_remove_index (columns, columns->len - 1);
  return columns;
}

static gboolean
is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static gboolean
is_comment (const char *line, GPtrArray *columns, gboolean sentence_start)
{
  const char *label;
  TagKind kind;

  if (!sentence_start || line[0] != '#')
    return FALSE;
  if (columns->len < 2)
    return TRUE;
  kind = parse_tag (g_ptr_array_index (columns, columns->len - 1), &label);
  return kind == TAG_INVALID;
}

static gboolean
is_docstart (GPtrArray *columns)
{
  return columns->len > 0 && g_str_equal (g_ptr_array_index (columns, 0), DOCSTART);
}

/* Whether the first column numbers each sentence's tokens 1, 2, 3… on every line. */
static gboolean
detect_index_column (char **lines)
{
  guint position = 0;
  gboolean wide = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) columns = NULL;
      g_autofree char *expected = NULL;

      if (is_blank (lines[i]))
        {
          position = 0;
          continue;
        }
      columns = split_columns (lines[i]);
      if (is_docstart (columns) || is_comment (lines[i], columns, position == 0))
        continue;
      expected = g_strdup_printf ("%u", ++position);
      if (!g_str_equal (g_ptr_array_index (columns, 0), expected))
        return FALSE;
      wide |= columns->len >= 3;
    }
  return wide;
}

static void
entity_clear (Entity *entity)
{
  g_free (entity->label);
}

static void
close_entity (Reader *reader)
{
  Entity entity;

  if (reader->open_label == NULL)
    return;
  entity.label = g_steal_pointer (&reader->open_label);
  entity.start = reader->open_start;
  entity.end = reader->open_end;
  g_array_append_val (reader->entities, entity);
}

static void
open_entity (Reader *reader, const char *label, gint64 start, gint64 end)
{
  close_entity (reader);
  reader->open_label = g_strdup (label);
  reader->open_start = start;
  reader->open_end = end;
}

static void
apply_tag (Reader *reader, TagKind kind, const char *label, gint64 start, gint64 end)
{
  gboolean continues = reader->open_label != NULL && g_strcmp0 (reader->open_label, label) == 0;

  switch (kind)
    {
    case TAG_OUTSIDE:
      close_entity (reader);
      break;
    case TAG_BEGIN:
    case TAG_SINGLE:
      open_entity (reader, label, start, end);
      break;
    case TAG_INSIDE:
    case TAG_END:
      if (continues)
        reader->open_end = end;
      else
        open_entity (reader, label, start, end);
      break;
    case TAG_INVALID:
      g_assert_not_reached ();
    }
  if (kind == TAG_SINGLE || kind == TAG_END)
    close_entity (reader);
}

static void
end_sentence (Reader *reader)
{
  close_entity (reader);
  if (reader->sentence_tokens == 0)
    return;
  g_string_append_c (reader->text, '\n');
  reader->offset++;
  reader->sentence_tokens = 0;
}

static void
end_document (Reader *reader)
{
  HshBundle *bundle;

  end_sentence (reader);
  if (reader->text->len > 0)
    {
      bundle = hsh_bundle_new (NULL, reader->text->str);
      bundle->source = g_strdup (reader->path);
      for (guint i = 0; i < reader->entities->len; i++)
        {
          Entity *entity = &g_array_index (reader->entities, Entity, i);
          g_autofree char *key = g_strdup_printf ("T%u", i + 1);
          hsh_bundle_add_span (bundle, key, entity->label, entity->start, entity->end);
        }
      g_ptr_array_add (reader->found, bundle);
    }
  g_string_truncate (reader->text, 0);
  g_array_set_size (reader->entities, 0);
  reader->offset = 0;
}

static gboolean
line_error (Reader *reader, guint line, GError **error, const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
line_error (Reader *reader, guint line, GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s line %u (byte offset %" G_GSIZE_FORMAT "): %s",
               reader->path, line, hsh_format_line_byte (reader->raw, reader->raw_length, line), message);
  return FALSE;
}

static gboolean
read_token_line (Reader *reader, GPtrArray *columns, guint line, GError **error)
{
  guint token_column = reader->index_column ? 1 : 0;
  guint tag_index = reader->tag_column < 0 ? columns->len - 1 : (guint) reader->tag_column;
  const char *token, *tag, *label;
  TagKind kind;
  gint64 start;

  if (columns->len < 2 || tag_index >= columns->len || tag_index <= token_column)
    return line_error (reader, line, error, "expected a token and a tag, found %u column%s",
                       columns->len, columns->len == 1 ? "" : "s");
  token = g_ptr_array_index (columns, token_column);
  tag = g_ptr_array_index (columns, tag_index);
  if ((kind = parse_tag (tag, &label)) == TAG_INVALID)
    return line_error (reader, line, error, "“%s” is not an IOB tag (O, B-…, I-…, E-…, S-…, L-…, U-…)", tag);
  if (*token == '\0')
    return line_error (reader, line, error, "the token is empty");
  if (reader->sentence_tokens++ > 0)
    {
      g_string_append_c (reader->text, ' ');
      reader->offset++;
    }
  start = reader->offset;
  g_string_append (reader->text, token);
  reader->offset += g_utf8_strlen (token, -1);
  apply_tag (reader, kind, label, start, reader->offset);
  return TRUE;
}

static gboolean
read_lines (Reader *reader, char **lines, GCancellable *cancellable, GError **error)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) columns = NULL;

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (is_blank (lines[i]))
        {
          end_sentence (reader);
          continue;
        }
      columns = split_columns (lines[i]);
      if (is_docstart (columns))
        end_document (reader);
      else if (!is_comment (lines[i], columns, reader->sentence_tokens == 0) &&
               !read_token_line (reader, columns, i + 1, error))
        return FALSE;
    }
  end_document (reader);
  return TRUE;
}

/* Names the documents of one file after it: "Atom", or "news 1", "news 2"… */
static void
name_documents (GPtrArray *found, guint first, const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint i = first; i < found->len; i++)
    {
      HshBundle *bundle = g_ptr_array_index (found, i);
      bundle->title = found->len - first == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, i - first + 1);
    }
}

static gboolean
read_file (const char *path, int tag_column, GPtrArray *found, GCancellable *cancellable, GError **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) rebuilt = g_string_new (NULL);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (Entity));
  Reader reader;
  guint first = found->len;
  gsize length = 0;
  gboolean ok;

  if (!hsh_format_load_file (path, &raw, &length, error) ||
      !(text = hsh_text_decode_import (raw, length, path, error)))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  g_array_set_clear_func (entities, (GDestroyNotify) entity_clear);
  reader = (Reader) { .path = path, .raw = raw, .raw_length = length, .tag_column = tag_column,
                      .index_column = detect_index_column (lines), .found = found,
                      .text = rebuilt, .entities = entities };
  ok = read_lines (&reader, lines, cancellable, error);
  g_free (reader.open_label);
  if (ok)
    name_documents (found, first, path);
  return ok;
}

static gboolean
is_conll_name (const char *name)
{
  static const char *const extensions[] = { ".conll", ".txt", ".tsv", ".iob", ".iob2", ".bio", ".bilou", NULL };

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (name, extensions[i]))
      return TRUE;
  return FALSE;
}

static gboolean
read_folder (const char *path, int tag_column, GPtrArray *found, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) names = hsh_format_list_folder (path, "", error);

  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (is_conll_name (file) && g_file_test (file, G_FILE_TEST_IS_REGULAR) &&
          !read_file (file, tag_column, found, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hsh_conll_read_column (const char *path, int tag_column, GPtrArray *bundles,
                       GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  gboolean ok;

  g_return_val_if_fail (path != NULL && bundles != NULL, FALSE);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    ok = read_folder (path, tag_column, found, cancellable, error);
  else
    ok = read_file (path, tag_column, found, cancellable, error);
  if (!ok)
    return FALSE;
  g_ptr_array_set_free_func (found, NULL);
  g_ptr_array_extend_and_steal (bundles, g_steal_pointer (&found));
  return TRUE;
}

static gboolean
conll_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  return hsh_conll_read_column (path, -1, bundles, cancellable, error);
}

/* ---- writing ---- */

/* A stretch of text that one tag sequence covers: one fragment of an annotation. */
typedef struct {
  gint64      start;
  gint64      end;
  const char *label;
} Chunk;

static int
compare_chunks (gconstpointer a, gconstpointer b)
{
  const Chunk *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end < y->end) - (x->end > y->end);
}

/* The chunks to tag: every fragment of every exported span, minus those overlapping a chunk
 * that starts earlier or, at the same start, is longer (the outermost wins). */
static GArray *
choose_chunks (HshBundle *bundle, const HshExportOptions *options)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Chunk));
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (Chunk));
  gint64 reached = 0;

  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);

      if (!hsh_export_options_accept (options, span))
        continue;
      for (guint r = 0; r < span->ranges->len; r++)
        {
          HshRange *range = &g_array_index (span->ranges, HshRange, r);
          Chunk chunk = { range->start, range->end, span->label };
          g_array_append_val (all, chunk);
        }
    }
  g_array_sort (all, compare_chunks);
  for (guint i = 0; i < all->len; i++)
    {
      Chunk *chunk = &g_array_index (all, Chunk, i);
      if (chunk->start >= reached)
        {
          g_array_append_val (chosen, *chunk);
          reached = chunk->end;
        }
    }
  return chosen;
}

static void
append_tag (GString *out, char prefix, const char *label)
{
  g_string_append_c (out, prefix);
  g_string_append_c (out, '-');
  for (const char *p = label; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isspace (*p) ? '_' : *p);
}

/* Tokens never straddle a chunk's edge (they are cut there), so a token is in a chunk or not. */
static void
append_sentence (GString *out, const gunichar *chars, GArray *tokens, guint from, guint to,
                 GArray *chunks, guint *next_chunk)
{
  for (guint k = from; k < to; k++)
    {
      HshRange *token = &g_array_index (tokens, HshRange, k);
      g_autofree char *form = hsh_format_chars_to_utf8 (chars, token->start, token->end);
      Chunk *chunk = NULL;

      while (*next_chunk < chunks->len && g_array_index (chunks, Chunk, *next_chunk).end <= token->start)
        (*next_chunk)++;
      if (*next_chunk < chunks->len && g_array_index (chunks, Chunk, *next_chunk).start <= token->start)
        chunk = &g_array_index (chunks, Chunk, *next_chunk);
      g_string_append (out, form);
      g_string_append_c (out, '\t');
      if (chunk == NULL)
        g_string_append_c (out, 'O');
      else
        append_tag (out, chunk->start == token->start ? 'B' : 'I', chunk->label);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_document (GString *out, HshBundle *bundle, const HshExportOptions *options)
{
  g_autoptr(GArray) chunks = choose_chunks (bundle, options);
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree guint8 *cuts = NULL;
  g_autofree guint8 *bridged = NULL;
  guint next_chunk = 0;
  gint64 length = 0;

  chars = hsh_format_code_points (bundle->text, &length);
  cuts = g_new0 (guint8, length + 1);
  bridged = g_new0 (guint8, length + 1);
  for (guint i = 0; i < chunks->len; i++)
    {
      Chunk *chunk = &g_array_index (chunks, Chunk, i);
      cuts[chunk->start] = cuts[chunk->end] = 1;
      hsh_format_bridge (bridged, chunk->start, chunk->end);
    }
  tokens = hsh_format_tokenize (chars, length, cuts);
  starts = hsh_format_sentence_starts (chars, tokens, bridged);
  g_string_append (out, DOCSTART "\tO\n\n");
  for (guint s = 0; s < starts->len; s++)
    append_sentence (out, chars, tokens, g_array_index (starts, guint, s),
                     s + 1 < starts->len ? g_array_index (starts, guint, s + 1) : tokens->len,
                     chunks, &next_chunk);
}

gboolean
hsh_conll_append_bundle (GString *out, HshBundle *bundle, const HshExportOptions *options, GError **error)
{
  if (!hsh_bundle_validate (bundle, bundle->title ? bundle->title : "document", error))
    return FALSE;
  append_document (out, bundle, options);
  return TRUE;
}

static gboolean
conll_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GCancellable *cancellable = options != NULL ? options->cancellable : NULL;

  g_return_val_if_fail (bundles != NULL && path != NULL, FALSE);
  for (guint i = 0; i < bundles->len; i++)
    {
      HshBundle *bundle = g_ptr_array_index (bundles, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!hsh_conll_append_bundle (out, bundle, options, error))
        return FALSE;
      if (options != NULL && options->progress != NULL)
        options->progress ((double) (i + 1) / bundles->len, options->progress_data);
    }
  return hsh_format_save_file (path, out, error);
}

const HshFormat hsh_format_conll = {
  .id = "conll",
  .name = "CoNLL IOB2",
  .offset_unit = "tokens",
  .extension = "conll",
  .read = conll_read,
  .write = conll_write,
};
