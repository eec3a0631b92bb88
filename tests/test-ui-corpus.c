/* test-ui-corpus.c: the export and import dialogs on a scratch copy of the sample, driven
 * through their actions, checked on disk and in the store. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hsh-export-dialog.h"
#include "hsh-identity.h"
#include "hsh-import-dialog.h"
#include "hsh-job-progress.h"
#include "hsh-model.h"
#include "hsh-sample.h"
#include "hsh-test-support.h"
#include "hsh-test-ui.h"
#include "hsh-window.h"

typedef struct {
  char      *dir;
  char      *path;
  HshStore  *store;
  HshWindow *window;
} Fixture;

/* Runs the main loop until the import or export dialog's job is done, for at most 30 s. */
static void
wait_until_done (gpointer dialog)
{
  HshJobProgress *job = hsh_job_progress_from_dialog (dialog);

  HSH_TEST_UI_WAIT_FOR (g_strcmp0 (hsh_job_progress_get_page (job), "done") == 0);
}

/* What the dialog's last job did, or why it failed. */
static const char *
summary_of (gpointer dialog)
{
  return hsh_job_progress_get_summary (hsh_job_progress_from_dialog (dialog));
}

static gboolean
succeeded (gpointer dialog)
{
  return hsh_job_progress_get_succeeded (hsh_job_progress_from_dialog (dialog));
}

static HshStore *
open_project (const char *path,
              gboolean    create)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HshIdentity) identity = hsh_identity_new ("Test Coder");
  HshStore *store = hsh_store_open (path, create ? HSH_STORE_OPEN_CREATE : HSH_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  if (create)
    g_assert_true (hsh_store_install_default_codebook (store, &error));
  g_assert_true (hsh_store_set_annotator (store, identity->uuid, identity->name, &error));
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = hsh_test_scratch_dir ();
  fixture->path = g_build_filename (fixture->dir, "sample.hashiya", NULL);
  g_assert_true (hsh_sample_create (fixture->path, &error));
  g_assert_no_error (error);
  fixture->store = open_project (fixture->path, FALSE);
  fixture->window = hsh_test_ui_window_for (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HSH_IS_EXPORT_DIALOG (l->data) || HSH_IS_IMPORT_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The one toplevel of @type, opened by an action. */
static GtkWidget *
find_toplevel (GType type)
{
  GtkWidget *toplevel = hsh_test_ui_find_toplevel (type);

  g_assert_nonnull (toplevel);
  return toplevel;
}

static HshExportDialog *
open_export_dialog (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  return HSH_EXPORT_DIALOG (find_toplevel (HSH_TYPE_EXPORT_DIALOG));
}

/* Exports through the dialog into @destination; returns the dialog, showing its summary. */
static HshExportDialog *
export_to (Fixture    *fixture,
           const char *format_id,
           const char *destination)
{
  HshExportDialog *dialog = open_export_dialog (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (destination);

  hsh_export_dialog_set_format (dialog, format_id);
  hsh_export_dialog_set_destination (dialog, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_until_done (dialog);
  return dialog;
}

static HshImportDialog *
import_files (HshWindow  *window,
              const char *path,
              const char *expected_format)
{
  HshImportDialog *dialog;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList files = { file, NULL };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = HSH_IMPORT_DIALOG (find_toplevel (HSH_TYPE_IMPORT_DIALOG));
  hsh_import_dialog_add_files (dialog, &files);
  g_assert_cmpstr (hsh_import_dialog_format_for (dialog, path)->id, ==, expected_format);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_until_done (dialog);
  return dialog;
}

/* Tests ------------------------------------------------------------------------------------- */

static void
test_exports_every_format (Fixture       *fixture,
                           gconstpointer  data)
{
  const HshFormat *const *formats = hsh_formats_all ();
  guint exported = 0;

  for (guint i = 0; formats[i] != NULL; i++)
    {
      const HshFormat *format = formats[i];
      g_autofree char *name = NULL;
      g_autofree char *destination = NULL;
      HshExportDialog *dialog;
      const char *summary;

      if (format->write == NULL)
        continue;

      name = format->extension != NULL ? g_strdup_printf ("export.%s", format->extension)
                                       : g_strdup_printf ("export-%s", format->id);
      destination = g_build_filename (fixture->dir, name, NULL);
      /* A folder format writes into a folder the chooser picked, so one that exists. */
      if (format->extension == NULL)
        g_assert_cmpint (g_mkdir (destination, 0700), ==, 0);

      dialog = export_to (fixture, format->id, destination);
      summary = summary_of (dialog);
      g_test_message ("%s: %s", format->id, summary);
      g_assert_true (succeeded (dialog));
      g_assert_nonnull (strstr (summary, "37 annotations of 1 document"));
      g_assert_nonnull (strstr (summary, format->name));
      g_assert_nonnull (strstr (summary, format->offset_unit));
      g_assert_nonnull (strstr (summary, destination));

      if (format->extension != NULL)
        {
          GStatBuf buf;

          g_assert_cmpint (g_stat (destination, &buf), ==, 0);
          g_assert_cmpint (buf.st_size, >, 100);
        }
      else
        {
          g_autoptr(GDir) dir = g_dir_open (destination, 0, NULL);

          g_assert_nonnull (dir);
          g_assert_nonnull (g_dir_read_name (dir));
        }

      if (g_str_equal (format->id, "webanno"))
        hsh_test_ui_save_screenshot (GTK_WIDGET (dialog), "ui-corpus-export-done.png");
      gtk_window_destroy (GTK_WINDOW (dialog));
      exported++;
    }

  g_assert_cmpuint (exported, >=, 7);
}

static void
test_export_restricted_to_labels (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (fixture->dir, "actors.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (destination);
  const char *actors[] = { "Actor", NULL };
  HshExportDialog *dialog = open_export_dialog (fixture);
  g_autofree char *contents = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  hsh_export_dialog_set_format (dialog, "csv");
  hsh_export_dialog_set_scope (dialog, HSH_EXPORT_SCOPE_CURRENT);
  hsh_export_dialog_set_labels (dialog, actors);
  hsh_export_dialog_set_destination (dialog, file);
  hsh_test_ui_spin (200);
  hsh_test_ui_save_screenshot (GTK_WIDGET (dialog), "ui-corpus-export-dialog.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_until_done (dialog);
  g_assert_true (succeeded (dialog));
  g_assert_null (strstr (summary_of (dialog), "37 annotations"));

  /* Only Actor and the labels below it. */
  g_assert_true (g_file_get_contents (destination, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Actor/"));
  g_assert_null (strstr (contents, ",Commitment,"));
  g_assert_null (strstr (contents, ",Claim,"));
}

static void
test_closing_the_dialog_mid_export (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (fixture->dir, "closed.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (destination);
  HshExportDialog *dialog = open_export_dialog (fixture);

  /* Closed right after starting: the job is cancelled, its result arrives after the dialog's
   * widgets are gone, and nothing may touch them; a half-written file must not be left. */
  hsh_export_dialog_set_format (dialog, "jsonl");
  hsh_export_dialog_set_destination (dialog, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  hsh_test_ui_spin (500);
  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      /* The export finished before the cancel was seen: then it is whole. */
      g_autofree char *contents = NULL;
      g_assert_true (g_file_get_contents (destination, &contents, NULL, NULL));
      g_assert_true (g_str_has_suffix (contents, "}\n"));
    }
}

static void
test_jsonl_export_reimports_the_same_count (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (fixture->dir, "corpus.jsonl", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.hashiya", NULL);
  g_autoptr(HshStore) other = NULL;
  g_autoptr(HshWindow) window = NULL;
  HshImportDialog *dialog;

  gtk_window_destroy (GTK_WINDOW (export_to (fixture, "jsonl", destination)));

  other = open_project (other_path, TRUE);
  window = hsh_test_ui_window_for (other);
  g_assert_cmpint (hsh_test_count_annotations (other), ==, 0);

  dialog = import_files (window, destination, "jsonl");
  g_assert_true (succeeded (dialog));
  g_assert_nonnull (strstr (summary_of (dialog), "1 document with 37 annotations"));
  g_assert_cmpint (hsh_test_count_annotations (other), ==, hsh_test_count_annotations (fixture->store));

  /* The window re-read the project: the document is listed and open. */
  g_assert_cmpuint (hsh_document_sidebar_get_n_visible (hsh_window_get_sidebar (window)), ==, 1);
  g_assert_cmpint (hsh_window_get_document_id (window), >, 0);
  g_assert_cmpuint (hsh_annotation_index_get_n_items (hsh_window_get_index (window)), ==, 37);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_imports_a_brat_fixture (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *ann = hsh_test_shared_path ("formats/brat/tutorials_news_000-introduction.ann");
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(GError) error = NULL;
  gint64 before = hsh_test_count_annotations (fixture->store);
  HshImportDialog *dialog;
  guint spans;

  g_assert_true (hsh_format_lookup ("brat")->read (ann, read, NULL, &error));
  g_assert_no_error (error);
  spans = ((HshBundle *) g_ptr_array_index (read, 0))->spans->len;
  g_assert_cmpuint (spans, >=, 7);

  dialog = import_files (fixture->window, ann, "brat");
  g_test_message ("%s", summary_of (dialog));
  g_assert_true (succeeded (dialog));
  g_assert_cmpint (hsh_test_count_annotations (fixture->store), ==, before + spans);
  g_assert_cmpuint (hsh_document_sidebar_get_n_visible (hsh_window_get_sidebar (fixture->window)), ==, 2);
  hsh_test_ui_save_screenshot (GTK_WIDGET (dialog), "ui-corpus-import-done.png");
}

static void
test_bad_input_leaves_the_project_unchanged (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.jsonl", NULL);
  gint64 before = hsh_test_count_annotations (fixture->store);
  HshImportDialog *dialog;
  const char *summary;

  /* A good first line, then a span past the end of its 5-character text. */
  g_assert_true (g_file_set_contents (bad,
                                      "{\"text\": \"نص أول\", \"label\": [[0, 2, \"Actor\"]]}\n"
                                      "{\"text\": \"قصير\", \"label\": [[0, 480, \"Actor\"]]}\n", -1, NULL));
  dialog = import_files (fixture->window, bad, "jsonl");
  summary = summary_of (dialog);
  g_test_message ("%s", summary);
  g_assert_false (succeeded (dialog));
  g_assert_nonnull (strstr (summary, "bad.jsonl"));
  g_assert_nonnull (strstr (summary, "Nothing was imported"));
  g_assert_cmpint (hsh_test_count_annotations (fixture->store), ==, before);
  g_assert_cmpuint (hsh_document_sidebar_get_n_visible (hsh_window_get_sidebar (fixture->window)), ==, 1);
  hsh_test_ui_save_screenshot (GTK_WIDGET (dialog), "ui-corpus-import-error.png");
}

int
main (int   argc,
      char *argv[])
{
  if (!hsh_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/corpus/export/writes-every-format-and-says-what-it-did", test_exports_every_format);
  ADD ("/ui/corpus/export/keeps-to-the-chosen-labels", test_export_restricted_to_labels);
  ADD ("/ui/corpus/export/closing-the-dialog-mid-export-is-safe", test_closing_the_dialog_mid_export);
  ADD ("/ui/corpus/import/jsonl-export-comes-back-with-the-same-count", test_jsonl_export_reimports_the_same_count);
  ADD ("/ui/corpus/import/reads-a-brat-fixture", test_imports_a_brat_fixture);
  ADD ("/ui/corpus/import/bad-input-leaves-the-project-unchanged", test_bad_input_leaves_the_project_unchanged);
#undef ADD

  return g_test_run ();
}
