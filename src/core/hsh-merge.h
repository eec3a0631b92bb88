/* hsh-merge.h: bringing a colleague's project file into this one without losing anything. */
#pragma once

#include "hsh-store.h"

G_BEGIN_DECLS

typedef struct {
  char       *source;              /* the file merged */
  guint       documents_added;
  guint       annotations_added;
  guint       annotations_updated; /* edits and deletions that followed ours */
  guint       rows_added;          /* every table, annotations included */
  guint       rows_updated;
  guint       conflicts;           /* rows edited differently on both sides, kept for a person */
  guint       skipped;             /* rows of a damaged file that refer to rows it lacks */
  GHashTable *by_coder;            /* annotator name → annotations added or updated */
} HshMergeSummary;

void      hsh_merge_summary_free   (HshMergeSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshMergeSummary, hsh_merge_summary_free)
/* "12 annotations from Layla, 3 from Omar; 1 conflict" */
char     *hsh_merge_summary_describe (const HshMergeSummary *summary);

/* Merges the project at @source_path, opened read-only and checked like any project file, into
 * @store in one transaction: rows are matched by UUID (documents by the SHA-256 of their text,
 * codebook entries and actors also by name), a row whose copy here was not edited since takes
 * the other's edit, and a row edited on both sides keeps one version — the later edit, so that
 * the result does not depend on the order of merges — and lists the other as a conflict.
 * Merging the same file twice changes nothing. On any failure @store is left as it was. */
HshMergeSummary *hsh_store_merge   (HshStore        *store,
                                    const char      *source_path,
                                    GCancellable    *cancellable,
                                    GError         **error);

typedef struct {
  gint64  id;
  char   *table;     /* "annotation", "label", … */
  char   *row_uuid;
  char   *version;   /* the version not kept in the row, as JSON */
  char   *source;    /* the file it came from */
  gint64  created;
} HshConflict;

void       hsh_conflict_free          (HshConflict *conflict);
/* Conflicts nobody has resolved yet, oldest first. */
GPtrArray *hsh_store_list_conflicts   (HshStore    *store,
                                       GError     **error);
/* Resolves a conflict: @take_listed writes the listed version over the row; otherwise the row
 * stays as it is. Either way the row's version now follows both, so the conflict cannot come
 * back from the same files. Undoable. */
gboolean   hsh_store_resolve_conflict (HshStore    *store,
                                       gint64       conflict_id,
                                       gboolean     take_listed,
                                       GError     **error);

G_END_DECLS
