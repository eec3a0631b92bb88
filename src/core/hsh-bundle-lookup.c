/* hsh-bundle-lookup.c: the codebook, people and side tables a bundle reader looks up by id. */
#include "hsh-bundle-lookup.h"
#include "hsh-model-private.h"

/* A NULL actor or author reads as 0: none. */
static const char actors_sql[] = "SELECT id, name, wikidata FROM actor WHERE deleted = 0";
static const char annotators_sql[] = "SELECT id, name, uuid FROM annotator";

static void
person_free (HshPerson *person)
{
  g_free (person->name);
  g_free (person->detail);
  g_free (person);
}

static void
id_map_init (HshIdMap *map, GDestroyNotify free_value)
{
  map->dense = g_ptr_array_new ();
  map->owned = free_value != NULL ? g_ptr_array_new_with_free_func (free_value) : NULL;
}

static void
id_map_insert (HshIdMap *map, gint64 id, gpointer value)
{
  if (map->owned != NULL)
    g_ptr_array_add (map->owned, value);
  if (id >= 0 && id < HSH_ID_MAP_DENSE)
    {
      if ((guint) id >= map->dense->len)
        g_ptr_array_set_size (map->dense, (guint) id + 1);
      g_ptr_array_index (map->dense, id) = value;
      return;
    }
  if (map->sparse == NULL)
    map->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_insert (map->sparse, g_memdup2 (&id, sizeof id), value);
}

static void
id_map_clear (HshIdMap *map)
{
  g_clear_pointer (&map->dense, g_ptr_array_unref);
  g_clear_pointer (&map->sparse, g_hash_table_unref);
  g_clear_pointer (&map->owned, g_ptr_array_unref);
}

static gboolean
load_people (HshStore *store, const char *sql, HshIdMap *people, GError **error)
{
  sqlite3 *db = hsh_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        HshPerson *person = g_new0 (HshPerson, 1);
        person->name = hsh_model_column_dup (stmt, 1);
        person->detail = hsh_model_column_dup (stmt, 2);
        id_map_insert (people, sqlite3_column_int64 (stmt, 0), person);
      }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Could not read the project for export: %s",
               sqlite3_errmsg (db));
  return FALSE;
}

/* Lookups by id into the codebook, which the lookup keeps, so each costs no copy. */
static void
index_codebook (HshBundleLookup *lookup)
{
  HshCodebook *book = lookup->codebook;

  for (guint i = 0; i < book->labels->len; i++)
    {
      HshLabel *label = g_ptr_array_index (book->labels, i);
      id_map_insert (&lookup->labels, label->id, label->path);
    }
  for (guint i = 0; i < book->attributes->len; i++)
    {
      HshAttributeDef *def = g_ptr_array_index (book->attributes, i);
      id_map_insert (&lookup->attributes, def->id, def->name);
    }
  for (guint i = 0; i < book->roles->len; i++)
    {
      HshRoleDef *role = g_ptr_array_index (book->roles, i);
      id_map_insert (&lookup->roles, role->id, role->name);
    }
}

HshBundleLookup *
hsh_bundle_lookup_load (HshStore *store, gboolean per_document, GPtrArray *helpers, GError **error)
{
  g_autoptr(HshBundleLookup) lookup = g_new0 (HshBundleLookup, 1);

  g_atomic_ref_count_init (&lookup->refs);
  id_map_init (&lookup->labels, NULL);
  id_map_init (&lookup->attributes, NULL);
  id_map_init (&lookup->roles, NULL);
  id_map_init (&lookup->actors, (GDestroyNotify) person_free);
  id_map_init (&lookup->annotators, (GDestroyNotify) person_free);
  if (!(lookup->codebook = hsh_store_load_codebook (store, error)) ||
      !load_people (store, actors_sql, &lookup->actors, error) ||
      !load_people (store, annotators_sql, &lookup->annotators, error))
    return NULL;
  index_codebook (lookup);
  lookup->sides = per_document ? hsh_sides_new_per_document (store, error)
                               : hsh_sides_read_all (store, helpers, error);
  if (lookup->sides == NULL)
    return NULL;
  return g_steal_pointer (&lookup);
}

HshBundleLookup *
hsh_bundle_lookup_ref (HshBundleLookup *lookup)
{
  g_atomic_ref_count_inc (&lookup->refs);
  return lookup;
}

void
hsh_bundle_lookup_unref (HshBundleLookup *lookup)
{
  if (lookup == NULL || !g_atomic_ref_count_dec (&lookup->refs))
    return;
  g_clear_pointer (&lookup->sides, hsh_sides_free);
  id_map_clear (&lookup->labels);
  id_map_clear (&lookup->attributes);
  id_map_clear (&lookup->roles);
  id_map_clear (&lookup->actors);
  id_map_clear (&lookup->annotators);
  g_clear_pointer (&lookup->codebook, hsh_codebook_free);
  g_free (lookup);
}
