/* hsh-cli-collab.c: the commands of a team without a server — publish, collect, merge, conflicts. */
#include "hsh-cli.h"
#include "hsh-merge.h"
#include "hsh-publish.h"

#include <stdio.h>

static void
print_summary (const HshMergeSummary *summary)
{
  g_autofree char *said = hsh_merge_summary_describe (summary);
  printf ("%s: %s\n", summary->source, said);
}

int
hsh_cli_merge (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  GError *error = NULL;

  if (argc < 3)
    return hsh_cli_usage ("merge PROJECT OTHER…");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_DEFAULT)))
    return HSH_EXIT_FAILED;
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(HshMergeSummary) summary = hsh_store_merge (store, argv[i], NULL, &error);
      if (summary == NULL)
        return hsh_cli_fail (error);
      print_summary (summary);
    }
  return HSH_EXIT_OK;
}

/* The folder named on the command line, else the one the project is connected to. */
static char *
shared_folder (HshStore *store, int argc, char **argv)
{
  char *folder = argc > 2 ? g_strdup (argv[2]) : hsh_store_get_shared_folder (store);
  if (folder == NULL)
    fprintf (stderr, "hashiya-cli: the project is not connected to a shared folder; name one\n");
  return folder;
}

int
hsh_cli_publish (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *written = NULL;
  GError *error = NULL;

  if (argc < 2 || argc > 3)
    return hsh_cli_usage ("publish PROJECT [FOLDER]   (FOLDER is remembered for next time)");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_DEFAULT)) || !(folder = shared_folder (store, argc, argv)))
    return HSH_EXIT_FAILED;
  if ((argc > 2 && !hsh_store_set_shared_folder (store, folder, &error)) ||
      !(written = hsh_store_publish (store, folder, &error)))
    return hsh_cli_fail (error);
  printf ("Published %s\n", written);
  return HSH_EXIT_OK;
}

int
hsh_cli_collect (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) summaries = NULL;
  GError *error = NULL;

  if (argc < 2 || argc > 3)
    return hsh_cli_usage ("collect PROJECT [FOLDER]   (FOLDER is remembered for next time)");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_DEFAULT)) || !(folder = shared_folder (store, argc, argv)))
    return HSH_EXIT_FAILED;
  if ((argc > 2 && !hsh_store_set_shared_folder (store, folder, &error)) ||
      !(summaries = hsh_store_collect (store, folder, failures, NULL, &error)))
    return hsh_cli_fail (error);
  for (guint i = 0; i < summaries->len; i++)
    print_summary (g_ptr_array_index (summaries, i));
  for (guint i = 0; i < failures->len; i++)
    fprintf (stderr, "hashiya-cli: skipped %s\n", (char *) g_ptr_array_index (failures, i));
  if (summaries->len == 0 && failures->len == 0)
    printf ("No other coder has published to %s yet\n", folder);
  return failures->len > 0 ? HSH_EXIT_FAILED : HSH_EXIT_OK;
}

int
hsh_cli_conflicts (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GError *error = NULL;

  if (argc == 4 && (g_str_equal (argv[3], "--keep") || g_str_equal (argv[3], "--take")))
    {
      gint64 id = g_ascii_strtoll (argv[2], NULL, 10);
      if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_DEFAULT)))
        return HSH_EXIT_FAILED;
      if (!hsh_store_resolve_conflict (store, id, g_str_equal (argv[3], "--take"), &error))
        return hsh_cli_fail (error);
      printf ("Resolved conflict %" G_GINT64_FORMAT "\n", id);
      return HSH_EXIT_OK;
    }
  if (argc != 2)
    return hsh_cli_usage ("conflicts PROJECT [ID --keep|--take]");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)) || !(conflicts = hsh_store_list_conflicts (store, &error)))
    return error != NULL ? hsh_cli_fail (error) : HSH_EXIT_FAILED;
  printf ("id\ttable\trow\tfrom\tlisted version\n");
  for (guint i = 0; i < conflicts->len; i++)
    {
      HshConflict *c = g_ptr_array_index (conflicts, i);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", c->id, c->table, c->row_uuid, c->source, c->version);
    }
  return HSH_EXIT_OK;
}
