/* hsh-export-stream.h: a streamed export — documents read, formatted and written a run at a
 * time, by as many threads as the machine has cores, into a file identical to what one thread
 * would write. */
#pragma once

#include "hsh-corpus.h"

G_BEGIN_DECLS

/* A format that writes each document on its own (JSONL, CSV), after an optional header. */
typedef struct {
  /* Reads what the header needs, in the snapshot the export reads (NULL: nothing to read). */
  gboolean (*plan) (HshStore *store, GArray *document_ids, HshLayer layer,
                    const HshExportOptions *options, gpointer data, GError **error);
  /* Appends what comes before the first document, or NULL for nothing. */
  void (*begin)  (GString *out, const HshExportOptions *options, gpointer data);
  /* Appends @bundle, or fails with @error set. Called from several threads at once: it may only
   * read its arguments, and the bundle (the calling thread's own). */
  gboolean (*append) (GString *out, HshBundle *bundle, const HshExportOptions *options, gpointer data,
                      GError **error);
  gpointer data;
} HshStreamWriter;

/* Writes the documents @document_ids (NULL: every live document, in id order) of @store with
 * their annotations of @layer to @path, through @writer. Everything written is read in one
 * snapshot of the project, however many connections read it; memory stays that of a few runs
 * of documents. @options may be NULL; its progress function is called from the threads that
 * write. */
gboolean hsh_export_stream (HshStore               *store,
                            GArray                 *document_ids,
                            HshLayer                layer,
                            const HshStreamWriter  *writer,
                            const char             *path,
                            const HshExportOptions *options,
                            HshExportSummary       *summary,
                            GError                **error);

G_END_DECLS
