/* hsh-actors.c: the actor registry — canonical actors with Arabic and Latin aliases. */
#include "hsh-model-private.h"

void
hsh_actor_free (HshActor *actor)
{
  if (actor == NULL)
    return;
  g_free (actor->uuid);
  g_free (actor->name);
  g_free (actor->kind);
  g_free (actor->wikidata);
  g_strfreev (actor->aliases);
  g_free (actor);
}

static char **
load_aliases (HshStore *store, gint64 actor_id)
{
  static const char sql[] = "SELECT alias FROM actor_alias WHERE actor_id = ?1 AND deleted = 0 ORDER BY id";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, NULL);
  GPtrArray *aliases = g_ptr_array_new ();

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, actor_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (aliases, hsh_model_column_dup (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_ptr_array_add (aliases, NULL);
  return (char **) g_ptr_array_free (aliases, FALSE);
}

static GPtrArray *
query_actors (HshStore *store, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GPtrArray *actors;

  if (stmt == NULL)
    return NULL;
  actors = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_actor_free);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HshActor *actor = g_new0 (HshActor, 1);
      actor->id = sqlite3_column_int64 (stmt, 0);
      actor->uuid = hsh_model_column_dup (stmt, 1);
      actor->name = hsh_model_column_dup (stmt, 2);
      actor->kind = hsh_model_column_dup (stmt, 3);
      actor->wikidata = hsh_model_column_dup (stmt, 4);
      g_ptr_array_add (actors, actor);
    }
  sqlite3_reset (stmt);
  /* Aliases are read after the actor query is reset, as both use cached statements. */
  for (guint i = 0; i < actors->len; i++)
    {
      HshActor *actor = g_ptr_array_index (actors, i);
      actor->aliases = load_aliases (store, actor->id);
    }
  return actors;
}

GPtrArray *
hsh_store_list_actors (HshStore *store, GError **error)
{
  static const char sql[] =
    "SELECT id, uuid, name, kind, wikidata FROM actor WHERE deleted = 0 ORDER BY name COLLATE NOCASE";
  return query_actors (store, sql, 0, error);
}

HshActor *
hsh_store_get_actor (HshStore *store, gint64 actor_id, GError **error)
{
  static const char sql[] = "SELECT id, uuid, name, kind, wikidata FROM actor WHERE id = ?1 AND deleted = 0";
  g_autoptr(GPtrArray) found = query_actors (store, sql, actor_id, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No actor %" G_GINT64_FORMAT, actor_id);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

gint64
hsh_store_ensure_actor (HshStore *store, const char *name, const char *wikidata, GError **error)
{
  static const char find_sql[] = "SELECT id FROM actor WHERE name = ?1 AND deleted = 0 ORDER BY id LIMIT 1";
  static const char insert_sql[] =
    "INSERT INTO actor (uuid, name, wikidata, author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt = hsh_store_statement (store, find_sql, error);
  HshOplog *log;
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;
  if (!(log = hsh_oplog_start (store, 0, "Add an actor", error)))
    return 0;
  uuid = hsh_uuid_new ();
  if (!(stmt = hsh_store_statement (store, insert_sql, error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, wikidata, -1, SQLITE_TRANSIENT);
  hsh_model_bind_author (store, stmt, 4);
  sqlite3_bind_int64 (stmt, 5, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, "adding an actor", error))
    goto fail;
  id = sqlite3_last_insert_rowid (hsh_store_get_db (store));
  if (!hsh_oplog_after (log, "actor", id, error) || !hsh_oplog_finish (log, error))
    return 0;
  return id;

fail:
  hsh_oplog_abort (log);
  return 0;
}

static const char *
script_of (const char *alias)
{
  for (const char *p = alias; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));
      if (script == G_UNICODE_SCRIPT_ARABIC)
        return "arab";
      if (script == G_UNICODE_SCRIPT_LATIN)
        return "latn";
    }
  return "other";
}

gboolean
hsh_store_add_actor_alias (HshStore *store, gint64 actor_id, const char *alias, GError **error)
{
  static const char find_sql[] = "SELECT 1 FROM actor_alias WHERE actor_id = ?1 AND alias = ?2 AND deleted = 0";
  static const char insert_sql[] =
    "INSERT INTO actor_alias (uuid, actor_id, alias, script, author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (store, find_sql, error);
  gboolean exists;
  HshOplog *log;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_text (stmt, 2, alias, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    return TRUE;
  if (!(log = hsh_oplog_start (store, 0, "Add an actor alias", error)))
    return FALSE;
  if (!(stmt = hsh_store_statement (store, insert_sql, error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, actor_id);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, script_of (alias), -1, SQLITE_STATIC);
  hsh_model_bind_author (store, stmt, 5);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  if (!hsh_store_step_done (store, stmt, "adding an alias", error) ||
      !hsh_oplog_after (log, "actor_alias", sqlite3_last_insert_rowid (hsh_store_get_db (store)), error))
    goto fail;
  return hsh_oplog_finish (log, error);

fail:
  hsh_oplog_abort (log);
  return FALSE;
}
