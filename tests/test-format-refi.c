/* test-format-refi.c: REFI-QDA projects — schema-valid export, vendor imports, hostile files. */
#include "hsh-format-refi.h"
#include "hsh-test-support.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

static GPtrArray *
new_bundles (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
}

static HshBundle *
sample_bundle (void)
{
  HshBundle *bundle = hsh_bundle_new ("مقال \"الوسط\"", "قالت فرنسا إن 👍 ماكرون تعهد بسحب 300 مرتزق.\nسطر ثان");
  HshSpan *span;

  bundle->uuid = g_strdup ("20000000-0000-4000-8000-000000000001");
  span = hsh_bundle_add_span (bundle, "T1", "Actor/State", 5, 10);
  span->uuid = g_strdup ("50000000-0000-4000-8000-000000000001");
  span->annotator = g_strdup ("Layla");
  span->annotator_uuid = g_strdup ("10000000-0000-4000-8000-000000000001");
  span->note = g_strdup ("الدولة <نفسها> & \"الحكومة\"");
  span = hsh_bundle_add_span (bundle, "T2", "Actor/Person", 16, 22);
  span->annotator = g_strdup ("Omar");
  span = hsh_bundle_add_span (bundle, "T3", "Commitment", 16, 43);
  span->annotator = g_strdup ("Layla");
  span->annotator_uuid = g_strdup ("10000000-0000-4000-8000-000000000001");
  return bundle;
}

static char *
export (GPtrArray *bundles, const HshExportOptions *options)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  char *path = g_build_filename (dir, "project.qdpx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hsh_format_refi.write (bundles, path, options, &error));
  g_assert_no_error (error);
  return path;
}

static GPtrArray *
import (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *bundles = new_bundles ();

  g_assert_true (hsh_format_refi.read (path, bundles, NULL, &error));
  g_assert_no_error (error);
  return bundles;
}

static GBytes *
zip_entry (const char *path, const char *wanted)
{
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;
  GBytes *found = NULL;

  archive_read_support_format_zip (zip);
  g_assert_cmpint (archive_read_open_filename (zip, path, 65536), ==, ARCHIVE_OK);
  while (found == NULL && archive_read_next_header (zip, &entry) == ARCHIVE_OK)
    if (strcmp (archive_entry_pathname (entry), wanted) == 0)
      {
        gsize size = (gsize) archive_entry_size (entry);
        char *data = g_malloc (size + 1);
        g_assert_cmpint (archive_read_data (zip, data, size), ==, (la_ssize_t) size);
        found = g_bytes_new_take (data, size);
      }
  archive_read_free (zip);
  g_assert_nonnull (found);
  return found;
}

static void
test_round_trips_spans_codes_users_and_notes (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *path = NULL;
  HshBundle *original, *bundle;

  g_ptr_array_add (bundles, sample_bundle ());
  path = export (bundles, NULL);
  back = import (path);
  g_assert_cmpuint (back->len, ==, 1);
  original = g_ptr_array_index (bundles, 0);
  bundle = g_ptr_array_index (back, 0);
  g_assert_cmpstr (bundle->title, ==, original->title);
  g_assert_cmpstr (bundle->uuid, ==, original->uuid);
  g_assert_cmpstr (bundle->text, ==, original->text);
  g_assert_cmpuint (bundle->spans->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      HshSpan *a = g_ptr_array_index (original->spans, i), *b = g_ptr_array_index (bundle->spans, i);
      g_assert_cmpstr (b->label, ==, a->label);
      g_assert_cmpint (g_array_index (b->ranges, HshRange, 0).start, ==, g_array_index (a->ranges, HshRange, 0).start);
      g_assert_cmpint (g_array_index (b->ranges, HshRange, 0).end, ==, g_array_index (a->ranges, HshRange, 0).end);
      g_assert_cmpstr (b->text, ==, a->text);
      g_assert_cmpstr (b->annotator, ==, a->annotator);
      g_assert_cmpstr (b->note, ==, a->note);
    }
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 0))->uuid, ==, "50000000-0000-4000-8000-000000000001");
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 0))->annotator_uuid, ==,
                   "10000000-0000-4000-8000-000000000001");
}

static xmlDocPtr
exported_project (GPtrArray *bundles, const HshExportOptions *options)
{
  g_autofree char *path = export (bundles, options);
  g_autoptr(GBytes) qde = zip_entry (path, "project.qde");
  gsize length = 0;
  const char *data = g_bytes_get_data (qde, &length);
  xmlDocPtr doc = xmlReadMemory (data, (int) length, "project.qde", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static int
count (xmlDocPtr doc, const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  int n;

  xmlXPathRegisterNs (context, BAD_CAST "q", BAD_CAST "urn:QDA-XML:project:1.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  n = xmlXPathNodeSetGetLength (result->nodesetval);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return n;
}

static void
test_project_validates_against_the_schema (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autofree char *xsd = hsh_test_shared_path ("formats/refi-qda/Project-mrt2019.xsd");
  const char *codebook[] = { "Actor", "Actor/State", "Actor/Person", "Actor/Armed group", "Claim", "Commitment", NULL };
  HshExportOptions options = { .codebook = codebook };
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt (schema);
  xmlDocPtr doc;

  g_ptr_array_add (bundles, sample_bundle ());
  g_ptr_array_add (bundles, hsh_bundle_new ("empty", "لا شيء هنا"));
  doc = exported_project (bundles, &options);
  g_assert_cmpint (xmlSchemaValidateDoc (validator, doc), ==, 0);
  g_assert_cmpint (count (doc, "/q:Project/q:CodeBook/q:Codes/q:Code[@name = 'Actor']/q:Code[@name = 'State']"), ==, 1);
  g_assert_cmpint (count (doc, "//q:Code[@name = 'Armed group' and @color]"), ==, 1);
  g_assert_cmpint (count (doc, "/q:Project/q:Users/q:User"), ==, 2);
  g_assert_cmpint (count (doc, "//q:TextSource[@plainTextPath = 'internal://20000000-0000-4000-8000-000000000001.txt']"), ==, 1);
  g_assert_cmpint (count (doc, "//q:PlainTextSelection[@startPosition = '5' and @endPosition = '10']"
                               "/q:Coding[@creatingUser]/q:CodeRef"), ==, 1);
  g_assert_cmpint (count (doc, "//q:PlainTextSelection/q:NoteRef"), ==, 1);
  g_assert_cmpint (count (doc, "/q:Project/q:Notes/q:Note/q:PlainTextContent"), ==, 1);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (validator);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static void
test_honours_label_filter (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  const char *labels[] = { "Actor", NULL };
  HshExportOptions options = { .labels = labels };
  xmlDocPtr doc;

  g_ptr_array_add (bundles, sample_bundle ());
  doc = exported_project (bundles, &options);
  g_assert_cmpint (count (doc, "//q:PlainTextSelection"), ==, 2);
  g_assert_cmpint (count (doc, "//q:Code[@name = 'Commitment']"), ==, 0);
  xmlFreeDoc (doc);
}

/* The synthetic Arabic project: offsets in code points over harakat, tatweel, RLM, emoji. */
static void
test_imports_the_arabic_fixture (void)
{
  g_autofree char *path = hsh_test_shared_path ("formats/arabic-synthetic/refi_ar.qdpx");
  g_autofree char *text_path = hsh_test_shared_path ("formats/arabic-synthetic/brat_ar_LF.txt");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) bundles = import (path);
  HshBundle *bundle = g_ptr_array_index (bundles, 0);
  HshSpan *span;

  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_cmpuint (bundles->len, ==, 1);
  g_assert_cmpstr (bundle->title, ==, "مقابلة 1");
  g_assert_cmpstr (bundle->text, ==, text);
  g_assert_cmpuint (bundle->spans->len, ==, 8);
  span = g_ptr_array_index (bundle->spans, 5);
  g_assert_cmpstr (span->label, ==, "شخص");
  g_assert_cmpint (g_array_index (span->ranges, HshRange, 0).start, ==, 89);
  g_assert_cmpstr (span->text, ==, "سارة");
  g_assert_cmpstr (span->annotator, ==, "باحث");
}

static void
test_imports_vendor_projects (void)
{
  const struct { const char *file; guint sources; guint spans; } projects[] = {
    { "formats/refi-qda/qualitative-coding_nvivo_project.qdpx", 2, 0 },
    { "formats/refi-qda/ponte_target-atlas-project.qdpx", 0, 0 },
    { "formats/refi-qda/ponte_blank-atlas-project.qdpx", 0, 0 },
    { "formats/refi-qda/ornio_hand_authored", 1, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autofree char *path = hsh_test_shared_path (projects[i].file);
      g_autoptr(GPtrArray) bundles = import (path);
      guint spans = 0;

      g_assert_cmpuint (bundles->len, ==, projects[i].sources);
      for (guint b = 0; b < bundles->len; b++)
        spans += ((HshBundle *) g_ptr_array_index (bundles, b))->spans->len;
      g_assert_cmpuint (spans, ==, projects[i].spans);
    }
}

static void
test_reads_nested_codes_as_label_paths (void)
{
  g_autofree char *path = hsh_test_shared_path ("formats/refi-qda/ornio_hand_authored");
  g_autoptr(GPtrArray) bundles = import (path);
  HshBundle *bundle = g_ptr_array_index (bundles, 0);
  HshSpan *first = g_ptr_array_index (bundle->spans, 0), *second = g_ptr_array_index (bundle->spans, 1);

  g_assert_cmpstr (first->label, ==, "Topics/Health");
  g_assert_cmpstr (first->text, ==, "Diet and health");
  g_assert_cmpstr (first->annotator, ==, "Researcher A");
  g_assert_cmpstr (second->label, ==, "Topics/Health/Diet");
  g_assert_cmpint (g_array_index (second->ranges, HshRange, 0).start, ==, 9);
}

/* Hostile archives ------------------------------------------------------------------------- */

static char *
build_qdpx (const char *const *names, const char *const *contents)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  char *path = g_build_filename (dir, "hostile.qdpx", NULL);
  struct archive *zip = archive_write_new ();

  archive_write_set_format_zip (zip);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; names[i] != NULL; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) strlen (contents[i]));
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      archive_write_data (zip, contents[i], strlen (contents[i]));
      archive_entry_free (entry);
    }
  archive_write_close (zip);
  archive_write_free (zip);
  return path;
}

static const char minimal_project[] =
  "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><Sources>"
  "<TextSource guid=\"20000000-0000-4000-8000-000000000001\" name=\"s\" "
  "plainTextPath=\"internal://20000000-0000-4000-8000-000000000001.txt\"/></Sources></Project>";

static void
assert_refused (const char *path, const char *fragment)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GError) error = NULL;

  g_assert_false (hsh_format_refi.read (path, bundles, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpuint (bundles->len, ==, 0);
}

static void
test_refuses_external_entities (void)
{
  const char *names[] = { "project.qde", "Sources/20000000-0000-4000-8000-000000000001.txt", NULL };
  const char *contents[] = {
    "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&xxe;\"/>",
    "text", NULL };
  g_autofree char *path = build_qdpx (names, contents);

  assert_refused (path, "external entities are not allowed");
}

static void
test_refuses_zip_entries_escaping_the_folder (void)
{
  const char *contents[] = { minimal_project, "text", NULL };
  const char *dotdot[] = { "project.qde", "Sources/../../evil.txt", NULL };
  const char *absolute[] = { "project.qde", "/tmp/evil.txt", NULL };
  g_autofree char *first = build_qdpx (dotdot, contents);
  g_autofree char *second = build_qdpx (absolute, contents);

  assert_refused (first, "entry “Sources/../../evil.txt” points outside the project folder");
  assert_refused (second, "entry “/tmp/evil.txt” points outside the project folder");
}

static void
test_refuses_selection_past_the_text (void)
{
  const char *names[] = { "project.qde", "Sources/20000000-0000-4000-8000-000000000001.txt", NULL };
  const char *contents[] = {
    "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n"
    "<CodeBook><Codes><Code guid=\"40000000-0000-4000-8000-000000000001\" name=\"X\" isCodable=\"true\"/></Codes></CodeBook>\n"
    "<Sources><TextSource guid=\"20000000-0000-4000-8000-000000000001\" name=\"s\" "
    "plainTextPath=\"internal://20000000-0000-4000-8000-000000000001.txt\">\n"
    "<PlainTextSelection guid=\"50000000-0000-4000-8000-000000000001\" startPosition=\"2\" endPosition=\"40\">"
    "<Coding guid=\"60000000-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"40000000-0000-4000-8000-000000000001\"/>"
    "</Coding></PlainTextSelection></TextSource></Sources></Project>",
    "قال أحمد", NULL };
  g_autofree char *path = build_qdpx (names, contents);

  assert_refused (path, "project.qde, line 5: selection 50000000-0000-4000-8000-000000000001 at offsets 2–40 "
                        "is outside the 8-character text");
}

static void
test_reads_crlf_sources_in_original_positions (void)
{
  const char *names[] = { "project.qde", "Sources/20000000-0000-4000-8000-000000000001.txt", NULL };
  const char *contents[] = {
    "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">"
    "<CodeBook><Codes><Code guid=\"40000000-0000-4000-8000-000000000001\" name=\"X\" isCodable=\"true\"/></Codes></CodeBook>"
    "<Sources><TextSource guid=\"20000000-0000-4000-8000-000000000001\" name=\"s\" "
    "plainTextPath=\"internal://20000000-0000-4000-8000-000000000001.txt\">"
    "<PlainTextSelection guid=\"50000000-0000-4000-8000-000000000001\" startPosition=\"9\" endPosition=\"13\">"
    "<Coding guid=\"60000000-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"40000000-0000-4000-8000-000000000001\"/>"
    "</Coding></PlainTextSelection></TextSource></Sources></Project>",
    "\xEF\xBB\xBFسطر\r\nقال أحمد", NULL };
  g_autofree char *path = build_qdpx (names, contents);
  g_autoptr(GPtrArray) bundles = import (path);
  HshSpan *span = g_ptr_array_index (((HshBundle *) g_ptr_array_index (bundles, 0))->spans, 0);

  g_assert_cmpstr (span->text, ==, "أحمد");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/refi/round-trips-spans-codes-users-and-notes", test_round_trips_spans_codes_users_and_notes);
  g_test_add_func ("/format/refi/project-validates-against-the-schema", test_project_validates_against_the_schema);
  g_test_add_func ("/format/refi/honours-label-filter", test_honours_label_filter);
  g_test_add_func ("/format/refi/imports-the-arabic-fixture", test_imports_the_arabic_fixture);
  g_test_add_func ("/format/refi/imports-vendor-projects", test_imports_vendor_projects);
  g_test_add_func ("/format/refi/reads-nested-codes-as-label-paths", test_reads_nested_codes_as_label_paths);
  g_test_add_func ("/format/refi/refuses-external-entities", test_refuses_external_entities);
  g_test_add_func ("/format/refi/refuses-zip-entries-escaping-the-folder", test_refuses_zip_entries_escaping_the_folder);
  g_test_add_func ("/format/refi/refuses-selection-past-the-text", test_refuses_selection_past_the_text);
  g_test_add_func ("/format/refi/reads-crlf-sources-in-original-positions", test_reads_crlf_sources_in_original_positions);
  return g_test_run ();
}
