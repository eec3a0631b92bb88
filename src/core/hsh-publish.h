/* hsh-publish.h: a shared folder (network drive, Nextcloud, Dropbox) holding one published
 * snapshot per coder, and collecting the others' snapshots into one's own project. */
#pragma once

#include "hsh-merge.h"
#include "hsh-store.h"

G_BEGIN_DECLS

/* The shared folder a project is connected to (a project setting), or NULL. */
char      *hsh_store_get_shared_folder (HshStore     *store);
gboolean   hsh_store_set_shared_folder (HshStore     *store,
                                        const char   *folder,
                                        GError      **error);
/* The snapshot file name of the current annotator: "<name>-<first 8 of uuid>.hashiya". */
char      *hsh_store_snapshot_name     (HshStore     *store);
/* Writes a consistent copy of the project into @folder as this coder's snapshot: to a
 * temporary name first, synced, then renamed over the previous snapshot, so that readers never
 * see a half-written file. Returns the snapshot's path. */
char      *hsh_store_publish           (HshStore     *store,
                                        const char   *folder,
                                        GError      **error);
/* Merges every other coder's snapshot found in @folder (read-only) into @store, one merge
 * per file; a file that cannot be merged is reported and skipped, the others still merge.
 * Returns one HshMergeSummary per merged file; @failures receives "file: reason" strings. */
GPtrArray *hsh_store_collect           (HshStore     *store,
                                        const char   *folder,
                                        GPtrArray    *failures,
                                        GCancellable *cancellable,
                                        GError      **error);

G_END_DECLS
