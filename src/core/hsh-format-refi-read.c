/* hsh-format-refi-read.c: reading REFI-QDA projects — a .qdpx zip or an unpacked folder —
 * into bundles, treating the file as hostile: no entities, no network, no path escapes. */
#include "hsh-format-refi.h"
#include "hsh-text.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

/* Far above any real interview or article, far below what would exhaust memory. */
#define MAX_ENTRY_BYTES ((gint64) 256 * 1024 * 1024)
#define MAX_ENTRIES 100000

typedef struct {
  const char *path;         /* the .qdpx or folder, for messages */
  GHashTable *files;        /* lower-cased entry path → GBytes (project.qde, sources/…) */
  char       *qde_name;     /* entry name of the project file */
  GHashTable *users;        /* guid → name */
  GHashTable *codes;        /* guid → label path */
  GHashTable *notes;        /* guid → text */
} Reader;

static gboolean
refuse (GError **error, const Reader *reader, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError **error, const Reader *reader, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s: %s", reader->path, message);
  return FALSE;
}

/* Archive ------------------------------------------------------------------------------------ */

/* Nothing is extracted to disk, but a path that would land outside the target folder marks the
 * archive as crafted, and is refused rather than guessed at. */
static gboolean
entry_path_is_safe (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '/' || name[0] == '\\' || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return FALSE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

static gboolean
is_wanted_entry (const char *lower)
{
  return (strchr (lower, '/') == NULL && g_str_has_suffix (lower, ".qde")) || g_str_has_prefix (lower, "sources/");
}

static GBytes *
read_entry_data (struct archive *zip, Reader *reader, const char *name, GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  char chunk[65536];
  la_ssize_t n;

  while ((n = archive_read_data (zip, chunk, sizeof chunk)) > 0)
    {
      if ((gint64) data->len + n > MAX_ENTRY_BYTES)
        {
          refuse (error, reader, "“%s” is larger than %d MB; Hashiya does not import files that big",
                  name, (int) (MAX_ENTRY_BYTES >> 20));
          return NULL;
        }
      g_byte_array_append (data, (const guint8 *) chunk, (guint) n);
    }
  if (n < 0)
    {
      refuse (error, reader, "“%s” cannot be unpacked: %s", name, archive_error_string (zip));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
read_entries (struct archive *zip, Reader *reader, GError **error)
{
  struct archive_entry *entry;
  guint count = 0;
  int status;

  while ((status = archive_read_next_header (zip, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autofree char *lower = NULL;
      GBytes *data;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || !entry_path_is_safe (name))
        return refuse (error, reader, "entry “%s” points outside the project folder (an absolute path or "
                       "“..”); the file may have been crafted to overwrite other files, and is refused",
                       name != NULL ? name : "(no name)");
      if (++count > MAX_ENTRIES)
        return refuse (error, reader, "more than %d entries; not a project Hashiya can import", MAX_ENTRIES);
      lower = g_utf8_strdown (name, -1);
      if (archive_entry_filetype (entry) != AE_IFREG || !is_wanted_entry (lower))
        continue;
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > MAX_ENTRY_BYTES)
        return refuse (error, reader, "“%s” is larger than %d MB; Hashiya does not import files that big",
                       name, (int) (MAX_ENTRY_BYTES >> 20));
      if (!(data = read_entry_data (zip, reader, name, error)))
        return FALSE;
      if (strchr (lower, '/') == NULL && reader->qde_name == NULL)
        reader->qde_name = g_strdup (lower);
      g_hash_table_insert (reader->files, g_steal_pointer (&lower), data);
    }
  if (status != ARCHIVE_EOF)
    return refuse (error, reader, "not a readable .qdpx (zip) file: %s", archive_error_string (zip));
  return TRUE;
}

static gboolean
load_archive (Reader *reader, GError **error)
{
  struct archive *zip = archive_read_new ();
  gboolean ok;

  archive_read_support_format_zip (zip);
  if (archive_read_open_filename (zip, reader->path, 65536) != ARCHIVE_OK)
    ok = refuse (error, reader, "not a readable .qdpx (zip) file: %s", archive_error_string (zip));
  else
    ok = read_entries (zip, reader, error);
  archive_read_free (zip);
  return ok;
}

static gboolean
load_file (Reader *reader, const char *entry, const char *file, GError **error)
{
  g_autoptr(GError) local = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (file, &data, &length, &local))
    return refuse (error, reader, "%s", local->message);
  g_hash_table_insert (reader->files, g_utf8_strdown (entry, -1), g_bytes_new_take (data, length));
  return TRUE;
}

/* An unpacked project: project.qde next to a sources/ (or Sources/) folder. */
static gboolean
load_folder (Reader *reader, GError **error)
{
  g_autofree char *qde = g_build_filename (reader->path, "project.qde", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!load_file (reader, "project.qde", qde, error))
    return FALSE;
  reader->qde_name = g_strdup ("project.qde");
  for (const char *const *sub = (const char *const[]) { "sources", "Sources", NULL }; *sub != NULL; sub++)
    {
      g_autofree char *folder = g_build_filename (reader->path, *sub, NULL);
      g_clear_pointer (&dir, g_dir_close);
      dir = g_dir_open (folder, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *entry = g_strconcat ("sources/", name, NULL);
          g_autofree char *file = g_build_filename (folder, name, NULL);
          if (g_str_has_suffix (name, ".txt") && !load_file (reader, entry, file, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Project XML ------------------------------------------------------------------------------- */

static gboolean
is_element (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNodePtr
child_element (xmlNodePtr parent, const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

static char *
attribute (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* GUIDs compare case-insensitively and with or without braces across vendors. */
static char *
guid_key (xmlNodePtr node, const char *name)
{
  g_autofree char *value = attribute (node, name);
  g_autofree char *bare = NULL;

  if (value == NULL)
    return NULL;
  bare = g_strdup (value[0] == '{' ? value + 1 : value);
  if (g_str_has_suffix (bare, "}"))
    bare[strlen (bare) - 1] = '\0';
  return g_ascii_strdown (bare, -1);
}

static char *
element_text (xmlNodePtr node)
{
  xmlChar *content = node != NULL ? xmlNodeGetContent (node) : NULL;
  char *copy = g_strdup ((const char *) content);
  xmlFree (content);
  return copy;
}

/* Entities are how XML files read local files (XXE) or explode in memory (billion laughs):
 * a project file has no use for them, so any DTD declaring one is refused, never expanded. */
static gboolean
check_no_entities (xmlDocPtr doc, Reader *reader, GError **error)
{
  xmlDtdPtr dtd = doc->intSubset;

  if (doc->extSubset != NULL ||
      (dtd != NULL && (dtd->entities != NULL || dtd->pentities != NULL ||
                       dtd->ExternalID != NULL || dtd->SystemID != NULL)))
    return refuse (error, reader, "%s declares entities in a DOCTYPE; external entities are not allowed "
                   "in a project file", reader->qde_name);
  return TRUE;
}

static xmlDocPtr
parse_project (Reader *reader, GError **error)
{
  GBytes *bytes = reader->qde_name != NULL ? g_hash_table_lookup (reader->files, reader->qde_name) : NULL;
  const xmlError *xml_error;
  xmlDocPtr doc;
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    {
      refuse (error, reader, "no project.qde inside; not a REFI-QDA project");
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  /* Checked before parsing too: libxml2 stops at an entity reference with its own message,
   * which would not tell the user why. */
  if (g_strstr_len (data, (gssize) length, "<!ENTITY") != NULL)
    {
      refuse (error, reader, "%s declares entities in a DOCTYPE; external entities are not allowed "
              "in a project file", reader->qde_name);
      return NULL;
    }
  xmlResetLastError ();
  /* No XML_PARSE_NOENT or DTDLOAD: entities stay unexpanded and nothing is fetched. */
  doc = xmlReadMemory (data, (int) MIN (length, G_MAXINT), reader->qde_name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xml_error = xmlGetLastError ();
      refuse (error, reader, "%s, line %d: not well-formed XML: %s", reader->qde_name,
              xml_error != NULL ? xml_error->line : 0,
              xml_error != NULL && xml_error->message != NULL ? g_strstrip (xml_error->message) : "unknown error");
      return NULL;
    }
  if (!check_no_entities (doc, reader, error) || xmlDocGetRootElement (doc) == NULL ||
      !is_element (xmlDocGetRootElement (doc), "Project"))
    {
      if (error != NULL && *error == NULL)
        refuse (error, reader, "%s has no <Project> element; not a REFI-QDA project", reader->qde_name);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

static void
read_users (Reader *reader, xmlNodePtr project)
{
  xmlNodePtr users = child_element (project, "Users");

  for (xmlNodePtr user = users != NULL ? users->children : NULL; user != NULL; user = user->next)
    if (is_element (user, "User"))
      {
        char *guid = guid_key (user, "guid");
        if (guid != NULL)
          g_hash_table_insert (reader->users, guid, attribute (user, "name"));
      }
}

/* Code names become label path segments; a "/" inside a name would split it in two. */
static void
read_codes (Reader *reader, xmlNodePtr parent, const char *prefix)
{
  for (xmlNodePtr code = parent->children; code != NULL; code = code->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      char *guid;

      if (!is_element (code, "Code") || (guid = guid_key (code, "guid")) == NULL)
        continue;
      name = attribute (code, "name");
      g_strdelimit (name != NULL ? name : guid, "/", '-');
      path = prefix != NULL ? g_strconcat (prefix, "/", name != NULL ? name : guid, NULL)
                            : g_strdup (name != NULL ? name : guid);
      g_hash_table_insert (reader->codes, guid, g_strdup (path));
      read_codes (reader, code, path);
    }
}

static void
read_notes (Reader *reader, xmlNodePtr project)
{
  xmlNodePtr notes = child_element (project, "Notes");

  for (xmlNodePtr note = notes != NULL ? notes->children : NULL; note != NULL; note = note->next)
    if (is_element (note, "Note"))
      {
        char *guid = guid_key (note, "guid");
        if (guid != NULL)
          g_hash_table_insert (reader->notes, guid, element_text (child_element (note, "PlainTextContent")));
      }
}

/* Sources ----------------------------------------------------------------------------------- */

/* Where the text file's CRLF pairs were, in code points: Hashiya's text has LF only, and
 * positions counted on the original file move back by one after each pair. */
static GArray *
find_crlf (const char *data, gsize length)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 offset = 0;

  if (!g_utf8_validate (data, (gssize) length, NULL))
    return positions;
  for (const char *p = data; p < data + length; p = g_utf8_next_char (p), offset++)
    if (p[0] == '\r' && p + 1 < data + length && p[1] == '\n')
      g_array_append_val (positions, offset);
  return positions;
}

static gint64
shift_for_crlf (GArray *crlf, gint64 position)
{
  guint before = 0;

  while (before < crlf->len && g_array_index (crlf, gint64, before) < position)
    before++;
  return position - before;
}

static GBytes *
source_bytes (Reader *reader, xmlNodePtr source, const char *name, GError **error)
{
  g_autofree char *text_path = attribute (source, "plainTextPath");
  g_autofree char *entry = NULL;
  g_autofree char *key = NULL;
  xmlNodePtr content = child_element (source, "PlainTextContent");
  GBytes *bytes;

  if (text_path == NULL && content != NULL)
    {
      char *inline_text = element_text (content);
      return g_bytes_new_take (inline_text, strlen (inline_text));
    }
  if (text_path == NULL || !g_str_has_prefix (text_path, "internal://"))
    {
      refuse (error, reader, "source “%s” keeps its text outside the project (%s); export the project "
              "with its sources embedded", name, text_path != NULL ? text_path : "no plainTextPath");
      return NULL;
    }
  entry = g_utf8_strdown (text_path + strlen ("internal://"), -1);
  key = g_strconcat ("sources/", entry, NULL);
  if (strchr (entry, '/') != NULL || strchr (entry, '\\') != NULL ||
      !(bytes = g_hash_table_lookup (reader->files, key)))
    {
      refuse (error, reader, "source “%s”: %s is missing from the project", name, text_path);
      return NULL;
    }
  return g_bytes_ref (bytes);
}

typedef struct {
  HshBundle  *bundle;
  GArray     *crlf;
  gint64      length;
  const char *name;
} Source;

static gboolean
read_position (Reader *reader, const Source *source, xmlNodePtr selection, const char *name, gint64 *out,
               GError **error)
{
  g_autofree char *value = attribute (selection, name);

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, out, NULL))
    return refuse (error, reader, "%s, line %ld: selection in source “%s” has no valid %s",
                   reader->qde_name, xmlGetLineNo (selection), source->name, name);
  *out = shift_for_crlf (source->crlf, *out);
  return TRUE;
}

static void
describe_span (Reader *reader, HshSpan *span, xmlNodePtr selection, xmlNodePtr coding)
{
  g_autofree char *user = guid_key (coding, "creatingUser");
  g_autofree char *note = NULL;
  xmlNodePtr note_ref = child_element (selection, "NoteRef");

  if (user == NULL)
    user = guid_key (selection, "creatingUser");
  if (user != NULL)
    {
      span->annotator = g_strdup (g_hash_table_lookup (reader->users, user));
      span->annotator_uuid = g_steal_pointer (&user);
    }
  if (note_ref != NULL && (note = guid_key (note_ref, "targetGUID")) != NULL)
    span->note = g_strdup (g_hash_table_lookup (reader->notes, note));
}

/* One span per code applied to the selection; uncoded selections carry no label and are left. */
static gboolean
read_selection (Reader *reader, Source *source, xmlNodePtr selection, GError **error)
{
  g_autofree char *guid = attribute (selection, "guid");
  gint64 start, end;
  guint n = 0;

  if (!read_position (reader, source, selection, "startPosition", &start, error) ||
      !read_position (reader, source, selection, "endPosition", &end, error))
    return FALSE;
  if (start > end || end > source->length)
    return refuse (error, reader, "%s, line %ld: selection %s at offsets %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                   " is outside the %" G_GINT64_FORMAT "-character text of source “%s”",
                   reader->qde_name, xmlGetLineNo (selection), guid != NULL ? guid : "", start, end,
                   source->length, source->name);
  for (xmlNodePtr coding = selection->children; coding != NULL && start < end; coding = coding->next)
    {
      xmlNodePtr code_ref = is_element (coding, "Coding") ? child_element (coding, "CodeRef") : NULL;
      g_autofree char *code = code_ref != NULL ? guid_key (code_ref, "targetGUID") : NULL;
      g_autofree char *key = NULL;
      const char *label;
      HshSpan *span;

      if (code == NULL)
        continue;
      if (!(label = g_hash_table_lookup (reader->codes, code)))
        return refuse (error, reader, "%s, line %ld: a coding refers to code %s, which the code book does not define",
                       reader->qde_name, xmlGetLineNo (coding), code);
      key = ++n == 1 ? g_strdup (guid) : g_strdup_printf ("%s#%u", guid, n);
      span = hsh_bundle_add_span (source->bundle, key, label, start, end);
      span->uuid = n == 1 ? g_strdup (guid) : attribute (coding, "guid");
      describe_span (reader, span, selection, coding);
    }
  return TRUE;
}

static HshBundle *
read_source (Reader *reader, xmlNodePtr node, GError **error)
{
  g_autofree char *name = attribute (node, "name");
  g_autofree char *guid = attribute (node, "guid");
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) crlf = NULL;
  g_autoptr(HshBundle) bundle = NULL;
  Source source;
  gsize length = 0;
  const char *data;

  if (name == NULL)
    name = g_strdup (guid != NULL ? guid : "untitled");
  if (!(bytes = source_bytes (reader, node, name, error)))
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  where = g_strdup_printf ("%s: source “%s”", reader->path, name);
  if (!(text = hsh_text_decode_import (data, length, where, error)))
    return NULL;
  /* Positions count the text without its byte-order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  crlf = find_crlf (data, length);
  bundle = hsh_bundle_new (name, text);
  bundle->uuid = g_steal_pointer (&guid);
  bundle->source = g_strdup (reader->path);
  source = (Source) { bundle, crlf, g_utf8_strlen (text, -1), name };
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, "PlainTextSelection") && !read_selection (reader, &source, child, error))
      return NULL;
  if (!hsh_bundle_validate (bundle, where, error))
    return NULL;
  return g_steal_pointer (&bundle);
}

static gboolean
read_sources (Reader *reader, xmlNodePtr project, GPtrArray *found, GCancellable *cancellable, GError **error)
{
  xmlNodePtr sources = child_element (project, "Sources");

  for (xmlNodePtr node = sources != NULL ? sources->children : NULL; node != NULL; node = node->next)
    {
      HshBundle *bundle;

      /* Pictures, PDFs, audio and video carry no text Hashiya can annotate. */
      if (!is_element (node, "TextSource"))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!(bundle = read_source (reader, node, error)))
        return FALSE;
      g_ptr_array_add (found, bundle);
    }
  return TRUE;
}

static void
reader_clear (Reader *reader)
{
  g_hash_table_unref (reader->files);
  g_hash_table_unref (reader->users);
  g_hash_table_unref (reader->codes);
  g_hash_table_unref (reader->notes);
  g_free (reader->qde_name);
}

static gboolean
read_project (Reader *reader, GPtrArray *found, GCancellable *cancellable, GError **error)
{
  xmlDocPtr doc;
  xmlNodePtr project;
  gboolean ok;

  if (g_file_test (reader->path, G_FILE_TEST_IS_DIR) ? !load_folder (reader, error) : !load_archive (reader, error))
    return FALSE;
  if (!(doc = parse_project (reader, error)))
    return FALSE;
  project = xmlDocGetRootElement (doc);
  read_users (reader, project);
  if (child_element (project, "CodeBook") != NULL && child_element (child_element (project, "CodeBook"), "Codes") != NULL)
    read_codes (reader, child_element (child_element (project, "CodeBook"), "Codes"), NULL);
  read_notes (reader, project);
  ok = read_sources (reader, project, found, cancellable, error);
  xmlFreeDoc (doc);
  return ok;
}

gboolean
hsh_refi_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  Reader reader = {
    .path = path,
    .files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref),
    .users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      reader_clear (&reader);
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "%s: no such file", path);
      return FALSE;
    }
  ok = read_project (&reader, found, cancellable, error);
  reader_clear (&reader);
  if (!ok)
    return FALSE;
  g_ptr_array_set_free_func (found, NULL);
  g_ptr_array_extend_and_steal (bundles, g_steal_pointer (&found));
  return TRUE;
}
