/* hsh-import-dialog.h: importing documents and their annotations from corpus files. */
#pragma once

#include <adwaita.h>
#include "hsh-model.h"

G_BEGIN_DECLS

#define HSH_TYPE_IMPORT_DIALOG (hsh_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HshImportDialog, hsh_import_dialog, HSH, IMPORT_DIALOG, AdwWindow)

/* Imports into the project of @store (another connection does the writing); emits
 * "imported" when documents came in, so that the window reloads. */
HshImportDialog *hsh_import_dialog_new            (GtkWindow       *parent,
                                                   HshStore        *store);
/* Adds files or folders (GFile) to import. */
void             hsh_import_dialog_add_files      (HshImportDialog *self,
                                                   GSList          *files);
/* Reads every file as @format_id, or NULL to guess each file's format. */
void             hsh_import_dialog_set_format     (HshImportDialog *self,
                                                   const char      *format_id);
/* The format the dialog would use for the file at @path. */
const HshFormat *hsh_import_dialog_format_for     (HshImportDialog *self,
                                                   const char      *path);
/* The page shown and how the last import went: hsh_job_progress_from_dialog(). */

G_END_DECLS
