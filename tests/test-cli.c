/* test-cli.c: hashiya-cli end to end — exit codes and messages a script relies on. */
#include <sqlite3.h>
#include <string.h>
#include "hsh-test-cli.h"
#include "hsh-test-support.h"

static char *
project_path (const char *name)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  return g_build_filename (dir, name, NULL);
}

static void
test_sample_lists_the_annotated_article (void)
{
  g_autofree char *path = project_path ("sample.hashiya");
  g_auto(HshCliRun) made = { 0 }, listed = { 0 }, stats = { 0 };

  hsh_test_cli (&made, "sample", path, NULL);
  g_assert_cmpint (made.status, ==, 0);
  hsh_test_cli (&listed, "list", path, NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "1\t37\t"));
  hsh_test_cli (&stats, "stats", path, NULL);
  g_assert_nonnull (strstr (stats.out, "annotations\t37\n"));
  g_assert_nonnull (strstr (stats.out, "role links\t7\n"));
}

static void
test_show_prints_offsets_in_code_points (void)
{
  g_autofree char *path = project_path ("sample.hashiya");
  g_auto(HshCliRun) made = { 0 }, shown = { 0 };

  hsh_test_cli (&made, "sample", path, NULL);
  hsh_test_cli (&shown, "show", path, "1", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out, "\t2368-2412\tCommitment\tالتزام القوات الشرقية بإخراج 300 مرتزق أجنبي\n"));
  g_assert_nonnull (strstr (shown.out, "\t1123-1135\tActor/Person\tMario Draghi\n"));
}

static void
test_init_refuses_existing_file (void)
{
  g_autofree char *path = project_path ("p.hashiya");
  g_auto(HshCliRun) first = { 0 }, second = { 0 };

  hsh_test_cli (&first, "init", path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  hsh_test_cli (&second, "init", path, NULL);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_nonnull (strstr (second.err, "already exists"));
}

static void
test_import_decodes_and_counts (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "p.hashiya", NULL);
  g_autofree char *docs = g_build_filename (dir, "docs", NULL);
  g_autofree char *crlf = g_build_filename (docs, "a.txt", NULL);
  g_autofree char *utf16 = g_build_filename (docs, "b.txt", NULL);
  gsize length = 0;
  g_autofree char *body = g_convert ("\xEF\xBB\xBFأنقرة وموسكو", -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_auto(HshCliRun) init = { 0 }, imported = { 0 }, shown = { 0 };

  g_mkdir_with_parents (docs, 0700);
  g_file_set_contents (crlf, "سطر أول\r\nسطر ثانٍ\r\n", -1, NULL);
  /* The BOM was converted too, so the file starts with FF FE. */
  g_file_set_contents (utf16, body, (gssize) length, NULL);
  hsh_test_cli (&init, "init", path, NULL);
  hsh_test_cli (&imported, "import", path, docs, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "Imported 2 documents"));
  hsh_test_cli (&shown, "show", path, "a", NULL);
  g_assert_true (g_str_has_prefix (shown.out, "سطر أول\nسطر ثانٍ\n"));
  hsh_cli_run_clear (&shown);
  hsh_test_cli (&shown, "show", path, "b", NULL);
  g_assert_true (g_str_has_prefix (shown.out, "أنقرة وموسكو\n"));
}

static void
test_import_refuses_invalid_bytes_and_changes_nothing (void)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "p.hashiya", NULL);
  g_autofree char *good = g_build_filename (dir, "good.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.txt", NULL);
  g_auto(HshCliRun) init = { 0 }, imported = { 0 }, listed = { 0 };

  g_file_set_contents (good, "نص سليم", -1, NULL);
  g_file_set_contents (bad, "abc\n\xC0\xAF", -1, NULL);
  hsh_test_cli (&init, "init", path, NULL);
  hsh_test_cli (&imported, "import", path, good, bad, NULL);
  g_assert_cmpint (imported.status, ==, 1);
  g_assert_nonnull (strstr (imported.err, "bad.txt: line 2, byte offset 4: invalid UTF-8"));
  hsh_test_cli (&listed, "list", path, NULL);
  g_assert_cmpstr (listed.out, ==, "id\tannotations\tcharacters\tstatus\ttitle\n");
}

static void
exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_check_reports_drifted_annotation (void)
{
  g_autofree char *path = project_path ("sample.hashiya");
  g_auto(HshCliRun) made = { 0 }, clean = { 0 }, drifted = { 0 };

  hsh_test_cli (&made, "sample", path, NULL);
  hsh_test_cli (&clean, "check", path, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  exec_raw (path, "UPDATE annotation SET ranges = '2809-2813', start = 2809 WHERE text = 'فاجنر'");
  hsh_test_cli (&drifted, "check", path, NULL);
  g_assert_cmpint (drifted.status, ==, 3);
  g_assert_nonnull (strstr (drifted.out, "problem: document 1, annotation"));
  g_assert_nonnull (strstr (drifted.out, "stored text “فاجنر” differs from the text at its offsets “اجنر”"));
}

static void
test_refuses_hostile_project (void)
{
  g_autofree char *path = project_path ("hostile.hashiya");
  g_auto(HshCliRun) made = { 0 }, listed = { 0 };

  hsh_test_cli (&made, "sample", path, NULL);
  exec_raw (path, "CREATE TRIGGER wipe AFTER UPDATE ON annotation BEGIN DELETE FROM annotation; END;");
  hsh_test_cli (&listed, "list", path, NULL);
  g_assert_cmpint (listed.status, ==, 1);
  g_assert_nonnull (strstr (listed.err, "trigger named “wipe”"));
}

static void
test_usage_errors_exit_2 (void)
{
  g_auto(HshCliRun) none = { 0 }, unknown = { 0 }, missing = { 0 };

  hsh_test_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  hsh_test_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command “frobnicate”"));
  hsh_test_cli (&missing, "import", "only-a-project.hashiya", NULL);
  g_assert_cmpint (missing.status, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/sample/lists-the-annotated-article", test_sample_lists_the_annotated_article);
  g_test_add_func ("/cli/show/prints-offsets-in-code-points", test_show_prints_offsets_in_code_points);
  g_test_add_func ("/cli/init/refuses-existing-file", test_init_refuses_existing_file);
  g_test_add_func ("/cli/import/decodes-and-counts", test_import_decodes_and_counts);
  g_test_add_func ("/cli/import/refuses-invalid-bytes-and-changes-nothing", test_import_refuses_invalid_bytes_and_changes_nothing);
  g_test_add_func ("/cli/check/reports-drifted-annotation", test_check_reports_drifted_annotation);
  g_test_add_func ("/cli/open/refuses-hostile-project", test_refuses_hostile_project);
  g_test_add_func ("/cli/usage/errors-exit-2", test_usage_errors_exit_2);
  return g_test_run ();
}
