/* hsh-format-plain.h: plain-text documents (UTF-8 or UTF-16, any line ends), import only. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_plain;

/* One document from a text file: decoded and cleaned as hsh_text_decode_import describes,
 * titled after the file name without its extension. */
HshBundle *hsh_plain_read_file (const char    *path,
                                GError       **error);

G_END_DECLS
