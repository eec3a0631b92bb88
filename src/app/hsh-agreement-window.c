/* hsh-agreement-window.c: the agreement report computed on a worker thread with its own
 * read-only connection, shown as one heat-map cell per label and measure with its count. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hsh-agreement-window.h"
#include "hsh-refusal-dialog.h"

struct _HshAgreementWindow
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkDropDown        *scope_dropdown;
  GtkDropDown        *unit_dropdown;
  GtkStack           *stack;
  GtkGrid            *grid;
  AdwStatusPage      *error_page;

  char               *project_path;
  GArray             *document_ids;   /* gint64, one per scope entry after "the corpus" */
  HshAgreementReport *report;
  GCancellable       *cancellable;
  gboolean            filling;
};

G_DEFINE_FINAL_TYPE (HshAgreementWindow, hsh_agreement_window, ADW_TYPE_WINDOW)

const char *
hsh_agreement_heat_class (double value)
{
  static const double steps[] = { 0.2, 0.4, 0.6, 0.8, 0.9 };
  static const char *classes[] = { "agreement-0", "agreement-1", "agreement-2", "agreement-3", "agreement-4", "agreement-5" };
  guint i = 0;

  if (isnan (value))
    return "agreement-none";
  while (i < G_N_ELEMENTS (steps) && value >= steps[i])
    i++;
  return classes[i];
}

/* Computing ---------------------------------------------------------------------------------- */

typedef struct {
  char             *project_path;
  gint64            document_id;   /* 0: the corpus */
  HshAgreementUnit  unit;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_free (job->project_path);
  g_free (job);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  HshAgreementOptions options = { 0 };
  HshAgreementReport *report;
  GError *error = NULL;

  store = hsh_store_open (job->project_path, HSH_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->document_id != 0)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, job->document_id);
    }
  options.document_ids = ids;
  options.unit = job->unit;
  report = hsh_agreement_report_new (store, &options, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) hsh_agreement_report_free);
}

static GtkWidget *
cell_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
value_cell (const HshAgreementCell *cell)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: one cell of the agreement table, a value and its count ("n = 140"). */
  text = isnan (cell->value) ? g_strdup_printf (_("—\nn = %" G_GUINT64_FORMAT), cell->n)
                             : g_strdup_printf (_("%.2f\nn = %" G_GUINT64_FORMAT),
                                                /* no "-0.00" for a value that rounds to zero */
                                                fabs (cell->value) < 0.005 ? 0.0 : cell->value, cell->n);
  label = cell_label (text, "agreement-cell");
  gtk_widget_add_css_class (label, hsh_agreement_heat_class (cell->value));
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static const HshAgreementTable *
shown_table (HshAgreementWindow *self)
{
  if (self->report == NULL)
    return NULL;
  if (self->report->documents != NULL && self->report->documents->len == 1 &&
      gtk_drop_down_get_selected (self->scope_dropdown) > 0)
    return g_ptr_array_index (self->report->documents, 0);
  return self->report->corpus;
}

static void
fill_table (HshAgreementWindow *self)
{
  const HshAgreementTable *table = shown_table (self);
  g_autoptr(GString) coders = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  if (table == NULL)
    return;

  for (guint m = 0; m < HSH_N_MEASURES; m++)
    {
      GtkWidget *heading = cell_label (hsh_agreement_measure_title (m), "heading");

      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (heading), 10);
      gtk_grid_attach (self->grid, heading, (int) m + 1, 0, 1, 1);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const HshAgreementRow *row = g_ptr_array_index (table->rows, r);
      GtkWidget *name = cell_label (row->label != NULL ? row->label : _("Overall"), row->label == NULL ? "heading" : NULL);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_margin_start (name, 12 * (int) row->depth);
      gtk_grid_attach (self->grid, name, 0, (int) r + 1, 1, 1);
      for (guint m = 0; m < HSH_N_MEASURES; m++)
        gtk_grid_attach (self->grid, value_cell (&row->cells[m]), (int) m + 1, (int) r + 1, 1, 1);
    }

  for (guint i = 0; i < self->report->coders->len; i++)
    g_string_append_printf (coders, "%s%s", i > 0 ? ", " : "",
                            ((HshAgreementCoder *) g_ptr_array_index (self->report->coders, i))->name);
  /* Translators: under the agreement window's title: the scope, then the coders compared. */
  subtitle = g_strdup_printf (_("%s · coders: %s"), table->title != NULL ? table->title : _("Whole corpus"), coders->str);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_report (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HshAgreementWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HshAgreementReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, hsh_agreement_report_free);
  self->report = report;

  if (report == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
compute (HshAgreementWindow *self)
{
  g_autoptr(GTask) task = NULL;
  ReportJob *job;
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);

  if (self->filling)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (ReportJob, 1);
  job->project_path = g_strdup (self->project_path);
  job->document_id = scope > 0 && scope <= self->document_ids->len ? g_array_index (self->document_ids, gint64, scope - 1) : 0;
  job->unit = gtk_drop_down_get_selected (self->unit_dropdown) == 1 ? HSH_AGREEMENT_UNIT_TOKEN : HSH_AGREEMENT_UNIT_CHARACTER;
  gtk_stack_set_visible_child_name (self->stack, "computing");

  task = g_task_new (NULL, self->cancellable, on_report, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, report_thread);
}

static void
on_options_changed (HshAgreementWindow *self)
{
  compute (self);
}

/* Saving ------------------------------------------------------------------------------------- */

static gboolean
save_report (HshAgreementWindow  *self,
             const char          *path,
             GError             **error)
{
  g_autofree char *contents = NULL;

  if (self->report == NULL)
    {
      g_set_error_literal (error, HSH_ERROR, HSH_ERROR_FAILED, _("There is no agreement report to save yet"));
      return FALSE;
    }
  contents = g_str_has_suffix (path, ".json") ? hsh_agreement_report_to_json (self->report)
                                              : hsh_agreement_report_to_csv (self->report);
  return g_file_set_contents (path, contents, -1, error);
}

static void
save_to (HshAgreementWindow *self,
         const char         *path)
{
  g_autoptr(GError) error = NULL;

  if (!save_report (self, path, &error))
    hsh_show_refusal (GTK_WINDOW (self), _("Cannot Save the Report"), error);
}

static void
on_save_response (GtkNativeDialog    *chooser,
                  int                 response,
                  HshAgreementWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        save_to (self, path);
    }
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup_printf ("agreement.%s", format);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Agreement Report"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Tests and scripts give the path; its extension chooses CSV or JSON. */
static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_to (HSH_AGREEMENT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Public ------------------------------------------------------------------------------------- */

HshAgreementReport *
hsh_agreement_window_get_report (HshAgreementWindow *self)
{
  g_return_val_if_fail (HSH_IS_AGREEMENT_WINDOW (self), NULL);

  return self->report;
}

const char *
hsh_agreement_window_get_page (HshAgreementWindow *self)
{
  g_return_val_if_fail (HSH_IS_AGREEMENT_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
fill_scopes (HshAgreementWindow *self,
             HshStore           *store)
{
  g_autoptr(GPtrArray) documents = hsh_store_list_documents (store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Whole Corpus"));
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const HshDocument *document = g_ptr_array_index (documents, i);

      g_array_append_val (self->document_ids, document->id);
      gtk_string_list_append (names, document->title != NULL ? document->title : "?");
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (names));
  self->filling = FALSE;
}

static void
hsh_agreement_window_dispose (GObject *object)
{
  HshAgreementWindow *self = HSH_AGREEMENT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_AGREEMENT_WINDOW);
  g_clear_pointer (&self->report, hsh_agreement_report_free);
  g_clear_pointer (&self->document_ids, g_array_unref);

  G_OBJECT_CLASS (hsh_agreement_window_parent_class)->dispose (object);
}

static void
hsh_agreement_window_finalize (GObject *object)
{
  g_free (HSH_AGREEMENT_WINDOW (object)->project_path);

  G_OBJECT_CLASS (hsh_agreement_window_parent_class)->finalize (object);
}

static void
hsh_agreement_window_class_init (HshAgreementWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_agreement_window_dispose;
  object_class->finalize = hsh_agreement_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-agreement-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HshAgreementWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HshAgreementWindow, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HshAgreementWindow, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HshAgreementWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HshAgreementWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, HshAgreementWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);

  gtk_widget_class_install_action (widget_class, "agreement.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "agreement.save-to", "s", save_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hsh_agreement_window_init (HshAgreementWindow *self)
{
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}

HshAgreementWindow *
hsh_agreement_window_new (HshWindow *window)
{
  HshAgreementWindow *self;
  HshStore *store;

  g_return_val_if_fail (HSH_IS_WINDOW (window), NULL);
  store = hsh_window_get_store (window);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (HSH_TYPE_AGREEMENT_WINDOW, "transient-for", window, NULL);
  self->project_path = g_strdup (hsh_store_get_path (store));
  fill_scopes (self, store);
  compute (self);
  return self;
}
