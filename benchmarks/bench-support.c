/* bench-support.c: paths, reference runs and budget reports for the benchmarks. */
#include "bench-support.h"

#include <stdlib.h>
#include <glib/gstdio.h>

char *
bench_shared_path (const char *relative)
{
  const char *shared = g_getenv ("HASHIYA_SHARED_DIR");
  return g_build_filename (shared != NULL ? shared : "../shared", relative, NULL);
}

char *
bench_source_path (const char *relative)
{
  const char *source = g_getenv ("HASHIYA_SOURCE_DIR");
  return g_build_filename (source != NULL ? source : ".", relative, NULL);
}

int
bench_skip (const char *why)
{
  g_print ("skipped: %s\n", why);
  return 77;
}

void
bench_remove_project (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

double
bench_run_python (const char *script, const char *arg1, const char *arg2)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { python, script, arg1, arg2, NULL };

  if (python == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return g_ascii_strtod (out, NULL);
}

void
bench_report (const char *what, double value, double budget, const char *unit)
{
  g_print ("%s: %.3f %s (budget ≤ %.3f %s) — %s\n", what, value, unit, budget, unit,
           value <= budget ? "within budget" : "OVER BUDGET");
}

void
bench_report_ratio (const char *what, double value, double reference, double max_ratio)
{
  double ratio = value / reference;
  g_print ("%s: %.3f vs %.3f = %.2f× (budget ≤ %.2f×) — %s\n", what, value, reference, ratio, max_ratio,
           ratio <= max_ratio ? "within budget" : "OVER BUDGET");
}
