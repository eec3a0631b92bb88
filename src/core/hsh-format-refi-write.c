/* hsh-format-refi-write.c: writing a REFI-QDA .qdpx a document at a time — project.qde (valid
 * against the QDA-XML 1.0 Project schema) and one Sources/<guid>.txt per document, in a zip. */
#include "hsh-format-refi.h"
#include "hsh-export-file.h"
#include "hsh-text.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#define QDA_NS "urn:QDA-XML:project:1.0"

/* Code colours, so codes look distinct in MAXQDA and NVivo without anyone picking them. */
static const char *const palette[] = {
  "#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4",
  "#F032E6", "#9A6324", "#469990", "#800000", "#808000", "#000075",
};

/* The project.qde schema puts Users and the CodeBook before Sources, but who coded and with
 * which codes is known only once every document was seen. So the TextSource elements are
 * streamed into a scratch file as documents come, the Notes (which follow Sources) into a
 * second, the texts into a third, and the archive is assembled around them at the end: what is
 * held for the whole project is users, codes and one line per document, never the documents. */

/* One run of elements of project.qde written to a scratch file, byte for byte as they would
 * appear inside the whole document. */
typedef struct {
  HshExportFile   *file;
  xmlTextWriterPtr writer;
  gboolean         started;   /* past the XML declaration, which is dropped */
  guint            elements;
  GError          *error;     /* the first failure to write the file */
} QdePart;

/* A document's text, waiting in the texts scratch file for its entry Sources/<guid>.txt. */
typedef struct {
  char   *guid;
  goffset offset;
  gsize   length;
} SourceText;

typedef struct {
  const HshExportOptions *options;
  char                   *path;          /* of the .qdpx */
  HshExportFile          *archive;       /* the .qdpx, renamed into place once complete */
  char                   *name;          /* of the project, from the file name */
  GHashTable             *code_guids;    /* label path → guid */
  GHashTable             *children;      /* label path ("" for the root) → GPtrArray of child paths */
  GHashTable             *user_guids;    /* annotator name → guid */
  GPtrArray              *users;         /* names, in order of first appearance */
  QdePart                 sources;       /* TextSource elements */
  QdePart                 notes;         /* Note elements */
  HshExportFile          *texts;         /* the documents' texts, one after another */
  GArray                 *source_texts;  /* SourceText, in document order */
  char                   *now;           /* xsd:dateTime of the export */
} Project;

gboolean
hsh_refi_is_guid (const char *text)
{
  static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  gsize n = text != NULL ? strlen (text) : 0;

  if (n == 38 && text[0] == '{' && text[37] == '}')
    text++, n = 36;
  if (n != 36)
    return FALSE;
  for (gsize i = 0; i < 36; i++)
    if (shape[i] == '-' ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A name-based (version 5 style) GUID: the same project exports with the same GUIDs, so a
 * re-export updates rather than duplicates in the receiving tool. */
static char *
guid_for (const char *kind, const char *name)
{
  g_autofree char *seed = g_strconcat ("hashiya:", kind, ":", name, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);
  char variant = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];

  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13, variant, hex + 17, hex + 20);
}

/* Codes ------------------------------------------------------------------------------------- */

static void
add_code_path (Project *project, const char *path)
{
  g_autofree char *parent = NULL;
  const char *slash = strrchr (path, '/');
  GPtrArray *siblings;

  if (g_hash_table_contains (project->code_guids, path))
    return;
  parent = slash != NULL ? g_strndup (path, (gsize) (slash - path)) : g_strdup ("");
  if (*parent != '\0')
    add_code_path (project, parent);
  g_hash_table_insert (project->code_guids, g_strdup (path), guid_for ("code", path));
  if (!(siblings = g_hash_table_lookup (project->children, parent)))
    {
      siblings = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (project->children, g_strdup (parent), siblings);
    }
  g_ptr_array_add (siblings, g_strdup (path));
}

static void
write_code (xmlTextWriterPtr writer, Project *project, const char *path)
{
  GPtrArray *children = g_hash_table_lookup (project->children, path);
  const char *slash = strrchr (path, '/');
  g_autofree char *name = hsh_export_xml_safe (slash != NULL ? slash + 1 : path);

  xmlTextWriterStartElement (writer, BAD_CAST "Code");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", g_hash_table_lookup (project->code_guids, path));
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST name);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "isCodable", BAD_CAST "true");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "color",
                               BAD_CAST palette[g_str_hash (path) % G_N_ELEMENTS (palette)]);
  for (guint i = 0; children != NULL && i < children->len; i++)
    write_code (writer, project, g_ptr_array_index (children, i));
  xmlTextWriterEndElement (writer);
}

static void
write_codebook (xmlTextWriterPtr writer, Project *project)
{
  GPtrArray *roots = g_hash_table_lookup (project->children, "");

  if (roots == NULL)
    return;
  xmlTextWriterStartElement (writer, BAD_CAST "CodeBook");
  xmlTextWriterStartElement (writer, BAD_CAST "Codes");
  for (guint i = 0; i < roots->len; i++)
    write_code (writer, project, g_ptr_array_index (roots, i));
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

/* Users ------------------------------------------------------------------------------------- */

static void
add_user (Project *project, const HshSpan *span)
{
  char *name;

  if (span->annotator == NULL || g_hash_table_contains (project->user_guids, span->annotator))
    return;
  /* The bundle is only lent until the next document: the name is copied. */
  name = g_strdup (span->annotator);
  g_hash_table_insert (project->user_guids, name,
                       hsh_refi_is_guid (span->annotator_uuid) ? g_strdup (span->annotator_uuid)
                                                              : guid_for ("user", name));
  g_ptr_array_add (project->users, name);
}

static void
write_users (xmlTextWriterPtr writer, Project *project)
{
  if (project->users->len == 0)
    return;
  xmlTextWriterStartElement (writer, BAD_CAST "Users");
  for (guint i = 0; i < project->users->len; i++)
    {
      const char *name = g_ptr_array_index (project->users, i);
      g_autofree char *safe = hsh_export_xml_safe (name);

      xmlTextWriterStartElement (writer, BAD_CAST "User");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", g_hash_table_lookup (project->user_guids, name));
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST safe);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

/* Parts of project.qde in scratch files ----------------------------------------------------- */

static int
write_to_part (void *context, const char *bytes, int length)
{
  QdePart *part = context;

  if (!part->started)
    return length;
  if (part->error != NULL)
    return -1;
  g_string_append_len (hsh_export_file_buffer (part->file), bytes, length);
  return hsh_export_file_flush_if_full (part->file, &part->error) ? length : -1;
}

static int
close_nothing (void *context)
{
  return 0;
}

/* libxml2 writes non-ASCII characters in attributes as they are only in a document begun with
 * an encoding, as &#x…; references otherwise: so a part begins a document, as the whole
 * project.qde does, and drops the XML declaration this writes. */
static gboolean
part_open (QdePart *part, const char *path, GError **error)
{
  if (!(part->file = hsh_export_file_new_scratch (path, error)))
    return FALSE;
  part->writer = xmlNewTextWriter (xmlOutputBufferCreateIO (write_to_part, close_nothing, part, NULL));
  xmlTextWriterStartDocument (part->writer, NULL, "UTF-8", NULL);
  xmlTextWriterFlush (part->writer);
  part->started = TRUE;
  return TRUE;
}

/* Fails with the first error writing the part's file, if there was one. */
static gboolean
part_check (QdePart *part, GError **error)
{
  if (part->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&part->error));
  return FALSE;
}

/* Writes out what libxml2 still holds of the part. */
static gboolean
part_flush (QdePart *part, GError **error)
{
  if (xmlTextWriterFlush (part->writer) < 0 && part->error == NULL)
    g_set_error (&part->error, HSH_ERROR, HSH_ERROR_FAILED, "Could not write the project file");
  return part_check (part, error);
}

static void
part_clear (QdePart *part)
{
  g_clear_pointer (&part->writer, xmlFreeTextWriter);
  g_clear_pointer (&part->file, hsh_export_file_free);
  g_clear_error (&part->error);
}

/* Sources ----------------------------------------------------------------------------------- */

static char *
source_guid (const HshBundle *bundle)
{
  g_autofree char *sha256 = NULL;

  if (hsh_refi_is_guid (bundle->uuid))
    return g_strdup (bundle->uuid);
  sha256 = hsh_text_sha256 (bundle->text);
  return guid_for ("source", sha256);
}

static void
write_creation (xmlTextWriterPtr writer, Project *project, const HshSpan *span)
{
  const char *user = span->annotator != NULL ? g_hash_table_lookup (project->user_guids, span->annotator) : NULL;

  if (user != NULL)
    xmlTextWriterWriteAttribute (writer, BAD_CAST "creatingUser", BAD_CAST user);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
}

static void
write_note (Project *project, const char *guid, const char *text)
{
  xmlTextWriterPtr writer = project->notes.writer;
  g_autofree char *safe = hsh_export_xml_safe (text);

  xmlTextWriterStartElement (writer, BAD_CAST "Note");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", BAD_CAST guid);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
  xmlTextWriterWriteElement (writer, BAD_CAST "PlainTextContent", BAD_CAST safe);
  xmlTextWriterEndElement (writer);
  project->notes.elements++;
}

/* REFI-QDA has no discontinuous selection: each range of a span becomes a selection with the
 * same code; the first keeps the span's UUID. */
static void
write_selection (Project *project, HshOffsetIndex *index, const char *source, const HshSpan *span, guint r)
{
  xmlTextWriterPtr writer = project->sources.writer;
  const HshRange *range = &g_array_index (span->ranges, HshRange, r);
  g_autofree char *seed = g_strdup_printf ("%s:%s:%u", source, span->key, r);
  g_autofree char *guid = r == 0 && hsh_refi_is_guid (span->uuid) ? g_strdup (span->uuid) : guid_for ("selection", seed);
  g_autofree char *coding = guid_for ("coding", guid);
  g_autofree char *covered = hsh_offset_index_slice (index, range->start, range->end);
  g_autofree char *name = hsh_export_xml_safe (covered);

  xmlTextWriterStartElement (writer, BAD_CAST "PlainTextSelection");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", BAD_CAST guid);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST name);
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "startPosition", "%" G_GINT64_FORMAT, range->start);
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "endPosition", "%" G_GINT64_FORMAT, range->end);
  write_creation (writer, project, span);
  xmlTextWriterStartElement (writer, BAD_CAST "Coding");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", BAD_CAST coding);
  write_creation (writer, project, span);
  xmlTextWriterStartElement (writer, BAD_CAST "CodeRef");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "targetGUID", g_hash_table_lookup (project->code_guids, span->label));
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  if (r == 0 && span->note != NULL)
    {
      g_autofree char *note = guid_for ("note", guid);
      xmlTextWriterStartElement (writer, BAD_CAST "NoteRef");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "targetGUID", BAD_CAST note);
      xmlTextWriterEndElement (writer);
      write_note (project, note, span->note);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_source (Project *project, const HshBundle *bundle, const char *guid)
{
  xmlTextWriterPtr writer = project->sources.writer;
  g_autoptr(HshOffsetIndex) index = hsh_offset_index_new (bundle->text);
  g_autofree char *text_path = g_strdup_printf ("internal://%s.txt", guid);
  g_autofree char *title = hsh_export_xml_safe (bundle->title != NULL ? bundle->title : guid);

  xmlTextWriterStartElement (writer, BAD_CAST "TextSource");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", BAD_CAST guid);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST title);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "plainTextPath", BAD_CAST text_path);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (!hsh_export_options_accept (project->options, span))
        continue;
      /* Codes and users come in the order their documents do, as they always have. */
      add_code_path (project, span->label);
      add_user (project, span);
      for (guint r = 0; r < span->ranges->len; r++)
        write_selection (project, index, guid, span, r);
    }
  xmlTextWriterEndElement (writer);
  project->sources.elements++;
}

/* Sets the text aside for its entry, which follows project.qde in the archive. */
static gboolean
keep_text (Project *project, const HshBundle *bundle, const char *guid, GError **error)
{
  SourceText text = { g_strdup (guid), hsh_export_file_size (project->texts), strlen (bundle->text) };

  g_array_append_val (project->source_texts, text);
  g_string_append_len (hsh_export_file_buffer (project->texts), bundle->text, (gssize) text.length);
  return hsh_export_file_flush_if_full (project->texts, error);
}

/* project.qde ------------------------------------------------------------------------------- */

/* What libxml2 writes of project.qde around its parts: the Sources part goes in at
 * sources_at, the Notes part at notes_at. */
typedef struct {
  xmlBufferPtr framing;
  gsize        sources_at;
  gsize        notes_at;
} QdeLayout;

/* Closes the start tag just written, so that a part can go in right after it. */
static gsize
mark_insertion (xmlTextWriterPtr writer, xmlBufferPtr framing)
{
  xmlTextWriterWriteRaw (writer, BAD_CAST "");
  xmlTextWriterFlush (writer);
  return (gsize) xmlBufferLength (framing);
}

static gboolean
write_framing (Project *project, QdeLayout *layout, GError **error)
{
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (layout->framing, 0);
  gboolean ok;

  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "Project");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST QDA_NS);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST project->name);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "origin", BAD_CAST "Hashiya");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
  write_users (writer, project);
  write_codebook (writer, project);
  layout->sources_at = 0;
  if (project->sources.elements > 0)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "Sources");
      layout->sources_at = mark_insertion (writer, layout->framing);
      xmlTextWriterEndElement (writer);
    }
  layout->notes_at = layout->sources_at;
  if (project->notes.elements > 0)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "Notes");
      layout->notes_at = mark_insertion (writer, layout->framing);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
  ok = xmlTextWriterEndDocument (writer) >= 0;
  xmlFreeTextWriter (writer);
  if (!ok)
    g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not write the project file");
  return ok;
}

/* The archive -------------------------------------------------------------------------------- */

/* The .qdpx being assembled: libarchive compresses into the export file. */
typedef struct {
  struct archive *archive;
  HshExportFile  *file;
  GCancellable   *cancellable;
  const char     *entry;        /* being written, for messages */
  GError         *write_error;  /* the first failure to write the file */
} Zip;

static gboolean
zip_fail (Zip *zip, GError **error)
{
  if (zip->write_error != NULL)
    g_propagate_error (error, g_steal_pointer (&zip->write_error));
  else if (zip->entry != NULL)
    g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not add %s to the project archive: %s",
                 zip->entry, archive_error_string (zip->archive));
  else
    g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not write the project archive: %s",
                 archive_error_string (zip->archive));
  return FALSE;
}

static la_ssize_t
write_to_file (struct archive *archive, void *data, const void *buffer, size_t length)
{
  Zip *zip = data;

  if (zip->write_error != NULL)
    return -1;
  g_string_append_len (hsh_export_file_buffer (zip->file), buffer, (gssize) length);
  return hsh_export_file_flush_if_full (zip->file, &zip->write_error) ? (la_ssize_t) length : -1;
}

static gboolean
zip_start_entry (Zip *zip, const char *name, goffset length, GError **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  zip->entry = name;
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (zip->archive, entry) == ARCHIVE_OK;
  archive_entry_free (entry);
  return ok || zip_fail (zip, error);
}

/* An HshExportFileReadFunc, and for bytes in memory: more of the entry begun last. The export
 * can still be cancelled here, since compressing a large project takes a while. */
static gboolean
zip_write_data (const char *data, gsize length, gpointer user_data, GError **error)
{
  Zip *zip = user_data;

  if (g_cancellable_set_error_if_cancelled (zip->cancellable, error))
    return FALSE;
  return length == 0 || archive_write_data (zip->archive, data, length) == (la_ssize_t) length ||
         zip_fail (zip, error);
}

static gboolean
zip_add_qde (Zip *zip, Project *project, const QdeLayout *layout, GError **error)
{
  const char *framing = (const char *) xmlBufferContent (layout->framing);
  gsize framing_length = (gsize) xmlBufferLength (layout->framing);
  goffset sources = hsh_export_file_size (project->sources.file);
  goffset notes = hsh_export_file_size (project->notes.file);

  return zip_start_entry (zip, "project.qde", (goffset) framing_length + sources + notes, error) &&
         zip_write_data (framing, layout->sources_at, zip, error) &&
         hsh_export_file_read_back (project->sources.file, 0, sources, zip_write_data, zip, error) &&
         zip_write_data (framing + layout->sources_at, layout->notes_at - layout->sources_at, zip, error) &&
         hsh_export_file_read_back (project->notes.file, 0, notes, zip_write_data, zip, error) &&
         zip_write_data (framing + layout->notes_at, framing_length - layout->notes_at, zip, error);
}

static gboolean
zip_add_texts (Zip *zip, Project *project, GError **error)
{
  for (guint i = 0; i < project->source_texts->len; i++)
    {
      const SourceText *text = &g_array_index (project->source_texts, SourceText, i);
      g_autofree char *name = g_strdup_printf ("Sources/%s.txt", text->guid);

      if (!zip_start_entry (zip, name, (goffset) text->length, error) ||
          !hsh_export_file_read_back (project->texts, text->offset, (goffset) text->length, zip_write_data, zip,
                                      error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_archive (Project *project, const QdeLayout *layout, GError **error)
{
  Zip zip = { archive_write_new (), project->archive, NULL, NULL, NULL };
  gboolean ok;

  zip.cancellable = project->options != NULL ? project->options->cancellable : NULL;
  archive_write_set_format_zip (zip.archive);
  ok = (archive_write_open (zip.archive, &zip, NULL, write_to_file, NULL) == ARCHIVE_OK || zip_fail (&zip, error)) &&
       zip_add_qde (&zip, project, layout, error) &&
       zip_add_texts (&zip, project, error);
  zip.entry = NULL;
  /* Closing writes the central directory; after a failure, what it says no longer matters. */
  if (archive_write_close (zip.archive) != ARCHIVE_OK && ok)
    ok = zip_fail (&zip, error);
  archive_write_free (zip.archive);
  g_clear_error (&zip.write_error);
  return ok;
}

/* The document writer ------------------------------------------------------------------------ */

static void
source_text_clear (SourceText *text)
{
  g_free (text->guid);
}

static char *
project_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *name = hsh_export_xml_safe (base);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return name;
}

static void
project_init (Project *project, const char *path, const HshExportOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  project->options = options;
  project->path = g_strdup (path);
  project->name = project_name (path);
  project->code_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  project->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  /* The names are owned by users. */
  project->user_guids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  project->users = g_ptr_array_new_with_free_func (g_free);
  project->source_texts = g_array_new (FALSE, FALSE, sizeof (SourceText));
  g_array_set_clear_func (project->source_texts, (GDestroyNotify) source_text_clear);
  project->now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
refi_writer_free (gpointer state)
{
  Project *project = state;

  part_clear (&project->sources);
  part_clear (&project->notes);
  g_clear_pointer (&project->texts, hsh_export_file_free);
  g_clear_pointer (&project->archive, hsh_export_file_free);
  g_hash_table_unref (project->code_guids);
  g_hash_table_unref (project->children);
  g_hash_table_unref (project->user_guids);
  g_ptr_array_unref (project->users);
  g_array_unref (project->source_texts);
  g_free (project->path);
  g_free (project->name);
  g_free (project->now);
  g_free (project);
}

static gpointer
refi_begin (const char *path, guint count, const HshExportOptions *options, GError **error)
{
  Project *project = g_new0 (Project, 1);

  project_init (project, path, options);
  /* The scratch files lie next to the archive, on the disk chosen for it rather than in a
   * /tmp that may be small or in memory. */
  if (!part_open (&project->sources, path, error) ||
      !part_open (&project->notes, path, error) ||
      !(project->texts = hsh_export_file_new_scratch (path, error)))
    {
      refi_writer_free (project);
      return NULL;
    }
  if (options != NULL && options->codebook != NULL)
    for (guint i = 0; options->codebook[i] != NULL; i++)
      add_code_path (project, options->codebook[i]);
  return project;
}

static gboolean
refi_write_one (gpointer state, HshBundle *bundle, guint index, GError **error)
{
  Project *project = state;
  g_autofree char *guid = source_guid (bundle);

  write_source (project, bundle, guid);
  return part_check (&project->sources, error) && part_check (&project->notes, error) &&
         keep_text (project, bundle, guid, error);
}

static gboolean
refi_finish (gpointer state, GError **error)
{
  Project *project = state;
  QdeLayout layout = { xmlBufferCreate (), 0, 0 };
  gboolean ok;

  /* The archive is begun only now, so that an export stopped earlier leaves no trace even when
   * killed. */
  ok = part_flush (&project->sources, error) && part_flush (&project->notes, error) &&
       write_framing (project, &layout, error) &&
       (project->archive = hsh_export_file_new (project->path, error)) != NULL &&
       write_archive (project, &layout, error) &&
       hsh_export_file_commit (project->archive, error);
  xmlBufferFree (layout.framing);
  return ok;
}

static const HshDocumentWriter refi_documents = {
  .begin = refi_begin,
  .write = refi_write_one,
  .finish = refi_finish,
  .free = refi_writer_free,
};

gboolean
hsh_refi_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_return_val_if_fail (bundles != NULL && path != NULL, FALSE);
  return hsh_format_write_documents (&refi_documents, bundles, path, options, error);
}

const HshFormat hsh_format_refi = {
  .id = "refi",
  .name = "REFI-QDA project (MAXQDA, NVivo, ATLAS.ti)",
  .offset_unit = "code points",
  .extension = "qdpx",
  .read = hsh_refi_read,
  .write = hsh_refi_write,
  .documents = &refi_documents,
};
