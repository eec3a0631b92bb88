/* hsh-window-team.c: HshWindow's shared folder — connecting it, publishing this coder's
 * snapshot, collecting the others' with a summary of what came in — and the team's windows:
 * conflicts, agreement and adjudication. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-adjudication-window.h"
#include "hsh-agreement-window.h"
#include "hsh-conflicts-window.h"
#include "hsh-publish.h"
#include "hsh-window-private.h"

typedef struct _TeamJob TeamJob;

/* The job's work on the worker thread, through the job's own connection @store. */
typedef gboolean (*TeamJobFunc) (TeamJob       *job,
                                 HshStore      *store,
                                 GCancellable  *cancellable,
                                 GError       **error);
/* Back on the main thread, once the work succeeded. */
typedef void     (*TeamJobDone) (HshWindow     *self,
                                 TeamJob       *job);

/* A job on a connection of its own, so that the window's store stays on the main thread. */
struct _TeamJob {
  char        *project_path;
  char        *annotator_uuid;
  char        *annotator_name;
  char        *folder;
  TeamJobFunc  run;
  TeamJobDone  done;
  char        *published;     /* publish: the snapshot written */
  GPtrArray   *summaries;     /* collect: HshMergeSummary */
  GPtrArray   *failures;      /* collect: "file: reason" */
};

static void
team_job_free (TeamJob *job)
{
  g_free (job->project_path);
  g_free (job->annotator_uuid);
  g_free (job->annotator_name);
  g_free (job->folder);
  g_free (job->published);
  g_clear_pointer (&job->summaries, g_ptr_array_unref);
  g_clear_pointer (&job->failures, g_ptr_array_unref);
  g_free (job);
}

static TeamJob *
team_job_new (HshWindow   *self,
              const char  *folder,
              TeamJobFunc  run,
              TeamJobDone  done)
{
  g_autoptr(GPtrArray) annotators = hsh_store_list_annotators (self->store, NULL);
  gint64 me = hsh_store_get_annotator_id (self->store);
  TeamJob *job = g_new0 (TeamJob, 1);

  job->project_path = g_strdup (hsh_store_get_path (self->store));
  job->folder = g_strdup (folder);
  job->run = run;
  job->done = done;
  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      const HshAnnotator *annotator = g_ptr_array_index (annotators, i);

      if (annotator->id == me)
        {
          job->annotator_uuid = g_strdup (annotator->uuid);
          job->annotator_name = g_strdup (annotator->name);
        }
    }
  return job;
}

static HshStore *
team_job_open (TeamJob  *job,
               GError  **error)
{
  g_autoptr(HshStore) store = hsh_store_open (job->project_path, HSH_STORE_OPEN_DEFAULT, error);

  /* The snapshot is named after the coder, and merged rows are this coder's to keep. */
  if (store == NULL || job->annotator_uuid == NULL ||
      !hsh_store_set_annotator (store, job->annotator_uuid, job->annotator_name, error))
    {
      if (store != NULL && job->annotator_uuid == NULL)
        g_set_error_literal (error, HSH_ERROR, HSH_ERROR_FAILED, _("Say who you are in Preferences before working with a team"));
      return NULL;
    }
  return g_steal_pointer (&store);
}

static void
team_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TeamJob *job = task_data;
  g_autoptr(HshStore) store = NULL;
  GError *error = NULL;

  if ((store = team_job_open (job, &error)) == NULL || !job->run (job, store, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_team_job_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HshWindow *self = HSH_WINDOW (source);
  TeamJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->collab_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _hsh_window_show_error (self, error);
  else
    job->done (self, job);
  _hsh_window_update_team_actions (self);
}

static char *
shared_folder (HshWindow *self)
{
  char *folder = self->store != NULL ? hsh_store_get_shared_folder (self->store) : NULL;

  if (folder == NULL)
    hsh_window_toast (self, _("Connect the project to a shared folder first"));
  return folder;
}

/* One team job at a time: publish and collect are off while it runs. */
static void
start_team_job (HshWindow   *self,
                TeamJobFunc  run,
                TeamJobDone  done)
{
  g_autofree char *folder = shared_folder (self);
  g_autoptr(GTask) task = NULL;

  if (folder == NULL || self->collab_cancellable != NULL)
    return;
  hsh_inspector_flush_note (self->inspector);

  self->collab_cancellable = g_cancellable_new ();
  _hsh_window_update_team_actions (self);
  task = g_task_new (self, self->collab_cancellable, on_team_job_done, NULL);
  g_task_set_task_data (task, team_job_new (self, folder, run, done), (GDestroyNotify) team_job_free);
  g_task_run_in_thread (task, team_job_thread);
}

/* Shared folder ------------------------------------------------------------------------------ */

static void
set_shared_folder_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *folder = g_variant_get_string (parameter, NULL);

  if (self->store == NULL)
    return;
  if (!hsh_store_set_shared_folder (self->store, folder, &error))
    {
      _hsh_window_show_error (self, error);
      return;
    }

  /* Translators: %s is the folder's path. */
  message = g_strdup_printf (_("Connected to the shared folder %s"), folder);
  hsh_window_toast (self, message);
  _hsh_window_update_actions (self);
}

static void
on_folder_response (GtkNativeDialog *chooser,
                    int              response,
                    HshWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.set-shared-folder", "s", path);
    }
  g_object_unref (chooser);
}

static void
connect_shared_folder_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Connect to a Shared Folder"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Connect"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Publish ------------------------------------------------------------------------------------ */

static gboolean
publish (TeamJob       *job,
         HshStore      *store,
         GCancellable  *cancellable,
         GError       **error)
{
  job->published = hsh_store_publish (store, job->folder, error);
  return job->published != NULL;
}

static void
show_published (HshWindow *self,
                TeamJob   *job)
{
  /* Translators: %s is the snapshot's path in the shared folder. */
  g_autofree char *message = g_strdup_printf (_("Published to %s"), job->published);

  hsh_window_toast (self, message);
}

/* Collect ------------------------------------------------------------------------------------ */

static gboolean
collect (TeamJob       *job,
         HshStore      *store,
         GCancellable  *cancellable,
         GError       **error)
{
  job->failures = g_ptr_array_new_with_free_func (g_free);
  job->summaries = hsh_store_collect (store, job->folder, job->failures, cancellable, error);
  return job->summaries != NULL;
}

static GtkWidget *
summary_row (const char *title,
             const char *subtitle,
             const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  return row;
}

static void
on_summary_response (AdwMessageDialog *dialog,
                     const char       *response,
                     HshWindow        *self)
{
  if (g_strcmp0 (response, "conflicts") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-conflicts", NULL);
}

/* What came in from whom, the conflicts left for a person, and the files that failed. */
static void
show_collect_summary (HshWindow *self,
                      TeamJob   *job)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  guint conflicts = 0, added = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < job->summaries->len; i++)
    {
      const HshMergeSummary *summary = g_ptr_array_index (job->summaries, i);
      g_autofree char *name = g_path_get_basename (summary->source);
      g_autofree char *what = hsh_merge_summary_describe (summary);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           summary_row (name, what, summary->conflicts > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic"));
      conflicts += summary->conflicts;
      added += summary->annotations_added + summary->annotations_updated;
    }
  for (guint i = 0; i < job->failures->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         summary_row (_("Not merged"), g_ptr_array_index (job->failures, i), "dialog-error-symbolic"));

  if (job->summaries->len == 0 && job->failures->len == 0)
    body = g_strdup_printf (_("No other coder has published to %s yet."), job->folder);
  else if (conflicts == 0)
    body = g_strdup_printf (_("%u annotations came in or changed. Nothing was overwritten."), added);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u annotations came in or changed. Nothing was overwritten: %u edit made differently on both sides is kept for you to resolve.",
                                         "%u annotations came in or changed. Nothing was overwritten: %u edits made differently on both sides are kept for you to resolve.",
                                         conflicts),
                            added, conflicts);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Team’s Work Collected"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  gtk_widget_set_visible (list, job->summaries->len + job->failures->len > 0);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (conflicts > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "conflicts", _("_Resolve Conflicts…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "conflicts", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_summary_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_collected (HshWindow *self,
                TeamJob   *job)
{
  /* The merges wrote through another connection: read everything again. */
  _hsh_window_reload_project (self);
  show_collect_summary (self, job);
}

/* win.publish and win.collect. */
static void
team_job_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  if (g_str_equal (action_name, "win.publish"))
    start_team_job (HSH_WINDOW (widget), publish, show_published);
  else
    start_team_job (HSH_WINDOW (widget), collect, show_collected);
}

/* The team's windows ------------------------------------------------------------------------- */

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  HshConflictsWindow *conflicts = hsh_conflicts_window_new (self);

  g_signal_connect_object (conflicts, "resolved", G_CALLBACK (_hsh_window_reload_project), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (conflicts));
}

static void
show_agreement_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (hsh_agreement_window_new (HSH_WINDOW (widget))));
}

static void
adjudicate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  HshAdjudicationWindow *adjudication;

  /* The reader shows what the decisions build. */
  hsh_window_set_layer (self, "gold");
  adjudication = hsh_adjudication_window_new (self);
  g_signal_connect_object (adjudication, "decided", G_CALLBACK (_hsh_window_reload_document), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (adjudication));
}

void
_hsh_window_update_team_actions (HshWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->store != NULL;
  gboolean writable = open && !hsh_store_is_read_only (self->store);
  gboolean idle = self->collab_cancellable == NULL;

  gtk_widget_action_set_enabled (widget, "win.connect-shared-folder", writable);
  gtk_widget_action_set_enabled (widget, "win.set-shared-folder", writable);
  gtk_widget_action_set_enabled (widget, "win.publish", writable && idle);
  gtk_widget_action_set_enabled (widget, "win.collect", writable && idle);
  gtk_widget_action_set_enabled (widget, "win.show-conflicts", writable);
  gtk_widget_action_set_enabled (widget, "win.show-agreement", open);
  gtk_widget_action_set_enabled (widget, "win.adjudicate", writable && self->document != NULL);
}

void
_hsh_window_class_init_team (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.connect-shared-folder", NULL, connect_shared_folder_action);
  gtk_widget_class_install_action (widget_class, "win.set-shared-folder", "s", set_shared_folder_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, team_job_action);
  gtk_widget_class_install_action (widget_class, "win.collect", NULL, team_job_action);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL, show_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.show-agreement", NULL, show_agreement_action);
  gtk_widget_class_install_action (widget_class, "win.adjudicate", NULL, adjudicate_action);
}
