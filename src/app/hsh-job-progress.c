/* hsh-job-progress.c: a dialog's one long job on a worker thread, with progress, cancel and a
 * page that says how it ended. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-job-progress.h"

/* What a dialog class registered: where its HshJobProgress is, and its start action. */
typedef struct {
  goffset  offset;
  char    *start_action;
} JobClassData;

static GQuark
job_class_quark (void)
{
  return g_quark_from_static_string ("hsh-job-progress-class");
}

static const JobClassData *
class_data_for (GtkWidget *dialog)
{
  for (GType type = G_OBJECT_TYPE (dialog); type != 0; type = g_type_parent (type))
    {
      const JobClassData *data = g_type_get_qdata (type, job_class_quark ());

      if (data != NULL)
        return data;
    }
  return NULL;
}

/* What the GTask carries: the dialog's job and what to do with it. */
typedef struct {
  gpointer        job;
  GDestroyNotify  job_free;
  HshJobFunc      func;
  HshJobDoneFunc  done;
} JobRun;

static void
job_run_free (JobRun *run)
{
  run->job_free (run->job);
  g_free (run);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  JobRun *run = task_data;
  GError *error = NULL;

  if (run->func (run->job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The worker writes a per-mille; the bar reads it ten times a second rather than being told
 * across threads. */
static gboolean
update_progress (gpointer user_data)
{
  HshJobProgress *self = user_data;

  if (self->permille != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (self->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* Lives inside the dialog, which the task keeps alive as its source object. */
  HshJobProgress *self = user_data;
  JobRun *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  self->permille = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* Closing the dialog cancelled the job; its widgets are gone, so there is nothing to report on. */
  if (!self->disposed)
    run->done (GTK_WIDGET (source), run->job, error);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HshJobProgress *self = hsh_job_progress_from_dialog (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  /* A running job is cancelled before the window goes: an import's transaction rolls back. */
  cancel_action (widget, action_name, parameter);
  gtk_window_close (GTK_WINDOW (widget));
}

void
hsh_job_progress_class_init (GtkWidgetClass *widget_class,
                             goffset         offset,
                             const char     *prefix)
{
  JobClassData *data = g_new0 (JobClassData, 1);
  g_autofree char *start_button = g_strconcat (prefix, "_button", NULL);
  g_autofree char *cancel_name = g_strconcat (prefix, ".cancel", NULL);
  g_autofree char *close_name = g_strconcat (prefix, ".close", NULL);

  /* Kept for the life of the program, as the class is. */
  data->offset = offset;
  data->start_action = g_strconcat (prefix, ".start", NULL);
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), job_class_quark (), data);

#define BIND(id, field) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, offset + G_STRUCT_OFFSET (HshJobProgress, field))
  BIND ("stack", stack);
  BIND (start_button, start_button);
  BIND ("close_button", close_button);
  BIND ("progress_bar", progress_bar);
  BIND ("done_page", done_page);
  BIND ("summary_label", summary_label);
  BIND ("back_button", back_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, cancel_name, NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, close_name, NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, close_name, NULL);
}

HshJobProgress *
hsh_job_progress_from_dialog (GtkWidget *dialog)
{
  const JobClassData *data;

  g_return_val_if_fail (GTK_IS_WIDGET (dialog), NULL);
  data = class_data_for (dialog);
  g_return_val_if_fail (data != NULL, NULL);

  return G_STRUCT_MEMBER_P (dialog, data->offset);
}

gboolean
hsh_job_progress_is_running (HshJobProgress *self)
{
  return self->cancellable != NULL;
}

void
hsh_job_progress_run (HshJobProgress *self,
                      GtkWidget      *dialog,
                      gpointer        job,
                      GDestroyNotify  job_free,
                      const int      *permille,
                      HshJobFunc      func,
                      HshJobDoneFunc  done)
{
  g_autoptr(GTask) task = NULL;
  JobRun *run;

  g_return_if_fail (!hsh_job_progress_is_running (self));

  run = g_new0 (JobRun, 1);
  run->job = job;
  run->job_free = job_free;
  run->func = func;
  run->done = done;

  self->cancellable = g_cancellable_new ();
  self->permille = permille;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_action_set_enabled (dialog, class_data_for (dialog)->start_action, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  self->progress_source = g_timeout_add (100, update_progress, self);

  task = g_task_new (dialog, self->cancellable, on_job_done, self);
  g_task_set_source_tag (task, hsh_job_progress_run);
  g_task_set_task_data (task, run, (GDestroyNotify) job_run_free);
  g_task_run_in_thread (task, job_thread);
}

void
hsh_job_progress_show_done (HshJobProgress *self,
                            gboolean        succeeded,
                            const char     *title,
                            const char     *summary)
{
  self->succeeded = succeeded;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  adw_status_page_set_icon_name (self->done_page, succeeded ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  adw_status_page_set_title (self->done_page, title);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !succeeded);
  gtk_button_set_label (self->close_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

void
hsh_job_progress_show_options (HshJobProgress *self)
{
  gtk_button_set_label (self->close_button, _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "options");
}

const char *
hsh_job_progress_get_page (HshJobProgress *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
hsh_job_progress_get_summary (HshJobProgress *self)
{
  return self->summary;
}

gboolean
hsh_job_progress_get_succeeded (HshJobProgress *self)
{
  return self->succeeded;
}

void
hsh_job_progress_dispose (HshJobProgress *self)
{
  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
}

void
hsh_job_progress_finalize (HshJobProgress *self)
{
  g_clear_pointer (&self->summary, g_free);
}
