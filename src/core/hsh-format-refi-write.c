/* hsh-format-refi-write.c: writing a REFI-QDA .qdpx — project.qde (valid against the
 * QDA-XML 1.0 Project schema) and one Sources/<guid>.txt per document, in a zip. */
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

typedef struct {
  xmlTextWriterPtr writer;
  GHashTable      *code_guids;     /* label path → guid */
  GHashTable      *children;       /* label path ("" for the root) → GPtrArray of child paths */
  GHashTable      *user_guids;     /* annotator name → guid */
  GPtrArray       *users;          /* names, in order of first appearance */
  GPtrArray       *notes;          /* guid, text, guid, text… */
  char            *now;            /* xsd:dateTime of the export */
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
write_code (Project *project, const char *path)
{
  GPtrArray *children = g_hash_table_lookup (project->children, path);
  const char *slash = strrchr (path, '/');
  g_autofree char *name = hsh_export_xml_safe (slash != NULL ? slash + 1 : path);

  xmlTextWriterStartElement (project->writer, BAD_CAST "Code");
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "guid", g_hash_table_lookup (project->code_guids, path));
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "name", BAD_CAST name);
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "isCodable", BAD_CAST "true");
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "color",
                               BAD_CAST palette[g_str_hash (path) % G_N_ELEMENTS (palette)]);
  for (guint i = 0; children != NULL && i < children->len; i++)
    write_code (project, g_ptr_array_index (children, i));
  xmlTextWriterEndElement (project->writer);
}

static void
write_codebook (Project *project)
{
  GPtrArray *roots = g_hash_table_lookup (project->children, "");

  if (roots == NULL)
    return;
  xmlTextWriterStartElement (project->writer, BAD_CAST "CodeBook");
  xmlTextWriterStartElement (project->writer, BAD_CAST "Codes");
  for (guint i = 0; i < roots->len; i++)
    write_code (project, g_ptr_array_index (roots, i));
  xmlTextWriterEndElement (project->writer);
  xmlTextWriterEndElement (project->writer);
}

/* Users ------------------------------------------------------------------------------------- */

static void
add_user (Project *project, const HshSpan *span)
{
  if (span->annotator == NULL || g_hash_table_contains (project->user_guids, span->annotator))
    return;
  g_hash_table_insert (project->user_guids, span->annotator,
                       hsh_refi_is_guid (span->annotator_uuid) ? g_strdup (span->annotator_uuid)
                                                              : guid_for ("user", span->annotator));
  g_ptr_array_add (project->users, span->annotator);
}

static void
write_users (Project *project)
{
  if (project->users->len == 0)
    return;
  xmlTextWriterStartElement (project->writer, BAD_CAST "Users");
  for (guint i = 0; i < project->users->len; i++)
    {
      const char *name = g_ptr_array_index (project->users, i);
      g_autofree char *safe = hsh_export_xml_safe (name);

      xmlTextWriterStartElement (project->writer, BAD_CAST "User");
      xmlTextWriterWriteAttribute (project->writer, BAD_CAST "guid", g_hash_table_lookup (project->user_guids, name));
      xmlTextWriterWriteAttribute (project->writer, BAD_CAST "name", BAD_CAST safe);
      xmlTextWriterEndElement (project->writer);
    }
  xmlTextWriterEndElement (project->writer);
}

static void
collect_codes_and_users (Project *project, GPtrArray *bundles, const HshExportOptions *options)
{
  if (options != NULL && options->codebook != NULL)
    for (guint i = 0; options->codebook[i] != NULL; i++)
      add_code_path (project, options->codebook[i]);
  for (guint b = 0; b < bundles->len; b++)
    {
      HshBundle *bundle = g_ptr_array_index (bundles, b);
      for (guint i = 0; i < bundle->spans->len; i++)
        {
          HshSpan *span = g_ptr_array_index (bundle->spans, i);
          if (!hsh_export_options_accept (options, span))
            continue;
          add_code_path (project, span->label);
          add_user (project, span);
        }
    }
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
write_creation (Project *project, const HshSpan *span)
{
  const char *user = span->annotator != NULL ? g_hash_table_lookup (project->user_guids, span->annotator) : NULL;

  if (user != NULL)
    xmlTextWriterWriteAttribute (project->writer, BAD_CAST "creatingUser", BAD_CAST user);
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
}

/* REFI-QDA has no discontinuous selection: each range of a span becomes a selection with the
 * same code; the first keeps the span's UUID. */
static void
write_selection (Project *project, HshOffsetIndex *index, const char *source, const HshSpan *span, guint r)
{
  const HshRange *range = &g_array_index (span->ranges, HshRange, r);
  g_autofree char *seed = g_strdup_printf ("%s:%s:%u", source, span->key, r);
  g_autofree char *guid = r == 0 && hsh_refi_is_guid (span->uuid) ? g_strdup (span->uuid) : guid_for ("selection", seed);
  g_autofree char *coding = guid_for ("coding", guid);
  g_autofree char *covered = hsh_offset_index_slice (index, range->start, range->end);
  g_autofree char *name = hsh_export_xml_safe (covered);

  xmlTextWriterStartElement (project->writer, BAD_CAST "PlainTextSelection");
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "guid", BAD_CAST guid);
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "name", BAD_CAST name);
  xmlTextWriterWriteFormatAttribute (project->writer, BAD_CAST "startPosition", "%" G_GINT64_FORMAT, range->start);
  xmlTextWriterWriteFormatAttribute (project->writer, BAD_CAST "endPosition", "%" G_GINT64_FORMAT, range->end);
  write_creation (project, span);
  xmlTextWriterStartElement (project->writer, BAD_CAST "Coding");
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "guid", BAD_CAST coding);
  write_creation (project, span);
  xmlTextWriterStartElement (project->writer, BAD_CAST "CodeRef");
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "targetGUID", g_hash_table_lookup (project->code_guids, span->label));
  xmlTextWriterEndElement (project->writer);
  xmlTextWriterEndElement (project->writer);
  if (r == 0 && span->note != NULL)
    {
      char *note = guid_for ("note", guid);
      xmlTextWriterStartElement (project->writer, BAD_CAST "NoteRef");
      xmlTextWriterWriteAttribute (project->writer, BAD_CAST "targetGUID", BAD_CAST note);
      xmlTextWriterEndElement (project->writer);
      g_ptr_array_add (project->notes, note);
      g_ptr_array_add (project->notes, hsh_export_xml_safe (span->note));
    }
  xmlTextWriterEndElement (project->writer);
}

static void
write_source (Project *project, const HshBundle *bundle, const char *guid, const HshExportOptions *options)
{
  g_autoptr(HshOffsetIndex) index = hsh_offset_index_new (bundle->text);
  g_autofree char *text_path = g_strdup_printf ("internal://%s.txt", guid);
  g_autofree char *title = hsh_export_xml_safe (bundle->title != NULL ? bundle->title : guid);

  xmlTextWriterStartElement (project->writer, BAD_CAST "TextSource");
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "guid", BAD_CAST guid);
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "name", BAD_CAST title);
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "plainTextPath", BAD_CAST text_path);
  xmlTextWriterWriteAttribute (project->writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (!hsh_export_options_accept (options, span))
        continue;
      for (guint r = 0; r < span->ranges->len; r++)
        write_selection (project, index, guid, span, r);
    }
  xmlTextWriterEndElement (project->writer);
}

static void
write_notes (Project *project)
{
  if (project->notes->len == 0)
    return;
  xmlTextWriterStartElement (project->writer, BAD_CAST "Notes");
  for (guint i = 0; i < project->notes->len; i += 2)
    {
      xmlTextWriterStartElement (project->writer, BAD_CAST "Note");
      xmlTextWriterWriteAttribute (project->writer, BAD_CAST "guid", g_ptr_array_index (project->notes, i));
      xmlTextWriterWriteAttribute (project->writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
      xmlTextWriterWriteElement (project->writer, BAD_CAST "PlainTextContent", g_ptr_array_index (project->notes, i + 1));
      xmlTextWriterEndElement (project->writer);
    }
  xmlTextWriterEndElement (project->writer);
}

/* The archive -------------------------------------------------------------------------------- */

static la_ssize_t
append_to_bytes (struct archive *archive, void *data, const void *buffer, size_t length)
{
  g_byte_array_append (data, buffer, (guint) length);
  return (la_ssize_t) length;
}

static gboolean
add_entry (struct archive *zip, const char *name, const void *data, gsize length, GError **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (zip, entry) == ARCHIVE_OK &&
       (length == 0 || archive_write_data (zip, data, length) == (la_ssize_t) length);
  archive_entry_free (entry);
  if (!ok)
    g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not add %s to the project archive: %s",
                 name, archive_error_string (zip));
  return ok;
}

static gboolean
write_project_xml (Project *project, GPtrArray *bundles, GPtrArray *guids, const char *name,
                   const HshExportOptions *options, GError **error)
{
  xmlTextWriterPtr writer = project->writer;

  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "Project");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST QDA_NS);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST name);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "origin", BAD_CAST "Hashiya");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST project->now);
  write_users (project);
  write_codebook (project);
  if (bundles->len > 0)
    xmlTextWriterStartElement (writer, BAD_CAST "Sources");
  for (guint i = 0; i < bundles->len; i++)
    {
      if (!hsh_export_step (options, i, bundles->len, error))
        return FALSE;
      write_source (project, g_ptr_array_index (bundles, i), g_ptr_array_index (guids, i), options);
    }
  if (bundles->len > 0)
    xmlTextWriterEndElement (writer);
  write_notes (project);
  xmlTextWriterEndElement (writer);
  if (xmlTextWriterEndDocument (writer) < 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not write the project file");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_archive (GPtrArray *bundles, GPtrArray *guids, xmlBufferPtr qde, GByteArray *out, GError **error)
{
  struct archive *zip = archive_write_new ();
  gboolean ok;

  archive_write_set_format_zip (zip);
  ok = archive_write_open (zip, out, NULL, append_to_bytes, NULL) == ARCHIVE_OK &&
       add_entry (zip, "project.qde", xmlBufferContent (qde), (gsize) xmlBufferLength (qde), error);
  for (guint i = 0; ok && i < bundles->len; i++)
    {
      const HshBundle *bundle = g_ptr_array_index (bundles, i);
      g_autofree char *name = g_strdup_printf ("Sources/%s.txt", (char *) g_ptr_array_index (guids, i));
      ok = add_entry (zip, name, bundle->text, strlen (bundle->text), error);
    }
  ok = archive_write_close (zip) == ARCHIVE_OK && ok;
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, HSH_ERROR, HSH_ERROR_FAILED, "Could not write the project archive: %s",
                 archive_error_string (zip));
  archive_write_free (zip);
  return ok;
}

static void
project_init (Project *project, xmlTextWriterPtr writer)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  project->writer = writer;
  project->code_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  project->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  project->user_guids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  project->users = g_ptr_array_new ();
  project->notes = g_ptr_array_new_with_free_func (g_free);
  project->now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
project_clear (Project *project)
{
  g_hash_table_unref (project->code_guids);
  g_hash_table_unref (project->children);
  g_hash_table_unref (project->user_guids);
  g_ptr_array_unref (project->users);
  g_ptr_array_unref (project->notes);
  g_free (project->now);
}

gboolean
hsh_refi_write (GPtrArray *bundles, const char *path, const HshExportOptions *options, GError **error)
{
  g_autoptr(GPtrArray) guids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) zipped = g_byte_array_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  xmlBufferPtr qde = xmlBufferCreate ();
  Project project = { 0 };
  gboolean ok;

  name = hsh_export_xml_safe (base);
  if (strrchr (name, '.') != NULL && strrchr (name, '.') != name)
    *strrchr (name, '.') = '\0';
  project_init (&project, xmlNewTextWriterMemory (qde, 0));
  for (guint i = 0; i < bundles->len; i++)
    g_ptr_array_add (guids, source_guid (g_ptr_array_index (bundles, i)));
  collect_codes_and_users (&project, bundles, options);
  ok = write_project_xml (&project, bundles, guids, name, options, error);
  xmlFreeTextWriter (project.writer);
  project_clear (&project);
  ok = ok && write_archive (bundles, guids, qde, zipped, error) &&
       hsh_export_step (options, bundles->len, bundles->len, error) &&
       hsh_export_write_bytes (path, zipped->data, zipped->len, error);
  xmlBufferFree (qde);
  return ok;
}

const HshFormat hsh_format_refi = {
  .id = "refi",
  .name = "REFI-QDA project (MAXQDA, NVivo, ATLAS.ti)",
  .offset_unit = "code points",
  .extension = "qdpx",
  .read = hsh_refi_read,
  .write = hsh_refi_write,
};
