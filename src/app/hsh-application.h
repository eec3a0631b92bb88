/* hsh-application.h: the Hashiya application — projects, the annotator's identity, app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HSH_TYPE_APPLICATION (hsh_application_get_type ())
G_DECLARE_FINAL_TYPE (HshApplication, hsh_application, HSH, APPLICATION, AdwApplication)

HshApplication *hsh_application_new          (void);
/* Opens the project at @path in the active window (or a new one) and remembers it. */
gboolean        hsh_application_open_project (HshApplication  *self,
                                              const char      *path,
                                              GError         **error);
/* The sample project in the user's data folder, created from the built-in sample if absent. */
char           *hsh_application_ensure_sample (GError        **error);

G_END_DECLS
