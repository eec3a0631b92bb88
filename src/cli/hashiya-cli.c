/* hashiya-cli.c: the entry point of the headless tool — picks the command and runs it. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include "hsh-cli.h"

static const struct {
  const char *name;
  HshCliCommand run;
  const char *synopsis;
} commands[] = {
  { "init",   hsh_cli_init,   "init PROJECT                 create a project with the default codebook" },
  { "import", hsh_cli_import, "import PROJECT FILE|DIR…     import documents: plain text, JSONL, brat, CoNLL, REFI-QDA (--format)" },
  { "export", hsh_cli_export, "export PROJECT -f ID -o PATH export a tagged corpus: jsonl, csv, brat, conll, webanno, refi, tei" },
  { "list",   hsh_cli_list,   "list PROJECT                 list documents: id, annotations, status, title" },
  { "show",   hsh_cli_show,   "show PROJECT DOC             print a document's text and annotations" },
  { "stats",  hsh_cli_stats,  "stats PROJECT                count documents, annotations, actors…" },
  { "check",  hsh_cli_check,  "check PROJECT                verify integrity and annotation offsets" },
  { "sample", hsh_cli_sample, "sample PROJECT               write the annotated sample project" },
  { "agreement", hsh_cli_agreement, "agreement PROJECT            inter-coder agreement per label and document (csv, json)" },
  { "adjudicate", hsh_cli_adjudicate, "adjudicate PROJECT --agreed  accept into the gold layer what all coders agree on" },
  { "merge",  hsh_cli_merge,  "merge PROJECT OTHER…         merge colleagues' project files (read-only on them)" },
  { "publish", hsh_cli_publish, "publish PROJECT [FOLDER]     write my snapshot to the shared folder" },
  { "collect", hsh_cli_collect, "collect PROJECT [FOLDER]     merge every other coder's snapshot from it" },
  { "conflicts", hsh_cli_conflicts, "conflicts PROJECT [ID --keep|--take]  list or resolve merge conflicts" },
};

static int
print_help (FILE *out)
{
  fprintf (out, "Usage: hashiya-cli COMMAND ARGUMENTS…\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", commands[i].synopsis);
  fprintf (out, "\nExit status: 0 done, 1 failed, 2 wrong arguments, 3 check found problems.\n");
  return out == stdout ? HSH_EXIT_OK : HSH_EXIT_USAGE;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2)
    return print_help (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return print_help (stdout);
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("hashiya-cli %s\n", VERSION);
      return HSH_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, "hashiya-cli: unknown command “%s”\n\n", argv[1]);
  return print_help (stderr);
}
