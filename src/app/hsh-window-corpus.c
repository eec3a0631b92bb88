/* hsh-window-corpus.c: HshWindow's corpus actions — exporting annotations and importing corpus
 * files through their dialogs, and re-reading the project when another connection changed it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-export-dialog.h"
#include "hsh-import-dialog.h"
#include "hsh-window-private.h"

void
_hsh_window_reload_project (HshWindow *self)
{
  gint64 document_id = hsh_window_get_document_id (self);
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HshReaderPlace place;

  if (self->store == NULL)
    return;

  /* The codebook may have grown (an import adds its labels): re-read everything, then come
   * back to the document the coder was reading, at the place they were reading. */
  hsh_document_view_get_place (self->document_view, &place);
  store = g_object_ref (self->store);
  hsh_window_set_store (self, store);
  if (document_id == 0)
    return;
  if (document_id != hsh_window_get_document_id (self) &&
      !hsh_window_show_document (self, document_id, &error))
    {
      g_debug ("The document open before the reload is gone: %s", error->message);
      return;
    }
  hsh_document_view_set_place (self->document_view, &place);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (hsh_export_dialog_new (self)));
}

void
_hsh_window_show_import_dialog (HshWindow *self,
                                GSList    *files)
{
  HshImportDialog *dialog;

  if (self->store == NULL || hsh_store_is_read_only (self->store))
    {
      hsh_window_toast (self, _("Open a project you can change before importing documents"));
      return;
    }

  dialog = hsh_import_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (_hsh_window_reload_project), self, G_CONNECT_SWAPPED);
  hsh_import_dialog_add_files (dialog, files);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_hsh_window_update_corpus_actions (HshWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->store != NULL);
}

void
_hsh_window_class_init_corpus (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
}
