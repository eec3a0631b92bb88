/* hsh-job-progress.h: a dialog's one long job on a worker thread — its progress page, cancel,
 * and the page that says how it ended — shared by the import and export dialogs. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The job's work, on the worker thread; FALSE with @error set when it failed or was cancelled. */
typedef gboolean (*HshJobFunc)     (gpointer       job,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* Back on the main thread: @error is NULL when the job succeeded. The dialog says how it went
 * with hsh_job_progress_show_done(). */
typedef void     (*HshJobDoneFunc) (GtkWidget     *dialog,
                                    gpointer       job,
                                    const GError  *error);

/* Embedded in its dialog, zero-initialised. The widgets come from the dialog's template, which
 * has a GtkStack "stack" with the pages "options", "progress" and "done" and the children
 * hsh_job_progress_class_init() names. */
typedef struct {
  GtkStack       *stack;
  GtkButton      *start_button;   /* in the header bar; hidden on the "done" page */
  GtkButton      *close_button;   /* "Cancel" on the options, "Close" once done */
  GtkProgressBar *progress_bar;
  AdwStatusPage  *done_page;
  GtkLabel       *summary_label;
  GtkButton      *back_button;    /* shown only after a failure, to try again */

  GCancellable   *cancellable;    /* non-NULL while the job runs */
  const int      *permille;       /* the running job's progress, written by the worker */
  guint           progress_source;
  char           *summary;
  gboolean        succeeded;
  gboolean        disposed;       /* the dialog went while its job ran: nothing left to show */
} HshJobProgress;

/* For a dialog class whose actions are "@prefix.*", with an HshJobProgress at @offset: binds the
 * template children "stack", "@prefix_button" (the start button), "close_button",
 * "progress_bar", "done_page", "summary_label" and "back_button", and installs "@prefix.cancel"
 * and "@prefix.close" (also on Escape). The dialog installs "@prefix.start" and "@prefix.back". */
void            hsh_job_progress_class_init   (GtkWidgetClass *widget_class,
                                               goffset         offset,
                                               const char     *prefix);
/* The HshJobProgress of a dialog whose class went through hsh_job_progress_class_init(). */
HshJobProgress *hsh_job_progress_from_dialog  (GtkWidget      *dialog);

gboolean        hsh_job_progress_is_running   (HshJobProgress *self);
/* Shows the progress page and runs @func (@job) on a worker thread, then @done on the main
 * thread. @job belongs to the run and is freed with @job_free; the progress bar follows the
 * per-mille at @permille, inside @job. "@prefix.start" is disabled from now on. */
void            hsh_job_progress_run          (HshJobProgress *self,
                                               GtkWidget      *dialog,
                                               gpointer        job,
                                               GDestroyNotify  job_free,
                                               const int      *permille,
                                               HshJobFunc      func,
                                               HshJobDoneFunc  done);
void            hsh_job_progress_show_done    (HshJobProgress *self,
                                               gboolean        succeeded,
                                               const char     *title,
                                               const char     *summary);
/* Back to the options after a failure. */
void            hsh_job_progress_show_options (HshJobProgress *self);
/* "options", "progress" or "done": the page shown. */
const char     *hsh_job_progress_get_page     (HshJobProgress *self);
/* What the last job did, or why it failed. */
const char     *hsh_job_progress_get_summary  (HshJobProgress *self);
gboolean        hsh_job_progress_get_succeeded (HshJobProgress *self);
/* In the dialog's dispose: cancels a running job and stops following its progress. */
void            hsh_job_progress_dispose      (HshJobProgress *self);
/* In the dialog's finalize: the summary stays readable until then. */
void            hsh_job_progress_finalize     (HshJobProgress *self);

G_END_DECLS
