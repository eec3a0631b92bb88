/* hsh-codebook.c: the codebook — hierarchical labels with colour and key, typed attribute
 * definitions and role definitions — read as one structure, installed from JSON. */
#include "hsh-model-private.h"

#include <json-glib/json-glib.h>
#include "hsh-core-resources.h"
#include <string.h>

static void
label_free (HshLabel *label)
{
  g_free (label->uuid);
  g_free (label->name);
  g_free (label->path);
  g_free (label->color);
  g_free (label->shortcut);
  g_free (label->description);
  g_free (label);
}

static void
attribute_free (HshAttributeDef *attribute)
{
  g_free (attribute->uuid);
  g_free (attribute->name);
  g_strfreev (attribute->choices);
  g_free (attribute);
}

static void
role_free (HshRoleDef *role)
{
  g_free (role->uuid);
  g_free (role->name);
  g_free (role);
}

void
hsh_codebook_free (HshCodebook *codebook)
{
  if (codebook == NULL)
    return;
  g_ptr_array_unref (codebook->labels);
  g_ptr_array_unref (codebook->attributes);
  g_ptr_array_unref (codebook->roles);
  g_free (codebook);
}

static char **
parse_choices (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  JsonNode *root;

  if (json_parser_load_from_data (parser, json, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (root = json_parser_get_root (parser)))
    {
      JsonArray *array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_ptr_array_add (choices, g_strdup (json_node_get_string (item)));
        }
    }
  g_ptr_array_add (choices, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&choices), FALSE);
}

/* Orders labels depth-first (children after their parent, by position) and fills path/depth. */
static void
add_subtree (GPtrArray *sorted, GPtrArray *all, gint64 parent_id, const char *parent_path, guint depth)
{
  for (guint i = 0; i < all->len; i++)
    {
      HshLabel *label = g_ptr_array_index (all, i);
      if (label->parent_id != parent_id || label->path != NULL)
        continue;
      label->depth = depth;
      label->path = parent_path != NULL ? g_strdup_printf ("%s/%s", parent_path, label->name) : g_strdup (label->name);
      g_ptr_array_add (sorted, label);
      add_subtree (sorted, all, label->id, label->path, depth + 1);
    }
}

static GPtrArray *
load_labels (HshStore *store, GError **error)
{
  static const char sql[] =
    "SELECT id, uuid, ifnull(parent_id, 0), name, color, shortcut, description FROM label "
    "WHERE deleted = 0 ORDER BY position, id";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *sorted;

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshLabel *label = g_new0 (HshLabel, 1);
      label->id = sqlite3_column_int64 (stmt, 0);
      label->uuid = hsh_model_column_dup (stmt, 1);
      label->parent_id = sqlite3_column_int64 (stmt, 2);
      label->name = hsh_model_column_dup (stmt, 3);
      label->color = hsh_model_column_dup (stmt, 4);
      label->shortcut = hsh_model_column_dup (stmt, 5);
      label->description = hsh_model_column_dup (stmt, 6);
      g_ptr_array_add (all, label);
    }
  sqlite3_reset (stmt);
  sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) label_free);
  add_subtree (sorted, all, 0, NULL, 0);
  /* A label whose parent is deleted or missing (a damaged or hostile file) still shows, at the top. */
  for (guint i = 0; i < all->len; i++)
    {
      HshLabel *label = g_ptr_array_index (all, i);
      if (label->path == NULL)
        {
          label->parent_id = 0;
          add_subtree (sorted, all, label->parent_id, NULL, 0);
        }
    }
  return sorted;
}

HshCodebook *
hsh_store_load_codebook (HshStore *store, GError **error)
{
  static const char attributes_sql[] =
    "SELECT id, uuid, label_id, name, type, choices FROM attribute_def WHERE deleted = 0 ORDER BY position, id";
  static const char roles_sql[] =
    "SELECT id, uuid, label_id, name, target_label_id FROM role_def WHERE deleted = 0 ORDER BY position, id";
  g_autoptr(HshCodebook) codebook = g_new0 (HshCodebook, 1);
  sqlite3_stmt *stmt;

  codebook->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) attribute_free);
  codebook->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) role_free);
  if (!(codebook->labels = load_labels (store, error)))
    {
      codebook->labels = g_ptr_array_new ();
      return NULL;
    }
  if (!(stmt = hsh_store_statement (store, attributes_sql, error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshAttributeDef *attribute = g_new0 (HshAttributeDef, 1);
      attribute->id = sqlite3_column_int64 (stmt, 0);
      attribute->uuid = hsh_model_column_dup (stmt, 1);
      attribute->label_id = sqlite3_column_int64 (stmt, 2);
      attribute->name = hsh_model_column_dup (stmt, 3);
      hsh_attribute_type_from_string ((const char *) sqlite3_column_text (stmt, 4), &attribute->type);
      attribute->choices = parse_choices ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (codebook->attributes, attribute);
    }
  sqlite3_reset (stmt);
  if (!(stmt = hsh_store_statement (store, roles_sql, error)))
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshRoleDef *role = g_new0 (HshRoleDef, 1);
      role->id = sqlite3_column_int64 (stmt, 0);
      role->uuid = hsh_model_column_dup (stmt, 1);
      role->label_id = sqlite3_column_int64 (stmt, 2);
      role->name = hsh_model_column_dup (stmt, 3);
      role->target_label_id = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (codebook->roles, role);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&codebook);
}

HshLabel *
hsh_codebook_label (HshCodebook *codebook, gint64 label_id)
{
  for (guint i = 0; i < codebook->labels->len; i++)
    {
      HshLabel *label = g_ptr_array_index (codebook->labels, i);
      if (label->id == label_id)
        return label;
    }
  return NULL;
}

HshLabel *
hsh_codebook_label_by_path (HshCodebook *codebook, const char *path)
{
  for (guint i = 0; i < codebook->labels->len; i++)
    {
      HshLabel *label = g_ptr_array_index (codebook->labels, i);
      if (g_strcmp0 (label->path, path) == 0)
        return label;
    }
  return NULL;
}

gboolean
hsh_codebook_label_is_a (HshCodebook *codebook, gint64 label_id, gint64 ancestor_id)
{
  /* Bounded by the number of labels, so a cycle in a damaged file cannot loop forever. */
  for (guint steps = 0; label_id != 0 && steps <= codebook->labels->len; steps++)
    {
      HshLabel *label;
      if (label_id == ancestor_id)
        return TRUE;
      if (!(label = hsh_codebook_label (codebook, label_id)))
        return FALSE;
      label_id = label->parent_id;
    }
  return FALSE;
}

static GPtrArray *
definitions_for (HshCodebook *codebook, GPtrArray *definitions, gsize label_offset, gint64 label_id)
{
  GPtrArray *found = g_ptr_array_new ();
  for (guint i = 0; i < definitions->len; i++)
    {
      gpointer definition = g_ptr_array_index (definitions, i);
      gint64 owner = *(gint64 *) G_STRUCT_MEMBER_P (definition, label_offset);
      if (hsh_codebook_label_is_a (codebook, label_id, owner))
        g_ptr_array_add (found, definition);
    }
  return found;
}

GPtrArray *
hsh_codebook_attributes_for (HshCodebook *codebook, gint64 label_id)
{
  return definitions_for (codebook, codebook->attributes, G_STRUCT_OFFSET (HshAttributeDef, label_id), label_id);
}

GPtrArray *
hsh_codebook_roles_for (HshCodebook *codebook, gint64 label_id)
{
  return definitions_for (codebook, codebook->roles, G_STRUCT_OFFSET (HshRoleDef, label_id), label_id);
}

HshAttributeDef *
hsh_codebook_attribute (HshCodebook *codebook, gint64 attribute_id)
{
  for (guint i = 0; i < codebook->attributes->len; i++)
    {
      HshAttributeDef *attribute = g_ptr_array_index (codebook->attributes, i);
      if (attribute->id == attribute_id)
        return attribute;
    }
  return NULL;
}

HshRoleDef *
hsh_codebook_role (HshCodebook *codebook, gint64 role_id)
{
  for (guint i = 0; i < codebook->roles->len; i++)
    {
      HshRoleDef *role = g_ptr_array_index (codebook->roles, i);
      if (role->id == role_id)
        return role;
    }
  return NULL;
}

/* Installing ------------------------------------------------------------------------------- */

static gint64
insert_label (HshStore *store, gint64 parent_id, const char *name, const char *color,
              const char *shortcut, const char *description, int position, GError **error)
{
  static const char sql[] =
    "INSERT INTO label (uuid, parent_id, name, color, shortcut, description, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, ifnull(?4, '#9a9996'), ?5, ifnull(?6, ''), ?7, ?8, ?9, ?9)";
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  parent_id > 0 ? sqlite3_bind_int64 (stmt, 2, parent_id) : sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, shortcut, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, position);
  hsh_model_bind_author (store, stmt, 8);
  sqlite3_bind_int64 (stmt, 9, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, "storing a label", error))
    return 0;
  return sqlite3_last_insert_rowid (hsh_store_get_db (store));
}

static gboolean
insert_attribute (HshStore *store, gint64 label_id, JsonObject *definition, int position, GError **error)
{
  static const char sql[] =
    "INSERT INTO attribute_def (uuid, label_id, name, type, choices, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
  g_autofree char *uuid = hsh_uuid_new ();
  g_autofree char *choices = NULL;
  HshAttributeType type;
  const char *name = json_object_get_string_member_with_default (definition, "name", NULL);
  sqlite3_stmt *stmt;

  if (name == NULL || !hsh_attribute_type_from_string (json_object_get_string_member_with_default (definition, "type", "text"), &type))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "An attribute definition lacks a name or has an unknown type");
      return FALSE;
    }
  if (json_object_has_member (definition, "choices"))
    choices = json_to_string (json_object_get_member (definition, "choices"), FALSE);
  if (!(stmt = hsh_store_statement (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, hsh_attribute_type_to_string (type), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, choices != NULL ? choices : "[]", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, position);
  hsh_model_bind_author (store, stmt, 7);
  sqlite3_bind_int64 (stmt, 8, hsh_now_ms ());
  return hsh_store_step_done (store, stmt, "storing an attribute definition", error);
}

static gboolean
insert_role (HshStore *store, gint64 label_id, gint64 target_id, const char *name, int position, GError **error)
{
  static const char sql[] =
    "INSERT INTO role_def (uuid, label_id, name, target_label_id, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, target_id);
  sqlite3_bind_int (stmt, 5, position);
  hsh_model_bind_author (store, stmt, 6);
  sqlite3_bind_int64 (stmt, 7, hsh_now_ms ());
  return hsh_store_step_done (store, stmt, "storing a role definition", error);
}

static gboolean
install_labels (HshStore *store, JsonArray *labels, gint64 parent_id, const char *parent_path,
                GHashTable *ids, GPtrArray *pending_roles, GError **error)
{
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonObject *entry = json_array_get_object_element (labels, i);
      const char *name = entry != NULL ? json_object_get_string_member_with_default (entry, "name", NULL) : NULL;
      g_autofree char *path = NULL;
      gint64 id;

      if (name == NULL || *name == '\0' || strchr (name, '/') != NULL)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "Codebook entry %u under “%s” has no name, or a name with “/”", i + 1,
                       parent_path != NULL ? parent_path : "the top");
          return FALSE;
        }
      path = parent_path != NULL ? g_strdup_printf ("%s/%s", parent_path, name) : g_strdup (name);
      id = insert_label (store, parent_id, name,
                         json_object_get_string_member_with_default (entry, "color", NULL),
                         json_object_get_string_member_with_default (entry, "key", NULL),
                         json_object_get_string_member_with_default (entry, "description", NULL),
                         (int) i, error);
      if (id == 0)
        return FALSE;
      g_hash_table_insert (ids, g_strdup (path), g_memdup2 (&id, sizeof id));
      if (json_object_has_member (entry, "attributes"))
        {
          JsonArray *attributes = json_object_get_array_member (entry, "attributes");
          for (guint a = 0; attributes != NULL && a < json_array_get_length (attributes); a++)
            if (!insert_attribute (store, id, json_array_get_object_element (attributes, a), (int) a, error))
              return FALSE;
        }
      if (json_object_has_member (entry, "roles"))
        {
          JsonArray *roles = json_object_get_array_member (entry, "roles");
          for (guint r = 0; roles != NULL && r < json_array_get_length (roles); r++)
            {
              JsonObject *role = json_array_get_object_element (roles, r);
              if (role == NULL)
                continue;
              /* Targets may be defined further down, so roles are stored after all labels. */
              g_ptr_array_add (pending_roles, g_strdup (path));
              g_ptr_array_add (pending_roles, g_strdup (json_object_get_string_member_with_default (role, "name", "")));
              g_ptr_array_add (pending_roles, g_strdup (json_object_get_string_member_with_default (role, "target", "")));
            }
        }
      if (json_object_has_member (entry, "children") &&
          !install_labels (store, json_object_get_array_member (entry, "children"), id, path, ids, pending_roles, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hsh_store_install_codebook (HshStore *store, const char *json, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  JsonArray *labels;
  HshOplog *log;

  if (!json_parser_load_from_data (parser, json, -1, &local))
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "The codebook is not valid JSON: %s", local->message);
      return FALSE;
    }
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  labels = root != NULL && json_object_has_member (root, "labels") ? json_object_get_array_member (root, "labels") : NULL;
  if (labels == NULL)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "The codebook has no “labels” list");
      return FALSE;
    }
  if (!(log = hsh_oplog_start (store, 0, "Install a codebook", error)))
    return FALSE;
  if (root != NULL && json_object_has_member (root, "name") &&
      !hsh_store_set_setting (store, "codebook.name", json_object_get_string_member (root, "name"), error))
    goto fail;
  if (!install_labels (store, labels, 0, NULL, ids, roles, error))
    goto fail;
  for (guint i = 0; i < roles->len; i += 3)
    {
      gint64 *owner = g_hash_table_lookup (ids, g_ptr_array_index (roles, i));
      gint64 *target = g_hash_table_lookup (ids, g_ptr_array_index (roles, i + 2));
      if (target == NULL)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "Role “%s” of “%s” targets an unknown label “%s”",
                       (char *) g_ptr_array_index (roles, i + 1), (char *) g_ptr_array_index (roles, i),
                       (char *) g_ptr_array_index (roles, i + 2));
          goto fail;
        }
      if (!insert_role (store, *owner, *target, g_ptr_array_index (roles, i + 1), (int) i / 3, error))
        goto fail;
    }
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}

gboolean
hsh_store_install_default_codebook (HshStore *store, GError **error)
{
  g_autoptr(GBytes) json = NULL;

  hsh_core_get_resource ();
  json = g_resources_lookup_data ("/io/github/hashiya/Hashiya/core/default-codebook.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (json == NULL)
    return FALSE;
  return hsh_store_install_codebook (store, g_bytes_get_data (json, NULL), error);
}

static gint64
find_label (HshStore *store, gint64 parent_id, const char *name, GError **error)
{
  static const char sql[] =
    "SELECT id FROM label WHERE deleted = 0 AND ifnull(parent_id, 0) = ?1 AND name = ?2 ORDER BY id LIMIT 1";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
hsh_store_ensure_label (HshStore *store, const char *path, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  gint64 parent = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;
      if (*parts[i] == '\0')
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "“%s” is not a label path", path);
          return 0;
        }
      if ((id = find_label (store, parent, parts[i], error)) < 0)
        return 0;
      if (id == 0 && !(id = insert_label (store, parent, parts[i], NULL, NULL, NULL, 1000, error)))
        return 0;
      parent = id;
    }
  return parent;
}
