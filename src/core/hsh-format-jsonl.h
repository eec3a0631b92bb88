/* hsh-format-jsonl.h: Hashiya's native JSON Lines exchange format (read and write), which also
 * reads doccano's sequence-labelling and relation exports. Offsets are code points. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_jsonl;

/* The format version written in every line's "hashiya" key; newer files are refused. */
#define HSH_JSONL_VERSION 1

gboolean hsh_jsonl_read           (const char             *path,
                                   GPtrArray              *bundles,
                                   GCancellable           *cancellable,
                                   GError                **error);

/* Reads a JSONL file one document at a time, so that an import of any size holds one line and
 * one bundle, not the whole file and every bundle. Each bundle is checked as hsh_jsonl_read
 * checks it; errors name the file, line and column alike. */
typedef struct _HshJsonlReader HshJsonlReader;

HshJsonlReader *hsh_jsonl_reader_new          (const char      *path,
                                               GError         **error);
/* The next document, or NULL: at the end of the file, or with @error set. */
HshBundle      *hsh_jsonl_reader_next         (HshJsonlReader  *reader,
                                               GCancellable    *cancellable,
                                               GError         **error);
/* How much of the file has been read, from 0 to 1. */
double          hsh_jsonl_reader_get_fraction (HshJsonlReader  *reader);
void            hsh_jsonl_reader_free         (HshJsonlReader  *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshJsonlReader, hsh_jsonl_reader_free)

gboolean hsh_jsonl_write          (GPtrArray              *bundles,
                                   const char             *path,
                                   const HshExportOptions *options,
                                   GError                **error);
/* Appends @bundle as one line of Hashiya JSONL (with its newline) to @out. */
void     hsh_jsonl_append_bundle  (GString                *out,
                                   const HshBundle        *bundle,
                                   const HshExportOptions *options);
/* Appends @value as a quoted JSON string; @value must be valid UTF-8. */
void     hsh_json_append_string   (GString                *out,
                                   const char             *value);

G_END_DECLS
