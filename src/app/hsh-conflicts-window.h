/* hsh-conflicts-window.h: the edits a merge found made differently on both sides, each shown
 * as the version kept and the version listed, for a person to decide. */
#pragma once

#include <adwaita.h>
#include "hsh-window.h"

G_BEGIN_DECLS

#define HSH_TYPE_CONFLICTS_WINDOW (hsh_conflicts_window_get_type ())
G_DECLARE_FINAL_TYPE (HshConflictsWindow, hsh_conflicts_window, HSH, CONFLICTS_WINDOW, AdwWindow)

/* Emits "resolved" after each decision, so that the window re-reads the project. */
HshConflictsWindow *hsh_conflicts_window_new         (HshWindow          *window);
guint               hsh_conflicts_window_get_n_shown (HshConflictsWindow *self);

G_END_DECLS
