/* test-ui-collab.c: two coders' copies of the sample exchanging work through a scratch shared
 * folder, the same file opened twice, the reader's layers, conflicts, agreement and
 * adjudication — driven through the windows' actions and checked in the store and the reader. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hsh-adjudication-window.h"
#include "hsh-agreement-window.h"
#include "hsh-conflicts-window.h"
#include "hsh-identity.h"
#include "hsh-model.h"
#include "hsh-publish.h"
#include "hsh-reader-layer.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"
#include "hsh-test-ui.h"
#include "hsh-window.h"

#define LAYLA "6a7c1f0e-1b2d-4c3e-9f40-5a6b7c8d9e01"
#define OMAR  "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"

typedef struct {
  char      *dir;
  char      *shared;
  char      *path_a;
  char      *path_b;
  HshStore  *store_a;     /* Layla's project */
  HshStore  *store_b;     /* Omar's copy */
  HshWindow *window_a;
  HshWindow *window_b;
  gint64     omar_person; /* Omar's «إيمانويل ماكرون» as Actor/Person, as in the sample */
  gint64     omar_state;  /* Omar's «تركيا», new */
} Fixture;

static HshStore *
open_as (const char *path,
         const char *uuid,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  HshStore *store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (hsh_store_set_annotator (store, uuid, name, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
tag (HshWindow  *window,
     gint64      start,
     gint64      end,
     const char *label)
{
  HshDocumentView *view = hsh_window_get_document_view (window);

  hsh_window_select_annotation (window, 0);
  hsh_document_view_select (view, start, end);
  hsh_test_ui_activate (window, "win.tag", g_variant_new_int64 (hsh_test_ui_label_id (window, label)));
  return hsh_window_get_selected_annotation (window);
}

static void
close_toplevels (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (!HSH_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
}

/* Omar publishes, Layla collects --------------------------------------------------------------- */

static gboolean
team_idle (HshWindow *window)
{
  /* The publish and collect actions are off while one of them runs. */
  GtkWidget *probe = g_object_get_data (G_OBJECT (window), "test-probe");

  return gtk_widget_get_sensitive (probe);
}

static void
add_probe (HshWindow *window)
{
  GtkWidget *probe = gtk_button_new ();

  /* A button bound to win.publish is sensitive exactly when the action is enabled. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.publish");
  gtk_widget_set_visible (probe, FALSE);
  gtk_widget_set_parent (probe, GTK_WIDGET (window));
  g_object_set_data_full (G_OBJECT (window), "test-probe", probe, (GDestroyNotify) gtk_widget_unparent);
}

static void
connect_and_publish (Fixture *fixture)
{
  g_autofree char *snapshot_name = hsh_store_snapshot_name (fixture->store_b);
  g_autofree char *snapshot = g_build_filename (fixture->shared, snapshot_name, NULL);

  hsh_test_ui_activate (fixture->window_b, "win.set-shared-folder", g_variant_new_string (fixture->shared));
  hsh_test_ui_activate (fixture->window_b, "win.publish", NULL);
  HSH_TEST_UI_WAIT_FOR (team_idle (fixture->window_b));
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_IS_REGULAR));
}

static void
collect (Fixture *fixture)
{
  hsh_test_ui_activate (fixture->window_a, "win.set-shared-folder", g_variant_new_string (fixture->shared));
  hsh_test_ui_activate (fixture->window_a, "win.collect", NULL);
  HSH_TEST_UI_WAIT_FOR (team_idle (fixture->window_a) && hsh_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;

  fixture->dir = hsh_test_scratch_dir ();
  fixture->shared = g_build_filename (fixture->dir, "shared", NULL);
  g_assert_cmpint (g_mkdir (fixture->shared, 0700), ==, 0);
  fixture->path_a = g_build_filename (fixture->dir, "layla.hashiya", NULL);
  fixture->path_b = g_build_filename (fixture->dir, "omar.hashiya", NULL);
  g_assert_true (hsh_sample_create (fixture->path_a, &error));
  g_assert_no_error (error);

  /* Omar's copy is the same project file handed out by the team lead. */
  a = g_file_new_for_path (fixture->path_a);
  b = g_file_new_for_path (fixture->path_b);
  g_assert_true (g_file_copy (a, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  fixture->store_a = open_as (fixture->path_a, LAYLA, "Layla");
  fixture->store_b = open_as (fixture->path_b, OMAR, "Omar");
  fixture->window_a = hsh_test_ui_window_for (fixture->store_a);
  fixture->window_b = hsh_test_ui_window_for (fixture->store_b);
  add_probe (fixture->window_a);
  add_probe (fixture->window_b);

  /* Layla tags Macron as Omar does, and Geneva, which Omar leaves out. */
  g_assert_cmpint (tag (fixture->window_a, 2347, 2362, "Actor/Person"), >, 0);
  g_assert_cmpint (tag (fixture->window_a, 2135, 2139, "Location"), >, 0);
  fixture->omar_person = tag (fixture->window_b, 2347, 2362, "Actor/Person");
  fixture->omar_state = tag (fixture->window_b, 2480, 2485, "Actor/State");
  g_assert_cmpint (fixture->omar_person * fixture->omar_state, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_toplevels ();
  g_object_set_data (G_OBJECT (fixture->window_a), "test-probe", NULL);
  g_object_set_data (G_OBJECT (fixture->window_b), "test-probe", NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window_a));
  gtk_window_destroy (GTK_WINDOW (fixture->window_b));
  g_clear_object (&fixture->window_a);
  g_clear_object (&fixture->window_b);
  g_clear_object (&fixture->store_a);
  g_clear_object (&fixture->store_b);
  g_free (fixture->path_a);
  g_free (fixture->path_b);
  g_free (fixture->shared);
  g_free (fixture->dir);
}

static gint64
annotator_id (HshStore   *store,
              const char *uuid)
{
  g_autoptr(GPtrArray) annotators = hsh_store_list_annotators (store, NULL);

  for (guint i = 0; i < annotators->len; i++)
    if (g_str_equal (((HshAnnotator *) g_ptr_array_index (annotators, i))->uuid, uuid))
      return ((HshAnnotator *) g_ptr_array_index (annotators, i))->id;
  return 0;
}

/* Tests ---------------------------------------------------------------------------------------- */

static void
test_collect_brings_a_colleagues_annotations (Fixture       *fixture,
                                              gconstpointer  data)
{
  gint64 before = hsh_test_count_annotations (fixture->store_a);
  GtkWidget *summary;

  connect_and_publish (fixture);
  collect (fixture);

  g_assert_cmpint (hsh_test_count_annotations (fixture->store_a), ==, before + 2);
  g_assert_cmpint (annotator_id (fixture->store_a, OMAR), >, 0);
  /* The window re-read the project: Omar's «تركيا» is in the reader. */
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a,
                             hsh_document_view_get_label_tag (hsh_window_get_document_view (fixture->window_a),
                                                              hsh_test_ui_label_id (fixture->window_a, "Actor/State")), 2482));

  summary = hsh_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), "2 annotations came in"));
  hsh_test_ui_save_screenshot (summary, "ui-collab-collect-summary.png");
}

static void
test_layers_switch_what_the_reader_draws (Fixture       *fixture,
                                          gconstpointer  data)
{
  HshDocumentView *view;
  GtkTextTag *state, *person, *location, *omar, *layla, *nobody;
  g_autofree char *omar_layer = NULL;
  gint64 omar_id;

  connect_and_publish (fixture);
  collect (fixture);
  close_toplevels ();
  view = hsh_window_get_document_view (fixture->window_a);
  state = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window_a, "Actor/State"));
  person = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window_a, "Actor/Person"));
  location = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window_a, "Location"));
  omar_id = annotator_id (fixture->store_a, OMAR);
  omar_layer = g_strdup_printf ("coder:%" G_GINT64_FORMAT, omar_id);

  /* Everyone's, by label: the sample's Macron and Omar's Turkey. */
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, person, 2350));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, state, 2482));

  /* Omar's alone: his two spans, not Layla's Geneva. */
  hsh_test_ui_activate (fixture->window_a, "win.show-layer", g_variant_new_string (omar_layer));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, state, 2482));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, person, 2350));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, location, 2136));

  /* Mine, Layla's: Macron and Geneva, not Omar's Turkey. */
  hsh_test_ui_activate (fixture->window_a, "win.show-layer", g_variant_new_string ("mine"));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, state, 2482));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, person, 2350));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, location, 2136));

  /* All coders, by coder: one tag per coder (and one for unattributed sample spans), no label tags. */
  hsh_test_ui_activate (fixture->window_a, "win.show-layer", g_variant_new_string ("coders"));
  omar = hsh_reader_layer_coder_tag (view, omar_id);
  layla = hsh_reader_layer_coder_tag (view, annotator_id (fixture->store_a, LAYLA));
  nobody = hsh_reader_layer_coder_tag (view, 0);
  g_assert_true (omar != NULL && layla != NULL && nobody != NULL && omar != layla);
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, omar, 2482));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, state, 2482));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, layla, 2136));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, omar, 2136));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, nobody, 2380));
  gtk_text_view_set_cursor_visible (hsh_document_view_get_text_view (view), FALSE);
  hsh_test_ui_spin (200);
  hsh_test_ui_save_screenshot (GTK_WIDGET (view), "ui-collab-layer-all-coders.png");

  /* Gold: nothing adjudicated yet; then back to everyone's, where the coder tags are gone. */
  hsh_test_ui_activate (fixture->window_a, "win.show-layer", g_variant_new_string ("gold"));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, omar, 2482));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, state, 2482));
  hsh_test_ui_activate (fixture->window_a, "win.show-layer", g_variant_new_string ("all"));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, state, 2482));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, omar, 2482));
}

static void
test_conflicting_edits_are_kept_and_resolved (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(HshAnnotation) resolved = NULL;
  HshConflictsWindow *window;
  gint64 shared_id, a_label, b_label;
  gint64 start;

  /* Both relabel the same sample annotation («القوات الشرقية», an armed group) differently. */
  for (guint i = 0; ; i++)
    {
      HshAnnotation *annotation = hsh_annotation_index_get_item (hsh_window_get_index (fixture->window_a), i);

      if (hsh_annotation_start (annotation) == 2375)
        {
          shared_id = annotation->id;
          start = 2375;
          break;
        }
    }
  a_label = hsh_test_ui_label_id (fixture->window_a, "Actor/Collective");
  b_label = hsh_test_ui_label_id (fixture->window_b, "Actor/Government");
  hsh_test_ui_activate (fixture->window_a, "win.relabel", g_variant_new ("(xx)", shared_id, a_label));
  hsh_test_ui_activate (fixture->window_b, "win.relabel", g_variant_new ("(xx)", shared_id, b_label));

  connect_and_publish (fixture);
  collect (fixture);
  conflicts = hsh_store_list_conflicts (fixture->store_a, NULL);
  close_toplevels ();
  g_assert_cmpuint (conflicts->len, ==, 1);

  hsh_test_ui_activate (fixture->window_a, "win.show-conflicts", NULL);
  window = HSH_CONFLICTS_WINDOW (hsh_test_ui_find_toplevel (HSH_TYPE_CONFLICTS_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpuint (hsh_conflicts_window_get_n_shown (window), ==, conflicts->len);
  hsh_test_ui_save_screenshot (GTK_WIDGET (window), "ui-collab-conflicts.png");

  /* Whichever edit the merge kept, taking the listed one swaps it: both were kept. */
  {
    g_autoptr(HshAnnotation) kept = hsh_store_get_annotation (fixture->store_a, shared_id, NULL);
    gint64 other = kept->label_id == a_label ? b_label : a_label;
    const HshConflict *conflict = g_ptr_array_index (conflicts, 0);

    g_assert_true (kept->label_id == a_label || kept->label_id == b_label);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "conflicts.take", "x", conflict->id));
    resolved = hsh_store_get_annotation (fixture->store_a, shared_id, NULL);
    g_assert_cmpint (resolved->label_id, ==, other);
    g_assert_cmpint (hsh_annotation_start (resolved), ==, start);
  }
  g_assert_cmpuint (hsh_conflicts_window_get_n_shown (window), ==, conflicts->len - 1);
}

static void
test_second_window_is_read_only (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshIdentity) identity = hsh_identity_new ("Layla");
  g_autoptr(HshWindow) first = NULL;
  g_autoptr(HshWindow) second = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "my copy.hashiya", NULL);
  g_autofree char *lock = g_strconcat (fixture->path_a, "-lock", NULL);
  HshStore *store;
  HshBanner *banner;
  gint64 before;
  guint shown;

  /* Layla's window A is a plain one: close it, then open the file the way the app does. */
  g_assert_true (hsh_identity_save (identity, &error));
  g_object_set_data (G_OBJECT (fixture->window_a), "test-probe", NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window_a));
  g_clear_object (&fixture->window_a);
  g_clear_object (&fixture->store_a);

  first = hsh_test_ui_window_for (NULL);
  g_assert_true (hsh_window_open_project (first, fixture->path_a, &error));
  g_assert_no_error (error);
  g_assert_false (hsh_store_is_read_only (hsh_window_get_store (first)));
  g_assert_false (hsh_banner_get_revealed (hsh_window_get_banner (first)));

  second = hsh_test_ui_window_for (NULL);
  g_assert_true (hsh_window_open_project (second, fixture->path_a, &error));
  g_assert_no_error (error);
  store = hsh_window_get_store (second);
  banner = hsh_window_get_banner (second);
  g_assert_true (hsh_store_is_read_only (store));
  g_assert_true (hsh_banner_get_revealed (banner));
  g_assert_true (g_str_has_prefix (hsh_banner_get_title (banner), "Opened read-only: "));
  g_assert_true (g_str_has_suffix (hsh_banner_get_title (banner), " has this project open"));
  g_assert_nonnull (strstr (hsh_banner_get_title (banner), g_get_host_name ()));
  g_test_message ("%s", hsh_banner_get_title (banner));

  /* Editing is off: a label key tags nothing. */
  before = hsh_test_count_annotations (store);
  hsh_document_view_select (hsh_window_get_document_view (second), 2135, 2139);
  gtk_widget_activate_action (GTK_WIDGET (second), "win.tag", "x", hsh_test_ui_label_id (second, "Location"));
  g_assert_cmpint (hsh_test_count_annotations (store), ==, before);
  gtk_text_view_set_cursor_visible (hsh_document_view_get_text_view (hsh_window_get_document_view (second)), FALSE);
  hsh_test_ui_spin (300);
  hsh_test_ui_save_screenshot (GTK_WIDGET (second), "ui-collab-read-only.png");

  /* The first window tags «جنيف»: the read-only one follows the file. */
  shown = hsh_annotation_index_get_n_items (hsh_window_get_index (second));
  g_assert_cmpint (tag (first, 2135, 2139, "Location"), >, 0);
  HSH_TEST_UI_WAIT_FOR (hsh_window_get_index (second) != NULL &&
            hsh_annotation_index_get_n_items (hsh_window_get_index (second)) == shown + 1);

  /* Open a copy: writable, no banner, same annotations. */
  hsh_test_ui_activate (second, "win.open-copy-at", g_variant_new_string (copy));
  g_assert_cmpstr (hsh_store_get_path (hsh_window_get_store (second)), ==, copy);
  g_assert_false (hsh_store_is_read_only (hsh_window_get_store (second)));
  g_assert_false (hsh_banner_get_revealed (hsh_window_get_banner (second)));
  g_assert_cmpint (hsh_test_count_annotations (hsh_window_get_store (second)), ==, before + 1);

  /* Closing the first window lets go of the lock. */
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (first));
  g_clear_object (&first);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (second));

  /* The fixture tears down a window A. */
  fixture->window_a = hsh_test_ui_window_for (NULL);
}

static void
test_agreement_heat_map (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "agreement.csv", NULL);
  g_autofree char *contents = NULL;
  HshAgreementWindow *window;
  HshAgreementReport *report;

  connect_and_publish (fixture);
  collect (fixture);
  close_toplevels ();

  hsh_test_ui_activate (fixture->window_a, "win.show-agreement", NULL);
  window = HSH_AGREEMENT_WINDOW (hsh_test_ui_find_toplevel (HSH_TYPE_AGREEMENT_WINDOW));
  g_assert_nonnull (window);
  HSH_TEST_UI_WAIT_FOR (g_strcmp0 (hsh_agreement_window_get_page (window), "computing") != 0);
  g_assert_cmpstr (hsh_agreement_window_get_page (window), ==, "table");
  report = hsh_agreement_window_get_report (window);
  g_assert_cmpuint (report->coders->len, ==, 2);
  g_assert_cmpuint (report->corpus->rows->len, >, 1);

  g_assert_cmpstr (hsh_agreement_heat_class (NAN), ==, "agreement-none");
  g_assert_cmpstr (hsh_agreement_heat_class (-0.3), ==, "agreement-0");
  g_assert_cmpstr (hsh_agreement_heat_class (0.95), ==, "agreement-5");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "agreement.save-to", "s", csv));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "overlap_f1"));
  hsh_test_ui_save_screenshot (GTK_WIDGET (window), "ui-collab-agreement.png");
}

static void
test_adjudication_builds_the_gold_layer (Fixture       *fixture,
                                         gconstpointer  data)
{
  HshAdjudicationWindow *window;
  HshDocumentView *view;
  GtkTextTag *person;
  GPtrArray *candidates;
  guint unanimous = 0;

  connect_and_publish (fixture);
  collect (fixture);
  close_toplevels ();

  hsh_test_ui_activate (fixture->window_a, "win.adjudicate", NULL);
  window = HSH_ADJUDICATION_WINDOW (hsh_test_ui_find_toplevel (HSH_TYPE_ADJUDICATION_WINDOW));
  g_assert_nonnull (window);
  candidates = hsh_adjudication_window_get_candidates (window);
  g_assert_cmpuint (candidates->len, >, 2);
  for (guint i = 0; i < candidates->len; i++)
    unanimous += ((HshCandidate *) g_ptr_array_index (candidates, i))->unanimous;
  g_assert_cmpuint (unanimous, >=, 1);
  hsh_test_ui_save_screenshot (GTK_WIDGET (window), "ui-collab-adjudication.png");

  /* The reader shows the gold layer: empty, until the agreed Macron is accepted. */
  view = hsh_window_get_document_view (fixture->window_a);
  person = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window_a, "Actor/Person"));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a, person, 2350));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "adjudication.accept-agreed", NULL));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a, person, 2350));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window_a,
                              hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window_a, "Actor/State")), 2482));

  /* Omar's «تركيا» alone, accepted by hand. */
  candidates = hsh_adjudication_window_get_candidates (window);
  for (guint i = 0; i < candidates->len; i++)
    {
      HshCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_array_index (candidate->ranges, HshRange, 0).start == 2480)
        {
          g_assert_false (candidate->unanimous);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "adjudication.accept", "s", candidate->key));
          break;
        }
    }
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window_a,
                             hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window_a, "Actor/State")), 2482));
  hsh_test_ui_save_screenshot (GTK_WIDGET (window), "ui-collab-adjudication-decided.png");
}

int
main (int   argc,
      char *argv[])
{
  if (!hsh_test_ui_init (&argc, &argv))
    return 0;
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  {
    /* What AdwApplication loads from the resource base path; these windows have no application. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/hashiya/Hashiya/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/collab/collect-brings-a-colleagues-annotations", test_collect_brings_a_colleagues_annotations);
  ADD ("/ui/collab/layers-switch-what-the-reader-draws", test_layers_switch_what_the_reader_draws);
  ADD ("/ui/collab/conflicting-edits-are-kept-and-resolved", test_conflicting_edits_are_kept_and_resolved);
  ADD ("/ui/collab/second-window-is-read-only-and-follows-the-file", test_second_window_is_read_only);
  ADD ("/ui/collab/agreement-table-with-heat-map", test_agreement_heat_map);
  ADD ("/ui/collab/adjudication-builds-the-gold-layer", test_adjudication_builds_the_gold_layer);
#undef ADD

  return g_test_run ();
}
