/* hsh-preferences-window.h: the reader's font, size and line spacing. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HSH_TYPE_PREFERENCES_WINDOW (hsh_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HshPreferencesWindow, hsh_preferences_window, HSH, PREFERENCES_WINDOW, AdwPreferencesWindow)

HshPreferencesWindow *hsh_preferences_window_new (GtkWindow *parent);

G_END_DECLS
