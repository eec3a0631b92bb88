/* hsh-import-dialog.c: importing corpus files — each file's format guessed and overridable, the
 * one all-or-nothing import (JSONL streamed a document at a time) done on a worker thread with
 * its own connection. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-corpus.h"
#include "hsh-import-dialog.h"
#include "hsh-job-progress.h"

struct _HshImportDialog
{
  AdwWindow             parent_instance;

  HshJobProgress        progress;
  AdwPreferencesGroup  *files_group;
  AdwComboRow          *format_row;

  char                 *project_path;
  char                 *annotator_uuid;
  char                 *annotator_name;
  GPtrArray            *files;        /* GFile */
  GPtrArray            *file_rows;    /* AdwActionRow, one per file */
  GPtrArray            *formats;      /* const HshFormat *, those that read */
};

G_DEFINE_FINAL_TYPE (HshImportDialog, hsh_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The import job, owned by its GTask ------------------------------------------------------- */

typedef struct {
  char             *project_path;
  char             *annotator_uuid;
  char             *annotator_name;
  GStrv             paths;
  const HshFormat **formats;          /* one per path */
  int               permille;
  HshImportSummary  summary;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->project_path);
  g_free (job->annotator_uuid);
  g_free (job->annotator_name);
  g_strfreev (job->paths);
  g_free (job->formats);
  g_free (job);
}

static void
on_import_progress (double   fraction,
                    gpointer data)
{
  ImportJob *job = data;

  g_atomic_int_set (&job->permille, (int) (1000.0 * fraction));
}

static gboolean
run_import (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ImportJob *job = data;
  g_autoptr(HshStore) store = NULL;

  /* A connection of our own; the window re-reads the project when the import is done. */
  store = hsh_store_open (job->project_path, HSH_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  if (job->annotator_uuid != NULL &&
      !hsh_store_set_annotator (store, job->annotator_uuid, job->annotator_name, error))
    return FALSE;
  /* One transaction: a bad file, a bad line late in a large one, or a cancel leaves the
   * project as it was. */
  if (!hsh_store_import_files (store, (const char *const *) job->paths, job->formats, &job->summary,
                               cancellable, on_import_progress, job, error))
    return FALSE;

  g_atomic_int_set (&job->permille, 1000);
  return TRUE;
}

/* Files and formats -------------------------------------------------------------------------- */

const HshFormat *
hsh_import_dialog_format_for (HshImportDialog *self,
                              const char      *path)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  g_return_val_if_fail (HSH_IS_IMPORT_DIALOG (self), NULL);

  /* The first entry is "guess from each file". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->formats->len)
    return g_ptr_array_index (self->formats, selected - 1);
  return hsh_format_guess (path);
}

static void
update_rows (HshImportDialog *self)
{
  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (self->files, i));
      const HshFormat *format = hsh_import_dialog_format_for (self, path);
      g_autofree char *subtitle = NULL;

      /* Translators: under a file to import: "brat standoff · offsets in code points". */
      subtitle = g_strdup_printf (_("%s · offsets in %s"), format->name, format->offset_unit);
      adw_action_row_set_subtitle (g_ptr_array_index (self->file_rows, i), subtitle);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 self->files->len > 0 && !hsh_job_progress_is_running (&self->progress));
}

static void
on_format_changed (HshImportDialog *self)
{
  update_rows (self);
}

void
hsh_import_dialog_add_files (HshImportDialog *self,
                             GSList          *files)
{
  g_return_if_fail (HSH_IS_IMPORT_DIALOG (self));

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      g_autofree char *name = g_file_get_basename (l->data);
      GtkWidget *row;

      if (path == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (g_file_test (path, G_FILE_TEST_IS_DIR)
                                                               ? "folder-symbolic" : "text-x-generic-symbolic"));
      gtk_widget_set_tooltip_text (row, path);
      adw_preferences_group_add (self->files_group, row);
      g_ptr_array_add (self->files, g_object_ref (l->data));
      g_ptr_array_add (self->file_rows, row);
    }

  update_rows (self);
}

void
hsh_import_dialog_set_format (HshImportDialog *self,
                              const char      *format_id)
{
  g_return_if_fail (HSH_IS_IMPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, 0);
  for (guint i = 0; format_id != NULL && i < self->formats->len; i++)
    if (g_str_equal (((const HshFormat *) g_ptr_array_index (self->formats, i))->id, format_id))
      adw_combo_row_set_selected (self->format_row, i + 1);
}

static void
fill_formats (HshImportDialog *self)
{
  const HshFormat *const *formats = hsh_formats_all ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Guess from each file"));
  for (guint i = 0; formats[i] != NULL; i++)
    if (formats[i]->read != NULL)
      {
        g_ptr_array_add (self->formats, (gpointer) formats[i]);
        gtk_string_list_append (names, formats[i]->name);
      }

  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
}

static void
on_files_response (GtkNativeDialog *chooser,
                   int              response,
                   HshImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      hsh_import_dialog_add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }

  g_object_unref (chooser);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gboolean folder = g_str_equal (action_name, "import.add-folder");
  GtkFileChooserNative *chooser;

  /* brat and plain-text corpora often come as a folder of files. */
  chooser = gtk_file_chooser_native_new (folder ? _("Import a Folder") : _("Import Files"), GTK_WINDOW (widget),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_files_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Running ------------------------------------------------------------------------------------ */

static char *
describe_import (const HshImportSummary *summary)
{
  g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", summary->documents),
                                                summary->documents);
  g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", summary->annotations),
                                                  summary->annotations);
  g_autofree char *links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role link", "%u role links", summary->role_links),
                                            summary->role_links);
  /* Translators: "Imported 3 documents with 142 annotations and 7 role links." */
  g_autofree char *imported = g_strdup_printf (_("Imported %s with %s and %s."), documents, annotations, links);

  if (summary->duplicates == 0)
    return g_steal_pointer (&imported);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u document was already in the project and was left as it was.",
                                       "%s %u documents were already in the project and were left as they were.",
                                       summary->duplicates),
                          imported, summary->duplicates);
}

static void
on_import_done (GtkWidget    *dialog,
                gpointer      data,
                const GError *error)
{
  HshImportDialog *self = HSH_IMPORT_DIALOG (dialog);
  ImportJob *job = data;

  if (error == NULL)
    {
      g_autofree char *summary = describe_import (&job->summary);

      hsh_job_progress_show_done (&self->progress, TRUE, _("Import Complete"), summary);
      if (job->summary.documents > 0)
        g_signal_emit (self, signals[IMPORTED], 0);
    }
  else
    {
      /* The import is one transaction: say so, a researcher must not wonder what half came in. */
      g_autofree char *message = g_strdup_printf ("%s\n\n%s",
                                                  g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                                  ? _("The import was cancelled.") : error->message,
                                                  _("Nothing was imported: the project is exactly as it was."));

      hsh_job_progress_show_done (&self->progress, FALSE, _("Nothing Was Imported"), message);
    }
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HshImportDialog *self = HSH_IMPORT_DIALOG (widget);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  ImportJob *job;

  if (self->files->len == 0 || hsh_job_progress_is_running (&self->progress))
    return;

  job = g_new0 (ImportJob, 1);
  job->project_path = g_strdup (self->project_path);
  job->annotator_uuid = g_strdup (self->annotator_uuid);
  job->annotator_name = g_strdup (self->annotator_name);
  job->formats = g_new0 (const HshFormat *, self->files->len);
  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (self->files, i));

      job->formats[i] = hsh_import_dialog_format_for (self, path);
      g_strv_builder_add (paths, path);
    }
  job->paths = g_strv_builder_end (paths);

  hsh_job_progress_run (&self->progress, widget, job, (GDestroyNotify) import_job_free,
                        &job->permille, run_import, on_import_done);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HshImportDialog *self = HSH_IMPORT_DIALOG (widget);

  hsh_job_progress_show_options (&self->progress);
  update_rows (self);
}

/* Lifecycle ---------------------------------------------------------------------------------- */

static void
hsh_import_dialog_dispose (GObject *object)
{
  HshImportDialog *self = HSH_IMPORT_DIALOG (object);

  hsh_job_progress_dispose (&self->progress);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_pointer (&self->formats, g_ptr_array_unref);

  G_OBJECT_CLASS (hsh_import_dialog_parent_class)->dispose (object);
}

static void
hsh_import_dialog_finalize (GObject *object)
{
  HshImportDialog *self = HSH_IMPORT_DIALOG (object);

  g_free (self->project_path);
  g_free (self->annotator_uuid);
  g_free (self->annotator_name);
  hsh_job_progress_finalize (&self->progress);

  G_OBJECT_CLASS (hsh_import_dialog_parent_class)->finalize (object);
}

static void
hsh_import_dialog_class_init (HshImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_import_dialog_dispose;
  object_class->finalize = hsh_import_dialog_finalize;

  /* Documents came into the project: views showing it should re-read it. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-import-dialog.ui");
  hsh_job_progress_class_init (widget_class, G_STRUCT_OFFSET (HshImportDialog, progress), "import");
  gtk_widget_class_bind_template_child (widget_class, HshImportDialog, files_group);
  gtk_widget_class_bind_template_child (widget_class, HshImportDialog, format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);

  gtk_widget_class_install_action (widget_class, "import.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "import.add-folder", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
}

static void
hsh_import_dialog_init (HshImportDialog *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->file_rows = g_ptr_array_new ();
  self->formats = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_formats (self);
  update_rows (self);
}

static void
remember_annotator (HshImportDialog *self,
                    HshStore        *store)
{
  g_autoptr(GPtrArray) annotators = hsh_store_list_annotators (store, NULL);
  gint64 id = hsh_store_get_annotator_id (store);

  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      const HshAnnotator *annotator = g_ptr_array_index (annotators, i);

      if (annotator->id == id)
        {
          self->annotator_uuid = g_strdup (annotator->uuid);
          self->annotator_name = g_strdup (annotator->name);
        }
    }
}

HshImportDialog *
hsh_import_dialog_new (GtkWindow *parent,
                       HshStore  *store)
{
  HshImportDialog *self;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);

  self = g_object_new (HSH_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->project_path = g_strdup (hsh_store_get_path (store));
  /* The imported annotations carry the coder's identity, as if made in the window. */
  remember_annotator (self, store);

  return self;
}
