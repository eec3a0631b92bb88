/* hsh-export-dialog.c: exporting annotations — format, scope and destination, then the export
 * itself on a worker thread with its own read-only connection, with progress and cancel. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hsh-check-list.h"
#include "hsh-export-dialog.h"
#include "hsh-job-progress.h"

struct _HshExportDialog
{
  AdwWindow         parent_instance;

  HshJobProgress    progress;
  AdwComboRow      *format_row;
  AdwComboRow      *scope_row;
  AdwExpanderRow   *documents_row;
  AdwExpanderRow   *labels_row;
  AdwExpanderRow   *annotators_row;
  AdwComboRow      *layer_row;
  AdwActionRow     *excel_row;
  AdwActionRow     *standoff_row;
  GtkSwitch        *excel_switch;
  GtkSwitch        *standoff_switch;
  AdwActionRow     *destination_row;

  HshStore         *store;
  char             *project_path;
  gint64            current_document;
  GPtrArray        *formats;         /* const HshFormat *, those that write */
  GFile            *destination;
};

G_DEFINE_FINAL_TYPE (HshExportDialog, hsh_export_dialog, ADW_TYPE_WINDOW)

/* The export job, owned by its GTask ------------------------------------------------------- */

typedef struct {
  HshStore        *store;            /* the job's own connection, or NULL: open @project_path */
  char            *project_path;
  const HshFormat *format;
  GArray          *document_ids;     /* NULL: every document */
  HshLayer         layer;
  GStrv            labels;
  GStrv            annotators;
  gboolean         excel_bom;
  gboolean         tei_standoff;
  char            *destination;
  int              permille;         /* progress, written by the worker, read by the UI */
  guint            documents;
  guint            annotations;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_free (job->project_path);
  g_clear_pointer (&job->document_ids, g_array_unref);
  g_strfreev (job->labels);
  g_strfreev (job->annotators);
  g_free (job->destination);
  g_free (job);
}

static void
on_write_progress (double   fraction,
                   gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
run_export (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportJob *job = data;
  g_autoptr(HshStore) store = NULL;
  g_autoptr(HshCodebook) book = NULL;
  g_auto(GStrv) codebook = NULL;
  HshExportOptions options = { 0 };
  HshExportSummary summary = { 0 };

  /* A connection of our own: the window's statement cache must stay on the main thread. */
  store = job->store != NULL ? g_steal_pointer (&job->store)
                             : hsh_store_open (job->project_path, HSH_STORE_OPEN_READ_ONLY, error);
  if (store == NULL || (book = hsh_store_load_codebook (store, error)) == NULL)
    return FALSE;

  codebook = hsh_codebook_dup_paths (book);
  options.labels = (const char *const *) job->labels;
  options.annotators = (const char *const *) job->annotators;
  options.codebook = (const char *const *) codebook;
  options.excel_bom = job->excel_bom;
  options.tei_standoff = job->tei_standoff;
  options.cancellable = cancellable;
  options.progress = on_write_progress;
  options.progress_data = job;
  /* The same path as hashiya-cli export: JSONL streams a document at a time. */
  if (!hsh_store_export (store, job->format, job->document_ids, job->layer, job->destination, &options,
                         &summary, error))
    return FALSE;
  job->documents = summary.documents;
  job->annotations = summary.annotations;
  g_atomic_int_set (&job->permille, 1000);
  return TRUE;
}

/* Options ------------------------------------------------------------------------------------ */

static const HshFormat *
selected_format (HshExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->formats->len)
    return NULL;
  return g_ptr_array_index (self->formats, selected);
}

static void
update_destination_row (HshExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->destination == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->destination_row), _("Not chosen yet"));
      adw_action_row_set_subtitle (self->destination_row, NULL);
    }
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->destination);

      name = g_file_get_basename (self->destination);
      folder = parent != NULL ? g_file_get_path (parent) : NULL;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->destination_row), name);
      adw_action_row_set_subtitle (self->destination_row, folder);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 self->destination != NULL && selected_format (self) != NULL);
}

/* A file destination follows the format's extension; a folder cannot stand for a file. */
static void
fit_destination_to_format (HshExportDialog *self,
                           const HshFormat *format)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  char *dot;

  if (self->destination == NULL)
    return;

  name = g_file_get_basename (self->destination);
  dot = strrchr (name, '.');
  if (format->extension == NULL || dot == NULL)
    {
      g_clear_object (&self->destination);
      return;
    }

  *dot = '\0';
  parent = g_file_get_parent (self->destination);
  g_clear_object (&self->destination);
  if (parent != NULL)
    {
      g_autofree char *renamed = g_strconcat (name, ".", format->extension, NULL);

      self->destination = g_file_get_child (parent, renamed);
    }
}

static void
on_format_changed (HshExportDialog *self)
{
  const HshFormat *format = selected_format (self);
  g_autofree char *subtitle = NULL;

  if (format == NULL)
    return;

  /* Translators: under the format's name; the unit is "code points", "UTF-16 code units"… */
  subtitle = g_strdup_printf (format->extension != NULL ? _("Offsets in %s · one file") : _("Offsets in %s · a folder of files"),
                              format->offset_unit);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->excel_row), g_str_equal (format->id, "csv"));
  gtk_widget_set_visible (GTK_WIDGET (self->standoff_row), g_str_equal (format->id, "tei"));
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->excel_row), ADW_TYPE_PREFERENCES_GROUP),
                          g_str_equal (format->id, "csv") || g_str_equal (format->id, "tei"));

  fit_destination_to_format (self, format);
  update_destination_row (self);
}

static void
on_scope_changed (HshExportDialog *self)
{
  gboolean chosen = adw_combo_row_get_selected (self->scope_row) == HSH_EXPORT_SCOPE_CHOSEN;

  gtk_widget_set_visible (GTK_WIDGET (self->documents_row), chosen);
  adw_expander_row_set_expanded (self->documents_row, chosen);
}

static void
fill_formats (HshExportDialog *self)
{
  const HshFormat *const *formats = hsh_formats_all ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    if (formats[i]->write != NULL)
      {
        g_ptr_array_add (self->formats, (gpointer) formats[i]);
        gtk_string_list_append (names, formats[i]->name);
      }

  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
}

static void
fill_from_project (HshExportDialog *self,
                   HshStore        *store,
                   HshCodebook     *codebook)
{
  g_autoptr(GPtrArray) documents = hsh_store_list_documents (store, NULL);
  g_autoptr(GPtrArray) annotators = hsh_store_list_annotators (store, NULL);

  hsh_check_list_reset (self->documents_row, _("Every document"));
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const HshDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);

      hsh_check_list_add (self->documents_row, document->title != NULL ? document->title : id, id, 0);
    }

  hsh_check_list_reset (self->labels_row, _("Every label"));
  for (guint i = 0; codebook != NULL && i < codebook->labels->len; i++)
    {
      const HshLabel *label = g_ptr_array_index (codebook->labels, i);

      hsh_check_list_add (self->labels_row, label->name, label->path, label->depth);
    }

  hsh_check_list_reset (self->annotators_row, _("Everyone"));
  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      const HshAnnotator *annotator = g_ptr_array_index (annotators, i);

      hsh_check_list_add (self->annotators_row, annotator->name, annotator->name, 0);
    }
}

static GArray *
chosen_documents (HshExportDialog *self)
{
  GArray *ids;

  switch (adw_combo_row_get_selected (self->scope_row))
    {
    case HSH_EXPORT_SCOPE_CURRENT:
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (self->current_document != 0)
        g_array_append_val (ids, self->current_document);
      return ids;

    case HSH_EXPORT_SCOPE_CHOSEN:
      {
        g_auto(GStrv) checked = hsh_check_list_dup_checked (self->documents_row);

        if (checked == NULL)
          return NULL;
        ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        for (guint i = 0; checked[i] != NULL; i++)
          {
            gint64 id = g_ascii_strtoll (checked[i], NULL, 10);

            g_array_append_val (ids, id);
          }
        return ids;
      }

    case HSH_EXPORT_SCOPE_ALL:
    default:
      return NULL;
    }
}

/* Running ------------------------------------------------------------------------------------ */

static char *
describe_export (const ExportJob *job)
{
  /* Translators: "37 annotations" and "1 document" go into "Exported … of … to …". */
  g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", job->annotations),
                                                  job->annotations);
  g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", job->documents),
                                                job->documents);

  /* Translators: "Exported 37 annotations of 1 document to /path as WebAnno TSV 3.3 (offsets: UTF-16 code units)" */
  return g_strdup_printf (_("Exported %s of %s to %s as %s (offsets: %s)"),
                          annotations, documents, job->destination, job->format->name, job->format->offset_unit);
}

static void
on_export_done (GtkWidget    *dialog,
                gpointer      data,
                const GError *error)
{
  HshExportDialog *self = HSH_EXPORT_DIALOG (dialog);

  if (error == NULL)
    {
      g_autofree char *summary = describe_export (data);

      hsh_job_progress_show_done (&self->progress, TRUE, _("Export Complete"), summary);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hsh_job_progress_show_done (&self->progress, FALSE, _("Export Cancelled"),
                                _("Files already written at the destination may be incomplete."));
  else
    hsh_job_progress_show_done (&self->progress, FALSE, _("Export Failed"), error->message);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HshExportDialog *self = HSH_EXPORT_DIALOG (widget);
  const HshFormat *format = selected_format (self);
  ExportJob *job;

  if (format == NULL || self->destination == NULL || hsh_job_progress_is_running (&self->progress))
    return;

  job = g_new0 (ExportJob, 1);
  /* Opened here, where the window's connection lives, without checking the whole file again as
   * a first open must (a second or more on a large project); the worker opens by path if this
   * fails. */
  job->store = hsh_store_open_sibling (self->store, NULL);
  job->project_path = g_strdup (self->project_path);
  job->format = format;
  job->document_ids = chosen_documents (self);
  job->layer = (HshLayer) adw_combo_row_get_selected (self->layer_row);
  job->labels = hsh_check_list_dup_checked (self->labels_row);
  job->annotators = hsh_check_list_dup_checked (self->annotators_row);
  job->excel_bom = gtk_switch_get_active (self->excel_switch);
  job->tei_standoff = gtk_switch_get_active (self->standoff_switch);
  job->destination = g_file_get_path (self->destination);

  hsh_job_progress_run (&self->progress, widget, job, (GDestroyNotify) export_job_free,
                        &job->permille, run_export, on_export_done);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HshExportDialog *self = HSH_EXPORT_DIALOG (widget);

  hsh_job_progress_show_options (&self->progress);
  update_destination_row (self);
}

/* Destination -------------------------------------------------------------------------------- */

static void
on_destination_response (GtkNativeDialog *chooser,
                         int              response,
                         HshExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      hsh_export_dialog_set_destination (self, file);
    }

  g_object_unref (chooser);
}

static void
choose_destination_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HshExportDialog *self = HSH_EXPORT_DIALOG (widget);
  const HshFormat *format = selected_format (self);
  GtkFileChooserNative *chooser;

  if (format == NULL)
    return;

  if (format->extension != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->project_path);
      g_autofree char *name = NULL;
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (base, ".", format->extension, NULL);
      chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Export Here"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    /* brat writes one .txt and one .ann per document: a folder holds them. */
    chooser = gtk_file_chooser_native_new (_("Export Into Folder"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                           _("_Export Here"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_destination_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Public ------------------------------------------------------------------------------------- */

void
hsh_export_dialog_set_format (HshExportDialog *self,
                              const char      *format_id)
{
  g_return_if_fail (HSH_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->formats->len; i++)
    if (g_str_equal (((const HshFormat *) g_ptr_array_index (self->formats, i))->id, format_id))
      adw_combo_row_set_selected (self->format_row, i);
}

void
hsh_export_dialog_set_scope (HshExportDialog *self,
                             HshExportScope   scope)
{
  g_return_if_fail (HSH_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->scope_row, scope);
}

void
hsh_export_dialog_set_layer (HshExportDialog *self,
                             HshLayer         layer)
{
  g_return_if_fail (HSH_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->layer_row, layer);
}

void
hsh_export_dialog_set_labels (HshExportDialog    *self,
                              const char *const  *labels)
{
  g_return_if_fail (HSH_IS_EXPORT_DIALOG (self));

  hsh_check_list_set_checked (self->labels_row, labels);
}

void
hsh_export_dialog_set_destination (HshExportDialog *self,
                                   GFile           *destination)
{
  g_return_if_fail (HSH_IS_EXPORT_DIALOG (self));

  g_set_object (&self->destination, destination);
  update_destination_row (self);
}

/* Lifecycle ---------------------------------------------------------------------------------- */

static void
hsh_export_dialog_dispose (GObject *object)
{
  HshExportDialog *self = HSH_EXPORT_DIALOG (object);

  hsh_job_progress_dispose (&self->progress);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->formats, g_ptr_array_unref);

  G_OBJECT_CLASS (hsh_export_dialog_parent_class)->dispose (object);
}

static void
hsh_export_dialog_finalize (GObject *object)
{
  HshExportDialog *self = HSH_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->project_path);
  hsh_job_progress_finalize (&self->progress);

  G_OBJECT_CLASS (hsh_export_dialog_parent_class)->finalize (object);
}

static void
hsh_export_dialog_class_init (HshExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_export_dialog_dispose;
  object_class->finalize = hsh_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-export-dialog.ui");
  hsh_job_progress_class_init (widget_class, G_STRUCT_OFFSET (HshExportDialog, progress), "export");
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, documents_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, labels_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, annotators_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, layer_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, excel_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, standoff_row);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, excel_switch);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, standoff_switch);
  gtk_widget_class_bind_template_child (widget_class, HshExportDialog, destination_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed);

  gtk_widget_class_install_action (widget_class, "export.choose-destination", NULL, choose_destination_action);
  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.back", NULL, back_action);
}

static void
hsh_export_dialog_init (HshExportDialog *self)
{
  self->formats = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

HshExportDialog *
hsh_export_dialog_new (HshWindow *window)
{
  HshExportDialog *self;
  HshStore *store;

  g_return_val_if_fail (HSH_IS_WINDOW (window), NULL);
  store = hsh_window_get_store (window);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (HSH_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  self->store = g_object_ref (store);
  self->project_path = g_strdup (hsh_store_get_path (store));
  self->current_document = hsh_window_get_document_id (window);
  fill_formats (self);
  fill_from_project (self, store, hsh_window_get_codebook (window));
  on_format_changed (self);

  return self;
}
