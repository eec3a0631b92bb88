/* hsh-merge-tables.c: the travelling tables as merging sees them (schema in hsh-schema.c). */
#include "hsh-merge-tables.h"

#define AUTHOR { "author", "annotator" }
#define END { NULL, NULL }

static const char *const annotator_columns[] = { "name", "deleted", NULL };
static const HshMergeReference annotator_references[] = { AUTHOR, END };
static const HshMergeTable annotator = { "annotator", annotator_columns, annotator_references, NULL, TRUE };

static const char *const label_columns[] = { "parent_id", "name", "color", "shortcut", "description", "position", "deleted", NULL };
static const HshMergeReference label_references[] = { { "parent_id", "label" }, AUTHOR, END };
static const char *const label_key[] = { "parent_id", "name", NULL };
static const HshMergeTable label = { "label", label_columns, label_references, label_key, TRUE };

static const char *const attribute_columns[] = { "label_id", "name", "type", "choices", "position", "deleted", NULL };
static const HshMergeReference attribute_references[] = { { "label_id", "label" }, AUTHOR, END };
static const char *const attribute_key[] = { "label_id", "name", NULL };
static const HshMergeTable attribute_def = { "attribute_def", attribute_columns, attribute_references, attribute_key, TRUE };

static const char *const role_columns[] = { "label_id", "name", "target_label_id", "position", "deleted", NULL };
static const HshMergeReference role_references[] = { { "label_id", "label" }, { "target_label_id", "label" }, AUTHOR, END };
static const char *const role_key[] = { "label_id", "name", NULL };
static const HshMergeTable role_def = { "role_def", role_columns, role_references, role_key, TRUE };

static const char *const actor_columns[] = { "name", "kind", "wikidata", "description", "deleted", NULL };
static const HshMergeReference actor_references[] = { AUTHOR, END };
static const char *const actor_key[] = { "name", NULL };
static const HshMergeTable actor = { "actor", actor_columns, actor_references, actor_key, TRUE };

static const char *const alias_columns[] = { "actor_id", "alias", "script", "deleted", NULL };
static const HshMergeReference alias_references[] = { { "actor_id", "actor" }, AUTHOR, END };
static const char *const alias_key[] = { "actor_id", "alias", NULL };
static const HshMergeTable actor_alias = { "actor_alias", alias_columns, alias_references, alias_key, TRUE };

/* A document's text is frozen and its title, status and direction belong to each coder's copy:
 * documents are added, never changed, by a merge. */
static const char *const document_columns[] = { "sha256", "title", "source", "language", "direction", "metadata",
                                                "status", "text", "length", "deleted", NULL };
static const HshMergeReference document_references[] = { AUTHOR, END };
static const char *const document_key[] = { "sha256", NULL };
static const HshMergeTable document = { "document", document_columns, document_references, document_key, FALSE };

static const char *const annotation_columns[] = { "document_id", "label_id", "ranges", "start", "end", "text", "actor_id",
                                                  "gold", "deleted", NULL };
static const HshMergeReference annotation_references[] = {
  { "document_id", "document" }, { "label_id", "label" }, { "actor_id", "actor" }, AUTHOR, END
};
static const HshMergeTable annotation = { "annotation", annotation_columns, annotation_references, NULL, TRUE };

static const char *const value_columns[] = { "annotation_id", "attribute_id", "value", "deleted", NULL };
static const HshMergeReference value_references[] = { { "annotation_id", "annotation" }, { "attribute_id", "attribute_def" }, AUTHOR, END };
static const char *const value_key[] = { "annotation_id", "attribute_id", NULL };
static const HshMergeTable attribute_value = { "attribute_value", value_columns, value_references, value_key, TRUE };

static const char *const link_columns[] = { "source_id", "role_id", "target_id", "deleted", NULL };
static const HshMergeReference link_references[] = {
  { "source_id", "annotation" }, { "role_id", "role_def" }, { "target_id", "annotation" }, AUTHOR, END
};
static const char *const link_key[] = { "source_id", "role_id", "target_id", NULL };
static const HshMergeTable role_link = { "role_link", link_columns, link_references, link_key, TRUE };

static const char *const note_columns[] = { "document_id", "annotation_id", "body", "deleted", NULL };
static const HshMergeReference note_references[] = { { "document_id", "document" }, { "annotation_id", "annotation" }, AUTHOR, END };
static const HshMergeTable note = { "note", note_columns, note_references, NULL, TRUE };

/* An adjudicator's decision on a candidate (a label over ranges, named the same in every file). */
static const char *const decision_columns[] = { "document_id", "candidate", "decision", "gold_id", "deleted", NULL };
static const HshMergeReference decision_references[] = { { "document_id", "document" }, { "gold_id", "annotation" }, AUTHOR, END };
static const HshMergeTable adjudication = { "adjudication", decision_columns, decision_references, NULL, TRUE };

static const HshMergeTable *const tables[] = {
  &annotator, &label, &attribute_def, &role_def, &actor, &actor_alias, &document,
  &annotation, &attribute_value, &role_link, &note, &adjudication, NULL,
};

const HshMergeTable *const *
hsh_merge_tables (void)
{
  return tables;
}

const HshMergeTable *
hsh_merge_table_lookup (const char *table)
{
  for (guint i = 0; tables[i] != NULL; i++)
    if (g_strcmp0 (tables[i]->table, table) == 0)
      return tables[i];
  return NULL;
}

int
hsh_merge_column_index (const HshMergeTable *spec, const char *column)
{
  for (int i = 0; spec->columns[i] != NULL; i++)
    if (g_str_equal (spec->columns[i], column))
      return i;
  return -1;
}
