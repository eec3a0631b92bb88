/* hsh-corpus.h: a project's documents as bundles for the format writers, and bundles from the
 * format readers into a project — what `hashiya-cli import/export` and the app's dialogs call. */
#pragma once

#include "hsh-format.h"
#include "hsh-model.h"

G_BEGIN_DECLS

typedef enum {
  HSH_LAYER_ALL,     /* every coder's annotations and the gold layer */
  HSH_LAYER_CODERS,  /* coders' annotations, no gold */
  HSH_LAYER_GOLD,    /* the adjudicated gold layer only */
} HshLayer;

/* Reads documents as bundles one at a time, for exports of any size: documents and annotations
 * are streamed in document order, attribute values, notes and role links read once, so neither
 * a query per annotation nor every bundle in memory at once. */
typedef struct _HshBundleReader HshBundleReader;

/* A reader of the documents @document_ids (NULL: every document, in import order), holding the
 * annotations of @layer. */
HshBundleReader *hsh_bundle_reader_new   (HshStore        *store,
                                          GArray          *document_ids,
                                          HshLayer         layer,
                                          GError         **error);
/* How many bundles the reader returns in all, for progress. */
guint            hsh_bundle_reader_count (HshBundleReader *reader);
/* The next bundle, or NULL at the end or on error (@error set). */
HshBundle       *hsh_bundle_reader_next  (HshBundleReader *reader,
                                          GError         **error);
/* The same, lent: the reader reuses it and everything it points to for the next bundle, so it
 * costs no allocation per span; read it, never change or keep it. What a streamed export wants. */
const HshBundle *hsh_bundle_reader_borrow_next (HshBundleReader *reader,
                                          GError         **error);
/* For a parallel export: a reader of every document whose attribute values, notes and role links
 * are read by @store and the connections @helpers (HshStore, other connections to the same file
 * reading the same snapshot), each in a thread of its own. */
HshBundleReader *hsh_bundle_reader_new_with_helpers (HshStore  *store,
                                          GPtrArray       *helpers,
                                          HshLayer         layer,
                                          GError         **error);
/* For a parallel export: a reader of the same documents through @connection (another
 * connection to the same file, for another thread), sharing what @whole (a reader of every
 * document) loaded once for all: codebook, people, attribute values, notes and role links,
 * which no reader changes after loading them. */
HshBundleReader *hsh_bundle_reader_new_part (HshBundleReader *whole,
                                          HshStore        *connection,
                                          GError         **error);
/* Makes a reader of every document (or a part) return next the live documents whose ids lie
 * between @first and @last, in id order, and then no more. */
gboolean         hsh_bundle_reader_seek  (HshBundleReader *reader,
                                          gint64           first,
                                          gint64           last,
                                          GError         **error);
void             hsh_bundle_reader_free  (HshBundleReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshBundleReader, hsh_bundle_reader_free)

typedef struct {
  guint documents;
  guint annotations;   /* those written: the layer's, passing the label and annotator filters */
} HshExportSummary;

/* Counts @bundle and those of its annotations that @options let through into @summary. */
void       hsh_export_summary_count (HshExportSummary       *summary,
                                     const HshBundle        *bundle,
                                     const HshExportOptions *options);
/* Bundles of the documents @document_ids (NULL: every document, in import order), holding the
 * annotations of @layer. */
GPtrArray *hsh_store_export_bundles (HshStore      *store,
                                     GArray        *document_ids,
                                     HshLayer       layer,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* Writes the documents @document_ids (NULL: all) to @path in @format. JSONL is streamed a document
 * at a time, so a million annotations never sit in memory at once; the other writers take every
 * bundle together. @summary (may be NULL) receives what was written. */
gboolean   hsh_store_export         (HshStore               *store,
                                     const HshFormat        *format,
                                     GArray                 *document_ids,
                                     HshLayer                layer,
                                     const char             *path,
                                     const HshExportOptions *options,
                                     HshExportSummary       *summary,
                                     GError                **error);
/* Every label path of the codebook, in codebook order, NULL-terminated. */
char     **hsh_codebook_dup_paths   (HshCodebook   *codebook);
/* The format a path most likely holds, from its extension or contents: "jsonl", "brat",
 * "conll", "refi" or "text". */
const HshFormat *hsh_format_guess   (const char    *path);

G_END_DECLS
