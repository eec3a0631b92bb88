/* test-format-tei.c: TEI export — well-formed, every span present, inline or standoff. */
#include "hsh-format-tei.h"
#include "hsh-test-support.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

/* The eight entities of the synthetic Arabic fixtures, in code points. */
static const struct { const char *label; gint64 start, end; } arabic_spans[] = {
  { "Actor/Person", 6, 15 }, { "Location", 22, 32 }, { "Actor/Person", 48, 52 }, { "Location", 53, 63 },
  { "Date", 69, 76 }, { "Actor/Person", 89, 93 }, { "Actor/Person", 99, 104 }, { "Actor/Person", 106, 112 },
};

static HshBundle *
arabic_bundle (void)
{
  g_autofree char *path = hsh_test_shared_path ("formats/arabic-synthetic/brat_ar_LF.txt");
  g_autofree char *text = NULL;
  HshBundle *bundle;

  /* From the fixture, not retyped: an editor would normalise its decomposed alef + hamza. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  bundle = hsh_bundle_new ("نص تجريبي", text);

  bundle->language = g_strdup ("ar");
  for (guint i = 0; i < G_N_ELEMENTS (arabic_spans); i++)
    {
      g_autofree char *key = g_strdup_printf ("T%u", i + 1);
      hsh_bundle_add_span (bundle, key, arabic_spans[i].label, arabic_spans[i].start, arabic_spans[i].end);
    }
  return bundle;
}

static GPtrArray *
bundles_of (HshBundle *first, HshBundle *second)
{
  GPtrArray *bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_ptr_array_add (bundles, first);
  if (second != NULL)
    g_ptr_array_add (bundles, second);
  return bundles;
}

/* Exports and parses the result back: the test of well-formedness. */
static xmlDocPtr
export_and_parse (GPtrArray *bundles, const HshExportOptions *options)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;

  g_assert_true (hsh_format_tei.write (bundles, path, options, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

static xmlXPathObjectPtr
query (xmlDocPtr doc, const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static int
count (xmlDocPtr doc, const char *expression)
{
  xmlXPathObjectPtr result = query (doc, expression);
  int n = xmlXPathNodeSetGetLength (result->nodesetval);
  xmlXPathFreeObject (result);
  return n;
}

static char *
string_of (xmlDocPtr doc, const char *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = query (doc, wrapped);
  char *value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return value;
}

static void
assert_string (xmlDocPtr doc, const char *expression, const char *expected)
{
  g_autofree char *value = string_of (doc, expression);
  g_assert_cmpstr (value, ==, expected);
}

static xmlDocPtr
parse_fixture (const char *relative)
{
  g_autofree char *path = hsh_test_shared_path (relative);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_writes_nested_arabic_spans_inline (void)
{
  g_autoptr(GPtrArray) bundles = bundles_of (arabic_bundle (), NULL);
  xmlDocPtr doc = export_and_parse (bundles, NULL);
  xmlDocPtr fixture = parse_fixture ("formats/arabic-synthetic/tei_ar_inline.xml");
  HshSpan *last;

  g_assert_cmpint (count (doc, "/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title[. = 'نص تجريبي']"), ==, 1);
  g_assert_cmpint (count (doc, "//t:encodingDesc"), ==, 1);
  g_assert_cmpint (count (doc, "//t:standOff"), ==, 0);
  g_assert_cmpint (count (doc, "//t:body/t:p[@xml:lang = 'ar']"), ==, 4);
  g_assert_cmpint (count (doc, "//t:p/t:persName"), ==, 5);
  g_assert_cmpint (count (doc, "//t:p/t:placeName"), ==, 2);
  g_assert_cmpint (count (doc, "//t:p/t:date[. = '12 مارس']"), ==, 1);
  /* Each paragraph reads exactly like the fixture's: no character lost or added. */
  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *ours = g_strdup_printf ("//t:body/t:p[%d]", i);
      g_autofree char *mine = string_of (doc, ours);
      g_autofree char *theirs = string_of (fixture, ours);
      g_assert_cmpstr (mine, ==, theirs);
    }
  /* Shadda typed before fatha, as in the fixture, not reordered. */
  last = g_ptr_array_index (((HshBundle *) g_ptr_array_index (bundles, 0))->spans, 7);
  assert_string (doc, "//t:persName[@xml:id = 'd1-a8']", last->text);
  xmlFreeDoc (fixture);
  xmlFreeDoc (doc);
}

/* With the standoff option the same spans give the fixture's string-range() pointers. */
static void
test_writes_standoff_matching_the_fixture (void)
{
  g_autoptr(GPtrArray) bundles = bundles_of (arabic_bundle (), NULL);
  HshExportOptions options = { .tei_standoff = TRUE };
  xmlDocPtr doc = export_and_parse (bundles, &options);
  xmlDocPtr fixture = parse_fixture ("formats/arabic-synthetic/tei_ar_standoff.xml");

  g_assert_cmpint (count (doc, "//t:standOff/t:listAnnotation/t:annotation"), ==, 8);
  g_assert_cmpint (count (doc, "//t:body//t:persName"), ==, 0);
  for (int i = 1; i <= 8; i++)
    {
      g_autofree char *path = g_strdup_printf ("//t:annotation[%d]/@target", i);
      g_autofree char *mine = string_of (doc, path);
      g_autofree char *theirs = string_of (fixture, path);
      g_autofree char *expected = NULL;
      GString *adjusted = g_string_new (theirs);

      g_string_replace (adjusted, "(p", "(d1-p", 0);
      expected = g_string_free (adjusted, FALSE);
      g_assert_cmpstr (mine, ==, expected);
      g_free (path);
      path = g_strdup_printf ("//t:annotation[%d]/t:note[@type = 'surface']", i);
      g_free (mine);
      g_free (theirs);
      mine = string_of (doc, path);
      theirs = string_of (fixture, path);
      g_assert_cmpstr (mine, ==, theirs);
    }
  xmlFreeDoc (fixture);
  xmlFreeDoc (doc);
}

static void
test_falls_back_to_standoff_for_crossing_spans (void)
{
  HshBundle *bundle = hsh_bundle_new ("crossing", "alpha beta gamma\ndelta");
  HshSpan *span;
  g_autoptr(GPtrArray) bundles = bundles_of (bundle, NULL);
  xmlDocPtr doc;

  hsh_bundle_add_span (bundle, "T1", "Claim", 0, 10);
  hsh_bundle_add_span (bundle, "T2", "Commitment", 6, 16);            /* crosses T1 */
  hsh_bundle_add_span (bundle, "T3", "Location", 11, 22);             /* over the line end */
  span = hsh_bundle_add_span (bundle, "T4", "Actor/Person", 0, 5);    /* discontinuous */
  hsh_span_add_range (span, 17, 22);
  g_free (span->text);
  span->text = hsh_span_covered_text (span, bundle->text);
  doc = export_and_parse (bundles, NULL);
  g_assert_cmpint (count (doc, "//t:annotation"), ==, 4);
  assert_string (doc, "//t:annotation[3]/@target", "#string-range(d1-p1,11,5) #string-range(d1-p2,0,5)");
  assert_string (doc, "//t:annotation[4]/@target", "#string-range(d1-p1,0,5) #string-range(d1-p2,0,5)");
  assert_string (doc, "//t:annotation[4]/t:note[@type = 'surface']", "alpha delta");
  xmlFreeDoc (doc);
}

static HshBundle *
actor_bundle (const char *title)
{
  HshBundle *bundle = hsh_bundle_new (title, "تعهد ماكرون بسحب 300 مرتزق \x01 من ليبيا");
  HshSpan *actor, *claim;

  actor = hsh_bundle_add_span (bundle, "T1", "Actor/Person", 5, 11);
  actor->actor = g_strdup ("إيمانويل ماكرون");
  actor->actor_wikidata = g_strdup ("Q3052772");
  claim = hsh_bundle_add_span (bundle, "T2", "Commitment", 0, 26);
  claim->note = g_strdup ("quantity <300> & \"deadline\"");
  claim->annotator = g_strdup ("Layla");
  hsh_span_set_attribute (claim, "status", "pledged");
  hsh_bundle_add_span (bundle, "T3", "Actor/State", 32, 37);
  hsh_bundle_add_role (bundle, "T2", "committer", "T1");
  return bundle;
}

static void
test_links_actors_roles_and_details (void)
{
  g_autoptr(GPtrArray) bundles = bundles_of (actor_bundle ("a"), NULL);
  xmlDocPtr doc = export_and_parse (bundles, NULL);
  g_autofree char *paragraph = NULL, *comment = NULL;

  g_assert_cmpint (count (doc, "//t:p/t:rs[@type = 'commitment']/t:persName[@ref = '#d1-actor-1']"), ==, 1);
  g_assert_cmpint (count (doc, "//t:p/t:orgName[@type = 'state']"), ==, 1);
  g_assert_cmpint (count (doc, "//t:listPerson/t:person[@xml:id = 'd1-actor-1']"
                                "/t:idno[. = 'http://www.wikidata.org/entity/Q3052772']"), ==, 1);
  g_assert_cmpint (count (doc, "//t:relation[@name = 'committer' and @active = '#d1-a2' and @passive = '#d1-a1']"), ==, 1);
  g_assert_cmpint (count (doc, "//t:annotation[@target = '#d1-a2']/t:note[@type = 'attribute' and @n = 'status']"), ==, 1);
  comment = string_of (doc, "//t:annotation/t:note[@type = 'comment']");
  g_assert_cmpstr (comment, ==, "quantity <300> & \"deadline\"");
  /* U+0001 cannot appear in XML at all; it became U+FFFD, one character for one. */
  paragraph = string_of (doc, "//t:body/t:p");
  g_assert_nonnull (strstr (paragraph, "مرتزق \xEF\xBF\xBD من"));
  xmlFreeDoc (doc);
}

static void
test_writes_a_corpus_with_unique_ids (void)
{
  g_autoptr(GPtrArray) bundles = bundles_of (actor_bundle ("a"), actor_bundle ("b"));
  const char *labels[] = { "Actor", NULL };
  HshExportOptions options = { .labels = labels };
  xmlDocPtr doc = export_and_parse (bundles, &options);

  g_assert_cmpint (count (doc, "/t:teiCorpus/t:TEI"), ==, 2);
  g_assert_cmpint (count (doc, "//t:TEI[2]//t:persName[@xml:id = 'd2-a1']"), ==, 1);
  g_assert_cmpint (count (doc, "//*[@xml:id = 'd1-a1']"), ==, 1);
  /* The commitment was filtered out, and its role with it. */
  g_assert_cmpint (count (doc, "//t:rs"), ==, 0);
  g_assert_cmpint (count (doc, "//t:relation"), ==, 0);
  xmlFreeDoc (doc);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/tei/writes-nested-arabic-spans-inline", test_writes_nested_arabic_spans_inline);
  g_test_add_func ("/format/tei/writes-standoff-matching-the-fixture", test_writes_standoff_matching_the_fixture);
  g_test_add_func ("/format/tei/falls-back-to-standoff-for-crossing-spans",
                   test_falls_back_to_standoff_for_crossing_spans);
  g_test_add_func ("/format/tei/links-actors-roles-and-details", test_links_actors_roles_and_details);
  g_test_add_func ("/format/tei/writes-a-corpus-with-unique-ids", test_writes_a_corpus_with_unique_ids);
  return g_test_run ();
}
