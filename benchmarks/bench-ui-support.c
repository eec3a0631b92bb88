/* bench-ui-support.c: GTK set-up, the large annotated document and frame waits for the reader
 * benchmarks. */
#include "bench-ui-support.h"

#include <adwaita.h>
#include <locale.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "hsh-bundle.h"
#include "hsh-identity.h"
#include "hsh-sample.h"
#include "bench-support.h"

gboolean
bench_ui_init (void)
{
  /* GTK's own test set-up would force en_US.UTF-8, which this machine lacks. */
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

/* Whole paragraphs of the sample, repeated: paragraphs stay the unit of layout, as in a real
 * article, instead of one megabyte-long line that Pango would shape as a whole. */
static char *
repeat_sample (const char *sample,
               gsize       bytes)
{
  g_auto(GStrv) lines = g_strsplit (sample, "\n", -1);
  g_autoptr(GString) text = g_string_sized_new (bytes + 4096);

  while (text->len < bytes)
    for (guint i = 0; lines[i] != NULL && text->len < bytes; i++)
      {
        if (*lines[i] == '\0')
          continue;
        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, lines[i]);
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where words begin, in code points (@starts) and in bytes (@byte_starts), found in one pass. */
static void
find_word_starts (const char  *text,
                  GArray     **starts,
                  GArray     **byte_starts)
{
  gunichar previous = ' ';
  gint64 offset = 0;

  *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  *byte_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && !g_unichar_isalnum (previous) && previous != '-')
        {
          gsize byte = p - text;

          g_array_append_val (*starts, offset);
          g_array_append_val (*byte_starts, byte);
        }
      previous = c;
    }
}

/* The end of the word that starts at @start (byte @byte): the next space or line break. */
static gint64
word_end (const char *text,
          gint64      start,
          gsize       byte,
          gboolean   *at_line_end)
{
  const char *p = text + byte;
  gint64 offset = start;

  for (; *p != '\0' && *p != ' ' && *p != '\n'; p = g_utf8_next_char (p))
    offset++;
  *at_line_end = *p == '\n' || *p == '\0';
  return offset;
}

/* Spreads the annotations evenly over the words: most cover one to three words, every seventh
 * a longer stretch of eight, so that claims hold actors as in real coding and nesting is drawn. */
static void
add_spans (HshBundle   *bundle,
           GArray      *word_starts,
           GArray      *byte_starts,
           HshCodebook *codebook,
           guint        n_annotations)
{
  guint n_words = word_starts->len;

  for (guint k = 0; k < n_annotations; k++)
    {
      guint first = (guint) ((guint64) k * n_words / n_annotations);
      guint words = k % 7 == 0 ? 8 : 1 + k % 3;
      const HshLabel *label = g_ptr_array_index (codebook->labels, k % codebook->labels->len);
      gint64 start = g_array_index (word_starts, gint64, first);
      gint64 end = start;
      g_autofree char *key = g_strdup_printf ("T%u", k + 1);

      for (guint w = 0; w < words && first + w < n_words; w++)
        {
          gboolean at_line_end = FALSE;

          /* Stop at punctuation between words: the span ends on a word, as a coder's would. */
          if (w > 0 && g_array_index (word_starts, gint64, first + w) != end + 1)
            break;
          end = word_end (bundle->text, g_array_index (word_starts, gint64, first + w),
                          g_array_index (byte_starts, gsize, first + w), &at_line_end);
          if (at_line_end)
            break;
        }
      hsh_bundle_add_span (bundle, key, label->path, start, end);
    }
}

BenchProject *
bench_project_new (gsize bytes,
                   guint n_annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(HshIdentity) identity = hsh_identity_new ("Bench Coder");
  g_autoptr(HshCodebook) codebook = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *sample_path = bench_shared_path ("samples/paris-libya-2021-11-12.ar.txt");
  g_autofree char *sample = NULL;
  g_autoptr(GArray) byte_starts = NULL;
  BenchProject *project = g_new0 (BenchProject, 1);
  HshBundle *small, *large;

  if (!g_file_get_contents (sample_path, &sample, NULL, &error))
    g_error ("%s", error->message);

  project->dir = g_dir_make_tmp ("hashiya-bench-XXXXXX", NULL);
  project->path = g_build_filename (project->dir, "reader.hashiya", NULL);
  project->store = hsh_store_open (project->path, HSH_STORE_OPEN_CREATE, &error);
  if (project->store == NULL ||
      !hsh_store_install_default_codebook (project->store, &error) ||
      !hsh_store_set_annotator (project->store, identity->uuid, identity->name, &error) ||
      (codebook = hsh_store_load_codebook (project->store, &error)) == NULL ||
      (small = hsh_sample_bundle (&error)) == NULL)
    g_error ("%s", error->message);

  project->text = repeat_sample (sample, bytes);
  project->bytes = strlen (project->text);
  project->length = g_utf8_strlen (project->text, -1);
  find_word_starts (project->text, &project->word_starts, &byte_starts);
  project->n_annotations = n_annotations;

  large = hsh_bundle_new ("Paris conference on Libya, repeated to 1 MB", project->text);
  add_spans (large, project->word_starts, byte_starts, codebook, n_annotations);

  /* The sample first: the window opens on it, and the benchmarks switch to the large one. */
  g_ptr_array_add (bundles, small);
  g_ptr_array_add (bundles, large);
  if (!hsh_store_import_bundles (project->store, bundles, NULL, NULL, &error))
    g_error ("%s", error->message);

  documents = hsh_store_list_documents (project->store, &error);
  if (documents == NULL || documents->len != 2)
    g_error ("the scratch project should hold two documents");
  project->small_id = ((HshDocument *) g_ptr_array_index (documents, 0))->id;
  project->large_id = ((HshDocument *) g_ptr_array_index (documents, 1))->id;

  return project;
}

void
bench_project_free (BenchProject *project)
{
  g_clear_object (&project->store);
  bench_remove_project (project->path);
  g_rmdir (project->dir);
  g_array_unref (project->word_starts);
  g_free (project->text);
  g_free (project->path);
  g_free (project->dir);
  g_free (project);
}

gint64
bench_project_word_at (BenchProject *project,
                       gint64        offset,
                       guint        *word_index)
{
  GArray *starts = project->word_starts;
  guint low = 0, high = starts->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (starts, gint64, middle) < offset)
        low = middle + 1;
      else
        high = middle;
    }
  low = MIN (low, starts->len - 1);
  if (word_index != NULL)
    *word_index = low;
  return g_array_index (starts, gint64, low);
}

typedef struct {
  gboolean (*ready) (gpointer data);
  gpointer   data;
  gint64     painted;
} FrameWait;

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  /* The time of the paint, not of the check after it. */
  gint64 now = g_get_monotonic_time ();

  /* Checked right after the paint, before anything else runs: what holds now was drawn. */
  if (wait->painted == 0 && (wait->ready == NULL || wait->ready (wait->data)))
    wait->painted = now;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gint64
bench_wait_for_frame (GtkWidget  *widget,
                      gboolean  (*ready) (gpointer data),
                      gpointer    data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  FrameWait wait = { ready, data, 0 };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake;
  gulong handler;

  g_assert (clock != NULL);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);
  /* Whatever was measured has queued its own redraw already; this one makes sure a frame comes
   * also when nothing changed, and costs nothing when it merges with the pending one. */
  gtk_widget_queue_draw (widget);
  wake = g_timeout_add (50, wake_up, NULL);
  while (wait.painted == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no frame was drawn within 20 s");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  g_signal_handler_disconnect (clock, handler);

  return wait.painted;
}

/* The windows bench_settle () waits on, and when each last painted. */
#define MAX_WATCHED 4
static GdkFrameClock *watched_clocks[MAX_WATCHED];
static gint64 watched_painted[MAX_WATCHED];

static void
on_watched_paint (GdkFrameClock *clock,
                  gpointer       data)
{
  watched_painted[GPOINTER_TO_INT (data)] = g_get_monotonic_time ();
}

void
bench_watch_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  int i = 0;

  g_assert (clock != NULL);
  while (i < MAX_WATCHED && watched_clocks[i] != NULL && watched_clocks[i] != clock)
    i++;
  g_assert (i < MAX_WATCHED);
  if (watched_clocks[i] == clock)
    return;
  watched_clocks[i] = g_object_ref (clock);
  watched_painted[i] = g_get_monotonic_time ();
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_watched_paint), GINT_TO_POINTER (i));
}

void
bench_settle (guint quiet_ms)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      gint64 now = g_get_monotonic_time (), last = 0;

      for (int i = 0; i < MAX_WATCHED && watched_clocks[i] != NULL; i++)
        last = MAX (last, watched_painted[i]);
      if (now - last >= (gint64) quiet_ms * 1000)
        return;
      if (now > deadline)
        g_error ("the windows kept drawing for 20 s");
      bench_spin (10);
    }
}

void
bench_spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

double
bench_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

double
bench_resident_megabytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}
