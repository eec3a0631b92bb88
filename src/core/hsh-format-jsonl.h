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
