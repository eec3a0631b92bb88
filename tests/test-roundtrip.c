/* test-roundtrip.c: a project exported in each format that Hashiya also reads, and imported
 * into a new project, holds the same annotations — and, where the format carries them, the
 * same attributes, roles and actor links. */
#include <string.h>
#include "hsh-corpus.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"

typedef struct {
  const char *format;
  const char *output;         /* file or folder name */
  gboolean    labels_exact;   /* the format keeps full label paths */
  gboolean    details;        /* attributes, roles and actors survive */
  gboolean    tokens;         /* the text is rebuilt from tokens: compare the outermost spans' labels */
} Case;

static const Case cases[] = {
  { "jsonl", "corpus.jsonl", TRUE, TRUE, FALSE },
  { "brat", "brat", TRUE, TRUE, FALSE },
  { "refi", "corpus.qdpx", TRUE, FALSE, FALSE },
  { "conll", "corpus.conll", FALSE, FALSE, TRUE },
};

static gboolean
nested (HshBundle *bundle, HshSpan *span)
{
  HshRange *inner = &g_array_index (span->ranges, HshRange, 0);
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *other = g_ptr_array_index (bundle->spans, i);
      HshRange *outer = &g_array_index (other->ranges, HshRange, 0);
      if (other != span && outer->start <= inner->start && inner->end <= outer->end &&
          (outer->end - outer->start) > (inner->end - inner->start))
        return TRUE;
    }
  return FALSE;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* "start-end label" of each span, sorted; CoNLL keeps only the leaf of a label. */
static char *
describe_spans (HshBundle *bundle, gboolean full_labels, gboolean details, gboolean tokens)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      const char *leaf = strrchr (span->label, '/');
      GString *line = g_string_new (NULL);
      g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (span->attributes), (GCompareFunc) g_strcmp0);

      for (guint r = 0; !tokens && r < span->ranges->len; r++)
        {
          HshRange *range = &g_array_index (span->ranges, HshRange, r);
          g_string_append_printf (line, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " ", range->start, range->end);
        }
      if (tokens && nested (bundle, span))
        {
          /* CoNLL keeps the outermost of nested spans (its documented rule). */
          g_string_free (line, TRUE);
          continue;
        }
      g_string_append (line, full_labels || leaf == NULL ? span->label : leaf + 1);
      if (tokens)
        g_strdelimit (line->str, "_", ' ');   /* a tag has no spaces: "Armed_group" */
      if (details)
        {
          for (GList *l = names; l != NULL; l = l->next)
            g_string_append_printf (line, " %s=%s", (char *) l->data, (char *) g_hash_table_lookup (span->attributes, l->data));
          g_string_append_printf (line, " actor=%s", span->actor != NULL ? span->actor : "");
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static char *
describe_roles (HshBundle *bundle)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bundle->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (bundle->roles, i);
      HshSpan *source = hsh_bundle_find_span (bundle, role->source);
      HshSpan *target = hsh_bundle_find_span (bundle, role->target);
      g_ptr_array_add (lines, g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT,
                                               g_array_index (source->ranges, HshRange, 0).start, role->role,
                                               g_array_index (target->ranges, HshRange, 0).start));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static HshBundle *
only_bundle (HshStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = hsh_store_export_bundles (store, NULL, HSH_LAYER_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 1);
  return g_ptr_array_steal_index (bundles, 0);
}

static void
test_round_trip (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *sample = g_build_filename (dir, "sample.hashiya", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.hashiya", NULL);
  g_autofree char *output = g_build_filename (dir, c->output, NULL);
  const HshFormat *format = hsh_format_lookup (c->format);
  g_autoptr(HshStore) original = NULL, imported = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(HshBundle) before = NULL, after = NULL;
  g_autofree char *spans_before = NULL, *spans_after = NULL;
  g_autoptr(GError) error = NULL;
  HshExportOptions options = { 0 };

  g_assert_true (hsh_sample_create (sample, &error));
  original = hsh_store_open (sample, HSH_STORE_OPEN_DEFAULT, &error);
  bundles = hsh_store_export_bundles (original, NULL, HSH_LAYER_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (format->write (bundles, output, &options, &error));
  g_assert_no_error (error);

  imported = hsh_store_open (copy, HSH_STORE_OPEN_CREATE, &error);
  g_assert_true (hsh_store_install_default_codebook (imported, &error));
  g_assert_true (format->read (output, read, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hsh_store_import_bundles (imported, read, NULL, NULL, &error));
  g_assert_no_error (error);

  before = only_bundle (original);
  after = only_bundle (imported);
  if (!c->tokens)
    g_assert_cmpstr (before->text, ==, after->text);
  spans_before = describe_spans (before, c->labels_exact, c->details, c->tokens);
  spans_after = describe_spans (after, c->labels_exact, c->details, c->tokens);
  g_assert_cmpstr (spans_before, ==, spans_after);
  if (c->details)
    {
      g_autofree char *roles_before = describe_roles (before);
      g_autofree char *roles_after = describe_roles (after);
      g_assert_cmpuint (before->roles->len, ==, 7);
      g_assert_cmpstr (roles_before, ==, roles_after);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/roundtrip/%s/keeps-the-sample-project", cases[i].format);
      g_test_add_data_func (path, &cases[i], test_round_trip);
    }
  return g_test_run ();
}
