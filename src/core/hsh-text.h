/* hsh-text.h: code-point offsets over UTF-8 text, and the one clean-up imported text gets. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A table from code-point offset to byte offset, for texts sliced many times. */
typedef struct _HshOffsetIndex HshOffsetIndex;

HshOffsetIndex *hsh_offset_index_new        (const char     *text);
void            hsh_offset_index_free       (HshOffsetIndex *index);
gint64          hsh_offset_index_length     (HshOffsetIndex *index);
/* Byte offset of code point @offset; @offset may equal the length. */
gsize           hsh_offset_index_byte       (HshOffsetIndex *index,
                                             gint64          offset);
char           *hsh_offset_index_slice      (HshOffsetIndex *index,
                                             gint64          start,
                                             gint64          end);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshOffsetIndex, hsh_offset_index_free)

/* The text between code points [@start, @end) of valid UTF-8 @text, or NULL when out of range. */
char           *hsh_text_slice              (const char     *text,
                                             gint64          start,
                                             gint64          end);

/* Decodes an imported file to the frozen text of a document: UTF-8 (BOM stripped) or UTF-16
 * with a BOM; CRLF and lone CR become LF; nothing else changes. Invalid bytes are refused with
 * the byte offset in @where. */
char           *hsh_text_decode_import      (const char     *data,
                                             gsize           length,
                                             const char     *where,
                                             GError        **error);
/* Hex SHA-256 of the frozen text: a document's identity across project files. */
char           *hsh_text_sha256             (const char     *text);
/* Appends @value's decimal digits as printf writes them, without printf's cost: exports and
 * merges write or compare millions of offsets and ids. */
void            hsh_string_append_int64     (GString        *out,
                                             gint64          value);

G_END_DECLS
