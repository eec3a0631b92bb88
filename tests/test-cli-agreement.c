/* test-cli-agreement.c: `hashiya-cli agreement` and `adjudicate` end to end, on a project whose
 * two coders' work came in through an import. */
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include "hsh-test-cli.h"
#include "hsh-test-support.h"

/* "Macron met Erdogan in Paris." — Layla tags Paris as a location, Omar as a state. */
static const char team_jsonl[] =
  "{\"hashiya\":1,\"offsets\":\"unicode-code-points\",\"title\":\"Paris meeting\",\"text\":\"Macron met Erdogan in Paris.\",\"spans\":["
  "{\"id\":\"l1\",\"label\":\"Actor/Person\",\"ranges\":[[0,6]],\"annotator\":{\"name\":\"Layla\",\"uuid\":\"0b7f2c2e-6f0e-4a55-9d51-3f1f0e7f4c11\"}},"
  "{\"id\":\"l2\",\"label\":\"Actor/Person\",\"ranges\":[[11,18]],\"annotator\":{\"name\":\"Layla\",\"uuid\":\"0b7f2c2e-6f0e-4a55-9d51-3f1f0e7f4c11\"}},"
  "{\"id\":\"l3\",\"label\":\"Location\",\"ranges\":[[22,27]],\"annotator\":{\"name\":\"Layla\",\"uuid\":\"0b7f2c2e-6f0e-4a55-9d51-3f1f0e7f4c11\"}},"
  "{\"id\":\"o1\",\"label\":\"Actor/Person\",\"ranges\":[[0,6]],\"annotator\":{\"name\":\"Omar\",\"uuid\":\"5c1d7e0a-2b3f-4d6a-8e9b-0f1a2b3c4d5e\"}},"
  "{\"id\":\"o2\",\"label\":\"Actor/Person\",\"ranges\":[[11,18]],\"annotator\":{\"name\":\"Omar\",\"uuid\":\"5c1d7e0a-2b3f-4d6a-8e9b-0f1a2b3c4d5e\"}},"
  "{\"id\":\"o3\",\"label\":\"Actor/State\",\"ranges\":[[22,27]],\"annotator\":{\"name\":\"Omar\",\"uuid\":\"5c1d7e0a-2b3f-4d6a-8e9b-0f1a2b3c4d5e\"}}"
  "],\"roles\":[]}\n";

static char *
team_project (char **dir_out)
{
  g_autofree char *dir = hsh_test_scratch_dir ();
  g_autofree char *jsonl = g_build_filename (dir, "team.jsonl", NULL);
  char *path = g_build_filename (dir, "team.hashiya", NULL);
  g_auto(HshCliRun) made = { 0 }, imported = { 0 };

  g_assert_true (g_file_set_contents (jsonl, team_jsonl, -1, NULL));
  hsh_test_cli (&made, "init", path, NULL);
  g_assert_cmpint (made.status, ==, 0);
  hsh_test_cli (&imported, "import", path, jsonl, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);
  return path;
}

static JsonObject *
corpus_row (JsonParser *parser, const char *text, const char *label)
{
  JsonArray *rows;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  rows = json_object_get_array_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "corpus"), "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (rows, i), "label"), label))
      return json_array_get_object_element (rows, i);
  g_assert_not_reached ();
}

static double
measure (JsonObject *row, const char *id)
{
  return json_object_get_double_member (json_object_get_object_member (row, id), "value");
}

static void
test_agreement_writes_csv_or_json (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = team_project (&dir);
  g_autofree char *output = g_build_filename (dir, "agreement.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(HshCliRun) csv = { 0 }, json = { 0 }, file = { 0 }, tokens = { 0 };
  JsonObject *overall;

  hsh_test_cli (&csv, "agreement", path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "scope,document_id,document,coders,label,kappa,kappa_n,alpha,alpha_n,"));
  /* Both coders see the same two people: a perfect person row over 28 characters. */
  g_assert_nonnull (strstr (csv.out, "\r\ncorpus,,,2,Actor/Person,1.000000,28,1.000000,56,"));
  g_assert_nonnull (strstr (csv.out, "\r\ndocument,1,Paris meeting,2,overall,"));
  hsh_test_cli (&json, "agreement", path, "--format", "json", "--coder", "Layla", "--coder", "Omar", "--document", "1", NULL);
  g_assert_cmpint (json.status, ==, 0);
  /* By hand: two of three spans match exactly on each side. Layla, the reference, alone has a
   * location: its recall is 0 and Omar's precision on it undefined. */
  overall = corpus_row (parser, json.out, "overall");
  g_assert_cmpfloat_with_epsilon (measure (overall, "exact_f1"), 2.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (measure (overall, "exact_precision"), 2.0 / 3, 1e-9);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (corpus_row (parser, json.out, "Location"), "exact_precision"), "value"));
  g_assert_cmpfloat (measure (corpus_row (parser, json.out, "Location"), "exact_recall"), ==, 0.0);
  hsh_test_cli (&file, "agreement", path, "--format", "json", "--output", output, NULL);
  g_assert_cmpint (file.status, ==, 0);
  g_assert_cmpstr (file.out, ==, "");
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"exact_f1\""));
  hsh_test_cli (&tokens, "agreement", path, "--unit", "token", "--format", "json", NULL);
  g_assert_cmpint (tokens.status, ==, 0);
  g_assert_nonnull (strstr (tokens.out, "\"unit\" : \"token\""));
}

static void
test_agreement_usage_and_failures (void)
{
  g_autofree char *path = team_project (NULL);
  g_auto(HshCliRun) bad_unit = { 0 }, bad_format = { 0 }, no_project = { 0 }, unknown = { 0 }, alone = { 0 };

  hsh_test_cli (&bad_unit, "agreement", path, "--unit", "word", NULL);
  g_assert_cmpint (bad_unit.status, ==, 2);
  hsh_test_cli (&bad_format, "agreement", path, "--format", "xlsx", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  hsh_test_cli (&no_project, "agreement", NULL);
  g_assert_cmpint (no_project.status, ==, 2);
  hsh_test_cli (&unknown, "agreement", path, "--coder", "Nobody", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "No coder called “Nobody”"));
  hsh_test_cli (&alone, "agreement", path, "--coder", "Layla", NULL);
  g_assert_cmpint (alone.status, ==, 1);
  g_assert_nonnull (strstr (alone.err, "two coders"));
}

static void
test_adjudicate_agreed_builds_the_gold_layer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = team_project (&dir);
  g_autofree char *gold = g_build_filename (dir, "gold.jsonl", NULL);
  g_autofree char *exported = NULL;
  g_auto(HshCliRun) usage = { 0 }, agreed = { 0 }, again = { 0 }, export = { 0 };
  guint spans = 0;

  hsh_test_cli (&usage, "adjudicate", path, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  hsh_test_cli (&agreed, "adjudicate", path, "--agreed", NULL);
  g_assert_cmpint (agreed.status, ==, 0);
  g_assert_nonnull (strstr (agreed.out, "Accepted 2 annotations"));
  hsh_test_cli (&again, "adjudicate", path, "--agreed", "--document", "1", NULL);
  g_assert_nonnull (strstr (again.out, "Accepted 0 annotations"));
  hsh_test_cli (&export, "export", path, "--format", "jsonl", "--gold", "--output", gold, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (gold, &exported, NULL, NULL));
  for (const char *p = exported; (p = strstr (p, "\"gold\":true")) != NULL; p++)
    spans++;
  g_assert_cmpuint (spans, ==, 2);
  g_assert_null (strstr (exported, "Paris\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/agreement/writes-csv-or-json", test_agreement_writes_csv_or_json);
  g_test_add_func ("/cli/agreement/usage-and-failures", test_agreement_usage_and_failures);
  g_test_add_func ("/cli/adjudicate/agreed-builds-the-gold-layer", test_adjudicate_agreed_builds_the_gold_layer);
  return g_test_run ();
}
