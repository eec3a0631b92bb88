/* test-model.c: annotating through the model — create, resize, relabel, attributes, roles,
 * delete — and undo/redo of every one, across a reopening of the project. */
#include <sqlite3.h>
#include <string.h>
#include "hsh-model.h"
#include "hsh-oplog.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"

#define CODER_UUID "0b7f2c2e-6f0e-4a55-9d51-3f1f0e7f4c11"

typedef struct {
  char *path;
  HshStore *store;
  HshCodebook *book;
  gint64 document;
} Fixture;

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_clear_object (&f->store);
  g_clear_pointer (&f->book, hsh_codebook_free);
  f->store = hsh_store_open (f->path, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hsh_store_set_annotator (f->store, CODER_UUID, "Layla", &error));
  f->book = hsh_store_load_codebook (f->store, &error);
  g_assert_no_error (error);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  f->path = g_build_filename (dir, "sample.hashiya", NULL);
  g_assert_true (hsh_sample_create (f->path, NULL));
  reopen (f);
  f->document = 1;
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->book, hsh_codebook_free);
  g_clear_object (&f->store);
  g_free (f->path);
}

static gint64
label (Fixture *f, const char *path)
{
  HshLabel *found = hsh_codebook_label_by_path (f->book, path);
  g_assert_nonnull (found);
  return found->id;
}

static guint
count_annotations (Fixture *f)
{
  g_autoptr(GPtrArray) all = hsh_store_list_annotations (f->store, f->document, NULL);
  return all->len;
}

static void
test_tag_inside_a_word_stores_exact_text (Fixture *f, gconstpointer data)
{
  /* «الجزائر» inside «والجزائر» (181–190): the clitic و stays outside. */
  HshRange range = { 183, 190 };
  g_autoptr(GError) error = NULL;
  gint64 id = hsh_store_create_annotation (f->store, f->document, label (f, "Actor/State"), &range, 1, &error);
  g_autoptr(HshAnnotation) stored = NULL;

  g_assert_no_error (error);
  stored = hsh_store_get_annotation (f->store, id, &error);
  g_assert_cmpstr (stored->text, ==, "الجزائر");
  g_assert_cmpint (stored->author_id, ==, hsh_store_get_annotator_id (f->store));
  g_assert_cmpuint (count_annotations (f), ==, 38);
}

static void
test_refuses_ranges_outside_the_text (Fixture *f, gconstpointer data)
{
  HshRange range = { 5960, 7000 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hsh_store_create_annotation (f->store, f->document, label (f, "Claim"), &range, 1, &error), ==, 0);
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_assert_cmpuint (count_annotations (f), ==, 37);
}

static void
test_discontinuous_span_joins_fragments (Fixture *f, gconstpointer data)
{
  HshRange ranges[] = { { 2572, 2577 }, { 2579, 2584 } };  /* «روسيا» … «تركيا» */
  g_autoptr(GError) error = NULL;
  gint64 id = hsh_store_create_annotation (f->store, f->document, label (f, "Actor/Collective"), ranges, 2, &error);
  g_autoptr(HshAnnotation) stored = hsh_store_get_annotation (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (stored->ranges->len, ==, 2);
  g_assert_cmpstr (stored->text, ==, "روسيا تركيا");
}

static void
test_undo_and_redo_every_kind_of_change (Fixture *f, gconstpointer data)
{
  HshRange range = { 2681, 2686 };   /* «أنقرة» */
  HshRange wider = { 2678, 2686 };
  g_autoptr(GError) error = NULL;
  gint64 id = hsh_store_create_annotation (f->store, f->document, label (f, "Actor/Person"), &range, 1, &error);
  g_autoptr(HshAnnotation) after = NULL;
  g_autofree char *what = NULL;
  gint64 touched = 0;

  g_assert_true (hsh_store_set_annotation_label (f->store, id, label (f, "Actor/State"), &error));
  g_assert_true (hsh_store_set_annotation_ranges (f->store, id, &wider, 1, &error));
  g_assert_true (hsh_store_delete_annotation (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (f), ==, 37);

  /* Undo survives closing and reopening the project. */
  reopen (f);
  g_assert_true (hsh_store_can_undo (f->store));
  g_assert_true (hsh_store_undo (f->store, &touched, &what, &error));
  g_assert_cmpint (touched, ==, f->document);
  g_assert_true (g_str_has_prefix (what, "Delete"));
  g_assert_cmpuint (count_annotations (f), ==, 38);
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));   /* the resize */
  after = hsh_store_get_annotation (f->store, id, &error);
  g_assert_cmpstr (after->text, ==, "أنقرة");
  g_assert_cmpint (after->label_id, ==, label (f, "Actor/State"));
  g_clear_pointer (&after, hsh_annotation_free);
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));   /* the relabel */
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));   /* the creation */
  g_assert_cmpuint (count_annotations (f), ==, 37);

  g_assert_true (hsh_store_redo (f->store, NULL, NULL, &error));
  g_assert_true (hsh_store_redo (f->store, NULL, NULL, &error));
  after = hsh_store_get_annotation (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->label_id, ==, label (f, "Actor/State"));
  g_assert_cmpint (after->revision, >, 3);

  /* A new change forgets what could be redone. */
  g_assert_true (hsh_store_set_annotation_note (f->store, id, "العاصمة تمثل تركيا", &error));
  g_assert_false (hsh_store_can_redo (f->store));
}

static void
test_attributes_validate_and_undo (Fixture *f, gconstpointer data)
{
  HshRange range = { 2368, 2412 };
  g_autoptr(GError) error = NULL;
  gint64 id = hsh_store_create_annotation (f->store, f->document, label (f, "Commitment"), &range, 1, &error);
  g_autoptr(GPtrArray) attributes = hsh_codebook_attributes_for (f->book, label (f, "Commitment"));
  gint64 quantity = 0, status = 0;
  g_autoptr(GHashTable) values = NULL;

  for (guint i = 0; i < attributes->len; i++)
    {
      HshAttributeDef *def = g_ptr_array_index (attributes, i);
      if (g_str_equal (def->name, "quantity"))
        quantity = def->id;
      if (g_str_equal (def->name, "status"))
        status = def->id;
    }
  g_assert_false (hsh_store_set_attribute_value (f->store, id, quantity, "three hundred", &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (hsh_store_set_attribute_value (f->store, id, status, "promised", &error));
  g_clear_error (&error);
  g_assert_true (hsh_store_set_attribute_value (f->store, id, quantity, "300", &error));
  g_assert_true (hsh_store_set_attribute_value (f->store, id, status, "pledged", &error));
  g_assert_true (hsh_store_set_attribute_value (f->store, id, status, "fulfilled", &error));
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));
  values = hsh_store_get_attribute_values (f->store, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (values, &status), ==, "pledged");
  g_assert_cmpstr (g_hash_table_lookup (values, &quantity), ==, "300");
}

static void
test_roles_check_target_label (Fixture *f, gconstpointer data)
{
  HshRange claim_range = { 1142, 1177 }, actor_range = { 1109, 1120 }, date_range = { 3, 12 };
  g_autoptr(GError) error = NULL;
  gint64 claim = hsh_store_create_annotation (f->store, f->document, label (f, "Claim"), &claim_range, 1, &error);
  gint64 actor = hsh_store_create_annotation (f->store, f->document, label (f, "Actor/Person"), &actor_range, 1, &error);
  gint64 date = hsh_store_create_annotation (f->store, f->document, label (f, "Date"), &date_range, 1, &error);
  g_autoptr(GPtrArray) roles = hsh_codebook_roles_for (f->book, label (f, "Claim"));
  gint64 speaker = 0, link;

  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (((HshRoleDef *) g_ptr_array_index (roles, i))->name, "speaker"))
      speaker = ((HshRoleDef *) g_ptr_array_index (roles, i))->id;
  g_assert_cmpint (hsh_store_add_role_link (f->store, claim, speaker, date, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "must be tagged Actor"));
  g_clear_error (&error);
  link = hsh_store_add_role_link (f->store, claim, speaker, actor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link, >, 0);
  reopen (f);
  {
    g_autoptr(GPtrArray) links = hsh_store_list_role_links (f->store, f->document, NULL);
    g_assert_cmpuint (links->len, ==, 8);
  }
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));
  {
    g_autoptr(GPtrArray) links = hsh_store_list_role_links (f->store, f->document, NULL);
    g_assert_cmpuint (links->len, ==, 7);
  }
}

static void
test_hostile_operation_log_is_refused (Fixture *f, gconstpointer data)
{
  HshRange range = { 74, 79 };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  hsh_store_create_annotation (f->store, f->document, label (f, "Actor/State"), &range, 1, &error);
  g_clear_object (&f->store);
  /* A colleague's file whose log names a column that is really an SQL injection. */
  sqlite3_open (f->path, &db);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE operation SET changes = '[{\"table\":\"annotation\",\"id\":1,"
                                     "\"before\":{\"deleted = 1; DROP TABLE document; --\":0},\"after\":null}]'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  reopen (f);
  g_assert_false (hsh_store_undo (f->store, NULL, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_UNTRUSTED);
  g_assert_cmpuint (count_annotations (f), ==, 38);
}

static void
test_uuids_are_valid_and_ordered (void)
{
  g_autofree char *previous = NULL;

  for (int i = 0; i < 5000; i++)
    {
      char *uuid = hsh_uuid_new ();
      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_cmpint (uuid[14], ==, '7');
      g_assert_true (strchr ("89ab", uuid[19]) != NULL);
      if (previous != NULL)
        g_assert_cmpstr (previous, <, uuid);
      g_free (previous);
      previous = uuid;
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/model/annotate/tag-inside-a-word-stores-exact-text", test_tag_inside_a_word_stores_exact_text);
  ADD ("/model/annotate/refuses-ranges-outside-the-text", test_refuses_ranges_outside_the_text);
  ADD ("/model/annotate/discontinuous-span-joins-fragments", test_discontinuous_span_joins_fragments);
  ADD ("/model/undo/undo-and-redo-every-kind-of-change", test_undo_and_redo_every_kind_of_change);
  ADD ("/model/attributes/validate-and-undo", test_attributes_validate_and_undo);
  ADD ("/model/roles/check-target-label", test_roles_check_target_label);
  ADD ("/model/undo/hostile-operation-log-is-refused", test_hostile_operation_log_is_refused);
  g_test_add_func ("/model/identity/uuids-are-valid-and-ordered", test_uuids_are_valid_and_ordered);
  return g_test_run ();
}
