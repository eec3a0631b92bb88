/* hsh-banner.h: a message across the top of the window with one button (AdwBanner arrived
 * only in libadwaita 1.3). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HSH_TYPE_BANNER (hsh_banner_get_type ())
G_DECLARE_FINAL_TYPE (HshBanner, hsh_banner, HSH, BANNER, GtkWidget)

void        hsh_banner_set_title    (HshBanner  *self,
                                     const char *title);
const char *hsh_banner_get_title    (HshBanner  *self);
void        hsh_banner_set_revealed (HshBanner  *self,
                                     gboolean    revealed);
gboolean    hsh_banner_get_revealed (HshBanner  *self);

G_END_DECLS
