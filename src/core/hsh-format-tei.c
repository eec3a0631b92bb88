/* hsh-format-tei.c: writing TEI P5 with libxml2's text writer, inline or standoff. */
#include "hsh-format-tei.h"
#include "hsh-export-file.h"
#include "hsh-text.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

/* How a label path is marked up inline. State actors act as institutions in our codebooks
 * ("France pledged…"), so they are orgName with type="state", not placeName; a place being
 * talked about is coded Location. */
static const struct {
  const char *label;
  const char *element;
  const char *type;
} label_elements[] = {
  { "Actor/Person",                     "persName",  NULL },
  { "Actor/State",                      "orgName",   "state" },
  { "Actor/Government",                 "orgName",   "government" },
  { "Actor/Armed group",                "orgName",   "armed-group" },
  { "Actor/International organization", "orgName",   "international-organization" },
  { "Actor/Media",                      "orgName",   "media" },
  { "Actor",                            "rs",        "actor" },
  { "Location",                         "placeName", NULL },
  { "Date",                             "date",      NULL },
  { "Claim",                            "rs",        "claim" },
  { "Commitment",                       "rs",        "commitment" },
  /* The usual NER labels of imported corpora (doccano, CoNLL). */
  { "PER",                              "persName",  NULL },
  { "PERSON",                           "persName",  NULL },
  { "ORG",                              "orgName",   NULL },
  { "LOC",                              "placeName", NULL },
  { "GPE",                              "placeName", NULL },
  { "DATE",                             "date",      NULL },
};

typedef struct {
  gint64 start;
  gint64 end;
} Paragraph;

/* One document being written. */
typedef struct {
  xmlTextWriterPtr        writer;
  const HshBundle        *bundle;
  char                   *text;        /* the bundle's text, made safe for XML */
  HshOffsetIndex         *index;
  GArray                 *paragraphs;  /* Paragraph: the non-empty lines */
  GPtrArray              *spans;       /* the exported HshSpans */
  GHashTable             *span_ids;    /* key → xml:id */
  GPtrArray              *actors;      /* names, in order of first mention */
  GHashTable             *actor_ids;   /* name → xml:id */
  guint                   number;      /* of the document in the file, from 1 */
} Doc;

static gboolean
label_matches (const char *label, const char *path)
{
  gsize n = strlen (path);
  return g_ascii_strncasecmp (label, path, n) == 0 && (label[n] == '\0' || label[n] == '/');
}

static const char *
element_for (const char *label, const char **type)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_elements); i++)
    if (label_matches (label, label_elements[i].label))
      {
        *type = label_elements[i].type;
        return label_elements[i].element;
      }
  *type = NULL;
  return "seg";
}

static void
write_element (xmlTextWriterPtr writer, const char *name, const char *content)
{
  g_autofree char *safe = hsh_export_xml_safe (content);
  xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST safe);
}

static void
write_attribute (xmlTextWriterPtr writer, const char *name, const char *value)
{
  g_autofree char *safe = hsh_export_xml_safe (value);
  xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST safe);
}

/* teidata.enumerated allows no spaces: "Armed group" → "Armed_group". */
static char *
type_token (const char *label)
{
  char *token = hsh_export_xml_safe (label);
  for (char *p = token; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      *p = '_';
  return token;
}

static gboolean
is_arabic (const char *language)
{
  return language != NULL && (g_ascii_strcasecmp (language, "ar") == 0 ||
                              g_ascii_strncasecmp (language, "ar-", 3) == 0);
}

/* Document model -------------------------------------------------------------------------- */

static GArray *
find_paragraphs (const char *text)
{
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  Paragraph current = { 0, 0 };
  gint64 offset = 0;

  for (const char *p = text;; p = g_utf8_next_char (p), offset++)
    {
      if (*p != '\n' && *p != '\0')
        continue;
      current.end = offset;
      if (current.end > current.start)
        g_array_append_val (paragraphs, current);
      if (*p == '\0')
        break;
      current.start = offset + 1;
    }
  return paragraphs;
}

static void
collect_actor (Doc *doc, const HshSpan *span)
{
  char *id;

  if (span->actor == NULL || g_hash_table_contains (doc->actor_ids, span->actor))
    return;
  id = g_strdup_printf ("d%u-actor-%u", doc->number, doc->actors->len + 1);
  g_ptr_array_add (doc->actors, (gpointer) span);
  g_hash_table_insert (doc->actor_ids, span->actor, id);
}

static void
doc_init (Doc *doc, xmlTextWriterPtr writer, const HshBundle *bundle, guint number,
          const HshExportOptions *options)
{
  doc->writer = writer;
  doc->bundle = bundle;
  doc->number = number;
  doc->text = hsh_export_xml_safe (bundle->text);
  doc->index = hsh_offset_index_new (doc->text);
  doc->paragraphs = find_paragraphs (doc->text);
  doc->spans = g_ptr_array_new ();
  doc->span_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  doc->actors = g_ptr_array_new ();
  doc->actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (!hsh_export_options_accept (options, span))
        continue;
      g_ptr_array_add (doc->spans, span);
      g_hash_table_insert (doc->span_ids, span->key, g_strdup_printf ("d%u-a%u", number, doc->spans->len));
      collect_actor (doc, span);
    }
}

static void
doc_clear (Doc *doc)
{
  g_free (doc->text);
  hsh_offset_index_free (doc->index);
  g_array_unref (doc->paragraphs);
  g_ptr_array_unref (doc->spans);
  g_hash_table_unref (doc->span_ids);
  g_ptr_array_unref (doc->actors);
  g_hash_table_unref (doc->actor_ids);
}

static int
compare_nesting (gconstpointer a, gconstpointer b)
{
  const HshSpan *x = *(HshSpan *const *) a, *y = *(HshSpan *const *) b;
  const HshRange *rx = &g_array_index (x->ranges, HshRange, 0), *ry = &g_array_index (y->ranges, HshRange, 0);

  if (rx->start != ry->start)
    return rx->start < ry->start ? -1 : 1;
  return rx->end > ry->end ? -1 : rx->end < ry->end;
}

static gboolean
inside_one_paragraph (const Doc *doc, const HshRange *range)
{
  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const Paragraph *p = &g_array_index (doc->paragraphs, Paragraph, i);
      if (range->start >= p->start && range->end <= p->end)
        return TRUE;
    }
  return FALSE;
}

/* Inline markup needs every span to be one range inside one paragraph, and spans to nest like
 * XML elements; one crossing pair sends the whole document to standoff. */
static gboolean
can_nest (const Doc *doc, GPtrArray *sorted)
{
  g_autoptr(GArray) open_ends = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < sorted->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (sorted, i);
      const HshRange *range = &g_array_index (span->ranges, HshRange, 0);

      if (span->ranges->len != 1 || !inside_one_paragraph (doc, range))
        return FALSE;
      while (open_ends->len > 0 && g_array_index (open_ends, gint64, open_ends->len - 1) <= range->start)
        g_array_set_size (open_ends, open_ends->len - 1);
      if (open_ends->len > 0 && range->end > g_array_index (open_ends, gint64, open_ends->len - 1))
        return FALSE;
      g_array_append_val (open_ends, range->end);
    }
  return TRUE;
}

/* Header ------------------------------------------------------------------------------------ */

static void
write_header (xmlTextWriterPtr writer, const char *title, const char *source, const char *language)
{
  xmlTextWriterStartElement (writer, BAD_CAST "teiHeader");
  xmlTextWriterStartElement (writer, BAD_CAST "fileDesc");
  xmlTextWriterStartElement (writer, BAD_CAST "titleStmt");
  write_element (writer, "title", title != NULL ? title : "Untitled");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "publicationStmt");
  write_element (writer, "p", "Exported from Hashiya");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "sourceDesc");
  write_element (writer, "p", source != NULL ? source : "Born digital");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "encodingDesc");
  write_element (writer, "p", "Standoff offsets, in string-range() pointers into the paragraphs, "
                 "count Unicode code points. The text is as annotated: not Unicode-normalised, "
                 "diacritics, tatweel and direction marks kept.");
  xmlTextWriterEndElement (writer);
  if (language != NULL)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "profileDesc");
      xmlTextWriterStartElement (writer, BAD_CAST "langUsage");
      xmlTextWriterStartElement (writer, BAD_CAST "language");
      write_attribute (writer, "ident", language);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

/* Inline text ------------------------------------------------------------------------------ */

static void
write_text (Doc *doc, gint64 start, gint64 end)
{
  gsize from, to;
  g_autofree char *slice = NULL;

  if (end <= start)
    return;
  from = hsh_offset_index_byte (doc->index, start);
  to = hsh_offset_index_byte (doc->index, end);
  slice = g_strndup (doc->text + from, to - from);
  xmlTextWriterWriteString (doc->writer, BAD_CAST slice);
}

static void
start_span_element (Doc *doc, const HshSpan *span)
{
  const char *type = NULL;
  const char *element = element_for (span->label, &type);
  g_autofree char *token = type == NULL && strcmp (element, "seg") == 0 ? type_token (span->label) : NULL;

  xmlTextWriterStartElement (doc->writer, BAD_CAST element);
  write_attribute (doc->writer, "xml:id", g_hash_table_lookup (doc->span_ids, span->key));
  if (type != NULL || token != NULL)
    write_attribute (doc->writer, "type", type != NULL ? type : token);
  if (span->actor != NULL)
    {
      g_autofree char *ref = g_strconcat ("#", (char *) g_hash_table_lookup (doc->actor_ids, span->actor), NULL);
      write_attribute (doc->writer, "ref", ref);
    }
}

/* Writes paragraph @p with the spans of @sorted that start in it, from *@next on. */
static void
write_inline_paragraph (Doc *doc, const Paragraph *p, GPtrArray *sorted, guint *next)
{
  g_autoptr(GArray) open_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 at = p->start;

  for (; *next < sorted->len; (*next)++)
    {
      const HshSpan *span = g_ptr_array_index (sorted, *next);
      const HshRange *range = &g_array_index (span->ranges, HshRange, 0);

      if (range->start >= p->end)
        break;
      while (open_ends->len > 0 && g_array_index (open_ends, gint64, open_ends->len - 1) <= range->start)
        {
          gint64 end = g_array_index (open_ends, gint64, open_ends->len - 1);
          write_text (doc, at, end);
          at = end;
          xmlTextWriterEndElement (doc->writer);
          g_array_set_size (open_ends, open_ends->len - 1);
        }
      write_text (doc, at, range->start);
      at = range->start;
      start_span_element (doc, span);
      g_array_append_val (open_ends, range->end);
    }
  for (guint i = open_ends->len; i > 0; i--)
    {
      gint64 end = g_array_index (open_ends, gint64, i - 1);
      write_text (doc, at, end);
      at = end;
      xmlTextWriterEndElement (doc->writer);
    }
  write_text (doc, at, p->end);
}

static void
write_body (Doc *doc, GPtrArray *sorted)
{
  g_autofree char *body_id = g_strdup_printf ("d%u-body", doc->number);
  guint next = 0;

  xmlTextWriterStartElement (doc->writer, BAD_CAST "text");
  xmlTextWriterStartElement (doc->writer, BAD_CAST "body");
  write_attribute (doc->writer, "xml:id", body_id);
  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u-p%u", doc->number, i + 1);

      xmlTextWriterStartElement (doc->writer, BAD_CAST "p");
      write_attribute (doc->writer, "xml:id", id);
      if (is_arabic (doc->bundle->language))
        write_attribute (doc->writer, "xml:lang", "ar");
      if (sorted != NULL)
        write_inline_paragraph (doc, &g_array_index (doc->paragraphs, Paragraph, i), sorted, &next);
      else
        write_text (doc, g_array_index (doc->paragraphs, Paragraph, i).start,
                    g_array_index (doc->paragraphs, Paragraph, i).end);
      xmlTextWriterEndElement (doc->writer);
    }
  xmlTextWriterEndElement (doc->writer);
  xmlTextWriterEndElement (doc->writer);
}

/* Standoff --------------------------------------------------------------------------------- */

/* One string-range() pointer per paragraph a range touches: a range may run over a line end,
 * which lies between two <p>s and so in neither. */
static void
append_range_pointers (const Doc *doc, const HshRange *range, GString *target)
{
  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const Paragraph *p = &g_array_index (doc->paragraphs, Paragraph, i);
      gint64 start = MAX (range->start, p->start), end = MIN (range->end, p->end);

      if (end <= start)
        continue;
      g_string_append_printf (target, "%s#string-range(d%u-p%u,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ")",
                              target->len > 0 ? " " : "", doc->number, i + 1, start - p->start, end - start);
    }
}

static char *
span_target (const Doc *doc, const HshSpan *span, gboolean standoff)
{
  GString *target = g_string_new (NULL);

  if (!standoff)
    {
      g_string_append_printf (target, "#%s", (char *) g_hash_table_lookup (doc->span_ids, span->key));
      return g_string_free (target, FALSE);
    }
  for (guint r = 0; r < span->ranges->len; r++)
    append_range_pointers (doc, &g_array_index (span->ranges, HshRange, r), target);
  /* A span of nothing but line ends touches no paragraph; point at the body that holds it. */
  if (target->len == 0)
    g_string_append_printf (target, "#d%u-body", doc->number);
  return g_string_free (target, FALSE);
}

static void
write_note (xmlTextWriterPtr writer, const char *type, const char *n, const char *content)
{
  g_autofree char *safe = hsh_export_xml_safe (content);

  xmlTextWriterStartElement (writer, BAD_CAST "note");
  write_attribute (writer, "type", type);
  if (n != NULL)
    write_attribute (writer, "n", n);
  xmlTextWriterWriteString (writer, BAD_CAST safe);
  xmlTextWriterEndElement (writer);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
write_attribute_notes (xmlTextWriterPtr writer, GHashTable *attributes)
{
  guint n = 0;
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (attributes, &n);

  qsort (names, n, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n; i++)
    write_note (writer, "attribute", names[i], g_hash_table_lookup (attributes, names[i]));
}

static void
write_annotation (Doc *doc, const HshSpan *span, gboolean standoff)
{
  g_autofree char *target = span_target (doc, span, standoff);
  g_autofree char *id = g_strconcat (g_hash_table_lookup (doc->span_ids, span->key), standoff ? "" : "-details", NULL);

  xmlTextWriterStartElement (doc->writer, BAD_CAST "annotation");
  write_attribute (doc->writer, "xml:id", id);
  write_attribute (doc->writer, "motivation", label_matches (span->label, "Actor") ? "identifying" : "tagging");
  write_attribute (doc->writer, "target", target);
  if (span->annotator != NULL)
    {
      xmlTextWriterStartElement (doc->writer, BAD_CAST "respStmt");
      write_element (doc->writer, "resp", "annotator");
      write_element (doc->writer, "name", span->annotator);
      xmlTextWriterEndElement (doc->writer);
    }
  write_note (doc->writer, "label", NULL, span->label);
  if (standoff)
    write_note (doc->writer, "surface", NULL, span->text);
  if (span->actor != NULL)
    write_note (doc->writer, "actor", g_hash_table_lookup (doc->actor_ids, span->actor), span->actor);
  if (span->note != NULL)
    write_note (doc->writer, "comment", NULL, span->note);
  if (span->gold)
    write_note (doc->writer, "gold", NULL, "true");
  write_attribute_notes (doc->writer, span->attributes);
  xmlTextWriterEndElement (doc->writer);
}

static gboolean
has_details (const HshSpan *span)
{
  return span->annotator != NULL || span->note != NULL || span->gold ||
         g_hash_table_size (span->attributes) > 0;
}

static void
write_annotations (Doc *doc, gboolean standoff)
{
  gboolean opened = FALSE;

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (doc->spans, i);
      if (!standoff && !has_details (span))
        continue;
      if (!opened)
        xmlTextWriterStartElement (doc->writer, BAD_CAST "listAnnotation");
      opened = TRUE;
      write_annotation (doc, span, standoff);
    }
  if (opened)
    xmlTextWriterEndElement (doc->writer);
}

static void
write_actor_list (Doc *doc, gboolean persons)
{
  gboolean opened = FALSE;

  for (guint i = 0; i < doc->actors->len; i++)
    {
      const HshSpan *first = g_ptr_array_index (doc->actors, i);
      const char *type;
      gboolean person = strcmp (element_for (first->label, &type), "persName") == 0;

      if (person != persons)
        continue;
      if (!opened)
        xmlTextWriterStartElement (doc->writer, BAD_CAST (persons ? "listPerson" : "listOrg"));
      opened = TRUE;
      xmlTextWriterStartElement (doc->writer, BAD_CAST (persons ? "person" : "org"));
      write_attribute (doc->writer, "xml:id", g_hash_table_lookup (doc->actor_ids, first->actor));
      write_element (doc->writer, persons ? "persName" : "orgName", first->actor);
      if (first->actor_wikidata != NULL)
        {
          xmlTextWriterStartElement (doc->writer, BAD_CAST "idno");
          write_attribute (doc->writer, "type", "wikidata");
          xmlTextWriterWriteFormatString (doc->writer, "http://www.wikidata.org/entity/%s", first->actor_wikidata);
          xmlTextWriterEndElement (doc->writer);
        }
      xmlTextWriterEndElement (doc->writer);
    }
  if (opened)
    xmlTextWriterEndElement (doc->writer);
}

static void
write_relations (Doc *doc)
{
  gboolean opened = FALSE;

  for (guint i = 0; i < doc->bundle->roles->len; i++)
    {
      const HshRoleRef *role = g_ptr_array_index (doc->bundle->roles, i);
      const char *source = g_hash_table_lookup (doc->span_ids, role->source);
      const char *target = g_hash_table_lookup (doc->span_ids, role->target);
      g_autofree char *active = NULL, *passive = NULL;

      /* A role whose ends were filtered out would point at nothing. */
      if (source == NULL || target == NULL)
        continue;
      if (!opened)
        xmlTextWriterStartElement (doc->writer, BAD_CAST "listRelation");
      opened = TRUE;
      active = g_strconcat ("#", source, NULL);
      passive = g_strconcat ("#", target, NULL);
      xmlTextWriterStartElement (doc->writer, BAD_CAST "relation");
      write_attribute (doc->writer, "name", role->role);
      write_attribute (doc->writer, "active", active);
      write_attribute (doc->writer, "passive", passive);
      xmlTextWriterEndElement (doc->writer);
    }
  if (opened)
    xmlTextWriterEndElement (doc->writer);
}

static gboolean
needs_standoff_element (const Doc *doc, gboolean standoff)
{
  if (doc->actors->len > 0 || (standoff && doc->spans->len > 0))
    return TRUE;
  for (guint i = 0; i < doc->spans->len; i++)
    if (has_details (g_ptr_array_index (doc->spans, i)))
      return TRUE;
  for (guint i = 0; i < doc->bundle->roles->len; i++)
    {
      const HshRoleRef *role = g_ptr_array_index (doc->bundle->roles, i);
      if (g_hash_table_contains (doc->span_ids, role->source) && g_hash_table_contains (doc->span_ids, role->target))
        return TRUE;
    }
  return FALSE;
}

static void
write_standoff (Doc *doc, gboolean standoff)
{
  if (!needs_standoff_element (doc, standoff))
    return;
  xmlTextWriterStartElement (doc->writer, BAD_CAST "standOff");
  write_actor_list (doc, TRUE);
  write_actor_list (doc, FALSE);
  write_annotations (doc, standoff);
  write_relations (doc);
  xmlTextWriterEndElement (doc->writer);
}

static void
write_document (xmlTextWriterPtr writer, const HshBundle *bundle, guint number,
                gboolean corpus, const HshExportOptions *options)
{
  Doc doc = { 0 };
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean standoff;

  doc_init (&doc, writer, bundle, number, options);
  sorted = g_ptr_array_copy (doc.spans, NULL, NULL);
  g_ptr_array_sort (sorted, compare_nesting);
  standoff = (options != NULL && options->tei_standoff) || !can_nest (&doc, sorted);

  xmlTextWriterStartElement (writer, BAD_CAST "TEI");
  if (!corpus)
    xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST TEI_NS);
  write_header (writer, bundle->title, bundle->source, bundle->language);
  write_body (&doc, standoff ? NULL : sorted);
  write_standoff (&doc, standoff);
  xmlTextWriterEndElement (writer);
  doc_clear (&doc);
}

/* The document is written through libxml2's writer straight into the export file, never whole
 * in memory: a corpus of thousands of documents is one file. */
typedef struct {
  HshExportFile          *file;
  xmlTextWriterPtr        writer;
  gboolean                corpus;    /* several documents: a teiCorpus of TEI elements */
  const HshExportOptions *options;
  GError                 *io_error;  /* the first failure to write the file */
} TeiWriter;

static int
write_to_file (void *context, const char *bytes, int length)
{
  TeiWriter *tei = context;

  if (tei->io_error != NULL)
    return -1;
  g_string_append_len (hsh_export_file_buffer (tei->file), bytes, length);
  return hsh_export_file_flush_if_full (tei->file, &tei->io_error) ? length : -1;
}

static int
close_nothing (void *context)
{
  return 0;
}

static void
tei_writer_free (gpointer state)
{
  TeiWriter *tei = state;

  g_clear_pointer (&tei->writer, xmlFreeTextWriter);
  g_clear_pointer (&tei->file, hsh_export_file_free);
  g_clear_error (&tei->io_error);
  g_free (tei);
}

static gpointer
tei_begin (const char *path, guint count, const HshExportOptions *options, GError **error)
{
  g_autoptr(HshExportFile) file = hsh_export_file_new (path, error);
  TeiWriter *tei;

  if (file == NULL)
    return NULL;
  tei = g_new0 (TeiWriter, 1);
  tei->file = g_steal_pointer (&file);
  tei->corpus = count != 1;
  tei->options = options;
  tei->writer = xmlNewTextWriter (xmlOutputBufferCreateIO (write_to_file, close_nothing, tei, NULL));
  xmlTextWriterSetIndent (tei->writer, 0);
  xmlTextWriterStartDocument (tei->writer, NULL, "UTF-8", NULL);
  if (tei->corpus)
    {
      xmlTextWriterStartElement (tei->writer, BAD_CAST "teiCorpus");
      xmlTextWriterWriteAttribute (tei->writer, BAD_CAST "xmlns", BAD_CAST TEI_NS);
      write_header (tei->writer, "Hashiya corpus", NULL, NULL);
    }
  return tei;
}

static gboolean
tei_write_one (gpointer state, HshBundle *bundle, guint index, GError **error)
{
  TeiWriter *tei = state;

  write_document (tei->writer, bundle, index + 1, tei->corpus, tei->options);
  if (tei->io_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&tei->io_error));
  return FALSE;
}

static gboolean
tei_finish (gpointer state, GError **error)
{
  TeiWriter *tei = state;
  gboolean ended = xmlTextWriterEndDocument (tei->writer) >= 0;

  /* Freeing the writer flushes what libxml2 still holds into the file. */
  g_clear_pointer (&tei->writer, xmlFreeTextWriter);
  if (tei->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&tei->io_error));
      return FALSE;
    }
  if (!ended)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not write the TEI document");
      return FALSE;
    }
  return hsh_export_file_commit (tei->file, error);
}

static const HshDocumentWriter tei_documents = {
  .begin = tei_begin,
  .write = tei_write_one,
  .finish = tei_finish,
  .free = tei_writer_free,
};

gboolean
hsh_tei_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_return_val_if_fail (bundles != NULL && path != NULL, FALSE);
  return hsh_format_write_documents (&tei_documents, bundles, path, options, error);
}

const HshFormat hsh_format_tei = {
  .id = "tei",
  .name = "TEI P5",
  .offset_unit = "code points",
  .extension = "xml",
  .read = NULL,
  .write = hsh_tei_write,
  .documents = &tei_documents,
};
