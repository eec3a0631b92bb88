/* hsh-bundle-lookup.h: what the bundle reader looks up by id for every annotation — label paths,
 * attribute and role names, actors, annotators, and the side tables — loaded once for an export
 * and only read after, so that the threads of a parallel export can share it. */
#pragma once

#include "hsh-bundle-sides.h"
#include "hsh-model.h"

G_BEGIN_DECLS

/* Row ids to values: small ids (all of them, in any project a person made) index an array, which
 * costs less than hashing. */
#define HSH_ID_MAP_DENSE 65536

typedef struct {
  GPtrArray  *dense;    /* id → value, for ids below HSH_ID_MAP_DENSE */
  GHashTable *sparse;   /* gint64 id → value, for the others; NULL until one comes */
  GPtrArray  *owned;    /* values freed with the map, or NULL */
} HshIdMap;

static inline gpointer
hsh_id_map_lookup (const HshIdMap *map, gint64 id)
{
  if (id >= 0 && id < (gint64) map->dense->len)
    return g_ptr_array_index (map->dense, id);
  return map->sparse != NULL ? g_hash_table_lookup (map->sparse, &id) : NULL;
}

/* An actor or an annotator. */
typedef struct {
  char *name;
  char *detail;   /* an actor's Wikidata id, an annotator's UUID */
} HshPerson;

typedef struct {
  gatomicrefcount refs;
  HshCodebook *codebook;
  HshIdMap     labels;       /* label id → path, both the codebook's */
  HshIdMap     attributes;   /* attribute id → name */
  HshIdMap     roles;        /* role id → name */
  HshIdMap     actors;       /* actor id → HshPerson */
  HshIdMap     annotators;   /* annotator id → HshPerson */
  HshSides    *sides;        /* every row, or for a list those of the current document */
} HshBundleLookup;

/* Loads everything from @store. With @per_document, the side tables are left to be read one
 * document at a time; otherwise all are read, with the help of the connections @helpers (may be
 * NULL; see hsh_sides_read_all). */
HshBundleLookup *hsh_bundle_lookup_load  (HshStore        *store,
                                          gboolean         per_document,
                                          GPtrArray       *helpers,
                                          GError         **error);
HshBundleLookup *hsh_bundle_lookup_ref   (HshBundleLookup *lookup);
void             hsh_bundle_lookup_unref (HshBundleLookup *lookup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshBundleLookup, hsh_bundle_lookup_unref)

G_END_DECLS
