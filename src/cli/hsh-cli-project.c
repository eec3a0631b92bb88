/* hsh-cli-project.c: the commands that create, fill and describe a project. */
#include "hsh-cli.h"
#include "hsh-model.h"
#include "hsh-sample.h"

#include <stdio.h>

int
hsh_cli_init (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  GError *error = NULL;

  if (argc != 2)
    return hsh_cli_usage ("init PROJECT");
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "hashiya-cli: %s already exists; init creates new projects only\n", argv[1]);
      return HSH_EXIT_FAILED;
    }
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_CREATE)))
    return HSH_EXIT_FAILED;
  if (!hsh_store_install_default_codebook (store, &error))
    return hsh_cli_fail (error);
  printf ("Created %s with the codebook “Political claims and commitments”\n", argv[1]);
  return HSH_EXIT_OK;
}

int
hsh_cli_sample (int argc, char **argv)
{
  GError *error = NULL;

  if (argc != 2)
    return hsh_cli_usage ("sample PROJECT");
  if (!hsh_sample_create (argv[1], &error))
    return hsh_cli_fail (error);
  printf ("Wrote the sample project to %s\n", argv[1]);
  return HSH_EXIT_OK;
}

int
hsh_cli_list (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  GError *error = NULL;

  if (argc != 2)
    return hsh_cli_usage ("list PROJECT");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)))
    return HSH_EXIT_FAILED;
  if (!(documents = hsh_store_list_documents (store, &error)))
    return hsh_cli_fail (error);
  printf ("id\tannotations\tcharacters\tstatus\ttitle\n");
  for (guint i = 0; i < documents->len; i++)
    {
      HshDocument *d = g_ptr_array_index (documents, i);
      printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
              d->id, d->annotation_count, d->length, d->status, d->title);
    }
  return HSH_EXIT_OK;
}

static void
print_annotation (HshStore *store, HshCodebook *book, HshAnnotation *annotation)
{
  HshLabel *label = hsh_codebook_label (book, annotation->label_id);
  g_autoptr(GString) ranges = g_string_new (NULL);

  for (guint r = 0; r < annotation->ranges->len; r++)
    {
      HshRange *range = &g_array_index (annotation->ranges, HshRange, r);
      g_string_append_printf (ranges, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, r > 0 ? ";" : "", range->start, range->end);
    }
  printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", annotation->id, ranges->str,
          label != NULL ? label->path : "?", annotation->text);
}

int
hsh_cli_show (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  g_autoptr(HshCodebook) book = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  gint64 id;

  if (argc != 3)
    return hsh_cli_usage ("show PROJECT DOC   (DOC: id, title or UUID)");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)))
    return HSH_EXIT_FAILED;
  if (!(id = hsh_store_find_document (store, argv[2], &error)) ||
      !(text = hsh_store_get_document_text (store, id, &error)) ||
      !(book = hsh_store_load_codebook (store, &error)) ||
      !(annotations = hsh_store_list_annotations (store, id, &error)))
    return hsh_cli_fail (error);
  printf ("%s\n\n# annotations (offsets in code points, end exclusive)\nid\toffsets\tlabel\ttext\n", text);
  for (guint i = 0; i < annotations->len; i++)
    print_annotation (store, book, g_ptr_array_index (annotations, i));
  return HSH_EXIT_OK;
}

int
hsh_cli_stats (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  HshStats stats;
  GError *error = NULL;

  if (argc != 2)
    return hsh_cli_usage ("stats PROJECT");
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)))
    return HSH_EXIT_FAILED;
  if (!hsh_store_get_stats (store, &stats, &error))
    return hsh_cli_fail (error);
  printf ("documents\t%" G_GINT64_FORMAT "\ncharacters\t%" G_GINT64_FORMAT "\nannotations\t%" G_GINT64_FORMAT
          "\nrole links\t%" G_GINT64_FORMAT "\nactors\t%" G_GINT64_FORMAT "\nannotators\t%" G_GINT64_FORMAT
          "\nlabels\t%" G_GINT64_FORMAT "\n", stats.documents, stats.characters, stats.annotations,
          stats.role_links, stats.actors, stats.annotators, stats.labels);
  return HSH_EXIT_OK;
}

int
hsh_cli_check (int argc, char **argv)
{
  g_autoptr(HshStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;

  if (argc != 2)
    return hsh_cli_usage ("check PROJECT");
  /* Opening already ran SQLite's integrity check and the schema check. */
  if (!(store = hsh_cli_open (argv[1], HSH_STORE_OPEN_READ_ONLY)))
    return HSH_EXIT_FAILED;
  if (!hsh_store_check (store, problems, &error))
    return hsh_cli_fail (error);
  for (guint i = 0; i < problems->len; i++)
    printf ("problem: %s\n", (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return HSH_EXIT_PROBLEMS;
  printf ("%s: no problems found\n", argv[1]);
  return HSH_EXIT_OK;
}
