/* hsh-versions.c: bumping, comparing and joining version vectors. */
#include "hsh-versions.h"

gboolean
hsh_versions_bump (HshStore *store, const char *table, gint64 row_id, GError **error)
{
  static GHashTable *sql;
  static GMutex lock;
  const char *statement;
  sqlite3_stmt *stmt;

  g_mutex_lock (&lock);
  if (sql == NULL)
    sql = g_hash_table_new (g_str_hash, g_str_equal);
  statement = g_hash_table_lookup (sql, table);
  if (statement == NULL)
    {
      /* @table comes from the model's own constants, never from a file. */
      g_autofree char *text = g_strdup_printf (
        "UPDATE %s SET versions = json_set(versions, k.path, ifnull(json_extract(versions, k.path), 0) + 1) "
        "FROM (SELECT '$.\"' || ifnull((SELECT uuid FROM annotator WHERE id = ?2), 'anonymous') || '\"' AS path) AS k "
        "WHERE id = ?1", table);
      statement = g_intern_string (text);
      g_hash_table_insert (sql, (gpointer) g_intern_string (table), (gpointer) statement);
    }
  g_mutex_unlock (&lock);
  if (!(stmt = hsh_store_statement (store, statement, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_int64 (stmt, 2, hsh_store_get_annotator_id (store));
  return hsh_store_step_done (store, stmt, "counting an edit", error);
}

static JsonObject *
parse_vector (const char *text, JsonParser *parser)
{
  JsonNode *root;
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (root);
}

static gint64
count_of (JsonObject *vector, const char *key)
{
  JsonNode *node = vector != NULL ? json_object_get_member (vector, key) : NULL;
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

/* Whether every count of @a is at most that of @b. */
static gboolean
covered_by (JsonObject *a, JsonObject *b)
{
  g_autoptr(GList) keys = a != NULL ? json_object_get_members (a) : NULL;
  for (GList *l = keys; l != NULL; l = l->next)
    if (count_of (a, l->data) > count_of (b, l->data))
      return FALSE;
  return TRUE;
}

HshVersionsOrder
hsh_versions_compare (const char *mine, const char *theirs)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *a = parse_vector (mine, p1);
  JsonObject *b = parse_vector (theirs, p2);
  gboolean a_in_b = covered_by (a, b);
  gboolean b_in_a = covered_by (b, a);

  if (a_in_b && b_in_a)
    return HSH_VERSIONS_EQUAL;
  if (a_in_b)
    return HSH_VERSIONS_OLDER;
  if (b_in_a)
    return HSH_VERSIONS_NEWER;
  return HSH_VERSIONS_CONCURRENT;
}

char *
hsh_versions_join (const char *mine, const char *theirs)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *a = parse_vector (mine, p1);
  JsonObject *b = parse_vector (theirs, p2);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) ka = a != NULL ? json_object_get_members (a) : NULL;
  g_autoptr(GList) kb = b != NULL ? json_object_get_members (b) : NULL;
  g_autoptr(GList) all = NULL;
  g_autoptr(JsonNode) root = NULL;

  for (GList *l = ka; l != NULL; l = l->next)
    g_hash_table_add (keys, l->data);
  for (GList *l = kb; l != NULL; l = l->next)
    g_hash_table_add (keys, l->data);
  /* Sorted keys: the same vector always prints the same, so joins are order-independent. */
  all = g_list_sort (g_hash_table_get_keys (keys), (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  for (GList *l = all; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_int_value (builder, MAX (count_of (a, l->data), count_of (b, l->data)));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
