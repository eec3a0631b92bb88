/* hsh-identity.c: the annotator's name and UUID, in $XDG_CONFIG_HOME/hashiya/identity.ini. */
#include "hsh-identity.h"
#include "hsh-types.h"

#include <glib/gstdio.h>

static char *
identity_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "hashiya", "identity.ini", NULL);
}

HshIdentity *
hsh_identity_new (const char *name)
{
  HshIdentity *identity = g_new0 (HshIdentity, 1);
  identity->uuid = hsh_uuid_new ();
  identity->name = g_strdup (name);
  return identity;
}

void
hsh_identity_free (HshIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->uuid);
  g_free (identity->name);
  g_free (identity);
}

HshIdentity *
hsh_identity_load (void)
{
  g_autofree char *path = identity_path ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  HshIdentity *identity;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  uuid = g_key_file_get_string (file, "annotator", "uuid", NULL);
  name = g_key_file_get_string (file, "annotator", "name", NULL);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid) || name == NULL || *name == '\0')
    return NULL;
  identity = g_new0 (HshIdentity, 1);
  identity->uuid = g_steal_pointer (&uuid);
  identity->name = g_steal_pointer (&name);
  return identity;
}

gboolean
hsh_identity_save (const HshIdentity *identity, GError **error)
{
  g_autofree char *path = identity_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GKeyFile) file = g_key_file_new ();

  g_key_file_set_string (file, "annotator", "uuid", identity->uuid);
  g_key_file_set_string (file, "annotator", "name", identity->name);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Cannot create %s", folder);
      return FALSE;
    }
  return g_key_file_save_to_file (file, path, error);
}

HshIdentity *
hsh_identity_ensure (void)
{
  HshIdentity *identity = hsh_identity_load ();
  const char *real;

  if (identity != NULL)
    return identity;
  real = g_get_real_name ();
  identity = hsh_identity_new (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ());
  hsh_identity_save (identity, NULL);
  return identity;
}
