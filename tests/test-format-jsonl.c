/* test-format-jsonl.c: Hashiya JSONL round trips, doccano imports and refused input. */
#include "hsh-format-jsonl.h"
#include "hsh-test-support.h"
#include "hsh-text.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

static HshBundle *
make_full_bundle (void)
{
  HshBundle *bundle = hsh_bundle_new ("نص \"مقتبس\"\\ تجريبي",
                                      "قَالَ مُحَمَّدٌ إِنَّ الرِّيَاضَ جَمِيلَةٌ.\n"
                                      "زار أحمد القاهـــرة\u200F يوم 12 مارس.\tTab\x01\x1f\n"
                                      "شكراً 👍 يا سارة.\nرأى أحمد ومحمَّد.\n");
  HshSpan *span;

  bundle->uuid = g_strdup ("8a1f3c2e-0000-4000-8000-000000000001");
  bundle->source = g_strdup ("/tmp/news/مقال.txt");
  bundle->language = g_strdup ("ar");
  bundle->direction = HSH_DIRECTION_RTL;
  g_hash_table_insert (bundle->metadata, g_strdup ("outlet"), g_strdup ("الوسط"));
  g_hash_table_insert (bundle->metadata, g_strdup ("date"), g_strdup ("2021-03-12"));

  span = hsh_bundle_add_span (bundle, "a1", "Actor/Person", 6, 15);
  span->uuid = g_strdup ("8a1f3c2e-0000-4000-8000-000000000002");
  span->actor = g_strdup ("محمد \"أبو\" علي");
  span->actor_wikidata = g_strdup ("Q7742");
  span->note = g_strdup ("line one\nline two\r\n\"quoted\"");
  span->annotator = g_strdup ("Layla");
  span->annotator_uuid = g_strdup ("8a1f3c2e-0000-4000-8000-0000000000aa");
  span->gold = TRUE;
  hsh_span_set_attribute (span, "status", "pledged");
  hsh_span_set_attribute (span, "quantity", "300");

  span = hsh_bundle_add_span (bundle, "a2", "Claim", 44, 52);
  hsh_span_add_range (span, 53, 63);
  g_free (span->text);
  span->text = hsh_span_covered_text (span, bundle->text);
  span->annotator = g_strdup ("Omar");

  hsh_bundle_add_span (bundle, "a3", "Actor/Person", 93, 97);   /* after the astral emoji */
  hsh_bundle_add_role (bundle, "a2", "speaker", "a1");
  hsh_bundle_add_role (bundle, "a2", "addressee", "a3");
  return bundle;
}

static gboolean
string_maps_equal (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static void
assert_spans_equal (const HshSpan *a, const HshSpan *b)
{
  g_assert_cmpstr (a->key, ==, b->key);
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->label, ==, b->label);
  g_assert_cmpuint (a->ranges->len, ==, b->ranges->len);
  for (guint r = 0; r < a->ranges->len; r++)
    {
      g_assert_cmpint (g_array_index (a->ranges, HshRange, r).start, ==, g_array_index (b->ranges, HshRange, r).start);
      g_assert_cmpint (g_array_index (a->ranges, HshRange, r).end, ==, g_array_index (b->ranges, HshRange, r).end);
    }
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_true (string_maps_equal (a->attributes, b->attributes));
  g_assert_cmpstr (a->actor, ==, b->actor);
  g_assert_cmpstr (a->actor_wikidata, ==, b->actor_wikidata);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpstr (a->annotator, ==, b->annotator);
  g_assert_cmpstr (a->annotator_uuid, ==, b->annotator_uuid);
  g_assert_cmpint (a->gold, ==, b->gold);
}

static void
assert_bundles_equal (const HshBundle *a, const HshBundle *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->source, ==, b->source);
  g_assert_cmpstr (a->language, ==, b->language);
  g_assert_cmpint (a->direction, ==, b->direction);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_true (string_maps_equal (a->metadata, b->metadata));
  g_assert_cmpuint (a->spans->len, ==, b->spans->len);
  for (guint i = 0; i < a->spans->len; i++)
    assert_spans_equal (g_ptr_array_index (a->spans, i), g_ptr_array_index (b->spans, i));
  g_assert_cmpuint (a->roles->len, ==, b->roles->len);
  for (guint i = 0; i < a->roles->len; i++)
    {
      const HshRoleRef *x = g_ptr_array_index (a->roles, i), *y = g_ptr_array_index (b->roles, i);
      g_assert_cmpstr (x->source, ==, y->source);
      g_assert_cmpstr (x->role, ==, y->role);
      g_assert_cmpstr (x->target, ==, y->target);
    }
}

static GPtrArray *
new_bundles (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
}

static char *
scratch_file (const char *name)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  return g_build_filename (dir, name, NULL);
}

static GPtrArray *
read_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *bundles = new_bundles ();

  g_assert_true (hsh_format_jsonl.read (path, bundles, NULL, &error));
  g_assert_no_error (error);
  return bundles;
}

static GPtrArray *
read_fixture (const char *relative)
{
  g_autofree char *path = hsh_test_shared_path (relative);
  return read_ok (path);
}

static void
test_round_trips_every_field (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_file ("corpus.jsonl");
  HshBundle *bare = hsh_bundle_new (NULL, "");

  g_ptr_array_add (bundles, make_full_bundle ());
  g_ptr_array_add (bundles, bare);
  g_assert_true (hsh_format_jsonl.write (bundles, path, NULL, &error));
  g_assert_no_error (error);
  back = read_ok (path);
  g_assert_cmpuint (back->len, ==, 2);
  for (guint i = 0; i < bundles->len; i++)
    assert_bundles_equal (g_ptr_array_index (bundles, i), g_ptr_array_index (back, i));
}

static void
test_writes_one_valid_line_per_document (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_file ("corpus.jsonl");
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *sha = NULL;

  g_ptr_array_add (bundles, make_full_bundle ());
  g_ptr_array_add (bundles, make_full_bundle ());
  g_assert_true (hsh_format_jsonl.write (bundles, path, NULL, &error));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  sha = hsh_text_sha256 (((HshBundle *) g_ptr_array_index (bundles, 0))->text);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (root, "hashiya"), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (root, "offsets"), ==, "unicode-code-points");
      g_assert_cmpstr (json_object_get_string_member (root, "sha256"), ==, sha);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "spans")), ==, 3);
    }
}

static void
test_honours_label_and_annotator_filters (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_file ("filtered.jsonl");
  const char *labels[] = { "Actor", NULL };
  const char *annotators[] = { "Layla", NULL };
  HshExportOptions options = { .labels = labels };
  HshBundle *bundle;

  g_ptr_array_add (bundles, make_full_bundle ());
  g_assert_true (hsh_format_jsonl.write (bundles, path, &options, &error));
  back = read_ok (path);
  bundle = g_ptr_array_index (back, 0);
  g_assert_cmpuint (bundle->spans->len, ==, 2);
  /* The claim was left out, so the roles it held must go too. */
  g_assert_cmpuint (bundle->roles->len, ==, 0);

  options.annotators = annotators;
  g_assert_true (hsh_format_jsonl.write (bundles, path, &options, &error));
  g_clear_pointer (&back, g_ptr_array_unref);
  back = read_ok (path);
  bundle = g_ptr_array_index (back, 0);
  g_assert_cmpuint (bundle->spans->len, ==, 1);
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 0))->annotator, ==, "Layla");
}

static void
count_progress (double fraction, gpointer data)
{
  double *last = data;
  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_reports_progress_and_stops_when_cancelled (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_file ("cancelled.jsonl");
  double last = 0;
  HshExportOptions options = { .progress = count_progress, .progress_data = &last };

  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (bundles, make_full_bundle ());
  g_assert_true (hsh_format_jsonl.write (bundles, path, &options, &error));
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (g_unlink (path) == 0);

  options.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  g_assert_false (hsh_format_jsonl.write (bundles, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
assert_span (HshBundle *bundle, guint index, const char *label, gint64 start, gint64 end, const char *text)
{
  HshSpan *span = g_ptr_array_index (bundle->spans, index);
  HshRange *range = &g_array_index (span->ranges, HshRange, 0);

  g_assert_cmpstr (span->label, ==, label);
  g_assert_cmpint (range->start, ==, start);
  g_assert_cmpint (range->end, ==, end);
  if (text != NULL)
    g_assert_cmpstr (span->text, ==, text);
}

static void
test_reads_doccano_sequence_labelling (void)
{
  g_autoptr(GPtrArray) bundles =
    read_fixture ("formats/jsonl/doccano_data_export_pipeline_examples_sequence_labeling_example.jsonl");

  g_assert_cmpuint (bundles->len, ==, 3);
  assert_span (g_ptr_array_index (bundles, 0), 0, "ORG", 0, 2, "EU");
  assert_span (g_ptr_array_index (bundles, 0), 1, "MISC", 11, 17, "German");
  assert_span (g_ptr_array_index (bundles, 2), 0, "PERSON", 10, 15, "Obama");
}

static void
assert_google_relations (HshBundle *bundle)
{
  HshRoleRef *role;

  g_assert_cmpuint (bundle->spans->len, ==, 4);
  assert_span (bundle, 1, "DATE", 22, 39, "September 4, 1998");
  assert_span (bundle, 3, "PERSON", 59, 70, "Sergey Brin");
  g_assert_cmpuint (bundle->roles->len, ==, 3);
  role = g_ptr_array_index (bundle->roles, 2);
  g_assert_cmpstr (hsh_bundle_find_span (bundle, role->source)->text, ==, "Google");
  g_assert_cmpstr (role->role, ==, "foundedBy");
  g_assert_cmpstr (hsh_bundle_find_span (bundle, role->target)->text, ==, "Sergey Brin");
}

static void
test_reads_doccano_relations_one_line_and_pretty_printed (void)
{
  g_autoptr(GPtrArray) one_line =
    read_fixture ("formats/jsonl/doccano_data_import_pipeline_examples_relation_extraction_example.jsonl");
  g_autoptr(GPtrArray) pretty =
    read_fixture ("formats/jsonl/doccano_data_export_pipeline_examples_relation_extraction_example.jsonl");

  g_assert_cmpuint (one_line->len, ==, 1);
  g_assert_cmpuint (pretty->len, ==, 1);
  assert_google_relations (g_ptr_array_index (one_line, 0));
  assert_google_relations (g_ptr_array_index (pretty, 0));
}

static void
test_keeps_duplicate_doccano_spans (void)
{
  g_autoptr(GPtrArray) bundles =
    read_fixture ("formats/jsonl/doccano_data_import_tests_data_sequence_labeling_example_overlapping.jsonl");
  HshBundle *bundle = g_ptr_array_index (bundles, 0);

  g_assert_cmpuint (bundle->spans->len, ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (bundle->metadata, "wikiPageID"), ==, "1");
}

/* The synthetic Arabic text carries every offset trap: harakat, tatweel, RLM, an astral emoji
 * and a decomposed alef + hamza; doccano counts code points, as offsets_table.json records. */
static void
test_reads_doccano_arabic_in_code_points (void)
{
  g_autoptr(GPtrArray) bundles = read_fixture ("formats/arabic-synthetic/doccano_ar.jsonl");
  g_autofree char *table_path = hsh_test_shared_path ("formats/arabic-synthetic/offsets_table.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  HshBundle *bundle = g_ptr_array_index (bundles, 0);
  JsonObject *table;
  JsonArray *spans;

  g_assert_true (json_parser_load_from_file (parser, table_path, &error));
  table = json_node_get_object (json_parser_get_root (parser));
  spans = json_object_get_array_member (table, "spans");
  g_assert_cmpstr (bundle->text, ==, json_object_get_string_member (table, "text"));
  g_assert_cmpuint (bundle->spans->len, ==, json_array_get_length (spans));
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *expected = json_array_get_object_element (spans, i);
      JsonArray *cp = json_object_get_array_member (expected, "codepoint");
      assert_span (bundle, i, json_object_get_string_member (expected, "label"),
                   json_array_get_int_element (cp, 0), json_array_get_int_element (cp, 1),
                   json_object_get_string_member (expected, "text"));
    }
}

static void
assert_refused (const char *path, const char *expected_fragment)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (bundles, hsh_bundle_new ("already there", "x"));
  g_assert_false (hsh_format_jsonl.read (path, bundles, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, expected_fragment));
  g_assert_cmpuint (bundles->len, ==, 1);
}

static char *
write_scratch (const char *name, const char *contents)
{
  char *path = scratch_file (name);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_refuses_document_without_text (void)
{
  g_autofree char *path =
    hsh_test_shared_path ("formats/jsonl/doccano_data_import_tests_data_sequence_labeling_example.jsonl");
  assert_refused (path, "line 3: no “text”");
}

static void
test_refuses_malformed_json_naming_line_and_column (void)
{
  g_autofree char *path = write_scratch ("broken.jsonl",
                                         "{\"text\": \"fine\", \"label\": []}\n"
                                         "\n"
                                         "{\"text\": \"broken\", \"label\": [[0, 2,, \"X\"]]}\n");
  assert_refused (path, "line 3, column 36: malformed JSON");
}

static void
test_refuses_offset_past_the_text (void)
{
  g_autofree char *path = write_scratch ("past.jsonl",
                                         "{\"text\": \"قال\", \"label\": [[0, 3, \"X\"]]}\n"
                                         "{\"text\": \"قال\", \"label\": [[1, 9, \"X\"]]}\n");
  assert_refused (path, "line 2: annotation T1: offsets 1–9 are outside the 3-character text");
}

static void
test_refuses_text_changed_after_export (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_file ("edited.jsonl");
  g_autofree char *data = NULL;
  GString *edited;

  g_ptr_array_add (bundles, make_full_bundle ());
  g_assert_true (hsh_format_jsonl.write (bundles, path, NULL, &error));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  edited = g_string_new (data);
  g_string_replace (edited, "شكراً", "شكرا", 0);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
  g_string_free (edited, TRUE);
  assert_refused (path, "does not match its “sha256”");
}

static void
test_refuses_newer_format_and_other_offset_units (void)
{
  g_autofree char *newer = write_scratch ("newer.jsonl", "{\"hashiya\": 2, \"text\": \"x\"}\n");
  g_autofree char *utf16 = write_scratch ("utf16.jsonl",
                                          "{\"hashiya\": 1, \"offsets\": \"utf-16\", \"text\": \"x\"}\n");
  assert_refused (newer, "newer Hashiya");
  assert_refused (utf16, "“utf-16” are not supported");
}

/* Reading values as json-glib did ---------------------------------------------------------- */

/* What the reader made of a metadata or attribute value when it worked on json-glib's nodes: the
 * reference the streamed reader's view of the parsed line must match. */
static char *
json_glib_scalar (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:  return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:   return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN: return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:             return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
}

/* The map json-glib's object gave, filled in the order json-glib listed its members. */
static GHashTable *
json_glib_map (JsonObject *object)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      char *text = json_glib_scalar (value);
      if (text != NULL)
        g_hash_table_insert (map, g_strdup (name), text);
    }
  return map;
}

/* Same names, values and order of iteration: the order decides how metadata is stored. */
static void
assert_maps_identical (GHashTable *expected, GHashTable *actual)
{
  GHashTableIter a, b;
  gpointer name_a, value_a, name_b, value_b;

  g_assert_cmpuint (g_hash_table_size (expected), ==, g_hash_table_size (actual));
  g_hash_table_iter_init (&a, expected);
  g_hash_table_iter_init (&b, actual);
  while (g_hash_table_iter_next (&a, &name_a, &value_a))
    {
      g_assert_true (g_hash_table_iter_next (&b, &name_b, &value_b));
      g_assert_cmpstr (name_a, ==, name_b);
      g_assert_cmpstr (value_a, ==, value_b);
    }
}

static void
assert_doccano_line_read_as_json_glib (const char *line, HshBundle *bundle)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = NULL;
  JsonObject *root;
  JsonNode *id;

  g_test_message ("%s", line);
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (bundle->text, ==, json_object_get_string_member (root, "text"));
  expected = json_object_has_member (root, "meta") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "meta"))
             ? json_glib_map (json_object_get_object_member (root, "meta"))
             : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((id = json_object_get_member (root, "id")) != NULL && JSON_NODE_HOLDS_VALUE (id))
    g_hash_table_insert (expected, g_strdup ("doccano_id"), json_glib_scalar (id));
  assert_maps_identical (expected, bundle->metadata);
}

/* Plain lines (escapes, numbers, nesting, many members) and unusual ones (exponents, leading
 * zeros, long numbers, duplicate members, comments, single quotes, raw tabs, deep nesting): the
 * same values as json-glib's own nodes give. */
static const char *const tricky_lines[] = {
  "{\"text\": \"قال \\\"ماكرون\\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00 \\t\\n\\r\\b\\f\", \"id\": 7, "
  "\"meta\": {\"a\": 1, \"b\": -42, \"c\": 0.1, \"d\": -2.5, \"e\": true, \"f\": false, \"g\": null, "
  "\"h\": \"نص\", \"i\": [1, \"x\", {\"k\": 2.25}], \"j\": {\"z\": 1, \"y\": [true, null]}, \"k\": \"\\u0001\"}}",
  "{\"text\": \"x\", \"meta\": {\"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, "
  "\"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": 11, \"outlet\": \"الوسط\", \"date\": \"2021-03-12\"}}",
  "{\"text\": \"x\", \"meta\": {\"pi\": 3.141592653589793238462643383279, \"tiny\": 0.000001, \"zero\": -0, "
  "\"negative-zero\": -0.0, \"max\": 999999999999999999, \"min\": -999999999999999999}, \"id\": 1.5}",
  "{\"text\": \"x\", \"meta\": {\"e\": 1e3, \"E\": 2.5E-2, \"leading\": 01, \"long\": 1234567890123456789}}",
  "{\"text\": \"x\", \"meta\": {\"a\": 1, \"b\": 2, \"a\": 3}, \"text\": \"y\", \"id\": \"doc-1\"}",
  "{'text': 'single', /* a comment */ \"meta\": {'q': 'v'}}",
  "{\"text\": \"raw\ttab and \\x unknown escape\", \"meta\": {}}",
  "{\"text\": \"x\", \"meta\": {\"deep\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}",
  "{ \"text\" :\t\"spaced\" , \"meta\" : { \"a\" : [ 1 , 2 ] } , \"id\" : null }",
  "{\"text\": \"x\", \"meta\": null}",
  "{\"text\": \"x\", \"meta\": []}",
};

static void
test_reads_values_as_json_glib_does (void)
{
  g_autofree char *path = scratch_file ("tricky.jsonl");
  g_autoptr(GString) many = g_string_new ("{\"text\": \"x\", \"meta\": {");
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) bundles = NULL;

  /* More members than the reader's parser compares pairwise. */
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (many, "%s\"m%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append (many, "}}");
  for (guint i = 0; i < G_N_ELEMENTS (tricky_lines); i++)
    g_ptr_array_add (lines, (gpointer) tricky_lines[i]);
  g_ptr_array_add (lines, many->str);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (data, "%s\n", (const char *) g_ptr_array_index (lines, i));
  g_assert_true (g_file_set_contents (path, data->str, -1, NULL));
  bundles = read_ok (path);
  g_assert_cmpuint (bundles->len, ==, lines->len);
  for (guint i = 0; i < lines->len; i++)
    assert_doccano_line_read_as_json_glib (g_ptr_array_index (lines, i), g_ptr_array_index (bundles, i));
}

/* Attributes and the gold flag of native spans, against json-glib's reading of the same line. */
static void
test_reads_native_spans_as_json_glib_does (void)
{
  static const char line[] =
    "{\"hashiya\": 1, \"text\": \"abcdef\", \"spans\": ["
    "{\"id\": \"a\", \"label\": \"L\", \"ranges\": [[0, 1]], \"gold\": 1, "
    "\"attributes\": {\"status\": \"pledged\", \"quantity\": 300, \"deadline\": \"2021-12-24\", \"x\": null, \"share\": 0.5}}, "
    "{\"id\": \"b\", \"label\": \"L\", \"ranges\": [[1, 2]], \"gold\": \"yes\"}, "
    "{\"id\": \"c\", \"label\": \"L\", \"ranges\": [[2, 3]], \"gold\": 0.5}, "
    "{\"id\": 4, \"label\": \"L\", \"ranges\": [[3, 4], [5, 6]], \"gold\": 0, \"attributes\": {\"one\": true}}]}";
  g_autofree char *path = write_scratch ("native.jsonl", line);
  g_autoptr(GPtrArray) bundles = read_ok (path);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  HshBundle *bundle = g_ptr_array_index (bundles, 0);
  JsonArray *spans;

  g_assert_true (json_parser_load_from_data (parser, line, -1, NULL));
  spans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "spans");
  g_assert_cmpuint (bundle->spans->len, ==, json_array_get_length (spans));
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      JsonObject *expected = json_array_get_object_element (spans, i);
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      JsonNode *gold = json_object_get_member (expected, "gold");
      g_autoptr(GHashTable) attributes = json_object_has_member (expected, "attributes")
        ? json_glib_map (json_object_get_object_member (expected, "attributes"))
        : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      g_assert_cmpint (span->gold, ==, JSON_NODE_HOLDS_VALUE (gold) && json_node_get_boolean (gold));
      assert_maps_identical (attributes, span->attributes);
    }
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 3))->key, ==, "4");
  g_assert_cmpstr (((HshSpan *) g_ptr_array_index (bundle->spans, 3))->text, ==, "d f");
}

/* The file is read in blocks of a megabyte: lines and a pretty-printed object cross their
 * edges, one line is longer than a block, and a bad line far down is still named exactly. */
static void
test_reads_past_its_buffer_and_names_late_lines (void)
{
  g_autofree char *path = scratch_file ("long.jsonl");
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) bundles = NULL;
  guint line = 0;

  while (long_text->len < 1536 * 1024)
    g_string_append (long_text, "نص طويل جدا ");
  for (guint i = 0; i < 3000; i++, line++)
    {
      g_string_append_printf (data, "{\"text\": \"وثيقة رقم %u %0400u\", \"label\": [[0, 5, \"X\"]]}\n", i, i);
      if (i == 1000)
        {
          g_string_append_printf (data, "{\"text\": \"%s\", \"label\": [[0, 2, \"X\"]]}\n", long_text->str);
          line++;
        }
      if (i == 2000)
        {
          g_string_append (data, "{\n  \"text\": \"متعدد الأسطر\",\n  \"label\": [\n    [0, 5, \"X\"]\n  ]\n}\n");
          line += 6;
        }
    }
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));
  bundles = read_ok (path);
  g_assert_cmpuint (bundles->len, ==, 3002);
  g_assert_cmpstr (((HshBundle *) g_ptr_array_index (bundles, 1001))->text, ==, long_text->str);
  g_assert_cmpstr (((HshBundle *) g_ptr_array_index (bundles, 3001))->title, ==, "long 3002");

  g_string_append (data, "{\"text\": \"قصير\", \"label\": [[1, 9, \"X\"]]}\n");
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));
  {
    g_autofree char *expected = g_strdup_printf ("line %u: annotation T1: offsets 1–9 are outside", line + 1);
    assert_refused (path, expected);
  }
}

static void
test_refuses_invalid_utf8_naming_line_and_column (void)
{
  g_autofree char *path = write_scratch ("latin1.jsonl",
                                         "{\"text\": \"fine\"}\n"
                                         "  {\"text\": \"caf\xe9\"}\n");
  assert_refused (path, "line 2, column 3: malformed JSON: JSON data must be UTF-8 encoded");
}

static void
test_counts_columns_after_a_byte_order_mark (void)
{
  g_autofree char *with_bom = write_scratch ("bom.jsonl", "\xEF\xBB\xBF{\"text\": \"broken\", \"label\": [[0, 2,, \"X\"]]}\n");
  g_autofree char *without = write_scratch ("plain.jsonl", "{\"text\": \"broken\", \"label\": [[0, 2,, \"X\"]]}\n");
  g_autofree char *good = write_scratch ("good-bom.jsonl", "\xEF\xBB\xBF{\"text\": \"سليم\"}\n");
  g_autoptr(GPtrArray) bundles = read_ok (good);

  g_assert_cmpstr (((HshBundle *) g_ptr_array_index (bundles, 0))->text, ==, "سليم");
  assert_refused (with_bom, "line 1, column 36: malformed JSON");
  assert_refused (without, "line 1, column 36: malformed JSON");
}

static void
test_reader_gives_one_document_at_a_time (void)
{
  g_autoptr(GPtrArray) bundles = new_bundles ();
  g_autofree char *path = scratch_file ("stream.jsonl");
  g_autoptr(HshJsonlReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0;

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (bundles, make_full_bundle ());
  g_assert_true (hsh_format_jsonl.write (bundles, path, NULL, &error));
  reader = hsh_jsonl_reader_new (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bundles->len; i++)
    {
      g_autoptr(HshBundle) bundle = hsh_jsonl_reader_next (reader, NULL, &error);
      g_assert_no_error (error);
      assert_bundles_equal (g_ptr_array_index (bundles, i), bundle);
      g_assert_cmpfloat (hsh_jsonl_reader_get_fraction (reader), >, last);
      last = hsh_jsonl_reader_get_fraction (reader);
    }
  g_assert_null (hsh_jsonl_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (hsh_jsonl_reader_get_fraction (reader), ==, 1.0);
}

static void
test_reader_names_a_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshJsonlReader) reader = hsh_jsonl_reader_new ("/nonexistent/corpus.jsonl", &error);

  g_assert_null (reader);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "corpus.jsonl"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/jsonl/round-trips-every-field", test_round_trips_every_field);
  g_test_add_func ("/format/jsonl/writes-one-valid-line-per-document", test_writes_one_valid_line_per_document);
  g_test_add_func ("/format/jsonl/honours-label-and-annotator-filters", test_honours_label_and_annotator_filters);
  g_test_add_func ("/format/jsonl/reports-progress-and-stops-when-cancelled",
                   test_reports_progress_and_stops_when_cancelled);
  g_test_add_func ("/format/jsonl/reads-doccano-sequence-labelling", test_reads_doccano_sequence_labelling);
  g_test_add_func ("/format/jsonl/reads-doccano-relations-one-line-and-pretty-printed",
                   test_reads_doccano_relations_one_line_and_pretty_printed);
  g_test_add_func ("/format/jsonl/keeps-duplicate-doccano-spans", test_keeps_duplicate_doccano_spans);
  g_test_add_func ("/format/jsonl/reads-doccano-arabic-in-code-points", test_reads_doccano_arabic_in_code_points);
  g_test_add_func ("/format/jsonl/refuses-document-without-text", test_refuses_document_without_text);
  g_test_add_func ("/format/jsonl/refuses-malformed-json-naming-line-and-column",
                   test_refuses_malformed_json_naming_line_and_column);
  g_test_add_func ("/format/jsonl/refuses-offset-past-the-text", test_refuses_offset_past_the_text);
  g_test_add_func ("/format/jsonl/refuses-text-changed-after-export", test_refuses_text_changed_after_export);
  g_test_add_func ("/format/jsonl/refuses-newer-format-and-other-offset-units",
                   test_refuses_newer_format_and_other_offset_units);
  g_test_add_func ("/format/jsonl/reads-values-as-json-glib-does", test_reads_values_as_json_glib_does);
  g_test_add_func ("/format/jsonl/reads-native-spans-as-json-glib-does", test_reads_native_spans_as_json_glib_does);
  g_test_add_func ("/format/jsonl/reads-past-its-buffer-and-names-late-lines",
                   test_reads_past_its_buffer_and_names_late_lines);
  g_test_add_func ("/format/jsonl/refuses-invalid-utf8-naming-line-and-column",
                   test_refuses_invalid_utf8_naming_line_and_column);
  g_test_add_func ("/format/jsonl/counts-columns-after-a-byte-order-mark", test_counts_columns_after_a_byte_order_mark);
  g_test_add_func ("/format/jsonl/reader-gives-one-document-at-a-time", test_reader_gives_one_document_at_a_time);
  g_test_add_func ("/format/jsonl/reader-names-a-missing-file", test_reader_names_a_missing_file);
  return g_test_run ();
}
