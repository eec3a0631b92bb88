/* test-ui-workbench.c: the annotation workbench on the sample project, driven the way a coder's
 * input ends up — selections in the reader's buffer and win.* actions — and checked in the store. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "hsh-app-util.h"
#include "hsh-codebook-palette.h"
#include "hsh-identity.h"
#include "hsh-model.h"
#include "hsh-oplog.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"
#include "hsh-test-ui.h"
#include "hsh-window.h"

typedef struct {
  char      *path;
  HshStore  *store;
  HshWindow *window;
  gint64     annotator_id;
} Fixture;

static HshStore *
open_project (const char *path,
              gint64     *annotator_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshIdentity) identity = hsh_identity_new ("Test Coder");
  HshStore *store = hsh_store_open (path, HSH_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (hsh_store_set_annotator (store, identity->uuid, identity->name, &error));
  g_assert_no_error (error);
  if (annotator_id != NULL)
    *annotator_id = hsh_store_get_annotator_id (store);

  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hsh_test_scratch_dir ();

  fixture->path = g_build_filename (dir, "sample.hashiya", NULL);
  g_assert_true (hsh_sample_create (fixture->path, &error));
  g_assert_no_error (error);

  fixture->store = open_project (fixture->path, &fixture->annotator_id);
  fixture->window = hsh_test_ui_window_for (fixture->store);
  g_assert_cmpint (hsh_window_get_document_id (fixture->window), >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

static GtkTextBuffer *
reader_buffer (Fixture *fixture)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);

  return gtk_text_view_get_buffer (hsh_document_view_get_text_view (view));
}

static void
select_range (Fixture *fixture,
              gint64   start,
              gint64   end)
{
  GtkTextBuffer *buffer = reader_buffer (fixture);
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, (int) end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
}

static gint64
tag_selection (Fixture    *fixture,
               gint64      start,
               gint64      end,
               const char *label)
{
  gint64 id;

  select_range (fixture, start, end);
  hsh_test_ui_activate (fixture->window, "win.tag", g_variant_new_int64 (hsh_test_ui_label_id (fixture->window, label)));
  id = hsh_window_get_selected_annotation (fixture->window);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* The label's tag starts exactly at @start and the run that starts there ends at @end. */
static void
assert_highlight (Fixture    *fixture,
                  const char *label,
                  gint64      start,
                  gint64      end)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkTextTag *tag = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window, label));
  GtkTextIter iter;

  g_assert_nonnull (tag);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, tag, start - 1));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, tag, start));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, tag, end - 1));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, tag, end));

  gtk_text_buffer_get_iter_at_offset (reader_buffer (fixture), &iter, (int) start);
  g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, end);
}

/* The reader's place ------------------------------------------------------------------------ */

static GtkTextView *
reader_text_view (Fixture *fixture)
{
  return hsh_document_view_get_text_view (hsh_window_get_document_view (fixture->window));
}

static GtkAdjustment *
reader_vadjustment (Fixture *fixture)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (reader_text_view (fixture)));
}

/* The text view measures the text beyond the first screen in idle steps: its height grows
 * until it has measured everything. */
static void
wait_until_measured (Fixture *fixture)
{
  GtkAdjustment *adjustment = reader_vadjustment (fixture);
  double upper;

  do
    {
      upper = gtk_adjustment_get_upper (adjustment);
      hsh_test_ui_spin (200);
    }
  while (gtk_adjustment_get_upper (adjustment) != upper);
}

/* Scrolls the reader to @fraction of its height, as a coder's scroll wheel would, and returns
 * where it got. */
static double
scroll_reader_to (Fixture *fixture,
                  double   fraction)
{
  GtkAdjustment *adjustment = reader_vadjustment (fixture);
  double target;

  wait_until_measured (fixture);
  target = floor ((gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) * fraction);
  gtk_adjustment_set_value (adjustment, target);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  HSH_TEST_UI_WAIT_FOR (fabs (gtk_adjustment_get_value (adjustment) - target) < 1);

  return gtk_adjustment_get_value (adjustment);
}

/* The word at the middle of what the reader shows. */
static void
word_in_sight (Fixture *fixture,
               gint64  *start,
               gint64  *end)
{
  GtkTextView *text_view = reader_text_view (fixture);
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &iter, visible.x + visible.width / 2, visible.y + visible.height / 2);
  if (!gtk_text_iter_inside_word (&iter))
    gtk_text_iter_forward_word_end (&iter);
  if (!gtk_text_iter_starts_word (&iter))
    gtk_text_iter_backward_word_start (&iter);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_iter_forward_word_end (&iter);
  *end = gtk_text_iter_get_offset (&iter);
  g_assert_cmpint (*end, >, *start);
}

static gboolean
offset_in_sight (Fixture *fixture,
                 gint64   offset)
{
  GtkTextView *text_view = reader_text_view (fixture);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (reader_buffer (fixture), &iter, (int) offset);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* After an undo or redo: drawn, and the reader where it was. */
static void
assert_reader_in_place (Fixture *fixture,
                        double   scrolled,
                        gint64   caret)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  hsh_test_ui_spin (100);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (reader_vadjustment (fixture)) - scrolled), <=, 2);
  g_assert_cmpint (hsh_document_view_get_caret (hsh_window_get_document_view (fixture->window)), ==, caret);
}

/* The first widget under @widget, depth first, with the style class @css_class. */
static GtkWidget *
find_styled (GtkWidget  *widget,
             const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_palette_key (GtkWidget *root)
{
  GtkWidget *key = find_styled (root, "palette-key");

  g_assert_nonnull (key);
  return key;
}

/* What the toast overlay shows: the title of each toast on screen, the one leaving included. */
static GPtrArray *
toast_titles (Fixture *fixture)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *overlay = GTK_WIDGET (fixture->window);

  while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
    overlay = gtk_widget_get_first_child (overlay);
  g_assert_nonnull (overlay);

  /* Besides its content, the overlay's children are the toasts. */
  for (GtkWidget *toast = gtk_widget_get_first_child (overlay); toast != NULL; toast = gtk_widget_get_next_sibling (toast))
    {
      GtkWidget *title = toast != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)) ? find_styled (toast, "heading") : NULL;

      if (GTK_IS_LABEL (title))
        g_ptr_array_add (titles, g_strdup (gtk_label_get_text (GTK_LABEL (title))));
    }

  return titles;
}

/* Tests ------------------------------------------------------------------------------------- */

static void
test_tags_selection_inside_a_word (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshAnnotation) stored = NULL;
  HshLabel *state = hsh_codebook_label_by_path (hsh_window_get_codebook (fixture->window), "Actor/State");
  gint64 id;

  /* «تركيا» inside «وتركيا», at 2480: the conjunction stays out. */
  id = tag_selection (fixture, 2480, 2485, "Actor/State");

  stored = hsh_store_get_annotation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->ranges->len, ==, 1);
  g_assert_cmpint (g_array_index (stored->ranges, HshRange, 0).start, ==, 2480);
  g_assert_cmpint (g_array_index (stored->ranges, HshRange, 0).end, ==, 2485);
  g_assert_cmpstr (stored->text, ==, "تركيا");
  g_assert_cmpint (stored->label_id, ==, state->id);
  g_assert_cmpint (stored->author_id, ==, fixture->annotator_id);
  assert_highlight (fixture, "Actor/State", 2480, 2485);

  /* The selection collapsed, so a second key press relabels rather than tagging twice. */
  hsh_test_ui_activate (fixture->window, "win.tag", g_variant_new_int64 (hsh_test_ui_label_id (fixture->window, "Actor/Government")));
  g_clear_pointer (&stored, hsh_annotation_free);
  stored = hsh_store_get_annotation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->label_id, ==, hsh_test_ui_label_id (fixture->window, "Actor/Government"));
  assert_highlight (fixture, "Actor/Government", 2480, 2485);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, hsh_document_view_get_label_tag (hsh_window_get_document_view (fixture->window),
                                                                         state->id), 2482));
}

static void
test_undo_and_redo_restore_the_annotation (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GPtrArray) before = hsh_store_list_annotations (fixture->store, hsh_window_get_document_id (fixture->window), NULL);
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkTextTag *tag = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window, "Location"));
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GPtrArray) after_redo = NULL;
  gint64 id;

  /* «جنيف» (Geneva), untagged in the sample. */
  id = tag_selection (fixture, 2135, 2139, "Location");
  assert_highlight (fixture, "Location", 2135, 2139);

  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  after_undo = hsh_store_list_annotations (fixture->store, hsh_window_get_document_id (fixture->window), NULL);
  g_assert_cmpuint (after_undo->len, ==, before->len);
  g_assert_null (hsh_annotation_index_lookup (hsh_window_get_index (fixture->window), id, NULL));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, tag, 2136));

  hsh_test_ui_activate (fixture->window, "win.redo", NULL);
  after_redo = hsh_store_list_annotations (fixture->store, hsh_window_get_document_id (fixture->window), NULL);
  g_assert_cmpuint (after_redo->len, ==, before->len + 1);
  assert_highlight (fixture, "Location", 2135, 2139);

  /* Delete is undone as well. */
  hsh_window_select_annotation (fixture->window, id);
  hsh_test_ui_activate (fixture->window, "win.delete-annotation", NULL);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, tag, 2136));
  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  assert_highlight (fixture, "Location", 2135, 2139);
}

static void
test_overlapping_annotations_are_all_reachable (Fixture       *fixture,
                                                gconstpointer  data)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkTextTag *person = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window, "Actor/Person"));
  GtkTextTag *claim = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window, "Claim"));
  GtkTextTag *nested = hsh_document_view_get_named_tag (view, "nested");
  g_autoptr(GPtrArray) here = NULL;
  gint64 claim_id, actor_id;

  /* A Claim around «إيمانويل ماكرون» (an Actor/Person mention at 2347–2362). */
  claim_id = tag_selection (fixture, 2330, 2412, "Claim");
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, claim, 2340));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, person, 2350));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, claim, 2350));
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, nested, 2350));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, nested, 2340));
  /* The inner label draws above the outer one. */
  g_assert_cmpint (gtk_text_tag_get_priority (person), >, gtk_text_tag_get_priority (claim));

  here = hsh_annotation_index_at (hsh_window_get_index (fixture->window), 2350);
  g_assert_cmpuint (here->len, ==, 2);
  actor_id = ((HshAnnotation *) g_ptr_array_index (here, 0))->id;
  g_assert_cmpint (((HshAnnotation *) g_ptr_array_index (here, 1))->id, ==, claim_id);

  /* From the keyboard: the caret at 2350, innermost first, then the next one out. */
  hsh_window_select_annotation (fixture->window, 0);
  select_range (fixture, 2350, 2350);
  hsh_test_ui_activate (fixture->window, "win.cycle-annotations", NULL);
  g_assert_cmpint (hsh_window_get_selected_annotation (fixture->window), ==, actor_id);
  hsh_test_ui_activate (fixture->window, "win.cycle-annotations", NULL);
  g_assert_cmpint (hsh_window_get_selected_annotation (fixture->window), ==, claim_id);

  /* By click: the reader reports an offset; again selects the next one out. */
  hsh_window_select_annotation (fixture->window, 0);
  g_signal_emit_by_name (view, "offset-clicked", (gint64) 2350);
  g_assert_cmpint (hsh_window_get_selected_annotation (fixture->window), ==, actor_id);
  g_signal_emit_by_name (view, "offset-clicked", (gint64) 2350);
  g_assert_cmpint (hsh_window_get_selected_annotation (fixture->window), ==, claim_id);

  /* Deleting the Claim leaves the Actor's highlight whole. */
  hsh_test_ui_activate (fixture->window, "win.delete-annotation", NULL);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, claim, 2340));
  assert_highlight (fixture, "Actor/Person", 2347, 2362);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, nested, 2350));
}

static void
test_boundaries_and_fragments (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HshAnnotation) stored = NULL;
  gint64 id = tag_selection (fixture, 2480, 2485, "Actor/State");

  /* Grow the start over «و», then shrink it back; the end moves in logical order too. */
  hsh_test_ui_activate (fixture->window, "win.grow-start", NULL);
  assert_highlight (fixture, "Actor/State", 2479, 2485);
  hsh_test_ui_activate (fixture->window, "win.shrink-start", NULL);
  hsh_test_ui_activate (fixture->window, "win.shrink-end", NULL);
  assert_highlight (fixture, "Actor/State", 2480, 2484);
  hsh_test_ui_activate (fixture->window, "win.grow-end", NULL);
  assert_highlight (fixture, "Actor/State", 2480, 2485);

  /* A second fragment: «طرابلس» far away, one discontinuous annotation. */
  select_range (fixture, 2970, 2976);
  hsh_test_ui_activate (fixture->window, "win.add-fragment", NULL);
  stored = hsh_store_get_annotation (fixture->store, id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpuint (stored->ranges->len, ==, 2);
  g_assert_cmpint (g_array_index (stored->ranges, HshRange, 1).start, ==, 2970);
  g_assert_cmpstr (stored->text, ==, "تركيا طرابلس");
  assert_highlight (fixture, "Actor/State", 2970, 2976);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

static gint64
annotation_starting_at (Fixture *fixture,
                        gint64   start)
{
  HshAnnotationIndex *index = hsh_window_get_index (fixture->window);

  for (guint i = 0; i < hsh_annotation_index_get_n_items (index); i++)
    if (hsh_annotation_start (hsh_annotation_index_get_item (index, i)) == start)
      return hsh_annotation_index_get_item (index, i)->id;

  g_assert_not_reached ();
}

static void
test_inspector_edits_persist_after_reopening (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HshCodebook *codebook = hsh_window_get_codebook (fixture->window);
  gint64 commitment = hsh_test_ui_label_id (fixture->window, "Commitment");
  g_autoptr(GPtrArray) attributes = hsh_codebook_attributes_for (codebook, commitment);
  g_autoptr(GPtrArray) roles = hsh_codebook_roles_for (codebook, commitment);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(HshStore) reopened = NULL;
  gint64 quantity = 0, status = 0, committer = 0, forces, id;
  gint64 document_id = hsh_window_get_document_id (fixture->window);
  GtkWidget *quantity_row;
  gboolean linked = FALSE;

  for (guint i = 0; i < attributes->len; i++)
    {
      const HshAttributeDef *definition = g_ptr_array_index (attributes, i);

      if (g_str_equal (definition->name, "quantity"))
        quantity = definition->id;
      if (g_str_equal (definition->name, "status"))
        status = definition->id;
    }
  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (((HshRoleDef *) g_ptr_array_index (roles, i))->name, "committer"))
      committer = ((HshRoleDef *) g_ptr_array_index (roles, i))->id;
  g_assert_cmpint (quantity * status * committer, !=, 0);

  /* «بإخراج 300 مرتزق أجنبي» as a new Commitment, committed by «القوات الشرقية». */
  id = tag_selection (fixture, 2390, 2412, "Commitment");
  forces = annotation_starting_at (fixture, 2375);

  /* The quantity through the inspector's own entry row. */
  quantity_row = find_row (GTK_WIDGET (hsh_window_get_inspector (fixture->window)), ADW_TYPE_ENTRY_ROW, "quantity");
  g_assert_nonnull (quantity_row);
  gtk_editable_set_text (GTK_EDITABLE (quantity_row), "300");
  g_signal_emit_by_name (quantity_row, "apply");
  hsh_test_ui_activate (fixture->window, "win.set-attribute", g_variant_new ("(xxs)", id, status, "pledged"));
  hsh_test_ui_activate (fixture->window, "win.set-role", g_variant_new ("(xxx)", id, committer, forces));
  hsh_test_ui_activate (fixture->window, "win.set-note", g_variant_new ("(xs)", id, "Pledge repeated by Macron."));

  /* The inspector shows what was stored. */
  quantity_row = find_row (GTK_WIDGET (hsh_window_get_inspector (fixture->window)), ADW_TYPE_ENTRY_ROW, "quantity");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity_row)), ==, "300");

  /* A number that is not one is refused, and the stored value stays. */
  gtk_editable_set_text (GTK_EDITABLE (quantity_row), "three hundred");
  g_signal_emit_by_name (quantity_row, "apply");

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);

  reopened = open_project (fixture->path, NULL);
  values = hsh_store_get_attribute_values (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, &quantity), ==, "300");
  g_assert_cmpstr (g_hash_table_lookup (values, &status), ==, "pledged");
  links = hsh_store_list_role_links (reopened, document_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < links->len; i++)
    {
      const HshRoleLink *link = g_ptr_array_index (links, i);

      if (link->source_id == id && link->role_id == committer && link->target_id == forces)
        linked = TRUE;
    }
  g_assert_true (linked);
  g_assert_cmpstr (hsh_store_get_annotation_note (reopened, id), ==, "Pledge repeated by Macron.");
}

static void
test_find_folds_arabic_spellings (Fixture       *fixture,
                                  gconstpointer  data)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkTextTag *current = hsh_document_view_get_named_tag (view, "find-current");

  /* Typed without hamza, found as «الأمم المتحدة». */
  g_assert_cmpuint (hsh_window_find (fixture->window, "الامم المتحدة"), >=, 2);
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, current, 400));
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, current, 399));
  g_assert_cmpuint (hsh_window_find (fixture->window, "no such words"), ==, 0);
}

static void
test_direction_override (Fixture       *fixture,
                         gconstpointer  data)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkWidget *text_view = GTK_WIDGET (hsh_document_view_get_text_view (view));
  GtkTextTag *aligned = hsh_document_view_get_named_tag (view, "align-override");
  g_autoptr(HshDocument) document = NULL;

  /* Forced left to right, the Arabic paragraphs are aligned to the left. */
  hsh_test_ui_activate (fixture->window, "win.document-direction", g_variant_new_string ("ltr"));
  g_assert_cmpint (gtk_widget_get_direction (text_view), ==, GTK_TEXT_DIR_LTR);
  g_assert_true (hsh_test_ui_has_tag_at (fixture->window, aligned, 2135));
  document = hsh_store_get_document (fixture->store, hsh_window_get_document_id (fixture->window), NULL);
  g_assert_cmpint (document->direction, ==, HSH_DIRECTION_LTR);

  /* Undone in the store and in the reader. */
  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  g_clear_pointer (&document, hsh_document_free);
  document = hsh_store_get_document (fixture->store, hsh_window_get_document_id (fixture->window), NULL);
  g_assert_cmpint (document->direction, ==, HSH_DIRECTION_AUTO);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, aligned, 2135));
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkTextView *text_view = hsh_document_view_get_text_view (view);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(HshAnnotation) stored = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gint64 id;

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  /* Every character of the sample has a glyph in the reader's font, and paragraphs are RTL. */
  gtk_text_buffer_get_bounds (reader_buffer (fixture), &start, &end);
  text = gtk_text_buffer_get_text (reader_buffer (fixture), &start, &end, FALSE);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (text_view), text);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  g_assert_cmpint (pango_layout_get_direction (layout, 0), ==, PANGO_DIRECTION_RTL);

  gtk_text_view_set_cursor_visible (text_view, FALSE);
  hsh_window_select_annotation (fixture->window, 0);
  hsh_test_ui_spin (200);
  hsh_test_ui_save_screenshot (GTK_WIDGET (fixture->window), "ui-workbench-sample.png");

  /* «ماريو دراغي» (Mario Draghi): Arabic, punctuation and a Latin name in one span. */
  id = tag_selection (fixture, 1109, 1135, "Actor");
  stored = hsh_store_get_annotation (fixture->store, id, NULL);
  g_assert_cmpstr (stored->text, ==, "ماريو دراغي» (Mario Draghi");
  assert_highlight (fixture, "Actor", 1109, 1135);
  gtk_text_view_set_cursor_visible (text_view, FALSE);
  hsh_test_ui_spin (300);
  hsh_test_ui_save_screenshot (GTK_WIDGET (view), "ui-workbench-mixed-span.png");

  /* The inspector on the sample's Commitment: quantity 300, committed by «القوات الشرقية». */
  hsh_window_select_annotation (fixture->window, annotation_starting_at (fixture, 2368));
  gtk_text_view_set_cursor_visible (text_view, FALSE);
  hsh_test_ui_spin (300);
  hsh_test_ui_save_screenshot (GTK_WIDGET (fixture->window), "ui-workbench-inspector.png");
}

static void
test_undo_and_redo_keep_the_reader_in_place (Fixture       *fixture,
                                             gconstpointer  data)
{
  HshDocumentView *view = hsh_window_get_document_view (fixture->window);
  GtkTextTag *location = hsh_document_view_get_label_tag (view, hsh_test_ui_label_id (fixture->window, "Location"));
  gint64 start, end, caret;
  double scrolled;

  /* Half-way down the article, a word in the middle of the reader. */
  scrolled = scroll_reader_to (fixture, 0.5);
  g_assert_cmpfloat (scrolled, >, 200);
  word_in_sight (fixture, &start, &end);
  tag_selection (fixture, start, end, "Location");
  caret = hsh_document_view_get_caret (view);
  g_assert_cmpint (caret, >, 0);
  assert_reader_in_place (fixture, scrolled, caret);

  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  g_assert_false (hsh_test_ui_has_tag_at (fixture->window, location, start));
  assert_reader_in_place (fixture, scrolled, caret);

  hsh_test_ui_activate (fixture->window, "win.redo", NULL);
  assert_highlight (fixture, "Location", start, end);
  assert_reader_in_place (fixture, scrolled, caret);
  gtk_text_view_set_cursor_visible (reader_text_view (fixture), FALSE);
  hsh_test_ui_save_screenshot (GTK_WIDGET (view), "ui-workbench-redone-in-place.png");
}

static void
test_undo_shows_what_it_changed_out_of_sight (Fixture       *fixture,
                                              gconstpointer  data)
{
  GtkAdjustment *adjustment = reader_vadjustment (fixture);
  gint64 start, end;
  double scrolled;

  scrolled = scroll_reader_to (fixture, 0.5);
  word_in_sight (fixture, &start, &end);
  tag_selection (fixture, start, end, "Location");

  /* Back at the top, the tagged word is out of sight: the undo brings it to the bottom edge,
   * scrolling no further than that. */
  gtk_adjustment_set_value (adjustment, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_false (offset_in_sight (fixture, start));
  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  HSH_TEST_UI_WAIT_FOR (offset_in_sight (fixture, start));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, scrolled);
}

/* After the toasts' animations, one toast on screen, saying @title. */
static void
assert_only_toast (Fixture    *fixture,
                   const char *title)
{
  g_autoptr(GPtrArray) titles = NULL;

  hsh_test_ui_spin (600);
  titles = toast_titles (fixture);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, title);
}

static void
test_redo_toast_replaces_the_undo_toast (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GPtrArray) after_redo = NULL;
  g_autoptr(GPtrArray) later = NULL;

  tag_selection (fixture, 2135, 2139, "Location");
  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  after_undo = toast_titles (fixture);
  g_assert_cmpuint (after_undo->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (after_undo, 0), ==, "Undone: Tag “جنيف”");

  /* At once, not after the undo's toast has timed out. */
  hsh_test_ui_activate (fixture->window, "win.redo", NULL);
  after_redo = toast_titles (fixture);
  g_assert_true (g_ptr_array_find_with_equal_func (after_redo, "Redone: Tag “جنيف”", g_str_equal, NULL));
  assert_only_toast (fixture, "Redone: Tag “جنيف”");
  hsh_test_ui_save_screenshot (GTK_WIDGET (fixture->window), "ui-workbench-redone-toast.png");

  /* A second later, a new toast takes the place of the old one, as quickly. */
  hsh_test_ui_spin (600);
  hsh_test_ui_activate (fixture->window, "win.undo", NULL);
  later = toast_titles (fixture);
  g_assert_true (g_ptr_array_find_with_equal_func (later, "Undone: Tag “جنيف”", g_str_equal, NULL));
  assert_only_toast (fixture, "Undone: Tag “جنيف”");
}

static void
test_rapid_undo_and_redo_keep_one_toast (Fixture       *fixture,
                                         gconstpointer  data)
{
  tag_selection (fixture, 2135, 2139, "Location");

  /* Ctrl+Z and Ctrl+Shift+Z held down: a new message every few frames, for two seconds. */
  for (guint i = 0; i < 24; i++)
    {
      hsh_test_ui_activate (fixture->window, i % 2 == 0 ? "win.undo" : "win.redo", NULL);
      hsh_test_ui_spin (80);
    }
  assert_only_toast (fixture, "Redone: Tag “جنيف”");
}

static void
test_toast_shows_markup_characters_as_written (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = NULL;

  hsh_window_toast (fixture->window, "Published to /srv/R&D <team>/snapshot.hashiya");
  titles = toast_titles (fixture);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Published to /srv/R&D <team>/snapshot.hashiya");
}

static gint64
import_second_document (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GPtrArray) documents = NULL;

  g_ptr_array_add (bundles, hsh_test_arabic_synthetic_bundle ());
  g_assert_true (hsh_store_import_bundles (fixture->store, bundles, NULL, NULL, &error));
  g_assert_no_error (error);
  documents = hsh_store_list_documents (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);

  return ((HshDocument *) g_ptr_array_index (documents, 1))->id;
}

static void
test_reader_redraws_without_gtk_warnings (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (reader_text_view (fixture)), GTK_TYPE_SCROLLED_WINDOW);
  gint64 sample = hsh_window_get_document_id (fixture->window);
  gint64 second = import_second_document (fixture);

  /* The reader's scrollbar drawn in every frame, as when the pointer moves over the reader or
   * the desktop always shows scrollbars. (Changing gtk-overlay-scrolling instead makes GTK 4.8
   * notify scrolled windows of earlier tests that are gone.) */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  select_range (fixture, 2135, 2139);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* Keys that change the highlights or the text, handled in the frame that draws them. GTest
   * makes GTK's warnings fatal: "Trying to snapshot GtkGizmo … without a current allocation"
   * (the scrollbar's trough) ends the test. */
  hsh_test_ui_activate_in_frame (fixture->window, "win.tag", g_variant_new_int64 (hsh_test_ui_label_id (fixture->window, "Location")));
  /* How the frame falls varies from run to run: a few times over. */
  for (guint i = 0; i < 8; i++)
    {
      hsh_test_ui_activate_in_frame (fixture->window, "win.undo", NULL);
      hsh_test_ui_activate_in_frame (fixture->window, "win.redo", NULL);
    }
  hsh_test_ui_activate_in_frame (fixture->window, "win.show-document", g_variant_new_int64 (second));
  hsh_test_ui_activate_in_frame (fixture->window, "win.show-document", g_variant_new_int64 (sample));
  hsh_test_ui_spin (300);
}

static void
test_read_only_view_follows_the_file_in_place (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshWindow) writer = NULL;
  HshRange geneva = { 2135, 2139 };
  gint64 caret, start, end;
  guint shown;
  double scrolled;

  /* The fixture's window holds no lock: in its place, a writer takes the lock, and the
   * fixture's window opens the file read-only, following it. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  writer = hsh_test_ui_window_for (NULL);
  g_assert_true (hsh_window_open_project (writer, fixture->path, &error));
  g_assert_no_error (error);
  fixture->window = hsh_test_ui_window_for (NULL);
  g_assert_true (hsh_window_open_project (fixture->window, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_true (hsh_store_is_read_only (hsh_window_get_store (fixture->window)));

  scrolled = scroll_reader_to (fixture, 0.5);
  word_in_sight (fixture, &start, &end);
  select_range (fixture, start, end);
  caret = hsh_document_view_get_caret (hsh_window_get_document_view (fixture->window));

  /* Another connection writes the file: the view reads the whole project again, and stays. */
  shown = hsh_annotation_index_get_n_items (hsh_window_get_index (fixture->window));
  g_assert_cmpint (hsh_store_create_annotation (fixture->store, hsh_window_get_document_id (fixture->window),
                                                hsh_test_ui_label_id (fixture->window, "Location"), &geneva, 1, &error), >, 0);
  g_assert_no_error (error);
  HSH_TEST_UI_WAIT_FOR (hsh_window_get_index (fixture->window) != NULL &&
                        hsh_annotation_index_get_n_items (hsh_window_get_index (fixture->window)) == shown + 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  hsh_test_ui_spin (200);

  /* The line that was at the top is at the top again (to the line, not the pixel), and the
   * selection is as it was. */
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (reader_vadjustment (fixture)) - scrolled), <, 60);
  g_assert_true (offset_in_sight (fixture, start));
  g_assert_cmpint (hsh_document_view_get_caret (hsh_window_get_document_view (fixture->window)), ==, caret);
  g_assert_true (gtk_text_buffer_get_has_selection (reader_buffer (fixture)));

  gtk_window_destroy (GTK_WINDOW (writer));
}

/* What the palette's key labels under @widget say. */
static void
collect_palette_keys (GtkWidget  *widget,
                      GHashTable *keys)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "palette-key"))
    g_hash_table_add (keys, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_palette_keys (child, keys);
}

static void
test_palette_keys_do_not_look_alike (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *palette = gtk_widget_get_ancestor (find_palette_key (GTK_WIDGET (fixture->window)), HSH_TYPE_CODEBOOK_PALETTE);

  /* Location's "l" shows as GNOME writes keys, "L", beside State's "1". */
  collect_palette_keys (palette, keys);
  g_assert_true (g_hash_table_contains (keys, "L"));
  g_assert_true (g_hash_table_contains (keys, "1"));
  g_assert_false (g_hash_table_contains (keys, "l"));
  hsh_test_ui_save_screenshot (palette, "ui-workbench-palette.png");
}

static void
test_invisible_characters_are_shown (void)
{
  guint n = 0;
  g_autofree char *shown = hsh_show_invisible_characters ("لـ\u200F«الدبيبة»\u200C", &n);

  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (strstr (shown, "⟨TATWEEL⟩"));
  g_assert_nonnull (strstr (shown, "⟨RLM⟩"));
  g_assert_nonnull (strstr (shown, "⟨ZWNJ⟩"));
  g_assert_nonnull (strstr (shown, "الدبيبة"));
}

int
main (int   argc,
      char *argv[])
{
  if (!hsh_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/workbench/tags-a-selection-inside-a-word", test_tags_selection_inside_a_word);
  ADD ("/ui/workbench/undo-and-redo-restore-the-annotation", test_undo_and_redo_restore_the_annotation);
  ADD ("/ui/workbench/undo-and-redo-keep-the-reader-in-place", test_undo_and_redo_keep_the_reader_in_place);
  ADD ("/ui/workbench/undo-shows-what-it-changed-out-of-sight", test_undo_shows_what_it_changed_out_of_sight);
  ADD ("/ui/workbench/redo-toast-replaces-the-undo-toast-at-once", test_redo_toast_replaces_the_undo_toast);
  ADD ("/ui/workbench/rapid-undo-and-redo-keep-one-toast", test_rapid_undo_and_redo_keep_one_toast);
  ADD ("/ui/workbench/toast-shows-markup-characters-as-written", test_toast_shows_markup_characters_as_written);
  ADD ("/ui/workbench/reader-redraws-without-gtk-warnings", test_reader_redraws_without_gtk_warnings);
  ADD ("/ui/workbench/read-only-view-follows-the-file-in-place", test_read_only_view_follows_the_file_in_place);
  ADD ("/ui/workbench/palette-keys-do-not-look-alike", test_palette_keys_do_not_look_alike);
  ADD ("/ui/workbench/overlapping-annotations-are-all-reachable", test_overlapping_annotations_are_all_reachable);
  ADD ("/ui/workbench/moves-boundaries-and-adds-fragments", test_boundaries_and_fragments);
  ADD ("/ui/workbench/inspector-edits-persist-after-reopening", test_inspector_edits_persist_after_reopening);
  ADD ("/ui/workbench/find-folds-arabic-spellings", test_find_folds_arabic_spellings);
  ADD ("/ui/workbench/direction-override-is-stored-and-undone", test_direction_override);
  ADD ("/ui/workbench/screenshots-of-the-sample", test_screenshots);
#undef ADD
  g_test_add_func ("/ui/inspector/shows-invisible-characters", test_invisible_characters_are_shown);

  return g_test_run ();
}
