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
/* "options", "progress" or "done": the page shown. */
const char      *hsh_export_dialog_get_page        (HshExportDialog *self);
/* What the last export did, or why it failed. */
const char      *hsh_export_dialog_get_summary     (HshExportDialog *self);
gboolean         hsh_export_dialog_get_succeeded   (HshExportDialog *self);

G_END_DECLS
