/* hsh-app-util.h: small helpers the widgets share — colour swatches, dates, invisible characters. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A small rounded square of @color ("#rrggbb"), as the palette and lists show a label. */
GtkWidget *hsh_color_swatch_new         (const char *color);
void       hsh_color_swatch_set_color   (GtkWidget  *swatch,
                                         const char *color);
/* A stored timestamp (milliseconds, UTC) in the user's time zone, or "—". */
char      *hsh_format_timestamp         (gint64      milliseconds);
/* @text with direction marks, joiners, tatweel and other invisible characters written as
 * ⟨RLM⟩-style markers, so that a coder sees what the span really holds. */
char      *hsh_show_invisible_characters (const char *text,
                                          guint      *n_invisible);

G_END_DECLS
