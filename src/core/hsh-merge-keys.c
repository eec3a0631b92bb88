/* hsh-merge-keys.c: natural keys — what names a row that has no UUID in common with ours (the
 * same document text, label path, actor name…), as one string of its key columns' values. */
#include "hsh-merge-private.h"
#include "hsh-text.h"

static void
natural_key_append (GString *key, const HshMergeValue *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      hsh_string_append_int64 (key, value->i);
      g_string_append_c (key, '\x1f');
      break;
    case SQLITE_TEXT:
      g_string_append_len (key, value->bytes, value->n);
      g_string_append_c (key, '\x1f');
      break;
    default:
      g_string_append (key, "\x1e\x1f");
    }
}

char *
hsh_merge_natural_key (const HshMergeTable *spec, const HshMergeValue *content)
{
  GString *key;
  if (spec->natural_key == NULL)
    return NULL;
  key = g_string_sized_new (64);
  for (guint i = 0; spec->natural_key[i] != NULL; i++)
    natural_key_append (key, &content[hsh_merge_column_index (spec, spec->natural_key[i])]);
  return g_string_free (key, FALSE);
}

/* Column @column of the row @stmt stands on, borrowing SQLite's bytes: valid until the
 * statement steps again, and never cleared. Only what a natural key tells apart is read. */
static HshMergeValue
borrowed_value (sqlite3_stmt *stmt, int column)
{
  HshMergeValue value = { sqlite3_column_type (stmt, column), 0, 0, NULL, 0 };

  if (value.type == SQLITE_INTEGER)
    value.i = sqlite3_column_int64 (stmt, column);
  else if (value.type == SQLITE_TEXT)
    {
      value.bytes = (char *) sqlite3_column_text (stmt, column);
      value.n = sqlite3_column_bytes (stmt, column);
    }
  return value;
}

/* The natural key of the row @stmt stands on, whose natural key columns start at @first: the
 * same key natural_key() makes of the same values, without copying them first. */
char *
hsh_merge_natural_key_of_row (const HshMergeTable *spec, sqlite3_stmt *stmt, int first)
{
  GString *key = g_string_sized_new (64);

  for (guint i = 0; spec->natural_key[i] != NULL; i++)
    {
      HshMergeValue value = borrowed_value (stmt, first + (int) i);
      natural_key_append (key, &value);
    }
  return g_string_free (key, FALSE);
}
