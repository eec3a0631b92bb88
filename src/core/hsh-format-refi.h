/* hsh-format-refi.h: REFI-QDA projects (.qdpx), the exchange format of MAXQDA, NVivo, ATLAS.ti
 * and QualCoder: read and write. Selection positions are code points, end-exclusive. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_refi;

/* Reads a .qdpx file, or a folder holding an unpacked project (project.qde + sources/). */
gboolean hsh_refi_read  (const char             *path,
                         GPtrArray              *bundles,
                         GCancellable           *cancellable,
                         GError                **error);
gboolean hsh_refi_write (GPtrArray              *bundles,
                         const char             *path,
                         const HshExportOptions *options,
                         GError                **error);

/* Whether @text is a GUID as the REFI-QDA schema spells it (with or without braces). */
gboolean hsh_refi_is_guid (const char *text);

G_END_DECLS
