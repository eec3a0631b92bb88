/* hsh-adjudication-window.h: the coders' candidates for the open document side by side, and
 * the decisions that build its gold layer. */
#pragma once

#include <adwaita.h>
#include "hsh-adjudication.h"
#include "hsh-window.h"

G_BEGIN_DECLS

#define HSH_TYPE_ADJUDICATION_WINDOW (hsh_adjudication_window_get_type ())
G_DECLARE_FINAL_TYPE (HshAdjudicationWindow, hsh_adjudication_window, HSH, ADJUDICATION_WINDOW, AdwWindow)

/* Emits "decided" after each decision, so that the reader redraws the gold layer. */
HshAdjudicationWindow *hsh_adjudication_window_new            (HshWindow             *window);
/* The candidates shown (HshCandidate), decided ones included. */
GPtrArray             *hsh_adjudication_window_get_candidates (HshAdjudicationWindow *self);

G_END_DECLS
