/* test-format-csv.c: the CSV export — RFC 4180 quoting, Excel safety and the fixture's shape. */
#include "hsh-format-csv.h"
#include "hsh-test-support.h"

#include <string.h>

/* A small RFC 4180 reader, so the tests check what a spreadsheet would see. */
static GPtrArray *
parse_csv (const char *data)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = data;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++)
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      else if (*p == ',' || *p == '\r')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\r')
            {
              g_assert_cmpint (p[1], ==, '\n');
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
              row = g_ptr_array_new ();
              p++;
            }
          p++;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');   /* a bare LF only inside quotes */
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_free (row, TRUE);
  g_string_free (field, TRUE);
  return rows;
}

static char *
export (GPtrArray *bundles, const HshExportOptions *options)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (hsh_format_csv.write (bundles, path, options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static int
column (char **header, const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  g_assert_not_reached ();
}

static GPtrArray *
sample_bundles (void)
{
  GPtrArray *bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  HshBundle *bundle = hsh_bundle_new ("تقرير, \"الوسط\"", "=cmd|' /C calc'!A0 قال أحمد\nإن 300 مرتزق سيغادرون -5");
  HshSpan *span;

  bundle->uuid = g_strdup ("8a1f3c2e-0000-4000-8000-000000000001");
  span = hsh_bundle_add_span (bundle, "T1", "Claim", 0, 18);
  span->note = g_strdup ("سطر\nسطر آخر, مع \"اقتباس\"");
  span->annotator = g_strdup ("Layla");
  hsh_span_set_attribute (span, "quantity", "-5");
  hsh_span_set_attribute (span, "status", "@pledged");
  span = hsh_bundle_add_span (bundle, "T2", "Actor/Person", 23, 27);
  hsh_span_add_range (span, 31, 34);
  g_free (span->text);
  span->text = hsh_span_covered_text (span, bundle->text);
  span->actor = g_strdup ("أحمد");
  span->actor_wikidata = g_strdup ("Q1");
  span->annotator = g_strdup ("Omar");
  hsh_span_set_attribute (span, "note", "an attribute named like a column");
  g_ptr_array_add (bundles, bundle);
  return bundles;
}

static void
test_writes_one_quoted_row_per_annotation (void)
{
  g_autoptr(GPtrArray) bundles = sample_bundles ();
  g_autofree char *data = export (bundles, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (data);
  char **header = g_ptr_array_index (rows, 0);
  char **first = g_ptr_array_index (rows, 1);
  char **second = g_ptr_array_index (rows, 2);

  g_assert_false (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (header[0], ==, "document");
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length (first));
  g_assert_cmpstr (first[column (header, "document")], ==, "تقرير, \"الوسط\"");
  g_assert_cmpstr (first[column (header, "offset_unit")], ==, "code points");
  g_assert_cmpstr (first[column (header, "note")], ==, "سطر\nسطر آخر, مع \"اقتباس\"");
  g_assert_cmpstr (second[column (header, "ranges")], ==, "23-27;31-34");
  g_assert_cmpstr (second[column (header, "start")], ==, "23");
  g_assert_cmpstr (second[column (header, "end")], ==, "34");
  g_assert_cmpstr (second[column (header, "text")], ==, "أحمد 300");
  g_assert_cmpstr (second[column (header, "actor_wikidata")], ==, "Q1");
  g_assert_cmpstr (second[column (header, "attribute:note")], ==, "an attribute named like a column");
  g_assert_cmpstr (second[column (header, "quantity")], ==, "");
}

static void
test_guards_cells_against_formula_injection (void)
{
  g_autoptr(GPtrArray) bundles = sample_bundles ();
  g_autofree char *data = export (bundles, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (data);
  char **header = g_ptr_array_index (rows, 0);
  char **first = g_ptr_array_index (rows, 1);

  g_assert_cmpstr (first[column (header, "text")], ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (first[column (header, "status")], ==, "'@pledged");
  /* A plain negative number is data, not a formula. */
  g_assert_cmpstr (first[column (header, "quantity")], ==, "-5");
}

static void
test_honours_filters_and_bom (void)
{
  g_autoptr(GPtrArray) bundles = sample_bundles ();
  const char *labels[] = { "Actor", NULL };
  HshExportOptions options = { .labels = labels, .excel_bom = TRUE };
  g_autofree char *data = export (bundles, &options);
  g_autoptr(GPtrArray) rows = parse_csv (data + 3);
  char **header = g_ptr_array_index (rows, 0);

  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "document,"));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[column (header, "label")], ==, "Actor/Person");
  /* Attributes only the filtered-out claim had make no columns. */
  g_assert_false (strstr (data, "status") != NULL);
}

/* The synthetic Arabic fixture: the same spans must give the same code-point offsets and
 * covered texts, with a BOM and CRLF row ends like the fixture. */
static void
test_matches_the_arabic_fixture (void)
{
  g_autofree char *fixture_path = hsh_test_shared_path ("formats/arabic-synthetic/annotations_ar.csv");
  g_autofree char *text_path = hsh_test_shared_path ("formats/arabic-synthetic/brat_ar_LF.txt");
  g_autofree char *fixture = NULL, *text = NULL, *data = NULL;
  g_autoptr(GPtrArray) expected = NULL, rows = NULL;
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  HshExportOptions options = { .excel_bom = TRUE };
  HshBundle *bundle;
  char **fixture_header, **header;

  g_assert_true (g_file_get_contents (fixture_path, &fixture, NULL, NULL));
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  expected = parse_csv (fixture + 3);
  fixture_header = g_ptr_array_index (expected, 0);
  bundle = hsh_bundle_new ("doc1.txt", text);
  for (guint i = 1; i < expected->len; i++)
    {
      char **row = g_ptr_array_index (expected, i);
      hsh_bundle_add_span (bundle, row[column (fixture_header, "annotation_id")], row[column (fixture_header, "label")],
                           g_ascii_strtoll (row[column (fixture_header, "start")], NULL, 10),
                           g_ascii_strtoll (row[column (fixture_header, "end")], NULL, 10));
    }
  g_ptr_array_add (bundles, bundle);
  data = export (bundles, &options);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  rows = parse_csv (data + 3);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (rows->len, ==, expected->len);
  for (guint i = 1; i < rows->len; i++)
    {
      char **want = g_ptr_array_index (expected, i), **got = g_ptr_array_index (rows, i);
      for (const char *const *name = (const char *const[]) { "label", "start", "end", "text", NULL }; *name; name++)
        g_assert_cmpstr (got[column (header, *name)], ==, want[column (fixture_header, *name)]);
    }
}

static void
test_leaves_no_file_when_cancelled (void)
{
  g_autoptr(GPtrArray) bundles = sample_bundles ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  HshExportOptions options = { .cancellable = cancellable };

  g_cancellable_cancel (cancellable);
  g_assert_false (hsh_format_csv.write (bundles, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/csv/writes-one-quoted-row-per-annotation", test_writes_one_quoted_row_per_annotation);
  g_test_add_func ("/format/csv/guards-cells-against-formula-injection", test_guards_cells_against_formula_injection);
  g_test_add_func ("/format/csv/honours-filters-and-bom", test_honours_filters_and_bom);
  g_test_add_func ("/format/csv/matches-the-arabic-fixture", test_matches_the_arabic_fixture);
  g_test_add_func ("/format/csv/leaves-no-file-when-cancelled", test_leaves_no_file_when_cancelled);
  return g_test_run ();
}
