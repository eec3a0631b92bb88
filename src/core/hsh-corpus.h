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

/* Bundles of the documents @document_ids (NULL: every document, in import order), holding the
 * annotations of @layer. */
GPtrArray *hsh_store_export_bundles (HshStore      *store,
                                     GArray        *document_ids,
                                     HshLayer       layer,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* Every label path of the codebook, in codebook order, NULL-terminated. */
char     **hsh_codebook_dup_paths   (HshCodebook   *codebook);
/* The format a path most likely holds, from its extension or contents: "jsonl", "brat",
 * "conll", "refi" or "text". */
const HshFormat *hsh_format_guess   (const char    *path);

G_END_DECLS
