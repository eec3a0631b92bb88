/* hsh-refusal-dialog.h: telling the coder, over the window they asked from, why something was
 * refused. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A message dialog over @parent: @heading ("Cannot Save the Report"), the error's message as
 * its body, and one Close button. */
void hsh_show_refusal (GtkWindow    *parent,
                       const char   *heading,
                       const GError *error);

G_END_DECLS
