/* hsh-identity.h: who is annotating on this machine — a name and a UUID that stay the same
 * across projects, kept in the user's configuration folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *uuid;
  char *name;
} HshIdentity;

/* The saved identity, or NULL when none was saved yet (the app then asks for a name). */
HshIdentity *hsh_identity_load    (void);
/* The saved identity, or a new one named after the system user, saved for next time. */
HshIdentity *hsh_identity_ensure  (void);
gboolean     hsh_identity_save    (const HshIdentity *identity,
                                   GError           **error);
HshIdentity *hsh_identity_new     (const char        *name);
void         hsh_identity_free    (HshIdentity       *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshIdentity, hsh_identity_free)

G_END_DECLS
