/* hsh-export-stream.h: a streamed export — documents read, formatted and written a run at a
 * time, by as many threads as the machine has cores, into a file identical to what one thread
 * would write. */
#pragma once

#include "hsh-corpus.h"

G_BEGIN_DECLS

/* Appends @bundle to @out in a format that writes each document on its own (JSONL). Called from
 * several threads at once: it may only read @bundle and @options. */
typedef void (*HshAppendBundleFunc) (GString                *out,
                                     const HshBundle        *bundle,
                                     const HshExportOptions *options);

/* Writes the documents @document_ids (NULL: every live document, in id order) of @store with
 * their annotations of @layer to @path, each formatted by @append. Everything written is read
 * in one snapshot of the project, however many connections read it; memory stays that of a few
 * runs of documents. @options may be NULL; its progress function is called from the threads
 * that write. */
gboolean hsh_export_stream (HshStore               *store,
                            GArray                 *document_ids,
                            HshLayer                layer,
                            HshAppendBundleFunc     append,
                            const char             *path,
                            const HshExportOptions *options,
                            HshExportSummary       *summary,
                            GError                **error);

G_END_DECLS
