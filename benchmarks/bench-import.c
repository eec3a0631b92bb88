/* bench-import.c: importing 3,000 news articles with the search index, against the budget
 * (≤ 1 s) and against a plain Python sqlite3 import of the same files run in the same benchmark. */
#include <locale.h>
#include <glib/gstdio.h>
#include "hsh-format.h"
#include "hsh-model.h"
#include "bench-support.h"

#define RUNS 5

static double
hashiya_import (const char *folder, const char *project, double *read_seconds)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = NULL;
  gint64 start, read_done;

  bench_remove_project (project);
  start = g_get_monotonic_time ();
  store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, &error);
  if (store == NULL || !hsh_format_lookup ("text")->read (folder, bundles, NULL, &error))
    g_error ("%s", error->message);
  read_done = g_get_monotonic_time ();
  if (!hsh_store_import_bundles (store, bundles, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);
  *read_seconds = (read_done - start) / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autofree char *folder = bench_shared_path ("corpora/saudinewsnet/articles");
  g_autofree char *dir = g_dir_make_tmp ("hashiya-bench-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "news.hashiya", NULL);
  g_autofree char *reference_db = g_build_filename (dir, "python.db", NULL);
  g_autofree char *script = bench_source_path ("benchmarks/import-python.py");
  double best = G_MAXDOUBLE, best_read = 0, best_python = G_MAXDOUBLE;

  setlocale (LC_ALL, "");

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return bench_skip ("the SaudiNewsNet corpus is not beside the project");
  /* Alternate the two so that whatever else the machine does weighs on both alike. */
  for (int run = 0; run < RUNS; run++)
    {
      double read_seconds, seconds = hashiya_import (folder, project, &read_seconds);
      double python = bench_run_python (script, folder, reference_db);
      if (seconds < best)
        {
          best = seconds;
          best_read = read_seconds;
        }
      best_python = MIN (best_python, python);
    }
  bench_remove_project (project);
  g_unlink (reference_db);
  g_rmdir (dir);
  bench_report ("import 3,000 articles with search index", best, 1.0, "s");
  g_print ("  of which reading and decoding the files: %.3f s\n", best_read);
  if (best_python > 0)
    bench_report_ratio ("import vs plain Python sqlite3 import", best, best_python, 1.0);
  return 0;
}
