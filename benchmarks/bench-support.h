/* bench-support.h: what the benchmarks share — paths, the reference runs, and the report lines
 * that print each figure against its budget. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *bench_shared_path     (const char *relative);
char   *bench_source_path     (const char *relative);
int     bench_skip            (const char *why);
void    bench_remove_project  (const char *path);
/* Runs `python3 SCRIPT ARG1 ARG2`; the script prints its own seconds. Returns -1 without Python. */
double  bench_run_python      (const char *script,
                               const char *arg1,
                               const char *arg2);
/* Prints "figure: 0.412 s (budget ≤ 1.000 s) — within budget" or "— OVER BUDGET". */
void    bench_report          (const char *what,
                               double      value,
                               double      budget,
                               const char *unit);
/* Prints value/reference as a ratio against the largest allowed ratio. */
void    bench_report_ratio    (const char *what,
                               double      value,
                               double      reference,
                               double      max_ratio);

G_END_DECLS
