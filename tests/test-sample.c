/* test-sample.c: the sample project holds the worked example exactly — every annotation's
 * offsets, covered text and label, every role link — compared with the file in ../shared. */
#include <json-glib/json-glib.h>
#include "hsh-model.h"
#include "hsh-sample.h"
#include "hsh-text.h"
#include "hsh-test-support.h"

typedef struct {
  char *dir;
  char *path;
  HshStore *store;
  gint64 document;
  JsonObject *example;
  JsonParser *parser;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *example = hsh_test_shared_path ("samples/paris-libya-2021-11-12.example.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  f->dir = hsh_test_scratch_dir ();
  f->path = g_build_filename (f->dir, "sample.hashiya", NULL);
  g_assert_true (hsh_sample_create (f->path, &error));
  g_assert_no_error (error);
  f->store = hsh_store_open (f->path, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  documents = hsh_store_list_documents (f->store, &error);
  g_assert_cmpuint (documents->len, ==, 1);
  f->document = ((HshDocument *) g_ptr_array_index (documents, 0))->id;
  f->parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (f->parser, example, &error));
  f->example = json_node_get_object (json_parser_get_root (f->parser));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->parser);
  g_object_unref (f->store);
  g_free (f->path);
  g_free (f->dir);
}

static HshAnnotation *
find_at (GPtrArray *annotations, gint64 start, gint64 end, gint64 label_id)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      HshAnnotation *a = g_ptr_array_index (annotations, i);
      if (hsh_annotation_start (a) == start && hsh_annotation_end (a) == end && a->label_id == label_id)
        return a;
    }
  return NULL;
}

static void
test_text_is_the_article_unchanged (Fixture *f, gconstpointer data)
{
  g_autofree char *article = hsh_test_shared_path ("samples/paris-libya-2021-11-12.ar.txt");
  g_autofree char *expected = NULL;
  g_autofree char *text = hsh_store_get_document_text (f->store, f->document, NULL);
  g_autoptr(HshDocument) document = hsh_store_get_document (f->store, f->document, NULL);
  g_autofree char *sha = hsh_text_sha256 (text);

  g_assert_true (g_file_get_contents (article, &expected, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (document->sha256, ==, sha);
  g_assert_cmpint (document->length, ==, g_utf8_strlen (expected, -1));
}

static void
test_every_annotation_matches_the_example (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) annotations = hsh_store_list_annotations (f->store, f->document, NULL);
  g_autoptr(HshCodebook) book = hsh_store_load_codebook (f->store, NULL);
  JsonArray *expected = json_object_get_array_member (f->example, "annotations");

  g_assert_cmpuint (json_array_get_length (expected), ==, 37);
  g_assert_cmpuint (annotations->len, ==, 37);
  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      HshLabel *label = hsh_codebook_label_by_path (book, json_object_get_string_member (e, "label"));
      HshAnnotation *found;

      g_assert_nonnull (label);
      found = find_at (annotations, json_object_get_int_member (e, "start"), json_object_get_int_member (e, "end"), label->id);
      g_assert_nonnull (found);
      g_assert_cmpuint (found->ranges->len, ==, 1);
      g_assert_cmpstr (found->text, ==, json_object_get_string_member (e, "text"));
    }
}

static void
test_attributes_and_actors_came_along (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) annotations = hsh_store_list_annotations (f->store, f->document, NULL);
  g_autoptr(HshCodebook) book = hsh_store_load_codebook (f->store, NULL);
  HshLabel *commitment = hsh_codebook_label_by_path (book, "Commitment");
  HshLabel *armed = hsh_codebook_label_by_path (book, "Actor/Armed group");
  HshAnnotation *pledge = find_at (annotations, 2368, 2412, commitment->id);
  HshAnnotation *eastern = find_at (annotations, 2375, 2389, armed->id);
  g_autoptr(GHashTable) values = hsh_store_get_attribute_values (f->store, pledge->id, NULL);
  g_autoptr(HshActor) actor = NULL;
  gboolean saw_quantity = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HshAttributeDef *def = hsh_codebook_attribute (book, *(gint64 *) key);
      if (g_str_equal (def->name, "quantity"))
        {
          saw_quantity = TRUE;
          g_assert_cmpstr (value, ==, "300");
          g_assert_cmpint (def->type, ==, HSH_ATTRIBUTE_NUMBER);
        }
      if (g_str_equal (def->name, "status"))
        g_assert_cmpstr (value, ==, "pledged");
    }
  g_assert_true (saw_quantity);
  g_assert_cmpint (eastern->actor_id, >, 0);
  actor = hsh_store_get_actor (f->store, eastern->actor_id, NULL);
  g_assert_cmpstr (actor->name, ==, "Eastern forces (LNA)");
}

static void
test_role_links_match_the_example (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) links = hsh_store_list_role_links (f->store, f->document, NULL);
  g_autoptr(GPtrArray) annotations = hsh_store_list_annotations (f->store, f->document, NULL);
  g_autoptr(HshCodebook) book = hsh_store_load_codebook (f->store, NULL);
  JsonArray *expected = json_object_get_array_member (f->example, "roles");
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *spans = json_object_get_array_member (f->example, "annotations");

  g_assert_cmpuint (links->len, ==, 7);
  /* Describe each link by its ends' offsets and the role's name, on both sides. */
  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *r = json_array_get_object_element (expected, i);
      gint64 s = -1, t = -1;
      for (guint k = 0; k < json_array_get_length (spans); k++)
        {
          JsonObject *a = json_array_get_object_element (spans, k);
          if (g_str_equal (json_object_get_string_member (a, "id"), json_object_get_string_member (r, "source")))
            s = json_object_get_int_member (a, "start");
          if (g_str_equal (json_object_get_string_member (a, "id"), json_object_get_string_member (r, "target")))
            t = json_object_get_int_member (a, "start");
        }
      g_hash_table_add (wanted, g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT, s,
                                                 json_object_get_string_member (r, "role"), t));
    }
  for (guint i = 0; i < links->len; i++)
    {
      HshRoleLink *link = g_ptr_array_index (links, i);
      HshRoleDef *role = hsh_codebook_role (book, link->role_id);
      gint64 s = -1, t = -1;
      g_autofree char *key = NULL;
      for (guint k = 0; k < annotations->len; k++)
        {
          HshAnnotation *a = g_ptr_array_index (annotations, k);
          if (a->id == link->source_id)
            s = hsh_annotation_start (a);
          if (a->id == link->target_id)
            t = hsh_annotation_start (a);
        }
      key = g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT, s, role->name, t);
      g_assert_true (g_hash_table_remove (wanted, key));
    }
  g_assert_cmpuint (g_hash_table_size (wanted), ==, 0);
}

static void
test_check_finds_no_problems (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (hsh_store_check (f->store, problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_refuses_to_overwrite (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_assert_false (hsh_sample_create (f->path, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_FAILED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/sample/text-is-the-article-unchanged", test_text_is_the_article_unchanged);
  ADD ("/sample/every-annotation-matches-the-example", test_every_annotation_matches_the_example);
  ADD ("/sample/attributes-and-actors-came-along", test_attributes_and_actors_came_along);
  ADD ("/sample/role-links-match-the-example", test_role_links_match_the_example);
  ADD ("/sample/check-finds-no-problems", test_check_finds_no_problems);
  ADD ("/sample/refuses-to-overwrite", test_refuses_to_overwrite);
  return g_test_run ();
}
