/* hsh-cli-common.c: opening projects and reporting errors the same way in every command. */
#include "hsh-cli.h"
#include "hsh-identity.h"

#include <stdio.h>

int
hsh_cli_fail (GError *error)
{
  fprintf (stderr, "hashiya-cli: %s\n", error->message);
  g_error_free (error);
  return HSH_EXIT_FAILED;
}

int
hsh_cli_usage (const char *synopsis)
{
  fprintf (stderr, "Usage: hashiya-cli %s\n", synopsis);
  return HSH_EXIT_USAGE;
}

HshStore *
hsh_cli_open (const char *path, HshStoreOpenFlags flags)
{
  g_autoptr(HshIdentity) identity = hsh_identity_ensure ();
  GError *error = NULL;
  HshStore *store = hsh_store_open (path, flags, &error);

  if (store == NULL)
    {
      hsh_cli_fail (error);
      return NULL;
    }
  if (!hsh_store_set_annotator (store, identity->uuid, identity->name, &error))
    {
      hsh_cli_fail (error);
      g_object_unref (store);
      return NULL;
    }
  return store;
}
