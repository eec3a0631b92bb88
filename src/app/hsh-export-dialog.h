/* hsh-export-dialog.h: exporting a project's annotations in one of the corpus formats. */
#pragma once

#include <adwaita.h>
#include "hsh-corpus.h"
#include "hsh-window.h"

G_BEGIN_DECLS

typedef enum {
  HSH_EXPORT_SCOPE_ALL,       /* every document of the project */
  HSH_EXPORT_SCOPE_CURRENT,   /* the document open in the window */
  HSH_EXPORT_SCOPE_CHOSEN,    /* the documents ticked in the dialog */
} HshExportScope;

#define HSH_TYPE_EXPORT_DIALOG (hsh_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HshExportDialog, hsh_export_dialog, HSH, EXPORT_DIALOG, AdwWindow)

HshExportDialog *hsh_export_dialog_new             (HshWindow       *window);
void             hsh_export_dialog_set_format      (HshExportDialog *self,
                                                    const char      *format_id);
void             hsh_export_dialog_set_scope       (HshExportDialog *self,
                                                    HshExportScope   scope);
void             hsh_export_dialog_set_layer       (HshExportDialog *self,
                                                    HshLayer         layer);
/* Restricts the export to these label paths (NULL: every label). */
void             hsh_export_dialog_set_labels      (HshExportDialog *self,
                                                    const char *const *labels);
void             hsh_export_dialog_set_destination (HshExportDialog *self,
                                                    GFile           *destination);
/* The page shown and how the last export went: hsh_job_progress_from_dialog(). */

G_END_DECLS
