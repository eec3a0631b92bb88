/* hsh-agreement-window.h: inter-coder agreement as a table of labels × measures with a heat map,
 * for the corpus or one document, that can be saved as CSV or JSON. */
#pragma once

#include <adwaita.h>
#include "hsh-agreement-report.h"
#include "hsh-window.h"

G_BEGIN_DECLS

#define HSH_TYPE_AGREEMENT_WINDOW (hsh_agreement_window_get_type ())
G_DECLARE_FINAL_TYPE (HshAgreementWindow, hsh_agreement_window, HSH, AGREEMENT_WINDOW, AdwWindow)

HshAgreementWindow *hsh_agreement_window_new        (HshWindow          *window);
/* The report shown, or NULL while it is computed or when it could not be. */
HshAgreementReport *hsh_agreement_window_get_report (HshAgreementWindow *self);
/* "computing", "table" or "error". */
const char         *hsh_agreement_window_get_page   (HshAgreementWindow *self);
/* The CSS class of a value's heat-map colour: "agreement-none" (undefined), then
 * "agreement-0" (below 0.2 or worse than chance) … "agreement-5" (0.9 and above). */
const char         *hsh_agreement_heat_class        (double              value);

G_END_DECLS
