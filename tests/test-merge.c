/* test-merge.c: two and three coders exchanging project files — merge counts, idempotence,
 * order independence, tombstones, conflicts kept and resolved, interrupted merges. */
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include "hsh-merge.h"
#include "hsh-model.h"
#include "hsh-oplog.h"
#include "hsh-publish.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"

#define LEAD  "11111111-1111-4111-8111-111111111111"
#define LAYLA "22222222-2222-4222-8222-222222222222"
#define OMAR  "33333333-3333-4333-8333-333333333333"
#define SARA  "44444444-4444-4444-8444-444444444444"

typedef struct {
  char *dir;
  char *base;   /* the sample the lead hands out */
} Fixture;

static void
checkpoint (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = hsh_test_scratch_dir ();
  f->base = g_build_filename (f->dir, "base.hashiya", NULL);
  g_assert_true (hsh_sample_create (f->base, NULL));
  checkpoint (f->base);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->base);
  g_free (f->dir);
}

/* A coder's own copy of the handed-out project, opened as that coder. */
static HshStore *
coder_copy (Fixture *f, const char *name, const char *uuid, char **path_out)
{
  g_autofree char *file = g_strdup_printf ("%s.hashiya", name);
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(GError) error = NULL;
  HshStore *store;

  hsh_test_copy_file (f->base, path);
  store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hsh_store_set_annotator (store, uuid, name, &error));
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static gint64
label (HshStore *store, const char *path)
{
  g_autoptr(HshCodebook) book = hsh_store_load_codebook (store, NULL);
  return hsh_codebook_label_by_path (book, path)->id;
}

static gint64
tag (HshStore *store, gint64 start, gint64 end, const char *label_path)
{
  HshRange range = { start, end };
  g_autoptr(GError) error = NULL;
  gint64 id = hsh_store_create_annotation (store, 1, label (store, label_path), &range, 1, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
find (HshStore *store, gint64 start, gint64 end)
{
  g_autoptr(GPtrArray) all = hsh_store_list_annotations (store, 1, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      HshAnnotation *a = g_ptr_array_index (all, i);
      if (hsh_annotation_start (a) == start && hsh_annotation_end (a) == end)
        return a->id;
    }
  return 0;
}

/* Everything a person would see of the annotations, in a canonical order. */
static char *
fingerprint (HshStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  sqlite3_open_v2 (hsh_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db,
    "SELECT a.uuid, a.deleted, a.text, l.uuid, a.ranges, "
    "(SELECT group_concat(v.value) FROM attribute_value v WHERE v.annotation_id = a.id AND v.deleted = 0) "
    "FROM annotation a JOIN label l ON l.id = a.label_id ORDER BY a.uuid", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 6; c++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, c), c == 5 ? '\n' : '|');
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT table_name, row_uuid, version FROM conflict ORDER BY row_uuid, version", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "conflict %s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static HshMergeSummary *
merge (HshStore *into, const char *path)
{
  g_autoptr(GError) error = NULL;
  HshMergeSummary *summary = hsh_store_merge (into, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
test_two_coders_merge_counts_and_idempotence (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL;
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, NULL);
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(HshMergeSummary) first = NULL;
  g_autoptr(HshMergeSummary) again = NULL;
  g_autofree char *before = NULL, *after = NULL, *said = NULL;
  g_autoptr(GError) error = NULL;

  tag (layla, 183, 190, "Actor/State");             /* «الجزائر» in «والجزائر» */
  tag (layla, 2480, 2485, "Actor/State");           /* «تركيا» */
  g_assert_true (hsh_store_set_annotation_label (layla, find (layla, 2681, 2686), label (layla, "Actor/Government"), &error));
  g_assert_true (hsh_store_delete_annotation (layla, find (layla, 2808, 2813), &error));   /* «فاجنر» */
  g_clear_object (&layla);

  first = merge (lead, layla_path);
  g_assert_cmpuint (first->annotations_added, ==, 2);
  g_assert_cmpuint (first->annotations_updated, ==, 2);
  g_assert_cmpuint (first->conflicts, ==, 0);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (first->by_coder, "Layla")), ==, 4);
  said = hsh_merge_summary_describe (first);
  g_assert_cmpstr (said, ==, "4 annotations from Layla");
  g_assert_cmpint (find (lead, 183, 190), >, 0);
  g_assert_cmpint (find (lead, 2808, 2813), ==, 0);   /* the deletion travelled as a tombstone */

  before = fingerprint (lead);
  again = merge (lead, layla_path);
  after = fingerprint (lead);
  g_assert_cmpuint (again->rows_added + again->rows_updated + again->conflicts, ==, 0);
  g_assert_cmpstr (before, ==, after);
}

static void
test_concurrent_edits_are_kept_as_conflict (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL, *omar_path = NULL;
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, NULL);
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(HshStore) omar = coder_copy (f, "Omar", OMAR, &omar_path);
  g_autoptr(HshMergeSummary) a = NULL, b = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ankara;

  /* Both relabel «أنقرة»; Omar does it later. */
  g_assert_true (hsh_store_set_annotation_label (layla, find (layla, 2681, 2686), label (layla, "Actor/Government"), &error));
  g_usleep (5000);
  g_assert_true (hsh_store_set_annotation_label (omar, find (omar, 2681, 2686), label (omar, "Actor/Collective"), &error));
  g_clear_object (&layla);
  g_clear_object (&omar);

  a = merge (lead, layla_path);
  b = merge (lead, omar_path);
  g_assert_cmpuint (b->conflicts, ==, 1);
  ankara = find (lead, 2681, 2686);
  {
    g_autoptr(HshAnnotation) kept = hsh_store_get_annotation (lead, ankara, NULL);
    g_assert_cmpint (kept->label_id, ==, label (lead, "Actor/Collective"));   /* the later edit */
  }
  conflicts = hsh_store_list_conflicts (lead, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((HshConflict *) g_ptr_array_index (conflicts, 0))->table, ==, "annotation");
  {
    /* The listed version is Layla's: her label, named by UUID so it means the same in any file. */
    g_autoptr(HshCodebook) book = hsh_store_load_codebook (lead, NULL);
    g_autofree char *expected = g_strdup_printf ("\"label_id\":{\"uuid\":\"%s\"}",
                                                 hsh_codebook_label_by_path (book, "Actor/Government")->uuid);
    g_assert_nonnull (strstr (((HshConflict *) g_ptr_array_index (conflicts, 0))->version, expected));
  }

  /* Taking the listed version brings Layla's label back, and merging again raises nothing. */
  g_assert_true (hsh_store_resolve_conflict (lead, ((HshConflict *) g_ptr_array_index (conflicts, 0))->id, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HshAnnotation) resolved = hsh_store_get_annotation (lead, ankara, NULL);
    g_autoptr(GPtrArray) open = hsh_store_list_conflicts (lead, NULL);
    g_autoptr(HshMergeSummary) again_a = merge (lead, layla_path);
    g_autoptr(HshMergeSummary) again_b = merge (lead, omar_path);
    g_assert_cmpint (resolved->label_id, ==, label (lead, "Actor/Government"));
    g_assert_cmpuint (open->len, ==, 0);
    g_assert_cmpuint (again_a->conflicts + again_b->conflicts + again_a->rows_updated + again_b->rows_updated, ==, 0);
  }
  /* The resolution is one undoable step. */
  g_assert_true (hsh_store_undo (lead, NULL, NULL, &error));
  {
    g_autoptr(HshAnnotation) undone = hsh_store_get_annotation (lead, ankara, NULL);
    g_assert_cmpint (undone->label_id, ==, label (lead, "Actor/Collective"));
  }
}

static void
test_merge_order_does_not_matter (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL, *omar_path = NULL;
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(HshStore) omar = coder_copy (f, "Omar", OMAR, &omar_path);
  g_autoptr(HshStore) lead1 = coder_copy (f, "Lead1", LEAD, NULL);
  g_autoptr(HshStore) lead2 = coder_copy (f, "Lead2", LEAD, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL, *two = NULL;

  tag (layla, 183, 190, "Actor/State");
  g_assert_true (hsh_store_set_annotation_label (layla, find (layla, 2681, 2686), label (layla, "Actor/Government"), &error));
  g_assert_true (hsh_store_delete_annotation (layla, find (layla, 74, 79), &error));
  tag (omar, 2480, 2485, "Actor/State");
  g_usleep (5000);
  g_assert_true (hsh_store_set_annotation_label (omar, find (omar, 2681, 2686), label (omar, "Actor/Collective"), &error));
  g_clear_object (&layla);
  g_clear_object (&omar);

  hsh_merge_summary_free (merge (lead1, layla_path));
  hsh_merge_summary_free (merge (lead1, omar_path));
  hsh_merge_summary_free (merge (lead2, omar_path));
  hsh_merge_summary_free (merge (lead2, layla_path));
  one = fingerprint (lead1);
  two = fingerprint (lead2);
  g_assert_cmpstr (one, ==, two);
}

static void
test_codebook_edits_conflict_too (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL, *omar_path = NULL;
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, NULL);
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(HshStore) omar = coder_copy (f, "Omar", OMAR, &omar_path);
  g_autoptr(HshMergeSummary) a = NULL, b = NULL;
  sqlite3 *db;

  /* Codebook edits come from the codebook editor; here they are made as it would, with a bump. */
  db = NULL;
  g_clear_object (&layla);
  g_clear_object (&omar);
  sqlite3_open (layla_path, &db);
  sqlite3_exec (db, "UPDATE label SET color = '#ff0000', modified = modified + 10, revision = revision + 1, "
                    "versions = '{\"" LAYLA "\":1}' WHERE name = 'Claim'", NULL, NULL, NULL);
  sqlite3_close (db);
  sqlite3_open (omar_path, &db);
  sqlite3_exec (db, "UPDATE label SET color = '#00ff00', modified = modified + 20, revision = revision + 1, "
                    "versions = '{\"" OMAR "\":1}' WHERE name = 'Claim'", NULL, NULL, NULL);
  sqlite3_close (db);
  a = merge (lead, layla_path);
  b = merge (lead, omar_path);
  g_assert_cmpuint (a->conflicts, ==, 0);
  g_assert_cmpuint (b->conflicts, ==, 1);
  {
    g_autoptr(HshCodebook) book = hsh_store_load_codebook (lead, NULL);
    g_assert_cmpstr (hsh_codebook_label_by_path (book, "Claim")->color, ==, "#00ff00");
  }
}

static void
test_new_documents_arrive_by_text_identity (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL;
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, NULL);
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GPtrArray) bundles2 = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(HshMergeSummary) summary = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  /* Both import the same text on their own: two UUIDs, one SHA-256, one document after merging. */
  g_ptr_array_add (bundles, hsh_bundle_new ("بيان", "وقال المتحدث إن الاتفاق صامد."));
  g_ptr_array_add (bundles2, hsh_bundle_new ("بيان", "وقال المتحدث إن الاتفاق صامد."));
  g_ptr_array_add (bundles, hsh_bundle_new ("خبر", "انسحب 300 مرتزق."));
  g_assert_true (hsh_store_import_bundles (layla, bundles, NULL, NULL, NULL));
  g_assert_true (hsh_store_import_bundles (lead, bundles2, NULL, NULL, NULL));
  g_clear_object (&layla);
  summary = merge (lead, layla_path);
  g_assert_cmpuint (summary->documents_added, ==, 1);
  documents = hsh_store_list_documents (lead, NULL);
  g_assert_cmpuint (documents->len, ==, 3);
}

static void
test_interrupted_merge_leaves_target_as_it_was (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL, *lead_path = NULL;
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, &lead_path);
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (lead);
  g_autofree char *after = NULL;

  tag (layla, 183, 190, "Actor/State");
  g_clear_object (&layla);
  g_cancellable_cancel (cancellable);
  g_assert_null (hsh_store_merge (lead, layla_path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = fingerprint (lead);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_hostile_source_and_itself (Fixture *f, gconstpointer data)
{
  g_autofree char *layla_path = NULL, *lead_path = NULL;
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, &lead_path);
  g_autoptr(HshStore) layla = coder_copy (f, "Layla", LAYLA, &layla_path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&layla);
  checkpoint (layla_path);
  sqlite3_open (layla_path, &db);
  sqlite3_exec (db, "CREATE TRIGGER t AFTER INSERT ON note BEGIN DELETE FROM document; END", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_null (hsh_store_merge (lead, layla_path, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_UNTRUSTED);
  g_clear_error (&error);
  g_assert_null (hsh_store_merge (lead, lead_path, NULL, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_three_coders_through_shared_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autoptr(HshStore) lead = coder_copy (f, "Lead", LEAD, NULL);
  const char *names[] = { "Layla", "Omar", "Sara" };
  const char *uuids[] = { LAYLA, OMAR, SARA };
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  guint added = 0;

  g_mkdir (shared, 0700);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HshStore) coder = coder_copy (f, names[i], uuids[i], NULL);
      g_autofree char *published = NULL;
      tag (coder, 183, 190, "Actor/State");          /* all three agree on this one */
      tag (coder, 2480 + i, 2485, "Actor/State");    /* and differ on this one */
      published = hsh_store_publish (coder, shared, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_test (published, G_FILE_TEST_EXISTS));
    }
  /* A half-written snapshot of someone else is never picked up. */
  g_file_set_contents (g_build_filename (shared, ".Nadia-deadbeef.hashiya.1234.partial", NULL), "SQLite", -1, NULL);
  summaries = hsh_store_collect (lead, shared, failures, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_cmpuint (failures->len, ==, 0);
  for (guint i = 0; i < summaries->len; i++)
    added += ((HshMergeSummary *) g_ptr_array_index (summaries, i))->annotations_added;
  g_assert_cmpuint (added, ==, 6);
  annotations = hsh_store_list_annotations (lead, 1, NULL);
  g_assert_cmpuint (annotations->len, ==, 37 + 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/merge/two-coders/counts-and-idempotence", test_two_coders_merge_counts_and_idempotence);
  ADD ("/merge/two-coders/concurrent-edits-are-kept-as-conflict", test_concurrent_edits_are_kept_as_conflict);
  ADD ("/merge/two-coders/order-does-not-matter", test_merge_order_does_not_matter);
  ADD ("/merge/codebook/edits-conflict-too", test_codebook_edits_conflict_too);
  ADD ("/merge/documents/arrive-by-text-identity", test_new_documents_arrive_by_text_identity);
  ADD ("/merge/safety/interrupted-merge-leaves-target-as-it-was", test_interrupted_merge_leaves_target_as_it_was);
  ADD ("/merge/safety/refuses-hostile-source-and-itself", test_refuses_hostile_source_and_itself);
  ADD ("/merge/three-coders/through-shared-folder", test_three_coders_through_shared_folder);
  return g_test_run ();
}
