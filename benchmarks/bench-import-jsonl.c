/* bench-import-jsonl.c: importing a Hashiya JSONL corpus of 1,000,000 annotations over 10,000
 * documents (attributes, notes, role links, actors, annotators) into a new project: its time
 * (the design brief sets no budget for it) and its peak resident memory, against an aim of
 * ≤ 200 MB whatever the corpus size. Each import runs in a process of its own, so that its
 * peak resident memory is its own; the whole-file way (every document read, then imported) runs
 * once beside it for comparison. */
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include "hsh-corpus.h"
#include "hsh-format-jsonl.h"
#include "bench-corpus.h"
#include "bench-support.h"

#define RUNS 3
#define DOCUMENTS 10000

/* Written a document at a time, so that this process stays small beside the imports it runs. */
static void
write_corpus (const char *path, const char *sample)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211112);
  g_autoptr(GString) line = g_string_new (NULL);
  glong sample_length = g_utf8_strlen (sample, -1);
  FILE *out = fopen (path, "w");

  if (out == NULL)
    g_error ("cannot write %s", path);
  for (guint i = 0; i < DOCUMENTS; i++)
    {
      g_autoptr(HshBundle) bundle = bench_corpus_document (sample, sample_length, rand, i + 1);
      g_string_truncate (line, 0);
      hsh_jsonl_append_bundle (line, bundle, NULL);
      fwrite (line->str, 1, line->len, out);
    }
  fclose (out);
}

/* In the child: imports @corpus into a new @project and prints "seconds resident-KB annotations". */
static int
run_import (const char *how, const char *project, const char *corpus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshStore) store = NULL;
  HshImportSummary summary = { 0 };
  struct rusage usage;
  gint64 start;

  bench_remove_project (project);
  start = g_get_monotonic_time ();
  if (!(store = hsh_store_open (project, HSH_STORE_OPEN_CREATE, &error)))
    g_error ("%s", error->message);
  if (g_str_equal (how, "streamed"))
    {
      const char *const paths[] = { corpus, NULL };
      const HshFormat *const formats[] = { &hsh_format_jsonl };
      if (!hsh_store_import_files (store, paths, formats, &summary, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  else
    {
      g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
      if (!hsh_format_jsonl.read (corpus, bundles, NULL, &error) ||
          !hsh_store_import_bundles (store, bundles, &summary, NULL, &error))
        g_error ("%s", error->message);
    }
  g_clear_object (&store);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%.3f %ld %u\n", (g_get_monotonic_time () - start) / 1e6, usage.ru_maxrss, summary.annotations);
  return 0;
}

static double
spawn_import (const char *self, const char *how, const char *project, const char *corpus, double *megabytes)
{
  const char *argv[] = { self, "--import", how, project, corpus, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  double seconds = 0;
  long kilobytes = 0;
  guint annotations = 0;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("import run: %s", error->message);
  if (sscanf (out, "%lf %ld %u", &seconds, &kilobytes, &annotations) != 3 ||
      annotations != DOCUMENTS * BENCH_CORPUS_SPANS_PER_DOCUMENT)
    g_error ("import run printed “%s”", out);
  *megabytes = kilobytes / 1024.0;
  g_print ("  %s: %.3f s, %.0f MB resident at most\n", how, seconds, *megabytes);
  return seconds;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autofree char *sample_path = bench_shared_path ("samples/paris-libya-2021-11-12.ar.txt");
  /* For profiling: a corpus kept from an earlier run (written there when missing). */
  const char *kept = g_getenv ("HASHIYA_BENCH_IMPORT_CORPUS");
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *sample = NULL;
  double seconds[RUNS], megabytes = 0, most_megabytes = 0, whole_megabytes = 0, whole;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--import"))
    return run_import (argv[2], argv[3], argv[4]);
  if (!g_file_get_contents (sample_path, &sample, NULL, NULL))
    return bench_skip ("the sample article is not beside the project");
  dir = g_dir_make_tmp ("hashiya-bench-XXXXXX", NULL);
  project = g_build_filename (dir, "imported.hashiya", NULL);
  corpus = kept != NULL ? g_strdup (kept) : g_build_filename (dir, "corpus.jsonl", NULL);
  if (!g_file_test (corpus, G_FILE_TEST_EXISTS))
    write_corpus (corpus, sample);
  /* The streamed import, as `hashiya-cli import -f jsonl` and the import dialog run it. */
  for (int run = 0; run < RUNS; run++)
    {
      seconds[run] = spawn_import (argv[0], "streamed", project, corpus, &megabytes);
      most_megabytes = MAX (most_megabytes, megabytes);
    }
  whole = spawn_import (argv[0], "whole-file", project, corpus, &whole_megabytes);
  bench_remove_project (project);
  if (kept == NULL)
    g_unlink (corpus);
  g_rmdir (dir);
  qsort (seconds, RUNS, sizeof seconds[0], compare_doubles);
  g_print ("import 1,000,000 annotations from JSONL (median of %d): %.3f s (no budget)\n", RUNS, seconds[RUNS / 2]);
  bench_report ("resident memory of that import, at most", most_megabytes, 200.0, "MB");
  g_print ("  the whole file read first, then imported: %.3f s, %.0f MB\n", whole, whole_megabytes);
  return 0;
}
