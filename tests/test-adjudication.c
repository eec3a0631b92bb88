/* test-adjudication.c: the coders' annotations side by side as candidates, and the gold layer
 * built from them — accept, reject, accept what everyone agrees on, undo, export. */
#include <string.h>
#include "hsh-adjudication.h"
#include "hsh-corpus.h"
#include "hsh-model.h"
#include "hsh-oplog.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"
#include "hsh-test-team.h"

/* The two coders of test-agreement-report.c: Layla codes the sample as it is, Omar with
 * deliberate disagreements. */
#define ADJUDICATOR "3f2e1d0c-9b8a-4766-8544-332211009988"


static GPtrArray *
candidates (HshTeamFixture *f, gboolean include_decided)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = hsh_store_list_candidates (f->store, 1, include_decided, &error);
  g_assert_no_error (error);
  return list;
}

static HshCandidate *
candidate_at (GPtrArray *list, HshTeamFixture *f, const char *label, gint64 start, gint64 end)
{
  for (guint i = 0; i < list->len; i++)
    {
      HshCandidate *candidate = g_ptr_array_index (list, i);
      HshRange *range = &g_array_index (candidate->ranges, HshRange, 0);
      if (candidate->label_id == hsh_team_label_id (f, label) && range->start == start && range->end == end)
        return candidate;
    }
  return NULL;
}

static void
become_adjudicator (HshTeamFixture *f)
{
  g_assert_true (hsh_store_set_annotator (f->store, ADJUDICATOR, "Lead", NULL));
}

static guint
count_gold (HshTeamFixture *f)
{
  g_autoptr(GPtrArray) annotations = hsh_store_list_annotations (f->store, 1, NULL);
  guint gold = 0;
  for (guint i = 0; i < annotations->len; i++)
    gold += ((HshAnnotation *) g_ptr_array_index (annotations, i))->gold;
  return gold;
}

static gint64
attribute_id (HshTeamFixture *f, const char *label, const char *name)
{
  g_autoptr(GPtrArray) definitions = hsh_codebook_attributes_for (f->book, hsh_team_label_id (f, label));
  for (guint i = 0; i < definitions->len; i++)
    if (g_str_equal (((HshAttributeDef *) g_ptr_array_index (definitions, i))->name, name))
      return ((HshAttributeDef *) g_ptr_array_index (definitions, i))->id;
  g_assert_not_reached ();
}

static const char *
attribute (HshTeamFixture *f, gint64 annotation_id, const char *label, const char *name)
{
  static char value[256];
  g_autoptr(GHashTable) values = hsh_store_get_attribute_values (f->store, annotation_id, NULL);
  g_autoptr(GPtrArray) definitions = hsh_codebook_attributes_for (f->book, hsh_team_label_id (f, label));

  for (guint i = 0; i < definitions->len; i++)
    {
      HshAttributeDef *definition = g_ptr_array_index (definitions, i);
      const char *found = g_hash_table_lookup (values, &definition->id);
      if (g_str_equal (definition->name, name))
        return found != NULL ? (g_strlcpy (value, found, sizeof value), value) : NULL;
    }
  return NULL;
}

static void
test_candidates_group_coders_and_mark_disagreements (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = NULL;
  HshCandidate *state, *person, *claim, *commitment;
  guint unanimous = 0, disagreeing = 0;

  hsh_team_two_coders (f);
  list = candidates (f, TRUE);
  /* 34 annotations both made, then Layla's missed date, France as a state and as a person,
   * the two first claims, and Omar's location. */
  g_assert_cmpuint (list->len, ==, 40);
  for (guint i = 0; i < list->len; i++)
    {
      HshCandidate *candidate = g_ptr_array_index (list, i);
      unanimous += candidate->unanimous;
      disagreeing += candidate->disagreeing;
      g_assert_cmpuint (candidate->n_coders, ==, 2);
      g_assert_cmpint (candidate->state, ==, HSH_CANDIDATE_OPEN);
    }
  g_assert_cmpuint (unanimous, ==, 34);
  g_assert_cmpuint (disagreeing, ==, 4);
  state = candidate_at (list, f, "Actor/State", 74, 79);
  person = candidate_at (list, f, "Actor/Person", 74, 79);
  g_assert_true (state->disagreeing && person->disagreeing);
  g_assert_cmpstr (g_ptr_array_index (state->coder_names, 0), ==, "Layla");
  g_assert_cmpstr (g_ptr_array_index (person->coder_names, 0), ==, "Omar");
  claim = candidate_at (list, f, "Claim", 474, 600);
  g_assert_true (claim->disagreeing && !claim->unanimous);
  commitment = candidate_at (list, f, "Commitment", 2368, 2412);
  g_assert_true (commitment->unanimous && commitment->values_differ && !commitment->disagreeing);
  g_assert_cmpuint (commitment->annotation_ids->len, ==, 2);
  g_assert_cmpuint (commitment->coder_ids->len, ==, 2);
  g_assert_false (candidate_at (list, f, "Claim", 2528, 2610)->values_differ);
}

static gint64
accept (HshTeamFixture *f, const char *label, gint64 start, gint64 end)
{
  g_autoptr(GPtrArray) list = candidates (f, FALSE);
  g_autoptr(GError) error = NULL;
  HshCandidate *candidate = candidate_at (list, f, label, start, end);
  gint64 gold;

  g_assert_nonnull (candidate);
  gold = hsh_store_accept_candidate (f->store, 1, candidate->key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gold, >, 0);
  return gold;
}

static void
test_accept_copies_values_and_links (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(HshAnnotation) gold = NULL;
  g_autoptr(HshAnnotation) person = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gint64 claim, addressee, speaker, commitment;
  guint gold_links = 0;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  claim = accept (f, "Claim", 2528, 2610);
  addressee = accept (f, "Actor/State", 2572, 2577);
  speaker = accept (f, "Actor/Person", 2518, 2524);
  gold = hsh_store_get_annotation (f->store, claim, NULL);
  g_assert_true (gold->gold);
  g_assert_cmpint (gold->author_id, ==, hsh_store_get_annotator_id (f->store));
  g_assert_cmpstr (attribute (f, claim, "Claim", "stance"), ==, "demand");
  g_assert_cmpstr (attribute (f, claim, "Claim", "form"), ==, "quote");
  /* Both ends accepted, in either order: the addressee (both coders) and the speaker (Layla
   * only) become gold links. */
  links = hsh_store_list_role_links (f->store, 1, NULL);
  for (guint i = 0; i < links->len; i++)
    {
      HshRoleLink *link = g_ptr_array_index (links, i);
      if (link->source_id == claim)
        {
          g_assert_true (link->target_id == addressee || link->target_id == speaker);
          gold_links++;
        }
    }
  g_assert_cmpuint (gold_links, ==, 2);
  /* The actor link and the values set by the coders who set them are copied. */
  person = hsh_store_get_annotation (f->store, speaker, NULL);
  g_assert_cmpint (person->actor_id, >, 0);
  commitment = accept (f, "Commitment", 2368, 2412);
  g_assert_cmpstr (attribute (f, commitment, "Commitment", "quantity"), ==, "300");
  g_assert_cmpstr (attribute (f, commitment, "Commitment", "status"), ==, "pledged");
}

static void
test_reject_is_recorded_and_not_offered_again (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  HshCandidate *location;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  open = candidates (f, FALSE);
  location = candidate_at (open, f, "Location", 2100, 2110);
  g_assert_true (hsh_store_reject_candidate (f->store, 1, location->key, &error));
  g_assert_no_error (error);
  /* It survives reopening the project, and stays out of the open candidates. */
  g_clear_object (&f->store);
  f->store = hsh_store_open (f->path, HSH_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  become_adjudicator (f);
  g_ptr_array_unref (open);
  open = candidates (f, FALSE);
  g_assert_cmpuint (open->len, ==, 39);
  g_assert_null (candidate_at (open, f, "Location", 2100, 2110));
  all = candidates (f, TRUE);
  g_assert_cmpint (candidate_at (all, f, "Location", 2100, 2110)->state, ==, HSH_CANDIDATE_REJECTED);
  /* The rejection is an operation like any other. */
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));
  again = candidates (f, FALSE);
  g_assert_nonnull (candidate_at (again, f, "Location", 2100, 2110));
}

static void
test_reject_refuses_an_accepted_candidate (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  accept (f, "Date", 594, 608);
  all = candidates (f, TRUE);
  g_assert_false (hsh_store_reject_candidate (f->store, 1, candidate_at (all, f, "Date", 594, 608)->key, &error));
  g_assert_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT);
}

static void
test_accept_agreed_in_one_operation (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint accepted = 0, gold_links = 0;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  g_assert_true (hsh_store_accept_agreed (f->store, 0, &accepted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accepted, ==, 34);
  g_assert_cmpuint (count_gold (f), ==, 34);
  open = candidates (f, FALSE);
  g_assert_cmpuint (open->len, ==, 6);
  /* Of the sample's 7 links, the one from the first claim (not unanimous) stays out. */
  links = hsh_store_list_role_links (f->store, 1, NULL);
  for (guint i = 0; i < links->len; i++)
    {
      g_autoptr(HshAnnotation) source = hsh_store_get_annotation (f->store, ((HshRoleLink *) g_ptr_array_index (links, i))->source_id, NULL);
      gold_links += source->gold;
    }
  g_assert_cmpuint (gold_links, ==, 6);
  g_assert_true (hsh_store_accept_agreed (f->store, 0, &accepted, &error));
  g_assert_cmpuint (accepted, ==, 0);
  /* One undo takes it all back. */
  g_assert_true (hsh_store_undo (f->store, NULL, &description, &error));
  g_assert_cmpstr (description, ==, "Accept what all coders agree on");
  g_assert_cmpuint (count_gold (f), ==, 0);
  g_ptr_array_unref (open);
  open = candidates (f, FALSE);
  g_assert_cmpuint (open->len, ==, 40);
}

static void
test_gold_exports_as_a_layer (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) gold = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GError) error = NULL;
  HshBundle *bundle;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  g_assert_true (hsh_store_accept_agreed (f->store, 1, NULL, &error));
  gold = hsh_store_export_bundles (f->store, NULL, HSH_LAYER_GOLD, NULL, &error);
  g_assert_no_error (error);
  bundle = g_ptr_array_index (gold, 0);
  g_assert_cmpuint (bundle->spans->len, ==, 34);
  g_assert_cmpuint (bundle->roles->len, ==, 6);
  for (guint i = 0; i < bundle->spans->len; i++)
    g_assert_true (((HshSpan *) g_ptr_array_index (bundle->spans, i))->gold);
  /* The coders' layer keeps the sample's 37, Layla's 37 and Omar's 37. */
  coders = hsh_store_export_bundles (f->store, NULL, HSH_LAYER_CODERS, NULL, &error);
  g_assert_cmpuint (((HshBundle *) g_ptr_array_index (coders, 0))->spans->len, ==, 3 * 37);
}

static void
test_undo_removes_an_acceptance (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 gold;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  gold = accept (f, "Claim", 1142, 1177);
  g_assert_cmpstr (attribute (f, gold, "Claim", "stance"), ==, "demand");
  g_assert_true (hsh_store_undo (f->store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_gold (f), ==, 0);
  g_assert_null (attribute (f, gold, "Claim", "stance"));
  all = candidates (f, TRUE);
  g_assert_cmpint (candidate_at (all, f, "Claim", 1142, 1177)->state, ==, HSH_CANDIDATE_OPEN);
  /* Redo brings the gold annotation back, accepted. */
  g_assert_true (hsh_store_redo (f->store, NULL, NULL, &error));
  g_ptr_array_unref (all);
  all = candidates (f, TRUE);
  g_assert_cmpint (candidate_at (all, f, "Claim", 1142, 1177)->state, ==, HSH_CANDIDATE_ACCEPTED);
}

static void
test_edited_gold_stays_accepted (HshTeamFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  HshRange narrower = { 1142, 1170 };
  HshCandidate *claim;
  gint64 gold;

  hsh_team_two_coders (f);
  become_adjudicator (f);
  gold = accept (f, "Claim", 1142, 1177);
  g_assert_true (hsh_store_set_annotation_ranges (f->store, gold, &narrower, 1, &error));
  g_assert_true (hsh_store_set_attribute_value (f->store, gold, attribute_id (f, "Claim", "stance"), "support", &error));
  g_assert_no_error (error);
  all = candidates (f, TRUE);
  claim = candidate_at (all, f, "Claim", 1142, 1177);
  g_assert_cmpint (claim->state, ==, HSH_CANDIDATE_ACCEPTED);
  g_assert_cmpint (claim->gold_id, ==, gold);
  g_assert_cmpstr (attribute (f, gold, "Claim", "stance"), ==, "support");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, HshTeamFixture, NULL, hsh_team_set_up, fn, hsh_team_tear_down)
  ADD ("/adjudication/candidates/group-coders-and-mark-disagreements", test_candidates_group_coders_and_mark_disagreements);
  ADD ("/adjudication/accept/copies-values-and-links-into-gold", test_accept_copies_values_and_links);
  ADD ("/adjudication/reject/is-recorded-and-not-offered-again", test_reject_is_recorded_and_not_offered_again);
  ADD ("/adjudication/reject/refuses-an-accepted-candidate", test_reject_refuses_an_accepted_candidate);
  ADD ("/adjudication/accept-agreed/accepts-unanimous-candidates-in-one-operation", test_accept_agreed_in_one_operation);
  ADD ("/adjudication/gold/exports-as-a-layer", test_gold_exports_as_a_layer);
  ADD ("/adjudication/undo/removes-an-acceptance", test_undo_removes_an_acceptance);
  ADD ("/adjudication/edit/gold-stays-accepted-after-editing", test_edited_gold_stays_accepted);
  return g_test_run ();
}
