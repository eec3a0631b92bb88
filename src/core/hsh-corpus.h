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
/* Writes the documents @document_ids (NULL: all) to @path in @format, all read in one snapshot
 * of the project. No format holds the whole corpus: JSONL, CSV and CoNLL are read and formatted
 * on every core (hsh-export-stream.h), the others a document at a time (HshDocumentWriter);
 * only a format without either would take every bundle together. @summary (may be NULL)
 * receives what was written. */
gboolean   hsh_store_export         (HshStore               *store,
                                     const HshFormat        *format,
                                     GArray                 *document_ids,
                                     HshLayer                layer,
                                     const char             *path,
                                     const HshExportOptions *options,
                                     HshExportSummary       *summary,
                                     GError                **error);

/* Importing ---------------------------------------------------------------------------------- */

/* An import under way: one transaction that bundles are written into as they are read, so that
 * a corpus of any size imports in bounded memory and still all or nothing. Lookups of labels,
 * definitions, annotators and actors are kept from one bundle to the next. */
typedef struct _HshImport HshImport;

/* Begins the import's transaction on @store; NULL with @error set when it cannot. */
HshImport *hsh_import_begin       (HshStore         *store,
                                   GError          **error);
/* Checks @bundle (hsh_bundle_validate) and writes it; on FALSE, abandon the import. */
gboolean   hsh_import_add         (HshImport        *import,
                                   HshBundle        *bundle,
                                   GError          **error);
/* The same for a bundle already checked and unchanged since, as every format reader returns
 * them: a large corpus is not checked twice. */
gboolean   hsh_import_add_checked (HshImport        *import,
                                   HshBundle        *bundle,
                                   GError          **error);
/* What writing a bundle needs that does not depend on the project — UUIDs for the rows it will
 * add, each span's ranges in their stored form — worked out beforehand, on any thread, so that
 * the thread writing spends its time in SQLite. It points into its bundle: keep both until the
 * bundle is written. */
typedef struct _HshImportPlan HshImportPlan;

HshImportPlan *hsh_import_plan_new  (const HshBundle *bundle);
void           hsh_import_plan_free (HshImportPlan   *plan);
/* hsh_import_add_checked() with the plan made for @bundle. */
gboolean   hsh_import_add_planned (HshImport           *import,
                                   HshBundle           *bundle,
                                   const HshImportPlan *plan,
                                   GError             **error);
/* Commits what was written, fills @summary (may be NULL) and frees the import. On FALSE nothing
 * was imported. */
gboolean   hsh_import_commit      (HshImport        *import,
                                   HshImportSummary *summary,
                                   GError          **error);
/* Rolls back everything the import wrote and frees it. */
void       hsh_import_abandon     (HshImport        *import);

/* Imports the files (or folders) @paths, @formats[i] reading @paths[i], in one transaction: all
 * or nothing. JSONL is read and written a document at a time, in bounded memory however large
 * the file; the other formats a file at a time. @progress (may be NULL) hears how far the
 * import has got, from 0 to 1. */
gboolean   hsh_store_import_files (HshStore               *store,
                                   const char *const      *paths,
                                   const HshFormat *const *formats,
                                   HshImportSummary       *summary,
                                   GCancellable           *cancellable,
                                   HshProgressFunc         progress,
                                   gpointer                progress_data,
                                   GError                **error);

/* Every label path of the codebook, in codebook order, NULL-terminated. */
char     **hsh_codebook_dup_paths   (HshCodebook   *codebook);
/* The format a path most likely holds, from its extension or contents: "jsonl", "brat",
 * "conll", "refi" or "text". */
const HshFormat *hsh_format_guess   (const char    *path);

G_END_DECLS
