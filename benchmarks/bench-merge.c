/* bench-merge.c: merging one coder's file of 100,000 annotations into another's of the same size
 * (same 1,000 documents), against the budget of 1 s; then merging it again (nothing to do). */
#include <locale.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include "hsh-merge.h"
#include "bench-support.h"
#include "hsh-test-support.h"

#define DOCUMENTS 1000
#define PER_DOCUMENT 100

/* CPU seconds this process used so far: unlike wall time, not inflated by other work. */
static double
cpu_seconds (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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
  g_autoptr(HshStore) omar = NULL;
  g_autoptr(HshMergeSummary) first = NULL;
  g_autoptr(HshMergeSummary) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds, idle_seconds, cpu;

  setlocale (LC_ALL, "");
  g_object_unref (hsh_test_make_corpus_project (layla_path, DOCUMENTS, PER_DOCUMENT,
                                                "22222222-2222-4222-8222-222222222222", "Layla", 7));
  omar = hsh_test_make_corpus_project (omar_path, DOCUMENTS, PER_DOCUMENT,
                                       "33333333-3333-4333-8333-333333333333", "Omar", 7);
  if (keep)
    return 0;
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  first = hsh_store_merge (omar, layla_path, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  if (first == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  again = hsh_store_merge (omar, layla_path, NULL, &error);
  idle_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("merged: %u annotations, %u rows in all, %u documents new, %u conflicts\n",
           first->annotations_added, first->rows_added, first->documents_added, first->conflicts);
  bench_report ("merge 100,000 annotations into a file of 100,000", seconds, 1.0, "s");
  g_print ("  of which CPU time (user + system): %.3f s\n", cpu);
  bench_report ("merge the same file again (nothing changes)", idle_seconds, 1.0, "s");
  g_clear_object (&omar);
  bench_remove_project (layla_path);
  bench_remove_project (omar_path);
  g_rmdir (dir);
  return 0;
}
