/* bench-open-document.c: opening a 1 MB Arabic document carrying 20,000 annotations in the
 * reader, against a plain GtkTextView showing the same text without annotations, measured side
 * by side in one run; and the resident memory with the document open. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "hsh-window.h"
#include "bench-support.h"
#include "bench-ui-support.h"

#define RUNS 9
#define DOCUMENT_BYTES 1000000
#define ANNOTATIONS 20000
/* Longer than the overlay scrollbars' pause between fading in and fading out (1 s). */
#define QUIET_MS 1500

typedef struct {
  HshWindow    *window;
  BenchProject *project;
} Reader;

/* The first and last code points on screen, from the display lines at the top and bottom. */
static void
visible_range (GtkTextView *text_view,
               gint64      *start,
               gint64      *end)
{
  GdkRectangle visible;
  GtkTextIter top, bottom;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (text_view, &bottom, visible.x, visible.y + visible.height - 1);
  gtk_text_view_backward_display_line_start (text_view, &top);
  gtk_text_view_forward_display_line_end (text_view, &bottom);
  *start = gtk_text_iter_get_offset (&top);
  *end = gtk_text_iter_get_offset (&bottom);
}

/* The large document is in the buffer and every annotation on screen wears its label's tag. The
 * annotations come from the store, not from the window's index, so that an index still missing
 * some cannot pass for complete. */
static gboolean
visible_highlights_drawn (gpointer data)
{
  Reader *reader = data;
  HshDocumentView *view = hsh_window_get_document_view (reader->window);
  GtkTextView *text_view = hsh_document_view_get_text_view (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autoptr(GPtrArray) shown = NULL;
  gint64 start, end;

  if (gtk_text_buffer_get_char_count (buffer) != reader->project->length)
    return FALSE;

  visible_range (text_view, &start, &end);
  shown = hsh_store_list_annotations_in_range (reader->project->store, reader->project->large_id, start, end, NULL);
  for (guint i = 0; shown != NULL && i < shown->len; i++)
    {
      const HshAnnotation *annotation = g_ptr_array_index (shown, i);
      GtkTextTag *tag = hsh_document_view_get_label_tag (view, annotation->label_id);

      for (guint j = 0; j < annotation->ranges->len; j++)
        {
          const HshRange *range = &g_array_index (annotation->ranges, HshRange, j);
          GtkTextIter iter;

          if (range->end <= start || range->start >= end)
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MAX (range->start, start));
          if (!gtk_text_iter_has_tag (&iter, tag))
            return FALSE;
        }
    }

  return shown != NULL && shown->len > 0;
}

/* The reader's font, size and line spacing, so that both views lay out the same lines. */
static void
style_like_the_reader (GtkTextView *text_view)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *family = g_settings_get_string (settings, "reader-font");
  int size = g_settings_get_int (settings, "reader-font-size");
  double size_px = size * 96.0 / 72.0;
  int inside_wrap = (int) lround (size_px * MAX (0.0, g_settings_get_double (settings, "reader-line-spacing") - 1.0));
  g_autofree char *css = g_strdup_printf ("textview.plain { font-family: \"%s\", \"Noto Naskh Arabic\", "
                                          "\"Amiri\", \"DejaVu Sans\", serif; font-size: %dpt; }",
                                          family, size);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (GTK_WIDGET (text_view), "plain");
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_left_margin (text_view, 40);
  gtk_text_view_set_right_margin (text_view, 40);
  gtk_text_view_set_top_margin (text_view, 24);
  gtk_text_view_set_bottom_margin (text_view, 48);
  gtk_text_view_set_pixels_inside_wrap (text_view, inside_wrap);
  gtk_text_view_set_pixels_below_lines (text_view, inside_wrap + (int) lround (size_px * 0.6));
}

/* A window holding nothing but a text view of the reader's size. */
static GtkWidget *
plain_window_new (int           width,
                  int           height,
                  GtkTextView **text_view)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  *text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  style_like_the_reader (*text_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (*text_view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  return window;
}

static double
measure_plain (GtkWidget   *window,
               GtkTextView *text_view,
               const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  gint64 start, drawn;

  gtk_text_buffer_set_text (buffer, "", -1);
  bench_wait_for_frame (window, NULL, NULL);
  bench_settle (QUIET_MS);

  start = g_get_monotonic_time ();
  gtk_text_buffer_set_text (buffer, text, -1);
  drawn = bench_wait_for_frame (window, NULL, NULL);

  /* Emptied again, so that its background layout does not weigh on the reader's run. */
  gtk_text_buffer_set_text (buffer, "", -1);
  bench_wait_for_frame (window, NULL, NULL);
  return (drawn - start) / 1000.0;
}

static double
measure_reader (Reader *reader,
                double *call_ms)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = GTK_WIDGET (reader->window);
  gint64 start, returned, drawn;

  if (!hsh_window_show_document (reader->window, reader->project->small_id, &error))
    g_error ("%s", error->message);
  bench_wait_for_frame (window, NULL, NULL);
  bench_settle (QUIET_MS);

  start = g_get_monotonic_time ();
  if (!hsh_window_show_document (reader->window, reader->project->large_id, &error))
    g_error ("%s", error->message);
  returned = g_get_monotonic_time ();
  drawn = bench_wait_for_frame (window, visible_highlights_drawn, reader);

  /* Back to the small document, so that the large one's background work (the rest of its
   * annotations, highlights and layout) does not weigh on the plain view's next run. */
  if (!hsh_window_show_document (reader->window, reader->project->small_id, &error))
    g_error ("%s", error->message);
  bench_wait_for_frame (window, NULL, NULL);

  *call_ms = (returned - start) / 1000.0;
  return (drawn - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reader_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Reader reader = { 0 };
  GtkTextView *reader_view, *plain_view;
  GtkWidget *plain_window;
  double best_plain, best_reader, median_plain, median_reader, resident;
  g_autoptr(GError) error = NULL;

  if (!bench_ui_init ())
    return bench_skip ("no display; run under xvfb-run -a");

  reader.project = bench_project_new (DOCUMENT_BYTES, ANNOTATIONS);
  g_print ("document: %" G_GSIZE_FORMAT " bytes, %" G_GINT64_FORMAT " characters, %u annotations\n",
           reader.project->bytes, reader.project->length, reader.project->n_annotations);

  reader.window = g_object_ref_sink (hsh_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (reader.window), 1280, 800);
  hsh_window_set_store (reader.window, reader.project->store);
  gtk_window_present (GTK_WINDOW (reader.window));
  bench_wait_for_frame (GTK_WIDGET (reader.window), NULL, NULL);

  reader_view = hsh_document_view_get_text_view (hsh_window_get_document_view (reader.window));
  plain_window = plain_window_new (gtk_widget_get_width (GTK_WIDGET (reader_view)),
                                   gtk_widget_get_height (GTK_WIDGET (reader_view)), &plain_view);
  gtk_window_present (GTK_WINDOW (plain_window));
  bench_wait_for_frame (plain_window, NULL, NULL);
  /* Each run starts once neither window draws any more. */
  bench_watch_frames (GTK_WIDGET (reader.window));
  bench_watch_frames (plain_window);
  g_print ("text area: %d×%d px in both\n", gtk_widget_get_width (GTK_WIDGET (reader_view)),
           gtk_widget_get_height (GTK_WIDGET (reader_view)));

  /* One of each first, so that fonts, glyph caches and type classes are warm for both. */
  measure_plain (plain_window, plain_view, reader.project->text);
  {
    double ignored;
    measure_reader (&reader, &ignored);
  }

  /* Alternate, so whatever else the machine does weighs on both alike. */
  for (int run = 0; run < RUNS; run++)
    {
      double call, a = measure_plain (plain_window, plain_view, reader.project->text);
      double b = measure_reader (&reader, &call);

      g_array_append_val (plain, a);
      g_array_append_val (reader_ms, b);
      g_array_append_val (call_ms, call);
      g_print ("  run %d: plain %.1f ms, reader %.1f ms (of which hsh_window_show_document %.1f ms)\n",
               run + 1, a, b, call);
    }

  /* The large document stays open: memory is measured once its idle work has finished. */
  if (!hsh_window_show_document (reader.window, reader.project->large_id, &error))
    g_error ("%s", error->message);
  bench_spin (3000);
  resident = bench_resident_megabytes ();

  median_plain = bench_median (plain);
  median_reader = bench_median (reader_ms);
  best_plain = g_array_index (plain, double, 0);
  best_reader = g_array_index (reader_ms, double, 0);
  g_print ("(a) plain GtkTextView, set_text → first frame: best %.1f ms, median %.1f ms\n",
           best_plain, median_plain);
  g_print ("(b) reader, show document → first frame with visible highlights: best %.1f ms, median %.1f ms "
           "(synchronous part: median %.1f ms)\n", best_reader, median_reader, bench_median (call_ms));
  bench_report_ratio ("open 1 MB document with 20,000 annotations vs plain GtkTextView (median)",
                      median_reader, median_plain, 1.3);
  bench_report_ratio ("open 1 MB document with 20,000 annotations vs plain GtkTextView (best)",
                      best_reader, best_plain, 1.3);
  bench_report ("open 1 MB document with 20,000 annotations, median", median_reader, 300, "ms");
  g_print ("resident memory, both windows open (plain view emptied): %.0f MB\n", resident);

  gtk_window_destroy (GTK_WINDOW (plain_window));
  gtk_window_destroy (GTK_WINDOW (reader.window));
  g_clear_object (&reader.window);
  bench_project_free (reader.project);
  return 0;
}
