/* hsh-format-common.h: what the brat, CoNLL and WebAnno formats share: files, tokens, sentences. */
#pragma once

#include "hsh-format.h"
#include "hsh-text.h"

G_BEGIN_DECLS

/* Reads a whole file; a missing file is HSH_ERROR_NOT_FOUND, any other failure HSH_ERROR_IO. */
gboolean  hsh_format_load_file        (const char     *path,
                                       char          **data,
                                       gsize          *length,
                                       GError        **error);
/* Replaces @path atomically with @contents. */
gboolean  hsh_format_save_file        (const char     *path,
                                       const GString  *contents,
                                       GError        **error);
gboolean  hsh_format_make_folder      (const char     *path,
                                       GError        **error);
/* Byte offset in @data where line @line (from 1) begins, counting LF, CRLF and lone CR as line
 * ends: messages name the byte in the file as saved, before its line ends were cleaned up. */
gsize     hsh_format_line_byte        (const char     *data,
                                       gsize           length,
                                       guint           line);
/* A file name (without extension) for the @index-th bundle in a folder: its title made safe
 * for every file system, or "document-N"; unique among the names already in @used. */
char     *hsh_format_file_stem        (const HshBundle *bundle,
                                       guint            index,
                                       GHashTable      *used);
/* The entries of @path whose names end in @suffix, sorted so that every machine numbers
 * documents alike. */
GPtrArray *hsh_format_list_folder     (const char     *path,
                                       const char     *suffix,
                                       GError        **error);

/* The code points of valid UTF-8 @text (a NUL-terminated array) and their number. */
gunichar *hsh_format_code_points      (const char     *text,
                                       gint64         *length);
/* The UTF-8 text of code points [@start, @end) of @chars. */
char     *hsh_format_chars_to_utf8    (const gunichar *chars,
                                       gint64          start,
                                       gint64          end);
/* Tokens of @chars as HshRange: runs separated by white space and direction marks
 * (LRM, RLM, ALM, embeddings, isolates), which belong to no token. Punctuation and symbols
 * are tokens of their own, except . , - ' ’ / : _ @ & between two letters or digits (12.5,
 * U.N, al-Quds). Where @cuts (length + 1 entries, or NULL) is set, a token also ends. */
GArray   *hsh_format_tokenize         (const gunichar *chars,
                                       gint64          length,
                                       const guint8   *cuts);
/* Indices into @tokens of the tokens that begin a sentence, 0 first. A sentence ends at a line
 * break and after sentence-final punctuation (. ! ? ؟ … ۔), but never between two tokens that
 * an annotation joins: @bridged[p] (length + 1 entries, or NULL) says an annotation continues
 * from code point p - 1 to p. */
GArray   *hsh_format_sentence_starts  (const gunichar *chars,
                                       GArray         *tokens,
                                       const guint8   *bridged);
/* Marks in @bridged (length + 1 entries) the inside of [@start, @end). */
void      hsh_format_bridge           (guint8         *bridged,
                                       gint64          start,
                                       gint64          end);

G_END_DECLS
