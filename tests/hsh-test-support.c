/* hsh-test-support.c: paths and scratch files shared by the test programs. */
#include "hsh-test-support.h"

#include <json-glib/json-glib.h>
#include "hsh-model.h"

#include <stdlib.h>
#include <glib/gstdio.h>

char *
hsh_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("HASHIYA_SHARED_DIR");
  return g_build_filename (shared != NULL ? shared : "../shared", relative, NULL);
}

char *
hsh_test_source_path (const char *relative)
{
  const char *source = g_getenv ("HASHIYA_SOURCE_DIR");
  return g_build_filename (source != NULL ? source : ".", relative, NULL);
}

static GPtrArray *scratch_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_scratch_dirs (void)
{
  if (g_getenv ("HASHIYA_KEEP_SCRATCH") != NULL)
    return;
  for (guint i = 0; scratch_dirs != NULL && i < scratch_dirs->len; i++)
    remove_tree (g_ptr_array_index (scratch_dirs, i));
}

char *
hsh_test_scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hashiya-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (scratch_dirs == NULL)
    {
      scratch_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_scratch_dirs);
    }
  g_ptr_array_add (scratch_dirs, g_strdup (dir));
  return dir;
}

char *
hsh_test_file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

void
hsh_test_copy_file (const char *from,
                    const char *to)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) length, NULL));
}

gint64
hsh_test_count_annotations (HshStore *store)
{
  g_autoptr(GError) error = NULL;
  HshStats stats = { 0 };

  g_assert_true (hsh_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  return stats.annotations;
}

/* Generated corpora --------------------------------------------------------------------------- */

static const char *const words[] = {
  "القوات", "الشرقية", "مرتزق", "انسحاب", "الأمم", "المتحدة", "باريس", "ليبيا", "الانتخابات", "ماكرون",
  "Draghi", "300", "٢٠٢١", "اتفاق", "وقف", "إطلاق", "النار", "جنيف", "اللجنة", "العسكرية",
};

static char *
generated_text (GRand *rand, guint length_words)
{
  GString *text = g_string_new (NULL);
  for (guint w = 0; w < length_words; w++)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, (w + 1) % 40 == 0 ? '\n' : ' ');
    }
  return g_string_free (text, FALSE);
}

HshStore *
hsh_test_make_corpus_project (const char *path, guint documents, guint per_document,
                              const char *uuid, const char *name, guint seed)
{
  static const char *const labels[] = { "Actor/State", "Actor/Person", "Claim", "Date" };
  g_autoptr(GRand) texts = g_rand_new_with_seed (seed);
  g_autoptr(GRand) spans = g_rand_new_with_seed (seed ^ g_str_hash (uuid));
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;
  HshStore *store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (hsh_store_set_annotator (store, uuid, name, &error));
  g_assert_true (hsh_store_install_default_codebook (store, &error));
  for (guint d = 0; d < documents; d++)
    {
      g_autofree char *text = generated_text (texts, 40 + per_document * 2);
      g_autofree char *title = g_strdup_printf ("document %u", d + 1);
      HshBundle *bundle = hsh_bundle_new (title, text);
      glong length = g_utf8_strlen (text, -1);

      for (guint a = 0; a < per_document; a++)
        {
          g_autofree char *key = g_strdup_printf ("T%u", a + 1);
          gint64 start = g_rand_int_range (spans, 0, (gint32) length - 12);
          HshSpan *span = hsh_bundle_add_span (bundle, key, labels[a % G_N_ELEMENTS (labels)], start,
                                               start + g_rand_int_range (spans, 1, 12));
          span->annotator = g_strdup (name);
          span->annotator_uuid = g_strdup (uuid);
          if (a % 4 == 2)
            hsh_span_set_attribute (span, "stance", "demand");
          if (a % 4 == 2 && a > 0)
            {
              g_autofree char *speaker = g_strdup_printf ("T%u", a);
              hsh_bundle_add_role (bundle, key, "speaker", speaker);
            }
        }
      g_ptr_array_add (bundles, bundle);
    }
  g_assert_true (hsh_store_import_bundles (store, bundles, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

char *
hsh_test_read_file (const char *path)
{
  char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

HshBundle *
hsh_test_arabic_synthetic_bundle (void)
{
  g_autofree char *path = hsh_test_shared_path ("formats/arabic-synthetic/offsets_table.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *spans;
  HshBundle *bundle;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  bundle = hsh_bundle_new ("arabic", json_object_get_string_member (root, "text"));
  spans = json_object_get_array_member (root, "spans");
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);
      JsonArray *range = json_object_get_array_member (span, "codepoint");
      g_autofree char *key = g_strdup_printf ("T%u", i + 1);
      hsh_bundle_add_span (bundle, key, json_object_get_string_member (span, "label"),
                           json_array_get_int_element (range, 0), json_array_get_int_element (range, 1));
    }
  return bundle;
}
