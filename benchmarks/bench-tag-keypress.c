/* bench-tag-keypress.c: select + key on the open 1 MB document with 20,000 annotations — from the
 * label's action to the annotation stored and its highlight drawn — against 16 ms median; and the
 * resident memory with only that document open, against 200 MB. */
#include "config.h"

#include <adwaita.h>

#include "hsh-window.h"
#include "bench-support.h"
#include "bench-ui-support.h"

#define REPETITIONS 60
#define DOCUMENT_BYTES 1000000
#define ANNOTATIONS 20000

typedef struct {
  HshWindow  *window;
  gint64      before;
  gint64      start;
  gint64      end;
  GtkTextTag *tag;
} Keypress;

/* A new annotation is selected, stored, and its label's tag lies on its first character. */
static gboolean
tag_drawn (gpointer data)
{
  Keypress *press = data;
  GtkTextView *text_view = hsh_document_view_get_text_view (hsh_window_get_document_view (press->window));
  GtkTextIter iter;
  gint64 id = hsh_window_get_selected_annotation (press->window);

  if (id == 0 || id == press->before)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) press->start);
  return gtk_text_iter_has_tag (&iter, press->tag);
}

/* Brings @offset on screen where the reader itself would put it, and lets the layout settle, so
 * that only the key press is timed, as when a coder selects what they are reading. */
static void
scroll_to (HshWindow *window,
           gint64     offset)
{
  GtkTextView *text_view = hsh_document_view_get_text_view (hsh_window_get_document_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "hsh-scroll");
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (text_view, mark, 0, TRUE, 0, 0.3);
  bench_wait_for_frame (GTK_WIDGET (window), NULL, NULL);
  bench_spin (150);
}

static void
select_span (HshWindow *window,
             gint64     start,
             gint64     end)
{
  GtkTextView *text_view = hsh_document_view_get_text_view (hsh_window_get_document_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, (int) end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
  bench_wait_for_frame (GTK_WIDGET (window), NULL, NULL);
  /* A coder's key comes well after the selection is drawn: the frame clock is idle again. */
  bench_spin (40);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) action = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  BenchProject *project;
  HshWindow *window;
  HshCodebook *codebook;
  HshDocumentView *view;
  double resident, median;

  if (!bench_ui_init ())
    return bench_skip ("no display; run under xvfb-run -a");

  project = bench_project_new (DOCUMENT_BYTES, ANNOTATIONS);
  window = g_object_ref_sink (hsh_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  hsh_window_set_store (window, project->store);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_frame (GTK_WIDGET (window), NULL, NULL);
  if (!hsh_window_show_document (window, project->large_id, &error))
    g_error ("%s", error->message);
  bench_wait_for_frame (GTK_WIDGET (window), NULL, NULL);
  /* The rest of the highlights and the background layout finish before the first key. */
  bench_spin (4000);
  resident = bench_resident_megabytes ();

  codebook = hsh_window_get_codebook (window);
  view = hsh_window_get_document_view (window);
  for (guint i = 0; i < REPETITIONS; i++)
    {
      const HshLabel *label = g_ptr_array_index (codebook->labels, i % codebook->labels->len);
      gint64 where = project->length * (2 * i + 1) / (2 * REPETITIONS);
      Keypress press = { window, 0, 0, 0, hsh_document_view_get_label_tag (view, label->id) };
      gint64 begin, returned, drawn;
      double key_to_drawn, action_only;
      g_autoptr(HshAnnotation) stored = NULL;

      /* Two words and a bit: selections may end inside a word. */
      press.start = bench_project_word_at (project, where, NULL);
      press.end = MIN (press.start + 14, project->length);
      scroll_to (window, press.start);
      select_span (window, press.start, press.end);
      press.before = hsh_window_get_selected_annotation (window);

      begin = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "x", label->id);
      returned = g_get_monotonic_time ();
      drawn = bench_wait_for_frame (GTK_WIDGET (window), tag_drawn, &press);

      stored = hsh_store_get_annotation (project->store, hsh_window_get_selected_annotation (window), &error);
      if (stored == NULL || hsh_annotation_start (stored) != press.start || hsh_annotation_end (stored) != press.end)
        g_error ("the annotation at %" G_GINT64_FORMAT " was not stored as selected", press.start);

      key_to_drawn = (drawn - begin) / 1000.0;
      action_only = (returned - begin) / 1000.0;
      g_array_append_val (total, key_to_drawn);
      g_array_append_val (action, action_only);
    }

  g_print ("document: %" G_GSIZE_FORMAT " bytes, %" G_GINT64_FORMAT " characters, %u annotations; "
           "%d key presses spread over it\n", project->bytes, project->length, project->n_annotations,
           REPETITIONS);
  g_print ("  action alone (store, index, list, tags): median %.2f ms\n", bench_median (action));
  median = bench_median (total);
  g_print ("  key → drawn: best %.2f ms, 90th percentile %.2f ms, slowest %.2f ms\n",
           g_array_index (total, double, 0), g_array_index (total, double, total->len * 9 / 10),
           g_array_index (total, double, total->len - 1));
  bench_report ("select + key → stored and drawn, median", median, 16, "ms");
  bench_report ("resident memory with the 1 MB document open", resident, 200, "MB");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  bench_project_free (project);
  return 0;
}
