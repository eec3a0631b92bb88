/* hsh-test-team.c: a sample project coded by two coders, Layla as the sample has it and Omar
 * with deliberate disagreements, for the agreement and adjudication tests. */
#include "hsh-test-team.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"

const HshTeamEdit hsh_team_omar_edits[] = {
  { "Date", 3, NULL, -1, NULL, NULL, NULL },
  { "Actor/State", 74, "Actor/Person", 0, NULL, NULL, NULL },
  { "Claim", 474, NULL, 600, "stance", "support", NULL },
  { "Commitment", 2368, NULL, 0, "quantity", NULL, NULL },
  { "Claim", 2528, NULL, 0, NULL, NULL, "speaker" },
  { NULL }
};

const HshTeamEdit hsh_team_no_edits[] = { { NULL } };

void
hsh_team_set_up (HshTeamFixture *f, gconstpointer data)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (dir, "team.hashiya", NULL);
  g_assert_true (hsh_sample_create (f->path, NULL));
  f->store = hsh_store_open (f->path, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->book = hsh_store_load_codebook (f->store, &error);
  g_assert_no_error (error);
}

void
hsh_team_tear_down (HshTeamFixture *f, gconstpointer data)
{
  g_clear_pointer (&f->book, hsh_codebook_free);
  g_clear_object (&f->store);
  g_free (f->path);
}

gint64
hsh_team_label_id (HshTeamFixture *f, const char *path)
{
  HshLabel *label = hsh_codebook_label_by_path (f->book, path);
  g_assert_nonnull (label);
  return label->id;
}

static const HshTeamEdit *
find_edit (HshTeamFixture *f, const HshTeamEdit *edits, const HshAnnotation *annotation)
{
  for (guint i = 0; edits[i].label != NULL; i++)
    if (hsh_team_label_id (f, edits[i].label) == annotation->label_id && hsh_annotation_start (annotation) == edits[i].start)
      return &edits[i];
  return NULL;
}

static gint64
copy_annotation (HshTeamFixture *f, const HshAnnotation *original, const HshTeamEdit *edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = hsh_store_get_attribute_values (f->store, original->id, &error);
  HshRange range = { hsh_annotation_start (original), edit != NULL && edit->new_end > 0 ? edit->new_end : hsh_annotation_end (original) };
  gint64 label = edit != NULL && edit->new_label != NULL ? hsh_team_label_id (f, edit->new_label) : original->label_id;
  gint64 id = hsh_store_create_annotation (f->store, original->document_id, label, &range, 1, &error);
  GHashTableIter iter;
  gpointer attribute, value;

  g_assert_no_error (error);
  if (original->actor_id != 0)
    g_assert_true (hsh_store_set_annotation_actor (f->store, id, original->actor_id, NULL));
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &attribute, &value))
    g_assert_true (hsh_store_set_attribute_value (f->store, id, *(gint64 *) attribute, value, NULL));
  if (edit != NULL && edit->attribute != NULL)
    {
      GPtrArray *definitions = hsh_codebook_attributes_for (f->book, label);
      for (guint i = 0; i < definitions->len; i++)
        {
          HshAttributeDef *definition = g_ptr_array_index (definitions, i);
          if (g_str_equal (definition->name, edit->attribute))
            g_assert_true (hsh_store_set_attribute_value (f->store, id, definition->id, edit->value, NULL));
        }
      g_ptr_array_unref (definitions);
    }
  return id;
}

static gboolean
role_dropped (HshTeamFixture *f, const HshTeamEdit *edit, gint64 role_id)
{
  return edit != NULL && edit->dropped_role != NULL &&
         g_str_equal (hsh_codebook_role (f->book, role_id)->name, edit->dropped_role);
}

/* The sample's annotations (which carry no annotator) made again by @name, with @edits. */
void
hsh_team_code_sample (HshTeamFixture *f, const char *uuid, const char *name, const HshTeamEdit *edits)
{
  g_autoptr(GPtrArray) originals = hsh_store_list_annotations (f->store, 1, NULL);
  g_autoptr(GPtrArray) links = hsh_store_list_role_links (f->store, 1, NULL);
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  g_assert_true (hsh_store_set_annotator (f->store, uuid, name, NULL));
  for (guint i = 0; i < originals->len; i++)
    {
      HshAnnotation *original = g_ptr_array_index (originals, i);
      const HshTeamEdit *edit = find_edit (f, edits, original);
      if (original->author_id != 0 || (edit != NULL && edit->new_end < 0))
        continue;
      g_hash_table_insert (copies, &original->id, g_memdup2 ((gint64[]) { copy_annotation (f, original, edit) }, sizeof (gint64)));
    }
  for (guint i = 0; i < links->len; i++)
    {
      HshRoleLink *link = g_ptr_array_index (links, i);
      gint64 *source = g_hash_table_lookup (copies, &link->source_id), *target = g_hash_table_lookup (copies, &link->target_id);
      HshAnnotation *original = NULL;
      for (guint k = 0; k < originals->len; k++)
        if (((HshAnnotation *) g_ptr_array_index (originals, k))->id == link->source_id)
          original = g_ptr_array_index (originals, k);
      if (source != NULL && target != NULL && !role_dropped (f, find_edit (f, edits, original), link->role_id))
        g_assert_cmpint (hsh_store_add_role_link (f->store, *source, link->role_id, *target, NULL), >, 0);
    }
}

void
hsh_team_omar_tags_a_location (HshTeamFixture *f)
{
  HshRange range = { 2100, 2110 };
  g_assert_true (hsh_store_set_annotator (f->store, OMAR, "Omar", NULL));
  g_assert_cmpint (hsh_store_create_annotation (f->store, 1, hsh_team_label_id (f, "Location"), &range, 1, NULL), >, 0);
}

void
hsh_team_two_coders (HshTeamFixture *f)
{
  hsh_team_code_sample (f, LAYLA, "Layla", hsh_team_no_edits);
  hsh_team_code_sample (f, OMAR, "Omar", hsh_team_omar_edits);
  hsh_team_omar_tags_a_location (f);
}
