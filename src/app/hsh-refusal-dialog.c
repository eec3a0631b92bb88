/* hsh-refusal-dialog.c: telling the coder why something they asked for was refused. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hsh-refusal-dialog.h"

void
hsh_show_refusal (GtkWindow    *parent,
                  const char   *heading,
                  const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
