/* hsh-format-webanno.c: writing WebAnno TSV 3.3 (rules in hsh-format-webanno.h). */
#include "hsh-format-webanno.h"
#include "hsh-format-common.h"

#include <string.h>

#define SPAN_LAYER "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
#define ROLE_LAYER "webanno.custom.HashiyaRole"

/* A row of the body: a token, or a sub-token inside token @token. */
typedef struct {
  guint      token;
  guint      sub;        /* 0 for the token itself, k for "S-T.k" */
  gint64     start;      /* code points */
  gint64     end;
  GPtrArray *annotations; /* Annotation, stacked in this order */
} Row;

/* One fragment of a span, as the rows it covers. */
typedef struct {
  const HshSpan *span;
  guint          id;      /* disambiguation id, 0 when none is needed */
  guint          rows;    /* how many rows it covers */
  Row           *first;
} Annotation;

typedef struct {
  const char *role;
  Annotation *source;
  Annotation *target;
} Link;

/* Everything known about one document while it is written. */
typedef struct {
  gunichar   *chars;
  gint64      length;
  gint64     *utf16;      /* UTF-16 units before each code point, length + 1 entries */
  GArray     *tokens;     /* HshRange */
  GPtrArray  *token_rows; /* Row of each token; its sub-token rows follow in @subs */
  GPtrArray  *subs;       /* GPtrArray of Row per token, or NULL */
  GPtrArray  *annotations;
  GHashTable *first_fragment; /* HshSpan → its first Annotation, for role links */
  GPtrArray  *links;
  GPtrArray  *features;   /* attribute names used, sorted */
} Document;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->annotations);
  g_free (row);
}

static Row *
row_new (guint token, gint64 start, gint64 end)
{
  Row *row = g_new0 (Row, 1);
  row->token = token;
  row->start = start;
  row->end = end;
  row->annotations = g_ptr_array_new ();
  return row;
}

static void
document_clear (Document *doc)
{
  g_free (doc->chars);
  g_free (doc->utf16);
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->token_rows, g_ptr_array_unref);
  g_clear_pointer (&doc->subs, g_ptr_array_unref);
  g_clear_pointer (&doc->annotations, g_ptr_array_unref);
  g_clear_pointer (&doc->first_fragment, g_hash_table_unref);
  g_clear_pointer (&doc->links, g_ptr_array_unref);
  g_clear_pointer (&doc->features, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

static void
document_init (Document *doc, const HshBundle *bundle)
{
  doc->chars = hsh_format_code_points (bundle->text, &doc->length);
  doc->utf16 = g_new (gint64, doc->length + 1);
  doc->utf16[0] = 0;
  for (gint64 i = 0; i < doc->length; i++)
    doc->utf16[i + 1] = doc->utf16[i] + (doc->chars[i] > 0xFFFF ? 2 : 1);
  doc->tokens = hsh_format_tokenize (doc->chars, doc->length, NULL);
  doc->token_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  doc->subs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < doc->tokens->len; k++)
    {
      HshRange *token = &g_array_index (doc->tokens, HshRange, k);
      g_ptr_array_add (doc->token_rows, row_new (k, token->start, token->end));
      g_ptr_array_add (doc->subs, g_ptr_array_new_with_free_func ((GDestroyNotify) row_free));
    }
  doc->annotations = g_ptr_array_new_with_free_func (g_free);
  doc->first_fragment = g_hash_table_new (NULL, NULL);
  doc->links = g_ptr_array_new_with_free_func (g_free);
  doc->features = g_ptr_array_new_with_free_func (g_free);
}

/* The row for [@start, @end) of token @k: the token's own when it covers it whole. */
static Row *
row_for (Document *doc, guint k, gint64 start, gint64 end)
{
  Row *token_row = g_ptr_array_index (doc->token_rows, k);
  GPtrArray *subs = g_ptr_array_index (doc->subs, k);
  Row *row;

  if (start == token_row->start && end == token_row->end)
    return token_row;
  for (guint i = 0; i < subs->len; i++)
    {
      row = g_ptr_array_index (subs, i);
      if (row->start == start && row->end == end)
        return row;
    }
  row = row_new (k, start, end);
  g_ptr_array_add (subs, row);
  return row;
}

/* The first token ending after @offset (binary search). */
static guint
token_after (GArray *tokens, gint64 offset)
{
  guint low = 0, high = tokens->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      if (g_array_index (tokens, HshRange, mid).end <= offset)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
place (Annotation *annotation, Row *row)
{
  g_ptr_array_add (row->annotations, annotation);
  if (annotation->rows++ == 0)
    annotation->first = row;
}

/* Puts a fragment on the rows it covers; returns NULL when it covers no token. */
static Annotation *
place_fragment (Document *doc, const HshSpan *span, const HshRange *range)
{
  guint first = token_after (doc->tokens, range->start);
  Annotation *annotation;

  if (first >= doc->tokens->len || g_array_index (doc->tokens, HshRange, first).start >= range->end)
    return NULL;
  annotation = g_new0 (Annotation, 1);
  annotation->span = span;
  g_ptr_array_add (doc->annotations, annotation);
  for (guint k = first; k < doc->tokens->len; k++)
    {
      HshRange *token = &g_array_index (doc->tokens, HshRange, k);
      if (token->start >= range->end)
        break;
      place (annotation, row_for (doc, k, MAX (token->start, range->start), MIN (token->end, range->end)));
    }
  return annotation;
}

static void
collect_features (Document *doc, const HshSpan *span)
{
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, span->attributes);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_ptr_array_find_with_equal_func (doc->features, name, g_str_equal, NULL))
      g_ptr_array_add (doc->features, g_strdup (name));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
place_spans (Document *doc, const HshBundle *bundle, const HshExportOptions *options)
{
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (bundle->spans, i);

      if (!hsh_export_options_accept (options, span))
        continue;
      for (guint r = 0; r < span->ranges->len; r++)
        {
          Annotation *annotation = place_fragment (doc, span, &g_array_index (span->ranges, HshRange, r));
          if (annotation != NULL && !g_hash_table_contains (doc->first_fragment, span))
            g_hash_table_insert (doc->first_fragment, (gpointer) span, annotation);
          if (annotation != NULL)
            collect_features (doc, span);
        }
    }
  g_ptr_array_sort (doc->features, compare_strings);
}

static void
collect_links (Document *doc, HshBundle *bundle)
{
  for (guint i = 0; i < bundle->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (bundle->roles, i);
      Annotation *source = g_hash_table_lookup (doc->first_fragment, hsh_bundle_find_span (bundle, role->source));
      Annotation *target = g_hash_table_lookup (doc->first_fragment, hsh_bundle_find_span (bundle, role->target));
      Link *link;

      if (source == NULL || target == NULL)
        continue;
      link = g_new0 (Link, 1);
      *link = (Link) { role->role, source, target };
      g_ptr_array_add (doc->links, link);
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *x = *(Row *const *) a, *y = *(Row *const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* Sub-tokens are numbered by position; ids go to annotations that cover several rows or
 * share one with another, in the order their first row is written. */
static void
number_rows_and_annotations (Document *doc)
{
  guint next_id = 1;

  for (guint k = 0; k < doc->tokens->len; k++)
    {
      GPtrArray *subs = g_ptr_array_index (doc->subs, k);
      g_ptr_array_sort (subs, compare_rows);
      for (guint i = 0; i < subs->len; i++)
        ((Row *) g_ptr_array_index (subs, i))->sub = i + 1;
    }
  for (guint k = 0; k < doc->tokens->len; k++)
    {
      GPtrArray *subs = g_ptr_array_index (doc->subs, k);
      for (guint i = 0; i <= subs->len; i++)
        {
          Row *row = i == 0 ? g_ptr_array_index (doc->token_rows, k) : g_ptr_array_index (subs, i - 1);
          for (guint a = 0; a < row->annotations->len; a++)
            {
              Annotation *annotation = g_ptr_array_index (row->annotations, a);
              if (annotation->id == 0 && (annotation->rows > 1 || row->annotations->len > 1))
                annotation->id = next_id++;
            }
        }
    }
}

/* Reserved characters of feature values (the spec's list; "->" escapes as one unit). */
static void
append_value (GString *out, const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (strchr ("\\[]|_;*", *p) != NULL || (p[0] == '-' && p[1] == '>'))
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

/* Sentence text and token forms escape only what would break the line structure. */
static void
append_text (GString *out, const gunichar *chars, gint64 start, gint64 end)
{
  for (gint64 i = start; i < end; i++)
    {
      if (chars[i] == '\\')
        g_string_append (out, "\\\\");
      else if (chars[i] == '\t')
        g_string_append (out, "\\t");
      else if (chars[i] == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_unichar (out, chars[i]);
    }
}

/* Feature names are identifiers in INCEpTION: anything else becomes '_'. */
static void
append_feature_name (GString *out, const char *name)
{
  g_string_append_c (out, '|');
  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || (guchar) *p >= 0x80 ? *p : '_');
}

static void
append_header (GString *out, Document *doc)
{
  g_string_append (out, "#FORMAT=WebAnno TSV 3.3\n");
  if (doc->annotations->len > 0)
    {
      g_string_append (out, "#T_SP=" SPAN_LAYER "|identifier|value");
      for (guint f = 0; f < doc->features->len; f++)
        append_feature_name (out, g_ptr_array_index (doc->features, f));
      g_string_append_c (out, '\n');
    }
  if (doc->links->len > 0)
    g_string_append (out, "#T_RL=" ROLE_LAYER "|role|BT_" SPAN_LAYER "\n");
  g_string_append (out, "\n\n");
}

static void
append_row_id (GString *out, const Row *row, guint sentence, guint first_token)
{
  g_string_append_printf (out, "%u-%u", sentence, row->token - first_token + 1);
  if (row->sub > 0)
    g_string_append_printf (out, ".%u", row->sub);
}

static void
append_stacked (GString *out, const Row *row, const char *feature)
{
  if (row->annotations->len == 0)
    g_string_append_c (out, '_');
  for (guint a = 0; a < row->annotations->len; a++)
    {
      Annotation *annotation = g_ptr_array_index (row->annotations, a);
      const char *value = feature == NULL ? annotation->span->actor_wikidata
                        : g_str_equal (feature, "") ? annotation->span->label
                        : g_hash_table_lookup (annotation->span->attributes, feature);
      if (a > 0)
        g_string_append_c (out, '|');
      if (value == NULL || *value == '\0')
        g_string_append_c (out, '*');
      else
        append_value (out, value);
      if (annotation->id > 0)
        g_string_append_printf (out, "[%u]", annotation->id);
    }
  g_string_append_c (out, '\t');
}

/* Row ids of every link's source, known once every row is numbered: "2-1", "4-3.1". */
typedef struct {
  Document *doc;
  GArray   *sentence_of_token; /* guint: sentence number of each token */
  GArray   *first_of_sentence; /* guint: first token of each sentence, from 1 */
} Layout;

static void
append_links (GString *out, const Layout *layout, const Row *row)
{
  g_autoptr(GPtrArray) here = g_ptr_array_new ();

  for (guint i = 0; i < layout->doc->links->len; i++)
    {
      Link *link = g_ptr_array_index (layout->doc->links, i);
      if (link->target->first == row)
        g_ptr_array_add (here, link);
    }
  if (here->len == 0)
    {
      g_string_append (out, "_\t_\t");
      return;
    }
  for (guint i = 0; i < here->len; i++)
    {
      Link *link = g_ptr_array_index (here, i);
      g_string_append (out, i > 0 ? "|" : "");
      append_value (out, link->role);
    }
  g_string_append_c (out, '\t');
  for (guint i = 0; i < here->len; i++)
    {
      Link *link = g_ptr_array_index (here, i);
      const Row *source = link->source->first;
      guint sentence = g_array_index (layout->sentence_of_token, guint, source->token);

      g_string_append (out, i > 0 ? "|" : "");
      append_row_id (out, source, sentence, g_array_index (layout->first_of_sentence, guint, sentence));
      if (link->source->id > 0 || link->target->id > 0)
        g_string_append_printf (out, "[%u_%u]", link->source->id, link->target->id);
    }
  g_string_append_c (out, '\t');
}

static void
append_row (GString *out, const Layout *layout, const Row *row, guint sentence, guint first_token)
{
  Document *doc = layout->doc;

  append_row_id (out, row, sentence, first_token);
  g_string_append_printf (out, "\t%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\t",
                          doc->utf16[row->start], doc->utf16[row->end]);
  append_text (out, doc->chars, row->start, row->end);
  g_string_append_c (out, '\t');
  if (doc->annotations->len > 0)
    {
      append_stacked (out, row, NULL);
      append_stacked (out, row, "");
      for (guint f = 0; f < doc->features->len; f++)
        append_stacked (out, row, g_ptr_array_index (doc->features, f));
    }
  if (doc->links->len > 0)
    append_links (out, layout, row);
  g_string_append_c (out, '\n');
}

static void
append_sentence (GString *out, const Layout *layout, guint sentence, guint from, guint to)
{
  Document *doc = layout->doc;
  gint64 start = g_array_index (doc->tokens, HshRange, from).start;
  gint64 end = g_array_index (doc->tokens, HshRange, to - 1).end;

  if (sentence > 1)
    g_string_append_c (out, '\n');
  g_string_append (out, "#Text=");
  append_text (out, doc->chars, start, end);
  g_string_append_c (out, '\n');
  for (guint k = from; k < to; k++)
    {
      GPtrArray *subs = g_ptr_array_index (doc->subs, k);
      append_row (out, layout, g_ptr_array_index (doc->token_rows, k), sentence, from);
      for (guint i = 0; i < subs->len; i++)
        append_row (out, layout, g_ptr_array_index (subs, i), sentence, from);
    }
}

static void
append_document (GString *out, HshBundle *bundle, const HshExportOptions *options)
{
  g_auto(Document) doc = { 0 };
  g_autoptr(GArray) starts = NULL;
  Layout layout = { &doc, g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint none = 0;

  document_init (&doc, bundle);
  place_spans (&doc, bundle, options);
  collect_links (&doc, bundle);
  number_rows_and_annotations (&doc);
  starts = hsh_format_sentence_starts (doc.chars, doc.tokens, NULL);
  g_array_append_val (layout.first_of_sentence, none);
  for (guint s = 0; s < starts->len; s++)
    {
      guint from = g_array_index (starts, guint, s);
      guint to = s + 1 < starts->len ? g_array_index (starts, guint, s + 1) : doc.tokens->len;
      guint number = s + 1;

      g_array_append_val (layout.first_of_sentence, from);
      for (guint k = from; k < to; k++)
        g_array_append_val (layout.sentence_of_token, number);
    }
  append_header (out, &doc);
  for (guint s = 0; s < starts->len; s++)
    append_sentence (out, &layout, s + 1, g_array_index (layout.first_of_sentence, guint, s + 1),
                     s + 1 < starts->len ? g_array_index (starts, guint, s + 1) : doc.tokens->len);
  g_array_unref (layout.sentence_of_token);
  g_array_unref (layout.first_of_sentence);
}

static gboolean
write_one (HshBundle *bundle, const char *path, const HshExportOptions *options, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!hsh_bundle_validate (bundle, bundle->title ? bundle->title : "document", error))
    return FALSE;
  append_document (out, bundle, options);
  return hsh_format_save_file (path, out, error);
}

/* One document goes to @path itself; several, or any number into an existing folder, go into
 * the folder @path, a file each. */
typedef struct {
  char                   *path;
  gboolean                folder;
  const HshExportOptions *options;
  GHashTable             *used;   /* file stems taken */
} WebannoWriter;

static void
webanno_writer_free (gpointer state)
{
  WebannoWriter *writer = state;

  g_hash_table_unref (writer->used);
  g_free (writer->path);
  g_free (writer);
}

static gpointer
webanno_begin (const char *path, guint count, const HshExportOptions *options, GError **error)
{
  gboolean folder = count != 1 || g_file_test (path, G_FILE_TEST_IS_DIR);
  WebannoWriter *writer;

  if (folder && !hsh_format_make_folder (path, error))
    return NULL;
  writer = g_new0 (WebannoWriter, 1);
  writer->path = g_strdup (path);
  writer->folder = folder;
  writer->options = options;
  writer->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return writer;
}

static gboolean
webanno_write_one (gpointer state, HshBundle *bundle, guint index, GError **error)
{
  WebannoWriter *writer = state;
  g_autofree char *stem = writer->folder ? hsh_format_file_stem (bundle, index, writer->used) : NULL;
  g_autofree char *name = writer->folder ? g_strconcat (stem, ".tsv", NULL) : NULL;
  g_autofree char *file = writer->folder ? g_build_filename (writer->path, name, NULL) : g_strdup (writer->path);

  return write_one (bundle, file, writer->options, error);
}

static gboolean
webanno_finish (gpointer state, GError **error)
{
  return TRUE;
}

static const HshDocumentWriter webanno_documents = {
  .begin = webanno_begin,
  .write = webanno_write_one,
  .finish = webanno_finish,
  .free = webanno_writer_free,
};

static gboolean
webanno_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_return_val_if_fail (bundles != NULL && path != NULL, FALSE);
  return hsh_format_write_documents (&webanno_documents, bundles, path, options, error);
}

const HshFormat hsh_format_webanno = {
  .id = "webanno",
  .name = "WebAnno TSV 3.3",
  .offset_unit = "UTF-16 code units",
  .extension = "tsv",
  .read = NULL,
  .write = webanno_write,
  .documents = &webanno_documents,
};
