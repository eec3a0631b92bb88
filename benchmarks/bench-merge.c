/* bench-merge.c: merging one coder's file of 100,000 annotations into another's of the same size
 * (same 1,000 documents), against the budget of 1 s; then merging it again (nothing to do). */
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include "hsh-merge.h"
#include "bench-support.h"
#include "hsh-test-support.h"

#define DOCUMENTS 1000
#define PER_DOCUMENT 100
/* Each run merges into a fresh copy of the same project; the median is reported, as a single
 * run on a shared machine says as much about the machine as about the merge. */
#define RUNS 5

typedef struct {
  double seconds;
  double cpu;
} Timing;

/* CPU seconds this process used so far: unlike wall time, not inflated by other work. */
static double
cpu_seconds (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int
compare_timings (gconstpointer a, gconstpointer b)
{
  double x = ((const Timing *) a)->seconds, y = ((const Timing *) b)->seconds;
  return (x > y) - (x < y);
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  fields = g_strsplit (text, " ", 4);
  return g_strjoin (" ", fields[0], fields[1] != NULL ? fields[1] : "", fields[2] != NULL ? fields[2] : "", NULL);
}

/* A fresh copy of the project at @path (closed, so its file holds everything), opened. */
static HshStore *
open_copy (const char *path, const char *copy_path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  HshStore *store;

  bench_remove_project (copy_path);
  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !g_file_set_contents (copy_path, contents, (gssize) length, &error) ||
      !(store = hsh_store_open (copy_path, 0, &error)))
    g_error ("%s", error->message);
  return store;
}

static HshMergeSummary *
timed_merge (HshStore *store, const char *source_path, Timing *timing)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  HshMergeSummary *summary = hsh_store_merge (store, source_path, NULL, &error);

  timing->seconds = (g_get_monotonic_time () - start) / 1e6;
  timing->cpu = cpu_seconds () - cpu;
  if (summary == NULL)
    g_error ("%s", error->message);
  return summary;
}

int
main (int argc, char **argv)
{
  /* With a folder argument the two projects are only made, there: to profile a merge on its own
   * (hashiya-cli merge FOLDER/omar.hashiya FOLDER/layla.hashiya). */
  gboolean keep = argc > 1;
  g_autofree char *dir = keep ? g_strdup (argv[1]) : g_dir_make_tmp ("hashiya-bench-XXXXXX", NULL);
  g_autofree char *layla_path = g_build_filename (dir, "layla.hashiya", NULL);
  g_autofree char *omar_path = g_build_filename (dir, "omar.hashiya", NULL);
  g_autofree char *run_path = g_build_filename (dir, "omar-run.hashiya", NULL);
  g_autofree char *load = NULL;
  g_autoptr(HshMergeSummary) first = NULL;
  g_autoptr(HshMergeSummary) again = NULL;
  Timing runs[RUNS], idle;
  const Timing *median;

  setlocale (LC_ALL, "");
  g_object_unref (hsh_test_make_corpus_project (layla_path, DOCUMENTS, PER_DOCUMENT,
                                                "22222222-2222-4222-8222-222222222222", "Layla", 7));
  g_object_unref (hsh_test_make_corpus_project (omar_path, DOCUMENTS, PER_DOCUMENT,
                                                "33333333-3333-4333-8333-333333333333", "Omar", 7));
  if (keep)
    return 0;
  load = load_average ();
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(HshStore) omar = open_copy (omar_path, run_path);
      g_clear_pointer (&first, hsh_merge_summary_free);
      first = timed_merge (omar, layla_path, &runs[run]);
      if (run == RUNS - 1)
        again = timed_merge (omar, layla_path, &idle);
    }
  g_print ("merged: %u annotations, %u rows in all, %u documents new, %u conflicts\n",
           first->annotations_added, first->rows_added, first->documents_added, first->conflicts);
  g_print ("runs (s):");
  for (int run = 0; run < RUNS; run++)
    g_print (" %.3f", runs[run].seconds);
  g_print ("; load average before: %s\n", load);
  qsort (runs, RUNS, sizeof runs[0], compare_timings);
  median = &runs[RUNS / 2];
  bench_report ("merge 100,000 annotations into a file of 100,000 (median)", median->seconds, 1.0, "s");
  g_print ("  best %.3f s, worst %.3f s; CPU time (user + system, both threads) of the median run: %.3f s\n",
           runs[0].seconds, runs[RUNS - 1].seconds, median->cpu);
  bench_report ("merge the same file again (nothing changes)", idle.seconds, 1.0, "s");
  bench_remove_project (run_path);
  bench_remove_project (layla_path);
  bench_remove_project (omar_path);
  g_rmdir (dir);
  return 0;
}
